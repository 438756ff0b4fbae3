// The MySQL type system over relaydb's storage mapping
// (docs/architecture.md, "Storage mapping"):
//
//  * SqliteColumnDecl: the SQLite column declaration of a MySQL column.
//  * CoerceToStored: a value from a literal, a bound parameter, an
//    expression SQLite evaluated, or a row event → the value stored for a
//    column, with MariaDB 10.11's strict / non-strict semantics, errors and
//    warnings (exact numbers, SQLSTATEs and texts).
//  * StoredToValue: a stored cell → the Value the wire layer sends.
//  * ColumnMetaFor: result-set column metadata as MariaDB 10.11 sends it.
//  * DefaultFor / ImplicitDefault: column defaults.
//
// Stored forms (the Value passed to storage::Statement::BindValue):
//   TINYINT..BIGINT signed, YEAR, BIT  Int (BIT(64) keeps its bit pattern)
//   BIGINT UNSIGNED                    String, decimal text
//   TINYINT..INT UNSIGNED              Int
//   DECIMAL(p,s)                       String, canonical text, exactly s decimals
//   FLOAT / DOUBLE                     Double (FLOAT rounded to single precision)
//   CHAR..LONGTEXT, ENUM, SET, JSON    String (UTF-8; CHAR without trailing spaces;
//                                      ENUM/SET as labels, SET in declaration order)
//   BINARY..LONGBLOB                   String of bytes, bound as BLOB (BINARY NUL-padded)
//   DATE / DATETIME / TIMESTAMP        String 'YYYY-MM-DD[ hh:mm:ss[.f{fsp}]]'
//   TIME                               String '[-]hh[h]:mm:ss[.f{fsp}]'
//
// Verified against MariaDB 10.11.19 (Debian 12) — see types_test.cc, whose
// expectations were recorded from that server:
//  * integers: strings are parsed as decimals and rounded half away from
//    zero ('12.5' → 13, '2.5e0' → 3); doubles are rounded half to even
//    (2.5e0 → 2); ' 12 ' / '12 ' give Note 1265; '12abc' and '0x10' give
//    1265 (error in strict mode); 'abc', '' give 1366.
//  * DECIMAL rounding half away from zero with Note 1265 when digits are
//    lost; doubles become decimals through their shortest round-trip text.
//  * fractional seconds are TRUNCATED to the column's fsp (MariaDB default;
//    sql_mode TIME_ROUND_FRACTIONAL rounds instead); more than 6 digits
//    gives Note 1265.
//  * invalid dates in non-strict mode store the zero date with Warning
//    1265 (not 1292); zero dates with NO_ZERO_DATE in non-strict mode give
//    Warning 1264; TIMESTAMP out of range: 1292 strict / 1264 + zero.
//  * JSON is LONGTEXT + CHECK(json_valid()): invalid JSON is error 4025
//    "CONSTRAINT `t.c` failed for `db`.`t`" in every sql_mode.
//  * ENUM: invalid value (including '') → 1265 "Data truncated" (error in
//    strict mode, else '' + warning); SET members invalid likewise.
//  * BIT value too big → 1406 "Data too long" in strict mode, Warning 1264
//    + clip otherwise.
//  * TIMESTAMP is stored in UTC: values are converted from
//    CoerceContext::time_zone and the range is checked in UTC; readers
//    convert back with TimestampToZoneSql.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/mysql_types.h"
#include "common/status.h"
#include "sql/sql_mode.h"
#include "common/value.h"
#include "sql/schema.h"

struct sqlite3_value;

namespace relaydb::storage {
class Statement;
}

namespace relaydb::sql {

// sql_mode bits, MariaDB's values (the same 8 bytes binlog Query events carry).
// (the bits are in sql/sql_mode.h)

// One row of SHOW WARNINGS.
struct SqlWarning {
  enum class Level : uint8_t { kNote, kWarning, kError };
  Level level = Level::kWarning;
  uint16_t code = 0;
  std::string message;

