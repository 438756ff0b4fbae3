// Server system variables and status counters, as MariaDB 10.11 has them.
//
//  * The definitions table: every variable of MariaDB 10.11.19's
//    information_schema.SYSTEM_VARIABLES (minus the Galera wsrep_* family,
//    keeping wsrep_on) with its name, type, scope, read-only flag, default,
//    range and block size, value list, whether it is a command-line option,
//    and the privileges SET needs (captured from a running 10.11.19).
//  * GlobalVariables: the process-wide values (thread-safe), change hooks and
//    value providers for the ones the server computes or reacts to.
//  * SessionVariables: one session's values, initialized from the globals,
//    with typed fast accessors for the hot ones (SessionVariables::hot()).
//  * SET / SELECT @@ / SHOW VARIABLES semantics and errors byte for byte:
//    1193 unknown, 1238 read only / wrong scope on read, 1229, 1228, 1621,
//    1231, 1232, 1227 (through the caller's privileges), warnings 1292
//    (truncation) and 1708, and the per-variable validations (1115 charset,
//    1273 collation, 1298 time zone, 1649 locale, 1286 engine).
//  * sql_mode parsing/formatting with combination modes (ANSI, TRADITIONAL,
//    ORACLE, ...) and the numeric form (SET sql_mode=1411383296).
//  * Status counters for SHOW [GLOBAL|SESSION] STATUS, in MariaDB's order.
//
// relaydb's own defaults (documented deviations from MariaDB's compiled
// ones): binlog_format=ROW, sync_binlog=1, character_set_{server,database,
// client,connection,results}=utf8mb4 / collations utf8mb4_general_ci (the
// storage layer is UTF-8), version "10.11.19-MariaDB-relaydb" (a MariaDB
// version string: clients and MariaDB replicas key features on "10.11" and
// on "MariaDB"; the server appends "-log" when the binary log is on, as
// MariaDB does), version_comment "relaydb".
//
// Extensions (off by default, GlobalVariables::EnableExtensions): MySQL-only
// names MariaDB 10.11 lacks — server_uuid, transaction_isolation and
// transaction_read_only (aliases of tx_isolation / tx_read_only). While off
// they are unknown (1193) exactly as in MariaDB.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/mysql_types.h"
#include "common/status.h"
#include "sql/sql_mode.h"
#include "common/value.h"
#include "sql/accounts.h"

namespace relaydb::sql {

// ---------------------------------------------------------------------------
// sql_mode
// ---------------------------------------------------------------------------

// (the bits are in sql/sql_mode.h)

// Adds the modes a combination mode implies (ANSI, TRADITIONAL, ORACLE,
// POSTGRESQL, MSSQL, DB2, MAXDB, MYSQL323, MYSQL40), as MariaDB does.
uint64_t ExpandSqlMode(uint64_t mode);
// Parses "ansi_quotes,STRICT_TRANS_TABLES" (case-insensitive; empty
// elements skipped; trailing spaces of an element ignored) into an expanded
// bitmask. On an unknown element returns false and sets `*bad` to it.
bool ParseSqlMode(std::string_view text, uint64_t* mode, std::string* bad);
// Canonical text: names in MariaDB's bit order, comma-separated, "" for 0.
std::string SqlModeToString(uint64_t mode);

// ---------------------------------------------------------------------------
// Definitions
// ---------------------------------------------------------------------------

enum class SysVarScope : uint8_t {
  kDefault,  // SET x / @@x: session if the variable has one, else global
  kSession,  // SESSION / LOCAL / @@session. / @@local.
  kGlobal,   // GLOBAL / @@global.
};

enum class SysVarType : uint8_t {
  kBool,       // ON/OFF; SELECT gives 1/0
  kUInt,       // unsigned integer with [min,max] and block size
  kInt,        // signed integer
  kDouble,     // SHOW prints 6 decimals
  kEnum,       // one of `values`
  kSet,        // subset of `values` (sql_mode, log_output, ...)
  kFlagSet,    // "name=on,name=off" (optimizer_switch)
  kString,
  kCharset,    // character set name (utf8 = utf8mb3)
  kCollation,  // collation name
  kLocale,     // lc_messages / lc_time_names
};

enum SysVarFlag : uint32_t {
  kVarGlobal = 1,            // has a global value
  kVarSession = 2,           // has a session value
  kVarReadOnly = 4,          // SET fails with 1238
  kVarSessionReadOnly = 8,   // SET SESSION fails with 1621 (max_allowed_packet, ...)
  kVarNoSetGlobal = 16,      // SET GLOBAL fails with 1238 "is a SESSION variable" (sql_log_bin)
  kVarCmdLine = 32,          // a mysqld option taking a required value
  kVarCmdLineOpt = 64,       // a mysqld option with an optional value (booleans)
  kVarNullDefault = 128,     // default is NULL (also: SET to NULL keeps NULL)
  kVarExtension = 256,       // hidden unless extensions are enabled
};

struct SysVarDef {
  std::string_view name;  // lower-case
  SysVarType type = SysVarType::kString;
  uint32_t flags = 0;
  const char* default_text = nullptr;  // SHOW VARIABLES text of the default; nullptr = NULL
  int64_t min = 0;                     // kInt/kUInt
  uint64_t max = 0;                    // kInt/kUInt (kInt stores int64 max)
  uint64_t block = 1;                  // kInt/kUInt
  std::string_view values;             // kEnum/kSet/kFlagSet: names in index order, ','-joined
  PrivMask global_priv = 0;            // any of these lets SET GLOBAL (0 = none needed)
  PrivMask session_priv = 0;           // any of these lets SET SESSION
  double dmin = 0, dmax = 0;           // kDouble

