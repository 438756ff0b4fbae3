// Control events: the ones that frame and steer a binlog stream rather than
// carry data changes (docs/binlog_format.md, "Control events"):
// Format_description, Rotate, Stop, Xid, Heartbeat, MariaDB Gtid (162),
// Gtid_list (163), Binlog_checkpoint (161), Start_encryption (164), and, for
// reading MySQL binlogs, MySQL Gtid / Anonymous_gtid (33/34) and
// Previous_gtids (35).
//
// Each struct has Encode() -> body bytes (what follows the 19-byte header,
// without the checksum; EncodeEvent adds both) and a static Decode(body, fde)
// that reads through a ByteReader and returns Corruption on short or
// malformed input. They are pure functions: the Format_description in force
// is passed in, never kept in a global.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "binlog/event_format.h"
#include "binlog/gtid.h"
#include "common/status.h"

namespace relaydb::binlog {

// Format_description (type 15): the first event of every binlog file. Its
// post-header-length array tells readers how long each event type's fixed
// part is; its last byte (after the array) is the file's checksum algorithm.
struct FormatDescription {
  uint16_t binlog_version = kBinlogVersion;
  std::string server_version;
  // Set in the first file a server writes after it starts (replicas drop
  // temporary tables when they see it); 0 in files opened by rotation.
  uint32_t create_timestamp = 0;
  uint8_t header_length = kHeaderSize;
  // Entry i is the post-header length of event type i + 1.
  std::string post_header_lengths;
  // kUndefined when the server predates checksums (no alg byte, no CRC).
  ChecksumAlg checksum_alg = ChecksumAlg::kCrc32;

  // What MariaDB 10.11 writes: binlog v4, 19-byte headers and its exact
  // 171-entry post-header-length array.
  static FormatDescription MariaDb(ChecksumAlg alg,
                                   std::string_view server_version = kServerVersion,
                                   uint32_t create_timestamp = 0);

  // Post-header length of `type`, 0 for types past the array.
  uint8_t PostHeaderLength(uint8_t type) const;
  // Whether events after this one end with a CRC32.
  bool checksummed() const { return checksum_alg == ChecksumAlg::kCrc32; }

  std::string Encode() const;
  // `body` as FrameEvent returns it (the CRC already removed; the alg byte
  // still there when the server supports checksums).
  static Result<FormatDescription> Decode(std::string_view body);
};

// Rotate (type 4): the next file's name and the position to continue at
// (4). Written at the end of a file; a dump thread also sends an artificial
// one (LOG_EVENT_ARTIFICIAL_F, log_pos 0) when a replica connects.
struct RotateEvent {
  uint64_t position = kFirstEventPosition;
  std::string next_log;
  std::string Encode() const;
  static Result<RotateEvent> Decode(std::string_view body, const FormatDescription& fde);
};

// Stop (type 3): the server shut down cleanly. Empty body.
struct StopEvent {
  std::string Encode() const { return {}; }
  static Result<StopEvent> Decode(std::string_view body, const FormatDescription& fde);
};

// Xid (type 16): commits a transactional event group.
struct XidEvent {
  uint64_t xid = 0;
  std::string Encode() const;
  static Result<XidEvent> Decode(std::string_view body, const FormatDescription& fde);
};

// Heartbeat (type 27, never in a file): the current binlog's name; the
// position is the header's log_pos.
struct HeartbeatEvent {
  std::string log_name;
  std::string Encode() const { return log_name; }
  static Result<HeartbeatEvent> Decode(std::string_view body, const FormatDescription& fde);
};

// MariaDB Gtid (type 162): starts an event group (in place of BEGIN) or
// heads a standalone DDL. The server_id of the GTID is the header's.
struct GtidEvent {
  uint64_t seq_no = 0;
  uint32_t domain_id = 0;
  uint8_t flags2 = 0;      // GtidFlags2
  uint64_t commit_id = 0;  // when flags2 & kFlGroupCommitId
  // XA transaction id, when flags2 & (kFlPreparedXa | kFlCompletedXa).
  int32_t xa_format_id = 0;
  std::string xa_gtrid, xa_bqual;
  uint8_t flags_extra = 0;    // GtidFlagsExtra
  uint8_t extra_engines = 0;  // when flags_extra & kFlExtraMultiEngine
  uint64_t sa_seq_no = 0;     // when flags_extra & (kFlCommitAlter | kFlRollbackAlter)

  Gtid gtid(uint32_t server_id) const { return Gtid{domain_id, server_id, seq_no}; }
  std::string Encode() const;
  static Result<GtidEvent> Decode(std::string_view body, const FormatDescription& fde);
};

// Gtid_list (type 163): the binlog GTID state when the file was opened.
struct GtidListEvent {
  uint8_t flags = 0;  // GtidListFlags (top 4 bits of the count)
  std::vector<Gtid> gtids;
  std::string Encode() const;
  static Result<GtidListEvent> Decode(std::string_view body, const FormatDescription& fde);
};

// Binlog_checkpoint (type 161): the oldest file crash recovery must scan.
struct BinlogCheckpointEvent {
  std::string log_name;
  std::string Encode() const;
  static Result<BinlogCheckpointEvent> Decode(std::string_view body, const FormatDescription& fde);
};

// Start_encryption (type 164): events after it are encrypted (relaydb reads
// the header but cannot decrypt what follows).
struct StartEncryptionEvent {
  uint8_t scheme = 1;
  uint32_t key_version = 0;
  std::string nonce;  // 12 bytes
  std::string Encode() const;
  static Result<StartEncryptionEvent> Decode(std::string_view body, const FormatDescription& fde);
};

// MySQL Gtid / Anonymous_gtid (types 33/34), decode only.
struct MysqlGtidEvent {
  uint8_t flags = 0;  // 1 = may have changes logged with SBR
  std::string sid;    // 16-byte server UUID
  int64_t gno = 0;
  bool has_logical_clock = false;
  int64_t last_committed = 0;
  int64_t sequence_number = 0;
  static Result<MysqlGtidEvent> Decode(std::string_view body, const FormatDescription& fde);
};

// MySQL Previous_gtids (type 35), decode only.
struct PreviousGtidsEvent {
  struct Sid {
    std::string uuid;                                    // 16 bytes
    std::vector<std::pair<int64_t, int64_t>> intervals;  // [start, end)
  };
  std::vector<Sid> sids;
  static Result<PreviousGtidsEvent> Decode(std::string_view body, const FormatDescription& fde);
};

}  // namespace relaydb::binlog
