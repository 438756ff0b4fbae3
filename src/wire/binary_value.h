// The binary protocol's encoding of one value, shared by binary result rows
// (ProtocolBinary::ResultsetRow) and COM_STMT_EXECUTE parameters, and the
// conversion between the DATE/DATETIME/TIME wire structs and relaydb's
// canonical date/time text.
//
// Implements MariaDB's knowledge base "Resultset row" (binary resultset row,
// "Binary value encoding" / MYSQL_TIME structs). Pure functions, thread-safe,
// bounds-checked.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/bytes.h"
#include "common/mysql_types.h"
#include "common/status.h"
#include "common/value.h"

namespace relaydb::wire {

// MYSQL_TIME as the binary protocol carries it. For a TIME value `hour` is
// the total number of hours (may exceed 23); encoders split it into days.
struct MysqlTime {
  bool negative = false;
  uint32_t year = 0;
  uint32_t month = 0;
  uint32_t day = 0;
  uint32_t hour = 0;
  uint32_t minute = 0;
  uint32_t second = 0;
  uint32_t microsecond = 0;
};

// Parses 'YYYY-MM-DD' or 'YYYY-MM-DD hh:mm:ss[.f{1,6}]' (a 'T' separator is
// also accepted). False on anything else.
bool ParseDateTimeText(std::string_view text, MysqlTime* out);
// Parses '[-]h+:mm:ss[.f{1,6}]'. False on anything else.
bool ParseTimeText(std::string_view text, MysqlTime* out);

// `frac_digits`: how many fractional-second digits to print: 0..6, or -1 for
// "6 if the microseconds are not zero, else none" (what MariaDB prints for a
// value of unknown precision).
std::string FormatDateText(const MysqlTime& t);                      // 'YYYY-MM-DD'
std::string FormatDateTimeText(const MysqlTime& t, int frac_digits);  // 'YYYY-MM-DD hh:mm:ss[.f]'
std::string FormatTimeText(const MysqlTime& t, int frac_digits);      // '[-]hh:mm:ss[.f]'

// Appends the binary encoding of non-NULL `v` as a value of column `col`
// (col.type; col.length for BIT). Integers are written in the column's
// width whatever the Value kind (an unsigned BIGINT may come as decimal
// text); FLOAT takes a Double and narrows it; DATE/DATETIME/TIMESTAMP/TIME
// parse the canonical text into the 0/4/7/11- or 0/8/12-byte structs; BIT
// given as an integer becomes (length+7)/8 big-endian bytes; everything else
// is the length-encoded Value::ToText(). InvalidArgument if `v` cannot be
// represented (e.g. text that is not a number for an INT column).
Status EncodeBinaryValue(const ColumnMeta& col, const Value& v, ByteWriter* w);

// Reads one binary-encoded value of wire type `type` (MYSQL_TYPE_*).
// Integers give Value::Int, or Value::UInt when `is_unsigned`; FLOAT and
// DOUBLE give Value::Double; DATE/DATETIME/TIMESTAMP/TIME give canonical text
// (DATE and NEWDATE as 'YYYY-MM-DD'), with `frac_digits` as above;
// everything else (including MYSQL_TYPE_NULL, which EncodeBinaryValue also
// writes as a length-encoded string) gives the raw bytes of a length-encoded
// string. Corruption on short input. NULLs are not values: they live in the
// NULL bitmap of the row / the execute packet.
Status DecodeBinaryValue(ByteReader* r, uint8_t type, bool is_unsigned, int frac_digits,
                         Value* out);

}  // namespace relaydb::wire
