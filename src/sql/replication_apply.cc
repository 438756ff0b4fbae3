// ReplicationApply. See replication_apply.h and docs/applier.md.
//
// MariaDB 10.11's texts used here were checked against a real 10.11.19
// replica (docs/applier.md, "Errors"):
//   Error '%s' on query. Default database: '%s'. Query: '%s'
//   Query caused different errors on master and slave.     Error on master:
//     message (format)='%s' error code=%d ; Error on slave: actual
//     message='%s', error code=%d. Default database: '%s'. Query: '%s'
//     (Last_SQL_Errno 0)
//   Could not execute %s event on table %s.%s; %s, Error_code: %d;
//     handler error %s; the event's master log %s, end_log_pos %llu
//   Error executing row event: '%s'                         (1146)
//   Column %d of table '%s.%s' cannot be converted from type '%s' to
//     type '%s'                                             (1677)
//   Relay log read failure: %s                              (1594)
#include "sql/replication_apply.h"

#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <cstring>

#include "binlog/event_format.h"
#include "binlog/row_codec.h"
#include "binlog/temporal.h"
#include "common/logging.h"
#include "sql/binlog_encoder.h"
#include "sql/parser.h"
#include "sql/result_sink.h"
#include "sql/types.h"
#include "sql/variables.h"

