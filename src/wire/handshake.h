// Connection phase packets: the server greeting (Initial Handshake Packet,
// protocol version 10), the client's Handshake Response (protocol 4.1), the
// SSLRequest, AuthSwitchRequest and AuthMoreData, and the scramble generator.
//
// Implements MariaDB's knowledge base "Connection" page (1 - Connecting /
// Initial handshake packet / Handshake response packet / Authentication
// switch request) as MariaDB 10.11 speaks it, including MariaDB's extended
// capabilities in the handshake's reserved bytes. All functions are pure and
// thread-safe; builders return payloads (no packet header); parsers are
// bounds-checked and return a Status on bad input. See
// docs/wire_protocol.md ("Connection phase").
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "common/status.h"

namespace relaydb::wire {

// ---------------------------------------------------------------------------
// Initial handshake (server → client)
// ---------------------------------------------------------------------------

struct HandshakeV10 {
  uint8_t protocol_version = 10;
  std::string server_version;  // as sent, e.g. "5.5.5-10.11.19-MariaDB-0+deb12u1"
  uint32_t connection_id = 0;
  // The auth plugin data: the 20-byte scramble (trailing NUL removed).
  std::string scramble;
  // Low 32 bits: CLIENT_* flags. High 32 bits: MariaDB extended capabilities,
  // present only when the server cleared CLIENT_MYSQL (bit 0).
  uint64_t capabilities = 0;
  uint8_t charset = 0;
  uint16_t status_flags = 0;
  std::string auth_plugin_name;  // empty if the server lacks CLIENT_PLUGIN_AUTH
};

// Server: builds the greeting. `scramble` must be kScrambleLength (20) bytes
// with no NUL inside (see GenerateScramble). `capabilities` as in
// HandshakeV10 (typically kDefaultServerCapabilities): when CLIENT_MYSQL is
// clear its high 32 bits go in the 4 reserved bytes as MariaDB does.
// `server_version` should not contain a NUL. CLIENT_PLUGIN_AUTH in
// `capabilities` controls whether `auth_plugin_name` is sent.
std::string BuildHandshakeV10(std::string_view server_version, uint32_t connection_id,
                              std::string_view scramble, uint64_t capabilities, uint8_t charset,
                              uint16_t status_flags, std::string_view auth_plugin_name);

// Client: parses the greeting. An ERR packet in its place (e.g. "Too many
// connections", "Host ... is not allowed to connect") is returned as that
// SqlError; other malformed input gives SqlError 2012 "Error in server
// handshake" (or NotSupported for a protocol version other than 10).
Result<HandshakeV10> ParseHandshakeV10(std::string_view payload);

// ---------------------------------------------------------------------------
// Handshake response (client → server)
// ---------------------------------------------------------------------------

struct HandshakeResponse {
  // As the client sent them: low 32 bits CLIENT_*; high 32 bits MariaDB
  // extended capabilities, present only when the client cleared
  // CLIENT_MYSQL. The server should AND this with what it advertised.
  uint64_t capabilities = 0;
  uint32_t max_packet_size = 0;
  uint8_t charset = 0;
  std::string user;
  std::string auth_response;     // raw bytes (scrambled password)
  std::string database;          // empty unless CLIENT_CONNECT_WITH_DB
  std::string auth_plugin_name;  // empty unless CLIENT_PLUGIN_AUTH (and sent)
  std::map<std::string, std::string> connect_attrs;  // CLIENT_CONNECT_ATTRS
};

// Server: parses the client's Handshake Response 4.1. Outcomes:
//  * ok;
//  * NotSupported if the client sent an SSLRequest (CLIENT_SSL set; we do not
//    offer TLS) or a pre-4.1 response (no CLIENT_PROTOCOL_41). MariaDB
//    answers such clients with ER_HANDSHAKE_ERROR;
//  * SqlError 1043 (08S01) "Bad handshake" for truncated or malformed input,
//    which is what MariaDB answers, ready to be sent with ErrPacket().
// Lenient where MariaDB is: the database and plugin name may be absent when
// the packet ends early.
Result<HandshakeResponse> ParseHandshakeResponse41(std::string_view payload);

// Client: builds a Handshake Response 4.1 from `r`. The auth response is
// written in the form `r.capabilities` selects (length-encoded with
// CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA, else 1-byte length with
// CLIENT_SECURE_CONNECTION, else NUL-terminated); the database only with
// CLIENT_CONNECT_WITH_DB, the plugin name only with CLIENT_PLUGIN_AUTH,
// attributes only with CLIENT_CONNECT_ATTRS.
std::string BuildHandshakeResponse41(const HandshakeResponse& r);

// Client: the 32-byte SSLRequest (capabilities must include CLIENT_SSL).
std::string BuildSslRequest(uint64_t capabilities, uint32_t max_packet_size, uint8_t charset);

// ---------------------------------------------------------------------------
// Authentication exchange
// ---------------------------------------------------------------------------

// Server: AuthSwitchRequest: 0xfe, plugin name NUL, then `plugin_data`
// followed by a NUL (MariaDB sends the 20-byte scramble + NUL).
std::string BuildAuthSwitchRequest(std::string_view plugin, std::string_view plugin_data);

struct AuthSwitchRequest {
  std::string plugin_name;
  std::string plugin_data;  // trailing NUL removed
};
// Client: parses an AuthSwitchRequest (payload starts with 0xfe). A bare 0xfe
// (the pre-4.1 "old password" switch) gives NotSupported.
Result<AuthSwitchRequest> ParseAuthSwitchRequest(std::string_view payload);

// Server: AuthMoreData: 0x01 followed by `data` (e.g. the single byte
// kCachingSha2FastAuthSuccess).
std::string BuildAuthMoreData(std::string_view data);

// Returns a fresh 20-byte scramble from OpenSSL's CSPRNG. Every byte is
// printable ASCII (0x21..0x7e), hence never NUL, as MariaDB's are.
// IoError if the CSPRNG fails. Thread-safe.
Result<std::string> GenerateScramble();

}  // namespace relaydb::wire
