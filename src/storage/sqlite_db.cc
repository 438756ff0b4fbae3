// Connection, Statement and the statement cache. See sqlite_db.h.
#include "storage/sqlite_db.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <limits>
#include <mutex>
#include <utility>

#include "common/logging.h"
#include "storage/collations.h"

namespace relaydb::storage {

// ---------------------------------------------------------------------------
// Errors

const char* SqliteCodeName(int code) {
  switch (code) {
    case SQLITE_OK: return "SQLITE_OK";
    case SQLITE_ERROR: return "SQLITE_ERROR";
    case SQLITE_INTERNAL: return "SQLITE_INTERNAL";
    case SQLITE_PERM: return "SQLITE_PERM";
    case SQLITE_ABORT: return "SQLITE_ABORT";
    case SQLITE_BUSY: return "SQLITE_BUSY";
    case SQLITE_BUSY_SNAPSHOT: return "SQLITE_BUSY_SNAPSHOT";
    case SQLITE_LOCKED: return "SQLITE_LOCKED";
    case SQLITE_NOMEM: return "SQLITE_NOMEM";
    case SQLITE_READONLY: return "SQLITE_READONLY";
    case SQLITE_INTERRUPT: return "SQLITE_INTERRUPT";
    case SQLITE_IOERR: return "SQLITE_IOERR";
    case SQLITE_CORRUPT: return "SQLITE_CORRUPT";
    case SQLITE_NOTFOUND: return "SQLITE_NOTFOUND";
    case SQLITE_FULL: return "SQLITE_FULL";
    case SQLITE_CANTOPEN: return "SQLITE_CANTOPEN";
    case SQLITE_PROTOCOL: return "SQLITE_PROTOCOL";
    case SQLITE_SCHEMA: return "SQLITE_SCHEMA";
    case SQLITE_TOOBIG: return "SQLITE_TOOBIG";
    case SQLITE_CONSTRAINT: return "SQLITE_CONSTRAINT";
    case SQLITE_CONSTRAINT_CHECK: return "SQLITE_CONSTRAINT_CHECK";
    case SQLITE_CONSTRAINT_NOTNULL: return "SQLITE_CONSTRAINT_NOTNULL";
    case SQLITE_CONSTRAINT_PRIMARYKEY: return "SQLITE_CONSTRAINT_PRIMARYKEY";
    case SQLITE_CONSTRAINT_UNIQUE: return "SQLITE_CONSTRAINT_UNIQUE";
    case SQLITE_CONSTRAINT_ROWID: return "SQLITE_CONSTRAINT_ROWID";
    case SQLITE_CONSTRAINT_FOREIGNKEY: return "SQLITE_CONSTRAINT_FOREIGNKEY";
    case SQLITE_MISMATCH: return "SQLITE_MISMATCH";
    case SQLITE_MISUSE: return "SQLITE_MISUSE";
    case SQLITE_RANGE: return "SQLITE_RANGE";
    case SQLITE_NOTADB: return "SQLITE_NOTADB";
    case SQLITE_ROW: return "SQLITE_ROW";
    case SQLITE_DONE: return "SQLITE_DONE";
    default: break;
  }
  switch (code & 0xff) {
    case SQLITE_IOERR: return "SQLITE_IOERR_*";
    case SQLITE_CONSTRAINT: return "SQLITE_CONSTRAINT_*";
    case SQLITE_BUSY: return "SQLITE_BUSY_*";
    case SQLITE_CANTOPEN: return "SQLITE_CANTOPEN_*";
    default: return "SQLITE_?";
  }
}

Status SqliteStatus(sqlite3* db, int rc, std::string_view context, SqliteError* err) {
  int code = rc;
  std::string msg;
  if (db != nullptr) {
    // The connection's extended code is more precise when it matches.
    int ext = sqlite3_extended_errcode(db);
    if ((ext & 0xff) == (rc & 0xff)) code = ext;
    msg = sqlite3_errmsg(db);
  } else {
    msg = sqlite3_errstr(rc);
  }
  if (err != nullptr) {
    err->code = code;
    err->message = msg;
  }
  std::string text = "SQLite error " + std::to_string(code) + " (" + SqliteCodeName(code) + ")";
  if (!context.empty()) text += " in " + std::string(context);
  text += ": " + msg;
  return Status::IoError(std::move(text));
}

bool ParseConstraintMessage(std::string_view message, std::string_view sqlite_table,
                            ConstraintInfo* out) {
  static constexpr std::string_view kSuffix = " constraint failed: ";
  size_t p = message.find(kSuffix);
  if (p == std::string_view::npos) return false;
  *out = ConstraintInfo();
  out->kind = std::string(message.substr(0, p));
  std::string_view rest = message.substr(p + kSuffix.size());
  if (rest.substr(0, 7) == "index '" && rest.size() > 8 && rest.back() == '\'') {
    out->index_name = std::string(rest.substr(7, rest.size() - 8));
    return true;
  }
  if (out->kind != "UNIQUE" && out->kind != "NOT NULL" && out->kind != "PRIMARY KEY") {
    out->index_name = std::string(rest);  // CHECK: the constraint name/expression
    return true;
  }
  // Comma-separated "table.column" entries. Split on ", " only where the
  // following text starts with the table name (names may contain ", ").
  std::vector<std::string_view> entries;
  if (!sqlite_table.empty()) {
    std::string prefix = std::string(sqlite_table) + ".";
    if (rest.substr(0, prefix.size()) != prefix) return false;
    size_t start = 0;
    while (start < rest.size()) {
      size_t next = rest.find(", " + prefix, start + prefix.size());
      std::string_view entry =
          rest.substr(start, next == std::string_view::npos ? std::string_view::npos : next - start);
      out->columns.emplace_back(entry.substr(prefix.size()));
      if (next == std::string_view::npos) break;
      start = next + 2;
    }
    out->table = std::string(sqlite_table);
    return true;
  }
  size_t start = 0;
  while (start <= rest.size()) {
    size_t next = rest.find(", ", start);
    std::string_view entry =
        rest.substr(start, next == std::string_view::npos ? std::string_view::npos : next - start);
    size_t dot = entry.rfind('.');
    if (dot == std::string_view::npos) return false;
    out->table = std::string(entry.substr(0, dot));
    out->columns.emplace_back(entry.substr(dot + 1));
    if (next == std::string_view::npos) break;
    start = next + 2;
  }
  return true;
}

std::string QuoteIdent(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string QuoteString(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += '\'';
    out += c;
  }
  out += '\'';
  return out;
}

// ---------------------------------------------------------------------------
// Statement

Statement::Statement(Statement&& o) noexcept
    : conn_(o.conn_), stmt_(o.stmt_), sql_(std::move(o.sql_)), cached_(o.cached_) {
  o.conn_ = nullptr;
  o.stmt_ = nullptr;
}

Statement& Statement::operator=(Statement&& o) noexcept {
  if (this != &o) {
    Release();
    conn_ = o.conn_;
    stmt_ = o.stmt_;
    sql_ = std::move(o.sql_);
    cached_ = o.cached_;
    o.conn_ = nullptr;
    o.stmt_ = nullptr;
  }
  return *this;
}

Statement::~Statement() { Release(); }

void Statement::Release() {
  if (stmt_ == nullptr) return;
  if (cached_ && conn_ != nullptr) {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    conn_->ReturnToCache(std::move(sql_), stmt_);
  } else {
    sqlite3_finalize(stmt_);
  }
  stmt_ = nullptr;
  conn_ = nullptr;
}

Status Statement::BindResult(int rc, int idx) {
  if (rc == SQLITE_OK) return Status::Ok();
  return conn_->Error(rc, "bind parameter " + std::to_string(idx));
}

Status Statement::BindInt64(int idx, int64_t v) {
  return BindResult(sqlite3_bind_int64(stmt_, idx, v), idx);
}
Status Statement::BindDouble(int idx, double v) {
  return BindResult(sqlite3_bind_double(stmt_, idx, v), idx);
}
Status Statement::BindText(int idx, std::string_view v) {
  return BindResult(
      sqlite3_bind_text64(stmt_, idx, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8), idx);
}
Status Statement::BindBlob(int idx, std::string_view v) {
  // A zero-length blob must not bind as NULL: give SQLite a non-null pointer.
  static const char kEmpty = 0;
  return BindResult(
      sqlite3_bind_blob64(stmt_, idx, v.empty() ? &kEmpty : v.data(), v.size(), SQLITE_TRANSIENT),
      idx);
}
Status Statement::BindNull(int idx) { return BindResult(sqlite3_bind_null(stmt_, idx), idx); }

Status Statement::BindValue(int idx, const Value& v, bool as_blob) {
  switch (v.kind()) {
    case Value::Kind::kNull: return BindNull(idx);
    case Value::Kind::kInt: return BindInt64(idx, v.int_value());
    case Value::Kind::kUInt:
      if (v.uint_value() <= static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
        return BindInt64(idx, static_cast<int64_t>(v.uint_value()));
      return BindText(idx, std::to_string(v.uint_value()));
    case Value::Kind::kDouble: return BindDouble(idx, v.double_value());
    case Value::Kind::kString:
      return as_blob ? BindBlob(idx, v.string_value()) : BindText(idx, v.string_value());
  }
  return BindNull(idx);
}

Status Statement::ClearBindings() {
  return BindResult(sqlite3_clear_bindings(stmt_), 0);
}

Status Statement::Step(bool* row) {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) {
    *row = true;
    return Status::Ok();
  }
  if (rc == SQLITE_DONE) {
    *row = false;
    return Status::Ok();
  }
  *row = false;
  // sqlite3_step's rc is already the extended code (sqlite3_extended_result_codes on).
  Status s = conn_->Error(rc, "");
  sqlite3_reset(stmt_);
  return s;
}

Status Statement::Run() {
  bool row = true;
  while (row) RETURN_IF_ERROR(Step(&row));
  sqlite3_reset(stmt_);
  return Status::Ok();
}

void Statement::Reset() { sqlite3_reset(stmt_); }

std::string_view Statement::ColumnText(int i) const {
  const unsigned char* p = sqlite3_column_text(stmt_, i);
  int n = sqlite3_column_bytes(stmt_, i);
  if (p == nullptr) return {};
  return std::string_view(reinterpret_cast<const char*>(p), static_cast<size_t>(n));
}

std::string_view Statement::ColumnBlob(int i) const {
  const void* p = sqlite3_column_blob(stmt_, i);
  int n = sqlite3_column_bytes(stmt_, i);
  if (p == nullptr) return {};
  return std::string_view(static_cast<const char*>(p), static_cast<size_t>(n));
}

Value Statement::ColumnAsValue(int i) const {
  switch (ColumnType(i)) {
    case SQLITE_INTEGER: return Value::Int(ColumnInt64(i));
    case SQLITE_FLOAT: return Value::Double(ColumnDouble(i));
    case SQLITE_TEXT: return Value::String(std::string(ColumnText(i)));
    case SQLITE_BLOB: return Value::String(std::string(ColumnBlob(i)));
    default: return Value::Null();
  }
}

// ---------------------------------------------------------------------------
// Connection

Connection::~Connection() {
  ClearStatementCache();
  if (db_ != nullptr) sqlite3_close_v2(db_);
}

namespace {

// Process-wide SQLite settings, before the first connection initializes the
// library. Memory statistics off: with them every sqlite3_malloc takes one
// global mutex, which the connection threads then contend for (two futex
// calls per point SELECT with 4 clients). relaydb never reads them.
void ConfigureSqliteOnce() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) != SQLITE_OK) {
      LogWarning("SQLite was initialized before relaydb configured it: memory statistics stay on");
    }
  });
}

}  // namespace

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& path,
                                                     const ConnectionOptions& options) {
  ConfigureSqliteOnce();
  std::unique_ptr<Connection> conn(new Connection());
  conn->path_ = path;
  conn->cache_capacity_ = options.statement_cache_capacity;
  int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
  flags |= options.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (!options.read_only && options.create_if_missing) flags |= SQLITE_OPEN_CREATE;
  int rc = sqlite3_open_v2(path.c_str(), &conn->db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    Status s = SqliteStatus(conn->db_, rc, "open " + path, &conn->last_error_);
    return s;
  }
  sqlite3_extended_result_codes(conn->db_, 1);
  sqlite3_busy_timeout(conn->db_, options.busy_timeout_ms);
  RETURN_IF_ERROR(RegisterCollations(conn->db_));
  if (!options.read_only) {
    // journal_mode returns a row: run through Exec which ignores it.
    RETURN_IF_ERROR(conn->Exec("PRAGMA journal_mode=WAL"));
  }
  std::string pragmas = "PRAGMA foreign_keys=OFF; PRAGMA synchronous=";
  pragmas += options.synchronous_full ? "FULL" : "NORMAL";
  pragmas += "; PRAGMA cache_size=-" + std::to_string(options.cache_size_kib);
  // MySQL LIKE is case-insensitive; keep SQLite's default (also case-insensitive
  // for ASCII). recursive_triggers stays at the build default.
  RETURN_IF_ERROR(conn->Exec(pragmas));
  return conn;
}