  bool operator==(const SqlWarning& o) const {
    return level == o.level && code == o.code && message == o.message;
  }
};
// "Note", "Warning", "Error" as SHOW WARNINGS prints the level.
const char* WarningLevelName(SqlWarning::Level level);

// How a value is being stored.
struct CoerceContext {
  uint64_t sql_mode = kDefaultSqlMode;
  // INSERT IGNORE / UPDATE IGNORE: errors that strict mode would raise
  // become warnings and the clipped value is stored.
  bool ignore = false;
  // The 1-based row number MariaDB's messages print ("at row N").
  uint64_t row = 1;
  // The table, for messages naming `db`.`t`.`c`.
  std::string_view db;
  std::string_view table;
  // Where notes and warnings go (may be null: they are dropped).
  std::vector<SqlWarning>* warnings = nullptr;
  // NULL into a NOT NULL column: by default error 1048 (MariaDB, single-row
  // INSERT, any mode). When true and not strict (multi-row INSERT, UPDATE,
  // LOAD DATA), Warning 1048 and the column's implicit default is stored.
  bool null_becomes_default = false;
  // Copying rows for ALTER TABLE: MariaDB reports string-to-number
  // problems as 1292 "Truncated incorrect INTEGER value: 'x'" (DECIMAL,
  // DOUBLE), over-long strings as 1265 instead of 1406, and bad dates as
  // "Incorrect datetime value" for DATE columns too.
  bool alter_copy = false;
  // The session's current time 'YYYY-MM-DD hh:mm:ss.ffffff' for
  // CURRENT_TIMESTAMP defaults (DefaultFor); empty if not available.
  std::string_view now;
  // The session's @@time_zone ("SYSTEM", "+02:00", ...): TIMESTAMP values
  // are read as wall-clock times of this zone and stored in UTC. Empty =
  // UTC (ALTER TABLE copies, row events: the value already is UTC).
  std::string_view time_zone;

