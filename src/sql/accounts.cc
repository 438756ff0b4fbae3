// AccountStore and the privilege/password helpers. See accounts.h.
//
// Persistence (one SQLite database, the caller's transaction):
//   rdb_users(user, host, plugin, auth_string, sha2_digest)   one row per account
//   rdb_grants(user, host, db, tbl, privs, grant_option)      db='' tbl='': global
//                                                             tbl='': database level
//   rdb_proxies(user, host, proxied_user, proxied_host, with_grant)
// `privs` holds the MariaDB privilege_t bits without kGrantAcl, which is the
// grant_option column. Rows are upserted so their rowid (creation order, the
// tie-breaker of SHOW GRANTS' database lines) survives updates.
#include "sql/accounts.h"

#include <openssl/evp.h>
#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <mutex>

namespace relaydb::sql {

namespace {

// --- privilege names ---------------------------------------------------------

// MariaDB 10.11's names, index = bit number (bit 10, GRANT, is never listed).
constexpr const char* kPrivNames[] = {
    "SELECT", "INSERT", "UPDATE", "DELETE", "CREATE", "DROP", "RELOAD", "SHUTDOWN", "PROCESS",
    "FILE", "GRANT", "REFERENCES", "INDEX", "ALTER", "SHOW DATABASES", "SUPER",
    "CREATE TEMPORARY TABLES", "LOCK TABLES", "EXECUTE", "REPLICATION SLAVE", "BINLOG MONITOR",
    "CREATE VIEW", "SHOW VIEW", "CREATE ROUTINE", "ALTER ROUTINE", "CREATE USER", "EVENT",
    "TRIGGER", "CREATE TABLESPACE", "DELETE HISTORY", "SET USER", "FEDERATED ADMIN",
    "CONNECTION ADMIN", "READ_ONLY ADMIN", "REPLICATION SLAVE ADMIN", "REPLICATION MASTER ADMIN",
    "BINLOG ADMIN", "BINLOG REPLAY", "SLAVE MONITOR",
};
constexpr int kPrivCount = sizeof(kPrivNames) / sizeof(kPrivNames[0]);

struct PrivAlias {
  const char* name;
  PrivMask bits;
};
constexpr PrivAlias kPrivAliases[] = {
    {"REPLICATION CLIENT", kBinlogMonitorAcl},
    {"REPLICATION REPLICA", kReplSlaveAcl},
    {"REPLICA MONITOR", kSlaveMonitorAcl},
    {"REPLICATION REPLICA ADMIN", kReplSlaveAdminAcl},
    {"GRANT OPTION", kGrantAcl},
    {"USAGE", 0},
};

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); i++) {
    if (std::toupper(static_cast<unsigned char>(a[i])) !=
        std::toupper(static_cast<unsigned char>(b[i])))
      return false;
  }
  return true;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

PrivMask LevelMask(GrantLevel level) {
  switch (level) {
    case GrantLevel::kGlobal: return kGlobalAcls;
    case GrantLevel::kDatabase: return kDbAcls;
    case GrantLevel::kTable: return kTableAcls;
  }
  return 0;
}

// --- hashing -------------------------------------------------------------------

std::string Digest(const EVP_MD* md, std::string_view a, std::string_view b = {}) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  bool ok = ctx && EVP_DigestInit_ex(ctx, md, nullptr) == 1 &&
            EVP_DigestUpdate(ctx, a.data(), a.size()) == 1 &&
            EVP_DigestUpdate(ctx, b.data(), b.size()) == 1 &&
            EVP_DigestFinal_ex(ctx, out, &len) == 1;
  EVP_MD_CTX_free(ctx);
  if (!ok) return {};
  return std::string(reinterpret_cast<char*>(out), len);
}
std::string Sha1(std::string_view a, std::string_view b = {}) { return Digest(EVP_sha1(), a, b); }
std::string Sha256(std::string_view a, std::string_view b = {}) {
  return Digest(EVP_sha256(), a, b);
}

std::string Xor(std::string_view a, std::string_view b) {
  std::string out(a.size(), '\0');
  for (size_t i = 0; i < a.size(); i++) out[i] = static_cast<char>(a[i] ^ b[i % b.size()]);
  return out;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// --- host patterns and MariaDB's sort order -----------------------------------

constexpr uint32_t kMaxHostnameLength = 255;  // HOSTNAME_LENGTH
constexpr uint32_t kMaxDbnameLength = 64;     // NAME_CHAR_LEN

// One pattern's specificity, as MariaDB's get_magic_sort (sql_acl_getsort.ic)
// computes it: larger = less specific before the final inversion.
uint64_t MagicPattern(std::string_view pat, uint32_t maxlen) {
  uint64_t n = 0, m = 0, k = 0, p = 0;
  for (size_t i = 0; i < pat.size(); i++) {
    if (pat[i] == '%') {
      if (!k && !m) p = n;
      k++;
      while (i + 1 < pat.size() && pat[i + 1] == '%') i++;
      continue;
    }
    if (pat[i] == '_') {
      if (!k && !m) p = n;
      m++;
      continue;
    }
    if (pat[i] == '\\' && i + 1 < pat.size()) i++;
    n++;
  }
  k = std::min<uint64_t>(k, 31);
  m = std::min<uint64_t>(m, 31);
  uint64_t l = k ? (maxlen > n + m ? maxlen - n - m : 0) : 0;
  uint64_t d = maxlen + 1, d1 = std::min<uint64_t>(d, 32);
  if (l > m) return (((l * 2 + 1) * d + k) * d1 + m) * d + p;
  return (((m * 2 + 0) * d + l) * d1 + k) * d + p;
}

constexpr int kMagicBits = 30;

// get_magic_sort("hu", host, user) / ("hdu", host, db, user).
uint64_t UserSort(std::string_view host, std::string_view user) {
  uint64_t sort = MagicPattern(host.empty() ? "%" : host, kMaxHostnameLength);
  sort = (sort << 1) + (user.empty() ? 1 : 0);
  return ~sort;
}
uint64_t DbSort(std::string_view host, std::string_view db, std::string_view user) {
  uint64_t sort = MagicPattern(host.empty() ? "%" : host, kMaxHostnameLength);
  sort = (sort << kMagicBits) + MagicPattern(db, kMaxDbnameLength);
  sort = (sort << 1) + (user.empty() ? 1 : 0);
  return ~sort;
}

// "a.b.c.d" ending at `end` (the whole string if end is npos) -> value.
bool ParseIpv4(std::string_view s, uint32_t* out) {
  uint32_t v = 0;
  size_t pos = 0;
  for (int part = 0; part < 4; part++) {
    if (pos >= s.size() || !std::isdigit(static_cast<unsigned char>(s[pos]))) return false;
    uint32_t x = 0;
    size_t digits = 0;
    while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) {
      x = x * 10 + static_cast<uint32_t>(s[pos] - '0');
      if (++digits > 3 || x > 255) return false;
      pos++;
    }
    v = (v << 8) | x;
    if (part < 3) {
      if (pos >= s.size() || s[pos] != '.') return false;
      pos++;
    }
  }
  if (pos != s.size()) return false;
  *out = v;
  return true;
}

