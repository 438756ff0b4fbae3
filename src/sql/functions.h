// MySQL's built-in function library as SQLite application-defined functions.
//
// The translator (MySQL SQL ▶ SQLite SQL) emits calls such as
// `rdb_concat(a, b)` or `rdb_date_format(d, '%Y')`; RegisterMysqlFunctions()
// makes them exist on a SQLite connection with MariaDB 10.11's results:
// NULL handling, argument coercion, result text, warnings. LookupFunction()
// is the table the translator reads: for each MySQL function or operator, the
// SQLite function to emit, its arity, and its result type rule.
//
// Values follow the storage mapping of docs/architecture.md: DECIMAL and
// BIGINT UNSIGNED travel as decimal TEXT, DATE/DATETIME/TIME as their
// canonical text. Functions receive SQLite values, so they see storage
// classes, not MySQL types: where MySQL's answer depends on the static type
// (a DECIMAL vs a VARCHAR holding '2.5'), the table names a separate variant
// (FunctionInfo::decimal_variant) for the translator to pick.
//
// Result conventions (what each SQLite value means):
//   * signed integers: INTEGER;
//   * BIGINT UNSIGNED results (bit operators, CAST AS UNSIGNED, CONV ...):
//     INTEGER when <= INT64_MAX, otherwise decimal TEXT ('18446744073709551615');
//   * DECIMAL results: canonical decimal TEXT ('1.50', '-0.3333');
//   * DOUBLE results: REAL (NaN/inf never: MySQL returns NULL there);
//   * dates/datetimes/times: TEXT 'YYYY-MM-DD', 'YYYY-MM-DD hh:mm:ss[.ffffff]',
//     '[-]hh:mm:ss[.ffffff]';
//   * strings: TEXT (UTF-8); binary strings (MD5 is text, UNHEX/RANDOM_BYTES are
//     binary): BLOB.
//
// Per-session state (NOW(), LAST_INSERT_ID(), warnings, sql_mode ...) comes
// from a FunctionContext the executor's session implements.
//
// Helpers registered besides the table's functions (for the translator):
//   rdb_json(x)              marks x as a JSON value (subtype 'J') so JSON
//                            functions embed it instead of quoting it: JSON
//                            columns, TRUE/FALSE literals (rdb_json('true'))
//   rdb_truth(x)             MySQL truth value of x: 1, 0 or NULL (strings
//                            through DOUBLE, with warnings) — for CASE WHEN
//   rdb_cmp(a, b)            -1/0/1 by MySQL rules from the storage classes:
//                            two strings by utf8mb4_general_ci (binary if a
//                            BLOB), integers exactly, number vs string as
//                            DECIMAL (as DOUBLE if one is REAL)
//   rdb_num_cmp(a, b)        -1/0/1 comparing as numbers
//   rdb_dec_cmp(a, b)        -1/0/1 comparing DECIMAL / BIGINT UNSIGNED text
//   rdb_dec_rescale(x, s)    x at exactly s decimals (DECIMAL(p,s) storage)
//   rdb_dec_div(a, b, incr, 1)  quotient at MySQL's internal precision, for
//                            chained expressions (1/3*3 = 1.0000 once the
//                            result is rounded to its display scale)
//   rdb_format_double(x, d)  DOUBLE text with d fixed decimals (CONCAT(PI()))
//   rdb_float_text(x[, d])   a FLOAT column's value as a string: 6 significant
//                            digits (CONCAT(f) is '1.1'), or d fixed decimals
//   rdb_add/rdb_sub/rdb_mul(a, b[, text])  + - * with MySQL's BIGINT (and
//                            DOUBLE) overflow error; `text`: the expression
//                            as MariaDB prints it, for the message (else it
//                            is rebuilt from the values)
//   rdb_uadd/rdb_usub/rdb_umul(a, b[, text])  + - * with an unsigned operand:
//                            BIGINT UNSIGNED, error 1690 below 0 or above
//                            2^64-1; `text` is the expression as MariaDB
//                            prints it, for the message
//   rdb_avg_int(x)           AVG of integers as DECIMAL (same as rdb_avg)
//   rdb_count_distinct(a, b, ...)  COUNT(DISTINCT a, b, ...): an aggregate
//                            counting distinct non-NULL tuples (strings by
//                            utf8mb4_general_ci)
//
// Known limits of storage-class typing: a TEXT argument is read as a string.
// A DECIMAL or BIGINT UNSIGNED value (decimal text) therefore needs the
// decimal_variant where the table gives one; elsewhere (e.g. LEFT(s,
// decimal_col)) it converts as a string ('2.5' → 2 with a warning, where
// MySQL would round to 3). Canonical TIME text ('10:00:00') is taken as a
// TIME by DATE_ADD/ADDTIME/TIMEDIFF, where MariaDB would read such a string
// literal as a DATETIME.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "common/status.h"
#include "common/value.h"

