// Column definitions: data types with all MySQL/MariaDB spellings and the
// limits MariaDB checks while parsing, column attributes in any order, and
// DEFAULT handling (ApplyColumnDefault: MariaDB's canonical default text).
#include <cmath>
#include <cstdlib>

#include "common/value.h"
#include "sql/parser_impl.h"

namespace relaydb::sql {

namespace {

Status TooBigPrecision(const std::string& col, int max) {
  return Status::SqlError(
      1426, "42000",
      "Too big precision specified for '" + col + "'. Maximum is " + std::to_string(max));
}
Status TooBigScale(const std::string& col, int max) {
  return Status::SqlError(
      1425, "42000",
      "Too big scale specified for '" + col + "'. Maximum is " + std::to_string(max));
}
Status MBiggerThanD(const std::string& col) {
  return Status::SqlError(
      1427, "42000",
      "For float(M,D), double(M,D) or decimal(M,D), M must be >= D (column '" + col + "')");
}
Status TooBigDisplayWidth(const std::string& col, int max) {
  return Status::SqlError(
      1439, "42000",
      "Display width out of range for '" + col + "' (max = " + std::to_string(max) + ")");
}
Status TooBigFieldLength(const std::string& col, int max) {
  return Status::SqlError(1074, "42000",
                          "Column length too big for column '" + col +
                              "' (max = " + std::to_string(max) + "); use BLOB or TEXT instead");
}
Status InvalidDefault(const std::string& col) {
  return Status::SqlError(1067, "42000", "Invalid default value for '" + col + "'");
}

// (n) / (m,d) after a type name: -1 where absent.
bool ParseLengths(Parser& p, int32_t* len, int32_t* dec) {
  if (!p.Accept(TokenType::kLParen)) return true;
  uint64_t v;
  TRY(p.ParseNumber(&v));
  *len = v > 0x7fffffff ? 0x7fffffff : static_cast<int32_t>(v);
  if (dec != nullptr && p.Accept(TokenType::kComma)) {
    TRY(p.ParseNumber(&v));
    *dec = v > 0x7fffffff ? 0x7fffffff : static_cast<int32_t>(v);
  }
  return p.Expect(TokenType::kRParen);
}

// Required (n).
bool ParseRequiredLength(Parser& p, int32_t* len) {
  if (!p.Is(TokenType::kLParen)) return p.Fail();
  return ParseLengths(p, len, nullptr);
}

// Parses an integer/decimal literal text ("-12.50", " 3 ") into sign,
// integer digits and fraction digits. False if not a plain number.
// Exponent forms are accepted through strtod where needed.
struct DecimalParts {
  bool negative = false;
  std::string int_digits;   // no leading zeros ("" = 0)
  std::string frac_digits;  // as written
};

bool SplitDecimal(std::string_view s, DecimalParts* out) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  if (s.empty()) return false;
  size_t i = 0;
  if (s[i] == '+' || s[i] == '-') out->negative = s[i++] == '-';
  size_t digits = 0;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i, ++digits) out->int_digits.push_back(s[i]);
  if (i < s.size() && s[i] == '.') {
    ++i;
    for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i, ++digits)
      out->frac_digits.push_back(s[i]);
  }
  if (digits == 0 || i != s.size()) return false;
  size_t nz = out->int_digits.find_first_not_of('0');
  out->int_digits = nz == std::string::npos ? "" : out->int_digits.substr(nz);
  return true;
}

// Adds one to a decimal digit string.
std::string IncrementDigits(std::string d) {
  for (size_t i = d.size(); i-- > 0;) {
    if (d[i] != '9') {
      ++d[i];
      return d;
    }
    d[i] = '0';
  }
  return "1" + d;
}

