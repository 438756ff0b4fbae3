// Parser entry points (ParseMulti/ParseOne/ParseExpression/Classify),
// statement dispatch, names, queries (SELECT / set operations / table
// references) and DML (INSERT/REPLACE/UPDATE/DELETE). Expressions are in
// parser_expr.cc, DDL in parser_ddl.cc, SHOW/SET/transactions/accounts/
// replication/admin in parser_admin.cc.
#include "sql/parser.h"

#include <algorithm>
#include <cstring>

#include "sql/parser_impl.h"

namespace relaydb::sql {

// ---------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------

std::string ToLowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

std::string ToUpperAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  return out;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x + 32);
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y + 32);
    if (x != y) return false;
  }
  return true;
}

ExprPtr MakeExpr(ExprKind kind, SourceSpan span) {
  auto e = std::make_unique<Expr>(kind);
  e->span = span;
  return e;
}

namespace {

constexpr std::string_view kSyntaxErrorText =
    "You have an error in your SQL syntax; check the manual that corresponds to your MariaDB "
    "server version for the right syntax to use";

// MariaDB's `%-.80T`: at most 80 characters; longer text is cut to 77 plus "...".
std::string CutNear(std::string_view rest) {
  size_t chars = 0;
  size_t cut77 = rest.size();
  for (size_t i = 0; i < rest.size(); ++i) {
    if ((static_cast<uint8_t>(rest[i]) & 0xC0) == 0x80) continue;  // continuation byte
    if (chars == 77) cut77 = i;
    ++chars;
  }
  if (chars <= 80) return std::string(rest);
  return std::string(rest.substr(0, cut77)) + "...";
}

Status MakeParseError(std::string_view prefix, std::string_view sql, size_t offset, uint32_t line) {
  if (offset > sql.size()) offset = sql.size();
  std::string msg(prefix);
  msg += " near '";
  msg += CutNear(sql.substr(offset));
  msg += "' at line ";
  msg += std::to_string(line);
  return Status::SqlError(1064, "42000", std::move(msg));
}

}  // namespace

Status SyntaxError(std::string_view sql, size_t error_offset, size_t stmt_offset) {
  uint32_t line = 1;
  for (size_t i = stmt_offset; i < error_offset && i < sql.size(); ++i)
    if (sql[i] == '\n') ++line;
  return MakeParseError(kSyntaxErrorText, sql, error_offset, line);
}

// ---------------------------------------------------------------------------
// Parser basics
// ---------------------------------------------------------------------------

Parser::Parser(std::string_view sql, const ParseOptions& options, const std::vector<Token>& tokens,
               size_t start, uint32_t stmt_line)
    : sql_(sql), opts_(options), toks_(tokens), pos_(start), stmt_line_(stmt_line) {
  prev_end_ = toks_[pos_].offset;
}

bool Parser::FailAt(const Token& t) {
  if (!failed_) {
    failed_ = true;
    // MariaDB's lexer restarts the token after a ',' (restart_token()), so
    // an error at a comma quotes the text after it.
    uint32_t offset = t.offset + (t.type == TokenType::kComma ? 1 : 0);
    uint32_t line = t.line;
    if (t.type == TokenType::kAt) {
      // MariaDB accepts a lone '@' and fails at what follows it.
      const Token* n = &t + 1;
      if (n <= &toks_.back()) {
        offset = n->offset;
        line = n->line;
      }
    }
    error_ = MakeParseError(kSyntaxErrorText, sql_, offset, line - stmt_line_ + 1);
  }
  return false;
}

bool Parser::Fail() { return FailAt(Cur()); }

bool Parser::FailWith(Status s) {
  if (!failed_) {
    failed_ = true;
    error_ = std::move(s);
  }
  return false;
}

bool Parser::FailUnsupported(std::string_view what) {
  return FailWith(Status::SqlError(
      1235, "42000", "This version of MariaDB doesn't yet support '" + std::string(what) + "'"));
}

bool Parser::Enter() {
  if (++depth_ > kMaxNestingDepth) {
    --depth_;
    if (!failed_) {
      failed_ = true;
      error_ = MakeParseError("memory exhausted", sql_, Cur().offset, Cur().line - stmt_line_ + 1);
    }
    return false;
  }
  return true;
}

bool Parser::ParseIdent(std::string* out) {
  if (!IsIdent()) return Fail();
  *out = Lexer::DecodeIdent(sql_, Cur());
  Advance();
  return true;
}

bool Parser::ParseIdentOrString(std::string* out) {
  if (Is(TokenType::kString)) return ParseStringLiteral(out);
  return ParseIdent(out);
}

bool Parser::ParseStringLiteral(std::string* out) {
  if (!Is(TokenType::kString) && !Is(TokenType::kNationalString)) return Fail();
  *out = StringValue(Cur());
  Advance();
  while (Is(TokenType::kString)) {
    *out += StringValue(Cur());
    Advance();
  }
  return true;
}

bool Parser::ParseCharsetName(std::string* out) {
  if (IsKw(Kw::kBinary)) {
    Advance();
    *out = "binary";
    return true;
  }
  if (Is(TokenType::kString)) {
    TRY(ParseStringLiteral(out));
  } else {
    TRY(ParseIdent(out));
  }
  *out = ToLowerAscii(*out);
  return true;
}

bool Parser::ParseTableName(TableName* out) {
  uint32_t start = Cur().offset;
  std::string first;
  TRY(ParseIdent(&first));
  if (Is(TokenType::kDot)) {
    Advance();
    out->db = std::move(first);
    TRY(ParseIdent(&out->name));
  } else {
    out->db.clear();
    out->name = std::move(first);
  }
  out->span = SpanFrom(start);
  return true;
}

bool Parser::ParseTableNameList(std::vector<TableName>* out) {
  do {
    TableName t;
    TRY(ParseTableName(&t));
    out->push_back(std::move(t));
  } while (Accept(TokenType::kComma));
  return true;
}

bool Parser::ParseIdentList(std::vector<std::string>* out) {
  TRY(Expect(TokenType::kLParen));
  do {
    std::string s;
    TRY(ParseIdent(&s));
    out->push_back(std::move(s));
  } while (Accept(TokenType::kComma));
  return Expect(TokenType::kRParen);
}

bool Parser::ParseNumber(uint64_t* out) {
  if (!Is(TokenType::kInteger)) return Fail();
  std::string_view t = Text(Cur());
  uint64_t v = 0;
  for (char c : t) {
    uint64_t d = static_cast<uint64_t>(c - '0');
    if (v > (UINT64_MAX - d) / 10) return Fail();
    v = v * 10 + d;
  }
  *out = v;
  Advance();
  return true;
}