struct sqlite3;

namespace relaydb::sql {

// MySQL's RAND() generator state (mysys my_rnd). A session owns one; RAND()
// without a seed advances it. For statement-based replication the session
// logs seed1/seed2 before a statement (RAND_EVENT) and a replica assigns them
// back (SET rand_seed1=..., rand_seed2=... set the fields directly).
struct RandState {
  static constexpr uint32_t kMaxValue = 0x3FFFFFFF;
  uint32_t seed1 = 0;
  uint32_t seed2 = 0;

  // my_rnd_init: seeds reduced modulo kMaxValue.
  void Init(uint64_t s1, uint64_t s2) {
    seed1 = static_cast<uint32_t>(s1 % kMaxValue);
    seed2 = static_cast<uint32_t>(s2 % kMaxValue);
  }
  // RAND(N)'s seeding: seed1 = N*0x10001+55555555, seed2 = N*0x10000001 (as uint32).
  void InitFromSeed(uint32_t n) {
    Init(static_cast<uint32_t>(n * 0x10001u + 55555555u), static_cast<uint32_t>(n * 0x10000001u));
  }
  // my_rnd: the next value in [0, 1).
  double Next() {
    seed1 = static_cast<uint32_t>((static_cast<uint64_t>(seed1) * 3 + seed2) % kMaxValue);
    seed2 = static_cast<uint32_t>((static_cast<uint64_t>(seed1) + seed2 + 33) % kMaxValue);
    return static_cast<double>(seed1) / static_cast<double>(kMaxValue);
  }
};

enum class WarningLevel : uint8_t { kNote, kWarning, kError };

// What a session provides to the functions. The executor's session
// implements it; every method has a default so a test or the replica applier
// can override only what it needs. Methods are called on the thread running
// the SQLite statement, during sqlite3_step(); they must not run SQL on the
// same connection.
class FunctionContext {
 public:
  // sql_mode bits, MariaDB's values (the @@sql_mode bitmask).
  static constexpr uint64_t kModePipesAsConcat = 1ULL << 1;
  static constexpr uint64_t kModeNoBackslashEscapes = 1ULL << 20;
  static constexpr uint64_t kModeStrictTransTables = 1ULL << 21;
  static constexpr uint64_t kModeStrictAllTables = 1ULL << 22;
  static constexpr uint64_t kModeNoZeroInDate = 1ULL << 23;
  static constexpr uint64_t kModeNoZeroDate = 1ULL << 24;
  static constexpr uint64_t kModeInvalidDates = 1ULL << 25;
  static constexpr uint64_t kModeErrorForDivisionByZero = 1ULL << 26;
  static constexpr uint64_t kModeNoAutoCreateUser = 1ULL << 28;
  static constexpr uint64_t kModeNoEngineSubstitution = 1ULL << 30;
  static constexpr uint64_t kModePadCharToFullLength = 1ULL << 31;
  static constexpr uint64_t kModeTimeRoundFractional = 1ULL << 34;
  // MariaDB 10.11's default sql_mode.
  static constexpr uint64_t kDefaultSqlMode = kModeStrictTransTables | kModeErrorForDivisionByZero |
                                              kModeNoAutoCreateUser | kModeNoEngineSubstitution;

  FunctionContext();
  virtual ~FunctionContext();
  FunctionContext(const FunctionContext&) = delete;
  FunctionContext& operator=(const FunctionContext&) = delete;

