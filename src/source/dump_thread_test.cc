// Tests of the Binlog Dump thread (dump_thread.h): a BinlogWriter in a temp
// dir (or static files), a socketpair with a PacketConn on each end, and the
// packets the replica end receives. Byte expectations for rewritten events
// come from what mariadbd 10.11.19 sent to a probe replica (see
// MariaDbSubstitutionGolden).
#include "source/dump_thread.h"

#include <gtest/gtest.h>
#include <sys/socket.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "binlog/binlog_writer_test_util.h"
#include "binlog/events.h"
#include "common/bytes.h"
#include "wire/messages.h"

namespace relaydb::source {
namespace {

using binlog::ChecksumAlg;
using binlog::testing::ReadFileBytes;
using binlog::testing::SplitFile;
using binlog::testing::TempDir;
using binlog::testing::WriteFileBytes;
namespace files = binlog::testing::files;
using Clock = std::chrono::steady_clock;

constexpr uint32_t kSourceId = files::kServerId;  // the writer's server_id (7)

// --- bytes -----------------------------------------------------------------

std::string Unhex(std::string_view hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    out.push_back(static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
  }
  return out;
}

// An event from its header fields and body bytes (CRC included in `body`).
std::string RawEvent(uint32_t ts, uint8_t type, uint32_t server_id, uint32_t log_pos,
                     uint16_t flags, const std::string& body) {
  std::string out;
  ByteWriter w(&out);
  w.U32(ts);
  w.U8(type);
  w.U32(server_id);
  w.U32(static_cast<uint32_t>(binlog::kHeaderSize + body.size()));
  w.U32(log_pos);
  w.U16(flags);
  w.Bytes(body);
  return out;
}

binlog::EventHeader Header(const std::string& ev) {
  binlog::EventHeader h;
  EXPECT_TRUE(binlog::DecodeHeader(ev, &h).ok());
  return h;
}

bool CrcValid(const std::string& ev) {
  if (ev.size() < 23) return false;
  const std::string_view data = std::string_view(ev).substr(0, ev.size() - 4);
  ByteReader r(std::string_view(ev).substr(ev.size() - 4));
  uint32_t crc = 0;
  EXPECT_TRUE(r.ReadU32(&crc).ok());
  return binlog::EventCrc(data) == crc;
}

std::string FakeRotate(const std::string& file, uint64_t pos, bool crc, uint32_t server_id) {
  binlog::EventHeader h;
  h.type = binlog::kRotateEvent;
  h.server_id = server_id;
  h.flags = binlog::kLogEventArtificialF;
  std::string body;
  ByteWriter w(&body);
  w.U64(pos);
  w.Bytes(file);
  return binlog::EncodeEvent(h, body, crc ? ChecksumAlg::kCrc32 : ChecksumAlg::kOff);
}

// The Format_description as a dump thread sends it: in-use flag cleared.
std::string FdeAsSent(std::string fde) {
  fde[binlog::kFlagsOffset] = static_cast<char>(fde[binlog::kFlagsOffset] & ~1);
  return fde;
}

// The events of a file after its Format_description.
std::vector<std::string> FileEvents(const std::string& path, bool with_fde = false) {
  std::vector<std::string> out;
  for (auto& raw : SplitFile(ReadFileBytes(path))) out.push_back(raw.bytes);
  if (!with_fde && !out.empty()) out.erase(out.begin());
  return out;
}

// --- a replica on a socketpair -------------------------------------------------

// One dump running on its own thread; the test plays the replica.
struct DumpRun {
  ReplicaSession rs;
  std::unique_ptr<wire::PacketConn> source, replica;
  std::thread thread;
  Status result;
  std::atomic<bool> done{false};
  Clock::time_point ended;

  ~DumpRun() { Stop(); }
  void Stop() {
    if (!thread.joinable()) return;
    if (rs.proc) rs.proc->kill_connection.store(true);
    thread.join();
  }
  // Waits for Run() to return (false on timeout).
  bool WaitDone(std::chrono::milliseconds timeout = std::chrono::milliseconds(5000)) {
    const auto deadline = Clock::now() + timeout;
    while (!done.load()) {
      if (Clock::now() > deadline) return false;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    thread.join();
    return true;
  }
  // The next packet the replica receives ("" with a failure on timeout).
  std::string Read() {
    std::string p;
    Status s = replica->ReadPacket(&p);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return s.ok() ? p : std::string();
  }
  // The event in the next packet (which must be one).
  std::string ReadEvent() {
    std::string p = Read();
    EXPECT_FALSE(p.empty());
    if (p.empty()) return {};
    EXPECT_EQ(p[0], '\0') << (wire::IsErrPacket(p) ? wire::ParseErr(p).ToString() : "");
    return p.substr(1);
  }
  // Packets until (and including) an EOF or ERR packet.
  std::vector<std::string> ReadToEnd() {
    std::vector<std::string> out;
    for (int i = 0; i < 10000; i++) {
      std::string p = Read();
      if (p.empty()) break;
      out.push_back(p);
      if (p[0] != '\0') break;
    }
    return out;
  }
};

ReplicaSession Session(int capability = kCapabilityGtid) {
  ReplicaSession rs;
  rs.connection_id = 42;
  rs.user = "repl";
  rs.host = "localhost";
  rs.mariadb_slave_capability = capability;
  rs.checksum_aware = true;
  rs.checksum_at_connect = ChecksumAlg::kCrc32;
  rs.proc = std::make_shared<ProcessEntry>(42);
  return rs;
}

BinlogDumpRequest Request(std::string file, uint32_t pos, uint16_t flags = kBinlogDumpNonBlock,
                          uint32_t server_id = 99) {
  BinlogDumpRequest req;
  req.file = std::move(file);
  req.pos = pos;
  req.flags = flags;
  req.server_id = server_id;
  return req;
}

std::unique_ptr<DumpRun> StartDump(BinlogDumpService* service, const BinlogDumpRequest& req,
                                   ReplicaSession rs) {
  auto d = std::make_unique<DumpRun>();
  d->rs = std::move(rs);
  int sv[2];
  EXPECT_EQ(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv), 0);
  d->source = std::make_unique<wire::PacketConn>(sv[0], true);
  d->replica = std::make_unique<wire::PacketConn>(sv[1], true);
  d->replica->SetReadTimeout(5000);
  EXPECT_TRUE(d->replica->WritePacketAndFlush(EncodeBinlogDump(req)).ok());
  DumpRun* raw = d.get();
  d->thread = std::thread([raw, service] {
    std::string payload;
    Status s = raw->source->ReadPacket(&payload);
    if (s.ok()) {
      auto parsed = ParseBinlogDump(payload);
      s = parsed.ok() ? service->Run(raw->source.get(), *parsed, raw->rs) : parsed.status();
    }
    raw->result = s;
    raw->ended = Clock::now();
    raw->done.store(true);
  });
  return d;
}

void ExpectErr(const std::string& packet, uint16_t code, const std::string& text) {
  ASSERT_TRUE(wire::IsErrPacket(packet)) << "not an ERR packet";
  Status s = wire::ParseErr(packet);
  EXPECT_EQ(s.mysql_errno(), code);
  EXPECT_EQ(s.sqlstate(), "HY000");
  EXPECT_EQ(s.message(), text);
}

const std::string kEof("\xfe\x00\x00\x00\x00", 5);

// --- fixture: a live BinlogWriter ----------------------------------------------

class DumpThreadTest : public ::testing::Test {
 protected:
  void SetUp() override { StartWriter(files::Options(dir_)); }

  void StartWriter(binlog::BinlogWriterOptions o) {
    writer_ = files::Started(o);
    ASSERT_NE(writer_, nullptr);
    DumpSourceInfo info;
    info.dir = dir_.path();
    info.index_path = writer_->index_path();
    info.live = writer_.get();
    info.server_id = kSourceId;
    info.poll_interval = std::chrono::milliseconds(50);
    binlog::BinlogWriter* w = writer_.get();
    info.gtid_binlog_state = [w] { return w->GtidBinlogStateList(); };
    service_ = std::make_unique<BinlogDumpService>(info, &registry_);
  }