  bool has_global() const { return flags & kVarGlobal; }
  bool has_session() const { return flags & kVarSession; }
  bool read_only() const { return flags & kVarReadOnly; }
  bool is_option() const { return flags & (kVarCmdLine | kVarCmdLineOpt); }
};

// All definitions, sorted by name (extensions included; check kVarExtension).
const std::vector<SysVarDef>& AllSysVars();
// Index of `name` in AllSysVars() (case-insensitive), or -1. Ignores the
// extension switch: use GlobalVariables::Find for name resolution.
int SysVarIndex(std::string_view name);

// Result-set column type of SELECT @@x: LONGLONG (UNSIGNED for kUInt) for
// integers and booleans, DOUBLE with 6 decimals, VAR_STRING otherwise.
struct SysVarColumn {
  FieldType type = kTypeVarString;
  bool is_unsigned = false;
  uint8_t decimals = 0;
};
SysVarColumn SysVarColumnType(const SysVarDef& def);

// The privileges (any of) SET needs for `def` at `scope` (kDefault =
// session for session variables): 0 if none.
PrivMask SysVarSetPrivilege(const SysVarDef& def, SysVarScope scope);

// ---------------------------------------------------------------------------
// Character sets, collations, locales (the subset relaydb knows: every
// MariaDB character set's default collation plus all collations of latin1,
// utf8mb3, utf8mb4, ascii and binary).
// ---------------------------------------------------------------------------

struct CollationInfo {
  uint16_t id;
  const char* name;
  const char* charset;
  bool is_default;
};
// By name (case-insensitive; "utf8_" prefixes mean "utf8mb3_") or nullptr.
const CollationInfo* FindCollation(std::string_view name);
const CollationInfo* FindCollationById(uint16_t id);
// The default collation of a character set (case-insensitive; "utf8" means
// utf8mb3), or nullptr if the character set is unknown.
const CollationInfo* DefaultCollationInfo(std::string_view charset);

enum class BinlogFormat : uint8_t { kMixed = 0, kStatement = 1, kRow = 2 };
enum class BinlogRowImage : uint8_t { kMinimal = 0, kNoBlob = 1, kFull = 2 };
enum class TxIsolation : uint8_t {
  kReadUncommitted = 0,
  kReadCommitted = 1,
  kRepeatableRead = 2,
  kSerializable = 3,
};

// ---------------------------------------------------------------------------
// Global values
// ---------------------------------------------------------------------------

// Thread-safety: every method may be called concurrently. Hooks and
// providers are registered before sessions start (not concurrently with
// Get/Set); they are called without the internal lock held.
class GlobalVariables {
 public:
  // Called by SET GLOBAL (and SetInitial) after validation with the value
  // about to be stored (in Get()'s typed form); an error aborts the SET and
  // is returned to the client (e.g. 1198 for replicate_* while the slave
  // runs).
  using Hook = std::function<Status(const SysVarDef& def, const Value& new_value)>;
  // Supplies a computed value (gtid_binlog_pos, ...) in Get()'s typed form.
  using Provider = std::function<Value()>;

