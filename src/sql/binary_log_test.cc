// BinlogEncoder (TransactionLog -> MariaDB event groups) and BinaryLog (the
// commit protocol and its crash reconciliation with the SQLite data).
#include "sql/binary_log.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "binlog/binlog_reader.h"
#include "binlog/events.h"
#include "binlog/row_codec.h"
#include "sql/binlog_encoder.h"
#include "sql/variables.h"

namespace relaydb::sql {
namespace {

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "rdb_binary_log_XXXXXX").string();
    path_ = mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

std::shared_ptr<const TableDef> MakeTable() {
  auto t = std::make_shared<TableDef>();
  t->db = "d";
  t->name = "t";
  t->collation = "utf8mb4_general_ci";
  auto col = [&](const char* name, BaseType base, int32_t len = -1, int32_t dec = -1) {
    ColumnDef c;
    c.name = name;
    c.type.base = base;
    c.type.length = len;
    c.type.decimals = dec;
    t->columns.push_back(c);
    return &t->columns.back();
  };
  col("id", BaseType::kInt)->nullable = false;
  col("v", BaseType::kVarchar, 20);
  col("e", BaseType::kEnum)->type.elements = {"a", "b", "c"};
  col("s", BaseType::kSet)->type.elements = {"x", "y", "z"};
  col("ts", BaseType::kTimestamp, -1, 3);
  col("dd", BaseType::kDecimal, 10, 2);
  IndexDef pk;
  pk.name = "PRIMARY";
  pk.kind = IndexKind::kPrimary;
  pk.columns.push_back({"id"});
  t->indexes.push_back(pk);
  return t;
}

LoggedStatement Stmt(const std::string& q, BinlogFormat f) {
  LoggedStatement s;
  s.query = q;
  s.db = "d";
  s.timestamp = 1700000000;
  s.format = static_cast<uint8_t>(f);
  return s;
}

TransactionLog InsertTxn(const std::shared_ptr<const TableDef>& t, BinlogFormat f, int64_t id) {
  TransactionLog txn;
  txn.server_id = 7;
  TxnEvent rows;
  rows.kind = TxnEvent::Kind::kRows;
  rows.rows.table = t;
  LoggedRow r;
  r.after = {Value::Int(id), Value::String("v"), Value::String("b"), Value::String("x,z"),
             Value::String("2024-01-02 03:04:05.678"), Value::String("12.50")};
  rows.rows.rows.push_back(r);
  txn.events.push_back(rows);
  TxnEvent st;
  st.statement = Stmt("INSERT INTO t VALUES (...)", f);
  txn.events.push_back(st);
  return txn;
}

std::vector<binlog::Event> Parse(const EncodedGroup& g) {
  std::vector<binlog::Event> out;
  auto fde = binlog::FormatDescription::MariaDb(binlog::ChecksumAlg::kCrc32);
  for (const auto& bytes : g.events) {
    auto e = binlog::ParseEvent(bytes, fde);
    EXPECT_TRUE(e.ok()) << e.status().ToString();
    if (e.ok()) out.push_back(*e);
  }
  return out;
}

TEST(BinlogEncoder, RowGroupHasMariaDbShapeAndValues) {
  BinlogEncoder enc(binlog::ChecksumAlg::kCrc32);
  auto t = MakeTable();
  auto g = enc.Encode(InsertTxn(t, BinlogFormat::kRow, 1), 0, 5, 9);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  auto ev = Parse(*g);
  ASSERT_EQ(ev.size(), 5u);
  EXPECT_EQ(ev[0].header.type, binlog::kGtidEvent);
  EXPECT_EQ(ev[0].As<binlog::GtidEvent>()->seq_no, 5u);
  EXPECT_EQ(ev[0].As<binlog::GtidEvent>()->flags2, binlog::kFlTransactional | binlog::kFlAllowParallel);
  EXPECT_EQ(ev[0].header.server_id, 7u);
  EXPECT_EQ(ev[1].header.type, binlog::kAnnotateRowsEvent);
  const auto* tm = ev[2].As<binlog::TableMapEvent>();
  ASSERT_NE(tm, nullptr);
  EXPECT_EQ(tm->db, "d");
  EXPECT_EQ(tm->table, "t");
  const auto* rows = ev[3].As<binlog::RowsEvent>();
  ASSERT_NE(rows, nullptr);
  EXPECT_EQ(rows->flags & binlog::kStmtEndF, binlog::kStmtEndF);
  auto decoded = binlog::DecodeRows(*rows, binlog::ColumnSpecsFromTableMap(*tm));
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  ASSERT_EQ(decoded->rows.size(), 1u);
  const auto& a = decoded->rows[0].after;
  EXPECT_EQ(a[0], Value::Int(1));
  EXPECT_EQ(a[1], Value::String("v"));
  EXPECT_EQ(a[2], Value::Int(2));        // ENUM 'b' = index 2
  EXPECT_EQ(a[3], Value::Int(0b101));    // SET 'x,z'
  EXPECT_EQ(a[4], Value::String("1704164645.678"));  // UTC epoch
  EXPECT_EQ(a[5], Value::String("12.50"));
  EXPECT_EQ(ev[4].As<binlog::XidEvent>()->xid, 9u);
}

TEST(BinlogEncoder, StatementGroupCarriesContextEvents) {
  BinlogEncoder enc(binlog::ChecksumAlg::kCrc32);
  auto txn = InsertTxn(MakeTable(), BinlogFormat::kStatement, 1);
  auto& st = txn.events.back().statement;
  st.has_insert_id = true;
  st.insert_id = 42;
  st.has_rand = true;
  st.rand_seed1 = 1;
  st.rand_seed2 = 2;
  st.user_vars = {{"x", Value::Int(5)}};
  st.auto_increment_increment = 2;
  auto g = enc.Encode(txn, 0, 1, 1);
  ASSERT_TRUE(g.ok());
  auto ev = Parse(*g);
  ASSERT_EQ(ev.size(), 6u);
  EXPECT_EQ(ev[1].As<binlog::IntvarEvent>()->value, 42u);
  EXPECT_EQ(ev[2].As<binlog::RandEvent>()->seed2, 2u);
  EXPECT_EQ(ev[3].As<binlog::UserVarEvent>()->name, "x");
  const auto* q = ev[4].As<binlog::QueryEvent>();
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->query, "INSERT INTO t VALUES (...)");
  EXPECT_EQ(q->db, "d");
  ASSERT_TRUE(q->auto_increment.has_value());
  EXPECT_EQ(q->auto_increment->increment, 2);
  EXPECT_EQ(ev[5].header.type, binlog::kXidEvent);
}

