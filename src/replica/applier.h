// Applier: the replica's SQL thread (../shared/seeds, "Replication
// Implementation Details"; docs/applier.md). It reads the relay log the I/O
// thread writes, assembles complete event groups and executes each through
// sql::ReplicationApply, which records the group's end position in the same
// storage transaction. Statement and row events both end up in relaydb's SQL
// layer; the I/O thread is not needed (a binlog index + files is a valid
// relay log for it).
//
// Thread states (Slave_SQL_Running_State and the processlist State, as the
// seed documents word them):
//
//   Start()                                     Stop() / error / UNTIL reached
//     │                                                   │
//     ▼                                                   ▼
//   "Reading event from the relay log" ───────▶ "Waiting for slave mutex on exit" ─▶ stopped
//     │   ▲          │ a complete group
//     │   │          ▼
//     │   │   [MASTER_DELAY] "Waiting until MASTER_DELAY seconds after master executed event"
//     │   │          ▼
//     │   └── <the statement's text> while it executes (Info shows it too)
//     ▼ caught up
//   "Has read all relay log; waiting for the slave I/O thread to update it"
//
// Positions: the thread starts at the position ReplicationApply last
// recorded (or the one SetPosition() stored: CHANGE MASTER). A group is
// executed only once it is complete; a partial group at the end of the
// relay log waits for the rest. An error stops the thread with
// Last_SQL_Errno/Last_SQL_Error; Start() again retries the failed group.
//
// Thread-safety: every public method may be called from any thread. The
// Session given in the config is used only by the applier thread while it
// runs, and by Init/SetPosition/ResetPosition (which require it stopped).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "binlog/binlog_position.h"
#include "binlog/binlog_reader.h"
#include "common/status.h"
#include "sql/replication_apply.h"
#include "sql/session.h"

namespace relaydb::replica {

// START SLAVE UNTIL {MASTER_LOG_FILE/POS | RELAY_LOG_FILE/POS}.
struct UntilCondition {
  enum class Kind : uint8_t { kNone, kMaster, kRelay };
  Kind kind = Kind::kNone;
  std::string file;
  uint64_t pos = 0;
};

struct ApplierConfig {
  // The relay log: its directory and index file.
  std::string relay_log_dir;
  std::string relay_log_index;
  // The relay log's writer, if in this process: reading stops at its
  // published end and waits on it. Null: files are polled.
  const binlog::BinlogEndSource* live = nullptr;
  // A system-user session (not owned; must outlive the Applier).
  sql::Session* session = nullptr;
  // @@server_id: events of our own id are skipped unless
  // replicate_same_server_id.
  uint32_t server_id = 1;
  bool replicate_same_server_id = false;
  // Multi-source connection name (the key of the recorded position).
  std::string connection_name;
  // --replicate-* rules, fixed for the thread's run.
  sql::ReplicationFilter filter;
  // Longest wait for the relay log to grow before re-checking Stop().
  std::chrono::milliseconds poll_interval{200};
  // Called on the applier thread once every group of `relay_file` is
  // executed and the position past it is durable (the file may be purged).
  std::function<void(const std::string& relay_file)> on_relay_log_done;
  // Called on the applier thread after each durable position change
  // (relay-log.info).
  std::function<void(const sql::AppliedPosition& position)> on_position;
  // Called on the thread as it ends (however it ends): the owner removes
  // the thread from SHOW PROCESSLIST.
  std::function<void()> on_exit;
};

// What SHOW SLAVE STATUS needs from the SQL thread.
struct ApplierStatus {
  bool running = false;                 // Slave_SQL_Running
  std::string state;                    // Slave_SQL_Running_State ("" when stopped)
  sql::AppliedPosition position;        // Relay_Log_File/Pos, Relay_Master_Log_File, Exec_Master_Log_Pos
  uint16_t last_errno = 0;              // Last_SQL_Errno (0 also for some errors, as MariaDB)
  std::string last_error;               // Last_SQL_Error
  // Seconds_Behind_Master inputs: the source's timestamp of the group being
  // (or last) executed, 0 if none; and whether the thread has executed
  // everything the relay log holds (then MariaDB shows 0).
  int64_t last_master_timestamp = 0;
  bool caught_up = false;
  uint32_t sql_delay = 0;                       // SQL_Delay
  std::optional<int64_t> sql_remaining_delay;   // SQL_Remaining_Delay (NULL unless waiting)
  UntilCondition until;                         // Until_Condition/Log_File/Log_Pos
  uint64_t skip_counter = 0;                    // sql_slave_skip_counter
  uint64_t groups_applied = 0;                  // since the Applier was created
  uint64_t events_executed = 0;                 // of those groups (Executed_log_entries)
};

class Applier {
 public:
  explicit Applier(ApplierConfig config);
  ~Applier();  // Stop() and Join()
  Applier(const Applier&) = delete;
  Applier& operator=(const Applier&) = delete;

