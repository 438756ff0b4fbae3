// Private to the parser (parser*.cc): the recursive-descent Parser over a
// token vector. Not part of the public API; see parser.h.
//
// Error handling: the first failure is recorded in `error_` and every parse
// function then returns false / nullptr up the call chain (TRY). Syntax
// errors are reported at the current token, as MariaDB's LALR parser does
// at its lookahead token.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "sql/ast.h"
#include "sql/lexer.h"
#include "sql/parser.h"

namespace relaydb::sql {

// Returns a default-constructed value (false / nullptr / empty) from the
// calling function if `expr` is false-ish.
// Keeps rarely taken parse paths out of the recursive functions' frames.
#define RDB_NOINLINE __attribute__((noinline))

#define TRY(expr)           \
  do {                      \
    if (!(expr)) return {}; \
  } while (0)

class Parser {
 public:
  // `sql` and `tokens` (Lexer::Tokenize of sql) must outlive the Parser.
  // Parsing starts at token `start`; lines in error messages count from
  // `stmt_line` (the line of the statement's first byte).
  Parser(std::string_view sql, const ParseOptions& options, const std::vector<Token>& tokens,
         size_t start, uint32_t stmt_line);

  // One statement, stopping before its terminating ';' or end of input.
  StatementPtr ParseStatement();
  // One expression (for ParseExpression).
  ExprPtr ParseStandaloneExpr();

  size_t pos() const { return pos_; }
  const Status& error() const { return error_; }
  uint32_t param_count() const { return param_count_; }

  // ---- token access (used by all parser*.cc) ----
  const Token& Cur() const { return toks_[pos_]; }
  const Token& Peek(size_t k = 1) const {
    size_t i = pos_ + k;
    return i < toks_.size() ? toks_[i] : toks_.back();
  }
  void Advance() {
    prev_end_ = toks_[pos_].offset + toks_[pos_].length;
    if (pos_ + 1 < toks_.size()) ++pos_;
  }
  bool Is(TokenType t, size_t k = 0) const { return Peek(k).type == t; }
  bool IsKw(Kw kw, size_t k = 0) const {
    const Token& t = Peek(k);
    return t.type == TokenType::kIdent && t.kw == kw;
  }
  bool Accept(TokenType t) {
    if (!Is(t)) return false;
    Advance();
    return true;
  }
  bool AcceptKw(Kw kw) {
    if (!IsKw(kw)) return false;
    Advance();
    return true;
  }
  bool Expect(TokenType t) { return Accept(t) || Fail(); }
  bool ExpectKw(Kw kw) { return AcceptKw(kw) || Fail(); }
  // End of the statement: ';' or end of input.
  bool AtStatementEnd() const { return Is(TokenType::kSemicolon) || Is(TokenType::kEnd); }
  std::string_view Text(const Token& t) const { return Lexer::Text(sql_, t); }
  std::string StringValue(const Token& t) const {
    return Lexer::DecodeString(sql_, t, opts_.no_backslash_escapes);
  }
  // An unquoted non-reserved word or a quoted identifier.
  bool IsIdent(size_t k = 0) const {
    const Token& t = Peek(k);
    return (t.type == TokenType::kIdent && !t.reserved) || t.type == TokenType::kQuotedIdent;
  }
  // Any word, reserved or not, or a quoted identifier.
  bool IsAnyWord(size_t k = 0) const {
    const Token& t = Peek(k);
    return t.type == TokenType::kIdent || t.type == TokenType::kQuotedIdent;
  }
  uint32_t prev_end() const { return prev_end_; }
  SourceSpan SpanFrom(uint32_t start) const { return SourceSpan{start, prev_end_ - start}; }

  // ---- errors ----
  // Syntax error (1064) at the current token. Always returns false.
  bool Fail();
  bool FailAt(const Token& t);
  // Records `s` (if no error yet). Always returns false.
  bool FailWith(Status s);
  // 1235 "This version of MariaDB doesn't yet support '<what>'".
  bool FailUnsupported(std::string_view what);

