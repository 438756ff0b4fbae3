// BinlogWriter. See binlog_writer.h and docs/binlog_format.md.
#include "binlog/binlog_writer.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <ctime>

#include "binlog/events.h"
#include "binlog/file_util.h"
#include "common/logging.h"

namespace relaydb::binlog {
namespace {

std::string LogMsg(const std::string& what) { return "Binlog: " + what; }

// Rewrites the flags of the Format_description at offset 4 (its CRC was
// computed without LOG_EVENT_BINLOG_IN_USE_F, so it stays valid).
Status WriteFdeFlags(int fd, uint16_t flags, const std::string& path) {
  std::string b;
  ByteWriter(&b).U16(flags);
  return PwriteAll(fd, b, kFirstEventPosition + kFlagsOffset, path);
}

Status ClearInUseFlag(const std::string& path, uint16_t flags) {
  const int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
  if (fd < 0) return ErrnoStatus("cannot open binlog", path, errno);
  Status s = WriteFdeFlags(fd, static_cast<uint16_t>(flags & ~kLogEventBinlogInUseF), path);
  if (s.ok()) s = SyncFd(fd, path);
  ::close(fd);
  return s;
}

Status TruncateFile(const std::string& path, uint64_t size) {
  const int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
  if (fd < 0) return ErrnoStatus("cannot open binlog", path, errno);
  Status s;
  if (::ftruncate(fd, static_cast<off_t>(size)) != 0)
    s = ErrnoStatus("cannot truncate", path, errno);
  if (s.ok()) s = SyncFd(fd, path);
  ::close(fd);
  return s;
}

}  // namespace

BinlogWriter::BinlogWriter(BinlogWriterOptions options) : options_(std::move(options)) {}

BinlogWriter::~BinlogWriter() {
  Status s = Close();
  if (!s.ok()) LogError(LogMsg("closing the binary log failed: " + s.ToString()));
}

int64_t BinlogWriter::Now() const {
  return options_.now ? options_.now() : static_cast<int64_t>(std::time(nullptr));
}

Result<std::unique_ptr<BinlogWriter>> BinlogWriter::Open(BinlogWriterOptions options) {
  if (options.dir.empty() || options.basename.empty()) {
    return Status::InvalidArgument("binlog directory and basename must be set");
  }
  if (options.checksum == ChecksumAlg::kUndefined) options.checksum = ChecksumAlg::kCrc32;
  std::unique_ptr<BinlogWriter> w(new BinlogWriter(std::move(options)));
  std::unique_lock l(w->mu_);
  RETURN_IF_ERROR(w->RecoverLocked());
  return w;
}

Status BinlogWriter::RecoverLocked() {
  ASSIGN_OR_RETURN(index_, BinlogIndex::Load(index_path()));
  while (!index_.empty()) {
    const std::string name = index_.files().back();
    if (!ParseBinlogFileNumber(name, options_.basename, &last_number_)) {
      return Status::Corruption("binlog index '" + index_path() + "' lists '" + name +
                                "', which is not a " + options_.basename + ".NNNNNN file");
    }
    const std::string path = PathOf(name);
    ASSIGN_OR_RETURN(FileScan scan, ScanBinlogFile(path));
    if (!scan.has_format_description) {
      // Created by a crash before its first event was written: nothing in it.
      LogWarning(LogMsg("removing '" + name + "', which has no complete Format_description (" +
                        scan.tail_error + ")"));
      if (::unlink(path.c_str()) != 0 && errno != ENOENT)
        return ErrnoStatus("cannot remove", path, errno);
      index_.RemoveLast();
      RETURN_IF_ERROR(index_.Save());
      continue;
    }
    recovered_file_ = name;
    recovered_after_crash_ = (scan.fde_flags & kLogEventBinlogInUseF) != 0;
    if (recovered_after_crash_) LogNote(LogMsg("recovering '" + name + "' after a crash"));
    if (scan.group_end < scan.file_size) {
      const std::string why =
          scan.tail_error.empty() ? "an unfinished event group" : scan.tail_error;
      LogWarning(LogMsg("'" + name + "' ends with " + why + "; truncating " +
                        std::to_string(scan.file_size - scan.group_end) + " bytes after position " +
                        std::to_string(scan.group_end) +
                        ", the end of its last complete event group"));
      RETURN_IF_ERROR(TruncateFile(path, scan.group_end));
    }
    if (scan.fde_flags & kLogEventBinlogInUseF)
      RETURN_IF_ERROR(ClearInUseFlag(path, scan.fde_flags));
    recovered_groups_ = scan.groups;
    recovered_head_gtids_ = scan.head_gtid_list;
    gtid_state_.Load(scan.head_gtid_list);
    for (const auto& g : scan.groups) {
      if (g.gtid.seq_no != 0) gtid_state_.Update(g.gtid);
    }
    size_ = published_end_ = scan.group_end;
    current_name_ = name;
    break;
  }
  return Status::Ok();
}

std::vector<GroupInfo> BinlogWriter::recovered_groups() const {
  std::lock_guard l(mu_);
  return recovered_groups_;
}

Status BinlogWriter::Start() {
  std::unique_lock l(mu_);
  if (started_ || closed_) return Status::InvalidArgument("binlog writer already started");
  // Expired files go before the new file exists, as MariaDB purges at startup.
  RETURN_IF_ERROR(PurgeFirstLocked(ExpiredFilesLocked(), nullptr));
  RETURN_IF_ERROR(OpenFileLocked(last_number_ + 1, true));
  started_ = true;
  return Status::Ok();
}

Status BinlogWriter::OpenFileLocked(uint64_t number, bool first_after_start) {
  const std::string name = BinlogFileName(options_.basename, number);
  const std::string path = PathOf(name);
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0660);
  if (fd < 0) return ErrnoStatus("cannot create binlog", path, errno);
  const uint32_t now = static_cast<uint32_t>(Now());

