// Tests for the catalog (catalog.h). Expected SHOW CREATE TABLE / DESCRIBE /
// SHOW INDEX / information_schema outputs and error texts were recorded from
// MariaDB 10.11.19 (Debian 12, character-set-server=utf8mb4,
// collation-server=utf8mb4_general_ci).
#include "sql/catalog.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <thread>

#include "storage/sqlite_db.h"

namespace relaydb::sql {
namespace {

class TempDir {
 public:
  TempDir() {
    char tmpl[] = "/tmp/rdb_catalog_test_XXXXXX";
    path_ = mkdtemp(tmpl);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

ColumnDef Col(const std::string& name, BaseType base, int32_t length = -1, int32_t decimals = -1,
              bool is_unsigned = false) {
  ColumnDef c;
  c.name = name;
  c.type.base = base;
  c.type.length = length;
  c.type.decimals = decimals;
  c.type.is_unsigned = is_unsigned;
  return c;
}

IndexDef Key(IndexKind kind, std::string name, std::vector<IndexColumn> cols, std::string comment = "") {
  IndexDef k;
  k.kind = kind;
  k.name = std::move(name);
  k.columns = std::move(cols);
  k.comment = std::move(comment);
  return k;
}

// The parser's rendition of
//   create table d1.t(id int not null auto_increment primary key, ti tinyint,
//   tiu tinyint unsigned, si smallint default 5, mi mediumint unsigned
//   zerofill, i int(5) default '7', bi bigint, biu bigint unsigned not null,
//   de decimal(10,2) default 1.5, de0 decimal, f float, f2 float(7,3),
//   dbl double, dbl2 double(10,4) unsigned, b bit(5) default b'101', b1 bit,
//   c char(10) default 'x', c0 char, vc varchar(20) not null comment
//   'hello ''c''', vcb varchar(10) collate utf8mb4_bin, vcl varchar(10)
//   character set latin1, bn binary(4), vb varbinary(10), tt tinytext,
//   tx text, mt mediumtext, lt longtext, tb tinyblob, bl blob, mb mediumblob,
//   lb longblob, dt date default '2020-01-01', dtt datetime(3) default
//   current_timestamp(3) on update current_timestamp(3), ts timestamp not
//   null default current_timestamp on update current_timestamp, ts2
//   timestamp null, tm time(2), y year, e enum('a','b','c''q') not null,
//   s set('x','y') default 'x,y', j json, unique key uk (vc, c),
//   key k2 (tx(10)), index (bi desc), unique (biu)) comment='tbl comment'
TableDef BigTable() {
  TableDef t;
  t.db = "d1";
  t.name = "t";
  t.comment = "tbl comment";
  auto add = [&](ColumnDef c) { t.columns.push_back(std::move(c)); };
  ColumnDef id = Col("id", BaseType::kInt);
  id.nullable = false;
  id.auto_increment = true;
  add(id);
  add(Col("ti", BaseType::kTinyInt));
  add(Col("tiu", BaseType::kTinyInt, -1, -1, true));
  ColumnDef si = Col("si", BaseType::kSmallInt);
  si.default_value = "5";
  add(si);
  ColumnDef mi = Col("mi", BaseType::kMediumInt, -1, -1, true);
  mi.type.zerofill = true;
  add(mi);
  ColumnDef i = Col("i", BaseType::kInt, 5);
  i.default_value = "7";
  add(i);
  add(Col("bi", BaseType::kBigInt));
  ColumnDef biu = Col("biu", BaseType::kBigInt, -1, -1, true);
  biu.nullable = false;
  add(biu);
  ColumnDef de = Col("de", BaseType::kDecimal, 10, 2);
  de.default_value = "1.5";
  add(de);
  add(Col("de0", BaseType::kDecimal));
  add(Col("f", BaseType::kFloat));
  add(Col("f2", BaseType::kFloat, 7, 3));
  add(Col("dbl", BaseType::kDouble));
  add(Col("dbl2", BaseType::kDouble, 10, 4, true));
  ColumnDef b = Col("b", BaseType::kBit, 5);
  b.default_value = "b'101'";
  add(b);
  add(Col("b1", BaseType::kBit));
  ColumnDef c = Col("c", BaseType::kChar, 10);
  c.default_value = "x";
  add(c);
  add(Col("c0", BaseType::kChar));
  ColumnDef vc = Col("vc", BaseType::kVarchar, 20);
  vc.nullable = false;
  vc.comment = "hello 'c'";
  add(vc);
  ColumnDef vcb = Col("vcb", BaseType::kVarchar, 10);
  vcb.type.collation = "utf8mb4_bin";
  add(vcb);
  ColumnDef vcl = Col("vcl", BaseType::kVarchar, 10);
  vcl.type.charset = "latin1";
  add(vcl);
  add(Col("bn", BaseType::kBinary, 4));
  add(Col("vb", BaseType::kVarbinary, 10));
  add(Col("tt", BaseType::kTinyText));
  add(Col("tx", BaseType::kText));
  add(Col("mt", BaseType::kMediumText));
  add(Col("lt", BaseType::kLongText));
  add(Col("tb", BaseType::kTinyBlob));
  add(Col("bl", BaseType::kBlob));
  add(Col("mb", BaseType::kMediumBlob));
  add(Col("lb", BaseType::kLongBlob));
  ColumnDef dt = Col("dt", BaseType::kDate);
  dt.default_value = "2020-01-01";
  add(dt);
  ColumnDef dtt = Col("dtt", BaseType::kDatetime, -1, 3);
  dtt.default_value = "current_timestamp(3)";
  dtt.default_is_expression = true;
  dtt.on_update_current_timestamp = true;
  add(dtt);
  ColumnDef ts = Col("ts", BaseType::kTimestamp);
  ts.nullable = false;
  ts.default_value = "CURRENT_TIMESTAMP";
  ts.default_is_expression = true;
  ts.on_update_current_timestamp = true;
  add(ts);
  add(Col("ts2", BaseType::kTimestamp));
  add(Col("tm", BaseType::kTime, -1, 2));
  add(Col("y", BaseType::kYear));
  ColumnDef e = Col("e", BaseType::kEnum);
  e.type.elements = {"a", "b", "c'q"};
  e.nullable = false;
  add(e);
  ColumnDef s = Col("s", BaseType::kSet);
  s.type.elements = {"x", "y"};
  s.default_value = "x,y";
  add(s);
  add(Col("j", BaseType::kJson));
  t.indexes = {Key(IndexKind::kPrimary, "", {{"id"}}), Key(IndexKind::kUnique, "uk", {{"vc"}, {"c"}}),
               Key(IndexKind::kIndex, "k2", {{"tx", 10}}), Key(IndexKind::kIndex, "", {{"bi", -1, true}}),
               Key(IndexKind::kUnique, "", {{"biu"}})};
  return t;
}

const char kBigShowCreate[] =
    "CREATE TABLE `t` (\n"
    "  `id` int(11) NOT NULL AUTO_INCREMENT,\n"
    "  `ti` tinyint(4) DEFAULT NULL,\n"
    "  `tiu` tinyint(3) unsigned DEFAULT NULL,\n"
    "  `si` smallint(6) DEFAULT 5,\n"
    "  `mi` mediumint(8) unsigned zerofill DEFAULT NULL,\n"
    "  `i` int(5) DEFAULT 7,\n"
    "  `bi` bigint(20) DEFAULT NULL,\n"
    "  `biu` bigint(20) unsigned NOT NULL,\n"
    "  `de` decimal(10,2) DEFAULT 1.50,\n"
    "  `de0` decimal(10,0) DEFAULT NULL,\n"
    "  `f` float DEFAULT NULL,\n"
    "  `f2` float(7,3) DEFAULT NULL,\n"
    "  `dbl` double DEFAULT NULL,\n"
    "  `dbl2` double(10,4) unsigned DEFAULT NULL,\n"
    "  `b` bit(5) DEFAULT b'101',\n"
    "  `b1` bit(1) DEFAULT NULL,\n"
    "  `c` char(10) DEFAULT 'x',\n"
    "  `c0` char(1) DEFAULT NULL,\n"
    "  `vc` varchar(20) NOT NULL COMMENT 'hello ''c''',\n"
    "  `vcb` varchar(10) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL,\n"
    "  `vcl` varchar(10) CHARACTER SET latin1 COLLATE latin1_swedish_ci DEFAULT NULL,\n"
    "  `bn` binary(4) DEFAULT NULL,\n"
    "  `vb` varbinary(10) DEFAULT NULL,\n"
    "  `tt` tinytext DEFAULT NULL,\n"
    "  `tx` text DEFAULT NULL,\n"
    "  `mt` mediumtext DEFAULT NULL,\n"
    "  `lt` longtext DEFAULT NULL,\n"
    "  `tb` tinyblob DEFAULT NULL,\n"
    "  `bl` blob DEFAULT NULL,\n"
    "  `mb` mediumblob DEFAULT NULL,\n"
    "  `lb` longblob DEFAULT NULL,\n"
    "  `dt` date DEFAULT '2020-01-01',\n"
    "  `dtt` datetime(3) DEFAULT current_timestamp(3) ON UPDATE current_timestamp(3),\n"
    "  `ts` timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp(),\n"
    "  `ts2` timestamp NULL DEFAULT NULL,\n"
    "  `tm` time(2) DEFAULT NULL,\n"
    "  `y` year(4) DEFAULT NULL,\n"
    "  `e` enum('a','b','c''q') NOT NULL,\n"
    "  `s` set('x','y') DEFAULT 'x,y',\n"
    "  `j` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL CHECK "
    "(json_valid(`j`)),\n"
    "  PRIMARY KEY (`id`),\n"
    "  UNIQUE KEY `biu` (`biu`),\n"
    "  UNIQUE KEY `uk` (`vc`,`c`),\n"
    "  KEY `k2` (`tx`(10)),\n"
    "  KEY `bi` (`bi` DESC)\n"
    ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='tbl comment'";

class CatalogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto c = storage::Connection::Open(dir_.path() + "/relaydb.db");
    ASSERT_TRUE(c.ok()) << c.status().ToString();
    conn_ = std::move(c).value();
    Reopen();
    DatabaseDef d;
    d.name = "d1";
    ASSERT_TRUE(Ddl([&](CatalogChange* ch) { return cat_->CreateDatabase(*conn_, ch, d); }).ok());
  }
  void Reopen() {
    auto cat = Catalog::Open(*conn_);
    ASSERT_TRUE(cat.ok()) << cat.status().ToString();
    cat_ = std::move(cat).value();
  }
  // Runs one DDL statement the way the executor does: BEGIN, ops, COMMIT,
  // Publish (or ROLLBACK on failure).
  template <typename F>
  Status Ddl(F f, std::vector<SqlWarning>* warnings = nullptr) {
    CatalogChange change;
    Status s = conn_->Exec("BEGIN IMMEDIATE");
    if (!s.ok()) return s;
    s = f(&change);
    if (s.ok()) s = conn_->Exec("COMMIT");
    if (!s.ok()) {
      EXPECT_TRUE(conn_->Exec("ROLLBACK").ok());
      return s;
    }
    if (warnings != nullptr) *warnings = change.warnings;
    last_affected_ = change.affected_rows;
    last_records_info_ = change.records_info;
    last_error_after_commit_ = change.error_after_commit;
    cat_->Publish(std::move(change));
    return Status::Ok();
  }
  Status Create(TableDef def, std::vector<SqlWarning>* warnings = nullptr, DdlOptions opt = {}) {
    return Ddl([&](CatalogChange* ch) { return cat_->CreateTable(*conn_, ch, def, opt); }, warnings);
  }
  Status Alter(const std::string& table, std::vector<TableAlterOp> ops,
               std::vector<SqlWarning>* warnings = nullptr, DdlOptions opt = {}) {
    return Ddl([&](CatalogChange* ch) { return cat_->AlterTable(*conn_, ch, "d1", table, ops, opt); },
               warnings);
  }
  Value Query(const std::string& sql) {
    auto v = conn_->QueryValue(sql);
    EXPECT_TRUE(v.ok()) << sql << ": " << v.status().ToString();
    return v.ok() ? v.value() : Value();
  }
  void Exec(const std::string& sql) { ASSERT_TRUE(conn_->Exec(sql).ok()) << sql; }
  static TableDef Simple(const std::string& name, std::vector<ColumnDef> cols,
                         std::vector<IndexDef> keys = {}) {
    TableDef t;
    t.db = "d1";
    t.name = name;
    t.columns = std::move(cols);
    t.indexes = std::move(keys);
    return t;
  }
  static void ExpectError(const Status& s, uint16_t code, const std::string& msg) {
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.mysql_errno(), code) << s.ToString();
    EXPECT_EQ(s.message(), msg);
  }

