// User accounts and privileges (MariaDB 10.11's mysql.global_priv / db /
// tables_priv / proxies_priv, reduced to what relaydb needs): the account
// rows and grants persisted in SQLite tables of the server's database, a
// thread-safe in-memory copy for the authentication and privilege checks
// done on every statement, the account statements (CREATE/DROP/ALTER/RENAME
// USER, SET PASSWORD, GRANT, REVOKE, SHOW GRANTS, SHOW CREATE USER) with
// MariaDB 10.11's results and errors byte for byte, and the password hashing
// helpers (mysql_native_password, caching_sha2_password fast path).
//
// MariaDB behaviour reproduced (verified against mariadbd 10.11.19):
//  * Host matching: an account host is a LIKE-style pattern ('%', '_', '\'
//    escape; case-insensitive against the client's host name, case-sensitive
//    against its IP) or an IPv4 'net/mask'. '' means '%'. Host names are
//    stored lower-case (CREATE USER u@LOCALHOST creates u@localhost).
//  * Matching order: entries for the exact user name first, most specific
//    host first (MariaDB's get_magic_sort: no wildcards before patterns before
//    '%'), 'localhost' before '127.0.0.1'/'::1' on ties; an anonymous ''
//    account wins only if its host is strictly more specific (so ''@localhost
//    beats u@'%' for a client on localhost, as in MariaDB).
//  * Client host: a unix-socket client is host "localhost" without IP. A TCP
//    client from 127.0.0.1/::1 is host "localhost" + its IP unless
//    skip_name_resolve is ON (MariaDB resolves 127.0.0.1 to "localhost"; with
//    --skip-name-resolve a 127.0.0.1 client does not match u@localhost).
//    relaydb does no DNS: other TCP clients are known by IP only.
//  * Database grants are looked up by the login user name and the client's
//    host (not the matched account), with anonymous-user db grants applying
//    to everybody, exactly as acl_db_find() does; table grants by exact user
//    name and client host.
//  * Global privilege changes reach a session when it next authenticates
//    (Account snapshots them); database and table grants apply immediately.
//
// Known differences: no roles, column grants, routine grants, resource
// limits, REQUIRE SSL, PASSWORD EXPIRE, ACCOUNT LOCK, GRANT PROXY statements
// (only the default root proxy rows exist). SHOW GRANTS lists table grants in
// creation order (MariaDB's order follows its hash table); database grants
// follow MariaDB's sort (user, then host/db specificity, then creation order).
#pragma once

#include <cstdint>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"

struct sqlite3;

namespace relaydb::sql {

// A note, warning or error a statement leaves for SHOW WARNINGS.
struct AdminWarning {
  enum class Level : uint8_t { kNote, kWarning, kError };
  Level level = Level::kWarning;
  uint16_t code = 0;
  std::string message;

