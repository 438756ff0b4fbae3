// Decimal: an exact signed decimal number with MySQL DECIMAL's limits
// (65 digits of precision, at most 38 after the point), the value class behind
// the rdb_dec_* SQL functions (functions.h). DECIMAL columns are stored as
// canonical decimal text (docs/architecture.md, "Storage mapping"); this class
// parses that text, computes exactly and prints it back.
//
// Arithmetic follows MySQL's decimal rules (strings/decimal.c semantics):
//   * a + b, a - b: scale = max(scale(a), scale(b));
//   * a * b: scale = min(scale(a) + scale(b), 38), rounded half away from zero;
//   * a / b: scale = min(scale(a) + div_precision_increment, 38), rounded;
//   * rounding is "half away from zero" everywhere (ROUND(2.5) = 3, ROUND(-2.5) = -3).
// A result that needs more than 81 digits (MariaDB's internal buffer; columns
// hold 65) is an overflow (the operation returns false; MySQL reports
// "DECIMAL value is out of range"); extra fractional digits are rounded away.
//
// A Decimal is a small value type (no heap allocation): copy it freely.
// Not thread-safe to mutate one object from two threads; otherwise stateless.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace relaydb::sql {

class Decimal {
 public:
  static constexpr int kMaxPrecision = 65;  // DECIMAL_MAX_PRECISION
  static constexpr int kMaxScale = 38;      // DECIMAL_MAX_SCALE
  // Digits a computed value may hold (MariaDB's decimal buffer: 9 limbs of
  // 9 digits): 65 nines + 1 is 10^65, not an overflow.
  static constexpr int kMaxResultDigits = 81;

  // How DivideByPow10 / Rescale drop digits.
  enum class RoundMode : uint8_t {
    kHalfUp,    // half away from zero (MySQL ROUND on exact values)
    kTruncate,  // toward zero (TRUNCATE)
    kFloor,     // toward -infinity (FLOOR)
    kCeiling,   // toward +infinity (CEILING)
  };

  Decimal() = default;  // 0 with scale 0

  static Decimal FromInt64(int64_t v);
  static Decimal FromUint64(uint64_t v);
  // The shortest decimal text that reads back as `v` (MySQL's double→DECIMAL
  // conversion), rounded to at most 38 decimals. False for NaN/inf or a value
  // whose integer part needs more than 65 digits.
  static bool FromDouble(double v, Decimal* out);

  // Parses a MySQL numeric literal prefix of `s`: leading spaces, optional
  // sign, digits with an optional '.', optional exponent (e/E[sign]digits).
  // `*consumed` (optional) receives the number of bytes that form the number
  // (0 when there is no number at all: then *out is 0 and false is returned).
  // More than 38 decimals are rounded away; an integer part of more than 81
  // digits (kMaxResultDigits) sets `*overflow` (optional) and saturates to
  // the largest value (81 nines). DECIMAL(p, s) limits are the caller's.
  static bool Parse(std::string_view s, Decimal* out, size_t* consumed = nullptr, bool* overflow = nullptr);
  // Parse that accepts only a complete number (trailing spaces allowed).
  static bool ParseExact(std::string_view s, Decimal* out);

  // Canonical MySQL text: '-' if negative (never "-0"), integer digits
  // (at least one), and exactly scale() decimals.
  std::string ToString() const;
  void AppendTo(std::string* out) const;

  double ToDouble() const;
  // Rounded half away from zero to an integer; false if it does not fit
  // (then *out is the saturated bound).
  bool ToInt64(int64_t* out) const;
  bool ToUint64(uint64_t* out) const;  // negative values give false and 0

  bool is_zero() const { return n_ == 0; }
  bool is_negative() const { return neg_ && n_ != 0; }
  int scale() const { return scale_; }
  // Digits before the point (0 for |x| < 1).
  int IntegerDigits() const;
  // Significant digits of the coefficient (precision as MySQL counts it,
  // at least scale()+1 for a number below 1 is NOT implied).
  int CoefficientDigits() const;