  std::string Path(const std::string& file) const { return dir_.File(file); }
  std::string First() const { return writer_->ListLogs().front().name; }

  TempDir dir_;
  ReplicaRegistry registry_;
  std::unique_ptr<binlog::BinlogWriter> writer_;
  std::unique_ptr<BinlogDumpService> service_;
};

// --- request parsing ---------------------------------------------------------

TEST(ParseBinlogDumpTest, ParsesFields) {
  BinlogDumpRequest req = Request("mariadb-bin.000003", 1234, 3, 77);
  auto parsed = ParseBinlogDump(EncodeBinlogDump(req));
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->pos, 1234u);
  EXPECT_EQ(parsed->flags, 3);
  EXPECT_EQ(parsed->server_id, 77u);
  EXPECT_EQ(parsed->file, "mariadb-bin.000003");
}

TEST(ParseBinlogDumpTest, NameStopsAtNul) {
  auto parsed = ParseBinlogDump(EncodeBinlogDump(Request("f.000001", 4)) + std::string("\0x", 2));
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->file, "f.000001");
}

TEST(ParseBinlogDumpTest, EmptyNameMeansFirstFile) {
  auto parsed = ParseBinlogDump(EncodeBinlogDump(Request("", 4)));
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->file, "");
}

TEST(ParseBinlogDumpTest, ShortPacketIsMalformed) {
  const std::string full = EncodeBinlogDump(Request("", 4));
  for (size_t n = 0; n < 11; n++) {
    auto parsed = ParseBinlogDump(full.substr(0, n));
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(parsed.status().mysql_errno(), 1835);
    EXPECT_EQ(parsed.status().message(), "Malformed communication packet");
  }
  std::string wrong = full;
  wrong[0] = 0x15;
  EXPECT_EQ(ParseBinlogDump(wrong).status().mysql_errno(), 1835);
}

TEST(ChecksumUserVarTest, MariaDbNames) {
  EXPECT_EQ(ChecksumAlgFromUserVar("CRC32"), ChecksumAlg::kCrc32);
  EXPECT_EQ(ChecksumAlgFromUserVar("crc32"), ChecksumAlg::kCrc32);
  EXPECT_EQ(ChecksumAlgFromUserVar("NONE"), ChecksumAlg::kOff);
  EXPECT_EQ(ChecksumAlgFromUserVar("md5"), ChecksumAlg::kUndefined);
}

// --- the stream --------------------------------------------------------------

TEST_F(DumpThreadTest, StreamsFileFromStartByteForByte) {
  files::Commit(writer_.get(), files::Txn(1));
  files::Commit(writer_.get(), files::Txn(2));
  const std::string f = First();
  auto d = StartDump(service_.get(), Request(f, 4), Session());
  auto packets = d->ReadToEnd();
  ASSERT_TRUE(d->WaitDone());
  EXPECT_TRUE(d->result.ok()) << d->result.ToString();

  std::vector<std::string> expected = {FakeRotate(f, 4, true, kSourceId)};
  auto file_events = FileEvents(Path(f), true);
  expected.push_back(FdeAsSent(file_events[0]));
  expected.insert(expected.end(), file_events.begin() + 1, file_events.end());
  ASSERT_EQ(packets.size(), expected.size() + 1);
  for (size_t i = 0; i < expected.size(); i++) {
    EXPECT_EQ(packets[i], std::string(1, '\0') + expected[i]) << "packet " << i;
  }
  EXPECT_EQ(packets.back(), kEof);
  // The in-use flag is set in the file and cleared in what is sent; the CRC
  // (computed with the flag clear) is valid either way.
  EXPECT_EQ(Header(file_events[0]).flags & binlog::kLogEventBinlogInUseF, 1);
  EXPECT_TRUE(CrcValid(expected[1]));
  EXPECT_EQ(Header(expected[0]).timestamp, 0u);
}

TEST_F(DumpThreadTest, StartMidFileZeroesFormatDescriptionLogPosAndCreated) {
  files::Commit(writer_.get(), files::Txn(1));
  const auto second = files::Commit(writer_.get(), files::Txn(2));
  const std::string f = First();
  auto d = StartDump(service_.get(), Request(f, second.start.pos), Session());
  auto packets = d->ReadToEnd();
  ASSERT_TRUE(d->WaitDone());
  ASSERT_EQ(packets.size(), 2 + 3 + 1u);
  EXPECT_EQ(packets[0].substr(1), FakeRotate(f, second.start.pos, true, kSourceId));
  const std::string fde = packets[1].substr(1);
  EXPECT_EQ(Header(fde).type, binlog::kFormatDescriptionEvent);
  EXPECT_EQ(Header(fde).log_pos, 0u);
  EXPECT_EQ(Header(fde).flags, 0);
  ByteReader created(std::string_view(fde).substr(19 + 2 + 50, 4));
  uint32_t ts = 1;
  ASSERT_TRUE(created.ReadU32(&ts).ok());
  EXPECT_EQ(ts, 0u);
  EXPECT_TRUE(CrcValid(fde));
  auto file_events = FileEvents(Path(f));
  std::vector<std::string> tail(file_events.end() - 3, file_events.end());
  for (size_t i = 0; i < 3; i++) EXPECT_EQ(packets[2 + i].substr(1), tail[i]);
  EXPECT_EQ(packets.back(), kEof);
}

TEST_F(DumpThreadTest, EmptyFileNameStartsAtTheFirstFile) {
  files::Commit(writer_.get(), files::Txn(1));
  ASSERT_TRUE(writer_->FlushLogs().ok());
  auto d = StartDump(service_.get(), Request("", 4), Session());
  std::string rotate = d->ReadEvent();
  EXPECT_EQ(rotate, FakeRotate(writer_->ListLogs()[0].name, 4, true, kSourceId));
  d->ReadToEnd();
  EXPECT_TRUE(d->WaitDone());
}

TEST_F(DumpThreadTest, RequestedNameLosesItsDirectory) {
  auto d = StartDump(service_.get(), Request("/elsewhere/" + First(), 4), Session());
  EXPECT_EQ(d->ReadEvent(), FakeRotate(First(), 4, true, kSourceId));
  d->ReadToEnd();
  EXPECT_TRUE(d->WaitDone());
}

TEST_F(DumpThreadTest, CrossFileRotationSendsFakeRotateAndFormatDescription) {
  files::Commit(writer_.get(), files::Txn(1));
  ASSERT_TRUE(writer_->FlushLogs().ok());
  files::Commit(writer_.get(), files::Txn(2));
  const auto logs = writer_->ListLogs();
  ASSERT_EQ(logs.size(), 2u);
  auto d = StartDump(service_.get(), Request(logs[0].name, 4), Session());
  auto packets = d->ReadToEnd();
  ASSERT_TRUE(d->WaitDone());

  std::vector<std::string> expected = {FakeRotate(logs[0].name, 4, true, kSourceId)};
  auto f1 = FileEvents(Path(logs[0].name), true);
  expected.push_back(FdeAsSent(f1[0]));
  expected.insert(expected.end(), f1.begin() + 1, f1.end());
  EXPECT_EQ(Header(f1.back()).type, binlog::kRotateEvent);  // the file's own Rotate
  expected.push_back(FakeRotate(logs[1].name, 4, true, kSourceId));
  auto f2 = FileEvents(Path(logs[1].name), true);
  expected.push_back(FdeAsSent(f2[0]));
  EXPECT_EQ(Header(expected.back()).log_pos, 256u);  // not zeroed: starts at 4
  expected.insert(expected.end(), f2.begin() + 1, f2.end());
  ASSERT_EQ(packets.size(), expected.size() + 1);
  for (size_t i = 0; i < expected.size(); i++) {
    EXPECT_EQ(packets[i].substr(1), expected[i]) << "packet " << i;
  }
  EXPECT_EQ(packets.back(), kEof);
}

