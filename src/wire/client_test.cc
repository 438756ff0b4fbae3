// MysqlClient against (1) an in-process fake server built from wire/'s own
// server-side functions, (2) real clients (PyMySQL, the mariadb CLI) against
// that fake server, and (3) a real MariaDB 10.11, started for the test if
// mariadbd is installed (skipped otherwise).
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <thread>

#include "common/bytes.h"
#include "wire/auth.h"
#include "wire/client.h"
#include "wire/handshake.h"
#include "wire/messages.h"
#include "wire/protocol.h"
#include "wire/resultset.h"

extern char** environ;

namespace relaydb::wire {
namespace {

// ---------------------------------------------------------------------------
// An in-process server that accepts one connection and runs a script on it.
// ---------------------------------------------------------------------------

class FakeServer {
 public:
  using Script = std::function<void(PacketConn& conn)>;

  explicit FakeServer(Script script) {
    listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    struct sockaddr_in addr = {};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::listen(listen_fd_, 4) != 0) {
      std::abort();
    }
    socklen_t len = sizeof addr;
    ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this, script = std::move(script)] {
      struct sockaddr_in peer = {};
      socklen_t plen = sizeof peer;
      int fd = ::accept(listen_fd_, reinterpret_cast<sockaddr*>(&peer), &plen);
      if (fd < 0) return;
      peer_port_ = ntohs(peer.sin_port);
      int one = 1;
      ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
      PacketConn conn(fd, /*owns_fd=*/true);
      conn.SetReadTimeout(10000);
      script(conn);
    });
  }
  ~FakeServer() {
    ::shutdown(listen_fd_, SHUT_RDWR);
    thread_.join();
    ::close(listen_fd_);
  }
  uint16_t port() const { return port_; }
  uint16_t peer_port() const { return peer_port_; }

 private:
  int listen_fd_ = -1;
  uint16_t port_ = 0;
  std::atomic<uint16_t> peer_port_{0};
  std::thread thread_;
};

constexpr uint32_t kConnId = 77;
const std::string kServerVersion = "5.5.5-10.11.99-relaydb-test";

// Server side of the connection phase: greeting with `plugin`, then checks
// "repl"/"secret" with whatever the client answered; switches the client to
// `switch_to` first if that is not empty. Returns the parsed response, or
// nullopt after sending an ERR.
std::optional<HandshakeResponse> ServerHandshake(PacketConn& conn, std::string_view plugin,
                                                 std::string_view switch_to = {}) {
  std::string scramble = *GenerateScramble();
  EXPECT_TRUE(conn.WritePacketAndFlush(BuildHandshakeV10(kServerVersion, kConnId, scramble,
                                                         kDefaultServerCapabilities, 45,
                                                         kServerStatusAutocommit, plugin))
                  .ok());
  std::string p;
  if (!conn.ReadPacket(&p).ok()) return std::nullopt;
  Result<HandshakeResponse> resp = ParseHandshakeResponse41(p);
  if (!resp.ok()) {
    (void)conn.WritePacketAndFlush(ErrPacket(resp.status()));
    return std::nullopt;
  }
  std::string used_plugin = resp->auth_plugin_name;
  std::string answer = resp->auth_response;
  if (!switch_to.empty() || (used_plugin != kNativePasswordPlugin &&
                             used_plugin != kCachingSha2PasswordPlugin)) {
    used_plugin = switch_to.empty() ? std::string(kNativePasswordPlugin) : std::string(switch_to);
    scramble = *GenerateScramble();
    EXPECT_TRUE(conn.WritePacketAndFlush(BuildAuthSwitchRequest(used_plugin, scramble)).ok());
    if (!conn.ReadPacket(&answer).ok()) return std::nullopt;
  }
  bool ok = resp->user == "repl" &&
            (used_plugin == kNativePasswordPlugin
                 ? VerifyNative(NativePasswordHash("secret"), scramble, answer)
                 : VerifySha2Fast(Sha2Digest("secret"), scramble, answer));
  if (!ok) {
    (void)conn.WritePacketAndFlush(ErrPacket(
        1045, "28000",
        "Access denied for user '" + resp->user + "'@'localhost' (using password: " +
            (answer.empty() ? "NO" : "YES") + ")"));
    return std::nullopt;
  }
  if (used_plugin == kCachingSha2PasswordPlugin) {
    EXPECT_TRUE(conn.WritePacket(BuildAuthMoreData(std::string(1, kCachingSha2FastAuthSuccess))).ok());
  }
  EXPECT_TRUE(conn.WritePacketAndFlush(OkPacket(0, 0, kServerStatusAutocommit, 0)).ok());
  return *resp;
}

