// Binlog index file. See binlog_index.h.
#include "binlog/binlog_index.h"

#include <algorithm>

#include "binlog/file_util.h"

namespace relaydb::binlog {

Result<BinlogIndex> BinlogIndex::Load(const std::string& path) {
  BinlogIndex index(path);
  std::string contents;
  bool exists = false;
  RETURN_IF_ERROR(ReadWholeFile(path, &contents, &exists));
  size_t start = 0;
  while (start < contents.size()) {
    size_t nl = contents.find('\n', start);
    if (nl == std::string::npos) nl = contents.size();
    std::string line = contents.substr(start, nl - start);
    start = nl + 1;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    const size_t slash = line.find_last_of('/');
    if (slash != std::string::npos) line = line.substr(slash + 1);
    if (line.empty())
      return Status::Corruption("binlog index '" + path + "' has an entry ending in '/'");
    index.files_.push_back(line);
  }
  return index;
}

int BinlogIndex::Find(const std::string& name) const {
  for (size_t i = 0; i < files_.size(); i++) {
    if (files_[i] == name) return static_cast<int>(i);
  }
  return -1;
}

std::string BinlogIndex::Next(const std::string& name) const {
  const int i = Find(name);
  if (i < 0 || static_cast<size_t>(i) + 1 >= files_.size()) return "";
  return files_[static_cast<size_t>(i) + 1];
}

void BinlogIndex::RemoveFirst(size_t n) {
  files_.erase(files_.begin(), files_.begin() + static_cast<long>(std::min(n, files_.size())));
}

std::string BinlogIndex::Serialize() const {
  std::string out;
  for (const auto& f : files_) out += "./" + f + "\n";
  return out;
}

Status BinlogIndex::Save() const { return WriteFileAtomically(path_, Serialize()); }

}  // namespace relaydb::binlog
