// DDL parsing: CREATE/DROP/ALTER DATABASE, CREATE/DROP/ALTER/RENAME/
// TRUNCATE TABLE, CREATE/DROP INDEX, column types and attributes. CREATE
// TABLE fills sql/schema.h's TableDef directly, applying MariaDB's
// parse-time rules: type spellings and limits, DEFAULT canonical text,
// inline keys, index names, key order (see CreateTableStmt in ast.h).
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

// Canonical engine names as SHOW CREATE TABLE prints them.
std::string CanonicalEngine(const std::string& name) {
  static constexpr std::string_view kEngines[] = {"InnoDB",   "MyISAM",   "MEMORY",    "Aria",
                                                  "CSV",      "ARCHIVE",  "BLACKHOLE", "MRG_MyISAM",
                                                  "SEQUENCE", "FEDERATED"};
  for (std::string_view e : kEngines)
    if (EqualsIgnoreCase(e, name)) return std::string(e);
  if (EqualsIgnoreCase(name, "HEAP")) return "MEMORY";
  if (EqualsIgnoreCase(name, "MERGE") || EqualsIgnoreCase(name, "MRG_MYISAM")) return "MRG_MyISAM";
  return name;
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

}  // namespace

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

// ( col [(len)] [ASC|DESC], ... )
bool Parser::ParseIndexColumns(IndexDef* index) {
  TRY(Expect(TokenType::kLParen));
  do {
    if (Is(TokenType::kLParen)) return FailUnsupported("functional key parts");
    IndexColumn c;
    TRY(ParseIdent(&c.name));
    if (Accept(TokenType::kLParen)) {
      uint64_t n;
      TRY(ParseNumber(&n));
      c.prefix_length = static_cast<int32_t>(n > 0x7fffffff ? 0x7fffffff : n);
      TRY(Expect(TokenType::kRParen));
    }
    if (AcceptKw(Kw::kDesc)) {
      c.descending = true;
    } else {
      AcceptKw(Kw::kAsc);
    }
    index->columns.push_back(std::move(c));
  } while (Accept(TokenType::kComma));
  return Expect(TokenType::kRParen);
}

// Index options after the column list (and USING before it).
bool Parser::ParseIndexOptions(IndexDef* index) {
  for (;;) {
    if (AcceptKw(Kw::kUsing) || AcceptKw(Kw::kType)) {
      if (!(AcceptKw(Kw::kBtree) || AcceptKw(Kw::kHash) || AcceptKw(Kw::kRtree))) return Fail();
      continue;
    }
    if (AcceptKw(Kw::kComment)) {
      TRY(ParseStringLiteral(&index->comment));
      continue;
    }
    if (AcceptKw(Kw::kKeyBlockSize)) {
      AcceptEq();
      uint64_t v;
      TRY(ParseNumber(&v));
      continue;
    }
    if (IsKw(Kw::kWith) && IsKw(Kw::kParser, 1)) {
      Advance();
      Advance();
      std::string p;
      TRY(ParseIdent(&p));
      continue;
    }
    if (AcceptKw(Kw::kVisible) || AcceptKw(Kw::kInvisible) || AcceptKw(Kw::kIgnored)) continue;
    if (IsKw(Kw::kNot) && IsKw(Kw::kIgnored, 1)) {
      Advance();
      Advance();
      continue;
    }
    if (IsKw(Kw::kClustering) && Is(TokenType::kEq, 1)) return Fail();
    break;
  }
  return true;
}

bool Parser::ParseReferences(ForeignKeySpec* fk) {
  TRY(ExpectKw(Kw::kReferences));
  TRY(ParseTableName(&fk->ref_table));
  if (Is(TokenType::kLParen)) TRY(ParseIdentList(&fk->ref_columns));
  for (;;) {
    if (AcceptKw(Kw::kMatch)) {
      if (!(AcceptKw(Kw::kFull) || AcceptKw(Kw::kPartial) || AcceptKw(Kw::kSimple))) return Fail();
      continue;
    }
    if (IsKw(Kw::kOn) && (IsKw(Kw::kDelete, 1) || IsKw(Kw::kUpdate, 1))) {
      Advance();
      Advance();
      if (AcceptKw(Kw::kRestrict) || AcceptKw(Kw::kCascade)) continue;
      if (AcceptKw(Kw::kSet)) {
        if (!(AcceptKw(Kw::kNull) || AcceptKw(Kw::kDefault))) return Fail();
        continue;
      }
      if (AcceptKw(Kw::kNo)) {
        TRY(ExpectKw(Kw::kAction));
        continue;
      }
      return Fail();
    }
    break;
  }
  return true;
}

bool Parser::ParseForeignKeyRest(ForeignKeySpec* fk) {
  // After FOREIGN KEY.
  if (IsIdent() && !Is(TokenType::kLParen)) {
    std::string name;
    TRY(ParseIdent(&name));
    if (fk->name.empty()) fk->name = std::move(name);
  }
  TRY(ParseIdentList(&fk->columns));
  return ParseReferences(fk);
}

