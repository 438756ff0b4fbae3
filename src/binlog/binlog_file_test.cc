// BinlogWriter, BinlogReader and the index: writer/reader round trips,
// rotation, purge, RESET MASTER, the reader waiting on and following a live
// log, and reading MariaDB's own files. Crash recovery and group commit are
// in binlog_recovery_test.cc.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include <thread>

#include "binlog/binlog_index.h"
#include "binlog/binlog_reader.h"
#include "binlog/binlog_test_util.h"
#include "binlog/binlog_writer.h"
#include "binlog/binlog_writer_test_util.h"
#include "binlog/events.h"

namespace relaydb::binlog {
namespace {

using testing::ReadFileBytes;
using testing::SplitFile;
using testing::TempDir;
using testing::WriteFileBytes;
using namespace testing::files;  // NOLINT

TEST(BinlogWriter, StartWritesHeadEventsAndIndex) {
  TempDir dir;
  auto w = Started(Options(dir));
  EXPECT_EQ(ReadFileBytes(dir.File("mariadb-bin.index")), "./mariadb-bin.000001\n");
  auto events = ParseFile(dir.File("mariadb-bin.000001"));
  EXPECT_EQ(Types(events), (std::vector<uint8_t>{kFormatDescriptionEvent, kGtidListEvent,
                                                 kBinlogCheckpointEvent}));
  EXPECT_EQ(events[0].header.flags, kLogEventBinlogInUseF);
  EXPECT_EQ(events[0].header.log_pos, 256u);
  EXPECT_NE(events[0].As<FormatDescription>()->create_timestamp, 0u);
  EXPECT_EQ(events[0].As<FormatDescription>()->server_version, "10.11.19-MariaDB-relaydb-log");
  EXPECT_EQ(events[2].As<BinlogCheckpointEvent>()->log_name, "mariadb-bin.000001");
  EXPECT_EQ(w->CurrentPosition(), (LogPosition{"mariadb-bin.000001", 256 + 29 + 45}));
}

TEST(BinlogWriter, AppendFillsLogPosAndClosingWritesStop) {
  TempDir dir;
  auto w = Started(Options(dir));
  const AppendResult a = Commit(w.get(), Txn(1));
  const AppendResult b = Commit(w.get(), Txn(2));
  EXPECT_EQ(a.end, b.start);
  EXPECT_EQ(a.start.pos, 330u);
  ASSERT_TRUE(w->Close().ok());
  auto events = ParseFile(dir.File("mariadb-bin.000001"));
  ASSERT_EQ(events.size(), 3u + 6 + 1);
  EXPECT_EQ(events[0].header.flags, 0);  // in-use flag cleared on close
  EXPECT_EQ(events.back().header.type, kStopEvent);
  EXPECT_EQ(events[3].As<GtidEvent>()->seq_no, 1u);
  EXPECT_EQ(FormatGtidList(w->GtidBinlogPos()), "0-7-2");
}

TEST(BinlogWriter, ChecksumOffWritesPlainEvents) {
  TempDir dir;
  auto o = Options(dir);
  o.checksum = ChecksumAlg::kOff;
  auto w = Started(o);
  GtidEvent g;
  g.seq_no = 1;
  EventHeader h;
  h.type = kGtidEvent;
  ASSERT_TRUE(w->Append({EncodeEvent(h, g.Encode(), ChecksumAlg::kOff)}, {.publish = true}).ok());
  ASSERT_TRUE(w->Close().ok());
  auto events = ParseFile(dir.File("mariadb-bin.000001"));
  EXPECT_EQ(events[0].As<FormatDescription>()->checksum_alg, ChecksumAlg::kOff);
  EXPECT_EQ(events[3].header.event_size, 19u + 19u);
}

TEST(BinlogWriter, MalformedEventIsRefused) {
  TempDir dir;
  auto w = Started(Options(dir));
  EXPECT_FALSE(w->Append({"short"}).ok());
  EXPECT_FALSE(w->Append({}).ok());
  std::string ev = Txn(1)[2];
  ev[kEventSizeOffset] = 99;
  EXPECT_FALSE(w->Append({ev}).ok());
}

TEST(BinlogReader, ReadsBackWhatTheWriterWrote) {
  TempDir dir;
  auto w = Started(Options(dir));
  std::vector<std::string> written;
  for (uint64_t i = 1; i <= 5; i++) Commit(w.get(), Txn(i, "INSERT " + std::to_string(i)));
  BinlogReader r(dir.path(), w->index_path(), w.get());
  ASSERT_TRUE(r.Open("mariadb-bin.000001").ok());
  auto got = ReadAll(&r);
  ASSERT_EQ(got.size(), 3u + 15);
  EXPECT_EQ(got[0].header.type, kFormatDescriptionEvent);
  EXPECT_EQ(got.back().end, w->CurrentPosition().pos);
  for (size_t i = 1; i < got.size(); i++) EXPECT_EQ(got[i].start, got[i - 1].end);
  auto q = ParseEvent(got[4].bytes, r.format_description(), got[4].start);
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->As<QueryEvent>()->query, "INSERT 1");
}

TEST(BinlogReader, StartsMidFileAfterTheFormatDescription) {
  TempDir dir;
  auto w = Started(Options(dir));
  Commit(w.get(), Txn(1));
  const AppendResult second = Commit(w.get(), Txn(2));
  BinlogReader r(dir.path(), w->index_path(), w.get());
  ASSERT_TRUE(r.Open(second.start.file, second.start.pos).ok());
  EXPECT_EQ(static_cast<uint8_t>(r.format_description_event()[kTypeOffset]),
            kFormatDescriptionEvent);
  auto got = ReadAll(&r);
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0].header.type, kGtidEvent);
  EXPECT_EQ(got[0].start, second.start.pos);
}

