// --format=json on the MariaDB fixtures: one object per row change and per
// statement, typed values, column names from FULL row metadata.
#include "relaydb_binlog/json_printer.h"

#include <gtest/gtest.h>

#include <sstream>

#include "relaydb_binlog/tool_test_util.h"

namespace relaydb::binlog_tool {
namespace {

using test_util::FixturePath;
using test_util::RunTool;

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// The line for the event at `pos` (the first if several rows).
std::string LineAt(const std::vector<std::string>& lines, uint64_t pos) {
  const std::string key = ",\"pos\":" + std::to_string(pos) + ",";
  for (const std::string& l : lines) {
    if (l.find(key) != std::string::npos) return l;
  }
  return "";
}

class JsonFixtureTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto r = RunTool({"--format=json", FixturePath("mariadb-bin.000001")});
    ASSERT_EQ(r.rc, 0) << r.err;
    lines_ = Lines(r.out);
  }
  std::vector<std::string> lines_;
};

TEST_F(JsonFixtureTest, OneObjectPerRowAndPerStatement) {
  size_t inserts = 0, updates = 0, deletes = 0, queries = 0;
  for (const std::string& l : lines_) {
    ASSERT_EQ(l.front(), '{');
    ASSERT_EQ(l.back(), '}');
    inserts += l.find("\"op\":\"insert\"") != std::string::npos;
    updates += l.find("\"op\":\"update\"") != std::string::npos;
    deletes += l.find("\"op\":\"delete\"") != std::string::npos;
    queries += l.find("\"op\":\"query\"") != std::string::npos;
  }
  // capture_row.sql: 4 + 3 + 1 + 1 + 1 + 1 + 1 + 2 (group commit) inserts; 1 + 3 + 1 + 1
  // updates; 2 deletes; CREATE DATABASE, 3 CREATE TABLE, ALTER TABLE.
  EXPECT_EQ(inserts, 14u);
  EXPECT_EQ(updates, 6u);
  EXPECT_EQ(deletes, 2u);
  EXPECT_EQ(queries, 5u);
}

TEST_F(JsonFixtureTest, UpdateHasBeforeAndAfter) {
  EXPECT_EQ(LineAt(lines_, 13582),
            "{\"file\":\"" + FixturePath("mariadb-bin.000001") +
                "\",\"pos\":13582,\"end_pos\":13638,\"timestamp\":1700000000,\"server_id\":1,"
                "\"gtid\":\"0-1-10\",\"database\":\"fx\",\"table\":\"t_small\",\"op\":\"update\","
                "\"before\":{\"@1\":2,\"@2\":null,\"@3\":2},\"after\":{\"@1\":2,\"@2\":\"TWO\","
                "\"@3\":2}}");
}

TEST_F(JsonFixtureTest, MinimalImagesLeaveOutAbsentColumns) {
  const std::string l = LineAt(lines_, 14348);
  EXPECT_NE(l.find("\"before\":{\"@1\":1},\"after\":{\"@2\":\"uno\"}"), std::string::npos) << l;
}

TEST_F(JsonFixtureTest, FullMetadataGivesNamesLabelsAndSignedness) {
  const std::string l = LineAt(lines_, 18348);
  for (const char* part : {"\"id\":5", "\"c_int\":5", "\"c_uint\":5", "\"c_enum\":\"b\"",
                           "\"c_set\":\"x,z\"", "\"c_char_l1\":\"l1\"", "\"c_json\":null"}) {
    EXPECT_NE(l.find(part), std::string::npos) << part << " in " << l;
  }
  EXPECT_NE(LineAt(lines_, 18620).find("\"after\":{\"id\":20,\"v\":\"full\",\"n\":20}"),
            std::string::npos);
}

TEST_F(JsonFixtureTest, ValuesAreTyped) {
  const std::string l = LineAt(lines_, 5282);  // row 2: minimum values
  for (const char* part :
       {"\"@2\":-128", "\"@10\":-9223372036854775808", "\"@12\":\"-99999999.99\"", "\"@16\":-1.5",
        "\"@17\":-2.2250738585072014e-308", "\"@36\":\"0000-00-00\"",
        "\"@44\":\"1970-01-01 00:00:01\"", "\"@45\":\"1970-01-01 00:00:01.001\"",
        "\"@47\":\"-838:59:59\"", "\"@51\":1901", "\"@55\":\"[]\""}) {
    EXPECT_NE(l.find(part), std::string::npos) << part << " in " << l;
  }
  const std::string max = LineAt(lines_, 6938);                            // row 3: maximum values
  EXPECT_NE(max.find("\"@20\":18446744073709551615"), std::string::npos);  // BIT(64)
  EXPECT_NE(max.find("\"@23\":{\"base64\":\"/////////////w==\"}"), std::string::npos);  // latin1 ÿ
}

TEST_F(JsonFixtureTest, QueriesCarryTheirDatabaseAndGtid) {
  EXPECT_NE(LineAt(lines_, 372)
                .find("\"gtid\":\"0-1-1\",\"database\":\"fx\",\"op\":\"query\","
                      "\"query\":\"CREATE DATABASE fx\"}"),
            std::string::npos);
}

TEST(JsonTest, DatabaseFilterAndStatementFormat) {
  auto r = RunTool({"--format=json", "-d", "fx_l1", FixturePath("mariadb-bin.000002")});
  ASSERT_EQ(r.rc, 0) << r.err;
  const auto lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 3u) << r.out;
  EXPECT_NE(lines[0].find("\"query\":\"CREATE DATABASE fx_l1 CHARACTER SET latin1\""),
            std::string::npos);
  EXPECT_NE(lines[2].find("\"query\":\"INSERT INTO t VALUES (1)\""), std::string::npos);
}

TEST(JsonTest, StringEscaping) {
  EXPECT_EQ(JsonString("a\"b\\c\n\t\x01"), "\"a\\\"b\\\\c\\n\\t\\u0001\"");
  EXPECT_EQ(JsonString("\xc3\xbc"), "\"\xc3\xbc\"");  // valid UTF-8 kept
  EXPECT_EQ(JsonString("\xff"), "\"\xc3\xbf\"");      // invalid byte read as Latin-1
}

}  // namespace
}  // namespace relaydb::binlog_tool
