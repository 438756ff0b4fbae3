// Server. See server.h.
#include "server/server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "common/logging.h"
#include "server/connection.h"
#include "replica/replica.h"
#include "server/replication_source.h"

namespace relaydb::server {

Server::Server(ServerConfig config, sql::GlobalVariables* variables)
    : config_(std::move(config)), variables_(variables) {}

Server::~Server() { Shutdown(); }

Status Server::Start() {
  started_ = std::chrono::steady_clock::now();
  sql::EngineOptions eo;
  eo.datadir = config_.datadir;
  eo.root_password = config_.root_password;
  // Commits are made durable by group commit: the binlog's
  // (sql/binary_log.h) for logged transactions, the engine's WAL group
  // commit for the others (Engine::WaitWalDurable), not by SQLite at each
  // COMMIT.
  eo.durable_commits = config_.synchronous_full;
  bool fresh = false;
  // One server per data directory: an exclusive lock held for our lifetime.
  mkdir(config_.datadir.c_str(), 0750);
  std::string lock_path = config_.datadir + "/relaydb.lock";
  lock_fd_ = open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0640);
  if (lock_fd_ < 0) return Status::IoError("cannot open " + lock_path + ": " + strerror(errno));
  if (flock(lock_fd_, LOCK_EX | LOCK_NB) != 0)
    return Status::IoError("Unable to lock " + lock_path + " error: " + std::to_string(errno) +
                           " (another relaydb is using the data directory " + config_.datadir + ")");
  ASSIGN_OR_RETURN(engine_, sql::Engine::Open(eo, &processlist_, &fresh));
  engine_->SetVariables(variables_);
  engine_->set_server_id(config_.server_id);
  RETURN_IF_ERROR(LoadServerUuid());
  if (config_.log_bin) RETURN_IF_ERROR(OpenBinaryLog());
  if (fresh) {
    LogNote("Initialized a new data directory " + config_.datadir + ": created root@localhost and root@127.0.0.1 " +
            (config_.root_password.empty() ? "with an empty password" : "with the given --root-password"));
  }
  if (pipe(wake_pipe_) != 0) return Status::IoError("pipe: " + std::string(strerror(errno)));
  RETURN_IF_ERROR(Listen());
  {
    replica::ReplicaConfig rc;
    rc.engine = engine_.get();
    rc.processlist = &processlist_;
    rc.variables = variables_;
    rc.datadir = config_.datadir;
    rc.relay_log_basename = config_.relay_log_basename;
    rc.server_id = config_.server_id;
    rc.server_port = bound_port_;
    rc.skip_slave_start = config_.skip_slave_start;
    rc.replicate_same_server_id = variables_->GetBool("replicate_same_server_id");
    rc.log_slave_updates = config_.log_slave_updates;
    ASSIGN_OR_RETURN(replica_, replica::Replica::Open(rc));
    engine_->SetReplicaControl(replica_.get());
  }
  if (tcp_fd_ >= 0) acceptors_.emplace_back([this] { AcceptLoop(tcp_fd_, false); });
  if (unix_fd_ >= 0) acceptors_.emplace_back([this] { AcceptLoop(unix_fd_, true); });
  LogNote("relaydb: ready for connections. Version: '" + HandshakeVersion().substr(6) +
          "'  socket: '" + config_.socket + "'  port: " + std::to_string(bound_port_));
  return Status::Ok();
}

