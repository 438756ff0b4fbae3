// IoThread against (1) an in-process fake source speaking the replication
// protocol (deterministic failures: bad checksums, silence, disconnects,
// refused registration, equal server ids, fatal dump errors) and (2) a real
// MariaDB 10.11 source started by the test (skipped if mariadbd is not
// installed): the relay log must hold exactly the source's binlog events,
// across a restart of the source.
#include "replica/io_thread.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <mutex>
#include <set>
#include <thread>

#include "binlog/binlog_index.h"
#include "common/bytes.h"
#include "replica/fetch_test_util.h"
#include "wire/auth.h"
#include "wire/handshake.h"
#include "wire/messages.h"
#include "wire/packet_io.h"
#include "wire/protocol.h"
#include "wire/resultset.h"

namespace relaydb::replica {
namespace {

using binlog::ChecksumAlg;
using binlog::LogPosition;
using testing::HeaderOf;
using testing::ReadFileBytes;
using testing::SourceBinlog;
using testing::SplitEvents;
using testing::TempDir;
using testing::TypeOf;

constexpr uint32_t kOurId = 2;

bool Eventually(const std::function<bool()>& pred, int ms = 15000) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
  while (std::chrono::steady_clock::now() < deadline) {
    if (pred()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return pred();
}

// ---------------------------------------------------------------------------
// A fake source: one connection at a time, the queries and commands a
// MariaDB replica sends, and a binlog dump served from in-memory files.
// ---------------------------------------------------------------------------

class FakeSource {
 public:
  struct Config {
    uint32_t server_id = 1;
    std::string password = "secret";
    ChecksumAlg alg = ChecksumAlg::kCrc32;
    bool refuse_register = false;
    int heartbeat_ms = 0;     // 0: silent when caught up
    std::string dump_error;   // answer every dump with ERR 1236 and this text
  };
  struct Dump {
    std::string file;
    uint64_t pos = 0;
    uint16_t flags = 0;
    uint32_t server_id = 0;
  };

  explicit FakeSource(Config config) : config_(std::move(config)) {
    listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr = {};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int one = 1;
    ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::listen(listen_fd_, 8) != 0) {
      std::abort();
    }
    socklen_t len = sizeof addr;
    ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { AcceptLoop(); });
  }

  ~FakeSource() {
    stop_ = true;
    ::shutdown(listen_fd_, SHUT_RDWR);
    {
      std::lock_guard l(mu_);
      if (conn_fd_ >= 0) ::shutdown(conn_fd_, SHUT_RDWR);
      cv_.notify_all();
    }
    thread_.join();
    ::close(listen_fd_);
  }

  uint16_t port() const { return port_; }

  // A binlog file: its events in order, the first being its FDE at 4.
  void AddFile(const std::string& name, const std::vector<std::string>& events) {
    std::lock_guard l(mu_);
    File f{name, {}};
    uint64_t pos = 4;
    for (const std::string& e : events) {
      f.events.push_back({pos, e});
      pos += e.size();
    }
    files_.push_back(std::move(f));
    cv_.notify_all();
  }
  // More events at the end of the last file (a live source).
  void Append(const std::vector<std::string>& events) {
    std::lock_guard l(mu_);
    File& f = files_.back();
    uint64_t pos = f.events.empty() ? 4 : f.events.back().first + f.events.back().second.size();
    for (const std::string& e : events) {
      f.events.push_back({pos, e});
      pos += e.size();
    }
    cv_.notify_all();
  }
  // The next `times` streams damage the event ending at `log_pos`.
  void Corrupt(uint64_t log_pos, int times) {
    std::lock_guard l(mu_);
    corrupt_pos_ = log_pos;
    corrupt_times_ = times;
  }
  // The first event (the artificial Rotate) of the next `times` streams is
  // damaged.
  void CorruptFirst(int times) {
    std::lock_guard l(mu_);
    corrupt_first_times_ = times;
  }
  // The current stream is cut right after the event ending at `log_pos`.
  void DisconnectAfter(uint64_t log_pos) {
    std::lock_guard l(mu_);
    disconnect_pos_ = log_pos;
  }
  // Closes the connection being served (a crash of the network).
  void DropConnection() {
    std::lock_guard l(mu_);
    if (conn_fd_ >= 0) ::shutdown(conn_fd_, SHUT_RDWR);
  }

  std::vector<Dump> dumps() {
    std::lock_guard l(mu_);
    return dumps_;
  }
  std::vector<std::string> queries() {
    std::lock_guard l(mu_);
    return queries_;
  }
  std::vector<std::string> registrations() {
    std::lock_guard l(mu_);
    return registrations_;
  }
  int connections() {
    std::lock_guard l(mu_);
    return connections_;
  }
  uint16_t last_peer_port() {
    std::lock_guard l(mu_);
    return peer_port_;
  }

 private:
  struct File {
    std::string name;
    std::vector<std::pair<uint64_t, std::string>> events;  // (start, bytes)
  };

  void AcceptLoop() {
    while (!stop_) {
      sockaddr_in peer = {};
      socklen_t plen = sizeof peer;
      const int fd = ::accept4(listen_fd_, reinterpret_cast<sockaddr*>(&peer), &plen, SOCK_CLOEXEC);
      if (fd < 0) {
        if (stop_) return;
        continue;
      }
      int one = 1;
      ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
      {
        std::lock_guard l(mu_);
        connections_++;
        peer_port_ = ntohs(peer.sin_port);
        conn_fd_ = fd;
      }
      {
        wire::PacketConn conn(fd, /*owns_fd=*/false);
        conn.SetReadTimeout(20000);
        Serve(conn);
      }
      std::lock_guard l(mu_);
      conn_fd_ = -1;
      ::close(fd);
    }
  }

