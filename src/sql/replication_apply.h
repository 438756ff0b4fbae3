// ReplicationApply: the SQL-layer half of the replica's SQL thread
// (docs/applier.md). It executes one complete relay-log event group at a
// time through relaydb's SQL layer, on a Session of the system user:
//
//  * Query events run through Session::Execute with the session context
//    the event carries (default database, sql_mode, charsets, time_zone,
//    lc_time_names, auto_increment settings, flags2, the statement time
//    as SET TIMESTAMP sets it, pseudo_thread_id) and the Intvar / Rand /
//    User_var events before them. An error equal to the event's
//    error_code is expected (MySQL's rule); any other outcome stops the
//    thread with MariaDB's Last_SQL_Error text.
//  * Table_map + Write/Update/Delete_rows (v1, v2, compressed) are decoded
//    against the catalog's TableDef and applied to SQLite directly, with
//    values converted to relaydb's stored forms (the inverse of
//    BinlogEncoder::ToBinlogValue). Their changes go through the session's
//    change capture, so --log-slave-updates logs them again with the
//    source's server_id.
//  * The group's end position (relay and source coordinates) is written
//    into rdb_replica_state in the same SQLite transaction as the group's
//    data, so that a crash can neither lose nor repeat a group.
//
//   ApplyGroup:  BEGIN (session in_txn) ─▶ events ─▶ COMMIT + position
//                         │ unexpected error
//                         ▼
//                     ROLLBACK; Status with Last_SQL_Errno/Error
//
// Grouping the relay log into groups, skipping, delays and UNTIL belong to
// the thread (replica/applier.h). Not thread-safe: one thread uses it (and
// its Session) at a time.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "binlog/column_spec.h"
#include "binlog/events.h"
#include "common/status.h"
#include "sql/replication_filter.h"
#include "sql/schema.h"
#include "sql/session.h"

namespace relaydb::sql {

// Where the SQL thread is: the relay log position just past the last
// executed group, and the same point in the source's binary log
// (Relay_Log_File/Relay_Log_Pos, Relay_Master_Log_File/Exec_Master_Log_Pos).
struct AppliedPosition {
  std::string relay_file;
  uint64_t relay_pos = 0;
  std::string master_file;
  uint64_t master_pos = 0;

  bool operator==(const AppliedPosition& o) const {
    return relay_file == o.relay_file && relay_pos == o.relay_pos && master_file == o.master_file &&
           master_pos == o.master_pos;
  }
  bool operator!=(const AppliedPosition& o) const { return !(*this == o); }
};

// One complete event group, as the thread assembled it from the relay log.
// A Query event that only controls the transaction ("BEGIN", "COMMIT",
// "ROLLBACK", in any case, surrounding blanks and ';' ignored), or kNone.
enum class TxnControl : uint8_t { kNone, kBegin, kCommit, kRollback };
TxnControl TxnControlOf(std::string_view query);

struct EventGroup {
  // Parsed events, in relay-log order. Control events the thread consumed
  // (Format_description, Rotate, ...) are not included.
  std::vector<binlog::Event> events;
  // The source binary log the group came from (messages name it).
  std::string master_log;
  // Recorded with the group's data when it commits.
  AppliedPosition end;
};

struct ReplicationApplyOptions {
  // Multi-source connection name ('' = the default connection); the key
  // of this replica's row in rdb_replica_state.
  std::string connection_name;
  // --replicate-* rules: statements and row changes they reject are not
  // executed (their group still commits its position).
  ReplicationFilter filter;
};

class ReplicationApply {
 public:
  // `session` (not owned) must outlive this object; it should be a system
  // user session (privileges and read_only do not apply). Installs the
  // session's commit hook.
  explicit ReplicationApply(Session* session, ReplicationApplyOptions options = {});
  ~ReplicationApply();
  ReplicationApply(const ReplicationApply&) = delete;
  ReplicationApply& operator=(const ReplicationApply&) = delete;

  // Creates rdb_replica_state if missing. Call once before anything else.
  Status Init();

  // The position recorded by the last committed group (or SavePosition),
  // nullopt when none was ever recorded (or after ResetPosition).
  Result<std::optional<AppliedPosition>> LoadAppliedPosition();

