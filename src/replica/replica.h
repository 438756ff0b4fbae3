// Replica: the replica as the server runs it — the coordinator of the I/O
// thread (io_thread.h), the relay log (relay_log.h) and the SQL thread
// (applier.h), and the sql::ReplicaControl behind CHANGE MASTER, START/STOP
// SLAVE, RESET SLAVE, FLUSH RELAY LOGS, SHOW SLAVE STATUS, MASTER_POS_WAIT()
// and sql_slave_skip_counter (docs/replica.md).
//
// master.info is the I/O thread's; relay-log.info is written from the SQL
// thread's position, whose source of truth is the SQLite table the applier
// commits with each group (so a crash neither loses nor repeats a group):
// at start-up relay-log.info is rewritten from it.
//
// Thread-safe: control statements serialize on one mutex.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "common/processlist.h"
#include "replica/applier.h"
#include "replica/io_thread.h"
#include "replica/relay_log.h"
#include "replica/status_files.h"
#include "sql/engine.h"
#include "sql/replica_control.h"
#include "sql/replication_apply.h"
#include "sql/session.h"

namespace relaydb::replica {

struct ReplicaConfig {
  sql::Engine* engine = nullptr;
  ProcessList* processlist = nullptr;
  sql::GlobalVariables* variables = nullptr;
  std::string datadir;
  std::string relay_log_basename;  // absolute; "" = <datadir>/<hostname>-relay-bin
  std::string master_info_file = "master.info";
  std::string relay_log_info_file = "relay-log.info";
  uint32_t server_id = 1;
  uint16_t server_port = 0;  // ours: never used as the I/O thread's local port
  bool skip_slave_start = false;
  bool replicate_same_server_id = false;
  bool log_slave_updates = false;
};

class Replica : public sql::ReplicaControl {
 public:
  // Loads master.info / relay-log.info (if any) and reconciles
  // relay-log.info with the applied position; starts both threads when a
  // source is configured, unless skip_slave_start.
  static Result<std::unique_ptr<Replica>> Open(ReplicaConfig config);
  ~Replica() override;

  // sql::ReplicaControl.
  Status ChangeMaster(const sql::ChangeMasterStmt& st, std::vector<sql::SqlWarning>* warnings) override;
  Status StartSlave(const sql::ReplicaControlStmt& st, std::vector<sql::SqlWarning>* warnings) override;
  Status StopSlave(const sql::ReplicaControlStmt& st, std::vector<sql::SqlWarning>* warnings) override;
  Status ResetSlave(bool all, std::vector<sql::SqlWarning>* warnings) override;
  Status FlushRelayLogs() override;
  std::optional<std::vector<Value>> StatusRow(bool all_slaves) override;
  Value MasterPosWait(const std::string& file, int64_t pos, double timeout,
                      const std::function<bool()>& killed) override;
  Status SetSkipCounter(uint64_t n) override;

  // Stops both threads (server shutdown).
  void Shutdown();

 private:
  explicit Replica(ReplicaConfig config);
  Status Init();
  std::string Path(const std::string& name) const { return config_.datadir + "/" + name; }
  bool configured() const { return mi_.has_value(); }
  Status StartIoLocked();
  Status StartSqlLocked(const UntilCondition& until);
  void StopIoLocked();
  void StopSqlLocked();
  Status OpenRelayLogLocked();
  // Runs `fn` with a ReplicationApply on a short-lived system session (the
  // applied position when no SQL thread is running).
  Status WithApply(const std::function<Status(sql::ReplicationApply&)>& fn);
  Status WriteRelayLogInfo(const sql::AppliedPosition& p);
  uint32_t HeartbeatDefault() const;

  const ReplicaConfig config_;
  std::mutex mu_;  // control statements
  std::optional<MasterInfo> mi_;  // nullopt: never configured (or RESET SLAVE ALL)
  uint32_t master_delay_ = 0;
  std::unique_ptr<RelayLog> relay_;
  std::unique_ptr<IoThread> io_;
  std::shared_ptr<ProcessEntry> io_proc_;
  IoStatus last_io_;          // of the last run (SHOW SLAVE STATUS while stopped)
  ApplierStatus last_sql_;
  bool mi_heartbeat_explicit_ = false;
  // The source coordinates of the last CHANGE MASTER: shown as
  // Relay_Master_Log_File / Exec_Master_Log_Pos until the SQL thread has
  // executed something from there.
  sql::AppliedPosition exec_fallback_;
  std::shared_ptr<ProcessEntry> sql_proc_;
  std::unique_ptr<sql::Session> sql_session_;
  std::unique_ptr<Applier> applier_;
  uint64_t skip_counter_ = 0;
  // Counters of earlier runs of the threads (SHOW ALL SLAVES STATUS and the
  // Slave_* status variables count since the server started; CHANGE MASTER
  // resets the heartbeat count, as MariaDB does).
  uint64_t heartbeats_before_ = 0;
  uint64_t events_before_ = 0;
};

}  // namespace relaydb::replica
