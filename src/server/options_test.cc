// Tests for start-up option parsing. Expected messages were captured from
// mariadbd 10.11.19 (with "mariadbd" replaced by the program name).
#include "server/options.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <string>
#include <vector>

namespace relaydb::server {
namespace {

class OptionsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/options_test.XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
    env_.default_files.clear();
    env_.hostname = "myhost";
    env_.cwd = "/work";
  }
  void TearDown() override {
    std::string cmd = "rm -rf '" + dir_ + "'";
    ASSERT_EQ(system(cmd.c_str()), 0);
  }
  std::string Write(const std::string& name, const std::string& text) {
    std::string path = dir_ + "/" + name;
    std::ofstream(path) << text;
    return path;
  }
  ParsedOptions Parse(std::vector<std::string> args) {
    return ParseServerOptions(args, &vars_, env_);
  }
  std::string Var(const std::string& name) { return vars_.GetString(name); }
  static std::vector<std::string> Texts(const ParsedOptions& p) {
    std::vector<std::string> out;
    for (const auto& m : p.messages) out.push_back(m.text);
    return out;
  }

  std::string dir_;
  OptionsEnv env_;
  sql::GlobalVariables vars_;
};

TEST_F(OptionsTest, CommandLineValues) {
  auto p = Parse({"--datadir=/d", "--port=3307", "--max-allowed-packet=64M", "--sync-binlog=0",
                  "--binlog-format=statement", "--sql-mode=ANSI", "--server_id=42",
                  "--max_connections", "500", "--bind-address=127.0.0.1", "--socket=/tmp/r.sock"});
  ASSERT_TRUE(p.ok()) << Texts(p).back();
  EXPECT_TRUE(p.messages.empty());
  const ServerOptions& o = p.options;
  EXPECT_EQ(o.datadir, "/d");
  EXPECT_EQ(Var("datadir"), "/d/");
  EXPECT_EQ(o.port, 3307);
  EXPECT_EQ(o.server_id, 42u);
  EXPECT_EQ(o.max_connections, 500u);
  EXPECT_EQ(o.bind_address, "127.0.0.1");
  EXPECT_EQ(o.socket, "/tmp/r.sock");
  EXPECT_EQ(vars_.GetUInt("max_allowed_packet"), 67108864u);
  EXPECT_EQ(vars_.GetUInt("sync_binlog"), 0u);
  EXPECT_EQ(Var("binlog_format"), "STATEMENT");
  EXPECT_EQ(Var("sql_mode"), "REAL_AS_FLOAT,PIPES_AS_CONCAT,ANSI_QUOTES,IGNORE_SPACE,ANSI");
  EXPECT_EQ(o.pid_file, "/d/myhost.pid");
  EXPECT_EQ(o.relay_log_basename, "/d/myhost-relay-bin");
  EXPECT_EQ(o.relay_log_index, "/d/myhost-relay-bin.index");
  EXPECT_TRUE(o.log_bin);  // on by default
  EXPECT_EQ(Var("version"), "10.11.19-MariaDB-relaydb-log");
}

TEST_F(OptionsTest, ShortOptionsAndSeparateValues) {
  auto p = Parse({"-h", "data", "-P3309", "--port", "3310", "-u", "mysql", "-V"});
  ASSERT_TRUE(p.ok()) << Texts(p).back();
  EXPECT_EQ(p.options.datadir, "/work/data");  // relative to the working directory
  EXPECT_EQ(p.options.port, 3310);             // the last one wins
  EXPECT_EQ(p.options.user, "mysql");
  EXPECT_TRUE(p.options.version);
  EXPECT_EQ(VersionLine(vars_, "relaydb"),
            "relaydb  Ver 10.11.19-MariaDB-relaydb for Linux on " +
                vars_.GetString("version_compile_machine") + " (relaydb)");
}

