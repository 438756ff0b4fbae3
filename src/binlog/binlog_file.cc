// Binlog file access and the recovery scan. See binlog_file.h.
#include "binlog/binlog_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>

#include "binlog/events.h"
#include "binlog/file_util.h"

namespace relaydb::binlog {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// Statements that end a group begun by a Gtid (or BEGIN).
bool EndsGroup(std::string_view q) {
  return q == "COMMIT" || q == "ROLLBACK" || StartsWith(q, "XA PREPARE") ||
         StartsWith(q, "XA COMMIT") || StartsWith(q, "XA ROLLBACK");
}

}  // namespace

std::string BinlogFileName(const std::string& basename, uint64_t number) {
  char buf[32];
  std::snprintf(buf, sizeof buf, ".%06llu", static_cast<unsigned long long>(number));
  return basename + buf;
}

bool ParseBinlogFileNumber(const std::string& name, const std::string& basename, uint64_t* number) {
  if (name.size() <= basename.size() + 1 || name.compare(0, basename.size(), basename) != 0 ||
      name[basename.size()] != '.') {
    return false;
  }
  uint64_t v = 0;
  for (size_t i = basename.size() + 1; i < name.size(); i++) {
    if (name[i] < '0' || name[i] > '9' || v > UINT64_MAX / 10) return false;
    v = v * 10 + static_cast<uint64_t>(name[i] - '0');
  }
  *number = v;
  return true;
}

// --- BinlogFile -----------------------------------------------------------------

Result<std::unique_ptr<BinlogFile>> BinlogFile::Open(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return ErrnoStatus("cannot open binlog", path, errno);
  return std::unique_ptr<BinlogFile>(new BinlogFile(path, fd));
}

BinlogFile::~BinlogFile() {
  if (fd_ >= 0) ::close(fd_);
}

Result<uint64_t> BinlogFile::Size() const { return FileSizeOf(fd_, path_); }

Status BinlogFile::CheckMagic() const {
  std::string magic;
  RETURN_IF_ERROR(PreadUpTo(fd_, 0, kBinlogMagic.size(), &magic, path_));
  if (magic != kBinlogMagic)
    return Status::Corruption("'" + path_ + "' is not a binlog file (bad magic number)");
  return Status::Ok();
}

Result<BinlogFile::ReadOutcome> BinlogFile::ReadEvent(uint64_t pos, uint64_t limit,
                                                      std::string* bytes) const {
  if (pos == limit) return ReadOutcome::kEnd;
  if (pos > limit) {
    return Status::InvalidArgument("position " + std::to_string(pos) + " is past the end (" +
                                   std::to_string(limit) + ") of '" + path_ + "'");
  }
  if (limit - pos < kHeaderSize) return ReadOutcome::kPartial;
  RETURN_IF_ERROR(ReadRange(pos, kHeaderSize, limit, bytes));
  if (bytes->size() < kHeaderSize) return ReadOutcome::kPartial;
  EventHeader h;
  RETURN_IF_ERROR(DecodeHeader(*bytes, &h));
  if (h.event_size < kHeaderSize || h.event_size > kMaxEventSize) {
    return Status::Corruption("binlog '" + path_ + "': event at position " + std::to_string(pos) +
                              " has an impossible size " + std::to_string(h.event_size));
  }
  if (h.event_size > limit - pos) return ReadOutcome::kPartial;
  RETURN_IF_ERROR(ReadRange(pos, h.event_size, limit, bytes));
  if (bytes->size() < h.event_size) return ReadOutcome::kPartial;
  return ReadOutcome::kEvent;
}

Status BinlogFile::ReadRange(uint64_t pos, size_t n, uint64_t limit, std::string* out) const {
  if (pos >= buf_pos_ && pos + n <= buf_pos_ + buf_.size()) {
    out->assign(buf_, static_cast<size_t>(pos - buf_pos_), n);
    return Status::Ok();
  }
  if (n >= kReadAhead) {
    // A large event: read it alone; the buffer keeps what it had.
    return PreadUpTo(fd_, pos, n, out, path_);
  }
  // Refill from pos: at least n bytes, up to kReadAhead, never past limit
  // (what lies beyond may still be being written).
  const size_t want = static_cast<size_t>(std::min<uint64_t>(std::max<uint64_t>(n, kReadAhead), limit - pos));
  buf_pos_ = pos;
  Status s = PreadUpTo(fd_, pos, std::max(want, n), &buf_, path_);
  if (!s.ok()) {
    buf_.clear();
    return s;
  }
  out->assign(buf_, 0, std::min(n, buf_.size()));
  return Status::Ok();
}

// --- recovery scan -------------------------------------------------------------------

