// DML: INSERT / REPLACE (VALUES, SELECT, SET; ON DUPLICATE KEY UPDATE),
// single- and multi-table UPDATE and DELETE.
#include "sql/parser_impl.h"

namespace relaydb::sql {

// ---------------------------------------------------------------------------
// DML
// ---------------------------------------------------------------------------

namespace {
bool ParseAssignments(Parser& p, std::vector<Assignment>* out) {
  do {
    Assignment a;
    a.column = p.ParseColumnRef();
    TRY(a.column);
    TRY(p.Expect(TokenType::kEq));
    a.value = p.ParseExpr();
    TRY(a.value);
    out->push_back(std::move(a));
  } while (p.Accept(TokenType::kComma));
  return true;
}
}  // namespace

StatementPtr Parser::ParseInsert(bool replace) {
  auto s = std::make_unique<InsertStmt>();
  s->replace = replace;
  if (AcceptKw(Kw::kLowPriority)) {
    s->priority = InsertPriority::kLowPriority;
  } else if (AcceptKw(Kw::kDelayed)) {
    s->priority = InsertPriority::kDelayed;
  } else if (!replace && AcceptKw(Kw::kHighPriority)) {
    s->priority = InsertPriority::kHighPriority;
  }
  if (!replace && AcceptKw(Kw::kIgnore)) s->ignore = true;
  AcceptKw(Kw::kInto);
  TRY(ParseTableName(&s->table));
  if (IsKw(Kw::kPartition)) {
    FailUnsupported("PARTITION");
    return nullptr;
  }
  if (Is(TokenType::kLParen) && !IsQueryStartDeep(1)) {
    Advance();
    s->has_column_list = true;
    if (!Is(TokenType::kRParen)) {
      do {
        ExprPtr c = ParseColumnRef();
        TRY(c);
        s->columns.push_back(c->name);
      } while (Accept(TokenType::kComma));
    }
    TRY(Expect(TokenType::kRParen));
  }
  if (AcceptKw(Kw::kValues) || AcceptKw(Kw::kValue)) {
    s->source = InsertStmt::Source::kValues;
    do {
      TRY(Expect(TokenType::kLParen));
      ExprList row;
      if (!Is(TokenType::kRParen)) TRY(ParseExprList(&row));
      TRY(Expect(TokenType::kRParen));
      s->rows.push_back(std::move(row));
    } while (Accept(TokenType::kComma));
  } else if (!s->has_column_list && AcceptKw(Kw::kSet)) {
    s->source = InsertStmt::Source::kSet;
    TRY(ParseAssignments(*this, &s->set));
  } else if (IsQueryStartDeep(0)) {
    s->source = InsertStmt::Source::kSelect;
    s->select = ParseQuery();
    TRY(s->select);
  } else {
    Fail();
    return nullptr;
  }
  if (IsKw(Kw::kOn)) {
    Advance();
    TRY(ExpectKw(Kw::kDuplicate));
    TRY(ExpectKw(Kw::kKey));
    TRY(ExpectKw(Kw::kUpdate));
    in_on_duplicate_ = true;
    bool ok = ParseAssignments(*this, &s->on_duplicate);
    in_on_duplicate_ = false;
    TRY(ok);
  }
  if (IsKw(Kw::kReturning)) {
    FailUnsupported("RETURNING");
    return nullptr;
  }
  return s;
}

StatementPtr Parser::ParseUpdate() {
  auto s = std::make_unique<UpdateStmt>();
  for (;;) {
    if (AcceptKw(Kw::kLowPriority)) {
      s->low_priority = true;
      continue;
    }
    if (AcceptKw(Kw::kIgnore)) {
      s->ignore = true;
      continue;
    }
    break;
  }
  TRY(ParseTableRefs(&s->tables));
  TRY(ExpectKw(Kw::kSet));
  TRY(ParseAssignments(*this, &s->set));
  if (AcceptKw(Kw::kWhere)) {
    s->where = ParseExpr();
    TRY(s->where);
  }
  // MariaDB accepts ORDER BY / LIMIT on multi-table UPDATE too.
  if (AcceptKw(Kw::kOrder)) {
    TRY(ExpectKw(Kw::kBy));
    TRY(ParseOrderList(&s->order_by));
  }
  if (AcceptKw(Kw::kLimit)) TRY(ParseLimit(&s->limit));
  return s;
}

namespace {
// t, t.*, db.t, db.t.* in a multi-table DELETE target list.
bool ParseDeleteTargets(Parser& p, std::vector<TableName>* out) {
  do {
    TableName t;
    uint32_t start = p.Cur().offset;
    std::string first;
    TRY(p.ParseIdent(&first));
    t.name = std::move(first);
    if (p.Is(TokenType::kDot)) {
      p.Advance();
      if (p.Accept(TokenType::kStar)) {
        t.span = p.SpanFrom(start);
        out->push_back(std::move(t));
        continue;
      }
      t.db = std::move(t.name);
      TRY(p.ParseIdent(&t.name));
      if (p.Is(TokenType::kDot)) {
        p.Advance();
        TRY(p.Expect(TokenType::kStar));
      }
    }
    t.span = p.SpanFrom(start);
    out->push_back(std::move(t));
  } while (p.Accept(TokenType::kComma));
  return true;
}
}  // namespace

StatementPtr Parser::ParseDelete() {
  auto s = std::make_unique<DeleteStmt>();
  for (;;) {
    if (AcceptKw(Kw::kLowPriority)) {
      s->low_priority = true;
      continue;
    }
    if (AcceptKw(Kw::kQuick)) {
      s->quick = true;
      continue;
    }
    if (AcceptKw(Kw::kIgnore)) {
      s->ignore = true;
      continue;
    }
    break;
  }
  if (AcceptKw(Kw::kFrom)) {
    uint32_t start = Cur().offset;
    std::vector<TableName> names;
    TRY(ParseDeleteTargets(*this, &names));
    if (AcceptKw(Kw::kUsing)) {
      s->multi_table = true;
      s->targets = std::move(names);
      TRY(ParseTableRefs(&s->from));
    } else {
      // Single-table form.
      if (names.size() != 1) {
        Fail();
        return nullptr;
      }
      auto r = std::make_unique<TableRef>(TableRef::Kind::kTable);
      r->table = std::move(names[0]);  // (MariaDB 10.11: no alias here)
      if (IsKw(Kw::kPartition)) {
        FailUnsupported("PARTITION");
        return nullptr;
      }
      r->span = SpanFrom(start);
      s->from.push_back(std::move(r));
    }
  } else {
    s->multi_table = true;
    TRY(ParseDeleteTargets(*this, &s->targets));
    TRY(ExpectKw(Kw::kFrom));
    TRY(ParseTableRefs(&s->from));
  }
  if (AcceptKw(Kw::kWhere)) {
    s->where = ParseExpr();
    TRY(s->where);
  }
  // Multi-table DELETE takes no ORDER BY / LIMIT (a syntax error there).
  if (!s->multi_table && AcceptKw(Kw::kOrder)) {
    TRY(ExpectKw(Kw::kBy));
    TRY(ParseOrderList(&s->order_by));
  }
  if (!s->multi_table && AcceptKw(Kw::kLimit)) TRY(ParseLimit(&s->limit));
  if (IsKw(Kw::kReturning)) {
    FailUnsupported("RETURNING");
    return nullptr;
  }
  return s;
}

}  // namespace relaydb::sql
