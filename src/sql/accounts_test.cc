// Tests for AccountStore and the password helpers. Expected texts were
// captured from MariaDB 10.11.19.
#include "sql/accounts.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>
#include <vector>

namespace relaydb::sql {
namespace {

class AccountsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(sqlite3_open(":memory:", &db_), SQLITE_OK);
    ASSERT_TRUE(store_.InitializeDefaults(db_, "").ok());
  }
  void TearDown() override { sqlite3_close(db_); }

  static AccountSpec Spec(std::string user, std::string host, std::string password = "") {
    AccountSpec s;
    s.name = {std::move(user), std::move(host)};
    if (!password.empty()) {
      s.auth.kind = AccountAuth::Kind::kPassword;
      s.auth.auth_string = std::move(password);
    }
    return s;
  }
  static PrivilegeList Privs(std::vector<std::string> names) {
    PrivilegeList l;
    for (const auto& n : names) EXPECT_TRUE(AddPrivilegeName(n, &l)) << n;
    return l;
  }
  static GrantObject Global() { return {}; }
  static GrantObject Db(std::string db) { return {GrantLevel::kDatabase, std::move(db), ""}; }
  static GrantObject Table(std::string db, std::string t) {
    return {GrantLevel::kTable, std::move(db), std::move(t)};
  }
  std::vector<std::string> Grants(std::string user, std::string host) {
    auto r = store_.ShowGrants({user, host});
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r.value() : std::vector<std::string>{};
  }
  void Create(std::string user, std::string host, std::string password = "") {
    std::vector<AdminWarning> w;
    Status s = store_.CreateUser(db_, {Spec(user, host, password)}, false, false, &w);
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
  void GrantOk(std::vector<std::string> privs, GrantObject on, std::string user, std::string host,
               bool with_grant = false) {
    Status s = store_.Grant(db_, Privs(privs), on, {Spec(user, host)}, with_grant, true, nullptr);
    ASSERT_TRUE(s.ok()) << s.ToString();
  }

  sqlite3* db_ = nullptr;
  AccountStore store_;
};

void ExpectSqlError(const Status& s, int code, const std::string& state, const std::string& msg) {
  ASSERT_TRUE(s.IsSqlError()) << s.ToString();
  EXPECT_EQ(s.mysql_errno(), code);
  EXPECT_EQ(s.sqlstate(), state);
  EXPECT_EQ(s.message(), msg);
}

TEST(PasswordTest, NativeHashVectors) {
  EXPECT_EQ(NativePasswordHash("password"), "*2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19");
  EXPECT_EQ(NativePasswordHash("x"), "*B69027D44F6E5EDC07F1AEAD1477967B16F28227");
  EXPECT_EQ(NativePasswordHash("y"), "*7446F64EFCFB1294A6DE20CAE7E49C2377A9AA25");
  EXPECT_EQ(NativePasswordHash(""), "");
  EXPECT_TRUE(IsValidNativeHash("*2470c0c06dee42fd1618bb99005adca2ec9d1e19"));
  EXPECT_FALSE(IsValidNativeHash("abc"));
  EXPECT_FALSE(IsValidNativeHash("*2470C0C06DEE42FD1618BB99005ADCA2EC9D1E1G"));
}

TEST(PasswordTest, NativeScrambleRoundTrip) {
  std::string salt = "0123456789abcdefghij";
  std::string reply = NativePasswordScramble("secret", salt);
  ASSERT_EQ(reply.size(), 20u);
  EXPECT_TRUE(CheckNativePassword(NativePasswordHash("secret"), salt, reply));
  EXPECT_FALSE(CheckNativePassword(NativePasswordHash("other"), salt, reply));
  EXPECT_TRUE(CheckNativePassword("", salt, ""));
  EXPECT_FALSE(CheckNativePassword("", salt, reply));
  EXPECT_FALSE(CheckNativePassword(NativePasswordHash("secret"), salt, ""));
}

TEST(PasswordTest, CachingSha2RoundTrip) {
  std::string nonce = "abcdefghij0123456789";
  std::string digest = Sha256DoubleDigest("secret");
  ASSERT_EQ(digest.size(), 32u);
  std::string reply = CachingSha2Scramble("secret", nonce);
  EXPECT_TRUE(CheckCachingSha2Password(digest, nonce, reply));
  EXPECT_FALSE(CheckCachingSha2Password(Sha256DoubleDigest("nope"), nonce, reply));
  EXPECT_TRUE(CheckCachingSha2Password("", nonce, ""));
}

TEST(PrivilegeTest, NamesAndOrder) {
  PrivilegeList l;
  EXPECT_TRUE(AddPrivilegeName("replication client", &l));
  EXPECT_TRUE(AddPrivilegeName("SUPER", &l));
  EXPECT_TRUE(AddPrivilegeName("REPLICATION SLAVE", &l));
  EXPECT_FALSE(AddPrivilegeName("BOGUS", &l));
  EXPECT_EQ(PrivilegesToString(l.privs, GrantLevel::kGlobal),
            "SUPER, REPLICATION SLAVE, BINLOG MONITOR");
  EXPECT_EQ(PrivilegesToString(kGlobalAcls, GrantLevel::kGlobal), "ALL PRIVILEGES");
  EXPECT_EQ(PrivilegesToString(kGrantAcl, GrantLevel::kGlobal), "USAGE");
  EXPECT_EQ(PrivilegesToString(kGlobalAcls & ~kSelectAcl, GrantLevel::kGlobal),
            "INSERT, UPDATE, DELETE, CREATE, DROP, RELOAD, SHUTDOWN, PROCESS, FILE, REFERENCES, "
            "INDEX, ALTER, SHOW DATABASES, SUPER, CREATE TEMPORARY TABLES, LOCK TABLES, EXECUTE, "
            "REPLICATION SLAVE, BINLOG MONITOR, CREATE VIEW, SHOW VIEW, CREATE ROUTINE, ALTER "
            "ROUTINE, CREATE USER, EVENT, TRIGGER, CREATE TABLESPACE, DELETE HISTORY, SET USER, "
            "FEDERATED ADMIN, CONNECTION ADMIN, READ_ONLY ADMIN, REPLICATION SLAVE ADMIN, "
            "REPLICATION MASTER ADMIN, BINLOG ADMIN, BINLOG REPLAY, SLAVE MONITOR");
}

TEST(WildMatchTest, Patterns) {
  EXPECT_TRUE(WildMatch("localhost", "LOCAL%", true));
  EXPECT_FALSE(WildMatch("localhost", "LOCAL%", false));
  EXPECT_TRUE(WildMatch("10.0.0.5", "10.0.0.%", false));
  EXPECT_TRUE(WildMatch("test_1", "test\\_%", false));
  EXPECT_FALSE(WildMatch("testX1", "test\\_%", false));
  EXPECT_TRUE(WildMatch("testX1", "test_%", false));
  EXPECT_TRUE(WildMatch("abc", "%%c", false));
  EXPECT_TRUE(WildMatch("", "%", false));
  EXPECT_FALSE(WildMatch("", "_", false));
  EXPECT_TRUE(WildMatch("a%b", "a\\%b", false));
  EXPECT_FALSE(WildMatch("axb", "a\\%b", false));
}

TEST_F(AccountsTest, DefaultRootAccounts) {
  EXPECT_EQ(store_.user_count(), 3u);
  EXPECT_EQ(Grants("root", "localhost"),
            (std::vector<std::string>{
                "GRANT ALL PRIVILEGES ON *.* TO `root`@`localhost` WITH GRANT OPTION",
                "GRANT PROXY ON ``@`%` TO `root`@`localhost` WITH GRANT OPTION"}));
  EXPECT_EQ(Grants("root", "::1")[0], "GRANT ALL PRIVILEGES ON *.* TO `root`@`::1` WITH GRANT OPTION");
  auto create = store_.ShowCreateUser({"root", "localhost"});
  ASSERT_TRUE(create.ok());
  EXPECT_EQ(create.value(), "CREATE USER `root`@`localhost`");
}

TEST_F(AccountsTest, RootPasswordIsHashed) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(":memory:", &db), SQLITE_OK);
  AccountStore store;
  ASSERT_TRUE(store.InitializeDefaults(db, "password").ok());
  auto g = store.ShowGrants({"root", "127.0.0.1"});
  ASSERT_TRUE(g.ok());
  EXPECT_EQ(g.value()[0],
            "GRANT ALL PRIVILEGES ON *.* TO `root`@`127.0.0.1` IDENTIFIED BY PASSWORD "
            "'*2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19' WITH GRANT OPTION");
  EXPECT_FALSE(store.InitializeDefaults(db, "").ok());
  sqlite3_close(db);
}

