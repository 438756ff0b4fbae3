// The source side's Binlog Dump thread: what a connection becomes after
// COM_BINLOG_DUMP (0x12). It streams the binary log to one replica, as
// MariaDB 10.11's mysql_binlog_send() does (sql/sql_repl.cc), byte for byte:
//
//   fake Rotate (artificial, names the file)  ─┐ once at the start and again
//   Format_description of that file            ─┘ at every switch of file
//   events from the requested position, each as a packet 0x00 + event bytes,
//     rewritten for replicas that do not know MariaDB's events (below)
//   at the end of the log: EOF (BINLOG_DUMP_NON_BLOCK, or replica server_id
//     0) or wait for new published groups, with Heartbeat events while idle
//
// Replica capabilities (@mariadb_slave_capability) decide what happens to
// MariaDB-only events; MariaDB's rule, exactly:
//
//   event            capability  sent as
//   Annotate_rows    >= 2        omitted, unless the dump flags ask for it (2)
//                    1           as is
//                    0           dummy event of the same size
//   Gtid (group)     < 4         Query "BEGIN" of the same size
//   Gtid standalone  2..3        omitted
//                    0..1        dummy event
//   Binlog_checkpoint < 3, Gtid_list < 4:  omitted (>= 2) or dummy (0..1)
//
// A dummy is a Query holding the comment "# Dummy event replacing event type
// N that slave cannot handle." (cut or space-padded to fit), or, when the
// event is shorter than 34 bytes (without CRC), a NULL User_var "@`!dummyvar`"
// cut to fit; its flags get SUPPRESS_USE and lose THREAD_SPECIFIC, and its CRC
// is recomputed. Events keep their size and log_pos, so the replica's
// positions stay right.
//
// A replica connecting by GTID (@slave_connect_state) starts at the newest
// file whose Gtid_list its position covers; event groups it already has are
// skipped, and a made-up Gtid_list (artificial, log_pos = end of the group)
// tells it where it is once its position is reached (gtid_find_binlog_file,
// send_event_to_slave). START SLAVE UNTIL master_gtid_pos is not supported.
//
// Thread states (SHOW PROCESSLIST, Command "Binlog Dump") are the seed
// documents' texts, verbatim. Errors go to the replica as ERR 1236 with
// MariaDB's texts ("Could not find first log file name in binary log index
// file", "Client requested master to start replication from impossible
// position; the first event ...", ...) and end the thread.
//
// The bytes (fake Rotate, Format_description rewrites, Heartbeat, dummy
// events) are described with the code in dump_thread.cc.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "binlog/binlog_position.h"
#include "binlog/event_format.h"
#include "binlog/gtid.h"
#include "common/processlist.h"
#include "common/status.h"
#include "source/replica_registry.h"
#include "wire/packet_io.h"

