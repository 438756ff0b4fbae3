// MysqlClient: blocking client. See client.h and docs/wire_protocol.md.
//
// Connection state machine (Connect):
//
//   TCP connect ──▶ read greeting ──▶ send HandshakeResponse41 ──▶ auth loop
//   auth loop:  OK (0x00)             → connected
//               ERR (0xff)            → fail with the server's error
//               AuthSwitch (0xfe)     → answer with the new plugin's scramble, loop
//               AuthMoreData (0x01)   → caching_sha2: 0x03 fast auth ok → loop (OK follows)
//                                                     0x04 full auth    → fail (needs TLS/RSA)
#include "wire/client.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "common/bytes.h"
#include "wire/auth.h"
#include "wire/handshake.h"
#include "wire/messages.h"
#include "wire/protocol.h"
#include "wire/resultset.h"

namespace relaydb::wire {

namespace {

constexpr int kMaxAuthRounds = 8;
constexpr std::string_view kMariadbVersionPrefix = "5.5.5-";

constexpr uint64_t kWantedCapabilities =
    kClientLongPassword | kClientLongFlag | kClientProtocol41 | kClientTransactions |
    kClientSecureConnection | kClientMultiResults | kClientPsMultiResults | kClientPluginAuth |
    kClientPluginAuthLenencClientData | kClientConnectAttrs;

Status ConnHostError(const std::string& host, int err) {
  return Status::SqlError(kCrConnHostError, "HY000",
                          "Can't connect to MySQL server on '" + host.substr(0, 100) + "' (" +
                              std::to_string(err) + " \"" + std::strerror(err) + "\")");
}

// Waits for a non-blocking connect to finish; returns the connect errno (0 = ok).
int FinishConnect(int fd, int timeout_ms) {
  struct pollfd pfd = {fd, POLLOUT, 0};
  for (;;) {
    int r = ::poll(&pfd, 1, timeout_ms > 0 ? timeout_ms : -1);
    if (r == 0) return ETIMEDOUT;
    if (r < 0) {
      if (errno == EINTR) continue;  // restarts the full timeout; good enough here
      return errno;
    }
    int err = 0;
    socklen_t len = sizeof err;
    if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0) return errno;
    return err;
  }
}

}  // namespace

Status ToClientError(const Status& s) {
  switch (s.code()) {
    case Status::Code::kConnectionClosed:
    case Status::Code::kIoError:
      return Status::SqlError(kCrServerLost, "HY000", "Lost connection to MySQL server during query");
    case Status::Code::kCorruption:
    case Status::Code::kProtocolError:
      return Status::SqlError(kCrMalformedPacket, "HY000", "Malformed packet");
    default:
      return s;
  }
}

MysqlClient::MysqlClient() = default;

MysqlClient::~MysqlClient() { Close(); }

void MysqlClient::Reset() {
  std::unique_ptr<PacketConn> old;
  {
    std::lock_guard<std::mutex> lock(mu_);
    old = std::move(conn_);
  }
  old.reset();  // closes the socket
  raw_server_version_.clear();
  server_version_.clear();
  scramble_.clear();
  connection_id_ = 0;
  local_port_ = 0;
  server_capabilities_ = 0;
  capabilities_ = 0;
  status_flags_ = 0;
}

void MysqlClient::Close() {
  if (conn_ != nullptr) {
    conn_->ResetSequence();
    const char quit = static_cast<char>(kComQuit);
    conn_->SetWriteTimeout(1000);
    (void)conn_->WritePacketAndFlush(std::string_view(&quit, 1));
  }
  Reset();
}

void MysqlClient::Shutdown() {
  std::lock_guard<std::mutex> lock(mu_);
  if (conn_ != nullptr) conn_->Shutdown();
}

void MysqlClient::SetReadTimeout(int timeout_ms) {
  read_timeout_ms_ = timeout_ms;
  if (conn_ != nullptr) conn_->SetReadTimeout(timeout_ms);
}

void MysqlClient::SetWriteTimeout(int timeout_ms) {
  write_timeout_ms_ = timeout_ms;
  if (conn_ != nullptr) conn_->SetWriteTimeout(timeout_ms);
}

void MysqlClient::SetMaxAllowedPacket(size_t bytes) {
  max_allowed_packet_ = bytes;
  if (conn_ != nullptr) conn_->set_max_allowed_packet(bytes);
}