Status Connection::Error(int rc, std::string_view context) {
  return SqliteStatus(db_, rc, context, &last_error_);
}

Status Connection::Exec(std::string_view sql) {
  // sqlite3_exec needs a NUL-terminated string.
  std::string text(sql);
  char* errmsg = nullptr;
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &errmsg);
  if (errmsg != nullptr) sqlite3_free(errmsg);
  if (rc != SQLITE_OK) return Error(rc, "");
  return Status::Ok();
}

Status Connection::Prepare(std::string_view sql, Statement* out) {
  auto range = index_.equal_range(sql);
  if (range.first != range.second) {
    auto lru_it = range.first->second;
    index_.erase(range.first);
    Statement st(this, lru_it->stmt, std::move(lru_it->sql), true);
    lru_.erase(lru_it);
    cache_hits_++;
    *out = std::move(st);
    return Status::Ok();
  }
  cache_misses_++;
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) return Error(rc, "prepare");
  if (stmt == nullptr) return Status::InvalidArgument("empty SQL statement");
  *out = Statement(this, stmt, std::string(sql), true);
  return Status::Ok();
}

Status Connection::PrepareUncached(std::string_view sql, Statement* out) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) return Error(rc, "prepare");
  if (stmt == nullptr) return Status::InvalidArgument("empty SQL statement");
  *out = Statement(this, stmt, std::string(sql), false);
  return Status::Ok();
}

