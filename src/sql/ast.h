// The abstract syntax tree of relaydb's MySQL/MariaDB dialect: what
// sql/parser.h produces and the executor consumes.
//
// Shape:
//  * Statements are structs derived from `Statement`, tagged by
//    `StatementKind`; exactly one struct per kind. Downcast with
//    `stmt.As<SelectStmt>()` (nullptr if the kind differs) or switch on
//    `stmt.kind` and `static_cast`.
//  * Expressions are one tree type, `Expr`, tagged by `ExprKind`; each kind
//    documents which fields it uses. Children are owned (`ExprPtr`).
//  * Queries (SELECT, UNION/INTERSECT/EXCEPT, parenthesized queries) are
//    `QueryExpr` trees; a plain SELECT block is a `SelectCore`.
//  * CREATE TABLE fills `TableDef` / `ColumnDef` / `IndexDef` (sql/schema.h)
//    directly; what schema.h cannot hold sits beside it (`ColumnAttrs`).
//
// Source spans: every Expr, query, table reference and statement records its
// byte range (`SourceSpan`) in the exact string handed to ParseOne/ParseMulti
// (not relative to the statement), so the executor can name an unaliased
// result column by its source text as MySQL does and quote it in errors. The
// span of a parenthesized expression covers its parentheses.
//
// Names: identifiers are stored as written (unquoted, escapes resolved, case
// preserved); keywords-as-values (charset names, engine names, interval
// units) are normalized as each field says. Function names are lower-case.
//
// Unsupported-but-recognized constructs never vanish silently: they either
// fail to parse (1064), become an `UnsupportedStmt`, or set a documented
// `unsupported`-style flag that the executor must reject.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sql/schema.h"

namespace relaydb::sql {

// A byte range [offset, offset+length) of the original query string.
struct SourceSpan {
  uint32_t offset = 0;
  uint32_t length = 0;

  uint32_t end() const { return offset + length; }
  // The spanned text of `sql` (the string that was parsed).
  std::string_view In(std::string_view sql) const { return sql.substr(offset, length); }
};

struct Expr;
struct QueryExpr;
struct TableRef;
struct Statement;
using ExprPtr = std::unique_ptr<Expr>;
using ExprList = std::vector<ExprPtr>;
using QueryPtr = std::unique_ptr<QueryExpr>;
using TableRefPtr = std::unique_ptr<TableRef>;
using StatementPtr = std::unique_ptr<Statement>;

// ---------------------------------------------------------------------------
// Expressions
// ---------------------------------------------------------------------------

enum class ExprKind : uint8_t {
  kLiteral,       // literal_kind, value, charset
  kColumnRef,     // db, table, name ([db.][table.]name)
  kStar,          // `*` or `t.*` / `db.t.*`: db, table (empty for bare *)
  kUserVar,       // @name: name
  kSysVar,        // @@[global.|session.|local.]name: name, var_scope
  kPlaceholder,   // `?`: param_index (0-based, in source order within the statement)
  kUnary,         // unary_op args[0]
  kBinary,        // args[0] binary_op args[1]
  kIsTest,        // args[0] IS [NOT] {NULL|TRUE|FALSE|UNKNOWN}: is_what, negated
  kLike,          // args[0] [NOT] LIKE args[1] [ESCAPE args[2]]: negated
  kRegexp,        // args[0] [NOT] REGEXP|RLIKE args[1]: negated
  kSoundsLike,    // args[0] SOUNDS LIKE args[1]
  kIn,            // args[0] [NOT] IN (args[1..]) | (subquery): negated, subquery
  kBetween,       // args[0] [NOT] BETWEEN args[1] AND args[2]: negated
  kExists,        // EXISTS (subquery)
  kQuantified,    // args[0] binary_op {ANY|SOME|ALL} (subquery): quantifier_all
  kSubquery,      // (subquery) as a scalar or row value: subquery
  kRow,           // (a, b, ...) or ROW(a, b, ...): args (2 or more)
  kFunction,      // name(args...): see the kFunction fields below
  kCast,          // CAST(args[0] AS cast_type), CONVERT(args[0], cast_type): cast_type, is_convert
  kConvertUsing,  // CONVERT(args[0] USING charset): charset (lower-case)
  kCase,  // CASE [case_operand] WHEN..THEN.. [ELSE else_expr] END: case_operand, whens, else_expr
  kCollate,   // args[0] COLLATE name: name (lower-case collation)
  kInterval,  // INTERVAL args[0] unit: interval_unit. Only as an operand of binary +/-
              // (date arithmetic) or as an argument of DATE_ADD/DATE_SUB/ADDDATE/SUBDATE.
  kDefault,   // DEFAULT (in VALUES/SET lists) or DEFAULT(col): args empty or args[0] column
  kAssign,    // @name := args[0] inside an expression: name
};

enum class LiteralKind : uint8_t {
  kNull,       // NULL (also \N)
  kInt,        // value: the decimal digits as written, no sign ("18446744073709551616" may
               // exceed 64 bits: MySQL then treats it as DECIMAL). Negative numbers are
               // kUnary kNeg over a kInt.
  kDecimal,    // value: "1.50", ".5", "1." as written
  kFloat,      // value: "1e3", "1.5E-3" as written (approximate, DOUBLE)
  kString,     // value: the decoded bytes (escapes resolved, adjacent literals joined);
               // charset: introducer without '_' ("utf8mb4", "binary"), "utf8mb3" for N'x',
               // empty if none.
  kHex,        // X'1F' / 0x1F: value = decoded bytes (0x1 is left-padded to 0x01); charset
               // as for kString
  kBit,        // B'101' / 0b101: value = decoded bytes, big-endian, minimal length
  kBool,       // TRUE / FALSE: bool_value
  kDate,       // DATE 'yyyy-mm-dd': value = the string as written
  kTime,       // TIME 'hh:mm:ss'
  kTimestamp,  // TIMESTAMP 'yyyy-mm-dd hh:mm:ss'
};

enum class UnaryOp : uint8_t {
  kNeg,     // -x
  kPlus,    // +x: only in a signed DEFAULT literal (DEFAULT +5); elsewhere unary
            // plus is dropped as MariaDB does ("+ 1" parses as the item 1)
  kBitNot,  // ~x
  kNot,     // NOT x, !x
  kBinary,  // BINARY x (cast to binary string)
};

enum class BinaryOp : uint8_t {
  kOr,
  kXor,
  kAnd,
  kEq,
  kNullSafeEq,
  kNe,
  kLt,
  kLe,
  kGt,
  kGe,
  kBitOr,
  kBitAnd,
  kBitXor,
  kShiftLeft,
  kShiftRight,
  kAdd,
  kSub,
  kMul,
  kDiv,
  kIntDiv /* DIV */,
  kMod /* %, MOD */,
  kConcat,  // `||` under sql_mode PIPES_AS_CONCAT (else || is kOr)
};

enum class IsWhat : uint8_t { kNull, kTrue, kFalse, kUnknown };

enum class VarScope : uint8_t {
  kDefault,  // not given: SET x=... means SESSION; @@x reads session then global
  kSession,  // SESSION / LOCAL / @@session. / @@local.
  kGlobal,   // GLOBAL / @@global.
};

enum class IntervalUnit : uint8_t {
  kNone,
  kMicrosecond,
  kSecond,
  kMinute,
  kHour,
  kDay,
  kWeek,
  kMonth,
  kQuarter,
  kYear,
  kSecondMicrosecond,
  kMinuteMicrosecond,
  kMinuteSecond,
  kHourMicrosecond,
  kHourSecond,
  kHourMinute,
  kDayMicrosecond,
  kDaySecond,
  kDayMinute,
  kDayHour,
  kYearMonth,
};
// "DAY", "YEAR_MONTH", ... (upper-case, as MySQL prints units).
std::string_view IntervalUnitName(IntervalUnit unit);

// TRIM([BOTH|LEADING|TRAILING] [remstr] FROM str).
enum class TrimSide : uint8_t { kDefault, kBoth, kLeading, kTrailing };

// Target type of CAST / CONVERT(x, type).
struct CastType {
  enum class Kind : uint8_t {
    kBinary,  // BINARY[(n)]
    kChar,    // CHAR[(n)] [CHARACTER SET cs] / NCHAR[(n)] (charset "utf8mb3")
    kDate,
    kDatetime,
    kTime,      // decimals = fsp (-1 if not given)
    kDecimal,   // DECIMAL[(m[,d])] (length/decimals -1 if not given)
    kSigned,    // SIGNED [INTEGER], INTEGER, INT
    kUnsigned,  // UNSIGNED [INTEGER]
    kDouble,    // DOUBLE [PRECISION], REAL
    kFloat,     // FLOAT
  };
  Kind kind = Kind::kChar;
  int32_t length = -1;
  int32_t decimals = -1;
  std::string charset;  // lower-case; CHAR ... CHARACTER SET x / ASCII / UNICODE
};

struct OrderItem;

struct CaseWhen {
  ExprPtr when;
  ExprPtr then;
};

struct Expr {
  Expr() = default;
  explicit Expr(ExprKind k) : kind(k) {}
  ~Expr();
  Expr(const Expr&) = delete;
  Expr& operator=(const Expr&) = delete;

