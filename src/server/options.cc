// Start-up option parsing. See options.h.
//
// Flow: leading --no-defaults/--defaults-file/--defaults-extra-file/
// --print-defaults -> option files (each option line becomes "--name[=value]")
// -> those arguments followed by the command line, applied left to right
// (last one wins) -> derived values (paths relative to the data directory,
// version suffix, typed ServerOptions).
#include "server/options.h"

#include <dirent.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <limits>
#include <optional>

namespace relaydb::server {

namespace {

using sql::GlobalVariables;
using sql::SysVarDef;
using sql::SysVarType;

// The server's own options (not system variables, or spelled differently).
enum class Opt {
  kLogBin, kLogBinIndex, kLogBasename, kRelayLogIndex, kSkipSlaveStart,
  kReplicateDoDb, kReplicateIgnoreDb, kReplicateDoTable, kReplicateIgnoreTable,
  kReplicateWildDoTable, kReplicateWildIgnoreTable, kReplicateRewriteDb, kReplicateSameServerId,
  kRootPassword, kUser, kHelp, kVerbose, kVersion, kAutocommit, kDefaultTimeZone,
  kTransactionIsolation, kCharacterSetServer, kCollationServer, kIgnoredBool,
};
enum class ArgKind { kNone, kOptional, kRequired };

struct SpecialOption {
  const char* name;  // canonical, with '-'
  Opt id;
  ArgKind arg;
  bool is_bool;
};

const SpecialOption kSpecials[] = {
    {"log-bin", Opt::kLogBin, ArgKind::kOptional, false},
    {"log-bin-index", Opt::kLogBinIndex, ArgKind::kRequired, false},
    {"log-basename", Opt::kLogBasename, ArgKind::kRequired, false},
    {"relay-log-index", Opt::kRelayLogIndex, ArgKind::kRequired, false},
    {"skip-slave-start", Opt::kSkipSlaveStart, ArgKind::kOptional, true},
    {"replicate-do-db", Opt::kReplicateDoDb, ArgKind::kRequired, false},
    {"replicate-ignore-db", Opt::kReplicateIgnoreDb, ArgKind::kRequired, false},
    {"replicate-do-table", Opt::kReplicateDoTable, ArgKind::kRequired, false},
    {"replicate-ignore-table", Opt::kReplicateIgnoreTable, ArgKind::kRequired, false},
    {"replicate-wild-do-table", Opt::kReplicateWildDoTable, ArgKind::kRequired, false},
    {"replicate-wild-ignore-table", Opt::kReplicateWildIgnoreTable, ArgKind::kRequired, false},
    {"replicate-rewrite-db", Opt::kReplicateRewriteDb, ArgKind::kRequired, false},
    {"replicate-same-server-id", Opt::kReplicateSameServerId, ArgKind::kOptional, true},
    {"root-password", Opt::kRootPassword, ArgKind::kRequired, false},
    {"user", Opt::kUser, ArgKind::kRequired, false},
    {"help", Opt::kHelp, ArgKind::kOptional, true},
    {"verbose", Opt::kVerbose, ArgKind::kOptional, true},
    {"version", Opt::kVersion, ArgKind::kNone, false},
    {"autocommit", Opt::kAutocommit, ArgKind::kOptional, true},
    {"default-time-zone", Opt::kDefaultTimeZone, ArgKind::kRequired, false},
    {"transaction-isolation", Opt::kTransactionIsolation, ArgKind::kRequired, false},
    {"character-set-server", Opt::kCharacterSetServer, ArgKind::kRequired, false},
    {"collation-server", Opt::kCollationServer, ArgKind::kRequired, false},
    // mariadbd options that have no meaning for relaydb but appear in
    // common configuration files.
    {"console", Opt::kIgnoredBool, ArgKind::kOptional, true},
    {"external-locking", Opt::kIgnoredBool, ArgKind::kOptional, true},
    {"character-set-client-handshake", Opt::kIgnoredBool, ArgKind::kOptional, true},
    {"core-file", Opt::kIgnoredBool, ArgKind::kOptional, true},
    {"memlock", Opt::kIgnoredBool, ArgKind::kOptional, true},
    {"symbolic-links", Opt::kIgnoredBool, ArgKind::kOptional, true},
};

struct ShortOption {
  char letter;
  const char* long_name;
  bool takes_value;
};
const ShortOption kShorts[] = {
    {'h', "datadir", true},   {'P', "port", true},    {'u', "user", true},
    {'C', "character-set-server", true}, {'b', "basedir", true}, {'t', "tmpdir", true},
    {'V', "version", false},  {'?', "help", false},   {'v', "verbose", false},
};

std::string Dashes(std::string_view s) {
  std::string out(s);
  std::replace(out.begin(), out.end(), '_', '-');
  return out;
}
std::string Underscores(std::string_view s) {
  std::string out(s);
  std::replace(out.begin(), out.end(), '-', '_');
  return out;
}
bool IEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); i++) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  }
  return true;
}
bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// An option name resolved to a special option or a system variable.
struct Resolved {
  const SpecialOption* special = nullptr;
  const SysVarDef* var = nullptr;
  bool found() const { return special || var; }
  bool is_bool() const {
    return special ? special->is_bool : var->type == SysVarType::kBool;
  }
  ArgKind arg() const {
    if (special) return special->arg;
    return (var->flags & sql::kVarCmdLine) ? ArgKind::kRequired : ArgKind::kOptional;
  }
  // The name mariadbd quotes in messages (variables: with underscores).
  std::string name() const { return special ? special->name : std::string(var->name); }
};