namespace relaydb::source {

// COM_BINLOG_DUMP flags.
inline constexpr uint16_t kBinlogDumpNonBlock = 1;           // BINLOG_DUMP_NON_BLOCK
inline constexpr uint16_t kBinlogSendAnnotateRowsEvent = 2;  // BINLOG_SEND_ANNOTATE_ROWS_EVENT

// @mariadb_slave_capability values (MARIA_SLAVE_CAPABILITY_*, rpl_constants.h).
enum MariaSlaveCapability : int {
  kCapabilityUnknown = 0,        // MySQL or old MariaDB replica
  kCapabilityAnnotate = 1,       // understands Annotate_rows
  kCapabilityTolerateHoles = 2,  // copes with events left out of the stream
  kCapabilityBinlogCheckpoint = 3,
  kCapabilityGtid = 4,  // MariaDB 10.0+: Gtid and Gtid_list events
};

// The processlist State texts of a dump thread (seed 003, verbatim).
inline constexpr std::string_view kStateSendingEvent = "Sending binlog event to slave";
inline constexpr std::string_view kStateSwitchingBinlog =
    "Finished reading one binlog; switching to next binlog";
inline constexpr std::string_view kStateWaitingForUpdate =
    "Has sent all binlog to slave; waiting for binlog to be updated";
inline constexpr std::string_view kStateFinalizing = "Waiting to finalize termination";

// COM_BINLOG_DUMP: 0x12, pos u32, flags u16, server_id u32, file name (to the
// end of the packet or its first NUL).
struct BinlogDumpRequest {
  uint32_t pos = 4;
  uint16_t flags = 0;
  uint32_t server_id = 0;
  std::string file;  // "" = the first file of the index
};

// Parses a COM_BINLOG_DUMP payload (first byte 0x12). A packet shorter than
// the fixed 11 bytes, or with another command byte, is SqlError 1835 (HY000)
// "Malformed communication packet" (MariaDB reads whatever is in its buffer
// instead; there is nothing sensible to match).
Result<BinlogDumpRequest> ParseBinlogDump(std::string_view payload);
// The payload a replica sends (0x12 first).
std::string EncodeBinlogDump(const BinlogDumpRequest& req);

// What the connection learned from the replica's SQL before the dump (user
// variables it SET, session variables). The server fills it in.
struct ReplicaSession {
  uint64_t connection_id = 0;
  std::string user, host;
  // @mariadb_slave_capability (0 if unset: a MySQL replica).
  int mariadb_slave_capability = 0;
  // @master_binlog_checksum was set (MariaDB looks at no other name): the
  // replica understands CRC32. Without it, a binlog written with CRC32 is
  // refused (1236 "Slave can not handle replication events with the checksum
  // that master is configured to log"); events are never stripped.
  bool checksum_aware = false;
  // The value it was set to (ChecksumAlgFromUserVar), which decides only
  // whether the first fake Rotate carries a CRC32.
  binlog::ChecksumAlg checksum_at_connect = binlog::ChecksumAlg::kCrc32;
  // @master_heartbeat_period in nanoseconds (0 = no heartbeats).
  uint64_t heartbeat_period_ns = 0;
  // @@skip_replication of the dump connection: events flagged
  // LOG_EVENT_SKIP_REPLICATION_F are not sent (replicate_events_marked_for_skip
  // = FILTER_ON_MASTER on the replica).
  bool skip_replication = false;
  // GTID connect (the replica's MASTER_USE_GTID=slave_pos, the default of
  // MariaDB 10.10+ replicas unless CHANGE MASTER gave a file and position):
  // @slave_connect_state, when the replica set it. The request's file and
  // position are then ignored: the dump starts at the newest file whose
  // Gtid_list the state covers and skips the groups the replica has.
  std::optional<std::string> slave_connect_state;
  bool slave_gtid_strict_mode = false;        // @slave_gtid_strict_mode
  bool slave_gtid_ignore_duplicates = false;  // @slave_gtid_ignore_duplicates
  // @@master_verify_checksum when the dump started: verify each event's CRC32
  // as it is read (a mismatch ends the dump with 1236). MariaDB's default is
  // OFF; this struct's default is on for callers that do not say.
  bool verify_checksums = true;
  // Command/State shown in SHOW PROCESSLIST; kill flag. May be null in tests.
  std::shared_ptr<ProcessEntry> proc;
};

// MariaDB's reading of @master_binlog_checksum: "NONE" -> kOff, "CRC32" ->
// kCrc32 (case-insensitive), anything else kUndefined (no CRC on the fake
// Rotate).
binlog::ChecksumAlg ChecksumAlgFromUserVar(std::string_view value);

struct DumpSourceInfo {
  std::string dir;         // where the binlog files are
  std::string index_path;  // <dir>/<basename>.index
  // The writer: how far events are readable, wake-ups, shutdown. May be null
  // (a static set of files: they are read to their end).
  const binlog::BinlogEndSource* live = nullptr;
  uint32_t server_id = 1;  // the source's, put in fake Rotate / Heartbeat events
  // binlog_checksum. Informational: the stream follows each file's
  // Format_description, as MariaDB does.
  binlog::ChecksumAlg checksum = binlog::ChecksumAlg::kCrc32;
  // @@gtid_binlog_state (BinlogWriter::GtidBinlogStateList), for GTID
  // connects. If empty, it is rebuilt from the last file of the index.
  std::function<std::vector<binlog::Gtid>()> gtid_binlog_state;
  // How often a waiting dump thread looks at its kill flag and at its socket
  // (for a replica that went away). Bounded waits keep KILL / Shutdown prompt.
  std::chrono::milliseconds poll_interval{200};
};

// One per server. Thread-safe: Run() is called on each replica's connection
// thread; the other methods from anywhere.
class BinlogDumpService {
 public:
  // `registry` (may be null) only names the replica in log messages; the
  // server registers and unregisters replicas itself. `info.live` must
  // outlive this object.
  BinlogDumpService(DumpSourceInfo info, ReplicaRegistry* registry);
  // Shutdown()s and waits for every Run() to return.
  ~BinlogDumpService();
  BinlogDumpService(const BinlogDumpService&) = delete;
  BinlogDumpService& operator=(const BinlogDumpService&) = delete;