  ExprKind kind = ExprKind::kLiteral;
  SourceSpan span;

  // kLiteral.
  LiteralKind literal_kind = LiteralKind::kNull;
  bool bool_value = false;  // kBool
  // kLiteral: see LiteralKind. Other kinds use `name`.
  std::string value;
  // kLiteral introducer; kConvertUsing target; kFunction CHAR(... USING cs). Lower-case.
  std::string charset;

  // kColumnRef / kStar qualifiers ("" when absent).
  std::string db;
  std::string table;
  // kColumnRef column; kUserVar/kSysVar/kAssign variable (as written);
  // kFunction function name (lower-case); kCollate collation (lower-case).
  std::string name;

  VarScope var_scope = VarScope::kDefault;  // kSysVar
  uint32_t param_index = 0;                 // kPlaceholder

  UnaryOp unary_op = UnaryOp::kNeg;     // kUnary
  BinaryOp binary_op = BinaryOp::kAdd;  // kBinary, kQuantified (a comparison)
  IsWhat is_what = IsWhat::kNull;       // kIsTest
  bool negated = false;                 // kIsTest, kLike, kRegexp, kIn, kBetween
  bool quantifier_all = false;          // kQuantified: ALL (true) or ANY/SOME (false)

  // Operands / arguments, meaning per kind (see ExprKind).
  ExprList args;

  // kIn (subquery form), kExists, kQuantified, kSubquery.
  QueryPtr subquery;

  // kFunction.
  bool distinct = false;   // COUNT(DISTINCT ...), SUM(DISTINCT ...), GROUP_CONCAT(DISTINCT ...)
  bool star_arg = false;   // COUNT(*): args is empty
  bool no_parens = false;  // CURRENT_TIMESTAMP, CURRENT_DATE, CURRENT_USER, ... written without ()
  std::string qualifier;   // db.func(): the database ("" for built-ins)
  std::vector<OrderItem> order_by;          // GROUP_CONCAT(... ORDER BY ...)
  std::optional<std::string> separator;     // GROUP_CONCAT(... SEPARATOR 'x'); unset = ","
  TrimSide trim_side = TrimSide::kDefault;  // TRIM: args = [str] or [str, remstr]
  // kInterval unit; kFunction EXTRACT(unit FROM d) (args=[d]),
  // TIMESTAMPADD(unit, n, d) (args=[n, d]), TIMESTAMPDIFF(unit, a, b) (args=[a, b]).
  IntervalUnit interval_unit = IntervalUnit::kNone;

  // kCast.
  CastType cast_type;
  bool is_convert = false;  // written CONVERT(x, type)

  // kCase.
  ExprPtr case_operand;  // CASE x WHEN ...; null for searched CASE
  std::vector<CaseWhen> whens;
  ExprPtr else_expr;