// 'user'@'host', user@host, `u`@`h`, 'user' (host %), CURRENT_USER[()].
bool Parser::ParseUserSpec(UserSpec* out) {
  if (IsKw(Kw::kCurrentUser)) {
    Advance();
    if (Is(TokenType::kLParen)) {
      Advance();
      TRY(Expect(TokenType::kRParen));
    }
    out->current_user = true;
    out->user.clear();
    out->host.clear();
    return true;
  }
  if (Is(TokenType::kString)) {
    out->user = StringValue(Cur());
    Advance();
  } else if (IsIdent()) {
    out->user = Lexer::DecodeIdent(sql_, Cur());
    Advance();
  } else {
    return Fail();
  }
  out->host = "%";
  // The host part: '@' is lexed with what follows (@'h', @h, @`h`), with or
  // without a space before it ("u @'h'"). A lone '@' (followed by a space)
  // is accepted and leaves the host '%', as MariaDB does.
  if (Is(TokenType::kUserVar)) {
    out->host = Lexer::DecodeUserVar(sql_, Cur(), opts_.no_backslash_escapes);
    Advance();
  } else if (Is(TokenType::kAt)) {
    Advance();
  } else if (Is(TokenType::kAtAt)) {
    return Fail();
  }
  return true;
}

// ---------------------------------------------------------------------------
// Statement dispatch
// ---------------------------------------------------------------------------

StatementPtr Parser::ParseStatement() {
  const Token& t = Cur();
  if (t.type == TokenType::kLParen) return ParseSelectStmt();
  if (t.type != TokenType::kIdent) {
    Fail();
    return nullptr;
  }
  switch (t.kw) {
    case Kw::kSelect:
    case Kw::kWith: return ParseSelectStmt();
    case Kw::kIf:  // a compound IF ... END IF: MariaDB fails after the IF
      Advance();
      Fail();
      return nullptr;
    case Kw::kValues: return ParseUnsupported("VALUES", false);
    case Kw::kInsert: Advance(); return ParseInsert(false);
    case Kw::kReplace: Advance(); return ParseInsert(true);
    case Kw::kUpdate: Advance(); return ParseUpdate();
    case Kw::kDelete: Advance(); return ParseDelete();
    case Kw::kCreate: return ParseCreate();
    case Kw::kDrop: return ParseDrop();
    case Kw::kAlter: return ParseAlter();
    case Kw::kRename: return ParseRename();
    case Kw::kTruncate: return ParseTruncate();
    case Kw::kUse: {
      Advance();
      auto s = std::make_unique<UseStmt>();
      TRY(ParseIdent(&s->db));
      return s;
    }
    case Kw::kShow: return ParseShow();
    case Kw::kDescribe:
    case Kw::kDesc:
    case Kw::kExplain: return ParseDescribe();
    case Kw::kBegin: return ParseBegin();
    case Kw::kStart: return ParseStart();
    case Kw::kStop: return ParseStop();
    case Kw::kCommit: return ParseCommit();
    case Kw::kRollback: return ParseRollback();
    case Kw::kSavepoint: {
      Advance();
      auto s = std::make_unique<SavepointStmt>();
      TRY(ParseIdent(&s->name));
      return s;
    }
    case Kw::kRelease: {
      Advance();
      TRY(ExpectKw(Kw::kSavepoint));
      auto s = std::make_unique<ReleaseSavepointStmt>();
      TRY(ParseIdent(&s->name));
      return s;
    }
    case Kw::kSet: return ParseSet();
    case Kw::kLock: return ParseLock();
    case Kw::kUnlock: return ParseUnlock();
    case Kw::kGrant: return ParseGrant();
    case Kw::kRevoke: return ParseRevoke();
    case Kw::kFlush: return ParseFlush();
    case Kw::kKill: return ParseKill();
    case Kw::kPurge: return ParsePurge();
    case Kw::kReset: return ParseReset();
    case Kw::kChange: return ParseChange();
    case Kw::kDo: {
      Advance();
      auto s = std::make_unique<DoStmt>();
      TRY(ParseExprList(&s->exprs));
      return s;
    }
    case Kw::kAnalyze:
      if (IsQueryStart(1) || IsKw(Kw::kInsert, 1) || IsKw(Kw::kUpdate, 1) || IsKw(Kw::kDelete, 1) ||
          IsKw(Kw::kReplace, 1)) {
        Advance();
        auto s = std::make_unique<ExplainStmt>();
        s->analyze = true;
        if (AcceptKw(Kw::kFormat)) {
          TRY(Expect(TokenType::kEq));
          std::string f;
          TRY(ParseIdent(&f));
          s->format = ToLowerAscii(f);
        }
        s->stmt = ParseStatement();
        TRY(s->stmt);
        return s;
      }
      return ParseAdminTable(AdminTableStmt::Op::kAnalyze);
    case Kw::kCheck: return ParseAdminTable(AdminTableStmt::Op::kCheck);
    case Kw::kOptimize: return ParseAdminTable(AdminTableStmt::Op::kOptimize);
    case Kw::kRepair: return ParseAdminTable(AdminTableStmt::Op::kRepair);
    case Kw::kChecksum: return ParseAdminTable(AdminTableStmt::Op::kChecksum);
    case Kw::kHelp: {
      Advance();
      auto s = std::make_unique<HelpStmt>();
      TRY(ParseIdentOrString(&s->topic));
      return s;
    }
    case Kw::kBinlog: {
      Advance();
      auto s = std::make_unique<BinlogStmt>();
      TRY(ParseStringLiteral(&s->base64));
      return s;
    }
    case Kw::kXa: return ParseUnsupported("XA", false);
    case Kw::kCall: return ParseUnsupported("CALL", false);
    case Kw::kHandler: return ParseUnsupported("HANDLER", false);
    case Kw::kLoad: return ParseUnsupported(IsKw(Kw::kXml, 1) ? "LOAD XML" : "LOAD DATA", false);
    case Kw::kPrepare: {
      // PREPARE name FROM {'text' | @var}
      Advance();
      std::string name;
      TRY(ParseIdent(&name));
      TRY(ExpectKw(Kw::kFrom));
      if (!Is(TokenType::kString) && !Is(TokenType::kUserVar)) {
        Fail();
        return nullptr;
      }
      return ParseUnsupported("PREPARE", false);
    }
    case Kw::kExecute: {
      // EXECUTE name [USING expr[, ...]] | EXECUTE IMMEDIATE expr [USING ...]
      Advance();
      if (AcceptKw(Kw::kImmediate)) {
        ExprPtr e = ParseExpr();
        TRY(e);
      } else {
        std::string name;
        TRY(ParseIdent(&name));
      }
      if (AcceptKw(Kw::kUsing)) {
        ExprList args;
        TRY(ParseExprList(&args));
      }
      auto u = std::make_unique<UnsupportedStmt>();
      u->feature = "EXECUTE";
      return u;
    }
    case Kw::kDeallocate: {
      Advance();
      TRY(ExpectKw(Kw::kPrepare));
      std::string name;
      TRY(ParseIdent(&name));
      auto u = std::make_unique<UnsupportedStmt>();
      u->feature = "DEALLOCATE PREPARE";
      return u;
    }
    case Kw::kInstall: return ParseUnsupported("INSTALL", false);
    case Kw::kUninstall: return ParseUnsupported("UNINSTALL", false);
    case Kw::kSignal: return ParseUnsupported("SIGNAL", false);
    case Kw::kResignal: return ParseUnsupported("RESIGNAL", false);
    case Kw::kGet: return ParseUnsupported("GET DIAGNOSTICS", false);
    case Kw::kBackup: return ParseUnsupported("BACKUP", false);
    case Kw::kShutdown: return ParseUnsupported("SHUTDOWN", false);
    case Kw::kCache: return ParseUnsupported("CACHE INDEX", false);
    default: Fail(); return nullptr;
  }
}

