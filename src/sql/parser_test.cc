// Tests for the MySQL/MariaDB parser (sql/parser.h): every statement
// family, literals, operator precedence, spans, errors exactly as MariaDB
// 10.11 words them, and real-world inputs (mariadb-dump, sysbench,
// mariadb-binlog output).
#include "sql/parser.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace relaydb::sql {
namespace {

// ---- helpers ---------------------------------------------------------------

ParsedStatement Parse(std::string_view sql, const ParseOptions& opts = {}) {
  auto r = ParseOne(sql, opts);
  EXPECT_TRUE(r.ok()) << sql << " -> " << r.status().message();
  if (!r.ok()) return {};
  return std::move(r).value();
}

template <typename T>
std::unique_ptr<T> ParseAs(std::string_view sql, const ParseOptions& opts = {}) {
  ParsedStatement ps = Parse(sql, opts);
  if (ps.stmt == nullptr || ps.stmt->As<T>() == nullptr) {
    ADD_FAILURE() << sql << ": wrong statement kind "
                  << (ps.stmt ? StatementKindName(ps.stmt->kind) : "null");
    return nullptr;
  }
  return std::unique_ptr<T>(static_cast<T*>(ps.stmt.release()));
}

// "errno: message" of a failing parse, or "OK".
std::string Err(std::string_view sql, const ParseOptions& opts = {}) {
  auto r = ParseMulti(sql, opts);
  if (r.ok()) return "OK";
  return std::to_string(r.status().mysql_errno()) + ": " + r.status().message();
}

std::string Syntax(std::string_view near, int line = 1) {
  return "1064: You have an error in your SQL syntax; check the manual that corresponds to your "
         "MariaDB server version for the right syntax to use near '" +
         std::string(near) + "' at line " + std::to_string(line);
}

std::string Unsupported(std::string_view what) {
  return "1235: This version of MariaDB doesn't yet support '" + std::string(what) + "'";
}

// Fully parenthesized S-expression of an expression tree.
std::string Tree(const Expr& e);

std::string TreeList(const ExprList& l, size_t from = 0) {
  std::string s;
  for (size_t i = from; i < l.size(); ++i) s += " " + Tree(*l[i]);
  return s;
}

std::string Tree(const Expr& e) {
  static const char* kBin[] = {
      "or", "xor", "and", "=",  "<=>", "<>", "<", "<=", ">",   ">=",  "|",
      "&",  "^",   "<<",  ">>", "+",   "-",  "*", "/",  "div", "mod", "concat"};
  static const char* kUn[] = {"neg", "plus", "~", "not", "binary"};
  switch (e.kind) {
    case ExprKind::kLiteral:
      switch (e.literal_kind) {
        case LiteralKind::kNull: return "NULL";
        case LiteralKind::kBool: return e.bool_value ? "TRUE" : "FALSE";
        case LiteralKind::kString:
          return (e.charset.empty() ? "" : "_" + e.charset) + "'" + e.value + "'";
        case LiteralKind::kHex: return "hex'" + e.value + "'";
        case LiteralKind::kBit: return "bit'" + e.value + "'";
        case LiteralKind::kDate: return "DATE'" + e.value + "'";
        case LiteralKind::kTime: return "TIME'" + e.value + "'";
        case LiteralKind::kTimestamp: return "TIMESTAMP'" + e.value + "'";
        default: return e.value;
      }
    case ExprKind::kColumnRef:
      return (e.db.empty() ? "" : e.db + ".") + (e.table.empty() ? "" : e.table + ".") + e.name;
    case ExprKind::kStar:
      return (e.db.empty() ? "" : e.db + ".") + (e.table.empty() ? "" : e.table + ".") + "*";
    case ExprKind::kUserVar: return "@" + e.name;
    case ExprKind::kSysVar:
      return std::string("@@") +
             (e.var_scope == VarScope::kGlobal    ? "global."
              : e.var_scope == VarScope::kSession ? "session."
                                                  : "") +
             e.name;
    case ExprKind::kPlaceholder: return "?" + std::to_string(e.param_index);
    case ExprKind::kUnary:
      return std::string("(") + kUn[static_cast<int>(e.unary_op)] + " " + Tree(*e.args[0]) + ")";
    case ExprKind::kBinary:
      return std::string("(") + kBin[static_cast<int>(e.binary_op)] + TreeList(e.args) + ")";
    case ExprKind::kIsTest: {
      static const char* w[] = {"null", "true", "false", "unknown"};
      return std::string("(is") + (e.negated ? "-not-" : "-") + w[static_cast<int>(e.is_what)] +
             TreeList(e.args) + ")";
    }
    case ExprKind::kLike:
      return std::string(e.negated ? "(not-like" : "(like") + TreeList(e.args) + ")";
    case ExprKind::kRegexp:
      return std::string(e.negated ? "(not-regexp" : "(regexp") + TreeList(e.args) + ")";
    case ExprKind::kSoundsLike: return "(sounds-like" + TreeList(e.args) + ")";
    case ExprKind::kIn:
      return std::string(e.negated ? "(not-in" : "(in") + TreeList(e.args) +
             (e.subquery ? " <query>" : "") + ")";
    case ExprKind::kBetween:
      return std::string(e.negated ? "(not-between" : "(between") + TreeList(e.args) + ")";
    case ExprKind::kExists: return "(exists <query>)";
    case ExprKind::kQuantified:
      return std::string("(") + kBin[static_cast<int>(e.binary_op)] +
             (e.quantifier_all ? "-all" : "-any") + TreeList(e.args) + " <query>)";
    case ExprKind::kSubquery: return "(subquery)";
    case ExprKind::kRow: return "(row" + TreeList(e.args) + ")";
    case ExprKind::kFunction: {
      std::string s = "(" + (e.qualifier.empty() ? "" : e.qualifier + ".") + e.name;
      if (e.distinct) s += " distinct";
      if (e.star_arg) s += " *";
      if (e.interval_unit != IntervalUnit::kNone)
        s += " " + std::string(IntervalUnitName(e.interval_unit));
      s += TreeList(e.args);
      if (e.separator) s += " sep'" + *e.separator + "'";
      if (!e.order_by.empty()) s += " order:" + std::to_string(e.order_by.size());
      if (!e.charset.empty()) s += " using:" + e.charset;
      return s + ")";
    }
    case ExprKind::kCast:
      return "(cast" + TreeList(e.args) + " " + std::to_string(static_cast<int>(e.cast_type.kind)) +
             ")";
    case ExprKind::kConvertUsing: return "(convert" + TreeList(e.args) + " " + e.charset + ")";
    case ExprKind::kCase: {
      std::string s = "(case";
      if (e.case_operand) s += " " + Tree(*e.case_operand);
      for (const CaseWhen& w : e.whens) s += " (" + Tree(*w.when) + " " + Tree(*w.then) + ")";
      if (e.else_expr) s += " else " + Tree(*e.else_expr);
      return s + ")";
    }
    case ExprKind::kCollate: return "(collate " + Tree(*e.args[0]) + " " + e.name + ")";
    case ExprKind::kInterval:
      return "(interval " + Tree(*e.args[0]) + " " +
             std::string(IntervalUnitName(e.interval_unit)) + ")";
    case ExprKind::kDefault:
      return e.args.empty() ? "DEFAULT" : "(default " + Tree(*e.args[0]) + ")";
    case ExprKind::kAssign: return "(:= @" + e.name + " " + Tree(*e.args[0]) + ")";
  }
  return "?";
}

// The tree of the first select item of "SELECT <expr>".
std::string X(std::string_view expr, const ParseOptions& opts = {}) {
  std::string sql = "SELECT " + std::string(expr);
  auto r = ParseOne(sql, opts);
  if (!r.ok()) return "ERR " + r.status().message();
  const auto* s = r->stmt->As<SelectStmt>();
  if (s == nullptr || s->query->kind != QueryExpr::Kind::kSelect) return "not a select";
  return Tree(*s->query->select->items[0].expr);
}

const SelectCore& Core(const SelectStmt& s) { return *s.query->select; }

// ---- expressions -------------------------------------------------------------

TEST(ParserExprTest, ArithmeticPrecedence) {
  EXPECT_EQ(X("1+2*3"), "(+ 1 (* 2 3))");
  EXPECT_EQ(X("(1+2)*3"), "(* (+ 1 2) 3)");
  EXPECT_EQ(X("1-2-3"), "(- (- 1 2) 3)");
  EXPECT_EQ(X("8 DIV 2 MOD 3 % 4 / 5"), "(/ (mod (mod (div 8 2) 3) 4) 5)");
  EXPECT_EQ(X("1 | 2 & 3 << 4 + 5"), "(| 1 (& 2 (<< 3 (+ 4 5))))");
  EXPECT_EQ(X("1 | 2 ^ 3"), "(| 1 (^ 2 3))");
  EXPECT_EQ(X("2 * 3 ^ 4"), "(* 2 (^ 3 4))");
  EXPECT_EQ(X("- 2 ^ 1"), "(^ (neg 2) 1)");
  EXPECT_EQ(X("- - 1"), "(neg (neg 1))");
  EXPECT_EQ(X("-1 * 2"), "(* (neg 1) 2)");
  EXPECT_EQ(X("~1 + +2"), "(+ (~ 1) 2)");  // unary plus is dropped, as in MariaDB
}

TEST(ParserExprTest, LogicalPrecedence) {
  EXPECT_EQ(X("a OR b AND c"), "(or a (and b c))");
  EXPECT_EQ(X("a || b && c"), "(or a (and b c))");
  EXPECT_EQ(X("a XOR b OR c"), "(or (xor a b) c)");
  EXPECT_EQ(X("a AND b XOR c"), "(xor (and a b) c)");
  EXPECT_EQ(X("NOT a = b"), "(not (= a b))");
  EXPECT_EQ(X("NOT a AND b"), "(and (not a) b)");
  EXPECT_EQ(X("NOT NOT a"), "(not (not a))");
  EXPECT_EQ(X("!a = b"), "(= (not a) b)");
  EXPECT_EQ(X("NOT a IS NULL"), "(not (is-null a))");
  EXPECT_EQ(X("NOT 0 BETWEEN 1 AND 2"), "(not (between 0 1 2))");
  EXPECT_EQ(X("a AND NOT b"), "(and a (not b))");
}

TEST(ParserExprTest, HighNotPrecedence) {
  ParseOptions o;
  o.high_not_precedence = true;
  EXPECT_EQ(X("NOT a = b", o), "(= (not a) b)");
  EXPECT_EQ(X("NOT a BETWEEN 1 AND 2", o), "(between (not a) 1 2)");
}

TEST(ParserExprTest, PipesAsConcat) {
  EXPECT_EQ(X("'a' || 'b'"), "(or 'a' 'b')");
  ParseOptions o;
  o.pipes_as_concat = true;
  EXPECT_EQ(X("'a' || 'b' || 'c'", o), "(concat (concat 'a' 'b') 'c')");
  EXPECT_EQ(X("1 + 'a' || 'b'", o), "(+ 1 (concat 'a' 'b'))");
}

TEST(ParserExprTest, Comparisons) {
  EXPECT_EQ(X("a = b = c"), "(= (= a b) c)");
  EXPECT_EQ(X("1 < 2 < 3"), "(< (< 1 2) 3)");
  EXPECT_EQ(X("a <=> b"), "(<=> a b)");
  EXPECT_EQ(X("a != b"), "(<> a b)");
  EXPECT_EQ(X("a <> b"), "(<> a b)");
  EXPECT_EQ(X("a >= b AND c <= d"), "(and (>= a b) (<= c d))");
  EXPECT_EQ(X("x IS NOT NULL AND y"), "(and (is-not-null x) y)");
  EXPECT_EQ(X("1 = 1 IS TRUE"), "(is-true (= 1 1))");
  EXPECT_EQ(X("1 IS NULL = 0"), "(= (is-null 1) 0)");
  EXPECT_EQ(X("a IS NOT FALSE"), "(is-not-false a)");
  EXPECT_EQ(X("a IS UNKNOWN"), "(is-unknown a)");
  EXPECT_EQ(X("a = ANY (SELECT 1)"), "(=-any a <query>)");
  EXPECT_EQ(X("a > ALL (SELECT 1)"), "(>-all a <query>)");
  EXPECT_EQ(X("a < SOME (SELECT 1)"), "(<-any a <query>)");
  EXPECT_EQ(X("a = (SELECT 1)"), "(= a (subquery))");
  EXPECT_EQ(X("1 = 1 BETWEEN 0 AND 2"), "(= 1 (between 1 0 2))");
}

TEST(ParserExprTest, Predicates) {
  EXPECT_EQ(X("a BETWEEN 1 AND 2 AND c"), "(and (between a 1 2) c)");
  EXPECT_EQ(X("a NOT BETWEEN b+1 AND c*2"), "(not-between a (+ b 1) (* c 2))");
  EXPECT_EQ(X("2 BETWEEN 1 AND 3 BETWEEN 0 AND 1"), "(between 2 1 (between 3 0 1))");
  EXPECT_EQ(X("a LIKE 'x%'"), "(like a 'x%')");
  EXPECT_EQ(X("a NOT LIKE 'x|%' ESCAPE '|'"), "(not-like a 'x|%' '|')");
  EXPECT_EQ(X("a REGEXP '^x' OR b RLIKE 'y'"), "(or (regexp a '^x') (regexp b 'y'))");
  EXPECT_EQ(X("a NOT REGEXP 'x'"), "(not-regexp a 'x')");
  EXPECT_EQ(X("a IN (1, 2, 3)"), "(in a 1 2 3)");
  EXPECT_EQ(X("a NOT IN ('x')"), "(not-in a 'x')");
  EXPECT_EQ(X("a IN (SELECT b FROM t)"), "(in a <query>)");
  EXPECT_EQ(X("(a, b) IN ((1, 2), (3, 4))"), "(in (row a b) (row 1 2) (row 3 4))");
  EXPECT_EQ(X("EXISTS (SELECT 1)"), "(exists <query>)");
  EXPECT_EQ(X("NOT EXISTS (SELECT 1)"), "(not (exists <query>))");
  EXPECT_EQ(X("a SOUNDS LIKE b"), "(sounds-like a b)");
  EXPECT_EQ(X("1 LIKE 1 = 1"), "(= (like 1 1) 1)");
}

TEST(ParserExprTest, Literals) {
  EXPECT_EQ(X("123"), "123");
  EXPECT_EQ(X("1.50"), "1.50");
  EXPECT_EQ(X("1e3"), "1e3");
  EXPECT_EQ(X(".5"), ".5");
  EXPECT_EQ(X("'it''s'"), "'it's'");
  EXPECT_EQ(X("'a' 'b' \"c\""), "'abc'");
  EXPECT_EQ(X("_utf8mb4'x'"), "_utf8mb4'x'");
  EXPECT_EQ(X("_binary 'x' 'y'"), "_binary'xy'");
  EXPECT_EQ(X("N'x'"), "_utf8mb3'x'");
  EXPECT_EQ(X("X'41'"), "hex'A'");
  EXPECT_EQ(X("0x4142"), "hex'AB'");
  EXPECT_EQ(X("_binary X'41'"), "hex'A'");
  EXPECT_EQ(X("b'1000001'"), "bit'A'");
  EXPECT_EQ(X("0b1000010"), "bit'B'");
  EXPECT_EQ(X("NULL"), "NULL");
  EXPECT_EQ(X("TRUE"), "TRUE");
  EXPECT_EQ(X("false"), "FALSE");
  EXPECT_EQ(X("DATE '2020-01-02'"), "DATE'2020-01-02'");
  EXPECT_EQ(X("TIME'10:00:00'"), "TIME'10:00:00'");
  EXPECT_EQ(X("TIMESTAMP '2020-01-02 03:04:05'"), "TIMESTAMP'2020-01-02 03:04:05'");
  auto s = ParseAs<SelectStmt>("SELECT _utf8mb4'x', _binary'y'");
  ASSERT_TRUE(s);
  EXPECT_EQ(Core(*s).items[0].expr->charset, "utf8mb4");
  EXPECT_EQ(Core(*s).items[1].expr->charset, "binary");
}

TEST(ParserExprTest, NoBackslashEscapesOption) {
  ParseOptions o;
  o.no_backslash_escapes = true;
  EXPECT_EQ(X("'a\\'", o), "'a\\'");
  EXPECT_EQ(X("'a\\n'"), "'a\n'");
}

TEST(ParserExprTest, AnsiQuotesOption) {
  ParseOptions o;
  o.ansi_quotes = true;
  EXPECT_EQ(X("\"col\" + 1", o), "(+ col 1)");
  EXPECT_EQ(X("\"col\" + 1"), "(+ 'col' 1)");
}

TEST(ParserExprTest, ColumnsVariablesPlaceholders) {
  EXPECT_EQ(X("a"), "a");
  EXPECT_EQ(X("t.a"), "t.a");
  EXPECT_EQ(X("db.t.a"), "db.t.a");
  EXPECT_EQ(X("`my col`"), "my col");
  EXPECT_EQ(X("t.*"), "t.*");
  EXPECT_EQ(X("db.t.*"), "db.t.*");
  EXPECT_EQ(X("t.select"), "t.select");
  EXPECT_EQ(X("@x"), "@x");
  EXPECT_EQ(X("@'my var'"), "@my var");
  EXPECT_EQ(X("@x := 1 + 2"), "(:= @x (+ 1 2))");
  EXPECT_EQ(X("@@version"), "@@version");
  EXPECT_EQ(X("@@GLOBAL.max_connections"), "@@global.max_connections");
  EXPECT_EQ(X("@@session.sql_mode"), "@@session.sql_mode");
  EXPECT_EQ(X("@@local.autocommit"), "@@session.autocommit");
  auto s = ParseAs<SelectStmt>("SELECT ?, a + ? FROM t WHERE b = ? LIMIT ?");
  ASSERT_TRUE(s);
  EXPECT_EQ(Tree(*Core(*s).items[0].expr), "?0");
  EXPECT_EQ(Tree(*Core(*s).items[1].expr), "(+ a ?1)");
  EXPECT_EQ(Tree(*Core(*s).where), "(= b ?2)");
  EXPECT_EQ(Tree(*s->query->limit->count), "?3");
  EXPECT_EQ(Parse("SELECT ?, ?").param_count, 2u);
}

TEST(ParserExprTest, Functions) {
  EXPECT_EQ(X("COUNT(*)"), "(count *)");
  EXPECT_EQ(X("count(DISTINCT a, b)"), "(count distinct a b)");
  EXPECT_EQ(X("SUM(DISTINCT k)"), "(sum distinct k)");
  EXPECT_EQ(X("max(ALL k)"), "(max k)");
  EXPECT_EQ(X("CONCAT(a, 'x', 1)"), "(concat a 'x' 1)");
  EXPECT_EQ(X("NOW()"), "(now)");
  EXPECT_EQ(X("db1.f(1)"), "(db1.f 1)");
  EXPECT_EQ(X("GROUP_CONCAT(DISTINCT a, b ORDER BY a DESC SEPARATOR ';')"),
            "(group_concat distinct a b sep';' order:1)");
  EXPECT_EQ(X("group_concat(a)"), "(group_concat a)");
  EXPECT_EQ(X("IF(a, 1, 2)"), "(if a 1 2)");
  EXPECT_EQ(X("INSERT('abc', 1, 1, 'x')"), "(insert 'abc' 1 1 'x')");
  EXPECT_EQ(X("REPLACE(a, 'x', 'y')"), "(replace a 'x' 'y')");
  EXPECT_EQ(X("LEFT(a, 2)"), "(left a 2)");
  EXPECT_EQ(X("MOD(7, 3)"), "(mod 7 3)");
  EXPECT_EQ(X("DATABASE()"), "(database)");
  EXPECT_EQ(X("CHAR(65, 66 USING utf8mb4)"), "(char 65 66 using:utf8mb4)");
  EXPECT_EQ(X("CURRENT_TIMESTAMP"), "(current_timestamp)");
  EXPECT_EQ(X("CURRENT_TIMESTAMP(6)"), "(current_timestamp 6)");
  EXPECT_EQ(X("CURRENT_USER"), "(current_user)");
  EXPECT_EQ(X("CURRENT_USER()"), "(current_user)");
  EXPECT_EQ(X("TRIM(a)"), "(trim a)");
  EXPECT_EQ(X("TRIM(LEADING 'x' FROM a)"), "(trim a 'x')");
  EXPECT_EQ(X("TRIM('x' FROM a)"), "(trim a 'x')");
  EXPECT_EQ(X("TRIM(BOTH FROM a)"), "(trim a)");
  EXPECT_EQ(X("SUBSTRING(a FROM 2 FOR 3)"), "(substring a 2 3)");
  EXPECT_EQ(X("SUBSTRING(a, 2)"), "(substring a 2)");
  EXPECT_EQ(X("POSITION('b' IN a)"), "(locate 'b' a)");
  EXPECT_EQ(X("EXTRACT(YEAR_MONTH FROM d)"), "(extract YEAR_MONTH d)");
  EXPECT_EQ(X("TIMESTAMPDIFF(SECOND, a, b)"), "(timestampdiff SECOND a b)");
  EXPECT_EQ(X("TIMESTAMPADD(SQL_TSI_DAY, 1, d)"), "(timestampadd DAY 1 d)");
  EXPECT_EQ(X("DATE_ADD(d, INTERVAL 1 DAY)"), "(date_add d (interval 1 DAY))");
  EXPECT_EQ(X("ADDDATE(d, 3)"), "(adddate d 3)");
  EXPECT_EQ(X("GET_FORMAT(DATE, 'EUR')"), "(get_format 'DATE' 'EUR')");
  EXPECT_EQ(X("VALUES(a)"),
            "ERR " + Syntax("VALUES(a)").substr(6));  // only in ON DUPLICATE KEY UPDATE
  EXPECT_EQ(X("DATE(d)"), "(date d)");
  EXPECT_EQ(X("USER()"), "(user)");
  EXPECT_EQ(X("PASSWORD('x')"), "(password 'x')");
  EXPECT_EQ(X("INTERVAL(5, 1, 10)"), "(interval 5 1 10)");
  EXPECT_EQ(X("`my func`(1)"), "(my func 1)");
}

TEST(ParserExprTest, CastConvertCaseCollate) {
  EXPECT_EQ(X("CAST(a AS SIGNED)"), "(cast a 6)");
  EXPECT_EQ(X("CAST(a AS UNSIGNED INTEGER)"), "(cast a 7)");
  EXPECT_EQ(X("CAST(a AS CHAR(10) CHARACTER SET utf8mb4)"), "(cast a 1)");
  EXPECT_EQ(X("CAST(a AS DECIMAL(10,2))"), "(cast a 5)");
  EXPECT_EQ(X("CAST(a AS DATETIME(6))"), "(cast a 3)");
  EXPECT_EQ(X("CONVERT(a, BINARY(4))"), "(cast a 0)");
  EXPECT_EQ(X("CONVERT(a USING latin1)"), "(convert a latin1)");
  EXPECT_EQ(X("CASE a WHEN 1 THEN 'x' WHEN 2 THEN 'y' ELSE 'z' END"),
            "(case a (1 'x') (2 'y') else 'z')");
  EXPECT_EQ(X("CASE WHEN a > 1 THEN 1 END"), "(case ((> a 1) 1))");
  EXPECT_EQ(X("a COLLATE utf8mb4_bin = 'x'"), "(= (collate a utf8mb4_bin) 'x')");
  EXPECT_EQ(X("-a COLLATE latin1_bin"), "(neg (collate a latin1_bin))");
  EXPECT_EQ(X("BINARY a = 'x'"), "(= (binary a) 'x')");
  auto s =
      ParseAs<SelectStmt>("SELECT CAST(a AS CHAR(10) CHARSET latin1), CAST(b AS DECIMAL(10,2))");
  ASSERT_TRUE(s);
  const CastType& c = Core(*s).items[0].expr->cast_type;
  EXPECT_EQ(c.length, 10);
  EXPECT_EQ(c.charset, "latin1");
  const CastType& d = Core(*s).items[1].expr->cast_type;
  EXPECT_EQ(d.length, 10);
  EXPECT_EQ(d.decimals, 2);
}

TEST(ParserExprTest, IntervalArithmetic) {
  EXPECT_EQ(X("d + INTERVAL 1 DAY"), "(+ d (interval 1 DAY))");
  EXPECT_EQ(X("d - INTERVAL '1:30' HOUR_MINUTE"), "(- d (interval '1:30' HOUR_MINUTE))");
  EXPECT_EQ(X("INTERVAL 1 DAY + d"), "(+ (interval 1 DAY) d)");
  EXPECT_EQ(X("d + INTERVAL 1+1 DAY + INTERVAL 2 HOUR"),
            "(+ (+ d (interval (+ 1 1) DAY)) (interval 2 HOUR))");
  EXPECT_EQ(X("NOW() - INTERVAL (a) MINUTE"), "(- (now) (interval a MINUTE))");
  EXPECT_EQ(Err("SELECT INTERVAL 1 DAY"), Syntax(""));
}

TEST(ParserExprTest, RowsSubqueriesDefault) {
  EXPECT_EQ(X("(1, 2)"), "(row 1 2)");
  EXPECT_EQ(X("ROW(1, 2)"), "(row 1 2)");
  EXPECT_EQ(X("((1))"), "1");
  EXPECT_EQ(X("(SELECT 1) + 1"), "(+ (subquery) 1)");
  EXPECT_EQ(X("((SELECT 1) UNION (SELECT 2))"), "(subquery)");
  EXPECT_EQ(X("((SELECT 1))"), "(subquery)");
}

TEST(ParserExprTest, SpansCoverSourceText) {
  std::string sql = "SELECT  a  +  1 , (b), COUNT( * ) x, - 5, 'a' 'b'  FROM t";
  auto s = ParseAs<SelectStmt>(sql);
  ASSERT_TRUE(s);
  const auto& items = Core(*s).items;
  EXPECT_EQ(items[0].expr->span.In(sql), "a  +  1");
  EXPECT_EQ(items[1].expr->span.In(sql), "(b)");
  EXPECT_EQ(items[2].expr->span.In(sql), "COUNT( * )");
  EXPECT_EQ(items[2].alias, "x");
  EXPECT_EQ(items[3].expr->span.In(sql), "- 5");
  EXPECT_EQ(items[4].expr->span.In(sql), "'a' 'b'");
  EXPECT_EQ(items[0].expr->args[1]->span.In(sql), "1");
}

TEST(ParserExprTest, WindowFunctionsAndMatchAreUnsupported) {
  EXPECT_EQ(Err("SELECT SUM(a) OVER () FROM t"), Unsupported("window functions"));
  EXPECT_EQ(Err("SELECT ROW_NUMBER() OVER (ORDER BY a) FROM t"), Unsupported("window functions"));
  EXPECT_EQ(Err("SELECT * FROM t WHERE MATCH(a) AGAINST ('x')"), Unsupported("MATCH ... AGAINST"));
}

TEST(ParserExprTest, ToSqlCanonicalText) {
  auto sql = [](std::string_view e) {
    auto r = ParseExpression(e);
    return r.ok() ? ToSql(**r) : "ERR " + r.status().message();
  };
  EXPECT_EQ(sql("a + b*c - (d+e)"), "`a` + `b` * `c` - (`d` + `e`)");
  EXPECT_EQ(sql("concat('a', \"b\", c)"), "concat('a','b',`c`)");
  EXPECT_EQ(sql("1+2"), "1 + 2");
  EXPECT_EQ(sql("a > 0"), "`a` > 0");
  EXPECT_EQ(sql("b<>a"), "`b` <> `a`");
  EXPECT_EQ(sql("(a OR b) AND c"), "(`a` or `b`) and `c`");
  EXPECT_EQ(sql("NOT (a = 1)"), "!(`a` = 1)");
  EXPECT_EQ(sql("- -1"), "-(-1)");
  EXPECT_EQ(sql("'it''s\\\\'"), "'it''s\\\\'");
  EXPECT_EQ(sql("a IS NOT NULL"), "`a` is not null");
  EXPECT_EQ(sql("a IN (1,2)"), "`a` in (1,2)");
  EXPECT_EQ(sql("a BETWEEN 1 AND 2"), "`a` between 1 and 2");
  EXPECT_EQ(sql("CASE WHEN a THEN 1 ELSE 2 END"), "case when `a` then 1 else 2 end");
  EXPECT_EQ(sql("CAST(a AS CHAR(3))"), "cast(`a` as char(3))");
  EXPECT_EQ(sql("t.a + @v + @@global.x"), "`t`.`a` + @`v` + @@global.x");
  EXPECT_EQ(sql("count(*)"), "count(*)");
  EXPECT_EQ(sql("d + INTERVAL 1 DAY"), "`d` + interval 1 day");
  EXPECT_EQ(sql("1 +"), "ERR " + Syntax("").substr(6));
}

// ---- SELECT ------------------------------------------------------------------

TEST(ParserSelectTest, SelectWithoutFrom) {
  auto s = ParseAs<SelectStmt>("SELECT 1, 'a' AS x, 2 y, 3 'z', 4 AS \"w\"");
  ASSERT_TRUE(s);
  const auto& items = Core(*s).items;
  ASSERT_EQ(items.size(), 5u);
  EXPECT_FALSE(items[0].has_alias);
  EXPECT_EQ(items[1].alias, "x");
  EXPECT_EQ(items[2].alias, "y");
  EXPECT_EQ(items[3].alias, "z");
  EXPECT_EQ(items[4].alias, "w");
  EXPECT_TRUE(Core(*s).from.empty());
  auto d = ParseAs<SelectStmt>("SELECT 1 FROM DUAL");
  ASSERT_TRUE(d);
  EXPECT_TRUE(Core(*d).from_dual);
}

TEST(ParserSelectTest, SelectOptions) {
  auto s = ParseAs<SelectStmt>(
      "SELECT DISTINCT SQL_CALC_FOUND_ROWS SQL_NO_CACHE HIGH_PRIORITY STRAIGHT_JOIN "
      "SQL_SMALL_RESULT "
      "SQL_BIG_RESULT SQL_BUFFER_RESULT a FROM t");
  ASSERT_TRUE(s);
  const SelectCore& c = Core(*s);
  EXPECT_TRUE(c.distinct && c.sql_calc_found_rows && c.sql_no_cache && c.high_priority &&
              c.straight_join && c.sql_small_result && c.sql_big_result && c.sql_buffer_result);
  auto a = ParseAs<SelectStmt>("SELECT ALL DISTINCTROW a FROM t");
  ASSERT_TRUE(a);
  EXPECT_TRUE(Core(*a).distinct);
}

TEST(ParserSelectTest, FullClauses) {
  auto s = ParseAs<SelectStmt>(
      "SELECT a, COUNT(*) AS n FROM db1.t AS x WHERE a > 1 GROUP BY a DESC, 2 WITH ROLLUP "
      "HAVING n > 2 ORDER BY 2 DESC, a LIMIT 10 OFFSET 5");
  ASSERT_TRUE(s);
  const SelectCore& c = Core(*s);
  ASSERT_EQ(c.from.size(), 1u);
  EXPECT_EQ(c.from[0]->table.db, "db1");
  EXPECT_EQ(c.from[0]->table.name, "t");
  EXPECT_EQ(c.from[0]->alias, "x");
  EXPECT_EQ(Tree(*c.where), "(> a 1)");
  ASSERT_EQ(c.group_by.size(), 2u);
  EXPECT_TRUE(c.group_by[0].descending);
  EXPECT_TRUE(c.with_rollup);
  EXPECT_EQ(Tree(*c.having), "(> n 2)");
  ASSERT_EQ(s->query->order_by.size(), 2u);
  EXPECT_TRUE(s->query->order_by[0].descending);
  EXPECT_FALSE(s->query->order_by[1].descending);
  EXPECT_EQ(Tree(*s->query->limit->count), "10");
  EXPECT_EQ(Tree(*s->query->limit->offset), "5");
}

TEST(ParserSelectTest, LimitForms) {
  auto a = ParseAs<SelectStmt>("SELECT 1 LIMIT 3");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->query->limit->offset, nullptr);
  auto b = ParseAs<SelectStmt>("SELECT 1 LIMIT 2, 3");
  ASSERT_TRUE(b);
  EXPECT_EQ(Tree(*b->query->limit->offset), "2");
  EXPECT_EQ(Tree(*b->query->limit->count), "3");
  auto c = ParseAs<SelectStmt>("SELECT 1 LIMIT ?, ?");
  ASSERT_TRUE(c);
  EXPECT_EQ(Tree(*c->query->limit->offset), "?0");
  EXPECT_EQ(Err("SELECT 1 LIMIT -1"), Syntax("-1"));
  EXPECT_EQ(Err("SELECT 1 LIMIT a"), "1327: Undeclared variable: a");
}

