// The persistent catalog. See catalog.h.
//
// Layout: 1. TableDef JSON serialization  2. validation/normalization
// (NormalizeTableDef)  3. SQLite DDL helpers  4. Catalog reads and DDL
// 5. AUTO_INCREMENT  6. rendering (SHOW CREATE TABLE, DESCRIBE, SHOW INDEX,
// information_schema).
#include "sql/catalog.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <set>

#include "storage/collations.h"

namespace relaydb::sql {

int TableDef::FindColumn(const std::string& name) const {
  for (size_t i = 0; i < columns.size(); i++) {
    if (columns[i].name.size() == name.size() && storage::CompareCi(columns[i].name, name) == 0)
      return static_cast<int>(i);
  }
  return -1;
}

namespace {

// MySQL identifiers compare case-insensitively for columns and keys.
bool NameEq(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); i++) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  }
  return true;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

Status SqlErr(uint16_t code, const char* state, std::string msg) {
  return Status::SqlError(code, state, std::move(msg));
}

// ===========================================================================
// 1. Serialization

const char* BaseTypeName(BaseType b) {
  switch (b) {
    case BaseType::kTinyInt: return "tinyint";
    case BaseType::kSmallInt: return "smallint";
    case BaseType::kMediumInt: return "mediumint";
    case BaseType::kInt: return "int";
    case BaseType::kBigInt: return "bigint";
    case BaseType::kDecimal: return "decimal";
    case BaseType::kFloat: return "float";
    case BaseType::kDouble: return "double";
    case BaseType::kBit: return "bit";
    case BaseType::kChar: return "char";
    case BaseType::kVarchar: return "varchar";
    case BaseType::kBinary: return "binary";
    case BaseType::kVarbinary: return "varbinary";
    case BaseType::kTinyText: return "tinytext";
    case BaseType::kText: return "text";
    case BaseType::kMediumText: return "mediumtext";
    case BaseType::kLongText: return "longtext";
    case BaseType::kTinyBlob: return "tinyblob";
    case BaseType::kBlob: return "blob";
    case BaseType::kMediumBlob: return "mediumblob";
    case BaseType::kLongBlob: return "longblob";
    case BaseType::kDate: return "date";
    case BaseType::kDatetime: return "datetime";
    case BaseType::kTimestamp: return "timestamp";
    case BaseType::kTime: return "time";
    case BaseType::kYear: return "year";
    case BaseType::kEnum: return "enum";
    case BaseType::kSet: return "set";
    case BaseType::kJson: return "json";
  }
  return "int";
}

bool BaseTypeFromName(std::string_view name, BaseType* out) {
  for (int b = 0; b <= static_cast<int>(BaseType::kJson); b++) {
    if (name == BaseTypeName(static_cast<BaseType>(b))) {
      *out = static_cast<BaseType>(b);
      return true;
    }
  }
  return false;
}

const char* IndexKindName(IndexKind k) {
  switch (k) {
    case IndexKind::kPrimary: return "primary";
    case IndexKind::kUnique: return "unique";
    case IndexKind::kIndex: return "index";
    case IndexKind::kFulltext: return "fulltext";
  }
  return "index";
}

void JsonString(std::string* out, std::string_view s) {
  *out += '"';
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': *out += "\\\""; break;
      case '\\': *out += "\\\\"; break;
      case '\n': *out += "\\n"; break;
      case '\r': *out += "\\r"; break;
      case '\t': *out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          *out += buf;
        } else {
          *out += ch;  // UTF-8 (or any byte) passes through
        }
    }
  }
  *out += '"';
}

class JsonWriter {
 public:
  void Begin(char c) {
    Sep();
    out_ += c;
    first_ = true;
  }
  void End(char c) {
    out_ += c;
    first_ = false;
  }
  void Key(std::string_view k) {
    Sep();
    JsonString(&out_, k);
    out_ += ':';
    first_ = true;
  }
  void Str(std::string_view k, std::string_view v) {
    Key(k);
    Sep();
    JsonString(&out_, v);
  }
  void Int(std::string_view k, int64_t v) {
    Key(k);
    Sep();
    out_ += std::to_string(v);
  }
  void Bool(std::string_view k, bool v) {
    Key(k);
    Sep();
    out_ += v ? "true" : "false";
  }
  void Null(std::string_view k) {
    Key(k);
    Sep();
    out_ += "null";
  }
  void ArrStr(std::string_view v) {
    Sep();
    JsonString(&out_, v);
  }
  std::string Take() { return std::move(out_); }

 private:
  void Sep() {
    if (!first_) out_ += ',';
    first_ = false;
  }
  std::string out_;
  bool first_ = true;
};

// A parsed JSON value (only what SerializeTableDef writes).
struct JNode {
  enum class Kind : uint8_t { kNull, kBool, kNum, kStr, kArr, kObj } kind = Kind::kNull;
  bool b = false;
  int64_t num = 0;
  std::string str;
  std::vector<JNode> items;
  std::vector<std::pair<std::string, JNode>> fields;

  const JNode* Get(std::string_view k) const {
    for (const auto& f : fields)
      if (f.first == k) return &f.second;
    return nullptr;
  }
};

class JsonParser {
 public:
  explicit JsonParser(std::string_view s) : s_(s) {}
  bool Parse(JNode* out) {
    if (!Value(out, 0)) return false;
    Ws();
    return i_ == s_.size();
  }

 private:
  void Ws() {
    while (i_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[i_]))) i_++;
  }
  bool Value(JNode* n, int depth) {
    if (depth > 64) return false;
    Ws();
    if (i_ >= s_.size()) return false;
    char c = s_[i_];
    if (c == '{') {
      n->kind = JNode::Kind::kObj;
      i_++;
      Ws();
      if (i_ < s_.size() && s_[i_] == '}') {
        i_++;
        return true;
      }
      while (true) {
        Ws();
        std::string key;
        if (!Str(&key)) return false;
        Ws();
        if (i_ >= s_.size() || s_[i_] != ':') return false;
        i_++;
        JNode v;
        if (!Value(&v, depth + 1)) return false;
        n->fields.emplace_back(std::move(key), std::move(v));
        Ws();
        if (i_ < s_.size() && s_[i_] == ',') {
          i_++;
          continue;
        }
        if (i_ < s_.size() && s_[i_] == '}') {
          i_++;
          return true;
        }
        return false;
      }
    }
    if (c == '[') {
      n->kind = JNode::Kind::kArr;
      i_++;
      Ws();
      if (i_ < s_.size() && s_[i_] == ']') {
        i_++;
        return true;
      }
      while (true) {
        JNode v;
        if (!Value(&v, depth + 1)) return false;
        n->items.push_back(std::move(v));
        Ws();
        if (i_ < s_.size() && s_[i_] == ',') {
          i_++;
          continue;
        }
        if (i_ < s_.size() && s_[i_] == ']') {
          i_++;
          return true;
        }
        return false;
      }
    }
    if (c == '"') {
      n->kind = JNode::Kind::kStr;
      return Str(&n->str);
    }
    if (s_.substr(i_, 4) == "true") {
      n->kind = JNode::Kind::kBool;
      n->b = true;
      i_ += 4;
      return true;
    }
    if (s_.substr(i_, 5) == "false") {
      n->kind = JNode::Kind::kBool;
      i_ += 5;
      return true;
    }
    if (s_.substr(i_, 4) == "null") {
      i_ += 4;
      return true;
    }
    size_t b = i_;
    if (i_ < s_.size() && s_[i_] == '-') i_++;
    while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_]))) i_++;
    if (i_ == b) return false;
    n->kind = JNode::Kind::kNum;
    n->num = std::strtoll(std::string(s_.substr(b, i_ - b)).c_str(), nullptr, 10);
    return true;
  }
  bool Str(std::string* out) {
    if (i_ >= s_.size() || s_[i_] != '"') return false;
    i_++;
    while (i_ < s_.size()) {
      char c = s_[i_++];
      if (c == '"') return true;
      if (c != '\\') {
        *out += c;
        continue;
      }
      if (i_ >= s_.size()) return false;
      char e = s_[i_++];
      switch (e) {
        case 'n': *out += '\n'; break;
        case 'r': *out += '\r'; break;
        case 't': *out += '\t'; break;
        case 'u': {
          if (i_ + 4 > s_.size()) return false;
          unsigned v = std::stoul(std::string(s_.substr(i_, 4)), nullptr, 16);
          i_ += 4;
          if (v >= 0x80) return false;  // the writer only escapes control characters
          *out += static_cast<char>(v);
          break;
        }
        default: *out += e; break;
      }
    }
    return false;
  }

  std::string_view s_;
  size_t i_ = 0;
};

}  // namespace

std::string SerializeTableDef(const TableDef& def) {
  JsonWriter w;
  w.Begin('{');
  w.Int("v", 1);
  w.Str("db", def.db);
  w.Str("name", def.name);
  w.Str("engine", def.engine);
  w.Str("charset", def.charset);
  w.Str("collation", def.collation);
  w.Str("auto_increment", std::to_string(def.auto_increment));
  w.Str("comment", def.comment);
  w.Key("columns");
  w.Begin('[');
  for (const ColumnDef& c : def.columns) {
    w.Begin('{');
    w.Str("name", c.name);
    w.Str("type", BaseTypeName(c.type.base));
    w.Int("length", c.type.length);
    w.Int("decimals", c.type.decimals);
    w.Bool("unsigned", c.type.is_unsigned);
    w.Bool("zerofill", c.type.zerofill);
    w.Str("charset", c.type.charset);
    w.Str("collation", c.type.collation);
    w.Key("elements");
    w.Begin('[');
    for (const auto& e : c.type.elements) w.ArrStr(e);
    w.End(']');
    w.Bool("nullable", c.nullable);
    w.Bool("auto_increment", c.auto_increment);
    if (c.default_value.has_value()) {
      w.Str("default", *c.default_value);
    } else {
      w.Null("default");
    }
    w.Bool("default_null", c.default_is_null);
    w.Bool("default_expr", c.default_is_expression);
    w.Bool("on_update", c.on_update_current_timestamp);
    w.Str("comment", c.comment);
    w.End('}');
  }
  w.End(']');
  w.Key("indexes");
  w.Begin('[');
  for (const IndexDef& idx : def.indexes) {
    w.Begin('{');
    w.Str("name", idx.name);
    w.Str("kind", IndexKindName(idx.kind));
    w.Key("columns");
    w.Begin('[');
    for (const IndexColumn& ic : idx.columns) {
      w.Begin('{');
      w.Str("name", ic.name);
      w.Int("prefix", ic.prefix_length);
      w.Bool("desc", ic.descending);
      w.End('}');
    }
    w.End(']');
    w.Str("comment", idx.comment);
    w.End('}');
  }
  w.End(']');
  w.End('}');
  return w.Take();
}

Result<TableDef> ParseTableDef(std::string_view text) {
  JNode root;
  auto bad = [](const std::string& what) {
    return Status::Corruption("bad table definition in rdb_tables: " + what);
  };
  if (!JsonParser(text).Parse(&root) || root.kind != JNode::Kind::kObj) return bad("not JSON");
  auto str = [](const JNode* n, const char* k) -> std::string {
    const JNode* v = n->Get(k);
    return v != nullptr && v->kind == JNode::Kind::kStr ? v->str : std::string();
  };
  auto num = [](const JNode* n, const char* k, int64_t dflt) -> int64_t {
    const JNode* v = n->Get(k);
    return v != nullptr && v->kind == JNode::Kind::kNum ? v->num : dflt;
  };
  auto flag = [](const JNode* n, const char* k) -> bool {
    const JNode* v = n->Get(k);
    return v != nullptr && v->kind == JNode::Kind::kBool && v->b;
  };
  TableDef def;
  def.db = str(&root, "db");
  def.name = str(&root, "name");
  def.engine = str(&root, "engine");
  def.charset = str(&root, "charset");
  def.collation = str(&root, "collation");
  def.auto_increment = std::strtoull(str(&root, "auto_increment").c_str(), nullptr, 10);
  def.comment = str(&root, "comment");
  const JNode* cols = root.Get("columns");
  if (cols == nullptr || cols->kind != JNode::Kind::kArr) return bad("no columns");
  for (const JNode& cn : cols->items) {
    ColumnDef c;
    c.name = str(&cn, "name");
    if (!BaseTypeFromName(str(&cn, "type"), &c.type.base)) return bad("type of " + c.name);
    c.type.length = static_cast<int32_t>(num(&cn, "length", -1));
    c.type.decimals = static_cast<int32_t>(num(&cn, "decimals", -1));
    c.type.is_unsigned = flag(&cn, "unsigned");
    c.type.zerofill = flag(&cn, "zerofill");
    c.type.charset = str(&cn, "charset");
    c.type.collation = str(&cn, "collation");
    if (const JNode* el = cn.Get("elements"); el != nullptr) {
      for (const JNode& e : el->items) c.type.elements.push_back(e.str);
    }
    c.nullable = flag(&cn, "nullable");
    c.auto_increment = flag(&cn, "auto_increment");
    if (const JNode* d = cn.Get("default"); d != nullptr && d->kind == JNode::Kind::kStr)
      c.default_value = d->str;
    c.default_is_null = flag(&cn, "default_null");
    c.default_is_expression = flag(&cn, "default_expr");
    c.on_update_current_timestamp = flag(&cn, "on_update");
    c.comment = str(&cn, "comment");
    def.columns.push_back(std::move(c));
  }
  if (const JNode* idxs = root.Get("indexes"); idxs != nullptr) {
    for (const JNode& in : idxs->items) {
      IndexDef idx;
      idx.name = str(&in, "name");
      std::string kind = str(&in, "kind");
      idx.kind = kind == "primary"   ? IndexKind::kPrimary
                 : kind == "unique"   ? IndexKind::kUnique
                 : kind == "fulltext" ? IndexKind::kFulltext
                                      : IndexKind::kIndex;
      if (const JNode* ics = in.Get("columns"); ics != nullptr) {
        for (const JNode& icn : ics->items) {
          IndexColumn ic;
          ic.name = str(&icn, "name");
          ic.prefix_length = static_cast<int32_t>(num(&icn, "prefix", -1));
          ic.descending = flag(&icn, "desc");
          idx.columns.push_back(std::move(ic));
        }
      }
      idx.comment = str(&in, "comment");
      def.indexes.push_back(std::move(idx));
    }
  }
  return def;
}

