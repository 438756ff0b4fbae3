// Applier: the SQL thread. See applier.h and docs/applier.md.
//
// Reading loop:
//
//   open the relay log at the recorded position (re-reading the file from
//   its start so that the source's Format_description is in force)
//   loop: Next(event)
//     end of log ─▶ record the position of consumed control events,
//                   "Has read all relay log; ...", wait (bounded) ─▶ loop
//     control event (Format_description, Rotate, Gtid_list, ...) outside a
//                   group ─▶ advance the position in memory
//     group event ─▶ add to the pending group; when the group is complete
//                   (Xid, COMMIT/ROLLBACK, the statement of a standalone
//                   Gtid or of a statement outside BEGIN, STMT_END_F rows
//                   outside BEGIN): UNTIL? skip? MASTER_DELAY, then
//                   ReplicationApply::ApplyGroup (data + position, one
//                   commit)
#include "replica/applier.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "binlog/binlog_index.h"
#include "binlog/event_format.h"
#include "common/logging.h"

namespace relaydb::replica {

namespace {

constexpr int kMaxReadRetries = 25;


// Splits "name.000012" into ("name", 12); false without a numeric extension.
bool SplitLogName(const std::string& name, std::string* base, uint64_t* number) {
  size_t dot = name.rfind('.');
  if (dot == std::string::npos || dot + 1 >= name.size()) return false;
  for (size_t i = dot + 1; i < name.size(); i++)
    if (!std::isdigit(static_cast<unsigned char>(name[i]))) return false;
  *base = name.substr(0, dot);
  *number = std::strtoull(name.c_str() + dot + 1, nullptr, 10);
  return true;
}

int64_t NowSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

const char* Applier::StateText(State s) {
  switch (s) {
    case State::kStopped: return "";
    case State::kReading: return "Reading event from the relay log";
    case State::kCaughtUp: return "Has read all relay log; waiting for the slave I/O thread to update it";
    case State::kDelaying: return "Waiting until MASTER_DELAY seconds after master executed event";
    case State::kExecuting: return "";
    case State::kExiting: return "Waiting for slave mutex on exit";
  }
  return "";
}

int Applier::CompareLogNames(const std::string& a, const std::string& b) {
  std::string ba, bb;
  uint64_t na = 0, nb = 0;
  if (SplitLogName(a, &ba, &na) && SplitLogName(b, &bb, &nb) && ba == bb)
    return na < nb ? -1 : na > nb ? 1 : 0;
  return a.compare(b) < 0 ? -1 : a.compare(b) > 0 ? 1 : 0;
}

Applier::Applier(ApplierConfig config)
    : config_(std::move(config)),
      apply_(config_.session, sql::ReplicationApplyOptions{config_.connection_name, config_.filter}) {
  apply_.set_statement_observer([this](std::string_view q) {
    if (q.empty()) SetState(State::kReading);
    else SetState(State::kExecuting, std::string(q));
  });
}

Applier::~Applier() {
  Stop();
  Join();
}

Status Applier::Init() {
  RETURN_IF_ERROR(apply_.Init());
  ASSIGN_OR_RETURN(std::optional<sql::AppliedPosition> p, apply_.LoadAppliedPosition());
  initialized_ = true;
  std::lock_guard l(mu_);
  shown_ = p ? *p : sql::AppliedPosition{"", binlog::kFirstEventPosition, "", 0};
  return Status::Ok();
}

Status Applier::Start(UntilCondition until) {
  {
    std::lock_guard l(mu_);
    if (running_) return Status::InvalidArgument("the SQL thread is already running");
  }
  Join();  // a previous run that ended by itself
  if (!initialized_) RETURN_IF_ERROR(Init());
  std::lock_guard l(mu_);
  running_ = true;
  last_errno_ = 0;
  last_error_.clear();
  until_ = std::move(until);
  stop_ = false;
  state_ = State::kReading;
  thread_ = std::thread([this] { Run(); });
  return Status::Ok();
}

void Applier::Stop() {
  // A statement running now is not interrupted (as MariaDB's STOP SLAVE,
  // which stops between events): interrupting SLEEP() would change what it
  // returns. The thread stops before its next group.
  stop_ = true;
  std::lock_guard l(mu_);
  cv_.notify_all();
}

void Applier::Join() {
  if (thread_.joinable() && thread_.get_id() != std::this_thread::get_id()) thread_.join();
}

bool Applier::running() const {
  std::lock_guard l(mu_);
  return running_;
}

ApplierStatus Applier::status() const {
  std::lock_guard l(mu_);
  ApplierStatus st;
  st.running = running_;
  if (running_) st.state = state_ == State::kExecuting ? statement_ : StateText(state_);
  st.position = shown_;
  st.last_errno = last_errno_;
  st.last_error = last_error_;
  st.last_master_timestamp = last_master_timestamp_;
  st.caught_up = running_ && state_ == State::kCaughtUp;
  st.sql_delay = sql_delay_;
  if (delay_until_) st.sql_remaining_delay = std::max<int64_t>(0, *delay_until_ - NowSeconds());
  st.until = until_;
  st.skip_counter = skip_counter_;
  st.groups_applied = groups_applied_;
  st.events_executed = events_executed_;
  return st;
}

void Applier::SetSkipCounter(uint64_t n) {
  std::lock_guard l(mu_);
  skip_counter_ = n;
}

void Applier::SetMasterDelay(uint32_t seconds) {
  std::lock_guard l(mu_);
  sql_delay_ = seconds;
  cv_.notify_all();
}

Status Applier::SetPosition(const sql::AppliedPosition& position) {
  if (running()) return Status::InvalidArgument("the SQL thread is running");
  RETURN_IF_ERROR(apply_.SavePosition(position));
  std::lock_guard l(mu_);
  shown_ = position;
  return Status::Ok();
}

Status Applier::ResetPosition() {
  if (running()) return Status::InvalidArgument("the SQL thread is running");
  RETURN_IF_ERROR(apply_.ResetPosition());
  std::lock_guard l(mu_);
  shown_ = sql::AppliedPosition{"", binlog::kFirstEventPosition, "", 0};
  return Status::Ok();
}

std::optional<int64_t> Applier::WaitForMasterPos(const std::string& file, uint64_t pos,
                                                 std::chrono::milliseconds timeout,
                                                 const std::function<bool()>& killed) {
  std::unique_lock l(mu_);
  if (!running_) return std::nullopt;
  const uint64_t start = groups_applied_;
  const bool forever = timeout.count() <= 0;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    int c = CompareLogNames(shown_.master_file, file);
    if (c > 0 || (c == 0 && shown_.master_pos >= pos)) return static_cast<int64_t>(groups_applied_ - start);
    if (!running_) return std::nullopt;
    if (killed && killed()) return -1;
    auto now = std::chrono::steady_clock::now();
    if (!forever && now >= deadline) return -1;
    auto step = std::chrono::milliseconds(100);
    if (!forever) step = std::min(step, std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now) +
                                            std::chrono::milliseconds(1));
    cv_.wait_for(l, step);
  }
}

