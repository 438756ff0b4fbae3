// Translation of MySQL queries and expressions (sql/ast.h) into SQLite SQL,
// with MySQL's name resolution and result typing.
//
// The translator resolves every column reference against the tables in scope
// (so unknown names fail with MySQL's 1054/1052 instead of SQLite's
// messages), expands `*`, maps MySQL operators and functions onto SQLite's
// or relaydb's registered functions (sql/functions.h), and computes for each
// result column the MySQL metadata (common/mysql_types.h ColumnMeta) and how
// to turn the SQLite value back into MySQL's text (OutputColumn).
//
// Storage mapping: docs/architecture.md. A MySQL table db.t is the SQLite
// table "db.t"; every table reference is given an SQLite alias so emitted
// column references are always `"alias"."col"`.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common/mysql_types.h"
#include "common/status.h"
#include "common/value.h"
#include "sql/ast.h"
#include "sql/functions.h"
#include "sql/schema.h"

struct sqlite3_stmt;

namespace relaydb::sql {

// Static type of a translated expression.
struct ExprType {
  ResultType family = ResultType::kString;
  int decimals = -1;                  // scale for DECIMAL, fsp for temporals, -1 = not fixed
  const ColumnDef* column = nullptr;  // set when the expression is a plain column reference
  std::shared_ptr<const TableDef> table;  // owner of `column`
  bool nullable = true;
  bool is_literal = false;
  bool is_null_literal = false;
  bool is_row = false;  // (a, b, ...) row constructor, or a row subquery
  int row_size = 0;     // number of columns of a row value (0 = scalar)
  bool user_var = false;  // @name: MariaDB types these as LONGLONG/DOUBLE/DECIMAL/LONGBLOB
  // Maximum length in characters (strings) or digits (numbers), as MariaDB's
  // max_length; -1 = unknown. Drives result metadata (length, and VARCHAR
  // vs BLOB types for long strings).
  int64_t max_len = -1;
  // Set when the value is a column's stored value passed through unchanged
  // (MIN/MAX, IF, IFNULL, COALESCE, CASE over columns of one type): it is
  // then described and decoded like that column. `table` owns it.
  const ColumnDef* origin = nullptr;
  // kInt/kUnsigned results MariaDB types INT (MYSQL_TYPE_LONG) whatever
  // their width (its Item_long_func: LENGTH, LOCATE, YEAR ...).
  bool long_int = false;
  bool sysvar = false;  // @@name: integers are always BIGINT (LONGLONG) in MariaDB

  bool IsNumeric() const {
    return family == ResultType::kInt || family == ResultType::kUnsigned ||
           family == ResultType::kDecimal || family == ResultType::kDouble;
  }
  bool IsExact() const {
    return family == ResultType::kInt || family == ResultType::kUnsigned ||
           family == ResultType::kDecimal;
  }
  bool IsStringy() const {
    return family == ResultType::kString || family == ResultType::kBinary ||
           family == ResultType::kJson;
  }
};

// One result column: its metadata and how to decode the SQLite value.
struct OutputColumn {
  ColumnMeta meta;
  ExprType type;
};

// Decodes column `i` of the current row of `stmt` into the Value MySQL sends.
// `binary_protocol`: typed values for COM_STMT_EXECUTE rows; else MariaDB's
// text forms.
Value DecodeOutput(const OutputColumn& col, sqlite3_stmt* stmt, int i, bool binary_protocol);
// Same, from a Value read out of SQLite by storage class.
Value DecodeStoredValue(const OutputColumn& col, const Value& stored, bool binary_protocol);
// Metadata for an expression result named `name`.
ColumnMeta MetaForType(const ExprType& t, const std::string& name);

// What the translator needs from the session.
struct TranslateEnv {
  std::string current_db;
  // Finds a table definition; nullptr if it does not exist.
  std::function<std::shared_ptr<const TableDef>(const std::string& db, const std::string& name)>
      find_table;
  // Value of @@[scope.]name, or an error (1193 ...).
  std::function<Result<Value>(const std::string& name, VarScope scope)> sysvar;
  const std::vector<Value>* params = nullptr;  // bound `?` values (prepared statements)
  uint64_t sql_mode = 0;
  int div_precision_increment = 4;
  // Collation for comparing two non-column strings (collation_connection).
  std::string literal_collation = "rdb_ci";
  // Called for every base table a query reads (SELECT privilege check);
  // may be empty.
  std::function<Status(const TableDef& table)> on_table_read;
  // Current value of @name (for result typing); may be empty.
  std::function<Value(const std::string& name)> user_var;
  // Its MySQL type family when known (DECIMAL values are kept as text).
  std::function<std::optional<ResultType>(const std::string& name)> user_var_family;
};

// A translated SELECT.
struct TranslatedQuery {
  std::string sql;
  std::vector<OutputColumn> columns;
  std::vector<Value> binds;  // values for the ?NNN parameters in `sql`, 1-based order
  bool has_into = false;
};

// Tables of a FROM clause in scope for name resolution.
struct ScopeTable {
  std::string alias;   // what the query calls it (table name or alias)
  std::string sqlite_alias;
  std::string db;      // database of a base table ("" for derived tables)
  std::shared_ptr<const TableDef> def;  // base table definition, or synthesized for derived
  std::vector<ExprType> derived_types;  // for derived tables: per column
  bool nullable_side = false;           // inner side of an outer join
};

class Scope;

class Translator {
 public:
  explicit Translator(TranslateEnv env, std::string_view sql_text)
      : env_(std::move(env)), sql_text_(sql_text) {}