// Skips the rest of a recognized-but-unsupported statement. `compound`
// statements (stored program bodies) may contain ';' inside BEGIN ... END.
StatementPtr Parser::ParseUnsupported(std::string feature, bool compound) {
  int depth = 0;
  while (!Is(TokenType::kEnd)) {
    const Token& t = Cur();
    if (t.type == TokenType::kError) {
      Fail();
      return nullptr;
    }
    if (t.type == TokenType::kSemicolon && depth <= 0) break;
    if (compound && t.type == TokenType::kIdent) {
      if (t.kw == Kw::kBegin || t.kw == Kw::kCase) {
        ++depth;
      } else if (t.kw == Kw::kEnd) {
        const Token& n = Peek(1);
        bool block_end = !(n.type == TokenType::kIdent &&
                           (n.kw == Kw::kIf || n.kw == Kw::kLoop || n.kw == Kw::kWhile ||
                            n.kw == Kw::kRepeat || n.kw == Kw::kFor));
        if (block_end) --depth;
      }
    }
    Advance();
  }
  auto s = std::make_unique<UnsupportedStmt>();
  s->feature = std::move(feature);
  return s;
}

// ---------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------

bool Parser::IsQueryStart(size_t k) const { return IsKw(Kw::kSelect, k) || IsKw(Kw::kWith, k); }

namespace {
// True if the tokens from k are '('* followed by SELECT/WITH.
bool IsQueryStartDeep(const Parser& p, size_t k) {
  while (p.Is(TokenType::kLParen, k)) ++k;
  return p.IsQueryStart(k);
}
}  // namespace

StatementPtr Parser::ParseSelectStmt() {
  auto s = std::make_unique<SelectStmt>();
  s->query = ParseQuery();
  TRY(s->query);
  return s;
}

QueryPtr Parser::ParseQuery() {
  TRY(Enter());
  uint32_t start = Cur().offset;
  std::unique_ptr<WithClause> with;
  if (AcceptKw(Kw::kWith)) {
    with = std::make_unique<WithClause>();
    with->recursive = AcceptKw(Kw::kRecursive);
    do {
      Cte cte;
      TRY(ParseIdent(&cte.name));
      if (Is(TokenType::kLParen)) TRY(ParseIdentList(&cte.columns));
      TRY(ExpectKw(Kw::kAs));
      TRY(Expect(TokenType::kLParen));
      cte.query = ParseQuery();
      TRY(cte.query);
      TRY(Expect(TokenType::kRParen));
      with->ctes.push_back(std::move(cte));
    } while (Accept(TokenType::kComma));
  }
  QueryPtr q = ParseQueryBody(0);
  TRY(q);
  q = ParseQueryTail(std::move(q), start);
  TRY(q);
  if (with) {
    if (q->with) {
      auto outer = std::make_unique<QueryExpr>();
      outer->kind = QueryExpr::Kind::kParenthesized;
      outer->span = q->span;
      outer->left = std::move(q);
      q = std::move(outer);
    }
    q->with = std::move(with);
    q->span = SpanFrom(start);
  }
  Leave();
  return q;
}

namespace {
// Set-operation precedence: INTERSECT binds tighter than UNION / EXCEPT.
int SetOpPrec(const Parser& p, QueryExpr::Kind* kind) {
  if (p.IsKw(Kw::kUnion)) {
    *kind = QueryExpr::Kind::kUnion;
    return 1;
  }
  if (p.IsKw(Kw::kExcept)) {
    *kind = QueryExpr::Kind::kExcept;
    return 1;
  }
  if (p.IsKw(Kw::kIntersect)) {
    *kind = QueryExpr::Kind::kIntersect;
    return 2;
  }
  return 0;
}
}  // namespace

QueryPtr Parser::ParseQueryBody(int min_prec) {
  QueryPtr left = ParseQueryPrimary();
  TRY(left);
  for (;;) {
    QueryExpr::Kind kind;
    int prec = SetOpPrec(*this, &kind);
    if (prec == 0 || prec < min_prec) break;
    uint32_t start = left->span.offset;
    Advance();
    bool all = false;
    if (AcceptKw(Kw::kAll)) {
      all = true;
    } else {
      AcceptKw(Kw::kDistinct);
    }
    QueryPtr right = ParseQueryBody(prec + 1);
    TRY(right);
    auto node = std::make_unique<QueryExpr>();
    node->kind = kind;
    node->all = all;
    node->left = std::move(left);
    node->right = std::move(right);
    node->span = SpanFrom(start);
    left = std::move(node);
  }
  return left;
}

QueryPtr Parser::ParseQueryPrimary() {
  uint32_t start = Cur().offset;
  if (Is(TokenType::kLParen)) {
    Advance();
    QueryPtr inner = ParseQuery();
    TRY(inner);
    TRY(Expect(TokenType::kRParen));
    return inner;
  }
  if (!IsKw(Kw::kSelect)) {
    Fail();
    return nullptr;
  }
  auto q = std::make_unique<QueryExpr>();
  q->kind = QueryExpr::Kind::kSelect;
  q->select = ParseSelectCore(&q->into);
  TRY(q->select);
  q->span = SpanFrom(start);
  return q;
}

// Continues a query whose first operand `first` (a parenthesized query)
// has been parsed: set operations, then ORDER BY / LIMIT / locking.
QueryPtr Parser::ContinueQuery(QueryPtr first, uint32_t start) {
  QueryPtr left = std::move(first);
  for (;;) {
    QueryExpr::Kind kind;
    int prec = SetOpPrec(*this, &kind);
    if (prec == 0) break;
    Advance();
    bool all = false;
    if (AcceptKw(Kw::kAll)) {
      all = true;
    } else {
      AcceptKw(Kw::kDistinct);
    }
    QueryPtr right = ParseQueryBody(prec + 1);
    TRY(right);
    auto node = std::make_unique<QueryExpr>();
    node->kind = kind;
    node->all = all;
    node->left = std::move(left);
    node->right = std::move(right);
    node->span = SpanFrom(start);
    left = std::move(node);
    // Keep INTERSECT's precedence when continuing: re-associate is not
    // needed for the common cases; chains are left-deep.
  }
  return ParseQueryTail(std::move(left), start);
}

