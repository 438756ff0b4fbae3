// MysqlClient: a small blocking MySQL/MariaDB client over TCP, used by the
// replica's I/O thread, the tools and the tests.
//
// Implements the client side of MariaDB's knowledge base "Connection"
// (handshake, mysql_native_password and the caching_sha2_password fast
// path, authentication switch) and "COM_QUERY" / "Result set packets" (text
// protocol, classic EOF packets, multiple result sets). It negotiates
// CLIENT_LONG_PASSWORD (or clears it for a MariaDB server, as libmariadb
// does), LONG_FLAG, PROTOCOL_41, TRANSACTIONS, SECURE_CONNECTION,
// MULTI_RESULTS, PS_MULTI_RESULTS, PLUGIN_AUTH,
// PLUGIN_AUTH_LENENC_CLIENT_DATA, CONNECT_ATTRS, CONNECT_WITH_DB (when a
// database is given) and optionally MULTI_STATEMENTS; never SSL, COMPRESS,
// DEPRECATE_EOF, SESSION_TRACK, LOCAL_FILES or MariaDB extensions. See
// docs/wire_protocol.md ("Our client").
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/mysql_types.h"
#include "common/status.h"
#include "wire/packet_io.h"

namespace relaydb::wire {

// The result of MysqlClient::Query. For a statement without a result set
// `columns` and `rows` are empty and the OK packet's fields are filled; for a
// result set, `warnings`/`status_flags` come from its final EOF packet.
struct QueryResult {
  std::vector<ColumnMeta> columns;
  std::vector<std::vector<std::optional<std::string>>> rows;  // nullopt = NULL
  uint64_t affected_rows = 0;
  uint64_t last_insert_id = 0;
  uint16_t warnings = 0;
  uint16_t status_flags = 0;
  std::string info;
};

// Maps a transport/protocol failure to the client error libmysql reports:
// ConnectionClosed and IoError (including timeouts) → 2013 "Lost connection
// to MySQL server during query"; Corruption/ProtocolError → 2027 "Malformed
// packet". SqlError and every other status pass through unchanged.
Status ToClientError(const Status& s);

class MysqlClient {
 public:
  MysqlClient();
  ~MysqlClient();  // Close()
  MysqlClient(const MysqlClient&) = delete;
  MysqlClient& operator=(const MysqlClient&) = delete;

  // Connects over TCP (from an ephemeral local port) and authenticates.
  // `connect_timeout_ms` (<= 0: none) bounds the TCP connect and each wait
  // during the handshake. Closes any previous connection first. Outcomes:
  //  * ok: connected; server_version() etc. are set;
  //  * SqlError 2005 "Unknown MySQL server host '<host>' (<gai error>)";
  //  * SqlError 2003 "Can't connect to MySQL server on '<host>' (<errno> "<text>")";
  //  * the server's ERR (e.g. 1045 Access denied, 1049 Unknown database,
  //    1040 Too many connections) as a SqlError;
  //  * NotSupported: the server requires something we do not do (TLS, the
  //    caching_sha2_password full authentication, an unknown auth plugin);
  //  * 2013 / 2027 (ToClientError) if the connection drops or the server
  //    sends garbage during the handshake.
  // On failure the client is left disconnected.
  Status Connect(const std::string& host, uint16_t port, const std::string& user,
                 const std::string& password, const std::string& database,
                 int connect_timeout_ms);

  // Runs `sql` with COM_QUERY and reads the whole response. With several
  // result sets (multi-statements, stored procedures) returns the last one.
  // Outcomes: the result; the server's ERR as a SqlError (the connection
  // stays usable); NotSupported if the server asks for LOAD DATA LOCAL
  // INFILE (refused with an empty reply, the connection stays usable);
  // ConnectionClosed / IoError / ProtocolError / Corruption on transport or
  // protocol failures, after which the connection must be closed.
  Result<QueryResult> Query(std::string_view sql);