TEST_F(OptionsTest, Suffixes) {
  for (auto [arg, expect] : std::vector<std::pair<std::string, uint64_t>>{
           {"--max-allowed-packet=1k", 1024},
           {"--max-allowed-packet=1m", 1048576},
           {"--max-allowed-packet=1G", 1073741824},
           {"--max-allowed-packet=1025", 1024},  // block size: silently rounded
           {"--max-allowed-packet= 65536", 65536}}) {
    auto p = Parse({arg});
    ASSERT_TRUE(p.ok()) << arg;
    EXPECT_EQ(vars_.GetUInt("max_allowed_packet"), expect) << arg;
  }
  auto p = Parse({"--max-allowed-packet=2G"});
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(Texts(p), (std::vector<std::string>{
                          "option 'max_allowed_packet': unsigned value 2147483648 adjusted to "
                          "1073741824"}));
  EXPECT_EQ(p.messages[0].level, LogLevel::kWarning);
  p = Parse({"--max-connections=5"});
  EXPECT_EQ(Texts(p),
            (std::vector<std::string>{"option 'max_connections': unsigned value 5 adjusted to 10"}));
  p = Parse({"--max-user-connections=-5"});
  EXPECT_EQ(Texts(p), (std::vector<std::string>{
                          "option 'max_user_connections': signed value -5 adjusted to -1"}));
  p = Parse({"--long-query-time=1e20"});
  EXPECT_EQ(Texts(p), (std::vector<std::string>{
                          "option 'long_query_time': value 1e20 adjusted to 3.15e7"}));
  p = Parse({"--long-query-time=1.5"});
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(vars_.GetString("long_query_time"), "1.5");
}

TEST_F(OptionsTest, NumberErrors) {
  auto p = Parse({"--max-allowed-packet=64X"});
  EXPECT_EQ(p.exit_code, 1);
  EXPECT_EQ(Texts(p), (std::vector<std::string>{
                          "Unknown suffix 'X' used for variable 'max_allowed_packet' (value '64X'). "
                          "Legal suffix characters are: K, M, G, T, P, E",
                          "relaydb: Error while setting value '64X' to 'max_allowed_packet'"}));
  p = Parse({"--port=-5"});
  EXPECT_EQ(Texts(p), (std::vector<std::string>{"Incorrect unsigned value: '-5' for port",
                                                "relaydb: Error while setting value '-5' to 'port'"}));
  p = Parse({"--max-allowed-packet=99999999999999999999999"});
  EXPECT_EQ(Texts(p)[0],
            "Integer value out of range for uint64: '99999999999999999999999' for "
            "max_allowed_packet");
  p = Parse({"--long-query-time=1k"});
  EXPECT_EQ(Texts(p), (std::vector<std::string>{
                          "Invalid decimal value for option 'long_query_time'",
                          "relaydb: Error while setting value '1k' to 'long_query_time'"}));
  p = Parse({"--binlog-format=foo"});
  EXPECT_EQ(Texts(p), (std::vector<std::string>{
                          "relaydb: Error while setting value 'foo' to 'binlog_format'"}));
  p = Parse({"--sql-mode=ansi,foo"});
  EXPECT_EQ(Texts(p), (std::vector<std::string>{
                          "relaydb: Error while setting value 'ansi,foo' to 'sql_mode'"}));
  p = Parse({"--binlog-format=ro"});  // a unique prefix of an enum value
  EXPECT_TRUE(p.ok());
  EXPECT_EQ(Var("binlog_format"), "ROW");
}

TEST_F(OptionsTest, Booleans) {
  EXPECT_TRUE(Parse({"--read-only"}).options.read_only);
  EXPECT_FALSE(Parse({"--read-only", "--skip-read-only"}).options.read_only);
  EXPECT_FALSE(Parse({"--read-only", "--disable-read-only"}).options.read_only);
  EXPECT_TRUE(Parse({"--enable-read-only"}).options.read_only);
  EXPECT_TRUE(Parse({"--read-only=true"}).options.read_only);
  EXPECT_FALSE(Parse({"--read-only=0"}).options.read_only);
  auto p = Parse({"--read-only=yes"});
  EXPECT_TRUE(p.ok());
  EXPECT_FALSE(p.options.read_only);
  EXPECT_EQ(Texts(p), (std::vector<std::string>{
                          "option 'read_only': boolean value 'yes' wasn't recognized. Set to OFF."}));
  p = Parse({"--skip-name-resolve", "--log-slave-updates", "--skip-slave-start",
             "--skip-networking", "--autocommit=0"});
  EXPECT_TRUE(p.options.skip_name_resolve);
  EXPECT_TRUE(p.options.log_slave_updates);
  EXPECT_TRUE(p.options.skip_slave_start);
  EXPECT_TRUE(p.options.skip_networking);
  EXPECT_FALSE(vars_.GetBool("autocommit"));
  EXPECT_EQ(Var("log_slave_updates"), "1");
}

