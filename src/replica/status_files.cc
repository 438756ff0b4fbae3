// master.info and relay-log.info. See status_files.h and docs/relay_log.md
// ("Status files").
#include "replica/status_files.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstdlib>

#include "binlog/file_util.h"

namespace relaydb::replica {
namespace {

// master.info line numbers of the fields MariaDB added after 4.1
// (rpl_mi.h LINE_FOR_*).
constexpr uint32_t kLineSslVerifyServerCert = 15;
constexpr uint32_t kLineHeartbeatPeriod = 16;
constexpr uint32_t kLineMasterBind = 17;
constexpr uint32_t kLineIgnoreServerIds = 18;
constexpr uint32_t kLineMasterUuid = 19;
constexpr uint32_t kLineRetryCount = 20;
constexpr uint32_t kLineSslCrlpath = 22;
constexpr uint32_t kLineLastMysqlFuture = 33;
constexpr uint32_t kFirstMysql56Line = 23;
constexpr std::string_view kEndMarker = "END_MARKER";

std::string IdList(const std::vector<uint32_t>& ids) {
  std::string s = std::to_string(ids.size());
  for (uint32_t id : ids) s += " " + std::to_string(id);
  return s;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Reads a status file line by line, naming the file and line in errors.
class LineReader {
 public:
  LineReader(std::string_view contents, std::string_view kind, std::string_view name)
      : rest_(contents), kind_(kind), name_(name) {}

  bool AtEnd() const { return rest_.empty(); }
  uint32_t line() const { return line_; }

  // The next line without its '\n'; Corruption if the file ended.
  Result<std::string_view> Next(std::string_view field) {
    if (rest_.empty()) {
      return Error(line_ + 1, field, "is missing (the file ends after line " +
                                         std::to_string(line_) + ")");
    }
    const size_t nl = rest_.find('\n');
    std::string_view l = rest_.substr(0, nl);
    rest_ = nl == std::string_view::npos ? std::string_view() : rest_.substr(nl + 1);
    line_++;
    return l;
  }

  Result<std::string> String(std::string_view field) {
    ASSIGN_OR_RETURN(std::string_view l, Next(field));
    return std::string(l);
  }

  Result<uint64_t> Number(std::string_view field, uint64_t max = UINT64_MAX) {
    ASSIGN_OR_RETURN(std::string_view l, Next(field));
    return ToNumber(l, field, max);
  }

  Result<uint64_t> ToNumber(std::string_view text, std::string_view field, uint64_t max) const {
    uint64_t v = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (!AllDigits(text) || ec != std::errc() || end != text.data() + text.size() || v > max) {
      return Error(line_, field, "is not a number: '" + std::string(text) + "'");
    }
    return v;
  }

  // "<count>[ <id>...]" (MariaDB's init_dynarray_intvar_from_file).
  Result<std::vector<uint32_t>> IdList(std::string_view text, std::string_view field) const {
    std::vector<std::string_view> tokens;
    size_t i = 0;
    while (i < text.size()) {
      const size_t sp = text.find(' ', i);
      const size_t end = sp == std::string_view::npos ? text.size() : sp;
      if (end > i) tokens.push_back(text.substr(i, end - i));
      i = end + 1;
    }
    const Status bad = Error(line_, field, "is not a list of ids: '" + std::string(text) + "'");
    if (tokens.empty() || !AllDigits(tokens[0])) return bad;
    const uint64_t count = std::strtoull(std::string(tokens[0]).c_str(), nullptr, 10);
    if (count != tokens.size() - 1) return bad;
    std::vector<uint32_t> ids;
    for (size_t k = 1; k < tokens.size(); k++) {
      auto v = ToNumber(tokens[k], field, UINT32_MAX);
      if (!v.ok()) return bad;
      ids.push_back(static_cast<uint32_t>(*v));
    }
    return ids;
  }

  Status Error(uint32_t line, std::string_view field, const std::string& what) const {
    return Status::Corruption(std::string(kind_) + " file '" + std::string(name_) + "': line " +
                              std::to_string(line) + " (" + std::string(field) + ") " + what);
  }

 private:
  std::string_view rest_;
  std::string_view kind_;
  std::string_view name_;
  uint32_t line_ = 0;
};

// The line count on line 1, if the file has one at least `min` (newer
// layouts); otherwise nullopt and the first line is data.
std::optional<uint64_t> LineCount(std::string_view first, uint64_t min) {
  if (!AllDigits(first) || first.size() > 9) return std::nullopt;
  const uint64_t n = std::strtoull(std::string(first).c_str(), nullptr, 10);
  if (n < min) return std::nullopt;
  return n;
}

std::string BareName(std::string_view name) {
  const size_t slash = name.rfind('/');
  return std::string(slash == std::string_view::npos ? name : name.substr(slash + 1));
}

}  // namespace

std::string SerializeMasterInfo(const MasterInfo& mi) {
  char heartbeat[64];
  std::snprintf(heartbeat, sizeof heartbeat, "%.3f", mi.heartbeat_period);
  std::string s;
  auto line = [&s](std::string_view v) {
    s.append(v);
    s.push_back('\n');
  };
  line(std::to_string(kMasterInfoLines));
  line(mi.master_log_file);
  line(std::to_string(mi.read_master_log_pos));
  line(mi.host);
  line(mi.user);
  line(mi.password);
  line(std::to_string(mi.port));
  line(std::to_string(mi.connect_retry));
  line(mi.ssl ? "1" : "0");
  line(mi.ssl_ca);
  line(mi.ssl_capath);
  line(mi.ssl_cert);
  line(mi.ssl_cipher);
  line(mi.ssl_key);
  line(mi.ssl_verify_server_cert ? "1" : "0");
  line(heartbeat);
  line("");  // master_bind
  line(IdList(mi.ignore_server_ids));
  line("");   // master_uuid
  line("0");  // retry count
  line(mi.ssl_crl);
  line(mi.ssl_crlpath);
  for (uint32_t l = kFirstMysql56Line; l <= kLineLastMysqlFuture; l++) line("");
  line("using_gtid=" + std::to_string(static_cast<int>(mi.using_gtid)));
  line("do_domain_ids=" + IdList(mi.do_domain_ids));
  line("ignore_domain_ids=" + IdList(mi.ignore_domain_ids));
  line(kEndMarker);
  return s;
}

Result<MasterInfo> ParseMasterInfo(std::string_view contents, std::string_view name) {
  LineReader in(contents, "master info", name);
  MasterInfo mi;
  ASSIGN_OR_RETURN(std::string_view first, in.Next("line count"));
  const std::optional<uint64_t> count = LineCount(first, kMasterInfoLinesWithSsl);
  // The pre-4.1 layout: 7 lines, the first being Master_Log_File.
  const uint64_t lines = count.value_or(7);
  if (count) {
    ASSIGN_OR_RETURN(mi.master_log_file, in.String("Master_Log_File"));
  } else {
    mi.master_log_file = std::string(first);
  }
  ASSIGN_OR_RETURN(mi.read_master_log_pos, in.Number("Read_Master_Log_Pos"));
  ASSIGN_OR_RETURN(mi.host, in.String("Master_Host"));
  ASSIGN_OR_RETURN(mi.user, in.String("Master_User"));
  ASSIGN_OR_RETURN(mi.password, in.String("Master_Password"));
  ASSIGN_OR_RETURN(uint64_t port, in.Number("Master_Port", 65535));
  mi.port = static_cast<uint32_t>(port);
  ASSIGN_OR_RETURN(uint64_t retry, in.Number("Connect_Retry", UINT32_MAX));
  mi.connect_retry = static_cast<uint32_t>(retry);
  if (lines < kMasterInfoLinesWithSsl) return mi;

  ASSIGN_OR_RETURN(uint64_t ssl, in.Number("Master_SSL_Allowed"));
  mi.ssl = ssl != 0;
  ASSIGN_OR_RETURN(mi.ssl_ca, in.String("Master_SSL_CA_File"));
  ASSIGN_OR_RETURN(mi.ssl_capath, in.String("Master_SSL_CA_Path"));
  ASSIGN_OR_RETURN(mi.ssl_cert, in.String("Master_SSL_Cert"));
  ASSIGN_OR_RETURN(mi.ssl_cipher, in.String("Master_SSL_Cipher"));
  ASSIGN_OR_RETURN(mi.ssl_key, in.String("Master_SSL_Key"));
  if (lines >= kLineSslVerifyServerCert) {
    ASSIGN_OR_RETURN(uint64_t v, in.Number("Master_SSL_Verify_Server_Cert"));
    mi.ssl_verify_server_cert = v != 0;
  }
  if (lines >= kLineHeartbeatPeriod) {
    ASSIGN_OR_RETURN(std::string_view l, in.Next("heartbeat period"));
    const std::string text(l);
    char* end = nullptr;
    errno = 0;
    const double v = std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size() || errno != 0 || v < 0) {
      return in.Error(in.line(), "heartbeat period", "is not a number: '" + text + "'");
    }
    mi.heartbeat_period = v;
  }
  if (lines >= kLineMasterBind) RETURN_IF_ERROR(in.Next("master_bind").status());
  if (lines >= kLineIgnoreServerIds) {
    ASSIGN_OR_RETURN(std::string_view l, in.Next("Replicate_Ignore_Server_Ids"));
    ASSIGN_OR_RETURN(mi.ignore_server_ids, in.IdList(l, "Replicate_Ignore_Server_Ids"));
  }
  if (lines >= kLineMasterUuid) RETURN_IF_ERROR(in.Next("master_uuid").status());
  if (lines >= kLineRetryCount) RETURN_IF_ERROR(in.Next("retry count").status());
  if (lines >= kLineSslCrlpath) {
    ASSIGN_OR_RETURN(mi.ssl_crl, in.String("Master_SSL_Crl"));
    ASSIGN_OR_RETURN(mi.ssl_crlpath, in.String("Master_SSL_Crlpath"));
  }
  if (lines < kLineLastMysqlFuture) return mi;
  for (uint32_t l = kFirstMysql56Line; l <= kLineLastMysqlFuture; l++) {
    RETURN_IF_ERROR(in.Next("reserved").status());
  }
  // MariaDB's key=value section: the first occurrence of a key wins, unknown
  // keys are skipped, END_MARKER ends it (stale bytes may follow).
  bool seen_gtid = false, seen_do = false, seen_ignore = false;
  while (!in.AtEnd()) {
    ASSIGN_OR_RETURN(std::string_view l, in.Next("key=value"));
    if (l == kEndMarker) break;
    const size_t eq = l.find('=');
    if (eq == std::string_view::npos) continue;
    const std::string_view key = l.substr(0, eq), value = l.substr(eq + 1);
    if (key == "using_gtid" && !seen_gtid) {
      ASSIGN_OR_RETURN(uint64_t v, in.ToNumber(value, "using_gtid", 255));
      mi.using_gtid = v == 1 ? UseGtid::kCurrentPos : v == 2 ? UseGtid::kSlavePos : UseGtid::kNo;
      seen_gtid = true;
    } else if (key == "do_domain_ids" && !seen_do) {
      ASSIGN_OR_RETURN(mi.do_domain_ids, in.IdList(value, "do_domain_ids"));
      seen_do = true;
    } else if (key == "ignore_domain_ids" && !seen_ignore) {
      ASSIGN_OR_RETURN(mi.ignore_domain_ids, in.IdList(value, "ignore_domain_ids"));
      seen_ignore = true;
    }
  }
  return mi;
}

std::string SerializeRelayLogInfo(const RelayLogInfo& rli) {
  std::string s = std::to_string(kRelayLogInfoLines) + "\n";
  // A bare name is written relative to the datadir, as MariaDB does; a name
  // with a directory ("./x", "/abs/x") as it is.
  if (!rli.relay_log_file.empty() && rli.relay_log_file.find('/') == std::string::npos) s += "./";
  s += rli.relay_log_file;
  s += "\n" + std::to_string(rli.relay_log_pos) + "\n" + rli.relay_master_log_file + "\n" +
       std::to_string(rli.exec_master_log_pos) + "\n" + std::to_string(rli.sql_delay) + "\n";
  return s;
}

Result<RelayLogInfo> ParseRelayLogInfo(std::string_view contents, std::string_view name) {
  LineReader in(contents, "relay log info", name);
  RelayLogInfo rli;
  ASSIGN_OR_RETURN(std::string_view first, in.Next("line count"));
  const std::optional<uint64_t> count = LineCount(first, kRelayLogInfoLines);
  std::string_view relay_file = first;
  if (count) {
    ASSIGN_OR_RETURN(relay_file, in.Next("Relay_Log_File"));
  }
  rli.relay_log_file = BareName(relay_file);
  ASSIGN_OR_RETURN(rli.relay_log_pos, in.Number("Relay_Log_Pos"));
  ASSIGN_OR_RETURN(rli.relay_master_log_file, in.String("Relay_Master_Log_File"));
  ASSIGN_OR_RETURN(rli.exec_master_log_pos, in.Number("Exec_Master_Log_Pos"));
  if (count) {
    ASSIGN_OR_RETURN(std::string_view l, in.Next("SQL_Delay"));
    const bool negative = !l.empty() && l[0] == '-';
    ASSIGN_OR_RETURN(uint64_t v, in.ToNumber(negative ? l.substr(1) : l, "SQL_Delay", INT32_MAX));
    rli.sql_delay = negative ? -static_cast<int64_t>(v) : static_cast<int64_t>(v);
  }
  return rli;
}

namespace {

template <typename T, typename ParseFn>
Result<std::optional<T>> ReadStatusFile(const std::string& path, ParseFn parse) {
  std::string contents;
  bool exists = false;
  RETURN_IF_ERROR(binlog::ReadWholeFile(path, &contents, &exists));
  if (!exists) return std::optional<T>();
  ASSIGN_OR_RETURN(T v, parse(contents, path));
  return std::optional<T>(std::move(v));
}

std::string DirOf(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

}  // namespace

Result<std::optional<MasterInfo>> ReadMasterInfo(const std::string& path) {
  return ReadStatusFile<MasterInfo>(path, ParseMasterInfo);
}

Result<std::optional<RelayLogInfo>> ReadRelayLogInfo(const std::string& path) {
  return ReadStatusFile<RelayLogInfo>(path, ParseRelayLogInfo);
}

Status ReplaceFile(const std::string& path, std::string_view contents, bool durable) {
  const std::string tmp = path + ".tmp";
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0660);
  if (fd < 0) return binlog::ErrnoStatus("cannot create", tmp, errno);
  Status s = binlog::WriteAll(fd, contents, tmp);
  if (s.ok() && durable) s = binlog::SyncFd(fd, tmp);
  if (::close(fd) != 0 && s.ok()) s = binlog::ErrnoStatus("cannot close", tmp, errno);
  if (s.ok() && ::rename(tmp.c_str(), path.c_str()) != 0) {
    s = binlog::ErrnoStatus("cannot rename '" + tmp + "' to", path, errno);
  }
  if (!s.ok()) {
    ::unlink(tmp.c_str());
    return s;
  }
  return durable ? binlog::SyncDir(DirOf(path)) : Status::Ok();
}

Status WriteMasterInfo(const std::string& path, const MasterInfo& mi, bool durable) {
  return ReplaceFile(path, SerializeMasterInfo(mi), durable);
}

Status WriteRelayLogInfo(const std::string& path, const RelayLogInfo& rli, bool durable) {
  return ReplaceFile(path, SerializeRelayLogInfo(rli), durable);
}

}  // namespace relaydb::replica
