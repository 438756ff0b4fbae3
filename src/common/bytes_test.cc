#include "common/bytes.h"

#include <gtest/gtest.h>

namespace relaydb {
namespace {

TEST(ByteReaderTest, LenEncIntRoundTrips) {
  for (uint64_t v : {0ull, 250ull, 251ull, 65535ull, 65536ull, 16777215ull, 16777216ull, ~0ull}) {
    std::string buf;
    ByteWriter w(&buf);
    w.LenEncInt(v);
    EXPECT_EQ(buf.size(), LenEncIntSize(v));
    ByteReader r(buf);
    uint64_t got = 0;
    ASSERT_TRUE(r.ReadLenEncInt(&got).ok());
    EXPECT_EQ(got, v);
    EXPECT_TRUE(r.empty());
  }
}

TEST(ByteReaderTest, TruncatedIntegerIsRejected) {
  std::string buf("\x01\x02", 2);
  ByteReader r(buf);
  uint32_t v;
  Status s = r.ReadU32(&v);
  EXPECT_EQ(s.code(), Status::Code::kCorruption);
  EXPECT_EQ(r.position(), 0u);
}

TEST(ByteReaderTest, TruncatedLenEncStringIsRejected) {
  std::string buf("\x05" "abc", 4);
  ByteReader r(buf);
  std::string_view sv;
  EXPECT_FALSE(r.ReadLenEncString(&sv).ok());
}

TEST(ByteReaderTest, InvalidLenEncPrefixIsRejected) {
  std::string buf("\xff", 1);
  ByteReader r(buf);
  uint64_t v;
  EXPECT_FALSE(r.ReadLenEncInt(&v).ok());
}

TEST(ByteReaderTest, NullMarkerOnlyWhereAllowed) {
  std::string buf("\xfb", 1);
  ByteReader r1(buf);
  uint64_t v;
  EXPECT_FALSE(r1.ReadLenEncInt(&v).ok());
  ByteReader r2(buf);
  bool is_null = false;
  ASSERT_TRUE(r2.ReadLenEncInt(&v, &is_null).ok());
  EXPECT_TRUE(is_null);
}

TEST(ByteReaderTest, UnterminatedNulStringIsRejected) {
  ByteReader r(std::string_view("abc"));
  std::string_view sv;
  EXPECT_FALSE(r.ReadNulString(&sv).ok());
}

TEST(ByteReaderTest, BigEndian) {
  std::string buf("\x01\x02\x03", 3);
  ByteReader r(buf);
  uint64_t v;
  ASSERT_TRUE(r.ReadUintBE(3, &v).ok());
  EXPECT_EQ(v, 0x010203u);
}

}  // namespace
}  // namespace relaydb