TEST_F(AccountsTest, CreateUserErrorsAndNotes) {
  Create("u", "%", "password");
  EXPECT_EQ(Grants("u", "%"),
            (std::vector<std::string>{"GRANT USAGE ON *.* TO `u`@`%` IDENTIFIED BY PASSWORD "
                                      "'*2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19'"}));
  auto cu = store_.ShowCreateUser({"u", "%"});
  ASSERT_TRUE(cu.ok());
  EXPECT_EQ(cu.value(),
            "CREATE USER `u`@`%` IDENTIFIED BY PASSWORD '*2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19'");

  std::vector<AdminWarning> w;
  ExpectSqlError(store_.CreateUser(db_, {Spec("u", "%")}, false, false, &w), 1396, "HY000",
                 "Operation CREATE USER failed for 'u'@'%'");
  ASSERT_TRUE(store_.CreateUser(db_, {Spec("u", "%"), Spec("zz9", "%")}, true, false, &w).ok());
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0], (AdminWarning{AdminWarning::Level::kNote, 1973,
                                "Can't create user 'u'@'%'; it already exists"}));
  EXPECT_TRUE(store_.UserExists({"zz9", "%"}));
  ExpectSqlError(store_.CreateUser(db_, {Spec("a", "%")}, true, true, &w), 1221, "HY000",
                 "Incorrect usage of OR REPLACE and IF NOT EXISTS");
  // Duplicates within one statement: the first is created, the second fails.
  ExpectSqlError(
      store_.CreateUser(db_, {Spec("u1", "%"), Spec("u2", "%"), Spec("u1", "%")}, false, false, &w),
      1396, "HY000", "Operation CREATE USER failed for 'u1'@'%'");
  EXPECT_TRUE(store_.UserExists({"u2", "%"}));
  // Host names are stored lower-case.
  Create("a1", "LOCALHOST");
  EXPECT_EQ(Grants("a1", "localhost")[0], "GRANT USAGE ON *.* TO `a1`@`localhost`");
  // Bad hash.
  AccountSpec bad = Spec("a4", "%");
  bad.auth.kind = AccountAuth::Kind::kPasswordHash;
  bad.auth.auth_string = "abc";
  ExpectSqlError(store_.CreateUser(db_, {bad}, false, false, &w), 1372, "HY000",
                 "Password hash should be a 41-digit hexadecimal number");
}