ColumnMeta VarcharColumn(const std::string& name) {
  ColumnMeta c;
  c.name = name;
  c.org_name = name;
  c.type = kTypeVarString;
  c.length = 1024;
  return c;
}

// Sends a classic (EOF-terminated) text result set.
void SendResultSet(PacketConn& conn, const std::vector<ColumnMeta>& cols,
                   const std::vector<std::vector<Value>>& rows, uint16_t final_status) {
  EXPECT_TRUE(conn.WritePacket(EncodeColumnCount(cols.size())).ok());
  for (const ColumnMeta& c : cols) EXPECT_TRUE(conn.WritePacket(EncodeColumnDefinition41(c)).ok());
  EXPECT_TRUE(conn.WritePacket(EofPacket(0, kServerStatusAutocommit)).ok());
  for (const auto& row : rows) EXPECT_TRUE(conn.WritePacket(EncodeTextRow(cols, row)).ok());
  EXPECT_TRUE(conn.WritePacketAndFlush(EofPacket(0, final_status)).ok());
}

// A tiny command loop: SET ... → OK; other COM_QUERY → one row echoing the
// statement; COM_PING/COM_INIT_DB → OK; COM_QUIT → return.
void ServeEcho(PacketConn& conn) {
  std::string p;
  for (;;) {
    conn.ResetSequence();
    if (!conn.ReadPacket(&p).ok() || p.empty()) return;
    const uint8_t cmd = static_cast<uint8_t>(p[0]);
    const std::string arg = p.substr(1);
    if (cmd == kComQuit) return;
    if (cmd == kComPing || cmd == kComInitDb ||
        (cmd == kComQuery && (arg.rfind("SET", 0) == 0 || arg.rfind("set", 0) == 0))) {
      EXPECT_TRUE(conn.WritePacketAndFlush(OkPacket(0, 0, kServerStatusAutocommit, 0)).ok());
    } else if (cmd == kComQuery) {
      SendResultSet(conn, {VarcharColumn("echo")}, {{Value::String(arg)}}, kServerStatusAutocommit);
    } else {
      EXPECT_TRUE(conn.WritePacketAndFlush(ErrPacket(1047, "08S01", "Unknown command")).ok());
    }
  }
}

TEST(MysqlClientFake, NativeAuthQueryErrorsAndQuit) {
  FakeServer server([](PacketConn& conn) {
    std::optional<HandshakeResponse> resp = ServerHandshake(conn, kNativePasswordPlugin);
    ASSERT_TRUE(resp.has_value());
    EXPECT_EQ(resp->database, "db1");
    EXPECT_TRUE(resp->capabilities & kClientConnectWithDb);
    EXPECT_FALSE(resp->capabilities & kClientDeprecateEof);
    EXPECT_EQ(resp->connect_attrs.at("_client_name"), "relaydb");
    std::string p;
    conn.ResetSequence();
    ASSERT_TRUE(conn.ReadPacket(&p).ok());
    EXPECT_EQ(p, "\x03SELECT a, b");
    ColumnMeta b = VarcharColumn("b");
    ColumnMeta a;
    a.name = "a";
    a.type = kTypeLong;
    a.charset = kCharsetBinary;
    SendResultSet(conn, {a, b}, {{Value::Int(1), Value::String("x")}, {Value::Int(2), Value::Null()}},
                  kServerStatusAutocommit);
    conn.ResetSequence();
    ASSERT_TRUE(conn.ReadPacket(&p).ok());
    EXPECT_TRUE(conn.WritePacketAndFlush(OkPacket(3, 42, kServerStatusAutocommit, 1, "Records: 3")).ok());
    conn.ResetSequence();
    ASSERT_TRUE(conn.ReadPacket(&p).ok());
    EXPECT_TRUE(conn.WritePacketAndFlush(ErrPacket(1064, "42000", "You have an error")).ok());
    conn.ResetSequence();
    ASSERT_TRUE(conn.ReadPacket(&p).ok());
    EXPECT_EQ(p, std::string(1, static_cast<char>(kComQuit)));
  });
  MysqlClient client;
  Status st = client.Connect("127.0.0.1", server.port(), "repl", "secret", "db1", 5000);
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_EQ(client.server_version(), "10.11.99-relaydb-test");
  EXPECT_EQ(client.connection_id(), kConnId);
  EXPECT_NE(client.local_port(), 0);
  EXPECT_FALSE(client.capabilities() & kClientMysql);  // cleared for a MariaDB-style server

  Result<QueryResult> r = client.Query("SELECT a, b");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->columns.size(), 2u);
  EXPECT_EQ(r->columns[0].name, "a");
  EXPECT_EQ(r->columns[0].type, kTypeLong);
  ASSERT_EQ(r->rows.size(), 2u);
  EXPECT_EQ(r->rows[0][0], "1");
  EXPECT_EQ(r->rows[0][1], "x");
  EXPECT_FALSE(r->rows[1][1].has_value());

  r = client.Query("INSERT ...");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->affected_rows, 3u);
  EXPECT_EQ(r->last_insert_id, 42u);
  EXPECT_EQ(r->warnings, 1);
  EXPECT_EQ(r->info, "Records: 3");

  r = client.Query("SELEC");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().mysql_errno(), 1064);
  EXPECT_EQ(r.status().sqlstate(), "42000");
  EXPECT_TRUE(client.connected());
  client.Close();
  EXPECT_FALSE(client.connected());
}

