// Translator: MySQL AST ▶ SQLite SQL. See translator.h.
//
// Shape of the output for a SELECT block:
//   SELECT <items AS "name"> FROM "db.t" AS "t1" JOIN ... WHERE ... GROUP BY
//   ... HAVING ... ORDER BY <ordinals or expressions> LIMIT n OFFSET m
// Every column reference is emitted as "sqlite_alias"."column", so SQLite
// never resolves a name itself; MySQL's resolution rules (and errors) are
// applied here.
#include "sql/translator.h"

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "sql/decimal.h"
#include "sql/types.h"

namespace relaydb::sql {
namespace {

std::string Quote(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string QuoteStr(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += '\'';
    out += c;
  }
  out += '\'';
  return out;
}

std::string HexBlob(std::string_view bytes) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out = "X'";
  for (unsigned char c : bytes) {
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  out += '\'';
  return out;
}

bool IEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); i++)
    if (tolower(static_cast<unsigned char>(a[i])) != tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(toupper(static_cast<unsigned char>(c)));
  return out;
}

Status UnknownColumn(const std::string& name, const char* clause) {
  return Status::SqlError(1054, "42S22",
                          "Unknown column '" + name + "' in '" + std::string(clause) + "'");
}

ExprType Family(ResultType f, int decimals = -1) {
  ExprType t;
  t.family = f;
  t.decimals = decimals;
  return t;
}

}  // namespace

ExprType TypeOfColumn(const ColumnDef& c) {
  ExprType t;
  t.column = &c;
  t.nullable = c.nullable;
  const ColumnType& ct = c.type;
  switch (ct.base) {
    case BaseType::kTinyInt:
    case BaseType::kSmallInt:
    case BaseType::kMediumInt:
    case BaseType::kInt:
    case BaseType::kYear:
      t.family = ResultType::kInt;
      t.decimals = 0;
      break;
    case BaseType::kBigInt:
      t.family = ct.is_unsigned ? ResultType::kUnsigned : ResultType::kInt;
      t.decimals = 0;
      break;
    case BaseType::kDecimal:
      t.family = ResultType::kDecimal;
      t.decimals = ct.decimals < 0 ? 0 : ct.decimals;
      break;
    case BaseType::kFloat:
    case BaseType::kDouble:
      t.family = ResultType::kDouble;
      t.decimals = ct.decimals;
      break;
    case BaseType::kBit:
    case BaseType::kBinary:
    case BaseType::kVarbinary:
    case BaseType::kTinyBlob:
    case BaseType::kBlob:
    case BaseType::kMediumBlob:
    case BaseType::kLongBlob:
      t.family = ResultType::kBinary;
      break;
    case BaseType::kDate:
      t.family = ResultType::kDate;
      break;
    case BaseType::kDatetime:
    case BaseType::kTimestamp:
      t.family = ResultType::kDatetime;
      t.decimals = ct.decimals < 0 ? 0 : ct.decimals;
      break;
    case BaseType::kTime:
      t.family = ResultType::kTime;
      t.decimals = ct.decimals < 0 ? 0 : ct.decimals;
      break;
    case BaseType::kJson:
      t.family = ResultType::kJson;
      break;
    default:
      t.family = ResultType::kString;
      break;
  }
  return t;
}

// ---------------------------------------------------------------------------
// Output decoding and metadata

namespace {

std::string FormatFixed(double v, int decimals) {
  if (decimals < 0) return FormatDouble(v);
  char buf[400];
  snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s(buf);
  if (s[0] == '-') {  // "-0.00" → "0.00"
    bool all_zero = true;
    for (size_t i = 1; i < s.size(); i++)
      if (s[i] != '0' && s[i] != '.') all_zero = false;
    if (all_zero) s.erase(0, 1);
  }
  return s;
}

std::string RescaleDecimalText(std::string_view text, int decimals) {
  if (decimals < 0) return std::string(text);
  Decimal d;
  if (!Decimal::Parse(text, &d)) return std::string(text);
  return d.Rescale(decimals).ToString();
}

}  // namespace

Value DecodeStoredValue(const OutputColumn& col, const Value& v, bool binary_protocol) {
  if (v.is_null()) return v;
  const ExprType& t = col.type;
  const ColumnDef* c = t.column;
  if (c != nullptr) return StoredToValue(*c, v, binary_protocol ? ValueForm::kTyped : ValueForm::kText);
  switch (t.family) {
    case ResultType::kInt:
      if (v.kind() == Value::Kind::kInt) {
        if (c != nullptr && c->type.zerofill && c->type.length > 0) {
          std::string s = std::to_string(v.int_value());
          if (static_cast<int>(s.size()) < c->type.length)
            s.insert(0, c->type.length - s.size(), '0');
          return Value::String(s);
        }
        return v;
      }
      if (v.kind() == Value::Kind::kDouble) {
        double d = v.double_value();
        if (std::nearbyint(d) == d && std::fabs(d) < 9.2e18) return Value::Int(static_cast<int64_t>(d));
        return Value::String(FormatDouble(d));
      }
      return v;
    case ResultType::kUnsigned:
      if (v.kind() == Value::Kind::kInt) return Value::UInt(static_cast<uint64_t>(v.int_value()));
      if (v.kind() == Value::Kind::kString) {
        char* end = nullptr;
        uint64_t u = strtoull(v.string_value().c_str(), &end, 10);
        if (end != nullptr && *end == '\0' && !v.string_value().empty()) return Value::UInt(u);
      }
      return v;
    case ResultType::kDecimal:
      if (v.kind() == Value::Kind::kString) {
        if (c != nullptr) return v;  // stored canonical
        return Value::String(RescaleDecimalText(v.string_value(), t.decimals));
      }
      if (v.kind() == Value::Kind::kInt) {
        if (t.decimals > 0) return Value::String(std::to_string(v.int_value()) + "." + std::string(t.decimals, '0'));
        return Value::String(std::to_string(v.int_value()));
      }
      if (v.kind() == Value::Kind::kDouble) return Value::String(FormatFixed(v.double_value(), t.decimals < 0 ? 4 : t.decimals));
      return v;
    case ResultType::kDouble:
      if (v.kind() == Value::Kind::kDouble) {
        if (c != nullptr && c->type.base == BaseType::kFloat) {
          if (c->type.decimals >= 0) return Value::String(FormatFixed(v.double_value(), c->type.decimals));
          return Value::String(FormatFloat(static_cast<float>(v.double_value())));
        }
        if (t.decimals >= 0 && t.decimals < 31) return Value::String(FormatFixed(v.double_value(), t.decimals));
        if (!binary_protocol) return Value::String(FormatDoubleMariaDB(v.double_value()));
        return v;
      }
      if (v.kind() == Value::Kind::kInt) return Value::Double(static_cast<double>(v.int_value()));
      if (v.kind() == Value::Kind::kString) return Value::Double(strtod(v.string_value().c_str(), nullptr));
      return v;
    default:
      if (v.kind() == Value::Kind::kDouble) return Value::String(FormatDouble(v.double_value()));
      if (v.kind() == Value::Kind::kInt) {
        if (c != nullptr && c->type.base == BaseType::kBit) {
          // BIT(n) is sent as big-endian bytes, (n+7)/8 of them.
          int n = c->type.length < 0 ? 1 : c->type.length;
          size_t bytes = (n + 7) / 8;
          std::string out(bytes, '\0');
          uint64_t x = static_cast<uint64_t>(v.int_value());
          for (size_t i = 0; i < bytes; i++) out[bytes - 1 - i] = static_cast<char>((x >> (8 * i)) & 0xff);
          return Value::String(out);
        }
        return Value::String(std::to_string(v.int_value()));
      }
      return v;
  }
}

Value DecodeOutput(const OutputColumn& col, sqlite3_stmt* stmt, int i, bool binary_protocol) {
  switch (sqlite3_column_type(stmt, i)) {
    case SQLITE_NULL:
      return Value::Null();
    case SQLITE_INTEGER:
      return DecodeStoredValue(col, Value::Int(sqlite3_column_int64(stmt, i)), binary_protocol);
    case SQLITE_FLOAT:
      return DecodeStoredValue(col, Value::Double(sqlite3_column_double(stmt, i)), binary_protocol);
    case SQLITE_BLOB: {
      const void* p = sqlite3_column_blob(stmt, i);
      int n = sqlite3_column_bytes(stmt, i);
      return DecodeStoredValue(col, Value::String(std::string(static_cast<const char*>(p), n)), binary_protocol);
    }
    default: {
      const unsigned char* p = sqlite3_column_text(stmt, i);
      int n = sqlite3_column_bytes(stmt, i);
      return DecodeStoredValue(col, Value::String(std::string(reinterpret_cast<const char*>(p), n)), binary_protocol);
    }
  }
}

