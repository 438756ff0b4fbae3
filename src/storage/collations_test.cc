// Tests for rdb_ci / rdb_bin / rdb_num / rdb_time (collations.h). Expected
// orders for rdb_ci were checked against MariaDB 10.11 utf8mb4_general_ci.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "storage/collations.h"
#include "storage/sqlite_db.h"

namespace relaydb::storage {
namespace {

int Sign(int c) { return c < 0 ? -1 : (c > 0 ? 1 : 0); }

TEST(CollationCi, AsciiCaseInsensitive) {
  EXPECT_EQ(CompareCi("abc", "ABC"), 0);
  EXPECT_EQ(CompareCi("Hello World", "hELLO wORLD"), 0);
  EXPECT_LT(CompareCi("abc", "abd"), 0);
  EXPECT_GT(CompareCi("b", "A"), 0);
  EXPECT_LT(CompareCi("", "a"), 0);
  EXPECT_EQ(CompareCi("", ""), 0);
  // '_' (0x5F) sorts after letters' upper case weights ('Z' = 0x5A).
  EXPECT_GT(CompareCi("_", "z"), 0);
  EXPECT_GT(CompareCi("[", "a"), 0);  // 0x5B > 'A' (0x41)
}

TEST(CollationCi, PadSpace) {
  EXPECT_EQ(CompareCi("a", "a   "), 0);
  EXPECT_EQ(CompareCi("A  ", "a"), 0);
  EXPECT_LT(CompareCi("a\t", "a"), 0);  // tab < space
  EXPECT_GT(CompareCi("ab", "a\t"), 0);
  EXPECT_LT(CompareCi("a", "ab"), 0);
  EXPECT_LT(CompareCi(" ", "a"), 0);
  EXPECT_EQ(CompareCi("", "   "), 0);
  EXPECT_EQ(CompareBin("", "  "), 0);
}

TEST(CollationCi, LatinAccentsFoldLikeGeneralCi) {
  EXPECT_EQ(CompareCi("é", "E"), 0);
  EXPECT_EQ(CompareCi("café", "CAFE"), 0);
  EXPECT_EQ(CompareCi("Ä", "a"), 0);
  EXPECT_EQ(CompareCi("ß", "s"), 0);     // general_ci: ß = s
  EXPECT_NE(CompareCi("ß", "ss"), 0);    // ... and not ss
  EXPECT_NE(CompareCi("æ", "ae"), 0);
  EXPECT_EQ(CompareCi("æ", "Æ"), 0);
  EXPECT_EQ(CompareCi("ø", "Ø"), 0);
  EXPECT_EQ(CompareCi("ÿ", "Y"), 0);
  EXPECT_EQ(CompareCi("Ÿ", "y"), 0);
  // Latin Extended-A.
  EXPECT_EQ(CompareCi("Ł", "ł"), 0);
  EXPECT_NE(CompareCi("ł", "l"), 0);
  EXPECT_EQ(CompareCi("Ş", "s"), 0);
  EXPECT_EQ(CompareCi("ő", "O"), 0);
  EXPECT_EQ(CompareCi("Œ", "œ"), 0);
  EXPECT_EQ(CompareCi("ı", "I"), 0);  // dotless i
  EXPECT_EQ(CompareCi("İ", "i"), 0);
}

TEST(CollationCi, GreekAndCyrillic) {
  EXPECT_EQ(CompareCi("αβγ", "ΑΒΓ"), 0);
  EXPECT_EQ(CompareCi("ά", "Α"), 0);  // tonos folds in general_ci
  EXPECT_EQ(CompareCi("ς", "Σ"), 0);  // final sigma
  EXPECT_EQ(CompareCi("привет", "ПРИВЕТ"), 0);
  EXPECT_EQ(CompareCi("ё", "Ё"), 0);
  EXPECT_LT(CompareCi("а", "б"), 0);
}

TEST(CollationCi, WeightTableMatchesMariaDB) {
  EXPECT_EQ(GeneralCiWeight('a'), 0x41u);
  EXPECT_EQ(GeneralCiWeight(0xB5), 0x39Cu);   // micro sign → Greek capital MU
  EXPECT_EQ(GeneralCiWeight(0xE6), 0xC6u);    // æ → Æ
  EXPECT_EQ(GeneralCiWeight(0xDF), 0x53u);    // ß → S
  EXPECT_EQ(GeneralCiWeight(0x17F), 0x53u);   // long s → S
  EXPECT_EQ(GeneralCiWeight(0x1F600), 0xFFFDu);
  EXPECT_EQ(GeneralCiWeight(0x4E2D), 0x4E2Du);  // CJK: itself
}

TEST(CollationCi, SupplementaryCharactersAreAllEqual) {
  // MariaDB utf8mb4_general_ci: every character above U+FFFF weighs U+FFFD.
  EXPECT_EQ(CompareCi("\xF0\x9F\x98\x80", "\xF0\x9F\x98\x81"), 0);
  EXPECT_EQ(CompareCi("\xF0\x9F\x98\x80", "\xEF\xBF\xBD"), 0);
}

TEST(CollationCi, InvalidUtf8IsTotallyOrdered) {
  std::string bad1 = "a\xC3";      // truncated sequence
  std::string bad2 = "a\xFF";
  std::string bad3 = "a\xC0\xAF";  // overlong
  EXPECT_NE(CompareCi(bad1, bad2), 0);
  EXPECT_EQ(Sign(CompareCi(bad1, bad2)), -Sign(CompareCi(bad2, bad1)));
  EXPECT_GT(CompareCi(bad3, "a\xEF\xBF\xBD"), 0);
  EXPECT_EQ(CompareCi(bad1, bad1), 0);
}

TEST(CollationBin, BytewisePadSpace) {
  EXPECT_NE(CompareBin("a", "A"), 0);
  EXPECT_GT(CompareBin("a", "A"), 0);
  EXPECT_EQ(CompareBin("a ", "a"), 0);
  EXPECT_LT(CompareBin("a\n", "a"), 0);
  EXPECT_LT(CompareBin("é", "ê"), 0);
  EXPECT_GT(CompareBin("\xF0\x9F\x98\x80", "\xEF\xBF\xBD"), 0);  // code point order
  EXPECT_LT(CompareBin("ab", "abc"), 0);
}

TEST(CollationNum, ExactNumericOrder) {
  EXPECT_LT(CompareNum("-12.50", "3"), 0);
  EXPECT_EQ(CompareNum("1.5", "1.50"), 0);
  EXPECT_EQ(CompareNum("-0.00", "0"), 0);
  EXPECT_EQ(CompareNum("007", "7"), 0);
  EXPECT_LT(CompareNum("9", "10"), 0);
  EXPECT_LT(CompareNum("18446744073709551614", "18446744073709551615"), 0);
  EXPECT_LT(CompareNum("9223372036854775807", "18446744073709551615"), 0);
  EXPECT_LT(CompareNum("-100", "-99.999"), 0);
  EXPECT_GT(CompareNum("-0.001", "-0.01"), 0);
  EXPECT_LT(CompareNum("0.1", "0.10000000000000000000000000000000001"), 0);
  EXPECT_LT(CompareNum(".5", "0.6"), 0);
  EXPECT_EQ(CompareNum("+1", "1"), 0);
  std::string big1 = "1" + std::string(80, '0');
  std::string big2 = "9" + std::string(79, '9');
  EXPECT_GT(CompareNum(big1, big2), 0);
}

TEST(CollationNum, NonNumbersSortAfterNumbersBytewise) {
  EXPECT_LT(CompareNum("99999999999999999999", "abc"), 0);
  EXPECT_GT(CompareNum("", "-5"), 0);
  EXPECT_LT(CompareNum("abc", "abd"), 0);
  EXPECT_GT(CompareNum("1e5", "7"), 0);  // not decimal text
  EXPECT_GT(CompareNum("-", "0"), 0);
  EXPECT_GT(CompareNum(".", "0"), 0);
  EXPECT_TRUE(IsDecimalText("-1.5"));
  EXPECT_FALSE(IsDecimalText(" 1"));
  EXPECT_TRUE(IsDecimalText("1."));
  EXPECT_FALSE(IsDecimalText("1e5"));
}

TEST(CollationNum, SortIsATotalOrder) {
  std::vector<std::string> v = {"3", "-1", "abc", "0.5", "-0", "10", "2.000", "", "-10.5", "x"};
  std::sort(v.begin(), v.end(), [](const std::string& a, const std::string& b) {
    return CompareNum(a, b) < 0;
  });
  std::vector<std::string> want = {"-10.5", "-1", "-0", "0.5", "2.000", "3", "10", "", "abc", "x"};
  EXPECT_EQ(v, want);
}

TEST(CollationTime, OrderedByValue) {
  EXPECT_LT(CompareTime("-838:59:59", "-00:00:01"), 0);
  EXPECT_LT(CompareTime("-00:00:01", "00:00:00"), 0);
  EXPECT_EQ(CompareTime("-00:00:00", "00:00:00"), 0);
  EXPECT_LT(CompareTime("09:00:00", "10:00:00"), 0);
  EXPECT_LT(CompareTime("99:00:00", "100:00:00"), 0);
  EXPECT_LT(CompareTime("-100:00:00", "-99:00:00"), 0);
  EXPECT_EQ(CompareTime("10:00:00.5", "10:00:00.500000"), 0);
  EXPECT_LT(CompareTime("10:00:00", "10:00:00.000001"), 0);
  EXPECT_LT(CompareTime("-10:00:00.5", "-10:00:00.4"), 0);
  EXPECT_LT(CompareTime("838:59:59", "garbage"), 0);
  EXPECT_LT(CompareTime("a", "b"), 0);
}

TEST(Collations, WorkInsideSqliteIndexes) {
  auto c = Connection::Open(":memory:");
  ASSERT_TRUE(c.ok());
  Connection& conn = *c.value();
  ASSERT_TRUE(conn.Exec("CREATE TABLE t(s TEXT COLLATE rdb_ci, tm TEXT COLLATE rdb_time);"
                        "CREATE UNIQUE INDEX u ON t(s);"
                        "INSERT INTO t VALUES('Straße', '-01:00:00'), ('b', '100:00:00'), "
                        "('A', '09:30:00')")
                  .ok());
  // 'STRASSE' != 'Straße' but 'STRASE' == 'Straße' (ß = s) in general_ci.
  EXPECT_TRUE(conn.Exec("INSERT INTO t VALUES('STRASSE', NULL)").ok());
  EXPECT_FALSE(conn.Exec("INSERT INTO t VALUES('STRASE  ', NULL)").ok());
  auto v = conn.QueryValue("SELECT group_concat(s, ',') FROM (SELECT s FROM t ORDER BY s)");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->string_value(), "A,b,Straße,STRASSE");  // S-T-R-A-S-E < S-T-R-A-S-S-E
  v = conn.QueryValue(
      "SELECT group_concat(tm, ',') FROM (SELECT tm FROM t WHERE tm IS NOT NULL ORDER BY tm)");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->string_value(), "-01:00:00,09:30:00,100:00:00");
  v = conn.QueryValue("SELECT count(*) FROM t WHERE s = 'a   '");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->int_value(), 1);
}

}  // namespace
}  // namespace relaydb::storage