TEST(MysqlClientFake, LocalPortIsTheServersPeerPort) {
  FakeServer server([](PacketConn& conn) {
    ServerHandshake(conn, kNativePasswordPlugin);
    ServeEcho(conn);
  });
  MysqlClient client;
  ASSERT_TRUE(client.Connect("127.0.0.1", server.port(), "repl", "secret", "", 5000).ok());
  ASSERT_TRUE(client.Ping().ok());  // the server has accepted by now
  EXPECT_EQ(client.local_port(), server.peer_port());
  EXPECT_NE(client.local_port(), server.port());
}

TEST(MysqlClientFake, CachingSha2FastAuth) {
  FakeServer server([](PacketConn& conn) {
    ASSERT_TRUE(ServerHandshake(conn, kCachingSha2PasswordPlugin).has_value());
    ServeEcho(conn);
  });
  MysqlClient client;
  Status st = client.Connect("127.0.0.1", server.port(), "repl", "secret", "", 5000);
  ASSERT_TRUE(st.ok()) << st.ToString();
  Result<QueryResult> r = client.Query("hello");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->rows.at(0).at(0), "hello");
}

TEST(MysqlClientFake, CachingSha2FullAuthIsNotSupported) {
  FakeServer server([](PacketConn& conn) {
    std::string scramble = *GenerateScramble();
    ASSERT_TRUE(conn.WritePacketAndFlush(BuildHandshakeV10(kServerVersion, 1, scramble,
                                                           kDefaultServerCapabilities, 45, 2,
                                                           kCachingSha2PasswordPlugin))
                    .ok());
    std::string p;
    ASSERT_TRUE(conn.ReadPacket(&p).ok());
    ASSERT_TRUE(conn.WritePacketAndFlush(
                        BuildAuthMoreData(std::string(1, kCachingSha2PerformFullAuth)))
                    .ok());
    (void)conn.ReadPacket(&p);  // until the client hangs up
  });
  MysqlClient client;
  Status st = client.Connect("127.0.0.1", server.port(), "repl", "secret", "", 5000);
  EXPECT_EQ(st.code(), Status::Code::kNotSupported) << st.ToString();
  EXPECT_NE(st.message().find("full authentication"), std::string::npos);
  EXPECT_FALSE(client.connected());
}

TEST(MysqlClientFake, AuthSwitchToNativePassword) {
  FakeServer server([](PacketConn& conn) {
    ASSERT_TRUE(ServerHandshake(conn, kCachingSha2PasswordPlugin, kNativePasswordPlugin).has_value());
    ServeEcho(conn);
  });
  MysqlClient client;
  Status st = client.Connect("127.0.0.1", server.port(), "repl", "secret", "", 5000);
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_TRUE(client.Ping().ok());
}