// ===========================================================================
// 2. Validation and normalization

namespace {

constexpr size_t kMaxIdentifier = 64;
constexpr int kMaxKeyBytes = 3072;

bool IsBlobOrText(const ColumnType& t) {
  return (t.base >= BaseType::kTinyText && t.base <= BaseType::kLongBlob) ||
         t.base == BaseType::kJson;
}

// Bytes column `t` takes in MariaDB's record format (Field::pack_length):
// what the 65535-byte row limit counts. BLOB/TEXT count their length bytes
// and an 8-byte pointer.
int64_t PackLength(const ColumnType& t, std::string_view table_collation) {
  auto decimal_bytes = [](int64_t digits) {
    static const int kLeftover[] = {0, 1, 1, 2, 2, 3, 3, 4, 4};
    return digits / 9 * 4 + kLeftover[digits % 9];
  };
  int64_t fsp_bytes = (std::max(t.decimals, 0) + 1) / 2;
  switch (t.base) {
    case BaseType::kTinyInt: return 1;
    case BaseType::kSmallInt: return 2;
    case BaseType::kMediumInt: return 3;
    case BaseType::kInt: return 4;
    case BaseType::kBigInt: return 8;
    case BaseType::kFloat: return 4;
    case BaseType::kDouble: return 8;
    case BaseType::kDecimal: {
      int64_t p = t.length > 0 ? t.length : 10, s = std::max(t.decimals, 0);
      return decimal_bytes(p - s) + decimal_bytes(s);
    }
    case BaseType::kBit: return (std::max(t.length, 1) + 7) / 8;
    case BaseType::kYear: return 1;
    case BaseType::kDate: return 3;
    case BaseType::kTime: return 3 + fsp_bytes;
    case BaseType::kDatetime: return 5 + fsp_bytes;
    case BaseType::kTimestamp: return 4 + fsp_bytes;
    case BaseType::kChar:
    case BaseType::kBinary: return static_cast<int64_t>(std::max(t.length, 1)) * MaxBytesPerChar(t, table_collation);
    case BaseType::kVarchar:
    case BaseType::kVarbinary: {
      int64_t bytes = static_cast<int64_t>(std::max(t.length, 0)) * MaxBytesPerChar(t, table_collation);
      return bytes + (bytes > 255 ? 2 : 1);
    }
    case BaseType::kEnum: return t.elements.size() < 256 ? 1 : 2;
    case BaseType::kSet: {
      int64_t bytes = (static_cast<int64_t>(t.elements.size()) + 7) / 8;
      return bytes > 4 ? 8 : bytes;
    }
    case BaseType::kTinyText:
    case BaseType::kTinyBlob: return 1 + 8;
    case BaseType::kText:
    case BaseType::kBlob: return 2 + 8;
    case BaseType::kMediumText:
    case BaseType::kMediumBlob: return 3 + 8;
    case BaseType::kLongText:
    case BaseType::kLongBlob:
    case BaseType::kJson: return 4 + 8;
  }
  return 0;
}

// True for a UNIQUE key MariaDB implements as a long hash (a TEXT/BLOB
// part without prefix).
bool IsLongHashKey(const TableDef& def, const IndexDef& idx) {
  if (idx.kind != IndexKind::kUnique) return false;
  for (const auto& ic : idx.columns) {
    int ci = def.FindColumn(ic.name);
    if (ci >= 0 && IsBlobOrText(def.columns[ci].type) && ic.prefix_length <= 0) return true;
  }
  return false;
}

bool KeyHasNullablePart(const TableDef& def, const IndexDef& idx) {
  for (const auto& ic : idx.columns) {
    int ci = def.FindColumn(ic.name);
    if (ci >= 0 && def.columns[ci].nullable) return true;
  }
  return false;
}

bool KeyHasPrefix(const IndexDef& idx) {
  for (const auto& ic : idx.columns)
    if (ic.prefix_length > 0) return true;
  return false;
}

// MariaDB's sort_keys. `null_part[k]`: key k had a nullable part when
// MariaDB examined it (HA_NULL_PART_KEY), see NormalizeTableDef.
void SortKeys(TableDef* def, const std::vector<bool>& null_part) {
  struct Ranked {
    std::vector<int> rank;
    IndexDef idx;
  };
  std::vector<Ranked> v;
  for (size_t k = 0; k < def->indexes.size(); k++) {
    const IndexDef& idx = def->indexes[k];
    bool unique = idx.kind == IndexKind::kPrimary || idx.kind == IndexKind::kUnique;
    std::vector<int> r;
    if (unique) {
      r = {0, IsLongHashKey(*def, idx) ? 1 : 0, null_part[k] ? 1 : 0,
           idx.kind == IndexKind::kPrimary ? 0 : 1, KeyHasPrefix(idx) ? 1 : 0, 0,
           static_cast<int>(k)};
    } else {
      r = {1, 0, 0, 0, 0, idx.kind == IndexKind::kFulltext ? 1 : 0, static_cast<int>(k)};
    }
    v.push_back(Ranked{std::move(r), idx});
  }
  std::stable_sort(v.begin(), v.end(), [](const Ranked& a, const Ranked& b) { return a.rank < b.rank; });
  def->indexes.clear();
  for (auto& x : v) def->indexes.push_back(std::move(x.idx));
}

Status CheckColumnType(ColumnDef* c, std::string_view table_collation) {
  ColumnType& t = c->type;
  const std::string& n = c->name;
  auto width_error = [&](int max) {
    return SqlErr(1439, "42000",
                  "Display width out of range for '" + n + "' (max = " + std::to_string(max) + ")");
  };
  auto too_long = [&](uint64_t max) {
    return SqlErr(1074, "42000",
                  "Column length too big for column '" + n + "' (max = " + std::to_string(max) +
                      "); use BLOB or TEXT instead");
  };
  auto md_error = [&]() {
    return SqlErr(1427, "42000",
                  "For float(M,D), double(M,D) or decimal(M,D), M must be >= D (column '" + n + "')");
  };
  switch (t.base) {
    case BaseType::kTinyInt:
    case BaseType::kSmallInt:
    case BaseType::kMediumInt:
    case BaseType::kInt:
    case BaseType::kBigInt:
      if (t.length > 255) return width_error(255);
      if (t.zerofill) t.is_unsigned = true;
      break;
    case BaseType::kDecimal:
      if (t.length < 0) t.length = 10;
      if (t.decimals < 0) t.decimals = 0;
      if (t.length > 65)
        return SqlErr(1426, "42000",
                      "Too big precision specified for '" + n + "'. Maximum is 65");
      if (t.decimals > 38)
        return SqlErr(1425, "42000",
                      "Too big scale " + std::to_string(t.decimals) + " specified for '" + n +
                          "'. Maximum is 38");
      if (t.decimals > t.length) return md_error();
      if (t.zerofill) t.is_unsigned = true;
      break;
    case BaseType::kFloat:
    case BaseType::kDouble:
      if (t.length > 255) return width_error(255);
      if (t.length >= 0 && t.decimals >= 0) {
        if (t.decimals > 30)
          return SqlErr(1425, "42000",
                        "Too big scale " + std::to_string(t.decimals) + " specified for '" + n +
                            "'. Maximum is 30");
        if (t.decimals > t.length) return md_error();
      } else {
        t.length = -1;
        t.decimals = -1;
      }
      if (t.zerofill) t.is_unsigned = true;
      break;
    case BaseType::kBit:
      if (t.length < 0) t.length = 1;
      if (t.length > 64) return width_error(64);
      break;
    case BaseType::kChar:
    case BaseType::kBinary:
      if (t.length < 0) t.length = 1;
      if (t.length > 255) return too_long(255);
      break;
    case BaseType::kVarchar:
    case BaseType::kVarbinary: {
      if (t.length < 0) t.length = 1;
      uint64_t max = 65532 / MaxBytesPerChar(t, table_collation);
      if (static_cast<uint64_t>(t.length) > max) return too_long(max);
      break;
    }
    case BaseType::kDatetime:
    case BaseType::kTimestamp:
    case BaseType::kTime:
      if (t.decimals > 6)
        return SqlErr(1426, "42000", "Too big precision specified for '" + n + "'. Maximum is 6");
      if (t.decimals < 0) t.decimals = 0;
      break;
    case BaseType::kYear: t.length = 4; break;
    case BaseType::kEnum:
    case BaseType::kSet: {
      const char* what = t.base == BaseType::kEnum ? "ENUM" : "SET";
      if (t.base == BaseType::kSet && t.elements.size() > 64)
        return SqlErr(1097, "HY000", "Too many strings for column " + n + " and SET");
      for (size_t i = 0; i < t.elements.size(); i++) {
        for (size_t j = 0; j < i; j++) {
          if (storage::CompareCi(t.elements[i], t.elements[j]) == 0) {
            return SqlErr(1291, "HY000",
                          "Column '" + n + "' has duplicated value '" + t.elements[j] + "' in " +
                              what);
          }
        }
      }
      break;
    }
    default: break;
  }
  if (c->auto_increment && !(t.IsInteger() || t.base == BaseType::kFloat ||
                             t.base == BaseType::kDouble)) {
    return SqlErr(1063, "42000", "Incorrect column specifier for column '" + n + "'");
  }
  if (c->on_update_current_timestamp && t.base != BaseType::kDatetime &&
      t.base != BaseType::kTimestamp) {
    return SqlErr(1294, "HY000", "Invalid ON UPDATE clause for '" + n + "' column");
  }
  return Status::Ok();
}

// Bytes a key part occupies (for the 3072-byte limit); 0 for fixed-size
// non-string parts, which never reach it.
int KeyPartBytes(const TableDef& def, const ColumnDef& col, const IndexColumn& ic) {
  const ColumnType& t = col.type;
  int mb = MaxBytesPerChar(t, def.collation);
  if (ic.prefix_length > 0) return ic.prefix_length * mb;
  switch (t.base) {
    case BaseType::kChar:
    case BaseType::kVarchar:
    case BaseType::kBinary:
    case BaseType::kVarbinary: return t.length * mb;
    case BaseType::kEnum:
    case BaseType::kSet: return 0;
    default: return 0;
  }
}

}  // namespace