  bool Handshake(wire::PacketConn& conn) {
    const std::string scramble = *wire::GenerateScramble();
    if (!conn.WritePacketAndFlush(wire::BuildHandshakeV10(
                 "5.5.5-10.11.19-MariaDB-fake-log", 42, scramble, wire::kDefaultServerCapabilities,
                 45, wire::kServerStatusAutocommit, wire::kNativePasswordPlugin))
             .ok()) {
      return false;
    }
    std::string p;
    if (!conn.ReadPacket(&p).ok()) return false;
    auto resp = wire::ParseHandshakeResponse41(p);
    if (!resp.ok()) return false;
    if (!wire::VerifyNative(wire::NativePasswordHash(config_.password), scramble,
                            resp->auth_response)) {
      (void)conn.WritePacketAndFlush(wire::ErrPacket(
          1045, "28000",
          "Access denied for user '" + resp->user + "'@'localhost' (using password: YES)"));
      return false;
    }
    return conn.WritePacketAndFlush(wire::OkPacket(0, 0, wire::kServerStatusAutocommit, 0)).ok();
  }

  void SendRow(wire::PacketConn& conn, const std::vector<std::string>& names,
               const std::vector<std::string>& values) {
    std::vector<ColumnMeta> cols;
    std::vector<Value> row;
    for (size_t i = 0; i < names.size(); i++) {
      ColumnMeta c;
      c.name = c.org_name = names[i];
      c.length = 64;
      cols.push_back(c);
      row.push_back(Value::String(values[i]));
    }
    (void)conn.WritePacket(wire::EncodeColumnCount(cols.size()));
    for (const auto& c : cols) (void)conn.WritePacket(wire::EncodeColumnDefinition41(c));
    (void)conn.WritePacket(wire::EofPacket(0, wire::kServerStatusAutocommit));
    (void)conn.WritePacket(wire::EncodeTextRow(cols, row));
    (void)conn.WritePacketAndFlush(wire::EofPacket(0, wire::kServerStatusAutocommit));
  }

  void Serve(wire::PacketConn& conn) {
    if (!Handshake(conn)) return;
    std::string p;
    while (!stop_) {
      conn.ResetSequence();
      if (!conn.ReadPacket(&p).ok() || p.empty()) return;
      const uint8_t cmd = static_cast<uint8_t>(p[0]);
      const std::string arg = p.substr(1);
      if (cmd == wire::kComQuit) return;
      if (cmd == wire::kComQuery) {
        {
          std::lock_guard l(mu_);
          queries_.push_back(arg);
        }
        if (arg == "SELECT UNIX_TIMESTAMP()") {
          SendRow(conn, {"UNIX_TIMESTAMP()"}, {std::to_string(std::time(nullptr) - 5)});
        } else if (arg == "SHOW VARIABLES LIKE 'SERVER_ID'") {
          SendRow(conn, {"Variable_name", "Value"}, {"server_id", std::to_string(config_.server_id)});
        } else if (arg.rfind("SELECT binlog_gtid_pos(", 0) == 0) {
          SendRow(conn, {"binlog_gtid_pos"}, {"0-1-5"});
        } else if (arg == "SELECT @master_binlog_checksum") {
          SendRow(conn, {"@master_binlog_checksum"},
                  {config_.alg == ChecksumAlg::kCrc32 ? "CRC32" : "NONE"});
        } else {
          (void)conn.WritePacketAndFlush(wire::OkPacket(0, 0, wire::kServerStatusAutocommit, 0));
        }
      } else if (cmd == wire::kComRegisterSlave) {
        {
          std::lock_guard l(mu_);
          registrations_.push_back(arg);
        }
        if (config_.refuse_register) {
          (void)conn.WritePacketAndFlush(wire::ErrPacket(
              1045, "28000", "Access denied for user 'repl'@'%' (using password: YES)"));
        } else {
          (void)conn.WritePacketAndFlush(wire::OkPacket(0, 0, wire::kServerStatusAutocommit, 0));
        }
      } else if (cmd == wire::kComBinlogDump) {
        ByteReader r(arg);
        uint32_t pos = 0, sid = 0;
        uint16_t flags = 0;
        if (!r.ReadU32(&pos).ok() || !r.ReadU16(&flags).ok() || !r.ReadU32(&sid).ok()) return;
        Dump d{std::string(r.ReadRest()), pos, flags, sid};
        {
          std::lock_guard l(mu_);
          dumps_.push_back(d);
        }
        Stream(conn, d);
        return;
      } else {
        (void)conn.WritePacketAndFlush(wire::ErrPacket(1047, "08S01", "Unknown command"));
      }
    }
  }

  // The FDE as sent to a replica starting past 4: log_pos 0, created 0.
  std::string MidFileFde(const std::string& fde) const {
    std::string e = fde;
    std::memset(&e[binlog::kHeaderSize + 2 + binlog::kServerVersionSize], 0, 4);
    binlog::PatchLogPos(&e, 0, true);
    return e;
  }

  bool Send(wire::PacketConn& conn, const std::string& event) {
    return conn.WritePacketAndFlush(std::string(1, '\0') + event).ok();
  }

  std::string FakeRotate(const std::string& file, uint64_t pos) const {
    binlog::EventHeader h;
    h.type = binlog::kRotateEvent;
    h.server_id = config_.server_id;
    h.flags = binlog::kLogEventArtificialF;
    return binlog::EncodeEvent(h, binlog::RotateEvent{pos, file}.Encode(), config_.alg);
  }

