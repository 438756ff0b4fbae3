// Tests for sql/decimal.h. Expected values are MariaDB 10.11's (the query
// that produced each is in the comment or the test name).
#include "sql/decimal.h"

#include <gtest/gtest.h>

#include <cmath>

namespace relaydb::sql {
namespace {

Decimal D(std::string_view s) {
  Decimal d;
  EXPECT_TRUE(Decimal::Parse(s, &d)) << s;
  return d;
}

std::string Add(std::string_view a, std::string_view b) {
  Decimal r;
  EXPECT_TRUE(Decimal::Add(D(a), D(b), &r));
  return r.ToString();
}
std::string Sub(std::string_view a, std::string_view b) {
  Decimal r;
  EXPECT_TRUE(Decimal::Sub(D(a), D(b), &r));
  return r.ToString();
}
std::string Mul(std::string_view a, std::string_view b) {
  Decimal r;
  EXPECT_TRUE(Decimal::Mul(D(a), D(b), &r));
  return r.ToString();
}
std::string Div(std::string_view a, std::string_view b, int incr = 4, bool internal = false) {
  Decimal r;
  bool dz = false;
  if (!Decimal::Div(D(a), D(b), incr, &r, &dz, internal)) return dz ? "DIV0" : "OVERFLOW";
  return r.ToString();
}
std::string Mod(std::string_view a, std::string_view b) {
  Decimal r;
  bool dz = false;
  if (!Decimal::Mod(D(a), D(b), &r, &dz)) return dz ? "DIV0" : "OVERFLOW";
  return r.ToString();
}

TEST(DecimalTest, ParseAndFormatCanonical) {
  EXPECT_EQ(D("0").ToString(), "0");
  EXPECT_EQ(D("-0").ToString(), "0");
  EXPECT_EQ(D("-0.00").ToString(), "0.00");
  EXPECT_EQ(D("  12.50").ToString(), "12.50");
  EXPECT_EQ(D("+007.5").ToString(), "7.5");
  EXPECT_EQ(D(".5").ToString(), "0.5");
  EXPECT_EQ(D("5.").ToString(), "5");
  EXPECT_EQ(D("-0.000123").ToString(), "-0.000123");
  EXPECT_EQ(D("1.5e3").ToString(), "1500");
  EXPECT_EQ(D("1.5E-3").ToString(), "0.0015");
  EXPECT_EQ(D("123456789012345678901234567890.123456789").ToString(),
            "123456789012345678901234567890.123456789");
  EXPECT_EQ(D("18446744073709551615").ToString(), "18446744073709551615");
  EXPECT_EQ(D("1000000000").ToString(), "1000000000");
  EXPECT_EQ(D("999999999").ToString(), "999999999");
}

TEST(DecimalTest, ParseReportsConsumedPrefix) {
  Decimal d;
  size_t n = 0;
  EXPECT_TRUE(Decimal::Parse("12.5abc", &d, &n));
  EXPECT_EQ(n, 4u);
  EXPECT_EQ(d.ToString(), "12.5");
  EXPECT_TRUE(Decimal::Parse("1e5x", &d, &n));
  EXPECT_EQ(n, 3u);
  EXPECT_TRUE(Decimal::Parse("1ex", &d, &n));  // 'e' without digits is not an exponent
  EXPECT_EQ(n, 1u);
  EXPECT_FALSE(Decimal::Parse("abc", &d, &n));
  EXPECT_EQ(n, 0u);
  EXPECT_FALSE(Decimal::Parse("-.", &d, &n));
  EXPECT_FALSE(Decimal::ParseExact("1.5x", &d));
  EXPECT_TRUE(Decimal::ParseExact("1.5  ", &d));
}

TEST(DecimalTest, ParseRoundsBeyondMaxScale) {
  // 40 decimals: rounded to 38.
  EXPECT_EQ(D("0.1234567890123456789012345678901234567890").ToString(),
            "0.12345678901234567890123456789012345679");
  EXPECT_EQ(D("1e-40").ToString(), "0.00000000000000000000000000000000000000");
}

TEST(DecimalTest, ParseOverflowSaturates) {
  Decimal d;
  bool overflow = false;
  EXPECT_TRUE(Decimal::Parse(std::string(90, '9'), &d, nullptr, &overflow));
  EXPECT_TRUE(overflow);
  EXPECT_EQ(d.ToString(), std::string(81, '9'));
  // Up to 81 digits a value is exact (MariaDB's decimal buffer).
  overflow = false;
  EXPECT_TRUE(Decimal::Parse(std::string(70, '9'), &d, nullptr, &overflow));
  EXPECT_FALSE(overflow);
  EXPECT_EQ(d.ToString(), std::string(70, '9'));
}

TEST(DecimalTest, ResultsMayExceedColumnPrecision) {
  // SELECT 65 nines + 1 is 10^65 in MariaDB; 81 digits is the limit.
  Decimal a, b, r;
  ASSERT_TRUE(Decimal::Parse(std::string(65, '9'), &a));
  ASSERT_TRUE(Decimal::Add(a, Decimal::FromInt64(1), &r));
  EXPECT_EQ(r.ToString(), "1" + std::string(65, '0'));
  ASSERT_TRUE(Decimal::Parse("1" + std::string(15, '0'), &b));
  EXPECT_TRUE(Decimal::Mul(a, b, &r));  // 80 digits
  EXPECT_EQ(r.ToString(), std::string(65, '9') + std::string(15, '0'));
  EXPECT_FALSE(Decimal::Mul(a, a, &r));  // 130 digits
}

TEST(DecimalTest, AddSub) {
  EXPECT_EQ(Add("1.50", "2.5"), "4.00");  // SELECT 1.50+2.5
  EXPECT_EQ(Sub("1.5", "2.5"), "-1.0");   // SELECT 1.5-2.5
  EXPECT_EQ(Add("-1.5", "1.5"), "0.0");
  EXPECT_EQ(Add("999999999.999999999", "0.000000001"), "1000000000.000000000");
  EXPECT_EQ(Add("12345678901234567890123456789012345678901234567890.12345", "1"),
            "12345678901234567890123456789012345678901234567891.12345");
  EXPECT_EQ(Sub("0", "0.01"), "-0.01");
  EXPECT_EQ(Sub("-5", "-7"), "2");
  EXPECT_EQ(Add("18446744073709551615", "1"), "18446744073709551616");
}

TEST(DecimalTest, Mul) {
  EXPECT_EQ(Mul("1.5", "2.25"), "3.375");  // SELECT 1.5*2.25
  EXPECT_EQ(Mul("0.1", "0.1"), "0.01");
  EXPECT_EQ(Mul("-3", "0.5"), "-1.5");
  EXPECT_EQ(Mul("0", "-2.5"), "0.0");
  // SELECT 1.2345678901234567890123*1.2345678901234567890123 (scale capped at 38, rounded)
  EXPECT_EQ(Mul("1.2345678901234567890123", "1.2345678901234567890123"),
            "1.52415787532388367504942236884722755801");
  EXPECT_EQ(Mul("999999999999", "999999999999"), "999999999998000000000001");
}

TEST(DecimalTest, Div) {
  EXPECT_EQ(Div("1", "3"), "0.3333");     // SELECT 1/3
  EXPECT_EQ(Div("2", "3"), "0.6667");     // SELECT 2/3
  EXPECT_EQ(Div("10", "4"), "2.5000");    // SELECT 10/4
  EXPECT_EQ(Div("1.5", "3"), "0.50000");  // SELECT 1.5/3
  EXPECT_EQ(Div("-2", "3"), "-0.6667");
  EXPECT_EQ(Div("1", "0"), "DIV0");
  EXPECT_EQ(Div("1", "3", 0), "0");
  EXPECT_EQ(Div("123456789012345678901234567890", "0.000000000003"),
            "41152263004115226300411522630000000000000.0000");
  EXPECT_EQ(Div("1", "3", 4, true), "0.333333333");
  EXPECT_EQ(Div("1", "123456789012345678901"), "0.0000");
  EXPECT_EQ(Div("100000000000000000000", "123456789012345678901"), "0.8100");
}

TEST(DecimalTest, Mod) {
  EXPECT_EQ(Mod("5.0", "3"), "2.0");    // SELECT 5.0 mod 3
  EXPECT_EQ(Mod("-5.5", "2"), "-1.5");  // SELECT -5.5 mod 2
  EXPECT_EQ(Mod("5", "-3"), "2");       // SELECT 5 mod -3
  EXPECT_EQ(Mod("7.5", "2"), "1.5");
  EXPECT_EQ(Mod("2.5", "0"), "DIV0");
}

TEST(DecimalTest, RoundTruncateFloorCeil) {
  using M = Decimal::RoundMode;
  EXPECT_EQ(D("1.5").Round(5).ToString(), "1.50000");   // SELECT round(1.5, 5)
  EXPECT_EQ(D("1.25").Round(1).ToString(), "1.3");      // SELECT round(1.25, 1)
  EXPECT_EQ(D("-1.25").Round(1).ToString(), "-1.3");    // SELECT round(-1.25, 1)
  EXPECT_EQ(D("1.25").Round(-1).ToString(), "0");       // SELECT round(1.25, -1)
  EXPECT_EQ(D("15.5").Round(-1).ToString(), "20");      // SELECT round(15.5, -1)
  EXPECT_EQ(D("12345").Round(-2).ToString(), "12300");  // SELECT round(12345, -2)
  EXPECT_EQ(D("2.5").Round(0).ToString(), "3");
  EXPECT_EQ(D("-2.5").Round(0).ToString(), "-3");
  EXPECT_EQ(D("5").Round(-1).ToString(), "10");
  EXPECT_EQ(D("5").Round(-2).ToString(), "0");
  EXPECT_EQ(D("1.59").Round(1, M::kTruncate).ToString(), "1.5");    // truncate(1.59,1)
  EXPECT_EQ(D("-1.59").Round(1, M::kTruncate).ToString(), "-1.5");  // truncate(-1.59,1)
  EXPECT_EQ(D("159").Round(-1, M::kTruncate).ToString(), "150");    // truncate(159,-1)
  EXPECT_EQ(D("-1.5").Floor().ToString(), "-2");
  EXPECT_EQ(D("-1.5").Ceiling().ToString(), "-1");
  EXPECT_EQ(D("1.000").Ceiling().ToString(), "1");
  EXPECT_EQ(D("1.001").Ceiling().ToString(), "2");
  EXPECT_EQ(D("-0.5").Ceiling().ToString(), "0");
  EXPECT_EQ(D("0.999").Floor().ToString(), "0");
  EXPECT_EQ(D("99999999999999999999.5").Round(0).ToString(), "100000000000000000000");
  EXPECT_EQ(D("1.005").Rescale(2).ToString(), "1.01");
}

TEST(DecimalTest, Compare) {
  EXPECT_EQ(Decimal::Compare(D("1.50"), D("1.5")), 0);
  EXPECT_EQ(Decimal::Compare(D("-1"), D("0.5")), -1);
  EXPECT_EQ(Decimal::Compare(D("-1"), D("-2")), 1);
  EXPECT_EQ(Decimal::Compare(D("0.00"), D("-0")), 0);
  EXPECT_EQ(Decimal::Compare(D("18446744073709551615"), D("18446744073709551614.99")), 1);
  EXPECT_EQ(Decimal::Compare(D("1000000000"), D("999999999.999999999")), 1);
}

TEST(DecimalTest, Conversions) {
  int64_t i = 0;
  EXPECT_TRUE(D("2.5").ToInt64(&i));
  EXPECT_EQ(i, 3);
  EXPECT_TRUE(D("-2.5").ToInt64(&i));
  EXPECT_EQ(i, -3);
  EXPECT_TRUE(D("-9223372036854775808").ToInt64(&i));
  EXPECT_EQ(i, INT64_MIN);
  EXPECT_FALSE(D("9223372036854775808").ToInt64(&i));
  EXPECT_EQ(i, INT64_MAX);
  uint64_t u = 0;
  EXPECT_TRUE(D("18446744073709551615").ToUint64(&u));
  EXPECT_EQ(u, UINT64_MAX);
  EXPECT_FALSE(D("-1").ToUint64(&u));
  EXPECT_EQ(Decimal::FromInt64(INT64_MIN).ToString(), "-9223372036854775808");
  EXPECT_EQ(Decimal::FromUint64(UINT64_MAX).ToString(), "18446744073709551615");
  Decimal d;
  EXPECT_TRUE(Decimal::FromDouble(0.1, &d));
  EXPECT_EQ(d.ToString(), "0.1");
  EXPECT_TRUE(Decimal::FromDouble(-1.5e20, &d));
  EXPECT_EQ(d.ToString(), "-150000000000000000000");
  EXPECT_TRUE(Decimal::FromDouble(1e-7, &d));
  EXPECT_EQ(d.ToString(), "0.0000001");
  EXPECT_FALSE(Decimal::FromDouble(NAN, &d));
  EXPECT_DOUBLE_EQ(D("-12.25").ToDouble(), -12.25);
  EXPECT_EQ(D("0.00").scale(), 2);
  EXPECT_EQ(D("123.45").IntegerDigits(), 3);
  EXPECT_EQ(D("0.045").IntegerDigits(), 0);
}

}  // namespace
}  // namespace relaydb::sql
