// Collation ids to character set and collation names, as MariaDB 10.11
// knows them: a binlog carries only ids (Query charset status variables,
// User_var strings, Table_map optional metadata), mariadb-binlog prints names.
#pragma once

#include <cstdint>

namespace relaydb::binlog_tool {

struct CollationInfo {
  uint16_t id;
  const char* charset;    // "utf8mb3", "latin1", "binary", ...
  const char* collation;  // "utf8mb3_general_ci", ...
  uint8_t maxlen;         // bytes per character at most
};

// The collation with this id, or nullptr if MariaDB 10.11 has none.
const CollationInfo* FindCollation(uint32_t id);

}  // namespace relaydb::binlog_tool
