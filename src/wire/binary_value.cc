// Binary protocol value codec and date/time text conversion. See
// binary_value.h; MariaDB knowledge base "Resultset row".
#include "wire/binary_value.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace relaydb::wire {

namespace {

// Reads 1..max_digits decimal digits at text[*pos].
bool ReadNumber(std::string_view text, size_t* pos, size_t max_digits, uint32_t* out) {
  size_t start = *pos;
  uint32_t v = 0;
  while (*pos < text.size() && *pos - start < max_digits && text[*pos] >= '0' && text[*pos] <= '9') {
    v = v * 10 + static_cast<uint32_t>(text[*pos] - '0');
    (*pos)++;
  }
  if (*pos == start) return false;
  *out = v;
  return true;
}

bool Expect(std::string_view text, size_t* pos, char c) {
  if (*pos >= text.size() || text[*pos] != c) return false;
  (*pos)++;
  return true;
}

// '.f{1,6}' at text[*pos], right-padded to microseconds; absent is 0.
bool ReadFraction(std::string_view text, size_t* pos, uint32_t* micro) {
  *micro = 0;
  if (*pos == text.size()) return true;
  if (!Expect(text, pos, '.')) return false;
  size_t start = *pos;
  uint32_t v = 0;
  if (!ReadNumber(text, pos, 6, &v)) return false;
  for (size_t digits = *pos - start; digits < 6; digits++) v *= 10;
  *micro = v;
  return true;
}

bool ReadClock(std::string_view text, size_t* pos, size_t hour_digits, MysqlTime* t) {
  return ReadNumber(text, pos, hour_digits, &t->hour) && Expect(text, pos, ':') &&
         ReadNumber(text, pos, 2, &t->minute) && Expect(text, pos, ':') &&
         ReadNumber(text, pos, 2, &t->second) && ReadFraction(text, pos, &t->microsecond) &&
         *pos == text.size();
}

std::string Fraction(uint32_t micro, int frac_digits) {
  if (frac_digits < 0) frac_digits = micro != 0 ? 6 : 0;
  if (frac_digits == 0) return "";
  if (frac_digits > 6) frac_digits = 6;
  char buf[8];
  std::snprintf(buf, sizeof buf, "%06u", micro % 1000000);
  return "." + std::string(buf, static_cast<size_t>(frac_digits));
}

bool IsDateType(uint8_t type) {
  return type == kTypeDate || type == kTypeNewDate || type == kTypeDatetime ||
         type == kTypeTimestamp || type == kTypeDatetime2 || type == kTypeTimestamp2;
}

// Integer bits of `v` for an integer column; false if it is not a number.
bool ValueToIntegerBits(const Value& v, uint64_t* out) {
  switch (v.kind()) {
    case Value::Kind::kInt: *out = static_cast<uint64_t>(v.int_value()); return true;
    case Value::Kind::kUInt: *out = v.uint_value(); return true;
    case Value::Kind::kDouble: {
      double d = std::nearbyint(v.double_value());
      if (d >= -9223372036854775808.0 && d < 9223372036854775808.0) {
        *out = static_cast<uint64_t>(static_cast<int64_t>(d));
        return true;
      }
      if (d >= 0 && d < 18446744073709551616.0) {
        *out = static_cast<uint64_t>(d);
        return true;
      }
      return false;
    }
    case Value::Kind::kString: {
      const std::string& s = v.string_value();
      const char* end = s.data() + s.size();
      int64_t i = 0;
      auto r = std::from_chars(s.data(), end, i);
      if (r.ec == std::errc() && r.ptr == end) {
        *out = static_cast<uint64_t>(i);
        return true;
      }
      uint64_t u = 0;
      r = std::from_chars(s.data(), end, u);
      if (r.ec == std::errc() && r.ptr == end) {
        *out = u;
        return true;
      }
      return false;
    }
    case Value::Kind::kNull: return false;
  }
  return false;
}

bool ValueToDouble(const Value& v, double* out) {
  switch (v.kind()) {
    case Value::Kind::kInt: *out = static_cast<double>(v.int_value()); return true;
    case Value::Kind::kUInt: *out = static_cast<double>(v.uint_value()); return true;
    case Value::Kind::kDouble: *out = v.double_value(); return true;
    case Value::Kind::kString: {
      const std::string& s = v.string_value();
      auto r = std::from_chars(s.data(), s.data() + s.size(), *out);
      return r.ec == std::errc() && r.ptr == s.data() + s.size();
    }
    case Value::Kind::kNull: return false;
  }
  return false;
}

Status CannotEncode(const ColumnMeta& col, const Value& v) {
  return Status::InvalidArgument("cannot encode value '" + v.ToText() + "' for column '" + col.name +
                                 "' of type " + std::to_string(static_cast<int>(col.type)));
}

void WriteDateStruct(const MysqlTime& t, bool date_only, ByteWriter* w) {
  // MariaDB's Protocol_binary::store(MYSQL_TIME*): the shortest form that
  // holds every non-zero part.
  uint8_t len = 0;
  if (!date_only && t.microsecond) {
    len = 11;
  } else if (!date_only && (t.hour || t.minute || t.second)) {
    len = 7;
  } else if (t.year || t.month || t.day) {
    len = 4;
  }
  w->U8(len);
  if (len >= 4) {
    w->U16(static_cast<uint16_t>(t.year));
    w->U8(static_cast<uint8_t>(t.month));
    w->U8(static_cast<uint8_t>(t.day));
  }
  if (len >= 7) {
    w->U8(static_cast<uint8_t>(t.hour));
    w->U8(static_cast<uint8_t>(t.minute));
    w->U8(static_cast<uint8_t>(t.second));
  }
  if (len >= 11) w->U32(t.microsecond);
}

void WriteTimeStruct(const MysqlTime& t, ByteWriter* w) {
  uint32_t days = t.hour / 24;
  uint32_t hours = t.hour % 24;
  uint8_t len = 0;
  if (t.microsecond) {
    len = 12;
  } else if (days || hours || t.minute || t.second) {
    len = 8;
  }
  w->U8(len);
  if (len == 0) return;
  w->U8(t.negative ? 1 : 0);
  w->U32(days);
  w->U8(static_cast<uint8_t>(hours));
  w->U8(static_cast<uint8_t>(t.minute));
  w->U8(static_cast<uint8_t>(t.second));
  if (len == 12) w->U32(t.microsecond);
}

}  // namespace