TEST(BinlogReader, SeesOnlyPublishedGroupsAndWaitsForMore) {
  TempDir dir;
  auto w = Started(Options(dir));
  BinlogReader r(dir.path(), w->index_path(), w.get());
  ASSERT_TRUE(r.Open("mariadb-bin.000001", 330).ok());
  ReadEvent ev;
  auto o = r.Next(&ev, std::chrono::milliseconds(20));
  ASSERT_TRUE(o.ok());
  EXPECT_EQ(*o, BinlogReader::Outcome::kEndOfLog);

  auto a = w->Append(Txn(1));
  ASSERT_TRUE(a.ok());
  o = r.Next(&ev, std::chrono::milliseconds(20));  // appended, not published
  ASSERT_TRUE(o.ok());
  EXPECT_EQ(*o, BinlogReader::Outcome::kEndOfLog);

  std::thread publisher([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    EXPECT_TRUE(w->Publish(a->ticket).ok());
  });
  const auto t0 = std::chrono::steady_clock::now();
  o = r.Next(&ev, std::chrono::seconds(10));
  publisher.join();
  ASSERT_TRUE(o.ok());
  EXPECT_EQ(*o, BinlogReader::Outcome::kEvent);
  EXPECT_EQ(ev.header.type, kGtidEvent);
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(5));
}

TEST(BinlogReader, WakesWhenTheLogCloses) {
  TempDir dir;
  auto w = Started(Options(dir));
  BinlogReader r(dir.path(), w->index_path(), w.get());
  ASSERT_TRUE(r.Open("mariadb-bin.000001", 330).ok());
  std::thread closer([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    EXPECT_TRUE(w->Close().ok());
  });
  ReadEvent ev;
  auto o = r.Next(&ev, std::chrono::seconds(10));
  closer.join();
  ASSERT_TRUE(o.ok());
  ASSERT_EQ(*o, BinlogReader::Outcome::kEvent);
  EXPECT_EQ(ev.header.type, kStopEvent);
  o = r.Next(&ev, std::chrono::seconds(10));
  ASSERT_TRUE(o.ok());
  EXPECT_EQ(*o, BinlogReader::Outcome::kEndOfLog);
}