TEST_F(OptionsTest, BinaryAndRelayLogs) {
  auto p = Parse({"--datadir=/d", "--log-bin"});
  ASSERT_TRUE(p.ok());
  EXPECT_TRUE(p.options.log_bin);
  EXPECT_EQ(p.options.log_bin_basename, "/d/myhost-bin");
  EXPECT_EQ(p.options.log_bin_index, "/d/myhost-bin.index");
  EXPECT_TRUE(vars_.GetBool("log_bin"));
  EXPECT_EQ(Var("log_bin_basename"), "/d/myhost-bin");
  EXPECT_EQ(Var("version"), "10.11.19-MariaDB-relaydb-log");
  EXPECT_EQ(VersionLine(vars_, "relaydb").find("-log"), std::string::npos);

  sql::GlobalVariables v2;
  p = ParseServerOptions({"--datadir=/d", "--log-bin=mysql-bin", "--log-bin-index=/idx/bin.index",
                          "--relay-log=relay", "--relay-log-index=ri.index"},
                         &v2, env_);
  EXPECT_EQ(p.options.log_bin_basename, "/d/mysql-bin");
  EXPECT_EQ(p.options.log_bin_index, "/idx/bin.index");
  EXPECT_EQ(p.options.relay_log_basename, "/d/relay");
  EXPECT_EQ(p.options.relay_log_index, "/d/ri.index");

  sql::GlobalVariables v3;
  p = ParseServerOptions({"--datadir=/d", "--log-bin", "--skip-log-bin", "--log-basename=srv",
                          "--log-error"},
                         &v3, env_);
  EXPECT_FALSE(p.options.log_bin);
  EXPECT_FALSE(v3.GetBool("log_bin"));
  EXPECT_EQ(p.options.log_error, "/d/srv.err");
  EXPECT_EQ(p.options.relay_log_basename, "/d/srv-relay-bin");
  EXPECT_EQ(p.options.pid_file, "/d/srv.pid");
}