bool ParseDateTimeText(std::string_view text, MysqlTime* out) {
  MysqlTime t;
  size_t pos = 0;
  if (!ReadNumber(text, &pos, 4, &t.year) || !Expect(text, &pos, '-') ||
      !ReadNumber(text, &pos, 2, &t.month) || !Expect(text, &pos, '-') ||
      !ReadNumber(text, &pos, 2, &t.day)) {
    return false;
  }
  if (pos < text.size()) {
    if (text[pos] != ' ' && text[pos] != 'T') return false;
    pos++;
    if (!ReadClock(text, &pos, 2, &t)) return false;
  }
  *out = t;
  return true;
}

bool ParseTimeText(std::string_view text, MysqlTime* out) {
  MysqlTime t;
  size_t pos = 0;
  if (!text.empty() && text[0] == '-') {
    t.negative = true;
    pos++;
  }
  if (!ReadClock(text, &pos, 9, &t)) return false;
  *out = t;
  return true;
}

std::string FormatDateText(const MysqlTime& t) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04u-%02u-%02u", t.year % 10000, t.month % 100, t.day % 100);
  return buf;
}

std::string FormatDateTimeText(const MysqlTime& t, int frac_digits) {
  char buf[32];
  std::snprintf(buf, sizeof buf, " %02u:%02u:%02u", t.hour % 100, t.minute % 100, t.second % 100);
  return FormatDateText(t) + buf + Fraction(t.microsecond, frac_digits);
}

std::string FormatTimeText(const MysqlTime& t, int frac_digits) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%s%02u:%02u:%02u", t.negative ? "-" : "", t.hour, t.minute % 100,
                t.second % 100);
  return buf + Fraction(t.microsecond, frac_digits);
}

Status EncodeBinaryValue(const ColumnMeta& col, const Value& v, ByteWriter* w) {
  switch (col.type) {
    case kTypeTiny:
    case kTypeShort:
    case kTypeYear:
    case kTypeLong:
    case kTypeInt24:
    case kTypeLongLong: {
      uint64_t bits = 0;
      if (!ValueToIntegerBits(v, &bits)) return CannotEncode(col, v);
      size_t width = col.type == kTypeTiny                               ? 1
                     : (col.type == kTypeShort || col.type == kTypeYear) ? 2
                     : col.type == kTypeLongLong                         ? 8
                                                                         : 4;
      w->Uint(bits, width);
      return Status::Ok();
    }
    case kTypeFloat: {
      double d = 0;
      if (!ValueToDouble(v, &d)) return CannotEncode(col, v);
      float f = static_cast<float>(d);
      uint32_t bits = 0;
      std::memcpy(&bits, &f, sizeof bits);
      w->U32(bits);
      return Status::Ok();
    }
    case kTypeDouble: {
      double d = 0;
      if (!ValueToDouble(v, &d)) return CannotEncode(col, v);
      uint64_t bits = 0;
      std::memcpy(&bits, &d, sizeof bits);
      w->U64(bits);
      return Status::Ok();
    }
    case kTypeDate:
    case kTypeNewDate:
    case kTypeDatetime:
    case kTypeTimestamp:
    case kTypeDatetime2:
    case kTypeTimestamp2: {
      MysqlTime t;
      if (v.kind() != Value::Kind::kString || !ParseDateTimeText(v.string_value(), &t)) {
        return CannotEncode(col, v);
      }
      WriteDateStruct(t, col.type == kTypeDate || col.type == kTypeNewDate, w);
      return Status::Ok();
    }
    case kTypeTime:
    case kTypeTime2: {
      MysqlTime t;
      if (v.kind() != Value::Kind::kString || !ParseTimeText(v.string_value(), &t)) {
        return CannotEncode(col, v);
      }
      WriteTimeStruct(t, w);
      return Status::Ok();
    }
    case kTypeBit:
      if (v.kind() == Value::Kind::kInt || v.kind() == Value::Kind::kUInt) {
        size_t width = std::max<size_t>(1, std::min<size_t>(8, (col.length + 7) / 8));
        std::string bytes;
        ByteWriter(&bytes).UintBE(v.kind() == Value::Kind::kInt
                                      ? static_cast<uint64_t>(v.int_value())
                                      : v.uint_value(),
                                  width);
        w->LenEncString(bytes);
        return Status::Ok();
      }
      w->LenEncString(v.ToText());
      return Status::Ok();
    default:
      // DECIMAL, strings, blobs, JSON, ENUM, SET, GEOMETRY, NULL: text/bytes.
      if (v.kind() == Value::Kind::kString) {
        w->LenEncString(v.string_value());
      } else {
        w->LenEncString(v.ToText());
      }
      return Status::Ok();
  }
}

