// The MySQL type system over the storage mapping. See types.h.
//
// Layout of this file:
//   1. messages and the error/warning reporter
//   2. number text parsing, integer / decimal / real / bit coercion
//   3. string, binary, ENUM, SET, JSON coercion
//   4. temporal parsing and coercion (DATE, DATETIME, TIMESTAMP, TIME, YEAR)
//   5. CoerceToStored, defaults
//   6. reading back (StoredToValue) and number formatting
//   7. SQLite declarations and result-set metadata
#include "sql/types.h"

#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <limits>

#include "storage/collations.h"
#include "storage/sqlite_db.h"

namespace relaydb::sql {
namespace {

// ===========================================================================
// 1. Messages

std::string RowText(uint64_t row) { return std::to_string(row); }

// MariaDB's %-.128T: at most 128 characters, "..." appended when cut.
std::string ValueForMessage(std::string_view v) {
  if (v.size() <= 128) return std::string(v);
  size_t cut = 128;
  while (cut > 0 && (static_cast<unsigned char>(v[cut]) & 0xC0) == 0x80) cut--;
  return std::string(v.substr(0, cut)) + "...";
}

std::string QualifiedColumn(const CoerceContext& ctx, std::string_view col) {
  std::string s = "`";
  s += ctx.db;
  s += "`.`";
  s += ctx.table;
  s += "`.`";
  s += col;
  s += "`";
  return s;
}

// Collects the problems of one coercion and decides, by sql_mode, whether
// each is an error or a warning.
class Reporter {
 public:
  Reporter(const ColumnDef& col, const CoerceContext& ctx) : col_(col), ctx_(ctx) {}

  bool strict() const { return ctx_.strict(); }
  bool alter_copy() const { return ctx_.alter_copy; }

  // A number read from a string that is not (entirely) a number: 1366 /
  // 1265 for INSERT/UPDATE, 1292 "Truncated incorrect <TYPE> value" when
  // ALTER TABLE copies rows.
  Status BadNumber(std::string_view what, std::string_view upper, std::string_view value,
                   bool no_digits) {
    if (alter_copy())
      return Problem(1292, "22007",
                     "Truncated incorrect " + std::string(upper) + " value: '" +
                         ValueForMessage(value) + "'");
    if (no_digits) return Incorrect(what, value);
    return Truncated();
  }
  // A value that does not fit: 1406 (error in strict mode), or for ALTER
  // TABLE's copy 1265; in non-strict mode Warning 1265 either way.
  Status TooLongOrTruncated() {
    if (strict()) return alter_copy() ? Truncated() : TooLong();
    Warn(1265, TruncatedMsg());
    return Status::Ok();
  }

  // A problem that fails the statement in strict mode and is a warning
  // otherwise. Returns the error or Ok.
  Status Problem(uint16_t code, std::string_view sqlstate, std::string msg) {
    if (strict()) return Status::SqlError(code, sqlstate, std::move(msg));
    Add(SqlWarning::Level::kWarning, code, std::move(msg));
    return Status::Ok();
  }
  void Note(uint16_t code, std::string msg) { Add(SqlWarning::Level::kNote, code, std::move(msg)); }
  void Warn(uint16_t code, std::string msg) {
    Add(SqlWarning::Level::kWarning, code, std::move(msg));
  }

  std::string TruncatedMsg() const {
    return "Data truncated for column '" + col_.name + "' at row " + RowText(ctx_.row);
  }
  std::string OutOfRangeMsg() const {
    return "Out of range value for column '" + col_.name + "' at row " + RowText(ctx_.row);
  }
  std::string TooLongMsg() const {
    return "Data too long for column '" + col_.name + "' at row " + RowText(ctx_.row);
  }
  std::string IncorrectMsg(std::string_view what, std::string_view value) const {
    return "Incorrect " + std::string(what) + " value: '" + ValueForMessage(value) +
           "' for column " + QualifiedColumn(ctx_, col_.name) + " at row " + RowText(ctx_.row);
  }

  // Shorthands.
  Status Truncated() { return Problem(1265, "01000", TruncatedMsg()); }
  void NoteTruncated() { Note(1265, TruncatedMsg()); }
  Status OutOfRange() { return Problem(1264, "22003", OutOfRangeMsg()); }
  Status TooLong() { return Problem(1406, "22001", TooLongMsg()); }
  Status Incorrect(std::string_view what, std::string_view value) {
    return Problem(1366, "22007", IncorrectMsg(what, value));
  }
  Status IncorrectTemporal(std::string_view what, std::string_view value) {
    return Problem(1292, "22007", IncorrectMsg(what, value));
  }

 private:
  void Add(SqlWarning::Level level, uint16_t code, std::string msg) {
    if (ctx_.warnings != nullptr) ctx_.warnings->push_back(SqlWarning{level, code, std::move(msg)});
  }

  const ColumnDef& col_;
  const CoerceContext& ctx_;
};

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool AllSpaces(std::string_view s) {
  for (char c : s)
    if (!IsSpace(c)) return false;
  return true;
}

std::string_view TrimTrailingSpaces(std::string_view s) {
  size_t n = s.size();
  while (n > 0 && s[n - 1] == ' ') n--;
  return s.substr(0, n);
}

// ===========================================================================
// 2. Numbers

// A decimal number read from text: value = 0.<digits> * 10^point, where
// `digits` has neither leading nor trailing zeros (empty for zero).
struct NumText {
  bool any_digits = false;
  bool negative = false;
  std::string digits;
  int64_t point = 0;
  // What follows the number: nothing, only whitespace, or something else.
  bool trailing_space = false;
  bool garbage = false;
  size_t end = 0;  // index after the number
};

NumText ParseNumText(std::string_view s) {
  NumText n;
  size_t i = 0;
  while (i < s.size() && IsSpace(s[i])) i++;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) {
    n.negative = s[i] == '-';
    i++;
  }
  std::string raw;
  int64_t int_len = 0;
  while (i < s.size() && IsDigit(s[i])) {
    raw += s[i++];
    int_len++;
  }
  bool frac_digits = false;
  if (i < s.size() && s[i] == '.') {
    size_t j = i + 1;
    while (j < s.size() && IsDigit(s[j])) {
      raw += s[j++];
      frac_digits = true;
    }
    if (int_len > 0 || frac_digits) i = j;
  }
  n.any_digits = int_len > 0 || frac_digits;
  if (!n.any_digits) {
    n.end = 0;
    n.garbage = !AllSpaces(s);
    n.negative = false;
    return n;
  }
  int64_t exp = 0;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    size_t j = i + 1;
    bool eneg = false;
    if (j < s.size() && (s[j] == '-' || s[j] == '+')) {
      eneg = s[j] == '-';
      j++;
    }
    if (j < s.size() && IsDigit(s[j])) {
      while (j < s.size() && IsDigit(s[j])) {
        if (exp < 1000000) exp = exp * 10 + (s[j] - '0');
        j++;
      }
      if (eneg) exp = -exp;
      i = j;
    }
  }
  n.end = i;
  std::string_view rest = s.substr(i);
  if (!rest.empty()) {
    if (AllSpaces(rest))
      n.trailing_space = true;
    else
      n.garbage = true;
  }
  // Normalize digits.
  size_t lead = 0;
  while (lead < raw.size() && raw[lead] == '0') lead++;
  int64_t point = int_len - static_cast<int64_t>(lead) + exp;
  raw.erase(0, lead);
  while (!raw.empty() && raw.back() == '0') raw.pop_back();
  if (raw.empty()) {
    n.negative = false;
    point = 0;
  }
  n.digits = std::move(raw);
  n.point = point;
  return n;
}

// Rounds |value| half away from zero to an integer. *overflow when it does
// not fit in 64 bits.
uint64_t RoundToUint(const NumText& n, bool* overflow) {
  *overflow = false;
  if (n.digits.empty() || n.point < 0) return 0;
  if (n.point > 20) {
    *overflow = true;
    return 0;
  }
  unsigned __int128 v = 0;
  for (int64_t k = 0; k < n.point; k++) {
    v = v * 10 + (k < static_cast<int64_t>(n.digits.size()) ? n.digits[k] - '0' : 0);
  }
  if (n.point < static_cast<int64_t>(n.digits.size()) && n.digits[n.point] >= '5') v++;
  if (v > std::numeric_limits<uint64_t>::max()) {
    *overflow = true;
    return 0;
  }
  return static_cast<uint64_t>(v);
}

struct IntRange {
  int64_t min;
  uint64_t max;
};

IntRange RangeOf(const ColumnType& t) {
  bool u = t.is_unsigned;
  switch (t.base) {
    case BaseType::kTinyInt: return u ? IntRange{0, 255} : IntRange{-128, 127};
    case BaseType::kSmallInt: return u ? IntRange{0, 65535} : IntRange{-32768, 32767};
    case BaseType::kMediumInt: return u ? IntRange{0, 16777215} : IntRange{-8388608, 8388607};
    case BaseType::kInt: return u ? IntRange{0, 4294967295u} : IntRange{-2147483648LL, 2147483647};
    default:
      return u ? IntRange{0, std::numeric_limits<uint64_t>::max()}
               : IntRange{std::numeric_limits<int64_t>::min(),
                          static_cast<uint64_t>(std::numeric_limits<int64_t>::max())};
  }
}

// A signed-or-unsigned 128-bit-safe integer candidate.
struct WideInt {
  bool negative = false;
  uint64_t magnitude = 0;
  bool overflow = false;  // beyond 64 bits
};

// Clips `w` into the type's range; *clipped set when it had to.
Value FitInteger(const ColumnType& t, WideInt w, bool* clipped) {
  IntRange r = RangeOf(t);
  *clipped = false;
  if (w.negative && w.magnitude == 0) w.negative = false;
  if (w.negative) {
    uint64_t min_mag = r.min < 0 ? static_cast<uint64_t>(-(r.min + 1)) + 1 : 0;
    if (w.overflow || w.magnitude > min_mag) {
      *clipped = true;
      w.magnitude = min_mag;
    }
    if (w.magnitude == 0) w.negative = false;
  } else if (w.overflow || w.magnitude > r.max) {
    *clipped = true;
    w.magnitude = r.max;
  }
  if (t.base == BaseType::kBigInt && t.is_unsigned) return Value::String(std::to_string(w.magnitude));
  if (!w.negative) return Value::Int(static_cast<int64_t>(w.magnitude));
  return Value::Int(w.magnitude == static_cast<uint64_t>(1) << 63
                        ? std::numeric_limits<int64_t>::min()
                        : -static_cast<int64_t>(w.magnitude));
}

WideInt FromDouble(double d) {
  WideInt w;
  double r = std::nearbyint(d);  // default rounding mode: half to even, as MariaDB's rint
  if (std::isnan(r)) return w;
  w.negative = r < 0;
  double a = std::fabs(r);
  if (a >= 18446744073709551616.0) {
    w.overflow = true;
  } else {
    w.magnitude = static_cast<uint64_t>(a);
  }
  return w;
}

WideInt FromValueInt(const Value& v) {
  WideInt w;
  if (v.kind() == Value::Kind::kInt) {
    w.negative = v.int_value() < 0;
    w.magnitude = w.negative ? static_cast<uint64_t>(-(v.int_value() + 1)) + 1
                             : static_cast<uint64_t>(v.int_value());
  } else {
    w.magnitude = v.uint_value();
  }
  return w;
}

Result<Value> CoerceInteger(const ColumnDef& col, const Value& in, Reporter& rep) {
  const ColumnType& t = col.type;
  WideInt w;
  switch (in.kind()) {
    case Value::Kind::kInt:
    case Value::Kind::kUInt: w = FromValueInt(in); break;
    case Value::Kind::kDouble: w = FromDouble(in.double_value()); break;
    case Value::Kind::kString: {
      const std::string& s = in.string_value();
      NumText n = ParseNumText(s);
      if (!n.any_digits) {
        RETURN_IF_ERROR(rep.BadNumber("integer", "INTEGER", s, true));
        bool unused;
        return FitInteger(t, WideInt{}, &unused);
      }
      w.negative = n.negative;
      w.magnitude = RoundToUint(n, &w.overflow);
      bool clipped;
      Value v = FitInteger(t, w, &clipped);
      if (clipped) {
        RETURN_IF_ERROR(rep.OutOfRange());
        return v;
      }
      if (n.garbage) {
        RETURN_IF_ERROR(rep.BadNumber("integer", "INTEGER", s, false));
      } else if (n.trailing_space) {
        rep.NoteTruncated();
      }
      return v;
    }
    case Value::Kind::kNull: return Value::Null();
  }
  bool clipped;
  Value v = FitInteger(t, w, &clipped);
  if (clipped) RETURN_IF_ERROR(rep.OutOfRange());
  return v;
}