TEST_F(OptionsTest, ReplicationFiltersAccumulate) {
  auto p = Parse({"--replicate-do-db=a", "--replicate-do-db=b", "--replicate_ignore_db=c",
                  "--replicate-do-table=a.t", "--replicate-wild-do-table=a%.t_",
                  "--replicate-wild-ignore-table=x.%", "--replicate-rewrite-db=a -> z",
                  "--replicate-same-server-id"});
  ASSERT_TRUE(p.ok()) << Texts(p).back();
  const ReplicationFilters& f = p.options.filters;
  EXPECT_EQ(f.do_db, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(f.ignore_db, (std::vector<std::string>{"c"}));
  EXPECT_EQ(f.do_table, (std::vector<std::string>{"a.t"}));
  EXPECT_EQ(f.wild_do_table, (std::vector<std::string>{"a%.t_"}));
  EXPECT_EQ(f.wild_ignore_table, (std::vector<std::string>{"x.%"}));
  ASSERT_EQ(f.rewrite_db.size(), 1u);
  EXPECT_EQ(f.rewrite_db[0], (std::pair<std::string, std::string>{"a", "z"}));
  EXPECT_TRUE(f.same_server_id);
  EXPECT_EQ(Var("replicate_do_db"), "a,b");
  EXPECT_EQ(Var("replicate_wild_do_table"), "a%.t_");
  p = Parse({"--replicate-wild-do-table=a"});
  EXPECT_EQ(p.exit_code, 1);
  EXPECT_EQ(Texts(p), (std::vector<std::string>{"Could not add do table rule 'a'"}));
}

TEST_F(OptionsTest, UnknownOptions) {
  auto p = Parse({"--foo"});
  EXPECT_EQ(p.exit_code, 1);
  EXPECT_EQ(Texts(p), (std::vector<std::string>{"relaydb: unknown option '--foo'"}));
  EXPECT_EQ(p.messages[0].level, LogLevel::kError);
  p = Parse({"--foo=1"});
  EXPECT_EQ(Texts(p), (std::vector<std::string>{"relaydb: unknown variable 'foo=1'"}));
  p = Parse({"--skip-foo"});
  EXPECT_EQ(Texts(p), (std::vector<std::string>{"relaydb: unknown option '--skip-foo'"}));
  // Prefixes of names are not accepted.
  p = Parse({"--max-allowed=1M"});
  EXPECT_EQ(Texts(p), (std::vector<std::string>{"relaydb: unknown variable 'max-allowed=1M'"}));
  // Variables that are not mysqld options.
  p = Parse({"--timestamp=5"});
  EXPECT_EQ(Texts(p), (std::vector<std::string>{"relaydb: unknown variable 'timestamp=5'"}));
  p = Parse({"--version-comment=x"});
  EXPECT_EQ(p.exit_code, 1);
  // Loose options only warn.
  p = Parse({"--loose-foo=1", "--loose-skip-bar", "--loose-port=3311"});
  EXPECT_TRUE(p.ok());
  EXPECT_EQ(Texts(p), (std::vector<std::string>{"relaydb: unknown variable 'loose-foo=1'",
                                                "relaydb: unknown option '--loose-skip-bar'"}));
  EXPECT_EQ(p.messages[0].level, LogLevel::kWarning);
  EXPECT_EQ(p.options.port, 3311);
  p = Parse({"--port"});
  EXPECT_EQ(Texts(p), (std::vector<std::string>{"relaydb: option '--port' requires an argument"}));
  p = Parse({"foo"});
  EXPECT_EQ(Texts(p),
            (std::vector<std::string>{"relaydb: Too many arguments (first extra is 'foo')."}));
}

TEST_F(OptionsTest, OptionFileSyntax) {
  std::string inc = Write("inc.cnf", "[mysqld]\nnet_buffer_length=8k\n");
  std::string cnf = Write(
      "my.cnf",
      "# comment\n"
      "; another\n"
      "[client]\n"
      "foo=1\n"
      "[MYSQLD]\n"
      "port=3310\n"
      "max_allowed_packet = 32M\n"
      "skip-name-resolve\n"
      "loose-foo=1\n"
      "read_only\n"
      "sql_mode = \"ANSI,TRADITIONAL\"  # comment\n"
      "init_connect = 'SET @a=\"#x\"' # c\n"
      "  [ mysqld ]\n"  // leading space inside the brackets: another group
      "port=1\n"
      "[server]\n"
      "server-id=9\n"
      "bind-address='127.0.0.1'\n"
      "general_log_file=a\\sb\\\\c\n"
      "[relaydb]\n"
      "sync_binlog=7\n"
      "!include " + inc + "\n"
      "!include /nonexistent/file.cnf\n");
  auto p = Parse({"--defaults-file=" + cnf, "--port=3320"});
  ASSERT_TRUE(p.ok()) << Texts(p).back();
  EXPECT_EQ(Texts(p), (std::vector<std::string>{"relaydb: unknown variable 'loose-foo=1'"}));
  EXPECT_EQ(p.options.port, 3320);  // the command line wins
  EXPECT_EQ(vars_.GetUInt("max_allowed_packet"), 33554432u);
  EXPECT_TRUE(p.options.skip_name_resolve);
  EXPECT_TRUE(p.options.read_only);
  EXPECT_EQ(Var("sql_mode"),
            "REAL_AS_FLOAT,PIPES_AS_CONCAT,ANSI_QUOTES,IGNORE_SPACE,ANSI,STRICT_TRANS_TABLES,"
            "STRICT_ALL_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,"
            "TRADITIONAL,NO_AUTO_CREATE_USER,NO_ENGINE_SUBSTITUTION");
  EXPECT_EQ(Var("init_connect"), "SET @a=\"#x\"");
  EXPECT_EQ(p.options.server_id, 9u);
  EXPECT_EQ(p.options.bind_address, "127.0.0.1");
  EXPECT_EQ(Var("general_log_file"), "a b\\c");
  EXPECT_EQ(vars_.GetUInt("sync_binlog"), 7u);
  EXPECT_EQ(vars_.GetUInt("net_buffer_length"), 8192u);

  auto pd = Parse({"--defaults-file=" + cnf, "--print-defaults"});
  EXPECT_TRUE(pd.ok());
  EXPECT_TRUE(pd.options.print_defaults);
  EXPECT_EQ(pd.options.print_defaults_text,
            "relaydb would have been started with the following arguments:\n"
            "--port=3310 --max_allowed_packet=32M --skip-name-resolve --loose-foo=1 --read_only "
            "--sql_mode=ANSI,TRADITIONAL --init_connect=SET @a=\"#x\" --server-id=9 "
            "--bind-address=127.0.0.1 --general_log_file=a b\\c --sync_binlog=7 "
            "--net_buffer_length=8k \n");
}

TEST_F(OptionsTest, IncludeDirAndDefaultFiles) {
  std::string d = dir_ + "/conf.d";
  ASSERT_EQ(mkdir(d.c_str(), 0755), 0);
  Write("conf.d/b.cnf", "[mysqld]\nport=7\n");
  Write("conf.d/a.cnf", "[mysqld]\nport=6\nserver-id=4\n");
  Write("conf.d/c.txt", "[mysqld]\nport=9\n");
  std::string main_cnf = Write("main.cnf", "[mysqld]\nport=5\n!includedir " + d + "\n");
  std::string extra = Write("extra.cnf", "[relaydb]\nserver-id=11\n");
  env_.default_files = {dir_ + "/missing.cnf", main_cnf};
  auto p = Parse({});
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p.options.port, 7);
  EXPECT_EQ(p.options.server_id, 4u);

  sql::GlobalVariables v2;
  p = ParseServerOptions({"--defaults-extra-file=" + extra}, &v2, env_);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p.options.server_id, 11u);

  sql::GlobalVariables v3;
  p = ParseServerOptions({"--no-defaults"}, &v3, env_);
  EXPECT_EQ(p.options.port, 3306);
  // Not first: ignored, as mariadbd does.
  sql::GlobalVariables v4;
  p = ParseServerOptions({"--port=3312", "--no-defaults"}, &v4, env_);
  EXPECT_TRUE(p.ok());
  EXPECT_EQ(p.options.port, 3312);
  EXPECT_EQ(p.options.server_id, 4u);
}

