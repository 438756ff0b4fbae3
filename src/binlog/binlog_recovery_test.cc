// Crash recovery of the binlog (torn tails, bad checksums, unfinished
// groups, zero-filled tails, engine-driven truncation, aborted groups) and
// group commit with several threads.
#include <gtest/gtest.h>

#include <atomic>
#include <barrier>
#include <mutex>
#include <thread>

#include "binlog/binlog_index.h"
#include "binlog/binlog_test_util.h"
#include "binlog/binlog_writer_test_util.h"

namespace relaydb::binlog {
namespace {

using testing::ReadFileBytes;
using testing::TempDir;
using testing::WriteFileBytes;
using namespace testing::files;  // NOLINT

// --- recovery -------------------------------------------------------------------

// Copies the live files of `from` (a writer that has not closed: in-use
// flag set) to `to`, as a crash would leave them.
void CrashCopy(const TempDir& from, const TempDir& to, const std::string& tail = "") {
  auto index = BinlogIndex::Load(from.File("mariadb-bin.index"));
  ASSERT_TRUE(index.ok());
  for (const auto& f : index->files()) WriteFileBytes(to.File(f), ReadFileBytes(from.File(f)));
  WriteFileBytes(to.File("mariadb-bin.index"), ReadFileBytes(from.File("mariadb-bin.index")));
  if (!tail.empty()) {
    const std::string last = index->files().back();
    WriteFileBytes(to.File(last), ReadFileBytes(to.File(last)) + tail);
  }
}

TEST(BinlogRecovery, TornTailIsTruncated) {
  TempDir live, crashed;
  auto w = Started(Options(live));
  Commit(w.get(), Txn(1));
  const AppendResult second = Commit(w.get(), Txn(2));
  const std::string partial = Txn(3)[0].substr(0, 25);  // half a Gtid event
  CrashCopy(live, crashed, partial);

  auto r = BinlogWriter::Open(Options(crashed));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  auto& rw = *r;
  EXPECT_TRUE(rw->recovered_after_crash());
  EXPECT_EQ(rw->recovered_file(), "mariadb-bin.000001");
  ASSERT_EQ(rw->recovered_groups().size(), 2u);
  EXPECT_EQ(rw->recovered_groups()[1].start, second.start.pos);
  EXPECT_EQ(ReadFileBytes(crashed.File("mariadb-bin.000001")).size(), second.end.pos);
  auto events = ParseFile(crashed.File("mariadb-bin.000001"));
  EXPECT_EQ(events[0].header.flags, 0);  // in-use flag cleared by recovery
  // The next file continues the GTID state.
  ASSERT_TRUE(rw->Start().ok());
  EXPECT_EQ(rw->CurrentPosition().file, "mariadb-bin.000002");
  EXPECT_EQ(rw->NextSeqNo(0), 3u);
  auto next = ParseFile(crashed.File("mariadb-bin.000002"));
  EXPECT_EQ(FormatGtidList(next[1].As<GtidListEvent>()->gtids), "0-7-2");
}

TEST(BinlogRecovery, BadChecksumAtTheEndIsTruncated) {
  TempDir live, crashed;
  auto w = Started(Options(live));
  const AppendResult first = Commit(w.get(), Txn(1));
  std::vector<std::string> group = Txn(2);
  std::string torn = group[0] + group[1] + group[2];
  torn[torn.size() - 6] ^= 0x10;  // inside the Xid: the group never completed
  CrashCopy(live, crashed, torn);
  auto r = BinlogWriter::Open(Options(crashed));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)->recovered_groups().size(), 1u);
  EXPECT_EQ(ReadFileBytes(crashed.File("mariadb-bin.000001")).size(), first.end.pos);
}

TEST(BinlogRecovery, UnfinishedGroupIsTruncated) {
  TempDir live, crashed;
  auto w = Started(Options(live));
  const AppendResult first = Commit(w.get(), Txn(1));
  std::vector<std::string> group = Txn(2);
  CrashCopy(live, crashed, group[0] + group[1]);  // Gtid + Query, no Xid
  auto r = BinlogWriter::Open(Options(crashed));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(ReadFileBytes(crashed.File("mariadb-bin.000001")).size(), first.end.pos);
  EXPECT_EQ((*r)->NextSeqNo(0), 2u);
}

TEST(BinlogRecovery, ZeroFilledTailIsTruncated) {
  TempDir live, crashed;
  auto w = Started(Options(live));
  const AppendResult first = Commit(w.get(), Txn(1));
  CrashCopy(live, crashed, std::string(4096, '\0'));
  auto r = BinlogWriter::Open(Options(crashed));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(ReadFileBytes(crashed.File("mariadb-bin.000001")).size(), first.end.pos);
}

