// Tests for Connection/Statement/statement cache, error mapping and
// ChangeCapture (including REPLACE and upsert behaviour of the hook).
#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <set>
#include <string>

#include "storage/change_capture.h"
#include "storage/sqlite_db.h"

namespace relaydb::storage {
namespace {

class TempDir {
 public:
  TempDir() {
    char tmpl[] = "/tmp/rdb_storage_test_XXXXXX";
    path_ = mkdtemp(tmpl);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

class StorageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto c = Connection::Open(dir_.path() + "/relaydb.db");
    ASSERT_TRUE(c.ok()) << c.status().ToString();
    conn_ = std::move(c).value();
  }
  Value Query(const std::string& sql) {
    auto v = conn_->QueryValue(sql);
    EXPECT_TRUE(v.ok()) << v.status().ToString();
    return v.ok() ? v.value() : Value();
  }

  TempDir dir_;
  std::unique_ptr<Connection> conn_;
};

TEST_F(StorageTest, OpenSetsWalAndPragmas) {
  EXPECT_EQ(Query("PRAGMA journal_mode").string_value(), "wal");
  EXPECT_EQ(Query("PRAGMA synchronous").int_value(), 2);  // FULL
  EXPECT_EQ(Query("PRAGMA foreign_keys").int_value(), 0);
  EXPECT_EQ(Query("PRAGMA cache_size").int_value(), -65536);
  EXPECT_EQ(Query("PRAGMA busy_timeout").int_value(), 10000);
}

TEST_F(StorageTest, SynchronousNormalIsConfigurable) {
  ConnectionOptions opt;
  opt.synchronous_full = false;
  auto c = Connection::Open(dir_.path() + "/other.db", opt);
  ASSERT_TRUE(c.ok());
  auto v = c.value()->QueryValue("PRAGMA synchronous");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->int_value(), 1);
}

TEST_F(StorageTest, OpenMissingReadOnlyFails) {
  ConnectionOptions opt;
  opt.read_only = true;
  auto c = Connection::Open(dir_.path() + "/missing.db", opt);
  EXPECT_FALSE(c.ok());
}

TEST_F(StorageTest, BindStepAndColumnAccessors) {
  ASSERT_TRUE(conn_->Exec("CREATE TABLE \"d.t\"(i INTEGER, r REAL, s TEXT, b BLOB, n TEXT)").ok());
  Statement ins;
  ASSERT_TRUE(conn_->Prepare("INSERT INTO \"d.t\" VALUES(?,?,?,?,?)", &ins).ok());
  ASSERT_TRUE(ins.BindInt64(1, -5).ok());
  ASSERT_TRUE(ins.BindDouble(2, 1.5).ok());
  ASSERT_TRUE(ins.BindText(3, "héllo").ok());
  ASSERT_TRUE(ins.BindBlob(4, std::string("\0\1", 2)).ok());
  ASSERT_TRUE(ins.BindNull(5).ok());
  ASSERT_TRUE(ins.Run().ok());
  EXPECT_EQ(conn_->changes(), 1);
  EXPECT_EQ(conn_->last_insert_rowid(), 1);
  EXPECT_FALSE(ins.BindInt64(6, 1).ok());  // out of range

  Statement sel;
  ASSERT_TRUE(conn_->Prepare("SELECT i, r, s, b, n, i + 1 AS x FROM \"d.t\"", &sel).ok());
  bool row = false;
  ASSERT_TRUE(sel.Step(&row).ok());
  ASSERT_TRUE(row);
  EXPECT_EQ(sel.ColumnCount(), 6);
  EXPECT_EQ(sel.ColumnType(0), SQLITE_INTEGER);
  EXPECT_EQ(sel.ColumnInt64(0), -5);
  EXPECT_EQ(sel.ColumnType(1), SQLITE_FLOAT);
  EXPECT_EQ(sel.ColumnDouble(1), 1.5);
  EXPECT_EQ(sel.ColumnText(2), "héllo");
  EXPECT_EQ(sel.ColumnType(3), SQLITE_BLOB);
  EXPECT_EQ(sel.ColumnBlob(3), std::string("\0\1", 2));
  EXPECT_TRUE(sel.ColumnIsNull(4));
  EXPECT_EQ(std::string(sel.ColumnOriginName(2)), "s");
  EXPECT_EQ(std::string(sel.ColumnTableName(2)), "d.t");
  EXPECT_EQ(std::string(sel.ColumnDatabaseName(2)), "main");
  EXPECT_EQ(sel.ColumnOriginName(5), nullptr);
  EXPECT_EQ(std::string(sel.ColumnName(5)), "x");
  EXPECT_EQ(sel.ColumnAsValue(0), Value::Int(-5));
  EXPECT_EQ(sel.ColumnAsValue(4), Value::Null());
  ASSERT_TRUE(sel.Step(&row).ok());
  EXPECT_FALSE(row);
}

TEST_F(StorageTest, BindValueKinds) {
  ASSERT_TRUE(conn_->Exec("CREATE TABLE t(a)").ok());
  Statement st;
  ASSERT_TRUE(conn_->Prepare("INSERT INTO t VALUES(?)", &st).ok());
  const Value values[] = {Value::Int(1), Value::UInt(18446744073709551615ull), Value::UInt(7),
                          Value::Double(2.5), Value::String("x"), Value::Null()};
  for (const Value& v : values) {
    ASSERT_TRUE(st.BindValue(1, v).ok());
    ASSERT_TRUE(st.Run().ok());
  }
  ASSERT_TRUE(st.BindValue(1, Value::String(""), /*as_blob=*/true).ok());
  ASSERT_TRUE(st.Run().ok());
  EXPECT_EQ(Query("SELECT group_concat(typeof(a)) FROM t").string_value(),
            "integer,text,integer,real,text,null,blob");
  EXPECT_EQ(Query("SELECT a FROM t WHERE rowid=2").string_value(), "18446744073709551615");
}

TEST_F(StorageTest, StatementCacheReusesAndBounds) {
  ConnectionOptions opt;
  opt.statement_cache_capacity = 2;
  auto c = Connection::Open(dir_.path() + "/cache.db", opt);
  ASSERT_TRUE(c.ok());
  Connection& conn = *c.value();
  {
    Statement a;
    ASSERT_TRUE(conn.Prepare("SELECT 1", &a).ok());
    EXPECT_EQ(conn.cache_misses(), 1u);
    // The same SQL while in use: a second copy.
    Statement b;
    ASSERT_TRUE(conn.Prepare("SELECT 1", &b).ok());
    EXPECT_NE(a.handle(), b.handle());
    EXPECT_EQ(conn.cache_misses(), 2u);
  }
  EXPECT_EQ(conn.cached_statement_count(), 1u);  // the duplicate was finalized
  sqlite3_stmt* first = nullptr;
  {
    Statement a;
    ASSERT_TRUE(conn.Prepare("SELECT 1", &a).ok());
    EXPECT_EQ(conn.cache_hits(), 1u);
    first = a.handle();
    bool row;
    ASSERT_TRUE(a.Step(&row).ok());  // left mid-result: returned reset
  }
  {
    Statement a;
    ASSERT_TRUE(conn.Prepare("SELECT 1", &a).ok());
    EXPECT_EQ(a.handle(), first);
    bool row;
    ASSERT_TRUE(a.Step(&row).ok());
    EXPECT_TRUE(row);
    EXPECT_EQ(a.ColumnInt64(0), 1);
  }
  for (const char* sql : {"SELECT 2", "SELECT 3", "SELECT 4"}) {
    Statement s;
    ASSERT_TRUE(conn.Prepare(sql, &s).ok());
  }
  EXPECT_EQ(conn.cached_statement_count(), 2u);  // LRU bound
  uint64_t misses = conn.cache_misses();
  {
    Statement s;
    ASSERT_TRUE(conn.Prepare("SELECT 4", &s).ok());  // most recent: still cached
  }
  EXPECT_EQ(conn.cache_misses(), misses);
  {
    Statement s;
    ASSERT_TRUE(conn.Prepare("SELECT 1", &s).ok());  // evicted
  }
  EXPECT_EQ(conn.cache_misses(), misses + 1);
  conn.ClearStatementCache();
  EXPECT_EQ(conn.cached_statement_count(), 0u);
}

TEST_F(StorageTest, CachedStatementsSurviveSchemaChange) {
  ASSERT_TRUE(conn_->Exec("CREATE TABLE t(a); INSERT INTO t VALUES(1)").ok());
  {
    Statement s;
    ASSERT_TRUE(conn_->Prepare("SELECT * FROM t", &s).ok());
  }
  ASSERT_TRUE(conn_->Exec("ALTER TABLE t ADD COLUMN b DEFAULT 7").ok());
  Statement s;
  ASSERT_TRUE(conn_->Prepare("SELECT * FROM t", &s).ok());
  bool row;
  ASSERT_TRUE(s.Step(&row).ok());
  ASSERT_TRUE(row);
  EXPECT_EQ(s.ColumnCount(), 2);
  EXPECT_EQ(s.ColumnInt64(1), 7);
}

TEST_F(StorageTest, PrepareErrorCarriesMessage) {
  Statement s;
  Status st = conn_->Prepare("SELECT * FROM nosuch", &s);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(conn_->last_error().code, SQLITE_ERROR);
  EXPECT_EQ(conn_->last_error().message, "no such table: nosuch");
  EXPECT_NE(st.message().find("no such table: nosuch"), std::string::npos);
}

TEST_F(StorageTest, UniqueViolationIsMappable) {
  ASSERT_TRUE(conn_->Exec("CREATE TABLE \"db.t\"(a TEXT, b INTEGER NOT NULL, c INTEGER, d TEXT);"
                          "CREATE UNIQUE INDEX ix1 ON \"db.t\"(a, c);"
                          "CREATE UNIQUE INDEX ix2 ON \"db.t\"(substr(d,1,2));"
                          "INSERT INTO \"db.t\" VALUES('x', 1, 1, 'xyz')")
                  .ok());
  Status st = conn_->Exec("INSERT INTO \"db.t\" VALUES('x', 2, 1, NULL)");
  ASSERT_FALSE(st.ok());
  const SqliteError& e = conn_->last_error();
  EXPECT_EQ(e.code, SQLITE_CONSTRAINT_UNIQUE);
  EXPECT_TRUE(e.IsUniqueViolation());
  EXPECT_EQ(e.message, "UNIQUE constraint failed: db.t.a, db.t.c");
  ConstraintInfo info;
  ASSERT_TRUE(ParseConstraintMessage(e.message, "db.t", &info));
  EXPECT_EQ(info.kind, "UNIQUE");
  EXPECT_EQ(info.table, "db.t");
  EXPECT_EQ(info.columns, (std::vector<std::string>{"a", "c"}));
  ASSERT_TRUE(ParseConstraintMessage(e.message, "", &info));
  EXPECT_EQ(info.table, "db.t");
  EXPECT_EQ(info.columns, (std::vector<std::string>{"a", "c"}));

  // Expression (prefix) index: named.
  st = conn_->Exec("INSERT INTO \"db.t\" VALUES('y', 2, 2, 'xyw')");
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(conn_->last_error().code, SQLITE_CONSTRAINT_UNIQUE);
  ASSERT_TRUE(ParseConstraintMessage(conn_->last_error().message, "db.t", &info));
  EXPECT_EQ(info.index_name, "ix2");

  // Through Statement::Step as well.
  Statement s;
  ASSERT_TRUE(conn_->Prepare("INSERT INTO \"db.t\" VALUES(?, ?, 1, NULL)", &s).ok());
  ASSERT_TRUE(s.BindText(1, "q").ok());
  ASSERT_TRUE(s.BindNull(2).ok());
  EXPECT_FALSE(s.Run().ok());
  EXPECT_EQ(conn_->last_error().code, SQLITE_CONSTRAINT_NOTNULL);
  EXPECT_TRUE(conn_->last_error().IsNotNullViolation());
  ASSERT_TRUE(ParseConstraintMessage(conn_->last_error().message, "db.t", &info));
  EXPECT_EQ(info.kind, "NOT NULL");
  EXPECT_EQ(info.columns, (std::vector<std::string>{"b"}));
}

TEST(ConstraintMessage, TableNamesWithDotsAndCommas) {
  ConstraintInfo info;
  ASSERT_TRUE(
      ParseConstraintMessage("UNIQUE constraint failed: d.a.b.x, y, d.a.b.z", "d.a.b", &info));
  EXPECT_EQ(info.columns, (std::vector<std::string>{"x, y", "z"}));
  EXPECT_FALSE(ParseConstraintMessage("no such table: x", "", &info));
  ASSERT_TRUE(ParseConstraintMessage("CHECK constraint failed: c1", "", &info));
  EXPECT_EQ(info.kind, "CHECK");
  EXPECT_EQ(info.index_name, "c1");
}

TEST_F(StorageTest, TransactionsAndWalReaders) {
  ASSERT_TRUE(conn_->Exec("CREATE TABLE t(a)").ok());
  auto other = Connection::Open(dir_.path() + "/relaydb.db");
  ASSERT_TRUE(other.ok());
  ASSERT_TRUE(conn_->Exec("BEGIN; INSERT INTO t VALUES(1)").ok());
  EXPECT_TRUE(conn_->in_transaction());
  // A reader sees the last committed state and is not blocked.
  auto v = other.value()->QueryValue("SELECT count(*) FROM t");
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  EXPECT_EQ(v->int_value(), 0);
  ASSERT_TRUE(conn_->Exec("COMMIT").ok());
  EXPECT_FALSE(conn_->in_transaction());
  v = other.value()->QueryValue("SELECT count(*) FROM t");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->int_value(), 1);
}

