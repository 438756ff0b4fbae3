// --format=json output (json_printer.h).
#include "relaydb_binlog/json_printer.h"

#include <charconv>
#include <cmath>
#include <vector>

#include "binlog/column_spec.h"
#include "binlog/event_format.h"
#include "binlog/row_codec.h"
#include "binlog/temporal.h"
#include "common/bytes.h"
#include "common/mysql_types.h"
#include "relaydb_binlog/charsets.h"
#include "relaydb_binlog/format_util.h"

namespace relaydb::binlog_tool {
namespace {

using binlog::ColumnSpec;
using binlog::TableMapEvent;

// Length of the UTF-8 sequence starting at s[i], 0 if it is not valid.
size_t Utf8SequenceLength(std::string_view s, size_t i) {
  const auto b = [&](size_t k) { return static_cast<uint8_t>(s[k]); };
  const uint8_t c = b(i);
  size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (size_t k = 1; k < n; k++) {
    if ((b(i + k) & 0xc0) != 0x80) return 0;
  }
  if (n == 2 && c < 0xc2) return 0;                       // overlong
  if (n == 3 && c == 0xe0 && b(i + 1) < 0xa0) return 0;   // overlong
  if (n == 3 && c == 0xed && b(i + 1) >= 0xa0) return 0;  // surrogate
  if (n == 4 && c == 0xf0 && b(i + 1) < 0x90) return 0;   // overlong
  if (n == 4 && (c > 0xf4 || (c == 0xf4 && b(i + 1) >= 0x90))) return 0;
  return n;
}

bool IsValidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const size_t n = Utf8SequenceLength(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string Latin1ToUtf8(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else {
      out += static_cast<char>(0xc0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3f));
    }
  }
  return out;
}

std::string Base64Object(std::string_view bytes) {
  std::string b64 = Base64Encode(bytes);
  std::erase(b64, '\n');
  return "{\"base64\":\"" + b64 + "\"}";
}

template <typename T>
std::string ShortestNumber(T v) {
  if (!std::isfinite(v)) return "null";
  char buf[64];
  auto [p, ec] = std::to_chars(buf, buf + sizeof buf, v);
  std::string s(buf, p);
  // JSON has no "1e+20" issue, but it needs a digit before an exponent's "e".
  return s;
}

// Whether the charset metadata counts this column (MariaDB's
// is_character_type: CHAR, VARCHAR, BLOB/TEXT, GEOMETRY).
bool IsCharacterColumn(const ColumnSpec& c) {
  switch (c.type) {
    case kTypeVarchar:
    case kTypeVarString:
    case kTypeBlob:
    case kTypeGeometry:
      return true;
    case kTypeString:
      return c.real_type() == kTypeString;
    default:
      return false;
  }
}

// How to read a table's columns: decoding specs, collation ids (0 =
// unknown), names and ENUM/SET members from the Table_map.
struct TableLayout {
  std::vector<ColumnSpec> specs;
  std::vector<uint32_t> collations;
  std::vector<std::string> keys;
  std::vector<const std::vector<std::string>*> members;  // ENUM/SET labels or null
};

TableLayout LayoutOf(const TableMapEvent& tm) {
  TableLayout t;
  t.specs = binlog::ColumnSpecsFromTableMap(tm);
  const auto& m = tm.optional;
  const size_t n = t.specs.size();
  t.collations.assign(n, 0);
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    if (!IsCharacterColumn(t.specs[i])) continue;
    uint32_t coll = 0;
    if (m.column_charsets) {
      coll = k < m.column_charsets->size() ? (*m.column_charsets)[k] : 0;
    } else if (m.default_charset) {
      coll = *m.default_charset;
      for (auto [index, cs] : m.default_charset_exceptions) {
        if (index == k) coll = cs;
      }
    }
    t.collations[i] = coll;
    t.specs[i].binary = coll == kCharsetBinary;
    k++;
  }
  const bool named = m.column_names && m.column_names->size() == n;
  size_t enum_k = 0, set_k = 0;
  t.members.assign(n, nullptr);
  for (size_t i = 0; i < n; i++) {
    t.keys.push_back(named ? (*m.column_names)[i] : "@" + std::to_string(i + 1));
    if (t.specs[i].real_type() == kTypeEnum) {
      if (m.enum_values && enum_k < m.enum_values->size()) t.members[i] = &(*m.enum_values)[enum_k];
      enum_k++;
    } else if (t.specs[i].real_type() == kTypeSet) {
      if (m.set_values && set_k < m.set_values->size()) t.members[i] = &(*m.set_values)[set_k];
      set_k++;
    }
  }
  return t;
}

