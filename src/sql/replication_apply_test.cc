// ReplicationApply (the SQL-layer half of the SQL thread) on hand-built
// event groups: stored forms of every binlog value (the inverse of
// BinlogEncoder::ToBinlogValue), the session context of Query events,
// Intvar/Rand/User_var, row lookups, columns added or missing on the
// replica, MariaDB's error texts (checked on a 10.11 replica), the position
// committed with the group, --log-slave-updates and the IDEMPOTENT modes.
#include "sql/replication_apply.h"

#include <gtest/gtest.h>

#include <stdlib.h>

#include <filesystem>

#include "binlog/binlog_reader.h"
#include "binlog/binlog_test_tables.h"
#include "binlog/row_codec.h"
#include "common/processlist.h"
#include "sql/binary_log.h"
#include "sql/binlog_encoder.h"
#include "sql/engine.h"
#include "sql/parser.h"
#include "sql/variables.h"

namespace relaydb::sql {
namespace {

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "rdb_repl_apply_XXXXXX").string();
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
using Rows = std::vector<std::vector<std::string>>;

class ReplicationApplyTest : public ::testing::Test {
 protected:
  void SetUp() override { Open(false); }

  void Open(bool log_bin) {
    EngineOptions eo;
    eo.datadir = tmp_.path() + "/data";
    eo.durable_commits = false;
    auto e = Engine::Open(eo, &processlist_);
    ASSERT_TRUE(e.ok()) << e.status().ToString();
    engine_ = std::move(e).value();
    engine_->SetVariables(&vars_);
    engine_->set_server_id(2);
    if (log_bin) {
      BinaryLogOptions bo;
      bo.writer.dir = tmp_.path() + "/binlog";
      bo.writer.server_id = 2;
      bo.db_path = engine_->db_path();
      bo.sync_engine = false;
      std::filesystem::create_directories(bo.writer.dir);
      auto b = BinaryLog::Open(bo);
      ASSERT_TRUE(b.ok()) << b.status().ToString();
      binlog_ = std::move(b).value();
      engine_->SetBinaryLog(binlog_.get());
    }
    client_ = std::make_unique<Session>(engine_.get(), processlist_.Register());
    ASSERT_TRUE(client_->Init().ok());
    client_->SetSystemUser(true);
    sql_thread_ = std::make_unique<Session>(engine_.get(), processlist_.Register());
    ASSERT_TRUE(sql_thread_->Init().ok());
    sql_thread_->SetSystemUser(true);
    apply_ = std::make_unique<ReplicationApply>(sql_thread_.get());
    ASSERT_TRUE(apply_->Init().ok());
  }

  void TearDown() override {
    apply_.reset();
    sql_thread_.reset();
    client_.reset();
    if (binlog_) engine_->SetBinaryLog(nullptr);
    binlog_.reset();
    engine_.reset();
  }

  Status Exec(const std::string& sql) {
    auto parsed = ParseMulti(sql, client_->parse_options());
    if (!parsed.ok()) return parsed.status();
    for (const auto& st : *parsed) {
      CollectingSink sink;
      RETURN_IF_ERROR(client_->Execute(st, sql, nullptr, &sink));
    }
    return Status::Ok();
  }

  Rows Query(const std::string& sql) {
    auto parsed = ParseOne(sql, client_->parse_options());
    EXPECT_TRUE(parsed.ok()) << parsed.status().ToString();
    CollectingSink sink;
    Status s = client_->Execute(*parsed, sql, nullptr, &sink);
    EXPECT_TRUE(s.ok()) << sql << ": " << s.ToString();
    Rows out;
    for (const auto& r : sink.rows()) {
      std::vector<std::string> row;
      for (const auto& v : r) row.push_back(v.is_null() ? "NULL" : v.ToText());
      out.push_back(std::move(row));
    }
    return out;
  }

  // ---- events ----
  binlog::Event Ev(uint8_t type, binlog::EventBody body, uint64_t log_pos = 0) {
    binlog::Event e;
    e.header.timestamp = 1700000000;
    e.header.type = type;
    e.header.server_id = 7;
    e.header.log_pos = static_cast<uint32_t>(log_pos != 0 ? log_pos : next_pos_ += 50);
    e.body = std::move(body);
    return e;
  }
  binlog::Event Gtid(bool standalone = false) {
    binlog::GtidEvent g;
    g.seq_no = ++seq_;
    g.flags2 = standalone ? binlog::kFlStandalone | binlog::kFlDdl : binlog::kFlTransactional;
    return Ev(binlog::kGtidEvent, g);
  }
  binlog::QueryEvent Q(const std::string& db, const std::string& q, uint16_t error_code = 0) {
    binlog::QueryEvent e = binlog::QueryEvent::MariaDb(db, q, 5, 0, kDefaultSqlMode, 0x01000000, {45, 45, 45});
    e.error_code = error_code;
    return e;
  }
  binlog::Event Query(const std::string& db, const std::string& q, uint16_t error_code = 0) {
    return Ev(binlog::kQueryEvent, Q(db, q, error_code));
  }
  binlog::Event Xid() { return Ev(binlog::kXidEvent, binlog::XidEvent{++xid_}); }

