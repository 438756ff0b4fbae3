// Session: one client's (or one replication applier's) state in the SQL
// layer — its SQLite connection, current database, account, variables,
// transaction, warnings — and the entry point that executes parsed
// statements (executor*.cc).
//
// Transactions (docs/architecture.md, "Locking model"):
//
//   idle ──BEGIN──▶ explicit (no SQLite txn yet)
//     │                 │ first statement: SQLite BEGIN (DEFERRED) = read snapshot
//     │                 │ first write: take Engine write lock; if the snapshot is
//     │                 │   stale, restart the SQLite txn (nothing written yet)
//     │                 ▼
//     │          COMMIT: binlog Prepare → SQLite COMMIT → binlog Committed
//     │          ROLLBACK: SQLite ROLLBACK, captured changes dropped
//     └─autocommit statement: same as BEGIN; stmt; COMMIT, implicitly.
//
// Thread-safety: a Session is used by one thread at a time; KILL from other
// threads goes through the ProcessEntry flags.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/processlist.h"
#include "common/status.h"
#include "sql/accounts.h"
#include "sql/ast.h"
#include "sql/binlog_hook.h"
#include "sql/engine.h"
#include "sql/functions.h"
#include "sql/parser.h"
#include "sql/result_sink.h"
#include "sql/translator.h"
#include "sql/types.h"
#include "sql/variables.h"
#include "storage/change_capture.h"
#include "storage/sqlite_db.h"

namespace relaydb::sql {

SysVarScope ToSysScope(VarScope s);

class Session : public FunctionContext {
 public:
  // `proc` is this session's processlist row (may be null for internal use).
  Session(Engine* engine, std::shared_ptr<ProcessEntry> proc);
  ~Session() override;

  // Opens the SQLite connection. Must succeed before anything else.
  Status Init();

  // Identity. The server authenticates and then calls SetAccount.
  void SetAccount(const Account& account) { account_ = account; }
  const Account& account() const { return account_; }
  // System threads (replication applier) bypass privilege checks and read_only.
  void SetSystemUser(bool v) { system_user_ = v; }
  bool system_user() const { return system_user_; }

  // COM_INIT_DB / USE.
  Status UseDatabase(const std::string& db);
  const std::string& current_db() const { return current_db_; }

  // Parse options derived from the session's sql_mode.
  ParseOptions parse_options() const;

  // Executes one parsed statement of `sql_text` (spans point into it).
  // `params` are the bound values of a prepared statement (null for text
  // queries). Every outcome goes to `sink`, or is returned as an error.
  Status Execute(const ParsedStatement& stmt, std::string_view sql_text,
                 const std::vector<Value>* params, ResultSink* sink);

  // Describes a prepared statement's result columns (COM_STMT_PREPARE):
  // empty for statements without a result set.
  Result<std::vector<ColumnMeta>> DescribeResult(const ParsedStatement& stmt,
                                                 std::string_view sql_text);

  // Server status flags for OK/EOF packets (SERVER_STATUS_IN_TRANS,
  // SERVER_STATUS_AUTOCOMMIT).
  uint16_t status_flags() const;
  // Warnings of the last statement (SHOW WARNINGS, warning count in OK).
  const std::vector<SqlWarning>& warnings() const { return warnings_; }
  uint16_t warning_count() const {
    return static_cast<uint16_t>(std::min<size_t>(std::max<size_t>(warnings_.size(), warning_total_), 65535));
  }
  void ClearWarnings() { warnings_.clear(); }
  void AddWarning(SqlWarning::Level level, uint16_t code, std::string msg);
  void AddAdminWarnings(const std::vector<AdminWarning>& w);
  // The account's global privileges (all for system threads).
  PrivMask Privileges() const { return system_user_ ? ~PrivMask{0} : account_.global_privs; }

  // Called when the client disconnects: rolls back an open transaction and
  // releases locks.
  void Close();

