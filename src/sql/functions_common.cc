// Shared machinery of the function library: FunctionContext defaults, the
// per-call argument coercions and result setters, MySQL number text
// (parsing strings as numbers, printing doubles), UTF-8 helpers and the
// general_ci comparison. See functions_internal.h.
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstring>
#include <ctime>
#include <thread>
#include <unordered_map>

#include "sql/functions_internal.h"

namespace relaydb::sql {

// ---------------------------------------------------------------------------
// FunctionContext defaults.

struct FunctionContext::UserVars {
  std::unordered_map<std::string, Value> vars;
};

FunctionContext::FunctionContext() = default;
FunctionContext::~FunctionContext() = default;

namespace {

int64_t RealClockMicros() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// "+hh:mm" / "-hh:mm" → seconds; false for anything else.
bool ParseOffsetZone(std::string_view tz, int64_t* offset) {
  if (tz.size() < 4 || (tz[0] != '+' && tz[0] != '-')) return false;
  size_t colon = tz.find(':');
  if (colon == std::string_view::npos) return false;
  int h = 0, m = 0;
  auto r1 = std::from_chars(tz.data() + 1, tz.data() + colon, h);
  auto r2 = std::from_chars(tz.data() + colon + 1, tz.data() + tz.size(), m);
  if (r1.ec != std::errc() || r2.ec != std::errc() || r1.ptr != tz.data() + colon ||
      r2.ptr != tz.data() + tz.size() || m > 59 || h > 14) {
    return false;
  }
  *offset = (tz[0] == '-' ? -1 : 1) * (h * 3600 + m * 60);
  return true;
}

std::string LowerAscii(std::string_view s) {
  std::string r(s);
  for (char& c : r) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return r;
}

}  // namespace

int64_t FunctionContext::QueryStartMicros() { return RealClockMicros(); }
int64_t FunctionContext::SysdateMicros() { return RealClockMicros(); }
std::string FunctionContext::TimeZone() { return "SYSTEM"; }

int64_t FunctionContext::UtcOffsetAt(int64_t utc_seconds) {
  int64_t off = 0;
  if (ParseOffsetZone(TimeZone(), &off)) return off;
  time_t t = static_cast<time_t>(utc_seconds);
  struct tm tm;
  if (localtime_r(&t, &tm) == nullptr) return 0;
  return tm.tm_gmtoff;
}

int64_t FunctionContext::LocalToUtc(int64_t local_seconds) {
  int64_t off = 0;
  if (ParseOffsetZone(TimeZone(), &off)) return local_seconds - off;
  time_t t = static_cast<time_t>(local_seconds);
  struct tm tm;
  if (gmtime_r(&t, &tm) == nullptr) return local_seconds;
  tm.tm_isdst = -1;
  time_t utc = mktime(&tm);
  return utc == static_cast<time_t>(-1) ? local_seconds : static_cast<int64_t>(utc);
}

Value FunctionContext::GetUserVariable(std::string_view name) {
  if (vars_ == nullptr) return Value::Null();
  auto it = vars_->vars.find(LowerAscii(name));
  return it == vars_->vars.end() ? Value::Null() : it->second;
}

void FunctionContext::SetUserVariable(std::string_view name, const Value& value) {
  if (vars_ == nullptr) vars_ = std::make_unique<UserVars>();
  vars_->vars[LowerAscii(name)] = value;
}

RandState* FunctionContext::SessionRand() {
  if (!rand_init_) {
    uint64_t t = static_cast<uint64_t>(RealClockMicros());
    rand_.Init(t ^ reinterpret_cast<uintptr_t>(this), t / 1000000 + 0x12345);
    rand_init_ = true;
  }
  return &rand_;
}

bool FunctionContext::SleepInterruptible(double seconds) {
  auto deadline =
      std::chrono::steady_clock::now() + std::chrono::microseconds(static_cast<int64_t>(seconds * 1e6));
  while (true) {
    if (IsKilled()) return true;
    auto now = std::chrono::steady_clock::now();
    if (now >= deadline) return false;
    auto step = std::min<std::chrono::steady_clock::duration>(deadline - now, std::chrono::milliseconds(10));
    std::this_thread::sleep_for(step);
  }
}

std::string FormatMysqlDouble(double v, int decimals) {
  std::string s;
  if (decimals < 0 || decimals >= 39) {
    fn::AppendDouble(v, &s);
  } else {
    fn::AppendDoubleFixed(v, decimals, &s);
  }
  return s;
}

namespace fn {

FunctionContext* DefaultContext() {
  thread_local FunctionContext ctx;
  return &ctx;
}

FunctionContext* SessionOf(sqlite3_context* ctx) {
  auto* fd = static_cast<FunctionData*>(sqlite3_user_data(ctx));
  FunctionContext* s = (fd != nullptr && fd->provider != nullptr) ? fd->provider->current() : nullptr;
  return s != nullptr ? s : DefaultContext();
}

// ---------------------------------------------------------------------------
// Numbers.

namespace {

bool IsSpaceChar(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }
bool IsDigitChar(char c) { return c >= '0' && c <= '9'; }

Conv TailConv(std::string_view s, size_t pos) {
  if (pos == s.size()) return Conv::kOk;
  for (size_t i = pos; i < s.size(); i++) {
    if (!IsSpaceChar(s[i])) return Conv::kTruncated;
  }
  return Conv::kTrailingSpace;
}

}  // namespace

double ParseDouble(std::string_view s, Conv* conv) {
  size_t i = 0;
  while (i < s.size() && IsSpaceChar(s[i])) i++;
  bool neg = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    neg = s[i] == '-';
    i++;
  }
  size_t digits_start = i;
  size_t ndigits = 0;
  while (i < s.size() && IsDigitChar(s[i])) {
    i++;
    ndigits++;
  }
  if (i < s.size() && s[i] == '.') {
    i++;
    while (i < s.size() && IsDigitChar(s[i])) {
      i++;
      ndigits++;
    }
  }
  if (ndigits == 0) {
    *conv = Conv::kTruncated;
    return 0.0;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    size_t j = i + 1;
    if (j < s.size() && (s[j] == '+' || s[j] == '-')) j++;
    if (j < s.size() && IsDigitChar(s[j])) {
      while (j < s.size() && IsDigitChar(s[j])) j++;
      i = j;
    }
  }
  *conv = TailConv(s, i);
  double v = 0;
  // from_chars accepts no leading '+'; the sign is applied separately.
  auto r = std::from_chars(s.data() + digits_start, s.data() + i, v);
  if (r.ec == std::errc::result_out_of_range) {
    // Overflow → ±DBL_MAX with a warning; underflow → 0 silently.
    bool exp_neg = false;
    for (size_t k = digits_start; k < i; k++) {
      if ((s[k] == 'e' || s[k] == 'E') && k + 1 < i && s[k + 1] == '-') exp_neg = true;
    }
    if (exp_neg) {
      v = 0;
    } else {
      v = 1.7976931348623157e308;
      *conv = Conv::kTruncated;
    }
  }
  return neg ? -v : v;
}

int64_t ParseInt(std::string_view s, Conv* conv, bool* is_unsigned) {
  if (is_unsigned != nullptr) *is_unsigned = false;
  size_t i = 0;
  while (i < s.size() && IsSpaceChar(s[i])) i++;
  bool neg = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    neg = s[i] == '-';
    i++;
  }
  size_t d0 = i;
  unsigned __int128 v = 0;
  bool overflow = false;
  while (i < s.size() && IsDigitChar(s[i])) {
    if (!overflow) {
      v = v * 10 + static_cast<unsigned>(s[i] - '0');
      if (v > UINT64_MAX) overflow = true;
    }
    i++;
  }
  if (i == d0) {
    *conv = Conv::kTruncated;
    return 0;
  }
  *conv = TailConv(s, i);
  if (neg) {
    if (overflow || v > static_cast<unsigned __int128>(INT64_MAX) + 1) {
      *conv = Conv::kTruncated;
      return INT64_MIN;
    }
    return static_cast<int64_t>(0 - static_cast<uint64_t>(v));
  }
  if (overflow) {
    *conv = Conv::kTruncated;
    if (is_unsigned != nullptr) *is_unsigned = true;
    return -1;  // UINT64_MAX
  }
  if (v > INT64_MAX && is_unsigned != nullptr) *is_unsigned = true;
  return static_cast<int64_t>(static_cast<uint64_t>(v));
}

