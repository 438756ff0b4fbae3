// The process list: every client connection and every replication thread
// (Binlog Dump, slave I/O, slave SQL) registers here, and SHOW PROCESSLIST /
// information_schema.PROCESSLIST read it. States are the MySQL texts quoted in
// the seed documents (../shared/seeds/003_*), verbatim.
//
// Thread-safety: all methods may be called from any thread.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace relaydb {

// One row of SHOW PROCESSLIST. Owned by the thread it describes; the registry
// holds a shared_ptr so a row read concurrently stays valid.
class ProcessEntry {
 public:
  explicit ProcessEntry(uint64_t id) : id_(id) { Touch(); }

  uint64_t id() const { return id_; }

  void SetUser(std::string user, std::string host) {
    std::lock_guard<std::mutex> l(mu_);
    user_ = std::move(user);
    host_ = std::move(host);
  }
  void SetDb(std::string db) {
    std::lock_guard<std::mutex> l(mu_);
    db_ = std::move(db);
  }
  // Command column ("Sleep", "Query", "Binlog Dump", "Connect", ...). Resets Time.
  void SetCommand(std::string command) {
    std::lock_guard<std::mutex> l(mu_);
    command_ = std::move(command);
    since_ = Now();
  }
  // State column; empty shows as NULL... MySQL shows "" for idle clients.
  void SetState(std::string state) {
    std::lock_guard<std::mutex> l(mu_);
    state_ = std::move(state);
  }
  // Info column (statement text); empty shows NULL.
  void SetInfo(std::string info) {
    std::lock_guard<std::mutex> l(mu_);
    info_ = std::move(info);
  }
  void SetCommandStateInfo(std::string command, std::string state, std::string info) {
    std::lock_guard<std::mutex> l(mu_);
    command_ = std::move(command);
    state_ = std::move(state);
    info_ = std::move(info);
    since_ = Now();
  }
  // Time column origin override (replica SQL thread shows lag-based time).
  void Touch() {
    std::lock_guard<std::mutex> l(mu_);
    since_ = Now();
  }

  struct Snapshot {
    uint64_t id;
    std::string user, host, db, command, state, info;
    int64_t time_seconds;
    double time_ms;
  };
  Snapshot Read() const;

  // KILL support: set by KILL [QUERY]; polled by the owner.
  std::atomic<bool> kill_connection{false};
  std::atomic<bool> kill_query{false};
  // Called by KILL to wake the owner (e.g. shutdown its socket). May be empty.
  void SetKillHook(std::function<void()> hook) {
    std::lock_guard<std::mutex> l(mu_);
    kill_hook_ = std::move(hook);
  }
  void RunKillHook() {
    std::function<void()> h;
    {
      std::lock_guard<std::mutex> l(mu_);
      h = kill_hook_;
    }
    if (h) h();
  }

 private:
  static std::chrono::steady_clock::time_point Now() { return std::chrono::steady_clock::now(); }

  const uint64_t id_;
  mutable std::mutex mu_;
  std::string user_, host_, db_, command_ = "Sleep", state_, info_;
  std::chrono::steady_clock::time_point since_;
  std::function<void()> kill_hook_;
};

class ProcessList {
 public:
  // Allocates the next id (connection ids start at 1) and registers a row.
  std::shared_ptr<ProcessEntry> Register();
  void Unregister(uint64_t id);
  std::shared_ptr<ProcessEntry> Find(uint64_t id) const;
  std::vector<ProcessEntry::Snapshot> Snapshot() const;  // sorted by id
  size_t size() const;
  uint64_t NextIdPeek() const { return next_id_.load(); }

 private:
  mutable std::mutex mu_;
  std::atomic<uint64_t> next_id_{1};
  std::map<uint64_t, std::shared_ptr<ProcessEntry>> entries_;
};

}  // namespace relaydb