ColumnMeta MetaForType(const ExprType& t, const std::string& name) {
  ColumnMeta m;
  m.name = name;
  if (t.column != nullptr && t.table) {
    ColumnMeta cm = ColumnMetaFor(*t.table, *t.column, name);
    if (t.nullable) cm.flags &= static_cast<uint16_t>(~kNotNullFlag);
    return cm;
  }
  m.charset = kCharsetBinary;
  m.flags = t.nullable ? 0 : kNotNullFlag;
  switch (t.family) {
    case ResultType::kInt:
      // Integer literals are INT with their own width, as in MariaDB.
      if (t.is_literal && t.max_len >= 0 && t.max_len <= 10) {
        m.type = kTypeLong;
        m.length = static_cast<uint32_t>(t.max_len);
      } else {
        m.type = kTypeLongLong;
        m.length = t.max_len >= 0 ? static_cast<uint32_t>(t.max_len) : 21;
      }
      m.flags |= kNumFlag | kBinaryFlag;
      break;
    case ResultType::kUnsigned:
      m.type = kTypeLongLong;
      m.length = 20;
      m.flags |= kNumFlag | kUnsignedFlag | kBinaryFlag;
      break;
    case ResultType::kDecimal:
      m.type = kTypeNewDecimal;
      m.decimals = static_cast<uint8_t>(t.decimals < 0 ? 4 : t.decimals);
      m.length = t.max_len >= 0 ? static_cast<uint32_t>(t.max_len) : 66;
      m.flags |= kNumFlag | kBinaryFlag;
      break;
    case ResultType::kDouble:
      m.type = kTypeDouble;
      m.decimals = static_cast<uint8_t>(t.decimals < 0 ? 31 : t.decimals);
      m.length = 23;
      m.flags |= kNumFlag | kBinaryFlag;
      break;
    case ResultType::kDate:
      m.type = kTypeDate;
      m.length = 10;
      m.flags |= kBinaryFlag;
      break;
    case ResultType::kDatetime:
      m.type = kTypeDatetime;
      m.decimals = static_cast<uint8_t>(t.decimals < 0 ? 0 : t.decimals);
      m.length = 19 + (t.decimals > 0 ? t.decimals + 1 : 0);
      m.flags |= kBinaryFlag;
      break;
    case ResultType::kTime:
      m.type = kTypeTime;
      m.decimals = static_cast<uint8_t>(t.decimals < 0 ? 0 : t.decimals);
      m.length = 10;
      m.flags |= kBinaryFlag;
      break;
    case ResultType::kBinary:
      m.type = kTypeVarString;
      m.length = 65535;
      m.flags |= kBinaryFlag;
      break;
    case ResultType::kNull:
      m.type = kTypeNull;
      m.length = 0;
      m.flags |= kNumFlag | kBinaryFlag;
      break;
    default: {
      // Strings: VARCHAR up to 512 characters, then the BLOB type that holds
      // the length (MariaDB's CONVERT_IF_BIGGER_TO_BLOB).
      int64_t chars = t.max_len >= 0 ? t.max_len : 16383;
      uint64_t bytes = static_cast<uint64_t>(chars) * 4;
      m.charset = kCharsetUtf8mb4GeneralCi;
      m.decimals = 39;
      if (chars > 512) {
        m.decimals = 0;
        m.type = bytes <= 65535 ? kTypeBlob : bytes <= 16777215 ? kTypeMediumBlob : kTypeLongBlob;
      } else {
        m.type = kTypeVarString;
      }
      m.length = static_cast<uint32_t>(std::min<uint64_t>(bytes, 0xffffffffu));
      break;
    }
  }
  return m;
}

// ---------------------------------------------------------------------------
// Scopes

class Scope {
 public:
  explicit Scope(const Scope* parent) : parent_(parent) {}

  std::vector<ScopeTable> tables;
  // Columns hidden from unqualified lookup (right side of USING/NATURAL):
  // (table index, column name).
  std::vector<std::pair<size_t, std::string>> hidden;
  // Select-list aliases usable in GROUP BY / HAVING / ORDER BY.
  const std::vector<std::string>* alias_names = nullptr;
  const std::vector<std::string>* alias_sql = nullptr;
  const std::vector<ExprType>* alias_types = nullptr;
  bool allow_aliases = false;
  bool aggregate_context = false;

  const Scope* parent() const { return parent_; }

  bool IsHidden(size_t ti, const std::string& col) const {
    for (auto& [i, c] : hidden)
      if (i == ti && IEquals(c, col)) return true;
    return false;
  }

  // Finds `col` in table `ti`; returns column index or -1.
  static int FindCol(const ScopeTable& t, const std::string& col) {
    if (!t.def) return -1;
    return t.def->FindColumn(col);
  }

 private:
  const Scope* parent_;
};

ScopeTable Translator::BaseTable(std::shared_ptr<const TableDef> def, const std::string& alias,
                                 const std::string& sqlite_alias) {
  ScopeTable t;
  t.alias = alias;
  t.sqlite_alias = sqlite_alias;
  t.db = def->db;
  t.def = std::move(def);
  return t;
}

std::string Translator::NewAlias() { return "t" + std::to_string(++alias_counter_); }

std::string Translator::Bind(const Value& v) {
  binds_.push_back(v);
  return "?" + std::to_string(binds_.size());
}

namespace {
size_t Utf8Chars(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) n++;
  return n;
}