  void Stream(wire::PacketConn& conn, const Dump& d) {
    std::unique_lock l(mu_);
    if (!config_.dump_error.empty()) {
      l.unlock();
      (void)conn.WritePacketAndFlush(wire::ErrPacket(1236, "HY000", config_.dump_error));
      return;
    }
    size_t fi = 0;
    if (!d.file.empty()) {
      while (fi < files_.size() && files_[fi].name != d.file) fi++;
      if (fi == files_.size()) {
        l.unlock();
        (void)conn.WritePacketAndFlush(wire::ErrPacket(
            1236, "HY000", "Could not find first log file name in binary log index file"));
        return;
      }
    }
    uint64_t pos = d.pos < 4 ? 4 : d.pos;
    bool corrupted_this_stream = false;
    while (!stop_) {
      // Start of a file: fake Rotate, then its FDE.
      const File& f = files_[fi];
      std::string rotate = FakeRotate(f.name, pos);
      if (corrupt_first_times_ > 0 && !corrupted_this_stream) {
        corrupt_first_times_--;
        corrupted_this_stream = true;
        rotate[binlog::kHeaderSize + 1] ^= 0x5a;
      }
      std::string fde = pos == 4 ? f.events[0].second : MidFileFde(f.events[0].second);
      l.unlock();
      if (!Send(conn, rotate) || !Send(conn, fde)) return;
      l.lock();
      size_t ei = 0;
      while (ei < files_[fi].events.size() && files_[fi].events[ei].first < std::max<uint64_t>(pos, 5)) ei++;
      // Send everything, then wait for more (heartbeats) or the next file.
      while (!stop_) {
        if (ei < files_[fi].events.size()) {
          std::string ev = files_[fi].events[ei].second;
          const uint64_t end = files_[fi].events[ei].first + ev.size();
          if (end == corrupt_pos_ && corrupt_times_ > 0 && !corrupted_this_stream) {
            corrupt_times_--;
            corrupted_this_stream = true;
            ev[binlog::kHeaderSize + 1] ^= 0x5a;
          }
          const bool cut = end == disconnect_pos_;
          if (cut) disconnect_pos_ = 0;
          ei++;
          l.unlock();
          if (!Send(conn, ev)) return;
          if (cut) {
            ::shutdown(conn.fd(), SHUT_RDWR);
            return;
          }
          l.lock();
          continue;
        }
        if (fi + 1 < files_.size()) break;  // on to the next file
        const int wait_ms = config_.heartbeat_ms > 0 ? config_.heartbeat_ms : 50;
        cv_.wait_for(l, std::chrono::milliseconds(wait_ms));
        // The replica closed the connection?
        pollfd pfd = {conn.fd(), POLLIN, 0};
        if (::poll(&pfd, 1, 0) > 0) return;
        if (config_.heartbeat_ms > 0 && ei == files_[fi].events.size()) {
          const auto& last = files_[fi].events.back();
          binlog::EventHeader h;
          h.type = binlog::kHeartbeatEvent;
          h.server_id = config_.server_id;
          h.flags = binlog::kLogEventArtificialF;
          std::string hb = binlog::EncodeEvent(h, files_[fi].name, config_.alg);
          binlog::PatchLogPos(&hb, static_cast<uint32_t>(last.first + last.second.size()),
                              config_.alg == ChecksumAlg::kCrc32);
          l.unlock();
          if (!Send(conn, hb)) return;
          l.lock();
        }
      }
      fi++;
      pos = 4;
    }
  }

  const Config config_;
  int listen_fd_ = -1;
  uint16_t port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread thread_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<File> files_;
  int conn_fd_ = -1;
  int connections_ = 0;
  uint16_t peer_port_ = 0;
  uint64_t corrupt_pos_ = 0;
  int corrupt_times_ = 0;
  uint64_t disconnect_pos_ = 0;
  int corrupt_first_times_ = 0;
  std::vector<Dump> dumps_;
  std::vector<std::string> queries_;
  std::vector<std::string> registrations_;
};

// The I/O thread has read everything of `file` (file and position: a
// position alone can exist in both files).
bool AtEndOf(const IoThread& io, const SourceBinlog& file) {
  const IoStatus s = io.status();
  return s.master_log_file == file.name() && s.read_master_log_pos == file.pos();
}

// The source's events a relay log holds, in order, without what the
// replica or the dump thread made up (log_pos 0: artificial Rotates, FDEs
// repeated mid-file).
std::vector<std::string> StoredSourceEvents(const RelayLog& relay) {
  std::vector<std::string> out;
  auto idx = binlog::BinlogIndex::Load(relay.index_path());
  EXPECT_TRUE(idx.ok());
  for (const std::string& f : idx->files()) {
    for (std::string& e : SplitEvents(ReadFileBytes(relay.dir() + "/" + f))) {
      const binlog::EventHeader h = HeaderOf(e);
      if (h.server_id != kOurId && h.log_pos != 0) out.push_back(std::move(e));
    }
  }
  return out;
}

// Two source binlog files: three transactions and a Rotate, then two more.
struct TwoFiles {
  SourceBinlog a{"mysql-bin.000001"};
  SourceBinlog b{"mysql-bin.000002"};
  std::vector<std::string> a_events, b_events;
  std::vector<uint64_t> a_group_ends;

  TwoFiles() {
    a_events = {a.Fde(), a.GtidList(), a.Checkpoint()};
    for (uint64_t i = 1; i <= 3; i++) {
      for (auto& e : a.Transaction(i, "INSERT INTO t VALUES (" + std::to_string(i) + ")")) {
        a_events.push_back(e);
      }
      a_group_ends.push_back(a.pos());
    }
    a_events.push_back(a.Rotate("mysql-bin.000002"));
    b_events = {b.Fde(0), b.GtidList(), b.Checkpoint()};
    for (uint64_t i = 4; i <= 5; i++) {
      for (auto& e : b.Transaction(i, "INSERT INTO t VALUES (" + std::to_string(i) + ")")) {
        b_events.push_back(e);
      }
    }
  }
  void Serve(FakeSource* src) const {
    src->AddFile(a.name(), a_events);
    src->AddFile(b.name(), b_events);
  }
  std::vector<std::string> All() const {
    std::vector<std::string> all = a_events;
    all.insert(all.end(), b_events.begin(), b_events.end());
    return all;
  }
};

class IoThreadFakeSourceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    RelayLogOptions o;
    o.dir = dir_.path();
    o.basename = "replica-relay-bin";
    o.server_id = kOurId;
    auto r = RelayLog::Open(o);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    relay_ = std::move(r).value();
    proc_ = std::make_shared<ProcessEntry>(9);
  }

  IoThreadConfig Config(uint16_t port) {
    IoThreadConfig c;
    c.master_info.host = "127.0.0.1";
    c.master_info.port = port;
    c.master_info.user = "repl";
    c.master_info.password = "secret";
    c.master_info.connect_retry = 1;
    c.master_info_path = dir_.path() + "/master.info";
    c.server_id = kOurId;
    c.report_host = "replica.example";
    c.report_port = 3307;
    c.slave_net_timeout = 10;
    c.relay = relay_.get();
    c.proc = proc_;
    return c;
  }

  TempDir dir_;
  std::unique_ptr<RelayLog> relay_;
  std::shared_ptr<ProcessEntry> proc_;
};

