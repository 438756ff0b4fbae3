// Helpers for relaydb-binlog's unit tests: run the tool in-process, read
// fixtures and golden files, make scratch files.
#pragma once

#include <stdlib.h>
#include <unistd.h>

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "relaydb_binlog/binlog_tool.h"

namespace relaydb::binlog_tool::test_util {

inline std::string FixturePath(const std::string& name) {
  return std::string(RDB_BINLOG_FIXTURE_DIR) + "/" + name;
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
}

// testdata/<name>: what mariadb-binlog 10.11 printed with TZ=UTC.
inline std::string Golden(const std::string& name) {
  return ReadFile(std::string(RDB_BINLOG_TESTDATA_DIR) + "/" + name);
}

struct ToolRun {
  int rc = 0;
  std::string out;
  std::string err;
};

inline std::string Drain(std::FILE* f) {
  std::fflush(f);
  std::rewind(f);
  std::string s;
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) s.append(buf, n);
  std::fclose(f);
  return s;
}

// Runs RunBinlogTool with TZ=UTC (times print in local time, as in
// mariadb-binlog; the goldens were made in UTC).
inline ToolRun RunTool(const std::vector<std::string>& args) {
  setenv("TZ", "UTC", 1);
  tzset();
  std::FILE* out = std::tmpfile();
  std::FILE* err = std::tmpfile();
  ToolRun r;
  r.rc = RunBinlogTool(args, out, err);
  r.out = Drain(out);
  r.err = Drain(err);
  return r;
}

// A fresh directory under the system temp dir, removed by the destructor.
class ScratchDir {
 public:
  ScratchDir() {
    std::string tmpl =
        (std::filesystem::temp_directory_path() / "relaydb-binlog-test-XXXXXX").string();
    path_ = mkdtemp(tmpl.data());
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string File(const std::string& name) const { return path_ + "/" + name; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace relaydb::binlog_tool::test_util
