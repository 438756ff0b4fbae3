// --format=json: one JSON object per line for change-data-capture
// consumers (docs/relaydb_binlog.md, "JSON output"):
//
//   {"file":"mariadb-bin.000001","pos":4249,"end_pos":4299,"timestamp":1700000000,
//    "server_id":1,"gtid":"0-1-4","database":"fx","table":"t_small","op":"update",
//    "before":{"@1":2,"@2":null},"after":{"@1":2,"@2":"TWO"}}
//
// per row of each Write/Update/Delete_rows event ("op" insert/update/delete;
// "before" for update and delete, "after" for insert and update; columns
// absent from a MINIMAL image are left out), and
//
//   {"file":...,"pos":...,"end_pos":...,"timestamp":...,"server_id":...,"gtid":...,
//    "database":"fx","op":"query","query":"CREATE TABLE ..."}
//
// per Query event other than BEGIN/COMMIT/ROLLBACK/SAVEPOINT/XA. Columns are
// keyed "@1", "@2", ... unless the Table_map carries column names
// (binlog_row_metadata=FULL). "gtid" is the group's GTID (null before the
// first Gtid event). Value types are listed in the manual.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "binlog/rows_events.h"
#include "relaydb_binlog/options.h"
#include "relaydb_binlog/processor.h"

namespace relaydb::binlog_tool {

class JsonPrinter : public EventHandler {
 public:
  // Lines are appended to *out; both must outlive the printer.
  JsonPrinter(const Options& options, std::string* out);

  Status BeginFile(const std::string& name) override;
  Status HandleEvent(const ToolEvent& ev) override;
  Status EndFile() override { return Status::Ok(); }

 private:
  // The fields every object starts with.
  std::string Common(const ToolEvent& ev) const;
  Status PrintRows(const ToolEvent& ev, const binlog::RowsEvent& rows);

  const Options& options_;
  std::string* const out_;
  std::optional<std::string> gtid_;
  std::map<uint64_t, binlog::TableMapEvent> tables_;
  std::set<uint64_t> ignored_;
};

// `s` as a JSON string literal (quotes included); invalid UTF-8 bytes are
// read as Latin-1.
std::string JsonString(std::string_view s);

}  // namespace relaydb::binlog_tool