QueryPtr Parser::ParseQueryTail(QueryPtr q, uint32_t start) {
  if (IsKw(Kw::kOrder) || IsKw(Kw::kLimit)) {
    if (!q->order_by.empty() || q->limit.has_value()) {
      auto outer = std::make_unique<QueryExpr>();
      outer->kind = QueryExpr::Kind::kParenthesized;
      outer->left = std::move(q);
      q = std::move(outer);
    }
    if (AcceptKw(Kw::kOrder)) {
      TRY(ExpectKw(Kw::kBy));
      TRY(ParseOrderList(&q->order_by));
    }
    if (AcceptKw(Kw::kLimit)) TRY(ParseLimit(&q->limit));
  }
  // INTO may come before or after the locking clause.
  if (IsKw(Kw::kInto)) {
    if (q->into.kind != IntoClause::Kind::kNone) {
      Fail();
      return nullptr;
    }
    TRY(ParseInto(&q->into));
  }
  if (IsKw(Kw::kFor)) {
    Advance();
    TRY(ExpectKw(Kw::kUpdate));
    q->lock = LockMode::kForUpdate;
  } else if (AcceptKw(Kw::kLock)) {
    TRY(ExpectKw(Kw::kIn));
    TRY(ExpectKw(Kw::kShare));
    TRY(ExpectKw(Kw::kMode));
    q->lock = LockMode::kShare;
  }
  if (q->lock != LockMode::kNone) {
    if (AcceptKw(Kw::kNowait)) {
      q->lock_nowait = true;
    } else if (AcceptKw(Kw::kWait)) {
      ExprPtr n = ParseLimitValue();
      TRY(n);
      q->lock_nowait = true;
    } else if (AcceptKw(Kw::kSkip)) {
      TRY(ExpectKw(Kw::kLocked));
      q->lock_nowait = true;
    }
    if (IsKw(Kw::kInto)) {
      if (q->into.kind != IntoClause::Kind::kNone) {
        Fail();
        return nullptr;
      }
      TRY(ParseInto(&q->into));
    }
  }
  q->span = SpanFrom(std::min(start, q->span.length ? q->span.offset : start));
  return q;
}

bool Parser::ParseInto(IntoClause* into) {
  TRY(ExpectKw(Kw::kInto));
  if (AcceptKw(Kw::kOutfile)) {
    into->kind = IntoClause::Kind::kOutfile;
    TRY(ParseStringLiteral(&into->file));
    if (IsKw(Kw::kCharacter) || IsKw(Kw::kFields) || IsKw(Kw::kColumns) || IsKw(Kw::kLines) ||
        IsKw(Kw::kCharset)) {
      return FailUnsupported("SELECT INTO OUTFILE with export options");
    }
    return true;
  }
  if (AcceptKw(Kw::kDumpfile)) {
    into->kind = IntoClause::Kind::kDumpfile;
    return ParseStringLiteral(&into->file);
  }
  into->kind = IntoClause::Kind::kVariables;
  do {
    if (Is(TokenType::kUserVar)) {
      into->variables.push_back(Lexer::DecodeUserVar(sql_, Cur(), opts_.no_backslash_escapes));
      Advance();
    } else if (IsIdent()) {
      // A stored-program local variable: only meaningful inside routines.
      return FailUnsupported("SELECT INTO local variables");
    } else {
      return Fail();
    }
  } while (Accept(TokenType::kComma));
  return true;
}

std::unique_ptr<SelectCore> Parser::ParseSelectCore(IntoClause* into) {
  uint32_t start = Cur().offset;
  TRY(ExpectKw(Kw::kSelect));
  auto core = std::make_unique<SelectCore>();
  for (;;) {
    if (AcceptKw(Kw::kAll)) continue;
    if (AcceptKw(Kw::kDistinct) || AcceptKw(Kw::kDistinctrow)) {
      core->distinct = true;
      continue;
    }
    if (AcceptKw(Kw::kHighPriority)) {
      core->high_priority = true;
      continue;
    }
    if (AcceptKw(Kw::kStraightJoin)) {
      core->straight_join = true;
      continue;
    }
    if (AcceptKw(Kw::kSqlSmallResult)) {
      core->sql_small_result = true;
      continue;
    }
    if (AcceptKw(Kw::kSqlBigResult)) {
      core->sql_big_result = true;
      continue;
    }
    if (AcceptKw(Kw::kSqlBufferResult)) {
      core->sql_buffer_result = true;
      continue;
    }
    if (AcceptKw(Kw::kSqlCache)) {
      core->sql_cache = true;
      continue;
    }
    if (AcceptKw(Kw::kSqlNoCache)) {
      core->sql_no_cache = true;
      continue;
    }
    if (AcceptKw(Kw::kSqlCalcFoundRows)) {
      core->sql_calc_found_rows = true;
      continue;
    }
    break;
  }
  do {
    SelectItem item;
    TRY(ParseSelectItem(&item));
    core->items.push_back(std::move(item));
  } while (Accept(TokenType::kComma));
  if (IsKw(Kw::kInto)) TRY(ParseInto(into));
  if (AcceptKw(Kw::kFrom)) {
    if (AcceptKw(Kw::kDual)) {
      core->from_dual = true;
    } else {
      TRY(ParseTableRefs(&core->from));
    }
  }
  if (AcceptKw(Kw::kWhere)) {
    core->where = ParseExpr();
    TRY(core->where);
  }
  if (IsKw(Kw::kGroup)) {
    Advance();
    TRY(ExpectKw(Kw::kBy));
    TRY(ParseOrderList(&core->group_by));
    if (IsKw(Kw::kWith) && IsKw(Kw::kRollup, 1)) {
      Advance();
      Advance();
      core->with_rollup = true;
    }
  }
  if (AcceptKw(Kw::kHaving)) {
    core->having = ParseExpr();
    TRY(core->having);
  }
  if (IsKw(Kw::kWindow)) {
    FailUnsupported("window functions");
    return nullptr;
  }
  core->span = SpanFrom(start);
  return core;
}

bool Parser::ParseSelectItem(SelectItem* item) {
  if (Is(TokenType::kStar)) {
    item->expr = MakeExpr(ExprKind::kStar, SourceSpan{Cur().offset, 1});
    Advance();
    return true;
  }
  item->expr = ParseExpr();
  TRY(item->expr);
  if (item->expr->kind == ExprKind::kStar) return true;
  return ParseOptAlias(&item->alias, true) && ((item->has_alias = !item->alias.empty()) || true);
}

