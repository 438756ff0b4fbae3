// mysqld-style start-up options: the command line and my.cnf option files,
// parsed and worded as MariaDB 10.11's mariadbd does (my_getopt +
// mf_defaults), into the global system variables and a typed
// ServerOptions for the server's own wiring.
//
// Command line (verified against mariadbd 10.11.19):
//  * --name=value; a required value may also be the next argument
//    ("--port 3307"); booleans take no value or =1/0/on/off/true/false (any
//    other value: warning, OFF). '-' and '_' are the same in names; names are
//    case-sensitive and must be complete (relaydb does not accept unique
//    prefixes, which mariadbd still does with a deprecation note).
//  * Prefixes: --skip-X / --disable-X (OFF, or 0/empty for non-booleans),
//    --enable-X, --loose-X (an unknown loose option only warns).
//  * Numbers accept one suffix K, M, G, T, P or E (x1024^n); out-of-range
//    values are adjusted with a warning, block sizes round down silently.
//  * Short options: -h datadir, -P port, -u user, -C character-set-server,
//    -b basedir, -t tmpdir, -V version, -? help.
//  * --no-defaults, --defaults-file=F, --defaults-extra-file=F and
//    --print-defaults count only as the leading arguments (elsewhere they
//    are ignored, as mariadbd does).
//
// Option files: groups [mysqld], [server] and [relaydb] (case-insensitive)
// are read, others skipped; "name", "name=value", "name = value", quoted
// values with \n \t \r \b \s \\ \" \' escapes, '#' comments anywhere outside
// quotes and ';'/'#' comment lines, "!include file" (missing file ignored)
// and "!includedir dir" (its *.cnf files in name order). Files are read
// before the command line, so the command line wins.
//
// Every system variable MariaDB accepts as an option is one here
// (SysVarDef::is_option()), plus the server's own options listed in
// options.cc (datadir-relative log names, replicate-* filters, ...).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "common/logging.h"
#include "sql/variables.h"

namespace relaydb::server {

// replicate-* options (repeatable; each occurrence adds one rule).
struct ReplicationFilters {
  std::vector<std::string> do_db, ignore_db;
  std::vector<std::string> do_table, ignore_table;            // "db.table"
  std::vector<std::string> wild_do_table, wild_ignore_table;  // "db%.t_"
  std::vector<std::pair<std::string, std::string>> rewrite_db;  // "from->to"
  bool same_server_id = false;  // --replicate-same-server-id
};

// The options the server wires itself with. Values that are also system
// variables are copied from the variables after all options are applied.
struct ServerOptions {
  std::string datadir;        // absolute, no trailing '/'; "" if not given
  std::string basedir;
  std::string tmpdir;
  std::string hostname;       // for default file names
  uint16_t port = 3306;
  std::string bind_address;   // "" = all interfaces
  std::string socket;         // unix socket path; "" = none
  bool skip_networking = false;
  bool skip_name_resolve = false;
  uint32_t server_id = 1;
  uint64_t max_connections = 151;
  std::string log_error;      // absolute path; "" = stderr
  std::string pid_file;       // absolute path
  std::string root_password;  // for a fresh data directory (relaydb option)
  std::string user;           // --user (accepted, not acted upon)

  bool log_bin = true;  // on by default; --skip-log-bin turns it off
  std::string log_bin_basename;  // absolute, e.g. /data/host-bin (files host-bin.000001)
  std::string log_bin_index;     // absolute, e.g. /data/host-bin.index
  std::string relay_log_basename;
  std::string relay_log_index;
  bool log_slave_updates = false;
  bool skip_slave_start = false;
  bool read_only = false;
  bool skip_grant_tables = false;
  ReplicationFilters filters;

  bool help = false;
  bool verbose = false;
  bool version = false;
  bool print_defaults = false;
  std::string print_defaults_text;  // what --print-defaults prints (stdout)
};

// Where option files are looked for.
struct OptionsEnv {
  std::string program_name = "relaydb";
  // Read in order unless --no-defaults / --defaults-file (missing ones are skipped).
  std::vector<std::string> default_files = {"/etc/relaydb/my.cnf", "/etc/relaydb.cnf",
                                            "~/.relaydb.cnf"};
  std::vector<std::string> groups = {"mysqld", "server", "relaydb"};
  std::string hostname;  // "" = gethostname()
  std::string cwd;       // "" = the process's working directory (for relative datadir)
};

struct OptionMessage {
  LogLevel level = LogLevel::kError;
  std::string text;  // mariadbd's wording, without the log line prefix
};

struct ParsedOptions {
  ServerOptions options;
  // Notes, warnings and errors in the order mariadbd logs them; on failure
  // the last one is the error.
  std::vector<OptionMessage> messages;
  int exit_code = 0;  // 1 on error (the server exits with it)
  bool ok() const { return exit_code == 0; }
};

// Parses `args` (argv without argv[0]) and the option files, applies every
// system-variable option to `vars` (read-only ones included), and fills in
// the derived variables (datadir, log_bin*, relay_log*, pid_file, version's
// "-log" suffix, hostname). Never aborts: failures come back in the result.
ParsedOptions ParseServerOptions(const std::vector<std::string>& args, sql::GlobalVariables* vars,
                                 const OptionsEnv& env = {});

// "relaydb  Ver 10.11.19-MariaDB-relaydb for Linux on x86_64 (relaydb)", as
// mariadbd --version prints it.
std::string VersionLine(const sql::GlobalVariables& vars, const std::string& program_name);
// A short --help text (usage and the server's own options).
std::string HelpText(const std::string& program_name);

}  // namespace relaydb::server
