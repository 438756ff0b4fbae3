// SHOW (every form relaydb knows) and DESCRIBE / DESC / EXPLAIN.
#include "sql/parser_impl.h"

namespace relaydb::sql {

namespace {

// [LIKE 'pattern' | WHERE expr]
bool ParseLikeOrWhere(Parser& p, ShowStmt* s) {
  if (p.AcceptKw(Kw::kLike)) {
    std::string pat;
    TRY(p.ParseStringLiteral(&pat));
    s->like = std::move(pat);
  } else if (p.AcceptKw(Kw::kWhere)) {
    s->where = p.ParseExpr();
    TRY(s->where);
  }
  return true;
}

// [{FROM|IN} db]
bool ParseOptFromDb(Parser& p, std::string* db) {
  if (p.AcceptKw(Kw::kFrom) || p.AcceptKw(Kw::kIn)) return p.ParseIdent(db);
  return true;
}

// SHOW ... EVENTS [IN 'f'] [FROM pos] [LIMIT [o,] n]
bool ParseEventsTail(Parser& p, ShowStmt* s) {
  if (p.AcceptKw(Kw::kIn)) TRY(p.ParseStringLiteral(&s->log_name));
  if (p.AcceptKw(Kw::kFrom)) {
    s->from_pos = p.ParseLimitValue();
    TRY(s->from_pos);
  }
  if (p.AcceptKw(Kw::kLimit)) TRY(p.ParseLimit(&s->limit));
  if (p.IsKw(Kw::kFor) && p.IsKw(Kw::kChannel, 1)) {
    p.Advance();
    p.Advance();
    TRY(p.ParseStringLiteral(&s->connection_name));
  }
  return true;
}

}  // namespace

// ---------------------------------------------------------------------------
// SHOW / DESCRIBE / EXPLAIN
// ---------------------------------------------------------------------------

StatementPtr Parser::ParseShow() {
  Advance();  // SHOW
  auto s = std::make_unique<ShowStmt>();
  if (AcceptKw(Kw::kFull)) s->full = true;
  if (AcceptKw(Kw::kGlobal)) {
    s->scope = VarScope::kGlobal;
  } else if (AcceptKw(Kw::kSession) || AcceptKw(Kw::kLocal)) {
    s->scope = VarScope::kSession;
  }
  const bool scoped = s->scope != VarScope::kDefault;
  const Token& t = Cur();
  if (t.type != TokenType::kIdent) {
    Fail();
    return nullptr;
  }
  auto not_full = [&]() -> bool { return !s->full && !scoped; };
  switch (t.kw) {
    case Kw::kDatabases:
    case Kw::kSchemas:
      if (!not_full()) break;
      Advance();
      s->what = ShowKind::kDatabases;
      TRY(ParseLikeOrWhere(*this, s.get()));
      return s;
    case Kw::kTables:
      if (scoped) break;
      Advance();
      s->what = ShowKind::kTables;
      TRY(ParseOptFromDb(*this, &s->db));
      TRY(ParseLikeOrWhere(*this, s.get()));
      return s;
    case Kw::kTable:
      if (!not_full()) break;
      Advance();
      if (AcceptKw(Kw::kStatus)) {
        s->what = ShowKind::kTableStatus;
        TRY(ParseOptFromDb(*this, &s->db));
        TRY(ParseLikeOrWhere(*this, s.get()));
        return s;
      }
      break;
    case Kw::kOpen:
      if (!not_full()) break;
      Advance();
      TRY(ExpectKw(Kw::kTables));
      s->what = ShowKind::kOpenTables;
      TRY(ParseOptFromDb(*this, &s->db));
      TRY(ParseLikeOrWhere(*this, s.get()));
      return s;
    case Kw::kColumns:
    case Kw::kFields:
      if (scoped) break;
      Advance();
      s->what = ShowKind::kColumns;
      if (!AcceptKw(Kw::kFrom) && !AcceptKw(Kw::kIn)) break;
      TRY(ParseTableName(&s->table));
      if (AcceptKw(Kw::kFrom) || AcceptKw(Kw::kIn)) TRY(ParseIdent(&s->table.db));
      TRY(ParseLikeOrWhere(*this, s.get()));
      return s;
    case Kw::kExtended:
    case Kw::kIndex:
    case Kw::kIndexes:
    case Kw::kKeys:
      if (!not_full()) break;
      AcceptKw(Kw::kExtended);
      if (!(AcceptKw(Kw::kIndex) || AcceptKw(Kw::kIndexes) || AcceptKw(Kw::kKeys))) break;
      s->what = ShowKind::kIndex;
      if (!AcceptKw(Kw::kFrom) && !AcceptKw(Kw::kIn)) break;
      TRY(ParseTableName(&s->table));
      if (AcceptKw(Kw::kFrom) || AcceptKw(Kw::kIn)) TRY(ParseIdent(&s->table.db));
      if (AcceptKw(Kw::kWhere)) {
        s->where = ParseExpr();
        TRY(s->where);
      }
      return s;
    case Kw::kCreate: {
      if (!not_full()) break;
      Advance();
      const Token& k = Cur();
      switch (k.kw) {
        case Kw::kTable: s->what = ShowKind::kCreateTable; break;
        case Kw::kView: s->what = ShowKind::kCreateView; break;
        case Kw::kSequence: s->what = ShowKind::kCreateTable; break;
        case Kw::kProcedure: s->what = ShowKind::kCreateProcedure; break;
        case Kw::kFunction: s->what = ShowKind::kCreateFunction; break;
        case Kw::kTrigger: s->what = ShowKind::kCreateTrigger; break;
        case Kw::kEvent: s->what = ShowKind::kCreateEvent; break;
        case Kw::kDatabase:
        case Kw::kSchema:
          Advance();
          s->what = ShowKind::kCreateDatabase;
          if (IsKw(Kw::kIf)) {
            Advance();
            TRY(ExpectKw(Kw::kNot));
            TRY(ExpectKw(Kw::kExists));
            s->if_not_exists = true;
          }
          TRY(ParseIdent(&s->target));
          return s;
        case Kw::kUser: {
          Advance();
          s->what = ShowKind::kCreateUser;
          UserSpec u;
          TRY(ParseUserSpec(&u));
          s->user = std::move(u);
          return s;
        }
        default: Fail(); return nullptr;
      }
      Advance();
      TRY(ParseTableName(&s->table));
      return s;
    }
    case Kw::kVariables:
      if (s->full) break;
      Advance();
      s->what = ShowKind::kVariables;
      TRY(ParseLikeOrWhere(*this, s.get()));
      return s;
    case Kw::kStatus:
      if (s->full) break;
      Advance();
      s->what = ShowKind::kStatus;
      TRY(ParseLikeOrWhere(*this, s.get()));
      return s;
    case Kw::kProcesslist:
      if (scoped) break;
      Advance();
      s->what = ShowKind::kProcesslist;
      return s;
    case Kw::kWarnings:
    case Kw::kErrors:
      if (!not_full()) break;
      s->what = t.kw == Kw::kWarnings ? ShowKind::kWarnings : ShowKind::kErrors;
      Advance();
      if (AcceptKw(Kw::kLimit)) TRY(ParseLimit(&s->limit));
      return s;
    case Kw::kCount:
      if (!not_full()) break;
      Advance();
      TRY(Expect(TokenType::kLParen));
      TRY(Expect(TokenType::kStar));
      TRY(Expect(TokenType::kRParen));
      if (AcceptKw(Kw::kWarnings)) {
        s->what = ShowKind::kWarningCount;
      } else if (AcceptKw(Kw::kErrors)) {
        s->what = ShowKind::kErrorCount;
      } else {
        Fail();
        return nullptr;
      }
      return s;
    case Kw::kGrants:
      if (!not_full()) break;
      Advance();
      s->what = ShowKind::kGrants;
      if (AcceptKw(Kw::kFor)) {
        UserSpec u;
        TRY(ParseUserSpec(&u));
        s->user = std::move(u);
      }
      return s;
    case Kw::kStorage:
    case Kw::kEngines:
      if (!not_full()) break;
      AcceptKw(Kw::kStorage);
      TRY(ExpectKw(Kw::kEngines));
      s->what = ShowKind::kEngines;
      return s;
    case Kw::kEngine:
      if (!not_full()) break;
      Advance();
      s->what = ShowKind::kEngineStatus;
      if (!IsAnyWord()) break;
      s->target = Lexer::DecodeIdent(sql_, Cur());
      Advance();
      if (!(AcceptKw(Kw::kStatus) || AcceptKw(Kw::kMutex) || AcceptKw(Kw::kLogs))) break;
      return s;
    case Kw::kCharset:
    case Kw::kCharacter:
      if (!not_full()) break;
      if (t.kw == Kw::kCharacter) {
        Advance();
        TRY(ExpectKw(Kw::kSet));
      } else {
        Advance();
      }
      s->what = ShowKind::kCharset;
      TRY(ParseLikeOrWhere(*this, s.get()));
      return s;
    case Kw::kCollation:
      if (!not_full()) break;
      Advance();
      s->what = ShowKind::kCollation;
      TRY(ParseLikeOrWhere(*this, s.get()));
      return s;
    case Kw::kPrivileges:
      if (!not_full()) break;
      Advance();
      s->what = ShowKind::kPrivileges;
      return s;
    case Kw::kPlugins:
      if (!not_full()) break;
      Advance();
      s->what = ShowKind::kPlugins;
      if (IsKw(Kw::kSoname)) {
        FailUnsupported("SHOW PLUGINS SONAME");
        return nullptr;
      }
      return s;
    case Kw::kMaster:
    case Kw::kBinlog:
      if (!not_full()) break;
      Advance();
      if (AcceptKw(Kw::kStatus)) {
        s->what = ShowKind::kMasterStatus;
        return s;
      }
      if (t.kw == Kw::kMaster && AcceptKw(Kw::kLogs)) {
        s->what = ShowKind::kBinaryLogs;
        return s;
      }
      if (t.kw == Kw::kBinlog && AcceptKw(Kw::kEvents)) {
        s->what = ShowKind::kBinlogEvents;
        TRY(ParseEventsTail(*this, s.get()));
        return s;
      }
      break;
    case Kw::kBinary:
      if (!not_full()) break;
      Advance();
      if (AcceptKw(Kw::kLogs)) {
        s->what = ShowKind::kBinaryLogs;
        return s;
      }
      if (AcceptKw(Kw::kLog)) {
        TRY(ExpectKw(Kw::kStatus));
        s->what = ShowKind::kMasterStatus;
        return s;
      }
      break;
    case Kw::kRelaylog:
      if (!not_full()) break;
      Advance();
      if (Is(TokenType::kString)) TRY(ParseStringLiteral(&s->connection_name));
      TRY(ExpectKw(Kw::kEvents));
      s->what = ShowKind::kRelaylogEvents;
      TRY(ParseEventsTail(*this, s.get()));
      return s;
    case Kw::kAll:
      if (!not_full()) break;
      Advance();
      if (!(AcceptKw(Kw::kSlaves) || AcceptKw(Kw::kReplicas))) break;
      TRY(ExpectKw(Kw::kStatus));
      s->what = ShowKind::kSlaveStatus;
      s->all_slaves = true;
      return s;
    case Kw::kSlave:
    case Kw::kReplica:
      if (!not_full()) break;
      Advance();
      if (AcceptKw(Kw::kHosts)) {
        s->what = ShowKind::kSlaveHosts;
        return s;
      }
      if (Is(TokenType::kString)) TRY(ParseStringLiteral(&s->connection_name));
      TRY(ExpectKw(Kw::kStatus));
      s->what = ShowKind::kSlaveStatus;
      if (IsKw(Kw::kFor) && IsKw(Kw::kChannel, 1)) {
        Advance();
        Advance();
        TRY(ParseStringLiteral(&s->connection_name));
      }
      return s;
    case Kw::kReplicas:
      if (!not_full()) break;
      Advance();
      s->what = ShowKind::kSlaveHosts;
      return s;
    case Kw::kTriggers:
    case Kw::kEvents:
      if (!not_full()) break;
      s->what = t.kw == Kw::kTriggers ? ShowKind::kTriggers : ShowKind::kEvents;
      Advance();
      TRY(ParseOptFromDb(*this, &s->db));
      TRY(ParseLikeOrWhere(*this, s.get()));
      return s;
    case Kw::kFunction:
    case Kw::kProcedure:
    case Kw::kPackage:
      if (!not_full()) break;
      s->what = t.kw == Kw::kProcedure ? ShowKind::kProcedureStatus : ShowKind::kFunctionStatus;
      Advance();
      if (IsKw(Kw::kCode)) {
        FailUnsupported("SHOW " + ToUpperAscii(Text(t)) + " CODE");
        return nullptr;
      }
      if (t.kw == Kw::kPackage) AcceptKw(Kw::kBody);
      TRY(ExpectKw(Kw::kStatus));
      TRY(ParseLikeOrWhere(*this, s.get()));
      return s;
    case Kw::kProfiles:
      if (!not_full()) break;
      Advance();
      s->what = ShowKind::kProfiles;
      return s;
    case Kw::kProfile:
    case Kw::kExplain:
    case Kw::kAnalyze:
    case Kw::kAuthors:
    case Kw::kContributors:
    case Kw::kClientStatistics:
    case Kw::kTableStatistics:
    case Kw::kIndexStatistics:
    case Kw::kUserStatistics:
    case Kw::kLocales: return ParseUnsupported("SHOW " + ToUpperAscii(Text(t)), false);
    default: break;
  }
  Fail();
  return nullptr;
}

StatementPtr Parser::ParseDescribe() {
  Advance();  // DESCRIBE | DESC | EXPLAIN
  auto stmt_start = [&](size_t k) {
    return IsQueryStart(k) || Is(TokenType::kLParen, k) || IsKw(Kw::kInsert, k) ||
           IsKw(Kw::kUpdate, k) || IsKw(Kw::kDelete, k) || IsKw(Kw::kReplace, k);
  };
  // EXTENDED / PARTITIONS are modifiers only before a statement ("EXPLAIN
  // EXTENDED" alone describes a table named EXTENDED).
  auto explain_start = [&]() {
    return stmt_start(0) ||
           ((IsKw(Kw::kExtended) || IsKw(Kw::kPartitions)) && !AtStatementEnd() &&
            !Is(TokenType::kEnd, 1) && !Is(TokenType::kSemicolon, 1) && !IsIdent(1) &&
            !Is(TokenType::kString, 1)) ||
           (IsKw(Kw::kFormat) && Is(TokenType::kEq, 1));
  };
  if (IsKw(Kw::kFor) && IsKw(Kw::kConnection, 1))
    return ParseUnsupported("EXPLAIN FOR CONNECTION", false);
  if (explain_start()) {
    auto s = std::make_unique<ExplainStmt>();
    if (AcceptKw(Kw::kExtended)) {
      s->extended = true;
    } else if (AcceptKw(Kw::kPartitions)) {
      s->partitions = true;
    } else if (AcceptKw(Kw::kFormat)) {
      TRY(Expect(TokenType::kEq));
      std::string f;
      TRY(ParseIdentOrString(&f));
      s->format = ToLowerAscii(f);
    }
    if (!(IsQueryStart(0) || Is(TokenType::kLParen) || IsKw(Kw::kInsert) || IsKw(Kw::kUpdate) ||
          IsKw(Kw::kDelete) || IsKw(Kw::kReplace))) {
      Fail();
      return nullptr;
    }
    s->stmt = ParseStatement();
    TRY(s->stmt);
    return s;
  }
  auto s = std::make_unique<ShowStmt>();
  s->what = ShowKind::kColumns;
  s->describe = true;
  TRY(ParseTableName(&s->table));
  if (Is(TokenType::kString)) {
    std::string pat;
    TRY(ParseStringLiteral(&pat));
    s->like = std::move(pat);
  } else if (IsIdent()) {
    s->like = Lexer::DecodeIdent(sql_, Cur());
    Advance();
  }
  return s;
}

}  // namespace relaydb::sql
