// BinlogWriter: appends event groups to the binary log files
// <dir>/<basename>.NNNNNN and keeps <basename>.index, as MariaDB 10.11 does
// (docs/binlog_format.md, "Files and the index", "Writing", "Recovery").
//
// Life cycle:
//
//   Open() ──▶ recovered ──Start()──▶ started ──Close()──▶ closed
//              (TruncateTo allowed     (Append, Sync, Publish, TruncateTo,
//               on the last file)       FlushLogs, Purge*, ResetMaster)
//
// * Open() recovers: it scans the last file of the index, cuts a torn or
//   unfinished tail back to the last complete event group (logging what it
//   cut), clears that file's in-use flag and rebuilds the GTID state. The
//   storage engine can then compare recovered_groups() with what it
//   committed and TruncateTo() a group it never committed, before Start().
// * Start() opens a new file, as MariaDB does at every server start: magic,
//   Format_description (LOG_EVENT_BINLOG_IN_USE_F set until the file is
//   closed), Gtid_list (the GTID state), Binlog_checkpoint (its own name).
// * The commit path: Append(group) -> Sync(ticket) -> [storage commit] ->
//   Publish(ticket), or TruncateTo(result.start) if the storage commit
//   failed. Readers (BinlogEndSource) see a group only once it is published.
// * Group commit: Sync() is leader/follower: concurrent callers share one
//   fdatasync that covers every group appended before it started.
// * Rotation happens only between groups: when a published group leaves
//   the file at or past max_binlog_size, and on FlushLogs(). The old file
//   gets a Rotate event naming the new one, then its in-use flag cleared.
// * Close() appends a Stop event and clears the in-use flag.
// * Relay logs (AppendVerbatim): events are copied into a write buffer and
//   written, with one pwrite, and published on FlushBuffer(); every other
//   operation that touches the file writes the buffer out first.
//
// Thread-safe: every public method may be called from any thread.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "binlog/binlog_file.h"
#include "binlog/binlog_index.h"
#include "binlog/binlog_position.h"
#include "binlog/event_format.h"
#include "binlog/gtid.h"
#include "common/status.h"

namespace relaydb::binlog {

struct BinlogWriterOptions {
  std::string dir;                       // holds the files and the index
  std::string basename = "mariadb-bin";  // log_bin / log_basename
  uint32_t server_id = 1;
  std::string server_version = std::string(kServerVersion);
  ChecksumAlg checksum = ChecksumAlg::kCrc32;  // binlog_checksum
  uint64_t max_size = uint64_t{1} << 30;       // max_binlog_size
  uint32_t sync_binlog = 0;          // 0: leave it to the OS; N: fdatasync every Nth group
  uint64_t expire_logs_seconds = 0;  // binlog_expire_logs_seconds; 0 = never
  std::function<int64_t()> now;      // seconds since the epoch; default time()
};

struct AppendOptions {
  bool publish = false;  // make the group readable at once (relay logs)
  // Relay logs: append the source's events verbatim (their log_pos and
  // checksums follow the source's Format_description, which the I/O thread
  // appends too); only their framing is checked and the GTID state is not
  // updated.
  bool keep_log_pos = false;
};

struct AppendResult {
  uint64_t ticket = 0;  // for Sync() and Publish()
  LogPosition start;    // where the group begins (for TruncateTo on abort)
  LogPosition end;      // just past its last event
};

// What AppendVerbatim did.
struct VerbatimAppend {
  uint64_t ticket = 0;    // for Sync()
  uint64_t end = 0;       // just past the event in the current file
  size_t buffered = 0;    // bytes in the write buffer now
};

struct BinlogFileInfo {
  std::string name;
  uint64_t size = 0;
};

// Returns true if a reader is still reading `file` (PURGE stops there).
using InUseFn = std::function<bool(const std::string& file)>;

class BinlogWriter : public BinlogEndSource {
 public:
  // Loads the index and recovers the last file (see above). IoError or
  // Corruption if the index or its last file cannot be read at all.
  static Result<std::unique_ptr<BinlogWriter>> Open(BinlogWriterOptions options);
  ~BinlogWriter() override;  // Close()s if still open (errors are logged)
  BinlogWriter(const BinlogWriter&) = delete;
  BinlogWriter& operator=(const BinlogWriter&) = delete;

  // Recovery results: the last file of the index ("" if none), whether it
  // was left in use by a crash, and its complete event groups.
  const std::string& recovered_file() const { return recovered_file_; }
  bool recovered_after_crash() const { return recovered_after_crash_; }
  std::vector<GroupInfo> recovered_groups() const;

  // Opens the next file (see above) and purges expired logs.
  Status Start();

  // Appends one event group atomically (one write) to the current file.
  // `events` are complete events encoded for checksum_alg() (EncodeEvent);
  // their log_pos is filled in (unless keep_log_pos) and checksums redone.
  // Gtid events update the GTID state. IoError leaves the file as it was.
  Result<AppendResult> Append(const std::vector<std::string>& events,
                              const AppendOptions& opts = {});
  // Relay logs: appends one complete event as is (its log_pos and checksum
  // are the source's) to the write buffer. Readers see it once FlushBuffer()
  // (or any other operation on the file) wrote the buffer out. Not for a
  // writer with unpublished Append() groups. The caller framed the event.
  Result<VerbatimAppend> AppendVerbatim(std::string_view event);
  // Writes the buffer (one pwrite) and publishes it. IoError leaves the file
  // as it was and drops the buffered events (the caller re-fetches them).
  Status FlushBuffer();