void Connection::ReturnToCache(std::string sql, sqlite3_stmt* stmt) {
  if (cache_capacity_ == 0 || index_.count(sql) > 0) {
    // A copy is already idle in the cache (the SQL was in use twice).
    sqlite3_finalize(stmt);
    return;
  }
  lru_.push_front(CacheEntry{std::move(sql), stmt});
  index_.emplace(std::string_view(lru_.front().sql), lru_.begin());
  while (lru_.size() > cache_capacity_) {
    auto last = std::prev(lru_.end());
    auto range = index_.equal_range(std::string_view(last->sql));
    for (auto it = range.first; it != range.second; ++it) {
      if (it->second == last) {
        index_.erase(it);
        break;
      }
    }
    sqlite3_finalize(last->stmt);
    lru_.erase(last);
  }
}

size_t Connection::cached_statement_count() const { return lru_.size(); }

void Connection::ClearStatementCache() {
  index_.clear();
  for (CacheEntry& e : lru_) sqlite3_finalize(e.stmt);
  lru_.clear();
}

Result<Value> Connection::QueryValue(std::string_view sql, const std::vector<Value>& params) {
  Statement st;
  RETURN_IF_ERROR(Prepare(sql, &st));
  for (size_t i = 0; i < params.size(); i++)
    RETURN_IF_ERROR(st.BindValue(static_cast<int>(i + 1), params[i]));
  bool row = false;
  RETURN_IF_ERROR(st.Step(&row));
  if (!row) return Value::Null();
  Value v = st.ColumnAsValue(0);
  st.Reset();
  return v;
}

Status SyncWal(const std::string& db_path) {
  const std::string wal = db_path + "-wal";
  int fd = ::open(wal.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return Status::Ok();
    return Status::IoError("cannot open " + wal + ": " + strerror(errno));
  }
  int rc = ::fdatasync(fd);
  int err = errno;
  ::close(fd);
  if (rc != 0) return Status::IoError("fdatasync " + wal + ": " + strerror(err));
  return Status::Ok();
}

}  // namespace relaydb::storage