  TempDir dir_;
  std::unique_ptr<storage::Connection> conn_;
  std::unique_ptr<Catalog> cat_;
  // What the last successful Ddl() reported (CatalogChange's OK fields).
  uint64_t last_affected_ = 0;
  bool last_records_info_ = false;
  Status last_error_after_commit_;
};

// ---------------------------------------------------------------------------
// Serialization

TEST(Serialization, RoundTripsEveryField) {
  TableDef t = BigTable();
  t.engine = "MyISAM";
  t.charset = "latin1";
  t.collation = "latin1_bin";
  t.auto_increment = 18446744073709551615ull;
  t.columns[3].comment = "tab\there \"quoted\" back\\slash \x01 é";
  t.columns[0].default_is_null = true;
  t.indexes[1].comment = "key comment";
  std::string text = SerializeTableDef(t);
  auto back = ParseTableDef(text);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(SerializeTableDef(back.value()), text);
  const TableDef& u = back.value();
  EXPECT_EQ(u.auto_increment, t.auto_increment);
  EXPECT_EQ(u.columns[3].comment, t.columns[3].comment);
  EXPECT_EQ(u.columns[37].type.elements, (std::vector<std::string>{"a", "b", "c'q"}));
  EXPECT_EQ(u.columns[1].default_value, std::nullopt);
  EXPECT_EQ(u.columns[3].default_value, std::optional<std::string>("5"));
  EXPECT_TRUE(u.columns[0].default_is_null);
  EXPECT_EQ(u.indexes[2].columns[0].prefix_length, 10);
  EXPECT_TRUE(u.indexes[3].columns[0].descending);
  EXPECT_EQ(u.indexes[1].comment, "key comment");
  EXPECT_FALSE(ParseTableDef("{\"columns\":[{\"type\":\"nonsense\"}]}").ok());
  EXPECT_FALSE(ParseTableDef("not json").ok());
}

// ---------------------------------------------------------------------------
// Databases

TEST_F(CatalogTest, Databases) {
  DatabaseDef d;
  d.name = "d1";
  ExpectError(Ddl([&](CatalogChange* ch) { return cat_->CreateDatabase(*conn_, ch, d); }), 1007,
              "Can't create database 'd1'; database exists");
  std::vector<SqlWarning> w;
  DdlOptions ine;
  ine.if_not_exists = true;
  ASSERT_TRUE(Ddl([&](CatalogChange* ch) { return cat_->CreateDatabase(*conn_, ch, d, ine); }, &w).ok());
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0], (SqlWarning{SqlWarning::Level::kNote, 1007,
                              "Can't create database 'd1'; database exists"}));
  ExpectError(Ddl([&](CatalogChange* ch) { return cat_->DropDatabase(*conn_, ch, "nod"); }), 1008,
              "Can't drop database 'nod'; database doesn't exist");
  DdlOptions ie;
  ie.if_exists = true;
  ASSERT_TRUE(Ddl([&](CatalogChange* ch) { return cat_->DropDatabase(*conn_, ch, "nod", ie); }, &w).ok());
  EXPECT_EQ(w[0].code, 1008);
  DatabaseDef l;
  l.name = "Lat";
  l.charset = "latin1";
  ASSERT_TRUE(Ddl([&](CatalogChange* ch) { return cat_->CreateDatabase(*conn_, ch, l); }).ok());
  EXPECT_EQ(cat_->GetDatabase("Lat")->collation, "latin1_swedish_ci");
  EXPECT_FALSE(cat_->DatabaseExists("lat"));  // case-sensitive names
  EXPECT_EQ(last_affected_, 1u);  // CREATE DATABASE: 1 row affected
  EXPECT_EQ(cat_->ListDatabases(), (std::vector<std::string>{"Lat", "d1", "information_schema", "mysql"}));
  DatabaseDef bad;
  bad.name = "a.b";
  ExpectError(Ddl([&](CatalogChange* ch) { return cat_->CreateDatabase(*conn_, ch, bad); }), 1102,
              "Incorrect database name 'a.b'");
  // Tables inherit the database's charset.
  ASSERT_TRUE(Create([] {
                TableDef t = Simple("x", {Col("a", BaseType::kVarchar, 3)});
                t.db = "Lat";
                return t;
              }())
                  .ok());
  EXPECT_EQ(ShowCreateTable(*cat_->GetTable("Lat", "x")),
            "CREATE TABLE `x` (\n  `a` varchar(3) DEFAULT NULL\n) ENGINE=InnoDB DEFAULT "
            "CHARSET=latin1 COLLATE=latin1_swedish_ci");
  ASSERT_TRUE(Ddl([&](CatalogChange* ch) { return cat_->DropDatabase(*conn_, ch, "Lat"); }).ok());
  EXPECT_FALSE(cat_->DatabaseExists("Lat"));
  EXPECT_EQ(cat_->GetTable("Lat", "x"), nullptr);
  EXPECT_EQ(Query("SELECT count(*) FROM sqlite_master WHERE name = 'Lat.x'").int_value(), 0);
  EXPECT_EQ(Query("SELECT count(*) FROM rdb_tables WHERE db = 'Lat'").int_value(), 0);
}

// ---------------------------------------------------------------------------
// CREATE TABLE and rendering

TEST_F(CatalogTest, BigTableRendersLikeMariaDB) {
  ASSERT_TRUE(Create(BigTable()).ok());
  auto t = cat_->GetTable("d1", "t");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(ShowCreateTable(*t), kBigShowCreate);
  // Survives a reload from SQLite.
  Reopen();
  EXPECT_EQ(ShowCreateTable(*cat_->GetTable("d1", "t")), kBigShowCreate);
  // Now with AUTO_INCREMENT=7 (table option / counter).
  std::string with_ai = kBigShowCreate;
  with_ai.replace(with_ai.find(") ENGINE=InnoDB "), 16, ") ENGINE=InnoDB AUTO_INCREMENT=7 ");
  EXPECT_EQ(ShowCreateTable(*t, 7), with_ai);
}

TEST_F(CatalogTest, BigTableDescribe) {
  ASSERT_TRUE(Create(BigTable()).ok());
  auto rows = DescribeRows(*cat_->GetTable("d1", "t"));
  // Recorded DESCRIBE d1.t (Field, Type, Null, Key, Default, Extra).
  const char* want[][6] = {
      {"id", "int(11)", "NO", "PRI", nullptr, "auto_increment"},
      {"ti", "tinyint(4)", "YES", "", nullptr, ""},
      {"tiu", "tinyint(3) unsigned", "YES", "", nullptr, ""},
      {"si", "smallint(6)", "YES", "", "5", ""},
      {"mi", "mediumint(8) unsigned zerofill", "YES", "", nullptr, ""},
      {"i", "int(5)", "YES", "", "7", ""},
      {"bi", "bigint(20)", "YES", "MUL", nullptr, ""},
      {"biu", "bigint(20) unsigned", "NO", "UNI", nullptr, ""},
      {"de", "decimal(10,2)", "YES", "", "1.50", ""},
      {"de0", "decimal(10,0)", "YES", "", nullptr, ""},
      {"f", "float", "YES", "", nullptr, ""},
      {"f2", "float(7,3)", "YES", "", nullptr, ""},
      {"dbl", "double", "YES", "", nullptr, ""},
      {"dbl2", "double(10,4) unsigned", "YES", "", nullptr, ""},
      {"b", "bit(5)", "YES", "", "b'101'", ""},
      {"b1", "bit(1)", "YES", "", nullptr, ""},
      {"c", "char(10)", "YES", "", "x", ""},
      {"c0", "char(1)", "YES", "", nullptr, ""},
      {"vc", "varchar(20)", "NO", "MUL", nullptr, ""},
      {"vcb", "varchar(10)", "YES", "", nullptr, ""},
      {"vcl", "varchar(10)", "YES", "", nullptr, ""},
      {"bn", "binary(4)", "YES", "", nullptr, ""},
      {"vb", "varbinary(10)", "YES", "", nullptr, ""},
      {"tt", "tinytext", "YES", "", nullptr, ""},
      {"tx", "text", "YES", "MUL", nullptr, ""},
      {"mt", "mediumtext", "YES", "", nullptr, ""},
      {"lt", "longtext", "YES", "", nullptr, ""},
      {"tb", "tinyblob", "YES", "", nullptr, ""},
      {"bl", "blob", "YES", "", nullptr, ""},
      {"mb", "mediumblob", "YES", "", nullptr, ""},
      {"lb", "longblob", "YES", "", nullptr, ""},
      {"dt", "date", "YES", "", "2020-01-01", ""},
      {"dtt", "datetime(3)", "YES", "", "current_timestamp(3)", "on update current_timestamp(3)"},
      {"ts", "timestamp", "NO", "", "current_timestamp()", "on update current_timestamp()"},
      {"ts2", "timestamp", "YES", "", nullptr, ""},
      {"tm", "time(2)", "YES", "", nullptr, ""},
      {"y", "year(4)", "YES", "", nullptr, ""},
      {"e", "enum('a','b','c''q')", "NO", "", nullptr, ""},
      {"s", "set('x','y')", "YES", "", "x,y", ""},
      {"j", "longtext", "YES", "", nullptr, ""},
  };
  ASSERT_EQ(rows.size(), std::size(want));
  for (size_t r = 0; r < rows.size(); r++) {
    for (int k = 0; k < 6; k++) {
      Value expect = want[r][k] == nullptr ? Value::Null() : Value::String(want[r][k]);
      EXPECT_EQ(rows[r][k], expect) << want[r][0] << " column " << k;
    }
  }
}

TEST_F(CatalogTest, BigTableShowIndexAndStatistics) {
  ASSERT_TRUE(Create(BigTable()).ok());
  auto t = cat_->GetTable("d1", "t");
  auto rows = ShowIndexRows(*t);
  // Recorded SHOW INDEX FROM d1.t.
  ASSERT_EQ(rows.size(), 6u);
  auto S = [](const char* s) { return Value::String(s); };
  auto I = [](int64_t v) { return Value::Int(v); };
  Value N = Value::Null();
  std::vector<std::vector<Value>> want = {
      {S("t"), I(0), S("PRIMARY"), I(1), S("id"), S("A"), I(0), N, N, S(""), S("BTREE"), S(""), S(""), S("NO")},
      {S("t"), I(0), S("biu"), I(1), S("biu"), S("A"), I(0), N, N, S(""), S("BTREE"), S(""), S(""), S("NO")},
      {S("t"), I(0), S("uk"), I(1), S("vc"), S("A"), I(0), N, N, S(""), S("BTREE"), S(""), S(""), S("NO")},
      {S("t"), I(0), S("uk"), I(2), S("c"), S("A"), I(0), N, N, S("YES"), S("BTREE"), S(""), S(""), S("NO")},
      {S("t"), I(1), S("k2"), I(1), S("tx"), S("A"), I(0), I(10), N, S("YES"), S("BTREE"), S(""), S(""), S("NO")},
      {S("t"), I(1), S("bi"), I(1), S("bi"), S("D"), I(0), N, N, S("YES"), S("BTREE"), S(""), S(""), S("NO")},
  };
  EXPECT_EQ(rows, want);
  auto st = InformationSchemaStatisticsRows(*t);
  ASSERT_EQ(st.size(), 6u);
  EXPECT_EQ(InformationSchemaStatisticsColumns().size(), st[0].size());
  // ('def', 'd1', 't', 0, 'd1', 'PRIMARY', 1, 'id', 'A', 0, None, None, '', 'BTREE', '', '', 'NO')
  EXPECT_EQ(st[0], (std::vector<Value>{S("def"), S("d1"), S("t"), I(0), S("d1"), S("PRIMARY"), I(1),
                                       S("id"), S("A"), I(0), N, N, S(""), S("BTREE"), S(""), S(""),
                                       S("NO")}));
}