  std::string head(kBinlogMagic);
  FormatDescription fde = FormatDescription::MariaDb(options_.checksum, options_.server_version,
                                                     first_after_start ? now : 0);
  const std::string fde_body = fde.Encode();
  const uint32_t fde_end =
      static_cast<uint32_t>(head.size() + kHeaderSize + fde_body.size() + kChecksumSize);
  head +=
      EncodeFormatDescriptionEvent(fde, now, options_.server_id, fde_end, kLogEventBinlogInUseF);
  auto append = [&](uint8_t type, const std::string& body) {
    EventHeader h;
    h.timestamp = now;
    h.type = type;
    h.server_id = options_.server_id;
    std::string ev = EncodeEvent(h, body, options_.checksum);
    PatchLogPos(&ev, static_cast<uint32_t>(head.size() + ev.size()),
                options_.checksum == ChecksumAlg::kCrc32);
    head += ev;
  };
  GtidListEvent gl;
  gl.gtids = gtid_state_.List();
  append(kGtidListEvent, gl.Encode());
  append(kBinlogCheckpointEvent, BinlogCheckpointEvent{name}.Encode());

  Status s = PwriteAll(fd, head, 0, path);
  if (s.ok()) s = SyncFd(fd, path);
  if (s.ok()) {
    index_.Add(name);
    s = index_.Save();
    if (!s.ok()) index_.RemoveLast();
  }
  if (!s.ok()) {
    ::close(fd);
    ::unlink(path.c_str());
    return s;
  }
  fd_ = fd;
  current_name_ = name;
  last_number_ = number;
  size_ = published_end_ = head.size();
  update_cv_.notify_all();
  return Status::Ok();
}