Resolved Resolve(const GlobalVariables& vars, std::string_view name) {
  Resolved r;
  std::string dashed = Dashes(name);
  for (const auto& s : kSpecials) {
    if (dashed == s.name) {
      r.special = &s;
      return r;
    }
  }
  std::string under = Underscores(name);
  for (char c : under) {
    if (std::isupper(static_cast<unsigned char>(c))) return r;  // names are case-sensitive
  }
  const SysVarDef* def = vars.Find(under);
  if (def && def->is_option() && !(def->flags & sql::kVarExtension)) r.var = def;
  return r;
}

// --- option files ----------------------------------------------------------------

class FileReader {
 public:
  FileReader(const OptionsEnv& env, std::vector<std::string>* args,
             std::vector<OptionMessage>* messages)
      : env_(env), args_(args), messages_(messages) {}

  // False after a fatal error (messages added).
  bool Read(const std::string& path, bool required, int depth = 0) {
    std::ifstream in(path);
    if (!in) {
      if (!required) return true;
      Error("Could not open required defaults file: " + path);
      return Fatal();
    }
    if (depth > 10) return true;
    bool found_group = false, in_group = false;
    std::string line;
    int line_no = 0;
    while (std::getline(in, line)) {
      line_no++;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      size_t p = line.find_first_not_of(" \t");
      if (p == std::string::npos) continue;
      std::string_view s = std::string_view(line).substr(p);
      if (s[0] == '#' || s[0] == ';') continue;
      if (s[0] == '!') {
        if (!Directive(path, line_no, s, depth)) return false;
        continue;
      }
      if (s[0] == '[') {
        size_t end = s.find(']');
        if (end == std::string_view::npos) {
          Error("error: Wrong group definition in config file: " + path + " at line " +
                std::to_string(line_no));
          return Fatal();
        }
        std::string_view group = s.substr(1, end - 1);
        while (!group.empty() && std::isspace(static_cast<unsigned char>(group.back())))
          group.remove_suffix(1);
        found_group = true;
        in_group = false;
        for (const auto& g : env_.groups) {
          if (IEquals(g, group)) in_group = true;
        }
        continue;
      }
      if (!found_group) {
        Error("error: Found option without preceding group in config file: " + path +
              " at line: " + std::to_string(line_no));
        return Fatal();
      }
      if (!in_group) continue;
      args_->push_back(OptionFromLine(s));
    }
    return true;
  }

 private:
  bool Directive(const std::string& path, int line_no, std::string_view s, int depth) {
    auto arg_of = [](std::string_view rest) {
      size_t b = rest.find_first_not_of(" \t");
      if (b == std::string_view::npos) return std::string();
      size_t e = rest.find_last_not_of(" \t");
      return std::string(rest.substr(b, e - b + 1));
    };
    auto is_ws_or_end = [&](size_t pos) { return pos >= s.size() || s[pos] == ' ' || s[pos] == '\t'; };
    if (StartsWith(s, "!includedir") && is_ws_or_end(11)) {
      std::string dir = arg_of(s.substr(11));
      if (dir.empty()) {
        Error("error: Wrong '!includedir' directive in config file: " + path + " at line " +
              std::to_string(line_no));
        return Fatal();
      }
      DIR* d = opendir(dir.c_str());
      if (!d) {
        int err = errno;
        Error(env_.program_name + ": Can't read dir of '" + dir + "' (Errcode: " +
              std::to_string(err) + " \"" + std::strerror(err) + "\")");
        return Fatal();
      }
      std::vector<std::string> files;
      while (dirent* e = readdir(d)) {
        std::string n = e->d_name;
        if (n.size() > 4 && n.compare(n.size() - 4, 4, ".cnf") == 0) files.push_back(n);
      }
      closedir(d);
      std::sort(files.begin(), files.end());
      for (const auto& f : files) {
        if (!Read(dir + "/" + f, false, depth + 1)) return false;
      }
      return true;
    }
    if (StartsWith(s, "!include") && is_ws_or_end(8)) {
      std::string file = arg_of(s.substr(8));
      if (file.empty()) {
        Error("error: Wrong '!include' directive in config file: " + path + " at line " +
              std::to_string(line_no));
        return Fatal();
      }
      return Read(file, false, depth + 1);
    }
    return true;  // other '!' lines are ignored
  }