TEST(ParserSelectTest, LockingAndInto) {
  auto a = ParseAs<SelectStmt>("SELECT a FROM t WHERE id = 1 FOR UPDATE");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->query->lock, LockMode::kForUpdate);
  auto b = ParseAs<SelectStmt>("SELECT a FROM t LOCK IN SHARE MODE");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->query->lock, LockMode::kShare);
  auto c = ParseAs<SelectStmt>("SELECT a, b INTO @x, @y FROM t LIMIT 1");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->query->into.kind, IntoClause::Kind::kVariables);
  EXPECT_EQ(c->query->into.variables, (std::vector<std::string>{"x", "y"}));
  auto d = ParseAs<SelectStmt>("SELECT a FROM t LIMIT 1 INTO @x");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->query->into.variables, (std::vector<std::string>{"x"}));
  auto e = ParseAs<SelectStmt>("SELECT * FROM t INTO OUTFILE '/tmp/x'");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->query->into.kind, IntoClause::Kind::kOutfile);
  EXPECT_EQ(e->query->into.file, "/tmp/x");
  auto f = ParseAs<SelectStmt>("SELECT a FROM t FOR UPDATE NOWAIT");
  ASSERT_TRUE(f);
  EXPECT_TRUE(f->query->lock_nowait);
}

TEST(ParserSelectTest, Joins) {
  auto s = ParseAs<SelectStmt>(
      "SELECT * FROM a JOIN b ON a.x = b.x LEFT OUTER JOIN c USING (y, z) "
      "RIGHT JOIN d ON 1 CROSS JOIN e NATURAL LEFT JOIN f STRAIGHT_JOIN g ON g.k = 1 INNER JOIN h");
  ASSERT_TRUE(s);
  const TableRef* r = Core(*s).from[0].get();
  std::vector<JoinType> types;
  while (r->kind == TableRef::Kind::kJoin) {
    types.push_back(r->join_type);
    if (r->join_type == JoinType::kLeft && r->natural) {
      EXPECT_EQ(r->right->table.name, "f");
    }
    if (r->join_type == JoinType::kLeft && !r->natural) {
      EXPECT_EQ(r->using_columns, (std::vector<std::string>{"y", "z"}));
    }
    r = r->left.get();
  }
  EXPECT_EQ(r->table.name, "a");
  // CROSS JOIN takes the greedy rest on its right: e NATURAL LEFT JOIN f
  // STRAIGHT_JOIN g ON .. INNER JOIN h.
  std::vector<JoinType> expect = {JoinType::kInner, JoinType::kRight, JoinType::kLeft,
                                  JoinType::kInner};
  EXPECT_EQ(types, expect);
  const TableRef* rest = Core(*s).from[0]->right.get();
  types.clear();
  while (rest->kind == TableRef::Kind::kJoin) {
    types.push_back(rest->join_type);
    rest = rest->left.get();
  }
  EXPECT_EQ(rest->table.name, "e");
  EXPECT_EQ(types, (std::vector<JoinType>{JoinType::kInner, JoinType::kStraight, JoinType::kLeft}));
  EXPECT_EQ(Err("SELECT * FROM a LEFT JOIN b"), Syntax(""));
  // Right-nested joins, as MariaDB's grammar builds them.
  auto n = ParseAs<SelectStmt>("SELECT * FROM j1 JOIN j2 JOIN j3 ON j2.a=j3.a ON j1.a=j2.a");
  ASSERT_TRUE(n);
  const TableRef& top = *Core(*n).from[0];
  EXPECT_EQ(top.left->table.name, "j1");
  EXPECT_EQ(top.right->kind, TableRef::Kind::kJoin);
  EXPECT_EQ(Tree(*top.on), "(= j1.a j2.a)");
  EXPECT_EQ(Tree(*top.right->on), "(= j2.a j3.a)");
  auto l =
      ParseAs<SelectStmt>("SELECT * FROM j1 LEFT JOIN j2 LEFT JOIN j3 ON j2.a=j3.a ON j1.a=j2.a");
  ASSERT_TRUE(l);
  EXPECT_EQ(Core(*l).from[0]->right->join_type, JoinType::kLeft);
  auto d = ParseAs<SelectStmt>("SELECT * FROM a LEFT JOIN b ON x LEFT JOIN c ON y JOIN d");
  ASSERT_TRUE(d);
  const TableRef& dt = *Core(*d).from[0];  // ((a LEFT b) LEFT c) JOIN d
  EXPECT_EQ(dt.join_type, JoinType::kInner);
  EXPECT_EQ(dt.right->table.name, "d");
  EXPECT_EQ(dt.left->join_type, JoinType::kLeft);
  EXPECT_EQ(dt.left->right->table.name, "c");
}

