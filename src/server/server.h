// Server: the listener(s), the connection threads, and the wiring of the
// engine, variables and process list. One per process; main.cc builds it
// from the options.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "common/processlist.h"
#include "common/status.h"
#include "sql/binary_log.h"
#include "sql/engine.h"
#include "sql/variables.h"

namespace relaydb::server {

class ClientConnection;
class ReplicationCommands;
class ReplicationSource;
}  // namespace relaydb::server
namespace relaydb::replica {
class Replica;
}  // namespace relaydb::replica
namespace relaydb::server {

struct ServerConfig {
  std::string datadir;
  std::string bind_address = "127.0.0.1";
  uint16_t port = 3306;
  std::string socket;  // empty: no unix socket
  uint32_t server_id = 1;
  std::string root_password;
  bool synchronous_full = true;
  // The binary log: on unless --skip-log-bin; files <log_bin_basename>.NNNNNN.
  bool log_bin = true;
  std::string log_bin_basename;  // absolute; empty: <datadir>/<hostname>-bin
  // The replica (src/replica): relay logs <relay_log_basename>.NNNNNN.
  std::string relay_log_basename;  // absolute; empty: <datadir>/<hostname>-relay-bin
  bool skip_slave_start = false;
  bool log_slave_updates = false;
};

class Server {
 public:
  Server(ServerConfig config, sql::GlobalVariables* variables);
  ~Server();

  // Opens the engine and starts listening. After Start() returns ok the
  // server accepts connections ("ready for connections").
  Status Start();
  // Stops accepting, closes client connections, waits for their threads.
  void Shutdown();
  // Blocks until Shutdown() has been requested (by a signal handler via
  // RequestShutdown) and carried out.
  void WaitForShutdown();
  // Async-signal-safe: asks the main thread to shut down.
  void RequestShutdown();

  sql::Engine& engine() { return *engine_; }
  // The binary log; null with --skip-log-bin.
  sql::BinaryLog* binary_log() { return binlog_.get(); }
  ProcessList& processlist() { return processlist_; }
  sql::GlobalVariables& variables() { return *variables_; }
  uint16_t port() const { return bound_port_; }

  // Used by connections.
  std::string HandshakeVersion() const;
  size_t MaxAllowedPacket() const;
  uint64_t MaxConnections() const;
  uint64_t ConnectTimeoutSeconds() const;
  bool SkipNameResolve() const;
  size_t ConnectionCount() const { return active_.load(); }
  uint64_t UptimeSeconds() const;
  uint64_t Questions() const { return questions_.load(); }
  void CountQuestion() { questions_.fetch_add(1, std::memory_order_relaxed); }
  void CountConnection() { connections_.fetch_add(1, std::memory_order_relaxed); }
  void CountAbortedConnect() { aborted_connects_.fetch_add(1, std::memory_order_relaxed); }

  void SetReplicationCommands(ReplicationCommands* rc) { replication_commands_ = rc; }
  ReplicationCommands* replication_commands() const { return replication_commands_; }

 private:
  Status Listen();
  Status OpenBinaryLog();
  Status LoadServerUuid();
  void AcceptLoop(int listen_fd, bool unix_socket);
  void RunConnection(int fd, std::string ip, uint16_t port, bool unix_socket);

  ServerConfig config_;
  sql::GlobalVariables* variables_;
  ProcessList processlist_;
  std::unique_ptr<sql::Engine> engine_;
  std::unique_ptr<sql::BinaryLog> binlog_;
  std::unique_ptr<ReplicationSource> source_;
  std::unique_ptr<replica::Replica> replica_;
  ReplicationCommands* replication_commands_ = nullptr;

  int lock_fd_ = -1;  // flock on <datadir>/relaydb.lock
  int tcp_fd_ = -1;
  int unix_fd_ = -1;
  int wake_pipe_[2] = {-1, -1};
  uint16_t bound_port_ = 0;
  std::vector<std::thread> acceptors_;
  std::chrono::steady_clock::time_point started_;

  std::mutex mu_;
  std::condition_variable cv_;
  std::set<ClientConnection*> connections_set_;  // protected by mu_
  std::atomic<size_t> active_{0};
  std::atomic<bool> stopping_{false};
  std::atomic<bool> shutdown_requested_{false};
  std::atomic<uint64_t> questions_{0};
  std::atomic<uint64_t> connections_{0};
  std::atomic<uint64_t> aborted_connects_{0};
};

}  // namespace relaydb::server
