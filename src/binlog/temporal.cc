// Temporal text and binary forms. See temporal.h.
#include "binlog/temporal.h"

#include <cstdio>

namespace relaydb::binlog {
namespace {

constexpr uint32_t kPow10[7] = {1, 10, 100, 1000, 10000, 100000, 1000000};
constexpr uint64_t kDatetimeIntOfs = 0x8000000000ULL;
constexpr int64_t kTimeIntOfs = 0x800000LL;
constexpr int64_t kTimeOfs = 0x800000000000LL;

Status Malformed(const char* what, std::string_view text) {
  return Status::InvalidArgument(std::string("malformed ") + what + " '" + std::string(text) + "'");
}

// Reads exactly `n` digits at *i.
bool Digits(std::string_view s, size_t* i, size_t n, uint32_t* out) {
  if (*i + n > s.size()) return false;
  uint32_t v = 0;
  for (size_t k = 0; k < n; k++) {
    const char c = s[*i + k];
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint32_t>(c - '0');
  }
  *i += n;
  *out = v;
  return true;
}

// Optional ".digits" at *i: microseconds truncated to `fsp` digits.
bool Fraction(std::string_view s, size_t* i, int fsp, uint32_t* micro) {
  *micro = 0;
  if (*i == s.size()) return true;
  if (s[*i] != '.') return false;
  size_t k = *i + 1;
  uint32_t v = 0;
  size_t n = 0;
  while (k < s.size() && s[k] >= '0' && s[k] <= '9') {
    if (n < 6) {
      v = v * 10 + static_cast<uint32_t>(s[k] - '0');
      n++;
    }
    k++;
  }
  if (k == *i + 1) return false;
  *i = k;
  v *= kPow10[6 - n];
  const int keep = fsp < 0 ? 0 : (fsp > 6 ? 6 : fsp);
  *micro = v / kPow10[6 - keep] * kPow10[6 - keep];
  return true;
}

std::string FractionText(uint32_t micro, int fsp) {
  if (fsp <= 0) return "";
  char buf[8];
  std::snprintf(buf, sizeof buf, "%06u", micro % 1000000);
  return "." + std::string(buf, static_cast<size_t>(fsp > 6 ? 6 : fsp));
}

void PutFraction(uint32_t micro, int fsp, ByteWriter* w) {
  switch (fsp) {
    case 1:
    case 2:
      w->U8(static_cast<uint8_t>(micro / 10000));
      break;
    case 3:
    case 4:
      w->UintBE(micro / 100, 2);
      break;
    case 5:
    case 6:
      w->UintBE(micro, 3);
      break;
    default:
      break;
  }
}

Status GetFraction(ByteReader* r, int fsp, uint32_t* micro) {
  uint64_t v = 0;
  *micro = 0;
  switch (fsp) {
    case 0:
      return Status::Ok();
    case 1:
    case 2:
      RETURN_IF_ERROR(r->ReadUintBE(1, &v));
      v *= 10000;
      break;
    case 3:
    case 4:
      RETURN_IF_ERROR(r->ReadUintBE(2, &v));
      v *= 100;
      break;
    case 5:
    case 6:
      RETURN_IF_ERROR(r->ReadUintBE(3, &v));
      break;
    default:
      return Status::Corruption("fractional seconds precision " + std::to_string(fsp) + " above 6");
  }
  if (v >= 1000000)
    return Status::Corruption("fractional seconds " + std::to_string(v) + " out of range");
  *micro = static_cast<uint32_t>(v);
  return Status::Ok();
}

}  // namespace

int64_t DaysFromCivil(int64_t y, uint32_t m, uint32_t d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void CivilFromDays(int64_t z, int64_t* year, uint32_t* month, uint32_t* day) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  *day = static_cast<uint32_t>(doy - (153 * mp + 2) / 5 + 1);
  *month = static_cast<uint32_t>(mp < 10 ? mp + 3 : mp - 9);
  *year = yoe + era * 400 + (*month <= 2);
}

Status ParseDate(std::string_view s, TemporalParts* p) {
  size_t i = 0;
  *p = TemporalParts{};
  if (!Digits(s, &i, 4, &p->year) || i >= s.size() || s[i++] != '-' ||
      !Digits(s, &i, 2, &p->month) || i >= s.size() || s[i++] != '-' ||
      !Digits(s, &i, 2, &p->day) || i != s.size() || p->month > 12 || p->day > 31) {
    return Malformed("date", s);
  }
  return Status::Ok();
}

Status ParseDatetime(std::string_view s, int fsp, TemporalParts* p) {
  if (s.size() == 10) return ParseDate(s, p);
  if (s.size() < 19 || (s[10] != ' ' && s[10] != 'T')) return Malformed("datetime", s);
  RETURN_IF_ERROR(ParseDate(s.substr(0, 10), p));
  size_t i = 11;
  if (!Digits(s, &i, 2, &p->hour) || s[i++] != ':' || !Digits(s, &i, 2, &p->minute) ||
      i >= s.size() || s[i++] != ':' || !Digits(s, &i, 2, &p->second) ||
      !Fraction(s, &i, fsp, &p->micro) || i != s.size() || p->hour > 23 || p->minute > 59 ||
      p->second > 59) {
    return Malformed("datetime", s);
  }
  return Status::Ok();
}

Status ParseTime(std::string_view s, int fsp, TemporalParts* p) {
  *p = TemporalParts{};
  size_t i = 0;
  if (i < s.size() && s[i] == '-') {
    p->negative = true;
    i++;
  }
  const size_t hs = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') i++;
  size_t h = hs;
  if (i == hs || i - hs > 3 || !Digits(s, &h, i - hs, &p->hour) || i >= s.size() || s[i++] != ':' ||
      !Digits(s, &i, 2, &p->minute) || i >= s.size() || s[i++] != ':' ||
      !Digits(s, &i, 2, &p->second) || !Fraction(s, &i, fsp, &p->micro) || i != s.size() ||
      p->hour > 838 || p->minute > 59 || p->second > 59) {
    return Malformed("time", s);
  }
  if (p->hour == 0 && p->minute == 0 && p->second == 0 && p->micro == 0) p->negative = false;
  return Status::Ok();
}

std::string FormatDate(const TemporalParts& p) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04u-%02u-%02u", p.year % 10000, p.month % 100, p.day % 100);
  return buf;
}

