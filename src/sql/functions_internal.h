// Shared machinery of the function library (functions*.cc): the per-call
// view of a SQLite invocation with MySQL's argument coercions, result
// setters, warnings, MySQL number parsing/printing, UTF-8 and
// utf8mb4_general_ci case/weight tables, temporal values, and the
// registration tables each family file contributes. Not part of the public
// API (functions.h); only functions*.cc include it.
#pragma once

#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sql/decimal.h"
#include "sql/functions.h"

namespace relaydb::sql::fn {

// ---------------------------------------------------------------------------
// MySQL number text conventions.

// How a string converted to a number: cleanly, with only trailing spaces
// left (MariaDB: a Note), or with garbage / no digits / overflow (a Warning).
enum class Conv : uint8_t { kOk, kTrailingSpace, kTruncated };

// MySQL's string → DOUBLE (my_strntod): leading spaces, sign, digits, '.',
// exponent; the longest numeric prefix. Overflow gives ±DBL_MAX (kTruncated).
double ParseDouble(std::string_view s, Conv* conv);
// MySQL's string → integer (my_strtoll10 + check): the integer prefix
// ('1.5' → 1, '1e3' → 1, both kTruncated). Values above INT64_MAX and up to
// UINT64_MAX come back as their uint64 bit pattern with *is_unsigned set;
// beyond that: UINT64_MAX / INT64_MIN and kTruncated.
int64_t ParseInt(std::string_view s, Conv* conv, bool* is_unsigned);
// True if `s` is a plain exact number: [spaces][sign]digits[.digits][spaces].
bool LooksExactNumber(std::string_view s);

// MySQL's DOUBLE → text with no fixed decimals (my_gcvt with a wide field,
// as CONCAT(x) and the text protocol print a double): shortest digits,
// positional for exponents -15 < e < 15 (or when every digit is significant
// there), else "1.5e20" / "1e-16".
void AppendDouble(double v, std::string* out);
std::string FormatDouble(double v);
// A FLOAT column's value as MariaDB prints it: 6 significant digits, laid
// out as AppendDouble does (0.333333, 3.4e38, 10000000000).
void AppendFloat(float v, std::string* out);
// DOUBLE → text with exactly `decimals` digits after the point (my_fcvt).
void AppendDoubleFixed(double v, int decimals, std::string* out);
void AppendInt(int64_t v, std::string* out);
void AppendUint(uint64_t v, std::string* out);

// my_double_round: ROUND/TRUNCATE(double, d) with rint (half to even).
double RoundDouble(double value, int64_t dec, bool dec_unsigned, bool truncate);

// ---------------------------------------------------------------------------
// UTF-8 and utf8mb4_general_ci.

// Decodes one character at *p (advancing it). Malformed bytes decode as
// themselves (one byte each), like MariaDB treats bad input as opaque.
char32_t DecodeUtf8(const char** p, const char* end);
void AppendUtf8(char32_t c, std::string* out);
size_t Utf8Length(std::string_view s);
// Byte offset of the character number `n` (0-based); s.size() if beyond.
size_t Utf8Offset(std::string_view s, size_t n);
// Byte length of the character starting with `lead`.
inline size_t Utf8SeqLen(unsigned char lead) {
  return lead < 0x80 ? 1 : lead < 0xC2 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : lead < 0xF5 ? 4 : 1;
}

// utf8mb4_general_ci tables (generated from MariaDB 10.11).
char32_t ToUpper(char32_t c);
char32_t ToLower(char32_t c);
uint16_t CiWeight(char32_t c);
std::string Utf8Upper(std::string_view s);
std::string Utf8Lower(std::string_view s);
// general_ci comparison (PAD SPACE: trailing spaces ignored): -1, 0, 1.
int CiCompare(std::string_view a, std::string_view b);
// Byte comparison with PAD SPACE (binary/utf8mb4_bin).
int BinCompare(std::string_view a, std::string_view b);
// Case-insensitive search of `needle` in `hay` starting at byte `from`;
// returns the byte offset or npos. Binary mode compares bytes.
size_t CiFind(std::string_view hay, std::string_view needle, size_t from, bool binary);

// ---------------------------------------------------------------------------
// Temporal values.

struct MysqlTime {
  enum class Kind : uint8_t { kNone, kDate, kDatetime, kTime };
  uint32_t year = 0, month = 0, day = 0;
  uint32_t hour = 0, minute = 0, second = 0;  // hour up to 838 for kTime
  uint32_t micro = 0;
  bool neg = false;  // kTime only
  Kind kind = Kind::kNone;
  int fsp = 0;  // digits of fraction present in the input (0..6)
};

// Outcome of reading a temporal value.
enum class TimeConv : uint8_t {
  kOk,
  kNote,       // a value was read; fraction digits beyond 6 were dropped (note 1292)
  kTruncated,  // a value was read but input was left over / adjusted (warning 1292)
  kInvalid,    // the text is a date/time with invalid parts (warning 1292, result NULL)
  kNone,       // the text has no date structure at all (ParseDatetime only)
};

// MySQL str_to_datetime: 'YYYY-MM-DD[ hh:mm:ss[.f]]', 'YYYYMMDD[hhmmss[.f]]',
// 'YY-MM-DD', any punctuation as delimiter, 'T' between date and time.
// Produces kDate or kDatetime. Checks ranges (month <= 12, day <= days in
// month unless allow_invalid); zero dates/parts are kept. `datetime_only`
// (str_to_time's probe) refuses punctuation between date and time.
// Returns kNone when the text is not date-shaped (fewer than 3 parts).
TimeConv ParseDatetime(std::string_view s, MysqlTime* t, bool allow_invalid = false,
                       bool datetime_only = false);
// MySQL str_to_time: '[-][D ]hh:mm:ss[.f]', 'hhmmss', 'mm:ss', or a
// datetime (then only its time part). kTime; hours clamp to 838:59:59.
TimeConv ParseTime(std::string_view s, MysqlTime* t);
// Numbers as dates (20240229, 20240229130509, 240229) and times (130509).
TimeConv DatetimeFromNumber(int64_t n, MysqlTime* t);
TimeConv TimeFromNumber(int64_t n, uint32_t micro, bool neg, MysqlTime* t);
// Canonical text: "YYYY-MM-DD", "YYYY-MM-DD hh:mm:ss[.f]", "[-]hh:mm:ss[.f]".
void AppendTemporal(const MysqlTime& t, int fsp, std::string* out);
std::string FormatTemporal(const MysqlTime& t, int fsp);

bool IsLeapYear(uint32_t y);
uint32_t DaysInMonth(uint32_t y, uint32_t m);
// calc_daynr: day number since year 0 (0000-01-01 is day 1 in MySQL's count;
// TO_DAYS('0000-01-01') = 1). Zero date gives 0.
int64_t DayNumber(uint32_t y, uint32_t m, uint32_t d);
// Inverse of DayNumber (get_date_from_daynr); false if out of range.
bool DateFromDayNumber(int64_t daynr, uint32_t* y, uint32_t* m, uint32_t* d);
// 0 = Monday .. 6 = Sunday (calc_weekday with sunday_first_day_of_week = false).
int Weekday(int64_t daynr, bool sunday_first);

// ---------------------------------------------------------------------------
// Temporal arguments and results (functions_datetime.cc), shared by the date
// and interval function files.

class Call;

constexpr int64_t kDaysAtEpoch = 719528;       // DayNumber(1970, 1, 1)
constexpr int64_t kMaxTimestamp = 2147483647;  // TIMESTAMP's last second
// calc_week behaviour bits.
constexpr uint32_t kWeekMondayFirst = 1;
constexpr uint32_t kWeekYear = 2;
constexpr uint32_t kWeekFirstWeekday = 4;

extern const char* const kMonthNames[12];
extern const char* const kMonthAbbr[12];
extern const char* const kDayNames[7];  // Monday first
extern const char* const kDayAbbr[7];

enum class DateMode : uint8_t {
  kFuzzy,    // zero dates and zero parts accepted (YEAR, DATE, DATE_FORMAT ...)
  kNoZeros,  // zero date or a zero month/day is an incorrect value (TO_DAYS, WEEK ...)
};

bool IsZeroDate(const MysqlTime& t);
int64_t DayNr(const MysqlTime& t);
// Splits a double into integer part, microseconds and sign.
void SplitDouble(double v, int64_t* ip, uint32_t* micro, bool* neg);
// Fraction digits of a number's text, at most 6.
int FractionDigits(std::string_view s);
// "Truncated incorrect date/time/datetime value: 's'" (1292) by t.kind.
void WarnTruncatedTemporal(Call& c, const MysqlTime& t, std::string_view s,
                           WarningLevel level = WarningLevel::kWarning);
// Warns as `r` says (kTruncated: warning, kNote: note).
void WarnConv(Call& c, TimeConv r, const MysqlTime& t, std::string_view s);
// Argument i as a DATE/DATETIME; on failure warns 1292 and returns false.
bool GetDatetime(Call& c, int i, MysqlTime* t, DateMode mode);
// Argument i as a TIME (str_to_time rules; datetimes give their time part).
bool GetTime(Call& c, int i, MysqlTime* t);
// Date or time (EXTRACT): a datetime if the text is date-shaped, else a time.
bool GetHybrid(Call& c, int i, MysqlTime* t);
// Canonical TIME text: [-]h+:mm:ss[.f].
bool LooksLikeTime(std::string_view s);
// "d+<punct>d+<punct>d+" at the start.
bool LooksLikeDate(std::string_view s);
bool ArgIsTime(Call& c, int i);
void SetTemporal(Call& c, const MysqlTime& t, int fsp);
// Wall-clock fields of `local_micros` since the epoch (already shifted to local time).
MysqlTime FromLocalMicros(int64_t local_micros);
// Seconds of a local datetime as if it were UTC.
int64_t LocalSeconds(const MysqlTime& t);
uint32_t TruncateMicro(uint32_t micro, int fsp);
// The session's local time for a UTC instant.
MysqlTime NowLocal(Call& c, int64_t utc_micros);
// calc_week / week_mode.
uint32_t CalcWeek(const MysqlTime& t, uint32_t behaviour, uint32_t* year);
uint32_t WeekMode(uint32_t mode);
// make_date_time (DATE_FORMAT): false when a specifier cannot apply (NULL).
bool MakeDateTime(std::string_view fmt, const MysqlTime& t, bool is_time, std::string* out);

// ---------------------------------------------------------------------------
// One invocation.

// The sqlite3 user data of every registered function.
struct FunctionData {
  FunctionContextProvider* provider = nullptr;
  void (*impl)(class Call&) = nullptr;
  bool null_if_any_null = false;
  const char* name = "";
};

FunctionContext* DefaultContext();

class Call {
 public:
  Call(sqlite3_context* ctx, int argc, sqlite3_value** argv);

