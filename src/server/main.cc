// relaydb: the server binary. Parses mysqld-style options (server/options.h),
// starts the Server, and shuts it down cleanly on SIGTERM/SIGINT.
#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <string>

#include "common/logging.h"
#include "server/options.h"
#include "server/server.h"

namespace {
relaydb::server::Server* g_server = nullptr;

void OnSignal(int) {
  if (g_server != nullptr) g_server->RequestShutdown();
}
}  // namespace

int main(int argc, char** argv) {
  using namespace relaydb;
  signal(SIGPIPE, SIG_IGN);
  sql::GlobalVariables variables;
  std::vector<std::string> args(argv + 1, argv + argc);
  server::ParsedOptions parsed = server::ParseServerOptions(args, &variables);
  if (!parsed.ok()) {
    for (const auto& m : parsed.messages) Log(m.level, m.text);
    return parsed.exit_code;
  }
  server::ServerOptions& opts = parsed.options;
  if (opts.help) {
    printf("%s", server::HelpText("relaydb").c_str());
    return 0;
  }
  if (opts.version) {
    printf("%s\n", server::VersionLine(variables, "relaydb").c_str());
    return 0;
  }
  if (opts.print_defaults) {
    printf("%s", opts.print_defaults_text.c_str());
    return 0;
  }
  if (!opts.log_error.empty() && !SetLogFile(opts.log_error)) {
    fprintf(stderr, "relaydb: cannot open log file %s\n", opts.log_error.c_str());
    return 1;
  }
  // Option notes and warnings go to the error log, as mariadbd's do.
  for (const auto& m : parsed.messages) Log(m.level, m.text);
  server::ServerConfig config;
  config.datadir = opts.datadir.empty() ? "data" : opts.datadir;
  // relaydb listens on loopback unless told otherwise (mysqld: all interfaces).
  config.bind_address = opts.bind_address.empty() ? "127.0.0.1" : opts.bind_address;
  config.port = static_cast<uint16_t>(opts.port);
  config.socket = opts.socket;
  config.server_id = static_cast<uint32_t>(opts.server_id);
  config.root_password = opts.root_password;
  config.log_bin = opts.log_bin;
  config.log_bin_basename = opts.log_bin_basename;
  config.relay_log_basename = opts.relay_log_basename;
  config.skip_slave_start = opts.skip_slave_start;
  config.log_slave_updates = opts.log_slave_updates;

  server::Server srv(config, &variables);
  g_server = &srv;
  struct sigaction sa {};
  sa.sa_handler = OnSignal;
  sigaction(SIGTERM, &sa, nullptr);
  sigaction(SIGINT, &sa, nullptr);
  Status s = srv.Start();
  if (!s.ok()) {
    LogError(s.message());
    LogError("Aborting");
    return 1;
  }
  srv.WaitForShutdown();
  g_server = nullptr;
  return 0;
}