// Shortest round-trip text of a double ("1e+20" form allowed).
std::string ShortestDouble(double d) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, d);
  return std::string(buf, r.ptr);
}

// The number as text, for messages and decimal conversion.
std::string NumberValueText(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kInt: return std::to_string(v.int_value());
    case Value::Kind::kUInt: return std::to_string(v.uint_value());
    case Value::Kind::kDouble: return FormatDoubleMariaDB(v.double_value());
    case Value::Kind::kString: return v.string_value();
    case Value::Kind::kNull: return "NULL";
  }
  return "";
}

int DecimalPrecision(const ColumnType& t) { return t.length > 0 ? t.length : 10; }
int DecimalScale(const ColumnType& t) { return t.decimals > 0 ? t.decimals : 0; }

// Rounds `n` half away from zero to `scale` decimals and renders it with
// exactly `scale` decimals; *lost when nonzero digits were dropped;
// *overflow when the integer part has more than `int_digits` digits (the
// result is then the largest value of the type, with the sign of n).
std::string DecimalText(const NumText& n, int precision, int scale, bool* lost, bool* overflow) {
  *lost = false;
  *overflow = false;
  int int_max = precision - scale;
  if (n.digits.empty()) return scale > 0 ? "0." + std::string(scale, '0') : "0";
  std::string int_part, frac_part;
  if (n.point > 200) {
    *overflow = true;
  } else if (n.point >= static_cast<int64_t>(n.digits.size())) {
    int_part = n.digits + std::string(n.point - n.digits.size(), '0');
  } else if (n.point > 0) {
    int_part = n.digits.substr(0, n.point);
    frac_part = n.digits.substr(n.point);
  } else if (n.point > -200) {
    frac_part = std::string(-n.point, '0') + n.digits;
  } else {
    frac_part = "0" + std::string(scale + 1, '0');  // far below: rounds to zero
    *lost = true;
  }
  bool round_up = false;
  if (!*overflow && static_cast<int>(frac_part.size()) > scale) {
    round_up = frac_part[scale] >= '5';
    for (size_t k = scale; k < frac_part.size(); k++)
      if (frac_part[k] != '0') *lost = true;
    frac_part.resize(scale);
  }
  frac_part.resize(scale, '0');
  std::string all = int_part + frac_part;
  if (round_up) {
    int k = static_cast<int>(all.size()) - 1;
    while (k >= 0 && all[k] == '9') all[k--] = '0';
    if (k >= 0)
      all[k]++;
    else
      all.insert(all.begin(), '1');
  }
  std::string ip = all.substr(0, all.size() - scale);
  std::string fp = all.substr(all.size() - scale);
  size_t lead = 0;
  while (lead < ip.size() && ip[lead] == '0') lead++;
  ip.erase(0, lead);
  if (*overflow || static_cast<int>(ip.size()) > int_max) {
    *overflow = true;
    ip = int_max > 0 ? std::string(int_max, '9') : "";
    fp = std::string(scale, '9');
  }
  if (ip.empty()) ip = "0";
  bool zero = ip == "0" && fp.find_first_not_of('0') == std::string::npos;
  std::string out = (n.negative && !zero) ? "-" : "";
  out += ip;
  if (scale > 0) out += "." + fp;
  return out;
}

// "0" / "0.00" for a scale.
std::string ZeroDecimal(int scale) { return scale > 0 ? "0." + std::string(scale, '0') : "0"; }

Result<Value> CoerceDecimal(const ColumnDef& col, const Value& in, Reporter& rep) {
  const ColumnType& t = col.type;
  int p = DecimalPrecision(t), s = DecimalScale(t);
  NumText n;
  bool from_string = in.kind() == Value::Kind::kString;
  if (from_string) {
    n = ParseNumText(in.string_value());
    if (!n.any_digits) {
      RETURN_IF_ERROR(rep.BadNumber("decimal", "DECIMAL", in.string_value(), true));
      return Value::String(ZeroDecimal(s));
    }
  } else if (in.kind() == Value::Kind::kDouble) {
    double d = in.double_value();
    if (std::isnan(d) || std::isinf(d)) {
      RETURN_IF_ERROR(rep.OutOfRange());
      NumText big = ParseNumText(d < 0 ? "-1e300" : "1e300");
      bool lost, over;
      return Value::String(DecimalText(big, p, s, &lost, &over));
    }
    n = ParseNumText(ShortestDouble(d));
  } else {
    n = ParseNumText(NumberValueText(in));
  }
  bool lost, overflow;
  std::string text = DecimalText(n, p, s, &lost, &overflow);
  if (!overflow && t.is_unsigned && n.negative && text[0] == '-') overflow = true;
  if (overflow) {
    RETURN_IF_ERROR(rep.OutOfRange());
    if (t.is_unsigned && n.negative) return Value::String(ZeroDecimal(s));
    return Value::String(text);
  }
  if (from_string && n.garbage) {
    RETURN_IF_ERROR(rep.BadNumber("decimal", "DECIMAL", in.string_value(), false));
  } else if (lost || (from_string && n.trailing_space)) {
    rep.NoteTruncated();
  }
  return Value::String(text);
}

Result<Value> CoerceReal(const ColumnDef& col, const Value& in, Reporter& rep) {
  const ColumnType& t = col.type;
  bool is_float = t.base == BaseType::kFloat;
  double d = 0;
  bool out_of_range = false;
  switch (in.kind()) {
    case Value::Kind::kInt: d = static_cast<double>(in.int_value()); break;
    case Value::Kind::kUInt: d = static_cast<double>(in.uint_value()); break;
    case Value::Kind::kDouble: d = in.double_value(); break;
    case Value::Kind::kNull: return Value::Null();
    case Value::Kind::kString: {
      const std::string& s = in.string_value();
      NumText n = ParseNumText(s);
      if (!n.any_digits) {
        RETURN_IF_ERROR(rep.BadNumber("double", "DOUBLE", s, true));
        return Value::Double(0);
      }
      std::string num(s.substr(0, n.end));
      size_t lead = 0;
      while (lead < num.size() && IsSpace(num[lead])) lead++;
      const char* b = num.c_str() + lead;
      if (*b == '+') b++;
      char* e = nullptr;
      d = std::strtod(b, &e);
      if (std::isinf(d)) out_of_range = true;
      if (!out_of_range) {
        if (n.garbage) {
          RETURN_IF_ERROR(rep.BadNumber("double", "DOUBLE", s, false));
        } else if (n.trailing_space) {
          rep.NoteTruncated();
        }
      }
      break;
    }
  }
  if (std::isnan(d)) d = 0;
  double max = is_float ? static_cast<double>(std::numeric_limits<float>::max())
                        : std::numeric_limits<double>::max();
  if (t.is_unsigned && d < 0) {
    RETURN_IF_ERROR(rep.OutOfRange());
    return Value::Double(0);
  }
  if (t.length > 0 && t.decimals >= 0 && t.decimals < 31 && std::isfinite(d)) {
    // FLOAT(m,d) / DOUBLE(m,d): MariaDB's truncate_double rounds the
    // fractional part (rint, half to even) to d decimals and limits the
    // value to m - d integer digits.
    double scale = std::pow(10.0, t.decimals);
    double fl = std::floor(d);
    d = fl + std::nearbyint((d - fl) * scale) / scale;
    double lim = std::pow(10.0, t.length - t.decimals) - 1.0 / scale;
    if (std::fabs(d) > lim) {
      out_of_range = true;
      d = d < 0 ? -lim : lim;
    }
  }
  if (std::isinf(d) || std::fabs(d) > max) {
    out_of_range = true;
    d = d < 0 ? -max : max;
  }
  if (t.is_unsigned && d < 0) {
    out_of_range = true;
    d = 0;
  }
  if (out_of_range) RETURN_IF_ERROR(rep.OutOfRange());
  if (d == 0) d = 0;  // no negative zero
  if (is_float) d = static_cast<double>(static_cast<float>(d));
  return Value::Double(d);
}

int BitLength(const ColumnType& t) { return t.length > 0 ? t.length : 1; }

Result<Value> CoerceBit(const ColumnDef& col, const Value& in, Reporter& rep) {
  int n = BitLength(col.type);
  uint64_t max = n >= 64 ? std::numeric_limits<uint64_t>::max() : (uint64_t{1} << n) - 1;
  uint64_t v = 0;
  bool too_big = false;
  switch (in.kind()) {
    case Value::Kind::kInt: v = static_cast<uint64_t>(in.int_value()); break;
    case Value::Kind::kUInt: v = in.uint_value(); break;
    case Value::Kind::kDouble: {
      WideInt w = FromDouble(in.double_value());
      if (w.overflow || w.negative) too_big = true;
      v = w.magnitude;
      break;
    }
    case Value::Kind::kString: {
      std::string_view s = in.string_value();
      size_t k = 0;
      while (k < s.size() && s[k] == '\0') k++;
      s = s.substr(k);
      if (s.size() > 8) too_big = true;
      for (char c : s) v = (v << 8) | static_cast<unsigned char>(c);
      break;
    }
    case Value::Kind::kNull: return Value::Null();
  }
  if (too_big || v > max) {
    if (rep.strict()) return rep.TooLong();
    RETURN_IF_ERROR(rep.OutOfRange());
    v = max;
  }
  return Value::Int(static_cast<int64_t>(v));
}

// ===========================================================================
// 3. Strings

// Number of UTF-8 characters (each invalid byte counts as one).
size_t CharLength(std::string_view s) {
  size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) n++;
  return n;
}

// Byte offset of the end of the first `chars` characters.
size_t PrefixBytes(std::string_view s, size_t chars) {
  size_t i = 0, n = 0;
  while (i < s.size()) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (n == chars) return i;
      n++;
    }
    i++;
  }
  return s.size();
}

// Offset of the first invalid UTF-8 byte, or npos.
size_t FirstInvalidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t i = 0, n = s.size();
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    size_t len;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07;
    } else {
      return i;
    }
    if (i + len > n) return i;
    for (size_t k = 1; k < len; k++) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
        (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
      return i;
    i += len;
  }
  return std::string_view::npos;
}

// MariaDB's rendering of bad bytes in "Incorrect string value": up to 6
// bytes from the bad position, \xHH for bytes >= 0x80 or control
// characters, "..." when more follow.
std::string BadBytesText(std::string_view s, size_t pos) {
  std::string out;
  size_t end = std::min(s.size(), pos + 6);
  for (size_t i = pos; i < end; i++) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80 || c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  if (end < s.size()) out += "...";
  return out;
}

uint64_t BlobByteLimit(BaseType b) {
  switch (b) {
    case BaseType::kTinyText:
    case BaseType::kTinyBlob: return 255;
    case BaseType::kText:
    case BaseType::kBlob: return 65535;
    case BaseType::kMediumText:
    case BaseType::kMediumBlob: return 16777215;
    default: return 4294967295ULL;
  }
}

std::string ValueAsText(const Value& in) {
  switch (in.kind()) {
    case Value::Kind::kInt: return std::to_string(in.int_value());
    case Value::Kind::kUInt: return std::to_string(in.uint_value());
    case Value::Kind::kDouble: return FormatDoubleMariaDB(in.double_value());
    case Value::Kind::kString: return in.string_value();
    case Value::Kind::kNull: return "";
  }
  return "";
}

