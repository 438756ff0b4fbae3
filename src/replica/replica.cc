// Replica. See replica.h.
#include "replica/replica.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>

#include "common/logging.h"
#include "sql/replication_apply.h"
#include "sql/variables.h"

namespace relaydb::replica {

namespace {

// The --replicate-* rules (sql/replication_filter.h).
constexpr const char* kFilterVariables[] = {
    "replicate_do_db",         "replicate_ignore_db",         "replicate_do_table",   "replicate_ignore_table",
    "replicate_wild_do_table", "replicate_wild_ignore_table", "replicate_rewrite_db",
};

Status RunningSlave() {
  return Status::SqlError(1198, "HY000",
                          "This operation cannot be performed as you have a running slave ''; run STOP SLAVE '' "
                          "first");
}

sql::SqlWarning Note(uint16_t code, std::string text) {
  return sql::SqlWarning{sql::SqlWarning::Level::kNote, code, std::move(text)};
}

bool ParseUInt(const std::string& s, uint64_t* out) {
  if (s.empty()) return false;
  char* end = nullptr;
  errno = 0;
  unsigned long long v = strtoull(s.c_str(), &end, 10);
  if (errno != 0 || *end != '\0') return false;
  *out = v;
  return true;
}

// The file name part of a path ("./host-relay-bin.000002" -> "host-relay-bin.000002").
std::string FileName(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

Status Incorrect(const std::string& what) {
  return Status::SqlError(1210, "HY000", "Incorrect arguments to " + what);
}

}  // namespace

Replica::Replica(ReplicaConfig config) : config_(std::move(config)) {}

Replica::~Replica() {
  for (const char* v : {"Slave_running", "Slaves_running", "Slave_received_heartbeats", "Slave_heartbeat_period"})
    config_.engine->status().SetProvider(v, nullptr);
  if (config_.variables)
    for (const char* v : kFilterVariables) config_.variables->OnChange(v, nullptr);
  Shutdown();
}

Result<std::unique_ptr<Replica>> Replica::Open(ReplicaConfig config) {
  std::unique_ptr<Replica> r(new Replica(std::move(config)));
  RETURN_IF_ERROR(r->Init());
  return r;
}

uint32_t Replica::HeartbeatDefault() const {
  uint64_t t = config_.variables ? config_.variables->GetUInt("slave_net_timeout") : 60;
  return static_cast<uint32_t>(t / 2);
}

Status Replica::Init() {
  {
    // The Slave_* status variables MariaDB keeps for the default connection.
    sql::GlobalStatus& status = config_.engine->status();
    auto both_running = [this] {
      std::lock_guard l(mu_);
      return io_ && io_->running() && applier_ && applier_->running();
    };
    status.SetProvider("Slave_running", [both_running] { return std::string(both_running() ? "ON" : "OFF"); });
    status.SetProvider("Slaves_running", [both_running] { return std::string(both_running() ? "1" : "0"); });
    status.SetProvider("Slave_received_heartbeats", [this] {
      std::lock_guard l(mu_);
      return std::to_string(heartbeats_before_ + (io_ ? io_->status().heartbeats_received : 0));
    });
    status.SetProvider("Slave_heartbeat_period", [this] {
      std::lock_guard l(mu_);
      double p = 0;
      if (mi_) p = mi_->heartbeat_period == 0 && !mi_heartbeat_explicit_ ? HeartbeatDefault() : mi_->heartbeat_period;
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.3f", p);
      return std::string(buf);
    });
  }
  if (config_.variables) {
    // The SQL thread reads the rules when it starts: they may change only
    // while it is stopped (MariaDB's 1198).
    for (const char* v : kFilterVariables) {
      config_.variables->OnChange(v, [this](const sql::SysVarDef&, const Value&) -> Status {
        std::lock_guard l(mu_);
        return applier_ && applier_->running() ? RunningSlave() : Status::Ok();
      });
    }
  }
  ASSIGN_OR_RETURN(auto mi, ReadMasterInfo(Path(config_.master_info_file)));
  if (mi && !mi->host.empty()) mi_ = *mi;
  std::lock_guard l(mu_);
  RETURN_IF_ERROR(OpenRelayLogLocked());
  // relay-log.info follows the applied position committed with the data.
  RETURN_IF_ERROR(WithApply([&](sql::ReplicationApply& apply) -> Status {
    ASSIGN_OR_RETURN(auto pos, apply.LoadAppliedPosition());
    return pos ? WriteRelayLogInfo(*pos) : Status::Ok();
  }));
  if (configured() && !config_.skip_slave_start) {
    Status s = StartIoLocked();
    if (s.ok()) s = StartSqlLocked({});
    if (!s.ok()) LogError("Slave: cannot start replication: " + s.ToString());
  }
  return Status::Ok();
}

Status Replica::WithApply(const std::function<Status(sql::ReplicationApply&)>& fn) {
  sql::Session s(config_.engine, nullptr);
  s.SetSystemUser(true);
  RETURN_IF_ERROR(s.Init());
  sql::ReplicationApply apply(&s);
  RETURN_IF_ERROR(apply.Init());
  return fn(apply);
}

Status Replica::OpenRelayLogLocked() {
  if (relay_) return Status::Ok();
  RelayLogOptions ro;
  std::string base = config_.relay_log_basename;
  if (base.empty()) base = config_.datadir + "/" + DefaultRelayLogBasename();
  size_t slash = base.rfind('/');
  ro.dir = slash == std::string::npos ? config_.datadir : base.substr(0, slash);
  ro.basename = FileName(base);
  ro.server_id = config_.server_id;
  if (config_.variables) {
    ro.max_relay_log_size = config_.variables->GetUInt("max_relay_log_size");
    ro.max_binlog_size = config_.variables->GetUInt("max_binlog_size");
    ro.space_limit = config_.variables->GetUInt("relay_log_space_limit");
    ro.purge = config_.variables->GetBool("relay_log_purge");
  }
  ASSIGN_OR_RETURN(relay_, RelayLog::Open(ro));
  return Status::Ok();
}

Status Replica::WriteRelayLogInfo(const sql::AppliedPosition& p) {
  RelayLogInfo rli;
  // MariaDB writes the relay log as "./name" (relative to the datadir).
  rli.relay_log_file = p.relay_file.empty() || p.relay_file[0] == '.' || p.relay_file[0] == '/'
                           ? p.relay_file
                           : "./" + p.relay_file;
  rli.relay_log_pos = p.relay_pos;
  rli.relay_master_log_file = p.master_file;
  rli.exec_master_log_pos = p.master_pos;
  rli.sql_delay = master_delay_;
  return replica::WriteRelayLogInfo(Path(config_.relay_log_info_file), rli, /*durable=*/false);
}

Status Replica::StartIoLocked() {
  if (io_ && io_->running()) return Status::Ok();
  if (io_) {
    mi_ = io_->master_info();
    io_.reset();
  }
  IoThreadConfig ic;
  ic.master_info = *mi_;
  if (ic.master_info.heartbeat_period == 0 && !mi_heartbeat_explicit_) ic.master_info.heartbeat_period = HeartbeatDefault();
  ic.master_info_path = Path(config_.master_info_file);
  ic.server_id = config_.server_id;
  ic.replicate_same_server_id = config_.replicate_same_server_id;
  if (config_.variables) {
    ic.slave_net_timeout = static_cast<uint32_t>(config_.variables->GetUInt("slave_net_timeout"));
    ic.report_host = config_.variables->GetString("report_host");
    ic.report_port = static_cast<uint16_t>(config_.variables->GetUInt("report_port"));
  }
  if (ic.report_port == 0) ic.report_port = config_.server_port;
  ic.relay = relay_.get();
  ic.proc = config_.processlist->Register();
  io_proc_ = ic.proc;
  {
    ProcessList* pl = config_.processlist;
    uint64_t id = ic.proc->id();
    ic.on_exit = [pl, id] { pl->Unregister(id); };
  }
  io_ = std::make_unique<IoThread>(ic);
  return io_->Start();
}

Status Replica::StartSqlLocked(const UntilCondition& until) {
  if (applier_ && applier_->running()) return Status::Ok();
  // A thread that stopped (error, UNTIL) is replaced: the new one starts from
  // the position committed with the data, i.e. retries the failed group.
  if (applier_) {
    uint64_t pending_skip = applier_->status().skip_counter;
    if (skip_counter_ == 0) skip_counter_ = pending_skip;
    StopSqlLocked();
  }
  {
    sql_proc_ = config_.processlist->Register();
    sql_proc_->SetUser("system user", "");
    sql_session_ = std::make_unique<sql::Session>(config_.engine, sql_proc_);
    sql_session_->SetSystemUser(true);
    RETURN_IF_ERROR(sql_session_->Init());
    ApplierConfig ac;
    ac.relay_log_dir = relay_->dir();
    ac.relay_log_index = relay_->index_path();
    ac.live = relay_.get();
    ac.session = sql_session_.get();
    ac.server_id = config_.server_id;
    ac.replicate_same_server_id = config_.replicate_same_server_id;
    if (config_.variables) ac.filter = sql::ReplicationFilter::FromVariables(*config_.variables);
    RelayLog* relay = relay_.get();
    ac.on_position = [this](const sql::AppliedPosition& p) {
      Status s = WriteRelayLogInfo(p);
      if (!s.ok()) LogWarning("Slave SQL: cannot write relay-log.info: " + s.ToString());
    };
    {
      ProcessList* pl = config_.processlist;
      uint64_t id = sql_proc_->id();
      ac.on_exit = [pl, id] { pl->Unregister(id); };
    }
    ac.on_relay_log_done = [relay](const std::string& file) {
      // `file` is fully executed: it and every earlier relay log can go.
      Status s = relay->PurgeThrough(FileName(file));
      if (!s.ok()) LogWarning("Slave SQL: cannot purge relay logs: " + s.ToString());
    };
    applier_ = std::make_unique<Applier>(ac);
    RETURN_IF_ERROR(applier_->Init());
  }
  applier_->SetMasterDelay(master_delay_);
  if (skip_counter_ != 0) {
    applier_->SetSkipCounter(skip_counter_);
    skip_counter_ = 0;
  }
  // The SQL thread owns the counter now; @@sql_slave_skip_counter reads 0
  // once it has been consumed.
  if (config_.variables) config_.variables->Force("sql_slave_skip_counter", Value::Int(0));
  return applier_->Start(until);
}

void Replica::StopIoLocked() {
  if (!io_) return;
  io_->Stop();
  mi_ = io_->master_info();
  last_io_ = io_->status();
  heartbeats_before_ += last_io_.heartbeats_received;
  last_io_.heartbeats_received = 0;
  io_.reset();
  if (io_proc_) {
    config_.processlist->Unregister(io_proc_->id());
    io_proc_.reset();
  }
}

void Replica::StopSqlLocked() {
  if (!applier_) return;
  applier_->Stop();
  applier_->Join();
  last_sql_ = applier_->status();
  events_before_ += last_sql_.events_executed;
  last_sql_.events_executed = 0;
  applier_.reset();
  sql_session_.reset();
  if (sql_proc_) {
    config_.processlist->Unregister(sql_proc_->id());
    sql_proc_.reset();
  }
}

void Replica::Shutdown() {
  std::lock_guard l(mu_);
  StopIoLocked();
  StopSqlLocked();
  if (relay_) {
    Status s = relay_->Close();
    if (!s.ok()) LogWarning("Slave: closing the relay log: " + s.ToString());
  }
}

// ---------------------------------------------------------------------------
// CHANGE MASTER TO

Status Replica::ChangeMaster(const sql::ChangeMasterStmt& st, std::vector<sql::SqlWarning>* warnings) {
  std::lock_guard l(mu_);
  if ((io_ && io_->running()) || (applier_ && applier_->running())) return RunningSlave();
  MasterInfo mi = mi_.value_or(MasterInfo());
  if (io_) mi = io_->master_info();
  bool host_changed = false, log_given = false, relay_given = false;
  std::optional<std::string> relay_file;
  std::optional<uint64_t> relay_pos;
  uint32_t delay = master_delay_;
  for (const auto& o : st.options) {
    uint64_t n = 0;
    switch (o.option) {
      case sql::ReplOption::kHost:
        if (o.value.empty()) return Incorrect("MASTER_HOST");
        host_changed = host_changed || o.value != mi.host;
        mi.host = o.value;
        break;
      case sql::ReplOption::kPort:
        if (!ParseUInt(o.value, &n) || n > 65535) return Incorrect("MASTER_PORT");
        host_changed = host_changed || n != mi.port;
        mi.port = static_cast<uint32_t>(n);
        break;
      case sql::ReplOption::kUser: mi.user = o.value; break;
      case sql::ReplOption::kPassword: mi.password = o.value; break;
      case sql::ReplOption::kLogFile:
        mi.master_log_file = o.value;
        log_given = true;
        break;
      case sql::ReplOption::kLogPos:
        if (!ParseUInt(o.value, &n)) return Incorrect("MASTER_LOG_POS");
        mi.read_master_log_pos = std::max<uint64_t>(n, 4);
        log_given = true;
        break;
      case sql::ReplOption::kRelayLogFile:
        relay_file = o.value;
        relay_given = true;
        break;
      case sql::ReplOption::kRelayLogPos:
        if (!ParseUInt(o.value, &n)) return Incorrect("RELAY_LOG_POS");
        relay_pos = std::max<uint64_t>(n, 4);
        relay_given = true;
        break;
      case sql::ReplOption::kConnectRetry:
        if (!ParseUInt(o.value, &n) || n == 0) return Incorrect("MASTER_CONNECT_RETRY");
        mi.connect_retry = static_cast<uint32_t>(std::min<uint64_t>(n, UINT32_MAX));
        break;
      case sql::ReplOption::kHeartbeatPeriod: {
        char* end = nullptr;
        double p = strtod(o.value.c_str(), &end);
        if (end == o.value.c_str() || *end != '\0' || p < 0 || p > 4294967)
          return Status::SqlError(1703, "HY000",
                                  "The requested value for the heartbeat period is either negative or exceeds the "
                                  "maximum allowed (4294967 seconds).");
        if (p != 0 && p < 0.001) {
          warnings->push_back(sql::SqlWarning{sql::SqlWarning::Level::kWarning, 1704,
                                              "The requested value for the heartbeat period is less than 1 "
                                              "millisecond. The value is reset to 0, meaning that heartbeating "
                                              "will effectively be disabled."});
          p = 0;
        }
        mi.heartbeat_period = p;
        mi_heartbeat_explicit_ = true;
        break;
      }
      case sql::ReplOption::kDelay:
        if (!ParseUInt(o.value, &n) || n > 2147483647)
          return Status::SqlError(1729, "HY000",
                                  "The requested value " + o.value +
                                      " for the master delay exceeds the maximum 2147483647");
        delay = static_cast<uint32_t>(n);
        break;
      case sql::ReplOption::kIgnoreServerIds: {
        mi.ignore_server_ids.clear();
        for (const auto& id : o.ids) {
          if (!ParseUInt(id, &n)) return Incorrect("IGNORE_SERVER_IDS");
          mi.ignore_server_ids.push_back(static_cast<uint32_t>(n));
        }
        std::sort(mi.ignore_server_ids.begin(), mi.ignore_server_ids.end());
        break;
      }
      case sql::ReplOption::kUseGtid:
        if (o.value != "no")
          return Status::SqlError(1235, "42000", "This version of MariaDB doesn't yet support 'MASTER_USE_GTID=" +
                                                     o.value + "' (relaydb replicas use file and position)");
        mi.using_gtid = UseGtid::kNo;
        break;
      case sql::ReplOption::kSsl:
        if (o.value != "0")
          return Status::SqlError(1235, "42000", "This version of MariaDB doesn't yet support 'MASTER_SSL'");
        mi.ssl = false;
        break;
      case sql::ReplOption::kSslCa: mi.ssl_ca = o.value; break;
      case sql::ReplOption::kSslCapath: mi.ssl_capath = o.value; break;
      case sql::ReplOption::kSslCert: mi.ssl_cert = o.value; break;
      case sql::ReplOption::kSslCipher: mi.ssl_cipher = o.value; break;
      case sql::ReplOption::kSslKey: mi.ssl_key = o.value; break;
      case sql::ReplOption::kSslCrl: mi.ssl_crl = o.value; break;
      case sql::ReplOption::kSslCrlpath: mi.ssl_crlpath = o.value; break;
      case sql::ReplOption::kSslVerifyServerCert: mi.ssl_verify_server_cert = o.value != "0"; break;
      default:
        return Status::SqlError(1235, "42000",
                                "This version of MariaDB doesn't yet support '" + o.written + "'");
    }
  }
  if (log_given && relay_given)
    return Status::SqlError(1210, "HY000",
                            "Incorrect arguments to MASTER_LOG_FILE/MASTER_LOG_POS and RELAY_LOG_FILE/RELAY_LOG_POS "
                            "cannot be specified at the same time");
  if (mi.host.empty())
    return Status::SqlError(1210, "HY000", "Incorrect arguments to MASTER_HOST");
  if (host_changed && !log_given) {
    mi.master_log_file.clear();
    mi.read_master_log_pos = 4;
  }
  // New source coordinates: the relay logs are of no use any more; the SQL
  // thread starts from the new coordinates.
  if (relay_given) {
    RETURN_IF_ERROR(WithApply([&](sql::ReplicationApply& apply) -> Status {
      ASSIGN_OR_RETURN(auto cur, apply.LoadAppliedPosition());
      sql::AppliedPosition p = cur.value_or(sql::AppliedPosition());
      if (relay_file) p.relay_file = FileName(*relay_file);
      if (relay_pos) p.relay_pos = *relay_pos;
      if (p.relay_pos < 4) p.relay_pos = 4;
      RETURN_IF_ERROR(apply.SavePosition(p));
      return WriteRelayLogInfo(p);
    }));
  } else if (log_given || host_changed || !mi_) {
    RETURN_IF_ERROR(relay_->Reset());
    sql::AppliedPosition p;
    p.master_file = mi.master_log_file;
    p.master_pos = mi.read_master_log_pos;
    RETURN_IF_ERROR(WithApply([](sql::ReplicationApply& apply) { return apply.ResetPosition(); }));
    RETURN_IF_ERROR(WriteRelayLogInfo(p));
    last_sql_ = ApplierStatus();
    last_sql_.position = p;
    exec_fallback_ = p;
  }
  master_delay_ = delay;
  RETURN_IF_ERROR(WriteMasterInfo(Path(config_.master_info_file), mi));
  mi_ = mi;
  heartbeats_before_ = 0;
  last_io_ = IoStatus();
  last_io_.master_log_file = mi.master_log_file;
  last_io_.read_master_log_pos = mi.read_master_log_pos;
  io_.reset();
  applier_.reset();
  return Status::Ok();
}

// ---------------------------------------------------------------------------
// START / STOP / RESET SLAVE

Status Replica::StartSlave(const sql::ReplicaControlStmt& st, std::vector<sql::SqlWarning>* warnings) {
  std::lock_guard l(mu_);
  if (!configured())
    return Status::SqlError(1200, "HY000",
                            "Misconfigured slave: MASTER_HOST was not set; Fix in config file or with CHANGE MASTER TO");
  bool want_io = st.io_thread || !st.sql_thread;
  bool want_sql = st.sql_thread || !st.io_thread;
  UntilCondition until;
  if (!st.until.empty()) {
    std::string file;
    std::optional<uint64_t> pos;
    bool master = false, relay = false;
    for (const auto& o : st.until) {
      uint64_t n = 0;
      switch (o.option) {
        case sql::ReplOption::kLogFile: file = o.value, master = true; break;
        case sql::ReplOption::kLogPos:
          if (!ParseUInt(o.value, &n)) return Incorrect("MASTER_LOG_POS");
          pos = n, master = true;
          break;
        case sql::ReplOption::kRelayLogFile: file = o.value, relay = true; break;
        case sql::ReplOption::kRelayLogPos:
          if (!ParseUInt(o.value, &n)) return Incorrect("RELAY_LOG_POS");
          pos = n, relay = true;
          break;
        default:
          return Status::SqlError(1235, "42000",
                                  "This version of MariaDB doesn't yet support 'UNTIL " + o.written + "'");
      }
    }
    if ((master && relay) || file.empty() || !pos)
      return Status::SqlError(1277, "HY000", "Incorrect parameter or combination of parameters for START SLAVE UNTIL");
    until.kind = master ? UntilCondition::Kind::kMaster : UntilCondition::Kind::kRelay;
    until.file = file;
    until.pos = *pos;
    if (!want_sql) {
      warnings->push_back(Note(1279, "SQL thread is not to be started so UNTIL options are ignored"));
      until = UntilCondition();
    } else {
      warnings->push_back(Note(1278, "It is recommended to use --skip-slave-start when doing step-by-step "
                                     "replication with START SLAVE UNTIL; otherwise, you will get problems if "
                                     "you get an unexpected slave's mariadbd restart"));
    }
  }
  bool io_running = io_ && io_->running();
  bool sql_running = applier_ && applier_->running();
  if ((!want_io || io_running) && (!want_sql || sql_running)) {
    warnings->push_back(Note(1254, "Slave is already running"));
    return Status::Ok();
  }
  if (want_io && !io_running) RETURN_IF_ERROR(StartIoLocked());
  if (want_sql && !sql_running) RETURN_IF_ERROR(StartSqlLocked(until));
  return Status::Ok();
}

Status Replica::StopSlave(const sql::ReplicaControlStmt& st, std::vector<sql::SqlWarning>* warnings) {
  std::lock_guard l(mu_);
  bool want_io = st.io_thread || !st.sql_thread;
  bool want_sql = st.sql_thread || !st.io_thread;
  bool io_running = io_ && io_->running();
  bool sql_running = applier_ && applier_->running();
  if ((!want_io || !io_running) && (!want_sql || !sql_running)) {
    warnings->push_back(Note(1255, "Slave already has been stopped"));
  }
  if (want_io) StopIoLocked();
  if (want_sql) StopSqlLocked();
  return Status::Ok();
}

Status Replica::ResetSlave(bool all, std::vector<sql::SqlWarning>* warnings) {
  std::lock_guard l(mu_);
  if ((io_ && io_->running()) || (applier_ && applier_->running())) return RunningSlave();
  if (io_) mi_ = io_->master_info();
  io_.reset();
  applier_.reset();
  RETURN_IF_ERROR(relay_->Reset());
  RETURN_IF_ERROR(WithApply([](sql::ReplicationApply& apply) { return apply.ResetPosition(); }));
  unlink(Path(config_.master_info_file).c_str());
  unlink(Path(config_.relay_log_info_file).c_str());
  last_io_ = IoStatus();
  last_sql_ = ApplierStatus();
  exec_fallback_ = sql::AppliedPosition();
  master_delay_ = 0;
  if (all) {
    mi_.reset();
  } else if (mi_) {
    // Connection parameters stay (in memory, as MariaDB keeps them); the
    // coordinates start over.
    mi_->master_log_file.clear();
    mi_->read_master_log_pos = 4;
  }
  return Status::Ok();
}

Status Replica::FlushRelayLogs() {
  std::lock_guard l(mu_);
  if (!relay_) return Status::Ok();
  return relay_->Flush();
}

Status Replica::SetSkipCounter(uint64_t n) {
  std::lock_guard l(mu_);
  if (applier_ && applier_->running()) return RunningSlave();
  skip_counter_ = n;
  return Status::Ok();
}

Value Replica::MasterPosWait(const std::string& file, int64_t pos, double timeout,
                             const std::function<bool()>& killed) {
  Applier* a = nullptr;
  {
    std::lock_guard l(mu_);
    if (!applier_ || !applier_->running()) return Value::Null();
    a = applier_.get();
  }
  if (pos < 0) return Value::Null();
  auto ms = timeout > 0 ? std::chrono::milliseconds(static_cast<int64_t>(timeout * 1000))
                        : std::chrono::milliseconds(365LL * 24 * 3600 * 1000);
  auto r = a->WaitForMasterPos(file, static_cast<uint64_t>(pos), ms, killed);
  if (!r) return Value::Null();
  return Value::Int(*r);
}

// ---------------------------------------------------------------------------
// SHOW SLAVE STATUS

std::optional<std::vector<Value>> Replica::StatusRow(bool all_slaves) {
  std::lock_guard l(mu_);
  if (!mi_) return std::nullopt;
  const auto& cols = sql::SlaveStatusColumns();
  std::vector<Value> row(cols.size(), Value::String(""));
  auto set = [&](const char* name, Value v) {
    int i = sql::SlaveStatusColumn(name);
    if (i >= 0) row[static_cast<size_t>(i)] = std::move(v);
  };
  auto str = [](const std::string& s) { return Value::String(s); };
  auto num = [](uint64_t n) { return Value::UInt(n); };
  IoStatus io = io_ ? io_->status() : last_io_;
  MasterInfo mi = io_ ? io_->master_info() : *mi_;
  ApplierStatus sq = applier_ ? applier_->status() : last_sql_;
  bool io_running = io_ && io_->running();
  bool sql_running = applier_ && applier_->running();

  set("Slave_IO_State", str(io_running ? io.state_text : ""));
  set("Master_Host", str(mi.host));
  set("Master_User", str(mi.user));
  set("Master_Port", num(mi.port));
  set("Connect_Retry", num(mi.connect_retry));
  set("Master_Log_File", str(io_ ? io.master_log_file : mi.master_log_file));
  set("Read_Master_Log_Pos", num(io_ ? io.read_master_log_pos : mi.read_master_log_pos));
  std::string relay_file = sq.position.relay_file;
  if (relay_file.empty() && relay_) relay_file = relay_->CurrentPosition().file;
  set("Relay_Log_File", str(relay_file));
  set("Relay_Log_Pos", num(sq.position.relay_pos != 0 ? sq.position.relay_pos : 4));
  if (sq.position.master_file.empty()) {
    sq.position.master_file = exec_fallback_.master_file;
    sq.position.master_pos = exec_fallback_.master_pos;
  }
  set("Relay_Master_Log_File", str(sq.position.master_file));
  set("Slave_IO_Running", str(io_running ? IoRunningText(io.running) : "No"));
  set("Slave_SQL_Running", str(sql_running ? "Yes" : "No"));
  uint16_t last_errno = sq.last_errno != 0 ? sq.last_errno : 0;
  set("Last_Errno", num(last_errno));
  set("Last_Error", str(sq.last_error));
  set("Skip_Counter", num(sql_running ? sq.skip_counter : skip_counter_));
  set("Exec_Master_Log_Pos", num(sq.position.master_pos));
  set("Relay_Log_Space", num(relay_ ? relay_->space() : 0));
  const char* until = sq.until.kind == UntilCondition::Kind::kMaster  ? "Master"
                      : sq.until.kind == UntilCondition::Kind::kRelay ? "Relay"
                                                                       : "None";
  set("Until_Condition", str(until));
  set("Until_Log_File", str(sq.until.file));
  set("Until_Log_Pos", num(sq.until.pos));
  set("Master_SSL_Allowed", str(mi.ssl ? "Yes" : "No"));
  set("Master_SSL_CA_File", str(mi.ssl_ca));
  set("Master_SSL_CA_Path", str(mi.ssl_capath));
  set("Master_SSL_Cert", str(mi.ssl_cert));
  set("Master_SSL_Cipher", str(mi.ssl_cipher));
  set("Master_SSL_Key", str(mi.ssl_key));
  // Seconds_Behind_Master: NULL unless both threads run; 0 when caught up;
  // else now - (source timestamp of the group being executed), corrected
  // for the clock difference measured at connect.
  Value behind = Value::Null();
  if (sql_running && io_running) {
    if (sq.caught_up || sq.last_master_timestamp == 0) {
      behind = Value::UInt(0);
    } else {
      int64_t d = static_cast<int64_t>(time(nullptr)) - io.clock_diff_with_master - sq.last_master_timestamp;
      behind = Value::UInt(static_cast<uint64_t>(std::max<int64_t>(0, d)));
    }
  }
  set("Seconds_Behind_Master", behind);
  set("Master_SSL_Verify_Server_Cert", str(mi.ssl_verify_server_cert ? "Yes" : "No"));
  set("Last_IO_Errno", num(io.last_io_errno));
  set("Last_IO_Error", str(io.last_io_error));
  set("Last_SQL_Errno", num(sq.last_errno));
  set("Last_SQL_Error", str(sq.last_error));
  std::string ids;
  for (uint32_t id : mi.ignore_server_ids) ids += (ids.empty() ? "" : ", ") + std::to_string(id);
  set("Replicate_Ignore_Server_Ids", str(ids));
  if (config_.variables) {
    for (const auto& [column, var] : {std::pair{"Replicate_Do_DB", "replicate_do_db"},
                                      {"Replicate_Ignore_DB", "replicate_ignore_db"},
                                      {"Replicate_Do_Table", "replicate_do_table"},
                                      {"Replicate_Ignore_Table", "replicate_ignore_table"},
                                      {"Replicate_Wild_Do_Table", "replicate_wild_do_table"},
                                      {"Replicate_Wild_Ignore_Table", "replicate_wild_ignore_table"},
                                      {"Replicate_Rewrite_DB", "replicate_rewrite_db"}})
      set(column, str(config_.variables->GetString(var)));
  }
  set("Master_Server_Id", num(io.master_server_id));
  set("Master_SSL_Crl", str(mi.ssl_crl));
  set("Master_SSL_Crlpath", str(mi.ssl_crlpath));
  set("Using_Gtid", str("No"));
  set("Parallel_Mode", str("optimistic"));
  set("SQL_Delay", num(master_delay_));
  set("SQL_Remaining_Delay", sq.sql_remaining_delay ? Value::UInt(static_cast<uint64_t>(*sq.sql_remaining_delay))
                                                    : Value::Null());
  set("Slave_SQL_Running_State", str(sql_running ? sq.state : ""));
  set("Slave_DDL_Groups", num(0));
  set("Slave_Non_Transactional_Groups", num(0));
  set("Slave_Transactional_Groups", num(sq.groups_applied));
  if (!all_slaves) return row;

  // SHOW ALL SLAVES STATUS: the same row between MariaDB's extra columns.
  std::vector<Value> all;
  all.reserve(sql::AllSlavesStatusColumns().size());
  all.push_back(str(""));  // Connection_name: the default connection
  all.push_back(str(sql_running ? sq.state : ""));
  for (auto& v : row) all.push_back(std::move(v));
  const sql::GlobalVariables* vars = config_.variables;
  all.push_back(num(config_.engine->status().counters().Get(sql::StatusId::kSlaveRetriedTransactions)));
  uint64_t max_relay = vars ? vars->GetUInt("max_relay_log_size") : 0;
  if (max_relay == 0 && vars) max_relay = vars->GetUInt("max_binlog_size");
  all.push_back(num(max_relay));
  all.push_back(num(events_before_ + sq.events_executed));
  all.push_back(num(heartbeats_before_ + io.heartbeats_received));
  all.push_back(Value::Double(mi.heartbeat_period == 0 && !mi_heartbeat_explicit_ ? HeartbeatDefault()
                                                                                 : mi.heartbeat_period));
  all.push_back(str(vars ? vars->GetString("gtid_slave_pos") : ""));
  return all;
}

}  // namespace relaydb::replica
