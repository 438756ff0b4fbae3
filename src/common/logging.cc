// Logging. See logging.h.
#include "common/logging.h"

#include <cstdio>
#include <ctime>
#include <mutex>

namespace relaydb {
namespace {
std::mutex g_log_mu;
FILE* g_log_file = nullptr;
}  // namespace

bool SetLogFile(const std::string& path) {
  FILE* f = fopen(path.c_str(), "a");
  if (f == nullptr) return false;
  std::lock_guard<std::mutex> l(g_log_mu);
  if (g_log_file != nullptr) fclose(g_log_file);
  g_log_file = f;
  return true;
}

void Log(LogLevel level, const std::string& msg) {
  const char* tag = level == LogLevel::kNote ? "Note" : level == LogLevel::kWarning ? "Warning" : "ERROR";
  time_t now = time(nullptr);
  struct tm tm;
  localtime_r(&now, &tm);
  char ts[32];
  strftime(ts, sizeof ts, "%Y-%m-%d %H:%M:%S", &tm);
  std::lock_guard<std::mutex> l(g_log_mu);
  FILE* f = g_log_file != nullptr ? g_log_file : stderr;
  fprintf(f, "%s 0 [%s] %s\n", ts, tag, msg.c_str());
  fflush(f);
}

}  // namespace relaydb