Status NormalizeTableDef(TableDef* def, uint64_t sql_mode, std::vector<SqlWarning>* warnings) {
  auto note = [&](uint16_t code, std::string msg) {
    if (warnings != nullptr)
      warnings->push_back(SqlWarning{SqlWarning::Level::kNote, code, std::move(msg)});
  };
  if (def->name.empty() || def->name.size() > kMaxIdentifier || def->name.back() == ' ')
    return SqlErr(1103, "42000", "Incorrect table name '" + def->name + "'");
  if (def->columns.empty())
    return SqlErr(1113, "42000", "A table must have at least 1 column");
  if (def->engine.empty()) def->engine = "InnoDB";
  {
    // MariaDB spells engines its own way; an unknown one is an error with
    // NO_ENGINE_SUBSTITUTION, else InnoDB with two warnings.
    static const char* const kEngines[] = {"InnoDB", "MyISAM", "Aria",  "MEMORY", "CSV",
                                           "ARCHIVE", "BLACKHOLE", "MRG_MyISAM", "SEQUENCE"};
    std::string found;
    for (const char* e : kEngines)
      if (NameEq(def->engine, e)) found = e;
    if (NameEq(def->engine, "heap")) found = "MEMORY";
    if (found.empty()) {
      std::string msg = "Unknown storage engine '" + def->engine + "'";
      if (sql_mode & kModeNoEngineSubstitution) return SqlErr(1286, "42000", msg);
      if (warnings != nullptr) {
        warnings->push_back(SqlWarning{SqlWarning::Level::kWarning, 1286, msg});
        warnings->push_back(SqlWarning{SqlWarning::Level::kWarning, 1266,
                                       "Using storage engine InnoDB for table '" + def->name + "'"});
      }
      found = "InnoDB";
    }
    def->engine = found;
  }
  if (def->charset.empty() && !def->collation.empty()) def->charset = CharsetOfCollation(def->collation);
  if (def->charset.empty()) def->charset = kServerCharset;
  if (def->collation.empty()) def->collation = DefaultCollationOf(def->charset);
  def->charset = Lower(def->charset);
  def->collation = Lower(def->collation);
  if (def->charset == "utf8") def->charset = "utf8mb3";

  // Columns.
  for (size_t i = 0; i < def->columns.size(); i++) {
    ColumnDef& c = def->columns[i];
    if (c.name.empty() || c.name.back() == ' ')
      return SqlErr(1166, "42000", "Incorrect column name '" + c.name + "'");
    if (c.name.size() > kMaxIdentifier)
      return SqlErr(1059, "42000", "Identifier name '" + c.name + "' is too long");
    for (size_t j = 0; j < i; j++) {
      if (NameEq(def->columns[j].name, c.name))
        return SqlErr(1060, "42S21", "Duplicate column name '" + c.name + "'");
    }
    // The BINARY attribute without a CHARACTER SET (CHAR(3) BINARY): the
    // binary collation of the table's character set.
    if (c.type.collation == "_bin") {
      if (c.type.charset.empty()) c.type.charset = def->charset;
      c.type.collation = c.type.charset + "_bin";
    }
    RETURN_IF_ERROR(CheckColumnType(&c, def->collation));
  }

  // Keys: kinds, names, columns.
  int primaries = 0;
  for (const IndexDef& idx : def->indexes)
    if (idx.kind == IndexKind::kPrimary) primaries++;
  if (primaries > 1) return SqlErr(1068, "42000", "Multiple primary key defined");
  std::vector<std::string> names;
  for (IndexDef& idx : def->indexes) {
    if (idx.kind == IndexKind::kPrimary) {
      idx.name = "PRIMARY";
    } else if (NameEq(idx.name, "PRIMARY")) {
      return SqlErr(1280, "42000", "Incorrect index name '" + idx.name + "'");
    } else if (!idx.name.empty()) {
      if (idx.name.size() > kMaxIdentifier)
        return SqlErr(1059, "42000", "Identifier name '" + idx.name + "' is too long");
      for (const std::string& other : names) {
        if (NameEq(other, idx.name))
          return SqlErr(1061, "42000", "Duplicate key name '" + idx.name + "'");
      }
    }
    if (!idx.name.empty()) names.push_back(idx.name);
  }
  for (IndexDef& idx : def->indexes) {
    if (idx.columns.empty()) return SqlErr(1072, "42000", "Key column '' doesn't exist in table");
    for (size_t p = 0; p < idx.columns.size(); p++) {
      IndexColumn& ic = idx.columns[p];
      int ci = def->FindColumn(ic.name);
      if (ci < 0)
        return SqlErr(1072, "42000", "Key column '" + ic.name + "' doesn't exist in table");
      ic.name = def->columns[ci].name;  // the column's spelling
      for (size_t q = 0; q < p; q++) {
        if (NameEq(idx.columns[q].name, ic.name))
          return SqlErr(1060, "42S21", "Duplicate column name '" + ic.name + "'");
      }
    }
    if (idx.name.empty()) {
      // MariaDB: the first column's name, then _2, _3 ... until free.
      std::string base = idx.columns[0].name;
      std::string candidate = base;
      for (int n = 2;; n++) {
        bool taken = NameEq(candidate, "PRIMARY");
        for (const std::string& other : names) taken = taken || NameEq(other, candidate);
        if (!taken) break;
        candidate = base + "_" + std::to_string(n);
      }
      idx.name = candidate;
      names.push_back(candidate);
    }
  }
  // PRIMARY KEY columns are NOT NULL. MariaDB walks the keys in list order
  // and makes the primary key's columns NOT NULL when it reaches it, so a
  // key listed before it still counts as having a nullable part when keys
  // are sorted (ALTER TABLE ... ADD PRIMARY KEY lists it last).
  std::vector<bool> null_part(def->indexes.size());
  for (size_t k = 0; k < def->indexes.size(); k++) {
    const IndexDef& idx = def->indexes[k];
    if (idx.kind != IndexKind::kPrimary) {
      null_part[k] = KeyHasNullablePart(*def, idx);
      continue;
    }
    for (const IndexColumn& ic : idx.columns) def->columns[def->FindColumn(ic.name)].nullable = false;
  }
  // Prefixes and key lengths.
  for (IndexDef& idx : def->indexes) {
    int total = 0;
    for (IndexColumn& ic : idx.columns) {
      ColumnDef& col = def->columns[def->FindColumn(ic.name)];
      const ColumnType& t = col.type;
      bool stringish = t.IsString() || t.IsBinaryString() || t.base == BaseType::kJson;
      if (ic.prefix_length > 0) {
        bool bad = !stringish || t.base == BaseType::kEnum || t.base == BaseType::kSet;
        if (!bad && !IsBlobOrText(t) && ic.prefix_length > t.length) bad = true;
        if (bad) {
          return SqlErr(1089, "HY000",
                        "Incorrect prefix key; the used key part isn't a string, the used length "
                        "is longer than the key part, or the storage engine doesn't support "
                        "unique prefix keys");
        }
        if (!IsBlobOrText(t) && ic.prefix_length == t.length) ic.prefix_length = -1;
      }
      if (IsBlobOrText(t) && ic.prefix_length <= 0 && idx.kind != IndexKind::kFulltext) {
        if (idx.kind == IndexKind::kPrimary) {
          return SqlErr(1170, "42000",
                        "BLOB/TEXT column '" + col.name +
                            "' used in key specification without a key length");
        }
        if (idx.kind == IndexKind::kIndex) {
          ic.prefix_length = kMaxKeyBytes / MaxBytesPerChar(t, def->collation);
          note(1071, "Specified key was too long; max key length is 3072 bytes");
        }
        continue;  // UNIQUE: a long hash key
      }
      if (idx.kind == IndexKind::kFulltext) continue;
      int bytes = KeyPartBytes(*def, col, ic);
      if (bytes > kMaxKeyBytes && idx.kind == IndexKind::kIndex) {
        ic.prefix_length = kMaxKeyBytes / MaxBytesPerChar(t, def->collation);
        note(1071, "Specified key was too long; max key length is 3072 bytes");
        bytes = kMaxKeyBytes;
      }
      total += bytes;
    }
    if (total > kMaxKeyBytes && idx.kind != IndexKind::kFulltext && !IsLongHashKey(*def, idx)) {
      return SqlErr(1071, "42000", "Specified key was too long; max key length is 3072 bytes");
    }
  }
  // AUTO_INCREMENT: one column, first part of some key.
  int autos = 0;
  for (const ColumnDef& c : def->columns) {
    if (!c.auto_increment) continue;
    autos++;
    bool keyed = false;
    for (const IndexDef& idx : def->indexes)
      if (idx.kind != IndexKind::kFulltext && NameEq(idx.columns[0].name, c.name)) keyed = true;
    if (!keyed || autos > 1) {
      return SqlErr(1075, "42000",
                    "Incorrect table definition; there can be only one auto column and it must "
                    "be defined as a key");
    }
  }
  // Defaults.
  for (ColumnDef& c : def->columns) {
    if (c.default_is_null && !c.nullable)
      return SqlErr(1067, "42000", "Invalid default value for '" + c.name + "'");
    if (c.default_is_null) {
      c.default_value.reset();
      continue;
    }
    if (!c.default_value.has_value()) continue;
    ASSIGN_OR_RETURN(std::string text, CanonicalDefaultText(c, sql_mode));
    c.default_value = text;
  }
  // Duplicate identical keys: MariaDB notes them (1831).
  for (size_t k = 0; k < def->indexes.size(); k++) {
    for (size_t j = 0; j < k; j++) {
      const IndexDef& a = def->indexes[j];
      const IndexDef& b = def->indexes[k];
      auto is_unique = [](IndexKind k) {
        return k == IndexKind::kPrimary || k == IndexKind::kUnique;
      };
      if (a.kind != b.kind && !(is_unique(a.kind) && is_unique(b.kind))) continue;
      if (a.columns.size() != b.columns.size()) continue;
      bool same = true;
      for (size_t p = 0; p < a.columns.size(); p++) {
        same = same && NameEq(a.columns[p].name, b.columns[p].name) &&
               a.columns[p].prefix_length == b.columns[p].prefix_length &&
               a.columns[p].descending == b.columns[p].descending;
      }
      if (same) {
        note(1831, "Duplicate index `" + b.name +
                       "`. This is deprecated and will be disallowed in a future release");
        break;
      }
    }
  }
  {
    // After the keys (a PRIMARY KEY makes its columns NOT NULL): the record
    // (columns + NULL bits) must fit MariaDB's 65535 bytes.
    int64_t record = 0, nullable = 0;
    for (const ColumnDef& c : def->columns) {
      record += PackLength(c.type, def->collation);
      nullable += c.nullable ? 1 : 0;
    }
    if (record + (nullable + 7) / 8 > 65535) {
      return SqlErr(1118, "42000",
                    "Row size too large. The maximum row size for the used table type, not counting "
                    "BLOBs, is 65535. This includes storage overhead, check the manual. You have to "
                    "change some columns to TEXT or BLOBs");
    }
  }
  SortKeys(def, null_part);
  return Status::Ok();
}

Status UnknownTableError(const std::vector<std::string>& qualified_names) {
  std::string list;
  for (const std::string& n : qualified_names) {
    if (!list.empty()) list += ',';
    list += n;
  }
  return SqlErr(1051, "42S02", "Unknown table '" + list + "'");
}

Status TableDoesNotExist(std::string_view db, std::string_view name) {
  return SqlErr(1146, "42S02",
                "Table '" + std::string(db) + "." + std::string(name) + "' doesn't exist");
}

// ===========================================================================
// 3. SQLite DDL helpers

namespace {

std::string IndexSqliteName(int64_t id, std::string_view key) {
  return "rdb_ix" + std::to_string(id) + "_" + Lower(key);
}

std::string CreateTableSql(const TableDef& def, std::string_view sqlite_name) {
  std::string sql = "CREATE TABLE " + storage::QuoteIdent(sqlite_name) + " (";
  for (size_t i = 0; i < def.columns.size(); i++) {
    if (i) sql += ", ";
    sql += SqliteColumnDecl(def.columns[i], def.collation);
  }
  sql += ")";
  return sql;
}

// The SQLite expression indexed for one key part.
std::string KeyPartSql(const TableDef& def, const IndexDef& idx, const IndexColumn& ic) {
  const ColumnDef& col = def.columns[def.FindColumn(ic.name)];
  std::string expr = storage::QuoteIdent(col.name);
  bool unique = idx.kind == IndexKind::kPrimary || idx.kind == IndexKind::kUnique;
  if (unique && ic.prefix_length > 0) {
    expr = "substr(" + expr + ", 1, " + std::to_string(ic.prefix_length) + ")";
    std::string type = SqliteColumnType(col, def.collation);
    size_t p = type.find("COLLATE ");
    if (p != std::string::npos) expr += " " + type.substr(p);
  }
  if (ic.descending) expr += " DESC";
  return expr;
}

std::string CreateIndexSql(const TableDef& def, const IndexDef& idx, int64_t id,
                           std::string_view sqlite_table) {
  bool unique = idx.kind == IndexKind::kPrimary || idx.kind == IndexKind::kUnique;
  std::string sql = std::string("CREATE ") + (unique ? "UNIQUE " : "") + "INDEX " +
                    storage::QuoteIdent(IndexSqliteName(id, idx.name)) + " ON " +
                    storage::QuoteIdent(sqlite_table) + " (";
  for (size_t p = 0; p < idx.columns.size(); p++) {
    if (p) sql += ", ";
    sql += KeyPartSql(def, idx, idx.columns[p]);
  }
  sql += ")";
  return sql;
}

std::string AutoIncKey(std::string_view db, std::string_view name) {
  std::string k(db);
  k += '\0';
  k += name;
  return k;
}

const ColumnDef* AutoIncrementColumn(const TableDef& def) {
  for (const ColumnDef& c : def.columns)
    if (c.auto_increment) return &c;
  return nullptr;
}

Status BadDatabaseName(std::string_view name) {
  if (name.size() > kMaxIdentifier)
    return SqlErr(1059, "42000", "Identifier name '" + std::string(name) + "' is too long");
  return SqlErr(1102, "42000", "Incorrect database name '" + std::string(name) + "'");
}

bool ValidDatabaseName(std::string_view name) {
  return !name.empty() && name.size() <= kMaxIdentifier && name.find('.') == std::string_view::npos &&
         name.back() != ' ';
}

}  // namespace

std::string Catalog::SqliteTableName(std::string_view db, std::string_view name) {
  return std::string(db) + "." + std::string(name);
}

// ===========================================================================
// 4. Catalog: loading, reads, DDL

Result<std::unique_ptr<Catalog>> Catalog::Open(storage::Connection& conn) {
  std::unique_ptr<Catalog> cat(new Catalog());
  ASSIGN_OR_RETURN(Value existing,
                   conn.QueryValue("SELECT count(*) FROM sqlite_master WHERE name = 'rdb_databases'"));
  bool fresh = existing.kind() == Value::Kind::kInt && existing.int_value() == 0;
  RETURN_IF_ERROR(conn.Exec(
      "CREATE TABLE IF NOT EXISTS rdb_databases(name TEXT PRIMARY KEY, charset TEXT NOT NULL, "
      "collation TEXT NOT NULL);"
      "CREATE TABLE IF NOT EXISTS rdb_tables(db TEXT NOT NULL, name TEXT NOT NULL, "
      "id INTEGER NOT NULL UNIQUE, def TEXT NOT NULL, PRIMARY KEY(db, name));"
      "CREATE TABLE IF NOT EXISTS rdb_autoinc(db TEXT NOT NULL, name TEXT NOT NULL, "
      "next TEXT NOT NULL, PRIMARY KEY(db, name))"));
  if (fresh) {
    // A new data directory has the `mysql` database, as mariadb-install-db
    // makes it (relaydb keeps no tables in it).
    RETURN_IF_ERROR(conn.Exec(
        "INSERT INTO rdb_databases(name, charset, collation) "
        "VALUES('mysql', 'utf8mb4', 'utf8mb4_general_ci')"));
  }
  RETURN_IF_ERROR(cat->Load(conn));
  return cat;
}

Status Catalog::Load(storage::Connection& conn) {
  std::unique_lock lock(mu_);
  dbs_.clear();
  storage::Statement st;
  RETURN_IF_ERROR(conn.PrepareUncached("SELECT name, charset, collation FROM rdb_databases", &st));
  bool row;
  while (true) {
    RETURN_IF_ERROR(st.Step(&row));
    if (!row) break;
    DbEntry e;
    e.def.name = std::string(st.ColumnText(0));
    e.def.charset = std::string(st.ColumnText(1));
    e.def.collation = std::string(st.ColumnText(2));
    dbs_[e.def.name] = std::move(e);
  }
  storage::Statement tt;
  RETURN_IF_ERROR(conn.PrepareUncached("SELECT db, name, id, def FROM rdb_tables", &tt));
  while (true) {
    RETURN_IF_ERROR(tt.Step(&row));
    if (!row) break;
    std::string db(tt.ColumnText(0));
    auto it = dbs_.find(db);
    if (it == dbs_.end())
      return Status::Corruption("rdb_tables row for unknown database '" + db + "'");
    ASSIGN_OR_RETURN(TableDef def, ParseTableDef(tt.ColumnText(3)));
    TableEntry te;
    te.id = tt.ColumnInt64(2);
    te.def = std::make_shared<const TableDef>(std::move(def));
    next_table_id_ = std::max(next_table_id_, te.id + 1);
    it->second.tables[std::string(tt.ColumnText(1))] = std::move(te);
  }
  version_.fetch_add(1, std::memory_order_acq_rel);
  return Status::Ok();
}

