// CommandName: MariaDB 10.11's command_name[] table (sql/sql_parse.cc), the
// text SHOW PROCESSLIST prints in its Command column. See protocol.h.
#include "wire/protocol.h"

namespace relaydb::wire {

std::string_view CommandName(uint8_t cmd) {
  static constexpr std::string_view kNames[] = {
      "Sleep",          "Quit",          "Init DB",       "Query",         "Field List",
      "Create DB",      "Drop DB",       "Refresh",       "Shutdown",      "Statistics",
      "Processlist",    "Connect",       "Kill",          "Debug",         "Ping",
      "Time",           "Delayed insert", "Change user",  "Binlog Dump",   "Table Dump",
      "Connect Out",    "Register Slave", "Prepare",      "Execute",       "Long Data",
      "Close stmt",     "Reset stmt",    "Set option",    "Fetch",         "Daemon",
      "Unimpl get tid", "Reset connection",
  };
  if (cmd < std::size(kNames)) return kNames[cmd];
  switch (cmd) {
    case 250: return "Bulk_execute";
    case 251: return "Slave_worker";
    case 252: return "Slave_IO";
    case 253: return "Slave_SQL";
    case 254: return "Com_multi";
    default: return "Error";
  }
}

}  // namespace relaydb::wire
