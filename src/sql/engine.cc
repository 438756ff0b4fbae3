// Engine. See engine.h.
#include "sql/engine.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

#include "common/logging.h"
#include "sql/binary_log.h"

namespace relaydb::sql {

Engine::~Engine() = default;

Result<std::unique_ptr<Engine>> Engine::Open(const EngineOptions& opts, ProcessList* processlist, bool* fresh) {
  std::unique_ptr<Engine> e(new Engine());
  e->opts_ = opts;
  e->processlist_ = processlist;
  if (mkdir(opts.datadir.c_str(), 0750) != 0 && errno != EEXIST)
    return Status::IoError("cannot create data directory " + opts.datadir + ": " + strerror(errno));
  e->db_path_ = opts.datadir + "/relaydb.db";
  struct stat sb;
  bool is_new = stat(e->db_path_.c_str(), &sb) != 0;
  storage::ConnectionOptions co;
  // The admin connection's few writes (start-up) are durable on their own.
  co.synchronous_full = opts.durable_commits;
  ASSIGN_OR_RETURN(e->admin_conn_, storage::Connection::Open(e->db_path_, co));
  sqlite3* db = e->admin_conn_->handle();

  RETURN_IF_ERROR(e->admin_conn_->Exec("BEGIN IMMEDIATE"));
  Status st = [&]() -> Status {
    RETURN_IF_ERROR(AccountStore::CreateTables(db));
    RETURN_IF_ERROR(e->accounts_.Load(db));
    if (e->accounts_.user_count() == 0) {
      RETURN_IF_ERROR(e->accounts_.InitializeDefaults(db, opts.root_password));
      is_new = true;
    }
    return Status::Ok();
  }();
  if (!st.ok()) {
    Status r = e->admin_conn_->Exec("ROLLBACK");
    (void)r;
    return st;
  }
  RETURN_IF_ERROR(e->admin_conn_->Exec("COMMIT"));
  RETURN_IF_ERROR(e->accounts_.Load(db));
  ASSIGN_OR_RETURN(e->catalog_, Catalog::Open(*e->admin_conn_));
  if (fresh != nullptr) *fresh = is_new;
  return e;
}

void Engine::SetBinaryLog(BinaryLog* log) {
  binary_log_ = log;
  binlog_ = log;
}

Result<std::unique_ptr<storage::Connection>> Engine::NewConnection(FunctionContextProvider* provider) {
  storage::ConnectionOptions co;
  co.synchronous_full = false;  // durability: group commit (WaitWalDurable, BinaryLog)
  ASSIGN_OR_RETURN(auto conn, storage::Connection::Open(db_path_, co));
  RETURN_IF_ERROR(RegisterMysqlFunctions(conn->handle(), provider));
  return conn;
}

Status Engine::WaitWalDurable(uint64_t seq) {
  if (!opts_.durable_commits) return Status::Ok();
  std::unique_lock l(wal_mu_);
  while (wal_durable_ < seq) {
    if (wal_syncing_) {
      wal_cv_.wait(l);
      continue;
    }
    wal_syncing_ = true;
    const uint64_t target = commit_seq();  // every commit so far is in the WAL
    l.unlock();
    // No WAL file: a checkpoint reset it, and a checkpoint syncs what it copies.
    Status s = storage::SyncWal(db_path_);
    wal_syncs_.fetch_add(1, std::memory_order_relaxed);
    l.lock();
    wal_syncing_ = false;
    if (s.ok() && target > wal_durable_) wal_durable_ = target;
    wal_cv_.notify_all();
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace relaydb::sql
