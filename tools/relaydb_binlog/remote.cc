// Reading binlogs from a server (remote.h).
#include "relaydb_binlog/remote.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "binlog/event_format.h"
#include "common/bytes.h"
#include "wire/client.h"
#include "wire/messages.h"
#include "wire/protocol.h"

namespace relaydb::binlog_tool {
namespace {

uint32_t Le32(std::string_view b, size_t at) {
  return static_cast<uint32_t>(static_cast<uint8_t>(b[at])) |
         static_cast<uint32_t>(static_cast<uint8_t>(b[at + 1])) << 8 |
         static_cast<uint32_t>(static_cast<uint8_t>(b[at + 2])) << 16 |
         static_cast<uint32_t>(static_cast<uint8_t>(b[at + 3])) << 24;
}

// Whether the event's last four bytes are the CRC32 of the rest.
bool EndsWithCrc(std::string_view bytes) {
  if (bytes.size() < binlog::kHeaderSize + binlog::kChecksumSize) return false;
  const size_t n = bytes.size() - binlog::kChecksumSize;
  return binlog::Crc32(bytes.substr(0, n)) == Le32(bytes, n);
}

Status WriteAll(int fd, std::string_view data, const std::string& path) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return Status::IoError("Could not write into log file '" + path +
                             "': " + std::strerror(errno));
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
  return Status::Ok();
}

}  // namespace

std::string EncodeBinlogDump(const DumpRequest& req) {
  std::string out;
  ByteWriter w(&out);
  w.U32(req.position);
  w.U16(req.flags);
  w.U32(req.server_id);
  w.Bytes(req.log_name);
  return out;
}

std::string EncodeRegisterSlave(uint32_t server_id) {
  std::string out;
  ByteWriter w(&out);
  w.U32(server_id);
  w.U8(0);   // host
  w.U8(0);   // user
  w.U8(0);   // password
  w.U16(0);  // port
  w.U32(0);  // replication rank
  w.U32(0);  // master id
  return out;
}

Status ReadDumpStream(PacketSource* src,
                      const std::function<Result<StreamFlow>(std::string_view)>& on_event) {
  std::string packet;
  for (;;) {
    RETURN_IF_ERROR(src->ReadPacket(&packet));
    if (packet.empty()) return Status::ProtocolError("empty packet in the binlog dump stream");
    const uint8_t first = static_cast<uint8_t>(packet[0]);
    if (first == 0xfe && packet.size() < 8) return Status::Ok();  // EOF: end of a non-blocking dump
    if (first == 0xff) return wire::ParseErr(packet);
    if (first != 0x00) {
      return Status::ProtocolError("unexpected packet 0x" + std::to_string(first) +
                                   " in the binlog dump stream");
    }
    ASSIGN_OR_RETURN(StreamFlow flow, on_event(std::string_view(packet).substr(1)));
    if (flow == StreamFlow::kStop) return Status::Ok();
  }
}

RemoteSession::RemoteSession() : client_(std::make_unique<wire::MysqlClient>()) {}
RemoteSession::~RemoteSession() = default;

Status RemoteSession::Connect(const RemoteOptions& o) {
  Status st = client_->Connect(o.host, o.port, o.user, o.password, "", 10000);
  if (!st.ok()) return Status::IoError("Failed on connect: " + st.message());
  for (const char* q : {"SET @master_binlog_checksum= @@global.binlog_checksum",
                        "SET @mariadb_slave_capability=4"}) {
    auto r = client_->Query(q);
    if (!r.ok()) {
      return Status::IoError(std::string("Could not set up the dump (") + q +
                             "): " + r.status().message());
    }
  }
  return Status::Ok();
}

Status RemoteSession::Register(uint32_t server_id) {
  Status st = client_->RunCommand(wire::kComRegisterSlave, EncodeRegisterSlave(server_id));
  if (!st.ok()) return Status::IoError("COM_REGISTER_SLAVE failed: " + st.message());
  return Status::Ok();
}

Status RemoteSession::StartDump(const DumpRequest& req) {
  Status st = client_->SendCommand(wire::kComBinlogDump, EncodeBinlogDump(req));
  if (!st.ok()) return Status::IoError("Got fatal error sending the log dump command.");
  return Status::Ok();
}

Status RemoteSession::ReadPacket(std::string* payload) { return client_->ReadPacket(payload); }

StreamDecoder::StreamDecoder(std::string file, uint64_t start_pos, bool verify)
    : file_(std::move(file)),
      pos_(start_pos),
      verify_(verify),
      fde_(binlog::FormatDescription::MariaDb(binlog::ChecksumAlg::kUndefined)) {}