  // ---- Time ----
  // NOW(), CURDATE(), CURTIME(), UNIX_TIMESTAMP(), UTC_*: the current
  // statement's start time (or SET TIMESTAMP's value), microseconds since the
  // Unix epoch (UTC). Must not change during a statement. Default: the real
  // clock at the call.
  virtual int64_t QueryStartMicros();
  // SYSDATE(): the real clock (or QueryStartMicros() under --sysdate-is-now).
  virtual int64_t SysdateMicros();
  // @@time_zone: "SYSTEM", "+hh:mm"/"-hh:mm". Named zones are treated as
  // SYSTEM by the default conversions below. Default "SYSTEM".
  virtual std::string TimeZone();
  // Offset (seconds east of UTC) of the session time zone at the UTC instant
  // `utc_seconds`. Default: from TimeZone() (localtime_r for SYSTEM).
  virtual int64_t UtcOffsetAt(int64_t utc_seconds);
  // The UTC instant (seconds since the epoch) of a wall-clock time in the
  // session zone, given as `local_seconds`: that wall-clock time read as if
  // it were UTC. UNIX_TIMESTAMP(d) uses it. Default: fixed offsets exactly,
  // SYSTEM via mktime (DST gaps resolved as mktime does).
  virtual int64_t LocalToUtc(int64_t local_seconds);
  // @@default_week_format (WEEK(d) without a mode). Default 0.
  virtual int DefaultWeekFormat() { return 0; }

  // ---- Session values ----
  // LAST_INSERT_ID(); LAST_INSERT_ID(expr) calls SetLastInsertId(expr) and
  // returns expr (the session also reports it in the OK packet and, for
  // statement binlogging, as an INSERT_ID/LAST_INSERT_ID intvar).
  virtual uint64_t LastInsertId() { return last_insert_id_; }
  virtual void SetLastInsertId(uint64_t v) { last_insert_id_ = v; }
  virtual uint64_t FoundRows() { return 0; }     // FOUND_ROWS()
  virtual int64_t RowCount() { return -1; }      // ROW_COUNT()
  virtual uint64_t ConnectionId() { return 0; }  // CONNECTION_ID(); also owner of GET_LOCK locks
  // DATABASE()/SCHEMA(): the current database; nullopt gives NULL.
  virtual std::optional<std::string> Database() { return std::nullopt; }
  // USER()/SESSION_USER()/SYSTEM_USER(): "user@client-host" as the client
  // connected. CURRENT_USER(): the account matched, "user@host-pattern".
  virtual std::string User() { return "root@localhost"; }
  virtual std::string CurrentUser() { return "root@localhost"; }
  // VERSION(): the server version string.
  virtual std::string Version() { return "10.11.19-MariaDB"; }
  // @@server_id (UUID_SHORT()).
  virtual uint32_t ServerId() { return 1; }

  // ---- User variables (@name) ----
  // Names arrive as written (without '@'); they are case-insensitive.
  // Unset variables read as NULL.
  virtual Value GetUserVariable(std::string_view name);
  virtual void SetUserVariable(std::string_view name, const Value& value);

  // ---- RAND() ----
  // The session's generator (never null). Default: a per-context state
  // seeded from the clock.
  virtual RandState* SessionRand();

  // ---- Variables that shape results ----
  virtual uint64_t SqlMode() { return kDefaultSqlMode; }    // @@sql_mode
  virtual uint64_t GroupConcatMaxLen() { return 1048576; }  // @@group_concat_max_len
  virtual int DivPrecisionIncrement() { return 4; }         // @@div_precision_increment
  virtual uint64_t MaxAllowedPacket() { return 16777216; }  // @@max_allowed_packet

  // ---- Diagnostics ----
  // A warning/note for SHOW WARNINGS ("Warning", 1292, "Truncated incorrect
  // INTEGER value: 'x'"). Default: dropped.
  virtual void PushWarning(WarningLevel level, uint16_t code, std::string_view message) {}
  // True while executing an INSERT/UPDATE/DELETE in strict mode
  // (thd->abort_on_warning): a warning a function would push becomes the
  // statement's error instead (division by zero only with
  // ERROR_FOR_DIVISION_BY_ZERO). The function then fails with SQLITE_ERROR;
  // the error is delivered through RaiseError first.
  virtual bool AbortOnWarning() { return false; }
  // A function failed with a MySQL error (e.g. 1690 "BIGINT UNSIGNED value is
  // out of range", or an escalated warning). The SQLite call fails right
  // after with the same message; the executor should report this Status
  // rather than the SQLite error text. Default: remembered in last_error().
  virtual void RaiseError(const Status& error) { last_error_ = error; }
  const Status& last_error() const { return last_error_; }

  // ---- Waiting and interruption ----
  // True once KILL QUERY/CONNECTION targets this session. Default false.
  virtual bool IsKilled() { return false; }
  // Sleeps up to `seconds`, waking early when the statement is killed.
  // Returns true if interrupted. Default: polls IsKilled() every 10 ms.
  virtual bool SleepInterruptible(double seconds);