Result<Value> CoerceText(const ColumnDef& col, const Value& in, Reporter& rep,
                         const CoerceContext& ctx) {
  const ColumnType& t = col.type;
  std::string s = ValueAsText(in);
  size_t bad = FirstInvalidUtf8(s);
  if (bad != std::string::npos) {
    std::string msg = "Incorrect string value: '" + BadBytesText(s, bad) + "' for column " +
                      QualifiedColumn(ctx, col.name) + " at row " + RowText(ctx.row);
    RETURN_IF_ERROR(rep.Problem(1366, "22007", std::move(msg)));
    // Non-strict: MariaDB replaces what it cannot convert with '?'.
    std::string fixed;
    size_t i = 0;
    while (i < s.size()) {
      size_t b = FirstInvalidUtf8(std::string_view(s).substr(i));
      if (b == std::string::npos) {
        fixed.append(s, i, std::string::npos);
        break;
      }
      fixed.append(s, i, b);
      fixed += '?';
      i += b + 1;
    }
    s = std::move(fixed);
  }
  bool is_char = t.base == BaseType::kChar;
  if (t.base == BaseType::kChar || t.base == BaseType::kVarchar) {
    size_t max_chars = t.length >= 0 ? static_cast<size_t>(t.length) : 1;
    size_t cut = PrefixBytes(s, max_chars);
    if (cut < s.size()) {
      std::string_view excess = std::string_view(s).substr(cut);
      if (excess.find_first_not_of(' ') == std::string_view::npos) {
        if (!is_char) rep.NoteTruncated();
      } else {
        RETURN_IF_ERROR(rep.TooLongOrTruncated());
      }
      s.resize(cut);
    }
    if (is_char) s.resize(TrimTrailingSpaces(s).size());
    return Value::String(std::move(s));
  }
  uint64_t limit = BlobByteLimit(t.base);
  if (s.size() > limit) {
    size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) cut--;
    std::string_view excess = std::string_view(s).substr(cut);
    if (excess.find_first_not_of(' ') == std::string_view::npos) {
      rep.NoteTruncated();
    } else {
      RETURN_IF_ERROR(rep.TooLongOrTruncated());
    }
    s.resize(cut);
  }
  return Value::String(std::move(s));
}

Result<Value> CoerceBinary(const ColumnDef& col, const Value& in, Reporter& rep) {
  const ColumnType& t = col.type;
  std::string s = ValueAsText(in);
  uint64_t limit = (t.base == BaseType::kBinary || t.base == BaseType::kVarbinary)
                       ? static_cast<uint64_t>(t.length >= 0 ? t.length : 1)
                       : BlobByteLimit(t.base);
  if (s.size() > limit) {
    RETURN_IF_ERROR(rep.TooLongOrTruncated());
    s.resize(limit);
  }
  if (t.base == BaseType::kBinary) s.resize(limit, '\0');
  return Value::String(std::move(s));
}

bool UsesBinCollation(const ColumnType& t) {
  std::string c = EffectiveCollation(t);
  return c.size() >= 4 && c.compare(c.size() - 4, 4, "_bin") == 0;
}

// ENUM/SET label equality: general_ci (or bytewise for _bin) without PAD
// SPACE, as MariaDB's find_type2 (strnncoll).
bool LabelEquals(const ColumnType& t, std::string_view a, std::string_view b) {
  size_t sa = a.size() - TrimTrailingSpaces(a).size();
  size_t sb = b.size() - TrimTrailingSpaces(b).size();
  if (sa != sb) return false;
  return UsesBinCollation(t) ? a == b : storage::CompareCi(a, b) == 0;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!IsDigit(c)) return false;
  return true;
}

Result<Value> CoerceEnum(const ColumnDef& col, const Value& in, Reporter& rep) {
  const auto& labels = col.type.elements;
  int64_t index = -1;
  if (in.kind() == Value::Kind::kString) {
    std::string_view s = TrimTrailingSpaces(in.string_value());
    for (size_t k = 0; k < labels.size(); k++) {
      if (LabelEquals(col.type, s, labels[k])) return Value::String(labels[k]);
    }
    if (AllDigits(s) && s.size() < 12) index = std::stoll(std::string(s));
  } else if (in.kind() == Value::Kind::kInt) {
    index = in.int_value();
  } else if (in.kind() == Value::Kind::kUInt) {
    index = in.uint_value() > 1000000 ? -1 : static_cast<int64_t>(in.uint_value());
  } else if (in.kind() == Value::Kind::kDouble) {
    double d = std::trunc(in.double_value());
    index = (d >= 0 && d < 1e9) ? static_cast<int64_t>(d) : -1;
  }
  if (index >= 1 && index <= static_cast<int64_t>(labels.size()))
    return Value::String(labels[index - 1]);
  RETURN_IF_ERROR(rep.Truncated());
  return Value::String("");
}

Result<Value> CoerceSet(const ColumnDef& col, const Value& in, Reporter& rep) {
  const auto& labels = col.type.elements;
  uint64_t bits = 0;
  bool bad = false;
  if (in.kind() == Value::Kind::kString) {
    std::string_view s = TrimTrailingSpaces(in.string_value());
    if (!s.empty()) {
      bool any_bad = false;
      size_t start = 0;
      while (true) {
        size_t comma = s.find(',', start);
        std::string_view member =
            s.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
        bool found = false;
        for (size_t k = 0; k < labels.size() && k < 64; k++) {
          if (LabelEquals(col.type, member, labels[k])) {
            bits |= uint64_t{1} << k;
            found = true;
            break;
          }
        }
        if (!found) any_bad = true;
        if (comma == std::string_view::npos) break;
        start = comma + 1;
      }
      if (any_bad && bits == 0 && AllDigits(s) && s.size() <= 20) {
        // A number: the bitmask.
        NumText n = ParseNumText(s);
        bool over;
        bits = RoundToUint(n, &over);
        any_bad = over;
        if (!over && labels.size() < 64 && (bits >> labels.size()) != 0) {
          any_bad = true;
          bits &= (uint64_t{1} << labels.size()) - 1;
        }
      }
      bad = any_bad;
    }
  } else {
    uint64_t v = 0;
    if (in.kind() == Value::Kind::kInt) v = static_cast<uint64_t>(in.int_value());
    if (in.kind() == Value::Kind::kUInt) v = in.uint_value();
    if (in.kind() == Value::Kind::kDouble) v = FromDouble(in.double_value()).magnitude;
    bits = v;
    if (labels.size() < 64 && (v >> labels.size()) != 0) {
      bad = true;
      bits &= (uint64_t{1} << labels.size()) - 1;
    }
  }
  if (bad) RETURN_IF_ERROR(rep.Truncated());
  std::string out;
  for (size_t k = 0; k < labels.size() && k < 64; k++) {
    if (bits & (uint64_t{1} << k)) {
      if (!out.empty()) out += ',';
      out += labels[k];
    }
  }
  return Value::String(std::move(out));
}

// --- JSON validation (RFC 8259 grammar, as MariaDB's json_valid) ---

class JsonValidator {
 public:
  explicit JsonValidator(std::string_view s) : s_(s) {}
  bool Valid() {
    SkipWs();
    if (!ParseValue(0)) return false;
    SkipWs();
    return i_ == s_.size();
  }

 private:
  void SkipWs() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r'))
      i_++;
  }
  bool Literal(std::string_view word) {
    if (s_.substr(i_, word.size()) != word) return false;
    i_ += word.size();
    return true;
  }
  bool ParseValue(int depth) {
    if (depth > 512 || i_ >= s_.size()) return false;
    char c = s_[i_];
    if (c == '{') return ParseObject(depth);
    if (c == '[') return ParseArray(depth);
    if (c == '"') return ParseString();
    if (c == 't') return Literal("true");
    if (c == 'f') return Literal("false");
    if (c == 'n') return Literal("null");
    return ParseNumber();
  }
  bool ParseObject(int depth) {
    i_++;
    SkipWs();
    if (i_ < s_.size() && s_[i_] == '}') {
      i_++;
      return true;
    }
    while (true) {
      SkipWs();
      if (i_ >= s_.size() || s_[i_] != '"' || !ParseString()) return false;
      SkipWs();
      if (i_ >= s_.size() || s_[i_] != ':') return false;
      i_++;
      SkipWs();
      if (!ParseValue(depth + 1)) return false;
      SkipWs();
      if (i_ >= s_.size()) return false;
      if (s_[i_] == ',') {
        i_++;
        continue;
      }
      if (s_[i_] == '}') {
        i_++;
        return true;
      }
      return false;
    }
  }
  bool ParseArray(int depth) {
    i_++;
    SkipWs();
    if (i_ < s_.size() && s_[i_] == ']') {
      i_++;
      return true;
    }
    while (true) {
      SkipWs();
      if (!ParseValue(depth + 1)) return false;
      SkipWs();
      if (i_ >= s_.size()) return false;
      if (s_[i_] == ',') {
        i_++;
        continue;
      }
      if (s_[i_] == ']') {
        i_++;
        return true;
      }
      return false;
    }
  }
  bool ParseString() {
    i_++;  // opening quote
    while (i_ < s_.size()) {
      auto c = static_cast<unsigned char>(s_[i_]);
      if (c == '"') {
        i_++;
        return true;
      }
      if (c < 0x20) return false;
      if (c == '\\') {
        i_++;
        if (i_ >= s_.size()) return false;
        char e = s_[i_];
        if (e == 'u') {
          for (int k = 1; k <= 4; k++)
            if (i_ + k >= s_.size() || !std::isxdigit(static_cast<unsigned char>(s_[i_ + k])))
              return false;
          i_ += 5;
          continue;
        }
        if (std::strchr("\"\\/bfnrt", e) == nullptr || e == '\0') return false;
      }
      i_++;
    }
    return false;
  }
  bool ParseNumber() {
    size_t start = i_;
    if (i_ < s_.size() && s_[i_] == '-') i_++;
    if (i_ >= s_.size() || !IsDigit(s_[i_])) return false;
    if (s_[i_] == '0') {
      i_++;
    } else {
      while (i_ < s_.size() && IsDigit(s_[i_])) i_++;
    }
    if (i_ < s_.size() && s_[i_] == '.') {
      i_++;
      if (i_ >= s_.size() || !IsDigit(s_[i_])) return false;
      while (i_ < s_.size() && IsDigit(s_[i_])) i_++;
    }
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      i_++;
      if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) i_++;
      if (i_ >= s_.size() || !IsDigit(s_[i_])) return false;
      while (i_ < s_.size() && IsDigit(s_[i_])) i_++;
    }
    return i_ > start;
  }

  std::string_view s_;
  size_t i_ = 0;
};

Result<Value> CoerceJson(const ColumnDef& col, const Value& in, Reporter& rep,
                         const CoerceContext& ctx) {
  ColumnDef as_text = col;
  as_text.type.base = BaseType::kLongText;
  ASSIGN_OR_RETURN(Value v, CoerceText(as_text, in, rep, ctx));
  if (!JsonValidator(v.string_value()).Valid()) {
    return Status::SqlError(4025, "23000",
                            "CONSTRAINT `" + std::string(ctx.table) + "." + col.name +
                                "` failed for `" + std::string(ctx.db) + "`.`" +
                                std::string(ctx.table) + "`");
  }
  return v;
}

// ===========================================================================
// 4. Temporal values

struct DateTime {
  bool negative = false;  // TIME only
  int64_t year = 0, month = 0, day = 0;
  int64_t hour = 0, minute = 0, second = 0;  // hour may exceed 23 for TIME
  uint32_t usec = 0;
};

struct ParseResult {
  bool ok = false;              // a value was read
  bool invalid = false;         // a field out of range
  bool garbage = false;         // trailing characters other than spaces
  bool frac_truncated = false;  // more than 6 fractional digits
  bool has_time = false;        // a time part was given
  bool had_date = false;        // TIME read from a date-time string
};

bool IsLeap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int DaysInMonth(int64_t y, int64_t m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant).
int64_t DaysFromCivil(int64_t y, int64_t m, int64_t d) {
  y -= m <= 2;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void CivilFromDays(int64_t z, int64_t* y, int64_t* m, int64_t* d) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp + (mp < 10 ? 3 : -9);
  *y = yoe + era * 400 + (*m <= 2);
}

// Reads up to 6 fractional digits at s[*i] (after the '.'), advancing *i
// past all of them.
uint32_t ReadFraction(std::string_view s, size_t* i, bool* truncated) {
  uint32_t us = 0;
  int n = 0;
  while (*i < s.size() && IsDigit(s[*i])) {
    if (n < 6) {
      us = us * 10 + (s[*i] - '0');
    } else {
      *truncated = true;
    }
    n++;
    (*i)++;
  }
  for (; n < 6; n++) us *= 10;
  return us;
}

int64_t DigitsValue(std::string_view d) {
  int64_t v = 0;
  for (char c : d) v = v * 10 + (c - '0');
  return v;
}

void CheckDateTimeFields(DateTime* dt, ParseResult* r) {
  if (dt->year > 9999 || dt->month > 12 || dt->day > 31 || dt->hour > 23 || dt->minute > 59 ||
      dt->second > 59) {
    r->invalid = true;
    return;
  }
  if (dt->month != 0 && dt->day != 0 && dt->day > DaysInMonth(dt->year, dt->month))
    r->invalid = true;
}

