// Date and time functions, part 1: reading temporal arguments (shared with
// functions_interval.cc through functions_internal.h), NOW() and friends,
// extraction (YEAR ... WEEK), DATE_FORMAT/TIME_FORMAT, STR_TO_DATE and
// GET_FORMAT.
//
// Arguments are read as MySQL reads them (functions_temporal.cc): text by
// str_to_datetime / str_to_time rules, integers as YYYYMMDD[hhmmss].
// Canonical TIME text ('[-]hh:mm:ss[.f]') is recognised as a TIME where a
// function accepts both (DATE_ADD, ADDTIME, TIMEDIFF), which is what a TIME
// column's value looks like. A value's fractional precision is the number of
// fraction digits its text carries.
#include <cmath>
#include <cstring>
#include <ctime>

#include "sql/functions_internal.h"

namespace relaydb::sql::fn {

const char* const kMonthNames[12] = {"January", "February", "March",     "April",   "May",      "June",
                                     "July",    "August",   "September", "October", "November", "December"};
const char* const kMonthAbbr[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
const char* const kDayNames[7] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                  "Friday", "Saturday", "Sunday"};
const char* const kDayAbbr[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

bool IsZeroDate(const MysqlTime& t) { return t.year == 0 && t.month == 0 && t.day == 0; }

int64_t DayNr(const MysqlTime& t) { return DayNumber(t.year, t.month, t.day); }

// ---- Reading arguments ----

// Splits a double into an integer part and microseconds.
void SplitDouble(double v, int64_t* ip, uint32_t* micro, bool* neg) {
  *neg = v < 0;
  double a = std::fabs(v);
  double whole = std::floor(a);
  *ip = static_cast<int64_t>(whole);
  *micro = static_cast<uint32_t>(std::llround((a - whole) * 1e6));
  if (*micro >= 1000000) {
    *micro -= 1000000;
    (*ip)++;
  }
}

// Fraction digits of a number's text (REAL arguments), at most 6.
int FractionDigits(std::string_view s) {
  size_t dot = s.find('.');
  if (dot == std::string_view::npos) return 0;
  size_t n = 0;
  for (size_t i = dot + 1; i < s.size() && s[i] >= '0' && s[i] <= '9'; i++) n++;
  return static_cast<int>(std::min<size_t>(n, 6));
}

void WarnTruncatedTemporal(Call& c, const MysqlTime& t, std::string_view s, WarningLevel level) {
  std::string msg = "Truncated incorrect ";
  msg.append(t.kind == MysqlTime::Kind::kDate   ? "date"
             : t.kind == MysqlTime::Kind::kTime ? "time"
                                                : "datetime");
  msg.append(" value: '");
  msg.append(s);
  msg.push_back('\'');
  c.Warn(1292, msg, level);
}

// Warns for a value read with a truncation (warning) or dropped digits (note).
void WarnConv(Call& c, TimeConv r, const MysqlTime& t, std::string_view s) {
  if (r == TimeConv::kTruncated) WarnTruncatedTemporal(c, t, s);
  if (r == TimeConv::kNote) WarnTruncatedTemporal(c, t, s, WarningLevel::kNote);
}

// Argument i as a DATE/DATETIME. On failure warns 1292 and returns false.
bool GetDatetime(Call& c, int i, MysqlTime* t, DateMode mode) {
  TimeConv r;
  switch (c.type(i)) {
    case SQLITE_NULL:
      return false;
    case SQLITE_INTEGER:
      r = DatetimeFromNumber(sqlite3_value_int64(c.arg(i)), t);
      break;
    case SQLITE_FLOAT: {
      int64_t ip;
      uint32_t micro;
      bool neg;
      SplitDouble(sqlite3_value_double(c.arg(i)), &ip, &micro, &neg);
      r = neg ? TimeConv::kInvalid : DatetimeFromNumber(ip, t);
      if (r != TimeConv::kInvalid) {
        t->micro = micro;
        t->fsp = FractionDigits(c.Str(i));
        if (t->kind == MysqlTime::Kind::kDate && micro != 0) t->kind = MysqlTime::Kind::kDatetime;
      }
      break;
    }
    default:
      r = ParseDatetime(c.Str(i), t);
      break;
  }
  if (r == TimeConv::kInvalid || r == TimeConv::kNone) {
    c.WarnIncorrect("datetime", c.Str(i));
    return false;
  }
  WarnConv(c, r, *t, c.Str(i));
  if (mode == DateMode::kNoZeros && (t->month == 0 || t->day == 0)) {
    c.WarnIncorrect("datetime", c.Str(i));
    return false;
  }
  return true;
}

// Argument i as a TIME (str_to_time rules; datetimes give their time part).
bool GetTime(Call& c, int i, MysqlTime* t) {
  TimeConv r;
  switch (c.type(i)) {
    case SQLITE_NULL:
      return false;
    case SQLITE_INTEGER:
      r = TimeFromNumber(sqlite3_value_int64(c.arg(i)), 0, false, t);
      break;
    case SQLITE_FLOAT: {
      int64_t ip;
      uint32_t micro;
      bool neg;
      SplitDouble(sqlite3_value_double(c.arg(i)), &ip, &micro, &neg);
      r = TimeFromNumber(ip, micro, neg, t);
      t->fsp = FractionDigits(c.Str(i));
      break;
    }
    default:
      r = ParseTime(c.Str(i), t);
      break;
  }
  if (r == TimeConv::kInvalid || r == TimeConv::kNone) {
    c.WarnIncorrect("time", c.Str(i));
    return false;
  }
  MysqlTime shown;
  shown.kind = MysqlTime::Kind::kTime;
  WarnConv(c, r, shown, c.Str(i));
  return true;
}

// Canonical TIME text: [-]h+:mm:ss[.f].
bool LooksLikeTime(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && s[i] == ' ') i++;
  if (i < s.size() && s[i] == '-') i++;
  size_t d = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
    i++;
    d++;
  }
  if (d == 0 || d > 3 || i + 6 > s.size() || s[i] != ':' || s[i + 3] != ':') return false;
  for (size_t k : {i + 1, i + 2, i + 4, i + 5}) {
    if (s[k] < '0' || s[k] > '9') return false;
  }
  i += 6;
  if (i < s.size() && s[i] == '.') {
    i++;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') i++;
  }
  while (i < s.size() && s[i] == ' ') i++;
  return i == s.size();
}

