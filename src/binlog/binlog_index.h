// The binlog index file (<basename>.index): the binlog files of a server,
// oldest first, one per line, written as MariaDB writes them when log_bin is
// relative to the datadir ("./mariadb-bin.000001\n"). See
// docs/binlog_format.md, "Files and the index".
//
// Entries are kept as bare file names; reading accepts "./name", "name" and
// absolute paths (their directory is ignored: the files live beside the
// index). Save() replaces the file durably (temp + fsync + rename).
// Not thread-safe: the writer guards it; readers Load() their own copy.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"

namespace relaydb::binlog {

class BinlogIndex {
 public:
  BinlogIndex() = default;
  explicit BinlogIndex(std::string path) : path_(std::move(path)) {}

  // Reads `path`; a missing file is an empty index.
  static Result<BinlogIndex> Load(const std::string& path);

  const std::string& path() const { return path_; }
  const std::vector<std::string>& files() const { return files_; }
  bool empty() const { return files_.empty(); }
  // Position of `name` in the list, or -1.
  int Find(const std::string& name) const;
  // The file after `name`, or "" if `name` is the last or absent.
  std::string Next(const std::string& name) const;

  void Add(const std::string& name) { files_.push_back(name); }
  // Drops the first `n` entries.
  void RemoveFirst(size_t n);
  // Drops the newest entry, if any.
  void RemoveLast() {
    if (!files_.empty()) files_.pop_back();
  }
  void Clear() { files_.clear(); }

  // The file's contents for the current list.
  std::string Serialize() const;
  Status Save() const;

 private:
  std::string path_;
  std::vector<std::string> files_;
};

}  // namespace relaydb::binlog