  bool operator==(const AdminWarning&) const = default;
};

// ---------------------------------------------------------------------------
// Privileges: MariaDB 10.11's privilege_t bits (the same numbers
// mysql.global_priv stores), so SHOW GRANTS lists them in MariaDB's order.
// ---------------------------------------------------------------------------

using PrivMask = uint64_t;

inline constexpr PrivMask kSelectAcl = 1ULL << 0;
inline constexpr PrivMask kInsertAcl = 1ULL << 1;
inline constexpr PrivMask kUpdateAcl = 1ULL << 2;
inline constexpr PrivMask kDeleteAcl = 1ULL << 3;
inline constexpr PrivMask kCreateAcl = 1ULL << 4;
inline constexpr PrivMask kDropAcl = 1ULL << 5;
inline constexpr PrivMask kReloadAcl = 1ULL << 6;
inline constexpr PrivMask kShutdownAcl = 1ULL << 7;
inline constexpr PrivMask kProcessAcl = 1ULL << 8;
inline constexpr PrivMask kFileAcl = 1ULL << 9;
inline constexpr PrivMask kGrantAcl = 1ULL << 10;  // WITH GRANT OPTION
inline constexpr PrivMask kReferencesAcl = 1ULL << 11;
inline constexpr PrivMask kIndexAcl = 1ULL << 12;
inline constexpr PrivMask kAlterAcl = 1ULL << 13;
inline constexpr PrivMask kShowDbAcl = 1ULL << 14;
inline constexpr PrivMask kSuperAcl = 1ULL << 15;
inline constexpr PrivMask kCreateTmpAcl = 1ULL << 16;
inline constexpr PrivMask kLockTablesAcl = 1ULL << 17;
inline constexpr PrivMask kExecuteAcl = 1ULL << 18;
inline constexpr PrivMask kReplSlaveAcl = 1ULL << 19;
inline constexpr PrivMask kBinlogMonitorAcl = 1ULL << 20;  // alias REPLICATION CLIENT
inline constexpr PrivMask kCreateViewAcl = 1ULL << 21;
inline constexpr PrivMask kShowViewAcl = 1ULL << 22;
inline constexpr PrivMask kCreateProcAcl = 1ULL << 23;
inline constexpr PrivMask kAlterProcAcl = 1ULL << 24;
inline constexpr PrivMask kCreateUserAcl = 1ULL << 25;
inline constexpr PrivMask kEventAcl = 1ULL << 26;
inline constexpr PrivMask kTriggerAcl = 1ULL << 27;
inline constexpr PrivMask kCreateTablespaceAcl = 1ULL << 28;
inline constexpr PrivMask kDeleteHistoryAcl = 1ULL << 29;
inline constexpr PrivMask kSetUserAcl = 1ULL << 30;
inline constexpr PrivMask kFederatedAdminAcl = 1ULL << 31;
inline constexpr PrivMask kConnectionAdminAcl = 1ULL << 32;
inline constexpr PrivMask kReadOnlyAdminAcl = 1ULL << 33;
inline constexpr PrivMask kReplSlaveAdminAcl = 1ULL << 34;
inline constexpr PrivMask kReplMasterAdminAcl = 1ULL << 35;
inline constexpr PrivMask kBinlogAdminAcl = 1ULL << 36;
inline constexpr PrivMask kBinlogReplayAcl = 1ULL << 37;
inline constexpr PrivMask kSlaveMonitorAcl = 1ULL << 38;

// ALL PRIVILEGES at each level (without GRANT OPTION).
inline constexpr PrivMask kGlobalAcls = ((1ULL << 39) - 1) & ~kGrantAcl;
inline constexpr PrivMask kDbAcls =
    kSelectAcl | kInsertAcl | kUpdateAcl | kDeleteAcl | kCreateAcl | kDropAcl | kReferencesAcl |
    kIndexAcl | kAlterAcl | kCreateTmpAcl | kLockTablesAcl | kExecuteAcl | kCreateViewAcl |
    kShowViewAcl | kCreateProcAcl | kAlterProcAcl | kEventAcl | kTriggerAcl | kDeleteHistoryAcl;
inline constexpr PrivMask kTableAcls = kSelectAcl | kInsertAcl | kUpdateAcl | kDeleteAcl |
                                       kCreateAcl | kDropAcl | kReferencesAcl | kIndexAcl |
                                       kAlterAcl | kCreateViewAcl | kShowViewAcl | kTriggerAcl |
                                       kDeleteHistoryAcl;

enum class GrantLevel : uint8_t { kGlobal, kDatabase, kTable };

// The privileges named in GRANT/REVOKE.
struct PrivilegeList {
  PrivMask privs = 0;  // may include kGrantAcl for "GRANT OPTION"
  bool all = false;    // ALL [PRIVILEGES]: every privilege of the target level
};

// Adds one privilege name as the parser spells it (case-insensitive, words
// separated by single spaces): "SELECT", "REPLICATION SLAVE", "REPLICATION
// CLIENT" (= BINLOG MONITOR), "REPLICA MONITOR" (= SLAVE MONITOR), "ALL",
// "ALL PRIVILEGES", "USAGE", "GRANT OPTION", ... Returns false for an unknown
// name (the parser should have rejected it: 1064).
bool AddPrivilegeName(std::string_view name, PrivilegeList* list);

// "SELECT, INSERT" in MariaDB's order; "ALL PRIVILEGES" when `privs` holds
// every privilege of `level`; "USAGE" when it holds none. kGrantAcl ignored.
std::string PrivilegesToString(PrivMask privs, GrantLevel level);

// MariaDB's name of each bit in `privs`, joined by ", " ("SUPER, BINLOG
// ADMIN"), as error 1227 lists them.
std::string PrivilegeNames(PrivMask privs);

// MySQL's LIKE/wildcard match as MariaDB's wild_compare does it: '%' any
// run, '_' one character, '\' escapes the next pattern character. Bytes
// compare exactly, or ASCII case-insensitively with `case_insensitive`.
// Used for account hosts, database grant patterns and SHOW ... LIKE.
bool WildMatch(std::string_view str, std::string_view pattern, bool case_insensitive);

// ---------------------------------------------------------------------------
// Passwords (OpenSSL EVP).
// ---------------------------------------------------------------------------

// mysql_native_password's stored form: "*" + HEX(SHA1(SHA1(pw))), 41
// characters, upper-case; "" for the empty password (as PASSWORD('') is).
std::string NativePasswordHash(std::string_view password);
// True for "" or "*" followed by 40 hex digits (either case).
bool IsValidNativeHash(std::string_view hash);
// caching_sha2_password's fast-auth digest SHA256(SHA256(pw)): 32 raw bytes;
// "" for the empty password.
std::string Sha256DoubleDigest(std::string_view password);

// Client side of mysql_native_password: SHA1(pw) XOR SHA1(salt +
// SHA1(SHA1(pw))), 20 bytes; "" for the empty password.
std::string NativePasswordScramble(std::string_view password, std::string_view salt);
// Server side: checks `reply` against the stored "*HEX" hash and the 20-byte
// `salt` sent in the handshake. An empty hash accepts only an empty reply.
bool CheckNativePassword(std::string_view stored_hash, std::string_view salt,
                         std::string_view reply);
// Client side of caching_sha2_password fast auth: SHA256(pw) XOR
// SHA256(SHA256(SHA256(pw)) + nonce), 32 bytes; "" for the empty password.
std::string CachingSha2Scramble(std::string_view password, std::string_view nonce);
// Server side fast auth against the stored SHA256(SHA256(pw)) digest. An
// empty digest (no password) accepts only an empty reply.
bool CheckCachingSha2Password(std::string_view digest, std::string_view nonce,
                              std::string_view reply);

// ---------------------------------------------------------------------------
// Who is connecting, and the authenticated account.
// ---------------------------------------------------------------------------

struct ClientHost {
  std::string host;  // resolved name ("localhost"); empty if unknown
  std::string ip;    // numeric address; empty for a unix-socket client