TEST_F(DumpThreadTest, StartAtEndOfFinishedFileContinuesInTheNext) {
  files::Commit(writer_.get(), files::Txn(1));
  ASSERT_TRUE(writer_->FlushLogs().ok());
  const auto logs = writer_->ListLogs();
  auto d = StartDump(service_.get(), Request(logs[0].name, logs[0].size), Session());
  auto packets = d->ReadToEnd();
  ASSERT_TRUE(d->WaitDone());
  ASSERT_GE(packets.size(), 5u);
  EXPECT_EQ(packets[0].substr(1), FakeRotate(logs[0].name, logs[0].size, true, kSourceId));
  EXPECT_EQ(Header(packets[1].substr(1)).log_pos, 0u);  // file 1's FDE, mid-file rules
  EXPECT_EQ(packets[2].substr(1), FakeRotate(logs[1].name, 4, true, kSourceId));
  EXPECT_EQ(Header(packets[3].substr(1)).type, binlog::kFormatDescriptionEvent);
  EXPECT_EQ(packets.back(), kEof);
}

TEST_F(DumpThreadTest, ServerIdZeroDoesNotBlock) {
  auto d = StartDump(service_.get(), Request(First(), 4, 0, 0), Session());
  auto packets = d->ReadToEnd();
  ASSERT_TRUE(d->WaitDone());
  EXPECT_EQ(packets.back(), kEof);
}

TEST_F(DumpThreadTest, BlockingWakesForPublishedGroupsOnly) {
  files::Commit(writer_.get(), files::Txn(1));
  const std::string f = First();
  auto rs = Session();
  auto proc = rs.proc;
  auto d = StartDump(service_.get(), Request(f, 4, 0), rs);
  const size_t existing = FileEvents(Path(f), true).size() + 1;  // + fake rotate
  for (size_t i = 0; i < existing; i++) d->ReadEvent();
  // Caught up: the thread waits, in the seed's words.
  for (int i = 0; i < 200 && proc->Read().state != kStateWaitingForUpdate; i++) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  EXPECT_EQ(proc->Read().command, "Binlog Dump");
  EXPECT_EQ(proc->Read().state, kStateWaitingForUpdate);

  auto appended = writer_->Append(files::Txn(2));
  ASSERT_TRUE(appended.ok());
  d->replica->SetReadTimeout(300);
  std::string p;
  Status s = d->replica->ReadPacket(&p);
  EXPECT_TRUE(wire::IsTimeout(s)) << "an unpublished group was sent: " << s.ToString();

  ASSERT_TRUE(writer_->Publish(appended->ticket).ok());
  d->replica->SetReadTimeout(5000);
  auto file_events = FileEvents(Path(f));
  for (size_t i = 0; i < 3; i++) {
    EXPECT_EQ(d->ReadEvent(), file_events[file_events.size() - 3 + i]);
  }
  EXPECT_FALSE(d->done.load());
  d->Stop();
  EXPECT_EQ(d->result.code(), Status::Code::kStopped);
}

TEST_F(DumpThreadTest, HeartbeatsWhileIdle) {
  files::Commit(writer_.get(), files::Txn(1));
  const std::string f = First();
  auto rs = Session();
  rs.heartbeat_period_ns = 100'000'000;  // 100 ms
  auto d = StartDump(service_.get(), Request(f, 4, 0), rs);
  const auto file_events = FileEvents(Path(f), true);
  for (size_t i = 0; i < file_events.size() + 1; i++) d->ReadEvent();
  std::vector<Clock::time_point> received;
  for (int n = 0; n < 2; n++) {
    const std::string hb = d->ReadEvent();
    received.push_back(Clock::now());
    const auto h = Header(hb);
    EXPECT_EQ(h.type, binlog::kHeartbeatEvent);
    EXPECT_EQ(h.timestamp, 0u);
    EXPECT_EQ(h.server_id, kSourceId);
    EXPECT_EQ(h.flags, 0);  // MariaDB does not mark heartbeats artificial
    EXPECT_EQ(h.log_pos, writer_->CurrentPosition().pos);
    EXPECT_EQ(hb.substr(19, hb.size() - 23), f);
    EXPECT_TRUE(CrcValid(hb));
  }
  // One period of idleness between them (with room for scheduling).
  EXPECT_GE(received[1] - received[0], std::chrono::milliseconds(80));
  d->Stop();
}

TEST_F(DumpThreadTest, NoHeartbeatWithoutPeriod) {
  auto d = StartDump(service_.get(), Request(First(), 4, 0), Session());
  const size_t head = FileEvents(Path(First()), true).size() + 1;
  for (size_t i = 0; i < head; i++) d->ReadEvent();
  d->replica->SetReadTimeout(300);
  std::string p;
  EXPECT_TRUE(wire::IsTimeout(d->replica->ReadPacket(&p)));
  d->Stop();
}

// --- errors ------------------------------------------------------------------

TEST_F(DumpThreadTest, MissingFileIs1236) {
  auto d = StartDump(service_.get(), Request("mariadb-bin.000042", 4), Session());
  ExpectErr(d->Read(), 1236, "Could not find first log file name in binary log index file");
  ASSERT_TRUE(d->WaitDone());
  EXPECT_EQ(d->result.mysql_errno(), 1236);
}

TEST_F(DumpThreadTest, PurgedFileIs1236) {
  const std::string old = First();
  ASSERT_TRUE(writer_->FlushLogs().ok());
  ASSERT_TRUE(writer_->PurgeTo(writer_->ListLogs()[1].name).ok());
  auto d = StartDump(service_.get(), Request(old, 4), Session());
  ExpectErr(d->Read(), 1236, "Could not find first log file name in binary log index file");
}

TEST_F(DumpThreadTest, PositionBeforeFirstEventIs1236) {
  const std::string f = First();
  for (uint32_t pos : {0u, 3u}) {
    auto d = StartDump(service_.get(), Request(f, pos), Session());
    ExpectErr(d->Read(), 1236,
              "Client requested master to start replication from impossible position; the first "
              "event '" +
                  f + "' at " + std::to_string(pos) + ", the last event read from '" + f +
                  "' at 4, the last byte read from '" + f + "' at 4.");
  }
}

TEST_F(DumpThreadTest, PositionPastTheEndIs1236) {
  const std::string f = First();
  auto d = StartDump(service_.get(), Request(f, 100000), Session());
  ExpectErr(d->Read(), 1236,
            "Client requested master to start replication from impossible position; the first "
            "event '" +
                f + "' at 100000, the last event read from '" + f +
                "' at 4, the last byte read from '" + f + "' at 4.");
}

TEST_F(DumpThreadTest, PositionInsideAnEventIs1236) {
  const auto g = files::Commit(writer_.get(), files::Txn(1));
  const std::string f = First();
  const uint32_t pos = static_cast<uint32_t>(g.start.pos + 5);
  auto d = StartDump(service_.get(), Request(f, pos), Session());
  auto packets = d->ReadToEnd();
  ASSERT_EQ(packets.size(), 3u);  // fake Rotate, Format_description, ERR
  Status err = wire::ParseErr(packets.back());
  EXPECT_EQ(err.mysql_errno(), 1236);
  const std::string suffix = "; the first event '" + f + "' at " + std::to_string(pos) +
                             ", the last event read from '" + f + "' at " + std::to_string(pos);
  EXPECT_NE(err.message().find(suffix), std::string::npos) << err.message();
}

TEST_F(DumpThreadTest, ReplicaWithoutChecksumSupportIsRefused) {
  const std::string f = First();
  auto rs = Session();
  rs.checksum_aware = false;
  auto d = StartDump(service_.get(), Request(f, 4), rs);
  // The fake Rotate goes first, without a CRC (the replica never said).
  EXPECT_EQ(d->ReadEvent(), FakeRotate(f, 4, false, kSourceId));
  ExpectErr(d->Read(), 1236,
            "Slave can not handle replication events with the checksum that master is configured "
            "to log; the first event '" +
                f + "' at 4, the last event read from '" + f + "' at 4, the last byte read from '" +
                f + "' at 256.");
}