TEST_F(IoThreadFakeSourceTest, CopiesTheStreamIntoTheRelayLog) {
  FakeSource src({});
  TwoFiles files;
  files.Serve(&src);
  IoThreadConfig cfg = Config(src.port());
  cfg.master_info.heartbeat_period = 30;
  IoThread io(cfg);
  ASSERT_TRUE(io.Start().ok());
  ASSERT_TRUE(Eventually([&] {
    IoStatus s = io.status();
    return s.master_log_file == "mysql-bin.000002" && s.read_master_log_pos == files.b.pos();
  })) << io.status().master_log_file << " " << io.status().read_master_log_pos;
  EXPECT_EQ(StoredSourceEvents(*relay_), files.All());

  IoStatus st = io.status();
  EXPECT_TRUE(Eventually([&] { return io.status().state == IoState::kWaitingForEvent; }));
  EXPECT_EQ(io.status().state_text, "Waiting for master to send event");
  EXPECT_EQ(st.running, IoRunning::kYes);
  EXPECT_EQ(st.master_server_id, 1u);
  EXPECT_EQ(st.master_checksum, ChecksumAlg::kCrc32);
  EXPECT_EQ(st.master_version, "10.11.19-MariaDB-fake-log");
  EXPECT_GE(st.clock_diff_with_master, 4);  // the fake source's clock is 5 s behind
  EXPECT_LE(st.clock_diff_with_master, 7);
  EXPECT_EQ(st.last_io_errno, 0u);
  EXPECT_EQ(st.master_gtid_pos, "0-1-5");
  ProcessEntry::Snapshot p = proc_->Read();
  EXPECT_EQ(p.command, "Slave_IO");
  EXPECT_EQ(p.user, "system user");
  EXPECT_EQ(p.state, "Waiting for master to send event");

  // What a MariaDB 10.11 replica sends, in order.
  EXPECT_EQ(src.queries(), (std::vector<std::string>{
                               "SELECT UNIX_TIMESTAMP()", "SHOW VARIABLES LIKE 'SERVER_ID'",
                               "SET @master_heartbeat_period= 30000001024",
                               "SET @master_binlog_checksum= @@global.binlog_checksum",
                               "SELECT @master_binlog_checksum", "SET @mariadb_slave_capability=4",
                               "SELECT binlog_gtid_pos('',4)"}));
  ASSERT_EQ(src.registrations().size(), 1u);
  std::string reg;
  ByteWriter w(&reg);
  w.U32(kOurId);
  w.U8(15);
  w.Bytes("replica.example");
  w.U8(0);
  w.U8(0);
  w.U16(3307);
  w.U32(0);
  w.U32(0);
  EXPECT_EQ(src.registrations()[0], reg);
  ASSERT_EQ(src.dumps().size(), 1u);
  EXPECT_EQ(src.dumps()[0].file, "");
  EXPECT_EQ(src.dumps()[0].pos, 4u);
  EXPECT_EQ(src.dumps()[0].flags, 0);
  EXPECT_EQ(src.dumps()[0].server_id, kOurId);
  // Seed 000: an ephemeral local port, not a fixed one.
  EXPECT_NE(src.last_peer_port(), 0);
  EXPECT_NE(src.last_peer_port(), src.port());

  // A live source: new events are copied as they come.
  std::vector<std::string> more;
  for (auto& e : files.b.Transaction(6, "INSERT INTO t VALUES (6)")) more.push_back(e);
  src.Append(more);
  ASSERT_TRUE(Eventually([&] { return AtEndOf(io, files.b); }));
  std::vector<std::string> all = files.All();
  all.insert(all.end(), more.begin(), more.end());
  EXPECT_EQ(StoredSourceEvents(*relay_), all);
  EXPECT_EQ(io.status().events_queued, all.size() + 2);  // + the two artificial Rotates

  io.Stop();
  EXPECT_FALSE(io.running());
  EXPECT_EQ(io.status().state_text, "");
  EXPECT_EQ(io.status().running, IoRunning::kNo);
  EXPECT_EQ(proc_->Read().state, "");
  // master.info, written at group ends and durably at exit.
  auto mi = ReadMasterInfo(dir_.path() + "/master.info");
  ASSERT_TRUE(mi.ok() && mi->has_value()) << mi.status().ToString();
  EXPECT_EQ((*mi)->master_log_file, "mysql-bin.000002");
  EXPECT_EQ((*mi)->read_master_log_pos, files.b.pos());
  EXPECT_EQ((*mi)->host, "127.0.0.1");
  EXPECT_DOUBLE_EQ((*mi)->heartbeat_period, 30);
}

TEST_F(IoThreadFakeSourceTest, RestartContinuesFromTheRelayLogsEnd) {
  FakeSource src({});
  TwoFiles files;
  files.Serve(&src);
  {
    IoThread io(Config(src.port()));
    ASSERT_TRUE(io.Start().ok());
    ASSERT_TRUE(Eventually([&] { return AtEndOf(io, files.b); }));
    io.Stop();
  }
  // START SLAVE again, with master.info from the file; then with a stale
  // master.info: the relay log's end wins either way.
  for (int round = 0; round < 2; round++) {
    IoThreadConfig cfg = Config(src.port());
    auto mi = ReadMasterInfo(cfg.master_info_path);
    ASSERT_TRUE(mi.ok() && mi->has_value());
    cfg.master_info = **mi;
    if (round == 1) cfg.master_info.read_master_log_pos = 4;
    IoThread io(cfg);
    ASSERT_TRUE(io.Start().ok());
    ASSERT_TRUE(Eventually([&] { return static_cast<int>(src.dumps().size()) == round + 2; }));
    EXPECT_EQ(src.dumps().back().file, "mysql-bin.000002");
    EXPECT_EQ(src.dumps().back().pos, files.b.pos());
    ASSERT_TRUE(Eventually([&] { return io.status().state == IoState::kWaitingForEvent; }));
    io.Stop();
  }
  EXPECT_EQ(StoredSourceEvents(*relay_), files.All());
}