// MariaDB keeps at most 255 characters of an item name, in valid UTF-8
// (an invalid byte becomes '?').
std::string ItemName(std::string_view in) {
  std::string out;
  size_t chars = 0;
  for (size_t i = 0; i < in.size() && chars < 255; chars++) {
    unsigned char c = static_cast<unsigned char>(in[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    bool ok = len > 0 && i + len <= in.size();
    for (size_t k = 1; ok && k < len; k++) ok = (static_cast<unsigned char>(in[i + k]) & 0xC0) == 0x80;
    if (!ok) {
      out += '?';
      i++;
      continue;
    }
    out.append(in.substr(i, len));
    i += len;
  }
  return out;
}
}  // namespace

std::string SelectItemName(const Expr& e, std::string_view sql_text) {
  if (e.kind == ExprKind::kColumnRef) return e.name;
  // MySQL names a string literal column by its value.
  if (e.kind == ExprKind::kLiteral && e.literal_kind == LiteralKind::kString) return ItemName(e.value);
  return ItemName(e.span.In(sql_text));
}

// ---------------------------------------------------------------------------
// Queries

struct Translator::QueryOut {
  std::string sql;
  std::vector<OutputColumn> columns;
  std::vector<std::string> item_sql;  // translated select expressions (first block)
};

Result<TranslatedQuery> Translator::TranslateQuery(const QueryExpr& q) {
  QueryOut out;
  RETURN_IF_ERROR(TranslateQueryInto(q, nullptr, &out));
  TranslatedQuery tq;
  tq.sql = std::move(out.sql);
  tq.columns = std::move(out.columns);
  tq.binds = binds_;
  tq.has_into = q.into.kind != IntoClause::Kind::kNone;
  return tq;
}

Status Translator::TranslateLimit(const LimitClause& l, std::string* out) {
  auto one = [&](const Expr* e, std::string* s) -> Status {
    if (e->kind == ExprKind::kPlaceholder) {
      if (env_.params == nullptr || e->param_index >= env_.params->size())
        return Status::SqlError(1210, "HY000", "Incorrect arguments to EXECUTE");
      const Value& v = (*env_.params)[e->param_index];
      if (v.kind() == Value::Kind::kInt) *s = std::to_string(v.int_value());
      else if (v.kind() == Value::Kind::kUInt) *s = std::to_string(v.uint_value());
      else if (v.kind() == Value::Kind::kString) *s = std::to_string(strtoll(v.string_value().c_str(), nullptr, 10));
      else return Status::SqlError(1210, "HY000", "Incorrect arguments to LIMIT");
      return Status::Ok();
    }
    *s = e->value;
    return Status::Ok();
  };
  std::string count, offset;
  RETURN_IF_ERROR(one(l.count.get(), &count));
  *out += " LIMIT " + count;
  if (l.offset) {
    RETURN_IF_ERROR(one(l.offset.get(), &offset));
    *out += " OFFSET " + offset;
  }
  return Status::Ok();
}

Status Translator::TranslateQueryInto(const QueryExpr& q, const Scope* outer, QueryOut* out) {
  if (q.with) {
    return Status::SqlError(1235, "42000", "This version of MariaDB doesn't yet support 'WITH'");
  }
  switch (q.kind) {
    case QueryExpr::Kind::kSelect:
      return TranslateSelectCore(*q.select, &q, outer, out);
    case QueryExpr::Kind::kParenthesized: {
      QueryOut inner;
      RETURN_IF_ERROR(TranslateQueryInto(*q.left, outer, &inner));
      out->columns = std::move(inner.columns);
      out->item_sql = std::move(inner.item_sql);
      out->sql = "SELECT * FROM (" + inner.sql + ")";
      break;
    }
    default: {
      QueryOut l, r;
      RETURN_IF_ERROR(TranslateQueryInto(*q.left, outer, &l));
      RETURN_IF_ERROR(TranslateQueryInto(*q.right, outer, &r));
      if (l.columns.size() != r.columns.size())
        return Status::SqlError(1222, "21000",
                                "The used SELECT statements have a different number of columns");
      const char* op = q.kind == QueryExpr::Kind::kUnion ? " UNION " :
                       q.kind == QueryExpr::Kind::kIntersect ? " INTERSECT " : " EXCEPT ";
      auto wrap = [](const QueryExpr& side, const std::string& sql) {
        // SQLite forbids ORDER BY/LIMIT inside a compound member.
        if (side.kind == QueryExpr::Kind::kParenthesized || !side.order_by.empty() || side.limit)
          return "SELECT * FROM (" + sql + ")";
        return sql;
      };
      out->sql = wrap(*q.left, l.sql) + op + (q.all ? "ALL " : "") + wrap(*q.right, r.sql);
      out->columns = std::move(l.columns);
      // Result type: widen to string when the members disagree.
      for (size_t i = 0; i < out->columns.size(); i++) {
        ExprType& a = out->columns[i].type;
        const ExprType& b = r.columns[i].type;
        if (a.family != b.family) {
          if (a.IsNumeric() && b.IsNumeric()) {
            a.family = (a.family == ResultType::kDouble || b.family == ResultType::kDouble)
                           ? ResultType::kDouble : ResultType::kDecimal;
          } else {
            a.family = ResultType::kString;
          }
          a.column = nullptr;
          a.table = nullptr;
          out->columns[i].meta = MetaForType(a, out->columns[i].meta.name);
        }
        a.nullable = a.nullable || b.nullable;
      }
      break;
    }
  }
  if (q.kind != QueryExpr::Kind::kSelect) {
    // ORDER BY / LIMIT of a set operation or parenthesized query: by result
    // column name or position.
    if (!q.order_by.empty()) {
      std::string ob;
      for (const auto& item : q.order_by) {
        int pos = -1;
        if (item.expr->IsLiteral(LiteralKind::kInt)) {
          pos = atoi(item.expr->value.c_str());
        } else if (item.expr->kind == ExprKind::kColumnRef) {
          for (size_t i = 0; i < out->columns.size(); i++)
            if (IEquals(out->columns[i].meta.name, item.expr->name)) pos = static_cast<int>(i) + 1;
          if (pos < 0) return UnknownColumn(item.expr->name, "ORDER BY");
        } else {
          return Status::SqlError(1235, "42000",
                                  "This version of MariaDB doesn't yet support 'expressions in ORDER BY of UNION'");
        }
        if (pos < 1 || pos > static_cast<int>(out->columns.size()))
          return UnknownColumn(std::to_string(pos), "ORDER BY");
        ob += (ob.empty() ? " ORDER BY " : ", ") + std::to_string(pos) + (item.descending ? " DESC" : "");
      }
      out->sql += ob;
    }
    if (q.limit) RETURN_IF_ERROR(TranslateLimit(*q.limit, &out->sql));
  }
  return Status::Ok();
}

Status Translator::TranslateFrom(const TableRef& ref, Scope* scope, std::string* out) {
  switch (ref.kind) {
    case TableRef::Kind::kTable: {
      std::string db = ref.table.db.empty() ? env_.current_db : ref.table.db;
      if (db.empty())
        return Status::SqlError(1046, "3D000", "No database selected");
      auto def = env_.find_table(db, ref.table.name);
      if (!def)
        return Status::SqlError(1146, "42S02", "Table '" + db + "." + ref.table.name + "' doesn't exist");
      std::string alias = ref.alias.empty() ? ref.table.name : ref.alias;
      for (auto& t : scope->tables)
        if (t.alias == alias)
          return Status::SqlError(1066, "42000", "Not unique table/alias: '" + alias + "'");
      std::string sa = NewAlias();
      scope->tables.push_back(BaseTable(def, alias, sa));
      *out += Quote(SqliteTableName(def->db, def->name)) + " AS " + Quote(sa);
      return Status::Ok();
    }
    case TableRef::Kind::kDerived: {
      QueryOut inner;
      Scope* parent = const_cast<Scope*>(scope->parent());
      RETURN_IF_ERROR(TranslateQueryInto(*ref.subquery, parent, &inner));
      auto def = std::make_shared<TableDef>();
      def->name = ref.alias;
      ScopeTable t;
      t.alias = ref.alias;
      t.sqlite_alias = NewAlias();
      for (auto& c : inner.columns) {
        for (auto& existing : def->columns)
          if (IEquals(existing.name, c.meta.name))
            return Status::SqlError(1060, "42S21", "Duplicate column name '" + c.meta.name + "'");
        ColumnDef cd;
        cd.name = c.meta.name;
        def->columns.push_back(cd);
        t.derived_types.push_back(c.type);
      }
      t.def = def;
      scope->tables.push_back(t);
      *out += "(" + inner.sql + ") AS " + Quote(t.sqlite_alias);
      return Status::Ok();
    }
    case TableRef::Kind::kJoin: {
      std::string left, right;
      RETURN_IF_ERROR(TranslateFrom(*ref.left, scope, &left));
      size_t right_start = scope->tables.size();
      RETURN_IF_ERROR(TranslateFrom(*ref.right, scope, &right));
      size_t right_end = scope->tables.size();
      const char* jt = " JOIN ";
      switch (ref.join_type) {
        case JoinType::kComma: jt = " CROSS JOIN "; break;
        case JoinType::kInner: jt = " JOIN "; break;
        case JoinType::kLeft: jt = " LEFT JOIN "; break;
        case JoinType::kRight: jt = " RIGHT JOIN "; break;
        case JoinType::kStraight: jt = " CROSS JOIN "; break;
      }
      if (ref.join_type == JoinType::kLeft)
        for (size_t i = right_start; i < right_end; i++) scope->tables[i].nullable_side = true;
      if (ref.join_type == JoinType::kRight)
        for (size_t i = 0; i < right_start; i++) scope->tables[i].nullable_side = true;
      std::string cond;
      std::vector<std::string> using_cols = ref.using_columns;
      if (ref.natural) {
        // Columns common to both sides.
        for (size_t li = 0; li < right_start; li++) {
          if (!scope->tables[li].def) continue;
          for (auto& c : scope->tables[li].def->columns)
            for (size_t ri = right_start; ri < right_end; ri++)
              if (Scope::FindCol(scope->tables[ri], c.name) >= 0 &&
                  std::find_if(using_cols.begin(), using_cols.end(),
                               [&](auto& u) { return IEquals(u, c.name); }) == using_cols.end())
                using_cols.push_back(c.name);
        }
      }
      for (const auto& col : using_cols) {
        int lt = -1, rt = -1;
        for (size_t i = 0; i < right_start; i++)
          if (Scope::FindCol(scope->tables[i], col) >= 0 && !scope->IsHidden(i, col)) lt = static_cast<int>(i);
        for (size_t i = right_start; i < right_end; i++)
          if (Scope::FindCol(scope->tables[i], col) >= 0) rt = static_cast<int>(i);
        if (lt < 0 || rt < 0) return UnknownColumn(col, "FROM");
        cond += (cond.empty() ? "" : " AND ") + Quote(scope->tables[lt].sqlite_alias) + "." + Quote(col) +
                " = " + Quote(scope->tables[rt].sqlite_alias) + "." + Quote(col);
        size_t hide = ref.join_type == JoinType::kRight ? static_cast<size_t>(lt) : static_cast<size_t>(rt);
        scope->hidden.emplace_back(hide, col);
      }
      if (ref.on) {
        ExprType t;
        const char* saved = clause_;
        clause_ = "ON";
        auto on = Expr_(*ref.on, scope, &t);
        clause_ = saved;
        if (!on.ok()) return on.status();
        cond += (cond.empty() ? "" : " AND ") + ("(" + *on + ")");
      }
      std::string rhs = ref.right->kind == TableRef::Kind::kJoin ? "(" + right + ")" : right;
      *out += left + jt + rhs;
      if (!cond.empty()) {
        if (ref.join_type == JoinType::kComma || ref.join_type == JoinType::kStraight)
          *out = *out;  // cross join with condition: fold into ON as well
        *out += " ON " + cond;
      }
      return Status::Ok();
    }
  }
  return Status::Ok();
}

Status Translator::TranslateOrderBy(const std::vector<OrderItem>& items, Scope* scope,
                                    const std::vector<std::string>* select_exprs,
                                    const std::vector<OutputColumn>* select_cols, std::string* out) {
  for (const auto& item : items) {
    std::string term;
    if (item.expr->IsLiteral(LiteralKind::kInt) && select_exprs != nullptr) {
      int pos = atoi(item.expr->value.c_str());
      if (pos < 1 || pos > static_cast<int>(select_exprs->size()))
        return UnknownColumn(item.expr->value, clause_);
      term = (*select_exprs)[pos - 1];
    } else {
      ExprType t;
      ASSIGN_OR_RETURN(term, Expr_(*item.expr, scope, &t));
      // MySQL orders strings by their collation; column refs carry it.
    }
    *out += (out->empty() ? "" : ", ") + term + (item.descending ? " DESC" : "");
  }
  return Status::Ok();
}

namespace {
bool ContainsAggregate(const Expr& e) {
  if (e.kind == ExprKind::kFunction) {
    const FunctionInfo* fi = LookupFunction(e.name);
    if (fi != nullptr && (fi->flags & kFnAggregate)) return true;
  }
  for (auto& a : e.args)
    if (a && ContainsAggregate(*a)) return true;
  if (e.case_operand && ContainsAggregate(*e.case_operand)) return true;
  for (auto& w : e.whens)
    if (ContainsAggregate(*w.when) || ContainsAggregate(*w.then)) return true;
  if (e.else_expr && ContainsAggregate(*e.else_expr)) return true;
  return false;
}
}  // namespace

Status Translator::TranslateSelectCore(const SelectCore& s, const QueryExpr* q, const Scope* outer,
                                       QueryOut* out) {
  Scope scope(outer);
  std::string from;
  for (size_t i = 0; i < s.from.size(); i++) {
    if (i > 0) from += " CROSS JOIN ";
    std::string part;
    RETURN_IF_ERROR(TranslateFrom(*s.from[i], &scope, &part));
    from += s.from[i]->kind == TableRef::Kind::kJoin && s.from.size() > 1 ? "(" + part + ")" : part;
  }

  // Select list.
  std::vector<std::string> item_sql;
  std::vector<std::string> names;
  std::vector<ExprType> types;
  clause_ = "SELECT";
  bool has_aggregate = false;
  for (const auto& item : s.items) {
    const Expr& e = *item.expr;
    if (e.kind == ExprKind::kStar) {
      bool any = false;
      for (size_t ti = 0; ti < scope.tables.size(); ti++) {
        const ScopeTable& t = scope.tables[ti];
        if (!e.table.empty() && t.alias != e.table) continue;
        if (!e.db.empty() && t.db != e.db) continue;
        any = true;
        for (size_t ci = 0; ci < t.def->columns.size(); ci++) {
          const ColumnDef& c = t.def->columns[ci];
          if (e.table.empty() && scope.IsHidden(ti, c.name)) continue;
          item_sql.push_back(Quote(t.sqlite_alias) + "." + Quote(c.name));
          names.push_back(c.name);
          ExprType ty;
          if (!t.derived_types.empty()) {
            ty = t.derived_types[ci];
          } else {
            ty = TypeOfColumn(c);
            ty.table = t.def;
          }
          if (t.nullable_side) ty.nullable = true;
          types.push_back(ty);
        }
      }
      if (!any) {
        if (e.table.empty())
          return Status::SqlError(1096, "HY000", "No tables used");
        return Status::SqlError(1051, "42S02", "Unknown table '" + e.table + "'");
      }
      continue;
    }
    ExprType t;
    ASSIGN_OR_RETURN(std::string sql, Expr_(e, &scope, &t));
    has_aggregate |= ContainsAggregate(e);
    item_sql.push_back(std::move(sql));
    names.push_back(item.has_alias ? item.alias : SelectItemName(e, sql_text_));
    types.push_back(t);
  }

  std::string sql = "SELECT ";
  if (s.distinct) sql += "DISTINCT ";
  for (size_t i = 0; i < item_sql.size(); i++) {
    if (i > 0) sql += ", ";
    sql += item_sql[i] + " AS " + Quote(names[i]);
  }
  if (!from.empty()) sql += " FROM " + from;

  if (s.where) {
    clause_ = "WHERE";
    ExprType t;
    ASSIGN_OR_RETURN(std::string w, Expr_(*s.where, &scope, &t));
    sql += " WHERE " + w;
  }

  // GROUP BY / HAVING / ORDER BY may name select-list aliases.
  scope.alias_names = &names;
  scope.alias_sql = &item_sql;
  scope.alias_types = &types;
  scope.allow_aliases = true;

  if (!s.group_by.empty()) {
    if (s.with_rollup)
      return Status::SqlError(1235, "42000", "This version of MariaDB doesn't yet support 'WITH ROLLUP'");
    clause_ = "GROUP BY";
    std::string gb;
    std::vector<OrderItem> plain;
    RETURN_IF_ERROR(TranslateOrderBy(s.group_by, &scope, &item_sql, nullptr, &gb));
    // GROUP BY x DESC is an ordering in MariaDB; SQLite rejects DESC there.
    std::string gb_plain;
    for (const auto& g : s.group_by) {
      std::string term;
      if (g.expr->IsLiteral(LiteralKind::kInt)) {
        int pos = atoi(g.expr->value.c_str());
        term = item_sql[pos - 1];
      } else {
        ExprType t;
        ASSIGN_OR_RETURN(term, Expr_(*g.expr, &scope, &t));
      }
      gb_plain += (gb_plain.empty() ? "" : ", ") + term;
    }
    sql += " GROUP BY " + gb_plain;
    // MySQL (before 8.0) sorts by the GROUP BY columns when no ORDER BY.
    if ((q == nullptr || q->order_by.empty())) sql += " ORDER BY " + gb;
  }
  if (s.having) {
    clause_ = "HAVING";
    ExprType t;
    scope.aggregate_context = true;
    ASSIGN_OR_RETURN(std::string h, Expr_(*s.having, &scope, &t));
    sql += " HAVING " + h;
  }
  if (q != nullptr && !q->order_by.empty()) {
    if (!s.group_by.empty()) {
      // Replace the implicit GROUP BY ordering.
      auto pos = sql.rfind(" ORDER BY ");
      if (pos != std::string::npos) sql.erase(pos);
    }
    clause_ = "ORDER BY";
    std::string ob;
    RETURN_IF_ERROR(TranslateOrderBy(q->order_by, &scope, &item_sql, nullptr, &ob));
    sql += " ORDER BY " + ob;
  }
  if (q != nullptr && q->limit) RETURN_IF_ERROR(TranslateLimit(*q->limit, &sql));

  out->sql = std::move(sql);
  out->item_sql = item_sql;
  out->columns.clear();
  for (size_t i = 0; i < names.size(); i++) {
    OutputColumn oc;
    oc.type = types[i];
    if (has_aggregate && s.group_by.empty() && oc.type.column != nullptr) oc.type.nullable = true;
    oc.meta = MetaForType(oc.type, names[i]);
    if (oc.type.column != nullptr) {
      // table alias as the query named it
      for (auto& t : scope.tables)
        if (t.def == oc.type.table) oc.meta.table = t.alias;
    }
    out->columns.push_back(std::move(oc));
  }
  (void)has_aggregate;
  return Status::Ok();
}

// ---------------------------------------------------------------------------
// Expressions

Result<std::string> Translator::TranslateExpr(const Expr& e, const std::vector<ScopeTable>& tables,
                                              const char* clause, ExprType* type) {
  Scope scope(nullptr);
  scope.tables = tables;
  clause_ = clause;
  return Expr_(e, &scope, type);
}

Result<std::string> Translator::ColumnRef(const Expr& e, Scope* scope, ExprType* type) {
  std::string full = e.table.empty() ? e.name : (e.db.empty() ? "" : e.db + ".") + e.table + "." + e.name;
  for (const Scope* s = scope; s != nullptr; s = s->parent()) {
    int found_t = -1, found_c = -1;
    for (size_t ti = 0; ti < s->tables.size(); ti++) {
      const ScopeTable& t = s->tables[ti];
      if (!e.table.empty()) {
        if (t.alias != e.table) continue;
        if (!e.db.empty() && t.db != e.db) continue;
      } else if (s->IsHidden(ti, e.name)) {
        continue;
      }
      int ci = Scope::FindCol(t, e.name);
      if (ci < 0) continue;
      if (found_t >= 0) {
        return Status::SqlError(1052, "23000",
                                "Column '" + e.name + "' in " + std::string(clause_) + " is ambiguous");
      }
      found_t = static_cast<int>(ti);
      found_c = ci;
    }
    if (found_t >= 0) {
      const ScopeTable& t = s->tables[found_t];
      if (!t.derived_types.empty()) {
        *type = t.derived_types[found_c];
      } else {
        *type = TypeOfColumn(t.def->columns[found_c]);
        type->table = t.def;
      }
      if (t.nullable_side) type->nullable = true;
      return Quote(t.sqlite_alias) + "." + Quote(t.def->columns[found_c].name);
    }
    // Select-list aliases (GROUP BY / HAVING / ORDER BY).
    if (e.table.empty() && s->allow_aliases && s->alias_names != nullptr) {
      for (size_t i = 0; i < s->alias_names->size(); i++) {
        if (IEquals((*s->alias_names)[i], e.name)) {
          *type = (*s->alias_types)[i];
          return "(" + (*s->alias_sql)[i] + ")";
        }
      }
    }
  }
  return UnknownColumn(full, clause_);
}

Result<std::string> Translator::Literal(const Expr& e, ExprType* type) {
  type->is_literal = true;
  type->nullable = false;
  switch (e.literal_kind) {
    case LiteralKind::kNull:
      type->family = ResultType::kNull;
      type->nullable = true;
      type->is_null_literal = true;
      return std::string("NULL");
    case LiteralKind::kInt: {
      errno = 0;
      char* end = nullptr;
      unsigned long long u = strtoull(e.value.c_str(), &end, 10);
      if (errno == ERANGE) {
        type->family = ResultType::kDecimal;
        type->decimals = 0;
        return QuoteStr(e.value);
      }
      if (u > static_cast<unsigned long long>(INT64_MAX)) {
        type->family = ResultType::kUnsigned;
        type->decimals = 0;
        return QuoteStr(e.value);
      }
      type->family = ResultType::kInt;
      type->decimals = 0;
      type->max_len = static_cast<int64_t>(e.value.size());
      return e.value;
    }
    case LiteralKind::kDecimal: {
      type->family = ResultType::kDecimal;
      auto dot = e.value.find('.');
      type->decimals = dot == std::string::npos ? 0 : static_cast<int>(e.value.size() - dot - 1);
      {
        // precision + point + sign, as MariaDB's decimal literal max_length.
        int digits = 0;
        bool lead = true;
        for (char c : e.value) {
          if (c == '.') continue;
          if (lead && c == '0') continue;
          lead = false;
          digits++;
        }
        digits = std::max(digits, type->decimals + 1);
        type->max_len = digits + (type->decimals > 0 ? 1 : 0) + 1;
      }
      std::string v = e.value;
      if (!v.empty() && v[0] == '.') v = "0" + v;
      if (!v.empty() && v.back() == '.') v += "0";
      return v;  // SQLite REAL literal; exact arithmetic uses decimal variants
    }
    case LiteralKind::kFloat:
      type->family = ResultType::kDouble;
      return e.value;
    case LiteralKind::kString:
      if (e.charset == "binary") {
        type->family = ResultType::kBinary;
        return HexBlob(e.value);
      }
      type->family = ResultType::kString;
      type->max_len = static_cast<int64_t>(Utf8Chars(e.value));
      // Bound, not inlined: any bytes (NUL, invalid UTF-8, 16 MiB+) pass
      // through, and the SQL text stays the same for the statement cache.
      return Bind(Value::String(e.value));
    case LiteralKind::kHex:
    case LiteralKind::kBit:
      type->family = ResultType::kBinary;
      return HexBlob(e.value);
    case LiteralKind::kBool:
      type->family = ResultType::kInt;
      type->decimals = 0;
      return std::string(e.bool_value ? "1" : "0");
    case LiteralKind::kDate:
      type->family = ResultType::kDate;
      return "rdb_cast_date(" + QuoteStr(e.value) + ")";
    case LiteralKind::kTime:
      type->family = ResultType::kTime;
      return "rdb_cast_time(" + QuoteStr(e.value) + ")";
    case LiteralKind::kTimestamp:
      type->family = ResultType::kDatetime;
      return "rdb_cast_datetime(" + QuoteStr(e.value) + ")";
  }
  return std::string("NULL");
}

namespace {

// MySQL's result type of arithmetic on `a` and `b`.
ExprType ArithType(const ExprType& a, const ExprType& b, BinaryOp op) {
  ExprType t;
  auto exact = [](const ExprType& x) { return x.IsExact() || x.family == ResultType::kNull; };
  if (a.family == ResultType::kDouble || b.family == ResultType::kDouble || a.IsStringy() ||
      b.IsStringy() || a.family == ResultType::kDate || a.family == ResultType::kDatetime ||
      b.family == ResultType::kDate || b.family == ResultType::kDatetime ||
      a.family == ResultType::kTime || b.family == ResultType::kTime) {
    t.family = ResultType::kDouble;
  } else if (a.family == ResultType::kDecimal || b.family == ResultType::kDecimal) {
    t.family = ResultType::kDecimal;
    int da = std::max(a.decimals, 0), db = std::max(b.decimals, 0);
    t.decimals = op == BinaryOp::kMul ? std::min(da + db, 38) : std::max(da, db);
  } else if (exact(a) && exact(b)) {
    t.family = (a.family == ResultType::kUnsigned || b.family == ResultType::kUnsigned) &&
                       op != BinaryOp::kSub
                   ? ResultType::kUnsigned
                   : ResultType::kInt;
    t.decimals = 0;
  } else {
    t.family = ResultType::kDouble;
  }
  t.nullable = a.nullable || b.nullable;
  return t;
}

bool IsComparison(BinaryOp op) {
  return op == BinaryOp::kEq || op == BinaryOp::kNullSafeEq || op == BinaryOp::kNe ||
         op == BinaryOp::kLt || op == BinaryOp::kLe || op == BinaryOp::kGt || op == BinaryOp::kGe;
}

}  // namespace

Result<std::string> Translator::Binary(const Expr& e, Scope* scope, ExprType* type) {
  BinaryOp op = e.binary_op;
  // Date arithmetic: d + INTERVAL n unit, INTERVAL n unit + d, d - INTERVAL n unit.
  const Expr* iv = nullptr;
  const Expr* base = nullptr;
  if (e.args[1]->kind == ExprKind::kInterval && (op == BinaryOp::kAdd || op == BinaryOp::kSub)) {
    iv = e.args[1].get();
    base = e.args[0].get();
  } else if (e.args[0]->kind == ExprKind::kInterval && op == BinaryOp::kAdd) {
    iv = e.args[0].get();
    base = e.args[1].get();
  }
  if (iv != nullptr) {
    ExprType bt, it;
    ASSIGN_OR_RETURN(std::string b, Expr_(*base, scope, &bt));
    ASSIGN_OR_RETURN(std::string n, Expr_(*iv->args[0], scope, &it));
    std::string unit(IntervalUnitName(iv->interval_unit));
    type->family = bt.family == ResultType::kDate &&
                           (iv->interval_unit == IntervalUnit::kDay || iv->interval_unit == IntervalUnit::kWeek ||
                            iv->interval_unit == IntervalUnit::kMonth || iv->interval_unit == IntervalUnit::kQuarter ||
                            iv->interval_unit == IntervalUnit::kYear || iv->interval_unit == IntervalUnit::kYearMonth)
                       ? ResultType::kDate
                       : (bt.family == ResultType::kTime ? ResultType::kTime
                          : (bt.IsStringy() ? ResultType::kString : ResultType::kDatetime));
    type->decimals = bt.decimals;
    const char* fn = op == BinaryOp::kSub ? "rdb_date_sub" : "rdb_date_add";
    return std::string(fn) + "(" + b + ", " + n + ", " + QuoteStr(unit) + ")";
  }

  ExprType lt, rt;
  ASSIGN_OR_RETURN(std::string l, Expr_(*e.args[0], scope, &lt));
  ASSIGN_OR_RETURN(std::string r, Expr_(*e.args[1], scope, &rt));
  type->nullable = lt.nullable || rt.nullable;

  if (IsComparison(op)) {
    type->family = ResultType::kInt;
    type->decimals = 0;
    const char* sop = "=";
    switch (op) {
      case BinaryOp::kEq: sop = "="; break;
      case BinaryOp::kNullSafeEq: sop = "IS"; type->nullable = false; break;
      case BinaryOp::kNe: sop = "<>"; break;
      case BinaryOp::kLt: sop = "<"; break;
      case BinaryOp::kLe: sop = "<="; break;
      case BinaryOp::kGt: sop = ">"; break;
      case BinaryOp::kGe: sop = ">="; break;
      default: break;
    }
    // Row comparison (a,b) = (c,d): SQLite supports row values.
    // MySQL compares strings case-insensitively (utf8mb4_general_ci) unless a
    // binary string is involved; column references carry their collation.
    bool l_str = lt.family == ResultType::kString || lt.family == ResultType::kJson;
    bool r_str = rt.family == ResultType::kString || rt.family == ResultType::kJson;
    if (l_str && r_str && lt.column == nullptr && rt.column == nullptr) {
      l = "(" + l + ") COLLATE rdb_ci";
    }
    // Number vs string without a column to give affinity: compare as numbers.
    if (lt.IsNumeric() && rt.family == ResultType::kString && rt.column == nullptr)
      r = "rdb_cast_double(" + r + ")";
    if (rt.IsNumeric() && lt.family == ResultType::kString && lt.column == nullptr)
      l = "rdb_cast_double(" + l + ")";
    // DECIMAL / BIGINT UNSIGNED columns are text with the rdb_num collation:
    // comparing them with a number must not switch to numeric affinity
    // (which loses precision) — give the literal text form instead.
    return "(" + l + " " + sop + " " + r + ")";
  }

  switch (op) {
    case BinaryOp::kAnd:
      type->family = ResultType::kInt;
      return "(" + l + " AND " + r + ")";
    case BinaryOp::kOr:
      type->family = ResultType::kInt;
      return "(" + l + " OR " + r + ")";
    case BinaryOp::kXor:
      type->family = ResultType::kInt;
      return "((" + l + ") <> 0) <> ((" + r + ") <> 0)";
    case BinaryOp::kConcat:
      type->family = ResultType::kString;
      return "rdb_concat(" + l + ", " + r + ")";
    default:
      break;
  }

  static const struct {
    BinaryOp op;
    const char* name;
  } kOps[] = {
      {BinaryOp::kAdd, "+"}, {BinaryOp::kSub, "-"}, {BinaryOp::kMul, "*"}, {BinaryOp::kDiv, "/"},
      {BinaryOp::kIntDiv, "DIV"}, {BinaryOp::kMod, "MOD"}, {BinaryOp::kBitOr, "|"},
      {BinaryOp::kBitAnd, "&"}, {BinaryOp::kBitXor, "^"}, {BinaryOp::kShiftLeft, "<<"},
      {BinaryOp::kShiftRight, ">>"},
  };
  const char* name = nullptr;
  for (auto& o : kOps)
    if (o.op == op) name = o.name;
  const FunctionInfo* fi = name != nullptr ? LookupFunction(name) : nullptr;

  // Result type.
  if (op == BinaryOp::kDiv) {
    if (lt.IsExact() && rt.IsExact()) {
      type->family = ResultType::kDecimal;
      type->decimals = std::min(std::max(lt.decimals, 0) + env_.div_precision_increment, 38);
    } else {
      type->family = ResultType::kDouble;
    }
    type->nullable = true;
  } else if (op == BinaryOp::kIntDiv) {
    type->family = ResultType::kInt;
    type->decimals = 0;
    type->nullable = true;
  } else if (op == BinaryOp::kBitOr || op == BinaryOp::kBitAnd || op == BinaryOp::kBitXor ||
             op == BinaryOp::kShiftLeft || op == BinaryOp::kShiftRight) {
    type->family = ResultType::kUnsigned;
    type->decimals = 0;
  } else {
    bool nullable = type->nullable;
    *type = ArithType(lt, rt, op);
    type->nullable = nullable || op == BinaryOp::kMod;
  }

  if (fi != nullptr) {
    bool use_dec = !fi->decimal_variant.empty() &&
                   (lt.family == ResultType::kDecimal || rt.family == ResultType::kDecimal ||
                    lt.family == ResultType::kUnsigned || rt.family == ResultType::kUnsigned);
    std::string_view fn = use_dec ? fi->decimal_variant : fi->sqlite_name;
    if (!use_dec && (fi->flags & kFnOperator) && (fi->flags & kFnSqliteBuiltin))
      return "(" + l + " " + std::string(fn) + " " + r + ")";
    if (op == BinaryOp::kDiv && !use_dec && type->family == ResultType::kDecimal) {
      return std::string(fn) + "(" + l + ", " + r + ")";
    }
    return std::string(fn) + "(" + l + ", " + r + ")";
  }
  // Fallback: SQLite's operator.
  std::string sop = name != nullptr ? name : "+";
  if (op == BinaryOp::kMod) sop = "%";
  return "(" + l + " " + sop + " " + r + ")";
}

Result<std::string> Translator::Cast(const Expr& e, Scope* scope, ExprType* type) {
  ExprType at;
  ASSIGN_OR_RETURN(std::string a, Expr_(*e.args[0], scope, &at));
  const CastType& c = e.cast_type;
  type->nullable = true;
  switch (c.kind) {
    case CastType::Kind::kSigned:
      type->family = ResultType::kInt;
      type->decimals = 0;
      return "rdb_cast_signed(" + a + ")";
    case CastType::Kind::kUnsigned:
      type->family = ResultType::kUnsigned;
      type->decimals = 0;
      return "rdb_cast_unsigned(" + a + ")";
    case CastType::Kind::kDecimal: {
      int p = c.length < 0 ? 10 : c.length, s = c.decimals < 0 ? 0 : c.decimals;
      type->family = ResultType::kDecimal;
      type->decimals = s;
      return "rdb_cast_decimal(" + a + ", " + std::to_string(p) + ", " + std::to_string(s) + ")";
    }
    case CastType::Kind::kDouble:
    case CastType::Kind::kFloat:
      type->family = ResultType::kDouble;
      return "rdb_cast_double(" + a + ")";
    case CastType::Kind::kChar:
      type->family = ResultType::kString;
      if (c.length >= 0) return "rdb_cast_char(" + a + ", " + std::to_string(c.length) + ")";
      return "rdb_cast_char(" + a + ")";
    case CastType::Kind::kBinary:
      type->family = ResultType::kBinary;
      if (c.length >= 0) return "rdb_cast_binary(" + a + ", " + std::to_string(c.length) + ")";
      return "rdb_cast_binary(" + a + ")";
    case CastType::Kind::kDate:
      type->family = ResultType::kDate;
      return "rdb_cast_date(" + a + ")";
    case CastType::Kind::kDatetime:
      type->family = ResultType::kDatetime;
      type->decimals = c.decimals < 0 ? 0 : c.decimals;
      return "rdb_cast_datetime(" + a + ", " + std::to_string(type->decimals) + ")";
    case CastType::Kind::kTime:
      type->family = ResultType::kTime;
      type->decimals = c.decimals < 0 ? 0 : c.decimals;
      return "rdb_cast_time(" + a + ", " + std::to_string(type->decimals) + ")";
  }
  return a;
}

Result<std::string> Translator::Subquery(const QueryExpr& q, Scope* scope, ExprType* type) {
  QueryOut inner;
  const char* saved = clause_;
  RETURN_IF_ERROR(TranslateQueryInto(q, scope, &inner));
  clause_ = saved;
  if (type != nullptr) {
    if (inner.columns.size() != 1)
      return Status::SqlError(1241, "21000", "Operand should contain 1 column(s)");
    *type = inner.columns[0].type;
    type->column = nullptr;
    type->table = nullptr;
    type->nullable = true;
  }
  return "(" + inner.sql + ")";
}

Result<std::string> Translator::Function(const Expr& e, Scope* scope, ExprType* type) {
  const std::string& name = e.name;
  // Forms with their own syntax.
  if (name == "values") {
    if (e.args.size() != 1 || e.args[0]->kind != ExprKind::kColumnRef || !values_func)
      return Status::SqlError(1064, "42000", "VALUES() is only allowed in ON DUPLICATE KEY UPDATE");
    ASSIGN_OR_RETURN(std::string ignored, ColumnRef(*e.args[0], scope, type));
    (void)ignored;
    std::string v = values_func(e.args[0]->name);
    if (v.empty()) return UnknownColumn(e.args[0]->name, "SELECT");
    return v;
  }
  if (!e.qualifier.empty())
    return Status::SqlError(1305, "42000", "FUNCTION " + e.qualifier + "." + name + " does not exist");
  const FunctionInfo* fi = LookupFunction(name);
  if (fi == nullptr)
    return Status::SqlError(1305, "42000", "FUNCTION " + (env_.current_db.empty() ? "" : env_.current_db + ".") +
                                               name + " does not exist");
  int nargs = static_cast<int>(e.args.size());
  if (!e.star_arg && (nargs < fi->min_args || (fi->max_args >= 0 && nargs > fi->max_args)))
    return Status::SqlError(1582, "42000",
                            "Incorrect parameter count in the call to native function '" + Upper(name) + "'");

  std::vector<std::string> args;
  std::vector<ExprType> types;
  for (const auto& a : e.args) {
    ExprType t;
    if (a->kind == ExprKind::kInterval) {
      // DATE_ADD(d, INTERVAL n unit) → (d, n, 'UNIT')
      ASSIGN_OR_RETURN(std::string n, Expr_(*a->args[0], scope, &t));
      args.push_back(n);
      types.push_back(t);
      args.push_back(QuoteStr(std::string(IntervalUnitName(a->interval_unit))));
      types.push_back(Family(ResultType::kString));
      continue;
    }
    ASSIGN_OR_RETURN(std::string s, Expr_(*a, scope, &t));
    args.push_back(std::move(s));
    types.push_back(t);
  }

  // Result type.
  ExprType rt = Family(fi->type, fi->decimals);
  auto arg_type = [&](int i) -> ExprType {
    return i < static_cast<int>(types.size()) ? types[i] : Family(ResultType::kNull);
  };
  switch (fi->rule) {
    case TypeRule::kFixed:
      break;
    case TypeRule::kSameAsArg:
      rt = arg_type(fi->rule_arg);
      rt.column = nullptr;
      rt.table = nullptr;
      break;
    case TypeRule::kCommonOfArgs: {
      bool first = true;
      for (size_t i = fi->rule_arg; i < types.size(); i++) {
        const ExprType& t = types[i];
        if (t.family == ResultType::kNull) continue;
        if (first) {
          rt = t;
          rt.column = nullptr;
          rt.table = nullptr;
          first = false;
          continue;
        }
        if (rt.family == t.family) {
          rt.decimals = std::max(rt.decimals, t.decimals);
        } else if (rt.IsNumeric() && t.IsNumeric()) {
          if (rt.family == ResultType::kDouble || t.family == ResultType::kDouble) rt.family = ResultType::kDouble;
          else { rt.family = ResultType::kDecimal; rt.decimals = std::max(std::max(rt.decimals, t.decimals), 0); }
        } else {
          rt.family = ResultType::kString;
        }
      }
      if (first) rt = Family(ResultType::kNull);
      break;
    }
    case TypeRule::kArithmetic:
      rt = ArithType(arg_type(0), arg_type(1), BinaryOp::kAdd);
      break;
    case TypeRule::kDivision:
      if (arg_type(0).IsExact() && arg_type(1).IsExact()) {
        rt = Family(ResultType::kDecimal, std::max(arg_type(0).decimals, 0) + env_.div_precision_increment);
      } else {
        rt = Family(ResultType::kDouble);
      }
      break;
    case TypeRule::kRound: {
      ExprType a = arg_type(0);
      int d = 0;
      if (e.args.size() > 1 && e.args[1]->IsLiteral(LiteralKind::kInt)) d = std::min(atoi(e.args[1]->value.c_str()), 38);
      if (a.family == ResultType::kInt || a.family == ResultType::kUnsigned) {
        rt = Family(a.family, 0);
      } else if (a.family == ResultType::kDecimal) {
        rt = Family(ResultType::kDecimal, std::max(d, 0));
      } else {
        rt = Family(ResultType::kDouble, e.args.size() > 1 ? std::max(d, 0) : 0);
      }
      break;
    }
    case TypeRule::kIntIfExact:
      rt = arg_type(0).family == ResultType::kDouble || arg_type(0).IsStringy() ? Family(ResultType::kDouble)
                                                                                : Family(ResultType::kInt, 0);
      break;
    case TypeRule::kAvg:
      rt = arg_type(0).IsExact() ? Family(ResultType::kDecimal, std::max(arg_type(0).decimals, 0) + 4)
                                 : Family(ResultType::kDouble);
      break;
    case TypeRule::kSum:
      rt = arg_type(0).IsExact() ? Family(ResultType::kDecimal, std::max(arg_type(0).decimals, 0))
                                 : Family(ResultType::kDouble);
      break;
    case TypeRule::kTemporalAdd: {
      ExprType a = arg_type(0);
      rt = Family(a.family == ResultType::kDate || a.family == ResultType::kTime ? a.family
                  : a.family == ResultType::kDatetime ? ResultType::kDatetime : ResultType::kString,
                  a.decimals);
      break;
    }
    case TypeRule::kAddTime: {
      ExprType a = arg_type(0);
      rt = Family(a.family == ResultType::kTime ? ResultType::kTime
                  : (a.family == ResultType::kDate || a.family == ResultType::kDatetime) ? ResultType::kDatetime
                  : ResultType::kString);
      break;
    }
    case TypeRule::kStrToDate:
      rt = Family(ResultType::kDatetime);
      if (e.args.size() > 1 && e.args[1]->IsLiteral(LiteralKind::kString)) {
        const std::string& f = e.args[1]->value;
        bool date = false, time = false;
        for (size_t i = 0; i + 1 < f.size(); i++) {
          if (f[i] != '%') continue;
          char c = f[++i];
          if (strchr("aDdeMmbcjUuVvWwXxYy", c)) date = true;
          if (strchr("fHhIiklprSsT", c)) time = true;
        }
        rt = Family(date && time ? ResultType::kDatetime : date ? ResultType::kDate : ResultType::kTime,
                    f.find("%f") != std::string::npos ? 6 : 0);
      }
      break;
    case TypeRule::kFspArg:
      rt.decimals = (!e.args.empty() && e.args[0]->IsLiteral(LiteralKind::kInt)) ? atoi(e.args[0]->value.c_str()) : 0;
      break;
    case TypeRule::kVariance:
      rt = Family(ResultType::kDouble, arg_type(0).IsExact() ? std::max(arg_type(0).decimals, 0) + 4 : -1);
      break;
    case TypeRule::kCast:
      break;
  }
  rt.nullable = true;
  if (rt.family == ResultType::kString || rt.family == ResultType::kBinary) {
    int64_t sum = 0, mx = -1;
    bool known = true;
    for (const auto& t : types) {
      int64_t l = t.max_len;
      if (l < 0 && t.column != nullptr) l = static_cast<int64_t>(CharacterMaxLength(t.column->type));
      if (l < 0 && t.IsNumeric()) l = 21;
      if (l < 0) known = false;
      sum += std::max<int64_t>(l, 0);
      mx = std::max(mx, l);
    }
    if (name == "hex" && known && !types.empty()) {
      // HEX works on the argument's bytes (4 per character of a column).
      const ExprType& a = types[0];
      rt.max_len = a.IsNumeric() ? 16 : 2 * (a.column != nullptr ? 4 * mx : mx);
    }
    else if ((name == "concat" || name == "concat_ws") && known) rt.max_len = sum;
    else if (name == "database" || name == "schema") rt.max_len = 64;
    else if (name == "user" || name == "current_user" || name == "session_user" || name == "system_user")
      rt.max_len = 385;
    else if (name == "version") rt.max_len = 64;
    else if (known && mx >= 0) rt.max_len = mx;
  }
  *type = rt;

  bool use_dec = false;
  if (!fi->decimal_variant.empty())
    for (auto& t : types)
      if (t.family == ResultType::kDecimal || t.family == ResultType::kUnsigned) use_dec = true;
  std::string fn(use_dec ? fi->decimal_variant : fi->sqlite_name);

  // Special argument shapes.
  if (e.star_arg) return fn + "(*)";
  std::string out = fn + "(";
  if (e.distinct) out += "DISTINCT ";
  std::vector<std::string> final_args = args;
  if (name == "trim") {
    // args = [str] or [str, remstr]; emit rdb_trim(str, remstr|NULL, side).
    int side = e.trim_side == TrimSide::kLeading ? 1 : e.trim_side == TrimSide::kTrailing ? 2 : 0;
    final_args = {args[0], args.size() > 1 ? args[1] : "NULL", std::to_string(side)};
  }
  if (e.interval_unit != IntervalUnit::kNone && name != "date_add" && name != "date_sub" &&
      name != "adddate" && name != "subdate") {
    final_args.insert(final_args.begin(), QuoteStr(std::string(IntervalUnitName(e.interval_unit))));
  }
  if (name == "group_concat") {
    // rdb_group_concat(value, separator, sort keys...) — multi-argument
    // values are concatenated first as MySQL does.
    std::string value = args.size() == 1 ? args[0] : "rdb_concat(" + [&] {
      std::string s;
      for (size_t i = 0; i < args.size(); i++) s += (i ? ", " : "") + args[i];
      return s;
    }() + ")";
    final_args = {value, QuoteStr(e.separator.value_or(","))};
    for (const auto& ob : e.order_by) {
      ExprType t;
      std::string k;
      if (ob.expr->IsLiteral(LiteralKind::kInt)) {
        int pos = atoi(ob.expr->value.c_str());
        if (pos < 1 || pos > static_cast<int>(args.size())) return UnknownColumn(ob.expr->value, "ORDER BY");
        k = args[pos - 1];
      } else {
        ASSIGN_OR_RETURN(k, Expr_(*ob.expr, scope, &t));
      }
      final_args.push_back(k);
      final_args.push_back(ob.descending ? "1" : "0");
    }
  }
  for (size_t i = 0; i < final_args.size(); i++) out += (i ? ", " : "") + final_args[i];
  out += ")";
  return out;
}

Result<std::string> Translator::Expr_(const Expr& e, Scope* scope, ExprType* type) {
  *type = ExprType();
  switch (e.kind) {
    case ExprKind::kLiteral:
      return Literal(e, type);
    case ExprKind::kColumnRef:
      return ColumnRef(e, scope, type);
    case ExprKind::kStar:
      return Status::SqlError(1064, "42000", "You have an error in your SQL syntax near '*'");
    case ExprKind::kUserVar:
      type->family = ResultType::kString;
      return "rdb_get_user_var(" + QuoteStr(e.name) + ")";
    case ExprKind::kAssign: {
      ExprType t;
      ASSIGN_OR_RETURN(std::string v, Expr_(*e.args[0], scope, &t));
      *type = t;
      type->column = nullptr;
      type->table = nullptr;
      return "rdb_set_user_var(" + QuoteStr(e.name) + ", " + v + ")";
    }
    case ExprKind::kSysVar: {
      if (!env_.sysvar) return Status::SqlError(1193, "HY000", "Unknown system variable '" + e.name + "'");
      ASSIGN_OR_RETURN(Value v, env_.sysvar(e.name, e.var_scope));
      type->nullable = true;
      type->max_len = static_cast<int64_t>(Utf8Chars(v.ToText()));
      switch (v.kind()) {
        case Value::Kind::kNull: type->family = ResultType::kNull; return std::string("NULL");
        case Value::Kind::kInt: type->family = ResultType::kInt; return std::to_string(v.int_value());
        case Value::Kind::kUInt:
          type->family = ResultType::kUnsigned;
          return v.uint_value() > static_cast<uint64_t>(INT64_MAX) ? QuoteStr(std::to_string(v.uint_value()))
                                                                   : std::to_string(v.uint_value());
        case Value::Kind::kDouble: type->family = ResultType::kDouble; return Bind(v);
        case Value::Kind::kString: type->family = ResultType::kString; return Bind(v);
      }
      return std::string("NULL");
    }
    case ExprKind::kPlaceholder: {
      if (env_.params == nullptr || e.param_index >= env_.params->size())
        return Status::SqlError(1210, "HY000", "Incorrect arguments to EXECUTE");
      const Value& v = (*env_.params)[e.param_index];
      switch (v.kind()) {
        case Value::Kind::kNull: type->family = ResultType::kNull; break;
        case Value::Kind::kInt: type->family = ResultType::kInt; type->decimals = 0; break;
        case Value::Kind::kUInt: type->family = ResultType::kUnsigned; type->decimals = 0; break;
        case Value::Kind::kDouble: type->family = ResultType::kDouble; break;
        case Value::Kind::kString: type->family = ResultType::kString; break;
      }
      type->is_literal = true;
      if (v.kind() == Value::Kind::kUInt && v.uint_value() > static_cast<uint64_t>(INT64_MAX))
        return Bind(Value::String(std::to_string(v.uint_value())));
      return Bind(v);
    }
    case ExprKind::kUnary: {
      ExprType t;
      ASSIGN_OR_RETURN(std::string a, Expr_(*e.args[0], scope, &t));
      switch (e.unary_op) {
        case UnaryOp::kNeg:
          *type = t;
          type->column = nullptr;
          type->table = nullptr;
          if (t.family == ResultType::kUnsigned) type->family = ResultType::kInt;
          if (t.IsStringy()) type->family = ResultType::kDouble;
          if (e.args[0]->IsLiteral(LiteralKind::kInt) || e.args[0]->IsLiteral(LiteralKind::kDecimal)) {
            if (a.size() > 1 && a[0] == '\'') return "'-" + a.substr(1);
            return "(-" + a + ")";
          }
          if (t.family == ResultType::kDecimal || t.family == ResultType::kUnsigned) return "rdb_dec_sub(0, " + a + ")";
          return "(- " + a + ")";
        case UnaryOp::kPlus:
          *type = t;
          return a;
        case UnaryOp::kBitNot:
          type->family = ResultType::kUnsigned;
          type->nullable = t.nullable;
          {
            const FunctionInfo* fi = LookupFunction("~");
            if (fi != nullptr) return std::string(fi->sqlite_name) + "(" + a + ")";
          }
          return "(~" + a + ")";
        case UnaryOp::kNot:
          type->family = ResultType::kInt;
          type->nullable = t.nullable;
          return "(NOT " + a + ")";
        case UnaryOp::kBinary:
          type->family = ResultType::kBinary;
          type->nullable = t.nullable;
          return "rdb_cast_binary(" + a + ")";
      }
      return a;
    }
    case ExprKind::kBinary:
      return Binary(e, scope, type);
    case ExprKind::kIsTest: {
      ExprType t;
      ASSIGN_OR_RETURN(std::string a, Expr_(*e.args[0], scope, &t));
      type->family = ResultType::kInt;
      type->nullable = false;
      const char* what = e.is_what == IsWhat::kNull || e.is_what == IsWhat::kUnknown ? "NULL"
                         : e.is_what == IsWhat::kTrue ? "TRUE" : "FALSE";
      return "(" + a + (e.negated ? " IS NOT " : " IS ") + what + ")";
    }
    case ExprKind::kLike: {
      ExprType t1, t2;
      ASSIGN_OR_RETURN(std::string a, Expr_(*e.args[0], scope, &t1));
      ASSIGN_OR_RETURN(std::string p, Expr_(*e.args[1], scope, &t2));
      std::string esc = "'\\'";
      if (e.args.size() > 2) {
        ExprType t3;
        ASSIGN_OR_RETURN(esc, Expr_(*e.args[2], scope, &t3));
      }
      type->family = ResultType::kInt;
      std::string r = "rdb_like(" + a + ", " + p + ", " + esc + ")";
      return e.negated ? "(NOT " + r + ")" : r;
    }
    case ExprKind::kRegexp: {
      ExprType t1, t2;
      ASSIGN_OR_RETURN(std::string a, Expr_(*e.args[0], scope, &t1));
      ASSIGN_OR_RETURN(std::string p, Expr_(*e.args[1], scope, &t2));
      type->family = ResultType::kInt;
      const FunctionInfo* fi = LookupFunction("REGEXP");
      std::string fn = fi != nullptr ? std::string(fi->sqlite_name) : "rdb_regexp";
      std::string r = fn + "(" + a + ", " + p + ")";
      return e.negated ? "(NOT " + r + ")" : r;
    }
    case ExprKind::kSoundsLike: {
      ExprType t1, t2;
      ASSIGN_OR_RETURN(std::string a, Expr_(*e.args[0], scope, &t1));
      ASSIGN_OR_RETURN(std::string b, Expr_(*e.args[1], scope, &t2));
      type->family = ResultType::kInt;
      return "(rdb_soundex(" + a + ") = rdb_soundex(" + b + "))";
    }
    case ExprKind::kIn: {
      ExprType t;
      ASSIGN_OR_RETURN(std::string a, Expr_(*e.args[0], scope, &t));
      type->family = ResultType::kInt;
      std::string list;
      if (e.subquery) {
        ASSIGN_OR_RETURN(list, Subquery(*e.subquery, scope, nullptr));
      } else {
        list = "(";
        for (size_t i = 1; i < e.args.size(); i++) {
          ExprType ti;
          ASSIGN_OR_RETURN(std::string v, Expr_(*e.args[i], scope, &ti));
          list += (i > 1 ? ", " : "") + v;
        }
        list += ")";
      }
      if (t.family == ResultType::kString && t.column == nullptr) a = "(" + a + ") COLLATE rdb_ci";
      return "(" + a + (e.negated ? " NOT IN " : " IN ") + list + ")";
    }
    case ExprKind::kBetween: {
      ExprType t1, t2, t3;
      ASSIGN_OR_RETURN(std::string a, Expr_(*e.args[0], scope, &t1));
      ASSIGN_OR_RETURN(std::string lo, Expr_(*e.args[1], scope, &t2));
      ASSIGN_OR_RETURN(std::string hi, Expr_(*e.args[2], scope, &t3));
      type->family = ResultType::kInt;
      return "(" + a + (e.negated ? " NOT BETWEEN " : " BETWEEN ") + lo + " AND " + hi + ")";
    }
    case ExprKind::kExists: {
      type->family = ResultType::kInt;
      type->nullable = false;
      ASSIGN_OR_RETURN(std::string q, Subquery(*e.subquery, scope, nullptr));
      return "(EXISTS " + q + ")";
    }
    case ExprKind::kQuantified: {
      // a op ANY (subq) / a op ALL (subq)
      ExprType t;
      ASSIGN_OR_RETURN(std::string a, Expr_(*e.args[0], scope, &t));
      ASSIGN_OR_RETURN(std::string q, Subquery(*e.subquery, scope, nullptr));
      type->family = ResultType::kInt;
      if (e.binary_op == BinaryOp::kEq && !e.quantifier_all) return "(" + a + " IN " + q + ")";
      if (e.binary_op == BinaryOp::kNe && e.quantifier_all) return "(" + a + " NOT IN " + q + ")";
      const char* op = e.binary_op == BinaryOp::kLt ? "<" : e.binary_op == BinaryOp::kLe ? "<="
                       : e.binary_op == BinaryOp::kGt ? ">" : e.binary_op == BinaryOp::kGe ? ">="
                       : e.binary_op == BinaryOp::kEq ? "=" : "<>";
      std::string inner = "SELECT 1 FROM " + q + " AS rdb_q WHERE ";
      // Compare against the subquery's single column by position.
      if (e.quantifier_all)
        return "(NOT EXISTS (SELECT 1 FROM " + q + " AS rdb_q(v) WHERE NOT (" + a + " " + op + " rdb_q.v)))";
      return "(EXISTS (SELECT 1 FROM " + q + " AS rdb_q(v) WHERE " + a + " " + op + " rdb_q.v))";
    }
    case ExprKind::kSubquery:
      return Subquery(*e.subquery, scope, type);
    case ExprKind::kRow: {
      std::string out = "(";
      for (size_t i = 0; i < e.args.size(); i++) {
        ExprType t;
        ASSIGN_OR_RETURN(std::string v, Expr_(*e.args[i], scope, &t));
        out += (i ? ", " : "") + v;
      }
      type->family = ResultType::kString;
      return out + ")";
    }
    case ExprKind::kFunction:
      return Function(e, scope, type);
    case ExprKind::kCast:
      return Cast(e, scope, type);
    case ExprKind::kConvertUsing: {
      ExprType t;
      ASSIGN_OR_RETURN(std::string a, Expr_(*e.args[0], scope, &t));
      type->family = e.charset == "binary" ? ResultType::kBinary : ResultType::kString;
      return type->family == ResultType::kBinary ? "rdb_cast_binary(" + a + ")" : "rdb_cast_char(" + a + ")";
    }
    case ExprKind::kCase: {
      std::string out = "CASE";
      if (e.case_operand) {
        ExprType t;
        ASSIGN_OR_RETURN(std::string op, Expr_(*e.case_operand, scope, &t));
        out += " " + op;
      }
      bool first = true;
      ExprType rt = Family(ResultType::kNull);
      auto merge = [&](const ExprType& t) {
        if (t.family == ResultType::kNull) return;
        if (first) { rt = t; rt.column = nullptr; rt.table = nullptr; first = false; return; }
        if (rt.family == t.family) rt.decimals = std::max(rt.decimals, t.decimals);
        else if (rt.IsNumeric() && t.IsNumeric())
          rt.family = (rt.family == ResultType::kDouble || t.family == ResultType::kDouble) ? ResultType::kDouble : ResultType::kDecimal;
        else rt.family = ResultType::kString;
      };
      for (const auto& w : e.whens) {
        ExprType tw, tt;
        ASSIGN_OR_RETURN(std::string ws, Expr_(*w.when, scope, &tw));
        ASSIGN_OR_RETURN(std::string ts, Expr_(*w.then, scope, &tt));
        merge(tt);
        out += " WHEN " + ws + " THEN " + ts;
      }
      if (e.else_expr) {
        ExprType te;
        ASSIGN_OR_RETURN(std::string es, Expr_(*e.else_expr, scope, &te));
        merge(te);
        out += " ELSE " + es;
      }
      *type = rt;
      type->nullable = true;
      return out + " END";
    }
    case ExprKind::kCollate: {
      ExprType t;
      ASSIGN_OR_RETURN(std::string a, Expr_(*e.args[0], scope, &t));
      *type = t;
      bool bin = e.name.size() >= 4 && e.name.substr(e.name.size() - 4) == "_bin";
      return "(" + a + ") COLLATE " + (bin ? "rdb_bin" : "rdb_ci");
    }
    case ExprKind::kInterval:
      return Status::SqlError(1064, "42000",
                              "You have an error in your SQL syntax; check the manual that corresponds to your "
                              "MariaDB server version for the right syntax to use near '" +
                                  std::string(Text(e.span)) + "' at line 1");
    case ExprKind::kDefault:
      return Status::SqlError(1064, "42000", "DEFAULT is not allowed here");
  }
  return Status::SqlError(1064, "42000", "unsupported expression");
}

}  // namespace relaydb::sql