TEST(ParserSelectTest, CommaJoinsDerivedTablesAndHints) {
  auto s = ParseAs<SelectStmt>(
      "SELECT * FROM t1 AS a USE INDEX (i1, PRIMARY) FORCE KEY FOR ORDER BY (i2), "
      "(SELECT 1 AS c) AS d, (t2, t3)");
  ASSERT_TRUE(s);
  const auto& from = Core(*s).from;
  ASSERT_EQ(from.size(), 3u);
  EXPECT_EQ(from[0]->alias, "a");
  ASSERT_EQ(from[0]->index_hints.size(), 2u);
  EXPECT_EQ(from[0]->index_hints[0].type, IndexHint::Type::kUse);
  EXPECT_EQ(from[0]->index_hints[0].indexes, (std::vector<std::string>{"i1", "PRIMARY"}));
  EXPECT_EQ(from[0]->index_hints[1].type, IndexHint::Type::kForce);
  EXPECT_EQ(from[0]->index_hints[1].scope, IndexHint::Scope::kOrderBy);
  EXPECT_EQ(from[1]->kind, TableRef::Kind::kDerived);
  EXPECT_EQ(from[1]->alias, "d");
  EXPECT_EQ(from[2]->kind, TableRef::Kind::kJoin);
  EXPECT_EQ(from[2]->join_type, JoinType::kComma);
  auto nj = ParseAs<SelectStmt>("SELECT * FROM ((SELECT a FROM j1) AS d JOIN j2 USING (a))");
  ASSERT_TRUE(nj);
  EXPECT_EQ(Core(*nj).from[0]->kind, TableRef::Kind::kJoin);
  EXPECT_EQ(Core(*nj).from[0]->left->kind, TableRef::Kind::kDerived);
  auto pq = ParseAs<SelectStmt>("SELECT * FROM ((SELECT 1) UNION (SELECT 2)) AS u");
  ASSERT_TRUE(pq);
  EXPECT_EQ(Core(*pq).from[0]->kind, TableRef::Kind::kDerived);
  EXPECT_EQ(Core(*pq).from[0]->subquery->kind, QueryExpr::Kind::kUnion);
  // A derived table needs an alias (MariaDB: a syntax error).
  EXPECT_EQ(Err("select * from (select 1)"), Syntax(""));
  auto n = ParseAs<SelectStmt>("SELECT * FROM (SELECT 1) x");
  ASSERT_TRUE(n);
  EXPECT_EQ(Core(*n).from[0]->alias, "x");
}

TEST(ParserSelectTest, UnionsAndParentheses) {
  auto s = ParseAs<SelectStmt>("SELECT 1 UNION SELECT 2 UNION ALL SELECT 3 ORDER BY 1 LIMIT 2");
  ASSERT_TRUE(s);
  const QueryExpr& q = *s->query;
  EXPECT_EQ(q.kind, QueryExpr::Kind::kUnion);
  EXPECT_TRUE(q.all);
  EXPECT_EQ(q.left->kind, QueryExpr::Kind::kUnion);
  EXPECT_FALSE(q.left->all);
  EXPECT_EQ(q.order_by.size(), 1u);
  EXPECT_TRUE(q.limit.has_value());
  auto p = ParseAs<SelectStmt>(
      "(SELECT a FROM t ORDER BY a LIMIT 1) UNION DISTINCT (SELECT b FROM u) ORDER BY 1");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->query->left->order_by.size(), 1u);
  EXPECT_TRUE(p->query->left->limit.has_value());
  EXPECT_EQ(p->query->order_by.size(), 1u);
  auto i = ParseAs<SelectStmt>("SELECT 1 UNION SELECT 2 INTERSECT SELECT 3");
  ASSERT_TRUE(i);
  EXPECT_EQ(i->query->kind, QueryExpr::Kind::kUnion);
  EXPECT_EQ(i->query->right->kind, QueryExpr::Kind::kIntersect);
  auto e = ParseAs<SelectStmt>("SELECT 1 EXCEPT ALL SELECT 2");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->query->kind, QueryExpr::Kind::kExcept);
  auto n = ParseAs<SelectStmt>("((SELECT 1 LIMIT 1)) LIMIT 2");
  ASSERT_TRUE(n);
  EXPECT_EQ(n->query->kind, QueryExpr::Kind::kParenthesized);
  auto top = ParseAs<SelectStmt>("(SELECT 1)");
  ASSERT_TRUE(top);
  EXPECT_EQ(top->query->kind, QueryExpr::Kind::kSelect);
  EXPECT_EQ(Err("select a from t order by a union select 1"), Syntax("union select 1"));
}

TEST(ParserSelectTest, CommonTableExpressions) {
  auto s = ParseAs<SelectStmt>(
      "WITH RECURSIVE c (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 5), "
      "d AS (SELECT 2) SELECT * FROM c, d");
  ASSERT_TRUE(s);
  ASSERT_TRUE(s->query->with);
  EXPECT_TRUE(s->query->with->recursive);
  ASSERT_EQ(s->query->with->ctes.size(), 2u);
  EXPECT_EQ(s->query->with->ctes[0].name, "c");
  EXPECT_EQ(s->query->with->ctes[0].columns, (std::vector<std::string>{"n"}));
  EXPECT_EQ(s->query->with->ctes[0].query->kind, QueryExpr::Kind::kUnion);
}

TEST(ParserSelectTest, NonReservedKeywordsAsIdentifiers) {
  auto s = ParseAs<SelectStmt>(
      "SELECT status, date, value, data, text, timestamp, password, user, level, master, slave, "
      "events, logs, name, comment, engine, `select`, t.from FROM status AS user WHERE date > 1");
  ASSERT_TRUE(s);
  EXPECT_EQ(Core(*s).items.size(), 18u);
  EXPECT_EQ(Err("SELECT 1 'a' 'b'"), Syntax("'b'"));
  EXPECT_EQ(Err("SELECT 1 AS 'a' 'b'"), Syntax("'b'"));
  EXPECT_EQ(Err("SELECT 1 = NOT 0"), Syntax("NOT 0"));
  EXPECT_EQ(Err("SELECT * FROM j1 LIMIT 1,2 OFFSET 3"), Syntax("OFFSET 3"));
  EXPECT_EQ(Err("SET @a = ON"), Syntax("ON"));
  EXPECT_EQ(Err("SELECT 1 FROM j1 WHERE a IN ()"), Syntax(")"));
  EXPECT_EQ(Core(*s).from[0]->table.name, "status");
  EXPECT_EQ(Core(*s).from[0]->alias, "user");
  EXPECT_EQ(Tree(*Core(*s).items[17].expr), "t.from");
  EXPECT_EQ(Err("SELECT select FROM t"), Syntax("select FROM t"));
  EXPECT_EQ(Err("SELECT a FROM order"), Syntax("order"));
  EXPECT_EQ(Err("SELECT t. select FROM t"), Syntax("select FROM t"));
}

// ---- INSERT / REPLACE / UPDATE / DELETE ---------------------------------------

TEST(ParserDmlTest, InsertValues) {
  auto s = ParseAs<InsertStmt>("INSERT INTO sbtest1 (id, k, c, pad) VALUES (?, ?, ?, ?)");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->table.name, "sbtest1");
  EXPECT_EQ(s->columns, (std::vector<std::string>{"id", "k", "c", "pad"}));
  ASSERT_EQ(s->rows.size(), 1u);
  EXPECT_EQ(s->rows[0].size(), 4u);
  auto m = ParseAs<InsertStmt>(
      "INSERT LOW_PRIORITY IGNORE t VALUE (1, DEFAULT), (2, 'x'), () "
      "ON DUPLICATE KEY UPDATE a = VALUES(a), b = b + 1");
  ASSERT_TRUE(m);
  EXPECT_TRUE(m->ignore);
  EXPECT_EQ(m->priority, InsertPriority::kLowPriority);
  EXPECT_FALSE(m->has_column_list);
  ASSERT_EQ(m->rows.size(), 3u);
  EXPECT_EQ(Tree(*m->rows[0][1]), "DEFAULT");
  EXPECT_TRUE(m->rows[2].empty());
  ASSERT_EQ(m->on_duplicate.size(), 2u);
  EXPECT_EQ(Tree(*m->on_duplicate[0].value), "(values a)");
  EXPECT_EQ(Tree(*m->on_duplicate[1].value), "(+ b 1)");
}

TEST(ParserDmlTest, InsertSelectSetAndReplace) {
  auto s = ParseAs<InsertStmt>("INSERT INTO db.t (a) SELECT x FROM u WHERE y = 1");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->source, InsertStmt::Source::kSelect);
  EXPECT_EQ(s->table.db, "db");
  auto p = ParseAs<InsertStmt>("INSERT INTO t (SELECT 1)");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->source, InsertStmt::Source::kSelect);
  auto set = ParseAs<InsertStmt>("INSERT INTO t SET a = 1, b = DEFAULT");
  ASSERT_TRUE(set);
  EXPECT_EQ(set->source, InsertStmt::Source::kSet);
  EXPECT_EQ(set->set.size(), 2u);
  auto r = ParseAs<InsertStmt>("REPLACE DELAYED INTO t VALUES (1)");
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->replace);
  EXPECT_EQ(r->priority, InsertPriority::kDelayed);
  auto e = ParseAs<InsertStmt>("INSERT INTO t () VALUES ()");
  ASSERT_TRUE(e);
  EXPECT_TRUE(e->has_column_list);
  EXPECT_EQ(Err("INSERT INTO t VALUES (1) RETURNING a"), Unsupported("RETURNING"));
  EXPECT_EQ(Err("INSERT INTO t"), Syntax(""));
}

TEST(ParserDmlTest, Update) {
  auto s = ParseAs<UpdateStmt>("UPDATE sbtest1 SET k=k+1 WHERE id=?");
  ASSERT_TRUE(s);
  EXPECT_FALSE(s->IsMultiTable());
  EXPECT_EQ(Tree(*s->set[0].column), "k");
  EXPECT_EQ(Tree(*s->set[0].value), "(+ k 1)");
  EXPECT_EQ(Tree(*s->where), "(= id ?0)");
  auto o = ParseAs<UpdateStmt>("UPDATE LOW_PRIORITY IGNORE t SET a = DEFAULT ORDER BY b LIMIT 3");
  ASSERT_TRUE(o);
  EXPECT_TRUE(o->low_priority && o->ignore);
  EXPECT_EQ(o->order_by.size(), 1u);
  EXPECT_TRUE(o->limit.has_value());
  auto m = ParseAs<UpdateStmt>("UPDATE t1 JOIN t2 ON t1.id = t2.id SET t1.a = t2.b, t2.c = 1");
  ASSERT_TRUE(m);
  EXPECT_TRUE(m->IsMultiTable());
  EXPECT_EQ(Tree(*m->set[0].column), "t1.a");
  auto c = ParseAs<UpdateStmt>("UPDATE t1, t2 SET t1.a = 1 WHERE t1.id = t2.id");
  ASSERT_TRUE(c);
  EXPECT_TRUE(c->IsMultiTable());
  auto ml =
      ParseAs<UpdateStmt>("UPDATE t1, t2 SET t1.a = 1 ORDER BY 1 LIMIT 1");  // MariaDB accepts it
  ASSERT_TRUE(ml);
  EXPECT_TRUE(ml->limit.has_value());
}

TEST(ParserDmlTest, Delete) {
  auto s = ParseAs<DeleteStmt>("DELETE FROM sbtest1 WHERE id=?");
  ASSERT_TRUE(s);
  EXPECT_FALSE(s->multi_table);
  ASSERT_EQ(s->from.size(), 1u);
  EXPECT_EQ(s->from[0]->table.name, "sbtest1");
  auto o = ParseAs<DeleteStmt>(
      "DELETE LOW_PRIORITY QUICK IGNORE FROM t WHERE a ORDER BY b DESC LIMIT 1");
  ASSERT_TRUE(o);
  EXPECT_TRUE(o->low_priority && o->quick && o->ignore);
  EXPECT_TRUE(o->limit.has_value());
  auto m = ParseAs<DeleteStmt>("DELETE t1, t2.* FROM t1 JOIN t2 ON t1.a = t2.a WHERE t1.b = 1");
  ASSERT_TRUE(m);
  EXPECT_TRUE(m->multi_table);
  ASSERT_EQ(m->targets.size(), 2u);
  EXPECT_EQ(m->targets[1].name, "t2");
  EXPECT_EQ(m->from[0]->kind, TableRef::Kind::kJoin);
  auto u = ParseAs<DeleteStmt>("DELETE FROM t1, db.t2 USING t1, db.t2, t3 WHERE 1");
  ASSERT_TRUE(u);
  EXPECT_TRUE(u->multi_table);
  EXPECT_EQ(u->targets[1].db, "db");
  EXPECT_EQ(u->from.size(), 3u);
  EXPECT_EQ(Err("DELETE t1 FROM t1, t2 ORDER BY a"), Syntax("ORDER BY a"));
  EXPECT_EQ(Err("DELETE FROM t1 USING t1, t2 LIMIT 1"), Syntax("LIMIT 1"));
}

// ---- DDL ---------------------------------------------------------------------

TEST(ParserDdlTest, Databases) {
  auto c = ParseAs<CreateDatabaseStmt>(
      "CREATE DATABASE IF NOT EXISTS d DEFAULT CHARACTER SET = UTF8MB4 DEFAULT COLLATE "
      "utf8mb4_bin");
  ASSERT_TRUE(c);
  EXPECT_TRUE(c->if_not_exists);
  EXPECT_EQ(c->name, "d");
  EXPECT_EQ(c->charset, "utf8mb4");
  EXPECT_EQ(c->collation, "utf8mb4_bin");
  auto s = ParseAs<CreateDatabaseStmt>("CREATE SCHEMA s CHARSET latin1");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->charset, "latin1");
  auto d = ParseAs<DropDatabaseStmt>("DROP SCHEMA IF EXISTS s");
  ASSERT_TRUE(d);
  EXPECT_TRUE(d->if_exists);
  auto a = ParseAs<AlterDatabaseStmt>("ALTER DATABASE d CHARACTER SET utf8");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->name, "d");
  EXPECT_EQ(a->charset, "utf8");
  auto a2 = ParseAs<AlterDatabaseStmt>("ALTER SCHEMA COLLATE latin1_bin");
  ASSERT_TRUE(a2);
  EXPECT_EQ(a2->name, "");
  auto u = ParseAs<UseStmt>("USE `my db`");
  ASSERT_TRUE(u);
  EXPECT_EQ(u->db, "my db");
}

TEST(ParserDdlTest, SysbenchCreateTable) {
  auto s = ParseAs<CreateTableStmt>(
      "CREATE TABLE sbtest1(id INTEGER NOT NULL AUTO_INCREMENT, k INTEGER DEFAULT '0' NOT NULL, "
      "c CHAR(120) DEFAULT '' NOT NULL, pad CHAR(60) DEFAULT '' NOT NULL, PRIMARY KEY (id)) "
      "/*! ENGINE = innodb */");
  ASSERT_TRUE(s);
  const TableDef& t = s->table;
  EXPECT_EQ(t.name, "sbtest1");
  ASSERT_EQ(t.columns.size(), 4u);
  EXPECT_EQ(t.columns[0].type.base, BaseType::kInt);
  EXPECT_TRUE(t.columns[0].auto_increment);
  EXPECT_FALSE(t.columns[0].nullable);
  EXPECT_EQ(t.columns[1].default_value, "0");
  EXPECT_FALSE(t.columns[1].default_is_expression);
  EXPECT_EQ(t.columns[2].type.base, BaseType::kChar);
  EXPECT_EQ(t.columns[2].type.length, 120);
  EXPECT_EQ(t.columns[2].default_value, "");
  ASSERT_EQ(t.indexes.size(), 1u);
  EXPECT_EQ(t.indexes[0].kind, IndexKind::kPrimary);
  EXPECT_EQ(t.indexes[0].name, "PRIMARY");
  EXPECT_EQ(t.engine, "InnoDB");
  EXPECT_TRUE(s->engine_given);
  ASSERT_EQ(s->column_attrs.size(), 4u);
}

