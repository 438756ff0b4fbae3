// Constants of the binary log v4 format shared by every binlog codec, the
// writer and the reader (leveldb's log_format.h in spirit): the file magic,
// the 19-byte common header, event type codes (MySQL and MariaDB), header
// flags, checksum algorithms, Query status-variable codes, MariaDB GTID
// flags, rows-event flags and Table_map optional-metadata types.
//
// Byte layouts are written down in docs/binlog_format.md; the values are
// MariaDB 10.11's (sql/log_event.h, rpl_constants.h) and MySQL 8.0's
// (libbinlogevents) where MariaDB has no code of its own.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace relaydb::binlog {

// Every binlog and relay log file starts with these 4 bytes; the first event
// (a Format_description) starts at offset 4.
inline constexpr std::string_view kBinlogMagic{
    "\xfe"
    "bin",
    4};
inline constexpr uint64_t kFirstEventPosition = 4;

inline constexpr uint16_t kBinlogVersion = 4;
// The common header: timestamp(4) type(1) server_id(4) event_size(4)
// log_pos(4) flags(2).
inline constexpr size_t kHeaderSize = 19;
inline constexpr size_t kChecksumSize = 4;
// Width of the NUL-padded server version in a Format_description event.
inline constexpr size_t kServerVersionSize = 50;
// What relaydb puts in its Format_description event and SELECT VERSION().
inline constexpr std::string_view kServerVersion = "10.11.19-MariaDB-relaydb-log";

// Offsets inside the common header.
inline constexpr size_t kTypeOffset = 4;
inline constexpr size_t kServerIdOffset = 5;
inline constexpr size_t kEventSizeOffset = 9;
inline constexpr size_t kLogPosOffset = 13;
inline constexpr size_t kFlagsOffset = 17;

// Event type codes (Log_event_type).
enum EventType : uint8_t {
  kUnknownEvent = 0,
  kStartEventV3 = 1,
  kQueryEvent = 2,
  kStopEvent = 3,
  kRotateEvent = 4,
  kIntvarEvent = 5,
  kLoadEvent = 6,
  kSlaveEvent = 7,
  kCreateFileEvent = 8,
  kAppendBlockEvent = 9,
  kExecLoadEvent = 10,
  kDeleteFileEvent = 11,
  kNewLoadEvent = 12,
  kRandEvent = 13,
  kUserVarEvent = 14,
  kFormatDescriptionEvent = 15,
  kXidEvent = 16,
  kBeginLoadQueryEvent = 17,
  kExecuteLoadQueryEvent = 18,
  kTableMapEvent = 19,
  kPreGaWriteRowsEvent = 20,
  kPreGaUpdateRowsEvent = 21,
  kPreGaDeleteRowsEvent = 22,
  kWriteRowsEventV1 = 23,
  kUpdateRowsEventV1 = 24,
  kDeleteRowsEventV1 = 25,
  kIncidentEvent = 26,
  kHeartbeatEvent = 27,
  kIgnorableEvent = 28,
  kRowsQueryEvent = 29,
  kWriteRowsEventV2 = 30,
  kUpdateRowsEventV2 = 31,
  kDeleteRowsEventV2 = 32,
  kMysqlGtidEvent = 33,
  kAnonymousGtidEvent = 34,
  kPreviousGtidsEvent = 35,
  kTransactionContextEvent = 36,
  kViewChangeEvent = 37,
  kXaPrepareEvent = 38,
  kPartialUpdateRowsEvent = 39,
  kTransactionPayloadEvent = 40,
  kHeartbeatEventV2 = 41,
  // MariaDB's own range.
  kAnnotateRowsEvent = 160,
  kBinlogCheckpointEvent = 161,
  kGtidEvent = 162,
  kGtidListEvent = 163,
  kStartEncryptionEvent = 164,
  kQueryCompressedEvent = 165,
  kWriteRowsCompressedEventV1 = 166,
  kUpdateRowsCompressedEventV1 = 167,
  kDeleteRowsCompressedEventV1 = 168,
  kWriteRowsCompressedEvent = 169,
  kUpdateRowsCompressedEvent = 170,
  kDeleteRowsCompressedEvent = 171,
};
// Number of entries in MariaDB 10.11's post-header-length array (types 1..171).
inline constexpr size_t kMariaDbEventTypeCount = 171;

