// POSIX file helpers for the binlog files: full writes and positioned reads
// that retry on EINTR, fdatasync, and durable replacement of small files
// (write a temp file, fsync it, rename it over the old one, fsync the
// directory), as STYLE.md asks of status and index files.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"

namespace relaydb::binlog {

// "<what> '<path>': <strerror(errno)>" as an IoError.
Status ErrnoStatus(const std::string& what, const std::string& path, int err);

// Writes all of `data` at the file offset of `fd`.
Status WriteAll(int fd, std::string_view data, const std::string& path);
// Writes all of `data` at `offset`.
Status PwriteAll(int fd, std::string_view data, uint64_t offset, const std::string& path);
// Reads up to `n` bytes at `offset` into `out` (fewer only at end of file).
Status PreadUpTo(int fd, uint64_t offset, size_t n, std::string* out, const std::string& path);
Status SyncFd(int fd, const std::string& path);
Result<uint64_t> FileSizeOf(int fd, const std::string& path);

// Replaces `path` with `contents` durably (temp + fsync + rename + dir fsync).
Status WriteFileAtomically(const std::string& path, std::string_view contents);
// fsyncs the directory `dir` so a create/rename/unlink in it is durable.
Status SyncDir(const std::string& dir);
// Whole-file read; NotFound-like absence is reported through *exists.
Status ReadWholeFile(const std::string& path, std::string* out, bool* exists);

}  // namespace relaydb::binlog