// ---------------------------------------------------------------------------
// The thread

void Applier::SetState(State s, const std::string& statement) {
  {
    std::lock_guard l(mu_);
    if (s == state_ && s != State::kExecuting) return;  // once per change, not per event
    state_ = s;
    statement_ = s == State::kExecuting ? statement : std::string();
  }
  const auto& proc = config_.session->proc();
  if (!proc) return;
  if (s == State::kExecuting) {
    proc->SetState(statement);
    proc->SetInfo(statement);
  } else {
    proc->SetState(StateText(s));
    proc->SetInfo("");
  }
}

bool Applier::SleepUnlessStopped(std::chrono::milliseconds d) {
  std::unique_lock l(mu_);
  cv_.wait_for(l, d, [&] { return stop_.load(); });
  return stop_.load();
}

Status Applier::Fail(const Status& s) {
  std::lock_guard l(mu_);
  last_errno_ = s.IsSqlError() ? s.mysql_errno() : 1105;
  last_error_ = s.message();
  LogError("Slave SQL: " + last_error_ + ", Internal MariaDB error code: " + std::to_string(last_errno_));
  LogError("Error running query, slave SQL thread aborted. Fix the problem, and restart the slave SQL thread with "
           "\"SLAVE START\". We stopped at log '" + shown_.master_file + "' position " +
           std::to_string(shown_.master_pos));
  return s;
}