  // "name = value # comment" -> "--name=value" (mf_defaults rules).
  static std::string OptionFromLine(std::string_view s) {
    // Remove the end comment: '#' outside quotes.
    char quote = 0;
    bool escape = false;
    size_t cut = s.size();
    for (size_t i = 0; i < s.size(); i++) {
      char c = s[i];
      if ((c == '\'' || c == '"') && !escape) {
        if (!quote) {
          quote = c;
        } else if (quote == c) {
          quote = 0;
        }
      }
      if (!quote && c == '#') {
        cut = i;
        break;
      }
      escape = quote && c == '\\' && !escape;
    }
    s = s.substr(0, cut);
    auto rtrim = [](std::string_view v) {
      while (!v.empty() && std::isspace(static_cast<unsigned char>(v.back()))) v.remove_suffix(1);
      return v;
    };
    size_t eq = s.find('=');
    if (eq == std::string_view::npos) return "--" + std::string(rtrim(s));
    std::string_view name = rtrim(s.substr(0, eq));
    std::string_view value = s.substr(eq + 1);
    size_t b = value.find_first_not_of(" \t");
    value = b == std::string_view::npos ? std::string_view() : value.substr(b);
    value = rtrim(value);
    if (value.size() >= 2 && (value.front() == '\'' || value.front() == '"') &&
        value.back() == value.front()) {
      value = value.substr(1, value.size() - 2);
    }
    std::string out;
    for (size_t i = 0; i < value.size(); i++) {
      if (value[i] == '\\' && i + 1 < value.size()) {
        char n = value[++i];
        switch (n) {
          case 'n': out.push_back('\n'); break;
          case 't': out.push_back('\t'); break;
          case 'r': out.push_back('\r'); break;
          case 'b': out.push_back('\b'); break;
          case 's': out.push_back(' '); break;
          case '"': out.push_back('"'); break;
          case '\'': out.push_back('\''); break;
          case '\\': out.push_back('\\'); break;
          default:
            out.push_back('\\');
            out.push_back(n);
        }
      } else {
        out.push_back(value[i]);
      }
    }
    return "--" + std::string(name) + "=" + out;
  }

  void Error(std::string text) { messages_->push_back({LogLevel::kError, std::move(text)}); }
  bool Fatal() {
    Error("Fatal error in defaults handling. Program aborted");
    return false;
  }

  const OptionsEnv& env_;
  std::vector<std::string>* args_;
  std::vector<OptionMessage>* messages_;
};

std::string ExpandHome(const std::string& path) {
  if (StartsWith(path, "~/")) {
    const char* home = std::getenv("HOME");
    return std::string(home ? home : "") + path.substr(1);
  }
  return path;
}

// --- values -----------------------------------------------------------------------

// %g with 3 significant digits, exponent without '+' or leading zeros
// ("3.15e7"), as mariadbd prints adjusted doubles.
std::string ShortDouble(double d) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.3g", d);
  std::string s = buf;
  size_t e = s.find('e');
  if (e == std::string::npos) return s;
  std::string mant = s.substr(0, e);
  std::string exp = s.substr(e + 1);
  bool neg = !exp.empty() && exp[0] == '-';
  if (!exp.empty() && (exp[0] == '+' || exp[0] == '-')) exp.erase(0, 1);
  exp.erase(0, std::min(exp.find_first_not_of('0'), exp.size() - 1));
  return mant + "e" + (neg ? "-" : "") + exp;
}

class Applier {
 public:
  Applier(GlobalVariables* vars, const OptionsEnv& env, ParsedOptions* out)
      : vars_(vars), env_(env), out_(out) {}

  bool Fail() {
    out_->exit_code = 1;
    return false;
  }
  void Message(LogLevel level, std::string text) {
    out_->messages.push_back({level, std::move(text)});
  }
  bool SettingError(const std::string& value, const std::string& name) {
    Message(LogLevel::kError,
            env_.program_name + ": Error while setting value '" + value + "' to '" + name + "'");
    return Fail();
  }

