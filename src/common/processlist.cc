// ProcessList. See processlist.h.
#include "common/processlist.h"

namespace relaydb {

ProcessEntry::Snapshot ProcessEntry::Read() const {
  std::lock_guard<std::mutex> l(mu_);
  auto elapsed = std::chrono::steady_clock::now() - since_;
  double ms = std::chrono::duration<double, std::milli>(elapsed).count();
  return Snapshot{id_, user_, host_, db_, command_, state_, info_, static_cast<int64_t>(ms / 1000), ms};
}

std::shared_ptr<ProcessEntry> ProcessList::Register() {
  auto e = std::make_shared<ProcessEntry>(next_id_.fetch_add(1));
  std::lock_guard<std::mutex> l(mu_);
  entries_[e->id()] = e;
  return e;
}

void ProcessList::Unregister(uint64_t id) {
  std::lock_guard<std::mutex> l(mu_);
  entries_.erase(id);
}

std::shared_ptr<ProcessEntry> ProcessList::Find(uint64_t id) const {
  std::lock_guard<std::mutex> l(mu_);
  auto it = entries_.find(id);
  return it == entries_.end() ? nullptr : it->second;
}

std::vector<ProcessEntry::Snapshot> ProcessList::Snapshot() const {
  std::vector<std::shared_ptr<ProcessEntry>> copy;
  {
    std::lock_guard<std::mutex> l(mu_);
    for (auto& [id, e] : entries_) copy.push_back(e);
  }
  std::vector<ProcessEntry::Snapshot> out;
  out.reserve(copy.size());
  for (auto& e : copy) out.push_back(e->Read());
  return out;
}

size_t ProcessList::size() const {
  std::lock_guard<std::mutex> l(mu_);
  return entries_.size();
}

}  // namespace relaydb
