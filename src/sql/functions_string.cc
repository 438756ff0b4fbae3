// String functions (MariaDB 10.11 semantics): CONCAT, SUBSTRING, TRIM, LPAD,
// LOCATE, HEX/UNHEX, CONV, FIELD, FORMAT, SOUNDEX, QUOTE, CHARSET ...
// (encodings, digests and identifiers are in functions_encoding.cc).
// Lengths and positions count UTF-8 characters for text and bytes for BLOB
// (binary strings); a result is binary when a string argument is.
#include <cmath>
#include <cstring>

#include "sql/functions_internal.h"

namespace relaydb::sql::fn {
namespace {

constexpr char kHexUpper[] = "0123456789ABCDEF";

// Character count / byte offsets that respect binary strings.
size_t CharLen(std::string_view s, bool binary) { return binary ? s.size() : Utf8Length(s); }
size_t CharOffset(std::string_view s, size_t n, bool binary) {
  return binary ? std::min(n, s.size()) : Utf8Offset(s, n);
}

bool AnyBlob(Call& c, int from = 0) {
  for (int i = from; i < c.argc(); i++) {
    if (c.is_blob(i)) return true;
  }
  return false;
}

// Result larger than @@max_allowed_packet: NULL with warning 1301.
bool TooBig(Call& c, uint64_t bytes, std::string_view fname) {
  uint64_t max = c.session().MaxAllowedPacket();
  if (bytes <= max) return false;
  std::string msg = "Result of ";
  msg.append(fname);
  msg.append("() was larger than max_allowed_packet (");
  AppendUint(max, &msg);
  msg.append(") - truncated");
  c.Warn(1301, msg);
  c.SetNull();
  return true;
}

void Concat(Call& c) {
  std::string out;
  for (int i = 0; i < c.argc(); i++) out.append(c.Str(i));
  if (TooBig(c, out.size(), "concat")) return;
  c.SetString(out, AnyBlob(c));
}

void ConcatWs(Call& c) {
  if (c.is_null(0)) return c.SetNull();
  std::string_view sep = c.Str(0);
  std::string out;
  bool first = true;
  for (int i = 1; i < c.argc(); i++) {
    if (c.is_null(i)) continue;
    if (!first) out.append(sep);
    out.append(c.Str(i));
    first = false;
  }
  if (TooBig(c, out.size(), "concat_ws")) return;
  c.SetString(out, AnyBlob(c));
}

// SUBSTRING(s, pos[, len]) (Item_func_substr).
void Substring(Call& c) {
  bool bin = c.is_blob(0);
  std::string_view s = c.Str(0);
  int64_t start = c.Int(1);
  int64_t len = c.argc() == 3 ? c.Int(2) : INT32_MAX;
  if (c.argc() == 3 && len <= 0) return c.SetString("", bin);
  if (start == 0 || start < INT32_MIN || start > INT32_MAX) return c.SetString("", bin);
  int64_t nchars = static_cast<int64_t>(CharLen(s, bin));
  int64_t first = start < 0 ? nchars + start : start - 1;
  if (first < 0 || first >= nchars) return c.SetString("", bin);
  size_t b = CharOffset(s, static_cast<size_t>(first), bin);
  std::string_view rest = s.substr(b);
  size_t e = len >= nchars ? rest.size() : CharOffset(rest, static_cast<size_t>(len), bin);
  c.SetString(rest.substr(0, e), bin);
}

void SubstringIndex(Call& c) {
  bool bin = AnyBlob(c);
  std::string_view s = c.Str(0);
  std::string_view delim = c.Str(1);
  int64_t count = c.Int(2);
  if (delim.empty() || count == 0 || s.empty()) return c.SetString("", bin);
  if (count > 0) {
    size_t pos = 0;
    for (int64_t k = 0; k < count; k++) {
      size_t f = s.find(delim, pos);
      if (f == std::string_view::npos) return c.SetString(s, bin);
      if (k + 1 == count) return c.SetString(s.substr(0, f), bin);
      pos = f + delim.size();
    }
    return c.SetString(s, bin);
  }
  // From the right: the -count'th delimiter from the end.
  uint64_t want = count == INT64_MIN ? static_cast<uint64_t>(INT64_MAX) + 1 : static_cast<uint64_t>(-count);
  size_t end = s.size();
  for (uint64_t k = 0; k < want; k++) {
    if (end < delim.size()) return c.SetString(s, bin);
    size_t f = s.rfind(delim, end - delim.size());
    if (f == std::string_view::npos) return c.SetString(s, bin);
    if (k + 1 == want) return c.SetString(s.substr(f + delim.size()), bin);
    if (f == 0) return c.SetString(s, bin);
    end = f;
  }
  c.SetString(s, bin);
}

void Left(Call& c) {
  bool bin = c.is_blob(0);
  std::string_view s = c.Str(0);
  int64_t n = c.Int(1);
  if (n <= 0) return c.SetString("", bin);
  c.SetString(s.substr(0, CharOffset(s, static_cast<size_t>(n), bin)), bin);
}

void Right(Call& c) {
  bool bin = c.is_blob(0);
  std::string_view s = c.Str(0);
  int64_t n = c.Int(1);
  if (n <= 0) return c.SetString("", bin);
  int64_t len = static_cast<int64_t>(CharLen(s, bin));
  if (n >= len) return c.SetString(s, bin);
  c.SetString(s.substr(CharOffset(s, static_cast<size_t>(len - n), bin)), bin);
}

void Upper(Call& c) {
  if (c.is_blob(0)) return c.SetArg(0);
  c.SetText(Utf8Upper(c.Str(0)));
}

void Lower(Call& c) {
  if (c.is_blob(0)) return c.SetArg(0);
  c.SetText(Utf8Lower(c.Str(0)));
}

void Length(Call& c) { c.SetInt(static_cast<int64_t>(c.Str(0).size())); }

void CharLength(Call& c) { c.SetInt(static_cast<int64_t>(CharLen(c.Str(0), c.is_blob(0)))); }

void BitLength(Call& c) { c.SetInt(static_cast<int64_t>(c.Str(0).size() * 8)); }

std::string_view TrimLeading(std::string_view s, std::string_view rem) {
  if (rem.empty()) return s;
  while (s.size() >= rem.size() && s.compare(0, rem.size(), rem) == 0) s.remove_prefix(rem.size());
  return s;
}

std::string_view TrimTrailing(std::string_view s, std::string_view rem) {
  if (rem.empty()) return s;
  while (s.size() >= rem.size() && s.compare(s.size() - rem.size(), rem.size(), rem) == 0) {
    s.remove_suffix(rem.size());
  }
  return s;
}

// rdb_trim(str [, remstr [, side]]): side 'BOTH'|'LEADING'|'TRAILING' or
// 0|1|2 (both, leading, trailing); a NULL remstr means the default ' '.
void Trim(Call& c) {
  if (c.is_null(0)) return c.SetNull();
  bool bin = AnyBlob(c);
  std::string_view s = c.Str(0);
  std::string_view rem = c.argc() >= 2 && !c.is_null(1) ? c.Str(1) : std::string_view(" ");
  char m = 'B';
  if (c.argc() >= 3 && !c.is_null(2)) {
    if (c.is_int(2)) {
      int64_t side = c.Int(2);
      m = side == 1 ? 'L' : side == 2 ? 'T' : 'B';
    } else {
      std::string_view mode = c.Str(2);
      m = mode.empty() ? 'B' : static_cast<char>(mode[0] & ~0x20);
    }
  }
  if (m != 'T') s = TrimLeading(s, rem);
  if (m != 'L') s = TrimTrailing(s, rem);
  c.SetString(s, bin);
}

void Ltrim(Call& c) { c.SetString(TrimLeading(c.Str(0), " "), c.is_blob(0)); }
void Rtrim(Call& c) { c.SetString(TrimTrailing(c.Str(0), " "), c.is_blob(0)); }

void Pad(Call& c, bool left) {
  bool bin = AnyBlob(c);
  std::string_view s = c.Str(0);
  bool len_unsigned = false;
  int64_t count = c.Int(1, &len_unsigned);
  std::string_view pad = c.argc() >= 3 ? c.Str(2) : std::string_view(" ");
  if (count < 0 && !len_unsigned) return c.SetNull();
  uint64_t want = static_cast<uint64_t>(count);
  uint64_t have = CharLen(s, bin);
  if (want <= have) return c.SetString(s.substr(0, CharOffset(s, want, bin)), bin);
  if (pad.empty()) return c.SetNull();
  uint64_t need = want - have;
  uint64_t pad_chars = CharLen(pad, bin);
  uint64_t full = need / pad_chars;
  uint64_t part = need % pad_chars;
  if (TooBig(c, s.size() + full * pad.size() + part * 4, left ? "lpad" : "rpad")) return;
  std::string out;
  out.reserve(s.size() + full * pad.size() + pad.size());
  if (!left) out.append(s);
  for (uint64_t k = 0; k < full; k++) out.append(pad);
  out.append(pad.substr(0, CharOffset(pad, part, bin)));
  if (left) out.append(s);
  c.SetString(out, bin);
}
void Lpad(Call& c) { Pad(c, true); }
void Rpad(Call& c) { Pad(c, false); }

void Replace(Call& c) {
  bool bin = AnyBlob(c);
  std::string_view s = c.Str(0);
  std::string_view from = c.Str(1);
  std::string_view to = c.Str(2);
  if (from.empty()) return c.SetString(s, bin);
  std::string out;
  size_t pos = 0;
  while (true) {
    size_t f = s.find(from, pos);
    if (f == std::string_view::npos) break;
    out.append(s.substr(pos, f - pos));
    out.append(to);
    pos = f + from.size();
  }
  out.append(s.substr(pos));
  if (TooBig(c, out.size(), "replace")) return;
  c.SetString(out, bin);
}

// LOCATE(substr, str[, pos]) as Item_func_locate.
int64_t LocateImpl(Call& c, int sub_i, int str_i, int pos_i) {
  bool bin = c.is_blob(sub_i) || c.is_blob(str_i);
  std::string_view sub = c.Str(sub_i);
  std::string_view str = c.Str(str_i);
  size_t start_byte = 0;
  int64_t start_char = 0;
  if (pos_i >= 0) {
    int64_t start = c.Int(pos_i);
    if (start <= 0 || start > static_cast<int64_t>(str.size())) return 0;
    start_char = start - 1;
    start_byte = CharOffset(str, static_cast<size_t>(start_char), bin);
    if (start_byte + sub.size() > str.size()) return 0;
  }
  if (sub.empty()) return start_char + 1;
  size_t f = CiFind(str, sub, start_byte, bin);
  if (f == std::string_view::npos) return 0;
  return static_cast<int64_t>(CharLen(str.substr(0, f), bin)) + 1;
}

void Locate(Call& c) { c.SetInt(LocateImpl(c, 0, 1, c.argc() == 3 ? 2 : -1)); }
void Instr(Call& c) { c.SetInt(LocateImpl(c, 1, 0, -1)); }

void Reverse(Call& c) {
  std::string_view s = c.Str(0);
  if (c.is_blob(0)) {
    std::string r(s.rbegin(), s.rend());
    return c.SetBlob(r);
  }
  std::string r(s.size(), '\0');
  const char* p = s.data();
  const char* e = p + s.size();
  size_t w = s.size();
  while (p < e) {
    const char* b = p;
    DecodeUtf8(&p, e);
    size_t n = static_cast<size_t>(p - b);
    w -= n;
    std::memcpy(&r[w], b, n);
  }
  c.SetText(std::move(r));
}

void Repeat(Call& c) {
  bool bin = c.is_blob(0);
  std::string_view s = c.Str(0);
  int64_t n = c.Int(1);
  if (n <= 0 || s.empty()) return c.SetString("", bin);
  if (TooBig(c, static_cast<uint64_t>(n) * s.size(), "repeat")) return;
  std::string out;
  out.reserve(static_cast<size_t>(n) * s.size());
  for (int64_t k = 0; k < n; k++) out.append(s);
  c.SetString(out, bin);
}

void Space(Call& c) {
  int64_t n = c.Int(0);
  if (n <= 0) return c.SetText("");
  if (TooBig(c, static_cast<uint64_t>(n), "space")) return;
  c.SetText(std::string(static_cast<size_t>(n), ' '));
}

void Ascii(Call& c) {
  std::string_view s = c.Str(0);
  c.SetInt(s.empty() ? 0 : static_cast<unsigned char>(s[0]));
}

void Ord(Call& c) {
  std::string_view s = c.Str(0);
  if (s.empty()) return c.SetInt(0);
  size_t n = c.is_blob(0) ? 1 : Utf8SeqLen(static_cast<unsigned char>(s[0]));
  if (n > s.size()) n = 1;
  int64_t v = 0;
  for (size_t k = 0; k < n; k++) v = (v << 8) | static_cast<unsigned char>(s[k]);
  c.SetInt(v);
}

// CHAR(n, ...): each integer as its big-endian bytes; NULLs skipped; binary.
void Char(Call& c) {
  std::string out;
  for (int i = 0; i < c.argc(); i++) {
    if (c.is_null(i)) continue;
    uint32_t v = static_cast<uint32_t>(c.Int(i));
    if (v & 0xFF000000u) out.push_back(static_cast<char>(v >> 24));
    if (v & 0xFFFF0000u) out.push_back(static_cast<char>(v >> 16));
    if (v & 0xFFFFFF00u) out.push_back(static_cast<char>(v >> 8));
    out.push_back(static_cast<char>(v));
  }
  c.SetBlob(out);
}

std::string HexOf(std::string_view s, const char* digits) {
  std::string out(s.size() * 2, '\0');
  for (size_t i = 0; i < s.size(); i++) {
    auto b = static_cast<unsigned char>(s[i]);
    out[2 * i] = digits[b >> 4];
    out[2 * i + 1] = digits[b & 15];
  }
  return out;
}

// Digits of v in `base` (2..36), upper case.
std::string UnsignedInBase(uint64_t v, int base) {
  static const char kDigits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  char buf[65];
  int n = 0;
  do {
    buf[n++] = kDigits[v % static_cast<uint64_t>(base)];
    v /= static_cast<uint64_t>(base);
  } while (v != 0);
  std::string out(buf, n);
  std::reverse(out.begin(), out.end());
  return out;
}

void Hex(Call& c) {
  switch (c.type(0)) {
    case SQLITE_INTEGER:
      return c.SetText(UnsignedInBase(static_cast<uint64_t>(sqlite3_value_int64(c.arg(0))), 16));
    case SQLITE_FLOAT: {
      double v = c.Double(0);
      uint64_t u;
      if (v <= -9223372036854775808.0 || v >= 18446744073709551615.0) {
        u = UINT64_MAX;
      } else {
        double r = v > 0 ? v + 0.5 : v - 0.5;
        u = r < 0 ? static_cast<uint64_t>(static_cast<int64_t>(r)) : static_cast<uint64_t>(r);
      }
      return c.SetText(UnsignedInBase(u, 16));
    }
    default:
      return c.SetText(HexOf(c.Str(0), kHexUpper));
  }
}

int HexVal(char ch) {
  if (ch >= '0' && ch <= '9') return ch - '0';
  if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
  if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
  return -1;
}

void Unhex(Call& c) {
  std::string_view s = c.Str(0);
  std::string out;
  out.reserve(s.size() / 2 + 1);
  size_t i = 0;
  if (s.size() % 2 == 1) {
    int v = HexVal(s[0]);
    if (v < 0) return c.SetNull();
    out.push_back(static_cast<char>(v));
    i = 1;
  }
  for (; i < s.size(); i += 2) {
    int hi = HexVal(s[i]), lo = HexVal(s[i + 1]);
    if (hi < 0 || lo < 0) return c.SetNull();
    out.push_back(static_cast<char>(hi * 16 + lo));
  }
  c.SetBlob(out);
}

// my_strntoull / my_strntoll as CONV reads its argument.
uint64_t ParseInBase(std::string_view s, int base, bool is_signed) {
  size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) i++;
  bool neg = false;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) {
    neg = s[i] == '-';
    i++;
  }
  unsigned __int128 v = 0;
  bool overflow = false;
  for (; i < s.size(); i++) {
    int d;
    char ch = s[i];
    if (ch >= '0' && ch <= '9') {
      d = ch - '0';
    } else if (ch >= 'a' && ch <= 'z') {
      d = ch - 'a' + 10;
    } else if (ch >= 'A' && ch <= 'Z') {
      d = ch - 'A' + 10;
    } else {
      break;
    }
    if (d >= base) break;
    if (!overflow) {
      v = v * static_cast<unsigned>(base) + static_cast<unsigned>(d);
      if (v > UINT64_MAX) overflow = true;
    }
  }
  if (is_signed) {
    if (overflow || v > static_cast<unsigned __int128>(INT64_MAX) + (neg ? 1 : 0)) {
      return neg ? static_cast<uint64_t>(INT64_MIN) : static_cast<uint64_t>(INT64_MAX);
    }
    return neg ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
  }
  if (overflow) return UINT64_MAX;
  return neg ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
}