TEST(BinlogEncoder, DdlIsStandaloneAndEmptyRowStatementsLogNothing) {
  BinlogEncoder enc(binlog::ChecksumAlg::kCrc32);
  TransactionLog ddl;
  ddl.ddl = true;
  TxnEvent e;
  e.statement = Stmt("CREATE TABLE t (a INT)", BinlogFormat::kRow);
  e.statement.is_ddl = true;
  ddl.events.push_back(e);
  auto g = enc.Encode(ddl, 0, 1, 1);
  ASSERT_TRUE(g.ok());
  auto ev = Parse(*g);
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_TRUE(ev[0].As<binlog::GtidEvent>()->flags2 & binlog::kFlStandalone);
  EXPECT_EQ(ev[1].As<binlog::QueryEvent>()->query, "CREATE TABLE t (a INT)");

  TransactionLog none;  // an UPDATE that matched nothing, in ROW format
  TxnEvent u;
  u.statement = Stmt("UPDATE t SET a = 1 WHERE 0", BinlogFormat::kRow);
  none.events.push_back(u);
  auto empty = enc.Encode(none, 0, 2, 2);
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->empty());
}

TEST(BinlogEncoder, NewDefinitionGetsNewTableId) {
  BinlogEncoder enc(binlog::ChecksumAlg::kCrc32);
  auto t1 = MakeTable();
  auto g1 = enc.Encode(InsertTxn(t1, BinlogFormat::kRow, 1), 0, 1, 1);
  auto g2 = enc.Encode(InsertTxn(t1, BinlogFormat::kRow, 2), 0, 2, 2);
  auto t2 = MakeTable();  // as after an ALTER
  auto g3 = enc.Encode(InsertTxn(t2, BinlogFormat::kRow, 3), 0, 3, 3);
  ASSERT_TRUE(g1.ok() && g2.ok() && g3.ok());
  auto id = [](const EncodedGroup& g) { return Parse(g)[2].As<binlog::TableMapEvent>()->table_id; };
  EXPECT_EQ(id(*g1), id(*g2));
  EXPECT_NE(id(*g1), id(*g3));
}

TEST(BinlogEncoder, MixedLogsUnsafeStatementsAsRows) {
  EXPECT_TRUE(BinlogEncoder::IsUnsafeForStatement("INSERT INTO t VALUES (RAND())"));
  EXPECT_TRUE(BinlogEncoder::IsUnsafeForStatement("insert into t values (uuid ())"));
  EXPECT_TRUE(BinlogEncoder::IsUnsafeForStatement("UPDATE t SET a = 1 LIMIT 1"));
  EXPECT_TRUE(BinlogEncoder::IsUnsafeForStatement("INSERT INTO t VALUES (CURRENT_USER)"));
  EXPECT_FALSE(BinlogEncoder::IsUnsafeForStatement("INSERT INTO t VALUES (NOW())"));
  EXPECT_FALSE(BinlogEncoder::IsUnsafeForStatement("SELECT * FROM t LIMIT 1"));
  EXPECT_FALSE(BinlogEncoder::IsUnsafeForStatement("INSERT INTO operand VALUES (1)"));
  BinlogEncoder enc(binlog::ChecksumAlg::kCrc32);
  auto txn = InsertTxn(MakeTable(), BinlogFormat::kMixed, 1);
  auto g = enc.Encode(txn, 0, 1, 1);
  ASSERT_TRUE(g.ok());
  EXPECT_EQ(Parse(*g)[1].header.type, binlog::kQueryEvent);
  txn.events.back().statement.query = "INSERT INTO t VALUES (RAND())";
  g = enc.Encode(txn, 0, 2, 2);
  ASSERT_TRUE(g.ok());
  EXPECT_EQ(Parse(*g)[1].header.type, binlog::kAnnotateRowsEvent);
}