TEST(ParserDdlTest, TypeSpellings) {
  auto s = ParseAs<CreateTableStmt>(
      "CREATE TABLE t (a TINYINT(3) UNSIGNED ZEROFILL, b BOOL, c BOOLEAN, d SMALLINT, e MEDIUMINT, "
      "f MIDDLEINT, g INT4, h BIGINT UNSIGNED, i DEC, j NUMERIC(5), k FIXED(6,2), l REAL, "
      "m DOUBLE PRECISION, n FLOAT(10), o FLOAT(30), p FLOAT(7,3), q BIT, r BIT(7), s CHAR, "
      "t CHARACTER(3), u CHAR VARYING(4), v NATIONAL CHAR(2), w NCHAR VARCHAR(3), x NVARCHAR(5), "
      "y LONG VARCHAR, z LONG, aa LONG VARBINARY, ab BINARY, ac VARBINARY(9), ad TINYTEXT, "
      "ae TEXT, af MEDIUMTEXT, ag LONGTEXT, ah TINYBLOB, ai BLOB, aj MEDIUMBLOB, ak LONGBLOB, "
      "al DATE, am DATETIME(6), an TIMESTAMP(3), ao TIME, ap YEAR, aq ENUM('x','y'), "
      "ar SET('a','b','c'), as_ JSON, at INT1, au INT2, av INT3, aw INT8, ax FLOAT4, ay FLOAT8, "
      "az VARCHAR(10) CHARACTER SET latin1 COLLATE latin1_bin, ba CHAR(4) BYTE, bb BLOB(300), "
      "bc NATIONAL VARCHAR(2), bd VARCHAR(3) BINARY, be SERIAL, bf INTEGER SIGNED)");
  ASSERT_TRUE(s);
  const auto& c = s->table.columns;
  auto col = [&](const char* n) -> const ColumnType& {
    for (const ColumnDef& d : c)
      if (d.name == n) return d.type;
    ADD_FAILURE() << n;
    return c[0].type;
  };
  EXPECT_EQ(col("a").base, BaseType::kTinyInt);
  EXPECT_EQ(col("a").length, 3);
  EXPECT_TRUE(col("a").is_unsigned && col("a").zerofill);
  EXPECT_EQ(col("b").base, BaseType::kTinyInt);
  EXPECT_EQ(col("b").length, 1);
  EXPECT_EQ(col("c").length, 1);
  EXPECT_EQ(col("f").base, BaseType::kMediumInt);
  EXPECT_EQ(col("g").base, BaseType::kInt);
  EXPECT_TRUE(col("h").is_unsigned);
  EXPECT_EQ(col("i").base, BaseType::kDecimal);
  EXPECT_EQ(col("i").length, 10);
  EXPECT_EQ(col("i").decimals, 0);
  EXPECT_EQ(col("j").length, 5);
  EXPECT_EQ(col("j").decimals, 0);
  EXPECT_EQ(col("k").decimals, 2);
  EXPECT_EQ(col("l").base, BaseType::kDouble);
  EXPECT_EQ(col("m").base, BaseType::kDouble);
  EXPECT_EQ(col("n").base, BaseType::kFloat);
  EXPECT_EQ(col("n").length, -1);
  EXPECT_EQ(col("o").base, BaseType::kDouble);
  EXPECT_EQ(col("p").base, BaseType::kFloat);
  EXPECT_EQ(col("p").length, 7);
  EXPECT_EQ(col("p").decimals, 3);
  EXPECT_EQ(col("q").base, BaseType::kBit);
  EXPECT_EQ(col("q").length, 1);
  EXPECT_EQ(col("r").length, 7);
  EXPECT_EQ(col("s").base, BaseType::kChar);
  EXPECT_EQ(col("s").length, 1);
  EXPECT_EQ(col("u").base, BaseType::kVarchar);
  EXPECT_EQ(col("v").charset, "utf8mb3");
  EXPECT_EQ(col("w").base, BaseType::kVarchar);
  EXPECT_EQ(col("x").charset, "utf8mb3");
  EXPECT_EQ(col("y").base, BaseType::kMediumText);
  EXPECT_EQ(col("z").base, BaseType::kMediumText);
  EXPECT_EQ(col("aa").base, BaseType::kMediumBlob);
  EXPECT_EQ(col("ab").base, BaseType::kBinary);
  EXPECT_EQ(col("ab").length, 1);
  EXPECT_EQ(col("ac").base, BaseType::kVarbinary);
  EXPECT_EQ(col("ae").base, BaseType::kText);
  EXPECT_EQ(col("ak").base, BaseType::kLongBlob);
  EXPECT_EQ(col("am").base, BaseType::kDatetime);
  EXPECT_EQ(col("am").decimals, 6);
  EXPECT_EQ(col("an").decimals, 3);
  EXPECT_EQ(col("ao").decimals, -1);
  EXPECT_EQ(col("ap").base, BaseType::kYear);
  EXPECT_EQ(col("aq").elements, (std::vector<std::string>{"x", "y"}));
  EXPECT_EQ(col("ar").base, BaseType::kSet);
  EXPECT_EQ(col("as_").base, BaseType::kJson);
  EXPECT_EQ(col("at").base, BaseType::kTinyInt);
  EXPECT_EQ(col("au").base, BaseType::kSmallInt);
  EXPECT_EQ(col("av").base, BaseType::kMediumInt);
  EXPECT_EQ(col("aw").base, BaseType::kBigInt);
  EXPECT_EQ(col("ax").base, BaseType::kFloat);
  EXPECT_EQ(col("ay").base, BaseType::kDouble);
  EXPECT_EQ(col("az").charset, "latin1");
  EXPECT_EQ(col("az").collation, "latin1_bin");
  EXPECT_EQ(col("ba").base, BaseType::kBinary);
  EXPECT_EQ(col("bb").base, BaseType::kBlob);
  EXPECT_EQ(col("bc").base, BaseType::kVarchar);
  EXPECT_EQ(col("bd").collation, "_bin");
  EXPECT_EQ(col("be").base, BaseType::kBigInt);
  EXPECT_TRUE(col("be").is_unsigned);
  EXPECT_FALSE(col("bf").is_unsigned);
  // SERIAL: NOT NULL AUTO_INCREMENT UNIQUE.
  const ColumnDef& be = c[s->table.columns.size() - 2];
  EXPECT_EQ(be.name, "be");
  EXPECT_FALSE(be.nullable);
  EXPECT_TRUE(be.auto_increment);
  bool found = false;
  for (const IndexDef& i : s->table.indexes)
    found = found || (i.name == "be" && i.kind == IndexKind::kUnique);
  EXPECT_TRUE(found);
}

TEST(ParserDdlTest, TypeLimitErrorsMatchMariaDb) {
  EXPECT_EQ(Err("create table t1 (a decimal(66,2))"),
            "1426: Too big precision specified for 'a'. Maximum is 65");
  EXPECT_EQ(Err("create table t1 (a decimal(10,31))"),
            "1427: For float(M,D), double(M,D) or decimal(M,D), M must be >= D (column 'a')");
  EXPECT_EQ(Err("create table t1 (a decimal(65,39))"),
            "1425: Too big scale specified for 'a'. Maximum is 38");
  EXPECT_EQ(Err("create table t1 (a float(40,31))"),
            "1425: Too big scale specified for 'a'. Maximum is 30");
  EXPECT_EQ(Err("create table t1 (a datetime(7))"),
            "1426: Too big precision specified for 'a'. Maximum is 6");
  EXPECT_EQ(Err("create table t1 (a time(7))"),
            "1426: Too big precision specified for 'a'. Maximum is 6");
  EXPECT_EQ(Err("create table t1 (a int(256))"),
            "1439: Display width out of range for 'a' (max = 255)");
  EXPECT_EQ(Err("create table t1 (a double(256,2))"),
            "1439: Display width out of range for 'a' (max = 255)");
  EXPECT_EQ(Err("create table t1 (a bit(65))"),
            "1439: Display width out of range for 'a' (max = 64)");
  EXPECT_EQ(Err("create table t1 (a char(256))"),
            "1074: Column length too big for column 'a' (max = 255); use BLOB or TEXT instead");
  EXPECT_EQ(Err("create table t1 (a binary(256))"),
            "1074: Column length too big for column 'a' (max = 255); use BLOB or TEXT instead");
  EXPECT_EQ(Err("create table t1 (a float(54))"),
            "1063: Incorrect column specifier for column 'a'");
  EXPECT_EQ(Err("create table t1 (a varchar)"), Syntax(")"));
  EXPECT_EQ(Err("create table t1 (a enum())"), Syntax("))"));
  EXPECT_EQ(Err("create table t1 (a foo)"), "4161: Unknown data type: 'foo'");
  EXPECT_EQ(Err("create table t1 (a point)"), Unsupported("spatial data types"));
}

TEST(ParserDdlTest, DefaultsAreCanonical) {
  auto s = ParseAs<CreateTableStmt>(
      "create table t7 (a decimal(65,38), b datetime(6) default current_timestamp(6) on update "
      "current_timestamp(6), c int default '5', d varchar(3) default 5, e decimal(5,2) default 1, "
      "f int default (1+2), g timestamp default now(), h double default -1.5e3, i char(3) default "
      "'x''y', j int default null, k text default 'abc', l bit(3) default b'101', m varbinary(3) "
      "default 0x41, n date default '2020-01-01', o int default -5, p int unsigned default +5, "
      "q datetime default localtime, r int default (a + b*c - (d+e)), s varchar(10) default "
      "(concat('a', \"b\", c)), u int default (7), v timestamp default current_timestamp, "
      "w tinyint(1) default true, x float default 0.1, y enum('p','q') default 'q')");
  ASSERT_TRUE(s);
  std::vector<std::pair<std::string, std::string>> got;
  for (const ColumnDef& c : s->table.columns) {
    got.emplace_back(
        c.name, c.default_value.value_or("<none>") + (c.default_is_expression ? " [expr]" : ""));
  }
  std::vector<std::pair<std::string, std::string>> want = {
      {"a", "<none>"},
      {"b", "current_timestamp(6) [expr]"},
      {"c", "5"},
      {"d", "5"},
      {"e", "1.00"},
      {"f", "(1 + 2) [expr]"},
      {"g", "current_timestamp() [expr]"},
      {"h", "-1500"},
      {"i", "x'y"},
      {"j", "NULL"},
      {"k", "abc"},
      {"l", "5"},
      {"m", "A"},
      {"n", "2020-01-01"},
      {"o", "-5"},
      {"p", "5"},
      {"q", "current_timestamp() [expr]"},
      {"r", "(`a` + `b` * `c` - (`d` + `e`)) [expr]"},
      {"s", "concat('a','b',`c`) [expr]"},
      {"u", "7"},
      {"v", "current_timestamp() [expr]"},
      {"w", "1"},
      {"x", "0.1"},
      {"y", "q"},
  };
  EXPECT_EQ(got, want);
  EXPECT_TRUE(s->table.columns[1].on_update_current_timestamp);
  EXPECT_TRUE(s->table.columns[9].default_is_null);
  EXPECT_TRUE(s->column_attrs[5].default_expr != nullptr);
  EXPECT_EQ(Err("create table x (a int default 'abc')"), "1067: Invalid default value for 'a'");
  EXPECT_EQ(Err("create table x (a int not null default null)"),
            "1067: Invalid default value for 'a'");
  EXPECT_EQ(Err("create table x (a int unsigned default -1)"),
            "1067: Invalid default value for 'a'");
  EXPECT_EQ(Err("create table x (a int auto_increment default 1, key(a))"),
            "1067: Invalid default value for 'a'");
}

TEST(ParserDdlTest, ColumnAttributesInAnyOrder) {
  auto s = ParseAs<CreateTableStmt>(
      "CREATE TABLE t (a INT DEFAULT 1 NOT NULL COMMENT 'hi' UNIQUE, "
      "b VARCHAR(5) COLLATE utf8mb4_bin CHARACTER SET utf8mb4 NULL INVISIBLE, "
      "c INT KEY AUTO_INCREMENT COLUMN_FORMAT FIXED STORAGE DISK, "
      "d INT CHECK (d > 0), e INT GENERATED ALWAYS AS (a + 1) VIRTUAL, f INT REFERENCES u(x))");
  ASSERT_TRUE(s);
  const auto& c = s->table.columns;
  EXPECT_FALSE(c[0].nullable);
  EXPECT_EQ(c[0].comment, "hi");
  EXPECT_TRUE(s->column_attrs[0].unique_key);
  EXPECT_EQ(c[1].type.collation, "utf8mb4_bin");
  EXPECT_EQ(c[1].type.charset, "utf8mb4");
  EXPECT_TRUE(s->column_attrs[1].invisible);
  EXPECT_TRUE(s->column_attrs[1].explicit_null);
  EXPECT_TRUE(s->column_attrs[2].primary_key);
  EXPECT_FALSE(c[2].nullable);
  EXPECT_EQ(s->column_attrs[3].check_text, "`d` > 0");
  EXPECT_TRUE(s->column_attrs[4].generated);
  EXPECT_TRUE(s->column_attrs[5].references);
  ASSERT_FALSE(s->table.indexes.empty());
  EXPECT_EQ(s->table.indexes[0].kind, IndexKind::kPrimary);
  EXPECT_EQ(s->table.indexes[0].columns[0].name, "c");
}

TEST(ParserDdlTest, KeysAreNamedAndOrderedLikeMariaDb) {
  auto s = ParseAs<CreateTableStmt>(
      "create table t8 (a int, b text, unique(a), key(a), unique key(a), index(a), key a_5(a), "
      "primary key (a), fulltext(b), check (a>0), constraint foo check (a < 10), unique(b(10)), "
      "c int unique, d int unique key,  f int unique, key(f), key PRIMARY_2 (f))");
  ASSERT_TRUE(s);
  std::vector<std::string> names;
  for (const IndexDef& i : s->table.indexes) names.push_back(i.name);
  EXPECT_EQ(names, (std::vector<std::string>{"PRIMARY", "a", "a_3", "c", "d", "f", "b_2", "a_2",
                                             "a_4", "a_5", "f_2", "PRIMARY_2", "b"}));
  EXPECT_FALSE(s->table.columns[0].nullable);  // primary key column
  EXPECT_EQ(s->table.indexes[6].columns[0].prefix_length, 10);
  ASSERT_EQ(s->checks.size(), 2u);
  EXPECT_EQ(s->checks[0].name, "CONSTRAINT_1");
  EXPECT_EQ(s->checks[0].text, "`a` > 0");
  EXPECT_EQ(s->checks[1].name, "foo");
  auto p = ParseAs<CreateTableStmt>(
      "create table t9 (primary_x int, key primary_x (primary_x), key(primary_x))");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->table.indexes[1].name, "primary_x_2");
  EXPECT_EQ(Err("create table x (a int primary key, b int primary key)"),
            "1068: Multiple primary key defined");
  EXPECT_EQ(Err("create table x (a int, key k(a), key k(a))"), "1061: Duplicate key name 'k'");
  EXPECT_EQ(Err("create table t8 (a int, unique(a), key(a), key a_2(a))"),
            "1061: Duplicate key name 'a_2'");
}

TEST(ParserDdlTest, IndexDefinitions) {
  auto s = ParseAs<CreateTableStmt>(
      "CREATE TABLE t (a INT, b VARCHAR(20), CONSTRAINT pk PRIMARY KEY USING BTREE (a), "
      "CONSTRAINT uq UNIQUE INDEX (b(5) DESC) COMMENT 'c', KEY kb (b, a) USING HASH "
      "KEY_BLOCK_SIZE=8, "
      "FULLTEXT KEY ft (b), CONSTRAINT fk FOREIGN KEY (a) REFERENCES other (x) ON DELETE CASCADE)");
  ASSERT_TRUE(s);
  const auto& ix = s->table.indexes;
  ASSERT_EQ(ix.size(), 4u);
  EXPECT_EQ(ix[0].name, "PRIMARY");
  EXPECT_EQ(ix[1].name, "uq");
  EXPECT_EQ(ix[1].comment, "c");
  EXPECT_TRUE(ix[1].columns[0].descending);
  EXPECT_EQ(ix[1].columns[0].prefix_length, 5);
  EXPECT_EQ(ix[2].name, "kb");
  EXPECT_EQ(ix[3].kind, IndexKind::kFulltext);
  ASSERT_EQ(s->foreign_keys.size(), 1u);
  EXPECT_EQ(s->foreign_keys[0].name, "fk");
  EXPECT_EQ(s->foreign_keys[0].ref_table.name, "other");
}

TEST(ParserDdlTest, TableOptions) {
  auto s = ParseAs<CreateTableStmt>(
      "CREATE TEMPORARY TABLE IF NOT EXISTS d.t (a INT) ENGINE=MyISAM AUTO_INCREMENT = 100 "
      "DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='tbl' ROW_FORMAT=dynamic "
      "KEY_BLOCK_SIZE 8, STATS_PERSISTENT=0 PACK_KEYS=DEFAULT");
  ASSERT_TRUE(s);
  EXPECT_TRUE(s->temporary);
  EXPECT_TRUE(s->if_not_exists);
  EXPECT_EQ(s->table.db, "d");
  EXPECT_EQ(s->table.engine, "MyISAM");
  EXPECT_EQ(s->table.auto_increment, 100u);
  EXPECT_TRUE(s->auto_increment_given);
  EXPECT_EQ(s->table.charset, "utf8mb4");
  EXPECT_EQ(s->table.collation, "utf8mb4_unicode_ci");
  EXPECT_EQ(s->table.comment, "tbl");
  ASSERT_EQ(s->options.size(), 9u);
  EXPECT_EQ(s->options[5].name, "ROW_FORMAT");
  EXPECT_EQ(s->options[5].value, "DYNAMIC");
  auto m = ParseAs<CreateTableStmt>("CREATE TABLE t (a INT) ENGINE=InnoDB DEFAULT CHARSET=latin1");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->table.charset, "latin1");
  EXPECT_EQ(Err("CREATE TABLE t (a INT) PARTITION BY HASH(a)"), Unsupported("PARTITION"));
}

TEST(ParserDdlTest, CreateTableLikeAndSelect) {
  auto l = ParseAs<CreateTableStmt>("CREATE TABLE t2 LIKE t1");
  ASSERT_TRUE(l);
  ASSERT_TRUE(l->like.has_value());
  EXPECT_EQ(l->like->name, "t1");
  auto p = ParseAs<CreateTableStmt>("CREATE TABLE t2 (LIKE db.t1)");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->like->db, "db");
  auto a = ParseAs<CreateTableStmt>("CREATE TABLE t2 AS SELECT * FROM t1");
  ASSERT_TRUE(a);
  ASSERT_TRUE(a->select);
  EXPECT_FALSE(a->has_definitions);
  auto b = ParseAs<CreateTableStmt>(
      "CREATE OR REPLACE TABLE t2 (x INT) ENGINE=InnoDB IGNORE SELECT 1 AS x");
  ASSERT_TRUE(b);
  EXPECT_TRUE(b->or_replace);
  EXPECT_TRUE(b->has_definitions);
  EXPECT_EQ(b->duplicates, CreateTableStmt::Duplicates::kIgnore);
  auto c = ParseAs<CreateTableStmt>("CREATE TABLE t2 SELECT 1");
  ASSERT_TRUE(c);
  EXPECT_TRUE(c->select);
  EXPECT_EQ(Err("CREATE TABLE t2"), "1113: A table must have at least 1 column");
}