// Rounds `p` to `scale` fraction digits (half away from zero) and formats it.
std::string FormatDecimal(const DecimalParts& p, int scale) {
  std::string digits =
      p.int_digits + p.frac_digits.substr(0, std::min<size_t>(scale, p.frac_digits.size()));
  std::string frac = p.frac_digits;
  if (frac.size() < static_cast<size_t>(scale)) frac.append(scale - frac.size(), '0');
  std::string all = p.int_digits + frac.substr(0, scale);
  if (frac.size() > static_cast<size_t>(scale) && frac[scale] >= '5')
    all = IncrementDigits(all.empty() ? "0" : all);
  if (all.empty()) all = "0";
  std::string int_part =
      all.size() > static_cast<size_t>(scale) ? all.substr(0, all.size() - scale) : "";
  std::string frac_part = all.substr(all.size() - std::min<size_t>(scale, all.size()));
  if (frac_part.size() < static_cast<size_t>(scale))
    frac_part.insert(0, scale - frac_part.size(), '0');
  size_t nz = int_part.find_first_not_of('0');
  int_part = nz == std::string::npos ? "0" : int_part.substr(nz);
  bool zero = int_part == "0" && frac_part.find_first_not_of('0') == std::string::npos;
  std::string out = (p.negative && !zero) ? "-" : "";
  out += int_part;
  if (scale > 0) out += "." + frac_part;
  return out;
}

bool IsCurrentTimestampWord(const Parser& p) {
  const Token& t = p.Cur();
  if (t.type != TokenType::kIdent) return false;
  if (t.kw == Kw::kCurrentTimestamp || t.kw == Kw::kLocaltime || t.kw == Kw::kLocaltimestamp)
    return true;
  return t.kw == Kw::kNone && EqualsIgnoreCase(p.Text(t), "now") && p.Is(TokenType::kLParen, 1);
}

// CURRENT_TIMESTAMP[(n)] / NOW([n]) / LOCALTIME[(n)] / LOCALTIMESTAMP[(n)]
// -> "current_timestamp()" or "current_timestamp(n)".
bool ParseCurrentTimestamp(Parser& p, std::string* text, ExprPtr* expr) {
  uint32_t start = p.Cur().offset;
  bool is_now = p.Cur().kw == Kw::kNone;
  p.Advance();
  int32_t fsp = -1;
  if (p.Accept(TokenType::kLParen)) {
    if (p.Is(TokenType::kInteger)) {
      uint64_t v;
      TRY(p.ParseNumber(&v));
      fsp = static_cast<int32_t>(v > 6 ? 7 : v);
    }
    TRY(p.Expect(TokenType::kRParen));
  } else if (is_now) {
    return p.Fail();
  }
  *text = fsp > 0 ? "current_timestamp(" + std::to_string(fsp) + ")" : "current_timestamp()";
  auto e = MakeExpr(ExprKind::kFunction, p.SpanFrom(start));
  e->name = "current_timestamp";
  if (fsp > 0) {
    auto lit = MakeExpr(ExprKind::kLiteral, {});
    lit->literal_kind = LiteralKind::kInt;
    lit->value = std::to_string(fsp);
    e->args.push_back(std::move(lit));
  }
  *expr = std::move(e);
  return true;
}

