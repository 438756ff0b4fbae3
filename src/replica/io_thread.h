// IoThread: the replica's slave I/O thread (../shared/seeds/003,
// "Replication Implementation Details" and "Replication Slave I/O Thread
// States"; seed 000 for the connection). It connects to the source as a
// client from an ephemeral local port, authenticates, runs MariaDB 10.11's
// session set-up, registers (COM_REGISTER_SLAVE), asks for the binlog
// stream (COM_BINLOG_DUMP) from where the relay log ends, and copies each
// event into the RelayLog, keeping Master_Log_File / Read_Master_Log_Pos
// and master.info up to date. docs/relay_log.md ("The I/O thread") has the
// protocol, the state machine and the error texts.
//
// Life cycle: IoThread(config) ─Start()─▶ running ─Stop()/fatal error─▶ stopped.
// Start() again after it stopped begins a new run (a new connection, so a
// new relay file, as MariaDB does at every START SLAVE).
//
// Thread-safety: every public method may be called from any thread;
// status() and master_info() read a snapshot under the thread's mutex. The
// RelayLog and the ProcessEntry given in the config must outlive the
// IoThread.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "binlog/event_format.h"
#include "common/processlist.h"
#include "common/status.h"
#include "replica/relay_log.h"
#include "replica/status_files.h"
#include "wire/client.h"

namespace relaydb::replica {

// The thread's State (SHOW PROCESSLIST) and Slave_IO_State (SHOW SLAVE
// STATUS), with MariaDB 10.11's texts (IoStateText). See io_thread.cc for
// the diagram.
enum class IoState : uint8_t {
  kStopped,                      // "" (not running)
  kConnecting,                   // "Connecting to master"
  kCheckingMasterVersion,        // "Checking master version" (session set-up queries)
  kRegistering,                  // "Registering slave on master"
  kRequestingDump,               // "Requesting binlog dump"
  kWaitingToReconnectAfterRegistration,  // "Waiting to reconnect after a failed registration on master"
  kReconnectingAfterRegistration,        // "Reconnecting after a failed registration on master"
  kWaitingToReconnectAfterDump,  // "Waiting to reconnect after a failed binlog dump request"
  kReconnectingAfterDump,        // "Reconnecting after a failed binlog dump request"
  kWaitingForEvent,              // "Waiting for master to send event"
  kQueueing,                     // "Queueing master event to the relay log"
  kWaitingToReconnectAfterRead,  // "Waiting to reconnect after a failed master event read"
  kReconnectingAfterRead,        // "Reconnecting after a failed master event read"
  kWaitingForRelaySpace,         // "Waiting for the slave SQL thread to free enough relay log space"
  kExiting,                      // "Waiting for slave mutex on exit"
};
const char* IoStateText(IoState state);

// Slave_IO_Running: "No", "Connecting" (not connected: connecting, waiting
// to reconnect), "Preparing" (connected, before the dump request), "Yes"
// (streaming). MariaDB's slave_running_str.
enum class IoRunning : uint8_t { kNo, kConnecting, kPreparing, kYes };
const char* IoRunningText(IoRunning running);

struct IoThreadConfig {
  // Connection settings and the position to start from (used only when the
  // relay log holds no source event: see RelayLog::source_position()).
  MasterInfo master_info;
  // master.info, rewritten by the thread (docs/relay_log.md, "Status
  // files"); "" = never written.
  std::string master_info_path;
  // sync_master_info: every Nth rewrite of master.info is fsynced (file and
  // directory); 0 = never, 1 = every one. The last one, at exit, always is.
  uint32_t sync_master_info = 10000;
  uint32_t server_id = 0;  // @@server_id (COM_REGISTER_SLAVE, COM_BINLOG_DUMP)
  bool replicate_same_server_id = false;  // skips the equal-server_id check
  // COM_REGISTER_SLAVE: --report-host/-user/-password/-port.
  std::string report_host;
  std::string report_user;
  std::string report_password;
  uint16_t report_port = 0;
  // slave_net_timeout (seconds): the connect timeout, and how long the
  // stream may stay silent (no event, no heartbeat) before the thread
  // reconnects.
  uint32_t slave_net_timeout = 60;
  // master_retry_count: connection attempts before giving up (0: never).
  uint64_t master_retry_count = 100000;
  uint16_t dump_flags = 0;                      // COM_BINLOG_DUMP flags
  size_t max_allowed_packet = size_t{1} << 30;  // slave_max_allowed_packet
  RelayLog* relay = nullptr;                    // required; not owned
  // The thread's processlist row (Command "Slave_IO", User "system user",
  // State = IoStateText); may be null. Its KILL hook stops the thread.
  std::shared_ptr<ProcessEntry> proc;
  std::function<int64_t()> now;  // seconds since the epoch; default time()
  // Called on the thread as it ends (however it ends): the owner removes
  // the thread from SHOW PROCESSLIST.
  std::function<void()> on_exit;
};

// SHOW SLAVE STATUS columns the I/O thread owns, and counters.
struct IoStatus {
  IoState state = IoState::kStopped;
  std::string state_text;  // Slave_IO_State
  IoRunning running = IoRunning::kNo;
  std::string master_log_file;   // Master_Log_File
  uint64_t read_master_log_pos = 4;  // Read_Master_Log_Pos
  uint32_t last_io_errno = 0;    // Last_IO_Errno
  std::string last_io_error;     // Last_IO_Error
  int64_t last_io_error_time = 0;  // when it was set (seconds since the epoch), 0 = never
  uint32_t master_server_id = 0;   // Master_Server_Id (SHOW VARIABLES LIKE 'SERVER_ID')
  std::string master_version;      // the source's version (greeting)
  // Our clock minus the source's (SELECT UNIX_TIMESTAMP() at connect), for
  // Seconds_Behind_Master; 0 until known.
  int64_t clock_diff_with_master = 0;
  binlog::ChecksumAlg master_checksum = binlog::ChecksumAlg::kUndefined;  // @master_binlog_checksum
  // SELECT binlog_gtid_pos(file, pos) at the last connect: the source's GTID
  // position of where the stream started ("" if unknown).
  std::string master_gtid_pos;
  uint64_t events_queued = 0;         // events stored in the relay log by this run
  uint64_t heartbeats_received = 0;   // Slave_received_heartbeats
  int64_t last_heartbeat_time = 0;    // Slave_last_heartbeat; 0 = none
  uint64_t connects = 0;              // successful connections of this run
};

class IoThread {
 public:
  explicit IoThread(IoThreadConfig config);
  ~IoThread();  // Stop()
  IoThread(const IoThread&) = delete;
  IoThread& operator=(const IoThread&) = delete;