TEST_F(AccountsTest, DropUser) {
  Create("u", "%");
  std::vector<AdminWarning> w;
  ExpectSqlError(store_.DropUser(db_, {{"nouser", "h"}, {"u2", "x"}}, false, &w), 1396, "HY000",
                 "Operation DROP USER failed for 'nouser'@'h','u2'@'x'");
  ASSERT_TRUE(store_.DropUser(db_, {{"u", "%"}, {"nope1", "%"}}, true, &w).ok());
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].code, 1974);
  EXPECT_EQ(w[0].message, "Can't drop user 'nope1'@'%'; it doesn't exist");
  EXPECT_FALSE(store_.UserExists({"u", "%"}));
  ExpectSqlError(store_.ShowGrants({"u", "%"}).status(), 1141, "42000",
                 "There is no such grant defined for user 'u' on host '%'");
  ExpectSqlError(store_.ShowCreateUser({"u", "%"}).status(), 1133, "28000",
                 "Can't find any matching row in the user table");
}

TEST_F(AccountsTest, AlterRenameSetPassword) {
  Create("a4", "%", "x");
  std::vector<AdminWarning> w;
  ASSERT_TRUE(store_.AlterUser(db_, {Spec("a4", "%")}, false, &w).ok());  // no IDENTIFIED: no-op
  AccountSpec clear = Spec("a4", "%");
  clear.auth.kind = AccountAuth::Kind::kPassword;
  ASSERT_TRUE(store_.AlterUser(db_, {clear}, false, &w).ok());
  EXPECT_EQ(Grants("a4", "%")[0], "GRANT USAGE ON *.* TO `a4`@`%`");
  ExpectSqlError(store_.AlterUser(db_, {Spec("nouser", "%", "x")}, false, &w), 1396, "HY000",
                 "Operation ALTER USER failed for 'nouser'@'%'");
  w.clear();
  ASSERT_TRUE(store_.AlterUser(db_, {Spec("nouser", "%", "x")}, true, &w).ok());
  ASSERT_EQ(w.size(), 2u);
  EXPECT_EQ(w[0].code, 1410);
  EXPECT_EQ(w[1], (AdminWarning{AdminWarning::Level::kNote, 1396,
                                "Operation ALTER USER failed for 'nouser'@'%'"}));

  AccountAuth pw;
  pw.kind = AccountAuth::Kind::kPassword;
  pw.auth_string = "y";
  ASSERT_TRUE(store_.SetPassword(db_, {"a4", "%"}, pw).ok());
  EXPECT_EQ(Grants("a4", "%")[0],
            "GRANT USAGE ON *.* TO `a4`@`%` IDENTIFIED BY PASSWORD "
            "'*7446F64EFCFB1294A6DE20CAE7E49C2377A9AA25'");
  ExpectSqlError(store_.SetPassword(db_, {"nouser", "%"}, pw), 1133, "28000",
                 "Can't find any matching row in the user table");

  GrantOk({"SELECT"}, Db("db"), "a4", "%");
  ASSERT_TRUE(store_.RenameUser(db_, {{{"a4", "%"}, {"a44", "%"}}}).ok());
  EXPECT_EQ(Grants("a44", "%"),
            (std::vector<std::string>{"GRANT USAGE ON *.* TO `a44`@`%` IDENTIFIED BY PASSWORD "
                                      "'*7446F64EFCFB1294A6DE20CAE7E49C2377A9AA25'",
                                      "GRANT SELECT ON `db`.* TO `a44`@`%`"}));
  ExpectSqlError(store_.RenameUser(db_, {{{"nouser", "%"}, {"nn", "%"}}}), 1396, "HY000",
                 "Operation RENAME USER failed for 'nouser'@'%'");
  ExpectSqlError(store_.RenameUser(db_, {{{"a44", "%"}, {"a44", "%"}}}), 1396, "HY000",
                 "Operation RENAME USER failed for 'a44'@'%'");
}

