// SHOW statements and DESCRIBE. See executor.h.
//
// Column names, order, values and metadata are MariaDB 10.11's. MariaDB
// answers most SHOW statements with a query over an information_schema
// table, so their result columns carry that table's column metadata
// (information_schema.h); the others (SHOW CREATE ..., WARNINGS,
// PROCESSLIST, GRANTS, ...) send VARCHARs without an origin whose
// "decimals" is 39. SHOW ... WHERE is evaluated by SQLite over the rows.
#include <sqlite3.h>

#include <algorithm>

#include "binlog/binlog_reader.h"
#include "binlog/event_info.h"
#include "binlog/events.h"
#include "sql/binary_log.h"
#include "sql/catalog.h"
#include "sql/replica_control.h"
#include "sql/executor.h"
#include "sql/information_schema.h"
#include "sql/lexer.h"
#include "sql/types.h"

namespace relaydb::sql {
namespace {

// A VARCHAR(chars) result column of a SHOW that is not an
// information_schema query.
ColumnMeta TextColumn(const std::string& name, uint32_t chars = 64, bool nullable = false) {
  ColumnMeta m;
  m.name = name;
  m.type = kTypeVarString;
  m.charset = kCharsetUtf8mb4GeneralCi;
  m.length = chars * 4;
  m.flags = nullable ? 0 : kNotNullFlag;
  m.decimals = 39;
  return m;
}

// An integer result column of such a SHOW (NOT NULL, BINARY[, UNSIGNED]).
ColumnMeta IntColumn(const std::string& name, FieldType type, uint32_t length, bool is_unsigned = false) {
  ColumnMeta m;
  m.name = name;
  m.type = type;
  m.charset = kCharsetBinary;
  m.length = length;
  m.flags = static_cast<uint16_t>(kNotNullFlag | kBinaryFlag | (is_unsigned ? kUnsignedFlag : 0));
  return m;
}

// Result columns taken from information_schema.`table`: (column, alias).
std::vector<ColumnMeta> IsColumns(std::string_view table,
                                  std::initializer_list<std::pair<const char*, std::string>> cols) {
  std::vector<ColumnMeta> out;
  for (const auto& [column, alias] : cols) out.push_back(InformationSchemaMeta(table, column, alias));
  return out;
}

Value Str(const std::string& s) { return Value::String(s); }

bool IsIntegerType(FieldType t) {
  return t == kTypeTiny || t == kTypeShort || t == kTypeInt24 || t == kTypeLong || t == kTypeLongLong;
}

}  // namespace

Status Executor::SendRows(const std::vector<ColumnMeta>& cols, const std::vector<std::vector<Value>>& rows) {
  RETURN_IF_ERROR(sink_->BeginResultSet(cols));
  for (const auto& r : rows) RETURN_IF_ERROR(sink_->Row(r));
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
    // Evaluate WHERE in SQLite over a one-row SELECT with the SHOW columns.
    auto def = std::make_shared<TableDef>();
    def->name = "show";
    for (const auto& c : cols) {
      ColumnDef cd;
      cd.name = c.name;
      cd.type.base = IsIntegerType(c.type) ? BaseType::kBigInt : BaseType::kVarchar;
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

ShowCreateStyle Executor::ShowStyle() {
  auto quote = s_->vars().Get(SysVarScope::kSession, "sql_quote_show_create");
  bool always = !quote.ok() || quote->is_null() || quote->ToText() != "0";
  return ShowCreateStyle::For(s_->SqlMode(), always, [](std::string_view name) {
    bool reserved = false;
    return Lexer::LookupKeyword(name, &reserved) != Kw::kNone;
  });
}

Status Executor::Show(const ShowStmt& st) {
  switch (st.what) {
    case ShowKind::kVariables: {
      SysVarScope scope = st.scope == VarScope::kGlobal ? SysVarScope::kGlobal : SysVarScope::kSession;
      auto pairs = s_->vars().Show(scope, std::nullopt);
      std::vector<std::vector<Value>> rows;
      for (auto& [n, v] : pairs) rows.push_back({Str(n), Str(v)});
      return SendFiltered(
          IsColumns("SESSION_VARIABLES", {{"VARIABLE_NAME", "Variable_name"}, {"VARIABLE_VALUE", "Value"}}),
          std::move(rows), st, 0);
    }
    case ShowKind::kStatus: {
      auto pairs = s_->engine_->status().Show(st.scope == VarScope::kGlobal ? nullptr : &s_->status_counters_,
                                               std::nullopt);
      std::vector<std::vector<Value>> rows;
      for (auto& [n, v] : pairs) rows.push_back({Str(n), Str(v)});
      return SendFiltered(
          IsColumns("SESSION_STATUS", {{"VARIABLE_NAME", "Variable_name"}, {"VARIABLE_VALUE", "Value"}}),
          std::move(rows), st, 0);
    }
    case ShowKind::kProcesslist: {
      ColumnMeta info = TextColumn("Info", 100, true);
      if (st.full) {
        info.type = kTypeLongBlob;
        info.length = 201326592;
      }
      ColumnMeta progress = IntColumn("Progress", kTypeDouble, 7);
      progress.decimals = 3;
      std::vector<ColumnMeta> cols = {IntColumn("Id", kTypeLongLong, 11), TextColumn("User", 128),
                                      TextColumn("Host", 64), TextColumn("db", 64, true),
                                      TextColumn("Command", 16), IntColumn("Time", kTypeLong, 7),
                                      TextColumn("State", 30, true), info, progress};
      std::vector<std::vector<Value>> rows;
      // Without PROCESS a user sees only its own threads.
      bool all = s_->system_user_ || (s_->account_.global_privs & kProcessAcl);
      for (const auto& p : s_->engine_->processlist().Snapshot()) {
        if (!all && p.user != s_->account_.user) continue;
        std::string text = p.info;
        if (!st.full && text.size() > 100) text.resize(100);
        rows.push_back({Value::Int(static_cast<int64_t>(p.id)), Str(p.user), Str(p.host),
                        p.db.empty() ? Value::Null() : Str(p.db), Str(p.command), Value::Int(p.time_seconds),
                        Str(p.state), text.empty() ? Value::Null() : Str(text), Str("0.000")});
      }
      return SendRows(cols, rows);
    }
    case ShowKind::kWarnings:
    case ShowKind::kErrors: {
      std::vector<ColumnMeta> cols = {TextColumn("Level", 7), IntColumn("Code", kTypeLong, 4, true),
                                      TextColumn("Message", 512)};
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
      ColumnMeta col = IntColumn(name, kTypeLongLong, 21, true);
      col.flags &= static_cast<uint16_t>(~kNotNullFlag);
      return SendRows({col}, {{Value::Int(static_cast<int64_t>(n))}});
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
    case ShowKind::kEngines:
      return SendRows(IsColumns("ENGINES", {{"ENGINE", "Engine"},
                                            {"SUPPORT", "Support"},
                                            {"COMMENT", "Comment"},
                                            {"TRANSACTIONS", "Transactions"},
                                            {"XA", "XA"},
                                            {"SAVEPOINTS", "Savepoints"}}),
                      EngineRows());
    case ShowKind::kCharset: {
      std::vector<std::vector<Value>> rows;
      for (const CharsetInfo& c : Charsets())
        rows.push_back({Str(c.name), Str(c.description), Str(c.default_collation), Value::Int(c.maxlen)});
      return SendFiltered(IsColumns("CHARACTER_SETS", {{"CHARACTER_SET_NAME", "Charset"},
                                                       {"DESCRIPTION", "Description"},
                                                       {"DEFAULT_COLLATE_NAME", "Default collation"},
                                                       {"MAXLEN", "Maxlen"}}),
                          std::move(rows), st, 0);
    }
    case ShowKind::kCollation: {
      std::vector<std::vector<Value>> rows;
      for (uint16_t id = 1; id < 2048; id++) {
        const CollationInfo* ci = FindCollationById(id);
        if (ci == nullptr) continue;
        rows.push_back({Str(ci->name), Str(ci->charset), Value::Int(ci->id), Str(ci->is_default ? "Yes" : ""),
                        Str("Yes"), Value::Int(CollationSortLength(ci->name))});
      }
      std::sort(rows.begin(), rows.end(), [](auto& a, auto& b) { return a[0].string_value() < b[0].string_value(); });
      return SendFiltered(IsColumns("COLLATIONS", {{"COLLATION_NAME", "Collation"},
                                                   {"CHARACTER_SET_NAME", "Charset"},
                                                   {"ID", "Id"},
                                                   {"IS_DEFAULT", "Default"},
                                                   {"IS_COMPILED", "Compiled"},
                                                   {"SORTLEN", "Sortlen"}}),
                          std::move(rows), st, 0);
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
      return SendRows({TextColumn("Privilege", 10), TextColumn("Context", 15), TextColumn("Comment", 64)}, rows);
    }
    case ShowKind::kPlugins:
      return SendRows(IsColumns("PLUGINS", {{"PLUGIN_NAME", "Name"},
                                            {"PLUGIN_STATUS", "Status"},
                                            {"PLUGIN_TYPE", "Type"},
                                            {"PLUGIN_LIBRARY", "Library"},
                                            {"PLUGIN_LICENSE", "License"}}),
                      {});
    case ShowKind::kTriggers:
      return SendRows(IsColumns("TRIGGERS", {{"TRIGGER_NAME", "Trigger"},
                                             {"EVENT_MANIPULATION", "Event"},
                                             {"EVENT_OBJECT_TABLE", "Table"},
                                             {"ACTION_STATEMENT", "Statement"},
                                             {"ACTION_TIMING", "Timing"},
                                             {"CREATED", "Created"},
                                             {"SQL_MODE", "sql_mode"},
                                             {"DEFINER", "Definer"},
                                             {"CHARACTER_SET_CLIENT", "character_set_client"},
                                             {"COLLATION_CONNECTION", "collation_connection"},
                                             {"DATABASE_COLLATION", "Database Collation"}}),
                      {});
    case ShowKind::kEvents:
      return SendRows(IsColumns("EVENTS", {{"EVENT_SCHEMA", "Db"},
                                           {"EVENT_NAME", "Name"},
                                           {"DEFINER", "Definer"},
                                           {"TIME_ZONE", "Time zone"},
                                           {"EVENT_TYPE", "Type"},
                                           {"EXECUTE_AT", "Execute at"},
                                           {"INTERVAL_VALUE", "Interval value"},
                                           {"INTERVAL_FIELD", "Interval field"},
                                           {"STARTS", "Starts"},
                                           {"ENDS", "Ends"},
                                           {"STATUS", "Status"},
                                           {"ORIGINATOR", "Originator"},
                                           {"CHARACTER_SET_CLIENT", "character_set_client"},
                                           {"COLLATION_CONNECTION", "collation_connection"},
                                           {"DATABASE_COLLATION", "Database Collation"}}),
                      {});
    case ShowKind::kFunctionStatus:
    case ShowKind::kProcedureStatus:
      return SendRows(IsColumns("ROUTINES", {{"ROUTINE_SCHEMA", "Db"},
                                             {"ROUTINE_NAME", "Name"},
                                             {"ROUTINE_TYPE", "Type"},
                                             {"DEFINER", "Definer"},
                                             {"LAST_ALTERED", "Modified"},
                                             {"CREATED", "Created"},
                                             {"SECURITY_TYPE", "Security_type"},
                                             {"ROUTINE_COMMENT", "Comment"},
                                             {"CHARACTER_SET_CLIENT", "character_set_client"},
                                             {"COLLATION_CONNECTION", "collation_connection"},
                                             {"DATABASE_COLLATION", "Database Collation"}}),
                      {});
    case ShowKind::kOpenTables:
      return SendRows(IsColumns("OPEN_TABLES", {{"Database", "Database"},
                                                {"Table", "Table"},
                                                {"In_use", "In_use"},
                                                {"Name_locked", "Name_locked"}}),
                      {});
    case ShowKind::kProfiles: {
      ColumnMeta duration = IntColumn("Duration", kTypeDouble, 8, true);
      return SendRows({IntColumn("Query_ID", kTypeLong, 10, true), duration, TextColumn("Query", 40)}, {});
    }
    case ShowKind::kMasterStatus:
    case ShowKind::kBinaryLogs:
    case ShowKind::kBinlogEvents:
    case ShowKind::kSlaveHosts:
      return ShowBinlog(st);
    case ShowKind::kSlaveStatus: {
      RETURN_IF_ERROR(CheckGlobalPriv(kSuperAcl | kSlaveMonitorAcl));
      std::vector<std::vector<Value>> rows;
      if (ReplicaControl* rc = s_->engine_->replica_control()) {
        if (auto row = rc->StatusRow(st.all_slaves)) rows.push_back(std::move(*row));
      }
      if (!st.all_slaves) return SendRows(SlaveStatusColumns(), rows);
      // MariaDB sizes Gtid_Slave_Pos (the last column) by its value.
      std::vector<ColumnMeta> cols = AllSlavesStatusColumns();
      if (!rows.empty()) cols.back().length = static_cast<uint32_t>(rows[0].back().ToText().size() * 4);
      return SendRows(cols, rows);
    }
    default:
      return ShowCatalog(st);
  }
}

// ---------------------------------------------------------------------------
// SHOW MASTER STATUS / BINARY LOGS / BINLOG EVENTS / SLAVE HOSTS

Status Executor::ShowBinlog(const ShowStmt& st) {
  BinaryLog* log = s_->engine_->binary_log();
  switch (st.what) {
    case ShowKind::kMasterStatus: {
      RETURN_IF_ERROR(CheckGlobalPriv(kSuperAcl | kBinlogMonitorAcl));
      std::vector<ColumnMeta> cols = {TextColumn("File", 512), IntColumn("Position", kTypeLongLong, 20, true),
                                      TextColumn("Binlog_Do_DB", 255), TextColumn("Binlog_Ignore_DB", 255)};
      std::vector<std::vector<Value>> rows;
      if (log != nullptr) {
        binlog::LogPosition p = log->writer().CurrentPosition();
        rows.push_back({Str(p.file), Value::UInt(p.pos), Str(""), Str("")});
      }
      return SendRows(cols, rows);
    }
    case ShowKind::kBinaryLogs: {
      RETURN_IF_ERROR(CheckGlobalPriv(kSuperAcl | kBinlogMonitorAcl));
      if (log == nullptr) return Status::SqlError(1381, "HY000", "You are not using binary logging");
      std::vector<std::vector<Value>> rows;
      for (const auto& f : log->writer().ListLogs()) rows.push_back({Str(f.name), Value::UInt(f.size)});
      return SendRows({TextColumn("Log_name", 255), IntColumn("File_size", kTypeLongLong, 20, true)}, rows);
    }
    case ShowKind::kBinlogEvents: {
      RETURN_IF_ERROR(CheckGlobalPriv(kBinlogMonitorAcl));
      std::vector<ColumnMeta> cols = {TextColumn("Log_name", 20), IntColumn("Pos", kTypeLongLong, 20, true),
                                      TextColumn("Event_type", 20), IntColumn("Server_id", kTypeLong, 10, true),
                                      IntColumn("End_log_pos", kTypeLongLong, 20, true), TextColumn("Info", 255)};
      if (log == nullptr) return SendRows(cols, {});
      uint64_t from = binlog::kFirstEventPosition;
      if (st.from_pos) {
        ASSIGN_OR_RETURN(Value v, EvalConstant(*st.from_pos, "SHOW"));
        from = static_cast<uint64_t>(std::max<int64_t>(0, v.kind() == Value::Kind::kUInt ? static_cast<int64_t>(v.uint_value()) : v.int_value()));
      }
      uint64_t offset = 0, count = UINT64_MAX;
      if (st.limit) {
        ASSIGN_OR_RETURN(Value c, EvalConstant(*st.limit->count, "LIMIT"));
        count = static_cast<uint64_t>(c.int_value());
        if (st.limit->offset) {
          ASSIGN_OR_RETURN(Value o, EvalConstant(*st.limit->offset, "LIMIT"));
          offset = static_cast<uint64_t>(o.int_value());
        }
      }
      std::string file = st.log_name;
      auto logs = log->writer().ListLogs();
      if (file.empty()) {
        if (logs.empty()) return SendRows(cols, {});
        file = logs.front().name;
      } else {
        bool found = false;
        for (const auto& f : logs) found = found || f.name == file;
        if (!found)
          return Status::SqlError(1220, "HY000", "Error when executing command SHOW BINLOG EVENTS: Could not find target log");
      }
      // One file only (SHOW BINLOG EVENTS does not follow Rotate), up to
      // what has been published.
      binlog::BinlogReader reader(log->writer().dir(), log->writer().index_path(), &log->writer());
      Status os = reader.Open(file, binlog::kFirstEventPosition);
      if (!os.ok())
        return Status::SqlError(1220, "HY000", "Error when executing command SHOW BINLOG EVENTS: " + os.message());
      std::vector<std::vector<Value>> rows;
      uint64_t index = 0;
      bool positioned = from <= binlog::kFirstEventPosition;
      while (rows.size() < count) {
        binlog::ReadEvent ev;
        auto r = reader.Next(&ev);
        if (!r.ok())
          return Status::SqlError(1220, "HY000", "Error when executing command SHOW BINLOG EVENTS: Wrong offset or I/O error");
        if (*r == binlog::BinlogReader::Outcome::kEndOfLog || ev.file != file) break;
        if (!positioned) {
          if (ev.start < from) continue;
          if (ev.start != from)
            return Status::SqlError(1220, "HY000", "Error when executing command SHOW BINLOG EVENTS: Wrong offset or I/O error");
          positioned = true;
        }
        if (index++ < offset) continue;
        auto parsed = binlog::ParseEvent(ev.bytes, reader.format_description(), ev.start);
        std::string info = parsed.ok() ? binlog::EventInfo(*parsed) : "";
        rows.push_back({Str(ev.file), Value::UInt(ev.start), Str(binlog::EventTypeName(ev.header.type)),
                        Value::UInt(ev.header.server_id), Value::UInt(ev.header.log_pos), Str(info)});
        if (ev.header.type == binlog::kRotateEvent || ev.header.type == binlog::kStopEvent) break;
      }
      return SendRows(cols, rows);
    }
    case ShowKind::kSlaveHosts: {
      RETURN_IF_ERROR(CheckGlobalPriv(kReplMasterAdminAcl));
      std::vector<std::vector<Value>> rows;
      if (ReplicationSourceInfo* src = s_->engine_->replication_source()) {
        for (const auto& h : src->SlaveHosts())
          rows.push_back({Value::UInt(h.server_id), Str(h.host), Value::UInt(h.port), Value::UInt(h.master_id)});
      }
      return SendRows({IntColumn("Server_id", kTypeLong, 10, true), TextColumn("Host", 60),
                       IntColumn("Port", kTypeLong, 7, true), IntColumn("Master_id", kTypeLong, 10, true)},
                      rows);
    }
    default:
      return Status::SqlError(1105, "HY000", "unexpected SHOW");
  }
}

// ---------------------------------------------------------------------------
// SHOW over the catalog

Status Executor::ShowCatalog(const ShowStmt& st) {
  Catalog& cat = s_->engine_->catalog();
  switch (st.what) {
    case ShowKind::kDatabases: {
      std::string name = "Database";
      if (st.like) name += " (" + *st.like + ")";
      std::vector<std::vector<Value>> rows;
      for (auto& d : cat.ListDatabases()) {
        if (!s_->system_user_ && !(s_->account_.global_privs & kShowDbAcl) && d != "information_schema" &&
            !s_->engine_->accounts().CanAccessDatabase(s_->account_, d))
          continue;
        rows.push_back({Str(d)});
      }
      return SendFiltered(IsColumns("SCHEMATA", {{"SCHEMA_NAME", name}}), std::move(rows), st, 0);
    }
    case ShowKind::kTables:
    case ShowKind::kTableStatus: {
      std::string db = st.db.empty() ? s_->current_db_ : st.db;
      if (db.empty()) return Status::SqlError(1046, "3D000", "No database selected");
      bool is_schema = Session::IsInformationSchema(db);
      if (!is_schema && !cat.DatabaseExists(db))
        return Status::SqlError(1049, "42000", "Unknown database '" + db + "'");
      std::vector<std::string> tables = is_schema ? InformationSchemaTableNames() : cat.ListTables(db);
      if (st.what == ShowKind::kTableStatus && is_schema) tables.clear();  // no sizes to show
      if (st.what == ShowKind::kTableStatus) {
        // information_schema.TABLES from TABLE_NAME on, without TABLE_TYPE.
        auto tables_def = InformationSchemaDef("TABLES");
        static const char* const kNames[] = {
            "Name",         "Engine",        "Version",   "Row_format",     "Rows",      "Avg_row_length",
            "Data_length",  "Max_data_length", "Index_length", "Data_free", "Auto_increment", "Create_time",
            "Update_time",  "Check_time",    "Collation", "Checksum",       "Create_options", "Comment",
            "Max_index_length", "Temporary"};
        std::vector<ColumnMeta> cols;
        std::vector<size_t> source;
        for (size_t i = 2, n = 0; i < tables_def->columns.size(); i++) {
          if (i == 3) continue;  // TABLE_TYPE
          cols.push_back(ColumnMetaFor(*tables_def, tables_def->columns[i], kNames[n++]));
          source.push_back(i);
        }
        std::vector<std::vector<Value>> rows;
        for (auto& t : tables) {
          auto def = cat.GetTable(db, t);
          if (!def) continue;
          Value count = Value::Null();
          auto n = s_->conn_->QueryValue("SELECT count(*) FROM " + storage::QuoteIdent(SqliteTableName(db, t)));
          if (n.ok()) count = *n;
          Value ai = Value::Null();
          for (auto& c : def->columns)
            if (c.auto_increment) {
              auto v = cat.PeekAutoIncrement(*s_->conn_, *def);
              if (v.ok()) ai = Value::UInt(*v);
            }
          std::vector<Value> full = InformationSchemaTablesRow(*def, count, ai, Value::Null());
          std::vector<Value> r;
          for (size_t i : source) r.push_back(full[i]);
          rows.push_back(std::move(r));
        }
        return SendFiltered(cols, std::move(rows), st, 0);
      }
      std::string name = "Tables_in_" + db;
      if (st.like) name += " (" + *st.like + ")";
      std::vector<ColumnMeta> cols = IsColumns("TABLE_NAMES", {{"TABLE_NAME", name}});
      if (st.full) cols.push_back(InformationSchemaMeta("TABLE_NAMES", "TABLE_TYPE", "Table_type"));
      std::vector<std::vector<Value>> rows;
      for (auto& t : tables) {
        std::vector<Value> r = {Str(t)};
        if (st.full) r.push_back(Str(is_schema ? "SYSTEM VIEW" : "BASE TABLE"));
        rows.push_back(std::move(r));
      }
      return SendFiltered(cols, std::move(rows), st, 0);
    }
    case ShowKind::kColumns: {
      std::string db = st.table.db.empty() ? (st.db.empty() ? s_->current_db_ : st.db) : st.table.db;
      if (db.empty()) return Status::SqlError(1046, "3D000", "No database selected");
      auto def = Session::IsInformationSchema(db) ? InformationSchemaDef(st.table.name) : cat.GetTable(db, st.table.name);
      if (!def && Session::IsInformationSchema(db))
        return Status::SqlError(1109, "42S02", "Unknown table '" + st.table.name + "' in information_schema");
      if (!def) return Status::SqlError(1146, "42S02", "Table '" + db + "." + st.table.name + "' doesn't exist");
      std::vector<ColumnMeta> cols = IsColumns("COLUMNS", {{"COLUMN_NAME", "Field"},
                                                           {"COLUMN_TYPE", "Type"},
                                                           {"IS_NULLABLE", "Null"},
                                                           {"COLUMN_KEY", "Key"},
                                                           {"COLUMN_DEFAULT", "Default"},
                                                           {"EXTRA", "Extra"}});
      auto rows = DescribeRows(*def);
      if (st.full) {
        cols = IsColumns("COLUMNS", {{"COLUMN_NAME", "Field"},
                                     {"COLUMN_TYPE", "Type"},
                                     {"COLLATION_NAME", "Collation"},
                                     {"IS_NULLABLE", "Null"},
                                     {"COLUMN_KEY", "Key"},
                                     {"COLUMN_DEFAULT", "Default"},
                                     {"EXTRA", "Extra"},
                                     {"PRIVILEGES", "Privileges"},
                                     {"COLUMN_COMMENT", "Comment"}});
        for (size_t i = 0; i < rows.size(); i++) {
          const ColumnDef& c = def->columns[i];
          Value coll = c.type.IsString() || c.type.base == BaseType::kJson
                           ? Str(EffectiveCollation(c.type, def->collation)) : Value::Null();
          std::vector<Value> r = {rows[i][0], rows[i][1], coll, rows[i][2], rows[i][3], rows[i][4], rows[i][5],
                                  Str("select,insert,update,references"), Str(c.comment)};
          rows[i] = std::move(r);
        }
      }
      // DESCRIBE t col: the column name is a LIKE pattern (st.like).
      return SendFiltered(cols, std::move(rows), st, 0);
    }
    case ShowKind::kIndex: {
      std::string db = st.table.db.empty() ? (st.db.empty() ? s_->current_db_ : st.db) : st.table.db;
      if (db.empty()) return Status::SqlError(1046, "3D000", "No database selected");
      auto def = cat.GetTable(db, st.table.name);
      if (!def) return Status::SqlError(1146, "42S02", "Table '" + db + "." + st.table.name + "' doesn't exist");
      std::vector<ColumnMeta> cols = IsColumns("STATISTICS", {{"TABLE_NAME", "Table"},
                                                              {"NON_UNIQUE", "Non_unique"},
                                                              {"INDEX_NAME", "Key_name"},
                                                              {"SEQ_IN_INDEX", "Seq_in_index"},
                                                              {"COLUMN_NAME", "Column_name"},
                                                              {"COLLATION", "Collation"},
                                                              {"CARDINALITY", "Cardinality"},
                                                              {"SUB_PART", "Sub_part"},
                                                              {"PACKED", "Packed"},
                                                              {"NULLABLE", "Null"},
                                                              {"INDEX_TYPE", "Index_type"},
                                                              {"COMMENT", "Comment"},
                                                              {"INDEX_COMMENT", "Index_comment"},
                                                              {"IGNORED", "Ignored"}});
      return SendFiltered(cols, ShowIndexRows(*def), st, -1);
    }
    case ShowKind::kCreateTable: {
      std::string db = st.table.db.empty() ? s_->current_db_ : st.table.db;
      if (db.empty()) return Status::SqlError(1046, "3D000", "No database selected");
      auto def = cat.GetTable(db, st.table.name);
      if (!def) return Status::SqlError(1146, "42S02", "Table '" + db + "." + st.table.name + "' doesn't exist");
      uint64_t ai = 0;
      for (auto& c : def->columns)
        if (c.auto_increment) {
          auto v = cat.PeekAutoIncrement(*s_->conn_, *def);
          if (v.ok()) ai = *v;
        }
      return SendRows({TextColumn("Table"), TextColumn("Create Table", 1024)},
                      {{Str(def->name), Str(ShowCreateTable(*def, ai, ShowStyle()))}});
    }
    case ShowKind::kCreateDatabase: {
      auto d = cat.GetDatabase(st.target);
      if (!d) return Status::SqlError(1049, "42000", "Unknown database '" + st.target + "'");
      std::string text = "CREATE DATABASE " + std::string(st.if_not_exists ? "/*!32312 IF NOT EXISTS*/ " : "") +
                         QuoteIdentifier(d->name, ShowStyle()) + " /*!40100 DEFAULT CHARACTER SET " + d->charset +
                         " COLLATE " + d->collation + " */";
      return SendRows({TextColumn("Database"), TextColumn("Create Database", 1024)}, {{Str(d->name), Str(text)}});
    }
    default:
      return Status::SqlError(1235, "42000", "This version of MariaDB doesn't yet support 'this SHOW statement'");
  }
}

}  // namespace relaydb::sql
