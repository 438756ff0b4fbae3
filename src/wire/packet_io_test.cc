// PacketConn over socketpairs: framing, 16 MiB splitting, sequence ids,
// max_allowed_packet, timeouts, peer close.
#include <gtest/gtest.h>

#include <thread>

#include "wire/packet_io.h"
#include "wire/protocol.h"
#include "wire/wire_test_util.h"

namespace relaydb::wire {
namespace {

using testing::Frame;
using testing::SocketPair;
using testing::WriteRaw;

// Reads exactly `n` bytes from `fd`.
std::string ReadRawExactly(int fd, size_t n) {
  std::string out(n, '\0');
  size_t got = 0;
  while (got < n) {
    ssize_t r = ::recv(fd, out.data() + got, n - got, 0);
    if (r <= 0) break;
    got += static_cast<size_t>(r);
  }
  out.resize(got);
  return out;
}

std::string Pattern(size_t n) {
  std::string s(n, '\0');
  for (size_t i = 0; i < n; i++) s[i] = static_cast<char>((i * 131 + 7) & 0xff);
  return s;
}

TEST(PacketConnTest, SmallPacketsRoundTrip) {
  SocketPair sp;
  PacketConn writer(sp.fds[0]);
  PacketConn reader(sp.fds[1]);
  ASSERT_TRUE(writer.WritePacket("hello").ok());
  ASSERT_TRUE(writer.WritePacket("").ok());
  ASSERT_TRUE(writer.WritePacket(std::string(300, 'x')).ok());
  EXPECT_EQ(writer.sequence(), 3);
  ASSERT_TRUE(writer.Flush().ok());
  std::string p;
  ASSERT_TRUE(reader.ReadPacket(&p).ok());
  EXPECT_EQ(p, "hello");
  ASSERT_TRUE(reader.ReadPacket(&p).ok());
  EXPECT_EQ(p, "");
  ASSERT_TRUE(reader.ReadPacket(&p).ok());
  EXPECT_EQ(p, std::string(300, 'x'));
  EXPECT_EQ(reader.sequence(), 3);
  EXPECT_EQ(writer.bytes_written(), 4u + 5 + 4 + 4 + 300);
}

TEST(PacketConnTest, HeaderBytesOnTheWire) {
  SocketPair sp;
  PacketConn writer(sp.fds[0]);
  writer.set_sequence(7);
  ASSERT_TRUE(writer.WritePacketAndFlush("abc").ok());
  EXPECT_EQ(ReadRawExactly(sp.fds[1], 7), std::string("\x03\x00\x00\x07" "abc", 7));
}

TEST(PacketConnTest, ExactChunkSizeIsFollowedByEmptyPacket) {
  SocketPair sp;
  const std::string payload = Pattern(kMaxPacketChunk);
  std::thread t([&] {
    PacketConn writer(sp.fds[0]);
    EXPECT_TRUE(writer.WritePacketAndFlush(payload).ok());
    EXPECT_EQ(writer.sequence(), 2);
  });
  std::string raw = ReadRawExactly(sp.fds[1], 4 + kMaxPacketChunk + 4);
  t.join();
  ASSERT_EQ(raw.size(), 4 + kMaxPacketChunk + 4);
  EXPECT_EQ(raw.substr(0, 4), std::string("\xff\xff\xff\x00", 4));
  EXPECT_TRUE(raw.compare(4, kMaxPacketChunk, payload) == 0);
  EXPECT_EQ(raw.substr(4 + kMaxPacketChunk), std::string("\x00\x00\x00\x01", 4));
}

TEST(PacketConnTest, LargePayloadsAreSplitAndReassembled) {
  for (size_t size : {kMaxPacketChunk - 1, kMaxPacketChunk, kMaxPacketChunk + 1,
                      size_t{16} * 1024 * 1024 + 100, 2 * kMaxPacketChunk}) {
    SocketPair sp;
    const std::string payload = Pattern(size);
    std::thread t([&] {
      PacketConn writer(sp.fds[0]);
      writer.set_sequence(250);  // chunk sequence ids wrap around
      EXPECT_TRUE(writer.WritePacketAndFlush(payload).ok());
    });
    PacketConn reader(sp.fds[1]);
    reader.set_sequence(250);
    reader.set_max_allowed_packet(64 * 1024 * 1024);
    std::string got;
    Status st = reader.ReadPacket(&got);
    t.join();
    ASSERT_TRUE(st.ok()) << size << ": " << st.ToString();
    EXPECT_EQ(got.size(), size);
    EXPECT_TRUE(got == payload) << size;
    const size_t chunks = size / kMaxPacketChunk + 1;
    EXPECT_EQ(reader.sequence(), static_cast<uint8_t>(250 + chunks)) << size;
  }
}

TEST(PacketConnTest, PipelinedPacketsAreReadFromTheBuffer) {
  SocketPair sp;
  std::string stream;
  for (int i = 0; i < 1000; i++) stream += Frame("packet " + std::to_string(i), static_cast<uint8_t>(i));
  WriteRaw(sp.fds[0], stream);
  PacketConn reader(sp.fds[1]);
  std::string p;
  for (int i = 0; i < 1000; i++) {
    ASSERT_TRUE(reader.ReadPacket(&p).ok());
    EXPECT_EQ(p, "packet " + std::to_string(i));
    if (i == 0) {
      EXPECT_TRUE(reader.HasBufferedInput());
    }
  }
  EXPECT_EQ(reader.bytes_read(), stream.size());
}

TEST(PacketConnTest, WrongSequenceIdIsRejected) {
  SocketPair sp;
  WriteRaw(sp.fds[0], Frame("abc", 5));
  PacketConn reader(sp.fds[1]);
  std::string p;
  Status st = reader.ReadPacket(&p);
  EXPECT_TRUE(st.IsSqlError());
  EXPECT_EQ(st.mysql_errno(), kErNetPacketsOutOfOrder);
  EXPECT_EQ(st.sqlstate(), "08S01");
  EXPECT_EQ(st.message(), "Got packets out of order");
  // The stream is out of step now.
  EXPECT_EQ(reader.ReadPacket(&p).code(), Status::Code::kProtocolError);
}

TEST(PacketConnTest, WrongSequenceIdInSecondChunkIsRejected) {
  SocketPair sp;
  std::thread t([&] {
    WriteRaw(sp.fds[0], Frame(std::string(kMaxPacketChunk, 'a'), 0));
    WriteRaw(sp.fds[0], Frame("tail", 9));
  });
  PacketConn reader(sp.fds[1]);
  reader.set_max_allowed_packet(0);
  std::string p;
  Status st = reader.ReadPacket(&p);
  t.join();
  EXPECT_EQ(st.mysql_errno(), kErNetPacketsOutOfOrder);
}

TEST(PacketConnTest, OversizedPacketIsRejectedLikeMariadb) {
  SocketPair sp;
  PacketConn writer(sp.fds[0]);
  PacketConn reader(sp.fds[1]);
  reader.set_max_allowed_packet(1024);
  // MariaDB with max_allowed_packet=1024 accepts a 1023-byte payload and
  // rejects a 1024-byte one (measured with PyMySQL).
  ASSERT_TRUE(writer.WritePacketAndFlush(std::string(1023, 'q')).ok());
  std::string p;
  ASSERT_TRUE(reader.ReadPacket(&p).ok());
  ASSERT_TRUE(writer.WritePacketAndFlush(std::string(1024, 'q')).ok());
  Status st = reader.ReadPacket(&p);
  EXPECT_TRUE(st.IsSqlError());
  EXPECT_EQ(st.mysql_errno(), kErNetPacketTooLarge);
  EXPECT_EQ(st.sqlstate(), "08S01");
  EXPECT_EQ(st.message(), "Got a packet bigger than 'max_allowed_packet' bytes");
  EXPECT_TRUE(p.empty());
  // Writing still works (the server sends its ERR packet before closing).
  EXPECT_TRUE(reader.WritePacketAndFlush("err").ok());
}

TEST(PacketConnTest, OversizedMultiChunkPacketIsRejectedBeforeReadingIt) {
  SocketPair sp;
  // Only the first chunk's header is needed to know it is too big.
  WriteRaw(sp.fds[0], std::string("\xff\xff\xff\x00", 4));
  PacketConn reader(sp.fds[1]);
  reader.set_max_allowed_packet(1024 * 1024);
  std::string p;
  Status st = reader.ReadPacket(&p);
  EXPECT_EQ(st.mysql_errno(), kErNetPacketTooLarge);
}

TEST(PacketConnTest, ReadTimeoutIsDistinctAndRecoverable) {
  SocketPair sp;
  PacketConn reader(sp.fds[1]);
  reader.SetReadTimeout(50);
  std::string p;
  Status st = reader.ReadPacket(&p);
  EXPECT_TRUE(IsTimeout(st)) << st.ToString();
  EXPECT_EQ(st.code(), Status::Code::kIoError);
  // A partial header does not break the stream either.
  WriteRaw(sp.fds[0], std::string("\x02\x00", 2));
  st = reader.ReadPacket(&p);
  EXPECT_TRUE(IsTimeout(st)) << st.ToString();
  WriteRaw(sp.fds[0], std::string("\x00\x00hi", 4));
  ASSERT_TRUE(reader.ReadPacket(&p).ok());
  EXPECT_EQ(p, "hi");
  EXPECT_FALSE(IsTimeout(Status::IoError("disk full")));
}

TEST(PacketConnTest, TimeoutInsideAPacketBreaksTheStream) {
  SocketPair sp;
  PacketConn reader(sp.fds[1]);
  reader.SetReadTimeout(50);
  WriteRaw(sp.fds[0], std::string("\x05\x00\x00\x00" "ab", 6));
  std::string p;
  EXPECT_TRUE(IsTimeout(reader.ReadPacket(&p)));
  EXPECT_EQ(reader.ReadPacket(&p).code(), Status::Code::kProtocolError);
}

TEST(PacketConnTest, PeerCloseGivesConnectionClosed) {
  SocketPair sp;
  PacketConn reader(sp.fds[1]);
  WriteRaw(sp.fds[0], Frame("last", 0));
  sp.CloseSide(0);
  std::string p;
  ASSERT_TRUE(reader.ReadPacket(&p).ok());
  Status st = reader.ReadPacket(&p);
  EXPECT_TRUE(st.IsConnectionClosed());
  EXPECT_EQ(st.message(), "connection closed");
}

TEST(PacketConnTest, PeerCloseInsideAPacket) {
  SocketPair sp;
  PacketConn reader(sp.fds[1]);
  WriteRaw(sp.fds[0], std::string("\x0a\x00\x00\x00" "abc", 7));
  sp.CloseSide(0);
  std::string p;
  Status st = reader.ReadPacket(&p);
  EXPECT_TRUE(st.IsConnectionClosed());
  EXPECT_NE(st.message().find("middle"), std::string::npos);
}

TEST(PacketConnTest, WriteToClosedPeerFailsWithoutSigpipe) {
  SocketPair sp;
  PacketConn writer(sp.fds[0]);
  sp.CloseSide(1);
  Status st = writer.WritePacketAndFlush(std::string(200000, 'z'));
  EXPECT_FALSE(st.ok());
  EXPECT_TRUE(st.IsConnectionClosed()) << st.ToString();
}

TEST(PacketConnTest, ShutdownUnblocksAReader) {
  SocketPair sp;
  PacketConn reader(sp.fds[1]);
  std::thread t([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    reader.Shutdown();
  });
  std::string p;
  Status st = reader.ReadPacket(&p);
  t.join();
  EXPECT_TRUE(st.IsConnectionClosed()) << st.ToString();
}

TEST(PacketConnTest, OwnedFdIsClosed) {
  int fds[2];
  ASSERT_EQ(::socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
  { PacketConn owner(fds[0], /*owns_fd=*/true); }
  char c = 0;
  EXPECT_EQ(::recv(fds[1], &c, 1, 0), 0);  // peer sees EOF
  ::close(fds[1]);
}

}  // namespace
}  // namespace relaydb::wire