TEST_F(DumpThreadTest, ChecksumNoneAtConnectOnlyAffectsTheFirstRotate) {
  files::Commit(writer_.get(), files::Txn(1));
  ASSERT_TRUE(writer_->FlushLogs().ok());
  const auto logs = writer_->ListLogs();
  auto rs = Session();
  rs.checksum_at_connect = ChecksumAlg::kOff;
  auto d = StartDump(service_.get(), Request(logs[0].name, 4), rs);
  auto packets = d->ReadToEnd();
  EXPECT_EQ(packets[0].substr(1), FakeRotate(logs[0].name, 4, false, kSourceId));
  const auto f1 = FileEvents(Path(logs[0].name), true);
  EXPECT_EQ(packets[1 + f1.size()].substr(1), FakeRotate(logs[1].name, 4, true, kSourceId));
  EXPECT_EQ(packets.back(), kEof);
}

// --- stopping ------------------------------------------------------------------

TEST_F(DumpThreadTest, KillEndsTheThreadPromptly) {
  auto rs = Session();
  auto proc = rs.proc;
  auto d = StartDump(service_.get(), Request(First(), 4, 0), rs);
  d->ReadEvent();
  d->ReadEvent();
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  const auto t0 = Clock::now();
  proc->kill_connection.store(true);
  ASSERT_TRUE(d->WaitDone(std::chrono::milliseconds(2000)));
  EXPECT_LT(d->ended - t0, std::chrono::milliseconds(1000));
  EXPECT_EQ(d->result.code(), Status::Code::kStopped);
  EXPECT_EQ(proc->Read().state, kStateFinalizing);
  EXPECT_EQ(service_->active(), 0u);
}

TEST_F(DumpThreadTest, KillQueryEndsTheDumpWithEof) {
  auto rs = Session();
  auto proc = rs.proc;
  auto d = StartDump(service_.get(), Request(First(), 4, 0), rs);
  const size_t head = FileEvents(Path(First()), true).size() + 1;
  for (size_t i = 0; i < head; i++) d->ReadEvent();
  proc->kill_query.store(true);
  EXPECT_EQ(d->Read(), kEof);
  ASSERT_TRUE(d->WaitDone());
  EXPECT_EQ(d->result.code(), Status::Code::kStopped);
}

TEST_F(DumpThreadTest, VanishedReplicaEndsTheThread) {
  auto d = StartDump(service_.get(), Request(First(), 4, 0), Session());
  d->ReadEvent();
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  const auto t0 = Clock::now();
  d->replica.reset();  // closes the replica's socket
  ASSERT_TRUE(d->WaitDone(std::chrono::milliseconds(2000)));
  EXPECT_LT(d->ended - t0, std::chrono::milliseconds(1000));
  EXPECT_TRUE(d->result.IsConnectionClosed() || d->result.code() == Status::Code::kIoError)
      << d->result.ToString();
}

TEST_F(DumpThreadTest, WriterCloseEndsTheThreadWithoutAWord) {
  auto d = StartDump(service_.get(), Request(First(), 4, 0), Session());
  d->ReadEvent();
  ASSERT_TRUE(writer_->Close().ok());
  ASSERT_TRUE(d->WaitDone(std::chrono::milliseconds(2000)));
  EXPECT_EQ(d->result.code(), Status::Code::kStopped);
}

TEST_F(DumpThreadTest, ShutdownEndsDumpsAndRefusesNewOnes) {
  auto d = StartDump(service_.get(), Request(First(), 4, 0), Session());
  d->ReadEvent();
  service_->Shutdown();
  ASSERT_TRUE(d->WaitDone(std::chrono::milliseconds(2000)));
  EXPECT_EQ(d->result.code(), Status::Code::kStopped);
  auto d2 = StartDump(service_.get(), Request(First(), 4, 0), Session());
  ASSERT_TRUE(d2->WaitDone());
  EXPECT_EQ(d2->result.code(), Status::Code::kStopped);
}

TEST_F(DumpThreadTest, SameServerIdEndsTheOlderDump) {
  const std::string f = First();
  auto first = StartDump(service_.get(), Request(f, 4, 0, 5), Session());
  const size_t head = FileEvents(Path(f), true).size() + 1;
  for (size_t i = 0; i < head; i++) first->ReadEvent();
  auto second = StartDump(service_.get(), Request(f, 4, 0, 5), Session());
  const std::string end = std::to_string(writer_->CurrentPosition().pos);
  const auto events = SplitFile(ReadFileBytes(Path(f)));
  ExpectErr(first->Read(), 4052,
            "A slave with the same server_uuid/server_id is already connected; the first event '" +
                f + "' at 4, the last event read from '" + f + "' at " +
                std::to_string(events.back().pos) + ", the last byte read from '" + f + "' at " +
                end + ".");
  ASSERT_TRUE(first->WaitDone());
  EXPECT_EQ(first->result.mysql_errno(), 4052);
  EXPECT_EQ(second->ReadEvent(), FakeRotate(f, 4, true, kSourceId));
  EXPECT_FALSE(second->done.load());
}

TEST_F(DumpThreadTest, FileInUseFollowsTheDump) {
  // A replica that does not read holds its dump thread in the first file
  // (the socket buffers fill up) while the log moves on.
  for (uint64_t i = 1; i <= 20; i++) {
    files::Commit(writer_.get(),
                  files::Txn(i, "INSERT INTO t VALUES ('" + std::string(64 * 1024, 'x') + "')"));
  }
  ASSERT_TRUE(writer_->FlushLogs().ok());
  const auto logs = writer_->ListLogs();
  ASSERT_EQ(logs.size(), 2u);
  EXPECT_FALSE(service_->FileInUse(logs[0].name));
  auto d = StartDump(service_.get(), Request(logs[0].name, 4, 0), Session());
  d->ReadEvent();
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_EQ(service_->active(), 1u);
  EXPECT_TRUE(service_->FileInUse(logs[0].name));
  EXPECT_FALSE(service_->FileInUse(logs[1].name));
  // PURGE stops at a file a dump thread reads.
  std::vector<std::string> purged;
  ASSERT_TRUE(
      writer_
          ->PurgeTo(
              logs[1].name, [&](const std::string& n) { return service_->FileInUse(n); }, &purged)
          .ok());
  EXPECT_TRUE(purged.empty());
  // Once the dump reaches the next file, the first one is free.
  const size_t n =
      FileEvents(Path(logs[0].name), true).size() + 1 + FileEvents(Path(logs[1].name), true).size();
  for (size_t i = 1; i < n; i++) d->ReadEvent();
  EXPECT_FALSE(service_->FileInUse(logs[0].name));
  EXPECT_TRUE(service_->FileInUse(logs[1].name));
  d->Stop();
  EXPECT_EQ(service_->active(), 0u);
  EXPECT_FALSE(service_->FileInUse(logs[1].name));
}

// --- GTID connects -------------------------------------------------------------------

ReplicaSession GtidSession(std::string state, bool strict = false) {
  ReplicaSession rs = Session();
  rs.slave_connect_state = std::move(state);
  rs.slave_gtid_strict_mode = strict;
  return rs;
}

uint32_t FdeCreated(const std::string& fde) {
  ByteReader r(std::string_view(fde).substr(19 + 2 + 50, 4));
  uint32_t ts = 0;
  EXPECT_TRUE(r.ReadU32(&ts).ok());
  return ts;
}

