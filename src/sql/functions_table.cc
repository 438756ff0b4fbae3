// The function table the translator reads (LookupFunction) and the
// registration of every family's SQLite functions (RegisterMysqlFunctions).
// See functions.h for the meaning of each column.
#include <cctype>
#include <mutex>
#include <string>
#include <unordered_map>

#include "sql/functions_internal.h"

namespace relaydb::sql {
namespace {

using RT = ResultType;
using TR = TypeRule;

constexpr uint16_t A = kFnAggregate;
constexpr uint16_t N = kFnNonDeterministic;
constexpr uint16_t U = kFnUsesSession;
constexpr uint16_t B = kFnUnsafeForSbr;
constexpr uint16_t S = kFnSqliteBuiltin;
constexpr uint16_t O = kFnOperator;
constexpr uint16_t X = kFnSpecialSyntax;
constexpr uint16_t Z = kFnNullFromArgs;
constexpr uint16_t L = kFnLongResult;

// clang-format off
const FunctionInfo kFunctions[] = {
  // ---- Operators ----
  {"+", "+", 2, 2, S | O, RT::kInt, TR::kArithmetic, 0, -1, "rdb_dec_add",
   "a + b; rdb_add(a, b) instead raises MySQL's 1690 BIGINT overflow error"},
  {"-", "-", 2, 2, S | O, RT::kInt, TR::kArithmetic, 0, -1, "rdb_dec_sub", "a - b; rdb_sub(a, b) checks overflow"},
  {"*", "*", 2, 2, S | O, RT::kInt, TR::kArithmetic, 0, -1, "rdb_dec_mul", "a * b; rdb_mul(a, b) checks overflow"},
  {"UNARY MINUS", "rdb_neg", 1, 1, O, RT::kInt, TR::kSameAsArg, 0, -1, "rdb_dec_neg", "-a -> rdb_neg(a)"},
  {"/", "rdb_div", 2, 2, O | U, RT::kDecimal, TR::kDivision, 0, -1, "rdb_dec_div",
   "a / b -> rdb_div(a, b); rdb_dec_div(a, b[, increment[, keep_internal_precision]])"},
  {"DIV", "rdb_intdiv", 2, 2, O | U, RT::kInt, TR::kFixed, 0, 0, "", "a DIV b -> rdb_intdiv(a, b)"},
  {"MOD", "rdb_mod", 2, 2, U, RT::kInt, TR::kArithmetic, 0, -1, "rdb_dec_mod", "MOD(a, b), a MOD b, a % b"},
  {"%", "rdb_mod", 2, 2, O | U, RT::kInt, TR::kArithmetic, 0, -1, "rdb_dec_mod", "a % b -> rdb_mod(a, b)"},
  {"&", "rdb_bitand", 2, 2, O, RT::kUnsigned, TR::kFixed, 0, 0, "", "a & b -> rdb_bitand(a, b)"},
  {"|", "rdb_bitor", 2, 2, O, RT::kUnsigned, TR::kFixed, 0, 0, "", "a | b -> rdb_bitor(a, b)"},
  {"^", "rdb_bitxor", 2, 2, O, RT::kUnsigned, TR::kFixed, 0, 0, "", "a ^ b -> rdb_bitxor(a, b)"},
  {"<<", "rdb_shl", 2, 2, O, RT::kUnsigned, TR::kFixed, 0, 0, "", "a << b -> rdb_shl(a, b)"},
  {">>", "rdb_shr", 2, 2, O, RT::kUnsigned, TR::kFixed, 0, 0, "", "a >> b -> rdb_shr(a, b)"},
  {"~", "rdb_bitnot", 1, 1, O, RT::kUnsigned, TR::kFixed, 0, 0, "", "~a -> rdb_bitnot(a)"},
  {"<=>", "IS", 2, 2, S | O, RT::kInt, TR::kFixed, 0, 0, "", "a <=> b -> (a IS b)"},
  {"XOR", "rdb_xor", 2, 2, O, RT::kInt, TR::kFixed, 0, 0, "", "a XOR b -> rdb_xor(a, b)"},
  {"=", "=", 2, 2, S | O, RT::kInt, TR::kFixed, 0, 0, "rdb_dec_cmp",
   "Same storage class: SQLite's operator (text columns compare with their rdb_ci/rdb_bin "
   "collation). DECIMAL/BIGINT UNSIGNED text: rdb_dec_cmp(a, b) = 0. String vs number: "
   "rdb_num_cmp(a, b) = 0. Untyped mix: rdb_cmp(a, b) = 0 (MySQL rules by storage class). "
   "The same holds for <>, <, <=, >, >= with the matching comparison to 0."},
  {"<>", "<>", 2, 2, S | O, RT::kInt, TR::kFixed, 0, 0, "rdb_dec_cmp", "see '='"},
  {"!=", "<>", 2, 2, S | O, RT::kInt, TR::kFixed, 0, 0, "rdb_dec_cmp", "see '='"},
  {"<", "<", 2, 2, S | O, RT::kInt, TR::kFixed, 0, 0, "rdb_dec_cmp", "see '='"},
  {"<=", "<=", 2, 2, S | O, RT::kInt, TR::kFixed, 0, 0, "rdb_dec_cmp", "see '='"},
  {">", ">", 2, 2, S | O, RT::kInt, TR::kFixed, 0, 0, "rdb_dec_cmp", "see '='"},
  {">=", ">=", 2, 2, S | O, RT::kInt, TR::kFixed, 0, 0, "rdb_dec_cmp", "see '='"},
  {"||", "rdb_concat", 2, 2, O | X, RT::kString, TR::kFixed, 0, -1, "",
   "a || b: rdb_concat(a, b) under PIPES_AS_CONCAT, else logical OR"},
  {"LIKE", "rdb_like", 2, 3, O | X, RT::kInt, TR::kFixed, 0, 0, "",
   "a LIKE p [ESCAPE e] -> rdb_like(a, p[, e]); NOT LIKE -> NOT rdb_like(...)"},
  {"REGEXP", "rdb_regexp", 2, 2, O, RT::kInt, TR::kFixed, 0, 0, "", "a REGEXP p -> rdb_regexp(a, p)"},
  {"RLIKE", "rdb_regexp", 2, 2, O, RT::kInt, TR::kFixed, 0, 0, "", "a RLIKE p -> rdb_regexp(a, p)"},
  {"SOUNDS LIKE", "rdb_soundex", 2, 2, O | X, RT::kInt, TR::kFixed, 0, 0, "",
   "a SOUNDS LIKE b -> rdb_soundex(a) = rdb_soundex(b)"},
  {"->", "rdb_json_extract", 2, 2, O, RT::kJson, TR::kFixed, 0, -1, "", "c->'p' -> rdb_json_extract(c, 'p')"},
  {"->>", "rdb_json_extract", 2, 2, O | X, RT::kString, TR::kFixed, 0, -1, "",
   "c->>'p' -> rdb_json_unquote(rdb_json_extract(c, 'p'))"},
  {"@", "rdb_get_user_var", 1, 1, U | X, RT::kString, TR::kFixed, 0, -1, "",
   "@name -> rdb_get_user_var('name') (type: the variable's value)"},
  {":=", "rdb_set_user_var", 2, 2, U | X, RT::kString, TR::kSameAsArg, 1, -1, "",
   "@name := e -> rdb_set_user_var('name', e)"},

  // ---- String ----
  {"ASCII", "rdb_ascii", 1, 1, Z | L, RT::kInt, TR::kFixed, 0, 0, "", ""},
  {"BIN", "rdb_bin", 1, 1, 0, RT::kString, TR::kFixed, 0, -1, "", ""},
  {"BIT_LENGTH", "rdb_bit_length", 1, 1, Z, RT::kInt, TR::kFixed, 0, 0, "", ""},
  {"CHAR", "rdb_char", 1, -1, X, RT::kBinary, TR::kFixed, 0, -1, "",
   "CHAR(n, ...) -> rdb_char(n, ...); CHAR(n ... USING cs) -> rdb_cast_char(rdb_char(n, ...))"},
  {"CHAR_LENGTH", "rdb_char_length", 1, 1, Z | L, RT::kInt, TR::kFixed, 0, 0, "", ""},
  {"CHARACTER_LENGTH", "rdb_char_length", 1, 1, Z | L, RT::kInt, TR::kFixed, 0, 0, "", ""},
  {"CHARSET", "rdb_charset", 1, 1, 0, RT::kString, TR::kFixed, 0, -1, "", ""},
  {"COLLATION", "rdb_collation", 1, 1, 0, RT::kString, TR::kFixed, 0, -1, "", ""},
  {"COERCIBILITY", "rdb_coercibility", 1, 1, Z | L, RT::kInt, TR::kFixed, 0, 0, "", ""},
  {"CONCAT", "rdb_concat", 1, -1, 0, RT::kString, TR::kFixed, 0, -1, "", ""},
  {"CONCAT_WS", "rdb_concat_ws", 2, -1, 0, RT::kString, TR::kFixed, 0, -1, "", ""},
  {"CONV", "rdb_conv", 3, 3, 0, RT::kString, TR::kFixed, 0, -1, "", ""},
  {"CONVERT", "rdb_cast_char", 1, 2, X, RT::kString, TR::kCast, 0, 0, "",
   "CONVERT(x USING cs) -> rdb_cast_char(x) (binary: rdb_cast_binary(x)); CONVERT(x, type) as CAST"},
  {"CRC32", "rdb_crc32", 1, 2, Z | L, RT::kUnsigned, TR::kFixed, 0, 0, "", ""},
  {"CRC32C", "rdb_crc32c", 1, 2, Z | L, RT::kUnsigned, TR::kFixed, 0, 0, "", ""},
  {"ELT", "rdb_elt", 2, -1, 0, RT::kString, TR::kFixed, 0, -1, "", ""},
  {"EXPORT_SET", "rdb_export_set", 3, 5, 0, RT::kString, TR::kFixed, 0, -1, "", ""},
  {"FIELD", "rdb_field", 2, -1, Z | L, RT::kInt, TR::kFixed, 0, 0, "", ""},
  {"FIND_IN_SET", "rdb_find_in_set", 2, 2, Z | L, RT::kInt, TR::kFixed, 0, 0, "", ""},
  {"FORMAT", "rdb_format", 2, 3, 0, RT::kString, TR::kFixed, 0, -1, "rdb_dec_format", ""},
  {"FROM_BASE64", "rdb_from_base64", 1, 1, 0, RT::kBinary, TR::kFixed, 0, -1, "", ""},
  {"HEX", "rdb_hex", 1, 1, 0, RT::kString, TR::kFixed, 0, 0, "", ""},
  {"INET_ATON", "rdb_inet_aton", 1, 1, 0, RT::kUnsigned, TR::kFixed, 0, 0, "", ""},
  {"INET_NTOA", "rdb_inet_ntoa", 1, 1, 0, RT::kString, TR::kFixed, 0, 0, "", ""},
  {"INSERT", "rdb_insert", 4, 4, 0, RT::kString, TR::kFixed, 0, -1, "", ""},
  {"INSTR", "rdb_instr", 2, 2, Z | L, RT::kInt, TR::kFixed, 0, 0, "", ""},
  {"LCASE", "rdb_lower", 1, 1, 0, RT::kString, TR::kSameAsArg, 0, 0, "", ""},
  {"LEFT", "rdb_left", 2, 2, 0, RT::kString, TR::kFixed, 0, -1, "", ""},
  {"LENGTH", "rdb_length", 1, 1, Z | L, RT::kInt, TR::kFixed, 0, 0, "", ""},
  {"LENGTHB", "rdb_length", 1, 1, Z | L, RT::kInt, TR::kFixed, 0, 0, "", ""},
  {"LOAD_FILE", "rdb_load_file", 1, 1, B, RT::kBinary, TR::kFixed, 0, -1, "", "always NULL"},
  {"LOCATE", "rdb_locate", 2, 3, Z | L, RT::kInt, TR::kFixed, 0, 0, "", ""},
  {"LOWER", "rdb_lower", 1, 1, 0, RT::kString, TR::kSameAsArg, 0, 0, "", ""},
  {"LPAD", "rdb_lpad", 2, 3, U, RT::kString, TR::kFixed, 0, -1, "", ""},
  {"LTRIM", "rdb_ltrim", 1, 1, 0, RT::kString, TR::kFixed, 0, -1, "", ""},
  {"MAKE_SET", "rdb_make_set", 2, -1, 0, RT::kString, TR::kFixed, 0, -1, "", ""},
  {"MD5", "rdb_md5", 1, 1, 0, RT::kString, TR::kFixed, 0, -1, "", ""},
  {"MID", "rdb_substring", 2, 3, 0, RT::kString, TR::kFixed, 0, -1, "", ""},
  {"OCT", "rdb_oct", 1, 1, 0, RT::kString, TR::kFixed, 0, -1, "", ""},
  {"OCTET_LENGTH", "rdb_length", 1, 1, Z | L, RT::kInt, TR::kFixed, 0, 0, "", ""},
  {"ORD", "rdb_ord", 1, 1, Z | L, RT::kInt, TR::kFixed, 0, 0, "", ""},
  {"POSITION", "rdb_locate", 2, 2, X | Z | L, RT::kInt, TR::kFixed, 0, 0, "", "POSITION(a IN b) -> rdb_locate(a, b)"},
  {"QUOTE", "rdb_quote", 1, 1, 0, RT::kString, TR::kFixed, 0, -1, "", ""},
  {"RANDOM_BYTES", "rdb_random_bytes", 1, 1, N | B, RT::kBinary, TR::kFixed, 0, -1, "", ""},
  {"REGEXP_INSTR", "rdb_regexp_instr", 2, 2, Z | L, RT::kInt, TR::kFixed, 0, 0, "", ""},
  {"REGEXP_REPLACE", "rdb_regexp_replace", 3, 3, 0, RT::kString, TR::kFixed, 0, -1, "", ""},
  {"REGEXP_SUBSTR", "rdb_regexp_substr", 2, 2, 0, RT::kString, TR::kFixed, 0, -1, "", ""},
  {"REPEAT", "rdb_repeat", 2, 2, U, RT::kString, TR::kFixed, 0, -1, "", ""},
  {"REPLACE", "rdb_replace", 3, 3, 0, RT::kString, TR::kFixed, 0, -1, "", ""},
  {"REVERSE", "rdb_reverse", 1, 1, 0, RT::kString, TR::kSameAsArg, 0, 0, "", ""},
  {"RIGHT", "rdb_right", 2, 2, 0, RT::kString, TR::kFixed, 0, -1, "", ""},
  {"RPAD", "rdb_rpad", 2, 3, U, RT::kString, TR::kFixed, 0, -1, "", ""},
  {"RTRIM", "rdb_rtrim", 1, 1, 0, RT::kString, TR::kFixed, 0, -1, "", ""},
  {"SHA", "rdb_sha1", 1, 1, 0, RT::kString, TR::kFixed, 0, -1, "", ""},
  {"SHA1", "rdb_sha1", 1, 1, 0, RT::kString, TR::kFixed, 0, -1, "", ""},
  {"PASSWORD", "rdb_password", 1, 1, 0, RT::kString, TR::kFixed, 0, -1, "", ""},
  {"SHA2", "rdb_sha2", 2, 2, 0, RT::kString, TR::kFixed, 0, -1, "", ""},
  {"SOUNDEX", "rdb_soundex", 1, 1, 0, RT::kString, TR::kFixed, 0, -1, "", ""},
  {"SPACE", "rdb_space", 1, 1, U, RT::kString, TR::kFixed, 0, -1, "", ""},
  {"STRCMP", "rdb_strcmp", 2, 2, Z | L, RT::kInt, TR::kFixed, 0, 0, "", ""},
  {"SUBSTR", "rdb_substring", 2, 3, X, RT::kString, TR::kFixed, 0, -1, "", "as SUBSTRING"},
  {"SUBSTRING", "rdb_substring", 2, 3, X, RT::kString, TR::kFixed, 0, -1, "",
   "SUBSTRING(s FROM p [FOR n]) -> rdb_substring(s, p[, n])"},
  {"SUBSTRING_INDEX", "rdb_substring_index", 3, 3, 0, RT::kString, TR::kFixed, 0, -1, "", ""},
  {"TO_BASE64", "rdb_to_base64", 1, 1, 0, RT::kString, TR::kFixed, 0, -1, "", ""},
  {"TRIM", "rdb_trim", 1, 3, X, RT::kString, TR::kFixed, 0, -1, "",
   "TRIM([BOTH|LEADING|TRAILING] [r] FROM s) -> rdb_trim(s, r, side), side 'BOTH'|'LEADING'|"
   "'TRAILING' or 0|1|2; a NULL r means ' '; TRIM(s) -> rdb_trim(s)"},
  {"UCASE", "rdb_upper", 1, 1, 0, RT::kString, TR::kSameAsArg, 0, 0, "", ""},
  {"UNHEX", "rdb_unhex", 1, 1, 0, RT::kBinary, TR::kFixed, 0, 0, "", ""},
  {"UPPER", "rdb_upper", 1, 1, 0, RT::kString, TR::kSameAsArg, 0, 0, "", ""},
  {"UUID", "rdb_uuid", 0, 0, N | B, RT::kString, TR::kFixed, 0, -1, "", ""},
  {"UUID_SHORT", "rdb_uuid_short", 0, 0, N | B | U, RT::kUnsigned, TR::kFixed, 0, 0, "", ""},
  {"WEIGHT_STRING", "rdb_weight_string", 1, 1, 0, RT::kBinary, TR::kFixed, 0, -1, "", ""},

  // ---- Numeric ----
  {"ABS", "rdb_abs", 1, 1, Z, RT::kInt, TR::kSameAsArg, 0, -1, "rdb_dec_abs", ""},
  {"ACOS", "rdb_acos", 1, 1, 0, RT::kDouble, TR::kFixed, 0, -1, "", ""},
  {"ASIN", "rdb_asin", 1, 1, 0, RT::kDouble, TR::kFixed, 0, -1, "", ""},
  {"ATAN", "rdb_atan", 1, 2, 0, RT::kDouble, TR::kFixed, 0, -1, "", ""},
  {"ATAN2", "rdb_atan", 2, 2, 0, RT::kDouble, TR::kFixed, 0, -1, "", ""},
  {"BIT_COUNT", "rdb_bit_count", 1, 1, Z | L, RT::kInt, TR::kFixed, 0, 0, "", ""},
  {"CEIL", "rdb_ceiling", 1, 1, Z, RT::kInt, TR::kIntIfExact, 0, 0, "rdb_dec_ceiling", ""},
  {"CEILING", "rdb_ceiling", 1, 1, Z, RT::kInt, TR::kIntIfExact, 0, 0, "rdb_dec_ceiling", ""},
  {"COS", "rdb_cos", 1, 1, 0, RT::kDouble, TR::kFixed, 0, -1, "", ""},
  {"COT", "rdb_cot", 1, 1, 0, RT::kDouble, TR::kFixed, 0, -1, "", ""},
  {"DEGREES", "rdb_degrees", 1, 1, 0, RT::kDouble, TR::kFixed, 0, -1, "", ""},
  {"EXP", "rdb_exp", 1, 1, 0, RT::kDouble, TR::kFixed, 0, -1, "", "EXP(a) -> rdb_exp(a[, text]), as POW"},
  {"FLOOR", "rdb_floor", 1, 1, Z, RT::kInt, TR::kIntIfExact, 0, 0, "rdb_dec_floor", ""},
  {"GREATEST", "rdb_greatest", 2, -1, Z, RT::kInt, TR::kCommonOfArgs, 0, -1, "rdb_dec_greatest", ""},
  {"LEAST", "rdb_least", 2, -1, Z, RT::kInt, TR::kCommonOfArgs, 0, -1, "rdb_dec_least", ""},
  {"LN", "rdb_ln", 1, 1, U, RT::kDouble, TR::kFixed, 0, -1, "", ""},
  {"LOG", "rdb_log", 1, 2, U, RT::kDouble, TR::kFixed, 0, -1, "", ""},
  {"LOG10", "rdb_log10", 1, 1, U, RT::kDouble, TR::kFixed, 0, -1, "", ""},
  {"LOG2", "rdb_log2", 1, 1, U, RT::kDouble, TR::kFixed, 0, -1, "", ""},
  {"PI", "rdb_pi", 0, 0, Z, RT::kDouble, TR::kFixed, 0, 6, "", "prints 3.141593 (decimals 6)"},
  {"POW", "rdb_pow", 2, 2, 0, RT::kDouble, TR::kFixed, 0, -1, "",
   "POW(a, b) -> rdb_pow(a, b[, text]): text = the call as MariaDB prints it (pow(a,b)), for error 1690"},
  {"POWER", "rdb_pow", 2, 2, 0, RT::kDouble, TR::kFixed, 0, -1, "",
   "POW(a, b) -> rdb_pow(a, b[, text]): text = the call as MariaDB prints it (pow(a,b)), for error 1690"},
  {"RADIANS", "rdb_radians", 1, 1, 0, RT::kDouble, TR::kFixed, 0, -1, "", ""},
  {"RAND", "rdb_rand", 0, 1, N | U | Z, RT::kDouble, TR::kFixed, 0, -1, "",
   "RAND() uses the session generator; log rand_seed1/2 for statement binlogging"},
  {"ROUND", "rdb_round", 1, 2, Z, RT::kInt, TR::kRound, 0, 0, "rdb_dec_round", ""},
  {"SIGN", "rdb_sign", 1, 1, Z | L, RT::kInt, TR::kFixed, 0, 0, "rdb_dec_sign", ""},
  {"SIN", "rdb_sin", 1, 1, 0, RT::kDouble, TR::kFixed, 0, -1, "", ""},
  {"SQRT", "rdb_sqrt", 1, 1, 0, RT::kDouble, TR::kFixed, 0, -1, "", ""},
  {"TAN", "rdb_tan", 1, 1, 0, RT::kDouble, TR::kFixed, 0, -1, "", ""},
  {"TRUNCATE", "rdb_truncate", 2, 2, Z, RT::kInt, TR::kRound, 0, 0, "rdb_dec_truncate", ""},

  // ---- Date and time ----
  {"ADDDATE", "rdb_date_add", 2, 3, X, RT::kDatetime, TR::kTemporalAdd, 0, 0, "",
   "ADDDATE(d, INTERVAL e unit) -> rdb_date_add(d, e, 'UNIT'); ADDDATE(d, n) -> rdb_date_add(d, n, 'DAY')"},
  {"ADDTIME", "rdb_addtime", 2, 2, 0, RT::kDatetime, TR::kAddTime, 0, 0, "", ""},
  {"CONVERT_TZ", "rdb_convert_tz", 3, 3, 0, RT::kDatetime, TR::kSameAsArg, 0, 0, "",
   "offsets ('+05:30') and 'SYSTEM'; named zones give NULL (no time zone tables)"},
  {"CURDATE", "rdb_curdate", 0, 0, U, RT::kDate, TR::kFixed, 0, 0, "", ""},
  {"CURRENT_DATE", "rdb_curdate", 0, 0, U, RT::kDate, TR::kFixed, 0, 0, "", ""},
  {"CURRENT_TIME", "rdb_curtime", 0, 1, U, RT::kTime, TR::kFspArg, 0, 0, "", ""},
  {"CURRENT_TIMESTAMP", "rdb_now", 0, 1, U, RT::kDatetime, TR::kFspArg, 0, 0, "", ""},
  {"CURTIME", "rdb_curtime", 0, 1, U, RT::kTime, TR::kFspArg, 0, 0, "", ""},
  {"DATE", "rdb_date", 1, 1, 0, RT::kDate, TR::kFixed, 0, 0, "", ""},
  {"DATE_ADD", "rdb_date_add", 3, 3, X, RT::kDatetime, TR::kTemporalAdd, 0, 0, "",
   "DATE_ADD(d, INTERVAL e unit), d + INTERVAL e unit, INTERVAL e unit + d -> rdb_date_add(d, e, 'UNIT'); "
   "composite units take the string: INTERVAL '1:30' HOUR_MINUTE -> rdb_date_add(d, '1:30', 'HOUR_MINUTE')"},
  {"DATE_FORMAT", "rdb_date_format", 2, 3, 0, RT::kString, TR::kFixed, 0, 0, "", ""},
  {"DATE_SUB", "rdb_date_sub", 3, 3, X, RT::kDatetime, TR::kTemporalAdd, 0, 0, "",
   "DATE_SUB(d, INTERVAL e unit), d - INTERVAL e unit -> rdb_date_sub(d, e, 'UNIT')"},
  {"DATEDIFF", "rdb_datediff", 2, 2, L, RT::kInt, TR::kFixed, 0, 0, "", ""},
  {"DAY", "rdb_day", 1, 1, L, RT::kInt, TR::kFixed, 0, 0, "", ""},
  {"DAYNAME", "rdb_dayname", 1, 1, 0, RT::kString, TR::kFixed, 0, 0, "", ""},
  {"DAYOFMONTH", "rdb_day", 1, 1, L, RT::kInt, TR::kFixed, 0, 0, "", ""},
  {"DAYOFWEEK", "rdb_dayofweek", 1, 1, L, RT::kInt, TR::kFixed, 0, 0, "", ""},
  {"DAYOFYEAR", "rdb_dayofyear", 1, 1, L, RT::kInt, TR::kFixed, 0, 0, "", ""},
  {"EXTRACT", "rdb_extract", 2, 2, X | L, RT::kInt, TR::kFixed, 0, 0, "",
   "EXTRACT(unit FROM d) -> rdb_extract('UNIT', d)"},
  {"FROM_DAYS", "rdb_from_days", 1, 1, 0, RT::kDate, TR::kFixed, 0, 0, "", ""},
  {"FROM_UNIXTIME", "rdb_from_unixtime", 1, 2, U, RT::kDatetime, TR::kFixed, 0, 0, "",
   "decimals = fraction digits of the argument (max 6); with a format: a string"},
  {"GET_FORMAT", "rdb_get_format", 2, 2, X, RT::kString, TR::kFixed, 0, 0, "",
   "GET_FORMAT(DATE|TIME|DATETIME|TIMESTAMP, 'loc') -> rdb_get_format('DATE', 'loc')"},
  {"HOUR", "rdb_hour", 1, 1, L, RT::kInt, TR::kFixed, 0, 0, "", ""},
  {"LAST_DAY", "rdb_last_day", 1, 1, 0, RT::kDate, TR::kFixed, 0, 0, "", ""},
  {"LOCALTIME", "rdb_now", 0, 1, U, RT::kDatetime, TR::kFspArg, 0, 0, "", ""},
  {"LOCALTIMESTAMP", "rdb_now", 0, 1, U, RT::kDatetime, TR::kFspArg, 0, 0, "", ""},
  {"MAKEDATE", "rdb_makedate", 2, 2, 0, RT::kDate, TR::kFixed, 0, 0, "", ""},
  {"MAKETIME", "rdb_maketime", 3, 3, 0, RT::kTime, TR::kFixed, 0, 0, "", "decimals from the seconds argument"},
  {"MICROSECOND", "rdb_microsecond", 1, 1, L, RT::kInt, TR::kFixed, 0, 0, "", ""},
  {"MINUTE", "rdb_minute", 1, 1, L, RT::kInt, TR::kFixed, 0, 0, "", ""},
  {"MONTH", "rdb_month", 1, 1, L, RT::kInt, TR::kFixed, 0, 0, "", ""},
  {"MONTHNAME", "rdb_monthname", 1, 1, 0, RT::kString, TR::kFixed, 0, 0, "", ""},
  {"NOW", "rdb_now", 0, 1, U, RT::kDatetime, TR::kFspArg, 0, 0, "", ""},
  {"PERIOD_ADD", "rdb_period_add", 2, 2, Z | L, RT::kInt, TR::kFixed, 0, 0, "", ""},
  {"PERIOD_DIFF", "rdb_period_diff", 2, 2, Z | L, RT::kInt, TR::kFixed, 0, 0, "", ""},
  {"QUARTER", "rdb_quarter", 1, 1, L, RT::kInt, TR::kFixed, 0, 0, "", ""},
  {"SEC_TO_TIME", "rdb_sec_to_time", 1, 1, 0, RT::kTime, TR::kSameAsArg, 0, 0, "", "decimals of the argument"},
  {"SECOND", "rdb_second", 1, 1, L, RT::kInt, TR::kFixed, 0, 0, "", ""},
  {"STR_TO_DATE", "rdb_str_to_date", 2, 2, 0, RT::kDatetime, TR::kStrToDate, 1, 0, "", ""},
  {"SUBDATE", "rdb_date_sub", 2, 3, X, RT::kDatetime, TR::kTemporalAdd, 0, 0, "",
   "SUBDATE(d, INTERVAL e unit) -> rdb_date_sub(d, e, 'UNIT'); SUBDATE(d, n) -> rdb_date_sub(d, n, 'DAY')"},
  {"SUBTIME", "rdb_subtime", 2, 2, 0, RT::kDatetime, TR::kAddTime, 0, 0, "", ""},
  {"SYSDATE", "rdb_sysdate", 0, 1, N | U | B, RT::kDatetime, TR::kFspArg, 0, 0, "", ""},
  {"TIME", "rdb_time", 1, 1, 0, RT::kTime, TR::kSameAsArg, 0, 0, "", ""},
  {"TIME_FORMAT", "rdb_time_format", 2, 2, 0, RT::kString, TR::kFixed, 0, 0, "", ""},
  {"TIME_TO_SEC", "rdb_time_to_sec", 1, 1, 0, RT::kInt, TR::kFixed, 0, 0, "",
   "BIGINT; DECIMAL with the argument's decimals when it has a fraction"},
  {"TIMEDIFF", "rdb_timediff", 2, 2, 0, RT::kTime, TR::kFixed, 0, 0, "", ""},
  {"TIMESTAMP", "rdb_timestamp", 1, 2, 0, RT::kDatetime, TR::kSameAsArg, 0, 0, "", ""},
  {"TIMESTAMPADD", "rdb_timestampadd", 3, 3, X, RT::kDatetime, TR::kTemporalAdd, 2, 0, "",
   "TIMESTAMPADD(unit, n, d) -> rdb_timestampadd('UNIT', n, d)"},
  {"TIMESTAMPDIFF", "rdb_timestampdiff", 3, 3, X, RT::kInt, TR::kFixed, 0, 0, "",
   "TIMESTAMPDIFF(unit, a, b) -> rdb_timestampdiff('UNIT', a, b)"},
  {"TO_DAYS", "rdb_to_days", 1, 1, L, RT::kInt, TR::kFixed, 0, 0, "", ""},
  {"TO_SECONDS", "rdb_to_seconds", 1, 1, 0, RT::kInt, TR::kFixed, 0, 0, "", ""},
  {"UNIX_TIMESTAMP", "rdb_unix_timestamp", 0, 1, U, RT::kInt, TR::kFixed, 0, 0, "",
   "BIGINT; DECIMAL with the argument's decimals when it has a fraction"},
  {"UTC_DATE", "rdb_utc_date", 0, 0, U, RT::kDate, TR::kFixed, 0, 0, "", ""},
  {"UTC_TIME", "rdb_utc_time", 0, 1, U, RT::kTime, TR::kFspArg, 0, 0, "", ""},
  {"UTC_TIMESTAMP", "rdb_utc_timestamp", 0, 1, U, RT::kDatetime, TR::kFspArg, 0, 0, "", ""},
  {"WEEK", "rdb_week", 1, 2, U | L, RT::kInt, TR::kFixed, 0, 0, "", "WEEK(d) uses @@default_week_format"},
  {"WEEKDAY", "rdb_weekday", 1, 1, L, RT::kInt, TR::kFixed, 0, 0, "", ""},
  {"WEEKOFYEAR", "rdb_weekofyear", 1, 1, L, RT::kInt, TR::kFixed, 0, 0, "", ""},
  {"YEAR", "rdb_year", 1, 1, L, RT::kInt, TR::kFixed, 0, 0, "", ""},
  {"YEARWEEK", "rdb_yearweek", 1, 2, L, RT::kInt, TR::kFixed, 0, 0, "", ""},

  // ---- Control flow and information ----
  {"BENCHMARK", "rdb_benchmark", 2, 2, B | L, RT::kInt, TR::kFixed, 0, 0, "",
   "the expression is evaluated once (SQLite evaluates arguments eagerly); returns 0"},
  {"BINLOG_GTID_POS", "rdb_binlog_gtid_pos", 2, 2, U | B, RT::kString, TR::kFixed, 0, -1, "", ""},
  {"COALESCE", "coalesce", 1, -1, S, RT::kInt, TR::kCommonOfArgs, 0, -1, "",
   "SQLite's coalesce needs two arguments: COALESCE(x) -> x"},
  {"CONNECTION_ID", "rdb_connection_id", 0, 0, U | Z | L, RT::kUnsigned, TR::kFixed, 0, 0, "", ""},
  {"CURRENT_USER", "rdb_current_user", 0, 0, U | B, RT::kString, TR::kFixed, 0, -1, "", ""},
  {"DATABASE", "rdb_database", 0, 0, U, RT::kString, TR::kFixed, 0, -1, "", ""},
  {"FOUND_ROWS", "rdb_found_rows", 0, 0, U | B | Z, RT::kUnsigned, TR::kFixed, 0, 0, "", ""},
  {"GET_LOCK", "rdb_get_lock", 1, 2, U | B | L, RT::kInt, TR::kFixed, 0, 0, "",
   "server-wide named locks; call ReleaseAllUserLocks(connection_id) when a session ends"},
  {"IF", "rdb_if", 3, 3, X, RT::kInt, TR::kCommonOfArgs, 1, -1, "",
   "prefer CASE WHEN rdb_truth(c) THEN a ELSE b END: rdb_if evaluates both branches"},
  {"IFNULL", "ifnull", 2, 2, S, RT::kInt, TR::kCommonOfArgs, 0, -1, "", ""},
  {"INTERVAL", "rdb_interval", 2, -1, Z | L, RT::kInt, TR::kFixed, 0, 0, "", ""},
  {"IS_FREE_LOCK", "rdb_is_free_lock", 1, 1, U | B | L, RT::kInt, TR::kFixed, 0, 0, "", ""},
  {"IS_USED_LOCK", "rdb_is_used_lock", 1, 1, U | B | L, RT::kUnsigned, TR::kFixed, 0, 0, "", ""},
  {"ISNULL", "rdb_isnull", 1, 1, L, RT::kInt, TR::kFixed, 0, 0, "", "or (x IS NULL)"},
  {"LAST_INSERT_ID", "rdb_last_insert_id", 0, 1, U | Z, RT::kUnsigned, TR::kFixed, 0, 0, "",
   "LAST_INSERT_ID(e) sets the value (FunctionContext::SetLastInsertId) and returns e"},
  {"MASTER_GTID_WAIT", "rdb_master_gtid_wait", 1, 2, U | B, RT::kInt, TR::kFixed, 0, 0, "", ""},
  {"MASTER_POS_WAIT", "rdb_master_pos_wait", 2, 4, U | B, RT::kInt, TR::kFixed, 0, 0, "", ""},
  {"NULLIF", "rdb_nullif", 2, 2, 0, RT::kInt, TR::kSameAsArg, 0, -1, "", ""},
  {"RELEASE_ALL_LOCKS", "rdb_release_all_locks", 0, 0, U | B, RT::kUnsigned, TR::kFixed, 0, 0, "", ""},
  {"RELEASE_LOCK", "rdb_release_lock", 1, 1, U | B | L, RT::kInt, TR::kFixed, 0, 0, "", ""},
  {"ROW_COUNT", "rdb_row_count", 0, 0, U | B | Z, RT::kInt, TR::kFixed, 0, 0, "", ""},
  {"SCHEMA", "rdb_database", 0, 0, U, RT::kString, TR::kFixed, 0, -1, "", ""},
  {"SESSION_USER", "rdb_user", 0, 0, U | B, RT::kString, TR::kFixed, 0, -1, "", ""},
  {"SLEEP", "rdb_sleep", 1, 1, N | U | B | L, RT::kInt, TR::kFixed, 0, 0, "", "1 when interrupted by KILL QUERY"},
  {"SYSTEM_USER", "rdb_user", 0, 0, U | B, RT::kString, TR::kFixed, 0, -1, "", ""},
  {"USER", "rdb_user", 0, 0, U | B, RT::kString, TR::kFixed, 0, -1, "", ""},
  {"VERSION", "rdb_version", 0, 0, U | B, RT::kString, TR::kFixed, 0, -1, "", ""},

  // ---- CAST targets ----
  {"CAST AS BINARY", "rdb_cast_binary", 1, 2, X, RT::kBinary, TR::kCast, 0, 0, "",
   "CAST(x AS BINARY[(n)]) -> rdb_cast_binary(x[, n])"},
  {"CAST AS CHAR", "rdb_cast_char", 1, 2, X, RT::kString, TR::kCast, 0, 0, "",
   "CAST(x AS CHAR[(n)]) -> rdb_cast_char(x[, n])"},
  {"CAST AS DATE", "rdb_cast_date", 1, 1, X, RT::kDate, TR::kCast, 0, 0, "", "CAST(x AS DATE) -> rdb_cast_date(x)"},
  {"CAST AS DATETIME", "rdb_cast_datetime", 1, 2, X, RT::kDatetime, TR::kCast, 0, 0, "",
   "CAST(x AS DATETIME[(fsp)]) -> rdb_cast_datetime(x[, fsp])"},
  {"CAST AS DECIMAL", "rdb_cast_decimal", 1, 3, X, RT::kDecimal, TR::kCast, 0, 0, "",
   "CAST(x AS DECIMAL[(p[, s])]) -> rdb_cast_decimal(x, p, s) (defaults 10, 0)"},
  {"CAST AS DOUBLE", "rdb_cast_double", 1, 1, X, RT::kDouble, TR::kCast, 0, -1, "", ""},
  {"CAST AS FLOAT", "rdb_cast_float", 1, 1, X, RT::kDouble, TR::kCast, 0, -1, "", ""},
  {"CAST AS SIGNED", "rdb_cast_signed", 1, 2, X, RT::kInt, TR::kCast, 0, 0, "",
   "CAST(x AS SIGNED [INTEGER]) -> rdb_cast_signed(x); DECIMAL-typed x: rdb_cast_signed(x, 1)"},
  {"CAST AS TIME", "rdb_cast_time", 1, 2, X, RT::kTime, TR::kCast, 0, 0, "",
   "CAST(x AS TIME[(fsp)]) -> rdb_cast_time(x[, fsp])"},
  {"CAST AS UNSIGNED", "rdb_cast_unsigned", 1, 2, X, RT::kUnsigned, TR::kCast, 0, 0, "",
   "CAST(x AS UNSIGNED [INTEGER]) -> rdb_cast_unsigned(x); DECIMAL-typed x: rdb_cast_unsigned(x, 1)"},

  // ---- JSON ----
  {"JSON_ARRAY", "rdb_json_array", 0, -1, 0, RT::kJson, TR::kFixed, 0, -1, "",
   "JSON-typed arguments (JSON columns, TRUE/FALSE) go through rdb_json(x) to be embedded, not quoted"},
  {"JSON_ARRAY_APPEND", "rdb_json_array_append", 3, -1, 0, RT::kJson, TR::kFixed, 0, -1, "", ""},
  {"JSON_ARRAYAGG", "rdb_json_arrayagg", 1, 1, A, RT::kJson, TR::kFixed, 0, -1, "", ""},
  {"JSON_COMPACT", "rdb_json_compact", 1, 1, 0, RT::kJson, TR::kFixed, 0, -1, "", ""},
  {"JSON_CONTAINS", "rdb_json_contains", 2, 3, L, RT::kInt, TR::kFixed, 0, 0, "", ""},
  {"JSON_CONTAINS_PATH", "rdb_json_contains_path", 3, -1, L, RT::kInt, TR::kFixed, 0, 0, "", ""},
  {"JSON_DEPTH", "rdb_json_depth", 1, 1, Z | L, RT::kInt, TR::kFixed, 0, 0, "", ""},
  {"JSON_EXISTS", "rdb_json_exists", 2, 2, L, RT::kInt, TR::kFixed, 0, 0, "", ""},
  {"JSON_EXTRACT", "rdb_json_extract", 2, -1, 0, RT::kJson, TR::kFixed, 0, -1, "", ""},
  {"JSON_INSERT", "rdb_json_insert", 3, -1, 0, RT::kJson, TR::kFixed, 0, -1, "", ""},
  {"JSON_KEYS", "rdb_json_keys", 1, 2, 0, RT::kJson, TR::kFixed, 0, -1, "", ""},
  {"JSON_LENGTH", "rdb_json_length", 1, 2, L, RT::kInt, TR::kFixed, 0, 0, "", ""},
  {"JSON_MERGE", "rdb_json_merge_preserve", 2, -1, 0, RT::kJson, TR::kFixed, 0, -1, "", ""},
  {"JSON_MERGE_PATCH", "rdb_json_merge_patch", 2, -1, 0, RT::kJson, TR::kFixed, 0, -1, "", ""},
  {"JSON_MERGE_PRESERVE", "rdb_json_merge_preserve", 2, -1, 0, RT::kJson, TR::kFixed, 0, -1, "", ""},
  {"JSON_OBJECT", "rdb_json_object", 0, -1, 0, RT::kJson, TR::kFixed, 0, -1, "", "see JSON_ARRAY"},
  {"JSON_OBJECTAGG", "rdb_json_objectagg", 2, 2, A, RT::kJson, TR::kFixed, 0, -1, "", ""},
  {"JSON_QUERY", "rdb_json_query", 2, 2, 0, RT::kJson, TR::kFixed, 0, -1, "", ""},
  {"JSON_QUOTE", "rdb_json_quote", 1, 1, 0, RT::kString, TR::kFixed, 0, -1, "", ""},
  {"JSON_REMOVE", "rdb_json_remove", 2, -1, 0, RT::kJson, TR::kFixed, 0, -1, "", ""},
  {"JSON_REPLACE", "rdb_json_replace", 3, -1, 0, RT::kJson, TR::kFixed, 0, -1, "", ""},
  {"JSON_SEARCH", "rdb_json_search", 3, -1, 0, RT::kJson, TR::kFixed, 0, -1, "", "escape and path arguments ignored"},
  {"JSON_SET", "rdb_json_set", 3, -1, 0, RT::kJson, TR::kFixed, 0, -1, "", ""},
  {"JSON_TYPE", "rdb_json_type", 1, 1, 0, RT::kString, TR::kFixed, 0, -1, "", ""},
  {"JSON_UNQUOTE", "rdb_json_unquote", 1, 1, 0, RT::kString, TR::kFixed, 0, -1, "", ""},
  {"JSON_VALID", "rdb_json_valid", 1, 1, L, RT::kInt, TR::kFixed, 0, 0, "", ""},
  {"JSON_VALUE", "rdb_json_value", 2, 2, 0, RT::kString, TR::kFixed, 0, -1, "", ""},

  // ---- Aggregates ----
  {"AVG", "rdb_avg", 1, 1, A | U, RT::kDecimal, TR::kAvg, 0, -1, "rdb_dec_avg",
   "DOUBLE columns may use SQLite's avg(); AVG(DISTINCT x) -> rdb_avg(DISTINCT x)"},
  {"BIT_AND", "rdb_bit_and", 1, 1, A, RT::kUnsigned, TR::kFixed, 0, 0, "", ""},
  {"BIT_OR", "rdb_bit_or", 1, 1, A, RT::kUnsigned, TR::kFixed, 0, 0, "", ""},
  {"BIT_XOR", "rdb_bit_xor", 1, 1, A, RT::kUnsigned, TR::kFixed, 0, 0, "", ""},
  {"COUNT", "count", 0, -1, A | S, RT::kInt, TR::kFixed, 0, 0, "",
   "COUNT(*) -> count(*); COUNT(DISTINCT a, b, ...) -> rdb_count_distinct(a, b, ...) (also for a "
   "string expression without a column collation)"},
  {"GROUP_CONCAT", "rdb_group_concat", 1, -1, A | U | X, RT::kString, TR::kFixed, 0, 0, "",
   "GROUP_CONCAT(v [ORDER BY k1 [DESC], ...] [SEPARATOR s]) -> rdb_group_concat(v, s, k1, 1|0, ...) "
   "(1 = DESC); s defaults to ','. DISTINCT or several values: rdb_group_concat_ex(spec, s, v1, ..., vN, "
   "k1, ...), spec = 'D' (DISTINCT) or '-', then N, then 'a'/'d' per key: 'D1', '-2ad'; LIMIT [o,] n "
   "adds 'L'n ['O'o]: '-1aL2O1'"},
  {"MAX", "max", 1, 1, A | S, RT::kInt, TR::kSameAsArg, 0, -1, "", "uses the column's collation"},
  {"MIN", "min", 1, 1, A | S, RT::kInt, TR::kSameAsArg, 0, -1, "", "uses the column's collation"},
  {"STD", "rdb_std", 1, 1, A, RT::kDouble, TR::kVariance, 0, -1, "", ""},
  {"STDDEV", "rdb_std", 1, 1, A, RT::kDouble, TR::kVariance, 0, -1, "", ""},
  {"STDDEV_POP", "rdb_std", 1, 1, A, RT::kDouble, TR::kVariance, 0, -1, "", ""},
  {"STDDEV_SAMP", "rdb_stddev_samp", 1, 1, A, RT::kDouble, TR::kVariance, 0, -1, "", ""},
  {"SUM", "rdb_sum", 1, 1, A, RT::kDecimal, TR::kSum, 0, -1, "rdb_dec_sum",
   "exact for integers (no overflow); DOUBLE columns may use SQLite's sum()"},
  {"VAR_POP", "rdb_var_pop", 1, 1, A, RT::kDouble, TR::kVariance, 0, -1, "", ""},
  {"VAR_SAMP", "rdb_var_samp", 1, 1, A, RT::kDouble, TR::kVariance, 0, -1, "", ""},
  {"VARIANCE", "rdb_var_pop", 1, 1, A, RT::kDouble, TR::kVariance, 0, -1, "", ""},
};
// clang-format on

std::string UpperAscii(std::string_view s) {
  std::string r(s);
  for (char& c : r) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return r;
}

const std::unordered_map<std::string, const FunctionInfo*>& Index() {
  static const auto* index = [] {
    auto* m = new std::unordered_map<std::string, const FunctionInfo*>;
    for (const FunctionInfo& f : kFunctions) m->emplace(std::string(f.mysql_name), &f);
    return m;
  }();
  return *index;
}

void ScalarTrampoline(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  auto* fd = static_cast<fn::FunctionData*>(sqlite3_user_data(ctx));
  if (fd->null_if_any_null) {
    for (int i = 0; i < argc; i++) {
      if (sqlite3_value_type(argv[i]) == SQLITE_NULL) return sqlite3_result_null(ctx);
    }
  }
  fn::Call call(ctx, argc, argv);
  fd->impl(call);
}

void DeleteFunctionData(void* p) { delete static_cast<fn::FunctionData*>(p); }

}  // namespace

const FunctionInfo* LookupFunction(std::string_view mysql_name) {
  const auto& index = Index();
  auto it = index.find(UpperAscii(mysql_name));
  return it == index.end() ? nullptr : it->second;
}

std::span<const FunctionInfo> AllFunctions() { return std::span<const FunctionInfo>(kFunctions); }

Status RegisterMysqlFunctions(sqlite3* db, FunctionContextProvider* provider) {
  const fn::FamilyTable families[] = {
      fn::StringFunctions(),  fn::EncodingFunctions(), fn::PatternFunctions(),
      fn::NumericFunctions(), fn::DatetimeFunctions(), fn::IntervalFunctions(),
      fn::MiscFunctions(),    fn::JsonFunctions(),     fn::AggregateFunctions()};
  for (const fn::FamilyTable& fam : families) {
    for (size_t i = 0; i < fam.n_scalars; i++) {
      const fn::ScalarDef& d = fam.scalars[i];
      auto* data = new fn::FunctionData;
      data->provider = provider;
      data->impl = d.impl;
      data->null_if_any_null = (d.flags & fn::kNullIfAnyNull) != 0;
      data->name = d.name;
      int flags = SQLITE_UTF8;
      if (d.flags & fn::kDeterministic) flags |= SQLITE_DETERMINISTIC;
      if (std::string_view(d.name).rfind("rdb_json", 0) == 0) {
        flags |= SQLITE_SUBTYPE;
#ifdef SQLITE_RESULT_SUBTYPE
        flags |= SQLITE_RESULT_SUBTYPE;
#endif
      }
      int rc = sqlite3_create_function_v2(db, d.name, d.nargs, flags, data, ScalarTrampoline, nullptr,
                                          nullptr, DeleteFunctionData);
      if (rc != SQLITE_OK) {
        return Status::InvalidArgument(std::string("cannot register ") + d.name + ": " + sqlite3_errmsg(db));
      }
    }
    for (size_t i = 0; i < fam.n_aggregates; i++) {
      const fn::AggregateDef& d = fam.aggregates[i];
      auto* data = new fn::FunctionData;
      data->provider = provider;
      data->name = d.name;
      int flags = SQLITE_UTF8;
      if (std::string_view(d.name).rfind("rdb_json", 0) == 0) {
        flags |= SQLITE_SUBTYPE;
#ifdef SQLITE_RESULT_SUBTYPE
        flags |= SQLITE_RESULT_SUBTYPE;
#endif
      }
      int rc = sqlite3_create_function_v2(db, d.name, d.nargs, flags, data, nullptr, d.step, d.final,
                                          DeleteFunctionData);
      if (rc != SQLITE_OK) {
        return Status::InvalidArgument(std::string("cannot register ") + d.name + ": " + sqlite3_errmsg(db));
      }
    }
  }
  return Status::Ok();
}

}  // namespace relaydb::sql
