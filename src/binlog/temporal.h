// Temporal values in row images (docs/binlog_format.md, "Temporal types"):
// their canonical text forms, and the packed binary forms MariaDB 10.11
// writes with mysql56_temporal_format=ON (sql/compat56.cc):
//
//   DATE        3 bytes LE: day | month << 5 | year << 9
//   DATETIME2   5 bytes BE: 0x8000000000 + ((year*13+month) << 22 |
//               day << 17 | hour << 12 | minute << 6 | second), then the
//               fraction (below)
//   TIMESTAMP2  4 bytes BE seconds since the epoch, then the fraction
//   TIME2       3 bytes BE: 0x800000 + (hour << 12 | minute << 6 | second)
//               (negated for negative times), then the fraction; fsp 5-6
//               store the whole 6-byte packed value instead
//   fraction    fsp 1-2: 1 byte (microseconds / 10000); 3-4: 2 bytes BE
//               (/ 100); 5-6: 3 bytes BE; negative TIME2 fractions are
//               stored in reverse order so the bytes sort like the values.
//
// Old types (MySQL < 5.6): TIMESTAMP 4 bytes LE seconds, DATETIME 8 bytes LE
// YYYYMMDDhhmmss, TIME 3 bytes LE signed hhmmss.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/bytes.h"
#include "common/status.h"

namespace relaydb::binlog {

struct TemporalParts {
  bool negative = false;  // TIME only
  uint32_t year = 0, month = 0, day = 0;
  uint32_t hour = 0, minute = 0, second = 0;  // TIME hours go up to 838
  uint32_t micro = 0;
};

// 'YYYY-MM-DD'.
Status ParseDate(std::string_view text, TemporalParts* p);
// 'YYYY-MM-DD hh:mm:ss[.f]' or 'YYYY-MM-DD' (midnight). More than `fsp`
// fractional digits are truncated, as MariaDB does by default.
Status ParseDatetime(std::string_view text, int fsp, TemporalParts* p);
// '[-]h[hh]:mm:ss[.f]' (hours up to 838).
Status ParseTime(std::string_view text, int fsp, TemporalParts* p);
std::string FormatDate(const TemporalParts& p);
// With exactly `fsp` fractional digits (none and no point for 0).
std::string FormatDatetime(const TemporalParts& p, int fsp);
std::string FormatTime(const TemporalParts& p, int fsp);

void PackDate(const TemporalParts& p, std::string* out);
Status UnpackDate(ByteReader* r, TemporalParts* p);
void PackDatetime2(const TemporalParts& p, int fsp, std::string* out);
Status UnpackDatetime2(ByteReader* r, int fsp, TemporalParts* p);
void PackTime2(const TemporalParts& p, int fsp, std::string* out);
Status UnpackTime2(ByteReader* r, int fsp, TemporalParts* p);
void PackTimestamp2(uint32_t seconds, uint32_t micro, int fsp, std::string* out);
Status UnpackTimestamp2(ByteReader* r, int fsp, uint32_t* seconds, uint32_t* micro);

// The TIMESTAMP value form of row_codec.h: "<seconds since the epoch>" plus
// ".<fsp digits>" when fsp > 0 ("1700000000.123"); "0" is the zero
// timestamp. Parse accepts any 0-6 fractional digits and truncates to fsp.
Status ParseTimestampValue(std::string_view text, int fsp, uint32_t* seconds, uint32_t* micro);
std::string FormatTimestampValue(uint32_t seconds, uint32_t micro, int fsp);

// Conversions between the TIMESTAMP value form and UTC datetime text, for
// a caller whose session time zone is UTC ('1970-01-01 00:00:01' <->
// "1"; the zero datetime <-> "0").
Result<std::string> UtcDatetimeToTimestampValue(std::string_view datetime, int fsp);
Result<std::string> TimestampValueToUtcDatetime(std::string_view value, int fsp);

// Days since 1970-01-01 of a proleptic Gregorian date, and back.
int64_t DaysFromCivil(int64_t year, uint32_t month, uint32_t day);
void CivilFromDays(int64_t days, int64_t* year, uint32_t* month, uint32_t* day);

}  // namespace relaydb::binlog
