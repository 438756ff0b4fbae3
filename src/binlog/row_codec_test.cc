// Row images and Table_maps against the ROW-format binlog captured from
// MariaDB 10.11 (tests/fixtures/binlog/mariadb-bin.000001, table fx.t_all
// with one column of every type, see capture_row.sql), and round trips.
#include "binlog/row_codec.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <set>
#include <tuple>

#include "binlog/binlog_test_tables.h"
#include "binlog/binlog_test_util.h"
#include "binlog/decimal_bin.h"
#include "binlog/temporal.h"

namespace relaydb::binlog {
namespace {

using testing::FixtureEvents;
using testing::FixtureFde;
using testing::RawEvent;
using namespace testing::tables;  // NOLINT
using B = ColumnBase;

struct MappedRows {
  TableMapEvent map;
  RowsEvent rows;
  uint64_t pos = 0;
};

// Every (Table_map, rows event) pair of `table` in fixture 1.
std::vector<MappedRows> RowsOf(const std::string& table) {
  const FormatDescription fde = FixtureFde("mariadb-bin.000001");
  std::vector<MappedRows> out;
  TableMapEvent map;
  for (const auto& raw : FixtureEvents("mariadb-bin.000001")) {
    auto e = ParseEvent(raw.bytes, fde, raw.pos);
    EXPECT_TRUE(e.ok()) << e.status().ToString();
    if (const auto* tm = e->As<TableMapEvent>()) map = *tm;
    if (const auto* r = e->As<RowsEvent>()) {
      if (map.table == table) out.push_back(MappedRows{map, *r, raw.pos});
    }
  }
  return out;
}

void ExpectRowsEqual(const std::vector<Value>& got, const std::vector<Value>& want,
                     const char* what) {
  ASSERT_EQ(got.size(), want.size()) << what;
  for (size_t i = 0; i < want.size(); i++) {
    EXPECT_EQ(got[i], want[i]) << what << " column " << i << " (" << TAll().columns[i].name
                               << "): got '" << got[i].ToText() << "' want '" << want[i].ToText()
                               << "'";
  }
}

TEST(RowCodec, ColumnSpecsMatchMariaDbTableMap) {
  auto mapped = RowsOf("t_all");
  ASSERT_FALSE(mapped.empty());
  const TableMapEvent& tm = mapped[0].map;
  auto specs = TAllSpecs();
  ASSERT_EQ(specs.size(), tm.column_count());
  for (size_t i = 0; i < specs.size(); i++) {
    EXPECT_EQ(specs[i].type, tm.column_types[i]) << TAll().columns[i].name;
    EXPECT_EQ(specs[i].meta, tm.column_meta[i]) << TAll().columns[i].name;
    EXPECT_EQ(specs[i].nullable, tm.nullable[i]) << TAll().columns[i].name;
  }
}

TEST(RowCodec, MakeTableMapMatchesMariaDbForEveryMetadataLevel) {
  const FormatDescription fde = FixtureFde("mariadb-bin.000001");
  int checked_full = 0, checked_none = 0;
  for (const auto& raw : FixtureEvents("mariadb-bin.000001")) {
    if (raw.type() != kTableMapEvent) continue;
    auto e = ParseEvent(raw.bytes, fde, raw.pos);
    ASSERT_TRUE(e.ok());
    const auto& tm = *e->As<TableMapEvent>();
    if (tm.table != "t_all") continue;
    const RowMetadata level = tm.optional.empty() ? RowMetadata::kNoLog : RowMetadata::kFull;
    auto ours = MakeTableMap(tm.table_id, TAll(), level);
    ASSERT_TRUE(ours.ok()) << ours.status().ToString();
    EXPECT_EQ(ours->Encode(), tm.Encode());
    EXPECT_EQ(EncodeEvent(e->header, ours->Encode(), ChecksumAlg::kCrc32), raw.bytes);
    (level == RowMetadata::kFull ? checked_full : checked_none)++;
  }
  EXPECT_GT(checked_full, 0);
  EXPECT_GT(checked_none, 0);
}

TEST(RowCodec, MinimalMetadataMatchesMariaDb) {
  // t_small (id INT NOT NULL PK, v VARCHAR(20), n INT UNSIGNED NOT NULL),
  // logged with binlog_row_metadata=MINIMAL and FULL.
  TableDescription t;
  t.db = "fx";
  t.table = "t_small";
  t.columns = {Col("id", B::kInt), Col("v", B::kVarchar, 20), Col("n", B::kInt, -1, -1, true)};
  t.columns[0].type.nullable = false;
  t.columns[2].type.nullable = false;
  t.primary_key = {0};
  std::set<RowMetadata> seen;
  for (const auto& m : RowsOf("t_small")) {
    const RowMetadata level =
        !m.map.optional.column_names
            ? (m.map.optional.signedness ? RowMetadata::kMinimal : RowMetadata::kNoLog)
            : RowMetadata::kFull;
    auto ours = MakeTableMap(m.map.table_id, t, level);
    ASSERT_TRUE(ours.ok());
    EXPECT_EQ(ours->Encode(), m.map.Encode());
    seen.insert(level);
  }
  EXPECT_EQ(seen.size(), 3u);
}

TEST(RowCodec, DecodesEveryTypeFromMariaDbRows) {
  auto mapped = RowsOf("t_all");
  ASSERT_GE(mapped.size(), 5u);
  const auto specs = TAllSpecs();
  const std::vector<std::vector<Value>> want = {Row1(), Row2(), Row3(), Row4()};
  for (size_t k = 0; k < 4; k++) {
    auto d = DecodeRows(mapped[k].rows, specs);
    ASSERT_TRUE(d.ok()) << d.status().ToString();
    ASSERT_EQ(d->rows.size(), 1u);
    EXPECT_TRUE(d->rows[0].before.empty());
    ExpectRowsEqual(d->rows[0].after, want[k], ("row " + std::to_string(k + 1)).c_str());
  }
  // UPDATE t_all SET c_int = 7, c_vc = 'upd' WHERE id = 4: before and after.
  const RowsEvent& upd = mapped[4].rows;
  ASSERT_TRUE(upd.is_update());
  auto d = DecodeRows(upd, specs);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  ASSERT_EQ(d->rows.size(), 1u);
  ExpectRowsEqual(d->rows[0].before, Row4(), "update before");
  auto after = Row4();
  after[7] = I(7);
  after[23] = S("upd");
  ExpectRowsEqual(d->rows[0].after, after, "update after");
}

TEST(RowCodec, EncodesMariaDbRowsByteExact) {
  auto mapped = RowsOf("t_all");
  const auto specs = TAllSpecs();
  const std::vector<std::vector<Value>> rows = {Row1(), Row2(), Row3(), Row4()};
  for (size_t k = 0; k < 4; k++) {
    RowsEventBuilder b(kWriteRowsEventV1, mapped[k].map.table_id, specs);
    ASSERT_TRUE(b.AddRow(rows[k]).ok());
    auto events = b.Finish();
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].Encode(), mapped[k].rows.Encode()) << "row " << k + 1;
  }
}

