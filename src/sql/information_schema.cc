// information_schema: the tables of information_schema.h, filled from the
// catalog, the variables, the status counters and the processlist.
//
// A query that names information_schema.X gets a TEMP table
// "information_schema.X" on the session's connection, filled when the name
// is resolved (once per statement), so ordinary SQL (joins, WHERE, GROUP BY)
// runs over it. SQLite finds TEMP tables before main ones, so the
// translator's unqualified "information_schema.X" works. Its columns are
// declared and filled as a user table with the same MariaDB definition would
// be (types.h SqliteColumnDecl / CoerceToStored), so values, comparisons and
// result metadata come out as for any table.
#include "sql/information_schema.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstdlib>
#include <map>

#include "sql/catalog.h"
#include "sql/parser.h"
#include "sql/session.h"
#include "sql/types.h"

namespace relaydb::sql {
namespace {

std::string Upper(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(toupper(static_cast<unsigned char>(c)));
  return out;
}

// MariaDB 10.11's definitions (SHOW CREATE TABLE information_schema.X),
// with utf8mb4 for utf8mb3 (see information_schema.h).
constexpr const char kDefinitions[] = R"sql(
CREATE TABLE `SCHEMATA` (
  `CATALOG_NAME` varchar(512) NOT NULL,
  `SCHEMA_NAME` varchar(64) NOT NULL,
  `DEFAULT_CHARACTER_SET_NAME` varchar(32) NOT NULL,
  `DEFAULT_COLLATION_NAME` varchar(64) NOT NULL,
  `SQL_PATH` varchar(512),
  `SCHEMA_COMMENT` varchar(1024) NOT NULL);
CREATE TABLE `TABLES` (
  `TABLE_CATALOG` varchar(512) NOT NULL,
  `TABLE_SCHEMA` varchar(64) NOT NULL,
  `TABLE_NAME` varchar(64) NOT NULL,
  `TABLE_TYPE` varchar(64) NOT NULL,
  `ENGINE` varchar(64),
  `VERSION` bigint(21) unsigned,
  `ROW_FORMAT` varchar(10),
  `TABLE_ROWS` bigint(21) unsigned,
  `AVG_ROW_LENGTH` bigint(21) unsigned,
  `DATA_LENGTH` bigint(21) unsigned,
  `MAX_DATA_LENGTH` bigint(21) unsigned,
  `INDEX_LENGTH` bigint(21) unsigned,
  `DATA_FREE` bigint(21) unsigned,
  `AUTO_INCREMENT` bigint(21) unsigned,
  `CREATE_TIME` datetime,
  `UPDATE_TIME` datetime,
  `CHECK_TIME` datetime,
  `TABLE_COLLATION` varchar(64),
  `CHECKSUM` bigint(21) unsigned,
  `CREATE_OPTIONS` varchar(2048),
  `TABLE_COMMENT` varchar(2048) NOT NULL,
  `MAX_INDEX_LENGTH` bigint(21) unsigned,
  `TEMPORARY` varchar(1));
CREATE TABLE `TABLE_NAMES` (
  `TABLE_CATALOG` varchar(512) NOT NULL,
  `TABLE_SCHEMA` varchar(64) NOT NULL,
  `TABLE_NAME` varchar(73) NOT NULL,
  `TABLE_TYPE` varchar(64) NOT NULL);
CREATE TABLE `OPEN_TABLES` (
  `Database` varchar(64) NOT NULL,
  `Table` varchar(64) NOT NULL,
  `In_use` bigint(1) NOT NULL,
  `Name_locked` bigint(4) NOT NULL);
CREATE TABLE `PLUGINS` (
  `PLUGIN_NAME` varchar(64) NOT NULL,
  `PLUGIN_VERSION` varchar(20) NOT NULL,
  `PLUGIN_STATUS` varchar(16) NOT NULL,
  `PLUGIN_TYPE` varchar(80) NOT NULL,
  `PLUGIN_TYPE_VERSION` varchar(20) NOT NULL,
  `PLUGIN_LIBRARY` varchar(64),
  `PLUGIN_LIBRARY_VERSION` varchar(20),
  `PLUGIN_AUTHOR` varchar(64),
  `PLUGIN_DESCRIPTION` longtext,
  `PLUGIN_LICENSE` varchar(80) NOT NULL,
  `LOAD_OPTION` varchar(64) NOT NULL,
  `PLUGIN_MATURITY` varchar(12) NOT NULL,
  `PLUGIN_AUTH_VERSION` varchar(80));
CREATE TABLE `COLUMNS` (
  `TABLE_CATALOG` varchar(512) NOT NULL,
  `TABLE_SCHEMA` varchar(64) NOT NULL,
  `TABLE_NAME` varchar(64) NOT NULL,
  `COLUMN_NAME` varchar(64) NOT NULL,
  `ORDINAL_POSITION` bigint(21) unsigned NOT NULL,
  `COLUMN_DEFAULT` longtext,
  `IS_NULLABLE` varchar(3) NOT NULL,
  `DATA_TYPE` varchar(64) NOT NULL,
  `CHARACTER_MAXIMUM_LENGTH` bigint(21) unsigned,
  `CHARACTER_OCTET_LENGTH` bigint(21) unsigned,
  `NUMERIC_PRECISION` bigint(21) unsigned,
  `NUMERIC_SCALE` bigint(21) unsigned,
  `DATETIME_PRECISION` bigint(21) unsigned,
  `CHARACTER_SET_NAME` varchar(32),
  `COLLATION_NAME` varchar(64),
  `COLUMN_TYPE` longtext NOT NULL,
  `COLUMN_KEY` varchar(3) NOT NULL,
  `EXTRA` varchar(80) NOT NULL,
  `PRIVILEGES` varchar(80) NOT NULL,
  `COLUMN_COMMENT` varchar(1024) NOT NULL,
  `IS_GENERATED` varchar(6) NOT NULL,
  `GENERATION_EXPRESSION` longtext);
CREATE TABLE `STATISTICS` (
  `TABLE_CATALOG` varchar(512) NOT NULL,
  `TABLE_SCHEMA` varchar(64) NOT NULL,
  `TABLE_NAME` varchar(64) NOT NULL,
  `NON_UNIQUE` bigint(1) NOT NULL,
  `INDEX_SCHEMA` varchar(64) NOT NULL,
  `INDEX_NAME` varchar(64) NOT NULL,
  `SEQ_IN_INDEX` int(2) unsigned NOT NULL,
  `COLUMN_NAME` varchar(64) NOT NULL,
  `COLLATION` varchar(1),
  `CARDINALITY` bigint(21),
  `SUB_PART` bigint(3),
  `PACKED` varchar(10),
  `NULLABLE` varchar(3) NOT NULL,
  `INDEX_TYPE` varchar(16) NOT NULL,
  `COMMENT` varchar(16),
  `INDEX_COMMENT` varchar(1024) NOT NULL,
  `IGNORED` varchar(3) NOT NULL);
CREATE TABLE `TABLE_CONSTRAINTS` (
  `CONSTRAINT_CATALOG` varchar(512) NOT NULL,
  `CONSTRAINT_SCHEMA` varchar(64) NOT NULL,
  `CONSTRAINT_NAME` varchar(64) NOT NULL,
  `TABLE_SCHEMA` varchar(64) NOT NULL,
  `TABLE_NAME` varchar(64) NOT NULL,
  `CONSTRAINT_TYPE` varchar(64) NOT NULL);
CREATE TABLE `KEY_COLUMN_USAGE` (
  `CONSTRAINT_CATALOG` varchar(512) NOT NULL,
  `CONSTRAINT_SCHEMA` varchar(64) NOT NULL,
  `CONSTRAINT_NAME` varchar(64) NOT NULL,
  `TABLE_CATALOG` varchar(512) NOT NULL,
  `TABLE_SCHEMA` varchar(64) NOT NULL,
  `TABLE_NAME` varchar(64) NOT NULL,
  `COLUMN_NAME` varchar(64) NOT NULL,
  `ORDINAL_POSITION` bigint(10) NOT NULL,
  `POSITION_IN_UNIQUE_CONSTRAINT` bigint(10),
  `REFERENCED_TABLE_SCHEMA` varchar(64),
  `REFERENCED_TABLE_NAME` varchar(64),
  `REFERENCED_COLUMN_NAME` varchar(64));
CREATE TABLE `CHECK_CONSTRAINTS` (
  `CONSTRAINT_CATALOG` varchar(512) NOT NULL,
  `CONSTRAINT_SCHEMA` varchar(64) NOT NULL,
  `TABLE_NAME` varchar(64) NOT NULL,
  `CONSTRAINT_NAME` varchar(64) NOT NULL,
  `LEVEL` varchar(6) NOT NULL,
  `CHECK_CLAUSE` longtext NOT NULL);
CREATE TABLE `REFERENTIAL_CONSTRAINTS` (
  `CONSTRAINT_CATALOG` varchar(512) NOT NULL,
  `CONSTRAINT_SCHEMA` varchar(64) NOT NULL,
  `CONSTRAINT_NAME` varchar(64) NOT NULL,
  `UNIQUE_CONSTRAINT_CATALOG` varchar(512) NOT NULL,
  `UNIQUE_CONSTRAINT_SCHEMA` varchar(64) NOT NULL,
  `UNIQUE_CONSTRAINT_NAME` varchar(64),
  `MATCH_OPTION` varchar(64) NOT NULL,
  `UPDATE_RULE` varchar(64) NOT NULL,
  `DELETE_RULE` varchar(64) NOT NULL,
  `TABLE_NAME` varchar(64) NOT NULL,
  `REFERENCED_TABLE_NAME` varchar(64));
CREATE TABLE `CHARACTER_SETS` (
  `CHARACTER_SET_NAME` varchar(32) NOT NULL,
  `DEFAULT_COLLATE_NAME` varchar(64) NOT NULL,
  `DESCRIPTION` varchar(60) NOT NULL,
  `MAXLEN` bigint(3) NOT NULL);
CREATE TABLE `COLLATIONS` (
  `COLLATION_NAME` varchar(64) NOT NULL,
  `CHARACTER_SET_NAME` varchar(32),
  `ID` bigint(11),
  `IS_DEFAULT` varchar(3),
  `IS_COMPILED` varchar(3) NOT NULL,
  `SORTLEN` bigint(3) NOT NULL);
CREATE TABLE `COLLATION_CHARACTER_SET_APPLICABILITY` (
  `COLLATION_NAME` varchar(64) NOT NULL,
  `CHARACTER_SET_NAME` varchar(32) NOT NULL,
  `FULL_COLLATION_NAME` varchar(64) NOT NULL,
  `ID` bigint(11) NOT NULL,
  `IS_DEFAULT` varchar(3) NOT NULL);
CREATE TABLE `ENGINES` (
  `ENGINE` varchar(64) NOT NULL,
  `SUPPORT` varchar(8) NOT NULL,
  `COMMENT` varchar(160) NOT NULL,
  `TRANSACTIONS` varchar(3),
  `XA` varchar(3),
  `SAVEPOINTS` varchar(3));
CREATE TABLE `SESSION_VARIABLES` (
  `VARIABLE_NAME` varchar(64) NOT NULL,
  `VARIABLE_VALUE` varchar(4096) NOT NULL);
CREATE TABLE `GLOBAL_VARIABLES` (
  `VARIABLE_NAME` varchar(64) NOT NULL,
  `VARIABLE_VALUE` varchar(4096) NOT NULL);
CREATE TABLE `SESSION_STATUS` (
  `VARIABLE_NAME` varchar(64) NOT NULL,
  `VARIABLE_VALUE` varchar(4096) NOT NULL);
CREATE TABLE `GLOBAL_STATUS` (
  `VARIABLE_NAME` varchar(64) NOT NULL,
  `VARIABLE_VALUE` varchar(4096) NOT NULL);
CREATE TABLE `PROCESSLIST` (
  `ID` bigint(4) NOT NULL,
  `USER` varchar(128) NOT NULL,
  `HOST` varchar(64) NOT NULL,
  `DB` varchar(64),
  `COMMAND` varchar(16) NOT NULL,
  `TIME` int(7) NOT NULL,
  `STATE` varchar(64),
  `INFO` longtext,
  `TIME_MS` decimal(22,3) NOT NULL,
  `STAGE` tinyint(2) NOT NULL,
  `MAX_STAGE` tinyint(2) NOT NULL,
  `PROGRESS` decimal(7,3) NOT NULL,
  `MEMORY_USED` bigint(7) NOT NULL,
  `MAX_MEMORY_USED` bigint(7) NOT NULL,
  `EXAMINED_ROWS` int(7) NOT NULL,
  `QUERY_ID` bigint(4) NOT NULL,
  `INFO_BINARY` blob,
  `TID` bigint(4) NOT NULL);
CREATE TABLE `VIEWS` (
  `TABLE_CATALOG` varchar(512) NOT NULL,
  `TABLE_SCHEMA` varchar(64) NOT NULL,
  `TABLE_NAME` varchar(64) NOT NULL,
  `VIEW_DEFINITION` longtext NOT NULL,
  `CHECK_OPTION` varchar(8) NOT NULL,
  `IS_UPDATABLE` varchar(3) NOT NULL,
  `DEFINER` varchar(384) NOT NULL,
  `SECURITY_TYPE` varchar(7) NOT NULL,
  `CHARACTER_SET_CLIENT` varchar(32) NOT NULL,
  `COLLATION_CONNECTION` varchar(64) NOT NULL,
  `ALGORITHM` varchar(10) NOT NULL);
CREATE TABLE `ROUTINES` (
  `SPECIFIC_NAME` varchar(64) NOT NULL,
  `ROUTINE_CATALOG` varchar(512) NOT NULL,
  `ROUTINE_SCHEMA` varchar(64) NOT NULL,
  `ROUTINE_NAME` varchar(64) NOT NULL,
  `ROUTINE_TYPE` varchar(13) NOT NULL,
  `DATA_TYPE` varchar(64) NOT NULL,
  `CHARACTER_MAXIMUM_LENGTH` int(21),
  `CHARACTER_OCTET_LENGTH` int(21),
  `NUMERIC_PRECISION` int(21),
  `NUMERIC_SCALE` int(21),
  `DATETIME_PRECISION` bigint(21) unsigned,
  `CHARACTER_SET_NAME` varchar(64),
  `COLLATION_NAME` varchar(64),
  `DTD_IDENTIFIER` longtext,
  `ROUTINE_BODY` varchar(8) NOT NULL,
  `ROUTINE_DEFINITION` longtext,
  `EXTERNAL_NAME` varchar(64),
  `EXTERNAL_LANGUAGE` varchar(64),
  `PARAMETER_STYLE` varchar(8) NOT NULL,
  `IS_DETERMINISTIC` varchar(3) NOT NULL,
  `SQL_DATA_ACCESS` varchar(64) NOT NULL,
  `SQL_PATH` varchar(64),
  `SECURITY_TYPE` varchar(7) NOT NULL,
  `CREATED` datetime NOT NULL,
  `LAST_ALTERED` datetime NOT NULL,
  `SQL_MODE` varchar(8192) NOT NULL,
  `ROUTINE_COMMENT` longtext NOT NULL,
  `DEFINER` varchar(384) NOT NULL,
  `CHARACTER_SET_CLIENT` varchar(32) NOT NULL,
  `COLLATION_CONNECTION` varchar(64) NOT NULL,
  `DATABASE_COLLATION` varchar(64) NOT NULL);
CREATE TABLE `PARAMETERS` (
  `SPECIFIC_CATALOG` varchar(512) NOT NULL,
  `SPECIFIC_SCHEMA` varchar(64) NOT NULL,
  `SPECIFIC_NAME` varchar(64) NOT NULL,
  `ORDINAL_POSITION` int(21) NOT NULL,
  `PARAMETER_MODE` varchar(5),
  `PARAMETER_NAME` varchar(64),
  `DATA_TYPE` varchar(64) NOT NULL,
  `CHARACTER_MAXIMUM_LENGTH` int(21),
  `CHARACTER_OCTET_LENGTH` int(21),
  `NUMERIC_PRECISION` int(21),
  `NUMERIC_SCALE` int(21),
  `DATETIME_PRECISION` bigint(21) unsigned,
  `CHARACTER_SET_NAME` varchar(64),
  `COLLATION_NAME` varchar(64),
  `DTD_IDENTIFIER` longtext NOT NULL,
  `ROUTINE_TYPE` varchar(9) NOT NULL);
CREATE TABLE `TRIGGERS` (
  `TRIGGER_CATALOG` varchar(512) NOT NULL,
  `TRIGGER_SCHEMA` varchar(64) NOT NULL,
  `TRIGGER_NAME` varchar(64) NOT NULL,
  `EVENT_MANIPULATION` varchar(6) NOT NULL,
  `EVENT_OBJECT_CATALOG` varchar(512) NOT NULL,
  `EVENT_OBJECT_SCHEMA` varchar(64) NOT NULL,
  `EVENT_OBJECT_TABLE` varchar(64) NOT NULL,
  `ACTION_ORDER` bigint(4) NOT NULL,
  `ACTION_CONDITION` longtext,
  `ACTION_STATEMENT` longtext,
  `ACTION_ORIENTATION` varchar(9) NOT NULL,
  `ACTION_TIMING` varchar(6) NOT NULL,
  `ACTION_REFERENCE_OLD_TABLE` varchar(64),
  `ACTION_REFERENCE_NEW_TABLE` varchar(64),
  `ACTION_REFERENCE_OLD_ROW` varchar(3) NOT NULL,
  `ACTION_REFERENCE_NEW_ROW` varchar(3) NOT NULL,
  `CREATED` datetime(2),
  `SQL_MODE` varchar(8192) NOT NULL,
  `DEFINER` varchar(384),
  `CHARACTER_SET_CLIENT` varchar(32) NOT NULL,
  `COLLATION_CONNECTION` varchar(64) NOT NULL,
  `DATABASE_COLLATION` varchar(64) NOT NULL);
CREATE TABLE `EVENTS` (
  `EVENT_CATALOG` varchar(64) NOT NULL,
  `EVENT_SCHEMA` varchar(64) NOT NULL,
  `EVENT_NAME` varchar(64) NOT NULL,
  `DEFINER` varchar(384) NOT NULL,
  `TIME_ZONE` varchar(64) NOT NULL,
  `EVENT_BODY` varchar(8) NOT NULL,
  `EVENT_DEFINITION` longtext NOT NULL,
  `EVENT_TYPE` varchar(9) NOT NULL,
  `EXECUTE_AT` datetime,
  `INTERVAL_VALUE` varchar(256),
  `INTERVAL_FIELD` varchar(18),
  `SQL_MODE` varchar(8192) NOT NULL,
  `STARTS` datetime,
  `ENDS` datetime,
  `STATUS` varchar(18) NOT NULL,
  `ON_COMPLETION` varchar(12) NOT NULL,
  `CREATED` datetime NOT NULL,
  `LAST_ALTERED` datetime NOT NULL,
  `LAST_EXECUTED` datetime,
  `EVENT_COMMENT` varchar(64) NOT NULL,
  `ORIGINATOR` bigint(10) NOT NULL,
  `CHARACTER_SET_CLIENT` varchar(32) NOT NULL,
  `COLLATION_CONNECTION` varchar(64) NOT NULL,
  `DATABASE_COLLATION` varchar(64) NOT NULL);
CREATE TABLE `PARTITIONS` (
  `TABLE_CATALOG` varchar(512) NOT NULL,
  `TABLE_SCHEMA` varchar(64) NOT NULL,
  `TABLE_NAME` varchar(64) NOT NULL,
  `PARTITION_NAME` varchar(64),
  `SUBPARTITION_NAME` varchar(64),
  `PARTITION_ORDINAL_POSITION` bigint(21) unsigned,
  `SUBPARTITION_ORDINAL_POSITION` bigint(21) unsigned,
  `PARTITION_METHOD` varchar(18),
  `SUBPARTITION_METHOD` varchar(12),
  `PARTITION_EXPRESSION` longtext,
  `SUBPARTITION_EXPRESSION` longtext,
  `PARTITION_DESCRIPTION` longtext,
  `TABLE_ROWS` bigint(21) unsigned NOT NULL,
  `AVG_ROW_LENGTH` bigint(21) unsigned NOT NULL,
  `DATA_LENGTH` bigint(21) unsigned NOT NULL,
  `MAX_DATA_LENGTH` bigint(21) unsigned,
  `INDEX_LENGTH` bigint(21) unsigned NOT NULL,
  `DATA_FREE` bigint(21) unsigned NOT NULL,
  `CREATE_TIME` datetime,
  `UPDATE_TIME` datetime,
  `CHECK_TIME` datetime,
  `CHECKSUM` bigint(21) unsigned,
  `PARTITION_COMMENT` varchar(80) NOT NULL,
  `NODEGROUP` varchar(12) NOT NULL,
  `TABLESPACE_NAME` varchar(64));
)sql";

// Tables that exist only to describe SHOW results (not queryable).
bool IsInternalOnly(const std::string& name) { return name == "TABLE_NAMES" || name == "OPEN_TABLES"; }

const std::map<std::string, std::shared_ptr<const TableDef>>& Definitions() {
  static const auto* defs = [] {
    auto* m = new std::map<std::string, std::shared_ptr<const TableDef>>();
    auto parsed = ParseMulti(kDefinitions, ParseOptions{});
    if (!parsed.ok()) std::abort();  // the text above is a constant
    for (const ParsedStatement& p : *parsed) {
      const auto* ct = p.stmt->As<CreateTableStmt>();
      if (ct == nullptr) std::abort();
      auto def = std::make_shared<TableDef>(ct->table);
      def->db = "information_schema";
      def->engine = "MEMORY";
      def->charset = "utf8mb4";
      def->collation = "utf8mb4_general_ci";
      (*m)[def->name] = std::move(def);
    }
    return m;
  }();
  return *defs;
}

}  // namespace

