// relaydb-binlog's main program as a function, so that tests can run it
// in-process: parse the options, read each file (or dump it from a server),
// filter the events and print them as text or JSON, or copy them raw.
// docs/relaydb_binlog.md is the manual.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

namespace relaydb::binlog_tool {

// Runs the tool with `args` (argv without argv[0]), writing the output to
// `out` (unless --result-file says otherwise) and messages to `err`.
// Returns the exit code: 0 success, 1 error (as mariadb-binlog).
int RunBinlogTool(const std::vector<std::string>& args, std::FILE* out, std::FILE* err);

}  // namespace relaydb::binlog_tool