  SessionVariables& vars() { return *vars_; }
  Engine* engine() const { return engine_; }
  storage::Connection* connection() const { return conn_.get(); }
  bool in_transaction() const { return in_txn_; }
  // True while this session holds the engine's write lock (an open
  // transaction that wrote): every other writer waits for its next statement.
  bool holds_write_lock() const { return holds_writer_; }
  uint64_t connection_id() const { return proc_ ? proc_->id() : 0; }
  const std::shared_ptr<ProcessEntry>& proc() const { return proc_; }

  // The replica applier sets the originating server id of what it logs.
  void SetLoggedServerId(uint32_t id) { logged_server_id_ = id; }
  // The replica applier: called by every commit that wrote (write lock
  // held, storage transaction open) before the binary log append, so that
  // what it writes through `conn` commits atomically with the data. An
  // error rolls the transaction back and is the commit's error.
  void SetCommitHook(std::function<Status(storage::Connection* conn)> hook) { commit_hook_ = std::move(hook); }
  void SetClientFoundRows(bool v) { client_found_rows_ = v; }

  // ---- FunctionContext ----
  int64_t QueryStartMicros() override;
  std::string TimeZone() override;
  uint64_t LastInsertId() override {
    if (!stmt_log_.read_last_insert_id) {
      stmt_log_.read_last_insert_id = true;
      stmt_log_.last_insert_id = last_insert_id_;
    }
    return last_insert_id_;
  }
  RandState* SessionRand() override;
  Value BinlogGtidPos(std::string_view file, int64_t pos) override;
  Value MasterPosWait(std::string_view log_name, int64_t log_pos, double timeout,
                      std::string_view connection_name) override;
  void SetLastInsertId(uint64_t v) override { last_insert_id_ = v; }
  uint64_t FoundRows() override { return found_rows_; }
  int64_t RowCount() override { return row_count_; }
  uint64_t ConnectionId() override { return connection_id(); }
  std::optional<std::string> Database() override {
    if (current_db_.empty()) return std::nullopt;
    return current_db_;
  }
  std::string User() override { return account_.UserAtHost(); }
  std::string CurrentUser() override { return account_.CurrentUser(); }
  std::string Version() override;
  uint32_t ServerId() override { return engine_->server_id(); }
  Value GetUserVariable(std::string_view name) override;
  void SetUserVariable(std::string_view name, const Value& value) override;
  // SET @x = expr: also remembers the expression's type family.
  void SetUserVariableTyped(std::string_view name, const Value& value, ResultType family);
  uint64_t SqlMode() override;
  uint64_t GroupConcatMaxLen() override;
  int DivPrecisionIncrement() override;
  uint64_t MaxAllowedPacket() override;
  void PushWarning(WarningLevel level, uint16_t code, std::string_view message) override;
  bool AbortOnWarning() override { return abort_on_warning_; }
  void RaiseError(const Status& error) override { function_error_ = error; }
  bool IsKilled() override { return proc_ && (proc_->kill_query.load() || proc_->kill_connection.load()); }
  // SLEEP(): shows "User sleep" in SHOW PROCESSLIST while it waits.
  bool SleepInterruptible(double seconds) override;

 private:
  friend class Executor;
  friend class ReplicationApply;  // sql/replication_apply.h: transactions, context, capture

  // Transactions.
  Status EnsureSqliteTxn();
  // Takes the write lock (error 1205 on timeout) and opens the SQLite write
  // transaction; `statement_unit` wraps the statement in a savepoint.
  Status BeginWrite(bool statement_unit = true);
  Status CommitTxn();
  Status RollbackTxn();
  Status ImplicitCommit();  // before DDL and BEGIN, as MySQL does
  void ReleaseWriteLock();
  // Statement atomicity inside a transaction: a SQLite savepoint around each
  // writing statement, so a failed statement is undone alone.
  Status BeginStatementUnit();
  void StatementDone();
  void RollbackStatement();
  Status CreateSavepoint(const std::string& name);
  Status RollbackToSavepoint(const std::string& name);
  Status ReleaseSavepointNamed(const std::string& name);
  // Reacts to SET of a variable the session caches.
  void OnVariableSet(const std::string& name);

  // Errors from SQLite mapped to MySQL (1062, 1048, function errors).
  Status MapSqliteError(const Status& s, const TableDef* table, const std::vector<Value>* row);

