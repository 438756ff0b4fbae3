// The replica side of a binlog dump, for relaydb-binlog -R
// (docs/relaydb_binlog.md, "Reading from a server"):
//
//   connect (wire::MysqlClient)
//   SET @master_binlog_checksum= @@global.binlog_checksum
//   SET @mariadb_slave_capability=4                  (MARIA_SLAVE_CAPABILITY_GTID)
//   [COM_REGISTER_SLAVE server_id]                   (--stop-never only)
//   COM_BINLOG_DUMP pos u32, flags u16, server_id u32, file name
//   <- 0x00 + event ... <- 0xFE EOF (non-blocking) | 0xFF ERR
//
// The stream starts with a fake Rotate (timestamp 0, log_pos 0) naming the
// file and the file's Format_description; StreamDecoder turns the events
// into ToolEvents with file positions, RawWriter copies them into files.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "binlog/control_events.h"
#include "common/status.h"
#include "relaydb_binlog/event_reader.h"

namespace relaydb::wire {
class MysqlClient;
}

namespace relaydb::binlog_tool {

// COM_BINLOG_DUMP flags.
inline constexpr uint16_t kBinlogDumpNonBlock = 1;
inline constexpr uint16_t kBinlogSendAnnotateRows = 2;

struct DumpRequest {
  std::string log_name;
  uint32_t position = 4;
  uint16_t flags = 0;
  uint32_t server_id = 0;  // 0 for a non-blocking dump, as mariadb-binlog sends
};

// The COM_BINLOG_DUMP payload after the command byte.
std::string EncodeBinlogDump(const DumpRequest& req);
// The COM_REGISTER_SLAVE payload after the command byte (empty host, user
// and password, port 0, rank 0, master id 0).
std::string EncodeRegisterSlave(uint32_t server_id);

// Where dump packets come from: the server, or a test's fake.
class PacketSource {
 public:
  virtual ~PacketSource() = default;
  virtual Status ReadPacket(std::string* payload) = 0;
};

enum class StreamFlow { kContinue, kStop };

// Reads the answers to COM_BINLOG_DUMP from `src`, handing each event (the
// packet without its 0x00 byte) to `on_event`. Returns ok at the EOF packet
// or when `on_event` says kStop; the server's ERR packet as a SqlError;
// on_event's or the transport's error otherwise.
Status ReadDumpStream(PacketSource* src,
                      const std::function<Result<StreamFlow>(std::string_view)>& on_event);

struct RemoteOptions {
  std::string host;
  uint16_t port = 3306;
  std::string user;
  std::string password;
};

// One connection dumping one binlog (a dump ends the connection's use, so
// every file gets a new session). Not thread-safe.
class RemoteSession : public PacketSource {
 public:
  RemoteSession();
  ~RemoteSession() override;

  // Connects and announces the replica's checksum awareness and capability.
  // Errors are worded for the user ("Failed on connect: ...").
  Status Connect(const RemoteOptions& options);
  // COM_REGISTER_SLAVE (shows up in SHOW SLAVE HOSTS).
  Status Register(uint32_t server_id);
  // Sends COM_BINLOG_DUMP; read the stream with ReadDumpStream(this, ...).
  Status StartDump(const DumpRequest& req);
  Status ReadPacket(std::string* payload) override;

 private:
  std::unique_ptr<wire::MysqlClient> client_;
};

// Decodes the events of a dump stream and tracks the file and position
// each one has on the server. Fake events (log_pos 0: the Rotate that opens
// every file, heartbeats) carry a checksum or not depending on the
// server's settings; the decoder tells by checking whether their last four
// bytes are the CRC32 of the rest.
class StreamDecoder {
 public:
  StreamDecoder(std::string file, uint64_t start_pos, bool verify);

  // Decodes `bytes` into *ev with ev->file/pos set. A fake Rotate moves the
  // position to the file and position it names; a Format_description that
  // is not at position 4 (sent when a dump starts mid-file) takes no room.
  Status Decode(std::string_view bytes, ToolEvent* ev);

  const std::string& file() const { return file_; }

 private:
  std::string file_;
  uint64_t pos_;
  bool verify_;
  binlog::FormatDescription fde_;
};

// True for a fake Rotate: the one a server sends when a dump starts or
// moves to the next file (timestamp 0 / log_pos 0).
bool IsFakeRotate(const ToolEvent& ev);

// --raw: writes the events of a dump into files named as on the server
// (magic + events), switching file at each Format_description after a
// Rotate, skipping heartbeats and fake Rotates. Each event is written with
// one write(2), so a killed process leaves whole events behind.
class RawWriter {
 public:
  // `prefix`: --result-file; a directory (existing, or ending in '/') holds
  // the files, anything else is prepended to their names. `log_name`: the
  // requested file; without `to_last_log` the dump stops at the fake
  // Rotate for any other file.
  RawWriter(std::string prefix, std::string log_name, bool to_last_log, bool verify);
  ~RawWriter();
  RawWriter(const RawWriter&) = delete;
  RawWriter& operator=(const RawWriter&) = delete;

  Result<StreamFlow> OnEvent(std::string_view bytes);
  // The paths written, in order.
  const std::vector<std::string>& files() const { return files_; }

 private:
  std::string PathFor(const std::string& name) const;

  std::string prefix_;
  std::string log_name_;
  bool to_last_log_;
  StreamDecoder decoder_;
  std::string next_path_;     // named by the last Rotate
  std::string current_path_;  // being written
  int fd_ = -1;
  std::vector<std::string> files_;
};

}  // namespace relaydb::binlog_tool