  // STRICT_TRANS_TABLES or STRICT_ALL_TABLES (all relaydb tables are
  // transactional), and not IGNORE.
  bool strict() const {
    return !ignore && (sql_mode & (kModeStrictTransTables | kModeStrictAllTables)) != 0;
  }
};

// ---------------------------------------------------------------------------
// Storage

// The SQLite column declaration, e.g. `"c" TEXT COLLATE rdb_ci NOT NULL`,
// `"id" INTEGER`, `"d" TEXT COLLATE rdb_num`. `table_collation` is the
// table's default collation (empty = server default utf8mb4_general_ci); it
// decides rdb_ci vs rdb_bin for string columns without their own collation.
std::string SqliteColumnDecl(const ColumnDef& col, std::string_view table_collation = {});
// The SQLite type part only ("INTEGER", "TEXT COLLATE rdb_num", "REAL", "BLOB", ...).
std::string SqliteColumnType(const ColumnDef& col, std::string_view table_collation = {});
// True when stored values of this column are bound as BLOB.
bool IsBlobStorage(const ColumnType& type);
// Binds a stored-form value for `col` (BLOB for binary columns).
Status BindStored(storage::Statement& stmt, int idx, const ColumnDef& col, const Value& stored);
// The collation MySQL uses for a string column: the column's own, the
// default of its CHARACTER SET, the table's, or utf8mb4_general_ci.
std::string EffectiveCollation(const ColumnType& type, std::string_view table_collation = {});
// The character set of a collation name ("utf8mb4_bin" → "utf8mb4").
std::string CharsetOfCollation(std::string_view collation);
// Text in a single-byte column charset (latin1 — MariaDB's is Windows-1252 —
// or ascii with `ascii`) converted from / to UTF-8, the stored form of text.
// Characters the charset lacks become '?', as MariaDB's conversion does.
std::string Utf8ToSingleByte(std::string_view utf8, bool ascii);
std::string SingleByteToUtf8(std::string_view bytes, bool ascii);
// Bytes per character of a column's value (MariaDB's mbmaxlen): 1 for
// binary strings and single-byte charsets, 3 utf8mb3/ucs2, 4 utf8mb4/utf16/utf32.
int MaxBytesPerChar(const ColumnType& type, std::string_view table_collation = {});
// The default collation of a character set ("latin1" → "latin1_swedish_ci").
std::string DefaultCollationOf(std::string_view charset);

// ---------------------------------------------------------------------------
// Coercion

// `in` converted to the stored form of `col` (see the table above), or the
// MariaDB error. Null input: see CoerceContext::null_becomes_default.
Result<Value> CoerceToStored(const ColumnDef& col, const Value& in, const CoerceContext& ctx);

// The value stored when a NOT NULL column gets none: 0, '', the first ENUM
// label, the zero date/time, 0 for YEAR, '' for JSON.
Value ImplicitDefault(const ColumnDef& col);

// The column's default in stored form: its literal DEFAULT, NULL (DEFAULT
// NULL or nullable without DEFAULT), CURRENT_TIMESTAMP from ctx.now, or for
// NOT NULL columns without DEFAULT error 1364 "Field 'c' doesn't have a
// default value" in strict mode / Warning 1364 + the implicit default.
// AUTO_INCREMENT columns give Null (the executor assigns the value).
// Other expression defaults (DEFAULT (expr)) give Status kNotSupported:
// the executor evaluates col.default_value itself and coerces the result.
Result<Value> DefaultFor(const ColumnDef& col, const CoerceContext& ctx);
// True for DEFAULT CURRENT_TIMESTAMP[(n)] (any spelling: now(), localtime...).
bool IsCurrentTimestampExpr(std::string_view expr);
// "current_timestamp(n)" / "current_timestamp()" as MariaDB prints it.
std::string CanonicalCurrentTimestamp(std::string_view expr);
// Validates a column's DEFAULT for CREATE/ALTER TABLE and returns the text
// SHOW CREATE TABLE prints for it, unquoted: the literal coerced to the
// column (DECIMAL with its scale, dates normalized, ENUM as the declared
// label, BIT as its decimal value, FLOAT/DOUBLE as MariaDB formats them),
// current_timestamp(n) for CURRENT_TIMESTAMP spellings, other expressions
// as written, "" for no default / DEFAULT NULL. Error 1067 42000 "Invalid
// default value for 'c'" when the literal does not fit the column (checked
// as in strict mode), for DEFAULT NULL on a NOT NULL column, a DEFAULT on
// an AUTO_INCREMENT column, or CURRENT_TIMESTAMP on a non-DATETIME/TIMESTAMP.
Result<std::string> CanonicalDefaultText(const ColumnDef& col, uint64_t sql_mode);

// MariaDB errors the executor raises itself.
Status ColumnCannotBeNull(std::string_view column);   // 1048 23000
Status NoDefaultValue(std::string_view column);       // 1364 HY000
Status OutOfRange(std::string_view column, uint64_t row);  // 1264 22003

// ---------------------------------------------------------------------------
// Reading back

enum class ValueForm : uint8_t {
  // Typed values for the binary protocol and binlog rows: integers as
  // Int/UInt, FLOAT/DOUBLE as Double, BIT as big-endian bytes, everything
  // else as canonical text/bytes.
  kTyped,
  // Like kTyped but with the text MariaDB's text protocol sends where it
  // differs: ZEROFILL padding, YEAR as 4 digits, FLOAT/DOUBLE formatted
  // (shortest / 6 significant digits / fixed (m,d) decimals).
  kText,
};
// The stored cell `v` (as SQLite returned it) as the value the wire layer
// sends. CHAR values are padded to their length when `sql_mode` has
// PAD_CHAR_TO_FULL_LENGTH.
Value StoredToValue(const ColumnDef& col, sqlite3_value* v, ValueForm form = ValueForm::kTyped,
                    uint64_t sql_mode = 0);
// Same from a result column of a statement.
Value StoredToValue(const ColumnDef& col, const storage::Statement& stmt, int column,
                    ValueForm form = ValueForm::kTyped, uint64_t sql_mode = 0);
// Same from a Value as storage returns it (storage::RowChange images,
// Statement::ColumnAsValue).
Value StoredToValue(const ColumnDef& col, const Value& stored, ValueForm form = ValueForm::kTyped,
                    uint64_t sql_mode = 0);

// The SQL for column `col`'s value in numeric context (arithmetic, a
// comparison with a number, ORDER BY for ENUM/SET), given `ref`, the SQL
// that reads the stored value: ENUM → its index (0 for the '' error value),
// SET → its bitmask, DATE → YYYYMMDD, DATETIME/TIMESTAMP →
// YYYYMMDDhhmmss[.f{fsp}], TIME → [-]hhmmss[.f{fsp}]; NULL stays NULL. The
// result is an integer, or decimal text with `*scale` (the fsp) digits when
// the column has fractional seconds (*scale = 0 otherwise). Empty for other
// columns: their stored value already is their number.
std::string NumericContextSql(const ColumnDef& col, std::string_view ref, int* scale);
// UTC offset in seconds of time zone `zone` (@@time_zone: "SYSTEM", "+hh:mm",
// "-hh:mm"; empty means UTC) at the UTC instant `utc_seconds`, or false for
// a zone relaydb cannot resolve (named zones: MariaDB has no time zone
// tables by default either).
bool ZoneOffsetAt(std::string_view zone, int64_t utc_seconds, int64_t* offset);
// True when `zone` is UTC at every instant ("+00:00", "-00:00", "", or
// SYSTEM on a UTC host): TIMESTAMP values need no conversion.
bool ZoneIsUtc(std::string_view zone);
// SQL converting stored TIMESTAMP text `ref` (UTC) to wall-clock time in
// `zone` (rdb_convert_tz; the zero timestamp stays zero). `ref` itself when
// ZoneIsUtc(zone).
std::string TimestampToZoneSql(std::string_view ref, std::string_view zone);

// MariaDB's max_length of that number (digits, sign and point: DATE 9,
// TIME 8, DATETIME 15, +fsp+1 with fractions; ENUM/SET their longest text
// + 1), which decides INT vs BIGINT result metadata; -1 for other columns.
int NumericContextLength(const ColumnType& type);

// MariaDB's text for a DOUBLE without (m,d): shortest round-trip digits,
// fixed notation for exponents -15 < e < 15 (1e15 → "1e15",
// 1e14 → "100000000000000", 1e-7 → "0.0000001").
std::string FormatDoubleMariaDB(double v);
// MariaDB's text for a FLOAT without (m,d): 6 significant digits, same
// layout rules (16777216 → "16777200", 1.1f → "1.1").
std::string FormatFloatMariaDB(float v);

// ---------------------------------------------------------------------------
// Metadata

// Result-set column metadata for a column read directly from a table.
// `alias`/`table_alias` empty = the column's/table's own name.
ColumnMeta ColumnMetaFor(const TableDef& table, const ColumnDef& col, std::string_view alias = {},
                         std::string_view table_alias = {});
// The column flags MariaDB reports for `col` of `table` (NOT_NULL, keys,
// UNSIGNED, BINARY, BLOB, ...), including PART_KEY (16384).
uint16_t ColumnFlagsFor(const TableDef& table, const ColumnDef& col);
inline constexpr uint16_t kPartKeyFlag = 16384;
// The wire field type of a column type.
FieldType FieldTypeOf(const ColumnType& type);
// The display width MariaDB prints for integers (INT → 11, INT UNSIGNED
// → 10, ...): the declared one, or the default for the type.
int32_t IntegerDisplayWidth(const ColumnType& type);
// Maximum length in characters of a string column (CHAR/VARCHAR n, TEXT
// family bytes, ENUM/SET longest value).
uint64_t CharacterMaxLength(const ColumnType& type);

// The "primary key" MariaDB reports for DESCRIBE / flags: the PRIMARY KEY,
// or else the first UNIQUE key (in MariaDB's key order) whose columns are
// all NOT NULL and have no prefix. Index into table.indexes, or -1.
int EffectivePrimaryKey(const TableDef& table);

}  // namespace relaydb::sql