// 'u'@'h' as MariaDB's account errors print it.
std::string ErrName(const AccountName& n) { return "'" + n.user + "'@'" + n.host + "'"; }

// `ident` with backticks doubled, in backticks.
std::string QuoteIdent(std::string_view s) {
  std::string out = "`";
  for (char c : s) {
    if (c == '`') out.push_back('`');
    out.push_back(c);
  }
  out.push_back('`');
  return out;
}
std::string QuoteAccount(std::string_view user, std::string_view host) {
  return QuoteIdent(user) + "@" + QuoteIdent(host.empty() ? "%" : host);
}

// Normalized copy: host lower-case, '' -> '%'.
AccountName Normalize(const AccountName& n) {
  AccountName out;
  out.user = n.user;
  out.host = n.host.empty() ? "%" : Lower(n.host);
  return out;
}

// --- SQLite helpers ------------------------------------------------------------

class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) : db_(db) {
    rc_ = sqlite3_prepare_v2(db, sql, -1, &st_, nullptr);
  }
  ~Stmt() { sqlite3_finalize(st_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  Stmt& Text(int i, std::string_view s) {
    if (rc_ == SQLITE_OK)
      rc_ = sqlite3_bind_text(st_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& Blob(int i, std::string_view s) {
    if (rc_ != SQLITE_OK) return *this;
    if (s.empty()) {
      rc_ = sqlite3_bind_null(st_, i);
    } else {
      rc_ = sqlite3_bind_blob(st_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    }
    return *this;
  }
  Stmt& Int(int i, int64_t v) {
    if (rc_ == SQLITE_OK) rc_ = sqlite3_bind_int64(st_, i, v);
    return *this;
  }
  // Runs to completion.
  Status Run() {
    if (rc_ != SQLITE_OK) return Error();
    int rc = sqlite3_step(st_);
    if (rc != SQLITE_DONE) {
      rc_ = rc;
      return Error();
    }
    return Status::Ok();
  }
  // One step: true with a row, false at the end (check status()).
  bool Next() {
    if (rc_ != SQLITE_OK) return false;
    int rc = sqlite3_step(st_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) rc_ = rc;
    return false;
  }
  Status status() const { return rc_ == SQLITE_OK ? Status::Ok() : Error(); }
  std::string ColText(int i) const {
    const unsigned char* p = sqlite3_column_text(st_, i);
    return p ? std::string(reinterpret_cast<const char*>(p),
                           static_cast<size_t>(sqlite3_column_bytes(st_, i)))
             : std::string();
  }
  std::string ColBlob(int i) const {
    const void* p = sqlite3_column_blob(st_, i);
    return p ? std::string(static_cast<const char*>(p),
                           static_cast<size_t>(sqlite3_column_bytes(st_, i)))
             : std::string();
  }
  int64_t ColInt(int i) const { return sqlite3_column_int64(st_, i); }

 private:
  Status Error() const {
    return Status::IoError(std::string("accounts: ") + sqlite3_errmsg(db_));
  }
  sqlite3* db_;
  sqlite3_stmt* st_ = nullptr;
  int rc_ = SQLITE_OK;
};

Status Exec(sqlite3* db, const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    return Status::IoError("accounts: " + msg);
  }
  return Status::Ok();
}

Status UpsertGrant(sqlite3* db, std::string_view user, std::string_view host, std::string_view dbname,
                   std::string_view tbl, PrivMask privs, int64_t* rowid) {
  Stmt st(db,
          "INSERT INTO rdb_grants(user, host, db, tbl, privs, grant_option) VALUES(?,?,?,?,?,?) "
          "ON CONFLICT(user, host, db, tbl) DO UPDATE SET privs=excluded.privs, "
          "grant_option=excluded.grant_option");
  st.Text(1, user).Text(2, host).Text(3, dbname).Text(4, tbl);
  st.Int(5, static_cast<int64_t>(privs & ~kGrantAcl)).Int(6, (privs & kGrantAcl) ? 1 : 0);
  RETURN_IF_ERROR(st.Run());
  if (rowid) {
    Stmt q(db, "SELECT rowid FROM rdb_grants WHERE user=? AND host=? AND db=? AND tbl=?");
    q.Text(1, user).Text(2, host).Text(3, dbname).Text(4, tbl);
    if (q.Next()) *rowid = q.ColInt(0);
    RETURN_IF_ERROR(q.status());
  }
  return Status::Ok();
}

Status DeleteGrant(sqlite3* db, std::string_view user, std::string_view host,
                   std::string_view dbname, std::string_view tbl) {
  Stmt st(db, "DELETE FROM rdb_grants WHERE user=? AND host=? AND db=? AND tbl=?");
  return st.Text(1, user).Text(2, host).Text(3, dbname).Text(4, tbl).Run();
}

Status SqlNoDb() { return Status::SqlError(1046, "3D000", "No database selected"); }
Status SqlNoMatchingRow() {
  return Status::SqlError(1133, "28000", "Can't find any matching row in the user table");
}
Status SqlBadHash() {
  return Status::SqlError(1372, "HY000", "Password hash should be a 41-digit hexadecimal number");
}
Status SqlNoSuchGrant(const AccountName& n) {
  return Status::SqlError(1141, "42000", "There is no such grant defined for user '" + n.user +
                                             "' on host '" + n.host + "'");
}
Status SqlOperationFailed(std::string_view op, const std::vector<AccountName>& failed) {
  std::string list;
  for (const auto& n : failed) {
    if (!list.empty()) list += ",";
    list += ErrName(n);
  }
  return Status::SqlError(1396, "HY000",
                          "Operation " + std::string(op) + " failed for " + list);
}

// Validates the privileges for the grant level (MariaDB's order of checks).
Status CheckLevel(const PrivilegeList& list, const GrantObject& on, PrivMask* privs) {
  if (on.level != GrantLevel::kGlobal && on.db.empty()) return SqlNoDb();
  PrivMask p = list.privs;
  if (list.all) p |= LevelMask(on.level);
  if (on.level == GrantLevel::kDatabase && (p & ~(kDbAcls | kGrantAcl)))
    return Status::SqlError(1221, "HY000", "Incorrect usage of DB GRANT and GLOBAL PRIVILEGES");
  if (on.level == GrantLevel::kTable && (p & ~(kTableAcls | kGrantAcl)))
    return Status::SqlError(1144, "42000",
                            "Illegal GRANT/REVOKE command; please consult the manual to see which "
                            "privileges can be used");
  *privs = p;
  return Status::Ok();
}

std::string AuthClause(const AuthData& auth) {
  bool native = auth.plugin.empty() || auth.plugin == "mysql_native_password";
  if (native) {
    if (auth.auth_string.empty()) return "";
    return " IDENTIFIED BY PASSWORD '" + auth.auth_string + "'";
  }
  std::string out = " IDENTIFIED VIA " + auth.plugin;
  if (!auth.auth_string.empty()) out += " USING '" + auth.auth_string + "'";
  return out;
}

}  // namespace

// --- free functions -------------------------------------------------------------

bool AddPrivilegeName(std::string_view name, PrivilegeList* list) {
  if (EqualsIgnoreCase(name, "ALL") || EqualsIgnoreCase(name, "ALL PRIVILEGES")) {
    list->all = true;
    return true;
  }
  for (int i = 0; i < kPrivCount; i++) {
    if (i == 10) continue;
    if (EqualsIgnoreCase(name, kPrivNames[i])) {
      list->privs |= 1ULL << i;
      return true;
    }
  }
  for (const auto& a : kPrivAliases) {
    if (EqualsIgnoreCase(name, a.name)) {
      list->privs |= a.bits;
      return true;
    }
  }
  return false;
}

std::string PrivilegeNames(PrivMask privs) {
  std::string out;
  for (int i = 0; i < kPrivCount; i++) {
    if (!(privs & (1ULL << i))) continue;
    if (!out.empty()) out += ", ";
    out += i == 10 ? "GRANT OPTION" : kPrivNames[i];
  }
  return out;
}

std::string PrivilegesToString(PrivMask privs, GrantLevel level) {
  privs &= ~kGrantAcl;
  PrivMask all = LevelMask(level);
  if (privs != 0 && (privs & all) == all) return "ALL PRIVILEGES";
  if (privs == 0) return "USAGE";
  return PrivilegeNames(privs);
}

bool WildMatch(std::string_view str, std::string_view pat, bool ci) {
  auto eq = [ci](char a, char b) {
    if (!ci) return a == b;
    return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
  };
  // Iterative matcher with backtracking to the last '%'.
  size_t s = 0, p = 0;
  size_t star_p = std::string_view::npos, star_s = 0;
  while (s < str.size()) {
    if (p < pat.size() && pat[p] == '%') {
      while (p < pat.size() && pat[p] == '%') p++;
      star_p = p;
      star_s = s;
      continue;
    }
    if (p < pat.size()) {
      if (pat[p] == '_') {
        p++;
        s++;
        continue;
      }
      size_t lit = p;
      if (pat[p] == '\\' && p + 1 < pat.size()) lit = p + 1;
      if (eq(str[s], pat[lit])) {
        p = lit + 1;
        s++;
        continue;
      }
    }
    if (star_p == std::string_view::npos) return false;
    p = star_p;
    s = ++star_s;
  }
  while (p < pat.size() && pat[p] == '%') p++;
  return p == pat.size();
}

std::string NativePasswordHash(std::string_view password) {
  if (password.empty()) return "";
  std::string stage2 = Sha1(Sha1(password));
  static const char* kHex = "0123456789ABCDEF";
  std::string out = "*";
  for (unsigned char c : stage2) {
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 15]);
  }
  return out;
}