TEST(MysqlClientFake, AuthSwitchToUnknownPlugin) {
  FakeServer server([](PacketConn& conn) {
    (void)ServerHandshake(conn, kNativePasswordPlugin, "client_ed25519");
  });
  MysqlClient client;
  Status st = client.Connect("127.0.0.1", server.port(), "repl", "secret", "", 5000);
  EXPECT_EQ(st.mysql_errno(), kCrAuthPluginCannotLoad) << st.ToString();
}

TEST(MysqlClientFake, WrongPasswordGetsTheServersError) {
  FakeServer server([](PacketConn& conn) { (void)ServerHandshake(conn, kNativePasswordPlugin); });
  MysqlClient client;
  Status st = client.Connect("127.0.0.1", server.port(), "repl", "wrong", "", 5000);
  EXPECT_EQ(st.mysql_errno(), 1045);
  EXPECT_EQ(st.sqlstate(), "28000");
  EXPECT_EQ(st.message(), "Access denied for user 'repl'@'localhost' (using password: YES)");
  EXPECT_FALSE(client.connected());
}

TEST(MysqlClientFake, MultipleResultSetsReturnTheLast) {
  FakeServer server([](PacketConn& conn) {
    ServerHandshake(conn, kNativePasswordPlugin);
    std::string p;
    conn.ResetSequence();
    ASSERT_TRUE(conn.ReadPacket(&p).ok());
    SendResultSet(conn, {VarcharColumn("first")}, {{Value::String("1")}},
                  kServerStatusAutocommit | kServerMoreResultsExists);
    SendResultSet(conn, {VarcharColumn("second")}, {{Value::String("2")}, {Value::String("3")}},
                  kServerStatusAutocommit | kServerMoreResultsExists);
    ASSERT_TRUE(conn.WritePacketAndFlush(OkPacket(0, 0, kServerStatusAutocommit, 0)).ok());
    ServeEcho(conn);
  });
  MysqlClient client;
  client.set_multi_statements(true);
  ASSERT_TRUE(client.Connect("127.0.0.1", server.port(), "repl", "secret", "", 5000).ok());
  EXPECT_TRUE(client.capabilities() & kClientMultiStatements);
  Result<QueryResult> r = client.Query("CALL p()");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(r->columns.empty());  // the final OK
  // The connection is in step afterwards.
  r = client.Query("after");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->rows.at(0).at(0), "after");
}

TEST(MysqlClientFake, ErrorInsteadOfRowsIsReturned) {
  FakeServer server([](PacketConn& conn) {
    ServerHandshake(conn, kNativePasswordPlugin);
    std::string p;
    conn.ResetSequence();
    ASSERT_TRUE(conn.ReadPacket(&p).ok());
    ASSERT_TRUE(conn.WritePacket(EncodeColumnCount(1)).ok());
    ASSERT_TRUE(conn.WritePacket(EncodeColumnDefinition41(VarcharColumn("c"))).ok());
    ASSERT_TRUE(conn.WritePacket(EofPacket(0, 2)).ok());
    ASSERT_TRUE(conn.WritePacket(EncodeTextRow({Value::String("r1")})).ok());
    ASSERT_TRUE(conn.WritePacketAndFlush(ErrPacket(1317, "70100", "Query execution was interrupted")).ok());
    ServeEcho(conn);
  });
  MysqlClient client;
  ASSERT_TRUE(client.Connect("127.0.0.1", server.port(), "repl", "secret", "", 5000).ok());
  Result<QueryResult> r = client.Query("SELECT SLEEP(10)");
  EXPECT_EQ(r.status().mysql_errno(), 1317);
  EXPECT_TRUE(client.Ping().ok());
}

TEST(MysqlClientFake, ReadTimeout) {
  FakeServer server([](PacketConn& conn) {
    ServerHandshake(conn, kNativePasswordPlugin);
    std::string p;
    conn.ResetSequence();
    (void)conn.ReadPacket(&p);  // never answers
    (void)conn.ReadPacket(&p);
  });
  MysqlClient client;
  ASSERT_TRUE(client.Connect("127.0.0.1", server.port(), "repl", "secret", "", 5000).ok());
  client.SetReadTimeout(100);
  Result<QueryResult> r = client.Query("SELECT 1");
  EXPECT_TRUE(IsTimeout(r.status())) << r.status().ToString();
  EXPECT_EQ(ToClientError(r.status()).mysql_errno(), kCrServerLost);
  client.Close();
}