// One table option; sets *parsed false (and consumes nothing) if the
// current token does not start one.
bool Parser::ParseTableOption(std::vector<TableOption>* options, bool* parsed) {
  *parsed = true;
  const Token& t = Cur();
  if (t.type != TokenType::kIdent) {
    *parsed = false;
    return true;
  }
  auto value_word = [&](std::string* v) -> bool {
    AcceptEq();
    if (Is(TokenType::kString)) return ParseStringLiteral(v);
    if (Is(TokenType::kInteger) || Is(TokenType::kDecimal)) {
      *v = std::string(Text(Cur()));
      Advance();
      return true;
    }
    if (IsIdent() || IsKw(Kw::kDefault)) {
      *v = Lexer::DecodeIdent(sql_, Cur());
      Advance();
      return true;
    }
    return Fail();
  };
  // Typed values: numbers for size/count options, strings for texts.
  auto value_number = [&](std::string* v) -> bool {
    AcceptEq();
    if (Is(TokenType::kInteger)) {
      *v = std::string(Text(Cur()));
      Advance();
      return true;
    }
    if (IsKw(Kw::kDefault)) {
      *v = "DEFAULT";
      Advance();
      return true;
    }
    return Fail();
  };
  auto value_string = [&](std::string* v) -> bool {
    AcceptEq();
    return ParseStringLiteral(v);
  };
  std::string name;
  std::string value;
  // DEFAULT must introduce CHARSET / CHARACTER SET / COLLATE.
  const bool is_default = t.kw == Kw::kDefault;
  if (is_default) {
    Advance();
    if (!(IsKw(Kw::kCharset) || IsKw(Kw::kCharacter) || IsKw(Kw::kCollate))) return Fail();
  }
  const Token& k = Cur();
  switch (k.kw) {
    case Kw::kEngine:
    case Kw::kType:
      Advance();
      TRY(value_word(&value));
      options->push_back({"ENGINE", CanonicalEngine(value)});
      return true;
    case Kw::kCharset:
    case Kw::kCharacter:
      Advance();
      if (k.kw == Kw::kCharacter) TRY(ExpectKw(Kw::kSet));
      AcceptEq();
      if (AcceptKw(Kw::kDefault)) {
        value = "default";
      } else {
        TRY(ParseCharsetName(&value));
      }
      options->push_back({"DEFAULT CHARSET", value});
      return true;
    case Kw::kCollate:
      Advance();
      AcceptEq();
      if (AcceptKw(Kw::kDefault)) {
        value = "default";
      } else {
        TRY(ParseCharsetName(&value));
      }
      options->push_back({"COLLATE", value});
      return true;
    case Kw::kAutoIncrement:
    case Kw::kAvgRowLength:
    case Kw::kChecksum:
    case Kw::kTableChecksum:
    case Kw::kDelayKeyWrite:
    case Kw::kKeyBlockSize:
    case Kw::kMaxRows:
    case Kw::kMinRows:
    case Kw::kPackKeys:
    case Kw::kPageChecksum:
    case Kw::kStatsAutoRecalc:
    case Kw::kStatsPersistent:
    case Kw::kStatsSamplePages:
    case Kw::kTransactional:
    case Kw::kEncryptionKeyId:
    case Kw::kPageCompressionLevel:
      name = ToUpperAscii(Text(k));
      if (k.kw == Kw::kTableChecksum) name = "CHECKSUM";
      Advance();
      TRY(value_number(&value));
      options->push_back({name, value});
      return true;
    case Kw::kComment:
    case Kw::kConnection:
    case Kw::kPassword:
      name = ToUpperAscii(Text(k));
      Advance();
      TRY(value_string(&value));
      options->push_back({name, value});
      return true;
    case Kw::kInsertMethod:
    case Kw::kRowFormat:
    case Kw::kEncrypted:
    case Kw::kPageCompressed:
    case Kw::kIetfQuotes:
    case Kw::kSequence:
      name = ToUpperAscii(Text(k));
      Advance();
      TRY(value_word(&value));
      if (name == "ROW_FORMAT" || name == "INSERT_METHOD") value = ToUpperAscii(value);
      options->push_back({name, value});
      return true;
    case Kw::kData:
    case Kw::kIndex:
      if (!IsKw(Kw::kDirectory, 1)) break;
      name = k.kw == Kw::kData ? "DATA DIRECTORY" : "INDEX DIRECTORY";
      Advance();
      Advance();
      AcceptEq();
      TRY(ParseStringLiteral(&value));
      options->push_back({name, value});
      return true;
    case Kw::kUnion: {
      Advance();
      AcceptEq();
      std::vector<TableName> tables;
      TRY(Expect(TokenType::kLParen));
      if (!Is(TokenType::kRParen)) TRY(ParseTableNameList(&tables));
      TRY(Expect(TokenType::kRParen));
      for (const TableName& tn : tables) {
        if (!value.empty()) value += ",";
        value += tn.db.empty() ? tn.name : tn.db + "." + tn.name;
      }
      options->push_back({"UNION", value});
      return true;
    }
    case Kw::kTablespace:
      Advance();
      TRY(value_word(&value));
      options->push_back({"TABLESPACE", value});
      return true;
    case Kw::kWith:
      if (IsKw(Kw::kSystem, 1)) return FailUnsupported("SYSTEM VERSIONING");
      break;
    default: break;
  }
  *parsed = false;
  return true;
}

// ---------------------------------------------------------------------------
// CREATE
// ---------------------------------------------------------------------------

