// MariaDB global transaction IDs: domain-server-seq_no triples, their text
// form ("0-1-42", lists joined by commas as in @@gtid_binlog_pos), and the
// binlog GTID state the writer keeps (rpl_binlog_state): for each domain the
// last GTID logged by each server_id, which heads every new binlog file as its
// Gtid_list event (docs/binlog_format.md, "GTIDs").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace relaydb::binlog {

struct Gtid {
  uint32_t domain_id = 0;
  uint32_t server_id = 0;
  uint64_t seq_no = 0;

  // "domain-server-seq_no".
  std::string ToString() const;
  bool operator==(const Gtid& o) const {
    return domain_id == o.domain_id && server_id == o.server_id && seq_no == o.seq_no;
  }
};

// Parses "0-1-42" (no spaces).
Result<Gtid> ParseGtid(std::string_view text);
// Parses a comma-separated list ("" is the empty list; spaces around items are
// allowed, as MariaDB accepts them in gtid_slave_pos).
Result<std::vector<Gtid>> ParseGtidList(std::string_view text);
// "0-1-42,1-2-7".
std::string FormatGtidList(const std::vector<Gtid>& gtids);

// The GTID state of a binary log. Not thread-safe: the writer guards it.
class GtidBinlogState {
 public:
  // Records that `gtid` was logged.
  void Update(const Gtid& gtid);
  // Replaces the state with `gtids` (a Gtid_list read from a file head);
  // later entries of a domain are more recent.
  void Load(const std::vector<Gtid>& gtids);
  void Reset() { domains_.clear(); }
  bool empty() const { return domains_.empty(); }

  // Every (domain, server_id) entry, domains ascending and each domain's most
  // recent GTID last: what a Gtid_list event at the head of a file carries.
  std::vector<Gtid> List() const;
  // The most recent GTID of each domain, domains ascending (@@gtid_binlog_pos).
  std::vector<Gtid> Current() const;
  std::optional<Gtid> LastInDomain(uint32_t domain_id) const;
  // The seq_no the next GTID of `domain_id` gets: the highest so far + 1.
  uint64_t NextSeqNo(uint32_t domain_id) const;

 private:
  struct Domain {
    uint32_t domain_id = 0;
    std::vector<Gtid> by_server;  // one per server_id, most recent last
    uint64_t max_seq_no = 0;
  };
  Domain* FindDomain(uint32_t domain_id);
  const Domain* FindDomain(uint32_t domain_id) const;

  std::vector<Domain> domains_;  // sorted by domain_id
};

}  // namespace relaydb::binlog