// [AS] alias. An alias without AS must not be a reserved word (nor SOUNDS,
// which starts SOUNDS LIKE). Strings are allowed for select-list aliases.
bool Parser::ParseOptAlias(std::string* alias, bool allow_string) {
  // A string alias is one literal: adjacent strings do not concatenate here.
  auto string_alias = [&]() {
    *alias = StringValue(Cur());
    Advance();
    return true;
  };
  if (AcceptKw(Kw::kAs)) {
    if (Is(TokenType::kString)) return string_alias();
    return ParseIdent(alias);
  }
  if (allow_string && Is(TokenType::kString)) return string_alias();
  if (IsIdent() && !IsKw(Kw::kSounds) && !IsKw(Kw::kWindow)) {
    *alias = Lexer::DecodeIdent(sql_, Cur());
    Advance();
  }
  return true;
}

bool Parser::ParseTableRefs(std::vector<TableRefPtr>* out) {
  do {
    TableRefPtr r = ParseTableRef();
    TRY(r);
    out->push_back(std::move(r));
  } while (Accept(TokenType::kComma));
  return true;
}

// MariaDB's join grammar: [INNER|CROSS] JOIN and LEFT/RIGHT JOIN take a
// table_ref on the right, which extends greedily (bison shifts), so
// "a JOIN b JOIN c ON x ON y" is a JOIN (b JOIN c ON x) ON y, while
// "a JOIN b ON x JOIN c" is left-deep. NATURAL and STRAIGHT_JOIN take a
// table factor.
TableRefPtr Parser::ParseTableRef() {
  TRY(Enter());
  TableRefPtr left = ParseTableFactor();
  TRY(left);
  for (;;) {
    uint32_t start = left->span.offset;
    JoinType type;
    bool natural = false;
    bool need_cond = false;
    if (IsKw(Kw::kJoin) || IsKw(Kw::kInner) || IsKw(Kw::kCross)) {
      if (!IsKw(Kw::kJoin)) Advance();
      TRY(ExpectKw(Kw::kJoin));
      type = JoinType::kInner;
    } else if (IsKw(Kw::kStraightJoin)) {
      Advance();
      type = JoinType::kStraight;
    } else if (IsKw(Kw::kLeft) || IsKw(Kw::kRight)) {
      type = IsKw(Kw::kLeft) ? JoinType::kLeft : JoinType::kRight;
      Advance();
      AcceptKw(Kw::kOuter);
      TRY(ExpectKw(Kw::kJoin));
      need_cond = true;
    } else if (IsKw(Kw::kNatural)) {
      Advance();
      natural = true;
      type = JoinType::kInner;
      if (IsKw(Kw::kLeft) || IsKw(Kw::kRight)) {
        type = IsKw(Kw::kLeft) ? JoinType::kLeft : JoinType::kRight;
        Advance();
        AcceptKw(Kw::kOuter);
      } else {
        AcceptKw(Kw::kInner);
      }
      TRY(ExpectKw(Kw::kJoin));
    } else {
      break;
    }
    const bool greedy = !natural && type != JoinType::kStraight;
    TableRefPtr right = greedy ? ParseTableRef() : ParseTableFactor();
    TRY(right);
    auto j = std::make_unique<TableRef>(TableRef::Kind::kJoin);
    j->join_type = type;
    j->natural = natural;
    j->left = std::move(left);
    j->right = std::move(right);
    if (!natural) {
      if (AcceptKw(Kw::kOn)) {
        j->on = ParseExpr();
        TRY(j->on);
      } else if (AcceptKw(Kw::kUsing)) {
        TRY(ParseIdentList(&j->using_columns));
      } else if (need_cond) {
        Fail();
        return nullptr;
      }
    }
    j->span = SpanFrom(start);
    left = std::move(j);
  }
  Leave();
  return left;
}

TableRefPtr Parser::ParseTableFactor() {
  uint32_t start = Cur().offset;
  if (Is(TokenType::kLBrace)) {
    FailUnsupported("ODBC join syntax");
    return nullptr;
  }
  if (Is(TokenType::kLParen)) {
    // "((SELECT ...) AS d JOIN t ...)" is a parenthesized join whose first
    // factor is a derived table: the inner query's ')' is followed by an
    // alias. Otherwise "( ... SELECT" starts a derived table.
    bool nested_join = false;
    if (Is(TokenType::kLParen, 1) && IsQueryStartDeep(*this, 1)) {
      size_t k = 1;
      int depth = 0;
      for (;; ++k) {
        const Token& x = Peek(k);
        if (x.type == TokenType::kEnd) break;
        if (x.type == TokenType::kLParen) ++depth;
        if (x.type == TokenType::kRParen && --depth == 0) break;
      }
      nested_join = IsKw(Kw::kAs, k + 1) || IsIdent(k + 1);
    }
    if (!nested_join && IsQueryStartDeep(*this, 1)) {
      auto r = std::make_unique<TableRef>(TableRef::Kind::kDerived);
      r->subquery = ParseQueryPrimary();
      TRY(r->subquery);
      r->subquery = ParseQueryTail(std::move(r->subquery), start);
      TRY(r->subquery);
      // A derived table must have an alias (MariaDB: a syntax error).
      TRY(ParseOptAlias(&r->alias, false));
      if (r->alias.empty()) {
        Fail();
        return nullptr;
      }
      r->span = SpanFrom(start);
      return r;
    }
    TRY(Enter());
    Advance();
    std::vector<TableRefPtr> list;
    TRY(ParseTableRefs(&list));
    TRY(Expect(TokenType::kRParen));
    Leave();
    // (a, b, c): a left-deep chain of comma joins.
    TableRefPtr r = std::move(list[0]);
    for (size_t i = 1; i < list.size(); ++i) {
      auto j = std::make_unique<TableRef>(TableRef::Kind::kJoin);
      j->join_type = JoinType::kComma;
      j->left = std::move(r);
      j->right = std::move(list[i]);
      j->span = SpanFrom(start);
      r = std::move(j);
    }
    r->span = SpanFrom(start);
    return r;
  }
  auto r = std::make_unique<TableRef>(TableRef::Kind::kTable);
  TRY(ParseTableName(&r->table));
  if (IsKw(Kw::kPartition)) {
    FailUnsupported("PARTITION");
    return nullptr;
  }
  if (IsKw(Kw::kFor) && IsKw(Kw::kSystemTime, 1)) {
    FailUnsupported("SYSTEM_TIME");
    return nullptr;
  }
  TRY(ParseOptAlias(&r->alias, false));
  TRY(ParseIndexHints(&r->index_hints));
  r->span = SpanFrom(start);
  return r;
}