bool IsValidNativeHash(std::string_view hash) {
  if (hash.empty()) return true;
  if (hash.size() != 41 || hash[0] != '*') return false;
  for (size_t i = 1; i < hash.size(); i++) {
    if (HexValue(hash[i]) < 0) return false;
  }
  return true;
}

std::string Sha256DoubleDigest(std::string_view password) {
  if (password.empty()) return "";
  return Sha256(Sha256(password));
}

std::string NativePasswordScramble(std::string_view password, std::string_view salt) {
  if (password.empty()) return "";
  std::string stage1 = Sha1(password);
  std::string stage2 = Sha1(stage1);
  return Xor(stage1, Sha1(salt, stage2));
}

bool CheckNativePassword(std::string_view stored_hash, std::string_view salt,
                         std::string_view reply) {
  if (stored_hash.empty()) return reply.empty();
  if (!IsValidNativeHash(stored_hash) || reply.size() != 20) return false;
  std::string stage2(20, '\0');
  for (size_t i = 0; i < 20; i++) {
    stage2[i] =
        static_cast<char>(HexValue(stored_hash[1 + 2 * i]) * 16 + HexValue(stored_hash[2 + 2 * i]));
  }
  std::string stage1 = Xor(reply, Sha1(salt, stage2));
  return Sha1(stage1) == stage2;
}

std::string CachingSha2Scramble(std::string_view password, std::string_view nonce) {
  if (password.empty()) return "";
  std::string h1 = Sha256(password);
  std::string h2 = Sha256(h1);
  return Xor(h1, Sha256(h2, nonce));
}

bool CheckCachingSha2Password(std::string_view digest, std::string_view nonce,
                              std::string_view reply) {
  if (digest.empty()) return reply.empty();
  if (digest.size() != 32 || reply.size() != 32) return false;
  std::string h1 = Xor(reply, Sha256(digest, nonce));
  return Sha256(h1) == digest;
}

ClientHost ClientHost::UnixSocket() {
  ClientHost c;
  c.host = "localhost";
  return c;
}

ClientHost ClientHost::Tcp(std::string_view ip, bool skip_name_resolve) {
  ClientHost c;
  uint32_t v4 = 0;
  if (ip.size() > 7 && EqualsIgnoreCase(ip.substr(0, 7), "::ffff:") && ParseIpv4(ip.substr(7), &v4))
    ip.remove_prefix(7);
  c.ip = std::string(ip);
  if (!skip_name_resolve && (c.ip == "127.0.0.1" || c.ip == "::1")) c.host = "localhost";
  return c;
}