TEST_F(StorageTest, CollationsAreRegistered) {
  EXPECT_EQ(Query("SELECT 'abc' = 'ABC  ' COLLATE rdb_ci").int_value(), 1);
  EXPECT_EQ(Query("SELECT 'abc' = 'ABC' COLLATE rdb_bin").int_value(), 0);
  EXPECT_EQ(Query("SELECT '10' > '9' COLLATE rdb_num").int_value(), 1);
  EXPECT_EQ(Query("SELECT '100:00:00' > '-1:00:00' COLLATE rdb_time").int_value(), 1);
  ASSERT_TRUE(conn_->Exec("CREATE TABLE n(v TEXT COLLATE rdb_num);"
                          "CREATE UNIQUE INDEX nu ON n(v);"
                          "INSERT INTO n VALUES('-12.50'),('3'),('18446744073709551615'),('0.5')")
                  .ok());
  EXPECT_EQ(Query("SELECT group_concat(v, ' ') FROM (SELECT v FROM n ORDER BY v)").string_value(),
            "-12.50 0.5 3 18446744073709551615");
  // Numerically equal text conflicts in a unique index.
  EXPECT_FALSE(conn_->Exec("INSERT INTO n VALUES('3.00')").ok());
  EXPECT_EQ(conn_->last_error().code, SQLITE_CONSTRAINT_UNIQUE);
}

