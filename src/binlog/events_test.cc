// Event codecs against binlogs captured from MariaDB 10.11
// (tests/fixtures/binlog), plus truncated and corrupted copies: one
// corruption scenario per test, as leveldb's log_test does.
#include "binlog/events.h"

#include <gtest/gtest.h>

#include <map>
#include <random>

#include "binlog/binlog_test_util.h"
#include "binlog/compression.h"
#include "binlog/row_codec.h"

namespace relaydb::binlog {
namespace {

using testing::FixtureEvents;
using testing::FixtureFde;
using testing::RawEvent;

const FormatDescription& Fde() {
  static const FormatDescription fde = FixtureFde("mariadb-bin.000001");
  return fde;
}

// Bit-at-a-time CRC-32 (reflected 0x04C11DB7, zlib's convention): the oracle
// for Crc32, whatever path (carry-less multiply or table) it takes.
uint32_t ReferenceCrc32(std::string_view data, uint32_t crc) {
  uint32_t c = ~crc;
  for (unsigned char b : data) {
    c ^= b;
    for (int k = 0; k < 8; k++) c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
  }
  return ~c;
}

TEST(Crc32Test, MatchesTheReferenceAtEveryLengthAndAlignment) {
  EXPECT_EQ(Crc32("123456789"), 0xCBF43926u);  // the CRC-32 check value
  std::mt19937 rng(7);
  std::string buf(5000, '\0');
  for (char& c : buf) c = static_cast<char>(rng());
  for (size_t len = 0; len <= 1100; len++) {
    for (size_t off : {0, 1, 5, 15}) {
      const std::string_view d(buf.data() + off, len);
      ASSERT_EQ(Crc32(d), ReferenceCrc32(d, 0)) << len << " at " << off;
    }
  }
  // Chained: a running CRC over pieces equals the CRC of the whole.
  const std::string_view all(buf.data(), 4999);
  uint32_t c = 0;
  for (size_t at = 0; at < all.size(); at += 333) c = Crc32(all.substr(at, 333), c);
  EXPECT_EQ(c, ReferenceCrc32(all, 0));
  EXPECT_EQ(Crc32(all, 0x12345678u), ReferenceCrc32(all, 0x12345678u));
}

Event MustParse(const RawEvent& raw, const FormatDescription& fde = Fde()) {
  auto e = ParseEvent(raw.bytes, fde, raw.pos);
  EXPECT_TRUE(e.ok()) << e.status().ToString();
  return e.ok() ? std::move(e).value() : Event{};
}

// The body our encoder produces for a decoded event, if it has an encoder.
std::optional<std::string> Reencode(const EventBody& body) {
  return std::visit(
      [](const auto& ev) -> std::optional<std::string> {
        using T = std::decay_t<decltype(ev)>;
        if constexpr (std::is_same_v<T, UnknownEvent> || std::is_same_v<T, MysqlGtidEvent> ||
                      std::is_same_v<T, PreviousGtidsEvent> || std::is_same_v<T, RowsQueryEvent>) {
          return std::nullopt;
        } else {
          return ev.Encode();
        }
      },
      body);
}

// Every event of a file: parses, its log_pos is its end, and our encoder
// gives back MariaDB's exact bytes.
void CheckFileReencodes(const std::string& name, std::map<uint8_t, int>* seen) {
  auto events = FixtureEvents(name);
  ASSERT_FALSE(events.empty());
  const FormatDescription fde = FixtureFde(name);
  for (const auto& raw : events) {
    Event e = MustParse(raw, fde);
    EXPECT_EQ(e.header.log_pos, raw.pos + raw.bytes.size()) << name << " @" << raw.pos;
    (*seen)[e.header.type]++;
    auto body = Reencode(e.body);
    ASSERT_TRUE(body.has_value()) << "no encoder for " << EventTypeName(e.header.type);
    const std::string again = EncodeEvent(e.header, *body, fde.checksum_alg);
    EXPECT_EQ(again, raw.bytes) << name << " @" << raw.pos << " " << EventTypeName(e.header.type);
  }
}

TEST(BinlogEvents, EveryFixtureEventReencodesByteExact) {
  std::map<uint8_t, int> seen;
  CheckFileReencodes("mariadb-bin.000001", &seen);
  CheckFileReencodes("mariadb-bin.000002", &seen);
  CheckFileReencodes("mariadb-bin.000003", &seen);
  for (uint8_t t : {kFormatDescriptionEvent, kGtidListEvent, kBinlogCheckpointEvent, kGtidEvent,
                    kQueryEvent, kAnnotateRowsEvent, kTableMapEvent, kWriteRowsEventV1,
                    kUpdateRowsEventV1, kDeleteRowsEventV1, kXidEvent, kRotateEvent, kStopEvent,
                    kIntvarEvent, kRandEvent, kUserVarEvent}) {
    EXPECT_GT(seen[t], 0) << "fixtures lack " << EventTypeName(t);
  }
}

TEST(BinlogEvents, FormatDescriptionIsMariaDbs) {
  const FormatDescription& f = Fde();
  EXPECT_EQ(f.binlog_version, 4);
  EXPECT_EQ(f.server_version, "10.11.19-MariaDB-0+deb12u1-log");
  EXPECT_EQ(f.header_length, 19);
  EXPECT_EQ(f.checksum_alg, ChecksumAlg::kCrc32);
  EXPECT_EQ(f.post_header_lengths.size(), kMariaDbEventTypeCount);
  const FormatDescription ours = FormatDescription::MariaDb(ChecksumAlg::kCrc32);
  EXPECT_EQ(ours.post_header_lengths, f.post_header_lengths);
  EXPECT_EQ(ours.server_version, "10.11.19-MariaDB-relaydb-log");

  // Our encoder with MariaDB's version and timestamp gives the fixture's bytes.
  auto raw = FixtureEvents("mariadb-bin.000001")[0];
  Event e = MustParse(raw);
  FormatDescription same =
      FormatDescription::MariaDb(ChecksumAlg::kCrc32, f.server_version, f.create_timestamp);
  EXPECT_EQ(EncodeFormatDescriptionEvent(same, e.header.timestamp, 1, 256, 0), raw.bytes);
  EXPECT_NE(f.create_timestamp, 0u);                                 // first file after startup
  EXPECT_EQ(FixtureFde("mariadb-bin.000002").create_timestamp, 0u);  // opened by rotation
}

TEST(BinlogEvents, ChecksumOffFileStillChecksumsItsFormatDescription) {
  const FormatDescription f = FixtureFde("mariadb-bin.000003");
  EXPECT_EQ(f.checksum_alg, ChecksumAlg::kOff);
  auto events = FixtureEvents("mariadb-bin.000003");
  auto view = FrameEvent(events[0].bytes, ChecksumAlg::kOff, 4);
  ASSERT_TRUE(view.ok()) << view.status().ToString();
  EXPECT_TRUE(view->has_checksum);
  auto gtid_list = FrameEvent(events[1].bytes, f.checksum_alg, events[1].pos);
  ASSERT_TRUE(gtid_list.ok());
  EXPECT_FALSE(gtid_list->has_checksum);
}

TEST(BinlogEvents, FormatDescriptionChecksumIgnoresInUseFlag) {
  std::string bytes = FixtureEvents("mariadb-bin.000001")[0].bytes;
  bytes[kFlagsOffset] = static_cast<char>(kLogEventBinlogInUseF);
  auto e = ParseEvent(bytes, Fde(), 4);
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_EQ(e->header.flags, kLogEventBinlogInUseF);
  // And EncodeEvent computes it that way too.
  FormatDescription f = Fde();
  EXPECT_EQ(EncodeFormatDescriptionEvent(f, e->header.timestamp, 1, 256, kLogEventBinlogInUseF),
            bytes);
}

TEST(BinlogEvents, GtidEventsOfFixtures) {
  auto events = FixtureEvents("mariadb-bin.000001");
  std::vector<GtidEvent> gtids;
  for (const auto& raw : events) {
    if (raw.type() != kGtidEvent) continue;
    Event e = MustParse(raw);
    EXPECT_EQ(e.header.flags, kLogEventSuppressUseF);
    gtids.push_back(*e.As<GtidEvent>());
  }
  ASSERT_GE(gtids.size(), 22u);
  // 0-1-1 CREATE DATABASE: standalone DDL.
  EXPECT_EQ(gtids[0].seq_no, 1u);
  EXPECT_EQ(gtids[0].domain_id, 0u);
  EXPECT_EQ(gtids[0].flags2, kFlStandalone | kFlAllowParallel | kFlDdl);
  // 0-1-4 an InnoDB transaction.
  EXPECT_EQ(gtids[3].flags2, kFlTransactional | kFlAllowParallel);
  // The two sessions that committed together share a commit_id.
  const GtidEvent& a = gtids[gtids.size() - 2];
  const GtidEvent& b = gtids[gtids.size() - 1];
  EXPECT_TRUE(a.flags2 & kFlGroupCommitId);
  EXPECT_TRUE(b.flags2 & kFlGroupCommitId);
  EXPECT_EQ(a.commit_id, b.commit_id);
  EXPECT_EQ(a.flags_extra, 0);
}

TEST(BinlogEvents, FileHeadEventsOfFixtures) {
  auto events = FixtureEvents("mariadb-bin.000002");
  Event list = MustParse(events[1], FixtureFde("mariadb-bin.000002"));
  const auto* gl = list.As<GtidListEvent>();
  ASSERT_NE(gl, nullptr);
  ASSERT_EQ(gl->gtids.size(), 1u);
  EXPECT_EQ(gl->gtids[0].ToString(), "0-1-22");
  Event cp = MustParse(events[2], FixtureFde("mariadb-bin.000002"));
  EXPECT_EQ(cp.As<BinlogCheckpointEvent>()->log_name, "mariadb-bin.000001");

  auto first = FixtureEvents("mariadb-bin.000001");
  Event rot = MustParse(first.back());
  ASSERT_NE(rot.As<RotateEvent>(), nullptr);
  EXPECT_EQ(rot.As<RotateEvent>()->next_log, "mariadb-bin.000002");
  EXPECT_EQ(rot.As<RotateEvent>()->position, 4u);

  auto last = FixtureEvents("mariadb-bin.000003");
  Event stop = MustParse(last.back(), FixtureFde("mariadb-bin.000003"));
  EXPECT_NE(stop.As<StopEvent>(), nullptr);
}

TEST(BinlogEvents, QueryEventsOfFixtures) {
  const FormatDescription fde = FixtureFde("mariadb-bin.000002");
  bool saw_tz = false, saw_ddl_xid = false;
  for (const auto& raw : FixtureEvents("mariadb-bin.000002")) {
    if (raw.type() != kQueryEvent) continue;
    Event e = MustParse(raw, fde);
    const auto& q = *e.As<QueryEvent>();
    EXPECT_EQ(q.catalog.value_or(""), "std");
    ASSERT_TRUE(q.charset.has_value());
    EXPECT_EQ(q.charset->client, 33);
    EXPECT_EQ(q.charset->server, 8);
    if (q.query == "INSERT INTO s (v) VALUES (NOW())") {
      saw_tz = true;
      EXPECT_EQ(q.time_zone.value_or(""), "+02:00");
      EXPECT_EQ(q.lc_time_names.value_or(0), 4);  // de_DE
      ASSERT_TRUE(q.auto_increment.has_value());
      EXPECT_EQ(q.auto_increment->increment, 2);
      EXPECT_EQ(q.sql_mode.value_or(0), 4u);  // ANSI_QUOTES
      EXPECT_EQ(q.hrnow.value_or(99), 0u);
      EXPECT_EQ(q.db, "fx");
    }
    if (q.query.rfind("CREATE TABLE s ", 0) == 0) {
      saw_ddl_xid = true;
      EXPECT_TRUE(q.xid.has_value());
      EXPECT_EQ(q.thread_id, e.As<QueryEvent>()->thread_id);
    }
  }
  EXPECT_TRUE(saw_tz);
  EXPECT_TRUE(saw_ddl_xid);
}

TEST(BinlogEvents, StatementContextEventsOfFixtures) {
  const FormatDescription fde = FixtureFde("mariadb-bin.000002");
  std::map<std::string, Value> vars;
  int intvars = 0, rands = 0;
  for (const auto& raw : FixtureEvents("mariadb-bin.000002")) {
    Event e = MustParse(raw, fde);
    if (const auto* u = e.As<UserVarEvent>()) {
      auto v = u->ToValue();
      ASSERT_TRUE(v.ok()) << v.status().ToString();
      vars[u->name] = *v;
      // Our constructors give MariaDB's bytes.
      if (u->name == "i") {
        EXPECT_EQ(UserVarEvent::Int("i", static_cast<uint64_t>(-42), false).Encode(), u->Encode());
      }
      if (u->name == "u") {
        EXPECT_EQ(UserVarEvent::Int("u", UINT64_MAX, true).Encode(), u->Encode());
      }
      if (u->name == "r") {
        EXPECT_EQ(UserVarEvent::Real("r", 1.5e10).Encode(), u->Encode());
      }
      if (u->name == "n") {
        EXPECT_EQ(UserVarEvent::Null("n").Encode(), u->Encode());
      }
      if (u->name == "s") {
        EXPECT_EQ(UserVarEvent::String("s", "str", 33).Encode(), u->Encode());
      }
      if (u->name == "d" || u->name == "neg" || u->name == "half" || u->name == "dzero" ||
          u->name == "bigdec") {
        auto mine = UserVarEvent::Decimal(u->name, v->string_value());
        ASSERT_TRUE(mine.ok());
        EXPECT_EQ(mine->Encode(), u->Encode()) << u->name;
      }
    }
    if (const auto* iv = e.As<IntvarEvent>()) {
      intvars++;
      EXPECT_TRUE(iv->type == kIntvarInsertId || iv->type == kIntvarLastInsertId);
    }
    if (e.As<RandEvent>()) rands++;
  }
  EXPECT_EQ(vars["s"], Value::String("str"));
  EXPECT_EQ(vars["i"], Value::Int(-42));
  EXPECT_EQ(vars["u"], Value::UInt(UINT64_MAX));
  EXPECT_EQ(vars["d"], Value::String("1.25"));
  EXPECT_EQ(vars["neg"], Value::String("-123.456"));
  EXPECT_EQ(vars["r"], Value::Double(1.5e10));
  EXPECT_TRUE(vars["n"].is_null());
  EXPECT_EQ(vars["bin"], Value::String(std::string("\0\xff", 2)));
  EXPECT_EQ(vars["half"], Value::String("0.5"));
  EXPECT_EQ(vars["dzero"], Value::String("0.00"));
  EXPECT_EQ(vars["bigdec"], Value::String("-12345678901234567890.1234567890123"));
  EXPECT_GE(intvars, 3);
  EXPECT_EQ(rands, 1);
}

TEST(BinlogEvents, TableMapWithFullMetadata) {
  for (const auto& raw : FixtureEvents("mariadb-bin.000001")) {
    if (raw.type() != kTableMapEvent) continue;
    Event e = MustParse(raw);
    const auto& tm = *e.As<TableMapEvent>();
    if (tm.table != "t_all" || !tm.optional.column_names) continue;
    const auto& m = tm.optional;
    ASSERT_EQ(m.column_names->size(), tm.column_count());
    EXPECT_EQ((*m.column_names)[0], "id");
    EXPECT_EQ(m.column_names->back(), "c_enum300");
    ASSERT_TRUE(m.signedness.has_value());
    EXPECT_EQ(m.signedness->size(), 18u);  // 17 integer/decimal/float columns + YEAR
    ASSERT_TRUE(m.column_charsets.has_value());
    EXPECT_EQ(m.column_charsets->size(), 16u);
    ASSERT_TRUE(m.enum_values.has_value());
    EXPECT_EQ(m.enum_values->at(1).size(), 300u);
    ASSERT_TRUE(m.set_values.has_value());
    EXPECT_EQ(m.set_values->at(0), (std::vector<std::string>{"x", "y", "z"}));
    EXPECT_EQ(m.simple_primary_key.value_or(std::vector<uint32_t>{}), std::vector<uint32_t>{0});
    return;
  }
  FAIL() << "no FULL-metadata Table_map for t_all in the fixture";
}

// --- corruption, one scenario per test -----------------------------------------

RawEvent AnEvent(uint8_t type) {
  for (const auto& raw : FixtureEvents("mariadb-bin.000001")) {
    if (raw.type() == type) return raw;
  }
  ADD_FAILURE() << "no event of type " << int(type);
  return {};
}

TEST(BinlogEventCorruption, TruncatedEventIsRejected) {
  RawEvent raw = AnEvent(kTableMapEvent);
  auto e = ParseEvent(std::string_view(raw.bytes).substr(0, raw.bytes.size() - 1), Fde(), raw.pos);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().code(), Status::Code::kCorruption);
  EXPECT_NE(e.status().message().find("position " + std::to_string(raw.pos)), std::string::npos)
      << e.status().message();
}

TEST(BinlogEventCorruption, TruncatedHeaderIsRejected) {
  RawEvent raw = AnEvent(kXidEvent);
  EXPECT_FALSE(ParseEvent(std::string_view(raw.bytes).substr(0, 10), Fde(), raw.pos).ok());
}

TEST(BinlogEventCorruption, BadChecksumIsRejected) {
  RawEvent raw = AnEvent(kWriteRowsEventV1);
  raw.bytes[kHeaderSize + 3] ^= 0x01;
  auto e = ParseEvent(raw.bytes, Fde(), raw.pos);
  ASSERT_FALSE(e.ok());
  EXPECT_NE(e.status().message().find("checksum mismatch"), std::string::npos)
      << e.status().message();
}

TEST(BinlogEventCorruption, EventSizeBelowHeaderIsRejected) {
  RawEvent raw = AnEvent(kXidEvent);
  raw.bytes[kEventSizeOffset] = 5;
  raw.bytes[kEventSizeOffset + 1] = 0;
  EXPECT_FALSE(ParseEvent(raw.bytes, Fde(), raw.pos).ok());
}

TEST(BinlogEventCorruption, StatusVariablesPastTheirBlockAreRejected) {
  // A Query whose status block says 26 bytes but the body ends after 12:
  // re-checksum so only the body is wrong.
  RawEvent raw = AnEvent(kQueryEvent);
  std::string body = raw.bytes.substr(kHeaderSize, 13 + 12);
  EventHeader h;
  ASSERT_TRUE(DecodeHeader(raw.bytes, &h).ok());
  auto e = ParseEvent(EncodeEvent(h, body, ChecksumAlg::kCrc32), Fde(), raw.pos);
  EXPECT_FALSE(e.ok());
}

TEST(BinlogEventCorruption, UnknownQueryStatusVariableIsRejected) {
  QueryEvent q = QueryEvent::MariaDb("db", "SELECT 1", 1, 0, 0, 0, {33, 33, 8});
  std::string body = q.Encode();
  // The first status code (flags2, 0) becomes 99.
  body[13] = static_cast<char>(99);
  auto d = QueryEvent::Decode(body, Fde());
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.status().message().find("unknown status variable code 99"), std::string::npos)
      << d.status().message();
}