TEST(BinlogRecovery, EngineCanTruncateAnUncommittedGroupBeforeStart) {
  TempDir live, crashed;
  auto w = Started(Options(live));
  Commit(w.get(), Txn(1));
  const AppendResult second = Commit(w.get(), Txn(2));
  CrashCopy(live, crashed);
  auto r = BinlogWriter::Open(Options(crashed));
  ASSERT_TRUE(r.ok());
  auto& rw = *r;
  EXPECT_FALSE(rw->TruncateTo({"mariadb-bin.000001", second.start.pos + 1}).ok());
  ASSERT_TRUE(rw->TruncateTo(second.start).ok());
  EXPECT_EQ(rw->NextSeqNo(0), 2u);
  ASSERT_TRUE(rw->Start().ok());
  auto next = ParseFile(crashed.File("mariadb-bin.000002"));
  EXPECT_EQ(FormatGtidList(next[1].As<GtidListEvent>()->gtids), "0-7-1");
}

TEST(BinlogRecovery, AbortedGroupIsCutAndItsGtidForgotten) {
  TempDir dir;
  auto w = Started(Options(dir));
  Commit(w.get(), Txn(1));
  auto a = w->Append(Txn(2));
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE(w->TruncateTo(a->start).ok());
  EXPECT_EQ(w->CurrentPosition(), a->start);
  EXPECT_EQ(w->NextSeqNo(0), 2u);
  // A published group cannot be cut.
  const AppendResult b = Commit(w.get(), Txn(2));
  EXPECT_FALSE(w->TruncateTo(b.start).ok());
}

TEST(BinlogRecovery, CleanShutdownIsNotACrash) {
  TempDir dir;
  {
    auto w = Started(Options(dir));
    Commit(w.get(), Txn(1));
  }
  auto r = BinlogWriter::Open(Options(dir));
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE((*r)->recovered_after_crash());
  ASSERT_TRUE((*r)->Start().ok());
  EXPECT_EQ((*r)->ListLogs().size(), 2u);
}

TEST(BinlogRecovery, FileWithoutFormatDescriptionIsDropped) {
  TempDir live, crashed;
  auto w = Started(Options(live));
  Commit(w.get(), Txn(1));
  CrashCopy(live, crashed);
  WriteFileBytes(crashed.File("mariadb-bin.000002"), std::string(kBinlogMagic) + "\x01\x02");
  WriteFileBytes(crashed.File("mariadb-bin.index"), "./mariadb-bin.000001\n./mariadb-bin.000002\n");
  auto r = BinlogWriter::Open(Options(crashed));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)->recovered_file(), "mariadb-bin.000001");
  EXPECT_EQ(ReadFileBytes(crashed.File("mariadb-bin.index")), "./mariadb-bin.000001\n");
}

// --- group commit ------------------------------------------------------------------

TEST(BinlogGroupCommit, ConcurrentCommittersShareOneSync) {
  TempDir dir;
  auto o = Options(dir);
  o.sync_binlog = 1;
  auto w = Started(o);
  constexpr int kThreads = 8;
  std::barrier appended(kThreads);
  std::vector<uint64_t> tickets(kThreads);
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < kThreads; t++) {
    threads.emplace_back([&, t] {
      auto r = w->Append(Txn(static_cast<uint64_t>(t) + 1, "T" + std::to_string(t)));
      if (!r.ok()) failures++;
      tickets[t] = r.ok() ? r->ticket : 0;
      appended.arrive_and_wait();  // every group is written before anyone syncs
      if (!w->Sync(tickets[t]).ok()) failures++;
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(w->sync_count(), 1u);
}

TEST(BinlogGroupCommit, ManyThreadsCommitWithoutLosingGroups) {
  TempDir dir;
  auto o = Options(dir);
  o.sync_binlog = 1;
  o.max_size = 16 * 1024;
  auto w = Started(o);
  constexpr int kThreads = 6, kPerThread = 60;
  std::mutex order;  // Append + Publish in order, Sync outside it (as the commit path does)
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < kThreads; t++) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; i++) {
        uint64_t ticket = 0;
        {
          std::lock_guard l(order);
          const uint64_t seq = w->NextSeqNo(0);
          auto r = w->Append(Txn(seq, "T" + std::to_string(t) + "-" + std::to_string(i)));
          if (!r.ok()) {
            failures++;
            continue;
          }
          ticket = r->ticket;
        }
        if (!w->Sync(ticket).ok()) failures++;
        std::lock_guard l(order);
        if (!w->Publish(ticket).ok()) failures++;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_LE(w->sync_count(), static_cast<uint64_t>(kThreads * kPerThread));
  EXPECT_EQ(FormatGtidList(w->GtidBinlogPos()), "0-7-" + std::to_string(kThreads * kPerThread));
  ASSERT_TRUE(w->Close().ok());
  BinlogReader r(dir.path(), dir.File("mariadb-bin.index"));
  ASSERT_TRUE(r.Open("mariadb-bin.000001").ok());
  uint64_t xids = 0, expected_seq = 1;
  for (const auto& ev : ReadAll(&r)) {
    xids += ev.header.type == kXidEvent;
    if (ev.header.type == kGtidEvent) {
      auto e = ParseEvent(ev.bytes, r.format_description());
      ASSERT_TRUE(e.ok());
      EXPECT_EQ(e->As<GtidEvent>()->seq_no, expected_seq++);
    }
  }
  EXPECT_EQ(xids, static_cast<uint64_t>(kThreads * kPerThread));
  EXPECT_GT(w->ListLogs().size(), 1u);
}

}  // namespace
}  // namespace relaydb::binlog
