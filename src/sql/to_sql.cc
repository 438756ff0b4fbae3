// ToSql(): canonical SQL text of expressions and queries, as MariaDB prints
// them in SHOW CREATE TABLE (DEFAULT (expr), CHECK (expr)); also QuoteIdent
// and QuoteString.
#include "sql/parser_impl.h"

namespace relaydb::sql {

// ---------------------------------------------------------------------------
// ToSql
// ---------------------------------------------------------------------------

std::string QuoteIdent(std::string_view name) {
  std::string out = "`";
  for (char c : name) {
    if (c == '`') out.push_back('`');
    out.push_back(c);
  }
  out.push_back('`');
  return out;
}

std::string QuoteString(std::string_view value) {
  std::string out = "'";
  for (char c : value) {
    switch (c) {
      case '\'': out += "''"; break;
      case '\\': out += "\\\\"; break;
      case '\0': out += "\\0"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\032': out += "\\Z"; break;
      default: out.push_back(c);
    }
  }
  out.push_back('\'');
  return out;
}

namespace {

void AppendExpr(const Expr& e, std::string* out);
void AppendQuery(const QueryExpr& q, std::string* out);

int ExprPrec(const Expr& e) {
  switch (e.kind) {
    case ExprKind::kBinary: return BinaryPrec(e.binary_op);
    case ExprKind::kUnary: return e.unary_op == UnaryOp::kNot ? kPrecUnary : kPrecUnary;
    case ExprKind::kIsTest:
    case ExprKind::kQuantified: return kPrecCmp;
    case ExprKind::kBetween: return kPrecBetween;
    case ExprKind::kLike:
    case ExprKind::kRegexp:
    case ExprKind::kSoundsLike:
    case ExprKind::kIn: return kPrecLike;
    case ExprKind::kCollate: return kPrecCollate;
    case ExprKind::kAssign: return 0;
    default: return kPrecPrimary;
  }
}

// Appends `e`, parenthesized if its precedence is below `min`.
void AppendOperand(const Expr& e, int min, std::string* out) {
  if (ExprPrec(e) < min) {
    out->push_back('(');
    AppendExpr(e, out);
    out->push_back(')');
  } else {
    AppendExpr(e, out);
  }
}

const char* BinaryOpText(BinaryOp op) {
  switch (op) {
    case BinaryOp::kOr: return "or";
    case BinaryOp::kXor: return "xor";
    case BinaryOp::kAnd: return "and";
    case BinaryOp::kEq: return "=";
    case BinaryOp::kNullSafeEq: return "<=>";
    case BinaryOp::kNe: return "<>";
    case BinaryOp::kLt: return "<";
    case BinaryOp::kLe: return "<=";
    case BinaryOp::kGt: return ">";
    case BinaryOp::kGe: return ">=";
    case BinaryOp::kBitOr: return "|";
    case BinaryOp::kBitAnd: return "&";
    case BinaryOp::kBitXor: return "^";
    case BinaryOp::kShiftLeft: return "<<";
    case BinaryOp::kShiftRight: return ">>";
    case BinaryOp::kAdd: return "+";
    case BinaryOp::kSub: return "-";
    case BinaryOp::kMul: return "*";
    case BinaryOp::kDiv: return "/";
    case BinaryOp::kIntDiv: return "DIV";
    case BinaryOp::kMod: return "MOD";
    case BinaryOp::kConcat: return "||";
  }
  return "?";
}

std::string HexOf(std::string_view bytes) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : bytes) {
    out.push_back(kHex[(static_cast<uint8_t>(c) >> 4) & 15]);
    out.push_back(kHex[static_cast<uint8_t>(c) & 15]);
  }
  return out;
}

void AppendList(const ExprList& list, size_t from, std::string* out) {
  for (size_t i = from; i < list.size(); ++i) {
    if (i > from) out->push_back(',');
    AppendExpr(*list[i], out);
  }
}

void AppendOrder(const std::vector<OrderItem>& items, std::string* out) {
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out->push_back(',');
    AppendExpr(*items[i].expr, out);
    *out += items[i].descending ? " DESC" : " ASC";
  }
}

std::string CastTypeText(const CastType& t) {
  std::string s;
  auto len = [&](int32_t l) {
    if (l >= 0) s += "(" + std::to_string(l) + ")";
  };
  switch (t.kind) {
    case CastType::Kind::kBinary:
      s = "binary";
      len(t.length);
      break;
    case CastType::Kind::kChar:
      s = "char";
      len(t.length);
      if (!t.charset.empty()) s += " charset " + t.charset;
      break;
    case CastType::Kind::kDate: s = "date"; break;
    case CastType::Kind::kDatetime:
      s = "datetime";
      len(t.decimals);
      break;
    case CastType::Kind::kTime:
      s = "time";
      len(t.decimals);
      break;
    case CastType::Kind::kDecimal:
      s = "decimal";
      if (t.length >= 0) {
        s += "(" + std::to_string(t.length);
        if (t.decimals >= 0) s += "," + std::to_string(t.decimals);
        s += ")";
      }
      break;
    case CastType::Kind::kSigned: s = "signed"; break;
    case CastType::Kind::kUnsigned: s = "unsigned"; break;
    case CastType::Kind::kDouble: s = "double"; break;
    case CastType::Kind::kFloat: s = "float"; break;
  }
  return s;
}