bool AccountStore::HostPattern::Matches(const ClientHost& client) const {
  uint32_t v = 0;
  if (mask && !client.ip.empty() && ParseIpv4(client.ip, &v)) return (v & mask) == ip;
  std::string_view pat = pattern.empty() ? std::string_view("%") : std::string_view(pattern);
  return (!client.host.empty() && WildMatch(client.host, pat, true)) ||
         (!client.ip.empty() && WildMatch(client.ip, pat, false));
}

AccountStore::HostPattern AccountStore::HostPattern::Make(std::string_view host) {
  HostPattern h;
  h.pattern = host.empty() ? std::string("%") : Lower(host);
  size_t slash = h.pattern.find('/');
  uint32_t ip = 0, mask = 0;
  if (slash != std::string::npos && ParseIpv4(std::string_view(h.pattern).substr(0, slash), &ip) &&
      ParseIpv4(std::string_view(h.pattern).substr(slash + 1), &mask)) {
    h.ip = ip;
    h.mask = mask;
  }
  return h;
}

// --- errors -----------------------------------------------------------------------

Status TableAccessDenied(std::string_view command, const Account& account, std::string_view db,
                         std::string_view table) {
  return Status::SqlError(1142, "42000",
                          std::string(command) + " command denied to user '" + account.priv_user +
                              "'@'" + account.client.host_or_ip() + "' for table " +
                              QuoteIdent(db) + "." + QuoteIdent(table));
}

Status DbAccessDenied(const Account& account, std::string_view db) {
  return Status::SqlError(1044, "42000",
                          "Access denied for user '" + account.priv_user + "'@'" +
                              account.priv_host + "' to database '" + std::string(db) + "'");
}

Status SpecificAccessDenied(PrivMask any_of) {
  return Status::SqlError(1227, "42000",
                          "Access denied; you need (at least one of) the " +
                              PrivilegeNames(any_of) + " privilege(s) for this operation");
}

Status LoginAccessDenied(std::string_view user, std::string_view host, bool using_password) {
  return Status::SqlError(1045, "28000",
                          "Access denied for user '" + std::string(user) + "'@'" +
                              std::string(host) + "' (using password: " +
                              (using_password ? "YES" : "NO") + ")");
}

std::string ShowGrantsColumnName(const AccountName& name) {
  AccountName n = Normalize(name);
  return "Grants for " + n.user + "@" + n.host;
}

std::string ShowCreateUserColumnName(const AccountName& name) {
  AccountName n = Normalize(name);
  return "CREATE USER for " + n.user + "@" + n.host;
}

// --- loading ----------------------------------------------------------------------

Status AccountStore::CreateTables(sqlite3* db) {
  return Exec(db,
              "CREATE TABLE IF NOT EXISTS rdb_users(user TEXT NOT NULL, host TEXT NOT NULL, "
              "plugin TEXT NOT NULL, auth_string TEXT NOT NULL, sha2_digest BLOB, "
              "PRIMARY KEY(user, host));"
              "CREATE TABLE IF NOT EXISTS rdb_grants(user TEXT NOT NULL, host TEXT NOT NULL, "
              "db TEXT NOT NULL, tbl TEXT NOT NULL, privs INTEGER NOT NULL, "
              "grant_option INTEGER NOT NULL, PRIMARY KEY(user, host, db, tbl));"
              "CREATE TABLE IF NOT EXISTS rdb_proxies(user TEXT NOT NULL, host TEXT NOT NULL, "
              "proxied_user TEXT NOT NULL, proxied_host TEXT NOT NULL, with_grant INTEGER NOT NULL, "
              "PRIMARY KEY(user, host, proxied_user, proxied_host));");
}

Status AccountStore::Load(sqlite3* db) {
  std::vector<UserRow> users;
  std::vector<DbRow> dbs;
  std::vector<TableRow> tables;
  std::vector<ProxyRow> proxies;
  uint64_t next_seq = 1;
  {
    Stmt st(db, "SELECT user, host, plugin, auth_string, sha2_digest FROM rdb_users ORDER BY rowid");
    while (st.Next()) {
      UserRow r;
      r.user = st.ColText(0);
      r.host = HostPattern::Make(st.ColText(1));
      r.sort = UserSort(r.host.pattern, r.user);
      r.auth.plugin = st.ColText(2);
      r.auth.auth_string = st.ColText(3);
      r.auth.sha2_digest = st.ColBlob(4);
      users.push_back(std::move(r));
    }
    RETURN_IF_ERROR(st.status());
  }
  {
    Stmt st(db,
            "SELECT rowid, user, host, db, tbl, privs, grant_option FROM rdb_grants ORDER BY rowid");
    while (st.Next()) {
      uint64_t seq = static_cast<uint64_t>(st.ColInt(0));
      next_seq = std::max(next_seq, seq + 1);
      std::string user = st.ColText(1), host = st.ColText(2), dbname = st.ColText(3),
                  tbl = st.ColText(4);
      PrivMask privs = static_cast<PrivMask>(st.ColInt(5)) & ~kGrantAcl;
      if (st.ColInt(6)) privs |= kGrantAcl;
      if (dbname.empty()) {
        for (auto& u : users) {
          if (u.user == user && u.host.pattern == host) u.privs = privs;
        }
      } else if (tbl.empty()) {
        DbRow r;
        r.user = user;
        r.host = HostPattern::Make(host);
        r.db = dbname;
        r.sort = DbSort(r.host.pattern, r.db, r.user);
        r.seq = seq;
        r.privs = privs;
        dbs.push_back(std::move(r));
      } else {
        TableRow r;
        r.user = user;
        r.host = HostPattern::Make(host);
        r.db = dbname;
        r.table = tbl;
        r.sort = UserSort(r.host.pattern, r.user);
        r.seq = seq;
        r.privs = privs;
        tables.push_back(std::move(r));
      }
    }
    RETURN_IF_ERROR(st.status());
  }
  {
    Stmt st(db,
            "SELECT user, host, proxied_user, proxied_host, with_grant FROM rdb_proxies "
            "ORDER BY rowid");
    while (st.Next()) {
      ProxyRow r;
      r.user = st.ColText(0);
      r.host = st.ColText(1);
      r.proxied_user = st.ColText(2);
      r.proxied_host = st.ColText(3);
      r.with_grant = st.ColInt(4) != 0;
      proxies.push_back(std::move(r));
    }
    RETURN_IF_ERROR(st.status());
  }
  std::unique_lock l(mu_);
  users_ = std::move(users);
  dbs_ = std::move(dbs);
  tables_ = std::move(tables);
  proxies_ = std::move(proxies);
  next_seq_ = next_seq;
  SortUsersLocked();
  SortDbsLocked();
  return Status::Ok();
}