TEST_F(CatalogTest, BigTableInformationSchemaColumns) {
  ASSERT_TRUE(Create(BigTable()).ok());
  auto t = cat_->GetTable("d1", "t");
  auto rows = InformationSchemaColumnsRows(*t);
  ASSERT_EQ(rows.size(), t->columns.size());
  EXPECT_EQ(InformationSchemaColumnsColumns().size(), rows[0].size());
  // Recorded: (COLUMN_NAME, COLUMN_DEFAULT, IS_NULLABLE, DATA_TYPE,
  // CHARACTER_MAXIMUM_LENGTH, CHARACTER_OCTET_LENGTH, NUMERIC_PRECISION,
  // NUMERIC_SCALE, DATETIME_PRECISION, CHARACTER_SET_NAME, COLLATION_NAME,
  // COLUMN_TYPE, COLUMN_KEY, EXTRA) — "" stands for NULL where noted by N.
  struct W {
    const char* name;
    const char* dflt;
    const char* nullable;
    const char* data_type;
    int64_t max_len, octets, prec, scale, dt_prec;  // -1 = NULL
    const char* cs;
    const char* coll;
    const char* column_type;
    const char* key;
    const char* extra;
  };
  const W want[] = {
      {"id", nullptr, "NO", "int", -1, -1, 10, 0, -1, nullptr, nullptr, "int(11)", "PRI", "auto_increment"},
      {"ti", "NULL", "YES", "tinyint", -1, -1, 3, 0, -1, nullptr, nullptr, "tinyint(4)", "", ""},
      {"tiu", "NULL", "YES", "tinyint", -1, -1, 3, 0, -1, nullptr, nullptr, "tinyint(3) unsigned", "", ""},
      {"si", "5", "YES", "smallint", -1, -1, 5, 0, -1, nullptr, nullptr, "smallint(6)", "", ""},
      {"mi", "NULL", "YES", "mediumint", -1, -1, 8, 0, -1, nullptr, nullptr, "mediumint(8) unsigned zerofill", "", ""},
      {"i", "7", "YES", "int", -1, -1, 10, 0, -1, nullptr, nullptr, "int(5)", "", ""},
      {"bi", "NULL", "YES", "bigint", -1, -1, 19, 0, -1, nullptr, nullptr, "bigint(20)", "", ""},
      {"biu", nullptr, "NO", "bigint", -1, -1, 20, 0, -1, nullptr, nullptr, "bigint(20) unsigned", "", ""},
      {"de", "1.50", "YES", "decimal", -1, -1, 10, 2, -1, nullptr, nullptr, "decimal(10,2)", "", ""},
      {"de0", "NULL", "YES", "decimal", -1, -1, 10, 0, -1, nullptr, nullptr, "decimal(10,0)", "", ""},
      {"f", "NULL", "YES", "float", -1, -1, 12, -1, -1, nullptr, nullptr, "float", "", ""},
      {"f2", "NULL", "YES", "float", -1, -1, 7, 3, -1, nullptr, nullptr, "float(7,3)", "", ""},
      {"dbl", "NULL", "YES", "double", -1, -1, 22, -1, -1, nullptr, nullptr, "double", "", ""},
      {"dbl2", "NULL", "YES", "double", -1, -1, 10, 4, -1, nullptr, nullptr, "double(10,4) unsigned", "", ""},
      {"b", "b'101'", "YES", "bit", -1, -1, 5, -1, -1, nullptr, nullptr, "bit(5)", "", ""},
      {"b1", "NULL", "YES", "bit", -1, -1, 1, -1, -1, nullptr, nullptr, "bit(1)", "", ""},
      {"c", "'x'", "YES", "char", 10, 40, -1, -1, -1, "utf8mb4", "utf8mb4_general_ci", "char(10)", "", ""},
      {"c0", "NULL", "YES", "char", 1, 4, -1, -1, -1, "utf8mb4", "utf8mb4_general_ci", "char(1)", "", ""},
      {"vc", nullptr, "NO", "varchar", 20, 80, -1, -1, -1, "utf8mb4", "utf8mb4_general_ci", "varchar(20)", "", ""},
      {"vcb", "NULL", "YES", "varchar", 10, 40, -1, -1, -1, "utf8mb4", "utf8mb4_bin", "varchar(10)", "", ""},
      {"vcl", "NULL", "YES", "varchar", 10, 10, -1, -1, -1, "latin1", "latin1_swedish_ci", "varchar(10)", "", ""},
      {"bn", "NULL", "YES", "binary", 4, 4, -1, -1, -1, nullptr, nullptr, "binary(4)", "", ""},
      {"vb", "NULL", "YES", "varbinary", 10, 10, -1, -1, -1, nullptr, nullptr, "varbinary(10)", "", ""},
      {"tt", "NULL", "YES", "tinytext", 255, 255, -1, -1, -1, "utf8mb4", "utf8mb4_general_ci", "tinytext", "", ""},
      {"tx", "NULL", "YES", "text", 65535, 65535, -1, -1, -1, "utf8mb4", "utf8mb4_general_ci", "text", "", ""},
      {"mt", "NULL", "YES", "mediumtext", 16777215, 16777215, -1, -1, -1, "utf8mb4", "utf8mb4_general_ci", "mediumtext", "", ""},
      {"lt", "NULL", "YES", "longtext", 4294967295, 4294967295, -1, -1, -1, "utf8mb4", "utf8mb4_general_ci", "longtext", "", ""},
      {"tb", "NULL", "YES", "tinyblob", 255, 255, -1, -1, -1, nullptr, nullptr, "tinyblob", "", ""},
      {"bl", "NULL", "YES", "blob", 65535, 65535, -1, -1, -1, nullptr, nullptr, "blob", "", ""},
      {"mb", "NULL", "YES", "mediumblob", 16777215, 16777215, -1, -1, -1, nullptr, nullptr, "mediumblob", "", ""},
      {"lb", "NULL", "YES", "longblob", 4294967295, 4294967295, -1, -1, -1, nullptr, nullptr, "longblob", "", ""},
      {"dt", "'2020-01-01'", "YES", "date", -1, -1, -1, -1, -1, nullptr, nullptr, "date", "", ""},
      {"dtt", "current_timestamp(3)", "YES", "datetime", -1, -1, -1, -1, 3, nullptr, nullptr, "datetime(3)", "", "on update current_timestamp(3)"},
      {"ts", "current_timestamp()", "NO", "timestamp", -1, -1, -1, -1, 0, nullptr, nullptr, "timestamp", "", "on update current_timestamp()"},
      {"ts2", "NULL", "YES", "timestamp", -1, -1, -1, -1, 0, nullptr, nullptr, "timestamp", "", ""},
      {"tm", "NULL", "YES", "time", -1, -1, -1, -1, 2, nullptr, nullptr, "time(2)", "", ""},
      {"y", "NULL", "YES", "year", -1, -1, -1, -1, -1, nullptr, nullptr, "year(4)", "", ""},
      {"e", nullptr, "NO", "enum", 3, 12, -1, -1, -1, "utf8mb4", "utf8mb4_general_ci", "enum('a','b','c''q')", "", ""},
      {"s", "'x,y'", "YES", "set", 3, 12, -1, -1, -1, "utf8mb4", "utf8mb4_general_ci", "set('x','y')", "", ""},
      {"j", "NULL", "YES", "longtext", 4294967295, 4294967295, -1, -1, -1, "utf8mb4", "utf8mb4_bin", "longtext", "", ""},
  };
  // The recorded table had no keys besides PRIMARY KEY (big2 in the notes);
  // compare keys separately.
  auto num = [](int64_t v) { return v < 0 ? Value::Null() : Value::UInt(static_cast<uint64_t>(v)); };
  auto str = [](const char* s) { return s == nullptr ? Value::Null() : Value::String(s); };
  for (size_t r = 0; r < rows.size(); r++) {
    const W& w = want[r];
    const auto& row = rows[r];
    EXPECT_EQ(row[0], Value::String("def"));
    EXPECT_EQ(row[1], Value::String("d1"));
    EXPECT_EQ(row[2], Value::String("t"));
    EXPECT_EQ(row[3], Value::String(w.name));
    EXPECT_EQ(row[4], Value::UInt(r + 1));
    EXPECT_EQ(row[5], str(w.dflt)) << w.name;
    EXPECT_EQ(row[6], Value::String(w.nullable)) << w.name;
    EXPECT_EQ(row[7], Value::String(w.data_type)) << w.name;
    EXPECT_EQ(row[8], num(w.max_len)) << w.name;
    EXPECT_EQ(row[9], num(w.octets)) << w.name;
    EXPECT_EQ(row[10], num(w.prec)) << w.name;
    EXPECT_EQ(row[11], num(w.scale)) << w.name;
    EXPECT_EQ(row[12], num(w.dt_prec)) << w.name;
    EXPECT_EQ(row[13], str(w.cs)) << w.name;
    EXPECT_EQ(row[14], str(w.coll)) << w.name;
    EXPECT_EQ(row[15], Value::String(w.column_type)) << w.name;
    if (std::string(w.key) == "PRI") {
      EXPECT_EQ(row[16], Value::String("PRI"));
    }
    EXPECT_EQ(row[17], Value::String(w.extra)) << w.name;
    EXPECT_EQ(row[18], Value::String("select,insert,update,references"));
    EXPECT_EQ(row[20], Value::String("NEVER"));
    EXPECT_TRUE(row[21].is_null());
  }
  EXPECT_EQ(rows[18][19], Value::String("hello 'c'"));
  auto tables = InformationSchemaTablesRow(*t, Value::UInt(0), Value::UInt(7), Value::Null());
  EXPECT_EQ(InformationSchemaTablesColumns().size(), tables.size());
  EXPECT_EQ(tables[3], Value::String("BASE TABLE"));
  EXPECT_EQ(tables[13], Value::UInt(7));
  EXPECT_EQ(tables[17], Value::String("utf8mb4_general_ci"));
  EXPECT_EQ(tables[20], Value::String("tbl comment"));
  auto schemata = InformationSchemaSchemataRow(*cat_->GetDatabase("d1"));
  EXPECT_EQ(schemata, (std::vector<Value>{Value::String("def"), Value::String("d1"),
                                          Value::String("utf8mb4"), Value::String("utf8mb4_general_ci"),
                                          Value::Null(), Value::String("")}));
}