// MariaDB's str_to_datetime for the forms relaydb supports:
//   [YY]YY<p>M[M]<p>D[D][(T| +)h[h][<p>m[m][<p>s[s][.f*]]]]  (<p> any punctuation)
//   YYYYMMDD[hhmmss[.f*]] / YYMMDD[hhmmss[.f*]] (digits only)
void ParseDateTimeText(std::string_view s, DateTime* dt, ParseResult* r) {
  size_t i = 0;
  while (i < s.size() && IsSpace(s[i])) i++;
  size_t start = i;
  while (i < s.size() && IsDigit(s[i])) i++;
  std::string_view run = s.substr(start, i - start);
  if (run.empty()) return;
  bool delimited = i < s.size() && std::ispunct(static_cast<unsigned char>(s[i])) && s[i] != '.';
  // "2024.01.02" is delimited too: a '.' right after a 4-or-fewer-digit year
  // followed by digits and another delimiter.
  if (!delimited && i < s.size() && s[i] == '.' && run.size() <= 4) delimited = true;
  if (!delimited) {
    size_t len = run.size();
    size_t year_len = (len == 4 || len == 8 || len >= 14) ? 4 : 2;
    if (len < year_len + 4 || len > 14) {
      r->ok = true;
      r->invalid = true;
      return;
    }
    dt->year = DigitsValue(run.substr(0, year_len));
    if (year_len == 2) dt->year += dt->year < 70 ? 2000 : 1900;
    size_t p = year_len;
    int64_t* fields[] = {&dt->month, &dt->day, &dt->hour, &dt->minute, &dt->second};
    for (int64_t* f : fields) {
      if (p >= len) break;
      size_t n = std::min<size_t>(2, len - p);
      *f = DigitsValue(run.substr(p, n));
      p += n;
      if (f == &dt->hour) r->has_time = true;
    }
    if (i < s.size() && s[i] == '.' && len >= 12) {
      i++;
      dt->usec = ReadFraction(s, &i, &r->frac_truncated);
    }
  } else {
    dt->year = DigitsValue(run);
    if (run.size() <= 2) dt->year += dt->year < 70 ? 2000 : 1900;
    if (run.size() > 4) {
      r->ok = true;
      r->invalid = true;
      return;
    }
    // month, day
    int64_t* date_fields[] = {&dt->month, &dt->day};
    for (int64_t* f : date_fields) {
      if (i >= s.size() || !std::ispunct(static_cast<unsigned char>(s[i]))) {
        r->ok = true;
        r->invalid = true;
        return;
      }
      i++;
      size_t b = i;
      while (i < s.size() && IsDigit(s[i])) i++;
      if (i == b || i - b > 2) {
        r->ok = true;
        r->invalid = true;
        return;
      }
      *f = DigitsValue(s.substr(b, i - b));
    }
    // Optional time part.
    size_t j = i;
    if (j < s.size() && s[j] == 'T') {
      j++;
    } else {
      while (j < s.size() && IsSpace(s[j])) j++;
    }
    if (j > i && j < s.size() && IsDigit(s[j])) {
      i = j;
      r->has_time = true;
      int64_t* time_fields[] = {&dt->hour, &dt->minute, &dt->second};
      for (int k = 0; k < 3; k++) {
        if (k > 0) {
          if (i + 1 < s.size() && std::ispunct(static_cast<unsigned char>(s[i])) &&
              IsDigit(s[i + 1]) && !(k == 3 && s[i] == '.')) {
            i++;
          } else {
            break;
          }
        }
        size_t b = i;
        while (i < s.size() && IsDigit(s[i])) i++;
        if (i - b > 2) {
          r->ok = true;
          r->invalid = true;
          return;
        }
        *time_fields[k] = DigitsValue(s.substr(b, i - b));
        if (k == 2 && i < s.size() && s[i] == '.') {
          i++;
          dt->usec = ReadFraction(s, &i, &r->frac_truncated);
        }
      }
    }
  }
  r->ok = true;
  if (!AllSpaces(s.substr(i))) r->garbage = true;
  CheckDateTimeFields(dt, r);
}

// MariaDB's number_to_datetime: YYMMDD, YYYYMMDD, YYMMDDhhmmss, YYYYMMDDhhmmss.
void NumberToDateTime(uint64_t nr, DateTime* dt, ParseResult* r) {
  r->ok = true;
  if (nr == 0) return;
  if (nr < 101) {
    r->invalid = true;
    return;
  }
  if (nr <= 691231ULL) {
    nr = (nr + 20000000ULL) * 1000000ULL;
  } else if (nr < 700101ULL) {
    r->invalid = true;
    return;
  } else if (nr <= 991231ULL) {
    nr = (nr + 19000000ULL) * 1000000ULL;
  } else if (nr < 10000101ULL) {
    r->invalid = true;
    return;
  } else if (nr <= 99991231ULL) {
    nr = nr * 1000000ULL;
  } else if (nr < 101000000ULL) {
    r->invalid = true;
    return;
  } else {
    r->has_time = true;
    if (nr <= 691231235959ULL) {
      nr += 20000000000000ULL;
    } else if (nr < 700101000000ULL) {
      r->invalid = true;
      return;
    } else if (nr <= 991231235959ULL) {
      nr += 19000000000000ULL;
    } else if (nr > 99991231235959ULL) {
      r->invalid = true;
      return;
    }
  }
  dt->year = static_cast<int64_t>(nr / 10000000000ULL);
  dt->month = static_cast<int64_t>(nr / 100000000ULL % 100);
  dt->day = static_cast<int64_t>(nr / 1000000ULL % 100);
  dt->hour = static_cast<int64_t>(nr / 10000ULL % 100);
  dt->minute = static_cast<int64_t>(nr / 100ULL % 100);
  dt->second = static_cast<int64_t>(nr % 100);
  CheckDateTimeFields(dt, r);
}

// Splits a number Value into its integer part and microseconds.
bool SplitNumber(const Value& in, bool* negative, uint64_t* int_part, uint32_t* usec,
                 bool* frac_truncated) {
  *negative = false;
  *usec = 0;
  if (in.kind() == Value::Kind::kInt) {
    *negative = in.int_value() < 0;
    *int_part = FromValueInt(in).magnitude;
    return true;
  }
  if (in.kind() == Value::Kind::kUInt) {
    *int_part = in.uint_value();
    return true;
  }
  if (in.kind() == Value::Kind::kDouble) {
    double d = in.double_value();
    if (!std::isfinite(d) || std::fabs(d) >= 1.8e19) return false;
    *negative = d < 0;
    double a = std::fabs(d);
    double ip = std::floor(a);
    *int_part = static_cast<uint64_t>(ip);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.7f", a - ip);
    size_t k = 2;  // after "0."
    std::string_view fs(buf);
    if (fs[0] == '1') {  // rounding reached 1.0
      (*int_part)++;
      return true;
    }
    *usec = ReadFraction(fs, &k, frac_truncated);
    *frac_truncated = false;
    return true;
  }
  return false;
}

// Applies fsp: truncation (MariaDB default) or rounding with
// TIME_ROUND_FRACTIONAL. Rounding may carry into the seconds; for dates the
// carry is propagated through the calendar.
void ApplyFsp(DateTime* dt, int fsp, bool round, bool is_time) {
  uint32_t unit = 1;
  for (int k = fsp; k < 6; k++) unit *= 10;
  uint32_t kept = dt->usec / unit * unit;
  bool carry = false;
  if (round && dt->usec - kept >= unit / 2 && unit > 1) {
    kept += unit;
    if (kept >= 1000000) {
      kept = 0;
      carry = true;
    }
  }
  dt->usec = kept;
  if (!carry) return;
  if (is_time) {
    int64_t total = (dt->hour * 60 + dt->minute) * 60 + dt->second + 1;
    dt->hour = total / 3600;
    dt->minute = total / 60 % 60;
    dt->second = total % 60;
    return;
  }
  if (dt->month == 0 || dt->day == 0) return;  // cannot carry through a zero date
  int64_t secs = DaysFromCivil(dt->year, dt->month, dt->day) * 86400 +
                 (dt->hour * 60 + dt->minute) * 60 + dt->second + 1;
  int64_t days = secs >= 0 ? secs / 86400 : (secs - 86399) / 86400;
  int64_t rem = secs - days * 86400;
  CivilFromDays(days, &dt->year, &dt->month, &dt->day);
  dt->hour = rem / 3600;
  dt->minute = rem / 60 % 60;
  dt->second = rem % 60;
}

std::string FormatFraction(uint32_t usec, int fsp) {
  if (fsp <= 0) return "";
  char buf[8];
  std::snprintf(buf, sizeof buf, "%06u", usec);
  return "." + std::string(buf, fsp);
}

std::string FormatDate(const DateTime& dt) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(dt.year),
                static_cast<int>(dt.month), static_cast<int>(dt.day));
  return buf;
}

std::string FormatDateTime(const DateTime& dt, int fsp) {
  char buf[32];
  std::snprintf(buf, sizeof buf, " %02d:%02d:%02d", static_cast<int>(dt.hour),
                static_cast<int>(dt.minute), static_cast<int>(dt.second));
  return FormatDate(dt) + buf + FormatFraction(dt.usec, fsp);
}

std::string FormatTime(const DateTime& dt, int fsp) {
  char buf[48];
  bool zero = dt.hour == 0 && dt.minute == 0 && dt.second == 0 && dt.usec == 0;
  std::snprintf(buf, sizeof buf, "%s%02lld:%02d:%02d", dt.negative && !zero ? "-" : "",
                static_cast<long long>(dt.hour), static_cast<int>(dt.minute),
                static_cast<int>(dt.second));
  return buf + FormatFraction(dt.usec, fsp);
}

int Fsp(const ColumnType& t) {
  if (t.base == BaseType::kDate || t.base == BaseType::kYear) return 0;
  return t.decimals > 0 ? std::min(t.decimals, 6) : 0;
}

Result<Value> CoerceDateTime(const ColumnDef& col, const Value& in, Reporter& rep,
                             const CoerceContext& ctx) {
  const ColumnType& t = col.type;
  bool is_date = t.base == BaseType::kDate;
  bool is_ts = t.base == BaseType::kTimestamp;
  const char* what = is_date && !ctx.alter_copy ? "date" : "datetime";
  int fsp = Fsp(t);
  DateTime dt;
  ParseResult r;
  std::string text = ValueAsText(in);
  if (in.kind() == Value::Kind::kString) {
    ParseDateTimeText(in.string_value(), &dt, &r);
  } else {
    bool neg;
    uint64_t ip;
    uint32_t us;
    if (SplitNumber(in, &neg, &ip, &us, &r.frac_truncated) && !neg) {
      NumberToDateTime(ip, &dt, &r);
      dt.usec = us;
    } else {
      r.ok = true;
      r.invalid = true;
    }
  }
  DateTime zero;
  auto zero_value = [&]() {
    return Value::String(is_date ? FormatDate(zero) : FormatDateTime(zero, fsp));
  };
  if (!r.ok || r.invalid) {
    if (rep.strict()) return Status::SqlError(1292, "22007", rep.IncorrectMsg(what, text));
    rep.Warn(1265, rep.TruncatedMsg());
    return zero_value();
  }
  if (r.garbage) {
    if (rep.strict()) return Status::SqlError(1292, "22007", rep.IncorrectMsg(what, text));
    rep.Warn(1265, rep.TruncatedMsg());
  }
  bool zero_date = dt.year == 0 && dt.month == 0 && dt.day == 0;
  if (zero_date) {
    if (ctx.sql_mode & kModeNoZeroDate) {
      if (rep.strict()) return Status::SqlError(1292, "22007", rep.IncorrectMsg(what, text));
      rep.Warn(1264, rep.OutOfRangeMsg());
    }
  } else if (dt.month == 0 || dt.day == 0) {
    if ((ctx.sql_mode & kModeNoZeroInDate) || is_ts) {
      if (rep.strict()) return Status::SqlError(1292, "22007", rep.IncorrectMsg(what, text));
      rep.Warn(1265, rep.TruncatedMsg());
      return zero_value();
    }
  }
  if (r.frac_truncated) rep.NoteTruncated();
  ApplyFsp(&dt, fsp, (ctx.sql_mode & kModeTimeRoundFractional) != 0, false);
  if (is_date) {
    if (dt.hour || dt.minute || dt.second || dt.usec) rep.NoteTruncated();
    return Value::String(FormatDate(dt));
  }
  if (is_ts && !(dt.year == 0 && dt.month == 0 && dt.day == 0)) {
    int64_t local = DaysFromCivil(dt.year, dt.month, dt.day) * 86400 +
                    (dt.hour * 60 + dt.minute) * 60 + dt.second;
    int64_t epoch = local;
    if (!ZoneIsUtc(ctx.time_zone)) {
      // The wall-clock time of the session zone → UTC: the offset at the
      // instant itself (a second pass settles DST edges).
      int64_t off = 0;
      if (ZoneOffsetAt(ctx.time_zone, local, &off) && ZoneOffsetAt(ctx.time_zone, local - off, &off))
        epoch = local - off;
    }
    if (epoch < 1 || epoch > 2147483647LL) {
      if (rep.strict()) return Status::SqlError(1292, "22007", rep.IncorrectMsg(what, text));
      rep.Warn(1264, rep.OutOfRangeMsg());
      return zero_value();
    }
    if (epoch != local) {
      int64_t days = epoch >= 0 ? epoch / 86400 : -((-epoch + 86399) / 86400);
      int64_t secs = epoch - days * 86400;
      CivilFromDays(days, &dt.year, &dt.month, &dt.day);
      dt.hour = secs / 3600;
      dt.minute = secs / 60 % 60;
      dt.second = secs % 60;
    }
  }
  return Value::String(FormatDateTime(dt, fsp));
}

