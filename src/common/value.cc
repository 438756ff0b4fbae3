// Value and number formatting. See value.h.
#include "common/value.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace relaydb {

std::string FormatDouble(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v < 0 ? "-inf" : "inf";
  char buf[64];
  // Shortest round-trip representation.
  auto res = std::to_chars(buf, buf + sizeof buf, v);
  std::string s(buf, res.ptr);
  // MySQL prints e.g. 1e20 as 1e20 and 1e-7 as 1e-7; to_chars gives "1e+20".
  auto e = s.find("e+");
  if (e != std::string::npos) s.erase(e + 1, 1);
  return s;
}

std::string FormatFloat(float v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v < 0 ? "-inf" : "inf";
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, v);
  std::string s(buf, res.ptr);
  auto e = s.find("e+");
  if (e != std::string::npos) s.erase(e + 1, 1);
  return s;
}

std::string Value::ToText() const {
  switch (kind_) {
    case Kind::kNull: return "";
    case Kind::kInt: return std::to_string(i_);
    case Kind::kUInt: return std::to_string(u_);
    case Kind::kDouble: return FormatDouble(d_);
    case Kind::kString: return s_;
  }
  return "";
}

bool Value::operator==(const Value& o) const {
  if (kind_ != o.kind_) return false;
  switch (kind_) {
    case Kind::kNull: return true;
    case Kind::kInt: return i_ == o.i_;
    case Kind::kUInt: return u_ == o.u_;
    case Kind::kDouble: return d_ == o.d_;
    case Kind::kString: return s_ == o.s_;
  }
  return false;
}

}  // namespace relaydb
