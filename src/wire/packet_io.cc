// PacketConn: buffered MySQL packet framing over a socket. See packet_io.h
// and docs/wire_protocol.md ("Framing").
#include "wire/packet_io.h"

#include <poll.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>

#include "wire/protocol.h"

namespace relaydb::wire {

namespace {

Status ErrnoStatus(const char* what, int err) {
  if (err == ECONNRESET || err == EPIPE || err == ENOTCONN) {
    return Status::ConnectionClosed(std::string(what) + ": " + std::strerror(err));
  }
  return Status::IoError(std::string(what) + ": " + std::strerror(err));
}

Status PacketTooLarge() {
  return Status::SqlError(kErNetPacketTooLarge, "08S01",
                          "Got a packet bigger than 'max_allowed_packet' bytes");
}

Status OutOfOrder() {
  return Status::SqlError(kErNetPacketsOutOfOrder, "08S01", "Got packets out of order");
}

}  // namespace

bool IsTimeout(const Status& s) {
  return s.code() == Status::Code::kIoError &&
         (s.message() == kReadTimeoutMessage || s.message() == kWriteTimeoutMessage);
}

PacketConn::PacketConn(int fd, bool owns_fd)
    : fd_(fd),
      owns_fd_(owns_fd),
      max_allowed_packet_(kDefaultMaxAllowedPacket),
      rbuf_(new char[kReadBufferSize]) {}

PacketConn::~PacketConn() {
  if (owns_fd_ && fd_ >= 0) ::close(fd_);
}

void PacketConn::Shutdown() {
  if (fd_ >= 0) ::shutdown(fd_, SHUT_RDWR);
}

// Waits until the socket is ready for `events` or `timeout_ms` passes
// (<= 0: no wait at all is needed, the caller only polls when it has a
// timeout or the socket said EAGAIN; -1 blocks).
Status PacketConn::WaitFor(short events, int timeout_ms) {
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + std::chrono::milliseconds(std::max(timeout_ms, 0));
  for (;;) {
    int wait_ms = -1;
    if (timeout_ms > 0) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
      wait_ms = static_cast<int>(std::max<int64_t>(left.count(), 0));
    }
    struct pollfd pfd = {fd_, events, 0};
    int r = ::poll(&pfd, 1, wait_ms);
    if (r > 0) return Status::Ok();  // readable/writable, or an error/hangup recv/send will report
    if (r == 0) {
      return Status::IoError(
          std::string(events == POLLIN ? kReadTimeoutMessage : kWriteTimeoutMessage));
    }
    if (errno != EINTR) return ErrnoStatus("poll", errno);
  }
}

Status PacketConn::RecvSome(char* dst, size_t cap, size_t* got, bool at_packet_start) {
  if (spin_us_ > 0) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::microseconds(spin_us_);
    do {
      ssize_t n = ::recv(fd_, dst, cap, MSG_DONTWAIT);
      if (n > 0) {
        *got = static_cast<size_t>(n);
        bytes_read_ += static_cast<uint64_t>(n);
        return Status::Ok();
      }
      if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) break;
    } while (std::chrono::steady_clock::now() < until);
  }
  for (;;) {
    if (read_timeout_ms_ > 0) RETURN_IF_ERROR(WaitFor(POLLIN, read_timeout_ms_));
    ssize_t n = ::recv(fd_, dst, cap, 0);
    if (n > 0) {
      *got = static_cast<size_t>(n);
      bytes_read_ += static_cast<uint64_t>(n);
      return Status::Ok();
    }
    if (n == 0) {
      return Status::ConnectionClosed(at_packet_start ? "connection closed"
                                                      : "connection closed in the middle of a packet");
    }
    if (errno == EINTR) continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK) {
      RETURN_IF_ERROR(WaitFor(POLLIN, read_timeout_ms_ > 0 ? read_timeout_ms_ : -1));
      continue;
    }
    return ErrnoStatus("recv", errno);
  }
}

Status PacketConn::FillAtLeast(size_t n, bool at_packet_start) {
  while (rend_ - rpos_ < n) {
    if (rpos_ == rend_) {
      rpos_ = rend_ = 0;
    } else if (kReadBufferSize - rpos_ < n) {
      std::memmove(rbuf_.get(), rbuf_.get() + rpos_, rend_ - rpos_);
      rend_ -= rpos_;
      rpos_ = 0;
    }
    size_t got = 0;
    // Bytes already buffered belong to this packet: a close now is mid-packet.
    bool nothing_buffered = at_packet_start && rend_ == rpos_;
    RETURN_IF_ERROR(RecvSome(rbuf_.get() + rend_, kReadBufferSize - rend_, &got, nothing_buffered));
    rend_ += got;
  }
  return Status::Ok();
}