TEST(BinlogEventCorruption, TableMapMetadataLengthMismatchIsRejected) {
  RawEvent raw = AnEvent(kTableMapEvent);
  Event e = MustParse(raw);
  std::string body = e.As<TableMapEvent>()->Encode();
  // t_all's metadata length byte (61) sits after id/flags/names/count/types.
  const size_t at = 6 + 2 + 1 + 3 + 1 + 6 + 1 + 56;
  ASSERT_EQ(static_cast<uint8_t>(body[at]), 61);
  body[at] = 60;
  EXPECT_FALSE(TableMapEvent::Decode(body, Fde()).ok());
}

TEST(BinlogEventCorruption, GtidWithNonZeroPaddingIsRejected) {
  GtidEvent g;
  g.seq_no = 7;
  std::string body = g.Encode();
  body.back() = 1;
  EXPECT_FALSE(GtidEvent::Decode(body, Fde()).ok());
}

TEST(BinlogEventCorruption, GtidListCountBeyondBodyIsRejected) {
  GtidListEvent gl;
  gl.gtids = {{0, 1, 5}};
  std::string body = gl.Encode();
  body[0] = 2;
  EXPECT_FALSE(GtidListEvent::Decode(body, Fde()).ok());
}

TEST(BinlogEventCorruption, UnknownChecksumAlgorithmIsRejected) {
  std::string bytes = FixtureEvents("mariadb-bin.000001")[0].bytes;
  bytes[bytes.size() - 5] = 7;
  EXPECT_FALSE(ParseEvent(bytes, Fde(), 4).ok());
}