  sqlite3_context* ctx() const { return ctx_; }
  FunctionContext& session() const { return *session_; }
  int argc() const { return argc_; }
  sqlite3_value* arg(int i) const { return argv_[i]; }
  int type(int i) const { return sqlite3_value_type(argv_[i]); }
  bool is_null(int i) const { return type(i) == SQLITE_NULL; }
  bool is_blob(int i) const { return type(i) == SQLITE_BLOB; }
  bool is_text(int i) const { return type(i) == SQLITE_TEXT; }
  bool is_int(int i) const { return type(i) == SQLITE_INTEGER; }
  bool is_real(int i) const { return type(i) == SQLITE_FLOAT; }
  bool any_null() const;

  // MySQL val_int: INTEGER as is; REAL rounded with rint (overflow saturates);
  // TEXT/BLOB per ParseInt with warning 1292 "Truncated incorrect INTEGER value".
  // `*is_unsigned` (optional) reports a TEXT value in the unsigned-only range.
  int64_t Int(int i, bool* is_unsigned = nullptr);
  // MySQL val_real: TEXT via ParseDouble with "Truncated incorrect DOUBLE value".
  double Double(int i);
  // MySQL val_str: TEXT/BLOB bytes; INTEGER digits; REAL per AppendDouble.
  // The view stays valid for the rest of the call (numbers are formatted
  // into per-argument buffers).
  std::string_view Str(int i);
  // MySQL val_decimal: TEXT via Decimal::Parse with "Truncated incorrect
  // DECIMAL value"; REAL via the shortest text.
  Decimal Dec(int i);
  // Boolean test as MySQL: numeric value != 0 (strings through ParseDouble).
  bool Truth(int i);