bool Catalog::DatabaseExists(std::string_view db) const { return GetDatabase(db).has_value(); }

std::optional<DatabaseDef> Catalog::GetDatabase(std::string_view db) const {
  std::shared_lock lock(mu_);
  auto it = dbs_.find(std::string(db));
  if (it == dbs_.end()) return std::nullopt;
  return it->second.def;
}

std::vector<std::string> Catalog::ListDatabases() const {
  std::shared_lock lock(mu_);
  std::vector<std::string> out = {"information_schema"};
  for (const auto& [name, e] : dbs_) out.push_back(name);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> Catalog::ListTables(std::string_view db) const {
  std::shared_lock lock(mu_);
  std::vector<std::string> out;
  auto it = dbs_.find(std::string(db));
  if (it == dbs_.end()) return out;
  for (const auto& [name, e] : it->second.tables) out.push_back(name);
  return out;
}

std::shared_ptr<const TableDef> Catalog::GetTable(std::string_view db, std::string_view name) const {
  std::shared_lock lock(mu_);
  auto it = dbs_.find(std::string(db));
  if (it == dbs_.end()) return nullptr;
  auto t = it->second.tables.find(std::string(name));
  return t == it->second.tables.end() ? nullptr : t->second.def;
}

std::vector<std::shared_ptr<const TableDef>> Catalog::AllTables() const {
  std::shared_lock lock(mu_);
  std::vector<std::shared_ptr<const TableDef>> out;
  for (const auto& [dbn, e] : dbs_)
    for (const auto& [tn, te] : e.tables) out.push_back(te.def);
  return out;
}

std::string Catalog::SqliteIndexName(std::string_view db, std::string_view name,
                                     std::string_view key) const {
  std::shared_lock lock(mu_);
  auto it = dbs_.find(std::string(db));
  if (it == dbs_.end()) return "";
  auto t = it->second.tables.find(std::string(name));
  if (t == it->second.tables.end()) return "";
  return IndexSqliteName(t->second.id, key);
}

const IndexDef* Catalog::KeyForConstraint(const TableDef& table,
                                          const storage::ConstraintInfo& info,
                                          std::string_view sqlite_index_prefix) {
  if (!info.index_name.empty()) {
    // An expression (prefix) index: "rdb_ix<id>_<key>".
    std::string_view n = info.index_name;
    size_t us = n.find('_', 6);
    if (n.substr(0, 6) != "rdb_ix" || us == std::string_view::npos) return nullptr;
    if (!sqlite_index_prefix.empty() && n.substr(0, sqlite_index_prefix.size()) != sqlite_index_prefix)
      return nullptr;
    std::string_view key = n.substr(us + 1);
    for (const IndexDef& idx : table.indexes)
      if (Lower(idx.name) == key) return &idx;
    return nullptr;
  }
  for (const IndexDef& idx : table.indexes) {
    if (idx.kind != IndexKind::kPrimary && idx.kind != IndexKind::kUnique) continue;
    if (idx.columns.size() != info.columns.size()) continue;
    bool same = true;
    for (size_t p = 0; p < idx.columns.size(); p++)
      same = same && NameEq(idx.columns[p].name, info.columns[p]) && idx.columns[p].prefix_length <= 0;
    if (same) return &idx;
  }
  return nullptr;
}

// --- pending-change overlay ---

bool Catalog::LookupDatabase(const CatalogChange* change, std::string_view db,
                             DatabaseDef* out) const {
  if (change != nullptr) {
    for (auto it = change->ops_.rbegin(); it != change->ops_.rend(); ++it) {
      if (it->db != db) continue;
      if (it->kind == CatalogChange::Op::Kind::kPutDatabase) {
        if (out) *out = it->database;
        return true;
      }
      if (it->kind == CatalogChange::Op::Kind::kDropDatabase) return false;
    }
  }
  std::shared_lock lock(mu_);
  auto it = dbs_.find(std::string(db));
  if (it == dbs_.end()) return false;
  if (out) *out = it->second.def;
  return true;
}

const Catalog::TableEntry* Catalog::LookupTable(const CatalogChange* change, std::string_view db,
                                                std::string_view name, TableEntry* scratch) const {
  if (change != nullptr) {
    for (auto it = change->ops_.rbegin(); it != change->ops_.rend(); ++it) {
      using K = CatalogChange::Op::Kind;
      if (it->db != db) continue;
      if (it->kind == K::kDropDatabase) return nullptr;
      if (it->name != name) continue;
      if (it->kind == K::kPutTable) {
        scratch->def = it->table;
        scratch->id = it->table_id;
        return scratch;
      }
      if (it->kind == K::kDropTable) return nullptr;
    }
  }
  std::shared_lock lock(mu_);
  auto it = dbs_.find(std::string(db));
  if (it == dbs_.end()) return nullptr;
  auto t = it->second.tables.find(std::string(name));
  if (t == it->second.tables.end()) return nullptr;
  *scratch = t->second;
  return scratch;
}

std::vector<std::string> Catalog::PendingTableNames(const CatalogChange* change,
                                                    std::string_view db) const {
  std::set<std::string> names;
  {
    std::shared_lock lock(mu_);
    auto it = dbs_.find(std::string(db));
    if (it != dbs_.end())
      for (const auto& [n, e] : it->second.tables) names.insert(n);
  }
  if (change != nullptr) {
    using K = CatalogChange::Op::Kind;
    for (const auto& op : change->ops_) {
      if (op.db != db) continue;
      if (op.kind == K::kPutTable) names.insert(op.name);
      if (op.kind == K::kDropTable) names.erase(op.name);
      if (op.kind == K::kDropDatabase) names.clear();
    }
  }
  return {names.begin(), names.end()};
}

Status Catalog::WriteTableRow(storage::Connection& conn, const TableDef& def, int64_t id) {
  storage::Statement st;
  RETURN_IF_ERROR(
      conn.Prepare("INSERT OR REPLACE INTO rdb_tables(db, name, id, def) VALUES(?, ?, ?, ?)", &st));
  RETURN_IF_ERROR(st.BindText(1, def.db));
  RETURN_IF_ERROR(st.BindText(2, def.name));
  RETURN_IF_ERROR(st.BindInt64(3, id));
  RETURN_IF_ERROR(st.BindText(4, SerializeTableDef(def)));
  return st.Run();
}

Status Catalog::CreateSqliteIndexes(storage::Connection& conn, const TableDef& def, int64_t id) {
  std::string table = SqliteTableName(def.db, def.name);
  for (const IndexDef& idx : def.indexes) {
    if (idx.kind == IndexKind::kFulltext) continue;  // MATCH is not supported; no SQLite index
    Status s = conn.Exec(CreateIndexSql(def, idx, id, table));
    if (!s.ok()) {
      if (conn.last_error().IsUniqueViolation()) return CheckDuplicatesForKey(conn, def, idx);
      return s;
    }
  }
  return Status::Ok();
}

Status Catalog::DropSqliteIndexes(storage::Connection& conn, const TableDef& def, int64_t id) {
  for (const IndexDef& idx : def.indexes) {
    if (idx.kind == IndexKind::kFulltext) continue;
    RETURN_IF_ERROR(
        conn.Exec("DROP INDEX IF EXISTS " + storage::QuoteIdent(IndexSqliteName(id, idx.name))));
  }
  return Status::Ok();
}

// Builds MariaDB's 1062 for a unique key that cannot be created because of
// duplicate rows: "Duplicate entry '<v1>-<v2>' for key '<name>'".
Status Catalog::CheckDuplicatesForKey(storage::Connection& conn, const TableDef& def,
                                      const IndexDef& key) {
  std::string exprs, where;
  for (const IndexColumn& ic : key.columns) {
    if (!exprs.empty()) {
      exprs += ", ";
      where += " AND ";
    }
    IndexColumn plain = ic;
    plain.descending = false;
    exprs += KeyPartSql(def, key, plain);
    where += storage::QuoteIdent(ic.name) + " IS NOT NULL";
  }
  std::string sql = "SELECT " + exprs + " FROM " +
                    storage::QuoteIdent(SqliteTableName(def.db, def.name)) + " WHERE " + where +
                    " GROUP BY " + exprs + " HAVING count(*) > 1 ORDER BY min(rowid) LIMIT 1";
  storage::Statement st;
  RETURN_IF_ERROR(conn.PrepareUncached(sql, &st));
  bool row;
  RETURN_IF_ERROR(st.Step(&row));
  std::string entry;
  if (row) {
    for (size_t p = 0; p < key.columns.size(); p++) {
      if (p) entry += '-';
      const ColumnDef& col = def.columns[def.FindColumn(key.columns[p].name)];
      entry += StoredToValue(col, st, static_cast<int>(p), ValueForm::kText).ToText();
    }
  }
  return SqlErr(1062, "23000", "Duplicate entry '" + entry + "' for key '" + key.name + "'");
}

Status Catalog::CreateDatabase(storage::Connection& conn, CatalogChange* change,
                               const DatabaseDef& db, const DdlOptions& options) {
  if (!ValidDatabaseName(db.name)) return BadDatabaseName(db.name);
  if (LookupDatabase(change, db.name, nullptr) || NameEq(db.name, "information_schema")) {
    std::string msg = "Can't create database '" + db.name + "'; database exists";
    if (options.if_not_exists) {
      change->warnings.push_back(SqlWarning{SqlWarning::Level::kNote, 1007, msg});
      return Status::Ok();
    }
    return SqlErr(1007, "HY000", msg);
  }
  DatabaseDef d = db;
  if (d.charset.empty() && !d.collation.empty()) d.charset = CharsetOfCollation(d.collation);
  if (!d.charset.empty() && !d.collation.empty() &&
      CharsetOfCollation(d.collation) != CharsetOfCollation(DefaultCollationOf(d.charset)))
    d.collation.clear();  // CHARACTER SET latin1 alone: its default collation
  if (d.charset.empty()) d.charset = kServerCharset;
  if (d.collation.empty()) d.collation = DefaultCollationOf(d.charset);
  d.charset = Lower(d.charset);
  d.collation = Lower(d.collation);
  storage::Statement st;
  RETURN_IF_ERROR(conn.Prepare(
      "INSERT INTO rdb_databases(name, charset, collation) VALUES(?, ?, ?)", &st));
  RETURN_IF_ERROR(st.BindText(1, d.name));
  RETURN_IF_ERROR(st.BindText(2, d.charset));
  RETURN_IF_ERROR(st.BindText(3, d.collation));
  RETURN_IF_ERROR(st.Run());
  CatalogChange::Op op{CatalogChange::Op::Kind::kPutDatabase, d.name, "", d, nullptr, 0};
  change->ops_.push_back(std::move(op));
  change->affected_rows = 1;
  return Status::Ok();
}

Status Catalog::DropDatabase(storage::Connection& conn, CatalogChange* change, std::string_view db,
                             const DdlOptions& options) {
  if (!LookupDatabase(change, db, nullptr)) {
    std::string msg = "Can't drop database '" + std::string(db) + "'; database doesn't exist";
    if (options.if_exists) {
      change->warnings.push_back(SqlWarning{SqlWarning::Level::kNote, 1008, msg});
      return Status::Ok();
    }
    return SqlErr(1008, "HY000", msg);
  }
  for (const std::string& t : PendingTableNames(change, db)) {
    RETURN_IF_ERROR(conn.Exec("DROP TABLE IF EXISTS " + storage::QuoteIdent(SqliteTableName(db, t))));
    change->affected_rows++;  // MariaDB reports the number of tables dropped
  }
  for (const char* sql : {"DELETE FROM rdb_tables WHERE db = ?", "DELETE FROM rdb_autoinc WHERE db = ?",
                          "DELETE FROM rdb_databases WHERE name = ?"}) {
    storage::Statement st;
    RETURN_IF_ERROR(conn.Prepare(sql, &st));
    RETURN_IF_ERROR(st.BindText(1, db));
    RETURN_IF_ERROR(st.Run());
  }
  CatalogChange::Op op{CatalogChange::Op::Kind::kDropDatabase, std::string(db), "", {}, nullptr, 0};
  change->ops_.push_back(std::move(op));
  return Status::Ok();
}

Status Catalog::CreateTable(storage::Connection& conn, CatalogChange* change, TableDef def,
                            const DdlOptions& options) {
  DatabaseDef dbdef;
  if (!LookupDatabase(change, def.db, &dbdef))
    return SqlErr(1049, "42000", "Unknown database '" + def.db + "'");
  TableEntry scratch;
  if (LookupTable(change, def.db, def.name, &scratch) != nullptr) {
    std::string msg = "Table '" + def.name + "' already exists";
    if (options.if_not_exists) {
      change->warnings.push_back(SqlWarning{SqlWarning::Level::kNote, 1050, msg});
      return Status::Ok();
    }
    return SqlErr(1050, "42S01", msg);
  }
  if (def.charset.empty() && def.collation.empty()) {
    def.charset = dbdef.charset;
    def.collation = dbdef.collation;
  }
  std::vector<SqlWarning> notes;
  RETURN_IF_ERROR(NormalizeTableDef(&def, options.sql_mode, &notes));
  if (def.auto_increment == 0) def.auto_increment = 1;
  int64_t id = next_table_id_++;
  std::string sqlite_name = SqliteTableName(def.db, def.name);
  RETURN_IF_ERROR(conn.Exec(CreateTableSql(def, sqlite_name)));
  RETURN_IF_ERROR(CreateSqliteIndexes(conn, def, id));
  RETURN_IF_ERROR(WriteTableRow(conn, def, id));
  if (AutoIncrementColumn(def) != nullptr) RETURN_IF_ERROR(PersistAutoInc(conn, def, def.auto_increment));
  for (auto& n : notes) change->warnings.push_back(std::move(n));
  auto shared = std::make_shared<const TableDef>(std::move(def));
  change->ops_.push_back(CatalogChange::Op{CatalogChange::Op::Kind::kPutTable, shared->db,
                                           shared->name, {}, shared, id});
  return Status::Ok();
}

Status Catalog::DropTable(storage::Connection& conn, CatalogChange* change, std::string_view db,
                          std::string_view name, const DdlOptions& options) {
  TableEntry scratch;
  if (LookupTable(change, db, name, &scratch) == nullptr) {
    std::string qualified = std::string(db) + "." + std::string(name);
    if (options.if_exists) {
      change->warnings.push_back(
          SqlWarning{SqlWarning::Level::kNote, 1051, "Unknown table '" + qualified + "'"});
      return Status::Ok();
    }
    return UnknownTableError({qualified});
  }
  RETURN_IF_ERROR(conn.Exec("DROP TABLE " + storage::QuoteIdent(SqliteTableName(db, name))));
  for (const char* sql : {"DELETE FROM rdb_tables WHERE db = ? AND name = ?",
                          "DELETE FROM rdb_autoinc WHERE db = ? AND name = ?"}) {
    storage::Statement st;
    RETURN_IF_ERROR(conn.Prepare(sql, &st));
    RETURN_IF_ERROR(st.BindText(1, db));
    RETURN_IF_ERROR(st.BindText(2, name));
    RETURN_IF_ERROR(st.Run());
  }
  change->ops_.push_back(CatalogChange::Op{CatalogChange::Op::Kind::kDropTable, std::string(db),
                                           std::string(name), {}, nullptr, 0});
  return Status::Ok();
}

Status Catalog::RenameTable(storage::Connection& conn, CatalogChange* change, std::string_view db,
                            std::string_view name, std::string_view new_db,
                            std::string_view new_name) {
  TableEntry scratch;
  const TableEntry* src = LookupTable(change, db, name, &scratch);
  if (src == nullptr) return TableDoesNotExist(db, name);
  if (new_name.empty() || new_name.size() > kMaxIdentifier)
    return SqlErr(1103, "42000", "Incorrect table name '" + std::string(new_name) + "'");
  if (!LookupDatabase(change, new_db, nullptr)) {
    return SqlErr(1025, "HY000",
                  "Error on rename of './" + std::string(db) + "/" + std::string(name) + "' to './" +
                      std::string(new_db) + "/" + std::string(new_name) +
                      "' (errno: 168 \"Unknown (generic) error from engine\")");
  }
  TableEntry other;
  if (LookupTable(change, new_db, new_name, &other) != nullptr)
    return SqlErr(1050, "42S01", "Table '" + std::string(new_name) + "' already exists");
  TableDef def = *src->def;
  int64_t id = src->id;
  def.db = std::string(new_db);
  def.name = std::string(new_name);
  RETURN_IF_ERROR(conn.Exec("ALTER TABLE " + storage::QuoteIdent(SqliteTableName(db, name)) +
                            " RENAME TO " + storage::QuoteIdent(SqliteTableName(new_db, new_name))));
  {
    storage::Statement st;
    RETURN_IF_ERROR(conn.Prepare("DELETE FROM rdb_tables WHERE db = ? AND name = ?", &st));
    RETURN_IF_ERROR(st.BindText(1, db));
    RETURN_IF_ERROR(st.BindText(2, name));
    RETURN_IF_ERROR(st.Run());
  }
  RETURN_IF_ERROR(WriteTableRow(conn, def, id));
  {
    storage::Statement st;
    RETURN_IF_ERROR(
        conn.Prepare("UPDATE rdb_autoinc SET db = ?, name = ? WHERE db = ? AND name = ?", &st));
    RETURN_IF_ERROR(st.BindText(1, new_db));
    RETURN_IF_ERROR(st.BindText(2, new_name));
    RETURN_IF_ERROR(st.BindText(3, db));
    RETURN_IF_ERROR(st.BindText(4, name));
    RETURN_IF_ERROR(st.Run());
  }
  change->ops_.push_back(CatalogChange::Op{CatalogChange::Op::Kind::kDropTable, std::string(db),
                                           std::string(name), {}, nullptr, 0});
  auto shared = std::make_shared<const TableDef>(std::move(def));
  change->ops_.push_back(CatalogChange::Op{CatalogChange::Op::Kind::kPutTable, shared->db,
                                           shared->name, {}, shared, id});
  return Status::Ok();
}

Status Catalog::TruncateTable(storage::Connection& conn, CatalogChange* change, std::string_view db,
                              std::string_view name) {
  TableEntry scratch;
  const TableEntry* e = LookupTable(change, db, name, &scratch);
  if (e == nullptr) return TableDoesNotExist(db, name);
  TableDef def = *e->def;
  int64_t id = e->id;
  def.auto_increment = 1;
  // Drop and re-create: no row-by-row deletes (and nothing for change capture).
  std::string sqlite_name = SqliteTableName(db, name);
  RETURN_IF_ERROR(conn.Exec("DROP TABLE " + storage::QuoteIdent(sqlite_name)));
  RETURN_IF_ERROR(conn.Exec(CreateTableSql(def, sqlite_name)));
  RETURN_IF_ERROR(CreateSqliteIndexes(conn, def, id));
  RETURN_IF_ERROR(WriteTableRow(conn, def, id));
  {
    storage::Statement st;
    RETURN_IF_ERROR(conn.Prepare("DELETE FROM rdb_autoinc WHERE db = ? AND name = ?", &st));
    RETURN_IF_ERROR(st.BindText(1, db));
    RETURN_IF_ERROR(st.BindText(2, name));
    RETURN_IF_ERROR(st.Run());
  }
  auto shared = std::make_shared<const TableDef>(std::move(def));
  change->ops_.push_back(CatalogChange::Op{CatalogChange::Op::Kind::kPutTable, shared->db,
                                           shared->name, {}, shared, id});
  change->ops_.push_back(CatalogChange::Op{CatalogChange::Op::Kind::kResetAutoInc, shared->db,
                                           shared->name, {}, nullptr, id});
  return Status::Ok();
}

void Catalog::Publish(CatalogChange change) {
  if (change.ops_.empty()) return;
  using K = CatalogChange::Op::Kind;
  {
    std::unique_lock lock(mu_);
    for (auto& op : change.ops_) {
      switch (op.kind) {
        case K::kPutDatabase: {
          DbEntry& e = dbs_[op.db];
          e.def = op.database;
          break;
        }
        case K::kDropDatabase: dbs_.erase(op.db); break;
        case K::kPutTable: {
          auto it = dbs_.find(op.db);
          if (it != dbs_.end()) it->second.tables[op.name] = TableEntry{op.table, op.table_id};
          break;
        }
        case K::kDropTable: {
          auto it = dbs_.find(op.db);
          if (it != dbs_.end()) it->second.tables.erase(op.name);
          break;
        }
        case K::kResetAutoInc: break;
      }
    }
  }
  {
    // Counters of changed tables are reloaded on next use (rdb_autoinc and
    // max(column) are authoritative after DDL).
    std::lock_guard lock(autoinc_mu_);
    for (auto& op : change.ops_) {
      if (op.kind == K::kDropDatabase || op.kind == K::kPutDatabase) {
        std::string prefix = op.db + std::string(1, '\0');
        for (auto it = autoinc_.begin(); it != autoinc_.end();) {
          if (it->first.compare(0, prefix.size(), prefix) == 0)
            it = autoinc_.erase(it);
          else
            ++it;
        }
      } else {
        autoinc_.erase(AutoIncKey(op.db, op.name));
      }
    }
  }
  version_.fetch_add(1, std::memory_order_acq_rel);
}

// --- ALTER TABLE ---

namespace {

bool SameColumnType(const ColumnType& a, const ColumnType& b, std::string_view ca,
                    std::string_view cb) {
  return a.base == b.base && a.length == b.length && a.decimals == b.decimals &&
         a.is_unsigned == b.is_unsigned && a.zerofill == b.zerofill && a.elements == b.elements &&
         (!(a.IsString() || a.base == BaseType::kJson) ||
          EffectiveCollation(a, ca) == EffectiveCollation(b, cb));
}

bool SameIndexes(const TableDef& a, const TableDef& b) {
  if (a.indexes.size() != b.indexes.size()) return false;
  for (size_t k = 0; k < a.indexes.size(); k++) {
    const IndexDef& x = a.indexes[k];
    const IndexDef& y = b.indexes[k];
    if (x.name != y.name || x.kind != y.kind || x.columns.size() != y.columns.size()) return false;
    for (size_t p = 0; p < x.columns.size(); p++) {
      if (x.columns[p].name != y.columns[p].name ||
          x.columns[p].prefix_length != y.columns[p].prefix_length ||
          x.columns[p].descending != y.columns[p].descending)
        return false;
    }
  }
  return true;
}

// Bytes an ENUM/SET value takes in a row (a change of size forces a copy).
int EnumSetBytes(const ColumnType& t) {
  size_t n = t.elements.size();
  if (t.base == BaseType::kEnum) return n < 256 ? 1 : 2;
  size_t bytes = (n + 7) / 8;
  return bytes > 4 ? 8 : static_cast<int>(bytes);
}

// True when MariaDB's InnoDB cannot change column `o` into `n` in place and
// copies the table (ALTER TABLE then reports "Records: <rows>" and the rows
// as affected). Recorded from MariaDB 10.11: renames, defaults, comments,
// display widths, ZEROFILL, NULL/NOT NULL, a longer VARCHAR/VARBINARY, ENUM
// and SET values appended at the end, and a collation of the same character
// set are in place; any other change of type, length, scale, signedness,
// fractional seconds or character set copies.
bool ColumnChangeCopies(const ColumnType& o, const ColumnType& n, std::string_view o_coll,
                        std::string_view n_coll) {
  if (o.base != n.base) return true;
  if (o.is_unsigned != n.is_unsigned) return true;
  switch (n.base) {
    case BaseType::kVarchar:
    case BaseType::kVarbinary:
      if (n.length < o.length) return true;
      break;
    case BaseType::kEnum:
    case BaseType::kSet:
      if (n.elements.size() < o.elements.size() ||
          !std::equal(o.elements.begin(), o.elements.end(), n.elements.begin()) ||
          EnumSetBytes(o) != EnumSetBytes(n))
        return true;
      break;
    case BaseType::kDecimal:
    case BaseType::kFloat:
    case BaseType::kDouble:
      if (o.length != n.length || o.decimals != n.decimals) return true;
      break;
    case BaseType::kChar:
    case BaseType::kBinary:
    case BaseType::kBit:
      if (o.length != n.length) return true;
      break;
    case BaseType::kDatetime:
    case BaseType::kTimestamp:
    case BaseType::kTime:
      if (std::max(o.decimals, 0) != std::max(n.decimals, 0)) return true;
      break;
    default:
      break;
  }
  if (n.IsString())
    return CharsetOfCollation(EffectiveCollation(o, o_coll)) !=
           CharsetOfCollation(EffectiveCollation(n, n_coll));
  return false;
}

Status UnknownColumn(std::string_view col, std::string_view table) {
  return SqlErr(1054, "42S22",
                "Unknown column '" + std::string(col) + "' in '" + std::string(table) + "'");
}

// Removes column `name` from every key; keys left without parts are dropped.
void RemoveFromKeys(TableDef* def, const std::string& name) {
  for (auto it = def->indexes.begin(); it != def->indexes.end();) {
    auto& cols = it->columns;
    cols.erase(std::remove_if(cols.begin(), cols.end(),
                              [&](const IndexColumn& ic) { return NameEq(ic.name, name); }),
               cols.end());
    if (cols.empty())
      it = def->indexes.erase(it);
    else
      ++it;
  }
}

void RenameInKeys(TableDef* def, const std::string& from, const std::string& to) {
  for (IndexDef& idx : def->indexes)
    for (IndexColumn& ic : idx.columns)
      if (NameEq(ic.name, from)) ic.name = to;
}

// Moves column `from` (with its source entry) to FIRST or AFTER `after`.
Status Reposition(TableDef* def, std::vector<int>* source, size_t from, bool first,
                  const std::string& after) {
  if (!first && after.empty()) return Status::Ok();
  ColumnDef col = def->columns[from];
  int src = (*source)[from];
  def->columns.erase(def->columns.begin() + from);
  source->erase(source->begin() + from);
  size_t pos = 0;
  if (!first) {
    int a = def->FindColumn(after);
    if (a < 0) return UnknownColumn(after, def->name);
    pos = static_cast<size_t>(a) + 1;
  }
  def->columns.insert(def->columns.begin() + pos, std::move(col));
  source->insert(source->begin() + pos, src);
  return Status::Ok();
}

}  // namespace

Status Catalog::AlterTable(storage::Connection& conn, CatalogChange* change, std::string_view db,
                           std::string_view name, const std::vector<TableAlterOp>& ops,
                           const DdlOptions& options) {
  TableEntry scratch;
  const TableEntry* e = LookupTable(change, db, name, &scratch);
  if (e == nullptr) return TableDoesNotExist(db, name);
  const std::shared_ptr<const TableDef> old_ptr = e->def;
  const TableDef& old = *old_ptr;
  int64_t id = e->id;
  TableDef def = old;
  std::vector<int> source(def.columns.size());
  for (size_t i = 0; i < source.size(); i++) source[i] = static_cast<int>(i);
  std::optional<std::pair<std::string, std::string>> rename_to;
  std::optional<uint64_t> new_auto_increment;
  auto note = [&](uint16_t code, std::string msg) {
    change->warnings.push_back(SqlWarning{SqlWarning::Level::kNote, code, std::move(msg)});
  };
  using K = TableAlterOp::Kind;
  for (const TableAlterOp& op : ops) {
    switch (op.kind) {
      case K::kAddColumn: {
        if (def.FindColumn(op.column.name) >= 0) {
          std::string msg = "Duplicate column name '" + op.column.name + "'";
          if (op.if_not_exists) {
            note(1060, msg);
            break;
          }
          return SqlErr(1060, "42S21", msg);
        }
        def.columns.push_back(op.column);
        source.push_back(-1);
        RETURN_IF_ERROR(Reposition(&def, &source, def.columns.size() - 1, op.first, op.after));
        break;
      }
      case K::kDropColumn: {
        int ci = def.FindColumn(op.name);
        if (ci < 0) {
          std::string msg = "Can't DROP COLUMN `" + op.name + "`; check that it exists";
          if (op.if_exists) {
            note(1091, msg);
            break;
          }
          return SqlErr(1091, "42000", msg);
        }
        std::string cname = def.columns[ci].name;
        def.columns.erase(def.columns.begin() + ci);
        source.erase(source.begin() + ci);
        RemoveFromKeys(&def, cname);
        break;
      }
      case K::kModifyColumn: {
        int ci = def.FindColumn(op.name);
        if (ci < 0) return UnknownColumn(op.name, def.name);
        std::string old_name = def.columns[ci].name;
        if (!NameEq(op.column.name, old_name)) {
          int other = def.FindColumn(op.column.name);
          if (other >= 0 && other != ci)
            return SqlErr(1060, "42S21", "Duplicate column name '" + op.column.name + "'");
        }
        def.columns[ci] = op.column;
        RenameInKeys(&def, old_name, op.column.name);
        if (!op.first && !op.after.empty() && NameEq(op.after, op.column.name))
          return UnknownColumn(op.after, def.name);
        RETURN_IF_ERROR(Reposition(&def, &source, ci, op.first, op.after));
        break;
      }
      case K::kRenameColumn: {
        int ci = def.FindColumn(op.name);
        if (ci < 0) return UnknownColumn(op.name, def.name);
        int other = def.FindColumn(op.new_name);
        if (other >= 0 && other != ci)
          return SqlErr(1060, "42S21", "Duplicate column name '" + op.new_name + "'");
        std::string old_name = def.columns[ci].name;
        def.columns[ci].name = op.new_name;
        RenameInKeys(&def, old_name, op.new_name);
        break;
      }
      case K::kSetDefault:
      case K::kDropDefault: {
        int ci = def.FindColumn(op.name);
        if (ci < 0) return UnknownColumn(op.name, def.name);
        ColumnDef& c = def.columns[ci];
        if (op.kind == K::kSetDefault) {
          c.default_value = op.column.default_value;
          c.default_is_null = op.column.default_is_null;
          c.default_is_expression = op.column.default_is_expression;
        } else {
          c.default_value.reset();
          c.default_is_null = false;
          c.default_is_expression = false;
        }
        break;
      }
      case K::kAddIndex: {
        if (op.index.kind == IndexKind::kPrimary) {
          for (const IndexDef& idx : def.indexes)
            if (idx.kind == IndexKind::kPrimary)
              return SqlErr(1068, "42000", "Multiple primary key defined");
        } else if (!op.index.name.empty()) {
          bool exists = false;
          for (const IndexDef& idx : def.indexes) exists = exists || NameEq(idx.name, op.index.name);
          if (exists) {
            std::string msg = "Duplicate key name '" + op.index.name + "'";
            if (op.if_not_exists) {
              note(1061, msg);
              break;
            }
            return SqlErr(1061, "42000", msg);
          }
        }
        def.indexes.push_back(op.index);
        break;
      }
      case K::kDropIndex:
      case K::kDropPrimaryKey: {
        std::string key = op.kind == K::kDropPrimaryKey ? "PRIMARY" : op.name;
        auto it = std::find_if(def.indexes.begin(), def.indexes.end(),
                               [&](const IndexDef& idx) { return NameEq(idx.name, key); });
        if (it == def.indexes.end()) {
          std::string msg = "Can't DROP INDEX `" + key + "`; check that it exists";
          if (op.if_exists) {
            note(1091, msg);
            break;
          }
          return SqlErr(1091, "42000", msg);
        }
        def.indexes.erase(it);
        break;
      }
      case K::kRenameIndex: {
        auto it = std::find_if(def.indexes.begin(), def.indexes.end(),
                               [&](const IndexDef& idx) { return NameEq(idx.name, op.name); });
        if (it == def.indexes.end())
          return SqlErr(1176, "42000",
                        "Key '" + op.name + "' doesn't exist in table '" + def.name + "'");
        for (const IndexDef& idx : def.indexes) {
          if (&idx != &*it && NameEq(idx.name, op.new_name))
            return SqlErr(1061, "42000", "Duplicate key name '" + op.new_name + "'");
        }
        it->name = op.new_name;
        break;
      }
      case K::kRenameTable:
        rename_to = std::make_pair(op.new_db.empty() ? std::string(db) : op.new_db, op.new_name);
        break;
      case K::kForce:
        break;
      case K::kTableOptions:
        if (op.engine) def.engine = *op.engine;
        if (op.comment) def.comment = *op.comment;
        if (op.convert_charset) {
          // CONVERT TO CHARACTER SET: every character column takes the new
          // table default (JSON stays utf8mb4_bin).
          def.charset = op.charset ? *op.charset : CharsetOfCollation(*op.collation);
          def.collation = op.collation ? *op.collation : DefaultCollationOf(def.charset);
          for (ColumnDef& c : def.columns) {
            if (!c.type.IsString()) continue;
            c.type.charset.clear();
            c.type.collation.clear();
          }
        } else if (op.charset || op.collation) {
          // Existing string columns keep their collation (MariaDB pins it).
          for (ColumnDef& c : def.columns) {
            if ((c.type.IsString() || c.type.base == BaseType::kJson) && c.type.collation.empty()) {
              c.type.collation = EffectiveCollation(c.type, old.collation);
              c.type.charset = CharsetOfCollation(c.type.collation);
            }
          }
          def.charset = op.charset ? *op.charset : CharsetOfCollation(*op.collation);
          def.collation = op.collation ? *op.collation : DefaultCollationOf(def.charset);
        }
        if (op.auto_increment) {
          def.auto_increment = *op.auto_increment;
          new_auto_increment = *op.auto_increment;
        }
        break;
    }
  }
  if (def.columns.empty()) {
    return SqlErr(1090, "42000",
                  "You can't delete all columns with ALTER TABLE; use DROP TABLE instead");
  }
  // A bare RENAME is answered without "Records:" (MariaDB renames without
  // going through the ALTER machinery).
  for (const TableAlterOp& op : ops) change->records_info |= op.kind != K::kRenameTable;
  // Whether MariaDB copies the rows (see ColumnChangeCopies).
  bool copies = false;
  {
    bool had_pk = old.PrimaryKey() != nullptr, drops_pk = false, adds_pk = false;
    for (const TableAlterOp& op : ops) {
      drops_pk |= op.kind == K::kDropPrimaryKey;
      adds_pk |= op.kind == K::kAddIndex && op.index.kind == IndexKind::kPrimary;
    }
    copies = had_pk && drops_pk && !adds_pk;
    for (size_t j = 0; !copies && j < def.columns.size(); j++) {
      if (source[j] < 0) continue;
      const ColumnDef& oc = old.columns[source[j]];
      copies = ColumnChangeCopies(oc.type, def.columns[j].type, old.collation, def.collation);
    }
  }
  // Keys whose name was generated keep it; new unnamed keys get one.
  std::vector<SqlWarning> notes;
  RETURN_IF_ERROR(NormalizeTableDef(&def, options.sql_mode, &notes));
  for (auto& n : notes) change->warnings.push_back(std::move(n));

  bool columns_changed = def.columns.size() != old.columns.size();
  for (size_t j = 0; !columns_changed && j < def.columns.size(); j++) {
    const ColumnDef& a = def.columns[j];
    const ColumnDef& b = old.columns[j];
    columns_changed = source[j] != static_cast<int>(j) || a.name != b.name ||
                      a.nullable != b.nullable ||
                      !SameColumnType(a.type, b.type, def.collation, old.collation);
  }
  if (copies) {
    auto rows = conn.QueryValue("SELECT count(*) FROM " +
                                storage::QuoteIdent(SqliteTableName(old.db, old.name)));
    if (rows.ok() && rows->kind() == Value::Kind::kInt)
      change->affected_rows = change->records = static_cast<uint64_t>(rows->int_value());
  }
  if (columns_changed) {
    RETURN_IF_ERROR(RebuildTable(conn, change, old, def, id, source, options));
  } else if (!SameIndexes(old, def)) {
    RETURN_IF_ERROR(DropSqliteIndexes(conn, old, id));
    RETURN_IF_ERROR(CreateSqliteIndexes(conn, def, id));
  }
  RETURN_IF_ERROR(WriteTableRow(conn, def, id));
  if (new_auto_increment && AutoIncrementColumn(def) != nullptr)
    RETURN_IF_ERROR(PersistAutoInc(conn, def, *new_auto_increment));
  auto shared = std::make_shared<const TableDef>(std::move(def));
  change->ops_.push_back(CatalogChange::Op{CatalogChange::Op::Kind::kPutTable, shared->db,
                                           shared->name, {}, shared, id});
  if (rename_to && !(rename_to->first == db && rename_to->second == name)) {
    RETURN_IF_ERROR(RenameTable(conn, change, db, name, rename_to->first, rename_to->second));
  }
  return Status::Ok();
}

Status Catalog::RebuildTable(storage::Connection& conn, CatalogChange* change,
                             const TableDef& old_def, const TableDef& new_def, int64_t id,
                             const std::vector<int>& source, const DdlOptions& options) {
  std::string old_name = SqliteTableName(old_def.db, old_def.name);
  std::string tmp = "rdb_rebuild_" + std::to_string(id);
  RETURN_IF_ERROR(conn.Exec("DROP TABLE IF EXISTS " + storage::QuoteIdent(tmp)));
  RETURN_IF_ERROR(conn.Exec(CreateTableSql(new_def, tmp)));

  CoerceContext ctx;
  ctx.sql_mode = options.sql_mode;
  ctx.db = new_def.db;
  ctx.table = new_def.name;
  ctx.warnings = &change->warnings;
  ctx.alter_copy = true;
  ctx.now = options.now;

  // Values for added columns: their default, or the implicit default for
  // NOT NULL columns without one (MariaDB fills existing rows silently).
  std::vector<Value> added(new_def.columns.size());
  bool fast = true;
  int added_auto = -1;  // an added AUTO_INCREMENT column numbers the existing rows
  for (size_t j = 0; j < new_def.columns.size(); j++) {
    const ColumnDef& nc = new_def.columns[j];
    if (source[j] < 0 && nc.auto_increment) {
      added_auto = static_cast<int>(j);
      fast = false;
      continue;
    }
    if (source[j] < 0) {
      CoerceContext dctx = ctx;
      dctx.warnings = nullptr;
      dctx.time_zone = options.time_zone;  // CURRENT_TIMESTAMP is a session time
      dctx.sql_mode &= ~(kModeStrictAllTables | kModeStrictTransTables);
      auto d = DefaultFor(nc, dctx);
      added[j] = d.ok() ? d.value() : (nc.nullable ? Value::Null() : ImplicitDefault(nc));
      if (added[j].is_null() && !nc.nullable) added[j] = ImplicitDefault(nc);
      continue;
    }
    const ColumnDef& oc = old_def.columns[source[j]];
    if (!SameColumnType(oc.type, nc.type, old_def.collation, new_def.collation) ||
        (oc.nullable && !nc.nullable))
      fast = false;
  }

  std::string cols = "rowid";
  std::string placeholders = "?";
  for (const ColumnDef& c : new_def.columns) {
    cols += ", " + storage::QuoteIdent(c.name);
    placeholders += ", ?";
  }
  if (fast) {
    std::string select = "rowid";
    for (size_t j = 0; j < new_def.columns.size(); j++) {
      select += ", ";
      select += source[j] < 0 ? "?" : storage::QuoteIdent(old_def.columns[source[j]].name);
    }
    storage::Statement st;
    RETURN_IF_ERROR(conn.PrepareUncached("INSERT INTO " + storage::QuoteIdent(tmp) + " (" + cols +
                                             ") SELECT " + select + " FROM " +
                                             storage::QuoteIdent(old_name) + " ORDER BY rowid",
                                         &st));
    int p = 1;
    for (size_t j = 0; j < new_def.columns.size(); j++) {
      if (source[j] >= 0) continue;
      RETURN_IF_ERROR(BindStored(st, p++, new_def.columns[j], added[j]));
    }
    RETURN_IF_ERROR(st.Run());
  } else {
    std::string select = "rowid";
    for (const ColumnDef& c : old_def.columns) select += ", " + storage::QuoteIdent(c.name);
    storage::Statement sel, ins;
    RETURN_IF_ERROR(conn.PrepareUncached(
        "SELECT " + select + " FROM " + storage::QuoteIdent(old_name) + " ORDER BY rowid", &sel));
    RETURN_IF_ERROR(conn.PrepareUncached(
        "INSERT INTO " + storage::QuoteIdent(tmp) + " (" + cols + ") VALUES(" + placeholders + ")",
        &ins));
    uint64_t row_no = 0;
    while (true) {
      bool row;
      RETURN_IF_ERROR(sel.Step(&row));
      if (!row) break;
      row_no++;
      ctx.row = row_no;
      RETURN_IF_ERROR(ins.BindInt64(1, sel.ColumnInt64(0)));
      for (size_t j = 0; j < new_def.columns.size(); j++) {
        const ColumnDef& nc = new_def.columns[j];
        Value v;
        if (static_cast<int>(j) == added_auto) {
          uint64_t n = std::max<uint64_t>(new_def.auto_increment, 1) + row_no - 1;
          v = nc.type.base == BaseType::kBigInt && nc.type.is_unsigned ? Value::String(std::to_string(n))
              : (nc.type.base == BaseType::kFloat || nc.type.base == BaseType::kDouble)
                  ? Value::Double(static_cast<double>(n))
                  : Value::Int(static_cast<int64_t>(n));
        } else if (source[j] < 0) {
          v = added[j];
        } else {
          const ColumnDef& oc = old_def.columns[source[j]];
          int sc = source[j] + 1;
          if (sel.ColumnIsNull(sc)) {
            if (!nc.nullable) {
              std::string msg = "Data truncated for column '" + nc.name + "' at row " +
                                std::to_string(row_no);
              if (ctx.strict()) return SqlErr(1265, "01000", msg);
              change->warnings.push_back(SqlWarning{SqlWarning::Level::kWarning, 1265, msg});
              v = ImplicitDefault(nc);
            }
          } else {
            Value in;
            if (oc.type.base == BaseType::kBit && nc.type.base != BaseType::kBit &&
                !nc.type.IsBinaryString()) {
              in = Value::UInt(static_cast<uint64_t>(sel.ColumnInt64(sc)));
            } else {
              in = StoredToValue(oc, sel, sc, ValueForm::kTyped);
            }
            ASSIGN_OR_RETURN(v, CoerceToStored(nc, in, ctx));
          }
        }
        RETURN_IF_ERROR(BindStored(ins, static_cast<int>(j + 2), nc, v));
      }
      RETURN_IF_ERROR(ins.Run());
    }
  }
  RETURN_IF_ERROR(conn.Exec("DROP TABLE " + storage::QuoteIdent(old_name)));
  RETURN_IF_ERROR(conn.Exec("ALTER TABLE " + storage::QuoteIdent(tmp) + " RENAME TO " +
                            storage::QuoteIdent(old_name)));
  return CreateSqliteIndexes(conn, new_def, id);
}

// ===========================================================================
// 5. AUTO_INCREMENT

Status Catalog::PersistAutoInc(storage::Connection& conn, const TableDef& def, uint64_t next) {
  storage::Statement st;
  RETURN_IF_ERROR(
      conn.Prepare("INSERT OR REPLACE INTO rdb_autoinc(db, name, next) VALUES(?, ?, ?)", &st));
  RETURN_IF_ERROR(st.BindText(1, def.db));
  RETURN_IF_ERROR(st.BindText(2, def.name));
  RETURN_IF_ERROR(st.BindText(3, std::to_string(next)));
  return st.Run();
}

Status Catalog::LoadAutoIncLocked(storage::Connection& conn, const TableDef& table,
                                  AutoIncEntry* e) {
  std::optional<uint64_t> persisted;
  {
    storage::Statement st;
    RETURN_IF_ERROR(conn.Prepare("SELECT next FROM rdb_autoinc WHERE db = ? AND name = ?", &st));
    RETURN_IF_ERROR(st.BindText(1, table.db));
    RETURN_IF_ERROR(st.BindText(2, table.name));
    bool row;
    RETURN_IF_ERROR(st.Step(&row));
    if (row) persisted = std::strtoull(std::string(st.ColumnText(0)).c_str(), nullptr, 10);
    st.Reset();
  }
  uint64_t after_max = 0;
  if (const ColumnDef* col = AutoIncrementColumn(table)) {
    storage::Statement st;
    RETURN_IF_ERROR(conn.PrepareUncached("SELECT max(" + storage::QuoteIdent(col->name) + ") FROM " +
                                             storage::QuoteIdent(SqliteTableName(table.db, table.name)),
                                         &st));
    bool row;
    RETURN_IF_ERROR(st.Step(&row));
    if (row && !st.ColumnIsNull(0)) {
      uint64_t m = 0;
      switch (st.ColumnType(0)) {
        case SQLITE_INTEGER: m = st.ColumnInt64(0) > 0 ? static_cast<uint64_t>(st.ColumnInt64(0)) : 0; break;
        case SQLITE_FLOAT: m = st.ColumnDouble(0) > 0 ? static_cast<uint64_t>(st.ColumnDouble(0)) : 0; break;
        default: m = std::strtoull(std::string(st.ColumnText(0)).c_str(), nullptr, 10); break;
      }
      after_max = m == UINT64_MAX ? m : m + 1;
    }
  }
  uint64_t base = persisted ? *persisted : table.auto_increment;
  e->next = std::max<uint64_t>({base, after_max, 1});
  e->loaded = true;
  return Status::Ok();
}

Result<uint64_t> Catalog::ReserveAutoIncrement(storage::Connection& conn, const TableDef& table,
                                               uint64_t count) {
  std::lock_guard lock(autoinc_mu_);
  AutoIncEntry& e = autoinc_[AutoIncKey(table.db, table.name)];
  if (!e.loaded) RETURN_IF_ERROR(LoadAutoIncLocked(conn, table, &e));
  uint64_t first = e.next;
  e.next = first + count < first ? UINT64_MAX : first + count;
  RETURN_IF_ERROR(PersistAutoInc(conn, table, e.next));
  return first;
}

Status Catalog::NoteAutoIncrementValue(storage::Connection& conn, const TableDef& table,
                                       uint64_t v) {
  std::lock_guard lock(autoinc_mu_);
  AutoIncEntry& e = autoinc_[AutoIncKey(table.db, table.name)];
  if (!e.loaded) RETURN_IF_ERROR(LoadAutoIncLocked(conn, table, &e));
  if (v < e.next) return Status::Ok();
  e.next = v == UINT64_MAX ? v : v + 1;
  return PersistAutoInc(conn, table, e.next);
}

Result<uint64_t> Catalog::PeekAutoIncrement(storage::Connection& conn, const TableDef& table) {
  std::lock_guard lock(autoinc_mu_);
  AutoIncEntry& e = autoinc_[AutoIncKey(table.db, table.name)];
  if (!e.loaded) RETURN_IF_ERROR(LoadAutoIncLocked(conn, table, &e));
  return e.next;
}

// ===========================================================================
// 6. Rendering

std::string QuoteIdentifier(std::string_view name) {
  std::string out = "`";
  for (char c : name) {
    if (c == '`') out += '`';
    out += c;
  }
  out += '`';
  return out;
}

ShowCreateStyle ShowCreateStyle::For(uint64_t sql_mode, bool quote_show_create,
                                     std::function<bool(std::string_view)> is_keyword) {
  ShowCreateStyle st;
  if (sql_mode & kModeAnsiQuotes) st.quote = '"';
  st.always_quote = quote_show_create;
  st.is_keyword = std::move(is_keyword);
  constexpr uint64_t kForeign =
      kModePostgresql | kModeOracle | kModeMssql | kModeDb2 | kModeMaxdb | kModeAnsi;
  st.table_options = (sql_mode & (kForeign | kModeNoTableOptions)) == 0;
  return st;
}

std::string QuoteIdentifier(std::string_view name, const ShowCreateStyle& style) {
  bool quote = style.always_quote || name.empty() || (style.is_keyword && style.is_keyword(name));
  if (!quote) {
    // MariaDB's require_quotes(): a one-byte character outside [A-Za-z0-9_$],
    // or nothing but digits (multi-byte characters count as neither).
    bool pure_digit = true;
    for (size_t i = 0; i < name.size();) {
      unsigned char c = static_cast<unsigned char>(name[i]);
      size_t len = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
      if (len == 1) {
        if (!(std::isalnum(c) || c == '_' || c == '$')) quote = true;
        if (c < '0' || c > '9') pure_digit = false;
      }
      i += len;
    }
    quote = quote || pure_digit;
  }
  if (!quote) return std::string(name);
  std::string out(1, style.quote);
  for (char c : name) {
    if (c == style.quote) out += c;
    out += c;
  }
  out += style.quote;
  return out;
}

std::string QuoteStringLiteral(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    switch (c) {
      case '\0': out += "\\0"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\032': out += "\\Z"; break;
      case '\\': out += "\\\\"; break;
      case '\'': out += "''"; break;
      default: out += c;
    }
  }
  out += '\'';
  return out;
}