TEST(ParserDdlTest, DropTruncateRename) {
  auto d = ParseAs<DropTableStmt>("DROP TEMPORARY TABLE IF EXISTS t1, db.t2 CASCADE");
  ASSERT_TRUE(d);
  EXPECT_TRUE(d->temporary && d->if_exists && d->cascade);
  ASSERT_EQ(d->tables.size(), 2u);
  EXPECT_EQ(d->tables[1].db, "db");
  auto t = ParseAs<TruncateStmt>("TRUNCATE TABLE t");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->table.name, "t");
  auto t2 = ParseAs<TruncateStmt>("TRUNCATE t");
  ASSERT_TRUE(t2);
  auto r = ParseAs<RenameTableStmt>("RENAME TABLE a TO b, db.c TO db2.d");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->renames.size(), 2u);
  EXPECT_EQ(r->renames[1].second.db, "db2");
  auto ci = ParseAs<CreateIndexStmt>("CREATE UNIQUE INDEX i ON t (a, b(3)) USING BTREE");
  ASSERT_TRUE(ci);
  EXPECT_EQ(ci->index.kind, IndexKind::kUnique);
  EXPECT_EQ(ci->index.name, "i");
  EXPECT_EQ(ci->index.columns.size(), 2u);
  auto di = ParseAs<DropIndexStmt>("DROP INDEX IF EXISTS i ON t ALGORITHM=INPLACE");
  ASSERT_TRUE(di);
  EXPECT_TRUE(di->if_exists);
  EXPECT_EQ(di->name, "i");
}

TEST(ParserDdlTest, AlterTable) {
  auto s = ParseAs<AlterTableStmt>(
      "ALTER TABLE t ADD COLUMN x INT NOT NULL DEFAULT 0 AFTER a, ADD y TEXT FIRST, "
      "ADD COLUMN IF NOT EXISTS (p INT, q INT), DROP COLUMN z, DROP w, "
      "MODIFY COLUMN a BIGINT UNSIGNED FIRST, CHANGE b bb VARCHAR(10) AFTER a, "
      "ALTER COLUMN c SET DEFAULT 5, ALTER d DROP DEFAULT, ADD INDEX (x), ADD UNIQUE KEY uk "
      "(y(4)), "
      "ADD PRIMARY KEY (a), ADD FULLTEXT (y), DROP INDEX i1, DROP KEY i2, DROP PRIMARY KEY, "
      "RENAME TO t2, RENAME COLUMN a TO a2, RENAME INDEX i3 TO i4, ENGINE=InnoDB, "
      "AUTO_INCREMENT=5, "
      "CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin, DEFAULT CHARSET=latin1, "
      "ALGORITHM=INPLACE, "
      "LOCK=NONE, ADD CONSTRAINT ck CHECK (x > 0), DROP CONSTRAINT ck2, FORCE, DISABLE KEYS, "
      "ENABLE KEYS");
  ASSERT_TRUE(s);
  using K = AlterOp::Kind;
  std::vector<K> kinds;
  for (const AlterOp& op : s->ops) kinds.push_back(op.kind);
  std::vector<K> want = {
      K::kAddColumn,      K::kAddColumn,      K::kAddColumn,      K::kAddColumn,    K::kDropColumn,
      K::kDropColumn,     K::kModifyColumn,   K::kChangeColumn,   K::kSetDefault,   K::kDropDefault,
      K::kAddIndex,       K::kAddIndex,       K::kAddIndex,       K::kAddIndex,     K::kDropIndex,
      K::kDropIndex,      K::kDropPrimaryKey, K::kRenameTable,    K::kRenameColumn, K::kRenameIndex,
      K::kTableOptions,   K::kTableOptions,   K::kConvertCharset, K::kTableOptions, K::kAddCheck,
      K::kDropConstraint, K::kForce,          K::kDisableKeys,    K::kEnableKeys};
  EXPECT_EQ(kinds, want);
  const auto& ops = s->ops;
  EXPECT_EQ(ops[0].column.name, "x");
  EXPECT_EQ(ops[0].column.default_value, "0");
  EXPECT_EQ(ops[0].position, ColumnPosition::kAfter);
  EXPECT_EQ(ops[0].after_column, "a");
  EXPECT_EQ(ops[1].position, ColumnPosition::kFirst);
  EXPECT_TRUE(ops[2].if_not_exists);
  EXPECT_EQ(ops[3].column.name, "q");
  EXPECT_EQ(ops[4].name, "z");
  EXPECT_EQ(ops[6].column.type.base, BaseType::kBigInt);
  EXPECT_EQ(ops[7].name, "b");
  EXPECT_EQ(ops[7].column.name, "bb");
  EXPECT_EQ(ops[8].column.default_value, "5");
  EXPECT_EQ(ops[10].index.name, "");
  EXPECT_EQ(ops[11].index.name, "uk");
  EXPECT_EQ(ops[12].index.kind, IndexKind::kPrimary);
  EXPECT_EQ(ops[17].new_table.name, "t2");
  EXPECT_EQ(ops[18].new_name, "a2");
  EXPECT_EQ(ops[20].options[0].name, "ENGINE");
  EXPECT_EQ(ops[21].options[0].name, "AUTO_INCREMENT");
  EXPECT_EQ(ops[22].charset, "utf8mb4");
  EXPECT_EQ(ops[22].collation, "utf8mb4_bin");
  EXPECT_EQ(ops[23].options[0].name, "DEFAULT CHARSET");
  EXPECT_EQ(ops[24].check.text, "`x` > 0");
  auto dump = ParseAs<AlterTableStmt>("/*!40000 ALTER TABLE `t` DISABLE KEYS */");
  ASSERT_TRUE(dump);
  EXPECT_EQ(dump->ops[0].kind, AlterOp::Kind::kDisableKeys);
  auto online = ParseAs<AlterTableStmt>(
      "ALTER ONLINE IGNORE TABLE IF EXISTS t ADD FOREIGN KEY (a) REFERENCES u (b)");
  ASSERT_TRUE(online);
  EXPECT_TRUE(online->online && online->ignore && online->if_exists);
  EXPECT_EQ(online->ops[0].kind, AlterOp::Kind::kAddForeignKey);
  EXPECT_EQ(Err("ALTER TABLE t ORDER BY a"), Unsupported("ALTER TABLE ORDER BY"));
}

// ---- SHOW / DESCRIBE / EXPLAIN -----------------------------------------------

TEST(ParserShowTest, AllForms) {
  struct Case {
    const char* sql;
    ShowKind kind;
  };
  const Case cases[] = {
      {"SHOW DATABASES", ShowKind::kDatabases},
      {"SHOW SCHEMAS LIKE 'a%'", ShowKind::kDatabases},
      {"SHOW FULL TABLES FROM db WHERE Table_type = 'BASE TABLE'", ShowKind::kTables},
      {"SHOW TABLES IN db LIKE 't%'", ShowKind::kTables},
      {"SHOW CREATE TABLE db.t", ShowKind::kCreateTable},
      {"SHOW CREATE DATABASE IF NOT EXISTS d", ShowKind::kCreateDatabase},
      {"SHOW CREATE SCHEMA d", ShowKind::kCreateDatabase},
      {"SHOW FULL COLUMNS FROM t FROM db LIKE 'a%'", ShowKind::kColumns},
      {"SHOW FIELDS IN t", ShowKind::kColumns},
      {"SHOW INDEX FROM t", ShowKind::kIndex},
      {"SHOW INDEXES IN t IN db", ShowKind::kIndex},
      {"SHOW KEYS FROM t WHERE Key_name = 'PRIMARY'", ShowKind::kIndex},
      {"SHOW GLOBAL VARIABLES LIKE 'max%'", ShowKind::kVariables},
      {"SHOW SESSION VARIABLES WHERE Variable_name = 'x'", ShowKind::kVariables},
      {"SHOW VARIABLES", ShowKind::kVariables},
      {"SHOW GLOBAL STATUS LIKE 'Com%'", ShowKind::kStatus},
      {"SHOW STATUS", ShowKind::kStatus},
      {"SHOW FULL PROCESSLIST", ShowKind::kProcesslist},
      {"SHOW PROCESSLIST", ShowKind::kProcesslist},
      {"SHOW WARNINGS LIMIT 1, 2", ShowKind::kWarnings},
      {"SHOW ERRORS", ShowKind::kErrors},
      {"SHOW COUNT(*) WARNINGS", ShowKind::kWarningCount},
      {"SHOW COUNT(*) ERRORS", ShowKind::kErrorCount},
      {"SHOW GRANTS", ShowKind::kGrants},
      {"SHOW GRANTS FOR 'u'@'h'", ShowKind::kGrants},
      {"SHOW GRANTS FOR CURRENT_USER()", ShowKind::kGrants},
      {"SHOW ENGINES", ShowKind::kEngines},
      {"SHOW STORAGE ENGINES", ShowKind::kEngines},
      {"SHOW ENGINE INNODB STATUS", ShowKind::kEngineStatus},
      {"SHOW CHARSET", ShowKind::kCharset},
      {"SHOW CHARACTER SET LIKE 'utf8%'", ShowKind::kCharset},
      {"SHOW COLLATION WHERE Charset = 'latin1'", ShowKind::kCollation},
      {"SHOW TABLE STATUS FROM db LIKE 't'", ShowKind::kTableStatus},
      {"SHOW OPEN TABLES", ShowKind::kOpenTables},
      {"SHOW CREATE USER 'u'@'%'", ShowKind::kCreateUser},
      {"SHOW MASTER STATUS", ShowKind::kMasterStatus},
      {"SHOW BINLOG STATUS", ShowKind::kMasterStatus},
      {"SHOW BINARY LOG STATUS", ShowKind::kMasterStatus},
      {"SHOW BINARY LOGS", ShowKind::kBinaryLogs},
      {"SHOW MASTER LOGS", ShowKind::kBinaryLogs},
      {"SHOW BINLOG EVENTS", ShowKind::kBinlogEvents},
      {"SHOW RELAYLOG EVENTS IN 'relay.000002' LIMIT 3", ShowKind::kRelaylogEvents},
      {"SHOW RELAYLOG 'c1' EVENTS", ShowKind::kRelaylogEvents},
      {"SHOW SLAVE STATUS", ShowKind::kSlaveStatus},
      {"SHOW REPLICA STATUS", ShowKind::kSlaveStatus},
      {"SHOW SLAVE 'conn' STATUS", ShowKind::kSlaveStatus},
      {"SHOW ALL SLAVES STATUS", ShowKind::kSlaveStatus},
      {"SHOW SLAVE HOSTS", ShowKind::kSlaveHosts},
      {"SHOW REPLICAS", ShowKind::kSlaveHosts},
      {"SHOW PRIVILEGES", ShowKind::kPrivileges},
      {"SHOW PLUGINS", ShowKind::kPlugins},
      {"SHOW TRIGGERS FROM db", ShowKind::kTriggers},
      {"SHOW EVENTS", ShowKind::kEvents},
      {"SHOW FUNCTION STATUS LIKE 'f'", ShowKind::kFunctionStatus},
      {"SHOW PROCEDURE STATUS WHERE Db = 'x'", ShowKind::kProcedureStatus},
      {"SHOW CREATE VIEW v", ShowKind::kCreateView},
      {"SHOW CREATE PROCEDURE p", ShowKind::kCreateProcedure},
      {"SHOW PROFILES", ShowKind::kProfiles},
  };
  for (const Case& c : cases) {
    auto s = ParseAs<ShowStmt>(c.sql);
    if (!s) {
      ADD_FAILURE() << c.sql;
      continue;
    }
    EXPECT_EQ(s->what, c.kind) << c.sql;
  }
}

TEST(ParserShowTest, Details) {
  auto t = ParseAs<ShowStmt>("SHOW FULL TABLES FROM db LIKE 't%'");
  ASSERT_TRUE(t);
  EXPECT_TRUE(t->full);
  EXPECT_EQ(t->db, "db");
  EXPECT_EQ(t->like, "t%");
  auto c = ParseAs<ShowStmt>("SHOW COLUMNS FROM t FROM db");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->table.name, "t");
  EXPECT_EQ(c->table.db, "db");
  auto v = ParseAs<ShowStmt>("SHOW GLOBAL VARIABLES WHERE Variable_name LIKE 'x%'");
  ASSERT_TRUE(v);
  EXPECT_EQ(v->scope, VarScope::kGlobal);
  ASSERT_TRUE(v->where);
  auto e = ParseAs<ShowStmt>("SHOW BINLOG EVENTS IN 'mysql-bin.000001' FROM 4 LIMIT 2, 10");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->log_name, "mysql-bin.000001");
  EXPECT_EQ(Tree(*e->from_pos), "4");
  EXPECT_EQ(Tree(*e->limit->offset), "2");
  EXPECT_EQ(Tree(*e->limit->count), "10");
  auto g = ParseAs<ShowStmt>("SHOW GRANTS FOR repl@'10.0.0.%'");
  ASSERT_TRUE(g);
  EXPECT_EQ(g->user->user, "repl");
  EXPECT_EQ(g->user->host, "10.0.0.%");
  auto s = ParseAs<ShowStmt>("SHOW SLAVE 'c1' STATUS");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->connection_name, "c1");
  auto cd = ParseAs<ShowStmt>("SHOW CREATE DATABASE d");
  ASSERT_TRUE(cd);
  EXPECT_EQ(cd->target, "d");
  EXPECT_EQ(Err("SHOW FULL DATABASES"), Syntax("DATABASES"));
  EXPECT_EQ(Err("SHOW NONSENSE"), Syntax("NONSENSE"));
}

TEST(ParserShowTest, DescribeAndExplain) {
  auto d = ParseAs<ShowStmt>("DESCRIBE t");
  ASSERT_TRUE(d);
  EXPECT_TRUE(d->describe);
  EXPECT_EQ(d->what, ShowKind::kColumns);
  auto dc = ParseAs<ShowStmt>("DESC db.t col");
  ASSERT_TRUE(dc);
  EXPECT_EQ(dc->table.db, "db");
  EXPECT_EQ(dc->like, "col");
  auto et = ParseAs<ShowStmt>("EXPLAIN t 'c%'");
  ASSERT_TRUE(et);
  EXPECT_EQ(et->like, "c%");
  auto x = ParseAs<ExplainStmt>("EXPLAIN SELECT * FROM t WHERE a = 1");
  ASSERT_TRUE(x);
  EXPECT_EQ(x->stmt->kind, StatementKind::kSelect);
  auto xe = ParseAs<ExplainStmt>("EXPLAIN EXTENDED UPDATE t SET a = 1");
  ASSERT_TRUE(xe);
  EXPECT_TRUE(xe->extended);
  EXPECT_EQ(xe->stmt->kind, StatementKind::kUpdate);
  auto xf = ParseAs<ExplainStmt>("EXPLAIN FORMAT=JSON DELETE FROM t");
  ASSERT_TRUE(xf);
  EXPECT_EQ(xf->format, "json");
  auto dx = ParseAs<ExplainStmt>("DESCRIBE SELECT 1");
  ASSERT_TRUE(dx);
}

// ---- transactions --------------------------------------------------------------

TEST(ParserTxnTest, BeginCommitRollbackSavepoints) {
  EXPECT_TRUE(ParseAs<BeginStmt>("BEGIN"));
  EXPECT_TRUE(ParseAs<BeginStmt>("BEGIN WORK"));
  auto st = ParseAs<BeginStmt>("START TRANSACTION READ ONLY, WITH CONSISTENT SNAPSHOT");
  ASSERT_TRUE(st);
  EXPECT_TRUE(st->start_transaction && st->read_only && st->consistent_snapshot);
  auto rw = ParseAs<BeginStmt>("START TRANSACTION READ WRITE");
  ASSERT_TRUE(rw);
  EXPECT_TRUE(rw->read_write);
  auto c = ParseAs<CommitStmt>("COMMIT WORK AND NO CHAIN RELEASE");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->chain, TriState::kNo);
  EXPECT_EQ(c->release, TriState::kYes);
  auto c2 = ParseAs<CommitStmt>("COMMIT AND CHAIN NO RELEASE");
  ASSERT_TRUE(c2);
  EXPECT_EQ(c2->chain, TriState::kYes);
  EXPECT_EQ(c2->release, TriState::kNo);
  auto r = ParseAs<RollbackStmt>("ROLLBACK");
  ASSERT_TRUE(r);
  EXPECT_FALSE(r->savepoint.has_value());
  auto rs = ParseAs<RollbackStmt>("ROLLBACK WORK TO SAVEPOINT sp1");
  ASSERT_TRUE(rs);
  EXPECT_EQ(rs->savepoint, "sp1");
  auto rs2 = ParseAs<RollbackStmt>("ROLLBACK TO sp2");
  ASSERT_TRUE(rs2);
  EXPECT_EQ(rs2->savepoint, "sp2");
  auto sp = ParseAs<SavepointStmt>("SAVEPOINT sp1");
  ASSERT_TRUE(sp);
  EXPECT_EQ(sp->name, "sp1");
  auto rel = ParseAs<ReleaseSavepointStmt>("RELEASE SAVEPOINT sp1");
  ASSERT_TRUE(rel);
  EXPECT_EQ(rel->name, "sp1");
}

TEST(ParserTxnTest, SetTransaction) {
  auto a = ParseAs<SetTransactionStmt>("SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->scope, VarScope::kDefault);
  EXPECT_EQ(a->isolation, IsolationLevel::kReadCommitted);
  auto b =
      ParseAs<SetTransactionStmt>("SET GLOBAL TRANSACTION ISOLATION LEVEL SERIALIZABLE, READ ONLY");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->scope, VarScope::kGlobal);
  EXPECT_EQ(b->isolation, IsolationLevel::kSerializable);
  EXPECT_EQ(b->read_only, true);
  auto c = ParseAs<SetTransactionStmt>("SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->isolation, IsolationLevel::kRepeatableRead);
  auto d =
      ParseAs<SetTransactionStmt>("SET TRANSACTION READ WRITE, ISOLATION LEVEL READ UNCOMMITTED");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->read_only, false);
  EXPECT_EQ(d->isolation, IsolationLevel::kReadUncommitted);
}

