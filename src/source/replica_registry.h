// The replicas registered with this source (COM_REGISTER_SLAVE), for SHOW
// SLAVE HOSTS, and the rule from seed 000: a replica connecting with the
// server_id of one already connected makes the source close the older
// connection (it is probably a dead link the source has not noticed).
//
// Thread-safety: all methods may be called from any thread.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace relaydb::source {

struct ReplicaInfo {
  uint32_t server_id = 0;
  std::string host;      // report_host (may be empty)
  std::string user;      // report_user
  std::string password;  // report_password (never shown)
  uint16_t port = 0;     // report_port
  uint32_t rank = 0;
  uint32_t master_id = 0;
  uint64_t connection_id = 0;  // the processlist id of its connection
};

// Parses a COM_REGISTER_SLAVE payload (first byte 0x15).
Result<ReplicaInfo> ParseRegisterSlave(std::string_view payload);

class ReplicaRegistry {
 public:
  // Registers `info`. A replica already registered with the same server_id
  // on another connection is replaced and its `kill` callback is run, so
  // the older connection closes.
  void Register(const ReplicaInfo& info, std::function<void()> kill);
  // Removes the registration made by connection `connection_id` (if any).
  void Unregister(uint64_t connection_id);
  // SHOW SLAVE HOSTS, sorted by server_id.
  std::vector<ReplicaInfo> List() const;
  size_t size() const;

 private:
  struct Entry {
    ReplicaInfo info;
    std::function<void()> kill;
  };
  mutable std::mutex mu_;
  std::map<uint32_t, Entry> by_server_id_;  // protected by mu_
};

}  // namespace relaydb::source