// Computes ColumnDef::default_value for a literal default (see ast.h).
Status NormalizeLiteralDefault(const Expr& e, ColumnDef* def) {
  const ColumnType& t = def->type;
  const Expr& lit = e.kind == ExprKind::kUnary ? *e.args[0] : e;
  const bool negative = e.kind == ExprKind::kUnary && e.unary_op == UnaryOp::kNeg;
  if (lit.literal_kind == LiteralKind::kNull) {
    if (!def->nullable || def->auto_increment) return InvalidDefault(def->name);
    def->default_value = "NULL";
    def->default_is_null = true;
    return Status::Ok();
  }
  // The literal as text, and as bytes for hex/bit literals.
  std::string text;
  switch (lit.literal_kind) {
    case LiteralKind::kInt:
    case LiteralKind::kDecimal:
    case LiteralKind::kFloat: text = (negative ? "-" : "") + lit.value; break;
    case LiteralKind::kBool: text = lit.bool_value ? "1" : "0"; break;
    case LiteralKind::kHex:
    case LiteralKind::kBit: {
      if (t.IsString() || t.IsBinaryString() || t.IsTemporal()) {
        text = lit.value;
      } else {
        uint64_t v = 0;
        for (char c : lit.value) v = (v << 8) | static_cast<uint8_t>(c);
        text = std::to_string(v);
      }
      break;
    }
    default: text = lit.value; break;
  }
  if (def->auto_increment) return InvalidDefault(def->name);
  if (t.IsInteger() || t.base == BaseType::kBit || t.base == BaseType::kYear) {
    DecimalParts p;
    if (!SplitDecimal(text, &p)) {
      char* end = nullptr;
      double d = std::strtod(text.c_str(), &end);
      if (end == text.c_str() || *end != '\0') return InvalidDefault(def->name);
      text = std::to_string(static_cast<long long>(std::llround(d)));
      if (!SplitDecimal(text, &p)) return InvalidDefault(def->name);
    }
    std::string v = FormatDecimal(p, 0);
    if ((t.is_unsigned || t.base == BaseType::kBit) && v[0] == '-')
      return InvalidDefault(def->name);
    def->default_value = v;
    return Status::Ok();
  }
  if (t.base == BaseType::kDecimal) {
    DecimalParts p;
    if (!SplitDecimal(text, &p)) {
      char* end = nullptr;
      double d = std::strtod(text.c_str(), &end);
      if (end == text.c_str() || *end != '\0') return InvalidDefault(def->name);
      text = FormatDouble(d);
      if (!SplitDecimal(text, &p)) return InvalidDefault(def->name);
    }
    int scale = t.decimals < 0 ? 0 : t.decimals;
    std::string v = FormatDecimal(p, scale);
    size_t int_len = v.find('.') == std::string::npos ? v.size() : v.find('.');
    if (v[0] == '-') --int_len;
    int precision = t.length < 0 ? 10 : t.length;
    if (static_cast<int>(int_len) > precision - scale &&
        !(int_len == 1 && (v[0] == '0' || (v[0] == '-' && v[1] == '0'))))
      return InvalidDefault(def->name);
    if (t.is_unsigned && v[0] == '-') return InvalidDefault(def->name);
    def->default_value = v;
    return Status::Ok();
  }
  if (t.base == BaseType::kFloat || t.base == BaseType::kDouble) {
    char* end = nullptr;
    std::string trimmed = text;
    double d = std::strtod(trimmed.c_str(), &end);
    if (end == trimmed.c_str() || *end != '\0') return InvalidDefault(def->name);
    def->default_value =
        t.base == BaseType::kFloat ? FormatFloat(static_cast<float>(d)) : FormatDouble(d);
    return Status::Ok();
  }
  def->default_value = text;  // strings, ENUM/SET labels, temporal text, JSON
  return Status::Ok();
}

}  // namespace

// True for a literal DEFAULT (possibly signed): its canonical text depends on
// the column type.
bool IsLiteralDefault(const Expr& e) {
  if (e.kind == ExprKind::kLiteral) return true;
  if (e.kind == ExprKind::kUnary && (e.unary_op == UnaryOp::kNeg || e.unary_op == UnaryOp::kPlus)) {
    const Expr& a = *e.args[0];
    return a.kind == ExprKind::kLiteral &&
           (a.literal_kind == LiteralKind::kInt || a.literal_kind == LiteralKind::kDecimal ||
            a.literal_kind == LiteralKind::kFloat);
  }
  return false;
}

// The text of an expression DEFAULT as SHOW CREATE TABLE prints it:
// function calls bare, other expressions parenthesized.
std::string DefaultExprText(const Expr& e) {
  return e.kind == ExprKind::kFunction ? ToSql(e) : "(" + ToSql(e) + ")";
}

// ALTER COLUMN SET DEFAULT, where the column type is not known here: the
// literal's own text (the executor re-applies it with ApplyColumnDefault).
void SetUntypedDefault(const Expr& e, ColumnDef* def) {
  def->default_value.reset();
  def->default_is_null = false;
  def->default_is_expression = false;
  if (!IsLiteralDefault(e)) {
    def->default_is_expression = true;
    def->default_value = DefaultExprText(e);
    return;
  }
  const bool neg = e.kind == ExprKind::kUnary && e.unary_op == UnaryOp::kNeg;
  const Expr& lit = e.kind == ExprKind::kUnary ? *e.args[0] : e;
  switch (lit.literal_kind) {
    case LiteralKind::kNull:
      def->default_value = "NULL";
      def->default_is_null = true;
      break;
    case LiteralKind::kBool: def->default_value = lit.bool_value ? "1" : "0"; break;
    default: def->default_value = (neg ? "-" : "") + lit.value; break;
  }
}

// ---------------------------------------------------------------------------
// Types and column definitions
// ---------------------------------------------------------------------------

