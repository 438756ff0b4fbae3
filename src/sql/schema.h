// The MySQL definition of a table as relaydb's catalog keeps it: column types
// exactly as the user wrote them (INT(11) UNSIGNED ZEROFILL, DECIMAL(10,2),
// ENUM('a','b'), VARCHAR(20) CHARACTER SET latin1 ...), keys and table
// options. The parser fills these from CREATE/ALTER TABLE; the catalog stores
// them, renders SHOW CREATE TABLE from them, and the binlog encodes rows by
// them. SQLite only ever sees the translated schema (see catalog.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/mysql_types.h"

namespace relaydb::sql {

// The MySQL base type of a column, one value per spelling family.
enum class BaseType : uint8_t {
  kTinyInt, kSmallInt, kMediumInt, kInt, kBigInt,
  kDecimal,            // DECIMAL/NUMERIC(p,s): exact, stored as canonical text
  kFloat, kDouble,     // FLOAT, DOUBLE/REAL
  kBit,                // BIT(n)
  kChar, kVarchar,     // CHAR(n), VARCHAR(n)
  kBinary, kVarbinary, // BINARY(n), VARBINARY(n)
  kTinyText, kText, kMediumText, kLongText,
  kTinyBlob, kBlob, kMediumBlob, kLongBlob,
  kDate, kDatetime, kTimestamp, kTime, kYear,
  kEnum, kSet,
  kJson,
};

struct ColumnType {
  BaseType base = BaseType::kInt;
  // Display width for integers (INT(11)); precision for DECIMAL; length for
  // CHAR/VARCHAR/BINARY/VARBINARY/BIT; -1 when the user gave none.
  int32_t length = -1;
  // Scale for DECIMAL/FLOAT/DOUBLE(m,d); fractional-seconds precision for
  // DATETIME/TIMESTAMP/TIME(fsp); -1 when not given.
  int32_t decimals = -1;
  bool is_unsigned = false;
  bool zerofill = false;
  // CHARACTER SET / COLLATE as written; empty means the table default.
  std::string charset;
  std::string collation;
  // ENUM/SET member labels, in declaration order (unquoted).
  std::vector<std::string> elements;

  bool IsInteger() const { return base <= BaseType::kBigInt; }
  bool IsString() const {
    return base == BaseType::kChar || base == BaseType::kVarchar ||
           (base >= BaseType::kTinyText && base <= BaseType::kLongText) || base == BaseType::kEnum ||
           base == BaseType::kSet;
  }
  bool IsBinaryString() const {
    return base == BaseType::kBinary || base == BaseType::kVarbinary ||
           (base >= BaseType::kTinyBlob && base <= BaseType::kLongBlob);
  }
  bool IsTemporal() const { return base >= BaseType::kDate && base <= BaseType::kYear; }
};

struct ColumnDef {
  std::string name;
  ColumnType type;
  bool nullable = true;       // false for NOT NULL (and for PRIMARY KEY columns)
  bool auto_increment = false;
  // DEFAULT as MySQL shows it in SHOW CREATE TABLE: a literal's canonical
  // text, or an expression such as current_timestamp(). Absent = no DEFAULT.
  std::optional<std::string> default_value;
  bool default_is_null = false;        // DEFAULT NULL
  bool default_is_expression = false;  // e.g. CURRENT_TIMESTAMP, not a literal
  bool on_update_current_timestamp = false;
  std::string comment;
};

enum class IndexKind : uint8_t { kPrimary, kUnique, kIndex, kFulltext };

struct IndexColumn {
  std::string name;
  int32_t prefix_length = -1;  // KEY (c(10))
  bool descending = false;
};

struct IndexDef {
  std::string name;  // "PRIMARY" for the primary key
  IndexKind kind = IndexKind::kIndex;
  std::vector<IndexColumn> columns;
  std::string comment;
};

struct TableDef {
  std::string db;
  std::string name;
  std::vector<ColumnDef> columns;
  std::vector<IndexDef> indexes;  // the primary key, if any, first
  std::string engine = "InnoDB";
  std::string charset;    // DEFAULT CHARSET; empty = database default
  std::string collation;
  uint64_t auto_increment = 1;  // next AUTO_INCREMENT value (table option AUTO_INCREMENT=)
  std::string comment;

  // Index of the column named `name` (case-insensitive), or -1.
  int FindColumn(const std::string& name) const;
  const IndexDef* PrimaryKey() const {
    return !indexes.empty() && indexes[0].kind == IndexKind::kPrimary ? &indexes[0] : nullptr;
  }
};

}  // namespace relaydb::sql