Status Server::Listen() {
  // TCP.
  struct addrinfo;
  int family = config_.bind_address.find(':') != std::string::npos ? AF_INET6 : AF_INET;
  int fd = socket(family, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return Status::IoError("socket: " + std::string(strerror(errno)));
  int one = 1;
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  int rc;
  if (family == AF_INET6) {
    sockaddr_in6 a{};
    a.sin6_family = AF_INET6;
    a.sin6_port = htons(config_.port);
    if (inet_pton(AF_INET6, config_.bind_address.c_str(), &a.sin6_addr) != 1) {
      close(fd);
      return Status::InvalidArgument("bad bind-address '" + config_.bind_address + "'");
    }
    rc = bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  } else {
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(config_.port);
    std::string addr = config_.bind_address == "*" || config_.bind_address.empty() ? "0.0.0.0" : config_.bind_address;
    if (addr == "localhost") addr = "127.0.0.1";
    if (inet_pton(AF_INET, addr.c_str(), &a.sin_addr) != 1) {
      close(fd);
      return Status::InvalidArgument("bad bind-address '" + config_.bind_address + "'");
    }
    rc = bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  }
  if (rc != 0) {
    std::string err = strerror(errno);
    close(fd);
    return Status::IoError("Can't start server: Bind on TCP/IP port " + std::to_string(config_.port) + ": " + err);
  }
  if (listen(fd, 128) != 0) {
    close(fd);
    return Status::IoError("listen: " + std::string(strerror(errno)));
  }
  sockaddr_storage bound{};
  socklen_t len = sizeof bound;
  getsockname(fd, reinterpret_cast<sockaddr*>(&bound), &len);
  bound_port_ = ntohs(family == AF_INET6 ? reinterpret_cast<sockaddr_in6*>(&bound)->sin6_port
                                         : reinterpret_cast<sockaddr_in*>(&bound)->sin_port);
  tcp_fd_ = fd;

  if (!config_.socket.empty()) {
    int ufd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_un ua{};
    ua.sun_family = AF_UNIX;
    if (config_.socket.size() >= sizeof ua.sun_path) return Status::InvalidArgument("socket path too long");
    strcpy(ua.sun_path, config_.socket.c_str());
    unlink(config_.socket.c_str());
    if (bind(ufd, reinterpret_cast<sockaddr*>(&ua), sizeof ua) != 0 || listen(ufd, 128) != 0) {
      std::string err = strerror(errno);
      close(ufd);
      return Status::IoError("Can't start server: Bind on unix socket " + config_.socket + ": " + err);
    }
    unix_fd_ = ufd;
  }
  return Status::Ok();
}

void Server::AcceptLoop(int listen_fd, bool unix_socket) {
  while (!stopping_.load()) {
    pollfd fds[2] = {{listen_fd, POLLIN, 0}, {wake_pipe_[0], POLLIN, 0}};
    int n = poll(fds, 2, -1);
    if (n < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (fds[1].revents != 0 || stopping_.load()) break;
    if (!(fds[0].revents & POLLIN)) continue;
    sockaddr_storage peer{};
    socklen_t len = sizeof peer;
    int fd = accept4(listen_fd, reinterpret_cast<sockaddr*>(&peer), &len, SOCK_CLOEXEC);
    if (fd < 0) continue;
    std::string ip;
    uint16_t port = 0;
    if (!unix_socket) {
      int one = 1;
      setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
      char buf[INET6_ADDRSTRLEN] = {0};
      if (peer.ss_family == AF_INET) {
        auto* a = reinterpret_cast<sockaddr_in*>(&peer);
        inet_ntop(AF_INET, &a->sin_addr, buf, sizeof buf);
        port = ntohs(a->sin_port);
      } else if (peer.ss_family == AF_INET6) {
        auto* a = reinterpret_cast<sockaddr_in6*>(&peer);
        inet_ntop(AF_INET6, &a->sin6_addr, buf, sizeof buf);
        port = ntohs(a->sin6_port);
      }
      ip = buf;
    }
    active_.fetch_add(1);
    std::thread([this, fd, ip, port, unix_socket] { RunConnection(fd, ip, port, unix_socket); }).detach();
  }
}

void Server::RunConnection(int fd, std::string ip, uint16_t port, bool unix_socket) {
  {
    ClientConnection c(this, fd, ip, port, unix_socket);
    {
      std::lock_guard<std::mutex> l(mu_);
      if (stopping_.load()) {
        c.Shutdown();
      }
      connections_set_.insert(&c);
    }
    if (!stopping_.load()) c.Run();
    std::lock_guard<std::mutex> l(mu_);
    connections_set_.erase(&c);
  }
  active_.fetch_sub(1);
  cv_.notify_all();
}

void Server::RequestShutdown() {
  shutdown_requested_.store(true);
  if (wake_pipe_[1] >= 0) {
    char c = 'x';
    ssize_t w = write(wake_pipe_[1], &c, 1);
    (void)w;
  }
}

void Server::WaitForShutdown() {
  while (!shutdown_requested_.load()) {
    pollfd p{wake_pipe_[0], POLLIN, 0};
    poll(&p, 1, 500);
  }
  Shutdown();
}

void Server::Shutdown() {
  if (stopping_.exchange(true)) return;
  LogNote("relaydb: Normal shutdown");
  if (wake_pipe_[1] >= 0) {
    char c = 'x';
    ssize_t w = write(wake_pipe_[1], &c, 1);
    (void)w;
  }
  for (auto& t : acceptors_)
    if (t.joinable()) t.join();
  if (tcp_fd_ >= 0) close(tcp_fd_);
  if (unix_fd_ >= 0) {
    close(unix_fd_);
    unlink(config_.socket.c_str());
  }
  // Stop the replica's threads, end the Binlog Dump threads, interrupt
  // running statements and close client connections.
  if (replica_) replica_->Shutdown();
  if (source_) source_->Shutdown();
  for (const auto& p : processlist_.Snapshot()) {
    auto e = processlist_.Find(p.id);
    if (e) {
      e->kill_query = true;
      e->kill_connection = true;
    }
  }
  {
    std::unique_lock<std::mutex> l(mu_);
    for (auto* c : connections_set_) c->Shutdown();
    cv_.wait_for(l, std::chrono::seconds(10), [this] { return active_.load() == 0; });
  }
  if (replica_) {
    engine_->SetReplicaControl(nullptr);
    replica_.reset();
  }
  if (source_) {
    engine_->SetReplicationSource(nullptr);
    replication_commands_ = nullptr;
    source_.reset();
  }
  if (binlog_) {
    engine_->SetBinaryLog(nullptr);
    Status s = binlog_->Close();
    if (!s.ok()) LogError("closing the binary log: " + s.message());
    binlog_.reset();
  }
  engine_.reset();
  if (lock_fd_ >= 0) close(lock_fd_);
  LogNote("relaydb: Shutdown complete");
}

// @@server_uuid (read by MySQL 8 replicas): kept in <datadir>/auto.cnf as
// MySQL does, generated on first start.
Status Server::LoadServerUuid() {
  std::string path = config_.datadir + "/auto.cnf";
  std::string uuid;
  if (FILE* f = fopen(path.c_str(), "r")) {
    char line[256];
    while (fgets(line, sizeof line, f) != nullptr) {
      std::string l(line);
      if (l.rfind("server-uuid=", 0) == 0) uuid = l.substr(12, 36);
    }
    fclose(f);
  }
  if (uuid.size() != 36) {
    unsigned char b[16];
    FILE* r = fopen("/dev/urandom", "r");
    if (r == nullptr || fread(b, 1, sizeof b, r) != sizeof b) {
      if (r) fclose(r);
      return Status::IoError("cannot read /dev/urandom");
    }
    fclose(r);
    b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40);
    b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);
    char buf[40];
    snprintf(buf, sizeof buf, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1],
             b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
    uuid = buf;
    std::string tmp = path + ".tmp";
    FILE* f = fopen(tmp.c_str(), "w");
    if (f == nullptr) return Status::IoError("cannot write " + tmp + ": " + strerror(errno));
    fprintf(f, "[auto]\nserver-uuid=%s\n", uuid.c_str());
    bool ok = fflush(f) == 0 && fsync(fileno(f)) == 0;
    fclose(f);
    if (!ok || rename(tmp.c_str(), path.c_str()) != 0) return Status::IoError("cannot write " + path);
  }
  variables_->Force("server_uuid", Value::String(uuid));
  return Status::Ok();
}

