// The replica's two status files, master.info (written by the I/O thread)
// and relay-log.info (written by the SQL thread), in the line layouts of
// ../shared/seeds/003 ("Replication Relay and Status Files") as MariaDB
// 10.11 writes them; docs/relay_log.md ("Status files") has the byte
// layout, checked against files mariadbd wrote (src/replica/testdata).
//
// * Parse*/Serialize* are pure functions over the file contents.
// * Read* reads a file: nullopt when it does not exist, Corruption naming
//   the file and the line when it cannot be understood, IoError otherwise.
// * Write* replaces a file atomically: a temporary file beside it, renamed
//   over it. With `durable` the temporary file is fsynced before the rename
//   and the directory after it (STYLE.md, "Habits"); without, a process
//   crash still leaves the old or the new file, never a torn one, but an OS
//   crash may lose the update (sync_master_info semantics, see
//   docs/relay_log.md).
//
// Thread-compatible: the functions keep no state.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace relaydb::replica {

// master.info's first line in the MySQL 4.1+ layout (MariaDB 10.11: 33).
inline constexpr uint32_t kMasterInfoLines = 33;
// Files whose first line is a number below this are the pre-4.1 layout (no
// line count; 7 lines starting with Master_Log_File).
inline constexpr uint32_t kMasterInfoLinesWithSsl = 14;
// relay-log.info's first line (MariaDB 10.11: 5, the line count with
// SQL_Delay). Files without it are the 4-line layout.
inline constexpr uint32_t kRelayLogInfoLines = 5;

// CHANGE MASTER TO MASTER_USE_GTID (master.info "using_gtid=").
enum class UseGtid : uint8_t { kNo = 0, kCurrentPos = 1, kSlavePos = 2 };

// Everything master.info holds. Line numbers are the file's (line 1 is the
// line count).
struct MasterInfo {
  std::string master_log_file;         // 2  Master_Log_File ("" = the source's first)
  uint64_t read_master_log_pos = 4;    // 3  Read_Master_Log_Pos
  std::string host;                    // 4  Master_Host
  std::string user;                    // 5  Master_User
  std::string password;                // 6  (not shown by SHOW SLAVE STATUS)
  uint32_t port = 3306;                // 7  Master_Port
  uint32_t connect_retry = 60;         // 8  Connect_Retry (seconds)
  bool ssl = false;                    // 9  Master_SSL_Allowed
  std::string ssl_ca;                  // 10 Master_SSL_CA_File
  std::string ssl_capath;              // 11 Master_SSL_CA_Path
  std::string ssl_cert;                // 12 Master_SSL_Cert
  std::string ssl_cipher;              // 13 Master_SSL_Cipher
  std::string ssl_key;                 // 14 Master_SSL_Key
  bool ssl_verify_server_cert = false;  // 15 Master_SSL_Verify_Server_Cert
  // 16 MASTER_HEARTBEAT_PERIOD in seconds, written with 3 decimals. MariaDB
  // sets slave_net_timeout / 2 at CHANGE MASTER when none is given; 0 = no
  // heartbeats.
  double heartbeat_period = 0;
  // 17 master_bind: reserved, written empty.
  std::vector<uint32_t> ignore_server_ids;  // 18 "<count>[ <id>...]"
  // 19 master_uuid: reserved, written empty. 20 retry count: written 0.
  std::string ssl_crl;      // 21 Master_SSL_Crl
  std::string ssl_crlpath;  // 22 Master_SSL_Crlpath
  // 23-33 reserved for MySQL, written empty. Then key=value lines:
  UseGtid using_gtid = UseGtid::kNo;       // using_gtid=
  std::vector<uint32_t> do_domain_ids;      // do_domain_ids=<count>[ <id>...]
  std::vector<uint32_t> ignore_domain_ids;  // ignore_domain_ids=...

  bool operator==(const MasterInfo&) const = default;
};

// Everything relay-log.info holds.
struct RelayLogInfo {
  // Relay_Log_File. A bare name is written "./<name>", as MariaDB does for
  // relay logs in the datadir; a name with a directory is written as it is.
  // Reading strips any directory (the relay log lives beside its index).
  std::string relay_log_file;
  uint64_t relay_log_pos = 4;          // Relay_Log_Pos
  std::string relay_master_log_file;   // Relay_Master_Log_File
  uint64_t exec_master_log_pos = 0;    // Exec_Master_Log_Pos
  int64_t sql_delay = 0;               // MASTER_DELAY (5-line layout only)

  bool operator==(const RelayLogInfo&) const = default;
};

// The file's bytes, exactly as MariaDB 10.11 writes them for these values.
std::string SerializeMasterInfo(const MasterInfo& mi);
std::string SerializeRelayLogInfo(const RelayLogInfo& rli);

// Parses a file's contents. `name` names the file in error messages. Older
// layouts (fewer lines, as the first line says; or no count at all) leave
// the missing fields at their defaults; lines after the counted ones (and
// after master.info's END_MARKER) are ignored, as MariaDB leaves stale bytes
// there when it rewrites in place. Corruption ("master info file 'x': line
// 3 (Read_Master_Log_Pos) is not a number: 'abc'") if a counted line is
// missing or a number is malformed.
Result<MasterInfo> ParseMasterInfo(std::string_view contents, std::string_view name);
Result<RelayLogInfo> ParseRelayLogInfo(std::string_view contents, std::string_view name);

// Reads `path`; nullopt if it does not exist.
Result<std::optional<MasterInfo>> ReadMasterInfo(const std::string& path);
Result<std::optional<RelayLogInfo>> ReadRelayLogInfo(const std::string& path);

// Replaces `path` atomically (see the top of the file for `durable`).
// Files are created with mode 0660, as mariadbd does.
Status WriteMasterInfo(const std::string& path, const MasterInfo& mi, bool durable = true);
Status WriteRelayLogInfo(const std::string& path, const RelayLogInfo& rli, bool durable = true);

// The replacement both writers use: `contents` to `path` through
// "<path>.tmp" and rename(2), fsyncing file and directory when `durable`.
Status ReplaceFile(const std::string& path, std::string_view contents, bool durable);

}  // namespace relaydb::replica