TEST(ParserTxnTest, LockTables) {
  auto l = ParseAs<LockTablesStmt>(
      "LOCK TABLES t1 READ, t2 AS x WRITE, db.t3 READ LOCAL, t4 LOW_PRIORITY WRITE, t5 y WRITE "
      "CONCURRENT");
  ASSERT_TRUE(l);
  ASSERT_EQ(l->tables.size(), 5u);
  EXPECT_EQ(l->tables[0].type, LockTablesStmt::LockType::kRead);
  EXPECT_EQ(l->tables[1].alias, "x");
  EXPECT_EQ(l->tables[1].type, LockTablesStmt::LockType::kWrite);
  EXPECT_EQ(l->tables[2].type, LockTablesStmt::LockType::kReadLocal);
  EXPECT_EQ(l->tables[3].type, LockTablesStmt::LockType::kLowPriorityWrite);
  EXPECT_EQ(l->tables[4].alias, "y");
  EXPECT_EQ(l->tables[4].type, LockTablesStmt::LockType::kWriteConcurrent);
  EXPECT_TRUE(ParseAs<LockTablesStmt>("LOCK TABLE `t` WRITE"));
  EXPECT_TRUE(ParseAs<UnlockTablesStmt>("UNLOCK TABLES"));
  EXPECT_TRUE(ParseAs<UnlockTablesStmt>("UNLOCK TABLE"));
}

// ---- SET -----------------------------------------------------------------------

TEST(ParserSetTest, MixedAssignments) {
  auto s = ParseAs<SetStmt>(
      "SET @a = 1, @b := @a + 1, GLOBAL max_connections = 100, wait_timeout = 10, "
      "SESSION sql_mode = 'ANSI', @@global.read_only = ON, @@session.autocommit = OFF, "
      "@@sql_log_bin = 0, LOCAL x = DEFAULT, sql_mode = TRADITIONAL, @@local.y = @@global.y");
  ASSERT_TRUE(s);
  const auto& it = s->items;
  ASSERT_EQ(it.size(), 11u);
  EXPECT_EQ(it[0].kind, SetItem::Kind::kUserVar);
  EXPECT_EQ(it[0].name, "a");
  EXPECT_EQ(Tree(*it[1].value), "(+ @a 1)");
  EXPECT_EQ(it[2].kind, SetItem::Kind::kSysVar);
  EXPECT_EQ(it[2].scope, VarScope::kGlobal);
  EXPECT_EQ(it[2].name, "max_connections");
  EXPECT_EQ(it[3].scope, VarScope::kGlobal);  // GLOBAL carries over
  EXPECT_EQ(it[4].scope, VarScope::kSession);
  EXPECT_EQ(Tree(*it[4].value), "'ANSI'");
  EXPECT_EQ(it[5].scope, VarScope::kGlobal);
  EXPECT_EQ(Tree(*it[5].value), "'ON'");
  EXPECT_EQ(it[6].scope, VarScope::kSession);
  EXPECT_EQ(Tree(*it[6].value), "'OFF'");
  EXPECT_EQ(it[7].name, "sql_log_bin");
  EXPECT_EQ(Tree(*it[8].value), "DEFAULT");
  EXPECT_EQ(Tree(*it[9].value), "'TRADITIONAL'");
  EXPECT_EQ(Tree(*it[10].value), "@@global.y");
  EXPECT_EQ(it[10].scope, VarScope::kSession);
}

TEST(ParserSetTest, NamesCharsetPassword) {
  auto n = ParseAs<SetStmt>("SET NAMES utf8mb4 COLLATE utf8mb4_unicode_ci");
  ASSERT_TRUE(n);
  EXPECT_EQ(n->items[0].kind, SetItem::Kind::kNames);
  EXPECT_EQ(n->items[0].charset, "utf8mb4");
  EXPECT_EQ(n->items[0].collation, "utf8mb4_unicode_ci");
  auto nd = ParseAs<SetStmt>("SET NAMES DEFAULT");
  ASSERT_TRUE(nd);
  EXPECT_TRUE(nd->items[0].is_default);
  auto nq = ParseAs<SetStmt>("SET NAMES 'latin1', autocommit=1");
  ASSERT_TRUE(nq);
  EXPECT_EQ(nq->items[0].charset, "latin1");
  EXPECT_EQ(nq->items[1].name, "autocommit");
  auto cs = ParseAs<SetStmt>("SET CHARACTER SET utf8");
  ASSERT_TRUE(cs);
  EXPECT_EQ(cs->items[0].kind, SetItem::Kind::kCharset);
  auto cs2 = ParseAs<SetStmt>("SET CHARSET DEFAULT");
  ASSERT_TRUE(cs2);
  EXPECT_TRUE(cs2->items[0].is_default);
  auto p = ParseAs<SetPasswordStmt>("SET PASSWORD = PASSWORD('secret')");
  ASSERT_TRUE(p);
  EXPECT_FALSE(p->user.has_value());
  EXPECT_EQ(p->password, "secret");
  EXPECT_FALSE(p->is_hash);
  auto pf = ParseAs<SetPasswordStmt>("SET PASSWORD FOR 'u'@'h' = '*ABCDEF'");
  ASSERT_TRUE(pf);
  EXPECT_EQ(pf->user->user, "u");
  EXPECT_TRUE(pf->is_hash);
  // mariadb-dump / mariadb-binlog headers.
  auto d = ParseAs<SetStmt>("/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->items[0].name, "OLD_CHARACTER_SET_CLIENT");
  EXPECT_EQ(Tree(*d->items[0].value), "@@CHARACTER_SET_CLIENT");
  auto t = ParseAs<SetStmt>("SET TIMESTAMP=1700000000/*!*/");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->items[0].name, "TIMESTAMP");
  EXPECT_EQ(Tree(*t->items[0].value), "1700000000");
  EXPECT_EQ(Err("SET ROLE r"), "OK");
  EXPECT_EQ(Parse("SET ROLE r").stmt->kind, StatementKind::kUnsupported);
  EXPECT_EQ(Err("SET @a"), Syntax(""));
}

// ---- accounts ------------------------------------------------------------------

TEST(ParserAccountTest, CreateDropAlterRenameUser) {
  auto c = ParseAs<CreateUserStmt>(
      "CREATE USER IF NOT EXISTS 'a'@'localhost' IDENTIFIED BY 'pw', b@'%' IDENTIFIED BY PASSWORD "
      "'*AAA', `c`@`h` IDENTIFIED WITH mysql_native_password AS '*BBB', d IDENTIFIED VIA ed25519 "
      "USING PASSWORD('x'), e REQUIRE NONE WITH MAX_QUERIES_PER_HOUR 10 ACCOUNT LOCK");
  ASSERT_TRUE(c);
  EXPECT_TRUE(c->if_not_exists);
  ASSERT_EQ(c->users.size(), 5u);
  EXPECT_EQ(c->users[0].user.user, "a");
  EXPECT_EQ(c->users[0].user.host, "localhost");
  EXPECT_EQ(c->users[0].auth.kind, AuthSpec::Kind::kPassword);
  EXPECT_EQ(c->users[0].auth.auth_string, "pw");
  EXPECT_EQ(c->users[1].auth.kind, AuthSpec::Kind::kPasswordHash);
  EXPECT_EQ(c->users[1].user.host, "%");
  EXPECT_EQ(c->users[2].auth.kind, AuthSpec::Kind::kPlugin);
  EXPECT_EQ(c->users[2].auth.plugin, "mysql_native_password");
  EXPECT_EQ(c->users[2].auth.auth_string, "*BBB");
  EXPECT_EQ(c->users[2].user.host, "h");
  EXPECT_TRUE(c->users[3].auth.plugin_password_is_plain);
  EXPECT_EQ(c->users[3].user.host, "%");
  EXPECT_EQ(c->users[4].auth.kind, AuthSpec::Kind::kNone);
  EXPECT_EQ(c->options.size(), 3u);
  auto d = ParseAs<DropUserStmt>("DROP USER IF EXISTS 'a'@'h', b");
  ASSERT_TRUE(d);
  EXPECT_TRUE(d->if_exists);
  EXPECT_EQ(d->users.size(), 2u);
  auto a = ParseAs<AlterUserStmt>("ALTER USER CURRENT_USER() IDENTIFIED BY 'new'");
  ASSERT_TRUE(a);
  EXPECT_TRUE(a->users[0].user.current_user);
  auto r = ParseAs<RenameUserStmt>("RENAME USER 'a'@'h' TO 'b'@'h', c TO d");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->renames.size(), 2u);
  EXPECT_EQ(r->renames[0].second.user, "b");
  auto cr = ParseAs<CreateUserStmt>("CREATE OR REPLACE USER u");
  ASSERT_TRUE(cr);
  EXPECT_TRUE(cr->or_replace);
}

TEST(ParserAccountTest, GrantRevoke) {
  auto g = ParseAs<GrantStmt>(
      "GRANT REPLICATION SLAVE, REPLICATION CLIENT, BINLOG MONITOR, REPLICA MONITOR ON *.* TO "
      "'repl'@'%' IDENTIFIED BY 'pw' WITH GRANT OPTION");
  ASSERT_TRUE(g);
  std::vector<std::string> names;
  for (const Privilege& p : g->privileges) names.push_back(p.name);
  EXPECT_EQ(names, (std::vector<std::string>{"REPLICATION SLAVE", "REPLICATION CLIENT",
                                             "BINLOG MONITOR", "REPLICA MONITOR"}));
  EXPECT_EQ(g->on.level, GrantTarget::Level::kGlobal);
  EXPECT_TRUE(g->with_grant_option);
  EXPECT_EQ(g->users[0].auth.auth_string, "pw");
  auto a = ParseAs<GrantStmt>("GRANT ALL ON db.* TO u@localhost");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->privileges[0].name, "ALL PRIVILEGES");
  EXPECT_EQ(a->on.level, GrantTarget::Level::kDatabase);
  EXPECT_EQ(a->on.db, "db");
  auto t = ParseAs<GrantStmt>(
      "GRANT SELECT, INSERT, CREATE TEMPORARY TABLES, LOCK TABLES, SHOW DATABASES, CREATE USER "
      "ON TABLE `db`.`t` TO a, b");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->privileges.size(), 6u);
  EXPECT_EQ(t->privileges[2].name, "CREATE TEMPORARY TABLES");
  EXPECT_EQ(t->on.level, GrantTarget::Level::kTable);
  EXPECT_EQ(t->on.table, "t");
  EXPECT_EQ(t->users.size(), 2u);
  auto c = ParseAs<GrantStmt>("GRANT SELECT (a, b), UPDATE (c) ON t TO u");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->privileges[0].columns, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(c->on.db, "");
  auto star = ParseAs<GrantStmt>("GRANT USAGE ON * TO u");
  ASSERT_TRUE(star);
  EXPECT_EQ(star->on.level, GrantTarget::Level::kDatabase);
  auto role = ParseAs<GrantStmt>("GRANT r1, R2 TO u");
  ASSERT_TRUE(role);
  EXPECT_EQ(role->roles, (std::vector<std::string>{"r1", "R2"}));
  auto r = ParseAs<RevokeStmt>("REVOKE INSERT, DELETE ON db.t FROM 'u'@'h'");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->privileges.size(), 2u);
  EXPECT_EQ(r->users[0].host, "h");
  auto ra = ParseAs<RevokeStmt>("REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'a'@'b', c");
  ASSERT_TRUE(ra);
  EXPECT_TRUE(ra->all_and_grant_option);
  EXPECT_EQ(ra->users.size(), 2u);
  auto rg = ParseAs<RevokeStmt>("REVOKE GRANT OPTION ON *.* FROM u");
  ASSERT_TRUE(rg);
  EXPECT_EQ(rg->privileges[0].name, "GRANT OPTION");
  auto f = ParseAs<FlushStmt>("FLUSH PRIVILEGES");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->options[0].kind, FlushOption::Kind::kPrivileges);
}

// ---- server admin and replication ----------------------------------------------

TEST(ParserAdminTest, KillFlushPurgeReset) {
  auto k = ParseAs<KillStmt>("KILL 5");
  ASSERT_TRUE(k);
  EXPECT_FALSE(k->query);
  EXPECT_EQ(Tree(*k->id), "5");
  auto kq = ParseAs<KillStmt>("KILL QUERY 7");
  ASSERT_TRUE(kq);
  EXPECT_TRUE(kq->query);
  auto kc = ParseAs<KillStmt>("KILL CONNECTION 8");
  ASSERT_TRUE(kc);
  EXPECT_FALSE(kc->query);
  auto f = ParseAs<FlushStmt>("FLUSH LOCAL LOGS, BINARY LOGS, RELAY LOGS, STATUS, HOSTS, TABLES");
  ASSERT_TRUE(f);
  EXPECT_TRUE(f->no_write_to_binlog);
  ASSERT_EQ(f->options.size(), 6u);
  EXPECT_EQ(f->options[1].kind, FlushOption::Kind::kBinaryLogs);
  EXPECT_EQ(f->options[2].kind, FlushOption::Kind::kRelayLogs);
  auto ft = ParseAs<FlushStmt>("FLUSH TABLES t1, t2 WITH READ LOCK");
  ASSERT_TRUE(ft);
  EXPECT_EQ(ft->options[0].tables.size(), 2u);
  EXPECT_TRUE(ft->options[0].with_read_lock);
  auto fr = ParseAs<FlushStmt>("FLUSH TABLES WITH READ LOCK");
  ASSERT_TRUE(fr);
  EXPECT_TRUE(fr->options[0].tables.empty());
  EXPECT_TRUE(fr->options[0].with_read_lock);
  auto p = ParseAs<PurgeLogsStmt>("PURGE BINARY LOGS TO 'mysql-bin.000003'");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->to_file, "mysql-bin.000003");
  auto pb = ParseAs<PurgeLogsStmt>("PURGE MASTER LOGS BEFORE NOW() - INTERVAL 3 DAY");
  ASSERT_TRUE(pb);
  EXPECT_EQ(Tree(*pb->before), "(- (now) (interval 3 DAY))");
  auto rm = ParseAs<ResetStmt>("RESET MASTER");
  ASSERT_TRUE(rm);
  EXPECT_EQ(rm->items[0].what, ResetStmt::What::kMaster);
  auto rs = ParseAs<ResetStmt>("RESET SLAVE ALL");
  ASSERT_TRUE(rs);
  EXPECT_EQ(rs->items[0].what, ResetStmt::What::kSlave);
  EXPECT_TRUE(rs->items[0].all);
  auto rr = ParseAs<ResetStmt>("RESET REPLICA 'c1'");
  ASSERT_TRUE(rr);
  EXPECT_EQ(rr->items[0].connection_name, "c1");
  auto rt = ParseAs<ResetStmt>("RESET MASTER TO 5");
  ASSERT_TRUE(rt);
  EXPECT_EQ(rt->items[0].to, 5u);
}

TEST(ParserAdminTest, ChangeMaster) {
  auto s = ParseAs<ChangeMasterStmt>(
      "CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=3306, MASTER_USER='repl', "
      "MASTER_PASSWORD='pw', MASTER_LOG_FILE='mysql-bin.000001', MASTER_LOG_POS=4, "
      "RELAY_LOG_FILE='relay.000001', RELAY_LOG_POS=4, MASTER_CONNECT_RETRY=10, "
      "MASTER_HEARTBEAT_PERIOD=1.5, MASTER_DELAY=0, IGNORE_SERVER_IDS=(1,2), "
      "MASTER_USE_GTID=slave_pos, "
      "MASTER_SSL=1, MASTER_SSL_CA='ca', MASTER_SSL_VERIFY_SERVER_CERT=0, DO_DOMAIN_IDS=()");
  ASSERT_TRUE(s);
  ASSERT_EQ(s->options.size(), 17u);
  EXPECT_EQ(s->options[0].option, ReplOption::kHost);
  EXPECT_EQ(s->options[0].value, "127.0.0.1");
  EXPECT_TRUE(s->options[0].is_string);
  EXPECT_EQ(s->options[1].option, ReplOption::kPort);
  EXPECT_EQ(s->options[1].value, "3306");
  EXPECT_FALSE(s->options[1].is_string);
  EXPECT_EQ(s->options[6].option, ReplOption::kRelayLogFile);
  EXPECT_EQ(s->options[9].value, "1.5");
  EXPECT_EQ(s->options[11].ids, (std::vector<std::string>{"1", "2"}));
  EXPECT_EQ(s->options[12].option, ReplOption::kUseGtid);
  EXPECT_EQ(s->options[12].value, "slave_pos");
  EXPECT_EQ(s->options[15].option, ReplOption::kSslVerifyServerCert);
  EXPECT_TRUE(s->options[16].ids.empty());
  auto named = ParseAs<ChangeMasterStmt>("CHANGE MASTER 'c1' TO MASTER_HOST='h'");
  ASSERT_TRUE(named);
  EXPECT_EQ(named->connection_name, "c1");
  auto src = ParseAs<ChangeMasterStmt>(
      "CHANGE REPLICATION SOURCE TO SOURCE_HOST='h', SOURCE_PORT=1, SOURCE_LOG_FILE='f', "
      "SOURCE_LOG_POS=4, SOURCE_AUTO_POSITION=0");
  ASSERT_TRUE(src);
  EXPECT_TRUE(src->source_syntax);
  EXPECT_EQ(src->options[0].option, ReplOption::kHost);
  EXPECT_EQ(src->options[0].written, "SOURCE_HOST");
  EXPECT_EQ(src->options[2].option, ReplOption::kLogFile);
  EXPECT_EQ(src->options[4].option, ReplOption::kAutoPosition);
  EXPECT_EQ(Err("CHANGE MASTER TO MASTER_BOGUS=1"), Syntax("MASTER_BOGUS=1"));
}

