// Result sets: column definitions (ColumnDefinition41), text-protocol rows
// and binary-protocol rows, encoders for the server and decoders for the
// client. Prepared-statement packets are in prepared_stmt.h, included here
// for convenience.
//
// Implements MariaDB's knowledge base "Result set packets" (column count,
// column definition packet, text resultset row) and "Resultset row" (binary
// resultset row). A text result set on the wire is: column count
// (EncodeColumnCount), one column definition per column, EOF, rows, EOF (or
// ERR); docs/wire_protocol.md has the full sequences. All functions are pure
// and thread-safe; decoders are bounds-checked.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/mysql_types.h"
#include "common/status.h"
#include "common/value.h"
#include "wire/prepared_stmt.h"

namespace relaydb::wire {

// `decimals` value meaning "not a fixed number of decimals" (FLOAT/DOUBLE
// columns without (M,D), most expressions): MySQL's NOT_FIXED_DEC.
inline constexpr uint8_t kNotFixedDecimals = 31;

// The first packet of a result set: the length-encoded column count.
std::string EncodeColumnCount(uint64_t num_columns);

// ColumnDefinition41: lenenc "def", schema, table, org_table, name,
// org_name, lenenc 0x0c, int<2> charset, int<4> length, int<1> type,
// int<2> flags, int<1> decimals, 2 zero bytes.
std::string EncodeColumnDefinition41(const ColumnMeta& col);
// Decodes a ColumnDefinition41. With `extended_metadata` (the connection
// negotiated MARIADB_CLIENT_EXTENDED_METADATA) a length-encoded
// extended-type-info string follows org_name; it is skipped. Bytes after the
// fixed fields (COM_FIELD_LIST default values) are ignored.
// Corruption on malformed input.
Result<ColumnMeta> DecodeColumnDefinition41(std::string_view payload,
                                            bool extended_metadata = false);

// Text row: each value as a length-encoded string of Value::ToText(), NULL
// as 0xfb.
std::string EncodeTextRow(const std::vector<Value>& values);
// Type-aware text row: like the above, but each cell is TextValue(column, value).
// `columns` and `values` must have the same size (asserted).
std::string EncodeTextRow(const std::vector<ColumnMeta>& columns, const std::vector<Value>& values);
// The text-protocol form of non-NULL `v` in `col`, as MariaDB prints it:
// FLOAT values in single precision (FormatFloat), FLOAT/DOUBLE with fixed
// `decimals` (< 31) with exactly that many decimals, ZEROFILL integers
// zero-padded to `length`, BIT given as an integer as (length+7)/8
// big-endian bytes; otherwise Value::ToText().
std::string TextValue(const ColumnMeta& col, const Value& v);

// Client: decodes a text row of `num_columns` cells (nullopt for NULL).
// Corruption if the payload is short or has bytes left over.
Result<std::vector<std::optional<std::string>>> DecodeTextRow(std::string_view payload,
                                                              size_t num_columns);

// Binary row: 0x00, NULL bitmap of (n + 7 + 2) / 8 bytes with bit offset 2,
// then each non-NULL value encoded per its column's type (see
// EncodeBinaryValue in binary_value.h). InvalidArgument if the sizes differ
// or a value cannot be represented in its column's type.
Result<std::string> EncodeBinaryRow(const std::vector<ColumnMeta>& columns,
                                    const std::vector<Value>& values);
// Client: decodes a binary row with the given columns (type, and
// kUnsignedFlag for integers; date/time fractions printed with the column's
// `decimals` when it is 0..6). Corruption on malformed input.
Result<std::vector<Value>> DecodeBinaryRow(std::string_view payload,
                                           const std::vector<ColumnMeta>& columns);

}  // namespace relaydb::wire