void AppendExpr(const Expr& e, std::string* out) {
  switch (e.kind) {
    case ExprKind::kLiteral:
      switch (e.literal_kind) {
        case LiteralKind::kNull: *out += "NULL"; break;
        case LiteralKind::kInt:
        case LiteralKind::kDecimal:
        case LiteralKind::kFloat: *out += e.value; break;
        case LiteralKind::kString:
          if (!e.charset.empty()) *out += "_" + e.charset;
          *out += QuoteString(e.value);
          break;
        case LiteralKind::kHex:
        case LiteralKind::kBit:
          if (!e.charset.empty()) *out += "_" + e.charset + " ";
          *out += e.value.empty() ? "''" : "0x" + HexOf(e.value);
          break;
        case LiteralKind::kBool: *out += e.bool_value ? "1" : "0"; break;
        case LiteralKind::kDate: *out += "DATE" + QuoteString(e.value); break;
        case LiteralKind::kTime: *out += "TIME" + QuoteString(e.value); break;
        case LiteralKind::kTimestamp: *out += "TIMESTAMP" + QuoteString(e.value); break;
      }
      break;
    case ExprKind::kColumnRef:
      if (!e.db.empty()) *out += QuoteIdent(e.db) + ".";
      if (!e.table.empty()) *out += QuoteIdent(e.table) + ".";
      *out += QuoteIdent(e.name);
      break;
    case ExprKind::kStar:
      if (!e.db.empty()) *out += QuoteIdent(e.db) + ".";
      if (!e.table.empty()) *out += QuoteIdent(e.table) + ".";
      *out += "*";
      break;
    case ExprKind::kUserVar: *out += "@" + QuoteIdent(e.name); break;
    case ExprKind::kSysVar:
      *out += "@@";
      if (e.var_scope == VarScope::kGlobal) *out += "global.";
      if (e.var_scope == VarScope::kSession) *out += "session.";
      *out += e.name;
      break;
    case ExprKind::kPlaceholder: *out += "?"; break;
    case ExprKind::kUnary: {
      switch (e.unary_op) {
        case UnaryOp::kNeg: *out += "-"; break;
        case UnaryOp::kPlus: break;
        case UnaryOp::kBitNot: *out += "~"; break;
        case UnaryOp::kNot: *out += "!"; break;
        case UnaryOp::kBinary: *out += "binary "; break;
      }
      std::string operand;
      AppendOperand(*e.args[0], kPrecUnary, &operand);
      // "- -1" must not print as "--1" (a comment).
      if (e.unary_op == UnaryOp::kNeg && !operand.empty() && operand[0] == '-')
        operand = "(" + operand + ")";
      *out += operand;
      break;
    }
    case ExprKind::kBinary: {
      int p = BinaryPrec(e.binary_op);
      if (e.binary_op == BinaryOp::kConcat) {
        *out += "concat(";
        AppendExpr(*e.args[0], out);
        *out += ",";
        AppendExpr(*e.args[1], out);
        *out += ")";
        break;
      }
      // Comparisons are left-associative with a predicate on the right.
      AppendOperand(*e.args[0], p, out);
      *out += " ";
      *out += BinaryOpText(e.binary_op);
      *out += " ";
      AppendOperand(*e.args[1], p == kPrecCmp ? kPrecBetween : p + 1, out);
      break;
    }
    case ExprKind::kIsTest:
      AppendOperand(*e.args[0], kPrecCmp, out);
      *out += e.negated ? " is not " : " is ";
      *out += e.is_what == IsWhat::kNull    ? "null"
              : e.is_what == IsWhat::kTrue  ? "true"
              : e.is_what == IsWhat::kFalse ? "false"
                                            : "unknown";
      break;
    case ExprKind::kLike:
      AppendOperand(*e.args[0], kPrecBitOr, out);
      *out += e.negated ? " not like " : " like ";
      AppendOperand(*e.args[1], kPrecBitOr, out);
      if (e.args.size() > 2) {
        *out += " escape ";
        AppendOperand(*e.args[2], kPrecUnary, out);
      }
      break;
    case ExprKind::kRegexp:
      AppendOperand(*e.args[0], kPrecBitOr, out);
      *out += e.negated ? " not regexp " : " regexp ";
      AppendOperand(*e.args[1], kPrecBitOr, out);
      break;
    case ExprKind::kSoundsLike:
      AppendOperand(*e.args[0], kPrecBitOr, out);
      *out += " sounds like ";
      AppendOperand(*e.args[1], kPrecBitOr, out);
      break;
    case ExprKind::kIn:
      AppendOperand(*e.args[0], kPrecBitOr, out);
      *out += e.negated ? " not in (" : " in (";
      if (e.subquery) {
        AppendQuery(*e.subquery, out);
      } else {
        AppendList(e.args, 1, out);
      }
      *out += ")";
      break;
    case ExprKind::kBetween:
      AppendOperand(*e.args[0], kPrecBitOr, out);
      *out += e.negated ? " not between " : " between ";
      AppendOperand(*e.args[1], kPrecBitOr, out);
      *out += " and ";
      AppendOperand(*e.args[2], kPrecBetween, out);
      break;
    case ExprKind::kExists:
      *out += "exists(";
      AppendQuery(*e.subquery, out);
      *out += ")";
      break;
    case ExprKind::kQuantified:
      AppendOperand(*e.args[0], kPrecCmp, out);
      *out += " ";
      *out += BinaryOpText(e.binary_op);
      *out += e.quantifier_all ? " all (" : " any (";
      AppendQuery(*e.subquery, out);
      *out += ")";
      break;
    case ExprKind::kSubquery:
      *out += "(";
      AppendQuery(*e.subquery, out);
      *out += ")";
      break;
    case ExprKind::kRow:
      *out += "(";
      AppendList(e.args, 0, out);
      *out += ")";
      break;
    case ExprKind::kFunction:
      if (!e.qualifier.empty()) *out += QuoteIdent(e.qualifier) + ".";
      *out += e.name;
      *out += "(";
      if (e.name == "trim" && e.trim_side != TrimSide::kDefault) {
        *out += e.trim_side == TrimSide::kBoth      ? "both "
                : e.trim_side == TrimSide::kLeading ? "leading "
                                                    : "trailing ";
        if (e.args.size() > 1) {
          AppendExpr(*e.args[1], out);
          *out += " ";
        }
        *out += "from ";
        AppendExpr(*e.args[0], out);
      } else if (e.name == "trim" && e.args.size() == 2) {
        AppendExpr(*e.args[1], out);
        *out += " from ";
        AppendExpr(*e.args[0], out);
      } else if (e.name == "extract") {
        *out += ToLowerAscii(IntervalUnitName(e.interval_unit));
        *out += " from ";
        AppendExpr(*e.args[0], out);
      } else if (e.name == "get_format" && e.args.size() == 2) {
        *out += e.args[0]->value;  // DATE / TIME / DATETIME / TIMESTAMP
        *out += ",";
        AppendExpr(*e.args[1], out);
      } else if (e.interval_unit != IntervalUnit::kNone) {  // timestampadd/diff
        *out += ToLowerAscii(IntervalUnitName(e.interval_unit));
        *out += ",";
        AppendList(e.args, 0, out);
      } else {
        if (e.distinct) *out += "distinct ";
        if (e.star_arg) *out += "*";
        AppendList(e.args, 0, out);
        if (!e.order_by.empty()) {
          *out += " order by ";
          AppendOrder(e.order_by, out);
        }
        if (e.separator.has_value()) *out += " separator " + QuoteString(*e.separator);
        if (!e.charset.empty()) *out += " using " + e.charset;
      }
      *out += ")";
      break;
    case ExprKind::kCast:
      *out += "cast(";
      AppendExpr(*e.args[0], out);
      *out += " as " + CastTypeText(e.cast_type) + ")";
      break;
    case ExprKind::kConvertUsing:
      *out += "convert(";
      AppendExpr(*e.args[0], out);
      *out += " using " + e.charset + ")";
      break;
    case ExprKind::kCase:
      *out += "case ";
      if (e.case_operand) {
        AppendExpr(*e.case_operand, out);
        *out += " ";
      }
      for (const CaseWhen& w : e.whens) {
        *out += "when ";
        AppendExpr(*w.when, out);
        *out += " then ";
        AppendExpr(*w.then, out);
        *out += " ";
      }
      if (e.else_expr) {
        *out += "else ";
        AppendExpr(*e.else_expr, out);
        *out += " ";
      }
      *out += "end";
      break;
    case ExprKind::kCollate:
      AppendOperand(*e.args[0], kPrecCollate, out);
      *out += " collate " + e.name;
      break;
    case ExprKind::kInterval:
      *out += "interval ";
      AppendOperand(*e.args[0], kPrecUnary, out);
      *out += " ";
      *out += ToLowerAscii(IntervalUnitName(e.interval_unit));
      break;
    case ExprKind::kDefault:
      *out += "default";
      if (!e.args.empty()) {
        *out += "(";
        AppendExpr(*e.args[0], out);
        *out += ")";
      }
      break;
    case ExprKind::kAssign:
      *out += "@" + QuoteIdent(e.name) + " := ";
      AppendExpr(*e.args[0], out);
      break;
  }
}

