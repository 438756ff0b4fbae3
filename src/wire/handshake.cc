// Connection phase packets. See handshake.h; MariaDB knowledge base
// "Connection" (Initial handshake packet, Handshake response packet, SSLRequest,
// Authentication switch request).
#include "wire/handshake.h"

#include <openssl/rand.h>

#include <algorithm>
#include <cassert>

#include "common/bytes.h"
#include "wire/messages.h"
#include "wire/protocol.h"

namespace relaydb::wire {

namespace {

constexpr size_t kScramblePart1 = 8;
constexpr size_t kHandshakeResponseFixedSize = 32;  // caps, max packet, charset, 23 filler
constexpr uint64_t kMaxConnectAttrsLength = 65535;   // MariaDB's artificial limit

Status BadHandshake() { return Status::SqlError(kErHandshakeError, "08S01", "Bad handshake"); }

Status ServerHandshakeError() {
  return Status::SqlError(kCrServerHandshakeErr, "HY000", "Error in server handshake");
}

// A string that ends at a NUL or, if there is none, at the end of the
// packet: MariaDB reads these fields with strlen() over a NUL-terminated
// buffer, so an unterminated last field runs to the end of the packet.
std::string_view ReadNulOrRest(ByteReader* r) {
  std::string_view rest = r->rest();
  size_t nul = rest.find('\0');
  if (nul == std::string_view::npos) return r->ReadRest();
  std::string_view s = rest.substr(0, nul);
  (void)r->Skip(nul + 1);
  return s;
}

// Parses the attribute blob: lenenc key, lenenc value pairs. Like MariaDB's
// performance schema, stops quietly at the first malformed pair.
void ParseConnectAttrs(std::string_view blob, std::map<std::string, std::string>* out) {
  ByteReader r(blob);
  while (!r.empty()) {
    std::string_view key, value;
    if (!r.ReadLenEncString(&key).ok() || !r.ReadLenEncString(&value).ok()) return;
    (*out)[std::string(key)] = std::string(value);
  }
}

Status ParseResponseBody(ByteReader* r, HandshakeResponse* out) {
  uint32_t caps_low = 0;
  RETURN_IF_ERROR(r->ReadU32(&caps_low));
  out->capabilities = caps_low;
  if (caps_low & kClientSsl) {
    return Status::NotSupported("the client requested TLS (SSLRequest); TLS is not supported");
  }
  if (!(caps_low & kClientProtocol41)) {
    return Status::NotSupported("pre-4.1 client protocol is not supported");
  }
  RETURN_IF_ERROR(r->ReadU32(&out->max_packet_size));
  RETURN_IF_ERROR(r->ReadU8(&out->charset));
  RETURN_IF_ERROR(r->Skip(19));
  uint32_t ext = 0;
  RETURN_IF_ERROR(r->ReadU32(&ext));
  if (!(caps_low & kClientMysql)) out->capabilities |= static_cast<uint64_t>(ext) << 32;

  std::string_view user;
  RETURN_IF_ERROR(r->ReadNulString(&user));
  out->user = std::string(user);

  std::string_view auth;
  if (caps_low & kClientPluginAuthLenencClientData) {
    RETURN_IF_ERROR(r->ReadLenEncString(&auth));
  } else if (caps_low & kClientSecureConnection) {
    uint8_t len = 0;
    RETURN_IF_ERROR(r->ReadU8(&len));
    RETURN_IF_ERROR(r->ReadBytes(len, &auth));
  } else {
    RETURN_IF_ERROR(r->ReadNulString(&auth));
  }
  out->auth_response = std::string(auth);

  if (caps_low & kClientConnectWithDb) {
    // MariaDB requires at least the database's terminator to be present.
    if (r->empty()) return Status::Corruption("missing database name");
    out->database = std::string(ReadNulOrRest(r));
  }
  if ((caps_low & kClientPluginAuth) && !r->empty()) {
    out->auth_plugin_name = std::string(ReadNulOrRest(r));
  }
  if ((caps_low & kClientConnectAttrs) && !r->empty()) {
    uint64_t len = 0;
    RETURN_IF_ERROR(r->ReadLenEncInt(&len));
    if (len > kMaxConnectAttrsLength) return Status::Corruption("connect attributes too long");
    std::string_view blob;
    RETURN_IF_ERROR(r->ReadBytes(static_cast<size_t>(len), &blob));
    ParseConnectAttrs(blob, &out->connect_attrs);
  }
  return Status::Ok();
}

}  // namespace

std::string BuildHandshakeV10(std::string_view server_version, uint32_t connection_id,
                              std::string_view scramble, uint64_t capabilities, uint8_t charset,
                              uint16_t status_flags, std::string_view auth_plugin_name) {
  assert(scramble.size() == kScrambleLength);
  assert(scramble.find('\0') == std::string_view::npos);
  std::string out;
  ByteWriter w(&out);
  w.U8(10);
  w.NulString(server_version);
  w.U32(connection_id);
  w.Bytes(scramble.substr(0, kScramblePart1));
  w.U8(0);
  w.U16(static_cast<uint16_t>(capabilities & 0xffff));
  w.U8(charset);
  w.U16(status_flags);
  w.U16(static_cast<uint16_t>((capabilities >> 16) & 0xffff));
  w.U8((capabilities & kClientPluginAuth) ? static_cast<uint8_t>(scramble.size() + 1) : 0);
  w.Zeros(6);
  if (capabilities & kClientMysql) {
    w.Zeros(4);
  } else {
    w.U32(static_cast<uint32_t>(capabilities >> 32));
  }
  if (capabilities & kClientSecureConnection) {
    w.NulString(scramble.substr(std::min(scramble.size(), kScramblePart1)));
  }
  if (capabilities & kClientPluginAuth) w.NulString(auth_plugin_name);
  return out;
}

Result<HandshakeV10> ParseHandshakeV10(std::string_view payload) {
  if (IsErrPacket(payload)) return ParseErr(payload);
  ByteReader r(payload);
  HandshakeV10 h;
  if (!r.ReadU8(&h.protocol_version).ok()) return ServerHandshakeError();
  if (h.protocol_version != 10) {
    return Status::NotSupported("server handshake protocol version " +
                                std::to_string(h.protocol_version) + " is not supported");
  }
  auto parse = [&]() -> Status {
    std::string_view version, part1;
    RETURN_IF_ERROR(r.ReadNulString(&version));
    h.server_version = std::string(version);
    RETURN_IF_ERROR(r.ReadU32(&h.connection_id));
    RETURN_IF_ERROR(r.ReadBytes(kScramblePart1, &part1));
    h.scramble = std::string(part1);
    RETURN_IF_ERROR(r.Skip(1));
    uint16_t caps_low = 0;
    RETURN_IF_ERROR(r.ReadU16(&caps_low));
    h.capabilities = caps_low;
    if (r.empty()) return Status::Ok();  // a minimal pre-4.1 greeting ends here
    uint16_t caps_high = 0;
    uint8_t auth_len = 0;
    uint32_t ext = 0;
    RETURN_IF_ERROR(r.ReadU8(&h.charset));
    RETURN_IF_ERROR(r.ReadU16(&h.status_flags));
    RETURN_IF_ERROR(r.ReadU16(&caps_high));
    h.capabilities |= static_cast<uint64_t>(caps_high) << 16;
    RETURN_IF_ERROR(r.ReadU8(&auth_len));
    RETURN_IF_ERROR(r.Skip(6));
    RETURN_IF_ERROR(r.ReadU32(&ext));
    if (!(h.capabilities & kClientMysql)) h.capabilities |= static_cast<uint64_t>(ext) << 32;
    if (h.capabilities & kClientSecureConnection) {
      size_t len = std::max<size_t>(13, auth_len > kScramblePart1 ? auth_len - kScramblePart1 : 0);
      std::string_view part2;
      RETURN_IF_ERROR(r.ReadBytes(len, &part2));
      if (!part2.empty() && part2.back() == '\0') part2.remove_suffix(1);
      h.scramble.append(part2);
    }
    if (h.capabilities & kClientPluginAuth) {
      // Some old servers omit the terminating NUL.
      h.auth_plugin_name = std::string(ReadNulOrRest(&r));
    }
    return Status::Ok();
  };
  if (!parse().ok()) return ServerHandshakeError();
  return h;
}

Result<HandshakeResponse> ParseHandshakeResponse41(std::string_view payload) {
  ByteReader r(payload);
  HandshakeResponse out;
  Status st = ParseResponseBody(&r, &out);
  if (st.code() == Status::Code::kNotSupported) return st;
  if (!st.ok()) return BadHandshake();
  return out;
}

std::string BuildHandshakeResponse41(const HandshakeResponse& resp) {
  const uint64_t caps = resp.capabilities;
  std::string out;
  ByteWriter w(&out);
  w.U32(static_cast<uint32_t>(caps & 0xffffffff));
  w.U32(resp.max_packet_size);
  w.U8(resp.charset);
  w.Zeros(19);
  if (caps & kClientMysql) {
    w.Zeros(4);
  } else {
    w.U32(static_cast<uint32_t>(caps >> 32));
  }
  w.NulString(resp.user);
  if (caps & kClientPluginAuthLenencClientData) {
    w.LenEncString(resp.auth_response);
  } else if (caps & kClientSecureConnection) {
    assert(resp.auth_response.size() <= 255);
    w.U8(static_cast<uint8_t>(resp.auth_response.size()));
    w.Bytes(resp.auth_response);
  } else {
    w.NulString(resp.auth_response);
  }
  if (caps & kClientConnectWithDb) w.NulString(resp.database);
  if (caps & kClientPluginAuth) w.NulString(resp.auth_plugin_name);
  if (caps & kClientConnectAttrs) {
    std::string blob;
    ByteWriter bw(&blob);
    for (const auto& [key, value] : resp.connect_attrs) {
      bw.LenEncString(key);
      bw.LenEncString(value);
    }
    w.LenEncString(blob);
  }
  return out;
}

std::string BuildSslRequest(uint64_t capabilities, uint32_t max_packet_size, uint8_t charset) {
  std::string out;
  ByteWriter w(&out);
  w.U32(static_cast<uint32_t>(capabilities & 0xffffffff));
  w.U32(max_packet_size);
  w.U8(charset);
  w.Zeros(19);
  if (capabilities & kClientMysql) {
    w.Zeros(4);
  } else {
    w.U32(static_cast<uint32_t>(capabilities >> 32));
  }
  return out;
}

std::string BuildAuthSwitchRequest(std::string_view plugin, std::string_view plugin_data) {
  std::string out;
  ByteWriter w(&out);
  w.U8(kAuthSwitchHeader);
  w.NulString(plugin);
  w.NulString(plugin_data);
  return out;
}

Result<AuthSwitchRequest> ParseAuthSwitchRequest(std::string_view payload) {
  ByteReader r(payload);
  uint8_t header = 0;
  if (!r.ReadU8(&header).ok() || header != kAuthSwitchHeader) {
    return Status::ProtocolError("not an AuthSwitchRequest packet");
  }
  if (r.empty()) {
    return Status::NotSupported("the server requested the pre-4.1 (mysql_old_password) method");
  }
  AuthSwitchRequest req;
  std::string_view name;
  if (!r.ReadNulString(&name).ok()) return Status::ProtocolError("malformed AuthSwitchRequest");
  req.plugin_name = std::string(name);
  std::string_view data = r.ReadRest();
  if (!data.empty() && data.back() == '\0') data.remove_suffix(1);
  req.plugin_data = std::string(data);
  return req;
}

std::string BuildAuthMoreData(std::string_view data) {
  std::string out;
  out.reserve(1 + data.size());
  out.push_back(static_cast<char>(kAuthMoreDataHeader));
  out.append(data);
  return out;
}

Result<std::string> GenerateScramble() {
  constexpr int kRange = 0x7e - 0x21 + 1;           // 94 printable characters
  constexpr int kLimit = 256 - (256 % kRange);      // reject above this to avoid bias
  std::string out;
  unsigned char buf[64];
  while (out.size() < kScrambleLength) {
    if (RAND_bytes(buf, sizeof buf) != 1) return Status::IoError("RAND_bytes failed");
    for (unsigned char b : buf) {
      if (b >= kLimit) continue;
      out.push_back(static_cast<char>(0x21 + b % kRange));
      if (out.size() == kScrambleLength) break;
    }
  }
  return out;
}

}  // namespace relaydb::wire