constexpr int64_t kTimeMaxSeconds = 838 * 3600 + 59 * 60 + 59;

void ParseTimeText(std::string_view s, DateTime* dt, ParseResult* r) {
  size_t i = 0;
  while (i < s.size() && IsSpace(s[i])) i++;
  if (i < s.size() && s[i] == '-') {
    dt->negative = true;
    i++;
  }
  size_t start = i;
  while (i < s.size() && IsDigit(s[i])) i++;
  std::string_view run = s.substr(start, i - start);
  if (run.empty()) return;
  if (i < s.size() && (s[i] == '-' || s[i] == '/') && run.size() <= 4) {
    // A date-time: keep its time part.
    DateTime full;
    ParseResult fr;
    ParseDateTimeText(s.substr(start), &full, &fr);
    *r = fr;
    r->had_date = true;
    dt->hour = full.hour;
    dt->minute = full.minute;
    dt->second = full.second;
    dt->usec = full.usec;
    return;
  }
  auto read_hms = [&](int64_t base_hours) {
    // At s[i]: h+ [: m+ [: s+ [. f]]]; the hour digits were already read
    // into `run` by the caller when base_hours < 0.
    int64_t* fields[] = {&dt->minute, &dt->second};
    for (int64_t* f : fields) {
      if (i + 1 < s.size() && s[i] == ':' && IsDigit(s[i + 1])) {
        i++;
        size_t b = i;
        while (i < s.size() && IsDigit(s[i])) i++;
        if (i - b > 2) r->invalid = true;
        *f = DigitsValue(s.substr(b, std::min<size_t>(i - b, 9)));
      } else {
        break;
      }
    }
    if (i < s.size() && s[i] == '.' && i + 1 < s.size() && IsDigit(s[i + 1])) {
      i++;
      dt->usec = ReadFraction(s, &i, &r->frac_truncated);
    }
    (void)base_hours;
  };
  if (i + 1 < s.size() && s[i] == ' ' && run.size() <= 2) {
    // 'D hh:mm[:ss]' — only when a ':' follows the hour.
    size_t j = i;
    while (j < s.size() && s[j] == ' ') j++;
    size_t hb = j;
    while (j < s.size() && IsDigit(s[j])) j++;
    if (j > hb && j - hb <= 2 && j < s.size() && s[j] == ':') {
      int64_t days = DigitsValue(run);
      dt->hour = days * 24 + DigitsValue(s.substr(hb, j - hb));
      i = j;
      read_hms(dt->hour);
      r->ok = true;
      if (!AllSpaces(s.substr(i))) r->garbage = true;
      if (dt->minute > 59 || dt->second > 59) r->invalid = true;
      return;
    }
  }
  if (i < s.size() && s[i] == ':') {
    if (run.size() > 7) r->invalid = true;
    dt->hour = DigitsValue(run.substr(0, std::min<size_t>(run.size(), 9)));
    read_hms(dt->hour);
  } else {
    // hhmmss read from the right.
    if (run.size() > 7) {
      // Larger numbers: a date-time as digits.
      DateTime full;
      ParseResult fr;
      ParseDateTimeText(s.substr(start), &full, &fr);
      *r = fr;
      r->had_date = true;
      dt->hour = full.hour;
      dt->minute = full.minute;
      dt->second = full.second;
      dt->usec = full.usec;
      return;
    }
    int64_t v = DigitsValue(run);
    dt->second = v % 100;
    dt->minute = v / 100 % 100;
    dt->hour = v / 10000;
    if (i < s.size() && s[i] == '.' && i + 1 < s.size() && IsDigit(s[i + 1])) {
      i++;
      dt->usec = ReadFraction(s, &i, &r->frac_truncated);
    }
  }
  r->ok = true;
  if (!AllSpaces(s.substr(i))) r->garbage = true;
  if (dt->minute > 59 || dt->second > 59) r->invalid = true;
}

Result<Value> CoerceTime(const ColumnDef& col, const Value& in, Reporter& rep,
                         const CoerceContext& ctx) {
  int fsp = Fsp(col.type);
  DateTime dt;
  ParseResult r;
  std::string text = ValueAsText(in);
  if (in.kind() == Value::Kind::kString) {
    ParseTimeText(in.string_value(), &dt, &r);
  } else {
    bool neg;
    uint64_t ip;
    uint32_t us;
    if (SplitNumber(in, &neg, &ip, &us, &r.frac_truncated)) {
      r.ok = true;
      if (ip >= 10000000000ULL) {
        DateTime full;
        NumberToDateTime(ip, &full, &r);
        r.had_date = true;
        dt.hour = full.hour;
        dt.minute = full.minute;
        dt.second = full.second;
      } else {
        dt.negative = neg;
        dt.hour = static_cast<int64_t>(ip / 10000);
        dt.minute = static_cast<int64_t>(ip / 100 % 100);
        dt.second = static_cast<int64_t>(ip % 100);
        if (dt.minute > 59 || dt.second > 59) r.invalid = true;
      }
      dt.usec = us;
    }
  }
  DateTime zero;
  if (!r.ok || r.invalid) {
    if (rep.strict()) return Status::SqlError(1292, "22007", rep.IncorrectMsg("time", text));
    rep.Warn(1265, rep.TruncatedMsg());
    return Value::String(FormatTime(zero, fsp));
  }
  if (r.garbage) {
    if (rep.strict()) return Status::SqlError(1292, "22007", rep.IncorrectMsg("time", text));
    rep.Warn(1265, rep.TruncatedMsg());
  }
  int64_t secs = (dt.hour * 60 + dt.minute) * 60 + dt.second;
  if (dt.hour > 10000 || secs > kTimeMaxSeconds) {
    if (rep.strict()) return Status::SqlError(1292, "22007", rep.IncorrectMsg("time", text));
    rep.Warn(1264, rep.OutOfRangeMsg());
    DateTime max;
    max.negative = dt.negative;
    max.hour = 838;
    max.minute = 59;
    max.second = 59;
    return Value::String(FormatTime(max, fsp));
  }
  if (r.frac_truncated || r.had_date) rep.NoteTruncated();
  ApplyFsp(&dt, fsp, (ctx.sql_mode & kModeTimeRoundFractional) != 0, true);
  if ((dt.hour * 60 + dt.minute) * 60 + dt.second > kTimeMaxSeconds) {
    dt.hour = 838;
    dt.minute = 59;
    dt.second = 59;
    dt.usec = 0;
  }
  return Value::String(FormatTime(dt, fsp));
}

Result<Value> CoerceYear(const ColumnDef& col, const Value& in, Reporter& rep) {
  int64_t v = 0;
  bool two_digit_zero = false;  // '0', '00', '000' mean 2000
  if (in.kind() == Value::Kind::kString) {
    const std::string& s = in.string_value();
    NumText n = ParseNumText(s);
    if (!n.any_digits) {
      RETURN_IF_ERROR(rep.Incorrect("integer", s));
      return Value::Int(0);
    }
    bool over;
    uint64_t mag = RoundToUint(n, &over);
    if (over || mag > 100000) {
      v = 100000;
    } else {
      v = n.negative ? -static_cast<int64_t>(mag) : static_cast<int64_t>(mag);
    }
    if (v < 0 || (v >= 100 && v <= 1900) || v > 2155) {
      RETURN_IF_ERROR(rep.OutOfRange());
      return Value::Int(0);
    }
    if (n.garbage) {
      RETURN_IF_ERROR(rep.Truncated());
    } else if (n.trailing_space) {
      rep.NoteTruncated();
    }
    two_digit_zero = v == 0 && s.size() != 4;
  } else if (in.kind() == Value::Kind::kDouble) {
    WideInt w = FromDouble(in.double_value());
    v = w.overflow || w.magnitude > 100000 ? 100000 : static_cast<int64_t>(w.magnitude);
    if (w.negative && v != 0) v = -v;
  } else if (in.kind() == Value::Kind::kInt) {
    v = in.int_value();
  } else if (in.kind() == Value::Kind::kUInt) {
    v = in.uint_value() > 100000 ? 100000 : static_cast<int64_t>(in.uint_value());
  }
  if (v < 0 || (v >= 100 && v <= 1900) || v > 2155) {
    RETURN_IF_ERROR(rep.OutOfRange());
    return Value::Int(0);
  }
  if (v == 0 && !two_digit_zero) return Value::Int(0);
  if (v < 70) return Value::Int(2000 + v);
  if (v < 100) return Value::Int(1900 + v);
  return Value::Int(v);
}

}  // namespace

// ===========================================================================
// 5. CoerceToStored and defaults

const char* WarningLevelName(SqlWarning::Level level) {
  switch (level) {
    case SqlWarning::Level::kNote: return "Note";
    case SqlWarning::Level::kWarning: return "Warning";
    case SqlWarning::Level::kError: return "Error";
  }
  return "Warning";
}

Status ColumnCannotBeNull(std::string_view column) {
  return Status::SqlError(1048, "23000", "Column '" + std::string(column) + "' cannot be null");
}

Status NoDefaultValue(std::string_view column) {
  return Status::SqlError(1364, "HY000",
                          "Field '" + std::string(column) + "' doesn't have a default value");
}

Status OutOfRange(std::string_view column, uint64_t row) {
  return Status::SqlError(
      1264, "22003",
      "Out of range value for column '" + std::string(column) + "' at row " + std::to_string(row));
}

Result<Value> CoerceToStored(const ColumnDef& col, const Value& in, const CoerceContext& ctx) {
  if (in.is_null()) {
    if (col.nullable) return Value::Null();
    if (ctx.null_becomes_default && !ctx.strict()) {
      if (ctx.warnings != nullptr) {
        ctx.warnings->push_back(SqlWarning{SqlWarning::Level::kWarning, 1048,
                                           "Column '" + col.name + "' cannot be null"});
      }
      return ImplicitDefault(col);
    }
    return ColumnCannotBeNull(col.name);
  }
  Reporter rep(col, ctx);
  switch (col.type.base) {
    case BaseType::kTinyInt:
    case BaseType::kSmallInt:
    case BaseType::kMediumInt:
    case BaseType::kInt:
    case BaseType::kBigInt: return CoerceInteger(col, in, rep);
    case BaseType::kDecimal: return CoerceDecimal(col, in, rep);
    case BaseType::kFloat:
    case BaseType::kDouble: return CoerceReal(col, in, rep);
    case BaseType::kBit: return CoerceBit(col, in, rep);
    case BaseType::kChar:
    case BaseType::kVarchar:
    case BaseType::kTinyText:
    case BaseType::kText:
    case BaseType::kMediumText:
    case BaseType::kLongText: return CoerceText(col, in, rep, ctx);
    case BaseType::kBinary:
    case BaseType::kVarbinary:
    case BaseType::kTinyBlob:
    case BaseType::kBlob:
    case BaseType::kMediumBlob:
    case BaseType::kLongBlob: return CoerceBinary(col, in, rep);
    case BaseType::kDate:
    case BaseType::kDatetime:
    case BaseType::kTimestamp: return CoerceDateTime(col, in, rep, ctx);
    case BaseType::kTime: return CoerceTime(col, in, rep, ctx);
    case BaseType::kYear: return CoerceYear(col, in, rep);
    case BaseType::kEnum: return CoerceEnum(col, in, rep);
    case BaseType::kSet: return CoerceSet(col, in, rep);
    case BaseType::kJson: return CoerceJson(col, in, rep, ctx);
  }
  return Status::InvalidArgument("unknown column type");
}