bool LooksExactNumber(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && IsSpaceChar(s[i])) i++;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) i++;
  size_t nd = 0;
  while (i < s.size() && IsDigitChar(s[i])) {
    i++;
    nd++;
  }
  if (i < s.size() && s[i] == '.') {
    i++;
    while (i < s.size() && IsDigitChar(s[i])) {
      i++;
      nd++;
    }
  }
  if (nd == 0) return false;
  while (i < s.size() && IsSpaceChar(s[i])) i++;
  return i == s.size();
}

void AppendInt(int64_t v, std::string* out) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out->append(buf, r.ptr);
}

void AppendUint(uint64_t v, std::string* out) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out->append(buf, r.ptr);
}

namespace {

// Lays out significant `digits` (no trailing zeros) with the decimal point
// after `decpt` of them as MariaDB's my_gcvt does: positional for
// -14 <= decpt <= 15 (or when every digit is significant there), else
// "d.ddde±x".
void AppendGcvtDigits(bool neg, const char* digits, int len, int decpt, std::string* out) {
  if (neg) out->push_back('-');
  if (decpt >= -14 && (decpt <= 15 || len > decpt)) {
    if (decpt <= 0) {
      out->append("0.");
      out->append(static_cast<size_t>(-decpt), '0');
      out->append(digits, len);
    } else if (decpt >= len) {
      out->append(digits, len);
      out->append(static_cast<size_t>(decpt - len), '0');
    } else {
      out->append(digits, decpt);
      out->push_back('.');
      out->append(digits + decpt, len - decpt);
    }
    return;
  }
  out->push_back(digits[0]);
  if (len > 1) {
    out->push_back('.');
    out->append(digits + 1, len - 1);
  }
  out->push_back('e');
  AppendInt(decpt - 1, out);
}

// Splits scientific text "[-]d.ddde±x" into sign, digits without trailing
// zeros, and the position of the point; then lays it out.
void AppendScientific(std::string_view sci, std::string* out) {
  bool neg = false;
  if (!sci.empty() && sci[0] == '-') {
    neg = true;
    sci.remove_prefix(1);
  }
  size_t epos = sci.find('e');
  char digits[40];
  int len = 0;
  for (size_t k = 0; k < epos && len < 39; k++) {
    if (sci[k] != '.') digits[len++] = sci[k];
  }
  while (len > 1 && digits[len - 1] == '0') len--;
  int exp10 = 0;
  std::from_chars(sci.data() + epos + (sci[epos + 1] == '+' ? 2 : 1), sci.data() + sci.size(), exp10);
  AppendGcvtDigits(neg, digits, len, exp10 + 1, out);
}

}  // namespace

