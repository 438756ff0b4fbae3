// The persistent catalog of MySQL definitions (docs/architecture.md,
// "Storage mapping"): databases and TableDefs kept in the SQLite tables
//   rdb_databases(name PRIMARY KEY, charset, collation)
//   rdb_tables(db, name, id, def, PRIMARY KEY(db, name))  -- def: TableDef as JSON
//   rdb_autoinc(db, name, next, PRIMARY KEY(db, name))     -- AUTO_INCREMENT counters
// and, in memory, an immutable snapshot per table for lock-free readers.
//
// DDL protocol (MySQL DDL autocommits; the executor runs each DDL statement
// in its own SQLite transaction while holding the server-wide write lock):
//
//   CatalogChange change;
//   conn.Exec("BEGIN IMMEDIATE");
//   Status s = catalog.CreateTable(conn, &change, def, options);   // any number of ops
//   if (s.ok()) s = conn.Exec("COMMIT");
//   if (s.ok()) catalog.Publish(std::move(change)); else conn.Exec("ROLLBACK");
//
// Each DDL operation (a) runs the SQLite DDL, (b) updates the rdb_* rows,
// both on the caller's connection inside the caller's transaction, and
// (c) records the in-memory update in `change`. Nothing readers see changes
// until Publish(): a ROLLBACK just drops the CatalogChange. Operations of one
// statement share one CatalogChange and see each other's effects (RENAME
// TABLE a TO tmp, b TO a, tmp TO b; DROP TABLE t1, t2). Publish() must be
// called before the write lock is released, so the next writer sees the
// new definitions.
//
// SQLite side: user table `db`.`t` is SQLite table "db.t" (a rowid table),
// columns per types.h SqliteColumnDecl. Every MySQL key becomes a SQLite
// index named "rdb_ix<id>_<key name>" (id: the table's stable number in
// rdb_tables, so RENAME TABLE never touches indexes): PRIMARY KEY and
// UNIQUE become UNIQUE indexes (so INSERT OR REPLACE / ON CONFLICT see
// them); a UNIQUE prefix key c(n) is a unique index on substr(c, 1, n);
// prefixes of non-unique keys are ignored (the full value is indexed);
// FULLTEXT keys are plain indexes.
//
// Thread-safety: reads (GetTable, ListTables, ...) may run concurrently
// with each other and with DDL preparation; Publish takes the lock
// exclusively. DDL methods must be serialized by the caller (write lock).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "common/value.h"
#include "sql/schema.h"
#include "sql/types.h"
#include "storage/sqlite_db.h"

namespace relaydb::sql {

struct DatabaseDef {
  std::string name;
  std::string charset = "utf8mb4";
  std::string collation = "utf8mb4_general_ci";
};

// The server defaults (Debian's MariaDB 10.11: character-set-server =
// utf8mb4, collation-server = utf8mb4_general_ci).
inline constexpr char kServerCharset[] = "utf8mb4";
inline constexpr char kServerCollation[] = "utf8mb4_general_ci";

// In-memory effects of DDL run in one SQLite transaction, applied by
// Catalog::Publish after COMMIT. Also carries the notes/warnings the DDL
// produced (e.g. Note 1071 for an automatically shortened key).
class CatalogChange {
 public:
  bool empty() const { return ops_.empty(); }
  std::vector<SqlWarning> warnings;
  // What the statement reports in its OK packet: affected rows (CREATE
  // DATABASE: 1; DROP DATABASE: the tables dropped; ALTER TABLE: the rows
  // MariaDB's copy algorithm would copy, 0 for changes InnoDB makes in place)
  // and whether it carries "Records: n  Duplicates: 0  Warnings: w" (ALTER
  // TABLE other than a bare RENAME, CREATE/DROP INDEX, CREATE TABLE ...
  // SELECT: n = records, duplicates = rows a unique key skipped).
  uint64_t affected_rows = 0;
  bool records_info = false;
  uint64_t records = 0;
  uint64_t duplicates = 0;
  // An error to report after the change is committed: DROP TABLE a, b drops
  // the tables that exist and then fails with 1051 for the missing ones.
  Status error_after_commit;
  // When non-empty, the statement text the binary log records instead of
  // the client's (that DROP TABLE names only the tables it dropped).
  std::string binlog_query;

