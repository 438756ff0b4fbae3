// information_schema: SCHEMATA, TABLES, COLUMNS, STATISTICS, PROCESSLIST
// (and empty VIEWS/ROUTINES/TRIGGERS/... for tools that probe them).
//
// A query that names information_schema.X gets a TEMP table
// "information_schema.X" on the session's connection, filled from the
// catalog when the name is resolved (once per statement), so ordinary SQL
// (joins, WHERE, GROUP BY) runs over it. SQLite finds TEMP tables before
// main ones, so the translator's unqualified "information_schema.X" works.
#include <sqlite3.h>

#include <algorithm>

#include "sql/catalog.h"
#include "sql/session.h"

namespace relaydb::sql {
namespace {

std::string Upper(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(toupper(static_cast<unsigned char>(c)));
  return out;
}

struct Materialized {
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;
};

std::vector<std::string> ProcesslistColumns() {
  return {"ID", "USER", "HOST", "DB", "COMMAND", "TIME", "STATE", "INFO", "TIME_MS", "STAGE", "MAX_STAGE",
          "PROGRESS", "MEMORY_USED", "MAX_MEMORY_USED", "EXAMINED_ROWS", "QUERY_ID", "INFO_BINARY", "TID"};
}

}  // namespace

bool Session::IsInformationSchema(const std::string& db) {
  return db.size() == 18 && Upper(db) == "INFORMATION_SCHEMA";
}

std::shared_ptr<const TableDef> Session::InformationSchemaTable(const std::string& name_in) {
  std::string name = Upper(name_in);
  Catalog& cat = engine_->catalog();
  Materialized m;
  if (name == "SCHEMATA") {
    m.columns = InformationSchemaSchemataColumns();
    DatabaseDef is;
    is.name = "information_schema";
    is.charset = "utf8mb3";
    is.collation = "utf8mb3_general_ci";
    m.rows.push_back(InformationSchemaSchemataRow(is));
    for (const auto& d : cat.ListDatabases()) {
      auto def = cat.GetDatabase(d);
      if (def) m.rows.push_back(InformationSchemaSchemataRow(*def));
    }
  } else if (name == "TABLES") {
    m.columns = InformationSchemaTablesColumns();
    for (const auto& t : cat.AllTables()) {
      Value count = Value::Null();
      auto n = conn_->QueryValue("SELECT count(*) FROM " + storage::QuoteIdent(t->db + "." + t->name));
      if (n.ok()) count = *n;
      Value ai = Value::Null();
      for (const auto& c : t->columns)
        if (c.auto_increment) {
          auto v = cat.PeekAutoIncrement(*conn_, *t);
          if (v.ok()) ai = Value::Int(static_cast<int64_t>(*v));
        }
      m.rows.push_back(InformationSchemaTablesRow(*t, count, ai, Value::Null()));
    }
  } else if (name == "COLUMNS") {
    m.columns = InformationSchemaColumnsColumns();
    for (const auto& t : cat.AllTables())
      for (auto& r : InformationSchemaColumnsRows(*t)) m.rows.push_back(std::move(r));
  } else if (name == "STATISTICS") {
    m.columns = InformationSchemaStatisticsColumns();
    for (const auto& t : cat.AllTables())
      for (auto& r : InformationSchemaStatisticsRows(*t)) m.rows.push_back(std::move(r));
  } else if (name == "PROCESSLIST") {
    m.columns = ProcesslistColumns();
    for (const auto& p : engine_->processlist().Snapshot()) {
      m.rows.push_back({Value::Int(static_cast<int64_t>(p.id)), Value::String(p.user), Value::String(p.host),
                        p.db.empty() ? Value::Null() : Value::String(p.db), Value::String(p.command),
                        Value::Int(p.time_seconds), Value::String(p.state),
                        p.info.empty() ? Value::Null() : Value::String(p.info), Value::Double(p.time_ms),
                        Value::Int(0), Value::Int(0), Value::Double(0), Value::Int(0), Value::Int(0), Value::Int(0),
                        Value::Int(0), p.info.empty() ? Value::Null() : Value::String(p.info), Value::Int(0)});
    }
  } else if (name == "VIEWS" || name == "ROUTINES" || name == "TRIGGERS" || name == "PARTITIONS" ||
             name == "EVENTS" || name == "KEY_COLUMN_USAGE" || name == "REFERENTIAL_CONSTRAINTS" ||
             name == "TABLE_CONSTRAINTS" || name == "CHECK_CONSTRAINTS" || name == "PARAMETERS") {
    // Objects relaydb does not have: an empty table with the usual keys.
    m.columns = {"TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "CONSTRAINT_SCHEMA", "CONSTRAINT_NAME",
                 "ROUTINE_SCHEMA", "ROUTINE_NAME", "COLUMN_NAME"};
  } else {
    return nullptr;
  }

  // The column types: integers where every non-NULL value is one.
  auto def = std::make_shared<TableDef>();
  def->db = "information_schema";
  def->name = name;
  def->engine = "MEMORY";
  std::string create = "CREATE TEMP TABLE IF NOT EXISTS " + storage::QuoteIdent("information_schema." + name) + " (";
  for (size_t i = 0; i < m.columns.size(); i++) {
    bool numeric = !m.rows.empty();
    bool any = false;
    for (const auto& r : m.rows) {
      if (r[i].is_null()) continue;
      any = true;
      if (r[i].kind() != Value::Kind::kInt && r[i].kind() != Value::Kind::kUInt) numeric = false;
    }
    if (!any && !m.rows.empty()) numeric = false;
    ColumnDef c;
    c.name = m.columns[i];
    if (numeric) {
      c.type.base = BaseType::kBigInt;
      c.type.is_unsigned = true;
      c.type.length = 21;
    } else {
      c.type.base = BaseType::kVarchar;
      c.type.length = 512;
    }
    def->columns.push_back(c);
    create += (i ? ", " : "") + storage::QuoteIdent(c.name) + (numeric ? " INTEGER" : " TEXT COLLATE rdb_ci");
  }
  create += ")";
  std::string table = storage::QuoteIdent("information_schema." + name);
  // The table's shape may differ from an earlier statement's: recreate.
  if (!conn_->Exec("DROP TABLE IF EXISTS temp." + table).ok()) return nullptr;
  if (!conn_->Exec(create).ok()) return nullptr;
  std::string ins = "INSERT INTO temp." + table + " VALUES (";
  for (size_t i = 0; i < m.columns.size(); i++) ins += i ? ", ?" : "?";
  ins += ")";
  storage::Statement st;
  if (!conn_->PrepareUncached(ins, &st).ok()) return nullptr;
  for (const auto& r : m.rows) {
    for (size_t i = 0; i < r.size(); i++) {
      Value v = r[i];
      if (v.kind() == Value::Kind::kUInt) v = Value::Int(static_cast<int64_t>(v.uint_value()));
      if (!st.BindValue(static_cast<int>(i + 1), v).ok()) return nullptr;
    }
    if (!st.Run().ok()) return nullptr;
    st.Reset();
  }
  return def;
}

}  // namespace relaydb::sql
