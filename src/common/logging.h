// Minimal logging to the error log (stderr or --log-error file), MySQL style:
// "2026-11-22 10:00:00 0 [Note] message".
#pragma once

#include <string>

namespace relaydb {

enum class LogLevel { kNote, kWarning, kError };

// Redirects the log to `path` (appending). Returns false if it cannot be opened.
bool SetLogFile(const std::string& path);
void Log(LogLevel level, const std::string& msg);
inline void LogNote(const std::string& m) { Log(LogLevel::kNote, m); }
inline void LogWarning(const std::string& m) { Log(LogLevel::kWarning, m); }
inline void LogError(const std::string& m) { Log(LogLevel::kError, m); }

}  // namespace relaydb