// "d+<punct>d+<punct>d+" at the start: the text means a date.
bool LooksLikeDate(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && s[i] == ' ') i++;
  for (int group = 0; group < 3; group++) {
    size_t d = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') i++;
    if (i == d) return false;
    if (group < 2) {
      if (i >= s.size() || !(s[i] == '-' || s[i] == '/' || s[i] == '.')) return false;
      i++;
    }
  }
  return true;
}

bool ArgIsTime(Call& c, int i) { return c.is_text(i) && LooksLikeTime(c.Str(i)); }

// Date, datetime or time (EXTRACT): a datetime if the text is one, else a time.
bool GetHybrid(Call& c, int i, MysqlTime* t) {
  if (c.is_text(i) || c.is_blob(i)) {
    std::string_view s = c.Str(i);
    if (!LooksLikeTime(s)) {
      TimeConv r = ParseDatetime(s, t);
      if (r != TimeConv::kInvalid && r != TimeConv::kNone) {
        WarnConv(c, r, *t, s);
        return true;
      }
      if (LooksLikeDate(s)) {
        c.WarnIncorrect("datetime", s);
        return false;
      }
    }
    return GetTime(c, i, t);
  }
  return GetDatetime(c, i, t, DateMode::kFuzzy);
}

// ---- Results ----

void SetTemporal(Call& c, const MysqlTime& t, int fsp) { c.SetText(FormatTemporal(t, fsp)); }

// Local wall-clock time for a UTC instant in microseconds.
MysqlTime FromLocalMicros(int64_t local_micros) {
  MysqlTime t;
  int64_t secs = local_micros >= 0 ? local_micros / 1000000 : -((-local_micros + 999999) / 1000000);
  int64_t micro = local_micros - secs * 1000000;
  int64_t days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
  int64_t rem = secs - days * 86400;
  DateFromDayNumber(days + kDaysAtEpoch, &t.year, &t.month, &t.day);
  t.hour = static_cast<uint32_t>(rem / 3600);
  t.minute = static_cast<uint32_t>(rem / 60 % 60);
  t.second = static_cast<uint32_t>(rem % 60);
  t.micro = static_cast<uint32_t>(micro);
  t.kind = MysqlTime::Kind::kDatetime;
  return t;
}

// Seconds of a local datetime as if it were UTC.
int64_t LocalSeconds(const MysqlTime& t) {
  return (DayNr(t) - kDaysAtEpoch) * 86400 + t.hour * 3600 + t.minute * 60 + t.second;
}

uint32_t TruncateMicro(uint32_t micro, int fsp) {
  static const uint32_t kDiv[] = {1000000, 100000, 10000, 1000, 100, 10, 1};
  fsp = std::clamp(fsp, 0, 6);
  return micro / kDiv[fsp] * kDiv[fsp];
}

MysqlTime NowLocal(Call& c, int64_t utc_micros) {
  int64_t secs = utc_micros / 1000000;
  int64_t off = c.session().UtcOffsetAt(secs);
  return FromLocalMicros(utc_micros + off * 1000000);
}

// calc_week: week_behaviour bits as MySQL's.