TEST(ParserAdminTest, StartStopSlave) {
  auto s = ParseAs<ReplicaControlStmt>("START SLAVE");
  ASSERT_TRUE(s);
  EXPECT_TRUE(s->start);
  EXPECT_FALSE(s->io_thread || s->sql_thread);
  auto t = ParseAs<ReplicaControlStmt>(
      "START SLAVE IO_THREAD, SQL_THREAD UNTIL MASTER_LOG_FILE='f', MASTER_LOG_POS=4");
  ASSERT_TRUE(t);
  EXPECT_TRUE(t->io_thread && t->sql_thread);
  ASSERT_EQ(t->until.size(), 2u);
  EXPECT_EQ(t->until[0].option, ReplOption::kLogFile);
  auto r = ParseAs<ReplicaControlStmt>(
      "START REPLICA SQL_THREAD UNTIL RELAY_LOG_FILE='r', RELAY_LOG_POS=9");
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->sql_thread && !r->io_thread);
  EXPECT_EQ(r->until[1].option, ReplOption::kRelayLogPos);
  auto g = ParseAs<ReplicaControlStmt>("START SLAVE UNTIL MASTER_GTID_POS='0-1-5'");
  ASSERT_TRUE(g);
  EXPECT_EQ(g->until[0].option, ReplOption::kGtidPos);
  auto src =
      ParseAs<ReplicaControlStmt>("START REPLICA UNTIL SOURCE_LOG_FILE='f', SOURCE_LOG_POS=4");
  ASSERT_TRUE(src);
  EXPECT_EQ(src->until[0].option, ReplOption::kLogFile);
  auto stop = ParseAs<ReplicaControlStmt>("STOP SLAVE IO_THREAD");
  ASSERT_TRUE(stop);
  EXPECT_FALSE(stop->start);
  EXPECT_TRUE(stop->io_thread);
  auto all = ParseAs<ReplicaControlStmt>("START ALL SLAVES");
  ASSERT_TRUE(all);
  EXPECT_TRUE(all->all);
  auto stopall = ParseAs<ReplicaControlStmt>("STOP ALL REPLICAS");
  ASSERT_TRUE(stopall);
  EXPECT_FALSE(stopall->start);
  auto named = ParseAs<ReplicaControlStmt>("STOP SLAVE 'c1'");
  ASSERT_TRUE(named);
  EXPECT_EQ(named->connection_name, "c1");
  EXPECT_EQ(Err("STOP SLAVE UNTIL MASTER_LOG_POS=4"), Syntax("UNTIL MASTER_LOG_POS=4"));
  EXPECT_EQ(Err("START SLAVE UNTIL MASTER_HOST='x'"), Syntax("MASTER_HOST='x'"));
}

TEST(ParserAdminTest, DoHelpBinlogAdminTables) {
  auto d = ParseAs<DoStmt>("DO SLEEP(1), @a := 2");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->exprs.size(), 2u);
  auto h = ParseAs<HelpStmt>("HELP 'contents'");
  ASSERT_TRUE(h);
  EXPECT_EQ(h->topic, "contents");
  auto b = ParseAs<BinlogStmt>("BINLOG '\nAAAAAA==\nBBBB\n'");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->base64, "\nAAAAAA==\nBBBB\n");
  auto a = ParseAs<AdminTableStmt>("ANALYZE TABLE t1, db.t2");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->op, AdminTableStmt::Op::kAnalyze);
  EXPECT_EQ(a->tables.size(), 2u);
  auto o = ParseAs<AdminTableStmt>("OPTIMIZE NO_WRITE_TO_BINLOG TABLE t");
  ASSERT_TRUE(o);
  EXPECT_TRUE(o->no_write_to_binlog);
  auto c = ParseAs<AdminTableStmt>("CHECK TABLE t FOR UPGRADE QUICK");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->options, (std::vector<std::string>{"FOR", "UPGRADE", "QUICK"}));
  auto r = ParseAs<AdminTableStmt>("REPAIR TABLE t EXTENDED");
  ASSERT_TRUE(r);
  auto cs = ParseAs<AdminTableStmt>("CHECKSUM TABLE t");
  ASSERT_TRUE(cs);
  EXPECT_EQ(cs->op, AdminTableStmt::Op::kChecksum);
}

TEST(ParserAdminTest, UnsupportedStatementsAreRecognized) {
  struct Case {
    const char* sql;
    const char* feature;
  };
  const Case cases[] = {
      {"XA START 'x'", "XA"},
      {"CALL p(1, 2)", "CALL"},
      {"CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END", "CREATE PROCEDURE"},
      {"CREATE DEFINER=`root`@`%` TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN IF 1 THEN SET "
       "@a = 1; END IF; END",
       "CREATE TRIGGER"},
      {"CREATE FUNCTION f() RETURNS INT RETURN 1", "CREATE FUNCTION"},
      {"CREATE VIEW v AS SELECT 1", "CREATE VIEW"},
      {"CREATE OR REPLACE VIEW v AS SELECT 1", "CREATE VIEW"},
      {"CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO SELECT 1", "CREATE EVENT"},
      {"HANDLER t OPEN", "HANDLER"},
      {"LOAD DATA INFILE 'x' INTO TABLE t", "LOAD DATA"},
      {"PREPARE s FROM 'SELECT 1'", "PREPARE"},
      {"EXECUTE s USING @a", "EXECUTE"},
      {"DEALLOCATE PREPARE s", "DEALLOCATE PREPARE"},
      {"DROP VIEW v", "DROP VIEW"},
      {"DROP PROCEDURE IF EXISTS p", "DROP PROCEDURE"},
      {"BEGIN NOT ATOMIC SELECT 1; END", "BEGIN NOT ATOMIC"},
  };
  for (const Case& c : cases) {
    auto r = ParseMulti(c.sql, {});
    ASSERT_TRUE(r.ok()) << c.sql << ": " << r.status().message();
    ASSERT_EQ(r->size(), 1u) << c.sql;
    const auto* u = (*r)[0].stmt->As<UnsupportedStmt>();
    ASSERT_NE(u, nullptr) << c.sql;
    EXPECT_EQ(u->feature, c.feature);
  }
  // A stored-program body keeps its inner ';' and the next statement follows.
  auto r = ParseMulti("CREATE PROCEDURE p() BEGIN SELECT 1; END; SELECT 3", {});
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[1].stmt->kind, StatementKind::kSelect);
}

// ---- statement splitting, errors -----------------------------------------------

TEST(ParserMultiTest, SplitsOnTopLevelSemicolons) {
  std::string sql = "SELECT ';' ; /* a; b */ SELECT `x;y` FROM t -- c;\n; SELECT \"q;\"";
  auto r = ParseMulti(sql, {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ((*r)[0].span.In(sql), "SELECT ';'");
  EXPECT_EQ((*r)[1].span.In(sql), "/* a; b */ SELECT `x;y` FROM t -- c;");
  EXPECT_EQ((*r)[2].span.In(sql), "SELECT \"q;\"");
}

TEST(ParserMultiTest, TrailingSemicolonsAndComments) {
  auto one = [](std::string_view sql) {
    auto r = ParseMulti(sql, {});
    return r.ok() ? static_cast<int>(r->size()) : -static_cast<int>(r.status().mysql_errno());
  };
  EXPECT_EQ(one("SELECT 1;"), 1);
  EXPECT_EQ(one("SELECT 1;;;"), 1);
  EXPECT_EQ(one("SELECT 1; ;"), 1);
  EXPECT_EQ(one("SELECT 1; "), 1);
  EXPECT_EQ(one("SELECT 1; /* c */"), 2);  // MariaDB answers a second (empty) OK
  EXPECT_EQ(one("SELECT 1; -- x"), 2);
  EXPECT_EQ(one("SELECT 1;# c\nSELECT 2"), 2);
  EXPECT_EQ(one("/* x */"), 1);
  EXPECT_EQ(one("/*!99999 nope*/"), 1);
  EXPECT_EQ(one(""), -1065);
  EXPECT_EQ(one("   "), -1065);
  EXPECT_EQ(one(";"), -1065);
  EXPECT_EQ(one(" ; ; "), -1065);
  EXPECT_EQ(Err("; SELECT 1"), Syntax("; SELECT 1"));
  EXPECT_EQ(Err("SELECT 1;;SELECT 2"), Syntax(";SELECT 2"));
  EXPECT_EQ(Err("select 1 ; ; select 2"), Syntax("; select 2"));
  EXPECT_EQ(Err("SELECT 1; /*!99999 x */; SELECT 2"), Syntax("; SELECT 2"));
  EXPECT_EQ(Err(""), "1065: Query was empty");
  auto e = ParseMulti("/* ping */", {});
  ASSERT_TRUE(e.ok());
  EXPECT_EQ((*e)[0].stmt->kind, StatementKind::kEmpty);
}

TEST(ParserMultiTest, StatementsBeforeAnErrorAreReturned) {
  std::vector<ParsedStatement> before;
  auto r = ParseMulti("SET @a = 1; SELECT 2; SELEC 3; SELECT 4", {}, &before);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), Syntax("SELEC 3; SELECT 4").substr(6));
  ASSERT_EQ(before.size(), 2u);
  EXPECT_EQ(before[1].stmt->kind, StatementKind::kSelect);
}

