// BinlogReader: reads the events of a binary log (or relay log) in order,
// from a file and position, across files (docs/binlog_format.md,
// "Reading"). The dump thread sends what it returns to replicas; the SQL
// thread applies a relay log with it; tools dump files with it.
//
// * Each event comes back as its bytes with its file and start/end
//   positions; ParseEvent(bytes, format_description()) decodes it.
// * The reader keeps the Format_description in force (the file's first
//   event, or a later one, as relay logs carry the source's) for framing:
//   sizes and checksums are verified before an event is returned.
// * After a Rotate event the next call continues in the file it names. A
//   file that ends without a Rotate (a crash) is followed by the next file
//   of the index once one exists.
// * With a live source (the BinlogWriter), reading stops at its readable
//   end; Next() can wait for it to move. Without one, files are read to
//   their end.
//
// Outcomes of Next(): an event; kEndOfLog (caught up: nothing more within
// the wait, or the source closed); or an error Status: Corruption naming
// the file and position (bad size, checksum, truncated event in a finished
// file), IoError, or NotFound-style IoError if a file vanished (purged).
//
// Not thread-safe: one reader per thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "binlog/binlog_file.h"
#include "binlog/binlog_position.h"
#include "binlog/control_events.h"
#include "binlog/event_header.h"
#include "common/status.h"

namespace relaydb::binlog {

struct ReadEvent {
  std::string bytes;  // the whole event, checksum included
  EventHeader header;
  std::string file;    // the file it was read from
  uint64_t start = 0;  // its position in that file
  uint64_t end = 0;    // just past it
};

class BinlogReader {
 public:
  enum class Outcome { kEvent, kEndOfLog };

  // Reads files in `dir` listed by the index at `index_path`. `live` (may be
  // null) must outlive the reader.
  BinlogReader(std::string dir, std::string index_path, const BinlogEndSource* live = nullptr);
  ~BinlogReader();

  // Positions the reader at `pos` (an event boundary; 4 = the first event)
  // of `file`. Reads and checks the file's Format_description first.
  // IoError if the file cannot be opened; Corruption if it is not a binlog.
  Status Open(const std::string& file, uint64_t pos = kFirstEventPosition);

  // Reads the next event into *event (see the outcomes above). `wait` is
  // how long to wait for a live source to grow before kEndOfLog.
  Result<Outcome> Next(ReadEvent* event,
                       std::chrono::milliseconds wait = std::chrono::milliseconds(0));

  // The Format_description in force, and the bytes of the file's first one
  // (a dump thread sends it first when a replica starts mid-file).
  const FormatDescription& format_description() const { return fde_; }
  const std::string& format_description_event() const { return fde_event_; }
  // Whether Next() verifies each event's CRC32 (default: yes). A dump thread
  // follows master_verify_checksum (OFF by default, as MariaDB: the
  // replica's I/O thread verifies every event it receives).
  void set_verify_checksums(bool verify) { verify_checksums_ = verify; }
  // Where the next event will be read.
  LogPosition position() const { return {file_, pos_}; }

 private:
  Status OpenFile(const std::string& file);
  // The readable end of the current file, and whether more may come.
  Result<uint64_t> Limit(bool* growing);
  // The file after the current one in the index, or "".
  Result<std::string> NextFile();

  const std::string dir_;
  const std::string index_path_;
  const BinlogEndSource* const live_;
  std::unique_ptr<BinlogFile> in_;
  std::string file_;
  uint64_t pos_ = 0;
  FormatDescription fde_;
  std::string fde_event_;
  bool verify_checksums_ = true;
  std::string scratch_;
  // Limit() of the current file, valid until pos_ reaches it.
  bool limit_known_ = false;
  uint64_t limit_ = 0;
  bool limit_growing_ = false;
  std::string pending_rotate_;  // file named by the last Rotate event returned
  uint64_t pending_rotate_pos_ = 0;
};

}  // namespace relaydb::binlog