TEST(BinlogEventCorruption, CorruptCompressedPayloadIsRejected) {
  std::string payload = CompressPayload(std::string(1000, 'x'));
  payload[payload.size() / 2] ^= 0x55;
  EXPECT_FALSE(UncompressPayload(payload).ok());
  EXPECT_FALSE(UncompressPayload("\x84\xff\xff\xff\xff").ok());
}

TEST(BinlogEventCorruption, EveryTruncationIsAnErrorNotACrash) {
  for (const auto& raw : FixtureEvents("mariadb-bin.000002")) {
    for (size_t n = 0; n < raw.bytes.size(); n++) {
      EXPECT_FALSE(ParseEvent(std::string_view(raw.bytes).substr(0, n), Fde(), raw.pos).ok());
    }
  }
}

// Disabled: hangs on some damaged bodies (open bug, see the issue 3 note).
TEST(BinlogEventCorruption, RandomBodyDamageNeverCrashes) {
  // Damage that keeps the checksum valid reaches every decoder; each must
  // return a value or an error, never read out of bounds (run under ASan).
  std::mt19937 rng(42);
  const auto events = FixtureEvents("mariadb-bin.000001");
  int decoded = 0, rejected = 0;
  for (int iter = 0; iter < 3000; iter++) {
    const RawEvent& raw = events[rng() % events.size()];
    if (raw.bytes.size() <= kHeaderSize + kChecksumSize) continue;
    std::string body =
        raw.bytes.substr(kHeaderSize, raw.bytes.size() - kHeaderSize - kChecksumSize);
    const int flips = 1 + static_cast<int>(rng() % 4);
    for (int f = 0; f < flips; f++) body[rng() % body.size()] = static_cast<char>(rng());
    if (rng() % 3 == 0) body.resize(rng() % body.size());
    EventHeader h;
    ASSERT_TRUE(DecodeHeader(raw.bytes, &h).ok());
    auto e = ParseEvent(EncodeEvent(h, body, ChecksumAlg::kCrc32), Fde(), raw.pos);
    (e.ok() ? decoded : rejected)++;
    if (e.ok() && e->As<RowsEvent>()) {
      // Rows decoded against a (wrong) arbitrary table: errors only.
      std::vector<ColumnSpec> cols(e->As<RowsEvent>()->column_count);
      for (size_t i = 0; i < cols.size(); i++) {
        cols[i].type = static_cast<uint8_t>(rng());
        cols[i].meta = static_cast<uint16_t>(rng());
      }
      (void)DecodeRows(*e->As<RowsEvent>(), cols);
    }
  }
  EXPECT_GT(rejected, 0);
  EXPECT_GT(decoded, 0);
}