TEST(MysqlClientFake, ShutdownFromAnotherThreadUnblocksReadPacket) {
  FakeServer server([](PacketConn& conn) {
    ServerHandshake(conn, kNativePasswordPlugin);
    std::string p;
    conn.ResetSequence();
    (void)conn.ReadPacket(&p);
    (void)conn.ReadPacket(&p);
  });
  MysqlClient client;
  ASSERT_TRUE(client.Connect("127.0.0.1", server.port(), "repl", "secret", "", 5000).ok());
  ASSERT_TRUE(client.SendCommand(kComBinlogDump, std::string(10, '\0')).ok());
  std::thread stopper([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    client.Shutdown();
  });
  std::string p;
  Status st = client.ReadPacket(&p);
  stopper.join();
  EXPECT_TRUE(st.IsConnectionClosed()) << st.ToString();
  client.Close();
}

TEST(MysqlClientFake, HandshakeGarbageIsMalformed) {
  FakeServer server([](PacketConn& conn) {
    ASSERT_TRUE(conn.WritePacketAndFlush(std::string("\x0a" "5.5", 4)).ok());
    std::string p;
    (void)conn.ReadPacket(&p);
  });
  MysqlClient client;
  Status st = client.Connect("127.0.0.1", server.port(), "repl", "secret", "", 5000);
  EXPECT_EQ(st.mysql_errno(), kCrServerHandshakeErr) << st.ToString();
}

TEST(MysqlClientFake, ConnectionRefused) {
  // A port nobody listens on: bind one, close it.
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in addr = {};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  MysqlClient client;
  Status st = client.Connect("127.0.0.1", ntohs(addr.sin_port), "repl", "secret", "", 2000);
  EXPECT_EQ(st.mysql_errno(), kCrConnHostError);
  EXPECT_EQ(st.message(), "Can't connect to MySQL server on '127.0.0.1' (111 \"Connection refused\")");
}

// ---------------------------------------------------------------------------
// Real clients against the fake server (skipped if the client is missing).
// ---------------------------------------------------------------------------