  TranslateEnv MakeEnv(const std::vector<Value>* params);
  // Moves the changes captured since the last call into the transaction
  // log as row events of `def` (dropping updates that changed nothing);
  // returns how many rows changed.
  uint64_t CollectChanges(const std::shared_ptr<const TableDef>& def);
  // The statement's NOW() as 'YYYY-MM-DD hh:mm:ss[.f]' with `fsp` digits.
  // The statement's start time as DATETIME text in the session time zone,
  // or in UTC (the stored form of TIMESTAMP) with `utc`.
  std::string NowText(int fsp, bool utc = false);
  // rdb_store(value, slot[, quiet]): CoerceToStored for store_slots_[slot].
  static void StoreFunction(struct sqlite3_context* ctx, int argc, struct sqlite3_value** argv);
  static void ScalarStep(struct sqlite3_context* ctx, int argc, struct sqlite3_value** argv);
  static void ScalarFinal(struct sqlite3_context* ctx);
  std::shared_ptr<const TableDef> FindTable(const std::string& db, const std::string& name);
  // information_schema.X materialized as a TEMP table (information_schema.cc).
  static bool IsInformationSchema(const std::string& db);
  std::shared_ptr<const TableDef> InformationSchemaTable(const std::string& name);

  Engine* engine_;
  std::shared_ptr<ProcessEntry> proc_;
  std::unique_ptr<storage::Connection> conn_;
  std::unique_ptr<storage::ChangeCapture> capture_;
  FunctionContextProvider provider_;
  std::unique_ptr<SessionVariables> vars_;
  Account account_;
  bool system_user_ = false;
  std::string current_db_;

  // Transaction state.
  bool in_txn_ = false;         // inside BEGIN ... COMMIT (or autocommit=0 with work)
  bool txn_read_only_ = false;  // START TRANSACTION READ ONLY
  bool holds_writer_ = false;
  bool sqlite_txn_ = false;
  uint64_t snapshot_seq_ = 0;
  TransactionLog txn_log_;
  bool stmt_savepoint_ = false;
  size_t stmt_log_mark_ = 0;
  std::vector<std::pair<std::string, size_t>> savepoints_;  // name -> txn_log_ size

  // Statement state.
  std::vector<SqlWarning> warnings_;
  // While a statement that uses no table runs: the previous statement's
  // warnings, which @@warning_count still reports.
  std::vector<SqlWarning> previous_warnings_;
  bool showing_previous_ = false;
  // Warnings a statement produced, including those beyond max_error_count
  // that SHOW WARNINGS no longer lists.
  size_t warning_total_ = 0;
  size_t previous_total_ = 0;
  void CapWarnings();
  uint64_t last_insert_id_ = 0;
  uint64_t found_rows_ = 0;
  int64_t row_count_ = -1;
  int64_t query_start_us_ = 0;
  bool abort_on_warning_ = false;
  Status function_error_;
  std::map<std::string, Value> user_vars_;  // lower-cased names
  std::map<std::string, ResultType> user_var_family_;  // set by SET @x = <typed expr>
  bool client_found_rows_ = false;          // CLIENT_FOUND_ROWS: UPDATE reports matched rows

  // rdb_store() state for the running UPDATE.
  std::vector<const ColumnDef*> store_slots_;
  CoerceContext store_ctx_;
  uint64_t store_row_ = 0;
  std::vector<Value> store_last_;  // last value rdb_store stored per slot (for 1062 messages)
  uint32_t logged_server_id_ = 0;
  std::function<Status(storage::Connection*)> commit_hook_;
  // What the running statement read that a statement-based replica needs
  // to replay it (Intvar / Rand / User_var events).
  struct StatementLogContext {
    bool read_last_insert_id = false;
    uint64_t last_insert_id = 0;
    bool has_insert_id = false;
    uint64_t insert_id = 0;  // first AUTO_INCREMENT value the statement generated
    bool has_rand = false;
    uint32_t rand_seed1 = 0, rand_seed2 = 0;
    std::vector<std::pair<std::string, Value>> user_vars;
  };
  StatementLogContext stmt_log_;
  StatusCounters status_counters_;
};

}  // namespace relaydb::sql