TEST_F(OptionsTest, OptionFileErrors) {
  auto p = Parse({"--defaults-file=" + dir_ + "/nonexist.cnf"});
  EXPECT_EQ(p.exit_code, 1);
  EXPECT_EQ(Texts(p), (std::vector<std::string>{
                          "Could not open required defaults file: " + dir_ + "/nonexist.cnf",
                          "Fatal error in defaults handling. Program aborted"}));
  std::string nogroup = Write("nogroup.cnf", "port=1\n");
  p = Parse({"--defaults-file=" + nogroup});
  EXPECT_EQ(Texts(p), (std::vector<std::string>{
                          "error: Found option without preceding group in config file: " + nogroup +
                              " at line: 1",
                          "Fatal error in defaults handling. Program aborted"}));
  std::string badgroup = Write("badgroup.cnf", "[mysqld\nport=1\n");
  p = Parse({"--defaults-file=" + badgroup});
  EXPECT_EQ(Texts(p)[0],
            "error: Wrong group definition in config file: " + badgroup + " at line 1");
  std::string badinc = Write("badinc.cnf", "[mysqld]\n!include\n");
  p = Parse({"--defaults-file=" + badinc});
  EXPECT_EQ(Texts(p)[0],
            "error: Wrong '!include' directive in config file: " + badinc + " at line 2");
  std::string baddir = Write("baddir.cnf", "[mysqld]\n!includedir /nonexistdir\n");
  p = Parse({"--defaults-file=" + baddir});
  EXPECT_EQ(Texts(p)[0],
            "relaydb: Can't read dir of '/nonexistdir' (Errcode: 2 \"No such file or directory\")");
  std::string unknown = Write("unknown.cnf", "[mysqld]\nfoo=1\n");
  p = Parse({"--defaults-file=" + unknown});
  EXPECT_EQ(Texts(p), (std::vector<std::string>{"relaydb: unknown variable 'foo=1'"}));
  EXPECT_EQ(p.exit_code, 1);
}

TEST_F(OptionsTest, CharsetsAndTimeZone) {
  auto p = Parse({"--character-set-server=latin1", "--default-time-zone=+01:00",
                  "--transaction-isolation=READ-COMMITTED"});
  ASSERT_TRUE(p.ok()) << Texts(p).back();
  EXPECT_EQ(Var("character_set_server"), "latin1");
  EXPECT_EQ(Var("collation_server"), "latin1_swedish_ci");
  EXPECT_EQ(Var("time_zone"), "+01:00");
  EXPECT_EQ(Var("tx_isolation"), "READ-COMMITTED");
  sql::GlobalVariables v2;
  p = ParseServerOptions({"--collation-server=utf8mb4_bin"}, &v2, env_);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(v2.GetString("character_set_server"), "utf8mb4");
  EXPECT_EQ(v2.GetString("collation_server"), "utf8mb4_bin");
  sql::GlobalVariables v3;
  p = ParseServerOptions({"--character-set-server=latin1", "--collation-server=utf8mb4_bin"}, &v3,
                         env_);
  EXPECT_EQ(Texts(p), (std::vector<std::string>{
                          "COLLATION 'utf8mb4_bin' is not valid for CHARACTER SET 'latin1'"}));
  sql::GlobalVariables v4;
  p = ParseServerOptions({"--collation-server=foo"}, &v4, env_);
  EXPECT_EQ(Texts(p), (std::vector<std::string>{"Unknown collation: 'foo'"}));
  sql::GlobalVariables v5;
  p = ParseServerOptions({"--transaction-isolation=foo"}, &v5, env_);
  EXPECT_EQ(Texts(p), (std::vector<std::string>{
                          "relaydb: Error while setting value 'foo' to 'transaction-isolation'"}));
}

}  // namespace
}  // namespace relaydb::server
