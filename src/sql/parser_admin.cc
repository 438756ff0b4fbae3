// Accounts and privileges (CREATE/DROP/ALTER/RENAME USER, GRANT, REVOKE),
// FLUSH / KILL / PURGE / RESET, CHANGE MASTER / REPLICATION SOURCE and
// ANALYZE / CHECK / OPTIMIZE / REPAIR / CHECKSUM TABLE.
#include "sql/parser_impl.h"

namespace relaydb::sql {

// ---------------------------------------------------------------------------
// Accounts
// ---------------------------------------------------------------------------

bool Parser::ParseAuth(AuthSpec* auth) {
  // IDENTIFIED already consumed.
  if (AcceptKw(Kw::kBy)) {
    if (AcceptKw(Kw::kPassword)) {
      auth->kind = AuthSpec::Kind::kPasswordHash;
      return ParseStringLiteral(&auth->auth_string);
    }
    auth->kind = AuthSpec::Kind::kPassword;
    return ParseStringLiteral(&auth->auth_string);
  }
  if (!AcceptKw(Kw::kVia) && !AcceptKw(Kw::kWith)) return Fail();
  auth->kind = AuthSpec::Kind::kPlugin;
  std::string plugin;
  TRY(ParseIdentOrString(&plugin));
  auth->plugin = ToLowerAscii(plugin);
  if (AcceptKw(Kw::kUsing) || AcceptKw(Kw::kAs)) {
    if (AcceptKw(Kw::kPassword)) {
      TRY(Expect(TokenType::kLParen));
      TRY(ParseStringLiteral(&auth->auth_string));
      TRY(Expect(TokenType::kRParen));
      auth->plugin_password_is_plain = true;
    } else {
      TRY(ParseStringLiteral(&auth->auth_string));
    }
  } else if (AcceptKw(Kw::kBy)) {
    TRY(ParseStringLiteral(&auth->auth_string));
    auth->plugin_password_is_plain = true;
  }
  if (IsKw(Kw::kOr)) return FailUnsupported("multiple authentication plugins");
  return true;
}

bool Parser::ParseUserAuthList(std::vector<UserAuth>* out) {
  do {
    UserAuth ua;
    TRY(ParseUserSpec(&ua.user));
    if (AcceptKw(Kw::kIdentified)) TRY(ParseAuth(&ua.auth));
    out->push_back(std::move(ua));
  } while (Accept(TokenType::kComma));
  return true;
}

// REQUIRE ..., WITH resource limits / GRANT OPTION (GRANT handles it), PASSWORD
// EXPIRE ..., ACCOUNT LOCK|UNLOCK.
bool Parser::ParseAccountOptions(std::vector<std::pair<std::string, std::string>>* out) {
  for (;;) {
    if (AcceptKw(Kw::kRequire)) {
      if (AcceptKw(Kw::kNoneWord)) {
        out->emplace_back("REQUIRE", "NONE");
        continue;
      }
      // SSL / X509 / CIPHER 'x' / ISSUER 'x' / SUBJECT 'x' [AND ...]
      do {
        if (AcceptKw(Kw::kSsl) || AcceptKw(Kw::kX509)) {
          out->emplace_back("REQUIRE", ToUpperAscii(Text(toks_[pos_ - 1])));
        } else if (IsKw(Kw::kCipher) || IsKw(Kw::kIssuer) || IsKw(Kw::kSubject)) {
          std::string what = ToUpperAscii(Text(Cur()));
          Advance();
          std::string v;
          TRY(ParseStringLiteral(&v));
          out->emplace_back("REQUIRE " + what, v);
        } else {
          return Fail();
        }
      } while (AcceptKw(Kw::kAnd) ||
               (IsKw(Kw::kCipher) || IsKw(Kw::kIssuer) || IsKw(Kw::kSubject)));
      continue;
    }
    if (IsKw(Kw::kWith) && !IsKw(Kw::kGrant, 1) && !IsKw(Kw::kAdmin, 1)) {
      Advance();
      bool any = false;
      while (IsKw(Kw::kMaxQueriesPerHour) || IsKw(Kw::kMaxUpdatesPerHour) ||
             IsKw(Kw::kMaxConnectionsPerHour) || IsKw(Kw::kMaxUserConnections) ||
             IsKw(Kw::kMaxStatementTime)) {
        std::string name = ToUpperAscii(Text(Cur()));
        Advance();
        std::string v;
        if (Is(TokenType::kInteger) || Is(TokenType::kDecimal)) {
          v = std::string(Text(Cur()));
          Advance();
        } else {
          return Fail();
        }
        out->emplace_back(name, v);
        any = true;
      }
      if (!any) return Fail();
      continue;
    }
    if (IsKw(Kw::kPassword) && IsKw(Kw::kExpire, 1)) {
      Advance();
      Advance();
      std::string v = "EXPIRE";
      if (AcceptKw(Kw::kNever)) {
        v = "NEVER";
      } else if (AcceptKw(Kw::kDefault)) {
        v = "DEFAULT";
      } else if (AcceptKw(Kw::kInterval)) {
        uint64_t n;
        TRY(ParseNumber(&n));
        TRY(ExpectKw(Kw::kDay));
        v = "INTERVAL " + std::to_string(n) + " DAY";
      }
      out->emplace_back("PASSWORD EXPIRE", v);
      continue;
    }
    if (AcceptKw(Kw::kAccount)) {
      if (AcceptKw(Kw::kLock)) {
        out->emplace_back("ACCOUNT", "LOCK");
      } else {
        TRY(ExpectKw(Kw::kUnlock));
        out->emplace_back("ACCOUNT", "UNLOCK");
      }
      continue;
    }
    break;
  }
  return true;
}

StatementPtr Parser::ParseCreateUser(bool or_replace) {
  Advance();  // USER
  auto s = std::make_unique<CreateUserStmt>();
  s->or_replace = or_replace;
  if (IsKw(Kw::kIf)) {
    Advance();
    TRY(ExpectKw(Kw::kNot));
    TRY(ExpectKw(Kw::kExists));
    s->if_not_exists = true;
  }
  TRY(ParseUserAuthList(&s->users));
  TRY(ParseAccountOptions(&s->options));
  return s;
}

StatementPtr Parser::ParseDropUser() {
  Advance();  // USER
  auto s = std::make_unique<DropUserStmt>();
  if (AcceptKw(Kw::kIf)) {
    TRY(ExpectKw(Kw::kExists));
    s->if_exists = true;
  }
  do {
    UserSpec u;
    TRY(ParseUserSpec(&u));
    s->users.push_back(std::move(u));
  } while (Accept(TokenType::kComma));
  return s;
}

StatementPtr Parser::ParseAlterUser() {
  Advance();  // USER
  auto s = std::make_unique<AlterUserStmt>();
  if (AcceptKw(Kw::kIf)) {
    TRY(ExpectKw(Kw::kExists));
    s->if_exists = true;
  }
  TRY(ParseUserAuthList(&s->users));
  TRY(ParseAccountOptions(&s->options));
  return s;
}

StatementPtr Parser::ParseRenameUser() {
  Advance();  // USER
  auto s = std::make_unique<RenameUserStmt>();
  do {
    UserSpec from, to;
    TRY(ParseUserSpec(&from));
    TRY(ExpectKw(Kw::kTo));
    TRY(ParseUserSpec(&to));
    s->renames.emplace_back(std::move(from), std::move(to));
  } while (Accept(TokenType::kComma));
  return s;
}

namespace {

// MariaDB 10.11's privilege names (GRANT/REVOKE), upper-case.
constexpr std::string_view kPrivilegeNames[] = {"ALL",
                                                "ALL PRIVILEGES",
                                                "ALTER",
                                                "ALTER ROUTINE",
                                                "BINLOG ADMIN",
                                                "BINLOG MONITOR",
                                                "BINLOG REPLAY",
                                                "CONNECTION ADMIN",
                                                "CREATE",
                                                "CREATE ROUTINE",
                                                "CREATE TABLESPACE",
                                                "CREATE TEMPORARY TABLES",
                                                "CREATE USER",
                                                "CREATE VIEW",
                                                "DELETE",
                                                "DELETE HISTORY",
                                                "DROP",
                                                "EVENT",
                                                "EXECUTE",
                                                "FEDERATED ADMIN",
                                                "FILE",
                                                "GRANT OPTION",
                                                "INDEX",
                                                "INSERT",
                                                "LOCK TABLES",
                                                "PROCESS",
                                                "READ_ONLY ADMIN",
                                                "REFERENCES",
                                                "RELOAD",
                                                "REPLICA MONITOR",
                                                "REPLICATION CLIENT",
                                                "REPLICATION MASTER ADMIN",
                                                "REPLICATION REPLICA",
                                                "REPLICATION REPLICA ADMIN",
                                                "REPLICATION SLAVE",
                                                "REPLICATION SLAVE ADMIN",
                                                "SELECT",
                                                "SET USER",
                                                "SHOW CREATE ROUTINE",
                                                "SHOW DATABASES",
                                                "SHOW VIEW",
                                                "SHUTDOWN",
                                                "SLAVE MONITOR",
                                                "SUPER",
                                                "TRIGGER",
                                                "UPDATE",
                                                "USAGE"};

bool IsPrivilege(std::string_view name) {
  for (std::string_view p : kPrivilegeNames)
    if (p == name) return true;
  return false;
}

// True if `prefix` followed by a space starts some privilege name.
bool IsPrivilegePrefix(std::string_view prefix) {
  for (std::string_view p : kPrivilegeNames)
    if (p.size() > prefix.size() && p.substr(0, prefix.size()) == prefix && p[prefix.size()] == ' ')
      return true;
  return false;
}

}  // namespace

// Privilege list up to ON (privileges) or TO/FROM (role names). Multi-word
// privileges are matched against MariaDB's list (longest match).
bool Parser::ParsePrivileges(std::vector<Privilege>* out, std::vector<std::string>* roles) {
  std::vector<std::string> single;  // items as written (role names if no ON)
  size_t first_unknown = SIZE_MAX;  // token index of the first non-privilege item
  bool any_privilege_only = false;  // an item that can only be a privilege
  do {
    if (Is(TokenType::kString) || Is(TokenType::kQuotedIdent)) {  // only a role name
      if (first_unknown == SIZE_MAX) first_unknown = pos();
      std::string r;
      TRY(ParseIdentOrString(&r));
      single.push_back(std::move(r));
      out->push_back(Privilege{});
      continue;
    }
    if (!IsAnyWord()) return Fail();
    const size_t item_pos = pos();
    Privilege p;
    std::string written(Text(Cur()));
    bool reserved = Cur().reserved;
    p.name = ToUpperAscii(written);
    Advance();
    while (Cur().type == TokenType::kIdent && IsPrivilegePrefix(p.name) &&
           (IsPrivilege(p.name + " " + ToUpperAscii(Text(Cur()))) ||
            IsPrivilegePrefix(p.name + " " + ToUpperAscii(Text(Cur()))))) {
      p.name += " " + ToUpperAscii(Text(Cur()));
      Advance();
      any_privilege_only = true;
    }
    if (!IsPrivilege(p.name)) {
      if (reserved || p.name.find(' ') != std::string::npos) {
        // Neither a privilege nor a possible role name.
        FailAt(toks_[item_pos + (p.name.find(' ') != std::string::npos ? 1 : 0)]);
        return false;
      }
      if (first_unknown == SIZE_MAX) first_unknown = item_pos;
    } else if (reserved) {
      any_privilege_only = true;
    }
    if (p.name == "ALL" || p.name == "ALL PRIVILEGES") {
      p.name = "ALL PRIVILEGES";
      if (Is(TokenType::kComma)) return Fail();  // ALL [PRIVILEGES] stands alone
    }
    if (Is(TokenType::kLParen)) {
      TRY(ParseIdentList(&p.columns));
      any_privilege_only = true;
    }
    single.push_back(std::move(written));
    out->push_back(std::move(p));
  } while (Accept(TokenType::kComma));
  if (IsKw(Kw::kOn)) {
    if (first_unknown != SIZE_MAX) return FailAt(toks_[first_unknown]);
    return true;
  }
  // GRANT r1, r2 TO ... / REVOKE r FROM ...: role names.
  if (any_privilege_only) return Fail();
  *roles = std::move(single);
  out->clear();
  return true;
}

bool Parser::ParseGrantTarget(GrantTarget* target) {
  if (AcceptKw(Kw::kTable)) {
    target->object_type = GrantTarget::ObjectType::kTable;
  } else if (AcceptKw(Kw::kFunction)) {
    target->object_type = GrantTarget::ObjectType::kFunction;
  } else if (AcceptKw(Kw::kProcedure)) {
    target->object_type = GrantTarget::ObjectType::kProcedure;
  } else if (AcceptKw(Kw::kPackage)) {
    target->object_type = GrantTarget::ObjectType::kPackage;
    AcceptKw(Kw::kBody);
  }
  if (Accept(TokenType::kStar)) {
    if (Accept(TokenType::kDot)) {
      TRY(Expect(TokenType::kStar));
      target->level = GrantTarget::Level::kGlobal;
    } else {
      target->level = GrantTarget::Level::kDatabase;
    }
    return true;
  }
  std::string first;
  TRY(ParseIdent(&first));
  if (Accept(TokenType::kDot)) {
    target->db = std::move(first);
    if (Accept(TokenType::kStar)) {
      target->level = GrantTarget::Level::kDatabase;
    } else {
      target->level = GrantTarget::Level::kTable;
      TRY(ParseIdent(&target->table));
    }
  } else {
    target->level = GrantTarget::Level::kTable;
    target->table = std::move(first);
  }
  return true;
}

StatementPtr Parser::ParseGrant() {
  Advance();  // GRANT
  auto s = std::make_unique<GrantStmt>();
  if (IsKw(Kw::kProxy) && IsKw(Kw::kOn, 1)) {
    Advance();
    Advance();
    s->proxy = true;
    UserSpec proxied;
    TRY(ParseUserSpec(&proxied));
  } else {
    TRY(ParsePrivileges(&s->privileges, &s->roles));
    if (s->roles.empty()) {
      TRY(ExpectKw(Kw::kOn));
      TRY(ParseGrantTarget(&s->on));
    }
  }
  TRY(ExpectKw(Kw::kTo));
  TRY(ParseUserAuthList(&s->users));
  for (;;) {
    if (IsKw(Kw::kWith) && IsKw(Kw::kGrant, 1)) {
      Advance();
      Advance();
      TRY(ExpectKw(Kw::kOption));
      s->with_grant_option = true;
      // More WITH limits may follow.
      while (IsKw(Kw::kMaxQueriesPerHour) || IsKw(Kw::kMaxUpdatesPerHour) ||
             IsKw(Kw::kMaxConnectionsPerHour) || IsKw(Kw::kMaxUserConnections) ||
             IsKw(Kw::kMaxStatementTime)) {
        std::string name = ToUpperAscii(Text(Cur()));
        Advance();
        if (!Is(TokenType::kInteger) && !Is(TokenType::kDecimal)) {
          Fail();
          return nullptr;
        }
        s->options.emplace_back(name, std::string(Text(Cur())));
        Advance();
      }
      continue;
    }
    if (IsKw(Kw::kWith) && IsKw(Kw::kAdmin, 1)) {
      Advance();
      Advance();
      TRY(ExpectKw(Kw::kOption));
      continue;
    }
    size_t before = s->options.size();
    size_t at = pos();
    TRY(ParseAccountOptions(&s->options));
    if (pos() == at && s->options.size() == before) break;
  }
  return s;
}

StatementPtr Parser::ParseRevoke() {
  Advance();  // REVOKE
  auto s = std::make_unique<RevokeStmt>();
  if (AcceptKw(Kw::kIf)) TRY(ExpectKw(Kw::kExists));
  if (IsKw(Kw::kAll)) {
    // REVOKE ALL [PRIVILEGES], GRANT OPTION FROM ...
    size_t k = 1;
    if (IsKw(Kw::kPrivileges, 1)) k = 2;
    if (Is(TokenType::kComma, k) && IsKw(Kw::kGrant, k + 1) && IsKw(Kw::kOption, k + 2)) {
      for (size_t i = 0; i < k + 3; ++i) Advance();
      s->all_and_grant_option = true;
      TRY(ExpectKw(Kw::kFrom));
      do {
        UserSpec u;
        TRY(ParseUserSpec(&u));
        s->users.push_back(std::move(u));
      } while (Accept(TokenType::kComma));
      return s;
    }
  }
  if (IsKw(Kw::kProxy) && IsKw(Kw::kOn, 1)) {
    Advance();
    Advance();
    s->proxy = true;
    UserSpec proxied;
    TRY(ParseUserSpec(&proxied));
  } else {
    TRY(ParsePrivileges(&s->privileges, &s->roles));
    if (s->roles.empty()) {
      TRY(ExpectKw(Kw::kOn));
      TRY(ParseGrantTarget(&s->on));
    }
  }
  TRY(ExpectKw(Kw::kFrom));
  do {
    UserSpec u;
    TRY(ParseUserSpec(&u));
    s->users.push_back(std::move(u));
  } while (Accept(TokenType::kComma));
  return s;
}

// ---------------------------------------------------------------------------
// FLUSH / KILL / PURGE / RESET
// ---------------------------------------------------------------------------

StatementPtr Parser::ParseFlush() {
  Advance();  // FLUSH
  auto s = std::make_unique<FlushStmt>();
  if (AcceptKw(Kw::kNoWriteToBinlog) || AcceptKw(Kw::kLocal)) s->no_write_to_binlog = true;
  do {
    FlushOption o;
    const Token& t = Cur();
    if (t.type != TokenType::kIdent) {
      Fail();
      return nullptr;
    }
    using K = FlushOption::Kind;
    auto logs = [&](K kind) -> bool {
      Advance();
      TRY(ExpectKw(Kw::kLogs));
      o.kind = kind;
      return true;
    };
    switch (t.kw) {
      case Kw::kLogs:
        Advance();
        o.kind = K::kLogs;
        break;
      case Kw::kBinary:
        TRY(logs(K::kBinaryLogs));
        if (AcceptKw(Kw::kDeleteDomainId)) {
          TRY(Expect(TokenType::kEq));
          TRY(Expect(TokenType::kLParen));
          while (!Is(TokenType::kRParen)) {
            uint64_t n;
            TRY(ParseNumber(&n));
            if (!Accept(TokenType::kComma)) break;
          }
          TRY(Expect(TokenType::kRParen));
        }
        break;
      case Kw::kRelay:
        TRY(logs(K::kRelayLogs));
        if (Is(TokenType::kString)) TRY(ParseStringLiteral(&o.connection_name));
        if (IsKw(Kw::kFor) && IsKw(Kw::kChannel, 1)) {
          Advance();
          Advance();
          TRY(ParseStringLiteral(&o.connection_name));
        }
        break;
      case Kw::kError: TRY(logs(K::kErrorLogs)); break;
      case Kw::kEngine: TRY(logs(K::kEngineLogs)); break;
      case Kw::kGeneral: TRY(logs(K::kGeneralLogs)); break;
      case Kw::kSlow: TRY(logs(K::kSlowLogs)); break;
      case Kw::kPrivileges:
        Advance();
        o.kind = K::kPrivileges;
        break;
      case Kw::kStatus:
        Advance();
        o.kind = K::kStatus;
        break;
      case Kw::kHosts:
        Advance();
        o.kind = K::kHosts;
        break;
      case Kw::kUserResources:
        Advance();
        o.kind = K::kUserResources;
        break;
      case Kw::kClientStatistics:
        Advance();
        o.kind = K::kClientStatistics;
        break;
      case Kw::kTableStatistics:
        Advance();
        o.kind = K::kTableStatistics;
        break;
      case Kw::kIndexStatistics:
        Advance();
        o.kind = K::kIndexStatistics;
        break;
      case Kw::kUserStatistics:
        Advance();
        o.kind = K::kUserStatistics;
        break;
      case Kw::kDesKeyFile:
        Advance();
        o.kind = K::kDesKeyFile;
        break;
      case Kw::kSsl:
        Advance();
        o.kind = K::kSslCertificates;
        break;
      case Kw::kQuery:
        Advance();
        TRY(ExpectKw(Kw::kCache));
        o.kind = K::kQueryCache;
        break;
      case Kw::kTable:
      case Kw::kTables:
        Advance();
        o.kind = K::kTables;
        if (IsIdent() && !IsKw(Kw::kWith) && !IsKw(Kw::kFor)) TRY(ParseTableNameList(&o.tables));
        if (IsKw(Kw::kWith)) {
          Advance();
          TRY(ExpectKw(Kw::kRead));
          TRY(ExpectKw(Kw::kLock));
          o.with_read_lock = true;
        } else if (IsKw(Kw::kFor) && IsKw(Kw::kExport, 1)) {
          Advance();
          Advance();
          o.for_export = true;
        }
        break;
      default: Fail(); return nullptr;
    }
    s->options.push_back(std::move(o));
  } while (Accept(TokenType::kComma));
  return s;
}

StatementPtr Parser::ParseKill() {
  Advance();  // KILL
  auto s = std::make_unique<KillStmt>();
  if (AcceptKw(Kw::kHard)) {
    s->hard = true;
  } else if (AcceptKw(Kw::kSoft)) {
    s->hard = false;
  }
  if (AcceptKw(Kw::kConnection)) {
  } else if (AcceptKw(Kw::kQuery)) {
    s->query = true;
    if (AcceptKw(Kw::kId)) s->query_id = true;
  }
  if (IsKw(Kw::kUser)) return ParseUnsupported("KILL USER", false);
  s->id = ParseExpr();
  TRY(s->id);
  return s;
}

StatementPtr Parser::ParsePurge() {
  Advance();  // PURGE
  if (!AcceptKw(Kw::kBinary) && !AcceptKw(Kw::kMaster)) {
    Fail();
    return nullptr;
  }
  TRY(ExpectKw(Kw::kLogs));
  auto s = std::make_unique<PurgeLogsStmt>();
  if (AcceptKw(Kw::kTo)) {
    std::string f;
    TRY(ParseStringLiteral(&f));
    s->to_file = std::move(f);
  } else {
    TRY(ExpectKw(Kw::kBefore));
    s->before = ParseExpr();
    TRY(s->before);
  }
  return s;
}

StatementPtr Parser::ParseReset() {
  Advance();  // RESET
  auto s = std::make_unique<ResetStmt>();
  do {
    ResetStmt::Item item;
    if (AcceptKw(Kw::kMaster) || (IsKw(Kw::kBinary) && IsKw(Kw::kLogs, 1))) {
      if (IsKw(Kw::kBinary)) {
        Advance();
        Advance();
      }
      item.what = ResetStmt::What::kMaster;
      if (AcceptKw(Kw::kTo)) {
        uint64_t n;
        TRY(ParseNumber(&n));
        item.to = n;
      }
    } else if (AcceptKw(Kw::kSlave) || AcceptKw(Kw::kReplica)) {
      item.what = ResetStmt::What::kSlave;
      if (Is(TokenType::kString)) TRY(ParseStringLiteral(&item.connection_name));
      if (AcceptKw(Kw::kAll)) item.all = true;
      if (IsKw(Kw::kFor) && IsKw(Kw::kChannel, 1)) {
        Advance();
        Advance();
        TRY(ParseStringLiteral(&item.connection_name));
      }
    } else if (AcceptKw(Kw::kQuery)) {
      TRY(ExpectKw(Kw::kCache));
      item.what = ResetStmt::What::kQueryCache;
    } else {
      Fail();
      return nullptr;
    }
    s->items.push_back(std::move(item));
  } while (Accept(TokenType::kComma));
  return s;
}

// ---------------------------------------------------------------------------
// CHANGE MASTER / REPLICATION SOURCE
// ---------------------------------------------------------------------------

namespace {

struct ReplOptionName {
  std::string_view suffix;  // after MASTER_ / SOURCE_
  ReplOption option;
};

// Options spelled MASTER_<suffix> or SOURCE_<suffix>.
constexpr ReplOptionName kPrefixed[] = {
    {"HOST", ReplOption::kHost},
    {"PORT", ReplOption::kPort},
    {"USER", ReplOption::kUser},
    {"PASSWORD", ReplOption::kPassword},
    {"LOG_FILE", ReplOption::kLogFile},
    {"LOG_POS", ReplOption::kLogPos},
    {"CONNECT_RETRY", ReplOption::kConnectRetry},
    {"RETRY_COUNT", ReplOption::kRetryCount},
    {"HEARTBEAT_PERIOD", ReplOption::kHeartbeatPeriod},
    {"DELAY", ReplOption::kDelay},
    {"BIND", ReplOption::kBind},
    {"USE_GTID", ReplOption::kUseGtid},
    {"GTID_POS", ReplOption::kGtidPos},
    {"DEMOTE_TO_SLAVE", ReplOption::kDemoteToSlave},
    {"DEMOTE_TO_REPLICA", ReplOption::kDemoteToSlave},
    {"AUTO_POSITION", ReplOption::kAutoPosition},
    {"SSL", ReplOption::kSsl},
    {"SSL_CA", ReplOption::kSslCa},
    {"SSL_CAPATH", ReplOption::kSslCapath},
    {"SSL_CERT", ReplOption::kSslCert},
    {"SSL_CIPHER", ReplOption::kSslCipher},
    {"SSL_CRL", ReplOption::kSslCrl},
    {"SSL_CRLPATH", ReplOption::kSslCrlpath},
    {"SSL_KEY", ReplOption::kSslKey},
    {"SSL_VERIFY_SERVER_CERT", ReplOption::kSslVerifyServerCert},
};

bool LookupReplOption(const std::string& upper, ReplOption* out) {
  if (upper == "RELAY_LOG_FILE") return (*out = ReplOption::kRelayLogFile), true;
  if (upper == "RELAY_LOG_POS") return (*out = ReplOption::kRelayLogPos), true;
  if (upper == "IGNORE_SERVER_IDS") return (*out = ReplOption::kIgnoreServerIds), true;
  if (upper == "DO_DOMAIN_IDS") return (*out = ReplOption::kDoDomainIds), true;
  if (upper == "IGNORE_DOMAIN_IDS") return (*out = ReplOption::kIgnoreDomainIds), true;
  std::string_view rest;
  if (upper.rfind("MASTER_", 0) == 0) {
    rest = std::string_view(upper).substr(7);
  } else if (upper.rfind("SOURCE_", 0) == 0) {
    rest = std::string_view(upper).substr(7);
  } else {
    return false;
  }
  for (const ReplOptionName& n : kPrefixed) {
    if (n.suffix == rest) {
      *out = n.option;
      return true;
    }
  }
  return false;
}

}  // namespace

bool Parser::ParseReplOption(ReplOptionValue* out, bool until) {
  uint32_t start = Cur().offset;
  if (!IsAnyWord()) return Fail();
  out->written = ToUpperAscii(Text(Cur()));
  if (!LookupReplOption(out->written, &out->option)) return Fail();
  if (until && !(out->option == ReplOption::kLogFile || out->option == ReplOption::kLogPos ||
                 out->option == ReplOption::kRelayLogFile ||
                 out->option == ReplOption::kRelayLogPos || out->option == ReplOption::kGtidPos)) {
    return Fail();
  }
  if (!until && out->option == ReplOption::kGtidPos) return Fail();
  Advance();
  TRY(Expect(TokenType::kEq));
  if (out->option == ReplOption::kIgnoreServerIds || out->option == ReplOption::kDoDomainIds ||
      out->option == ReplOption::kIgnoreDomainIds) {
    TRY(Expect(TokenType::kLParen));
    while (!Is(TokenType::kRParen)) {
      if (!Is(TokenType::kInteger)) return Fail();
      out->ids.emplace_back(Text(Cur()));
      Advance();
      if (!Accept(TokenType::kComma)) break;
    }
    TRY(Expect(TokenType::kRParen));
  } else if (Is(TokenType::kString)) {
    TRY(ParseStringLiteral(&out->value));
    out->is_string = true;
  } else if (Is(TokenType::kInteger) || Is(TokenType::kDecimal) || Is(TokenType::kFloat)) {
    out->value = std::string(Text(Cur()));
    Advance();
  } else if (IsAnyWord()) {
    out->value = ToLowerAscii(Text(Cur()));
    Advance();
  } else {
    return Fail();
  }
  out->span = SpanFrom(start);
  return true;
}

StatementPtr Parser::ParseChange() {
  Advance();  // CHANGE
  auto s = std::make_unique<ChangeMasterStmt>();
  if (AcceptKw(Kw::kMaster)) {
    if (Is(TokenType::kString)) TRY(ParseStringLiteral(&s->connection_name));
  } else if (AcceptKw(Kw::kReplication)) {
    if (IsKw(Kw::kFilter)) return ParseUnsupported("CHANGE REPLICATION FILTER", false);
    TRY(ExpectKw(Kw::kSource));
    s->source_syntax = true;
  } else {
    Fail();
    return nullptr;
  }
  TRY(ExpectKw(Kw::kTo));
  do {
    ReplOptionValue v;
    TRY(ParseReplOption(&v, false));
    s->options.push_back(std::move(v));
  } while (Accept(TokenType::kComma));
  if (IsKw(Kw::kFor) && IsKw(Kw::kChannel, 1)) {
    Advance();
    Advance();
    TRY(ParseStringLiteral(&s->connection_name));
  }
  return s;
}

// ---------------------------------------------------------------------------
// ANALYZE / CHECK / OPTIMIZE / REPAIR / CHECKSUM TABLE
// ---------------------------------------------------------------------------

StatementPtr Parser::ParseAdminTable(AdminTableStmt::Op op) {
  Advance();
  auto s = std::make_unique<AdminTableStmt>();
  s->op = op;
  if (AcceptKw(Kw::kNoWriteToBinlog) || AcceptKw(Kw::kLocal)) s->no_write_to_binlog = true;
  if (!AcceptKw(Kw::kTable) && !AcceptKw(Kw::kTables)) {
    Fail();
    return nullptr;
  }
  TRY(ParseTableNameList(&s->tables));
  while (!AtStatementEnd()) {
    if (Is(TokenType::kLParen)) {  // ANALYZE ... PERSISTENT FOR COLUMNS (...) INDEXES (...)
      int depth = 0;
      do {
        if (Is(TokenType::kLParen)) ++depth;
        if (Is(TokenType::kRParen)) --depth;
        if (Is(TokenType::kError)) {
          Fail();
          return nullptr;
        }
        Advance();
      } while (depth > 0 && !Is(TokenType::kEnd));
      continue;
    }
    if (!IsAnyWord()) {
      Fail();
      return nullptr;
    }
    s->options.push_back(ToUpperAscii(Text(Cur())));
    Advance();
  }
  return s;
}

}  // namespace relaydb::sql
