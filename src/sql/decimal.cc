// Exact decimal arithmetic for DECIMAL values. See decimal.h.
//
// The coefficient is an unsigned integer in base 1e9 limbs (little-endian);
// the value is (-1)^neg * coefficient * 10^-scale. Everything works on
// fixed-size arrays: no allocation on the per-row paths (parse, add, compare,
// format into a caller's string).
#include "sql/decimal.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>

namespace relaydb::sql {
namespace {

constexpr uint32_t kPow10[10] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int DigitsOf(uint32_t v) {
  int d = 1;
  while (d < 10 && v >= kPow10[d]) d++;
  return d;
}

}  // namespace

void Decimal::Normalize() {
  while (n_ > 0 && limb_[n_ - 1] == 0) n_--;
  if (n_ == 0) neg_ = false;
}

bool Decimal::MulSmall(uint32_t m) {
  uint64_t carry = 0;
  for (int i = 0; i < n_; i++) {
    uint64_t v = static_cast<uint64_t>(limb_[i]) * m + carry;
    limb_[i] = static_cast<uint32_t>(v % kBase);
    carry = v / kBase;
  }
  if (carry != 0) {
    if (n_ >= kLimbs) return false;
    limb_[n_++] = static_cast<uint32_t>(carry);
  }
  Normalize();
  return true;
}

bool Decimal::AddSmall(uint32_t a) {
  uint64_t carry = a;
  for (int i = 0; i < n_ && carry != 0; i++) {
    uint64_t v = limb_[i] + carry;
    limb_[i] = static_cast<uint32_t>(v % kBase);
    carry = v / kBase;
  }
  if (carry != 0) {
    if (n_ >= kLimbs) return false;
    limb_[n_++] = static_cast<uint32_t>(carry);
  }
  return true;
}

uint32_t Decimal::DivSmall(uint32_t d) {
  uint64_t rem = 0;
  for (int i = n_ - 1; i >= 0; i--) {
    uint64_t cur = rem * kBase + limb_[i];
    limb_[i] = static_cast<uint32_t>(cur / d);
    rem = cur % d;
  }
  bool neg = neg_;
  Normalize();
  if (n_ != 0) neg_ = neg;
  return static_cast<uint32_t>(rem);
}

bool Decimal::MulPow10(int k) {
  if (n_ == 0) return true;
  while (k >= 9) {
    if (n_ >= kLimbs) return false;
    for (int i = n_; i > 0; i--) limb_[i] = limb_[i - 1];
    limb_[0] = 0;
    n_++;
    k -= 9;
  }
  return k == 0 || MulSmall(kPow10[k]);
}

void Decimal::DivPow10(int k, RoundMode mode) {
  if (k <= 0 || n_ == 0) return;
  bool neg = neg_;
  bool any_dropped = false;
  uint32_t lead = 0;  // most significant dropped digit
  if (k > CoefficientDigits()) {
    // Every digit is dropped and the digit at position k-1 lies above them.
    any_dropped = true;
    n_ = 0;
    neg_ = false;
  } else {
    int left = k;
    while (left > 0) {
      int chunk = std::min(left, 9);
      uint32_t rem = DivSmall(kPow10[chunk]);
      if (rem != 0) any_dropped = true;
      left -= chunk;
      if (left == 0) lead = rem / kPow10[chunk - 1];
    }
  }
  bool up = false;
  switch (mode) {
    case RoundMode::kHalfUp:
      up = lead >= 5;
      break;
    case RoundMode::kTruncate:
      up = false;
      break;
    case RoundMode::kFloor:
      up = any_dropped && neg;
      break;
    case RoundMode::kCeiling:
      up = any_dropped && !neg;
      break;
  }
  if (up) AddSmall(1);
  neg_ = neg;
  Normalize();
}

int Decimal::CoefficientDigits() const {
  if (n_ == 0) return 0;
  return 9 * (n_ - 1) + DigitsOf(limb_[n_ - 1]);
}

int Decimal::IntegerDigits() const { return std::max(0, CoefficientDigits() - scale_); }

bool Decimal::FitPrecision() {
  int digits = CoefficientDigits();
  if (digits <= kMaxResultDigits) return true;
  int int_digits = digits - scale_;
  if (int_digits > kMaxResultDigits) return false;
  int new_scale = kMaxResultDigits - int_digits;
  DivPow10(scale_ - new_scale, RoundMode::kHalfUp);
  scale_ = static_cast<int16_t>(new_scale);
  return CoefficientDigits() <= kMaxResultDigits || (new_scale > 0 && FitPrecision());
}

Decimal Decimal::FromInt64(int64_t v) {
  Decimal d;
  uint64_t mag = v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
  d = FromUint64(mag);
  d.neg_ = v < 0;
  d.Normalize();
  return d;
}

Decimal Decimal::FromUint64(uint64_t v) {
  Decimal d;
  while (v != 0) {
    d.limb_[d.n_++] = static_cast<uint32_t>(v % kBase);
    v /= kBase;
  }
  return d;
}

bool Decimal::FromDouble(double v, Decimal* out) {
  *out = Decimal();
  if (!std::isfinite(v)) return false;
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  bool overflow = false;
  Parse(std::string_view(buf, res.ptr - buf), out, nullptr, &overflow);
  return !overflow;
}

bool Decimal::Parse(std::string_view s, Decimal* out, size_t* consumed, bool* overflow) {
  *out = Decimal();
  if (consumed != nullptr) *consumed = 0;
  if (overflow != nullptr) *overflow = false;
  size_t i = 0;
  while (i < s.size() && IsSpace(s[i])) i++;
  bool neg = false;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) {
    neg = s[i] == '-';
    i++;
  }
  size_t int_begin = i;
  while (i < s.size() && IsDigit(s[i])) i++;
  size_t int_end = i;
  size_t frac_begin = i, frac_end = i;
  if (i < s.size() && s[i] == '.') {
    frac_begin = ++i;
    while (i < s.size() && IsDigit(s[i])) i++;
    frac_end = i;
  }
  int nint = static_cast<int>(int_end - int_begin);
  int nfrac = static_cast<int>(frac_end - frac_begin);
  if (nint + nfrac == 0) return false;
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
  if (consumed != nullptr) *consumed = i;