  // Convenience.
  bool IsLiteral(LiteralKind k) const { return kind == ExprKind::kLiteral && literal_kind == k; }
};

struct OrderItem {
  ExprPtr expr;  // an expression, or a kLiteral kInt position (ORDER BY 2)
  bool descending = false;
};

// ---------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------

struct TableName {
  std::string db;  // "" = the current database
  std::string name;
  SourceSpan span;
};

struct IndexHint {
  enum class Type : uint8_t { kUse, kForce, kIgnore };
  enum class Scope : uint8_t { kAll, kJoin, kOrderBy, kGroupBy };  // FOR JOIN / ORDER BY / GROUP BY
  Type type = Type::kUse;
  Scope scope = Scope::kAll;
  std::vector<std::string> indexes;  // may be empty for USE INDEX (); "PRIMARY" allowed
};

enum class JoinType : uint8_t {
  kComma,     // FROM a, b (a cross join with comma precedence)
  kInner,     // [INNER|CROSS] JOIN (with or without ON/USING)
  kLeft,      // LEFT [OUTER] JOIN
  kRight,     // RIGHT [OUTER] JOIN
  kStraight,  // STRAIGHT_JOIN (an inner join, left table read first)
};

struct TableRef {
  enum class Kind : uint8_t {
    kTable,    // [db.]name [[AS] alias] [index hints]
    kDerived,  // (subquery) [AS] alias
    kJoin,     // left join_type right [ON on | USING (using_columns)]
  };
  TableRef() = default;
  explicit TableRef(Kind k) : kind(k) {}
  ~TableRef();

  Kind kind = Kind::kTable;
  SourceSpan span;

  TableName table;                     // kTable
  std::string alias;                   // kTable (optional), kDerived (always set)
  std::vector<IndexHint> index_hints;  // kTable
  QueryPtr subquery;                   // kDerived

  JoinType join_type = JoinType::kInner;  // kJoin
  bool natural = false;                   // NATURAL [LEFT|RIGHT] JOIN
  TableRefPtr left, right;
  ExprPtr on;
  std::vector<std::string> using_columns;
};

struct SelectItem {
  ExprPtr expr;       // may be kStar
  std::string alias;  // "" if none
  bool has_alias = false;
};

// One SELECT block (without ORDER BY / LIMIT, which belong to QueryExpr).
struct SelectCore {
  bool distinct = false;  // DISTINCT / DISTINCTROW
  bool high_priority = false;
  bool straight_join = false;
  bool sql_small_result = false;
  bool sql_big_result = false;
  bool sql_buffer_result = false;
  bool sql_cache = false;
  bool sql_no_cache = false;
  bool sql_calc_found_rows = false;

  std::vector<SelectItem> items;
  std::vector<TableRefPtr> from;  // empty: no FROM (or FROM DUAL)
  bool from_dual = false;
  ExprPtr where;
  std::vector<OrderItem> group_by;  // ASC/DESC in GROUP BY is kept in `descending`
  bool with_rollup = false;
  ExprPtr having;
  SourceSpan span;
};

struct LimitClause {
  ExprPtr count;   // kLiteral kInt or kPlaceholder
  ExprPtr offset;  // null if none; kLiteral kInt or kPlaceholder
};

enum class LockMode : uint8_t {
  kNone,
  kForUpdate,  // FOR UPDATE [NOWAIT | WAIT n | SKIP LOCKED]
  kShare,      // LOCK IN SHARE MODE
};

struct IntoClause {
  enum class Kind : uint8_t { kNone, kVariables, kOutfile, kDumpfile };
  Kind kind = Kind::kNone;
  std::vector<std::string> variables;  // kVariables: user variable names (without @)
  std::string file;                    // kOutfile / kDumpfile (export options are rejected)
};

struct Cte {
  std::string name;
  std::vector<std::string> columns;  // WITH x (a, b) AS (...)
  QueryPtr query;
};

struct WithClause {
  bool recursive = false;
  std::vector<Cte> ctes;
};

// A query expression: a SELECT block, a set operation, or a parenthesized
// query carrying its own ORDER BY / LIMIT.
struct QueryExpr {
  enum class Kind : uint8_t {
    kSelect,         // select
    kUnion,          // left UNION [ALL] right
    kIntersect,      // left INTERSECT [ALL] right (binds tighter than UNION/EXCEPT)
    kExcept,         // left EXCEPT [ALL] right
    kParenthesized,  // (left) ORDER BY ... LIMIT ... where left has its own ORDER/LIMIT
  };
  QueryExpr() = default;
  ~QueryExpr();

  Kind kind = Kind::kSelect;
  SourceSpan span;

  std::unique_ptr<SelectCore> select;  // kSelect
  QueryPtr left, right;                // set operations (kParenthesized: left only)
  bool all = false;                    // UNION ALL (DISTINCT is the default)

  std::unique_ptr<WithClause> with;  // WITH ... preceding this query
  std::vector<OrderItem> order_by;   // of this query (for set operations: of the result)
  std::optional<LimitClause> limit;
  // Only on the outermost QueryExpr of a statement:
  LockMode lock = LockMode::kNone;
  bool lock_nowait = false;  // NOWAIT / WAIT n / SKIP LOCKED all set this
  IntoClause into;
};

// ---------------------------------------------------------------------------
// Statements
// ---------------------------------------------------------------------------

enum class StatementKind : uint8_t {
  kUnknown,  // only from Classify(): not recognized
  kEmpty,    // only comments (MariaDB answers OK)
  kSelect,
  kInsert,
  kUpdate,
  kDelete,
  kCreateDatabase,
  kDropDatabase,
  kAlterDatabase,
  kUse,
  kCreateTable,
  kDropTable,
  kTruncate,
  kRenameTable,
  kAlterTable,
  kCreateIndex,
  kDropIndex,
  kShow,
  kExplain,
  kBegin,
  kCommit,
  kRollback,
  kSavepoint,
  kReleaseSavepoint,
  kSetTransaction,
  kLockTables,
  kUnlockTables,
  kSet,
  kSetPassword,
  kCreateUser,
  kDropUser,
  kAlterUser,
  kRenameUser,
  kGrant,
  kRevoke,
  kFlush,
  kKill,
  kPurgeLogs,
  kReset,
  kChangeMaster,
  kReplicaControl,
  kDo,
  kAdminTable,
  kHelp,
  kBinlog,
  kUnsupported,
};
// "SELECT", "CREATE TABLE", ... for diagnostics.
std::string_view StatementKindName(StatementKind kind);

struct Statement {
  explicit Statement(StatementKind k) : kind(k) {}
  virtual ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  const StatementKind kind;