  // ---- Replication hooks (default: NULL) ----
  // MASTER_POS_WAIT(log_name, log_pos[, timeout[, connection_name]]).
  virtual Value MasterPosWait(std::string_view log_name, int64_t log_pos, double timeout,
                              std::string_view connection_name) {
    return Value::Null();
  }
  // MASTER_GTID_WAIT(gtid_pos[, timeout]).
  virtual Value MasterGtidWait(std::string_view gtid_pos, double timeout) { return Value::Null(); }
  // BINLOG_GTID_POS(binlog_filename, binlog_offset).
  virtual Value BinlogGtidPos(std::string_view file, int64_t pos) { return Value::Null(); }

 private:
  struct UserVars;  // the default user-variable store

  uint64_t last_insert_id_ = 0;
  Status last_error_;
  RandState rand_{};
  bool rand_init_ = false;
  std::unique_ptr<UserVars> vars_;  // created on first SetUserVariable
};

// The slot a connection's functions read their context from. A session binds
// itself before running statements on the connection (Bind(this)) and may
// re-bind the connection to another session later (connection pools, the
// replica applier). Not thread-safe: bind on the thread that runs the
// statements. When nothing is bound, functions use a built-in default
// context (real clock, SYSTEM time zone, no warnings recorded).
class FunctionContextProvider {
 public:
  FunctionContextProvider() = default;
  explicit FunctionContextProvider(FunctionContext* ctx) : current_(ctx) {}
  void Bind(FunctionContext* ctx) { current_ = ctx; }
  FunctionContext* current() const { return current_; }

