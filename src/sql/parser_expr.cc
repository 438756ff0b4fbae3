// Expression parsing: precedence climbing over MariaDB 10.11's operator
// precedence (sql/sql_yacc.yy), unary operators, literals, variables,
// column references and primaries. Function-call syntaxes are in
// parser_func.cc, the unparser ToSql() in to_sql.cc.
//
// Precedence, loosest first (MariaDB's %left/%right/%nonassoc list):
//   1 OR ||            2 XOR             3 AND &&          4 NOT (prefix)
//   5 = <=> <> < <= > >= IS [NOT] ...    6 [NOT] BETWEEN (right-assoc)
//   7 [NOT] LIKE / REGEXP / IN, SOUNDS LIKE
//   8 |   9 &   10 << >>   11 + -   12 * / % DIV MOD   13 ^
//   14 || (PIPES_AS_CONCAT)   15 unary - + ~ ! BINARY (and NOT under
//   HIGH_NOT_PRECEDENCE)   16 COLLATE
// A comparison's right operand is a "predicate" (level >= 6); BETWEEN's
// lower bound and LIKE/REGEXP patterns are bit expressions (level >= 8).
#include "sql/parser_impl.h"

namespace relaydb::sql {

ExprPtr Parser::ParseExpr() { return ParseBinary(kPrecOr); }

ExprPtr Parser::ParseNot() {
  TRY(Enter());
  uint32_t start = Cur().offset;
  Advance();  // NOT
  ExprPtr operand = IsKw(Kw::kNot) ? ParseNot() : ParseBinary(kPrecCmp);
  TRY(operand);
  auto e = MakeExpr(ExprKind::kUnary, SpanFrom(start));
  e->unary_op = UnaryOp::kNot;
  e->args.push_back(std::move(operand));
  Leave();
  return e;
}

ExprPtr Parser::ParseBinary(int min_prec) {
  ExprPtr left;
  if (!opts_.high_not_precedence && min_prec <= kPrecNot && IsKw(Kw::kNot)) {
    left = ParseNot();
  } else {
    left = ParseUnary();
  }
  TRY(left);
  for (;;) {
    const Token& t = Cur();
    int prec = 0;
    BinaryOp op = BinaryOp::kAdd;
    // Special (non-binary-node) operators: IS, BETWEEN, LIKE, REGEXP, IN, SOUNDS.
    Kw special = Kw::kNone;
    bool negated = false;
    switch (t.type) {
      case TokenType::kOrOr:
        if (opts_.pipes_as_concat) {
          op = BinaryOp::kConcat, prec = kPrecConcat;
        } else {
          op = BinaryOp::kOr, prec = kPrecOr;
        }
        break;
      case TokenType::kAndAnd: op = BinaryOp::kAnd, prec = kPrecAnd; break;
      case TokenType::kEq: op = BinaryOp::kEq, prec = kPrecCmp; break;
      case TokenType::kNullSafeEq: op = BinaryOp::kNullSafeEq, prec = kPrecCmp; break;
      case TokenType::kNe: op = BinaryOp::kNe, prec = kPrecCmp; break;
      case TokenType::kLt: op = BinaryOp::kLt, prec = kPrecCmp; break;
      case TokenType::kLe: op = BinaryOp::kLe, prec = kPrecCmp; break;
      case TokenType::kGt: op = BinaryOp::kGt, prec = kPrecCmp; break;
      case TokenType::kGe: op = BinaryOp::kGe, prec = kPrecCmp; break;
      case TokenType::kPipe: op = BinaryOp::kBitOr, prec = kPrecBitOr; break;
      case TokenType::kAmp: op = BinaryOp::kBitAnd, prec = kPrecBitAnd; break;
      case TokenType::kShiftLeft: op = BinaryOp::kShiftLeft, prec = kPrecShift; break;
      case TokenType::kShiftRight: op = BinaryOp::kShiftRight, prec = kPrecShift; break;
      case TokenType::kPlus: op = BinaryOp::kAdd, prec = kPrecAdd; break;
      case TokenType::kMinus: op = BinaryOp::kSub, prec = kPrecAdd; break;
      case TokenType::kStar: op = BinaryOp::kMul, prec = kPrecMul; break;
      case TokenType::kSlash: op = BinaryOp::kDiv, prec = kPrecMul; break;
      case TokenType::kPercent: op = BinaryOp::kMod, prec = kPrecMul; break;
      case TokenType::kCaret: op = BinaryOp::kBitXor, prec = kPrecBitXor; break;
      case TokenType::kIdent:
        switch (t.kw) {
          case Kw::kOr: op = BinaryOp::kOr, prec = kPrecOr; break;
          case Kw::kXor: op = BinaryOp::kXor, prec = kPrecXor; break;
          case Kw::kAnd: op = BinaryOp::kAnd, prec = kPrecAnd; break;
          case Kw::kDiv: op = BinaryOp::kIntDiv, prec = kPrecMul; break;
          case Kw::kMod: op = BinaryOp::kMod, prec = kPrecMul; break;
          case Kw::kIs: special = Kw::kIs, prec = kPrecCmp; break;
          case Kw::kBetween: special = Kw::kBetween, prec = kPrecBetween; break;
          case Kw::kLike:
          case Kw::kRegexp:
          case Kw::kRlike:
          case Kw::kIn: special = t.kw, prec = kPrecLike; break;
          case Kw::kSounds:
            if (IsKw(Kw::kLike, 1)) special = Kw::kSounds, prec = kPrecLike;
            break;
          case Kw::kNot: {
            const Token& n = Peek(1);
            if (n.type == TokenType::kIdent &&
                (n.kw == Kw::kLike || n.kw == Kw::kRegexp || n.kw == Kw::kRlike ||
                 n.kw == Kw::kIn || n.kw == Kw::kBetween)) {
              special = n.kw;
              negated = true;
              prec = n.kw == Kw::kBetween ? kPrecBetween : kPrecLike;
            } else if (min_prec <= kPrecLike) {
              // "x NOT <something else>": MariaDB fails at the token after NOT.
              FailAt(n);
              return nullptr;
            }
            break;
          }
          case Kw::kMember:
            if (IsKw(Kw::kOf, 1)) {
              FailUnsupported("MEMBER OF");
              return nullptr;
            }
            break;
          default: break;
        }
        break;
      default: break;
    }
    if (prec == 0 || prec < min_prec) break;
    const uint32_t start = left->span.offset;
    Advance();
    if (negated) Advance();  // NOT x
    if (special != Kw::kNone) {
      left = ParsePredicateTail(std::move(left), special, negated, start);
    } else if (prec == kPrecCmp && (IsKw(Kw::kAny) || IsKw(Kw::kSome) || IsKw(Kw::kAll)) &&
               Is(TokenType::kLParen, 1) && IsQueryStart(2)) {
      left = ParseQuantifiedTail(std::move(left), op, start);
    } else {
      left = ParseBinaryRight(std::move(left), op, prec);
    }
    TRY(left);
  }
  return left;
}

// The right operand of `left op` and the kBinary node.
RDB_NOINLINE ExprPtr Parser::ParseBinaryRight(ExprPtr left, BinaryOp op, int prec) {
  ExprPtr right;
  if ((op == BinaryOp::kAdd || op == BinaryOp::kSub) && IsKw(Kw::kInterval)) {
    uint32_t istart = Cur().offset;
    Advance();
    right = ParseInterval(istart);
  } else {
    // Comparisons take a predicate on the right; the others are left-associative.
    right = ParseBinary(prec == kPrecCmp ? kPrecBetween : prec + 1);
  }
  TRY(right);
  return MakeBinary(op, std::move(left), std::move(right), prev_end());
}

// `left op {ANY|SOME|ALL} (subquery)`, at ANY/SOME/ALL. Out of line (as are
// the other rarely taken paths) so the recursive ParseBinary frame stays small.
RDB_NOINLINE ExprPtr Parser::ParseQuantifiedTail(ExprPtr left, BinaryOp op, uint32_t start) {
  bool all = IsKw(Kw::kAll);
  Advance();
  Advance();  // (
  auto e = MakeExpr(ExprKind::kQuantified, {});
  e->binary_op = op;
  e->quantifier_all = all;
  e->subquery = ParseQuery();
  TRY(e->subquery);
  TRY(Expect(TokenType::kRParen));
  e->args.push_back(std::move(left));
  e->span = SpanFrom(start);
  return e;
}

// IS / [NOT] BETWEEN / [NOT] LIKE / [NOT] REGEXP / SOUNDS LIKE / [NOT] IN
// after `left`; the operator keyword(s) are consumed.
RDB_NOINLINE ExprPtr Parser::ParsePredicateTail(ExprPtr left, Kw special, bool negated,
                                                uint32_t start) {
  ExprPtr e;
  switch (special) {
    case Kw::kIs: {
      e = MakeExpr(ExprKind::kIsTest, {});
      e->negated = AcceptKw(Kw::kNot);
      if (AcceptKw(Kw::kNull)) {
        e->is_what = IsWhat::kNull;
      } else if (AcceptKw(Kw::kTrue)) {
        e->is_what = IsWhat::kTrue;
      } else if (AcceptKw(Kw::kFalse)) {
        e->is_what = IsWhat::kFalse;
      } else if (AcceptKw(Kw::kUnknown)) {
        e->is_what = IsWhat::kUnknown;
      } else {
        Fail();
        return nullptr;
      }
      e->args.push_back(std::move(left));
      break;
    }
    case Kw::kBetween: {
      TRY(Enter());  // the upper bound recurses (right-associative)
      e = MakeExpr(ExprKind::kBetween, {});
      e->negated = negated;
      ExprPtr lo = ParseBinary(kPrecBitOr);
      TRY(lo);
      TRY(ExpectKw(Kw::kAnd));
      ExprPtr hi = ParseBinary(kPrecBetween);
      TRY(hi);
      e->args.push_back(std::move(left));
      e->args.push_back(std::move(lo));
      e->args.push_back(std::move(hi));
      Leave();
      break;
    }
    case Kw::kLike: {
      e = MakeExpr(ExprKind::kLike, {});
      e->negated = negated;
      ExprPtr pat = ParseBinary(kPrecBitOr);
      TRY(pat);
      e->args.push_back(std::move(left));
      e->args.push_back(std::move(pat));
      if (AcceptKw(Kw::kEscape)) {
        ExprPtr esc = ParseUnary();
        TRY(esc);
        e->args.push_back(std::move(esc));
      }
      break;
    }
    case Kw::kRegexp:
    case Kw::kRlike: {
      e = MakeExpr(ExprKind::kRegexp, {});
      e->negated = negated;
      ExprPtr pat = ParseBinary(kPrecBitOr);
      TRY(pat);
      e->args.push_back(std::move(left));
      e->args.push_back(std::move(pat));
      break;
    }
    case Kw::kSounds: {
      Advance();  // LIKE
      e = MakeExpr(ExprKind::kSoundsLike, {});
      ExprPtr r = ParseBinary(kPrecBitOr);
      TRY(r);
      e->args.push_back(std::move(left));
      e->args.push_back(std::move(r));
      break;
    }
    case Kw::kIn: {
      e = MakeExpr(ExprKind::kIn, {});
      e->negated = negated;
      TRY(Expect(TokenType::kLParen));
      TRY(Enter());
      e->args.push_back(std::move(left));
      if (IsQueryStart(0)) {
        e->subquery = ParseQuery();
        TRY(e->subquery);
      } else {
        TRY(ParseExprList(&e->args));
        if (e->args.size() == 2 && e->args[1]->kind == ExprKind::kSubquery &&
            (IsKw(Kw::kUnion) || IsKw(Kw::kExcept) || IsKw(Kw::kIntersect) || IsKw(Kw::kOrder) ||
             IsKw(Kw::kLimit))) {
          // IN ((SELECT ...) UNION (SELECT ...)): a query expression.
          ExprPtr first = std::move(e->args[1]);
          e->args.pop_back();
          e->subquery = ContinueQuery(std::move(first->subquery), first->span.offset);
          TRY(e->subquery);
        }
      }
      TRY(Expect(TokenType::kRParen));
      Leave();
      break;
    }
    default: Fail(); return nullptr;
  }
  e->span = SpanFrom(start);
  return e;
}

namespace {
bool IsUnaryPrefix(const Token& t, bool high_not) {
  switch (t.type) {
    case TokenType::kMinus:
    case TokenType::kPlus:
    case TokenType::kTilde:
    case TokenType::kBang: return true;
    case TokenType::kIdent: return t.kw == Kw::kBinary || (t.kw == Kw::kNot && high_not);
    default: return false;
  }
}
}  // namespace

ExprPtr Parser::ParseUnary() {
  // The common case (no operator around the primary) keeps a small frame on
  // the recursion path; operators are handled out of line.
  if (IsUnaryPrefix(Cur(), opts_.high_not_precedence)) return ParseUnaryOperators();
  ExprPtr e = ParsePrimary();
  if (e != nullptr && IsKw(Kw::kCollate)) {
    // Re-enter the general path for the COLLATE suffix.
    return ParseCollateTail(std::move(e));
  }
  return e;
}

RDB_NOINLINE ExprPtr Parser::ParseCollateTail(ExprPtr e) {
  while (IsKw(Kw::kCollate)) {
    Advance();
    auto c = MakeExpr(ExprKind::kCollate, {});
    TRY(ParseCharsetName(&c->name));
    c->span = SourceSpan{e->span.offset, prev_end() - e->span.offset};
    c->args.push_back(std::move(e));
    e = std::move(c);
  }
  return e;
}

RDB_NOINLINE ExprPtr Parser::ParseUnaryOperators() {
  // Prefix operators are collected iteratively (no recursion per operator).
  struct Prefix {
    UnaryOp op;
    uint32_t offset;
  };
  std::vector<Prefix> prefixes;
  for (;;) {
    const Token& t = Cur();
    if (!IsUnaryPrefix(t, opts_.high_not_precedence)) break;
    UnaryOp op = UnaryOp::kNot;
    switch (t.type) {
      case TokenType::kMinus: op = UnaryOp::kNeg; break;
      case TokenType::kPlus: op = UnaryOp::kPlus; break;
      case TokenType::kTilde: op = UnaryOp::kBitNot; break;
      case TokenType::kBang: op = UnaryOp::kNot; break;
      default: op = t.kw == Kw::kBinary ? UnaryOp::kBinary : UnaryOp::kNot; break;
    }
    prefixes.push_back(Prefix{op, t.offset});
    Advance();
  }
  ExprPtr e = ParsePrimary();
  TRY(e);
  if (IsKw(Kw::kCollate)) {
    e = ParseCollateTail(std::move(e));
    TRY(e);
  }
  for (size_t i = prefixes.size(); i-- > 0;) {
    // Unary plus is dropped, as MariaDB's grammar does ("+ 1" is the item 1).
    if (prefixes[i].op == UnaryOp::kPlus) continue;
    auto u =
        MakeExpr(ExprKind::kUnary, SourceSpan{prefixes[i].offset, prev_end() - prefixes[i].offset});
    u->unary_op = prefixes[i].op;
    u->args.push_back(std::move(e));
    e = std::move(u);
  }
  return e;
}

ExprPtr Parser::ParseLiteral() {
  const Token& t = Cur();
  uint32_t start = t.offset;
  auto e = MakeExpr(ExprKind::kLiteral, {});
  switch (t.type) {
    case TokenType::kInteger:
      e->literal_kind = LiteralKind::kInt;
      e->value = std::string(Text(t));
      Advance();
      break;
    case TokenType::kDecimal:
      e->literal_kind = LiteralKind::kDecimal;
      e->value = std::string(Text(t));
      Advance();
      break;
    case TokenType::kFloat:
      e->literal_kind = LiteralKind::kFloat;
      e->value = std::string(Text(t));
      Advance();
      break;
    case TokenType::kHexString:
      e->literal_kind = LiteralKind::kHex;
      e->value = Lexer::DecodeHex(sql_, t);
      Advance();
      break;
    case TokenType::kBitString:
      e->literal_kind = LiteralKind::kBit;
      e->value = Lexer::DecodeBits(sql_, t);
      Advance();
      break;
    case TokenType::kNationalString:
      e->literal_kind = LiteralKind::kString;
      e->charset = "utf8mb3";
      TRY(ParseStringLiteral(&e->value));
      break;
    case TokenType::kString:
      e->literal_kind = LiteralKind::kString;
      TRY(ParseStringLiteral(&e->value));
      break;
    case TokenType::kIntroducer: {
      e->charset = ToLowerAscii(Text(t).substr(1));
      Advance();
      const Token& v = Cur();
      if (v.type == TokenType::kString) {
        e->literal_kind = LiteralKind::kString;
        TRY(ParseStringLiteral(&e->value));
      } else if (v.type == TokenType::kHexString) {
        e->literal_kind = LiteralKind::kHex;
        e->value = Lexer::DecodeHex(sql_, v);
        Advance();
      } else if (v.type == TokenType::kBitString) {
        e->literal_kind = LiteralKind::kBit;
        e->value = Lexer::DecodeBits(sql_, v);
        Advance();
      } else {
        Fail();
        return nullptr;
      }
      break;
    }
    default: Fail(); return nullptr;
  }
  e->span = SpanFrom(start);
  return e;
}

ExprPtr Parser::ParseSignedLiteral() {
  uint32_t start = Cur().offset;
  if (Is(TokenType::kMinus) || Is(TokenType::kPlus)) {
    UnaryOp op = Is(TokenType::kMinus) ? UnaryOp::kNeg : UnaryOp::kPlus;
    Advance();
    if (!Is(TokenType::kInteger) && !Is(TokenType::kDecimal) && !Is(TokenType::kFloat)) {
      Fail();
      return nullptr;
    }
    ExprPtr lit = ParseLiteral();
    TRY(lit);
    auto u = MakeExpr(ExprKind::kUnary, SpanFrom(start));
    u->unary_op = op;
    u->args.push_back(std::move(lit));
    return u;
  }
  if (IsKw(Kw::kNull) || IsKw(Kw::kTrue) || IsKw(Kw::kFalse)) {
    auto e = MakeExpr(ExprKind::kLiteral, {});
    if (IsKw(Kw::kNull)) {
      e->literal_kind = LiteralKind::kNull;
    } else {
      e->literal_kind = LiteralKind::kBool;
      e->bool_value = IsKw(Kw::kTrue);
    }
    Advance();
    e->span = SpanFrom(start);
    return e;
  }
  if ((IsKw(Kw::kDate) || IsKw(Kw::kTime) || IsKw(Kw::kTimestamp)) && Is(TokenType::kString, 1)) {
    return ParsePrimary();
  }
  return ParseLiteral();
}

ExprPtr Parser::ParsePrimary() {
  const Token& t = Cur();
  const uint32_t start = t.offset;
  switch (t.type) {
    case TokenType::kInteger:
    case TokenType::kDecimal:
    case TokenType::kFloat:
    case TokenType::kString:
    case TokenType::kNationalString:
    case TokenType::kIntroducer:
    case TokenType::kHexString:
    case TokenType::kBitString: return ParseLiteral();
    case TokenType::kPlaceholder: {
      Advance();
      auto e = MakeExpr(ExprKind::kPlaceholder, SpanFrom(start));
      e->param_index = param_count_++;
      return e;
    }
    case TokenType::kUserVar:
    case TokenType::kAtAt: return ParseVariable();
    case TokenType::kLParen: return ParseParenthesized();
    case TokenType::kQuotedIdent: return ParseColumnOrFunction();
    case TokenType::kLBrace: FailUnsupported("ODBC escape syntax"); return nullptr;
    case TokenType::kIdent: return ParseWordPrimary();
    default: Fail(); return nullptr;
  }
}

RDB_NOINLINE ExprPtr Parser::ParseVariable() {
  const Token& t = Cur();
  const uint32_t start = t.offset;
  if (t.type == TokenType::kUserVar) {
    std::string name = Lexer::DecodeUserVar(sql_, t, opts_.no_backslash_escapes);
    Advance();
    if (Is(TokenType::kAssign)) {
      Advance();
      TRY(Enter());
      ExprPtr v = ParseExpr();
      TRY(v);
      Leave();
      auto e = MakeExpr(ExprKind::kAssign, SpanFrom(start));
      e->name = std::move(name);
      e->args.push_back(std::move(v));
      return e;
    }
    auto e = MakeExpr(ExprKind::kUserVar, SpanFrom(start));
    e->name = std::move(name);
    return e;
  }
  Advance();  // @@
  auto e = MakeExpr(ExprKind::kSysVar, {});
  if ((IsKw(Kw::kGlobal) || IsKw(Kw::kSession) || IsKw(Kw::kLocal)) && Is(TokenType::kDot, 1)) {
    e->var_scope = IsKw(Kw::kGlobal) ? VarScope::kGlobal : VarScope::kSession;
    Advance();
    Advance();
  }
  if (!IsIdent()) {
    Fail();
    return nullptr;
  }
  e->name = Lexer::DecodeIdent(sql_, Cur());
  Advance();
  if (Is(TokenType::kDot) && IsAnyWord(1)) {  // structured variable: a.b
    Advance();
    e->name += ".";
    e->name += Lexer::DecodeIdent(sql_, Cur());
    Advance();
  }
  e->span = SpanFrom(start);
  return e;
}

// A primary starting with a word: keywords with special syntax, functions,
// column references.
RDB_NOINLINE ExprPtr Parser::ParseWordPrimary() {
  const Token& t = Cur();
  const uint32_t start = t.offset;
  const bool call = Is(TokenType::kLParen, 1);
  switch (t.kw) {
    case Kw::kNull:
    case Kw::kTrue:
    case Kw::kFalse: {
      auto e = MakeExpr(ExprKind::kLiteral, {});
      e->literal_kind = t.kw == Kw::kNull ? LiteralKind::kNull : LiteralKind::kBool;
      e->bool_value = t.kw == Kw::kTrue;
      Advance();
      e->span = SpanFrom(start);
      return e;
    }
    case Kw::kDefault: {
      Advance();
      auto e = MakeExpr(ExprKind::kDefault, {});
      if (Accept(TokenType::kLParen)) {
        ExprPtr c = ParseColumnRef();
        TRY(c);
        e->args.push_back(std::move(c));
        TRY(Expect(TokenType::kRParen));
      }
      e->span = SpanFrom(start);
      return e;
    }
    case Kw::kExists: {
      Advance();
      TRY(Expect(TokenType::kLParen));
      if (!IsQueryStart(0) && !Is(TokenType::kLParen)) {
        Fail();
        return nullptr;
      }
      auto e = MakeExpr(ExprKind::kExists, {});
      e->subquery = ParseQuery();
      TRY(e->subquery);
      TRY(Expect(TokenType::kRParen));
      e->span = SpanFrom(start);
      return e;
    }
    case Kw::kCase: return ParseCase();
    case Kw::kCast:
      // CAST is a function token only when '(' follows immediately
      // (MariaDB without IGNORE_SPACE); "CAST (" is a generic call.
      if (!call || Peek(1).offset != t.offset + t.length) break;
      Advance();
      return ParseCast(false, start);
    case Kw::kConvert:
      Advance();
      if (!Is(TokenType::kLParen)) {
        Fail();
        return nullptr;
      }
      return ParseCast(true, start);
    case Kw::kInterval: {
      Advance();
      ExprPtr iv = ParseInterval(start);
      TRY(iv);
      if (iv->kind != ExprKind::kInterval) return iv;  // INTERVAL(N, N1, ...)
      if (allow_interval_ && !Is(TokenType::kPlus)) return iv;
      TRY(Expect(TokenType::kPlus));
      ExprPtr right = ParseBinary(kPrecMul);
      TRY(right);
      return MakeBinary(BinaryOp::kAdd, std::move(iv), std::move(right), prev_end());
    }
    case Kw::kRow:
      if (!call) break;
      {
        Advance();
        Advance();
        TRY(Enter());
        auto e = MakeExpr(ExprKind::kRow, {});
        ExprPtr first = ParseExpr();
        TRY(first);
        e->args.push_back(std::move(first));
        TRY(Expect(TokenType::kComma));  // ROW() needs two or more values
        TRY(ParseExprList(&e->args));
        TRY(Expect(TokenType::kRParen));
        Leave();
        e->span = SpanFrom(start);
        return e;
      }
    case Kw::kMatch: FailUnsupported("MATCH ... AGAINST"); return nullptr;
    case Kw::kDate:
    case Kw::kTime:
    case Kw::kTimestamp:
      if (Is(TokenType::kString, 1)) {
        auto e = MakeExpr(ExprKind::kLiteral, {});
        e->literal_kind = t.kw == Kw::kDate   ? LiteralKind::kDate
                          : t.kw == Kw::kTime ? LiteralKind::kTime
                                              : LiteralKind::kTimestamp;
        Advance();
        TRY(ParseStringLiteral(&e->value));
        e->span = SpanFrom(start);
        return e;
      }
      break;
    case Kw::kCurrentDate:
    case Kw::kCurrentTime:
    case Kw::kCurrentTimestamp:
    case Kw::kLocaltime:
    case Kw::kLocaltimestamp:
    case Kw::kUtcDate:
    case Kw::kUtcTime:
    case Kw::kUtcTimestamp:
    case Kw::kCurrentUser:
    case Kw::kCurrentRole: {
      std::string name = ToLowerAscii(Text(t));
      if (call) {
        Advance();
        return ParseFunctionCall(std::move(name), "", start);
      }
      Advance();
      auto e = MakeExpr(ExprKind::kFunction, SpanFrom(start));
      e->name = std::move(name);
      e->no_parens = true;
      return e;
    }
    case Kw::kValues:
      if (!in_on_duplicate_) break;  // reserved: a syntax error below
      [[fallthrough]];
    case Kw::kChar:
    case Kw::kIf:
    case Kw::kInsert:
    case Kw::kReplace:
    case Kw::kLeft:
    case Kw::kRight:
    case Kw::kMod:
    case Kw::kRepeat:
    case Kw::kValue:
    case Kw::kDatabase:
    case Kw::kSchema:
    case Kw::kRowNumber:
    case Kw::kTruncate:
      if (call) {
        std::string name = ToLowerAscii(Text(t));
        Advance();
        return ParseFunctionCall(std::move(name), "", start);
      }
      if (t.reserved) {  // IF, CHAR, LEFT, ...: MariaDB fails at what follows
        Advance();
        Fail();
        return nullptr;
      }
      break;
    default: break;
  }
  if (t.reserved) {
    Fail();
    return nullptr;
  }
  return ParseColumnOrFunction();
}

ExprPtr Parser::ParseColumnOrFunction() {
  const uint32_t start = Cur().offset;
  if (!IsIdent()) {
    Fail();
    return nullptr;
  }
  std::string first = Lexer::DecodeIdent(sql_, Cur());
  bool first_quoted = Cur().type == TokenType::kQuotedIdent;
  Advance();
  if (Is(TokenType::kLParen)) {
    return ParseFunctionCall(first_quoted ? first : ToLowerAscii(first), "", start);
  }
  if (!Is(TokenType::kDot)) {
    auto e = MakeExpr(ExprKind::kColumnRef, SpanFrom(start));
    e->name = std::move(first);
    return e;
  }
  Advance();  // .
  if (Is(TokenType::kStar)) {
    Advance();
    auto e = MakeExpr(ExprKind::kStar, SpanFrom(start));
    e->table = std::move(first);
    return e;
  }
  std::string second;
  TRY(ParseIdent(&second));
  if (Is(TokenType::kLParen)) return ParseFunctionCall(ToLowerAscii(second), first, start);
  if (!Is(TokenType::kDot)) {
    auto e = MakeExpr(ExprKind::kColumnRef, SpanFrom(start));
    e->table = std::move(first);
    e->name = std::move(second);
    return e;
  }
  Advance();
  if (Is(TokenType::kStar)) {
    Advance();
    auto e = MakeExpr(ExprKind::kStar, SpanFrom(start));
    e->db = std::move(first);
    e->table = std::move(second);
    return e;
  }
  auto e = MakeExpr(ExprKind::kColumnRef, {});
  TRY(ParseIdent(&e->name));
  e->db = std::move(first);
  e->table = std::move(second);
  e->span = SpanFrom(start);
  return e;
}

ExprPtr Parser::ParseColumnRef() {
  uint32_t start = Cur().offset;
  std::string a, b, c;
  TRY(ParseIdent(&a));
  auto e = MakeExpr(ExprKind::kColumnRef, {});
  if (Accept(TokenType::kDot)) {
    TRY(ParseIdent(&b));
    if (Accept(TokenType::kDot)) {
      TRY(ParseIdent(&c));
      e->db = std::move(a);
      e->table = std::move(b);
      e->name = std::move(c);
    } else {
      e->table = std::move(a);
      e->name = std::move(b);
    }
  } else {
    e->name = std::move(a);
  }
  e->span = SpanFrom(start);
  return e;
}

}  // namespace relaydb::sql
