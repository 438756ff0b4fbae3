// Date and time functions, part 2: interval arithmetic (DATE_ADD family,
// TIMESTAMPADD, EXTRACT units), differences (DATEDIFF, TIMESTAMPDIFF,
// TIMEDIFF, ADDTIME), day numbers and seconds (TO_DAYS, SEC_TO_TIME,
// MAKETIME, PERIOD_*), UNIX time and zones (UNIX_TIMESTAMP, FROM_UNIXTIME,
// CONVERT_TZ) and the temporal CASTs. Arguments are read with the helpers of
// functions_datetime.cc.
#include <cmath>
#include <cstring>
#include <ctime>

#include "sql/functions_internal.h"

namespace relaydb::sql::fn {
namespace {

bool IsSpaceChar(char ch) {
  return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\v' || ch == '\f';
}

// ---- Intervals ----

enum class Unit : uint8_t {
  kMicrosecond,
  kSecond,
  kMinute,
  kHour,
  kDay,
  kWeek,
  kMonth,
  kQuarter,
  kYear,
  kSecondMicrosecond,
  kMinuteMicrosecond,
  kMinuteSecond,
  kHourMicrosecond,
  kHourSecond,
  kHourMinute,
  kDayMicrosecond,
  kDaySecond,
  kDayMinute,
  kDayHour,
  kYearMonth,
  kInvalid,
};

Unit ParseUnit(std::string_view s) {
  std::string u = Utf8Upper(s);
  if (u.rfind("SQL_TSI_", 0) == 0) u = u.substr(8);
  static const struct {
    const char* name;
    Unit unit;
  } kUnits[] = {
      {"MICROSECOND", Unit::kMicrosecond},
      {"SECOND", Unit::kSecond},
      {"MINUTE", Unit::kMinute},
      {"HOUR", Unit::kHour},
      {"DAY", Unit::kDay},
      {"WEEK", Unit::kWeek},
      {"MONTH", Unit::kMonth},
      {"QUARTER", Unit::kQuarter},
      {"YEAR", Unit::kYear},
      {"SECOND_MICROSECOND", Unit::kSecondMicrosecond},
      {"MINUTE_MICROSECOND", Unit::kMinuteMicrosecond},
      {"MINUTE_SECOND", Unit::kMinuteSecond},
      {"HOUR_MICROSECOND", Unit::kHourMicrosecond},
      {"HOUR_SECOND", Unit::kHourSecond},
      {"HOUR_MINUTE", Unit::kHourMinute},
      {"DAY_MICROSECOND", Unit::kDayMicrosecond},
      {"DAY_SECOND", Unit::kDaySecond},
      {"DAY_MINUTE", Unit::kDayMinute},
      {"DAY_HOUR", Unit::kDayHour},
      {"YEAR_MONTH", Unit::kYearMonth},
      {"FRAC_SECOND", Unit::kMicrosecond},
  };
  for (const auto& e : kUnits) {
    if (u == e.name) return e.unit;
  }
  return Unit::kInvalid;
}

// True for units that only move the calendar date (DATE stays DATE).
bool DateOnlyUnit(Unit u) {
  return u == Unit::kDay || u == Unit::kWeek || u == Unit::kMonth || u == Unit::kQuarter ||
         u == Unit::kYear || u == Unit::kYearMonth;
}

struct Interval {
  bool neg = false;
  uint64_t year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, micro = 0;
  int fsp = 0;
};

// get_interval_info: up to `count` numbers separated by non-digits, right
// aligned; false if there are more numbers than `count`.
bool IntervalParts(std::string_view s, size_t count, uint64_t* values, bool transform_msec) {
  size_t i = 0, n = s.size();
  while (i < n && !(s[i] >= '0' && s[i] <= '9')) i++;
  size_t field_length = 0;
  for (size_t k = 0; k < count; k++) {
    uint64_t value = 0;
    size_t start = i;
    while (i < n && s[i] >= '0' && s[i] <= '9' && i - start < 20) value = value * 10 + (s[i++] - '0');
    field_length = i - start;
    if (field_length >= 20) return false;
    values[k] = value;
    while (i < n && !(s[i] >= '0' && s[i] <= '9')) i++;
    if (i == n && k != count - 1) {
      size_t got = k + 1;
      for (size_t m = count; m-- > 0;) values[m] = m >= count - got ? values[m - (count - got)] : 0;
      break;
    }
  }
  if (transform_msec && field_length > 0) {
    static const uint64_t kP[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
    if (field_length < 6) {
      values[count - 1] *= kP[6 - field_length];
    } else if (field_length > 6) {
      uint64_t d = 1;
      for (size_t k = 6; k < field_length; k++) d *= 10;
      values[count - 1] /= d;
    }
  }
  return i == n;
}

// The interval value of argument `vi` in `unit`; false → NULL.
bool GetInterval(Call& c, int vi, Unit unit, Interval* iv) {
  if (c.is_null(vi)) return false;
  switch (unit) {
    case Unit::kSecond: {
      if (c.is_int(vi)) {
        int64_t v = c.Int(vi);
        iv->neg = v < 0;
        iv->second = v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
        return true;
      }
      Decimal d = c.Dec(vi);
      iv->neg = d.is_negative();
      Decimal a = d.Abs();
      iv->fsp = c.is_text(vi) ? (a.scale() > 0 ? 6 : 0) : std::min(a.scale(), 6);
      Decimal whole = a.Rescale(0, Decimal::RoundMode::kTruncate);
      uint64_t s = 0;
      whole.ToUint64(&s);
      Decimal frac;
      Decimal::Sub(a, whole, &frac);
      Decimal micro;
      Decimal::Mul(frac, Decimal::FromInt64(1000000), &micro);
      uint64_t us = 0;
      micro.Rescale(0, Decimal::RoundMode::kTruncate).ToUint64(&us);
      iv->second = s;
      iv->micro = us;
      return true;
    }
    case Unit::kMicrosecond:
    case Unit::kMinute:
    case Unit::kHour:
    case Unit::kDay:
    case Unit::kWeek:
    case Unit::kMonth:
    case Unit::kQuarter:
    case Unit::kYear: {
      // Decimal literals arrive as REAL: round them half away from zero as
      // MySQL rounds a DECIMAL interval (INTERVAL 1.5 DAY is 2 days).
      int64_t v = c.is_real(vi) ? std::llround(c.Double(vi)) : c.Int(vi);
      iv->neg = v < 0;
      uint64_t a = v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
      switch (unit) {
        case Unit::kMicrosecond:
          iv->micro = a;
          iv->fsp = 6;
          break;
        case Unit::kMinute:
          iv->minute = a;
          break;
        case Unit::kHour:
          iv->hour = a;
          break;
        case Unit::kDay:
          iv->day = a;
          break;
        case Unit::kWeek:
          iv->day = a * 7;
          break;
        case Unit::kMonth:
          iv->month = a;
          break;
        case Unit::kQuarter:
          iv->month = a * 3;
          break;
        default:
          iv->year = a;
          break;
      }
      return true;
    }
    default:
      break;
  }
  std::string_view s = c.Str(vi);
  size_t i = 0;
  while (i < s.size() && IsSpaceChar(s[i])) i++;
  if (i < s.size() && s[i] == '-') {
    iv->neg = true;
    i++;
  }
  s = s.substr(i);
  uint64_t v[5] = {0, 0, 0, 0, 0};
  switch (unit) {
    case Unit::kYearMonth:
      if (!IntervalParts(s, 2, v, false)) return false;
      iv->year = v[0];
      iv->month = v[1];
      break;
    case Unit::kDayHour:
      if (!IntervalParts(s, 2, v, false)) return false;
      iv->day = v[0];
      iv->hour = v[1];
      break;
    case Unit::kDayMicrosecond:
      if (!IntervalParts(s, 5, v, true)) return false;
      iv->day = v[0];
      iv->hour = v[1];
      iv->minute = v[2];
      iv->second = v[3];
      iv->micro = v[4];
      iv->fsp = 6;
      break;
    case Unit::kDayMinute:
      if (!IntervalParts(s, 3, v, false)) return false;
      iv->day = v[0];
      iv->hour = v[1];
      iv->minute = v[2];
      break;
    case Unit::kDaySecond:
      if (!IntervalParts(s, 4, v, false)) return false;
      iv->day = v[0];
      iv->hour = v[1];
      iv->minute = v[2];
      iv->second = v[3];
      break;
    case Unit::kHourMicrosecond:
      if (!IntervalParts(s, 4, v, true)) return false;
      iv->hour = v[0];
      iv->minute = v[1];
      iv->second = v[2];
      iv->micro = v[3];
      iv->fsp = 6;
      break;
    case Unit::kHourMinute:
      if (!IntervalParts(s, 2, v, false)) return false;
      iv->hour = v[0];
      iv->minute = v[1];
      break;
    case Unit::kHourSecond:
      if (!IntervalParts(s, 3, v, false)) return false;
      iv->hour = v[0];
      iv->minute = v[1];
      iv->second = v[2];
      break;
    case Unit::kMinuteMicrosecond:
      if (!IntervalParts(s, 3, v, true)) return false;
      iv->minute = v[0];
      iv->second = v[1];
      iv->micro = v[2];
      iv->fsp = 6;
      break;
    case Unit::kMinuteSecond:
      if (!IntervalParts(s, 2, v, false)) return false;
      iv->minute = v[0];
      iv->second = v[1];
      break;
    case Unit::kSecondMicrosecond:
      if (!IntervalParts(s, 2, v, true)) return false;
      iv->second = v[0];
      iv->micro = v[1];
      iv->fsp = 6;
      break;
    default:
      return false;
  }
  return true;
}

enum class AddResult : uint8_t { kOk, kOverflow, kNull };

// date_add_interval on a DATE/DATETIME.
AddResult AddInterval(MysqlTime* t, Unit unit, const Interval& iv, bool subtract) {
  int64_t sign = (iv.neg != subtract) ? -1 : 1;
  switch (unit) {
    case Unit::kYear: {
      int64_t y = static_cast<int64_t>(t->year) + sign * static_cast<int64_t>(iv.year);
      if (y < 0 || y >= 10000) return AddResult::kOverflow;
      t->year = static_cast<uint32_t>(y);
      if (t->month == 2 && t->day == 29 && !IsLeapYear(t->year)) t->day = 28;
      return AddResult::kOk;
    }
    case Unit::kYearMonth:
    case Unit::kQuarter:
    case Unit::kMonth: {
      int64_t period = static_cast<int64_t>(t->year) * 12 + sign * static_cast<int64_t>(iv.year) * 12 +
                       static_cast<int64_t>(t->month) - 1 + sign * static_cast<int64_t>(iv.month);
      if (period < 0 || period >= 120000) return AddResult::kOverflow;
      t->year = static_cast<uint32_t>(period / 12);
      t->month = static_cast<uint32_t>(period % 12) + 1;
      if (t->day > DaysInMonth(t->year, t->month)) t->day = DaysInMonth(t->year, t->month);
      return AddResult::kOk;
    }
    case Unit::kWeek: {
      int64_t period = DayNr(*t) + sign * static_cast<int64_t>(iv.day);
      if (period < 366 || period > 3652424) return AddResult::kOverflow;
      DateFromDayNumber(period, &t->year, &t->month, &t->day);
      return AddResult::kOk;
    }
    default: {
      if (t->kind == MysqlTime::Kind::kDate) t->kind = MysqlTime::Kind::kDatetime;
      t->kind = MysqlTime::Kind::kDatetime;
      int64_t micro = static_cast<int64_t>(t->micro) + sign * static_cast<int64_t>(iv.micro);
      int64_t extra = micro / 1000000;
      micro %= 1000000;
      __int128 sec = (static_cast<__int128>(t->day) - 1) * 86400 + t->hour * 3600 + t->minute * 60 +
                     t->second +
                     sign * (static_cast<__int128>(iv.day) * 86400 + static_cast<__int128>(iv.hour) * 3600 +
                             static_cast<__int128>(iv.minute) * 60 + static_cast<__int128>(iv.second)) +
                     extra;
      if (micro < 0) {
        micro += 1000000;
        sec--;
      }
      __int128 days = sec / 86400;
      sec -= days * 86400;
      if (sec < 0) {
        days--;
        sec += 86400;
      }
      t->micro = static_cast<uint32_t>(micro);
      t->second = static_cast<uint32_t>(sec % 60);
      t->minute = static_cast<uint32_t>(sec / 60 % 60);
      t->hour = static_cast<uint32_t>(sec / 3600);
      __int128 daynr = DayNumber(t->year, t->month, 1) + days;
      if (daynr < 366 || daynr > 3652424) return AddResult::kOverflow;
      DateFromDayNumber(static_cast<int64_t>(daynr), &t->year, &t->month, &t->day);
      return AddResult::kOk;
    }
  }
}

// Signed microseconds of a TIME.
__int128 TimeMicros(const MysqlTime& t) {
  __int128 v = (static_cast<__int128>(t.hour) * 3600 + t.minute * 60 + t.second) * 1000000 + t.micro;
  return t.neg ? -v : v;
}

// A TIME from signed microseconds, clamped to ±838:59:59.999999; true if clamped.
bool TimeFromMicros(__int128 v, MysqlTime* t) {
  *t = MysqlTime();
  t->kind = MysqlTime::Kind::kTime;
  t->neg = v < 0;
  if (v < 0) v = -v;
  bool clamped = false;
  const __int128 kMax = (static_cast<__int128>(838) * 3600 + 59 * 60 + 59) * 1000000 + 999999;
  if (v > kMax) {
    v = kMax;
    clamped = true;
  }
  t->micro = static_cast<uint32_t>(v % 1000000);
  __int128 s = v / 1000000;
  t->second = static_cast<uint32_t>(s % 60);
  t->minute = static_cast<uint32_t>(s / 60 % 60);
  t->hour = static_cast<uint32_t>(s / 3600);
  return clamped;
}

void WarnOverflow(Call& c, const char* what) {
  std::string msg = "Datetime function: ";
  msg.append(what);
  msg.append(" field overflow");
  c.Warn(1441, msg);
}

// DATE_ADD/DATE_SUB/TIMESTAMPADD core.
// ui < 0: the unit is DAY.
void AddImpl(Call& c, int di, int vi, int ui, bool subtract) {
  if (c.is_null(di) || c.is_null(vi) || (ui >= 0 && c.is_null(ui))) return c.SetNull();
  Unit unit = ui >= 0 ? ParseUnit(c.Str(ui)) : Unit::kDay;
  if (unit == Unit::kInvalid) return c.SetNull();
  Interval iv;
  if (!GetInterval(c, vi, unit, &iv)) return c.SetNull();
  if (ArgIsTime(c, di)) {
    MysqlTime t;
    if (!GetTime(c, di, &t)) return c.SetNull();
    if (unit == Unit::kYear || unit == Unit::kMonth || unit == Unit::kQuarter || unit == Unit::kYearMonth) {
      return c.SetNull();
    }
    __int128 delta =
        ((static_cast<__int128>(iv.day) * 86400 + iv.hour * 3600 + iv.minute * 60 + iv.second) * 1000000 +
         iv.micro);
    if (iv.neg != subtract) delta = -delta;
    MysqlTime r;
    if (TimeFromMicros(TimeMicros(t) + delta, &r)) {
      WarnOverflow(c, "time");
      return c.SetNull();
    }
    return SetTemporal(c, r, std::max(t.fsp, iv.fsp));
  }
  MysqlTime t;
  if (!GetDatetime(c, di, &t, DateMode::kNoZeros)) return c.SetNull();
  bool was_date = t.kind == MysqlTime::Kind::kDate;
  AddResult r = AddInterval(&t, unit, iv, subtract);
  if (r == AddResult::kOverflow) {
    WarnOverflow(c, "datetime");
    return c.SetNull();
  }
  if (r == AddResult::kNull) return c.SetNull();
  if (was_date && DateOnlyUnit(unit)) {
    t.kind = MysqlTime::Kind::kDate;
    return SetTemporal(c, t, 0);
  }
  t.kind = MysqlTime::Kind::kDatetime;
  SetTemporal(c, t, std::max(t.fsp, iv.fsp));
}

// rdb_date_add(d, n) is ADDDATE(d, n): n days.
void DateAdd(Call& c) {
  if (c.argc() == 2) return AddImpl(c, 0, 1, -1, false);
  AddImpl(c, 0, 1, 2, false);
}
void DateSub(Call& c) {
  if (c.argc() == 2) return AddImpl(c, 0, 1, -1, true);
  AddImpl(c, 0, 1, 2, true);
}
void TimestampAdd(Call& c) { AddImpl(c, 2, 1, 0, false); }

// ---- Differences ----

void DateDiff(Call& c) {
  MysqlTime a, b;
  if (!GetDatetime(c, 0, &a, DateMode::kNoZeros) || !GetDatetime(c, 1, &b, DateMode::kNoZeros)) {
    return c.SetNull();
  }
  c.SetInt(DayNr(a) - DayNr(b));
}

// Signed microseconds of a DATE/DATETIME since day 0.
__int128 DatetimeMicros(const MysqlTime& t) {
  return (static_cast<__int128>(DayNr(t)) * 86400 + t.hour * 3600 + t.minute * 60 + t.second) * 1000000 +
         t.micro;
}

void TimestampDiff(Call& c) {
  Unit unit = ParseUnit(c.Str(0));
  if (unit == Unit::kInvalid) return c.SetNull();
  MysqlTime a, b;
  if (!GetDatetime(c, 1, &a, DateMode::kNoZeros) || !GetDatetime(c, 2, &b, DateMode::kNoZeros)) {
    return c.SetNull();
  }
  __int128 diff = DatetimeMicros(b) - DatetimeMicros(a);
  int64_t neg = diff < 0 ? -1 : 1;
  __int128 adiff = diff < 0 ? -diff : diff;
  int64_t seconds = static_cast<int64_t>(adiff / 1000000);
  int64_t micros = static_cast<int64_t>(adiff % 1000000);
  int64_t months = 0;
  if (unit == Unit::kYear || unit == Unit::kQuarter || unit == Unit::kMonth) {
    const MysqlTime& beg = neg == -1 ? b : a;
    const MysqlTime& end = neg == -1 ? a : b;
    uint32_t second_beg = beg.hour * 3600 + beg.minute * 60 + beg.second;
    uint32_t second_end = end.hour * 3600 + end.minute * 60 + end.second;
    int64_t years = static_cast<int64_t>(end.year) - beg.year;
    bool before = end.month < beg.month || (end.month == beg.month && end.day < beg.day);
    if (before) years -= 1;
    months = 12 * years;
    if (before) {
      months += 12 - (static_cast<int64_t>(beg.month) - end.month);
    } else {
      months += static_cast<int64_t>(end.month) - beg.month;
    }
    if (end.day < beg.day) {
      months -= 1;
    } else if (end.day == beg.day &&
               (second_end < second_beg || (second_end == second_beg && end.micro < beg.micro))) {
      months -= 1;
    }
  }
  switch (unit) {
    case Unit::kYear:
      return c.SetInt(months / 12 * neg);
    case Unit::kQuarter:
      return c.SetInt(months / 3 * neg);
    case Unit::kMonth:
      return c.SetInt(months * neg);
    case Unit::kWeek:
      return c.SetInt(seconds / 86400 / 7 * neg);
    case Unit::kDay:
      return c.SetInt(seconds / 86400 * neg);
    case Unit::kHour:
      return c.SetInt(seconds / 3600 * neg);
    case Unit::kMinute:
      return c.SetInt(seconds / 60 * neg);
    case Unit::kSecond:
      return c.SetInt(seconds * neg);
    case Unit::kMicrosecond:
      return c.SetInt((seconds * 1000000 + micros) * neg);
    default:
      return c.SetNull();
  }
}

// A TIME or a DATETIME argument (TIMEDIFF, ADDTIME).
bool GetTimeOrDatetime(Call& c, int i, MysqlTime* t) {
  if (ArgIsTime(c, i) || c.is_int(i) || c.is_real(i)) return GetTime(c, i, t);
  std::string_view s = c.Str(i);
  MysqlTime dt;
  TimeConv r = ParseDatetime(s, &dt);
  if (r != TimeConv::kInvalid && r != TimeConv::kNone && dt.kind == MysqlTime::Kind::kDatetime) {
    WarnConv(c, r, dt, s);
    *t = dt;
    return true;
  }
  return GetTime(c, i, t);
}

void TimeDiff(Call& c) {
  MysqlTime a, b;
  if (!GetTimeOrDatetime(c, 0, &a) || !GetTimeOrDatetime(c, 1, &b)) return c.SetNull();
  bool ta = a.kind == MysqlTime::Kind::kTime, tb = b.kind == MysqlTime::Kind::kTime;
  if (ta != tb) return c.SetNull();
  __int128 d = ta ? TimeMicros(a) - TimeMicros(b) : DatetimeMicros(a) - DatetimeMicros(b);
  MysqlTime r;
  if (TimeFromMicros(d, &r)) {
    __int128 ad = d < 0 ? -d : d;
    MysqlTime shown = r;
    shown.hour = static_cast<uint32_t>(std::min<__int128>(ad / 3600000000, 99999999));
    shown.minute = static_cast<uint32_t>(ad / 60000000 % 60);
    shown.second = static_cast<uint32_t>(ad / 1000000 % 60);
    std::string txt = FormatTemporal(shown, 0);
    std::string msg = "Truncated incorrect time value: '" + txt + "'";
    c.Warn(1292, msg);
  }
  SetTemporal(c, r, std::max(a.fsp, b.fsp));
}

void AddTimeImpl(Call& c, bool subtract) {
  MysqlTime a, b;
  if (!GetTimeOrDatetime(c, 0, &a) || !GetTime(c, 1, &b)) return c.SetNull();
  __int128 delta = TimeMicros(b);
  if (subtract) delta = -delta;
  // MariaDB gives string arguments "automatic" precision: six digits when the
  // result has a fraction, none otherwise.
  bool auto_fsp = !c.is_int(0) && !c.is_int(1);
  int fsp = std::max(a.fsp, b.fsp);
  if (a.kind == MysqlTime::Kind::kTime) {
    MysqlTime r;
    __int128 sum = TimeMicros(a) + delta;
    if (TimeFromMicros(sum, &r)) {
      MysqlTime shown;
      TimeFromMicros(0, &shown);
      __int128 as = sum < 0 ? -sum : sum;
      shown.neg = sum < 0;
      shown.hour = static_cast<uint32_t>(as / 3600000000);
      shown.minute = static_cast<uint32_t>(as / 60000000 % 60);
      shown.second = static_cast<uint32_t>(as / 1000000 % 60);
      c.Warn(1292, "Truncated incorrect time value: '" + FormatTemporal(shown, 0) + "'");
      return SetTemporal(c, r, 6);
    }
    return SetTemporal(c, r, auto_fsp ? (r.micro != 0 ? 6 : 0) : fsp);
  }
  __int128 total = DatetimeMicros(a) + delta;
  if (total < 0) return c.SetNull();
  int64_t days = static_cast<int64_t>(total / 86400000000LL);
  int64_t rem = static_cast<int64_t>(total % 86400000000LL);
  MysqlTime r;
  if (days > 3652424 || !DateFromDayNumber(days, &r.year, &r.month, &r.day)) {
    WarnOverflow(c, "datetime");
    return c.SetNull();
  }
  r.kind = MysqlTime::Kind::kDatetime;
  r.micro = static_cast<uint32_t>(rem % 1000000);
  rem /= 1000000;
  r.second = static_cast<uint32_t>(rem % 60);
  r.minute = static_cast<uint32_t>(rem / 60 % 60);
  r.hour = static_cast<uint32_t>(rem / 3600);
  SetTemporal(c, r, auto_fsp ? (r.micro != 0 ? 6 : 0) : fsp);
}
void AddTime(Call& c) { AddTimeImpl(c, false); }
void SubTime(Call& c) { AddTimeImpl(c, true); }

// TIMESTAMP(d[, t]).
void Timestamp(Call& c) {
  MysqlTime t;
  if (!GetDatetime(c, 0, &t, DateMode::kFuzzy)) return c.SetNull();
  t.kind = MysqlTime::Kind::kDatetime;
  if (c.argc() == 1) return SetTemporal(c, t, t.fsp);
  MysqlTime add;
  if (!GetTime(c, 1, &add)) return c.SetNull();
  __int128 total = DatetimeMicros(t) + TimeMicros(add);
  int64_t days = static_cast<int64_t>(total / 86400000000LL);
  int64_t rem = static_cast<int64_t>(total % 86400000000LL);
  MysqlTime r;
  if (total < 0 || !DateFromDayNumber(days, &r.year, &r.month, &r.day)) return c.SetNull();
  r.kind = MysqlTime::Kind::kDatetime;
  r.micro = static_cast<uint32_t>(rem % 1000000);
  rem /= 1000000;
  r.second = static_cast<uint32_t>(rem % 60);
  r.minute = static_cast<uint32_t>(rem / 60 % 60);
  r.hour = static_cast<uint32_t>(rem / 3600);
  SetTemporal(c, r, std::max(t.fsp, add.fsp));
}

// ---- Day numbers and seconds ----

void ToDays(Call& c) {
  MysqlTime t;
  if (!GetDatetime(c, 0, &t, DateMode::kNoZeros)) return c.SetNull();
  c.SetInt(DayNr(t));
}

void FromDays(Call& c) {
  int64_t n = c.Int(0);
  MysqlTime t;
  t.kind = MysqlTime::Kind::kDate;
  if (n > 3652424 || n < 0) n = 0;
  DateFromDayNumber(n, &t.year, &t.month, &t.day);
  SetTemporal(c, t, 0);
}

void ToSeconds(Call& c) {
  MysqlTime t;
  if (!GetDatetime(c, 0, &t, DateMode::kNoZeros)) return c.SetNull();
  c.SetInt(DayNr(t) * 86400 + t.hour * 3600 + t.minute * 60 + t.second);
}

void SecToTime(Call& c) {
  Decimal d = c.Dec(0);
  int fsp = c.is_int(0) ? 0 : c.is_text(0) ? (d.scale() > 0 ? 6 : 0) : std::min(d.scale(), 6);
  Decimal micros;
  Decimal::Mul(d, Decimal::FromInt64(1000000), &micros);
  int64_t us = 0;
  bool fits = micros.Rescale(0, Decimal::RoundMode::kTruncate).ToInt64(&us);
  MysqlTime r;
  if (TimeFromMicros(fits ? us : (d.is_negative() ? INT64_MIN : INT64_MAX), &r) || !fits) {
    r.micro = 0;
    std::string msg = "Truncated incorrect seconds value: '";
    msg.append(c.Str(0));
    msg.push_back('\'');
    c.Warn(1292, msg);
  }
  SetTemporal(c, r, fsp);
}

void TimeToSec(Call& c) {
  MysqlTime t;
  if (!GetTime(c, 0, &t)) return c.SetNull();
  int64_t s = static_cast<int64_t>(t.hour) * 3600 + t.minute * 60 + t.second;
  if (t.micro == 0 && t.fsp == 0) return c.SetInt(t.neg ? -s : s);
  Decimal d = Decimal::FromInt64(s * 1000000 + t.micro);
  Decimal r;
  bool dz;
  Decimal::Div(d, Decimal::FromInt64(1000000), 6, &r, &dz);
  r = r.Rescale(std::max(t.fsp, 1));
  if (t.micro != 0) {
    // Drop trailing zeros beyond the argument's precision.
    r = r.Rescale(t.fsp == 0 ? 6 : t.fsp, Decimal::RoundMode::kTruncate);
  }
  c.SetDecimal(t.neg ? r.Negated() : r);
}

void MakeDate(Call& c) {
  int64_t year = c.Int(0), yday = c.Int(1);
  if (yday <= 0 || year < 0 || year > 9999) return c.SetNull();
  if (year < 100) year += year < 70 ? 2000 : 1900;
  int64_t days = DayNumber(static_cast<uint32_t>(year), 1, 1) + yday - 1;
  MysqlTime t;
  t.kind = MysqlTime::Kind::kDate;
  if (days > 3652424 || days < 0) return c.SetNull();
  DateFromDayNumber(days, &t.year, &t.month, &t.day);
  SetTemporal(c, t, 0);
}

void MakeTime(Call& c) {
  bool h_uns = false;
  int64_t h = c.Int(0, &h_uns);
  int64_t m = c.Int(1);
  Decimal sd = c.Dec(2);
  if (m < 0 || m > 59 || sd.is_negative()) return c.SetNull();
  Decimal sw = sd.Rescale(0, Decimal::RoundMode::kTruncate);
  int64_t s = 0;
  sw.ToInt64(&s);
  if (s > 59) {
    c.Warn(1292, "Truncated incorrect seconds value: '" + std::string(c.Str(2)) + "'");
    return c.SetNull();
  }
  Decimal frac;
  Decimal::Sub(sd, sw, &frac);
  Decimal micro;
  Decimal::Mul(frac, Decimal::FromInt64(1000000), &micro);
  int64_t us = 0;
  micro.Rescale(0, Decimal::RoundMode::kTruncate).ToInt64(&us);
  int fsp = c.is_int(2) ? 0 : c.is_text(2) ? (sd.scale() > 0 ? 6 : 0) : std::min(sd.scale(), 6);
  bool neg = h < 0 && !h_uns;
  uint64_t ah = neg ? 0 - static_cast<uint64_t>(h) : static_cast<uint64_t>(h);
  MysqlTime t;
  t.kind = MysqlTime::Kind::kTime;
  t.neg = neg;
  if (ah > 838) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s%llu:%02lld:%02lld", neg ? "-" : "",
                  static_cast<unsigned long long>(ah), static_cast<long long>(m), static_cast<long long>(s));
    c.Warn(1292, std::string("Truncated incorrect time value: '") + buf + "'");
    t.hour = 838;
    t.minute = 59;
    t.second = 59;
    t.micro = 999999;
    return SetTemporal(c, t, fsp);
  }
  t.hour = static_cast<uint32_t>(ah);
  t.minute = static_cast<uint32_t>(m);
  t.second = static_cast<uint32_t>(s);
  t.micro = static_cast<uint32_t>(us);
  SetTemporal(c, t, fsp);
}

uint64_t PeriodToMonth(uint64_t period) {
  if (period == 0 || period > 999912) return 0;
  uint64_t a = period / 100;
  if (a < 70) {
    a += 2000;
  } else if (a < 100) {
    a += 1900;
  }
  return a * 12 + period % 100 - 1;
}

uint64_t MonthToPeriod(uint64_t month) {
  if (month == 0) return 0;
  uint64_t year = month / 12;
  if (year < 100) year += year < 70 ? 2000 : 1900;
  return year * 100 + month % 12 + 1;
}

void PeriodAdd(Call& c) {
  uint64_t period = static_cast<uint64_t>(c.Int(0));
  int64_t months = c.Int(1);
  if (period == 0) return c.SetInt(0);
  c.SetInt(static_cast<int64_t>(
      MonthToPeriod(static_cast<uint64_t>(static_cast<int64_t>(PeriodToMonth(period)) + months))));
}

void PeriodDiff(Call& c) {
  uint64_t a = static_cast<uint64_t>(c.Int(0)), b = static_cast<uint64_t>(c.Int(1));
  c.SetInt(static_cast<int64_t>(PeriodToMonth(a)) - static_cast<int64_t>(PeriodToMonth(b)));
}

// ---- UNIX time and zones ----

void UnixTimestamp(Call& c) {
  if (c.argc() == 0) return c.SetInt(c.session().QueryStartMicros() / 1000000);
  if (c.is_null(0)) return c.SetNull();
  MysqlTime t;
  if ((c.is_text(0) || c.is_blob(0))) {
    MysqlTime probe;
    if (ParseDatetime(c.Str(0), &probe) == TimeConv::kOk && IsZeroDate(probe) && probe.hour == 0 &&
        probe.minute == 0 && probe.second == 0) {
      return c.SetNull();
    }
  }
  if (!GetDatetime(c, 0, &t, DateMode::kNoZeros)) return c.SetNull();
  int64_t utc = c.session().LocalToUtc(LocalSeconds(t));
  if (utc < 0 || utc > kMaxTimestamp) return c.SetNull();
  if (t.fsp == 0) return c.SetInt(utc);
  Decimal d = Decimal::FromInt64(utc * 1000000 + t.micro);
  Decimal r;
  bool dz;
  Decimal::Div(d, Decimal::FromInt64(1000000), 6, &r, &dz);
  c.SetDecimal(r.Rescale(t.fsp, Decimal::RoundMode::kTruncate));
}

void FromUnixtime(Call& c) {
  if (c.is_null(0)) return c.SetNull();
  Decimal d = c.Dec(0);
  int fsp = c.is_int(0) ? 0 : std::min(d.scale(), 6);
  if (c.is_text(0) && d.scale() > 0) fsp = 6;
  if (d.is_negative()) return c.SetNull();
  int64_t secs = 0;
  if (!d.Rescale(0, Decimal::RoundMode::kTruncate).ToInt64(&secs) || secs > kMaxTimestamp) {
    c.Warn(1292, "Truncated incorrect unixtime value: '" + std::string(c.Str(0)) + "'");
    return c.SetNull();
  }
  Decimal frac;
  Decimal::Sub(d, Decimal::FromInt64(secs), &frac);
  Decimal micro;
  Decimal::Mul(frac, Decimal::FromInt64(1000000), &micro);
  int64_t us = 0;
  micro.Rescale(0, Decimal::RoundMode::kTruncate).ToInt64(&us);
  int64_t off = c.session().UtcOffsetAt(secs);
  MysqlTime t = FromLocalMicros((secs + off) * 1000000 + us);
  t.micro = TruncateMicro(t.micro, fsp);
  if (c.argc() >= 2) {
    if (c.is_null(1)) return c.SetNull();
    std::string out;
    if (!MakeDateTime(c.Str(1), t, false, &out)) return c.SetNull();
    return c.SetText(std::move(out));
  }
  SetTemporal(c, t, fsp);
}

// Offset of a CONVERT_TZ zone name: "+hh:mm", "-hh:mm" or SYSTEM.
enum class Zone : uint8_t { kOffset, kSystem, kUnknown };
Zone ParseZone(std::string_view s, int64_t* off) {
  std::string u = Utf8Upper(s);
  if (u == "SYSTEM") return Zone::kSystem;
  if (s.size() < 4 || (s[0] != '+' && s[0] != '-')) return Zone::kUnknown;
  size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon < 2 || colon + 3 != s.size()) return Zone::kUnknown;
  int64_t h = 0;
  for (size_t i = 1; i < colon; i++) {
    if (s[i] < '0' || s[i] > '9') return Zone::kUnknown;
    h = h * 10 + (s[i] - '0');
  }
  if (s[colon + 1] < '0' || s[colon + 1] > '9' || s[colon + 2] < '0' || s[colon + 2] > '9')
    return Zone::kUnknown;
  int64_t m = (s[colon + 1] - '0') * 10 + (s[colon + 2] - '0');
  int64_t total = h * 60 + m;
  if (m > 59 || (s[0] == '-' && total > 12 * 60 + 59) || (s[0] == '+' && total > 13 * 60))
    return Zone::kUnknown;
  *off = (s[0] == '-' ? -1 : 1) * total * 60;
  return Zone::kOffset;
}