TEST_F(AccountsTest, PluginsInShowGrants) {
  AccountSpec s = Spec("a2", "%");
  s.auth.kind = AccountAuth::Kind::kPlugin;
  s.auth.plugin = "unix_socket";
  ASSERT_TRUE(store_.CreateUser(db_, {s}, false, false, nullptr).ok());
  EXPECT_EQ(Grants("a2", "%")[0], "GRANT USAGE ON *.* TO `a2`@`%` IDENTIFIED VIA unix_socket");
  EXPECT_EQ(store_.ShowCreateUser({"a2", "%"}).value(),
            "CREATE USER `a2`@`%` IDENTIFIED VIA unix_socket");
  AccountSpec n = Spec("a5", "%");
  n.auth.kind = AccountAuth::Kind::kPlugin;
  n.auth.plugin = "mysql_native_password";
  n.auth.plugin_password_is_plain = true;
  n.auth.auth_string = "x";
  ASSERT_TRUE(store_.CreateUser(db_, {n}, false, false, nullptr).ok());
  EXPECT_EQ(Grants("a5", "%")[0],
            "GRANT USAGE ON *.* TO `a5`@`%` IDENTIFIED BY PASSWORD "
            "'*B69027D44F6E5EDC07F1AEAD1477967B16F28227'");
  // A hash keeps its case.
  AccountSpec h = Spec("x6", "%");
  h.auth.kind = AccountAuth::Kind::kPasswordHash;
  h.auth.auth_string = "*2470c0c06dee42fd1618bb99005adca2ec9d1e19";
  ASSERT_TRUE(store_.CreateUser(db_, {h}, false, false, nullptr).ok());
  EXPECT_EQ(Grants("x6", "%")[0],
            "GRANT USAGE ON *.* TO `x6`@`%` IDENTIFIED BY PASSWORD "
            "'*2470c0c06dee42fd1618bb99005adca2ec9d1e19'");
}