std::string TextValue(std::string_view bytes, uint32_t collation) {
  if (collation == kCharsetBinary) return Base64Object(bytes);
  const CollationInfo* info = FindCollation(collation);
  if (info && std::string_view(info->charset) == "latin1") return JsonString(Latin1ToUtf8(bytes));
  if (IsValidUtf8(bytes)) return JsonString(bytes);
  return Base64Object(bytes);
}

std::string JsonValue(const TableLayout& t, size_t i, const Value& v) {
  if (v.is_null()) return "null";
  const ColumnSpec& c = t.specs[i];
  const uint8_t type = c.type == kTypeString ? c.real_type() : c.type;
  switch (type) {
    case kTypeBit:  // the bit pattern, unsigned
      return std::to_string(static_cast<uint64_t>(v.int_value()));
    case kTypeTiny:
    case kTypeShort:
    case kTypeInt24:
    case kTypeLong:
    case kTypeLongLong:
    case kTypeYear:
      if (v.kind() == Value::Kind::kString) return v.string_value();  // BIGINT UNSIGNED
      return std::to_string(v.int_value());
    case kTypeFloat:
      return ShortestNumber(static_cast<float>(v.double_value()));
    case kTypeDouble:
      return ShortestNumber(v.double_value());
    case kTypeEnum: {
      const int64_t index = v.int_value();
      if (t.members[i] && index >= 1 && static_cast<size_t>(index) <= t.members[i]->size()) {
        return JsonString((*t.members[i])[index - 1]);
      }
      return std::to_string(index);
    }
    case kTypeSet: {
      if (!t.members[i]) return std::to_string(v.int_value());
      const uint64_t mask = static_cast<uint64_t>(v.int_value());
      std::string labels;
      for (size_t b = 0; b < t.members[i]->size() && b < 64; b++) {
        if (!((mask >> b) & 1)) continue;
        if (!labels.empty()) labels += ',';
        labels += (*t.members[i])[b];
      }
      return JsonString(labels);
    }
    case kTypeTimestamp:
    case kTypeTimestamp2: {
      auto utc = binlog::TimestampValueToUtcDatetime(v.string_value(),
                                                     type == kTypeTimestamp2 ? c.meta : 0);
      return JsonString(utc.ok() ? *utc : v.string_value());
    }
    case kTypeNewDecimal:
    case kTypeDate:
    case kTypeNewDate:
    case kTypeDatetime:
    case kTypeDatetime2:
    case kTypeTime:
    case kTypeTime2:
      return JsonString(v.string_value());
    case kTypeGeometry:
      return Base64Object(v.string_value());
    default:
      return TextValue(v.string_value(), t.collations[i]);
  }
}

std::string JsonImage(const TableLayout& t, const std::vector<bool>& present,
                      const std::vector<Value>& row) {
  std::string out = "{";
  bool first = true;
  for (size_t i = 0; i < t.specs.size(); i++) {
    if (i >= present.size() || !present[i]) continue;
    if (!first) out += ',';
    first = false;
    out += JsonString(t.keys[i]) + ":" + JsonValue(t, i, row[i]);
  }
  return out + "}";
}