 private:
  friend class Catalog;
  struct Op {
    enum class Kind : uint8_t { kPutDatabase, kDropDatabase, kPutTable, kDropTable, kResetAutoInc };
    Kind kind;
    std::string db;
    std::string name;
    DatabaseDef database;
    std::shared_ptr<const TableDef> table;
    int64_t table_id = 0;
  };
  std::vector<Op> ops_;
};

// One ALTER TABLE operation, as the parser produces it.
struct TableAlterOp {
  enum class Kind : uint8_t {
    kAddColumn,      // column; first/after
    kDropColumn,     // name; if_exists
    kModifyColumn,   // name (old) + column (new definition, may rename = CHANGE); first/after
    kRenameColumn,   // name -> new_name
    kSetDefault,     // name; column.default_value / default_is_expression / default_is_null
    kDropDefault,    // name
    kAddIndex,       // index (name may be empty: generated); if_not_exists
    kDropIndex,      // name; if_exists
    kDropPrimaryKey,
    kRenameIndex,    // name -> new_name
    kRenameTable,    // new_db (empty = same), new_name
    kTableOptions,   // engine / charset / collation / comment / auto_increment below;
                     // convert_charset: CONVERT TO CHARACTER SET (columns too)
    kForce,          // FORCE / ENGINE rebuild: nothing changes, but it is an ALTER
  };
  Kind kind = Kind::kAddColumn;
  std::string name;
  std::string new_name;
  std::string new_db;
  ColumnDef column;
  IndexDef index;
  bool first = false;
  std::string after;  // AFTER column; empty = none
  bool if_exists = false;
  bool if_not_exists = false;
  std::optional<std::string> engine, charset, collation, comment;
  std::optional<uint64_t> auto_increment;
  bool convert_charset = false;
};

struct DdlOptions {
  uint64_t sql_mode = kDefaultSqlMode;
  bool if_exists = false;      // DROP ... IF EXISTS
  bool if_not_exists = false;  // CREATE ... IF NOT EXISTS
  // 'YYYY-MM-DD hh:mm:ss.ffffff' for CURRENT_TIMESTAMP defaults of columns
  // ALTER TABLE adds to existing rows, in the session's @@time_zone.
  std::string now;
  std::string time_zone;
};

class Catalog {
 public:
  // Creates the rdb_* tables (and the `mysql` database) if missing and
  // loads every definition. `conn` must not be inside a transaction; it is
  // only used during Open.
  static Result<std::unique_ptr<Catalog>> Open(storage::Connection& conn);

  // ---- Reads (thread-safe) ----

  // Incremented by every Publish that changed something.
  uint64_t version() const { return version_.load(std::memory_order_acquire); }
  bool DatabaseExists(std::string_view db) const;
  std::optional<DatabaseDef> GetDatabase(std::string_view db) const;
  // SHOW DATABASES: "information_schema" plus the databases, sorted as
  // MariaDB sorts them (bytewise). A new data directory has an empty
  // `mysql` database (made by Open); relaydb has no performance_schema or
  // sys databases.
  std::vector<std::string> ListDatabases() const;
  // Tables of `db`, sorted bytewise; empty if the database does not exist.
  std::vector<std::string> ListTables(std::string_view db) const;
  // The table's definition snapshot, or nullptr. Table and database names
  // are case-sensitive (lower_case_table_names=0, as MariaDB on Linux).
  std::shared_ptr<const TableDef> GetTable(std::string_view db, std::string_view name) const;
  // The same as GetTable.
  std::shared_ptr<const TableDef> FindTable(std::string_view db, std::string_view name) const {
    return GetTable(db, name);
  }
  // All tables of all databases (information_schema queries).
  std::vector<std::shared_ptr<const TableDef>> AllTables() const;

  // ---- DDL (see the protocol above) ----

