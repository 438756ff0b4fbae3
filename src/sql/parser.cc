// Parser entry points (ParseMulti/ParseOne/ParseExpression/Classify), error
// messages, statement dispatch and names. The statement families live in
// parser_query.cc (SELECT), parser_dml.cc, parser_ddl.cc / parser_alter.cc /
// parser_column.cc, parser_show.cc, parser_session.cc (SET, transactions)
// and parser_admin.cc; expressions in parser_expr.cc / parser_func.cc.
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
