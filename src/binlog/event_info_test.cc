// EventInfo against MariaDB's own SHOW BINLOG EVENTS output for the fixture
// files (tests/fixtures/binlog/show_binlog_events.txt).
#include "binlog/event_info.h"

#include <gtest/gtest.h>

#include <sstream>

#include "binlog/binlog_test_util.h"

namespace relaydb::binlog {
namespace {

using testing::FixtureEvents;
using testing::FixturePath;
using testing::ReadFileBytes;

struct Row {
  std::string file, type, info;
  uint64_t pos = 0, end = 0;
  uint32_t server_id = 0;
};

// Parses the tab-separated capture; multi-line Info values have their
// newlines escaped as "\n" by the mariadb client's batch mode.
std::vector<Row> ShowRows() {
  std::istringstream in(ReadFileBytes(FixturePath("show_binlog_events.txt")));
  std::vector<Row> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("Log_name\t", 0) == 0) continue;
    std::vector<std::string> f;
    size_t start = 0;
    for (int i = 0; i < 5; i++) {
      size_t tab = line.find('\t', start);
      f.push_back(line.substr(start, tab - start));
      start = tab + 1;
    }
    Row r{f[0], f[2], line.substr(start), std::stoull(f[1]), std::stoull(f[4]),
          static_cast<uint32_t>(std::stoul(f[3]))};
    // Undo the client's escaping.
    std::string info;
    for (size_t i = 0; i < r.info.size(); i++) {
      if (r.info[i] == '\\' && i + 1 < r.info.size()) {
        char c = r.info[++i];
        info += c == 'n' ? '\n' : c == 't' ? '\t' : c == '0' ? '\0' : c;
      } else {
        info += r.info[i];
      }
    }
    r.info = info;
    rows.push_back(r);
  }
  return rows;
}

TEST(EventInfo, MatchesMariaDbShowBinlogEvents) {
  std::vector<Row> rows = ShowRows();
  ASSERT_GT(rows.size(), 100u);
  std::map<std::string, std::vector<testing::RawEvent>> files;
  size_t checked = 0;
  FormatDescription fde = FormatDescription::MariaDb(ChecksumAlg::kCrc32);
  std::string current;
  for (const Row& r : rows) {
    if (!files.count(r.file)) files[r.file] = FixtureEvents(r.file);
    const auto& events = files[r.file];
    auto it = std::find_if(events.begin(), events.end(), [&](const auto& e) { return e.pos == r.pos; });
    ASSERT_NE(it, events.end()) << r.file << ":" << r.pos;
    if (r.file != current) {
      current = r.file;
      auto f = ParseEvent(events.front().bytes, FormatDescription::MariaDb(ChecksumAlg::kCrc32), 4);
      ASSERT_TRUE(f.ok());
      fde = *f->As<FormatDescription>();
    }
    auto e = ParseEvent(it->bytes, fde, it->pos);
    ASSERT_TRUE(e.ok()) << e.status().ToString();
    EXPECT_EQ(EventTypeName(e->header.type), r.type) << r.file << ":" << r.pos;
    EXPECT_EQ(e->header.log_pos, r.end);
    EXPECT_EQ(e->header.server_id, r.server_id);
    EXPECT_EQ(EventInfo(*e), r.info) << r.file << ":" << r.pos << " " << r.type;
    checked++;
  }
  EXPECT_EQ(checked, rows.size());
}

}  // namespace
}  // namespace relaydb::binlog