  // Parses mysqld's integer syntax: [ws][-]digits[suffix...].
  bool ParseInteger(const SysVarDef& def, const std::string& text, bool is_signed,
                    __int128* out) {
    size_t i = 0;
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) i++;
    bool neg = false;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) neg = text[i++] == '-';
    __int128 v = 0;
    bool overflow = false;
    size_t digits_start = i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
      if (!overflow) v = v * 10 + (text[i] - '0');
      if (v > static_cast<__int128>(std::numeric_limits<uint64_t>::max())) overflow = true;
      i++;
    }
    (void)digits_start;
    if (i < text.size()) {
      char c = static_cast<char>(std::toupper(static_cast<unsigned char>(text[i])));
      const char* suffixes = "KMGTPE";
      const char* pos = std::strchr(suffixes, c);
      if (!pos || c == '\0') {
        Message(LogLevel::kError, std::string("Unknown suffix '") + text[i] +
                                      "' used for variable '" + std::string(def.name) +
                                      "' (value '" + text + "'). Legal suffix characters are: K, "
                                      "M, G, T, P, E");
        SettingError(text, std::string(def.name));
        return false;
      }
      int shift = 10 * static_cast<int>(pos - suffixes + 1);
      if (!overflow) v <<= shift;
      if (v > static_cast<__int128>(std::numeric_limits<uint64_t>::max())) overflow = true;
    }
    if (overflow) {
      Message(LogLevel::kError, std::string("Integer value out of range for ") +
                                    (is_signed ? "int64" : "uint64") + ": '" + text + "' for " +
                                    std::string(def.name));
      SettingError(text, std::string(def.name));
      return false;
    }
    if (neg && !is_signed) {
      Message(LogLevel::kError,
              "Incorrect unsigned value: '" + text + "' for " + std::string(def.name));
      SettingError(text, std::string(def.name));
      return false;
    }
    *out = neg ? -v : v;
    return true;
  }

  bool ParseBool(const std::string& name, const std::string& text, bool* out) {
    if (text == "1" || IEquals(text, "on") || IEquals(text, "true")) {
      *out = true;
    } else if (text == "0" || IEquals(text, "off") || IEquals(text, "false")) {
      *out = false;
    } else {
      Message(LogLevel::kWarning, "option '" + Underscores(name) + "': boolean value '" + text +
                                      "' wasn't recognized. Set to OFF.");
      *out = false;
    }
    return true;
  }

  // Applies one value to a system variable (`value` nullopt: given without
  // a value).
  bool ApplyVar(const SysVarDef& def, std::optional<std::string> value, bool negate) {
    std::vector<sql::AdminWarning> ignored;
    std::string name(def.name);
    switch (def.type) {
      case SysVarType::kBool: {
        bool b = true;
        if (negate) {
          b = false;
        } else if (value) {
          ParseBool(name, *value, &b);
        }
        return Store(def, Value::Int(b ? 1 : 0), value.value_or(""));
      }
      case SysVarType::kUInt:
      case SysVarType::kInt: {
        bool is_signed = def.type == SysVarType::kInt;
        std::string text = negate ? "0" : value.value_or("1");
        __int128 v = 0;
        if (!ParseInteger(def, text, is_signed, &v)) return false;
        __int128 lo = def.min;
        __int128 hi = is_signed ? static_cast<__int128>(static_cast<int64_t>(def.max))
                                : static_cast<__int128>(def.max);
        __int128 r = v;
        if (r > hi) r = hi;
        if (r < lo) r = lo;
        if (r != v) {
          auto str = [](__int128 x) {
            bool n = x < 0;
            unsigned __int128 u = n ? static_cast<unsigned __int128>(-x) : static_cast<unsigned __int128>(x);
            std::string s;
            do {
              s.insert(s.begin(), static_cast<char>('0' + static_cast<int>(u % 10)));
              u /= 10;
            } while (u);
            return n ? "-" + s : s;
          };
          Message(LogLevel::kWarning, "option '" + name + "': " +
                                          (is_signed ? "signed" : "unsigned") + " value " + str(v) +
                                          " adjusted to " + str(r));
        }
        if (def.block > 1) r = (r / static_cast<__int128>(def.block)) * def.block;
        if (r < lo) r = lo;
        Value val = is_signed ? Value::Int(static_cast<int64_t>(r)) : Value::UInt(static_cast<uint64_t>(r));
        return Store(def, val, text);
      }
      case SysVarType::kDouble: {
        std::string text = negate ? "0" : value.value_or("0");
        char* end = nullptr;
        errno = 0;
        double d = std::strtod(text.c_str(), &end);
        if (text.empty() || *end != '\0' || errno == ERANGE) {
          Message(LogLevel::kError, "Invalid decimal value for option '" + name + "'");
          return SettingError(text, name);
        }
        double r = std::min(std::max(d, def.dmin), def.dmax);
        if (r != d) {
          Message(LogLevel::kWarning, "option '" + name + "': value " + ShortDouble(d) +
                                          " adjusted to " + ShortDouble(r));
        }
        return Store(def, Value::Double(r), text);
      }
      case SysVarType::kEnum: {
        std::string text;
        if (negate) {
          text = "0";
        } else if (value) {
          text = *value;
        } else {
          text = "1";  // an optional-argument enum given bare: its second value (ON)
        }
        std::vector<std::string> names;
        size_t start = 0;
        std::string_view vals = def.values;
        while (start <= vals.size()) {
          size_t c = vals.find(',', start);
          names.emplace_back(vals.substr(start, c == std::string_view::npos ? vals.npos : c - start));
          if (c == std::string_view::npos) break;
          start = c + 1;
        }
        std::optional<uint64_t> idx;
        for (size_t i = 0; i < names.size(); i++) {
          if (IEquals(names[i], text)) idx = i;
        }
        if (!idx && !text.empty() &&
            std::all_of(text.begin(), text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
          uint64_t n = std::strtoull(text.c_str(), nullptr, 10);
          if (n < names.size()) idx = n;
        }
        if (!idx && !text.empty()) {  // a unique prefix
          int matches = 0;
          for (size_t i = 0; i < names.size(); i++) {
            if (names[i].size() > text.size() && IEquals(names[i].substr(0, text.size()), text)) {
              matches++;
              idx = i;
            }
          }
          if (matches != 1) idx.reset();
        }
        if (!idx) return SettingError(text, name);
        return Store(def, Value::UInt(*idx), text);
      }
      default: {
        std::string text = negate ? "" : value.value_or("");
        return Store(def, Value::String(text), text);
      }
    }
  }

  bool Store(const SysVarDef& def, const Value& v, const std::string& text) {
    std::vector<sql::AdminWarning> w;
    Status s = vars_->SetInitial(def.name, v, &w);
    if (!s.ok()) return SettingError(text, std::string(def.name));
    return true;
  }

  // One "--..." argument; `next` is the following argument if any (a
  // required value may come from it: *consumed set).
  bool ApplyLong(const std::string& arg, const std::string* next, bool* consumed) {
    std::string body = arg.substr(2);
    size_t eq = body.find('=');
    std::string name = body.substr(0, eq);
    std::optional<std::string> value;
    if (eq != std::string::npos) value = body.substr(eq + 1);
    bool loose = false;
    std::string lookup = name;
    if (StartsWith(Dashes(lookup), "loose-")) {
      loose = true;
      lookup = lookup.substr(6);
    }
    Resolved r = Resolve(*vars_, lookup);
    bool negate = false;
    if (!r.found()) {
      std::string d = Dashes(lookup);
      for (const char* prefix : {"skip-", "disable-", "enable-"}) {
        if (StartsWith(d, prefix)) {
          Resolved r2 = Resolve(*vars_, lookup.substr(std::strlen(prefix)));
          if (r2.found()) {
            r = r2;
            negate = prefix[0] != 'e';
          }
          break;
        }
      }
    }
    if (!r.found()) {
      std::string text = value ? env_.program_name + ": unknown variable '" + body + "'"
                               : env_.program_name + ": unknown option '--" + body + "'";
      Message(loose ? LogLevel::kWarning : LogLevel::kError, text);
      return loose ? true : Fail();
    }
    if (!negate && !value && r.arg() == ArgKind::kRequired) {
      if (!next) {
        Message(LogLevel::kError,
                env_.program_name + ": option '--" + r.name() + "' requires an argument");
        return Fail();
      }
      value = *next;
      *consumed = true;
    }
    if (r.var) return ApplyVar(*r.var, value, negate);
    return ApplySpecial(*r.special, value, negate);
  }

  bool ApplySpecial(const SpecialOption& s, const std::optional<std::string>& value, bool negate) {
    ServerOptions& o = out_->options;
    bool flag = !negate;
    if (s.is_bool && value && !negate) ParseBool(s.name, *value, &flag);
    const std::string v = value.value_or("");
    switch (s.id) {
      case Opt::kLogBin:
        o.log_bin = !negate;
        log_bin_name_ = negate ? "" : v;
        return true;
      case Opt::kLogBinIndex: log_bin_index_ = v; return true;
      case Opt::kLogBasename: log_basename_ = v; return true;
      case Opt::kRelayLogIndex: relay_log_index_ = v; return true;
      case Opt::kSkipSlaveStart: o.skip_slave_start = flag; return true;
      case Opt::kReplicateDoDb: o.filters.do_db.push_back(v); return true;
      case Opt::kReplicateIgnoreDb: o.filters.ignore_db.push_back(v); return true;
      case Opt::kReplicateDoTable: return AddTableRule(v, "do", &o.filters.do_table);
      case Opt::kReplicateIgnoreTable: return AddTableRule(v, "ignore", &o.filters.ignore_table);
      case Opt::kReplicateWildDoTable: return AddTableRule(v, "do", &o.filters.wild_do_table);
      case Opt::kReplicateWildIgnoreTable:
        return AddTableRule(v, "ignore", &o.filters.wild_ignore_table);
      case Opt::kReplicateRewriteDb: {
        size_t arrow = v.find("->");
        auto trim = [](std::string x) {
          size_t b = x.find_first_not_of(" \t");
          size_t e = x.find_last_not_of(" \t");
          return b == std::string::npos ? std::string() : x.substr(b, e - b + 1);
        };
        std::string from = arrow == std::string::npos ? "" : trim(v.substr(0, arrow));
        std::string to = arrow == std::string::npos ? "" : trim(v.substr(arrow + 2));
        if (from.empty() || to.empty()) {
          Message(LogLevel::kError, "Bad syntax in replicate-rewrite-db - missing '->'!");
          return Fail();
        }
        o.filters.rewrite_db.emplace_back(from, to);
        return true;
      }
      case Opt::kReplicateSameServerId: o.filters.same_server_id = flag; return true;
      case Opt::kRootPassword: o.root_password = v; return true;
      case Opt::kUser: o.user = v; return true;
      case Opt::kHelp: o.help = flag; return true;
      case Opt::kVerbose: o.verbose = flag; return true;
      case Opt::kVersion: o.version = true; return true;
      case Opt::kAutocommit: {
        std::vector<sql::AdminWarning> w;
        return vars_->SetInitial("autocommit", Value::Int(flag ? 1 : 0), &w).ok();
      }
      case Opt::kDefaultTimeZone: {
        std::vector<sql::AdminWarning> w;
        if (!vars_->SetInitial("time_zone", Value::String(v), &w).ok()) {
          Message(LogLevel::kError, "Fatal error: Illegal or unknown default time zone '" + v + "'");
          return Fail();
        }
        return true;
      }
      case Opt::kTransactionIsolation: {
        std::vector<sql::AdminWarning> w;
        if (!vars_->SetInitial("tx_isolation", Value::String(v), &w).ok())
          return SettingError(v, "transaction-isolation");
        return true;
      }
      case Opt::kCharacterSetServer: charset_server_ = v; return true;
      case Opt::kCollationServer: collation_server_ = v; return true;
      case Opt::kIgnoredBool: return true;
    }
    return true;
  }

  bool AddTableRule(const std::string& v, const char* kind, std::vector<std::string>* list) {
    if (v.find('.') == std::string::npos) {
      Message(LogLevel::kError, std::string("Could not add ") + kind + " table rule '" + v + "'");
      return Fail();
    }
    list->push_back(v);
    return true;
  }

  std::string Absolute(const std::string& path, const std::string& base) {
    if (path.empty() || path[0] == '/') return path;
    std::string p = path;
    if (StartsWith(p, "./")) p = p.substr(2);
    return base + "/" + p;
  }

  // Derived values once every option is applied.
  bool Finish() {
    ServerOptions& o = out_->options;
    o.hostname = env_.hostname;
    if (o.hostname.empty()) {
      char host[256] = {0};
      if (gethostname(host, sizeof host - 1) == 0) o.hostname = host;
    }
    std::string cwd = env_.cwd;
    if (cwd.empty()) {
      char buf[4096];
      if (getcwd(buf, sizeof buf)) cwd = buf;
    }
    std::string datadir = vars_->GetString("datadir");
    if (!datadir.empty()) {
      datadir = Absolute(datadir, cwd);
      while (datadir.size() > 1 && datadir.back() == '/') datadir.pop_back();
      vars_->Force("datadir", Value::String(datadir + "/"));
    }
    o.datadir = datadir;
    std::string base_dir = datadir.empty() ? cwd : datadir;
    std::string basename = log_basename_.empty() ? o.hostname : log_basename_;

    // mariadbd's defaults derived from the host name / log basename.
    if (vars_->GetString("general_log_file").empty())
      vars_->Force("general_log_file", Value::String(basename + ".log"));
    for (const char* slow : {"slow_query_log_file", "log_slow_query_file"}) {
      if (vars_->GetString(slow).empty()) vars_->Force(slow, Value::String(basename + "-slow.log"));
    }
    if (vars_->GetUInt("report_port") == 0) vars_->Force("report_port", Value::UInt(vars_->GetUInt("port")));
    if (!datadir.empty()) vars_->Force("aria_log_dir_path", Value::String(datadir + "/"));

    std::string pid = vars_->GetString("pid_file");
    if (pid.empty()) pid = basename + ".pid";
    o.pid_file = Absolute(pid, base_dir);
    vars_->Force("pid_file", Value::String(o.pid_file));

    // --log-error without a value means <basename>.err in the data directory.
    const SysVarDef* log_error = vars_->Find("log_error");
    std::string le = vars_->GetString("log_error");
    if (log_error_given_) {
      if (le.empty()) le = basename + ".err";
      o.log_error = Absolute(le, base_dir);
      vars_->Force("log_error", Value::String(o.log_error));
    }
    (void)log_error;

    if (o.log_bin) {
      std::string name = log_bin_name_.empty() ? basename + "-bin" : log_bin_name_;
      o.log_bin_basename = Absolute(name, base_dir);
      o.log_bin_index = log_bin_index_.empty() ? o.log_bin_basename + ".index"
                                               : Absolute(log_bin_index_, base_dir);
      vars_->Force("log_bin", Value::Int(1));
      vars_->Force("log_bin_basename", Value::String(o.log_bin_basename));
      vars_->Force("log_bin_index", Value::String(o.log_bin_index));
    }
    std::string relay = vars_->GetString("relay_log");
    o.relay_log_basename = Absolute(relay.empty() ? basename + "-relay-bin" : relay, base_dir);
    o.relay_log_index = relay_log_index_.empty() ? o.relay_log_basename + ".index"
                                                 : Absolute(relay_log_index_, base_dir);
    vars_->Force("relay_log_basename", Value::String(o.relay_log_basename));
    vars_->Force("relay_log_index", Value::String(o.relay_log_index));

    if (o.log_bin || vars_->GetBool("general_log") || vars_->GetBool("slow_query_log")) {
      std::string version = vars_->GetString("version");
      if (version.size() < 4 || version.compare(version.size() - 4, 4, "-log") != 0)
        vars_->Force("version", Value::String(version + "-log"));
    }

    // character-set-server / collation-server.
    if (!charset_server_.empty() || !collation_server_.empty()) {
      const sql::CollationInfo* cs = nullptr;
      if (!charset_server_.empty()) {
        cs = sql::DefaultCollationInfo(charset_server_);
        if (!cs) {
          Message(LogLevel::kError, env_.program_name + ": Character set '" + charset_server_ +
                                        "' is not a compiled character set and is not specified "
                                        "in the '' file");
          return Fail();
        }
      }
      const sql::CollationInfo* coll = cs;
      if (!collation_server_.empty()) {
        coll = sql::FindCollation(collation_server_);
        if (!coll) {
          Message(LogLevel::kError, "Unknown collation: '" + collation_server_ + "'");
          return Fail();
        }
        if (cs && std::strcmp(cs->charset, coll->charset) != 0) {
          Message(LogLevel::kError, "COLLATION '" + std::string(coll->name) +
                                        "' is not valid for CHARACTER SET '" + cs->charset + "'");
          return Fail();
        }
      }
      for (const char* v : {"character_set_server", "character_set_database"})
        vars_->Force(v, Value::String(coll->charset));
      for (const char* v : {"collation_server", "collation_database"})
        vars_->Force(v, Value::String(coll->name));
    }

    auto join = [](const std::vector<std::string>& list) {
      std::string out;
      for (const auto& x : list) {
        if (!out.empty()) out += ",";
        out += x;
      }
      return out;
    };
    const ReplicationFilters& f = o.filters;
    vars_->Force("replicate_do_db", Value::String(join(f.do_db)));
    vars_->Force("replicate_ignore_db", Value::String(join(f.ignore_db)));
    vars_->Force("replicate_do_table", Value::String(join(f.do_table)));
    vars_->Force("replicate_ignore_table", Value::String(join(f.ignore_table)));
    vars_->Force("replicate_wild_do_table", Value::String(join(f.wild_do_table)));
    vars_->Force("replicate_wild_ignore_table", Value::String(join(f.wild_ignore_table)));
    std::vector<std::string> rewrites;
    for (const auto& [from, to] : f.rewrite_db) rewrites.push_back(from + "->" + to);
    vars_->Force("replicate_rewrite_db", Value::String(join(rewrites)));

    o.basedir = vars_->GetString("basedir");
    o.tmpdir = vars_->GetString("tmpdir");
    o.port = static_cast<uint16_t>(vars_->GetUInt("port"));
    o.bind_address = vars_->GetString("bind_address");
    o.socket = vars_->GetString("socket");
    o.skip_networking = vars_->GetBool("skip_networking");
    o.skip_name_resolve = vars_->GetBool("skip_name_resolve");
    o.server_id = static_cast<uint32_t>(vars_->GetUInt("server_id"));
    o.max_connections = vars_->GetUInt("max_connections");
    o.read_only = vars_->GetBool("read_only");
    o.log_slave_updates = vars_->GetBool("log_slave_updates");
    o.skip_grant_tables = vars_->GetBool("skip_grant_tables");
    return true;
  }

  bool log_error_given_ = false;

 private:
  GlobalVariables* vars_;
  const OptionsEnv& env_;
  ParsedOptions* out_;
  std::string log_bin_name_, log_bin_index_, log_basename_, relay_log_index_;
  std::string charset_server_, collation_server_;
};