bool Parser::ParseDataType(ColumnType* type, const std::string& col, ColumnAttrs* attrs,
                           ColumnDef* def) {
  const Token& t = Cur();
  if (t.type != TokenType::kIdent) return Fail();
  auto int_type = [&](BaseType base) -> bool {
    Advance();
    type->base = base;
    TRY(ParseLengths(*this, &type->length, nullptr));
    if (type->length > 255) return FailWith(TooBigDisplayWidth(col, 255));
    return true;
  };
  auto numeric_modifiers = [&]() {
    for (;;) {
      if (AcceptKw(Kw::kUnsigned)) {
        type->is_unsigned = true;
        continue;
      }
      if (AcceptKw(Kw::kSigned)) continue;
      if (AcceptKw(Kw::kZerofill)) {
        type->zerofill = true;
        type->is_unsigned = true;
        continue;
      }
      break;
    }
  };
  auto fsp_type = [&](BaseType base) -> bool {
    Advance();
    type->base = base;
    TRY(ParseLengths(*this, &type->decimals, nullptr));
    if (type->decimals > 6) return FailWith(TooBigPrecision(col, 6));
    return true;
  };
  // Checks (m,d) of FLOAT/DOUBLE.
  auto float_md = [&]() -> bool {
    if (type->length >= 0 && type->decimals < 0) return Fail();
    if (type->decimals > type->length && type->length >= 0) return FailWith(MBiggerThanD(col));
    if (type->length > 255) return FailWith(TooBigDisplayWidth(col, 255));
    if (type->decimals > 30) return FailWith(TooBigScale(col, 30));
    return true;
  };
  auto char_type = [&](BaseType base, bool required, int32_t dflt) -> bool {
    if (required) {
      TRY(ParseRequiredLength(*this, &type->length));
    } else {
      TRY(ParseLengths(*this, &type->length, nullptr));
      if (type->length < 0) type->length = dflt;
    }
    type->base = base;
    if ((base == BaseType::kChar || base == BaseType::kBinary) && type->length > 255)
      return FailWith(TooBigFieldLength(col, 255));
    return true;
  };
  switch (t.kw) {
    case Kw::kTinyint:
    case Kw::kInt1:
      TRY(int_type(BaseType::kTinyInt));
      numeric_modifiers();
      return true;
    case Kw::kSmallint:
    case Kw::kInt2:
      TRY(int_type(BaseType::kSmallInt));
      numeric_modifiers();
      return true;
    case Kw::kMediumint:
    case Kw::kInt3:
    case Kw::kMiddleint:
      TRY(int_type(BaseType::kMediumInt));
      numeric_modifiers();
      return true;
    case Kw::kInt:
    case Kw::kInteger:
    case Kw::kInt4:
      TRY(int_type(BaseType::kInt));
      numeric_modifiers();
      return true;
    case Kw::kBigint:
    case Kw::kInt8:
      TRY(int_type(BaseType::kBigInt));
      numeric_modifiers();
      return true;
    case Kw::kBool:
    case Kw::kBoolean:
      Advance();
      type->base = BaseType::kTinyInt;
      type->length = 1;
      return true;
    case Kw::kSerial:
      Advance();
      type->base = BaseType::kBigInt;
      type->is_unsigned = true;
      def->nullable = false;
      def->auto_increment = true;
      attrs->unique_key = true;
      attrs->explicit_not_null = true;
      return true;
    case Kw::kDecimal:
    case Kw::kDec:
    case Kw::kNumeric:
    case Kw::kFixed:
      Advance();
      type->base = BaseType::kDecimal;
      TRY(ParseLengths(*this, &type->length, &type->decimals));
      if (type->length < 0) type->length = 10;
      if (type->decimals < 0) type->decimals = 0;
      if (type->decimals > type->length) return FailWith(MBiggerThanD(col));
      if (type->length > 65) return FailWith(TooBigPrecision(col, 65));
      if (type->decimals > 38) return FailWith(TooBigScale(col, 38));
      if (type->length == 0) type->length = 1;  // DECIMAL(0) is DECIMAL(1,0)
      numeric_modifiers();
      return true;
    case Kw::kFloat: {
      Advance();
      type->base = BaseType::kFloat;
      int32_t m = -1, d = -1;
      TRY(ParseLengths(*this, &m, &d));
      if (m >= 0 && d < 0) {  // FLOAT(p): precision in bits
        if (m > 53)
          return FailWith(Status::SqlError(1063, "42000",
                                           "Incorrect column specifier for column '" + col + "'"));
        if (m > 24) type->base = BaseType::kDouble;
      } else {
        type->length = m;
        type->decimals = d;
        TRY(float_md());
      }
      numeric_modifiers();
      return true;
    }
    case Kw::kFloat4:
      Advance();
      type->base = BaseType::kFloat;
      numeric_modifiers();
      return true;
    case Kw::kFloat8:
      Advance();
      type->base = BaseType::kDouble;
      numeric_modifiers();
      return true;
    case Kw::kDouble:
    case Kw::kReal:
      if (t.kw == Kw::kDouble) {
        Advance();
        AcceptKw(Kw::kPrecision);
      } else {
        Advance();
      }
      type->base = BaseType::kDouble;
      TRY(ParseLengths(*this, &type->length, &type->decimals));
      TRY(float_md());
      numeric_modifiers();
      return true;
    case Kw::kBit:
      Advance();
      type->base = BaseType::kBit;
      TRY(ParseLengths(*this, &type->length, nullptr));
      if (type->length < 0) type->length = 1;
      if (type->length > 64) return FailWith(TooBigDisplayWidth(col, 64));
      return true;
    case Kw::kChar:
    case Kw::kCharacter:
      Advance();
      if (AcceptKw(Kw::kVarying)) return char_type(BaseType::kVarchar, true, -1);
      TRY(char_type(BaseType::kChar, false, 1));
      if (AcceptKw(Kw::kByte)) type->base = BaseType::kBinary;
      return true;
    case Kw::kNchar:
      Advance();
      type->charset = "utf8mb3";
      if (AcceptKw(Kw::kVarchar) || AcceptKw(Kw::kVarying))
        return char_type(BaseType::kVarchar, true, -1);
      return char_type(BaseType::kChar, false, 1);
    case Kw::kNational:
      Advance();
      type->charset = "utf8mb3";
      if (AcceptKw(Kw::kVarchar)) return char_type(BaseType::kVarchar, true, -1);
      if (!AcceptKw(Kw::kChar) && !AcceptKw(Kw::kCharacter)) return Fail();
      if (AcceptKw(Kw::kVarying)) return char_type(BaseType::kVarchar, true, -1);
      return char_type(BaseType::kChar, false, 1);
    case Kw::kNvarchar:
      Advance();
      type->charset = "utf8mb3";
      return char_type(BaseType::kVarchar, true, -1);
    case Kw::kVarchar:
    case Kw::kVarcharacter:
    case Kw::kVarchar2: Advance(); return char_type(BaseType::kVarchar, true, -1);
    case Kw::kBinary: Advance(); return char_type(BaseType::kBinary, false, 1);
    case Kw::kVarbinary: Advance(); return char_type(BaseType::kVarbinary, true, -1);
    case Kw::kTinytext:
      Advance();
      type->base = BaseType::kTinyText;
      return true;
    case Kw::kMediumtext:
      Advance();
      type->base = BaseType::kMediumText;
      return true;
    case Kw::kLongtext:
      Advance();
      type->base = BaseType::kLongText;
      return true;
    case Kw::kTinyblob:
      Advance();
      type->base = BaseType::kTinyBlob;
      return true;
    case Kw::kMediumblob:
      Advance();
      type->base = BaseType::kMediumBlob;
      return true;
    case Kw::kLongblob:
      Advance();
      type->base = BaseType::kLongBlob;
      return true;
    case Kw::kText:
      Advance();
      type->base = BaseType::kText;
      return ParseLengths(*this, &type->length, nullptr);
    case Kw::kBlob: {
      Advance();
      type->base = BaseType::kBlob;
      int32_t n = -1;
      TRY(ParseLengths(*this, &n, nullptr));
      if (n >= 0) {
        type->base = n < 256        ? BaseType::kTinyBlob
                     : n < 65536    ? BaseType::kBlob
                     : n < 16777216 ? BaseType::kMediumBlob
                                    : BaseType::kLongBlob;
      }
      return true;
    }
    case Kw::kLong:
      Advance();
      if (AcceptKw(Kw::kVarbinary)) {
        type->base = BaseType::kMediumBlob;
        return true;
      }
      if (AcceptKw(Kw::kChar) || AcceptKw(Kw::kCharacter)) {
        TRY(ExpectKw(Kw::kVarying));
      } else {
        AcceptKw(Kw::kVarchar);
      }
      type->base = BaseType::kMediumText;
      return true;
    case Kw::kDate:
      Advance();
      type->base = BaseType::kDate;
      return true;
    case Kw::kDatetime: return fsp_type(BaseType::kDatetime);
    case Kw::kTimestamp: return fsp_type(BaseType::kTimestamp);
    case Kw::kTime: return fsp_type(BaseType::kTime);
    case Kw::kYear:
      Advance();
      type->base = BaseType::kYear;
      TRY(ParseLengths(*this, &type->length, nullptr));
      if (type->length >= 0 && type->length != 2) type->length = 4;
      return true;
    case Kw::kEnum:
    case Kw::kSet: {
      type->base = t.kw == Kw::kEnum ? BaseType::kEnum : BaseType::kSet;
      Advance();
      TRY(Expect(TokenType::kLParen));
      do {
        std::string label;
        TRY(ParseStringLiteral(&label));
        type->elements.push_back(std::move(label));
      } while (Accept(TokenType::kComma));
      return Expect(TokenType::kRParen);
    }
    case Kw::kJson:
      Advance();
      type->base = BaseType::kJson;
      return true;
    case Kw::kGeometry:
    case Kw::kPoint:
    case Kw::kLinestring:
    case Kw::kPolygon:
    case Kw::kMultipoint:
    case Kw::kMultilinestring:
    case Kw::kMultipolygon:
    case Kw::kGeometrycollection: return FailUnsupported("spatial data types");
    default:
      if (!t.reserved) {
        return FailWith(Status::SqlError(
            4161, "HY000", "Unknown data type: '" + Lexer::DecodeIdent(sql_, t) + "'"));
      }
      return Fail();
  }
}

