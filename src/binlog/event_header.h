// The common event header and event framing: decode/encode the 19-byte
// header, check an event's size and CRC32, and build a complete event from a
// header and a body (docs/binlog_format.md, "Event framing").
//
// A Format_description event is always followed by a CRC32 when its server
// supports checksums (MariaDB >= 5.3, MySQL >= 5.6.1), whatever binlog_checksum
// says, and that CRC is computed with LOG_EVENT_BINLOG_IN_USE_F cleared so the
// writer can clear the flag on close without rewriting the checksum.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "binlog/event_format.h"
#include "common/bytes.h"
#include "common/status.h"

namespace relaydb::binlog {

struct EventHeader {
  uint32_t timestamp = 0;  // seconds since the epoch
  uint8_t type = kUnknownEvent;
  uint32_t server_id = 0;
  uint32_t event_size = 0;  // header + body + checksum
  uint32_t log_pos = 0;     // position just past this event in its file; 0 if artificial
  uint16_t flags = 0;
};

// Decodes the first 19 bytes of `bytes`.
Status DecodeHeader(std::string_view bytes, EventHeader* out);
void EncodeHeader(const EventHeader& h, ByteWriter* w);

// One framed event: views into the caller's bytes, valid while they are.
struct EventView {
  EventHeader header;
  std::string_view bytes;  // the whole event, checksum included
  std::string_view body;   // after the header, without the checksum
  bool has_checksum = false;
};

// Frames one complete event: `bytes` must be exactly one event. Checks that
// event_size matches, that the body can hold the checksum, and the CRC32 when
// `alg` is kCrc32 (for a Format_description event the algorithm comes from
// its own body instead). `pos` is the event's position in its file, used only
// in error messages ("... at position 4081"). With verify_crc false the
// CRC32 is only split off, not checked (bytes a caller already verified).
Result<EventView> FrameEvent(std::string_view bytes, ChecksumAlg alg, uint64_t pos = 0,
                             bool verify_crc = true);

// The checksum algorithm a Format_description event announces, and whether
// it carries the alg byte + CRC at all (servers that predate checksums don't).
// `bytes` is the whole event.
struct FdeChecksumInfo {
  bool has_checksum_fields = false;
  ChecksumAlg alg = ChecksumAlg::kOff;
};
Result<FdeChecksumInfo> PeekFdeChecksum(std::string_view bytes);

// True if a server of this version writes the checksum fields in its
// Format_description (MariaDB >= 5.3.0, MySQL >= 5.6.1).
bool ServerVersionHasChecksum(std::string_view server_version);

// Builds an event: `h` with event_size computed (h.event_size is ignored),
// `body`, and a CRC32 when `alg` is kCrc32 (always for a Format_description,
// whose body must then end with its checksum-alg byte).
std::string EncodeEvent(const EventHeader& h, std::string_view body, ChecksumAlg alg);

// CRC32 of an event's bytes without its checksum, as written in its last 4
// bytes (masks LOG_EVENT_BINLOG_IN_USE_F for Format_description events).
uint32_t EventCrc(std::string_view bytes_without_checksum);

// Rewrites log_pos and/or flags of an encoded event in place and refreshes its
// CRC32 if `has_checksum`. Used by the writer, which learns an event's
// position only when it appends it.
void PatchLogPos(std::string* event, uint32_t log_pos, bool has_checksum);
void PatchFlags(std::string* event, uint16_t flags, bool has_checksum);

}  // namespace relaydb::binlog
