// relaydb-binlog's command line (see options.h and docs/relaydb_binlog.md).
#include "relaydb_binlog/options.h"

#include <pwd.h>
#include <unistd.h>

#include <cctype>
#include <charconv>
#include <cstdint>
#include <ctime>

namespace relaydb::binlog_tool {
namespace {

enum class Arg { kNone, kRequired, kOptional };

enum Id {
  kHelp,
  kVersion,
  kBase64Output,
  kDatabase,
  kTable,
  kForceIfOpen,
  kHost,
  kPort,
  kUser,
  kPassword,
  kRemote,
  kRaw,
  kResultFile,
  kStopNever,
  kStopNeverSlaveServerId,
  kToLastLog,
  kOffset,
  kPrintRowCount,
  kPrintRowEventPositions,
  kServerId,
  kStartDatetime,
  kStopDatetime,
  kStartPosition,
  kStopPosition,
  kVerbose,
  kVerifyChecksum,
  kSkipAnnotate,
  kFormat,
  kGtidStrictMode,
  kNoDefaults,
  kUnsupported,
};

struct Spec {
  const char* name;
  char short_name;  // 0: none
  Arg arg;
  Id id;
  const char* help;
};

constexpr Spec kSpecs[] = {
    {"help", '?', Arg::kNone, kHelp, "Display this help and exit."},
    {"version", 'V', Arg::kNone, kVersion, "Print version and exit."},
    {"base64-output", 0, Arg::kRequired, kBase64Output,
     "auto (default): BINLOG '...' statements for the Format_description and row events; "
     "decode-rows: none (with -v, row events as ### comments); never: as decode-rows."},
    {"database", 'd', Arg::kRequired, kDatabase, "List entries for just this database."},
    {"table", 'T', Arg::kRequired, kTable, "List row events for just this table."},
    {"force-if-open", 'F', Arg::kNone, kForceIfOpen,
     "Read a binlog that was not closed properly (default on)."},
    {"host", 'h', Arg::kRequired, kHost, "Read the binlog from this server (with -R)."},
    {"port", 'P', Arg::kRequired, kPort, "Port of the server (default 3306)."},
    {"user", 'u', Arg::kRequired, kUser, "User to connect as."},
    {"password", 'p', Arg::kOptional, kPassword, "Password to connect with."},
    {"read-from-remote-server", 'R', Arg::kNone, kRemote,
     "Read binary logs from a MariaDB/relaydb server (COM_BINLOG_DUMP)."},
    {"raw", 0, Arg::kNone, kRaw,
     "Requires -R. Write the events to files named as on the server instead of text."},
    {"result-file", 'r', Arg::kRequired, kResultFile,
     "Write the output to this file. With --raw: a prefix (or directory) for the files."},
    {"stop-never", 0, Arg::kNone, kStopNever,
     "Wait for more data from the server instead of stopping at the end of the last log. "
     "Implies --to-last-log."},
    {"stop-never-slave-server-id", 0, Arg::kRequired, kStopNeverSlaveServerId,
     "Server id to register and dump with under --stop-never (default 65535)."},
    {"to-last-log", 't', Arg::kNone, kToLastLog,
     "Requires -R. Continue through the server's binlogs up to the last one."},
    {"offset", 'o', Arg::kRequired, kOffset, "Skip the first N entries."},
    {"print-row-count", 0, Arg::kNone, kPrintRowCount, "Print row counts (default on)."},
    {"print-row-event-positions", 0, Arg::kNone, kPrintRowEventPositions,
     "Print '# at N' lines (default on)."},
    {"server-id", 0, Arg::kRequired, kServerId,
     "Extract only entries created by the server with this id."},
    {"start-datetime", 0, Arg::kRequired, kStartDatetime,
     "Start at the first event with a timestamp at or after this local datetime."},
    {"stop-datetime", 0, Arg::kRequired, kStopDatetime,
     "Stop at the first event with a timestamp at or after this local datetime."},
    {"start-position", 'j', Arg::kRequired, kStartPosition,
     "Start reading the first file at this position."},
    {"stop-position", 0, Arg::kRequired, kStopPosition,
     "Stop reading the last file at the first event at or after this position."},
    {"verbose", 'v', Arg::kNone, kVerbose,
     "Reconstruct pseudo-SQL out of row events. -v -v adds column types."},
    {"verify-binlog-checksum", 'c', Arg::kNone, kVerifyChecksum,
     "Verify event checksums (default on; --skip-verify-binlog-checksum disables)."},
    {"skip-annotate-row-events", 0, Arg::kNone, kSkipAnnotate,
     "Do not print Annotate_rows events."},
    {"format", 0, Arg::kRequired, kFormat,
     "text (default, like mariadb-binlog) or json (one object per row change and "
     "per statement)."},
    {"gtid-strict-mode", 0, Arg::kNone, kGtidStrictMode,
     "Stop at a GTID that does not grow within its domain (default on)."},
    {"no-defaults", 0, Arg::kNone, kNoDefaults, "Accepted and ignored (no option files)."},
    {"short-form", 's', Arg::kNone, kUnsupported, nullptr},
    {"hexdump", 'H', Arg::kNone, kUnsupported, nullptr},
    {"flashback", 'B', Arg::kNone, kUnsupported, nullptr},
    {"rewrite-db", 0, Arg::kRequired, kUnsupported, nullptr},
    {"print-table-metadata", 0, Arg::kNone, kUnsupported, nullptr},
};

Status Bad(std::string msg) { return Status::InvalidArgument(std::move(msg)); }

const Spec* FindLong(std::string_view name) {
  for (const Spec& s : kSpecs) {
    if (name == s.name) return &s;
  }
  return nullptr;
}

const Spec* FindShort(char c) {
  for (const Spec& s : kSpecs) {
    if (s.short_name == c) return &s;
  }
  return nullptr;
}

template <typename T>
bool ParseUnsigned(std::string_view text, T* out) {
  if (text.empty()) return false;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
  return ec == std::errc() && p == text.data() + text.size();
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string DefaultUser() {
  if (const passwd* pw = getpwuid(geteuid()); pw != nullptr && pw->pw_name != nullptr) {
    return pw->pw_name;
  }
  return "root";
}

Status Apply(const Spec& spec, bool negated, std::optional<std::string> value, Options* o) {
  const std::string v = value.value_or("");
  auto position = [&](uint64_t* out) -> Status {
    if (!ParseUnsigned(v, out)) {
      return Bad(std::string("--") + spec.name +
                 " argument value is invalid. Should be a positive integer "
                 "(relaydb-binlog does not take GTID positions).");
    }
    return Status::Ok();
  };
  switch (spec.id) {
    case kHelp:
      o->help = true;
      return Status::Ok();
    case kVersion:
      o->version = true;
      return Status::Ok();
    case kBase64Output: {
      const std::string m = Lower(v);
      if (m == "auto" || m == "unspec") {
        o->base64 = Base64Mode::kAuto;
      } else if (m == "never") {
        o->base64 = Base64Mode::kNever;
      } else if (m == "decode-rows") {
        o->base64 = Base64Mode::kDecodeRows;
      } else {
        return Bad("Unknown option to base64-output: " + v);
      }
      return Status::Ok();
    }
    case kDatabase:
      o->database = v;
      return Status::Ok();
    case kTable:
      o->table = v;
      return Status::Ok();
    case kForceIfOpen:
      o->force_if_open = !negated;
      return Status::Ok();
    case kHost:
      o->host = v;
      return Status::Ok();
    case kPort:
      if (!ParseUnsigned(v, &o->port)) return Bad("Invalid port: " + v);
      return Status::Ok();
    case kUser:
      o->user = v;
      return Status::Ok();
    case kPassword:
      o->password = v;  // -p without a value: empty password (no tty prompt)
      return Status::Ok();
    case kRemote:
      o->remote = !negated;
      return Status::Ok();
    case kRaw:
      o->raw = !negated;
      return Status::Ok();
    case kResultFile:
      o->result_file = v;
      return Status::Ok();
    case kStopNever:
      o->stop_never = !negated;
      return Status::Ok();
    case kStopNeverSlaveServerId:
      if (!ParseUnsigned(v, &o->stop_never_slave_server_id))
        return Bad("Invalid --stop-never-slave-server-id: " + v);
      return Status::Ok();
    case kToLastLog:
      o->to_last_log = !negated;
      return Status::Ok();
    case kOffset:
      if (!ParseUnsigned(v, &o->offset)) return Bad("Invalid --offset: " + v);
      return Status::Ok();
    case kPrintRowCount:
      o->print_row_count = !negated;
      return Status::Ok();
    case kPrintRowEventPositions:
      o->print_row_event_positions = !negated;
      return Status::Ok();
    case kServerId: {
      uint32_t id = 0;
      if (!ParseUnsigned(v, &id)) {
        return Bad("Input for --server-id is invalid. Should be a list of positive integers");
      }
      o->server_id = id;
      return Status::Ok();
    }
    case kStartDatetime:
    case kStopDatetime: {
      auto t = ParseLocalDatetime(v);
      if (!t.ok()) return Bad("Incorrect date and time argument: " + v);
      if (spec.id == kStartDatetime) {
        o->start_datetime = *t;
      } else {
        o->stop_datetime = *t;
        o->stop_datetime_text = v;
      }
      return Status::Ok();
    }
    case kStartPosition:
      return position(&o->start_position);
    case kStopPosition:
      return position(&o->stop_position);
    case kVerbose:
      o->verbose = negated ? 0 : o->verbose + 1;
      return Status::Ok();
    case kVerifyChecksum:
      o->verify_checksum = !negated;
      return Status::Ok();
    case kSkipAnnotate:
      o->skip_annotate_row_events = !negated;
      return Status::Ok();
    case kFormat: {
      const std::string f = Lower(v);
      if (f == "text") {
        o->format = OutputFormat::kText;
      } else if (f == "json") {
        o->format = OutputFormat::kJson;
      } else {
        return Bad("Unknown --format: " + v + " (text or json)");
      }
      return Status::Ok();
    }
    case kGtidStrictMode:
      o->gtid_strict_mode = !negated;
      return Status::Ok();
    case kNoDefaults:
      return Status::Ok();
    case kUnsupported:
      return Bad(std::string("option '--") + spec.name + "' is not supported by relaydb-binlog");
  }
  return Status::Ok();
}

}  // namespace

Result<Options> ParseOptions(const std::vector<std::string>& args) {
  Options o;
  o.user = DefaultUser();
  bool only_files = false;
  for (size_t i = 0; i < args.size(); i++) {
    const std::string& a = args[i];
    if (only_files || a == "-" || a.size() < 2 || a[0] != '-') {
      o.files.push_back(a);
      continue;
    }
    if (a == "--") {
      only_files = true;
      continue;
    }
    if (a[1] == '-') {
      std::string name = a.substr(2);
      std::optional<std::string> value;
      if (size_t eq = name.find('='); eq != std::string::npos) {
        value = name.substr(eq + 1);
        name.resize(eq);
      }
      for (char& c : name) {
        if (c == '_') c = '-';
      }
      bool negated = false;
      const Spec* spec = FindLong(name);
      if (spec == nullptr) {
        for (std::string_view prefix : {"skip-", "disable-", "enable-"}) {
          if (name.rfind(prefix, 0) == 0) {
            spec = FindLong(name.substr(prefix.size()));
            negated = prefix != "enable-";
            break;
          }
        }
        if (spec == nullptr || spec->arg != Arg::kNone) {
          return Bad("unknown option '--" + name + "'");
        }
      }
      if (spec->arg == Arg::kNone && value) {
        if (value == "0" || Lower(*value) == "off" || Lower(*value) == "false") {
          negated = !negated;
        } else if (!(value == "1" || Lower(*value) == "on" || Lower(*value) == "true")) {
          return Bad("option '--" + name + "' takes no argument");
        }
        value.reset();
      }
      if (spec->arg == Arg::kRequired && !value) {
        if (i + 1 >= args.size()) return Bad("option '--" + name + "' requires an argument");
        value = args[++i];
      }
      RETURN_IF_ERROR(Apply(*spec, negated, std::move(value), &o));
      continue;
    }
    // Short options, possibly grouped ("-vv", "-dfx", "-d fx").
    for (size_t k = 1; k < a.size(); k++) {
      const Spec* spec = FindShort(a[k]);
      if (spec == nullptr) return Bad(std::string("unknown option '-") + a[k] + "'");
      std::optional<std::string> value;
      if (spec->arg != Arg::kNone) {
        if (k + 1 < a.size()) {
          value = a.substr(k + 1);
        } else if (spec->arg == Arg::kRequired) {
          if (i + 1 >= args.size()) {
            return Bad(std::string("option '-") + a[k] + "' requires an argument");
          }
          value = args[++i];
        }
        RETURN_IF_ERROR(Apply(*spec, false, std::move(value), &o));
        break;
      }
      RETURN_IF_ERROR(Apply(*spec, false, std::nullopt, &o));
    }
  }
  if (o.stop_never) o.to_last_log = true;
  return o;
}

std::string UsageText() {
  std::string out =
      "relaydb-binlog: dumps MariaDB/relaydb binary logs and relay logs as text (like\n"
      "mariadb-binlog) or JSON, from files or from a server.\n\n"
      "Usage: relaydb-binlog [options] log-files\n\n";
  for (const Spec& s : kSpecs) {
    if (s.help == nullptr) continue;
    std::string left = "  ";
    left += s.short_name ? std::string("-") + s.short_name + ", " : "    ";
    left += std::string("--") + s.name;
    if (s.arg == Arg::kRequired) left += "=VALUE";
    if (s.arg == Arg::kOptional) left += "[=VALUE]";
    out += left;
    out += left.size() < 34 ? std::string(34 - left.size(), ' ') : "\n" + std::string(34, ' ');
    out += s.help;
    out += "\n";
  }
  return out;
}

Result<int64_t> ParseLocalDatetime(std::string_view text) {
  // Digit groups: YYYY MM DD hh mm ss [fraction], or one run of 14 digits.
  std::vector<std::string> parts;
  std::string cur;
  for (char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      cur += c;
    } else {
      if (!cur.empty()) parts.push_back(cur);
      cur.clear();
      if (!(std::ispunct(static_cast<unsigned char>(c)) || c == ' ' || c == 'T')) {
        return Bad("bad datetime");
      }
    }
  }
  if (!cur.empty()) parts.push_back(cur);
  if (parts.size() == 1 && (parts[0].size() == 14 || parts[0].size() == 12)) {
    const std::string s = parts[0];
    const size_t ylen = s.size() == 14 ? 4 : 2;
    parts = {s.substr(0, ylen),     s.substr(ylen, 2),     s.substr(ylen + 2, 2),
             s.substr(ylen + 4, 2), s.substr(ylen + 6, 2), s.substr(ylen + 8, 2)};
  }
  if (parts.size() != 6 && parts.size() != 7) return Bad("not a complete datetime");
  int v[6];
  for (int i = 0; i < 6; i++) {
    if (parts[i].size() > (i == 0 ? 4u : 2u) || !ParseUnsigned(parts[i], &v[i])) {
      return Bad("bad datetime");
    }
  }
  if (parts[0].size() <= 2) v[0] += v[0] < 70 ? 2000 : 1900;
  if (v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31 || v[3] > 23 || v[4] > 59 || v[5] > 59) {
    return Bad("datetime out of range");
  }
  std::tm tm{};
  tm.tm_year = v[0] - 1900;
  tm.tm_mon = v[1] - 1;
  tm.tm_mday = v[2];
  tm.tm_hour = v[3];
  tm.tm_min = v[4];
  tm.tm_sec = v[5];
  tm.tm_isdst = -1;
  const time_t t = std::mktime(&tm);
  // Like mariadb-binlog (my_system_gmt_sec), a datetime outside the TIMESTAMP
  // range counts as 0: --start-datetime then takes everything and
  // --stop-datetime stops at once.
  if (v[0] < 1969 || v[0] > 2038 || t < 0 || t > INT32_MAX) return int64_t{0};
  return static_cast<int64_t>(t);
}

}  // namespace relaydb::binlog_tool
