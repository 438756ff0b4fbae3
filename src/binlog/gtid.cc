// GTIDs and the binlog GTID state. See gtid.h.
#include "binlog/gtid.h"

#include <algorithm>

namespace relaydb::binlog {
namespace {

bool ParseUint(std::string_view s, uint64_t max, uint64_t* out) {
  if (s.empty() || s.size() > 20) return false;
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    const uint64_t d = static_cast<uint64_t>(c - '0');
    if (v > (max - d) / 10) return false;
    v = v * 10 + d;
  }
  *out = v;
  return true;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

}  // namespace

std::string Gtid::ToString() const {
  return std::to_string(domain_id) + "-" + std::to_string(server_id) + "-" + std::to_string(seq_no);
}

Result<Gtid> ParseGtid(std::string_view text) {
  const size_t a = text.find('-');
  const size_t b = a == std::string_view::npos ? a : text.find('-', a + 1);
  uint64_t d = 0, s = 0, n = 0;
  if (b == std::string_view::npos || !ParseUint(text.substr(0, a), UINT32_MAX, &d) ||
      !ParseUint(text.substr(a + 1, b - a - 1), UINT32_MAX, &s) ||
      !ParseUint(text.substr(b + 1), UINT64_MAX, &n)) {
    return Status::InvalidArgument("malformed GTID '" + std::string(text) + "'");
  }
  return Gtid{static_cast<uint32_t>(d), static_cast<uint32_t>(s), n};
}

Result<std::vector<Gtid>> ParseGtidList(std::string_view text) {
  std::vector<Gtid> out;
  text = Trim(text);
  if (text.empty()) return out;
  size_t start = 0;
  while (true) {
    const size_t comma = text.find(',', start);
    ASSIGN_OR_RETURN(Gtid g, ParseGtid(Trim(text.substr(start, comma - start))));
    out.push_back(g);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return out;
}

std::string FormatGtidList(const std::vector<Gtid>& gtids) {
  std::string s;
  for (const Gtid& g : gtids) {
    if (!s.empty()) s += ',';
    s += g.ToString();
  }
  return s;
}

GtidBinlogState::Domain* GtidBinlogState::FindDomain(uint32_t domain_id) {
  for (Domain& d : domains_) {
    if (d.domain_id == domain_id) return &d;
  }
  return nullptr;
}

const GtidBinlogState::Domain* GtidBinlogState::FindDomain(uint32_t domain_id) const {
  for (const Domain& d : domains_) {
    if (d.domain_id == domain_id) return &d;
  }
  return nullptr;
}

void GtidBinlogState::Update(const Gtid& gtid) {
  Domain* d = FindDomain(gtid.domain_id);
  if (d == nullptr) {
    Domain nd;
    nd.domain_id = gtid.domain_id;
    auto it = std::lower_bound(domains_.begin(), domains_.end(), gtid.domain_id,
                               [](const Domain& x, uint32_t id) { return x.domain_id < id; });
    d = &*domains_.insert(it, nd);
  }
  auto& v = d->by_server;
  v.erase(std::remove_if(v.begin(), v.end(),
                         [&](const Gtid& g) { return g.server_id == gtid.server_id; }),
          v.end());
  v.push_back(gtid);
  d->max_seq_no = std::max(d->max_seq_no, gtid.seq_no);
}

void GtidBinlogState::Load(const std::vector<Gtid>& gtids) {
  domains_.clear();
  for (const Gtid& g : gtids) Update(g);
}

std::vector<Gtid> GtidBinlogState::List() const {
  std::vector<Gtid> out;
  for (const Domain& d : domains_) out.insert(out.end(), d.by_server.begin(), d.by_server.end());
  return out;
}

std::vector<Gtid> GtidBinlogState::Current() const {
  std::vector<Gtid> out;
  for (const Domain& d : domains_) {
    if (!d.by_server.empty()) out.push_back(d.by_server.back());
  }
  return out;
}

std::optional<Gtid> GtidBinlogState::LastInDomain(uint32_t domain_id) const {
  const Domain* d = FindDomain(domain_id);
  if (d == nullptr || d->by_server.empty()) return std::nullopt;
  return d->by_server.back();
}

uint64_t GtidBinlogState::NextSeqNo(uint32_t domain_id) const {
  const Domain* d = FindDomain(domain_id);
  return d == nullptr ? 1 : d->max_seq_no + 1;
}

}  // namespace relaydb::binlog
