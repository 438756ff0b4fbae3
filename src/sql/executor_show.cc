// SHOW statements and DESCRIBE. See executor.h.
//
// Column names, order and values are MariaDB 10.11's. SHOW ... WHERE is
// evaluated by SQLite over the rows (materialized as a VALUES list).
#include <sqlite3.h>

#include <algorithm>

#include "sql/executor.h"
#include "sql/types.h"

namespace relaydb::sql {
namespace {

ColumnMeta TextColumn(const std::string& name, uint32_t length = 64) {
  ColumnMeta m;
  m.name = name;
  m.org_name = name;
  m.type = kTypeVarString;
  m.charset = kCharsetUtf8mb4GeneralCi;
  m.length = length * 4;
  m.flags = kNotNullFlag;
  return m;
}

ColumnMeta IntColumn(const std::string& name, bool nullable = false) {
  ColumnMeta m;
  m.name = name;
  m.org_name = name;
  m.type = kTypeLongLong;
  m.charset = kCharsetBinary;
  m.length = 21;
  m.flags = static_cast<uint16_t>((nullable ? 0 : kNotNullFlag) | kNumFlag);
  return m;
}

std::vector<ColumnMeta> TextColumns(std::initializer_list<const char*> names) {
  std::vector<ColumnMeta> out;
  for (const char* n : names) out.push_back(TextColumn(n));
  return out;
}

Value Str(const std::string& s) { return Value::String(s); }

}  // namespace

Status Executor::SendRows(const std::vector<ColumnMeta>& cols, const std::vector<std::vector<Value>>& rows) {
  RETURN_IF_ERROR(sink_->BeginResultSet(cols));
  for (const auto& r : rows) {
    if (!sink_->binary_protocol()) {
      RETURN_IF_ERROR(sink_->Row(r));
      continue;
    }
    RETURN_IF_ERROR(sink_->Row(r));
  }
  return sink_->EndResultSet();
}

// Applies SHOW's LIKE (on `like_column`) or WHERE (over the column names).
Status Executor::SendFiltered(const std::vector<ColumnMeta>& cols, std::vector<std::vector<Value>> rows,
                              const ShowStmt& st, int like_column) {
  if (st.like && like_column >= 0) {
    std::vector<std::vector<Value>> kept;
    for (auto& r : rows)
      if (WildMatch(r[like_column].ToText(), *st.like, true)) kept.push_back(std::move(r));
    rows = std::move(kept);
  }
  if (st.where) {
    // Evaluate WHERE in SQLite over a VALUES table with the SHOW columns.
    auto def = std::make_shared<TableDef>();
    def->name = "show";
    for (const auto& c : cols) {
      ColumnDef cd;
      cd.name = c.name;
      cd.type.base = c.type == kTypeLongLong ? BaseType::kBigInt : BaseType::kVarchar;
      def->columns.push_back(cd);
    }
    Translator tr(s_->MakeEnv(params_), sql_);
    std::vector<ScopeTable> scope{Translator::BaseTable(def, "show", "rdb_show")};
    ExprType et;
    ASSIGN_OR_RETURN(std::string w, tr.TranslateExpr(*st.where, scope, "WHERE", &et));
    std::vector<std::vector<Value>> kept;
    for (auto& r : rows) {
      std::string sql = "SELECT " + w + " FROM (SELECT ";
      std::vector<Value> binds = tr.binds();
      for (size_t i = 0; i < cols.size(); i++) {
        binds.push_back(r[i]);
        sql += (i ? ", ?" : "?") + std::to_string(binds.size()) + " AS " + storage::QuoteIdent(cols[i].name);
      }
      sql += ") AS \"rdb_show\"";
      storage::Statement stmt;
      RETURN_IF_ERROR(s_->conn_->Prepare(sql, &stmt));
      for (size_t i = 0; i < binds.size(); i++) RETURN_IF_ERROR(stmt.BindValue(static_cast<int>(i + 1), binds[i]));
      bool has = false;
      RETURN_IF_ERROR(stmt.Step(&has));
      if (has && !stmt.ColumnIsNull(0) && stmt.ColumnInt64(0) != 0) kept.push_back(std::move(r));
    }
    rows = std::move(kept);
  }
  return SendRows(cols, rows);
}

Status Executor::Show(const ShowStmt& st) {
  switch (st.what) {
    case ShowKind::kVariables: {
      SysVarScope scope = st.scope == VarScope::kGlobal ? SysVarScope::kGlobal : SysVarScope::kSession;
      auto pairs = s_->vars().Show(scope, std::nullopt);
      std::vector<std::vector<Value>> rows;
      for (auto& [n, v] : pairs) rows.push_back({Str(n), Str(v)});
      return SendFiltered(TextColumns({"Variable_name", "Value"}), std::move(rows), st, 0);
    }
    case ShowKind::kStatus: {
      auto pairs = s_->engine_->status().Show(st.scope == VarScope::kGlobal ? nullptr : &s_->status_counters_,
                                               std::nullopt);
      std::vector<std::vector<Value>> rows;
      for (auto& [n, v] : pairs) rows.push_back({Str(n), Str(v)});
      return SendFiltered(TextColumns({"Variable_name", "Value"}), std::move(rows), st, 0);
    }
    case ShowKind::kProcesslist: {
      if (!s_->system_user_ && !(s_->account_.global_privs & kProcessAcl)) {
        // Without PROCESS a user sees only its own threads.
      }
      std::vector<ColumnMeta> cols = {IntColumn("Id"), TextColumn("User"), TextColumn("Host"), TextColumn("db"),
                                      TextColumn("Command"), IntColumn("Time"), TextColumn("State"),
                                      TextColumn("Info"), TextColumn("Progress")};
      cols[3].flags = 0;
      cols[6].flags = 0;
      cols[7].flags = 0;
      cols[8].type = kTypeNewDecimal;
      cols[8].decimals = 3;
      std::vector<std::vector<Value>> rows;
      bool all = s_->system_user_ || (s_->account_.global_privs & kProcessAcl);
      for (const auto& p : s_->engine_->processlist().Snapshot()) {
        if (!all && p.user != s_->account_.user) continue;
        std::string info = p.info;
        if (!st.full && info.size() > 100) info.resize(100);
        rows.push_back({Value::Int(static_cast<int64_t>(p.id)), Str(p.user), Str(p.host),
                        p.db.empty() ? Value::Null() : Str(p.db), Str(p.command), Value::Int(p.time_seconds),
                        Str(p.state), info.empty() ? Value::Null() : Str(info), Str("0.000")});
      }
      return SendRows(cols, rows);
    }
    case ShowKind::kWarnings:
    case ShowKind::kErrors: {
      std::vector<ColumnMeta> cols = {TextColumn("Level"), IntColumn("Code"), TextColumn("Message")};
      std::vector<std::vector<Value>> rows;
      for (const auto& w : s_->warnings_) {
        if (st.what == ShowKind::kErrors && w.level != SqlWarning::Level::kError) continue;
        rows.push_back({Str(WarningLevelName(w.level)), Value::Int(w.code), Str(w.message)});
      }
      if (st.limit) {
        ASSIGN_OR_RETURN(Value n, EvalConstant(*st.limit->count));
        uint64_t off = 0;
        if (st.limit->offset) {
          ASSIGN_OR_RETURN(Value o, EvalConstant(*st.limit->offset));
          off = static_cast<uint64_t>(o.int_value());
        }
        uint64_t cnt = static_cast<uint64_t>(n.int_value());
        std::vector<std::vector<Value>> sub;
        for (uint64_t i = off; i < rows.size() && sub.size() < cnt; i++) sub.push_back(rows[i]);
        rows = std::move(sub);
      }
      return SendRows(cols, rows);
    }
    case ShowKind::kWarningCount:
    case ShowKind::kErrorCount: {
      uint64_t n = 0;
      for (const auto& w : s_->warnings_)
        if (st.what == ShowKind::kWarningCount || w.level == SqlWarning::Level::kError) n++;
      std::string name = st.what == ShowKind::kWarningCount ? "@@session.warning_count" : "@@session.error_count";
      return SendRows({IntColumn(name)}, {{Value::Int(static_cast<int64_t>(n))}});
    }
    case ShowKind::kGrants: {
      AccountName name;
      if (st.user && !st.user->current_user) {
        name = AccountName{st.user->user, st.user->host};
        bool self = name.user == s_->account_.priv_user && name.host == s_->account_.priv_host;
        if (!self && !s_->system_user_ && !(s_->account_.global_privs & kSelectAcl))
          return Status::SqlError(1044, "42000", "Access denied for user '" + s_->account_.priv_user + "'@'" +
                                                     s_->account_.priv_host + "' to database 'mysql'");
      } else {
        name = AccountName{s_->account_.priv_user, s_->account_.priv_host};
      }
      ASSIGN_OR_RETURN(std::vector<std::string> lines, s_->engine_->accounts().ShowGrants(name));
      std::vector<std::vector<Value>> rows;
      for (auto& l : lines) rows.push_back({Str(l)});
      return SendRows({TextColumn(ShowGrantsColumnName(name), 1024)}, rows);
    }
    case ShowKind::kCreateUser: {
      AccountName name = st.user && !st.user->current_user ? AccountName{st.user->user, st.user->host}
                                                            : AccountName{s_->account_.priv_user, s_->account_.priv_host};
      ASSIGN_OR_RETURN(std::string line, s_->engine_->accounts().ShowCreateUser(name));
      return SendRows({TextColumn("CREATE USER for " + name.user + "@" + name.host, 1024)}, {{Str(line)}});
    }
    case ShowKind::kEngines: {
      std::vector<std::vector<Value>> rows = {
          {Str("InnoDB"), Str("DEFAULT"), Str("relaydb's SQLite-backed transactional storage"), Str("YES"),
           Str("NO"), Str("YES")}};
      return SendRows(TextColumns({"Engine", "Support", "Comment", "Transactions", "XA", "Savepoints"}), rows);
    }
    case ShowKind::kCharset: {
      std::vector<std::vector<Value>> rows = {
          {Str("binary"), Str("Binary pseudo charset"), Str("binary"), Value::Int(1)},
          {Str("latin1"), Str("cp1252 West European"), Str("latin1_swedish_ci"), Value::Int(1)},
          {Str("utf8mb3"), Str("UTF-8 Unicode"), Str("utf8mb3_general_ci"), Value::Int(3)},
          {Str("utf8mb4"), Str("UTF-8 Unicode"), Str("utf8mb4_general_ci"), Value::Int(4)},
      };
      auto cols = TextColumns({"Charset", "Description", "Default collation"});
      cols.push_back(IntColumn("Maxlen"));
      return SendFiltered(cols, std::move(rows), st, 0);
    }
    case ShowKind::kCollation: {
      std::vector<std::vector<Value>> rows;
      for (uint16_t id = 1; id < 2048; id++) {
        const CollationInfo* ci = FindCollationById(id);
        if (ci == nullptr) continue;
        rows.push_back({Str(ci->name), Str(ci->charset), Value::Int(ci->id), Str(ci->is_default ? "Yes" : ""),
                        Str("Yes"), Value::Int(1)});
      }
      std::sort(rows.begin(), rows.end(), [](auto& a, auto& b) { return a[0].string_value() < b[0].string_value(); });
      auto cols = TextColumns({"Collation", "Charset"});
      cols.push_back(IntColumn("Id"));
      cols.push_back(TextColumn("Default"));
      cols.push_back(TextColumn("Compiled"));
      cols.push_back(IntColumn("Sortlen"));
      return SendFiltered(cols, std::move(rows), st, 0);
    }
    case ShowKind::kPrivileges: {
      std::vector<std::vector<Value>> rows;
      static const char* kPrivs[][3] = {
          {"Alter", "Tables", "To alter the table"},
          {"Create", "Databases,Tables,Indexes", "To create new databases and tables"},
          {"Delete", "Tables", "To delete existing rows"},
          {"Drop", "Databases,Tables", "To drop databases, tables, and views"},
          {"Index", "Tables", "To create or drop indexes"},
          {"Insert", "Tables", "To insert data into tables"},
          {"Process", "Server Admin", "To view the plain text of currently executing queries"},
          {"Replication client", "Server Admin", "To ask where the slave or master servers are"},
          {"Replication slave", "Server Admin", "To read binary log events from the master"},
          {"Select", "Tables", "To retrieve rows from table"},
          {"Super", "Server Admin", "To use KILL thread, SET GLOBAL, CHANGE MASTER, etc."},
          {"Update", "Tables", "To update existing rows"},
      };
      for (auto& p : kPrivs) rows.push_back({Str(p[0]), Str(p[1]), Str(p[2])});
      return SendRows(TextColumns({"Privilege", "Context", "Comment"}), rows);
    }
    case ShowKind::kPlugins:
      return SendRows(TextColumns({"Name", "Status", "Type", "Library", "License"}), {});
    case ShowKind::kTriggers:
    case ShowKind::kEvents:
    case ShowKind::kFunctionStatus:
    case ShowKind::kProcedureStatus:
    case ShowKind::kProfiles:
    case ShowKind::kOpenTables:
      return SendRows(TextColumns({"Name"}), {});
    case ShowKind::kMasterStatus:
      return SendRows(TextColumns({"File", "Position", "Binlog_Do_DB", "Binlog_Ignore_DB"}), {});
    case ShowKind::kBinaryLogs:
    case ShowKind::kBinlogEvents:
      return Status::SqlError(1381, "HY000", "You are not using binary logging");
    case ShowKind::kSlaveHosts:
      return SendRows(TextColumns({"Server_id", "Host", "Port", "Master_id"}), {});
    case ShowKind::kSlaveStatus:
      return SendRows(TextColumns({"Slave_IO_State"}), {});
    default:
      return ShowCatalog(st);
  }
}

}  // namespace relaydb::sql