namespace relaydb::sql {

namespace {

constexpr const char* kStateTable =
    "CREATE TABLE IF NOT EXISTS rdb_replica_state(connection_name TEXT PRIMARY KEY, "
    "relay_file TEXT NOT NULL, relay_pos INTEGER NOT NULL, "
    "master_file TEXT NOT NULL, master_pos INTEGER NOT NULL)";

constexpr const char* kParseFailure =
    "Could not parse relay log event entry. The possible reasons are: the master's binary log is "
    "corrupted (you can check this by running 'mysqlbinlog' on the binary log), the slave's relay "
    "log is corrupted (you can check this by running 'mysqlbinlog' on the relay log), a network "
    "problem, or a bug in the master's or slave's MariaDB code. If you want to check the master's "
    "binary log or slave's relay log, you will be able to know their names by issuing 'SHOW SLAVE "
    "STATUS' on this slave.";

// Discards whatever a replicated statement returns.
class DiscardSink : public ResultSink {
 public:
  Status BeginResultSet(const std::vector<ColumnMeta>&) override { return Status::Ok(); }
  Status Row(const std::vector<Value>&) override { return Status::Ok(); }
  Status EndResultSet() override { return Status::Ok(); }
  Status Ok(const OkResult&) override { return Status::Ok(); }
};


std::string Quote(std::string_view name) { return storage::QuoteIdent(std::string(name)); }

bool IsSingleByteCharset(const std::string& cs) { return cs == "latin1" || cs == "ascii"; }

// MariaDB's lc_time_names numbers (sql_locale.cc), as Q_LC_TIME_NAMES_CODE
// carries them; checked against a 10.11 source's binlog.
constexpr const char* kLocaleById[] = {
    "en_US", "en_GB", "ja_JP", "sv_SE", "de_DE", "fr_FR", "ar_AE", "ar_BH", "ar_JO", "ar_SA",
    "ar_SY", "be_BY", "bg_BG", "ca_ES", "cs_CZ", "da_DK", "de_AT", "es_ES", "et_EE", "eu_ES",
    "fi_FI", "fo_FO", "gl_ES", "gu_IN", "he_IL", "hi_IN", "hr_HR", "hu_HU", "id_ID", "is_IS",
    "it_CH", "ko_KR", "lt_LT", "lv_LV", "mk_MK", "mn_MN", "ms_MY", "nb_NO", "nl_NL", "pl_PL",
    "pt_BR", "pt_PT", "ro_RO", "ru_RU", "ru_UA", "sk_SK", "sl_SI", "sq_AL", "sr_RS", "ta_IN",
    "te_IN", "th_TH", "tr_TR", "uk_UA", "ur_PK", "vi_VN", "zh_CN", "zh_TW", "ar_DZ", "ar_EG",
    "ar_IN", "ar_IQ", "ar_KW", "ar_LB", "ar_LY", "ar_MA", "ar_OM", "ar_QA", "ar_SD", "ar_TN",
    "ar_YE", "de_BE", "de_CH", "de_LU", "en_AU", "en_CA", "en_IN", "en_NZ", "en_PH", "en_ZA",
    "en_ZW", "es_AR", "es_BO", "es_CL", "es_CO", "es_CR", "es_DO", "es_EC", "es_GT", "es_HN",
    "es_MX", "es_NI", "es_PA", "es_PE", "es_PR", "es_PY", "es_SV", "es_US", "es_UY", "es_VE",
    "fr_BE", "fr_CA", "fr_CH", "fr_LU", "it_IT", "nl_BE", "no_NO", "sv_FI", "zh_HK", "el_GR",
    "rm_CH", "ka_GE",
};

// The message formats MariaDB prints for a source's error code in "Query
// caused different errors" (ER_THD(thd, code)); errmsg.sys of 10.11.
const char* ErrorFormat(int code) {
  switch (code) {
    case 1007: return "Can't create database '%-.192s'; database exists";
    case 1008: return "Can't drop database '%-.192s'; database doesn't exist";
    case 1022: return "Can't write; duplicate key in table '%-.192s'";
    case 1032: return "Can't find record in '%-.192s'";
    case 1044: return "Access denied for user '%s'@'%s' to database '%-.192s'";
    case 1046: return "No database selected";
    case 1048: return "Column '%-.192s' cannot be null";
    case 1049: return "Unknown database '%-.192s'";
    case 1050: return "Table '%-.192s' already exists";
    case 1051: return "Unknown table '%-.100T'";
    case 1054: return "Unknown column '%-.192s' in '%-.192s'";
    case 1060: return "Duplicate column name '%-.192s'";
    case 1061: return "Duplicate key name '%-.192s'";
    case 1062: return "Duplicate entry '%-.192T' for key %d";
    case 1064: return "%s near '%-.80T' at line %d";
    case 1091: return "Can't DROP %s %`-.192s; check that it exists";
    case 1136: return "Column count doesn't match value count at row %lu";
    case 1146: return "Table '%-.192s.%-.192s' doesn't exist";
    case 1205: return "Lock wait timeout exceeded; try restarting transaction";
    case 1213: return "Deadlock found when trying to get lock; try restarting transaction";
    case 1242: return "Subquery returns more than 1 row";
    case 1264: return "Out of range value for column '%s' at row %lu";
    case 1265: return "Data truncated for column '%s' at row %lu";
    case 1292: return "Truncated incorrect %-.32T value: '%-.128T'";
    case 1317: return "Query execution was interrupted";
    case 1364: return "Field '%-.192s' doesn't have a default value";
    case 1366: return "Incorrect %-.32s value: '%-.128T' for column `%.192s`.`%.192s`.`%.192s` at row %lu";
    case 1406: return "Data too long for column '%s' at row %lu";
    case 1451: return "Cannot delete or update a parent row: a foreign key constraint fails (%s)";
    case 1452: return "Cannot add or update a child row: a foreign key constraint fails (%s)";
    default: return "Unknown error";
  }
}

// Errors a source may log that say nothing about the data (MariaDB's
// concurrency_error_code): the replica need not reproduce them.
bool IsConcurrencyError(int code) {
  return code == 1205 || code == 1213 || code == 1317 || code == 1613 || code == 1614;
}

Status SqlErr(uint16_t code, std::string msg) { return Status::SqlError(code, "HY000", std::move(msg)); }


std::string Truncated(std::string s, size_t n) {
  if (s.size() > n) s.resize(n);
  return s;
}

}  // namespace

Status ReplicationApply::RelayLogReadFailure(std::string_view detail) {
  return SqlErr(1594, "Relay log read failure: " + std::string(detail.empty() ? kParseFailure : detail));
}

// ---------------------------------------------------------------------------
// Per-group state

struct ReplicationApply::MappedTable {
  binlog::TableMapEvent tm;
  std::shared_ptr<const TableDef> def;  // null: the table does not exist here
  std::vector<binlog::ColumnSpec> specs;  // decoding specs, fixed up from def
  Status compat;                          // 1677 if a column cannot be applied
  bool filtered = false;                  // --replicate-* rules: rows skipped
};

struct ReplicationApply::GroupState {
  std::map<uint64_t, MappedTable> tables;
  std::optional<uint64_t> insert_id;
  std::optional<uint64_t> last_insert_id;
  std::optional<std::pair<uint64_t, uint64_t>> rand;
  std::string annotate;    // Annotate_rows / Rows_query of the next rows
  bool rows_pending = false;  // rows changed since the last statement boundary
  bool exec_mode_known = false;  // slave_exec_mode, read once per group
  bool idempotent = false;
  uint32_t rows_timestamp = 0;
  std::string rows_db;
};

// ---------------------------------------------------------------------------

ReplicationApply::ReplicationApply(Session* session, ReplicationApplyOptions options)
    : session_(session), options_(std::move(options)) {
  session_->SetCommitHook([this](storage::Connection* conn) { return RecordPosition(conn); });
}

ReplicationApply::~ReplicationApply() { session_->SetCommitHook(nullptr); }

Status ReplicationApply::Init() {
  RETURN_IF_ERROR(session_->BeginWrite(/*statement_unit=*/false));
  Status s = session_->conn_->Exec(kStateTable);
  if (!s.ok()) {
    Status r = session_->RollbackTxn();
    (void)r;
    return s;
  }
  RETURN_IF_ERROR(session_->CommitTxn());
  auto p = LoadAppliedPosition();
  if (!p.ok()) return p.status();
  hook_position_ = *p;
  return Status::Ok();
}

Result<std::optional<AppliedPosition>> ReplicationApply::LoadAppliedPosition() {
  storage::Statement st;
  RETURN_IF_ERROR(session_->conn_->PrepareUncached(
      "SELECT relay_file, relay_pos, master_file, master_pos FROM rdb_replica_state "
      "WHERE connection_name = ?",
      &st));
  RETURN_IF_ERROR(st.BindText(1, options_.connection_name));
  bool row = false;
  RETURN_IF_ERROR(st.Step(&row));
  if (!row) return std::optional<AppliedPosition>();
  AppliedPosition p;
  p.relay_file = std::string(st.ColumnText(0));
  p.relay_pos = static_cast<uint64_t>(st.ColumnInt64(1));
  p.master_file = std::string(st.ColumnText(2));
  p.master_pos = static_cast<uint64_t>(st.ColumnInt64(3));
  return std::optional<AppliedPosition>(std::move(p));
}

Status ReplicationApply::RecordPosition(storage::Connection* conn) {
  if (!hook_armed_ || !hook_position_) return Status::Ok();
  storage::Statement st;
  RETURN_IF_ERROR(conn->Prepare(
      "INSERT OR REPLACE INTO rdb_replica_state(connection_name, relay_file, relay_pos, master_file, "
      "master_pos) VALUES(?, ?, ?, ?, ?)",
      &st));
  const AppliedPosition& p = *hook_position_;
  RETURN_IF_ERROR(st.BindText(1, options_.connection_name));
  RETURN_IF_ERROR(st.BindText(2, p.relay_file));
  RETURN_IF_ERROR(st.BindInt64(3, static_cast<int64_t>(p.relay_pos)));
  RETURN_IF_ERROR(st.BindText(4, p.master_file));
  RETURN_IF_ERROR(st.BindInt64(5, static_cast<int64_t>(p.master_pos)));
  RETURN_IF_ERROR(st.Run());
  position_recorded_ = true;
  return Status::Ok();
}

Status ReplicationApply::SavePosition(const AppliedPosition& pos) {
  std::optional<AppliedPosition> previous = hook_position_;
  hook_position_ = pos;
  hook_armed_ = true;
  position_recorded_ = false;
  Status s = session_->BeginWrite(/*statement_unit=*/false);
  if (s.ok()) s = session_->CommitTxn();
  hook_armed_ = false;
  if (!s.ok() || !position_recorded_) {
    hook_position_ = previous;
    RollbackGroupTxn();
    return s.ok() ? Status::IoError("the replica position was not recorded") : s;
  }
  return Status::Ok();
}

Status ReplicationApply::ResetPosition() {
  RETURN_IF_ERROR(session_->BeginWrite(/*statement_unit=*/false));
  storage::Statement st;
  Status s = session_->conn_->Prepare("DELETE FROM rdb_replica_state WHERE connection_name = ?", &st);
  if (s.ok()) s = st.BindText(1, options_.connection_name);
  if (s.ok()) s = st.Run();
  if (!s.ok()) {
    RollbackGroupTxn();
    return s;
  }
  RETURN_IF_ERROR(session_->CommitTxn());
  hook_position_.reset();
  return Status::Ok();
}

// ---------------------------------------------------------------------------
// Transactions

Status ReplicationApply::BeginGroupTxn() {
  RETURN_IF_ERROR(session_->ImplicitCommit());
  session_->in_txn_ = true;
  session_->txn_read_only_ = false;
  return Status::Ok();
}

Status ReplicationApply::CommitGroupTxn() {
  // Even a group that changed nothing commits its position.
  RETURN_IF_ERROR(session_->BeginWrite(/*statement_unit=*/false));
  return session_->CommitTxn();
}

void ReplicationApply::RollbackGroupTxn() {
  Status r = session_->RollbackTxn();
  (void)r;
}

bool ReplicationApply::Batchable(const EventGroup& group) {
  // BEGIN ... (row events or DML statements) ... Xid / COMMIT: nothing in
  // it commits implicitly. DDL, standalone statements, XA are not.
  bool begun = false;
  for (const auto& e : group.events) {
    if (const auto* g = e.As<binlog::GtidEvent>()) {
      // MariaDB's Gtid stands for BEGIN unless it heads a standalone
      // statement; XA is never batched.
      if (g->flags2 & (binlog::kFlStandalone | binlog::kFlPreparedXa | binlog::kFlCompletedXa)) return false;
      begun = true;
      continue;
    }
    if (const auto* q = e.As<binlog::QueryEvent>()) {
      const TxnControl c = TxnControlOf(q->query);
      if (c == TxnControl::kBegin) {
        if (begun && &e != &group.events[1]) return false;
        begun = true;
        continue;
      }
      if (!begun) return false;
      if (c == TxnControl::kCommit) return &e == &group.events.back();
      if (c != TxnControl::kNone) return false;
      auto kind = Classify(q->query);
      if (kind != StatementKind::kInsert && kind != StatementKind::kUpdate && kind != StatementKind::kDelete)
        return false;
    } else if (e.As<binlog::XidEvent>() != nullptr) {
      return begun && &e == &group.events.back();
    } else if (e.header.type == binlog::kXaPrepareEvent) {
      return false;
    }
  }
  return false;
}

Status ReplicationApply::CommitBatch() {
  if (!batch_open_) return Status::Ok();
  batch_open_ = false;
  position_recorded_ = false;
  hook_armed_ = true;
  Status s = CommitGroupTxn();
  hook_armed_ = false;
  if (!s.ok()) {
    RollbackGroupTxn();
    hook_position_ = batch_start_;
    return s;
  }
  return Status::Ok();
}

void ReplicationApply::RollbackBatch() {
  if (!batch_open_) return;
  batch_open_ = false;
  RollbackGroupTxn();
  hook_armed_ = false;
  hook_position_ = batch_start_;
}

Status ReplicationApply::ApplyGroup(const EventGroup& group, bool commit) {
  if (group.events.empty()) {
    if (!batch_open_) return SavePosition(group.end);
    hook_position_ = group.end;
    return commit ? CommitBatch() : Status::Ok();
  }
  GroupState gs;
  // --log-slave-updates decides whether what the group changes is logged;
  // logged groups are never batched (each is its own binlog transaction).
  bool log_updates = session_->vars().globals()->GetBool("log_slave_updates");
  if (!commit && (log_updates || !Batchable(group))) commit = true;
  if (batch_open_ && (log_updates || !Batchable(group))) RETURN_IF_ERROR(CommitBatch());
  const std::optional<AppliedPosition> previous = batch_open_ ? batch_start_ : hook_position_;
  session_->SetLoggedServerId(group.events.front().header.server_id);
  Status s;
  if (session_->vars().hot().sql_log_bin != log_updates) {
    s = session_->vars().Set(SysVarScope::kSession, "sql_log_bin", Value::Int(log_updates ? 1 : 0), nullptr);
    if (!s.ok()) return s;
  }
  position_recorded_ = false;
  hook_armed_ = true;
  if (!batch_open_) {
    batch_start_ = hook_position_;
    s = BeginGroupTxn();
  }
  defer_commit_ = !commit;
  for (size_t i = 0; s.ok() && i < group.events.size(); i++) {
    // The commit made while applying the group's last event is the group's
    // own: it records the group's end. Earlier (implicit) commits keep the
    // previous position, so a crash repeats the group rather than lose it.
    if (i + 1 == group.events.size()) hook_position_ = group.end;
    s = ApplyEvent(group, i, &gs);
  }
  if (s.ok() && gs.rows_pending) {
    // Rows without STMT_END_F before the group ended: close the statement.
    TxnEvent ev;
    ev.kind = TxnEvent::Kind::kStatement;
    ev.statement.query = gs.annotate;
    ev.statement.db = gs.rows_db;
    ev.statement.timestamp = gs.rows_timestamp;
    ev.statement.format = static_cast<uint8_t>(BinlogFormat::kRow);
    session_->txn_log_.events.push_back(std::move(ev));
  }
  hook_position_ = group.end;
  defer_commit_ = false;
  if (s.ok() && !commit) {
    // Applied into the open batch: committed (with the last group's end)
    // by a later ApplyGroup or CommitBatch().
    batch_open_ = true;
    session_->SetLoggedServerId(0);
    session_->vars().set_timestamp(std::nullopt);
    return Status::Ok();
  }
  batch_open_ = false;
  if (s.ok() && (session_->in_txn_ || session_->sqlite_txn_)) s = CommitGroupTxn();
  hook_armed_ = false;
  session_->SetLoggedServerId(0);
  session_->vars().set_timestamp(std::nullopt);
  if (!s.ok()) {
    RollbackGroupTxn();
    hook_position_ = previous;
    return s;
  }
  if (!position_recorded_) return SavePosition(group.end);
  return Status::Ok();
}

Status ReplicationApply::ApplyEvent(const EventGroup& group, size_t index, GroupState* gs) {
  const binlog::Event& ev = group.events[index];
  if (const auto* q = ev.As<binlog::QueryEvent>()) return ApplyQuery(ev, *q, gs);
  if (const auto* tm = ev.As<binlog::TableMapEvent>()) return MapTable(*tm, gs);
  if (const auto* rows = ev.As<binlog::RowsEvent>()) return ApplyRows(group, ev, *rows, gs);
  if (ev.As<binlog::XidEvent>() != nullptr) return defer_commit_ ? Status::Ok() : CommitGroupTxn();
  if (const auto* iv = ev.As<binlog::IntvarEvent>()) {
    if (iv->type == binlog::kIntvarInsertId) gs->insert_id = iv->value;
    else if (iv->type == binlog::kIntvarLastInsertId) gs->last_insert_id = iv->value;
    return Status::Ok();
  }
  if (const auto* r = ev.As<binlog::RandEvent>()) {
    gs->rand = std::make_pair(r->seed1, r->seed2);
    return Status::Ok();
  }
  if (const auto* u = ev.As<binlog::UserVarEvent>()) return ApplyUserVar(*u);
  if (const auto* a = ev.As<binlog::AnnotateRowsEvent>()) {
    gs->annotate = a->query;
    return Status::Ok();
  }
  if (const auto* a = ev.As<binlog::RowsQueryEvent>()) {
    gs->annotate = a->query;
    return Status::Ok();
  }
  if (const auto* g = ev.As<binlog::GtidEvent>()) {
    if (g->flags2 & (binlog::kFlPreparedXa | binlog::kFlCompletedXa))
      return SqlErr(1235, "This version of MariaDB doesn't yet support 'XA transactions in replication'");
    return Status::Ok();
  }
  if (ev.header.type == binlog::kXaPrepareEvent)
    return SqlErr(1235, "This version of MariaDB doesn't yet support 'XA transactions in replication'");
  // Gtid (the thread opened the group already), MySQL Gtid, control events
  // that arrived inside the group (a Rotate or Format_description the I/O
  // thread wrote after a reconnect): nothing to do.
  return Status::Ok();
}

// ---------------------------------------------------------------------------
// Statements

Status ReplicationApply::SetQueryContext(const binlog::Event& ev, const binlog::QueryEvent& q) {
  Session& s = *session_;
  // The default database, as MariaDB's slave sets it: by name, unchecked.
  s.current_db_ = q.db;
  if (s.proc_) s.proc_->SetDb(q.db);
  SessionVariables& vars = s.vars();
  auto set = [&](const char* name, const Value& v) {
    return vars.Set(SysVarScope::kSession, name, v, nullptr);
  };
  if (q.sql_mode) {
    // Bits relaydb does not know (MySQL-only modes) are dropped.
    static const uint64_t known = [] {
      uint64_t m = 0;
      ParseSqlMode(
          "REAL_AS_FLOAT,PIPES_AS_CONCAT,ANSI_QUOTES,IGNORE_SPACE,IGNORE_BAD_TABLE_OPTIONS,ONLY_FULL_GROUP_BY,"
          "NO_UNSIGNED_SUBTRACTION,NO_DIR_IN_CREATE,POSTGRESQL,ORACLE,MSSQL,DB2,MAXDB,NO_KEY_OPTIONS,"
          "NO_TABLE_OPTIONS,NO_FIELD_OPTIONS,MYSQL323,MYSQL40,ANSI,NO_AUTO_VALUE_ON_ZERO,NO_BACKSLASH_ESCAPES,"
          "STRICT_TRANS_TABLES,STRICT_ALL_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ALLOW_INVALID_DATES,"
          "ERROR_FOR_DIVISION_BY_ZERO,TRADITIONAL,NO_AUTO_CREATE_USER,HIGH_NOT_PRECEDENCE,"
          "NO_ENGINE_SUBSTITUTION,PAD_CHAR_TO_FULL_LENGTH,EMPTY_STRING_IS_NULL,SIMULTANEOUS_ASSIGNMENT,"
          "TIME_ROUND_FRACTIONAL",
          &m, nullptr);
      return m;
    }();
    RETURN_IF_ERROR(set("sql_mode", Value::UInt(*q.sql_mode & known)));
  }
  if (q.flags2) {
    const uint32_t f = *q.flags2;
    RETURN_IF_ERROR(set("foreign_key_checks", Value::Int((f & binlog::kOptionNoForeignKeyChecks) ? 0 : 1)));
    RETURN_IF_ERROR(set("unique_checks", Value::Int((f & binlog::kOptionRelaxedUniqueChecks) ? 0 : 1)));
    RETURN_IF_ERROR(set("sql_auto_is_null", Value::Int((f & binlog::kOptionAutoIsNull) ? 1 : 0)));
    RETURN_IF_ERROR(
        set("explicit_defaults_for_timestamp", Value::Int((f & binlog::kOptionExplicitDefTimestamp) ? 1 : 0)));
  }
  if (q.charset) {
    const CollationInfo* client = FindCollationById(q.charset->client);
    const CollationInfo* conn = FindCollationById(q.charset->connection);
    const CollationInfo* server = FindCollationById(q.charset->server);
    if (client) RETURN_IF_ERROR(set("character_set_client", Value::String(client->charset)));
    if (conn) RETURN_IF_ERROR(set("collation_connection", Value::String(conn->name)));
    if (server) RETURN_IF_ERROR(set("collation_server", Value::String(server->name)));
  }
  if (q.charset_database) {
    if (const CollationInfo* db = FindCollationById(*q.charset_database))
      RETURN_IF_ERROR(set("collation_database", Value::String(db->name)));
  }
  // A source writes time_zone only when it matters; otherwise the global
  // default applies (not the zone of an earlier statement).
  RETURN_IF_ERROR(set("time_zone", Value::String(q.time_zone ? *q.time_zone
                                                             : vars.globals()->GetString("time_zone"))));
  {
    uint16_t lc = q.lc_time_names.value_or(0);
    const char* name = lc < std::size(kLocaleById) ? kLocaleById[lc] : "en_US";
    RETURN_IF_ERROR(set("lc_time_names", Value::String(name)));
  }
  uint16_t inc = q.auto_increment ? q.auto_increment->increment : 1;
  uint16_t off = q.auto_increment ? q.auto_increment->offset : 1;
  RETURN_IF_ERROR(set("auto_increment_increment", Value::UInt(inc)));
  RETURN_IF_ERROR(set("auto_increment_offset", Value::UInt(off)));
  // SET TIMESTAMP = when[.hrnow], as the source's statement saw the clock.
  uint32_t usec = q.hrnow ? *q.hrnow : q.microseconds.value_or(0);
  vars.set_timestamp(static_cast<double>(ev.header.timestamp) + usec / 1e6);
  vars.set_pseudo_thread_id(q.thread_id);
  return Status::Ok();
}

Status ReplicationApply::ApplyUserVar(const binlog::UserVarEvent& u) {
  auto v = u.ToValue();
  if (!v.ok()) return RelayLogReadFailure();
  Value value = std::move(v).value();
  switch (u.is_null ? static_cast<uint8_t>(binlog::kStringResult) : u.type) {
    case binlog::kIntResult:
      session_->SetUserVariableTyped(u.name, value,
                                     value.kind() == Value::Kind::kUInt ? ResultType::kUnsigned : ResultType::kInt);
      break;
    case binlog::kRealResult: session_->SetUserVariableTyped(u.name, value, ResultType::kDouble); break;
    case binlog::kDecimalResult: session_->SetUserVariableTyped(u.name, value, ResultType::kDecimal); break;
    default: {
      if (u.is_null) {
        session_->SetUserVariable(u.name, Value::Null());
        break;
      }
      const CollationInfo* ci = FindCollationById(static_cast<uint16_t>(u.charset));
      std::string cs = ci != nullptr ? ci->charset : "utf8mb4";
      if (cs == "binary") {
        session_->SetUserVariableTyped(u.name, value, ResultType::kBinary);
      } else {
        if (IsSingleByteCharset(cs)) value = Value::String(SingleByteToUtf8(value.string_value(), cs == "ascii"));
        session_->SetUserVariableTyped(u.name, value, ResultType::kString);
      }
      break;
    }
  }
  return Status::Ok();
}

TxnControl TxnControlOf(std::string_view query) {
  while (!query.empty() && (std::isspace(static_cast<unsigned char>(query.front())) || query.front() == ';'))
    query.remove_prefix(1);
  while (!query.empty() && (std::isspace(static_cast<unsigned char>(query.back())) || query.back() == ';'))
    query.remove_suffix(1);
  auto is = [&](std::string_view word) {
    if (query.size() != word.size()) return false;
    for (size_t i = 0; i < word.size(); i++)
      if (std::toupper(static_cast<unsigned char>(query[i])) != word[i]) return false;
    return true;
  };
  if (is("BEGIN")) return TxnControl::kBegin;
  if (is("COMMIT")) return TxnControl::kCommit;
  if (is("ROLLBACK")) return TxnControl::kRollback;
  return TxnControl::kNone;
}

Status ReplicationApply::ApplyQuery(const binlog::Event& ev, const binlog::QueryEvent& q, GroupState* gs) {
  const TxnControl control = TxnControlOf(q.query);
  if (control == TxnControl::kBegin) return session_->in_txn_ ? Status::Ok() : BeginGroupTxn();
  if (control == TxnControl::kCommit) return defer_commit_ ? Status::Ok() : CommitGroupTxn();
  if (control == TxnControl::kRollback) {
    // A group of non-transactional changes the source could not undo: the
    // replica's tables are transactional, so it can.
    RollbackGroupTxn();
    return Status::Ok();
  }
  const ReplicationFilter& filter = options_.filter;
  const std::string rewritten_db = filter.RewriteDb(q.db);
  if (!filter.DbOk(rewritten_db)) {
    // --replicate-do-db / --replicate-ignore-db by the default database.
    gs->insert_id.reset();
    gs->last_insert_id.reset();
    gs->rand.reset();
    return Status::Ok();
  }
  RETURN_IF_ERROR(SetQueryContext(ev, q));
  if (rewritten_db != q.db) {
    session_->current_db_ = rewritten_db;
    if (session_->proc_) session_->proc_->SetDb(rewritten_db);
  }
  if (gs->last_insert_id) session_->last_insert_id_ = *gs->last_insert_id;
  if (gs->rand) {
    RandState* r = session_->FunctionContext::SessionRand();
    r->seed1 = static_cast<uint32_t>(gs->rand->first);
    r->seed2 = static_cast<uint32_t>(gs->rand->second);
  }
  const std::optional<uint64_t> insert_id = gs->insert_id;
  gs->insert_id.reset();
  gs->last_insert_id.reset();
  gs->rand.reset();

  const uint16_t expected = q.error_code;
  if (observer_) observer_(q.query);
  bool filtered_out = false;
  Status s = [&]() -> Status {
    auto parsed = ParseOne(q.query, session_->parse_options());
    if (!parsed.ok()) return parsed.status();
    ParsedStatement& ps = *parsed;
    if (filter.has_table_rules() && !filter.TablesOk(UpdatedTables(*ps.stmt, rewritten_db))) {
      filtered_out = true;  // --replicate-*-table rules: not executed
      return Status::Ok();
    }
    const bool idempotent_ddl = session_->vars().globals()->GetString("slave_ddl_exec_mode") == "IDEMPOTENT";
    if (idempotent_ddl && ps.stmt->kind == StatementKind::kDropTable) {
      // slave_ddl_exec_mode=IDEMPOTENT: DROP TABLE is DROP TABLE IF EXISTS.
      ps.stmt->As<DropTableStmt>()->if_exists = true;
    }
    if (insert_id && *insert_id > 0 && ps.stmt->kind == StatementKind::kInsert) {
      // Intvar INSERT_ID: the first AUTO_INCREMENT value the source
      // generated. Raise the counter to it so the statement generates it.
      const auto* ins = ps.stmt->As<InsertStmt>();
      std::string db = ins->table.db.empty() ? session_->current_db_ : ins->table.db;
      if (auto def = session_->engine_->catalog().GetTable(db, ins->table.name)) {
        RETURN_IF_ERROR(session_->BeginWrite(/*statement_unit=*/false));
        RETURN_IF_ERROR(session_->engine_->catalog().NoteAutoIncrementValue(*session_->conn_, *def, *insert_id - 1));
      }
    }
    DiscardSink sink;
    Status r = session_->Execute(ps, q.query, nullptr, &sink);
    if (!r.ok() && r.mysql_errno() == 1050 && idempotent_ddl && ps.stmt->kind == StatementKind::kCreateTable) {
      // IDEMPOTENT: CREATE TABLE replaces a table that already exists.
      const auto* ct = ps.stmt->As<CreateTableStmt>();
      if (!ct->if_not_exists && !ct->temporary) {
        std::string db = ct->table.db.empty() ? session_->current_db_ : ct->table.db;
        std::string drop = "DROP TABLE IF EXISTS " + QuoteIdentifier(db) + "." + QuoteIdentifier(ct->table.name);
        auto dp = ParseOne(drop, session_->parse_options());
        if (dp.ok()) {
          // Neither logged nor recorded as the group's end: a crash right
          // after it repeats the group, which then creates the table.
          const bool log_bin = session_->vars().hot().sql_log_bin;
          RETURN_IF_ERROR(session_->vars().Set(SysVarScope::kSession, "sql_log_bin", Value::Int(0), nullptr));
          hook_armed_ = false;
          Status d = session_->Execute(*dp, drop, nullptr, &sink);
          hook_armed_ = true;
          Status back = session_->vars().Set(SysVarScope::kSession, "sql_log_bin", Value::Int(log_bin), nullptr);
          (void)back;
          if (d.ok()) r = session_->Execute(ps, q.query, nullptr, &sink);
        }
      }
    }
    return r;
  }();
  if (observer_) observer_("");
  if (filtered_out) return Status::Ok();
  const uint16_t actual = s.ok() ? 0 : s.IsSqlError() ? s.mysql_errno() : 1105;
  const std::string db = q.db;
  if (actual == expected) {
    if (actual != 0)
      LogNote("Slave SQL: the statement failed on the source too (error " + std::to_string(actual) +
              "), as expected. Default database: '" + db + "'. Query: '" + q.query + "'");
    return Status::Ok();
  }
  if (!s.ok() && !s.IsSqlError()) LogError("Slave SQL: " + s.ToString());
  const std::string actual_msg = s.ok() ? std::string() : s.message();
  if (expected != 0 && !IsConcurrencyError(expected)) {
    std::string msg = "Query caused different errors on master and slave.     Error on master: message (format)='" +
                      std::string(ErrorFormat(expected)) + "' error code=" + std::to_string(expected) +
                      " ; Error on slave: actual message='" + (actual != 0 ? actual_msg : "no error") +
                      "', error code=" + std::to_string(actual) + ". Default database: '" + db + "'. Query: '" +
                      q.query + "'";
    // MariaDB reports this with error number 0; when the replica's
    // statement failed too, its error then replaces it in
    // Last_SQL_Errno/Last_SQL_Error (slave_output_error_info).
    if (actual == 0) return SqlErr(0, std::move(msg));
    LogError("Slave SQL: " + msg + ", Internal MariaDB error code: 0");
    return SqlErr(actual, actual_msg);
  }
  if (actual == 0) return Status::Ok();  // the source hit a deadlock / timeout; the replica did not
  return SqlErr(actual, "Error '" + actual_msg + "' on query. Default database: '" + db + "'. Query: '" + q.query + "'");
}

// ---------------------------------------------------------------------------
// Rows

namespace {

// The spec MariaDB would log for the replica's column: what a Table_map
// entry must equal for the column to be applied without conversion.
Result<std::vector<binlog::ColumnSpec>> ExpectedSpecs(const TableDef& def) {
  ASSIGN_OR_RETURN(binlog::TableDescription desc, BinlogEncoder::Describe(def));
  std::vector<binlog::ColumnSpec> out;
  for (const auto& c : desc.columns) {
    ASSIGN_OR_RETURN(binlog::ColumnSpec s, binlog::ColumnSpecFor(c.type));
    out.push_back(s);
  }
  return out;
}

// Whether a source column of Table_map type/meta can be applied to a
// replica column whose own spec is `want` (slave_type_conversions empty:
// the types must be the same; ENUM/SET need only the same pack length;
// pre-5.6 temporal types equal their fsp-0 successors).
bool SameType(uint8_t type, uint16_t meta, const binlog::ColumnSpec& want) {
  using namespace binlog;
  if (type == kTypeTimestamp && want.type == kTypeTimestamp2) return want.meta == 0;
  if (type == kTypeDatetime && want.type == kTypeDatetime2) return want.meta == 0;
  if (type == kTypeTime && want.type == kTypeTime2) return want.meta == 0;
  if (type == kTypeNewDate && want.type == kTypeDate) return true;
  if (type != want.type) return false;
  if (type == kTypeString) {
    ColumnSpec src;
    src.type = type;
    src.meta = meta;
    const uint8_t real = src.real_type();
    if (real != want.real_type()) return false;
    if (real == kTypeEnum || real == kTypeSet) return src.max_length() == want.max_length();
  }
  return meta == want.meta;
}

std::string SetLabels(const ColumnDef& col, uint64_t mask) {
  std::string out;
  for (size_t i = 0; i < col.type.elements.size() && i < 64; i++) {
    if (!(mask & (uint64_t{1} << i))) continue;
    if (!out.empty()) out += ',';
    out += col.type.elements[i];
  }
  return out;
}

uint64_t AsU64(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kInt: return static_cast<uint64_t>(v.int_value());
    case Value::Kind::kUInt: return v.uint_value();
    case Value::Kind::kString: return std::strtoull(v.string_value().c_str(), nullptr, 10);
    default: return 0;
  }
}

// The handler error MariaDB names after a row operation's error.
const char* HandlerError(uint16_t code, bool has_key) {
  if (code == 1062) return "HA_ERR_FOUND_DUPP_KEY";
  if (code == 1032) return has_key ? "HA_ERR_KEY_NOT_FOUND" : "HA_ERR_END_OF_FILE";
  return nullptr;
}

}  // namespace