  auto digit_at = [&](int64_t idx) -> int {
    return idx < nint ? s[int_begin + idx] - '0' : s[frac_begin + (idx - nint)] - '0';
  };
  int64_t total = nint + nfrac;
  int64_t scale = nfrac - exp;
  int64_t keep = total;
  bool round_up = false;
  if (scale > kMaxScale) {
    keep = total - (scale - kMaxScale);
    if (keep >= 0 && keep < total) round_up = digit_at(keep) >= 5;
    if (keep < 0) keep = 0;
    scale = kMaxScale;
  }
  int64_t start = 0;
  while (start < keep && digit_at(start) == 0) start++;
  int64_t significant = keep - start;
  int64_t zeros = scale < 0 ? -scale : 0;
  int64_t int_digits = significant + zeros - std::max<int64_t>(scale, 0);
  if (int_digits > kMaxResultDigits) {
    // Saturate to the largest value a computation may hold.
    Decimal max;
    for (int k = 0; k < kMaxResultDigits; k++) {
      max.MulSmall(10);
      max.AddSmall(9);
    }
    max.neg_ = neg;
    *out = max;
    if (overflow != nullptr) *overflow = true;
    return true;
  }
  Decimal d;
  int64_t idx = start;
  while (idx < keep) {
    int chunk = static_cast<int>(std::min<int64_t>(9, keep - idx));
    uint32_t v = 0;
    for (int c = 0; c < chunk; c++) v = v * 10 + static_cast<uint32_t>(digit_at(idx + c));
    d.MulSmall(kPow10[chunk]);
    d.AddSmall(v);
    idx += chunk;
  }
  if (round_up) d.AddSmall(1);
  d.MulPow10(static_cast<int>(zeros));
  d.scale_ = static_cast<int16_t>(std::max<int64_t>(scale, 0));
  d.neg_ = neg;
  d.Normalize();
  d.FitPrecision();
  *out = d;
  return true;
}

bool Decimal::ParseExact(std::string_view s, Decimal* out) {
  size_t consumed = 0;
  bool overflow = false;
  if (!Parse(s, out, &consumed, &overflow) || overflow) return false;
  while (consumed < s.size() && IsSpace(s[consumed])) consumed++;
  return consumed == s.size();
}