  // A Table_map for `def` (the source's definition) and its rows events
  // built by RowsEventBuilder from binlog-form values.
  binlog::Event TableMap(const TableDef& def, uint64_t id) {
    auto desc = BinlogEncoder::Describe(def);
    EXPECT_TRUE(desc.ok());
    auto tm = binlog::MakeTableMap(id, *desc, binlog::RowMetadata::kNoLog);
    EXPECT_TRUE(tm.ok());
    return Ev(binlog::kTableMapEvent, *tm);
  }
  binlog::Event RowsEv(const TableDef& def, uint64_t id, uint8_t type,
                       const std::vector<std::vector<Value>>& images) {
    auto desc = BinlogEncoder::Describe(def);
    std::vector<binlog::ColumnSpec> specs;
    for (const auto& c : desc->columns) specs.push_back(*binlog::ColumnSpecFor(c.type));
    binlog::RowsEventBuilder b(type, id, specs);
    if (type == binlog::kUpdateRowsEventV1) {
      for (size_t i = 0; i + 1 < images.size(); i += 2) EXPECT_TRUE(b.AddUpdate(images[i], images[i + 1]).ok());
    } else {
      for (const auto& r : images) EXPECT_TRUE(b.AddRow(r).ok());
    }
    auto events = b.Finish();
    EXPECT_EQ(events.size(), 1u);
    return Ev(events[0].type, events[0]);
  }
  // The definition of a table created in the scratch database `srcdefs`,
  // renamed to db.name (the source's table, as its Table_map describes it).
  TableDef SourceDef(const std::string& db, const std::string& name, const std::string& columns) {
    EXPECT_TRUE(Exec("CREATE DATABASE IF NOT EXISTS srcdefs").ok());
    EXPECT_TRUE(Exec("CREATE TABLE srcdefs." + name + " " + columns).ok());
    TableDef def = *engine_->catalog().GetTable("srcdefs", name);
    def.db = db;
    return def;
  }

  EventGroup Group(std::vector<binlog::Event> events) {
    EventGroup g;
    g.events = std::move(events);
    g.master_log = "m.000001";
    g.end = AppliedPosition{"relay.000002", next_pos_ + 1000, "m.000001", next_pos_};
    return g;
  }

