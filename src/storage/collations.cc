// rdb_ci, rdb_bin, rdb_num and rdb_time. See collations.h.
#include "storage/collations.h"

#include <array>
#include <cstdint>
#include <cstring>

namespace relaydb::storage {
namespace {

struct WeightPair {
  uint16_t code_point;
  uint16_t weight;
};

constexpr WeightPair kWeightPairs[] = {
#include "storage/general_ci_weights.inc"
};

// Full BMP table built once from kWeightPairs (128 KiB).
const std::array<uint16_t, 0x10000>& WeightTable() {
  static const std::array<uint16_t, 0x10000>* table = [] {
    auto* t = new std::array<uint16_t, 0x10000>;
    for (uint32_t i = 0; i < 0x10000; i++) (*t)[i] = static_cast<uint16_t>(i);
    for (const WeightPair& p : kWeightPairs) (*t)[p.code_point] = p.weight;
    return t;
  }();
  return *table;
}

constexpr uint32_t kSpaceWeight = 0x20;

// Decodes one UTF-8 character at s[*pos], advancing *pos. Returns the code
// point, or 0x110000 + byte for a byte that does not start a valid sequence
// (one byte is consumed then).
inline uint32_t NextCodePoint(std::string_view s, size_t* pos) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t i = *pos;
  size_t n = s.size();
  unsigned char c = p[i];
  if (c < 0x80) {
    *pos = i + 1;
    return c;
  }
  uint32_t cp;
  size_t len;
  if (c >= 0xC2 && c <= 0xDF) {
    cp = c & 0x1F;
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    cp = c & 0x0F;
    len = 3;
  } else if (c >= 0xF0 && c <= 0xF4) {
    cp = c & 0x07;
    len = 4;
  } else {
    *pos = i + 1;
    return 0x110000 + c;
  }
  if (i + len > n) {
    *pos = i + 1;
    return 0x110000 + c;
  }
  for (size_t k = 1; k < len; k++) {
    unsigned char cc = p[i + k];
    if ((cc & 0xC0) != 0x80) {
      *pos = i + 1;
      return 0x110000 + c;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  // Reject overlong forms and surrogates.
  if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
      (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))) {
    *pos = i + 1;
    return 0x110000 + c;
  }
  *pos = i + len;
  return cp;
}

inline uint32_t WeightOf(uint32_t cp) {
  if (cp < 0x10000) return WeightTable()[cp];
  if (cp <= 0x10FFFF) return 0xFFFD;
  return cp;  // invalid byte marker: sorts after every character
}

// ASCII general_ci weights: upper case.
inline uint32_t AsciiWeight(unsigned char c) {
  return (c >= 'a' && c <= 'z') ? c - 32 : c;
}

// After the common part: compares the rest of the longer string against
// spaces (PAD SPACE). `sign` is +1 when the rest belongs to a, -1 for b.
template <typename WeightFn>
int CompareRestWithSpaces(std::string_view rest, int sign, WeightFn weight) {
  size_t pos = 0;
  while (pos < rest.size()) {
    uint32_t w = weight(rest, &pos);
    if (w != kSpaceWeight) return w < kSpaceWeight ? -sign : sign;
  }
  return 0;
}

int CompareCiImpl(std::string_view a, std::string_view b) {
  size_t i = 0, j = 0;
  const auto* pa = reinterpret_cast<const unsigned char*>(a.data());
  const auto* pb = reinterpret_cast<const unsigned char*>(b.data());
  auto weight = [](std::string_view s, size_t* pos) -> uint32_t {
    auto c = static_cast<unsigned char>(s[*pos]);
    if (c < 0x80) {
      ++*pos;
      return AsciiWeight(c);
    }
    return WeightOf(NextCodePoint(s, pos));
  };
  while (i < a.size() && j < b.size()) {
    // ASCII fast path.
    if (pa[i] < 0x80 && pb[j] < 0x80) {
      uint32_t wa = AsciiWeight(pa[i]), wb = AsciiWeight(pb[j]);
      if (wa != wb) return wa < wb ? -1 : 1;
      i++;
      j++;
      continue;
    }
    uint32_t wa = weight(a, &i);
    uint32_t wb = weight(b, &j);
    if (wa != wb) return wa < wb ? -1 : 1;
  }
  if (i < a.size()) return CompareRestWithSpaces(a.substr(i), 1, weight);
  if (j < b.size()) return CompareRestWithSpaces(b.substr(j), -1, weight);
  return 0;
}

int CompareBinImpl(std::string_view a, std::string_view b) {
  size_t n = a.size() < b.size() ? a.size() : b.size();
  int c = n ? std::memcmp(a.data(), b.data(), n) : 0;
  if (c != 0) return c < 0 ? -1 : 1;
  auto byte = [](std::string_view s, size_t* pos) -> uint32_t {
    return static_cast<unsigned char>(s[(*pos)++]);
  };
  if (a.size() > n) return CompareRestWithSpaces(a.substr(n), 1, byte);
  if (b.size() > n) return CompareRestWithSpaces(b.substr(n), -1, byte);
  return 0;
}

// A parsed decimal: sign, integer digits without leading zeros, fraction
// digits without trailing zeros. Zero is always non-negative.
struct Decimal {
  bool negative = false;
  std::string_view int_digits;
  std::string_view frac_digits;
};

bool ParseDecimal(std::string_view s, Decimal* d) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) {
    d->negative = s[i] == '-';
    i++;
  }
  size_t int_start = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') i++;
  size_t int_end = i;
  size_t frac_start = i, frac_end = i;
  if (i < s.size() && s[i] == '.') {
    i++;
    frac_start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') i++;
    frac_end = i;
  }
  if (i != s.size()) return false;
  if (int_end == int_start && frac_end == frac_start) return false;
  while (int_start < int_end && s[int_start] == '0') int_start++;
  while (frac_end > frac_start && s[frac_end - 1] == '0') frac_end--;
  d->int_digits = s.substr(int_start, int_end - int_start);
  d->frac_digits = s.substr(frac_start, frac_end - frac_start);
  if (d->int_digits.empty() && d->frac_digits.empty()) d->negative = false;
  return true;
}

