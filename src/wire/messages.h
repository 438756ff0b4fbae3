// Generic response packets: OK, ERR and EOF. Builders (server side) and
// parsers (client side), plus recognition of what a response packet is.
//
// Implements MariaDB's knowledge base pages "OK_Packet", "ERR_Packet" and
// "EOF_Packet" for CLIENT_PROTOCOL_41 peers. All functions are pure (no I/O,
// no globals) and thread-safe. Builders return the payload only; PacketConn
// adds the 4-byte packet header. Parsers take a payload that starts with the
// header byte (0x00 / 0xfe / 0xff) and never read out of bounds: malformed
// input gives a non-ok Status.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"

namespace relaydb::wire {

// MariaDB truncates error messages to MYSQL_ERRMSG_SIZE - 1 bytes.
inline constexpr size_t kMaxErrorMessageBytes = 511;

// ---------------------------------------------------------------------------
// Builders
// ---------------------------------------------------------------------------

// OK_Packet: 0x00, lenenc affected_rows, lenenc last_insert_id,
// int<2> status_flags, int<2> warnings, then `info` as a length-encoded
// string if it is not empty. That is exactly what MariaDB sends both with and
// without CLIENT_SESSION_TRACK as long as no session state is reported (we
// never set SERVER_SESSION_STATE_CHANGED).
std::string OkPacket(uint64_t affected_rows, uint64_t last_insert_id, uint16_t status_flags,
                     uint16_t warnings, std::string_view info = {});

// The OK packet with a 0xfe header that ends a result set instead of an EOF
// packet when CLIENT_DEPRECATE_EOF was negotiated: 0xfe, 0, 0, status,
// warnings. Note the OK layout: status before warnings.
std::string OkPacketAsEof(uint16_t status_flags, uint16_t warnings);

// EOF_Packet: 0xfe, int<2> warnings, int<2> status_flags (5 bytes). Note the
// argument order follows the wire: warnings first.
std::string EofPacket(uint16_t warnings, uint16_t status_flags);

// ERR_Packet for a CLIENT_PROTOCOL_41 client: 0xff, int<2> error_code, '#',
// 5-byte sqlstate, message (truncated to kMaxErrorMessageBytes). A sqlstate
// that is not 5 bytes long is replaced by "HY000".
std::string ErrPacket(uint16_t error_code, std::string_view sqlstate, std::string_view message);
// The same for a Status: a SqlError gives its errno/SQLSTATE/message; any
// other non-ok Status gives 1105 (HY000) with the status message.
std::string ErrPacket(const Status& status);
// ERR_Packet without the '#'+SQLSTATE marker, which MariaDB sends before it
// knows the client's capabilities (e.g. "Host ... is not allowed to connect",
// "Too many connections" answered instead of the greeting).
std::string ErrPacketWithoutSqlstate(uint16_t error_code, std::string_view message);

// ---------------------------------------------------------------------------
// Recognition and parsers (client side)
// ---------------------------------------------------------------------------

// What the first packet of a response to a command is.
enum class ResponseKind : uint8_t {
  kOk,           // 0x00: OK packet
  kErr,          // 0xff: ERR packet
  kEof,          // 0xfe: EOF packet (or, with DEPRECATE_EOF, OK packet with 0xfe header)
  kLocalInfile,  // 0xfb: LOAD DATA LOCAL INFILE request
  kResultSet,    // anything else: length-encoded column count of a result set
  kMalformed,    // empty payload
};
ResponseKind ClassifyResponse(std::string_view payload);

// Inside a result set (column definitions and rows): whether `payload` is the
// terminating EOF packet. A row may itself start with 0xfe (a length-encoded
// 8-byte length), so the size matters: an EOF packet is shorter than 9 bytes;
// with CLIENT_DEPRECATE_EOF the terminator is an OK packet with a 0xfe header
// and is shorter than 0xffffff bytes.
bool IsEofPacket(std::string_view payload, bool deprecate_eof = false);
bool IsErrPacket(std::string_view payload);

struct OkPacketData {
  uint64_t affected_rows = 0;
  uint64_t last_insert_id = 0;
  uint16_t status_flags = 0;
  uint16_t warnings = 0;
  std::string info;  // human-readable info ("Rows matched: 1  Changed: 1  Warnings: 0"), may be empty
};
// Parses an OK packet with a 0x00 or 0xfe header. Session-state-change data
// that follows the info string (CLIENT_SESSION_TRACK) is skipped.
Result<OkPacketData> ParseOk(std::string_view payload);

struct EofPacketData {
  uint16_t warnings = 0;
  uint16_t status_flags = 0;
};
// Parses a 5-byte EOF packet (a bare 0xfe, as pre-4.1 servers send, gives zeros).
Result<EofPacketData> ParseEof(std::string_view payload);

// Parses an ERR packet into the error it carries: always returns a non-ok
// Status — SqlError(error_code, sqlstate or "HY000", message) for a
// well-formed packet, ProtocolError for a malformed one (or for a MariaDB
// progress-report packet, error code 0xffff, which we never negotiate).
Status ParseErr(std::string_view payload);

}  // namespace relaydb::wire
