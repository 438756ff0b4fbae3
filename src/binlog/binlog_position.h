// A position in a binary log (file name + byte offset), and the narrow
// interface through which a live log tells its readers how far they may read
// and wakes them when it grows: BinlogWriter implements it, BinlogReader
// (the dump thread, the SQL thread on a relay log) consumes it, and a test
// can hand in a fake.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace relaydb::binlog {

struct LogPosition {
  std::string file;  // bare file name, e.g. "mariadb-bin.000001"
  uint64_t pos = 0;

  bool operator==(const LogPosition& o) const { return file == o.file && pos == o.pos; }
  bool operator!=(const LogPosition& o) const { return !(*this == o); }
};

class BinlogEndSource {
 public:
  virtual ~BinlogEndSource() = default;

  // The end of the readable log: events before it in `file` are complete and
  // committed; files before `file` in the index are complete. Thread-safe.
  virtual LogPosition ReadableEnd() const = 0;

  // Blocks until ReadableEnd() differs from `seen`, the log is closed, or
  // `timeout` passes; returns ReadableEnd(). Thread-safe.
  virtual LogPosition WaitForUpdate(const LogPosition& seen,
                                    std::chrono::milliseconds timeout) const = 0;

  // True once the log was closed (server shutdown); readers stop waiting.
  virtual bool closed() const = 0;
};

}  // namespace relaydb::binlog