TEST_F(CatalogTest, DefaultsRenderLikeMariaDB) {
  // create table d1.dd(a int default -1, b float default 1.5, c double
  //   default 1e20, d decimal(5,2) default -0, e char(3) default '', f year
  //   default 2024, g enum('a','b') default 'b', h time default '10:00',
  //   i bit(8) default 0, j bit(8) default 255, k datetime default
  //   '2024-01-02 3:4:5', l tinyint unsigned default '3', n bigint unsigned
  //   default 18446744073709551615, o float(5,2) default 3, p double default
  //   -0.5, q set('a','b') default '', r timestamp(2) not null default
  //   '2024-01-01 00:00:00.5', s date default 0, u int default null, v int
  //   not null, w varchar(5) not null default 'x', x datetime default now(),
  //   y datetime(6) default current_timestamp(6), z timestamp null default
  //   null on update current_timestamp, zf int(3) unsigned zerofill not null
  //   default 4, m varchar(10) default 'a\\b\nc') comment='it''s'
  auto with_default = [](ColumnDef c, const char* d, bool expr = false) {
    c.default_value = d;
    c.default_is_expression = expr;
    return c;
  };
  ColumnDef g = Col("g", BaseType::kEnum);
  g.type.elements = {"a", "b"};
  ColumnDef q = Col("q", BaseType::kSet);
  q.type.elements = {"a", "b"};
  ColumnDef r = Col("r", BaseType::kTimestamp, -1, 2);
  r.nullable = false;
  ColumnDef u = Col("u", BaseType::kInt);
  u.default_is_null = true;
  ColumnDef v = Col("v", BaseType::kInt);
  v.nullable = false;
  ColumnDef w = Col("w", BaseType::kVarchar, 5);
  w.nullable = false;
  ColumnDef z = Col("z", BaseType::kTimestamp);
  z.default_is_null = true;
  z.on_update_current_timestamp = true;
  ColumnDef zf = Col("zf", BaseType::kInt, 3, -1, true);
  zf.type.zerofill = true;
  zf.nullable = false;
  TableDef t = Simple(
      "dd", {with_default(Col("a", BaseType::kInt), "-1"), with_default(Col("b", BaseType::kFloat), "1.5"),
             with_default(Col("c", BaseType::kDouble), "1e20"),
             with_default(Col("d", BaseType::kDecimal, 5, 2), "-0"),
             with_default(Col("e", BaseType::kChar, 3), ""), with_default(Col("f", BaseType::kYear), "2024"),
             with_default(g, "b"), with_default(Col("h", BaseType::kTime), "10:00"),
             with_default(Col("i", BaseType::kBit, 8), "0"), with_default(Col("j", BaseType::kBit, 8), "255"),
             with_default(Col("k", BaseType::kDatetime), "2024-01-02 3:4:5"),
             with_default(Col("l", BaseType::kTinyInt, -1, -1, true), "3"),
             with_default(Col("n", BaseType::kBigInt, -1, -1, true), "18446744073709551615"),
             with_default(Col("o", BaseType::kFloat, 5, 2), "3"),
             with_default(Col("p", BaseType::kDouble), "-0.5"), with_default(q, ""),
             with_default(r, "2024-01-01 00:00:00.5"), with_default(Col("s", BaseType::kDate), "0"), u, v,
             with_default(w, "x"), with_default(Col("x", BaseType::kDatetime), "now()", true),
             with_default(Col("y", BaseType::kDatetime, -1, 6), "current_timestamp(6)", true), z,
             with_default(zf, "4"), with_default(Col("m", BaseType::kVarchar, 10), "a\\b\nc")});
  t.comment = "it's";
  ASSERT_TRUE(Create(t).ok());
  EXPECT_EQ(ShowCreateTable(*cat_->GetTable("d1", "dd")),
            "CREATE TABLE `dd` (\n"
            "  `a` int(11) DEFAULT -1,\n"
            "  `b` float DEFAULT 1.5,\n"
            "  `c` double DEFAULT 1e20,\n"
            "  `d` decimal(5,2) DEFAULT 0.00,\n"
            "  `e` char(3) DEFAULT '',\n"
            "  `f` year(4) DEFAULT 2024,\n"
            "  `g` enum('a','b') DEFAULT 'b',\n"
            "  `h` time DEFAULT '10:00:00',\n"
            "  `i` bit(8) DEFAULT b'0',\n"
            "  `j` bit(8) DEFAULT b'11111111',\n"
            "  `k` datetime DEFAULT '2024-01-02 03:04:05',\n"
            "  `l` tinyint(3) unsigned DEFAULT 3,\n"
            "  `n` bigint(20) unsigned DEFAULT 18446744073709551615,\n"
            "  `o` float(5,2) DEFAULT 3.00,\n"
            "  `p` double DEFAULT -0.5,\n"
            "  `q` set('a','b') DEFAULT '',\n"
            "  `r` timestamp(2) NOT NULL DEFAULT '2024-01-01 00:00:00.50',\n"
            "  `s` date DEFAULT '0000-00-00',\n"
            "  `u` int(11) DEFAULT NULL,\n"
            "  `v` int(11) NOT NULL,\n"
            "  `w` varchar(5) NOT NULL DEFAULT 'x',\n"
            "  `x` datetime DEFAULT current_timestamp(),\n"
            "  `y` datetime(6) DEFAULT current_timestamp(6),\n"
            "  `z` timestamp NULL DEFAULT NULL ON UPDATE current_timestamp(),\n"
            "  `zf` int(3) unsigned zerofill NOT NULL DEFAULT 004,\n"
            "  `m` varchar(10) DEFAULT 'a\\\\b\\nc'\n"
            ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='it''s'");
  auto rows = DescribeRows(*cat_->GetTable("d1", "dd"));
  EXPECT_EQ(rows[8][4], Value::String("b'0'"));
  EXPECT_EQ(rows[9][4], Value::String("b'11111111'"));
  EXPECT_EQ(rows[18][4], Value::Null());
  EXPECT_EQ(rows[19][4], Value::Null());
  EXPECT_EQ(rows[23][5], Value::String("on update current_timestamp()"));
  EXPECT_EQ(rows[24][4], Value::String("004"));  // DESCRIBE pads zerofill defaults too
  auto cols = InformationSchemaColumnsRows(*cat_->GetTable("d1", "dd"));
  EXPECT_EQ(cols[4][5], Value::String("''"));
  EXPECT_EQ(cols[7][5], Value::String("'10:00:00'"));
  EXPECT_EQ(cols[18][5], Value::String("NULL"));
  EXPECT_TRUE(cols[19][5].is_null());
  EXPECT_EQ(cols[24][5], Value::String("004"));
}

TEST_F(CatalogTest, GeneratedKeyNamesAndMariaDBKeyOrder) {
  // create table x(a int, b int, primary key(a), key(b), unique(b), key k3(a,b))
  ASSERT_TRUE(Create(Simple("x", {Col("a", BaseType::kInt), Col("b", BaseType::kInt)},
                            {Key(IndexKind::kPrimary, "", {{"a"}}), Key(IndexKind::kIndex, "", {{"b"}}),
                             Key(IndexKind::kUnique, "", {{"b"}}),
                             Key(IndexKind::kIndex, "k3", {{"a"}, {"b"}})}))
                  .ok());
  EXPECT_EQ(ShowCreateTable(*cat_->GetTable("d1", "x")),
            "CREATE TABLE `x` (\n  `a` int(11) NOT NULL,\n  `b` int(11) DEFAULT NULL,\n  PRIMARY KEY "
            "(`a`),\n  UNIQUE KEY `b_2` (`b`),\n  KEY `b` (`b`),\n  KEY `k3` (`a`,`b`)\n) "
            "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci");
  // create table y(a varchar(5) not null, b int not null, key(a), unique key(b),
  //   unique(a(2)), primary key(b,a))
  ColumnDef a = Col("a", BaseType::kVarchar, 5);
  a.nullable = false;
  ColumnDef b = Col("b", BaseType::kInt);
  b.nullable = false;
  ASSERT_TRUE(Create(Simple("y", {a, b},
                            {Key(IndexKind::kIndex, "", {{"a"}}), Key(IndexKind::kUnique, "", {{"b"}}),
                             Key(IndexKind::kUnique, "", {{"a", 2}}),
                             Key(IndexKind::kPrimary, "", {{"b"}, {"a"}})}))
                  .ok());
  EXPECT_EQ(ShowCreateTable(*cat_->GetTable("d1", "y")),
            "CREATE TABLE `y` (\n  `a` varchar(5) NOT NULL,\n  `b` int(11) NOT NULL,\n  PRIMARY KEY "
            "(`b`,`a`),\n  UNIQUE KEY `b` (`b`),\n  UNIQUE KEY `a_2` (`a`(2)),\n  KEY `a` (`a`)\n) "
            "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci");
  // create table hx(a text, b blob, unique(a), unique(b(10)), fulltext(a))
  ASSERT_TRUE(Create(Simple("hx", {Col("a", BaseType::kText), Col("b", BaseType::kBlob)},
                            {Key(IndexKind::kUnique, "", {{"a"}}), Key(IndexKind::kUnique, "", {{"b", 10}}),
                             Key(IndexKind::kFulltext, "", {{"a"}})}))
                  .ok());
  auto hx = cat_->GetTable("d1", "hx");
  EXPECT_EQ(ShowCreateTable(*hx),
            "CREATE TABLE `hx` (\n  `a` text DEFAULT NULL,\n  `b` blob DEFAULT NULL,\n  UNIQUE KEY "
            "`b` (`b`(10)),\n  UNIQUE KEY `a` (`a`) USING HASH,\n  FULLTEXT KEY `a_2` (`a`)\n) "
            "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci");
  auto idx = ShowIndexRows(*hx);
  ASSERT_EQ(idx.size(), 3u);
  // hx 0 a 1 a A NULL NULL NULL YES HASH / hx 1 a_2 1 a NULL NULL NULL NULL YES FULLTEXT
  EXPECT_EQ(idx[1][5], Value::String("A"));
  EXPECT_TRUE(idx[1][6].is_null());
  EXPECT_EQ(idx[1][10], Value::String("HASH"));
  EXPECT_TRUE(idx[2][5].is_null());
  EXPECT_TRUE(idx[2][6].is_null());
  EXPECT_EQ(idx[2][10], Value::String("FULLTEXT"));
  EXPECT_EQ(idx[0][7], Value::Int(10));
  // create table k(a int, key (a) comment 'hi') comment 'xx'
  ASSERT_TRUE(Create(Simple("k", {Col("a", BaseType::kInt)}, {Key(IndexKind::kIndex, "", {{"a"}}, "hi")})).ok());
  EXPECT_EQ(ShowCreateTable(*cat_->GetTable("d1", "k")),
            "CREATE TABLE `k` (\n  `a` int(11) DEFAULT NULL,\n  KEY `a` (`a`) COMMENT 'hi'\n) "
            "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci");
  EXPECT_EQ(ShowIndexRows(*cat_->GetTable("d1", "k"))[0][12], Value::String("hi"));
}

TEST_F(CatalogTest, LongKeysAreShortenedWithANote) {
  // create table x(a varchar(800), key(a)) → KEY `a` (`a`(768)) + Note 1071;
  // create table y(a text, key(a)) → KEY `a` (`a`(768)).
  std::vector<SqlWarning> w;
  ASSERT_TRUE(Create(Simple("x", {Col("a", BaseType::kVarchar, 800)}, {Key(IndexKind::kIndex, "", {{"a"}})}), &w).ok());
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0], (SqlWarning{SqlWarning::Level::kNote, 1071,
                              "Specified key was too long; max key length is 3072 bytes"}));
  EXPECT_NE(ShowCreateTable(*cat_->GetTable("d1", "x")).find("KEY `a` (`a`(768))"), std::string::npos);
  ASSERT_TRUE(Create(Simple("y", {Col("a", BaseType::kText)}, {Key(IndexKind::kIndex, "", {{"a"}})}), &w).ok());
  EXPECT_NE(ShowCreateTable(*cat_->GetTable("d1", "y")).find("KEY `a` (`a`(768))"), std::string::npos);
  // ... but a PRIMARY KEY over 3072 bytes is an error.
  ExpectError(Create(Simple("z", {Col("a", BaseType::kVarchar, 800)}, {Key(IndexKind::kPrimary, "", {{"a"}})})),
              1071, "Specified key was too long; max key length is 3072 bytes");
  // Duplicate index: Note 1831.
  ASSERT_TRUE(Create(Simple("dup", {Col("a", BaseType::kVarchar, 3)},
                            {Key(IndexKind::kUnique, "", {{"a"}}), Key(IndexKind::kUnique, "", {{"a"}})}),
                     &w)
                  .ok());
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].message, "Duplicate index `a_2`. This is deprecated and will be disallowed in a future release");
}

