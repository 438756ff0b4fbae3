// Row image codec. See row_codec.h and docs/binlog_format.md ("Row images").
#include "binlog/row_codec.h"

#include <cstring>

#include "binlog/decimal_bin.h"
#include "binlog/temporal.h"
#include "common/mysql_types.h"

namespace relaydb::binlog {
namespace {

using Int128 = __int128;

Status Invalid(const ColumnSpec& c, const std::string& what) {
  return Status::InvalidArgument("binlog value for type " + std::to_string(c.type) + ": " + what);
}

// An integral Value (Int, UInt, or decimal digits in a String) as a 128-bit int.
bool ToInt128(const Value& v, Int128* out) {
  switch (v.kind()) {
    case Value::Kind::kInt:
      *out = v.int_value();
      return true;
    case Value::Kind::kUInt:
      *out = v.uint_value();
      return true;
    case Value::Kind::kString: {
      const std::string& s = v.string_value();
      size_t i = 0;
      bool neg = false;
      if (i < s.size() && (s[i] == '-' || s[i] == '+')) neg = s[i++] == '-';
      if (i == s.size() || s.size() - i > 20) return false;
      Int128 x = 0;
      for (; i < s.size(); i++) {
        if (s[i] < '0' || s[i] > '9') return false;
        x = x * 10 + (s[i] - '0');
      }
      *out = neg ? -x : x;
      return true;
    }
    default:
      return false;
  }
}

std::string Uint64Text(uint64_t v) { return std::to_string(v); }

size_t IntWidth(uint8_t type) {
  switch (type) {
    case kTypeTiny:
      return 1;
    case kTypeShort:
      return 2;
    case kTypeInt24:
      return 3;
    case kTypeLong:
      return 4;
    case kTypeLongLong:
      return 8;
    default:
      return 0;
  }
}

int Fsp(const ColumnSpec& c) { return c.meta; }

// Bytes of the length prefix of a STRING/VARCHAR value.
size_t StringPrefix(uint32_t max_length) { return max_length < 256 ? 1 : 2; }

const std::string& StringOf(const ColumnSpec& c, const Value& v, Status* st) {
  static const std::string kEmpty;
  if (v.kind() != Value::Kind::kString) {
    *st = Invalid(c, "expected a string");
    return kEmpty;
  }
  return v.string_value();
}

Status EncodeInteger(const ColumnSpec& c, const Value& v, ByteWriter* w) {
  const size_t width = IntWidth(c.type);
  Int128 x = 0;
  if (!ToInt128(v, &x)) return Invalid(c, "expected an integer");
  const Int128 bits = Int128{1} << (8 * width);
  const Int128 lo = c.is_unsigned ? 0 : -(bits / 2);
  const Int128 hi = c.is_unsigned ? bits - 1 : bits / 2 - 1;
  if (x < lo || x > hi) return Invalid(c, "integer out of range");
  w->Uint(static_cast<uint64_t>(x), width);
  return Status::Ok();
}

Status DecodeInteger(const ColumnSpec& c, ByteReader* r, Value* out) {
  const size_t width = IntWidth(c.type);
  uint64_t u = 0;
  RETURN_IF_ERROR(r->ReadUint(width, &u));
  if (c.is_unsigned) {
    *out = (width == 8) ? Value::String(Uint64Text(u)) : Value::Int(static_cast<int64_t>(u));
    return Status::Ok();
  }
  if (width < 8 && (u >> (8 * width - 1)) & 1) u |= ~uint64_t{0} << (8 * width);  // sign-extend
  *out = Value::Int(static_cast<int64_t>(u));
  return Status::Ok();
}

Status EncodeString(const ColumnSpec& c, const Value& v, ByteWriter* w) {
  Status st;
  std::string_view s = StringOf(c, v, &st);
  RETURN_IF_ERROR(st);
  const char pad = c.binary ? '\0' : ' ';
  while (!s.empty() && s.back() == pad) s.remove_suffix(1);
  const uint32_t max = c.max_length();
  if (s.size() > max)
    return Invalid(
        c, "string of " + std::to_string(s.size()) + " bytes exceeds " + std::to_string(max));
  w->Uint(s.size(), StringPrefix(max));
  w->Bytes(s);
  return Status::Ok();
}

Status DecodeString(const ColumnSpec& c, ByteReader* r, Value* out) {
  const uint32_t max = c.max_length();
  uint64_t len = 0;
  std::string_view s;
  RETURN_IF_ERROR(r->ReadUint(StringPrefix(max), &len));
  if (len > max) {
    return Status::Corruption("CHAR value of " + std::to_string(len) + " bytes exceeds its " +
                              std::to_string(max));
  }
  RETURN_IF_ERROR(r->ReadBytes(len, &s));
  std::string value(s);
  if (c.binary) value.resize(max, '\0');
  *out = Value::String(std::move(value));
  return Status::Ok();
}

Status EncodeBlob(const ColumnSpec& c, const Value& v, size_t prefix, ByteWriter* w) {
  Status st;
  const std::string& s = StringOf(c, v, &st);
  RETURN_IF_ERROR(st);
  if (prefix < 1 || prefix > 4)
    return Invalid(c, "bad length-prefix size " + std::to_string(prefix));
  if (prefix < 4 && s.size() >= (size_t{1} << (8 * prefix))) {
    return Invalid(c, "value of " + std::to_string(s.size()) + " bytes is too long for the column");
  }
  w->Uint(s.size(), prefix);
  w->Bytes(s);
  return Status::Ok();
}

Status DecodeBlob(size_t prefix, ByteReader* r, Value* out) {
  if (prefix < 1 || prefix > 4)
    return Status::Corruption("bad BLOB length-prefix size " + std::to_string(prefix));
  uint64_t len = 0;
  std::string_view s;
  RETURN_IF_ERROR(r->ReadUint(prefix, &len));
  RETURN_IF_ERROR(r->ReadBytes(len, &s));
  *out = Value::String(std::string(s));
  return Status::Ok();
}

uint32_t BitCount(const ColumnSpec& c) { return (c.meta >> 8) * 8 + (c.meta & 0xff); }
size_t BitBytes(const ColumnSpec& c) { return (c.meta >> 8) + ((c.meta & 0xff) ? 1 : 0); }

Status EncodeTemporal(const ColumnSpec& c, const Value& v, ByteWriter* w) {
  Status st;
  const std::string& s = StringOf(c, v, &st);
  RETURN_IF_ERROR(st);
  TemporalParts p;
  std::string& out = w->buffer();
  switch (c.type) {
    case kTypeDate:
    case kTypeNewDate:
      RETURN_IF_ERROR(ParseDate(s, &p));
      PackDate(p, &out);
      return Status::Ok();
    case kTypeDatetime2:
      RETURN_IF_ERROR(ParseDatetime(s, Fsp(c), &p));
      PackDatetime2(p, Fsp(c), &out);
      return Status::Ok();
    case kTypeTime2:
      RETURN_IF_ERROR(ParseTime(s, Fsp(c), &p));
      PackTime2(p, Fsp(c), &out);
      return Status::Ok();
    case kTypeTimestamp2: {
      uint32_t secs = 0, micro = 0;
      RETURN_IF_ERROR(ParseTimestampValue(s, Fsp(c), &secs, &micro));
      PackTimestamp2(secs, micro, Fsp(c), &out);
      return Status::Ok();
    }
    case kTypeTimestamp: {
      uint32_t secs = 0, micro = 0;
      RETURN_IF_ERROR(ParseTimestampValue(s, 0, &secs, &micro));
      w->U32(secs);
      return Status::Ok();
    }
    case kTypeDatetime: {
      RETURN_IF_ERROR(ParseDatetime(s, 0, &p));
      w->U64((p.year * 10000ULL + p.month * 100 + p.day) * 1000000ULL + p.hour * 10000 +
             p.minute * 100 + p.second);
      return Status::Ok();
    }
    case kTypeTime: {
      RETURN_IF_ERROR(ParseTime(s, 0, &p));
      const int32_t hms = static_cast<int32_t>(p.hour * 10000 + p.minute * 100 + p.second);
      w->U24(static_cast<uint32_t>(p.negative ? -hms : hms) & 0xffffff);
      return Status::Ok();
    }
    default:
      return Invalid(c, "not a temporal type");
  }
}

Status DecodeTemporal(const ColumnSpec& c, ByteReader* r, Value* out) {
  TemporalParts p;
  switch (c.type) {
    case kTypeDate:
    case kTypeNewDate:
      RETURN_IF_ERROR(UnpackDate(r, &p));
      *out = Value::String(FormatDate(p));
      return Status::Ok();
    case kTypeDatetime2:
      RETURN_IF_ERROR(UnpackDatetime2(r, Fsp(c), &p));
      *out = Value::String(FormatDatetime(p, Fsp(c)));
      return Status::Ok();
    case kTypeTime2:
      RETURN_IF_ERROR(UnpackTime2(r, Fsp(c), &p));
      *out = Value::String(FormatTime(p, Fsp(c)));
      return Status::Ok();
    case kTypeTimestamp2: {
      uint32_t secs = 0, micro = 0;
      RETURN_IF_ERROR(UnpackTimestamp2(r, Fsp(c), &secs, &micro));
      *out = Value::String(FormatTimestampValue(secs, micro, Fsp(c)));
      return Status::Ok();
    }
    case kTypeTimestamp: {
      uint32_t secs = 0;
      RETURN_IF_ERROR(r->ReadU32(&secs));
      *out = Value::String(std::to_string(secs));
      return Status::Ok();
    }
    case kTypeDatetime: {
      uint64_t v = 0;
      RETURN_IF_ERROR(r->ReadU64(&v));
      const uint64_t d = v / 1000000, t = v % 1000000;
      p.year = static_cast<uint32_t>(d / 10000 % 10000);
      p.month = static_cast<uint32_t>(d / 100 % 100);
      p.day = static_cast<uint32_t>(d % 100);
      p.hour = static_cast<uint32_t>(t / 10000);
      p.minute = static_cast<uint32_t>(t / 100 % 100);
      p.second = static_cast<uint32_t>(t % 100);
      *out = Value::String(FormatDatetime(p, 0));
      return Status::Ok();
    }
    case kTypeTime: {
      uint32_t u = 0;
      RETURN_IF_ERROR(r->ReadU24(&u));
      int32_t v = static_cast<int32_t>(u << 8) >> 8;  // sign-extend 24 bits
      p.negative = v < 0;
      const uint32_t a = static_cast<uint32_t>(v < 0 ? -v : v);
      p.hour = a / 10000;
      p.minute = a / 100 % 100;
      p.second = a % 100;
      *out = Value::String(FormatTime(p, 0));
      return Status::Ok();
    }
    default:
      return Status::Corruption("not a temporal type " + std::to_string(c.type));
  }
}

}  // namespace

Status EncodeValue(const ColumnSpec& c, const Value& v, std::string* out) {
  if (v.is_null()) return Invalid(c, "NULL belongs in the null bitmap");
  ByteWriter w(out);
  switch (c.type) {
    case kTypeTiny:
    case kTypeShort:
    case kTypeInt24:
    case kTypeLong:
    case kTypeLongLong:
      return EncodeInteger(c, v, &w);
    case kTypeYear: {
      Int128 y = 0;
      if (!ToInt128(v, &y)) return Invalid(c, "expected a year");
      if (y != 0 && (y < 1901 || y > 2155)) return Invalid(c, "year out of range");
      w.U8(y == 0 ? 0 : static_cast<uint8_t>(y - 1900));
      return Status::Ok();
    }
    case kTypeNewDecimal: {
      Status st;
      const std::string& s = StringOf(c, v, &st);
      RETURN_IF_ERROR(st);
      return EncodeDecimal(s, c.meta >> 8, c.meta & 0xff, out);
    }
    case kTypeFloat:
    case kTypeDouble: {
      double d = 0;
      Int128 x = 0;
      if (v.kind() == Value::Kind::kDouble) {
        d = v.double_value();
      } else if (ToInt128(v, &x)) {
        d = static_cast<double>(x);
      } else {
        return Invalid(c, "expected a number");
      }
      if (c.type == kTypeFloat) {
        const float f = static_cast<float>(d);
        uint32_t bits = 0;
        std::memcpy(&bits, &f, sizeof bits);
        w.U32(bits);
      } else {
        uint64_t bits = 0;
        std::memcpy(&bits, &d, sizeof bits);
        w.U64(bits);
      }
      return Status::Ok();
    }
    case kTypeBit: {
      Int128 x = 0;
      if (!ToInt128(v, &x)) return Invalid(c, "expected a bit pattern");
      const uint32_t n = BitCount(c);
      const uint64_t u = static_cast<uint64_t>(x);
      if (n < 64 && (x < 0 || (u >> n) != 0))
        return Invalid(c, "value too big for BIT(" + std::to_string(n) + ")");
      w.UintBE(u, BitBytes(c));
      return Status::Ok();
    }
    case kTypeString:
    case kTypeVarString:
    case kTypeEnum:
    case kTypeSet: {
      const uint8_t real = c.real_type();
      if (real == kTypeEnum || real == kTypeSet) {
        Int128 x = 0;
        const size_t pack = c.max_length();
        if (!ToInt128(v, &x)) return Invalid(c, "expected an ENUM index or SET bitmask");
        if (pack == 0 || pack > 8) return Invalid(c, "bad ENUM/SET pack length");
        if (x < 0 || (pack < 8 && x >= (Int128{1} << (8 * pack))))
          return Invalid(c, "ENUM/SET value out of range");
        w.Uint(static_cast<uint64_t>(x), pack);
        return Status::Ok();
      }
      return EncodeString(c, v, &w);
    }
    case kTypeVarchar: {
      Status st;
      const std::string& s = StringOf(c, v, &st);
      RETURN_IF_ERROR(st);
      if (s.size() > c.meta) {
        return Invalid(c, "string of " + std::to_string(s.size()) + " bytes exceeds " +
                              std::to_string(c.meta));
      }
      w.Uint(s.size(), StringPrefix(c.meta));
      w.Bytes(s);
      return Status::Ok();
    }
    case kTypeBlob:
    case kTypeTinyBlob:
    case kTypeMediumBlob:
    case kTypeLongBlob:
    case kTypeGeometry:
    case kTypeJson:
      return EncodeBlob(c, v, c.meta, &w);
    case kTypeDate:
    case kTypeNewDate:
    case kTypeDatetime2:
    case kTypeTime2:
    case kTypeTimestamp2:
    case kTypeTimestamp:
    case kTypeDatetime:
    case kTypeTime:
      return EncodeTemporal(c, v, &w);
    case kTypeNull:
      return Status::Ok();
    default:
      return Status::NotSupported("binlog type " + std::to_string(c.type) + " cannot be encoded");
  }
}

Status DecodeValue(const ColumnSpec& c, ByteReader* r, Value* out) {
  switch (c.type) {
    case kTypeTiny:
    case kTypeShort:
    case kTypeInt24:
    case kTypeLong:
    case kTypeLongLong:
      return DecodeInteger(c, r, out);
    case kTypeYear: {
      uint8_t y = 0;
      RETURN_IF_ERROR(r->ReadU8(&y));
      *out = Value::Int(y == 0 ? 0 : 1900 + y);
      return Status::Ok();
    }
    case kTypeNewDecimal: {
      std::string text;
      RETURN_IF_ERROR(DecodeDecimal(r, c.meta >> 8, c.meta & 0xff, &text));
      *out = Value::String(std::move(text));
      return Status::Ok();
    }
    case kTypeFloat: {
      uint32_t bits = 0;
      RETURN_IF_ERROR(r->ReadU32(&bits));
      float f = 0;
      std::memcpy(&f, &bits, sizeof f);
      *out = Value::Double(f);
      return Status::Ok();
    }
    case kTypeDouble: {
      uint64_t bits = 0;
      RETURN_IF_ERROR(r->ReadU64(&bits));
      double d = 0;
      std::memcpy(&d, &bits, sizeof d);
      *out = Value::Double(d);
      return Status::Ok();
    }
    case kTypeBit: {
      const size_t n = BitBytes(c);
      if (n == 0 || n > 8) return Status::Corruption("bad BIT metadata " + std::to_string(c.meta));
      uint64_t u = 0;
      RETURN_IF_ERROR(r->ReadUintBE(n, &u));
      *out = Value::Int(static_cast<int64_t>(u));
      return Status::Ok();
    }
    case kTypeString:
    case kTypeVarString:
    case kTypeEnum:
    case kTypeSet: {
      const uint8_t real = c.real_type();
      if (real == kTypeEnum || real == kTypeSet) {
        const size_t pack = c.max_length();
        if (pack == 0 || pack > 8)
          return Status::Corruption("bad ENUM/SET pack length " + std::to_string(pack));
        uint64_t u = 0;
        RETURN_IF_ERROR(r->ReadUint(pack, &u));
        *out = Value::Int(static_cast<int64_t>(u));
        return Status::Ok();
      }
      return DecodeString(c, r, out);
    }
    case kTypeVarchar: {
      uint64_t len = 0;
      std::string_view s;
      RETURN_IF_ERROR(r->ReadUint(StringPrefix(c.meta), &len));
      if (len > c.meta) {
        return Status::Corruption("VARCHAR value of " + std::to_string(len) +
                                  " bytes exceeds its " + std::to_string(c.meta));
      }
      RETURN_IF_ERROR(r->ReadBytes(len, &s));
      *out = Value::String(std::string(s));
      return Status::Ok();
    }
    case kTypeBlob:
    case kTypeTinyBlob:
    case kTypeMediumBlob:
    case kTypeLongBlob:
    case kTypeGeometry:
    case kTypeJson:
      return DecodeBlob(c.meta, r, out);
    case kTypeDate:
    case kTypeNewDate:
    case kTypeDatetime2:
    case kTypeTime2:
    case kTypeTimestamp2:
    case kTypeTimestamp:
    case kTypeDatetime:
    case kTypeTime:
      return DecodeTemporal(c, r, out);
    case kTypeNull:
      *out = Value::Null();
      return Status::Ok();
    default:
      return Status::NotSupported("binlog type " + std::to_string(c.type) + " cannot be decoded");
  }
}

Status EncodeRowImage(const std::vector<ColumnSpec>& cols, const std::vector<bool>& present,
                      const std::vector<Value>& row, std::string* out) {
  if (row.size() != cols.size() || present.size() != cols.size()) {
    return Status::InvalidArgument("row image has " + std::to_string(row.size()) + " values for " +
                                   std::to_string(cols.size()) + " columns");
  }
  std::vector<bool> nulls;
  for (size_t i = 0; i < cols.size(); i++) {
    if (present[i]) nulls.push_back(row[i].is_null());
  }
  EncodeBitmap(nulls, out);
  for (size_t i = 0; i < cols.size(); i++) {
    if (!present[i] || row[i].is_null()) continue;
    Status st = EncodeValue(cols[i], row[i], out);
    if (!st.ok())
      return Status::InvalidArgument("column " + std::to_string(i + 1) + ": " + st.message());
  }
  return Status::Ok();
}

Status DecodeRowImage(const std::vector<ColumnSpec>& cols, const std::vector<bool>& present,
                      ByteReader* r, std::vector<Value>* row) {
  if (present.size() != cols.size()) {
    return Status::Corruption("rows event has " + std::to_string(present.size()) +
                              " columns, table map " + std::to_string(cols.size()));
  }
  size_t npresent = 0;
  for (bool b : present) npresent += b ? 1 : 0;
  std::string_view bits;
  RETURN_IF_ERROR(r->ReadBytes((npresent + 7) / 8, &bits));
  std::vector<bool> nulls;
  RETURN_IF_ERROR(DecodeBitmap(bits, npresent, &nulls));
  row->assign(cols.size(), Value::Null());
  size_t k = 0;
  for (size_t i = 0; i < cols.size(); i++) {
    if (!present[i]) continue;
    if (nulls[k++]) continue;
    Status st = DecodeValue(cols[i], r, &(*row)[i]);
    if (st.ok()) continue;
    const std::string msg = "column " + std::to_string(i + 1) + ": " + st.message();
    if (st.code() == Status::Code::kNotSupported) return Status::NotSupported(msg);
    return Status::Corruption(msg);
  }
  return Status::Ok();
}

Result<DecodedRows> DecodeRows(const RowsEvent& e, const std::vector<ColumnSpec>& cols) {
  DecodedRows d;
  d.before_present = e.columns_before;
  d.after_present = e.is_update() ? e.columns_after : e.columns_before;
  // An image with no columns takes no bytes: the loop below would never end.
  const auto any = [](const std::vector<bool>& v) {
    for (bool b : v) {
      if (b) return true;
    }
    return false;
  };
  if (!e.rows.empty() && (((e.is_delete() || e.is_update()) && !any(d.before_present)) ||
                          ((e.is_write() || e.is_update()) && !any(d.after_present)))) {
    return Status::Corruption("rows event image with no columns");
  }
  ByteReader r(e.rows);
  while (!r.empty()) {
    RowChange change;
    if (e.is_delete() || e.is_update()) {
      RETURN_IF_ERROR(DecodeRowImage(cols, d.before_present, &r, &change.before));
    }
    if (e.is_write() || e.is_update()) {
      RETURN_IF_ERROR(DecodeRowImage(cols, d.after_present, &r, &change.after));
    }
    d.rows.push_back(std::move(change));
  }
  if (e.is_write()) d.before_present.assign(cols.size(), false);
  if (e.is_delete()) d.after_present.assign(cols.size(), false);
  return d;
}

// --- RowsEventBuilder ---------------------------------------------------------------

RowsEventBuilder::RowsEventBuilder(uint8_t type, uint64_t table_id, std::vector<ColumnSpec> cols,
                                   size_t max_event_size)
    : type_(type),
      table_id_(table_id),
      cols_(std::move(cols)),
      max_event_size_(max_event_size),
      all_present_(cols_.size(), true) {}

size_t RowsEventBuilder::DataSize(const RowsEvent& e) const {
  const size_t bitmap = (cols_.size() + 7) / 8;
  return (e.is_v2() ? 10 : 8) + LenEncIntSize(cols_.size()) + bitmap * (e.is_update() ? 2 : 1) +
         e.rows.size();
}

Status RowsEventBuilder::Add(const std::string& image) {
  if (events_.empty() || DataSize(events_.back()) + image.size() > max_event_size_) {
    RowsEvent e;
    e.type = type_;
    e.table_id = table_id_;
    e.flags = 0;
    e.column_count = static_cast<uint32_t>(cols_.size());
    e.columns_before = all_present_;
    if (e.is_update()) e.columns_after = all_present_;
    events_.push_back(std::move(e));
  }
  events_.back().rows += image;
  return Status::Ok();
}

Status RowsEventBuilder::AddRow(const std::vector<Value>& row) {
  std::string image;
  RETURN_IF_ERROR(EncodeRowImage(cols_, all_present_, row, &image));
  return Add(image);
}

Status RowsEventBuilder::AddUpdate(const std::vector<Value>& before,
                                   const std::vector<Value>& after) {
  std::string image;
  RETURN_IF_ERROR(EncodeRowImage(cols_, all_present_, before, &image));
  RETURN_IF_ERROR(EncodeRowImage(cols_, all_present_, after, &image));
  return Add(image);
}

std::vector<RowsEvent> RowsEventBuilder::Finish(uint16_t flags) {
  std::vector<RowsEvent> out = std::move(events_);
  events_.clear();
  for (auto& e : out) e.flags = flags;
  if (!out.empty()) out.back().flags |= kStmtEndF;
  return out;
}

}  // namespace relaydb::binlog