TEST_F(DumpThreadTest, GtidConnectWithEmptyStateStartsAtTheFirstFile) {
  files::Commit(writer_.get(), files::Txn(1));
  ASSERT_TRUE(writer_->FlushLogs().ok());
  files::Commit(writer_.get(), files::Txn(2));
  const auto logs = writer_->ListLogs();
  // The request's file and position do not matter.
  auto d = StartDump(service_.get(), Request(logs[1].name, 1000), GtidSession(""));
  auto packets = d->ReadToEnd();
  ASSERT_TRUE(d->WaitDone());
  auto f1 = FileEvents(Path(logs[0].name), true);
  ASSERT_GT(packets.size(), f1.size() + 1);
  EXPECT_EQ(packets[0].substr(1), FakeRotate(logs[0].name, 4, true, kSourceId));
  EXPECT_EQ(packets[1].substr(1), FdeAsSent(f1[0]));  // position reached: "created" kept
  EXPECT_NE(FdeCreated(f1[0]), 0u);
  EXPECT_EQ(packets.back(), kEof);
}

TEST_F(DumpThreadTest, GtidConnectSkipsTheGroupsTheReplicaHas) {
  files::Commit(writer_.get(), files::Txn(1));
  const auto g2 = files::Commit(writer_.get(), files::Txn(2));
  files::Commit(writer_.get(), files::Txn(3));
  const std::string f = First();
  auto d = StartDump(service_.get(), Request("", 4), GtidSession("0-7-2"));
  auto packets = d->ReadToEnd();
  ASSERT_TRUE(d->WaitDone());
  auto events = FileEvents(Path(f), true);  // FDE, Gtid_list, checkpoint, 3 x 3 group events
  ASSERT_EQ(events.size(), 3u + 9);
  ASSERT_EQ(packets.size(), 1 + 3 + 1 + 3 + 1u);
  EXPECT_EQ(packets[0].substr(1), FakeRotate(f, 4, true, kSourceId));
  const std::string fde = packets[1].substr(1);
  EXPECT_EQ(FdeCreated(fde), 0u);  // the replica may hold temporary tables
  EXPECT_EQ(Header(fde).log_pos, 256u);
  EXPECT_TRUE(CrcValid(fde));
  EXPECT_EQ(packets[2].substr(1), events[1]);
  EXPECT_EQ(packets[3].substr(1), events[2]);
  // Groups 1 and 2 are left out; a made-up Gtid_list then says where the
  // replica is.
  binlog::EventHeader h;
  h.type = binlog::kGtidListEvent;
  h.server_id = kSourceId;
  h.log_pos = static_cast<uint32_t>(g2.end.pos);
  h.flags = binlog::kLogEventArtificialF;
  binlog::GtidListEvent list;
  list.gtids = {binlog::Gtid{0, kSourceId, 2}};
  EXPECT_EQ(packets[4].substr(1), binlog::EncodeEvent(h, list.Encode(), ChecksumAlg::kCrc32));
  for (size_t i = 0; i < 3; i++) EXPECT_EQ(packets[5 + i].substr(1), events[9 + i]);
  EXPECT_EQ(packets.back(), kEof);
}

TEST_F(DumpThreadTest, GtidConnectStartsInTheFileWhoseGtidListCoversIt) {
  files::Commit(writer_.get(), files::Txn(1));
  files::Commit(writer_.get(), files::Txn(2));
  ASSERT_TRUE(writer_->FlushLogs().ok());
  files::Commit(writer_.get(), files::Txn(3));
  const auto logs = writer_->ListLogs();
  auto d = StartDump(service_.get(), Request("", 4), GtidSession("0-7-2"));
  auto packets = d->ReadToEnd();
  ASSERT_TRUE(d->WaitDone());
  auto f2 = FileEvents(Path(logs[1].name), true);
  ASSERT_EQ(packets.size(), 1 + f2.size() + 1);  // nothing to skip, no made-up Gtid_list
  EXPECT_EQ(packets[0].substr(1), FakeRotate(logs[1].name, 4, true, kSourceId));
  for (size_t i = 0; i < f2.size(); i++) {
    EXPECT_EQ(packets[1 + i].substr(1), i == 0 ? FdeAsSent(f2[0]) : f2[i]) << i;
  }
}

TEST_F(DumpThreadTest, GtidConnectToAMissingGtidIs1236) {
  files::Commit(writer_.get(), files::Txn(1));
  files::Commit(writer_.get(), files::Txn(2));
  auto d = StartDump(service_.get(), Request("", 4), GtidSession("0-7-99"));
  ExpectErr(d->Read(), 1236,
            "Error: connecting slave requested to start from GTID 0-7-99, which is not in the "
            "master's binlog");
  auto d2 = StartDump(service_.get(), Request("", 4), GtidSession("0-5-1"));
  ExpectErr(d2->Read(), 1236,
            "Error: connecting slave requested to start from GTID 0-5-1, which is not in the "
            "master's binlog. Since the master's binlog contains GTIDs with higher sequence "
            "numbers, it probably means that the slave has diverged due to executing extra "
            "erroneous transactions");
}

TEST_F(DumpThreadTest, GtidConnectBehindPurgedFilesIs1236) {
  files::Commit(writer_.get(), files::Txn(1));
  ASSERT_TRUE(writer_->FlushLogs().ok());
  files::Commit(writer_.get(), files::Txn(2));
  ASSERT_TRUE(writer_->FlushLogs().ok());
  ASSERT_TRUE(writer_->PurgeTo(writer_->ListLogs()[2].name).ok());
  auto d = StartDump(service_.get(), Request("", 4), GtidSession("0-7-1"));
  ExpectErr(d->Read(), 1236,
            "Could not find GTID state requested by slave in any binlog files. Probably the "
            "slave state is too old and required binlog files have been purged.");
}

TEST_F(DumpThreadTest, MalformedGtidConnectState) {
  auto d = StartDump(service_.get(), Request("", 4), GtidSession("0-1-5 "));
  ExpectErr(d->Read(), 1941, "Could not parse GTID list");
  auto d2 = StartDump(service_.get(), Request("", 4), GtidSession("0-1-5,0-2-6"));
  ExpectErr(d2->Read(), 1943, "GTID 0-2-6 and 0-1-5 conflict (duplicate domain id 0)");
  // Blanks before a number and a '+' are accepted, as by my_strtoll10.
  auto d3 = StartDump(service_.get(), Request("", 4), GtidSession("+0-7-0, 1-7-0"));
  EXPECT_EQ(d3->ReadEvent(), FakeRotate(First(), 4, true, kSourceId));
}

TEST_F(DumpThreadTest, GtidConnectIntoAHole) {
  files::Commit(writer_.get(), files::Txn(1));
  const auto g3 = files::Commit(writer_.get(), files::Txn(3));  // seq_no 2 never logged
  // Strict mode refuses to start in the hole.
  auto d = StartDump(service_.get(), Request("", 4), GtidSession("0-7-2", true));
  auto packets = d->ReadToEnd();
  ExpectErr(packets.back(), 1236,
            "The binlog on the master is missing the GTID 0-7-2 requested by the slave (even "
            "though both a prior and a subsequent sequence number does exist), and GTID strict "
            "mode is enabled");
  // Otherwise group 3 is sent, the made-up Gtid_list right after its Gtid.
  auto d2 = StartDump(service_.get(), Request("", 4), GtidSession("0-7-2"));
  packets = d2->ReadToEnd();
  const auto events = FileEvents(Path(First()), true);
  ASSERT_EQ(packets.size(), 1 + 3 + 1 + 1 + 2 + 1u);
  EXPECT_EQ(packets[4].substr(1), events[6]);  // Gtid 0-7-3
  const std::string list = packets[5].substr(1);
  EXPECT_EQ(Header(list).type, binlog::kGtidListEvent);
  EXPECT_EQ(Header(list).log_pos, g3.start.pos + events[6].size());
  EXPECT_EQ(packets[6].substr(1), events[7]);
}

TEST_F(DumpThreadTest, GtidConnectForADomainTheBinlogLacks) {
  files::Commit(writer_.get(), files::Txn(1));
  auto d = StartDump(service_.get(), Request("", 4), GtidSession("5-1-10"));
  auto packets = d->ReadToEnd();
  ASSERT_TRUE(d->WaitDone());
  const auto events = FileEvents(Path(First()), true);
  ASSERT_EQ(packets.size(), 1 + events.size() + 1);                    // everything of domain 0
  EXPECT_EQ(FdeCreated(packets[1].substr(1)), FdeCreated(events[0]));  // counts as reached
}