Status AccountStore::InitializeDefaults(sqlite3* db, std::string_view root_password) {
  RETURN_IF_ERROR(CreateTables(db));
  RETURN_IF_ERROR(Load(db));
  std::unique_lock l(mu_);
  if (!users_.empty()) return Status::InvalidArgument("accounts: already initialized");
  AccountAuth auth;
  if (!root_password.empty()) {
    auth.kind = AccountAuth::Kind::kPassword;
    auth.auth_string = std::string(root_password);
  }
  for (const char* host : {"localhost", "127.0.0.1", "::1"}) {
    AccountName name{"root", host};
    RETURN_IF_ERROR(CreateOneLocked(db, name, auth));
    UserRow* row = FindUserLocked(name);
    row->privs = kGlobalAcls | kGrantAcl;
    RETURN_IF_ERROR(WriteGlobalGrantLocked(db, *row));
    Stmt st(db,
            "INSERT INTO rdb_proxies(user, host, proxied_user, proxied_host, with_grant) "
            "VALUES(?,?,'','',1)");
    RETURN_IF_ERROR(st.Text(1, "root").Text(2, host).Run());
    proxies_.push_back(ProxyRow{"root", host, "", "", true});
  }
  return Status::Ok();
}

// --- lookups ------------------------------------------------------------------------

void AccountStore::SortUsersLocked() {
  std::stable_sort(users_.begin(), users_.end(), [](const UserRow& a, const UserRow& b) {
    int c = a.user.compare(b.user);
    if (c != 0) return c < 0;
    if (a.sort != b.sort) return a.sort > b.sort;
    // 'localhost' before '127.0.0.1' / '::1' (acl_user_compare).
    return a.host.pattern.compare(b.host.pattern) > 0;
  });
}

void AccountStore::SortDbsLocked() {
  std::stable_sort(dbs_.begin(), dbs_.end(), [](const DbRow& a, const DbRow& b) {
    int c = a.user.compare(b.user);
    if (c != 0) return c < 0;
    if (a.sort != b.sort) return a.sort > b.sort;
    return a.seq < b.seq;
  });
}

AccountStore::UserRow* AccountStore::FindUserLocked(const AccountName& name) {
  AccountName n = Normalize(name);
  for (auto& u : users_) {
    if (u.user == n.user && u.host.pattern == n.host) return &u;
  }
  return nullptr;
}

const AccountStore::UserRow* AccountStore::FindUserLocked(const AccountName& name) const {
  return const_cast<AccountStore*>(this)->FindUserLocked(name);
}

bool AccountStore::UserExists(const AccountName& name) const {
  std::shared_lock l(mu_);
  return FindUserLocked(name) != nullptr;
}

size_t AccountStore::user_count() const {
  std::shared_lock l(mu_);
  return users_.size();
}

std::optional<Account> AccountStore::MatchAccount(std::string_view user,
                                                  const ClientHost& client) const {
  std::shared_lock l(mu_);
  const UserRow* ret = nullptr;
  auto first = std::lower_bound(users_.begin(), users_.end(), user,
                                [](const UserRow& r, std::string_view u) { return r.user < u; });
  for (auto it = first; it != users_.end() && it->user == user; ++it) {
    if (it->host.Matches(client)) {
      ret = &*it;
      break;
    }
  }
  // Anonymous entries sort first; one wins only if strictly more specific.
  for (const auto& r : users_) {
    if (!r.user.empty() || (ret && r.sort <= ret->sort)) break;
    if (r.host.Matches(client)) {
      ret = &r;
      break;
    }
  }
  if (!ret) return std::nullopt;
  Account a;
  a.user = std::string(user);
  a.client = client;
  a.priv_user = ret->user;
  a.priv_host = ret->host.pattern;
  a.global_privs = ret->privs;
  a.auth = ret->auth;
  return a;
}

const AccountStore::DbRow* AccountStore::FindDbGrantLocked(std::string_view user,
                                                           const ClientHost& client,
                                                           std::string_view db) const {
  const DbRow* ret = nullptr;
  auto first = std::lower_bound(dbs_.begin(), dbs_.end(), user,
                                [](const DbRow& r, std::string_view u) { return r.user < u; });
  for (auto it = first; it != dbs_.end() && it->user == user; ++it) {
    if (it->host.Matches(client) && WildMatch(db, it->db, false)) {
      ret = &*it;
      break;
    }
  }
  for (const auto& r : dbs_) {
    if (!r.user.empty() || (ret && r.sort <= ret->sort)) break;
    if (r.host.Matches(client) && WildMatch(db, r.db, false)) {
      ret = &r;
      break;
    }
  }
  return ret;
}

PrivMask AccountStore::TablePrivsLocked(std::string_view user, const ClientHost& client,
                                        std::string_view db, std::string_view table) const {
  const TableRow* found = nullptr;
  for (const auto& r : tables_) {
    if (r.user != user || r.db != db || r.table != table || !r.host.Matches(client)) continue;
    if (!found || found->sort < r.sort) found = &r;
  }
  return found ? found->privs : 0;
}

bool AccountStore::HasPrivilege(const Account& account, PrivMask want, std::string_view db,
                                std::string_view table) const {
  PrivMask have = account.global_privs;
  if ((have & want) == want) return true;
  if (db.empty()) return false;
  std::shared_lock l(mu_);
  if (const DbRow* r = FindDbGrantLocked(account.priv_user, account.client, db)) have |= r->privs;
  if ((have & want) == want) return true;
  if (table.empty()) return false;
  have |= TablePrivsLocked(account.priv_user, account.client, db, table);
  return (have & want) == want;
}

PrivMask AccountStore::DbPrivileges(const Account& account, std::string_view db) const {
  std::shared_lock l(mu_);
  PrivMask have = account.global_privs;
  if (const DbRow* r = FindDbGrantLocked(account.priv_user, account.client, db)) have |= r->privs;
  return have;
}

