// RelayLog: the replica's relay log, <dir>/<basename>.NNNNNN listed in
// <dir>/<basename>.index, in binary log format (a binlog::BinlogWriter
// underneath). The I/O thread appends the source's events verbatim; the SQL
// thread reads them with a binlog::BinlogReader whose live source is this
// RelayLog, reports its progress and purges what it executed. Implements
// ../shared/seeds/003 ("Replication Relay and Status Files"); what the files
// contain, byte for byte, is in docs/relay_log.md.
//
// What goes in (docs/relay_log.md has the full picture):
//   * every relay file starts with the writer's own head events (server_id
//     = ours): Format_description, Gtid_list, Binlog_checkpoint;
//   * the source's events follow verbatim (their checksums and log_pos are
//     the source's), including the artificial Rotate and the
//     Format_description a dump thread sends, except Stop events (a source
//     shutdown) and Heartbeats, which are never stored (MariaDB does the
//     same);
//   * every Rotate from the source (the artificial one at each connection,
//     the real one at the end of each source binlog) first rotates the relay
//     log, so each (re)connection and each source binlog starts a relay
//     file, as MariaDB does;
//   * the relay log also rotates on Flush() (FLUSH RELAY LOGS), when the
//     current file passes max_relay_log_size (max_binlog_size when that is
//     0), and when the SQL thread needs it to free space; a file opened that
//     way mid-stream gets an artificial copy of the source's
//     Format_description (log_pos 0, LOG_EVENT_ARTIFICIAL_F, created 0) so
//     readers know how to frame what follows;
//   * the relay log may end inside an event group (the I/O thread stores
//     events as they arrive); the SQL thread must not commit a group before
//     its last event is there.
//
// Where the I/O thread resumes: source_position(), the position in the
// source's binlog just past the last source event stored. It is kept in
// memory while appending and recovered by Open() from the files themselves
// (after BinlogWriter's recovery cut any torn or unfinished tail), so it
// never disagrees with what the relay log holds: reconnecting from it loses
// and duplicates nothing. master.info is only a hint when the relay log
// holds no source event (a fresh or Reset() relay log) — so CHANGE MASTER
// with new coordinates must Reset() the relay log, as MariaDB purges it.
//
// Space: space() is Relay_Log_Space (the total size of the files).
// With space_limit (relay_log_space_limit) > 0, WaitForSpace() blocks the
// I/O thread while the total exceeds it, until the SQL thread purges files
// or reaches the end of the log (then one more event goes through, and the
// relay log rotates if the SQL thread is between groups, so that it can
// purge the file it finished: no deadlock, and a group larger than the
// limit still goes through, one event at a time).
//
// Thread-safe: every public method may be called from any thread. Lock
// order: RelayLog::mu_ before the BinlogWriter's own mutex.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "binlog/binlog_position.h"
#include "binlog/binlog_writer.h"
#include "binlog/control_events.h"
#include "binlog/event_header.h"
#include "binlog/event_format.h"
#include "common/status.h"

namespace relaydb::replica {

// "<hostname up to its first dot>-relay-bin", MariaDB's default --relay-log.
std::string DefaultRelayLogBasename();

struct RelayLogOptions {
  std::string dir;       // the files and the index (usually the datadir)
  std::string basename;  // --relay-log; "" = DefaultRelayLogBasename()
  uint32_t server_id = 1;  // the server_id of the relay log's own events
  std::string server_version = std::string(binlog::kServerVersion);
  // The checksum of the relay log's own events until a source's Rotate or
  // Format_description says otherwise (then the source's, as MariaDB's
  // relay_log_checksum_alg follows the source).
  binlog::ChecksumAlg checksum = binlog::ChecksumAlg::kCrc32;
  uint64_t max_relay_log_size = 0;               // 0: use max_binlog_size
  uint64_t max_binlog_size = uint64_t{1} << 30;  // max_binlog_size
  uint64_t space_limit = 0;                      // relay_log_space_limit; 0 = none
  bool purge = true;                             // relay_log_purge
  uint32_t sync_relay_log = 10000;  // fdatasync every Nth appended event; 0 = never
  std::function<int64_t()> now;     // seconds since the epoch; default time()
};

// What AppendSourceEvent did.
struct RelayAppendResult {
  // False for events the relay log does not store (Stop).
  bool written = false;
  // The stream is now between event groups (the event ended a group or is
  // outside any): a safe point to write master.info.
  bool group_end = false;
  // The I/O thread's position in the source's binlog after the event
  // (Master_Log_File, Read_Master_Log_Pos).
  binlog::LogPosition source_end;
  // The relay log had to be reopened and its recovery cut a partial event
  // group: source_end went back; the I/O thread must reconnect from
  // source_position(). Only when the source changed its checksum algorithm
  // in the middle of an event group.
  bool restart = false;
};

class RelayLog : public binlog::BinlogEndSource {
 public:
  // Opens (recovering the last file: BinlogWriter cuts a torn or unfinished
  // tail back to its last complete event group), recovers
  // source_position() from the files, and starts a new relay file, as
  // mariadbd does at start-up. InvalidArgument for unusable options;
  // IoError/Corruption if the index or the files cannot be read.
  static Result<std::unique_ptr<RelayLog>> Open(RelayLogOptions options);
  ~RelayLog() override;  // Close()s (errors are logged)
  RelayLog(const RelayLog&) = delete;
  RelayLog& operator=(const RelayLog&) = delete;