// ---------------------------------------------------------------------------
// ChangeCapture

class CaptureTest : public StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    ASSERT_TRUE(conn_->Exec("CREATE TABLE \"db.t\"(id INTEGER, a TEXT, b BLOB);"
                            "CREATE UNIQUE INDEX \"db.t.pk\" ON \"db.t\"(id);"
                            "CREATE TABLE rdb_internal(x)")
                    .ok());
    capture_ = std::make_unique<ChangeCapture>(conn_.get());
    capture_->Enable();
  }
  void TearDown() override { capture_.reset(); }
  void Exec(const std::string& sql) { ASSERT_TRUE(conn_->Exec(sql).ok()) << sql; }

  std::unique_ptr<ChangeCapture> capture_;
};

TEST_F(CaptureTest, InsertUpdateDelete) {
  Exec("INSERT INTO \"db.t\" VALUES(1, 'x', x'00ff')");
  Exec("UPDATE \"db.t\" SET a = 'y' WHERE id = 1");
  Exec("DELETE FROM \"db.t\" WHERE id = 1");
  auto ch = capture_->TakeChanges();
  ASSERT_EQ(ch.size(), 3u);
  EXPECT_EQ(ch[0].op, RowChange::Op::kInsert);
  EXPECT_EQ(ch[0].table, "db.t");
  EXPECT_EQ(ch[0].rowid_after, 1);
  EXPECT_TRUE(ch[0].before.empty());
  ASSERT_EQ(ch[0].after.size(), 3u);
  EXPECT_EQ(ch[0].after[0], Value::Int(1));
  EXPECT_EQ(ch[0].after[1], Value::String("x"));
  EXPECT_EQ(ch[0].after[2], Value::String(std::string("\0\xff", 2)));
  EXPECT_FALSE(ch[0].after_is_blob[1]);
  EXPECT_TRUE(ch[0].after_is_blob[2]);

  EXPECT_EQ(ch[1].op, RowChange::Op::kUpdate);
  EXPECT_EQ(ch[1].rowid_before, 1);
  EXPECT_EQ(ch[1].rowid_after, 1);
  EXPECT_EQ(ch[1].before[1], Value::String("x"));
  EXPECT_EQ(ch[1].after[1], Value::String("y"));
  EXPECT_EQ(ch[1].after[2], ch[1].before[2]);  // full images, unchanged columns included

  EXPECT_EQ(ch[2].op, RowChange::Op::kDelete);
  EXPECT_EQ(ch[2].rowid_before, 1);
  EXPECT_EQ(ch[2].before[1], Value::String("y"));
  EXPECT_TRUE(ch[2].after.empty());
  EXPECT_EQ(capture_->size(), 0u);
}

