// MySQL wire/binlog field types (MYSQL_TYPE_*), column flags and the
// metadata of one result-set column. Shared by wire/ (column definition
// packets, binary rows), binlog/ (Table_map) and sql/ (which produces it).
#pragma once

#include <cstdint>
#include <string>

namespace relaydb {

enum FieldType : uint8_t {
  kTypeDecimal = 0,
  kTypeTiny = 1,
  kTypeShort = 2,
  kTypeLong = 3,
  kTypeFloat = 4,
  kTypeDouble = 5,
  kTypeNull = 6,
  kTypeTimestamp = 7,
  kTypeLongLong = 8,
  kTypeInt24 = 9,
  kTypeDate = 10,
  kTypeTime = 11,
  kTypeDatetime = 12,
  kTypeYear = 13,
  kTypeNewDate = 14,
  kTypeVarchar = 15,
  kTypeBit = 16,
  kTypeTimestamp2 = 17,
  kTypeDatetime2 = 18,
  kTypeTime2 = 19,
  kTypeJson = 245,
  kTypeNewDecimal = 246,
  kTypeEnum = 247,
  kTypeSet = 248,
  kTypeTinyBlob = 249,
  kTypeMediumBlob = 250,
  kTypeLongBlob = 251,
  kTypeBlob = 252,
  kTypeVarString = 253,
  kTypeString = 254,
  kTypeGeometry = 255,
};

// Column definition flags (column_definition41.flags).
enum ColumnFlag : uint16_t {
  kNotNullFlag = 1,
  kPriKeyFlag = 2,
  kUniqueKeyFlag = 4,
  kMultipleKeyFlag = 8,
  kBlobFlag = 16,
  kUnsignedFlag = 32,
  kZerofillFlag = 64,
  kBinaryFlag = 128,
  kEnumFlag = 256,
  kAutoIncrementFlag = 512,
  kTimestampFlag = 1024,
  kSetFlag = 2048,
  kNoDefaultValueFlag = 4096,
  kOnUpdateNowFlag = 8192,
  kNumFlag = 32768,
};

// Character set ids as sent in column definitions and handshakes.
inline constexpr uint16_t kCharsetUtf8mb4GeneralCi = 45;
inline constexpr uint16_t kCharsetUtf8GeneralCi = 33;
inline constexpr uint16_t kCharsetLatin1SwedishCi = 8;
inline constexpr uint16_t kCharsetBinary = 63;

// Metadata of one result-set column (Protocol::ColumnDefinition41).
struct ColumnMeta {
  std::string schema;     // database
  std::string table;      // table alias
  std::string org_table;  // physical table name
  std::string name;       // column alias as the client sees it
  std::string org_name;   // physical column name
  uint16_t charset = kCharsetUtf8mb4GeneralCi;
  uint32_t length = 0;    // maximum display length in bytes
  FieldType type = kTypeVarString;
  uint16_t flags = 0;
  uint8_t decimals = 0;
};

}  // namespace relaydb
