// MySQL's binary DECIMAL format (strings/decimal.c decimal2bin/bin2decimal),
// used by NEWDECIMAL row values and DECIMAL user variables
// (docs/binlog_format.md, "DECIMAL").
//
// Digits are grouped by 9 from the decimal point outwards; a full group takes
// 4 big-endian bytes, a partial group of n digits takes dig2bytes[n] bytes.
// Negative numbers have every byte inverted, and the first byte's top bit is
// flipped so that the bytes sort like the numbers.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "common/bytes.h"
#include "common/status.h"

namespace relaydb::binlog {

inline constexpr int kMaxDecimalPrecision = 65;
inline constexpr int kMaxDecimalScale = 38;

// Bytes a DECIMAL(precision, scale) value takes.
size_t DecimalBinarySize(int precision, int scale);

// Encodes `text` ("[-]digits[.digits]") as DECIMAL(precision, scale).
// Missing decimals are zero-filled; extra decimals must be zeros. Returns
// InvalidArgument if the text is malformed or its integer part does not fit.
Status EncodeDecimal(std::string_view text, int precision, int scale, std::string* out);

// Decodes one DECIMAL(precision, scale) value into canonical text: no
// leading zeros ("0" before the point for |x| < 1), exactly `scale` decimals,
// "-" only for non-zero negatives.
Status DecodeDecimal(ByteReader* r, int precision, int scale, std::string* text);

// The (precision, scale) a user variable holding `text` is logged with:
// significant integer digits + decimals, and the decimals ("1.25" -> 3,2;
// "0.5" -> 1,1). Returns false if `text` is not a decimal number.
bool DecimalTextPrecision(std::string_view text, int* precision, int* scale);

}  // namespace relaydb::binlog
