// SQLite wrapper: Connection (one sqlite3* per session), Statement (a
// prepared statement, finalized or returned to its connection's cache by
// RAII), the per-connection LRU statement cache, and the mapping of SQLite
// result codes to Status. Implements docs/architecture.md "Storage mapping"
// (one WAL database file) and "Locking model" (relaydb orders writers itself;
// busy_timeout is only a safety net).
//
// Threading: a Connection and the Statements prepared on it are used by one
// thread at a time (the connection is opened SQLITE_OPEN_NOMUTEX). Different
// connections may be used concurrently from different threads.
//
// Errors: every failing call returns a Status whose message reads
// "SQLite error <extended code> (<name>): <sqlite message>" and records the
// same information in Connection::last_error(), so the SQL layer can turn
// e.g. SQLITE_CONSTRAINT_UNIQUE "UNIQUE constraint failed: db.t.a" into
// MySQL error 1062 and SQLITE_CONSTRAINT_NOTNULL into 1048
// (see ParseConstraintMessage()).
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <list>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/status.h"
#include "common/value.h"

namespace relaydb::storage {

class Connection;
class StatementCache;

// The SQLite failure behind a non-ok Status from this library.
struct SqliteError {
  int code = SQLITE_OK;  // extended result code (sqlite3_extended_errcode)
  std::string message;   // sqlite3_errmsg at the time of the failure

  int primary_code() const { return code & 0xff; }
  bool IsConstraint() const { return primary_code() == SQLITE_CONSTRAINT; }
  bool IsUniqueViolation() const {
    return code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY;
  }
  bool IsNotNullViolation() const { return code == SQLITE_CONSTRAINT_NOTNULL; }
  bool IsBusy() const { return primary_code() == SQLITE_BUSY || primary_code() == SQLITE_LOCKED; }
};

// The parts of a constraint message. SQLite reports
//   "UNIQUE constraint failed: db.t.a, db.t.b"   (unique index on columns)
//   "UNIQUE constraint failed: index 'name'"     (index on expressions)
//   "NOT NULL constraint failed: db.t.c"
//   "CHECK constraint failed: name"
// For column lists, `table` is the SQLite table name ("db.t") and `columns`
// the column names in index order; for an expression index `index_name` is
// set instead.
struct ConstraintInfo {
  std::string kind;  // "UNIQUE", "NOT NULL", "CHECK", "PRIMARY KEY", ...
  std::string table;
  std::vector<std::string> columns;
  std::string index_name;
};
// Parses a SQLite constraint message as above; false if it is not one.
// Entries read "<table>.<column>"; since MySQL table and column names may
// themselves contain '.', pass the SQLite table name the statement wrote
// (`sqlite_table`, e.g. "db.t") to split them exactly; when it is empty the
// split is at the last '.'.
bool ParseConstraintMessage(std::string_view message, std::string_view sqlite_table,
                            ConstraintInfo* out);

// Builds the Status for a failed SQLite call on `db` (rc is the primary or
// extended code returned) and stores the details in *err if non-null.
Status SqliteStatus(sqlite3* db, int rc, std::string_view context, SqliteError* err);
// The symbolic name of an (extended) result code, e.g. "SQLITE_CONSTRAINT_UNIQUE".
const char* SqliteCodeName(int code);

// A prepared statement. Move-only. Destruction finalizes it, or — for a
// statement obtained from Connection::Prepare() — resets it, clears its
// bindings and returns it to the connection's cache. It must not outlive the
// Connection it was prepared on.
class Statement {
 public:
  Statement() = default;
  Statement(Statement&& o) noexcept;
  Statement& operator=(Statement&& o) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  bool valid() const { return stmt_ != nullptr; }
  sqlite3_stmt* handle() const { return stmt_; }
  std::string_view sql() const { return sql_; }
  // True if the statement does not write the database (sqlite3_stmt_readonly).
  bool readonly() const { return sqlite3_stmt_readonly(stmt_) != 0; }

  // Parameters are 1-based, as in SQLite. Each returns a non-ok Status only
  // for an index out of range or out of memory.
  int ParameterCount() const { return sqlite3_bind_parameter_count(stmt_); }
  Status BindInt64(int idx, int64_t v);
  Status BindDouble(int idx, double v);
  Status BindText(int idx, std::string_view v);  // copied (SQLITE_TRANSIENT)
  Status BindBlob(int idx, std::string_view v);  // copied
  Status BindNull(int idx);
  // Binds a Value: Int → integer, UInt → integer when it fits in int64 else
  // decimal text, Double → real, String → text, or blob when `as_blob`.
  Status BindValue(int idx, const Value& v, bool as_blob = false);
  Status ClearBindings();

  // Runs one step. *row is set to true when a row is available, false when
  // the statement has finished. On error the statement is reset.
  Status Step(bool* row);
  // Steps until done, ignoring rows (for INSERT/UPDATE/DDL).
  Status Run();
  // Makes the statement ready to run again; bindings are kept.
  void Reset();