PrivMask AccountStore::TablePrivileges(const Account& account, std::string_view db,
                                       std::string_view table) const {
  std::shared_lock l(mu_);
  return TablePrivsLocked(account.priv_user, account.client, db, table);
}

bool AccountStore::CanAccessDatabase(const Account& account, std::string_view db) const {
  if (account.global_privs & kDbAcls) return true;
  std::shared_lock l(mu_);
  if (const DbRow* r = FindDbGrantLocked(account.priv_user, account.client, db)) {
    if (r->privs & kDbAcls) return true;
  }
  for (const auto& r : tables_) {
    if (r.user == account.priv_user && r.db == db && r.host.Matches(account.client)) return true;
  }
  return false;
}

// --- writing ------------------------------------------------------------------------

Status AccountStore::WriteUserLocked(sqlite3* db, const UserRow& row) {
  Stmt st(db,
          "INSERT INTO rdb_users(user, host, plugin, auth_string, sha2_digest) VALUES(?,?,?,?,?) "
          "ON CONFLICT(user, host) DO UPDATE SET plugin=excluded.plugin, "
          "auth_string=excluded.auth_string, sha2_digest=excluded.sha2_digest");
  return st.Text(1, row.user)
      .Text(2, row.host.pattern)
      .Text(3, row.auth.plugin)
      .Text(4, row.auth.auth_string)
      .Blob(5, row.auth.sha2_digest)
      .Run();
}

Status AccountStore::WriteGlobalGrantLocked(sqlite3* db, const UserRow& row) {
  if (row.privs == 0) return DeleteGrant(db, row.user, row.host.pattern, "", "");
  return UpsertGrant(db, row.user, row.host.pattern, "", "", row.privs, nullptr);
}

Status AccountStore::ApplyAuthLocked(const AccountAuth& auth, AuthData* out) const {
  constexpr const char* kNative = "mysql_native_password";
  switch (auth.kind) {
    case AccountAuth::Kind::kNone:
      if (out->plugin.empty()) out->plugin = kNative;
      return Status::Ok();
    case AccountAuth::Kind::kPassword:
      out->plugin = kNative;
      out->auth_string = NativePasswordHash(auth.auth_string);
      out->sha2_digest = Sha256DoubleDigest(auth.auth_string);
      return Status::Ok();
    case AccountAuth::Kind::kPasswordHash:
      if (!IsValidNativeHash(auth.auth_string)) return SqlBadHash();
      out->plugin = kNative;
      out->auth_string = auth.auth_string;
      out->sha2_digest.clear();
      return Status::Ok();
    case AccountAuth::Kind::kPlugin: {
      std::string plugin = Lower(auth.plugin);
      if (plugin == kNative) {
        if (auth.plugin_password_is_plain) {
          out->auth_string = NativePasswordHash(auth.auth_string);
          out->sha2_digest = Sha256DoubleDigest(auth.auth_string);
        } else {
          if (!IsValidNativeHash(auth.auth_string)) return SqlBadHash();
          out->auth_string = auth.auth_string;
          out->sha2_digest.clear();
        }
      } else if (auth.plugin_password_is_plain) {
        // Only the fast-auth digest can be derived for other plugins.
        out->auth_string.clear();
        out->sha2_digest = Sha256DoubleDigest(auth.auth_string);
      } else {
        out->auth_string = auth.auth_string;
        out->sha2_digest.clear();
      }
      out->plugin = plugin;
      return Status::Ok();
    }
  }
  return Status::Ok();
}

Status AccountStore::CreateOneLocked(sqlite3* db, const AccountName& name, const AccountAuth& auth) {
  AccountName n = Normalize(name);
  UserRow row;
  row.user = n.user;
  row.host = HostPattern::Make(n.host);
  row.sort = UserSort(row.host.pattern, row.user);
  RETURN_IF_ERROR(ApplyAuthLocked(auth, &row.auth));
  RETURN_IF_ERROR(WriteUserLocked(db, row));
  users_.push_back(std::move(row));
  SortUsersLocked();
  return Status::Ok();
}

Status AccountStore::DropOneLocked(sqlite3* db, const AccountName& name) {
  AccountName n = Normalize(name);
  for (const char* sql : {"DELETE FROM rdb_users WHERE user=? AND host=?",
                          "DELETE FROM rdb_grants WHERE user=? AND host=?",
                          "DELETE FROM rdb_proxies WHERE user=? AND host=?"}) {
    Stmt st(db, sql);
    RETURN_IF_ERROR(st.Text(1, n.user).Text(2, n.host).Run());
  }
  auto same = [&](const auto& r) { return r.user == n.user && r.host.pattern == n.host; };
  std::erase_if(users_, same);
  std::erase_if(dbs_, same);
  std::erase_if(tables_, same);
  std::erase_if(proxies_, [&](const ProxyRow& r) { return r.user == n.user && r.host == n.host; });
  return Status::Ok();
}

// --- statements ---------------------------------------------------------------------

Status AccountStore::CreateUser(sqlite3* db, const std::vector<AccountSpec>& specs,
                                bool if_not_exists, bool or_replace,
                                std::vector<AdminWarning>* warnings) {
  if (or_replace && if_not_exists)
    return Status::SqlError(1221, "HY000", "Incorrect usage of OR REPLACE and IF NOT EXISTS");
  std::unique_lock l(mu_);
  std::vector<AccountName> failed;
  for (const auto& spec : specs) {
    AccountName n = Normalize(spec.name);
    if (FindUserLocked(n)) {
      if (or_replace) {
        RETURN_IF_ERROR(DropOneLocked(db, n));
      } else if (if_not_exists) {
        if (warnings)
          warnings->push_back({AdminWarning::Level::kNote, 1973,
                               "Can't create user " + ErrName(n) + "; it already exists"});
        continue;
      } else {
        failed.push_back(n);
        continue;
      }
    }
    RETURN_IF_ERROR(CreateOneLocked(db, n, spec.auth));
  }
  if (!failed.empty()) return SqlOperationFailed("CREATE USER", failed);
  return Status::Ok();
}

Status AccountStore::DropUser(sqlite3* db, const std::vector<AccountName>& names, bool if_exists,
                              std::vector<AdminWarning>* warnings) {
  std::unique_lock l(mu_);
  std::vector<AccountName> failed;
  for (const auto& name : names) {
    AccountName n = Normalize(name);
    if (!FindUserLocked(n)) {
      if (if_exists) {
        if (warnings)
          warnings->push_back({AdminWarning::Level::kNote, 1974,
                               "Can't drop user " + ErrName(n) + "; it doesn't exist"});
      } else {
        failed.push_back(n);
      }
      continue;
    }
    RETURN_IF_ERROR(DropOneLocked(db, n));
  }
  if (!failed.empty()) return SqlOperationFailed("DROP USER", failed);
  return Status::Ok();
}