  // A unix-socket connection: host "localhost", no IP.
  static ClientHost UnixSocket();
  // A TCP connection from `ip` (IPv4-mapped IPv6 "::ffff:a.b.c.d" becomes
  // "a.b.c.d"). Loopback addresses get host "localhost" unless
  // `skip_name_resolve`.
  static ClientHost Tcp(std::string_view ip, bool skip_name_resolve);
  // What USER() and error 1045 show: the host name, else the IP.
  const std::string& host_or_ip() const { return host.empty() ? ip : host; }
};

// The stored authentication data of an account.
struct AuthData {
  std::string plugin;       // "mysql_native_password", "caching_sha2_password", "unix_socket", ...
  std::string auth_string;  // native: "" or "*HEX"; other plugins: as given
  std::string sha2_digest;  // SHA256(SHA256(pw)) if known (set from a plain password), else ""
};

// An authenticated session's identity: cheap privilege checks through
// AccountStore::HasPrivilege. Value type; a snapshot taken at login.
struct Account {
  std::string user;         // login name as the client sent it
  ClientHost client;        // where it connects from
  std::string priv_user;    // matched account's user ("" for anonymous)
  std::string priv_host;    // matched account's host pattern
  PrivMask global_privs = 0;  // global privileges incl. kGrantAcl
  AuthData auth;