std::string ConvImpl(uint64_t v, int to_base) {
  if (to_base < 0 && static_cast<int64_t>(v) < 0) {
    return "-" + UnsignedInBase(0 - v, -to_base);
  }
  return UnsignedInBase(v, std::abs(to_base));
}

void Conv(Call& c) {
  std::string_view s = c.Str(0);
  int64_t from = c.Int(1), to = c.Int(2);
  if (std::abs(to) > 36 || std::abs(to) < 2 || std::abs(from) > 36 || std::abs(from) < 2 || s.empty()) {
    return c.SetNull();
  }
  uint64_t v = ParseInBase(s, static_cast<int>(std::abs(from)), from < 0);
  c.SetText(ConvImpl(v, static_cast<int>(to)));
}

void ConvTo(Call& c, int base) {
  std::string_view s = c.Str(0);
  if (s.empty()) return c.SetNull();
  c.SetText(ConvImpl(ParseInBase(s, 10, false), base));
}
void Bin(Call& c) { ConvTo(c, 2); }
void Oct(Call& c) { ConvTo(c, 8); }

// FIELD(s, s1, ...): strings compare by collation, integers as integers,
// anything else as doubles.
void Field(Call& c) {
  if (c.is_null(0)) return c.SetInt(0);
  bool all_str = true, all_int = true;
  for (int i = 0; i < c.argc(); i++) {
    int t = c.type(i);
    if (t == SQLITE_NULL) continue;
    if (t != SQLITE_TEXT && t != SQLITE_BLOB) all_str = false;
    if (t != SQLITE_INTEGER) all_int = false;
  }
  if (all_str) {
    std::string_view s = c.Str(0);
    bool bin0 = c.is_blob(0);
    for (int i = 1; i < c.argc(); i++) {
      if (c.is_null(i)) continue;
      bool bin = bin0 || c.is_blob(i);
      if ((bin ? BinCompare(s, c.Str(i)) : CiCompare(s, c.Str(i))) == 0) return c.SetInt(i);
    }
  } else if (all_int) {
    int64_t v = c.Int(0);
    for (int i = 1; i < c.argc(); i++) {
      if (!c.is_null(i) && c.Int(i) == v) return c.SetInt(i);
    }
  } else {
    double v = c.Double(0);
    for (int i = 1; i < c.argc(); i++) {
      if (!c.is_null(i) && c.Double(i) == v) return c.SetInt(i);
    }
  }
  c.SetInt(0);
}

