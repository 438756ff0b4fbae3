// SHOW SLAVE STATUS columns. See replica_control.h.
#include "sql/replica_control.h"

#include <cstring>

namespace relaydb::sql {

namespace {

struct ColumnSpec {
  const char* name;
  int type;         // 253 VAR_STRING (utf8mb4), 3 LONG, 8 LONGLONG
  uint32_t length;  // as MariaDB 10.11 sends it
};

// Captured from MariaDB 10.11.19 (SHOW SLAVE STATUS through PyMySQL): the
// strings are NOT NULL utf8mb4 VARCHARs with decimals 39, the numbers NOT
// NULL UNSIGNED BINARY integers; Seconds_Behind_Master and
// SQL_Remaining_Delay are NULL when unknown.
constexpr ColumnSpec kColumns[] = {
{"Slave_IO_State", 253, 120},
{"Master_Host", 253, 3064},
{"Master_User", 253, 1540},
{"Master_Port", 3, 7},
{"Connect_Retry", 3, 10},
{"Master_Log_File", 253, 2048},
{"Read_Master_Log_Pos", 8, 10},
{"Relay_Log_File", 253, 2048},
{"Relay_Log_Pos", 8, 10},
{"Relay_Master_Log_File", 253, 2048},
{"Slave_IO_Running", 253, 12},
{"Slave_SQL_Running", 253, 12},
{"Replicate_Do_DB", 253, 80},
{"Replicate_Ignore_DB", 253, 80},
{"Replicate_Do_Table", 253, 80},
{"Replicate_Ignore_Table", 253, 92},
{"Replicate_Wild_Do_Table", 253, 96},
{"Replicate_Wild_Ignore_Table", 253, 112},
{"Last_Errno", 3, 4},
{"Last_Error", 253, 80},
{"Skip_Counter", 3, 10},
{"Exec_Master_Log_Pos", 8, 10},
{"Relay_Log_Space", 8, 10},
{"Until_Condition", 253, 24},
{"Until_Log_File", 253, 2048},
{"Until_Log_Pos", 8, 10},
{"Master_SSL_Allowed", 253, 28},
{"Master_SSL_CA_File", 253, 2048},
{"Master_SSL_CA_Path", 253, 2048},
{"Master_SSL_Cert", 253, 2048},
{"Master_SSL_Cipher", 253, 2048},
{"Master_SSL_Key", 253, 2048},
{"Seconds_Behind_Master", 8, 10},
{"Master_SSL_Verify_Server_Cert", 253, 12},
{"Last_IO_Errno", 3, 4},
{"Last_IO_Error", 253, 80},
{"Last_SQL_Errno", 3, 4},
{"Last_SQL_Error", 253, 80},
{"Replicate_Ignore_Server_Ids", 253, 2048},
{"Master_Server_Id", 3, 8},
{"Master_SSL_Crl", 253, 2048},
{"Master_SSL_Crlpath", 253, 2048},
{"Using_Gtid", 253, 44},
{"Gtid_IO_Pos", 253, 120},
{"Replicate_Do_Domain_Ids", 253, 2048},
{"Replicate_Ignore_Domain_Ids", 253, 2048},
{"Parallel_Mode", 253, 48},
{"SQL_Delay", 3, 10},
{"SQL_Remaining_Delay", 3, 8},
{"Slave_SQL_Running_State", 253, 80},
{"Slave_DDL_Groups", 8, 20},
{"Slave_Non_Transactional_Groups", 8, 20},
{"Slave_Transactional_Groups", 8, 20},
{"Replicate_Rewrite_DB", 253, 92},
};

// SHOW ALL SLAVES STATUS adds these (MariaDB 10.11.19, as above; the
// heartbeat period is a DOUBLE with 3 decimals, signed).
constexpr ColumnSpec kAllSlavesHead[] = {
{"Connection_name", 253, 768},
{"Slave_SQL_State", 253, 120},
};
constexpr ColumnSpec kAllSlavesTail[] = {
{"Retried_transactions", 3, 10},
{"Max_relay_log_size", 8, 10},
{"Executed_log_entries", 3, 10},
{"Slave_received_heartbeats", 3, 10},
{"Slave_heartbeat_period", 5, 10},
{"Gtid_Slave_Pos", 253, 0},
};

template <size_t N>
void AppendColumns(const ColumnSpec (&specs)[N], std::vector<ColumnMeta>* out) {
  for (const auto& c : specs) {
      ColumnMeta m;
      m.name = c.name;
      m.type = static_cast<FieldType>(c.type);
      m.length = c.length;
      if (c.type == kTypeVarString) {
        m.charset = kCharsetUtf8mb4GeneralCi;
        m.flags = kNotNullFlag;
        m.decimals = 39;
      } else if (c.type == kTypeDouble) {
        m.charset = kCharsetBinary;
        m.flags = static_cast<uint16_t>(kNotNullFlag | kBinaryFlag);
        m.decimals = 3;
      } else {
        m.charset = kCharsetBinary;
        m.flags = static_cast<uint16_t>(kNotNullFlag | kUnsignedFlag | kBinaryFlag);
        m.decimals = 0;
      }
      out->push_back(m);
  }
}

}  // namespace

const std::vector<ColumnMeta>& SlaveStatusColumns() {
  static const std::vector<ColumnMeta> cols = [] {
    std::vector<ColumnMeta> out;
    AppendColumns(kColumns, &out);
    return out;
  }();
  return cols;
}

const std::vector<ColumnMeta>& AllSlavesStatusColumns() {
  static const std::vector<ColumnMeta> cols = [] {
    std::vector<ColumnMeta> out;
    AppendColumns(kAllSlavesHead, &out);
    AppendColumns(kColumns, &out);
    AppendColumns(kAllSlavesTail, &out);
    return out;
  }();
  return cols;
}

int SlaveStatusColumn(std::string_view name) {
  const auto& cols = SlaveStatusColumns();
  for (size_t i = 0; i < cols.size(); i++)
    if (cols[i].name == name) return static_cast<int>(i);
  return -1;
}

}  // namespace relaydb::sql