Status DecodeBinaryValue(ByteReader* r, uint8_t type, bool is_unsigned, int frac_digits,
                         Value* out) {
  auto integer = [&](size_t width) -> Status {
    uint64_t bits = 0;
    RETURN_IF_ERROR(r->ReadUint(width, &bits));
    if (is_unsigned) {
      *out = Value::UInt(bits);
    } else {
      // Sign-extend from `width` bytes.
      const unsigned shift = static_cast<unsigned>(64 - 8 * width);
      *out = Value::Int(static_cast<int64_t>(bits << shift) >> shift);
    }
    return Status::Ok();
  };
  switch (type) {
    case kTypeTiny: return integer(1);
    case kTypeShort:
    case kTypeYear: return integer(2);
    case kTypeLong:
    case kTypeInt24: return integer(4);
    case kTypeLongLong: return integer(8);
    case kTypeFloat: {
      uint32_t bits = 0;
      RETURN_IF_ERROR(r->ReadU32(&bits));
      float f = 0;
      std::memcpy(&f, &bits, sizeof f);
      *out = Value::Double(static_cast<double>(f));
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
    case kTypeTime:
    case kTypeTime2: {
      uint64_t len = 0;
      std::string_view body;
      RETURN_IF_ERROR(r->ReadLenEncInt(&len));
      RETURN_IF_ERROR(r->ReadBytes(len, &body));
      MysqlTime t;
      ByteReader b(body);
      if (len >= 8) {
        uint8_t neg = 0, h = 0, m = 0, s = 0;
        uint32_t days = 0;
        RETURN_IF_ERROR(b.ReadU8(&neg));
        RETURN_IF_ERROR(b.ReadU32(&days));
        RETURN_IF_ERROR(b.ReadU8(&h));
        RETURN_IF_ERROR(b.ReadU8(&m));
        RETURN_IF_ERROR(b.ReadU8(&s));
        if (days > 100000) return Status::Corruption("TIME value out of range");
        t.negative = neg != 0;
        t.hour = days * 24 + h;
        t.minute = m;
        t.second = s;
        if (len >= 12) RETURN_IF_ERROR(b.ReadU32(&t.microsecond));
      }
      *out = Value::String(FormatTimeText(t, frac_digits));
      return Status::Ok();
    }
    default:
      if (IsDateType(type)) {
        uint64_t len = 0;
        std::string_view body;
        RETURN_IF_ERROR(r->ReadLenEncInt(&len));
        RETURN_IF_ERROR(r->ReadBytes(len, &body));
        MysqlTime t;
        ByteReader b(body);
        if (len >= 4) {
          uint16_t year = 0;
          uint8_t month = 0, day = 0;
          RETURN_IF_ERROR(b.ReadU16(&year));
          RETURN_IF_ERROR(b.ReadU8(&month));
          RETURN_IF_ERROR(b.ReadU8(&day));
          t.year = year;
          t.month = month;
          t.day = day;
        }
        if (len >= 7) {
          uint8_t h = 0, m = 0, s = 0;
          RETURN_IF_ERROR(b.ReadU8(&h));
          RETURN_IF_ERROR(b.ReadU8(&m));
          RETURN_IF_ERROR(b.ReadU8(&s));
          t.hour = h;
          t.minute = m;
          t.second = s;
        }
        if (len >= 11) RETURN_IF_ERROR(b.ReadU32(&t.microsecond));
        if (type == kTypeDate || type == kTypeNewDate) {
          *out = Value::String(FormatDateText(t));
        } else {
          *out = Value::String(FormatDateTimeText(t, frac_digits));
        }
        return Status::Ok();
      }
      std::string_view bytes;
      RETURN_IF_ERROR(r->ReadLenEncString(&bytes));
      *out = Value::String(std::string(bytes));
      return Status::Ok();
  }
}

}  // namespace relaydb::wire