void Applier::Run() {
  if (const auto& proc = config_.session->proc()) {
    proc->SetUser("system user", "");
    proc->SetCommandStateInfo("Slave_SQL", StateText(State::kReading), "");
  }
  Status s = RunLoop();
  if (!s.ok()) {
    Status f = Fail(s);
    (void)f;
  }
  SetState(State::kExiting);
  Status f = FlushPosition();
  if (!f.ok()) LogError("Slave SQL: cannot record the relay log position: " + f.ToString());
  if (const auto& proc = config_.session->proc()) {
    proc->SetState("");
    proc->SetInfo("");
  }
  pending_ = PendingGroup();
  if (config_.on_exit) config_.on_exit();
  std::lock_guard l(mu_);
  running_ = false;
  state_ = State::kStopped;
  delay_until_.reset();
  cv_.notify_all();
}

Status Applier::OpenReader(binlog::BinlogReader* reader, const sql::AppliedPosition& from) {
  std::string file = from.relay_file;
  uint64_t pos = from.relay_pos < binlog::kFirstEventPosition ? binlog::kFirstEventPosition : from.relay_pos;
  if (file.empty()) {
    // No position yet: the relay log's first file, once there is one.
    while (true) {
      auto index = binlog::BinlogIndex::Load(config_.relay_log_index);
      if (index.ok() && !index->empty()) {
        file = index->files().front();
        pos = binlog::kFirstEventPosition;
        break;
      }
      SetState(State::kCaughtUp);
      if (SleepUnlessStopped(config_.poll_interval)) return Status::Ok();
    }
  }
  Status s = reader->Open(file, binlog::kFirstEventPosition);
  if (!s.ok()) return sql::ReplicationApply::RelayLogReadFailure("could not open relay log '" + file + "': " + s.message());
  // Read the file up to `pos`, as MariaDB does when it initializes the relay
  // log position: the Format_description in force there (the source's,
  // after the relay log's own) must frame what follows.
  while (reader->position().file == file && reader->position().pos < pos) {
    binlog::ReadEvent re;
    auto r = reader->Next(&re);
    if (!r.ok()) return sql::ReplicationApply::RelayLogReadFailure(r.status().message());
    if (*r == binlog::BinlogReader::Outcome::kEndOfLog) break;
  }
  if (reader->position().file != file || reader->position().pos != pos) {
    return sql::ReplicationApply::RelayLogReadFailure("relay log position " + file + ":" + std::to_string(pos) +
                                                      " is not the start of an event");
  }
  return Status::Ok();
}