Status AccountStore::AlterUser(sqlite3* db, const std::vector<AccountSpec>& specs, bool if_exists,
                               std::vector<AdminWarning>* warnings) {
  std::unique_lock l(mu_);
  std::vector<AccountName> failed;
  for (const auto& spec : specs) {
    AccountName n = Normalize(spec.name);
    UserRow* row = FindUserLocked(n);
    if (!row) {
      if (if_exists) {
        if (warnings) {
          // MariaDB 10.11 leaves both of these for ALTER USER IF EXISTS.
          warnings->push_back({AdminWarning::Level::kError, 1410,
                               "You are not allowed to create a user with GRANT"});
          warnings->push_back({AdminWarning::Level::kNote, 1396,
                               "Operation ALTER USER failed for " + ErrName(n)});
        }
      } else {
        failed.push_back(n);
      }
      continue;
    }
    AuthData auth = row->auth;
    RETURN_IF_ERROR(ApplyAuthLocked(spec.auth, &auth));
    row->auth = auth;
    RETURN_IF_ERROR(WriteUserLocked(db, *row));
  }
  if (!failed.empty()) return SqlOperationFailed("ALTER USER", failed);
  return Status::Ok();
}

Status AccountStore::RenameUser(sqlite3* db,
                                const std::vector<std::pair<AccountName, AccountName>>& renames) {
  std::unique_lock l(mu_);
  std::vector<AccountName> failed;
  for (const auto& [from_raw, to_raw] : renames) {
    AccountName from = Normalize(from_raw), to = Normalize(to_raw);
    UserRow* row = FindUserLocked(from);
    if (!row || FindUserLocked(to)) {
      failed.push_back(from);
      continue;
    }
    for (const char* sql : {"UPDATE rdb_users SET user=?, host=? WHERE user=? AND host=?",
                            "UPDATE rdb_grants SET user=?, host=? WHERE user=? AND host=?",
                            "UPDATE rdb_proxies SET user=?, host=? WHERE user=? AND host=?"}) {
      Stmt st(db, sql);
      RETURN_IF_ERROR(st.Text(1, to.user).Text(2, to.host).Text(3, from.user).Text(4, from.host).Run());
    }
    row->user = to.user;
    row->host = HostPattern::Make(to.host);
    row->sort = UserSort(row->host.pattern, row->user);
    for (auto& r : dbs_) {
      if (r.user == from.user && r.host.pattern == from.host) {
        r.user = to.user;
        r.host = HostPattern::Make(to.host);
        r.sort = DbSort(r.host.pattern, r.db, r.user);
      }
    }
    for (auto& r : tables_) {
      if (r.user == from.user && r.host.pattern == from.host) {
        r.user = to.user;
        r.host = HostPattern::Make(to.host);
        r.sort = UserSort(r.host.pattern, r.user);
      }
    }
    for (auto& r : proxies_) {
      if (r.user == from.user && r.host == from.host) {
        r.user = to.user;
        r.host = to.host;
      }
    }
    SortUsersLocked();
    SortDbsLocked();
  }
  if (!failed.empty()) return SqlOperationFailed("RENAME USER", failed);
  return Status::Ok();
}

Status AccountStore::SetPassword(sqlite3* db, const AccountName& name, const AccountAuth& auth) {
  std::unique_lock l(mu_);
  UserRow* row = FindUserLocked(name);
  if (!row) return SqlNoMatchingRow();
  AuthData data = row->auth;
  RETURN_IF_ERROR(ApplyAuthLocked(auth, &data));
  row->auth = data;
  return WriteUserLocked(db, *row);
}

Status AccountStore::Grant(sqlite3* db, const PrivilegeList& privs, const GrantObject& on,
                           const std::vector<AccountSpec>& specs, bool with_grant_option,
                           bool no_auto_create_user, std::vector<AdminWarning>* warnings) {
  (void)warnings;
  PrivMask p = 0;
  RETURN_IF_ERROR(CheckLevel(privs, on, &p));
  if (with_grant_option) p |= kGrantAcl;
  std::unique_lock l(mu_);
  Status first_error;
  for (const auto& spec : specs) {
    AccountName n = Normalize(spec.name);
    UserRow* row = FindUserLocked(n);
    if (!row) {
      if (spec.auth.kind == AccountAuth::Kind::kNone && no_auto_create_user) {
        if (first_error.ok()) first_error = SqlNoMatchingRow();
        continue;
      }
      RETURN_IF_ERROR(CreateOneLocked(db, n, spec.auth));
      row = FindUserLocked(n);
    } else if (spec.auth.kind != AccountAuth::Kind::kNone) {
      AuthData data = row->auth;
      RETURN_IF_ERROR(ApplyAuthLocked(spec.auth, &data));
      row->auth = data;
      RETURN_IF_ERROR(WriteUserLocked(db, *row));
    }
    switch (on.level) {
      case GrantLevel::kGlobal:
        row->privs |= p;
        RETURN_IF_ERROR(WriteGlobalGrantLocked(db, *row));
        break;
      case GrantLevel::kDatabase: {
        auto it = std::find_if(dbs_.begin(), dbs_.end(), [&](const DbRow& r) {
          return r.user == n.user && r.host.pattern == n.host && r.db == on.db;
        });
        if (it != dbs_.end()) {
          it->privs |= p;
          RETURN_IF_ERROR(UpsertGrant(db, n.user, n.host, on.db, "", it->privs, nullptr));
        } else if (p != 0) {
          int64_t rowid = 0;
          RETURN_IF_ERROR(UpsertGrant(db, n.user, n.host, on.db, "", p, &rowid));
          DbRow r;
          r.user = n.user;
          r.host = HostPattern::Make(n.host);
          r.db = on.db;
          r.sort = DbSort(r.host.pattern, r.db, r.user);
          r.seq = rowid > 0 ? static_cast<uint64_t>(rowid) : next_seq_;
          next_seq_ = std::max(next_seq_, r.seq + 1);
          r.privs = p;
          dbs_.push_back(std::move(r));
          SortDbsLocked();
        }
        break;
      }
      case GrantLevel::kTable: {
        auto it = std::find_if(tables_.begin(), tables_.end(), [&](const TableRow& r) {
          return r.user == n.user && r.host.pattern == n.host && r.db == on.db &&
                 r.table == on.table;
        });
        if (it != tables_.end()) {
          it->privs |= p;
          RETURN_IF_ERROR(UpsertGrant(db, n.user, n.host, on.db, on.table, it->privs, nullptr));
        } else if (p != 0) {
          int64_t rowid = 0;
          RETURN_IF_ERROR(UpsertGrant(db, n.user, n.host, on.db, on.table, p, &rowid));
          TableRow r;
          r.user = n.user;
          r.host = HostPattern::Make(n.host);
          r.db = on.db;
          r.table = on.table;
          r.sort = UserSort(r.host.pattern, r.user);
          r.seq = rowid > 0 ? static_cast<uint64_t>(rowid) : next_seq_;
          next_seq_ = std::max(next_seq_, r.seq + 1);
          r.privs = p;
          tables_.push_back(std::move(r));
        }
        break;
      }
    }
  }
  return first_error;
}