void ConvertTz(Call& c) {
  MysqlTime t;
  if (!GetDatetime(c, 0, &t, DateMode::kNoZeros)) return c.SetNull();
  int64_t off_from = 0, off_to = 0;
  Zone zf = ParseZone(c.Str(1), &off_from), zt = ParseZone(c.Str(2), &off_to);
  if (zf == Zone::kUnknown || zt == Zone::kUnknown) return c.SetNull();
  t.kind = MysqlTime::Kind::kDatetime;
  int64_t local = LocalSeconds(t);
  int64_t utc;
  if (zf == Zone::kOffset) {
    utc = local - off_from;
  } else {
    time_t tt = static_cast<time_t>(local);
    struct tm tm;
    gmtime_r(&tt, &tm);
    tm.tm_isdst = -1;
    utc = static_cast<int64_t>(mktime(&tm));
  }
  if (utc < 1 || utc > kMaxTimestamp) return SetTemporal(c, t, t.fsp);
  if (zt == Zone::kSystem) {
    time_t tt = static_cast<time_t>(utc);
    struct tm tm;
    localtime_r(&tt, &tm);
    off_to = tm.tm_gmtoff;
  }
  MysqlTime r = FromLocalMicros((utc + off_to) * 1000000 + t.micro);
  SetTemporal(c, r, t.fsp);
}