TEST_F(IoThreadFakeSourceTest, HeartbeatsAreCountedNotStored) {
  FakeSource::Config c;
  c.heartbeat_ms = 30;
  FakeSource src(c);
  TwoFiles files;
  files.Serve(&src);
  IoThreadConfig cfg = Config(src.port());
  cfg.master_info.heartbeat_period = 0.03;
  cfg.slave_net_timeout = 1;  // heartbeats keep the connection alive
  IoThread io(cfg);
  ASSERT_TRUE(io.Start().ok());
  ASSERT_TRUE(Eventually([&] { return io.status().heartbeats_received >= 5; }));
  EXPECT_NE(io.status().last_heartbeat_time, 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  EXPECT_EQ(src.connections(), 1);  // never timed out
  EXPECT_EQ(src.queries()[2], "SET @master_heartbeat_period= 30000000");
  io.Stop();
  for (const std::string& e : StoredSourceEvents(*relay_)) {
    EXPECT_NE(TypeOf(e), binlog::kHeartbeatEvent);
  }
  EXPECT_EQ(StoredSourceEvents(*relay_), files.All());
}

TEST_F(IoThreadFakeSourceTest, BadChecksumReconnectsFromTheLastGoodEvent) {
  FakeSource src({});
  TwoFiles files;
  files.Serve(&src);
  // The Query of transaction 2 arrives damaged.
  const uint64_t bad_end = HeaderOf(files.a_events[7]).log_pos;
  const uint64_t good_end = HeaderOf(files.a_events[6]).log_pos;
  src.Corrupt(bad_end, 1);
  IoThread io(Config(src.port()));
  ASSERT_TRUE(io.Start().ok());
  ASSERT_TRUE(Eventually([&] { return AtEndOf(io, files.b); }));
  EXPECT_EQ(io.status().last_io_errno, 0u);  // a successful reconnect clears it
  auto dumps = src.dumps();
  ASSERT_EQ(dumps.size(), 2u);
  EXPECT_EQ(dumps[1].file, "mysql-bin.000001");
  EXPECT_EQ(dumps[1].pos, good_end);  // the end of the last good event
  io.Stop();
  EXPECT_EQ(StoredSourceEvents(*relay_), files.All());  // nothing lost, nothing twice
}

TEST_F(IoThreadFakeSourceTest, RepeatedBadChecksumsWaitConnectRetry) {
  FakeSource src({});
  TwoFiles files;
  files.Serve(&src);
  // The first event of two streams in a row is damaged: the first reconnect
  // is immediate, the second waits connect_retry (1 s) showing the error.
  src.CorruptFirst(2);
  IoThread io(Config(src.port()));
  ASSERT_TRUE(io.Start().ok());
  ASSERT_TRUE(Eventually([&] {
    IoStatus s = io.status();
    return s.last_io_errno == 1743 && s.state == IoState::kWaitingToReconnectAfterRead;
  }));
  EXPECT_EQ(io.status().last_io_error,
            "Replication event checksum verification failed while reading from network");
  EXPECT_EQ(io.status().state_text, "Waiting to reconnect after a failed master event read");
  EXPECT_EQ(io.status().running, IoRunning::kConnecting);
  ASSERT_TRUE(Eventually([&] { return AtEndOf(io, files.b); }));
  EXPECT_EQ(src.dumps().size(), 3u);
  io.Stop();
  EXPECT_EQ(StoredSourceEvents(*relay_), files.All());
}

TEST_F(IoThreadFakeSourceTest, DisconnectInsideAGroupResumesExactly) {
  FakeSource src({});
  TwoFiles files;
  files.Serve(&src);
  // Cut right after transaction 2's Gtid: the relay log holds half a group.
  const uint64_t cut = HeaderOf(files.a_events[6]).log_pos;
  src.DisconnectAfter(cut);
  IoThread io(Config(src.port()));
  ASSERT_TRUE(io.Start().ok());
  ASSERT_TRUE(Eventually([&] { return AtEndOf(io, files.b); }));
  auto dumps = src.dumps();
  ASSERT_EQ(dumps.size(), 2u);
  EXPECT_EQ(dumps[1].pos, cut);
  io.Stop();
  EXPECT_EQ(StoredSourceEvents(*relay_), files.All());
  // master.info was only rewritten at group ends; the last one is the end.
  auto mi = ReadMasterInfo(dir_.path() + "/master.info");
  ASSERT_TRUE(mi.ok() && mi->has_value());
  EXPECT_EQ((*mi)->read_master_log_pos, files.b.pos());
}

TEST_F(IoThreadFakeSourceTest, SilentSourceTimesOutAfterSlaveNetTimeout) {
  FakeSource src({});
  TwoFiles files;
  files.Serve(&src);
  IoThreadConfig cfg = Config(src.port());
  cfg.slave_net_timeout = 1;
  IoThread io(cfg);
  ASSERT_TRUE(io.Start().ok());
  ASSERT_TRUE(Eventually([&] { return src.connections() >= 2; }, 10000));
  ASSERT_TRUE(Eventually([&] { return src.dumps().size() >= 2; }));
  EXPECT_EQ(src.dumps()[1].file, "mysql-bin.000002");
  EXPECT_EQ(src.dumps()[1].pos, files.b.pos());
  io.Stop();
  EXPECT_EQ(StoredSourceEvents(*relay_), files.All());
}

TEST_F(IoThreadFakeSourceTest, EqualServerIdsStopTheThread) {
  FakeSource::Config c;
  c.server_id = kOurId;
  FakeSource src(c);
  TwoFiles files;
  files.Serve(&src);
  IoThread io(Config(src.port()));
  ASSERT_TRUE(io.Start().ok());
  ASSERT_TRUE(Eventually([&] { return !io.running(); }));
  IoStatus st = io.status();
  EXPECT_EQ(st.last_io_errno, 1593u);
  EXPECT_EQ(st.last_io_error,
            "Fatal error: The slave I/O thread stops because master and slave have equal MariaDB "
            "server ids; these ids must be different for replication to work (or the "
            "--replicate-same-server-id option must be used on slave but this does not always "
            "make sense; please check the manual before using it).");
  EXPECT_EQ(st.state_text, "");
  EXPECT_EQ(st.running, IoRunning::kNo);
  EXPECT_TRUE(src.dumps().empty());
  EXPECT_TRUE(src.registrations().empty());
  // START SLAVE clears the error (and here fails the same way again).
  ASSERT_TRUE(io.Start().ok());
  io.Stop();
}

TEST_F(IoThreadFakeSourceTest, WrongPasswordKeepsRetrying) {
  FakeSource src({});
  IoThreadConfig cfg = Config(src.port());
  cfg.master_info.password = "wrong";
  IoThread io(cfg);
  ASSERT_TRUE(io.Start().ok());
  ASSERT_TRUE(Eventually([&] { return src.connections() >= 2; }));
  IoStatus st = io.status();
  EXPECT_TRUE(io.running());
  EXPECT_EQ(st.last_io_errno, 1045u);
  EXPECT_EQ(st.last_io_error, "error connecting to master 'repl@127.0.0.1:" +
                                  std::to_string(src.port()) +
                                  "' - retry-time: 1  maximum-retries: 100000  message: Access "
                                  "denied for user 'repl'@'localhost' (using password: YES)");
  EXPECT_EQ(st.state_text, "Connecting to master");
  EXPECT_EQ(st.running, IoRunning::kConnecting);
  const auto t0 = std::chrono::steady_clock::now();
  io.Stop();
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(2));
  EXPECT_FALSE(io.running());
}