Status MysqlClient::ConnectSocket(const std::string& host, uint16_t port, int timeout_ms, int* out_fd) {
  struct addrinfo hints = {};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_NUMERICSERV;
  struct addrinfo* addrs = nullptr;
  const std::string port_text = std::to_string(port);
  int gai = ::getaddrinfo(host.c_str(), port_text.c_str(), &hints, &addrs);
  if (gai != 0) {
    return Status::SqlError(kCrUnknownHost, "HY000",
                            "Unknown MySQL server host '" + host.substr(0, 100) + "' (" +
                                std::to_string(gai) + ")");
  }
  int last_err = ECONNREFUSED;
  for (struct addrinfo* a = addrs; a != nullptr; a = a->ai_next) {
    int fd = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, a->ai_protocol);
    if (fd < 0) {
      last_err = errno;
      continue;
    }
    int err = 0;
    if (::connect(fd, a->ai_addr, a->ai_addrlen) != 0) {
      err = errno == EINPROGRESS ? FinishConnect(fd, timeout_ms) : errno;
    }
    if (err != 0) {
      last_err = err;
      ::close(fd);
      continue;
    }
    int flags = ::fcntl(fd, F_GETFL);
    if (flags >= 0) (void)::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    int one = 1;
    (void)::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    ::freeaddrinfo(addrs);
    *out_fd = fd;
    return Status::Ok();
  }
  ::freeaddrinfo(addrs);
  return ConnHostError(host, last_err);
}

Status MysqlClient::Connect(const std::string& host, uint16_t port, const std::string& user,
                            const std::string& password, const std::string& database,
                            int connect_timeout_ms) {
  Close();
  int fd = -1;
  RETURN_IF_ERROR(ConnectSocket(host, port, connect_timeout_ms, &fd));
  {
    std::lock_guard<std::mutex> lock(mu_);
    conn_ = std::make_unique<PacketConn>(fd, /*owns_fd=*/true);
  }
  conn_->set_max_allowed_packet(max_allowed_packet_);
  const int handshake_timeout = connect_timeout_ms > 0 ? connect_timeout_ms : read_timeout_ms_;
  conn_->SetReadTimeout(handshake_timeout);
  conn_->SetWriteTimeout(connect_timeout_ms > 0 ? connect_timeout_ms : write_timeout_ms_);

  struct sockaddr_storage local = {};
  socklen_t local_len = sizeof local;
  if (::getsockname(fd, reinterpret_cast<struct sockaddr*>(&local), &local_len) == 0) {
    if (local.ss_family == AF_INET) {
      local_port_ = ntohs(reinterpret_cast<struct sockaddr_in*>(&local)->sin_port);
    } else if (local.ss_family == AF_INET6) {
      local_port_ = ntohs(reinterpret_cast<struct sockaddr_in6*>(&local)->sin6_port);
    }
  }

  Status st = Authenticate(user, password, database);
  if (!st.ok()) {
    Reset();
    return st;
  }
  conn_->SetReadTimeout(read_timeout_ms_);
  conn_->SetWriteTimeout(write_timeout_ms_);
  return Status::Ok();
}