// ---- EXTRACT ----

void Extract(Call& c) {
  Unit unit = ParseUnit(c.Str(0));
  if (unit == Unit::kInvalid) return c.SetNull();
  MysqlTime t;
  bool date_unit = unit == Unit::kYear || unit == Unit::kYearMonth || unit == Unit::kQuarter ||
                   unit == Unit::kMonth || unit == Unit::kWeek;
  if (date_unit ? !GetDatetime(c, 1, &t, DateMode::kFuzzy) : !GetHybrid(c, 1, &t)) return c.SetNull();
  bool is_time = t.kind == MysqlTime::Kind::kTime;
  int64_t sign = t.neg ? -1 : 1;
  int64_t day = t.day, hour = t.hour;
  if (is_time) {
    day = hour / 24;
    hour %= 24;
  }
  uint32_t year;
  switch (unit) {
    case Unit::kYear:
      return c.SetInt(t.year);
    case Unit::kYearMonth:
      return c.SetInt(static_cast<int64_t>(t.year) * 100 + t.month);
    case Unit::kQuarter:
      return c.SetInt((t.month + 2) / 3);
    case Unit::kMonth:
      return c.SetInt(t.month);
    case Unit::kWeek:
      return c.SetInt(CalcWeek(t, WeekMode(0), &year));
    case Unit::kDay:
      return c.SetInt(day * sign);
    case Unit::kDayHour:
      return c.SetInt((day * 100 + hour) * sign);
    case Unit::kDayMinute:
      return c.SetInt((day * 10000 + hour * 100 + t.minute) * sign);
    case Unit::kDaySecond:
      return c.SetInt((day * 1000000 + (hour * 10000 + t.minute * 100 + t.second)) * sign);
    case Unit::kHour:
      return c.SetInt(hour * sign);
    case Unit::kHourMinute:
      return c.SetInt((hour * 100 + t.minute) * sign);
    case Unit::kHourSecond:
      return c.SetInt((hour * 10000 + t.minute * 100 + t.second) * sign);
    case Unit::kMinute:
      return c.SetInt(t.minute * sign);
    case Unit::kMinuteSecond:
      return c.SetInt((t.minute * 100 + t.second) * sign);
    case Unit::kSecond:
      return c.SetInt(t.second * sign);
    case Unit::kMicrosecond:
      return c.SetInt(t.micro * sign);
    case Unit::kDayMicrosecond:
      return c.SetInt(((day * 1000000 + hour * 10000 + t.minute * 100 + t.second) * 1000000 + t.micro) *
                      sign);
    case Unit::kHourMicrosecond:
      return c.SetInt(((hour * 10000 + t.minute * 100 + t.second) * 1000000 + t.micro) * sign);
    case Unit::kMinuteMicrosecond:
      return c.SetInt(((t.minute * 100 + t.second) * 1000000 + t.micro) * sign);
    case Unit::kSecondMicrosecond:
      return c.SetInt((t.second * 1000000LL + t.micro) * sign);
    default:
      return c.SetNull();
  }
}