TEST(RowCodec, TableMapMetadataGivesSignednessAndBinaryCharsets) {
  for (const auto& m : RowsOf("t_all")) {
    if (!m.map.optional.column_names) continue;
    auto from_map = ColumnSpecsFromTableMap(m.map);
    auto ours = TAllSpecs();
    for (size_t i = 0; i < ours.size(); i++) {
      EXPECT_EQ(from_map[i].is_unsigned, ours[i].is_unsigned) << i;
      if (ours[i].type == kTypeString && ours[i].real_type() == kTypeString) {
        EXPECT_EQ(from_map[i].binary, ours[i].binary) << i;
      }
    }
    auto d = DecodeRows(m.rows, from_map);
    ASSERT_TRUE(d.ok()) << d.status().ToString();
    EXPECT_EQ(d->rows[0].after[8], I(5));      // c_uint
    EXPECT_EQ(d->rows[0].after[51], I(2));     // c_enum 'b'
    EXPECT_EQ(d->rows[0].after[52], I(5));     // c_set 'x,z'
    EXPECT_EQ(d->rows[0].after[22], S("l1"));  // c_char_l1
    return;
  }
  FAIL() << "no FULL-metadata t_all row in the fixture";
}

TEST(RowCodec, MinimalRowImagesHavePartialColumns) {
  std::vector<ColumnSpec> specs = {*ColumnSpecFor({B::kInt}), *ColumnSpecFor({B::kVarchar, 20}),
                                   *ColumnSpecFor({B::kInt, -1, -1, true})};
  bool saw = false;
  for (const auto& m : RowsOf("t_small")) {
    auto d = DecodeRows(m.rows, specs);
    ASSERT_TRUE(d.ok()) << d.status().ToString();
    if (m.rows.is_update() && m.rows.columns_before == std::vector<bool>{true, false, false}) {
      // UPDATE t_small SET v = 'uno' WHERE id = 1 under binlog_row_image=MINIMAL.
      EXPECT_EQ(m.rows.columns_after, (std::vector<bool>{false, true, false}));
      EXPECT_EQ(d->rows[0].before[0], I(1));
      EXPECT_EQ(d->rows[0].after[1], S("uno"));
      EXPECT_TRUE(d->rows[0].after[0].is_null());
      saw = true;
    }
  }
  EXPECT_TRUE(saw);
}