TEST_F(CaptureTest, InternalTablesAndDisabledAreIgnored) {
  Exec("INSERT INTO rdb_internal VALUES(1)");
  Exec("CREATE TEMP TABLE \"tmp.t\"(a); INSERT INTO \"tmp.t\" VALUES(1)");
  capture_->Disable();
  Exec("INSERT INTO \"db.t\" VALUES(1, 'x', NULL)");
  capture_->Enable();
  EXPECT_EQ(capture_->size(), 0u);
}

TEST_F(CaptureTest, ReplaceReportsDeleteThenInsert) {
  Exec("INSERT INTO \"db.t\" VALUES(1, 'old', NULL), (2, 'two', NULL)");
  capture_->Clear();
  Exec("INSERT OR REPLACE INTO \"db.t\" VALUES(1, 'new', NULL)");
  auto ch = capture_->TakeChanges();
  ASSERT_EQ(ch.size(), 2u);
  EXPECT_EQ(ch[0].op, RowChange::Op::kDelete);
  EXPECT_EQ(ch[0].before[1], Value::String("old"));
  EXPECT_EQ(ch[0].rowid_before, 1);
  EXPECT_EQ(ch[1].op, RowChange::Op::kInsert);
  EXPECT_EQ(ch[1].after[1], Value::String("new"));
  EXPECT_EQ(ch[1].rowid_after, 3);
}