  // Starts the thread. InvalidArgument if it is running or the config has
  // no relay log. Clears Last_IO_Errno/Last_IO_Error, as START SLAVE does.
  Status Start();
  // Asks the thread to stop and waits for it ("Waiting for slave mutex on
  // exit" while it finishes: master.info is written durably). Idempotent.
  void Stop();
  // Asks without waiting (KILL); Join() waits.
  void RequestStop();
  void Join();

  // True from Start() until the thread has finished (a fatal error also
  // ends it).
  bool running() const;
  IoStatus status() const;
  // master.info as the thread holds it (positions kept current).
  MasterInfo master_info() const;
  // Replaces the connection settings while stopped (CHANGE MASTER).
  // InvalidArgument while running.
  Status SetMasterInfo(const MasterInfo& mi);

 private:
  // How a step ended.
  enum class Outcome { kOk, kRetry, kFatal, kStopped };
  // MariaDB's reconnect_messages: which step failed.
  enum class Step { kRegistration, kDump, kEventRead };

  void Run();
  bool Stopping() const { return stop_.load(); }
  // Sleeps up to `seconds`, waking early on RequestStop(). False if stopping.
  bool SleepInterruptibly(uint32_t seconds);
  // Connects (retrying every connect_retry seconds up to master_retry_count
  // times). kOk, kFatal (gave up), kStopped.
  Outcome ConnectWithRetries(bool reconnect);
  // MariaDB's try_to_reconnect after `step` failed.
  Outcome Reconnect(Step step, uint64_t* retry_count);
  Outcome CheckMaster();
  Outcome RegisterOnMaster();
  Outcome RequestDump(const binlog::LogPosition& from);
  Outcome ReadEvents(uint64_t* retry_count);
  Outcome ReceiveEvents(uint64_t* retry_count);
  // RelayLog::FlushAppended, reporting a failure as a relay log write error.
  Status FlushRelayLog();
  Status WriteMasterInfo(bool durable);

  void SetState(IoState state);
  void SetRunning(IoRunning running);
  void ReportError(uint32_t mysql_errno, const std::string& message);
  void ClearError();
  int64_t Now() const;

  // Constant after construction (master_info_ aside: see below).
  const IoThreadConfig config_;

  // The client is used by the thread only; RequestStop() calls Shutdown(),
  // the one method MysqlClient allows concurrently.
  wire::MysqlClient client_;
  std::thread thread_;
  std::atomic<bool> stop_{false};
  // Thread-local to the run: the stream's checksum before the first FDE,
  // master.info rewrites counted for sync_master_info.
  binlog::ChecksumAlg connection_alg_ = binlog::ChecksumAlg::kOff;
  uint64_t master_info_writes_ = 0;
  // A group ended since master.info was last written (at a group end).
  bool master_info_dirty_ = false;
  std::chrono::steady_clock::time_point master_info_written_{};
  static constexpr std::chrono::milliseconds kMasterInfoInterval{100};

  // Protected by mu_.
  mutable std::mutex mu_;
  std::condition_variable sleep_cv_;  // RequestStop() wakes sleeps
  bool running_ = false;
  IoStatus status_;
  MasterInfo master_info_;
};

}  // namespace relaydb::replica