  // Records `pos` alone, in its own transaction (control events outside
  // groups, skipped groups, CHANGE MASTER's starting point).
  Status SavePosition(const AppliedPosition& pos);
  // Forgets the recorded position (RESET SLAVE).
  Status ResetPosition();

  // Applies `group` and records group.end in the same storage transaction.
  // On success the group is durable (the session's commit protocol). On
  // error nothing of the group remains and the returned SqlError carries
  // Last_SQL_Errno (may be 0, as MariaDB's "different errors" message
  // has) and Last_SQL_Error exactly as a MariaDB 10.11 replica shows them.
  //
  // Batching: with commit = false a Batchable() group (and log_slave_updates
  // off) is applied into an open storage transaction that later groups join;
  // CommitBatch() (or the next group applied with commit = true) commits
  // them all with the last one's end — one durable commit for many groups,
  // still atomic with the position. On error the whole batch is rolled back
  // (the recorded position is the one before it): the caller applies its
  // groups again one at a time to find the failing one. Other groups are
  // applied and committed alone (an open batch is committed first).
  Status ApplyGroup(const EventGroup& group, bool commit = true);
  Status CommitBatch();
  void RollbackBatch();
  bool batch_open() const { return batch_open_; }
  // A transaction with nothing that commits implicitly (BEGIN, DML or row
  // events, Xid/COMMIT).
  static bool Batchable(const EventGroup& group);

  // Called with a statement's text before it executes and with "" after
  // (the thread shows it in the processlist). May be empty.
  void set_statement_observer(std::function<void(std::string_view)> f) { observer_ = std::move(f); }

  // MariaDB's text for a column whose Table_map type cannot be applied to
  // the replica's column (error 1677), exposed for tests: the source type
  // as the Table_map describes it, and the replica column's type.
  static std::string SourceTypeName(uint8_t type, uint16_t meta);
  static std::string TargetTypeName(const ColumnDef& col, std::string_view table_collation);

  // Error 1594 as MariaDB's SQL thread reports an unreadable relay log:
  // "Relay log read failure: <detail>", by default MariaDB's "Could not
  // parse relay log event entry. ..." text.
  static Status RelayLogReadFailure(std::string_view detail = {});

  // The stored form (types.h) of a value row_codec.h decoded for `col`
  // (the inverse of BinlogEncoder::ToBinlogValue). Exposed for tests.
  static Result<Value> FromBinlogValue(const ColumnDef& col, const Value& v,
                                       std::string_view table_collation);

 private:
  struct MappedTable;
  struct GroupState;

  Status ApplyEvent(const EventGroup& group, size_t index, GroupState* gs);
  Status ApplyQuery(const binlog::Event& ev, const binlog::QueryEvent& q, GroupState* gs);
  Status SetQueryContext(const binlog::Event& ev, const binlog::QueryEvent& q);
  Status ApplyUserVar(const binlog::UserVarEvent& u);
  Status MapTable(const binlog::TableMapEvent& tm, GroupState* gs);
  Status ApplyRows(const EventGroup& group, const binlog::Event& ev, const binlog::RowsEvent& rows,
                   GroupState* gs);
  // The group's transaction: the session runs every statement of the
  // group inside one transaction, committed with the position.
  Status BeginGroupTxn();
  Status CommitGroupTxn();
  void RollbackGroupTxn();
  // Commit hook body: writes the position into the open transaction.
  Status RecordPosition(storage::Connection* conn);

  Session* const session_;
  const ReplicationApplyOptions options_;
  std::function<void(std::string_view)> observer_;

  // What the commit hook writes: the last recorded position until the
  // group's final commit, then the group's end.
  std::optional<AppliedPosition> hook_position_;
  bool hook_armed_ = false;       // RecordPosition writes only while applying
  bool position_recorded_ = false;  // the group's end made it into a commit
  bool defer_commit_ = false;       // Xid / COMMIT leave the batch open
  // MapTable's results by the Table_map's bytes (valid while the catalog
  // returns the same TableDef).
  std::unordered_map<std::string, std::shared_ptr<MappedTable>> map_cache_;
  static constexpr size_t kMapCacheSize = 1024;
  bool batch_open_ = false;
  std::optional<AppliedPosition> batch_start_;  // recorded before the open batch
};

}  // namespace relaydb::sql