void Elt(Call& c) {
  if (c.is_null(0)) return c.SetNull();
  int64_t n = c.Int(0);
  if (n < 1 || n >= c.argc()) return c.SetNull();
  int i = static_cast<int>(n);
  if (c.is_null(i)) return c.SetNull();
  if (c.is_int(i) || c.is_real(i)) return c.SetText(c.Str(i));
  c.SetArg(i);
}

// Collation equality without PAD SPACE (strnncoll): 'a ' != 'a'.
bool CiEqualNoPad(std::string_view a, std::string_view b) {
  const char* p = a.data();
  const char* pe = p + a.size();
  const char* q = b.data();
  const char* qe = q + b.size();
  while (p < pe && q < qe) {
    if (CiWeight(DecodeUtf8(&p, pe)) != CiWeight(DecodeUtf8(&q, qe))) return false;
  }
  return p == pe && q == qe;
}

void FindInSet(Call& c) {
  std::string_view s = c.Str(0);
  std::string_view list = c.Str(1);
  bool bin = c.is_blob(0) || c.is_blob(1);
  if (s.find(',') != std::string_view::npos || list.empty()) return c.SetInt(0);
  int64_t idx = 1;
  size_t pos = 0;
  while (true) {
    size_t comma = list.find(',', pos);
    std::string_view item =
        list.substr(pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos);
    if (bin ? item == s : CiEqualNoPad(item, s)) return c.SetInt(idx);
    if (comma == std::string_view::npos) break;
    pos = comma + 1;
    idx++;
  }
  c.SetInt(0);
}