// --- encoders ------------------------------------------------------------------

TEST(BinlogEvents, UnknownEventTypeIsKeptVerbatim) {
  EventHeader h;
  h.type = kIncidentEvent;
  h.flags = kLogEventIgnorableF;
  auto e = ParseEvent(EncodeEvent(h, "abc", ChecksumAlg::kCrc32), Fde());
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->As<UnknownEvent>()->body, "abc");
}

TEST(BinlogEvents, GtidRoundTripsEveryOptionalPart) {
  GtidEvent g;
  g.seq_no = 1ull << 40;
  g.domain_id = 7;
  g.flags2 = kFlGroupCommitId | kFlPreparedXa | kFlTransactional;
  g.commit_id = 99;
  g.xa_format_id = 1;
  g.xa_gtrid = "gtrid";
  g.xa_bqual = "b";
  g.flags_extra = kFlExtraMultiEngine | kFlCommitAlter;
  g.extra_engines = 2;
  g.sa_seq_no = 12;
  auto d = GtidEvent::Decode(g.Encode(), Fde());
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->Encode(), g.Encode());
  EXPECT_EQ(d->xa_gtrid, "gtrid");
  EXPECT_EQ(d->sa_seq_no, 12u);
  GtidEvent plain;
  EXPECT_EQ(plain.Encode().size(), kGtidPostHeaderSize);
}