Status Applier::RunLoop() {
  ASSIGN_OR_RETURN(std::optional<sql::AppliedPosition> recorded, apply_.LoadAppliedPosition());
  {
    std::lock_guard l(mu_);
    exec_ = recorded ? *recorded : shown_;
    shown_ = exec_;
  }
  durable_ = recorded ? *recorded : sql::AppliedPosition{};
  relay_files_.clear();
  last_relay_file_.clear();
  pending_ = PendingGroup();
  if (UntilReached(exec_.master_file, exec_.master_pos, exec_.relay_file, exec_.relay_pos)) {
    LogNote("Slave SQL thread stopped because it reached its UNTIL position " + std::to_string(until_.pos) + " in " +
            until_.file + (until_.kind == UntilCondition::Kind::kMaster ? " master" : " relay") + " file");
    return Status::Ok();
  }
  binlog::BinlogReader reader(config_.relay_log_dir, config_.relay_log_index, config_.live);
  RETURN_IF_ERROR(OpenReader(&reader, exec_));
  if (exec_.relay_file.empty()) exec_.relay_file = reader.position().file;
  int errors = 0;
  const auto& proc = config_.session->proc();
  while (!stopping()) {
    if (proc && proc->kill_connection.exchange(false)) {
      // KILL of the SQL thread's processlist row stops it, as in MariaDB.
      LogNote("Slave SQL thread killed");
      break;
    }
    binlog::ReadEvent re;
    auto r = reader.Next(&re, std::chrono::milliseconds(0));
    if (r.ok() && *r == binlog::BinlogReader::Outcome::kEndOfLog && config_.live != nullptr) {
      // Everything written is read: commit the open batch before waiting
      // for more (an idle replica must not sit on executed groups).
      RETURN_IF_ERROR(FlushPosition());
      r = reader.Next(&re, config_.poll_interval);
    }
    if (!r.ok()) {
      // Without a live source, the last event of a file being written can
      // be incomplete for a moment: retry before calling it corrupt.
      if (++errors <= kMaxReadRetries) {
        SleepUnlessStopped(config_.poll_interval);
        continue;
      }
      LogError("Slave SQL: " + r.status().ToString());
      return sql::ReplicationApply::RelayLogReadFailure(r.status().message());
    }
    errors = 0;
    if (*r == binlog::BinlogReader::Outcome::kEndOfLog) {
      RETURN_IF_ERROR(FlushPosition());
      SetState(State::kCaughtUp);
      if (config_.live == nullptr) SleepUnlessStopped(config_.poll_interval);
      continue;
    }
    SetState(State::kReading);
    if (re.file != last_relay_file_) {
      relay_files_.push_back(re.file);
      last_relay_file_ = re.file;
    }
    auto ev = binlog::ParseEvent(re.bytes, reader.format_description(), re.start);
    if (!ev.ok()) {
      LogError("Slave SQL: " + ev.status().ToString());
      return sql::ReplicationApply::RelayLogReadFailure();
    }
    RETURN_IF_ERROR(HandleEvent(re, *ev));
    if (!pending_.active && batch_.empty()) {
      std::lock_guard l(mu_);
      shown_ = exec_;
    }
  }
  return Status::Ok();
}

