// Small text formatting helpers shared by relaydb-binlog's printers, each
// reproducing a piece of mariadb-binlog's output byte for byte.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace relaydb::binlog_tool {

// "231114 22:13:20" ("%02d%02d%02d %2d:%02d:%02d" of the local time).
std::string FormatLogTimestamp(int64_t seconds);

// `name` with embedded backticks doubled (my_snprintf's %`s).
std::string BacktickQuote(std::string_view name);

// Base64 with a newline after every 76 characters and none at the end
// (mysys my_base64_encode).
std::string Base64Encode(std::string_view bytes);

// X'414243' (uppercase hex), or '' for an empty string (str_to_hex).
std::string HexLiteral(std::string_view bytes);

// Lowercase hex digits of `bytes`.
std::string HexLower(std::string_view bytes);

// printf into a std::string.
std::string Printf(const char* fmt, ...) __attribute__((format(printf, 1, 2)));

}  // namespace relaydb::binlog_tool