// --- capabilities ----------------------------------------------------------------

// A group with an Annotate_rows event and a standalone DDL, as MariaDB logs
// them, behind the file's Gtid_list and Binlog_checkpoint.
class CapabilityTest : public DumpThreadTest {
 protected:
  void SetUp() override {
    DumpThreadTest::SetUp();
    binlog::GtidEvent g;
    g.seq_no = 1;
    g.flags2 = binlog::kFlTransactional | binlog::kFlAllowParallel;
    auto q = binlog::QueryEvent::MariaDb("db", "INSERT INTO t VALUES (1)", 1, 0, 0, 0, {33, 33, 8});
    files::Commit(writer_.get(),
                  {files::Ev(binlog::kGtidEvent, g.Encode(), binlog::kLogEventSuppressUseF),
                   files::Ev(binlog::kAnnotateRowsEvent, "INSERT INTO t VALUES (1)"),
                   files::Ev(binlog::kQueryEvent, q.Encode()),
                   files::Ev(binlog::kXidEvent, binlog::XidEvent{1}.Encode())});
    binlog::GtidEvent ddl;
    ddl.seq_no = 2;
    ddl.flags2 = binlog::kFlStandalone | binlog::kFlDdl;
    auto c = binlog::QueryEvent::MariaDb("db", "CREATE TABLE t2 (a INT)", 1, 0, 0, 0, {33, 33, 8});
    files::Commit(writer_.get(),
                  {files::Ev(binlog::kGtidEvent, ddl.Encode(), binlog::kLogEventSuppressUseF),
                   files::Ev(binlog::kQueryEvent, c.Encode())});
    // Group commit: the Gtid carries a commit_id (40 bytes without CRC).
    binlog::GtidEvent gc;
    gc.seq_no = 3;
    gc.flags2 = binlog::kFlTransactional | binlog::kFlAllowParallel | binlog::kFlGroupCommitId;
    gc.commit_id = 9;
    files::Commit(writer_.get(),
                  {files::Ev(binlog::kGtidEvent, gc.Encode(), binlog::kLogEventSuppressUseF),
                   files::Ev(binlog::kQueryEvent, q.Encode()),
                   files::Ev(binlog::kXidEvent, binlog::XidEvent{2}.Encode())});
    file_ = FileEvents(Path(First()));
    ASSERT_EQ(file_.size(), 2u + 4 + 2 + 3);
  }

  // Events sent after the fake Rotate and the Format_description.
  std::vector<std::string> Dump(int capability, uint16_t flags = kBinlogDumpNonBlock) {
    auto d = StartDump(service_.get(), Request(First(), 4, flags), Session(capability));
    auto packets = d->ReadToEnd();
    EXPECT_TRUE(d->WaitDone());
    EXPECT_EQ(packets.back(), kEof);
    std::vector<std::string> out;
    for (size_t i = 2; i + 1 < packets.size(); i++) out.push_back(packets[i].substr(1));
    return out;
  }

  std::vector<std::string> file_;  // Gtid_list, Binlog_checkpoint, group, ddl, group
};

// What MariaDB puts in place of an event: same header but type, flags
// (SUPPRESS_USE set, THREAD_SPECIFIC clear) and body; CRC redone.
std::string Substitute(const std::string& original, uint8_t type, const std::string& body) {
  auto h = Header(original);
  std::string ev = RawEvent(h.timestamp, type, h.server_id, h.log_pos,
                            static_cast<uint16_t>((h.flags & ~0x4) | 0x8), body + "CRC!");
  EXPECT_EQ(ev.size(), original.size());
  const std::string data = ev.substr(0, ev.size() - 4);
  std::string crc;
  ByteWriter(&crc).U32(binlog::Crc32(data));
  return data + crc;
}

std::string EmptyQueryBody() { return std::string(13, '\0') + std::string(1, '\0'); }

std::string DummyQuery(const std::string& original) {
  const size_t comment_len = original.size() - 4 - 33;
  std::string text = "# Dummy event replacing event type " +
                     std::to_string(static_cast<uint8_t>(original[4])) +
                     " that slave cannot handle.";
  text.resize(comment_len, ' ');
  return Substitute(original, binlog::kQueryEvent, EmptyQueryBody() + text);
}

// Below 34 bytes (without CRC) the dummy is a NULL User_var named as much of
// "!dummyvar" as fits.
std::string DummyUserVar(const std::string& original) {
  const size_t name_len = original.size() - 4 - 24;
  std::string body;
  ByteWriter w(&body);
  w.U32(static_cast<uint32_t>(name_len));
  w.Bytes(std::string("!dummyvar").substr(0, name_len));
  w.U8(1);
  return Substitute(original, binlog::kUserVarEvent, body);
}

TEST_F(CapabilityTest, GtidCapableReplicaGetsEverythingButAnnotations) {
  auto sent = Dump(kCapabilityGtid);
  std::vector<std::string> expected = file_;
  expected.erase(expected.begin() + 3);  // Annotate_rows
  EXPECT_EQ(sent, expected);
}

TEST_F(CapabilityTest, AnnotationsWhenAskedFor) {
  EXPECT_EQ(Dump(kCapabilityGtid, kBinlogDumpNonBlock | kBinlogSendAnnotateRowsEvent), file_);
}

TEST_F(CapabilityTest, OldReplicaGetsSubstitutesOfTheSameSize) {
  auto sent = Dump(kCapabilityUnknown);
  ASSERT_EQ(sent.size(), file_.size());
  for (size_t i = 0; i < sent.size(); i++) {
    EXPECT_EQ(sent[i].size(), file_[i].size()) << i;
    EXPECT_EQ(Header(sent[i]).log_pos, Header(file_[i]).log_pos) << i;
    EXPECT_TRUE(CrcValid(sent[i])) << i;
  }
  EXPECT_EQ(sent[0], DummyUserVar(file_[0]));  // Gtid_list with no GTIDs: 29 bytes
  EXPECT_EQ(sent[1], DummyQuery(file_[1]));    // Binlog_checkpoint
  EXPECT_EQ(sent[2], Substitute(file_[2], binlog::kQueryEvent, EmptyQueryBody() + "BEGIN"));
  EXPECT_EQ(sent[3], DummyQuery(file_[3]));  // Annotate_rows
  EXPECT_EQ(sent[4], file_[4]);
  EXPECT_EQ(sent[5], file_[5]);
  EXPECT_EQ(sent[6], DummyQuery(file_[6]));  // standalone Gtid
  EXPECT_EQ(sent[7], file_[7]);
  // A Gtid with a commit_id is 2 bytes longer: an empty time_zone fills them.
  EXPECT_EQ(sent[8],
            Substitute(file_[8], binlog::kQueryEvent,
                       std::string(11, '\0') + std::string("\x02\x00\x05\x00\x00", 5) + "BEGIN"));
}

TEST_F(CapabilityTest, ReplicaThatToleratesHolesGetsNoDummies) {
  auto sent = Dump(kCapabilityTolerateHoles);
  const std::string begin = Substitute(file_[2], binlog::kQueryEvent, EmptyQueryBody() + "BEGIN");
  ASSERT_EQ(sent.size(), 7u);
  EXPECT_EQ(sent[0], begin);
  EXPECT_EQ(sent[1], file_[4]);
  EXPECT_EQ(sent[2], file_[5]);
  EXPECT_EQ(sent[3], file_[7]);  // the standalone Gtid is left out
}

TEST_F(CapabilityTest, BinlogCheckpointCapability) {
  auto sent = Dump(kCapabilityBinlogCheckpoint);
  ASSERT_EQ(sent.size(), 8u);
  EXPECT_EQ(sent[0], file_[1]);  // Binlog_checkpoint as is; Gtid_list left out
}