  // A whole SELECT (or UNION ...) statement.
  Result<TranslatedQuery> TranslateQuery(const QueryExpr& q);

  // A scalar expression over the given tables (UPDATE SET / WHERE, DELETE
  // WHERE, INSERT VALUES). `clause` names the clause for error 1054
  // ("SELECT", "WHERE", ...).
  Result<std::string> TranslateExpr(const Expr& e, const std::vector<ScopeTable>& tables,
                                    const char* clause, ExprType* type);

  // A FROM list (tables and joins) for multi-table UPDATE/DELETE: the
  // SQLite FROM text, and the tables in scope for TranslateExpr.
  Result<std::string> TranslateFromList(const std::vector<TableRefPtr>& from, std::vector<ScopeTable>* tables);

  // Hook for UPDATE: MySQL assigns SET items left to right, so a column
  // assigned earlier reads as its new value; returns that SQL (or empty).
  std::function<std::string(const ScopeTable& table, int column)> column_override;

  // Values collected for ?NNN parameters while translating.
  std::vector<Value>& binds() { return binds_; }

  // Hook for VALUES(col) inside ON DUPLICATE KEY UPDATE: returns the SQLite
  // text to use (e.g. excluded."col") or empty to reject.
  std::function<std::string(const std::string& column)> values_func;

  // Source text of a span.
  std::string_view Text(const SourceSpan& s) const { return s.In(sql_text_); }

  // Builds a scope entry for a base table.
  static ScopeTable BaseTable(std::shared_ptr<const TableDef> def, const std::string& alias,
                              const std::string& sqlite_alias);

 private:
  friend class Scope;
  struct QueryOut;
  Status TranslateQueryInto(const QueryExpr& q, const Scope* outer, QueryOut* out);
  Status TranslateSelectCore(const SelectCore& s, const QueryExpr* q, const Scope* outer,
                             QueryOut* out);
  Status TranslateFrom(const TableRef& ref, Scope* scope, std::string* out);
  Status TranslateOrderBy(const std::vector<OrderItem>& items, Scope* scope,
                          const std::vector<std::string>* select_exprs,
                          const std::vector<OutputColumn>* select_cols, std::string* out);
  Status TranslateLimit(const LimitClause& l, std::string* out);
  Result<std::string> Expr_(const Expr& e, Scope* scope, ExprType* type);
  Result<std::string> Function(const Expr& e, Scope* scope, ExprType* type);
  Result<std::string> Literal(const Expr& e, ExprType* type);
  Result<std::string> Binary(const Expr& e, Scope* scope, ExprType* type);
  Result<std::string> Cast(const Expr& e, Scope* scope, ExprType* type);
  Result<std::string> ColumnRef(const Expr& e, Scope* scope, ExprType* type);
  Result<std::string> Subquery(const QueryExpr& q, Scope* scope, ExprType* type);
  std::string Bind(const Value& v);
  std::string NewAlias();

  TranslateEnv env_;
  std::string_view sql_text_;
  std::vector<Value> binds_;
  int alias_counter_ = 0;
  struct CteEntry {
    std::string name;         // as the query names it
    std::string sqlite_name;  // unique SQLite CTE name
    std::vector<OutputColumn> columns;
  };
  std::vector<CteEntry> ctes_;  // CTEs in scope, innermost last
  const char* clause_ = "SELECT";
};

// MySQL's name for an unaliased select item: the source text of the
// expression (column references: the column name).
std::string SelectItemName(const Expr& e, std::string_view sql_text);

// SQLite table name for db.t.
inline std::string SqliteTableName(const std::string& db, const std::string& table) {
  return db + "." + table;
}

// Family of a catalog column.
ExprType TypeOfColumn(const ColumnDef& c);

}  // namespace relaydb::sql
