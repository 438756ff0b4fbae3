// MariaDB's own mariadb-binlog reads a binlog relaydb's writer produced: a
// DDL, row transactions on fx.t_all (one column of every type), an UPDATE
// and a DELETE, and a statement transaction with Intvar/User_var/Rand. The
// decoded rows must print exactly as the rows MariaDB itself logged for
// the same INSERTs (tests/fixtures/binlog/mariadb-bin.000001). Skipped when
// mariadb-binlog is not installed.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>

#include "binlog/binlog_test_tables.h"
#include "binlog/binlog_test_util.h"
#include "binlog/binlog_writer.h"
#include "binlog/row_codec.h"

namespace relaydb::binlog {
namespace {

using namespace testing::tables;  // NOLINT
using testing::TempDir;

struct CommandResult {
  int exit_code = -1;
  std::string output;
};

CommandResult RunCommand(const std::string& cmd) {
  CommandResult r;
  FILE* p = ::popen((cmd + " 2>&1").c_str(), "r");
  if (p == nullptr) return r;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.output.append(buf, n);
  const int status = ::pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

bool HaveMariaDbBinlog() { return RunCommand("command -v mariadb-binlog").exit_code == 0; }

class Group {
 public:
  explicit Group(uint32_t ts) : ts_(ts) {}
  Group& Add(uint8_t type, const std::string& body, uint16_t flags = 0) {
    EventHeader h;
    h.timestamp = ts_;
    h.type = type;
    h.server_id = 1;
    h.flags = flags;
    events_.push_back(EncodeEvent(h, body, ChecksumAlg::kCrc32));
    return *this;
  }
  const std::vector<std::string>& events() const { return events_; }

 private:
  uint32_t ts_;
  std::vector<std::string> events_;
};

std::string GtidBody(uint64_t seq, uint8_t flags2) {
  GtidEvent g;
  g.seq_no = seq;
  g.flags2 = flags2;
  return g.Encode();
}

// The "### INSERT INTO `fx`.`t_all`" blocks of mariadb-binlog -vv output.
std::vector<std::string> InsertBlocks(const std::string& out, size_t max) {
  std::vector<std::string> blocks;
  size_t at = 0;
  while (blocks.size() < max &&
         (at = out.find("### INSERT INTO `fx`.`t_all`", at)) != std::string::npos) {
    size_t end = at;
    while (end < out.size() && out.compare(end, 3, "###") == 0) end = out.find('\n', end) + 1;
    blocks.push_back(out.substr(at, end - at));
    at = end;
  }
  return blocks;
}

TEST(MariaDbBinlog, ReadsAFileRelaydbWrote) {
  if (!HaveMariaDbBinlog()) GTEST_SKIP() << "mariadb-binlog is not installed";
  TempDir dir;
  BinlogWriterOptions o;
  o.dir = dir.path();
  o.server_id = 1;
  auto w = BinlogWriter::Open(o);
  ASSERT_TRUE(w.ok());
  ASSERT_TRUE((*w)->Start().ok());
  const uint32_t ts = 1700000000;
  auto commit = [&](const Group& g) {
    auto r = (*w)->Append(g.events(), {.publish = true});
    ASSERT_TRUE(r.ok()) << r.status().ToString();
  };
  const QueryEvent::Charset cs{33, 33, 8};
  uint64_t seq = 1;

  QueryEvent ddl =
      QueryEvent::MariaDb("fx", "CREATE TABLE t_all (id INT NOT NULL PRIMARY KEY)", 5, 0, 0, 0, cs);
  ddl.xid = 10;
  commit(Group(ts)
             .Add(kGtidEvent, GtidBody(seq++, kFlStandalone | kFlAllowParallel | kFlDdl),
                  kLogEventSuppressUseF)
             .Add(kQueryEvent, ddl.Encode()));

  auto tm = MakeTableMap(23, TAll(), RowMetadata::kNoLog);
  ASSERT_TRUE(tm.ok());
  const auto specs = TAllSpecs();
  auto row_txn = [&](uint8_t type, const std::string& stmt,
                     const std::vector<std::vector<Value>>& images) {
    RowsEventBuilder b(type, 23, specs);
    if (type == kUpdateRowsEventV1) {
      ASSERT_TRUE(b.AddUpdate(images[0], images[1]).ok());
    } else {
      for (const auto& img : images) ASSERT_TRUE(b.AddRow(img).ok());
    }
    Group g(ts);
    g.Add(kGtidEvent, GtidBody(seq++, kFlTransactional | kFlAllowParallel), kLogEventSuppressUseF)
        .Add(kAnnotateRowsEvent, AnnotateRowsEvent{stmt}.Encode())
        .Add(kTableMapEvent, tm->Encode());
    for (const auto& ev : b.Finish()) g.Add(type, ev.Encode());
    g.Add(kXidEvent, XidEvent{100 + seq}.Encode());
    commit(g);
  };
  row_txn(kWriteRowsEventV1, "INSERT INTO t_all (id) VALUES (1)", {Row1()});
  row_txn(kWriteRowsEventV1, "INSERT 2", {Row2()});
  row_txn(kWriteRowsEventV1, "INSERT 3", {Row3()});
  row_txn(kWriteRowsEventV1, "INSERT 4", {Row4()});
  auto after = Row4();
  after[7] = I(7);
  row_txn(kUpdateRowsEventV1, "UPDATE t_all SET c_int = 7 WHERE id = 4", {Row4(), after});
  row_txn(kDeleteRowsEventV1, "DELETE FROM t_all WHERE id = 1", {Row1()});

  QueryEvent insert = QueryEvent::MariaDb(
      "fx", "INSERT INTO s (v, r) VALUES (CONCAT(@s, @i, @d), RAND())", 5, 0, 0, 0, cs);
  auto dec = UserVarEvent::Decimal("d", "-123.456");
  ASSERT_TRUE(dec.ok());
  commit(Group(ts)
             .Add(kGtidEvent, GtidBody(seq++, kFlTransactional | kFlAllowParallel),
                  kLogEventSuppressUseF)
             .Add(kIntvarEvent, IntvarEvent{kIntvarInsertId, 42}.Encode())
             .Add(kRandEvent, RandEvent{12345, 67890}.Encode())
             .Add(kUserVarEvent, UserVarEvent::String("s", "str", 33).Encode())
             .Add(kUserVarEvent, UserVarEvent::Int("i", static_cast<uint64_t>(-42), false).Encode())
             .Add(kUserVarEvent, dec->Encode())
             .Add(kUserVarEvent, UserVarEvent::Null("n").Encode())
             .Add(kQueryEvent, insert.Encode())
             .Add(kXidEvent, XidEvent{999}.Encode()));
  ASSERT_TRUE((*w)->Close().ok());

  const std::string ours = dir.File("mariadb-bin.000001");
  CommandResult plain = RunCommand("mariadb-binlog --hexdump " + ours);
  EXPECT_EQ(plain.exit_code, 0) << plain.output;
  EXPECT_EQ(plain.output.find("ERROR"), std::string::npos) << plain.output;
  EXPECT_NE(plain.output.find("Stop"), std::string::npos);

  CommandResult rows = RunCommand("mariadb-binlog -vv --base64-output=decode-rows " + ours);
  ASSERT_EQ(rows.exit_code, 0) << rows.output;
  EXPECT_EQ(rows.output.find("ERROR"), std::string::npos) << rows.output;
  EXPECT_NE(rows.output.find("SET INSERT_ID=42"), std::string::npos) << rows.output;
  EXPECT_NE(rows.output.find("SET @@RAND_SEED1=12345, @@RAND_SEED2=67890"), std::string::npos);
  EXPECT_NE(rows.output.find("SET @`i`:=-42"), std::string::npos);
  EXPECT_NE(rows.output.find("SET @`d`:=-123.456"), std::string::npos);
  EXPECT_NE(rows.output.find("SET @`n`:=NULL"), std::string::npos);
  EXPECT_NE(rows.output.find("### UPDATE `fx`.`t_all`"), std::string::npos);
  EXPECT_NE(rows.output.find("### DELETE FROM `fx`.`t_all`"), std::string::npos);
  EXPECT_NE(rows.output.find("GTID 0-1-8"), std::string::npos);

  // The rows print exactly as MariaDB's own rows for the same INSERTs.
  CommandResult theirs = RunCommand("mariadb-binlog -vv --base64-output=decode-rows " +
                                    testing::FixturePath("mariadb-bin.000001"));
  ASSERT_EQ(theirs.exit_code, 0) << theirs.output;
  auto want = InsertBlocks(theirs.output, 4);
  auto got = InsertBlocks(rows.output, 4);
  ASSERT_EQ(want.size(), 4u);
  ASSERT_EQ(got.size(), 4u);
  for (size_t i = 0; i < 4; i++) EXPECT_EQ(got[i], want[i]) << "row " << i + 1;
}

}  // namespace
}  // namespace relaydb::binlog