std::string ReplicationApply::SourceTypeName(uint8_t type, uint16_t meta) {
  using namespace binlog;
  switch (type) {
    case kTypeTiny: return "tinyint";
    case kTypeShort: return "smallint";
    case kTypeInt24: return "mediumint";
    case kTypeLong: return "int";
    case kTypeLongLong: return "bigint";
    case kTypeFloat: return "float";
    case kTypeDouble: return "double";
    case kTypeNull: return "null";
    case kTypeDecimal: return "decimal";
    case kTypeNewDecimal: return "decimal(" + std::to_string(meta >> 8) + "," + std::to_string(meta & 0xff) + ")";
    case kTypeBit: return "bit(" + std::to_string((meta >> 8) * 8 + (meta & 0xff)) + ")";
    case kTypeYear: return "year";
    case kTypeDate:
    case kTypeNewDate: return "date";
    case kTypeTimestamp:
    case kTypeTimestamp2: return "timestamp";
    case kTypeDatetime:
    case kTypeDatetime2: return "datetime";
    case kTypeTime:
    case kTypeTime2: return "time";
    case kTypeVarchar:
    case kTypeVarString: return "varchar(" + std::to_string(meta) + " octets)";
    case kTypeBlob:
      switch (meta) {
        case 1: return "tinyblob";
        case 2: return "blob";
        case 3: return "mediumblob";
        default: return "longblob";
      }
    case kTypeString: {
      ColumnSpec s;
      s.type = type;
      s.meta = meta;
      if (s.real_type() == kTypeEnum) return "enum";
      if (s.real_type() == kTypeSet) return "set";
      return "char(" + std::to_string(s.max_length()) + " octets)";
    }
    case kTypeGeometry: return "geometry";
    case kTypeJson: return "json";
    default: return "unknown type";
  }
}