TEST(BinlogReader, FollowsALiveLogThroughRotation) {
  TempDir dir;
  auto w = Started(Options(dir));
  Commit(w.get(), Txn(1));
  BinlogReader r(dir.path(), w->index_path(), w.get());
  ASSERT_TRUE(r.Open("mariadb-bin.000001").ok());
  EXPECT_EQ(ReadAll(&r).size(), 6u);  // head events + one group: caught up
  std::thread rotator([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    EXPECT_TRUE(w->FlushLogs().ok());
    Commit(w.get(), Txn(2));
  });
  std::vector<ReadEvent> got;
  while (got.size() < 7) {
    ReadEvent ev;
    auto o = r.Next(&ev, std::chrono::seconds(10));
    ASSERT_TRUE(o.ok()) << o.status().ToString();
    ASSERT_EQ(*o, BinlogReader::Outcome::kEvent);
    got.push_back(std::move(ev));
  }
  rotator.join();
  // The Rotate ending file 1, then file 2 from its Format_description.
  EXPECT_EQ(got[0].header.type, kRotateEvent);
  EXPECT_EQ(got[0].file, "mariadb-bin.000001");
  EXPECT_EQ(got[1].header.type, kFormatDescriptionEvent);
  EXPECT_EQ(got[1].file, "mariadb-bin.000002");
  EXPECT_EQ(got[1].start, 4u);
  EXPECT_EQ(got[6].header.type, kXidEvent);
}

TEST(BinlogWriter, RelayLogAppendKeepsTheSourcesEventsVerbatim) {
  TempDir dir;
  auto o = Options(dir);
  o.basename = "relay-bin";
  auto w = Started(o);
  // The source's Format_description (binlog_checksum=NONE) and a Gtid event
  // under it, as an I/O thread receives them.
  const auto source = testing::FixtureEvents("mariadb-bin.000003");
  const std::string fde = source[0].bytes;
  std::string gtid;
  for (const auto& raw : source) {
    if (raw.type() == kGtidEvent && gtid.empty()) gtid = raw.bytes;
  }
  ASSERT_FALSE(gtid.empty());
  auto r = w->Append({fde, gtid}, {.publish = true, .keep_log_pos = true});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(w->ReadableEnd(), r->end);
  EXPECT_EQ(ReadFileBytes(dir.File("relay-bin.000001")).substr(r->start.pos), fde + gtid);
  EXPECT_EQ(ReadFileBytes(dir.File("relay-bin.index")), "./relay-bin.000001\n");
  // A reader switches to the source's Format_description for what follows.
  BinlogReader reader(dir.path(), w->index_path(), w.get());
  ASSERT_TRUE(reader.Open("relay-bin.000001", r->start.pos).ok());
  ReadEvent ev;
  ASSERT_TRUE(reader.Next(&ev).ok());
  ASSERT_TRUE(reader.Next(&ev).ok());
  EXPECT_EQ(reader.format_description().checksum_alg, ChecksumAlg::kOff);
  auto e = ParseEvent(ev.bytes, reader.format_description(), ev.start);
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_EQ(e->As<GtidEvent>()->seq_no, 34u);  // 0-1-34, the first GTID of mariadb-bin.000003
}

TEST(BinlogWriter, SyncBinlogNSyncsEveryNthGroup) {
  TempDir dir;
  auto o = Options(dir);
  o.sync_binlog = 3;
  auto w = Started(o);
  for (uint64_t i = 1; i <= 9; i++) {
    auto r = w->Append(Txn(i), {.publish = true});
    ASSERT_TRUE(r.ok());
    ASSERT_TRUE(w->Sync(r->ticket).ok());
  }
  EXPECT_EQ(w->sync_count(), 3u);
  o.sync_binlog = 0;
  TempDir dir0;
  o.dir = dir0.path();
  auto w0 = Started(o);
  auto r = w0->Append(Txn(1));
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(w0->Sync(r->ticket).ok());
  EXPECT_EQ(w0->sync_count(), 0u);
}

TEST(BinlogReader, CorruptionNamesFileAndPosition) {
  TempDir dir;
  AppendResult second;
  {
    auto w = Started(Options(dir));
    Commit(w.get(), Txn(1));
    second = Commit(w.get(), Txn(2));
  }
  std::string bytes = ReadFileBytes(dir.File("mariadb-bin.000001"));
  bytes[second.start.pos + kHeaderSize + 2] ^= 0x40;
  WriteFileBytes(dir.File("mariadb-bin.000001"), bytes);
  BinlogReader r(dir.path(), dir.File("mariadb-bin.index"));
  ASSERT_TRUE(r.Open("mariadb-bin.000001").ok());
  Status err;
  for (int i = 0; i < 20; i++) {
    ReadEvent ev;
    auto o = r.Next(&ev);
    if (!o.ok()) {
      err = o.status();
      break;
    }
  }
  ASSERT_FALSE(err.ok());
  EXPECT_EQ(err.code(), Status::Code::kCorruption);
  EXPECT_NE(err.message().find("mariadb-bin.000001"), std::string::npos) << err.message();
  EXPECT_NE(err.message().find("position " + std::to_string(second.start.pos)), std::string::npos)
      << err.message();
}