  template <typename T>
  const T* As() const {
    return kind == T::kKind ? static_cast<const T*>(this) : nullptr;
  }
  template <typename T>
  T* As() {
    return kind == T::kKind ? static_cast<T*>(this) : nullptr;
  }
};

template <StatementKind K>
struct StatementOf : Statement {
  static constexpr StatementKind kKind = K;
  StatementOf() : Statement(K) {}
};

// Comment-only query, e.g. "/* ping */" or "/*!99999 future */".
struct EmptyStmt : StatementOf<StatementKind::kEmpty> {};

struct SelectStmt : StatementOf<StatementKind::kSelect> {
  QueryPtr query;
};

// `col = value` in UPDATE SET, INSERT ... SET, ON DUPLICATE KEY UPDATE.
struct Assignment {
  ExprPtr column;  // kColumnRef
  ExprPtr value;   // may be kDefault
};

enum class InsertPriority : uint8_t { kDefault, kLowPriority, kDelayed, kHighPriority };

// INSERT / REPLACE.
struct InsertStmt : StatementOf<StatementKind::kInsert> {
  enum class Source : uint8_t { kValues, kSelect, kSet };
  bool replace = false;  // REPLACE
  InsertPriority priority = InsertPriority::kDefault;
  bool ignore = false;
  TableName table;
  bool has_column_list = false;  // `t ()` sets this with no columns
  std::vector<std::string> columns;
  Source source = Source::kValues;
  std::vector<ExprList> rows;   // kValues: VALUES (..),(..); a row may be empty: VALUES ()
  QueryPtr select;              // kSelect
  std::vector<Assignment> set;  // kSet
  std::vector<Assignment>
      on_duplicate;  // ON DUPLICATE KEY UPDATE (VALUES(c) is kFunction "values")
};

struct UpdateStmt : StatementOf<StatementKind::kUpdate> {
  bool low_priority = false;
  bool ignore = false;
  std::vector<TableRefPtr> tables;  // one kTable for a single-table UPDATE
  std::vector<Assignment> set;
  ExprPtr where;
  std::vector<OrderItem> order_by;  // (MariaDB also accepts these on multi-table UPDATE)
  std::optional<LimitClause> limit;
  bool IsMultiTable() const {
    return tables.size() != 1 || tables[0]->kind != TableRef::Kind::kTable;
  }
};

struct DeleteStmt : StatementOf<StatementKind::kDelete> {
  bool low_priority = false;
  bool quick = false;
  bool ignore = false;
  // Single-table: DELETE FROM t [WHERE] [ORDER BY] [LIMIT]: `from` holds one
  // kTable, `targets` is empty.
  // Multi-table: DELETE t1, t2 FROM refs ... / DELETE FROM t1, t2 USING refs:
  // `targets` are the tables rows are deleted from (names or aliases; `t.*`
  // allowed), `from` the joined references.
  bool multi_table = false;
  std::vector<TableName> targets;
  std::vector<TableRefPtr> from;
  ExprPtr where;
  std::vector<OrderItem> order_by;
  std::optional<LimitClause> limit;
};

struct CreateDatabaseStmt : StatementOf<StatementKind::kCreateDatabase> {
  std::string name;
  bool or_replace = false;
  bool if_not_exists = false;
  std::string charset;    // lower-case, "" if not given
  std::string collation;  // lower-case, "" if not given
  std::optional<std::string> comment;
};

struct DropDatabaseStmt : StatementOf<StatementKind::kDropDatabase> {
  std::string name;
  bool if_exists = false;
};

struct AlterDatabaseStmt : StatementOf<StatementKind::kAlterDatabase> {
  std::string name;  // "" = the current database
  std::string charset;
  std::string collation;
  std::optional<std::string> comment;
};

struct UseStmt : StatementOf<StatementKind::kUse> {
  std::string db;
};

// What a column definition says beyond schema.h's ColumnDef.
struct ColumnAttrs {
  ExprPtr default_expr;        // the DEFAULT as parsed (literal, signed literal, or expression)
  ExprPtr on_update_expr;      // ON UPDATE CURRENT_TIMESTAMP[(n)]
  bool explicit_null = false;  // NULL was written (matters for TIMESTAMP)
  bool explicit_not_null = false;
  bool primary_key = false;  // inline [PRIMARY] KEY
  bool unique_key = false;   // inline UNIQUE [KEY] (also from SERIAL)
  bool invisible = false;    // INVISIBLE
  ExprPtr check;             // inline CHECK (expr)
  std::string check_text;    // ToSql(*check)
  // Recognized but unsupported; the executor must reject the statement.
  bool generated = false;   // [GENERATED ALWAYS] AS (expr) [VIRTUAL|STORED|PERSISTENT]
  bool references = false;  // inline REFERENCES t(c)
  SourceSpan span;          // the whole column definition
};

struct CheckConstraint {
  std::string name;  // generated "CONSTRAINT_<n>" for unnamed table-level checks
  ExprPtr expr;
  std::string text;  // ToSql(*expr), as SHOW CREATE TABLE prints it inside CHECK (...)
};

// FOREIGN KEY: parsed so the statement is understood, but unsupported.
struct ForeignKeySpec {
  std::string name;
  std::vector<std::string> columns;
  TableName ref_table;
  std::vector<std::string> ref_columns;
};

// A table option as written: name upper-case and canonical ("ENGINE",
// "AUTO_INCREMENT", "DEFAULT CHARSET", "COLLATE", "COMMENT", "ROW_FORMAT",
// "KEY_BLOCK_SIZE", ...); value unquoted (charset/collation lower-case).
struct TableOption {
  std::string name;
  std::string value;
};

struct CreateTableStmt : StatementOf<StatementKind::kCreateTable> {
  // db/name, columns, indexes (inline PRIMARY/UNIQUE keys merged, unnamed
  // keys named as MariaDB names them, sorted as SHOW CREATE TABLE lists
  // them: PRIMARY first), engine/charset/collation/auto_increment/comment
  // from the table options. PRIMARY KEY columns are NOT NULL.
  // Column types as written, normalized by spelling (INTEGER -> kInt, BOOL
  // -> TINYINT(1), DEC/NUMERIC/FIXED -> DECIMAL, REAL/DOUBLE PRECISION ->
  // DOUBLE, FLOAT(p>24) -> DOUBLE, NCHAR/NATIONAL -> charset "utf8mb3",
  // LONG [VARCHAR] -> MEDIUMTEXT, BLOB(n) -> the fitting BLOB size, SERIAL ->
  // BIGINT UNSIGNED NOT NULL AUTO_INCREMENT + UNIQUE key). Defaults filled in
  // where SHOW CREATE TABLE always prints them: DECIMAL (10,0) / (m,0),
  // CHAR/BINARY/BIT length 1; integer display widths stay -1 if not given.
  // The BINARY attribute (VARCHAR(3) BINARY) sets collation "<charset>_bin",
  // or the marker "_bin" when no charset was given (the catalog resolves it
  // against the table charset). BIT defaults are stored as decimal numbers
  // ("5" for b'101'). Limits MariaDB checks at parse time are enforced
  // (1426/1425/1427/1439/1074/1063); VARCHAR length limits depend on the
  // charset and are left to the catalog.
  TableDef table;
  std::vector<ColumnAttrs> column_attrs;     // parallel to table.columns
  std::vector<CheckConstraint> checks;       // table-level CHECK constraints
  std::vector<ForeignKeySpec> foreign_keys;  // non-empty: unsupported
  std::vector<TableOption> options;          // all table options in order
  bool temporary = false;
  bool or_replace = false;
  bool if_not_exists = false;
  bool engine_given = false;
  bool auto_increment_given = false;
  std::optional<TableName> like;  // CREATE TABLE t LIKE other
  // CREATE TABLE t [(defs)] [IGNORE|REPLACE] [AS] SELECT ...
  QueryPtr select;
  enum class Duplicates : uint8_t { kError, kIgnore, kReplace };
  Duplicates duplicates = Duplicates::kError;
  bool has_definitions = false;  // a (...) list was given
};

struct DropTableStmt : StatementOf<StatementKind::kDropTable> {
  bool temporary = false;
  bool if_exists = false;
  std::vector<TableName> tables;
  bool restrict_ = false;  // RESTRICT (no-op)
  bool cascade = false;    // CASCADE (no-op)
};

struct TruncateStmt : StatementOf<StatementKind::kTruncate> {
  TableName table;
};

struct RenameTableStmt : StatementOf<StatementKind::kRenameTable> {
  bool if_exists = false;
  std::vector<std::pair<TableName, TableName>> renames;  // from, to
};

enum class ColumnPosition : uint8_t { kDefault, kFirst, kAfter };

struct AlterOp {
  enum class Kind : uint8_t {
    kAddColumn,       // column, attrs, position/after_column, if_not_exists
    kDropColumn,      // name, if_exists
    kModifyColumn,    // column (new definition, same name), attrs, position, if_exists
    kChangeColumn,    // name (old) -> column (new definition), attrs, position, if_exists
    kSetDefault,      // ALTER [COLUMN] name SET DEFAULT: attrs.default_expr; column.default_*
                      // hold the literal's untyped text: re-apply with
                      // ApplyColumnDefault(*attrs.default_expr, &real_column) (parser.h)
    kDropDefault,     // ALTER [COLUMN] name DROP DEFAULT
    kAddIndex,        // index (name "" = unnamed: see AssignIndexName), if_not_exists
    kDropIndex,       // name, if_exists
    kDropPrimaryKey,  //
    kRenameTable,     // new_table
    kRenameColumn,    // name -> new_name
    kRenameIndex,     // name -> new_name (RENAME INDEX|KEY)
    kTableOptions,    // options (ENGINE=, AUTO_INCREMENT=, [DEFAULT] CHARSET=, COMMENT=, ...)
    kConvertCharset,  // CONVERT TO CHARACTER SET charset [COLLATE collation]
    kAddCheck,        // check
    kDropConstraint,  // DROP CONSTRAINT|CHECK name, if_exists
    kAddForeignKey,   // unsupported
    kDropForeignKey,  // name; unsupported
    kEnableKeys,
    kDisableKeys,  // no-ops (mariadb-dump emits them)
    kForce,        // FORCE: rebuild (no-op)
    kOrderBy,      // ORDER BY ...: unsupported
  };
  Kind kind = Kind::kAddColumn;
  bool if_exists = false;
  bool if_not_exists = false;
  std::string name;
  std::string new_name;
  TableName new_table;
  ColumnDef column;
  ColumnAttrs attrs;
  ColumnPosition position = ColumnPosition::kDefault;
  std::string after_column;
  IndexDef index;
  CheckConstraint check;
  ForeignKeySpec foreign_key;
  std::vector<TableOption> options;
  std::string charset, collation;  // kConvertCharset
};

struct AlterTableStmt : StatementOf<StatementKind::kAlterTable> {
  TableName table;
  bool ignore = false;
  bool online = false;
  bool if_exists = false;
  // In source order. ALGORITHM=/LOCK= are accepted and dropped; ADD COLUMN
  // (a, b) becomes one kAddColumn per column.
  std::vector<AlterOp> ops;
};

struct CreateIndexStmt : StatementOf<StatementKind::kCreateIndex> {
  IndexDef index;  // kind kUnique / kFulltext / kIndex
  TableName table;
  bool or_replace = false;
  bool if_not_exists = false;
  bool online = false;
};

struct DropIndexStmt : StatementOf<StatementKind::kDropIndex> {
  std::string name;
  TableName table;
  bool if_exists = false;
};

struct UserSpec {
  std::string user;
  std::string host = "%";
  bool current_user = false;  // CURRENT_USER[()]: user/host empty
};

struct AuthSpec {
  enum class Kind : uint8_t {
    kNone,
    kPassword,      // IDENTIFIED BY 'pw': auth_string = the plain password
    kPasswordHash,  // IDENTIFIED BY PASSWORD '*hash': auth_string = the hash
    kPlugin,        // IDENTIFIED {WITH|VIA} plugin [{BY|USING|AS} 'x' | USING PASSWORD('pw')]
  };
  Kind kind = Kind::kNone;
  std::string plugin;                     // lower-case, kPlugin only
  std::string auth_string;                // see Kind
  bool plugin_password_is_plain = false;  // kPlugin with BY 'pw' or USING PASSWORD('pw')
};

struct UserAuth {
  UserSpec user;
  AuthSpec auth;
};

struct CreateUserStmt : StatementOf<StatementKind::kCreateUser> {
  bool or_replace = false;
  bool if_not_exists = false;
  std::vector<UserAuth> users;
  // REQUIRE NONE, WITH MAX_*, PASSWORD EXPIRE, ACCOUNT LOCK|UNLOCK as
  // (upper-case name, value) pairs, e.g. ("MAX_QUERIES_PER_HOUR","10"),
  // ("ACCOUNT","LOCK").
  std::vector<std::pair<std::string, std::string>> options;
};

struct DropUserStmt : StatementOf<StatementKind::kDropUser> {
  bool if_exists = false;
  std::vector<UserSpec> users;
};

struct AlterUserStmt : StatementOf<StatementKind::kAlterUser> {
  bool if_exists = false;
  std::vector<UserAuth> users;
  std::vector<std::pair<std::string, std::string>> options;  // as in CreateUserStmt
};

struct RenameUserStmt : StatementOf<StatementKind::kRenameUser> {
  std::vector<std::pair<UserSpec, UserSpec>> renames;
};

struct Privilege {
  // Canonical upper-case name, words separated by one space: "SELECT",
  // "ALL PRIVILEGES" (ALL is normalized), "REPLICATION SLAVE",
  // "CREATE TEMPORARY TABLES", "GRANT OPTION", ...
  std::string name;
  std::vector<std::string> columns;  // column-level privilege: unsupported
};

struct GrantTarget {
  enum class Level : uint8_t {
    kGlobal,    // *.*
    kDatabase,  // db.* ; `*` alone: db "" = the current database
    kTable,     // db.t ; `t` alone: db "" = the current database
  };
  enum class ObjectType : uint8_t { kDefault, kTable, kFunction, kProcedure, kPackage };
  Level level = Level::kGlobal;
  ObjectType object_type = ObjectType::kDefault;  // anything but kDefault/kTable: unsupported
  std::string db;
  std::string table;
};

struct GrantStmt : StatementOf<StatementKind::kGrant> {
  std::vector<Privilege> privileges;
  GrantTarget on;
  std::vector<UserAuth> users;
  bool with_grant_option = false;
  std::vector<std::pair<std::string, std::string>> options;  // WITH MAX_* ..., REQUIRE ...
  // GRANT role TO user / GRANT PROXY ON: unsupported; the names are kept.
  std::vector<std::string> roles;
  bool proxy = false;
};

struct RevokeStmt : StatementOf<StatementKind::kRevoke> {
  // REVOKE ALL [PRIVILEGES], GRANT OPTION FROM users: `all_and_grant_option`
  // set, privileges/on unused.
  bool all_and_grant_option = false;
  std::vector<Privilege> privileges;
  GrantTarget on;
  std::vector<UserSpec> users;
  std::vector<std::string> roles;  // REVOKE role FROM user: unsupported
  bool proxy = false;
};

enum class ShowKind : uint8_t {
  kDatabases,       // SHOW DATABASES|SCHEMAS [LIKE|WHERE]
  kTables,          // SHOW [FULL] TABLES [FROM db] [LIKE|WHERE]
  kTableStatus,     // SHOW TABLE STATUS [FROM db] [LIKE|WHERE]
  kOpenTables,      // SHOW OPEN TABLES [FROM db] [LIKE|WHERE]
  kColumns,         // SHOW [FULL] COLUMNS|FIELDS FROM t [FROM db] [LIKE|WHERE]; DESCRIBE t [col]
  kIndex,           // SHOW INDEX|INDEXES|KEYS FROM t [FROM db] [WHERE]
  kCreateTable,     // SHOW CREATE TABLE t
  kCreateDatabase,  // SHOW CREATE DATABASE|SCHEMA [IF NOT EXISTS] db
  kCreateUser,      // SHOW CREATE USER user
  kCreateView,
  kCreateProcedure,
  kCreateFunction,
  kCreateTrigger,
  kCreateEvent,      // unsupported
  kVariables,        // SHOW [GLOBAL|SESSION] VARIABLES [LIKE|WHERE]
  kStatus,           // SHOW [GLOBAL|SESSION] STATUS [LIKE|WHERE]
  kProcesslist,      // SHOW [FULL] PROCESSLIST
  kWarnings,         // SHOW WARNINGS [LIMIT [o,] n]
  kErrors,           // SHOW ERRORS [LIMIT [o,] n]
  kWarningCount,     // SHOW COUNT(*) WARNINGS
  kErrorCount,       // SHOW COUNT(*) ERRORS
  kGrants,           // SHOW GRANTS [FOR user]
  kEngines,          // SHOW [STORAGE] ENGINES
  kEngineStatus,     // SHOW ENGINE name {STATUS|MUTEX}: name in `target`
  kCharset,          // SHOW CHARACTER SET|CHARSET [LIKE|WHERE]
  kCollation,        // SHOW COLLATION [LIKE|WHERE]
  kPrivileges,       // SHOW PRIVILEGES
  kPlugins,          // SHOW PLUGINS
  kMasterStatus,     // SHOW MASTER STATUS | BINLOG STATUS | BINARY LOG STATUS
  kBinaryLogs,       // SHOW BINARY LOGS | MASTER LOGS
  kBinlogEvents,     // SHOW BINLOG EVENTS [IN 'f'] [FROM pos] [LIMIT [o,] n]
  kRelaylogEvents,   // SHOW RELAYLOG ['conn'] EVENTS [IN 'f'] [FROM pos] [LIMIT [o,] n]
  kSlaveStatus,      // SHOW [ALL] SLAVE|REPLICA ['conn'] STATUS
  kSlaveHosts,       // SHOW SLAVE HOSTS | REPLICAS
  kTriggers,         // SHOW TRIGGERS [FROM db] [LIKE|WHERE]
  kEvents,           // SHOW EVENTS [FROM db] [LIKE|WHERE]
  kFunctionStatus,   // SHOW FUNCTION STATUS [LIKE|WHERE]
  kProcedureStatus,  // SHOW PROCEDURE STATUS [LIKE|WHERE]
  kProfiles,         // SHOW PROFILES
};

struct ShowStmt : StatementOf<StatementKind::kShow> {
  ShowKind what = ShowKind::kDatabases;
  bool full = false;                    // FULL
  VarScope scope = VarScope::kDefault;  // VARIABLES / STATUS
  std::string db;                       // FROM|IN db ("" = current database)
  TableName table;                      // COLUMNS / INDEX / CREATE TABLE|VIEW|TRIGGER...
  std::optional<std::string> like;      // LIKE 'pattern' (DESCRIBE t col: the col, a pattern)
  ExprPtr where;                        // WHERE expr
  std::optional<UserSpec> user;         // GRANTS FOR / CREATE USER
  std::string target;                   // CREATE DATABASE name; ENGINE name
  bool if_not_exists = false;           // SHOW CREATE DATABASE IF NOT EXISTS
  std::string log_name;                 // BINLOG/RELAYLOG EVENTS IN 'f'
  ExprPtr from_pos;                     // BINLOG/RELAYLOG EVENTS FROM pos
  std::optional<LimitClause> limit;     // WARNINGS/ERRORS/EVENTS LIMIT
  std::string connection_name;          // SLAVE 'name' STATUS, RELAYLOG 'name' EVENTS
  bool all_slaves = false;              // SHOW ALL SLAVES STATUS
  bool describe = false;                // came from DESCRIBE/DESC/EXPLAIN t
};

struct ExplainStmt : StatementOf<StatementKind::kExplain> {
  StatementPtr stmt;  // SELECT / INSERT / UPDATE / DELETE / REPLACE
  bool extended = false;
  bool partitions = false;
  std::string format;    // FORMAT=JSON etc., lower-case
  bool analyze = false;  // ANALYZE stmt (MariaDB)
};

struct BeginStmt : StatementOf<StatementKind::kBegin> {
  bool start_transaction = false;  // written START TRANSACTION (vs BEGIN)
  bool read_only = false;
  bool read_write = false;
  bool consistent_snapshot = false;
};

enum class TriState : uint8_t { kDefault, kYes, kNo };

struct CommitStmt : StatementOf<StatementKind::kCommit> {
  TriState chain = TriState::kDefault;    // AND [NO] CHAIN
  TriState release = TriState::kDefault;  // [NO] RELEASE
};

struct RollbackStmt : StatementOf<StatementKind::kRollback> {
  TriState chain = TriState::kDefault;
  TriState release = TriState::kDefault;
  std::optional<std::string> savepoint;  // ROLLBACK [WORK] TO [SAVEPOINT] name
};

struct SavepointStmt : StatementOf<StatementKind::kSavepoint> {
  std::string name;
};

struct ReleaseSavepointStmt : StatementOf<StatementKind::kReleaseSavepoint> {
  std::string name;
};

enum class IsolationLevel : uint8_t {
  kReadUncommitted,
  kReadCommitted,
  kRepeatableRead,
  kSerializable
};

// SET [GLOBAL|SESSION] TRANSACTION {ISOLATION LEVEL ... | READ ONLY | READ WRITE}[, ...].
struct SetTransactionStmt : StatementOf<StatementKind::kSetTransaction> {
  VarScope scope = VarScope::kDefault;  // kDefault = next transaction only
  std::optional<IsolationLevel> isolation;
  std::optional<bool> read_only;
};

struct LockTablesStmt : StatementOf<StatementKind::kLockTables> {
  enum class LockType : uint8_t { kRead, kReadLocal, kWrite, kLowPriorityWrite, kWriteConcurrent };
  struct Item {
    TableName table;
    std::string alias;
    LockType type = LockType::kRead;
  };
  std::vector<Item> tables;
};

struct UnlockTablesStmt : StatementOf<StatementKind::kUnlockTables> {};

struct SetItem {
  enum class Kind : uint8_t {
    kUserVar,  // @name = value (or :=)
    kSysVar,   // [GLOBAL|SESSION|LOCAL] name = value / @@[scope.]name = value
    kNames,    // NAMES cs [COLLATE c] | NAMES DEFAULT
    kCharset,  // CHARACTER SET cs | CHARSET cs | ... DEFAULT
  };
  Kind kind = Kind::kSysVar;
  std::string name;  // variable name as written (without @/@@/scope)
  VarScope scope = VarScope::kDefault;
  // kUserVar/kSysVar. `= DEFAULT` is a kDefault node. For kSysVar, a bare
  // word value (ON, OFF, ALL, BINARY, an identifier such as
  // TRADITIONAL) becomes a kLiteral kString holding the word.
  ExprPtr value;
  std::string charset;    // kNames/kCharset (lower-case); "" with is_default
  std::string collation;  // kNames COLLATE (lower-case)
  bool is_default = false;
  SourceSpan span;
};

struct SetStmt : StatementOf<StatementKind::kSet> {
  std::vector<SetItem> items;
};

// SET PASSWORD [FOR user] = {PASSWORD('pw') | OLD_PASSWORD('pw') | 'hash'}.
struct SetPasswordStmt : StatementOf<StatementKind::kSetPassword> {
  std::optional<UserSpec> user;  // absent = the current user
  std::string password;          // the plain password (is_hash false) or the hash
  bool is_hash = false;
};

struct FlushOption {
  enum class Kind : uint8_t {
    kLogs,
    kBinaryLogs,
    kRelayLogs,
    kErrorLogs,
    kEngineLogs,
    kGeneralLogs,
    kSlowLogs,
    kPrivileges,
    kTables,
    kStatus,
    kHosts,
    kUserResources,
    kQueryCache,
    kClientStatistics,
    kTableStatistics,
    kIndexStatistics,
    kUserStatistics,
    kDesKeyFile,
    kSslCertificates,
  };
  Kind kind = Kind::kLogs;
  std::vector<TableName> tables;  // FLUSH TABLES t1, t2
  bool with_read_lock = false;    // FLUSH TABLES [t...] WITH READ LOCK
  bool for_export = false;        // FLUSH TABLES t FOR EXPORT
  std::string connection_name;    // FLUSH RELAY LOGS ['name'] / FOR CHANNEL 'name'
};

struct FlushStmt : StatementOf<StatementKind::kFlush> {
  bool no_write_to_binlog = false;  // NO_WRITE_TO_BINLOG / LOCAL
  std::vector<FlushOption> options;
};

struct KillStmt : StatementOf<StatementKind::kKill> {
  bool query = false;     // KILL QUERY (else CONNECTION)
  bool query_id = false;  // KILL QUERY ID n
  bool hard = true;       // SOFT -> false
  ExprPtr id;             // connection (or query) id expression
};

struct PurgeLogsStmt : StatementOf<StatementKind::kPurgeLogs> {
  std::optional<std::string> to_file;  // PURGE {BINARY|MASTER} LOGS TO 'file'
  ExprPtr before;                      // PURGE ... LOGS BEFORE expr
};

struct ResetStmt : StatementOf<StatementKind::kReset> {
  enum class What : uint8_t { kMaster, kSlave, kQueryCache };
  struct Item {
    What what = What::kMaster;
    bool all = false;             // RESET SLAVE ALL
    std::string connection_name;  // RESET SLAVE 'name'
    std::optional<uint64_t> to;   // RESET MASTER TO n
  };
  std::vector<Item> items;
};

// Options of CHANGE MASTER TO / START SLAVE UNTIL, one value per spelling
// family (MASTER_x and SOURCE_x map to the same option).
enum class ReplOption : uint8_t {
  kHost,
  kPort,
  kUser,
  kPassword,
  kLogFile,
  kLogPos,
  kRelayLogFile,
  kRelayLogPos,
  kConnectRetry,
  kRetryCount,
  kHeartbeatPeriod,
  kDelay,
  kBind,
  kIgnoreServerIds,
  kDoDomainIds,
  kIgnoreDomainIds,
  kUseGtid,
  kGtidPos /* UNTIL MASTER_GTID_POS */,
  kDemoteToSlave,
  kAutoPosition,
  kSsl,
  kSslCa,
  kSslCapath,
  kSslCert,
  kSslCipher,
  kSslCrl,
  kSslCrlpath,
  kSslKey,
  kSslVerifyServerCert,
};

struct ReplOptionValue {
  ReplOption option = ReplOption::kHost;
  std::string written;  // the option name as written, upper-case ("SOURCE_HOST")
  // Strings unquoted; numbers as written ("3306", "1.5"); keywords lower-case
  // (MASTER_USE_GTID = current_pos|slave_pos|no).
  std::string value;
  bool is_string = false;        // value was a quoted string
  std::vector<std::string> ids;  // IGNORE_SERVER_IDS / DO_DOMAIN_IDS / IGNORE_DOMAIN_IDS = (...)
  SourceSpan span;
};

struct ChangeMasterStmt : StatementOf<StatementKind::kChangeMaster> {
  std::string connection_name;           // CHANGE MASTER 'name' TO (MariaDB multi-source)
  bool source_syntax = false;            // written CHANGE REPLICATION SOURCE TO
  std::vector<ReplOptionValue> options;  // in source order
};

// START|STOP {SLAVE|REPLICA} / START|STOP ALL SLAVES|REPLICAS.
struct ReplicaControlStmt : StatementOf<StatementKind::kReplicaControl> {
  bool start = true;
  bool all = false;                    // ALL SLAVES
  std::string connection_name;         // START SLAVE 'name'
  bool io_thread = false;              // IO_THREAD listed
  bool sql_thread = false;             // SQL_THREAD listed (neither listed = both)
  std::vector<ReplOptionValue> until;  // UNTIL {MASTER|SOURCE|RELAY}_LOG_FILE/_POS, MASTER_GTID_POS
};

struct DoStmt : StatementOf<StatementKind::kDo> {
  ExprList exprs;
};

// ANALYZE / CHECK / OPTIMIZE / REPAIR / CHECKSUM TABLE t1, t2 [options].
struct AdminTableStmt : StatementOf<StatementKind::kAdminTable> {
  enum class Op : uint8_t { kAnalyze, kCheck, kOptimize, kRepair, kChecksum };
  Op op = Op::kAnalyze;
  bool no_write_to_binlog = false;
  std::vector<TableName> tables;
  std::vector<std::string> options;  // trailing option words, upper-case (QUICK, EXTENDED, ...)
};

struct HelpStmt : StatementOf<StatementKind::kHelp> {
  std::string topic;
};

// BINLOG 'base64 events' (as printed by mariadb-binlog).
struct BinlogStmt : StatementOf<StatementKind::kBinlog> {
  std::string base64;
};

// A statement relaydb recognizes but does not implement (XA, CALL, CREATE
// PROCEDURE/FUNCTION/TRIGGER/VIEW/EVENT, HANDLER, LOAD DATA, PREPARE,
// EXECUTE, ...). The executor answers error 1235 ER_NOT_SUPPORTED_YET:
// "This version of MariaDB doesn't yet support '<feature>'".
struct UnsupportedStmt : StatementOf<StatementKind::kUnsupported> {
  std::string feature;  // upper-case leading keywords, e.g. "CREATE PROCEDURE", "XA"
};

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

// MariaDB's name for an unnamed index whose first column is `first_column`:
// the column name, or <column>_2, _3, ... if taken (case-insensitive) by an
// index in `existing` or equal to "PRIMARY".
std::string AssignIndexName(const std::vector<IndexDef>& existing, const std::string& first_column);

// Orders `indexes` as MariaDB lists them (SHOW CREATE TABLE): PRIMARY, then
// UNIQUE keys over NOT NULL columns, other UNIQUE keys (prefix ones last),
// plain keys, FULLTEXT keys; stable otherwise. `columns` gives nullability.
void SortIndexes(const std::vector<ColumnDef>& columns, std::vector<IndexDef>* indexes);

}  // namespace relaydb::sql