bool IsDefaultsOption(const std::string& a) {
  return a == "--no-defaults" || a == "--print-defaults" || StartsWith(a, "--defaults-file=") ||
         StartsWith(a, "--defaults-extra-file=") || StartsWith(a, "--defaults-group-suffix=");
}

}  // namespace

ParsedOptions ParseServerOptions(const std::vector<std::string>& args, sql::GlobalVariables* vars,
                                 const OptionsEnv& env) {
  ParsedOptions out;
  // Leading defaults options.
  size_t first = 0;
  bool no_defaults = false;
  std::string defaults_file, extra_file;
  while (first < args.size() && IsDefaultsOption(args[first])) {
    const std::string& a = args[first];
    if (a == "--no-defaults") {
      no_defaults = true;
    } else if (a == "--print-defaults") {
      out.options.print_defaults = true;
    } else if (StartsWith(a, "--defaults-file=")) {
      defaults_file = a.substr(16);
    } else if (StartsWith(a, "--defaults-extra-file=")) {
      extra_file = a.substr(22);
    }
    first++;
  }

  std::vector<std::string> file_args;
  FileReader reader(env, &file_args, &out.messages);
  bool files_ok = true;
  if (!no_defaults) {
    if (!defaults_file.empty()) {
      files_ok = reader.Read(ExpandHome(defaults_file), true);
    } else {
      for (const auto& f : env.default_files) {
        if (!files_ok) break;
        files_ok = reader.Read(ExpandHome(f), false);
      }
      if (files_ok && !extra_file.empty()) files_ok = reader.Read(ExpandHome(extra_file), true);
    }
  }
  if (!files_ok) {
    out.exit_code = 1;
    return out;
  }
  if (out.options.print_defaults) {
    std::string text = env.program_name + " would have been started with the following arguments:\n";
    for (const auto& a : file_args) text += a + " ";
    text += "\n";
    out.options.print_defaults_text = text;
    return out;
  }

  std::vector<std::string> all = file_args;
  for (size_t i = first; i < args.size(); i++) {
    if (IsDefaultsOption(args[i])) continue;  // not leading: ignored, as mariadbd does
    all.push_back(args[i]);
  }

  Applier applier(vars, env, &out);
  for (size_t i = 0; i < all.size(); i++) {
    const std::string& a = all[i];
    const std::string* next = i + 1 < all.size() ? &all[i + 1] : nullptr;
    if (a == "--") break;
    if (StartsWith(a, "--")) {
      std::string name = Dashes(a.substr(2, a.find('=') == std::string::npos ? std::string::npos
                                                                              : a.find('=') - 2));
      if (name == "log-error" || name == "loose-log-error") applier.log_error_given_ = true;
      if (name == "skip-log-error" || name == "disable-log-error") applier.log_error_given_ = false;
      bool consumed = false;
      if (!applier.ApplyLong(a, next, &consumed)) return out;
      if (consumed) i++;
      continue;
    }
    if (a.size() >= 2 && a[0] == '-') {
      const ShortOption* so = nullptr;
      for (const auto& s : kShorts) {
        if (s.letter == a[1]) so = &s;
      }
      if (!so) {
        out.messages.push_back({LogLevel::kError, env.program_name + ": unknown option '-" +
                                                      std::string(1, a[1]) + "'"});
        out.exit_code = 1;
        return out;
      }
      std::string long_arg = "--" + std::string(so->long_name);
      bool consumed = false;
      if (so->takes_value) {
        if (a.size() > 2) {
          long_arg += "=" + a.substr(2);
        } else if (next) {
          long_arg += "=" + *next;
          consumed = true;
        } else {
          out.messages.push_back({LogLevel::kError, env.program_name + ": option '-" +
                                                        std::string(1, a[1]) +
                                                        "' requires an argument"});
          out.exit_code = 1;
          return out;
        }
      }
      bool unused = false;
      if (!applier.ApplyLong(long_arg, nullptr, &unused)) return out;
      if (consumed) i++;
      continue;
    }
    out.messages.push_back({LogLevel::kError, env.program_name +
                                                  ": Too many arguments (first extra is '" + a +
                                                  "')."});
    out.exit_code = 1;
    return out;
  }
  if (!applier.Finish()) return out;
  return out;
}