  GlobalVariables();
  GlobalVariables(const GlobalVariables&) = delete;
  GlobalVariables& operator=(const GlobalVariables&) = delete;

  // Makes the kVarExtension names visible (server_uuid, transaction_*).
  void EnableExtensions(bool on);
  bool extensions_enabled() const { return extensions_.load(); }
  // Resolves a name (case-insensitive, aliases, extension switch) or nullptr.
  const SysVarDef* Find(std::string_view name) const;

  // SELECT @@global.x (1193 unknown; 1238 "is a SESSION variable").
  Result<Value> Get(std::string_view name) const;
  // The stored global value of a definition, typed (no scope checks).
  Value GetValue(const SysVarDef& def) const;
  // SHOW VARIABLES text of the global value.
  std::string GetText(const SysVarDef& def) const;

  // SET GLOBAL name = value, checked like the statement: 1193, 1238, 1228,
  // 1227 (when `caller_privs` lacks def.global_priv), 1231, 1232, value
  // validations; clamping warnings go to `warnings` (may be null).
  Status Set(std::string_view name, const Value& value, std::vector<AdminWarning>* warnings,
             PrivMask caller_privs = ~PrivMask{0});
  // SET GLOBAL name = DEFAULT (the compiled/relaydb default).
  Status SetDefault(std::string_view name, std::vector<AdminWarning>* warnings,
                    PrivMask caller_privs = ~PrivMask{0});
  // Start-up assignment (option files, command line): like Set but allowed
  // on read-only variables and without privilege checks; hooks still run.
  Status SetInitial(std::string_view name, const Value& value, std::vector<AdminWarning>* warnings);
  // Stores `value` (typed form) without any validation or hook: for values
  // the server determines (version, hostname, datadir, log_bin, port, ...).
  // Returns false for an unknown name.
  bool Force(std::string_view name, Value value);

  void OnChange(std::string_view name, Hook hook);
  void SetProvider(std::string_view name, Provider provider);

  // SHOW GLOBAL VARIABLES [LIKE pattern]: (name, value) sorted by name;
  // session-only variables are omitted, as in MariaDB.
  std::vector<std::pair<std::string, std::string>> Show(
      std::optional<std::string_view> like) const;

  // Convenience typed reads of global values (0/""/false if unknown).
  uint64_t GetUInt(std::string_view name) const;
  bool GetBool(std::string_view name) const;
  std::string GetString(std::string_view name) const;

 private:
  friend class SessionVariables;
  Status SetCommon(const SysVarDef& def, const Value* value, std::vector<AdminWarning>* warnings);
  // Stored form, under lock; applies the provider if any.
  Value StoredLocked(size_t index) const;
  Value Stored(size_t index) const;