 private:
  FunctionContext* current_ = nullptr;
};

// Registers every function of the table (and the helpers named in it) on
// `db`. `provider` is not owned and must outlive `db`'s use of the
// functions (until sqlite3_close). Returns an error Status if SQLite refuses
// a registration.
Status RegisterMysqlFunctions(sqlite3* db, FunctionContextProvider* provider);

// MariaDB's text for a DOUBLE as the text protocol and CONCAT() print it.
// decimals < 0 (or >= 39, NOT_FIXED_DEC): shortest round-trip digits,
// positional unless the exponent is below -14 or above 15 ("1e15",
// "0.000000000000001", "1.2345678901234568e17"); otherwise exactly
// `decimals` digits after the point (ROUND(2.5e0, 2) prints "2.50").
// This differs from common/value.h FormatDouble (e.g. 1e14 prints
// "100000000000000" in MariaDB).
std::string FormatMysqlDouble(double v, int decimals = -1);

// Releases every GET_LOCK() lock held by `connection_id` (call when the
// session ends; RELEASE_ALL_LOCKS() does the same from SQL). Returns how many
// locks (counting re-entrant acquisitions) were released.
uint64_t ReleaseAllUserLocks(uint64_t connection_id);

// ---------------------------------------------------------------------------
// The function table for the translator.

// MySQL result type families (what the result column's metadata says).
enum class ResultType : uint8_t {
  kInt,       // BIGINT (INTEGER)
  kUnsigned,  // BIGINT UNSIGNED (INTEGER, or decimal TEXT above INT64_MAX)
  kDecimal,   // DECIMAL (decimal TEXT)
  kDouble,    // DOUBLE (REAL)
  kString,    // VARCHAR/TEXT utf8mb4 (TEXT)
  kBinary,    // VARBINARY/BLOB (BLOB)
  kDate,      // DATE ('YYYY-MM-DD')
  kDatetime,  // DATETIME ('YYYY-MM-DD hh:mm:ss[.f]')
  kTime,      // TIME ('[-]hh:mm:ss[.f]')
  kJson,      // LONGTEXT holding JSON (MariaDB reports it as a string column)
  kNull,      // always NULL (LOAD_FILE)
};

// How the result type and decimals follow from the arguments. `type` in
// FunctionInfo is the answer for kFixed and the fallback otherwise.
enum class TypeRule : uint8_t {
  kFixed,         // `type`, `decimals` as given
  kSameAsArg,     // type and decimals of argument `rule_arg` (ABS, -x, IFNULL's first ...)
  kCommonOfArgs,  // MySQL type aggregation of arguments rule_arg.. (COALESCE, GREATEST,
                  // IF (from 1), CASE): all int → int; any decimal (no double/string)
                  // → decimal with max scale; any double → double; any string → string;
                  // all temporal of one kind → that kind
  kArithmetic,    // + - * MOD: int if all int; decimal if any decimal (scale: max for
                  // + - MOD, sum for *, capped at 38); double if any double or string
  kDivision,      // '/': decimal scale(arg0)+div_precision_increment if args exact;
                  // double if any double or string
  kRound,         // ROUND/TRUNCATE: arg0's family (string → double), decimals =
                  // constant arg1 clamped to [0, 38] (0 if absent); int stays int
                  // when arg1 <= 0
  kIntIfExact,    // FLOOR/CEIL: BIGINT for int/decimal args (DECIMAL if the value
                  // may exceed 18 digits), double for double/string
  kAvg,           // AVG: decimal scale(arg0)+4 for exact args, double otherwise
  kSum,           // SUM: decimal for exact args (scale of arg0), double otherwise
  kTemporalAdd,   // DATE_ADD/SUB, ADDDATE/SUBDATE, TIMESTAMPADD: DATE if arg0 is DATE
                  // and the unit is DAY or larger, DATETIME if arg0 is DATE/DATETIME
                  // (or a string: then MariaDB reports a string column), TIME if arg0
                  // is TIME; decimals = max(fsp(arg0), fraction of the interval)
  kAddTime,       // ADDTIME/SUBTIME: TIME if arg0 is TIME, DATETIME if DATE/DATETIME,
                  // else string
  kStrToDate,     // STR_TO_DATE: by the constant format: date parts only → DATE,
                  // time parts only → TIME, both → DATETIME (fsp 6 with %f)
  kFspArg,        // NOW(fsp), CURTIME(fsp), SYSDATE(fsp), UTC_*: decimals = constant
                  // arg0 (0 when absent)
  kVariance,      // STD/VARIANCE family: DOUBLE; decimals = decimals(arg0)+4 for exact
                  // arguments (STD(int_col) prints 1.1662), not fixed otherwise
  kCast,          // CAST/CONVERT: the target named by the helper (rdb_cast_*)
};

enum FunctionFlag : uint16_t {
  kFnAggregate = 1 << 0,         // an aggregate (registered with xStep/xFinal)
  kFnNonDeterministic = 1 << 1,  // different result per call (RAND, UUID, SYSDATE)
  kFnUsesSession = 1 << 2,       // reads the FunctionContext
  kFnUnsafeForSbr = 1 << 3,      // makes a statement unsafe for statement-based binlogging
  kFnSqliteBuiltin = 1 << 4,     // sqlite_name is SQLite's own function/operator
  kFnOperator = 1 << 5,          // a MySQL operator, not a function call
  kFnSpecialSyntax = 1 << 6,     // MySQL syntax differs from a call; see `call`
  kFnNullFromArgs = 1 << 7,      // NULL only when an argument is NULL (result metadata:
                                 // NOT NULL when no argument can be NULL, as MariaDB's
                                 // maybe_null); otherwise the result may always be NULL
  kFnLongResult = 1 << 8,        // a kInt/kUnsigned result MariaDB types INT
                                 // (MYSQL_TYPE_LONG) rather than BIGINT (Item_long_func)
};

// One MySQL function (or operator) and how to emit it.
struct FunctionInfo {
  std::string_view mysql_name;   // upper case: "CONCAT", "DATE_ADD", "/", "DIV"
  std::string_view sqlite_name;  // what to emit: "rdb_concat", "count", "IS"
  int8_t min_args;
  int8_t max_args;  // -1: no limit
  uint16_t flags;   // FunctionFlag bits
  ResultType type;
  TypeRule rule;
  int8_t rule_arg;  // argument index the rule refers to
  int8_t decimals;  // for kFixed: result decimals; -1 = not fixed (31 for numbers,
                    // 39 for strings, as MariaDB reports them)
  // SQLite function to emit instead when the numeric arguments are DECIMAL
  // (or BIGINT UNSIGNED) typed; empty if the function has one form.
  std::string_view decimal_variant;
  // How MySQL's syntax maps to the call when it is not f(a, b, ...), e.g.
  // "DATE_ADD(d, INTERVAL e unit) -> rdb_date_add(d, e, 'UNIT')".
  std::string_view call;
};

// The entry for a MySQL function or operator name (case-insensitive), or
// nullptr if relaydb does not implement it. Synonyms (UCASE, SUBSTR, MID,
// CURRENT_TIMESTAMP ...) have their own entries. The table is static: the
// pointer stays valid for the life of the process.
const FunctionInfo* LookupFunction(std::string_view mysql_name);

// Every entry, for tests and documentation.
std::span<const FunctionInfo> AllFunctions();

}  // namespace relaydb::sql