TEST(RowCodec, MultiRowEventsDecode) {
  std::vector<ColumnSpec> specs = {*ColumnSpecFor({B::kInt}), *ColumnSpecFor({B::kVarchar, 20}),
                                   *ColumnSpecFor({B::kInt, -1, -1, true})};
  auto mapped = RowsOf("t_small");
  ASSERT_FALSE(mapped.empty());
  auto d = DecodeRows(mapped[0].rows, specs);
  ASSERT_TRUE(d.ok());
  ASSERT_EQ(d->rows.size(), 3u);
  EXPECT_EQ(d->rows[1].after[0], I(2));
  EXPECT_TRUE(d->rows[1].after[1].is_null());
  EXPECT_EQ(d->rows[2].after[1], S("three"));
}

// --- codec units --------------------------------------------------------------

Value RoundTrip(const ColumnSpec& c, const Value& v) {
  std::string bytes;
  Status st = EncodeValue(c, v, &bytes);
  EXPECT_TRUE(st.ok()) << st.ToString();
  ByteReader r(bytes);
  Value out;
  st = DecodeValue(c, &r, &out);
  EXPECT_TRUE(st.ok()) << st.ToString();
  EXPECT_TRUE(r.empty());
  return out;
}

TEST(RowCodec, DecimalRoundTrips) {
  for (auto [p, s, text] : std::vector<std::tuple<int, int, std::string>>{
           {10, 2, "0.00"},
           {10, 2, "-0.50"},
           {10, 2, "12345678.91"},
           {1, 0, "9"},
           {1, 1, "-0.9"},
           {9, 9, "0.123456789"},
           {18, 0, "-123456789012345678"},
           {65, 30, "1.000000000000000000000000000001"},
           {38, 38, "-0.00000000000000000000000000000000000001"},
           {20, 10, "-9999999999.0000000001"}}) {
    ColumnSpec c;
    c.type = kTypeNewDecimal;
    c.meta = static_cast<uint16_t>(p << 8 | s);
    EXPECT_EQ(RoundTrip(c, S(text)), S(text)) << p << "," << s;
    EXPECT_EQ(DecimalBinarySize(p, s), [&] {
      std::string b;
      EXPECT_TRUE(EncodeDecimal(text, p, s, &b).ok());
      return b.size();
    }());
  }
}

TEST(RowCodec, DecimalRejectsOutOfRangeAndMalformed) {
  std::string b;
  EXPECT_FALSE(EncodeDecimal("123.4", 4, 2, &b).ok());
  EXPECT_FALSE(EncodeDecimal("1.234", 4, 2, &b).ok());
  EXPECT_TRUE(EncodeDecimal("1.230", 4, 2, &b).ok());
  EXPECT_FALSE(EncodeDecimal("1e5", 10, 0, &b).ok());
  EXPECT_FALSE(EncodeDecimal("", 10, 0, &b).ok());
  EXPECT_FALSE(EncodeDecimal("1", 70, 0, &b).ok());
}

TEST(RowCodec, NegativeTimeFractionsRoundTripAtEveryPrecision) {
  for (int fsp = 0; fsp <= 6; fsp++) {
    ColumnSpec c;
    c.type = kTypeTime2;
    c.meta = static_cast<uint16_t>(fsp);
    const std::string frac = fsp ? "." + std::string(static_cast<size_t>(fsp - 1), '0') + "1" : "";
    for (std::string t :
         {"-00:00:00", "-00:00:01", "-838:59:59", "00:00:00", "12:34:56", "-01:00:00"}) {
      if (t == "-00:00:00" && frac.empty()) continue;  // that is just 00:00:00
      EXPECT_EQ(RoundTrip(c, S(t + frac)), S(t + frac)) << fsp;
    }
  }
}

TEST(RowCodec, TemporalValuesRejectGarbage) {
  ColumnSpec dt;
  dt.type = kTypeDatetime2;
  std::string b;
  EXPECT_FALSE(EncodeValue(dt, S("2023-13-01 00:00:00"), &b).ok());
  EXPECT_FALSE(EncodeValue(dt, S("yesterday"), &b).ok());
  ColumnSpec t;
  t.type = kTypeTime2;
  EXPECT_FALSE(EncodeValue(t, S("839:00:00"), &b).ok());
  ColumnSpec ts;
  ts.type = kTypeTimestamp2;
  EXPECT_FALSE(EncodeValue(ts, S("-5"), &b).ok());
}

TEST(RowCodec, TimestampValueConvertsToUtcDatetime) {
  EXPECT_EQ(*UtcDatetimeToTimestampValue("2023-11-14 22:13:20.5", 3), "1700000000.500");
  EXPECT_EQ(*TimestampValueToUtcDatetime("1700000000.5", 1), "2023-11-14 22:13:20.5");
  EXPECT_EQ(*UtcDatetimeToTimestampValue("0000-00-00 00:00:00", 0), "0");
  EXPECT_EQ(*TimestampValueToUtcDatetime("0", 0), "0000-00-00 00:00:00");
  EXPECT_EQ(*TimestampValueToUtcDatetime("2147483647", 0), "2038-01-19 03:14:07");
  EXPECT_FALSE(UtcDatetimeToTimestampValue("1969-12-31 23:59:59", 0).ok());
}