void Decimal::AppendTo(std::string* out) const {
  char digits[kLimbs * 9 + 1];
  int len = 0;
  if (n_ == 0) {
    digits[len++] = '0';
  } else {
    auto r = std::to_chars(digits, digits + 10, limb_[n_ - 1]);
    len = static_cast<int>(r.ptr - digits);
    for (int i = n_ - 2; i >= 0; i--) {
      uint32_t v = limb_[i];
      for (int k = 8; k >= 0; k--) {
        digits[len + k] = static_cast<char>('0' + v % 10);
        v /= 10;
      }
      len += 9;
    }
  }
  if (neg_ && n_ != 0) out->push_back('-');
  if (scale_ == 0) {
    out->append(digits, len);
    return;
  }
  if (len <= scale_) {
    out->append("0.");
    out->append(static_cast<size_t>(scale_ - len), '0');
    out->append(digits, len);
    return;
  }
  out->append(digits, len - scale_);
  out->push_back('.');
  out->append(digits + (len - scale_), scale_);
}

std::string Decimal::ToString() const {
  std::string s;
  AppendTo(&s);
  return s;
}

double Decimal::ToDouble() const {
  std::string s = ToString();
  return std::strtod(s.c_str(), nullptr);
}

bool Decimal::ToInt64(int64_t* out) const {
  Decimal r = Rescale(0, RoundMode::kHalfUp);
  if (r.n_ > 3) {
    *out = r.neg_ ? INT64_MIN : INT64_MAX;
    return false;
  }
  unsigned __int128 mag = 0;
  for (int i = r.n_ - 1; i >= 0; i--) mag = mag * kBase + r.limb_[i];
  if (r.neg_) {
    if (mag > static_cast<unsigned __int128>(INT64_MAX) + 1) {
      *out = INT64_MIN;
      return false;
    }
    *out = static_cast<int64_t>(0 - static_cast<uint64_t>(mag));
    return true;
  }
  if (mag > static_cast<unsigned __int128>(INT64_MAX)) {
    *out = INT64_MAX;
    return false;
  }
  *out = static_cast<int64_t>(mag);
  return true;
}

bool Decimal::ToUint64(uint64_t* out) const {
  Decimal r = Rescale(0, RoundMode::kHalfUp);
  if (r.is_negative()) {
    *out = 0;
    return false;
  }
  if (r.n_ > 3) {
    *out = UINT64_MAX;
    return false;
  }
  unsigned __int128 mag = 0;
  for (int i = r.n_ - 1; i >= 0; i--) mag = mag * kBase + r.limb_[i];
  if (mag > UINT64_MAX) {
    *out = UINT64_MAX;
    return false;
  }
  *out = static_cast<uint64_t>(mag);
  return true;
}

Decimal Decimal::Rescale(int scale, RoundMode mode) const {
  scale = std::clamp(scale, 0, static_cast<int>(kMaxScale));
  Decimal r = *this;
  if (scale >= scale_) {
    r.MulPow10(scale - scale_);
  } else {
    r.DivPow10(scale_ - scale, mode);
  }
  r.scale_ = static_cast<int16_t>(scale);
  return r;
}

Decimal Decimal::Round(int64_t d, RoundMode mode) const {
  if (d >= 0) return Rescale(static_cast<int>(std::min<int64_t>(d, kMaxScale)), mode);
  Decimal r = *this;
  int64_t drop = scale_ - d;  // digits to remove below 10^-d
  if (drop > CoefficientDigits() + 1) {
    // Everything is below the rounding position: 0, or one unit for floor/ceiling.
    r.DivPow10(CoefficientDigits() + 2, mode);
    if (r.n_ != 0 && -d <= kMaxPrecision) {
      r.MulPow10(static_cast<int>(-d));
    } else {
      r = Decimal();
    }
    r.scale_ = 0;
    return r;
  }
  r.DivPow10(static_cast<int>(drop), mode);
  r.MulPow10(static_cast<int>(-d));
  r.scale_ = 0;
  if (!r.FitPrecision()) return Decimal();
  return r;
}

int Decimal::CompareMagnitude(const Decimal& a, const Decimal& b) {
  if (a.n_ != b.n_) return a.n_ < b.n_ ? -1 : 1;
  for (int i = a.n_ - 1; i >= 0; i--) {
    if (a.limb_[i] != b.limb_[i]) return a.limb_[i] < b.limb_[i] ? -1 : 1;
  }
  return 0;
}