  // 1007 "Can't create database 'x'; database exists" (Note with IF NOT EXISTS);
  // 1102 "Incorrect database name 'x'" for names relaydb cannot map ('.'),
  // 1059 for names over 64 characters.
  Status CreateDatabase(storage::Connection& conn, CatalogChange* change, const DatabaseDef& db,
                        const DdlOptions& options = {});
  // Drops the database and its tables. 1008 "Can't drop database 'x';
  // database doesn't exist" (Note with IF EXISTS).
  Status DropDatabase(storage::Connection& conn, CatalogChange* change, std::string_view db,
                      const DdlOptions& options = {});
  // Validates `def` as MariaDB does (errors in the .cc), fills generated key
  // names, orders keys as MariaDB, canonicalizes defaults, shortens
  // over-long non-unique keys (Note 1071), and creates the SQLite table and
  // indexes. 1050 "Table 't' already exists" (Note with IF NOT EXISTS),
  // 1049 "Unknown database 'x'".
  Status CreateTable(storage::Connection& conn, CatalogChange* change, TableDef def,
                     const DdlOptions& options = {});
  // 1051 "Unknown table 'db.t'" (Note with IF EXISTS). For DROP TABLE a, b
  // with several missing tables MariaDB lists them all in one message:
  // use UnknownTableError() to build it.
  Status DropTable(storage::Connection& conn, CatalogChange* change, std::string_view db,
                   std::string_view name, const DdlOptions& options = {});
  // RENAME TABLE / ALTER TABLE ... RENAME, also across databases.
  // 1146 missing source, 1050 target exists, 1025 target database missing.
  Status RenameTable(storage::Connection& conn, CatalogChange* change, std::string_view db,
                     std::string_view name, std::string_view new_db, std::string_view new_name);
  // Deletes all rows and resets AUTO_INCREMENT. 1146 if missing.
  Status TruncateTable(storage::Connection& conn, CatalogChange* change, std::string_view db,
                       std::string_view name);
  // Applies `ops` in order to a copy of the definition, validates the result
  // like CreateTable, and rebuilds the SQLite table when columns changed
  // (rows copied in rowid order through CoerceToStored with MariaDB's ALTER
  // semantics: strict mode errors 1265/1264/1292, else warnings in
  // change->warnings) or re-creates indexes when only keys changed.
  // Errors: 1146, 1054 "Unknown column 'c' in 't'", 1060, 1061, 1068,
  // 1091 "Can't DROP INDEX `k`; check that it exists" / "Can't DROP COLUMN
  // `c`; check that it exists", 1090 (dropping every column), 1062
  // "Duplicate entry 'v' for key 'k'" when a new unique key meets duplicates.
  Status AlterTable(storage::Connection& conn, CatalogChange* change, std::string_view db,
                    std::string_view name, const std::vector<TableAlterOp>& ops,
                    const DdlOptions& options = {});

  // Makes the changes visible to readers. Call after COMMIT succeeded.
  void Publish(CatalogChange change);

  // ---- AUTO_INCREMENT (MySQL semantics: next = max(counter, max(col) + 1)) ----

  // Reserves `count` consecutive values for an INSERT into `table` and
  // returns the first. The counter is persisted in rdb_autoinc inside the
  // caller's transaction; values handed out are never handed out again by
  // this process even if the transaction rolls back (gaps, like InnoDB).
  Result<uint64_t> ReserveAutoIncrement(storage::Connection& conn, const TableDef& table,
                                        uint64_t count = 1);
  // After a row was written with an explicit value `v` in the AUTO_INCREMENT
  // column (INSERT with a value, UPDATE, a replicated row event): the
  // counter becomes max(counter, v + 1).
  Status NoteAutoIncrementValue(storage::Connection& conn, const TableDef& table, uint64_t v);
  // The next value (SHOW CREATE TABLE's AUTO_INCREMENT=, information_schema).
  Result<uint64_t> PeekAutoIncrement(storage::Connection& conn, const TableDef& table);

  // The SQLite table name of `db`.`name`: "db.name".
  static std::string SqliteTableName(std::string_view db, std::string_view name);
  // The SQLite index name of key `key` of table `db`.`name`, or "" if the
  // table is unknown (for diagnostics; executors normally need no names).
  std::string SqliteIndexName(std::string_view db, std::string_view name,
                              std::string_view key) const;
  // Maps a SQLite unique violation on "db.t" (storage::ConstraintInfo from
  // the error message) to the MySQL key it belongs to, or nullptr.
  static const IndexDef* KeyForConstraint(const TableDef& table,
                                          const storage::ConstraintInfo& info,
                                          std::string_view sqlite_index_prefix = {});

 private:
  Catalog() = default;
  struct TableEntry {
    std::shared_ptr<const TableDef> def;
    int64_t id = 0;
  };
  struct DbEntry {
    DatabaseDef def;
    std::map<std::string, TableEntry> tables;
  };
  struct AutoIncEntry {
    uint64_t next = 0;
    bool loaded = false;
  };

  // A view of a table or database that includes `change`'s pending ops.
  const TableEntry* LookupTable(const CatalogChange* change, std::string_view db,
                                std::string_view name, TableEntry* scratch) const;
  bool LookupDatabase(const CatalogChange* change, std::string_view db, DatabaseDef* out) const;
  std::vector<std::string> PendingTableNames(const CatalogChange* change, std::string_view db) const;