Result<FileScan> ScanBinlogFile(const std::string& path) {
  ASSIGN_OR_RETURN(auto file, BinlogFile::Open(path));
  FileScan scan;
  ASSIGN_OR_RETURN(scan.file_size, file->Size());
  if (scan.file_size < kBinlogMagic.size()) {
    scan.tail_error = "file is shorter than its magic number";
    return scan;
  }
  RETURN_IF_ERROR(file->CheckMagic());
  scan.valid_end = scan.group_end = kFirstEventPosition;

  FormatDescription fde = FormatDescription::MariaDb(ChecksumAlg::kOff);
  ChecksumAlg alg = ChecksumAlg::kOff;
  bool in_group = false, closes_at_statement = false;
  GroupInfo group;
  uint64_t pos = kFirstEventPosition;
  std::string bytes;
  auto close_group = [&](uint64_t end) {
    group.end = end;
    scan.groups.push_back(group);
    in_group = false;
    scan.group_end = end;
  };
  auto open_group = [&](uint64_t start, Gtid gtid, bool standalone) {
    in_group = true;
    closes_at_statement = standalone;
    group = GroupInfo{gtid, start, 0};
  };
  auto fail = [&](const Status& s, const char* what) {
    return Status::Corruption("binlog '" + path + "': " + what + " at position " +
                              std::to_string(pos) +
                              " checksums but does not decode: " + s.message());
  };

  while (true) {
    auto outcome = file->ReadEvent(pos, scan.file_size, &bytes);
    if (!outcome.ok()) {
      if (outcome.status().code() != Status::Code::kCorruption) return outcome.status();
      scan.tail_error = outcome.status().message();
      break;
    }
    if (*outcome == BinlogFile::ReadOutcome::kEnd) break;
    if (*outcome == BinlogFile::ReadOutcome::kPartial) {
      scan.tail_error = "partial event at position " + std::to_string(pos);
      break;
    }
    auto view = FrameEvent(bytes, alg, pos);
    if (!view.ok()) {
      scan.tail_error = view.status().message();
      break;
    }
    const uint64_t end = pos + bytes.size();
    const EventHeader& h = view->header;
    switch (h.type) {
      case kFormatDescriptionEvent: {
        auto f = FormatDescription::Decode(view->body);
        if (!f.ok()) return fail(f.status(), "Format_description");
        fde = *f;
        alg = fde.checksum_alg == ChecksumAlg::kCrc32 ? ChecksumAlg::kCrc32 : ChecksumAlg::kOff;
        if (!scan.has_format_description) {
          scan.has_format_description = true;
          scan.fde = fde;
          scan.fde_flags = h.flags;
        }
        break;
      }
      case kGtidListEvent: {
        auto gl = GtidListEvent::Decode(view->body, fde);
        if (!gl.ok()) return fail(gl.status(), "Gtid_list");
        if (scan.groups.empty() && scan.head_gtid_list.empty()) scan.head_gtid_list = gl->gtids;
        break;
      }
      case kGtidEvent: {
        auto g = GtidEvent::Decode(view->body, fde);
        if (!g.ok()) return fail(g.status(), "Gtid");
        open_group(pos, g->gtid(h.server_id), g->flags2 & kFlStandalone);
        break;
      }
      case kXidEvent:
        if (in_group) close_group(end);
        break;
      case kQueryEvent:
      case kQueryCompressedEvent: {
        auto q = QueryEvent::Decode(view->body, fde, h.type);
        if (!q.ok()) return fail(q.status(), "Query");
        if (in_group) {
          if (closes_at_statement || EndsGroup(q->query)) close_group(end);
        } else if (q->query == "BEGIN") {
          open_group(pos, Gtid{}, false);
        } else {
          group = GroupInfo{Gtid{}, pos, 0};
          close_group(end);  // a statement outside any group is a group of its own
        }
        break;
      }
      case kRotateEvent: {
        auto r = RotateEvent::Decode(view->body, fde);
        if (!r.ok()) return fail(r.status(), "Rotate");
        scan.rotate_to = r->next_log;
        break;
      }
      case kStopEvent:
        scan.has_stop = true;
        break;
      case kIntvarEvent:
      case kRandEvent:
      case kUserVarEvent:
      case kAnnotateRowsEvent:
      case kTableMapEvent:
        // Statement context outside a group (binlogs without GTIDs or BEGIN):
        // the group ends with its statement.
        if (!in_group) open_group(pos, Gtid{}, true);
        break;
      default:
        if (!in_group && IsRowsEventType(h.type)) open_group(pos, Gtid{}, true);
        break;
    }
    scan.valid_end = end;
    if (!in_group) scan.group_end = end;
    pos = end;
  }
  return scan;
}

}  // namespace relaydb::binlog