std::string ReplicationApply::TargetTypeName(const ColumnDef& col, std::string_view table_collation) {
  const ColumnType& t = col.type;
  auto sign = [&](std::string s) {
    if (t.is_unsigned || t.zerofill) s += " unsigned";
    if (t.zerofill) s += " zerofill";
    return s;
  };
  auto quoted_elements = [&]() {
    std::string out;
    for (size_t i = 0; i < t.elements.size(); i++) {
      out += i ? ",'" : "'";
      for (char c : t.elements[i]) out += c == '\'' ? std::string("''") : std::string(1, c);
      out += "'";
    }
    return out;
  };
  auto fsp = [&](const char* name) {
    return t.decimals > 0 ? std::string(name) + "(" + std::to_string(t.decimals) + ")" : std::string(name);
  };
  std::string out;
  switch (t.base) {
    case BaseType::kTinyInt: out = sign("tinyint(" + std::to_string(IntegerDisplayWidth(t)) + ")"); break;
    case BaseType::kSmallInt: out = sign("smallint(" + std::to_string(IntegerDisplayWidth(t)) + ")"); break;
    case BaseType::kMediumInt: out = sign("mediumint(" + std::to_string(IntegerDisplayWidth(t)) + ")"); break;
    case BaseType::kInt: out = sign("int(" + std::to_string(IntegerDisplayWidth(t)) + ")"); break;
    case BaseType::kBigInt: out = sign("bigint(" + std::to_string(IntegerDisplayWidth(t)) + ")"); break;
    case BaseType::kDecimal:
      out = sign("decimal(" + std::to_string(t.length < 0 ? 10 : t.length) + "," +
                 std::to_string(t.decimals < 0 ? 0 : t.decimals) + ")");
      break;
    case BaseType::kFloat:
    case BaseType::kDouble: {
      out = t.base == BaseType::kFloat ? "float" : "double";
      if (t.length >= 0 && t.decimals >= 0)
        out += "(" + std::to_string(t.length) + "," + std::to_string(t.decimals) + ")";
      out = sign(out);
      break;
    }
    case BaseType::kBit: out = "bit(" + std::to_string(t.length < 0 ? 1 : t.length) + ")"; break;
    case BaseType::kChar:
    case BaseType::kVarchar: {
      std::string cs = CharsetOfCollation(EffectiveCollation(t, table_collation));
      int64_t n = (t.length < 0 ? 1 : t.length) * MaxBytesPerChar(t, table_collation);
      out = std::string(t.base == BaseType::kChar ? "char(" : "varchar(") + std::to_string(n) +
            " octets) character set " + cs;
      break;
    }
    case BaseType::kBinary: out = "binary(" + std::to_string(t.length < 0 ? 1 : t.length) + ")"; break;
    case BaseType::kVarbinary: out = "varbinary(" + std::to_string(t.length) + ")"; break;
    case BaseType::kTinyText: out = "tinytext"; break;
    case BaseType::kText: out = "text"; break;
    case BaseType::kMediumText: out = "mediumtext"; break;
    case BaseType::kLongText:
    case BaseType::kJson: out = "longtext"; break;
    case BaseType::kTinyBlob: out = "tinyblob"; break;
    case BaseType::kBlob: out = "blob"; break;
    case BaseType::kMediumBlob: out = "mediumblob"; break;
    case BaseType::kLongBlob: out = "longblob"; break;
    case BaseType::kDate: out = "date"; break;
    case BaseType::kDatetime: out = fsp("datetime"); break;
    case BaseType::kTimestamp: out = fsp("timestamp"); break;
    case BaseType::kTime: out = fsp("time"); break;
    case BaseType::kYear: out = "year(4)"; break;
    case BaseType::kEnum: out = "enum(" + quoted_elements() + ")"; break;
    case BaseType::kSet: out = "set(" + quoted_elements() + ")"; break;
  }
  return out;
}