  // USER(): "user@host_or_ip".
  std::string UserAtHost() const { return user + "@" + client.host_or_ip(); }
  // CURRENT_USER(): "priv_user@priv_host".
  std::string CurrentUser() const { return priv_user + "@" + priv_host; }
};

// ---------------------------------------------------------------------------
// Statement arguments (the executor fills these from the parsed AST).
// ---------------------------------------------------------------------------

struct AccountName {
  std::string user;
  std::string host = "%";
};

// IDENTIFIED ... of CREATE/ALTER USER and GRANT (mirrors the AST's AuthSpec).
struct AccountAuth {
  enum class Kind : uint8_t {
    kNone,          // no IDENTIFIED clause
    kPassword,      // IDENTIFIED BY 'pw': auth_string = the plain password
    kPasswordHash,  // IDENTIFIED BY PASSWORD '*hash': auth_string = the hash
    kPlugin,        // IDENTIFIED {WITH|VIA} plugin [USING 'x' | USING PASSWORD('pw')]
  };
  Kind kind = Kind::kNone;
  std::string plugin;                     // kPlugin, lower-case
  std::string auth_string;                // see Kind
  bool plugin_password_is_plain = false;  // kPlugin: auth_string is a plain password
};

struct AccountSpec {
  AccountName name;
  AccountAuth auth;
};

// ON *.* / db.* / db.t. The executor substitutes the current database for a
// bare `*` or `t`; an empty db for kDatabase/kTable gives 1046.
struct GrantObject {
  GrantLevel level = GrantLevel::kGlobal;
  std::string db;
  std::string table;
};

// ---------------------------------------------------------------------------
// The store.
// ---------------------------------------------------------------------------

// Thread-safety: all methods may be called concurrently. Readers
// (MatchAccount, HasPrivilege, Show*) take a shared lock; statements take
// it exclusively. Statements write through the caller's `sqlite3*`, which
// must already be inside the caller's transaction; the in-memory copy is
// changed once the SQLite writes succeeded. If the caller then rolls the
// transaction back, it must call Load() to resynchronize. Like MariaDB, a
// statement naming several accounts applies the ones that succeed and then
// reports the failures; callers should commit in that case too.
class AccountStore {
 public:
  AccountStore() = default;
  AccountStore(const AccountStore&) = delete;
  AccountStore& operator=(const AccountStore&) = delete;

  // Creates rdb_users / rdb_grants / rdb_proxies if missing (idempotent).
  static Status CreateTables(sqlite3* db);
  // Replaces the in-memory copy with the tables' contents (server start,
  // FLUSH PRIVILEGES, after a rollback). The tables must exist.
  Status Load(sqlite3* db);
  // For a fresh data directory: root@localhost, root@127.0.0.1 and root@::1
  // with ALL PRIVILEGES WITH GRANT OPTION (and the proxy grant MariaDB's
  // installer gives them), password `root_password` (none if empty).
  // Creates the tables if needed. Fails if any account already exists.
  Status InitializeDefaults(sqlite3* db, std::string_view root_password);

  // --- authentication and checks -----------------------------------------

  // The account a login `user` from `client` authenticates as, with MariaDB's
  // matching order; nullopt if none (the server then answers 1045 through
  // LoginAccessDenied()).
  std::optional<Account> MatchAccount(std::string_view user, const ClientHost& client) const;

