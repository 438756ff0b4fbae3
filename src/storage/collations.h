// The SQLite collations that make SQLite's comparisons, indexes and ORDER BY
// give MySQL's answers (docs/architecture.md, "Storage mapping"):
//
//   rdb_ci   utf8mb4_general_ci: each character compares by MariaDB's
//            general_ci weight (case- and, for Latin letters, accent-
//            insensitive: 'a' = 'A' = 'á', 'ß' = 's'; every character above
//            U+FFFF weighs U+FFFD, as in MariaDB), PAD SPACE.
//   rdb_bin  utf8mb4_bin / binary strings: bytewise (= code point order for
//            UTF-8), PAD SPACE.
//   rdb_num  decimal text ("-12.50", "3", "18446744073709551615") compared
//            numerically and exactly, any length; text that is not a number
//            sorts after all numbers, bytewise.
//   rdb_time MySQL TIME text '[-]hhh:mm:ss[.ffffff]' ordered by value;
//            unparsable text sorts after, bytewise.
//
// PAD SPACE means the shorter string compares as if padded with spaces:
// 'a' = 'a  ', and 'a\t' < 'a' (tab sorts below space).
//
// The comparison functions are exported so C++ code (ENUM/SET label
// matching, tests) can use exactly the same order. All are pure and
// thread-safe. Invalid UTF-8 never crashes: a byte that does not start a
// valid sequence weighs 0x110000 + byte, after every character.
#pragma once

#include <sqlite3.h>

#include <string_view>

#include "common/status.h"

namespace relaydb::storage {

inline constexpr char kCollationCi[] = "rdb_ci";
inline constexpr char kCollationBin[] = "rdb_bin";
inline constexpr char kCollationNum[] = "rdb_num";
inline constexpr char kCollationTime[] = "rdb_time";

// Registers the four collations on `db` (Connection::Open does this).
Status RegisterCollations(sqlite3* db);

// Three-way comparisons: negative, zero or positive.
int CompareCi(std::string_view a, std::string_view b);
int CompareBin(std::string_view a, std::string_view b);
int CompareNum(std::string_view a, std::string_view b);
int CompareTime(std::string_view a, std::string_view b);

// MariaDB utf8mb4_general_ci weight of one code point.
uint32_t GeneralCiWeight(uint32_t code_point);

// True when `s` is decimal text rdb_num orders numerically:
// [+-]digits[.digits] or [+-].digits.
bool IsDecimalText(std::string_view s);

}  // namespace relaydb::storage