  // ---- identifiers and names (parser.cc) ----
  bool ParseIdent(std::string* out);
  // An identifier, or a string literal where MariaDB allows one.
  bool ParseIdentOrString(std::string* out);
  bool ParseTableName(TableName* out);
  bool ParseTableNameList(std::vector<TableName>* out);
  bool ParseIdentList(std::vector<std::string>* out);  // (a, b, c) with parentheses
  bool ParseStringLiteral(std::string* out);           // one or more adjacent strings
  // A charset or collation name: ident, string or BINARY; lower-cased.
  bool ParseCharsetName(std::string* out);
  bool ParseUserSpec(UserSpec* out);
  bool ParseNumber(uint64_t* out);
  // Optional `=`.
  void AcceptEq() { Accept(TokenType::kEq); }

  // ---- expressions (parser_expr.cc) ----
  ExprPtr ParseExpr();
  ExprPtr ParseBinary(int min_prec);
  ExprPtr ParsePredicateTail(ExprPtr left, Kw special, bool negated, uint32_t start);
  ExprPtr ParseQuantifiedTail(ExprPtr left, BinaryOp op, uint32_t start);
  ExprPtr ParseBinaryRight(ExprPtr left, BinaryOp op, int prec);
  ExprPtr ParseUnaryOperators();  // prefix operators and COLLATE around a primary
  ExprPtr ParseCollateTail(ExprPtr e);
  ExprPtr ParseVariable();        // @x [:= expr], @@[scope.]x
  ExprPtr ParseWordPrimary();     // a primary starting with a word
  ExprPtr ParseNot();
  ExprPtr ParseUnary();
  ExprPtr ParsePrimary();
  ExprPtr ParseLiteral();  // a literal token sequence at the current token
  ExprPtr ParseSignedLiteral();
  ExprPtr ParseColumnOrFunction();
  ExprPtr ParseFunctionCall(std::string name, std::string qualifier, uint32_t start);
  ExprPtr ParseParenthesized();
  ExprPtr ParseRowTail(ExprPtr first, uint32_t start);  // (a, b, ...) after the first
  ExprPtr ParseParenthesizedQueryTail(ExprPtr first, uint32_t start);
  ExprPtr ParseCase();
  ExprPtr ParseCast(bool is_convert, uint32_t start);
  ExprPtr ParseInterval(uint32_t start);  // after INTERVAL
  ExprPtr ParseIntervalBody(uint32_t start);
  bool ParseIntervalUnit(IntervalUnit* unit);
  bool ParseCastType(CastType* type);
  bool ParseExprList(ExprList* out);  // expr [, expr]*
  ExprPtr ParseColumnRef();           // [db.][t.]col for SET/UPDATE targets
  bool ParseOrderList(std::vector<OrderItem>* out);
  bool ParseLimit(std::optional<LimitClause>* out);  // after LIMIT
  ExprPtr ParseLimitValue();

  // ---- queries (parser.cc) ----
  QueryPtr ParseQuery();  // [WITH] body [ORDER BY] [LIMIT] [lock] [INTO]
  QueryPtr ParseQueryBody(int depth_prec);
  QueryPtr ParseQueryPrimary();
  QueryPtr ParseQueryTail(QueryPtr q, uint32_t start);
  QueryPtr ContinueQuery(QueryPtr first, uint32_t start);  // after "(query)" in an expression
  std::unique_ptr<SelectCore> ParseSelectCore(IntoClause* into);
  bool ParseSelectItem(SelectItem* item);
  bool ParseInto(IntoClause* into);
  bool ParseTableRefs(std::vector<TableRefPtr>* out);
  TableRefPtr ParseTableRef();
  TableRefPtr ParseTableFactor();
  bool ParseIndexHints(std::vector<IndexHint>* out);
  bool ParseOptAlias(std::string* alias, bool allow_string);
  bool IsQueryStart(size_t k = 0) const;
  bool IsQueryStartDeep(size_t k) const;  // '('* then SELECT/WITH

