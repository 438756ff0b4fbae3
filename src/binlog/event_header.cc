// Event header and framing. See event_header.h.
#include "binlog/event_header.h"

#include <cstdio>

namespace relaydb::binlog {
namespace {

// Offset of the checksum-alg byte from the end of a Format_description that
// carries checksum fields: alg(1) + crc(4).
constexpr size_t kFdeChecksumTail = 1 + kChecksumSize;
// binlog_version(2) + server_version(50) + create_timestamp(4) + header_len(1)
constexpr size_t kFdeFixedSize = 2 + kServerVersionSize + 4 + 1;

Status At(uint64_t pos, std::string msg) {
  return Status::Corruption("binlog event at position " + std::to_string(pos) + ": " + msg);
}

void StoreLe(std::string* s, size_t off, uint64_t v, size_t n) {
  for (size_t i = 0; i < n; i++) (*s)[off + i] = static_cast<char>((v >> (8 * i)) & 0xff);
}

uint32_t LoadLe32(std::string_view s, size_t off) {
  uint32_t v = 0;
  for (size_t i = 0; i < 4; i++)
    v |= static_cast<uint32_t>(static_cast<uint8_t>(s[off + i])) << (8 * i);
  return v;
}

}  // namespace

Status DecodeHeader(std::string_view bytes, EventHeader* out) {
  ByteReader r(bytes);
  RETURN_IF_ERROR(r.ReadU32(&out->timestamp));
  RETURN_IF_ERROR(r.ReadU8(&out->type));
  RETURN_IF_ERROR(r.ReadU32(&out->server_id));
  RETURN_IF_ERROR(r.ReadU32(&out->event_size));
  RETURN_IF_ERROR(r.ReadU32(&out->log_pos));
  return r.ReadU16(&out->flags);
}

void EncodeHeader(const EventHeader& h, ByteWriter* w) {
  w->U32(h.timestamp);
  w->U8(h.type);
  w->U32(h.server_id);
  w->U32(h.event_size);
  w->U32(h.log_pos);
  w->U16(h.flags);
}

bool ServerVersionHasChecksum(std::string_view v) {
  // Leading "X.Y.Z"; anything unparsable counts as a modern server.
  int part[3] = {0, 0, 0};
  size_t i = 0;
  for (int k = 0; k < 3; k++) {
    if (i >= v.size() || v[i] < '0' || v[i] > '9') {
      if (k == 0) return true;
      break;
    }
    while (i < v.size() && v[i] >= '0' && v[i] <= '9') part[k] = part[k] * 10 + (v[i++] - '0');
    if (i < v.size() && v[i] == '.') i++;
  }
  const bool maria =
      v.find("MariaDB") != std::string_view::npos || v.find("-maria-") != std::string_view::npos;
  const int have = part[0] * 10000 + part[1] * 100 + part[2];
  return have >= (maria ? 50300 : 50601);
}

Result<FdeChecksumInfo> PeekFdeChecksum(std::string_view bytes) {
  if (bytes.size() < kHeaderSize + kFdeFixedSize) {
    return Status::Corruption(
        "Format_description event too short: " + std::to_string(bytes.size()) + " bytes");
  }
  std::string_view version = bytes.substr(kHeaderSize + 2, kServerVersionSize);
  version = version.substr(0, version.find('\0'));
  FdeChecksumInfo info;
  info.has_checksum_fields = ServerVersionHasChecksum(version);
  if (!info.has_checksum_fields) return info;
  if (bytes.size() < kHeaderSize + kFdeFixedSize + kFdeChecksumTail) {
    return Status::Corruption("Format_description event too short for its checksum");
  }
  const uint8_t alg = static_cast<uint8_t>(bytes[bytes.size() - kFdeChecksumTail]);
  if (alg == 0) {
    info.alg = ChecksumAlg::kOff;
  } else if (alg == 1) {
    info.alg = ChecksumAlg::kCrc32;
  } else {
    return Status::Corruption("Format_description event: unknown checksum algorithm " +
                              std::to_string(alg));
  }
  return info;
}

uint32_t EventCrc(std::string_view bytes) {
  if (bytes.size() > kFlagsOffset &&
      static_cast<uint8_t>(bytes[kTypeOffset]) == kFormatDescriptionEvent &&
      (static_cast<uint8_t>(bytes[kFlagsOffset]) & kLogEventBinlogInUseF)) {
    std::string copy(bytes);
    copy[kFlagsOffset] =
        static_cast<char>(static_cast<uint8_t>(copy[kFlagsOffset]) & ~kLogEventBinlogInUseF);
    return Crc32(copy);
  }
  return Crc32(bytes);
}

Result<EventView> FrameEvent(std::string_view bytes, ChecksumAlg alg, uint64_t pos, bool verify_crc) {
  EventView v;
  if (bytes.size() < kHeaderSize) {
    return At(pos, "truncated header: " + std::to_string(bytes.size()) + " of 19 bytes");
  }
  RETURN_IF_ERROR(DecodeHeader(bytes, &v.header));
  if (v.header.event_size < kHeaderSize) {
    return At(pos,
              "event_size " + std::to_string(v.header.event_size) + " is below the header size");
  }
  if (v.header.event_size != bytes.size()) {
    return At(pos, "event_size " + std::to_string(v.header.event_size) + " but " +
                       std::to_string(bytes.size()) + " bytes");
  }
  bool checksum = alg == ChecksumAlg::kCrc32;
  if (v.header.type == kFormatDescriptionEvent) {
    auto info = PeekFdeChecksum(bytes);
    if (!info.ok()) return At(pos, info.status().message());
    checksum = info->has_checksum_fields;
  }
  size_t body_end = bytes.size();
  if (checksum) {
    if (bytes.size() < kHeaderSize + kChecksumSize) {
      return At(pos, "event of " + std::to_string(bytes.size()) + " bytes cannot hold a checksum");
    }
    body_end -= kChecksumSize;
    const uint32_t want = verify_crc ? LoadLe32(bytes, body_end) : 0;
    const uint32_t got = verify_crc ? EventCrc(bytes.substr(0, body_end)) : 0;
    if (want != got) {
      char buf[96];
      std::snprintf(buf, sizeof buf,
                    "checksum mismatch (stored 0x%08x, computed 0x%08x) in %s event", want, got,
                    EventTypeName(v.header.type));
      return At(pos, buf);
    }
  }
  v.bytes = bytes;
  v.body = bytes.substr(kHeaderSize, body_end - kHeaderSize);
  v.has_checksum = checksum;
  return v;
}

std::string EncodeEvent(const EventHeader& h, std::string_view body, ChecksumAlg alg) {
  const bool checksum = alg == ChecksumAlg::kCrc32 || h.type == kFormatDescriptionEvent;
  std::string out;
  ByteWriter w(&out);
  EventHeader hh = h;
  hh.event_size = static_cast<uint32_t>(kHeaderSize + body.size() + (checksum ? kChecksumSize : 0));
  EncodeHeader(hh, &w);
  w.Bytes(body);
  if (checksum) w.U32(EventCrc(out));
  return out;
}

void PatchLogPos(std::string* event, uint32_t log_pos, bool has_checksum) {
  StoreLe(event, kLogPosOffset, log_pos, 4);
  if (has_checksum) {
    const size_t n = event->size() - kChecksumSize;
    StoreLe(event, n, EventCrc(std::string_view(*event).substr(0, n)), 4);
  }
}

void PatchFlags(std::string* event, uint16_t flags, bool has_checksum) {
  StoreLe(event, kFlagsOffset, flags, 2);
  if (has_checksum) {
    const size_t n = event->size() - kChecksumSize;
    StoreLe(event, n, EventCrc(std::string_view(*event).substr(0, n)), 4);
  }
}

}  // namespace relaydb::binlog
