// How a column looks to the binary log, independent of the SQL layer
// (docs/binlog_format.md, "Column types and metadata"):
//
//  * ColumnTypeDesc: a plain description of a MySQL column type whose
//    ColumnBase values mirror sql::BaseType (sql/schema.h) one for one, so the
//    SQL layer can static_cast between them without binlog/ knowing sql/.
//  * ColumnSpec: the binlog type code + 16-bit metadata a Table_map carries
//    for the column, plus what decoding its values needs (signedness,
//    nullability, binary charset).
//  * MakeTableMap: a whole Table_map for a table description, with the
//    optional metadata binlog_row_metadata=NO_LOG/MINIMAL/FULL asks for.
//
// The 16-bit metadata is MySQL's in-memory form (rpl_utility.cc table_def):
//   FLOAT/DOUBLE     pack length (4 / 8)
//   NEWDECIMAL       precision << 8 | scale
//   VARCHAR          maximum length in bytes
//   BIT              (bits / 8) << 8 | bits % 8
//   STRING           real type (STRING/ENUM/SET) << 8 | length, with bits
//                    8-9 of a CHAR byte length > 255 folded into the type
//                    byte (XOR 0x30 after shifting right by 4)
//   ENUM / SET       (as STRING) real type << 8 | pack length (1-2 / 1-8)
//   BLOB, GEOMETRY   bytes of the length prefix (1-4)
//   DATETIME2, TIMESTAMP2, TIME2   fractional-seconds precision (0-6)
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "binlog/rows_events.h"
#include "common/mysql_types.h"
#include "common/status.h"

namespace relaydb::binlog {

// Same order and values as sql::BaseType.
enum class ColumnBase : uint8_t {
  kTinyInt,
  kSmallInt,
  kMediumInt,
  kInt,
  kBigInt,
  kDecimal,
  kFloat,
  kDouble,
  kBit,
  kChar,
  kVarchar,
  kBinary,
  kVarbinary,
  kTinyText,
  kText,
  kMediumText,
  kLongText,
  kTinyBlob,
  kBlob,
  kMediumBlob,
  kLongBlob,
  kDate,
  kDatetime,
  kTimestamp,
  kTime,
  kYear,
  kEnum,
  kSet,
  kJson,
};

struct ColumnTypeDesc {
  ColumnBase base = ColumnBase::kInt;
  // Precision for DECIMAL; characters for CHAR/VARCHAR; bytes for
  // BINARY/VARBINARY; bits for BIT; -1 = the type's default.
  int32_t length = -1;
  // Scale for DECIMAL; fsp for DATETIME/TIMESTAMP/TIME; -1 = default (0).
  int32_t decimals = -1;
  bool is_unsigned = false;
  // The column's character set is binary (BINARY, VARBINARY, BLOBs, or a
  // character type declared CHARACTER SET binary).
  bool binary_charset = false;
  // mbmaxlen of the column's character set: 4 utf8mb4, 3 utf8mb3, 1 latin1
  // and binary. CHAR/VARCHAR byte lengths are characters x this.
  uint8_t max_bytes_per_char = 4;
  // Number of ENUM/SET members.
  size_t element_count = 0;
  bool nullable = true;
};

struct ColumnSpec {
  uint8_t type = kTypeLong;  // binlog type, as in the Table_map
  uint16_t meta = 0;
  bool is_unsigned = false;
  bool nullable = true;
  // STRING columns: the charset is binary, so values are NUL-padded (BINARY)
  // rather than space-trimmed (CHAR).
  bool binary = false;

  // STRING columns: STRING, ENUM or SET as the metadata says; else `type`.
  uint8_t real_type() const;
  // STRING/VARCHAR: maximum byte length; ENUM/SET: pack length.
  uint32_t max_length() const;
};

// The ColumnSpec MariaDB 10.11 logs for a column of this type (JSON is
// LONGTEXT, i.e. BLOB with a 4-byte length). InvalidArgument for an
// impossible description (DECIMAL(70), CHAR(300) over 1020 bytes...).
Result<ColumnSpec> ColumnSpecFor(const ColumnTypeDesc& desc);

// Specs for decoding the rows of a table mapped by `tm`: types, metadata and
// nullability from the map; unsignedness and binary charsets from its
// optional metadata when the source logged it (else signed / non-binary: the
// applier should then fill those from its own table definition).
std::vector<ColumnSpec> ColumnSpecsFromTableMap(const TableMapEvent& tm);

// binlog_row_metadata.
enum class RowMetadata : uint8_t {
  kNoLog,    // MariaDB 10.11's default: no optional metadata
  kMinimal,  // signedness, character-column charsets
  kFull,     // + column names, ENUM/SET charsets and members, primary key
};

struct ColumnDescription {
  std::string name;
  ColumnTypeDesc type;
  // Collation id of a character/ENUM/SET column (63 for binary ones).
  uint32_t collation = kCharsetUtf8mb4GeneralCi;
  std::vector<std::string> elements;  // ENUM/SET members, for kFull
};

struct TableDescription {
  std::string db;
  std::string table;
  std::vector<ColumnDescription> columns;
  std::vector<uint32_t> primary_key;  // column indexes, in key order
};

// A Table_map for `table` as MariaDB 10.11 writes it with the given
// binlog_row_metadata (flags TM_BIT_LEN_EXACT_F).
Result<TableMapEvent> MakeTableMap(uint64_t table_id, const TableDescription& table,
                                   RowMetadata metadata);

}  // namespace relaydb::binlog