Result<AppendResult> BinlogWriter::Append(const std::vector<std::string>& events,
                                          const AppendOptions& opts) {
  std::unique_lock l(mu_);
  if (!started_ || closed_)
    return Status::InvalidArgument("binlog writer is not open for appending");
  if (events.empty()) return Status::InvalidArgument("empty event group");
  RETURN_IF_ERROR(FlushBufferLocked());
  if (pending_.empty() && size_ >= options_.max_size) RETURN_IF_ERROR(RotateLocked());

  const bool checksum = options_.checksum == ChecksumAlg::kCrc32;
  const GtidBinlogState before = gtid_state_;
  GtidBinlogState after = gtid_state_;
  std::string group;
  uint64_t pos = size_;
  for (const std::string& in : events) {
    EventHeader h;
    const size_t min_size = kHeaderSize + (checksum && !opts.keep_log_pos ? kChecksumSize : 0);
    if (in.size() < min_size || !DecodeHeader(in, &h).ok() || h.event_size != in.size()) {
      return Status::InvalidArgument("malformed event in group (size " + std::to_string(in.size()) +
                                     ")");
    }
    std::string ev = in;
    pos += ev.size();
    if (pos > UINT32_MAX)
      return Status::InvalidArgument("event group would pass 4 GiB in one binlog file");
    if (opts.keep_log_pos) {
      // A relay log stores the source's events verbatim: their positions and
      // checksums follow the source's Format_description, not ours.
      group += ev;
      continue;
    }
    PatchLogPos(&ev, static_cast<uint32_t>(pos), checksum);
    if (h.type == kGtidEvent) {
      auto view = FrameEvent(ev, options_.checksum, pos - ev.size());
      if (!view.ok())
        return Status::InvalidArgument("bad Gtid event in group: " + view.status().message());
      auto g = GtidEvent::Decode(view->body, FormatDescription::MariaDb(options_.checksum));
      if (!g.ok())
        return Status::InvalidArgument("bad Gtid event in group: " + g.status().message());
      after.Update(g->gtid(h.server_id));
    }
    group += ev;
  }
  const uint64_t start = size_;
  Status s = PwriteAll(fd_, group, start, PathOf(current_name_));
  if (!s.ok()) {
    // Leave the file as it was: a partial group must never stay behind.
    if (::ftruncate(fd_, static_cast<off_t>(start)) != 0) {
      LogError(LogMsg("cannot cut a failed write back from '" + current_name_ + "'"));
    }
    return s;
  }
  size_ = pos;
  gtid_state_ = std::move(after);
  const uint64_t ticket = ++last_ticket_;
  pending_.push_back(PendingGroup{ticket, start, size_, before});
  AppendResult r{ticket, {current_name_, start}, {current_name_, size_}};
  if (opts.publish) {
    l.unlock();
    RETURN_IF_ERROR(Publish(ticket));
  }
  return r;
}

Result<VerbatimAppend> BinlogWriter::AppendVerbatim(std::string_view event) {
  std::unique_lock l(mu_);
  if (!started_ || closed_)
    return Status::InvalidArgument("binlog writer is not open for appending");
  if (!pending_.empty())
    return Status::InvalidArgument("verbatim append while event groups are unpublished");
  if (event.size() < kHeaderSize)
    return Status::InvalidArgument("malformed event (size " + std::to_string(event.size()) + ")");
  if (wbuf_.empty() && size_ >= options_.max_size) RETURN_IF_ERROR(RotateLocked());
  const uint64_t start = size_;
  if (start + event.size() > UINT32_MAX)
    return Status::InvalidArgument("event would pass 4 GiB in one binlog file");
  wbuf_.append(event);
  size_ += event.size();
  return VerbatimAppend{++last_ticket_, size_, wbuf_.size()};
}


Status BinlogWriter::FlushBuffer() {
  std::lock_guard l(mu_);
  return FlushBufferLocked();
}

Status BinlogWriter::FlushBufferLocked() {
  if (wbuf_.empty()) return Status::Ok();
  const uint64_t start = size_ - wbuf_.size();
  Status s = fd_ < 0 ? Status::InvalidArgument("binlog is closed")
                     : PwriteAll(fd_, wbuf_, start, PathOf(current_name_));
  if (!s.ok()) {
    // As Append: nothing partial stays behind; the events are dropped.
    if (fd_ >= 0 && ::ftruncate(fd_, static_cast<off_t>(start)) != 0) {
      LogError(LogMsg("cannot cut a failed write back from '" + current_name_ + "'"));
    }
    size_ = start;
    wbuf_.clear();
    return s;
  }
  wbuf_.clear();
  if (pending_.empty()) {
    published_end_ = size_;
    update_cv_.notify_all();
  }
  return Status::Ok();
}