std::string VersionLine(const sql::GlobalVariables& vars, const std::string& program_name) {
  std::string version = vars.GetString("version");
  if (version.size() > 4 && version.compare(version.size() - 4, 4, "-log") == 0)
    version.resize(version.size() - 4);
  return program_name + "  Ver " + version + " for " + vars.GetString("version_compile_os") +
         " on " + vars.GetString("version_compile_machine") + " (" +
         vars.GetString("version_comment") + ")";
}

std::string HelpText(const std::string& program_name) {
  return program_name +
         " is a MariaDB-compatible server with MySQL replication.\n"
         "Usage: " + program_name + " [OPTIONS]\n"
         "\n"
         "Option files are read from /etc/relaydb/my.cnf, /etc/relaydb.cnf and ~/.relaydb.cnf\n"
         "(groups [mysqld], [server], [relaydb]) unless one of these comes first:\n"
         "  --no-defaults             Read no option files.\n"
         "  --defaults-file=#         Read only this file.\n"
         "  --defaults-extra-file=#   Read this file after the default ones.\n"
         "  --print-defaults          Print the options read from files and exit.\n"
         "\n"
         "Server options (every MariaDB system variable that mariadbd accepts as an\n"
         "option is accepted too, e.g. --max-allowed-packet=64M, --sql-mode=...):\n"
         "  -h, --datadir=#           Data directory.\n"
         "  -P, --port=#              TCP port (default 3306).\n"
         "  --bind-address=#          Address to listen on.\n"
         "  --socket=#                Unix socket path.\n"
         "  --server-id=#             Replication server id.\n"
         "  --log-error[=#]           Error log file.\n"
         "  --root-password=#         root password for a new data directory.\n"
         "  --log-bin[=#]             Enable the binary log (basename).\n"
         "  --log-bin-index=#         Binary log index file.\n"
         "  --log-basename=#          Basename for log files (default: host name).\n"
         "  --relay-log=#, --relay-log-index=#\n"
         "  --skip-slave-start        Do not start replication at server start.\n"
         "  --log-slave-updates       Binary-log changes applied by replication.\n"
         "  --read-only               Reject writes from non-privileged users.\n"
         "  --replicate-do-db=#, --replicate-ignore-db=#, --replicate-do-table=#,\n"
         "  --replicate-ignore-table=#, --replicate-wild-do-table=#,\n"
         "  --replicate-wild-ignore-table=#, --replicate-rewrite-db=#,\n"
         "  --replicate-same-server-id\n"
         "  -V, --version             Print the version and exit.\n"
         "  -?, --help                Print this help and exit.\n";
}

}  // namespace relaydb::server