StatementPtr Parser::ParseCreate() {
  Advance();  // CREATE
  bool or_replace = false;
  if (IsKw(Kw::kOr)) {
    Advance();
    TRY(ExpectKw(Kw::kReplace));
    or_replace = true;
  }
  const Token& t = Cur();
  switch (t.kw) {
    case Kw::kTemporary:
      Advance();
      if (!IsKw(Kw::kTable)) {
        if (IsKw(Kw::kSequence)) return ParseUnsupported("CREATE SEQUENCE", false);
        Fail();
        return nullptr;
      }
      return ParseCreateTable(or_replace, true);
    case Kw::kTable: return ParseCreateTable(or_replace, false);
    case Kw::kDatabase:
    case Kw::kSchema: return ParseCreateDatabase(or_replace);
    case Kw::kUnique: Advance(); return ParseCreateIndex(or_replace, IndexKind::kUnique);
    case Kw::kFulltext: Advance(); return ParseCreateIndex(or_replace, IndexKind::kFulltext);
    case Kw::kSpatial: return ParseUnsupported("CREATE SPATIAL INDEX", false);
    case Kw::kIndex: return ParseCreateIndex(or_replace, IndexKind::kIndex);
    case Kw::kOnline:
    case Kw::kOffline:
      Advance();
      if (AcceptKw(Kw::kUnique)) return ParseCreateIndex(or_replace, IndexKind::kUnique);
      return ParseCreateIndex(or_replace, IndexKind::kIndex);
    case Kw::kUser: return ParseCreateUser(or_replace);
    case Kw::kRole: return ParseUnsupported("CREATE ROLE", false);
    case Kw::kView:
    case Kw::kAlgorithm:
    case Kw::kSql: return ParseCreateView();
    case Kw::kDefiner: {
      // DEFINER = user: find what follows to name the feature.
      size_t k = 1;
      while (!Is(TokenType::kEnd, k) && !Is(TokenType::kSemicolon, k)) {
        const Token& x = Peek(k);
        if (x.type == TokenType::kIdent &&
            (x.kw == Kw::kProcedure || x.kw == Kw::kFunction || x.kw == Kw::kTrigger ||
             x.kw == Kw::kEvent || x.kw == Kw::kView || x.kw == Kw::kPackage)) {
          if (x.kw == Kw::kView) return ParseCreateView();
          std::string what = "CREATE " + ToUpperAscii(Text(x));
          return ParseUnsupported(what, true);
        }
        ++k;
      }
      return ParseUnsupported("CREATE VIEW", false);
    }
    case Kw::kProcedure: return ParseUnsupported("CREATE PROCEDURE", true);
    case Kw::kFunction:
    case Kw::kAggregate: return ParseUnsupported("CREATE FUNCTION", true);
    case Kw::kTrigger: return ParseUnsupported("CREATE TRIGGER", true);
    case Kw::kEvent: return ParseUnsupported("CREATE EVENT", true);
    case Kw::kPackage: return ParseUnsupported("CREATE PACKAGE", true);
    case Kw::kSequence: return ParseUnsupported("CREATE SEQUENCE", false);
    case Kw::kServer: return ParseUnsupported("CREATE SERVER", false);
    case Kw::kTablespace:
    case Kw::kLogfile: return ParseUnsupported("CREATE TABLESPACE", false);
    default: Fail(); return nullptr;
  }
}

// CREATE [OR REPLACE] [ALGORITHM = x] [DEFINER = user] [SQL SECURITY x]
// VIEW [IF NOT EXISTS] name [(cols)] AS query [WITH [CASCADED|LOCAL] CHECK
// OPTION]: validated, then unsupported.
StatementPtr Parser::ParseCreateView() {
  for (;;) {
    if (AcceptKw(Kw::kAlgorithm)) {
      TRY(Expect(TokenType::kEq));
      if (!(AcceptKw(Kw::kUndefined) || AcceptKw(Kw::kMerge) || AcceptKw(Kw::kTemptable))) {
        Fail();
        return nullptr;
      }
      continue;
    }
    if (AcceptKw(Kw::kDefiner)) {
      TRY(Expect(TokenType::kEq));
      UserSpec u;
      TRY(ParseUserSpec(&u));
      continue;
    }
    if (AcceptKw(Kw::kSql)) {
      TRY(ExpectKw(Kw::kSecurity));
      if (!(AcceptKw(Kw::kDefiner) || AcceptKw(Kw::kInvoker))) {
        Fail();
        return nullptr;
      }
      continue;
    }
    break;
  }
  TRY(ExpectKw(Kw::kView));
  if (IsKw(Kw::kIf)) {
    Advance();
    TRY(ExpectKw(Kw::kNot));
    TRY(ExpectKw(Kw::kExists));
  }
  TableName name;
  TRY(ParseTableName(&name));
  if (Is(TokenType::kLParen)) {
    std::vector<std::string> cols;
    TRY(ParseIdentList(&cols));
  }
  TRY(ExpectKw(Kw::kAs));
  QueryPtr q = ParseQuery();
  TRY(q);
  if (AcceptKw(Kw::kWith)) {
    if (!AcceptKw(Kw::kCascaded)) AcceptKw(Kw::kLocal);
    TRY(ExpectKw(Kw::kCheck));
    TRY(ExpectKw(Kw::kOption));
  }
  auto u = std::make_unique<UnsupportedStmt>();
  u->feature = "CREATE VIEW";
  return u;
}

bool Parser::ParseDatabaseOptions(std::string* charset, std::string* collation,
                                  std::optional<std::string>* comment, bool* any) {
  for (;;) {
    const bool dflt = AcceptKw(Kw::kDefault);  // DEFAULT {CHARSET|CHARACTER SET|COLLATE}
    if (IsKw(Kw::kCharset) || IsKw(Kw::kCharacter)) {
      if (AcceptKw(Kw::kCharacter)) {
        TRY(ExpectKw(Kw::kSet));
      } else {
        Advance();
      }
      AcceptEq();
      TRY(ParseCharsetName(charset));
      *any = true;
      continue;
    }
    if (AcceptKw(Kw::kCollate)) {
      AcceptEq();
      TRY(ParseCharsetName(collation));
      *any = true;
      continue;
    }
    if (dflt) return Fail();
    if (AcceptKw(Kw::kComment)) {
      AcceptEq();
      std::string c;
      TRY(ParseStringLiteral(&c));
      *comment = std::move(c);
      *any = true;
      continue;
    }
    break;
  }
  return true;
}

StatementPtr Parser::ParseCreateDatabase(bool or_replace) {
  Advance();  // DATABASE | SCHEMA
  auto s = std::make_unique<CreateDatabaseStmt>();
  s->or_replace = or_replace;
  if (IsKw(Kw::kIf)) {
    Advance();
    TRY(ExpectKw(Kw::kNot));
    TRY(ExpectKw(Kw::kExists));
    s->if_not_exists = true;
  }
  TRY(ParseIdent(&s->name));
  bool any = false;
  TRY(ParseDatabaseOptions(&s->charset, &s->collation, &s->comment, &any));
  return s;
}

