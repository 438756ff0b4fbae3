// master.info / relay-log.info against files mariadbd 10.11.19 wrote
// (testdata/, captured from a MariaDB replica: fresh after CHANGE MASTER,
// with every field set, and rewritten in place over longer contents so
// that stale bytes follow the counted lines).
#include "replica/status_files.h"

#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace relaydb::replica {
namespace {

std::string Testdata(const std::string& name) {
  std::ifstream in(std::string(RDB_REPLICA_TESTDATA_DIR) + "/" + name, std::ios::binary);
  EXPECT_TRUE(in.good()) << name;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class TempDir {
 public:
  TempDir() {
    char tmpl[] = "/tmp/rdb_status_files.XXXXXX";
    path_ = ::mkdtemp(tmpl);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

TEST(MasterInfoTest, FreshFileIsByteIdenticalToMariadb) {
  const std::string mariadb = Testdata("master.info.mariadb_fresh");
  auto mi = ParseMasterInfo(mariadb, "master.info");
  ASSERT_TRUE(mi.ok()) << mi.status().ToString();
  EXPECT_EQ(mi->master_log_file, "");
  EXPECT_EQ(mi->read_master_log_pos, 4u);
  EXPECT_EQ(mi->host, "127.0.0.1");
  EXPECT_EQ(mi->user, "repl");
  EXPECT_EQ(mi->password, "replpw");
  EXPECT_EQ(mi->port, 1u);
  EXPECT_EQ(mi->connect_retry, 1u);
  EXPECT_FALSE(mi->ssl);
  EXPECT_DOUBLE_EQ(mi->heartbeat_period, 30.0);
  EXPECT_TRUE(mi->ignore_server_ids.empty());
  EXPECT_EQ(mi->using_gtid, UseGtid::kSlavePos);
  EXPECT_EQ(SerializeMasterInfo(*mi), mariadb);
}

TEST(MasterInfoTest, EveryFieldRoundTripsByteForByte) {
  const std::string mariadb = Testdata("master.info.mariadb_all_fields");
  auto mi = ParseMasterInfo(mariadb, "master.info");
  ASSERT_TRUE(mi.ok()) << mi.status().ToString();
  EXPECT_EQ(mi->master_log_file, "mysql-bin.000001");
  EXPECT_EQ(mi->read_master_log_pos, 328u);
  EXPECT_EQ(mi->password, "p w\\x");
  EXPECT_EQ(mi->port, 34921u);
  EXPECT_EQ(mi->connect_retry, 3u);
  EXPECT_TRUE(mi->ssl);
  EXPECT_EQ(mi->ssl_ca, "/ca.pem");
  EXPECT_EQ(mi->ssl_capath, "/capath");
  EXPECT_EQ(mi->ssl_cert, "/cert.pem");
  EXPECT_EQ(mi->ssl_cipher, "AES");
  EXPECT_EQ(mi->ssl_key, "/key.pem");
  EXPECT_TRUE(mi->ssl_verify_server_cert);
  EXPECT_DOUBLE_EQ(mi->heartbeat_period, 2.5);
  EXPECT_EQ(mi->ignore_server_ids, (std::vector<uint32_t>{3, 5}));
  EXPECT_EQ(mi->ssl_crl, "/crl");
  EXPECT_EQ(mi->ssl_crlpath, "/crlpath");
  EXPECT_EQ(mi->using_gtid, UseGtid::kCurrentPos);
  EXPECT_EQ(mi->do_domain_ids, (std::vector<uint32_t>{1, 2}));
  EXPECT_TRUE(mi->ignore_domain_ids.empty());
  EXPECT_EQ(SerializeMasterInfo(*mi), mariadb);
}

TEST(MasterInfoTest, StaleBytesAfterEndMarkerAreIgnored) {
  // MariaDB rewrites master.info in place: a shorter rewrite leaves the
  // tail of the older contents after END_MARKER.
  const std::string mariadb = Testdata("master.info.mariadb_leftover");
  auto mi = ParseMasterInfo(mariadb, "master.info");
  ASSERT_TRUE(mi.ok()) << mi.status().ToString();
  EXPECT_EQ(mi->master_log_file, "mysql-bin.000003");
  EXPECT_EQ(mi->read_master_log_pos, 552u);
  const std::string ours = SerializeMasterInfo(*mi);
  ASSERT_LT(ours.size(), mariadb.size());
  EXPECT_EQ(mariadb.substr(0, ours.size()), ours);
}

TEST(MasterInfoTest, Mysql41LayoutWithFourteenLines) {
  const std::string file =
      "14\nmysql-bin.000007\n1234\nsrc.example\nrepl\nsecret\n3307\n30\n1\nca\ncapath\ncert\n"
      "cipher\nkey\n";
  auto mi = ParseMasterInfo(file, "master.info");
  ASSERT_TRUE(mi.ok()) << mi.status().ToString();
  EXPECT_EQ(mi->master_log_file, "mysql-bin.000007");
  EXPECT_EQ(mi->read_master_log_pos, 1234u);
  EXPECT_EQ(mi->host, "src.example");
  EXPECT_EQ(mi->port, 3307u);
  EXPECT_EQ(mi->connect_retry, 30u);
  EXPECT_TRUE(mi->ssl);
  EXPECT_EQ(mi->ssl_key, "key");
  // Fields the old layout lacks keep their defaults.
  EXPECT_DOUBLE_EQ(mi->heartbeat_period, 0);
  EXPECT_EQ(mi->using_gtid, UseGtid::kNo);
}

TEST(MasterInfoTest, Pre41LayoutWithoutLineCount) {
  const std::string file = "mysql-bin.000002\n98\nolder.example\nrepl\npw\n3306\n60\n";
  auto mi = ParseMasterInfo(file, "master.info");
  ASSERT_TRUE(mi.ok()) << mi.status().ToString();
  EXPECT_EQ(mi->master_log_file, "mysql-bin.000002");
  EXPECT_EQ(mi->read_master_log_pos, 98u);
  EXPECT_EQ(mi->host, "older.example");
  EXPECT_EQ(mi->connect_retry, 60u);
}

TEST(MasterInfoTest, TruncatedFileIsCorruptionNamingTheLine) {
  const std::string full = SerializeMasterInfo(MasterInfo{});
  auto mi = ParseMasterInfo(full.substr(0, 10), "/data/master.info");
  ASSERT_FALSE(mi.ok());
  EXPECT_EQ(mi.status().code(), Status::Code::kCorruption);
  EXPECT_NE(mi.status().message().find("master info file '/data/master.info'"), std::string::npos)
      << mi.status().message();
  EXPECT_NE(mi.status().message().find("is missing"), std::string::npos);
}

TEST(MasterInfoTest, BadNumberIsCorruption) {
  std::string file = SerializeMasterInfo(MasterInfo{});
  file.replace(file.find("\n4\n"), 3, "\nfour\n");
  auto mi = ParseMasterInfo(file, "master.info");
  ASSERT_FALSE(mi.ok());
  EXPECT_EQ(mi.status().message(),
            "master info file 'master.info': line 3 (Read_Master_Log_Pos) is not a number: "
            "'four'");
}

TEST(MasterInfoTest, BadIdListIsCorruption) {
  MasterInfo m;
  m.ignore_server_ids = {7};
  std::string file = SerializeMasterInfo(m);
  file.replace(file.find("\n1 7\n"), 5, "\n2 7\n");
  auto mi = ParseMasterInfo(file, "master.info");
  ASSERT_FALSE(mi.ok());
  EXPECT_NE(mi.status().message().find("line 18 (Replicate_Ignore_Server_Ids)"),
            std::string::npos)
      << mi.status().message();
}

TEST(MasterInfoTest, WriteReadRoundTrip) {
  TempDir dir;
  const std::string path = dir.path() + "/master.info";
  auto none = ReadMasterInfo(path);
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
  MasterInfo m;
  m.master_log_file = "mariadb-bin.000042";
  m.read_master_log_pos = 123456789012ull;
  m.host = "10.0.0.1";
  m.user = "repl";
  m.password = "pa ss";
  m.port = 3310;
  m.connect_retry = 5;
  m.heartbeat_period = 0.125;
  m.ignore_server_ids = {2, 9};
  m.using_gtid = UseGtid::kNo;
  m.ignore_domain_ids = {4};
  for (bool durable : {true, false}) {
    ASSERT_TRUE(WriteMasterInfo(path, m, durable).ok());
    auto back = ReadMasterInfo(path);
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    ASSERT_TRUE(back->has_value());
    EXPECT_EQ(**back, m);
  }
  EXPECT_FALSE(std::filesystem::exists(path + ".tmp"));
  struct stat st;
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0007, 0u);  // like mariadbd: not world-readable (it holds a password)
}

TEST(MasterInfoTest, CorruptFileOnDiskNamesThePath) {
  TempDir dir;
  const std::string path = dir.path() + "/master.info";
  std::ofstream(path) << "33\nfile\nnot-a-position\n";
  auto mi = ReadMasterInfo(path);
  ASSERT_FALSE(mi.ok());
  EXPECT_NE(mi.status().message().find(path), std::string::npos);
}

TEST(RelayLogInfoTest, FreshFileIsByteIdenticalToMariadb) {
  const std::string mariadb = Testdata("relay-log.info.mariadb_fresh");
  auto rli = ParseRelayLogInfo(mariadb, "relay-log.info");
  ASSERT_TRUE(rli.ok()) << rli.status().ToString();
  EXPECT_EQ(rli->relay_log_file, "vm-relay-bin.000001");
  EXPECT_EQ(rli->relay_log_pos, 4u);
  EXPECT_EQ(rli->relay_master_log_file, "");
  EXPECT_EQ(rli->exec_master_log_pos, 0u);
  EXPECT_EQ(rli->sql_delay, 0);
  EXPECT_EQ(SerializeRelayLogInfo(*rli), mariadb);
}

TEST(RelayLogInfoTest, RewrittenInPlaceFileWithDelay) {
  const std::string mariadb = Testdata("relay-log.info.mariadb_leftover");
  auto rli = ParseRelayLogInfo(mariadb, "relay-log.info");
  ASSERT_TRUE(rli.ok()) << rli.status().ToString();
  EXPECT_EQ(rli->relay_log_file, "vm-relay-bin.000001");
  EXPECT_EQ(rli->relay_master_log_file, "mysql-bin.000001");
  EXPECT_EQ(rli->exec_master_log_pos, 328u);
  EXPECT_EQ(rli->sql_delay, 7);
  const std::string ours = SerializeRelayLogInfo(*rli);
  EXPECT_EQ(mariadb.substr(0, ours.size()), ours);
}

TEST(RelayLogInfoTest, OldFourLineLayout) {
  auto rli = ParseRelayLogInfo("/var/lib/mysql/host-relay-bin.000003\n4711\nmysql-bin.000002\n999\n",
                               "relay-log.info");
  ASSERT_TRUE(rli.ok()) << rli.status().ToString();
  EXPECT_EQ(rli->relay_log_file, "host-relay-bin.000003");
  EXPECT_EQ(rli->relay_log_pos, 4711u);
  EXPECT_EQ(rli->relay_master_log_file, "mysql-bin.000002");
  EXPECT_EQ(rli->exec_master_log_pos, 999u);
  EXPECT_EQ(rli->sql_delay, 0);
}

TEST(RelayLogInfoTest, WriteReadRoundTripAndCorruption) {
  TempDir dir;
  const std::string path = dir.path() + "/relay-log.info";
  RelayLogInfo r;
  r.relay_log_file = "h-relay-bin.000002";
  r.relay_log_pos = 627;
  r.relay_master_log_file = "mysql-bin.000001";
  r.exec_master_log_pos = 328;
  r.sql_delay = 3600;
  ASSERT_TRUE(WriteRelayLogInfo(path, r).ok());
  auto back = ReadRelayLogInfo(path);
  ASSERT_TRUE(back.ok() && back->has_value()) << back.status().ToString();
  EXPECT_EQ(**back, r);
  // A name given with its directory is written as it is, read back bare.
  RelayLogInfo dotted = r;
  dotted.relay_log_file = "./h-relay-bin.000002";
  EXPECT_EQ(SerializeRelayLogInfo(dotted), SerializeRelayLogInfo(r));
  ASSERT_TRUE(WriteRelayLogInfo(path, dotted).ok());
  back = ReadRelayLogInfo(path);
  ASSERT_TRUE(back.ok() && back->has_value());
  EXPECT_EQ(**back, r);

  std::ofstream(path, std::ios::trunc) << "5\n./h-relay-bin.000002\n";
  auto bad = ReadRelayLogInfo(path);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), Status::Code::kCorruption);
  EXPECT_NE(bad.status().message().find("relay log info file '" + path + "': line 3 (Relay_Log_Pos)"),
            std::string::npos)
      << bad.status().message();
}

}  // namespace
}  // namespace relaydb::replica