  Decimal Negated() const {
    Decimal r = *this;
    r.neg_ = !neg_;
    r.Normalize();
    return r;
  }
  Decimal Abs() const {
    Decimal r = *this;
    r.neg_ = false;
    return r;
  }

  // Returns the value at exactly `scale` decimals (0..38), rounding per
  // `mode` when digits are dropped, padding with zeros otherwise.
  Decimal Rescale(int scale, RoundMode mode = RoundMode::kHalfUp) const;
  // MySQL ROUND(x, d) / TRUNCATE(x, d) for exact values. d may be negative
  // (ROUND(1234, -2) = 1200). Result scale: clamp(d, 0, 38) (ROUND(1.5, 3) = 1.500).
  Decimal Round(int64_t d, RoundMode mode = RoundMode::kHalfUp) const;
  // FLOOR / CEILING with scale 0.
  Decimal Floor() const { return Rescale(0, RoundMode::kFloor); }
  Decimal Ceiling() const { return Rescale(0, RoundMode::kCeiling); }

  // All return false on overflow (result beyond kMaxResultDigits digits).
  static bool Add(const Decimal& a, const Decimal& b, Decimal* out);
  static bool Sub(const Decimal& a, const Decimal& b, Decimal* out);
  static bool Mul(const Decimal& a, const Decimal& b, Decimal* out);
  // a / b at scale min(scale(a) + scale_increment, 38), rounded half up.
  // When `internal_precision` is set, the quotient instead keeps MySQL's
  // internal precision (scale rounded up to a multiple of 9 from
  // scale(a)+scale(b)+increment, truncated) so chained expressions such as
  // 1/3*3 give MySQL's 1.0000 once rounded for display.
  // *div_by_zero is set (and false returned) when b is 0.
  static bool Div(const Decimal& a, const Decimal& b, int scale_increment, Decimal* out, bool* div_by_zero,
                  bool internal_precision = false);
  // MySQL MOD for exact values: sign of a, scale max(scale(a), scale(b)).
  static bool Mod(const Decimal& a, const Decimal& b, Decimal* out, bool* div_by_zero);

  // -1, 0, 1 (numeric comparison: 1.50 == 1.5).
  static int Compare(const Decimal& a, const Decimal& b);

 private:
  static constexpr uint32_t kBase = 1000000000;  // one limb = 9 decimal digits
  static constexpr int kLimbs = 20;              // 180 digits of headroom

  void Normalize();  // trims leading zero limbs, clears the sign of zero
  bool MulSmall(uint32_t m);
  bool AddSmall(uint32_t a);
  uint32_t DivSmall(uint32_t d);  // returns the remainder
  bool MulPow10(int k);
  // Divides the magnitude by 10^k, rounding per `mode` (sign-aware).
  void DivPow10(int k, RoundMode mode);
  static int CompareMagnitude(const Decimal& a, const Decimal& b);
  static bool AddMagnitude(const Decimal& a, const Decimal& b, Decimal* out);
  static void SubMagnitude(const Decimal& a, const Decimal& b, Decimal* out);  // |a| >= |b|
  // Brings both to the larger scale (exact).
  static bool Align(Decimal* a, Decimal* b);
  // Drops fractional digits beyond what fits in 65 digits; false if the
  // integer part alone is too long.
  bool FitPrecision();
  // Integer division of magnitudes: q = a / b, r = a % b (b != 0).
  static void DivModMagnitude(const Decimal& a, const Decimal& b, Decimal* q, Decimal* r);

  bool neg_ = false;
  int16_t scale_ = 0;
  int16_t n_ = 0;                        // limbs in use; 0 means the value is zero
  std::array<uint32_t, kLimbs> limb_{};  // little-endian base 1e9 coefficient
};

}  // namespace relaydb::sql