bool Decimal::Align(Decimal* a, Decimal* b) {
  if (a->scale_ < b->scale_) {
    if (!a->MulPow10(b->scale_ - a->scale_)) return false;
    a->scale_ = b->scale_;
  } else if (b->scale_ < a->scale_) {
    if (!b->MulPow10(a->scale_ - b->scale_)) return false;
    b->scale_ = a->scale_;
  }
  return true;
}

bool Decimal::AddMagnitude(const Decimal& a, const Decimal& b, Decimal* out) {
  int n = std::max(a.n_, b.n_);
  uint64_t carry = 0;
  Decimal r;
  for (int i = 0; i < n; i++) {
    uint64_t v = carry + (i < a.n_ ? a.limb_[i] : 0) + (i < b.n_ ? b.limb_[i] : 0);
    r.limb_[i] = static_cast<uint32_t>(v % kBase);
    carry = v / kBase;
  }
  r.n_ = static_cast<int16_t>(n);
  if (carry != 0) {
    if (n >= kLimbs) return false;
    r.limb_[r.n_++] = static_cast<uint32_t>(carry);
  }
  r.scale_ = a.scale_;
  *out = r;
  return true;
}

void Decimal::SubMagnitude(const Decimal& a, const Decimal& b, Decimal* out) {
  Decimal r;
  int64_t borrow = 0;
  for (int i = 0; i < a.n_; i++) {
    int64_t v = static_cast<int64_t>(a.limb_[i]) - borrow - (i < b.n_ ? b.limb_[i] : 0);
    borrow = 0;
    if (v < 0) {
      v += kBase;
      borrow = 1;
    }
    r.limb_[i] = static_cast<uint32_t>(v);
  }
  r.n_ = a.n_;
  r.scale_ = a.scale_;
  r.Normalize();
  *out = r;
}

bool Decimal::Add(const Decimal& a0, const Decimal& b0, Decimal* out) {
  Decimal a = a0, b = b0;
  if (!Align(&a, &b)) return false;
  Decimal r;
  if (a.neg_ == b.neg_) {
    if (!AddMagnitude(a, b, &r)) return false;
    r.neg_ = a.neg_;
  } else if (CompareMagnitude(a, b) >= 0) {
    SubMagnitude(a, b, &r);
    r.neg_ = a.neg_;
  } else {
    SubMagnitude(b, a, &r);
    r.neg_ = b.neg_;
  }
  r.scale_ = a.scale_;
  r.Normalize();
  if (!r.FitPrecision()) return false;
  *out = r;
  return true;
}

bool Decimal::Sub(const Decimal& a, const Decimal& b, Decimal* out) {
  Decimal nb = b;
  nb.neg_ = !b.neg_;
  nb.Normalize();
  return Add(a, nb, out);
}

bool Decimal::Mul(const Decimal& a, const Decimal& b, Decimal* out) {
  if (a.n_ + b.n_ > kLimbs) return false;
  uint64_t acc[kLimbs + 1] = {};
  Decimal r;
  for (int i = 0; i < a.n_; i++) {
    uint64_t carry = 0;
    for (int j = 0; j < b.n_; j++) {
      uint64_t v = acc[i + j] + static_cast<uint64_t>(a.limb_[i]) * b.limb_[j] + carry;
      acc[i + j] = v % kBase;
      carry = v / kBase;
    }
    int k = i + b.n_;
    while (carry != 0) {
      uint64_t v = acc[k] + carry;
      acc[k] = v % kBase;
      carry = v / kBase;
      k++;
    }
  }
  r.n_ = static_cast<int16_t>(a.n_ + b.n_);
  for (int i = 0; i < r.n_; i++) r.limb_[i] = static_cast<uint32_t>(acc[i]);
  r.neg_ = a.neg_ != b.neg_;
  int scale = a.scale_ + b.scale_;
  r.scale_ = static_cast<int16_t>(scale);
  r.Normalize();
  if (scale > kMaxScale) {
    r.DivPow10(scale - kMaxScale, RoundMode::kHalfUp);
    r.scale_ = kMaxScale;
  }
  if (!r.FitPrecision()) return false;
  *out = r;
  return true;
}

