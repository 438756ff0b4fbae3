// Row events as mariadb-binlog -v prints them (its Rows_log_event::
// print_verbose and log_event_print_value):
//
//   ### UPDATE `fx`.`t_small`
//   ### WHERE
//   ###   @1=2
//   ###   @2=NULL
//   ### SET
//   ###   @1=2
//   ###   @2='TWO'
//
// Values are printed from the bytes alone, as mariadb-binlog does: integers
// signed with the unsigned reading in parentheses when negative, DATE as
// 'YYYY:MM:DD', SET as a bit string, ENUM as its index, strings quoted with
// control bytes as \xNN, FLOAT with "%-20g". -vv appends
// "/* <type> meta=<m> nullable=<n> is_null=<b> */".
#pragma once

#include <cstdint>
#include <string>

#include "binlog/rows_events.h"
#include "common/status.h"

namespace relaydb::binlog_tool {

// Appends the rows of `rows` to *out and adds their number to *row_count.
// `tm` is the Table_map of the event's table id, nullptr if none was seen
// ("### Row event for unknown table #N", no row counted). Corruption if a
// value does not decode (mariadb-binlog stops there too).
Status PrintRowsVerbose(const binlog::RowsEvent& rows, const binlog::TableMapEvent* tm, int verbose,
                        std::string* out, uint64_t* row_count);

// Adds the number of rows of `rows` to *row_count without printing
// (mariadb-binlog's count_row_events: an unknown table counts nothing, an
// undecodable image ends the count).
void CountRows(const binlog::RowsEvent& rows, const binlog::TableMapEvent* tm, uint64_t* row_count);

// "'bytes'" with bytes below 0x20 written as \xNN (my_b_write_quoted).
std::string QuoteValueBytes(std::string_view bytes);

}  // namespace relaydb::binlog_tool