TEST_F(CaptureTest, ReplaceConflictingWithTwoRowsReportsBothDeletes) {
  Exec("CREATE UNIQUE INDEX \"db.t.a\" ON \"db.t\"(a)");
  Exec("INSERT INTO \"db.t\" VALUES(1, 'a', NULL), (2, 'b', NULL)");
  capture_->Clear();
  Exec("REPLACE INTO \"db.t\" VALUES(1, 'b', NULL)");
  auto ch = capture_->TakeChanges();
  ASSERT_EQ(ch.size(), 3u);
  EXPECT_EQ(ch[0].op, RowChange::Op::kDelete);
  EXPECT_EQ(ch[1].op, RowChange::Op::kDelete);
  EXPECT_EQ(ch[2].op, RowChange::Op::kInsert);
  std::set<int64_t> deleted{ch[0].before[0].int_value(), ch[1].before[0].int_value()};
  EXPECT_EQ(deleted, (std::set<int64_t>{1, 2}));
}

TEST_F(CaptureTest, UpsertReportsOneUpdate) {
  Exec("INSERT INTO \"db.t\" VALUES(1, 'old', NULL)");
  capture_->Clear();
  Exec("INSERT INTO \"db.t\" VALUES(1, 'x', NULL), (2, 'fresh', NULL) "
       "ON CONFLICT(id) DO UPDATE SET a = excluded.a || '!'");
  auto ch = capture_->TakeChanges();
  ASSERT_EQ(ch.size(), 2u);
  EXPECT_EQ(ch[0].op, RowChange::Op::kUpdate);
  EXPECT_EQ(ch[0].before[1], Value::String("old"));
  EXPECT_EQ(ch[0].after[1], Value::String("x!"));
  EXPECT_EQ(ch[1].op, RowChange::Op::kInsert);
  EXPECT_EQ(ch[1].after[1], Value::String("fresh"));

  // DO UPDATE that changes nothing still reports an UPDATE with equal images.
  Exec("INSERT INTO \"db.t\" VALUES(2, 'zz', NULL) ON CONFLICT(id) DO UPDATE SET a = a");
  ch = capture_->TakeChanges();
  ASSERT_EQ(ch.size(), 1u);
  EXPECT_EQ(ch[0].op, RowChange::Op::kUpdate);
  EXPECT_EQ(ch[0].before, ch[0].after);
  // DO NOTHING reports nothing.
  Exec("INSERT INTO \"db.t\" VALUES(2, 'zz', NULL) ON CONFLICT DO NOTHING");
  EXPECT_EQ(capture_->size(), 0u);
}