StatementPtr Parser::ParseCreateIndex(bool or_replace, IndexKind kind) {
  TRY(ExpectKw(Kw::kIndex));
  auto s = std::make_unique<CreateIndexStmt>();
  s->or_replace = or_replace;
  s->index.kind = kind;
  if (IsKw(Kw::kIf)) {
    Advance();
    TRY(ExpectKw(Kw::kNot));
    TRY(ExpectKw(Kw::kExists));
    s->if_not_exists = true;
  }
  TRY(ParseIdent(&s->index.name));
  TRY(ParseIndexOptions(&s->index));
  TRY(ExpectKw(Kw::kOn));
  TRY(ParseTableName(&s->table));
  TRY(ParseIndexColumns(&s->index));
  TRY(ParseIndexOptions(&s->index));
  for (;;) {
    if (AcceptKw(Kw::kAlgorithm) || AcceptKw(Kw::kLock)) {
      AcceptEq();
      if (!IsAnyWord()) {
        Fail();
        return nullptr;
      }
      Advance();
      continue;
    }
    break;
  }
  return s;
}

namespace {

// A key definition inside CREATE TABLE / ALTER TABLE ADD. `constraint` is
// the CONSTRAINT symbol (or empty). Current token: PRIMARY/UNIQUE/KEY/
// INDEX/FULLTEXT/SPATIAL.
bool ParseKeyDefinition(Parser& p, const std::string& constraint, IndexDef* index,
                        bool* if_not_exists) {
  if (p.AcceptKw(Kw::kPrimary)) {
    TRY(p.ExpectKw(Kw::kKey));
    index->kind = IndexKind::kPrimary;
    index->name = "PRIMARY";
  } else if (p.AcceptKw(Kw::kUnique)) {
    if (!p.AcceptKw(Kw::kIndex)) p.AcceptKw(Kw::kKey);
    index->kind = IndexKind::kUnique;
  } else if (p.AcceptKw(Kw::kFulltext)) {
    if (!p.AcceptKw(Kw::kIndex)) p.AcceptKw(Kw::kKey);
    index->kind = IndexKind::kFulltext;
  } else if (p.IsKw(Kw::kSpatial)) {
    return p.FailUnsupported("SPATIAL indexes");
  } else if (p.AcceptKw(Kw::kKey) || p.AcceptKw(Kw::kIndex)) {
    index->kind = IndexKind::kIndex;
  } else {
    return p.Fail();
  }
  if (index->kind != IndexKind::kPrimary) {
    if (p.AcceptKw(Kw::kIf)) {
      TRY(p.ExpectKw(Kw::kNot));
      TRY(p.ExpectKw(Kw::kExists));
      if (if_not_exists != nullptr) *if_not_exists = true;
    }
    if (p.IsIdent() && !p.IsKw(Kw::kUsing) && !p.IsKw(Kw::kType)) {
      TRY(p.ParseIdent(&index->name));
    } else if (!constraint.empty()) {
      index->name = constraint;
    }
  }
  TRY(p.ParseIndexOptions(index));
  TRY(p.ParseIndexColumns(index));
  return p.ParseIndexOptions(index);
}

bool IsKeyStart(const Parser& p) {
  return p.IsKw(Kw::kPrimary) || p.IsKw(Kw::kUnique) || p.IsKw(Kw::kKey) || p.IsKw(Kw::kIndex) ||
         p.IsKw(Kw::kFulltext) || p.IsKw(Kw::kSpatial);
}

}  // namespace

