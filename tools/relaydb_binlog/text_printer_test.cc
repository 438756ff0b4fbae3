// relaydb-binlog's text output: the MariaDB fixtures print exactly as
// mariadb-binlog 10.11 printed them (testdata/), every event type has its
// line, and damaged files fail with the position of the damage after the
// output of what could be read.
#include <gtest/gtest.h>

#include "binlog/control_events.h"
#include "binlog/event_format.h"
#include "binlog/event_header.h"
#include "binlog/events.h"
#include "binlog/rows_events.h"
#include "binlog/statement_events.h"
#include "common/mysql_types.h"
#include "relaydb_binlog/tool_test_util.h"

namespace relaydb::binlog_tool {
namespace {

using test_util::FixturePath;
using test_util::Golden;
using test_util::ReadFile;
using test_util::RunTool;
using test_util::ScratchDir;
using test_util::WriteFile;

struct GoldenCase {
  std::vector<std::string> args;  // fixture names are resolved to their paths
  std::string golden;
};

std::vector<std::string> Resolve(const std::vector<std::string>& args) {
  std::vector<std::string> out;
  for (const std::string& a : args) {
    out.push_back(a.rfind("mariadb-bin.", 0) == 0 ? FixturePath(a) : a);
  }
  return out;
}

class GoldenTest : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(GoldenTest, OutputIsMariadbBinlogs) {
  const GoldenCase& c = GetParam();
  auto r = RunTool(Resolve(c.args));
  EXPECT_EQ(r.rc, 0) << r.err;
  EXPECT_EQ(r.out, Golden(c.golden));
}

INSTANTIATE_TEST_SUITE_P(
    Fixtures, GoldenTest,
    ::testing::Values(
        GoldenCase{{"-v", "--base64-output=decode-rows", "mariadb-bin.000001"},
                   "mariadb-bin.000001.decode-rows.txt"},
        GoldenCase{{"-v", "--base64-output=decode-rows", "mariadb-bin.000002"},
                   "mariadb-bin.000002.decode-rows.txt"},
        GoldenCase{{"-v", "--base64-output=decode-rows", "mariadb-bin.000003"},
                   "mariadb-bin.000003.decode-rows.txt"},
        GoldenCase{{"-vv", "mariadb-bin.000001"}, "mariadb-bin.000001.base64-vv.txt"},
        GoldenCase{{"-vv", "mariadb-bin.000002"}, "mariadb-bin.000002.base64-vv.txt"},
        GoldenCase{{"-vv", "mariadb-bin.000003"}, "mariadb-bin.000003.base64-vv.txt"},
        GoldenCase{{"-v", "--start-position=4330", "--stop-position=5595", "mariadb-bin.000001"},
                   "start-stop.txt"},
        GoldenCase{{"-v", "--base64-output=decode-rows", "--start-position=13177",
                    "--stop-position=1040", "-d", "fx", "mariadb-bin.000001", "mariadb-bin.000002"},
                   "filters.txt"},
        GoldenCase{{"-v", "--base64-output=decode-rows", "--start-datetime=2026-11-22 02:57:26",
                    "mariadb-bin.000001"},
                   "start-datetime.txt"}));

// --- Synthetic binlogs for the events the fixtures do not have -------------------

// Builds a binlog file event by event with correct end positions.
class BinlogBuilder {
 public:
  explicit BinlogBuilder(binlog::ChecksumAlg alg, uint16_t fde_flags = 0) : alg_(alg) {
    bytes_ = std::string(binlog::kBinlogMagic);
    const auto fde = binlog::FormatDescription::MariaDb(alg, "10.11.19-MariaDB-log", 0);
    std::string ev = binlog::EncodeFormatDescriptionEvent(fde, kTime, 1, 0, fde_flags);
    binlog::PatchLogPos(&ev, static_cast<uint32_t>(bytes_.size() + ev.size()), true);
    bytes_ += ev;
  }
  BinlogBuilder& Add(uint8_t type, const std::string& body, uint16_t flags = 0) {
    binlog::EventHeader h;
    h.timestamp = kTime;
    h.type = type;
    h.server_id = 1;
    h.flags = flags;
    const size_t crc = alg_ == binlog::ChecksumAlg::kCrc32 ? 4 : 0;
    h.log_pos = static_cast<uint32_t>(bytes_.size() + binlog::kHeaderSize + body.size() + crc);
    bytes_ += binlog::EncodeEvent(h, body, alg_);
    return *this;
  }
  const std::string& bytes() const { return bytes_; }