Status BinlogWriter::Sync(uint64_t ticket) {
  std::unique_lock l(mu_);
  if (options_.sync_binlog == 0 || ticket <= synced_ticket_) return Status::Ok();
  if (options_.sync_binlog > 1 && last_ticket_ - synced_ticket_ < options_.sync_binlog)
    return Status::Ok();
  while (sync_in_progress_) {
    sync_cv_.wait(l);
    if (ticket <= synced_ticket_) return Status::Ok();
  }
  if (fd_ < 0) return Status::InvalidArgument("binlog is closed");
  RETURN_IF_ERROR(FlushBufferLocked());
  // Leader: one fdatasync for every group appended so far, on a duplicate of
  // the descriptor so that rotation may close the file meanwhile.
  const int fd = ::dup(fd_);
  if (fd < 0)
    return ErrnoStatus("cannot duplicate the descriptor of", PathOf(current_name_), errno);
  sync_in_progress_ = true;
  const uint64_t target = last_ticket_;
  const std::string path = PathOf(current_name_);
  l.unlock();
  Status s = SyncFd(fd, path);
  ::close(fd);
  l.lock();
  sync_in_progress_ = false;
  if (s.ok()) sync_count_++;
  if (s.ok() && target > synced_ticket_) synced_ticket_ = target;
  sync_cv_.notify_all();
  return s;
}

void BinlogWriter::SetTunables(uint32_t sync_binlog, uint64_t max_size, uint64_t expire_logs_seconds) {
  std::lock_guard l(mu_);
  options_.sync_binlog = sync_binlog;
  options_.max_size = max_size;
  options_.expire_logs_seconds = expire_logs_seconds;
}

Status BinlogWriter::Publish(uint64_t ticket) {
  std::unique_lock l(mu_);
  bool moved = false;
  while (!pending_.empty() && pending_.front().ticket <= ticket) {
    published_end_ = pending_.front().end;
    pending_.pop_front();
    moved = true;
  }
  if (moved) update_cv_.notify_all();
  if (started_ && !closed_ && pending_.empty() && size_ >= options_.max_size) return RotateLocked();
  return Status::Ok();
}

Status BinlogWriter::TruncateTo(const LogPosition& pos) {
  std::unique_lock l(mu_);
  if (!started_) {
    if (closed_ || pos.file != recovered_file_ || recovered_file_.empty()) {
      return Status::InvalidArgument("can only truncate the recovered file '" + recovered_file_ +
                                     "'");
    }
    size_t keep = 0;
    bool boundary = false;
    for (; keep < recovered_groups_.size(); keep++) {
      if (recovered_groups_[keep].start == pos.pos) {
        boundary = true;
        break;
      }
    }
    if (!boundary && pos.pos != size_) {
      return Status::InvalidArgument("position " + std::to_string(pos.pos) + " of '" + pos.file +
                                     "' is not the start of a recovered event group");
    }
    if (pos.pos == size_) return Status::Ok();
    LogWarning(LogMsg("truncating '" + pos.file + "' at position " + std::to_string(pos.pos) +
                      " (" + std::to_string(recovered_groups_.size() - keep) +
                      " event groups the engine did not commit)"));
    RETURN_IF_ERROR(TruncateFile(PathOf(pos.file), pos.pos));
    recovered_groups_.resize(keep);
    gtid_state_.Load(recovered_head_gtids_);
    for (const auto& g : recovered_groups_) {
      if (g.gtid.seq_no != 0) gtid_state_.Update(g.gtid);
    }
    size_ = published_end_ = pos.pos;
    update_cv_.notify_all();
    return Status::Ok();
  }
  if (closed_ || pos.file != current_name_) {
    return Status::InvalidArgument("can only truncate the current binlog '" + current_name_ + "'");
  }
  if (pos.pos == size_) return Status::Ok();
  size_t first = pending_.size();
  for (size_t i = 0; i < pending_.size(); i++) {
    if (pending_[i].start == pos.pos) first = i;
  }
  if (first == pending_.size()) {
    return Status::InvalidArgument("position " + std::to_string(pos.pos) +
                                   " is not the start of an unpublished event group");
  }
  if (::ftruncate(fd_, static_cast<off_t>(pos.pos)) != 0) {
    return ErrnoStatus("cannot truncate", PathOf(current_name_), errno);
  }
  gtid_state_ = pending_[first].state_before;
  pending_.erase(pending_.begin() + static_cast<long>(first), pending_.end());
  size_ = pos.pos;
  return Status::Ok();
}