TEST(BinlogEvents, QueryCompressedRoundTrips) {
  QueryEvent q = QueryEvent::MariaDb("fx", std::string(500, 'q'), 3, 1, 0, 0, {45, 45, 45});
  q.xid = 5;
  q.time_zone = "SYSTEM";
  auto d = QueryEvent::Decode(q.Encode(true), Fde(), kQueryCompressedEvent);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->query, q.query);
  EXPECT_EQ(d->Encode(), q.Encode());
}

TEST(BinlogEvents, RowsCompressedRoundTrips) {
  RawEvent raw = AnEvent(kWriteRowsEventV1);
  RowsEvent r = *MustParse(raw).As<RowsEvent>();
  r.type = kWriteRowsCompressedEventV1;
  auto d = RowsEvent::Decode(r.Encode(), Fde(), kWriteRowsCompressedEventV1);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->rows, r.rows);
  EXPECT_EQ(d->columns_before, r.columns_before);
}

TEST(BinlogEvents, HeartbeatCarriesPositionInHeader) {
  EventHeader h;
  h.type = kHeartbeatEvent;
  h.log_pos = 12345;
  h.flags = kLogEventArtificialF;
  auto e = ParseEvent(
      EncodeEvent(h, HeartbeatEvent{"mariadb-bin.000009"}.Encode(), ChecksumAlg::kCrc32), Fde());
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->As<HeartbeatEvent>()->log_name, "mariadb-bin.000009");
  EXPECT_EQ(e->header.log_pos, 12345u);
}

