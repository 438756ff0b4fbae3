// Event framing and local file reading for relaydb-binlog (event_reader.h).
#include "relaydb_binlog/event_reader.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "binlog/binlog_file.h"
#include "binlog/event_header.h"

namespace relaydb::binlog_tool {
namespace {

using binlog::ChecksumAlg;

constexpr const char* kReadEventPrefix = "Error in Log_event::read_log_event(): '";

Status ReadEventError(std::string_view what) {
  return Status::Corruption(std::string(kReadEventPrefix) + std::string(what) + "'");
}

Status ReadEventError(std::string_view what, uint32_t data_len, uint8_t type) {
  return Status::Corruption(std::string(kReadEventPrefix) + std::string(what) + "', data_len: " +
                            std::to_string(data_len) + ", event_type: " + std::to_string(type));
}

uint32_t Le32(std::string_view b, size_t at) {
  return static_cast<uint32_t>(static_cast<uint8_t>(b[at])) |
         static_cast<uint32_t>(static_cast<uint8_t>(b[at + 1])) << 8 |
         static_cast<uint32_t>(static_cast<uint8_t>(b[at + 2])) << 16 |
         static_cast<uint32_t>(static_cast<uint8_t>(b[at + 3])) << 24;
}

// pread that retries on EINTR and short reads; returns the bytes read.
Result<size_t> PreadFull(int fd, char* buf, size_t n, uint64_t off) {
  size_t done = 0;
  while (done < n) {
    const ssize_t r = ::pread(fd, buf + done, n - done, static_cast<off_t>(off + done));
    if (r < 0) {
      if (errno == EINTR) continue;
      return Status::IoError(std::string("read error: ") + std::strerror(errno));
    }
    if (r == 0) break;
    done += static_cast<size_t>(r);
  }
  return done;
}

}  // namespace

Status DecodeToolEvent(std::string bytes, uint64_t pos, const binlog::FormatDescription& fde,
                       bool verify, ToolEvent* out) {
  if (bytes.size() < binlog::kHeaderSize) return ReadEventError("Event truncated");
  binlog::EventHeader h;
  RETURN_IF_ERROR(binlog::DecodeHeader(bytes, &h));
  if (h.event_size < binlog::kHeaderSize)
    return ReadEventError("Event invalid", h.event_size, h.type);
  if (h.event_size != bytes.size()) return ReadEventError("Event truncated", h.event_size, h.type);

  bool has_crc = fde.checksummed();
  bool print_crc = fde.checksum_alg == ChecksumAlg::kCrc32;
  if (h.type == binlog::kFormatDescriptionEvent) {
    auto info = binlog::PeekFdeChecksum(bytes);
    if (!info.ok()) {
      return ReadEventError("Found invalid event in binary log: " + info.status().message(),
                            h.event_size, h.type);
    }
    has_crc = info->has_checksum_fields;
    print_crc = info->has_checksum_fields && info->alg == ChecksumAlg::kCrc32;
  }
  size_t body_end = bytes.size();
  uint32_t crc = 0;
  if (has_crc) {
    if (bytes.size() < binlog::kHeaderSize + binlog::kChecksumSize) {
      return ReadEventError("Event invalid", h.event_size, h.type);
    }
    body_end -= binlog::kChecksumSize;
    crc = Le32(bytes, body_end);
    // Like MariaDB, a Format_description that announces no checksum is not
    // verified although it carries one.
    if (verify && print_crc &&
        binlog::EventCrc(std::string_view(bytes).substr(0, body_end)) != crc) {
      return ReadEventError("Event crc check failed! Most likely there is event corruption.",
                            h.event_size, h.type);
    }
  }

  out->pos = pos;
  out->bytes = std::move(bytes);
  out->has_crc = has_crc;
  out->print_crc = print_crc;
  out->crc = crc;
  out->server_version = fde.server_version;
  binlog::EventView view;
  view.header = h;
  view.bytes = out->bytes;
  view.body =
      std::string_view(out->bytes).substr(binlog::kHeaderSize, body_end - binlog::kHeaderSize);
  view.has_checksum = has_crc;
  auto body = binlog::DecodeEventBody(view, fde);
  if (!body.ok()) {
    return ReadEventError("Found invalid event in binary log: " + body.status().message(),
                          h.event_size, h.type);
  }
  out->event.header = h;
  out->event.body = std::move(body).value();
  if (const auto* f = out->event.As<binlog::FormatDescription>()) {
    out->server_version = f->server_version;
  }
  return Status::Ok();
}

std::string ReadErrorLine(const std::string& file, uint64_t pos) {
  return "Could not read entry at offset " + std::to_string(pos) + " of '" + file +
         "': Error in log format or read error.";
}

LocalFileReader::LocalFileReader()
    : fde_(binlog::FormatDescription::MariaDb(ChecksumAlg::kUndefined)) {}

LocalFileReader::~LocalFileReader() {
  if (fd_ >= 0) ::close(fd_);
}

Status LocalFileReader::Open(const std::string& path, uint64_t start_pos, bool verify) {
  path_ = path;
  verify_ = verify;
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) {
    const int e = errno;
    return Status::IoError("File '" + path + "' not found (Errcode: " + std::to_string(e) + " \"" +
                           std::strerror(e) + "\")");
  }
  char magic[4];
  ASSIGN_OR_RETURN(size_t n, PreadFull(fd_, magic, sizeof magic, 0));
  if (n < sizeof magic) return Status::Corruption("Failed reading header; probably an empty file.");
  if (std::string_view(magic, 4) != binlog::kBinlogMagic) {
    return Status::Corruption("File is not a binary log file.");
  }
  if (start_pos < binlog::kFirstEventPosition) start_pos = binlog::kFirstEventPosition;