Status Applier::HandleEvent(const binlog::ReadEvent& re, const binlog::Event& ev) {
  const binlog::EventHeader& h = ev.header;
  // The relay log's own events (the head of each relay file: its
  // Format_description, Gtid_list, Binlog_checkpoint; its Rotate to the
  // next relay file) carry our server_id (relaydb) or LOG_EVENT_RELAY_LOG_F
  // (MariaDB): they never move the source coordinates.
  bool own = (h.flags & binlog::kLogEventRelayLogF) != 0 || h.server_id == config_.server_id;
  if (own && h.type == binlog::kRotateEvent && config_.replicate_same_server_id &&
      !(h.flags & binlog::kLogEventRelayLogF)) {
    // A source with our server_id: its Rotate names one of its binlogs,
    // the relay log's names a relay file.
    const auto* rot = ev.As<binlog::RotateEvent>();
    auto index = binlog::BinlogIndex::Load(config_.relay_log_index);
    own = rot != nullptr && index.ok() && index->Find(rot->next_log) >= 0;
  }
  auto consumed = [&](bool moves_master) {
    if (pending_.active) return;
    exec_.relay_file = re.file;
    exec_.relay_pos = re.end;
    if (moves_master && !own && h.log_pos != 0) exec_.master_pos = h.log_pos;
  };
  switch (h.type) {
    case binlog::kFormatDescriptionEvent: {
      const auto* fde = ev.As<binlog::FormatDescription>();
      // A source that restarted cannot finish the group it was writing.
      if (!own && pending_.active && fde != nullptr && fde->create_timestamp != 0)
        DiscardGroup("the master restarted before it was complete");
      // A source's Format_description at the start of a file: the "relay
      // log" is the source's binary log itself (a relay log begins with its
      // own), so the file is the source file too.
      if (!own && !pending_.active && re.start == binlog::kFirstEventPosition) exec_.master_file = re.file;
      consumed(true);
      return Status::Ok();
    }
    case binlog::kRotateEvent: {
      const auto* rot = ev.As<binlog::RotateEvent>();
      if (!pending_.active && !own && rot != nullptr) {
        exec_.master_file = rot->next_log;
        exec_.master_pos = rot->position;
      }
      consumed(false);
      return Status::Ok();
    }
    case binlog::kStopEvent:
    case binlog::kGtidListEvent:
    case binlog::kBinlogCheckpointEvent:
    case binlog::kPreviousGtidsEvent:
    case binlog::kHeartbeatEvent:
    case binlog::kHeartbeatEventV2:
      consumed(true);
      return Status::Ok();
    case binlog::kStartEncryptionEvent:
      return sql::ReplicationApply::RelayLogReadFailure(
          "encrypted binary logs are not supported (Start_encryption event)");
    case binlog::kIncidentEvent: {
      // incident type u16 (1 = LOST_EVENTS), message length u8, message.
      const auto* u = ev.As<binlog::UnknownEvent>();
      std::string msg;
      if (u != nullptr && u->body.size() >= 3) {
        size_t len = static_cast<unsigned char>(u->body[2]);
        msg = u->body.substr(3, std::min(len, u->body.size() - 3));
      }
      if (msg.size() > 64) msg.resize(64);
      return Status::SqlError(1590, "HY000", "The incident LOST_EVENTS occurred on the master. Message: " + msg);
    }
    case binlog::kXaPrepareEvent:
      return AddToGroup(re, ev);
    default:
      break;
  }
  if (ev.As<binlog::UnknownEvent>() != nullptr) {
    // An event this server does not know: skipped only if the source
    // marked it ignorable.
    if (h.flags & binlog::kLogEventIgnorableF) {
      consumed(true);
      return Status::Ok();
    }
    LogError("Slave SQL: unknown event type " + std::to_string(h.type) + " at " + re.file + ":" +
             std::to_string(re.start) + " without LOG_EVENT_IGNORABLE_F");
    return sql::ReplicationApply::RelayLogReadFailure();
  }
  return AddToGroup(re, ev);
}

void Applier::StartGroup(PendingGroup::Kind kind, const binlog::ReadEvent& re, const binlog::Event& ev) {
  (void)re;
  pending_ = PendingGroup();
  pending_.active = true;
  pending_.kind = kind;
  pending_.group.master_log = exec_.master_file;
  pending_.timestamp = ev.header.timestamp;
  if (ev.header.log_pos != 0 && ev.header.log_pos >= ev.header.event_size) {
    pending_.master_start = ev.header.log_pos - ev.header.event_size;
    pending_.has_master_start = true;
  }
}

void Applier::DiscardGroup(const char* why) {
  LogWarning("Slave SQL: discarding an unfinished event group (" + std::to_string(pending_.group.events.size()) +
             " events from " + exec_.relay_file + ":" + std::to_string(exec_.relay_pos) + "): " + why);
  pending_ = PendingGroup();
}

