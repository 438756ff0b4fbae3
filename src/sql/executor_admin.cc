// Account statements, SET PASSWORD, FLUSH. See executor.h.
//
// Account changes are transactional in SQLite: each statement runs in its
// own write transaction (DDL-like implicit commit), is logged as a
// statement, and on failure the in-memory AccountStore is reloaded.
#include <sqlite3.h>
#include <time.h>

#include <chrono>
#include <cstdio>

#include "sql/binary_log.h"
#include "sql/executor.h"
#include "sql/replica_control.h"

namespace relaydb::sql {
namespace {

AccountName ToName(const UserSpec& u, const Account& current) {
  if (u.current_user) return AccountName{current.priv_user, current.priv_host};
  return AccountName{u.user, u.host};
}

AccountAuth ToAuth(const AuthSpec& a) {
  AccountAuth out;
  switch (a.kind) {
    case AuthSpec::Kind::kNone: out.kind = AccountAuth::Kind::kNone; break;
    case AuthSpec::Kind::kPassword: out.kind = AccountAuth::Kind::kPassword; break;
    case AuthSpec::Kind::kPasswordHash: out.kind = AccountAuth::Kind::kPasswordHash; break;
    case AuthSpec::Kind::kPlugin: out.kind = AccountAuth::Kind::kPlugin; break;
  }
  out.plugin = a.plugin;
  out.auth_string = a.auth_string;
  out.plugin_password_is_plain = a.plugin_password_is_plain;
  return out;
}

SqlWarning::Level ToLevel(AdminWarning::Level l) {
  return l == AdminWarning::Level::kNote ? SqlWarning::Level::kNote
         : l == AdminWarning::Level::kWarning ? SqlWarning::Level::kWarning
                                              : SqlWarning::Level::kError;
}

}  // namespace

Status Executor::RunAccountChange(const std::function<Status(sqlite3*, std::vector<AdminWarning>*)>& fn) {
  RETURN_IF_ERROR(CheckReadOnly());
  RETURN_IF_ERROR(s_->BeginWrite());
  std::vector<AdminWarning> warnings;
  Status st = fn(s_->conn_->handle(), &warnings);
  for (auto& w : warnings) s_->AddWarning(ToLevel(w.level), w.code, w.message);
  // MariaDB applies the accounts that succeed even when the statement
  // reports an error for others: commit either way, and reload the store
  // if the commit fails.
  LogStatement(true);
  Status c = s_->CommitTxn();
  if (!c.ok()) {
    Status r = s_->engine_->accounts().Load(s_->conn_->handle());
    (void)r;
    return c;
  }
  if (!st.ok()) return st;
  return SendOk();
}

Status Executor::CreateUser(const CreateUserStmt& st) {
  RETURN_IF_ERROR(CheckGlobalPriv(kCreateUserAcl));
  std::vector<AccountSpec> specs;
  for (const auto& u : st.users) specs.push_back(AccountSpec{ToName(u.user, s_->account_), ToAuth(u.auth)});
  return RunAccountChange([&](sqlite3* db, std::vector<AdminWarning>* w) {
    return s_->engine_->accounts().CreateUser(db, specs, st.if_not_exists, st.or_replace, w);
  });
}

Status Executor::DropUser(const DropUserStmt& st) {
  RETURN_IF_ERROR(CheckGlobalPriv(kCreateUserAcl));
  std::vector<AccountName> names;
  for (const auto& u : st.users) names.push_back(ToName(u, s_->account_));
  return RunAccountChange([&](sqlite3* db, std::vector<AdminWarning>* w) {
    return s_->engine_->accounts().DropUser(db, names, st.if_exists, w);
  });
}

Status Executor::AlterUser(const AlterUserStmt& st) {
  RETURN_IF_ERROR(CheckGlobalPriv(kCreateUserAcl));
  std::vector<AccountSpec> specs;
  for (const auto& u : st.users) specs.push_back(AccountSpec{ToName(u.user, s_->account_), ToAuth(u.auth)});
  return RunAccountChange([&](sqlite3* db, std::vector<AdminWarning>* w) {
    return s_->engine_->accounts().AlterUser(db, specs, st.if_exists, w);
  });
}

Status Executor::RenameUser(const RenameUserStmt& st) {
  RETURN_IF_ERROR(CheckGlobalPriv(kCreateUserAcl));
  std::vector<std::pair<AccountName, AccountName>> renames;
  for (const auto& [a, b] : st.renames) renames.emplace_back(ToName(a, s_->account_), ToName(b, s_->account_));
  return RunAccountChange([&](sqlite3* db, std::vector<AdminWarning>*) {
    return s_->engine_->accounts().RenameUser(db, renames);
  });
}

Status Executor::SetPassword(const SetPasswordStmt& st) {
  AccountName name = st.user ? ToName(*st.user, s_->account_) : AccountName{s_->account_.priv_user, s_->account_.priv_host};
  bool self = name.user == s_->account_.priv_user && name.host == s_->account_.priv_host;
  if (!self) RETURN_IF_ERROR(CheckGlobalPriv(kCreateUserAcl));
  AccountAuth auth;
  auth.kind = st.is_hash ? AccountAuth::Kind::kPasswordHash : AccountAuth::Kind::kPassword;
  auth.auth_string = st.password;
  return RunAccountChange([&](sqlite3* db, std::vector<AdminWarning>*) {
    return s_->engine_->accounts().SetPassword(db, name, auth);
  });
}

namespace {
Result<PrivilegeList> ToPrivileges(const std::vector<Privilege>& privs) {
  PrivilegeList list;
  for (const auto& p : privs) {
    if (!p.columns.empty())
      return Status::SqlError(1235, "42000", "This version of MariaDB doesn't yet support 'column privileges'");
    if (!AddPrivilegeName(p.name, &list))
      return Status::SqlError(1064, "42000", "You have an error in your SQL syntax; unknown privilege '" + p.name + "'");
  }
  return list;
}
}  // namespace

Status Executor::Grant(const GrantStmt& st) {
  if (!st.roles.empty() || st.proxy)
    return Status::SqlError(1235, "42000", "This version of MariaDB doesn't yet support 'roles and proxy grants'");
  if (st.on.object_type != GrantTarget::ObjectType::kDefault && st.on.object_type != GrantTarget::ObjectType::kTable)
    return Status::SqlError(1235, "42000", "This version of MariaDB doesn't yet support 'routine grants'");
  ASSIGN_OR_RETURN(PrivilegeList privs, ToPrivileges(st.privileges));
  GrantObject on;
  on.level = st.on.level == GrantTarget::Level::kGlobal     ? GrantLevel::kGlobal
             : st.on.level == GrantTarget::Level::kDatabase ? GrantLevel::kDatabase
                                                            : GrantLevel::kTable;
  on.db = st.on.db.empty() ? s_->current_db_ : st.on.db;
  on.table = st.on.table;
  if (on.level != GrantLevel::kGlobal && on.db.empty()) return Status::SqlError(1046, "3D000", "No database selected");
  if (on.level == GrantLevel::kTable && !s_->FindTable(on.db, on.table))
    return Status::SqlError(1146, "42S02", "Table '" + on.db + "." + on.table + "' doesn't exist");
  // The grantor needs GRANT OPTION plus the privileges granted.
  if (!s_->system_user_ && !(s_->account_.global_privs & kGrantAcl))
    return Status::SqlError(1044, "42000", "Access denied for user '" + s_->account_.priv_user + "'@'" +
                                               s_->account_.priv_host + "' to database '" +
                                               (on.db.empty() ? "mysql" : on.db) + "'");
  std::vector<AccountSpec> specs;
  for (const auto& u : st.users) specs.push_back(AccountSpec{ToName(u.user, s_->account_), ToAuth(u.auth)});
  bool no_auto = (s_->SqlMode() & kModeNoAutoCreateUser) != 0;
  return RunAccountChange([&](sqlite3* db, std::vector<AdminWarning>* w) {
    return s_->engine_->accounts().Grant(db, privs, on, specs, st.with_grant_option, no_auto, w);
  });
}

Status Executor::Revoke(const RevokeStmt& st) {
  if (!st.roles.empty() || st.proxy)
    return Status::SqlError(1235, "42000", "This version of MariaDB doesn't yet support 'roles and proxy grants'");
  if (!s_->system_user_ && !(s_->account_.global_privs & kGrantAcl))
    return SpecificAccessDenied(kCreateUserAcl);
  std::vector<AccountName> names;
  for (const auto& u : st.users) names.push_back(ToName(u, s_->account_));
  if (st.all_and_grant_option) {
    return RunAccountChange([&](sqlite3* db, std::vector<AdminWarning>*) {
      return s_->engine_->accounts().RevokeAll(db, names);
    });
  }
  ASSIGN_OR_RETURN(PrivilegeList privs, ToPrivileges(st.privileges));
  GrantObject on;
  on.level = st.on.level == GrantTarget::Level::kGlobal     ? GrantLevel::kGlobal
             : st.on.level == GrantTarget::Level::kDatabase ? GrantLevel::kDatabase
                                                            : GrantLevel::kTable;
  on.db = st.on.db.empty() ? s_->current_db_ : st.on.db;
  on.table = st.on.table;
  return RunAccountChange([&](sqlite3* db, std::vector<AdminWarning>*) {
    return s_->engine_->accounts().Revoke(db, privs, on, names);
  });
}

Status Executor::Flush(const FlushStmt& st) {
  RETURN_IF_ERROR(CheckGlobalPriv(kReloadAcl));
  for (const auto& o : st.options) {
    switch (o.kind) {
      case FlushOption::Kind::kPrivileges:
        RETURN_IF_ERROR(s_->engine_->accounts().Load(s_->conn_->handle()));
        break;
      case FlushOption::Kind::kTables:
        if (o.with_read_lock)
          return Status::SqlError(1235, "42000", "This version of MariaDB doesn't yet support 'FLUSH TABLES WITH READ LOCK'");
        break;
      case FlushOption::Kind::kLogs:
      case FlushOption::Kind::kBinaryLogs:
        if (BinaryLog* log = s_->engine_->binary_log()) RETURN_IF_ERROR(log->FlushLogs());
        // FLUSH LOGS also starts a new relay log.
        if (o.kind == FlushOption::Kind::kLogs) {
          if (ReplicaControl* rc = s_->engine_->replica_control()) RETURN_IF_ERROR(rc->FlushRelayLogs());
        }
        break;
      case FlushOption::Kind::kRelayLogs:
        if (ReplicaControl* rc = s_->engine_->replica_control()) RETURN_IF_ERROR(rc->FlushRelayLogs());
        break;
      default:
        // The others have nothing to flush.
        break;
    }
  }
  return SendOk();
}

Status Executor::WithWriteLock(const std::function<Status()>& fn) {
  auto timeout = std::chrono::seconds(s_->vars().hot().innodb_lock_wait_timeout);
  if (!s_->engine_->TryLockWriter(timeout))
    return Status::SqlError(1205, "HY000", "Lock wait timeout exceeded; try restarting transaction");
  Status st = fn();
  s_->engine_->UnlockWriter();
  return st;
}

namespace {

Status MultiSourceNotSupported() {
  return Status::SqlError(1235, "42000", "This version of MariaDB doesn't yet support 'multi-source replication'");
}

}  // namespace

// CHANGE MASTER TO / CHANGE REPLICATION SOURCE TO.
Status Executor::ChangeMaster(const ChangeMasterStmt& st) {
  RETURN_IF_ERROR(CheckGlobalPriv(kSuperAcl | kReplSlaveAdminAcl));
  if (!st.connection_name.empty()) return MultiSourceNotSupported();
  ReplicaControl* rc = s_->engine_->replica_control();
  if (rc == nullptr) return Status::SqlError(1235, "42000", "This version of MariaDB doesn't yet support 'replication'");
  std::vector<SqlWarning> w;
  Status cs = rc->ChangeMaster(st, &w);
  for (auto& x : w) s_->warnings_.push_back(x);
  RETURN_IF_ERROR(cs);
  return SendOk();
}

// START / STOP SLAVE [IO_THREAD] [SQL_THREAD] [UNTIL ...].
Status Executor::ReplicaStartStop(const ReplicaControlStmt& st) {
  RETURN_IF_ERROR(CheckGlobalPriv(kSuperAcl | kReplSlaveAdminAcl));
  if (!st.connection_name.empty() || st.all) return MultiSourceNotSupported();
  ReplicaControl* rc = s_->engine_->replica_control();
  if (rc == nullptr) {
    if (!st.start) return SendOk();
    return Status::SqlError(1200, "HY000",
                            "Misconfigured slave: MASTER_HOST was not set; Fix in config file or with CHANGE MASTER TO");
  }
  std::vector<SqlWarning> w;
  Status rs = st.start ? rc->StartSlave(st, &w) : rc->StopSlave(st, &w);
  for (auto& x : w) s_->warnings_.push_back(x);
  RETURN_IF_ERROR(rs);
  return SendOk();
}

namespace {

Status LogPurgeError(const Status& st) {
  if (st.IsSqlError()) return st;
  return Status::SqlError(1377, "HY000", "Fatal error during log purge");
}

}  // namespace

Status Executor::Purge(const PurgeLogsStmt& st) {
  RETURN_IF_ERROR(CheckGlobalPriv(kSuperAcl | kBinlogAdminAcl));
  BinaryLog* log = s_->engine_->binary_log();
  if (log == nullptr) return SendOk();
  ReplicationSourceInfo* src = s_->engine_->replication_source();
  binlog::InUseFn in_use = [src](const std::string& f) { return src != nullptr && src->BinlogInUse(f); };
  std::vector<std::string> purged;
  Status ps;
  if (st.to_file) {
    ps = log->writer().PurgeTo(*st.to_file, in_use, &purged);
  } else {
    ASSIGN_OR_RETURN(Value v, EvalConstant(*st.before, "PURGE"));
    int64_t before = 0;
    if (v.kind() == Value::Kind::kInt || v.kind() == Value::Kind::kUInt) {
      before = v.int_value();
    } else {
      std::string text = v.ToText();
      struct tm tm {};
      if (text.size() < 10 || sscanf(text.c_str(), "%d-%d-%d %d:%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                                     &tm.tm_hour, &tm.tm_min, &tm.tm_sec) < 3)
        return Status::SqlError(1210, "HY000", "Incorrect arguments to PURGE LOGS BEFORE");
      tm.tm_year -= 1900;
      tm.tm_mon -= 1;
      tm.tm_isdst = -1;
      before = static_cast<int64_t>(mktime(&tm));
    }
    ps = log->writer().PurgeBefore(before, in_use, &purged);
  }
  if (!ps.ok()) return LogPurgeError(ps);
  return SendOk();
}

Status Executor::Reset(const ResetStmt& st) {
  RETURN_IF_ERROR(CheckGlobalPriv(kReloadAcl));
  for (const auto& item : st.items) {
    switch (item.what) {
      case ResetStmt::What::kQueryCache:
        break;
      case ResetStmt::What::kSlave: {
        RETURN_IF_ERROR(CheckGlobalPriv(kSuperAcl | kReplSlaveAdminAcl));
        if (!item.connection_name.empty()) return MultiSourceNotSupported();
        ReplicaControl* rc = s_->engine_->replica_control();
        if (rc == nullptr) break;
        std::vector<SqlWarning> w;
        Status rs = rc->ResetSlave(item.all, &w);
        for (auto& x : w) s_->warnings_.push_back(x);
        RETURN_IF_ERROR(rs);
        break;
      }
      case ResetStmt::What::kMaster: {
        BinaryLog* log = s_->engine_->binary_log();
        if (log == nullptr) break;
        uint64_t first = item.to.value_or(1);
        if (first == 0 || first > 0x7FFFFFFF)
          return Status::SqlError(1210, "HY000", "Incorrect arguments to RESET MASTER");
        RETURN_IF_ERROR(s_->BeginWrite());
        Status rs = log->ResetMaster(s_->conn_.get(), first);
        if (!rs.ok()) {
          Status r = s_->RollbackTxn();
          (void)r;
          return Status::SqlError(1377, "HY000", "Fatal error during log purge");
        }
        RETURN_IF_ERROR(s_->CommitTxn());
        break;
      }
    }
  }
  return SendOk();
}

}  // namespace relaydb::sql