std::string FormatDatetime(const TemporalParts& p, int fsp) {
  char buf[32];
  std::snprintf(buf, sizeof buf, " %02u:%02u:%02u", p.hour % 100, p.minute % 100, p.second % 100);
  return FormatDate(p) + buf + FractionText(p.micro, fsp);
}

std::string FormatTime(const TemporalParts& p, int fsp) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s%02u:%02u:%02u", p.negative ? "-" : "", p.hour % 10000,
                p.minute % 100, p.second % 100);
  return buf + FractionText(p.micro, fsp);
}

void PackDate(const TemporalParts& p, std::string* out) {
  ByteWriter(out).U24(p.day | p.month << 5 | p.year << 9);
}

Status UnpackDate(ByteReader* r, TemporalParts* p) {
  uint32_t v = 0;
  RETURN_IF_ERROR(r->ReadU24(&v));
  *p = TemporalParts{};
  p->day = v & 31;
  p->month = (v >> 5) & 15;
  p->year = v >> 9;
  return Status::Ok();
}

void PackDatetime2(const TemporalParts& p, int fsp, std::string* out) {
  const uint64_t ymd = (static_cast<uint64_t>(p.year) * 13 + p.month) << 5 | p.day;
  const uint64_t hms = p.hour << 12 | p.minute << 6 | p.second;
  ByteWriter w(out);
  w.UintBE((ymd << 17 | hms) + kDatetimeIntOfs, 5);
  PutFraction(p.micro, fsp, &w);
}

Status UnpackDatetime2(ByteReader* r, int fsp, TemporalParts* p) {
  uint64_t v = 0;
  RETURN_IF_ERROR(r->ReadUintBE(5, &v));
  if (v < kDatetimeIntOfs) return Status::Corruption("DATETIME2 value below its offset");
  v -= kDatetimeIntOfs;
  *p = TemporalParts{};
  const uint64_t ymd = v >> 17, hms = v & 0x1ffff;
  const uint64_t ym = ymd >> 5;
  p->day = static_cast<uint32_t>(ymd & 31);
  p->month = static_cast<uint32_t>(ym % 13);
  p->year = static_cast<uint32_t>(ym / 13);
  p->second = static_cast<uint32_t>(hms & 63);
  p->minute = static_cast<uint32_t>((hms >> 6) & 63);
  p->hour = static_cast<uint32_t>(hms >> 12);
  return GetFraction(r, fsp, &p->micro);
}

void PackTime2(const TemporalParts& p, int fsp, std::string* out) {
  const int64_t hms = static_cast<int64_t>(p.hour) << 12 | p.minute << 6 | p.second;
  const int keep = fsp < 0 ? 0 : (fsp > 6 ? 6 : fsp);
  const uint32_t micro = p.micro / kPow10[6 - keep] * kPow10[6 - keep];
  int64_t packed = (hms << 24) + micro;
  if (p.negative) packed = -packed;
  ByteWriter w(out);
  // Arithmetic shift floors and % truncates, as MySQL's
  // MY_PACKED_TIME_GET_INT_PART / GET_FRAC_PART do.
  const int64_t int_part = packed >> 24;
  const int64_t frac_part = packed % (int64_t{1} << 24);
  switch (fsp) {
    case 1:
    case 2:
      w.UintBE(static_cast<uint64_t>(kTimeIntOfs + int_part), 3);
      w.U8(static_cast<uint8_t>(static_cast<int8_t>(frac_part / 10000)));
      break;
    case 3:
    case 4:
      w.UintBE(static_cast<uint64_t>(kTimeIntOfs + int_part), 3);
      w.UintBE(static_cast<uint16_t>(static_cast<int16_t>(frac_part / 100)), 2);
      break;
    case 5:
    case 6:
      w.UintBE(static_cast<uint64_t>(packed + kTimeOfs), 6);
      break;
    default:
      w.UintBE(static_cast<uint64_t>(kTimeIntOfs + int_part), 3);
      break;
  }
}