Status BinlogWriter::CloseFileLocked(uint8_t last_event_type) {
  RETURN_IF_ERROR(FlushBufferLocked());
  const std::string path = PathOf(current_name_);
  const uint32_t now = static_cast<uint32_t>(Now());
  EventHeader h;
  h.timestamp = now;
  h.type = last_event_type;
  h.server_id = options_.server_id;
  std::string body;
  if (last_event_type == kRotateEvent) {
    body = RotateEvent{kFirstEventPosition, BinlogFileName(options_.basename, last_number_ + 1)}
               .Encode();
  }
  std::string ev = EncodeEvent(h, body, options_.checksum);
  PatchLogPos(&ev, static_cast<uint32_t>(size_ + ev.size()),
              options_.checksum == ChecksumAlg::kCrc32);
  RETURN_IF_ERROR(PwriteAll(fd_, ev, size_, path));
  RETURN_IF_ERROR(SyncFd(fd_, path));
  RETURN_IF_ERROR(WriteFdeFlags(fd_, 0, path));
  RETURN_IF_ERROR(SyncFd(fd_, path));
  ::close(fd_);
  fd_ = -1;
  size_ += ev.size();
  published_end_ = size_;
  synced_ticket_ = last_ticket_;
  return Status::Ok();
}

Status BinlogWriter::RotateLocked() {
  if (!pending_.empty())
    return Status::InvalidArgument("cannot rotate the binlog inside an event group");
  RETURN_IF_ERROR(CloseFileLocked(kRotateEvent));
  RETURN_IF_ERROR(OpenFileLocked(last_number_ + 1, false));
  return PurgeFirstLocked(ExpiredFilesLocked(), nullptr);
}

size_t BinlogWriter::ExpiredFilesLocked() const {
  if (options_.expire_logs_seconds == 0) return 0;
  return FilesModifiedBeforeLocked(Now() - static_cast<int64_t>(options_.expire_logs_seconds),
                                   nullptr);
}

size_t BinlogWriter::FilesModifiedBeforeLocked(int64_t before, const InUseFn& in_use) const {
  size_t n = 0;
  for (const auto& f : index_.files()) {
    struct stat st;
    if (f == current_name_ || ::stat(PathOf(f).c_str(), &st) != 0 || st.st_mtime >= before) break;
    if (in_use && in_use(f)) {
      LogNote(LogMsg("file " + f + " was not purged because it is being read"));
      break;
    }
    n++;
  }
  return n;
}

Status BinlogWriter::FlushLogs() {
  std::unique_lock l(mu_);
  if (!started_ || closed_) return Status::InvalidArgument("binlog writer is not open");
  return RotateLocked();
}

Status BinlogWriter::PurgeFirstLocked(size_t n, std::vector<std::string>* purged) {
  if (n == 0) return Status::Ok();
  // MariaDB's answer to a purge that fails half way (ER_BINLOG_PURGE_FATAL_ERR).
  const Status fatal = Status::SqlError(1377, "HY000", "Fatal error during log purge");
  std::vector<std::string> gone(index_.files().begin(),
                                index_.files().begin() + static_cast<long>(n));
  // The index first: a crash between the two leaves unlisted files, never a
  // listed file that is gone.
  BinlogIndex kept = index_;
  kept.RemoveFirst(n);
  Status s = kept.Save();
  if (!s.ok()) {
    LogError(LogMsg("cannot rewrite the index while purging: " + s.ToString()));
    return fatal;
  }
  index_ = std::move(kept);
  bool failed = false;
  for (const auto& f : gone) {
    if (::unlink(PathOf(f).c_str()) != 0 && errno != ENOENT) {
      LogError(LogMsg("cannot delete purged '" + f + "': " + std::strerror(errno)));
      failed = true;
      continue;
    }
    if (purged) purged->push_back(f);
  }
  s = SyncDir(options_.dir);
  if (failed || !s.ok()) return fatal;
  return Status::Ok();
}