// The Event_type column of SHOW BINLOG EVENTS ("Format_desc", "Write_rows_v1",
// "User var", ...), MariaDB 10.11's spelling; "Unknown" for other codes.
const char* EventTypeName(uint8_t type);

// Common-header flags.
enum EventFlag : uint16_t {
  // Format_description only: the file is open (cleared on clean close).
  kLogEventBinlogInUseF = 0x1,
  kLogEventThreadSpecificF = 0x4,
  kLogEventSuppressUseF = 0x8,
  // Made up by the sender (fake Rotate, ...), not read from a binlog file.
  kLogEventArtificialF = 0x20,
  kLogEventRelayLogF = 0x40,
  // A reader that does not know the type may skip the event.
  kLogEventIgnorableF = 0x80,
  kLogEventSkipReplicationF = 0x8000,
};

// binlog_checksum: the algorithm byte at the end of a Format_description.
enum class ChecksumAlg : uint8_t { kOff = 0, kCrc32 = 1, kUndefined = 255 };

// CRC-32 (ISO-HDLC polynomial, zlib's crc32()): MySQL and MariaDB use it for
// event checksums. `crc` chains a previous result.
uint32_t Crc32(std::string_view data, uint32_t crc = 0);

// Query event status variables (Q_* codes). MariaDB writes them in the
// order 0, 1, 6, 3, 4, 5, 7, 8, 9, 10, 11, 128, 129, 130.
enum QueryStatusCode : uint8_t {
  kQFlags2Code = 0,                     // 4 bytes
  kQSqlModeCode = 1,                    // 8 bytes
  kQCatalogCode = 2,                    // len(1) + catalog + NUL (MySQL 5.0.0-5.0.3)
  kQAutoIncrement = 3,                  // increment(2) offset(2)
  kQCharsetCode = 4,                    // client(2) connection(2) server(2)
  kQTimeZoneCode = 5,                   // len(1) + name
  kQCatalogNzCode = 6,                  // len(1) + catalog
  kQLcTimeNamesCode = 7,                // 2 bytes
  kQCharsetDatabaseCode = 8,            // 2 bytes
  kQTableMapForUpdateCode = 9,          // 8 bytes
  kQMasterDataWrittenCode = 10,         // 4 bytes
  kQInvoker = 11,                       // len(1) user, len(1) host
  kQUpdatedDbNames = 12,                // count(1) + NUL-terminated names (MySQL)
  kQMicroseconds = 13,                  // 3 bytes (MySQL)
  kQCommitTs = 14,                      // (MySQL, never written)
  kQCommitTs2 = 15,                     // (MySQL, never written)
  kQExplicitDefaultsForTimestamp = 16,  // 1 byte (MySQL)
  kQDdlLoggedWithXid = 17,              // 8 bytes (MySQL)
  kQDefaultCollationForUtf8mb4 = 18,    // 2 bytes (MySQL)
  kQSqlRequirePrimaryKey = 19,          // 1 byte (MySQL)
  kQDefaultTableEncryption = 20,        // 1 byte (MySQL)
  kQHrnow = 128,                        // 3 bytes: microseconds of the timestamp (MariaDB)
  kQXid = 129,                          // 8 bytes: XID of a DDL (MariaDB)
  kQGtidFlags3 = 130,                   // 1 byte (+ 8 for COMMIT/ROLLBACK ALTER) (MariaDB)
};
// Q_UPDATED_DB_NAMES count meaning "too many databases; no names follow".
inline constexpr uint8_t kOverMaxDbsInEventMts = 254;

