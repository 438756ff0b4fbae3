// Engine: commits the binary log does not log are made durable by the
// engine's WAL group commit (Engine::WaitWalDurable) before COMMIT returns.
#include "sql/engine.h"

#include <gtest/gtest.h>

#include <stdlib.h>

#include <filesystem>
#include <thread>
#include <vector>

#include "common/processlist.h"
#include "sql/parser.h"
#include "sql/result_sink.h"
#include "sql/session.h"
#include "sql/variables.h"

namespace relaydb::sql {
namespace {

class EngineDurabilityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (std::filesystem::temp_directory_path() / "rdb_engine_XXXXXX").string();
    dir_ = mkdtemp(tmpl.data());
  }
  void TearDown() override {
    engine_.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  void Open(bool durable) {
    EngineOptions eo;
    eo.datadir = dir_ + "/data";
    eo.durable_commits = durable;
    auto e = Engine::Open(eo, &processlist_);
    ASSERT_TRUE(e.ok()) << e.status().ToString();
    engine_ = std::move(e).value();
    engine_->SetVariables(&vars_);
  }

  std::unique_ptr<Session> NewSession() {
    auto s = std::make_unique<Session>(engine_.get(), processlist_.Register());
    EXPECT_TRUE(s->Init().ok());
    s->SetSystemUser(true);
    return s;
  }

  static Status Exec(Session* s, const std::string& sql) {
    auto parsed = ParseMulti(sql, s->parse_options());
    if (!parsed.ok()) return parsed.status();
    for (const auto& st : *parsed) {
      CollectingSink sink;
      RETURN_IF_ERROR(s->Execute(st, sql, nullptr, &sink));
    }
    return Status::Ok();
  }

  std::string dir_;
  ProcessList processlist_;
  GlobalVariables vars_;
  std::unique_ptr<Engine> engine_;
};

TEST_F(EngineDurabilityTest, UnloggedCommitSyncsTheWal) {
  Open(/*durable=*/true);
  auto s = NewSession();
  ASSERT_TRUE(Exec(s.get(), "CREATE DATABASE d; USE d; CREATE TABLE t (a INT PRIMARY KEY)").ok());
  const uint64_t before = engine_->wal_syncs();
  ASSERT_TRUE(Exec(s.get(), "INSERT INTO t VALUES (1)").ok());
  EXPECT_EQ(engine_->wal_syncs(), before + 1);  // autocommit: one commit, one sync
  ASSERT_TRUE(Exec(s.get(), "BEGIN; INSERT INTO t VALUES (2); INSERT INTO t VALUES (3); COMMIT").ok());
  EXPECT_EQ(engine_->wal_syncs(), before + 2);
  // A transaction that only read commits nothing to sync.
  ASSERT_TRUE(Exec(s.get(), "BEGIN; SELECT * FROM t; COMMIT").ok());
  ASSERT_TRUE(Exec(s.get(), "SELECT COUNT(*) FROM t").ok());
  EXPECT_EQ(engine_->wal_syncs(), before + 2);
}

TEST_F(EngineDurabilityTest, NotDurableNeverSyncs) {
  Open(/*durable=*/false);
  auto s = NewSession();
  ASSERT_TRUE(Exec(s.get(), "CREATE DATABASE d; USE d; CREATE TABLE t (a INT PRIMARY KEY)").ok());
  ASSERT_TRUE(Exec(s.get(), "INSERT INTO t VALUES (1)").ok());
  EXPECT_EQ(engine_->wal_syncs(), 0u);
}

// Concurrent committers all return durable; the fsyncs never outnumber the
// commits (they are shared when commits overlap).
TEST_F(EngineDurabilityTest, ConcurrentCommitsShareSyncs) {
  Open(/*durable=*/true);
  {
    auto s = NewSession();
    ASSERT_TRUE(Exec(s.get(), "CREATE DATABASE d; USE d; CREATE TABLE t (a INT PRIMARY KEY)").ok());
  }
  const uint64_t before = engine_->wal_syncs();
  constexpr int kThreads = 4, kEach = 50;
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int i = 0; i < kThreads; i++) {
    threads.emplace_back([&, i] {
      auto s = NewSession();
      if (!Exec(s.get(), "USE d").ok()) failures++;
      for (int j = 0; j < kEach; j++)
        if (!Exec(s.get(), "INSERT INTO t VALUES (" + std::to_string(i * kEach + j) + ")").ok()) failures++;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  const uint64_t syncs = engine_->wal_syncs() - before;
  EXPECT_GE(syncs, 1u);
  EXPECT_LE(syncs, static_cast<uint64_t>(kThreads * kEach));
  EXPECT_EQ(engine_->wal_durable_seq(), engine_->commit_seq());
}

}  // namespace
}  // namespace relaydb::sql
