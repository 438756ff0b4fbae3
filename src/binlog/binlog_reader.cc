// BinlogReader. See binlog_reader.h and docs/binlog_format.md ("Reading").
#include "binlog/binlog_reader.h"

#include "binlog/binlog_index.h"

namespace relaydb::binlog {
namespace {

Status InFile(const std::string& file, const Status& s) {
  if (s.code() != Status::Code::kCorruption) return s;
  return Status::Corruption("binlog '" + file + "': " + s.message());
}

}  // namespace

BinlogReader::BinlogReader(std::string dir, std::string index_path, const BinlogEndSource* live)
    : dir_(std::move(dir)), index_path_(std::move(index_path)), live_(live) {}

BinlogReader::~BinlogReader() = default;

Status BinlogReader::OpenFile(const std::string& file) {
  limit_known_ = false;
  ASSIGN_OR_RETURN(auto in, BinlogFile::Open(dir_ + "/" + file));
  RETURN_IF_ERROR(in->CheckMagic());
  ASSIGN_OR_RETURN(uint64_t size, in->Size());
  std::string bytes;
  ASSIGN_OR_RETURN(auto outcome, in->ReadEvent(kFirstEventPosition, size, &bytes));
  if (outcome != BinlogFile::ReadOutcome::kEvent) {
    return Status::Corruption("binlog '" + file + "' has no complete Format_description event");
  }
  auto view = FrameEvent(bytes, ChecksumAlg::kOff, kFirstEventPosition);
  if (!view.ok()) return InFile(file, view.status());
  if (view->header.type != kFormatDescriptionEvent) {
    return Status::Corruption("binlog '" + file +
                              "' does not start with a Format_description event");
  }
  auto fde = FormatDescription::Decode(view->body);
  if (!fde.ok()) return InFile(file, fde.status());
  in_ = std::move(in);
  file_ = file;
  fde_ = std::move(fde).value();
  fde_event_ = std::move(bytes);
  pos_ = kFirstEventPosition;
  return Status::Ok();
}

Status BinlogReader::Open(const std::string& file, uint64_t pos) {
  if (pos < kFirstEventPosition) {
    return Status::InvalidArgument("binlog position " + std::to_string(pos) +
                                   " is before the first event");
  }
  pending_rotate_.clear();
  RETURN_IF_ERROR(OpenFile(file));
  pos_ = pos;
  return Status::Ok();
}

Result<uint64_t> BinlogReader::Limit(bool* growing) {
  // A readable end only moves forward (events up to it are complete): asked
  // again only once reached, not per event (a lock and a copy, or fstat).
  if (limit_known_ && pos_ < limit_) {
    *growing = limit_growing_;
    return limit_;
  }
  *growing = false;
  uint64_t limit = 0;
  bool live_end = false;
  if (live_ != nullptr) {
    const LogPosition end = live_->ReadableEnd();
    if (end.file == file_) {
      *growing = !live_->closed();
      limit = end.pos;
      live_end = true;
    }
  }
  if (!live_end) {
    ASSIGN_OR_RETURN(limit, in_->Size());
  }
  limit_known_ = true;
  limit_ = limit;
  limit_growing_ = *growing;
  return limit;
}

Result<std::string> BinlogReader::NextFile() {
  ASSIGN_OR_RETURN(BinlogIndex index, BinlogIndex::Load(index_path_));
  return index.Next(file_);
}

Result<BinlogReader::Outcome> BinlogReader::Next(ReadEvent* event, std::chrono::milliseconds wait) {
  if (!in_) return Status::InvalidArgument("binlog reader is not open");
  const auto deadline = wait.count() > 0 ? std::chrono::steady_clock::now() + wait
                                         : std::chrono::steady_clock::time_point::min();
  // Read into scratch_, swapped with the event's buffer when one is
  // returned: the buffers go round, no allocation per event.
  std::string& bytes = scratch_;
  while (true) {
    if (!pending_rotate_.empty()) {
      const std::string next = pending_rotate_;
      const uint64_t next_pos = pending_rotate_pos_;
      pending_rotate_.clear();
      RETURN_IF_ERROR(OpenFile(next));
      pos_ = next_pos < kFirstEventPosition ? kFirstEventPosition : next_pos;
    }
    bool growing = false;
    ASSIGN_OR_RETURN(uint64_t limit, Limit(&growing));
    if (pos_ > limit) {
      // A start position past the end, or the log was reset under us.
      return Status::InvalidArgument("binlog '" + file_ + "': position " + std::to_string(pos_) +
                                     " is past its end " + std::to_string(limit));
    }
    auto outcome = in_->ReadEvent(pos_, limit, &bytes);
    if (!outcome.ok()) return InFile(file_, outcome.status());
    if (*outcome == BinlogFile::ReadOutcome::kPartial && !growing) {
      return Status::Corruption("binlog '" + file_ + "': truncated event at position " +
                                std::to_string(pos_));
    }
    if (*outcome != BinlogFile::ReadOutcome::kEvent) {
      if (!growing) {
        ASSIGN_OR_RETURN(std::string next, NextFile());
        if (!next.empty()) {
          RETURN_IF_ERROR(OpenFile(next));
          continue;
        }
        return Outcome::kEndOfLog;
      }
      const auto now = std::chrono::steady_clock::now();
      if (now >= deadline) return Outcome::kEndOfLog;
      // Wakes when the end moves or the log closes; the loop then reads on,
      // or (closed) reads the file to its end.
      live_->WaitForUpdate(LogPosition{file_, limit},
                           std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now) +
                               std::chrono::milliseconds(1));
      continue;
    }
    const ChecksumAlg alg = fde_.checksummed() ? ChecksumAlg::kCrc32 : ChecksumAlg::kOff;
    auto view = FrameEvent(bytes, alg, pos_, verify_checksums_);
    if (!view.ok()) return InFile(file_, view.status());
    const EventHeader h = view->header;
    if (h.type == kFormatDescriptionEvent && pos_ != kFirstEventPosition) {
      // A relay log carries the source's Format_description after its own.
      auto fde = FormatDescription::Decode(view->body);
      if (!fde.ok()) return InFile(file_, fde.status());
      fde_ = std::move(fde).value();
    }
    if (h.type == kRotateEvent && !(h.flags & kLogEventArtificialF)) {
      auto rot = RotateEvent::Decode(view->body, fde_);
      if (!rot.ok()) return InFile(file_, rot.status());
      // Follow it only if it names a file of this log (a relay log also
      // holds the source's Rotate events, which name the source's files).
      ASSIGN_OR_RETURN(BinlogIndex index, BinlogIndex::Load(index_path_));
      if (index.Find(rot->next_log) >= 0 && rot->next_log != file_) {
        pending_rotate_ = rot->next_log;
        pending_rotate_pos_ = rot->position;
      }
    }
    event->header = h;
    event->file = file_;
    event->start = pos_;
    event->end = pos_ + bytes.size();
    event->bytes.swap(bytes);
    pos_ = event->end;
    return Outcome::kEvent;
  }
}

}  // namespace relaydb::binlog