Result<Value> ReplicationApply::FromBinlogValue(const ColumnDef& col, const Value& v,
                                                std::string_view table_collation) {
  if (v.is_null()) return v;
  const ColumnType& t = col.type;
  switch (t.base) {
    case BaseType::kChar:
    case BaseType::kVarchar:
    case BaseType::kTinyText:
    case BaseType::kText:
    case BaseType::kMediumText:
    case BaseType::kLongText:
    case BaseType::kJson: {
      if (v.kind() != Value::Kind::kString) return Value::String(v.ToText());
      std::string s = v.string_value();
      // utf8mb3/utf8mb4 text (nearly all of it) is stored as it comes: only
      // a single-byte charset (latin1, ascii, ...) is converted.
      auto utf8 = [](std::string_view name) {
        return name.size() >= 4 && (name[0] | 0x20) == 'u' && (name[1] | 0x20) == 't' &&
               (name[2] | 0x20) == 'f' && name[3] == '8';
      };
      const bool plain_utf8 = !t.collation.empty()  ? utf8(t.collation)
                              : !t.charset.empty()  ? utf8(t.charset)
                                                    : table_collation.empty() || utf8(table_collation);
      if (t.base != BaseType::kJson && !plain_utf8) {
        std::string cs = CharsetOfCollation(EffectiveCollation(t, table_collation));
        if (IsSingleByteCharset(cs)) s = SingleByteToUtf8(s, cs == "ascii");
      }
      // CHAR is stored without trailing spaces (MariaDB logs it so too).
      if (t.base == BaseType::kChar)
        while (!s.empty() && s.back() == ' ') s.pop_back();
      return Value::String(std::move(s));
    }
    case BaseType::kBinary: {
      std::string s = v.kind() == Value::Kind::kString ? v.string_value() : v.ToText();
      size_t len = t.length < 0 ? 1 : static_cast<size_t>(t.length);
      if (s.size() < len) s.append(len - s.size(), '\0');
      return Value::String(std::move(s));
    }
    case BaseType::kEnum: {
      uint64_t idx = AsU64(v);
      if (idx == 0 || idx > t.elements.size()) return Value::String("");
      return Value::String(t.elements[idx - 1]);
    }
    case BaseType::kSet: return Value::String(SetLabels(col, AsU64(v)));
    case BaseType::kTimestamp: {
      int fsp = t.decimals < 0 ? 0 : t.decimals;
      ASSIGN_OR_RETURN(std::string text, binlog::TimestampValueToUtcDatetime(v.ToText(), fsp));
      return Value::String(std::move(text));
    }
    case BaseType::kBigInt:
      if (t.is_unsigned) return Value::String(v.kind() == Value::Kind::kString ? v.string_value()
                                                                              : std::to_string(AsU64(v)));
      return v;
    case BaseType::kDecimal:
      return v.kind() == Value::Kind::kString ? v : Value::String(v.ToText());
    default:
      return v;
  }
}