bool Parser::ParseDefaultValue(ColumnDef* def, ColumnAttrs* attrs) {
  // DEFAULT already consumed. Only parses; ParseColumnDef computes the
  // ColumnDef fields once the whole definition is known (ApplyColumnDefault).
  (void)def;
  attrs->default_expr.reset();
  if (IsCurrentTimestampWord(*this)) {
    std::string text;
    return ParseCurrentTimestamp(*this, &text, &attrs->default_expr);
  }
  ExprPtr e;
  if (Is(TokenType::kLParen)) {
    e = ParseParenthesized();
  } else if ((IsIdent() && Is(TokenType::kLParen, 1) && !IsKw(Kw::kDate) && !IsKw(Kw::kTime)) ||
             IsKw(Kw::kCurrentDate) || IsKw(Kw::kCurrentTime) || IsKw(Kw::kUtcTimestamp) ||
             IsKw(Kw::kUtcDate) || IsKw(Kw::kUtcTime) || IsKw(Kw::kCurrentUser)) {
    e = ParsePrimary();  // a function call: an expression default
  } else {
    e = ParseSignedLiteral();
  }
  TRY(e);
  attrs->default_expr = std::move(e);
  return true;
}

bool Parser::ParseColumnAttributes(ColumnDef* def, ColumnAttrs* attrs) {
  ColumnType& type = def->type;
  for (;;) {
    const Token& t = Cur();
    if (t.type != TokenType::kIdent) break;
    switch (t.kw) {
      case Kw::kNot:
        Advance();
        TRY(ExpectKw(Kw::kNull));
        def->nullable = false;
        attrs->explicit_not_null = true;
        attrs->explicit_null = false;
        continue;
      case Kw::kNull:
        Advance();
        def->nullable = true;
        attrs->explicit_null = true;
        attrs->explicit_not_null = false;
        continue;
      case Kw::kDefault:
        Advance();
        TRY(ParseDefaultValue(def, attrs));
        continue;
      case Kw::kAutoIncrement:
        Advance();
        def->auto_increment = true;
        continue;
      case Kw::kPrimary:
        Advance();
        TRY(ExpectKw(Kw::kKey));
        attrs->primary_key = true;
        continue;
      case Kw::kKey:
        Advance();
        attrs->primary_key = true;
        continue;
      case Kw::kUnique:
        Advance();
        AcceptKw(Kw::kKey);
        attrs->unique_key = true;
        continue;
      case Kw::kComment:
        Advance();
        TRY(ParseStringLiteral(&def->comment));
        continue;
      case Kw::kCharset:
        Advance();
        TRY(ParseCharsetName(&type.charset));
        continue;
      case Kw::kCharacter:
        Advance();
        TRY(ExpectKw(Kw::kSet));
        TRY(ParseCharsetName(&type.charset));
        continue;
      case Kw::kCollate:
        Advance();
        TRY(ParseCharsetName(&type.collation));
        continue;
      case Kw::kBinary:
        // CHAR(n) BINARY: the charset's binary collation.
        Advance();
        if (type.collation.empty()) type.collation = "_bin";
        continue;
      case Kw::kAscii:
        Advance();
        type.charset = "latin1";
        continue;
      case Kw::kUnicode:
        Advance();
        type.charset = "ucs2";
        continue;
      case Kw::kOn:
        Advance();
        TRY(ExpectKw(Kw::kUpdate));
        if (!IsCurrentTimestampWord(*this)) return Fail();
        {
          std::string text;
          TRY(ParseCurrentTimestamp(*this, &text, &attrs->on_update_expr));
        }
        def->on_update_current_timestamp = true;
        continue;
      case Kw::kColumnFormat:
      case Kw::kStorage:
        Advance();
        if (!(IsAnyWord())) return Fail();
        Advance();
        continue;
      case Kw::kInvisible:
        Advance();
        attrs->invisible = true;
        continue;
      case Kw::kGenerated:
        Advance();
        TRY(ExpectKw(Kw::kAlways));
        if (!IsKw(Kw::kAs)) return Fail();
        [[fallthrough]];
      case Kw::kAs: {
        Advance();
        ExprPtr g = ParseParenthesized();
        TRY(g);
        if (!(AcceptKw(Kw::kVirtual) || AcceptKw(Kw::kPersistent) || AcceptKw(Kw::kStored))) {
          // default VIRTUAL
        }
        attrs->generated = true;
        continue;
      }
      case Kw::kConstraint:
        Advance();
        if (!IsKw(Kw::kCheck)) {
          std::string ignored;
          TRY(ParseIdent(&ignored));
        }
        if (!IsKw(Kw::kCheck)) return Fail();
        [[fallthrough]];
      case Kw::kCheck: {
        Advance();
        ExprPtr c = ParseParenthesized();
        TRY(c);
        attrs->check_text = ToSql(*c);
        attrs->check = std::move(c);
        continue;
      }
      case Kw::kReferences: {
        ForeignKeySpec fk;
        TRY(ParseReferences(&fk));
        attrs->references = true;
        continue;
      }
      case Kw::kSerial:
        Advance();
        TRY(ExpectKw(Kw::kDefault));
        TRY(ExpectKw(Kw::kValue));
        def->nullable = false;
        def->auto_increment = true;
        attrs->unique_key = true;
        continue;
      case Kw::kCompressed:
        Advance();
        if (Accept(TokenType::kEq)) {
          std::string method;
          TRY(ParseIdent(&method));
        }
        continue;
      case Kw::kRefSystemId: {
        Advance();
        TRY(Expect(TokenType::kEq));
        uint64_t v;
        TRY(ParseNumber(&v));
        continue;
      }
      case Kw::kWith:
      case Kw::kWithout:
        if (IsKw(Kw::kSystem, 1)) return FailUnsupported("SYSTEM VERSIONING");
        break;
      default: break;
    }
    break;
  }
  return true;
}

bool Parser::ParseColumnDef(ColumnDef* def, ColumnAttrs* attrs) {
  uint32_t start = Cur().offset;
  TRY(ParseIdent(&def->name));
  TRY(ParseDataType(&def->type, def->name, attrs, def));
  TRY(ParseColumnAttributes(def, attrs));
  attrs->span = SpanFrom(start);
  // "_bin" from the BINARY attribute: the charset's binary collation.
  if (def->type.collation == "_bin" && !def->type.charset.empty())
    def->type.collation = def->type.charset + "_bin";
  if (attrs->primary_key) def->nullable = false;
  if (attrs->default_expr != nullptr) {
    Status s = ApplyColumnDefault(*attrs->default_expr, def);
    if (!s.ok()) return FailWith(std::move(s));
  }
  return true;
}

Status ApplyColumnDefault(const Expr& default_expr, ColumnDef* column) {
  column->default_value.reset();
  column->default_is_null = false;
  column->default_is_expression = false;
  if (IsLiteralDefault(default_expr)) return NormalizeLiteralDefault(default_expr, column);
  column->default_is_expression = true;
  column->default_value = DefaultExprText(default_expr);
  return Status::Ok();
}

}  // namespace relaydb::sql