  // ---- statements ----
  StatementPtr ParseSelectStmt();
  StatementPtr ParseInsert(bool replace);
  StatementPtr ParseUpdate();
  StatementPtr ParseDelete();
  StatementPtr ParseCreate();                                         // parser_ddl.cc
  StatementPtr ParseDrop();                                           // parser_ddl.cc
  StatementPtr ParseAlter();                                          // parser_ddl.cc
  StatementPtr ParseRename();                                         // parser_ddl.cc
  StatementPtr ParseTruncate();                                       // parser_ddl.cc
  StatementPtr ParseCreateTable(bool or_replace, bool temporary);     // parser_ddl.cc
  StatementPtr ParseCreateIndex(bool or_replace, IndexKind kind);     // parser_ddl.cc
  StatementPtr ParseCreateDatabase(bool or_replace);                  // parser_ddl.cc
  StatementPtr ParseCreateView();                                     // parser_ddl.cc
  StatementPtr ParseAlterTable();                                     // parser_ddl.cc
  StatementPtr ParseShow();                                           // parser_admin.cc
  StatementPtr ParseDescribe();                                       // parser_admin.cc
  StatementPtr ParseSet();                                            // parser_admin.cc
  StatementPtr ParseBegin();                                          // parser_admin.cc
  StatementPtr ParseStart();                                          // parser_admin.cc
  StatementPtr ParseStop();                                           // parser_admin.cc
  StatementPtr ParseCommit();                                         // parser_admin.cc
  StatementPtr ParseRollback();                                       // parser_admin.cc
  StatementPtr ParseLock();                                           // parser_admin.cc
  StatementPtr ParseUnlock();                                         // parser_admin.cc
  StatementPtr ParseGrant();                                          // parser_admin.cc
  StatementPtr ParseRevoke();                                         // parser_admin.cc
  StatementPtr ParseCreateUser(bool or_replace);                      // parser_admin.cc
  StatementPtr ParseDropUser();                                       // parser_admin.cc
  StatementPtr ParseAlterUser();                                      // parser_admin.cc
  StatementPtr ParseRenameUser();                                     // parser_admin.cc
  StatementPtr ParseFlush();                                          // parser_admin.cc
  StatementPtr ParseKill();                                           // parser_admin.cc
  StatementPtr ParsePurge();                                          // parser_admin.cc
  StatementPtr ParseReset();                                          // parser_admin.cc
  StatementPtr ParseChange();                                         // parser_admin.cc
  StatementPtr ParseAdminTable(AdminTableStmt::Op op);                // parser_admin.cc
  StatementPtr ParseUnsupported(std::string feature, bool compound);  // parser.cc

  // ---- DDL helpers (parser_ddl.cc) ----
  bool ParseDataType(ColumnType* type, const std::string& column, ColumnAttrs* attrs,
                     ColumnDef* def);
  bool ParseColumnDef(ColumnDef* def, ColumnAttrs* attrs);
  bool ParseColumnAttributes(ColumnDef* def, ColumnAttrs* attrs);
  bool ParseDefaultValue(ColumnDef* def, ColumnAttrs* attrs);
  bool ParseIndexColumns(IndexDef* index);
  bool ParseIndexOptions(IndexDef* index);
  bool ParseTableOption(std::vector<TableOption>* options, bool* parsed);
  bool ParseForeignKeyRest(ForeignKeySpec* fk);
  bool ParseReferences(ForeignKeySpec* fk);
  bool ParseDatabaseOptions(std::string* charset, std::string* collation,
                            std::optional<std::string>* comment, bool* any);

  // ---- account helpers (parser_admin.cc) ----
  bool ParseAuth(AuthSpec* auth);
  bool ParseUserAuthList(std::vector<UserAuth>* out);
  bool ParseAccountOptions(std::vector<std::pair<std::string, std::string>>* out);
  bool ParsePrivileges(std::vector<Privilege>* out, std::vector<std::string>* roles);
  bool ParseGrantTarget(GrantTarget* target);
  bool ParseReplOption(ReplOptionValue* out, bool until);

  // Nesting guard for recursion (parentheses, subqueries).
  bool Enter();
  void Leave() { --depth_; }

  const ParseOptions& options() const { return opts_; }
  std::string_view sql() const { return sql_; }

