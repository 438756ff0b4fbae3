// Value: one cell as it travels between the SQL layer and the wire/binlog
// encoders. NULL, a signed or unsigned 64-bit integer, a double, or a byte
// string. Exact types without a native C++ form (DECIMAL, DATE, DATETIME,
// TIME, ENUM/SET labels, JSON) travel as their canonical MySQL text in a
// string; the column's FieldType (mysql_types.h) says how to read it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace relaydb {

class Value {
 public:
  enum class Kind : uint8_t { kNull, kInt, kUInt, kDouble, kString };

  Value() = default;  // NULL
  static Value Null() { return Value(); }
  static Value Int(int64_t v) { Value x; x.kind_ = Kind::kInt; x.i_ = v; return x; }
  static Value UInt(uint64_t v) { Value x; x.kind_ = Kind::kUInt; x.u_ = v; return x; }
  static Value Double(double v) { Value x; x.kind_ = Kind::kDouble; x.d_ = v; return x; }
  static Value String(std::string v) { Value x; x.kind_ = Kind::kString; x.s_ = std::move(v); return x; }

  Kind kind() const { return kind_; }
  bool is_null() const { return kind_ == Kind::kNull; }
  int64_t int_value() const { return i_; }
  uint64_t uint_value() const { return u_; }
  double double_value() const { return d_; }
  const std::string& string_value() const { return s_; }

  // MySQL's text form (as the text protocol sends it). NULL gives "".
  std::string ToText() const;

  bool operator==(const Value& o) const;

 private:
  Kind kind_ = Kind::kNull;
  union {
    int64_t i_;
    uint64_t u_;
    double d_ = 0;
  };
  std::string s_;
};

// MySQL's text for a DOUBLE: the shortest form that reads back to the same
// value (%.17g trimmed), "inf"/"-inf"/"nan" as MySQL never stores those.
std::string FormatDouble(double v);
// MySQL's text for a FLOAT (single precision shortest form).
std::string FormatFloat(float v);

}  // namespace relaydb