  // Column accessors for the current row (0-based).
  int ColumnCount() const { return sqlite3_column_count(stmt_); }
  int ColumnType(int i) const { return sqlite3_column_type(stmt_, i); }  // SQLITE_INTEGER...
  bool ColumnIsNull(int i) const { return ColumnType(i) == SQLITE_NULL; }
  int64_t ColumnInt64(int i) const { return sqlite3_column_int64(stmt_, i); }
  double ColumnDouble(int i) const { return sqlite3_column_double(stmt_, i); }
  // Text / blob bytes; valid until the next step, reset or type conversion.
  std::string_view ColumnText(int i) const;
  std::string_view ColumnBlob(int i) const;
  sqlite3_value* ColumnValue(int i) const { return sqlite3_column_value(stmt_, i); }
  // The cell as a Value by its SQLite storage class (blob and text → String).
  Value ColumnAsValue(int i) const;
  const char* ColumnName(int i) const { return sqlite3_column_name(stmt_, i); }
  // Origin of a result column (ENABLE_COLUMN_METADATA); nullptr for
  // expressions.
  const char* ColumnOriginName(int i) const { return sqlite3_column_origin_name(stmt_, i); }
  const char* ColumnTableName(int i) const { return sqlite3_column_table_name(stmt_, i); }
  const char* ColumnDatabaseName(int i) const { return sqlite3_column_database_name(stmt_, i); }
  const char* ColumnDeclType(int i) const { return sqlite3_column_decltype(stmt_, i); }

 private:
  friend class Connection;
  friend class StatementCache;
  Statement(Connection* conn, sqlite3_stmt* stmt, std::string sql, bool cached)
      : conn_(conn), stmt_(stmt), sql_(std::move(sql)), cached_(cached) {}
  void Release();
  Status BindResult(int rc, int idx);

  Connection* conn_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  std::string sql_;
  bool cached_ = false;  // return to conn_'s cache instead of finalizing
};

struct ConnectionOptions {
  // PRAGMA synchronous: FULL (true, durable at each commit) or NORMAL.
  bool synchronous_full = true;
  // Safety net only: relaydb's write lock keeps SQLite from ever being busy.
  int busy_timeout_ms = 10000;
  // Page cache size in KiB (PRAGMA cache_size = -N).
  int cache_size_kib = 64 * 1024;
  // Statements kept prepared per connection.
  size_t statement_cache_capacity = 256;
  bool read_only = false;
  bool create_if_missing = true;
};

// One SQLite connection. Not copyable or movable (Statements point to it).
class Connection {
 public:
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Opens (creating if allowed) the database at `path`, sets WAL mode,
  // synchronous, foreign_keys=OFF, busy_timeout, cache size, and registers
  // the relaydb collations (collations.h). ":memory:" works (journal mode
  // then stays "memory").
  static Result<std::unique_ptr<Connection>> Open(const std::string& path,
                                                  const ConnectionOptions& options = {});

  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }

  // Runs one or more SQL statements, discarding rows.
  Status Exec(std::string_view sql);
  // A prepared statement for `sql`, from the cache when one is idle there;
  // it returns to the cache when destroyed. Only one holder uses a given
  // cached statement at a time; asking again for SQL that is in use
  // prepares another copy. `sql` must be a single statement.
  Status Prepare(std::string_view sql, Statement* out);
  // A statement that is finalized on destruction (for one-off SQL such as DDL).
  Status PrepareUncached(std::string_view sql, Statement* out);

  // Convenience: runs `sql` (bound with `params`) and returns the first
  // column of the first row, or Null if there is no row.
  Result<Value> QueryValue(std::string_view sql, const std::vector<Value>& params = {});

  int64_t last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }
  int64_t changes() const { return sqlite3_changes64(db_); }
  // True inside BEGIN ... COMMIT/ROLLBACK.
  bool in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }

  // Details of the most recent failure reported through a Status.
  const SqliteError& last_error() const { return last_error_; }

  // Statement cache statistics (for tests and SHOW STATUS).
  size_t cached_statement_count() const;
  uint64_t cache_hits() const { return cache_hits_; }
  uint64_t cache_misses() const { return cache_misses_; }
  // Finalizes every idle cached statement (needed e.g. before some schema
  // changes; SQLite re-prepares stale statements automatically otherwise).
  void ClearStatementCache();

  // Builds a Status for `rc` and records it in last_error().
  Status Error(int rc, std::string_view context);

 private:
  friend class Statement;
  Connection() = default;
  // Called by Statement's destructor for cached statements.
  void ReturnToCache(std::string sql, sqlite3_stmt* stmt);

  sqlite3* db_ = nullptr;
  std::string path_;
  SqliteError last_error_;

  // LRU cache of idle prepared statements keyed by SQL text; front = most
  // recently used.
  struct CacheEntry {
    std::string sql;
    sqlite3_stmt* stmt;
  };
  size_t cache_capacity_ = 256;
  std::list<CacheEntry> lru_;
  std::unordered_multimap<std::string_view, std::list<CacheEntry>::iterator> index_;
  uint64_t cache_hits_ = 0;
  uint64_t cache_misses_ = 0;
};

// fdatasync of the WAL of the database at `db_path` (synchronous=NORMAL
// commits are durable once it returns). No WAL file: nothing to sync.
Status SyncWal(const std::string& db_path);

// Quotes an SQLite identifier: "a""b".
std::string QuoteIdent(std::string_view name);
// Quotes an SQLite string literal: 'it''s'.
std::string QuoteString(std::string_view s);

}  // namespace relaydb::storage