bool IsTransKeyword(std::string_view q) {
  for (std::string_view w : {"BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "XA "}) {
    if (q.size() >= w.size()) {
      bool eq = true;
      for (size_t i = 0; i < w.size() && eq; i++) {
        eq = std::toupper(static_cast<unsigned char>(q[i])) == w[i];
      }
      if (eq && (q.size() == w.size() || w.back() == ' ' ||
                 !std::isalnum(static_cast<unsigned char>(q[w.size()])))) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace

std::string JsonString(std::string_view s) {
  std::string out = "\"";
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const size_t n = Utf8SequenceLength(s, i);
    if (n > 1) {
      out.append(s.substr(i, n));
      i += n;
      continue;
    }
    i++;
    if (n == 0) {
      out += Latin1ToUtf8(std::string_view(reinterpret_cast<const char*>(&c), 1));
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7f) {
      out += Printf("\\u%04x", c);
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

JsonPrinter::JsonPrinter(const Options& options, std::string* out) : options_(options), out_(out) {}

Status JsonPrinter::BeginFile(const std::string&) {
  tables_.clear();
  ignored_.clear();
  return Status::Ok();
}

std::string JsonPrinter::Common(const ToolEvent& ev) const {
  const auto& h = ev.header();
  return "{\"file\":" + JsonString(ev.file) + ",\"pos\":" + std::to_string(ev.pos) +
         ",\"end_pos\":" + std::to_string(ev.pos + ev.bytes.size()) +
         ",\"timestamp\":" + std::to_string(h.timestamp) +
         ",\"server_id\":" + std::to_string(h.server_id) +
         ",\"gtid\":" + (gtid_ ? JsonString(*gtid_) : "null");
}

Status JsonPrinter::HandleEvent(const ToolEvent& ev) {
  const binlog::Event& e = ev.event;
  if (const auto* g = e.As<binlog::GtidEvent>()) {
    gtid_ = g->gtid(ev.header().server_id).ToString();
    return Status::Ok();
  }
  if (const auto* q = e.As<binlog::QueryEvent>()) {
    if (IsTransKeyword(q->query)) return Status::Ok();
    if (options_.database && q->db != *options_.database) return Status::Ok();
    *out_ += Common(ev) + ",\"database\":" + JsonString(q->db) +
             ",\"op\":\"query\",\"query\":" + JsonString(q->query) + "}\n";
    return Status::Ok();
  }
  if (const auto* tm = e.As<binlog::TableMapEvent>()) {
    if ((options_.database && tm->db != *options_.database) ||
        (options_.table && tm->table != *options_.table)) {
      ignored_.insert(tm->table_id);
      tables_.erase(tm->table_id);
    } else {
      ignored_.erase(tm->table_id);
      tables_[tm->table_id] = *tm;
    }
    return Status::Ok();
  }
  if (const auto* rows = e.As<binlog::RowsEvent>()) return PrintRows(ev, *rows);
  return Status::Ok();
}

Status JsonPrinter::PrintRows(const ToolEvent& ev, const binlog::RowsEvent& rows) {
  if (ignored_.count(rows.table_id)) return Status::Ok();
  auto it = tables_.find(rows.table_id);
  if (it == tables_.end()) {
    return Status::Corruption("rows event at " + std::to_string(ev.pos) + " for table id " +
                              std::to_string(rows.table_id) +
                              " without a Table_map (start at a transaction boundary)");
  }
  const TableMapEvent& tm = it->second;
  const TableLayout layout = LayoutOf(tm);
  const char* op = rows.is_write() ? "insert" : rows.is_delete() ? "delete" : "update";
  const std::string prefix = Common(ev) + ",\"database\":" + JsonString(tm.db) +
                             ",\"table\":" + JsonString(tm.table) + ",\"op\":\"" + op + "\"";
  const std::vector<bool>& before_cols = rows.columns_before;
  const std::vector<bool>& after_cols = rows.is_update() ? rows.columns_after : rows.columns_before;
  ByteReader r(rows.rows);
  while (!r.empty()) {
    const size_t start = r.position();
    std::vector<Value> before, after;
    std::string line = prefix;
    if (!rows.is_write()) {
      Status st = binlog::DecodeRowImage(layout.specs, before_cols, &r, &before);
      if (!st.ok())
        return Status::Corruption("rows event at " + std::to_string(ev.pos) + ": " + st.message());
      line += ",\"before\":" + JsonImage(layout, before_cols, before);
    }
    if (!rows.is_delete()) {
      Status st = binlog::DecodeRowImage(layout.specs, after_cols, &r, &after);
      if (!st.ok())
        return Status::Corruption("rows event at " + std::to_string(ev.pos) + ": " + st.message());
      line += ",\"after\":" + JsonImage(layout, after_cols, after);
    }
    if (r.position() == start) {
      return Status::Corruption("rows event at " + std::to_string(ev.pos) +
                                ": image with no columns");
    }
    *out_ += line + "}\n";
  }
  return Status::Ok();
}

}  // namespace relaydb::binlog_tool