TEST_F(AccountsTest, GrantShowGrantsOrder) {
  Create("u", "%", "password");
  GrantOk({"SELECT", "INSERT"}, Db("db"), "u", "%");
  GrantOk({"ALL PRIVILEGES"}, Db("zdb"), "u", "%", true);
  GrantOk({"UPDATE"}, Db("adb"), "u", "%");
  GrantOk({"SELECT"}, Table("db", "t"), "u", "%");
  GrantOk({"ALL"}, Table("db", "b"), "u", "%");
  GrantOk({"INSERT", "DELETE"}, Table("adb", "x"), "u", "%");
  GrantOk({"SELECT"}, Db("we`ird"), "u", "%");
  GrantOk({"SELECT"}, Db("d%"), "u", "%");
  GrantOk({"RELOAD"}, Global(), "u", "%", true);
  EXPECT_EQ(Grants("u", "%"),
            (std::vector<std::string>{
                "GRANT RELOAD ON *.* TO `u`@`%` IDENTIFIED BY PASSWORD "
                "'*2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19' WITH GRANT OPTION",
                "GRANT SELECT, INSERT ON `db`.* TO `u`@`%`",
                "GRANT ALL PRIVILEGES ON `zdb`.* TO `u`@`%` WITH GRANT OPTION",
                "GRANT UPDATE ON `adb`.* TO `u`@`%`",
                "GRANT SELECT ON `we``ird`.* TO `u`@`%`",
                "GRANT SELECT ON `d%`.* TO `u`@`%`",  // patterns after exact names
                "GRANT SELECT ON `db`.`t` TO `u`@`%`",
                "GRANT ALL PRIVILEGES ON `db`.`b` TO `u`@`%`",
                "GRANT INSERT, DELETE ON `adb`.`x` TO `u`@`%`",
            }));
  // Reloading from SQLite keeps the same output.
  AccountStore reloaded;
  ASSERT_TRUE(reloaded.Load(db_).ok());
  EXPECT_EQ(reloaded.ShowGrants({"u", "%"}).value(), Grants("u", "%"));

  GrantOk({"SELECT", "INSERT", "UPDATE", "DELETE", "CREATE", "DROP", "RELOAD", "SHUTDOWN",
           "PROCESS", "FILE", "REFERENCES", "INDEX", "ALTER", "SHOW DATABASES", "SUPER",
           "CREATE TEMPORARY TABLES", "LOCK TABLES", "EXECUTE", "REPLICATION SLAVE",
           "REPLICATION CLIENT", "CREATE VIEW", "SHOW VIEW", "CREATE ROUTINE", "ALTER ROUTINE",
           "CREATE USER", "EVENT", "TRIGGER", "CREATE TABLESPACE", "DELETE HISTORY", "SET USER",
           "FEDERATED ADMIN", "CONNECTION ADMIN", "READ_ONLY ADMIN", "REPLICATION SLAVE ADMIN",
           "REPLICATION MASTER ADMIN", "BINLOG ADMIN", "BINLOG REPLAY", "SLAVE MONITOR"},
          Global(), "u", "%");
  EXPECT_EQ(Grants("u", "%")[0],
            "GRANT ALL PRIVILEGES ON *.* TO `u`@`%` IDENTIFIED BY PASSWORD "
            "'*2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19' WITH GRANT OPTION");
}

TEST_F(AccountsTest, GrantErrors) {
  Create("g1", "%");
  std::vector<AdminWarning> w;
  ExpectSqlError(store_.Grant(db_, Privs({"SELECT"}), Db("db"), {Spec("nouser", "%")}, false, true, &w),
                 1133, "28000", "Can't find any matching row in the user table");
  // The existing account in the same statement still gets the grant.
  ExpectSqlError(store_.Grant(db_, Privs({"SELECT"}), Db("db"),
                              {Spec("g1", "%"), Spec("nouser", "%")}, false, true, &w),
                 1133, "28000", "Can't find any matching row in the user table");
  EXPECT_EQ(Grants("g1", "%").size(), 2u);
  ExpectSqlError(store_.Grant(db_, Privs({"RELOAD"}), Db("db"), {Spec("g1", "%")}, false, true, &w),
                 1221, "HY000", "Incorrect usage of DB GRANT and GLOBAL PRIVILEGES");
  ExpectSqlError(
      store_.Grant(db_, Privs({"SUPER"}), Table("db", "t"), {Spec("g1", "%")}, false, true, &w),
      1144, "42000",
      "Illegal GRANT/REVOKE command; please consult the manual to see which privileges can be used");
  ExpectSqlError(store_.Grant(db_, Privs({"SELECT"}), Db(""), {Spec("g1", "%")}, false, true, &w),
                 1046, "3D000", "No database selected");
  // With IDENTIFIED BY the account is created despite NO_AUTO_CREATE_USER.
  ASSERT_TRUE(
      store_.Grant(db_, Privs({"SELECT"}), Db("db"), {Spec("g9", "%", "x")}, false, true, &w).ok());
  EXPECT_EQ(Grants("g9", "%"),
            (std::vector<std::string>{"GRANT USAGE ON *.* TO `g9`@`%` IDENTIFIED BY PASSWORD "
                                      "'*B69027D44F6E5EDC07F1AEAD1477967B16F28227'",
                                      "GRANT SELECT ON `db`.* TO `g9`@`%`"}));
  // Without NO_AUTO_CREATE_USER it is created without a password.
  ASSERT_TRUE(
      store_.Grant(db_, Privs({"SELECT"}), Db("db"), {Spec("g2", "%")}, false, false, &w).ok());
  EXPECT_EQ(Grants("g2", "%")[0], "GRANT USAGE ON *.* TO `g2`@`%`");
  // GRANT USAGE ON db.* adds no line.
  GrantOk({"USAGE"}, Db("other"), "g2", "%");
  EXPECT_EQ(Grants("g2", "%").size(), 2u);
}