TEST(BinlogReader, TruncatedEventInAFinishedFileIsCorruption) {
  TempDir dir;
  {
    auto w = Started(Options(dir));
    Commit(w.get(), Txn(1));
  }
  std::string bytes = ReadFileBytes(dir.File("mariadb-bin.000001"));
  WriteFileBytes(dir.File("mariadb-bin.000001"), bytes.substr(0, bytes.size() - 3));
  BinlogReader r(dir.path(), dir.File("mariadb-bin.index"));
  ASSERT_TRUE(r.Open("mariadb-bin.000001").ok());
  Status err;
  for (int i = 0; i < 20 && err.ok(); i++) {
    ReadEvent ev;
    auto o = r.Next(&ev);
    if (!o.ok()) err = o.status();
  }
  EXPECT_NE(err.message().find("truncated event"), std::string::npos) << err.ToString();
}

TEST(BinlogWriter, RotatesAtMaxSizeBetweenGroups) {
  TempDir dir;
  auto o = Options(dir);
  o.max_size = 600;
  auto w = Started(o);
  for (uint64_t i = 1; i <= 6; i++) Commit(w.get(), Txn(i));
  auto logs = w->ListLogs();
  ASSERT_GE(logs.size(), 2u);
  ASSERT_TRUE(w->Close().ok());
  // Each finished file ends with a Rotate naming the next and holds whole groups.
  uint64_t groups = 0;
  for (size_t i = 0; i < logs.size(); i++) {
    auto events = ParseFile(dir.File(logs[i].name));
    EXPECT_EQ(events[0].header.flags, 0);
    for (const auto& e : events) groups += e.header.type == kXidEvent;
    if (i + 1 < logs.size()) {
      ASSERT_EQ(events.back().header.type, kRotateEvent);
      EXPECT_EQ(events.back().As<RotateEvent>()->next_log, logs[i + 1].name);
      EXPECT_EQ(events[0].As<FormatDescription>()->create_timestamp != 0, i == 0);
    }
    if (i > 0) {
      // The next file's Gtid_list carries the state so far.
      EXPECT_FALSE(events[1].As<GtidListEvent>()->gtids.empty());
    }
  }
  EXPECT_EQ(groups, 6u);
  // A reader follows the Rotate events through every file.
  BinlogReader r(dir.path(), dir.File("mariadb-bin.index"));
  ASSERT_TRUE(r.Open(logs[0].name).ok());
  uint64_t xids = 0;
  std::string last_file;
  for (const auto& ev : ReadAll(&r)) {
    xids += ev.header.type == kXidEvent;
    last_file = ev.file;
  }
  EXPECT_EQ(xids, 6u);
  EXPECT_EQ(last_file, logs.back().name);
}

TEST(BinlogWriter, FlushLogsRotatesOnlyBetweenGroups) {
  TempDir dir;
  auto w = Started(Options(dir));
  auto a = w->Append(Txn(1));
  ASSERT_TRUE(a.ok());
  EXPECT_FALSE(w->FlushLogs().ok());
  ASSERT_TRUE(w->Publish(a->ticket).ok());
  ASSERT_TRUE(w->FlushLogs().ok());
  EXPECT_EQ(w->CurrentPosition().file, "mariadb-bin.000002");
  EXPECT_EQ(ReadFileBytes(dir.File("mariadb-bin.index")),
            "./mariadb-bin.000001\n./mariadb-bin.000002\n");
}