  // Creates the position table and loads the recorded position. Start()
  // calls it if it was not called.
  Status Init();

  // Starts the thread at the recorded position (clears Last_SQL_Error, as
  // START SLAVE does). InvalidArgument if it is running.
  Status Start(UntilCondition until = {});
  // Asks the thread to stop; returns at once. A group being executed is
  // finished first (its commit is atomic either way).
  void Stop();
  // Waits for the thread to end.
  void Join();
  bool running() const;

  ApplierStatus status() const;

  // SET GLOBAL sql_slave_skip_counter: the next `n` events are skipped,
  // rounded up to whole groups (MySQL's semantics).
  void SetSkipCounter(uint64_t n);
  // CHANGE MASTER TO MASTER_DELAY = n.
  void SetMasterDelay(uint32_t seconds);
  // CHANGE MASTER / RESET SLAVE, thread stopped: where the next Start()
  // begins. `relay_file` empty = the first file of the relay log index.
  Status SetPosition(const sql::AppliedPosition& position);
  Status ResetPosition();

  // MASTER_POS_WAIT(file, pos, timeout): waits until Exec_Master_Log_Pos
  // reaches `pos` of `file` (or a later file). Returns the number of groups
  // executed while waiting, -1 on timeout or when `killed` returns true,
  // nullopt when the thread is not running.
  std::optional<int64_t> WaitForMasterPos(const std::string& file, uint64_t pos,
                                          std::chrono::milliseconds timeout,
                                          const std::function<bool()>& killed = nullptr);

  // Orders binlog/relay log names: by number when the base names match
  // ("x.000010" after "x.000009"), else bytewise. <0, 0, >0.
  static int CompareLogNames(const std::string& a, const std::string& b);

 private:
  enum class State : uint8_t {
    kStopped,          // ""
    kReading,          // "Reading event from the relay log"
    kCaughtUp,         // "Has read all relay log; waiting for the slave I/O thread to update it"
    kDelaying,         // "Waiting until MASTER_DELAY seconds after master executed event"
    kExecuting,        // the statement's text
    kExiting,          // "Waiting for slave mutex on exit"
  };
  static const char* StateText(State s);

  // A group being assembled from the relay log.
  struct PendingGroup {
    enum class Kind : uint8_t { kTransaction, kStandalone, kMysqlGtid, kLoose };
    bool active = false;
    Kind kind = Kind::kLoose;
    sql::EventGroup group;
    uint64_t master_start = 0;  // source position of its first event (UNTIL)
    bool has_master_start = false;
    int64_t timestamp = 0;      // source time of its first event
  };