Status Applier::AddToGroup(const binlog::ReadEvent& re, const binlog::Event& ev) {
  using Kind = PendingGroup::Kind;
  if (const auto* g = ev.As<binlog::GtidEvent>()) {
    if (pending_.active) DiscardGroup("a new GTID began before it ended");
    StartGroup((g->flags2 & binlog::kFlStandalone) ? Kind::kStandalone : Kind::kTransaction, re, ev);
    pending_.group.events.push_back(ev);
    return Status::Ok();
  }
  if (ev.As<binlog::MysqlGtidEvent>() != nullptr) {
    if (pending_.active) DiscardGroup("a new GTID began before it ended");
    StartGroup(Kind::kMysqlGtid, re, ev);
    pending_.group.events.push_back(ev);
    return Status::Ok();
  }
  if (const auto* q = ev.As<binlog::QueryEvent>()) {
    const sql::TxnControl control = sql::TxnControlOf(q->query);
    if (control == sql::TxnControl::kBegin) {
      if (pending_.active && pending_.kind == Kind::kMysqlGtid) {
        pending_.kind = Kind::kTransaction;
      } else if (!(pending_.active && pending_.kind == Kind::kTransaction && pending_.group.events.size() == 1)) {
        if (pending_.active) DiscardGroup("BEGIN inside an unfinished group");
        StartGroup(Kind::kTransaction, re, ev);
      }
      pending_.group.events.push_back(ev);
      return Status::Ok();
    }
    if (!pending_.active) StartGroup(Kind::kLoose, re, ev);
    pending_.group.events.push_back(ev);
    if (pending_.kind == Kind::kTransaction && control == sql::TxnControl::kNone)
      return Status::Ok();
    return CompleteGroup(re, ev);
  }
  if (ev.As<binlog::XidEvent>() != nullptr || ev.header.type == binlog::kXaPrepareEvent) {
    if (!pending_.active) {
      // A stray Xid (its group was discarded): nothing to commit.
      exec_.relay_file = re.file;
      exec_.relay_pos = re.end;
      return Status::Ok();
    }
    pending_.group.events.push_back(ev);
    return CompleteGroup(re, ev);
  }
  // Intvar, Rand, User_var, Annotate_rows, Rows_query, Table_map, rows.
  if (!pending_.active) StartGroup(Kind::kLoose, re, ev);
  pending_.group.events.push_back(ev);
  const auto* rows = ev.As<binlog::RowsEvent>();
  if (rows != nullptr && (rows->flags & binlog::kStmtEndF) && pending_.kind != Kind::kTransaction)
    return CompleteGroup(re, ev);
  return Status::Ok();
}

Status Applier::CompleteGroup(const binlog::ReadEvent& re, const binlog::Event& ev) {
  sql::AppliedPosition& end = pending_.group.end;
  end.relay_file = re.file;
  end.relay_pos = re.end;
  end.master_file = exec_.master_file;
  end.master_pos = ev.header.log_pos != 0 ? ev.header.log_pos : exec_.master_pos;
  Status s = ExecuteGroup();
  pending_ = PendingGroup();
  return s;
}

bool Applier::UntilReached(const std::string& master_file, uint64_t master_pos, const std::string& relay_file,
                           uint64_t relay_pos) const {
  std::lock_guard l(mu_);
  if (until_.kind == UntilCondition::Kind::kNone) return false;
  const bool master = until_.kind == UntilCondition::Kind::kMaster;
  const std::string& file = master ? master_file : relay_file;
  if (file.empty()) return false;
  int c = CompareLogNames(file, until_.file);
  return c > 0 || (c == 0 && (master ? master_pos : relay_pos) >= until_.pos);
}

