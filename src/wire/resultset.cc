// Column definitions, text rows and binary rows. See resultset.h; MariaDB
// knowledge base "Result set packets" and "Resultset row".
#include "wire/resultset.h"

#include <algorithm>
#include <cassert>
#include <cstdio>

#include "common/bytes.h"
#include "wire/binary_value.h"

namespace relaydb::wire {

namespace {

constexpr uint64_t kColumnFixedFieldsLength = 0x0c;

bool IsIntegerType(FieldType t) {
  return t == kTypeTiny || t == kTypeShort || t == kTypeLong || t == kTypeInt24 ||
         t == kTypeLongLong || t == kTypeYear;
}

std::string FixedDecimals(double d, int decimals) {
  // %.*f of a huge double can be ~330 characters.
  char buf[400];
  int n = std::snprintf(buf, sizeof buf, "%.*f", decimals, d);
  if (n < 0) return FormatDouble(d);
  return std::string(buf, std::min<size_t>(static_cast<size_t>(n), sizeof buf - 1));
}

}  // namespace

std::string EncodeColumnCount(uint64_t num_columns) {
  std::string out;
  ByteWriter(&out).LenEncInt(num_columns);
  return out;
}

std::string EncodeColumnDefinition41(const ColumnMeta& col) {
  std::string out;
  ByteWriter w(&out);
  w.LenEncString("def");
  w.LenEncString(col.schema);
  w.LenEncString(col.table);
  w.LenEncString(col.org_table);
  w.LenEncString(col.name);
  w.LenEncString(col.org_name);
  w.LenEncInt(kColumnFixedFieldsLength);
  w.U16(col.charset);
  w.U32(col.length);
  w.U8(static_cast<uint8_t>(col.type));
  w.U16(col.flags);
  w.U8(col.decimals);
  w.Zeros(2);
  return out;
}

Result<ColumnMeta> DecodeColumnDefinition41(std::string_view payload, bool extended_metadata) {
  ByteReader r(payload);
  ColumnMeta col;
  std::string_view catalog, s;
  RETURN_IF_ERROR(r.ReadLenEncString(&catalog));
  RETURN_IF_ERROR(r.ReadLenEncString(&s));
  col.schema = std::string(s);
  RETURN_IF_ERROR(r.ReadLenEncString(&s));
  col.table = std::string(s);
  RETURN_IF_ERROR(r.ReadLenEncString(&s));
  col.org_table = std::string(s);
  RETURN_IF_ERROR(r.ReadLenEncString(&s));
  col.name = std::string(s);
  RETURN_IF_ERROR(r.ReadLenEncString(&s));
  col.org_name = std::string(s);
  if (extended_metadata) RETURN_IF_ERROR(r.ReadLenEncString(&s));
  uint64_t fixed_len = 0;
  RETURN_IF_ERROR(r.ReadLenEncInt(&fixed_len));
  if (fixed_len < 10) {
    return Status::Corruption("column definition fixed fields too short: " +
                              std::to_string(fixed_len));
  }
  std::string_view fixed;
  RETURN_IF_ERROR(r.ReadBytes(fixed_len, &fixed));
  ByteReader f(fixed);
  uint8_t type = 0;
  RETURN_IF_ERROR(f.ReadU16(&col.charset));
  RETURN_IF_ERROR(f.ReadU32(&col.length));
  RETURN_IF_ERROR(f.ReadU8(&type));
  RETURN_IF_ERROR(f.ReadU16(&col.flags));
  RETURN_IF_ERROR(f.ReadU8(&col.decimals));
  col.type = static_cast<FieldType>(type);
  return col;
}

std::string EncodeTextRow(const std::vector<Value>& values) {
  std::string out;
  ByteWriter w(&out);
  for (const Value& v : values) {
    if (v.is_null()) {
      w.LenEncNull();
    } else if (v.kind() == Value::Kind::kString) {
      w.LenEncString(v.string_value());
    } else {
      w.LenEncString(v.ToText());
    }
  }
  return out;
}

std::string TextValue(const ColumnMeta& col, const Value& v) {
  const Value::Kind kind = v.kind();
  if (kind == Value::Kind::kDouble && (col.type == kTypeFloat || col.type == kTypeDouble)) {
    double d = col.type == kTypeFloat ? static_cast<double>(static_cast<float>(v.double_value()))
                                      : v.double_value();
    if (col.decimals < kNotFixedDecimals) return FixedDecimals(d, col.decimals);
    return col.type == kTypeFloat ? FormatFloat(static_cast<float>(d)) : FormatDouble(d);
  }
  if (IsIntegerType(col.type) && (col.flags & kZerofillFlag) &&
      (kind == Value::Kind::kInt || kind == Value::Kind::kUInt)) {
    std::string s = v.ToText();
    if (s.size() < col.length) s.insert(0, col.length - s.size(), '0');
    return s;
  }
  if (col.type == kTypeBit && (kind == Value::Kind::kInt || kind == Value::Kind::kUInt)) {
    size_t width = std::max<size_t>(1, std::min<size_t>(8, (col.length + 7) / 8));
    std::string bytes;
    ByteWriter(&bytes).UintBE(
        kind == Value::Kind::kInt ? static_cast<uint64_t>(v.int_value()) : v.uint_value(), width);
    return bytes;
  }
  if (kind == Value::Kind::kString) return v.string_value();
  return v.ToText();
}

std::string EncodeTextRow(const std::vector<ColumnMeta>& columns, const std::vector<Value>& values) {
  assert(columns.size() == values.size());
  std::string out;
  ByteWriter w(&out);
  for (size_t i = 0; i < values.size(); i++) {
    if (values[i].is_null()) {
      w.LenEncNull();
    } else if (i < columns.size()) {
      w.LenEncString(TextValue(columns[i], values[i]));
    } else {
      w.LenEncString(values[i].ToText());
    }
  }
  return out;
}

Result<std::vector<std::optional<std::string>>> DecodeTextRow(std::string_view payload,
                                                              size_t num_columns) {
  ByteReader r(payload);
  std::vector<std::optional<std::string>> row;
  row.reserve(num_columns);
  for (size_t i = 0; i < num_columns; i++) {
    std::string_view cell;
    bool is_null = false;
    RETURN_IF_ERROR(r.ReadLenEncString(&cell, &is_null));
    if (is_null) {
      row.emplace_back(std::nullopt);
    } else {
      row.emplace_back(std::string(cell));
    }
  }
  if (!r.empty()) {
    return Status::Corruption("text row has " + std::to_string(r.remaining()) +
                              " bytes after its " + std::to_string(num_columns) + " columns");
  }
  return row;
}

Result<std::string> EncodeBinaryRow(const std::vector<ColumnMeta>& columns,
                                    const std::vector<Value>& values) {
  if (columns.size() != values.size()) {
    return Status::InvalidArgument("binary row has " + std::to_string(values.size()) +
                                   " values for " + std::to_string(columns.size()) + " columns");
  }
  const size_t n = columns.size();
  std::string out;
  ByteWriter w(&out);
  w.U8(0x00);
  const size_t bitmap_pos = out.size();
  w.Zeros((n + 7 + 2) / 8);
  for (size_t i = 0; i < n; i++) {
    if (values[i].is_null()) {
      out[bitmap_pos + (i + 2) / 8] |= static_cast<char>(1 << ((i + 2) % 8));
      continue;
    }
    RETURN_IF_ERROR(EncodeBinaryValue(columns[i], values[i], &w));
  }
  return out;
}

Result<std::vector<Value>> DecodeBinaryRow(std::string_view payload,
                                           const std::vector<ColumnMeta>& columns) {
  ByteReader r(payload);
  uint8_t header = 0;
  RETURN_IF_ERROR(r.ReadU8(&header));
  if (header != 0x00) return Status::Corruption("binary row does not start with 0x00");
  const size_t n = columns.size();
  std::string_view bitmap;
  RETURN_IF_ERROR(r.ReadBytes((n + 7 + 2) / 8, &bitmap));
  std::vector<Value> row(n);
  for (size_t i = 0; i < n; i++) {
    if (static_cast<uint8_t>(bitmap[(i + 2) / 8]) & (1u << ((i + 2) % 8))) continue;
    const ColumnMeta& col = columns[i];
    int frac = col.decimals <= 6 ? col.decimals : -1;
    RETURN_IF_ERROR(DecodeBinaryValue(&r, col.type, (col.flags & kUnsignedFlag) != 0, frac, &row[i]));
  }
  if (!r.empty()) {
    return Status::Corruption("binary row has " + std::to_string(r.remaining()) +
                              " bytes after its values");
  }
  return row;
}

}  // namespace relaydb::wire