TEST_F(IoThreadFakeSourceTest, RefusedRegistrationRetries) {
  FakeSource::Config c;
  c.refuse_register = true;
  FakeSource src(c);
  IoThread io(Config(src.port()));
  ASSERT_TRUE(io.Start().ok());
  ASSERT_TRUE(Eventually([&] { return src.registrations().size() >= 2; }));
  IoStatus st = io.status();
  EXPECT_TRUE(io.running());
  EXPECT_EQ(st.last_io_errno, 1597u);
  EXPECT_EQ(st.last_io_error,
            "Master command COM_REGISTER_SLAVE failed: Access denied for user 'repl'@'%' (using "
            "password: YES) (Errno: 1045)");
  ASSERT_TRUE(Eventually([&] {
    return io.status().state_text == "Waiting to reconnect after a failed registration on master";
  }));
  io.Stop();
}

TEST_F(IoThreadFakeSourceTest, FatalDumpErrorStopsWith1236) {
  FakeSource src({});
  TwoFiles files;
  files.Serve(&src);
  IoThreadConfig cfg = Config(src.port());
  cfg.master_info.master_log_file = "nosuch-bin.000001";
  IoThread io(cfg);
  ASSERT_TRUE(io.Start().ok());
  ASSERT_TRUE(Eventually([&] { return !io.running(); }));
  EXPECT_EQ(io.status().last_io_errno, 1236u);
  EXPECT_EQ(io.status().last_io_error,
            "Got fatal error 1236 from master when reading data from binary log: 'Could not find "
            "first log file name in binary log index file'");
  EXPECT_EQ(io.status().master_log_file, "nosuch-bin.000001");
}

TEST_F(IoThreadFakeSourceTest, NoSourceListeningGivesUpAfterMasterRetryCount) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr = {};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  const uint16_t port = ntohs(addr.sin_port);
  ::close(fd);  // nothing listens there now
  IoThreadConfig cfg = Config(port);
  cfg.master_retry_count = 2;
  IoThread io(cfg);
  ASSERT_TRUE(io.Start().ok());
  ASSERT_TRUE(Eventually([&] { return !io.running(); }, 10000));
  EXPECT_EQ(io.status().last_io_errno, 2003u);
  EXPECT_EQ(io.status().last_io_error,
            "error connecting to master 'repl@127.0.0.1:" + std::to_string(port) +
                "' - retry-time: 1  maximum-retries: 2  message: Can't connect to server on "
                "'127.0.0.1' (111 \"Connection refused\")");
}

TEST_F(IoThreadFakeSourceTest, StopDuringConnectRetryIsPrompt) {
  IoThreadConfig cfg = Config(1);  // nothing listens on port 1
  cfg.master_info.connect_retry = 60;
  IoThread io(cfg);
  ASSERT_TRUE(io.Start().ok());
  ASSERT_TRUE(Eventually([&] { return io.status().last_io_errno == 2003; }));
  const auto t0 = std::chrono::steady_clock::now();
  io.Stop();
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(2));
}

TEST_F(IoThreadFakeSourceTest, KillHookStopsTheThread) {
  FakeSource src({});
  TwoFiles files;
  files.Serve(&src);
  IoThread io(Config(src.port()));
  ASSERT_TRUE(io.Start().ok());
  ASSERT_TRUE(Eventually([&] { return io.status().state == IoState::kWaitingForEvent; }));
  proc_->RunKillHook();
  ASSERT_TRUE(Eventually([&] { return !io.running(); }));
  io.Join();
  EXPECT_EQ(io.status().last_io_errno, 0u);
}