Status Applier::ExecuteGroup() {
  sql::EventGroup& g = pending_.group;
  // START SLAVE UNTIL: stop before a group that starts at or past the
  // position (MariaDB's is_until_satisfied: a transaction that starts
  // before it is executed whole).
  const uint64_t master_start = pending_.has_master_start ? pending_.master_start : exec_.master_pos;
  if (UntilReached(exec_.master_file, master_start, exec_.relay_file, exec_.relay_pos)) {
    LogNote("Slave SQL thread stopped because it reached its UNTIL position " + std::to_string(until_.pos) + " in " +
            until_.file + (until_.kind == UntilCondition::Kind::kMaster ? " master" : " relay") + " file");
    stop_ = true;
    return CommitBatch();
  }
  const uint32_t server_id = g.events.front().header.server_id;
  bool skip = false;
  {
    std::lock_guard l(mu_);
    if (skip_counter_ > 0) {
      // sql_slave_skip_counter counts events; a group is skipped whole.
      skip_counter_ = skip_counter_ > g.events.size() ? skip_counter_ - g.events.size() : 0;
      skip = true;
    }
  }
  if (!skip && server_id == config_.server_id && !config_.replicate_same_server_id) skip = true;
  if (skip) {
    RETURN_IF_ERROR(CommitBatch());
    RETURN_IF_ERROR(apply_.SavePosition(g.end));
  } else {
    uint32_t delay;
    {
      std::lock_guard l(mu_);
      delay = sql_delay_;
    }
    if (delay > 0) {
      RETURN_IF_ERROR(CommitBatch());
      const int64_t ready = pending_.timestamp + delay;
      {
        std::lock_guard l(mu_);
        delay_until_ = ready;
      }
      SetState(State::kDelaying);
      while (!stopping() && NowSeconds() < ready) SleepUnlessStopped(std::chrono::milliseconds(200));
      {
        std::lock_guard l(mu_);
        delay_until_.reset();
      }
      if (stopping()) return Status::Ok();  // not applied; the next Start() reads it again
      SetState(State::kReading);
    }
    int64_t ts = pending_.timestamp;
    for (const auto& e : g.events) {
      if (const auto* q = e.As<binlog::QueryEvent>()) {
        ts = e.header.timestamp + q->exec_time;
        break;
      }
    }
    {
      std::lock_guard l(mu_);
      last_master_timestamp_ = ts;
    }
    if (delay == 0 && until_.kind == UntilCondition::Kind::kNone && sql::ReplicationApply::Batchable(g) &&
        !LogSlaveUpdates()) {
      // Into the open batch: committed by CommitBatch() when it is full or
      // old, before a group that cannot join it, at the end of the relay
      // log and when the thread stops.
      Status s = apply_.ApplyGroup(g, /*commit=*/false);
      if (!s.ok()) {
        // The batch was rolled back: apply its groups one at a time, so
        // that the failing group is reported with its own position. A lock
        // wait timeout or deadlock makes that a retry (MariaDB's counter).
        if (Retryable(s)) NoteRetry(s);
        RETURN_IF_ERROR(ReplayBatch());
        RETURN_IF_ERROR(ApplyAlone(g));
      } else {
        if (batch_.empty()) batch_started_ = std::chrono::steady_clock::now();
        exec_ = g.end;
        for (const auto& ev : g.events) batch_bytes_ += ev.header.event_size;
        batch_.push_back(std::move(g));
        if (batch_.size() >= kMaxBatchGroups || batch_bytes_ >= kMaxBatchBytes ||
            std::chrono::steady_clock::now() - batch_started_ >= kMaxBatchAge)
          return CommitBatch();
        return Status::Ok();
      }
    } else {
      RETURN_IF_ERROR(CommitBatch());
      RETURN_IF_ERROR(ApplyAlone(g));
    }
    return Status::Ok();
  }
  // Skipped: only its position was recorded.
  exec_ = g.end;
  durable_ = g.end;
  {
    std::lock_guard l(mu_);
    shown_ = exec_;
    cv_.notify_all();
  }
  AfterDurable();
  return Status::Ok();
}

bool Applier::LogSlaveUpdates() const {
  const sql::GlobalVariables* g = config_.session->vars().globals();
  return g != nullptr && g->GetBool("log_slave_updates");
}

bool Applier::Retryable(const Status& s) { return s.mysql_errno() == 1205 || s.mysql_errno() == 1213; }

void Applier::NoteRetry(const Status& s) {
  LogWarning("Slave SQL: retrying a transaction after: " + s.message());
  config_.session->engine()->status().counters().Add(sql::StatusId::kSlaveRetriedTransactions);
}