// ---------------------------------------------------------------------------
// BinaryLog: the commit protocol against a real SQLite file.

struct Fixture {
  TempDir dir;
  std::string db_path() const { return dir.path() + "/relaydb.db"; }
  BinaryLogOptions Options() const {
    BinaryLogOptions o;
    o.writer.dir = dir.path();
    o.writer.basename = "bin";
    o.writer.server_id = 7;
    o.writer.sync_binlog = 1;
    o.db_path = db_path();
    return o;
  }
};

// Commits `n` logged transactions; with `crash_before_commit`, the last one
// is appended to the binlog but its SQLite transaction never commits (as if
// the process died between the two).
void Commit(Fixture& f, BinaryLog* log, storage::Connection* conn, int first, int n, bool crash_before_commit) {
  auto t = MakeTable();
  for (int i = first; i < first + n; i++) {
    ASSERT_TRUE(conn->Exec("BEGIN IMMEDIATE").ok());
    ASSERT_TRUE(conn->Exec("INSERT INTO data VALUES (" + std::to_string(i) + ")").ok());
    auto ticket = log->Append(InsertTxn(t, BinlogFormat::kRow, i), conn);
    ASSERT_TRUE(ticket.ok()) << ticket.status().ToString();
    if (crash_before_commit && i == first + n - 1) {
      ASSERT_TRUE(conn->Exec("ROLLBACK").ok());  // the data never got it
      return;
    }
    ASSERT_TRUE(conn->Exec("COMMIT").ok());
    log->Committed(*ticket);
    ASSERT_TRUE(log->WaitDurable(*ticket).ok());
  }
}

std::vector<uint64_t> GtidSeqs(const Fixture& f) {
  std::vector<uint64_t> out;
  binlog::BinlogReader r(f.dir.path(), f.dir.path() + "/bin.index");
  EXPECT_TRUE(r.Open("bin.000001").ok());
  auto fde = binlog::FormatDescription::MariaDb(binlog::ChecksumAlg::kCrc32);
  for (;;) {
    binlog::ReadEvent ev;
    auto o = r.Next(&ev);
    if (!o.ok() || *o == binlog::BinlogReader::Outcome::kEndOfLog) break;
    auto e = binlog::ParseEvent(ev.bytes, r.format_description());
    if (e.ok() && e->As<binlog::GtidEvent>()) out.push_back(e->As<binlog::GtidEvent>()->seq_no);
  }
  return out;
}

TEST(BinaryLog, UncommittedTailIsCutAtStartUp) {
  Fixture f;
  {
    auto conn = storage::Connection::Open(f.db_path());
    ASSERT_TRUE(conn.ok());
    ASSERT_TRUE((*conn)->Exec("CREATE TABLE data(i INTEGER)").ok());
    auto log = BinaryLog::Open(f.Options());
    ASSERT_TRUE(log.ok()) << log.status().ToString();
    Commit(f, log->get(), conn->get(), 1, 3, /*crash_before_commit=*/true);
    // Simulate the crash: no Close() (no Stop event, in-use flag left set).
    (*log)->writer();  // the file stays as written
    log->release();    // leak on purpose: a killed process runs no destructor
  }
  EXPECT_EQ(GtidSeqs(f), (std::vector<uint64_t>{1, 2, 3}));
  auto log = BinaryLog::Open(f.Options());
  ASSERT_TRUE(log.ok()) << log.status().ToString();
  // Group 3 was written but never committed: gone; 1 and 2 stay.
  EXPECT_EQ(GtidSeqs(f), (std::vector<uint64_t>{1, 2}));
  // The next GTID continues after the last kept one.
  EXPECT_EQ((*log)->writer().NextSeqNo(0), 3u);
}

TEST(BinaryLog, CommittedGroupsSurviveRestart) {
  Fixture f;
  auto conn = storage::Connection::Open(f.db_path());
  ASSERT_TRUE(conn.ok());
  ASSERT_TRUE((*conn)->Exec("CREATE TABLE data(i INTEGER)").ok());
  {
    auto log = BinaryLog::Open(f.Options());
    ASSERT_TRUE(log.ok());
    Commit(f, log->get(), conn->get(), 1, 4, false);
    EXPECT_EQ((*log)->commits(), 4u);
    EXPECT_TRUE((*log)->Close().ok());
  }
  auto log = BinaryLog::Open(f.Options());
  ASSERT_TRUE(log.ok());
  EXPECT_EQ(GtidSeqs(f), (std::vector<uint64_t>{1, 2, 3, 4}));
  auto gp = (*log)->GtidPosAt("bin.000001", (*log)->writer().ListLogs()[0].size);
  ASSERT_TRUE(gp.has_value());
  EXPECT_EQ(*gp, "0-7-4");
  EXPECT_FALSE((*log)->GtidPosAt("nope.000001", 4).has_value());
}

}  // namespace
}  // namespace relaydb::sql
