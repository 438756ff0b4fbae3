// Temporal value core of the function library: MySQL's lenient reading of
// strings and numbers as DATE/DATETIME/TIME (str_to_datetime, str_to_time,
// number_to_datetime semantics), canonical text, and calendar arithmetic
// (day numbers as MySQL counts them). See functions_internal.h.
#include <algorithm>
#include <cstdio>

#include "sql/functions_internal.h"

namespace relaydb::sql::fn {
namespace {

constexpr uint32_t kDaysInMonth[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
constexpr uint32_t kPow10[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
constexpr int64_t kMaxDayNumber = 3652424;  // 9999-12-31
constexpr uint32_t kYyPartYear = 70;        // two-digit years below 70 are 20xx

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }
bool IsPunct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

// A cursor over the text being parsed.
struct Cursor {
  const char* p;
  const char* end;
  bool at_end() const { return p >= end; }
};

// Reads up to `max_len` digits; false if none is there.
bool Number(Cursor* c, uint64_t* v, size_t max_len = SIZE_MAX) {
  if (c->at_end() || !IsDigit(*c->p)) return false;
  uint64_t x = 0;
  size_t n = 0;
  while (!c->at_end() && IsDigit(*c->p) && n < max_len) {
    if (x < 100000000000000000ULL) x = x * 10 + static_cast<uint64_t>(*c->p - '0');
    c->p++;
    n++;
  }
  *v = x;
  return true;
}

size_t SkipDigits(Cursor* c) {
  const char* s = c->p;
  while (!c->at_end() && IsDigit(*c->p)) c->p++;
  return static_cast<size_t>(c->p - s);
}

// ".ffffff": up to 6 digits used, more are dropped (with a truncation).
void Micro(Cursor* c, uint32_t* micro, int* fsp, bool* note) {
  uint64_t v = 0;
  size_t n = 0;
  while (!c->at_end() && IsDigit(*c->p) && n < 6) {
    v = v * 10 + static_cast<uint64_t>(*c->p - '0');
    c->p++;
    n++;
  }
  *fsp = static_cast<int>(n);
  *micro = static_cast<uint32_t>(v * kPow10[6 - n]);
  if (SkipDigits(c) > 0) *note = true;
}

bool TrailingOnlySpace(Cursor c) {
  while (!c.at_end()) {
    if (!IsSpace(*c.p)) return false;
    c.p++;
  }
  return true;
}

}  // namespace

bool IsLeapYear(uint32_t y) { return (y & 3) == 0 && (y % 100 != 0 || (y % 400 == 0 && y != 0)); }

uint32_t DaysInMonth(uint32_t y, uint32_t m) {
  if (m < 1 || m > 12) return 0;
  return m == 2 && IsLeapYear(y) ? 29 : kDaysInMonth[m - 1];
}

int64_t DayNumber(uint32_t year, uint32_t month, uint32_t day) {
  if (year == 0 && month == 0) return 0;
  int64_t y = year;
  int64_t delsum = 365 * y + 31 * (static_cast<int64_t>(month) - 1) + day;
  if (month <= 2) {
    y--;
  } else {
    delsum -= (static_cast<int64_t>(month) * 4 + 23) / 10;
  }
  int64_t temp = ((y / 100 + 1) * 3) / 4;
  return delsum + y / 4 - temp;
}

bool DateFromDayNumber(int64_t daynr, uint32_t* ry, uint32_t* rm, uint32_t* rd) {
  if (daynr < 366 || daynr > kMaxDayNumber) {
    *ry = *rm = *rd = 0;
    return daynr >= 0 && daynr <= kMaxDayNumber;
  }
  uint32_t year = static_cast<uint32_t>(daynr * 100 / 36525);
  uint32_t temp = (((year - 1) / 100 + 1) * 3) / 4;
  int64_t day_of_year = daynr - static_cast<int64_t>(year) * 365 - (year - 1) / 4 + temp;
  uint32_t days_in_year;
  while (day_of_year > (days_in_year = IsLeapYear(year) ? 366 : 365)) {
    day_of_year -= days_in_year;
    year++;
  }
  uint32_t leap_day = 0;
  if (days_in_year == 366 && day_of_year > 31 + 28) {
    day_of_year--;
    if (day_of_year == 31 + 28) leap_day = 1;
  }
  uint32_t month = 1;
  const uint32_t* mp = kDaysInMonth;
  while (day_of_year > *mp) {
    day_of_year -= *mp++;
    month++;
  }
  *ry = year;
  *rm = month;
  *rd = static_cast<uint32_t>(day_of_year) + leap_day;
  return true;
}

int Weekday(int64_t daynr, bool sunday_first) {
  return static_cast<int>((daynr + 5 + (sunday_first ? 1 : 0)) % 7);
}

TimeConv ParseDatetime(std::string_view s, MysqlTime* t, bool allow_invalid, bool datetime_only) {
  *t = MysqlTime();
  Cursor c{s.data(), s.data() + s.size()};
  while (!c.at_end() && IsSpace(*c.p)) c.p++;
  if (c.at_end() || !IsDigit(*c.p)) return TimeConv::kNone;

  // Digits in the first group decide between YYYYMMDD... and delimited forms.
  Cursor scan = c;
  size_t digits = SkipDigits(&scan);
  if (!scan.at_end() && *scan.p == 'T') {
    scan.p++;
    digits += SkipDigits(&scan);
  }
  if (!scan.at_end() && *scan.p == '.' && digits >= 12) {
    scan.p++;
    SkipDigits(&scan);
  }
  bool truncated = false;
  int fields = 0;
  uint64_t v[6] = {0, 0, 0, 0, 0, 0};
  size_t year_length;
  if (scan.at_end()) {
    year_length = (digits == 4 || digits == 8 || digits >= 14) ? 4 : 2;
    size_t lens[6] = {year_length, 2, 2, 2, 2, 2};
    for (int k = 0; k < 6; k++) {
      if (c.at_end()) break;
      if (k == 3 && *c.p == 'T') c.p++;
      if (!Number(&c, &v[k], lens[k])) {
        truncated = true;
        break;
      }
      fields++;
    }
  } else {
    const char* y0 = c.p;
    Number(&c, &v[0]);
    fields = 1;
    year_length = static_cast<size_t>(c.p - y0);
    // Separator rules: punctuation between date parts and time parts; 'T',
    // one punctuation character or any run of spaces between date and time.
    for (int k = 1; k < 6; k++) {
      if (c.at_end()) break;
      if (k == 3) {
        if (*c.p == 'T') {
          c.p++;
        } else if (IsPunct(*c.p)) {
          if (datetime_only) return TimeConv::kNone;
          c.p++;
        } else if (IsSpace(*c.p)) {
          while (!c.at_end() && IsSpace(*c.p)) c.p++;
        } else {
          truncated = true;
          break;
        }
      } else {
        if (!IsPunct(*c.p)) {
          truncated = true;
          break;
        }
        c.p++;
      }
      if (c.at_end()) break;
      if (!Number(&c, &v[k])) {
        truncated = true;
        break;
      }
      fields++;
    }
  }
  if (fields < 3) return TimeConv::kInvalid;
  bool note = false;
  if (!truncated && !c.at_end() && *c.p == '.') {
    c.p++;
    Micro(&c, &t->micro, &t->fsp, &note);
  }
  bool not_zero = v[0] || v[1] || v[2] || v[3] || v[4] || v[5] || t->micro;
  if (year_length <= 2 && not_zero) v[0] += v[0] < kYyPartYear ? 2000 : 1900;
  if (v[0] > 9999 || v[1] > 12 || v[2] > 31 || v[3] > 23 || v[4] > 59 || v[5] > 59) {
    *t = MysqlTime();
    return TimeConv::kInvalid;
  }
  t->year = static_cast<uint32_t>(v[0]);
  t->month = static_cast<uint32_t>(v[1]);
  t->day = static_cast<uint32_t>(v[2]);
  t->hour = static_cast<uint32_t>(v[3]);
  t->minute = static_cast<uint32_t>(v[4]);
  t->second = static_cast<uint32_t>(v[5]);
  if (not_zero && !allow_invalid && t->month != 0 && t->day > DaysInMonth(t->year, t->month)) {
    *t = MysqlTime();
    return TimeConv::kInvalid;
  }
  t->kind = fields <= 3 ? MysqlTime::Kind::kDate : MysqlTime::Kind::kDatetime;
  if (!TrailingOnlySpace(c)) truncated = true;
  return truncated ? TimeConv::kTruncated : note ? TimeConv::kNote : TimeConv::kOk;
}

TimeConv ParseTime(std::string_view s, MysqlTime* t) {
  *t = MysqlTime();
  Cursor c{s.data(), s.data() + s.size()};
  while (!c.at_end() && IsSpace(*c.p)) c.p++;
  bool neg = false;
  if (!c.at_end() && *c.p == '-') {
    neg = true;
    c.p++;
  }
  if (c.at_end()) return TimeConv::kInvalid;
  size_t length = static_cast<size_t>(c.end - c.p);
  if (length >= 12) {
    // Probably a full datetime: its time part is the TIME.
    MysqlTime dt;
    TimeConv r = ParseDatetime(std::string_view(c.p, length), &dt, false, true);
    if (r == TimeConv::kInvalid) return r;
    if (r != TimeConv::kNone && dt.kind == MysqlTime::Kind::kDatetime) {
      *t = dt;
      t->year = t->month = t->day = 0;
      t->kind = MysqlTime::Kind::kTime;
      t->neg = neg;
      return r;
    }
  }
  uint64_t date[5] = {0, 0, 0, 0, 0};
  uint64_t value = 0;
  if (!c.at_end() && !IsDigit(*c.p)) return TimeConv::kInvalid;
  while (!c.at_end() && IsDigit(*c.p)) {
    if (value < 100000000000ULL) value = value * 10 + static_cast<uint64_t>(*c.p - '0');
    c.p++;
  }
  const char* end_of_days = c.p;
  while (!c.at_end() && IsSpace(*c.p)) c.p++;
  int state;
  bool truncated = false;
  bool note = false;
  if (c.end - c.p > 1 && c.p != end_of_days && IsDigit(*c.p)) {
    date[0] = value;
    state = 1;
  } else if (c.end - c.p > 1 && *c.p == ':' && IsDigit(c.p[1])) {
    date[0] = 0;
    date[1] = value;
    state = 2;
    c.p++;
  } else {
    // One number: [H]HMMSS.
    date[0] = 0;
    date[1] = value / 10000;
    date[2] = value / 100 % 100;
    date[3] = value % 100;
    state = 4;
    goto fractional;
  }
  for (;;) {
    value = 0;
    while (!c.at_end() && IsDigit(*c.p)) {
      if (value < 100000000000ULL) value = value * 10 + static_cast<uint64_t>(*c.p - '0');
      c.p++;
    }
    date[state++] = value;
    if (state == 4 || c.end - c.p < 2 || *c.p != ':' || !IsDigit(c.p[1])) break;
    c.p++;
  }
  for (int k = state; k < 4; k++) date[k] = 0;
fractional:
  if (!c.at_end() && *c.p == '.') {
    c.p++;
    uint32_t micro = 0;
    Micro(&c, &micro, &t->fsp, &note);
    date[4] = micro;
  }
  if (c.end - c.p > 1 && (*c.p == 'e' || *c.p == 'E') &&
      (IsDigit(c.p[1]) || ((c.p[1] == '-' || c.p[1] == '+') && c.end - c.p > 2 && IsDigit(c.p[2])))) {
    return TimeConv::kInvalid;
  }
  if (date[2] >= 60 || date[3] >= 60) return TimeConv::kInvalid;
  t->kind = MysqlTime::Kind::kTime;
  t->neg = neg;
  t->minute = static_cast<uint32_t>(date[2]);
  t->second = static_cast<uint32_t>(date[3]);
  t->micro = static_cast<uint32_t>(date[4]);
  if (date[1] + date[0] * 24 > 838) {
    // Out of the TIME range: the nearest end, 838:59:59.999999 (check_time_range).
    t->hour = 838;
    t->minute = 59;
    t->second = 59;
    t->micro = 999999;
    truncated = true;
  } else {
    t->hour = static_cast<uint32_t>(date[1] + date[0] * 24);
  }
  if (!TrailingOnlySpace(c)) truncated = true;
  return truncated ? TimeConv::kTruncated : note ? TimeConv::kNote : TimeConv::kOk;
}

TimeConv DatetimeFromNumber(int64_t nr, MysqlTime* t) {
  *t = MysqlTime();
  t->kind = MysqlTime::Kind::kDate;
  if (nr < 0) return TimeConv::kInvalid;
  if (nr == 0 || nr >= 10000101000000LL) {
    t->kind = MysqlTime::Kind::kDatetime;
  } else if (nr < 101) {
    return TimeConv::kInvalid;
  } else if (nr <= (kYyPartYear - 1) * 10000L + 1231L) {
    nr = (nr + 20000000L) * 1000000L;
  } else if (nr < kYyPartYear * 10000L + 101L) {
    return TimeConv::kInvalid;
  } else if (nr <= 991231L) {
    nr = (nr + 19000000L) * 1000000L;
  } else if (nr < 10000101L) {
    return TimeConv::kInvalid;
  } else if (nr <= 99991231L) {
    nr = nr * 1000000L;
  } else if (nr < 101000000L) {
    return TimeConv::kInvalid;
  } else {
    t->kind = MysqlTime::Kind::kDatetime;
    if (nr <= (kYyPartYear - 1) * 10000000000LL + 1231235959LL) {
      nr = nr + 20000000000000LL;
    } else if (nr < kYyPartYear * 10000000000LL + 101000000LL) {
      return TimeConv::kInvalid;
    } else if (nr <= 991231235959LL) {
      nr = nr + 19000000000000LL;
    }
  }
  int64_t part1 = nr / 1000000LL;
  int64_t part2 = nr - part1 * 1000000LL;
  t->year = static_cast<uint32_t>(part1 / 10000);
  part1 %= 10000;
  t->month = static_cast<uint32_t>(part1 / 100);
  t->day = static_cast<uint32_t>(part1 % 100);
  t->hour = static_cast<uint32_t>(part2 / 10000);
  part2 %= 10000;
  t->minute = static_cast<uint32_t>(part2 / 100);
  t->second = static_cast<uint32_t>(part2 % 100);
  if (t->year <= 9999 && t->month <= 12 && t->day <= 31 && t->hour <= 23 && t->minute <= 59 &&
      t->second <= 59 && (nr == 0 || t->month == 0 || t->day <= DaysInMonth(t->year, t->month))) {
    return TimeConv::kOk;
  }
  *t = MysqlTime();
  return TimeConv::kInvalid;
}

TimeConv TimeFromNumber(int64_t n, uint32_t micro, bool neg, MysqlTime* t) {
  *t = MysqlTime();
  uint64_t nr = static_cast<uint64_t>(n < 0 ? -n : n);
  if (n < 0) neg = true;
  if (nr > 9999999 && nr < 99991231235959ULL && !neg) {
    MysqlTime dt;
    if (DatetimeFromNumber(static_cast<int64_t>(nr), &dt) == TimeConv::kInvalid) return TimeConv::kInvalid;
    *t = dt;
    t->micro = micro;
    t->year = t->month = t->day = 0;
    t->kind = MysqlTime::Kind::kTime;
    return TimeConv::kOk;
  }
  t->kind = MysqlTime::Kind::kTime;
  t->neg = neg;
  TimeConv r = TimeConv::kOk;
  if (nr > 8385959) {
    nr = 8385959;
    micro = 0;
    r = TimeConv::kTruncated;
  }
  t->hour = static_cast<uint32_t>(nr / 10000);
  t->minute = static_cast<uint32_t>(nr / 100 % 100);
  t->second = static_cast<uint32_t>(nr % 100);
  t->micro = micro;
  if (t->minute >= 60 || t->second >= 60) {
    *t = MysqlTime();
    return TimeConv::kInvalid;
  }
  return r;
}

namespace {

// Writes v as exactly `width` digits (more if v needs them).
char* PutDigits(char* p, uint64_t v, int width) {
  char tmp[24];
  int n = 0;
  do {
    tmp[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v != 0);
  while (n < width) tmp[n++] = '0';
  while (n > 0) *p++ = tmp[--n];
  return p;
}

}  // namespace

void AppendTemporal(const MysqlTime& t, int fsp, std::string* out) {
  char buf[48];
  char* p = buf;
  if (t.kind == MysqlTime::Kind::kNone) return;
  if (t.kind != MysqlTime::Kind::kTime) {
    p = PutDigits(p, t.year, 4);
    *p++ = '-';
    p = PutDigits(p, t.month, 2);
    *p++ = '-';
    p = PutDigits(p, t.day, 2);
    if (t.kind == MysqlTime::Kind::kDate) {
      out->append(buf, static_cast<size_t>(p - buf));
      return;
    }
    *p++ = ' ';
  } else if (t.neg) {
    *p++ = '-';
  }
  p = PutDigits(p, t.hour, 2);
  *p++ = ':';
  p = PutDigits(p, t.minute, 2);
  *p++ = ':';
  p = PutDigits(p, t.second, 2);
  if (fsp > 0) {
    fsp = std::min(fsp, 6);
    char frac[8];
    PutDigits(frac, t.micro, 6);
    *p++ = '.';
    for (int k = 0; k < fsp; k++) *p++ = frac[k];
  }
  out->append(buf, static_cast<size_t>(p - buf));
}

std::string FormatTemporal(const MysqlTime& t, int fsp) {
  std::string s;
  AppendTemporal(t, fsp, &s);
  return s;
}

}  // namespace relaydb::sql::fn