TEST_F(CatalogTest, CreateTableErrorsAreMariaDBs) {
  ExpectError(Create(Simple("t", {Col("a", BaseType::kInt), Col("A", BaseType::kInt)})), 1060,
              "Duplicate column name 'A'");
  ExpectError(Create(Simple("t", {Col("a", BaseType::kInt), Col("b", BaseType::kInt)},
                            {Key(IndexKind::kPrimary, "", {{"a"}}), Key(IndexKind::kPrimary, "", {{"b"}})})),
              1068, "Multiple primary key defined");
  ColumnDef ai = Col("a", BaseType::kInt);
  ai.auto_increment = true;
  const char* k1075 = "Incorrect table definition; there can be only one auto column and it must be defined as a key";
  ExpectError(Create(Simple("t", {ai})), 1075, k1075);
  ExpectError(Create(Simple("t", {ai, Col("b", BaseType::kInt)}, {Key(IndexKind::kIndex, "", {{"b"}, {"a"}})})),
              1075, k1075);
  ExpectError(Create(Simple("t", {Col("a", BaseType::kInt)},
                            {Key(IndexKind::kIndex, "k", {{"a"}}), Key(IndexKind::kIndex, "k", {{"a"}})})),
              1061, "Duplicate key name 'k'");
  ExpectError(Create(Simple("t", {Col("a", BaseType::kInt)}, {Key(IndexKind::kIndex, "k", {{"b"}})})), 1072,
              "Key column 'b' doesn't exist in table");
  ExpectError(Create(Simple("t", {Col("a", BaseType::kBlob)}, {Key(IndexKind::kPrimary, "", {{"a"}})})), 1170,
              "BLOB/TEXT column 'a' used in key specification without a key length");
  ExpectError(Create(Simple("t", {Col("a", BaseType::kVarchar, 20000)})), 1074,
              "Column length too big for column 'a' (max = 16383); use BLOB or TEXT instead");
  ExpectError(Create(Simple("t", {Col("a", BaseType::kVarbinary, 70000)})), 1074,
              "Column length too big for column 'a' (max = 65532); use BLOB or TEXT instead");
  ExpectError(Create(Simple("t", {Col("a", BaseType::kChar, 256)})), 1074,
              "Column length too big for column 'a' (max = 255); use BLOB or TEXT instead");
  ColumnDef bad_default = Col("a", BaseType::kInt);
  bad_default.default_value = "abc";
  ExpectError(Create(Simple("t", {bad_default})), 1067, "Invalid default value for 'a'");
  ColumnDef nn_null = Col("a", BaseType::kInt);
  nn_null.nullable = false;
  nn_null.default_is_null = true;
  nn_null.default_value = "NULL";
  ExpectError(Create(Simple("t", {nn_null})), 1067, "Invalid default value for 'a'");
  TableDef nodb = Simple("t", {Col("a", BaseType::kInt)});
  nodb.db = "nodb";
  ExpectError(Create(nodb), 1049, "Unknown database 'nodb'");
  ExpectError(Create(Simple("t", {Col("a", BaseType::kTinyInt, 300)})), 1439,
              "Display width out of range for 'a' (max = 255)");
  ExpectError(Create(Simple("t", {Col("a", BaseType::kDecimal, 66, 2)})), 1426,
              "Too big precision specified for 'a'. Maximum is 65");
  ExpectError(Create(Simple("t", {Col("a", BaseType::kDecimal, 10, 11)})), 1427,
              "For float(M,D), double(M,D) or decimal(M,D), M must be >= D (column 'a')");
  ExpectError(Create(Simple("t", {Col("a", BaseType::kBit, 65)})), 1439,
              "Display width out of range for 'a' (max = 64)");
  ExpectError(Create(Simple("t", {Col("a", BaseType::kDatetime, -1, 7)})), 1426,
              "Too big precision specified for 'a'. Maximum is 6");
  ExpectError(Create(Simple("t", {Col("a", BaseType::kFloat, 256, 2)})), 1439,
              "Display width out of range for 'a' (max = 255)");
  ExpectError(Create(Simple("t", {Col("a", BaseType::kDouble, 10, 31)})), 1425,
              "Too big scale 31 specified for 'a'. Maximum is 30");
  ColumnDef en = Col("a", BaseType::kEnum);
  en.type.elements = {"a", "A"};
  ExpectError(Create(Simple("t", {en})), 1291, "Column 'a' has duplicated value 'a' in ENUM");
  ColumnDef se = Col("a", BaseType::kSet);
  se.type.elements = {"a", "b", "a"};
  ExpectError(Create(Simple("t", {se})), 1291, "Column 'a' has duplicated value 'a' in SET");
  ColumnDef bd = Col("a", BaseType::kDate);
  bd.default_value = "2024-02-30";
  ExpectError(Create(Simple("t", {bd})), 1067, "Invalid default value for 'a'");
  ColumnDef vd = Col("a", BaseType::kVarchar, 3);
  vd.default_value = "abcd";
  ExpectError(Create(Simple("t", {vd})), 1067, "Invalid default value for 'a'");
  const char* k1089 =
      "Incorrect prefix key; the used key part isn't a string, the used length is longer than the "
      "key part, or the storage engine doesn't support unique prefix keys";
  ExpectError(Create(Simple("t", {Col("a", BaseType::kInt)}, {Key(IndexKind::kPrimary, "", {{"a", 2}})})), 1089, k1089);
  ExpectError(Create(Simple("t", {Col("a", BaseType::kVarchar, 10)}, {Key(IndexKind::kIndex, "", {{"a", 20}})})), 1089, k1089);
  ExpectError(Create(Simple("t", {Col("a", BaseType::kInt)}, {Key(IndexKind::kIndex, "", {{"a"}, {"a"}})})), 1060,
              "Duplicate column name 'a'");
  ColumnDef aid = Col("a", BaseType::kInt);
  aid.auto_increment = true;
  aid.default_value = "5";
  ExpectError(Create(Simple("t", {aid}, {Key(IndexKind::kPrimary, "", {{"a"}})})), 1067,
              "Invalid default value for 'a'");
  ColumnDef vai = Col("a", BaseType::kVarchar, 3);
  vai.auto_increment = true;
  ExpectError(Create(Simple("t", {vai}, {Key(IndexKind::kPrimary, "", {{"a"}})})), 1063,
              "Incorrect column specifier for column 'a'");
  ExpectError(Create(Simple("t", {Col("a", BaseType::kInt)}, {Key(IndexKind::kIndex, "primary", {{"a"}})})), 1280,
              "Incorrect index name 'primary'");
  ExpectError(Create(Simple(std::string(73, 'a'), {Col("a", BaseType::kInt)})), 1103,
              "Incorrect table name '" + std::string(73, 'a') + "'");
  ExpectError(Create(Simple("t", {Col(std::string(73, 'a'), BaseType::kInt)})), 1059,
              "Identifier name '" + std::string(73, 'a') + "' is too long");
  TableDef foo = Simple("t", {Col("a", BaseType::kInt)});
  foo.engine = "foo";
  ExpectError(Create(foo), 1286, "Unknown storage engine 'foo'");
  {
    std::vector<SqlWarning> ew;
    DdlOptions loose;
    loose.sql_mode = 0;
    foo.name = "sub";
    ASSERT_TRUE(Create(foo, &ew, loose).ok());
    ASSERT_EQ(ew.size(), 2u);
    EXPECT_EQ(ew[1], (SqlWarning{SqlWarning::Level::kWarning, 1266, "Using storage engine InnoDB for table 'sub'"}));
    EXPECT_EQ(cat_->GetTable("d1", "sub")->engine, "InnoDB");
    foo.name = "my";
    foo.engine = "myisam";
    ASSERT_TRUE(Create(foo).ok());
    EXPECT_EQ(cat_->GetTable("d1", "my")->engine, "MyISAM");
  }
  // Nothing was left behind by the failed statements.
  EXPECT_EQ(cat_->GetTable("d1", "t"), nullptr);
  EXPECT_EQ(Query("SELECT count(*) FROM sqlite_master WHERE tbl_name = 'd1.t'").int_value(), 0);
  ASSERT_TRUE(Create(Simple("t", {Col("a", BaseType::kInt)})).ok());
  ExpectError(Create(Simple("t", {Col("a", BaseType::kInt)})), 1050, "Table 't' already exists");
  std::vector<SqlWarning> w;
  DdlOptions ine;
  ine.if_not_exists = true;
  ASSERT_TRUE(Create(Simple("t", {Col("a", BaseType::kInt)}), &w, ine).ok());
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0], (SqlWarning{SqlWarning::Level::kNote, 1050, "Table 't' already exists"}));
}

TEST_F(CatalogTest, SqliteSchemaFollowsTheMapping) {
  ASSERT_TRUE(Create(BigTable()).ok());
  std::string sql = Query("SELECT sql FROM sqlite_master WHERE name = 'd1.t'").string_value();
  EXPECT_NE(sql.find("\"id\" INTEGER NOT NULL"), std::string::npos) << sql;
  EXPECT_NE(sql.find("\"biu\" TEXT COLLATE rdb_num NOT NULL"), std::string::npos);
  EXPECT_NE(sql.find("\"de\" TEXT COLLATE rdb_num"), std::string::npos);
  EXPECT_NE(sql.find("\"vc\" TEXT COLLATE rdb_ci NOT NULL"), std::string::npos);
  EXPECT_NE(sql.find("\"vcb\" TEXT COLLATE rdb_bin"), std::string::npos);
  EXPECT_NE(sql.find("\"tm\" TEXT COLLATE rdb_time"), std::string::npos);
  EXPECT_NE(sql.find("\"bn\" BLOB"), std::string::npos);
  EXPECT_EQ(Query("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'd1.t'").int_value(), 5);
  EXPECT_EQ(Query("SELECT sql FROM sqlite_master WHERE name = 'rdb_ix1_primary'").string_value(),
            "CREATE UNIQUE INDEX \"rdb_ix1_primary\" ON \"d1.t\" (\"id\")");
  EXPECT_EQ(cat_->SqliteIndexName("d1", "t", "PRIMARY"), "rdb_ix1_primary");
}

TEST_F(CatalogTest, UniqueConstraintsMapBackToKeys) {
  ColumnDef a = Col("a", BaseType::kVarchar, 10);
  ColumnDef b = Col("b", BaseType::kInt);
  ASSERT_TRUE(Create(Simple("u", {a, b},
                            {Key(IndexKind::kPrimary, "", {{"b"}}), Key(IndexKind::kUnique, "pre", {{"a", 3}})}))
                  .ok());
  auto t = cat_->GetTable("d1", "u");
  Exec("INSERT INTO \"d1.u\" VALUES('abcdef', 1)");
  // The unique prefix key is enforced (MariaDB: 'abcxyz' duplicates 'abc').
  EXPECT_FALSE(conn_->Exec("INSERT INTO \"d1.u\" VALUES('ABCxyz', 2)").ok());
  storage::ConstraintInfo info;
  ASSERT_TRUE(storage::ParseConstraintMessage(conn_->last_error().message, "d1.u", &info));
  const IndexDef* k = Catalog::KeyForConstraint(*t, info);
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(k->name, "pre");
  EXPECT_FALSE(conn_->Exec("INSERT INTO \"d1.u\" VALUES('zzz', 1)").ok());
  ASSERT_TRUE(storage::ParseConstraintMessage(conn_->last_error().message, "d1.u", &info));
  k = Catalog::KeyForConstraint(*t, info);
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(k->name, "PRIMARY");
}

// ---------------------------------------------------------------------------
// Transactions, publishing, other DDL

TEST_F(CatalogTest, RolledBackDdlLeavesNoTrace) {
  uint64_t v = cat_->version();
  CatalogChange change;
  ASSERT_TRUE(conn_->Exec("BEGIN").ok());
  ASSERT_TRUE(cat_->CreateTable(*conn_, &change, Simple("r", {Col("a", BaseType::kInt)})).ok());
  // Not visible before Publish.
  EXPECT_EQ(cat_->GetTable("d1", "r"), nullptr);
  ASSERT_TRUE(conn_->Exec("ROLLBACK").ok());
  EXPECT_EQ(cat_->version(), v);
  EXPECT_EQ(Query("SELECT count(*) FROM sqlite_master WHERE name = 'd1.r'").int_value(), 0);
  Reopen();
  EXPECT_EQ(cat_->GetTable("d1", "r"), nullptr);
  v = cat_->version();
  // The same name can be created afterwards.
  ASSERT_TRUE(Create(Simple("r", {Col("a", BaseType::kInt)})).ok());
  EXPECT_GT(cat_->version(), v);
  EXPECT_EQ(cat_->ListTables("d1"), (std::vector<std::string>{"r"}));
}

