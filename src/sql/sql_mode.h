// sql_mode bits: MariaDB's values (the @@sql_mode bitmask, and the 8 bytes
// binlog Query events carry in their status variables). One definition for
// the whole SQL layer.
#pragma once

#include <cstdint>

namespace relaydb::sql {

inline constexpr uint64_t kModeRealAsFloat = 1ULL << 0;
inline constexpr uint64_t kModePipesAsConcat = 1ULL << 1;
inline constexpr uint64_t kModeAnsiQuotes = 1ULL << 2;
inline constexpr uint64_t kModeIgnoreSpace = 1ULL << 3;
inline constexpr uint64_t kModeIgnoreBadTableOptions = 1ULL << 4;
inline constexpr uint64_t kModeOnlyFullGroupBy = 1ULL << 5;
inline constexpr uint64_t kModeNoUnsignedSubtraction = 1ULL << 6;
inline constexpr uint64_t kModeNoDirInCreate = 1ULL << 7;
inline constexpr uint64_t kModePostgresql = 1ULL << 8;
inline constexpr uint64_t kModeOracle = 1ULL << 9;
inline constexpr uint64_t kModeMssql = 1ULL << 10;
inline constexpr uint64_t kModeDb2 = 1ULL << 11;
inline constexpr uint64_t kModeMaxdb = 1ULL << 12;
inline constexpr uint64_t kModeNoKeyOptions = 1ULL << 13;
inline constexpr uint64_t kModeNoTableOptions = 1ULL << 14;
inline constexpr uint64_t kModeNoFieldOptions = 1ULL << 15;
inline constexpr uint64_t kModeMysql323 = 1ULL << 16;
inline constexpr uint64_t kModeMysql40 = 1ULL << 17;
inline constexpr uint64_t kModeAnsi = 1ULL << 18;
inline constexpr uint64_t kModeNoAutoValueOnZero = 1ULL << 19;
inline constexpr uint64_t kModeNoBackslashEscapes = 1ULL << 20;
inline constexpr uint64_t kModeStrictTransTables = 1ULL << 21;
inline constexpr uint64_t kModeStrictAllTables = 1ULL << 22;
inline constexpr uint64_t kModeNoZeroInDate = 1ULL << 23;
inline constexpr uint64_t kModeNoZeroDate = 1ULL << 24;
inline constexpr uint64_t kModeAllowInvalidDates = 1ULL << 25;
inline constexpr uint64_t kModeInvalidDates = kModeAllowInvalidDates;
inline constexpr uint64_t kModeErrorForDivisionByZero = 1ULL << 26;
inline constexpr uint64_t kModeTraditional = 1ULL << 27;
inline constexpr uint64_t kModeNoAutoCreateUser = 1ULL << 28;
inline constexpr uint64_t kModeHighNotPrecedence = 1ULL << 29;
inline constexpr uint64_t kModeNoEngineSubstitution = 1ULL << 30;
inline constexpr uint64_t kModePadCharToFullLength = 1ULL << 31;
inline constexpr uint64_t kModeEmptyStringIsNull = 1ULL << 32;
inline constexpr uint64_t kModeSimultaneousAssignment = 1ULL << 33;
inline constexpr uint64_t kModeTimeRoundFractional = 1ULL << 34;
inline constexpr uint64_t kSqlModeAll = (1ULL << 35) - 1;
// STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,NO_ENGINE_SUBSTITUTION
inline constexpr uint64_t kDefaultSqlMode = 1411383296;

}  // namespace relaydb::sql