// Query event flags2 bits (OPTION_* as binlogged).
enum QueryFlags2 : uint32_t {
  kOptionAutoIsNull = 0x00004000,
  kOptionNotAutocommit = 0x00080000,
  // MariaDB: explicit_defaults_for_timestamp (ON by default since 10.10, so
  // MariaDB 10.11 sessions log flags2 = 0x01000000).
  kOptionExplicitDefTimestamp = 0x01000000,
  kOptionNoForeignKeyChecks = 0x04000000,
  kOptionRelaxedUniqueChecks = 0x08000000,
  kOptionNoCheckConstraintChecks = 0x80000000u,  // MariaDB
};

// MariaDB Gtid event (type 162) flags2.
enum GtidFlags2 : uint8_t {
  kFlStandalone = 1,     // no terminating COMMIT/Xid: a single statement (DDL)
  kFlGroupCommitId = 2,  // commit_id follows
  kFlTransactional = 4,  // the group can be rolled back (InnoDB)
  kFlAllowParallel = 8,
  kFlWaited = 16,  // the transaction waited for another (row lock)
  kFlDdl = 32,
  kFlPreparedXa = 64,    // XA PREPARE: an XID follows
  kFlCompletedXa = 128,  // XA COMMIT/ROLLBACK: an XID follows
};
// MariaDB Gtid event flags_extra (the byte after the fixed part).
enum GtidFlagsExtra : uint8_t {
  kFlExtraMultiEngine = 1,  // extra_engines byte follows
  kFlStartAlter = 2,
  kFlCommitAlter = 4,    // sa_seq_no (8 bytes) follows
  kFlRollbackAlter = 8,  // sa_seq_no (8 bytes) follows
};
// MariaDB keeps every event body at least this long (zero padded) so that it
// can be replaced in place by a dummy event for old replicas.
inline constexpr size_t kMinEventBodySize = 6;
// Fixed size of the MariaDB Gtid body when there is no commit_id (zero padded).
inline constexpr size_t kGtidPostHeaderSize = 19;

// Gtid_list flags (the high 4 bits of the count).
enum GtidListFlags : uint8_t { kGtidListUntilReached = 1, kGtidListIgnGtids = 2 };

// Intvar event types.
enum IntvarType : uint8_t { kIntvarInvalid = 0, kIntvarLastInsertId = 1, kIntvarInsertId = 2 };

// User_var value types (Item_result) and flags.
enum UserVarType : uint8_t {
  kStringResult = 0,
  kRealResult = 1,
  kIntResult = 2,
  kRowResult = 3,
  kDecimalResult = 4,
};
inline constexpr uint8_t kUserVarUnsignedF = 1;
// MariaDB gives numeric user variables my_charset_numeric (latin1_swedish_ci).
inline constexpr uint32_t kNumericCharset = 8;

// Rows event flags.
enum RowsFlags : uint16_t {
  kStmtEndF = 1,
  kNoForeignKeyChecksF = 2,
  kRelaxedUniqueChecksF = 4,
  kCompleteRowsF = 8,
  kNoCheckConstraintChecksF = 0x80,  // MariaDB
};
// Table_map flags: MariaDB and MySQL always set TM_BIT_LEN_EXACT_F.
inline constexpr uint16_t kTableMapBitLenExactF = 1;
// MariaDB splits rows events at binlog_row_event_max_size (8 KiB by default).
inline constexpr size_t kDefaultRowsEventMaxSize = 8192;

// Table_map optional metadata field types (binlog_row_metadata=MINIMAL/FULL).
enum OptionalMetadataType : uint8_t {
  kMetaSignedness = 1,
  kMetaDefaultCharset = 2,
  kMetaColumnCharset = 3,
  kMetaColumnName = 4,
  kMetaSetStrValue = 5,
  kMetaEnumStrValue = 6,
  kMetaGeometryType = 7,
  kMetaSimplePrimaryKey = 8,
  kMetaPrimaryKeyWithPrefix = 9,
  kMetaEnumAndSetDefaultCharset = 10,
  kMetaEnumAndSetColumnCharset = 11,
  kMetaColumnVisibility = 12,
};

// MariaDB's binlog compression (log_bin_compress): the algorithm nibble of
// the first byte of a compressed payload.
inline constexpr uint8_t kCompressionZlib = 0;

}  // namespace relaydb::binlog