  mutable std::shared_mutex mu_;
  std::vector<Value> values_;  // stored form, per AllSysVars() index; guarded by mu_
  std::vector<Hook> hooks_;
  std::vector<Provider> providers_;
  std::atomic<bool> extensions_{false};
};

// ---------------------------------------------------------------------------
// Session values
// ---------------------------------------------------------------------------

// Fast copies of the variables the executor, binlog and replication read on
// every statement. Refreshed whenever one of them is set.
struct SessionHot {
  bool autocommit = true;
  uint64_t sql_mode = kDefaultSqlMode;
  BinlogFormat binlog_format = BinlogFormat::kRow;
  BinlogRowImage binlog_row_image = BinlogRowImage::kFull;
  bool sql_log_bin = true;
  std::string time_zone = "SYSTEM";
  std::optional<double> timestamp;  // SET timestamp; nullopt = follows the clock
  uint64_t insert_id = 0;           // SET insert_id (0 = none)
  uint64_t last_insert_id = 0;
  uint64_t auto_increment_increment = 1;
  uint64_t auto_increment_offset = 1;
  uint64_t max_allowed_packet = 16777216;
  std::string character_set_client, character_set_connection, character_set_results;
  std::string collation_connection, character_set_database, collation_database;
  std::string character_set_server, collation_server;
  std::string lc_time_names = "en_US";
  bool foreign_key_checks = true;
  bool unique_checks = true;
  bool sql_auto_is_null = false;
  bool sql_safe_updates = false;
  bool explicit_defaults_for_timestamp = true;
  uint64_t sql_select_limit = UINT64_MAX;
  TxIsolation tx_isolation = TxIsolation::kRepeatableRead;
  bool tx_read_only = false;
  uint64_t div_precision_increment = 4;
  uint64_t group_concat_max_len = 1048576;
  uint64_t max_sort_length = 1024;
  uint64_t default_week_format = 0;
  uint64_t server_id = 1;
  uint64_t gtid_domain_id = 0;
  uint64_t gtid_seq_no = 0;
  bool skip_replication = false;
  uint64_t pseudo_thread_id = 0;
  uint64_t wait_timeout = 28800;
  uint64_t interactive_timeout = 28800;
  uint64_t net_read_timeout = 30;
  uint64_t net_write_timeout = 60;
  uint64_t lock_wait_timeout = 86400;
  uint64_t innodb_lock_wait_timeout = 50;
  std::string default_storage_engine = "InnoDB";
};

// One client session's variables. Not thread-safe (one session, one
// thread), except that it reads `globals` through its thread-safe API.
class SessionVariables {
 public:
  // Computed session values (warning_count, error_count, in_transaction,
  // last_gtid, external_user, proxy_user): return nullopt to use the stored
  // value. Receives the definition being read.
  using Provider = std::function<std::optional<Value>(const SysVarDef& def)>;

  // Initializes every session value from `globals` (which must outlive this).
  explicit SessionVariables(GlobalVariables* globals);

  GlobalVariables* globals() const { return globals_; }
  const SessionHot& hot() const { return hot_; }
  void SetProvider(Provider provider) { provider_ = std::move(provider); }

  // SELECT @@[scope.]name: 1193 unknown; 1238 "Variable 'x' is a GLOBAL
  // variable" (@@session. of a global-only one) / "is a SESSION variable".
  Result<Value> Get(SysVarScope scope, std::string_view name) const;
  // SET [scope] name = value. Errors in MariaDB's order: 1193, 1238 (read
  // only), 1229 / 1228 / 1238 (scope), 1227 (`caller_privs`, the session
  // account's global privileges, lacks the needed one), 1232 / 1231 (type,
  // value), 1621 (session-read-only), then per-variable validations.
  // Warnings (1292 truncation, 1708) are appended to `warnings`.
  Status Set(SysVarScope scope, std::string_view name, const Value& value,
             std::vector<AdminWarning>* warnings, PrivMask caller_privs = ~PrivMask{0});
  // SET [scope] name = DEFAULT: the session gets the global value, the
  // global gets the compiled default.
  Status SetDefault(SysVarScope scope, std::string_view name, std::vector<AdminWarning>* warnings,
                    PrivMask caller_privs = ~PrivMask{0});
  // SET NAMES charset [COLLATE collation]: client, results, connection.
  // Empty `charset` = SET NAMES DEFAULT (the server character set). 1115
  // unknown charset, 1273 unknown collation, 1253 mismatch.
  Status SetNames(std::string_view charset, std::string_view collation);
  // SET CHARACTER SET charset: client and results = charset, connection =
  // character_set_database. Empty = DEFAULT.
  Status SetCharacterSet(std::string_view charset);

  // SHOW [SESSION|GLOBAL] VARIABLES [LIKE pattern], sorted by name. Session
  // scope shows session values where the variable has one.
  std::vector<std::pair<std::string, std::string>> Show(SysVarScope scope,
                                                        std::optional<std::string_view> like) const;

  // Direct updates by the server (no checks, no warnings).
  void set_last_insert_id(uint64_t v);
  void set_insert_id(uint64_t v);
  void set_pseudo_thread_id(uint64_t v);
  void set_timestamp(std::optional<double> v);
  void set_gtid_seq_no(uint64_t v);
  // The current time as @@timestamp reports it: the SET value or `now`.
  double timestamp_or(double now) const { return hot_.timestamp ? *hot_.timestamp : now; }

 private:
  Status SetStored(const SysVarDef& def, size_t index, Value stored);
  Value SessionTyped(const SysVarDef& def, size_t index) const;
  void Refresh(size_t index);