namespace {

std::string UnsignedZerofill(const ColumnType& t) {
  std::string s;
  if (t.is_unsigned) s += " unsigned";
  if (t.zerofill) s += " zerofill";
  return s;
}

std::string Elements(const std::vector<std::string>& elements) {
  std::string s;
  for (size_t i = 0; i < elements.size(); i++) {
    if (i) s += ',';
    s += QuoteStringLiteral(elements[i]);
  }
  return s;
}

int FspOf(const ColumnType& t) { return t.decimals > 0 ? t.decimals : 0; }

bool IsNumericDefault(const ColumnType& t) {
  return t.IsInteger() || t.base == BaseType::kDecimal || t.base == BaseType::kFloat ||
         t.base == BaseType::kDouble || t.base == BaseType::kYear;
}

std::string BitLiteral(std::string_view decimal) {
  uint64_t v = std::strtoull(std::string(decimal).c_str(), nullptr, 10);
  std::string bits;
  do {
    bits.insert(bits.begin(), static_cast<char>('0' + (v & 1)));
    v >>= 1;
  } while (v != 0);
  return "b'" + bits + "'";
}

// The DEFAULT clause value as SHOW CREATE TABLE prints it (quoted where
// MariaDB quotes), for a column with a non-NULL default.
std::string DefaultLiteral(const ColumnDef& c) {
  const std::string& d = *c.default_value;
  const ColumnType& t = c.type;
  if (c.default_is_expression) return d;
  if (t.base == BaseType::kBit) return BitLiteral(d);
  if (IsNumericDefault(t)) {
    if (t.zerofill && t.IsInteger()) {
      std::string v = d;
      size_t width = static_cast<size_t>(IntegerDisplayWidth(t));
      if (v.size() < width) v.insert(0, width - v.size(), '0');
      return v;
    }
    return d;
  }
  return QuoteStringLiteral(d);
}

std::string OnUpdateText(const ColumnDef& c) {
  int fsp = FspOf(c.type);
  return "current_timestamp(" + (fsp > 0 ? std::to_string(fsp) : std::string()) + ")";
}

const char* KeyColumnText(uint16_t flags) {
  if (flags & kPriKeyFlag) return "PRI";
  if (flags & kUniqueKeyFlag) return "UNI";
  if (flags & kMultipleKeyFlag) return "MUL";
  return "";
}

std::string ExtraText(const ColumnDef& c) {
  if (c.auto_increment) return "auto_increment";
  if (c.on_update_current_timestamp) return "on update " + OnUpdateText(c);
  return "";
}

bool IsUniqueKind(IndexKind k) { return k == IndexKind::kPrimary || k == IndexKind::kUnique; }

}  // namespace