StatementPtr Parser::ParseCreateTable(bool or_replace, bool temporary) {
  TRY(ExpectKw(Kw::kTable));
  auto s = std::make_unique<CreateTableStmt>();
  s->or_replace = or_replace;
  s->temporary = temporary;
  if (IsKw(Kw::kIf)) {
    Advance();
    TRY(ExpectKw(Kw::kNot));
    TRY(ExpectKw(Kw::kExists));
    s->if_not_exists = true;
  }
  TableName name;
  TRY(ParseTableName(&name));
  s->table.db = name.db;
  s->table.name = name.name;
  if (AcceptKw(Kw::kLike)) {
    TableName like;
    TRY(ParseTableName(&like));
    s->like = std::move(like);
    return s;
  }
  if (Is(TokenType::kLParen) && IsKw(Kw::kLike, 1)) {
    Advance();
    Advance();
    TableName like;
    TRY(ParseTableName(&like));
    TRY(Expect(TokenType::kRParen));
    s->like = std::move(like);
    return s;
  }
  std::vector<IndexDef> keys;  // in source order, names not yet assigned
  if (Is(TokenType::kLParen) && !IsQueryStart(1) && !Is(TokenType::kLParen, 1)) {
    Advance();
    s->has_definitions = true;
    do {
      std::string constraint;
      bool has_constraint = false;
      if (AcceptKw(Kw::kConstraint)) {
        has_constraint = true;
        if (IsIdent() && !IsKw(Kw::kCheck)) TRY(ParseIdent(&constraint));
      }
      if (IsKw(Kw::kForeign)) {
        Advance();
        TRY(ExpectKw(Kw::kKey));
        ForeignKeySpec fk;
        fk.name = constraint;
        TRY(ParseForeignKeyRest(&fk));
        s->foreign_keys.push_back(std::move(fk));
        continue;
      }
      if (IsKw(Kw::kCheck)) {
        Advance();
        CheckConstraint c;
        c.name = constraint;
        c.expr = ParseParenthesized();
        TRY(c.expr);
        c.text = ToSql(*c.expr);
        s->checks.push_back(std::move(c));
        continue;
      }
      if (IsKeyStart(*this)) {
        if (has_constraint && !IsKw(Kw::kPrimary) && !IsKw(Kw::kUnique)) {
          Fail();
          return nullptr;
        }
        IndexDef idx;
        TRY(ParseKeyDefinition(*this, constraint, &idx, nullptr));
        keys.push_back(std::move(idx));
        continue;
      }
      if (has_constraint) {
        Fail();
        return nullptr;
      }
      if (IsKw(Kw::kPeriod) && IsKw(Kw::kFor, 1)) {
        FailUnsupported("PERIOD FOR");
        return nullptr;
      }
      ColumnDef col;
      ColumnAttrs attrs;
      TRY(ParseColumnDef(&col, &attrs));
      if (attrs.primary_key) {
        IndexDef idx;
        idx.kind = IndexKind::kPrimary;
        idx.name = "PRIMARY";
        idx.columns.push_back(IndexColumn{col.name, -1, false});
        keys.push_back(std::move(idx));
      }
      if (attrs.unique_key) {
        IndexDef idx;
        idx.kind = IndexKind::kUnique;
        idx.columns.push_back(IndexColumn{col.name, -1, false});
        keys.push_back(std::move(idx));
      }
      s->table.columns.push_back(std::move(col));
      s->column_attrs.push_back(std::move(attrs));
    } while (Accept(TokenType::kComma));
    TRY(Expect(TokenType::kRParen));
  }
  // Table options, optionally comma-separated.
  for (;;) {
    bool parsed = false;
    TRY(ParseTableOption(&s->options, &parsed));
    if (!parsed) break;
    if (Accept(TokenType::kComma)) {  // a comma must be followed by another option
      TRY(ParseTableOption(&s->options, &parsed));
      if (!parsed) {
        Fail();
        return nullptr;
      }
    }
  }
  if (IsKw(Kw::kPartition)) {
    FailUnsupported("PARTITION");
    return nullptr;
  }
  if (AcceptKw(Kw::kIgnore)) {
    s->duplicates = CreateTableStmt::Duplicates::kIgnore;
  } else if (AcceptKw(Kw::kReplace)) {
    s->duplicates = CreateTableStmt::Duplicates::kReplace;
  }
  bool as = AcceptKw(Kw::kAs);
  if (IsQueryStart(0) || Is(TokenType::kLParen)) {
    s->select = ParseQuery();
    TRY(s->select);
  } else if (as || s->duplicates != CreateTableStmt::Duplicates::kError) {
    Fail();
    return nullptr;
  }
  if (!s->has_definitions && !s->select) {
    if (!AtStatementEnd()) {
      Fail();
      return nullptr;
    }
    // MariaDB: "A table must have at least 1 column".
    FailWith(Status::SqlError(1113, "42000", "A table must have at least 1 column"));
    return nullptr;
  }

  // Table options into the TableDef.
  for (const TableOption& o : s->options) {
    if (o.name == "ENGINE") {
      s->table.engine = o.value;
      s->engine_given = true;
    } else if (o.name == "AUTO_INCREMENT") {
      s->table.auto_increment = std::strtoull(o.value.c_str(), nullptr, 10);
      s->auto_increment_given = true;
    } else if (o.name == "DEFAULT CHARSET") {
      s->table.charset = o.value == "default" ? "" : o.value;
    } else if (o.name == "COLLATE") {
      s->table.collation = o.value == "default" ? "" : o.value;
    } else if (o.name == "COMMENT") {
      s->table.comment = o.value;
    }
  }

  // Keys: name in source order, check duplicates, primary key columns NOT NULL.
  std::vector<IndexDef>& out = s->table.indexes;
  bool have_primary = false;
  for (IndexDef& k : keys) {
    if (k.kind == IndexKind::kPrimary) {
      if (have_primary) {
        FailWith(Status::SqlError(1068, "42000", "Multiple primary key defined"));
        return nullptr;
      }
      have_primary = true;
      for (const IndexColumn& c : k.columns) {
        for (ColumnDef& col : s->table.columns)
          if (EqualsIgnoreCase(col.name, c.name)) col.nullable = false;
      }
    } else if (k.name.empty()) {
      k.name = AssignIndexName(out, k.columns.empty() ? "" : k.columns[0].name);
    } else {
      for (const IndexDef& e : out) {
        if (EqualsIgnoreCase(e.name, k.name)) {
          FailWith(Status::SqlError(1061, "42000", "Duplicate key name '" + k.name + "'"));
          return nullptr;
        }
      }
    }
    out.push_back(std::move(k));
  }
  SortIndexes(s->table.columns, &out);
  // Unnamed CHECK constraints: CONSTRAINT_1, CONSTRAINT_2, ...
  int n = 1;
  for (CheckConstraint& c : s->checks) {
    if (!c.name.empty()) continue;
    for (;;) {
      std::string candidate = "CONSTRAINT_" + std::to_string(n++);
      bool taken = false;
      for (const CheckConstraint& o : s->checks)
        taken = taken || EqualsIgnoreCase(o.name, candidate);
      if (!taken) {
        c.name = candidate;
        break;
      }
    }
  }
  return s;
}

// ---------------------------------------------------------------------------
// DROP / RENAME / TRUNCATE
// ---------------------------------------------------------------------------