  // Results. After Error(), further result calls are ignored.
  void SetNull();
  void SetInt(int64_t v);
  void SetUnsigned(uint64_t v);  // INTEGER if it fits, else decimal TEXT
  void SetDouble(double v);      // NaN/inf → NULL
  void SetText(std::string_view s);
  void SetBlob(std::string_view s);
  void SetString(std::string_view s, bool binary) { binary ? SetBlob(s) : SetText(s); }
  void SetDecimal(const Decimal& d);
  void SetValue(const Value& v);
  // Passes argument i through unchanged.
  void SetArg(int i) {
    if (!failed_) sqlite3_result_value(ctx_, argv_[i]);
  }

  // Pushes a diagnostic to the session, or — when the session aborts on
  // warnings (strict DML) and this is a Warning — fails the call with it.
  void Warn(uint16_t code, std::string_view message, WarningLevel level = WarningLevel::kWarning);
  // "Truncated incorrect <what> value: '<s>'" (1292) at the level `conv` implies.
  void WarnTruncated(std::string_view what, std::string_view s, Conv conv);
  // "Division by 0" (1365), when ERROR_FOR_DIVISION_BY_ZERO is set.
  void WarnDivByZero();
  // "Incorrect <what> value: '<s>'" (1292).
  void WarnIncorrect(std::string_view what, std::string_view s);
  // Fails the call with a MySQL error.
  void Error(uint16_t code, std::string_view sqlstate, std::string message);
  bool failed() const { return failed_; }