void AppendTableRef(const TableRef& r, std::string* out) {
  switch (r.kind) {
    case TableRef::Kind::kTable:
      if (!r.table.db.empty()) *out += QuoteIdent(r.table.db) + ".";
      *out += QuoteIdent(r.table.name);
      if (!r.alias.empty()) *out += " " + QuoteIdent(r.alias);
      break;
    case TableRef::Kind::kDerived:
      *out += "(";
      AppendQuery(*r.subquery, out);
      *out += ") " + QuoteIdent(r.alias);
      break;
    case TableRef::Kind::kJoin:
      *out += "(";
      AppendTableRef(*r.left, out);
      switch (r.join_type) {
        case JoinType::kComma: *out += ", "; break;
        case JoinType::kInner: *out += r.natural ? " natural join " : " join "; break;
        case JoinType::kLeft: *out += r.natural ? " natural left join " : " left join "; break;
        case JoinType::kRight: *out += r.natural ? " natural right join " : " right join "; break;
        case JoinType::kStraight: *out += " straight_join "; break;
      }
      AppendTableRef(*r.right, out);
      if (r.on) {
        *out += " on(";
        AppendExpr(*r.on, out);
        *out += ")";
      } else if (!r.using_columns.empty()) {
        *out += " using (";
        for (size_t i = 0; i < r.using_columns.size(); ++i) {
          if (i) *out += ",";
          *out += QuoteIdent(r.using_columns[i]);
        }
        *out += ")";
      }
      *out += ")";
      break;
  }
}

