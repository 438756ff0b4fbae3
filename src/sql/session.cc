// Session: connection state, transactions, function context. See session.h.
#include "sql/session.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>

#include "common/logging.h"
#include "sql/binary_log.h"
#include "sql/replica_control.h"
#include "sql/executor.h"

namespace relaydb::sql {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

SysVarScope ToSysScope(VarScope s) {
  return s == VarScope::kGlobal ? SysVarScope::kGlobal : s == VarScope::kSession ? SysVarScope::kSession
                                                                                  : SysVarScope::kDefault;
}

namespace {

Value FromSqlite(sqlite3_value* v) {
  switch (sqlite3_value_type(v)) {
    case SQLITE_NULL: return Value::Null();
    case SQLITE_INTEGER: return Value::Int(sqlite3_value_int64(v));
    case SQLITE_FLOAT: return Value::Double(sqlite3_value_double(v));
    case SQLITE_BLOB: {
      const void* p = sqlite3_value_blob(v);
      return Value::String(std::string(static_cast<const char*>(p), sqlite3_value_bytes(v)));
    }
    default: {
      const unsigned char* p = sqlite3_value_text(v);
      return Value::String(std::string(reinterpret_cast<const char*>(p), sqlite3_value_bytes(v)));
    }
  }
}

void ResultValue(sqlite3_context* ctx, const Value& v, bool blob) {
  switch (v.kind()) {
    case Value::Kind::kNull: sqlite3_result_null(ctx); break;
    case Value::Kind::kInt: sqlite3_result_int64(ctx, v.int_value()); break;
    case Value::Kind::kUInt:
      if (v.uint_value() <= static_cast<uint64_t>(INT64_MAX)) sqlite3_result_int64(ctx, static_cast<int64_t>(v.uint_value()));
      else {
        std::string s = std::to_string(v.uint_value());
        sqlite3_result_text(ctx, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
      }
      break;
    case Value::Kind::kDouble: sqlite3_result_double(ctx, v.double_value()); break;
    case Value::Kind::kString:
      if (blob) sqlite3_result_blob(ctx, v.string_value().data(), static_cast<int>(v.string_value().size()), SQLITE_TRANSIENT);
      else sqlite3_result_text(ctx, v.string_value().data(), static_cast<int>(v.string_value().size()), SQLITE_TRANSIENT);
      break;
  }
}

}  // namespace

Session::Session(Engine* engine, std::shared_ptr<ProcessEntry> proc)
    : engine_(engine), proc_(std::move(proc)) {
  vars_ = std::make_unique<SessionVariables>(engine_->variables());
  // Values the session computes rather than stores.
  vars_->SetProvider([this](const SysVarDef& def) -> std::optional<Value> {
    std::string n = Lower(def.name);
    if (n == "in_transaction") return Value::Int(in_txn_ ? 1 : 0);
    bool prev = showing_previous_ && warnings_.empty();
    const auto& w = prev ? previous_warnings_ : warnings_;
    if (n == "warning_count")
      return Value::Int(static_cast<int64_t>(std::max(w.size(), prev ? previous_total_ : warning_total_)));
    if (n == "error_count") {
      int64_t e = 0;
      for (auto& x : w) e += x.level == SqlWarning::Level::kError;
      return Value::Int(e);
    }
    if (n == "last_insert_id" || n == "identity") return Value::UInt(last_insert_id_);
    if (n == "pseudo_thread_id" && vars_->hot().pseudo_thread_id == 0) return Value::UInt(connection_id());
    return std::nullopt;
  });
}

Session::~Session() { Close(); }

Status Session::Init() {
  provider_.Bind(this);
  ASSIGN_OR_RETURN(conn_, engine_->NewConnection(&provider_));
  capture_ = std::make_unique<storage::ChangeCapture>(conn_.get());
  capture_->Enable();
  int rc = sqlite3_create_function_v2(conn_->handle(), "rdb_store", -1, SQLITE_UTF8, this,
                                      &Session::StoreFunction, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return Status::IoError("cannot register rdb_store");
  rc = sqlite3_create_function_v2(conn_->handle(), "rdb_scalar", 1, SQLITE_UTF8, this, nullptr,
                                  &Session::ScalarStep, &Session::ScalarFinal, nullptr);
  if (rc != SQLITE_OK) return Status::IoError("cannot register rdb_scalar");
  return Status::Ok();
}

// rdb_scalar(x): the single value of a scalar subquery; a second row is
// error 1242.
namespace {
struct ScalarAgg {
  int64_t rows;
  sqlite3_value* value;
};
}  // namespace

void Session::ScalarStep(sqlite3_context* ctx, int, sqlite3_value** argv) {
  auto* agg = static_cast<ScalarAgg*>(sqlite3_aggregate_context(ctx, sizeof(ScalarAgg)));
  if (agg == nullptr) return;
  if (++agg->rows > 1) {
    auto* self = static_cast<Session*>(sqlite3_user_data(ctx));
    self->function_error_ = Status::SqlError(1242, "21000", "Subquery returns more than 1 row");
    sqlite3_result_error(ctx, "Subquery returns more than 1 row", -1);
    return;
  }
  agg->value = sqlite3_value_dup(argv[0]);
}

void Session::ScalarFinal(sqlite3_context* ctx) {
  auto* agg = static_cast<ScalarAgg*>(sqlite3_aggregate_context(ctx, 0));
  if (agg == nullptr || agg->value == nullptr) {
    sqlite3_result_null(ctx);
    return;
  }
  if (agg->rows <= 1) sqlite3_result_value(ctx, agg->value);
  sqlite3_value_free(agg->value);
}

void Session::StoreFunction(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  auto* self = static_cast<Session*>(sqlite3_user_data(ctx));
  if (argc < 2) {
    sqlite3_result_error(ctx, "rdb_store: bad arguments", -1);
    return;
  }
  int64_t slot = sqlite3_value_int64(argv[1]);
  bool quiet = argc > 2 && sqlite3_value_int64(argv[2]) != 0;
  if (slot < 0 || slot >= static_cast<int64_t>(self->store_slots_.size())) {
    sqlite3_result_error(ctx, "rdb_store: bad slot", -1);
    return;
  }
  const ColumnDef& col = *self->store_slots_[slot];
  CoerceContext c = self->store_ctx_;
  std::vector<SqlWarning> sink;
  if (quiet) c.warnings = &sink;
  if (slot == 0 && !quiet) self->store_row_++;
  c.row = self->store_row_ == 0 ? 1 : self->store_row_;
  Value in = FromSqlite(argv[0]);
  auto r = CoerceToStored(col, in, c);
  if (!r.ok()) {
    if (quiet) {
      ResultValue(ctx, in, false);
      return;
    }
    self->function_error_ = r.status();
    sqlite3_result_error(ctx, r.status().message().c_str(), -1);
    return;
  }
  if (!quiet) {
    if (self->store_last_.size() < self->store_slots_.size()) self->store_last_.resize(self->store_slots_.size());
    self->store_last_[slot] = *r;
  }
  ResultValue(ctx, *r, IsBlobStorage(col.type));
}

ParseOptions Session::parse_options() const {
  uint64_t m = const_cast<Session*>(this)->SqlMode();
  ParseOptions o;
  o.ansi_quotes = (m & kModeAnsiQuotes) != 0;
  o.no_backslash_escapes = (m & kModeNoBackslashEscapes) != 0;
  o.pipes_as_concat = (m & kModePipesAsConcat) != 0;
  return o;
}

Status Session::UseDatabase(const std::string& db) {
  if (IsInformationSchema(db)) {
    current_db_ = "information_schema";
    if (proc_) proc_->SetDb(current_db_);
    return Status::Ok();
  }
  if (!engine_->catalog().DatabaseExists(db))
    return Status::SqlError(1049, "42000", "Unknown database '" + db + "'");
  if (!system_user_ && !(account_.global_privs & (kSelectAcl | kShowDbAcl)) &&
      !engine_->accounts().CanAccessDatabase(account_, db))
    return DbAccessDenied(account_, db);
  current_db_ = db;
  if (proc_) proc_->SetDb(db);
  return Status::Ok();
}

std::shared_ptr<const TableDef> Session::FindTable(const std::string& db, const std::string& name) {
  if (IsInformationSchema(db)) return InformationSchemaTable(name);
  return engine_->catalog().GetTable(db, name);
}

TranslateEnv Session::MakeEnv(const std::vector<Value>* params) {
  TranslateEnv env;
  env.current_db = current_db_;
  env.find_table = [this](const std::string& db, const std::string& name) { return FindTable(db, name); };
  env.sysvar = [this](const std::string& name, VarScope scope) -> Result<Value> {
    return vars_->Get(ToSysScope(scope), name);
  };
  env.params = params;
  env.sql_mode = SqlMode();
  env.div_precision_increment = DivPrecisionIncrement();
  const std::string& coll = vars_->hot().collation_connection;
  if (coll.size() > 4 && coll.compare(coll.size() - 4, 4, "_bin") == 0) env.literal_collation = "rdb_bin";
  env.user_var = [this](const std::string& name) { return GetUserVariable(name); };
  if (!system_user_ && !(account_.global_privs & kSelectAcl)) {
    env.on_table_read = [this](const TableDef& t) -> Status {
      if (IsInformationSchema(t.db)) return Status::Ok();
      if (engine_->accounts().HasPrivilege(account_, kSelectAcl, t.db, t.name)) return Status::Ok();
      return TableAccessDenied("SELECT", account_, t.db, t.name);
    };
  }
  env.user_var_family = [this](const std::string& name) -> std::optional<ResultType> {
    auto it = user_var_family_.find(Lower(name));
    if (it == user_var_family_.end()) return std::nullopt;
    return it->second;
  };
  return env;
}

Status Session::Execute(const ParsedStatement& stmt, std::string_view sql_text,
                        const std::vector<Value>* params, ResultSink* sink) {
  // Statements other than SHOW WARNINGS/ERRORS reset the warnings.
  const ShowStmt* show = stmt.stmt->As<ShowStmt>();
  bool keeps_warnings = show != nullptr && (show->what == ShowKind::kWarnings || show->what == ShowKind::kErrors ||
                                            show->what == ShowKind::kWarningCount ||
                                            show->what == ShowKind::kErrorCount);
  // A SELECT that uses no table keeps the previous statement's warnings
  // unless it makes its own (MySQL: "reset for each new statement that
  // uses a table"), so SELECT @@warning_count sees them.
  const SelectStmt* sel = stmt.stmt->As<SelectStmt>();
  bool tableless = (sel != nullptr && sel->query->kind == QueryExpr::Kind::kSelect &&
                    sel->query->select->from.empty()) ||
                   stmt.stmt->kind == StatementKind::kSet || stmt.stmt->kind == StatementKind::kDo;
  abort_on_warning_ = false;
  std::vector<SqlWarning> previous;
  size_t previous_total = warning_total_;
  if (tableless) previous = warnings_;
  if (!keeps_warnings) {
    warnings_.clear();
    warning_total_ = 0;
  }
  function_error_ = Status::Ok();
  if (proc_) {
    proc_->kill_query = false;
  }
  auto now = std::chrono::system_clock::now();
  query_start_us_ = std::chrono::duration_cast<std::chrono::microseconds>(now.time_since_epoch()).count();
  Executor ex(this, sql_text, params, sink);
  if (tableless) {
    // The statement's own count starts at 0; @@warning_count still reads
    // the previous statement's (previous_warnings_), which stay in place
    // unless this one makes its own.
    previous_warnings_ = std::move(previous);
    previous_total_ = previous_total;
    warnings_.clear();
    showing_previous_ = true;
    Status s = ex.Run(stmt);
    showing_previous_ = false;
    if (!s.ok() && s.IsSqlError()) warnings_.push_back(SqlWarning{SqlWarning::Level::kError, s.mysql_errno(), s.message()});
    if (warnings_.empty()) {
      warnings_ = std::move(previous_warnings_);
      warning_total_ = previous_total_;
    } else {
      CapWarnings();
    }
    previous_warnings_.clear();
    return s;
  }
  Status s = ex.Run(stmt);
  if (!s.ok() && s.IsSqlError() && !keeps_warnings) {
    warnings_.push_back(SqlWarning{SqlWarning::Level::kError, s.mysql_errno(), s.message()});
  }
  if (!keeps_warnings) CapWarnings();
  return s;
}

void Session::CapWarnings() {
  // SHOW WARNINGS keeps at most max_error_count; the count keeps them all.
  warning_total_ = std::max(warning_total_, warnings_.size());
  auto max = vars_->Get(SysVarScope::kSession, "max_error_count");
  if (max.ok()) {
    uint64_t m = max->kind() == Value::Kind::kUInt ? max->uint_value() : static_cast<uint64_t>(max->int_value());
    if (warnings_.size() > m) warnings_.resize(m);
  }
}

Result<std::vector<ColumnMeta>> Session::DescribeResult(const ParsedStatement& stmt, std::string_view sql_text) {
  CollectingSink sink;
  Executor ex(this, sql_text, nullptr, &sink);
  return ex.Describe(*stmt.stmt);
}

uint16_t Session::status_flags() const {
  uint16_t f = 0;
  if (in_txn_) f |= 0x0001;  // SERVER_STATUS_IN_TRANS
  if (vars_->hot().autocommit) f |= 0x0002;  // SERVER_STATUS_AUTOCOMMIT
  return f;
}

void Session::AddWarning(SqlWarning::Level level, uint16_t code, std::string msg) {
  warnings_.push_back(SqlWarning{level, code, std::move(msg)});
}

void Session::AddAdminWarnings(const std::vector<AdminWarning>& w) {
  for (const auto& x : w) {
    SqlWarning::Level l = x.level == AdminWarning::Level::kNote      ? SqlWarning::Level::kNote
                          : x.level == AdminWarning::Level::kWarning ? SqlWarning::Level::kWarning
                                                                     : SqlWarning::Level::kError;
    warnings_.push_back(SqlWarning{l, x.code, x.message});
  }
}

void Session::PushWarning(WarningLevel level, uint16_t code, std::string_view message) {
  SqlWarning::Level l = level == WarningLevel::kNote ? SqlWarning::Level::kNote
                        : level == WarningLevel::kWarning ? SqlWarning::Level::kWarning
                                                          : SqlWarning::Level::kError;
  warnings_.push_back(SqlWarning{l, code, std::string(message)});
}

void Session::Close() {
  if (conn_ == nullptr) return;
  if (sqlite_txn_ || holds_writer_) {
    Status s = RollbackTxn();
    (void)s;
  }
  ReleaseAllUserLocks(connection_id());
  capture_.reset();
  conn_.reset();
}

// ---------------------------------------------------------------------------
// Transactions

Status Session::EnsureSqliteTxn() {
  if (sqlite_txn_) return Status::Ok();
  RETURN_IF_ERROR(conn_->Exec("BEGIN"));
  sqlite_txn_ = true;
  snapshot_seq_ = engine_->commit_seq();
  return Status::Ok();
}

Status Session::BeginWrite(bool statement_unit) {
  if (holds_writer_) return statement_unit ? BeginStatementUnit() : Status::Ok();
  uint64_t timeout_s = vars_->hot().innodb_lock_wait_timeout;
  if (timeout_s == 0) timeout_s = 50;
  if (!engine_->TryLockWriter(std::chrono::seconds(timeout_s)))
    return Status::SqlError(1205, "HY000", "Lock wait timeout exceeded; try restarting transaction");
  holds_writer_ = true;
  if (sqlite_txn_ && snapshot_seq_ != engine_->commit_seq()) {
    // The read snapshot predates another commit; this transaction has
    // written nothing (it did not hold the lock), so restart it on the
    // latest data.
    Status s = conn_->Exec("ROLLBACK");
    (void)s;
    sqlite_txn_ = false;
  }
  if (!sqlite_txn_) {
    Status s = conn_->Exec("BEGIN IMMEDIATE");
    if (!s.ok()) {
      ReleaseWriteLock();
      return s;
    }
    sqlite_txn_ = true;
    snapshot_seq_ = engine_->commit_seq();
  }
  return statement_unit ? BeginStatementUnit() : Status::Ok();
}

void Session::ReleaseWriteLock() {
  if (holds_writer_) {
    holds_writer_ = false;
    engine_->UnlockWriter();
  }
}

Status Session::CommitTxn() {
  in_txn_ = false;
  txn_read_only_ = false;
  savepoints_.clear();
  if (!sqlite_txn_) {
    txn_log_ = TransactionLog();
    ReleaseWriteLock();
    return Status::Ok();
  }
  if (holds_writer_ && commit_hook_) {
    Status h = commit_hook_(conn_.get());
    if (!h.ok()) {
      Status r = RollbackTxn();
      (void)r;
      return h;
    }
  }
  BinlogHook* binlog = engine_->binlog_hook();
  bool log = holds_writer_ && binlog != nullptr && binlog->enabled() && !txn_log_.empty() &&
             vars_->hot().sql_log_bin;
  uint64_t ticket = 0;
  if (log) {
    txn_log_.server_id = logged_server_id_ != 0 ? logged_server_id_ : engine_->server_id();
    Result<uint64_t> t = binlog->Append(txn_log_, conn_.get());
    if (!t.ok()) {
      LogError("binary log: cannot log a transaction: " + t.status().ToString());
      Status r = RollbackTxn();
      (void)r;
      return Status::SqlError(1026, "HY000", "Error writing file 'binlog' (" + t.status().message() + ")");
    }
    ticket = *t;
  }
  Status s = conn_->Exec("COMMIT");
  if (!s.ok()) {
    if (log) binlog->Aborted(ticket);
    Status r = RollbackTxn();
    (void)r;
    return Status::SqlError(1180, "HY000", "Got error 1 \"" + s.message() + "\" during COMMIT");
  }
  sqlite_txn_ = false;
  const uint64_t seq = holds_writer_ ? engine_->BumpCommitSeq() : 0;
  if (log) binlog->Committed(ticket);
  txn_log_ = TransactionLog();
  capture_->Clear();
  ReleaseWriteLock();
  if (ticket != 0) {
    Status d = binlog->WaitDurable(ticket);
    if (!d.ok())
      return Status::SqlError(1026, "HY000", "Error writing file 'binlog' (" + d.message() + ")");
  } else if (seq != 0) {
    // Not logged (binlog off, sql_log_bin=0, nothing to log, a replica
    // without log_slave_updates): the engine's own WAL group commit.
    Status d = engine_->WaitWalDurable(seq);
    if (!d.ok()) {
      LogError("cannot make a commit durable: " + d.ToString());
      return Status::SqlError(1180, "HY000", "Got error 5 \"" + d.message() + "\" during COMMIT");
    }
  }
  return Status::Ok();
}

Status Session::RollbackTxn() {
  in_txn_ = false;
  txn_read_only_ = false;
  savepoints_.clear();
  txn_log_ = TransactionLog();
  capture_->Clear();
  Status s;
  if (sqlite_txn_) {
    s = conn_->Exec("ROLLBACK");
    sqlite_txn_ = false;
  }
  ReleaseWriteLock();
  return s;
}

Status Session::ImplicitCommit() {
  if (in_txn_ || sqlite_txn_) return CommitTxn();
  return Status::Ok();
}

void Session::StatementDone() {
  // Inside a transaction: make the statement's effects a unit so that a
  // later failing statement can be undone alone.
  if (sqlite_txn_ && holds_writer_) {
    Status s = conn_->Exec("RELEASE SAVEPOINT rdb_stmt");
    (void)s;
    stmt_savepoint_ = false;
  }
}

void Session::RollbackStatement() {
  capture_->Clear();
  if (stmt_savepoint_) {
    Status s = conn_->Exec("ROLLBACK TO SAVEPOINT rdb_stmt");
    (void)s;
    s = conn_->Exec("RELEASE SAVEPOINT rdb_stmt");
    (void)s;
    stmt_savepoint_ = false;
    txn_log_.events.resize(std::min(txn_log_.events.size(), stmt_log_mark_));
  }
}

Status Session::BeginStatementUnit() {
  if (in_txn_ && sqlite_txn_ && holds_writer_ && !stmt_savepoint_) {
    RETURN_IF_ERROR(conn_->Exec("SAVEPOINT rdb_stmt"));
    stmt_savepoint_ = true;
    stmt_log_mark_ = txn_log_.events.size();
  }
  return Status::Ok();
}

Status Session::CreateSavepoint(const std::string& name) {
  if (!in_txn_) return Status::Ok();  // MySQL accepts and ignores outside a transaction
  RETURN_IF_ERROR(BeginWrite(/*statement_unit=*/false));
  RETURN_IF_ERROR(conn_->Exec("SAVEPOINT " + storage::QuoteIdent("sp_" + Lower(name))));
  auto it = std::find_if(savepoints_.begin(), savepoints_.end(), [&](auto& p) { return p.first == Lower(name); });
  if (it != savepoints_.end()) savepoints_.erase(it, savepoints_.end());
  savepoints_.emplace_back(Lower(name), txn_log_.events.size());
  return Status::Ok();
}

Status Session::RollbackToSavepoint(const std::string& name) {
  auto it = std::find_if(savepoints_.begin(), savepoints_.end(), [&](auto& p) { return p.first == Lower(name); });
  if (it == savepoints_.end())
    return Status::SqlError(1305, "42000", "SAVEPOINT " + name + " does not exist");
  RETURN_IF_ERROR(conn_->Exec("ROLLBACK TO SAVEPOINT " + storage::QuoteIdent("sp_" + it->first)));
  txn_log_.events.resize(it->second);
  capture_->Clear();
  savepoints_.erase(it + 1, savepoints_.end());
  return Status::Ok();
}

Status Session::ReleaseSavepointNamed(const std::string& name) {
  auto it = std::find_if(savepoints_.begin(), savepoints_.end(), [&](auto& p) { return p.first == Lower(name); });
  if (it == savepoints_.end())
    return Status::SqlError(1305, "42000", "SAVEPOINT " + name + " does not exist");
  RETURN_IF_ERROR(conn_->Exec("RELEASE SAVEPOINT " + storage::QuoteIdent("sp_" + it->first)));
  savepoints_.erase(it, savepoints_.end());
  return Status::Ok();
}

uint64_t Session::CollectChanges(const std::shared_ptr<const TableDef>& def) {
  std::vector<storage::RowChange> changes = capture_->TakeChanges();
  uint64_t changed = 0;
  LoggedRows* cur = nullptr;
  for (auto& c : changes) {
    if (c.op == storage::RowChange::Op::kUpdate && c.before == c.after) continue;
    changed++;
    std::shared_ptr<const TableDef> table = def;
    if (!def || SqliteTableName(def->db, def->name) != c.table) {
      auto dot = c.table.find('.');
      table = dot == std::string::npos ? nullptr
                                       : engine_->catalog().GetTable(c.table.substr(0, dot), c.table.substr(dot + 1));
      if (!table) continue;
    }
    if (cur == nullptr || cur->table != table) {
      TxnEvent ev;
      ev.kind = TxnEvent::Kind::kRows;
      ev.rows.table = table;
      txn_log_.events.push_back(std::move(ev));
      cur = &txn_log_.events.back().rows;
    }
    LoggedRow row;
    row.op = c.op == storage::RowChange::Op::kInsert   ? LoggedRow::Op::kInsert
             : c.op == storage::RowChange::Op::kUpdate ? LoggedRow::Op::kUpdate
                                                       : LoggedRow::Op::kDelete;
    row.before = std::move(c.before);
    row.after = std::move(c.after);
    cur->rows.push_back(std::move(row));
  }
  return changed;
}

// ---------------------------------------------------------------------------
// FunctionContext

int64_t Session::QueryStartMicros() {
  // Rounded: SET TIMESTAMP = 1700000000.123456 is not exact in binary.
  if (vars_->hot().timestamp) return std::llround(*vars_->hot().timestamp * 1e6);
  return query_start_us_;
}

std::string Session::NowText(int fsp, bool utc) {
  int64_t us = QueryStartMicros();
  time_t secs = us / 1000000;
  int64_t frac = us % 1000000;
  int64_t off = utc ? 0 : UtcOffsetAt(secs);
  time_t local = secs + off;
  struct tm tm;
  gmtime_r(&local, &tm);
  char buf[64];
  snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
           tm.tm_hour, tm.tm_min, tm.tm_sec);
  std::string s(buf);
  if (fsp > 0) {
    char f[16];
    snprintf(f, sizeof f, ".%06lld", static_cast<long long>(frac));
    s += std::string(f).substr(0, fsp + 1);
  }
  return s;
}

std::string Session::TimeZone() { return vars_->hot().time_zone; }

std::string Session::Version() { return vars_->globals()->GetString("version"); }

Value Session::GetUserVariable(std::string_view name) {
  std::string key = Lower(name);
  auto it = user_vars_.find(key);
  Value v = it == user_vars_.end() ? Value::Null() : it->second;
  bool seen = false;
  for (const auto& [n, _] : stmt_log_.user_vars) seen = seen || n == key;
  if (!seen) stmt_log_.user_vars.emplace_back(key, v);
  return v;
}

Value Session::BinlogGtidPos(std::string_view file, int64_t pos) {
  BinaryLog* log = engine_->binary_log();
  if (log == nullptr || pos < 0) return Value::Null();
  auto gp = log->GtidPosAt(std::string(file), static_cast<uint64_t>(pos));
  return gp ? Value::String(*gp) : Value::Null();
}

Value Session::MasterPosWait(std::string_view log_name, int64_t log_pos, double timeout,
                             std::string_view connection_name) {
  ReplicaControl* rc = engine_->replica_control();
  if (rc == nullptr || !connection_name.empty()) return Value::Null();
  auto proc = proc_;
  return rc->MasterPosWait(std::string(log_name), log_pos, timeout,
                           [proc] { return proc && (proc->kill_query.load() || proc->kill_connection.load()); });
}

RandState* Session::SessionRand() {
  RandState* r = FunctionContext::SessionRand();
  if (!stmt_log_.has_rand) {
    stmt_log_.has_rand = true;
    stmt_log_.rand_seed1 = r->seed1;
    stmt_log_.rand_seed2 = r->seed2;
  }
  return r;
}

void Session::SetUserVariable(std::string_view name, const Value& value) {
  user_vars_[Lower(name)] = value;
  user_var_family_.erase(Lower(name));
}

void Session::SetUserVariableTyped(std::string_view name, const Value& value, ResultType family) {
  user_vars_[Lower(name)] = value;
  user_var_family_[Lower(name)] = family;
}

bool Session::SleepInterruptible(double seconds) {
  if (proc_) proc_->SetState("User sleep");
  bool interrupted = FunctionContext::SleepInterruptible(seconds);
  if (proc_) proc_->SetState("Sending data");
  return interrupted;
}

uint64_t Session::SqlMode() { return vars_->hot().sql_mode; }
uint64_t Session::GroupConcatMaxLen() { return vars_->hot().group_concat_max_len; }
int Session::DivPrecisionIncrement() { return static_cast<int>(vars_->hot().div_precision_increment); }
uint64_t Session::MaxAllowedPacket() { return vars_->hot().max_allowed_packet; }

void Session::OnVariableSet(const std::string& name) {
  std::string n = Lower(name);
  // SET autocommit=1 commits an open transaction, as in MySQL.
  if (n == "autocommit" && vars_->hot().autocommit && in_txn_) {
    Status s = CommitTxn();
    (void)s;
  }
  if (n == "last_insert_id" || n == "identity") last_insert_id_ = vars_->hot().last_insert_id;
}

}  // namespace relaydb::sql