TEST_F(CatalogTest, DropAndRename) {
  ASSERT_TRUE(Create(Simple("a", {Col("x", BaseType::kInt)})).ok());
  ASSERT_TRUE(Create(Simple("b", {Col("y", BaseType::kInt)})).ok());
  Exec("INSERT INTO \"d1.a\" VALUES(1)");
  ExpectError(Ddl([&](CatalogChange* ch) { return cat_->DropTable(*conn_, ch, "d1", "nosuch"); }), 1051,
              "Unknown table 'd1.nosuch'");
  EXPECT_EQ(UnknownTableError({"d1.nosuch", "d1.nosuch2"}).message(), "Unknown table 'd1.nosuch,d1.nosuch2'");
  ExpectError(Ddl([&](CatalogChange* ch) { return cat_->RenameTable(*conn_, ch, "d1", "nosuch", "d1", "x"); }),
              1146, "Table 'd1.nosuch' doesn't exist");
  ExpectError(Ddl([&](CatalogChange* ch) { return cat_->RenameTable(*conn_, ch, "d1", "a", "d1", "b"); }), 1050,
              "Table 'b' already exists");
  ExpectError(Ddl([&](CatalogChange* ch) { return cat_->RenameTable(*conn_, ch, "d1", "a", "nodb", "a"); }),
              1025,
              "Error on rename of './d1/a' to './nodb/a' (errno: 168 \"Unknown (generic) error from engine\")");
  // RENAME TABLE a TO tmp, b TO a, tmp TO b: one statement, one change.
  ASSERT_TRUE(Ddl([&](CatalogChange* ch) {
                RETURN_IF_ERROR(cat_->RenameTable(*conn_, ch, "d1", "a", "d1", "tmp"));
                RETURN_IF_ERROR(cat_->RenameTable(*conn_, ch, "d1", "b", "d1", "a"));
                return cat_->RenameTable(*conn_, ch, "d1", "tmp", "d1", "b");
              }).ok());
  EXPECT_EQ(cat_->GetTable("d1", "a")->columns[0].name, "y");
  EXPECT_EQ(cat_->GetTable("d1", "b")->columns[0].name, "x");
  EXPECT_EQ(cat_->GetTable("d1", "b")->name, "b");
  EXPECT_EQ(Query("SELECT x FROM \"d1.b\"").int_value(), 1);
  // Across databases.
  DatabaseDef d2;
  d2.name = "d2";
  ASSERT_TRUE(Ddl([&](CatalogChange* ch) { return cat_->CreateDatabase(*conn_, ch, d2); }).ok());
  ASSERT_TRUE(Ddl([&](CatalogChange* ch) { return cat_->RenameTable(*conn_, ch, "d1", "b", "d2", "moved"); }).ok());
  EXPECT_EQ(cat_->GetTable("d1", "b"), nullptr);
  auto moved = cat_->GetTable("d2", "moved");
  ASSERT_NE(moved, nullptr);
  EXPECT_EQ(moved->db, "d2");
  EXPECT_EQ(Query("SELECT x FROM \"d2.moved\"").int_value(), 1);
  Reopen();
  EXPECT_NE(cat_->GetTable("d2", "moved"), nullptr);
  EXPECT_EQ(cat_->ListTables("d1"), (std::vector<std::string>{"a"}));
  // DROP TABLE a, b with IF EXISTS: the missing one is a note.
  std::vector<SqlWarning> w;
  DdlOptions ie;
  ie.if_exists = true;
  ASSERT_TRUE(Ddl([&](CatalogChange* ch) {
                RETURN_IF_ERROR(cat_->DropTable(*conn_, ch, "d1", "a", ie));
                return cat_->DropTable(*conn_, ch, "d1", "gone", ie);
              },
              &w)
                  .ok());
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0], (SqlWarning{SqlWarning::Level::kNote, 1051, "Unknown table 'd1.gone'"}));
  EXPECT_TRUE(cat_->ListTables("d1").empty());
  EXPECT_EQ(Query("SELECT count(*) FROM sqlite_master WHERE name = 'd1.a'").int_value(), 0);
}

TEST_F(CatalogTest, AutoIncrementCounters) {
  ColumnDef id = Col("id", BaseType::kInt, -1, -1, true);
  id.nullable = false;
  id.auto_increment = true;
  TableDef t = Simple("ai", {id, Col("v", BaseType::kVarchar, 5)}, {Key(IndexKind::kPrimary, "", {{"id"}})});
  ASSERT_TRUE(Create(t).ok());
  auto def = cat_->GetTable("d1", "ai");
  Exec("BEGIN");
  auto first = cat_->ReserveAutoIncrement(*conn_, *def, 2);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first.value(), 1u);
  Exec("INSERT INTO \"d1.ai\" VALUES(1, 'a'), (2, 'b')");
  // An explicit value moves the counter past it.
  Exec("INSERT INTO \"d1.ai\" VALUES(10, 'c')");
  ASSERT_TRUE(cat_->NoteAutoIncrementValue(*conn_, *def, 10).ok());
  ASSERT_TRUE(cat_->NoteAutoIncrementValue(*conn_, *def, 5).ok());
  EXPECT_EQ(cat_->PeekAutoIncrement(*conn_, *def).value(), 11u);
  Exec("COMMIT");
  EXPECT_EQ(ShowCreateTable(*def, cat_->PeekAutoIncrement(*conn_, *def).value()).find("AUTO_INCREMENT=11") !=
                std::string::npos,
            true);
  // A rolled-back reservation leaves a gap, like InnoDB.
  Exec("BEGIN");
  EXPECT_EQ(cat_->ReserveAutoIncrement(*conn_, *def).value(), 11u);
  Exec("ROLLBACK");
  EXPECT_EQ(cat_->ReserveAutoIncrement(*conn_, *def).value(), 12u);
  // After a restart: max(persisted counter, max(id) + 1).
  Reopen();
  def = cat_->GetTable("d1", "ai");
  EXPECT_EQ(cat_->PeekAutoIncrement(*conn_, *def).value(), 13u);
  Exec("INSERT INTO \"d1.ai\" VALUES(100, 'x')");  // e.g. written without telling the catalog
  Reopen();
  def = cat_->GetTable("d1", "ai");
  EXPECT_EQ(cat_->PeekAutoIncrement(*conn_, *def).value(), 101u);
  // TRUNCATE resets (MariaDB shows no AUTO_INCREMENT= afterwards).
  ASSERT_TRUE(Ddl([&](CatalogChange* ch) { return cat_->TruncateTable(*conn_, ch, "d1", "ai"); }).ok());
  def = cat_->GetTable("d1", "ai");
  EXPECT_EQ(Query("SELECT count(*) FROM \"d1.ai\"").int_value(), 0);
  EXPECT_EQ(cat_->PeekAutoIncrement(*conn_, *def).value(), 1u);
  EXPECT_EQ(ShowCreateTable(*def, 1).find("AUTO_INCREMENT="), std::string::npos);
  ExpectError(Ddl([&](CatalogChange* ch) { return cat_->TruncateTable(*conn_, ch, "d1", "nosuch"); }), 1146,
              "Table 'd1.nosuch' doesn't exist");
  // The AUTO_INCREMENT table option.
  TableDef t2 = t;
  t2.name = "ai2";
  t2.auto_increment = 7;
  ASSERT_TRUE(Create(t2).ok());
  def = cat_->GetTable("d1", "ai2");
  EXPECT_EQ(cat_->PeekAutoIncrement(*conn_, *def).value(), 7u);
  TableAlterOp opt;
  opt.kind = TableAlterOp::Kind::kTableOptions;
  opt.auto_increment = 50;
  ASSERT_TRUE(Alter("ai2", {opt}).ok());
  def = cat_->GetTable("d1", "ai2");
  EXPECT_EQ(cat_->PeekAutoIncrement(*conn_, *def).value(), 50u);
}

// ---------------------------------------------------------------------------
// ALTER TABLE

class AlterTest : public CatalogTest {
 protected:
  void SetUp() override {
    CatalogTest::SetUp();
    // create table t(id int primary key, c varchar(10), d int, key k(c))
    ASSERT_TRUE(Create(Simple("t", {Col("id", BaseType::kInt), Col("c", BaseType::kVarchar, 10),
                                    Col("d", BaseType::kInt)},
                              {Key(IndexKind::kPrimary, "", {{"id"}}), Key(IndexKind::kIndex, "k", {{"c"}})}))
                    .ok());
    Exec("INSERT INTO \"d1.t\" VALUES(1, 'a', NULL), (2, 'A', 5), (3, 'b', NULL)");
  }
  static TableAlterOp Op(TableAlterOp::Kind kind, std::string name = "") {
    TableAlterOp op;
    op.kind = kind;
    op.name = std::move(name);
    return op;
  }
  std::string Show() { return ShowCreateTable(*cat_->GetTable("d1", "t")); }
};

TEST_F(AlterTest, ErrorsAreMariaDBs) {
  ExpectError(Alter("t", {Op(TableAlterOp::Kind::kDropIndex, "nosuch")}), 1091,
              "Can't DROP INDEX `nosuch`; check that it exists");
  ExpectError(Alter("t", {Op(TableAlterOp::Kind::kDropColumn, "nosuch")}), 1091,
              "Can't DROP COLUMN `nosuch`; check that it exists");
  TableAlterOp modify = Op(TableAlterOp::Kind::kModifyColumn, "nosuch");
  modify.column = Col("nosuch", BaseType::kInt);
  ExpectError(Alter("t", {modify}), 1054, "Unknown column 'nosuch' in 't'");
  TableAlterOp add = Op(TableAlterOp::Kind::kAddColumn);
  add.column = Col("id", BaseType::kInt);
  ExpectError(Alter("t", {add}), 1060, "Duplicate column name 'id'");
  TableAlterOp add_idx = Op(TableAlterOp::Kind::kAddIndex);
  add_idx.index = Key(IndexKind::kIndex, "k", {{"c"}});
  ExpectError(Alter("t", {add_idx}), 1061, "Duplicate key name 'k'");
  TableAlterOp after = Op(TableAlterOp::Kind::kAddColumn);
  after.column = Col("x", BaseType::kInt);
  after.after = "nosuch";
  ExpectError(Alter("t", {after}), 1054, "Unknown column 'nosuch' in 't'");
  ExpectError(Alter("t", {Op(TableAlterOp::Kind::kSetDefault, "nosuch")}), 1054, "Unknown column 'nosuch' in 't'");
  TableAlterOp ren = Op(TableAlterOp::Kind::kRenameColumn, "nosuch");
  ren.new_name = "y";
  ExpectError(Alter("t", {ren}), 1054, "Unknown column 'nosuch' in 't'");
  ren.name = "c";
  ren.new_name = "d";
  ExpectError(Alter("t", {ren}), 1060, "Duplicate column name 'd'");
  TableAlterOp pk = Op(TableAlterOp::Kind::kAddIndex);
  pk.index = Key(IndexKind::kPrimary, "", {{"d"}});
  ExpectError(Alter("t", {pk}), 1068, "Multiple primary key defined");
  ExpectError(Alter("t", {Op(TableAlterOp::Kind::kDropPrimaryKey), Op(TableAlterOp::Kind::kDropPrimaryKey)}), 1091,
              "Can't DROP INDEX `PRIMARY`; check that it exists");
  ExpectError(Alter("t", {Op(TableAlterOp::Kind::kDropColumn, "id"), Op(TableAlterOp::Kind::kDropColumn, "c"),
                          Op(TableAlterOp::Kind::kDropColumn, "d")}),
              1090, "You can't delete all columns with ALTER TABLE; use DROP TABLE instead");
  TableAlterOp missing_key = Op(TableAlterOp::Kind::kAddIndex);
  missing_key.index = Key(IndexKind::kIndex, "", {{"nosuch"}});
  ExpectError(Alter("t", {missing_key}), 1072, "Key column 'nosuch' doesn't exist in table");
  ExpectError(Alter("nosuch", {add}), 1146, "Table 'd1.nosuch' doesn't exist");
  // Failed ALTERs changed nothing.
  EXPECT_EQ(Show(),
            "CREATE TABLE `t` (\n  `id` int(11) NOT NULL,\n  `c` varchar(10) DEFAULT NULL,\n  `d` int(11) "
            "DEFAULT NULL,\n  PRIMARY KEY (`id`),\n  KEY `k` (`c`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 "
            "COLLATE=utf8mb4_general_ci");
  EXPECT_EQ(Query("SELECT count(*) FROM \"d1.t\"").int_value(), 3);
}