  // Runs one Binlog Dump thread on the calling thread. `conn` is the
  // replica's connection right after the COM_BINLOG_DUMP packet was read
  // (its sequence id continues from it); the caller closes the connection
  // afterwards whatever the outcome (MariaDB does). A dump from a replica
  // with a non-zero server_id first ends the other dump threads of that
  // server_id, which send ERR 4052 "A slave with the same server_uuid/
  // server_id is already connected; ..." (kill_zombie_dump_threads).
  //
  // Returns when:
  //  * the log end is reached in non-blocking mode: EOF packet sent; Ok;
  //  * an error was sent to the replica as an ERR packet: that SqlError;
  //  * the replica went away (write error, or its end of the socket closed
  //    while the thread waited): the IoError / ConnectionClosed;
  //  * rs.proc was killed, Shutdown() was called or the log closed (server
  //    shutdown): Stopped, with nothing sent (MariaDB just closes) — except
  //    after KILL QUERY alone, which gets the replica an EOF packet first.
  // rs.proc shows Command "Binlog Dump" and the thread's states, and
  // "Waiting to finalize termination" once Run() ends.
  // Waits are bounded by info.poll_interval, so each of these is noticed
  // promptly. Blocking socket writes are bounded only by the connection's
  // write timeout (set net_write_timeout on it).
  Status Run(wire::PacketConn* conn, const BinlogDumpRequest& req, const ReplicaSession& rs);

  // For PURGE BINARY LOGS (BinlogWriter's InUseFn): true while some dump
  // thread is reading `file` (bare name) or about to open it.
  bool FileInUse(const std::string& file) const;
  // Number of Run() calls in progress.
  size_t active() const;
  // Ends every dump thread (their sockets are shut down so that blocked
  // writes return) and makes later Run() calls return Stopped at once.
  void Shutdown();

 private:
  friend class DumpThread;
  // A running dump, as the service sees it.
  struct Active {
    uint64_t connection_id = 0;
    uint32_t server_id = 0;
    wire::PacketConn* conn = nullptr;
    std::string file;                         // protected by mu_
    std::atomic<bool> same_id_killed{false};  // another dump of server_id started
  };

  // Registers a dump (after ending older ones of the same server_id).
  // Null after Shutdown().
  Active* Enter(uint64_t connection_id, uint32_t server_id, wire::PacketConn* conn);
  void Leave(Active* a);
  void SetFile(Active* a, const std::string& file);
  bool stopping() const { return stopping_.load(); }

  // Constant after construction.
  const DumpSourceInfo info_;
  ReplicaRegistry* const registry_;

  std::atomic<bool> stopping_{false};
  // Protected by mu_.
  mutable std::mutex mu_;
  std::condition_variable idle_cv_;  // signalled when a dump leaves
  std::list<std::unique_ptr<Active>> active_;
};

}  // namespace relaydb::source
