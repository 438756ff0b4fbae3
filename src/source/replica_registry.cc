// ReplicaRegistry. See replica_registry.h.
#include "source/replica_registry.h"

#include "common/bytes.h"

namespace relaydb::source {

Result<ReplicaInfo> ParseRegisterSlave(std::string_view payload) {
  ByteReader r(payload);
  uint8_t cmd = 0;
  ReplicaInfo info;
  auto bad = [] { return Status::SqlError(1835, "HY000", "Malformed communication packet"); };
  if (!r.ReadU8(&cmd).ok() || cmd != 0x15) return bad();
  if (!r.ReadU32(&info.server_id).ok()) return bad();
  auto str = [&](std::string* out) -> bool {
    uint8_t n = 0;
    std::string_view sv;
    if (!r.ReadU8(&n).ok() || !r.ReadBytes(n, &sv).ok()) return false;
    *out = std::string(sv);
    return true;
  };
  if (!str(&info.host) || !str(&info.user) || !str(&info.password)) return bad();
  if (!r.ReadU16(&info.port).ok()) return bad();
  // rank and master_id are optional in practice (older clients stop here).
  if (r.remaining() >= 4) {
    Status s = r.ReadU32(&info.rank);
    (void)s;
  }
  if (r.remaining() >= 4) {
    Status s = r.ReadU32(&info.master_id);
    (void)s;
  }
  return info;
}

void ReplicaRegistry::Register(const ReplicaInfo& info, std::function<void()> kill) {
  std::function<void()> old_kill;
  {
    std::lock_guard<std::mutex> l(mu_);
    auto it = by_server_id_.find(info.server_id);
    if (it != by_server_id_.end() && it->second.info.connection_id != info.connection_id)
      old_kill = std::move(it->second.kill);
    by_server_id_[info.server_id] = Entry{info, std::move(kill)};
  }
  if (old_kill) old_kill();
}

void ReplicaRegistry::Unregister(uint64_t connection_id) {
  std::lock_guard<std::mutex> l(mu_);
  for (auto it = by_server_id_.begin(); it != by_server_id_.end(); ++it) {
    if (it->second.info.connection_id == connection_id) {
      by_server_id_.erase(it);
      return;
    }
  }
}

std::vector<ReplicaInfo> ReplicaRegistry::List() const {
  std::lock_guard<std::mutex> l(mu_);
  std::vector<ReplicaInfo> out;
  for (auto& [id, e] : by_server_id_) out.push_back(e.info);
  return out;
}

size_t ReplicaRegistry::size() const {
  std::lock_guard<std::mutex> l(mu_);
  return by_server_id_.size();
}

}  // namespace relaydb::source
