// PacketConn: MySQL packet framing over a connected stream socket.
//
// Implements "MySQL packets" of MariaDB's Client/Server protocol: each
// physical packet is a 3-byte little-endian payload length, a 1-byte sequence
// id, then the payload. A logical payload of N bytes travels as
// floor(N / 0xffffff) full chunks of 0xffffff bytes followed by one chunk of
// N % 0xffffff bytes (possibly empty), each chunk with the next sequence id.
// See docs/wire_protocol.md ("Framing").
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "common/status.h"

namespace relaydb::wire {

// The messages of the IoError statuses PacketConn returns when a configured
// read or write timeout expires; test with IsTimeout().
inline constexpr std::string_view kReadTimeoutMessage = "read timeout";
inline constexpr std::string_view kWriteTimeoutMessage = "write timeout";

// True if `s` is the IoError a PacketConn returns when its read or write
// timeout expired (e.g. the replica's slave_net_timeout).
bool IsTimeout(const Status& s);

class PacketConn {
 public:
  // Wraps the connected stream socket `fd` (TCP or a socketpair). If
  // `owns_fd`, the destructor closes it; otherwise the caller keeps
  // ownership and must keep `fd` open while this object is used.
  // The socket may be blocking or non-blocking; timeouts use poll(2).
  explicit PacketConn(int fd, bool owns_fd = false);
  ~PacketConn();
  PacketConn(const PacketConn&) = delete;
  PacketConn& operator=(const PacketConn&) = delete;

  // Reads one logical packet into `*payload` (replacing its contents),
  // reassembling 0xffffff-byte chunks. Outcomes:
  //  * ok: the payload (possibly empty);
  //  * ConnectionClosed: the peer closed the connection (before a packet:
  //    "connection closed"; inside one: "... in the middle of a packet") or
  //    reset it;
  //  * SqlError 1156 (08S01) "Got packets out of order": a chunk's sequence
  //    id is not sequence();
  //  * SqlError 1153 (08S01) "Got a packet bigger than 'max_allowed_packet'
  //    bytes": the payload would reach max_allowed_packet() bytes (MariaDB
  //    rejects a payload whose length is >= the limit);
  //  * IoError kReadTimeoutMessage: no data within the read timeout. If that
  //    happens before any byte of the packet was consumed the connection is
  //    still usable, otherwise it is broken;
  //  * IoError: any other socket error.
  // After a framing error (1153, 1156, timeout mid-packet) the input stream
  // is out of step: further reads return ProtocolError. Writes still work,
  // so the caller can send its ERR packet before closing.
  Status ReadPacket(std::string* payload);

  // Queues `payload` as one logical packet, using (and advancing) the
  // sequence id for each chunk. A payload whose size is a multiple of
  // 0xffffff (including exactly 0xffffff) is followed by an empty chunk.
  // Small packets are buffered until Flush(); big ones are written at once
  // (after what is already buffered). Returns an IoError/ConnectionClosed
  // status if a write fails, or IoError kWriteTimeoutMessage on timeout.
  Status WritePacket(std::string_view payload);
  // Writes everything buffered by WritePacket.
  Status Flush();
  // WritePacket followed by Flush.
  Status WritePacketAndFlush(std::string_view payload);

  // The sequence id the next packet read or written must carry / will carry.
  uint8_t sequence() const { return seq_; }
  // Starts a new command: the next packet has sequence id 0.
  void ResetSequence() { seq_ = 0; }
  void set_sequence(uint8_t seq) { seq_ = seq; }

  // Limit for ReadPacket (see there). 0 means no limit.
  // Default: kDefaultMaxAllowedPacket (16 MiB, MariaDB's default).
  void set_max_allowed_packet(size_t bytes) { max_allowed_packet_ = bytes; }
  size_t max_allowed_packet() const { return max_allowed_packet_; }

  // Timeouts for each wait for the socket to become readable / writable, in
  // milliseconds; <= 0 waits forever (the default).
  void SetReadTimeout(int timeout_ms) { read_timeout_ms_ = timeout_ms; }
  void SetWriteTimeout(int timeout_ms) { write_timeout_ms_ = timeout_ms; }
  int read_timeout_ms() const { return read_timeout_ms_; }
  // Before blocking for input, keep trying to read for up to `us`
  // microseconds (0: block at once). Spent where a slow wake-up costs others.
  void SetSpinBeforeBlock(int us) { spin_us_ = us; }

  // True if bytes already received are waiting in the read buffer (the peer
  // pipelined another packet).
  bool HasBufferedInput() const { return rend_ > rpos_; }

  // shutdown(2)s both directions so that a ReadPacket/Flush blocked in
  // another thread returns (ConnectionClosed). The only method that may be
  // called concurrently with the others. Does not close the fd.
  void Shutdown();

  int fd() const { return fd_; }
  uint64_t bytes_read() const { return bytes_read_; }
  uint64_t bytes_written() const { return bytes_written_; }

 private:
  // Makes at least `n` (<= kReadBufferSize) bytes available in the read buffer.
  Status FillAtLeast(size_t n, bool at_packet_start);
  // Reads exactly `n` bytes into `dst`, from the buffer first.
  Status ReadBody(char* dst, size_t n);
  // One recv(2) of up to `cap` bytes, honouring the read timeout.
  Status RecvSome(char* dst, size_t cap, size_t* got, bool at_packet_start);
  // Writes all of `a` then `b`.
  Status SendAll(std::string_view a, std::string_view b);
  Status WaitFor(short events, int timeout_ms);

  static constexpr size_t kReadBufferSize = 64 * 1024;
  static constexpr size_t kWriteBufferSize = 64 * 1024;

  const int fd_;
  const bool owns_fd_;
  uint8_t seq_ = 0;
  size_t max_allowed_packet_;
  int read_timeout_ms_ = 0;
  int spin_us_ = 0;
  int write_timeout_ms_ = 0;
  bool read_broken_ = false;

  std::unique_ptr<char[]> rbuf_;
  size_t rpos_ = 0;  // first unread byte in rbuf_
  size_t rend_ = 0;  // one past the last received byte in rbuf_
  std::string wbuf_;

  uint64_t bytes_read_ = 0;
  uint64_t bytes_written_ = 0;
};

}  // namespace relaydb::wire
