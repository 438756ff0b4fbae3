// Executor: runs one parsed statement for a Session. Split by statement
// family: executor.cc (dispatch, SELECT, transactions, SET, misc),
// executor_dml.cc (INSERT/REPLACE/UPDATE/DELETE), executor_ddl.cc
// (databases, tables, indexes), executor_show.cc (SHOW, DESCRIBE,
// information_schema), executor_admin.cc (accounts, KILL, FLUSH...).
#pragma once

#include <functional>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "sql/ast.h"
#include "sql/result_sink.h"
#include "sql/session.h"

namespace relaydb::sql {

class Executor {
 public:
  Executor(Session* s, std::string_view sql, const std::vector<Value>* params, ResultSink* sink)
      : s_(s), sql_(sql), params_(params), sink_(sink) {}

  Status Run(const ParsedStatement& stmt);

  // Result-set metadata of a SELECT (for COM_STMT_PREPARE).
  Result<std::vector<ColumnMeta>> Describe(const Statement& stmt);

  // Runs a query and streams its rows to sink_.
  Status RunQuery(const QueryExpr& q);

 private:
  // executor.cc
  Status Select(const SelectStmt& st);
  Status Begin(const BeginStmt& st);
  Status Commit(const CommitStmt& st);
  Status Rollback(const RollbackStmt& st);
  Status Savepoint(const SavepointStmt& st);
  Status ReleaseSavepoint(const ReleaseSavepointStmt& st);
  Status Set(const SetStmt& st);
  Status SetTransaction(const SetTransactionStmt& st);
  Status Use(const UseStmt& st);
  Status Do(const DoStmt& st);
  Status Kill(const KillStmt& st);
  Status Explain(const ExplainStmt& st);
  Result<Value> EvalConstant(const Expr& e, const char* clause = "SELECT", ExprType* type_out = nullptr);

  // executor_dml.cc
  Status Insert(const InsertStmt& st);
  Status Update(const UpdateStmt& st);
  Status Delete(const DeleteStmt& st);
  Status UpdateMulti(const UpdateStmt& st);
  Status DeleteMulti(const DeleteStmt& st);
  // ORDER BY ... LIMIT of single-table UPDATE/DELETE, appended to `sql`.
  Status AppendOrderLimit(Translator* tr, const std::vector<ScopeTable>& scope,
                          const std::vector<OrderItem>& order_by, const std::optional<LimitClause>& limit,
                          std::string* sql);
  Status FinishWrite(const std::string& kind, uint64_t affected, uint64_t insert_id,
                     const std::string& info);

  // executor_ddl.cc
  Status CreateDatabase(const CreateDatabaseStmt& st);
  Status DropDatabase(const DropDatabaseStmt& st);
  Status AlterDatabase(const AlterDatabaseStmt& st);
  Status CreateTable(const CreateTableStmt& st);
  Status CreateTableSelect(const CreateTableStmt& st, TableDef def);
  Status DropTable(const DropTableStmt& st);
  Status Truncate(const TruncateStmt& st);
  Status RenameTable(const RenameTableStmt& st);
  Status AlterTable(const AlterTableStmt& st);
  Status CreateIndex(const CreateIndexStmt& st);
  Status DropIndex(const DropIndexStmt& st);
  // Runs `fn` as one autocommitted DDL transaction, logged as a statement.
  template <typename Fn>
  Status RunDdl(Fn&& fn);

  // executor_show.cc
  Status Show(const ShowStmt& st);
  Status ShowCatalog(const ShowStmt& st);
  Status ShowBinlog(const ShowStmt& st);  // MASTER STATUS, BINARY LOGS, BINLOG EVENTS, SLAVE HOSTS
  Status Purge(const PurgeLogsStmt& st);
  Status Reset(const ResetStmt& st);
  Status ChangeMaster(const ChangeMasterStmt& st);
  Status ReplicaStartStop(const ReplicaControlStmt& st);
  // Runs `fn` holding the engine's write lock (1205 after lock_wait_timeout).
  Status WithWriteLock(const std::function<Status()>& fn);  // databases, tables, columns, indexes, CREATE
  ShowCreateStyle ShowStyle();             // sql_quote_show_create, ANSI_QUOTES
  Status SendRows(const std::vector<ColumnMeta>& cols, const std::vector<std::vector<Value>>& rows);
  Status SendFiltered(const std::vector<ColumnMeta>& cols, std::vector<std::vector<Value>> rows,
                      const ShowStmt& st, int like_column);

  // executor_admin.cc
  Status CreateUser(const CreateUserStmt& st);
  Status DropUser(const DropUserStmt& st);
  Status AlterUser(const AlterUserStmt& st);
  Status RenameUser(const RenameUserStmt& st);
  Status Grant(const GrantStmt& st);
  Status Revoke(const RevokeStmt& st);
  Status SetPassword(const SetPasswordStmt& st);
  Status Flush(const FlushStmt& st);
  Status RunAccountChange(const std::function<Status(sqlite3*, std::vector<AdminWarning>*)>& fn);

  // Privilege checks.
  Status CheckTablePriv(PrivMask want, const std::string& db, const std::string& table,
                        const char* command);
  Status CheckGlobalPriv(PrivMask want);
  Status CheckReadOnly();

  std::string TableDb(const TableName& t) const;
  Result<std::shared_ptr<const TableDef>> RequireTable(const TableName& t);
  Status SendOk(uint64_t affected = 0, uint64_t insert_id = 0, const std::string& info = "");
  void LogStatement(bool is_ddl);

  Session* s_;
  std::string_view sql_;
  const std::vector<Value>* params_;
  ResultSink* sink_;
  const ParsedStatement* stmt_ = nullptr;
};

}  // namespace relaydb::sql
