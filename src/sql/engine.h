// Engine: the server-wide state of the SQL layer — the SQLite database file,
// the catalog, the accounts, the write lock that orders writers, and the
// binary log hook. One per server process; Sessions (session.h) share it.
//
// Locking model (docs/architecture.md): readers use their own SQLite
// connection and WAL snapshot; a session takes the write lock before its
// first write in a transaction and keeps it until COMMIT/ROLLBACK, so SQLite
// never sees two writers. commit_seq() counts commits so a session can tell
// whether its read snapshot is stale before it starts writing.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "common/processlist.h"
#include "common/status.h"
#include "sql/accounts.h"
#include "sql/binlog_hook.h"
#include "sql/catalog.h"
#include "sql/functions.h"
#include "sql/variables.h"
#include "storage/sqlite_db.h"

namespace relaydb::sql {

class BinaryLog;
class ReplicaControl;

// Supplied by the server from the replication source (src/source).
struct SlaveHostRow {
  uint32_t server_id = 0;
  std::string host;
  uint16_t port = 0;
  uint32_t master_id = 0;
};
class ReplicationSourceInfo {
 public:
  virtual ~ReplicationSourceInfo() = default;
  virtual std::vector<SlaveHostRow> SlaveHosts() const = 0;
  // True while a Binlog Dump thread reads `file` (PURGE stops there).
  virtual bool BinlogInUse(const std::string& file) const = 0;
};

struct EngineOptions {
  std::string datadir;
  // Password for root on a fresh data directory (empty: no password).
  std::string root_password;
  // Every commit is durable before it is acknowledged. Sessions run SQLite
  // with synchronous=NORMAL and make their commits durable by group commit:
  // through the binary log's (BinaryLog::WaitDurable) when it logged the
  // transaction, else through WaitWalDurable below. false: never fsync.
  bool durable_commits = true;
};

class Engine {
 public:
  // Opens (initializing if empty) the database in opts.datadir.
  // `fresh` (optional) is set when the data directory was initialized now.
  static Result<std::unique_ptr<Engine>> Open(const EngineOptions& opts, ProcessList* processlist,
                                              bool* fresh = nullptr);
  ~Engine();

  Catalog& catalog() { return *catalog_; }
  AccountStore& accounts() { return accounts_; }
  ProcessList& processlist() { return *processlist_; }
  const std::string& db_path() const { return db_path_; }
  const EngineOptions& options() const { return opts_; }

  // A new SQLite connection with relaydb's collations and functions.
  // `provider` supplies the session context to the functions.
  Result<std::unique_ptr<storage::Connection>> NewConnection(FunctionContextProvider* provider);

  // The write lock. TryLockWriter waits up to `timeout`; false on timeout.
  bool TryLockWriter(std::chrono::milliseconds timeout) { return writer_.try_lock_for(timeout); }
  void UnlockWriter() { writer_.unlock(); }
  uint64_t commit_seq() const { return commit_seq_.load(std::memory_order_acquire); }
  // Called after a writer's COMMIT, write lock held; returns its sequence number.
  uint64_t BumpCommitSeq() { return commit_seq_.fetch_add(1, std::memory_order_acq_rel) + 1; }

  // Group commit of the WAL for commits the binary log did not make durable
  // (binlog off, sql_log_bin=0, a replica's SQL thread without
  // log_slave_updates): returns once commit `seq` (from BumpCommitSeq) is on
  // disk. A leader fdatasyncs the WAL for every commit done so far while the
  // others wait, so N concurrent committers share one fsync. Called without
  // the write lock. No-op unless options().durable_commits.
  Status WaitWalDurable(uint64_t seq);
  uint64_t wal_syncs() const { return wal_syncs_.load(std::memory_order_relaxed); }
  uint64_t wal_durable_seq() {
    std::lock_guard l(wal_mu_);
    return wal_durable_;
  }

  // The binary log; null while it is off. SetBinaryLog sets both.
  void SetBinlogHook(BinlogHook* hook) { binlog_ = hook; }
  BinlogHook* binlog_hook() const { return binlog_; }
  void SetBinaryLog(BinaryLog* log);
  BinaryLog* binary_log() const { return binary_log_; }

  // The replica (CHANGE MASTER, START SLAVE, SHOW SLAVE STATUS...); set by the server.
  void SetReplicaControl(ReplicaControl* control) { replica_control_ = control; }
  ReplicaControl* replica_control() const { return replica_control_; }

  // What the replication source knows (SHOW SLAVE HOSTS, PURGE); set by the server.
  void SetReplicationSource(ReplicationSourceInfo* info) { source_info_ = info; }
  ReplicationSourceInfo* replication_source() const { return source_info_; }

  // Server-wide system variables (owned by the server; may be null in tests).
  void SetVariables(GlobalVariables* vars) { variables_ = vars; }
  GlobalVariables* variables() const { return variables_; }

  GlobalStatus& status() { return status_; }

  uint32_t server_id() const { return server_id_.load(); }
  void set_server_id(uint32_t id) { server_id_ = id; }

 private:
  Engine() = default;

  EngineOptions opts_;
  std::string db_path_;
  ProcessList* processlist_ = nullptr;
  std::unique_ptr<storage::Connection> admin_conn_;
  std::unique_ptr<Catalog> catalog_;
  AccountStore accounts_;
  std::timed_mutex writer_;
  std::atomic<uint64_t> commit_seq_{0};
  std::mutex wal_mu_;  // guards the three below
  std::condition_variable wal_cv_;
  uint64_t wal_durable_ = 0;  // commits up to this sequence number are on disk
  bool wal_syncing_ = false;  // a leader's fdatasync is in flight
  std::atomic<uint64_t> wal_syncs_{0};
  BinlogHook* binlog_ = nullptr;
  BinaryLog* binary_log_ = nullptr;
  ReplicationSourceInfo* source_info_ = nullptr;
  ReplicaControl* replica_control_ = nullptr;
  GlobalVariables* variables_ = nullptr;
  std::atomic<uint32_t> server_id_{1};
  GlobalStatus status_;
};

}  // namespace relaydb::sql