  Status Load(storage::Connection& conn);
  Status WriteTableRow(storage::Connection& conn, const TableDef& def, int64_t id);
  Status CreateSqliteIndexes(storage::Connection& conn, const TableDef& def, int64_t id);
  Status DropSqliteIndexes(storage::Connection& conn, const TableDef& def, int64_t id);
  Status CheckDuplicatesForKey(storage::Connection& conn, const TableDef& def,
                               const IndexDef& key);
  Status RebuildTable(storage::Connection& conn, CatalogChange* change, const TableDef& old_def,
                      const TableDef& new_def, int64_t id,
                      const std::vector<int>& source_of_new_column, const DdlOptions& options);
  Status PersistAutoInc(storage::Connection& conn, const TableDef& def, uint64_t next);
  Status LoadAutoIncLocked(storage::Connection& conn, const TableDef& table, AutoIncEntry* e);

  mutable std::shared_mutex mu_;
  std::map<std::string, DbEntry> dbs_;  // protected by mu_
  int64_t next_table_id_ = 1;           // DDL only (serialized by the caller)
  std::atomic<uint64_t> version_{0};

  std::mutex autoinc_mu_;
  std::map<std::string, AutoIncEntry> autoinc_;  // key "db\0name"; protected by autoinc_mu_
};

// ---------------------------------------------------------------------------
// Validation and normalization shared by CREATE and ALTER.

// Checks `def` as MariaDB's CREATE TABLE does and normalizes it: generated
// key names (first column, then _2, _3 ... on clashes), PRIMARY KEY columns
// NOT NULL, canonical DEFAULT texts (CanonicalDefaultText), non-unique keys
// over 3072 bytes shortened with Note 1071, keys in MariaDB's order
// (PRIMARY, then UNIQUE keys of NOT NULL columns, other UNIQUE, then the
// rest in declaration order, FULLTEXT last). Notes go to *warnings.
Status NormalizeTableDef(TableDef* def, uint64_t sql_mode, std::vector<SqlWarning>* warnings);

// 1051 "Unknown table 'd.a,d.b'" for DROP TABLE with missing tables.
Status UnknownTableError(const std::vector<std::string>& qualified_names);
// 1146 "Table 'db.t' doesn't exist".
Status TableDoesNotExist(std::string_view db, std::string_view name);

// Serialization of a TableDef (rdb_tables.def): JSON text, round-trips
// every field.
std::string SerializeTableDef(const TableDef& def);
Result<TableDef> ParseTableDef(std::string_view text);

// ---------------------------------------------------------------------------
// Rendering, byte-exact with MariaDB 10.11.

// "int(11)", "int(10) unsigned zerofill", "varchar(20)", "decimal(10,2)",
// "enum('a','b')", "datetime(3)", "year(4)", "bit(1)", "longtext" (JSON).
std::string ColumnTypeText(const ColumnType& type);
// The DATA_TYPE of information_schema.COLUMNS ("int", "varchar", "longtext" for JSON).
std::string DataTypeName(const ColumnType& type);
// How SHOW CREATE TABLE / DATABASE spell identifiers and options.
struct ShowCreateStyle {
  // '`', or '"' under sql_mode ANSI_QUOTES.
  char quote = '`';
  // sql_quote_show_create=1: quote every identifier. When 0, only names
  // that need it are quoted: keywords (is_keyword), names with characters
  // other than [A-Za-z0-9_$] in one byte, and names of digits only.
  bool always_quote = true;
  std::function<bool(std::string_view)> is_keyword;
  // The table options after ")" (ENGINE=...); omitted under sql_mode
  // NO_TABLE_OPTIONS and the foreign-database modes (ANSI, POSTGRESQL, ...).
  bool table_options = true;