TEST(BinlogWriter, PurgeToRemovesOlderFilesOnly) {
  TempDir dir;
  auto w = Started(Options(dir));
  for (int i = 0; i < 3; i++) ASSERT_TRUE(w->FlushLogs().ok());  // files 1..4
  std::vector<std::string> purged;
  ASSERT_TRUE(w->PurgeTo("mariadb-bin.000003", nullptr, &purged).ok());
  EXPECT_EQ(purged, (std::vector<std::string>{"mariadb-bin.000001", "mariadb-bin.000002"}));
  EXPECT_EQ(::access(dir.File("mariadb-bin.000003").c_str(), F_OK), 0);
  EXPECT_EQ(::access(dir.File("mariadb-bin.000001").c_str(), F_OK), -1);
  EXPECT_EQ(ReadFileBytes(dir.File("mariadb-bin.index")),
            "./mariadb-bin.000003\n./mariadb-bin.000004\n");
  // TO the current file purges everything before it, never the file itself.
  ASSERT_TRUE(w->PurgeTo("mariadb-bin.000004").ok());
  EXPECT_EQ(w->ListLogs().size(), 1u);
  EXPECT_EQ(w->ListLogs()[0].name, "mariadb-bin.000004");
}

TEST(BinlogWriter, PurgeToUnknownFileIs1373) {
  TempDir dir;
  auto w = Started(Options(dir));
  Status s = w->PurgeTo("mariadb-bin.000009");
  ASSERT_TRUE(s.IsSqlError());
  EXPECT_EQ(s.mysql_errno(), 1373);
  EXPECT_EQ(s.sqlstate(), "HY000");
  EXPECT_EQ(s.message(), "Target log not found in binlog index");
}

TEST(BinlogWriter, PurgeThatCannotRewriteTheIndexIs1377) {
  TempDir dir;
  auto w = Started(Options(dir));
  ASSERT_TRUE(w->FlushLogs().ok());
  ASSERT_EQ(::mkdir(dir.File("mariadb-bin.index.tmp").c_str(), 0700), 0);  // blocks the temp file
  Status s = w->PurgeTo("mariadb-bin.000002");
  ASSERT_TRUE(s.IsSqlError()) << s.ToString();
  EXPECT_EQ(s.mysql_errno(), 1377);
  EXPECT_EQ(s.message(), "Fatal error during log purge");
  EXPECT_EQ(w->ListLogs().size(), 2u);  // nothing was removed
}

TEST(BinlogWriter, PurgeStopsAtAFileInUse) {
  TempDir dir;
  auto w = Started(Options(dir));
  for (int i = 0; i < 3; i++) ASSERT_TRUE(w->FlushLogs().ok());
  std::vector<std::string> purged;
  ASSERT_TRUE(w->PurgeTo(
                   "mariadb-bin.000004",
                   [](const std::string& f) { return f == "mariadb-bin.000002"; }, &purged)
                  .ok());
  EXPECT_EQ(purged, std::vector<std::string>{"mariadb-bin.000001"});
}

TEST(BinlogWriter, PurgeBeforeUsesModificationTimes) {
  TempDir dir;
  auto w = Started(Options(dir));
  for (int i = 0; i < 2; i++) ASSERT_TRUE(w->FlushLogs().ok());  // files 1..3
  struct timeval old_times[2] = {{1000000000, 0}, {1000000000, 0}};
  ASSERT_EQ(::utimes(dir.File("mariadb-bin.000001").c_str(), old_times), 0);
  std::vector<std::string> purged;
  ASSERT_TRUE(w->PurgeBefore(1500000000, nullptr, &purged).ok());
  EXPECT_EQ(purged, std::vector<std::string>{"mariadb-bin.000001"});
  ASSERT_EQ(::utimes(dir.File("mariadb-bin.000002").c_str(), old_times), 0);
  ASSERT_EQ(::utimes(dir.File("mariadb-bin.000003").c_str(), old_times), 0);
  ASSERT_TRUE(w->PurgeBefore(1500000000, nullptr, &purged).ok());
  EXPECT_EQ(w->ListLogs().size(), 1u);  // never the current file
}

TEST(BinlogWriter, ExpiredLogsArePurgedOnRotation) {
  TempDir dir;
  auto o = Options(dir);
  o.expire_logs_seconds = 3600;
  auto w = Started(o);
  ASSERT_TRUE(w->FlushLogs().ok());
  struct timeval old_times[2] = {{1000000000, 0}, {1000000000, 0}};
  ASSERT_EQ(::utimes(dir.File("mariadb-bin.000001").c_str(), old_times), 0);
  ASSERT_TRUE(w->FlushLogs().ok());
  auto logs = w->ListLogs();
  ASSERT_EQ(logs.size(), 2u);
  EXPECT_EQ(logs[0].name, "mariadb-bin.000002");
}