  // Probe the events before start_pos for the Format_description(s), as
  // mariadb-binlog's check_header() does: only leading FDE and Rotate events.
  uint64_t at = binlog::kFirstEventPosition;
  while (at < start_pos) {
    char head[binlog::kHeaderSize];
    ASSIGN_OR_RETURN(size_t got, PreadFull(fd_, head, sizeof head, at));
    if (got < sizeof head) break;
    const uint8_t type = static_cast<uint8_t>(head[binlog::kTypeOffset]);
    if (type != binlog::kFormatDescriptionEvent && type != binlog::kRotateEvent) break;
    std::string bytes;
    auto outcome = ReadAt(at, &bytes);
    ToolEvent ev;
    Status st = outcome.ok() ? Status::Ok() : outcome.status();
    if (st.ok() && *outcome == Outcome::kEnd) break;
    if (st.ok()) st = Consume(std::move(bytes), at, &ev);
    if (!st.ok()) {
      return Status::Corruption(
          std::string("Could not read a ") +
          (type == binlog::kRotateEvent ? "Rotate_log_event" : "Format_description_log_event") +
          " event at offset " + std::to_string(at) +
          "; this could be a log format error or read error.");
    }
    at += ev.bytes.size();
    if (type == binlog::kFormatDescriptionEvent) probe_events_.push_back(std::move(ev));
  }
  pos_ = start_pos;
  return Status::Ok();
}

Result<LocalFileReader::Outcome> LocalFileReader::ReadAt(uint64_t pos, std::string* bytes) {
  char head[binlog::kHeaderSize];
  ASSIGN_OR_RETURN(size_t got, PreadFull(fd_, head, sizeof head, pos));
  if (got == 0) return Outcome::kEnd;
  if (got < sizeof head) {
    if (in_use_) return Outcome::kEnd;
    return ReadEventError("Event truncated");
  }
  const uint32_t size = Le32(std::string_view(head, sizeof head), binlog::kEventSizeOffset);
  const uint8_t type = static_cast<uint8_t>(head[binlog::kTypeOffset]);
  if (size < binlog::kHeaderSize) return ReadEventError("Event invalid", size, type);
  if (size > binlog::kMaxEventSize) return ReadEventError("Event too big", size, type);
  bytes->resize(size);
  ASSIGN_OR_RETURN(got, PreadFull(fd_, bytes->data(), size, pos));
  if (got < size) {
    if (in_use_) return Outcome::kEnd;
    return ReadEventError("Event truncated", size, type);
  }
  return Outcome::kEvent;
}

Status LocalFileReader::Consume(std::string bytes, uint64_t pos, ToolEvent* ev) {
  RETURN_IF_ERROR(DecodeToolEvent(std::move(bytes), pos, fde_, verify_, ev));
  ev->file = path_;
  if (const auto* f = ev->event.As<binlog::FormatDescription>()) {
    fde_ = *f;
    in_use_ = (ev->header().flags & binlog::kLogEventBinlogInUseF) != 0;
  }
  return Status::Ok();
}

Result<LocalFileReader::Outcome> LocalFileReader::Next(ToolEvent* ev) {
  std::string bytes;
  ASSIGN_OR_RETURN(Outcome o, ReadAt(pos_, &bytes));
  if (o == Outcome::kEnd) return o;
  RETURN_IF_ERROR(Consume(std::move(bytes), pos_, ev));
  pos_ += ev->bytes.size();
  return Outcome::kEvent;
}

}  // namespace relaydb::binlog_tool