Status UnpackTime2(ByteReader* r, int fsp, TemporalParts* p) {
  int64_t packed = 0;
  uint64_t v = 0;
  switch (fsp) {
    case 0: {
      RETURN_IF_ERROR(r->ReadUintBE(3, &v));
      packed = (static_cast<int64_t>(v) - kTimeIntOfs) * (int64_t{1} << 24);
      break;
    }
    case 1:
    case 2:
    case 3:
    case 4: {
      RETURN_IF_ERROR(r->ReadUintBE(3, &v));
      int64_t int_part = static_cast<int64_t>(v) - kTimeIntOfs;
      uint64_t f = 0;
      const bool small = fsp <= 2;
      RETURN_IF_ERROR(r->ReadUintBE(small ? 1 : 2, &f));
      int64_t frac = static_cast<int64_t>(f);
      if (int_part < 0 && frac != 0) {
        // Negative fractions are stored as 0x100 - frac (0x10000 - frac).
        int_part++;
        frac -= small ? 0x100 : 0x10000;
      }
      packed = int_part * (int64_t{1} << 24) + frac * (small ? 10000 : 100);
      break;
    }
    case 5:
    case 6: {
      RETURN_IF_ERROR(r->ReadUintBE(6, &v));
      packed = static_cast<int64_t>(v) - kTimeOfs;
      break;
    }
    default:
      return Status::Corruption("TIME2 precision " + std::to_string(fsp) + " above 6");
  }
  *p = TemporalParts{};
  p->negative = packed < 0;
  const uint64_t a = static_cast<uint64_t>(packed < 0 ? -packed : packed);
  const uint64_t hms = a >> 24;
  p->micro = static_cast<uint32_t>(a & 0xffffff);
  if (p->micro >= 1000000) return Status::Corruption("TIME2 fraction out of range");
  p->hour = static_cast<uint32_t>((hms >> 12) & 0x3ff);
  p->minute = static_cast<uint32_t>((hms >> 6) & 63);
  p->second = static_cast<uint32_t>(hms & 63);
  return Status::Ok();
}

void PackTimestamp2(uint32_t seconds, uint32_t micro, int fsp, std::string* out) {
  ByteWriter w(out);
  w.UintBE(seconds, 4);
  PutFraction(micro, fsp, &w);
}

Status UnpackTimestamp2(ByteReader* r, int fsp, uint32_t* seconds, uint32_t* micro) {
  uint64_t v = 0;
  RETURN_IF_ERROR(r->ReadUintBE(4, &v));
  *seconds = static_cast<uint32_t>(v);
  return GetFraction(r, fsp, micro);
}

Status ParseTimestampValue(std::string_view s, int fsp, uint32_t* seconds, uint32_t* micro) {
  size_t i = 0;
  uint64_t v = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
    v = v * 10 + static_cast<uint64_t>(s[i] - '0');
    if (v > UINT32_MAX) return Malformed("timestamp value", s);
    i++;
  }
  if (i == 0 || !Fraction(s, &i, fsp, micro) || i != s.size())
    return Malformed("timestamp value", s);
  *seconds = static_cast<uint32_t>(v);
  return Status::Ok();
}

std::string FormatTimestampValue(uint32_t seconds, uint32_t micro, int fsp) {
  return std::to_string(seconds) + FractionText(micro, fsp);
}

Result<std::string> UtcDatetimeToTimestampValue(std::string_view datetime, int fsp) {
  TemporalParts p;
  RETURN_IF_ERROR(ParseDatetime(datetime, fsp, &p));
  if (p.year == 0 && p.month == 0 && p.day == 0) {
    if (p.hour || p.minute || p.second || p.micro) return Malformed("timestamp", datetime);
    return FormatTimestampValue(0, 0, fsp);
  }
  if (p.month == 0 || p.day == 0) return Malformed("timestamp", datetime);
  const int64_t secs =
      DaysFromCivil(p.year, p.month, p.day) * 86400 + p.hour * 3600 + p.minute * 60 + p.second;
  if (secs <= 0 || secs > UINT32_MAX) {
    return Status::InvalidArgument("datetime '" + std::string(datetime) +
                                   "' is out of TIMESTAMP range");
  }
  return FormatTimestampValue(static_cast<uint32_t>(secs), p.micro, fsp);
}

Result<std::string> TimestampValueToUtcDatetime(std::string_view value, int fsp) {
  uint32_t secs = 0, micro = 0;
  RETURN_IF_ERROR(ParseTimestampValue(value, fsp, &secs, &micro));
  TemporalParts p;
  if (secs != 0 || micro != 0) {
    int64_t y = 0;
    CivilFromDays(secs / 86400, &y, &p.month, &p.day);
    p.year = static_cast<uint32_t>(y);
    const uint32_t t = secs % 86400;
    p.hour = t / 3600;
    p.minute = t / 60 % 60;
    p.second = t % 60;
    p.micro = micro;
  }
  return FormatDatetime(p, fsp);
}

}  // namespace relaydb::binlog
