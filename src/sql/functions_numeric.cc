// Numeric functions and the arithmetic/bit operators whose SQLite
// semantics differ from MySQL's: '/', DIV, MOD, & | ^ << >> ~, ROUND,
// TRUNCATE, FLOOR, CEILING, ABS, SIGN, POW, logarithms, trigonometry, RAND,
// GREATEST/LEAST, comparisons; and the exact-decimal rdb_dec_* family used
// when an operand is DECIMAL-typed (decimal text).
//
// Storage classes decide the MySQL operand type: INTEGER → BIGINT, REAL →
// DOUBLE, TEXT/BLOB → a string converted as MySQL converts strings (to
// DOUBLE for arithmetic). rdb_dec_* read INTEGER and TEXT as DECIMAL and
// switch to DOUBLE arithmetic if an operand is REAL, as MySQL does.
#include <cmath>
#include <numbers>

#include "sql/functions_internal.h"

namespace relaydb::sql::fn {
namespace {

// "DOUBLE value is out of range in 'name(a,b)'" (1690), MariaDB prints the
// expression. The translator may pass it, as MariaDB prints it, in an extra
// last argument (argument `text_arg`, when the call has that many more);
// otherwise relaydb rebuilds it from the argument values.
void OutOfRange(Call& c, std::string_view type, std::string_view name, std::string_view op = {},
                int text_arg = -1) {
  std::string expr;
  if (text_arg >= 0 && c.argc() > text_arg) {
    expr.append(c.Str(text_arg));
  } else if (!op.empty() && c.argc() == 2) {
    expr.append(c.Str(0));
    expr.append(" ");
    expr.append(op);
    expr.append(" ");
    expr.append(c.Str(1));
  } else {
    expr.append(name);
    expr.push_back('(');
    for (int i = 0; i < c.argc(); i++) {
      if (i > 0) expr.push_back(',');
      expr.append(c.Str(i));
    }
    expr.push_back(')');
  }
  std::string msg(type);
  msg.append(" value is out of range in '");
  msg.append(expr);
  msg.push_back('\'');
  c.Error(1690, "22003", msg);
}

// `text_arg`: see OutOfRange.
void SetDouble(Call& c, double v, std::string_view name, int text_arg = -1) {
  if (!std::isfinite(v)) return OutOfRange(c, "DOUBLE", name, {}, text_arg);
  c.SetDouble(v);
}

// A scale-0 decimal as INTEGER when it fits (ROUND/FLOOR of exact values).
void SetIntegral(Call& c, const Decimal& d) {
  int64_t v;
  if (d.scale() == 0 && d.ToInt64(&v)) return c.SetInt(v);
  c.SetDecimal(d);
}

bool AnyReal(Call& c) {
  for (int i = 0; i < c.argc(); i++) {
    if (c.is_real(i)) return true;
  }
  return false;
}

bool AllInt(Call& c, int n) {
  for (int i = 0; i < n; i++) {
    if (!c.is_int(i)) return false;
  }
  return true;
}

// ---- Division and remainder ----

// a / b: BIGINT operands → DECIMAL (div_precision_increment); otherwise DOUBLE.
void Div(Call& c) {
  if (AllInt(c, 2)) {
    Decimal r;
    bool dz = false;
    if (!Decimal::Div(c.Dec(0), c.Dec(1), c.session().DivPrecisionIncrement(), &r, &dz)) {
      if (dz) {
        c.WarnDivByZero();
        return c.SetNull();
      }
      return OutOfRange(c, "DECIMAL", "", "/");
    }
    return c.SetDecimal(r);
  }
  double a = c.Double(0), b = c.Double(1);
  if (b == 0) {
    c.WarnDivByZero();
    return c.SetNull();
  }
  double r = a / b;
  if (!std::isfinite(r)) return OutOfRange(c, "DOUBLE", "", "/");
  c.SetDouble(r);
}

// a DIV b: integer division (truncation) of BIGINTs; other operands through
// exact decimal division, truncated.
void IntDiv(Call& c) {
  if (AllInt(c, 2)) {
    int64_t a = c.Int(0), b = c.Int(1);
    if (b == 0) {
      c.WarnDivByZero();
      return c.SetNull();
    }
    if (a == INT64_MIN && b == -1) return OutOfRange(c, "BIGINT", "", "DIV");
    return c.SetInt(a / b);
  }
  Decimal a = c.Dec(0), b = c.Dec(1);
  Decimal q;
  bool dz = false;
  if (!Decimal::Div(a, b, 0, &q, &dz, true)) {
    if (dz) {
      c.WarnDivByZero();
      return c.SetNull();
    }
    return OutOfRange(c, "BIGINT", "", "DIV");
  }
  int64_t v;
  if (!q.Rescale(0, Decimal::RoundMode::kTruncate).ToInt64(&v)) return OutOfRange(c, "BIGINT", "", "DIV");
  c.SetInt(v);
}

// MOD(a, b) / a % b: sign of a; BIGINT for integers, DOUBLE (fmod) otherwise.
void Mod(Call& c) {
  if (AllInt(c, 2)) {
    int64_t a = c.Int(0), b = c.Int(1);
    if (b == 0) {
      c.WarnDivByZero();
      return c.SetNull();
    }
    if (b == -1) return c.SetInt(0);
    return c.SetInt(a % b);
  }
  double a = c.Double(0), b = c.Double(1);
  if (b == 0) {
    c.WarnDivByZero();
    return c.SetNull();
  }
  c.SetDouble(std::fmod(a, b));
}

// + - * with MySQL's BIGINT overflow error (SQLite would switch to REAL).
// rdb_add(a, b[, text]): `text` is the expression for the 1690 message.
void AddSubMul(Call& c, char op) {
  if (AllInt(c, 2)) {
    int64_t a = c.Int(0), b = c.Int(1), r;
    bool ovf = op == '+'   ? __builtin_add_overflow(a, b, &r)
               : op == '-' ? __builtin_sub_overflow(a, b, &r)
                           : __builtin_mul_overflow(a, b, &r);
    if (ovf) return OutOfRange(c, "BIGINT", "", std::string_view(&op, 1), 2);
    return c.SetInt(r);
  }
  double a = c.Double(0), b = c.Double(1);
  double r = op == '+' ? a + b : op == '-' ? a - b : a * b;
  if (!std::isfinite(r)) return OutOfRange(c, "DOUBLE", "", std::string_view(&op, 1), 2);
  c.SetDouble(r);
}
void Add(Call& c) { AddSubMul(c, '+'); }
void Sub(Call& c) { AddSubMul(c, '-'); }
void Mul(Call& c) { AddSubMul(c, '*'); }

// rdb_uadd/rdb_usub/rdb_umul(a, b[, text]): + - * where an operand is
// unsigned (BIGINT UNSIGNED, INT UNSIGNED columns, CAST AS UNSIGNED): the
// result is BIGINT UNSIGNED, so a negative result or one above
// 18446744073709551615 is error 1690 "BIGINT UNSIGNED value is out of range
// in '<text>'" (CAST(0 AS UNSIGNED) - 1).
void UnsignedOp(Call& c, char op) {
  if (c.is_real(0) || c.is_real(1)) return AddSubMul(c, op);
  Decimal a = c.Dec(0), b = c.Dec(1), r;
  bool ok = op == '+' ? Decimal::Add(a, b, &r) : op == '-' ? Decimal::Sub(a, b, &r) : Decimal::Mul(a, b, &r);
  uint64_t u = 0;
  if (!ok || r.is_negative() || !r.ToUint64(&u)) {
    return OutOfRange(c, "BIGINT UNSIGNED", "", std::string_view(&op, 1), 2);
  }
  c.SetUnsigned(u);
}
void UnsignedAdd(Call& c) { UnsignedOp(c, '+'); }
void UnsignedSub(Call& c) { UnsignedOp(c, '-'); }
void UnsignedMul(Call& c) { UnsignedOp(c, '*'); }

void Neg(Call& c) {
  if (c.is_int(0)) {
    int64_t v = c.Int(0);
    if (v == INT64_MIN) return OutOfRange(c, "BIGINT", "-");
    return c.SetInt(-v);
  }
  c.SetDouble(-c.Double(0));
}

// ---- Bit operators: BIGINT UNSIGNED ----

// Operand as uint64: integers by two's complement, doubles rounded half away
// from zero, strings through DECIMAL (MariaDB 10.11 warns "DECIMAL value").
uint64_t BitOperand(Call& c, int i) {
  switch (c.type(i)) {
    case SQLITE_INTEGER:
      return static_cast<uint64_t>(c.Int(i));
    case SQLITE_FLOAT: {
      double d = std::round(c.Double(i));
      if (d >= 18446744073709551615.0) return UINT64_MAX;
      if (d <= -9223372036854775808.0) return static_cast<uint64_t>(INT64_MIN);
      if (d < 0) return static_cast<uint64_t>(static_cast<int64_t>(d));
      return static_cast<uint64_t>(d);
    }
    default: {
      Decimal d = c.Dec(i);
      uint64_t u;
      if (d.is_negative()) {
        int64_t s;
        d.ToInt64(&s);
        return static_cast<uint64_t>(s);
      }
      d.ToUint64(&u);
      return u;
    }
  }
}

void BitAnd(Call& c) { c.SetUnsigned(BitOperand(c, 0) & BitOperand(c, 1)); }
void BitOr(Call& c) { c.SetUnsigned(BitOperand(c, 0) | BitOperand(c, 1)); }
void BitXor(Call& c) { c.SetUnsigned(BitOperand(c, 0) ^ BitOperand(c, 1)); }
void BitNot(Call& c) { c.SetUnsigned(~BitOperand(c, 0)); }
void ShiftLeft(Call& c) {
  uint64_t v = BitOperand(c, 0), n = BitOperand(c, 1);
  c.SetUnsigned(n >= 64 ? 0 : v << n);
}
void ShiftRight(Call& c) {
  uint64_t v = BitOperand(c, 0), n = BitOperand(c, 1);
  c.SetUnsigned(n >= 64 ? 0 : v >> n);
}
void BitCount(Call& c) { c.SetInt(__builtin_popcountll(BitOperand(c, 0))); }

// ---- Rounding family ----

// ROUND/TRUNCATE(x[, d]) on BIGINT/DOUBLE/string (→ DOUBLE) operands.
void RoundImpl(Call& c, bool truncate) {
  bool d_unsigned = false;
  int64_t d = c.argc() >= 2 ? c.Int(1, &d_unsigned) : 0;
  if (c.is_int(0)) {
    int64_t x = c.Int(0);
    if (d >= 0 || d_unsigned) return c.SetInt(x);
    Decimal r = Decimal::FromInt64(x).Round(
        d, truncate ? Decimal::RoundMode::kTruncate : Decimal::RoundMode::kHalfUp);
    return SetIntegral(c, r);
  }
  c.SetDouble(RoundDouble(c.Double(0), d, d_unsigned, truncate));
}
void Round(Call& c) { RoundImpl(c, false); }
void Truncate(Call& c) { RoundImpl(c, true); }

void Floor(Call& c) {
  if (c.is_int(0)) return c.SetArg(0);
  c.SetDouble(std::floor(c.Double(0)));
}
void Ceiling(Call& c) {
  if (c.is_int(0)) return c.SetArg(0);
  c.SetDouble(std::ceil(c.Double(0)));
}

void Abs(Call& c) {
  if (c.is_int(0)) {
    int64_t v = c.Int(0);
    if (v == INT64_MIN) return OutOfRange(c, "BIGINT", "abs");
    return c.SetInt(v < 0 ? -v : v);
  }
  c.SetDouble(std::fabs(c.Double(0)));
}

void Sign(Call& c) {
  if (c.is_int(0)) {
    int64_t v = c.Int(0);
    return c.SetInt(v > 0 ? 1 : v < 0 ? -1 : 0);
  }
  double v = c.Double(0);
  c.SetInt(v > 0 ? 1 : v < 0 ? -1 : 0);
}

// ---- Exact decimal family (rdb_dec_*) ----

// Decimal of argument i; false (and a DOUBLE path) if any operand is REAL.
Decimal D(Call& c, int i) { return c.Dec(i); }

void DecBinary(Call& c, char op) {
  if (AnyReal(c)) {
    if (op == '/') return Div(c);
    if (op == '%') return Mod(c);
    return AddSubMul(c, op);
  }
  Decimal a = D(c, 0), b = D(c, 1), r;
  bool ok = false, dz = false;
  switch (op) {
    case '+':
      ok = Decimal::Add(a, b, &r);
      break;
    case '-':
      ok = Decimal::Sub(a, b, &r);
      break;
    case '*':
      ok = Decimal::Mul(a, b, &r);
      break;
    case '%':
      ok = Decimal::Mod(a, b, &r, &dz);
      break;
    case '/': {
      int incr =
          c.argc() >= 3 && !c.is_null(2) ? static_cast<int>(c.Int(2)) : c.session().DivPrecisionIncrement();
      bool internal = c.argc() >= 4 && c.Truth(3);
      ok = Decimal::Div(a, b, incr, &r, &dz, internal);
      break;
    }
  }
  if (!ok) {
    if (dz) {
      c.WarnDivByZero();
      return c.SetNull();
    }
    return OutOfRange(c, "DECIMAL", "", std::string_view(&op, 1));
  }
  c.SetDecimal(r);
}
void DecAdd(Call& c) { DecBinary(c, '+'); }
void DecSub(Call& c) { DecBinary(c, '-'); }
void DecMul(Call& c) { DecBinary(c, '*'); }
void DecDiv(Call& c) {
  if (c.is_null(0) || c.is_null(1)) return c.SetNull();
  DecBinary(c, '/');
}
void DecMod(Call& c) { DecBinary(c, '%'); }

void DecNeg(Call& c) {
  if (c.is_real(0)) return c.SetDouble(-c.Double(0));
  c.SetDecimal(D(c, 0).Negated());
}

void DecAbs(Call& c) {
  if (c.is_real(0)) return c.SetDouble(std::fabs(c.Double(0)));
  c.SetDecimal(D(c, 0).Abs());
}

void DecSign(Call& c) {
  if (c.is_real(0)) return Sign(c);
  Decimal d = D(c, 0);
  c.SetInt(d.is_zero() ? 0 : d.is_negative() ? -1 : 1);
}

void DecRoundImpl(Call& c, Decimal::RoundMode mode) {
  if (c.is_real(0)) {
    if (mode == Decimal::RoundMode::kFloor) return c.SetDouble(std::floor(c.Double(0)));
    if (mode == Decimal::RoundMode::kCeiling) return c.SetDouble(std::ceil(c.Double(0)));
    return RoundImpl(c, mode == Decimal::RoundMode::kTruncate);
  }
  if (mode == Decimal::RoundMode::kFloor || mode == Decimal::RoundMode::kCeiling) {
    return SetIntegral(c, D(c, 0).Rescale(0, mode));
  }
  bool d_unsigned = false;
  int64_t d = c.argc() >= 2 ? c.Int(1, &d_unsigned) : 0;
  if (d_unsigned) d = Decimal::kMaxScale;
  Decimal r = D(c, 0).Round(d, mode);
  if (c.is_int(0)) return SetIntegral(c, r);
  c.SetDecimal(r);
}
void DecRound(Call& c) { DecRoundImpl(c, Decimal::RoundMode::kHalfUp); }
void DecTruncate(Call& c) { DecRoundImpl(c, Decimal::RoundMode::kTruncate); }
void DecFloor(Call& c) { DecRoundImpl(c, Decimal::RoundMode::kFloor); }
void DecCeiling(Call& c) { DecRoundImpl(c, Decimal::RoundMode::kCeiling); }

// rdb_dec_rescale(x, scale): the DECIMAL(p, scale) storage form of x.
void DecRescale(Call& c) {
  int64_t s = c.Int(1);
  c.SetDecimal(D(c, 0).Rescale(static_cast<int>(std::clamp<int64_t>(s, 0, Decimal::kMaxScale))));
}

void DecCmp(Call& c) {
  if (AnyReal(c)) {
    double a = c.Double(0), b = c.Double(1);
    return c.SetInt(a < b ? -1 : a > b ? 1 : 0);
  }
  c.SetInt(Decimal::Compare(D(c, 0), D(c, 1)));
}

// ---- Comparison helpers ----

// rdb_num_cmp(a, b): numeric comparison as MariaDB does it between a string
// and a number: as DOUBLE when an operand is REAL, else as DECIMAL (so
// 'abc' = 0 warns "Truncated incorrect DECIMAL value").
void NumCmp(Call& c) {
  if (AllInt(c, 2)) {
    int64_t a = c.Int(0), b = c.Int(1);
    return c.SetInt(a < b ? -1 : a > b ? 1 : 0);
  }
  if (AnyReal(c)) {
    double a = c.Double(0), b = c.Double(1);
    return c.SetInt(a < b ? -1 : a > b ? 1 : 0);
  }
  c.SetInt(Decimal::Compare(c.Dec(0), c.Dec(1)));
}

// rdb_cmp(a, b): MySQL comparison by operand types: two strings by
// collation (binary if either is BLOB), two integers exactly, else DOUBLE.
void Cmp(Call& c) {
  bool sa = c.is_text(0) || c.is_blob(0), sb = c.is_text(1) || c.is_blob(1);
  if (sa && sb) {
    bool bin = c.is_blob(0) || c.is_blob(1);
    return c.SetInt(bin ? BinCompare(c.Str(0), c.Str(1)) : CiCompare(c.Str(0), c.Str(1)));
  }
  NumCmp(c);
}

// GREATEST/LEAST: NULL if any argument is NULL; strings compare by
// collation when all are strings, integers as integers, else as DOUBLE.
void Extreme(Call& c, bool greatest) {
  bool all_str = true, all_int = true;
  for (int i = 0; i < c.argc(); i++) {
    int t = c.type(i);
    if (t != SQLITE_TEXT && t != SQLITE_BLOB) all_str = false;
    if (t != SQLITE_INTEGER) all_int = false;
  }
  int best = 0;
  if (all_str) {
    bool bin = false;
    for (int i = 0; i < c.argc(); i++) bin = bin || c.is_blob(i);
    for (int i = 1; i < c.argc(); i++) {
      int r = bin ? BinCompare(c.Str(i), c.Str(best)) : CiCompare(c.Str(i), c.Str(best));
      if (greatest ? r > 0 : r < 0) best = i;
    }
    return c.SetString(c.Str(best), bin);
  }
  if (all_int) {
    int64_t v = c.Int(0);
    for (int i = 1; i < c.argc(); i++) {
      int64_t x = c.Int(i);
      if (greatest ? x > v : x < v) v = x;
    }
    return c.SetInt(v);
  }
  double v = c.Double(0);
  for (int i = 1; i < c.argc(); i++) {
    double x = c.Double(i);
    if (greatest ? x > v : x < v) v = x;
  }
  c.SetDouble(v);
}
void Greatest(Call& c) { Extreme(c, true); }
void Least(Call& c) { Extreme(c, false); }

void DecExtreme(Call& c, bool greatest) {
  if (AnyReal(c)) return Extreme(c, greatest);
  Decimal v = D(c, 0);
  int scale = v.scale();
  for (int i = 1; i < c.argc(); i++) {
    Decimal x = D(c, i);
    scale = std::max(scale, x.scale());
    int r = Decimal::Compare(x, v);
    if (greatest ? r > 0 : r < 0) v = x;
  }
  c.SetDecimal(v.Rescale(scale));
}
void DecGreatest(Call& c) { DecExtreme(c, true); }
void DecLeast(Call& c) { DecExtreme(c, false); }

// ---- Floating point functions ----

void Pow(Call& c) { SetDouble(c, std::pow(c.Double(0), c.Double(1)), "pow", 2); }

void Sqrt(Call& c) {
  double v = c.Double(0);
  if (v < 0) return c.SetNull();
  c.SetDouble(std::sqrt(v));
}

void Exp(Call& c) { SetDouble(c, std::exp(c.Double(0)), "exp", 1); }

// Logarithm of a non-positive number: NULL and 1365 (signal_divide_by_null).
bool BadLogArg(Call& c, double v) {
  if (v > 0) return false;
  c.WarnDivByZero();
  c.SetNull();
  return true;
}
void Ln(Call& c) {
  double v = c.Double(0);
  if (!BadLogArg(c, v)) c.SetDouble(std::log(v));
}
void Log(Call& c) {
  if (c.argc() == 1) return Ln(c);
  double b = c.Double(0), x = c.Double(1);
  if (BadLogArg(c, x) || BadLogArg(c, b)) return;
  if (b == 1.0) {
    c.WarnDivByZero();
    return c.SetNull();
  }
  c.SetDouble(std::log(x) / std::log(b));
}
void Log2(Call& c) {
  double v = c.Double(0);
  if (!BadLogArg(c, v)) c.SetDouble(std::log2(v));
}
void Log10(Call& c) {
  double v = c.Double(0);
  if (!BadLogArg(c, v)) c.SetDouble(std::log10(v));
}

void Pi(Call& c) { c.SetDouble(std::numbers::pi); }
void Sin(Call& c) { c.SetDouble(std::sin(c.Double(0))); }
void Cos(Call& c) { c.SetDouble(std::cos(c.Double(0))); }
void Tan(Call& c) { SetDouble(c, std::tan(c.Double(0)), "tan"); }
void Asin(Call& c) {
  double v = c.Double(0);
  if (v < -1 || v > 1) return c.SetNull();
  c.SetDouble(std::asin(v));
}
void Acos(Call& c) {
  double v = c.Double(0);
  if (v < -1 || v > 1) return c.SetNull();
  c.SetDouble(std::acos(v));
}
void Atan(Call& c) {
  if (c.argc() == 2) return c.SetDouble(std::atan2(c.Double(0), c.Double(1)));
  c.SetDouble(std::atan(c.Double(0)));
}
void Cot(Call& c) {
  double t = std::tan(c.Double(0));
  if (t == 0) return OutOfRange(c, "DOUBLE", "cot");
  SetDouble(c, 1.0 / t, "cot");
}
void Degrees(Call& c) { c.SetDouble(c.Double(0) * (180.0 / std::numbers::pi)); }
void Radians(Call& c) { c.SetDouble(c.Double(0) * (std::numbers::pi / 180.0)); }

// RAND(): the session generator. RAND(N): a generator seeded once per
// statement for a constant N (kept as auxdata), per row otherwise.
void DeleteRand(void* p) { delete static_cast<RandState*>(p); }
void Rand(Call& c) {
  if (c.argc() == 0) return c.SetDouble(c.session().SessionRand()->Next());
  auto* st = static_cast<RandState*>(c.aux(0));
  if (st == nullptr) {
    st = new RandState;
    st->InitFromSeed(static_cast<uint32_t>(c.is_null(0) ? 0 : c.Int(0)));
    c.set_aux(0, st, DeleteRand);
    RandState* kept = static_cast<RandState*>(c.aux(0));
    if (kept == nullptr) {
      RandState local;
      local.InitFromSeed(static_cast<uint32_t>(c.is_null(0) ? 0 : c.Int(0)));
      return c.SetDouble(local.Next());
    }
    st = kept;
  }
  c.SetDouble(st->Next());
}

const ScalarDef kScalars[] = {
    {"rdb_div", 2, Div, kNullIfAnyNull | kDeterministic},
    {"rdb_intdiv", 2, IntDiv, kNullIfAnyNull | kDeterministic},
    {"rdb_mod", 2, Mod, kNullIfAnyNull | kDeterministic},
    {"rdb_add", 2, Add, kNullIfAnyNull | kDeterministic},
    {"rdb_add", 3, Add, kNullIfAnyNull | kDeterministic},
    {"rdb_sub", 2, Sub, kNullIfAnyNull | kDeterministic},
    {"rdb_sub", 3, Sub, kNullIfAnyNull | kDeterministic},
    {"rdb_mul", 2, Mul, kNullIfAnyNull | kDeterministic},
    {"rdb_mul", 3, Mul, kNullIfAnyNull | kDeterministic},
    {"rdb_uadd", 2, UnsignedAdd, kNullIfAnyNull | kDeterministic},
    {"rdb_uadd", 3, UnsignedAdd, kNullIfAnyNull | kDeterministic},
    {"rdb_usub", 2, UnsignedSub, kNullIfAnyNull | kDeterministic},
    {"rdb_usub", 3, UnsignedSub, kNullIfAnyNull | kDeterministic},
    {"rdb_umul", 2, UnsignedMul, kNullIfAnyNull | kDeterministic},
    {"rdb_umul", 3, UnsignedMul, kNullIfAnyNull | kDeterministic},
    {"rdb_neg", 1, Neg, kNullIfAnyNull | kDeterministic},
    {"rdb_bitand", 2, BitAnd, kNullIfAnyNull | kDeterministic},
    {"rdb_bitor", 2, BitOr, kNullIfAnyNull | kDeterministic},
    {"rdb_bitxor", 2, BitXor, kNullIfAnyNull | kDeterministic},
    {"rdb_bitnot", 1, BitNot, kNullIfAnyNull | kDeterministic},
    {"rdb_shl", 2, ShiftLeft, kNullIfAnyNull | kDeterministic},
    {"rdb_shr", 2, ShiftRight, kNullIfAnyNull | kDeterministic},
    {"rdb_bit_count", 1, BitCount, kNullIfAnyNull | kDeterministic},
    {"rdb_round", 1, Round, kNullIfAnyNull | kDeterministic},
    {"rdb_round", 2, Round, kNullIfAnyNull | kDeterministic},
    {"rdb_truncate", 2, Truncate, kNullIfAnyNull | kDeterministic},
    {"rdb_floor", 1, Floor, kNullIfAnyNull | kDeterministic},
    {"rdb_ceiling", 1, Ceiling, kNullIfAnyNull | kDeterministic},
    {"rdb_abs", 1, Abs, kNullIfAnyNull | kDeterministic},
    {"rdb_sign", 1, Sign, kNullIfAnyNull | kDeterministic},
    {"rdb_dec_add", 2, DecAdd, kNullIfAnyNull | kDeterministic},
    {"rdb_dec_sub", 2, DecSub, kNullIfAnyNull | kDeterministic},
    {"rdb_dec_mul", 2, DecMul, kNullIfAnyNull | kDeterministic},
    {"rdb_dec_div", 2, DecDiv, kDeterministic},
    {"rdb_dec_div", 3, DecDiv, kDeterministic},
    {"rdb_dec_div", 4, DecDiv, kDeterministic},
    {"rdb_dec_mod", 2, DecMod, kNullIfAnyNull | kDeterministic},
    {"rdb_dec_neg", 1, DecNeg, kNullIfAnyNull | kDeterministic},
    {"rdb_dec_abs", 1, DecAbs, kNullIfAnyNull | kDeterministic},
    {"rdb_dec_sign", 1, DecSign, kNullIfAnyNull | kDeterministic},
    {"rdb_dec_round", 1, DecRound, kNullIfAnyNull | kDeterministic},
    {"rdb_dec_round", 2, DecRound, kNullIfAnyNull | kDeterministic},
    {"rdb_dec_truncate", 2, DecTruncate, kNullIfAnyNull | kDeterministic},
    {"rdb_dec_floor", 1, DecFloor, kNullIfAnyNull | kDeterministic},
    {"rdb_dec_ceiling", 1, DecCeiling, kNullIfAnyNull | kDeterministic},
    {"rdb_dec_rescale", 2, DecRescale, kNullIfAnyNull | kDeterministic},
    {"rdb_dec_cmp", 2, DecCmp, kNullIfAnyNull | kDeterministic},
    {"rdb_dec_greatest", -1, DecGreatest, kNullIfAnyNull | kDeterministic},
    {"rdb_dec_least", -1, DecLeast, kNullIfAnyNull | kDeterministic},
    {"rdb_num_cmp", 2, NumCmp, kNullIfAnyNull | kDeterministic},
    {"rdb_cmp", 2, Cmp, kNullIfAnyNull | kDeterministic},
    {"rdb_greatest", -1, Greatest, kNullIfAnyNull | kDeterministic},
    {"rdb_least", -1, Least, kNullIfAnyNull | kDeterministic},
    {"rdb_pow", 2, Pow, kNullIfAnyNull | kDeterministic},
    {"rdb_pow", 3, Pow, kNullIfAnyNull | kDeterministic},
    {"rdb_sqrt", 1, Sqrt, kNullIfAnyNull | kDeterministic},
    {"rdb_exp", 1, Exp, kNullIfAnyNull | kDeterministic},
    {"rdb_exp", 2, Exp, kNullIfAnyNull | kDeterministic},
    {"rdb_ln", 1, Ln, kNullIfAnyNull | kDeterministic},
    {"rdb_log", 1, Log, kNullIfAnyNull | kDeterministic},
    {"rdb_log", 2, Log, kNullIfAnyNull | kDeterministic},
    {"rdb_log2", 1, Log2, kNullIfAnyNull | kDeterministic},
    {"rdb_log10", 1, Log10, kNullIfAnyNull | kDeterministic},
    {"rdb_pi", 0, Pi, kDeterministic},
    {"rdb_sin", 1, Sin, kNullIfAnyNull | kDeterministic},
    {"rdb_cos", 1, Cos, kNullIfAnyNull | kDeterministic},
    {"rdb_tan", 1, Tan, kNullIfAnyNull | kDeterministic},
    {"rdb_asin", 1, Asin, kNullIfAnyNull | kDeterministic},
    {"rdb_acos", 1, Acos, kNullIfAnyNull | kDeterministic},
    {"rdb_atan", 1, Atan, kNullIfAnyNull | kDeterministic},
    {"rdb_atan", 2, Atan, kNullIfAnyNull | kDeterministic},
    {"rdb_cot", 1, Cot, kNullIfAnyNull | kDeterministic},
    {"rdb_degrees", 1, Degrees, kNullIfAnyNull | kDeterministic},
    {"rdb_radians", 1, Radians, kNullIfAnyNull | kDeterministic},
    {"rdb_rand", 0, Rand, 0},
    {"rdb_rand", 1, Rand, 0},
};

}  // namespace

FamilyTable NumericFunctions() { return {kScalars, std::size(kScalars), nullptr, 0}; }

}  // namespace relaydb::sql::fn