void MakeSet(Call& c) {
  if (c.is_null(0)) return c.SetNull();
  uint64_t bits = static_cast<uint64_t>(c.Int(0));
  std::string out;
  bool first = true;
  for (int i = 1; i < c.argc() && i <= 64; i++) {
    if (!(bits & (1ULL << (i - 1))) || c.is_null(i)) continue;
    if (!first) out.push_back(',');
    out.append(c.Str(i));
    first = false;
  }
  c.SetString(out, AnyBlob(c, 1));
}

void ExportSet(Call& c) {
  uint64_t bits = static_cast<uint64_t>(c.Int(0));
  std::string_view on = c.Str(1), off = c.Str(2);
  std::string_view sep = c.argc() >= 4 ? c.Str(3) : std::string_view(",");
  uint64_t n = 64;
  if (c.argc() >= 5) {
    int64_t v = c.Int(4);
    n = (v < 0 || v > 64) ? 64 : static_cast<uint64_t>(v);
  }
  std::string out;
  for (uint64_t k = 0; k < n; k++) {
    if (k > 0) out.append(sep);
    out.append((bits >> k) & 1 ? on : off);
  }
  c.SetString(out, AnyBlob(c, 1));
}

// INSERT(str, pos, len, newstr).
void InsertStr(Call& c) {
  bool bin = c.is_blob(0) || c.is_blob(3);
  std::string_view s = c.Str(0);
  int64_t pos = c.Int(1), len = c.Int(2);
  std::string_view repl = c.Str(3);
  int64_t nchars = static_cast<int64_t>(CharLen(s, bin));
  if (pos < 1 || pos > nchars) return c.SetString(s, bin);
  if (len < 0 || len > static_cast<int64_t>(s.size())) len = static_cast<int64_t>(s.size());
  size_t b = CharOffset(s, static_cast<size_t>(pos - 1), bin);
  std::string_view tail = s.substr(b);
  size_t e = CharOffset(tail, static_cast<size_t>(len), bin);
  std::string out(s.substr(0, b));
  out.append(repl);
  out.append(tail.substr(e));
  c.SetString(out, bin);
}

