// The Info column of SHOW BINLOG EVENTS / SHOW RELAYLOG EVENTS for one
// event, as MariaDB 10.11 prints it ("use `db`; <query>", "COMMIT /*
// xid=15 */", "table_id: 23 (db.t)", "BEGIN GTID 0-1-4", ...).
#pragma once

#include <string>

#include "binlog/events.h"

namespace relaydb::binlog {

std::string EventInfo(const Event& event);

}  // namespace relaydb::binlog