TEST_F(CapabilityTest, AnnotateCapabilityGetsAnnotationsAsIs) {
  auto sent = Dump(kCapabilityAnnotate);
  ASSERT_EQ(sent.size(), file_.size());
  EXPECT_EQ(sent[3], file_[3]);
  EXPECT_EQ(sent[0], DummyUserVar(file_[0]));
}

TEST_F(CapabilityTest, SkipReplicationFlag) {
  // Flag the DDL's Query (binlog written with @@skip_replication=1).
  files::Commit(
      writer_.get(),
      {files::Ev(
          binlog::kQueryEvent,
          binlog::QueryEvent::MariaDb("db", "DROP TABLE t9", 1, 0, 0, 0, {33, 33, 8}).Encode(),
          binlog::kLogEventSkipReplicationF)});
  auto rs = Session();
  rs.skip_replication = true;
  auto d = StartDump(service_.get(), Request(First(), 4), rs);
  auto packets = d->ReadToEnd();
  EXPECT_EQ(packets.size(), 2 + file_.size() - 1 + 1);    // no annotation, no flagged event
  EXPECT_EQ(Dump(kCapabilityGtid).size(), file_.size());  // sent when not asked to skip
}

// The bytes mariadbd 10.11.19 sent for the events of a small binlog
// (CREATE DATABASE; CREATE TABLE; INSERT of two rows into an InnoDB table),
// as the source's file holds them and as a replica of capability 0 got them.
struct GoldenEvent {
  uint32_t ts;
  uint8_t type;
  uint32_t log_pos;
  uint16_t flags;
  const char* body_hex;
};
const GoldenEvent kMariaDbFile[] = {
    {1795321735, 163, 285, 0, "000000000000f46b8099"},
    {1795321735, 161, 330, 0, "120000006d6172696164622d62696e2e3030303030315a974665"},
    {1795321741, 162, 372, 8, "0100000000000000000000002900000000000016c6b71d"},
    {1795321741, 2, 453, 8,
     "05000000000000000100001a0000000000010100002054000000000603737464042100210008006400637265"
     "617465206461746162617365206477492c12"},
    {1795321741, 162, 495, 8, "0200000000000000000000002900000000000086733a52"},
    {1795321741, 2, 616, 0,
     "050000000000000000000023000000000001010000205400000000060373746404210021000800810500000000"
     "00000000637265617465207461626c6520642e74286120696e74207072696d617279206b65792920656e67696e"
     "653d696e6e6f6462741deed9"},
    {1795321741, 162, 658, 8, "0300000000000000000000000c000000000000c4f76a61"},
    {1795321741, 160, 711, 0,
     "696e7365727420696e746f20642e742076616c756573202831292c28322911326d50"},
    {1795321741, 19, 752, 0, "12000000000001000164000174000103000038ae8020"},
    {1795321741, 23, 795, 0, "12000000000001000101fe01000000fe02000000fe4ca15a"},
    {1795321741, 16, 826, 0, "0600000000000000c0735b81"},
};
const GoldenEvent kMariaDbSentToCapability0[] = {
    {1795321735, 14, 285, 8, "010000002101b9b00b77"},
    {1795321735, 2, 330, 8, "0000000000000000000000000000232044756d6d79209a9f7802"},
    {1795321741, 2, 372, 8, "0000000000000000000000000000232044756dbe8d561d"},
    kMariaDbFile[3],
    {1795321741, 2, 495, 8, "0000000000000000000000000000232044756d87be8df1"},
    kMariaDbFile[5],
    {1795321741, 2, 658, 8, "0000000000000000000000000000424547494ebe43c2f3"},
    {1795321741, 2, 711, 8, "0000000000000000000000000000232044756d6d79206576656e7420726563f13411"},
    kMariaDbFile[8],
    kMariaDbFile[9],
    kMariaDbFile[10],
};

// The file's Format_description (closed: flags 0), and as mariadbd sent it to
// a dump starting at 616: log_pos and created zeroed, CRC redone.
const char kMariaDbFdeHex[] =
    "876f026b0f01000000fc000000000100000000040031302e31312e31392d4d6172696144422d302b6465623132"
    "75312d6c6f670000000000000000000000000000000000000000876f026b13380d000800120004040404120000"
    "e400041a08000000080808020000000a0a0a0000000000000a0a0a000000000000000000000000000000000000"
    "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
    "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
    "0000000000000000000000041304000d0808080a0a0a0145542ad9";
const char kMariaDbFdeSentMidFileHex[] =
    "876f026b0f01000000fc000000000000000000040031302e31312e31392d4d6172696144422d302b6465623132"
    "75312d6c6f6700000000000000000000000000000000000000000000000013380d000800120004040404120000"
    "e400041a08000000080808020000000a0a0a0000000000000a0a0a000000000000000000000000000000000000"
    "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
    "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
    "0000000000000000000000041304000d0808080a0a0a01571d9bbe";

std::string Golden(const GoldenEvent& e) {
  return RawEvent(e.ts, e.type, 1, e.log_pos, e.flags, Unhex(e.body_hex));
}

// A static binlog (no writer) in `dir`: index + one file holding `events`.
void WriteStaticBinlog(const TempDir& dir, const std::string& name,
                       const std::vector<std::string>& events) {
  std::string bytes(binlog::kBinlogMagic);
  bytes += Unhex(kMariaDbFdeHex);
  for (const auto& e : events) bytes += e;
  WriteFileBytes(dir.File(name), bytes);
  WriteFileBytes(dir.File("mariadb-bin.index"), "./" + name + "\n");
}

std::unique_ptr<BinlogDumpService> StaticService(const TempDir& dir) {
  DumpSourceInfo info;
  info.dir = dir.path();
  info.index_path = dir.File("mariadb-bin.index");
  info.server_id = 1;
  return std::make_unique<BinlogDumpService>(info, nullptr);
}

TEST(MariaDbGoldenTest, SubstitutionsMatchMariaDbBytes) {
  TempDir dir;
  std::vector<std::string> file;
  for (const auto& e : kMariaDbFile) file.push_back(Golden(e));
  WriteStaticBinlog(dir, "mariadb-bin.000001", file);
  auto service = StaticService(dir);
  auto d = StartDump(service.get(), Request("mariadb-bin.000001", 4), Session(0));
  auto packets = d->ReadToEnd();
  ASSERT_TRUE(d->WaitDone());
  ASSERT_EQ(packets.size(), 2 + std::size(kMariaDbSentToCapability0) + 1);
  // MariaDB's fake Rotate and Format_description, as captured.
  EXPECT_EQ(packets[0].substr(1),
            RawEvent(0, 4, 1, 0, 0x20,
                     Unhex("04000000000000006d6172696164622d62696e2e303030303031523c7354")));
  EXPECT_EQ(packets[1].substr(1), Unhex(kMariaDbFdeHex));
  EXPECT_EQ(packets.back(), kEof);
  for (size_t i = 0; i < std::size(kMariaDbSentToCapability0); i++) {
    EXPECT_EQ(packets[2 + i].substr(1), Golden(kMariaDbSentToCapability0[i])) << "event " << i;
  }
}

TEST(MariaDbGoldenTest, MidFileFormatDescriptionMatchesMariaDb) {
  TempDir dir;
  const std::string on_disk = Unhex(kMariaDbFdeHex);
  const std::string sent_mid = Unhex(kMariaDbFdeSentMidFileHex);
  std::vector<std::string> file;
  for (const auto& e : kMariaDbFile) file.push_back(Golden(e));
  WriteStaticBinlog(dir, "mariadb-bin.000001", file);
  auto service = StaticService(dir);
  auto d = StartDump(service.get(), Request("mariadb-bin.000001", 616), Session());
  auto packets = d->ReadToEnd();
  // As mariadbd sent them to a capability-4 replica.
  ASSERT_EQ(packets.size(), 2u + 4 + 1);
  EXPECT_EQ(packets[0].substr(1),
            RawEvent(0, 4, 1, 0, 0x20,
                     Unhex("68020000000000006d6172696164622d62696e2e303030303031ff76a7f0")));
  EXPECT_EQ(packets[1].substr(1), sent_mid);
  EXPECT_EQ(packets[2].substr(1), Golden(kMariaDbFile[6]));  // Gtid; no Annotate_rows
  EXPECT_EQ(packets[3].substr(1), Golden(kMariaDbFile[8]));
  EXPECT_EQ(packets.back(), kEof);
  // From 4 it goes out as on disk, in-use flag cleared.
  auto d4 = StartDump(service.get(), Request("mariadb-bin.000001", 4), Session());
  d4->ReadEvent();
  EXPECT_EQ(d4->ReadEvent(), FdeAsSent(on_disk));
}

