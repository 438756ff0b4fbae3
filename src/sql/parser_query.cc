// Queries: SELECT blocks, set operations (UNION / INTERSECT / EXCEPT) with
// MariaDB's precedence, WITH, ORDER BY / LIMIT / locking / INTO tails, and
// table references (joins with MariaDB's nesting, derived tables, index
// hints).
#include <algorithm>

#include "sql/parser_impl.h"

namespace relaydb::sql {

// ---------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------

bool Parser::IsQueryStart(size_t k) const { return IsKw(Kw::kSelect, k) || IsKw(Kw::kWith, k); }

// True if the tokens from k are '('* followed by SELECT/WITH.
bool Parser::IsQueryStartDeep(size_t k) const {
  while (Is(TokenType::kLParen, k)) ++k;
  return IsQueryStart(k);
}

StatementPtr Parser::ParseSelectStmt() {
  auto s = std::make_unique<SelectStmt>();
  s->query = ParseQuery();
  TRY(s->query);
  return s;
}

QueryPtr Parser::ParseQuery() {
  TRY(Enter());
  uint32_t start = Cur().offset;
  std::unique_ptr<WithClause> with;
  if (AcceptKw(Kw::kWith)) {
    with = std::make_unique<WithClause>();
    with->recursive = AcceptKw(Kw::kRecursive);
    do {
      Cte cte;
      TRY(ParseIdent(&cte.name));
      if (Is(TokenType::kLParen)) TRY(ParseIdentList(&cte.columns));
      TRY(ExpectKw(Kw::kAs));
      TRY(Expect(TokenType::kLParen));
      cte.query = ParseQuery();
      TRY(cte.query);
      TRY(Expect(TokenType::kRParen));
      with->ctes.push_back(std::move(cte));
    } while (Accept(TokenType::kComma));
  }
  QueryPtr q = ParseQueryBody(0);
  TRY(q);
  q = ParseQueryTail(std::move(q), start);
  TRY(q);
  if (with) {
    if (q->with) {
      auto outer = std::make_unique<QueryExpr>();
      outer->kind = QueryExpr::Kind::kParenthesized;
      outer->span = q->span;
      outer->left = std::move(q);
      q = std::move(outer);
    }
    q->with = std::move(with);
    q->span = SpanFrom(start);
  }
  Leave();
  return q;
}

namespace {
// Set-operation precedence: INTERSECT binds tighter than UNION / EXCEPT.
int SetOpPrec(const Parser& p, QueryExpr::Kind* kind) {
  if (p.IsKw(Kw::kUnion)) {
    *kind = QueryExpr::Kind::kUnion;
    return 1;
  }
  if (p.IsKw(Kw::kExcept)) {
    *kind = QueryExpr::Kind::kExcept;
    return 1;
  }
  if (p.IsKw(Kw::kIntersect)) {
    *kind = QueryExpr::Kind::kIntersect;
    return 2;
  }
  return 0;
}
}  // namespace

QueryPtr Parser::ParseQueryBody(int min_prec) {
  QueryPtr left = ParseQueryPrimary();
  TRY(left);
  for (;;) {
    QueryExpr::Kind kind;
    int prec = SetOpPrec(*this, &kind);
    if (prec == 0 || prec < min_prec) break;
    uint32_t start = left->span.offset;
    Advance();
    bool all = false;
    if (AcceptKw(Kw::kAll)) {
      all = true;
    } else {
      AcceptKw(Kw::kDistinct);
    }
    QueryPtr right = ParseQueryBody(prec + 1);
    TRY(right);
    auto node = std::make_unique<QueryExpr>();
    node->kind = kind;
    node->all = all;
    node->left = std::move(left);
    node->right = std::move(right);
    node->span = SpanFrom(start);
    left = std::move(node);
  }
  return left;
}

QueryPtr Parser::ParseQueryPrimary() {
  uint32_t start = Cur().offset;
  if (Is(TokenType::kLParen)) {
    Advance();
    QueryPtr inner = ParseQuery();
    TRY(inner);
    TRY(Expect(TokenType::kRParen));
    return inner;
  }
  if (!IsKw(Kw::kSelect)) {
    Fail();
    return nullptr;
  }
  auto q = std::make_unique<QueryExpr>();
  q->kind = QueryExpr::Kind::kSelect;
  q->select = ParseSelectCore(&q->into);
  TRY(q->select);
  q->span = SpanFrom(start);
  return q;
}

// Continues a query whose first operand `first` (a parenthesized query)
// has been parsed: set operations, then ORDER BY / LIMIT / locking.
QueryPtr Parser::ContinueQuery(QueryPtr first, uint32_t start) {
  QueryPtr left = std::move(first);
  for (;;) {
    QueryExpr::Kind kind;
    int prec = SetOpPrec(*this, &kind);
    if (prec == 0) break;
    Advance();
    bool all = false;
    if (AcceptKw(Kw::kAll)) {
      all = true;
    } else {
      AcceptKw(Kw::kDistinct);
    }
    QueryPtr right = ParseQueryBody(prec + 1);
    TRY(right);
    auto node = std::make_unique<QueryExpr>();
    node->kind = kind;
    node->all = all;
    node->left = std::move(left);
    node->right = std::move(right);
    node->span = SpanFrom(start);
    left = std::move(node);
    // Keep INTERSECT's precedence when continuing: re-associate is not
    // needed for the common cases; chains are left-deep.
  }
  return ParseQueryTail(std::move(left), start);
}

QueryPtr Parser::ParseQueryTail(QueryPtr q, uint32_t start) {
  if (IsKw(Kw::kOrder) || IsKw(Kw::kLimit)) {
    if (!q->order_by.empty() || q->limit.has_value()) {
      auto outer = std::make_unique<QueryExpr>();
      outer->kind = QueryExpr::Kind::kParenthesized;
      outer->left = std::move(q);
      q = std::move(outer);
    }
    if (AcceptKw(Kw::kOrder)) {
      TRY(ExpectKw(Kw::kBy));
      TRY(ParseOrderList(&q->order_by));
    }
    if (AcceptKw(Kw::kLimit)) TRY(ParseLimit(&q->limit));
  }
  // INTO may come before or after the locking clause.
  if (IsKw(Kw::kInto)) {
    if (q->into.kind != IntoClause::Kind::kNone) {
      Fail();
      return nullptr;
    }
    TRY(ParseInto(&q->into));
  }
  if (IsKw(Kw::kFor)) {
    Advance();
    TRY(ExpectKw(Kw::kUpdate));
    q->lock = LockMode::kForUpdate;
  } else if (AcceptKw(Kw::kLock)) {
    TRY(ExpectKw(Kw::kIn));
    TRY(ExpectKw(Kw::kShare));
    TRY(ExpectKw(Kw::kMode));
    q->lock = LockMode::kShare;
  }
  if (q->lock != LockMode::kNone) {
    if (AcceptKw(Kw::kNowait)) {
      q->lock_nowait = true;
    } else if (AcceptKw(Kw::kWait)) {
      ExprPtr n = ParseLimitValue();
      TRY(n);
      q->lock_nowait = true;
    } else if (AcceptKw(Kw::kSkip)) {
      TRY(ExpectKw(Kw::kLocked));
      q->lock_nowait = true;
    }
    if (IsKw(Kw::kInto)) {
      if (q->into.kind != IntoClause::Kind::kNone) {
        Fail();
        return nullptr;
      }
      TRY(ParseInto(&q->into));
    }
  }
  q->span = SpanFrom(std::min(start, q->span.length ? q->span.offset : start));
  return q;
}

bool Parser::ParseInto(IntoClause* into) {
  TRY(ExpectKw(Kw::kInto));
  if (AcceptKw(Kw::kOutfile)) {
    into->kind = IntoClause::Kind::kOutfile;
    TRY(ParseStringLiteral(&into->file));
    if (IsKw(Kw::kCharacter) || IsKw(Kw::kFields) || IsKw(Kw::kColumns) || IsKw(Kw::kLines) ||
        IsKw(Kw::kCharset)) {
      return FailUnsupported("SELECT INTO OUTFILE with export options");
    }
    return true;
  }
  if (AcceptKw(Kw::kDumpfile)) {
    into->kind = IntoClause::Kind::kDumpfile;
    return ParseStringLiteral(&into->file);
  }
  into->kind = IntoClause::Kind::kVariables;
  do {
    if (Is(TokenType::kUserVar)) {
      into->variables.push_back(Lexer::DecodeUserVar(sql_, Cur(), opts_.no_backslash_escapes));
      Advance();
    } else if (IsIdent()) {
      // A stored-program local variable: only meaningful inside routines.
      return FailUnsupported("SELECT INTO local variables");
    } else {
      return Fail();
    }
  } while (Accept(TokenType::kComma));
  return true;
}

std::unique_ptr<SelectCore> Parser::ParseSelectCore(IntoClause* into) {
  uint32_t start = Cur().offset;
  TRY(ExpectKw(Kw::kSelect));
  auto core = std::make_unique<SelectCore>();
  for (;;) {
    if (AcceptKw(Kw::kAll)) continue;
    if (AcceptKw(Kw::kDistinct) || AcceptKw(Kw::kDistinctrow)) {
      core->distinct = true;
      continue;
    }
    if (AcceptKw(Kw::kHighPriority)) {
      core->high_priority = true;
      continue;
    }
    if (AcceptKw(Kw::kStraightJoin)) {
      core->straight_join = true;
      continue;
    }
    if (AcceptKw(Kw::kSqlSmallResult)) {
      core->sql_small_result = true;
      continue;
    }
    if (AcceptKw(Kw::kSqlBigResult)) {
      core->sql_big_result = true;
      continue;
    }
    if (AcceptKw(Kw::kSqlBufferResult)) {
      core->sql_buffer_result = true;
      continue;
    }
    if (AcceptKw(Kw::kSqlCache)) {
      core->sql_cache = true;
      continue;
    }
    if (AcceptKw(Kw::kSqlNoCache)) {
      core->sql_no_cache = true;
      continue;
    }
    if (AcceptKw(Kw::kSqlCalcFoundRows)) {
      core->sql_calc_found_rows = true;
      continue;
    }
    break;
  }
  do {
    SelectItem item;
    TRY(ParseSelectItem(&item));
    core->items.push_back(std::move(item));
  } while (Accept(TokenType::kComma));
  if (IsKw(Kw::kInto)) TRY(ParseInto(into));
  if (AcceptKw(Kw::kFrom)) {
    if (AcceptKw(Kw::kDual)) {
      core->from_dual = true;
    } else {
      TRY(ParseTableRefs(&core->from));
    }
  }
  if (AcceptKw(Kw::kWhere)) {
    core->where = ParseExpr();
    TRY(core->where);
  }
  if (IsKw(Kw::kGroup)) {
    Advance();
    TRY(ExpectKw(Kw::kBy));
    TRY(ParseOrderList(&core->group_by));
    if (IsKw(Kw::kWith) && IsKw(Kw::kRollup, 1)) {
      Advance();
      Advance();
      core->with_rollup = true;
    }
  }
  if (AcceptKw(Kw::kHaving)) {
    core->having = ParseExpr();
    TRY(core->having);
  }
  if (IsKw(Kw::kWindow)) {
    FailUnsupported("window functions");
    return nullptr;
  }
  core->span = SpanFrom(start);
  return core;
}

bool Parser::ParseSelectItem(SelectItem* item) {
  if (Is(TokenType::kStar)) {
    item->expr = MakeExpr(ExprKind::kStar, SourceSpan{Cur().offset, 1});
    Advance();
    return true;
  }
  item->expr = ParseExpr();
  TRY(item->expr);
  if (item->expr->kind == ExprKind::kStar) return true;
  return ParseOptAlias(&item->alias, true) && ((item->has_alias = !item->alias.empty()) || true);
}

// [AS] alias. An alias without AS must not be a reserved word (nor SOUNDS,
// which starts SOUNDS LIKE). Strings are allowed for select-list aliases.
bool Parser::ParseOptAlias(std::string* alias, bool allow_string) {
  // A string alias is one literal: adjacent strings do not concatenate here.
  auto string_alias = [&]() {
    *alias = StringValue(Cur());
    Advance();
    return true;
  };
  if (AcceptKw(Kw::kAs)) {
    if (Is(TokenType::kString)) return string_alias();
    return ParseIdent(alias);
  }
  if (allow_string && Is(TokenType::kString)) return string_alias();
  if (IsIdent() && !IsKw(Kw::kSounds) && !IsKw(Kw::kWindow)) {
    *alias = Lexer::DecodeIdent(sql_, Cur());
    Advance();
  }
  return true;
}

bool Parser::ParseTableRefs(std::vector<TableRefPtr>* out) {
  do {
    TableRefPtr r = ParseTableRef();
    TRY(r);
    out->push_back(std::move(r));
  } while (Accept(TokenType::kComma));
  return true;
}

// MariaDB's join grammar: [INNER|CROSS] JOIN and LEFT/RIGHT JOIN take a
// table_ref on the right, which extends greedily (bison shifts), so
// "a JOIN b JOIN c ON x ON y" is a JOIN (b JOIN c ON x) ON y, while
// "a JOIN b ON x JOIN c" is left-deep. NATURAL and STRAIGHT_JOIN take a
// table factor.
TableRefPtr Parser::ParseTableRef() {
  TRY(Enter());
  TableRefPtr left = ParseTableFactor();
  TRY(left);
  for (;;) {
    uint32_t start = left->span.offset;
    JoinType type;
    bool natural = false;
    bool need_cond = false;
    if (IsKw(Kw::kJoin) || IsKw(Kw::kInner) || IsKw(Kw::kCross)) {
      if (!IsKw(Kw::kJoin)) Advance();
      TRY(ExpectKw(Kw::kJoin));
      type = JoinType::kInner;
    } else if (IsKw(Kw::kStraightJoin)) {
      Advance();
      type = JoinType::kStraight;
    } else if (IsKw(Kw::kLeft) || IsKw(Kw::kRight)) {
      type = IsKw(Kw::kLeft) ? JoinType::kLeft : JoinType::kRight;
      Advance();
      AcceptKw(Kw::kOuter);
      TRY(ExpectKw(Kw::kJoin));
      need_cond = true;
    } else if (IsKw(Kw::kNatural)) {
      Advance();
      natural = true;
      type = JoinType::kInner;
      if (IsKw(Kw::kLeft) || IsKw(Kw::kRight)) {
        type = IsKw(Kw::kLeft) ? JoinType::kLeft : JoinType::kRight;
        Advance();
        AcceptKw(Kw::kOuter);
      } else {
        AcceptKw(Kw::kInner);
      }
      TRY(ExpectKw(Kw::kJoin));
    } else {
      break;
    }
    const bool greedy = !natural && type != JoinType::kStraight;
    TableRefPtr right = greedy ? ParseTableRef() : ParseTableFactor();
    TRY(right);
    auto j = std::make_unique<TableRef>(TableRef::Kind::kJoin);
    j->join_type = type;
    j->natural = natural;
    j->left = std::move(left);
    j->right = std::move(right);
    if (!natural) {
      if (AcceptKw(Kw::kOn)) {
        j->on = ParseExpr();
        TRY(j->on);
      } else if (AcceptKw(Kw::kUsing)) {
        TRY(ParseIdentList(&j->using_columns));
      } else if (need_cond) {
        Fail();
        return nullptr;
      }
    }
    j->span = SpanFrom(start);
    left = std::move(j);
  }
  Leave();
  return left;
}

TableRefPtr Parser::ParseTableFactor() {
  uint32_t start = Cur().offset;
  if (Is(TokenType::kLBrace)) {
    FailUnsupported("ODBC join syntax");
    return nullptr;
  }
  if (Is(TokenType::kLParen)) {
    // "((SELECT ...) AS d JOIN t ...)" is a parenthesized join whose first
    // factor is a derived table: the inner query's ')' is followed by an
    // alias. Otherwise "( ... SELECT" starts a derived table.
    bool nested_join = false;
    if (Is(TokenType::kLParen, 1) && IsQueryStartDeep(1)) {
      size_t k = 1;
      int depth = 0;
      for (;; ++k) {
        const Token& x = Peek(k);
        if (x.type == TokenType::kEnd) break;
        if (x.type == TokenType::kLParen) ++depth;
        if (x.type == TokenType::kRParen && --depth == 0) break;
      }
      nested_join = IsKw(Kw::kAs, k + 1) || IsIdent(k + 1);
    }
    if (!nested_join && IsQueryStartDeep(1)) {
      auto r = std::make_unique<TableRef>(TableRef::Kind::kDerived);
      r->subquery = ParseQueryPrimary();
      TRY(r->subquery);
      r->subquery = ParseQueryTail(std::move(r->subquery), start);
      TRY(r->subquery);
      // A derived table must have an alias (MariaDB: a syntax error).
      TRY(ParseOptAlias(&r->alias, false));
      if (r->alias.empty()) {
        Fail();
        return nullptr;
      }
      r->span = SpanFrom(start);
      return r;
    }
    TRY(Enter());
    Advance();
    std::vector<TableRefPtr> list;
    TRY(ParseTableRefs(&list));
    TRY(Expect(TokenType::kRParen));
    Leave();
    // (a, b, c): a left-deep chain of comma joins.
    TableRefPtr r = std::move(list[0]);
    for (size_t i = 1; i < list.size(); ++i) {
      auto j = std::make_unique<TableRef>(TableRef::Kind::kJoin);
      j->join_type = JoinType::kComma;
      j->left = std::move(r);
      j->right = std::move(list[i]);
      j->span = SpanFrom(start);
      r = std::move(j);
    }
    r->span = SpanFrom(start);
    return r;
  }
  auto r = std::make_unique<TableRef>(TableRef::Kind::kTable);
  TRY(ParseTableName(&r->table));
  if (IsKw(Kw::kPartition)) {
    FailUnsupported("PARTITION");
    return nullptr;
  }
  if (IsKw(Kw::kFor) && IsKw(Kw::kSystemTime, 1)) {
    FailUnsupported("SYSTEM_TIME");
    return nullptr;
  }
  TRY(ParseOptAlias(&r->alias, false));
  TRY(ParseIndexHints(&r->index_hints));
  r->span = SpanFrom(start);
  return r;
}

bool Parser::ParseIndexHints(std::vector<IndexHint>* out) {
  while (IsKw(Kw::kUse) || IsKw(Kw::kForce) || IsKw(Kw::kIgnore)) {
    IndexHint h;
    h.type = IsKw(Kw::kUse)     ? IndexHint::Type::kUse
             : IsKw(Kw::kForce) ? IndexHint::Type::kForce
                                : IndexHint::Type::kIgnore;
    Advance();
    if (!AcceptKw(Kw::kIndex) && !AcceptKw(Kw::kKey)) return Fail();
    if (AcceptKw(Kw::kFor)) {
      if (AcceptKw(Kw::kJoin)) {
        h.scope = IndexHint::Scope::kJoin;
      } else if (AcceptKw(Kw::kOrder)) {
        TRY(ExpectKw(Kw::kBy));
        h.scope = IndexHint::Scope::kOrderBy;
      } else if (AcceptKw(Kw::kGroup)) {
        TRY(ExpectKw(Kw::kBy));
        h.scope = IndexHint::Scope::kGroupBy;
      } else {
        return Fail();
      }
    }
    TRY(Expect(TokenType::kLParen));
    if (!Is(TokenType::kRParen)) {
      do {
        if (AcceptKw(Kw::kPrimary)) {
          h.indexes.push_back("PRIMARY");
        } else {
          std::string name;
          TRY(ParseIdent(&name));
          h.indexes.push_back(std::move(name));
        }
      } while (Accept(TokenType::kComma));
    } else if (h.type != IndexHint::Type::kUse) {
      return Fail();
    }
    TRY(Expect(TokenType::kRParen));
    out->push_back(std::move(h));
  }
  return true;
}

}  // namespace relaydb::sql