Status MysqlClient::Authenticate(const std::string& user, const std::string& password,
                                 const std::string& database) {
  std::string packet;
  Status st = conn_->ReadPacket(&packet);
  if (!st.ok()) return ToClientError(st);
  Result<HandshakeV10> greeting = ParseHandshakeV10(packet);
  if (!greeting.ok()) return greeting.status();
  const HandshakeV10& h = *greeting;
  if (!(h.capabilities & kClientProtocol41) || !(h.capabilities & kClientSecureConnection)) {
    return Status::NotSupported("the server does not speak the 4.1 protocol");
  }
  raw_server_version_ = h.server_version;
  server_version_ = h.server_version;
  if (server_version_.rfind(kMariadbVersionPrefix, 0) == 0) {
    server_version_.erase(0, kMariadbVersionPrefix.size());
  }
  connection_id_ = h.connection_id;
  server_capabilities_ = h.capabilities;
  status_flags_ = h.status_flags;
  scramble_ = h.scramble.substr(0, kScrambleLength);

  uint64_t caps = kWantedCapabilities | (multi_statements_ ? kClientMultiStatements : 0) |
                  (database.empty() ? 0 : kClientConnectWithDb);
  // Only what the server offers; this also clears CLIENT_MYSQL for a MariaDB
  // server, as libmariadb does (we send no extended capabilities).
  caps &= h.capabilities & 0xffffffffull;
  capabilities_ = caps;

  std::string plugin = (caps & kClientPluginAuth) && !h.auth_plugin_name.empty()
                           ? h.auth_plugin_name
                           : std::string(kNativePasswordPlugin);
  Result<std::string> auth = ComputeAuthResponse(plugin, password, scramble_);
  if (!auth.ok()) {
    // Unknown default plugin: answer as mysql_native_password; the server
    // switches us to the account's plugin if it differs.
    plugin = std::string(kNativePasswordPlugin);
    auth = ScrambleNative(password, scramble_);
  }

  HandshakeResponse resp;
  resp.capabilities = caps;
  resp.max_packet_size = static_cast<uint32_t>(std::min<size_t>(max_allowed_packet_, 0xffffffffu));
  resp.charset = kDefaultCharset;
  resp.user = user;
  resp.auth_response = *auth;
  resp.database = database;
  resp.auth_plugin_name = plugin;
  resp.connect_attrs["_client_name"] = "relaydb";
  st = conn_->WritePacketAndFlush(BuildHandshakeResponse41(resp));
  if (!st.ok()) return ToClientError(st);

  for (int round = 0; round < kMaxAuthRounds; round++) {
    st = conn_->ReadPacket(&packet);
    if (!st.ok()) return ToClientError(st);
    if (packet.empty()) return ToClientError(Status::ProtocolError("empty packet during authentication"));
    switch (static_cast<uint8_t>(packet[0])) {
      case kOkHeader: {
        Result<OkPacketData> ok = ParseOk(packet);
        if (!ok.ok()) return ToClientError(ok.status());
        status_flags_ = ok->status_flags;
        return Status::Ok();
      }
      case kErrHeader:
        return ParseErr(packet);
      case kAuthSwitchHeader: {
        Result<AuthSwitchRequest> sw = ParseAuthSwitchRequest(packet);
        if (!sw.ok()) {
          if (sw.status().code() == Status::Code::kNotSupported) return sw.status();
          return ToClientError(sw.status());
        }
        plugin = sw->plugin_name;
        scramble_ = sw->plugin_data.substr(0, kScrambleLength);
        Result<std::string> answer = ComputeAuthResponse(plugin, password, scramble_);
        if (!answer.ok()) {
          return Status::SqlError(kCrAuthPluginCannotLoad, "HY000",
                                  "Authentication plugin '" + plugin +
                                      "' cannot be loaded: not supported by relaydb");
        }
        st = conn_->WritePacketAndFlush(*answer);
        if (!st.ok()) return ToClientError(st);
        break;
      }
      case kAuthMoreDataHeader: {
        if (plugin == kCachingSha2PasswordPlugin && packet.size() == 2) {
          if (static_cast<uint8_t>(packet[1]) == kCachingSha2FastAuthSuccess) break;  // OK follows
          if (static_cast<uint8_t>(packet[1]) == kCachingSha2PerformFullAuth) {
            return Status::NotSupported(
                "caching_sha2_password full authentication needs a TLS connection or the "
                "server's RSA public key, which relaydb does not support yet (the server "
                "has no cached entry for this account)");
          }
        }
        return Status::NotSupported("unexpected AuthMoreData from the '" + plugin + "' plugin");
      }
      default:
        return ToClientError(Status::ProtocolError("unexpected packet during authentication"));
    }
  }
  return ToClientError(Status::ProtocolError("too many authentication round trips"));
}

Status MysqlClient::SendCommand(uint8_t command, std::string_view payload) {
  if (conn_ == nullptr) {
    return Status::SqlError(kCrServerGoneError, "HY000", "MySQL server has gone away");
  }
  std::string packet;
  packet.reserve(1 + payload.size());
  packet.push_back(static_cast<char>(command));
  packet.append(payload);
  conn_->ResetSequence();
  return conn_->WritePacketAndFlush(packet);
}

Status MysqlClient::ReadPacket(std::string* payload) {
  if (conn_ == nullptr) {
    return Status::SqlError(kCrServerGoneError, "HY000", "MySQL server has gone away");
  }
  return conn_->ReadPacket(payload);
}