  // True if `account` holds every bit of `want` through its global
  // privileges, the database grants for `db` and the table grants for
  // `db`.`table` combined. Empty `table` checks global + database level only;
  // empty `db` checks global only. The global check needs no lock.
  bool HasPrivilege(const Account& account, PrivMask want, std::string_view db = {},
                    std::string_view table = {}) const;
  // Global | database-level privileges of `account` on `db`.
  PrivMask DbPrivileges(const Account& account, std::string_view db) const;
  // Table-level privileges of `account` on `db`.`table` (not including global/db).
  PrivMask TablePrivileges(const Account& account, std::string_view db,
                           std::string_view table) const;
  // True if `account` may USE `db` (else 1044, DbAccessDenied): as
  // MariaDB's mysql_change_db, some database-level privilege (kDbAcls) held
  // globally or on `db`, or any table grant in `db`.
  bool CanAccessDatabase(const Account& account, std::string_view db) const;

  // Whether `name` exists (exact user and host, host compared
  // case-insensitively).
  bool UserExists(const AccountName& name) const;
  size_t user_count() const;

  // --- statements ----------------------------------------------------------

  // CREATE [OR REPLACE] USER [IF NOT EXISTS] specs. Errors: 1221 (both OR
  // REPLACE and IF NOT EXISTS), 1396 "Operation CREATE USER failed for
  // 'u'@'h'[,'u2'@'h2']" listing the accounts that exist; IF NOT EXISTS
  // turns those into notes 1973. Bad hash: 1372.
  Status CreateUser(sqlite3* db, const std::vector<AccountSpec>& specs, bool if_not_exists,
                    bool or_replace, std::vector<AdminWarning>* warnings);
  // DROP USER [IF EXISTS]: 1396 "Operation DROP USER failed for ..."; IF
  // EXISTS: notes 1974. Also removes the account's grants.
  Status DropUser(sqlite3* db, const std::vector<AccountName>& names, bool if_exists,
                  std::vector<AdminWarning>* warnings);
  // ALTER USER [IF EXISTS] ... IDENTIFIED ...: 1396 "Operation ALTER USER
  // failed for ..."; IF EXISTS: MariaDB's error 1410 + note 1396 warnings.
  Status AlterUser(sqlite3* db, const std::vector<AccountSpec>& specs, bool if_exists,
                   std::vector<AdminWarning>* warnings);
  // RENAME USER a TO b, ...: 1396 "Operation RENAME USER failed for ..."
  // listing each failed source (missing source or existing target). Grants
  // move with the account.
  Status RenameUser(sqlite3* db, const std::vector<std::pair<AccountName, AccountName>>& renames);
  // SET PASSWORD FOR name = PASSWORD('pw') | 'hash' (`auth.kind` kPassword
  // or kPasswordHash). 1133 if the account does not exist, 1372 bad hash.
  Status SetPassword(sqlite3* db, const AccountName& name, const AccountAuth& auth);
  // GRANT privs ON object TO specs [WITH GRANT OPTION]. A missing account is
  // created when `!no_auto_create_user` (sql_mode) or when its spec carries
  // IDENTIFIED ...; otherwise 1133. An IDENTIFIED clause on an existing
  // account changes its password. Errors: 1046, 1221 (global privileges on
  // db.*), 1144 (non-table privileges on db.t). Table existence (1146) is the
  // caller's to check first.
  Status Grant(sqlite3* db, const PrivilegeList& privs, const GrantObject& on,
               const std::vector<AccountSpec>& specs, bool with_grant_option,
               bool no_auto_create_user, std::vector<AdminWarning>* warnings);
  // REVOKE privs ON object FROM names. Errors: 1141 (no such db grant / no
  // such account), 1147 (no such table grant), 1046, 1221, 1144.
  Status Revoke(sqlite3* db, const PrivilegeList& privs, const GrantObject& on,
                const std::vector<AccountName>& names);
  // REVOKE ALL PRIVILEGES, GRANT OPTION FROM names: 1269 if any is missing.
  Status RevokeAll(sqlite3* db, const std::vector<AccountName>& names);

