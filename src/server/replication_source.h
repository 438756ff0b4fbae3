// The source side of replication as the server wires it: COM_REGISTER_SLAVE
// and COM_BINLOG_DUMP (ReplicationCommands) handed to src/source's registry
// and Binlog Dump threads, and what the SQL layer asks of them (SHOW SLAVE
// HOSTS, PURGE's in-use check).
#pragma once

#include <memory>

#include "server/connection.h"
#include "sql/binary_log.h"
#include "sql/engine.h"
#include "source/dump_thread.h"
#include "source/replica_registry.h"

namespace relaydb::server {

class ReplicationSource : public ReplicationCommands, public sql::ReplicationSourceInfo {
 public:
  ReplicationSource(sql::BinaryLog* log, ProcessList* processlist, uint32_t server_id);
  ~ReplicationSource() override;

  // ReplicationCommands.
  Status Handle(wire::PacketConn* conn, sql::Session* session, std::string_view payload,
                bool* keep_open) override;

  // sql::ReplicationSourceInfo.
  std::vector<sql::SlaveHostRow> SlaveHosts() const override;
  bool BinlogInUse(const std::string& file) const override;

  // Ends every dump thread (server shutdown).
  void Shutdown();

 private:
  Status RegisterSlave(wire::PacketConn* conn, sql::Session* session, std::string_view payload);
  Status BinlogDump(wire::PacketConn* conn, sql::Session* session, std::string_view payload);

  ProcessList* processlist_;
  const uint32_t server_id_;
  source::ReplicaRegistry registry_;
  std::unique_ptr<source::BinlogDumpService> dump_;
};

}  // namespace relaydb::server
