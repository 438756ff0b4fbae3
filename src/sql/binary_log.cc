#include "sql/binary_log.h"


#include <cerrno>
#include <cstring>

#include <map>

#include "binlog/binlog_reader.h"
#include "binlog/events.h"
#include "common/logging.h"
#include "storage/sqlite_db.h"

namespace relaydb::sql {

namespace {

std::string LogMsg(const std::string& what) { return "Binlog: " + what; }

constexpr const char* kStateTable =
    "CREATE TABLE IF NOT EXISTS rdb_binlog_state(id INTEGER PRIMARY KEY CHECK (id = 1), "
    "file TEXT NOT NULL, pos INTEGER NOT NULL)";

Status RecordPosition(storage::Connection* conn, const binlog::LogPosition& end) {
  storage::Statement st;
  RETURN_IF_ERROR(conn->Prepare("INSERT OR REPLACE INTO rdb_binlog_state(id, file, pos) VALUES(1, ?, ?)", &st));
  RETURN_IF_ERROR(st.BindText(1, end.file));
  RETURN_IF_ERROR(st.BindInt64(2, static_cast<int64_t>(end.pos)));
  return st.Run();
}

}  // namespace

BinaryLog::BinaryLog(BinaryLogOptions opts) : opts_(std::move(opts)), encoder_(opts_.writer.checksum) {}

BinaryLog::~BinaryLog() {
  Status s = Close();
  if (!s.ok()) LogError(LogMsg("closing the binary log: " + s.ToString()));
}

Result<std::unique_ptr<BinaryLog>> BinaryLog::Open(BinaryLogOptions opts) {
  std::unique_ptr<BinaryLog> b(new BinaryLog(std::move(opts)));
  ASSIGN_OR_RETURN(b->writer_, binlog::BinlogWriter::Open(b->opts_.writer));
  RETURN_IF_ERROR(b->Reconcile());
  RETURN_IF_ERROR(b->writer_->Start());
  if (b->opts_.sync_engine) b->wal_thread_ = std::thread([p = b.get()] { p->WalSyncLoop(); });
  return b;
}

// The data names the end of the last group it committed. Groups of the
// recovered file after that were written but never committed: cut them.
Status BinaryLog::Reconcile() {
  storage::ConnectionOptions co;
  ASSIGN_OR_RETURN(auto conn, storage::Connection::Open(opts_.db_path, co));
  RETURN_IF_ERROR(conn->Exec(kStateTable));
  std::string file;
  uint64_t pos = 0;
  {
    storage::Statement st;
    RETURN_IF_ERROR(conn->PrepareUncached("SELECT file, pos FROM rdb_binlog_state WHERE id = 1", &st));
    bool row = false;
    RETURN_IF_ERROR(st.Step(&row));
    if (row) {
      file = std::string(st.ColumnText(0));
      pos = static_cast<uint64_t>(st.ColumnInt64(1));
    }
  }
  const std::string& rec = writer_->recovered_file();
  if (rec.empty()) return Status::Ok();
  std::vector<binlog::GroupInfo> groups = writer_->recovered_groups();
  if (groups.empty()) return Status::Ok();
  if (file == rec) {
    if (groups.back().end <= pos) {
      if (groups.back().end < pos)
        LogError(LogMsg("the data has transactions up to " + file + ":" + std::to_string(pos) +
                        " but the binary log ends at " + std::to_string(groups.back().end) +
                        " (the binary log lost synced data; it cannot be repaired)"));
      return Status::Ok();
    }
    for (const auto& g : groups) {
      if (g.start >= pos) return writer_->TruncateTo({rec, g.start});
    }
    return Status::Ok();
  }
  // The data's last logged commit is in an older file (or there is none):
  // no group of the recovered file was committed, unless the data's file is
  // unknown to the index (files removed by hand): then leave the log alone.
  bool known = file.empty();
  for (const auto& f : writer_->ListLogs())
    if (f.name == file) known = true;
  if (!known) {
    LogWarning(LogMsg("the data's binary log position " + file + ":" + std::to_string(pos) +
                      " is not in the binary log index; not reconciling"));
    return Status::Ok();
  }
  return writer_->TruncateTo({rec, groups.front().start});
}

Result<uint64_t> BinaryLog::Append(const TransactionLog& txn, storage::Connection* conn) {
  uint64_t xid;
  {
    std::lock_guard l(mu_);
    xid = next_xid_++;
  }
  std::lock_guard admin(admin_mu_);
  const uint64_t seq = writer_->NextSeqNo(opts_.domain_id);
  ASSIGN_OR_RETURN(EncodedGroup g, encoder_.Encode(txn, opts_.domain_id, seq, xid));
  if (g.empty()) return uint64_t{0};
  ASSIGN_OR_RETURN(binlog::AppendResult r, writer_->Append(g.events));
  Status s = RecordPosition(conn, r.end);
  if (!s.ok()) {
    Status t = writer_->TruncateTo(r.start);
    if (!t.ok()) LogError(LogMsg("cannot remove a binary log group: " + t.ToString()));
    return s;
  }
  std::lock_guard l(mu_);
  appended_ = r.ticket;
  last_start_ = r.start;
  outstanding_++;
  return r.ticket;
}

void BinaryLog::Committed(uint64_t ticket) {
  if (ticket == 0) return;
  std::lock_guard l(mu_);
  committed_ = ticket;
  commits_++;
}

void BinaryLog::Aborted(uint64_t ticket) {
  if (ticket == 0) return;
  binlog::LogPosition start;
  {
    std::lock_guard l(mu_);
    if (ticket != appended_) return;
    start = last_start_;
  }
  Status s = writer_->TruncateTo(start);
  if (!s.ok()) LogError(LogMsg("cannot remove an aborted binary log group: " + s.ToString()));
  std::lock_guard l(mu_);
  outstanding_--;
  cv_.notify_all();
}

Status BinaryLog::SyncWal() {
  if (!opts_.sync_engine) return Status::Ok();
  return storage::SyncWal(opts_.db_path);
}

Status BinaryLog::WaitDurable(uint64_t ticket) {
  if (ticket == 0) return Status::Ok();
  std::unique_lock l(mu_);
  while (durable_ < ticket) {
    if (syncing_) {
      cv_.wait(l);
      continue;
    }
    syncing_ = true;
    const uint64_t target = committed_;
    l.unlock();
    // The binlog and the engine's WAL are flushed at the same time (two
    // flushes in flight cost little more than one on the device).
    Status s;
    if (opts_.sync_engine) {
      StartWalSync();
      s = writer_->Sync(target);
      Status w = FinishWalSync();
      if (s.ok()) s = w;
    } else {
      s = writer_->Sync(target);
    }
    l.lock();
    syncing_ = false;
    if (s.ok()) {
      if (target > durable_) durable_ = target;
      group_commits_++;
    }
    cv_.notify_all();
    if (!s.ok()) {
      outstanding_--;
      return s;
    }
  }
  l.unlock();
  Status s = writer_->Publish(ticket);
  l.lock();
  outstanding_--;
  cv_.notify_all();
  return s;
}

void BinaryLog::StartWalSync() {
  std::lock_guard l(wal_mu_);
  wal_requested_ = true;
  wal_done_ = false;
  wal_cv_.notify_all();
}

Status BinaryLog::FinishWalSync() {
  std::unique_lock l(wal_mu_);
  wal_cv_.wait(l, [&] { return wal_done_; });
  return wal_result_;
}

void BinaryLog::WalSyncLoop() {
  std::unique_lock l(wal_mu_);
  for (;;) {
    wal_cv_.wait(l, [&] { return wal_requested_ || wal_stop_; });
    if (wal_stop_) return;
    wal_requested_ = false;
    l.unlock();
    Status s = SyncWal();
    l.lock();
    wal_result_ = s;
    wal_done_ = true;
    wal_cv_.notify_all();
  }
}

void BinaryLog::WaitAllPublished(std::unique_lock<std::mutex>& l) {
  cv_.wait(l, [&] { return outstanding_ == 0; });
}

Status BinaryLog::FlushLogs() {
  std::lock_guard admin(admin_mu_);
  {
    std::unique_lock l(mu_);
    WaitAllPublished(l);
  }
  return writer_->FlushLogs();
}

Status BinaryLog::ResetMaster(storage::Connection* conn, uint64_t first_number) {
  {
    std::unique_lock l(mu_);
    WaitAllPublished(l);
  }
  RETURN_IF_ERROR(conn->Exec(kStateTable));
  RETURN_IF_ERROR(conn->Exec("DELETE FROM rdb_binlog_state"));
  return writer_->ResetMaster(first_number);
}

std::optional<std::string> BinaryLog::GtidPosAt(const std::string& file, uint64_t pos) const {
  bool known = false;
  for (const auto& f : writer_->ListLogs()) known = known || f.name == file;
  if (!known) return std::nullopt;
  binlog::BinlogReader reader(writer_->dir(), writer_->index_path(), writer_.get());
  if (!reader.Open(file, binlog::kFirstEventPosition).ok()) return std::nullopt;
  std::map<uint32_t, binlog::Gtid> last;  // by domain
  uint64_t at = binlog::kFirstEventPosition;
  while (at < pos) {
    binlog::ReadEvent ev;
    auto r = reader.Next(&ev);
    if (!r.ok() || *r == binlog::BinlogReader::Outcome::kEndOfLog || ev.file != file) break;
    at = ev.end;
    auto parsed = binlog::ParseEvent(ev.bytes, reader.format_description(), ev.start);
    if (!parsed.ok()) break;
    if (auto* l = parsed->As<binlog::GtidListEvent>()) {
      for (const auto& g : l->gtids) last[g.domain_id] = g;
    } else if (auto* g = parsed->As<binlog::GtidEvent>()) {
      last[g->domain_id] = g->gtid(ev.header.server_id);
    }
  }
  if (at < pos) return std::nullopt;
  std::string out;
  for (const auto& [d, g] : last) out += (out.empty() ? "" : ",") + g.ToString();
  return out;
}

uint64_t BinaryLog::commits() const {
  std::lock_guard l(mu_);
  return commits_;
}

uint64_t BinaryLog::group_commits() const {
  std::lock_guard l(mu_);
  return group_commits_;
}

Status BinaryLog::Close() {
  if (wal_thread_.joinable()) {
    {
      std::lock_guard l(wal_mu_);
      wal_stop_ = true;
      wal_cv_.notify_all();
    }
    wal_thread_.join();
  }
  if (!writer_) return Status::Ok();
  return writer_->Close();
}

}  // namespace relaydb::sql
