// Column specs and Table_map construction. See column_spec.h.
#include "binlog/column_spec.h"

#include <map>

#include "binlog/decimal_bin.h"

namespace relaydb::binlog {
namespace {

Status Bad(const std::string& what) { return Status::InvalidArgument("binlog column: " + what); }

uint16_t StringMeta(uint8_t real_type, uint32_t byte_length) {
  if (byte_length < 256) return static_cast<uint16_t>(real_type << 8 | byte_length);
  const uint8_t type_byte = static_cast<uint8_t>(real_type ^ ((byte_length & 0x300) >> 4));
  return static_cast<uint16_t>(type_byte << 8 | (byte_length & 0xff));
}

bool IsNumericSpec(const ColumnSpec& c) {
  switch (c.type) {
    case kTypeTiny:
    case kTypeShort:
    case kTypeInt24:
    case kTypeLong:
    case kTypeLongLong:
    case kTypeFloat:
    case kTypeDouble:
    case kTypeNewDecimal:
    case kTypeDecimal:
    case kTypeYear:
      return true;
    default:
      return false;
  }
}

// Character columns as the charset optional metadata counts them.
bool IsCharacterSpec(const ColumnSpec& c) {
  switch (c.type) {
    case kTypeVarchar:
    case kTypeVarString:
    case kTypeBlob:
    case kTypeTinyBlob:
    case kTypeMediumBlob:
    case kTypeLongBlob:
      return true;
    case kTypeString:
      return c.real_type() == kTypeString;
    default:
      return false;
  }
}

bool IsEnumOrSetSpec(const ColumnSpec& c) {
  const uint8_t t = c.real_type();
  return t == kTypeEnum || t == kTypeSet;
}

// MariaDB's choice between DEFAULT_CHARSET (most used collation + exceptions)
// and COLUMN_CHARSET (one per column): whichever is shorter assuming one-byte
// numbers, ties going to DEFAULT_CHARSET; the most used collation is the
// lowest-numbered among the most frequent.
void FillCharsets(const std::vector<uint32_t>& collations, std::optional<uint32_t>* def,
                  std::vector<std::pair<uint32_t, uint32_t>>* exceptions,
                  std::optional<std::vector<uint32_t>>* per_column) {
  if (collations.empty()) return;
  std::map<uint32_t, uint32_t> counts;
  for (uint32_t c : collations) counts[c]++;
  uint32_t most = 0, most_count = 0;
  for (auto [c, n] : counts) {
    if (n > most_count) {
      most = c;
      most_count = n;
    }
  }
  const size_t n = collations.size();
  if (n < 1 + (n - most_count) * 2) {
    *per_column = collations;
    return;
  }
  *def = most;
  for (size_t i = 0; i < n; i++) {
    if (collations[i] != most) exceptions->emplace_back(static_cast<uint32_t>(i), collations[i]);
  }
}

}  // namespace

uint8_t ColumnSpec::real_type() const {
  if (type != kTypeString) return type;
  const uint8_t b0 = static_cast<uint8_t>(meta >> 8);
  if (b0 == 0) return kTypeString;
  if ((b0 & 0x30) != 0x30) return static_cast<uint8_t>(b0 | 0x30);
  return b0;
}

uint32_t ColumnSpec::max_length() const {
  if (type == kTypeVarchar) return meta;
  if (type == kTypeString || type == kTypeVarString || type == kTypeEnum || type == kTypeSet) {
    const uint8_t b0 = static_cast<uint8_t>(meta >> 8);
    const uint8_t b1 = static_cast<uint8_t>(meta & 0xff);
    if (b0 != 0 && (b0 & 0x30) != 0x30) return b1 | ((((b0 & 0x30) ^ 0x30) << 4) & 0x300);
    return b1;
  }
  return 0;
}

Result<ColumnSpec> ColumnSpecFor(const ColumnTypeDesc& d) {
  ColumnSpec c;
  c.nullable = d.nullable;
  c.is_unsigned = d.is_unsigned;
  const uint32_t mb = d.binary_charset ? 1 : (d.max_bytes_per_char == 0 ? 1 : d.max_bytes_per_char);
  const int32_t fsp = d.decimals < 0 ? 0 : d.decimals;
  auto temporal = [&](uint8_t type) -> Result<ColumnSpec> {
    if (fsp > 6) return Bad("fractional seconds precision " + std::to_string(fsp) + " is above 6");
    c.type = type;
    c.meta = static_cast<uint16_t>(fsp);
    c.is_unsigned = false;
    return c;
  };
  auto blob = [&](uint16_t pack) {
    c.type = kTypeBlob;
    c.meta = pack;
    c.binary = d.binary_charset;
    c.is_unsigned = false;
    return c;
  };
  switch (d.base) {
    case ColumnBase::kTinyInt:
      c.type = kTypeTiny;
      return c;
    case ColumnBase::kSmallInt:
      c.type = kTypeShort;
      return c;
    case ColumnBase::kMediumInt:
      c.type = kTypeInt24;
      return c;
    case ColumnBase::kInt:
      c.type = kTypeLong;
      return c;
    case ColumnBase::kBigInt:
      c.type = kTypeLongLong;
      return c;
    case ColumnBase::kDecimal: {
      const int p = d.length < 0 ? 10 : d.length;
      const int s = d.decimals < 0 ? 0 : d.decimals;
      if (p < 1 || p > kMaxDecimalPrecision || s > kMaxDecimalScale || s > p) {
        return Bad("DECIMAL(" + std::to_string(p) + "," + std::to_string(s) + ")");
      }
      c.type = kTypeNewDecimal;
      c.meta = static_cast<uint16_t>(p << 8 | s);
      return c;
    }
    case ColumnBase::kFloat:
      c.type = kTypeFloat;
      c.meta = 4;
      return c;
    case ColumnBase::kDouble:
      c.type = kTypeDouble;
      c.meta = 8;
      return c;
    case ColumnBase::kBit: {
      const int n = d.length < 0 ? 1 : d.length;
      if (n < 1 || n > 64) return Bad("BIT(" + std::to_string(n) + ")");
      c.type = kTypeBit;
      c.meta = static_cast<uint16_t>((n / 8) << 8 | (n % 8));
      c.is_unsigned = false;
      return c;
    }
    case ColumnBase::kChar:
    case ColumnBase::kBinary: {
      const bool bin = d.base == ColumnBase::kBinary || d.binary_charset;
      const uint32_t n = static_cast<uint32_t>(d.length < 0 ? 1 : d.length);
      const uint32_t bytes = n * (bin ? 1 : mb);
      if (n > 255 || bytes > 1023) return Bad("CHAR/BINARY of " + std::to_string(bytes) + " bytes");
      c.type = kTypeString;
      c.meta = StringMeta(kTypeString, bytes);
      c.binary = bin;
      c.is_unsigned = false;
      return c;
    }
    case ColumnBase::kVarchar:
    case ColumnBase::kVarbinary: {
      const bool bin = d.base == ColumnBase::kVarbinary || d.binary_charset;
      const uint32_t n = static_cast<uint32_t>(d.length < 0 ? 1 : d.length);
      const uint32_t bytes = n * (bin ? 1 : mb);
      if (bytes > 65535) return Bad("VARCHAR of " + std::to_string(bytes) + " bytes");
      c.type = kTypeVarchar;
      c.meta = static_cast<uint16_t>(bytes);
      c.binary = bin;
      c.is_unsigned = false;
      return c;
    }
    case ColumnBase::kTinyText:
    case ColumnBase::kTinyBlob:
      return blob(1);
    case ColumnBase::kText:
    case ColumnBase::kBlob:
      return blob(2);
    case ColumnBase::kMediumText:
    case ColumnBase::kMediumBlob:
      return blob(3);
    case ColumnBase::kLongText:
    case ColumnBase::kLongBlob:
    case ColumnBase::kJson:
      return blob(4);
    case ColumnBase::kDate:
      c.type = kTypeDate;
      c.is_unsigned = false;
      return c;
    case ColumnBase::kDatetime:
      return temporal(kTypeDatetime2);
    case ColumnBase::kTimestamp:
      return temporal(kTypeTimestamp2);
    case ColumnBase::kTime:
      return temporal(kTypeTime2);
    case ColumnBase::kYear:
      c.type = kTypeYear;
      c.is_unsigned = true;
      return c;
    case ColumnBase::kEnum: {
      if (d.element_count > 65535)
        return Bad("ENUM with " + std::to_string(d.element_count) + " members");
      c.type = kTypeString;
      c.meta = static_cast<uint16_t>(kTypeEnum << 8 | (d.element_count > 255 ? 2 : 1));
      c.is_unsigned = false;
      return c;
    }
    case ColumnBase::kSet: {
      if (d.element_count > 64)
        return Bad("SET with " + std::to_string(d.element_count) + " members");
      size_t pack = (d.element_count + 7) / 8;
      if (pack == 0) pack = 1;
      if (pack > 4) pack = 8;
      c.type = kTypeString;
      c.meta = static_cast<uint16_t>(kTypeSet << 8 | pack);
      c.is_unsigned = false;
      return c;
    }
  }
  return Bad("unknown base type " + std::to_string(static_cast<int>(d.base)));
}

std::vector<ColumnSpec> ColumnSpecsFromTableMap(const TableMapEvent& tm) {
  std::vector<ColumnSpec> cols(tm.column_count());
  for (size_t i = 0; i < cols.size(); i++) {
    cols[i].type = tm.column_types[i];
    cols[i].meta = i < tm.column_meta.size() ? tm.column_meta[i] : 0;
    cols[i].nullable = i < tm.nullable.size() ? tm.nullable[i] : true;
  }
  const auto& m = tm.optional;
  if (m.signedness) {
    size_t k = 0;
    for (auto& c : cols) {
      if (!IsNumericSpec(c)) continue;
      if (k < m.signedness->size()) c.is_unsigned = (*m.signedness)[k];
      k++;
    }
  }
  if (m.default_charset || m.column_charsets) {
    std::vector<uint32_t> per_char;
    size_t k = 0;
    for (auto& c : cols) {
      if (!IsCharacterSpec(c)) continue;
      uint32_t coll = 0;
      if (m.column_charsets) {
        coll = k < m.column_charsets->size() ? (*m.column_charsets)[k] : 0;
      } else {
        coll = *m.default_charset;
        for (auto [index, cs] : m.default_charset_exceptions) {
          if (index == k) coll = cs;
        }
      }
      c.binary = coll == kCharsetBinary;
      k++;
    }
  }
  return cols;
}

Result<TableMapEvent> MakeTableMap(uint64_t table_id, const TableDescription& t,
                                   RowMetadata metadata) {
  TableMapEvent tm;
  tm.table_id = table_id;
  tm.db = t.db;
  tm.table = t.table;
  if (t.db.size() > 255 || t.table.size() > 255)
    return Bad("database or table name over 255 bytes");
  if (t.columns.empty()) return Bad("table without columns");
  std::vector<ColumnSpec> specs;
  for (const auto& col : t.columns) {
    ASSIGN_OR_RETURN(ColumnSpec s, ColumnSpecFor(col.type));
    tm.column_types.push_back(s.type);
    tm.column_meta.push_back(s.meta);
    tm.nullable.push_back(s.nullable);
    specs.push_back(s);
  }
  if (metadata == RowMetadata::kNoLog) return tm;

  auto& m = tm.optional;
  std::vector<bool> sign;
  std::vector<uint32_t> char_collations, enum_set_collations;
  for (size_t i = 0; i < specs.size(); i++) {
    if (IsNumericSpec(specs[i])) sign.push_back(specs[i].is_unsigned);
    if (IsCharacterSpec(specs[i])) char_collations.push_back(t.columns[i].collation);
    if (IsEnumOrSetSpec(specs[i])) enum_set_collations.push_back(t.columns[i].collation);
  }
  if (!sign.empty()) m.signedness = sign;
  FillCharsets(char_collations, &m.default_charset, &m.default_charset_exceptions,
               &m.column_charsets);
  if (metadata != RowMetadata::kFull) return tm;

  auto& names = m.column_names.emplace();
  for (const auto& col : t.columns) names.push_back(col.name);
  FillCharsets(enum_set_collations, &m.enum_and_set_default_charset,
               &m.enum_and_set_default_charset_exceptions, &m.enum_and_set_column_charsets);
  std::vector<std::vector<std::string>> sets, enums;
  for (size_t i = 0; i < specs.size(); i++) {
    if (specs[i].real_type() == kTypeSet) sets.push_back(t.columns[i].elements);
    if (specs[i].real_type() == kTypeEnum) enums.push_back(t.columns[i].elements);
  }
  if (!sets.empty()) m.set_values = sets;
  if (!enums.empty()) m.enum_values = enums;
  if (!t.primary_key.empty()) m.simple_primary_key = t.primary_key;
  return tm;
}

}  // namespace relaydb::binlog