  // --- I/O thread ------------------------------------------------------------
  // Events from AppendSourceEvent are buffered in memory; this writes them
  // (one write), makes them readable for the SQL thread and applies
  // sync_relay_log. The I/O thread calls it when the stream pauses and
  // before it writes master.info; it also happens by itself every
  // kFlushBytes, before a rotation, when waiting for space and on
  // EndSession/Close. On IoError the buffered events are dropped and
  // source_position() goes back to the end of what is on disk.
  Status FlushAppended();
  static constexpr size_t kFlushBytes = 256 * 1024;

  // A connection's stream is about to start at `requested` (the position
  // sent in COM_BINLOG_DUMP). Sets source_position() to it when the relay
  // log does not know one (nothing stored since Open/Reset).
  void BeginSession(const binlog::LogPosition& requested);
  // Appends one event received from the source: `event` is the whole event
  // as sent (header, body, checksum), already framed and checksum-verified
  // by the caller with `alg` (the algorithm it is framed with: the event's
  // own for a Format_description, else the stream's). Stops are not stored;
  // a Rotate rotates the relay log first (see the top of the file).
  // Outcomes: ok; InvalidArgument for an event that does not frame or whose
  // algorithm contradicts the Format_description in force; IoError if the
  // relay log cannot be written (nothing of the event stays in it).
  Result<RelayAppendResult> AppendSourceEvent(std::string_view event, binlog::ChecksumAlg alg);
  // The same, filling `*out` in place (the I/O thread's loop: no allocation
  // per event for the file name).
  Status AppendSourceEvent(std::string_view event, binlog::ChecksumAlg alg, RelayAppendResult* out);
  // Blocks while relay_log_space_limit is exceeded (see the top of the
  // file), in waits of at most 100 ms that re-check `stop`. `on_wait` (may be
  // empty) is called once before blocking (the caller shows "Waiting for
  // the slave SQL thread to free enough relay log space"). Returns true if
  // it waited, false if there was room; Stopped if `stop` became true.
  Result<bool> WaitForSpace(const std::function<bool()>& stop,
                            const std::function<void()>& on_wait = nullptr);
  // The I/O thread stopped: forget the stream's Format_description (a
  // later Flush() opens a file with the relay log's own head only).
  void EndSession();
  // Just past the last source event stored, in the source's binlog; nullopt
  // if the relay log holds none (fresh or Reset()) and no session began.
  std::optional<binlog::LogPosition> source_position() const;

  // --- SQL thread ------------------------------------------------------------

  // The SQL thread's BinlogReader: BinlogReader(dir(), index_path(), this).
  // Reading with a positive wait lets the RelayLog see when the SQL thread
  // has caught up (WaitForUpdate), which relay_log_space_limit relies on.
  std::string dir() const { return options_.dir; }
  std::string index_path() const { return options_.dir + "/" + options_.basename + ".index"; }
  const std::string& basename() const { return options_.basename; }
  // The SQL thread has executed every event of the files before
  // `relay_file` (its group position is in `relay_file`): with
  // relay_log_purge, deletes them (never the current file; the index first)
  // and wakes an appender waiting for space. SqlError 1373 if `relay_file`
  // is not in the index, 1377 if a file or the index cannot be removed or
  // rewritten. No-op when relay_log_purge is off.
  Status PurgeBefore(const std::string& relay_file);
  // The same, `relay_file` included: the SQL thread has executed every
  // event of `relay_file` and moved on (the current file is never purged).
  Status PurgeThrough(const std::string& relay_file);
  // The SQL thread is waiting for more events at the end of the log, inside
  // an event group or not. Called automatically by WaitForUpdate; a SQL
  // thread that polls without waiting should call it itself.
  void SqlThreadCaughtUp();

  // --- administration ------------------------------------------------------

