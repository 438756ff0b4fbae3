// Executor: dispatch, SELECT, transactions, SET, USE, DO, KILL. See executor.h.
#include "sql/executor.h"

#include <strings.h>

#include <sqlite3.h>

#include <algorithm>

#include "common/logging.h"
#include "sql/binary_log.h"
#include "sql/replica_control.h"
#include "sql/types.h"

namespace relaydb::sql {
namespace {

Status NotSupported(std::string_view what) {
  return Status::SqlError(1235, "42000",
                          "This version of MariaDB doesn't yet support '" + std::string(what) + "'");
}

bool IsWriteStatement(StatementKind k) {
  switch (k) {
    case StatementKind::kInsert:
    case StatementKind::kUpdate:
    case StatementKind::kDelete:
      return true;
    default:
      return false;
  }
}

// Statements that commit an open transaction first (MySQL's implicit commit).
bool CausesImplicitCommit(StatementKind k) {
  switch (k) {
    case StatementKind::kCreateDatabase:
    case StatementKind::kDropDatabase:
    case StatementKind::kAlterDatabase:
    case StatementKind::kCreateTable:
    case StatementKind::kDropTable:
    case StatementKind::kTruncate:
    case StatementKind::kRenameTable:
    case StatementKind::kAlterTable:
    case StatementKind::kCreateIndex:
    case StatementKind::kDropIndex:
    case StatementKind::kCreateUser:
    case StatementKind::kDropUser:
    case StatementKind::kAlterUser:
    case StatementKind::kRenameUser:
    case StatementKind::kGrant:
    case StatementKind::kRevoke:
    case StatementKind::kSetPassword:
    case StatementKind::kLockTables:
    case StatementKind::kFlush:
    case StatementKind::kPurgeLogs:
    case StatementKind::kReset:
    case StatementKind::kChangeMaster:
    case StatementKind::kReplicaControl:
      return true;
    default:
      return false;
  }
}

}  // namespace

std::string Executor::TableDb(const TableName& t) const { return t.db.empty() ? s_->current_db_ : t.db; }

Result<std::shared_ptr<const TableDef>> Executor::RequireTable(const TableName& t) {
  std::string db = TableDb(t);
  if (db.empty()) return Status::SqlError(1046, "3D000", "No database selected");
  auto def = s_->FindTable(db, t.name);
  if (!def) return Status::SqlError(1146, "42S02", "Table '" + db + "." + t.name + "' doesn't exist");
  return def;
}

Status Executor::SendOk(uint64_t affected, uint64_t insert_id, const std::string& info) {
  OkResult ok;
  ok.affected_rows = affected;
  ok.last_insert_id = insert_id;
  ok.info = info;
  return sink_->Ok(ok);
}

Status Executor::CheckTablePriv(PrivMask want, const std::string& db, const std::string& table,
                                const char* command) {
  if (s_->system_user_) return Status::Ok();
  const Account& a = s_->account_;
  if ((a.global_privs & want) == want) return Status::Ok();
  if (s_->engine_->accounts().HasPrivilege(a, want, db, table)) return Status::Ok();
  return TableAccessDenied(command, a, db, table);
}

Status Executor::CheckGlobalPriv(PrivMask want) {
  if (s_->system_user_) return Status::Ok();
  if (s_->account_.global_privs & want) return Status::Ok();
  return SpecificAccessDenied(want);
}

Status Executor::CheckReadOnly() {
  if (s_->system_user_) return Status::Ok();
  if (s_->vars().globals()->GetBool("read_only") && !(s_->account_.global_privs & (kSuperAcl | kReadOnlyAdminAcl)))
    return Status::SqlError(1290, "HY000",
                            "The MariaDB server is running with the --read-only option so it cannot "
                            "execute this statement");
  return Status::Ok();
}

void Executor::LogStatement(bool is_ddl) {
  LoggedStatement ls;
  ls.query = std::string(stmt_ != nullptr ? stmt_->span.In(sql_) : sql_);
  ls.db = s_->current_db_;
  ls.sql_mode = s_->SqlMode();
  ls.thread_id = static_cast<uint32_t>(s_->connection_id());
  ls.timestamp = s_->QueryStartMicros() / 1000000;
  ls.timestamp_usec = static_cast<uint32_t>(s_->QueryStartMicros() % 1000000);
  ls.is_ddl = is_ddl;
  ls.time_zone = s_->TimeZone();
  ls.auto_increment_increment = s_->vars().hot().auto_increment_increment;
  ls.auto_increment_offset = s_->vars().hot().auto_increment_offset;
  ls.format = static_cast<uint8_t>(s_->vars().hot().binlog_format);
  {
    std::string md = s_->vars().globals()->GetString("binlog_row_metadata");
    ls.row_metadata = md == "FULL" ? 2 : md == "MINIMAL" ? 1 : 0;
  }
  const auto& hot = s_->vars().hot();
  auto coll_id = [](const std::string& name, bool is_charset) -> uint16_t {
    const CollationInfo* ci = is_charset ? DefaultCollationInfo(name) : FindCollation(name);
    return ci != nullptr ? ci->id : 45;
  };
  ls.charset_client = coll_id(hot.character_set_client, true);
  ls.collation_connection = coll_id(hot.collation_connection, false);
  ls.collation_server = coll_id(hot.collation_server, false);
  const auto& ctx = s_->stmt_log_;
  ls.has_last_insert_id = ctx.read_last_insert_id;
  ls.last_insert_id = ctx.last_insert_id;
  ls.has_insert_id = ctx.has_insert_id;
  ls.insert_id = ctx.insert_id;
  ls.has_rand = ctx.has_rand;
  ls.rand_seed1 = ctx.rand_seed1;
  ls.rand_seed2 = ctx.rand_seed2;
  ls.user_vars = ctx.user_vars;
  TxnEvent ev;
  ev.kind = TxnEvent::Kind::kStatement;
  ev.statement = std::move(ls);
  s_->txn_log_.events.push_back(std::move(ev));
}

Status Executor::Run(const ParsedStatement& ps) {
  stmt_ = &ps;
  s_->stmt_log_ = Session::StatementLogContext();
  const Statement& st = *ps.stmt;
  if (CausesImplicitCommit(st.kind)) RETURN_IF_ERROR(s_->ImplicitCommit());

  // With autocommit=0 the first statement that reads or writes data opens
  // a transaction that lasts until COMMIT/ROLLBACK.
  if (!s_->in_txn_ && !s_->vars().hot().autocommit &&
      (IsWriteStatement(st.kind) || st.kind == StatementKind::kSelect))
    s_->in_txn_ = true;
  if (s_->in_txn_ && s_->txn_read_only_ && IsWriteStatement(st.kind))
    return Status::SqlError(1792, "25006", "Cannot execute statement in a READ ONLY transaction");
  bool autocommit_stmt = !s_->in_txn_ && IsWriteStatement(st.kind);
  Status result;
  switch (st.kind) {
    case StatementKind::kEmpty: result = SendOk(); break;
    case StatementKind::kSelect: result = Select(*st.As<SelectStmt>()); break;
    case StatementKind::kInsert: result = Insert(*st.As<InsertStmt>()); break;
    case StatementKind::kUpdate: result = Update(*st.As<UpdateStmt>()); break;
    case StatementKind::kDelete: result = Delete(*st.As<DeleteStmt>()); break;
    case StatementKind::kCreateDatabase: result = CreateDatabase(*st.As<CreateDatabaseStmt>()); break;
    case StatementKind::kDropDatabase: result = DropDatabase(*st.As<DropDatabaseStmt>()); break;
    case StatementKind::kAlterDatabase: result = AlterDatabase(*st.As<AlterDatabaseStmt>()); break;
    case StatementKind::kUse: result = Use(*st.As<UseStmt>()); break;
    case StatementKind::kCreateTable: result = CreateTable(*st.As<CreateTableStmt>()); break;
    case StatementKind::kDropTable: result = DropTable(*st.As<DropTableStmt>()); break;
    case StatementKind::kTruncate: result = Truncate(*st.As<TruncateStmt>()); break;
    case StatementKind::kRenameTable: result = RenameTable(*st.As<RenameTableStmt>()); break;
    case StatementKind::kAlterTable: result = AlterTable(*st.As<AlterTableStmt>()); break;
    case StatementKind::kCreateIndex: result = CreateIndex(*st.As<CreateIndexStmt>()); break;
    case StatementKind::kDropIndex: result = DropIndex(*st.As<DropIndexStmt>()); break;
    case StatementKind::kShow: result = Show(*st.As<ShowStmt>()); break;
    case StatementKind::kExplain: result = Explain(*st.As<ExplainStmt>()); break;
    case StatementKind::kBegin: result = Begin(*st.As<BeginStmt>()); break;
    case StatementKind::kCommit: result = Commit(*st.As<CommitStmt>()); break;
    case StatementKind::kRollback: result = Rollback(*st.As<RollbackStmt>()); break;
    case StatementKind::kSavepoint: result = Savepoint(*st.As<SavepointStmt>()); break;
    case StatementKind::kReleaseSavepoint: result = ReleaseSavepoint(*st.As<ReleaseSavepointStmt>()); break;
    case StatementKind::kSetTransaction: result = SetTransaction(*st.As<SetTransactionStmt>()); break;
    case StatementKind::kLockTables:
    case StatementKind::kUnlockTables:
      // Tables are not locked individually: every writer already serializes
      // on the write lock. Accepted (mariadb-dump emits them).
      result = SendOk();
      break;
    case StatementKind::kSet: result = Set(*st.As<SetStmt>()); break;
    case StatementKind::kSetPassword: result = SetPassword(*st.As<SetPasswordStmt>()); break;
    case StatementKind::kCreateUser: result = CreateUser(*st.As<CreateUserStmt>()); break;
    case StatementKind::kDropUser: result = DropUser(*st.As<DropUserStmt>()); break;
    case StatementKind::kAlterUser: result = AlterUser(*st.As<AlterUserStmt>()); break;
    case StatementKind::kRenameUser: result = RenameUser(*st.As<RenameUserStmt>()); break;
    case StatementKind::kGrant: result = Grant(*st.As<GrantStmt>()); break;
    case StatementKind::kRevoke: result = Revoke(*st.As<RevokeStmt>()); break;
    case StatementKind::kFlush: result = Flush(*st.As<FlushStmt>()); break;
    case StatementKind::kPurgeLogs: result = Purge(*st.As<PurgeLogsStmt>()); break;
    case StatementKind::kChangeMaster: result = ChangeMaster(*st.As<ChangeMasterStmt>()); break;
    case StatementKind::kReplicaControl: result = ReplicaStartStop(*st.As<ReplicaControlStmt>()); break;
    case StatementKind::kReset: result = Reset(*st.As<ResetStmt>()); break;
    case StatementKind::kKill: result = Kill(*st.As<KillStmt>()); break;
    case StatementKind::kDo: result = Do(*st.As<DoStmt>()); break;
    case StatementKind::kAdminTable: {
      const auto& a = *st.As<AdminTableStmt>();
      // ANALYZE/OPTIMIZE/CHECK TABLE: a status row per table, as MariaDB.
      static const char* kOps[] = {"analyze", "check", "optimize", "repair", "checksum"};
      std::vector<ColumnMeta> cols(4);
      const char* names[] = {"Table", "Op", "Msg_type", "Msg_text"};
      for (int i = 0; i < 4; i++) cols[i].name = names[i];
      std::vector<std::vector<Value>> rows;
      for (const auto& t : a.tables) {
        auto def = RequireTable(t);
        std::string full = TableDb(t) + "." + t.name;
        if (!def.ok()) {
          rows.push_back({Value::String(full), Value::String(kOps[static_cast<int>(a.op)]),
                          Value::String("Error"), Value::String(def.status().message())});
          continue;
        }
        rows.push_back({Value::String(full), Value::String(kOps[static_cast<int>(a.op)]),
                        Value::String("status"), Value::String("OK")});
      }
      if (a.op == AdminTableStmt::Op::kChecksum) return NotSupported("CHECKSUM TABLE");
      result = SendRows(cols, rows);
      break;
    }
    case StatementKind::kHelp: result = NotSupported("HELP"); break;
    case StatementKind::kUnsupported:
      result = NotSupported(st.As<UnsupportedStmt>()->feature);
      break;
    default:
      result = NotSupported(StatementKindName(st.kind));
      break;
  }

  if (!result.ok()) {
    // A failed statement changes nothing: undo its captured changes and, in
    // autocommit mode, the whole (single-statement) transaction.
    if (!s_->in_txn_ || autocommit_stmt) {
      Status rb = s_->RollbackTxn();
      (void)rb;
    } else {
      s_->RollbackStatement();
    }
    return result;
  }
  if (!s_->in_txn_ && s_->holds_writer_) {
    RETURN_IF_ERROR(s_->CommitTxn());
  } else if (!s_->in_txn_ && s_->sqlite_txn_) {
    // A read-only autocommit statement: end its snapshot.
    Status c = s_->CommitTxn();
    (void)c;
  } else if (s_->in_txn_) {
    s_->StatementDone();
  }
  return Status::Ok();
}

// ---------------------------------------------------------------------------
// SELECT

Status Executor::Select(const SelectStmt& st) {
  const QueryExpr& q = *st.query;
  if (q.into.kind == IntoClause::Kind::kOutfile || q.into.kind == IntoClause::Kind::kDumpfile)
    return NotSupported("SELECT ... INTO OUTFILE");
  return RunQuery(q);
}

Status Executor::RunQuery(const QueryExpr& q) {
  if (q.lock != LockMode::kNone) {
    // SELECT ... FOR UPDATE / LOCK IN SHARE MODE: relaydb's writers are
    // serialized by one lock, so a locking read takes it (waiting up to
    // innodb_lock_wait_timeout, else 1205) and reads the latest data.
    RETURN_IF_ERROR(s_->BeginWrite(/*statement_unit=*/false));
  }
  Translator tr(s_->MakeEnv(params_), sql_);
  ASSIGN_OR_RETURN(TranslatedQuery tq, tr.TranslateQuery(q));
  uint64_t select_limit = s_->vars().hot().sql_select_limit;
  if (!q.limit && select_limit != UINT64_MAX && stmt_ != nullptr && stmt_->stmt->kind == StatementKind::kSelect)
    tq.sql += " LIMIT " + std::to_string(std::min<uint64_t>(select_limit, INT64_MAX));
  // (SELECT privileges are checked per table as the translator resolves them.)
  RETURN_IF_ERROR(s_->EnsureSqliteTxn());
  storage::Statement stmt;
  Status ps = s_->conn_->Prepare(tq.sql, &stmt);
  if (!ps.ok()) {
    LogError("SQLite rejected translated query: " + tq.sql + " : " + ps.message());
    return s_->MapSqliteError(ps, nullptr, nullptr);
  }
  for (size_t i = 0; i < tq.binds.size(); i++) RETURN_IF_ERROR(stmt.BindValue(static_cast<int>(i + 1), tq.binds[i]));

  bool into_vars = q.into.kind == IntoClause::Kind::kVariables;
  if (into_vars && q.into.variables.size() != tq.columns.size())
    return Status::SqlError(1222, "21000", "The used SELECT statements have a different number of columns");
  std::vector<ColumnMeta> metas;
  metas.reserve(tq.columns.size());
  for (auto& c : tq.columns) metas.push_back(c.meta);
  if (!into_vars) RETURN_IF_ERROR(sink_->BeginResultSet(metas));
  bool binary = sink_->binary_protocol();
  std::vector<Value> row(tq.columns.size());
  uint64_t n = 0;
  while (true) {
    bool has = false;
    Status st = stmt.Step(&has);
    if (!st.ok()) return s_->MapSqliteError(st, nullptr, nullptr);
    if (!has) break;
    if (s_->IsKilled()) return Status::SqlError(1317, "70100", "Query execution was interrupted");
    for (size_t i = 0; i < tq.columns.size(); i++)
      row[i] = DecodeOutput(tq.columns[i], stmt.handle(), static_cast<int>(i), binary);
    n++;
    if (into_vars) {
      if (n > 1) return Status::SqlError(1172, "42000", "Result consisted of more than one row");
      for (size_t i = 0; i < row.size(); i++) s_->SetUserVariable(q.into.variables[i], row[i]);
      continue;
    }
    RETURN_IF_ERROR(sink_->Row(row));
  }
  s_->found_rows_ = n;
  s_->row_count_ = -1;
  if (into_vars) {
    if (n == 0) s_->AddWarning(SqlWarning::Level::kWarning, 1329, "No data - zero rows fetched, selected, or processed");
    return SendOk(n);
  }
  return sink_->EndResultSet();
}

Result<std::vector<ColumnMeta>> Executor::Describe(const Statement& stmt) {
  std::vector<ColumnMeta> out;
  const SelectStmt* sel = stmt.As<SelectStmt>();
  if (sel == nullptr) return out;
  // Placeholders are typed as NULL for the description.
  std::vector<Value> nulls(256);
  TranslateEnv env = s_->MakeEnv(params_ != nullptr ? params_ : &nulls);
  Translator tr(env, sql_);
  auto tq = tr.TranslateQuery(*sel->query);
  if (!tq.ok()) return out;  // errors surface at execution
  for (auto& c : tq->columns) out.push_back(c.meta);
  return out;
}

Result<Value> Executor::EvalConstant(const Expr& e, const char* clause, ExprType* type_out) {
  // Fast paths: literals and placeholders.
  if (e.kind == ExprKind::kLiteral) {
    switch (e.literal_kind) {
      case LiteralKind::kNull: return Value::Null();
      case LiteralKind::kInt: {
        errno = 0;
        char* end = nullptr;
        unsigned long long u = strtoull(e.value.c_str(), &end, 10);
        if (errno == 0 && u <= static_cast<unsigned long long>(INT64_MAX)) return Value::Int(static_cast<int64_t>(u));
        if (errno == 0) return Value::UInt(u);
        return Value::String(e.value);
      }
      case LiteralKind::kString: return Value::String(e.value);
      case LiteralKind::kHex:
      case LiteralKind::kBit: return Value::String(e.value);
      case LiteralKind::kBool: return Value::Int(e.bool_value ? 1 : 0);
      default: break;
    }
  }
  if (e.kind == ExprKind::kPlaceholder) {
    if (params_ == nullptr || e.param_index >= params_->size())
      return Status::SqlError(1210, "HY000", "Incorrect arguments to EXECUTE");
    return (*params_)[e.param_index];
  }
  if (e.kind == ExprKind::kUnary && e.unary_op == UnaryOp::kNeg && e.args[0]->kind == ExprKind::kLiteral &&
      e.args[0]->literal_kind == LiteralKind::kInt) {
    errno = 0;
    long long v = strtoll(e.args[0]->value.c_str(), nullptr, 10);
    if (errno == 0) return Value::Int(-v);
  }
  // General case: let SQLite evaluate it.
  Translator tr(s_->MakeEnv(params_), sql_);
  ExprType t;
  ASSIGN_OR_RETURN(std::string sql, tr.TranslateExpr(e, {}, clause, &t));
  storage::Statement stmt;
  Status ps = s_->conn_->Prepare("SELECT " + sql, &stmt);
  if (!ps.ok()) return s_->MapSqliteError(ps, nullptr, nullptr);
  for (size_t i = 0; i < tr.binds().size(); i++) RETURN_IF_ERROR(stmt.BindValue(static_cast<int>(i + 1), tr.binds()[i]));
  bool has = false;
  Status st = stmt.Step(&has);
  if (!st.ok()) return s_->MapSqliteError(st, nullptr, nullptr);
  if (type_out != nullptr) *type_out = t;
  // The value as computed, at full precision (1/3 is 0.333333333, not its
  // display form 0.3333): it is about to be stored or assigned.
  Value raw = stmt.ColumnAsValue(0);
  if (t.family == ResultType::kUnsigned && raw.kind() == Value::Kind::kInt)
    return Value::UInt(static_cast<uint64_t>(raw.int_value()));
  // An exact value SQLite carried as a double (-2.5) stays exact: its
  // shortest text, so storing rounds it as a DECIMAL (half away from zero).
  if (t.family == ResultType::kDecimal && raw.kind() == Value::Kind::kDouble)
    return Value::String(FormatDouble(raw.double_value()));
  return raw;
}

Status Executor::Do(const DoStmt& st) {
  for (const auto& e : st.exprs) {
    auto v = EvalConstant(*e);
    if (!v.ok()) return v.status();
  }
  return SendOk();
}

Status Executor::Explain(const ExplainStmt& st) {
  if (st.stmt && st.stmt->kind == StatementKind::kSelect) {
    // EXPLAIN: one row per table as MariaDB shows it, without plan details.
    std::vector<ColumnMeta> cols(10);
    const char* names[] = {"id", "select_type", "table", "type", "possible_keys", "key", "key_len", "ref", "rows", "Extra"};
    for (int i = 0; i < 10; i++) cols[i].name = names[i];
    return SendRows(cols, {});
  }
  return NotSupported("EXPLAIN of this statement");
}

// ---------------------------------------------------------------------------
// Transactions

Status Executor::Begin(const BeginStmt& st) {
  RETURN_IF_ERROR(s_->ImplicitCommit());
  s_->in_txn_ = true;
  s_->txn_read_only_ = st.read_only;
  if (st.consistent_snapshot) {
    // Take the read snapshot now, not at the first read.
    RETURN_IF_ERROR(s_->EnsureSqliteTxn());
    RETURN_IF_ERROR(s_->conn_->Exec("SELECT 1 FROM sqlite_master LIMIT 1"));
  }
  return SendOk();
}

Status Executor::Commit(const CommitStmt& st) {
  RETURN_IF_ERROR(s_->CommitTxn());
  if (st.chain == TriState::kYes) s_->in_txn_ = true;
  return SendOk();
}

Status Executor::Rollback(const RollbackStmt& st) {
  if (st.savepoint) {
    RETURN_IF_ERROR(s_->RollbackToSavepoint(*st.savepoint));
    return SendOk();
  }
  RETURN_IF_ERROR(s_->RollbackTxn());
  if (st.chain == TriState::kYes) s_->in_txn_ = true;
  return SendOk();
}

Status Executor::Savepoint(const SavepointStmt& st) {
  RETURN_IF_ERROR(s_->CreateSavepoint(st.name));
  return SendOk();
}

Status Executor::ReleaseSavepoint(const ReleaseSavepointStmt& st) {
  RETURN_IF_ERROR(s_->ReleaseSavepointNamed(st.name));
  return SendOk();
}

Status Executor::SetTransaction(const SetTransactionStmt& st) {
  // Isolation is fixed by the locking model (REPEATABLE READ-like
  // snapshots); the setting is recorded so @@transaction_isolation shows it.
  if (st.isolation) {
    static const char* kNames[] = {"READ-UNCOMMITTED", "READ-COMMITTED", "REPEATABLE-READ", "SERIALIZABLE"};
    std::vector<AdminWarning> w;
    RETURN_IF_ERROR(s_->vars().Set(st.scope == VarScope::kGlobal ? SysVarScope::kGlobal : SysVarScope::kSession,
                                   "tx_isolation", Value::String(kNames[static_cast<int>(*st.isolation)]), &w,
                                   s_->Privileges()));
    s_->AddAdminWarnings(w);
  }
  if (st.read_only) {
    std::vector<AdminWarning> w;
    RETURN_IF_ERROR(s_->vars().Set(st.scope == VarScope::kGlobal ? SysVarScope::kGlobal : SysVarScope::kSession,
                                   "tx_read_only", Value::Int(*st.read_only ? 1 : 0), &w, s_->Privileges()));
    s_->AddAdminWarnings(w);
  }
  return SendOk();
}

// ---------------------------------------------------------------------------
// SET, USE, KILL

Status Executor::Use(const UseStmt& st) {
  RETURN_IF_ERROR(s_->UseDatabase(st.db));
  return SendOk();
}

Status Executor::Set(const SetStmt& st) {
  for (const auto& item : st.items) {
    switch (item.kind) {
      case SetItem::Kind::kUserVar: {
        ExprType t;
        t.family = ResultType::kString;
        ASSIGN_OR_RETURN(Value v, EvalConstant(*item.value, "SET", &t));
        if (item.value->IsLiteral(LiteralKind::kDecimal)) t.family = ResultType::kDecimal;
        if (t.family == ResultType::kDecimal && v.kind() == Value::Kind::kString && t.decimals > 0) {
          // Keep a DECIMAL at least at its scale (2.50, not 2.5); more
          // digits (1/3 = 0.333333333) stay.
          std::string text = v.string_value();
          size_t dot = text.find('.');
          int have = dot == std::string::npos ? 0 : static_cast<int>(text.size() - dot - 1);
          if (have < t.decimals) {
            if (dot == std::string::npos) text += '.';
            text.append(static_cast<size_t>(t.decimals - have), '0');
          }
          v = Value::String(text);
        }
        s_->SetUserVariableTyped(item.name, v, t.family);
        break;
      }
      case SetItem::Kind::kNames:
        RETURN_IF_ERROR(s_->vars().SetNames(item.is_default ? "" : item.charset, item.collation));
        break;
      case SetItem::Kind::kCharset:
        RETURN_IF_ERROR(s_->vars().SetCharacterSet(item.is_default ? "" : item.charset));
        break;
      case SetItem::Kind::kSysVar: {
        SysVarScope scope = ToSysScope(item.scope);
        if (scope != SysVarScope::kGlobal && s_->in_txn_ && strcasecmp(item.name.c_str(), "binlog_format") == 0)
          return Status::SqlError(1679, "HY000", "Cannot modify @@session.binlog_format inside a transaction");
        if (strcasecmp(item.name.c_str(), "sql_slave_skip_counter") == 0 && item.value->kind != ExprKind::kDefault) {
          if (ReplicaControl* rc = s_->engine_->replica_control()) {
            ASSIGN_OR_RETURN(Value v, EvalConstant(*item.value));
            RETURN_IF_ERROR(rc->SetSkipCounter(static_cast<uint64_t>(std::max<int64_t>(0, v.int_value()))));
          }
        }
        std::vector<AdminWarning> w;
        if (item.value->kind == ExprKind::kDefault) {
          RETURN_IF_ERROR(s_->vars().SetDefault(scope, item.name, &w, s_->Privileges()));
        } else {
          ExprType t;
          ASSIGN_OR_RETURN(Value v, EvalConstant(*item.value, "SET", &t));
          // A DECIMAL (SET timestamp = 1700000000.123456) is a number, not
          // a string: the variable's own type decides (1232 for integers).
          if ((t.family == ResultType::kDecimal || item.value->IsLiteral(LiteralKind::kDecimal)) &&
              v.kind() == Value::Kind::kString)
            v = Value::Double(std::strtod(v.string_value().c_str(), nullptr));
          RETURN_IF_ERROR(s_->vars().Set(scope, item.name, v, &w, s_->Privileges()));
        }
        if (strcasecmp(item.name.c_str(), "binlog_row_image") == 0) {
          // Only full row images are written: refuse rather than log something else.
          auto now = s_->vars().Get(scope, "binlog_row_image");
          if (now.ok() && now->ToText() != "FULL") {
            std::vector<AdminWarning> ignored;
            Status r = s_->vars().Set(scope, item.name, Value::String("FULL"), &ignored, s_->Privileges());
            (void)r;
            s_->OnVariableSet(item.name);
            return Status::SqlError(1235, "42000", "This version of MariaDB doesn't yet support 'binlog_row_image=" +
                                                       now->ToText() + "'");
          }
        }
        s_->AddAdminWarnings(w);
        s_->OnVariableSet(item.name);
        if (scope == SysVarScope::kGlobal && s_->engine_->binary_log() != nullptr &&
            (strcasecmp(item.name.c_str(), "sync_binlog") == 0 || strcasecmp(item.name.c_str(), "max_binlog_size") == 0 ||
             strcasecmp(item.name.c_str(), "binlog_expire_logs_seconds") == 0)) {
          const GlobalVariables* g = s_->vars().globals();
          s_->engine_->binary_log()->writer().SetTunables(static_cast<uint32_t>(g->GetUInt("sync_binlog")),
                                                          g->GetUInt("max_binlog_size"),
                                                          g->GetUInt("binlog_expire_logs_seconds"));
        }
        break;
      }
    }
  }
  return SendOk();
}

Status Executor::Kill(const KillStmt& st) {
  ASSIGN_OR_RETURN(Value idv, EvalConstant(*st.id));
  uint64_t id = idv.kind() == Value::Kind::kInt ? static_cast<uint64_t>(idv.int_value()) : strtoull(idv.ToText().c_str(), nullptr, 10);
  auto target = s_->engine_->processlist().Find(id);
  if (!target) return Status::SqlError(1094, "HY000", "Unknown thread id: " + std::to_string(id));
  if (target.get() != s_->proc_.get() && !(s_->account_.global_privs & (kSuperAcl | kConnectionAdminAcl)) &&
      !s_->system_user_) {
    auto snap = target->Read();
    if (snap.user != s_->account_.user)
      return Status::SqlError(1095, "HY000", "You are not owner of thread " + std::to_string(id));
  }
  if (st.query) {
    target->kill_query = true;
  } else if (target.get() == s_->proc_.get()) {
    // Our own connection: answer 1927 first; the connection closes after.
    target->kill_connection = true;
    return Status::SqlError(1927, "70100", "Connection was killed");
  } else {
    target->kill_connection = true;
    target->RunKillHook();
  }
  return SendOk();
}

}  // namespace relaydb::sql