Status Applier::ApplyAlone(sql::EventGroup& g) {
  Status s = apply_.ApplyGroup(g);
  // A lock wait timeout or deadlock is retried, slave_transaction_retries
  // times (MariaDB's rule); the group was rolled back whole.
  sql::GlobalVariables* globals = config_.session->vars().globals();
  const uint64_t retries = globals != nullptr ? globals->GetUInt("slave_transaction_retries") : 10;
  for (uint64_t attempt = 0; !s.ok() && Retryable(s) && attempt < retries && !stopping(); attempt++) {
    NoteRetry(s);
    const uint64_t interval = globals != nullptr ? globals->GetUInt("slave_transaction_retry_interval") : 0;
    SleepUnlessStopped(std::chrono::milliseconds(std::min<uint64_t>(interval, attempt) * 1000));
    s = apply_.ApplyGroup(g);
  }
  if (!s.ok()) {
    const auto& proc = config_.session->proc();
    const bool killed = stopping() || (proc && proc->kill_connection.load());
    // Interrupted by KILL: not an error; the group is executed again at
    // the next Start().
    if (killed && s.mysql_errno() == 1317) {
      stop_ = true;
      return Status::Ok();
    }
    return s;
  }
  GroupDurable(g);
  return Status::Ok();
}

void Applier::GroupDurable(const sql::EventGroup& g) {
  exec_ = g.end;
  durable_ = g.end;
  {
    std::lock_guard l(mu_);
    shown_ = exec_;
    groups_applied_++;
    events_executed_ += g.events.size();
    cv_.notify_all();
  }
  AfterDurable();
}

Status Applier::CommitBatch() {
  if (batch_.empty()) return Status::Ok();
  Status s = apply_.CommitBatch();
  if (!s.ok()) return ReplayBatch();
  durable_ = batch_.back().end;
  {
    std::lock_guard l(mu_);
    shown_ = durable_;
    groups_applied_ += batch_.size();
    for (const auto& g : batch_) events_executed_ += g.events.size();
    cv_.notify_all();
  }
  batch_.clear();
  batch_bytes_ = 0;
  AfterDurable();
  return Status::Ok();
}

Status Applier::ReplayBatch() {
  apply_.RollbackBatch();
  std::vector<sql::EventGroup> groups = std::move(batch_);
  batch_.clear();
  batch_bytes_ = 0;
  for (auto& g : groups) {
    RETURN_IF_ERROR(ApplyAlone(g));
    if (stop_) return Status::Ok();
  }
  return Status::Ok();
}

Status Applier::FlushPosition() {
  RETURN_IF_ERROR(CommitBatch());
  if (exec_ == durable_ || exec_.relay_file.empty()) {
    // Caught up or stopping: relay-log.info gets the position now, even
    // if the rate limit held it back.
    if (durable_ != reported_) AfterDurable(/*force_position=*/true);
    return Status::Ok();
  }
  RETURN_IF_ERROR(apply_.SavePosition(exec_));
  durable_ = exec_;
  {
    std::lock_guard l(mu_);
    shown_ = exec_;
    cv_.notify_all();
  }
  AfterDurable();
  return Status::Ok();
}

void Applier::AfterDurable(bool force_position) {
  // relay-log.info mirrors the position committed with the data, which is
  // the truth (reconciled at start-up): it is rewritten at most every
  // kPositionFileInterval while groups stream, and whenever the thread
  // catches up or stops.
  const auto now = std::chrono::steady_clock::now();
  if (config_.on_position && (force_position || now - position_reported_ >= kPositionFileInterval)) {
    config_.on_position(durable_);
    position_reported_ = now;
    reported_ = durable_;
  }
  while (!relay_files_.empty() && relay_files_.front() != durable_.relay_file) {
    if (config_.on_relay_log_done) config_.on_relay_log_done(relay_files_.front());
    relay_files_.pop_front();
  }
}

}  // namespace relaydb::replica