// Compares magnitudes.
int CompareMagnitude(const Decimal& a, const Decimal& b) {
  if (a.int_digits.size() != b.int_digits.size())
    return a.int_digits.size() < b.int_digits.size() ? -1 : 1;
  int c = a.int_digits.compare(b.int_digits);
  if (c != 0) return c < 0 ? -1 : 1;
  c = a.frac_digits.compare(b.frac_digits);  // no trailing zeros: lexical works
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

int CompareNumImpl(std::string_view a, std::string_view b) {
  Decimal da, db;
  bool na = ParseDecimal(a, &da);
  bool nb = ParseDecimal(b, &db);
  if (na && nb) {
    if (da.negative != db.negative) return da.negative ? -1 : 1;
    int c = CompareMagnitude(da, db);
    return da.negative ? -c : c;
  }
  if (na) return -1;
  if (nb) return 1;
  int c = a.compare(b);
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

// Parses '[-]h+:mm:ss[.f{0,6}]' into signed microseconds.
bool ParseTime(std::string_view s, bool* negative, uint64_t* hours, uint64_t* rest_us) {
  size_t i = 0;
  *negative = false;
  if (i < s.size() && s[i] == '-') {
    *negative = true;
    i++;
  }
  uint64_t h = 0;
  size_t hs = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
    if (i - hs > 12) return false;
    h = h * 10 + (s[i] - '0');
    i++;
  }
  if (i == hs) return false;
  auto two = [&](uint64_t* v) {
    if (i >= s.size() || s[i] != ':') return false;
    i++;
    if (i + 2 > s.size() || s[i] < '0' || s[i] > '9' || s[i + 1] < '0' || s[i + 1] > '9')
      return false;
    *v = (s[i] - '0') * 10 + (s[i + 1] - '0');
    i += 2;
    return true;
  };
  uint64_t m, sec;
  if (!two(&m) || !two(&sec)) return false;
  uint64_t us = 0;
  if (i < s.size() && s[i] == '.') {
    i++;
    int digits = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9' && digits < 6) {
      us = us * 10 + (s[i] - '0');
      i++;
      digits++;
    }
    if (digits == 0) return false;
    for (; digits < 6; digits++) us *= 10;
  }
  if (i != s.size()) return false;
  *hours = h;
  *rest_us = (m * 60 + sec) * 1000000 + us;
  if (h == 0 && *rest_us == 0) *negative = false;
  return true;
}

int CompareTimeImpl(std::string_view a, std::string_view b) {
  bool nega, negb;
  uint64_t ha, hb, ra, rb;
  bool oka = ParseTime(a, &nega, &ha, &ra);
  bool okb = ParseTime(b, &negb, &hb, &rb);
  if (oka && okb) {
    if (nega != negb) return nega ? -1 : 1;
    int c = ha != hb ? (ha < hb ? -1 : 1) : (ra != rb ? (ra < rb ? -1 : 1) : 0);
    return nega ? -c : c;
  }
  if (oka) return -1;
  if (okb) return 1;
  int c = a.compare(b);
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

template <int (*Fn)(std::string_view, std::string_view)>
int SqliteCompare(void*, int na, const void* a, int nb, const void* b) {
  return Fn(std::string_view(static_cast<const char*>(a), static_cast<size_t>(na)),
            std::string_view(static_cast<const char*>(b), static_cast<size_t>(nb)));
}

}  // namespace

int CompareCi(std::string_view a, std::string_view b) { return CompareCiImpl(a, b); }
int CompareBin(std::string_view a, std::string_view b) { return CompareBinImpl(a, b); }
int CompareNum(std::string_view a, std::string_view b) { return CompareNumImpl(a, b); }
int CompareTime(std::string_view a, std::string_view b) { return CompareTimeImpl(a, b); }

uint32_t GeneralCiWeight(uint32_t code_point) { return WeightOf(code_point); }

bool IsDecimalText(std::string_view s) {
  Decimal d;
  return ParseDecimal(s, &d);
}

Status RegisterCollations(sqlite3* db) {
  WeightTable();  // build before any query runs
  struct Entry {
    const char* name;
    int (*fn)(void*, int, const void*, int, const void*);
  };
  const Entry entries[] = {
      {kCollationCi, &SqliteCompare<CompareCiImpl>},
      {kCollationBin, &SqliteCompare<CompareBinImpl>},
      {kCollationNum, &SqliteCompare<CompareNumImpl>},
      {kCollationTime, &SqliteCompare<CompareTimeImpl>},
  };
  for (const Entry& e : entries) {
    int rc = sqlite3_create_collation_v2(db, e.name, SQLITE_UTF8, nullptr, e.fn, nullptr);
    if (rc != SQLITE_OK) {
      return Status::IoError(std::string("cannot register collation ") + e.name + ": " +
                             sqlite3_errmsg(db));
    }
  }
  return Status::Ok();
}

}  // namespace relaydb::storage