TEST_F(AccountsTest, RevokeBehaviour) {
  Create("r1", "%");
  GrantOk({"SELECT"}, Db("db"), "r1", "%", true);
  GrantOk({"RELOAD"}, Global(), "r1", "%", true);
  GrantOk({"SELECT"}, Table("db", "t"), "r1", "%", true);
  PrivilegeList all;
  all.all = true;
  ASSERT_TRUE(store_.Revoke(db_, all, Db("db"), {{"r1", "%"}}).ok());
  ASSERT_TRUE(store_.Revoke(db_, all, Global(), {{"r1", "%"}}).ok());
  ASSERT_TRUE(store_.Revoke(db_, all, Table("db", "t"), {{"r1", "%"}}).ok());
  // REVOKE ALL keeps GRANT OPTION.
  EXPECT_EQ(Grants("r1", "%"),
            (std::vector<std::string>{"GRANT USAGE ON *.* TO `r1`@`%` WITH GRANT OPTION",
                                      "GRANT USAGE ON `db`.* TO `r1`@`%` WITH GRANT OPTION",
                                      "GRANT USAGE ON `db`.`t` TO `r1`@`%` WITH GRANT OPTION"}));
  ASSERT_TRUE(store_.Revoke(db_, Privs({"GRANT OPTION"}), Db("db"), {{"r1", "%"}}).ok());
  EXPECT_EQ(Grants("r1", "%").size(), 2u);
  ASSERT_TRUE(store_.Revoke(db_, Privs({"INSERT"}), Global(), {{"r1", "%"}}).ok());
  ExpectSqlError(store_.Revoke(db_, Privs({"INSERT"}), Db("nodb"), {{"r1", "%"}}), 1141, "42000",
                 "There is no such grant defined for user 'r1' on host '%'");
  ExpectSqlError(store_.Revoke(db_, Privs({"SELECT"}), Table("db", "zz"), {{"r1", "%"}}), 1147,
                 "42000", "There is no such grant defined for user 'r1' on host '%' on table 'zz'");
  ExpectSqlError(store_.Revoke(db_, Privs({"SELECT"}), Global(), {{"nouser", "%"}}), 1141, "42000",
                 "There is no such grant defined for user 'nouser' on host '%'");
  ExpectSqlError(store_.RevokeAll(db_, {{"nouser", "%"}}), 1269, "HY000",
                 "Can't revoke all privileges for one or more of the requested users");
  ASSERT_TRUE(store_.RevokeAll(db_, {{"r1", "%"}}).ok());
  EXPECT_EQ(Grants("r1", "%"), (std::vector<std::string>{"GRANT USAGE ON *.* TO `r1`@`%`"}));
}