  // Makes groups up to `ticket` durable per sync_binlog; concurrent callers
  // share one fdatasync. Returns at once when sync_binlog is 0.
  Status Sync(uint64_t ticket);
  // Makes groups up to `ticket` readable (in append order) and wakes
  // readers; rotates if the file reached max_size. Groups must be published
  // in the order they were appended.
  Status Publish(uint64_t ticket);
  // Cuts the log back to `pos`, a group boundary: before Start(), in the
  // recovered file; after, an unpublished group's start in the current file
  // (every group appended from there on is dropped). InvalidArgument
  // otherwise.
  Status TruncateTo(const LogPosition& pos);

  // FLUSH BINARY LOGS: rotates to a new file. InvalidArgument while
  // appended groups are unpublished.
  Status FlushLogs();
  // PURGE BINARY LOGS TO 'name': removes every file before `name` (never the
  // current one), stopping at the first file `in_use` reports. SqlError 1373
  // "Target log not found in binlog index" if `name` is not listed; 1377
  // "Fatal error during log purge" if the index or a file cannot be
  // rewritten or deleted (the details go to the error log).
  Status PurgeTo(const std::string& name, const InUseFn& in_use = nullptr,
                 std::vector<std::string>* purged = nullptr);
  // PURGE BINARY LOGS BEFORE: removes files last modified before `before`
  // (seconds since the epoch), oldest first, stopping at the first newer,
  // in-use or current file.
  Status PurgeBefore(int64_t before, const InUseFn& in_use = nullptr,
                     std::vector<std::string>* purged = nullptr);
  // Applies binlog_expire_logs_seconds (no-op when 0).
  Status PurgeExpired(const InUseFn& in_use = nullptr);
  // RESET MASTER [TO first_number]: deletes every file, empties the GTID
  // state and starts over at <basename>.<first_number>.
  Status ResetMaster(uint64_t first_number = 1);
  // Appends a Stop event, clears the in-use flag, closes. Idempotent.
  // Groups appended but never published stay in the file (before the Stop);
  // the next Open() lists them in recovered_groups() like any others.
  Status Close();

  // SHOW BINARY LOGS: every file of the index with its size.
  std::vector<BinlogFileInfo> ListLogs() const;
  // SHOW MASTER STATUS: the current file and the end of what was appended.
  LogPosition CurrentPosition() const;
  // @@gtid_binlog_state (every domain-server pair) and @@gtid_binlog_pos
  // (the last GTID of each domain).
  std::vector<Gtid> GtidBinlogStateList() const;
  std::vector<Gtid> GtidBinlogPos() const;
  // The seq_no the next GTID of `domain_id` should get.
  uint64_t NextSeqNo(uint32_t domain_id) const;
  // fdatasyncs Sync() has done (group commit makes it < the groups synced).
  uint64_t sync_count() const;

  // SET GLOBAL sync_binlog / max_binlog_size / binlog_expire_logs_seconds.
  void SetTunables(uint32_t sync_binlog, uint64_t max_size, uint64_t expire_logs_seconds);

  ChecksumAlg checksum_alg() const { return options_.checksum; }
  uint32_t server_id() const { return options_.server_id; }
  const std::string& dir() const { return options_.dir; }
  std::string index_path() const { return options_.dir + "/" + options_.basename + ".index"; }

  // BinlogEndSource.
  LogPosition ReadableEnd() const override;
  LogPosition WaitForUpdate(const LogPosition& seen,
                            std::chrono::milliseconds timeout) const override;
  bool closed() const override;

 private:
  struct PendingGroup {
    uint64_t ticket = 0;
    uint64_t start = 0;
    uint64_t end = 0;
    GtidBinlogState state_before;
  };

  explicit BinlogWriter(BinlogWriterOptions options);
  int64_t Now() const;
  std::string PathOf(const std::string& name) const { return options_.dir + "/" + name; }
  Status RecoverLocked();
  Status OpenFileLocked(uint64_t number, bool first_after_start);
  Status RotateLocked();
  Status CloseFileLocked(uint8_t last_event_type);
  Status FlushBufferLocked();
  Status PurgeFirstLocked(size_t n, std::vector<std::string>* purged);
  // Leading files older than binlog_expire_logs_seconds / modified before
  // `before`, stopping at the current file and at one `in_use` reports.
  size_t ExpiredFilesLocked() const;
  size_t FilesModifiedBeforeLocked(int64_t before, const InUseFn& in_use) const;
  LogPosition ReadableEndLocked() const;

  // Constant after construction, except sync_binlog, max_size and
  // expire_logs_seconds (SetTunables, under mu_).
  BinlogWriterOptions options_;

  // Protected by mu_.
  mutable std::mutex mu_;
  mutable std::condition_variable update_cv_;  // readers: ReadableEnd moved or closed
  std::condition_variable sync_cv_;            // Sync followers: the leader finished
  BinlogIndex index_;
  bool started_ = false;
  bool closed_ = false;
  // recovered_file_ and recovered_after_crash_ are set by Open() and constant
  // afterwards (read without the lock).
  std::string recovered_file_;
  bool recovered_after_crash_ = false;
  std::vector<GroupInfo> recovered_groups_;
  std::vector<Gtid> recovered_head_gtids_;
  uint64_t last_number_ = 0;  // number of the newest file
  std::string current_name_;
  int fd_ = -1;
  uint64_t size_ = 0;                 // end of appended data in the current file
  std::string wbuf_;                  // AppendVerbatim: the last wbuf_.size() bytes before size_
  uint64_t published_end_ = 0;        // readers may read up to here
  std::deque<PendingGroup> pending_;  // appended, not yet published
  uint64_t last_ticket_ = 0;
  uint64_t synced_ticket_ = 0;
  bool sync_in_progress_ = false;
  uint64_t sync_count_ = 0;
  GtidBinlogState gtid_state_;
};

}  // namespace relaydb::binlog