TEST_F(CaptureTest, DeleteAllRowsIsReportedRowByRow) {
  Exec("INSERT INTO \"db.t\" VALUES(1, 'a', NULL), (2, 'b', NULL), (3, 'c', NULL)");
  capture_->Clear();
  Exec("DELETE FROM \"db.t\"");
  auto ch = capture_->TakeChanges();
  ASSERT_EQ(ch.size(), 3u);
  for (const RowChange& c : ch) EXPECT_EQ(c.op, RowChange::Op::kDelete);
}

TEST_F(CaptureTest, SavepointRollbackDiscardsChanges) {
  Exec("BEGIN");
  Exec("INSERT INTO \"db.t\" VALUES(1, 'a', NULL)");
  size_t mark = capture_->MarkSavepoint();
  Exec("SAVEPOINT s1");
  Exec("INSERT INTO \"db.t\" VALUES(2, 'b', NULL)");
  Exec("UPDATE \"db.t\" SET a = 'z'");
  EXPECT_EQ(capture_->size(), 4u);
  Exec("ROLLBACK TO s1");
  capture_->RollbackToMark(mark);
  EXPECT_EQ(capture_->size(), 1u);
  // A failing statement: its partial changes are discarded the same way.
  size_t stmt_mark = capture_->MarkSavepoint();
  Status st = conn_->Exec("INSERT INTO \"db.t\" VALUES(3, 'c', NULL), (1, 'dup', NULL)");
  EXPECT_FALSE(st.ok());
  EXPECT_EQ(capture_->size(), 2u);  // the row 3 insert was captured before the failure
  capture_->RollbackToMark(stmt_mark);
  Exec("COMMIT");
  auto ch = capture_->TakeChanges();
  ASSERT_EQ(ch.size(), 1u);
  EXPECT_EQ(ch[0].after[1], Value::String("a"));
  capture_->RollbackToMark(100);  // beyond the end: ignored
  EXPECT_EQ(Query("SELECT count(*) FROM \"db.t\"").int_value(), 1);
}

TEST_F(CaptureTest, DropTableReportsNothing) {
  Exec("INSERT INTO \"db.t\" VALUES(1, 'a', NULL)");
  capture_->Clear();
  Exec("DROP TABLE \"db.t\"");
  EXPECT_EQ(capture_->size(), 0u);
}

}  // namespace
}  // namespace relaydb::storage