TEST_F(AccountsTest, HostMatchingOrder) {
  Create("lim", "%", "x");
  Create("lim", "localhost", "x");
  Create("lim", "10.0.0.%");
  Create("lim", "10.0.%");
  Create("lim", "10.0.0.7");
  Create("", "localhost");
  Create("repl", "%");
  Create("net", "192.168.1.0/255.255.255.0");

  auto match = [&](std::string user, ClientHost c) -> std::string {
    auto a = store_.MatchAccount(user, c);
    return a ? a->priv_user + "@" + a->priv_host : "none";
  };
  ClientHost lo = ClientHost::Tcp("127.0.0.1", false);
  EXPECT_EQ(lo.host, "localhost");
  EXPECT_EQ(match("lim", lo), "lim@localhost");
  EXPECT_EQ(match("lim", ClientHost::Tcp("127.0.0.1", true)), "lim@%");
  EXPECT_EQ(match("lim", ClientHost::UnixSocket()), "lim@localhost");
  EXPECT_EQ(match("lim", ClientHost::Tcp("10.0.0.7", false)), "lim@10.0.0.7");
  EXPECT_EQ(match("lim", ClientHost::Tcp("10.0.0.8", false)), "lim@10.0.0.%");
  EXPECT_EQ(match("lim", ClientHost::Tcp("10.0.1.8", false)), "lim@10.0.%");
  EXPECT_EQ(match("lim", ClientHost::Tcp("::ffff:10.9.9.9", false)), "lim@%");
  // root: 'localhost' sorts before '127.0.0.1' and '::1'.
  EXPECT_EQ(match("root", lo), "root@localhost");
  EXPECT_EQ(match("root", ClientHost::Tcp("::1", false)), "root@localhost");
  EXPECT_EQ(match("root", ClientHost::Tcp("::1", true)), "root@::1");
  EXPECT_EQ(match("root", ClientHost::Tcp("10.1.1.1", false)), "none");
  // The anonymous ''@localhost is more specific than repl@'%' (MariaDB
  // rejects replication users this way).
  EXPECT_EQ(match("repl", lo), "@localhost");
  EXPECT_EQ(match("repl", ClientHost::Tcp("10.1.1.1", false)), "repl@%");
  EXPECT_EQ(match("nobody", ClientHost::UnixSocket()), "@localhost");
  EXPECT_EQ(match("nobody", ClientHost::Tcp("10.1.1.1", false)), "none");
  EXPECT_EQ(match("net", ClientHost::Tcp("192.168.1.77", false)), "net@192.168.1.0/255.255.255.0");
  EXPECT_EQ(match("net", ClientHost::Tcp("192.168.2.77", false)), "none");

  auto a = store_.MatchAccount("lim", ClientHost::Tcp("10.0.0.7", true));
  ASSERT_TRUE(a);
  EXPECT_EQ(a->UserAtHost(), "lim@10.0.0.7");
  EXPECT_EQ(a->CurrentUser(), "lim@10.0.0.7");
  EXPECT_EQ(store_.MatchAccount("lim", lo)->auth.auth_string, NativePasswordHash("x"));
  EXPECT_EQ(store_.MatchAccount("lim", lo)->auth.sha2_digest, Sha256DoubleDigest("x"));
}

