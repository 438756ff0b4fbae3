// ReplicationSource. See replication_source.h.
#include "server/replication_source.h"

#include <algorithm>
#include <cstdlib>

#include "common/logging.h"
#include "sql/accounts.h"
#include "wire/messages.h"
#include "wire/protocol.h"

namespace relaydb::server {

namespace {

Status NeedReplicationSlave() {
  return Status::SqlError(1227, "42000",
                          "Access denied; you need (at least one of) the REPLICATION SLAVE privilege(s) for this "
                          "operation");
}

std::string UserVarText(sql::Session* session, std::string_view name) {
  Value v = session->GetUserVariable(name);
  return v.is_null() ? std::string() : v.ToText();
}

}  // namespace

ReplicationSource::ReplicationSource(sql::BinaryLog* log, ProcessList* processlist, uint32_t server_id)
    : processlist_(processlist), server_id_(server_id) {
  source::DumpSourceInfo info;
  info.dir = log->writer().dir();
  info.index_path = log->writer().index_path();
  info.live = &log->writer();
  info.server_id = server_id;
  info.checksum = log->writer().checksum_alg();
  binlog::BinlogWriter* writer = &log->writer();
  info.gtid_binlog_state = [writer] { return writer->GtidBinlogStateList(); };
  dump_ = std::make_unique<source::BinlogDumpService>(info, &registry_);
}

ReplicationSource::~ReplicationSource() { Shutdown(); }

void ReplicationSource::Shutdown() {
  if (dump_) dump_->Shutdown();
}

Status ReplicationSource::Handle(wire::PacketConn* conn, sql::Session* session, std::string_view payload,
                                 bool* keep_open) {
  *keep_open = false;
  if (payload.empty()) return Status::InvalidArgument("empty command");
  if (static_cast<uint8_t>(payload[0]) == wire::kComRegisterSlave) {
    *keep_open = true;
    return RegisterSlave(conn, session, payload);
  }
  return BinlogDump(conn, session, payload);
}

Status ReplicationSource::RegisterSlave(wire::PacketConn* conn, sql::Session* session, std::string_view payload) {
  auto send_error = [&](const Status& s) { return conn->WritePacketAndFlush(wire::ErrPacket(s)); };
  if (!(session->account().global_privs & sql::kReplSlaveAcl)) {
    // MariaDB refuses COM_REGISTER_SLAVE with 1045 naming the matched account
    // (COM_BINLOG_DUMP gets 1227).
    const sql::Account& a = session->account();
    return send_error(Status::SqlError(1045, "28000",
                                       "Access denied for user '" + a.priv_user + "'@'" + a.priv_host +
                                           "' (using password: " + (a.auth.auth_string.empty() ? "NO" : "YES") +
                                           ")"));
  }
  auto info = source::ParseRegisterSlave(payload);
  if (!info.ok()) return send_error(info.status());
  info->connection_id = session->connection_id();
  if (info->host.empty()) info->host = session->account().client.host_or_ip();
  uint64_t my_id = info->connection_id;
  ProcessList* pl = processlist_;
  registry_.Register(*info, [pl, my_id] {
    // A newer connection registered the same server_id: close this one.
    if (auto e = pl->Find(my_id)) {
      e->kill_connection = true;
      e->kill_query = true;
      e->RunKillHook();
    }
  });
  return conn->WritePacketAndFlush(wire::OkPacket(0, 0, wire::kServerStatusAutocommit, 0, ""));
}

Status ReplicationSource::BinlogDump(wire::PacketConn* conn, sql::Session* session, std::string_view payload) {
  auto send_error = [&](const Status& s) { return conn->WritePacketAndFlush(wire::ErrPacket(s)); };
  if (!(session->account().global_privs & sql::kReplSlaveAcl)) return send_error(NeedReplicationSlave());
  auto req = source::ParseBinlogDump(payload);
  if (!req.ok()) return send_error(req.status());
  source::ReplicaSession rs;
  rs.connection_id = session->connection_id();
  rs.user = session->account().user;
  rs.host = session->account().client.host_or_ip();
  std::string cap = UserVarText(session, "mariadb_slave_capability");
  rs.mariadb_slave_capability = cap.empty() ? 0 : std::atoi(cap.c_str());
  std::string checksum = UserVarText(session, "master_binlog_checksum");
  if (checksum.empty()) checksum = UserVarText(session, "source_binlog_checksum");
  rs.checksum_aware = !checksum.empty();
  if (rs.checksum_aware) rs.checksum_at_connect = source::ChecksumAlgFromUserVar(checksum);
  std::string hb = UserVarText(session, "master_heartbeat_period");
  if (hb.empty()) hb = UserVarText(session, "source_heartbeat_period");
  rs.heartbeat_period_ns = hb.empty() ? 0 : std::strtoull(hb.c_str(), nullptr, 10);
  Value connect_state = session->GetUserVariable("slave_connect_state");
  if (!connect_state.is_null()) rs.slave_connect_state = connect_state.ToText();
  rs.slave_gtid_strict_mode = UserVarText(session, "slave_gtid_strict_mode") == "1";
  rs.slave_gtid_ignore_duplicates = UserVarText(session, "slave_gtid_ignore_duplicates") == "1";
  rs.verify_checksums = session->vars().globals()->GetBool("master_verify_checksum");
  rs.proc = session->proc();
  // A replica that stops reading must not pin the thread forever.
  conn->SetWriteTimeout(static_cast<int>(
      std::min<uint64_t>(session->vars().globals()->GetUInt("net_write_timeout"), 3600) * 1000));
  Status s = dump_->Run(conn, *req, rs);
  registry_.Unregister(rs.connection_id);
  return s;
}

std::vector<sql::SlaveHostRow> ReplicationSource::SlaveHosts() const {
  std::vector<sql::SlaveHostRow> out;
  for (const auto& r : registry_.List()) {
    sql::SlaveHostRow row;
    row.server_id = r.server_id;
    row.host = r.host;
    row.port = r.port;
    row.master_id = r.master_id != 0 ? r.master_id : server_id_;
    out.push_back(row);
  }
  return out;
}

bool ReplicationSource::BinlogInUse(const std::string& file) const { return dump_->FileInUse(file); }

}  // namespace relaydb::server
