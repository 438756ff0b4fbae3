// Expression parsing (precedence climbing over MariaDB 10.11's operator
// precedence, sql/sql_yacc.yy) and the canonical unparser ToSql().
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
#include <cstring>

#include "sql/parser_impl.h"

namespace relaydb::sql {
namespace {

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

int BinaryPrec(BinaryOp op) {
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

bool IsAggregateName(std::string_view n) {
  static constexpr std::string_view kAggregates[] = {
      "count",       "sum",     "avg",      "min",      "max",           "group_concat",
      "bit_and",     "bit_or",  "bit_xor",  "std",      "stddev",        "stddev_pop",
      "stddev_samp", "var_pop", "var_samp", "variance", "json_arrayagg", "json_objectagg"};
  for (std::string_view a : kAggregates)
    if (a == n) return true;
  return false;
}

// Names MariaDB's lexer treats as function tokens only when immediately
// followed by '(' (sql/lex.h sql_functions[]).
bool IsSpaceSensitiveFunction(std::string_view n) {
  static constexpr std::string_view kNames[] = {
      "adddate",       "bit_and",        "bit_or",       "bit_xor",   "cast",    "count",
      "curdate",       "curtime",        "date_add",     "date_sub",  "extract", "group_concat",
      "json_arrayagg", "json_objectagg", "max",          "median",    "mid",     "min",
      "now",           "position",       "session_user", "std",       "stddev",  "stddev_pop",
      "stddev_samp",   "subdate",        "substr",       "substring", "sum",     "sysdate",
      "system_user",   "trim",           "variance",     "var_pop",   "var_samp"};
  for (std::string_view k : kNames)
    if (k == n) return true;
  return false;
}

ExprPtr MakeBinary(BinaryOp op, ExprPtr l, ExprPtr r, uint32_t end) {
  auto e = MakeExpr(ExprKind::kBinary, SourceSpan{l->span.offset, end - l->span.offset});
  e->binary_op = op;
  e->args.push_back(std::move(l));
  e->args.push_back(std::move(r));
  return e;
}

}  // namespace

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

    if (special == Kw::kNone) {
      if (prec == kPrecCmp && (IsKw(Kw::kAny) || IsKw(Kw::kSome) || IsKw(Kw::kAll)) &&
          Is(TokenType::kLParen, 1) && IsQueryStart(2)) {
        bool all = IsKw(Kw::kAll);
        Advance();
        Advance();
        auto e = MakeExpr(ExprKind::kQuantified, {});
        e->binary_op = op;
        e->quantifier_all = all;
        e->subquery = ParseQuery();
        TRY(e->subquery);
        TRY(Expect(TokenType::kRParen));
        e->args.push_back(std::move(left));
        e->span = SpanFrom(start);
        left = std::move(e);
        continue;
      }
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
      left = MakeBinary(op, std::move(left), std::move(right), prev_end());
      continue;
    }

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
    left = std::move(e);
  }
  return left;
}

