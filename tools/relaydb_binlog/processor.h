// Which events relaydb-binlog hands to its output, with mariadb-binlog's
// semantics (its process_event()): --offset and --start-datetime skip events
// until the first one that passes (from then on everything passes), a
// Format_description always passes, --server-id drops other servers' events
// (but not Rotate), and the first event at or after --stop-datetime or
// --stop-position ends the run. The database/table filters belong to the
// outputs, because mariadb-binlog applies them per event type.
//
// Like mariadb-binlog in its default --gtid-strict-mode, the filter also
// checks that GTIDs grow within each domain (from the state in the first
// Gtid_list read, unless --start-position skipped it) and stops with "Found
// out of order GTID. Got 0-1-1 after 0-1-22" otherwise.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "binlog/gtid.h"
#include "common/status.h"
#include "relaydb_binlog/event_reader.h"
#include "relaydb_binlog/options.h"

namespace relaydb::binlog_tool {

// An output: the text printer, the JSON printer.
class EventHandler {
 public:
  virtual ~EventHandler() = default;
  // Before the first event of a file (or of a remote dump).
  virtual Status BeginFile(const std::string& name) = 0;
  // An event that passed the filters, in order.
  virtual Status HandleEvent(const ToolEvent& ev) = 0;
  // After the last event of a file; not called when reading it failed.
  virtual Status EndFile() = 0;
};

class EventFilter {
 public:
  // `handler` must outlive the filter.
  EventFilter(const Options& options, EventHandler* handler);

  // The stop position in force for the events that follow (mariadb-binlog
  // applies --stop-position to the last file only).
  void set_stop_position(uint64_t pos) { stop_position_ = pos; }

  enum class Flow { kContinue, kStop };
  // Filters `ev` and hands it to the handler. kStop: a stop bound was
  // reached (not an error). A handler error is returned as is.
  Result<Flow> Process(const ToolEvent& ev);

  // "Did not reach stop position N before end of input" and the like, for
  // stop bounds that no event reached.
  std::vector<std::string> Warnings() const;

 private:
  const Options& options_;
  EventHandler* const handler_;
  uint64_t stop_position_ = kNoStopPosition;
  uint64_t rec_count_ = 0;
  uint64_t offset_;
  std::optional<int64_t> start_datetime_;
  // GTID order check (mariadb-binlog's Binlog_gtid_state_validator): per
  // domain, the seq_no the check starts at and the last GTID seen.
  struct DomainState {
    uint64_t start_seq_no = 0;
    binlog::Gtid last;
  };
  Status CheckGtidOrder(const ToolEvent& ev);
  std::map<uint32_t, DomainState> domains_;
  bool gtid_list_seen_;
  // The end of the last real event processed, and its timestamp.
  uint64_t last_position_ = 0;
  int64_t last_datetime_ = INT64_MAX;
};

}  // namespace relaydb::binlog_tool
