// IoThread. See io_thread.h and docs/relay_log.md ("The I/O thread").
//
// States (IoState; MariaDB 10.11's slave.cc handle_slave_io):
//
//   Start ─▶ "Connecting to master" ──(connect fails: error 20xx/1045, sleep
//     │        │                        connect_retry, try again)
//     │        ▼
//     │     "Checking master version"  (UNIX_TIMESTAMP, SERVER_ID, heartbeat,
//     │        │                        checksum, capability, binlog_gtid_pos;
//     │        │                        1593 = fatal)
//     │        ▼
//     │     "Registering slave on master" ──fails──▶ [registration]
//     │        ▼
//     │     "Requesting binlog dump" ──fails──▶ [binlog dump request]
//     │        ▼
//     │     "Waiting for master to send event" ◀──┐
//     │        │ event                            │
//     │        ▼                                  │
//     │     "Queueing master event to the relay log"
//     │        │ (relay_log_space_limit reached:   │
//     │        │  "Waiting for the slave SQL thread to free enough relay log space")
//     │        └──────────────────────────────────┘
//     │     read error / timeout / bad checksum ──▶ [master event read]
//     │
//     │   [X]: "Waiting to reconnect after a failed X" (sleep connect_retry,
//     │        except the first time since the last event) ─▶
//     │        "Reconnecting after a failed X" ─▶ "Checking master version" ...
//     ▼
//   Stop / fatal error (1236, 1593, 1595, retries exhausted) ─▶
//   "Waiting for slave mutex on exit" ─▶ "" (stopped)
#include "replica/io_thread.h"

#include <cstdlib>
#include <ctime>
#include <strings.h>

#include "binlog/event_header.h"
#include "common/bytes.h"
#include "common/logging.h"
#include "wire/messages.h"
#include "wire/packet_io.h"
#include "wire/protocol.h"