std::string NumericContextSql(const ColumnDef& col, std::string_view ref, int* scale) {
  const ColumnType& t = col.type;
  *scale = 0;
  auto quote = [](std::string_view label) {
    std::string q = "'";
    for (char c : label) {
      if (c == '\'') q += '\'';
      q += c;
    }
    return q + "'";
  };
  std::string r(ref);
  switch (t.base) {
    case BaseType::kEnum: {
      // Stored labels are the declared spellings: compare them bytewise.
      std::string sql = "(CASE " + r + " COLLATE " + storage::kCollationBin;
      for (size_t i = 0; i < t.elements.size(); i++)
        sql += " WHEN " + quote(t.elements[i]) + " THEN " + std::to_string(i + 1);
      return sql + " WHEN '' THEN 0 END)";
    }
    case BaseType::kSet: {
      std::string sql = "(CASE WHEN " + r + " IS NULL THEN NULL ELSE 0";
      std::string padded = "(',' || " + r + " || ',')";
      for (size_t i = 0; i < t.elements.size() && i < 63; i++)
        sql += " + (instr(" + padded + ", " + quote("," + t.elements[i] + ",") + ") > 0) * " +
               std::to_string(int64_t{1} << i);
      return sql + " END)";
    }
    case BaseType::kDate:
      return "CAST(replace(" + r + ", '-', '') AS INTEGER)";
    case BaseType::kDatetime:
    case BaseType::kTimestamp:
    case BaseType::kTime: {
      std::string digits = t.base == BaseType::kTime
                               ? "replace(" + r + ", ':', '')"
                               : "replace(replace(replace(" + r + ", '-', ''), ' ', ''), ':', '')";
      int fsp = std::max(t.decimals, 0);
      if (fsp == 0) return "CAST(" + digits + " AS INTEGER)";
      *scale = fsp;
      return digits;
    }
    default:
      return "";
  }
}

bool ZoneOffsetAt(std::string_view zone, int64_t utc_seconds, int64_t* offset) {
  *offset = 0;
  if (zone.empty()) return true;
  if (zone.size() >= 4 && (zone[0] == '+' || zone[0] == '-')) {
    // [+-]h[h]:mm
    size_t colon = zone.find(':');
    if (colon == std::string_view::npos || colon < 2 || colon + 3 != zone.size()) return false;
    int64_t h = 0, m = 0;
    for (size_t i = 1; i < colon; i++) {
      if (!IsDigit(zone[i])) return false;
      h = h * 10 + (zone[i] - '0');
    }
    for (size_t i = colon + 1; i < zone.size(); i++) {
      if (!IsDigit(zone[i])) return false;
      m = m * 10 + (zone[i] - '0');
    }
    *offset = (zone[0] == '-' ? -1 : 1) * (h * 3600 + m * 60);
    return true;
  }
  if (zone.size() == 6 && (zone[0] == 'S' || zone[0] == 's')) {
    std::string upper(zone);
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (upper != "SYSTEM") return false;
    time_t t = static_cast<time_t>(utc_seconds);
    struct tm tm;
    if (localtime_r(&t, &tm) == nullptr) return false;
    *offset = tm.tm_gmtoff;
    return true;
  }
  return false;
}

bool ZoneIsUtc(std::string_view zone) {
  if (zone.empty() || zone == "+00:00" || zone == "-00:00") return true;
  if (zone.size() != 6 || (zone[0] != 'S' && zone[0] != 's')) return false;
  // SYSTEM: UTC when the host zone has no offset now, half a year away, and
  // at the epoch (no DST rules in effect).
  for (int64_t probe : {int64_t{0}, static_cast<int64_t>(time(nullptr)),
                        static_cast<int64_t>(time(nullptr)) + 182 * 86400}) {
    int64_t off = 0;
    if (!ZoneOffsetAt(zone, probe, &off) || off != 0) return false;
  }
  return true;
}

std::string TimestampToZoneSql(std::string_view ref, std::string_view zone) {
  std::string r(ref);
  if (ZoneIsUtc(zone)) return r;
  std::string z = "'";
  for (char c : zone) {
    if (c == '\'') z += '\'';
    z += c;
  }
  z += "'";
  return "(CASE WHEN substr(" + r + ", 1, 10) = '0000-00-00' THEN " + r + " ELSE rdb_convert_tz(" + r +
         ", '+00:00', " + z + ") END)";
}

int NumericContextLength(const ColumnType& t) {
  int fraction = t.decimals > 0 ? t.decimals + 1 : 0;
  switch (t.base) {
    case BaseType::kEnum:
    case BaseType::kSet: {
      size_t longest = 0, total = 0;
      for (const std::string& e : t.elements) {
        size_t chars = 0;
        for (unsigned char c : e) chars += (c & 0xC0) != 0x80;
        longest = std::max(longest, chars);
        total += chars + (total > 0 ? 1 : 0);
      }
      return static_cast<int>(t.base == BaseType::kEnum ? longest : total) + 1;
    }
    case BaseType::kDate: return 9;
    case BaseType::kTime: return 8 + fraction;
    case BaseType::kDatetime:
    case BaseType::kTimestamp: return 15 + fraction;
    default: return -1;
  }
}

Value ImplicitDefault(const ColumnDef& col) {
  const ColumnType& t = col.type;
  switch (t.base) {
    case BaseType::kBigInt:
      return t.is_unsigned ? Value::String("0") : Value::Int(0);
    case BaseType::kTinyInt:
    case BaseType::kSmallInt:
    case BaseType::kMediumInt:
    case BaseType::kInt:
    case BaseType::kBit:
    case BaseType::kYear: return Value::Int(0);
    case BaseType::kDecimal: {
      int s = DecimalScale(t);
      return Value::String(s > 0 ? "0." + std::string(s, '0') : "0");
    }
    case BaseType::kFloat:
    case BaseType::kDouble: return Value::Double(0);
    case BaseType::kBinary: return Value::String(std::string(t.length >= 0 ? t.length : 1, '\0'));
    case BaseType::kEnum: return Value::String(t.elements.empty() ? "" : t.elements[0]);
    case BaseType::kDate: return Value::String("0000-00-00");
    case BaseType::kDatetime:
    case BaseType::kTimestamp: return Value::String(FormatDateTime(DateTime{}, Fsp(t)));
    case BaseType::kTime: return Value::String(FormatTime(DateTime{}, Fsp(t)));
    default: return Value::String("");
  }
}

bool IsCurrentTimestampExpr(std::string_view expr) {
  std::string e;
  for (char c : expr)
    if (c != ' ') e += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  size_t paren = e.find('(');
  std::string name = e.substr(0, paren);
  if (name != "current_timestamp" && name != "now" && name != "localtime" &&
      name != "localtimestamp")
    return false;
  if (paren == std::string::npos) return true;
  if (e.back() != ')') return false;
  std::string inner = e.substr(paren + 1, e.size() - paren - 2);
  return inner.empty() || AllDigits(inner);
}

namespace {

// A literal DEFAULT's text as a Value to coerce: BIT and numeric types read
// b'0101', 0x1F / x'1F' and plain numbers.
Value DefaultLiteralValue(const ColumnDef& col, const std::string& text) {
  const ColumnType& t = col.type;
  if (t.base == BaseType::kBit || t.IsInteger() || t.base == BaseType::kYear) {
    std::string_view s = text;
    uint64_t v = 0;
    if (s.size() >= 3 && (s[0] == 'b' || s[0] == 'B') && s[1] == '\'' && s.back() == '\'') {
      for (char c : s.substr(2, s.size() - 3)) v = (v << 1) | (c == '1' ? 1 : 0);
      return Value::UInt(v);
    }
    if (s.size() >= 3 && (s[0] == 'x' || s[0] == 'X') && s[1] == '\'' && s.back() == '\'') {
      s = s.substr(2, s.size() - 3);
      return Value::UInt(std::strtoull(std::string(s).c_str(), nullptr, 16));
    }
    if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
      return Value::UInt(std::strtoull(std::string(s.substr(2)).c_str(), nullptr, 16));
    }
    if (t.base == BaseType::kBit) {
      NumText n = ParseNumText(s);
      bool over;
      uint64_t u = RoundToUint(n, &over);
      if (n.any_digits && !n.garbage && !n.negative) return Value::UInt(u);
    }
  }
  if (t.IsTemporal() && t.base != BaseType::kYear && AllDigits(text)) {
    // A number literal (DEFAULT 0, DEFAULT 20240102): the parser hands
    // numbers and strings over alike; digits only read as a number.
    return Value::UInt(std::strtoull(text.c_str(), nullptr, 10));
  }
  return Value::String(text);
}

}  // namespace

Result<Value> DefaultFor(const ColumnDef& col, const CoerceContext& ctx) {
  if (col.auto_increment || col.default_is_null) return Value::Null();
  if (col.default_value.has_value()) {
    CoerceContext relaxed = ctx;
    relaxed.sql_mode &= ~(kModeStrictAllTables | kModeStrictTransTables | kModeNoZeroDate |
                          kModeNoZeroInDate);
    relaxed.warnings = nullptr;
    if (col.default_is_expression) {
      if (!IsCurrentTimestampExpr(*col.default_value) || ctx.now.empty()) {
        return Status::NotSupported("expression default: " + *col.default_value);
      }
      return CoerceToStored(col, Value::String(std::string(ctx.now)), relaxed);
    }
    return CoerceToStored(col, DefaultLiteralValue(col, *col.default_value), relaxed);
  }
  if (col.nullable) return Value::Null();
  if (col.type.base == BaseType::kEnum) return ImplicitDefault(col);
  if (ctx.strict()) return NoDefaultValue(col.name);
  if (ctx.warnings != nullptr) {
    ctx.warnings->push_back(SqlWarning{SqlWarning::Level::kWarning, 1364,
                                       "Field '" + col.name + "' doesn't have a default value"});
  }
  return ImplicitDefault(col);
}

std::string CanonicalCurrentTimestamp(std::string_view expr) {
  std::string digits;
  size_t p = expr.find('(');
  if (p != std::string_view::npos) {
    for (char c : expr.substr(p))
      if (IsDigit(c)) digits += c;
  }
  return "current_timestamp(" + digits + ")";
}

namespace {

std::string FixedDecimals(double d, int decimals) {
  char buf[400];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, d);
  std::string s = buf;
  if (s[0] == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);
  return s;
}

bool HasFixedDecimals(const ColumnType& t) {
  return (t.base == BaseType::kFloat || t.base == BaseType::kDouble) && t.length > 0 &&
         t.decimals >= 0 && t.decimals < 31;
}

// The text of a real value as MariaDB shows it (without zerofill).
std::string RealText(const ColumnType& t, double d) {
  if (HasFixedDecimals(t)) return FixedDecimals(d, t.decimals);
  if (t.base == BaseType::kFloat) return FormatFloatMariaDB(static_cast<float>(d));
  return FormatDoubleMariaDB(d);
}

}  // namespace

Result<std::string> CanonicalDefaultText(const ColumnDef& col, uint64_t sql_mode) {
  auto invalid = [&]() {
    return Status::SqlError(1067, "42000", "Invalid default value for '" + col.name + "'");
  };
  if (!col.default_value.has_value() || col.default_is_null) {
    if (col.default_is_null && !col.nullable) return invalid();
    return std::string();
  }
  if (col.auto_increment) return invalid();
  const ColumnType& t = col.type;
  if (col.default_is_expression) {
    if (IsCurrentTimestampExpr(*col.default_value)) {
      if (t.base != BaseType::kDatetime && t.base != BaseType::kTimestamp) return invalid();
      return CanonicalCurrentTimestamp(*col.default_value);
    }
    return *col.default_value;  // other expressions are kept as written
  }
  CoerceContext ctx;
  ctx.sql_mode = (sql_mode | kModeStrictAllTables) & ~kModeTimeRoundFractional;
  ctx.sql_mode |= sql_mode & kModeTimeRoundFractional;
  ColumnDef c = col;
  c.nullable = true;
  auto stored = CoerceToStored(c, DefaultLiteralValue(col, *col.default_value), ctx);
  if (!stored.ok()) return invalid();
  const Value& v = stored.value();
  switch (v.kind()) {
    case Value::Kind::kInt:
      if (t.base == BaseType::kBit) return std::to_string(static_cast<uint64_t>(v.int_value()));
      return std::to_string(v.int_value());
    case Value::Kind::kUInt: return std::to_string(v.uint_value());
    case Value::Kind::kDouble: return RealText(t, v.double_value());
    case Value::Kind::kString: return v.string_value();
    case Value::Kind::kNull: return std::string();
  }
  return std::string();
}