  // SHOW GRANTS FOR name: the result rows, MariaDB's text. 1141 if missing.
  Result<std::vector<std::string>> ShowGrants(const AccountName& name) const;
  // SHOW CREATE USER name: the one row. 1133 if missing.
  Result<std::string> ShowCreateUser(const AccountName& name) const;

 private:
  struct HostPattern {
    std::string pattern;  // lower-case; "" means '%'
    uint32_t ip = 0, mask = 0;  // for 'a.b.c.d/m.m.m.m'
    bool Matches(const ClientHost& client) const;
    static HostPattern Make(std::string_view host);
  };
  struct UserRow {
    std::string user;
    HostPattern host;
    uint64_t sort = 0;
    AuthData auth;
    PrivMask privs = 0;  // global, incl. kGrantAcl
  };
  struct DbRow {
    std::string user;
    HostPattern host;
    std::string db;  // pattern
    uint64_t sort = 0;
    uint64_t seq = 0;  // creation order, breaks sort ties
    PrivMask privs = 0;
  };
  struct TableRow {
    std::string user;
    HostPattern host;
    std::string db, table;
    uint64_t sort = 0;
    uint64_t seq = 0;
    PrivMask privs = 0;
  };
  struct ProxyRow {
    std::string user, host, proxied_user, proxied_host;
    bool with_grant = false;
  };

  // All of these expect mu_ held (shared or exclusive as named).
  UserRow* FindUserLocked(const AccountName& name);
  const UserRow* FindUserLocked(const AccountName& name) const;
  const DbRow* FindDbGrantLocked(std::string_view user, const ClientHost& client,
                                 std::string_view db) const;
  PrivMask TablePrivsLocked(std::string_view user, const ClientHost& client, std::string_view db,
                            std::string_view table) const;
  void SortUsersLocked();
  void SortDbsLocked();
  Status WriteUserLocked(sqlite3* db, const UserRow& row);
  Status WriteGlobalGrantLocked(sqlite3* db, const UserRow& row);
  Status ApplyAuthLocked(const AccountAuth& auth, AuthData* out) const;
  Status CreateOneLocked(sqlite3* db, const AccountName& name, const AccountAuth& auth);
  Status DropOneLocked(sqlite3* db, const AccountName& name);

  mutable std::shared_mutex mu_;
  // Protected by mu_.
  std::vector<UserRow> users_;  // sorted: user, sort desc, host desc
  std::vector<DbRow> dbs_;      // sorted: user, sort desc, seq
  std::vector<TableRow> tables_;  // seq order
  std::vector<ProxyRow> proxies_;
  uint64_t next_seq_ = 1;
};

// Error helpers for the checks the executor makes (MariaDB 10.11 texts).

// 1142 42000 "SELECT command denied to user 'u'@'client' for table `db`.`t`".
Status TableAccessDenied(std::string_view command, const Account& account, std::string_view db,
                         std::string_view table);
// 1044 42000 "Access denied for user 'u'@'account_host' to database 'db'".
Status DbAccessDenied(const Account& account, std::string_view db);
// 1227 42000 "Access denied; you need (at least one of) the SUPER, BINLOG
// ADMIN privilege(s) for this operation".
Status SpecificAccessDenied(PrivMask any_of);
// 1045 28000 "Access denied for user 'u'@'h' (using password: YES|NO)";
// `host` is ClientHost::host_or_ip().
Status LoginAccessDenied(std::string_view user, std::string_view host, bool using_password);
// "Grants for u@h" / "CREATE USER for u@h": the SHOW GRANTS / SHOW CREATE
// USER column names.
std::string ShowGrantsColumnName(const AccountName& name);
std::string ShowCreateUserColumnName(const AccountName& name);

}  // namespace relaydb::sql