TEST_F(AccountsTest, PrivilegeChecks) {
  Create("lim", "%", "x");
  Create("lim", "localhost", "x");
  GrantOk({"SELECT"}, Table("db", "t"), "lim", "localhost");
  GrantOk({"INSERT"}, Db("db"), "lim", "localhost");
  GrantOk({"SELECT"}, Db("pub\\_%"), "lim", "%");

  Account local = *store_.MatchAccount("lim", ClientHost::Tcp("127.0.0.1", false));
  EXPECT_TRUE(store_.HasPrivilege(local, kSelectAcl, "db", "t"));
  EXPECT_TRUE(store_.HasPrivilege(local, kInsertAcl, "db", "anything"));
  EXPECT_TRUE(store_.HasPrivilege(local, kSelectAcl | kInsertAcl, "db", "t"));
  EXPECT_FALSE(store_.HasPrivilege(local, kSelectAcl, "db", "b"));
  EXPECT_FALSE(store_.HasPrivilege(local, kDeleteAcl, "db", "t"));
  EXPECT_FALSE(store_.HasPrivilege(local, kSuperAcl));
  EXPECT_TRUE(store_.CanAccessDatabase(local, "db"));
  EXPECT_FALSE(store_.CanAccessDatabase(local, "adb"));

  // Database grants follow the login name + client host, not the matched row.
  Account remote = *store_.MatchAccount("lim", ClientHost::Tcp("127.0.0.1", true));
  EXPECT_EQ(remote.priv_host, "%");
  EXPECT_FALSE(store_.HasPrivilege(remote, kInsertAcl, "db", "x"));
  EXPECT_TRUE(store_.HasPrivilege(remote, kSelectAcl, "pub_1", "x"));
  EXPECT_FALSE(store_.HasPrivilege(remote, kSelectAcl, "pubX1", "x"));

  // An anonymous account's database grants apply to everybody on its hosts.
  Create("", "%");
  GrantOk({"UPDATE"}, Db("shared"), "", "%");
  EXPECT_TRUE(store_.HasPrivilege(remote, kUpdateAcl, "shared", "x"));

  Account root = *store_.MatchAccount("root", ClientHost::UnixSocket());
  EXPECT_TRUE(store_.HasPrivilege(root, kSuperAcl | kGrantAcl));
  EXPECT_TRUE(store_.HasPrivilege(root, kSelectAcl, "any", "t"));

  ExpectSqlError(TableAccessDenied("SELECT", remote, "db", "b"), 1142, "42000",
                 "SELECT command denied to user 'lim'@'127.0.0.1' for table `db`.`b`");
  ExpectSqlError(DbAccessDenied(remote, "adb"), 1044, "42000",
                 "Access denied for user 'lim'@'%' to database 'adb'");
  ExpectSqlError(SpecificAccessDenied(kSuperAcl | kBinlogAdminAcl), 1227, "42000",
                 "Access denied; you need (at least one of) the SUPER, BINLOG ADMIN privilege(s) "
                 "for this operation");
  ExpectSqlError(SpecificAccessDenied(kReadOnlyAdminAcl), 1227, "42000",
                 "Access denied; you need (at least one of) the READ_ONLY ADMIN privilege(s) for "
                 "this operation");
  ExpectSqlError(LoginAccessDenied("none", "127.0.0.1", false), 1045, "28000",
                 "Access denied for user 'none'@'127.0.0.1' (using password: NO)");
  EXPECT_EQ(ShowGrantsColumnName({"a1", "LocalHost"}), "Grants for a1@localhost");
  EXPECT_EQ(ShowCreateUserColumnName({"x y", "h`q"}), "CREATE USER for x y@h`q");
}

TEST_F(AccountsTest, PersistenceAcrossReload) {
  Create("p", "10.%", "secret");
  GrantOk({"REPLICATION SLAVE", "REPLICATION CLIENT"}, Global(), "p", "10.%");
  GrantOk({"SELECT"}, Table("db", "t"), "p", "10.%", true);
  std::vector<AdminWarning> w;
  ASSERT_TRUE(store_.DropUser(db_, {{"root", "::1"}}, false, &w).ok());

  AccountStore other;
  ASSERT_TRUE(other.Load(db_).ok());
  EXPECT_EQ(other.user_count(), 3u);
  EXPECT_FALSE(other.UserExists({"root", "::1"}));
  EXPECT_EQ(other.ShowGrants({"p", "10.%"}).value(),
            (std::vector<std::string>{
                "GRANT REPLICATION SLAVE, BINLOG MONITOR ON *.* TO `p`@`10.%` IDENTIFIED BY "
                "PASSWORD '" + NativePasswordHash("secret") + "'",
                "GRANT SELECT ON `db`.`t` TO `p`@`10.%` WITH GRANT OPTION"}));
  auto a = other.MatchAccount("p", ClientHost::Tcp("10.1.2.3", true));
  ASSERT_TRUE(a);
  EXPECT_EQ(a->auth.sha2_digest, Sha256DoubleDigest("secret"));
  EXPECT_TRUE(other.HasPrivilege(*a, kReplSlaveAcl));
  EXPECT_TRUE(other.HasPrivilege(*a, kSelectAcl, "db", "t"));

  // A rolled-back transaction is undone by Load().
  ASSERT_EQ(sqlite3_exec(db_, "BEGIN", nullptr, nullptr, nullptr), SQLITE_OK);
  Create("temp", "%");
  ASSERT_EQ(sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr), SQLITE_OK);
  EXPECT_TRUE(store_.UserExists({"temp", "%"}));
  ASSERT_TRUE(store_.Load(db_).ok());
  EXPECT_FALSE(store_.UserExists({"temp", "%"}));
}

}  // namespace
}  // namespace relaydb::sql