void AppendDouble(double v, std::string* out) {
  if (std::isnan(v) || std::isinf(v) || v == 0) {
    out->push_back('0');
    return;
  }
  // Shortest digits and exponent: "d.ddde±x".
  char buf[40];
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  AppendScientific(std::string_view(buf, r.ptr - buf), out);
}

void AppendFloat(float v, std::string* out) {
  if (std::isnan(v) || std::isinf(v) || v == 0) {
    out->push_back('0');
    return;
  }
  // MariaDB prints a FLOAT with 6 significant digits (FLT_DIG).
  char buf[40];
  int n = std::snprintf(buf, sizeof buf, "%.5e", static_cast<double>(v));
  AppendScientific(std::string_view(buf, static_cast<size_t>(n)), out);
}

std::string FormatDouble(double v) {
  std::string s;
  AppendDouble(v, &s);
  return s;
}

void AppendDoubleFixed(double v, int decimals, std::string* out) {
  if (!std::isfinite(v)) {
    out->push_back('0');
    return;
  }
  char buf[400];
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
  if (r.ec != std::errc()) {
    out->push_back('0');
    return;
  }
  std::string_view s(buf, r.ptr - buf);
  // Never print "-0.00".
  bool all_zero = true;
  for (char c : s) {
    if (c >= '1' && c <= '9') all_zero = false;
  }
  if (all_zero && !s.empty() && s[0] == '-') s.remove_prefix(1);
  out->append(s);
}