std::string ColumnTypeText(const ColumnType& t) {
  std::string name = BaseTypeName(t.base);
  switch (t.base) {
    case BaseType::kTinyInt:
    case BaseType::kSmallInt:
    case BaseType::kMediumInt:
    case BaseType::kInt:
    case BaseType::kBigInt:
      return name + "(" + std::to_string(IntegerDisplayWidth(t)) + ")" + UnsignedZerofill(t);
    case BaseType::kDecimal:
      return name + "(" + std::to_string(t.length > 0 ? t.length : 10) + "," +
             std::to_string(t.decimals > 0 ? t.decimals : 0) + ")" + UnsignedZerofill(t);
    case BaseType::kFloat:
    case BaseType::kDouble:
      if (t.length > 0 && t.decimals >= 0)
        name += "(" + std::to_string(t.length) + "," + std::to_string(t.decimals) + ")";
      return name + UnsignedZerofill(t);
    case BaseType::kBit:
    case BaseType::kChar:
    case BaseType::kBinary:
    case BaseType::kVarchar:
    case BaseType::kVarbinary:
      return name + "(" + std::to_string(t.length >= 0 ? t.length : 1) + ")";
    case BaseType::kDatetime:
    case BaseType::kTimestamp:
    case BaseType::kTime:
      return FspOf(t) > 0 ? name + "(" + std::to_string(FspOf(t)) + ")" : name;
    case BaseType::kYear: return "year(4)";
    case BaseType::kEnum:
    case BaseType::kSet: return name + "(" + Elements(t.elements) + ")";
    case BaseType::kJson: return "longtext";
    default: return name;
  }
}