  TempDir tmp_;
  GlobalVariables vars_;
  ProcessList processlist_;
  std::unique_ptr<Engine> engine_;
  std::unique_ptr<BinaryLog> binlog_;
  std::unique_ptr<Session> client_;
  std::unique_ptr<Session> sql_thread_;
  std::unique_ptr<ReplicationApply> apply_;
  uint64_t next_pos_ = 300;
  uint64_t seq_ = 0;
  uint64_t xid_ = 0;
};

// ---------------------------------------------------------------------------
// Values

TEST_F(ReplicationApplyTest, StoredFormsInvertToBinlogValueForEveryType) {
  // fx.t_all of capture_row.sql (without the 300-member ENUM, built below).
  std::string ddl =
      "CREATE TABLE fx.t_all (id INT NOT NULL PRIMARY KEY,"
      " c_tiny TINYINT, c_utiny TINYINT UNSIGNED, c_small SMALLINT, c_usmall SMALLINT UNSIGNED,"
      " c_medium MEDIUMINT, c_umedium MEDIUMINT UNSIGNED, c_int INT, c_uint INT UNSIGNED,"
      " c_big BIGINT, c_ubig BIGINT UNSIGNED,"
      " c_dec DECIMAL(10,2), c_dec65 DECIMAL(65,30), c_dec0 DECIMAL(5,0), c_udec DECIMAL(18,9) UNSIGNED,"
      " c_float FLOAT, c_double DOUBLE, c_bit1 BIT(1), c_bit10 BIT(10), c_bit64 BIT(64),"
      " c_char CHAR(10), c_char255 CHAR(255), c_char_l1 CHAR(10) CHARACTER SET latin1,"
      " c_vc VARCHAR(10), c_vc300 VARCHAR(300), c_bin BINARY(4), c_vbin VARBINARY(10),"
      " c_ttext TINYTEXT, c_text TEXT, c_mtext MEDIUMTEXT, c_ltext LONGTEXT,"
      " c_tblob TINYBLOB, c_blob BLOB, c_mblob MEDIUMBLOB, c_lblob LONGBLOB,"
      " c_date DATE, c_dt DATETIME, c_dt1 DATETIME(1), c_dt2 DATETIME(2), c_dt3 DATETIME(3),"
      " c_dt4 DATETIME(4), c_dt5 DATETIME(5), c_dt6 DATETIME(6),"
      " c_ts TIMESTAMP NULL DEFAULT NULL, c_ts3 TIMESTAMP(3) NULL DEFAULT NULL,"
      " c_ts6 TIMESTAMP(6) NULL DEFAULT NULL,"
      " c_time TIME, c_time1 TIME(1), c_time3 TIME(3), c_time6 TIME(6), c_year YEAR,"
      " c_enum ENUM('a','b','c'), c_set SET('x','y','z'),"
      " c_set10 SET('s1','s2','s3','s4','s5','s6','s7','s8','s9','s10'), c_json JSON, c_enum300 ENUM(";
  for (int i = 1; i <= 300; i++) ddl += (i > 1 ? ",'e" : "'e") + std::to_string(i) + "'";
  ddl += ")) DEFAULT CHARSET=utf8mb4";
  ASSERT_TRUE(Exec("CREATE DATABASE fx").ok());
  ASSERT_TRUE(Exec(ddl).ok());
  auto def = engine_->catalog().GetTable("fx", "t_all");
  ASSERT_NE(def, nullptr);
  namespace T = binlog::testing::tables;
  for (const auto& row : {T::Row1(), T::Row2(), T::Row3(), T::Row4()}) {
    ASSERT_EQ(row.size(), def->columns.size());
    for (size_t c = 0; c < row.size(); c++) {
      auto stored = ReplicationApply::FromBinlogValue(def->columns[c], row[c], def->collation);
      ASSERT_TRUE(stored.ok()) << stored.status().ToString();
      auto back = BinlogEncoder::ToBinlogValue(def->columns[c], *stored, def->collation);
      ASSERT_TRUE(back.ok()) << back.status().ToString();
      EXPECT_EQ(*back, row[c]) << def->columns[c].name;
    }
  }
  // Stored forms (types.h) of some of them.
  auto stored = [&](size_t c, const Value& v) { return *ReplicationApply::FromBinlogValue(def->columns[c], v, ""); };
  std::vector<Value> r3 = T::Row3();
  EXPECT_EQ(stored(51, r3[51]), Value::String("c"));
  EXPECT_EQ(stored(52, r3[52]), Value::String("x,y,z"));
  EXPECT_EQ(stored(53, Value::Int(0x201)), Value::String("s1,s10"));
  EXPECT_EQ(stored(55, Value::Int(0)), Value::String(""));
  EXPECT_EQ(stored(43, r3[43]), Value::String("2038-01-19 03:14:07"));
  EXPECT_EQ(stored(44, Value::String("0")), Value::String("0000-00-00 00:00:00.000"));
  EXPECT_EQ(stored(22, r3[22]), Value::String("ÿÿÿÿÿÿÿÿÿÿ"));
  EXPECT_EQ(stored(22, Value::String("\x80\x9f")), Value::String("€Ÿ"));
  EXPECT_EQ(stored(20, Value::String("ab  ")), Value::String("ab"));
  EXPECT_EQ(stored(25, Value::String("a")), Value::String(std::string("a\0\0\0", 4)));
  EXPECT_EQ(stored(10, r3[10]), Value::String("18446744073709551615"));
}

TEST_F(ReplicationApplyTest, TypeNamesAsMariaDbPrintsThem) {
  using R = ReplicationApply;
  EXPECT_EQ(R::SourceTypeName(kTypeTiny, 0), "tinyint");
  EXPECT_EQ(R::SourceTypeName(kTypeLong, 0), "int");
  EXPECT_EQ(R::SourceTypeName(kTypeLongLong, 0), "bigint");
  EXPECT_EQ(R::SourceTypeName(kTypeNewDecimal, 5 << 8 | 1), "decimal(5,1)");
  EXPECT_EQ(R::SourceTypeName(kTypeBit, 1 << 8 | 5), "bit(13)");
  EXPECT_EQ(R::SourceTypeName(kTypeVarchar, 40), "varchar(40 octets)");
  EXPECT_EQ(R::SourceTypeName(kTypeString, 0xfe14), "char(20 octets)");
  EXPECT_EQ(R::SourceTypeName(kTypeString, 0xee90), "char(400 octets)");
  EXPECT_EQ(R::SourceTypeName(kTypeString, 0xf701), "enum");
  EXPECT_EQ(R::SourceTypeName(kTypeString, 0xf801), "set");
  EXPECT_EQ(R::SourceTypeName(kTypeBlob, 2), "blob");
  EXPECT_EQ(R::SourceTypeName(kTypeBlob, 4), "longblob");
  EXPECT_EQ(R::SourceTypeName(kTypeDatetime2, 3), "datetime");
  EXPECT_EQ(R::SourceTypeName(kTypeTimestamp2, 6), "timestamp");
  EXPECT_EQ(R::SourceTypeName(kTypeYear, 0), "year");
  ASSERT_TRUE(Exec("CREATE DATABASE d; CREATE TABLE d.t (a INT UNSIGNED, b CHAR(5), c TEXT, d DATETIME(3),"
                   " e ENUM('a','b'), f YEAR, g DECIMAL(5,1) UNSIGNED, h JSON, i MEDIUMINT ZEROFILL,"
                   " j SMALLINT, k VARCHAR(10) CHARACTER SET latin1, l BIGINT, m VARBINARY(7), n SET('a'))")
                  .ok());
  auto def = engine_->catalog().GetTable("d", "t");
  std::vector<std::string> want = {"int(10) unsigned",
                                   "char(20 octets) character set utf8mb4",
                                   "text",
                                   "datetime(3)",
                                   "enum('a','b')",
                                   "year(4)",
                                   "decimal(5,1) unsigned",
                                   "longtext",
                                   "mediumint(8) unsigned zerofill",
                                   "smallint(6)",
                                   "varchar(10 octets) character set latin1",
                                   "bigint(20)",
                                   "varbinary(7)",
                                   "set('a')"};
  for (size_t i = 0; i < want.size(); i++) EXPECT_EQ(R::TargetTypeName(def->columns[i], def->collation), want[i]);
}

// ---------------------------------------------------------------------------
// Statements

TEST_F(ReplicationApplyTest, QueryGroupCommitsWithItsPosition) {
  EventGroup g = Group({Gtid(true), Query("", "CREATE DATABASE db")});
  ASSERT_TRUE(apply_->ApplyGroup(g).ok());
  auto p = apply_->LoadAppliedPosition();
  ASSERT_TRUE(p.ok() && p->has_value());
  EXPECT_EQ(**p, g.end);
  g = Group({Gtid(true), Query("db", "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(10))")});
  ASSERT_TRUE(apply_->ApplyGroup(g).ok());
  EXPECT_EQ(**apply_->LoadAppliedPosition(), g.end);
  g = Group({Gtid(), Query("db", "INSERT INTO t VALUES (1, 'a')"), Query("db", "INSERT INTO t VALUES (2, 'b')"), Xid()});
  ASSERT_TRUE(apply_->ApplyGroup(g).ok());
  EXPECT_EQ(**apply_->LoadAppliedPosition(), g.end);
  EXPECT_EQ(Query("SELECT * FROM db.t ORDER BY id"), (Rows{{"1", "a"}, {"2", "b"}}));

  // A failing group leaves nothing: neither its first statement nor a
  // position.
  AppliedPosition before = g.end;
  g = Group({Gtid(), Query("db", "INSERT INTO t VALUES (3, 'c')"), Query("db", "INSERT INTO t VALUES (1, 'x')"), Xid()});
  Status s = apply_->ApplyGroup(g);
  EXPECT_EQ(s.mysql_errno(), 1062);
  EXPECT_EQ(s.message(),
            "Error 'Duplicate entry '1' for key 'PRIMARY'' on query. Default database: 'db'. Query: 'INSERT INTO t "
            "VALUES (1, 'x')'");
  EXPECT_EQ(**apply_->LoadAppliedPosition(), before);
  EXPECT_EQ(Query("SELECT COUNT(*) FROM db.t"), (Rows{{"2"}}));

  // The source's own error is expected: the group commits (with its
  // position) though the statement changed nothing.
  g = Group({Gtid(), Query("db", "INSERT INTO t VALUES (1, 'x')", 1062), Xid()});
  ASSERT_TRUE(apply_->ApplyGroup(g).ok());
  EXPECT_EQ(**apply_->LoadAppliedPosition(), g.end);
  // No error where the source had one: MariaDB's 'different errors'
  // message, with Last_SQL_Errno 0.
  g = Group({Gtid(), Query("db", "INSERT INTO t VALUES (3, 'c')", 1062), Xid()});
  s = apply_->ApplyGroup(g);
  EXPECT_EQ(s.mysql_errno(), 0);
  EXPECT_EQ(s.message(),
            "Query caused different errors on master and slave.     Error on master: message (format)='Duplicate "
            "entry '%-.192T' for key %d' error code=1062 ; Error on slave: actual message='no error', error code=0. "
            "Default database: 'db'. Query: 'INSERT INTO t VALUES (3, 'c')'");
  EXPECT_EQ(Query("SELECT COUNT(*) FROM db.t WHERE id = 3"), (Rows{{"0"}}));
  // Another error than the source's: the replica's own error replaces
  // that message (MariaDB's slave_output_error_info), raw.
  g = Group({Gtid(), Query("db", "INSERT INTO nosuch VALUES (1)", 1062), Xid()});
  s = apply_->ApplyGroup(g);
  EXPECT_EQ(s.mysql_errno(), 1146);
  EXPECT_EQ(s.message(), "Table 'db.nosuch' doesn't exist");
  // BEGIN ... ROLLBACK (a non-transactional group the source could not undo).
  g = Group({Query("db", "BEGIN"), Query("db", "INSERT INTO t VALUES (9, 'r')"), Query("db", "ROLLBACK")});
  ASSERT_TRUE(apply_->ApplyGroup(g).ok());
  EXPECT_EQ(Query("SELECT COUNT(*) FROM db.t WHERE id = 9"), (Rows{{"0"}}));
  EXPECT_EQ(**apply_->LoadAppliedPosition(), g.end);
  EXPECT_FALSE(sql_thread_->in_transaction());
}

TEST_F(ReplicationApplyTest, QueryContextFromTheEvent) {
  ASSERT_TRUE(Exec("CREATE DATABASE db; CREATE TABLE db.t (id INT AUTO_INCREMENT PRIMARY KEY, n DATETIME(6),"
                   " ts TIMESTAMP(6) NULL, s VARCHAR(50), m VARCHAR(100))")
                  .ok());
  // The statement time with Q_HRNOW microseconds, in the event's zone.
  binlog::QueryEvent q = Q("db", "INSERT INTO t (n, ts) VALUES (NOW(6), NOW(6))");
  q.time_zone = "+02:00";
  q.hrnow = 123456;
  ASSERT_TRUE(apply_->ApplyGroup(Group({Gtid(), Ev(binlog::kQueryEvent, q), Xid()})).ok());
  ASSERT_TRUE(Exec("SET time_zone = '+00:00'").ok());
  EXPECT_EQ(Query("SELECT n, ts FROM db.t"), (Rows{{"2023-11-15 00:13:20.123456", "2023-11-14 22:13:20.123456"}}));
  // sql_mode (ANSI_QUOTES changes the parse), auto_increment settings.
  q = Q("db", "INSERT INTO \"t\" (\"s\", m) VALUES ('ansi', @@sql_mode)");
  q.sql_mode = 4;  // ANSI_QUOTES
  q.auto_increment = binlog::QueryEvent::AutoIncrement{5, 3};
  ASSERT_TRUE(apply_->ApplyGroup(Group({Gtid(), Ev(binlog::kQueryEvent, q), Xid()})).ok());
  EXPECT_EQ(Query("SELECT id, m FROM db.t WHERE s = 'ansi'"), (Rows{{"3", "ANSI_QUOTES"}}));
  // lc_time_names (4 = de_DE), and no time zone: the server's.
  q = Q("db", "INSERT INTO t (s, m) VALUES (@@lc_time_names, @@time_zone)");
  q.lc_time_names = 4;
  ASSERT_TRUE(apply_->ApplyGroup(Group({Gtid(), Ev(binlog::kQueryEvent, q), Xid()})).ok());
  EXPECT_EQ(Query("SELECT s, m FROM db.t WHERE id = 4"), (Rows{{"de_DE", "SYSTEM"}}));
  // Character sets: latin1 client, the statement's literal is converted.
  q = Q("db", "INSERT INTO t (s, m) VALUES ('x', @@character_set_client)");
  q.charset = binlog::QueryEvent::Charset{8, 8, 8};
  ASSERT_TRUE(apply_->ApplyGroup(Group({Gtid(), Ev(binlog::kQueryEvent, q), Xid()})).ok());
  EXPECT_EQ(Query("SELECT m FROM db.t WHERE s = 'x'"), (Rows{{"latin1"}}));
}

TEST_F(ReplicationApplyTest, IntvarRandAndUserVariables) {
  ASSERT_TRUE(Exec("CREATE DATABASE db; CREATE TABLE db.t (id INT AUTO_INCREMENT PRIMARY KEY, v VARCHAR(100),"
                   " r DOUBLE, d DECIMAL(10,3), u BIGINT UNSIGNED, b VARBINARY(10))")
                  .ok());
  // INSERT_ID: the source's generated value, though the replica's counter
  // is behind (a rolled-back insert on the source used 1..99).
  ASSERT_TRUE(apply_->ApplyGroup(Group({Gtid(), Ev(binlog::kIntvarEvent, binlog::IntvarEvent{binlog::kIntvarInsertId, 100}),
                                        Query("db", "INSERT INTO t (v) VALUES ('a')"), Xid()}))
                  .ok());
  // LAST_INSERT_ID and the RAND() seeds.
  ASSERT_TRUE(apply_->ApplyGroup(Group({Gtid(),
                                        Ev(binlog::kIntvarEvent, binlog::IntvarEvent{binlog::kIntvarLastInsertId, 42}),
                                        Ev(binlog::kRandEvent, binlog::RandEvent{268776074, 1014072595}),
                                        Query("db", "INSERT INTO t (v, r) VALUES (LAST_INSERT_ID(), RAND())"), Xid()}))
                  .ok());
  EXPECT_EQ(Query("SELECT id, v, r FROM db.t ORDER BY id"),
            (Rows{{"100", "a", "NULL"}, {"101", "42", "0.6953803772995065"}}));
  // User variables of every type.
  auto dec = binlog::UserVarEvent::Decimal("d", "-12.5");
  ASSERT_TRUE(dec.ok());
  ASSERT_TRUE(
      apply_
          ->ApplyGroup(Group(
              {Gtid(), Ev(binlog::kUserVarEvent, binlog::UserVarEvent::String("s", "caf\xe9", 8)),  // latin1
               Ev(binlog::kUserVarEvent, binlog::UserVarEvent::Int("i", static_cast<uint64_t>(-42), false)),
               Ev(binlog::kUserVarEvent, binlog::UserVarEvent::Int("u", UINT64_MAX, true)),
               Ev(binlog::kUserVarEvent, binlog::UserVarEvent::Real("f", 1.5e10)),
               Ev(binlog::kUserVarEvent, *dec), Ev(binlog::kUserVarEvent, binlog::UserVarEvent::Null("n")),
               Ev(binlog::kUserVarEvent, binlog::UserVarEvent::String("bin", std::string("\0\xff", 2), 63)),
               Query("db", "INSERT INTO t (v, r, d, u, b) VALUES (CONCAT(@s, @i, IFNULL(@n, 'null')), @f, @d, @u, @bin)"),
               Xid()}))
          .ok());
  EXPECT_EQ(Query("SELECT v, r, d, u, HEX(b) FROM db.t WHERE id = 102"),
            (Rows{{"café-42null", "15000000000", "-12.500", "18446744073709551615", "00FF"}}));
}

TEST_F(ReplicationApplyTest, IdempotentDdlModeAndStrict) {
  ASSERT_TRUE(Exec("CREATE DATABASE db; CREATE TABLE db.t (a INT); INSERT INTO db.t VALUES (1)").ok());
  // slave_ddl_exec_mode=IDEMPOTENT (MariaDB's default): CREATE TABLE
  // replaces, DROP TABLE of a missing table succeeds.
  ASSERT_TRUE(apply_->ApplyGroup(Group({Gtid(true), Query("db", "CREATE TABLE t (a INT, b INT)")})).ok());
  EXPECT_EQ(Query("SELECT COUNT(*) FROM db.t"), (Rows{{"0"}}));
  EXPECT_EQ(engine_->catalog().GetTable("db", "t")->columns.size(), 2u);
  ASSERT_TRUE(apply_->ApplyGroup(Group({Gtid(true), Query("db", "DROP TABLE nosuch")})).ok());
  ASSERT_TRUE(vars_.Set("slave_ddl_exec_mode", Value::String("STRICT"), nullptr).ok());
  Status s = apply_->ApplyGroup(Group({Gtid(true), Query("db", "CREATE TABLE t (a INT)")}));
  EXPECT_EQ(s.mysql_errno(), 1050);
  EXPECT_EQ(s.message(), "Error 'Table 't' already exists' on query. Default database: 'db'. Query: 'CREATE TABLE t (a INT)'");
}

// ---------------------------------------------------------------------------
// Rows

TEST_F(ReplicationApplyTest, RowsInsertUpdateDeleteAndErrors) {
  ASSERT_TRUE(Exec("CREATE DATABASE db; CREATE TABLE db.uk (id INT PRIMARY KEY, u VARCHAR(10), UNIQUE KEY uu (u))").ok());
  TableDef src = *engine_->catalog().GetTable("db", "uk");
  auto I = [](int64_t v) { return Value::Int(v); };
  auto S = [](const char* v) { return Value::String(v); };
  ASSERT_TRUE(apply_->ApplyGroup(Group({Gtid(), TableMap(src, 30),
                                        RowsEv(src, 30, binlog::kWriteRowsEventV1, {{I(1), S("a")}, {I(2), S("dup")}}),
                                        Xid()}))
                  .ok());
  ASSERT_TRUE(apply_->ApplyGroup(Group({Gtid(), TableMap(src, 30),
                                        RowsEv(src, 30, binlog::kUpdateRowsEventV1, {{I(1), S("a")}, {I(1), S("b")}}),
                                        Xid()}))
                  .ok());
  EXPECT_EQ(Query("SELECT * FROM db.uk ORDER BY id"), (Rows{{"1", "b"}, {"2", "dup"}}));
  // An update that breaks the unique key names the key's new value.
  binlog::Event upd = RowsEv(src, 30, binlog::kUpdateRowsEventV1, {{I(1), S("b")}, {I(1), S("dup")}});
  upd.header.log_pos = 16147;
  Status s = apply_->ApplyGroup(Group({Gtid(), TableMap(src, 30), upd, Xid()}));
  EXPECT_EQ(s.mysql_errno(), 1062);
  EXPECT_EQ(s.message(),
            "Could not execute Update_rows_v1 event on table db.uk; Duplicate entry 'dup' for key 'uu', Error_code: "
            "1062; handler error HA_ERR_FOUND_DUPP_KEY; the event's master log m.000001, end_log_pos 16147");
  // Missing row.
  binlog::Event del = RowsEv(src, 30, binlog::kDeleteRowsEventV1, {{I(5), S("zz")}});
  del.header.log_pos = 1601;
  s = apply_->ApplyGroup(Group({Gtid(), TableMap(src, 30), del, Xid()}));
  EXPECT_EQ(s.mysql_errno(), 1032);
  EXPECT_EQ(s.message(),
            "Could not execute Delete_rows_v1 event on table db.uk; Can't find record in 'uk', Error_code: 1032; "
            "handler error HA_ERR_KEY_NOT_FOUND; the event's master log m.000001, end_log_pos 1601");
  // slave_exec_mode=IDEMPOTENT: a missing row is skipped, a duplicate
  // overwrites.
  ASSERT_TRUE(vars_.Set("slave_exec_mode", Value::String("IDEMPOTENT"), nullptr).ok());
  ASSERT_TRUE(apply_->ApplyGroup(Group({Gtid(), TableMap(src, 30), del,
                                        RowsEv(src, 30, binlog::kWriteRowsEventV1, {{I(2), S("over")}}), Xid()}))
                  .ok());
  EXPECT_EQ(Query("SELECT * FROM db.uk ORDER BY id"), (Rows{{"1", "b"}, {"2", "over"}}));
  ASSERT_TRUE(vars_.Set("slave_exec_mode", Value::String("STRICT"), nullptr).ok());
  // A table that does not exist here.
  TableDef gone = src;
  gone.name = "gone";
  s = apply_->ApplyGroup(Group({Gtid(), TableMap(gone, 31), RowsEv(gone, 31, binlog::kWriteRowsEventV1, {{I(1), S("x")}}),
                                Xid()}));
  EXPECT_EQ(s.mysql_errno(), 1146);
  EXPECT_EQ(s.message(), "Error executing row event: 'Table 'db.gone' doesn't exist'");
}

TEST_F(ReplicationApplyTest, RowsWithoutKeyMatchTheWholeImageByteForByte) {
  ASSERT_TRUE(Exec("CREATE DATABASE db; CREATE TABLE db.nk (a INT, b VARCHAR(10));"
                   "INSERT INTO db.nk VALUES (1, 'A'), (1, 'a'), (2, NULL), (2, NULL)")
                  .ok());
  TableDef src = *engine_->catalog().GetTable("db", "nk");
  ASSERT_TRUE(apply_->ApplyGroup(Group({Gtid(), TableMap(src, 40),
                                        RowsEv(src, 40, binlog::kDeleteRowsEventV1,
                                               {{Value::Int(1), Value::String("a")}, {Value::Int(2), Value::Null()}}),
                                        Xid()}))
                  .ok());
  EXPECT_EQ(Query("SELECT a, b FROM db.nk ORDER BY a, b"), (Rows{{"1", "A"}, {"2", "NULL"}}));
  Status s = apply_->ApplyGroup(Group(
      {Gtid(), TableMap(src, 40), RowsEv(src, 40, binlog::kUpdateRowsEventV1, {{Value::Int(1), Value::String("a")},
                                                                                {Value::Int(1), Value::String("b")}}),
       Xid()}));
  EXPECT_EQ(s.mysql_errno(), 1032);
  EXPECT_NE(s.message().find("Can't find record in 'nk', Error_code: 1032; handler error HA_ERR_END_OF_FILE;"),
            std::string::npos);
}

TEST_F(ReplicationApplyTest, ColumnsMissingOrExtraOnTheReplica) {
  ASSERT_TRUE(Exec("CREATE DATABASE db").ok());
  TableDef src = SourceDef("db", "w", "(a INT PRIMARY KEY, b INT, c INT)");
  // The replica lacks c: it is ignored.
  ASSERT_TRUE(Exec("CREATE TABLE db.w (a INT PRIMARY KEY, b INT)").ok());
  auto I = [](int64_t v) { return Value::Int(v); };
  ASSERT_TRUE(apply_->ApplyGroup(Group({Gtid(), TableMap(src, 50),
                                        RowsEv(src, 50, binlog::kWriteRowsEventV1, {{I(1), I(2), I(3)}}), Xid()}))
                  .ok());
  EXPECT_EQ(Query("SELECT * FROM db.w"), (Rows{{"1", "2"}}));
  // The replica has more: defaults on insert, kept on update.
  ASSERT_TRUE(Exec("ALTER TABLE db.w ADD COLUMN c INT, ADD COLUMN d INT DEFAULT 9").ok());
  ASSERT_TRUE(apply_->ApplyGroup(Group({Gtid(), TableMap(src, 51),
                                        RowsEv(src, 51, binlog::kWriteRowsEventV1, {{I(2), I(2), I(3)}}), Xid()}))
                  .ok());
  ASSERT_TRUE(Exec("UPDATE db.w SET d = 5 WHERE a = 1").ok());
  ASSERT_TRUE(apply_->ApplyGroup(Group({Gtid(), TableMap(src, 51),
                                        RowsEv(src, 51, binlog::kUpdateRowsEventV1,
                                               {{I(1), I(2), Value::Null()}, {I(1), I(7), I(8)}}),
                                        Xid()}))
                  .ok());
  EXPECT_EQ(Query("SELECT * FROM db.w ORDER BY a"), (Rows{{"1", "7", "8", "5"}, {"2", "2", "3", "9"}}));
  // A different type is error 1677, as MariaDB with slave_type_conversions=''.
  ASSERT_TRUE(Exec("ALTER TABLE db.w MODIFY b BIGINT").ok());
  binlog::Event w = RowsEv(src, 52, binlog::kWriteRowsEventV1, {{I(4), I(2), I(3)}});
  Status s = apply_->ApplyGroup(Group({Gtid(), TableMap(src, 52), w, Xid()}));
  EXPECT_EQ(s.mysql_errno(), 1677);
  EXPECT_EQ(s.message(), "Column 1 of table 'db.w' cannot be converted from type 'int' to type 'bigint(20)'");
  ASSERT_TRUE(Exec("ALTER TABLE db.w MODIFY b VARCHAR(10) CHARACTER SET latin1").ok());
  s = apply_->ApplyGroup(Group({Gtid(), TableMap(src, 52), w, Xid()}));
  EXPECT_EQ(s.message(),
            "Column 1 of table 'db.w' cannot be converted from type 'int' to type 'varchar(10 octets) character set "
            "latin1'");
}

TEST_F(ReplicationApplyTest, LogSlaveUpdatesRelogsWithTheSourceServerId) {
  TearDown();
  vars_.Force("log_slave_updates", Value::Int(1));
  Open(/*log_bin=*/true);
  ASSERT_TRUE(Exec("CREATE DATABASE db; CREATE TABLE db.t (id INT PRIMARY KEY, v VARCHAR(10))").ok());
  TableDef src = *engine_->catalog().GetTable("db", "t");
  binlog::Event an = Ev(binlog::kAnnotateRowsEvent, binlog::AnnotateRowsEvent{"INSERT INTO t VALUES (1, 'x')"});
  ASSERT_TRUE(apply_->ApplyGroup(Group({Gtid(), an, TableMap(src, 60),
                                        RowsEv(src, 60, binlog::kWriteRowsEventV1, {{Value::Int(1), Value::String("x")}}),
                                        Xid()}))
                  .ok());
  ASSERT_TRUE(apply_->ApplyGroup(Group({Gtid(true), Query("db", "CREATE TABLE u (a INT)")})).ok());
  // The replica's binary log: its own DDL (server 2), then the replicated
  // groups with the source's server_id 7.
  binlog::BinlogReader r(binlog_->writer().dir(), binlog_->writer().index_path());
  ASSERT_TRUE(r.Open(binlog_->writer().ListLogs().front().name).ok());
  std::vector<std::pair<uint8_t, uint32_t>> seen;
  std::string annotate;
  binlog::ReadEvent ev;
  while (true) {
    auto n = r.Next(&ev);
    ASSERT_TRUE(n.ok());
    if (*n == binlog::BinlogReader::Outcome::kEndOfLog) break;
    if (ev.header.type == binlog::kGtidEvent || ev.header.type == binlog::kWriteRowsEventV1 ||
        ev.header.type == binlog::kQueryEvent)
      seen.emplace_back(ev.header.type, ev.header.server_id);
    if (ev.header.type == binlog::kAnnotateRowsEvent) annotate = ev.bytes.substr(19, ev.bytes.size() - 23);
  }
  std::vector<std::pair<uint8_t, uint32_t>> want = {
      {binlog::kGtidEvent, 2},  {binlog::kQueryEvent, 2},         {binlog::kGtidEvent, 2},
      {binlog::kQueryEvent, 2}, {binlog::kGtidEvent, 7},          {binlog::kWriteRowsEventV1, 7},
      {binlog::kGtidEvent, 7},  {binlog::kQueryEvent, 7}};
  EXPECT_EQ(seen, want);
  EXPECT_EQ(annotate, "INSERT INTO t VALUES (1, 'x')");
}

}  // namespace
}  // namespace relaydb::sql