TEST_F(AlterTest, AddUniqueOverDuplicatesIs1062) {
  TableAlterOp uc = Op(TableAlterOp::Kind::kAddIndex);
  uc.index = Key(IndexKind::kUnique, "uc", {{"c"}});
  // 'a' and 'A' are equal under utf8mb4_general_ci.
  ExpectError(Alter("t", {uc}), 1062, "Duplicate entry 'a' for key 'uc'");
  uc.index = Key(IndexKind::kUnique, "uc", {{"c"}, {"id"}});
  ASSERT_TRUE(Alter("t", {uc}).ok());
  EXPECT_NE(Show().find("UNIQUE KEY `uc` (`c`,`id`)"), std::string::npos);
  // Multi-column duplicates print the values joined by '-'.
  Exec("CREATE TABLE \"dummy\"(x)");
  ASSERT_TRUE(Create(Simple("x", {Col("c", BaseType::kInt), Col("d", BaseType::kVarchar, 10)})).ok());
  Exec("INSERT INTO \"d1.x\" VALUES(1, 'a'), (1, 'a')");
  TableAlterOp pk = Op(TableAlterOp::Kind::kAddIndex);
  pk.index = Key(IndexKind::kPrimary, "", {{"c"}, {"d"}});
  ExpectError(Alter("x", {pk}), 1062, "Duplicate entry '1-a' for key 'PRIMARY'");
}

TEST_F(AlterTest, ModifyNotNullOverNulls) {
  TableAlterOp m = Op(TableAlterOp::Kind::kModifyColumn, "d");
  m.column = Col("d", BaseType::kInt);
  m.column.nullable = false;
  ExpectError(Alter("t", {m}), 1265, "Data truncated for column 'd' at row 1");
  std::vector<SqlWarning> w;
  DdlOptions loose;
  loose.sql_mode = 0;
  ASSERT_TRUE(Alter("t", {m}, &w, loose).ok());
  ASSERT_EQ(w.size(), 2u);
  EXPECT_EQ(w[0], (SqlWarning{SqlWarning::Level::kWarning, 1265, "Data truncated for column 'd' at row 1"}));
  EXPECT_EQ(w[1].message, "Data truncated for column 'd' at row 3");
  EXPECT_EQ(Query("SELECT group_concat(d) FROM \"d1.t\"").string_value(), "0,5,0");
}

TEST_F(AlterTest, ModifyConvertsValuesWithAlterMessages) {
  TableAlterOp m = Op(TableAlterOp::Kind::kModifyColumn, "c");
  m.column = Col("c", BaseType::kInt);
  ExpectError(Alter("t", {m}), 1292, "Truncated incorrect INTEGER value: 'a'");
  std::vector<SqlWarning> w;
  DdlOptions loose;
  loose.sql_mode = 0;
  ASSERT_TRUE(Alter("t", {m}, &w, loose).ok());
  ASSERT_EQ(w.size(), 3u);
  EXPECT_EQ(w[0], (SqlWarning{SqlWarning::Level::kWarning, 1292, "Truncated incorrect INTEGER value: 'a'"}));
  EXPECT_EQ(w[1].message, "Truncated incorrect INTEGER value: 'A'");
  EXPECT_EQ(Query("SELECT typeof(c) FROM \"d1.t\" WHERE id = 1").string_value(), "integer");
  // The index on c was rebuilt on the new column.
  EXPECT_EQ(Query("SELECT count(*) FROM sqlite_master WHERE tbl_name = 'd1.t' AND type = 'index'").int_value(), 2);
  // Shrinking a VARCHAR: 1265 in strict mode (not 1406) during ALTER.
  ASSERT_TRUE(Create(Simple("s", {Col("c", BaseType::kVarchar, 10)})).ok());
  Exec("INSERT INTO \"d1.s\" VALUES('abcdef')");
  TableAlterOp shrink = Op(TableAlterOp::Kind::kModifyColumn, "c");
  shrink.column = Col("c", BaseType::kVarchar, 3);
  ExpectError(Alter("s", {shrink}), 1265, "Data truncated for column 'c' at row 1");
  TableAlterOp to_date = Op(TableAlterOp::Kind::kModifyColumn, "c");
  to_date.column = Col("c", BaseType::kDate);
  ExpectError(Alter("s", {to_date}), 1292, "Incorrect datetime value: 'abcdef' for column `d1`.`s`.`c` at row 1");
}

TEST_F(AlterTest, AddDropChangeColumnsKeepData) {
  // alter table t add column e int not null, add column f varchar(3) not null,
  //   add column g datetime not null, add column h enum('x','y') not null
  // fills 0, '', '0000-00-00 00:00:00', 'x' without warnings.
  auto add = [](ColumnDef c) {
    TableAlterOp op;
    op.kind = TableAlterOp::Kind::kAddColumn;
    c.nullable = false;
    op.column = c;
    return op;
  };
  ColumnDef h = Col("h", BaseType::kEnum);
  h.type.elements = {"x", "y"};
  std::vector<SqlWarning> w;
  ASSERT_TRUE(Alter("t", {add(Col("e", BaseType::kInt)), add(Col("f", BaseType::kVarchar, 3)),
                          add(Col("g", BaseType::kDatetime)), add(h)},
                    &w)
                  .ok());
  EXPECT_TRUE(w.empty());
  EXPECT_EQ(Query("SELECT e || '|' || f || '|' || g || '|' || h FROM \"d1.t\" WHERE id = 2").string_value(),
            "0||0000-00-00 00:00:00|x");
  // alter table t change c c2 varchar(10) after id ... FIRST; drop column d;
  // alter column id set default 5
  TableAlterOp change = Op(TableAlterOp::Kind::kModifyColumn, "c");
  change.column = Col("c2", BaseType::kVarchar, 10);
  change.first = true;
  TableAlterOp set_default = Op(TableAlterOp::Kind::kSetDefault, "id");
  set_default.column.default_value = "5";
  ASSERT_TRUE(Alter("t", {change, Op(TableAlterOp::Kind::kDropColumn, "d"), set_default}).ok());
  EXPECT_EQ(Show(),
            "CREATE TABLE `t` (\n  `c2` varchar(10) DEFAULT NULL,\n  `id` int(11) NOT NULL DEFAULT 5,\n"
            "  `e` int(11) NOT NULL,\n  `f` varchar(3) NOT NULL,\n  `g` datetime NOT NULL,\n"
            "  `h` enum('x','y') NOT NULL,\n  PRIMARY KEY (`id`),\n  KEY `k` (`c2`)\n) ENGINE=InnoDB "
            "DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci");
  EXPECT_EQ(Query("SELECT group_concat(c2 || id, ',') FROM (SELECT * FROM \"d1.t\" ORDER BY rowid)").string_value(),
            "a1,A2,b3");
  // Dropping the only column of a key drops the key.
  ASSERT_TRUE(Alter("t", {Op(TableAlterOp::Kind::kDropColumn, "c2")}).ok());
  EXPECT_EQ(Show().find("KEY `k`"), std::string::npos);
  // Rename the table through ALTER.
  TableAlterOp rename = Op(TableAlterOp::Kind::kRenameTable);
  rename.new_name = "t3";
  TableAlterOp comment = Op(TableAlterOp::Kind::kTableOptions);
  comment.comment = "renamed";
  ASSERT_TRUE(Alter("t", {rename, comment}).ok());
  EXPECT_EQ(cat_->GetTable("d1", "t"), nullptr);
  auto t3 = cat_->GetTable("d1", "t3");
  ASSERT_NE(t3, nullptr);
  EXPECT_EQ(t3->comment, "renamed");
  EXPECT_EQ(Query("SELECT count(*) FROM \"d1.t3\"").int_value(), 3);
  Reopen();
  EXPECT_EQ(cat_->GetTable("d1", "t3")->comment, "renamed");
}

TEST_F(AlterTest, AddedAutoIncrementColumnNumbersRows) {
  // alter table t drop primary key, add column n int not null auto_increment
  // primary key first → existing rows get 1, 2, 3 (MariaDB).
  TableAlterOp add = Op(TableAlterOp::Kind::kAddColumn);
  add.column = Col("n", BaseType::kInt);
  add.column.nullable = false;
  add.column.auto_increment = true;
  add.first = true;
  TableAlterOp pk = Op(TableAlterOp::Kind::kAddIndex);
  pk.index = Key(IndexKind::kPrimary, "", {{"n"}});
  ASSERT_TRUE(Alter("t", {Op(TableAlterOp::Kind::kDropPrimaryKey), add, pk}).ok());
  EXPECT_EQ(Query("SELECT group_concat(n || ':' || id) FROM (SELECT * FROM \"d1.t\" ORDER BY rowid)").string_value(),
            "1:1,2:2,3:3");
  auto def = cat_->GetTable("d1", "t");
  EXPECT_EQ(cat_->PeekAutoIncrement(*conn_, *def).value(), 4u);
}

TEST_F(AlterTest, IndexOnlyChangesDoNotCopyRows) {
  TableAlterOp drop = Op(TableAlterOp::Kind::kDropIndex, "k");
  TableAlterOp add = Op(TableAlterOp::Kind::kAddIndex);
  add.index = Key(IndexKind::kIndex, "", {{"d"}, {"c"}});
  ASSERT_TRUE(Alter("t", {drop, add}).ok());
  EXPECT_NE(Show().find("KEY `d` (`d`,`c`)"), std::string::npos);
  EXPECT_EQ(Query("SELECT count(*) FROM sqlite_master WHERE name = 'rdb_ix1_d'").int_value(), 1);
  EXPECT_EQ(Query("SELECT count(*) FROM sqlite_master WHERE name = 'rdb_ix1_k'").int_value(), 0);
  TableAlterOp rename = Op(TableAlterOp::Kind::kRenameIndex, "d");
  rename.new_name = "dc";
  ASSERT_TRUE(Alter("t", {rename}).ok());
  EXPECT_NE(Show().find("KEY `dc` (`d`,`c`)"), std::string::npos);
  ASSERT_TRUE(Alter("t", {Op(TableAlterOp::Kind::kDropPrimaryKey)}).ok());
  EXPECT_EQ(Show().find("PRIMARY KEY"), std::string::npos);
  EXPECT_EQ(Query("SELECT count(*) FROM \"d1.t\"").int_value(), 3);
}

TEST_F(AlterTest, TableCharsetChangePinsExistingColumns) {
  TableAlterOp cs = Op(TableAlterOp::Kind::kTableOptions);
  cs.charset = "latin1";
  ASSERT_TRUE(Alter("t", {cs}).ok());
  std::string show = Show();
  EXPECT_NE(show.find("`c` varchar(10) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci DEFAULT NULL"),
            std::string::npos)
      << show;
  EXPECT_NE(show.find("DEFAULT CHARSET=latin1 COLLATE=latin1_swedish_ci"), std::string::npos);
}

TEST_F(CatalogTest, NewDataDirectoryHasMysqlDatabaseDroppedStaysDropped) {
  EXPECT_TRUE(cat_->DatabaseExists("mysql"));
  ASSERT_TRUE(Ddl([&](CatalogChange* ch) { return cat_->DropDatabase(*conn_, ch, "mysql"); }).ok());
  Reopen();
  EXPECT_FALSE(cat_->DatabaseExists("mysql"));
}

TEST_F(CatalogTest, DropDatabaseReportsTablesDropped) {
  ASSERT_TRUE(Create(Simple("a", {Col("x", BaseType::kInt)})).ok());
  ASSERT_TRUE(Create(Simple("b", {Col("x", BaseType::kInt)})).ok());
  ASSERT_TRUE(Ddl([&](CatalogChange* ch) { return cat_->DropDatabase(*conn_, ch, "d1"); }).ok());
  EXPECT_EQ(last_affected_, 2u);
}

TEST_F(CatalogTest, BinaryAttributeTakesTheTableCharset) {
  ColumnDef c = Col("c", BaseType::kChar, 3);
  c.type.collation = "_bin";  // CHAR(3) BINARY as the parser gives it
  ASSERT_TRUE(Create(Simple("b", {c})).ok());
  EXPECT_NE(ShowCreateTable(*cat_->GetTable("d1", "b"))
                .find("`c` char(3) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL"),
            std::string::npos)
      << ShowCreateTable(*cat_->GetTable("d1", "b"));
}