// Runs `argv` and returns its stdout and exit status.
std::pair<std::string, int> RunProgram(const std::vector<std::string>& argv) {
  int pipefd[2];
  if (::pipe(pipefd) != 0) return {"", -1};
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, pipefd[1], 1);
  posix_spawn_file_actions_addclose(&fa, pipefd[0]);
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = -1;
  int rc = posix_spawnp(&pid, args[0], &fa, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  ::close(pipefd[1]);
  std::string out;
  if (rc == 0) {
    char buf[4096];
    ssize_t n;
    while ((n = ::read(pipefd[0], buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  }
  ::close(pipefd[0]);
  int status = -1;
  if (rc == 0) ::waitpid(pid, &status, 0);
  return {out, rc == 0 && WIFEXITED(status) ? WEXITSTATUS(status) : -1};
}

bool HaveProgram(const std::string& path) { return ::access(path.c_str(), X_OK) == 0; }

TEST(RealClientsAgainstFakeServer, PyMysql) {
  if (!HaveProgram("/usr/bin/python3") ||
      RunProgram({"/usr/bin/python3", "-c", "import pymysql"}).second != 0) {
    GTEST_SKIP() << "/usr/bin/python3 with pymysql not available";
  }
  FakeServer server([](PacketConn& conn) {
    ASSERT_TRUE(ServerHandshake(conn, kNativePasswordPlugin).has_value());
    ServeEcho(conn);
  });
  std::string script =
      "import pymysql\n"
      "c = pymysql.connect(host='127.0.0.1', port=" + std::to_string(server.port()) +
      ", user='repl', password='secret', database='db')\n"
      "cur = c.cursor()\n"
      "cur.execute(\"SELECT 'hi'\")\n"
      "print(cur.fetchall()[0][0])\n"
      "c.close()\n";
  auto [out, code] = RunProgram({"/usr/bin/python3", "-c", script});
  EXPECT_EQ(code, 0);
  EXPECT_EQ(out, "SELECT 'hi'\n");
}

TEST(RealClientsAgainstFakeServer, MariadbCommandLineClient) {
  if (!HaveProgram("/usr/bin/mariadb")) GTEST_SKIP() << "mariadb client not installed";
  FakeServer server([](PacketConn& conn) {
    ASSERT_TRUE(ServerHandshake(conn, kNativePasswordPlugin).has_value());
    ServeEcho(conn);
  });
  auto [out, code] =
      RunProgram({"/usr/bin/mariadb", "--no-defaults", "-h127.0.0.1",
                  "-P" + std::to_string(server.port()), "-urepl", "-psecret", "-N", "-B", "-e",
                  "hello from the cli"});
  EXPECT_EQ(code, 0);
  EXPECT_EQ(out, "hello from the cli\n");
}

// ---------------------------------------------------------------------------
// A real MariaDB (skipped if mariadbd is not installed).
// ---------------------------------------------------------------------------

class RealMariadb : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const char* mariadbd = "/usr/sbin/mariadbd";
    if (!HaveProgram(mariadbd) || !HaveProgram("/usr/bin/mariadb-install-db")) return;
    char tmpl[] = "/tmp/rdb_wire_test.XXXXXX";
    if (::mkdtemp(tmpl) == nullptr) return;
    dir_ = tmpl;
    auto [out, code] = RunProgram({"/usr/bin/mariadb-install-db", "--no-defaults",
                                   "--datadir=" + dir_ + "/data",
                                   "--auth-root-authentication-method=normal",
                                   "--skip-test-db"});
    if (code != 0) return;
    std::ofstream(dir_ + "/init.sql")
        << "DELETE FROM mysql.global_priv WHERE User='';\n"
           "FLUSH PRIVILEGES;\n"
           "CREATE USER 'rdb'@'%' IDENTIFIED BY 'secret';\n"
           "GRANT ALL ON *.* TO 'rdb'@'%';\n"
           "CREATE DATABASE wiretest;\n";
    // The chosen port can be taken by someone else before mariadbd binds it:
    // then it exits and we try another.
    for (int attempt = 0; attempt < 3 && !ready_; attempt++) TryStart(mariadbd);
  }

  // Starts mariadbd on a free port and waits until it serves our account.
  static void TryStart(const char* mariadbd) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in addr = {};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    ::close(fd);
    std::vector<std::string> argv = {
        mariadbd, "--no-defaults", "--datadir=" + dir_ + "/data", "--socket=" + dir_ + "/sock",
        "--port=" + std::to_string(port_), "--bind-address=127.0.0.1", "--skip-networking=0",
        "--user=root", "--init-file=" + dir_ + "/init.sql", "--log-error=" + dir_ + "/err.log",
        "--innodb-buffer-pool-size=16M", "--log-bin=" + dir_ + "/data/mysql-bin",
        "--server-id=1"};
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    if (posix_spawn(&pid_, mariadbd, nullptr, nullptr, args.data(), environ) != 0) {
      pid_ = -1;
      return;
    }
    for (int i = 0; i < 300; i++) {  // up to 30 s
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) != 0) {  // it exited (e.g. the port was taken)
        pid_ = -1;
        return;
      }
      MysqlClient probe;
      if (probe.Connect("127.0.0.1", port_, "rdb", "secret", "", 1000).ok()) {
        // Make sure this is our server, not someone else's on a reused port.
        Result<QueryResult> r = probe.Query("SELECT @@datadir");
        ready_ = r.ok() && !r->rows.empty() && r->rows[0][0].has_value() &&
                 r->rows[0][0]->rfind(dir_, 0) == 0;
        if (ready_) return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    StopServer();
  }

  static void StopServer() {
    if (pid_ > 0) {
      ::kill(pid_, SIGTERM);
      int status = 0;
      for (int i = 0; i < 300 && ::waitpid(pid_, &status, WNOHANG) == 0; i++) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
      if (::waitpid(pid_, &status, WNOHANG) == 0) {
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, &status, 0);
      }
      pid_ = -1;
    }
  }

  static void TearDownTestSuite() {
    StopServer();
    if (!dir_.empty()) {
      std::error_code ec;
      std::filesystem::remove_all(dir_, ec);
    }
  }
  void SetUp() override {
    if (!ready_) GTEST_SKIP() << "no MariaDB server available (mariadbd not installed or failed)";
  }

  static inline std::string dir_;
  static inline uint16_t port_ = 0;
  static inline pid_t pid_ = -1;
  static inline bool ready_ = false;
};