bool Parser::ParseIndexHints(std::vector<IndexHint>* out) {
  while (IsKw(Kw::kUse) || IsKw(Kw::kForce) || IsKw(Kw::kIgnore)) {
    IndexHint h;
    h.type = IsKw(Kw::kUse)     ? IndexHint::Type::kUse
             : IsKw(Kw::kForce) ? IndexHint::Type::kForce
                                : IndexHint::Type::kIgnore;
    Advance();
    if (!AcceptKw(Kw::kIndex) && !AcceptKw(Kw::kKey)) return Fail();
    if (AcceptKw(Kw::kFor)) {
      if (AcceptKw(Kw::kJoin)) {
        h.scope = IndexHint::Scope::kJoin;
      } else if (AcceptKw(Kw::kOrder)) {
        TRY(ExpectKw(Kw::kBy));
        h.scope = IndexHint::Scope::kOrderBy;
      } else if (AcceptKw(Kw::kGroup)) {
        TRY(ExpectKw(Kw::kBy));
        h.scope = IndexHint::Scope::kGroupBy;
      } else {
        return Fail();
      }
    }
    TRY(Expect(TokenType::kLParen));
    if (!Is(TokenType::kRParen)) {
      do {
        if (AcceptKw(Kw::kPrimary)) {
          h.indexes.push_back("PRIMARY");
        } else {
          std::string name;
          TRY(ParseIdent(&name));
          h.indexes.push_back(std::move(name));
        }
      } while (Accept(TokenType::kComma));
    } else if (h.type != IndexHint::Type::kUse) {
      return Fail();
    }
    TRY(Expect(TokenType::kRParen));
    out->push_back(std::move(h));
  }
  return true;
}

// ---------------------------------------------------------------------------
// DML
// ---------------------------------------------------------------------------

namespace {
bool ParseAssignments(Parser& p, std::vector<Assignment>* out) {
  do {
    Assignment a;
    a.column = p.ParseColumnRef();
    TRY(a.column);
    TRY(p.Expect(TokenType::kEq));
    a.value = p.ParseExpr();
    TRY(a.value);
    out->push_back(std::move(a));
  } while (p.Accept(TokenType::kComma));
  return true;
}
}  // namespace

StatementPtr Parser::ParseInsert(bool replace) {
  auto s = std::make_unique<InsertStmt>();
  s->replace = replace;
  if (AcceptKw(Kw::kLowPriority)) {
    s->priority = InsertPriority::kLowPriority;
  } else if (AcceptKw(Kw::kDelayed)) {
    s->priority = InsertPriority::kDelayed;
  } else if (!replace && AcceptKw(Kw::kHighPriority)) {
    s->priority = InsertPriority::kHighPriority;
  }
  if (!replace && AcceptKw(Kw::kIgnore)) s->ignore = true;
  AcceptKw(Kw::kInto);
  TRY(ParseTableName(&s->table));
  if (IsKw(Kw::kPartition)) {
    FailUnsupported("PARTITION");
    return nullptr;
  }
  if (Is(TokenType::kLParen) && !IsQueryStartDeep(*this, 1)) {
    Advance();
    s->has_column_list = true;
    if (!Is(TokenType::kRParen)) {
      do {
        ExprPtr c = ParseColumnRef();
        TRY(c);
        s->columns.push_back(c->name);
      } while (Accept(TokenType::kComma));
    }
    TRY(Expect(TokenType::kRParen));
  }
  if (AcceptKw(Kw::kValues) || AcceptKw(Kw::kValue)) {
    s->source = InsertStmt::Source::kValues;
    do {
      TRY(Expect(TokenType::kLParen));
      ExprList row;
      if (!Is(TokenType::kRParen)) TRY(ParseExprList(&row));
      TRY(Expect(TokenType::kRParen));
      s->rows.push_back(std::move(row));
    } while (Accept(TokenType::kComma));
  } else if (!s->has_column_list && AcceptKw(Kw::kSet)) {
    s->source = InsertStmt::Source::kSet;
    TRY(ParseAssignments(*this, &s->set));
  } else if (IsQueryStartDeep(*this, 0)) {
    s->source = InsertStmt::Source::kSelect;
    s->select = ParseQuery();
    TRY(s->select);
  } else {
    Fail();
    return nullptr;
  }
  if (IsKw(Kw::kOn)) {
    Advance();
    TRY(ExpectKw(Kw::kDuplicate));
    TRY(ExpectKw(Kw::kKey));
    TRY(ExpectKw(Kw::kUpdate));
    in_on_duplicate_ = true;
    bool ok = ParseAssignments(*this, &s->on_duplicate);
    in_on_duplicate_ = false;
    TRY(ok);
  }
  if (IsKw(Kw::kReturning)) {
    FailUnsupported("RETURNING");
    return nullptr;
  }
  return s;
}

StatementPtr Parser::ParseUpdate() {
  auto s = std::make_unique<UpdateStmt>();
  for (;;) {
    if (AcceptKw(Kw::kLowPriority)) {
      s->low_priority = true;
      continue;
    }
    if (AcceptKw(Kw::kIgnore)) {
      s->ignore = true;
      continue;
    }
    break;
  }
  TRY(ParseTableRefs(&s->tables));
  TRY(ExpectKw(Kw::kSet));
  TRY(ParseAssignments(*this, &s->set));
  if (AcceptKw(Kw::kWhere)) {
    s->where = ParseExpr();
    TRY(s->where);
  }
  // MariaDB accepts ORDER BY / LIMIT on multi-table UPDATE too.
  if (AcceptKw(Kw::kOrder)) {
    TRY(ExpectKw(Kw::kBy));
    TRY(ParseOrderList(&s->order_by));
  }
  if (AcceptKw(Kw::kLimit)) TRY(ParseLimit(&s->limit));
  return s;
}

namespace {
// t, t.*, db.t, db.t.* in a multi-table DELETE target list.
bool ParseDeleteTargets(Parser& p, std::vector<TableName>* out) {
  do {
    TableName t;
    uint32_t start = p.Cur().offset;
    std::string first;
    TRY(p.ParseIdent(&first));
    t.name = std::move(first);
    if (p.Is(TokenType::kDot)) {
      p.Advance();
      if (p.Accept(TokenType::kStar)) {
        t.span = p.SpanFrom(start);
        out->push_back(std::move(t));
        continue;
      }
      t.db = std::move(t.name);
      TRY(p.ParseIdent(&t.name));
      if (p.Is(TokenType::kDot)) {
        p.Advance();
        TRY(p.Expect(TokenType::kStar));
      }
    }
    t.span = p.SpanFrom(start);
    out->push_back(std::move(t));
  } while (p.Accept(TokenType::kComma));
  return true;
}
}  // namespace