double RoundDouble(double value, int64_t dec, bool dec_unsigned, bool truncate) {
  static const double kLog10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10,
                                  1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21,
                                  1e22, 1e23, 1e24, 1e25, 1e26, 1e27, 1e28, 1e29, 1e30, 1e31};
  bool dec_negative = dec < 0 && !dec_unsigned;
  uint64_t abs_dec = dec_negative ? 0 - static_cast<uint64_t>(dec) : static_cast<uint64_t>(dec);
  double tmp = abs_dec < std::size(kLog10) ? kLog10[abs_dec] : std::pow(10.0, static_cast<double>(abs_dec));
  volatile double value_div_tmp = value / tmp;
  volatile double value_mul_tmp = value * tmp;
  volatile double result;
  if (dec_negative && std::isinf(tmp)) {
    result = 0.0;
  } else if (!dec_negative && std::isinf(value_mul_tmp)) {
    result = value;
  } else if (truncate) {
    if (value >= 0.0) {
      result = dec_negative ? std::floor(value_div_tmp) * tmp : std::floor(value_mul_tmp) / tmp;
    } else {
      result = dec_negative ? std::ceil(value_div_tmp) * tmp : std::ceil(value_mul_tmp) / tmp;
    }
  } else {
    result = dec_negative ? std::rint(value_div_tmp) * tmp : std::rint(value_mul_tmp) / tmp;
  }
  return result;
}

// ---------------------------------------------------------------------------
// UTF-8.

