// ByteReader / ByteWriter. See bytes.h.
#include "common/bytes.h"

namespace relaydb {

Status ByteReader::Short(size_t need) const {
  return Status::Corruption("truncated input: need " + std::to_string(need) + " bytes at offset " +
                            std::to_string(pos_) + ", have " + std::to_string(remaining()));
}

Status ByteReader::Skip(size_t n) {
  if (remaining() < n) return Short(n);
  pos_ += n;
  return Status::Ok();
}

Status ByteReader::ReadUint(size_t n, uint64_t* out) {
  assert(n >= 1 && n <= 8);
  if (remaining() < n) return Short(n);
  uint64_t v = 0;
  for (size_t i = 0; i < n; i++) v |= static_cast<uint64_t>(p_[pos_ + i]) << (8 * i);
  pos_ += n;
  *out = v;
  return Status::Ok();
}

Status ByteReader::ReadUintBE(size_t n, uint64_t* out) {
  assert(n >= 1 && n <= 8);
  if (remaining() < n) return Short(n);
  uint64_t v = 0;
  for (size_t i = 0; i < n; i++) v = (v << 8) | p_[pos_ + i];
  pos_ += n;
  *out = v;
  return Status::Ok();
}

Status ByteReader::ReadLenEncInt(uint64_t* out, bool* is_null) {
  if (is_null) *is_null = false;
  uint8_t first = 0;
  RETURN_IF_ERROR(ReadU8(&first));
  if (first < 0xfb) {
    *out = first;
    return Status::Ok();
  }
  switch (first) {
    case 0xfb:
      if (!is_null) return Status::Corruption("unexpected NULL length-encoded integer");
      *is_null = true;
      *out = 0;
      return Status::Ok();
    case 0xfc: return ReadUint(2, out);
    case 0xfd: return ReadUint(3, out);
    case 0xfe: return ReadUint(8, out);
    default:
      return Status::Corruption("invalid length-encoded integer prefix 0xff at offset " +
                                std::to_string(pos_ - 1));
  }
}

Status ByteReader::ReadBytes(size_t n, std::string_view* out) {
  if (remaining() < n) return Short(n);
  *out = std::string_view(reinterpret_cast<const char*>(p_ + pos_), n);
  pos_ += n;
  return Status::Ok();
}

Status ByteReader::ReadLenEncString(std::string_view* out, bool* is_null) {
  uint64_t n;
  RETURN_IF_ERROR(ReadLenEncInt(&n, is_null));
  if (is_null && *is_null) {
    *out = {};
    return Status::Ok();
  }
  return ReadBytes(n, out);
}

Status ByteReader::ReadNulString(std::string_view* out) {
  const void* nul = memchr(p_ + pos_, 0, remaining());
  if (nul == nullptr) return Status::Corruption("unterminated string at offset " + std::to_string(pos_));
  size_t n = static_cast<const uint8_t*>(nul) - (p_ + pos_);
  *out = std::string_view(reinterpret_cast<const char*>(p_ + pos_), n);
  pos_ += n + 1;
  return Status::Ok();
}

std::string_view ByteReader::ReadRest() {
  std::string_view r = rest();
  pos_ = size_;
  return r;
}

void ByteWriter::LenEncInt(uint64_t v) {
  if (v < 0xfb) {
    U8(static_cast<uint8_t>(v));
  } else if (v <= 0xffff) {
    U8(0xfc);
    Uint(v, 2);
  } else if (v <= 0xffffff) {
    U8(0xfd);
    Uint(v, 3);
  } else {
    U8(0xfe);
    Uint(v, 8);
  }
}

size_t LenEncIntSize(uint64_t v) {
  if (v < 0xfb) return 1;
  if (v <= 0xffff) return 3;
  if (v <= 0xffffff) return 4;
  return 9;
}

}  // namespace relaydb