Status MysqlClient::Ping() { return RunCommand(kComPing, {}); }

Status MysqlClient::RunCommand(uint8_t command, std::string_view payload) {
  RETURN_IF_ERROR(SendCommand(command, payload));
  std::string packet;
  RETURN_IF_ERROR(conn_->ReadPacket(&packet));
  if (IsErrPacket(packet)) return ParseErr(packet);
  Result<OkPacketData> ok = ParseOk(packet);
  if (!ok.ok()) return ok.status();
  status_flags_ = ok->status_flags;
  return Status::Ok();
}

bool MysqlClient::HasBufferedInput() const { return conn_ != nullptr && conn_->HasBufferedInput(); }

bool MysqlClient::InputPending() const {
  if (conn_ == nullptr) return false;
  if (conn_->HasBufferedInput()) return true;
  struct pollfd pfd = {conn_->fd(), POLLIN, 0};
  return ::poll(&pfd, 1, 0) > 0;
}

Status MysqlClient::ReadResultSet(uint64_t num_columns, QueryResult* result) {
  if (num_columns == 0 || num_columns > 0xffff) {
    return Status::ProtocolError("invalid column count " + std::to_string(num_columns));
  }
  std::string packet;
  result->columns.reserve(num_columns);
  for (uint64_t i = 0; i < num_columns; i++) {
    RETURN_IF_ERROR(conn_->ReadPacket(&packet));
    Result<ColumnMeta> col = DecodeColumnDefinition41(packet);
    if (!col.ok()) return col.status();
    result->columns.push_back(std::move(col).value());
  }
  RETURN_IF_ERROR(conn_->ReadPacket(&packet));
  if (!IsEofPacket(packet)) return Status::ProtocolError("missing EOF after column definitions");
  for (;;) {
    RETURN_IF_ERROR(conn_->ReadPacket(&packet));
    if (IsErrPacket(packet)) return ParseErr(packet);
    if (IsEofPacket(packet)) {
      Result<EofPacketData> eof = ParseEof(packet);
      if (!eof.ok()) return eof.status();
      result->warnings = eof->warnings;
      result->status_flags = eof->status_flags;
      return Status::Ok();
    }
    Result<std::vector<std::optional<std::string>>> row =
        DecodeTextRow(packet, result->columns.size());
    if (!row.ok()) return row.status();
    result->rows.push_back(std::move(row).value());
  }
}

Result<QueryResult> MysqlClient::Query(std::string_view sql) {
  RETURN_IF_ERROR(SendCommand(kComQuery, sql));
  bool refused_local_infile = false;
  QueryResult result;
  for (;;) {
    result = QueryResult();
    std::string packet;
    RETURN_IF_ERROR(conn_->ReadPacket(&packet));
    switch (ClassifyResponse(packet)) {
      case ResponseKind::kOk: {
        Result<OkPacketData> ok = ParseOk(packet);
        if (!ok.ok()) return ok.status();
        result.affected_rows = ok->affected_rows;
        result.last_insert_id = ok->last_insert_id;
        result.status_flags = ok->status_flags;
        result.warnings = ok->warnings;
        result.info = std::move(ok->info);
        break;
      }
      case ResponseKind::kErr:
        return ParseErr(packet);
      case ResponseKind::kLocalInfile:
        // We never set CLIENT_LOCAL_FILES; refuse with an empty file.
        refused_local_infile = true;
        RETURN_IF_ERROR(conn_->WritePacketAndFlush({}));
        continue;
      case ResponseKind::kResultSet: {
        ByteReader r(packet);
        uint64_t num_columns = 0;
        RETURN_IF_ERROR(r.ReadLenEncInt(&num_columns));
        if (!r.empty()) return Status::ProtocolError("unexpected bytes after the column count");
        RETURN_IF_ERROR(ReadResultSet(num_columns, &result));
        break;
      }
      case ResponseKind::kEof:
      case ResponseKind::kMalformed:
        return Status::ProtocolError("unexpected response packet to COM_QUERY");
    }
    status_flags_ = result.status_flags;
    if (!(result.status_flags & kServerMoreResultsExists)) break;
  }
  if (refused_local_infile) {
    return Status::NotSupported("LOAD DATA LOCAL INFILE is not supported by this client");
  }
  return result;
}

}  // namespace relaydb::wire