 private:
  std::string_view sql_;
  ParseOptions opts_;
  const std::vector<Token>& toks_;
  size_t pos_;
  uint32_t stmt_line_;
  uint32_t prev_end_ = 0;
  Status error_;
  bool failed_ = false;
  int depth_ = 0;
  uint32_t param_count_ = 0;
  // Set while parsing DATE_ADD/DATE_SUB/ADDDATE/SUBDATE arguments: a bare
  // INTERVAL expr unit is allowed there.
  bool allow_interval_ = false;

 public:
  // Set while parsing ON DUPLICATE KEY UPDATE: VALUES(col) is a function
  // only there (MariaDB: a syntax error elsewhere).
  bool in_on_duplicate_ = false;

  friend class ExprParser;
};

// Shared helpers.
std::string ToLowerAscii(std::string_view s);
std::string ToUpperAscii(std::string_view s);
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
ExprPtr MakeExpr(ExprKind kind, SourceSpan span);
// Quotes an identifier with backquotes (`` escaping).
std::string QuoteIdent(std::string_view name);
// Quotes a string literal as MariaDB prints it: '...' with '' and \\ escaped.
std::string QuoteString(std::string_view value);

// DDL helpers shared by parser_ddl.cc / parser_alter.cc / parser_column.cc.
// A key definition (PRIMARY KEY / UNIQUE / KEY / INDEX / FULLTEXT ...) at
// the current token; `constraint` is a preceding CONSTRAINT symbol.
bool ParseKeyDefinition(Parser& p, const std::string& constraint, IndexDef* index,
                        bool* if_not_exists);
bool IsKeyStart(const Parser& p);
bool IsLiteralDefault(const Expr& e);  // a (signed) literal DEFAULT
std::string DefaultExprText(const Expr& e);
// ALTER COLUMN SET DEFAULT: the literal's own text (the type is unknown here).
void SetUntypedDefault(const Expr& e, ColumnDef* def);

// Operator precedence levels, loosest first (see parser_expr.cc).
enum Prec : int {
  kPrecOr = 1,
  kPrecXor = 2,
  kPrecAnd = 3,
  kPrecNot = 4,
  kPrecCmp = 5,
  kPrecBetween = 6,
  kPrecLike = 7,
  kPrecBitOr = 8,
  kPrecBitAnd = 9,
  kPrecShift = 10,
  kPrecAdd = 11,
  kPrecMul = 12,
  kPrecBitXor = 13,
  kPrecConcat = 14,
  kPrecUnary = 15,
  kPrecCollate = 16,
  kPrecPrimary = 100,
};

inline int BinaryPrec(BinaryOp op) {
  switch (op) {
    case BinaryOp::kOr: return kPrecOr;
    case BinaryOp::kXor: return kPrecXor;
    case BinaryOp::kAnd: return kPrecAnd;
    case BinaryOp::kEq:
    case BinaryOp::kNullSafeEq:
    case BinaryOp::kNe:
    case BinaryOp::kLt:
    case BinaryOp::kLe:
    case BinaryOp::kGt:
    case BinaryOp::kGe: return kPrecCmp;
    case BinaryOp::kBitOr: return kPrecBitOr;
    case BinaryOp::kBitAnd: return kPrecBitAnd;
    case BinaryOp::kShiftLeft:
    case BinaryOp::kShiftRight: return kPrecShift;
    case BinaryOp::kAdd:
    case BinaryOp::kSub: return kPrecAdd;
    case BinaryOp::kMul:
    case BinaryOp::kDiv:
    case BinaryOp::kIntDiv:
    case BinaryOp::kMod: return kPrecMul;
    case BinaryOp::kBitXor: return kPrecBitXor;
    case BinaryOp::kConcat: return kPrecConcat;
  }
  return kPrecPrimary;
}

// A kBinary node over l and r ending at source offset `end`.
inline ExprPtr MakeBinary(BinaryOp op, ExprPtr l, ExprPtr r, uint32_t end) {
  auto e = MakeExpr(ExprKind::kBinary, SourceSpan{l->span.offset, end - l->span.offset});
  e->binary_op = op;
  e->args.push_back(std::move(l));
  e->args.push_back(std::move(r));
  return e;
}

}  // namespace relaydb::sql