int CollationSortLength(std::string_view name) {
  if (name.find("thai_520_w2") != std::string_view::npos || name == "latin2_czech_cs" ||
      name.substr(0, 10) == "tis620_tha")
    return 4;
  if (name.find("unicode") != std::string_view::npos || name.find("_520_") != std::string_view::npos ||
      name.find("uca1400") != std::string_view::npos)
    return 8;
  if (name == "latin1_german2_ci" || name == "cp1250_czech_cs") return 2;
  return 1;
}

namespace {

std::vector<const CollationInfo*> AllCollations() {
  std::vector<const CollationInfo*> out;
  for (uint16_t id = 1; id < 2048; id++)
    if (const CollationInfo* ci = FindCollationById(id)) out.push_back(ci);
  return out;
}

std::vector<std::vector<Value>> NameValueRows(const std::vector<std::pair<std::string, std::string>>& pairs) {
  std::vector<std::vector<Value>> rows;
  for (const auto& [n, v] : pairs) rows.push_back({Value::String(Upper(n)), Value::String(v)});
  return rows;
}

}  // namespace

const std::vector<CharsetInfo>& Charsets() {
  static const std::vector<CharsetInfo> kCharsets = {
      {"big5", "Big5 Traditional Chinese", "big5_chinese_ci", 2},
      {"dec8", "DEC West European", "dec8_swedish_ci", 1},
      {"cp850", "DOS West European", "cp850_general_ci", 1},
      {"hp8", "HP West European", "hp8_english_ci", 1},
      {"koi8r", "KOI8-R Relcom Russian", "koi8r_general_ci", 1},
      {"latin1", "cp1252 West European", "latin1_swedish_ci", 1},
      {"latin2", "ISO 8859-2 Central European", "latin2_general_ci", 1},
      {"swe7", "7bit Swedish", "swe7_swedish_ci", 1},
      {"ascii", "US ASCII", "ascii_general_ci", 1},
      {"ujis", "EUC-JP Japanese", "ujis_japanese_ci", 3},
      {"sjis", "Shift-JIS Japanese", "sjis_japanese_ci", 2},
      {"hebrew", "ISO 8859-8 Hebrew", "hebrew_general_ci", 1},
      {"tis620", "TIS620 Thai", "tis620_thai_ci", 1},
      {"euckr", "EUC-KR Korean", "euckr_korean_ci", 2},
      {"koi8u", "KOI8-U Ukrainian", "koi8u_general_ci", 1},
      {"gb2312", "GB2312 Simplified Chinese", "gb2312_chinese_ci", 2},
      {"greek", "ISO 8859-7 Greek", "greek_general_ci", 1},
      {"cp1250", "Windows Central European", "cp1250_general_ci", 1},
      {"gbk", "GBK Simplified Chinese", "gbk_chinese_ci", 2},
      {"latin5", "ISO 8859-9 Turkish", "latin5_turkish_ci", 1},
      {"armscii8", "ARMSCII-8 Armenian", "armscii8_general_ci", 1},
      {"utf8mb3", "UTF-8 Unicode", "utf8mb3_general_ci", 3},
      {"ucs2", "UCS-2 Unicode", "ucs2_general_ci", 2},
      {"cp866", "DOS Russian", "cp866_general_ci", 1},
      {"keybcs2", "DOS Kamenicky Czech-Slovak", "keybcs2_general_ci", 1},
      {"macce", "Mac Central European", "macce_general_ci", 1},
      {"macroman", "Mac West European", "macroman_general_ci", 1},
      {"cp852", "DOS Central European", "cp852_general_ci", 1},
      {"latin7", "ISO 8859-13 Baltic", "latin7_general_ci", 1},
      {"utf8mb4", "UTF-8 Unicode", "utf8mb4_general_ci", 4},
      {"cp1251", "Windows Cyrillic", "cp1251_general_ci", 1},
      {"utf16", "UTF-16 Unicode", "utf16_general_ci", 4},
      {"utf16le", "UTF-16LE Unicode", "utf16le_general_ci", 4},
      {"cp1256", "Windows Arabic", "cp1256_general_ci", 1},
      {"cp1257", "Windows Baltic", "cp1257_general_ci", 1},
      {"utf32", "UTF-32 Unicode", "utf32_general_ci", 4},
      {"binary", "Binary pseudo charset", "binary", 1},
      {"geostd8", "GEOSTD8 Georgian", "geostd8_general_ci", 1},
      {"cp932", "SJIS for Windows Japanese", "cp932_japanese_ci", 2},
      {"eucjpms", "UJIS for Windows Japanese", "eucjpms_japanese_ci", 3},
  };
  return kCharsets;
}

