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
#include <optional>

#include "sql/decimal.h"
#include "sql/parser.h"
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

std::string Lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(tolower(static_cast<unsigned char>(c)));
  return out;
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

// The SQL reading column `c` of table `t` in scope: "alias"."col", except
// that a base table's TIMESTAMP (stored in UTC) is read in the session's
// time zone.
std::string ColumnValueSql(const TranslateEnv& env, const ScopeTable& t, const ColumnDef& c) {
  std::string ref = Quote(t.sqlite_alias) + "." + Quote(c.name);
  if (t.derived_types.empty() && c.type.base == BaseType::kTimestamp && env.sysvar) {
    auto tz = env.sysvar("time_zone", VarScope::kSession);
    if (tz.ok() && !tz->is_null()) return TimestampToZoneSql(ref, tz->ToText());
  }
  return ref;
}

// A plain ENUM / SET / DATE / DATETIME / TIMESTAMP / TIME column reference
// in numeric context (arithmetic, a comparison with a number, SUM/AVG):
// rewrites *sql to MySQL's number for it (types.h NumericContextSql) and
// *t to that number's type. False (nothing changed) for other expressions.
bool ColumnAsNumber(std::string* sql, ExprType* t) {
  if (t->column == nullptr) return false;
  int scale = 0;
  std::string num = NumericContextSql(*t->column, *sql, &scale);
  if (num.empty()) return false;
  ExprType n;
  n.family = scale > 0 ? ResultType::kDecimal : ResultType::kInt;
  n.decimals = scale;
  n.nullable = t->nullable;
  n.max_len = NumericContextLength(t->column->type);
  *sql = std::move(num);
  *t = n;
  return true;
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
  // A column's value, or one passed through unchanged (MIN(col), IF(...)).
  const ColumnDef* c = t.column != nullptr ? t.column : (t.origin != nullptr && t.table ? t.origin : nullptr);
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
        return Value::String(FormatMysqlDouble(d));
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
        if (c != nullptr || t.user_var) return v;  // stored canonical / as assigned
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
      if (v.kind() == Value::Kind::kDouble) return Value::String(FormatMysqlDouble(v.double_value()));
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
  if (t.user_var) {
    // User variables: LONGLONG / DOUBLE / DECIMAL(…,38) / LONGBLOB, nullable.
    m.charset = kCharsetBinary;
    m.flags = kBinaryFlag;
    switch (t.family) {
      case ResultType::kInt:
      case ResultType::kUnsigned: m.type = kTypeLongLong; m.length = 21; break;
      case ResultType::kDouble: m.type = kTypeDouble; m.length = 23; m.decimals = 31; break;
      case ResultType::kDecimal: m.type = kTypeNewDecimal; m.length = 81; m.decimals = 38; break;
      default:
        m.type = kTypeLongBlob;
        m.charset = kCharsetUtf8mb4GeneralCi;
        m.flags = 0;
        m.length = 0xffffffffu;
        m.decimals = 39;
        break;
    }
    return m;
  }
  if (t.column != nullptr && t.table) {
    ColumnMeta cm = ColumnMetaFor(*t.table, *t.column, name);
    if (t.nullable) cm.flags &= static_cast<uint16_t>(~kNotNullFlag);
    return cm;
  }
  if (t.origin != nullptr && t.table) {
    // A column's value passed through (MIN(col), IF(c, col1, col2)): that
    // column's type, length and flags, without its table and key flags.
    ColumnMeta cm = ColumnMetaFor(*t.table, *t.origin, name);
    cm.schema.clear();
    cm.table.clear();
    cm.org_table.clear();
    cm.org_name.clear();
    cm.flags &= kUnsignedFlag | kZerofillFlag | kBinaryFlag | kBlobFlag | kEnumFlag | kSetFlag;
    if (cm.charset == kCharsetBinary) cm.flags |= kBinaryFlag;  // numbers, temporals: an item's flags
    if (t.origin->type.IsString() || t.origin->type.IsBinaryString()) cm.decimals = 39;
    if (t.origin->type.base == BaseType::kYear) cm.flags &= static_cast<uint16_t>(~kZerofillFlag);
    if (!t.nullable) cm.flags |= kNotNullFlag;
    return cm;
  }
  m.charset = kCharsetBinary;
  m.flags = t.nullable ? 0 : kNotNullFlag;
  switch (t.family) {
    case ResultType::kInt:
    case ResultType::kUnsigned: {
      // MariaDB's type_handler_long_or_longlong(): INT up to 9 characters
      // (10 unsigned), BIGINT beyond; Item_long_func results are INT.
      bool is_unsigned = t.family == ResultType::kUnsigned;
      if (!t.sysvar && (t.long_int || (t.max_len >= 0 && t.max_len <= (is_unsigned ? 10 : 9)))) {
        m.type = kTypeLong;
        m.length = t.max_len >= 0 ? static_cast<uint32_t>(t.max_len) : 11;
      } else {
        m.type = kTypeLongLong;
        m.length = t.max_len >= 0 ? static_cast<uint32_t>(t.max_len) : (is_unsigned ? 20 : 21);
      }
      m.flags |= kBinaryFlag;
      if (is_unsigned) m.flags |= kUnsignedFlag;
      break;
    }
    case ResultType::kDecimal:
      m.type = kTypeNewDecimal;
      m.decimals = static_cast<uint8_t>(t.decimals < 0 ? 4 : t.decimals);
      m.length = t.max_len >= 0 ? static_cast<uint32_t>(t.max_len) : 66;
      m.flags |= kBinaryFlag;
      break;
    case ResultType::kDouble:
      m.type = kTypeDouble;
      m.decimals = static_cast<uint8_t>(t.decimals < 0 ? 31 : t.decimals);
      m.length = 23;
      m.flags |= kBinaryFlag;
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
      // Fixed decimals where MariaDB gives them (UNHEX: 0), else 39.
      m.decimals = static_cast<uint8_t>(t.decimals >= 0 && t.decimals < 39 ? t.decimals : 39);
      break;
    case ResultType::kNull:
      m.type = kTypeNull;
      m.length = 0;
      m.flags |= kBinaryFlag;
      break;
    default: {
      // Strings: VARCHAR up to 512 characters, then the BLOB type that holds
      // the length (MariaDB's CONVERT_IF_BIGGER_TO_BLOB).
      int64_t chars = t.max_len >= 0 ? t.max_len : 16383;
      uint64_t bytes = static_cast<uint64_t>(chars) * 4;
      m.charset = kCharsetUtf8mb4GeneralCi;
      // 39 (not fixed) unless the function fixes it (DATE_FORMAT, CAST AS CHAR: 0).
      m.decimals = static_cast<uint8_t>(t.decimals >= 0 && t.decimals < 39 ? t.decimals : 39);
      if (chars > 512) {
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
  // The columns `SELECT *` lists, in MySQL's order (USING/NATURAL join
  // columns once, first): (table index, column index).
  std::vector<std::pair<size_t, int>> star;
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
  // Leading spaces and control characters are dropped (' ' names a column '').
  if (e.kind == ExprKind::kLiteral && e.literal_kind == LiteralKind::kString) {
    std::string_view v = e.value;
    while (!v.empty() && (static_cast<unsigned char>(v[0]) <= 0x20 || v[0] == 0x7f)) v.remove_prefix(1);
    return ItemName(v);
  }
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
    // WITH [RECURSIVE] name [(cols)] AS (query), ...: each CTE becomes a
    // SQLite CTE; references to it resolve like derived tables.
    size_t mark = ctes_.size();
    std::string with = q.with->recursive ? "WITH RECURSIVE " : "WITH ";
    for (size_t i = 0; i < q.with->ctes.size(); i++) {
      const Cte& c = q.with->ctes[i];
      CteEntry entry;
      entry.name = c.name;
      entry.sqlite_name = "cte_" + std::to_string(++alias_counter_) + "_" + c.name;
      const QueryExpr* anchor = c.query.get();
      if (q.with->recursive) {
        while (anchor->kind == QueryExpr::Kind::kUnion) anchor = anchor->left.get();
        QueryOut a;
        RETURN_IF_ERROR(TranslateQueryInto(*anchor, outer, &a));
        for (auto& col : a.columns) entry.columns.push_back(col);
        if (!c.columns.empty()) {
          if (c.columns.size() != entry.columns.size())
            return Status::SqlError(4002, "HY000", "WITH column list and SELECT field list have different column counts");
          for (size_t k = 0; k < c.columns.size(); k++) entry.columns[k].meta.name = c.columns[k];
        }
        ctes_.push_back(entry);
      }
      QueryOut body;
      RETURN_IF_ERROR(TranslateQueryInto(*c.query, outer, &body));
      if (!q.with->recursive) {
        entry.columns = body.columns;
        if (!c.columns.empty()) {
          if (c.columns.size() != entry.columns.size())
            return Status::SqlError(4002, "HY000", "WITH column list and SELECT field list have different column counts");
          for (size_t k = 0; k < c.columns.size(); k++) entry.columns[k].meta.name = c.columns[k];
        }
        ctes_.push_back(entry);
      }
      const CteEntry& e = ctes_.back();
      with += (i ? ", " : "") + Quote(e.sqlite_name) + "(";
      for (size_t k = 0; k < e.columns.size(); k++) with += (k ? ", " : "") + Quote(e.columns[k].meta.name);
      with += ") AS (" + body.sql + ")";
    }
    Status st = [&]() -> Status {
      std::unique_ptr<WithClause> saved = std::move(const_cast<QueryExpr&>(q).with);
      Status r = TranslateQueryInto(q, outer, out);
      const_cast<QueryExpr&>(q).with = std::move(saved);
      return r;
    }();
    ctes_.resize(mark);
    RETURN_IF_ERROR(st);
    out->sql = with + " " + out->sql;
    return Status::Ok();
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
        if (a.family != b.family || a.decimals != b.decimals) {
          if (a.family == b.family) {
            a.decimals = std::max(a.decimals, b.decimals);
          } else if (a.IsNumeric() && b.IsNumeric()) {
            a.family = (a.family == ResultType::kDouble || b.family == ResultType::kDouble)
                           ? ResultType::kDouble : ResultType::kDecimal;
            a.decimals = std::max(std::max(a.decimals, b.decimals), 0);
          } else if (a.family == ResultType::kNull) {
            a = b;
          } else if (b.family == ResultType::kNull) {
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
      if (ref.table.db.empty()) {
        for (size_t i = ctes_.size(); i-- > 0;) {
          const CteEntry& c = ctes_[i];
          if (c.name != ref.table.name) continue;
          auto def = std::make_shared<TableDef>();
          def->name = c.name;
          ScopeTable t;
          t.alias = ref.alias.empty() ? c.name : ref.alias;
          t.sqlite_alias = NewAlias();
          for (auto& col : c.columns) {
            ColumnDef cd;
            cd.name = col.meta.name;
            def->columns.push_back(cd);
            t.derived_types.push_back(col.type);
          }
          t.def = def;
          scope->tables.push_back(t);
          for (size_t ci = 0; ci < def->columns.size(); ci++)
            scope->star.emplace_back(scope->tables.size() - 1, static_cast<int>(ci));
          *out += Quote(c.sqlite_name) + " AS " + Quote(t.sqlite_alias);
          return Status::Ok();
        }
      }
      std::string db = ref.table.db.empty() ? env_.current_db : ref.table.db;
      if (db.empty())
        return Status::SqlError(1046, "3D000", "No database selected");
      auto def = env_.find_table(db, ref.table.name);
      if (!def && IEquals(db, "information_schema"))
        return Status::SqlError(1109, "42S02", "Unknown table '" + ref.table.name + "' in information_schema");
      if (!def)
        return Status::SqlError(1146, "42S02", "Table '" + db + "." + ref.table.name + "' doesn't exist");
      if (env_.on_table_read) RETURN_IF_ERROR(env_.on_table_read(*def));
      std::string alias = ref.alias.empty() ? ref.table.name : ref.alias;
      for (auto& t : scope->tables)
        if (t.alias == alias)
          return Status::SqlError(1066, "42000", "Not unique table/alias: '" + alias + "'");
      std::string sa = NewAlias();
      scope->tables.push_back(BaseTable(def, alias, sa));
      for (size_t ci = 0; ci < def->columns.size(); ci++)
        scope->star.emplace_back(scope->tables.size() - 1, static_cast<int>(ci));
      *out += Quote(SqliteTableName(def->db, def->name)) + " AS " + Quote(sa);
      return Status::Ok();
    }
    case TableRef::Kind::kDerived: {
      for (auto& t : scope->tables)
        if (t.alias == ref.alias)
          return Status::SqlError(1066, "42000", "Not unique table/alias: '" + ref.alias + "'");
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
      for (size_t ci = 0; ci < def->columns.size(); ci++)
        scope->star.emplace_back(scope->tables.size() - 1, static_cast<int>(ci));
      *out += "(" + inner.sql + ") AS " + Quote(t.sqlite_alias);
      return Status::Ok();
    }
    case TableRef::Kind::kJoin: {
      std::string left, right;
      size_t star_start = scope->star.size();
      RETURN_IF_ERROR(TranslateFrom(*ref.left, scope, &left));
      size_t right_start = scope->tables.size();
      size_t star_mid = scope->star.size();
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
      if (!using_cols.empty()) {
        // SELECT * order: the join columns once (from the side that keeps
        // its rows), then the rest of that side, then the other side.
        std::vector<std::pair<size_t, int>> ls(scope->star.begin() + star_start, scope->star.begin() + star_mid);
        std::vector<std::pair<size_t, int>> rs(scope->star.begin() + star_mid, scope->star.end());
        bool right_first = ref.join_type == JoinType::kRight;
        auto& first = right_first ? rs : ls;
        auto& second = right_first ? ls : rs;
        auto is_using = [&](const std::pair<size_t, int>& sc) {
          const std::string& n = scope->tables[sc.first].def->columns[sc.second].name;
          for (auto& u : using_cols)
            if (IEquals(u, n)) return true;
          return false;
        };
        std::vector<std::pair<size_t, int>> order;
        for (auto& u : using_cols)
          for (auto& sc : first)
            if (IEquals(scope->tables[sc.first].def->columns[sc.second].name, u) && !scope->IsHidden(sc.first, u)) {
              order.push_back(sc);
              break;
            }
        for (auto& sc : first)
          if (!is_using(sc)) order.push_back(sc);
        for (auto& sc : second)
          if (!is_using(sc)) order.push_back(sc);
        scope->star.resize(star_start);
        scope->star.insert(scope->star.end(), order.begin(), order.end());
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
    const ColumnDef* ordered = nullptr;  // the column the item orders by, if any
    if (item.expr->IsLiteral(LiteralKind::kInt) && select_exprs != nullptr) {
      int pos = atoi(item.expr->value.c_str());
      if (pos < 1 || pos > static_cast<int>(select_exprs->size()))
        return UnknownColumn(item.expr->value, clause_);
      term = (*select_exprs)[pos - 1];
      if (select_cols != nullptr) ordered = (*select_cols)[pos - 1].type.column;
    } else {
      ExprType t;
      ASSIGN_OR_RETURN(term, Expr_(*item.expr, scope, &t));
      // DECIMAL / BIGINT UNSIGNED results travel as text: order them as
      // numbers (columns carry the rdb_num collation themselves).
      if ((t.family == ResultType::kDecimal || t.family == ResultType::kUnsigned) && t.column == nullptr)
        term = "CAST(" + term + " AS REAL)";
      ordered = t.column;
    }
    // ENUM and SET columns sort by index / bitmask, not by label.
    if (ordered != nullptr && (ordered->type.base == BaseType::kEnum || ordered->type.base == BaseType::kSet)) {
      int scale = 0;
      term = NumericContextSql(*ordered, term, &scale);
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
      std::vector<std::pair<size_t, int>> cols;
      if (e.table.empty()) {
        cols = scope.star;
      } else {
        for (size_t ti = 0; ti < scope.tables.size(); ti++) {
          const ScopeTable& t = scope.tables[ti];
          if (t.alias != e.table) continue;
          if (!e.db.empty() && t.db != e.db) continue;
          for (size_t ci = 0; ci < t.def->columns.size(); ci++) cols.emplace_back(ti, static_cast<int>(ci));
        }
      }
      {
        for (auto [ti, ci] : cols) {
          const ScopeTable& t = scope.tables[ti];
          any = true;
          const ColumnDef& c = t.def->columns[ci];
          item_sql.push_back(ColumnValueSql(env_, t, c));
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
  const size_t items_end = sql.size();
  if (!from.empty()) sql += " FROM " + from;

  if (s.where) {
    clause_ = "WHERE";
    if (ContainsAggregate(*s.where)) return Status::SqlError(1111, "HY000", "Invalid use of group function");
    ExprType t;
    ASSIGN_OR_RETURN(std::string w, Expr_(*s.where, &scope, &t));
    sql += " WHERE " + w;
  }

  // GROUP BY / HAVING / ORDER BY may name select-list aliases.
  scope.alias_names = &names;
  scope.alias_sql = &item_sql;
  scope.alias_types = &types;
  scope.allow_aliases = true;

  std::vector<std::string> group_terms;
  std::vector<std::string> group_order;  // how the implicit ORDER BY sorts each term
  std::vector<bool> group_desc;
  if (!s.group_by.empty()) {
    clause_ = "GROUP BY";
    for (const auto& g : s.group_by) {
      std::string term;
      const ColumnDef* grouped = nullptr;
      if (g.expr->IsLiteral(LiteralKind::kInt)) {
        int pos = atoi(g.expr->value.c_str());
        if (pos < 1 || pos > static_cast<int>(item_sql.size())) return UnknownColumn(g.expr->value, clause_);
        term = item_sql[pos - 1];
        grouped = types[pos - 1].column;
      } else {
        ExprType t;
        ASSIGN_OR_RETURN(term, Expr_(*g.expr, &scope, &t));
        grouped = t.column;
      }
      group_terms.push_back(term);
      // ENUM and SET columns sort by index / bitmask.
      int scale = 0;
      std::string key = grouped != nullptr && (grouped->type.base == BaseType::kEnum ||
                                               grouped->type.base == BaseType::kSet)
                            ? NumericContextSql(*grouped, term, &scale)
                            : std::string();
      group_order.push_back(key.empty() ? term : key);
      group_desc.push_back(g.descending);
    }
  }
  std::string having;
  if (s.having) {
    clause_ = "HAVING";
    ExprType t;
    scope.aggregate_context = true;
    ASSIGN_OR_RETURN(having, Expr_(*s.having, &scope, &t));
  }
  auto join = [](const std::vector<std::string>& v, size_t n) {
    std::string out;
    for (size_t i = 0; i < n; i++) out += (i ? ", " : "") + v[i];
    return out;
  };
  if (s.with_rollup) {
    // GROUP BY g1..gn WITH ROLLUP = the union of the groupings by g1..gk for
    // k = n..0, where the rolled-up group columns read NULL; ordered by the
    // group columns with each super-aggregate row after its group.
    if (q != nullptr && !q->order_by.empty())
      return Status::SqlError(1221, "HY000", "Incorrect usage of CUBE/ROLLUP and ORDER BY");
    size_t from_pos = sql.find(" FROM ");
    std::string tail = from_pos == std::string::npos ? "" : sql.substr(from_pos);
    std::string branches;
    size_t n = group_terms.size();
    for (size_t k = n + 1; k-- > 0;) {
      std::string b = "SELECT ";
      for (size_t i = 0; i < item_sql.size(); i++) {
        bool rolled = false;
        for (size_t j = k; j < n; j++) rolled |= item_sql[i] == group_terms[j];
        b += (i ? ", " : "") + (rolled ? std::string("NULL") : item_sql[i]) + " AS \"rdb_c" + std::to_string(i) + "\"";
      }
      for (size_t j = 0; j < n; j++)
        b += ", " + std::string(j >= k ? "1" : "0") + " AS \"rdb_rk" + std::to_string(j) + "\", " +
             (j >= k ? std::string("NULL") : group_terms[j]) + " AS \"rdb_gk" + std::to_string(j) + "\"";
      b += tail;
      if (k > 0) b += " GROUP BY " + join(group_terms, k);
      if (!having.empty()) b += " HAVING " + having;
      branches += (branches.empty() ? "" : " UNION ALL ") + b;
      for (size_t i = 0; i < item_sql.size(); i++) {
        bool rolled = false;
        for (size_t j = 0; j < n; j++) rolled |= item_sql[i] == group_terms[j];
        if (rolled) types[i].nullable = true;
      }
    }
    sql = "SELECT ";
    for (size_t i = 0; i < item_sql.size(); i++)
      sql += (i ? ", " : "") + std::string("\"rdb_c") + std::to_string(i) + "\" AS " + Quote(names[i]);
    sql += " FROM (" + branches + ") ORDER BY ";
    for (size_t j = 0; j < n; j++)
      sql += (j ? ", " : "") + std::string("\"rdb_rk") + std::to_string(j) + "\", \"rdb_gk" + std::to_string(j) + "\"" +
             (group_desc[j] ? " DESC" : "");
  } else {
    if (!group_terms.empty()) sql += " GROUP BY " + join(group_terms, group_terms.size());
    if (!having.empty() && group_terms.empty() && !has_aggregate && !s.distinct &&
        (q == nullptr || q->order_by.empty())) {
      // HAVING without GROUP BY makes the query one group even when no
      // aggregate is selected (SELECT 1 FROM t HAVING MAX(x) > 0); SQLite
      // refuses that form, so the condition is selected beside the items
      // (making the query an aggregate) and filtered outside.
      std::string inner = "SELECT ";
      for (size_t i = 0; i < item_sql.size(); i++)
        inner += item_sql[i] + " AS \"rdb_c" + std::to_string(i) + "\", ";
      inner += "(" + having + ") AS \"rdb_h\"" + sql.substr(items_end);
      sql = "SELECT ";
      for (size_t i = 0; i < item_sql.size(); i++)
        sql += (i ? ", " : "") + std::string("\"rdb_c") + std::to_string(i) + "\" AS " + Quote(names[i]);
      sql += " FROM (" + inner + ") WHERE \"rdb_h\"";
      having.clear();
    }
    if (!having.empty()) sql += " HAVING " + having;
    if (q != nullptr && !q->order_by.empty()) {
      clause_ = "ORDER BY";
      std::string ob;
      std::vector<OutputColumn> ordered_cols(types.size());  // ORDER BY n: the item's type
      for (size_t i = 0; i < types.size(); i++) ordered_cols[i].type = types[i];
      RETURN_IF_ERROR(TranslateOrderBy(q->order_by, &scope, &item_sql, &ordered_cols, &ob));
      sql += " ORDER BY " + ob;
    } else if (!group_terms.empty()) {
      // MariaDB sorts by the GROUP BY columns when there is no ORDER BY.
      std::string ob;
      for (size_t j = 0; j < group_terms.size(); j++)
        ob += (j ? ", " : "") + group_order[j] + (group_desc[j] ? " DESC" : "");
      sql += " ORDER BY " + ob;
    }
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

Result<std::string> Translator::TranslateFromList(const std::vector<TableRefPtr>& from,
                                                  std::vector<ScopeTable>* tables) {
  Scope scope(nullptr);
  std::string out;
  clause_ = "FROM";
  for (size_t i = 0; i < from.size(); i++) {
    if (i > 0) out += " CROSS JOIN ";
    std::string part;
    RETURN_IF_ERROR(TranslateFrom(*from[i], &scope, &part));
    out += from[i]->kind == TableRef::Kind::kJoin && from.size() > 1 ? "(" + part + ")" : part;
  }
  *tables = scope.tables;
  return out;
}

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
      if (column_override && s == scope) {
        std::string o = column_override(t, found_c);
        if (!o.empty()) {
          *type = TypeOfColumn(t.def->columns[found_c]);
          type->table = t.def;
          return o;
        }
      }
      if (!t.derived_types.empty()) {
        *type = t.derived_types[found_c];
      } else {
        *type = TypeOfColumn(t.def->columns[found_c]);
        type->table = t.def;
      }
      if (t.nullable_side) type->nullable = true;
      return ColumnValueSql(env_, t, t.def->columns[found_c]);
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
      // A SQLite REAL literal (exact operations take the text through
      // DecimalLiteralText); one with more significant digits than a double
      // keeps (1234567890.0123456789) travels as decimal text instead.
      int significant = 0;
      bool leading = true;
      for (char c : v) {
        if (c < '0' || c > '9') continue;
        if (leading && c == '0') continue;
        leading = false;
        significant++;
      }
      if (significant > 15) {
        if (v.back() == '.') v.pop_back();
        return QuoteStr(v);
      }
      return v;
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
      type->decimals = 0;
      type->max_len = static_cast<int64_t>(e.value.size());
      return HexBlob(e.value);
    case LiteralKind::kBool:
      type->family = ResultType::kInt;
      type->decimals = 0;
      type->long_int = true;
      return std::string(e.bool_value ? "1" : "0");
    case LiteralKind::kDate:
      type->family = ResultType::kDate;
      return "rdb_cast_date(" + QuoteStr(e.value) + ")";
    case LiteralKind::kTime:
    case LiteralKind::kTimestamp: {
      // Fractional digits as written (TIMESTAMP '... 03:04:05.6' has one).
      int fsp = 0;
      auto dot = e.value.find('.');
      if (dot != std::string::npos)
        while (dot + 1 + fsp < e.value.size() && fsp < 6 && isdigit(static_cast<unsigned char>(e.value[dot + 1 + fsp])))
          fsp++;
      type->decimals = fsp;
      bool time = e.literal_kind == LiteralKind::kTime;
      type->family = time ? ResultType::kTime : ResultType::kDatetime;
      return std::string(time ? "rdb_cast_time(" : "rdb_cast_datetime(") + QuoteStr(e.value) + ", " +
             std::to_string(fsp) + ")";
    }
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

namespace {
// MariaDB's type handler name, as error 4078 prints it.
std::string TypeHandlerName(const ExprType& t) {
  if (t.column != nullptr) {
    switch (t.column->type.base) {
      case BaseType::kTinyInt: return "tinyint";
      case BaseType::kSmallInt: return "smallint";
      case BaseType::kMediumInt: return "mediumint";
      case BaseType::kInt: return "int";
      case BaseType::kBigInt: return "bigint";
      case BaseType::kDecimal: return "decimal";
      case BaseType::kFloat: return "float";
      case BaseType::kDouble: return "double";
      case BaseType::kDate: return "date";
      case BaseType::kDatetime: return "datetime";
      case BaseType::kTimestamp: return "timestamp";
      case BaseType::kTime: return "time";
      case BaseType::kYear: return "year";
      case BaseType::kChar: return "char";
      case BaseType::kEnum: return "enum";
      case BaseType::kSet: return "set";
      default: return t.column->type.IsBinaryString() ? "blob" : "varchar";
    }
  }
  switch (t.family) {
    case ResultType::kInt: return "bigint";
    case ResultType::kUnsigned: return "bigint unsigned";
    case ResultType::kDecimal: return "decimal";
    case ResultType::kDouble: return "double";
    case ResultType::kDate: return "date";
    case ResultType::kDatetime: return "datetime";
    case ResultType::kTime: return "time";
    case ResultType::kNull: return "null";
    default: return "varchar";
  }
}

const char* BinaryOpName(BinaryOp op) {
  switch (op) {
    case BinaryOp::kEq: return "=";
    case BinaryOp::kNullSafeEq: return "<=>";
    case BinaryOp::kNe: return "<>";
    case BinaryOp::kLt: return "<";
    case BinaryOp::kLe: return "<=";
    case BinaryOp::kGt: return ">";
    case BinaryOp::kGe: return ">=";
    default: return "?";
  }
}
}  // namespace

namespace {

// The text of a DECIMAL literal (or of its negation). Decimal literals are
// emitted as SQLite REALs; exact operations (the rdb_dec_* variants, string
// conversion) take this text instead so 2.5 stays exactly 2.5 and 1.50
// keeps its two decimals.
std::optional<std::string> DecimalLiteralText(const Expr& e) {
  if (e.IsLiteral(LiteralKind::kDecimal)) {
    std::string v = e.value;
    if (!v.empty() && v[0] == '.') v = "0" + v;
    if (!v.empty() && v.back() == '.') v.pop_back();
    return v;
  }
  if (e.kind == ExprKind::kUnary && e.unary_op == UnaryOp::kNeg && e.args.size() == 1) {
    auto inner = DecimalLiteralText(*e.args[0]);
    if (inner) return (*inner)[0] == '-' ? inner->substr(1) : "-" + *inner;
  }
  return std::nullopt;
}

// A DECIMAL-typed argument as exact decimal text for an rdb_dec_* call:
// literals as their text, everything else unchanged.
std::string ExactArg(const Expr* src, const std::string& sql) {
  if (src != nullptr) {
    if (auto text = DecimalLiteralText(*src)) return QuoteStr(*text);
  }
  return sql;
}

// A numeric argument where MySQL reads a string (CONCAT(1.50) is '1.50'):
// DECIMAL values as text with their scale, FLOAT columns with a float's
// digits (CONCAT(f) is '1.1'), DOUBLEs with fixed decimals (PI(),
// ROUND(x, 2), DOUBLE(M,D) columns) with those decimals; others unchanged.
std::string StringArg(const Expr* src, const std::string& sql, const ExprType& t) {
  const ColumnDef* c = t.column != nullptr ? t.column : (t.table ? t.origin : nullptr);
  if (c != nullptr && (c->type.base == BaseType::kFloat || c->type.base == BaseType::kDouble)) {
    bool fixed = c->type.decimals >= 0 && c->type.decimals < 31;
    if (c->type.base == BaseType::kFloat)
      return "rdb_float_text(" + sql + (fixed ? ", " + std::to_string(c->type.decimals) : "") + ")";
    return fixed ? "rdb_format_double(" + sql + ", " + std::to_string(c->type.decimals) + ")" : sql;
  }
  if (c != nullptr) return sql;  // stored in its canonical text
  if (t.user_var) return sql;    // @d: the text it was assigned (CONCAT(@d) is '1.25')
  if (t.family == ResultType::kDouble && t.decimals >= 0 && t.decimals < 31)
    return "rdb_format_double(" + sql + ", " + std::to_string(t.decimals) + ")";
  if (t.family != ResultType::kDecimal) return sql;
  if (src != nullptr) {
    if (auto text = DecimalLiteralText(*src)) return QuoteStr(*text);
  }
  if (t.decimals < 0) return sql;
  return "rdb_dec_rescale(" + sql + ", " + std::to_string(t.decimals) + ")";
}

// Argument positions (bit i = argument i) MySQL reads as strings, for the
// functions whose other arguments are numbers. Functions not listed read
// every argument as a string when their result is a string, none otherwise.
uint32_t StringArgPositions(std::string_view name, bool string_result) {
  static const struct {
    const char* name;
    uint32_t mask;
  } kPositions[] = {
      {"left", 1},          {"right", 1},     {"substring", 1}, {"substr", 1},        {"mid", 1},
      {"lpad", 1 | 4},      {"rpad", 1 | 4},  {"repeat", 1},    {"insert", 1 | 8},    {"substring_index", 1 | 2},
      {"locate", 1 | 2},    {"instr", 1 | 2}, {"length", 1},    {"char_length", 1},   {"character_length", 1},
      {"octet_length", 1},  {"lengthb", 1},   {"bit_length", 1}, {"ascii", 1},        {"ord", 1},
      {"strcmp", 1 | 2},    {"find_in_set", 1 | 2},             {"format", 0},        {"conv", 0},
      {"bin", 0},           {"oct", 0},       {"hex", 0},       {"char", 0},          {"space", 0},
      {"elt", ~1u},         {"make_set", ~1u}, {"export_set", ~1u},                    {"sha2", 1},
      {"date_format", 0},   {"time_format", 0}, {"from_unixtime", 0}, {"sec_to_time", 0},
  };
  for (const auto& p : kPositions)
    if (name == p.name) return p.mask;
  return string_result ? ~0u : 0u;
}

// MariaDB's max_length of an integer value: the literal's digits, the
// column's display width, or -1 when unknown.
int64_t IntLen(const ExprType& t) {
  if (t.max_len >= 0) return t.max_len;
  const ColumnDef* c = t.column != nullptr ? t.column : (t.table ? t.origin : nullptr);
  if (c == nullptr) return -1;
  bool u = c->type.is_unsigned;
  switch (c->type.base) {
    case BaseType::kTinyInt: return u ? 3 : 4;
    case BaseType::kSmallInt: return u ? 5 : 6;
    case BaseType::kMediumInt: return u ? 8 : 9;
    case BaseType::kInt: return u ? 10 : 11;
    case BaseType::kBigInt: return 20;
    case BaseType::kYear: return 4;
    default: return -1;
  }
}

// True if `e` reads a column (anywhere but in a subquery).
bool HasColumnRef(const Expr& e) {
  if (e.kind == ExprKind::kColumnRef) return true;
  for (const auto& a : e.args)
    if (a && HasColumnRef(*a)) return true;
  if (e.case_operand && HasColumnRef(*e.case_operand)) return true;
  for (const auto& w : e.whens)
    if (HasColumnRef(*w.when) || HasColumnRef(*w.then)) return true;
  return e.else_expr && HasColumnRef(*e.else_expr);
}

int ArithPrec(const Expr& e) {
  if (e.kind != ExprKind::kBinary) return e.kind == ExprKind::kUnary ? 3 : 4;
  switch (e.binary_op) {
    case BinaryOp::kMul:
    case BinaryOp::kDiv:
    case BinaryOp::kIntDiv:
    case BinaryOp::kMod: return 2;
    case BinaryOp::kAdd:
    case BinaryOp::kSub: return 1;
    default: return 0;
  }
}

// An expression as MariaDB's Item::print shows it in error messages:
// ToSql's form, with columns fully qualified (`db`.`t`.`c`, t the alias).
std::string PrintForError(const Expr& e, const Scope* scope) {
  if (!HasColumnRef(e)) return ToSql(e);
  switch (e.kind) {
    case ExprKind::kColumnRef: {
      for (const Scope* sc = scope; sc != nullptr; sc = sc->parent()) {
        for (size_t ti = 0; ti < sc->tables.size(); ti++) {
          const ScopeTable& t = sc->tables[ti];
          if (!e.table.empty() && t.alias != e.table) continue;
          if (e.table.empty() && sc->IsHidden(ti, e.name)) continue;
          int ci = Scope::FindCol(t, e.name);
          if (ci < 0 || t.db.empty()) continue;
          return "`" + t.db + "`.`" + t.alias + "`.`" + t.def->columns[ci].name + "`";
        }
      }
      return ToSql(e);
    }
    case ExprKind::kBinary: {
      int p = ArithPrec(e);
      if (p == 0) break;
      std::string l = PrintForError(*e.args[0], scope), r = PrintForError(*e.args[1], scope);
      if (ArithPrec(*e.args[0]) < p) l = "(" + l + ")";
      if (ArithPrec(*e.args[1]) <= p) r = "(" + r + ")";
      const char* op = e.binary_op == BinaryOp::kAdd   ? "+"
                       : e.binary_op == BinaryOp::kSub ? "-"
                       : e.binary_op == BinaryOp::kMul ? "*"
                       : e.binary_op == BinaryOp::kDiv ? "/"
                       : e.binary_op == BinaryOp::kIntDiv ? "DIV"
                                                         : "%";
      return l + " " + op + " " + r;
    }
    case ExprKind::kUnary:
      if (e.unary_op == UnaryOp::kNeg) {
        std::string a = PrintForError(*e.args[0], scope);
        return "-" + (ArithPrec(*e.args[0]) < 3 ? "(" + a + ")" : a);
      }
      break;
    case ExprKind::kFunction: {
      if (!e.qualifier.empty() || e.star_arg || e.distinct) break;
      std::string out = e.name + "(";
      for (size_t i = 0; i < e.args.size(); i++) out += (i ? "," : "") + PrintForError(*e.args[i], scope);
      return out + ")";
    }
    default:
      break;
  }
  return ToSql(e);
}

// ", 'text'": the expression as MariaDB prints it, as the extra argument of
// rdb_add/rdb_sub/rdb_mul/rdb_u* for the 1690 message ('1e300 * 1e10',
// '`db`.`t`.`k` + 1').
std::string ErrorTextArg(const Expr& e, const Scope* scope) { return ", " + QuoteStr(PrintForError(e, scope)); }

// True for an unsigned integer value: BIGINT UNSIGNED, an unsigned integer
// column (or its value passed through).
bool IsUnsignedInt(const ExprType& t) {
  if (t.family == ResultType::kUnsigned) return true;
  if (t.family != ResultType::kInt) return false;
  const ColumnDef* c = t.column != nullptr ? t.column : (t.table ? t.origin : nullptr);
  return c != nullptr && ((c->type.is_unsigned && c->type.IsInteger()) || c->type.base == BaseType::kYear);
}

// True if MariaDB's type handler for an integer value is INT or narrower
// (so aggregating such values, as IF/COALESCE do, stays INT).
bool IsLongHandler(const ExprType& t) {
  const ColumnDef* c = t.column != nullptr ? t.column : (t.table ? t.origin : nullptr);
  if (c != nullptr) {
    switch (c->type.base) {
      case BaseType::kTinyInt:
      case BaseType::kSmallInt:
      case BaseType::kMediumInt:
      case BaseType::kInt:
        return true;
      default:
        return false;
    }
  }
  if (t.family == ResultType::kNull) return true;
  return t.long_int || (t.max_len >= 0 && t.max_len <= 9);
}

// The column a value is stored as, when it passes through unchanged.
const ColumnDef* OriginOf(const ExprType& t) {
  return t.column != nullptr ? t.column : (t.table ? t.origin : nullptr);
}

bool SameColumnType(const ColumnDef& a, const ColumnDef& b) {
  return a.type.base == b.type.base && a.type.is_unsigned == b.type.is_unsigned &&
         a.type.zerofill == b.type.zerofill && a.type.length == b.type.length &&
         a.type.decimals == b.type.decimals && a.type.collation == b.type.collation &&
         a.type.elements == b.type.elements;
}

// MySQL's type aggregation for values that may become the result (IF,
// IFNULL, COALESCE, CASE, GREATEST ...): all integers → integer; exact →
// DECIMAL (max scale); any DOUBLE → DOUBLE; any string → string; one kind
// of temporal → that kind. Values of columns of one type keep the column
// (`origin`). NULL literals do not take part.
ExprType CommonType(const std::vector<const ExprType*>& types) {
  ExprType rt;
  rt.family = ResultType::kNull;
  bool first = true, same_origin = true, all_long = true, len_known = true;
  bool any_signed = false, any_unsigned = false;
  const ExprType* origin_src = nullptr;
  int64_t len = -1;
  int num_decimals = 0;  // max decimals of numbers; 31 = not fixed (a DOUBLE's)
  for (const ExprType* tp : types) {
    const ExprType& t = *tp;
    if (t.family == ResultType::kNull) continue;
    const ColumnDef* o = OriginOf(t);
    if (o == nullptr) {
      same_origin = false;
    } else if (origin_src == nullptr) {
      origin_src = &t;
    } else if (!SameColumnType(*OriginOf(*origin_src), *o)) {
      same_origin = false;
    }
    if (t.family == ResultType::kInt || t.family == ResultType::kUnsigned) {
      all_long = all_long && IsLongHandler(t);
      (IsUnsignedInt(t) ? any_unsigned : any_signed) = true;
    }
    if (t.IsNumeric()) {
      int d = t.family == ResultType::kDouble && (t.decimals < 0 || t.decimals >= 31) ? 31 : std::max(t.decimals, 0);
      num_decimals = std::max(num_decimals, d);
    }
    int64_t l = t.IsExact() ? IntLen(t) : t.max_len;
    if (l < 0 && t.IsStringy() && t.column != nullptr) l = static_cast<int64_t>(CharacterMaxLength(t.column->type));
    if (l < 0) len_known = false;
    len = std::max(len, l);
    if (first) {
      rt.family = t.family;
      rt.decimals = t.decimals;
      first = false;
    } else if (rt.family == t.family) {
      rt.decimals = std::max(rt.decimals, t.decimals);
    } else if (rt.IsNumeric() && t.IsNumeric()) {
      if (rt.family == ResultType::kDouble || t.family == ResultType::kDouble) {
        rt.family = ResultType::kDouble;
      } else {
        // DECIMAL with an integer, or BIGINT with BIGINT UNSIGNED: DECIMAL.
        rt.family = ResultType::kDecimal;
      }
    } else if ((rt.family == ResultType::kDate || rt.family == ResultType::kDatetime || rt.family == ResultType::kTime) &&
               (t.family == ResultType::kDate || t.family == ResultType::kDatetime || t.family == ResultType::kTime)) {
      // Mixed temporal kinds: DATETIME.
      rt.family = ResultType::kDatetime;
      rt.decimals = std::max(std::max(rt.decimals, t.decimals), 0);
    } else {
      rt.family = t.family == ResultType::kBinary || rt.family == ResultType::kBinary ? ResultType::kBinary
                                                                                      : ResultType::kString;
    }
  }
  // Signed with unsigned integers (a literal counts as signed): DECIMAL.
  if ((rt.family == ResultType::kInt || rt.family == ResultType::kUnsigned) && any_signed && any_unsigned &&
      !same_origin) {
    rt.family = ResultType::kDecimal;
    len_known = false;
  }
  if (rt.family == ResultType::kDouble) rt.decimals = num_decimals >= 31 ? -1 : num_decimals;
  if (rt.family == ResultType::kDecimal) rt.decimals = std::min(num_decimals, 30);
  if (rt.family == ResultType::kInt || rt.family == ResultType::kUnsigned) rt.decimals = 0;
  if (rt.IsStringy()) rt.decimals = -1;
  if (len_known && len >= 0) rt.max_len = len;
  if (!first && same_origin && origin_src != nullptr) {
    rt.origin = OriginOf(*origin_src);
    rt.table = origin_src->table;
  }
  if ((rt.family == ResultType::kInt || rt.family == ResultType::kUnsigned) && all_long) rt.long_int = true;
  return rt;
}

// Digits after the point in a temporal string literal ('10:00:00.5' has 1), at most 6.
int FractionDigitsOf(std::string_view s) {
  auto dot = s.rfind('.');
  if (dot == std::string_view::npos) return 0;
  int n = 0;
  while (dot + 1 + n < s.size() && n < 6 && isdigit(static_cast<unsigned char>(s[dot + 1 + n]))) n++;
  return n;
}

bool IsDayOrLonger(IntervalUnit u) {
  return u == IntervalUnit::kDay || u == IntervalUnit::kWeek || u == IntervalUnit::kMonth ||
         u == IntervalUnit::kQuarter || u == IntervalUnit::kYear || u == IntervalUnit::kYearMonth;
}

bool HasMicroseconds(IntervalUnit u) {
  return u == IntervalUnit::kMicrosecond || u == IntervalUnit::kSecondMicrosecond ||
         u == IntervalUnit::kMinuteMicrosecond || u == IntervalUnit::kHourMicrosecond ||
         u == IntervalUnit::kDayMicrosecond;
}

// Result type of date arithmetic (DATE_ADD, d + INTERVAL ..., TIMESTAMPADD):
// DATE stays DATE for units of a day or more; DATE/DATETIME otherwise give
// DATETIME, TIME stays TIME, and a string gives a string (MariaDB reports
// a string column). Fractional digits: the base's, 6 for microsecond units,
// a literal's decimals for SECOND.
ExprType TemporalAddType(const ExprType& base, IntervalUnit unit, const Expr* amount) {
  int frac = HasMicroseconds(unit) ? 6 : 0;
  if (unit == IntervalUnit::kSecond && amount != nullptr) {
    if (auto text = DecimalLiteralText(*amount)) {
      auto dot = text->find('.');
      if (dot != std::string::npos) frac = std::min(6, static_cast<int>(text->size() - dot - 1));
    }
  }
  ExprType t;
  switch (base.family) {
    case ResultType::kDate:
      if (IsDayOrLonger(unit)) {
        t.family = ResultType::kDate;
      } else {
        t.family = ResultType::kDatetime;
        t.decimals = frac;
      }
      break;
    case ResultType::kDatetime:
    case ResultType::kTime:
      t.family = base.family;
      t.decimals = std::max(std::max(base.decimals, 0), frac);
      break;
    default:
      t.family = ResultType::kString;
      t.decimals = frac;
      t.max_len = 19 + (frac > 0 ? frac + 1 : 0);
      break;
  }
  return t;
}

// Value of a 0x41 / b'101' literal where MySQL reads it as a number
// (0x41 + 0 is 65); X'41' stays a string. nullopt if not such a literal.
std::optional<uint64_t> HexNumber(const Expr& e, std::string_view sql_text) {
  if (!(e.IsLiteral(LiteralKind::kHex) || e.IsLiteral(LiteralKind::kBit))) return std::nullopt;
  std::string_view src = e.span.In(sql_text);
  if (e.IsLiteral(LiteralKind::kHex) && !(src.size() > 1 && src[0] == '0' && (src[1] == 'x')))
    return std::nullopt;
  if (e.value.size() > 8) return std::nullopt;
  uint64_t v = 0;
  for (unsigned char c : e.value) v = (v << 8) | c;
  return v;
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
    *type = TemporalAddType(bt, iv->interval_unit, iv->args[0].get());
    const char* fn = op == BinaryOp::kSub ? "rdb_date_sub" : "rdb_date_add";
    return std::string(fn) + "(" + b + ", " + n + ", " + QuoteStr(unit) + ")";
  }

  ExprType lt, rt;
  ASSIGN_OR_RETURN(std::string l, Expr_(*e.args[0], scope, &lt));
  ASSIGN_OR_RETURN(std::string r, Expr_(*e.args[1], scope, &rt));
  type->nullable = lt.nullable || rt.nullable;
  if (op != BinaryOp::kAnd && op != BinaryOp::kOr && op != BinaryOp::kXor && op != BinaryOp::kConcat) {
    // 0x41 and b'101' are numbers where MySQL reads numbers (0x41 + 0 = 65,
    // 0x41 = 65); against a string they stay strings.
    auto hex_number = [&](const Expr& x, const ExprType& other, std::string* sql, ExprType* t) {
      auto v = HexNumber(x, sql_text_);
      if (!v || (IsComparison(op) && !other.IsNumeric())) return;
      std::string digits = std::to_string(*v);
      *sql = *v > static_cast<uint64_t>(INT64_MAX) ? QuoteStr(digits) : digits;
      *t = ExprType();
      t->family = ResultType::kUnsigned;
      t->decimals = 0;
      t->is_literal = true;
      t->nullable = false;
      t->max_len = static_cast<int64_t>(digits.size());
    };
    hex_number(*e.args[0], rt, &l, &lt);
    hex_number(*e.args[1], lt, &r, &rt);
    // ENUM, SET and temporal columns read as MySQL's numbers in arithmetic
    // and against a number: e + 0 is the index, d + 0 is YYYYMMDD, e = 1
    // compares the index (types.h NumericContextSql).
    auto column_number = [&](std::string* sql, ExprType* t, const ExprType& other) {
      if (t->is_row || (IsComparison(op) && !other.IsNumeric())) return;
      ColumnAsNumber(sql, t);
    };
    column_number(&l, &lt, rt);
    column_number(&r, &rt, lt);
  }

  if (IsComparison(op) && !lt.is_row && !rt.is_row) {
    // A temporal column against a string constant: the constant in the
    // column's canonical form, so the stored text compares right ('12:00'
    // is 12:00:00; '2024-1-2' is 2024-01-02) and an index still serves.
    auto temporal_constant = [&](const ExprType& col, const Expr& other_e, const ExprType& other, std::string* sql) {
      if (col.column == nullptr || !other.is_literal || other.family != ResultType::kString ||
          !other_e.IsLiteral(LiteralKind::kString))
        return;
      int fsp = std::max(std::max(col.decimals, 0), FractionDigitsOf(other_e.value));
      if (col.family == ResultType::kTime) {
        *sql = "rdb_cast_time(" + *sql + ", " + std::to_string(fsp) + ")";
      } else if (col.family == ResultType::kDatetime) {
        *sql = "rdb_cast_datetime(" + *sql + ", " + std::to_string(fsp) + ")";
      } else if (col.family == ResultType::kDate && other_e.value.find(':') == std::string::npos) {
        *sql = "rdb_cast_date(" + *sql + ")";
      }
    };
    temporal_constant(lt, *e.args[1], rt, &r);
    temporal_constant(rt, *e.args[0], lt, &l);
  }

  if (IsComparison(op)) {
    type->family = ResultType::kInt;
    type->long_int = true;  // a predicate: INT(1)
    type->max_len = 1;
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
    if (lt.row_size != rt.row_size) {
      if (lt.row_size == 0 || rt.row_size == 0) {
        const ExprType& scalar = lt.row_size == 0 ? lt : rt;
        std::string tn = TypeHandlerName(scalar);
        return Status::SqlError(4078, "HY000", "Illegal parameter data types " + (lt.row_size == 0 ? tn : "row") +
                                                   " and " + (rt.row_size == 0 ? tn : "row") + " for operation '" +
                                                   std::string(BinaryOpName(op)) + "'");
      }
      return Status::SqlError(1241, "21000", "Operand should contain " + std::to_string(lt.row_size) + " column(s)");
    }
    if (lt.is_row || rt.is_row) return "(" + l + " " + sop + " " + r + ")";
    // A binary string against a character string compares bytes. SQLite
    // orders every TEXT before every BLOB (never equal), so the character
    // side becomes a BLOB: VARBINARY vb = 'ab' is true for the bytes "ab".
    if (lt.family == ResultType::kBinary && rt.family == ResultType::kString) r = "CAST(" + r + " AS BLOB)";
    if (rt.family == ResultType::kBinary && lt.family == ResultType::kString) l = "CAST(" + l + " AS BLOB)";
    if (l_str && r_str && lt.column == nullptr && rt.column == nullptr && e.args[0]->kind != ExprKind::kCollate &&
        e.args[1]->kind != ExprKind::kCollate) {
      l = "(" + l + ") COLLATE " + env_.literal_collation;
    }
    // Exact results computed as decimal text (SUM, dec arithmetic) compare
    // as numbers, not as text against a number.
    // (Literals count when emitted as text: long DECIMALs, big unsigned.)
    auto as_text_number = [&](const ExprType& t) {
      const std::string& sql = &t == &lt ? l : r;
      return (t.family == ResultType::kDecimal || t.family == ResultType::kUnsigned) && t.column == nullptr &&
             (!t.is_literal || (!sql.empty() && sql[0] == '\''));
    };
    if ((as_text_number(lt) && (rt.IsNumeric() || rt.family == ResultType::kNull)) ||
        (as_text_number(rt) && (lt.IsNumeric() || lt.family == ResultType::kNull))) {
      // MariaDB compares a computed DECIMAL at its scale (1/3 = 0.3333 is
      // true), exactly. A column keeps the plain comparison (its rdb_num
      // collation or numeric affinity), so an index still serves it.
      auto exact = [&](const Expr& x, const std::string& sql, const ExprType& t) {
        if (as_text_number(t)) return "rdb_dec_rescale(" + sql + ", " + std::to_string(std::max(t.decimals, 0)) + ")";
        return ExactArg(&x, sql);
      };
      std::string el = exact(*e.args[0], l, lt), er = exact(*e.args[1], r, rt);
      if (lt.column != nullptr || rt.column != nullptr) return "(" + el + " " + sop + " " + er + ")";
      std::string cmp = "rdb_dec_cmp(" + el + ", " + er + ")";
      if (op == BinaryOp::kNullSafeEq) return "((" + el + ") IS NULL AND (" + er + ") IS NULL OR " + cmp + " IS 0)";
      return "(" + cmp + " " + sop + " 0)";
    }
    // Number vs string without a column to give affinity: compare as numbers
    // — as DECIMAL when the number is exact ('abc' = 0 warns "Truncated
    // incorrect DECIMAL value"), else as DOUBLE. A numeric column keeps the
    // plain comparison (index use).
    bool l_num = lt.IsNumeric() && (rt.family == ResultType::kString || rt.family == ResultType::kJson) &&
                 rt.column == nullptr;
    bool r_num = rt.IsNumeric() && (lt.family == ResultType::kString || lt.family == ResultType::kJson) &&
                 lt.column == nullptr;
    if ((l_num && lt.IsExact() && lt.column == nullptr) || (r_num && rt.IsExact() && rt.column == nullptr)) {
      std::string el = ExactArg(e.args[0].get(), l), er = ExactArg(e.args[1].get(), r);
      std::string cmp = "rdb_num_cmp(" + el + ", " + er + ")";
      if (op == BinaryOp::kNullSafeEq) return "((" + el + ") IS NULL AND (" + er + ") IS NULL OR " + cmp + " IS 0)";
      return "(" + cmp + " " + sop + " 0)";
    }
    if (l_num) r = "rdb_cast_double(" + r + ")";
    if (r_num) l = "rdb_cast_double(" + l + ")";
    // DECIMAL / BIGINT UNSIGNED columns are text with the rdb_num collation:
    // comparing them with a number must not switch to numeric affinity
    // (which loses precision) — give the literal text form instead.
    return "(" + l + " " + sop + " " + r + ")";
  }

  switch (op) {
    case BinaryOp::kAnd:
      type->family = ResultType::kInt;
      type->long_int = true;  // a predicate: INT(1)
      type->max_len = 1;
      return "(" + l + " AND " + r + ")";
    case BinaryOp::kOr:
      type->family = ResultType::kInt;
      type->long_int = true;  // a predicate: INT(1)
      type->max_len = 1;
      return "(" + l + " OR " + r + ")";
    case BinaryOp::kXor:
      type->family = ResultType::kInt;
      type->long_int = true;  // a predicate: INT(1)
      type->max_len = 1;
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

  // Integer result widths (MariaDB's max_length): INT or BIGINT metadata.
  if (type->family == ResultType::kInt || type->family == ResultType::kUnsigned) {
    int64_t la = IntLen(lt), lb = IntLen(rt);
    if (la >= 0 && lb >= 0) {
      switch (op) {
        case BinaryOp::kAdd:
        case BinaryOp::kSub: type->max_len = std::max(la, lb) + 1; break;
        case BinaryOp::kMul: type->max_len = la + lb; break;
        case BinaryOp::kIntDiv: type->max_len = la; break;
        case BinaryOp::kMod: type->max_len = std::max(la, lb); break;
        default: break;
      }
    }
  }

  if ((op == BinaryOp::kAdd || op == BinaryOp::kSub || op == BinaryOp::kMul) &&
      (type->family == ResultType::kInt || type->family == ResultType::kUnsigned) &&
      (IsUnsignedInt(lt) || IsUnsignedInt(rt))) {
    // An unsigned operand makes the result BIGINT UNSIGNED (error 1690
    // below 0: CAST(0 AS UNSIGNED) - 1).
    type->family = ResultType::kUnsigned;
    const char* uf = op == BinaryOp::kAdd ? "rdb_uadd(" : op == BinaryOp::kSub ? "rdb_usub(" : "rdb_umul(";
    return uf + l + ", " + r + ErrorTextArg(e, scope) + ")";
  }

  if (fi != nullptr) {
    bool use_dec = !fi->decimal_variant.empty() &&
                   (lt.family == ResultType::kDecimal || rt.family == ResultType::kDecimal ||
                    lt.family == ResultType::kUnsigned || rt.family == ResultType::kUnsigned);
    std::string_view fn = use_dec ? fi->decimal_variant : fi->sqlite_name;
    if (use_dec) {
      // Decimal literals as exact text (2.5 is not the REAL 2.5).
      l = ExactArg(e.args[0].get(), l);
      r = ExactArg(e.args[1].get(), r);
    }
    if (op == BinaryOp::kDiv && type->family == ResultType::kDecimal) {
      // Exact quotients keep MySQL's internal precision (whole groups of 9
      // digits), so 2/3*3 is 2.0000; results are rounded to their scale
      // when sent or read as strings.
      return "rdb_dec_div(" + l + ", " + r + ", NULL, 1)";
    }
    if (!use_dec && (fi->flags & kFnOperator) && (fi->flags & kFnSqliteBuiltin)) {
      // + - *: SQLite turns a BIGINT overflow into a REAL (and a DOUBLE one
      // into inf) and reads strings silently; rdb_add/sub/mul raise 1690 and
      // warn as MySQL does. Two short integer literals cannot overflow.
      int64_t la = IntLen(lt), lb = IntLen(rt);
      bool small = lt.is_literal && rt.is_literal && lt.family == ResultType::kInt && rt.family == ResultType::kInt &&
                   la >= 0 && lb >= 0 && la + lb <= 18;
      if (!small) {
        const char* cf = op == BinaryOp::kAdd ? "rdb_add" : op == BinaryOp::kSub ? "rdb_sub" : "rdb_mul";
        return std::string(cf) + "(" + l + ", " + r + ErrorTextArg(e, scope) + ")";
      }
      return "(" + l + " " + std::string(fn) + " " + r + ")";
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
  const Expr* src = e.args[0].get();
  if (c.kind == CastType::Kind::kSigned || c.kind == CastType::Kind::kUnsigned ||
      c.kind == CastType::Kind::kDecimal || c.kind == CastType::Kind::kDouble || c.kind == CastType::Kind::kFloat) {
    // Temporal / ENUM / SET columns as MySQL's numbers (CAST(d AS SIGNED) is YYYYMMDD).
    if (ColumnAsNumber(&a, &at)) {
      src = nullptr;
      // A DATETIME(n) / TIME(n) number keeps its integer part (no rounding).
      if (at.family == ResultType::kDecimal && c.kind != CastType::Kind::kDecimal &&
          c.kind != CastType::Kind::kDouble && c.kind != CastType::Kind::kFloat) {
        a = "rdb_dec_truncate(" + a + ", 0)";
        at.decimals = 0;
      }
    }
  }
  switch (c.kind) {
    case CastType::Kind::kSigned:
    case CastType::Kind::kUnsigned: {
      bool is_unsigned = c.kind == CastType::Kind::kUnsigned;
      type->family = is_unsigned ? ResultType::kUnsigned : ResultType::kInt;
      type->decimals = 0;
      type->nullable = at.nullable;
      // Width: the argument's (INT or BIGINT metadata), a sign added to strings.
      int64_t len = at.IsExact() ? IntLen(at) : at.max_len;
      if (at.family == ResultType::kDecimal) {
        len = at.max_len;
        const ColumnDef* dc = OriginOf(at);
        if (len < 0 && dc != nullptr && dc->type.base == BaseType::kDecimal) {
          int p = dc->type.length > 0 ? dc->type.length : 10, sc = std::max(dc->type.decimals, 0);
          len = p + (sc > 0 ? 1 : 0) + 1;  // DECIMAL(p,s)'s display width
        }
      }
      if (at.IsStringy() && len >= 0 && !is_unsigned) len++;
      if (len >= 0) type->max_len = std::min<int64_t>(len, is_unsigned ? 20 : 21);
      std::string fn = is_unsigned ? "rdb_cast_unsigned(" : "rdb_cast_signed(";
      // DECIMAL values round (3.5 → 4) instead of being read as strings.
      if (at.family == ResultType::kDecimal) return fn + ExactArg(src, a) + ", 1)";
      return fn + a + ")";
    }
    case CastType::Kind::kDecimal: {
      int p = c.length < 0 ? 10 : c.length, s = c.decimals < 0 ? 0 : c.decimals;
      type->family = ResultType::kDecimal;
      type->decimals = s;
      type->nullable = at.nullable;
      type->max_len = p + (s > 0 ? 1 : 0) + 1;
      return "rdb_cast_decimal(" + ExactArg(src, a) + ", " + std::to_string(p) + ", " + std::to_string(s) + ")";
    }
    case CastType::Kind::kDouble:
    case CastType::Kind::kFloat:
      type->family = ResultType::kDouble;
      return "rdb_cast_double(" + a + ")";
    case CastType::Kind::kChar:
    case CastType::Kind::kBinary: {
      bool binary = c.kind == CastType::Kind::kBinary;
      type->family = binary ? ResultType::kBinary : ResultType::kString;
      type->decimals = 0;
      if (c.length >= 0) {
        type->max_len = c.length;
      } else if (at.max_len >= 0) {
        type->max_len = at.max_len;
      } else if (at.column != nullptr && at.IsStringy()) {
        type->max_len = static_cast<int64_t>(CharacterMaxLength(at.column->type));
      } else if (at.IsNumeric()) {
        type->max_len = at.IsExact() && IntLen(at) >= 0 ? IntLen(at) : 21;
      }
      // A DECIMAL as text keeps its scale (CAST(1.50 AS CHAR) is '1.50').
      a = StringArg(src, a, at);
      std::string fn = binary ? "rdb_cast_binary(" : "rdb_cast_char(";
      if (c.length >= 0) return fn + a + ", " + std::to_string(c.length) + ")";
      return fn + a + ")";
    }
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
  if (type != nullptr && inner.columns.size() > 1) {
    // A row subquery: (a, b) = (SELECT x, y ...).
    *type = ExprType();
    type->is_row = true;
    type->row_size = static_cast<int>(inner.columns.size());
    return "(" + inner.sql + ")";
  }
  if (type != nullptr) {
    *type = inner.columns[0].type;
    type->column = nullptr;
    type->table = nullptr;
    type->nullable = true;
    // A scalar subquery must return at most one row (error 1242):
    // rdb_scalar() is an aggregate that fails on a second row.
    return "(SELECT rdb_scalar(\"rdb_sq\"." + Quote(inner.columns[0].meta.name) + ") FROM (" + inner.sql +
           ") AS \"rdb_sq\")";
  }
  return "(" + inner.sql + ")";
}

Result<std::string> Translator::Function(const Expr& e, Scope* scope, ExprType* type) {
  const std::string& name = e.name;
  // CHARSET(x) / COLLATION(x) answer from x's static type: a column's
  // collation, CONVERT(.. USING cs), x COLLATE c, _cs'..', the connection's
  // collation for other strings, 'binary' for everything else. VARCHAR(64)
  // NOT NULL, as MariaDB types them.
  if ((name == "charset" || name == "collation") && e.args.size() == 1) {
    const Expr& x = *e.args[0];
    ExprType xt;
    size_t bound = binds_.size();  // x's SQL is not used: neither are its bound values
    ASSIGN_OR_RETURN(std::string ignored, Expr_(x, scope, &xt));
    (void)ignored;
    binds_.resize(bound);
    std::string coll;
    if (x.kind == ExprKind::kConvertUsing || (x.kind == ExprKind::kLiteral && !x.charset.empty())) {
      coll = x.charset == "binary" ? "binary" : DefaultCollationOf(x.charset);
    } else if (x.kind == ExprKind::kCollate) {
      coll = Lower(x.name);
    } else if (xt.column != nullptr && (xt.column->type.IsString() || xt.column->type.base == BaseType::kJson)) {
      coll = EffectiveCollation(xt.column->type, xt.table ? xt.table->collation : "");
    } else if (xt.family == ResultType::kString || xt.family == ResultType::kJson) {
      auto cc = env_.sysvar ? env_.sysvar("collation_connection", VarScope::kSession) : Result<Value>(Value::Null());
      coll = cc.ok() && !cc->is_null() ? Lower(cc->ToText()) : "utf8mb4_general_ci";
    } else {
      coll = "binary";
    }
    *type = Family(ResultType::kString);
    type->nullable = false;
    type->max_len = 64;
    return QuoteStr(name == "charset" ? (coll == "binary" ? coll : CharsetOfCollation(coll)) : coll);
  }
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
  // MySQL counts INTERVAL e unit as one argument (the call takes e and
  // 'UNIT'); a unit written first (EXTRACT, TIMESTAMPADD/DIFF) is the
  // call's first argument.
  const bool unit_first = e.interval_unit != IntervalUnit::kNone && name != "date_add" && name != "date_sub" &&
                          name != "adddate" && name != "subdate";
  int nargs = static_cast<int>(e.args.size()) + (unit_first ? 1 : 0);
  for (const auto& a : e.args)
    if (a->kind == ExprKind::kInterval) nargs++;
  if (!e.star_arg && (nargs < fi->min_args || (fi->max_args >= 0 && nargs > fi->max_args)))
    return Status::SqlError(1582, "42000",
                            "Incorrect parameter count in the call to native function '" + Upper(name) + "'");
  const bool aggregate = (fi->flags & kFnAggregate) != 0;
  if (aggregate) {
    for (const auto& a : e.args)
      if (ContainsAggregate(*a)) return Status::SqlError(1111, "HY000", "Invalid use of group function");
  }

  std::vector<std::string> args;
  std::vector<ExprType> types;
  std::vector<const Expr*> sources;  // each argument's expression (nullptr: a unit)
  IntervalUnit unit = e.interval_unit;
  const Expr* amount = nullptr;  // the INTERVAL's value
  if (unit_first) {
    args.push_back(QuoteStr(std::string(IntervalUnitName(e.interval_unit))));
    types.push_back(Family(ResultType::kString));
    sources.push_back(nullptr);
  }
  for (const auto& a : e.args) {
    ExprType t;
    if (a->kind == ExprKind::kInterval) {
      // DATE_ADD(d, INTERVAL n unit) → (d, n, 'UNIT')
      ASSIGN_OR_RETURN(std::string n, Expr_(*a->args[0], scope, &t));
      args.push_back(n);
      types.push_back(t);
      sources.push_back(a->args[0].get());
      unit = a->interval_unit;
      amount = a->args[0].get();
      args.push_back(QuoteStr(std::string(IntervalUnitName(a->interval_unit))));
      types.push_back(Family(ResultType::kString));
      sources.push_back(nullptr);
      continue;
    }
    ASSIGN_OR_RETURN(std::string s, Expr_(*a, scope, &t));
    args.push_back(std::move(s));
    types.push_back(t);
    sources.push_back(a.get());
  }
  if (unit == IntervalUnit::kNone && (name == "adddate" || name == "subdate")) unit = IntervalUnit::kDay;
  // Numeric aggregates read ENUM / SET / temporal columns as numbers
  // (SUM(e) adds indexes); MIN/MAX/COUNT/GROUP_CONCAT keep the values.
  if (aggregate && (name == "sum" || name == "avg" || name == "std" || name == "stddev" ||
                    name == "stddev_pop" || name == "stddev_samp" || name == "variance" ||
                    name == "var_pop" || name == "var_samp")) {
    for (size_t i = 0; i < args.size(); i++) ColumnAsNumber(&args[i], &types[i]);
  }

  // Result type.
  ExprType rt = Family(fi->type, fi->decimals);
  auto arg_type = [&](int i) -> ExprType {
    return i < static_cast<int>(types.size()) ? types[i] : Family(ResultType::kNull);
  };
  bool temporal_strings = false;  // GREATEST/LEAST: convert string arguments to rt's temporal type
  // Functions whose result is one of their arguments' values, unchanged.
  const bool passthrough = name == "min" || name == "max" || name == "nullif" || name == "ifnull" ||
                           name == "coalesce" || name == "if";
  switch (fi->rule) {
    case TypeRule::kFixed:
      break;
    case TypeRule::kSameAsArg: {
      ExprType a = arg_type(fi->rule_arg);
      rt = Family(a.family, a.decimals);
      rt.max_len = a.IsExact() ? IntLen(a) : a.max_len;
      if (rt.max_len < 0 && a.IsStringy() && a.column != nullptr)
        rt.max_len = static_cast<int64_t>(CharacterMaxLength(a.column->type));
      if (passthrough) {
        rt.origin = OriginOf(a);
        if (rt.origin != nullptr) rt.table = a.table;
        rt.long_int = a.long_int;
      }
      if (a.family == ResultType::kNull && fi->type == ResultType::kString) rt = Family(ResultType::kString);
      if (fi->type == ResultType::kDate || fi->type == ResultType::kDatetime || fi->type == ResultType::kTime) {
        // TIME(dt), TIMESTAMP(d), SEC_TO_TIME(1.5), CONVERT_TZ: the function's
        // kind with the argument's fractional digits.
        int dec = a.IsExact() || a.family == ResultType::kDatetime || a.family == ResultType::kTime
                      ? std::max(a.decimals, 0)
                      : a.family == ResultType::kDouble ? 6 : 0;
        if (sources[fi->rule_arg] != nullptr && sources[fi->rule_arg]->IsLiteral(LiteralKind::kString))
          dec = FractionDigitsOf(sources[fi->rule_arg]->value);
        rt = Family(fi->type, fi->type == ResultType::kDate ? -1 : std::min(dec, 6));
      }
      break;
    }
    case TypeRule::kCommonOfArgs: {
      std::vector<const ExprType*> ts;
      for (size_t i = fi->rule_arg; i < types.size(); i++) ts.push_back(&types[i]);
      rt = CommonType(ts);
      if ((name == "greatest" || name == "least") && rt.family == ResultType::kString) {
        // Temporal values among string constants compare, and come back, as
        // that temporal type (LEAST(time_col, '10:00:00') is a TIME).
        std::vector<const ExprType*> temporal;
        bool only_constants = true;
        for (const ExprType* t : ts) {
          if (t->family == ResultType::kDate || t->family == ResultType::kDatetime || t->family == ResultType::kTime)
            temporal.push_back(t);
          else if (t->family != ResultType::kNull && !(t->family == ResultType::kString && t->is_literal))
            only_constants = false;
        }
        if (only_constants && !temporal.empty()) {
          rt = CommonType(temporal);
          temporal_strings = true;
        }
      }
      if (!passthrough) {
        rt.origin = nullptr;
        rt.table = nullptr;
      }
      break;
    }
    case TypeRule::kArithmetic:
      rt = ArithType(arg_type(0), arg_type(1), BinaryOp::kAdd);
      if (rt.family == ResultType::kInt) {
        int64_t la = IntLen(arg_type(0)), lb = IntLen(arg_type(1));
        if (la >= 0 && lb >= 0) rt.max_len = std::max(la, lb) + 1;
      }
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
      if (e.args.size() > 1 && e.args[1]->kind == ExprKind::kUnary && e.args[1]->unary_op == UnaryOp::kNeg) d = 0;
      if (a.family == ResultType::kInt || a.family == ResultType::kUnsigned) {
        rt = Family(a.family, 0);
        rt.max_len = IntLen(a);
      } else if (a.family == ResultType::kDecimal) {
        rt = Family(ResultType::kDecimal, std::max(d, 0));
      } else {
        rt = Family(ResultType::kDouble, e.args.size() > 1 ? std::max(d, 0) : 0);
      }
      break;
    }
    case TypeRule::kIntIfExact: {
      ExprType a = arg_type(0);
      if (a.family == ResultType::kDouble || a.IsStringy()) {
        rt = Family(ResultType::kDouble, 0);
      } else if (a.family == ResultType::kDecimal) {
        // Integer digits and one for a carry (CEIL(9.5) = 10): up to 9 an
        // INT, up to 18 a BIGINT, beyond a DECIMAL.
        rt = Family(ResultType::kInt, 0);
        int64_t digits = -1;
        const ColumnDef* c = OriginOf(a);
        if (c != nullptr && c->type.base == BaseType::kDecimal) {
          int p = c->type.length > 0 ? c->type.length : 10, s = std::max(c->type.decimals, 0);
          digits = p - s + 1;
        } else if (a.max_len >= 0) {
          digits = a.max_len - (a.decimals > 0 ? a.decimals + 1 : 0);  // max_len counts the sign
        }
        if (digits > 18) rt = Family(ResultType::kDecimal, 0);
        else if (digits >= 0) rt.max_len = digits;
      } else {
        rt = Family(a.family == ResultType::kNull ? ResultType::kDouble : a.family, 0);
        rt.max_len = IntLen(a);
      }
      break;
    }
    case TypeRule::kAvg:
      rt = arg_type(0).IsExact() ? Family(ResultType::kDecimal, std::max(arg_type(0).decimals, 0) + 4)
                                 : Family(ResultType::kDouble);
      break;
    case TypeRule::kSum:
      rt = arg_type(0).IsExact() ? Family(ResultType::kDecimal, std::max(arg_type(0).decimals, 0))
                                 : Family(ResultType::kDouble);
      break;
    case TypeRule::kTemporalAdd:
      rt = TemporalAddType(arg_type(fi->rule_arg), unit, amount);
      break;
    case TypeRule::kAddTime: {
      ExprType a = arg_type(0), b = arg_type(1);
      rt = Family(a.family == ResultType::kTime ? ResultType::kTime
                  : (a.family == ResultType::kDate || a.family == ResultType::kDatetime) ? ResultType::kDatetime
                  : ResultType::kString);
      if (rt.family != ResultType::kString) {
        // Fractional digits: the typed arguments' (a string adds none).
        auto dec = [](const ExprType& t) {
          return t.family == ResultType::kTime || t.family == ResultType::kDatetime ? std::max(t.decimals, 0) : 0;
        };
        rt.decimals = std::min(std::max(dec(a), dec(b)), 6);
      }
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
  if ((fi->flags & kFnLongResult) != 0) rt.long_int = true;
  if ((name == "from_unixtime" && types.size() == 1) || name == "maketime") {
    // Fractional digits of the seconds argument (FROM_UNIXTIME(1.5): 1).
    const ExprType& a = types[name == "maketime" ? 2 : 0];
    rt.decimals = a.family == ResultType::kDecimal ? std::min(std::max(a.decimals, 0), 6)
                  : a.family == ResultType::kDouble || a.IsStringy() ? 6 : 0;
  }
  if (name == "timestamp" && types.size() == 2) {
    auto dec = [](const ExprType& t) {
      return t.family == ResultType::kTime || t.family == ResultType::kDatetime ? std::max(t.decimals, 0) : 0;
    };
    rt.decimals = std::max(rt.decimals, dec(types[1]));
  }
  if ((name == "time_to_sec" || name == "unix_timestamp") && !types.empty()) {
    // DECIMAL with the argument's fractional digits when it has some.
    const ExprType& a = types[0];
    int dec = a.family == ResultType::kTime || a.family == ResultType::kDatetime ? std::max(a.decimals, 0)
              : a.family == ResultType::kDecimal                             ? std::max(a.decimals, 0)
              : a.family == ResultType::kDouble                              ? 6
                                                                             : 0;
    if (sources[0] != nullptr && sources[0]->IsLiteral(LiteralKind::kString))
      dec = FractionDigitsOf(sources[0]->value);
    if (dec > 0) rt = Family(ResultType::kDecimal, std::min(dec, 6));
  }

  // Nullability (result metadata), as MariaDB's maybe_null.
  auto any_nullable = [&](size_t from) {
    for (size_t i = from; i < types.size(); i++)
      if (types[i].nullable) return true;
    return false;
  };
  auto all_nullable = [&]() {
    for (const auto& t : types)
      if (!t.nullable) return false;
    return true;
  };
  rt.nullable = true;
  if (name == "count" || name == "isnull") {
    rt.nullable = false;
  } else if (name == "ifnull" || name == "coalesce") {
    rt.nullable = all_nullable();
  } else if (name == "if") {
    rt.nullable = any_nullable(1) || types[0].is_null_literal;
  } else if ((fi->flags & kFnNullFromArgs) != 0 && !aggregate) {
    rt.nullable = any_nullable(0);
  }

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
    else if (name == "group_concat") rt.max_len = 16383;  // BLOB, as MariaDB types it
    else if ((name == "left" || name == "right") && e.args.size() == 2 && e.args[1]->IsLiteral(LiteralKind::kInt)) {
      int64_t n = atoll(e.args[1]->value.c_str()), l0 = types[0].max_len;
      if (l0 < 0 && types[0].column != nullptr) l0 = static_cast<int64_t>(CharacterMaxLength(types[0].column->type));
      rt.max_len = l0 >= 0 ? std::min(l0, n) : n;
    }
    else if ((name == "substring" || name == "substr" || name == "mid") && e.args.size() == 3 &&
             e.args[2]->IsLiteral(LiteralKind::kInt))
      rt.max_len = atoll(e.args[2]->value.c_str());
    else if (rt.max_len < 0 && known && mx >= 0) rt.max_len = mx;
  }
  *type = rt;

  bool use_dec = false;
  if (!fi->decimal_variant.empty())
    for (auto& t : types)
      if (t.family == ResultType::kDecimal || t.family == ResultType::kUnsigned) use_dec = true;
  std::string fn(use_dec ? fi->decimal_variant : fi->sqlite_name);

  // Exact arguments: decimal literals as text for the rdb_dec_* variants;
  // DECIMAL values as text with their scale where MySQL reads a string.
  if (fi->rule == TypeRule::kCommonOfArgs && rt.family == ResultType::kDatetime) {
    // DATE values among DATETIMEs take the DATETIME form (LEAST(d, dt)).
    for (size_t i = fi->rule_arg; i < args.size(); i++)
      if (types[i].family == ResultType::kDate)
        args[i] = "rdb_cast_datetime(" + args[i] + ", " + std::to_string(std::max(rt.decimals, 0)) + ")";
  }
  if (temporal_strings) {
    for (size_t i = fi->rule_arg; i < args.size(); i++) {
      if (types[i].family != ResultType::kString) continue;
      std::string fsp = std::to_string(std::max(rt.decimals, 0));
      args[i] = rt.family == ResultType::kTime ? "rdb_cast_time(" + args[i] + ", " + fsp + ")"
                : rt.family == ResultType::kDate ? "rdb_cast_date(" + args[i] + ")"
                                                 : "rdb_cast_datetime(" + args[i] + ", " + fsp + ")";
    }
  }
  if (use_dec) {
    for (size_t i = 0; i < args.size(); i++) args[i] = ExactArg(sources[i], args[i]);
  } else {
    uint32_t mask = StringArgPositions(name, fi->type == ResultType::kString || fi->type == ResultType::kBinary);
    for (size_t i = 0; i < args.size() && i < 32; i++)
      if ((mask >> i) & 1u) args[i] = StringArg(sources[i], args[i], types[i]);
  }

  // Special argument shapes.
  if (e.star_arg) return fn + "(*)";
  if (name == "coalesce" && args.size() == 1) return "coalesce(" + args[0] + ", NULL)";
  if (fi->rule == TypeRule::kAddTime && (rt.family == ResultType::kTime || rt.family == ResultType::kDatetime)) {
    // The typed result shows its own fractional digits.
    std::string call = fn + "(" + args[0] + ", " + args[1] + ")";
    return std::string(rt.family == ResultType::kTime ? "rdb_cast_time(" : "rdb_cast_datetime(") + call + ", " +
           std::to_string(std::max(rt.decimals, 0)) + ")";
  }
  if ((name == "pow" || name == "power" || name == "exp") && !use_dec) {
    // The call as MariaDB prints it, for error 1690 ("... out of range in 'pow(-8,1 / 3)'").
    std::string text = name == "exp" ? "exp(" : "pow(";
    for (size_t i = 0; i < e.args.size(); i++) text += (i ? "," : "") + PrintForError(*e.args[i], scope);
    args.push_back(QuoteStr(text + ")"));
  }
  if (name == "if") {
    // Only the chosen branch is evaluated (its warnings, its errors).
    std::string cond = types[0].family == ResultType::kInt || types[0].family == ResultType::kDouble
                           ? args[0]
                           : "rdb_truth(" + args[0] + ")";
    return "(CASE WHEN " + cond + " THEN " + args[1] + " ELSE " + args[2] + " END)";
  }
  if (name == "count" && e.distinct) {
    // SQLite's count(DISTINCT x) takes one value and compares strings
    // without a column collation by bytes.
    bool plain = args.size() == 1 && (types[0].column != nullptr || !types[0].IsStringy());
    if (!plain) {
      std::string out = "rdb_count_distinct(";
      for (size_t i = 0; i < args.size(); i++) out += (i ? ", " : "") + args[i];
      return out + ")";
    }
  }
  std::string out = fn + "(";
  if (e.distinct && name != "group_concat") out += "DISTINCT ";
  std::vector<std::string> final_args = args;
  if (name == "trim") {
    // args = [str] or [str, remstr]; emit rdb_trim(str, remstr|NULL, side).
    int side = e.trim_side == TrimSide::kLeading ? 1 : e.trim_side == TrimSide::kTrailing ? 2 : 0;
    final_args = {args[0], args.size() > 1 ? args[1] : "NULL", std::to_string(side)};
  }
  if (name == "group_concat") {
    std::vector<std::string> keys;
    std::string dirs;
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
      keys.push_back(k);
      dirs += ob.descending ? 'd' : 'a';
    }
    for (size_t i = 0; i < args.size(); i++) args[i] = StringArg(sources[i], args[i], types[i]);
    if (e.distinct || args.size() > 1) {
      // rdb_group_concat_ex(spec, separator, v1, ..., vN, k1, ...):
      // spec = 'D' (DISTINCT) or '-', N, then 'a'/'d' per ORDER BY key.
      final_args = {QuoteStr((e.distinct ? "D" : "-") + std::to_string(args.size()) + dirs),
                    QuoteStr(e.separator.value_or(","))};
      final_args.insert(final_args.end(), args.begin(), args.end());
      final_args.insert(final_args.end(), keys.begin(), keys.end());
      fn = "rdb_group_concat_ex";
    } else {
      // rdb_group_concat(value, separator, key, 1 (DESC) | 0, ...).
      final_args = {args[0], QuoteStr(e.separator.value_or(","))};
      for (size_t i = 0; i < keys.size(); i++) {
        final_args.push_back(keys[i]);
        final_args.push_back(dirs[i] == 'd' ? "1" : "0");
      }
    }
    out = fn + "(";
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
      if (env_.user_var) {
        Value v = env_.user_var(e.name);
        switch (v.kind()) {
          case Value::Kind::kInt: type->family = ResultType::kInt; type->max_len = 21; break;
          case Value::Kind::kUInt: type->family = ResultType::kUnsigned; type->max_len = 21; break;
          case Value::Kind::kDouble: type->family = ResultType::kDouble; break;
          case Value::Kind::kString: type->max_len = static_cast<int64_t>(Utf8Chars(v.string_value())); break;
          case Value::Kind::kNull: type->max_len = 0; break;
        }
        if (type->family == ResultType::kString) type->max_len = std::max<int64_t>(type->max_len, 0);
        if (env_.user_var_family) {
          auto f = env_.user_var_family(e.name);
          if (f && *f == ResultType::kDecimal) {
            type->family = ResultType::kDecimal;
            type->decimals = 38;
          }
        }
        type->user_var = true;
      }
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
      type->sysvar = true;
      type->max_len = static_cast<int64_t>(Utf8Chars(v.ToText()));
      switch (v.kind()) {
        case Value::Kind::kNull: type->family = ResultType::kNull; return std::string("NULL");
        case Value::Kind::kInt: type->family = ResultType::kInt; return std::to_string(v.int_value());
        case Value::Kind::kUInt:
          type->family = ResultType::kUnsigned;
          return v.uint_value() > static_cast<uint64_t>(INT64_MAX) ? QuoteStr(std::to_string(v.uint_value()))
                                                                   : std::to_string(v.uint_value());
        case Value::Kind::kDouble:
          type->family = ResultType::kDouble;
          type->decimals = 6;  // MariaDB shows double variables as 10.000000
          return Bind(v);
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
          type->origin = nullptr;
          type->long_int = false;
          if (t.family == ResultType::kUnsigned) type->family = ResultType::kInt;
          if (t.IsStringy()) type->family = ResultType::kDouble;
          if ((t.family == ResultType::kInt || t.family == ResultType::kUnsigned) && IntLen(t) >= 0)
            type->max_len = IntLen(t) + 1;
          if (e.args[0]->IsLiteral(LiteralKind::kInt) || e.args[0]->IsLiteral(LiteralKind::kDecimal)) {
            if (e.args[0]->value == "9223372036854775808") {
              // BIGINT's minimum is a BIGINT, not a DECIMAL.
              type->family = ResultType::kInt;
              type->max_len = 20;
              return std::string("(-9223372036854775807 - 1)");
            }
            if (t.family == ResultType::kUnsigned) type->family = ResultType::kDecimal;
            if (a.size() > 1 && a[0] == '\'') return "'-" + a.substr(1);
            return "(-" + a + ")";
          }
          if (t.family == ResultType::kDecimal || t.family == ResultType::kUnsigned) return "rdb_dec_sub(0, " + a + ")";
          // -BIGINT_MIN is error 1690 (SQLite would give a REAL); strings
          // convert with MySQL's warnings.
          if (t.family == ResultType::kInt || t.IsStringy()) return "rdb_neg(" + a + ")";
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
          type->long_int = true;  // a predicate: INT(1)
          type->max_len = 1;
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
      type->long_int = true;  // a predicate: INT(1)
      type->max_len = 1;
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
      type->long_int = true;  // a predicate: INT(1)
      type->max_len = 1;
      std::string r = "rdb_like(" + a + ", " + p + ", " + esc + ")";
      return e.negated ? "(NOT " + r + ")" : r;
    }
    case ExprKind::kRegexp: {
      ExprType t1, t2;
      ASSIGN_OR_RETURN(std::string a, Expr_(*e.args[0], scope, &t1));
      ASSIGN_OR_RETURN(std::string p, Expr_(*e.args[1], scope, &t2));
      type->family = ResultType::kInt;
      type->long_int = true;  // a predicate: INT(1)
      type->max_len = 1;
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
      type->long_int = true;  // a predicate: INT(1)
      type->max_len = 1;
      return "(rdb_soundex(" + a + ") = rdb_soundex(" + b + "))";
    }
    case ExprKind::kIn: {
      ExprType t;
      ASSIGN_OR_RETURN(std::string a, Expr_(*e.args[0], scope, &t));
      type->family = ResultType::kInt;
      type->long_int = true;  // a predicate: INT(1)
      type->max_len = 1;
      std::string list;
      if (e.subquery) {
        QueryOut inner;
        const char* saved = clause_;
        RETURN_IF_ERROR(TranslateQueryInto(*e.subquery, scope, &inner));
        clause_ = saved;
        size_t want = t.row_size == 0 ? 1 : static_cast<size_t>(t.row_size);
        if (inner.columns.size() != want)
          return Status::SqlError(1241, "21000", "Operand should contain " + std::to_string(want) + " column(s)");
        list = "(" + inner.sql + ")";
      } else {
        list = "(";
        type->nullable = t.nullable;
        bool all_numbers = true;
        for (size_t i = 1; i < e.args.size(); i++) {
          ExprType ti;
          ASSIGN_OR_RETURN(std::string v, Expr_(*e.args[i], scope, &ti));
          list += (i > 1 ? ", " : "") + v;
          type->nullable = type->nullable || ti.nullable;
          all_numbers = all_numbers && ti.IsNumeric();
        }
        list += ")";
        // ENUM / SET IN (numbers): their index / bitmask against the numbers.
        if (all_numbers && t.column != nullptr &&
            (t.column->type.base == BaseType::kEnum || t.column->type.base == BaseType::kSet)) {
          int scale = 0;
          a = NumericContextSql(*t.column, a, &scale);
          t.family = ResultType::kInt;
          t.column = nullptr;
        }
      }
      if (t.family == ResultType::kString && t.column == nullptr && !t.is_row)
        a = "(" + a + ") COLLATE " + env_.literal_collation;
      return "(" + a + (e.negated ? " NOT IN " : " IN ") + list + ")";
    }
    case ExprKind::kBetween: {
      ExprType t1, t2, t3;
      ASSIGN_OR_RETURN(std::string a, Expr_(*e.args[0], scope, &t1));
      ASSIGN_OR_RETURN(std::string lo, Expr_(*e.args[1], scope, &t2));
      ASSIGN_OR_RETURN(std::string hi, Expr_(*e.args[2], scope, &t3));
      type->family = ResultType::kInt;
      type->long_int = true;  // a predicate: INT(1)
      type->max_len = 1;
      type->nullable = t1.nullable || t2.nullable || t3.nullable;
      return "(" + a + (e.negated ? " NOT BETWEEN " : " BETWEEN ") + lo + " AND " + hi + ")";
    }
    case ExprKind::kExists: {
      type->family = ResultType::kInt;
      type->long_int = true;  // a predicate: INT(1)
      type->max_len = 1;
      type->nullable = false;
      ASSIGN_OR_RETURN(std::string q, Subquery(*e.subquery, scope, nullptr));
      return "(EXISTS " + q + ")";
    }
    case ExprKind::kQuantified: {
      // a op ANY (subq) / a op ALL (subq), over the subquery's one column.
      ExprType t;
      ASSIGN_OR_RETURN(std::string a, Expr_(*e.args[0], scope, &t));
      QueryOut inner;
      const char* saved = clause_;
      RETURN_IF_ERROR(TranslateQueryInto(*e.subquery, scope, &inner));
      clause_ = saved;
      if (inner.columns.size() != 1) return Status::SqlError(1241, "21000", "Operand should contain 1 column(s)");
      type->family = ResultType::kInt;
      type->long_int = true;  // a predicate: INT(1)
      type->max_len = 1;
      std::string v = "\"rdb_q\"." + Quote(inner.columns[0].meta.name);
      const char* op = e.binary_op == BinaryOp::kLt ? "<" : e.binary_op == BinaryOp::kLe ? "<="
                       : e.binary_op == BinaryOp::kGt ? ">" : e.binary_op == BinaryOp::kGe ? ">="
                       : e.binary_op == BinaryOp::kEq ? "=" : "<>";
      std::string from = " FROM (" + inner.sql + ") AS \"rdb_q\" WHERE ";
      if (e.quantifier_all)
        return "(NOT EXISTS (SELECT 1" + from + "(" + a + " " + op + " " + v + ") IS NOT TRUE))";
      return "(EXISTS (SELECT 1" + from + a + " " + op + " " + v + "))";
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
      type->is_row = true;
      type->row_size = static_cast<int>(e.args.size());
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
      ExprType ot;
      bool nullable = false;  // MariaDB: any argument nullable (conditions too), or no ELSE
      if (e.case_operand) {
        ASSIGN_OR_RETURN(std::string op, Expr_(*e.case_operand, scope, &ot));
        nullable = ot.nullable;
        // CASE x WHEN y compares as x = y: strings by the connection's
        // collation unless a column gives one.
        if (ot.family == ResultType::kString && ot.column == nullptr) op = "(" + op + ") COLLATE " + env_.literal_collation;
        out += " " + op;
      }
      std::vector<ExprType> results;
      for (const auto& w : e.whens) {
        ExprType tw, tt;
        ASSIGN_OR_RETURN(std::string ws, Expr_(*w.when, scope, &tw));
        ASSIGN_OR_RETURN(std::string ts, Expr_(*w.then, scope, &tt));
        // A searched CASE tests MySQL truth: strings through DOUBLE.
        if (!e.case_operand && !tw.IsNumeric() && tw.family != ResultType::kNull) ws = "rdb_truth(" + ws + ")";
        nullable = nullable || tw.nullable;
        results.push_back(tt);
        out += " WHEN " + ws + " THEN " + ts;
      }
      if (e.else_expr) {
        ExprType te;
        ASSIGN_OR_RETURN(std::string es, Expr_(*e.else_expr, scope, &te));
        results.push_back(te);
        out += " ELSE " + es;
      } else {
        nullable = true;
      }
      std::vector<const ExprType*> rts;
      for (const auto& t : results) {
        rts.push_back(&t);
        nullable = nullable || t.nullable;
      }
      *type = CommonType(rts);
      type->nullable = nullable;
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
    case ExprKind::kDefault: {
      if (e.args.empty() || e.args[0]->kind != ExprKind::kColumnRef)
        return Status::SqlError(1064, "42000", "DEFAULT is not allowed here");
      // DEFAULT(col): the column's default, typed as the column.
      ExprType ct;
      ASSIGN_OR_RETURN(std::string ref, ColumnRef(*e.args[0], scope, &ct));
      if (ct.column == nullptr) return Status::SqlError(1064, "42000", "DEFAULT is not allowed here");
      const ColumnDef& c = *ct.column;
      *type = ct;
      type->nullable = true;
      if (c.auto_increment) return std::string("0");
      if (c.default_is_expression && c.default_value && IsCurrentTimestampExpr(*c.default_value))
        return "rdb_now(" + std::to_string(std::max(c.type.decimals, 0)) + ")";
      CoerceContext ctx;
      ctx.sql_mode = kModeStrictAllTables;  // no default: error 1364 in every mode
      ASSIGN_OR_RETURN(Value v, DefaultFor(c, ctx));
      return v.is_null() ? std::string("NULL") : Bind(v);
    }
  }
  return Status::SqlError(1064, "42000", "unsupported expression");
}

}  // namespace relaydb::sql