TEST_F(RealMariadb, ConnectQueryAndErrors) {
  MysqlClient client;
  Status st = client.Connect("127.0.0.1", port_, "rdb", "secret", "wiretest", 5000);
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_EQ(client.server_version().rfind("10.11.", 0), 0u) << client.server_version();
  EXPECT_GT(client.connection_id(), 0u);

  ASSERT_TRUE(client.Query("CREATE TABLE t (id INT PRIMARY KEY AUTO_INCREMENT, s VARCHAR(10), d DATETIME(6))").ok());
  Result<QueryResult> r = client.Query("INSERT INTO t (s, d) VALUES ('a', '2024-01-02 03:04:05.5'), (NULL, NULL)");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->affected_rows, 2u);
  EXPECT_EQ(r->last_insert_id, 1u);
  EXPECT_EQ(r->info, "Records: 2  Duplicates: 0  Warnings: 0");

  r = client.Query("SELECT id, s, d FROM t ORDER BY id");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->rows.size(), 2u);
  EXPECT_EQ(r->columns[2].type, kTypeDatetime);
  EXPECT_EQ(r->columns[2].decimals, 6);
  EXPECT_EQ(r->rows[0][2], "2024-01-02 03:04:05.500000");
  EXPECT_FALSE(r->rows[1][1].has_value());

  r = client.Query("SELECT * FROM nosuch");
  EXPECT_EQ(r.status().mysql_errno(), 1146);
  EXPECT_EQ(r.status().sqlstate(), "42S02");
  EXPECT_EQ(r.status().message(), "Table 'wiretest.nosuch' doesn't exist");
  EXPECT_TRUE(client.Ping().ok());
}

TEST_F(RealMariadb, TextValueMatchesMariadbFormatting) {
  MysqlClient client;
  ASSERT_TRUE(client.Connect("127.0.0.1", port_, "rdb", "secret", "wiretest", 5000).ok());
  ASSERT_TRUE(client.Query("CREATE TABLE fmt (a FLOAT, b FLOAT(7,2), c INT(5) ZEROFILL, "
                           "d BIT(10), e DOUBLE(10,3), f DOUBLE, g TINYINT UNSIGNED)").ok());
  ASSERT_TRUE(client.Query("INSERT INTO fmt VALUES (1.1, 3.14159, 42, b'101', 2.5, 1e20, 255)").ok());
  Result<QueryResult> r = client.Query("SELECT * FROM fmt");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->rows.size(), 1u);
  // The values as the SQL layer holds them (FLOAT rounded to single precision).
  std::vector<Value> held = {Value::Double(static_cast<float>(1.1)),
                             Value::Double(static_cast<float>(3.14)),
                             Value::Int(42),
                             Value::Int(5),
                             Value::Double(2.5),
                             Value::Double(1e20),
                             Value::UInt(255)};
  for (size_t i = 0; i < held.size(); i++) {
    ASSERT_TRUE(r->rows[0][i].has_value());
    EXPECT_EQ(TextValue(r->columns[i], held[i]), *r->rows[0][i]) << "column " << r->columns[i].name;
  }
  EXPECT_EQ(*r->rows[0][0], "1.1");
  EXPECT_EQ(*r->rows[0][2], "00042");
  EXPECT_EQ(*r->rows[0][3], std::string("\x00\x05", 2));
}

TEST_F(RealMariadb, WrongPasswordAndUnknownDatabase) {
  MysqlClient client;
  Status st = client.Connect("127.0.0.1", port_, "rdb", "nope", "", 5000);
  EXPECT_EQ(st.mysql_errno(), 1045);
  EXPECT_EQ(st.sqlstate(), "28000");
  EXPECT_EQ(st.message(), "Access denied for user 'rdb'@'localhost' (using password: YES)");
  st = client.Connect("127.0.0.1", port_, "rdb", "secret", "nosuchdb", 5000);
  EXPECT_EQ(st.mysql_errno(), 1049);
  EXPECT_EQ(st.message(), "Unknown database 'nosuchdb'");
  ASSERT_TRUE(client.Connect("127.0.0.1", port_, "rdb", "secret", "", 5000).ok());
  st = client.RunCommand(kComInitDb, "nosuchdb");
  EXPECT_EQ(st.mysql_errno(), 1049);
  EXPECT_TRUE(client.RunCommand(kComInitDb, "wiretest").ok());
}

