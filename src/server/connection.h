// ClientConnection: one client's protocol session — handshake,
// authentication, then the command loop (COM_QUERY, COM_STMT_*, ...) —
// on its own thread. The protocol as relaydb speaks it is described in
// docs/wire_protocol.md.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "common/processlist.h"
#include "common/status.h"
#include "sql/engine.h"
#include "sql/parser.h"
#include "sql/session.h"
#include "wire/packet_io.h"

namespace relaydb::server {

class Server;

// Handlers for replication commands (COM_REGISTER_SLAVE, COM_BINLOG_DUMP);
// installed by the binlog source when it exists.
class ReplicationCommands {
 public:
  virtual ~ReplicationCommands() = default;
  // Takes over the connection for the command in `payload` (first byte is
  // the command). Returns when the dump ends; the connection is then closed
  // unless `*keep_open`.
  virtual Status Handle(wire::PacketConn* conn, sql::Session* session, std::string_view payload,
                        bool* keep_open) = 0;
};

class ClientConnection {
 public:
  ClientConnection(Server* server, int fd, std::string peer_ip, uint16_t peer_port, bool unix_socket);
  ~ClientConnection();

  // Runs the whole connection; returns when the client leaves or is killed.
  void Run();

  // Wakes a blocked read (KILL, shutdown).
  void Shutdown() { conn_.Shutdown(); }

 private:
  struct Prepared {
    sql::ParsedStatement stmt;
    std::string sql;
    uint16_t num_params = 0;
    std::vector<uint8_t> bound_types;
    std::map<uint16_t, std::string> long_data;
    std::vector<ColumnMeta> columns;
  };

  Status Handshake();
  Status Authenticate(const std::string& user, const std::string& plugin, std::string response,
                      const std::string& scramble);
  Status CommandLoop();
  Status DoQuery(std::string_view sql);
  Status DoFieldList(std::string_view payload);
  Status DoPrepare(std::string_view sql);
  Status DoExecute(std::string_view payload);
  Status DoStatistics();
  Status SendError(const Status& s);
  Status RefuseLogin(const Status& s);
  Status SendOk(uint64_t affected = 0, uint64_t insert_id = 0, const std::string& info = "");

  Server* server_;
  wire::PacketConn conn_;
  std::string peer_ip_;
  uint16_t peer_port_;
  bool unix_socket_;
  std::shared_ptr<ProcessEntry> proc_;
  std::unique_ptr<sql::Session> session_;
  uint64_t client_caps_ = 0;
  sql::Account account_;
  std::map<uint32_t, Prepared> prepared_;
  uint32_t next_stmt_id_ = 1;
};

}  // namespace relaydb::server