void Strcmp(Call& c) {
  std::string_view a = c.Str(0), b = c.Str(1);
  bool bin = c.is_blob(0) || c.is_blob(1);
  c.SetInt(bin ? BinCompare(a, b) : CiCompare(a, b));
}

void Quote(Call& c) {
  if (c.is_null(0)) return c.SetText("NULL");
  std::string_view s = c.Str(0);
  std::string out = "'";
  for (char ch : s) {
    switch (ch) {
      case '\\':
        out.append("\\\\");
        break;
      case '\'':
        out.append("\\'");
        break;
      case '\0':
        out.append("\\0");
        break;
      case '\032':
        out.append("\\Z");
        break;
      default:
        out.push_back(ch);
    }
  }
  out.push_back('\'');
  c.SetString(out, c.is_blob(0));
}

// Inserts thousands separators into the integer part of a plain number text.
std::string GroupThousands(std::string_view num, char thousands, char point) {
  std::string out;
  size_t i = 0;
  if (!num.empty() && num[0] == '-') {
    out.push_back('-');
    i = 1;
  }
  size_t dot = num.find('.');
  size_t int_end = dot == std::string_view::npos ? num.size() : dot;
  size_t ndig = int_end - i;
  for (size_t k = i; k < int_end; k++) {
    out.push_back(num[k]);
    size_t left = int_end - k - 1;
    if (left > 0 && left % 3 == 0 && ndig > 3) out.push_back(thousands);
  }
  if (dot != std::string_view::npos) {
    out.push_back(point);
    out.append(num.substr(dot + 1));
  }
  return out;
}