TEST(BinlogWriter, ResetMasterStartsOver) {
  TempDir dir;
  auto w = Started(Options(dir));
  Commit(w.get(), Txn(1));
  ASSERT_TRUE(w->FlushLogs().ok());
  ASSERT_TRUE(w->ResetMaster(7).ok());
  auto logs = w->ListLogs();
  ASSERT_EQ(logs.size(), 1u);
  EXPECT_EQ(logs[0].name, "mariadb-bin.000007");
  EXPECT_EQ(logs[0].size, 330u);
  EXPECT_TRUE(w->GtidBinlogPos().empty());
  EXPECT_EQ(::access(dir.File("mariadb-bin.000001").c_str(), F_OK), -1);
  EXPECT_EQ(ReadFileBytes(dir.File("mariadb-bin.index")), "./mariadb-bin.000007\n");
  EXPECT_FALSE(w->ResetMaster(0).ok());
}

// --- MariaDB's files --------------------------------------------------------------------

void CopyFixtures(const TempDir& dir) {
  for (const char* f :
       {"mariadb-bin.000001", "mariadb-bin.000002", "mariadb-bin.000003", "mariadb-bin.index"}) {
    WriteFileBytes(dir.File(f), ReadFileBytes(testing::FixturePath(f)));
  }
}

TEST(BinlogFixtures, ReaderFollowsMariaDbFilesThroughRotations) {
  TempDir dir;
  CopyFixtures(dir);
  BinlogReader r(dir.path(), dir.File("mariadb-bin.index"));
  ASSERT_TRUE(r.Open("mariadb-bin.000001").ok());
  std::vector<ReadEvent> events;
  size_t fdes = 0;
  while (true) {
    ReadEvent ev;
    auto o = r.Next(&ev);
    ASSERT_TRUE(o.ok()) << o.status().ToString();
    if (*o == BinlogReader::Outcome::kEndOfLog) break;
    fdes += ev.header.type == kFormatDescriptionEvent;
    auto e = ParseEvent(ev.bytes, r.format_description(), ev.start);
    EXPECT_TRUE(e.ok()) << e.status().ToString();
    events.push_back(std::move(ev));
  }
  EXPECT_EQ(fdes, 3u);
  EXPECT_EQ(events.back().file, "mariadb-bin.000003");
  EXPECT_EQ(events.back().header.type, kStopEvent);
}

TEST(BinlogFixtures, WriterContinuesAfterMariaDbFiles) {
  TempDir dir;
  CopyFixtures(dir);
  auto o = Options(dir);
  o.server_id = 1;
  auto r = BinlogWriter::Open(o);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_FALSE((*r)->recovered_after_crash());
  EXPECT_EQ((*r)->recovered_file(), "mariadb-bin.000003");
  const std::string before = FormatGtidList((*r)->GtidBinlogPos());
  EXPECT_EQ(before.substr(0, 4), "0-1-");
  ASSERT_TRUE((*r)->Start().ok());
  EXPECT_EQ((*r)->CurrentPosition().file, "mariadb-bin.000004");
  auto head = ParseFile(dir.File("mariadb-bin.000004"));
  EXPECT_EQ(FormatGtidList(head[1].As<GtidListEvent>()->gtids), before);
}

TEST(BinlogFixtures, ScanFindsMariaDbGroups) {
  auto scan = ScanBinlogFile(testing::FixturePath("mariadb-bin.000001"));
  ASSERT_TRUE(scan.ok()) << scan.status().ToString();
  EXPECT_TRUE(scan->tail_error.empty());
  EXPECT_EQ(scan->group_end, scan->file_size);
  EXPECT_EQ(scan->rotate_to, "mariadb-bin.000002");
  ASSERT_EQ(scan->groups.size(), 22u);
  EXPECT_EQ(scan->groups[0].gtid.ToString(), "0-1-1");
  EXPECT_EQ(scan->groups.back().gtid.ToString(), "0-1-22");
}

