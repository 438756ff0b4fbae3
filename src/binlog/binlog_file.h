// One binlog file on disk: file naming, positioned event reads, and the
// validating scan crash recovery runs over the last file (docs/
// binlog_format.md, "Recovery"). Used by BinlogWriter and BinlogReader.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "binlog/control_events.h"
#include "binlog/gtid.h"
#include "common/status.h"

namespace relaydb::binlog {

// Largest event relaydb reads: max_allowed_packet's ceiling (1 GiB) plus
// the header and checksum.
inline constexpr uint64_t kMaxEventSize = (uint64_t{1} << 30) + kHeaderSize + kChecksumSize;

// "<basename>.000042": at least 6 digits, more once the number needs them.
std::string BinlogFileName(const std::string& basename, uint64_t number);
// The number of a "<basename>.<digits>" name, or false.
bool ParseBinlogFileNumber(const std::string& name, const std::string& basename, uint64_t* number);

// A binlog file opened read-only. Thread-compatible (one user at a time:
// ReadEvent reads ahead into a buffer, never past the `limit` it is given —
// bytes below a readable end never change).
class BinlogFile {
 public:
  static Result<std::unique_ptr<BinlogFile>> Open(const std::string& path);
  ~BinlogFile();
  BinlogFile(const BinlogFile&) = delete;
  BinlogFile& operator=(const BinlogFile&) = delete;

  const std::string& path() const { return path_; }
  Result<uint64_t> Size() const;
  // Corruption unless the file starts with "\xfebin".
  Status CheckMagic() const;

  enum class ReadOutcome {
    kEvent,    // *bytes holds the whole event starting at pos
    kEnd,      // pos == limit: nothing more
    kPartial,  // an event starts at pos but does not end by limit
  };
  // Reads the event at `pos`, never past `limit`. Corruption if its size
  // field is below 19 or above kMaxEventSize.
  Result<ReadOutcome> ReadEvent(uint64_t pos, uint64_t limit, std::string* bytes) const;

 private:
  BinlogFile(std::string path, int fd) : path_(std::move(path)), fd_(fd) {}
  // Copies [pos, pos + n) into *out from the read-ahead buffer, refilling
  // it (up to kReadAhead bytes, never past `limit`) when needed. Short when
  // the file ends first.
  Status ReadRange(uint64_t pos, size_t n, uint64_t limit, std::string* out) const;
  static constexpr size_t kReadAhead = 256 * 1024;
  std::string path_;
  int fd_ = -1;
  mutable std::string buf_;       // the file's bytes [buf_pos_, buf_pos_ + buf_.size())
  mutable uint64_t buf_pos_ = 0;
};

// An event group (transaction or standalone statement) found in a file.
struct GroupInfo {
  Gtid gtid;  // seq_no 0 when the group has no Gtid event
  uint64_t start = 0;
  uint64_t end = 0;
};

struct FileScan {
  bool has_format_description = false;
  FormatDescription fde;
  uint16_t fde_flags = 0;  // LOG_EVENT_BINLOG_IN_USE_F: not closed cleanly
  uint64_t file_size = 0;
  // End of the last event that frames and checksums correctly.
  uint64_t valid_end = 0;
  // End of the last complete event group (<= valid_end): where a torn or
  // unfinished tail is cut.
  uint64_t group_end = 0;
  // Why the scan stopped before file_size ("" if it reached the end).
  std::string tail_error;
  std::vector<Gtid> head_gtid_list;  // the Gtid_list after the FDE
  std::vector<GroupInfo> groups;     // complete groups, in order
  bool has_stop = false;
  std::string rotate_to;  // next file named by a Rotate, if any
};

// Reads `path` from the start, framing every event (size, checksum) and
// tracking group boundaries: a group starts at a Gtid event (or BEGIN) and
// ends at Xid, a COMMIT/ROLLBACK Query, or after the one statement of a
// standalone Gtid. A torn tail is reported, not an error; an IoError, a bad
// magic number, or an event that checksums but does not decode is.
Result<FileScan> ScanBinlogFile(const std::string& path);

}  // namespace relaydb::binlog