// FORMAT(x, d[, locale]): en_US grouping; de_DE and a few others swap marks.
// FORMAT(x, d[, locale]): x rounded to d decimals with thousands
// separators. rdb_format reads x as MySQL reads a number's type: integers
// exactly, REAL and strings as DOUBLE (rint: FORMAT('0.5', 0) is '0');
// rdb_dec_format is the DECIMAL form (half up: FORMAT(0.5, 0) is '1').
void FormatImpl(Call& c, bool decimal) {
  if (c.is_null(0) || c.is_null(1)) return c.SetNull();
  int64_t d = c.Int(1);
  d = std::clamp<int64_t>(d, 0, 38);
  std::string num;
  bool exact = c.is_int(0) || (decimal && !c.is_real(0));
  if (exact) {
    Decimal v = c.Dec(0).Round(d);
    v.AppendTo(&num);
  } else {
    double v = RoundDouble(c.Double(0), d, false, false);
    AppendDoubleFixed(v, static_cast<int>(d), &num);
  }
  char thousands = ',', point = '.';
  if (c.argc() >= 3 && !c.is_null(2)) {
    std::string loc = Utf8Lower(c.Str(2));
    if (loc == "de_de" || loc == "de_at" || loc == "es_es" || loc == "it_it" || loc == "nl_nl" ||
        loc == "pt_br" || loc == "id_id" || loc == "da_dk" || loc == "tr_tr") {
      thousands = '.';
      point = ',';
    }
  }
  c.SetText(GroupThousands(num, thousands, point));
}
void Format(Call& c) { FormatImpl(c, false); }
void DecFormat(Call& c) { FormatImpl(c, true); }