TEST(RowCodec, IntegersRespectColumnRange) {
  ColumnSpec tiny;
  tiny.type = kTypeTiny;
  std::string b;
  EXPECT_FALSE(EncodeValue(tiny, I(128), &b).ok());
  tiny.is_unsigned = true;
  EXPECT_TRUE(EncodeValue(tiny, I(255), &b).ok());
  EXPECT_FALSE(EncodeValue(tiny, I(-1), &b).ok());
  ColumnSpec ubig;
  ubig.type = kTypeLongLong;
  ubig.is_unsigned = true;
  EXPECT_EQ(RoundTrip(ubig, Value::UInt(UINT64_MAX)), S("18446744073709551615"));
  EXPECT_EQ(RoundTrip(ubig, I(5)), S("5"));
  ColumnSpec bit3;
  bit3.type = kTypeBit;
  bit3.meta = 3;
  EXPECT_FALSE(EncodeValue(bit3, I(8), &b).ok());
  EXPECT_EQ(RoundTrip(bit3, I(7)), I(7));
}

TEST(RowCodec, StringsRespectColumnLength) {
  auto vc = *ColumnSpecFor({B::kVarchar, 2});  // 8 bytes in utf8mb4
  std::string b;
  EXPECT_TRUE(EncodeValue(vc, S("12345678"), &b).ok());
  EXPECT_FALSE(EncodeValue(vc, S("123456789"), &b).ok());
  auto tiny = *ColumnSpecFor({B::kTinyBlob});
  EXPECT_FALSE(EncodeValue(tiny, S(std::string(256, 'x')), &b).ok());
  auto ch = *ColumnSpecFor({B::kChar, 3});
  EXPECT_EQ(RoundTrip(ch, S("ab  ")), S("ab"));  // CHAR is stored without trailing spaces
}

TEST(RowCodec, FloatsKeepSinglePrecision) {
  auto f = *ColumnSpecFor({B::kFloat});
  EXPECT_EQ(RoundTrip(f, D(0.1)), D(static_cast<float>(0.1)));
  auto d = *ColumnSpecFor({B::kDouble});
  EXPECT_EQ(RoundTrip(d, D(-0.1)), D(-0.1));
  EXPECT_TRUE(std::isinf(RoundTrip(d, D(std::numeric_limits<double>::infinity())).double_value()));
}

TEST(RowCodec, LargeStatementsSplitIntoSeveralEvents) {
  std::vector<ColumnSpec> specs = {*ColumnSpecFor({B::kInt}), *ColumnSpecFor({B::kBlob})};
  RowsEventBuilder b(kWriteRowsEventV1, 9, specs);
  for (int i = 0; i < 10; i++) ASSERT_TRUE(b.AddRow({I(i), S(std::string(3000, 'x'))}).ok());
  auto events = b.Finish(kNoForeignKeyChecksF);
  ASSERT_EQ(events.size(), 5u);  // two 3 KB rows per 8 KB event
  for (size_t i = 0; i < events.size(); i++) {
    EXPECT_EQ(events[i].flags & kStmtEndF, i + 1 == events.size() ? kStmtEndF : 0);
    EXPECT_TRUE(events[i].flags & kNoForeignKeyChecksF);
  }
  auto d = DecodeRows(events[4], specs);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->rows.back().after[0], I(9));
}

TEST(RowCodec, TruncatedRowImageIsRejected) {
  auto mapped = RowsOf("t_all");
  RowsEvent r = mapped[2].rows;
  r.rows.resize(r.rows.size() - 1);
  auto d = DecodeRows(r, TAllSpecs());
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().code(), Status::Code::kCorruption);
}

TEST(RowCodec, ImpossibleDecimalDigitsAreRejected) {
  ColumnSpec c;
  c.type = kTypeNewDecimal;
  c.meta = 9 << 8;
  const std::string bytes("\xff\xff\xff\xff", 4);  // 0x7fffffff > 999999999 once the sign bit flips
  ByteReader r(bytes);
  Value v;
  EXPECT_FALSE(DecodeValue(c, &r, &v).ok());
}

TEST(RowCodec, RowImageWithWrongColumnCountIsRejected) {
  auto mapped = RowsOf("t_all");
  auto specs = TAllSpecs();
  specs.pop_back();
  EXPECT_FALSE(DecodeRows(mapped[0].rows, specs).ok());
}

}  // namespace
}  // namespace relaydb::binlog
