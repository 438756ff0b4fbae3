// relaydb-binlog's command line: mariadb-binlog's spellings.
#include "relaydb_binlog/options.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>

namespace relaydb::binlog_tool {
namespace {

Options Parse(const std::vector<std::string>& args) {
  auto o = ParseOptions(args);
  EXPECT_TRUE(o.ok()) << o.status().message();
  return o.ok() ? *o : Options{};
}

TEST(OptionsTest, LongShortAndGroupedForms) {
  Options o = Parse({"-vv", "-dfx", "-T", "t", "--start-position=330", "--stop_position", "900",
                     "--base64-output=DECODE-ROWS", "f1", "f2"});
  EXPECT_EQ(o.verbose, 2);
  EXPECT_EQ(o.database, "fx");
  EXPECT_EQ(o.table, "t");
  EXPECT_EQ(o.start_position, 330u);
  EXPECT_EQ(o.stop_position, 900u);
  EXPECT_EQ(o.base64, Base64Mode::kDecodeRows);
  EXPECT_EQ(o.files, (std::vector<std::string>{"f1", "f2"}));
}

TEST(OptionsTest, RemoteOptions) {
  Options o = Parse({"-R", "-h", "db1", "-P", "3307", "-u", "repl", "-psecret", "--raw",
                     "--stop-never", "-r", "/tmp/x/", "mariadb-bin.000001"});
  EXPECT_TRUE(o.remote);
  EXPECT_EQ(o.host, "db1");
  EXPECT_EQ(o.port, 3307);
  EXPECT_EQ(o.user, "repl");
  EXPECT_EQ(o.password, "secret");
  EXPECT_TRUE(o.raw);
  EXPECT_TRUE(o.stop_never);
  EXPECT_TRUE(o.to_last_log);  // implied
  EXPECT_EQ(o.stop_never_slave_server_id, 65535u);
  EXPECT_EQ(o.result_file, "/tmp/x/");
  o = Parse({"--password", "file"});  // --password without '=' takes no value
  EXPECT_EQ(o.password, "");
  EXPECT_EQ(o.files, (std::vector<std::string>{"file"}));
}

TEST(OptionsTest, SkipPrefixesAndDefaults) {
  Options o = Parse({"f"});
  EXPECT_TRUE(o.print_row_count);
  EXPECT_TRUE(o.verify_checksum);
  EXPECT_TRUE(o.force_if_open);
  EXPECT_EQ(o.format, OutputFormat::kText);
  o = Parse({"--skip-print-row-count", "--skip-verify-binlog-checksum", "--skip-force-if-open",
             "--format=json", "--skip-gtid-strict-mode", "f"});
  EXPECT_FALSE(o.print_row_count);
  EXPECT_FALSE(o.verify_checksum);
  EXPECT_FALSE(o.force_if_open);
  EXPECT_FALSE(o.gtid_strict_mode);
  EXPECT_EQ(o.format, OutputFormat::kJson);
}

TEST(OptionsTest, BadValuesAreRejected) {
  for (const auto& args :
       std::vector<std::vector<std::string>>{{"--start-position=0-1-5", "f"},
                                             {"--start-position"},
                                             {"--base64-output=sometimes", "f"},
                                             {"--format=xml", "f"},
                                             {"--bogus", "f"},
                                             {"-Z", "f"},
                                             {"--hexdump", "f"},
                                             {"--start-datetime=2024-13-01 00:00:00", "f"},
                                             {"--stop-datetime=yesterday", "f"}}) {
    EXPECT_FALSE(ParseOptions(args).ok()) << args[0];
  }
}

TEST(OptionsTest, DatetimesAreLocalTime) {
  setenv("TZ", "UTC", 1);
  tzset();
  EXPECT_EQ(*ParseLocalDatetime("2023-11-14 22:13:20"), 1700000000);
  EXPECT_EQ(*ParseLocalDatetime("20231114221320"), 1700000000);
  EXPECT_EQ(*ParseLocalDatetime("2023/11/14T22:13:20.5"), 1700000000);
  EXPECT_FALSE(ParseLocalDatetime("2023-11-14").ok());  // a time is required
  setenv("TZ", "Etc/GMT-2", 1);                         // UTC+2
  tzset();
  EXPECT_EQ(*ParseLocalDatetime("2023-11-15 00:13:20"), 1700000000);
  setenv("TZ", "UTC", 1);
  tzset();
}

}  // namespace
}  // namespace relaydb::binlog_tool
