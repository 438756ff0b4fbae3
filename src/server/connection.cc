// ClientConnection. See connection.h and docs/wire_protocol.md.
#include "server/connection.h"

#include <sys/socket.h>
#include <unistd.h>

#include <cstring>
#include <optional>

#include "common/logging.h"
#include "server/server.h"
#include "sql/accounts.h"
#include "wire/auth.h"
#include "wire/handshake.h"
#include "wire/messages.h"
#include "wire/prepared_stmt.h"
#include "wire/protocol.h"
#include "wire/resultset.h"

namespace relaydb::server {
namespace {

constexpr const char* kNativePlugin = "mysql_native_password";
constexpr const char* kSha2Plugin = "caching_sha2_password";

// Sends results of one statement over the wire. `more` marks that further
// results follow (multi-statements): SERVER_MORE_RESULTS_EXISTS.
class WireSink : public sql::ResultSink {
 public:
  WireSink(wire::PacketConn* conn, sql::Session* session, bool binary)
      : conn_(conn), session_(session), binary_(binary) {}

  void set_more(bool more) { more_ = more; }
  bool binary_protocol() const override { return binary_; }

  uint16_t Status() const {
    uint16_t s = session_->status_flags();
    if (more_) s |= wire::kServerMoreResultsExists;
    return s;
  }

  relaydb::Status BeginResultSet(const std::vector<ColumnMeta>& columns) override {
    columns_ = columns;
    RETURN_IF_ERROR(conn_->WritePacket(wire::EncodeColumnCount(columns.size())));
    for (const auto& c : columns) RETURN_IF_ERROR(conn_->WritePacket(wire::EncodeColumnDefinition41(c)));
    return conn_->WritePacket(wire::EofPacket(0, Status()));
  }
  relaydb::Status Row(const std::vector<Value>& row) override {
    if (binary_) {
      ASSIGN_OR_RETURN(std::string p, wire::EncodeBinaryRow(columns_, row));
      return conn_->WritePacket(p);
    }
    return conn_->WritePacket(wire::EncodeTextRow(columns_, row));
  }
  relaydb::Status EndResultSet() override {
    return conn_->WritePacket(wire::EofPacket(session_->warning_count(), Status()));
  }
  // The OK is held back until the statement has finished — an autocommit
  // statement commits (and waits for the binlog group commit) after its
  // executor reported success, and a failed commit must answer with the
  // error instead of the OK.
  relaydb::Status Ok(const sql::OkResult& ok) override {
    pending_ok_ = ok;
    pending_warnings_ = session_->warning_count();
    return relaydb::Status::Ok();
  }
  relaydb::Status Finish() {
    if (!pending_ok_) return relaydb::Status::Ok();
    sql::OkResult ok = *pending_ok_;
    pending_ok_.reset();
    return conn_->WritePacket(
        wire::OkPacket(ok.affected_rows, ok.last_insert_id, Status(), pending_warnings_, ok.info));
  }
  void Discard() { pending_ok_.reset(); }