Status Server::OpenBinaryLog() {
  sql::BinaryLogOptions bo;
  std::string base = config_.log_bin_basename;
  if (base.empty()) {
    char host[256] = "relaydb";
    gethostname(host, sizeof host - 1);
    base = config_.datadir + "/" + std::string(host) + "-bin";
  }
  size_t slash = base.rfind('/');
  bo.writer.dir = slash == std::string::npos ? "." : base.substr(0, slash);
  bo.writer.basename = slash == std::string::npos ? base : base.substr(slash + 1);
  bo.writer.server_id = config_.server_id;
  bo.writer.checksum = variables_->GetString("binlog_checksum") == "NONE" ? binlog::ChecksumAlg::kOff
                                                                          : binlog::ChecksumAlg::kCrc32;
  bo.writer.max_size = variables_->GetUInt("max_binlog_size");
  bo.writer.sync_binlog = static_cast<uint32_t>(variables_->GetUInt("sync_binlog"));
  bo.writer.expire_logs_seconds = variables_->GetUInt("binlog_expire_logs_seconds");
  bo.db_path = engine_->db_path();
  bo.sync_engine = config_.synchronous_full;
  bo.domain_id = static_cast<uint32_t>(variables_->GetUInt("gtid_domain_id"));
  ASSIGN_OR_RETURN(binlog_, sql::BinaryLog::Open(bo));
  engine_->SetBinaryLog(binlog_.get());
  sql::BinaryLog* b = binlog_.get();
  engine_->status().SetProvider("Binlog_commits", [b] { return std::to_string(b->commits()); });
  engine_->status().SetProvider("Binlog_group_commits", [b] { return std::to_string(b->group_commits()); });
  engine_->status().SetProvider("Binlog_snapshot_file", [b] { return b->writer().CurrentPosition().file; });
  engine_->status().SetProvider("Binlog_snapshot_position",
                                [b] { return std::to_string(b->writer().CurrentPosition().pos); });
  source_ = std::make_unique<ReplicationSource>(binlog_.get(), &processlist_, config_.server_id);
  replication_commands_ = source_.get();
  engine_->SetReplicationSource(source_.get());
  variables_->Force("log_bin", Value::Int(1));
  variables_->Force("log_bin_basename", Value::String(base));
  variables_->Force("log_bin_index", Value::String(base + ".index"));
  return Status::Ok();
}

std::string Server::HandshakeVersion() const {
  // MariaDB's replication-compatible prefix: clients strip "5.5.5-".
  return "5.5.5-" + variables_->GetString("version");
}

size_t Server::MaxAllowedPacket() const { return variables_->GetUInt("max_allowed_packet"); }
uint64_t Server::MaxConnections() const { return variables_->GetUInt("max_connections"); }
uint64_t Server::ConnectTimeoutSeconds() const { return variables_->GetUInt("connect_timeout"); }
bool Server::SkipNameResolve() const { return variables_->GetUInt("skip_name_resolve") != 0; }
uint64_t Server::UptimeSeconds() const {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started_).count();
}

}  // namespace relaydb::server