  // The style for a session's sql_mode and sql_quote_show_create.
  static ShowCreateStyle For(uint64_t sql_mode, bool quote_show_create,
                             std::function<bool(std::string_view)> is_keyword = nullptr);
};
// SHOW CREATE TABLE's second column. `auto_increment_next` (> 1) prints
// AUTO_INCREMENT=n when the table has an AUTO_INCREMENT column; 0 = use
// def.auto_increment.
std::string ShowCreateTable(const TableDef& def, uint64_t auto_increment_next = 0,
                            const ShowCreateStyle& style = {});
// DESCRIBE / SHOW COLUMNS rows: Field, Type, Null, Key, Default, Extra.
std::vector<std::vector<Value>> DescribeRows(const TableDef& def);
// SHOW INDEX rows: Table, Non_unique, Key_name, Seq_in_index, Column_name,
// Collation, Cardinality, Sub_part, Packed, Null, Index_type, Comment,
// Index_comment, Ignored. Cardinality is 0 (row counts are not kept).
std::vector<std::vector<Value>> ShowIndexRows(const TableDef& def);

// information_schema rows, with MariaDB 10.11's column lists:
// COLUMNS: TABLE_CATALOG, TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME,
//   ORDINAL_POSITION, COLUMN_DEFAULT, IS_NULLABLE, DATA_TYPE,
//   CHARACTER_MAXIMUM_LENGTH, CHARACTER_OCTET_LENGTH, NUMERIC_PRECISION,
//   NUMERIC_SCALE, DATETIME_PRECISION, CHARACTER_SET_NAME, COLLATION_NAME,
//   COLUMN_TYPE, COLUMN_KEY, EXTRA, PRIVILEGES, COLUMN_COMMENT,
//   IS_GENERATED, GENERATION_EXPRESSION
std::vector<std::string> InformationSchemaColumnsColumns();
std::vector<std::vector<Value>> InformationSchemaColumnsRows(const TableDef& def);
// TABLES: TABLE_CATALOG, TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE, ENGINE,
//   VERSION, ROW_FORMAT, TABLE_ROWS, AVG_ROW_LENGTH, DATA_LENGTH,
//   MAX_DATA_LENGTH, INDEX_LENGTH, DATA_FREE, AUTO_INCREMENT, CREATE_TIME,
//   UPDATE_TIME, CHECK_TIME, TABLE_COLLATION, CHECKSUM, CREATE_OPTIONS,
//   TABLE_COMMENT, MAX_INDEX_LENGTH, TEMPORARY. Sizes/times the caller
//   may know go in as arguments; NULL otherwise.
std::vector<std::string> InformationSchemaTablesColumns();
std::vector<Value> InformationSchemaTablesRow(const TableDef& def, const Value& table_rows,
                                              const Value& auto_increment,
                                              const Value& create_time);
// STATISTICS: TABLE_CATALOG, TABLE_SCHEMA, TABLE_NAME, NON_UNIQUE,
//   INDEX_SCHEMA, INDEX_NAME, SEQ_IN_INDEX, COLUMN_NAME, COLLATION,
//   CARDINALITY, SUB_PART, PACKED, NULLABLE, INDEX_TYPE, COMMENT,
//   INDEX_COMMENT, IGNORED
std::vector<std::string> InformationSchemaStatisticsColumns();
std::vector<std::vector<Value>> InformationSchemaStatisticsRows(const TableDef& def);
// TABLE_CONSTRAINTS: CONSTRAINT_CATALOG, CONSTRAINT_SCHEMA, CONSTRAINT_NAME,
//   TABLE_SCHEMA, TABLE_NAME, CONSTRAINT_TYPE: the PRIMARY KEY, UNIQUE keys
//   and the CHECK (json_valid(..)) of JSON columns, in key order.
std::vector<std::vector<Value>> InformationSchemaTableConstraintsRows(const TableDef& def);
// KEY_COLUMN_USAGE: CONSTRAINT_CATALOG, CONSTRAINT_SCHEMA, CONSTRAINT_NAME,
//   TABLE_CATALOG, TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION,
//   POSITION_IN_UNIQUE_CONSTRAINT, REFERENCED_TABLE_SCHEMA,
//   REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME: one row per part of the
//   PRIMARY KEY and the UNIQUE keys.
std::vector<std::vector<Value>> InformationSchemaKeyColumnUsageRows(const TableDef& def);
// CHECK_CONSTRAINTS: CONSTRAINT_CATALOG, CONSTRAINT_SCHEMA, TABLE_NAME,
//   CONSTRAINT_NAME, LEVEL, CHECK_CLAUSE (the json_valid() of JSON columns).
std::vector<std::vector<Value>> InformationSchemaCheckConstraintsRows(const TableDef& def);
// SCHEMATA: CATALOG_NAME, SCHEMA_NAME, DEFAULT_CHARACTER_SET_NAME,
//   DEFAULT_COLLATION_NAME, SQL_PATH, SCHEMA_COMMENT
std::vector<std::string> InformationSchemaSchemataColumns();
std::vector<Value> InformationSchemaSchemataRow(const DatabaseDef& db);

// MariaDB's quoting: `a``b` identifiers; 'it''s' strings with \\ for '\'
// and \0 \n \r \Z escapes (SHOW CREATE TABLE's DEFAULT and COMMENT).
std::string QuoteIdentifier(std::string_view name);
// An identifier as `style` prints it (see ShowCreateStyle).
std::string QuoteIdentifier(std::string_view name, const ShowCreateStyle& style);
std::string QuoteStringLiteral(std::string_view s);

}  // namespace relaydb::sql