Status ReplicationApply::MapTable(const binlog::TableMapEvent& tm, GroupState* gs) {
  MappedTable mt;
  mt.tm = tm;
  const ReplicationFilter& f = options_.filter;
  if (!f.empty()) {
    mt.tm.db = f.RewriteDb(tm.db);
    if (!f.DbOk(mt.tm.db) || !f.TablesOk({{mt.tm.db, tm.table}})) {
      mt.filtered = true;
      gs->tables[tm.table_id] = std::move(mt);
      return Status::Ok();
    }
  }
  mt.def = session_->engine_->catalog().GetTable(mt.tm.db, tm.table);
  // The same Table_map (a source reuses a table's id while it is open) for
  // the same table definition maps the same way: reuse the work.
  std::string key = tm.Encode();
  if (auto c = map_cache_.find(key); c != map_cache_.end() && c->second->def == mt.def) {
    gs->tables[tm.table_id] = *c->second;
    return Status::Ok();
  }
  mt.specs = binlog::ColumnSpecsFromTableMap(tm);
  if (mt.def) {
    const TableDef& def = *mt.def;
    auto want = ExpectedSpecs(def);
    if (!want.ok()) {
      mt.compat = SqlErr(1677, "Column 0 of table '" + tm.db + "." + tm.table + "' cannot be converted: " +
                                   want.status().message());
    } else {
      const size_t n = std::min(tm.column_count(), def.columns.size());
      for (size_t i = 0; i < n; i++) {
        const binlog::ColumnSpec& w = (*want)[i];
        if (!SameType(tm.column_types[i], tm.column_meta[i], w)) {
          mt.compat = SqlErr(1677, "Column " + std::to_string(i) + " of table '" + Truncated(tm.db, 192) + "." +
                                       Truncated(tm.table, 192) + "' cannot be converted from type '" +
                                       Truncated(SourceTypeName(tm.column_types[i], tm.column_meta[i]), 50) +
                                       "' to type '" +
                                       Truncated(TargetTypeName(def.columns[i], def.collation), 50) + "'");
          break;
        }
        // The replica's column decides signedness and BINARY padding, as
        // MariaDB unpacks into its own field.
        mt.specs[i].is_unsigned = w.is_unsigned;
        mt.specs[i].binary = w.binary;
      }
    }
  }
  if (map_cache_.size() >= kMapCacheSize) map_cache_.clear();
  map_cache_[std::move(key)] = std::make_shared<MappedTable>(mt);
  gs->tables[tm.table_id] = std::move(mt);
  return Status::Ok();
}