uint32_t CalcWeek(const MysqlTime& t, uint32_t behaviour, uint32_t* year) {
  int64_t daynr = DayNr(t);
  int64_t first_daynr = DayNumber(t.year, 1, 1);
  bool monday_first = behaviour & kWeekMondayFirst;
  bool week_year = behaviour & kWeekYear;
  bool first_weekday = behaviour & kWeekFirstWeekday;
  uint32_t weekday = static_cast<uint32_t>(Weekday(first_daynr, !monday_first));
  *year = t.year;
  if (t.month == 1 && t.day <= 7 - weekday) {
    if (!week_year && ((first_weekday && weekday != 0) || (!first_weekday && weekday >= 4))) return 0;
    week_year = true;
    (*year)--;
    uint32_t days = IsLeapYear(*year) ? 366 : 365;
    first_daynr -= days;
    weekday = (weekday + 53 * 7 - days) % 7;
  }
  int64_t days;
  if ((first_weekday && weekday != 0) || (!first_weekday && weekday >= 4)) {
    days = daynr - (first_daynr + (7 - weekday));
  } else {
    days = daynr - (first_daynr - weekday);
  }
  // MySQL keeps `days` in an unsigned int: invalid dates wrap as there.
  uint32_t udays = static_cast<uint32_t>(days);
  if (week_year && udays >= 52 * 7) {
    weekday = (weekday + (IsLeapYear(*year) ? 366 : 365)) % 7;
    if ((!first_weekday && weekday < 4) || (first_weekday && weekday == 0)) {
      (*year)++;
      return 1;
    }
  }
  return udays / 7 + 1;
}

uint32_t WeekMode(uint32_t mode) {
  uint32_t f = mode & 7;
  if (!(f & kWeekMondayFirst)) f ^= kWeekFirstWeekday;
  return f;
}

// ---- DATE_FORMAT / TIME_FORMAT ----