  void Run();
  Status RunLoop();
  Status OpenReader(binlog::BinlogReader* reader, const sql::AppliedPosition& from);
  Status HandleEvent(const binlog::ReadEvent& re, const binlog::Event& ev);
  Status AddToGroup(const binlog::ReadEvent& re, const binlog::Event& ev);
  void StartGroup(PendingGroup::Kind kind, const binlog::ReadEvent& re, const binlog::Event& ev);
  void DiscardGroup(const char* why);
  Status CompleteGroup(const binlog::ReadEvent& re, const binlog::Event& ev);
  Status ExecuteGroup();
  // Records exec_ if it moved past the last durable position (idle, exit).
  Status FlushPosition();  // commits the open batch first
  // One group, committed alone, with MariaDB's retries of 1205/1213.
  Status ApplyAlone(sql::EventGroup& g);
  void GroupDurable(const sql::EventGroup& g);
  // The open batch (ReplicationApply::ApplyGroup with commit = false):
  // commit it, or roll it back and apply its groups one at a time.
  Status CommitBatch();
  Status ReplayBatch();
  bool LogSlaveUpdates() const;
  // A lock wait timeout or deadlock: the group is executed again
  // (slave_transaction_retries), counted in Slave_retried_transactions.
  static bool Retryable(const Status& s);
  void NoteRetry(const Status& s);
  // Callbacks: the position (on_position, rate-limited unless forced) and
  // finished relay files.
  void AfterDurable(bool force_position = false);
  bool UntilReached(const std::string& master_file, uint64_t master_pos, const std::string& relay_file,
                    uint64_t relay_pos) const;
  void SetState(State s, const std::string& statement = {});
  // Sleeps up to `d` unless Stop() is called; true if stopping.
  bool SleepUnlessStopped(std::chrono::milliseconds d);
  bool stopping() const { return stop_.load(); }
  Status Fail(const Status& s);

  // Constant after construction.
  const ApplierConfig config_;
  sql::ReplicationApply apply_;

  bool initialized_ = false;  // Init() done (caller's thread, thread stopped)

  // Applier thread only.
  PendingGroup pending_;
  sql::AppliedPosition exec_;       // just past the last event consumed outside a group
  sql::AppliedPosition durable_;    // what rdb_replica_state holds
  std::deque<std::string> relay_files_;  // relay files read, oldest first
  std::string last_relay_file_;

  std::thread thread_;
  std::atomic<bool> stop_{false};

  mutable std::mutex mu_;
  std::condition_variable cv_;
  // Protected by mu_.
  bool running_ = false;
  State state_ = State::kStopped;
  std::string statement_;
  sql::AppliedPosition shown_;  // Relay_Log_File/Pos, Exec_Master_Log_Pos
  uint16_t last_errno_ = 0;
  std::string last_error_;
  int64_t last_master_timestamp_ = 0;
  uint32_t sql_delay_ = 0;
  std::optional<int64_t> delay_until_;
  UntilCondition until_;
  uint64_t skip_counter_ = 0;
  uint64_t groups_applied_ = 0;
  uint64_t events_executed_ = 0;
  // The last position given to on_position, and when.
  sql::AppliedPosition reported_;
  std::chrono::steady_clock::time_point position_reported_{};
  static constexpr std::chrono::milliseconds kPositionFileInterval{100};
  // Groups applied into the open storage transaction, not yet committed:
  // at most kMaxBatchGroups or kMaxBatchBytes of events (kept to replay the
  // batch one group at a time on an error), for at most kMaxBatchAge (what
  // readers of the replica may lag behind while the SQL thread is busy; at
  // the end of the relay log the batch commits at once). Measured session 4
  // (bulk input, 1000-row transactions): 20 ms batches 67 trx/s, 100 ms 107,
  // 200 ms 132, 1 s 133 -- each commit re-writes every page a batch dirtied
  // (random secondary-index leaves) to the WAL; oltp_write_only 256 → 2048
  // groups: 11.7k → 13.2k trx/s.
  std::vector<sql::EventGroup> batch_;
  uint64_t batch_bytes_ = 0;
  std::chrono::steady_clock::time_point batch_started_{};
  static constexpr size_t kMaxBatchGroups = 2048;
  static constexpr uint64_t kMaxBatchBytes = 64ull << 20;
  static constexpr std::chrono::milliseconds kMaxBatchAge{200};
};

}  // namespace relaydb::replica
