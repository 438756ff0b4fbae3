// fx.t_all, the every-type table of tests/fixtures/binlog/capture_row.sql,
// as a TableDescription, and the rows capture_row.sql inserts into it in the
// value forms of row_codec.h. Shared by the row codec and file tests.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "binlog/column_spec.h"
#include "common/value.h"

namespace relaydb::binlog::testing::tables {

using B = ColumnBase;

inline ColumnDescription Col(std::string name, B base, int32_t length = -1, int32_t decimals = -1,
                             bool is_unsigned = false) {
  ColumnDescription c;
  c.name = std::move(name);
  c.type.base = base;
  c.type.length = length;
  c.type.decimals = decimals;
  c.type.is_unsigned = is_unsigned;
  const bool binary =
      base == B::kBinary || base == B::kVarbinary || (base >= B::kTinyBlob && base <= B::kLongBlob);
  c.type.binary_charset = binary;
  c.type.max_bytes_per_char = binary ? 1 : 4;
  c.collation = binary ? kCharsetBinary : kCharsetUtf8mb4GeneralCi;
  return c;
}

inline ColumnDescription Elements(ColumnDescription c, std::vector<std::string> elements) {
  c.type.element_count = elements.size();
  c.elements = std::move(elements);
  return c;
}

// fx.t_all exactly as capture_row.sql creates it.
inline TableDescription TAll() {
  TableDescription t;
  t.db = "fx";
  t.table = "t_all";
  auto& c = t.columns;
  c.push_back(Col("id", B::kInt));
  c.back().type.nullable = false;
  c.push_back(Col("c_tiny", B::kTinyInt));
  c.push_back(Col("c_utiny", B::kTinyInt, -1, -1, true));
  c.push_back(Col("c_small", B::kSmallInt));
  c.push_back(Col("c_usmall", B::kSmallInt, -1, -1, true));
  c.push_back(Col("c_medium", B::kMediumInt));
  c.push_back(Col("c_umedium", B::kMediumInt, -1, -1, true));
  c.push_back(Col("c_int", B::kInt));
  c.push_back(Col("c_uint", B::kInt, -1, -1, true));
  c.push_back(Col("c_big", B::kBigInt));
  c.push_back(Col("c_ubig", B::kBigInt, -1, -1, true));
  c.push_back(Col("c_dec", B::kDecimal, 10, 2));
  c.push_back(Col("c_dec65", B::kDecimal, 65, 30));
  c.push_back(Col("c_dec0", B::kDecimal, 5, 0));
  c.push_back(Col("c_udec", B::kDecimal, 18, 9, true));
  c.push_back(Col("c_float", B::kFloat));
  c.push_back(Col("c_double", B::kDouble));
  c.push_back(Col("c_bit1", B::kBit, 1));
  c.push_back(Col("c_bit10", B::kBit, 10));
  c.push_back(Col("c_bit64", B::kBit, 64));
  c.push_back(Col("c_char", B::kChar, 10));
  c.push_back(Col("c_char255", B::kChar, 255));
  c.push_back(Col("c_char_l1", B::kChar, 10));
  c.back().type.max_bytes_per_char = 1;
  c.back().collation = kCharsetLatin1SwedishCi;
  c.push_back(Col("c_vc", B::kVarchar, 10));
  c.push_back(Col("c_vc300", B::kVarchar, 300));
  c.push_back(Col("c_bin", B::kBinary, 4));
  c.push_back(Col("c_vbin", B::kVarbinary, 10));
  c.push_back(Col("c_ttext", B::kTinyText));
  c.push_back(Col("c_text", B::kText));
  c.push_back(Col("c_mtext", B::kMediumText));
  c.push_back(Col("c_ltext", B::kLongText));
  c.push_back(Col("c_tblob", B::kTinyBlob));
  c.push_back(Col("c_blob", B::kBlob));
  c.push_back(Col("c_mblob", B::kMediumBlob));
  c.push_back(Col("c_lblob", B::kLongBlob));
  c.push_back(Col("c_date", B::kDate));
  c.push_back(Col("c_dt", B::kDatetime));
  for (int f = 1; f <= 6; f++) c.push_back(Col("c_dt" + std::to_string(f), B::kDatetime, -1, f));
  c.push_back(Col("c_ts", B::kTimestamp));
  c.push_back(Col("c_ts3", B::kTimestamp, -1, 3));
  c.push_back(Col("c_ts6", B::kTimestamp, -1, 6));
  c.push_back(Col("c_time", B::kTime));
  c.push_back(Col("c_time1", B::kTime, -1, 1));
  c.push_back(Col("c_time3", B::kTime, -1, 3));
  c.push_back(Col("c_time6", B::kTime, -1, 6));
  c.push_back(Col("c_year", B::kYear));
  c.push_back(Elements(Col("c_enum", B::kEnum), {"a", "b", "c"}));
  c.push_back(Elements(Col("c_set", B::kSet), {"x", "y", "z"}));
  std::vector<std::string> s10, e300;
  for (int i = 1; i <= 10; i++) s10.push_back("s" + std::to_string(i));
  for (int i = 1; i <= 300; i++) e300.push_back("e" + std::to_string(i));
  c.push_back(Elements(Col("c_set10", B::kSet), s10));
  c.push_back(Col("c_json", B::kJson));
  c.back().collation = 46;  // utf8mb4_bin
  c.push_back(Elements(Col("c_enum300", B::kEnum), e300));
  t.primary_key = {0};
  return t;
}

inline std::vector<ColumnSpec> TAllSpecs() {
  std::vector<ColumnSpec> specs;
  for (const auto& c : TAll().columns) {
    auto s = ColumnSpecFor(c.type);
    EXPECT_TRUE(s.ok()) << c.name << ": " << s.status().ToString();
    specs.push_back(*s);
  }
  return specs;
}

inline std::string Rep(std::string_view s, int n) {
  std::string out;
  for (int i = 0; i < n; i++) out += s;
  return out;
}

inline Value S(std::string s) { return Value::String(std::move(s)); }
inline Value I(int64_t v) { return Value::Int(v); }
inline Value D(double v) { return Value::Double(v); }

inline std::vector<Value> Row1() {
  std::vector<Value> r(56, Value::Null());
  r[0] = I(1);
  return r;
}

inline std::vector<Value> Row2() {
  return {I(2),
          I(-128),
          I(0),
          I(-32768),
          I(0),
          I(-8388608),
          I(0),
          I(INT32_MIN),
          I(0),
          I(INT64_MIN),
          S("0"),
          S("-99999999.99"),
          S("-" + Rep("9", 35) + "." + Rep("9", 30)),
          S("-99999"),
          S("0.000000001"),
          D(-1.5),
          D(-2.2250738585072014e-308),
          I(0),
          I(0),
          I(0),
          S(""),
          S(""),
          S(""),
          S(""),
          S(""),
          S(std::string(4, '\0')),
          S(""),
          S(""),
          S(""),
          S(""),
          S(""),
          S(""),
          S(""),
          S(""),
          S(""),
          S("0000-00-00"),
          S("0000-00-00 00:00:00"),
          S("0000-00-00 00:00:00.0"),
          S("0000-00-00 00:00:00.00"),
          S("0000-00-00 00:00:00.000"),
          S("0000-00-00 00:00:00.0000"),
          S("0000-00-00 00:00:00.00000"),
          S("0000-00-00 00:00:00.000000"),
          S("1"),
          S("1.001"),
          S("1.000001"),
          S("-838:59:59"),
          S("-00:00:00.1"),
          S("-12:34:56.789"),
          S("-838:59:59.000000"),
          I(1901),
          I(1),
          I(0),
          I(0),
          S("[]"),
          I(1)};
}

inline std::vector<Value> Row3() {
  return {I(3),
          I(127),
          I(255),
          I(32767),
          I(65535),
          I(8388607),
          I(16777215),
          I(INT32_MAX),
          I(4294967295),
          I(INT64_MAX),
          S("18446744073709551615"),
          S("99999999.99"),
          S(Rep("9", 35) + "." + Rep("9", 30)),
          S("99999"),
          S("999999999.999999999"),
          D(static_cast<float>(3.40282e38)),
          D(1.7976931348623157e308),
          I(1),
          I(1023),
          I(-1),
          S("abcdefghij"),
          S(Rep("\xF0\x9F\x98\x80", 255)),
          S(Rep("\xFF", 10)),
          S(Rep("\xC3\xBC", 10)),
          S(Rep("\xE2\x82\xAC", 300)),
          S(std::string("\x00\x01\x02\x03", 4)),
          S(Rep(std::string("\xFF\x00", 2), 5)),
          S(Rep("t", 255)),
          S(Rep("x", 1000)),
          S(Rep("m", 300)),
          S("long"),
          S(Rep("\xAB", 255)),
          S(Rep("\xCD", 300)),
          S(Rep("\xEF", 300)),
          S(std::string("\x00\xFF", 2)),
          S("9999-12-31"),
          S("9999-12-31 23:59:59"),
          S("9999-12-31 23:59:59.9"),
          S("9999-12-31 23:59:59.99"),
          S("9999-12-31 23:59:59.999"),
          S("9999-12-31 23:59:59.9999"),
          S("9999-12-31 23:59:59.99999"),
          S("9999-12-31 23:59:59.999999"),
          S("2147483647"),
          S("2147483647.999"),
          S("2147483647.999999"),
          S("838:59:59"),
          S("838:59:59.9"),
          S("838:59:59.999"),
          S("838:59:59.000000"),
          I(2155),
          I(3),
          I(7),
          I(1023),
          S("{\"k\": [1, 2.5, \"s\", null, true]}"),
          I(300)};
}

inline std::vector<Value> Row4() {
  return {I(4),
          I(-1),
          I(1),
          I(-1),
          I(1),
          I(-1),
          I(1),
          I(-1),
          I(1),
          I(-1),
          S("9223372036854775808"),
          S("-0.01"),
          S("-1.5" + Rep("0", 29)),
          S("0"),
          S("1.000000001"),
          D(static_cast<float>(0.1)),
          D(-0.1),
          I(1),
          I(513),
          I(INT64_MIN + 1),
          S("a b"),
          S("\xC3\xA9"),
          S("\xFF"),
          S("ab "),
          S("x"),
          S(std::string("a\0\0\0", 4)),
          S("a"),
          S("t"),
          S("x"),
          S("m"),
          S("l"),
          S(std::string(1, '\0')),
          S("\x01"),
          S("\x02"),
          S("\x03"),
          S("2023-11-14"),
          S("2023-11-14 22:13:20"),
          S("2023-11-14 22:13:20.5"),
          S("2023-11-14 22:13:20.05"),
          S("1000-01-01 00:00:00.001"),
          S("2023-11-14 22:13:20.0001"),
          S("2023-11-14 22:13:20.00001"),
          S("2023-11-14 22:13:20.000001"),
          S("1700000000"),
          S("1700000000.500"),
          S("1700000000.123456"),
          S("00:00:00"),
          S("-00:00:01.5"),
          S("01:02:03.004"),
          S("-00:00:00.000001"),
          I(0),
          I(2),
          I(2),
          I(512),
          S("{}"),
          I(256)};
}

}  // namespace relaydb::binlog::testing::tables
