// The MySQL/MariaDB-dialect parser: SQL text -> AST (sql/ast.h).
//
// A hand-written recursive-descent parser over the tokens of sql/lexer.h,
// linear in the input. Statement coverage and AST shapes are documented in
// ast.h. Errors are MariaDB 10.11's, byte for byte:
//  * a syntax error is 1064 (42000) "You have an error in your SQL syntax;
//    check the manual that corresponds to your MariaDB server version for the
//    right syntax to use near '<rest>' at line <n>", where <rest> is the input
//    from the offending token to the end (over 80 characters: the first 77
//    and "..."), and <n> counts lines from the start of the statement;
//  * an empty query (nothing but whitespace and ';') is 1065 (42000) "Query
//    was empty"; a comment-only query is an EmptyStmt (MariaDB answers OK);
//  * a few semantic checks MariaDB makes while parsing are reported here
//    too: column type limits (1426, 1425, 1427, 1439, 1074, 1063), unknown
//    data type (4161), invalid DEFAULT (1067), multiple primary keys (1068),
//    duplicate key names (1061), CREATE TABLE without columns (1113),
//    LIMIT with a variable (1327); unsupported syntax inside an otherwise
//    supported statement (window functions, PARTITION, spatial types, ...)
//    is 1235 ER_NOT_SUPPORTED_YET;
//  * expressions/subqueries/joins nested deeper than kMaxNestingDepth fail
//    cleanly with 1064 "memory exhausted near '...'" instead of overflowing
//    the stack. At the limit parsing uses about 0.5 MB of stack in an
//    optimized build (several MB under ASan): threads that parse need at
//    least that much. Long flat chains (a OR b OR ..., - - - 1, UNION
//    chains) are parsed iteratively and their trees destroyed iteratively,
//    but they are deep trees: code that walks them recursively should bound
//    its own depth.
//
// Thread-safety: all functions are pure; call them from any thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "sql/ast.h"

namespace relaydb::sql {

// The sql_mode flags that change how text is parsed.
struct ParseOptions {
  bool ansi_quotes = false;           // "x" is an identifier (ANSI_QUOTES)
  bool no_backslash_escapes = false;  // '\' is an ordinary character (NO_BACKSLASH_ESCAPES)
  bool pipes_as_concat = false;       // || is string concatenation (PIPES_AS_CONCAT)
  bool high_not_precedence = false;   // NOT binds like ! (HIGH_NOT_PRECEDENCE)
};

// Limit on the nesting of expressions/subqueries/parentheses.
inline constexpr int kMaxNestingDepth = 1000;

struct ParsedStatement {
  StatementPtr stmt;
  // The statement's exact text in the parsed string: from its first byte
  // (leading whitespace skipped, leading comments kept) up to, not
  // including, the terminating ';' (trailing whitespace trimmed).
  SourceSpan span;
  // Number of `?` placeholders in the statement.
  uint32_t param_count = 0;
};

// Parses a string that may hold several ';'-separated statements (the
// CLIENT_MULTI_STATEMENTS case). Statements are parsed in order; MariaDB
// executes the ones before a syntax error, so on error `*parsed_before_error`
// (if non-null) receives the statements that parsed successfully before the
// failing one. Trailing ';' and whitespace are ignored. Spans in every
// statement (and its Exprs) are offsets into `sql`.
Result<std::vector<ParsedStatement>> ParseMulti(
    std::string_view sql, const ParseOptions& options,
    std::vector<ParsedStatement>* parsed_before_error = nullptr);

// Parses exactly one statement, as MariaDB does for a COM_QUERY without
// CLIENT_MULTI_STATEMENTS: trailing ';' and whitespace are ignored; a second
// statement is a syntax error at the token after the ';'.
Result<ParsedStatement> ParseOne(std::string_view sql, const ParseOptions& options = {});

// Parses a standalone expression (e.g. a stored DEFAULT (expr) or CHECK
// text), for the catalog. The whole input must be one expression.
Result<ExprPtr> ParseExpression(std::string_view sql, const ParseOptions& options = {});

// Sets column->default_value / default_is_null / default_is_expression from
// a parsed DEFAULT (ColumnAttrs::default_expr) for the column's type, as
// CREATE TABLE does: literals become MariaDB's canonical text for the type
// (DEFAULT '5' on INT -> "5", 1 on DECIMAL(5,2) -> "1.00", -1.5e3 on DOUBLE
// -> "-1500", 0x41 on VARBINARY -> "A", b'101' on BIT -> "5", strings
// unquoted, NULL -> "NULL" with default_is_null); CURRENT_TIMESTAMP forms ->
// "current_timestamp()" / "current_timestamp(n)"; other expressions -> their
// ToSql text (parenthesized unless a function call) with
// default_is_expression. Returns 1067 "Invalid default value for '<col>'"
// when the literal does not fit (non-numeric on a number column, NULL on NOT
// NULL, negative on UNSIGNED, any DEFAULT on AUTO_INCREMENT). Used by the
// executor for ALTER COLUMN SET DEFAULT, whose column type the parser lacks.
Status ApplyColumnDefault(const Expr& default_expr, ColumnDef* column);

// Canonical SQL text of an expression, as MariaDB prints expressions in
// SHOW CREATE TABLE (DEFAULT (expr), CHECK (expr)): identifiers in
// backquotes, strings in single quotes with '' and \\ escapes, operators
// with spaces ("`a` + 1"), function names lower-case with comma-separated
// arguments ("concat('a','b')"), parentheses only where precedence needs them.
std::string ToSql(const Expr& expr);

// Canonical text of a query (for CREATE ... SELECT diagnostics, EXPLAIN, tests).
std::string ToSql(const QueryExpr& query);

// Cheap routing: the kind of statement `sql` starts with, from its first
// keyword(s) only (no full parse). kUnknown if not recognized, kEmpty for
// whitespace/comments only.
StatementKind Classify(std::string_view sql, const ParseOptions& options = {});

// The 1064 syntax error for input `sql` failing at byte `error_offset`,
// counting lines from `stmt_offset`. Exposed for callers that detect syntax
// errors themselves (e.g. the executor rejecting a construct by position).
Status SyntaxError(std::string_view sql, size_t error_offset, size_t stmt_offset = 0);

}  // namespace relaydb::sql