char SoundexCode(char32_t ch) {
  static const char kMap[] = "01230120022455012623010202";
  if (ch >= 'a' && ch <= 'z') ch -= 32;
  if (ch < 'A' || ch > 'Z') return '0';
  return kMap[ch - 'A'];
}

bool IsAlphaChar(char32_t ch) {
  if (ch < 0x80) return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
  return ToUpper(ch) != ToLower(ch);
}

void Soundex(Call& c) {
  std::string_view s = c.Str(0);
  const char* p = s.data();
  const char* e = p + s.size();
  std::string out;
  char last = 0;
  while (p < e) {
    char32_t ch = DecodeUtf8(&p, e);
    if (IsAlphaChar(ch)) {
      char32_t up = (ch >= 'a' && ch <= 'z') ? ch - 32 : ch;
      AppendUtf8(up, &out);
      last = SoundexCode(ch);
      break;
    }
  }
  if (out.empty()) return c.SetString("", c.is_blob(0));
  while (p < e) {
    char32_t ch = DecodeUtf8(&p, e);
    if (!IsAlphaChar(ch)) continue;
    char code = SoundexCode(ch);
    if (code != '0' && code != last) {
      out.push_back(code);
      last = code;
    }
  }
  size_t n = Utf8Length(out);
  if (n < 4) out.append(4 - n, '0');
  c.SetText(std::move(out));
}

void LoadFile(Call& c) { c.SetNull(); }

void Charset(Call& c) { c.SetText(c.is_text(0) ? "utf8mb4" : "binary"); }
void Collation(Call& c) { c.SetText(c.is_text(0) ? "utf8mb4_general_ci" : "binary"); }
// COERCIBILITY: 4 for literals/expressions (coercible), 6 for NULL... the
// translator passes constants; columns are 2 (implicit). Approximation: 4.
void Coercibility(Call& c) { c.SetInt(c.is_null(0) ? 6 : (c.is_text(0) ? 4 : 5)); }

// WEIGHT_STRING(s): general_ci weights, two bytes each (binary: the bytes).
void WeightString(Call& c) {
  std::string_view s = c.Str(0);
  if (!c.is_text(0)) return c.SetBlob(s);
  std::string out;
  const char* p = s.data();
  const char* e = p + s.size();
  while (p < e) {
    uint16_t w = CiWeight(DecodeUtf8(&p, e));
    out.push_back(static_cast<char>(w >> 8));
    out.push_back(static_cast<char>(w & 0xFF));
  }
  c.SetBlob(out);
}