TEST(BinlogIndex, ReadsMariaDbAndAbsoluteEntries) {
  TempDir dir;
  WriteFileBytes(dir.File("x.index"),
                 "./mariadb-bin.000001\n/var/lib/mysql/mariadb-bin.000002\nmariadb-bin.000003\n\n");
  auto idx = BinlogIndex::Load(dir.File("x.index"));
  ASSERT_TRUE(idx.ok());
  EXPECT_EQ(idx->files(), (std::vector<std::string>{"mariadb-bin.000001", "mariadb-bin.000002",
                                                    "mariadb-bin.000003"}));
  EXPECT_EQ(idx->Next("mariadb-bin.000002"), "mariadb-bin.000003");
  EXPECT_EQ(idx->Serialize(), "./mariadb-bin.000001\n./mariadb-bin.000002\n./mariadb-bin.000003\n");
  auto fixture = BinlogIndex::Load(testing::FixturePath("mariadb-bin.index"));
  ASSERT_TRUE(fixture.ok());
  EXPECT_EQ(fixture->Serialize(), ReadFileBytes(testing::FixturePath("mariadb-bin.index")));
}

TEST(BinlogFileNames, SixDigitsAndMore) {
  EXPECT_EQ(BinlogFileName("mariadb-bin", 1), "mariadb-bin.000001");
  EXPECT_EQ(BinlogFileName("b", 1234567), "b.1234567");
  uint64_t n = 0;
  EXPECT_TRUE(ParseBinlogFileNumber("mariadb-bin.000042", "mariadb-bin", &n));
  EXPECT_EQ(n, 42u);
  EXPECT_FALSE(ParseBinlogFileNumber("mariadb-bin.index", "mariadb-bin", &n));
  EXPECT_FALSE(ParseBinlogFileNumber("other.000001", "mariadb-bin", &n));
}

}  // namespace
}  // namespace relaydb::binlog

namespace relaydb::binlog {
namespace {

using namespace testing::files;  // NOLINT

// ReadEvent reads ahead, but never past the limit it is given: an event that
// was partial under one limit is read whole (not from stale buffered bytes)
// once the file and the limit have grown.
TEST(BinlogFile, ReadAheadStopsAtTheLimitAndSeesTheFileGrow) {
  testing::TempDir dir;
  {
    auto w = Started(Options(dir));
    Commit(w.get(), Txn(1));
    Commit(w.get(), Txn(2));
  }
  const std::string path = dir.File("mariadb-bin.000001");
  const std::string whole = testing::ReadFileBytes(path);
  auto file = BinlogFile::Open(path);
  ASSERT_TRUE(file.ok());
  // Walk the events of the whole file; remember where the last one starts.
  std::vector<std::pair<uint64_t, std::string>> events;
  for (uint64_t pos = kFirstEventPosition;;) {
    std::string bytes;
    auto o = (*file)->ReadEvent(pos, whole.size(), &bytes);
    ASSERT_TRUE(o.ok());
    if (*o == BinlogFile::ReadOutcome::kEnd) break;
    ASSERT_EQ(*o, BinlogFile::ReadOutcome::kEvent);
    ASSERT_EQ(bytes, whole.substr(pos, bytes.size()));
    events.emplace_back(pos, bytes);
    pos += bytes.size();
  }
  ASSERT_GE(events.size(), 4u);
  // The file cut inside its last event, read from the start again.
  const auto& [last_pos, last] = events.back();
  const uint64_t cut = last_pos + last.size() / 2;
  testing::WriteFileBytes(path, whole.substr(0, cut));
  auto again = BinlogFile::Open(path);
  ASSERT_TRUE(again.ok());
  std::string bytes;
  for (size_t i = 0; i + 1 < events.size(); i++) {
    auto o = (*again)->ReadEvent(events[i].first, cut, &bytes);
    ASSERT_TRUE(o.ok() && *o == BinlogFile::ReadOutcome::kEvent);
    EXPECT_EQ(bytes, events[i].second);
  }
  auto partial = (*again)->ReadEvent(last_pos, cut, &bytes);
  ASSERT_TRUE(partial.ok());
  EXPECT_EQ(*partial, BinlogFile::ReadOutcome::kPartial);
  // The rest arrives: the same open file reads the event whole.
  testing::WriteFileBytes(path, whole);
  auto full = (*again)->ReadEvent(last_pos, whole.size(), &bytes);
  ASSERT_TRUE(full.ok() && *full == BinlogFile::ReadOutcome::kEvent);
  EXPECT_EQ(bytes, last);
}

}  // namespace
}  // namespace relaydb::binlog
