// RelayLog: what the files hold after a stream of source events, rotation,
// recovery of the resume position, checksum switches, space accounting and
// the relay_log_space_limit hand-shake, purge, reset; and that
// mariadb-binlog and BinlogReader read the result.
#include "replica/relay_log.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>

#include "binlog/binlog_index.h"
#include "binlog/binlog_reader.h"
#include "replica/fetch_test_util.h"

namespace relaydb::replica {
namespace {

using binlog::ChecksumAlg;
using binlog::LogPosition;
using testing::ReadFileBytes;
using testing::SourceBinlog;
using testing::SplitEvents;
using testing::TempDir;
using testing::TypeOf;

constexpr uint32_t kOurId = 2;

RelayLogOptions Options(const TempDir& dir) {
  RelayLogOptions o;
  o.dir = dir.path();
  o.basename = "replica-relay-bin";
  o.server_id = kOurId;
  o.now = [] { return int64_t{1700000200}; };
  return o;
}

std::unique_ptr<RelayLog> OpenRelay(const RelayLogOptions& o) {
  auto r = RelayLog::Open(o);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? std::move(r).value() : nullptr;
}

std::string FileOf(const TempDir& dir, const std::string& name) {
  return ReadFileBytes(dir.path() + "/" + name);
}

std::vector<std::string> IndexFiles(const RelayLog& relay) {
  auto idx = binlog::BinlogIndex::Load(relay.index_path());
  EXPECT_TRUE(idx.ok());
  return idx->files();
}

// Appends the events, expecting each to be stored, then writes them out as
// the I/O thread does when the stream pauses.
void AppendAll(RelayLog* relay, const std::vector<std::string>& events, ChecksumAlg alg) {
  for (const std::string& e : events) {
    auto r = relay->AppendSourceEvent(e, alg);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
  }
  ASSERT_TRUE(relay->FlushAppended().ok());
}

// The start of a session as a dump thread sends it from position 4.
std::vector<std::string> SessionStart(SourceBinlog* src) {
  std::vector<std::string> ev;
  ev.push_back(src->FakeRotate(4));
  ev.push_back(src->Fde());
  ev.push_back(src->GtidList());
  ev.push_back(src->Checkpoint());
  return ev;
}

// The events of a relay file after the relay log's own head (FDE, Gtid_list,
// Binlog_checkpoint), without its closing Rotate/Stop.
std::vector<std::string> SourcePart(const std::string& file) {
  std::vector<std::string> ev = SplitEvents(file);
  EXPECT_GE(ev.size(), 3u);
  EXPECT_EQ(TypeOf(ev[0]), binlog::kFormatDescriptionEvent);
  EXPECT_EQ(TypeOf(ev[1]), binlog::kGtidListEvent);
  EXPECT_EQ(TypeOf(ev[2]), binlog::kBinlogCheckpointEvent);
  ev.erase(ev.begin(), ev.begin() + 3);
  if (!ev.empty() && testing::HeaderOf(ev.back()).server_id == kOurId &&
      (TypeOf(ev.back()) == binlog::kRotateEvent || TypeOf(ev.back()) == binlog::kStopEvent)) {
    ev.pop_back();
  }
  return ev;
}

TEST(RelayLogTest, OpenStartsTheFirstFile) {
  TempDir dir;
  auto relay = OpenRelay(Options(dir));
  ASSERT_TRUE(relay);
  EXPECT_EQ(IndexFiles(*relay), std::vector<std::string>{"replica-relay-bin.000001"});
  EXPECT_EQ(ReadFileBytes(relay->index_path()), "./replica-relay-bin.000001\n");
  EXPECT_FALSE(relay->source_position().has_value());
  const std::string f = FileOf(dir, "replica-relay-bin.000001");
  EXPECT_EQ(relay->space(), f.size());
  EXPECT_EQ(relay->CurrentPosition(), (LogPosition{"replica-relay-bin.000001", f.size()}));
  // The relay log's own events carry our server_id.
  for (const std::string& e : SplitEvents(f)) EXPECT_EQ(testing::HeaderOf(e).server_id, kOurId);
}

TEST(RelayLogTest, DefaultBasenameIsHostnameRelayBin) {
  const std::string b = DefaultRelayLogBasename();
  EXPECT_GT(b.size(), 10u);
  EXPECT_EQ(b.substr(b.size() - 10), "-relay-bin");
  EXPECT_EQ(b.find('.'), std::string::npos);
}

TEST(RelayLogTest, StoresTheStreamVerbatimAndRotatesAtEachSourceRotate) {
  TempDir dir;
  auto relay = OpenRelay(Options(dir));
  SourceBinlog src("mysql-bin.000001");
  relay->BeginSession({"mysql-bin.000001", 4});
  EXPECT_EQ(relay->source_position(), (LogPosition{"mysql-bin.000001", 4}));

  std::vector<std::string> sent = SessionStart(&src);
  for (auto& e : src.Transaction(1, "INSERT INTO t VALUES (1)")) sent.push_back(e);
  for (size_t i = 0; i < sent.size(); i++) {
    auto r = relay->AppendSourceEvent(sent[i], ChecksumAlg::kCrc32);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_TRUE(r->written);
    EXPECT_EQ(r->source_end.file, "mysql-bin.000001");
    // The fake Rotate sets the position; the FDE sent from 4 and the rest
    // move it to their log_pos.
    EXPECT_EQ(r->source_end.pos, i == 0 ? 4u : testing::HeaderOf(sent[i]).log_pos) << i;
    // Only the Gtid and the statement leave the stream inside a group.
    const bool inside = i == 4 || i == 5;
    EXPECT_EQ(r->group_end, !inside) << i;
  }
  EXPECT_EQ(relay->source_position(), (LogPosition{"mysql-bin.000001", src.pos()}));
  ASSERT_TRUE(relay->FlushAppended().ok());

  // The real Rotate at the end of the source's file, then the next file.
  SourceBinlog src2("mysql-bin.000002");
  std::vector<std::string> more = {src.Rotate("mysql-bin.000002"), src2.FakeRotate(4), src2.Fde(0),
                                   src2.GtidList(), src2.Checkpoint()};
  for (auto& e : src2.Transaction(2, "INSERT INTO t VALUES (2)")) more.push_back(e);
  AppendAll(relay.get(), more, ChecksumAlg::kCrc32);
  EXPECT_EQ(relay->source_position(), (LogPosition{"mysql-bin.000002", src2.pos()}));

  // As MariaDB: 000001 holds only the head (opened at start-up), each
  // source Rotate opens a new file and is its first source event.
  EXPECT_EQ(IndexFiles(*relay),
            (std::vector<std::string>{"replica-relay-bin.000001", "replica-relay-bin.000002",
                                      "replica-relay-bin.000003", "replica-relay-bin.000004"}));
  EXPECT_TRUE(SourcePart(FileOf(dir, "replica-relay-bin.000001")).empty());
  EXPECT_EQ(SourcePart(FileOf(dir, "replica-relay-bin.000002")), sent);
  EXPECT_EQ(SourcePart(FileOf(dir, "replica-relay-bin.000003")),
            std::vector<std::string>{more[0]});
  EXPECT_EQ(SourcePart(FileOf(dir, "replica-relay-bin.000004")),
            std::vector<std::string>(more.begin() + 1, more.end()));
  // Each finished file ends with the relay log's Rotate to the next one.
  const auto f2 = SplitEvents(FileOf(dir, "replica-relay-bin.000002"));
  auto rot = binlog::ParseEvent(f2.back(), binlog::FormatDescription::MariaDb(ChecksumAlg::kCrc32));
  ASSERT_TRUE(rot.ok());
  EXPECT_EQ(rot->As<binlog::RotateEvent>()->next_log, "replica-relay-bin.000003");

  // Relay_Log_Space is the sum of the files.
  uint64_t total = 0;
  for (const auto& f : IndexFiles(*relay)) total += FileOf(dir, f).size();
  EXPECT_EQ(relay->space(), total);
}

TEST(RelayLogTest, StopAndHeartbeatAreNotStored) {
  TempDir dir;
  auto relay = OpenRelay(Options(dir));
  SourceBinlog src("mysql-bin.000001");
  AppendAll(relay.get(), SessionStart(&src), ChecksumAlg::kCrc32);
  const uint64_t space = relay->space();
  const uint64_t at = src.pos();
  auto r = relay->AppendSourceEvent(src.Stop(), ChecksumAlg::kCrc32);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_FALSE(r->written);
  EXPECT_TRUE(r->group_end);
  // The position does not move past a Stop (a Rotate or FDE follows).
  EXPECT_EQ(r->source_end, (LogPosition{"mysql-bin.000001", at}));
  EXPECT_EQ(relay->space(), space);
}

TEST(RelayLogTest, BinlogReaderReadsTheRelayLogLiveAcrossFiles) {
  TempDir dir;
  auto relay = OpenRelay(Options(dir));
  SourceBinlog src("mysql-bin.000001");
  std::vector<std::string> sent = SessionStart(&src);
  for (auto& e : src.Transaction(1, "INSERT INTO t VALUES (1)")) sent.push_back(e);
  AppendAll(relay.get(), sent, ChecksumAlg::kCrc32);

  binlog::BinlogReader reader(relay->dir(), relay->index_path(), relay.get());
  ASSERT_TRUE(reader.Open("replica-relay-bin.000001").ok());
  std::vector<std::string> got;
  binlog::ReadEvent ev;
  for (;;) {
    auto o = reader.Next(&ev, std::chrono::milliseconds(50));
    ASSERT_TRUE(o.ok()) << o.status().ToString();
    if (*o == binlog::BinlogReader::Outcome::kEndOfLog) break;
    if (ev.header.server_id != kOurId) got.push_back(ev.bytes);
  }
  EXPECT_EQ(got, sent);

  // A waiting reader wakes up when the I/O thread appends.
  std::thread appender([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    AppendAll(relay.get(), src.Transaction(2, "INSERT INTO t VALUES (2)"), ChecksumAlg::kCrc32);
  });
  auto o = reader.Next(&ev, std::chrono::seconds(10));
  appender.join();
  ASSERT_TRUE(o.ok() && *o == binlog::BinlogReader::Outcome::kEvent);
  EXPECT_EQ(ev.header.type, binlog::kGtidEvent);
}

TEST(RelayLogTest, SourceEventsAreReadableOnlyOnceWritten) {
  TempDir dir;
  auto relay = OpenRelay(Options(dir));
  SourceBinlog src("mysql-bin.000001");
  AppendAll(relay.get(), SessionStart(&src), ChecksumAlg::kCrc32);
  const LogPosition written = relay->ReadableEnd();
  const std::string file = dir.path() + "/" + written.file;
  EXPECT_EQ(ReadFileBytes(file).size(), written.pos);

  // Buffered: the position and Relay_Log_Space move, readers see nothing.
  const std::vector<std::string> trx = src.Transaction(1, "INSERT INTO t VALUES (1)");
  uint64_t bytes = 0;
  for (const std::string& e : trx) {
    ASSERT_TRUE(relay->AppendSourceEvent(e, ChecksumAlg::kCrc32).ok());
    bytes += e.size();
  }
  EXPECT_EQ(relay->source_position(), (LogPosition{"mysql-bin.000001", src.pos()}));
  EXPECT_EQ(relay->ReadableEnd(), written);
  EXPECT_EQ(relay->CurrentPosition().pos, written.pos + bytes);
  EXPECT_EQ(ReadFileBytes(file).size(), written.pos);

  // FlushAppended writes and publishes them; a waiting reader wakes.
  binlog::BinlogReader reader(relay->dir(), relay->index_path(), relay.get());
  ASSERT_TRUE(reader.Open(written.file, written.pos).ok());
  std::thread flusher([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    ASSERT_TRUE(relay->FlushAppended().ok());
  });
  binlog::ReadEvent ev;
  auto o = reader.Next(&ev, std::chrono::seconds(10));
  flusher.join();
  ASSERT_TRUE(o.ok() && *o == binlog::BinlogReader::Outcome::kEvent);
  EXPECT_EQ(ev.bytes, trx.front());
  EXPECT_EQ(relay->ReadableEnd(), relay->CurrentPosition());
  EXPECT_EQ(ReadFileBytes(file).size(), written.pos + bytes);

  // Past kFlushBytes the relay log writes by itself.
  uint64_t appended = 0;
  uint64_t n = 2;
  while (appended < RelayLog::kFlushBytes) {
    for (const std::string& e : src.Transaction(n, "INSERT INTO t VALUES (" + std::to_string(n) + ")")) {
      ASSERT_TRUE(relay->AppendSourceEvent(e, ChecksumAlg::kCrc32).ok());
      appended += e.size();
    }
    n++;
  }
  EXPECT_GT(relay->ReadableEnd().pos, written.pos + bytes + RelayLog::kFlushBytes / 2);

  // A last transaction stays buffered until Close, which writes it: the
  // reopened relay log resumes after it.
  for (const std::string& e : src.Transaction(n, "INSERT INTO t VALUES (0)")) {
    ASSERT_TRUE(relay->AppendSourceEvent(e, ChecksumAlg::kCrc32).ok());
  }
  EXPECT_LT(relay->ReadableEnd().pos, relay->CurrentPosition().pos);
  ASSERT_TRUE(relay->Close().ok());
  relay = OpenRelay(Options(dir));
  EXPECT_EQ(relay->source_position(), (LogPosition{"mysql-bin.000001", src.pos()}));
}

TEST(RelayLogTest, SizeRotationRepeatsTheSourceFdeAsArtificialEvent) {
  TempDir dir;
  RelayLogOptions o = Options(dir);
  o.max_relay_log_size = 700;
  auto relay = OpenRelay(o);
  SourceBinlog src("mysql-bin.000001");
  std::vector<std::string> sent = SessionStart(&src);
  for (uint64_t i = 1; i <= 4; i++) {
    for (auto& e : src.Transaction(i, "INSERT INTO t VALUES (" + std::to_string(i) + ")")) {
      sent.push_back(e);
    }
  }
  AppendAll(relay.get(), sent, ChecksumAlg::kCrc32);
  const std::vector<std::string> files = IndexFiles(*relay);
  ASSERT_GE(files.size(), 4u);
  // Files 3.. were opened by size: head, then the source FDE as MariaDB
  // repeats it (artificial, log_pos 0, created 0), then more events.
  std::vector<std::string> all;
  for (size_t i = 1; i < files.size(); i++) {
    std::vector<std::string> part = SourcePart(FileOf(dir, files[i]));
    if (i >= 2) {
      ASSERT_FALSE(part.empty());
      const std::string& fde = part.front();
      ASSERT_EQ(TypeOf(fde), binlog::kFormatDescriptionEvent);
      const binlog::EventHeader h = testing::HeaderOf(fde);
      EXPECT_EQ(h.log_pos, 0u);
      EXPECT_EQ(h.flags & binlog::kLogEventArtificialF, binlog::kLogEventArtificialF);
      EXPECT_EQ(h.server_id, 1u);
      auto parsed = binlog::ParseEvent(fde, binlog::FormatDescription::MariaDb(ChecksumAlg::kCrc32));
      ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();  // its CRC was redone
      EXPECT_EQ(parsed->As<binlog::FormatDescription>()->create_timestamp, 0u);
      part.erase(part.begin());
    }
    all.insert(all.end(), part.begin(), part.end());
  }
  EXPECT_EQ(all, sent);
  // Every file but the current one passed the size.
  for (size_t i = 1; i + 1 < files.size(); i++) EXPECT_GT(FileOf(dir, files[i]).size(), 700u);
}

TEST(RelayLogTest, FlushRotatesAndReopenAfterSessionEndHasNoSourceFde) {
  TempDir dir;
  auto relay = OpenRelay(Options(dir));
  SourceBinlog src("mysql-bin.000001");
  AppendAll(relay.get(), SessionStart(&src), ChecksumAlg::kCrc32);
  ASSERT_TRUE(relay->Flush().ok());
  auto files = IndexFiles(*relay);
  ASSERT_EQ(files.size(), 3u);
  auto part = SourcePart(FileOf(dir, files[2]));
  ASSERT_EQ(part.size(), 1u);
  EXPECT_EQ(TypeOf(part[0]), binlog::kFormatDescriptionEvent);
  relay->EndSession();
  ASSERT_TRUE(relay->Flush().ok());
  files = IndexFiles(*relay);
  ASSERT_EQ(files.size(), 4u);
  EXPECT_TRUE(SourcePart(FileOf(dir, files[3])).empty());
}

TEST(RelayLogTest, ReopenResumesAfterTheLastCompleteGroup) {
  TempDir dir;
  SourceBinlog src("mysql-bin.000001");
  uint64_t group_end = 0;
  {
    auto relay = OpenRelay(Options(dir));
    relay->BeginSession({"", 4});
    AppendAll(relay.get(), SessionStart(&src), ChecksumAlg::kCrc32);
    AppendAll(relay.get(), src.Transaction(1, "INSERT INTO t VALUES (1)"), ChecksumAlg::kCrc32);
    group_end = src.pos();
    // Half a transaction: the I/O thread stopped inside it.
    AppendAll(relay.get(), {src.Gtid(2), src.Query("INSERT INTO t VALUES (2)")},
              ChecksumAlg::kCrc32);
    EXPECT_EQ(relay->source_position()->pos, src.pos());
  }
  // Reopening (the writer's recovery cuts the unfinished group) resumes
  // right after the last complete group: nothing lost, nothing twice.
  auto relay = OpenRelay(Options(dir));
  ASSERT_TRUE(relay->source_position().has_value());
  EXPECT_EQ(*relay->source_position(), (LogPosition{"mysql-bin.000001", group_end}));
  const auto files = IndexFiles(*relay);
  ASSERT_EQ(files.size(), 3u);  // start-up file, the session's, the new start-up file
  const auto part = SourcePart(FileOf(dir, files[1]));
  ASSERT_EQ(part.size(), 7u);
  EXPECT_EQ(TypeOf(part.back()), binlog::kXidEvent);
}

TEST(RelayLogTest, ReopenAfterATornEventAndAcrossSizeRotations) {
  TempDir dir;
  RelayLogOptions o = Options(dir);
  o.max_relay_log_size = 900;
  SourceBinlog src("mysql-bin.000003");
  std::string last_file;
  {
    auto relay = OpenRelay(o);
    AppendAll(relay.get(), SessionStart(&src), ChecksumAlg::kCrc32);
    for (uint64_t i = 1; i <= 6; i++) {
      AppendAll(relay.get(), src.Transaction(i, "INSERT INTO t VALUES (" + std::to_string(i) + ")"),
                ChecksumAlg::kCrc32);
    }
    last_file = relay->CurrentPosition().file;
  }
  // A crash tore the last event (the Stop Close wrote, and the end of the
  // last source event before it).
  const std::string path = dir.path() + "/" + last_file;
  std::string bytes = ReadFileBytes(path);
  auto events = SplitEvents(bytes);
  ASSERT_GE(events.size(), 6u);  // head, FDE, some source events, Stop
  ASSERT_EQ(testing::HeaderOf(events[events.size() - 2]).server_id, 1u);
  ASSERT_NE(testing::HeaderOf(events[events.size() - 2]).log_pos, 0u);
  std::filesystem::resize_file(path, bytes.size() - events.back().size() - 10);
  auto relay = OpenRelay(o);
  ASSERT_TRUE(relay->source_position().has_value());
  // The file of the position comes from the Rotate several files back.
  EXPECT_EQ(relay->source_position()->file, "mysql-bin.000003");
  // The position is just past the last source event still stored (the
  // recovery cut the torn one): reconnecting there loses and repeats
  // nothing, even inside a group that spans files.
  uint64_t last = 0;
  for (const auto& f : IndexFiles(*relay)) {
    for (const std::string& e : SplitEvents(FileOf(dir, f))) {
      const binlog::EventHeader h = testing::HeaderOf(e);
      if (h.server_id == 1 && h.log_pos != 0) last = h.log_pos;
    }
  }
  EXPECT_EQ(relay->source_position()->pos, last);
  EXPECT_LT(last, src.pos());
}

TEST(RelayLogTest, SourceWithoutChecksumsSwitchesTheRelayLogsOwnEvents) {
  TempDir dir;
  auto relay = OpenRelay(Options(dir));
  EXPECT_EQ(relay->checksum_alg(), ChecksumAlg::kCrc32);
  SourceBinlog src("mysql-bin.000001", 1, ChecksumAlg::kOff);
  std::vector<std::string> sent = SessionStart(&src);
  for (auto& e : src.Transaction(1, "INSERT INTO t VALUES (1)")) sent.push_back(e);
  AppendAll(relay.get(), sent, ChecksumAlg::kOff);
  EXPECT_EQ(relay->checksum_alg(), ChecksumAlg::kOff);
  ASSERT_TRUE(relay->Flush().ok());
  // Everything, including the relay log's own Rotate and head events after
  // the source FDE, frames under the FDE in force.
  binlog::BinlogReader reader(relay->dir(), relay->index_path(), relay.get());
  ASSERT_TRUE(reader.Open(IndexFiles(*relay)[0]).ok());
  std::vector<std::string> got;
  binlog::ReadEvent ev;
  for (;;) {
    auto o = reader.Next(&ev);
    ASSERT_TRUE(o.ok()) << o.status().ToString();
    if (*o == binlog::BinlogReader::Outcome::kEndOfLog) break;
    if (ev.header.server_id != kOurId) got.push_back(ev.bytes);
    if (ev.header.type == binlog::kRotateEvent && ev.header.server_id == kOurId) {
      auto p = binlog::ParseEvent(ev.bytes, reader.format_description());
      ASSERT_TRUE(p.ok());
      EXPECT_EQ(p->As<binlog::RotateEvent>()->next_log.rfind("replica-relay-bin.", 0), 0u);
    }
  }
  // The artificial FDE repeated by Flush is the last source-id event.
  ASSERT_EQ(got.size(), sent.size() + 1);
  got.pop_back();
  EXPECT_EQ(got, sent);
  // An event framed differently from the FDE in force is refused.
  SourceBinlog crc("mysql-bin.000001");
  auto bad = relay->AppendSourceEvent(crc.Xid(1), ChecksumAlg::kCrc32);
  EXPECT_FALSE(bad.ok());
}

TEST(RelayLogTest, PurgeBeforeDeletesExecutedFiles) {
  TempDir dir;
  auto relay = OpenRelay(Options(dir));
  SourceBinlog src("mysql-bin.000001");
  AppendAll(relay.get(), SessionStart(&src), ChecksumAlg::kCrc32);
  ASSERT_TRUE(relay->Flush().ok());
  ASSERT_TRUE(relay->Flush().ok());
  auto files = IndexFiles(*relay);
  ASSERT_EQ(files.size(), 4u);
  const uint64_t before = relay->space();
  ASSERT_TRUE(relay->PurgeBefore(files[2]).ok());
  EXPECT_EQ(IndexFiles(*relay), (std::vector<std::string>{files[2], files[3]}));
  EXPECT_FALSE(std::filesystem::exists(dir.path() + "/" + files[0]));
  EXPECT_FALSE(std::filesystem::exists(dir.path() + "/" + files[1]));
  EXPECT_LT(relay->space(), before);
  Status st = relay->PurgeBefore("nosuch.000001");
  EXPECT_EQ(st.mysql_errno(), 1373);
  st = relay->PurgeThrough("nosuch.000001");
  EXPECT_EQ(st.mysql_errno(), 1373);
  // PurgeThrough includes the file; the current one always stays.
  ASSERT_TRUE(relay->PurgeThrough(files[2]).ok());
  EXPECT_EQ(IndexFiles(*relay), (std::vector<std::string>{files[3]}));
  ASSERT_TRUE(relay->PurgeThrough(files[3]).ok());
  EXPECT_EQ(IndexFiles(*relay), (std::vector<std::string>{files[3]}));
  EXPECT_EQ(relay->space(), FileOf(dir, files[3]).size());
  ASSERT_TRUE(relay->Flush().ok());
  files = IndexFiles(*relay);
  // relay_log_purge=0 keeps everything.
  relay->SetTunables(0, uint64_t{1} << 30, 0, /*purge=*/false, 0);
  ASSERT_TRUE(relay->PurgeBefore(files[1]).ok());
  EXPECT_EQ(IndexFiles(*relay).size(), 2u);
}

TEST(RelayLogTest, ResetStartsOverAndForgetsThePosition) {
  TempDir dir;
  auto relay = OpenRelay(Options(dir));
  SourceBinlog src("mysql-bin.000001");
  AppendAll(relay.get(), SessionStart(&src), ChecksumAlg::kCrc32);
  ASSERT_TRUE(relay->source_position().has_value());
  ASSERT_TRUE(relay->Reset().ok());
  EXPECT_FALSE(relay->source_position().has_value());
  EXPECT_EQ(IndexFiles(*relay), std::vector<std::string>{"replica-relay-bin.000001"});
  EXPECT_FALSE(std::filesystem::exists(dir.path() + "/replica-relay-bin.000002"));
  EXPECT_EQ(relay->space(), FileOf(dir, "replica-relay-bin.000001").size());
}

TEST(RelayLogTest, SpaceLimitBlocksTheAppenderUntilThePurge) {
  TempDir dir;
  RelayLogOptions o = Options(dir);
  auto relay = OpenRelay(o);
  SourceBinlog src("mysql-bin.000001");
  AppendAll(relay.get(), SessionStart(&src), ChecksumAlg::kCrc32);
  AppendAll(relay.get(), src.Transaction(1, "INSERT INTO t VALUES (1)"), ChecksumAlg::kCrc32);
  ASSERT_TRUE(relay->Flush().ok());  // the SQL thread may purge what came before
  relay->SetTunables(0, uint64_t{1} << 30, relay->space() - 10, true, 0);

  std::atomic<bool> waiting{false}, done{false};
  std::thread io([&] {
    auto w = relay->WaitForSpace([] { return false; }, [&] { waiting = true; });
    EXPECT_TRUE(w.ok() && *w);
    done = true;
  });
  for (int i = 0; i < 100 && !waiting; i++) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_TRUE(waiting);
  std::this_thread::sleep_for(std::chrono::milliseconds(250));
  EXPECT_FALSE(done);  // still over the limit
  const auto files = IndexFiles(*relay);
  ASSERT_TRUE(relay->PurgeBefore(files.back()).ok());  // the SQL thread executed everything
  io.join();
  EXPECT_TRUE(done);
  // Under the limit: no wait.
  auto w = relay->WaitForSpace([] { return false; });
  ASSERT_TRUE(w.ok());
  EXPECT_FALSE(*w);
}

TEST(RelayLogTest, SpaceLimitLetsAGroupLargerThanTheLimitThrough) {
  // The SQL thread waits at the end of the log inside a group: it cannot
  // purge anything, so each time it catches up one more event goes through
  // (no deadlock), without a rotation inside the group.
  TempDir dir;
  auto relay = OpenRelay(Options(dir));
  SourceBinlog src("mysql-bin.000001");
  AppendAll(relay.get(), SessionStart(&src), ChecksumAlg::kCrc32);
  const uint64_t limit = relay->space() + 50;
  relay->SetTunables(0, uint64_t{1} << 30, limit, true, 0);
  std::atomic<bool> stop{false};
  // A SQL thread that is always caught up (it reads live with a wait).
  std::thread sql([&] {
    binlog::BinlogReader reader(relay->dir(), relay->index_path(), relay.get());
    ASSERT_TRUE(reader.Open(IndexFiles(*relay)[0]).ok());
    binlog::ReadEvent ev;
    while (!stop) {
      auto o = reader.Next(&ev, std::chrono::milliseconds(20));
      ASSERT_TRUE(o.ok()) << o.status().ToString();
    }
  });
  const std::string before = relay->CurrentPosition().file;
  std::vector<std::string> group = {src.Gtid(1)};
  for (int i = 0; i < 10; i++) group.push_back(src.Query("INSERT INTO t VALUES (" + std::to_string(i) + ")"));
  group.push_back(src.Xid(9));
  for (size_t i = 0; i < group.size(); i++) {
    ASSERT_TRUE(relay->AppendSourceEvent(group[i], ChecksumAlg::kCrc32).ok());
    if (i + 1 == group.size()) break;
    // Returns (after a wait or at once, depending on who comes first).
    auto w = relay->WaitForSpace([] { return false; });
    ASSERT_TRUE(w.ok()) << w.status().ToString();
    // No rotation inside the group.
    EXPECT_EQ(relay->CurrentPosition().file, before);
  }
  EXPECT_GT(relay->space(), limit + 500);  // the whole group went past the limit
  // Between groups, a caught-up SQL thread makes the relay log rotate so
  // that it can purge the file it finished.
  auto w = relay->WaitForSpace([] { return false; });
  ASSERT_TRUE(w.ok());
  stop = true;
  sql.join();
  EXPECT_NE(relay->CurrentPosition().file, before);
}

TEST(RelayLogTest, SpaceWaitStopsOnRequest) {
  TempDir dir;
  auto relay = OpenRelay(Options(dir));
  relay->SetTunables(0, uint64_t{1} << 30, 10, true, 0);
  std::atomic<bool> stop{false};
  std::thread t([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    stop = true;
  });
  auto w = relay->WaitForSpace([&] { return stop.load(); });
  t.join();
  ASSERT_FALSE(w.ok());
  EXPECT_EQ(w.status().code(), Status::Code::kStopped);
}

TEST(RelayLogTest, MariadbBinlogReadsTheRelayLog) {
  if (!testing::HaveProgram("/usr/bin/mariadb-binlog")) GTEST_SKIP() << "mariadb-binlog not installed";
  TempDir dir;
  RelayLogOptions o = Options(dir);
  o.max_relay_log_size = 800;
  auto relay = OpenRelay(o);
  SourceBinlog src("mysql-bin.000001");
  AppendAll(relay.get(), SessionStart(&src), ChecksumAlg::kCrc32);
  for (uint64_t i = 1; i <= 5; i++) {
    AppendAll(relay.get(), src.Transaction(i, "INSERT INTO t VALUES (" + std::to_string(i) + ")"),
              ChecksumAlg::kCrc32);
  }
  ASSERT_TRUE(relay->Close().ok());
  std::vector<std::string> argv = {"/usr/bin/mariadb-binlog", "--verify-binlog-checksum"};
  for (const auto& f : IndexFiles(*relay)) argv.push_back(dir.path() + "/" + f);
  auto [out, code] = testing::RunProgram(argv);
  EXPECT_EQ(code, 0) << out;
  EXPECT_EQ(out.find("ERROR"), std::string::npos) << out;
  EXPECT_NE(out.find("INSERT INTO t VALUES (5)"), std::string::npos) << out;
}

}  // namespace
}  // namespace relaydb::replica
