// How relaydb-binlog gets events: framing and decoding one event's bytes
// with the Format_description in force (DecodeToolEvent), and reading a
// local binlog or relay log file from a position (LocalFileReader).
//
// Errors carry mariadb-binlog's wording so that a user sees the same thing
// from both tools: "Error in Log_event::read_log_event(): 'Event crc check
// failed! Most likely there is event corruption.', data_len: 168,
// event_type: 19". The position is reported by the caller
// (ReadErrorLine()).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "binlog/control_events.h"
#include "binlog/events.h"
#include "common/status.h"

namespace relaydb::binlog_tool {

// One event as the printers see it.
struct ToolEvent {
  std::string file;     // the file it came from (as given, or the server's name)
  uint64_t pos = 0;     // its position in that file
  std::string bytes;    // the whole event, checksum included
  binlog::Event event;  // header + decoded body
  // The event ends with a CRC32 (stripped before decoding).
  bool has_crc = false;
  // mariadb-binlog prints "CRC32 0x<crc>" in the header line: the checksum
  // algorithm in force (for a Format_description, its own) is CRC32.
  bool print_crc = false;
  uint32_t crc = 0;
  // server_version of the Format_description in force (its own for one).
  std::string server_version;

  const binlog::EventHeader& header() const { return event.header; }
  uint8_t type() const { return event.header.type; }
};

// Frames `bytes` (exactly one event: size, optional CRC check) and decodes
// its body with `fde` in force (a Format_description is framed by its own
// rules). `verify` checks the CRC32. On failure, Corruption with
// mariadb-binlog's message ("Error in Log_event::read_log_event(): ...").
Status DecodeToolEvent(std::string bytes, uint64_t pos, const binlog::FormatDescription& fde,
                       bool verify, ToolEvent* out);

// "Could not read entry at offset N of 'file': Error in log format or read
// error." (mariadb-binlog's second error line, with the file added).
std::string ReadErrorLine(const std::string& file, uint64_t pos);

// Reads one local binlog/relay log file. Not thread-safe.
class LocalFileReader {
 public:
  LocalFileReader();
  ~LocalFileReader();
  LocalFileReader(const LocalFileReader&) = delete;
  LocalFileReader& operator=(const LocalFileReader&) = delete;

  // Opens `path` and positions at `start_pos`. Like mariadb-binlog's
  // check_header(), first reads the Format_description (and Rotate) events
  // that lie before `start_pos`, so that the events after it can be framed;
  // those Format_description events are returned by probe_events().
  // Errors (already worded for the user): the file cannot be opened, "File
  // is not a binary log file.", or a read error in the probed events.
  Status Open(const std::string& path, uint64_t start_pos, bool verify);

  const std::vector<ToolEvent>& probe_events() const { return probe_events_; }

  enum class Outcome { kEvent, kEnd };
  // The next event, or kEnd at the end of the file (a partial event at the
  // end of a file whose Format_description says it is still in use counts
  // as the end, as in mariadb-binlog). Corruption/IoError with the
  // mariadb-binlog message; position() is then the failing event's.
  Result<Outcome> Next(ToolEvent* ev);

  uint64_t position() const { return pos_; }
  const binlog::FormatDescription& format_description() const { return fde_; }
  // The Format_description in force had LOG_EVENT_BINLOG_IN_USE_F.
  bool in_use() const { return in_use_; }

 private:
  // Reads the event at `pos` into *bytes. kEnd: nothing (or a tolerated
  // partial event) there.
  Result<Outcome> ReadAt(uint64_t pos, std::string* bytes);
  Status Consume(std::string bytes, uint64_t pos, ToolEvent* ev);

  std::string path_;
  int fd_ = -1;
  bool verify_ = true;
  uint64_t pos_ = 0;
  binlog::FormatDescription fde_;
  bool in_use_ = false;
  std::vector<ToolEvent> probe_events_;
};

}  // namespace relaydb::binlog_tool