  // Per-statement cache for a constant argument (sqlite3_get_auxdata).
  void* aux(int i) const { return sqlite3_get_auxdata(ctx_, i); }
  void set_aux(int i, void* p, void (*del)(void*)) { sqlite3_set_auxdata(ctx_, i, p, del); }

 private:
  sqlite3_context* ctx_;
  int argc_;
  sqlite3_value** argv_;
  FunctionContext* session_;
  bool failed_ = false;
  // Text of numeric arguments (Str on INTEGER/REAL): inline for the first
  // few arguments, so the per-row path does not allocate.
  static constexpr int kInlineArgs = 4;
  struct NumText {
    char buf[32];
    size_t len = 0;
  };
  NumText inline_text_[kInlineArgs];
  std::vector<std::string> more_text_;
};

FunctionContext* SessionOf(sqlite3_context* ctx);

// ---------------------------------------------------------------------------
// Registration tables. Each family file defines one.

enum RegFlag : uint8_t {
  kNullIfAnyNull = 1,  // the wrapper returns NULL if any argument is NULL
  kDeterministic = 2,  // SQLITE_DETERMINISTIC
};

struct ScalarDef {
  const char* name;
  int nargs;  // -1: variadic
  void (*impl)(Call&);
  uint8_t flags;
};

struct AggregateDef {
  const char* name;
  int nargs;
  void (*step)(sqlite3_context*, int, sqlite3_value**);
  void (*final)(sqlite3_context*);
};

struct FamilyTable {
  const ScalarDef* scalars;
  size_t n_scalars;
  const AggregateDef* aggregates;
  size_t n_aggregates;
};

FamilyTable StringFunctions();
FamilyTable EncodingFunctions();
FamilyTable PatternFunctions();
FamilyTable NumericFunctions();
FamilyTable DatetimeFunctions();
FamilyTable IntervalFunctions();
FamilyTable MiscFunctions();
FamilyTable JsonFunctions();
FamilyTable AggregateFunctions();

// Reads a value of argument `v` as MySQL val_str would (helper for
// aggregates, which have no Call).
void AppendValueText(sqlite3_value* v, std::string* out);

}  // namespace relaydb::sql::fn