Status AccountStore::Revoke(sqlite3* db, const PrivilegeList& privs, const GrantObject& on,
                            const std::vector<AccountName>& names) {
  PrivMask p = 0;
  RETURN_IF_ERROR(CheckLevel(privs, on, &p));
  std::unique_lock l(mu_);
  Status first_error;
  auto fail = [&](Status s) {
    if (first_error.ok()) first_error = std::move(s);
  };
  for (const auto& name : names) {
    AccountName n = Normalize(name);
    UserRow* row = FindUserLocked(n);
    if (!row) {
      fail(SqlNoSuchGrant(n));
      continue;
    }
    switch (on.level) {
      case GrantLevel::kGlobal:
        row->privs &= ~p;
        RETURN_IF_ERROR(WriteGlobalGrantLocked(db, *row));
        break;
      case GrantLevel::kDatabase: {
        auto it = std::find_if(dbs_.begin(), dbs_.end(), [&](const DbRow& r) {
          return r.user == n.user && r.host.pattern == n.host && r.db == on.db;
        });
        if (it == dbs_.end()) {
          fail(SqlNoSuchGrant(n));
          continue;
        }
        it->privs &= ~p;
        if (it->privs == 0) {
          RETURN_IF_ERROR(DeleteGrant(db, n.user, n.host, on.db, ""));
          dbs_.erase(it);
        } else {
          RETURN_IF_ERROR(UpsertGrant(db, n.user, n.host, on.db, "", it->privs, nullptr));
        }
        break;
      }
      case GrantLevel::kTable: {
        auto it = std::find_if(tables_.begin(), tables_.end(), [&](const TableRow& r) {
          return r.user == n.user && r.host.pattern == n.host && r.db == on.db &&
                 r.table == on.table;
        });
        if (it == tables_.end()) {
          fail(Status::SqlError(1147, "42000",
                                "There is no such grant defined for user '" + n.user +
                                    "' on host '" + n.host + "' on table '" + on.table + "'"));
          continue;
        }
        it->privs &= ~p;
        if (it->privs == 0) {
          RETURN_IF_ERROR(DeleteGrant(db, n.user, n.host, on.db, on.table));
          tables_.erase(it);
        } else {
          RETURN_IF_ERROR(UpsertGrant(db, n.user, n.host, on.db, on.table, it->privs, nullptr));
        }
        break;
      }
    }
  }
  return first_error;
}

Status AccountStore::RevokeAll(sqlite3* db, const std::vector<AccountName>& names) {
  std::unique_lock l(mu_);
  bool failed = false;
  for (const auto& name : names) {
    AccountName n = Normalize(name);
    UserRow* row = FindUserLocked(n);
    if (!row) {
      failed = true;
      continue;
    }
    Stmt st(db, "DELETE FROM rdb_grants WHERE user=? AND host=?");
    RETURN_IF_ERROR(st.Text(1, n.user).Text(2, n.host).Run());
    row->privs = 0;
    auto same = [&](const auto& r) { return r.user == n.user && r.host.pattern == n.host; };
    std::erase_if(dbs_, same);
    std::erase_if(tables_, same);
  }
  if (failed)
    return Status::SqlError(1269, "HY000",
                            "Can't revoke all privileges for one or more of the requested users");
  return Status::Ok();
}

Result<std::vector<std::string>> AccountStore::ShowGrants(const AccountName& name) const {
  AccountName n = Normalize(name);
  std::shared_lock l(mu_);
  const UserRow* row = FindUserLocked(n);
  if (!row) return SqlNoSuchGrant(n);
  std::string to = " TO " + QuoteAccount(n.user, n.host);
  const char* kWithGrant = " WITH GRANT OPTION";
  std::vector<std::string> lines;
  lines.push_back("GRANT " + PrivilegesToString(row->privs, GrantLevel::kGlobal) + " ON *.*" + to +
                  AuthClause(row->auth) + ((row->privs & kGrantAcl) ? kWithGrant : ""));
  for (const auto& r : dbs_) {
    if (r.user != n.user || r.host.pattern != n.host) continue;
    lines.push_back("GRANT " + PrivilegesToString(r.privs, GrantLevel::kDatabase) + " ON " +
                    QuoteIdent(r.db) + ".*" + to + ((r.privs & kGrantAcl) ? kWithGrant : ""));
  }
  for (const auto& r : tables_) {
    if (r.user != n.user || r.host.pattern != n.host) continue;
    lines.push_back("GRANT " + PrivilegesToString(r.privs, GrantLevel::kTable) + " ON " +
                    QuoteIdent(r.db) + "." + QuoteIdent(r.table) + to +
                    ((r.privs & kGrantAcl) ? kWithGrant : ""));
  }
  for (const auto& r : proxies_) {
    if (r.user != n.user || r.host != n.host) continue;
    lines.push_back("GRANT PROXY ON " + QuoteAccount(r.proxied_user, r.proxied_host) + to +
                    (r.with_grant ? kWithGrant : ""));
  }
  return lines;
}

Result<std::string> AccountStore::ShowCreateUser(const AccountName& name) const {
  AccountName n = Normalize(name);
  std::shared_lock l(mu_);
  const UserRow* row = FindUserLocked(n);
  if (!row) return SqlNoMatchingRow();
  return "CREATE USER " + QuoteAccount(n.user, n.host) + AuthClause(row->auth);
}

}  // namespace relaydb::sql