std::vector<std::string> InformationSchemaTableNames() {
  std::vector<std::string> out;
  for (const auto& [name, def] : Definitions())
    if (!IsInternalOnly(name)) out.push_back(name);
  return out;  // std::map order: sorted
}

std::shared_ptr<const TableDef> InformationSchemaDef(std::string_view name) {
  const auto& defs = Definitions();
  auto it = defs.find(Upper(name));
  return it == defs.end() ? nullptr : it->second;
}

ColumnMeta InformationSchemaMeta(std::string_view table, std::string_view column, std::string_view alias) {
  auto def = InformationSchemaDef(table);
  if (!def) std::abort();
  int ci = def->FindColumn(std::string(column));
  if (ci < 0) std::abort();
  return ColumnMetaFor(*def, def->columns[ci], alias);
}

bool Session::IsInformationSchema(const std::string& db) {
  return db.size() == 18 && Upper(db) == "INFORMATION_SCHEMA";
}

std::shared_ptr<const TableDef> Session::InformationSchemaTable(const std::string& name_in) {
  std::string name = Upper(name_in);
  auto def = InformationSchemaDef(name);
  if (!def || IsInternalOnly(name)) return nullptr;
  Catalog& cat = engine_->catalog();
  std::vector<std::vector<Value>> rows;
  auto append = [&rows](std::vector<std::vector<Value>> more) {
    for (auto& r : more) rows.push_back(std::move(r));
  };
  // Users see only the objects they hold some privilege on, as in MariaDB.
  AccountStore& acl = engine_->accounts();
  bool see_all = system_user_ || (account_.global_privs & (kSelectAcl | kShowDbAcl)) != 0;
  auto db_visible = [&](const std::string& db) { return see_all || acl.CanAccessDatabase(account_, db); };
  auto all_tables = [&]() {
    std::vector<std::shared_ptr<const TableDef>> out;
    for (auto& t : cat.AllTables())
      if (see_all || acl.DbPrivileges(account_, t->db) != 0 || acl.TablePrivileges(account_, t->db, t->name) != 0)
        out.push_back(t);
    return out;
  };
  if (name == "SCHEMATA") {
    DatabaseDef is;
    is.name = "information_schema";
    is.charset = "utf8mb3";
    is.collation = "utf8mb3_general_ci";
    rows.push_back(InformationSchemaSchemataRow(is));
    for (const auto& d : cat.ListDatabases()) {
      auto dd = cat.GetDatabase(d);
      if (dd && db_visible(d)) rows.push_back(InformationSchemaSchemataRow(*dd));
    }
  } else if (name == "TABLES") {
    for (const auto& t : all_tables()) {
      Value count = Value::Null();
      auto n = conn_->QueryValue("SELECT count(*) FROM " + storage::QuoteIdent(t->db + "." + t->name));
      if (n.ok()) count = *n;
      Value ai = Value::Null();
      for (const auto& c : t->columns)
        if (c.auto_increment) {
          auto v = cat.PeekAutoIncrement(*conn_, *t);
          if (v.ok()) ai = Value::UInt(*v);
        }
      rows.push_back(InformationSchemaTablesRow(*t, count, ai, Value::Null()));
    }
  } else if (name == "COLUMNS") {
    for (const auto& t : all_tables()) append(InformationSchemaColumnsRows(*t));
  } else if (name == "STATISTICS") {
    for (const auto& t : all_tables()) append(InformationSchemaStatisticsRows(*t));
  } else if (name == "TABLE_CONSTRAINTS") {
    for (const auto& t : all_tables()) append(InformationSchemaTableConstraintsRows(*t));
  } else if (name == "KEY_COLUMN_USAGE") {
    for (const auto& t : all_tables()) append(InformationSchemaKeyColumnUsageRows(*t));
  } else if (name == "CHECK_CONSTRAINTS") {
    for (const auto& t : all_tables()) append(InformationSchemaCheckConstraintsRows(*t));
  } else if (name == "CHARACTER_SETS") {
    for (const CharsetInfo& c : Charsets())
      rows.push_back({Value::String(c.name), Value::String(c.default_collation), Value::String(c.description),
                      Value::Int(c.maxlen)});
  } else if (name == "COLLATIONS") {
    for (const CollationInfo* ci : AllCollations())
      rows.push_back({Value::String(ci->name), Value::String(ci->charset), Value::Int(ci->id),
                      Value::String(ci->is_default ? "Yes" : ""), Value::String("Yes"),
                      Value::Int(CollationSortLength(ci->name))});
  } else if (name == "COLLATION_CHARACTER_SET_APPLICABILITY") {
    for (const CollationInfo* ci : AllCollations())
      rows.push_back({Value::String(ci->name), Value::String(ci->charset), Value::String(ci->name),
                      Value::Int(ci->id), Value::String(ci->is_default ? "Yes" : "")});
  } else if (name == "ENGINES") {
    rows = EngineRows();
  } else if (name == "SESSION_VARIABLES" || name == "GLOBAL_VARIABLES") {
    rows = NameValueRows(vars_->Show(name[0] == 'S' ? SysVarScope::kSession : SysVarScope::kGlobal, std::nullopt));
  } else if (name == "SESSION_STATUS" || name == "GLOBAL_STATUS") {
    rows = NameValueRows(engine_->status().Show(name[0] == 'S' ? &status_counters_ : nullptr, std::nullopt));
  } else if (name == "PROCESSLIST") {
    for (const auto& p : engine_->processlist().Snapshot()) {
      rows.push_back({Value::Int(static_cast<int64_t>(p.id)), Value::String(p.user), Value::String(p.host),
                      p.db.empty() ? Value::Null() : Value::String(p.db), Value::String(p.command),
                      Value::Int(p.time_seconds), Value::String(p.state),
                      p.info.empty() ? Value::Null() : Value::String(p.info), Value::Double(p.time_ms),
                      Value::Int(0), Value::Int(0), Value::Int(0), Value::Int(0), Value::Int(0), Value::Int(0),
                      Value::Int(0), p.info.empty() ? Value::Null() : Value::String(p.info), Value::Int(0)});
    }
  }
  // Anything else (VIEWS, ROUTINES, TRIGGERS, ...): objects relaydb does
  // not have, an empty table.

  std::string table = storage::QuoteIdent("information_schema." + name);
  std::string create = "CREATE TEMP TABLE " + table + " (";
  for (size_t i = 0; i < def->columns.size(); i++)
    create += (i ? ", " : "") + SqliteColumnDecl(def->columns[i], def->collation);
  create += ")";
  if (!conn_->Exec("DROP TABLE IF EXISTS temp." + table).ok()) return nullptr;
  if (!conn_->Exec(create).ok()) return nullptr;
  std::string ins = "INSERT INTO temp." + table + " VALUES (";
  for (size_t i = 0; i < def->columns.size(); i++) ins += i ? ", ?" : "?";
  ins += ")";
  storage::Statement st;
  if (!conn_->PrepareUncached(ins, &st).ok()) return nullptr;
  CoerceContext ctx;
  ctx.sql_mode = 0;  // not strict: values are clipped, never rejected
  for (const auto& r : rows) {
    for (size_t i = 0; i < def->columns.size(); i++) {
      const ColumnDef& col = def->columns[i];
      Value v = i < r.size() ? r[i] : Value::Null();
      if (!v.is_null()) {
        auto stored = CoerceToStored(col, v, ctx);
        v = stored.ok() ? *stored : Value::Null();
      }
      if (!BindStored(st, static_cast<int>(i + 1), col, v).ok()) return nullptr;
    }
    if (!st.Run().ok()) return nullptr;
    st.Reset();
  }
  return def;
}