StatementPtr Parser::ParseDrop() {
  Advance();  // DROP
  const Token& t = Cur();
  // IF EXISTS; IF alone is consumed (MariaDB then fails at what follows).
  bool if_ok = true;
  auto if_exists = [&]() -> bool {
    if (!AcceptKw(Kw::kIf)) return false;
    if_ok = ExpectKw(Kw::kExists);
    return true;
  };
  switch (t.kw) {
    case Kw::kTemporary:
    case Kw::kTable:
    case Kw::kTables: {
      auto s = std::make_unique<DropTableStmt>();
      if (AcceptKw(Kw::kTemporary)) s->temporary = true;
      if (!AcceptKw(Kw::kTable) && !AcceptKw(Kw::kTables)) {
        Fail();
        return nullptr;
      }
      s->if_exists = if_exists();
      TRY(if_ok);
      if (IsKw(Kw::kWait) || IsKw(Kw::kNowait)) {
        Fail();
        return nullptr;
      }
      TRY(ParseTableNameList(&s->tables));
      if (AcceptKw(Kw::kRestrict)) {
        s->restrict_ = true;
      } else if (AcceptKw(Kw::kCascade)) {
        s->cascade = true;
      }
      return s;
    }
    case Kw::kDatabase:
    case Kw::kSchema: {
      Advance();
      auto s = std::make_unique<DropDatabaseStmt>();
      s->if_exists = if_exists();
      TRY(if_ok);
      TRY(ParseIdent(&s->name));
      return s;
    }
    case Kw::kIndex: {
      Advance();
      auto s = std::make_unique<DropIndexStmt>();
      s->if_exists = if_exists();
      TRY(if_ok);
      if (AcceptKw(Kw::kPrimary)) {
        s->name = "PRIMARY";
      } else {
        TRY(ParseIdent(&s->name));
      }
      TRY(ExpectKw(Kw::kOn));
      TRY(ParseTableName(&s->table));
      for (;;) {
        if (AcceptKw(Kw::kAlgorithm) || AcceptKw(Kw::kLock)) {
          AcceptEq();
          if (!IsAnyWord()) {
            Fail();
            return nullptr;
          }
          Advance();
          continue;
        }
        break;
      }
      return s;
    }
    case Kw::kUser: return ParseDropUser();
    case Kw::kView:
    case Kw::kProcedure:
    case Kw::kFunction:
    case Kw::kTrigger:
    case Kw::kEvent:
    case Kw::kSequence: {
      // DROP <object> [IF EXISTS] name[, ...] [RESTRICT|CASCADE]: validated,
      // then unsupported.
      std::string what = "DROP " + ToUpperAscii(Text(t));
      const bool list = t.kw == Kw::kView || t.kw == Kw::kSequence;
      Advance();
      if (AcceptKw(Kw::kIf)) TRY(ExpectKw(Kw::kExists));
      std::vector<TableName> names;
      if (list) {
        TRY(ParseTableNameList(&names));
        if (!AcceptKw(Kw::kRestrict)) AcceptKw(Kw::kCascade);
      } else {
        TableName n;
        TRY(ParseTableName(&n));
      }
      auto u = std::make_unique<UnsupportedStmt>();
      u->feature = std::move(what);
      return u;
    }
    case Kw::kRole: return ParseUnsupported("DROP ROLE", false);
    case Kw::kServer: return ParseUnsupported("DROP SERVER", false);
    case Kw::kPackage: return ParseUnsupported("DROP PACKAGE", false);
    case Kw::kPrepare: {
      Advance();
      std::string name;
      TRY(ParseIdent(&name));
      auto u = std::make_unique<UnsupportedStmt>();
      u->feature = "DEALLOCATE PREPARE";
      return u;
    }
    default: Fail(); return nullptr;
  }
}

StatementPtr Parser::ParseRename() {
  Advance();  // RENAME
  if (IsKw(Kw::kUser)) return ParseRenameUser();
  if (!AcceptKw(Kw::kTable) && !AcceptKw(Kw::kTables)) {
    Fail();
    return nullptr;
  }
  auto s = std::make_unique<RenameTableStmt>();
  if (AcceptKw(Kw::kIf)) {
    TRY(ExpectKw(Kw::kExists));
    s->if_exists = true;
  }
  do {
    TableName from, to;
    TRY(ParseTableName(&from));
    if (IsKw(Kw::kWait) || IsKw(Kw::kNowait)) {
      Fail();
      return nullptr;
    }
    TRY(ExpectKw(Kw::kTo));
    TRY(ParseTableName(&to));
    s->renames.emplace_back(std::move(from), std::move(to));
  } while (Accept(TokenType::kComma));
  return s;
}

StatementPtr Parser::ParseTruncate() {
  Advance();  // TRUNCATE
  AcceptKw(Kw::kTable);
  auto s = std::make_unique<TruncateStmt>();
  TRY(ParseTableName(&s->table));
  return s;
}

// ---------------------------------------------------------------------------
// ALTER
// ---------------------------------------------------------------------------

StatementPtr Parser::ParseAlter() {
  Advance();  // ALTER
  const Token& t = Cur();
  switch (t.kw) {
    case Kw::kTable:
    case Kw::kOnline:
    case Kw::kIgnore: return ParseAlterTable();
    case Kw::kDatabase:
    case Kw::kSchema: {
      Advance();
      auto s = std::make_unique<AlterDatabaseStmt>();
      if (IsIdent() && !IsKw(Kw::kCharset) && !IsKw(Kw::kCharacter) && !IsKw(Kw::kCollate) &&
          !IsKw(Kw::kComment)) {
        TRY(ParseIdent(&s->name));
      }
      if (IsKw(Kw::kUpgrade))
        return ParseUnsupported("ALTER DATABASE UPGRADE DATA DIRECTORY NAME", false);
      bool any = false;
      TRY(ParseDatabaseOptions(&s->charset, &s->collation, &s->comment, &any));
      if (!any) {
        Fail();
        return nullptr;
      }
      return s;
    }
    case Kw::kUser: return ParseAlterUser();
    case Kw::kView: return ParseUnsupported("ALTER VIEW", false);
    case Kw::kProcedure: return ParseUnsupported("ALTER PROCEDURE", false);
    case Kw::kFunction: return ParseUnsupported("ALTER FUNCTION", false);
    case Kw::kEvent: return ParseUnsupported("ALTER EVENT", false);
    case Kw::kSequence: return ParseUnsupported("ALTER SEQUENCE", false);
    case Kw::kServer: return ParseUnsupported("ALTER SERVER", false);
    case Kw::kDefiner:
    case Kw::kAlgorithm:
    case Kw::kSql: return ParseUnsupported("ALTER VIEW", false);
    default: Fail(); return nullptr;
  }
}

namespace {
bool ParsePosition(Parser& p, AlterOp* op) {
  if (p.AcceptKw(Kw::kFirst)) {
    op->position = ColumnPosition::kFirst;
  } else if (p.AcceptKw(Kw::kAfter)) {
    op->position = ColumnPosition::kAfter;
    TRY(p.ParseIdent(&op->after_column));
  }
  return true;
}

// IF EXISTS (IF alone is consumed so the error falls on what follows).
bool AcceptIfExists(Parser& p) {
  if (!p.AcceptKw(Kw::kIf)) return false;
  p.ExpectKw(Kw::kExists);
  return true;
}

// IF NOT EXISTS (IF is consumed so an error falls on what follows).
bool AcceptIfNotExists(Parser& p) {
  if (!p.AcceptKw(Kw::kIf)) return false;
  if (p.ExpectKw(Kw::kNot)) p.ExpectKw(Kw::kExists);
  return true;
}
}  // namespace