char32_t DecodeUtf8(const char** pp, const char* end) {
  const auto* p = reinterpret_cast<const unsigned char*>(*pp);
  const auto* e = reinterpret_cast<const unsigned char*>(end);
  unsigned char c = p[0];
  size_t n = Utf8SeqLen(c);
  if (n == 1 || p + n > e) {
    *pp += 1;
    return c;
  }
  for (size_t k = 1; k < n; k++) {
    if ((p[k] & 0xC0) != 0x80) {
      *pp += 1;
      return c;
    }
  }
  char32_t v;
  if (n == 2) {
    v = ((c & 0x1Fu) << 6) | (p[1] & 0x3Fu);
  } else if (n == 3) {
    v = ((c & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
    if (v < 0x800) {
      *pp += 1;
      return c;
    }
  } else {
    v = ((c & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu);
    if (v < 0x10000 || v > 0x10FFFF) {
      *pp += 1;
      return c;
    }
  }
  *pp += n;
  return v;
}

void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

size_t Utf8Length(std::string_view s) {
  size_t n = 0;
  const char* p = s.data();
  const char* e = p + s.size();
  while (p < e) {
    unsigned char c = static_cast<unsigned char>(*p);
    if (c < 0x80) {
      p++;
    } else {
      DecodeUtf8(&p, e);
    }
    n++;
  }
  return n;
}

size_t Utf8Offset(std::string_view s, size_t n) {
  const char* p = s.data();
  const char* e = p + s.size();
  while (n > 0 && p < e) {
    unsigned char c = static_cast<unsigned char>(*p);
    if (c < 0x80) {
      p++;
    } else {
      DecodeUtf8(&p, e);
    }
    n--;
  }
  return static_cast<size_t>(p - s.data());
}

std::string Utf8Upper(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  const char* p = s.data();
  const char* e = p + s.size();
  while (p < e) {
    unsigned char c = static_cast<unsigned char>(*p);
    if (c < 0x80) {
      out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : static_cast<char>(c));
      p++;
      continue;
    }
    const char* before = p;
    char32_t ch = DecodeUtf8(&p, e);
    if (p - before == 1) {
      out.push_back(*before);  // malformed byte: kept as is
    } else {
      AppendUtf8(ToUpper(ch), &out);
    }
  }
  return out;
}

std::string Utf8Lower(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  const char* p = s.data();
  const char* e = p + s.size();
  while (p < e) {
    unsigned char c = static_cast<unsigned char>(*p);
    if (c < 0x80) {
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : static_cast<char>(c));
      p++;
      continue;
    }
    const char* before = p;
    char32_t ch = DecodeUtf8(&p, e);
    if (p - before == 1) {
      out.push_back(*before);
    } else {
      AppendUtf8(ToLower(ch), &out);
    }
  }
  return out;
}

int CiCompare(std::string_view a, std::string_view b) {
  const char* p = a.data();
  const char* pe = p + a.size();
  const char* q = b.data();
  const char* qe = q + b.size();
  while (p < pe && q < qe) {
    uint16_t wa = CiWeight(DecodeUtf8(&p, pe));
    uint16_t wb = CiWeight(DecodeUtf8(&q, qe));
    if (wa != wb) return wa < wb ? -1 : 1;
  }
  // PAD SPACE: the rest of the longer string compares against spaces.
  int sign = 1;
  if (p >= pe) {
    p = q;
    pe = qe;
    sign = -1;
  }
  while (p < pe) {
    uint16_t w = CiWeight(DecodeUtf8(&p, pe));
    if (w != ' ') return w < ' ' ? -sign : sign;
  }
  return 0;
}

int BinCompare(std::string_view a, std::string_view b) {
  size_t n = std::min(a.size(), b.size());
  int c = n == 0 ? 0 : std::memcmp(a.data(), b.data(), n);
  if (c != 0) return c < 0 ? -1 : 1;
  std::string_view rest = a.size() > n ? a.substr(n) : b.substr(n);
  int sign = a.size() > n ? 1 : -1;
  for (char ch : rest) {
    if (ch != ' ') return static_cast<unsigned char>(ch) < ' ' ? -sign : sign;
  }
  return 0;
}

size_t CiFind(std::string_view hay, std::string_view needle, size_t from, bool binary) {
  if (from > hay.size()) return std::string_view::npos;
  if (binary) return hay.find(needle, from);
  if (needle.empty()) return from;
  // MariaDB's my_instr_mb: the needle's byte length of haystack, at each
  // character start, compared by collation without PAD SPACE. Case variants of
  // a different byte length (e.g. 'é' vs 'E') therefore do not match.
  const char* he = hay.data() + hay.size();
  const char* p = hay.data() + from;
  while (static_cast<size_t>(he - p) >= needle.size()) {
    const char* a = p;
    const char* ae = p + needle.size();
    const char* b = needle.data();
    const char* be = b + needle.size();
    bool match = true;
    while (a < ae && b < be) {
      if (CiWeight(DecodeUtf8(&a, ae)) != CiWeight(DecodeUtf8(&b, be))) {
        match = false;
        break;
      }
    }
    if (match && a == ae && b == be) return static_cast<size_t>(p - hay.data());
    DecodeUtf8(&p, he);
  }
  return std::string_view::npos;
}

// ---------------------------------------------------------------------------
// Call.

namespace {

std::string_view SqlStateFor(uint16_t code) {
  switch (code) {
    case 1292:
    case 1366:
    case 1411:
      return "22007";
    case 1365:
      return "22012";
    case 1264:
    case 1690:
    case 1916:
      return "22003";
    case 1406:
      return "22001";
    default:
      return "HY000";
  }
}

}  // namespace

Call::Call(sqlite3_context* ctx, int argc, sqlite3_value** argv)
    : ctx_(ctx), argc_(argc), argv_(argv), session_(SessionOf(ctx)) {}

bool Call::any_null() const {
  for (int i = 0; i < argc_; i++) {
    if (is_null(i)) return true;
  }
  return false;
}

int64_t Call::Int(int i, bool* is_unsigned) {
  if (is_unsigned != nullptr) *is_unsigned = false;
  switch (type(i)) {
    case SQLITE_INTEGER:
      return sqlite3_value_int64(argv_[i]);
    case SQLITE_FLOAT: {
      double d = std::rint(sqlite3_value_double(argv_[i]));
      if (std::isnan(d)) return 0;
      if (d >= 9223372036854775807.0) return INT64_MAX;
      if (d <= -9223372036854775808.0) return INT64_MIN;
      return static_cast<int64_t>(d);
    }
    case SQLITE_TEXT:
    case SQLITE_BLOB: {
      std::string_view s = Str(i);
      Conv conv;
      int64_t v = ParseInt(s, &conv, is_unsigned);
      if (conv != Conv::kOk) WarnTruncated("INTEGER", s, conv);
      return v;
    }
    default:
      return 0;
  }
}

double Call::Double(int i) {
  switch (type(i)) {
    case SQLITE_INTEGER:
      return static_cast<double>(sqlite3_value_int64(argv_[i]));
    case SQLITE_FLOAT:
      return sqlite3_value_double(argv_[i]);
    case SQLITE_TEXT:
    case SQLITE_BLOB: {
      std::string_view s = Str(i);
      Conv conv;
      double v = ParseDouble(s, &conv);
      if (conv != Conv::kOk) WarnTruncated("DOUBLE", s, conv);
      return v;
    }
    default:
      return 0;
  }
}

std::string_view Call::Str(int i) {
  switch (type(i)) {
    case SQLITE_TEXT: {
      const auto* p = reinterpret_cast<const char*>(sqlite3_value_text(argv_[i]));
      return std::string_view(p, static_cast<size_t>(sqlite3_value_bytes(argv_[i])));
    }
    case SQLITE_BLOB: {
      const auto* p = static_cast<const char*>(sqlite3_value_blob(argv_[i]));
      int n = sqlite3_value_bytes(argv_[i]);
      return n == 0 ? std::string_view() : std::string_view(p, static_cast<size_t>(n));
    }
    case SQLITE_INTEGER:
    case SQLITE_FLOAT: {
      std::string tmp;
      if (type(i) == SQLITE_INTEGER) {
        AppendInt(sqlite3_value_int64(argv_[i]), &tmp);
      } else {
        AppendDouble(sqlite3_value_double(argv_[i]), &tmp);
      }
      if (i < kInlineArgs && tmp.size() <= sizeof(inline_text_[i].buf)) {
        std::memcpy(inline_text_[i].buf, tmp.data(), tmp.size());
        inline_text_[i].len = tmp.size();
        return std::string_view(inline_text_[i].buf, inline_text_[i].len);
      }
      if (more_text_.size() < static_cast<size_t>(argc_)) more_text_.resize(argc_);
      more_text_[i] = std::move(tmp);
      return more_text_[i];
    }
    default:
      return std::string_view();
  }
}

Decimal Call::Dec(int i) {
  switch (type(i)) {
    case SQLITE_INTEGER:
      return Decimal::FromInt64(sqlite3_value_int64(argv_[i]));
    case SQLITE_FLOAT: {
      Decimal d;
      Decimal::FromDouble(sqlite3_value_double(argv_[i]), &d);
      return d;
    }
    case SQLITE_TEXT:
    case SQLITE_BLOB: {
      std::string_view s = Str(i);
      Decimal d;
      size_t consumed = 0;
      bool overflow = false;
      Decimal::Parse(s, &d, &consumed, &overflow);
      Conv conv = consumed == 0 ? Conv::kTruncated : TailConv(s, consumed);
      if (overflow) conv = Conv::kTruncated;
      if (conv != Conv::kOk) WarnTruncated("DECIMAL", s, conv);
      return d;
    }
    default:
      return Decimal();
  }
}

bool Call::Truth(int i) {
  switch (type(i)) {
    case SQLITE_INTEGER:
      return sqlite3_value_int64(argv_[i]) != 0;
    case SQLITE_NULL:
      return false;
    default:
      return Double(i) != 0.0;
  }
}

void Call::SetNull() {
  if (!failed_) sqlite3_result_null(ctx_);
}
void Call::SetInt(int64_t v) {
  if (!failed_) sqlite3_result_int64(ctx_, v);
}
void Call::SetUnsigned(uint64_t v) {
  if (failed_) return;
  if (v <= static_cast<uint64_t>(INT64_MAX)) {
    sqlite3_result_int64(ctx_, static_cast<int64_t>(v));
  } else {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    sqlite3_result_text(ctx_, buf, static_cast<int>(r.ptr - buf), SQLITE_TRANSIENT);
  }
}
void Call::SetDouble(double v) {
  if (failed_) return;
  if (!std::isfinite(v)) {
    sqlite3_result_null(ctx_);
  } else {
    sqlite3_result_double(ctx_, v);
  }
}
void Call::SetText(std::string_view s) {
  if (!failed_) sqlite3_result_text(ctx_, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
}
void Call::SetBlob(std::string_view s) {
  if (!failed_) {
    sqlite3_result_blob(ctx_, s.empty() ? "" : s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
  }
}
void Call::SetDecimal(const Decimal& d) {
  if (failed_) return;
  std::string s;
  d.AppendTo(&s);
  sqlite3_result_text(ctx_, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
}
void Call::SetValue(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kNull:
      SetNull();
      break;
    case Value::Kind::kInt:
      SetInt(v.int_value());
      break;
    case Value::Kind::kUInt:
      SetUnsigned(v.uint_value());
      break;
    case Value::Kind::kDouble:
      SetDouble(v.double_value());
      break;
    case Value::Kind::kString:
      SetText(v.string_value());
      break;
  }
}

void Call::Warn(uint16_t code, std::string_view message, WarningLevel level) {
  if (failed_) return;
  if (level == WarningLevel::kWarning && session_->AbortOnWarning() &&
      (code != 1365 || (session_->SqlMode() & FunctionContext::kModeErrorForDivisionByZero) != 0)) {
    Error(code, SqlStateFor(code), std::string(message));
    return;
  }
  session_->PushWarning(level, code, message);
}

void Call::WarnTruncated(std::string_view what, std::string_view s, Conv conv) {
  if (conv == Conv::kOk) return;
  std::string msg = "Truncated incorrect ";
  msg.append(what);
  msg.append(" value: '");
  msg.append(s);
  msg.push_back('\'');
  Warn(1292, msg, conv == Conv::kTrailingSpace ? WarningLevel::kNote : WarningLevel::kWarning);
}

void Call::WarnDivByZero() {
  if ((session_->SqlMode() & FunctionContext::kModeErrorForDivisionByZero) == 0) return;
  Warn(1365, "Division by 0");
}

void Call::WarnIncorrect(std::string_view what, std::string_view s) {
  std::string msg = "Incorrect ";
  msg.append(what);
  msg.append(" value: '");
  msg.append(s);
  msg.push_back('\'');
  Warn(1292, msg);
}

void Call::Error(uint16_t code, std::string_view sqlstate, std::string message) {
  if (failed_) return;
  session_->RaiseError(Status::SqlError(code, sqlstate, message));
  sqlite3_result_error(ctx_, message.c_str(), static_cast<int>(message.size()));
  failed_ = true;
}

void AppendValueText(sqlite3_value* v, std::string* out) {
  switch (sqlite3_value_type(v)) {
    case SQLITE_INTEGER:
      AppendInt(sqlite3_value_int64(v), out);
      break;
    case SQLITE_FLOAT:
      AppendDouble(sqlite3_value_double(v), out);
      break;
    case SQLITE_TEXT:
      out->append(reinterpret_cast<const char*>(sqlite3_value_text(v)),
                  static_cast<size_t>(sqlite3_value_bytes(v)));
      break;
    case SQLITE_BLOB: {
      int n = sqlite3_value_bytes(v);
      if (n > 0) out->append(static_cast<const char*>(sqlite3_value_blob(v)), static_cast<size_t>(n));
      break;
    }
    default:
      break;
  }
}

}  // namespace fn
}  // namespace relaydb::sql
