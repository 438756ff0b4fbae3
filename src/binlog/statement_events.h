// Statement events: a statement and the session context a replica needs to
// replay it (docs/binlog_format.md, "Statement events"): Query (2) and
// Query_compressed (165), Intvar (5), Rand (13), User_var (14),
// Annotate_rows (160, the statement behind the following row events) and
// MySQL's Rows_query (29, decode only).
//
// Encode() gives the body (after the header, before the checksum); static
// Decode(body, fde) reads it back and returns Corruption on short or
// malformed input.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "binlog/control_events.h"
#include "binlog/event_format.h"
#include "common/status.h"
#include "common/value.h"

namespace relaydb::binlog {

// Query (type 2): post-header thread_id(4) exec_time(4) db_len(1)
// error_code(2) status_vars_len(2), then the status variables, the default
// database + NUL, and the statement. Absent optionals are not written;
// Encode writes the present ones in MariaDB's order (event_format.h).
struct QueryEvent {
  uint32_t thread_id = 0;
  uint32_t exec_time = 0;
  uint16_t error_code = 0;
  std::string db;     // default database ("" = none)
  std::string query;  // the statement (uncompressed)

  struct AutoIncrement {
    uint16_t increment = 1;
    uint16_t offset = 1;
  };
  struct Charset {
    uint16_t client = 0;      // character_set_client (collation id)
    uint16_t connection = 0;  // collation_connection
    uint16_t server = 0;      // collation_server
  };
  struct Invoker {
    std::string user, host;
  };

  std::optional<uint32_t> flags2;  // QueryFlags2
  std::optional<uint64_t> sql_mode;
  std::optional<std::string> catalog;  // "std"; written as Q_CATALOG_NZ_CODE
  std::optional<AutoIncrement> auto_increment;
  std::optional<Charset> charset;
  std::optional<std::string> time_zone;
  std::optional<uint16_t> lc_time_names;
  std::optional<uint16_t> charset_database;
  std::optional<uint64_t> table_map_for_update;
  std::optional<uint32_t> master_data_written;
  std::optional<Invoker> invoker;
  std::optional<uint32_t> hrnow;  // microseconds of the statement's timestamp
  std::optional<uint64_t> xid;    // DDL logged with an XID
  std::optional<uint8_t> gtid_flags3;
  uint64_t sa_seq_no = 0;  // with gtid_flags3 & (kFlCommitAlter|kFlRollbackAlter)
  // MySQL-only status variables, decoded so MySQL binlogs can be read;
  // Encode writes them too if set (after MariaDB's own codes < 128).
  std::optional<std::vector<std::string>> updated_db_names;  // empty + over_max: see below
  bool updated_db_names_over_max = false;
  std::optional<uint32_t> microseconds;
  std::optional<uint8_t> explicit_defaults_for_timestamp;
  std::optional<uint64_t> ddl_xid;
  std::optional<uint16_t> default_collation_for_utf8mb4;
  std::optional<uint8_t> sql_require_primary_key;
  std::optional<uint8_t> default_table_encryption;

  // The status variables MariaDB 10.11 writes for every statement: flags2
  // (kOptionExplicitDefTimestamp in a default session), sql_mode, catalog
  // "std", charset. The caller adds the conditional ones
  // (auto_increment when not 1/1, time_zone, lc_time_names when not en_US,
  // hrnow, xid for DDL) as MariaDB does.
  static QueryEvent MariaDb(std::string db, std::string query, uint32_t thread_id,
                            uint32_t exec_time, uint64_t sql_mode, uint32_t flags2,
                            Charset charset);

  // Body of a Query event; with `compressed`, of a Query_compressed event
  // (the statement compressed as compression.h describes).
  std::string Encode(bool compressed = false) const;
  // `type` is kQueryEvent or kQueryCompressedEvent. An unknown status
  // variable code is an error naming it (its length is unknowable).
  static Result<QueryEvent> Decode(std::string_view body, const FormatDescription& fde,
                                   uint8_t type = kQueryEvent);
};

// Intvar (type 5): LAST_INSERT_ID() or the INSERT_ID of the next Query.
struct IntvarEvent {
  uint8_t type = kIntvarInsertId;  // IntvarType
  uint64_t value = 0;
  std::string Encode() const;
  static Result<IntvarEvent> Decode(std::string_view body, const FormatDescription& fde);
};

// Rand (type 13): the RAND() seeds of the next Query.
struct RandEvent {
  uint64_t seed1 = 0;
  uint64_t seed2 = 0;
  std::string Encode() const;
  static Result<RandEvent> Decode(std::string_view body, const FormatDescription& fde);
};

// User_var (type 14): a user variable the next Query reads.
// name_len(4) name is_null(1) [type(1) charset(4) value_len(4) value [flags(1)]]
struct UserVarEvent {
  std::string name;
  bool is_null = false;
  uint8_t type = kStringResult;        // UserVarType
  uint32_t charset = kNumericCharset;  // collation id of a string; 8 for numbers
  // The value as logged: string bytes; INT as 8 LE bytes; REAL as an 8-byte
  // double; DECIMAL as precision(1) scale(1) + binary decimal (decimal_bin.h).
  std::string value;
  // Written for INT_RESULT only (kUserVarUnsignedF), as MariaDB does.
  std::optional<uint8_t> flags;

  static UserVarEvent Null(std::string name);
  static UserVarEvent String(std::string name, std::string bytes, uint32_t collation);
  static UserVarEvent Int(std::string name, uint64_t bits, bool is_unsigned);
  static UserVarEvent Real(std::string name, double v);
  // precision/scale < 0: derived from the text (decimal_bin.h DecimalTextPrecision).
  static Result<UserVarEvent> Decimal(std::string name, std::string_view text, int precision = -1,
                                      int scale = -1);

  // The value as a Value: NULL; INT as Int (UInt with the unsigned flag);
  // REAL as Double; DECIMAL as its canonical text; STRING as bytes.
  Result<Value> ToValue() const;

  std::string Encode() const;
  static Result<UserVarEvent> Decode(std::string_view body, const FormatDescription& fde);
};

// Annotate_rows (type 160): the statement that produced the row events that
// follow it in the group. The body is the statement text.
struct AnnotateRowsEvent {
  std::string query;
  std::string Encode() const { return query; }
  static Result<AnnotateRowsEvent> Decode(std::string_view body, const FormatDescription& fde);
};

// MySQL Rows_query (type 29), decode only: length(1, ignored) + statement.
struct RowsQueryEvent {
  std::string query;
  static Result<RowsQueryEvent> Decode(std::string_view body, const FormatDescription& fde);
};

}  // namespace relaydb::binlog