  static constexpr uint32_t kTime = 1700000000;

 private:
  binlog::ChecksumAlg alg_;
  std::string bytes_;
};

binlog::QueryEvent SimpleQuery(std::string db, std::string text) {
  return binlog::QueryEvent::MariaDb(std::move(db), std::move(text), 7, 0, 0,
                                     binlog::kOptionExplicitDefTimestamp, {33, 33, 8});
}

class SyntheticTest : public ::testing::Test {
 protected:
  test_util::ToolRun Dump(const BinlogBuilder& b, std::vector<std::string> extra = {"-v"}) {
    const std::string path = dir_.File("syn-bin.000001");
    WriteFile(path, b.bytes());
    extra.push_back(path);
    return RunTool(extra);
  }
  ScratchDir dir_;
};

TEST_F(SyntheticTest, XaGtidPrintsXaStart) {
  binlog::GtidEvent g;
  g.seq_no = 5;
  g.flags2 = binlog::kFlPreparedXa | binlog::kFlTransactional;
  g.xa_format_id = 1;
  g.xa_gtrid = "ab";
  g.xa_bqual = "c";
  BinlogBuilder b(binlog::ChecksumAlg::kCrc32);
  b.Add(binlog::kGtidEvent, g.Encode());
  auto r = Dump(b);
  ASSERT_EQ(r.rc, 0) << r.err;
  EXPECT_NE(r.out.find("\tGTID 0-1-5 trans\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("XA START X'6162',X'63',1/*!*/;\n"), std::string::npos) << r.out;
}

TEST_F(SyntheticTest, SkipReplicationFlagIsPrintedWhenItChanges) {
  BinlogBuilder b(binlog::ChecksumAlg::kCrc32);
  b.Add(binlog::kQueryEvent, SimpleQuery("d", "CREATE TABLE t (a INT)").Encode(),
        binlog::kLogEventSkipReplicationF);
  b.Add(binlog::kQueryEvent, SimpleQuery("d", "DROP TABLE t").Encode());
  auto r = Dump(b);
  ASSERT_EQ(r.rc, 0) << r.err;
  const size_t on = r.out.find("/*!50521 SET skip_replication=1*//*!*/;\n");
  const size_t off = r.out.find("/*!50521 SET skip_replication=0*//*!*/;\n");
  ASSERT_NE(on, std::string::npos) << r.out;
  ASSERT_NE(off, std::string::npos) << r.out;
  EXPECT_LT(on, r.out.find("CREATE TABLE t"));
  EXPECT_LT(off, r.out.find("DROP TABLE t"));
}

TEST_F(SyntheticTest, UnknownCharsetIsFlagged) {
  BinlogBuilder b(binlog::ChecksumAlg::kOff);
  auto q = SimpleQuery("d", "SELECT 1");
  q.charset = binlog::QueryEvent::Charset{4000, 4000, 8};
  b.Add(binlog::kQueryEvent, q.Encode());
  auto r = Dump(b);
  ASSERT_EQ(r.rc, 0) << r.err;
  EXPECT_NE(r.out.find("# Ignored (Unknown charset) SET @@session.character_set_client=Unknown,"
                       "@@session.collation_connection=4000,@@session.collation_server=8/*!*/;\n"),
            std::string::npos)
      << r.out;
}

TEST_F(SyntheticTest, CompressedEventsUseTheirNames) {
  BinlogBuilder b(binlog::ChecksumAlg::kCrc32);
  b.Add(binlog::kQueryCompressedEvent, SimpleQuery("d", "INSERT INTO t VALUES (1)").Encode(true));
  binlog::TableMapEvent tm;
  tm.table_id = 70;
  tm.db = "d";
  tm.table = "t";
  tm.column_types = {kTypeLong};
  tm.column_meta = {0};
  tm.nullable = {true};
  b.Add(binlog::kTableMapEvent, tm.Encode());
  binlog::RowsEvent rows;
  rows.type = binlog::kWriteRowsCompressedEventV1;
  rows.table_id = 70;
  rows.column_count = 1;
  rows.columns_before = {true};
  rows.rows = std::string("\x00\x2a\x00\x00\x00", 5);  // null bitmap, 42
  b.Add(rows.type, rows.Encode());
  auto r = Dump(b, {"-v", "--base64-output=decode-rows"});
  ASSERT_EQ(r.rc, 0) << r.err;
  EXPECT_NE(r.out.find("\tQuery_compressed\tthread_id=7\t"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("INSERT INTO t VALUES (1)\n/*!*/;\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\tWrite_compressed_rows: table id 70 flags: STMT_END_F\n"
                       "### INSERT INTO `d`.`t`\n### SET\n###   @1=42\n# Number of rows: 1\n"),
            std::string::npos)
      << r.out;
}

TEST_F(SyntheticTest, RowsEventWithoutTableMapIsAnUnknownTable) {
  BinlogBuilder b(binlog::ChecksumAlg::kCrc32);
  binlog::RowsEvent rows;
  rows.type = binlog::kDeleteRowsEventV1;
  rows.table_id = 99;
  rows.column_count = 1;
  rows.columns_before = {true};
  rows.rows = std::string("\x01", 1);
  b.Add(rows.type, rows.Encode());
  auto r = Dump(b, {"-v", "--base64-output=decode-rows"});
  ASSERT_EQ(r.rc, 0) << r.err;
  EXPECT_NE(r.out.find("\tDelete_rows: table id 99 flags: STMT_END_F\n"
                       "### Row event for unknown table #99# Number of rows: 0\n"),
            std::string::npos)
      << r.out;
}

TEST_F(SyntheticTest, IncidentIgnorableAndEncryptionEvents) {
  BinlogBuilder b(binlog::ChecksumAlg::kCrc32);
  b.Add(binlog::kIncidentEvent, std::string("\x01\x00\x04lost", 7));
  b.Add(200, "abcdef", binlog::kLogEventIgnorableF);
  binlog::StartEncryptionEvent se;
  se.scheme = 1;
  se.key_version = 3;
  se.nonce = std::string(12, '\x0a');
  b.Add(binlog::kStartEncryptionEvent, se.Encode());
  auto r = Dump(b);
  ASSERT_EQ(r.rc, 0) << r.err;
  EXPECT_NE(
      r.out.find(" \n# Incident: LOST_EVENTS\nRELOAD DATABASE; # Shall generate syntax error\n"),
      std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("\tIgnorable\n# Ignorable event type 200 (Unknown)\n"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("# Encryption scheme: 1, key_version: 3, nonce: 0A0A0A0A0A0A0A0A0A0A0A0A\n"
                       "# The rest of the binlog is encrypted!\n"),
            std::string::npos)
      << r.out;
}

TEST_F(SyntheticTest, InUseBinlogIsFlaggedAndItsTornTailIsTheEnd) {
  BinlogBuilder b(binlog::ChecksumAlg::kCrc32, binlog::kLogEventBinlogInUseF);
  b.Add(binlog::kQueryEvent, SimpleQuery("d", "CREATE TABLE a (x INT)").Encode());
  const std::string whole = b.bytes();
  b.Add(binlog::kQueryEvent, SimpleQuery("d", "CREATE TABLE b (x INT)").Encode());
  std::string bytes = b.bytes().substr(0, whole.size() + 30);  // half of the second Query
  const std::string path = dir_.File("torn.000001");
  WriteFile(path, bytes);
  auto r = RunTool({path});
  EXPECT_EQ(r.rc, 0) << r.err;
  EXPECT_NE(r.out.find("# Warning: this binlog is either in use or was not closed properly.\n"),
            std::string::npos);
  EXPECT_NE(r.out.find("CREATE TABLE a"), std::string::npos);
  EXPECT_EQ(r.out.find("CREATE TABLE b"), std::string::npos);
  EXPECT_NE(r.out.find("# End of log file\n"), std::string::npos);
  // --skip-force-if-open refuses such a file.
  auto refused = RunTool({"--skip-force-if-open", path});
  EXPECT_EQ(refused.rc, 1);
  EXPECT_NE(refused.err.find("which was not closed properly"), std::string::npos) << refused.err;
}

// --- Damaged files --------------------------------------------------------------

class DamagedFileTest : public ::testing::Test {
 protected:
  std::string Damaged(const std::string& bytes) {
    const std::string path = dir_.File("damaged-bin.000001");
    WriteFile(path, bytes);
    return path;
  }
  std::string Fixture1() { return ReadFile(FixturePath("mariadb-bin.000001")); }
  ScratchDir dir_;
};

TEST_F(DamagedFileTest, TruncatedEventReportsItsPositionAfterTheReadableOutput) {
  const std::string path = Damaged(Fixture1().substr(0, 4270));  // inside the rows event at 4249
  auto r = RunTool({"-v", "--base64-output=decode-rows", path});
  EXPECT_EQ(r.rc, 1);
  EXPECT_EQ(r.err,
            "ERROR: Error in Log_event::read_log_event(): 'Event truncated', data_len: 50, "
            "event_type: 23\nERROR: Could not read entry at offset 4249 of '" +
                path + "': Error in log format or read error.\n");
  // Everything up to the Table_map was printed; no footer after an error.
  const std::string golden = Golden("mariadb-bin.000001.decode-rows.txt");
  const std::string until = "mapped to number 23\n";
  EXPECT_EQ(r.out, golden.substr(0, golden.find(until) + until.size()));
}

TEST_F(DamagedFileTest, ChecksumMismatchReportsTheEvent) {
  std::string bytes = Fixture1();
  bytes[4200] = static_cast<char>(bytes[4200] ^ 0x10);  // inside the Table_map at 4081
  const std::string path = Damaged(bytes);
  auto r = RunTool({"-v", path});
  EXPECT_EQ(r.rc, 1);
  EXPECT_NE(r.err.find("'Event crc check failed! Most likely there is event corruption.', "
                       "data_len: 168, event_type: 19\n"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("Could not read entry at offset 4081 of '" + path + "'"), std::string::npos);
  EXPECT_NE(r.out.find("# at 4025\n"), std::string::npos);     // the Annotate_rows before it
  EXPECT_EQ(r.out.find("Annotate_rows:"), std::string::npos);  // held back for its Table_map
}

TEST_F(DamagedFileTest, TruncatedHeaderIsReported) {
  const std::string path = Damaged(Fixture1().substr(0, 266));
  auto r = RunTool({path});
  EXPECT_EQ(r.rc, 1);
  EXPECT_NE(r.err.find("'Event truncated'\nERROR: Could not read entry at offset 256 of"),
            std::string::npos)
      << r.err;
}

TEST_F(DamagedFileTest, ImpossibleEventSizeIsReported) {
  std::string bytes = Fixture1();
  bytes[256 + binlog::kEventSizeOffset] = 5;
  const std::string path = Damaged(bytes);
  auto r = RunTool({path});
  EXPECT_EQ(r.rc, 1);
  EXPECT_NE(r.err.find("'Event invalid', data_len: 5, event_type: 163"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("offset 256"), std::string::npos);
}

TEST_F(DamagedFileTest, NotABinlogAndEmptyFileAndMissingFile) {
  auto r = RunTool({Damaged("xxxx-not-a-binlog")});
  EXPECT_EQ(r.rc, 1);
  EXPECT_EQ(r.err, "ERROR: File is not a binary log file.\n");
  r = RunTool({Damaged("")});
  EXPECT_EQ(r.rc, 1);
  EXPECT_EQ(r.err, "ERROR: Failed reading header; probably an empty file.\n");
  r = RunTool({dir_.File("absent")});
  EXPECT_EQ(r.rc, 1);
  EXPECT_NE(r.err.find("not found (Errcode: 2"), std::string::npos) << r.err;
}

TEST_F(DamagedFileTest, SkipVerifyChecksumReadsPastAChecksumMismatch) {
  std::string bytes = Fixture1();
  const size_t crc_at = 4330 - 4;  // the Xid event's checksum
  bytes[crc_at] = static_cast<char>(bytes[crc_at] ^ 0xff);
  const std::string path = Damaged(bytes);
  EXPECT_EQ(RunTool({path}).rc, 1);
  auto r = RunTool({"--skip-verify-binlog-checksum", path});
  EXPECT_EQ(r.rc, 0) << r.err;
  EXPECT_NE(r.out.find("Xid = 15"), std::string::npos);
}

// --- Runs across files ---------------------------------------------------------

TEST(RunTest, GtidOrderIsCheckedAcrossFiles) {
  auto r = RunTool({FixturePath("mariadb-bin.000001"), FixturePath("mariadb-bin.000001")});
  EXPECT_EQ(r.rc, 1);
  EXPECT_EQ(r.err, "ERROR: Found out of order GTID. Got 0-1-1 after 0-1-22\n");
  EXPECT_EQ(RunTool({"--skip-gtid-strict-mode", FixturePath("mariadb-bin.000001"),
                     FixturePath("mariadb-bin.000001")})
                .rc,
            0);
}

TEST(RunTest, StopPositionNotReachedIsAWarning) {
  auto r = RunTool({"--stop-position=999999", FixturePath("mariadb-bin.000003")});
  EXPECT_EQ(r.rc, 0);
  EXPECT_EQ(r.err, "WARNING: Did not reach stop position 999999 before end of input\n");
}

TEST(RunTest, UsageErrors) {
  auto r = RunTool({});
  EXPECT_EQ(r.rc, 1);
  EXPECT_NE(r.err.find("Please provide the log file(s)"), std::string::npos);
  r = RunTool({"--raw", FixturePath("mariadb-bin.000001")});
  EXPECT_EQ(r.rc, 1);
  EXPECT_NE(r.err.find("--raw mode only works with --read-from-remote-server"), std::string::npos);
  r = RunTool({"--no-such-option", FixturePath("mariadb-bin.000001")});
  EXPECT_EQ(r.rc, 1);
  EXPECT_NE(r.err.find("unknown option '--no-such-option'"), std::string::npos);
  r = RunTool({"--help"});
  EXPECT_EQ(r.rc, 0);
  EXPECT_NE(r.out.find("--start-position"), std::string::npos);
}

TEST(RunTest, ResultFileReceivesTheOutput) {
  ScratchDir dir;
  const std::string path = dir.File("out.sql");
  auto r =
      RunTool({"-r", path, "-v", "--base64-output=decode-rows", FixturePath("mariadb-bin.000003")});
  EXPECT_EQ(r.rc, 0);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(ReadFile(path), Golden("mariadb-bin.000003.decode-rows.txt"));
}

}  // namespace
}  // namespace relaydb::binlog_tool