bool IsFakeRotate(const ToolEvent& ev) {
  return ev.type() == binlog::kRotateEvent &&
         (ev.header().timestamp == 0 || ev.header().log_pos == 0);
}

Status StreamDecoder::Decode(std::string_view bytes, ToolEvent* ev) {
  if (bytes.size() >= binlog::kHeaderSize) {
    const uint8_t type = static_cast<uint8_t>(bytes[binlog::kTypeOffset]);
    const uint32_t log_pos = Le32(bytes, binlog::kLogPosOffset);
    const uint32_t timestamp = Le32(bytes, 0);
    if (type == binlog::kHeartbeatEvent ||
        (type == binlog::kRotateEvent && (log_pos == 0 || timestamp == 0))) {
      // Made up by the server: checksummed per its settings, not the file's.
      binlog::FormatDescription f = fde_;
      f.checksum_alg = EndsWithCrc(bytes) ? binlog::ChecksumAlg::kCrc32 : binlog::ChecksumAlg::kOff;
      RETURN_IF_ERROR(DecodeToolEvent(std::string(bytes), pos_, f, verify_, ev));
      ev->file = file_;
      if (type == binlog::kRotateEvent) {
        const auto* rot = ev->event.As<binlog::RotateEvent>();
        file_ = rot->next_log;
        pos_ = rot->position;
        ev->file = file_;
        ev->pos = pos_;
      }
      return Status::Ok();
    }
  }
  RETURN_IF_ERROR(DecodeToolEvent(std::string(bytes), pos_, fde_, verify_, ev));
  ev->file = file_;
  if (const auto* f = ev->event.As<binlog::FormatDescription>()) {
    fde_ = *f;
    // A Format_description sent ahead of a mid-file start is not in the file there.
    if (pos_ == binlog::kFirstEventPosition) pos_ += bytes.size();
    return Status::Ok();
  }
  pos_ += bytes.size();
  return Status::Ok();
}

RawWriter::RawWriter(std::string prefix, std::string log_name, bool to_last_log, bool verify)
    : prefix_(std::move(prefix)),
      log_name_(std::move(log_name)),
      to_last_log_(to_last_log),
      decoder_(log_name_, binlog::kFirstEventPosition, verify) {}

RawWriter::~RawWriter() {
  if (fd_ >= 0) ::close(fd_);
}

std::string RawWriter::PathFor(const std::string& name) const {
  if (prefix_.empty()) return name;
  struct stat sb;
  if (prefix_.back() == '/' || (::stat(prefix_.c_str(), &sb) == 0 && S_ISDIR(sb.st_mode))) {
    return prefix_ + (prefix_.back() == '/' ? "" : "/") + name;
  }
  return prefix_ + name;
}

Result<StreamFlow> RawWriter::OnEvent(std::string_view bytes) {
  if (bytes.size() < binlog::kHeaderSize)
    return Status::Corruption("event shorter than its header");
  const uint8_t type = static_cast<uint8_t>(bytes[binlog::kTypeOffset]);
  if (type == binlog::kHeartbeatEvent) return StreamFlow::kContinue;
  if (type == binlog::kRotateEvent || type == binlog::kFormatDescriptionEvent) {
    ToolEvent ev;
    Status st = decoder_.Decode(bytes, &ev);
    if (!st.ok()) {
      return Status::Corruption(std::string("Could not construct ") +
                                (type == binlog::kRotateEvent ? "rotate" : "format description") +
                                " event object: " + st.message());
    }
    if (const auto* rot = ev.event.As<binlog::RotateEvent>()) {
      next_path_ = PathFor(rot->next_log);
      if (IsFakeRotate(ev)) {
        if (!to_last_log_ && rot->next_log != log_name_) return StreamFlow::kStop;
        return StreamFlow::kContinue;
      }
    } else {
      if (fd_ >= 0) ::close(fd_);
      fd_ = ::open(next_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
      if (fd_ < 0) {
        return Status::IoError("Could not create output log file: " + next_path_ + " (" +
                               std::strerror(errno) + ")");
      }
      current_path_ = next_path_;
      files_.push_back(current_path_);
      RETURN_IF_ERROR(WriteAll(fd_, binlog::kBinlogMagic, current_path_));
    }
  }
  if (fd_ < 0) {
    return Status::Corruption("the server sent an event before any Format_description");
  }
  RETURN_IF_ERROR(WriteAll(fd_, bytes, current_path_));
  return StreamFlow::kContinue;
}

}  // namespace relaydb::binlog_tool
