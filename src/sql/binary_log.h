// BinaryLog: the server's binary log — the BinlogHook the commit path calls
// (binlog_hook.h), over a binlog::BinlogWriter, with group commit and crash
// reconciliation with the SQLite data (docs/binlog_format.md, "Commit
// protocol"):
//
// * Append (write lock held): the group is encoded and written (no fsync)
//   and its end position is written into the storage transaction
//   (table rdb_binlog_state), so the data always names the last group it
//   committed.
// * WaitDurable (no lock): a leader makes every committed group durable
//   with one fdatasync of the binlog (sync_binlog) and one of SQLite's WAL
//   (the engine runs with synchronous=NORMAL when the binlog is on); the
//   others wait for it. Only then are the groups published to dump threads
//   and the clients acknowledged.
// * Open (start-up): groups of the binlog's last file that the data never
//   committed (a crash between the binlog write and the storage commit)
//   are cut off before the new file starts.
//
// Thread-safe.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "binlog/binlog_writer.h"
#include "common/status.h"
#include "sql/binlog_encoder.h"
#include "sql/binlog_hook.h"

namespace relaydb::sql {

struct BinaryLogOptions {
  binlog::BinlogWriterOptions writer;  // dir, basename, server_id, checksum, sizes, sync_binlog
  std::string db_path;                 // the SQLite file (its -wal is synced with the binlog)
  bool sync_engine = true;             // fdatasync the WAL at each group commit
  uint32_t domain_id = 0;              // gtid_domain_id
};

class BinaryLog : public BinlogHook {
 public:
  // Opens the binlog, reconciles it with the data in opts.db_path, and
  // starts a new file.
  static Result<std::unique_ptr<BinaryLog>> Open(BinaryLogOptions opts);
  ~BinaryLog() override;

  // BinlogHook.
  bool enabled() const override { return true; }
  Result<uint64_t> Append(const TransactionLog& txn, storage::Connection* conn) override;
  void Committed(uint64_t ticket) override;
  void Aborted(uint64_t ticket) override;
  Status WaitDurable(uint64_t ticket) override;

  // FLUSH BINARY LOGS: holds off new appends, waits until every appended
  // group is published (or aborted), rotates. Needs no engine write lock,
  // so an open transaction elsewhere does not block it.
  Status FlushLogs();
  // RESET MASTER: the caller holds the engine's write lock (it writes the
  // data's binlog position through `conn`).
  Status ResetMaster(storage::Connection* conn, uint64_t first_number = 1);

  // BINLOG_GTID_POS(file, pos): the GTID position (the last GTID of each
  // domain) at `pos` of `file`, "" at the start of an empty log; nullopt
  // when the file is not in the index or `pos` is past its readable end.
  std::optional<std::string> GtidPosAt(const std::string& file, uint64_t pos) const;

  binlog::BinlogWriter& writer() { return *writer_; }
  const binlog::BinlogWriter& writer() const { return *writer_; }
  // Events written since start (for SHOW STATUS Binlog_commits etc.).
  uint64_t commits() const;
  uint64_t group_commits() const;
  Status Close();

 private:
  explicit BinaryLog(BinaryLogOptions opts);
  Status Reconcile();
  Status SyncWal();
  // Waits (mu_ held in `l`) until no appended group awaits publication.
  void WaitAllPublished(std::unique_lock<std::mutex>& l);
  // The WAL fdatasync runs on wal_thread_ while the leader syncs the binlog:
  // StartWalSync asks for one, FinishWalSync waits for its result.
  void StartWalSync();
  Status FinishWalSync();
  void WalSyncLoop();

  const BinaryLogOptions opts_;
  std::unique_ptr<binlog::BinlogWriter> writer_;
  BinlogEncoder encoder_;  // used under the engine's write lock only

  mutable std::mutex mu_;
  std::condition_variable cv_;
  uint64_t appended_ = 0;   // last ticket appended (write lock)
  binlog::LogPosition last_start_;  // start of the group of ticket appended_
  uint64_t committed_ = 0;  // last ticket whose storage commit succeeded
  uint64_t durable_ = 0;    // last ticket made durable
  bool syncing_ = false;
  int outstanding_ = 0;     // appended, not yet published nor aborted
  std::mutex admin_mu_;     // FlushLogs holds it to keep Append out
  uint64_t next_xid_ = 1;
  uint64_t commits_ = 0, group_commits_ = 0;

  std::mutex wal_mu_;  // guards the four below
  std::condition_variable wal_cv_;
  bool wal_requested_ = false, wal_done_ = false, wal_stop_ = false;
  Status wal_result_;
  std::thread wal_thread_;  // started by Open when opts.sync_engine
};

}  // namespace relaydb::sql
