// RelayLog. See relay_log.h and docs/relay_log.md.
//
// Life of a relay file while the I/O thread streams (MariaDB's layout):
//
//   source Rotate ──▶ [own head: FDE, Gtid_list, Binlog_checkpoint]
//                     [source Rotate (artificial or real)]
//                     [source FDE] [source events ...]
//   size / FLUSH / space ──▶ [own head] [artificial copy of the source FDE] [events ...]
//   each file ends with the writer's Rotate naming the next one (Stop at Close)
#include "replica/relay_log.h"

#include <unistd.h>

#include <cstring>
#include <ctime>

#include "binlog/binlog_file.h"
#include "binlog/binlog_index.h"
#include "binlog/event_header.h"
#include "binlog/rows_events.h"
#include "binlog/statement_events.h"
#include "common/logging.h"

namespace relaydb::replica {

using binlog::AppendResult;
using binlog::BinlogWriter;
using binlog::ChecksumAlg;
using binlog::EventHeader;
using binlog::FormatDescription;
using binlog::LogPosition;

namespace {

// A Format_description's create_timestamp: after binlog_version (2 bytes)
// and the server version (50 bytes).
constexpr size_t kFdeCreatedOffset = binlog::kHeaderSize + 2 + binlog::kServerVersionSize;
constexpr auto kSpaceWaitSlice = std::chrono::milliseconds(100);

std::string LogMsg(const std::string& what) { return "Relay log: " + what; }

// Statements that end a transaction (binlog_file.cc ends groups the same
// way, so recovery and the appender agree on where groups end).
bool EndsGroup(std::string_view q) {
  auto starts = [&q](std::string_view p) { return q.substr(0, p.size()) == p; };
  return q == "COMMIT" || q == "ROLLBACK" || starts("XA PREPARE") || starts("XA COMMIT") ||
         starts("XA ROLLBACK");
}

// Where the source's events of one relay file leave the I/O thread.
struct FileSourceScan {
  std::optional<uint64_t> pos;      // after the last source event with a position
  std::optional<std::string> name;  // named by the last source Rotate
};

// Reads one relay file, skipping the writer's own events (the head after
// the FDE at 4, the Rotate naming the next relay file, Stop).
Status ScanRelayFile(const std::string& path, const std::string& basename, uint32_t server_id,
                     FileSourceScan* out) {
  ASSIGN_OR_RETURN(auto file, binlog::BinlogFile::Open(path));
  RETURN_IF_ERROR(file->CheckMagic());
  ASSIGN_OR_RETURN(uint64_t size, file->Size());
  FormatDescription fde = FormatDescription::MariaDb(ChecksumAlg::kOff);
  ChecksumAlg alg = ChecksumAlg::kOff;
  bool in_head = true;
  uint64_t pos = binlog::kFirstEventPosition;
  std::string bytes;
  while (true) {
    ASSIGN_OR_RETURN(auto outcome, file->ReadEvent(pos, size, &bytes));
    if (outcome != binlog::BinlogFile::ReadOutcome::kEvent) break;
    auto view = binlog::FrameEvent(bytes, alg, pos);
    if (!view.ok()) {
      return Status::Corruption("relay log '" + path + "': " + view.status().message());
    }
    const EventHeader& h = view->header;
    const uint64_t at = pos;
    pos += bytes.size();
    if (h.type == binlog::kFormatDescriptionEvent) {
      auto f = FormatDescription::Decode(view->body);
      if (!f.ok()) return Status::Corruption("relay log '" + path + "': " + f.status().message());
      fde = *f;
      alg = fde.checksummed() ? ChecksumAlg::kCrc32 : ChecksumAlg::kOff;
      if (at == binlog::kFirstEventPosition) continue;  // our own
      in_head = false;
      if (h.log_pos != 0) out->pos = h.log_pos;
      continue;
    }
    if (in_head &&
        (h.type == binlog::kGtidListEvent || h.type == binlog::kBinlogCheckpointEvent)) {
      continue;
    }
    in_head = false;
    if (h.type == binlog::kStopEvent) continue;  // never stored from a source
    if (h.type == binlog::kRotateEvent) {
      auto r = binlog::RotateEvent::Decode(view->body, fde);
      if (!r.ok()) return Status::Corruption("relay log '" + path + "': " + r.status().message());
      uint64_t n = 0;
      if (h.server_id == server_id && binlog::ParseBinlogFileNumber(r->next_log, basename, &n)) {
        continue;  // the writer's Rotate to the next relay file
      }
      out->name = r->next_log;
      out->pos = r->position;
      continue;
    }
    if (h.log_pos != 0) out->pos = h.log_pos;
  }
  return Status::Ok();
}

}  // namespace

std::string DefaultRelayLogBasename() {
  char host[256] = {};
  if (::gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
  std::string h(host);
  const size_t dot = h.find('.');
  if (dot != std::string::npos) h.resize(dot);
  if (h.empty()) h = "relaydb";
  return h + "-relay-bin";
}

RelayLog::RelayLog(RelayLogOptions options) : options_(std::move(options)) {
  session_fde_ = FormatDescription::MariaDb(ChecksumAlg::kCrc32);
}

RelayLog::~RelayLog() {
  Status s = Close();
  if (!s.ok()) LogError(LogMsg("closing the relay log failed: " + s.ToString()));
}

Result<std::unique_ptr<RelayLog>> RelayLog::Open(RelayLogOptions options) {
  if (options.dir.empty()) return Status::InvalidArgument("the relay log directory must be set");
  if (options.basename.empty()) options.basename = DefaultRelayLogBasename();
  if (options.basename.find('/') != std::string::npos) {
    return Status::InvalidArgument("relay log basename '" + options.basename +
                                   "' must be a file name (its directory is `dir`)");
  }
  if (options.checksum == ChecksumAlg::kUndefined) options.checksum = ChecksumAlg::kCrc32;
  std::unique_ptr<RelayLog> r(new RelayLog(std::move(options)));
  std::lock_guard l(r->mu_);
  ASSIGN_OR_RETURN(r->writer_, r->OpenWriterLocked(r->options_.checksum));
  ASSIGN_OR_RETURN(r->stored_pos_, r->ScanSourcePositionLocked());
  RETURN_IF_ERROR(r->RecomputeSpaceLocked());
  return r;
}

Result<std::unique_ptr<BinlogWriter>> RelayLog::OpenWriterLocked(ChecksumAlg alg) {
  binlog::BinlogWriterOptions wo;
  wo.dir = options_.dir;
  wo.basename = options_.basename;
  wo.server_id = options_.server_id;
  wo.server_version = options_.server_version;
  wo.checksum = alg;
  // The relay log rotates itself (after the event that passed the size, and
  // with the source's FDE re-appended), so the writer never does.
  wo.max_size = UINT64_MAX;
  wo.sync_binlog = options_.sync_relay_log;
  wo.expire_logs_seconds = 0;
  wo.now = options_.now;
  ASSIGN_OR_RETURN(auto w, BinlogWriter::Open(std::move(wo)));
  RETURN_IF_ERROR(w->Start());
  return w;
}

Status RelayLog::CheckOpenLocked() const {
  if (closed_) return Status::InvalidArgument("the relay log is closed");
  if (!writer_) return Status::IoError("the relay log could not be reopened after an error");
  return Status::Ok();
}

Result<std::optional<LogPosition>> RelayLog::ScanSourcePositionLocked() const {
  ASSIGN_OR_RETURN(binlog::BinlogIndex index, binlog::BinlogIndex::Load(index_path()));
  const std::vector<std::string>& files = index.files();
  std::optional<uint64_t> pos;
  std::optional<std::string> name;
  // Newest first: the position comes from the newest file that has one, the
  // file name from the newest source Rotate at or before it.
  for (size_t i = files.size(); i-- > 0 && !name;) {
    FileSourceScan fs;
    RETURN_IF_ERROR(ScanRelayFile(options_.dir + "/" + files[i], options_.basename,
                                  options_.server_id, &fs));
    if (!pos) pos = fs.pos;
    name = fs.name;
  }
  if (!pos && !name) return std::optional<LogPosition>();
  return std::optional<LogPosition>(LogPosition{name.value_or(""), pos.value_or(4)});
}

Status RelayLog::RecomputeSpaceLocked() {
  uint64_t total = 0;
  for (const auto& f : writer_->ListLogs()) total += f.size;
  space_ = total;
  return Status::Ok();
}

uint64_t RelayLog::MaxFileSizeLocked() const {
  return options_.max_relay_log_size != 0 ? options_.max_relay_log_size
                                          : options_.max_binlog_size;
}

Result<AppendResult> RelayLog::AppendLocked(const std::string& event) {
  binlog::AppendOptions opts;
  opts.publish = true;
  opts.keep_log_pos = true;
  ASSIGN_OR_RETURN(AppendResult r, writer_->Append({event}, opts));
  Status synced = writer_->Sync(r.ticket);
  // After Sync: the readable end may move only then, and a SQL thread woken
  // before would wait a whole slice for the next event.
  update_cv_.notify_all();
  RETURN_IF_ERROR(synced);
  return r;
}

Status RelayLog::RotateLocked(ChecksumAlg alg, bool* cut) {
  *cut = false;
  RETURN_IF_ERROR(FlushLocked());
  if (writer_->checksum_alg() == alg) {
    RETURN_IF_ERROR(writer_->FlushLogs());
  } else {
    // The relay log's own events follow the source's checksum algorithm
    // (MariaDB's relay_log_checksum_alg), so that readers, who frame events
    // by the Format_description in force, read our Rotate and Stop events
    // right: a new writer for the new algorithm.
    LogNote(LogMsg("switching its own events to checksum " +
                   std::string(alg == ChecksumAlg::kCrc32 ? "CRC32" : "NONE") +
                   ", as the source's"));
    Status s = writer_->Close();
    writer_.reset();
    RETURN_IF_ERROR(s);
    ASSIGN_OR_RETURN(writer_, OpenWriterLocked(alg));
    // Reopening recovers the file just closed, which cuts an unfinished
    // event group at its end.
    ASSIGN_OR_RETURN(std::optional<LogPosition> scanned, ScanSourcePositionLocked());
    if (scanned != stored_pos_) {
      LogWarning(LogMsg("an unfinished event group was cut while switching checksums; the I/O "
                        "thread resumes from " +
                        (scanned ? scanned->file + ":" + std::to_string(scanned->pos) : "its start")));
      stored_pos_ = scanned;
      in_group_ = false;
      *cut = true;
    }
  }
  RETURN_IF_ERROR(RecomputeSpaceLocked());
  update_cv_.notify_all();
  return Status::Ok();
}

Status RelayLog::RotateMidStreamLocked() {
  RETURN_IF_ERROR(FlushLocked());
  RETURN_IF_ERROR(writer_->FlushLogs());
  if (!session_fde_event_.empty()) {
    // What MariaDB writes after its own head: the source's FDE with
    // created = 0, log_pos = 0 and LOG_EVENT_ARTIFICIAL_F, its CRC redone.
    std::string fde = session_fde_event_;
    auto info = binlog::PeekFdeChecksum(fde);
    const bool crc = info.ok() && info->has_checksum_fields;
    if (fde.size() >= kFdeCreatedOffset + 4) std::memset(&fde[kFdeCreatedOffset], 0, 4);
    EventHeader h;
    RETURN_IF_ERROR(binlog::DecodeHeader(fde, &h));
    binlog::PatchFlags(&fde, static_cast<uint16_t>(h.flags | binlog::kLogEventArtificialF), crc);
    binlog::PatchLogPos(&fde, 0, crc);
    RETURN_IF_ERROR(AppendLocked(fde).status());
  }
  RETURN_IF_ERROR(RecomputeSpaceLocked());
  update_cv_.notify_all();
  return Status::Ok();
}

RelayLog::GroupState RelayLog::NextGroupStateLocked(const EventHeader& h,
                                                    std::string_view body) const {
  GroupState g{in_group_, standalone_group_};
  switch (h.type) {
    case binlog::kGtidEvent: {
      auto gtid = binlog::GtidEvent::Decode(body, session_fde_);
      if (gtid.ok()) g = {true, (gtid->flags2 & binlog::kFlStandalone) != 0};
      break;
    }
    case binlog::kXidEvent:
    case binlog::kXaPrepareEvent:
    case binlog::kIncidentEvent:
      g.in_group = false;
      break;
    case binlog::kQueryEvent:
    case binlog::kQueryCompressedEvent: {
      auto q = binlog::QueryEvent::Decode(body, session_fde_, h.type);
      if (!q.ok()) break;
      if (g.in_group) {
        if (g.standalone || EndsGroup(q->query)) g.in_group = false;
      } else if (q->query == "BEGIN") {
        g = {true, false};
      }
      break;
    }
    case binlog::kIntvarEvent:
    case binlog::kRandEvent:
    case binlog::kUserVarEvent:
    case binlog::kAnnotateRowsEvent:
    case binlog::kTableMapEvent:
      // Statement context outside a group: the group ends with its statement.
      if (!g.in_group) g = {true, true};
      break;
    default:
      if (!g.in_group && binlog::IsRowsEventType(h.type)) g = {true, true};
      break;
  }
  return g;
}

void RelayLog::BeginSession(const LogPosition& requested) {
  std::lock_guard l(mu_);
  requested_pos_ = requested;
}

void RelayLog::EndSession() {
  std::lock_guard l(mu_);
  if (!closed_ && writer_) {
    Status f = FlushLocked();
    if (!f.ok()) LogError(LogMsg(f.ToString()));
  }
  session_fde_event_.clear();
  session_fde_ = FormatDescription::MariaDb(ChecksumAlg::kCrc32);
}

std::optional<LogPosition> RelayLog::source_position() const {
  std::lock_guard l(mu_);
  return stored_pos_ ? stored_pos_ : requested_pos_;
}

Result<RelayAppendResult> RelayLog::AppendSourceEvent(std::string_view event, ChecksumAlg alg) {
  RelayAppendResult res;
  RETURN_IF_ERROR(AppendSourceEvent(event, alg, &res));
  return res;
}

Status RelayLog::AppendSourceEvent(std::string_view event, ChecksumAlg alg,
                                   RelayAppendResult* out) {
  if (alg == ChecksumAlg::kUndefined) alg = ChecksumAlg::kOff;
  std::lock_guard l(mu_);
  RETURN_IF_ERROR(CheckOpenLocked());
  // The I/O thread verified the checksum when it framed the event.
  auto view = binlog::FrameEvent(event, alg, 0, /*verify_crc=*/false);
  if (!view.ok()) {
    return Status::InvalidArgument("event from the source does not frame: " +
                                   view.status().message());
  }
  const EventHeader h = view->header;
  // Stops are not stored; Rotates and Format_descriptions rotate or append
  // through the writer at once: what is buffered is written first.
  const bool buffered = h.type != binlog::kStopEvent && h.type != binlog::kRotateEvent &&
                        h.type != binlog::kFormatDescriptionEvent;
  if (!buffered) RETURN_IF_ERROR(FlushLocked());
  if (!unflushed_) flushed_ = {stored_pos_, in_group_, standalone_group_};
  // Filled in place: the I/O thread reuses one result, and the file names
  // in it, for every event.
  RelayAppendResult& res = *out;
  res.written = res.group_end = res.restart = false;
  LogPosition& pos = res.source_end;
  if (stored_pos_) {
    pos = *stored_pos_;
  } else {
    pos = requested_pos_.value_or(LogPosition{"", 4});
  }
  GroupState next{in_group_, standalone_group_};
  bool cut = false;
  auto restart = [&] {
    res.restart = true;
    res.group_end = !in_group_;
    res.source_end = stored_pos_ ? *stored_pos_ : requested_pos_.value_or(LogPosition{"", 4});
    requested_pos_ = res.source_end;
    return Status::Ok();
  };

  switch (h.type) {
    case binlog::kStopEvent:
      // A source shutdown: not stored, and the position does not move (a
      // Rotate or the next file's Format_description follows), as MariaDB.
      res.group_end = !in_group_;
      return Status::Ok();
    case binlog::kRotateEvent: {
      auto rot = binlog::RotateEvent::Decode(view->body, session_fde_);
      if (!rot.ok()) {
        return Status::InvalidArgument("bad Rotate event from the source: " +
                                       rot.status().message());
      }
      RETURN_IF_ERROR(RotateLocked(alg, &cut));
      if (cut) return restart();
      // The Format_description of the next source file follows; a rotation
      // before it must not repeat the old one.
      session_fde_event_.clear();
      pos.file = rot->next_log;
      pos.pos = rot->position;
      break;
    }
    case binlog::kFormatDescriptionEvent: {
      auto fde = FormatDescription::Decode(view->body);
      if (!fde.ok()) {
        return Status::InvalidArgument("bad Format_description event from the source: " +
                                       fde.status().message());
      }
      const ChecksumAlg fde_alg = fde->checksummed() ? ChecksumAlg::kCrc32 : ChecksumAlg::kOff;
      if (fde_alg != writer_->checksum_alg()) {
        RETURN_IF_ERROR(RotateLocked(fde_alg, &cut));
        if (cut) return restart();
      }
      session_fde_event_ = std::string(event);
      session_fde_ = std::move(fde).value();
      // A source that (re)started: a group it left unfinished is abandoned.
      if (session_fde_.create_timestamp != 0) next = {false, false};
      if (h.log_pos != 0) pos.pos = h.log_pos;
      break;
    }
    default:
      if (alg != writer_->checksum_alg()) {
        return Status::InvalidArgument(
            "event from the source (type " + std::to_string(h.type) + ") is framed with " +
            (alg == ChecksumAlg::kCrc32 ? "CRC32" : "no checksum") +
            " but the Format_description in force in the relay log says otherwise");
      }
      next = NextGroupStateLocked(h, view->body);
      if (h.log_pos != 0) pos.pos = h.log_pos;
      break;
  }

  uint64_t relay_end = 0;
  size_t buffered_bytes = 0;
  if (buffered) {
    Result<binlog::VerbatimAppend> r = writer_->AppendVerbatim(event);
    if (!r.ok()) {
      Status f = FlushLocked();  // the events before it are still good
      RETURN_IF_ERROR(f);
      return r.status();
    }
    relay_end = r->end;
    buffered_bytes = r->buffered;
    last_ticket_ = r->ticket;
    unflushed_ = true;
  } else {
    ASSIGN_OR_RETURN(AppendResult ar, AppendLocked(std::string(event)));
    relay_end = ar.end.pos;
  }
  space_ += event.size();
  if (stored_pos_) {
    *stored_pos_ = pos;
  } else {
    stored_pos_ = pos;
  }
  in_group_ = next.in_group;
  standalone_group_ = next.standalone;
  res.written = true;
  res.group_end = !in_group_;
  if (relay_end > MaxFileSizeLocked()) {
    RETURN_IF_ERROR(RotateMidStreamLocked());
  } else if (buffered_bytes >= kFlushBytes) {
    RETURN_IF_ERROR(FlushLocked());
  }
  return Status::Ok();
}

Status RelayLog::FlushAppended() {
  std::lock_guard l(mu_);
  RETURN_IF_ERROR(CheckOpenLocked());
  return FlushLocked();
}

Status RelayLog::FlushLocked() {
  if (!unflushed_) return Status::Ok();
  unflushed_ = false;
  Status s = writer_->FlushBuffer();
  if (!s.ok()) {
    // The writer cut the file back: the stream resumes after what is on disk.
    stored_pos_ = flushed_.stored_pos;
    in_group_ = flushed_.in_group;
    standalone_group_ = flushed_.standalone;
    Status r = RecomputeSpaceLocked();
    (void)r;
    return s;
  }
  Status synced = writer_->Sync(last_ticket_);
  // After Sync, as AppendLocked.
  update_cv_.notify_all();
  return synced;
}

Result<bool> RelayLog::WaitForSpace(const std::function<bool()>& stop,
                                    const std::function<void()>& on_wait) {
  std::unique_lock l(mu_);
  auto over = [this] { return options_.space_limit > 0 && space_ > options_.space_limit; };
  // The SQL thread can only free space by reading what is written.
  if (over()) RETURN_IF_ERROR(FlushLocked());
  if (!over()) {
    // A stale "let one through" from the SQL thread must not outlive the
    // shortage that asked for it.
    ignore_space_limit_ = force_rotate_ = false;
    return false;
  }
  bool waited = false;
  if (!ignore_space_limit_) {
    if (on_wait) {
      l.unlock();
      on_wait();
      l.lock();
    }
    waited = true;
    while (over() && !ignore_space_limit_ && !closed_) {
      if (stop && stop()) return Status::Stopped("stopped while waiting for relay log space");
      space_cv_.wait_for(l, kSpaceWaitSlice);
    }
  }
  if (ignore_space_limit_) {
    // The SQL thread caught up: one more event goes through; if it is
    // between groups, a new file lets it purge the one it finished.
    ignore_space_limit_ = false;
    if (force_rotate_ && !closed_ && writer_) {
      force_rotate_ = false;
      RETURN_IF_ERROR(RotateMidStreamLocked());
    }
    force_rotate_ = false;
  }
  return waited;
}

void RelayLog::SqlThreadCaughtUpLocked() const {
  if (options_.space_limit > 0 && space_ > options_.space_limit) {
    force_rotate_ = !in_group_;
    ignore_space_limit_ = true;
    space_cv_.notify_all();
  }
}

void RelayLog::SqlThreadCaughtUp() {
  std::lock_guard l(mu_);
  SqlThreadCaughtUpLocked();
}

Status RelayLog::PurgeBefore(const std::string& relay_file) {
  std::lock_guard l(mu_);
  RETURN_IF_ERROR(CheckOpenLocked());
  if (!options_.purge) return Status::Ok();
  return PurgeBeforeLocked(relay_file);
}

Status RelayLog::PurgeThrough(const std::string& relay_file) {
  std::lock_guard l(mu_);
  RETURN_IF_ERROR(CheckOpenLocked());
  if (!options_.purge) return Status::Ok();
  ASSIGN_OR_RETURN(binlog::BinlogIndex index, binlog::BinlogIndex::Load(index_path()));
  const std::string next = index.Next(relay_file);
  // The current (last) file has no next one and is never purged.
  return PurgeBeforeLocked(next.empty() ? relay_file : next);
}

Status RelayLog::PurgeBeforeLocked(const std::string& relay_file) {
  std::vector<std::string> purged;
  Status s = writer_->PurgeTo(relay_file, nullptr, &purged);
  RETURN_IF_ERROR(RecomputeSpaceLocked());
  if (!purged.empty()) space_cv_.notify_all();
  return s;
}

Status RelayLog::Flush() {
  std::lock_guard l(mu_);
  RETURN_IF_ERROR(CheckOpenLocked());
  return RotateMidStreamLocked();
}

Status RelayLog::Reset() {
  std::lock_guard l(mu_);
  if (closed_) return Status::InvalidArgument("the relay log is closed");
  if (!writer_) {
    ASSIGN_OR_RETURN(writer_, OpenWriterLocked(options_.checksum));
  }
  RETURN_IF_ERROR(writer_->ResetMaster(1));
  unflushed_ = false;  // ResetMaster dropped the buffer with the files
  stored_pos_.reset();
  requested_pos_.reset();
  session_fde_event_.clear();
  session_fde_ = FormatDescription::MariaDb(ChecksumAlg::kCrc32);
  in_group_ = standalone_group_ = false;
  ignore_space_limit_ = force_rotate_ = false;
  RETURN_IF_ERROR(RecomputeSpaceLocked());
  update_cv_.notify_all();
  space_cv_.notify_all();
  return Status::Ok();
}

Status RelayLog::Close() {
  std::lock_guard l(mu_);
  if (closed_) return Status::Ok();
  closed_ = true;
  Status f = writer_ ? FlushLocked() : Status::Ok();
  Status s = writer_ ? writer_->Close() : Status::Ok();
  if (s.ok()) s = f;
  update_cv_.notify_all();
  space_cv_.notify_all();
  return s;
}

void RelayLog::SetTunables(uint64_t max_relay_log_size, uint64_t max_binlog_size,
                           uint64_t space_limit, bool purge, uint32_t sync_relay_log) {
  std::lock_guard l(mu_);
  options_.max_relay_log_size = max_relay_log_size;
  options_.max_binlog_size = max_binlog_size;
  options_.space_limit = space_limit;
  options_.purge = purge;
  options_.sync_relay_log = sync_relay_log;
  if (writer_) writer_->SetTunables(sync_relay_log, UINT64_MAX, 0);
  space_cv_.notify_all();
}

uint64_t RelayLog::space() const {
  std::lock_guard l(mu_);
  return space_;
}

std::vector<binlog::BinlogFileInfo> RelayLog::ListLogs() const {
  std::lock_guard l(mu_);
  return writer_ ? writer_->ListLogs() : std::vector<binlog::BinlogFileInfo>{};
}

LogPosition RelayLog::CurrentPosition() const {
  std::lock_guard l(mu_);
  return writer_ ? writer_->CurrentPosition() : LogPosition{};
}

ChecksumAlg RelayLog::checksum_alg() const {
  std::lock_guard l(mu_);
  return writer_ ? writer_->checksum_alg() : options_.checksum;
}

LogPosition RelayLog::ReadableEnd() const {
  std::lock_guard l(mu_);
  return writer_ ? writer_->ReadableEnd() : LogPosition{};
}

LogPosition RelayLog::WaitForUpdate(const LogPosition& seen,
                                    std::chrono::milliseconds timeout) const {
  std::unique_lock l(mu_);
  auto end = [this] { return writer_ ? writer_->ReadableEnd() : LogPosition{}; };
  if (!closed_ && end() == seen) SqlThreadCaughtUpLocked();
  update_cv_.wait_for(l, timeout, [&] { return closed_ || end() != seen; });
  return end();
}

bool RelayLog::closed() const {
  std::lock_guard l(mu_);
  return closed_;
}

}  // namespace relaydb::replica