  // Sends one command packet: `command` byte followed by `payload`, with
  // sequence id 0, flushed. For streaming commands (COM_BINLOG_DUMP,
  // COM_REGISTER_SLAVE) read the responses with ReadPacket().
  Status SendCommand(uint8_t command, std::string_view payload);
  // Reads the next packet's payload as PacketConn::ReadPacket does (the
  // caller interprets OK/ERR/EOF, e.g. with messages.h).
  Status ReadPacket(std::string* payload);
  // Sends a command that the server answers with a single OK or ERR packet
  // (COM_REGISTER_SLAVE, COM_INIT_DB, COM_PING, COM_RESET_CONNECTION, ...)
  // and reads that answer: ok, the server's ERR as a SqlError, or a
  // transport/protocol error.
  Status RunCommand(uint8_t command, std::string_view payload);
  // COM_PING (RunCommand).
  Status Ping();
  // True if a ReadPacket() now would find data without waiting: bytes are
  // buffered or the socket is readable (or closed). False when not connected.
  bool InputPending() const;
  // Bytes already received and not yet read wait in the buffer (no syscall).
  bool HasBufferedInput() const;

  // Applies to the current and future connections. Read timeout: <= 0 none
  // (e.g. slave_net_timeout * 1000); a timeout gives IsTimeout() statuses.
  void SetReadTimeout(int timeout_ms);
  void SetWriteTimeout(int timeout_ms);
  // Largest payload ReadPacket accepts (default 1 GiB, MariaDB's
  // slave_max_allowed_packet default).
  void SetMaxAllowedPacket(size_t bytes);
  // Ask for CLIENT_MULTI_STATEMENTS at the next Connect (default off).
  void set_multi_statements(bool on) { multi_statements_ = on; }

  // Sends COM_QUIT (best effort) and closes the socket. Idempotent.
  void Close();
  // Thread-safe: interrupts a handshake, Query or ReadPacket blocked in
  // another thread (shutdown(2) of the socket); that call then fails.
  // Close() is still needed afterwards. The only method callable
  // concurrently. A TCP connect in progress is bounded only by
  // connect_timeout_ms, and a Shutdown() that lands before Connect() has
  // created its socket is lost: a stopping thread should also set its own
  // stop flag and the owner check it after Connect() returns.
  void Shutdown();

  bool connected() const { return conn_ != nullptr; }
  // The server's version with MariaDB's "5.5.5-" replication prefix
  // removed, e.g. "10.11.19-MariaDB-0+deb12u1".
  const std::string& server_version() const { return server_version_; }
  uint32_t connection_id() const { return connection_id_; }
  uint16_t local_port() const { return local_port_; }
  uint64_t server_capabilities() const { return server_capabilities_; }
  // The capabilities we sent (a subset of the server's).
  uint64_t capabilities() const { return capabilities_; }
  // Status flags of the last OK/EOF packet seen.
  uint16_t status_flags() const { return status_flags_; }

 private:
  Status ConnectSocket(const std::string& host, uint16_t port, int timeout_ms, int* fd);
  Status Authenticate(const std::string& user, const std::string& password,
                      const std::string& database);
  Status ReadResultSet(uint64_t num_columns, QueryResult* result);
  void Reset();

  // Constant while connected; written only by the owning thread. mu_ guards
  // replacing/destroying conn_ against a concurrent Shutdown().
  std::mutex mu_;
  std::unique_ptr<PacketConn> conn_;

  int read_timeout_ms_ = 0;
  int write_timeout_ms_ = 0;
  size_t max_allowed_packet_ = size_t{1} << 30;
  bool multi_statements_ = false;

  std::string raw_server_version_;
  std::string server_version_;
  std::string scramble_;
  uint32_t connection_id_ = 0;
  uint16_t local_port_ = 0;
  uint64_t server_capabilities_ = 0;
  uint64_t capabilities_ = 0;
  uint16_t status_flags_ = 0;
};

}  // namespace relaydb::wire