  // FLUSH RELAY LOGS: closes the current file (Rotate) and opens the next.
  Status Flush();
  // RESET SLAVE / CHANGE MASTER: deletes every relay file and starts over at
  // <basename>.000001; forgets source_position(). The I/O thread must be
  // stopped.
  Status Reset();
  // Closes the current file (a Stop event, as BinlogWriter closes) and
  // wakes every waiter. Idempotent. Later appends fail.
  Status Close();

  // SET GLOBAL max_relay_log_size / max_binlog_size /
  // relay_log_space_limit / relay_log_purge / sync_relay_log.
  void SetTunables(uint64_t max_relay_log_size, uint64_t max_binlog_size, uint64_t space_limit,
                   bool purge, uint32_t sync_relay_log);

  // Relay_Log_Space: the total size in bytes of every relay file.
  uint64_t space() const;
  // Every relay file of the index with its size (SHOW RELAYLOG EVENTS).
  std::vector<binlog::BinlogFileInfo> ListLogs() const;
  // The current relay file and the end of what was appended.
  binlog::LogPosition CurrentPosition() const;
  // The checksum algorithm of the relay log's own events right now.
  binlog::ChecksumAlg checksum_alg() const;

  // --- BinlogEndSource (for the SQL thread's BinlogReader) ------------------
  binlog::LogPosition ReadableEnd() const override;
  binlog::LogPosition WaitForUpdate(const binlog::LogPosition& seen,
                                    std::chrono::milliseconds timeout) const override;
  bool closed() const override;

 private:
  explicit RelayLog(RelayLogOptions options);

  Result<std::unique_ptr<binlog::BinlogWriter>> OpenWriterLocked(binlog::ChecksumAlg alg);
  // Closes the current file and opens the next with `alg` for the relay
  // log's own events (a new writer if it differs). Sets *cut when the new
  // writer's recovery cut a partial group (see RelayAppendResult::restart).
  Status RotateLocked(binlog::ChecksumAlg alg, bool* cut);
  // Rotation in the middle of a session (size, Flush, space): the new file
  // gets the source's Format_description again, as an artificial event.
  Status RotateMidStreamLocked();
  Result<binlog::AppendResult> AppendLocked(const std::string& event);
  Status CheckOpenLocked() const;
  Status PurgeBeforeLocked(const std::string& relay_file);
  Status RecomputeSpaceLocked();
  // Rescans the relay files for the position after the last source event.
  Result<std::optional<binlog::LogPosition>> ScanSourcePositionLocked() const;
  // Whether the appended stream is inside an event group after `h` (the
  // same boundaries as BinlogWriter's recovery scan).
  struct GroupState {
    bool in_group = false;
    bool standalone = false;  // ends with its statement (Gtid STANDALONE, no BEGIN)
  };
  GroupState NextGroupStateLocked(const binlog::EventHeader& h, std::string_view body) const;
  Status FlushLocked();
  uint64_t MaxFileSizeLocked() const;
  void SqlThreadCaughtUpLocked() const;

  // Constant after construction: dir, basename, server_id, server_version,
  // now. The tunables (max sizes, space_limit, purge, sync) change under mu_.
  RelayLogOptions options_;

  // Protected by mu_.
  mutable std::mutex mu_;
  mutable std::condition_variable update_cv_;  // readers: the readable end moved / closed
  mutable std::condition_variable space_cv_;   // appender: space freed / SQL thread caught up
  std::unique_ptr<binlog::BinlogWriter> writer_;
  bool closed_ = false;
  // Just past the last source event stored (nullopt: none since Open/Reset),
  // and the position the current session asked for.
  std::optional<binlog::LogPosition> stored_pos_;
  std::optional<binlog::LogPosition> requested_pos_;
  // The stream's Format_description while a session runs ("" otherwise),
  // its decoded form, and whether the appended stream is inside a group.
  std::string session_fde_event_;
  binlog::FormatDescription session_fde_;
  bool in_group_ = false;
  bool standalone_group_ = false;
  uint64_t space_ = 0;
  // Source events appended to the writer's buffer and not yet written, and
  // the stream state as of the last write (what a failed write returns to).
  bool unflushed_ = false;
  struct Flushed {
    std::optional<binlog::LogPosition> stored_pos;
    bool in_group = false;
    bool standalone = false;
  } flushed_;
  uint64_t last_ticket_ = 0;
  // relay_log_space_limit hand-shake with the SQL thread (mutable: set from
  // the const WaitForUpdate).
  mutable bool ignore_space_limit_ = false;
  mutable bool force_rotate_ = false;
};

}  // namespace relaydb::replica