StatementPtr Parser::ParseDelete() {
  auto s = std::make_unique<DeleteStmt>();
  for (;;) {
    if (AcceptKw(Kw::kLowPriority)) {
      s->low_priority = true;
      continue;
    }
    if (AcceptKw(Kw::kQuick)) {
      s->quick = true;
      continue;
    }
    if (AcceptKw(Kw::kIgnore)) {
      s->ignore = true;
      continue;
    }
    break;
  }
  if (AcceptKw(Kw::kFrom)) {
    uint32_t start = Cur().offset;
    std::vector<TableName> names;
    TRY(ParseDeleteTargets(*this, &names));
    if (AcceptKw(Kw::kUsing)) {
      s->multi_table = true;
      s->targets = std::move(names);
      TRY(ParseTableRefs(&s->from));
    } else {
      // Single-table form.
      if (names.size() != 1) {
        Fail();
        return nullptr;
      }
      auto r = std::make_unique<TableRef>(TableRef::Kind::kTable);
      r->table = std::move(names[0]);  // (MariaDB 10.11: no alias here)
      if (IsKw(Kw::kPartition)) {
        FailUnsupported("PARTITION");
        return nullptr;
      }
      r->span = SpanFrom(start);
      s->from.push_back(std::move(r));
    }
  } else {
    s->multi_table = true;
    TRY(ParseDeleteTargets(*this, &s->targets));
    TRY(ExpectKw(Kw::kFrom));
    TRY(ParseTableRefs(&s->from));
  }
  if (AcceptKw(Kw::kWhere)) {
    s->where = ParseExpr();
    TRY(s->where);
  }
  // Multi-table DELETE takes no ORDER BY / LIMIT (a syntax error there).
  if (!s->multi_table && AcceptKw(Kw::kOrder)) {
    TRY(ExpectKw(Kw::kBy));
    TRY(ParseOrderList(&s->order_by));
  }
  if (!s->multi_table && AcceptKw(Kw::kLimit)) TRY(ParseLimit(&s->limit));
  if (IsKw(Kw::kReturning)) {
    FailUnsupported("RETURNING");
    return nullptr;
  }
  return s;
}

// ---------------------------------------------------------------------------
// Entry points
// ---------------------------------------------------------------------------