  GlobalVariables* globals_;
  std::vector<Value> values_;  // stored form; meaningful for session variables
  SessionHot hot_;
  Provider provider_;
};

// ---------------------------------------------------------------------------
// Status counters (SHOW STATUS)
// ---------------------------------------------------------------------------

// Counters the server updates often; any other name works through
// StatusIndex().
enum class StatusId : uint8_t {
  kAbortedClients, kAbortedConnects, kAccessDeniedErrors, kBinlogBytesWritten, kBinlogCommits,
  kBinlogGroupCommits, kBytesReceived, kBytesSent, kComAdminCommands, kComBegin, kComChangeDb,
  kComCommit, kComDelete, kComInsert, kComInsertSelect, kComReplace, kComRollback, kComSelect,
  kComSetOption, kComUpdate, kConnections, kCreatedTmpTables, kEmptyQueries, kHandlerCommit,
  kHandlerDelete, kHandlerReadRndNext, kHandlerRollback, kHandlerUpdate, kHandlerWrite,
  kMaxUsedConnections, kOpenTables, kOpenedTables, kPreparedStmtCount, kQueries, kQuestions,
  kRowsRead, kRowsSent, kSelectScan, kSlaveConnections, kSlaveReceivedHeartbeats,
  kSlaveRetriedTransactions, kSlaveSkippedErrors, kSlavesConnected, kSlavesRunning, kSlowQueries,
  kThreadsCached, kThreadsConnected, kThreadsCreated, kThreadsRunning,
  kCount
};

// Index of a status variable in MariaDB's SHOW STATUS order
// (case-insensitive), or -1.
int StatusIndex(std::string_view name);
int StatusIndex(StatusId id);
size_t StatusCount();
const char* StatusName(int index);

// One set of counters (a session's, or the server's totals). Lock-free.
class StatusCounters {
 public:
  StatusCounters();
  void Add(int index, uint64_t n = 1) {
    v_[static_cast<size_t>(index)].fetch_add(n, std::memory_order_relaxed);
  }
  void Add(StatusId id, uint64_t n = 1) { Add(StatusIndex(id), n); }
  void Set(int index, uint64_t n) {
    v_[static_cast<size_t>(index)].store(n, std::memory_order_relaxed);
  }
  void Set(StatusId id, uint64_t n) { Set(StatusIndex(id), n); }
  uint64_t Get(int index) const {
    return v_[static_cast<size_t>(index)].load(std::memory_order_relaxed);
  }
  uint64_t Get(StatusId id) const { return Get(StatusIndex(id)); }
  void Reset();

 private:
  std::vector<std::atomic<uint64_t>> v_;
};

// The server's status: global counters, gauges and computed values, and
// SHOW STATUS. Thread-safe.
class GlobalStatus {
 public:
  // A computed value's SHOW STATUS text (Binlog_snapshot_file, Slave_running, ...).
  using Provider = std::function<std::string()>;

  GlobalStatus();

  StatusCounters& counters() { return global_; }
  const StatusCounters& counters() const { return global_; }
  // Adds `n` to a per-session counter and to the global total.
  void Count(StatusCounters* session, int index, uint64_t n = 1) {
    if (session) session->Add(index, n);
    global_.Add(index, n);
  }
  void Count(StatusCounters* session, StatusId id, uint64_t n = 1) {
    Count(session, StatusIndex(id), n);
  }
  // Registered before use (not concurrently with Show).
  void SetProvider(std::string_view name, Provider provider);

  // SHOW [GLOBAL|SESSION] STATUS [LIKE]: MariaDB's order. Session scope
  // (`session` non-null) shows the session's value of per-session counters
  // and the global value of the rest. Uptime and Uptime_since_flush_status
  // are computed from construction / the last FlushStatus().
  std::vector<std::pair<std::string, std::string>> Show(const StatusCounters* session,
                                                        std::optional<std::string_view> like) const;
  // FLUSH STATUS: zeroes the per-session-kind global counters.
  void FlushStatus();

 private:
  StatusCounters global_;
  std::vector<Provider> providers_;
  std::chrono::steady_clock::time_point start_;
  std::atomic<int64_t> flush_offset_s_{0};
};

}  // namespace relaydb::sql