Status ReplicationApply::ApplyRows(const EventGroup& group, const binlog::Event& ev, const binlog::RowsEvent& rows,
                                   GroupState* gs) {
  auto it = gs->tables.find(rows.table_id);
  if (it == gs->tables.end())
    return RelayLogReadFailure();  // rows without their Table_map
  MappedTable& mt = it->second;
  if (mt.filtered) return Status::Ok();
  if (!mt.def)
    return SqlErr(1146, "Error executing row event: 'Table '" + mt.tm.db + "." + mt.tm.table + "' doesn't exist'");
  if (!mt.compat.ok()) return mt.compat;
  auto decoded = binlog::DecodeRows(rows, mt.specs);
  if (!decoded.ok()) {
    LogError("Slave SQL: " + decoded.status().ToString());
    return RelayLogReadFailure();
  }
  const TableDef& def = *mt.def;
  const size_t ncols = def.columns.size();
  const size_t nsrc = std::min<size_t>(mt.tm.column_count(), ncols);
  const std::string table = Quote(SqliteTableName(def.db, def.name));
  const std::string type_name = binlog::EventTypeName(ev.header.type);
  const bool has_key = !def.indexes.empty();
  if (!gs->exec_mode_known) {
    gs->idempotent = session_->vars().globals()->GetString("slave_exec_mode") == "IDEMPOTENT";
    gs->exec_mode_known = true;
  }
  const bool idempotent = gs->idempotent;
  storage::Connection& conn = *session_->conn_;
  RETURN_IF_ERROR(session_->BeginWrite(/*statement_unit=*/false));
  // Without --log-slave-updates nothing is logged: the row changes need not
  // be captured (decoding every changed row for nothing).
  const bool logging = session_->vars().hot().sql_log_bin;
  struct CaptureOff {
    storage::ChangeCapture* c;
    bool was;
    ~CaptureOff() {
      if (was) c->Enable();
    }
  } capture_off{session_->capture_.get(), !logging && session_->capture_->enabled()};
  if (capture_off.was) session_->capture_->Disable();

  auto fail = [&](const Status& e) -> Status {
    std::string msg = "Could not execute " + type_name + " event on table " + def.db + "." + def.name + "; " +
                      e.message() + ", Error_code: " + std::to_string(e.mysql_errno()) + ";";
    if (const char* ha = HandlerError(e.mysql_errno(), has_key)) msg += std::string(" handler error ") + ha + ";";
    msg += " the event's master log " + group.master_log + ", end_log_pos " + std::to_string(ev.header.log_pos);
    return SqlErr(e.mysql_errno(), std::move(msg));
  };
  auto stored = [&](const std::vector<Value>& image, size_t i) -> Result<Value> {
    return FromBinlogValue(def.columns[i], image[i], def.collation);
  };
  // The largest AUTO_INCREMENT value the event wrote: the counter is raised
  // past it once, after the event's rows (not once per row).
  std::optional<uint64_t> max_auto_increment;
  auto note_auto_increment = [&](const std::vector<Value>& row) -> Status {
    for (size_t i = 0; i < ncols; i++) {
      if (!def.columns[i].auto_increment || row[i].is_null()) continue;
      uint64_t v = AsU64(row[i]);
      if (row[i].kind() == Value::Kind::kInt && row[i].int_value() < 0) continue;
      if (!max_auto_increment || v > *max_auto_increment) max_auto_increment = v;
    }
    return Status::Ok();
  };
  // The row a before image names: by primary key when the image has it,
  // else the first row equal to the image (NULL-safe, byte comparison).
  auto find_row = [&](const std::vector<Value>& before, const std::vector<bool>& present,
                      int64_t* rowid) -> Result<bool> {
    std::vector<size_t> cols;
    bool by_key = false;
    if (const IndexDef* pk = def.PrimaryKey()) {
      by_key = true;
      for (const auto& ic : pk->columns) {
        int ci = def.FindColumn(ic.name);
        if (ci < 0 || static_cast<size_t>(ci) >= nsrc || !present[ci]) {
          by_key = false;
          break;
        }
        cols.push_back(static_cast<size_t>(ci));
      }
    }
    if (!by_key) {
      cols.clear();
      for (size_t i = 0; i < nsrc; i++)
        if (present[i]) cols.push_back(i);
    }
    std::string sql = "SELECT rowid FROM " + table;
    for (size_t k = 0; k < cols.size(); k++) {
      sql += k ? " AND " : " WHERE ";
      sql += Quote(def.columns[cols[k]].name) + (by_key ? " = ?" : " IS ? COLLATE BINARY");
    }
    sql += " ORDER BY rowid LIMIT 1";
    storage::Statement st;
    RETURN_IF_ERROR(conn.Prepare(sql, &st));
    for (size_t k = 0; k < cols.size(); k++) {
      ASSIGN_OR_RETURN(Value v, stored(before, cols[k]));
      RETURN_IF_ERROR(BindStored(st, static_cast<int>(k + 1), def.columns[cols[k]], v));
    }
    bool row = false;
    RETURN_IF_ERROR(st.Step(&row));
    if (row) *rowid = st.ColumnInt64(0);
    st.Reset();
    return row;
  };
  auto not_found = [&]() {
    return Status::SqlError(1032, "HY000", "Can't find record in '" + def.name + "'");
  };

  // Write: one INSERT of every replica column, prepared once per event.
  storage::Statement insert;
  CoerceContext defaults;  // for columns the source does not have
  defaults.sql_mode = 0;
  const std::string now = session_->NowText(6);
  defaults.now = now;
  if (rows.is_write()) {
    std::string sql = std::string(idempotent ? "INSERT OR REPLACE INTO " : "INSERT INTO ") + table + " (";
    for (size_t i = 0; i < ncols; i++) sql += (i ? ", " : "") + Quote(def.columns[i].name);
    sql += ") VALUES (";
    for (size_t i = 0; i < ncols; i++) sql += i ? ", ?" : "?";
    sql += ")";
    RETURN_IF_ERROR(conn.Prepare(sql, &insert));
  }

  for (const binlog::RowChange& change : decoded->rows) {
    if (rows.is_write()) {
      std::vector<Value> row(ncols);
      for (size_t i = 0; i < ncols; i++) {
        const ColumnDef& col = def.columns[i];
        if (i < nsrc && decoded->after_present[i]) {
          ASSIGN_OR_RETURN(row[i], stored(change.after, i));
          continue;
        }
        // A column the source does not have (or did not log): its default.
        auto d = DefaultFor(col, defaults);
        row[i] = d.ok() ? *d : Value::Null();
        if (row[i].is_null() && col.auto_increment) {
          ASSIGN_OR_RETURN(uint64_t next, session_->engine_->catalog().ReserveAutoIncrement(conn, def, 1));
          row[i] = col.type.base == BaseType::kBigInt && col.type.is_unsigned ? Value::String(std::to_string(next))
                                                                              : Value::Int(static_cast<int64_t>(next));
        } else if (row[i].is_null() && !col.nullable) {
          row[i] = ImplicitDefault(col);
        }
      }
      for (size_t i = 0; i < ncols; i++)
        RETURN_IF_ERROR(BindStored(insert, static_cast<int>(i + 1), def.columns[i], row[i]));
      Status r = insert.Run();
      insert.Reset();
      if (!r.ok()) return fail(session_->MapSqliteError(r, &def, &row));
      RETURN_IF_ERROR(note_auto_increment(row));
      continue;
    }
    int64_t rowid = 0;
    ASSIGN_OR_RETURN(bool found, find_row(change.before, decoded->before_present, &rowid));
    if (!found) {
      if (idempotent) continue;  // slave_exec_mode=IDEMPOTENT: a missing row is not an error
      return fail(not_found());
    }
    if (rows.is_delete()) {
      storage::Statement st;
      RETURN_IF_ERROR(conn.Prepare("DELETE FROM " + table + " WHERE rowid = ?", &st));
      RETURN_IF_ERROR(st.BindInt64(1, rowid));
      Status r = st.Run();
      st.Reset();
      if (!r.ok()) return fail(session_->MapSqliteError(r, &def, nullptr));
      continue;
    }
    // Update: the after image's columns; the others keep their values.
    std::vector<size_t> cols;
    for (size_t i = 0; i < nsrc; i++)
      if (decoded->after_present[i]) cols.push_back(i);
    if (cols.empty()) continue;
    std::vector<Value> after(ncols);
    std::string sql = "UPDATE " + table + " SET ";
    for (size_t k = 0; k < cols.size(); k++) sql += (k ? ", " : "") + Quote(def.columns[cols[k]].name) + " = ?";
    sql += " WHERE rowid = ?";
    storage::Statement st;
    RETURN_IF_ERROR(conn.Prepare(sql, &st));
    for (size_t k = 0; k < cols.size(); k++) {
      ASSIGN_OR_RETURN(after[cols[k]], stored(change.after, cols[k]));
      RETURN_IF_ERROR(BindStored(st, static_cast<int>(k + 1), def.columns[cols[k]], after[cols[k]]));
    }
    RETURN_IF_ERROR(st.BindInt64(static_cast<int>(cols.size() + 1), rowid));
    Status r = st.Run();
    st.Reset();
    if (!r.ok()) {
      // The 1062 message names the key's new values: the row as the update
      // would have left it (a successful read keeps the connection's last
      // error, which MapSqliteError reads).
      std::vector<Value> full(ncols);
      storage::Statement cur;
      RETURN_IF_ERROR(conn.Prepare("SELECT * FROM " + table + " WHERE rowid = ?", &cur));
      RETURN_IF_ERROR(cur.BindInt64(1, rowid));
      bool has = false;
      RETURN_IF_ERROR(cur.Step(&has));
      for (size_t i = 0; has && i < ncols; i++) full[i] = cur.ColumnAsValue(static_cast<int>(i));
      cur.Reset();
      for (size_t c : cols) full[c] = after[c];
      return fail(session_->MapSqliteError(r, &def, &full));
    }
    RETURN_IF_ERROR(note_auto_increment(after));
  }

  if (max_auto_increment)
    RETURN_IF_ERROR(session_->engine_->catalog().NoteAutoIncrementValue(conn, def, *max_auto_increment));
  if (!logging) return Status::Ok();
  // Into the transaction's log (for --log-slave-updates): the changes as
  // row events, and at the statement's end the statement that made them.
  session_->CollectChanges(mt.def);
  if (!gs->rows_pending) {
    gs->rows_pending = true;
    gs->rows_timestamp = ev.header.timestamp;
    gs->rows_db = def.db;
  }
  if (rows.flags & binlog::kStmtEndF) {
    TxnEvent st;
    st.kind = TxnEvent::Kind::kStatement;
    st.statement.query = gs->annotate;
    st.statement.db = gs->rows_db;
    st.statement.timestamp = gs->rows_timestamp;
    st.statement.thread_id = static_cast<uint32_t>(session_->connection_id());
    st.statement.format = static_cast<uint8_t>(BinlogFormat::kRow);
    std::string md = session_->vars().globals()->GetString("binlog_row_metadata");
    st.statement.row_metadata = md == "FULL" ? 2 : md == "MINIMAL" ? 1 : 0;
    session_->txn_log_.events.push_back(std::move(st));
    gs->rows_pending = false;
    gs->annotate.clear();
  }
  return Status::Ok();
}

}  // namespace relaydb::sql