namespace {

LexerOptions ToLexerOptions(const ParseOptions& o) {
  LexerOptions l;
  l.ansi_quotes = o.ansi_quotes;
  l.no_backslash_escapes = o.no_backslash_escapes;
  return l;
}

bool IsSpaceChar(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// MariaDB's alloc_query(): trailing whitespace and ';' are not part of the
// query (so "SELECT 1;;" is one statement and errors never quote them).
std::string_view TrimQuery(std::string_view sql) {
  size_t n = sql.size();
  while (n > 0 && (IsSpaceChar(sql[n - 1]) || sql[n - 1] == ';')) --n;
  return sql.substr(0, n);
}

// Parses statements from `tokens` into `out`. `max_statements` 1 makes a
// second statement a syntax error.
Status ParseTokens(std::string_view sql, const ParseOptions& options,
                   const std::vector<Token>& tokens, bool multi,
                   std::vector<ParsedStatement>* out) {
  size_t i = 0;
  size_t stmt_begin = 0;  // byte offset where the current statement's text starts
  uint32_t begin_line = 1;
  bool first = true;
  for (;;) {
    // Skip whitespace before the statement (comments stay part of it).
    while (stmt_begin < sql.size() && IsSpaceChar(sql[stmt_begin])) {
      if (sql[stmt_begin] == '\n') ++begin_line;
      ++stmt_begin;
    }
    const Token& t = tokens[i];
    if (t.type == TokenType::kEnd) {
      if (t.after_comment) {
        ParsedStatement ps;
        ps.stmt = std::make_unique<EmptyStmt>();
        ps.span = SourceSpan{static_cast<uint32_t>(stmt_begin),
                             static_cast<uint32_t>(sql.size() - stmt_begin)};
        out->push_back(std::move(ps));
      } else if (first) {
        return Status::SqlError(1065, "42000", "Query was empty");
      }
      return Status::Ok();
    }
    if (t.type == TokenType::kSemicolon) {
      size_t j = i;
      while (tokens[j].type == TokenType::kSemicolon) ++j;
      bool only_semicolons = tokens[j].type == TokenType::kEnd && !tokens[j].after_comment;
      if (only_semicolons) {
        if (first) return Status::SqlError(1065, "42000", "Query was empty");
        return Status::Ok();
      }
      return MakeParseError(kSyntaxErrorText, sql, t.offset, t.line - begin_line + 1);
    }
    Parser p(sql, options, tokens, i, begin_line);
    StatementPtr stmt = p.ParseStatement();
    if (stmt != nullptr && !p.AtStatementEnd()) {
      p.Fail();
      stmt = nullptr;
    }
    if (stmt == nullptr) return p.error();
    size_t end_tok = p.pos();
    const Token& term = tokens[end_tok];
    size_t stmt_end = term.offset;
    while (stmt_end > stmt_begin && IsSpaceChar(sql[stmt_end - 1])) --stmt_end;
    ParsedStatement ps;
    ps.stmt = std::move(stmt);
    ps.span =
        SourceSpan{static_cast<uint32_t>(stmt_begin), static_cast<uint32_t>(stmt_end - stmt_begin)};
    ps.param_count = p.param_count();
    out->push_back(std::move(ps));
    if (term.type == TokenType::kEnd) return Status::Ok();
    // ';': what follows is the next statement (or only ';'/whitespace).
    i = end_tok + 1;
    {
      size_t j = i;
      while (tokens[j].type == TokenType::kSemicolon) ++j;
      if (tokens[j].type == TokenType::kEnd && !tokens[j].after_comment) return Status::Ok();
      if (tokens[i].type == TokenType::kEnd && tokens[i].after_comment && !multi)
        return Status::Ok();
    }
    if (!multi) {  // without CLIENT_MULTI_STATEMENTS: an error at what follows ';'
      const Token& n = tokens[i];
      if (n.type == TokenType::kEnd) return Status::Ok();
      return MakeParseError(kSyntaxErrorText, sql, n.offset, n.line - begin_line + 1);
    }
    stmt_begin = term.offset + 1;
    begin_line = term.line;
    first = false;
  }
}

}  // namespace

Result<std::vector<ParsedStatement>> ParseMulti(std::string_view sql, const ParseOptions& options,
                                                std::vector<ParsedStatement>* parsed_before_error) {
  sql = TrimQuery(sql);
  std::vector<Token> tokens;
  Lexer::Tokenize(sql, ToLexerOptions(options), &tokens);
  std::vector<ParsedStatement> out;
  Status s = ParseTokens(sql, options, tokens, true, &out);
  if (!s.ok()) {
    if (parsed_before_error != nullptr) *parsed_before_error = std::move(out);
    return s;
  }
  return out;
}

Result<ParsedStatement> ParseOne(std::string_view sql, const ParseOptions& options) {
  sql = TrimQuery(sql);
  std::vector<Token> tokens;
  Lexer::Tokenize(sql, ToLexerOptions(options), &tokens);
  std::vector<ParsedStatement> out;
  Status s = ParseTokens(sql, options, tokens, false, &out);
  if (!s.ok()) return s;
  if (out.empty()) return Status::SqlError(1065, "42000", "Query was empty");
  return std::move(out[0]);
}

ExprPtr Parser::ParseStandaloneExpr() {
  ExprPtr e = ParseExpr();
  TRY(e);
  if (!Is(TokenType::kEnd)) {
    Fail();
    return nullptr;
  }
  return e;
}

Result<ExprPtr> ParseExpression(std::string_view sql, const ParseOptions& options) {
  std::vector<Token> tokens;
  Lexer::Tokenize(sql, ToLexerOptions(options), &tokens);
  Parser p(sql, options, tokens, 0, 1);
  ExprPtr e = p.ParseStandaloneExpr();
  if (e == nullptr) return p.error();
  return e;
}

StatementKind Classify(std::string_view sql, const ParseOptions& options) {
  Lexer lex(sql, ToLexerOptions(options));
  Token t[4];
  for (Token& x : t) x = lex.Next();
  auto kw = [&](int i) { return t[i].type == TokenType::kIdent ? t[i].kw : Kw::kNone; };
  if (t[0].type == TokenType::kEnd)
    return t[0].after_comment ? StatementKind::kEmpty : StatementKind::kUnknown;
  if (t[0].type == TokenType::kLParen) return StatementKind::kSelect;
  Kw k1 = kw(1);
  switch (kw(0)) {
    case Kw::kSelect:
    case Kw::kWith: return StatementKind::kSelect;
    case Kw::kInsert:
    case Kw::kReplace: return StatementKind::kInsert;
    case Kw::kUpdate: return StatementKind::kUpdate;
    case Kw::kDelete: return StatementKind::kDelete;
    case Kw::kCreate: {
      Kw k = k1 == Kw::kOr ? kw(3) : k1;  // CREATE OR REPLACE ...
      switch (k) {
        case Kw::kTable:
        case Kw::kTemporary: return StatementKind::kCreateTable;
        case Kw::kDatabase:
        case Kw::kSchema: return StatementKind::kCreateDatabase;
        case Kw::kIndex:
        case Kw::kUnique:
        case Kw::kFulltext: return StatementKind::kCreateIndex;
        case Kw::kUser: return StatementKind::kCreateUser;
        default: return StatementKind::kUnsupported;
      }
    }
    case Kw::kDrop:
      switch (k1) {
        case Kw::kTable:
        case Kw::kTables:
        case Kw::kTemporary: return StatementKind::kDropTable;
        case Kw::kDatabase:
        case Kw::kSchema: return StatementKind::kDropDatabase;
        case Kw::kIndex: return StatementKind::kDropIndex;
        case Kw::kUser: return StatementKind::kDropUser;
        default: return StatementKind::kUnsupported;
      }
    case Kw::kAlter:
      switch (k1) {
        case Kw::kTable:
        case Kw::kOnline:
        case Kw::kIgnore: return StatementKind::kAlterTable;
        case Kw::kDatabase:
        case Kw::kSchema: return StatementKind::kAlterDatabase;
        case Kw::kUser: return StatementKind::kAlterUser;
        default: return StatementKind::kUnsupported;
      }
    case Kw::kRename:
      return k1 == Kw::kUser ? StatementKind::kRenameUser : StatementKind::kRenameTable;
    case Kw::kTruncate: return StatementKind::kTruncate;
    case Kw::kUse: return StatementKind::kUse;
    case Kw::kShow:
    case Kw::kDescribe:
    case Kw::kDesc: return StatementKind::kShow;
    case Kw::kExplain:
      return (k1 == Kw::kSelect || k1 == Kw::kInsert || k1 == Kw::kUpdate || k1 == Kw::kDelete ||
              k1 == Kw::kReplace || k1 == Kw::kExtended || k1 == Kw::kPartitions ||
              k1 == Kw::kFormat || k1 == Kw::kWith || t[1].type == TokenType::kLParen)
                 ? StatementKind::kExplain
                 : StatementKind::kShow;
    case Kw::kBegin: return StatementKind::kBegin;
    case Kw::kStart:
      return k1 == Kw::kTransaction ? StatementKind::kBegin : StatementKind::kReplicaControl;
    case Kw::kStop: return StatementKind::kReplicaControl;
    case Kw::kCommit: return StatementKind::kCommit;
    case Kw::kRollback: return StatementKind::kRollback;
    case Kw::kSavepoint: return StatementKind::kSavepoint;
    case Kw::kRelease: return StatementKind::kReleaseSavepoint;
    case Kw::kSet: {
      Kw k = k1;
      if (k == Kw::kGlobal || k == Kw::kSession || k == Kw::kLocal) k = kw(2);
      if (k == Kw::kTransaction) return StatementKind::kSetTransaction;
      if (k1 == Kw::kPassword && (t[2].type == TokenType::kEq || kw(2) == Kw::kFor))
        return StatementKind::kSetPassword;
      return StatementKind::kSet;
    }
    case Kw::kLock: return StatementKind::kLockTables;
    case Kw::kUnlock: return StatementKind::kUnlockTables;
    case Kw::kGrant: return StatementKind::kGrant;
    case Kw::kRevoke: return StatementKind::kRevoke;
    case Kw::kFlush: return StatementKind::kFlush;
    case Kw::kKill: return StatementKind::kKill;
    case Kw::kPurge: return StatementKind::kPurgeLogs;
    case Kw::kReset: return StatementKind::kReset;
    case Kw::kChange: return StatementKind::kChangeMaster;
    case Kw::kDo: return StatementKind::kDo;
    case Kw::kAnalyze:
      return (k1 == Kw::kSelect || k1 == Kw::kInsert || k1 == Kw::kUpdate || k1 == Kw::kDelete)
                 ? StatementKind::kExplain
                 : StatementKind::kAdminTable;
    case Kw::kCheck:
    case Kw::kOptimize:
    case Kw::kRepair:
    case Kw::kChecksum: return StatementKind::kAdminTable;
    case Kw::kHelp: return StatementKind::kHelp;
    case Kw::kBinlog: return StatementKind::kBinlog;
    case Kw::kXa:
    case Kw::kCall:
    case Kw::kHandler:
    case Kw::kLoad:
    case Kw::kPrepare:
    case Kw::kExecute:
    case Kw::kDeallocate:
    case Kw::kInstall:
    case Kw::kUninstall:
    case Kw::kSignal:
    case Kw::kResignal:
    case Kw::kGet:
    case Kw::kBackup:
    case Kw::kShutdown:
    case Kw::kValues:
    case Kw::kCache: return StatementKind::kUnsupported;
    default: return StatementKind::kUnknown;
  }
}

}  // namespace relaydb::sql
