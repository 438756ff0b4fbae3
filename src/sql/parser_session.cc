// SET (variables, NAMES, CHARACTER SET, PASSWORD, TRANSACTION), transactions
// (BEGIN / START TRANSACTION / COMMIT / ROLLBACK), START/STOP SLAVE and
// LOCK / UNLOCK TABLES.
#include "sql/parser_impl.h"

namespace relaydb::sql {

// ---------------------------------------------------------------------------
// SET
// ---------------------------------------------------------------------------

namespace {

bool ParseIsolationLevel(Parser& p, IsolationLevel* level) {
  if (p.AcceptKw(Kw::kRepeatable)) {
    TRY(p.ExpectKw(Kw::kRead));
    *level = IsolationLevel::kRepeatableRead;
  } else if (p.AcceptKw(Kw::kRead)) {
    if (p.AcceptKw(Kw::kCommitted)) {
      *level = IsolationLevel::kReadCommitted;
    } else {
      TRY(p.ExpectKw(Kw::kUncommitted));
      *level = IsolationLevel::kReadUncommitted;
    }
  } else {
    TRY(p.ExpectKw(Kw::kSerializable));
    *level = IsolationLevel::kSerializable;
  }
  return true;
}

// The value of a system-variable assignment: DEFAULT, a bare word (a
// string), or an expression.
ExprPtr ParseSysVarValue(Parser& p) {
  const Token& t = p.Cur();
  uint32_t start = t.offset;
  if (p.IsKw(Kw::kDefault) && !p.Is(TokenType::kLParen, 1)) {
    p.Advance();
    return MakeExpr(ExprKind::kDefault, p.SpanFrom(start));
  }
  const Token& n = p.Peek(1);
  // ON and ALL (reserved) are always bare words here (MariaDB
  // set_expr_or_default); other words only when nothing follows.
  bool at_end = n.type == TokenType::kComma || n.type == TokenType::kSemicolon ||
                n.type == TokenType::kEnd || p.IsKw(Kw::kOn) || p.IsKw(Kw::kAll);
  if (at_end && (t.type == TokenType::kQuotedIdent ||
                 (t.type == TokenType::kIdent && t.kw != Kw::kNull && t.kw != Kw::kTrue &&
                  t.kw != Kw::kFalse && t.kw != Kw::kCurrentTimestamp && t.kw != Kw::kCurrentUser &&
                  t.kw != Kw::kCurrentDate && t.kw != Kw::kCurrentTime && t.kw != Kw::kLocaltime &&
                  t.kw != Kw::kLocaltimestamp))) {
    auto e = MakeExpr(ExprKind::kLiteral, {});
    e->literal_kind = LiteralKind::kString;
    e->value = Lexer::DecodeIdent(p.sql(), t);
    p.Advance();
    e->span = p.SpanFrom(start);
    return e;
  }
  return p.ParseExpr();
}

}  // namespace

StatementPtr Parser::ParseSet() {
  Advance();  // SET
  // SET [GLOBAL|SESSION|LOCAL] TRANSACTION ...
  {
    size_t k = 0;
    VarScope scope = VarScope::kDefault;
    if (IsKw(Kw::kGlobal)) {
      scope = VarScope::kGlobal;
      k = 1;
    } else if (IsKw(Kw::kSession) || IsKw(Kw::kLocal)) {
      scope = VarScope::kSession;
      k = 1;
    }
    if (IsKw(Kw::kTransaction, k)) {
      for (size_t i = 0; i <= k; ++i) Advance();
      auto s = std::make_unique<SetTransactionStmt>();
      s->scope = scope;
      do {
        if (AcceptKw(Kw::kIsolation)) {
          TRY(ExpectKw(Kw::kLevel));
          IsolationLevel level;
          TRY(ParseIsolationLevel(*this, &level));
          s->isolation = level;
        } else if (AcceptKw(Kw::kRead)) {
          if (AcceptKw(Kw::kOnly)) {
            s->read_only = true;
          } else {
            TRY(ExpectKw(Kw::kWrite));
            s->read_only = false;
          }
        } else {
          Fail();
          return nullptr;
        }
      } while (Accept(TokenType::kComma));
      return s;
    }
  }
  if (IsKw(Kw::kPassword) && (Is(TokenType::kEq, 1) || IsKw(Kw::kFor, 1))) {
    Advance();
    auto s = std::make_unique<SetPasswordStmt>();
    if (AcceptKw(Kw::kFor)) {
      UserSpec u;
      TRY(ParseUserSpec(&u));
      s->user = std::move(u);
    }
    TRY(Expect(TokenType::kEq));
    if (IsKw(Kw::kPassword) || IsKw(Kw::kOldPassword)) {
      Advance();
      TRY(Expect(TokenType::kLParen));
      TRY(ParseStringLiteral(&s->password));
      TRY(Expect(TokenType::kRParen));
    } else {
      TRY(ParseStringLiteral(&s->password));
      s->is_hash = true;
    }
    return s;
  }
  if (IsKw(Kw::kRole)) return ParseUnsupported("SET ROLE", false);
  if (AcceptKw(Kw::kDefault)) {  // SET DEFAULT ROLE ...
    if (!IsKw(Kw::kRole)) {
      Fail();
      return nullptr;
    }
    return ParseUnsupported("SET DEFAULT ROLE", false);
  }
  if (IsKw(Kw::kStatement)) return ParseUnsupported("SET STATEMENT", false);

  auto s = std::make_unique<SetStmt>();
  VarScope carried = VarScope::kDefault;  // GLOBAL/SESSION applies to later items
  do {
    SetItem item;
    uint32_t start = Cur().offset;
    if (IsKw(Kw::kGlobal) || IsKw(Kw::kSession) || IsKw(Kw::kLocal)) {
      carried = IsKw(Kw::kGlobal) ? VarScope::kGlobal : VarScope::kSession;
      Advance();
    }
    if (Is(TokenType::kUserVar)) {
      item.kind = SetItem::Kind::kUserVar;
      item.name = Lexer::DecodeUserVar(sql_, Cur(), opts_.no_backslash_escapes);
      Advance();
      if (!Accept(TokenType::kEq) && !Accept(TokenType::kAssign)) {
        Fail();
        return nullptr;
      }
      item.value = ParseExpr();
      TRY(item.value);
    } else if (IsKw(Kw::kNames)) {
      Advance();
      item.kind = SetItem::Kind::kNames;
      if (AcceptKw(Kw::kDefault)) {
        item.is_default = true;
      } else {
        TRY(ParseCharsetName(&item.charset));
        if (AcceptKw(Kw::kCollate)) {
          if (AcceptKw(Kw::kDefault)) {
            item.collation.clear();
          } else {
            TRY(ParseCharsetName(&item.collation));
          }
        }
      }
    } else if (IsKw(Kw::kCharset) || (IsKw(Kw::kCharacter) && IsKw(Kw::kSet, 1))) {
      if (IsKw(Kw::kCharacter)) Advance();
      Advance();
      item.kind = SetItem::Kind::kCharset;
      if (AcceptKw(Kw::kDefault)) {
        item.is_default = true;
      } else {
        TRY(ParseCharsetName(&item.charset));
      }
    } else {
      item.kind = SetItem::Kind::kSysVar;
      item.scope = carried;
      if (Accept(TokenType::kAtAt)) {
        item.scope = VarScope::kSession;
        if ((IsKw(Kw::kGlobal) || IsKw(Kw::kSession) || IsKw(Kw::kLocal)) &&
            Is(TokenType::kDot, 1)) {
          item.scope = IsKw(Kw::kGlobal) ? VarScope::kGlobal : VarScope::kSession;
          Advance();
          Advance();
        } else {
          item.scope = carried;
        }
      }
      // After @@ any word names a variable; a bare name must not be reserved.
      if (!IsIdent()) {
        Fail();
        return nullptr;
      }
      item.name = Lexer::DecodeIdent(sql_, Cur());
      Advance();
      if (Is(TokenType::kDot) && IsAnyWord(1)) {
        Advance();
        item.name += ".";
        item.name += Lexer::DecodeIdent(sql_, Cur());
        Advance();
      }
      if (!Accept(TokenType::kEq) && !Accept(TokenType::kAssign)) {
        Fail();
        return nullptr;
      }
      item.value = ParseSysVarValue(*this);
      TRY(item.value);
    }
    item.span = SpanFrom(start);
    s->items.push_back(std::move(item));
  } while (Accept(TokenType::kComma));
  return s;
}

// ---------------------------------------------------------------------------
// Transactions, locking, replication threads
// ---------------------------------------------------------------------------

namespace {
bool ParseChainRelease(Parser& p, TriState* chain, TriState* release) {
  if (p.AcceptKw(Kw::kAnd)) {
    *chain = p.AcceptKw(Kw::kNo) ? TriState::kNo : TriState::kYes;
    TRY(p.ExpectKw(Kw::kChain));
  }
  if (p.IsKw(Kw::kNo) && p.IsKw(Kw::kRelease, 1)) {
    p.Advance();
    p.Advance();
    *release = TriState::kNo;
  } else if (p.AcceptKw(Kw::kRelease)) {
    *release = TriState::kYes;
  }
  return true;
}
}  // namespace

StatementPtr Parser::ParseBegin() {
  if (IsKw(Kw::kNot, 1) && IsKw(Kw::kAtomic, 2)) return ParseUnsupported("BEGIN NOT ATOMIC", true);
  Advance();  // BEGIN
  AcceptKw(Kw::kWork);
  return std::make_unique<BeginStmt>();
}

StatementPtr Parser::ParseCommit() {
  Advance();
  AcceptKw(Kw::kWork);
  auto s = std::make_unique<CommitStmt>();
  TRY(ParseChainRelease(*this, &s->chain, &s->release));
  return s;
}

StatementPtr Parser::ParseRollback() {
  Advance();
  AcceptKw(Kw::kWork);
  auto s = std::make_unique<RollbackStmt>();
  if (AcceptKw(Kw::kTo)) {
    AcceptKw(Kw::kSavepoint);
    std::string name;
    TRY(ParseIdent(&name));
    s->savepoint = std::move(name);
    return s;
  }
  TRY(ParseChainRelease(*this, &s->chain, &s->release));
  return s;
}

namespace {

// START/STOP SLAVE: [IO_THREAD | SQL_THREAD][, ...]
bool ParseThreadTypes(Parser& p, ReplicaControlStmt* s) {
  for (;;) {
    if (p.AcceptKw(Kw::kIoThread)) {
      s->io_thread = true;
    } else if (p.AcceptKw(Kw::kSqlThread)) {
      s->sql_thread = true;
    } else {
      return true;
    }
    if (!(p.Is(TokenType::kComma) && (p.IsKw(Kw::kIoThread, 1) || p.IsKw(Kw::kSqlThread, 1))))
      return true;
    p.Advance();
  }
}

StatementPtr ParseReplicaControl(Parser& p, bool start) {
  p.Advance();  // START | STOP
  auto s = std::make_unique<ReplicaControlStmt>();
  s->start = start;
  if (p.AcceptKw(Kw::kAll)) {
    s->all = true;
    if (!(p.AcceptKw(Kw::kSlaves) || p.AcceptKw(Kw::kReplicas))) {
      p.Fail();
      return nullptr;
    }
    TRY(ParseThreadTypes(p, s.get()));
    return s;
  }
  if (!(p.AcceptKw(Kw::kSlave) || p.AcceptKw(Kw::kReplica))) {
    p.Fail();
    return nullptr;
  }
  if (p.Is(TokenType::kString)) TRY(p.ParseStringLiteral(&s->connection_name));
  TRY(ParseThreadTypes(p, s.get()));
  if (start && p.AcceptKw(Kw::kUntil)) {
    do {
      ReplOptionValue v;
      TRY(p.ParseReplOption(&v, true));
      s->until.push_back(std::move(v));
    } while (p.Accept(TokenType::kComma));
  }
  if (p.IsKw(Kw::kFor) && p.IsKw(Kw::kChannel, 1)) {
    p.Advance();
    p.Advance();
    TRY(p.ParseStringLiteral(&s->connection_name));
  }
  return s;
}

}  // namespace

StatementPtr Parser::ParseStart() {
  if (IsKw(Kw::kTransaction, 1)) {
    Advance();
    Advance();
    auto s = std::make_unique<BeginStmt>();
    s->start_transaction = true;
    if (!AtStatementEnd()) {
      do {
        if (IsKw(Kw::kWith)) {
          Advance();
          TRY(ExpectKw(Kw::kConsistent));
          TRY(ExpectKw(Kw::kSnapshot));
          s->consistent_snapshot = true;
        } else if (AcceptKw(Kw::kRead)) {
          if (AcceptKw(Kw::kOnly)) {
            s->read_only = true;
          } else {
            TRY(ExpectKw(Kw::kWrite));
            s->read_write = true;
          }
        } else {
          Fail();
          return nullptr;
        }
      } while (Accept(TokenType::kComma));
    }
    if (s->read_only && s->read_write) {
      Fail();
      return nullptr;
    }
    return s;
  }
  return ParseReplicaControl(*this, true);
}

StatementPtr Parser::ParseStop() { return ParseReplicaControl(*this, false); }

StatementPtr Parser::ParseLock() {
  Advance();  // LOCK
  if (!AcceptKw(Kw::kTables) && !AcceptKw(Kw::kTable)) {
    Fail();
    return nullptr;
  }
  auto s = std::make_unique<LockTablesStmt>();
  do {
    LockTablesStmt::Item item;
    TRY(ParseTableName(&item.table));
    if (AcceptKw(Kw::kAs)) {
      TRY(ParseIdent(&item.alias));
    } else if (IsIdent()) {
      TRY(ParseIdent(&item.alias));
    }
    if (AcceptKw(Kw::kRead)) {
      item.type = AcceptKw(Kw::kLocal) ? LockTablesStmt::LockType::kReadLocal
                                       : LockTablesStmt::LockType::kRead;
    } else if (AcceptKw(Kw::kLowPriority)) {
      TRY(ExpectKw(Kw::kWrite));
      item.type = LockTablesStmt::LockType::kLowPriorityWrite;
    } else if (AcceptKw(Kw::kWrite)) {
      item.type = AcceptKw(Kw::kConcurrent) ? LockTablesStmt::LockType::kWriteConcurrent
                                            : LockTablesStmt::LockType::kWrite;
    } else {
      Fail();
      return nullptr;
    }
    s->tables.push_back(std::move(item));
  } while (Accept(TokenType::kComma));
  if (AcceptKw(Kw::kNowait)) {
  } else if (AcceptKw(Kw::kWait)) {
    uint64_t n;
    TRY(ParseNumber(&n));
  }
  return s;
}

StatementPtr Parser::ParseUnlock() {
  Advance();  // UNLOCK
  if (!AcceptKw(Kw::kTables) && !AcceptKw(Kw::kTable)) {
    Fail();
    return nullptr;
  }
  return std::make_unique<UnlockTablesStmt>();
}

}  // namespace relaydb::sql