std::string DataTypeName(const ColumnType& type) {
  if (type.base == BaseType::kJson) return "longtext";
  return BaseTypeName(type.base);
}

std::string ShowCreateTable(const TableDef& def, uint64_t auto_increment_next,
                            const ShowCreateStyle& style) {
  auto QuoteIdentifier = [&style](std::string_view name) {
    return ::relaydb::sql::QuoteIdentifier(name, style);
  };
  std::string out = "CREATE TABLE " + QuoteIdentifier(def.name) + " (\n";
  std::vector<std::string> lines;
  for (const ColumnDef& c : def.columns) {
    const ColumnType& t = c.type;
    std::string line = "  " + QuoteIdentifier(c.name) + " " + ColumnTypeText(t);
    if (t.IsString() || t.base == BaseType::kJson) {
      std::string coll = EffectiveCollation(t, def.collation);
      if (coll != def.collation) line += " CHARACTER SET " + CharsetOfCollation(coll) + " COLLATE " + coll;
    }
    if (!c.nullable) {
      line += " NOT NULL";
    } else if (t.base == BaseType::kTimestamp) {
      line += " NULL";
    }
    if (c.default_value.has_value() && !c.default_is_null) {
      line += " DEFAULT " + DefaultLiteral(c);
    } else if (c.nullable && !c.auto_increment) {
      line += " DEFAULT NULL";
    }
    if (c.on_update_current_timestamp) line += " ON UPDATE " + OnUpdateText(c);
    if (c.auto_increment) line += " AUTO_INCREMENT";
    if (!c.comment.empty()) line += " COMMENT " + QuoteStringLiteral(c.comment);
    if (t.base == BaseType::kJson) line += " CHECK (json_valid(" + QuoteIdentifier(c.name) + "))";
    lines.push_back(std::move(line));
  }
  for (const IndexDef& idx : def.indexes) {
    std::string line = "  ";
    switch (idx.kind) {
      case IndexKind::kPrimary: line += "PRIMARY KEY "; break;
      case IndexKind::kUnique: line += "UNIQUE KEY " + QuoteIdentifier(idx.name) + " "; break;
      case IndexKind::kIndex: line += "KEY " + QuoteIdentifier(idx.name) + " "; break;
      case IndexKind::kFulltext: line += "FULLTEXT KEY " + QuoteIdentifier(idx.name) + " "; break;
    }
    line += "(";
    for (size_t p = 0; p < idx.columns.size(); p++) {
      const IndexColumn& ic = idx.columns[p];
      if (p) line += ",";
      line += QuoteIdentifier(ic.name);
      if (ic.prefix_length > 0) line += "(" + std::to_string(ic.prefix_length) + ")";
      if (ic.descending) line += " DESC";
    }
    line += ")";
    if (IsLongHashKey(def, idx)) line += " USING HASH";
    if (!idx.comment.empty()) line += " COMMENT " + QuoteStringLiteral(idx.comment);
    lines.push_back(std::move(line));
  }
  for (size_t i = 0; i < lines.size(); i++) {
    out += lines[i];
    out += i + 1 < lines.size() ? ",\n" : "\n";
  }
  out += ")";
  if (!style.table_options) return out;
  out += " ENGINE=" + def.engine;
  uint64_t ai = auto_increment_next > 0 ? auto_increment_next : def.auto_increment;
  if (AutoIncrementColumn(def) != nullptr && ai > 1) out += " AUTO_INCREMENT=" + std::to_string(ai);
  std::string charset = def.charset.empty() ? kServerCharset : def.charset;
  std::string collation = def.collation.empty() ? DefaultCollationOf(charset) : def.collation;
  out += " DEFAULT CHARSET=" + charset + " COLLATE=" + collation;
  if (!def.comment.empty()) out += " COMMENT=" + QuoteStringLiteral(def.comment);
  return out;
}

