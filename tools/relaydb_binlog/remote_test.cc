// The dump stream side of -R, against a fake server: packets built from the
// fixture files as a MariaDB source sends them (fake Rotate, Format_description,
// the file's events, a fake Rotate for the next file, ...).
#include "relaydb_binlog/remote.h"

#include <gtest/gtest.h>

#include <deque>

#include "binlog/control_events.h"
#include "binlog/event_format.h"
#include "binlog/event_header.h"
#include "common/bytes.h"
#include "relaydb_binlog/tool_test_util.h"

namespace relaydb::binlog_tool {
namespace {

using test_util::FixturePath;
using test_util::ReadFile;
using test_util::ScratchDir;

class FakeServer : public PacketSource {
 public:
  Status ReadPacket(std::string* payload) override {
    if (packets_.empty()) return Status::ConnectionClosed();
    *payload = packets_.front();
    packets_.pop_front();
    return Status::Ok();
  }
  void Event(const std::string& bytes) { packets_.push_back(std::string(1, '\0') + bytes); }
  void Eof() { packets_.push_back(std::string("\xfe\x00\x00\x02\x00", 5)); }
  void Err(uint16_t code, const std::string& msg) {
    std::string p = "\xff";
    ByteWriter w(&p);
    w.U16(code);
    w.Bytes("#HY000");
    w.Bytes(msg);
    packets_.push_back(p);
  }

  // The fake Rotate a source sends when a dump starts or moves on.
  void FakeRotate(const std::string& file, binlog::ChecksumAlg alg) {
    binlog::RotateEvent rot;
    rot.position = 4;
    rot.next_log = file;
    binlog::EventHeader h;
    h.type = binlog::kRotateEvent;
    h.server_id = 1;
    h.flags = binlog::kLogEventArtificialF;
    Event(binlog::EncodeEvent(h, rot.Encode(), alg));
  }
  // Every event of a fixture file, as a source sends them from position 4.
  void FileEvents(const std::string& bytes) {
    size_t pos = 4;
    while (pos + binlog::kHeaderSize <= bytes.size()) {
      const uint32_t size = static_cast<uint8_t>(bytes[pos + 9]) |
                            static_cast<uint8_t>(bytes[pos + 10]) << 8 |
                            static_cast<uint8_t>(bytes[pos + 11]) << 16 |
                            static_cast<uint32_t>(static_cast<uint8_t>(bytes[pos + 12])) << 24;
      Event(bytes.substr(pos, size));
      pos += size;
    }
  }
  void Heartbeat(const std::string& file) {
    binlog::EventHeader h;
    h.type = binlog::kHeartbeatEvent;
    h.server_id = 1;
    h.log_pos = 738;
    Event(binlog::EncodeEvent(h, file, binlog::ChecksumAlg::kCrc32));
  }

 private:
  std::deque<std::string> packets_;
};

const std::string kFile1 = "mariadb-bin.000001";
const std::string kFile2 = "mariadb-bin.000002";
const std::string kFile3 = "mariadb-bin.000003";

// A dump of files 1 to 3 (--to-last-log), fake Rotates with and without CRC.
void ServeAll(FakeServer* s) {
  s->FakeRotate(kFile1, binlog::ChecksumAlg::kCrc32);
  s->FileEvents(ReadFile(FixturePath(kFile1)));
  s->FakeRotate(kFile2, binlog::ChecksumAlg::kCrc32);
  s->FileEvents(ReadFile(FixturePath(kFile2)));
  s->FakeRotate(kFile3, binlog::ChecksumAlg::kOff);
  s->Heartbeat(kFile3);
  s->FileEvents(ReadFile(FixturePath(kFile3)));
  s->Heartbeat(kFile3);
  s->Eof();
}

TEST(RawWriterTest, CopiesEveryFileByteForByte) {
  ScratchDir dir;
  FakeServer server;
  ServeAll(&server);
  RawWriter writer(dir.path(), kFile1, /*to_last_log=*/true, /*verify=*/true);
  Status st = ReadDumpStream(&server, [&](std::string_view e) { return writer.OnEvent(e); });
  ASSERT_TRUE(st.ok()) << st.ToString();
  ASSERT_EQ(writer.files().size(), 3u);
  for (const std::string& f : {kFile1, kFile2, kFile3}) {
    EXPECT_EQ(ReadFile(dir.File(f)), ReadFile(FixturePath(f))) << f;
  }
}

TEST(RawWriterTest, WithoutToLastLogStopsAtTheNextFile) {
  ScratchDir dir;
  FakeServer server;
  ServeAll(&server);
  RawWriter writer(dir.File("copy-"), kFile1, /*to_last_log=*/false, /*verify=*/true);
  Status st = ReadDumpStream(&server, [&](std::string_view e) { return writer.OnEvent(e); });
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_EQ(writer.files(), std::vector<std::string>{dir.File("copy-" + kFile1)});
  EXPECT_EQ(ReadFile(dir.File("copy-" + kFile1)), ReadFile(FixturePath(kFile1)));
}

TEST(StreamDecoderTest, PositionsFollowTheFiles) {
  FakeServer server;
  ServeAll(&server);
  StreamDecoder decoder(kFile1, 4, true);
  std::vector<std::pair<std::string, uint64_t>> seen;
  Status st = ReadDumpStream(&server, [&](std::string_view bytes) -> Result<StreamFlow> {
    ToolEvent ev;
    RETURN_IF_ERROR(decoder.Decode(bytes, &ev));
    if (ev.type() != binlog::kHeartbeatEvent && !IsFakeRotate(ev)) {
      seen.emplace_back(ev.file, ev.pos);
      // A real event ends where its header says.
      EXPECT_EQ(ev.pos + ev.bytes.size(), ev.header().log_pos) << ev.file << " " << ev.pos;
    }
    return StreamFlow::kContinue;
  });
  ASSERT_TRUE(st.ok()) << st.ToString();
  ASSERT_FALSE(seen.empty());
  EXPECT_EQ(seen.front(), std::make_pair(kFile1, uint64_t{4}));
  EXPECT_EQ(seen.back(), std::make_pair(kFile3, uint64_t{719}));  // the Stop event
}

TEST(DumpStreamTest, ServerErrorIsReturned) {
  FakeServer server;
  server.Err(1236, "Could not find first log file name in binary log index file");
  Status st = ReadDumpStream(
      &server, [](std::string_view) -> Result<StreamFlow> { return StreamFlow::kContinue; });
  EXPECT_TRUE(st.IsSqlError());
  EXPECT_EQ(st.mysql_errno(), 1236);
  EXPECT_EQ(st.message(), "Could not find first log file name in binary log index file");
}

TEST(DumpStreamTest, RequestLayouts) {
  DumpRequest req;
  req.log_name = "b.000001";
  req.position = 0x01020304;
  req.flags = kBinlogDumpNonBlock | kBinlogSendAnnotateRows;
  req.server_id = 65535;
  EXPECT_EQ(EncodeBinlogDump(req),
            std::string("\x04\x03\x02\x01\x03\x00\xff\xff\x00\x00", 10) + "b.000001");
  EXPECT_EQ(EncodeRegisterSlave(7), std::string("\x07\x00\x00\x00"
                                                "\x00\x00\x00"
                                                "\x00\x00"
                                                "\x00\x00\x00\x00"
                                                "\x00\x00\x00\x00",
                                                17));
}

}  // namespace
}  // namespace relaydb::binlog_tool