void AppendQuery(const QueryExpr& q, std::string* out) {
  if (q.with) {
    *out += q.with->recursive ? "with recursive " : "with ";
    for (size_t i = 0; i < q.with->ctes.size(); ++i) {
      if (i) *out += ", ";
      *out += QuoteIdent(q.with->ctes[i].name) + " as (";
      AppendQuery(*q.with->ctes[i].query, out);
      *out += ")";
    }
    *out += " ";
  }
  switch (q.kind) {
    case QueryExpr::Kind::kSelect: {
      const SelectCore& s = *q.select;
      *out += "select ";
      if (s.distinct) *out += "distinct ";
      for (size_t i = 0; i < s.items.size(); ++i) {
        if (i) *out += ",";
        AppendExpr(*s.items[i].expr, out);
        if (s.items[i].has_alias) *out += " AS " + QuoteIdent(s.items[i].alias);
      }
      if (!s.from.empty()) {
        *out += " from ";
        for (size_t i = 0; i < s.from.size(); ++i) {
          if (i) *out += ",";
          AppendTableRef(*s.from[i], out);
        }
      }
      if (s.where) {
        *out += " where ";
        AppendExpr(*s.where, out);
      }
      if (!s.group_by.empty()) {
        *out += " group by ";
        AppendOrder(s.group_by, out);
        if (s.with_rollup) *out += " with rollup";
      }
      if (s.having) {
        *out += " having ";
        AppendExpr(*s.having, out);
      }
      break;
    }
    case QueryExpr::Kind::kUnion:
    case QueryExpr::Kind::kIntersect:
    case QueryExpr::Kind::kExcept:
      *out += "(";
      AppendQuery(*q.left, out);
      *out += ")";
      *out += q.kind == QueryExpr::Kind::kUnion       ? " union "
              : q.kind == QueryExpr::Kind::kIntersect ? " intersect "
                                                      : " except ";
      if (q.all) *out += "all ";
      *out += "(";
      AppendQuery(*q.right, out);
      *out += ")";
      break;
    case QueryExpr::Kind::kParenthesized:
      *out += "(";
      AppendQuery(*q.left, out);
      *out += ")";
      break;
  }
  if (!q.order_by.empty()) {
    *out += " order by ";
    AppendOrder(q.order_by, out);
  }
  if (q.limit) {
    *out += " limit ";
    if (q.limit->offset) {
      AppendExpr(*q.limit->offset, out);
      *out += ",";
    }
    AppendExpr(*q.limit->count, out);
  }
}

}  // namespace

std::string ToSql(const Expr& expr) {
  std::string out;
  AppendExpr(expr, &out);
  return out;
}

std::string ToSql(const QueryExpr& query) {
  std::string out;
  AppendQuery(query, &out);
  return out;
}

}  // namespace relaydb::sql