// ---- CAST helpers ----

int CastFsp(Call& c, int i) {
  if (c.argc() <= i || c.is_null(i)) return 0;
  return static_cast<int>(std::clamp<int64_t>(c.Int(i), 0, 6));
}

void CastDate(Call& c) {
  MysqlTime t;
  if (!GetDatetime(c, 0, &t, DateMode::kFuzzy)) return c.SetNull();
  t.kind = MysqlTime::Kind::kDate;
  SetTemporal(c, t, 0);
}

void CastDatetime(Call& c) {
  MysqlTime t;
  if (ArgIsTime(c, 0)) {
    // TIME → DATETIME: the current date plus the time (MariaDB).
    MysqlTime tm;
    if (!GetTime(c, 0, &tm)) return c.SetNull();
    MysqlTime now = NowLocal(c, c.session().QueryStartMicros());
    now.hour = now.minute = now.second = 0;
    now.micro = 0;
    __int128 total = DatetimeMicros(now) + TimeMicros(tm);
    int64_t days = static_cast<int64_t>(total / 86400000000LL);
    int64_t rem = static_cast<int64_t>(total % 86400000000LL);
    DateFromDayNumber(days, &t.year, &t.month, &t.day);
    t.micro = static_cast<uint32_t>(rem % 1000000);
    rem /= 1000000;
    t.second = static_cast<uint32_t>(rem % 60);
    t.minute = static_cast<uint32_t>(rem / 60 % 60);
    t.hour = static_cast<uint32_t>(rem / 3600);
  } else if (!GetDatetime(c, 0, &t, DateMode::kFuzzy)) {
    return c.SetNull();
  }
  t.kind = MysqlTime::Kind::kDatetime;
  int fsp = CastFsp(c, 1);
  t.micro = TruncateMicro(t.micro, fsp);
  SetTemporal(c, t, fsp);
}