std::vector<std::vector<Value>> EngineRows() {
  auto row = [](const char* e, const char* support, const char* comment, const char* t, const char* xa,
                const char* sp) {
    return std::vector<Value>{Value::String(e),  Value::String(support), Value::String(comment),
                              Value::String(t),  Value::String(xa),      Value::String(sp)};
  };
  return {row("CSV", "YES", "Stores tables as CSV files", "NO", "NO", "NO"),
          row("MRG_MyISAM", "YES", "Collection of identical MyISAM tables", "NO", "NO", "NO"),
          row("MEMORY", "YES", "Hash based, stored in memory, useful for temporary tables", "NO", "NO", "NO"),
          row("Aria", "YES",
              "Crash-safe tables with MyISAM heritage. Used for internal temporary tables and privilege tables",
              "NO", "NO", "NO"),
          row("MyISAM", "YES", "Non-transactional engine with good performance and small data footprint", "NO",
              "NO", "NO"),
          row("SEQUENCE", "YES", "Generated tables filled with sequential values", "YES", "NO", "YES"),
          row("InnoDB", "DEFAULT",
              "Supports transactions, row-level locking, foreign keys and encryption for tables", "YES", "YES",
              "YES"),
          row("PERFORMANCE_SCHEMA", "YES", "Performance Schema", "NO", "NO", "NO")};
}

}  // namespace relaydb::sql