TEST(ParserMultiTest, ParseOneRejectsASecondStatement) {
  EXPECT_TRUE(ParseOne("SELECT 1;", {}).ok());
  EXPECT_TRUE(ParseOne("SELECT 1 ;  ", {}).ok());
  EXPECT_TRUE(ParseOne("SELECT 1;;", {}).ok());
  EXPECT_TRUE(ParseOne("SELECT 1; /* c */", {}).ok());
  auto r = ParseOne("SELECT 1; SELECT 2", {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ("1064: " + r.status().message(), Syntax("SELECT 2"));
  auto r2 = ParseOne("SELECT 1 ; ; SELECT 2", {});
  ASSERT_FALSE(r2.ok());
  EXPECT_EQ("1064: " + r2.status().message(), Syntax("; SELECT 2"));
}

TEST(ParserErrorTest, MessagesMatchMariaDb) {
  EXPECT_EQ(Err("SELEC 1"), Syntax("SELEC 1"));
  EXPECT_EQ(Err("SELECT * FROM"), Syntax(""));
  EXPECT_EQ(Err("SELECT 1 +"), Syntax(""));
  EXPECT_EQ(Err("SELECT 1 +; SELECT 2"), Syntax("; SELECT 2"));
  EXPECT_EQ(Err("SELECT 1;\nSELEC 2"), Syntax("SELEC 2"));
  EXPECT_EQ(Err("SELECT 1; \n\n SELEC 2"), Syntax("SELEC 2"));
  EXPECT_EQ(Err("SELECT\n1\n+\n"), Syntax("", 3));
  EXPECT_EQ(Err("SELECT 'abc"), Syntax("'abc"));
  EXPECT_EQ(Err("SELECT `abc"), Syntax("`abc"));
  EXPECT_EQ(Err("SELECT \"abc"), Syntax("\"abc"));
  EXPECT_EQ(Err("SELECT 1 /* abc"), Syntax("/* abc"));
  EXPECT_EQ(Err("/*!40101 SELECT 1"), Syntax(""));
  EXPECT_EQ(Err("SELECT 1 */"), Syntax("/"));
  EXPECT_EQ(Err("/*!40101 SELECT 1 /*!40101 +1 */ */"), Syntax("/"));
  EXPECT_EQ(Err("/*!\\C utf8mb4 *//*!*/"), Syntax("\\C utf8mb4 *//*!*/"));
  EXPECT_EQ(Err("select X'1'"), Syntax("X'1'"));
  EXPECT_EQ(Err("select b'102'"), Syntax("b'102'"));
  EXPECT_EQ(Err("SELECT \\N"), Syntax("\\N"));
  EXPECT_EQ(Err("SELECT 1 over ()"), Syntax("over ()"));
  EXPECT_EQ(Err("SELECT @@"), Syntax(""));
  EXPECT_EQ(Err("SELECT 1 = = 2"), Syntax("= 2"));
  EXPECT_EQ(Err("SELECT (1"), Syntax(""));
  EXPECT_EQ(Err("SELECT 1)"), Syntax(")"));
  EXPECT_EQ(Err("SELECT a FROM t WHERE"), Syntax(""));
  EXPECT_EQ(Err("SELECT a, FROM t"), Syntax("FROM t"));
  // Long rest-of-query text: 80 characters at most, else 77 and "...".
  std::string x78(78, 'x');
  EXPECT_EQ(Err("SELECT 1 = = " + x78), Syntax("= " + x78));
  std::string x79(79, 'x');
  EXPECT_EQ(Err("SELECT 1 = = " + x79), Syntax("= " + std::string(75, 'x') + "..."));
  std::string e79;
  for (int i = 0; i < 79; ++i) e79 += "\xc3\xa9";  // é: characters, not bytes
  std::string e75;
  for (int i = 0; i < 75; ++i) e75 += "\xc3\xa9";
  EXPECT_EQ(Err("SELECT 1 = = " + e79), Syntax("= " + e75 + "..."));
  EXPECT_EQ(
      Err("SELECT 1 FROM dual WHERE 1 = = 2 and this is a long rest of the query text that goes on "
          "and on and on for a long time"),
      Syntax("= 2 and this is a long rest of the query text that goes on and on and on for ..."));
}

// Error positions checked against MariaDB 10.11.19 (LALR lookahead
// quirks included: a comma restarts the token, a lone '@' or a consumed
// keyword moves the error to what follows).
TEST(ParserErrorTest, PositionsMatchMariaDbQuirks) {
  EXPECT_EQ(Err("SELECT CASE 1 WHEN 1 THEN 'a' ELSE 'c' , 2"), Syntax(" 2"));
  EXPECT_EQ(Err("CREATE UNIQUE INDEX i2 ON c7 ( , b )"), Syntax(" b )"));
  EXPECT_EQ(Err("SELECT 1 + 1 AS , 2"), Syntax(" 2"));
  EXPECT_EQ(Err("SELECT IF(1, 2, 3, 4)"), Syntax(" 4)"));
  EXPECT_EQ(Err("GRANT ALL , PRIVILEGES ON *.* TO u"), Syntax(" PRIVILEGES ON *.* TO u"));
  EXPECT_EQ(Err("SET @ @ sql_mode"), Syntax("@ sql_mode"));
  EXPECT_EQ(Err("SET @ a = 1"), Syntax("a = 1"));
  EXPECT_EQ(Err("DROP TABLE IF c6"), Syntax("c6"));
  EXPECT_EQ(Err("DROP USER IF"), Syntax(""));
  EXPECT_EQ(Err("SELECT * FROM j1 IGNORE"), Syntax(""));
  EXPECT_EQ(Err("SELECT a FROM j1 FOR UPDATE SKIP"), Syntax(""));
  EXPECT_EQ(Err("SELECT 1 FROM j1 FOR"), Syntax(""));
  EXPECT_EQ(Err("SELECT a FROM j1 WHERE a = 1 LOCK KEY IN SHARE MODE"),
            Syntax("KEY IN SHARE MODE"));
  EXPECT_EQ(Err("SET DEFAULT"), Syntax(""));
  EXPECT_EQ(Err("SET NOT CHARSET DEFAULT"), Syntax("NOT CHARSET DEFAULT"));
  EXPECT_EQ(Err("SET @@KEY = 1"), Syntax("KEY = 1"));
  EXPECT_EQ(Err("CREATE SCHEMA d2 DEFAULT 'x'"), Syntax("'x'"));
  EXPECT_EQ(Err("CREATE DATABASE x CHARACTER"), Syntax(""));
  EXPECT_EQ(Err("ALTER TABLE c7 DEFAULT FROM CHARSET = latin1"), Syntax("FROM CHARSET = latin1"));
  EXPECT_EQ(Err("ALTER TABLE c7 AUTO_INCREMENT = 'x'"), Syntax("'x'"));
  EXPECT_EQ(Err("CREATE TABLE c8 (a INT) ROW_FORMAT = DYNAMIC ,"), Syntax(""));
  EXPECT_EQ(Err("CREATE TEMPORARY TABLE tt (a INT) ENGINE NOT = MEMORY"), Syntax("NOT = MEMORY"));
  EXPECT_EQ(Err("ALTER TABLE c7 ADD KEY IF EXISTS kk (h)"), Syntax("EXISTS kk (h)"));
  EXPECT_EQ(Err("CREATE TABLE c3 ALL LIKE j1"), Syntax("ALL LIKE j1"));
  EXPECT_EQ(Err("CREATE USER u2 IDENTIFIED VIA p USING PASSWORD KEY ('p')"), Syntax("KEY ('p')"));
  EXPECT_EQ(Err("SELECT 1 NOT 2"), Syntax("2"));
  EXPECT_EQ(Err("SELECT CHAR"), Syntax(""));
  EXPECT_EQ(Err("SELECT RIGHT 'abc'"), Syntax("'abc'"));
  EXPECT_EQ(Err("IF CREATE INDEX i1 ON c7 (b)"), Syntax("CREATE INDEX i1 ON c7 (b)"));
  EXPECT_EQ(Err("GRANT SELECT TO u"), Syntax("TO u"));
  EXPECT_EQ(Err("GRANT SELECT a ) ON k.j1 TO u2"), Syntax("a ) ON k.j1 TO u2"));
  EXPECT_EQ(Err("SELECT ROW(1)"), Syntax(")"));
  EXPECT_EQ(Err("SELECT CAST(1 AS FOO)"), "4161: Unknown data type: 'FOO'");
  EXPECT_EQ(Err("DROP VIEW"), Syntax(""));
  EXPECT_EQ(Err("DEALLOCATE ) PREPARE p1"), Syntax(") PREPARE p1"));
  EXPECT_EQ(Err("PREPARE p1 'x' FROM 'SELECT 1'"), Syntax("'x' FROM 'SELECT 1'"));
  EXPECT_EQ(Err("CREATE VIEW AS v1 AS SELECT 1"), Syntax("AS v1 AS SELECT 1"));
  EXPECT_EQ(Err("CREATE VIEW v1 AS SELECT"), Syntax(""));
  EXPECT_EQ(Err("INSERT INTO j1 SELECT a FROM j2 ON DUPLICATE KEY UPDATE a = VALUES ( ( a ) + 1"),
            Syntax("( a ) + 1"));
  // Function names that are tokens only when '(' follows immediately.
  EXPECT_EQ(Err("SELECT COUNT (*) FROM t"), Syntax("*) FROM t"));
  EXPECT_EQ(X("COUNT(*)"), "(count *)");
  EXPECT_EQ(X("SUM (a)"), "(sum a)");
  EXPECT_EQ(X("NOW ()"), "(now)");
}

TEST(ParserErrorTest, UserSpecsWithSpaces) {
  auto d = ParseAs<DropUserStmt>("DROP USER u1 @localhost, 'u2' @, u3@'%'");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->users[0].host, "localhost");
  EXPECT_EQ(d->users[1].host, "%");
  EXPECT_EQ(d->users[2].host, "%");
  EXPECT_EQ(Err("DROP USER 'u2' @ 'h2'"), Syntax("'h2'"));
  auto e = ParseAs<ShowStmt>("EXPLAIN EXTENDED");  // describes a table named EXTENDED
  ASSERT_TRUE(e);
  EXPECT_EQ(e->table.name, "EXTENDED");
}

TEST(ParserErrorTest, DeepNestingFailsCleanly) {
  std::string deep = "SELECT " + std::string(100000, '(') + "1" + std::string(100000, ')');
  auto r = ParseOne(deep, {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().mysql_errno(), 1064);
  EXPECT_EQ(r.status().message().rfind("memory exhausted near '", 0), 0u);
  std::string ok = "SELECT " + std::string(500, '(') + "1" + std::string(500, ')');
  EXPECT_TRUE(ParseOne(ok, {}).ok());
  std::string sub;
  for (int i = 0; i < 5000; ++i) sub += "(SELECT ";
  sub += "1";
  for (int i = 0; i < 5000; ++i) sub += ")";
  EXPECT_FALSE(ParseOne("SELECT " + sub, {}).ok());
  // Long unary and operator chains are iterative, not recursive, and the
  // deep trees they build are destroyed without deep recursion.
  EXPECT_TRUE(ParseOne("SELECT " + std::string(100000, '-') + "1", {}).ok());
  std::string chain = "SELECT 1";
  for (int i = 0; i < 100000; ++i) chain += " OR a";
  EXPECT_TRUE(ParseOne(chain, {}).ok());
  std::string unions = "SELECT 1";
  for (int i = 0; i < 20000; ++i) unions += " UNION SELECT 1";
  EXPECT_TRUE(ParseOne(unions, {}).ok());
  std::string nots;
  for (int i = 0; i < 5000; ++i) nots += "NOT ";
  EXPECT_FALSE(ParseOne("SELECT " + nots + "1", {}).ok());
}

TEST(ParserErrorTest, StrayAndTruncatedInput) {
  for (const char* sql : {"SELECT",
                          "SELECT 1 FROM t WHERE a IN",
                          "INSERT INTO",
                          "UPDATE t SET",
                          "DELETE",
                          "CREATE TABLE t (",
                          "CREATE TABLE t (a INT",
                          "ALTER TABLE",
                          "SHOW",
                          "SET",
                          "GRANT",
                          "CHANGE MASTER TO",
                          "SELECT CASE WHEN 1 THEN",
                          "SELECT CAST(1 AS",
                          "SELECT a FROM t GROUP",
                          "SELECT 1 UNION",
                          "SELECT * FROM t1 JOIN",
                          "SELECT @",
                          "SELECT ~",
                          "SELECT 1 LIMIT"}) {
    auto r = ParseMulti(sql, {});
    ASSERT_FALSE(r.ok()) << sql;
    EXPECT_EQ(r.status().mysql_errno(), 1064) << sql;
  }
  EXPECT_EQ(Err("SELECT 1 2"), Syntax("2"));
  EXPECT_EQ(Err("SELECT 1 FROM t t2 t3"), Syntax("t3"));
  EXPECT_EQ(Err("DROP TABLE"), Syntax(""));
}

// ---- real-world input ------------------------------------------------------------

TEST(ParserRealWorldTest, MariadbDump) {
  const char* dump =
      R"(-- MariaDB dump 10.19  Distrib 10.11.19-MariaDB, for debian-linux-gnu (x86_64)
--
-- Host: localhost    Database: test
-- ------------------------------------------------------
-- Server version	10.11.19-MariaDB-0+deb12u1-log

/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET @OLD_CHARACTER_SET_RESULTS=@@CHARACTER_SET_RESULTS */;
/*!40101 SET @OLD_COLLATION_CONNECTION=@@COLLATION_CONNECTION */;
/*!40101 SET NAMES utf8mb4 */;
/*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;
/*!40103 SET TIME_ZONE='+00:00' */;
/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;
/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;
/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;
/*M!100616 SET @OLD_NOTE_VERBOSITY=@@NOTE_VERBOSITY, NOTE_VERBOSITY=0 */;
/*!40111 SET @OLD_SQL_NOTES=@@SQL_NOTES, SQL_NOTES=0 */;

--
-- Table structure for table `t1`
--

DROP TABLE IF EXISTS `t1`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `t1` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `name` varchar(50) DEFAULT NULL,
  `created` timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp(),
  `price` decimal(10,2) NOT NULL DEFAULT 0.00,
  `status` enum('a','b') NOT NULL DEFAULT 'a',
  PRIMARY KEY (`id`),
  KEY `idx_name` (`name`)
) ENGINE=InnoDB AUTO_INCREMENT=4 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `t1`
--

LOCK TABLES `t1` WRITE;
/*!40000 ALTER TABLE `t1` DISABLE KEYS */;
INSERT INTO `t1` VALUES
(1,'a\'b','2024-01-01 00:00:00',1.50,'a'),
(2,NULL,'2024-01-02 00:00:00',0.00,'b');
/*!40000 ALTER TABLE `t1` ENABLE KEYS */;
UNLOCK TABLES;
/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;

/*!40101 SET SQL_MODE=@OLD_SQL_MODE */;
/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;
/*M!100616 SET NOTE_VERBOSITY=@OLD_NOTE_VERBOSITY */;

-- Dump completed on 2024-01-01  0:00:00
)";
  auto r = ParseMulti(dump, {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  std::vector<StatementKind> kinds;
  for (const ParsedStatement& ps : *r) kinds.push_back(ps.stmt->kind);
  using K = StatementKind;
  std::vector<K> want = {
      K::kSet,    K::kSet,        K::kSet,          K::kSet, K::kSet,        K::kSet,
      K::kSet,    K::kSet,        K::kSet,          K::kSet, K::kSet,        K::kDropTable,
      K::kSet,    K::kSet,        K::kCreateTable,  K::kSet, K::kLockTables, K::kAlterTable,
      K::kInsert, K::kAlterTable, K::kUnlockTables, K::kSet, K::kSet,        K::kSet,
      K::kSet,    K::kEmpty};
  EXPECT_EQ(kinds, want);
  const auto* ct = (*r)[14].stmt->As<CreateTableStmt>();
  ASSERT_NE(ct, nullptr);
  EXPECT_EQ(ct->table.columns[2].default_value, "current_timestamp()");
  EXPECT_TRUE(ct->table.columns[2].on_update_current_timestamp);
  EXPECT_EQ(ct->table.columns[3].default_value, "0.00");
  EXPECT_EQ(ct->table.columns[4].default_value, "a");
  EXPECT_EQ(ct->table.auto_increment, 4u);
  EXPECT_EQ(ct->table.indexes[1].name, "idx_name");
  const auto* ins = (*r)[18].stmt->As<InsertStmt>();
  ASSERT_NE(ins, nullptr);
  EXPECT_EQ(ins->rows.size(), 2u);
  EXPECT_EQ(ins->rows[0][1]->value, "a'b");
}

TEST(ParserRealWorldTest, Sysbench) {
  const char* stmts[] = {
      "SELECT c FROM sbtest1 WHERE id=?",
      "SELECT c FROM sbtest1 WHERE id BETWEEN ? AND ?",
      "SELECT SUM(k) FROM sbtest1 WHERE id BETWEEN ? AND ?",
      "SELECT c FROM sbtest1 WHERE id BETWEEN ? AND ? ORDER BY c",
      "SELECT DISTINCT c FROM sbtest1 WHERE id BETWEEN ? AND ? ORDER BY c",
      "UPDATE sbtest1 SET k=k+1 WHERE id=?",
      "UPDATE sbtest1 SET c=? WHERE id=?",
      "DELETE FROM sbtest1 WHERE id=?",
      "INSERT INTO sbtest1 (id, k, c, pad) VALUES (?, ?, ?, ?)",
      "INSERT INTO sbtest1(k, c, pad) "
      "VALUES(5043,'68487932199-96439406143','22195207048-70116052123'),"
      "(4970,'21391545281-38765523702','80545342221-27575345416')",
      "CREATE INDEX k_1 ON sbtest1(k)",
      "DROP TABLE IF EXISTS sbtest1",
      "BEGIN",
      "COMMIT",
  };
  for (const char* s : stmts) {
    auto r = ParseOne(s, {});
    EXPECT_TRUE(r.ok()) << s << ": " << r.status().message();
  }
  auto sel = ParseAs<SelectStmt>("SELECT c FROM sbtest1 WHERE id BETWEEN ? AND ? ORDER BY c");
  ASSERT_TRUE(sel);
  EXPECT_EQ(Tree(*Core(*sel).where), "(between id ?0 ?1)");
}

TEST(ParserRealWorldTest, MariadbBinlogOutput) {
  const char* out = R"(/*!50530 SET @@SESSION.PSEUDO_SLAVE_MODE=1*/;
/*!40019 SET @@session.max_delayed_threads=0*/;
/*!50003 SET @OLD_COMPLETION_TYPE=@@COMPLETION_TYPE,COMPLETION_TYPE=0*/;
# at 4
#240101  0:00:00 server id 1  end_log_pos 256 CRC32 0x12345678 	Start: binlog v 4, server v 10.11.19-MariaDB-log created 240101  0:00:00 at startup
ROLLBACK/*!*/;
BINLOG '
AAAAAA8BAAAA/AAAAAABAAAAAAQAMTAuMTEuMTktTWFyaWFEQi1sb2cAAAAAAAAAAAAAAAAAAAAA
'/*!*/;
# at 256
#240101  0:00:00 server id 1  end_log_pos 299 CRC32 0x0 	GTID 0-1-1 ddl
/*M!100101 SET @@session.skip_parallel_replication=0*//*!*/;
/*M!100001 SET @@session.gtid_domain_id=0*//*!*/;
/*M!100001 SET @@session.server_id=1*//*!*/;
/*M!100001 SET @@session.gtid_seq_no=1*//*!*/;
# at 299
SET TIMESTAMP=1700000000/*!*/;
SET @@session.pseudo_thread_id=5/*!*/;
SET @@session.foreign_key_checks=1, @@session.sql_auto_is_null=0, @@session.unique_checks=1, @@session.autocommit=1, @@session.check_constraint_checks=1, @@session.system_versioning_insert_history=0/*!*/;
SET @@session.sql_mode=1411383296/*!*/;
SET @@session.auto_increment_increment=1, @@session.auto_increment_offset=1/*!*/;
/*!\C utf8mb4 *//*!*/;
SET @@session.character_set_client=utf8mb4,@@session.collation_connection=45,@@session.collation_server=8/*!*/;
SET @@session.lc_time_names=0/*!*/;
SET @@session.collation_database=DEFAULT/*!*/;
create table t (a int)
/*!*/;
DELIMITER ;
)";
  std::vector<ParsedStatement> before;
  auto r = ParseMulti(out, {}, &before);
  // "/*!\C ..." is a client command: the server rejects it cleanly, after
  // everything before it parsed.
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().mysql_errno(), 1064);
  EXPECT_NE(r.status().message().find("near '\\C utf8mb4 *//*!*/;"), std::string::npos);
  ASSERT_EQ(before.size(), 14u);
  EXPECT_EQ(before[3].stmt->kind, StatementKind::kRollback);
  EXPECT_EQ(before[4].stmt->kind, StatementKind::kBinlog);
  // Each statement that the tool prints, fed on its own (as mariadb client does).
  for (const char* s :
       {"SET "
        "@@session.character_set_client=utf8mb4,@@session.collation_connection=45,@@session."
        "collation_server=8/*!*/",
        "SET @@session.collation_database=DEFAULT/*!*/", "create table t (a int)\n/*!*/",
        "/*M!100001 SET @@session.gtid_seq_no=1*//*!*/",
        "/*!50530 SET @@SESSION.PSEUDO_SLAVE_MODE=1*/"}) {
    auto one = ParseOne(s, {});
    EXPECT_TRUE(one.ok()) << s << ": " << one.status().message();
  }
  auto cs = ParseAs<SetStmt>(
      "SET @@session.character_set_client=utf8mb4,@@session.collation_connection=45");
  ASSERT_TRUE(cs);
  EXPECT_EQ(Tree(*cs->items[0].value), "'utf8mb4'");
  EXPECT_EQ(Err("DELIMITER ;"), Syntax("DELIMITER"));
}

// ---- Classify --------------------------------------------------------------------

TEST(ClassifyTest, FirstKeywords) {
  EXPECT_EQ(Classify("SELECT 1"), StatementKind::kSelect);
  EXPECT_EQ(Classify("  /* c */ (SELECT 1)"), StatementKind::kSelect);
  EXPECT_EQ(Classify("with x as (select 1) select * from x"), StatementKind::kSelect);
  EXPECT_EQ(Classify("insert into t values (1)"), StatementKind::kInsert);
  EXPECT_EQ(Classify("REPLACE t VALUES (1)"), StatementKind::kInsert);
  EXPECT_EQ(Classify("UPDATE t SET a=1"), StatementKind::kUpdate);
  EXPECT_EQ(Classify("DELETE FROM t"), StatementKind::kDelete);
  EXPECT_EQ(Classify("CREATE TABLE t (a int)"), StatementKind::kCreateTable);
  EXPECT_EQ(Classify("CREATE TEMPORARY TABLE t (a int)"), StatementKind::kCreateTable);
  EXPECT_EQ(Classify("CREATE OR REPLACE TABLE t (a int)"), StatementKind::kCreateTable);
  EXPECT_EQ(Classify("CREATE DATABASE d"), StatementKind::kCreateDatabase);
  EXPECT_EQ(Classify("CREATE UNIQUE INDEX i ON t (a)"), StatementKind::kCreateIndex);
  EXPECT_EQ(Classify("CREATE USER u"), StatementKind::kCreateUser);
  EXPECT_EQ(Classify("CREATE VIEW v AS SELECT 1"), StatementKind::kUnsupported);
  EXPECT_EQ(Classify("DROP TABLE t"), StatementKind::kDropTable);
  EXPECT_EQ(Classify("DROP DATABASE d"), StatementKind::kDropDatabase);
  EXPECT_EQ(Classify("ALTER TABLE t ADD b INT"), StatementKind::kAlterTable);
  EXPECT_EQ(Classify("RENAME TABLE a TO b"), StatementKind::kRenameTable);
  EXPECT_EQ(Classify("TRUNCATE t"), StatementKind::kTruncate);
  EXPECT_EQ(Classify("SHOW TABLES"), StatementKind::kShow);
  EXPECT_EQ(Classify("DESC t"), StatementKind::kShow);
  EXPECT_EQ(Classify("EXPLAIN t"), StatementKind::kShow);
  EXPECT_EQ(Classify("EXPLAIN SELECT 1"), StatementKind::kExplain);
  EXPECT_EQ(Classify("BEGIN"), StatementKind::kBegin);
  EXPECT_EQ(Classify("START TRANSACTION"), StatementKind::kBegin);
  EXPECT_EQ(Classify("START SLAVE"), StatementKind::kReplicaControl);
  EXPECT_EQ(Classify("COMMIT"), StatementKind::kCommit);
  EXPECT_EQ(Classify("ROLLBACK"), StatementKind::kRollback);
  EXPECT_EQ(Classify("SET autocommit=1"), StatementKind::kSet);
  EXPECT_EQ(Classify("SET GLOBAL TRANSACTION READ ONLY"), StatementKind::kSetTransaction);
  EXPECT_EQ(Classify("SET PASSWORD = 'x'"), StatementKind::kSetPassword);
  EXPECT_EQ(Classify("/*!40101 SET NAMES utf8 */"), StatementKind::kSet);
  EXPECT_EQ(Classify("CHANGE MASTER TO MASTER_HOST='h'"), StatementKind::kChangeMaster);
  EXPECT_EQ(Classify("GRANT ALL ON *.* TO u"), StatementKind::kGrant);
  EXPECT_EQ(Classify("KILL 1"), StatementKind::kKill);
  EXPECT_EQ(Classify("XA START 'x'"), StatementKind::kUnsupported);
  EXPECT_EQ(Classify("/* only a comment */"), StatementKind::kEmpty);
  EXPECT_EQ(Classify(""), StatementKind::kUnknown);
  EXPECT_EQ(Classify("FOO BAR"), StatementKind::kUnknown);
}

TEST(ParserSpanTest, StatementAndExpressionSpansAreAbsolute) {
  std::string sql = "SELECT 1;  SELECT a + 1 FROM t";
  auto r = ParseMulti(sql, {});
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 2u);
  const auto* s = (*r)[1].stmt->As<SelectStmt>();
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->query->select->items[0].expr->span.In(sql), "a + 1");
  EXPECT_EQ((*r)[1].span.In(sql), "SELECT a + 1 FROM t");
  std::string ex = "/*!40101 SELECT 2 * 3 */";
  auto e = ParseAs<SelectStmt>(ex);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->query->select->items[0].expr->span.In(ex), "2 * 3");
}

TEST(AstHelpersTest, IndexNamingAndOrder) {
  std::vector<IndexDef> existing(2);
  existing[0].name = "a";
  existing[1].name = "A_2";
  EXPECT_EQ(AssignIndexName(existing, "a"), "a_3");
  EXPECT_EQ(AssignIndexName(existing, "b"), "b");
  EXPECT_EQ(AssignIndexName({}, "primary"), "primary_2");
}

}  // namespace
}  // namespace relaydb::sql