TEST_F(RealMariadb, BinlogDumpStreamsEvents) {
  MysqlClient client;
  ASSERT_TRUE(client.Connect("127.0.0.1", port_, "rdb", "secret", "", 5000).ok());
  ASSERT_TRUE(client.Query("SET @master_binlog_checksum = @@global.binlog_checksum").ok());
  ASSERT_TRUE(client.Query("SET @mariadb_slave_capability = 4").ok());
  Result<QueryResult> files = client.Query("SHOW BINARY LOGS");
  ASSERT_TRUE(files.ok()) << files.status().ToString();
  ASSERT_FALSE(files->rows.empty());
  const std::string first_file = *files->rows[0][0];
  // COM_BINLOG_DUMP: int<4> position, int<2> flags (1 = BINLOG_DUMP_NON_BLOCK),
  // int<4> server_id, string<EOF> file name.
  std::string payload;
  ByteWriter w(&payload);
  w.U32(4);
  w.U16(1);
  w.U32(4242);
  w.Bytes(first_file);
  ASSERT_TRUE(client.SendCommand(kComBinlogDump, payload).ok());
  std::vector<uint8_t> event_types;
  for (;;) {
    std::string p;
    Status st = client.ReadPacket(&p);
    ASSERT_TRUE(st.ok()) << st.ToString();
    if (IsEofPacket(p)) break;
    ASSERT_FALSE(IsErrPacket(p)) << ParseErr(p).ToString();
    ASSERT_GE(p.size(), 20u);
    EXPECT_EQ(p[0], 0);  // OK byte before each event
    event_types.push_back(static_cast<uint8_t>(p[1 + 4]));  // after the timestamp
  }
  ASSERT_GE(event_types.size(), 2u);
  EXPECT_EQ(event_types[0], 4);     // ROTATE_EVENT (fake, for the file name)
  EXPECT_EQ(event_types[1], 0x0f);  // FORMAT_DESCRIPTION_EVENT
}

TEST_F(RealMariadb, MultiStatementsReturnTheLastResult) {
  MysqlClient client;
  client.set_multi_statements(true);
  ASSERT_TRUE(client.Connect("127.0.0.1", port_, "rdb", "secret", "", 5000).ok());
  Result<QueryResult> r = client.Query("SELECT 1; SELECT 2, 3; DO 1");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(r->columns.empty());
  r = client.Query("SELECT 1; SELECT 'two', NULL");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->rows.size(), 1u);
  EXPECT_EQ(r->rows[0][0], "two");
  EXPECT_FALSE(r->rows[0][1].has_value());
}

TEST_F(RealMariadb, RowLargerThanOnePacket) {
  {
    MysqlClient admin;
    ASSERT_TRUE(admin.Connect("127.0.0.1", port_, "rdb", "secret", "", 5000).ok());
    ASSERT_TRUE(admin.Query("SET GLOBAL max_allowed_packet = 64 * 1024 * 1024").ok());
  }
  MysqlClient client;
  ASSERT_TRUE(client.Connect("127.0.0.1", port_, "rdb", "secret", "", 5000).ok());
  Result<QueryResult> r = client.Query("SELECT REPEAT('x', 17000000), 'tail'");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->rows.size(), 1u);
  EXPECT_EQ(r->rows[0][0]->size(), 17000000u);
  EXPECT_EQ(r->rows[0][1], "tail");
  // And a statement larger than 16 MiB going the other way.
  r = client.Query("SELECT LENGTH('" + std::string(17000000, 'y') + "')");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->rows[0][0], "17000000");
}

TEST_F(RealMariadb, ReadTimeoutOnSlowQuery) {
  MysqlClient client;
  ASSERT_TRUE(client.Connect("127.0.0.1", port_, "rdb", "secret", "", 5000).ok());
  client.SetReadTimeout(200);
  Result<QueryResult> r = client.Query("SELECT SLEEP(2)");
  EXPECT_TRUE(IsTimeout(r.status())) << r.status().ToString();
}

}  // namespace
}  // namespace relaydb::wire
