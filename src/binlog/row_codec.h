// Row images inside Write/Update/Delete_rows events (docs/binlog_format.md,
// "Row images"): for each row, a null bitmap over the columns present in the
// image, then each present non-NULL value in its binlog encoding.
//
// Values travel as relaydb::Value in the SQL layer's stored forms
// (sql/types.h "Stored forms"), except where the binlog cannot know what the
// SQL layer knows (ENUM/SET labels, the session time zone). Encode accepts
// and Decode returns, per binlog type:
//
//   TINY, SHORT, INT24, LONG   Int (unsigned columns: the non-negative value)
//   LONGLONG                   Int; UNSIGNED: String decimal text
//                              ("18446744073709551615"); Encode also takes
//                              UInt or a non-negative Int
//   NEWDECIMAL                 String, canonical text, exactly scale decimals
//   FLOAT, DOUBLE              Double
//   BIT                        Int, the bit pattern (BIT(64) may be negative)
//   YEAR                       Int, the full year (0 for 0000)
//   STRING (CHAR, BINARY)      String of bytes in the column charset; CHAR
//                              without trailing spaces, BINARY NUL-padded to
//                              its length (the binlog strips both)
//   STRING real type ENUM      Int, 1-based member index (0 = the '' error value)
//   STRING real type SET       Int, member bitmask (bit 0 = first member)
//   VARCHAR, BLOB, GEOMETRY    String of bytes (TEXT/JSON as UTF-8 text)
//   DATE                       String 'YYYY-MM-DD'
//   DATETIME2 / DATETIME       String 'YYYY-MM-DD hh:mm:ss[.f]', fsp digits
//   TIMESTAMP2 / TIMESTAMP     String '<seconds since the epoch>[.f]', fsp
//                              digits; "0" is the zero timestamp (temporal.h
//                              converts to and from UTC datetime text)
//   TIME2 / TIME               String '[-]hh[h]:mm:ss[.f]', fsp digits
//
// Strings longer than the column, numbers out of its range and malformed
// texts are InvalidArgument on encode; short or impossible bytes are
// Corruption on decode.
#pragma once

#include <string>
#include <vector>

#include "binlog/column_spec.h"
#include "binlog/rows_events.h"
#include "common/bytes.h"
#include "common/status.h"
#include "common/value.h"

namespace relaydb::binlog {

// One value of column `col` (never NULL: NULLs live in the null bitmap).
Status EncodeValue(const ColumnSpec& col, const Value& v, std::string* out);
Status DecodeValue(const ColumnSpec& col, ByteReader* r, Value* out);

// One row image over the columns with present[i] set: null bitmap (one bit
// per present column) then the values. `row` holds every column of the table.
Status EncodeRowImage(const std::vector<ColumnSpec>& cols, const std::vector<bool>& present,
                      const std::vector<Value>& row, std::string* out);
// Decodes one image into `row` (resized to cols.size(); absent columns NULL).
Status DecodeRowImage(const std::vector<ColumnSpec>& cols, const std::vector<bool>& present,
                      ByteReader* r, std::vector<Value>* row);

// The rows of a rows event. For Write_rows only `after` is set, for
// Delete_rows only `before`, for Update_rows both. Columns absent from an
// image (binlog_row_image=MINIMAL/NOBLOB) are NULL in it; `before_present`
// and `after_present` say which are real.
struct RowChange {
  std::vector<Value> before;
  std::vector<Value> after;
};
struct DecodedRows {
  std::vector<bool> before_present;
  std::vector<bool> after_present;
  std::vector<RowChange> rows;
};
// `cols` must describe the table the event's table id maps (one spec per
// column, ColumnSpecsFromTableMap or the applier's own).
Result<DecodedRows> DecodeRows(const RowsEvent& event, const std::vector<ColumnSpec>& cols);

// Builds the rows events of one statement on one table as MariaDB does:
// full row images, a new event whenever the next row would push the event's
// data past `max_event_size` (binlog_row_event_max_size), STMT_END_F on the
// last one only.
class RowsEventBuilder {
 public:
  // `type` is one of the rows event types (kWriteRowsEventV1 ...).
  RowsEventBuilder(uint8_t type, uint64_t table_id, std::vector<ColumnSpec> cols,
                   size_t max_event_size = kDefaultRowsEventMaxSize);

  // Write/Delete: the row's (after/before) image. Update: use AddUpdate.
  Status AddRow(const std::vector<Value>& row);
  Status AddUpdate(const std::vector<Value>& before, const std::vector<Value>& after);

  bool empty() const { return events_.empty(); }
  // The events built; `flags` (e.g. kNoForeignKeyChecksF) go on every one,
  // kStmtEndF on the last. Leaves the builder empty.
  std::vector<RowsEvent> Finish(uint16_t flags = 0);

 private:
  Status Add(const std::string& image);
  size_t DataSize(const RowsEvent& e) const;

  const uint8_t type_;
  const uint64_t table_id_;
  const std::vector<ColumnSpec> cols_;
  const size_t max_event_size_;
  const std::vector<bool> all_present_;
  std::vector<RowsEvent> events_;
};

}  // namespace relaydb::binlog