void Decimal::DivModMagnitude(const Decimal& a, const Decimal& b, Decimal* q, Decimal* r) {
  Decimal qq, rr;
  if (b.n_ == 1) {
    qq = a;
    qq.neg_ = false;
    qq.scale_ = 0;
    uint32_t rem = qq.DivSmall(b.limb_[0]);
    if (rem != 0) {
      rr.limb_[0] = rem;
      rr.n_ = 1;
    }
  } else {
    Decimal bm = b;
    bm.neg_ = false;
    bm.scale_ = 0;
    std::string digits;
    Decimal am = a;
    am.neg_ = false;
    am.scale_ = 0;
    am.AppendTo(&digits);
    for (char c : digits) {
      rr.MulSmall(10);
      rr.AddSmall(static_cast<uint32_t>(c - '0'));
      uint32_t count = 0;
      while (CompareMagnitude(rr, bm) >= 0) {
        SubMagnitude(rr, bm, &rr);
        count++;
      }
      qq.MulSmall(10);
      qq.AddSmall(count);
    }
  }
  qq.scale_ = 0;
  rr.scale_ = 0;
  *q = qq;
  *r = rr;
}

bool Decimal::Div(const Decimal& a, const Decimal& b, int scale_increment, Decimal* out, bool* div_by_zero,
                  bool internal_precision) {
  if (div_by_zero != nullptr) *div_by_zero = false;
  if (b.is_zero()) {
    if (div_by_zero != nullptr) *div_by_zero = true;
    return false;
  }
  scale_increment = std::max(scale_increment, 0);
  int rs;
  if (internal_precision) {
    rs = (a.scale_ + b.scale_ + scale_increment + 8) / 9 * 9;
    rs = std::max(rs, std::min(a.scale_ + scale_increment, static_cast<int>(kMaxScale)));
    rs = std::min(rs, static_cast<int>(kMaxScale));
  } else {
    rs = std::min(a.scale_ + scale_increment, static_cast<int>(kMaxScale));
  }
  // q * 10^rs = A * 10^(sb + rs - sa) / B, all coefficients as integers.
  Decimal n = a;
  int e = b.scale_ + rs - a.scale_;
  if (e >= 0) {
    if (!n.MulPow10(e)) return false;
  } else {
    n.DivPow10(-e, RoundMode::kTruncate);
  }
  Decimal q, r;
  DivModMagnitude(n, b, &q, &r);
  if (!internal_precision && !r.is_zero()) {
    // Round half away from zero: 2r >= b.
    Decimal twice;
    AddMagnitude(r, r, &twice);
    Decimal bm = b;
    bm.neg_ = false;
    if (CompareMagnitude(twice, bm) >= 0) q.AddSmall(1);
  }
  q.scale_ = static_cast<int16_t>(rs);
  q.neg_ = a.neg_ != b.neg_;
  q.Normalize();
  if (!q.FitPrecision()) return false;
  *out = q;
  return true;
}

bool Decimal::Mod(const Decimal& a0, const Decimal& b0, Decimal* out, bool* div_by_zero) {
  if (div_by_zero != nullptr) *div_by_zero = false;
  if (b0.is_zero()) {
    if (div_by_zero != nullptr) *div_by_zero = true;
    return false;
  }
  Decimal a = a0, b = b0;
  if (!Align(&a, &b)) return false;
  Decimal q, r;
  DivModMagnitude(a, b, &q, &r);
  r.scale_ = a.scale_;
  r.neg_ = a.neg_;
  r.Normalize();
  *out = r;
  return true;
}

int Decimal::Compare(const Decimal& a0, const Decimal& b0) {
  bool an = a0.is_negative(), bn = b0.is_negative();
  if (an != bn) return an ? -1 : 1;
  if (a0.is_zero() && b0.is_zero()) return 0;
  Decimal a = a0, b = b0;
  if (!Align(&a, &b)) {
    // Cannot happen for values within 65 digits; fall back to doubles.
    double x = a0.ToDouble(), y = b0.ToDouble();
    return x < y ? -1 : (x > y ? 1 : 0);
  }
  int c = CompareMagnitude(a, b);
  return an ? -c : c;
}

}  // namespace relaydb::sql