// ===========================================================================
// 6. Reading back

namespace {

// Places the decimal point in `digits` (significant digits, no leading or
// trailing zeros) for a value of 0.<digits> * 10^decpt, MariaDB's my_gcvt
// way: fixed notation when -15 < decpt - 1 and (decpt <= 15 or all digits
// are needed before the point), else d.ddde<exp>.
std::string LayoutDigits(bool negative, const std::string& digits, int decpt) {
  std::string out = negative ? "-" : "";
  int len = static_cast<int>(digits.size());
  if (decpt >= -14 && (decpt <= 15 || len > decpt)) {
    if (decpt <= 0) {
      out += "0." + std::string(-decpt, '0') + digits;
    } else if (decpt < len) {
      out += digits.substr(0, decpt) + "." + digits.substr(decpt);
    } else {
      out += digits + std::string(decpt - len, '0');
    }
    return out;
  }
  out += digits.substr(0, 1);
  if (len > 1) out += "." + digits.substr(1);
  out += "e" + std::to_string(decpt - 1);
  return out;
}

// Splits a "%e"-style text ("-1.2345e+07") into digits and decpt.
void SplitScientific(const std::string& sci, bool* negative, std::string* digits, int* decpt) {
  size_t i = 0;
  *negative = false;
  if (sci[i] == '-') {
    *negative = true;
    i++;
  }
  size_t e = sci.find_first_of("eE", i);
  std::string mant = sci.substr(i, e == std::string::npos ? std::string::npos : e - i);
  int exp = e == std::string::npos ? 0 : std::atoi(sci.c_str() + e + 1);
  digits->clear();
  for (char c : mant)
    if (IsDigit(c)) *digits += c;
  // mantissa is d[.ddd]: the point is after the first digit.
  *decpt = exp + 1;
  size_t lead = 0;
  while (lead + 1 < digits->size() && (*digits)[lead] == '0') {
    lead++;
    (*decpt)--;
  }
  digits->erase(0, lead);
  while (digits->size() > 1 && digits->back() == '0') digits->pop_back();
}

}  // namespace

std::string FormatDoubleMariaDB(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v < 0 ? "-inf" : "inf";
  if (v == 0) return "0";
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  bool neg;
  std::string digits;
  int decpt;
  SplitScientific(std::string(buf, r.ptr), &neg, &digits, &decpt);
  return LayoutDigits(neg, digits, decpt);
}

std::string FormatFloatMariaDB(float f) {
  if (std::isnan(f)) return "nan";
  if (std::isinf(f)) return f < 0 ? "-inf" : "inf";
  if (f == 0) return "0";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.5e", static_cast<double>(f));
  bool neg;
  std::string digits;
  int decpt;
  SplitScientific(buf, &neg, &digits, &decpt);
  return LayoutDigits(neg, digits, decpt);
}

namespace {

std::string ZeroPad(std::string s, size_t width) {
  bool neg = !s.empty() && s[0] == '-';
  size_t body = s.size() - (neg ? 1 : 0);
  if (body >= width) return s;
  s.insert(neg ? 1 : 0, width - body, '0');
  return s;
}

std::string BitBytes(uint64_t v, int bits) {
  int nbytes = (bits + 7) / 8;
  std::string out(nbytes, '\0');
  for (int k = nbytes - 1; k >= 0; k--) {
    out[k] = static_cast<char>(v & 0xff);
    v >>= 8;
  }
  return out;
}

// The cell in a uniform shape for conversion.
struct Cell {
  int type = SQLITE_NULL;
  int64_t i = 0;
  double d = 0;
  std::string_view s;
};

Value CellToValue(const ColumnDef& col, const Cell& c, ValueForm form, uint64_t sql_mode) {
  if (c.type == SQLITE_NULL) return Value::Null();
  const ColumnType& t = col.type;
  bool text = form == ValueForm::kText;
  auto as_int = [&]() -> int64_t {
    if (c.type == SQLITE_INTEGER) return c.i;
    if (c.type == SQLITE_FLOAT) return static_cast<int64_t>(c.d);
    return std::strtoll(std::string(c.s).c_str(), nullptr, 10);
  };
  auto as_text = [&]() -> std::string {
    if (c.type == SQLITE_INTEGER) return std::to_string(c.i);
    if (c.type == SQLITE_FLOAT) return FormatDoubleMariaDB(c.d);
    return std::string(c.s);
  };
  switch (t.base) {
    case BaseType::kTinyInt:
    case BaseType::kSmallInt:
    case BaseType::kMediumInt:
    case BaseType::kInt:
    case BaseType::kBigInt: {
      Value v;
      if (t.is_unsigned) {
        uint64_t u = (c.type == SQLITE_TEXT || c.type == SQLITE_BLOB)
                         ? std::strtoull(std::string(c.s).c_str(), nullptr, 10)
                         : static_cast<uint64_t>(as_int());
        v = Value::UInt(u);
      } else {
        v = Value::Int(as_int());
      }
      if (text && t.zerofill) return Value::String(ZeroPad(v.ToText(), IntegerDisplayWidth(t)));
      return v;
    }
    case BaseType::kYear: {
      int64_t y = as_int();
      if (text) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04lld", static_cast<long long>(y));
        return Value::String(buf);
      }
      return Value::Int(y);
    }
    case BaseType::kBit:
      return Value::String(BitBytes(static_cast<uint64_t>(as_int()), BitLength(t)));
    case BaseType::kDecimal: {
      std::string s;
      if (c.type == SQLITE_TEXT || c.type == SQLITE_BLOB) {
        s = std::string(c.s);
      } else {
        NumText n = ParseNumText(as_text());
        bool lost, over;
        s = DecimalText(n, DecimalPrecision(t), DecimalScale(t), &lost, &over);
      }
      if (text && t.zerofill) {
        int width = DecimalPrecision(t) + (DecimalScale(t) > 0 ? 1 : 0);
        s = ZeroPad(s, width);
      }
      return Value::String(std::move(s));
    }
    case BaseType::kFloat:
    case BaseType::kDouble: {
      double d = c.type == SQLITE_FLOAT ? c.d
                 : c.type == SQLITE_INTEGER ? static_cast<double>(c.i)
                                            : std::strtod(std::string(c.s).c_str(), nullptr);
      if (!text) return Value::Double(d);
      std::string s = RealText(t, d);
      if (t.zerofill) {
        uint32_t width = t.length > 0 ? t.length : (t.base == BaseType::kFloat ? 12 : 22);
        s = ZeroPad(s, width);
      }
      return Value::String(std::move(s));
    }
    case BaseType::kChar: {
      std::string s = as_text();
      if ((sql_mode & kModePadCharToFullLength) && t.length > 0) {
        size_t n = CharLength(s);
        if (n < static_cast<size_t>(t.length)) s.append(t.length - n, ' ');
      }
      return Value::String(std::move(s));
    }
    default: return Value::String(as_text());
  }
}

}  // namespace

Value StoredToValue(const ColumnDef& col, sqlite3_value* v, ValueForm form, uint64_t sql_mode) {
  Cell c;
  c.type = v == nullptr ? SQLITE_NULL : sqlite3_value_type(v);
  switch (c.type) {
    case SQLITE_INTEGER: c.i = sqlite3_value_int64(v); break;
    case SQLITE_FLOAT: c.d = sqlite3_value_double(v); break;
    case SQLITE_TEXT: {
      const unsigned char* p = sqlite3_value_text(v);
      c.s = std::string_view(reinterpret_cast<const char*>(p),
                             static_cast<size_t>(sqlite3_value_bytes(v)));
      break;
    }
    case SQLITE_BLOB: {
      const void* p = sqlite3_value_blob(v);
      int n = sqlite3_value_bytes(v);
      c.s = n > 0 ? std::string_view(static_cast<const char*>(p), static_cast<size_t>(n))
                  : std::string_view();
      break;
    }
    default: break;
  }
  return CellToValue(col, c, form, sql_mode);
}

Value StoredToValue(const ColumnDef& col, const storage::Statement& stmt, int column,
                    ValueForm form, uint64_t sql_mode) {
  return StoredToValue(col, stmt.ColumnValue(column), form, sql_mode);
}

Value StoredToValue(const ColumnDef& col, const Value& stored, ValueForm form, uint64_t sql_mode) {
  Cell c;
  switch (stored.kind()) {
    case Value::Kind::kNull: c.type = SQLITE_NULL; break;
    case Value::Kind::kInt:
      c.type = SQLITE_INTEGER;
      c.i = stored.int_value();
      break;
    case Value::Kind::kUInt:
      c.type = SQLITE_INTEGER;
      c.i = static_cast<int64_t>(stored.uint_value());
      break;
    case Value::Kind::kDouble:
      c.type = SQLITE_FLOAT;
      c.d = stored.double_value();
      break;
    case Value::Kind::kString:
      c.type = SQLITE_TEXT;
      c.s = stored.string_value();
      break;
  }
  return CellToValue(col, c, form, sql_mode);
}

// ===========================================================================
// 7. SQLite declarations and metadata

std::string DefaultCollationOf(std::string_view charset) {
  std::string cs(charset);
  for (char& ch : cs) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (cs == "binary") return "binary";
  if (cs == "latin1") return "latin1_swedish_ci";
  if (cs == "utf8" || cs == "utf8mb3") return "utf8mb3_general_ci";
  if (cs == "big5") return "big5_chinese_ci";
  if (cs == "gbk") return "gbk_chinese_ci";
  if (cs == "sjis") return "sjis_japanese_ci";
  if (cs == "euckr") return "euckr_korean_ci";
  if (cs == "latin2") return "latin2_general_ci";
  return cs + "_general_ci";
}

std::string CharsetOfCollation(std::string_view collation) {
  std::string c(collation);
  for (char& ch : c) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  size_t u = c.find('_');
  std::string cs = u == std::string::npos ? c : c.substr(0, u);
  if (cs == "utf8") cs = "utf8mb3";
  return cs;
}

namespace {

// MariaDB's latin1 is Windows-1252 (with 0x81, 0x8D, 0x8F, 0x90, 0x9D
// mapping to the C1 controls of the same value).
constexpr uint16_t kCp1252High[32] = {0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                      0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
                                      0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                      0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    *out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out += static_cast<char>(0xC0 | (cp >> 6));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out += static_cast<char>(0xE0 | (cp >> 12));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace

std::string SingleByteToUtf8(std::string_view in, bool ascii) {
  std::string out;
  out.reserve(in.size());
  for (char ch : in) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c < 0x80) out += ch;
    else if (ascii) out += '?';
    else if (c < 0xA0) AppendUtf8(kCp1252High[c - 0x80], &out);
    else AppendUtf8(c, &out);
  }
  return out;
}

std::string Utf8ToSingleByte(std::string_view in, bool ascii) {
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size();) {
    unsigned char c = static_cast<unsigned char>(in[i]);
    uint32_t cp;
    size_t n;
    if (c < 0x80) cp = c, n = 1;
    else if ((c >> 5) == 6 && i + 1 < in.size()) cp = ((c & 0x1F) << 6) | (in[i + 1] & 0x3F), n = 2;
    else if ((c >> 4) == 14 && i + 2 < in.size())
      cp = ((c & 0x0F) << 12) | ((in[i + 1] & 0x3F) << 6) | (in[i + 2] & 0x3F), n = 3;
    else if ((c >> 3) == 30 && i + 3 < in.size()) cp = 0x110000, n = 4;
    else cp = 0x110000, n = 1;
    i += n;
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (ascii) {
      out += '?';
    } else if (cp >= 0xA0 && cp <= 0xFF) {
      out += static_cast<char>(cp);
    } else {
      char b = '?';
      for (int k = 0; k < 32; k++)
        if (kCp1252High[k] == cp) b = static_cast<char>(0x80 + k);
      out += b;
    }
  }
  return out;
}


int MaxBytesPerChar(const ColumnType& t, std::string_view table_collation) {
  if (t.IsBinaryString()) return 1;
  std::string cs = CharsetOfCollation(EffectiveCollation(t, table_collation));
  if (cs == "utf8mb4" || cs == "utf16" || cs == "utf32") return 4;
  if (cs == "utf8mb3" || cs == "ucs2") return 3;
  if (cs == "latin1" || cs == "ascii" || cs == "binary" || cs == "latin2") return 1;
  return 2;
}