StatementPtr Parser::ParseAlterTable() {
  auto s = std::make_unique<AlterTableStmt>();
  for (;;) {
    if (AcceptKw(Kw::kOnline)) {
      s->online = true;
      continue;
    }
    if (AcceptKw(Kw::kIgnore)) {
      s->ignore = true;
      continue;
    }
    break;
  }
  TRY(ExpectKw(Kw::kTable));
  s->if_exists = AcceptIfExists(*this);
  TRY(ParseTableName(&s->table));
  if (AcceptKw(Kw::kNowait)) {
  } else if (AcceptKw(Kw::kWait)) {
    uint64_t n;
    TRY(ParseNumber(&n));
  }
  if (AtStatementEnd()) return s;  // ALTER TABLE t: a no-op rebuild
  do {
    AlterOp op;
    const Token& t = Cur();
    if (t.type != TokenType::kIdent) {
      Fail();
      return nullptr;
    }
    // Table options (ENGINE=, AUTO_INCREMENT=, [DEFAULT] CHARSET=, ...), several
    // of which may follow each other without commas.
    if (t.kw != Kw::kConvert && t.kw != Kw::kAdd && t.kw != Kw::kDrop && t.kw != Kw::kAlter &&
        t.kw != Kw::kChange && t.kw != Kw::kModify && t.kw != Kw::kRename && t.kw != Kw::kOrder &&
        t.kw != Kw::kAlgorithm && t.kw != Kw::kLock) {
      bool parsed_option = false;
      TRY(ParseTableOption(&op.options, &parsed_option));
      if (parsed_option) {
        op.kind = AlterOp::Kind::kTableOptions;
        for (;;) {
          bool more = false;
          TRY(ParseTableOption(&op.options, &more));
          if (!more) break;
        }
        s->ops.push_back(std::move(op));
        continue;
      }
    }
    switch (t.kw) {
      case Kw::kAdd: {
        Advance();
        std::string constraint;
        bool has_constraint = false;
        if (AcceptKw(Kw::kConstraint)) {
          has_constraint = true;
          if (IsIdent() && !IsKw(Kw::kCheck) && !IsKw(Kw::kIf)) TRY(ParseIdent(&constraint));
          if (AcceptIfNotExists(*this)) op.if_not_exists = true;
          if (IsIdent() && !IsKw(Kw::kCheck) && constraint.empty()) TRY(ParseIdent(&constraint));
        }
        if (IsKw(Kw::kForeign)) {
          Advance();
          TRY(ExpectKw(Kw::kKey));
          op.kind = AlterOp::Kind::kAddForeignKey;
          op.foreign_key.name = constraint;
          if (AcceptIfNotExists(*this)) op.if_not_exists = true;
          TRY(ParseForeignKeyRest(&op.foreign_key));
        } else if (IsKw(Kw::kCheck)) {
          Advance();
          op.kind = AlterOp::Kind::kAddCheck;
          op.check.name = constraint;
          op.check.expr = ParseParenthesized();
          TRY(op.check.expr);
          op.check.text = ToSql(*op.check.expr);
        } else if (IsKeyStart(*this)) {
          op.kind = AlterOp::Kind::kAddIndex;
          TRY(ParseKeyDefinition(*this, constraint, &op.index, &op.if_not_exists));
        } else if (has_constraint) {
          Fail();
          return nullptr;
        } else if (IsKw(Kw::kPartition) || IsKw(Kw::kPeriod) || IsKw(Kw::kSystem)) {
          FailUnsupported("ALTER TABLE ADD " + ToUpperAscii(Text(Cur())));
          return nullptr;
        } else {
          AcceptKw(Kw::kColumn);
          bool ine = AcceptIfNotExists(*this);
          if (Is(TokenType::kLParen)) {
            Advance();
            do {
              AlterOp col_op;
              col_op.kind = AlterOp::Kind::kAddColumn;
              col_op.if_not_exists = ine;
              TRY(ParseColumnDef(&col_op.column, &col_op.attrs));
              s->ops.push_back(std::move(col_op));
            } while (Accept(TokenType::kComma));
            TRY(Expect(TokenType::kRParen));
            continue;
          }
          op.kind = AlterOp::Kind::kAddColumn;
          op.if_not_exists = ine;
          TRY(ParseColumnDef(&op.column, &op.attrs));
          TRY(ParsePosition(*this, &op));
        }
        break;
      }
      case Kw::kDrop: {
        Advance();
        if (AcceptKw(Kw::kPrimary)) {
          TRY(ExpectKw(Kw::kKey));
          op.kind = AlterOp::Kind::kDropPrimaryKey;
        } else if (AcceptKw(Kw::kIndex) || AcceptKw(Kw::kKey)) {
          op.kind = AlterOp::Kind::kDropIndex;
          op.if_exists = AcceptIfExists(*this);
          if (AcceptKw(Kw::kPrimary)) {
            op.name = "PRIMARY";
          } else {
            TRY(ParseIdent(&op.name));
          }
        } else if (IsKw(Kw::kForeign)) {
          Advance();
          TRY(ExpectKw(Kw::kKey));
          op.kind = AlterOp::Kind::kDropForeignKey;
          op.if_exists = AcceptIfExists(*this);
          TRY(ParseIdent(&op.name));
        } else if (AcceptKw(Kw::kConstraint) || AcceptKw(Kw::kCheck)) {
          op.kind = AlterOp::Kind::kDropConstraint;
          op.if_exists = AcceptIfExists(*this);
          TRY(ParseIdent(&op.name));
        } else if (IsKw(Kw::kPartition) || IsKw(Kw::kPeriod) || IsKw(Kw::kSystem)) {
          FailUnsupported("ALTER TABLE DROP " + ToUpperAscii(Text(Cur())));
          return nullptr;
        } else {
          AcceptKw(Kw::kColumn);
          op.kind = AlterOp::Kind::kDropColumn;
          op.if_exists = AcceptIfExists(*this);
          TRY(ParseIdent(&op.name));
          if (!AcceptKw(Kw::kRestrict)) AcceptKw(Kw::kCascade);
        }
        break;
      }
      case Kw::kAlter: {
        Advance();
        if (IsKw(Kw::kIndex) || IsKw(Kw::kKey)) {
          // ALTER INDEX i [NOT] IGNORED|VISIBLE|INVISIBLE: accepted, no effect.
          Advance();
          std::string name;
          TRY(ParseIdent(&name));
          AcceptKw(Kw::kNot);
          if (!(AcceptKw(Kw::kIgnored) || AcceptKw(Kw::kVisible) || AcceptKw(Kw::kInvisible))) {
            Fail();
            return nullptr;
          }
          continue;
        }
        AcceptKw(Kw::kColumn);
        op.if_exists = AcceptIfExists(*this);
        TRY(ParseIdent(&op.name));
        if (AcceptKw(Kw::kSet)) {
          TRY(ExpectKw(Kw::kDefault));
          op.kind = AlterOp::Kind::kSetDefault;
          op.column.name = op.name;
          TRY(ParseDefaultValue(&op.column, &op.attrs));
          SetUntypedDefault(*op.attrs.default_expr, &op.column);
        } else if (AcceptKw(Kw::kDrop)) {
          TRY(ExpectKw(Kw::kDefault));
          op.kind = AlterOp::Kind::kDropDefault;
        } else {
          Fail();
          return nullptr;
        }
        break;
      }
      case Kw::kChange:
        Advance();
        AcceptKw(Kw::kColumn);
        op.kind = AlterOp::Kind::kChangeColumn;
        op.if_exists = AcceptIfExists(*this);
        TRY(ParseIdent(&op.name));
        TRY(ParseColumnDef(&op.column, &op.attrs));
        TRY(ParsePosition(*this, &op));
        break;
      case Kw::kModify:
        Advance();
        AcceptKw(Kw::kColumn);
        op.kind = AlterOp::Kind::kModifyColumn;
        op.if_exists = AcceptIfExists(*this);
        TRY(ParseColumnDef(&op.column, &op.attrs));
        op.name = op.column.name;
        TRY(ParsePosition(*this, &op));
        break;
      case Kw::kRename:
        Advance();
        if (AcceptKw(Kw::kColumn)) {
          op.kind = AlterOp::Kind::kRenameColumn;
          op.if_exists = AcceptIfExists(*this);
          TRY(ParseIdent(&op.name));
          TRY(ExpectKw(Kw::kTo));
          TRY(ParseIdent(&op.new_name));
        } else if (AcceptKw(Kw::kIndex) || AcceptKw(Kw::kKey)) {
          op.kind = AlterOp::Kind::kRenameIndex;
          op.if_exists = AcceptIfExists(*this);
          TRY(ParseIdent(&op.name));
          TRY(ExpectKw(Kw::kTo));
          TRY(ParseIdent(&op.new_name));
        } else {
          if (!AcceptKw(Kw::kTo)) AcceptKw(Kw::kAs);
          op.kind = AlterOp::Kind::kRenameTable;
          TRY(ParseTableName(&op.new_table));
        }
        break;
      case Kw::kConvert:
        Advance();
        TRY(ExpectKw(Kw::kTo));
        op.kind = AlterOp::Kind::kConvertCharset;
        if (AcceptKw(Kw::kCharacter)) {
          TRY(ExpectKw(Kw::kSet));
        } else {
          TRY(ExpectKw(Kw::kCharset));
        }
        AcceptEq();
        if (AcceptKw(Kw::kDefault)) {
          op.charset = "default";
        } else {
          TRY(ParseCharsetName(&op.charset));
        }
        if (AcceptKw(Kw::kCollate)) {
          AcceptEq();
          TRY(ParseCharsetName(&op.collation));
        }
        break;
      case Kw::kDisable:
      case Kw::kEnable:
        op.kind = t.kw == Kw::kDisable ? AlterOp::Kind::kDisableKeys : AlterOp::Kind::kEnableKeys;
        Advance();
        TRY(ExpectKw(Kw::kKeys));
        break;
      case Kw::kForce:
        Advance();
        op.kind = AlterOp::Kind::kForce;
        break;
      case Kw::kAlgorithm:
      case Kw::kLock:
        Advance();
        AcceptEq();
        if (!IsAnyWord()) {
          Fail();
          return nullptr;
        }
        Advance();
        continue;
      case Kw::kOrder: FailUnsupported("ALTER TABLE ORDER BY"); return nullptr;
      case Kw::kWith:
      case Kw::kWithout:
        if (IsKw(Kw::kValidation, 1)) {
          Advance();
          Advance();
          continue;
        }
        Fail();
        return nullptr;
      case Kw::kDiscard:
      case Kw::kImport:
        FailUnsupported("ALTER TABLE " + ToUpperAscii(Text(t)) + " TABLESPACE");
        return nullptr;
      case Kw::kPartition:
      case Kw::kRemove:
      case Kw::kCoalesce:
      case Kw::kReorganize:
      case Kw::kExchange:
      case Kw::kAnalyze:
      case Kw::kCheck:
      case Kw::kOptimize:
      case Kw::kRebuild:
      case Kw::kRepair:
      case Kw::kTruncate: FailUnsupported("PARTITION"); return nullptr;
      default: Fail(); return nullptr;
    }
    s->ops.push_back(std::move(op));
  } while (Accept(TokenType::kComma));
  if (IsKw(Kw::kPartition)) {
    FailUnsupported("PARTITION");
    return nullptr;
  }
  return s;
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