TEST_F(IoThreadFakeSourceTest, RelaySpaceLimitMakesTheThreadWait) {
  FakeSource src({});
  TwoFiles files;
  files.Serve(&src);
  relay_->SetTunables(0, uint64_t{1} << 30, relay_->space() + 600, true, 0);
  IoThread io(Config(src.port()));
  ASSERT_TRUE(io.Start().ok());
  ASSERT_TRUE(Eventually([&] { return io.status().state == IoState::kWaitingForRelaySpace; }));
  EXPECT_EQ(io.status().state_text,
            "Waiting for the slave SQL thread to free enough relay log space");
  EXPECT_EQ(proc_->Read().state, "Waiting for the slave SQL thread to free enough relay log space");
  EXPECT_LT(io.status().read_master_log_pos, files.a.pos());
  // A SQL thread that executes everything and purges what it finished lets
  // it through (it catches up, the relay log rotates, it purges).
  std::atomic<bool> stop{false};
  std::thread sql([&] {
    while (!stop) {
      relay_->SqlThreadCaughtUp();
      (void)relay_->PurgeBefore(relay_->CurrentPosition().file);
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  });
  ASSERT_TRUE(Eventually([&] { return AtEndOf(io, files.b); }));
  stop = true;
  sql.join();
  io.Stop();
}

// ---------------------------------------------------------------------------
// A real MariaDB 10.11 source (skipped if mariadbd is not installed).
// ---------------------------------------------------------------------------

class RealSource : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!testing::HaveProgram(kMariadbd) || !testing::HaveProgram("/usr/bin/mariadb-install-db")) {
      return;
    }
    char tmpl[] = "/tmp/rdb_io_thread_test.XXXXXX";
    if (::mkdtemp(tmpl) == nullptr) return;
    dir_ = tmpl;
    auto [out, code] = testing::RunProgram({"/usr/bin/mariadb-install-db", "--no-defaults",
                                            "--datadir=" + dir_ + "/data",
                                            "--auth-root-authentication-method=normal",
                                            "--skip-test-db"});
    if (code != 0) return;
    std::ofstream(dir_ + "/init.sql")
        << "DELETE FROM mysql.global_priv WHERE User='';\n"
           "FLUSH PRIVILEGES;\n"
           "CREATE USER IF NOT EXISTS 'admin'@'%' IDENTIFIED BY 'adminpw';\n"
           "GRANT ALL ON *.* TO 'admin'@'%';\n"
           "CREATE USER IF NOT EXISTS 'repl'@'%' IDENTIFIED BY 'replpw';\n"
           "GRANT REPLICATION SLAVE ON *.* TO 'repl'@'%';\n";
    for (int attempt = 0; attempt < 3 && !ready_; attempt++) {
      port_ = FreePort();
      ready_ = StartServer();
    }
  }

  static uint16_t FreePort() {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr = {};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    ::close(fd);
    return ntohs(addr.sin_port);
  }

  // Starts mariadbd on port_ and waits until it serves our account.
  static bool StartServer() {
    std::vector<std::string> argv = {
        kMariadbd, "--no-defaults", "--datadir=" + dir_ + "/data", "--socket=" + dir_ + "/sock",
        "--port=" + std::to_string(port_), "--bind-address=127.0.0.1", "--skip-networking=0",
        "--user=root", "--init-file=" + dir_ + "/init.sql", "--log-error=" + dir_ + "/err.log",
        "--innodb-buffer-pool-size=16M", "--log-bin=mysql-bin", "--server-id=1",
        "--binlog-format=ROW"};
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    if (posix_spawn(&pid_, kMariadbd, nullptr, nullptr, args.data(), environ) != 0) {
      pid_ = -1;
      return false;
    }
    for (int i = 0; i < 300; i++) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) != 0) {
        pid_ = -1;
        return false;
      }
      wire::MysqlClient probe;
      if (probe.Connect("127.0.0.1", port_, "admin", "adminpw", "", 1000).ok()) {
        auto r = probe.Query("SELECT @@datadir");
        if (r.ok() && !r->rows.empty() && r->rows[0][0] && r->rows[0][0]->rfind(dir_, 0) == 0) {
          return true;
        }
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    StopServer();
    return false;
  }

  static void StopServer() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    int status = 0;
    for (int i = 0; i < 300 && ::waitpid(pid_, &status, WNOHANG) == 0; i++) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    if (::waitpid(pid_, &status, WNOHANG) == 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, &status, 0);
    }
    pid_ = -1;
  }

  static void TearDownTestSuite() {
    StopServer();
    if (!dir_.empty()) {
      std::error_code ec;
      std::filesystem::remove_all(dir_, ec);
    }
  }

  void SetUp() override {
    if (!ready_) GTEST_SKIP() << "no MariaDB server available (mariadbd not installed or failed)";
    RelayLogOptions o;
    o.dir = relay_dir_.path();
    o.basename = "replica-relay-bin";
    o.server_id = kOurId;
    auto r = RelayLog::Open(o);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    relay_ = std::move(r).value();
  }

  static void Sql(const std::string& q) {
    wire::MysqlClient c;
    ASSERT_TRUE(c.Connect("127.0.0.1", port_, "admin", "adminpw", "", 5000).ok());
    auto r = c.Query(q);
    ASSERT_TRUE(r.ok()) << q << ": " << r.status().ToString();
  }

  // SHOW MASTER STATUS: the end of the source's binlog.
  static LogPosition MasterStatus() {
    wire::MysqlClient c;
    EXPECT_TRUE(c.Connect("127.0.0.1", port_, "admin", "adminpw", "", 5000).ok());
    auto r = c.Query("SHOW MASTER STATUS");
    EXPECT_TRUE(r.ok() && !r->rows.empty());
    if (!r.ok() || r->rows.empty()) return {};
    return {*r->rows[0][0], std::stoull(*r->rows[0][1])};
  }

  // Every event of the source's binlog files, as a dump thread sends them
  // (the in-use flag of an open file's FDE cleared; Stop events are not
  // stored by a replica, so they are left out).
  static std::vector<std::string> SourceEvents() {
    std::vector<std::string> out;
    auto idx = binlog::BinlogIndex::Load(dir_ + "/data/mysql-bin.index");
    EXPECT_TRUE(idx.ok());
    for (const std::string& f : idx->files()) {
      for (std::string& e : SplitEvents(ReadFileBytes(dir_ + "/data/" + f))) {
        if (TypeOf(e) == binlog::kStopEvent) continue;
        if (TypeOf(e) == binlog::kFormatDescriptionEvent) {
          e[binlog::kFlagsOffset] = static_cast<char>(e[binlog::kFlagsOffset] & ~1);
        }
        out.push_back(std::move(e));
      }
    }
    return out;
  }

  IoThreadConfig Config(uint32_t server_id = kOurId) {
    IoThreadConfig c;
    c.master_info.host = "127.0.0.1";
    c.master_info.port = port_;
    c.master_info.user = "repl";
    c.master_info.password = "replpw";
    c.master_info.connect_retry = 1;
    c.master_info.heartbeat_period = 1;
    c.master_info_path = relay_dir_.path() + "/master.info";
    c.server_id = server_id;
    c.slave_net_timeout = 10;
    c.relay = relay_.get();
    return c;
  }

  static bool CaughtUp(const IoThread& io) {
    const LogPosition end = MasterStatus();
    const IoStatus s = io.status();
    return s.master_log_file == end.file && s.read_master_log_pos == end.pos;
  }

  static constexpr const char* kMariadbd = "/usr/sbin/mariadbd";
  static inline std::string dir_;
  static inline uint16_t port_ = 0;
  static inline pid_t pid_ = -1;
  static inline bool ready_ = false;

  TempDir relay_dir_;
  std::unique_ptr<RelayLog> relay_;
};