std::vector<std::vector<Value>> DescribeRows(const TableDef& def) {
  std::vector<std::vector<Value>> rows;
  for (const ColumnDef& c : def.columns) {
    Value dflt;
    if (c.default_value.has_value() && !c.default_is_null) {
      // Unquoted, but otherwise as SHOW CREATE TABLE prints it (b'101', 004).
      bool quoted = !c.default_is_expression && c.type.base != BaseType::kBit &&
                    !IsNumericDefault(c.type);
      dflt = Value::String(quoted ? *c.default_value : DefaultLiteral(c));
    }
    rows.push_back({Value::String(c.name), Value::String(ColumnTypeText(c.type)),
                    Value::String(c.nullable ? "YES" : "NO"),
                    Value::String(KeyColumnText(ColumnFlagsFor(def, c))), dflt,
                    Value::String(ExtraText(c))});
  }
  return rows;
}

namespace {

// One row per key part, shared by SHOW INDEX and information_schema.STATISTICS.
struct KeyPartRow {
  const IndexDef* idx;
  size_t seq;
  const ColumnDef* col;
  const IndexColumn* part;
};

std::vector<KeyPartRow> KeyParts(const TableDef& def) {
  std::vector<KeyPartRow> parts;
  for (const IndexDef& idx : def.indexes) {
    for (size_t p = 0; p < idx.columns.size(); p++) {
      int ci = def.FindColumn(idx.columns[p].name);
      if (ci < 0) continue;
      parts.push_back(KeyPartRow{&idx, p + 1, &def.columns[ci], &idx.columns[p]});
    }
  }
  return parts;
}

// Collation, Cardinality, Sub_part, Index_type of a key part.
void KeyPartDetails(const TableDef& def, const KeyPartRow& r, Value* collation, Value* cardinality,
                    Value* sub_part, Value* index_type) {
  bool hash = IsLongHashKey(def, *r.idx);
  bool fulltext = r.idx->kind == IndexKind::kFulltext;
  *collation = fulltext ? Value::Null() : Value::String(r.part->descending ? "D" : "A");
  *cardinality = (hash || fulltext) ? Value::Null() : Value::Int(0);
  *sub_part = r.part->prefix_length > 0 ? Value::Int(r.part->prefix_length) : Value::Null();
  *index_type = Value::String(fulltext ? "FULLTEXT" : hash ? "HASH" : "BTREE");
}

}  // namespace

std::vector<std::vector<Value>> ShowIndexRows(const TableDef& def) {
  std::vector<std::vector<Value>> rows;
  for (const KeyPartRow& r : KeyParts(def)) {
    Value coll, card, sub, type;
    KeyPartDetails(def, r, &coll, &card, &sub, &type);
    rows.push_back({Value::String(def.name), Value::Int(IsUniqueKind(r.idx->kind) ? 0 : 1),
                    Value::String(r.idx->name), Value::Int(static_cast<int64_t>(r.seq)),
                    Value::String(r.col->name), coll, card, sub, Value::Null(),
                    Value::String(r.col->nullable ? "YES" : ""), type, Value::String(""),
                    Value::String(r.idx->comment), Value::String("NO")});
  }
  return rows;
}

std::vector<std::string> InformationSchemaColumnsColumns() {
  return {"TABLE_CATALOG",      "TABLE_SCHEMA",      "TABLE_NAME",
          "COLUMN_NAME",        "ORDINAL_POSITION",  "COLUMN_DEFAULT",
          "IS_NULLABLE",        "DATA_TYPE",         "CHARACTER_MAXIMUM_LENGTH",
          "CHARACTER_OCTET_LENGTH", "NUMERIC_PRECISION", "NUMERIC_SCALE",
          "DATETIME_PRECISION", "CHARACTER_SET_NAME", "COLLATION_NAME",
          "COLUMN_TYPE",        "COLUMN_KEY",        "EXTRA",
          "PRIVILEGES",         "COLUMN_COMMENT",    "IS_GENERATED",
          "GENERATION_EXPRESSION"};
}

std::vector<std::vector<Value>> InformationSchemaColumnsRows(const TableDef& def) {
  std::vector<std::vector<Value>> rows;
  int64_t pos = 0;
  for (const ColumnDef& c : def.columns) {
    const ColumnType& t = c.type;
    pos++;
    Value dflt;
    if (c.default_value.has_value() && !c.default_is_null) {
      dflt = Value::String(DefaultLiteral(c));
    } else if (c.nullable) {
      dflt = Value::String("NULL");
    }
    bool textual = t.IsString() || t.base == BaseType::kJson;
    Value max_len, octet_len, num_prec, num_scale, dt_prec, cs, coll;
    if (textual || t.IsBinaryString()) {
      uint64_t chars = CharacterMaxLength(t);
      max_len = Value::UInt(chars);
      uint64_t octets = chars;
      if (textual && (t.base == BaseType::kChar || t.base == BaseType::kVarchar ||
                      t.base == BaseType::kEnum || t.base == BaseType::kSet)) {
        octets = chars * MaxBytesPerChar(t, def.collation);
      }
      octet_len = Value::UInt(octets);
    }
    if (textual) {
      std::string collation = EffectiveCollation(t, def.collation);
      cs = Value::String(CharsetOfCollation(collation));
      coll = Value::String(collation);
    }
    switch (t.base) {
      case BaseType::kTinyInt: num_prec = Value::UInt(3); break;
      case BaseType::kSmallInt: num_prec = Value::UInt(5); break;
      case BaseType::kMediumInt: num_prec = Value::UInt(t.is_unsigned ? 8 : 7); break;
      case BaseType::kInt: num_prec = Value::UInt(10); break;
      case BaseType::kBigInt: num_prec = Value::UInt(t.is_unsigned ? 20 : 19); break;
      case BaseType::kDecimal:
        num_prec = Value::UInt(t.length > 0 ? t.length : 10);
        num_scale = Value::UInt(t.decimals > 0 ? t.decimals : 0);
        break;
      case BaseType::kFloat:
      case BaseType::kDouble:
        if (t.length > 0 && t.decimals >= 0) {
          num_prec = Value::UInt(t.length);
          num_scale = Value::UInt(t.decimals);
        } else {
          num_prec = Value::UInt(t.base == BaseType::kFloat ? 12 : 22);
        }
        break;
      case BaseType::kBit: num_prec = Value::UInt(t.length > 0 ? t.length : 1); break;
      case BaseType::kDatetime:
      case BaseType::kTimestamp:
      case BaseType::kTime: dt_prec = Value::UInt(FspOf(t)); break;
      default: break;
    }
    if (t.IsInteger()) num_scale = Value::UInt(0);
    rows.push_back({Value::String("def"), Value::String(def.db), Value::String(def.name),
                    Value::String(c.name), Value::UInt(pos), dflt,
                    Value::String(c.nullable ? "YES" : "NO"), Value::String(DataTypeName(t)),
                    max_len, octet_len, num_prec, num_scale, dt_prec, cs, coll,
                    Value::String(ColumnTypeText(t)),
                    Value::String(KeyColumnText(ColumnFlagsFor(def, c))),
                    Value::String(ExtraText(c)), Value::String("select,insert,update,references"),
                    Value::String(c.comment), Value::String("NEVER"), Value::Null()});
  }
  return rows;
}

std::vector<std::string> InformationSchemaTablesColumns() {
  return {"TABLE_CATALOG", "TABLE_SCHEMA",   "TABLE_NAME",      "TABLE_TYPE",     "ENGINE",
          "VERSION",       "ROW_FORMAT",     "TABLE_ROWS",      "AVG_ROW_LENGTH", "DATA_LENGTH",
          "MAX_DATA_LENGTH", "INDEX_LENGTH", "DATA_FREE",       "AUTO_INCREMENT", "CREATE_TIME",
          "UPDATE_TIME",   "CHECK_TIME",     "TABLE_COLLATION", "CHECKSUM",       "CREATE_OPTIONS",
          "TABLE_COMMENT", "MAX_INDEX_LENGTH", "TEMPORARY"};
}

std::vector<Value> InformationSchemaTablesRow(const TableDef& def, const Value& table_rows,
                                              const Value& auto_increment,
                                              const Value& create_time) {
  // The .frm version: 11 when the table has hidden expressions (a JSON
  // column's CHECK, a long UNIQUE key's hash), else 10.
  bool expressions = false;
  for (const ColumnDef& c : def.columns) expressions |= c.type.base == BaseType::kJson;
  for (const IndexDef& idx : def.indexes) expressions |= IsLongHashKey(def, idx);
  return {Value::String("def"),
          Value::String(def.db),
          Value::String(def.name),
          Value::String("BASE TABLE"),
          Value::String(def.engine),
          Value::UInt(expressions ? 11 : 10),
          Value::String("Dynamic"),
          table_rows,
          Value::UInt(0),
          Value::UInt(16384),
          Value::UInt(0),
          Value::UInt(0),
          Value::UInt(0),
          AutoIncrementColumn(def) != nullptr ? auto_increment : Value::Null(),
          create_time,
          Value::Null(),
          Value::Null(),
          Value::String(def.collation.empty() ? kServerCollation : def.collation),
          Value::Null(),
          Value::String(""),
          Value::String(def.comment),
          Value::UInt(0),
          Value::String("N")};
}

std::vector<std::string> InformationSchemaStatisticsColumns() {
  return {"TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME",  "NON_UNIQUE",  "INDEX_SCHEMA",
          "INDEX_NAME",    "SEQ_IN_INDEX", "COLUMN_NAME", "COLLATION",   "CARDINALITY",
          "SUB_PART",      "PACKED",       "NULLABLE",    "INDEX_TYPE",  "COMMENT",
          "INDEX_COMMENT", "IGNORED"};
}

std::vector<std::vector<Value>> InformationSchemaStatisticsRows(const TableDef& def) {
  std::vector<std::vector<Value>> rows;
  for (const KeyPartRow& r : KeyParts(def)) {
    Value coll, card, sub, type;
    KeyPartDetails(def, r, &coll, &card, &sub, &type);
    rows.push_back({Value::String("def"), Value::String(def.db), Value::String(def.name),
                    Value::Int(IsUniqueKind(r.idx->kind) ? 0 : 1), Value::String(def.db),
                    Value::String(r.idx->name), Value::Int(static_cast<int64_t>(r.seq)),
                    Value::String(r.col->name), coll, card, sub, Value::Null(),
                    Value::String(r.col->nullable ? "YES" : ""), type, Value::String(""),
                    Value::String(r.idx->comment), Value::String("NO")});
  }
  return rows;
}

std::vector<std::vector<Value>> InformationSchemaTableConstraintsRows(const TableDef& def) {
  std::vector<std::vector<Value>> rows;
  auto row = [&](const std::string& name, const char* type) {
    rows.push_back({Value::String("def"), Value::String(def.db), Value::String(name),
                    Value::String(def.db), Value::String(def.name), Value::String(type)});
  };
  for (const IndexDef& idx : def.indexes) {
    if (idx.kind == IndexKind::kPrimary) row(idx.name, "PRIMARY KEY");
    if (idx.kind == IndexKind::kUnique) row(idx.name, "UNIQUE");
  }
  for (const ColumnDef& c : def.columns)
    if (c.type.base == BaseType::kJson) row(c.name, "CHECK");
  return rows;
}

std::vector<std::vector<Value>> InformationSchemaKeyColumnUsageRows(const TableDef& def) {
  std::vector<std::vector<Value>> rows;
  for (const IndexDef& idx : def.indexes) {
    if (!IsUniqueKind(idx.kind)) continue;
    for (size_t p = 0; p < idx.columns.size(); p++) {
      rows.push_back({Value::String("def"), Value::String(def.db), Value::String(idx.name),
                      Value::String("def"), Value::String(def.db), Value::String(def.name),
                      Value::String(idx.columns[p].name), Value::Int(static_cast<int64_t>(p + 1)),
                      Value::Null(), Value::Null(), Value::Null(), Value::Null()});
    }
  }
  return rows;
}

std::vector<std::vector<Value>> InformationSchemaCheckConstraintsRows(const TableDef& def) {
  std::vector<std::vector<Value>> rows;
  for (const ColumnDef& c : def.columns) {
    if (c.type.base != BaseType::kJson) continue;
    rows.push_back({Value::String("def"), Value::String(def.db), Value::String(def.name),
                    Value::String(c.name), Value::String("Column"),
                    Value::String("json_valid(" + QuoteIdentifier(c.name) + ")")});
  }
  return rows;
}

std::vector<std::string> InformationSchemaSchemataColumns() {
  return {"CATALOG_NAME", "SCHEMA_NAME", "DEFAULT_CHARACTER_SET_NAME", "DEFAULT_COLLATION_NAME",
          "SQL_PATH", "SCHEMA_COMMENT"};
}

std::vector<Value> InformationSchemaSchemataRow(const DatabaseDef& db) {
  return {Value::String("def"), Value::String(db.name), Value::String(db.charset),
          Value::String(db.collation), Value::Null(), Value::String("")};
}

}  // namespace relaydb::sql
