// What the SQL layer asks of the replica (src/replica implements it; the
// server installs it in the Engine): CHANGE MASTER, START/STOP SLAVE, RESET
// SLAVE, FLUSH RELAY LOGS, SHOW SLAVE STATUS, MASTER_POS_WAIT() and
// sql_slave_skip_counter. Each returns MariaDB's errors for misuse and may
// add notes/warnings (e.g. 1254 "Slave is already running").
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/mysql_types.h"
#include "common/status.h"
#include "common/value.h"
#include "sql/ast.h"
#include "sql/types.h"

namespace relaydb::sql {

// SHOW SLAVE STATUS: MariaDB 10.11's 54 columns, in order, with the
// metadata MariaDB sends for them.
const std::vector<ColumnMeta>& SlaveStatusColumns();
// Index of a column of SlaveStatusColumns() by name (-1 if none).
int SlaveStatusColumn(std::string_view name);
// SHOW ALL SLAVES STATUS: Connection_name and Slave_SQL_State, the 54
// columns above, then Retried_transactions, Max_relay_log_size,
// Executed_log_entries, Slave_received_heartbeats, Slave_heartbeat_period
// and Gtid_Slave_Pos (MariaDB 10.11's 62 columns).
const std::vector<ColumnMeta>& AllSlavesStatusColumns();

class ReplicaControl {
 public:
  virtual ~ReplicaControl() = default;
  virtual Status ChangeMaster(const ChangeMasterStmt& st, std::vector<SqlWarning>* warnings) = 0;
  // START/STOP SLAVE [IO_THREAD|SQL_THREAD] [UNTIL ...].
  virtual Status StartSlave(const ReplicaControlStmt& st, std::vector<SqlWarning>* warnings) = 0;
  virtual Status StopSlave(const ReplicaControlStmt& st, std::vector<SqlWarning>* warnings) = 0;
  virtual Status ResetSlave(bool all, std::vector<SqlWarning>* warnings) = 0;
  virtual Status FlushRelayLogs() = 0;
  // One row in SlaveStatusColumns() order (AllSlavesStatusColumns() with
  // `all_slaves`); nullopt when no replica is configured (no row).
  virtual std::optional<std::vector<Value>> StatusRow(bool all_slaves) = 0;
  // MASTER_POS_WAIT: events executed while waiting, -1 on timeout, NULL if
  // the SQL thread is not running / nothing is configured.
  virtual Value MasterPosWait(const std::string& file, int64_t pos, double timeout,
                              const std::function<bool()>& killed) = 0;
  // SET GLOBAL sql_slave_skip_counter = n (1198 while the SQL thread runs).
  virtual Status SetSkipCounter(uint64_t n) = 0;
};

}  // namespace relaydb::sql
