// relaydb-binlog: see docs/relaydb_binlog.md.
#include <cstdio>
#include <string>
#include <vector>

#include "relaydb_binlog/binlog_tool.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  return relaydb::binlog_tool::RunBinlogTool(args, stdout, stderr);
}