TEST(BinlogEvents, PatchLogPosKeepsChecksumValid) {
  XidEvent x{42};
  EventHeader h;
  h.type = kXidEvent;
  std::string ev = EncodeEvent(h, x.Encode(), ChecksumAlg::kCrc32);
  PatchLogPos(&ev, 1000, true);
  auto e = ParseEvent(ev, Fde());
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_EQ(e->header.log_pos, 1000u);
}

TEST(BinlogEvents, Crc32IsZlibs) {
  EXPECT_EQ(Crc32("123456789"), 0xcbf43926u);
  EXPECT_EQ(Crc32("56789", Crc32("1234")), 0xcbf43926u);
}

TEST(BinlogEvents, EventTypeNamesAreShowBinlogEventsSpelling) {
  EXPECT_STREQ(EventTypeName(kFormatDescriptionEvent), "Format_desc");
  EXPECT_STREQ(EventTypeName(kWriteRowsEventV1), "Write_rows_v1");
  EXPECT_STREQ(EventTypeName(kUserVarEvent), "User var");
  EXPECT_STREQ(EventTypeName(kRandEvent), "RAND");
  EXPECT_STREQ(EventTypeName(kBinlogCheckpointEvent), "Binlog_checkpoint");
}

TEST(Gtids, ParseFormatAndState) {
  auto list = ParseGtidList("0-1-5, 1-2-7");
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(FormatGtidList(*list), "0-1-5,1-2-7");
  EXPECT_FALSE(ParseGtid("0-1").ok());
  EXPECT_FALSE(ParseGtid("a-1-2").ok());
  EXPECT_TRUE(ParseGtidList("").ok());
  GtidBinlogState s;
  s.Update({0, 1, 5});
  s.Update({0, 2, 6});
  s.Update({0, 1, 7});
  s.Update({3, 1, 1});
  EXPECT_EQ(FormatGtidList(s.List()), "0-2-6,0-1-7,3-1-1");
  EXPECT_EQ(FormatGtidList(s.Current()), "0-1-7,3-1-1");
  EXPECT_EQ(s.NextSeqNo(0), 8u);
  EXPECT_EQ(s.NextSeqNo(9), 1u);
}

}  // namespace
}  // namespace relaydb::binlog
