// Helpers shared by the binlog unit tests: the captured MariaDB fixtures
// (tests/fixtures/binlog, see its README.md) split into events, and temp
// directories.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "binlog/events.h"

namespace relaydb {
// Readable gtest failure messages for Values.
inline void PrintTo(const Value& v, std::ostream* os) {
  static const char* kKinds[] = {"Null", "Int", "UInt", "Double", "String"};
  *os << kKinds[static_cast<int>(v.kind())] << "(" << v.ToText() << ")";
}
}  // namespace relaydb

namespace relaydb::binlog::testing {

inline std::string FixturePath(const std::string& name) {
  return std::string(RDB_BINLOG_FIXTURE_DIR) + "/" + name;
}

inline std::string ReadFileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void WriteFileBytes(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
}

struct RawEvent {
  uint64_t pos = 0;
  std::string bytes;
  uint8_t type() const { return static_cast<uint8_t>(bytes[kTypeOffset]); }
};

// Splits a whole binlog file (magic included) into events by their sizes.
inline std::vector<RawEvent> SplitFile(const std::string& file) {
  std::vector<RawEvent> out;
  EXPECT_EQ(file.substr(0, 4), std::string(kBinlogMagic));
  uint64_t pos = 4;
  while (pos + kHeaderSize <= file.size()) {
    EventHeader h;
    EXPECT_TRUE(DecodeHeader(std::string_view(file).substr(pos), &h).ok());
    if (h.event_size < kHeaderSize || pos + h.event_size > file.size()) break;
    out.push_back(RawEvent{pos, file.substr(pos, h.event_size)});
    pos += h.event_size;
  }
  return out;
}

inline std::vector<RawEvent> FixtureEvents(const std::string& name) {
  return SplitFile(ReadFileBytes(FixturePath(name)));
}

// The Format_description of a fixture file.
inline FormatDescription FixtureFde(const std::string& name) {
  auto events = FixtureEvents(name);
  auto e = ParseEvent(events.at(0).bytes, FormatDescription::MariaDb(ChecksumAlg::kCrc32), 4);
  EXPECT_TRUE(e.ok()) << e.status().ToString();
  return *e->As<FormatDescription>();
}

// A fresh temporary directory, removed with its contents on destruction.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "rdb_binlog_XXXXXX").string();
    path_ = mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

}  // namespace relaydb::binlog::testing