TEST_F(RealSource, RelayLogHoldsTheSourcesBinlogAcrossASourceRestart) {
  Sql("CREATE DATABASE IF NOT EXISTS rt");
  Sql("CREATE TABLE IF NOT EXISTS rt.t (id INT PRIMARY KEY, v VARCHAR(100))");
  Sql("INSERT INTO rt.t VALUES (1, 'one'), (2, 'two')");
  Sql("FLUSH BINARY LOGS");
  Sql("INSERT INTO rt.t VALUES (3, REPEAT('x', 90))");
  auto proc = std::make_shared<ProcessEntry>(3);
  IoThreadConfig cfg = Config();
  cfg.proc = proc;
  // BINLOG_SEND_ANNOTATE_ROWS_EVENT, as a MariaDB replica with
  // log_slave_updates asks: then the source sends every event of its files
  // (without it, it leaves out Annotate_rows).
  cfg.dump_flags = 2;
  IoThread io(cfg);
  ASSERT_TRUE(io.Start().ok());
  ASSERT_TRUE(Eventually([&] { return CaughtUp(io); })) << io.status().last_io_error;
  EXPECT_EQ(io.status().state_text, "Waiting for master to send event");
  EXPECT_EQ(io.status().master_server_id, 1u);
  EXPECT_EQ(io.status().master_version.rfind("10.11.", 0), 0u);
  EXPECT_EQ(StoredSourceEvents(*relay_), SourceEvents());
  // Heartbeats arrive every second while the source is idle.
  ASSERT_TRUE(Eventually([&] { return io.status().heartbeats_received >= 1; }, 5000));

  // The source goes away mid-stream and comes back.
  for (int i = 4; i < 30; i++) {
    Sql("INSERT INTO rt.t VALUES (" + std::to_string(i) + ", 'row')");
  }
  StopServer();
  ASSERT_TRUE(Eventually([&] {
    const IoStatus s = io.status();
    return s.last_io_errno == 2003 &&
           (s.state == IoState::kReconnectingAfterRead || s.state == IoState::kWaitingToReconnectAfterRead);
  })) << io.status().state_text << " / " << io.status().last_io_error;
  EXPECT_EQ(io.status().last_io_error,
            "error reconnecting to master 'repl@127.0.0.1:" + std::to_string(port_) +
                "' - retry-time: 1  maximum-retries: 100000  message: Can't connect to server on "
                "'127.0.0.1' (111 \"Connection refused\")");
  EXPECT_EQ(io.status().running, IoRunning::kConnecting);
  ASSERT_TRUE(StartServer());
  for (int i = 30; i < 40; i++) {
    Sql("INSERT INTO rt.t VALUES (" + std::to_string(i) + ", 'after restart')");
  }
  ASSERT_TRUE(Eventually([&] { return CaughtUp(io); })) << io.status().last_io_error;
  EXPECT_EQ(io.status().last_io_errno, 0u);
  EXPECT_EQ(StoredSourceEvents(*relay_), SourceEvents());  // no duplicate, nothing missing
  io.Stop();

  // mariadb-binlog reads the relay log.
  if (testing::HaveProgram("/usr/bin/mariadb-binlog")) {
    ASSERT_TRUE(relay_->Close().ok());
    std::vector<std::string> argv = {"/usr/bin/mariadb-binlog", "--verify-binlog-checksum"};
    auto idx = binlog::BinlogIndex::Load(relay_->index_path());
    ASSERT_TRUE(idx.ok());
    for (const auto& f : idx->files()) argv.push_back(relay_->dir() + "/" + f);
    auto [out, code] = testing::RunProgram(argv);
    EXPECT_EQ(code, 0) << out;
    EXPECT_EQ(out.find("ERROR"), std::string::npos) << out;
  }
}

TEST_F(RealSource, EqualServerIdIsFatal) {
  IoThread io(Config(/*server_id=*/1));
  ASSERT_TRUE(io.Start().ok());
  ASSERT_TRUE(Eventually([&] { return !io.running(); }));
  EXPECT_EQ(io.status().last_io_errno, 1593u);
  EXPECT_EQ(io.status().last_io_error,
            "Fatal error: The slave I/O thread stops because master and slave have equal MariaDB "
            "server ids; these ids must be different for replication to work (or the "
            "--replicate-same-server-id option must be used on slave but this does not always "
            "make sense; please check the manual before using it).");
}

TEST_F(RealSource, WrongPasswordRetriesWithMariadbsError) {
  IoThreadConfig cfg = Config();
  cfg.master_info.password = "bad";
  IoThread io(cfg);
  ASSERT_TRUE(io.Start().ok());
  ASSERT_TRUE(Eventually([&] { return io.status().last_io_errno == 1045; }));
  EXPECT_EQ(io.status().last_io_error,
            "error connecting to master 'repl@127.0.0.1:" + std::to_string(port_) +
                "' - retry-time: 1  maximum-retries: 100000  message: Access denied for user "
                "'repl'@'localhost' (using password: YES)");
  EXPECT_TRUE(io.running());
  io.Stop();
}

TEST_F(RealSource, ImpossiblePositionIsFatal1236) {
  IoThreadConfig cfg = Config();
  cfg.master_info.master_log_file = "mysql-bin.000001";
  cfg.master_info.read_master_log_pos = 999999;
  IoThread io(cfg);
  ASSERT_TRUE(io.Start().ok());
  ASSERT_TRUE(Eventually([&] { return !io.running(); }));
  EXPECT_EQ(io.status().last_io_errno, 1236u);
  EXPECT_EQ(io.status().last_io_error.rfind(
                "Got fatal error 1236 from master when reading data from binary log: 'Client "
                "requested master to start replication from impossible position; the first event "
                "'mysql-bin.000001' at 999999",
                0),
            0u)
      << io.status().last_io_error;
}

}  // namespace
}  // namespace relaydb::replica
