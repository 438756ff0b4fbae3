// What the SQL layer hands to the binary log at commit (docs/architecture.md,
// "Binary log hand-off"). A committed transaction is one TransactionLog: its
// statements with their session context (for STATEMENT format and DDL) and
// the row images it changed (for ROW format), in execution order.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/status.h"
#include "common/value.h"
#include "sql/schema.h"
#include "storage/sqlite_db.h"

namespace relaydb::sql {

// A statement as the source executed it, with the context a replica needs to
// replay it identically (Query event status variables, Intvar/Rand/User_var).
struct LoggedStatement {
  std::string query;
  std::string db;               // current database when it ran
  uint64_t sql_mode = 0;
  uint32_t thread_id = 0;
  int64_t timestamp = 0;        // seconds since the epoch (SET TIMESTAMP)
  uint32_t timestamp_usec = 0;
  bool is_ddl = false;          // DDL: always logged as a statement, outside BEGIN/COMMIT
  uint8_t format = 2;           // binlog_format it ran under (variables.h BinlogFormat)
  uint8_t row_metadata = 0;     // binlog_row_metadata: 0 NO_LOG, 1 MINIMAL, 2 FULL
  bool suppress_use = false;    // CREATE/ALTER/DROP DATABASE: `db` is the database named
                                // (LOG_EVENT_SUPPRESS_USE_F), not the default one
  uint32_t flags2 = 0x01000000; // Query event flags2 (OPTION_* bits MariaDB logs)
  uint16_t charset_client = 45, collation_connection = 45, collation_server = 45;
  std::string time_zone;        // "SYSTEM" or "+00:00"
  uint64_t auto_increment_increment = 1, auto_increment_offset = 1;
  // Intvar events: LAST_INSERT_ID and INSERT_ID used by the statement.
  bool has_last_insert_id = false;
  uint64_t last_insert_id = 0;
  bool has_insert_id = false;
  uint64_t insert_id = 0;
  bool has_rand = false;
  uint64_t rand_seed1 = 0, rand_seed2 = 0;
  // User variables read by the statement: (name, value).
  std::vector<std::pair<std::string, Value>> user_vars;
  int error_code = 0;
};

// Row changes to one table (a Table_map + Write/Update/Delete_rows group).
struct LoggedRow {
  enum class Op : uint8_t { kInsert, kUpdate, kDelete };
  Op op = Op::kInsert;
  std::vector<Value> before;  // stored forms (types.h), full image; empty for inserts
  std::vector<Value> after;   // empty for deletes
};

struct LoggedRows {
  std::shared_ptr<const TableDef> table;
  std::vector<LoggedRow> rows;
};

struct TxnEvent {
  enum class Kind : uint8_t { kStatement, kRows };
  Kind kind = Kind::kStatement;
  LoggedStatement statement;  // kStatement; for kRows, the statement that made them (Annotate)
  LoggedRows rows;            // kRows
};

struct TransactionLog {
  // The events, in execution order: a statement's row changes (kRows) come
  // before the statement itself (kStatement).
  std::vector<TxnEvent> events;
  uint32_t server_id = 0;     // originating server (a replica applying keeps the source's)
  bool ddl = false;           // a single DDL statement (no BEGIN/COMMIT around it)
  bool empty() const { return events.empty(); }
};

// Implemented by the binary log (sql/binary_log.h). The commit protocol
// (docs/binlog_format.md, "Commit protocol"):
//
//   [write lock] Append(txn, conn) -> storage COMMIT -> Committed(ticket)
//                                  \-> (COMMIT failed) Aborted(ticket)
//   [no lock]    WaitDurable(ticket): group commit; then replicas see it.
class BinlogHook {
 public:
  virtual ~BinlogHook() = default;
  // Whether a transaction should be collected at all (log_bin on).
  virtual bool enabled() const = 0;
  // Write lock held, storage transaction open: writes the transaction's
  // event group (not yet durable nor visible to replicas) and records its
  // end position in the transaction through `conn`, so that storage and
  // binlog can be reconciled after a crash. Returns a ticket, 0 when
  // nothing was logged. On error the caller rolls the transaction back.
  virtual Result<uint64_t> Append(const TransactionLog& txn, storage::Connection* conn) = 0;
  // Write lock held: the storage commit of `ticket` succeeded / failed.
  virtual void Committed(uint64_t ticket) = 0;
  virtual void Aborted(uint64_t ticket) = 0;
  // Write lock released: returns once the group is durable (sync_binlog;
  // concurrent committers share the fsyncs) and readable by dump threads.
  virtual Status WaitDurable(uint64_t ticket) = 0;
};

}  // namespace relaydb::sql
