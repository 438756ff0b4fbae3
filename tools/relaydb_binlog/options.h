// Command-line options of relaydb-binlog (docs/relaydb_binlog.md): the
// subset of mariadb-binlog's options that it implements, spelled the same
// way (long options with '-' or '_', short options, --skip-<flag>), plus
// --format=json.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace relaydb::binlog_tool {

// --base64-output: "auto" prints BINLOG '...' blocks for the
// Format_description and row events; "decode-rows" and "never" print none
// (with -v the row events are decoded into ### comments either way).
enum class Base64Mode { kAuto, kNever, kDecodeRows };

enum class OutputFormat { kText, kJson };

inline constexpr uint64_t kNoStopPosition = ~uint64_t{0};

struct Options {
  std::vector<std::string> files;  // binlog/relay log files, or names on the server (-R)

  // What to print.
  OutputFormat format = OutputFormat::kText;
  Base64Mode base64 = Base64Mode::kAuto;
  int verbose = 0;                        // -v: ### pseudo-SQL; -vv: + column types
  bool print_row_count = true;            // "# Number of rows: N"
  bool print_row_event_positions = true;  // "# at N"
  bool skip_annotate_row_events = false;

  // Which events (mariadb-binlog's semantics, see docs/relaydb_binlog.md).
  uint64_t start_position = 4;               // first file only
  uint64_t stop_position = kNoStopPosition;  // last file only
  std::optional<int64_t> start_datetime;     // seconds since the epoch (given in local time)
  std::optional<int64_t> stop_datetime;
  std::string stop_datetime_text;       // as given, for the "did not reach" warning
  std::optional<std::string> database;  // -d
  std::optional<std::string> table;     // -T
  std::optional<uint32_t> server_id;    // --server-id
  uint64_t offset = 0;                  // -o: skip the first N events
  bool force_if_open = true;
  bool verify_checksum = true;
  bool gtid_strict_mode = true;  // GTIDs must grow within a domain  // relaydb-binlog verifies
                                 // CRC32 unless --skip-verify-binlog-checksum

  // Remote (-R).
  bool remote = false;
  std::string host = "127.0.0.1";
  uint16_t port = 3306;
  std::string user;
  std::string password;
  bool raw = false;
  bool stop_never = false;  // implies to_last_log
  bool to_last_log = false;
  uint32_t stop_never_slave_server_id = 65535;
  std::string result_file;  // -r: output file; with --raw a prefix or directory

  bool help = false;
  bool version = false;
};

// Parses argv[1..]. InvalidArgument carries the message to print after
// "ERROR: " (an unknown option, a bad value, a missing argument).
Result<Options> ParseOptions(const std::vector<std::string>& args);

// The --help text.
std::string UsageText();

// A --start-datetime/--stop-datetime argument: a date and a time in the
// local time zone ("2004-12-25 11:25:56", "20041225112556", any punctuation
// as delimiters), as seconds since the epoch; 0 outside the TIMESTAMP range
// (1970 to 2038-01-19 03:14:07 UTC), as in mariadb-binlog. InvalidArgument if
// it is not a complete, valid datetime.
Result<int64_t> ParseLocalDatetime(std::string_view text);

}  // namespace relaydb::binlog_tool
