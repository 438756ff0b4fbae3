// Function-call syntaxes (COUNT(*), GROUP_CONCAT, TRIM, SUBSTRING ... FROM,
// POSITION ... IN, EXTRACT, TIMESTAMPADD, CHAR ... USING, ...), CAST and
// CONVERT, CASE, INTERVAL, parenthesized expressions and row constructors,
// expression/ORDER BY lists and LIMIT.
#include "sql/parser_impl.h"

namespace relaydb::sql {

namespace {

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

}  // namespace

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
  } else {
    e = ParseExpr();
    TRY(e);
    if (e->kind == ExprKind::kSubquery &&
        (IsKw(Kw::kUnion) || IsKw(Kw::kExcept) || IsKw(Kw::kIntersect) || IsKw(Kw::kOrder) ||
         IsKw(Kw::kLimit))) {
      e = ParseParenthesizedQueryTail(std::move(e), start);
    } else if (Is(TokenType::kComma)) {
      e = ParseRowTail(std::move(e), start);
    } else {
      TRY(Expect(TokenType::kRParen));
    }
    TRY(e);
  }
  e->span = SpanFrom(start);
  Leave();
  return e;
}

// ((SELECT ...) UNION (SELECT ...)): a query expression after all; at the
// set operator / ORDER BY / LIMIT after the first parenthesized query.
RDB_NOINLINE ExprPtr Parser::ParseParenthesizedQueryTail(ExprPtr first, uint32_t start) {
  QueryPtr q = ContinueQuery(std::move(first->subquery), first->span.offset);
  TRY(q);
  TRY(Expect(TokenType::kRParen));
  auto s = MakeExpr(ExprKind::kSubquery, SpanFrom(start));
  s->subquery = std::move(q);
  return s;
}

// (a, b, ...): at the ',' after the first value.
RDB_NOINLINE ExprPtr Parser::ParseRowTail(ExprPtr first, uint32_t start) {
  auto row = MakeExpr(ExprKind::kRow, {});
  row->args.push_back(std::move(first));
  while (Accept(TokenType::kComma)) {
    ExprPtr x = ParseExpr();
    TRY(x);
    row->args.push_back(std::move(x));
  }
  TRY(Expect(TokenType::kRParen));
  row->span = SpanFrom(start);
  return row;
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
  TRY(Enter());  // INTERVAL INTERVAL ... nests
  ExprPtr e = ParseIntervalBody(start);
  Leave();
  return e;
}

ExprPtr Parser::ParseIntervalBody(uint32_t start) {
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

}  // namespace relaydb::sql