namespace relaydb::replica {

using binlog::ChecksumAlg;
using binlog::EventHeader;
using binlog::LogPosition;

namespace {

// MariaDB error numbers the I/O thread reports.
constexpr uint32_t kErMasterFatalErrorReadingBinlog = 1236;
constexpr uint32_t kErSlaveFatalError = 1593;
constexpr uint32_t kErSlaveRelayLogWriteFailure = 1595;
constexpr uint32_t kErSlaveMasterComFailure = 1597;
constexpr uint32_t kErNetworkReadEventChecksumFailure = 1743;
constexpr uint32_t kErUnknownSystemVariable = 1193;
constexpr uint32_t kErNetReadInterrupted = 1159;
constexpr uint32_t kCrServerLost = 2013;
// MARIA_SLAVE_CAPABILITY_MINE: we understand every MariaDB event (GTIDs,
// Annotate_rows, Binlog_checkpoint, compressed events).
constexpr int kMariaSlaveCapabilityMine = 4;
// Longest Rotate/error text MariaDB keeps in Last_IO_Error ('%-.320s').
constexpr size_t kMaxMasterErrorText = 320;

const char* const kStateTexts[] = {
    "",
    "Connecting to master",
    "Checking master version",
    "Registering slave on master",
    "Requesting binlog dump",
    "Waiting to reconnect after a failed registration on master",
    "Reconnecting after a failed registration on master",
    "Waiting to reconnect after a failed binlog dump request",
    "Reconnecting after a failed binlog dump request",
    "Waiting for master to send event",
    "Queueing master event to the relay log",
    "Waiting to reconnect after a failed master event read",
    "Reconnecting after a failed master event read",
    "Waiting for the slave SQL thread to free enough relay log space",
    "Waiting for slave mutex on exit",
};

// MariaDB's is_network_error(): the connection is gone or refused, so the
// thread reconnects instead of stopping. Our client's transport failures
// are non-SQL statuses.
bool IsNetworkError(const Status& s) {
  if (!s.IsSqlError()) return true;
  switch (s.mysql_errno()) {
    case 2002:  // CR_CONNECTION_ERROR
    case 2003:  // CR_CONN_HOST_ERROR
    case 2006:  // CR_SERVER_GONE_ERROR
    case 2013:  // CR_SERVER_LOST
    case 1040:  // ER_CON_COUNT_ERROR
    case 1927:  // ER_CONNECTION_KILLED
    case 1184:  // ER_NEW_ABORTING_CONNECTION
    case 1159:  // ER_NET_READ_INTERRUPTED
    case 1053:  // ER_SERVER_SHUTDOWN
      return true;
    default:
      return false;
  }
}

// A failure as mariadbd's client library words it: the client error
// numbers of libmysql, with "server" where our client says "MySQL server"
// ("Can't connect to server on '127.0.0.1' (111 "Connection refused")").
Status AsMariadbClientError(const Status& s) {
  Status c = wire::ToClientError(s);
  if (!c.IsSqlError()) return Status::SqlError(kCrServerLost, "HY000", c.message());
  std::string msg = c.message();
  if (c.mysql_errno() >= 2000 && c.mysql_errno() < 3000) {
    const size_t at = msg.find("MySQL server");
    if (at != std::string::npos) msg.replace(at, 12, "server");
  }
  return Status::SqlError(c.mysql_errno(), c.sqlstate(), msg);
}

std::string Where(const std::string& file, uint64_t pos) {
  return "log '" + file + "' at position " + std::to_string(pos);
}

}  // namespace

const char* IoStateText(IoState state) { return kStateTexts[static_cast<size_t>(state)]; }

const char* IoRunningText(IoRunning running) {
  switch (running) {
    case IoRunning::kNo:
      return "No";
    case IoRunning::kConnecting:
      return "Connecting";
    case IoRunning::kPreparing:
      return "Preparing";
    case IoRunning::kYes:
      return "Yes";
  }
  return "No";
}

IoThread::IoThread(IoThreadConfig config) : config_(std::move(config)) {
  master_info_ = config_.master_info;
  status_.master_log_file = master_info_.master_log_file;
  status_.read_master_log_pos = master_info_.read_master_log_pos;
}

IoThread::~IoThread() { Stop(); }

int64_t IoThread::Now() const {
  return config_.now ? config_.now() : static_cast<int64_t>(std::time(nullptr));
}

Status IoThread::Start() {
  if (config_.relay == nullptr) return Status::InvalidArgument("the I/O thread needs a relay log");
  {
    std::lock_guard l(mu_);
    if (running_) return Status::InvalidArgument("the slave I/O thread is already running");
  }
  if (thread_.joinable()) thread_.join();
  std::lock_guard l(mu_);
  running_ = true;
  stop_ = false;
  status_.last_io_errno = 0;
  status_.last_io_error.clear();
  status_.last_io_error_time = 0;
  status_.events_queued = 0;
  status_.connects = 0;
  status_.running = IoRunning::kConnecting;
  status_.state = IoState::kConnecting;
  status_.state_text = IoStateText(IoState::kConnecting);
  master_info_writes_ = 0;
  thread_ = std::thread([this] { Run(); });
  return Status::Ok();
}

void IoThread::RequestStop() {
  stop_ = true;
  client_.Shutdown();
  std::lock_guard l(mu_);
  sleep_cv_.notify_all();
}

void IoThread::Join() {
  if (thread_.joinable() && thread_.get_id() != std::this_thread::get_id()) thread_.join();
}

void IoThread::Stop() {
  RequestStop();
  Join();
}

bool IoThread::running() const {
  std::lock_guard l(mu_);
  return running_;
}

IoStatus IoThread::status() const {
  std::lock_guard l(mu_);
  return status_;
}

MasterInfo IoThread::master_info() const {
  std::lock_guard l(mu_);
  return master_info_;
}

Status IoThread::SetMasterInfo(const MasterInfo& mi) {
  std::lock_guard l(mu_);
  if (running_) return Status::InvalidArgument("the slave I/O thread is running");
  master_info_ = mi;
  status_.master_log_file = mi.master_log_file;
  status_.read_master_log_pos = mi.read_master_log_pos;
  status_.heartbeats_received = 0;
  status_.last_heartbeat_time = 0;
  return Status::Ok();
}

void IoThread::SetState(IoState state) {
  std::lock_guard l(mu_);
  status_.state = state;
  status_.state_text = IoStateText(state);
  if (config_.proc) config_.proc->SetState(status_.state_text);
}

void IoThread::SetRunning(IoRunning running) {
  std::lock_guard l(mu_);
  status_.running = running;
}

void IoThread::ReportError(uint32_t mysql_errno, const std::string& message) {
  {
    std::lock_guard l(mu_);
    status_.last_io_errno = mysql_errno;
    status_.last_io_error = message;
    status_.last_io_error_time = Now();
  }
  LogError("Slave I/O: " + message + ", Internal MariaDB error code: " +
           std::to_string(mysql_errno));
}

void IoThread::ClearError() {
  std::lock_guard l(mu_);
  status_.last_io_errno = 0;
  status_.last_io_error.clear();
  status_.last_io_error_time = 0;
}

bool IoThread::SleepInterruptibly(uint32_t seconds) {
  std::unique_lock l(mu_);
  sleep_cv_.wait_for(l, std::chrono::seconds(seconds), [this] { return stop_.load(); });
  return !stop_.load();
}

Status IoThread::WriteMasterInfo(bool durable) {
  if (config_.master_info_path.empty()) return Status::Ok();
  MasterInfo mi = master_info();
  return replica::WriteMasterInfo(config_.master_info_path, mi, durable);
}

void IoThread::Run() {
  if (config_.proc) {
    config_.proc->SetUser("system user", "");
    config_.proc->SetCommandStateInfo("Slave_IO", IoStateText(IoState::kConnecting), "");
    config_.proc->SetKillHook([this] { RequestStop(); });
  }
  MasterInfo mi = master_info();
  const std::string who = mi.user + "@" + mi.host + ":" + std::to_string(mi.port);

  // Where to start: the end of what the relay log holds (it never disagrees
  // with the relay log); master.info only when the relay log holds nothing.
  LogPosition from{mi.master_log_file, mi.read_master_log_pos};
  if (std::optional<LogPosition> relay_end = config_.relay->source_position()) {
    if (*relay_end != from) {
      LogNote("Slave I/O thread: the relay log ends at " + Where(relay_end->file, relay_end->pos) +
              " of the master's binlog; master.info says " + Where(from.file, from.pos) +
              "; continuing from the relay log's end");
    }
    from = *relay_end;
  }
  {
    std::lock_guard l(mu_);
    master_info_.master_log_file = status_.master_log_file = from.file;
    master_info_.read_master_log_pos = status_.read_master_log_pos = from.pos;
  }
  LogNote("Slave I/O thread: Start asynchronous replication to master '" + who + "' in " +
          Where(from.file, from.pos));

  uint64_t retry_count = 0;
  Outcome o = Outcome::kFatal;
  if (mi.user.empty()) {
    ReportError(kErSlaveFatalError,
                "Fatal error: Invalid (empty) username when attempting to connect to the master "
                "server. Connection attempt terminated.");
  } else {
    SetRunning(IoRunning::kConnecting);
    SetState(IoState::kConnecting);
    o = ConnectWithRetries(false);
  }
  while (o == Outcome::kOk) {
    Step step = Step::kRegistration;
    o = CheckMaster();
    if (o == Outcome::kOk) o = RegisterOnMaster();
    if (o == Outcome::kOk) {
      step = Step::kDump;
      const std::optional<LogPosition> at = config_.relay->source_position();
      LogPosition start;
      {
        std::lock_guard l(mu_);
        start = at.value_or(LogPosition{master_info_.master_log_file,
                                        master_info_.read_master_log_pos});
        master_info_.master_log_file = status_.master_log_file = start.file;
        master_info_.read_master_log_pos = status_.read_master_log_pos = start.pos;
      }
      o = RequestDump(start);
    }
    if (o == Outcome::kOk) {
      step = Step::kEventRead;
      o = ReadEvents(&retry_count);
    }
    if (o != Outcome::kRetry) break;
    o = Reconnect(step, &retry_count);
  }

  SetState(IoState::kExiting);
  Status s = WriteMasterInfo(/*durable=*/true);
  if (!s.ok()) LogError("Slave I/O thread: failed to flush master info file: " + s.ToString());
  config_.relay->EndSession();
  client_.Close();
  const IoStatus st = status();
  LogNote("Slave I/O thread exiting, read up to log '" + st.master_log_file + "', position " +
          std::to_string(st.read_master_log_pos) + ", master " + mi.host + ":" +
          std::to_string(mi.port));
  if (config_.proc) {
    config_.proc->SetKillHook(nullptr);
    config_.proc->SetState("");
  }
  if (config_.on_exit) config_.on_exit();
  std::lock_guard l(mu_);
  status_.state = IoState::kStopped;
  status_.state_text = IoStateText(IoState::kStopped);
  status_.running = IoRunning::kNo;
  running_ = false;
}

IoThread::Outcome IoThread::ConnectWithRetries(bool reconnect) {
  const MasterInfo mi = master_info();
  const int timeout_ms = static_cast<int>(config_.slave_net_timeout) * 1000;
  uint64_t err_count = 0;
  int64_t last_errno = -1;
  while (true) {
    if (Stopping()) return Outcome::kStopped;
    client_.SetReadTimeout(timeout_ms);
    client_.SetWriteTimeout(timeout_ms);
    client_.SetMaxAllowedPacket(config_.max_allowed_packet + binlog::kHeaderSize + 1);
    Status s = client_.Connect(mi.host, static_cast<uint16_t>(mi.port), mi.user, mi.password, "",
                               timeout_ms);
    if (Stopping()) {
      client_.Close();
      return Outcome::kStopped;
    }
    if (s.ok()) break;
    const Status c = AsMariadbClientError(s);
    if (static_cast<int64_t>(c.mysql_errno()) != last_errno) {
      last_errno = c.mysql_errno();
      ReportError(c.mysql_errno(),
                  std::string("error ") + (reconnect ? "reconnecting" : "connecting") +
                      " to master '" + mi.user + "@" + mi.host + ":" + std::to_string(mi.port) +
                      "' - retry-time: " + std::to_string(mi.connect_retry) +
                      "  maximum-retries: " + std::to_string(config_.master_retry_count) +
                      "  message: " + c.message());
    }
    if (++err_count == config_.master_retry_count) return Outcome::kFatal;
    if (!SleepInterruptibly(mi.connect_retry)) return Outcome::kStopped;
  }
  ClearError();  // a left-over connect error
  {
    std::lock_guard l(mu_);
    status_.connects++;
    status_.master_version = client_.server_version();
  }
  const IoStatus st = status();
  LogNote(std::string(reconnect ? "Slave: connected to master '" : "Slave I/O thread: connected to master '") +
          mi.user + "@" + mi.host + ":" + std::to_string(mi.port) + "',replication " +
          (reconnect ? "resumed" : "started") + " in " +
          Where(st.master_log_file, st.read_master_log_pos));
  return Outcome::kOk;
}

IoThread::Outcome IoThread::Reconnect(Step step, uint64_t* retry_count) {
  static const IoState kWait[] = {IoState::kWaitingToReconnectAfterRegistration,
                                  IoState::kWaitingToReconnectAfterDump,
                                  IoState::kWaitingToReconnectAfterRead};
  static const IoState kAfter[] = {IoState::kReconnectingAfterRegistration,
                                   IoState::kReconnectingAfterDump,
                                   IoState::kReconnectingAfterRead};
  static const char* const kWhy[] = {"failed registering on master, reconnecting to try again, ",
                                     "failed dump request, reconnecting to try again, ",
                                     "Slave I/O thread: Failed reading log event, reconnecting "
                                     "to retry, "};
  const size_t i = static_cast<size_t>(step);
  SetRunning(IoRunning::kConnecting);
  SetState(kWait[i]);
  client_.Close();
  // The first reconnect after a working connection is immediate; later ones
  // wait connect_retry seconds.
  if ((*retry_count)++ > 0) {
    if (config_.master_retry_count != 0 && *retry_count > config_.master_retry_count) {
      return Outcome::kFatal;
    }
    if (!SleepInterruptibly(master_info().connect_retry)) return Outcome::kStopped;
  }
  if (Stopping()) return Outcome::kStopped;
  SetState(kAfter[i]);
  const IoStatus st = status();
  LogNote(kWhy[i] + Where(st.master_log_file, st.read_master_log_pos));
  return ConnectWithRetries(true);
}

IoThread::Outcome IoThread::CheckMaster() {
  SetRunning(IoRunning::kPreparing);
  SetState(IoState::kCheckingMasterVersion);
  auto fatal = [this](uint32_t err, const std::string& msg) {
    ReportError(err, msg);
    return Outcome::kFatal;
  };
  auto transient = [this](const std::string& what, const Status& s) {
    if (Stopping()) return Outcome::kStopped;
    LogWarning("Slave I/O: " + what + " failed with error: " + AsMariadbClientError(s).message());
    return Outcome::kRetry;
  };

  // The clock difference, for Seconds_Behind_Master.
  Result<wire::QueryResult> r = client_.Query("SELECT UNIX_TIMESTAMP()");
  if (r.ok() && !r->rows.empty() && !r->rows[0].empty() && r->rows[0][0]) {
    const int64_t master_now = std::strtoll(r->rows[0][0]->c_str(), nullptr, 10);
    std::lock_guard l(mu_);
    status_.clock_diff_with_master = Now() - master_now;
  } else if (!r.ok() && IsNetworkError(r.status())) {
    return transient("Get master clock", r.status());
  } else {
    std::lock_guard l(mu_);
    status_.clock_diff_with_master = 0;
    LogWarning("\"SELECT UNIX_TIMESTAMP()\" failed on master, do not trust column "
               "Seconds_Behind_Master of SHOW SLAVE STATUS. Error: " +
               r.status().message() + " (" + std::to_string(r.status().mysql_errno()) + ")");
  }

  // Equal server ids would make every event look like our own.
  r = client_.Query("SHOW VARIABLES LIKE 'SERVER_ID'");
  if (r.ok() && !r->rows.empty() && r->rows[0].size() >= 2 && r->rows[0][1]) {
    const uint32_t master_id =
        static_cast<uint32_t>(std::strtoul(r->rows[0][1]->c_str(), nullptr, 10));
    {
      std::lock_guard l(mu_);
      status_.master_server_id = master_id;
    }
    if (master_id == config_.server_id && !config_.replicate_same_server_id) {
      return fatal(kErSlaveFatalError,
                   "Fatal error: The slave I/O thread stops because master and slave have equal "
                   "MariaDB server ids; these ids must be different for replication to work (or "
                   "the --replicate-same-server-id option must be used on slave but this does "
                   "not always make sense; please check the manual before using it).");
    }
  } else if (!r.ok()) {
    if (IsNetworkError(r.status())) return transient("Get master SERVER_ID", r.status());
    return fatal(r.status().mysql_errno(),
                 "The slave I/O thread stops because a fatal error is encountered when it try to "
                 "get the value of SERVER_ID variable from master. Error: " +
                     r.status().message());
  } else {
    LogWarning("Slave I/O: Unknown system variable 'SERVER_ID' on master, maybe it is a *VERY "
               "OLD MASTER*.");
  }

  // MariaDB keeps the period as a float and multiplies in float: 30 s is
  // sent as 30000001024 ns.
  const float period = static_cast<float>(master_info().heartbeat_period);
  if (period != 0) {
    const auto ns = static_cast<unsigned long long>(period * 1000000000UL);
    r = client_.Query("SET @master_heartbeat_period= " + std::to_string(ns));
    if (!r.ok()) {
      if (IsNetworkError(r.status())) {
        return transient("SET @master_heartbeat_period to master", r.status());
      }
      return fatal(kErSlaveFatalError,
                   "The slave I/O thread stops because a fatal error is encountered when it tries "
                   "to SET @master_heartbeat_period on master. Error: " +
                       r.status().message());
    }
  }

  // The source's checksum algorithm frames the stream until its first
  // Format_description.
  connection_alg_ = ChecksumAlg::kOff;
  r = client_.Query("SET @master_binlog_checksum= @@global.binlog_checksum");
  if (!r.ok()) {
    if (r.status().mysql_errno() == kErUnknownSystemVariable) {
      // An old source without checksums.
    } else if (IsNetworkError(r.status())) {
      return transient("Notifying master by SET @master_binlog_checksum= @@global.binlog_checksum",
                       r.status());
    } else {
      return fatal(kErSlaveFatalError,
                   "The slave I/O thread stops because a fatal error is encountered when it tried "
                   "to SET @master_binlog_checksum on master. Error: " +
                       r.status().message());
    }
  } else {
    r = client_.Query("SELECT @master_binlog_checksum");
    if (r.ok() && !r->rows.empty() && !r->rows[0].empty() && r->rows[0][0]) {
      if (::strcasecmp(r->rows[0][0]->c_str(), "CRC32") == 0) connection_alg_ = ChecksumAlg::kCrc32;
    } else if (!r.ok()) {
      if (IsNetworkError(r.status())) return transient("Get master BINLOG_CHECKSUM", r.status());
      return fatal(kErSlaveFatalError,
                   "The slave I/O thread stops because a fatal error is encountered when it tried "
                   "to SELECT @master_binlog_checksum. Error: " +
                       r.status().message());
    }
  }
  {
    std::lock_guard l(mu_);
    status_.master_checksum = connection_alg_;
  }

  r = client_.Query("SET @mariadb_slave_capability=" + std::to_string(kMariaSlaveCapabilityMine));
  if (!r.ok()) {
    if (IsNetworkError(r.status())) {
      return transient("Setting @mariadb_slave_capability", r.status());
    }
    return fatal(kErSlaveFatalError,
                 "The slave I/O thread stops because a fatal error is encountered when it tries to "
                 "set @mariadb_slave_capability. Error: " +
                     r.status().message());
  }

  // Not connecting by GTID: ask for the GTID position of where we start, as
  // MariaDB does (so that a later MASTER_USE_GTID can continue from it).
  // Only a network error matters.
  LogPosition from;
  {
    std::lock_guard l(mu_);
    from = {master_info_.master_log_file, master_info_.read_master_log_pos};
  }
  if (std::optional<LogPosition> relay_end = config_.relay->source_position()) from = *relay_end;
  std::string quoted;  // escape_quotes_for_mysql(): quotes doubled
  for (char ch : from.file) {
    if (ch == '\'') quoted.push_back('\'');
    quoted.push_back(ch);
  }
  r = client_.Query("SELECT binlog_gtid_pos('" + quoted + "'," + std::to_string(from.pos) + ")");
  if (r.ok() && !r->rows.empty() && !r->rows[0].empty() && r->rows[0][0]) {
    std::lock_guard l(mu_);
    status_.master_gtid_pos = *r->rows[0][0];
  } else if (!r.ok() && IsNetworkError(r.status())) {
    return transient("Get master GTID position", r.status());
  }
  return Stopping() ? Outcome::kStopped : Outcome::kOk;
}

IoThread::Outcome IoThread::RegisterOnMaster() {
  SetState(IoState::kRegistering);
  auto field = [](ByteWriter* w, const std::string& s) {
    const std::string v = s.substr(0, 255);
    w->U8(static_cast<uint8_t>(v.size()));
    w->Bytes(v);
  };
  std::string payload;
  ByteWriter w(&payload);
  w.U32(config_.server_id);
  field(&w, config_.report_host);
  field(&w, config_.report_user);
  field(&w, config_.report_password);
  w.U16(config_.report_port);
  w.U32(0);  // rpl_recovery_rank (obsolete)
  w.U32(0);  // master_id: the source fills it in
  Status s = client_.RunCommand(wire::kComRegisterSlave, payload);
  if (s.ok()) return Outcome::kOk;
  if (Stopping()) return Outcome::kStopped;
  const Status c = AsMariadbClientError(s);
  if (c.mysql_errno() != kErNetReadInterrupted) {
    ReportError(kErSlaveMasterComFailure,
                "Master command COM_REGISTER_SLAVE failed: " + c.message() +
                    " (Errno: " + std::to_string(c.mysql_errno()) + ")");
  }
  LogError("Slave I/O thread couldn't register on master");
  return Outcome::kRetry;
}

IoThread::Outcome IoThread::RequestDump(const LogPosition& from) {
  SetState(IoState::kRequestingDump);
  config_.relay->BeginSession(from);
  std::string payload;
  ByteWriter w(&payload);
  w.U32(static_cast<uint32_t>(from.pos));
  w.U16(config_.dump_flags);
  w.U32(config_.server_id);
  w.Bytes(from.file);
  Status s = client_.SendCommand(wire::kComBinlogDump, payload);
  if (s.ok()) return Outcome::kOk;
  if (Stopping()) return Outcome::kStopped;
  const Status c = AsMariadbClientError(s);
  LogError("Error on COM_BINLOG_DUMP: " + std::to_string(c.mysql_errno()) + "  " + c.message() +
           ", will retry in " + std::to_string(master_info().connect_retry) + " secs");
  return Outcome::kRetry;
}

IoThread::Outcome IoThread::ReadEvents(uint64_t* retry_count) {
  Outcome o = ReceiveEvents(retry_count);
  // A reconnection resumes after what the relay log holds: it must be on
  // disk before anything asks for more.
  Status f = config_.relay->FlushAppended();
  if (!f.ok() && o != Outcome::kFatal) {
    LogError("Slave I/O thread: " + f.ToString());
    ReportError(kErSlaveRelayLogWriteFailure,
                "Relay log write failure: could not queue event from master");
    return Outcome::kFatal;
  }
  return o;
}

Status IoThread::FlushRelayLog() {
  Status f = config_.relay->FlushAppended();
  if (!f.ok()) {
    LogError("Slave I/O thread: " + f.ToString());
    ReportError(kErSlaveRelayLogWriteFailure,
                "Relay log write failure: could not queue event from master");
  }
  return f;
}

IoThread::Outcome IoThread::ReceiveEvents(uint64_t* retry_count) {
  SetRunning(IoRunning::kYes);
  ChecksumAlg stream_alg = connection_alg_;
  std::string packet;
  // The read position (Read_Master_Log_Pos): only this thread moves it.
  uint64_t read_pos = master_info().read_master_log_pos;
  bool waiting = false;
  RelayAppendResult appended;
  const RelayAppendResult* r = &appended;
  while (true) {
    if (Stopping()) return Outcome::kStopped;
    // "Waiting for master to send event" only when the read may block: the
    // state changes twice per buffer of received bytes, not per event.
    if (!client_.HasBufferedInput() && !waiting) {
      SetState(IoState::kWaitingForEvent);
      waiting = true;
    }
    Status s = client_.ReadPacket(&packet);
    if (Stopping()) return Outcome::kStopped;
    if (!s.ok()) {
      const Status c = AsMariadbClientError(s);
      LogError("Error reading packet from server: " + c.message() +
               (wire::IsTimeout(s) ? " (nothing for slave_net_timeout = " +
                                         std::to_string(config_.slave_net_timeout) + " seconds)"
                                   : "") +
               " (server_errno=" + std::to_string(c.mysql_errno()) + ")");
      return Outcome::kRetry;
    }
    if (wire::IsErrPacket(packet)) {
      const Status e = wire::ParseErr(packet);
      LogError("Error reading packet from server: " + e.message() +
               " (server_errno=" + std::to_string(e.mysql_errno()) + ")");
      if (e.mysql_errno() == kErMasterFatalErrorReadingBinlog) {
        ReportError(kErMasterFatalErrorReadingBinlog,
                    "Got fatal error " + std::to_string(e.mysql_errno()) +
                        " from master when reading data from binary log: '" +
                        e.message().substr(0, kMaxMasterErrorText) + "'");
        return Outcome::kFatal;
      }
      return Outcome::kRetry;
    }
    if (wire::IsEofPacket(packet)) {
      LogNote("Slave I/O thread: the master ended the binlog stream");
      return Outcome::kRetry;
    }
    const std::string_view event = std::string_view(packet).substr(packet.empty() ? 0 : 1);
    EventHeader h;
    if (packet.empty() || packet[0] != 0 || event.size() < binlog::kHeaderSize ||
        !binlog::DecodeHeader(event, &h).ok() || h.event_size != event.size()) {
      const IoStatus st = status();
      LogError("Slave I/O thread: malformed event packet (" + std::to_string(packet.size()) +
               " bytes) after " + Where(st.master_log_file, st.read_master_log_pos));
      ReportError(kErSlaveRelayLogWriteFailure,
                  "Relay log write failure: could not queue event from master");
      return Outcome::kRetry;
    }
    // The event starts where the last one ended (for the error message).
    auto view = binlog::FrameEvent(event, stream_alg, read_pos);
    if (!view.ok()) {
      LogError("Slave I/O thread: " + view.status().message() + " in master log '" +
               master_info().master_log_file + "'");
      ReportError(kErNetworkReadEventChecksumFailure,
                  "Replication event checksum verification failed while reading from network");
      return Outcome::kRetry;
    }
    if (h.type == binlog::kHeartbeatEvent || h.type == binlog::kHeartbeatEventV2) {
      {
        std::lock_guard l(mu_);
        status_.heartbeats_received++;
        status_.last_heartbeat_time = Now();
      }
      if (master_info_dirty_) {  // an idle stream: bring master.info up to date
        if (!FlushRelayLog().ok()) return Outcome::kFatal;
        Status ws = WriteMasterInfo(/*durable=*/false);
        if (ws.ok()) master_info_dirty_ = false;
      }
      continue;
    }
    ChecksumAlg alg = stream_alg;
    if (h.type == binlog::kFormatDescriptionEvent) {
      auto fde = binlog::FormatDescription::Decode(view->body);
      alg = fde.ok() && fde->checksummed() ? ChecksumAlg::kCrc32 : ChecksumAlg::kOff;
    }
    if (waiting) {
      SetState(IoState::kQueueing);
      waiting = false;
    }
    Status as = config_.relay->AppendSourceEvent(event, alg, &appended);
    if (!as.ok()) {
      LogError("Slave I/O thread: " + as.ToString());
      ReportError(kErSlaveRelayLogWriteFailure,
                  "Relay log write failure: could not queue event from master");
      return Outcome::kFatal;
    }
    stream_alg = alg;
    *retry_count = 0;
    // The relay log buffers events; it writes them when the stream pauses
    // (and by itself every RelayLog::kFlushBytes). The position below moves
    // after the write, so whoever sees it can read the relay log up to it.
    const bool pending = client_.InputPending();
    if (!pending && !FlushRelayLog().ok()) return Outcome::kFatal;
    read_pos = r->source_end.pos;
    {
      std::lock_guard l(mu_);
      master_info_.master_log_file = status_.master_log_file = r->source_end.file;
      master_info_.read_master_log_pos = status_.read_master_log_pos = r->source_end.pos;
      if (r->written) status_.events_queued++;
    }
    if (r->restart) return Outcome::kRetry;
    if (r->written && r->group_end) master_info_dirty_ = true;
    // master.info is a hint (the relay log itself says where to resume), so
    // it is rewritten between groups only when the stream pauses or every
    // kMasterInfoInterval, not after every group: a rename per group would
    // cost more than receiving the group.
    if (r->group_end && master_info_dirty_ &&
        (!pending || std::chrono::steady_clock::now() - master_info_written_ >= kMasterInfoInterval)) {
      // master.info never runs ahead of the relay log on disk.
      if (pending && !FlushRelayLog().ok()) return Outcome::kFatal;
      // sync_master_info: every Nth rewrite is durable.
      master_info_writes_++;
      const bool durable =
          config_.sync_master_info != 0 && master_info_writes_ % config_.sync_master_info == 0;
      Status ws = WriteMasterInfo(durable);
      if (!ws.ok()) {
        LogError("Slave I/O thread: " + ws.ToString());
        ReportError(kErSlaveFatalError, "Fatal error: Failed to flush master info file");
        return Outcome::kFatal;
      }
      master_info_dirty_ = false;
      master_info_written_ = std::chrono::steady_clock::now();
    }
    Result<bool> waited = config_.relay->WaitForSpace(
        [this] { return Stopping(); }, [this] { SetState(IoState::kWaitingForRelaySpace); });
    if (!waited.ok()) {
      if (Stopping()) {
        LogNote("Slave I/O thread aborted while waiting for relay log space");
        return Outcome::kStopped;
      }
      LogError("Slave I/O thread: " + waited.status().ToString());
      ReportError(kErSlaveRelayLogWriteFailure,
                  "Relay log write failure: could not queue event from master");
      return Outcome::kFatal;
    }
  }
}

}  // namespace relaydb::replica