ExprPtr Parser::ParseUnary() {
  // Prefix operators are collected iteratively (no recursion per operator).
  struct Prefix {
    UnaryOp op;
    uint32_t offset;
  };
  std::vector<Prefix> prefixes;
  for (;;) {
    const Token& t = Cur();
    UnaryOp op;
    if (t.type == TokenType::kMinus) {
      op = UnaryOp::kNeg;
    } else if (t.type == TokenType::kPlus) {
      op = UnaryOp::kPlus;
    } else if (t.type == TokenType::kTilde) {
      op = UnaryOp::kBitNot;
    } else if (t.type == TokenType::kBang) {
      op = UnaryOp::kNot;
    } else if (t.type == TokenType::kIdent && t.kw == Kw::kBinary) {
      op = UnaryOp::kBinary;
    } else if (t.type == TokenType::kIdent && t.kw == Kw::kNot && opts_.high_not_precedence) {
      op = UnaryOp::kNot;
    } else {
      break;
    }
    prefixes.push_back(Prefix{op, t.offset});
    Advance();
  }
  ExprPtr e = ParsePrimary();
  TRY(e);
  while (IsKw(Kw::kCollate)) {
    Advance();
    auto c = MakeExpr(ExprKind::kCollate, {});
    TRY(ParseCharsetName(&c->name));
    c->span = SourceSpan{e->span.offset, prev_end() - e->span.offset};
    c->args.push_back(std::move(e));
    e = std::move(c);
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
    case TokenType::kUserVar: {
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
    case TokenType::kAtAt: {
      Advance();
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
    case TokenType::kLParen: return ParseParenthesized();
    case TokenType::kQuotedIdent: return ParseColumnOrFunction();
    case TokenType::kLBrace: FailUnsupported("ODBC escape syntax"); return nullptr;
    case TokenType::kIdent: break;
    default: Fail(); return nullptr;
  }

  // A word.
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

// At '(' after a function name.
ExprPtr Parser::ParseFunctionCall(std::string name, std::string qualifier, uint32_t start) {
  const bool paren_adjacent = Cur().offset == prev_end();
  TRY(Expect(TokenType::kLParen));
  TRY(Enter());
  auto f = MakeExpr(ExprKind::kFunction, {});
  f->name = std::move(name);
  f->qualifier = std::move(qualifier);
  const std::string& n = f->name;
  // MariaDB's lexer makes these names function tokens (with their special
  // syntax) only when '(' follows without a space; "COUNT (*)" is a
  // generic call and fails like MariaDB's does.
  const bool builtin = f->qualifier.empty() && (paren_adjacent || !IsSpaceSensitiveFunction(n));
  if (builtin && n == "count" && Is(TokenType::kStar)) {
    Advance();
    f->star_arg = true;
  } else if (builtin && IsAggregateName(n)) {
    if (AcceptKw(Kw::kDistinct) || AcceptKw(Kw::kDistinctrow)) {
      f->distinct = true;
    } else {
      AcceptKw(Kw::kAll);
    }
    TRY(ParseExprList(&f->args));
    if (n == "group_concat") {
      if (AcceptKw(Kw::kOrder)) {
        TRY(ExpectKw(Kw::kBy));
        TRY(ParseOrderList(&f->order_by));
      }
      if (AcceptKw(Kw::kSeparator)) {
        std::string sep;
        TRY(ParseStringLiteral(&sep));
        f->separator = std::move(sep);
      }
      if (IsKw(Kw::kLimit)) {
        FailUnsupported("GROUP_CONCAT ... LIMIT");
        return nullptr;
      }
    } else if (!f->distinct && f->args.size() != 1 && n != "json_objectagg") {
      Fail();
      return nullptr;
    } else if (f->distinct && f->args.size() != 1 && n != "count") {
      Fail();
      return nullptr;
    }
  } else if (builtin && n == "trim") {
    if (IsKw(Kw::kBoth) || IsKw(Kw::kLeading) || IsKw(Kw::kTrailing)) {
      f->trim_side = IsKw(Kw::kBoth)      ? TrimSide::kBoth
                     : IsKw(Kw::kLeading) ? TrimSide::kLeading
                                          : TrimSide::kTrailing;
      Advance();
      if (AcceptKw(Kw::kFrom)) {
        ExprPtr s = ParseExpr();
        TRY(s);
        f->args.push_back(std::move(s));
      } else {
        ExprPtr rem = ParseExpr();
        TRY(rem);
        TRY(ExpectKw(Kw::kFrom));
        ExprPtr s = ParseExpr();
        TRY(s);
        f->args.push_back(std::move(s));
        f->args.push_back(std::move(rem));
      }
    } else {
      ExprPtr a = ParseExpr();
      TRY(a);
      if (AcceptKw(Kw::kFrom)) {
        ExprPtr s = ParseExpr();
        TRY(s);
        f->args.push_back(std::move(s));
        f->args.push_back(std::move(a));
      } else {
        f->args.push_back(std::move(a));
      }
    }
  } else if (builtin && (n == "substring" || n == "substr" || n == "mid")) {
    ExprPtr s = ParseExpr();
    TRY(s);
    f->args.push_back(std::move(s));
    if (AcceptKw(Kw::kFrom)) {
      ExprPtr a = ParseExpr();
      TRY(a);
      f->args.push_back(std::move(a));
      if (AcceptKw(Kw::kFor)) {
        ExprPtr b = ParseExpr();
        TRY(b);
        f->args.push_back(std::move(b));
      }
    } else {
      while (Accept(TokenType::kComma)) {
        ExprPtr a = ParseExpr();
        TRY(a);
        f->args.push_back(std::move(a));
      }
    }
  } else if (builtin && n == "position") {
    ExprPtr a = ParseBinary(kPrecBitOr);
    TRY(a);
    TRY(ExpectKw(Kw::kIn));
    ExprPtr b = ParseExpr();
    TRY(b);
    f->name = "locate";
    f->args.push_back(std::move(a));
    f->args.push_back(std::move(b));
  } else if (builtin && n == "extract") {
    TRY(ParseIntervalUnit(&f->interval_unit));
    TRY(ExpectKw(Kw::kFrom));
    ExprPtr a = ParseExpr();
    TRY(a);
    f->args.push_back(std::move(a));
  } else if (builtin && (n == "timestampadd" || n == "timestampdiff")) {
    TRY(ParseIntervalUnit(&f->interval_unit));
    TRY(Expect(TokenType::kComma));
    TRY(ParseExprList(&f->args));
    if (f->args.size() != 2) {
      Fail();
      return nullptr;
    }
  } else if (builtin && (n == "date_add" || n == "date_sub" || n == "adddate" || n == "subdate")) {
    bool saved = allow_interval_;
    allow_interval_ = true;
    bool ok = ParseExprList(&f->args);
    allow_interval_ = saved;
    TRY(ok);
  } else if (builtin && n == "get_format") {
    if (!(IsKw(Kw::kDate) || IsKw(Kw::kTime) || IsKw(Kw::kDatetime) || IsKw(Kw::kTimestamp))) {
      Fail();
      return nullptr;
    }
    auto w = MakeExpr(ExprKind::kLiteral, SourceSpan{Cur().offset, Cur().length});
    w->literal_kind = LiteralKind::kString;
    w->value = ToUpperAscii(Text(Cur()));
    Advance();
    f->args.push_back(std::move(w));
    TRY(Expect(TokenType::kComma));
    ExprPtr a = ParseExpr();
    TRY(a);
    f->args.push_back(std::move(a));
  } else if (builtin && n == "values") {  // VALUES(col) in ON DUPLICATE KEY UPDATE
    ExprPtr c = ParseColumnRef();
    TRY(c);
    f->args.push_back(std::move(c));
  } else if (builtin && n == "if") {  // IF(a, b, c): exactly three arguments
    for (int i = 0; i < 3; ++i) {
      if (i > 0) TRY(Expect(TokenType::kComma));
      ExprPtr a = ParseExpr();
      TRY(a);
      f->args.push_back(std::move(a));
    }
  } else if (builtin && n == "char") {
    TRY(ParseExprList(&f->args));
    if (AcceptKw(Kw::kUsing)) TRY(ParseCharsetName(&f->charset));
  } else if (!Is(TokenType::kRParen)) {
    TRY(ParseExprList(&f->args));
  }
  TRY(Expect(TokenType::kRParen));
  Leave();
  if (IsKw(Kw::kOver) || (IsKw(Kw::kWithin) && IsKw(Kw::kGroup, 1))) {
    FailUnsupported("window functions");
    return nullptr;
  }
  f->span = SpanFrom(start);
  return f;
}

ExprPtr Parser::ParseParenthesized() {
  const uint32_t start = Cur().offset;
  TRY(Enter());
  Advance();  // (
  ExprPtr e;
  if (IsQueryStart(0)) {
    e = MakeExpr(ExprKind::kSubquery, {});
    e->subquery = ParseQuery();
    TRY(e->subquery);
    TRY(Expect(TokenType::kRParen));
    e->span = SpanFrom(start);
    Leave();
    return e;
  }
  e = ParseExpr();
  TRY(e);
  if (e->kind == ExprKind::kSubquery &&
      (IsKw(Kw::kUnion) || IsKw(Kw::kExcept) || IsKw(Kw::kIntersect) || IsKw(Kw::kOrder) ||
       IsKw(Kw::kLimit))) {
    // ((SELECT ...) UNION (SELECT ...)): a query expression after all.
    QueryPtr q = ContinueQuery(std::move(e->subquery), e->span.offset);
    TRY(q);
    TRY(Expect(TokenType::kRParen));
    auto s = MakeExpr(ExprKind::kSubquery, SpanFrom(start));
    s->subquery = std::move(q);
    Leave();
    return s;
  }
  if (Is(TokenType::kComma)) {
    auto row = MakeExpr(ExprKind::kRow, {});
    row->args.push_back(std::move(e));
    while (Accept(TokenType::kComma)) {
      ExprPtr x = ParseExpr();
      TRY(x);
      row->args.push_back(std::move(x));
    }
    TRY(Expect(TokenType::kRParen));
    row->span = SpanFrom(start);
    Leave();
    return row;
  }
  TRY(Expect(TokenType::kRParen));
  e->span = SpanFrom(start);
  Leave();
  return e;
}

ExprPtr Parser::ParseCase() {
  const uint32_t start = Cur().offset;
  TRY(Enter());
  Advance();  // CASE
  auto e = MakeExpr(ExprKind::kCase, {});
  if (!IsKw(Kw::kWhen)) {
    e->case_operand = ParseExpr();
    TRY(e->case_operand);
  }
  if (!IsKw(Kw::kWhen)) {
    Fail();
    return nullptr;
  }
  while (AcceptKw(Kw::kWhen)) {
    CaseWhen w;
    w.when = ParseExpr();
    TRY(w.when);
    TRY(ExpectKw(Kw::kThen));
    w.then = ParseExpr();
    TRY(w.then);
    e->whens.push_back(std::move(w));
  }
  if (AcceptKw(Kw::kElse)) {
    e->else_expr = ParseExpr();
    TRY(e->else_expr);
  }
  TRY(ExpectKw(Kw::kEnd));
  Leave();
  e->span = SpanFrom(start);
  return e;
}

// At '(' of CAST( / CONVERT(.
ExprPtr Parser::ParseCast(bool is_convert, uint32_t start) {
  TRY(Expect(TokenType::kLParen));
  TRY(Enter());
  ExprPtr x = ParseExpr();
  TRY(x);
  ExprPtr e;
  if (is_convert && AcceptKw(Kw::kUsing)) {
    e = MakeExpr(ExprKind::kConvertUsing, {});
    TRY(ParseCharsetName(&e->charset));
  } else {
    if (is_convert) {
      TRY(Expect(TokenType::kComma));
    } else {
      TRY(ExpectKw(Kw::kAs));
    }
    e = MakeExpr(ExprKind::kCast, {});
    e->is_convert = is_convert;
    TRY(ParseCastType(&e->cast_type));
  }
  e->args.push_back(std::move(x));
  TRY(Expect(TokenType::kRParen));
  Leave();
  e->span = SpanFrom(start);
  return e;
}

namespace {
// (n) or (m, d) after a type name; leaves -1 where absent.
bool ParseTypeLength(Parser& p, int32_t* len, int32_t* dec, bool allow_dec) {
  if (!p.Accept(TokenType::kLParen)) return true;
  uint64_t v;
  TRY(p.ParseNumber(&v));
  *len = v > 0x7fffffff ? 0x7fffffff : static_cast<int32_t>(v);
  if (allow_dec && p.Accept(TokenType::kComma)) {
    TRY(p.ParseNumber(&v));
    *dec = v > 0x7fffffff ? 0x7fffffff : static_cast<int32_t>(v);
  }
  return p.Expect(TokenType::kRParen);
}
}  // namespace

bool Parser::ParseCastType(CastType* type) {
  const Token& t = Cur();
  if (t.type != TokenType::kIdent) return Fail();
  switch (t.kw) {
    case Kw::kBinary:
      Advance();
      type->kind = CastType::Kind::kBinary;
      return ParseTypeLength(*this, &type->length, &type->decimals, false);
    case Kw::kChar:
    case Kw::kCharacter:
      Advance();
      type->kind = CastType::Kind::kChar;
      TRY(ParseTypeLength(*this, &type->length, &type->decimals, false));
      if (IsKw(Kw::kCharset) || (IsKw(Kw::kCharacter) && IsKw(Kw::kSet, 1))) {
        if (IsKw(Kw::kCharacter)) Advance();
        Advance();
        TRY(ParseCharsetName(&type->charset));
      } else if (AcceptKw(Kw::kAscii)) {
        type->charset = "latin1";
      } else if (AcceptKw(Kw::kUnicode)) {
        type->charset = "ucs2";
      } else if (AcceptKw(Kw::kBinary)) {
        type->kind = CastType::Kind::kBinary;
      }
      return true;
    case Kw::kNchar:
      Advance();
      type->kind = CastType::Kind::kChar;
      type->charset = "utf8mb3";
      return ParseTypeLength(*this, &type->length, &type->decimals, false);
    case Kw::kNational:
      Advance();
      TRY(ExpectKw(Kw::kChar));
      type->kind = CastType::Kind::kChar;
      type->charset = "utf8mb3";
      return ParseTypeLength(*this, &type->length, &type->decimals, false);
    case Kw::kDate:
      Advance();
      type->kind = CastType::Kind::kDate;
      return true;
    case Kw::kDatetime:
      Advance();
      type->kind = CastType::Kind::kDatetime;
      return ParseTypeLength(*this, &type->decimals, &type->length, false);
    case Kw::kTime:
      Advance();
      type->kind = CastType::Kind::kTime;
      return ParseTypeLength(*this, &type->decimals, &type->length, false);
    case Kw::kDecimal:
    case Kw::kDec:
    case Kw::kNumeric:
    case Kw::kFixed:
      Advance();
      type->kind = CastType::Kind::kDecimal;
      return ParseTypeLength(*this, &type->length, &type->decimals, true);
    case Kw::kSigned:
    case Kw::kUnsigned:
      type->kind = t.kw == Kw::kSigned ? CastType::Kind::kSigned : CastType::Kind::kUnsigned;
      Advance();
      if (!AcceptKw(Kw::kInteger)) AcceptKw(Kw::kInt);
      return true;
    case Kw::kInt:
    case Kw::kInteger:
      Advance();
      type->kind = CastType::Kind::kSigned;
      return true;
    case Kw::kDouble:
      Advance();
      AcceptKw(Kw::kPrecision);
      type->kind = CastType::Kind::kDouble;
      return true;
    case Kw::kReal:
      Advance();
      type->kind = CastType::Kind::kDouble;
      return true;
    case Kw::kFloat:
      Advance();
      type->kind = CastType::Kind::kFloat;
      return true;
    default:
      if (!t.reserved) {
        return FailWith(Status::SqlError(
            4161, "HY000", "Unknown data type: '" + Lexer::DecodeIdent(sql_, t) + "'"));
      }
      return Fail();
  }
}

// After INTERVAL: `expr unit`, or the function INTERVAL(N, N1, ...).
ExprPtr Parser::ParseInterval(uint32_t start) {
  ExprPtr value;
  if (Is(TokenType::kLParen)) {
    uint32_t pstart = Cur().offset;
    Advance();
    TRY(Enter());
    ExprPtr first = ParseExpr();
    TRY(first);
    if (Accept(TokenType::kComma)) {
      auto f = MakeExpr(ExprKind::kFunction, {});
      f->name = "interval";
      f->args.push_back(std::move(first));
      TRY(ParseExprList(&f->args));
      TRY(Expect(TokenType::kRParen));
      Leave();
      f->span = SpanFrom(start);
      return f;
    }
    TRY(Expect(TokenType::kRParen));
    Leave();
    first->span = SpanFrom(pstart);
    // `INTERVAL (expr) unit`: the parenthesized value may continue as an expression.
    value = std::move(first);
    while (Is(TokenType::kPlus) || Is(TokenType::kMinus) || Is(TokenType::kStar) ||
           Is(TokenType::kSlash)) {
      BinaryOp op = Is(TokenType::kPlus)    ? BinaryOp::kAdd
                    : Is(TokenType::kMinus) ? BinaryOp::kSub
                    : Is(TokenType::kStar)  ? BinaryOp::kMul
                                            : BinaryOp::kDiv;
      Advance();
      ExprPtr r = ParseBinary(BinaryPrec(op) + 1);
      TRY(r);
      value = MakeBinary(op, std::move(value), std::move(r), prev_end());
    }
  } else {
    value = ParseExpr();
    TRY(value);
  }
  auto e = MakeExpr(ExprKind::kInterval, {});
  TRY(ParseIntervalUnit(&e->interval_unit));
  e->args.push_back(std::move(value));
  e->span = SpanFrom(start);
  return e;
}

bool Parser::ParseIntervalUnit(IntervalUnit* unit) {
  if (Cur().type != TokenType::kIdent) return Fail();
  switch (Cur().kw) {
    case Kw::kMicrosecond:
    case Kw::kSqlTsiMicrosecond: *unit = IntervalUnit::kMicrosecond; break;
    case Kw::kSecond:
    case Kw::kSqlTsiSecond: *unit = IntervalUnit::kSecond; break;
    case Kw::kMinute:
    case Kw::kSqlTsiMinute: *unit = IntervalUnit::kMinute; break;
    case Kw::kHour:
    case Kw::kSqlTsiHour: *unit = IntervalUnit::kHour; break;
    case Kw::kDay:
    case Kw::kSqlTsiDay: *unit = IntervalUnit::kDay; break;
    case Kw::kWeek:
    case Kw::kSqlTsiWeek: *unit = IntervalUnit::kWeek; break;
    case Kw::kMonth:
    case Kw::kSqlTsiMonth: *unit = IntervalUnit::kMonth; break;
    case Kw::kQuarter:
    case Kw::kSqlTsiQuarter: *unit = IntervalUnit::kQuarter; break;
    case Kw::kYear:
    case Kw::kSqlTsiYear: *unit = IntervalUnit::kYear; break;
    case Kw::kSecondMicrosecond: *unit = IntervalUnit::kSecondMicrosecond; break;
    case Kw::kMinuteMicrosecond: *unit = IntervalUnit::kMinuteMicrosecond; break;
    case Kw::kMinuteSecond: *unit = IntervalUnit::kMinuteSecond; break;
    case Kw::kHourMicrosecond: *unit = IntervalUnit::kHourMicrosecond; break;
    case Kw::kHourSecond: *unit = IntervalUnit::kHourSecond; break;
    case Kw::kHourMinute: *unit = IntervalUnit::kHourMinute; break;
    case Kw::kDayMicrosecond: *unit = IntervalUnit::kDayMicrosecond; break;
    case Kw::kDaySecond: *unit = IntervalUnit::kDaySecond; break;
    case Kw::kDayMinute: *unit = IntervalUnit::kDayMinute; break;
    case Kw::kDayHour: *unit = IntervalUnit::kDayHour; break;
    case Kw::kYearMonth: *unit = IntervalUnit::kYearMonth; break;
    default: return Fail();
  }
  Advance();
  return true;
}

bool Parser::ParseExprList(ExprList* out) {
  do {
    ExprPtr e = ParseExpr();
    TRY(e);
    out->push_back(std::move(e));
  } while (Accept(TokenType::kComma));
  return true;
}

bool Parser::ParseOrderList(std::vector<OrderItem>* out) {
  do {
    OrderItem item;
    item.expr = ParseExpr();
    TRY(item.expr);
    if (AcceptKw(Kw::kDesc)) {
      item.descending = true;
    } else {
      AcceptKw(Kw::kAsc);
    }
    out->push_back(std::move(item));
  } while (Accept(TokenType::kComma));
  return true;
}

ExprPtr Parser::ParseLimitValue() {
  if (Is(TokenType::kInteger)) return ParseLiteral();
  if (Is(TokenType::kPlaceholder)) return ParsePrimary();
  if (IsIdent()) {  // a stored-program variable; none exist outside routines
    FailWith(
        Status::SqlError(1327, "42000", "Undeclared variable: " + Lexer::DecodeIdent(sql_, Cur())));
    return nullptr;
  }
  Fail();
  return nullptr;
}

bool Parser::ParseLimit(std::optional<LimitClause>* out) {
  LimitClause l;
  if (IsKw(Kw::kRows) && IsKw(Kw::kExamined, 1)) return FailUnsupported("LIMIT ROWS EXAMINED");
  ExprPtr first = ParseLimitValue();
  TRY(first);
  if (Accept(TokenType::kComma)) {
    l.offset = std::move(first);
    l.count = ParseLimitValue();
    TRY(l.count);
  } else if (AcceptKw(Kw::kOffset)) {
    l.count = std::move(first);
    l.offset = ParseLimitValue();
    TRY(l.offset);
  } else {
    l.count = std::move(first);
  }
  if (IsKw(Kw::kRows) && IsKw(Kw::kExamined, 1)) return FailUnsupported("LIMIT ROWS EXAMINED");
  *out = std::move(l);
  return true;
}

// ---------------------------------------------------------------------------
// ToSql
// ---------------------------------------------------------------------------

std::string QuoteIdent(std::string_view name) {
  std::string out = "`";
  for (char c : name) {
    if (c == '`') out.push_back('`');
    out.push_back(c);
  }
  out.push_back('`');
  return out;
}

std::string QuoteString(std::string_view value) {
  std::string out = "'";
  for (char c : value) {
    switch (c) {
      case '\'': out += "''"; break;
      case '\\': out += "\\\\"; break;
      case '\0': out += "\\0"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\032': out += "\\Z"; break;
      default: out.push_back(c);
    }
  }
  out.push_back('\'');
  return out;
}

namespace {

void AppendExpr(const Expr& e, std::string* out);
void AppendQuery(const QueryExpr& q, std::string* out);

int ExprPrec(const Expr& e) {
  switch (e.kind) {
    case ExprKind::kBinary: return BinaryPrec(e.binary_op);
    case ExprKind::kUnary: return e.unary_op == UnaryOp::kNot ? kPrecUnary : kPrecUnary;
    case ExprKind::kIsTest:
    case ExprKind::kQuantified: return kPrecCmp;
    case ExprKind::kBetween: return kPrecBetween;
    case ExprKind::kLike:
    case ExprKind::kRegexp:
    case ExprKind::kSoundsLike:
    case ExprKind::kIn: return kPrecLike;
    case ExprKind::kCollate: return kPrecCollate;
    case ExprKind::kAssign: return 0;
    default: return kPrecPrimary;
  }
}

// Appends `e`, parenthesized if its precedence is below `min`.
void AppendOperand(const Expr& e, int min, std::string* out) {
  if (ExprPrec(e) < min) {
    out->push_back('(');
    AppendExpr(e, out);
    out->push_back(')');
  } else {
    AppendExpr(e, out);
  }
}

const char* BinaryOpText(BinaryOp op) {
  switch (op) {
    case BinaryOp::kOr: return "or";
    case BinaryOp::kXor: return "xor";
    case BinaryOp::kAnd: return "and";
    case BinaryOp::kEq: return "=";
    case BinaryOp::kNullSafeEq: return "<=>";
    case BinaryOp::kNe: return "<>";
    case BinaryOp::kLt: return "<";
    case BinaryOp::kLe: return "<=";
    case BinaryOp::kGt: return ">";
    case BinaryOp::kGe: return ">=";
    case BinaryOp::kBitOr: return "|";
    case BinaryOp::kBitAnd: return "&";
    case BinaryOp::kBitXor: return "^";
    case BinaryOp::kShiftLeft: return "<<";
    case BinaryOp::kShiftRight: return ">>";
    case BinaryOp::kAdd: return "+";
    case BinaryOp::kSub: return "-";
    case BinaryOp::kMul: return "*";
    case BinaryOp::kDiv: return "/";
    case BinaryOp::kIntDiv: return "DIV";
    case BinaryOp::kMod: return "MOD";
    case BinaryOp::kConcat: return "||";
  }
  return "?";
}

std::string HexOf(std::string_view bytes) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : bytes) {
    out.push_back(kHex[(static_cast<uint8_t>(c) >> 4) & 15]);
    out.push_back(kHex[static_cast<uint8_t>(c) & 15]);
  }
  return out;
}

void AppendList(const ExprList& list, size_t from, std::string* out) {
  for (size_t i = from; i < list.size(); ++i) {
    if (i > from) out->push_back(',');
    AppendExpr(*list[i], out);
  }
}

void AppendOrder(const std::vector<OrderItem>& items, std::string* out) {
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out->push_back(',');
    AppendExpr(*items[i].expr, out);
    *out += items[i].descending ? " DESC" : " ASC";
  }
}

std::string CastTypeText(const CastType& t) {
  std::string s;
  auto len = [&](int32_t l) {
    if (l >= 0) s += "(" + std::to_string(l) + ")";
  };
  switch (t.kind) {
    case CastType::Kind::kBinary:
      s = "binary";
      len(t.length);
      break;
    case CastType::Kind::kChar:
      s = "char";
      len(t.length);
      if (!t.charset.empty()) s += " charset " + t.charset;
      break;
    case CastType::Kind::kDate: s = "date"; break;
    case CastType::Kind::kDatetime:
      s = "datetime";
      len(t.decimals);
      break;
    case CastType::Kind::kTime:
      s = "time";
      len(t.decimals);
      break;
    case CastType::Kind::kDecimal:
      s = "decimal";
      if (t.length >= 0) {
        s += "(" + std::to_string(t.length);
        if (t.decimals >= 0) s += "," + std::to_string(t.decimals);
        s += ")";
      }
      break;
    case CastType::Kind::kSigned: s = "signed"; break;
    case CastType::Kind::kUnsigned: s = "unsigned"; break;
    case CastType::Kind::kDouble: s = "double"; break;
    case CastType::Kind::kFloat: s = "float"; break;
  }
  return s;
}

void AppendExpr(const Expr& e, std::string* out) {
  switch (e.kind) {
    case ExprKind::kLiteral:
      switch (e.literal_kind) {
        case LiteralKind::kNull: *out += "NULL"; break;
        case LiteralKind::kInt:
        case LiteralKind::kDecimal:
        case LiteralKind::kFloat: *out += e.value; break;
        case LiteralKind::kString:
          if (!e.charset.empty()) *out += "_" + e.charset;
          *out += QuoteString(e.value);
          break;
        case LiteralKind::kHex:
        case LiteralKind::kBit:
          if (!e.charset.empty()) *out += "_" + e.charset + " ";
          *out += e.value.empty() ? "''" : "0x" + HexOf(e.value);
          break;
        case LiteralKind::kBool: *out += e.bool_value ? "1" : "0"; break;
        case LiteralKind::kDate: *out += "DATE" + QuoteString(e.value); break;
        case LiteralKind::kTime: *out += "TIME" + QuoteString(e.value); break;
        case LiteralKind::kTimestamp: *out += "TIMESTAMP" + QuoteString(e.value); break;
      }
      break;
    case ExprKind::kColumnRef:
      if (!e.db.empty()) *out += QuoteIdent(e.db) + ".";
      if (!e.table.empty()) *out += QuoteIdent(e.table) + ".";
      *out += QuoteIdent(e.name);
      break;
    case ExprKind::kStar:
      if (!e.db.empty()) *out += QuoteIdent(e.db) + ".";
      if (!e.table.empty()) *out += QuoteIdent(e.table) + ".";
      *out += "*";
      break;
    case ExprKind::kUserVar: *out += "@" + QuoteIdent(e.name); break;
    case ExprKind::kSysVar:
      *out += "@@";
      if (e.var_scope == VarScope::kGlobal) *out += "global.";
      if (e.var_scope == VarScope::kSession) *out += "session.";
      *out += e.name;
      break;
    case ExprKind::kPlaceholder: *out += "?"; break;
    case ExprKind::kUnary: {
      switch (e.unary_op) {
        case UnaryOp::kNeg: *out += "-"; break;
        case UnaryOp::kPlus: break;
        case UnaryOp::kBitNot: *out += "~"; break;
        case UnaryOp::kNot: *out += "!"; break;
        case UnaryOp::kBinary: *out += "binary "; break;
      }
      std::string operand;
      AppendOperand(*e.args[0], kPrecUnary, &operand);
      // "- -1" must not print as "--1" (a comment).
      if (e.unary_op == UnaryOp::kNeg && !operand.empty() && operand[0] == '-')
        operand = "(" + operand + ")";
      *out += operand;
      break;
    }
    case ExprKind::kBinary: {
      int p = BinaryPrec(e.binary_op);
      if (e.binary_op == BinaryOp::kConcat) {
        *out += "concat(";
        AppendExpr(*e.args[0], out);
        *out += ",";
        AppendExpr(*e.args[1], out);
        *out += ")";
        break;
      }
      // Comparisons are left-associative with a predicate on the right.
      AppendOperand(*e.args[0], p, out);
      *out += " ";
      *out += BinaryOpText(e.binary_op);
      *out += " ";
      AppendOperand(*e.args[1], p == kPrecCmp ? kPrecBetween : p + 1, out);
      break;
    }
    case ExprKind::kIsTest:
      AppendOperand(*e.args[0], kPrecCmp, out);
      *out += e.negated ? " is not " : " is ";
      *out += e.is_what == IsWhat::kNull    ? "null"
              : e.is_what == IsWhat::kTrue  ? "true"
              : e.is_what == IsWhat::kFalse ? "false"
                                            : "unknown";
      break;
    case ExprKind::kLike:
      AppendOperand(*e.args[0], kPrecBitOr, out);
      *out += e.negated ? " not like " : " like ";
      AppendOperand(*e.args[1], kPrecBitOr, out);
      if (e.args.size() > 2) {
        *out += " escape ";
        AppendOperand(*e.args[2], kPrecUnary, out);
      }
      break;
    case ExprKind::kRegexp:
      AppendOperand(*e.args[0], kPrecBitOr, out);
      *out += e.negated ? " not regexp " : " regexp ";
      AppendOperand(*e.args[1], kPrecBitOr, out);
      break;
    case ExprKind::kSoundsLike:
      AppendOperand(*e.args[0], kPrecBitOr, out);
      *out += " sounds like ";
      AppendOperand(*e.args[1], kPrecBitOr, out);
      break;
    case ExprKind::kIn:
      AppendOperand(*e.args[0], kPrecBitOr, out);
      *out += e.negated ? " not in (" : " in (";
      if (e.subquery) {
        AppendQuery(*e.subquery, out);
      } else {
        AppendList(e.args, 1, out);
      }
      *out += ")";
      break;
    case ExprKind::kBetween:
      AppendOperand(*e.args[0], kPrecBitOr, out);
      *out += e.negated ? " not between " : " between ";
      AppendOperand(*e.args[1], kPrecBitOr, out);
      *out += " and ";
      AppendOperand(*e.args[2], kPrecBetween, out);
      break;
    case ExprKind::kExists:
      *out += "exists(";
      AppendQuery(*e.subquery, out);
      *out += ")";
      break;
    case ExprKind::kQuantified:
      AppendOperand(*e.args[0], kPrecCmp, out);
      *out += " ";
      *out += BinaryOpText(e.binary_op);
      *out += e.quantifier_all ? " all (" : " any (";
      AppendQuery(*e.subquery, out);
      *out += ")";
      break;
    case ExprKind::kSubquery:
      *out += "(";
      AppendQuery(*e.subquery, out);
      *out += ")";
      break;
    case ExprKind::kRow:
      *out += "(";
      AppendList(e.args, 0, out);
      *out += ")";
      break;
    case ExprKind::kFunction:
      if (!e.qualifier.empty()) *out += QuoteIdent(e.qualifier) + ".";
      *out += e.name;
      *out += "(";
      if (e.name == "trim" && e.trim_side != TrimSide::kDefault) {
        *out += e.trim_side == TrimSide::kBoth      ? "both "
                : e.trim_side == TrimSide::kLeading ? "leading "
                                                    : "trailing ";
        if (e.args.size() > 1) {
          AppendExpr(*e.args[1], out);
          *out += " ";
        }
        *out += "from ";
        AppendExpr(*e.args[0], out);
      } else if (e.name == "trim" && e.args.size() == 2) {
        AppendExpr(*e.args[1], out);
        *out += " from ";
        AppendExpr(*e.args[0], out);
      } else if (e.name == "extract") {
        *out += ToLowerAscii(IntervalUnitName(e.interval_unit));
        *out += " from ";
        AppendExpr(*e.args[0], out);
      } else if (e.name == "get_format" && e.args.size() == 2) {
        *out += e.args[0]->value;  // DATE / TIME / DATETIME / TIMESTAMP
        *out += ",";
        AppendExpr(*e.args[1], out);
      } else if (e.interval_unit != IntervalUnit::kNone) {  // timestampadd/diff
        *out += ToLowerAscii(IntervalUnitName(e.interval_unit));
        *out += ",";
        AppendList(e.args, 0, out);
      } else {
        if (e.distinct) *out += "distinct ";
        if (e.star_arg) *out += "*";
        AppendList(e.args, 0, out);
        if (!e.order_by.empty()) {
          *out += " order by ";
          AppendOrder(e.order_by, out);
        }
        if (e.separator.has_value()) *out += " separator " + QuoteString(*e.separator);
        if (!e.charset.empty()) *out += " using " + e.charset;
      }
      *out += ")";
      break;
    case ExprKind::kCast:
      *out += "cast(";
      AppendExpr(*e.args[0], out);
      *out += " as " + CastTypeText(e.cast_type) + ")";
      break;
    case ExprKind::kConvertUsing:
      *out += "convert(";
      AppendExpr(*e.args[0], out);
      *out += " using " + e.charset + ")";
      break;
    case ExprKind::kCase:
      *out += "case ";
      if (e.case_operand) {
        AppendExpr(*e.case_operand, out);
        *out += " ";
      }
      for (const CaseWhen& w : e.whens) {
        *out += "when ";
        AppendExpr(*w.when, out);
        *out += " then ";
        AppendExpr(*w.then, out);
        *out += " ";
      }
      if (e.else_expr) {
        *out += "else ";
        AppendExpr(*e.else_expr, out);
        *out += " ";
      }
      *out += "end";
      break;
    case ExprKind::kCollate:
      AppendOperand(*e.args[0], kPrecCollate, out);
      *out += " collate " + e.name;
      break;
    case ExprKind::kInterval:
      *out += "interval ";
      AppendOperand(*e.args[0], kPrecUnary, out);
      *out += " ";
      *out += ToLowerAscii(IntervalUnitName(e.interval_unit));
      break;
    case ExprKind::kDefault:
      *out += "default";
      if (!e.args.empty()) {
        *out += "(";
        AppendExpr(*e.args[0], out);
        *out += ")";
      }
      break;
    case ExprKind::kAssign:
      *out += "@" + QuoteIdent(e.name) + " := ";
      AppendExpr(*e.args[0], out);
      break;
  }
}

void AppendTableRef(const TableRef& r, std::string* out) {
  switch (r.kind) {
    case TableRef::Kind::kTable:
      if (!r.table.db.empty()) *out += QuoteIdent(r.table.db) + ".";
      *out += QuoteIdent(r.table.name);
      if (!r.alias.empty()) *out += " " + QuoteIdent(r.alias);
      break;
    case TableRef::Kind::kDerived:
      *out += "(";
      AppendQuery(*r.subquery, out);
      *out += ") " + QuoteIdent(r.alias);
      break;
    case TableRef::Kind::kJoin:
      *out += "(";
      AppendTableRef(*r.left, out);
      switch (r.join_type) {
        case JoinType::kComma: *out += ", "; break;
        case JoinType::kInner: *out += r.natural ? " natural join " : " join "; break;
        case JoinType::kLeft: *out += r.natural ? " natural left join " : " left join "; break;
        case JoinType::kRight: *out += r.natural ? " natural right join " : " right join "; break;
        case JoinType::kStraight: *out += " straight_join "; break;
      }
      AppendTableRef(*r.right, out);
      if (r.on) {
        *out += " on(";
        AppendExpr(*r.on, out);
        *out += ")";
      } else if (!r.using_columns.empty()) {
        *out += " using (";
        for (size_t i = 0; i < r.using_columns.size(); ++i) {
          if (i) *out += ",";
          *out += QuoteIdent(r.using_columns[i]);
        }
        *out += ")";
      }
      *out += ")";
      break;
  }
}

void AppendQuery(const QueryExpr& q, std::string* out) {
  if (q.with) {
    *out += q.with->recursive ? "with recursive " : "with ";
    for (size_t i = 0; i < q.with->ctes.size(); ++i) {
      if (i) *out += ", ";
      *out += QuoteIdent(q.with->ctes[i].name) + " as (";
      AppendQuery(*q.with->ctes[i].query, out);
      *out += ")";
    }
    *out += " ";
  }
  switch (q.kind) {
    case QueryExpr::Kind::kSelect: {
      const SelectCore& s = *q.select;
      *out += "select ";
      if (s.distinct) *out += "distinct ";
      for (size_t i = 0; i < s.items.size(); ++i) {
        if (i) *out += ",";
        AppendExpr(*s.items[i].expr, out);
        if (s.items[i].has_alias) *out += " AS " + QuoteIdent(s.items[i].alias);
      }
      if (!s.from.empty()) {
        *out += " from ";
        for (size_t i = 0; i < s.from.size(); ++i) {
          if (i) *out += ",";
          AppendTableRef(*s.from[i], out);
        }
      }
      if (s.where) {
        *out += " where ";
        AppendExpr(*s.where, out);
      }
      if (!s.group_by.empty()) {
        *out += " group by ";
        AppendOrder(s.group_by, out);
        if (s.with_rollup) *out += " with rollup";
      }
      if (s.having) {
        *out += " having ";
        AppendExpr(*s.having, out);
      }
      break;
    }
    case QueryExpr::Kind::kUnion:
    case QueryExpr::Kind::kIntersect:
    case QueryExpr::Kind::kExcept:
      *out += "(";
      AppendQuery(*q.left, out);
      *out += ")";
      *out += q.kind == QueryExpr::Kind::kUnion       ? " union "
              : q.kind == QueryExpr::Kind::kIntersect ? " intersect "
                                                      : " except ";
      if (q.all) *out += "all ";
      *out += "(";
      AppendQuery(*q.right, out);
      *out += ")";
      break;
    case QueryExpr::Kind::kParenthesized:
      *out += "(";
      AppendQuery(*q.left, out);
      *out += ")";
      break;
  }
  if (!q.order_by.empty()) {
    *out += " order by ";
    AppendOrder(q.order_by, out);
  }
  if (q.limit) {
    *out += " limit ";
    if (q.limit->offset) {
      AppendExpr(*q.limit->offset, out);
      *out += ",";
    }
    AppendExpr(*q.limit->count, out);
  }
}

}  // namespace

std::string ToSql(const Expr& expr) {
  std::string out;
  AppendExpr(expr, &out);
  return out;
}

std::string ToSql(const QueryExpr& query) {
  std::string out;
  AppendQuery(query, &out);
  return out;
}

}  // namespace relaydb::sql