static void Pad(std::string* out, uint64_t v, int width) {
  char tmp[24];
  int n = 0;
  do {
    tmp[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v != 0);
  while (n < width) tmp[n++] = '0';
  while (n > 0) out->push_back(tmp[--n]);
}

// make_date_time: false when a specifier cannot apply (the result is NULL).
bool MakeDateTime(std::string_view fmt, const MysqlTime& t, bool is_time, std::string* out) {
  if (t.neg) out->push_back('-');
  for (size_t i = 0; i < fmt.size(); i++) {
    char ch = fmt[i];
    if (ch != '%' || i + 1 == fmt.size()) {
      out->push_back(ch);
      continue;
    }
    char spec = fmt[++i];
    uint32_t year;
    switch (spec) {
      case 'M':
        if (is_time || t.month == 0) return false;
        out->append(kMonthNames[t.month - 1]);
        break;
      case 'b':
        if (is_time || t.month == 0) return false;
        out->append(kMonthAbbr[t.month - 1]);
        break;
      case 'W':
        if (is_time || (t.month == 0 && t.year == 0)) return false;
        out->append(kDayNames[Weekday(DayNr(t), false)]);
        break;
      case 'a':
        if (is_time || (t.month == 0 && t.year == 0)) return false;
        out->append(kDayAbbr[Weekday(DayNr(t), false)]);
        break;
      case 'D':
        if (is_time) return false;
        Pad(out, t.day, 1);
        if (t.day >= 10 && t.day <= 19) {
          out->append("th");
        } else {
          switch (t.day % 10) {
            case 1:
              out->append("st");
              break;
            case 2:
              out->append("nd");
              break;
            case 3:
              out->append("rd");
              break;
            default:
              out->append("th");
              break;
          }
        }
        break;
      case 'Y':
        if (is_time) return false;
        Pad(out, t.year, 4);
        break;
      case 'y':
        if (is_time) return false;
        Pad(out, t.year % 100, 2);
        break;
      case 'm':
        if (is_time) return false;
        Pad(out, t.month, 2);
        break;
      case 'c':
        if (is_time) return false;
        Pad(out, t.month, 1);
        break;
      case 'd':
        if (is_time) return false;
        Pad(out, t.day, 2);
        break;
      case 'e':
        if (is_time) return false;
        Pad(out, t.day, 1);
        break;
      case 'f':
        Pad(out, t.micro, 6);
        break;
      case 'H':
        Pad(out, t.hour, 2);
        break;
      case 'h':
      case 'I':
        Pad(out, (t.hour % 24 + 11) % 12 + 1, 2);
        break;
      case 'i':
        Pad(out, t.minute, 2);
        break;
      case 'j':
        if (is_time || t.month == 0 || t.year == 0) return false;
        Pad(out, static_cast<uint64_t>(DayNr(t) - DayNumber(t.year, 1, 1) + 1), 3);
        break;
      case 'k':
        Pad(out, t.hour, 1);
        break;
      case 'l':
        Pad(out, (t.hour % 24 + 11) % 12 + 1, 1);
        break;
      case 'p':
        out->append(t.hour % 24 < 12 ? "AM" : "PM");
        break;
      case 'r': {
        char buf[32];
        int n = std::snprintf(buf, sizeof buf, "%02u:%02u:%02u %s", (t.hour + 11) % 12 + 1, t.minute,
                              t.second, t.hour % 24 < 12 ? "AM" : "PM");
        out->append(buf, n);
        break;
      }
      case 'S':
      case 's':
        Pad(out, t.second, 2);
        break;
      case 'T': {
        char buf[32];
        int n = std::snprintf(buf, sizeof buf, "%02u:%02u:%02u", t.hour, t.minute, t.second);
        out->append(buf, n);
        break;
      }
      case 'U':
      case 'u':
        if (is_time) return false;
        Pad(out, CalcWeek(t, spec == 'U' ? kWeekFirstWeekday : kWeekMondayFirst, &year), 2);
        break;
      case 'V':
      case 'v':
        if (is_time) return false;
        Pad(out,
            CalcWeek(t, spec == 'V' ? (kWeekYear | kWeekFirstWeekday) : (kWeekYear | kWeekMondayFirst),
                     &year),
            2);
        break;
      case 'X':
      case 'x':
        if (is_time) return false;
        CalcWeek(t, spec == 'X' ? (kWeekYear | kWeekFirstWeekday) : (kWeekYear | kWeekMondayFirst), &year);
        Pad(out, year, 4);
        break;
      case 'w':
        if (is_time || (t.month == 0 && t.year == 0)) return false;
        Pad(out, static_cast<uint64_t>(Weekday(DayNr(t), true)), 1);
        break;
      default:
        out->push_back(spec);
        break;
    }
  }
  return true;
}

namespace {

// fsp argument of NOW(fsp) and friends: 0..6, else error 1426.
bool FspArg(Call& c, int i, int* fsp, const char* fname) {
  *fsp = 0;
  if (c.argc() <= i) return true;
  int64_t v = c.Int(i);
  if (v < 0 || v > 6) {
    c.Error(1426, "42000", std::string("Too big precision specified for '") + fname + "'. Maximum is 6");
    return false;
  }
  *fsp = static_cast<int>(v);
  return true;
}

void NowImpl(Call& c, bool sysdate, bool utc, MysqlTime::Kind kind, const char* fname) {
  int fsp;
  if (!FspArg(c, 0, &fsp, fname)) return;
  int64_t micros = sysdate ? c.session().SysdateMicros() : c.session().QueryStartMicros();
  MysqlTime t = utc ? FromLocalMicros(micros) : NowLocal(c, micros);
  t.micro = TruncateMicro(t.micro, fsp);
  t.kind = kind;
  if (kind == MysqlTime::Kind::kTime) t.year = t.month = t.day = 0;
  SetTemporal(c, t, kind == MysqlTime::Kind::kDate ? 0 : fsp);
}
void Now(Call& c) { NowImpl(c, false, false, MysqlTime::Kind::kDatetime, "current_timestamp"); }
void Sysdate(Call& c) { NowImpl(c, true, false, MysqlTime::Kind::kDatetime, "sysdate"); }
void Curdate(Call& c) { NowImpl(c, false, false, MysqlTime::Kind::kDate, "curdate"); }
void Curtime(Call& c) { NowImpl(c, false, false, MysqlTime::Kind::kTime, "curtime"); }
void UtcDate(Call& c) { NowImpl(c, false, true, MysqlTime::Kind::kDate, "utc_date"); }
void UtcTime(Call& c) { NowImpl(c, false, true, MysqlTime::Kind::kTime, "utc_time"); }
void UtcTimestamp(Call& c) { NowImpl(c, false, true, MysqlTime::Kind::kDatetime, "utc_timestamp"); }

// ---- Extraction ----

void DateOf(Call& c) {
  MysqlTime t;
  if (!GetDatetime(c, 0, &t, DateMode::kFuzzy)) return c.SetNull();
  t.kind = MysqlTime::Kind::kDate;
  SetTemporal(c, t, 0);
}

void TimeOf(Call& c) {
  MysqlTime t;
  if (!GetTime(c, 0, &t)) return c.SetNull();
  SetTemporal(c, t, t.fsp);
}

void Year(Call& c) {
  MysqlTime t;
  if (!GetDatetime(c, 0, &t, DateMode::kFuzzy)) return c.SetNull();
  c.SetInt(t.year);
}
void Month(Call& c) {
  MysqlTime t;
  if (!GetDatetime(c, 0, &t, DateMode::kFuzzy)) return c.SetNull();
  c.SetInt(t.month);
}
void Day(Call& c) {
  MysqlTime t;
  if (!GetDatetime(c, 0, &t, DateMode::kFuzzy)) return c.SetNull();
  c.SetInt(t.day);
}
void Quarter(Call& c) {
  MysqlTime t;
  if (!GetDatetime(c, 0, &t, DateMode::kFuzzy)) return c.SetNull();
  c.SetInt((t.month + 2) / 3);
}
void Hour(Call& c) {
  MysqlTime t;
  if (!GetTime(c, 0, &t)) return c.SetNull();
  c.SetInt(t.hour);
}
void Minute(Call& c) {
  MysqlTime t;
  if (!GetTime(c, 0, &t)) return c.SetNull();
  c.SetInt(t.minute);
}
void Second(Call& c) {
  MysqlTime t;
  if (!GetTime(c, 0, &t)) return c.SetNull();
  c.SetInt(t.second);
}
void Microsecond(Call& c) {
  MysqlTime t;
  if (!GetTime(c, 0, &t)) return c.SetNull();
  c.SetInt(t.micro);
}

void DayOfWeek(Call& c) {
  MysqlTime t;
  if (!GetDatetime(c, 0, &t, DateMode::kNoZeros)) return c.SetNull();
  c.SetInt(Weekday(DayNr(t), true) + 1);
}
void WeekdayFn(Call& c) {
  MysqlTime t;
  if (!GetDatetime(c, 0, &t, DateMode::kNoZeros)) return c.SetNull();
  c.SetInt(Weekday(DayNr(t), false));
}
void DayOfYear(Call& c) {
  MysqlTime t;
  if (!GetDatetime(c, 0, &t, DateMode::kNoZeros)) return c.SetNull();
  c.SetInt(DayNr(t) - DayNumber(t.year, 1, 1) + 1);
}
void MonthName(Call& c) {
  MysqlTime t;
  if (!GetDatetime(c, 0, &t, DateMode::kFuzzy) || t.month == 0) return c.SetNull();
  c.SetText(kMonthNames[t.month - 1]);
}
void DayName(Call& c) {
  MysqlTime t;
  if (!GetDatetime(c, 0, &t, DateMode::kNoZeros)) return c.SetNull();
  c.SetText(kDayNames[Weekday(DayNr(t), false)]);
}
void LastDay(Call& c) {
  MysqlTime t;
  if (!GetDatetime(c, 0, &t, DateMode::kFuzzy) || t.month == 0) return c.SetNull();
  t.day = DaysInMonth(t.year, t.month);
  t.kind = MysqlTime::Kind::kDate;
  SetTemporal(c, t, 0);
}

void Week(Call& c) {
  MysqlTime t;
  if (!GetDatetime(c, 0, &t, DateMode::kNoZeros)) return c.SetNull();
  uint32_t mode = c.argc() >= 2 ? static_cast<uint32_t>(c.Int(1))
                                : static_cast<uint32_t>(c.session().DefaultWeekFormat());
  uint32_t year;
  c.SetInt(CalcWeek(t, WeekMode(mode), &year));
}
void YearWeek(Call& c) {
  MysqlTime t;
  if (!GetDatetime(c, 0, &t, DateMode::kNoZeros)) return c.SetNull();
  uint32_t mode = c.argc() >= 2 ? static_cast<uint32_t>(c.Int(1)) : 0;
  uint32_t year;
  uint32_t week = CalcWeek(t, WeekMode(mode) | kWeekYear, &year);
  c.SetInt(static_cast<int64_t>(year) * 100 + week);
}
void WeekOfYear(Call& c) {
  MysqlTime t;
  if (!GetDatetime(c, 0, &t, DateMode::kNoZeros)) return c.SetNull();
  uint32_t year;
  c.SetInt(CalcWeek(t, WeekMode(3), &year));
}

void DateFormat(Call& c) {
  MysqlTime t;
  if (!GetDatetime(c, 0, &t, DateMode::kFuzzy)) return c.SetNull();
  if (c.Str(1).empty()) return c.SetNull();
  std::string out;
  if (!MakeDateTime(c.Str(1), t, false, &out)) return c.SetNull();
  c.SetText(std::move(out));
}

void TimeFormat(Call& c) {
  MysqlTime t;
  if (!GetTime(c, 0, &t)) return c.SetNull();
  std::string out;
  if (!MakeDateTime(c.Str(1), t, true, &out)) return c.SetNull();
  c.SetText(std::move(out));
}

// ---- STR_TO_DATE ----

// Reads at most `max` digits (my_strtoll10 on a bounded prefix); false if none.
bool ReadDigits(std::string_view v, size_t* pos, size_t max, int64_t* out) {
  size_t i = *pos;
  bool neg = false;
  if (i < v.size() && (v[i] == '-' || v[i] == '+') && max > 1) {
    neg = v[i] == '-';
    i++;
    max--;
  }
  size_t start = i;
  int64_t x = 0;
  while (i < v.size() && i - start < max && v[i] >= '0' && v[i] <= '9') x = x * 10 + (v[i++] - '0');
  if (i == start) return false;
  *out = neg ? -x : x;
  *pos = i;
  return true;
}

// Case-insensitive prefix match of one of `names`; returns 1-based index.
int CheckWord(const char* const* names, int n, std::string_view v, size_t* pos) {
  size_t start = *pos, end = start;
  while (end < v.size() && ((v[end] >= 'a' && v[end] <= 'z') || (v[end] >= 'A' && v[end] <= 'Z'))) end++;
  std::string_view word = v.substr(start, end - start);
  if (word.empty()) return 0;
  for (int k = 0; k < n; k++) {
    std::string_view name(names[k]);
    if (name.size() == word.size() && CiCompare(name, word) == 0) {
      *pos = end;
      return k + 1;
    }
  }
  return 0;
}

bool IsSpaceChar(char ch) {
  return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\v' || ch == '\f';
}

// The result kind STR_TO_DATE's format implies.
MysqlTime::Kind FormatKind(std::string_view fmt, bool* frac) {
  bool date = false, time = false;
  *frac = false;
  for (size_t i = 0; i + 1 < fmt.size(); i++) {
    if (fmt[i] != '%') continue;
    char s = fmt[++i];
    if (std::strchr("dDeYyjmMbcUuVvXxWaw", s) != nullptr) date = true;
    if (std::strchr("HhIiklrSsTpf", s) != nullptr) time = true;
    if (s == 'f') *frac = true;
  }
  if (date && time) return MysqlTime::Kind::kDatetime;
  if (time) return MysqlTime::Kind::kTime;
  return MysqlTime::Kind::kDate;
}

// extract_date_time. *rest_end receives where parsing stopped in `v`.
bool ExtractDateTime(std::string_view fmt, std::string_view v, MysqlTime* t, size_t* vpos, bool sub) {
  int weekday = 0, yearday = 0, daypart = 0;
  int week_number = -1, strict_week_number_year = -1;
  bool usa_time = false, sunday_first_n_first_week_non_iso = false, strict_week_number = false;
  bool strict_week_number_year_type = false;
  size_t p = 0;
  size_t& val = *vpos;
  for (; p < fmt.size() && val < v.size(); p++) {
    while (val < v.size() && IsSpaceChar(v[val])) val++;
    if (val >= v.size()) break;
    if (fmt[p] == '%' && p + 1 < fmt.size()) {
      int64_t x = 0;
      char spec = fmt[++p];
      switch (spec) {
        case 'Y': {
          size_t b = val;
          if (!ReadDigits(v, &val, 4, &x)) return false;
          t->year = static_cast<uint32_t>(x);
          if (val - b <= 2) t->year += t->year < 70 ? 2000 : 1900;
          break;
        }
        case 'y':
          if (!ReadDigits(v, &val, 2, &x)) return false;
          t->year = static_cast<uint32_t>(x) + (x < 70 ? 2000 : 1900);
          break;
        case 'm':
        case 'c':
          if (!ReadDigits(v, &val, 2, &x)) return false;
          t->month = static_cast<uint32_t>(x);
          break;
        case 'M':
          if ((x = CheckWord(kMonthNames, 12, v, &val)) <= 0) return false;
          t->month = static_cast<uint32_t>(x);
          break;
        case 'b':
          if ((x = CheckWord(kMonthAbbr, 12, v, &val)) <= 0) return false;
          t->month = static_cast<uint32_t>(x);
          break;
        case 'd':
        case 'e':
          if (!ReadDigits(v, &val, 2, &x)) return false;
          t->day = static_cast<uint32_t>(x);
          break;
        case 'D':
          if (!ReadDigits(v, &val, 2, &x)) return false;
          t->day = static_cast<uint32_t>(x);
          val = std::min(v.size(), val + 2);
          break;
        case 'h':
        case 'I':
        case 'l':
          usa_time = true;
          [[fallthrough]];
        case 'k':
        case 'H':
          if (!ReadDigits(v, &val, 2, &x)) return false;
          t->hour = static_cast<uint32_t>(x);
          break;
        case 'i':
          if (!ReadDigits(v, &val, 2, &x)) return false;
          t->minute = static_cast<uint32_t>(x);
          break;
        case 's':
        case 'S':
          if (!ReadDigits(v, &val, 2, &x)) return false;
          t->second = static_cast<uint32_t>(x);
          break;
        case 'f': {
          size_t b = val;
          if (!ReadDigits(v, &val, 6, &x)) return false;
          size_t n = val - b;
          while (n < 6) {
            x *= 10;
            n++;
          }
          t->micro = static_cast<uint32_t>(x);
          break;
        }
        case 'p':
          if (v.size() - val < 2 || !usa_time) return false;
          if (CiCompare(v.substr(val, 2), "PM") == 0) {
            daypart = 12;
          } else if (CiCompare(v.substr(val, 2), "AM") != 0) {
            return false;
          }
          val += 2;
          break;
        case 'W':
          if ((weekday = CheckWord(kDayNames, 7, v, &val)) <= 0) return false;
          break;
        case 'a':
          if ((weekday = CheckWord(kDayAbbr, 7, v, &val)) <= 0) return false;
          break;
        case 'w':
          if (!ReadDigits(v, &val, 1, &x) || x < 0 || x >= 7) return false;
          weekday = x == 0 ? 7 : static_cast<int>(x);
          break;
        case 'j':
          if (!ReadDigits(v, &val, 3, &x)) return false;
          yearday = static_cast<int>(x);
          break;
        case 'V':
        case 'U':
        case 'v':
        case 'u':
          sunday_first_n_first_week_non_iso = spec == 'U' || spec == 'V';
          strict_week_number = spec == 'V' || spec == 'v';
          if (!ReadDigits(v, &val, 2, &x) || x < 0 || (strict_week_number && x == 0) || x > 53) return false;
          week_number = static_cast<int>(x);
          break;
        case 'X':
        case 'x':
          strict_week_number_year_type = spec == 'X';
          if (!ReadDigits(v, &val, 4, &x)) return false;
          strict_week_number_year = static_cast<int>(x);
          break;
        case 'r':
          if (!ExtractDateTime("%I:%i:%S %p", v, t, &val, true)) return false;
          break;
        case 'T':
          if (!ExtractDateTime("%H:%i:%S", v, t, &val, true)) return false;
          break;
        case '.':
          while (val < v.size() && v[val] != ' ' && std::ispunct(static_cast<unsigned char>(v[val]))) val++;
          break;
        case '@':
          while (val < v.size() && std::isalpha(static_cast<unsigned char>(v[val]))) val++;
          break;
        case '#':
          while (val < v.size() && std::isdigit(static_cast<unsigned char>(v[val]))) val++;
          break;
        default:
          return false;
      }
    } else if (!IsSpaceChar(fmt[p])) {
      if (v[val] != fmt[p]) return false;
      val++;
    }
  }
  if (usa_time) {
    if (t->hour > 12 || t->hour < 1) return false;
    t->hour = t->hour % 12 + static_cast<uint32_t>(daypart);
  }
  if (sub) return true;
  if (yearday > 0) {
    int64_t days = DayNumber(t->year, 1, 1) + yearday - 1;
    if (!DateFromDayNumber(days, &t->year, &t->month, &t->day)) return false;
  }
  if (week_number >= 0 && weekday) {
    if ((strict_week_number && (strict_week_number_year < 0 ||
                                strict_week_number_year_type != sunday_first_n_first_week_non_iso)) ||
        (!strict_week_number && strict_week_number_year >= 0)) {
      return false;
    }
    int64_t days =
        DayNumber(static_cast<uint32_t>(strict_week_number ? strict_week_number_year : t->year), 1, 1);
    int weekday_b = Weekday(days, sunday_first_n_first_week_non_iso);
    if (sunday_first_n_first_week_non_iso) {
      days += ((weekday_b == 0) ? 0 : 7) - weekday_b + (week_number - 1) * 7 + weekday % 7;
    } else {
      days += ((weekday_b <= 3) ? 0 : 7) - weekday_b + (week_number - 1) * 7 + (weekday - 1);
    }
    if (!DateFromDayNumber(days, &t->year, &t->month, &t->day)) return false;
  }
  if (t->month > 12 || t->day > 31 || t->hour > 23 || t->minute > 59 || t->second > 59) return false;
  return true;
}

void StrToDate(Call& c) {
  std::string_view v = c.Str(0);
  std::string_view fmt = c.Str(1);
  bool frac;
  MysqlTime t;
  t.kind = FormatKind(fmt, &frac);
  size_t pos = 0;
  if (!ExtractDateTime(fmt, v, &t, &pos, false)) {
    std::string msg = "Incorrect datetime value: '";
    msg.append(v.substr(0, 127));
    msg.append("' for function str_to_date");
    c.Warn(1411, msg);
    return c.SetNull();
  }
  for (; pos < v.size(); pos++) {
    if (!IsSpaceChar(v[pos])) {
      WarnTruncatedTemporal(c, t, v);
      break;
    }
  }
  if (t.kind == MysqlTime::Kind::kTime) t.year = t.month = t.day = 0;
  SetTemporal(c, t, frac ? 6 : 0);
}

void GetFormat(Call& c) {
  std::string type = Utf8Upper(c.Str(0));
  std::string loc = Utf8Upper(c.Str(1));
  static const struct {
    const char* loc;
    const char* date;
    const char* datetime;
    const char* time;
  } kFormats[] = {
      {"USA", "%m.%d.%Y", "%Y-%m-%d %H.%i.%s", "%h:%i:%s %p"},
      {"JIS", "%Y-%m-%d", "%Y-%m-%d %H:%i:%s", "%H:%i:%s"},
      {"ISO", "%Y-%m-%d", "%Y-%m-%d %H:%i:%s", "%H:%i:%s"},
      {"EUR", "%d.%m.%Y", "%Y-%m-%d %H.%i.%s", "%H.%i.%s"},
      {"INTERNAL", "%Y%m%d", "%Y%m%d%H%i%s", "%H%i%s"},
  };
  for (const auto& f : kFormats) {
    if (loc != f.loc) continue;
    if (type == "DATE") return c.SetText(f.date);
    if (type == "DATETIME" || type == "TIMESTAMP") return c.SetText(f.datetime);
    if (type == "TIME") return c.SetText(f.time);
  }
  c.SetNull();
}

const ScalarDef kScalars[] = {
    {"rdb_now", 0, Now, kDeterministic},
    {"rdb_now", 1, Now, kDeterministic},
    {"rdb_sysdate", 0, Sysdate, 0},
    {"rdb_sysdate", 1, Sysdate, 0},
    {"rdb_curdate", 0, Curdate, kDeterministic},
    {"rdb_curtime", 0, Curtime, kDeterministic},
    {"rdb_curtime", 1, Curtime, kDeterministic},
    {"rdb_utc_date", 0, UtcDate, kDeterministic},
    {"rdb_utc_time", 0, UtcTime, kDeterministic},
    {"rdb_utc_time", 1, UtcTime, kDeterministic},
    {"rdb_utc_timestamp", 0, UtcTimestamp, kDeterministic},
    {"rdb_utc_timestamp", 1, UtcTimestamp, kDeterministic},
    {"rdb_date", 1, DateOf, kNullIfAnyNull | kDeterministic},
    {"rdb_time", 1, TimeOf, kNullIfAnyNull | kDeterministic},
    {"rdb_year", 1, Year, kNullIfAnyNull | kDeterministic},
    {"rdb_month", 1, Month, kNullIfAnyNull | kDeterministic},
    {"rdb_day", 1, Day, kNullIfAnyNull | kDeterministic},
    {"rdb_quarter", 1, Quarter, kNullIfAnyNull | kDeterministic},
    {"rdb_hour", 1, Hour, kNullIfAnyNull | kDeterministic},
    {"rdb_minute", 1, Minute, kNullIfAnyNull | kDeterministic},
    {"rdb_second", 1, Second, kNullIfAnyNull | kDeterministic},
    {"rdb_microsecond", 1, Microsecond, kNullIfAnyNull | kDeterministic},
    {"rdb_dayofweek", 1, DayOfWeek, kNullIfAnyNull | kDeterministic},
    {"rdb_weekday", 1, WeekdayFn, kNullIfAnyNull | kDeterministic},
    {"rdb_dayofyear", 1, DayOfYear, kNullIfAnyNull | kDeterministic},
    {"rdb_monthname", 1, MonthName, kNullIfAnyNull | kDeterministic},
    {"rdb_dayname", 1, DayName, kNullIfAnyNull | kDeterministic},
    {"rdb_last_day", 1, LastDay, kNullIfAnyNull | kDeterministic},
    {"rdb_week", 1, Week, kNullIfAnyNull | kDeterministic},
    {"rdb_week", 2, Week, kNullIfAnyNull | kDeterministic},
    {"rdb_yearweek", 1, YearWeek, kNullIfAnyNull | kDeterministic},
    {"rdb_yearweek", 2, YearWeek, kNullIfAnyNull | kDeterministic},
    {"rdb_weekofyear", 1, WeekOfYear, kNullIfAnyNull | kDeterministic},
    {"rdb_date_format", 2, DateFormat, kNullIfAnyNull | kDeterministic},
    {"rdb_date_format", 3, DateFormat, kNullIfAnyNull | kDeterministic},
    {"rdb_time_format", 2, TimeFormat, kNullIfAnyNull | kDeterministic},
    {"rdb_str_to_date", 2, StrToDate, kNullIfAnyNull | kDeterministic},
    {"rdb_get_format", 2, GetFormat, kNullIfAnyNull | kDeterministic},
};

}  // namespace

FamilyTable DatetimeFunctions() { return {kScalars, std::size(kScalars), nullptr, 0}; }

}  // namespace relaydb::sql::fn
