// Status::ToString.
#include "common/status.h"

namespace relaydb {

std::string Status::ToString() const {
  const char* name = "OK";
  switch (code_) {
    case Code::kOk: return "OK";
    case Code::kIoError: name = "IO error"; break;
    case Code::kCorruption: name = "Corruption"; break;
    case Code::kInvalidArgument: name = "Invalid argument"; break;
    case Code::kProtocolError: name = "Protocol error"; break;
    case Code::kConnectionClosed: name = "Connection closed"; break;
    case Code::kStopped: name = "Stopped"; break;
    case Code::kNotSupported: name = "Not supported"; break;
    case Code::kSqlError:
      return "ERROR " + std::to_string(errno_) + " (" + sqlstate_ + "): " + msg_;
  }
  return std::string(name) + ": " + msg_;
}

}  // namespace relaydb