const ScalarDef kScalars[] = {
    {"rdb_concat", -1, Concat, kNullIfAnyNull | kDeterministic},
    {"rdb_concat_ws", -1, ConcatWs, kDeterministic},
    {"rdb_substring", 2, Substring, kNullIfAnyNull | kDeterministic},
    {"rdb_substring", 3, Substring, kNullIfAnyNull | kDeterministic},
    {"rdb_substring_index", 3, SubstringIndex, kNullIfAnyNull | kDeterministic},
    {"rdb_left", 2, Left, kNullIfAnyNull | kDeterministic},
    {"rdb_right", 2, Right, kNullIfAnyNull | kDeterministic},
    {"rdb_upper", 1, Upper, kNullIfAnyNull | kDeterministic},
    {"rdb_lower", 1, Lower, kNullIfAnyNull | kDeterministic},
    {"rdb_length", 1, Length, kNullIfAnyNull | kDeterministic},
    {"rdb_char_length", 1, CharLength, kNullIfAnyNull | kDeterministic},
    {"rdb_bit_length", 1, BitLength, kNullIfAnyNull | kDeterministic},
    {"rdb_trim", 1, Trim, kDeterministic},
    {"rdb_trim", 2, Trim, kDeterministic},
    {"rdb_trim", 3, Trim, kDeterministic},
    {"rdb_ltrim", 1, Ltrim, kNullIfAnyNull | kDeterministic},
    {"rdb_rtrim", 1, Rtrim, kNullIfAnyNull | kDeterministic},
    {"rdb_lpad", 2, Lpad, kNullIfAnyNull | kDeterministic},
    {"rdb_lpad", 3, Lpad, kNullIfAnyNull | kDeterministic},
    {"rdb_rpad", 2, Rpad, kNullIfAnyNull | kDeterministic},
    {"rdb_rpad", 3, Rpad, kNullIfAnyNull | kDeterministic},
    {"rdb_replace", 3, Replace, kNullIfAnyNull | kDeterministic},
    {"rdb_locate", 2, Locate, kNullIfAnyNull | kDeterministic},
    {"rdb_locate", 3, Locate, kNullIfAnyNull | kDeterministic},
    {"rdb_instr", 2, Instr, kNullIfAnyNull | kDeterministic},
    {"rdb_reverse", 1, Reverse, kNullIfAnyNull | kDeterministic},
    {"rdb_repeat", 2, Repeat, kNullIfAnyNull | kDeterministic},
    {"rdb_space", 1, Space, kNullIfAnyNull | kDeterministic},
    {"rdb_ascii", 1, Ascii, kNullIfAnyNull | kDeterministic},
    {"rdb_ord", 1, Ord, kNullIfAnyNull | kDeterministic},
    {"rdb_char", -1, Char, kDeterministic},
    {"rdb_hex", 1, Hex, kNullIfAnyNull | kDeterministic},
    {"rdb_unhex", 1, Unhex, kNullIfAnyNull | kDeterministic},
    {"rdb_conv", 3, Conv, kNullIfAnyNull | kDeterministic},
    {"rdb_bin", 1, Bin, kNullIfAnyNull | kDeterministic},
    {"rdb_oct", 1, Oct, kNullIfAnyNull | kDeterministic},
    {"rdb_field", -1, Field, kDeterministic},
    {"rdb_elt", -1, Elt, kDeterministic},
    {"rdb_find_in_set", 2, FindInSet, kNullIfAnyNull | kDeterministic},
    {"rdb_make_set", -1, MakeSet, kDeterministic},
    {"rdb_export_set", 3, ExportSet, kNullIfAnyNull | kDeterministic},
    {"rdb_export_set", 4, ExportSet, kNullIfAnyNull | kDeterministic},
    {"rdb_export_set", 5, ExportSet, kNullIfAnyNull | kDeterministic},
    {"rdb_insert", 4, InsertStr, kNullIfAnyNull | kDeterministic},
    {"rdb_strcmp", 2, Strcmp, kNullIfAnyNull | kDeterministic},
    {"rdb_quote", 1, Quote, kDeterministic},
    {"rdb_format", 2, Format, kDeterministic},
    {"rdb_format", 3, Format, kDeterministic},
    {"rdb_dec_format", 2, DecFormat, kDeterministic},
    {"rdb_dec_format", 3, DecFormat, kDeterministic},
    {"rdb_soundex", 1, Soundex, kNullIfAnyNull | kDeterministic},
    {"rdb_load_file", 1, LoadFile, 0},
    {"rdb_charset", 1, Charset, kDeterministic},
    {"rdb_collation", 1, Collation, kDeterministic},
    {"rdb_coercibility", 1, Coercibility, kDeterministic},
    {"rdb_weight_string", 1, WeightString, kNullIfAnyNull | kDeterministic},
};

}  // namespace

FamilyTable StringFunctions() { return {kScalars, std::size(kScalars), nullptr, 0}; }

}  // namespace relaydb::sql::fn
