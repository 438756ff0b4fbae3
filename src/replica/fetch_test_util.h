// Helpers shared by the replica fetch-side tests (relay_log_test.cc,
// io_thread_test.cc): temp directories, file bytes, a generator of the
// event stream a MariaDB source sends for one binlog file, and running
// command-line programs (mariadb-binlog).
#pragma once

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "binlog/control_events.h"
#include "binlog/event_header.h"
#include "binlog/events.h"
#include "binlog/statement_events.h"

extern char** environ;

namespace relaydb::replica::testing {

class TempDir {
 public:
  TempDir() {
    char tmpl[] = "/tmp/rdb_replica_test.XXXXXX";
    const char* p = ::mkdtemp(tmpl);
    if (p == nullptr) std::abort();
    path_ = p;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

inline std::string ReadFileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A binlog or relay log file split into its events (magic skipped).
inline std::vector<std::string> SplitEvents(const std::string& file) {
  std::vector<std::string> out;
  size_t pos = 4;
  while (pos + binlog::kHeaderSize <= file.size()) {
    binlog::EventHeader h;
    if (!binlog::DecodeHeader(std::string_view(file).substr(pos), &h).ok() ||
        h.event_size < binlog::kHeaderSize || pos + h.event_size > file.size()) {
      break;
    }
    out.push_back(file.substr(pos, h.event_size));
    pos += h.event_size;
  }
  return out;
}

inline uint8_t TypeOf(const std::string& event) {
  return static_cast<uint8_t>(event[binlog::kTypeOffset]);
}

inline binlog::EventHeader HeaderOf(const std::string& event) {
  binlog::EventHeader h;
  EXPECT_TRUE(binlog::DecodeHeader(event, &h).ok());
  return h;
}

// The events a MariaDB 10.11 source's dump thread sends for one binlog
// file, with the file's real positions: build them in order.
class SourceBinlog {
 public:
  SourceBinlog(std::string name, uint32_t server_id = 1,
               binlog::ChecksumAlg alg = binlog::ChecksumAlg::kCrc32)
      : name_(std::move(name)), server_id_(server_id), alg_(alg) {}

  const std::string& name() const { return name_; }
  uint64_t pos() const { return pos_; }
  binlog::ChecksumAlg alg() const { return alg_; }

  // The artificial Rotate a dump thread sends first (timestamp 0, log_pos
  // 0, LOG_EVENT_ARTIFICIAL_F), naming this file and `at`.
  std::string FakeRotate(uint64_t at) const {
    binlog::EventHeader h;
    h.type = binlog::kRotateEvent;
    h.server_id = server_id_;
    h.flags = binlog::kLogEventArtificialF;
    return binlog::EncodeEvent(h, binlog::RotateEvent{at, name_}.Encode(), alg_);
  }

  // The file's Format_description at position 4 (log_pos set), or, with
  // `mid_file`, as sent to a replica starting later (log_pos 0, created 0).
  std::string Fde(uint32_t created = 1700000000, bool mid_file = false) {
    const binlog::FormatDescription fde = binlog::FormatDescription::MariaDb(
        alg_, "10.11.19-MariaDB-log", mid_file ? 0 : created);
    const std::string probe = binlog::EncodeFormatDescriptionEvent(fde, kTime, server_id_, 0, 0);
    if (mid_file) return probe;
    std::string ev = binlog::EncodeFormatDescriptionEvent(
        fde, kTime, server_id_, static_cast<uint32_t>(4 + probe.size()), 0);
    pos_ = 4 + ev.size();
    return ev;
  }

  std::string Event(uint8_t type, const std::string& body, uint16_t flags = 0) {
    binlog::EventHeader h;
    h.timestamp = kTime;
    h.type = type;
    h.server_id = server_id_;
    h.flags = flags;
    std::string ev = binlog::EncodeEvent(h, body, alg_);
    pos_ += ev.size();
    binlog::PatchLogPos(&ev, static_cast<uint32_t>(pos_), alg_ == binlog::ChecksumAlg::kCrc32);
    return ev;
  }

  std::string GtidList() { return Event(binlog::kGtidListEvent, binlog::GtidListEvent{}.Encode()); }
  std::string Checkpoint() {
    return Event(binlog::kBinlogCheckpointEvent, binlog::BinlogCheckpointEvent{name_}.Encode());
  }
  std::string Gtid(uint64_t seq, uint8_t flags2 = binlog::kFlTransactional) {
    binlog::GtidEvent g;
    g.seq_no = seq;
    g.flags2 = flags2;
    return Event(binlog::kGtidEvent, g.Encode(), binlog::kLogEventSuppressUseF);
  }
  std::string Query(const std::string& sql) {
    binlog::QueryEvent q = binlog::QueryEvent::MariaDb("test", sql, 5, 0, 0, 0x01000000, {45, 45, 45});
    return Event(binlog::kQueryEvent, q.Encode());
  }
  std::string Xid(uint64_t xid) { return Event(binlog::kXidEvent, binlog::XidEvent{xid}.Encode()); }
  std::string Rotate(const std::string& next) {
    return Event(binlog::kRotateEvent, binlog::RotateEvent{4, next}.Encode());
  }
  std::string Stop() { return Event(binlog::kStopEvent, ""); }
  // A heartbeat (never in a file): the file name, log_pos = the current end.
  std::string Heartbeat() const {
    binlog::EventHeader h;
    h.type = binlog::kHeartbeatEvent;
    h.server_id = server_id_;
    h.flags = binlog::kLogEventArtificialF;
    std::string ev = binlog::EncodeEvent(h, name_, alg_);
    binlog::PatchLogPos(&ev, static_cast<uint32_t>(pos_), alg_ == binlog::ChecksumAlg::kCrc32);
    return ev;
  }
  // One InnoDB transaction: Gtid, the statement, Xid.
  std::vector<std::string> Transaction(uint64_t seq, const std::string& sql) {
    std::vector<std::string> out;
    out.push_back(Gtid(seq));
    out.push_back(Query(sql));
    out.push_back(Xid(seq + 100));
    return out;
  }

  static constexpr uint32_t kTime = 1700000100;

 private:
  std::string name_;
  uint32_t server_id_;
  binlog::ChecksumAlg alg_;
  uint64_t pos_ = 4;
};

inline bool HaveProgram(const std::string& path) { return ::access(path.c_str(), X_OK) == 0; }

// Runs argv; returns (stdout + stderr, exit code).
inline std::pair<std::string, int> RunProgram(const std::vector<std::string>& argv) {
  std::string out_path = "/tmp/rdb_replica_run.XXXXXX";
  const int out_fd = ::mkstemp(out_path.data());
  if (out_fd < 0) return {"mkstemp failed", -1};
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, out_fd, 1);
  posix_spawn_file_actions_adddup2(&fa, out_fd, 2);
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = -1;
  int code = -1;
  if (posix_spawn(&pid, argv[0].c_str(), &fa, nullptr, args.data(), environ) == 0) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  posix_spawn_file_actions_destroy(&fa);
  ::close(out_fd);
  std::string out = ReadFileBytes(out_path);
  ::unlink(out_path.c_str());
  return {out, code};
}

}  // namespace relaydb::replica::testing