std::string EffectiveCollation(const ColumnType& type, std::string_view table_collation) {
  if (type.base == BaseType::kJson) return "utf8mb4_bin";
  auto lower = [](std::string s) {
    for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
  };
  if (!type.collation.empty()) return lower(type.collation);
  if (!type.charset.empty()) {
    // A charset equal to the table's keeps the table's collation.
    if (!table_collation.empty() &&
        CharsetOfCollation(table_collation) == CharsetOfCollation(DefaultCollationOf(type.charset)))
      return lower(std::string(table_collation));
    return DefaultCollationOf(type.charset);
  }
  if (!table_collation.empty()) return lower(std::string(table_collation));
  return "utf8mb4_general_ci";
}

bool IsBlobStorage(const ColumnType& type) { return type.IsBinaryString(); }

std::string SqliteColumnType(const ColumnDef& col, std::string_view table_collation) {
  const ColumnType& t = col.type;
  switch (t.base) {
    case BaseType::kBigInt:
      return t.is_unsigned ? std::string("TEXT COLLATE ") + storage::kCollationNum : "INTEGER";
    case BaseType::kTinyInt:
    case BaseType::kSmallInt:
    case BaseType::kMediumInt:
    case BaseType::kInt:
    case BaseType::kYear:
    case BaseType::kBit: return "INTEGER";
    case BaseType::kDecimal: return std::string("TEXT COLLATE ") + storage::kCollationNum;
    case BaseType::kFloat:
    case BaseType::kDouble: return "REAL";
    case BaseType::kDate:
    case BaseType::kDatetime:
    case BaseType::kTimestamp: return "TEXT";
    case BaseType::kTime: return std::string("TEXT COLLATE ") + storage::kCollationTime;
    default: break;
  }
  if (t.IsBinaryString()) return "BLOB";
  std::string coll = EffectiveCollation(t, table_collation);
  bool bin = coll == "binary" || (coll.size() > 4 && coll.compare(coll.size() - 4, 4, "_bin") == 0);
  return std::string("TEXT COLLATE ") + (bin ? storage::kCollationBin : storage::kCollationCi);
}

std::string SqliteColumnDecl(const ColumnDef& col, std::string_view table_collation) {
  std::string decl = storage::QuoteIdent(col.name) + " " + SqliteColumnType(col, table_collation);
  if (!col.nullable) decl += " NOT NULL";
  return decl;
}

Status BindStored(storage::Statement& stmt, int idx, const ColumnDef& col, const Value& stored) {
  return stmt.BindValue(idx, stored, IsBlobStorage(col.type));
}

FieldType FieldTypeOf(const ColumnType& t) {
  switch (t.base) {
    case BaseType::kTinyInt: return kTypeTiny;
    case BaseType::kSmallInt: return kTypeShort;
    case BaseType::kMediumInt: return kTypeInt24;
    case BaseType::kInt: return kTypeLong;
    case BaseType::kBigInt: return kTypeLongLong;
    case BaseType::kDecimal: return kTypeNewDecimal;
    case BaseType::kFloat: return kTypeFloat;
    case BaseType::kDouble: return kTypeDouble;
    case BaseType::kBit: return kTypeBit;
    case BaseType::kChar:
    case BaseType::kBinary:
    case BaseType::kEnum:
    case BaseType::kSet: return kTypeString;
    case BaseType::kVarchar:
    case BaseType::kVarbinary: return kTypeVarString;
    case BaseType::kTinyText:
    case BaseType::kText:
    case BaseType::kMediumText:
    case BaseType::kLongText:
    case BaseType::kTinyBlob:
    case BaseType::kBlob:
    case BaseType::kMediumBlob:
    case BaseType::kLongBlob:
    case BaseType::kJson: return kTypeBlob;
    case BaseType::kDate: return kTypeDate;
    case BaseType::kDatetime: return kTypeDatetime;
    case BaseType::kTimestamp: return kTypeTimestamp;
    case BaseType::kTime: return kTypeTime;
    case BaseType::kYear: return kTypeYear;
  }
  return kTypeVarString;
}

int32_t IntegerDisplayWidth(const ColumnType& t) {
  if (t.length > 0) return t.length;
  bool u = t.is_unsigned;
  switch (t.base) {
    case BaseType::kTinyInt: return u ? 3 : 4;
    case BaseType::kSmallInt: return u ? 5 : 6;
    case BaseType::kMediumInt: return u ? 8 : 9;
    case BaseType::kInt: return u ? 10 : 11;
    case BaseType::kBigInt: return 20;
    case BaseType::kYear: return 4;
    default: return t.length;
  }
}

uint64_t CharacterMaxLength(const ColumnType& t) {
  switch (t.base) {
    case BaseType::kChar:
    case BaseType::kBinary:
    case BaseType::kVarchar:
    case BaseType::kVarbinary: return t.length >= 0 ? static_cast<uint64_t>(t.length) : 1;
    case BaseType::kEnum: {
      uint64_t m = 0;
      for (const auto& e : t.elements) m = std::max<uint64_t>(m, CharLength(e));
      return m;
    }
    case BaseType::kSet: {
      uint64_t m = 0;
      for (const auto& e : t.elements) m += CharLength(e);
      if (!t.elements.empty()) m += t.elements.size() - 1;
      return m;
    }
    case BaseType::kJson: return 4294967295ULL;
    default:
      if (t.IsString() || t.IsBinaryString()) return BlobByteLimit(t.base);
      return 0;
  }
}

namespace {

bool IndexHasColumn(const IndexDef& idx, const std::string& name) {
  for (const auto& c : idx.columns)
    if (storage::CompareCi(c.name, name) == 0 && c.name.size() == name.size()) return true;
  return false;
}

bool SameName(const std::string& a, const std::string& b) {
  return a.size() == b.size() && storage::CompareCi(a, b) == 0;
}

uint32_t DisplayLength(const ColumnType& t) {
  uint64_t len = 0;
  switch (t.base) {
    case BaseType::kTinyInt:
    case BaseType::kSmallInt:
    case BaseType::kMediumInt:
    case BaseType::kInt:
    case BaseType::kBigInt:
    case BaseType::kYear: len = IntegerDisplayWidth(t); break;
    case BaseType::kDecimal: {
      int p = DecimalPrecision(t), s = DecimalScale(t);
      len = p + (s > 0 ? 1 : 0) + (t.is_unsigned ? 0 : 1);
      break;
    }
    case BaseType::kFloat: len = HasFixedDecimals(t) ? t.length : 12; break;
    case BaseType::kDouble: len = HasFixedDecimals(t) ? t.length : 22; break;
    case BaseType::kBit: len = BitLength(t); break;
    case BaseType::kDate: len = 10; break;
    case BaseType::kDatetime:
    case BaseType::kTimestamp: len = 19 + (Fsp(t) > 0 ? 1 + Fsp(t) : 0); break;
    case BaseType::kTime: len = 10 + (Fsp(t) > 0 ? 1 + Fsp(t) : 0); break;
    case BaseType::kJson: len = 4294967295ULL; break;
    default:
      if (t.IsBinaryString()) {
        len = CharacterMaxLength(t);
      } else {
        len = CharacterMaxLength(t) * 4;  // utf8mb4 result charset
      }
      break;
  }
  return static_cast<uint32_t>(std::min<uint64_t>(len, 4294967295ULL));
}

}  // namespace

int EffectivePrimaryKey(const TableDef& table) {
  for (size_t k = 0; k < table.indexes.size(); k++) {
    if (table.indexes[k].kind == IndexKind::kPrimary) return static_cast<int>(k);
  }
  // No PRIMARY KEY: the first UNIQUE key of NOT NULL, non-prefix columns
  // (keys are kept in MariaDB's order, unique NOT NULL keys first).
  for (size_t k = 0; k < table.indexes.size(); k++) {
    const IndexDef& idx = table.indexes[k];
    if (idx.kind != IndexKind::kUnique) continue;
    bool ok = !idx.columns.empty();
    for (const auto& ic : idx.columns) {
      int ci = table.FindColumn(ic.name);
      if (ci < 0 || table.columns[ci].nullable || ic.prefix_length > 0) ok = false;
      if (ci >= 0) {
        const ColumnType& t = table.columns[ci].type;
        // A TEXT/BLOB column without prefix makes a long (hash) unique key.
        if ((t.base >= BaseType::kTinyText && t.base <= BaseType::kLongBlob) ||
            t.base == BaseType::kJson)
          ok = false;
      }
    }
    if (ok) return static_cast<int>(k);
    break;  // only the first unique key can be promoted
  }
  return -1;
}

uint16_t ColumnFlagsFor(const TableDef& table, const ColumnDef& col) {
  const ColumnType& t = col.type;
  uint32_t f = 0;
  if (!col.nullable) f |= kNotNullFlag;
  int pk = EffectivePrimaryKey(table);
  for (size_t k = 0; k < table.indexes.size(); k++) {
    const IndexDef& idx = table.indexes[k];
    if (!IndexHasColumn(idx, col.name)) continue;
    f |= kPartKeyFlag;
    if (static_cast<int>(k) == pk) {
      f |= kPriKeyFlag;
    } else if (SameName(idx.columns[0].name, col.name)) {
      bool unique = idx.kind == IndexKind::kUnique || idx.kind == IndexKind::kPrimary;
      f |= (unique && idx.columns.size() == 1) ? kUniqueKeyFlag : kMultipleKeyFlag;
    }
  }
  bool is_temporal_binary = t.base == BaseType::kDate || t.base == BaseType::kDatetime ||
                            t.base == BaseType::kTimestamp || t.base == BaseType::kTime;
  if (t.is_unsigned || t.zerofill || t.base == BaseType::kBit || t.base == BaseType::kTimestamp ||
      t.base == BaseType::kYear)
    f |= kUnsignedFlag;
  if (t.zerofill || t.base == BaseType::kYear) f |= kZerofillFlag;
  if (t.IsBinaryString() || is_temporal_binary) f |= kBinaryFlag;
  if ((t.IsString() && t.base != BaseType::kEnum && t.base != BaseType::kSet &&
       UsesBinCollation(t)) ||
      t.base == BaseType::kJson)
    f |= kBinaryFlag;
  if ((t.base >= BaseType::kTinyText && t.base <= BaseType::kLongBlob) || t.base == BaseType::kJson)
    f |= kBlobFlag;
  if (col.auto_increment) f |= kAutoIncrementFlag;
  if (t.base == BaseType::kEnum) f |= kEnumFlag;
  if (t.base == BaseType::kSet) f |= kSetFlag;
  bool default_now = col.default_is_expression && col.default_value &&
                     IsCurrentTimestampExpr(*col.default_value);
  if (t.base == BaseType::kTimestamp && (default_now || col.on_update_current_timestamp))
    f |= kTimestampFlag;
  if (col.on_update_current_timestamp) f |= kOnUpdateNowFlag;
  if (!col.nullable && !col.default_value.has_value() && !col.auto_increment &&
      !(t.base == BaseType::kTimestamp && col.on_update_current_timestamp))
    f |= kNoDefaultValueFlag;
  // information_schema columns have no defaults at all, nullable or not.
  if (table.db == "information_schema") f |= kNoDefaultValueFlag;
  return static_cast<uint16_t>(f);
}

ColumnMeta ColumnMetaFor(const TableDef& table, const ColumnDef& col, std::string_view alias,
                         std::string_view table_alias) {
  ColumnMeta m;
  m.schema = table.db;
  m.table = table_alias.empty() ? table.name : std::string(table_alias);
  m.org_table = table.name;
  m.name = alias.empty() ? col.name : std::string(alias);
  m.org_name = col.name;
  const ColumnType& t = col.type;
  bool textual = (t.IsString() || t.base == BaseType::kJson);
  m.charset = textual ? kCharsetUtf8mb4GeneralCi : kCharsetBinary;
  m.type = FieldTypeOf(t);
  m.length = DisplayLength(t);
  m.flags = ColumnFlagsFor(table, col);
  switch (t.base) {
    case BaseType::kDecimal: m.decimals = static_cast<uint8_t>(DecimalScale(t)); break;
    case BaseType::kFloat:
    case BaseType::kDouble:
      m.decimals = HasFixedDecimals(t) ? static_cast<uint8_t>(t.decimals) : 31;
      break;
    case BaseType::kDatetime:
    case BaseType::kTimestamp:
    case BaseType::kTime: m.decimals = static_cast<uint8_t>(Fsp(t)); break;
    default: m.decimals = 0; break;
  }
  return m;
}

}  // namespace relaydb::sql
