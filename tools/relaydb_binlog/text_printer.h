// The text output of relaydb-binlog: mariadb-binlog's output for the same
// events, byte for byte where docs/relaydb_binlog.md lists no difference.
//
// It follows mariadb-binlog's model (client/mysqlbinlog.cc process_event()
// and sql/log_event_client.cc): a "# at <pos>" line goes out as soon as an
// event is taken; each event prints its header line and its SQL into a
// "head" buffer; row events also put their base64 BINLOG text into "body"
// and their -v pseudo-SQL into "tail", all three released together at the
// statement's last row event (STMT_END_F). An Annotate_rows event is held
// back and printed just before the first Table_map that is not filtered
// out. Session state (current database, sql_mode, charset, ...) is tracked
// per file so that "SET @@session..." lines are printed only on change.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "binlog/rows_events.h"
#include "relaydb_binlog/event_reader.h"
#include "relaydb_binlog/options.h"
#include "relaydb_binlog/processor.h"

namespace relaydb::binlog_tool {

class TextPrinter : public EventHandler {
 public:
  // Text is appended to *out, which the caller drains whenever it likes
  // (after each event for a live stream). Both must outlive the printer.
  TextPrinter(const Options& options, std::string* out);

  // Once per run, before the first file: the "/*!50530 SET
  // @@SESSION.PSEUDO_SLAVE_MODE=1*/;" lines.
  void PrintRunHeader();
  // Once per run after a successful end: "# End of log file" etc.
  // `id_filter`: --server-id was given (mariadb-binlog then restores the
  // session's server_id and gtid_domain_id).
  void PrintRunFooter(bool id_filter);

  // "DELIMITER /*!*/;" and a fresh session state.
  Status BeginFile(const std::string& name) override;
  Status HandleEvent(const ToolEvent& ev) override;
  // "DELIMITER ;".
  Status EndFile() override;

 private:
  // mariadb-binlog's PRINT_EVENT_INFO: what the output has set so far.
  struct State {
    std::string db;
    bool flags2_inited = false;
    uint32_t flags2 = 0;
    bool sql_mode_inited = false;
    uint64_t sql_mode = 0;
    uint32_t auto_increment_increment = 0;
    uint32_t auto_increment_offset = 0;
    bool charset_inited = false;
    uint16_t charset[3] = {0, 0, 0};
    std::string time_zone;
    uint32_t lc_time_names = ~0u;
    uint32_t charset_database = ~0u;
    bool thread_id_printed = false;
    uint32_t thread_id = 0;
    bool server_id_printed = false;
    uint32_t server_id = 0;
    bool domain_id_printed = false;
    uint32_t domain_id = 0;
    bool allow_parallel_printed = false;
    bool allow_parallel = true;
    bool skip_replication = false;
    uint8_t gtid_flags2 = 0;
    bool printed_fd_event = false;
    bool found_row_event = false;
    uint64_t row_events = 0;
    std::map<uint64_t, binlog::TableMapEvent> table_map;  // printed maps by table id
    std::set<uint64_t> ignored_tables;                    // maps filtered out by -d/-T
    std::optional<ToolEvent> annotate;                    // held back until its Table_map
    std::string head, body, tail;
  };

  bool encoded() const { return options_.base64 == Base64Mode::kAuto; }
  bool ShallSkipDatabase(const std::string& db) const;
  bool IsXa() const;
  void Header(const ToolEvent& ev, std::string* to) const;
  void FlushHead();
  void SkipReplicationStatement(const ToolEvent& ev);

  Status PrintQuery(const ToolEvent& ev, const binlog::QueryEvent& q, bool suppress_use);
  void PrintQueryHeader(const ToolEvent& ev, const binlog::QueryEvent& q, bool suppress_use);
  Status PrintFormatDescription(const ToolEvent& ev, const binlog::FormatDescription& f);
  Status PrintTableMap(const ToolEvent& ev, const binlog::TableMapEvent& tm);
  Status PrintRowsEvent(const ToolEvent& ev, const binlog::RowsEvent& rows);
  void PrintAnnotate(const ToolEvent& ev);
  Status PrintOther(const ToolEvent& ev);
  void PrintGtid(const ToolEvent& ev, const binlog::GtidEvent& g);
  void PrintUserVar(const ToolEvent& ev, const binlog::UserVarEvent& u);

  const Options& options_;
  std::string* const out_;
  const std::string delimiter_ = "/*!*/;";
  State st_;
};

}  // namespace relaydb::binlog_tool