Status BinlogWriter::PurgeTo(const std::string& name, const InUseFn& in_use,
                             std::vector<std::string>* purged) {
  std::unique_lock l(mu_);
  const int target = index_.Find(name);
  if (target < 0) {
    LogError("MYSQL_BIN_LOG::purge_logs was called with file ./" + name +
             " not listed in the index.");
    return Status::SqlError(1373, "HY000", "Target log not found in binlog index");
  }
  size_t n = 0;
  for (; n < static_cast<size_t>(target); n++) {
    const std::string& f = index_.files()[n];
    if (f == current_name_) break;
    if (in_use && in_use(f)) {
      LogNote(LogMsg("file " + f + " was not purged because it is being read"));
      break;
    }
  }
  return PurgeFirstLocked(n, purged);
}

Status BinlogWriter::PurgeBefore(int64_t before, const InUseFn& in_use,
                                 std::vector<std::string>* purged) {
  std::unique_lock l(mu_);
  return PurgeFirstLocked(FilesModifiedBeforeLocked(before, in_use), purged);
}

Status BinlogWriter::PurgeExpired(const InUseFn& in_use) {
  uint64_t expire;
  {
    std::lock_guard l(mu_);
    expire = options_.expire_logs_seconds;
  }
  if (expire == 0) return Status::Ok();
  return PurgeBefore(Now() - static_cast<int64_t>(expire), in_use);
}

Status BinlogWriter::ResetMaster(uint64_t first_number) {
  std::unique_lock l(mu_);
  if (!started_ || closed_) return Status::InvalidArgument("binlog writer is not open");
  if (first_number == 0 || first_number > 2147483647) {
    return Status::InvalidArgument("RESET MASTER TO needs a number from 1 to 2147483647");
  }
  if (!pending_.empty())
    return Status::InvalidArgument("cannot reset the binlog inside an event group");
  wbuf_.clear();
  ::close(fd_);
  fd_ = -1;
  RETURN_IF_ERROR(PurgeFirstLocked(index_.files().size(), nullptr));
  gtid_state_.Reset();
  last_ticket_ = synced_ticket_ = 0;
  return OpenFileLocked(first_number, false);
}

Status BinlogWriter::Close() {
  std::unique_lock l(mu_);
  if (closed_) return Status::Ok();
  closed_ = true;
  Status s;
  if (started_ && fd_ >= 0) {
    pending_.clear();
    s = CloseFileLocked(kStopEvent);
  }
  update_cv_.notify_all();
  return s;
}

std::vector<BinlogFileInfo> BinlogWriter::ListLogs() const {
  std::lock_guard l(mu_);
  std::vector<BinlogFileInfo> out;
  for (const auto& f : index_.files()) {
    BinlogFileInfo info{f, 0};
    struct stat st;
    if (f == current_name_) {
      info.size = size_;
    } else if (::stat(PathOf(f).c_str(), &st) == 0) {
      info.size = static_cast<uint64_t>(st.st_size);
    }
    out.push_back(info);
  }
  return out;
}

LogPosition BinlogWriter::CurrentPosition() const {
  std::lock_guard l(mu_);
  return {current_name_, size_};
}

std::vector<Gtid> BinlogWriter::GtidBinlogStateList() const {
  std::lock_guard l(mu_);
  return gtid_state_.List();
}

std::vector<Gtid> BinlogWriter::GtidBinlogPos() const {
  std::lock_guard l(mu_);
  return gtid_state_.Current();
}

uint64_t BinlogWriter::NextSeqNo(uint32_t domain_id) const {
  std::lock_guard l(mu_);
  return gtid_state_.NextSeqNo(domain_id);
}

uint64_t BinlogWriter::sync_count() const {
  std::lock_guard l(mu_);
  return sync_count_;
}

LogPosition BinlogWriter::ReadableEndLocked() const { return {current_name_, published_end_}; }

LogPosition BinlogWriter::ReadableEnd() const {
  std::lock_guard l(mu_);
  return ReadableEndLocked();
}

LogPosition BinlogWriter::WaitForUpdate(const LogPosition& seen,
                                        std::chrono::milliseconds timeout) const {
  std::unique_lock l(mu_);
  update_cv_.wait_for(l, timeout, [&] { return closed_ || ReadableEndLocked() != seen; });
  return ReadableEndLocked();
}

bool BinlogWriter::closed() const {
  std::lock_guard l(mu_);
  return closed_;
}

}  // namespace relaydb::binlog
