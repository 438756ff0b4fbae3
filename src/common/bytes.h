// Bounds-checked little-endian byte cursor (ByteReader) and appender
// (ByteWriter), including MySQL's length-encoded integers and strings.
// Every decoder in relaydb reads through ByteReader: a short or malformed
// input becomes a Status, never an out-of-bounds read.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "common/status.h"

namespace relaydb {

class ByteReader {
 public:
  ByteReader(const void* data, size_t size)
      : p_(static_cast<const uint8_t*>(data)), size_(size) {}
  explicit ByteReader(std::string_view s) : ByteReader(s.data(), s.size()) {}

  size_t remaining() const { return size_ - pos_; }
  size_t position() const { return pos_; }
  bool empty() const { return pos_ >= size_; }
  // The unread bytes.
  std::string_view rest() const {
    return std::string_view(reinterpret_cast<const char*>(p_ + pos_), size_ - pos_);
  }

  Status Skip(size_t n);
  // Little-endian fixed-width unsigned integer of `n` bytes (1..8).
  Status ReadUint(size_t n, uint64_t* out);
  // The fixed widths are inline: every event header and row goes through
  // them.
  Status ReadU8(uint8_t* out) { return ReadFixed<1>(out); }
  Status ReadU16(uint16_t* out) { return ReadFixed<2>(out); }
  Status ReadU24(uint32_t* out) { return ReadFixed<3>(out); }
  Status ReadU32(uint32_t* out) { return ReadFixed<4>(out); }
  Status ReadU48(uint64_t* out) { return ReadFixed<6>(out); }
  Status ReadU64(uint64_t* out) { return ReadFixed<8>(out); }
  // Big-endian unsigned integer of `n` bytes (1..8) (binlog DECIMAL/DATETIME2).
  Status ReadUintBE(size_t n, uint64_t* out);
  // MySQL length-encoded integer. `*is_null` (optional) set for the 0xfb NULL marker.
  Status ReadLenEncInt(uint64_t* out, bool* is_null = nullptr);
  // Exactly `n` bytes, as a view into the underlying buffer.
  Status ReadBytes(size_t n, std::string_view* out);
  // Length-encoded string.
  Status ReadLenEncString(std::string_view* out, bool* is_null = nullptr);
  // NUL-terminated string (the NUL is consumed, not returned).
  Status ReadNulString(std::string_view* out);
  // Everything left.
  std::string_view ReadRest();

 private:
  Status Short(size_t need) const;
  template <size_t N, typename T>
  Status ReadFixed(T* out) {
    if (remaining() < N) return Short(N);
    uint64_t v = 0;
    for (size_t i = 0; i < N; i++) v |= static_cast<uint64_t>(p_[pos_ + i]) << (8 * i);
    pos_ += N;
    *out = static_cast<T>(v);
    return Status::Ok();
  }

  const uint8_t* p_;
  size_t size_;
  size_t pos_ = 0;
};

class ByteWriter {
 public:
  ByteWriter() = default;
  explicit ByteWriter(std::string* out) : out_(out) {}

  std::string& buffer() { return *out_; }
  size_t size() const { return out_->size(); }

  void U8(uint8_t v) { out_->push_back(static_cast<char>(v)); }
  void U16(uint16_t v) { Uint(v, 2); }
  void U24(uint32_t v) { Uint(v, 3); }
  void U32(uint32_t v) { Uint(v, 4); }
  void U48(uint64_t v) { Uint(v, 6); }
  void U64(uint64_t v) { Uint(v, 8); }
  // Little-endian, `n` bytes.
  void Uint(uint64_t v, size_t n) {
    for (size_t i = 0; i < n; i++) out_->push_back(static_cast<char>((v >> (8 * i)) & 0xff));
  }
  // Big-endian, `n` bytes.
  void UintBE(uint64_t v, size_t n) {
    for (size_t i = n; i-- > 0;) out_->push_back(static_cast<char>((v >> (8 * i)) & 0xff));
  }
  void LenEncInt(uint64_t v);
  void LenEncString(std::string_view s) {
    LenEncInt(s.size());
    out_->append(s);
  }
  void LenEncNull() { U8(0xfb); }
  void Bytes(std::string_view s) { out_->append(s); }
  void NulString(std::string_view s) {
    out_->append(s);
    out_->push_back('\0');
  }
  void Zeros(size_t n) { out_->append(n, '\0'); }

 private:
  std::string own_;
  std::string* out_ = &own_;
};

// Size in bytes of LenEncInt(v).
size_t LenEncIntSize(uint64_t v);

}  // namespace relaydb