Status PacketConn::ReadBody(char* dst, size_t n) {
  while (n > 0) {
    if (rend_ > rpos_) {
      size_t take = std::min(n, rend_ - rpos_);
      std::memcpy(dst, rbuf_.get() + rpos_, take);
      rpos_ += take;
      dst += take;
      n -= take;
      continue;
    }
    size_t got = 0;
    if (n >= kReadBufferSize / 2) {
      // Large remainder: receive straight into the destination.
      RETURN_IF_ERROR(RecvSome(dst, n, &got, false));
      dst += got;
      n -= got;
    } else {
      rpos_ = rend_ = 0;
      RETURN_IF_ERROR(RecvSome(rbuf_.get(), kReadBufferSize, &got, false));
      rend_ = got;
    }
  }
  return Status::Ok();
}

Status PacketConn::ReadPacket(std::string* payload) {
  payload->clear();
  if (read_broken_) {
    return Status::ProtocolError("connection input is out of step after an earlier framing error");
  }
  for (bool first_chunk = true;; first_chunk = false) {
    Status st = FillAtLeast(kPacketHeaderSize, first_chunk);
    if (!st.ok()) {
      // A header is consumed only once complete, so a timeout while waiting
      // for the first one leaves the stream intact and the read can be retried.
      if (!(IsTimeout(st) && first_chunk)) read_broken_ = true;
      return st;
    }
    const auto* h = reinterpret_cast<const uint8_t*>(rbuf_.get() + rpos_);
    size_t len = h[0] | (static_cast<size_t>(h[1]) << 8) | (static_cast<size_t>(h[2]) << 16);
    uint8_t seq = h[3];
    if (seq != seq_) {
      read_broken_ = true;
      return OutOfOrder();
    }
    if (max_allowed_packet_ != 0 && payload->size() + len >= max_allowed_packet_) {
      read_broken_ = true;
      return PacketTooLarge();
    }
    rpos_ += kPacketHeaderSize;
    seq_++;
    size_t old = payload->size();
    payload->resize(old + len);
    st = ReadBody(payload->data() + old, len);
    if (!st.ok()) {
      read_broken_ = true;
      payload->clear();
      return st;
    }
    if (len < kMaxPacketChunk) return Status::Ok();
  }
}

Status PacketConn::SendAll(std::string_view a, std::string_view b) {
  struct iovec iov[2];
  iov[0] = {const_cast<char*>(a.data()), a.size()};
  iov[1] = {const_cast<char*>(b.data()), b.size()};
  int first = 0;
  const int count = 2;
  while (first < count) {
    if (iov[first].iov_len == 0) {
      first++;
      continue;
    }
    if (write_timeout_ms_ > 0) RETURN_IF_ERROR(WaitFor(POLLOUT, write_timeout_ms_));
    struct msghdr msg = {};
    msg.msg_iov = iov + first;
    msg.msg_iovlen = static_cast<size_t>(count - first);
    ssize_t n = ::sendmsg(fd_, &msg, MSG_NOSIGNAL);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN || errno == EWOULDBLOCK) {
        RETURN_IF_ERROR(WaitFor(POLLOUT, write_timeout_ms_ > 0 ? write_timeout_ms_ : -1));
        continue;
      }
      return ErrnoStatus("send", errno);
    }
    bytes_written_ += static_cast<uint64_t>(n);
    size_t left = static_cast<size_t>(n);
    while (left > 0 && first < count) {
      size_t take = std::min(left, iov[first].iov_len);
      iov[first].iov_base = static_cast<char*>(iov[first].iov_base) + take;
      iov[first].iov_len -= take;
      left -= take;
      if (iov[first].iov_len == 0) first++;
    }
  }
  return Status::Ok();
}

Status PacketConn::WritePacket(std::string_view payload) {
  size_t off = 0;
  for (;;) {
    const size_t n = std::min(payload.size() - off, kMaxPacketChunk);
    const char header[kPacketHeaderSize] = {
        static_cast<char>(n & 0xff), static_cast<char>((n >> 8) & 0xff),
        static_cast<char>((n >> 16) & 0xff), static_cast<char>(seq_++)};
    wbuf_.append(header, kPacketHeaderSize);
    std::string_view chunk = payload.substr(off, n);
    if (wbuf_.size() + n <= kWriteBufferSize) {
      wbuf_.append(chunk);
    } else {
      Status st = SendAll(wbuf_, chunk);
      wbuf_.clear();
      RETURN_IF_ERROR(st);
    }
    off += n;
    if (n < kMaxPacketChunk) break;
  }
  if (wbuf_.size() >= kWriteBufferSize) return Flush();
  return Status::Ok();
}

Status PacketConn::Flush() {
  if (wbuf_.empty()) return Status::Ok();
  Status st = SendAll(wbuf_, {});
  wbuf_.clear();
  return st;
}

Status PacketConn::WritePacketAndFlush(std::string_view payload) {
  RETURN_IF_ERROR(WritePacket(payload));
  return Flush();
}

}  // namespace relaydb::wire