 private:
  wire::PacketConn* conn_;
  sql::Session* session_;
  bool binary_;
  bool more_ = false;
  std::vector<ColumnMeta> columns_;
  std::optional<sql::OkResult> pending_ok_;
  uint16_t pending_warnings_ = 0;
};

}  // namespace

ClientConnection::ClientConnection(Server* server, int fd, std::string peer_ip, uint16_t peer_port,
                                   bool unix_socket)
    : server_(server), conn_(fd, /*owns_fd=*/true), peer_ip_(std::move(peer_ip)), peer_port_(peer_port),
      unix_socket_(unix_socket) {}

ClientConnection::~ClientConnection() {
  if (session_) session_->Close();
  if (proc_) server_->processlist().Unregister(proc_->id());
}

void ClientConnection::Run() {
  proc_ = server_->processlist().Register();
  proc_->SetCommandStateInfo("Connect", "login", "");
  proc_->SetKillHook([this] { conn_.Shutdown(); });
  std::string host = unix_socket_ ? "localhost" : peer_ip_ + ":" + std::to_string(peer_port_);
  proc_->SetUser("unauthenticated user", host);
  conn_.set_max_allowed_packet(server_->MaxAllowedPacket());
  Status s = Handshake();
  if (!s.ok()) {
    server_->CountAbortedConnect();
    return;
  }
  s = CommandLoop();
  (void)s;
}

Status ClientConnection::SendError(const Status& s) {
  Status err = s;
  if (!err.IsSqlError()) err = Status::SqlError(1105, "HY000", s.message());
  RETURN_IF_ERROR(conn_.WritePacket(wire::ErrPacket(err)));
  return conn_.Flush();
}

Status ClientConnection::SendOk(uint64_t affected, uint64_t insert_id, const std::string& info) {
  uint16_t status = session_ ? session_->status_flags() : wire::kServerStatusAutocommit;
  uint16_t warnings = session_ ? session_->warning_count() : 0;
  RETURN_IF_ERROR(conn_.WritePacket(wire::OkPacket(affected, insert_id, status, warnings, info)));
  return conn_.Flush();
}

// Answers a login that is refused with `s` and returns `s`, so the caller
// ends the connection (SendError alone returns the status of the write).
Status ClientConnection::RefuseLogin(const Status& s) {
  Status w = SendError(s);
  (void)w;
  return s;
}

Status ClientConnection::Handshake() {
  // max_connections ordinary clients, plus one more for an administrator
  // (SUPER / CONNECTION ADMIN), as in MariaDB.
  if (server_->ConnectionCount() > server_->MaxConnections() + 1) {
    return RefuseLogin(Status::SqlError(1040, "08004", "Too many connections"));
  }
  ASSIGN_OR_RETURN(std::string scramble, wire::GenerateScramble());
  uint64_t caps = wire::kDefaultServerCapabilities;
  RETURN_IF_ERROR(conn_.WritePacket(wire::BuildHandshakeV10(server_->HandshakeVersion(),
                                                            static_cast<uint32_t>(proc_->id()), scramble, caps,
                                                            kCharsetUtf8mb4GeneralCi,
                                                            wire::kServerStatusAutocommit, kNativePlugin)));
  RETURN_IF_ERROR(conn_.Flush());
  conn_.SetReadTimeout(static_cast<int>(server_->ConnectTimeoutSeconds() * 1000));
  std::string payload;
  RETURN_IF_ERROR(conn_.ReadPacket(&payload));
  auto resp = wire::ParseHandshakeResponse41(payload);
  if (!resp.ok()) return RefuseLogin(Status::SqlError(1043, "08S01", "Bad handshake"));
  client_caps_ = resp->capabilities & caps;
  RETURN_IF_ERROR(Authenticate(resp->user, resp->auth_plugin_name, resp->auth_response, scramble));
  conn_.SetReadTimeout(0);
  if (server_->ConnectionCount() > server_->MaxConnections() &&
      !(account_.global_privs & (sql::kSuperAcl | sql::kConnectionAdminAcl)))
    return RefuseLogin(Status::SqlError(1040, "08004", "Too many connections"));

  session_ = std::make_unique<sql::Session>(&server_->engine(), proc_);
  RETURN_IF_ERROR(session_->Init());
  session_->SetAccount(account_);
  session_->SetClientFoundRows((client_caps_ & wire::kClientFoundRows) != 0);
  proc_->SetUser(account_.user, unix_socket_ ? "localhost" : peer_ip_ + ":" + std::to_string(peer_port_));
  if (!resp->database.empty()) {
    Status u = session_->UseDatabase(resp->database);
    if (!u.ok()) {
      RETURN_IF_ERROR(SendError(u));
      return u;
    }
  }
  proc_->SetCommandStateInfo("Sleep", "", "");
  server_->CountConnection();
  return SendOk();
}

Status ClientConnection::Authenticate(const std::string& user, const std::string& plugin, std::string response,
                                      const std::string& scramble) {
  sql::ClientHost client = unix_socket_ ? sql::ClientHost::UnixSocket()
                                        : sql::ClientHost::Tcp(peer_ip_, server_->SkipNameResolve());
  auto account = server_->engine().accounts().MatchAccount(user, client);
  auto deny = [&](bool using_password) {
    return RefuseLogin(sql::LoginAccessDenied(user, client.host_or_ip(), using_password));
  };
  if (!account) return deny(!response.empty());
  const sql::AuthData& auth = account->auth;

  std::string used_plugin = plugin.empty() ? kNativePlugin : plugin;
  bool ok = false;
  if (used_plugin == kSha2Plugin && (!auth.sha2_digest.empty() || auth.auth_string.empty())) {
    ok = sql::CheckCachingSha2Password(auth.sha2_digest, scramble, response);
    // fast_auth_success precedes the OK, except for an empty password where
    // MySQL answers OK at once.
    if (ok && !response.empty()) {
      RETURN_IF_ERROR(conn_.WritePacket(wire::BuildAuthMoreData(std::string(1, '\x03'))));
    }
  } else {
    if (used_plugin != kNativePlugin) {
      // Ask the client to switch to mysql_native_password.
      RETURN_IF_ERROR(conn_.WritePacket(wire::BuildAuthSwitchRequest(kNativePlugin, scramble)));
      RETURN_IF_ERROR(conn_.Flush());
      RETURN_IF_ERROR(conn_.ReadPacket(&response));
    }
    ok = sql::CheckNativePassword(auth.auth_string, scramble, response);
  }
  if (!ok) return deny(!response.empty());
  account_ = *account;
  return Status::Ok();
}

Status ClientConnection::CommandLoop() {
  std::string payload;
  while (true) {
    conn_.ResetSequence();
    proc_->SetCommandStateInfo("Sleep", "", "");
    conn_.SetSpinBeforeBlock(session_->holds_write_lock() ? 200 : 0);
    Status rs = conn_.ReadPacket(&payload);
    if (!rs.ok()) {
      if (rs.IsSqlError()) {
        Status w = SendError(rs);  // e.g. 1153 packet too large
        (void)w;
      }
      return rs;
    }
    if (proc_->kill_connection.load()) return Status::ConnectionClosed("killed");
    if (payload.empty()) {
      RETURN_IF_ERROR(SendError(Status::SqlError(1835, "HY000", "Malformed communication packet")));
      continue;
    }
    uint8_t cmd = static_cast<uint8_t>(payload[0]);
    std::string_view body(payload.data() + 1, payload.size() - 1);
    server_->CountQuestion();
    Status s;
    switch (cmd) {
      case wire::kComQuit:
        return Status::Ok();
      case wire::kComPing:
        s = SendOk();
        break;
      case wire::kComInitDb: {
        proc_->SetCommand("Init DB");
        Status u = session_->UseDatabase(std::string(body));
        s = u.ok() ? SendOk() : SendError(u);
        break;
      }
      case wire::kComQuery:
        s = DoQuery(body);
        break;
      case wire::kComFieldList:
        s = DoFieldList(body);
        break;
      case wire::kComSetOption: {
        if (body.size() < 2) {
          s = SendError(Status::SqlError(1835, "HY000", "Malformed communication packet"));
          break;
        }
        uint16_t opt = static_cast<uint8_t>(body[0]) | (static_cast<uint8_t>(body[1]) << 8);
        if (opt == 0) client_caps_ |= wire::kClientMultiStatements;
        else if (opt == 1) client_caps_ &= ~wire::kClientMultiStatements;
        else {
          s = SendError(Status::SqlError(1047, "08S01", "Unknown command"));
          break;
        }
        RETURN_IF_ERROR(conn_.WritePacket(wire::EofPacket(0, session_->status_flags())));
        s = conn_.Flush();
        break;
      }
      case wire::kComStatistics:
        s = DoStatistics();
        break;
      case wire::kComProcessKill: {
        if (body.size() < 4) {
          s = SendError(Status::SqlError(1835, "HY000", "Malformed communication packet"));
          break;
        }
        uint32_t id = 0;
        memcpy(&id, body.data(), 4);
        s = DoQuery("KILL " + std::to_string(id));
        break;
      }
      case wire::kComResetConnection: {
        session_->Close();
        session_ = std::make_unique<sql::Session>(&server_->engine(), proc_);
        RETURN_IF_ERROR(session_->Init());
        session_->SetAccount(account_);
        prepared_.clear();
        s = SendOk();
        break;
      }
      case wire::kComStmtPrepare:
        s = DoPrepare(body);
        break;
      case wire::kComStmtExecute:
        s = DoExecute(payload);
        break;
      case wire::kComStmtSendLongData: {
        auto ld = wire::ParseStmtSendLongData(payload);
        if (ld.ok()) {
          auto it = prepared_.find(ld->stmt_id);
          if (it != prepared_.end()) it->second.long_data[ld->param_id].append(ld->data);
        }
        continue;  // no response
      }
      case wire::kComStmtClose: {
        auto id = wire::ParseStmtId(payload);
        if (id.ok()) prepared_.erase(*id);
        continue;  // no response
      }
      case wire::kComStmtReset: {
        auto id = wire::ParseStmtId(payload);
        if (!id.ok() || prepared_.find(*id) == prepared_.end()) {
          s = SendError(Status::SqlError(1243, "HY000", "Unknown prepared statement handler (" +
                                                            std::to_string(id.ok() ? *id : 0) +
                                                            ") given to mysqld_stmt_reset"));
          break;
        }
        prepared_[*id].long_data.clear();
        s = SendOk();
        break;
      }
      case wire::kComRegisterSlave:
      case wire::kComBinlogDump: {
        ReplicationCommands* rc = server_->replication_commands();
        if (rc == nullptr) {
          s = SendError(Status::SqlError(1047, "08S01", "Unknown command"));
          break;
        }
        bool keep_open = false;
        s = rc->Handle(&conn_, session_.get(), payload, &keep_open);
        if (!keep_open) return s;
        break;
      }
      default:
        s = SendError(Status::SqlError(1047, "08S01", "Unknown command"));
        break;
    }
    if (!s.ok()) return s;
  }
}

Status ClientConnection::DoQuery(std::string_view sql) {
  proc_->SetCommandStateInfo("Query", "Starting", std::string(sql.substr(0, 65535)));
  std::string text(sql);
  std::vector<sql::ParsedStatement> before_error;
  auto parsed = sql::ParseMulti(text, session_->parse_options(), &before_error);
  std::vector<sql::ParsedStatement> stmts;
  Status parse_error;
  if (parsed.ok()) {
    stmts = std::move(parsed).value();
  } else {
    stmts = std::move(before_error);
    parse_error = parsed.status();
  }
  bool multi_ok = (client_caps_ & wire::kClientMultiStatements) != 0;
  if (!multi_ok && (stmts.size() > 1 || (!parse_error.ok() && !stmts.empty()))) {
    // Without CLIENT_MULTI_STATEMENTS, a ';' followed by more text is a
    // syntax error at the second statement (as MariaDB reports it).
    size_t second = stmts.size() > 1 ? stmts[1].span.offset : text.size();
    session_->ClearWarnings();
    return SendError(sql::SyntaxError(text, second, 0));
  }
  WireSink sink(&conn_, session_.get(), false);
  for (size_t i = 0; i < stmts.size(); i++) {
    bool last = i + 1 == stmts.size() && parse_error.ok();
    sink.set_more(!last);
    proc_->SetCommandStateInfo("Query", "Sending data", std::string(stmts[i].span.In(text).substr(0, 65535)));
    Status s = session_->Execute(stmts[i], text, nullptr, &sink);
    if (s.ok()) {
      RETURN_IF_ERROR(sink.Finish());
    } else {
      sink.Discard();
      if (s.IsConnectionClosed()) return s;
      if (!s.IsSqlError()) {
        LogWarning("statement failed: " + s.ToString());
      }
      RETURN_IF_ERROR(SendError(s));
      if (proc_->kill_connection.load()) return Status::ConnectionClosed("killed");
      return Status::Ok();
    }
    if (proc_->kill_connection.load()) return Status::ConnectionClosed("killed");
  }
  if (!parse_error.ok()) {
    if (stmts.empty()) session_->ClearWarnings();
    return SendError(parse_error);
  }
  return conn_.Flush();
}

Status ClientConnection::DoFieldList(std::string_view body) {
  // COM_FIELD_LIST: table name NUL-terminated, then an optional wildcard.
  size_t nul = body.find('\0');
  std::string table(body.substr(0, nul));
  std::string wildcard = nul == std::string_view::npos ? "" : std::string(body.substr(nul + 1));
  auto def = session_->engine()->catalog().GetTable(session_->current_db(), table);
  if (session_->current_db().empty()) return SendError(Status::SqlError(1046, "3D000", "No database selected"));
  if (!def)
    return SendError(Status::SqlError(1146, "42S02", "Table '" + session_->current_db() + "." + table + "' doesn't exist"));
  for (const auto& c : def->columns) {
    if (!wildcard.empty() && !sql::WildMatch(c.name, wildcard, true)) continue;
    ColumnMeta m = sql::ColumnMetaFor(*def, c);
    std::string p = wire::EncodeColumnDefinition41(m);
    // COM_FIELD_LIST appends the default value (lenenc); send NULL marker-free empty.
    p += '\xfb';
    RETURN_IF_ERROR(conn_.WritePacket(p));
  }
  RETURN_IF_ERROR(conn_.WritePacket(wire::EofPacket(0, session_->status_flags())));
  return conn_.Flush();
}

Status ClientConnection::DoStatistics() {
  std::string s = "Uptime: " + std::to_string(server_->UptimeSeconds()) +
                  "  Threads: " + std::to_string(server_->ConnectionCount()) +
                  "  Questions: " + std::to_string(server_->Questions()) +
                  "  Slow queries: 0  Opens: 0  Open tables: 0  Queries per second avg: 0.000";
  RETURN_IF_ERROR(conn_.WritePacket(s));
  return conn_.Flush();
}

Status ClientConnection::DoPrepare(std::string_view sql) {
  proc_->SetCommandStateInfo("Prepare", "", std::string(sql.substr(0, 65535)));
  Prepared p;
  p.sql = std::string(sql);
  auto parsed = sql::ParseOne(p.sql, session_->parse_options());
  if (!parsed.ok()) return SendError(parsed.status());
  p.stmt = std::move(parsed).value();
  p.num_params = static_cast<uint16_t>(p.stmt.param_count);
  auto cols = session_->DescribeResult(p.stmt, p.sql);
  if (cols.ok()) p.columns = *cols;
  uint32_t id = next_stmt_id_++;
  RETURN_IF_ERROR(conn_.WritePacket(
      wire::BuildStmtPrepareOk(id, static_cast<uint16_t>(p.columns.size()), p.num_params, 0)));
  if (p.num_params > 0) {
    for (uint16_t i = 0; i < p.num_params; i++) RETURN_IF_ERROR(conn_.WritePacket(wire::EncodeColumnDefinition41(wire::StmtParamDefinition())));
    RETURN_IF_ERROR(conn_.WritePacket(wire::EofPacket(0, session_->status_flags())));
  }
  if (!p.columns.empty()) {
    for (const auto& c : p.columns) RETURN_IF_ERROR(conn_.WritePacket(wire::EncodeColumnDefinition41(c)));
    RETURN_IF_ERROR(conn_.WritePacket(wire::EofPacket(0, session_->status_flags())));
  }
  prepared_[id] = std::move(p);
  return conn_.Flush();
}

Status ClientConnection::DoExecute(std::string_view payload) {
  auto id = wire::ParseStmtId(payload);
  if (!id.ok()) return SendError(id.status());
  auto it = prepared_.find(*id);
  if (it == prepared_.end())
    return SendError(Status::SqlError(1243, "HY000", "Unknown prepared statement handler (" + std::to_string(*id) +
                                                         ") given to mysqld_stmt_execute"));
  Prepared& p = it->second;
  auto req = wire::ParseStmtExecute(payload, p.num_params, &p.bound_types, p.long_data);
  p.long_data.clear();
  if (!req.ok()) return SendError(req.status());
  proc_->SetCommandStateInfo("Execute", "Sending data", p.sql.substr(0, 65535));
  WireSink sink(&conn_, session_.get(), true);
  Status s = session_->Execute(p.stmt, p.sql, &req->params, &sink);
  if (!s.ok()) {
    sink.Discard();
    return SendError(s);
  }
  RETURN_IF_ERROR(sink.Finish());
  return conn_.Flush();
}

}  // namespace relaydb::server