void CastTime(Call& c) {
  MysqlTime t;
  if (!GetTime(c, 0, &t)) return c.SetNull();
  int fsp = CastFsp(c, 1);
  t.micro = TruncateMicro(t.micro, fsp);
  SetTemporal(c, t, fsp);
}

const ScalarDef kScalars[] = {
    {"rdb_date_add", 2, DateAdd, kDeterministic},
    {"rdb_date_add", 3, DateAdd, kDeterministic},
    {"rdb_date_sub", 2, DateSub, kDeterministic},
    {"rdb_date_sub", 3, DateSub, kDeterministic},
    {"rdb_timestampadd", 3, TimestampAdd, kDeterministic},
    {"rdb_datediff", 2, DateDiff, kNullIfAnyNull | kDeterministic},
    {"rdb_timestampdiff", 3, TimestampDiff, kNullIfAnyNull | kDeterministic},
    {"rdb_timediff", 2, TimeDiff, kNullIfAnyNull | kDeterministic},
    {"rdb_addtime", 2, AddTime, kNullIfAnyNull | kDeterministic},
    {"rdb_subtime", 2, SubTime, kNullIfAnyNull | kDeterministic},
    {"rdb_timestamp", 1, Timestamp, kNullIfAnyNull | kDeterministic},
    {"rdb_timestamp", 2, Timestamp, kNullIfAnyNull | kDeterministic},
    {"rdb_to_days", 1, ToDays, kNullIfAnyNull | kDeterministic},
    {"rdb_from_days", 1, FromDays, kNullIfAnyNull | kDeterministic},
    {"rdb_to_seconds", 1, ToSeconds, kNullIfAnyNull | kDeterministic},
    {"rdb_sec_to_time", 1, SecToTime, kNullIfAnyNull | kDeterministic},
    {"rdb_time_to_sec", 1, TimeToSec, kNullIfAnyNull | kDeterministic},
    {"rdb_makedate", 2, MakeDate, kNullIfAnyNull | kDeterministic},
    {"rdb_maketime", 3, MakeTime, kNullIfAnyNull | kDeterministic},
    {"rdb_period_add", 2, PeriodAdd, kNullIfAnyNull | kDeterministic},
    {"rdb_period_diff", 2, PeriodDiff, kNullIfAnyNull | kDeterministic},
    {"rdb_unix_timestamp", 0, UnixTimestamp, kDeterministic},
    {"rdb_unix_timestamp", 1, UnixTimestamp, kDeterministic},
    {"rdb_from_unixtime", 1, FromUnixtime, kDeterministic},
    {"rdb_from_unixtime", 2, FromUnixtime, kDeterministic},
    {"rdb_convert_tz", 3, ConvertTz, kNullIfAnyNull | kDeterministic},
    {"rdb_extract", 2, Extract, kNullIfAnyNull | kDeterministic},
    {"rdb_cast_date", 1, CastDate, kNullIfAnyNull | kDeterministic},
    {"rdb_cast_datetime", 1, CastDatetime, kNullIfAnyNull | kDeterministic},
    {"rdb_cast_datetime", 2, CastDatetime, kNullIfAnyNull | kDeterministic},
    {"rdb_cast_time", 1, CastTime, kNullIfAnyNull | kDeterministic},
    {"rdb_cast_time", 2, CastTime, kNullIfAnyNull | kDeterministic},
};

}  // namespace

FamilyTable IntervalFunctions() { return {kScalars, std::size(kScalars), nullptr, 0}; }

}  // namespace relaydb::sql::fn
