// Row-based replication events (docs/binlog_format.md, "Row events"):
// Table_map (19) with MariaDB 10.5+/MySQL 8.0 optional metadata, and the
// Write/Update/Delete_rows events v1 (23-25, what MariaDB writes), v2 (30-32,
// MySQL) and MariaDB's compressed variants (166-171).
//
// These codecs handle the framing of the events: table ids, column types and
// metadata, bitmaps. The row images inside a rows event are encoded and
// decoded by row_codec.h, which needs the column types a Table_map gives.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "binlog/control_events.h"
#include "binlog/event_format.h"
#include "common/status.h"

namespace relaydb::binlog {

// The optional metadata block at the end of a Table_map (each field is
// absent unless the server wrote it). Column indexes in `*_charset_exceptions`
// count only the character (resp. ENUM/SET) columns, as the format does.
struct TableMapOptionalMetadata {
  // One flag per numeric column (TINY..LONGLONG, FLOAT, DOUBLE, NEWDECIMAL,
  // YEAR), true = UNSIGNED. Stored MSB-first.
  std::optional<std::vector<bool>> signedness;
  // DEFAULT_CHARSET: the most common collation of the character columns and
  // (character-column index, collation) for the others.
  std::optional<uint32_t> default_charset;
  std::vector<std::pair<uint32_t, uint32_t>> default_charset_exceptions;
  // COLUMN_CHARSET: one collation per character column.
  std::optional<std::vector<uint32_t>> column_charsets;
  std::optional<std::vector<std::string>> column_names;
  std::optional<std::vector<std::vector<std::string>>> set_values;   // per SET column
  std::optional<std::vector<std::vector<std::string>>> enum_values;  // per ENUM column
  std::optional<std::vector<uint32_t>> geometry_types;               // per GEOMETRY column
  std::optional<std::vector<uint32_t>> simple_primary_key;           // column indexes
  std::optional<std::vector<std::pair<uint32_t, uint32_t>>>
      primary_key_with_prefix;  // (index, prefix)
  std::optional<uint32_t> enum_and_set_default_charset;
  std::vector<std::pair<uint32_t, uint32_t>> enum_and_set_default_charset_exceptions;
  std::optional<std::vector<uint32_t>> enum_and_set_column_charsets;
  std::optional<std::vector<bool>> column_visibility;  // MySQL 8.0.23+, MSB-first

  bool empty() const;
};

// Table_map (type 19): binds a table id to db.table and its column types for
// the rows events that follow in the same group.
struct TableMapEvent {
  uint64_t table_id = 0;  // 6 bytes
  uint16_t flags = kTableMapBitLenExactF;
  std::string db;
  std::string table;
  std::vector<uint8_t> column_types;  // binlog types (MYSQL_TYPE_*)
  std::vector<uint16_t> column_meta;  // per column; encoding in column_spec.h
  std::vector<bool> nullable;         // the null bitmap
  TableMapOptionalMetadata optional;

  size_t column_count() const { return column_types.size(); }
  std::string Encode() const;
  static Result<TableMapEvent> Decode(std::string_view body, const FormatDescription& fde);
};

// Bytes of table-map metadata a column of binlog type `type` has (0..2).
size_t ColumnMetadataSize(uint8_t type);

// Write/Update/Delete_rows (v1, v2, compressed).
struct RowsEvent {
  uint8_t type = kWriteRowsEventV1;
  uint64_t table_id = 0;
  uint16_t flags = kStmtEndF;  // RowsFlags
  // v2 only: the extra-data bytes after the 2-byte length (tagged extra info).
  std::string extra_data;
  uint32_t column_count = 0;
  std::vector<bool> columns_before;  // columns present in the (before) image
  std::vector<bool> columns_after;   // Update only: columns present in the after image
  std::string rows;                  // the row images, uncompressed (row_codec.h)

  bool is_write() const;
  bool is_update() const;
  bool is_delete() const;
  bool is_v2() const;
  bool is_compressed() const;

  // The body; compressed types compress `rows` (compression.h).
  std::string Encode() const;
  static Result<RowsEvent> Decode(std::string_view body, const FormatDescription& fde,
                                  uint8_t type);
};

// True for the rows event types 23-25, 30-32 and 166-171.
bool IsRowsEventType(uint8_t type);

// Bitmaps as rows events and Table_map null bits store them: bit i is bit
// (i % 8) of byte i / 8.
void EncodeBitmap(const std::vector<bool>& bits, std::string* out);
Status DecodeBitmap(std::string_view bytes, size_t nbits, std::vector<bool>* bits);

}  // namespace relaydb::binlog