TEST_F(CatalogTest, ShowCreateStyleQuotesAsSqlQuoteShowCreateAndAnsiQuotes) {
  ColumnDef sel = Col("select", BaseType::kInt);
  ColumnDef sp = Col("a b", BaseType::kInt);
  ColumnDef digits = Col("123", BaseType::kInt);
  ColumnDef exp = Col("1e5", BaseType::kInt);
  ColumnDef bt = Col("x`y", BaseType::kInt);
  ASSERT_TRUE(Create(Simple("plain", {sel, sp, digits, exp, bt}, {Key(IndexKind::kIndex, "k", {{"1e5"}})})).ok());
  auto is_keyword = [](std::string_view n) { return n == "select"; };
  ShowCreateStyle off = ShowCreateStyle::For(kDefaultSqlMode, false, is_keyword);
  EXPECT_EQ(ShowCreateTable(*cat_->GetTable("d1", "plain"), 0, off),
            "CREATE TABLE plain (\n"
            "  `select` int(11) DEFAULT NULL,\n"
            "  `a b` int(11) DEFAULT NULL,\n"
            "  `123` int(11) DEFAULT NULL,\n"
            "  1e5 int(11) DEFAULT NULL,\n"
            "  `x``y` int(11) DEFAULT NULL,\n"
            "  KEY k (1e5)\n"
            ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci");
  ShowCreateStyle ansi = ShowCreateStyle::For(kModeAnsiQuotes, true);
  std::string a = ShowCreateTable(*cat_->GetTable("d1", "plain"), 0, ansi);
  EXPECT_NE(a.find("CREATE TABLE \"plain\" (\n  \"select\" int(11)"), std::string::npos) << a;
  EXPECT_NE(a.find("\"x`y\""), std::string::npos) << a;
  EXPECT_NE(a.find("\n) ENGINE=InnoDB"), std::string::npos);  // ANSI_QUOTES alone keeps the options
  std::string no_options =
      ShowCreateTable(*cat_->GetTable("d1", "plain"), 0, ShowCreateStyle::For(kModeAnsi | kModeAnsiQuotes, true));
  EXPECT_EQ(no_options.substr(no_options.size() - 2), "\n)");
  EXPECT_EQ(QuoteIdentifier("ü", off), "`ü`");
  EXPECT_EQ(QuoteIdentifier("aü", off), "aü");
}

// Boundaries recorded from MariaDB 10.11: columns' record bytes plus one
// NULL bit per nullable column must fit 65535 bytes.
TEST_F(CatalogTest, RowSizeLimitIsMariaDBs) {
  auto create = [&](std::vector<ColumnDef> cols) {
    static int n = 0;
    return Create(Simple("rs" + std::to_string(n++), std::move(cols)));
  };
  auto nn = [](ColumnDef c) {
    c.nullable = false;
    return c;
  };
  EXPECT_TRUE(create({Col("a", BaseType::kVarchar, 16383)}).ok());
  EXPECT_TRUE(create({nn(Col("a", BaseType::kVarbinary, 65523)), nn(Col("b", BaseType::kText))}).ok());
  ExpectError(create({nn(Col("a", BaseType::kVarbinary, 65524)), nn(Col("b", BaseType::kText))}), 1118,
              "Row size too large. The maximum row size for the used table type, not counting BLOBs, is 65535. "
              "This includes storage overhead, check the manual. You have to change some columns to TEXT or BLOBs");
  EXPECT_TRUE(create({Col("a", BaseType::kVarbinary, 65522), nn(Col("b", BaseType::kText))}).ok());
  ExpectError(create({Col("a", BaseType::kVarbinary, 65523), nn(Col("b", BaseType::kText))}), 1118,
              "Row size too large. The maximum row size for the used table type, not counting BLOBs, is 65535. "
              "This includes storage overhead, check the manual. You have to change some columns to TEXT or BLOBs");
  std::vector<ColumnDef> nine = {Col("a", BaseType::kVarbinary, 65514), Col("b", BaseType::kText)};
  for (char c = 'c'; c <= 'i'; c++) nine.push_back(Col(std::string(1, c), BaseType::kTinyInt));
  EXPECT_TRUE(create(nine).ok());
  nine[0].type.length = 65515;  // 9 nullable columns: 2 bytes of NULL bits
  EXPECT_EQ(create(nine).mysql_errno(), 1118);
  EXPECT_EQ(create({Col("a", BaseType::kVarchar, 16000), Col("b", BaseType::kVarchar, 16000)}).mysql_errno(), 1118);
}

TEST_F(CatalogTest, InformationSchemaConstraintRows) {
  TableDef t = Simple("kk", {Col("id", BaseType::kInt), Col("j", BaseType::kJson), Col("u", BaseType::kInt),
                             Col("v", BaseType::kInt)},
                      {Key(IndexKind::kPrimary, "", {{"id"}}), Key(IndexKind::kUnique, "", {{"u"}, {"v"}}),
                       Key(IndexKind::kIndex, "", {{"v"}})});
  ASSERT_TRUE(Create(t).ok());
  auto def = cat_->GetTable("d1", "kk");
  auto text = [](const std::vector<std::vector<Value>>& rows) {
    std::string out;
    for (const auto& r : rows) {
      for (const auto& v : r) out += (v.is_null() ? "NULL" : v.ToText()) + "|";
      out += "\n";
    }
    return out;
  };
  EXPECT_EQ(text(InformationSchemaTableConstraintsRows(*def)),
            "def|d1|PRIMARY|d1|kk|PRIMARY KEY|\n"
            "def|d1|u|d1|kk|UNIQUE|\n"
            "def|d1|j|d1|kk|CHECK|\n");
  EXPECT_EQ(text(InformationSchemaKeyColumnUsageRows(*def)),
            "def|d1|PRIMARY|def|d1|kk|id|1|NULL|NULL|NULL|NULL|\n"
            "def|d1|u|def|d1|kk|u|1|NULL|NULL|NULL|NULL|\n"
            "def|d1|u|def|d1|kk|v|2|NULL|NULL|NULL|NULL|\n");
  EXPECT_EQ(text(InformationSchemaCheckConstraintsRows(*def)), "def|d1|kk|j|Column|json_valid(`j`)|\n");
}

// Which ALTER TABLE changes MariaDB 10.11 (InnoDB) answers with "Records: n"
// copied rows and which it makes in place (recorded from the server).
TEST_F(AlterTest, CopyingChangesReportTheRows) {
  auto modify = [&](ColumnDef c) {
    TableAlterOp op = Op(TableAlterOp::Kind::kModifyColumn, c.name);
    op.column = std::move(c);
    return op;
  };
  auto alter = [&](std::vector<TableAlterOp> ops) {
    Status st = Alter("t", std::move(ops));
    EXPECT_TRUE(st.ok()) << st.ToString();
    EXPECT_TRUE(last_records_info_);
    return last_affected_;
  };
  EXPECT_EQ(alter({modify(Col("c", BaseType::kVarchar, 40))}), 0u);  // longer VARCHAR: in place
  EXPECT_EQ(alter({modify(Col("c", BaseType::kVarchar, 30))}), 3u);  // shorter: copies
  EXPECT_EQ(alter({modify(Col("d", BaseType::kBigInt))}), 3u);       // INT -> BIGINT
  EXPECT_EQ(alter({modify(Col("d", BaseType::kBigInt, 5))}), 0u);    // display width only
  ColumnDef not_null = Col("d", BaseType::kBigInt, 5);
  not_null.nullable = false;
  not_null.default_value = "0";
  Exec("UPDATE \"d1.t\" SET d = 0");
  EXPECT_EQ(alter({modify(not_null)}), 0u);                           // NOT NULL: in place
  ColumnDef added = Col("e", BaseType::kEnum);
  added.type.elements = {"a", "b"};
  TableAlterOp add = Op(TableAlterOp::Kind::kAddColumn);
  add.column = added;
  EXPECT_EQ(alter({add}), 0u);
  added.type.elements = {"a", "b", "c"};
  EXPECT_EQ(alter({modify(added)}), 0u);  // ENUM values appended
  added.type.elements = {"b", "a", "c"};
  EXPECT_EQ(alter({modify(added)}), 3u);  // reordered
  ColumnDef latin = Col("c", BaseType::kVarchar, 30);
  latin.type.charset = "latin1";
  EXPECT_EQ(alter({modify(latin)}), 3u);  // character set
  TableAlterOp drop_pk = Op(TableAlterOp::Kind::kDropPrimaryKey);
  TableAlterOp add_pk = Op(TableAlterOp::Kind::kAddIndex);
  add_pk.index = Key(IndexKind::kPrimary, "", {{"id"}, {"d"}});
  EXPECT_EQ(alter({drop_pk, add_pk}), 0u);  // the primary key replaced
  EXPECT_EQ(alter({drop_pk}), 3u);          // the clustered index dropped
  TableAlterOp force = Op(TableAlterOp::Kind::kForce);
  EXPECT_EQ(alter({force}), 0u);
  TableAlterOp rename = Op(TableAlterOp::Kind::kRenameTable);
  rename.new_db = "d1";
  rename.new_name = "t2";
  ASSERT_TRUE(Alter("t", {rename}).ok());
  EXPECT_FALSE(last_records_info_);  // a bare RENAME answers without "Records:"
}

TEST_F(AlterTest, ConvertToCharsetChangesTheColumns) {
  TableAlterOp conv = Op(TableAlterOp::Kind::kTableOptions);
  conv.charset = "latin1";
  conv.convert_charset = true;
  ASSERT_TRUE(Alter("t", {conv}).ok());
  EXPECT_EQ(last_affected_, 3u);
  std::string show = Show();
  EXPECT_NE(show.find("`c` varchar(10) DEFAULT NULL"), std::string::npos) << show;
  EXPECT_NE(show.find("DEFAULT CHARSET=latin1 COLLATE=latin1_swedish_ci"), std::string::npos) << show;
}

// MariaDB makes a primary key's columns NOT NULL when it reaches that key;
// keys listed before it (ALTER TABLE adds keys last) sort as nullable.
TEST_F(AlterTest, KeysBeforeAnAddedPrimaryKeyKeepTheirNullableRank) {
  TableAlterOp add_u = Op(TableAlterOp::Kind::kAddIndex);
  add_u.index = Key(IndexKind::kUnique, "uk_c", {{"c"}, {"id"}});
  TableAlterOp add_d = Op(TableAlterOp::Kind::kAddIndex);
  add_d.index = Key(IndexKind::kUnique, "", {{"d"}});
  ASSERT_TRUE(Alter("t", {add_u, add_d}).ok());
  TableAlterOp add_pk = Op(TableAlterOp::Kind::kAddIndex);
  add_pk.index = Key(IndexKind::kPrimary, "", {{"id"}, {"d"}});
  Exec("UPDATE \"d1.t\" SET d = id");
  ASSERT_TRUE(Alter("t", {Op(TableAlterOp::Kind::kDropPrimaryKey), add_pk}).ok());
  std::string show = Show();
  size_t pk = show.find("PRIMARY KEY (`id`,`d`)"), uk = show.find("UNIQUE KEY `uk_c`"),
         d = show.find("UNIQUE KEY `d` (`d`)");
  ASSERT_NE(pk, std::string::npos) << show;
  EXPECT_LT(pk, uk);
  EXPECT_LT(uk, d) << show;
}

// ---------------------------------------------------------------------------
// Concurrency

TEST_F(CatalogTest, ReadersSeeConsistentSnapshotsWhilePublishing) {
  ASSERT_TRUE(Create(Simple("c0", {Col("a", BaseType::kInt)})).ok());
  std::atomic<bool> stop{false};
  std::atomic<int> reads{0};
  std::vector<std::thread> readers;
  for (int r = 0; r < 3; r++) {
    readers.emplace_back([&] {
      while (!stop.load()) {
        auto t = cat_->GetTable("d1", "c0");
        if (t) {
          // A snapshot never changes under the reader.
          size_t n = t->columns.size();
          EXPECT_EQ(t->columns.size(), n);
          EXPECT_GE(n, 1u);
        }
        cat_->ListTables("d1");
        reads++;
      }
    });
  }
  for (int i = 0; i < 20; i++) {
    TableAlterOp add;
    add.kind = TableAlterOp::Kind::kAddColumn;
    add.column = Col("x" + std::to_string(i), BaseType::kInt);
    ASSERT_TRUE(Alter("c0", {add}).ok());
  }
  stop = true;
  for (auto& t : readers) t.join();
  EXPECT_EQ(cat_->GetTable("d1", "c0")->columns.size(), 21u);
  EXPECT_GT(reads.load(), 0);
}

}  // namespace
}  // namespace relaydb::sql