// --- damaged files (static binlogs) ------------------------------------------------

class DamagedFileTest : public ::testing::Test {
 protected:
  // The file holds one good event and then `tail`; returns the ERR text.
  std::string DumpWithTail(const std::string& tail, uint64_t* tail_pos) {
    std::vector<std::string> events = {Golden(kMariaDbFile[0])};
    WriteStaticBinlog(dir_, "mariadb-bin.000001", events);
    std::string bytes = ReadFileBytes(dir_.File("mariadb-bin.000001"));
    *tail_pos = bytes.size();
    WriteFileBytes(dir_.File("mariadb-bin.000001"), bytes + tail);
    auto service = StaticService(dir_);
    auto d = StartDump(service.get(), Request("mariadb-bin.000001", 4), Session());
    auto packets = d->ReadToEnd();
    EXPECT_TRUE(d->WaitDone());
    EXPECT_EQ(packets.size(), 4u);  // fake Rotate, FDE, the good event, ERR
    Status s = wire::ParseErr(packets.back());
    EXPECT_EQ(s.mysql_errno(), 1236);
    return s.message();
  }
  std::string Coordinates(uint64_t pos, uint64_t last_byte) {
    return "; the first event 'mariadb-bin.000001' at 4, the last event read from "
           "'mariadb-bin.000001' at " +
           std::to_string(pos) + ", the last byte read from 'mariadb-bin.000001' at " +
           std::to_string(last_byte) + ".";
  }
  TempDir dir_;
};

TEST_F(DamagedFileTest, SizeBelowTheHeaderIsBogus) {
  uint64_t pos = 0;
  std::string bad = RawEvent(1, 2, 1, 0, 0, std::string(10, 'x'));
  bad[9] = 5;  // event_size 5
  const std::string err = DumpWithTail(bad, &pos);
  EXPECT_EQ(err, "bogus data in log event" + Coordinates(pos, pos + 19));
}

TEST_F(DamagedFileTest, HugeSizeExceedsMaxAllowedPacket) {
  uint64_t pos = 0;
  std::string bad = RawEvent(1, 2, 1, 0, 0, std::string(10, 'x'));
  bad[12] = 0x50;  // event_size ~1.3 GiB
  const std::string err = DumpWithTail(bad, &pos);
  EXPECT_EQ(err,
            "log event entry exceeded max_allowed_packet; Increase max_allowed_packet on master" +
                Coordinates(pos, pos + 19));
}

TEST_F(DamagedFileTest, CutEventIsTruncated) {
  uint64_t pos = 0;
  std::string ev = Golden(kMariaDbFile[3]);
  const std::string err = DumpWithTail(ev.substr(0, 30), &pos);
  EXPECT_EQ(err, "binlog truncated in the middle of event; consider out of disk space on master" +
                     Coordinates(pos, pos + 19));
}

TEST_F(DamagedFileTest, BadChecksum) {
  uint64_t pos = 0;
  std::string ev = Golden(kMariaDbFile[3]);
  ev[30] ^= 1;
  const std::string err = DumpWithTail(ev, &pos);
  EXPECT_EQ(err,
            "event read from binlog did not pass crc check" + Coordinates(pos, pos + ev.size()));
}

// --- the captured MariaDB fixture -------------------------------------------------

class FixtureTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* name :
         {"mariadb-bin.000001", "mariadb-bin.000002", "mariadb-bin.000003", "mariadb-bin.index"}) {
      std::filesystem::copy_file(binlog::testing::FixturePath(name), dir_.File(name));
    }
    service_ = StaticService(dir_);
  }
  TempDir dir_;
  std::unique_ptr<BinlogDumpService> service_;
};

TEST_F(FixtureTest, StreamsEveryFileOfARealMariaDbBinlog) {
  auto d = StartDump(service_.get(),
                     Request("", 4, kBinlogDumpNonBlock | kBinlogSendAnnotateRowsEvent), Session());
  auto packets = d->ReadToEnd();
  ASSERT_TRUE(d->WaitDone());
  EXPECT_TRUE(d->result.ok()) << d->result.ToString();
  std::vector<std::string> expected;
  bool crc = true;  // @master_binlog_checksum, then each file's setting
  for (const char* name : {"mariadb-bin.000001", "mariadb-bin.000002", "mariadb-bin.000003"}) {
    expected.push_back(FakeRotate(name, 4, crc, 1));
    auto events = FileEvents(dir_.File(name), true);
    expected.push_back(FdeAsSent(events[0]));
    expected.insert(expected.end(), events.begin() + 1, events.end());
    crc = binlog::PeekFdeChecksum(events[0])->alg == ChecksumAlg::kCrc32;
  }
  EXPECT_FALSE(crc);  // the third file has no checksums
  ASSERT_EQ(packets.size(), expected.size() + 1);
  for (size_t i = 0; i < expected.size(); i++) {
    EXPECT_EQ(packets[i].substr(1), expected[i]) << "packet " << i;
  }
  EXPECT_EQ(packets.back(), kEof);
}

TEST_F(FixtureTest, GtidConnectWithoutAWriterReadsTheStateFromTheFiles) {
  auto d = StartDump(service_.get(), Request("", 4, kBinlogDumpNonBlock), GtidSession("0-1-20"));
  auto packets = d->ReadToEnd();
  ASSERT_TRUE(d->WaitDone());
  EXPECT_TRUE(d->result.ok()) << d->result.ToString();
  // After the made-up Gtid_list [0-1-20], the next group is 0-1-21.
  auto made_up_list = [](const std::string& p) {
    const auto h = Header(p.substr(1));
    return h.type == binlog::kGtidListEvent && h.flags == binlog::kLogEventArtificialF;
  };
  size_t i = 0;
  while (i + 1 < packets.size() && !made_up_list(packets[i])) i++;
  ASSERT_LT(i + 1, packets.size());
  const std::string gtid = packets[i + 1].substr(1);
  ASSERT_EQ(Header(gtid).type, binlog::kGtidEvent);
  ByteReader r(std::string_view(gtid).substr(19, 8));
  uint64_t seq = 0;
  ASSERT_TRUE(r.ReadU64(&seq).ok());
  EXPECT_EQ(seq, 21u);
}

TEST_F(FixtureTest, OldReplicaKeepsEveryPosition) {
  auto d = StartDump(service_.get(), Request("mariadb-bin.000001", 4), Session(0));
  auto packets = d->ReadToEnd();
  ASSERT_TRUE(d->WaitDone());
  auto events = FileEvents(dir_.File("mariadb-bin.000001"), true);
  // fake Rotate, then every event of file 1 in place (its own Rotate last).
  for (size_t i = 0; i < events.size(); i++) {
    const std::string sent = packets.at(1 + i).substr(1);
    EXPECT_EQ(sent.size(), events[i].size()) << i;
    EXPECT_EQ(Header(sent).log_pos, Header(events[i]).log_pos) << i;
    const uint8_t type = Header(sent).type;
    EXPECT_TRUE(type < 160) << "MariaDB event type " << int(type) << " sent to a MySQL replica";
    EXPECT_TRUE(CrcValid(sent)) << i;
  }
  EXPECT_EQ(packets.back(), kEof);
}

}  // namespace
}  // namespace relaydb::source
