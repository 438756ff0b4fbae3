// Unit tests of Translator (sql/translator.h): MySQL queries parsed with
// ParseOne, translated against hand-made TableDefs, checked for
//  * the shape of the emitted SQLite SQL where it is part of the contract
//    (tables as "db.t" AS "tN", columns as "tN"."col", LIMIT/OFFSET, joins);
//  * the result columns: names, MariaDB metadata (types, flags, lengths,
//    decimals, schema/table/org names — values taken from MariaDB 10.11) and
//    the ExprType families;
//  * MySQL's name-resolution errors (1054, 1052, 1066, 1241, 1111, 1222, ...)
//    with MariaDB's exact texts;
//  * and, end to end, that the emitted SQL runs on an in-memory SQLite
//    database (relaydb collations and functions registered) with MySQL's
//    answers, decoded through DecodeOutput.
#include "sql/translator.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "sql/functions.h"
#include "sql/parser.h"
#include "storage/sqlite_db.h"

namespace relaydb::sql {
namespace {

ColumnDef Col(std::string name, BaseType base, int32_t length = -1, int32_t decimals = -1,
              bool nullable = true) {
  ColumnDef c;
  c.name = std::move(name);
  c.type.base = base;
  c.type.length = length;
  c.type.decimals = decimals;
  c.nullable = nullable;
  return c;
}

// db1.t (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, name VARCHAR(20),
//        price DECIMAL(10,2), ts DATETIME(3), u BIGINT UNSIGNED,
//        e ENUM('a','b'), b VARBINARY(8), d DOUBLE, dt DATE)
std::shared_ptr<TableDef> MakeT(const std::string& db) {
  auto t = std::make_shared<TableDef>();
  t->db = db;
  t->name = "t";
  ColumnDef id = Col("id", BaseType::kInt, -1, -1, false);
  id.auto_increment = true;
  t->columns.push_back(id);
  t->columns.push_back(Col("name", BaseType::kVarchar, 20));
  t->columns.push_back(Col("price", BaseType::kDecimal, 10, 2));
  t->columns.push_back(Col("ts", BaseType::kDatetime, -1, 3));
  ColumnDef u = Col("u", BaseType::kBigInt);
  u.type.is_unsigned = true;
  t->columns.push_back(u);
  ColumnDef e = Col("e", BaseType::kEnum);
  e.type.elements = {"a", "b"};
  t->columns.push_back(e);
  t->columns.push_back(Col("b", BaseType::kVarbinary, 8));
  t->columns.push_back(Col("d", BaseType::kDouble));
  t->columns.push_back(Col("dt", BaseType::kDate));
  IndexDef pk;
  pk.name = "PRIMARY";
  pk.kind = IndexKind::kPrimary;
  pk.columns.push_back(IndexColumn{"id", -1, false});
  t->indexes.push_back(pk);
  t->charset = "utf8mb4";
  t->collation = "utf8mb4_general_ci";
  return t;
}

// db1.u (id INT, t_id INT NOT NULL, name VARCHAR(10))
std::shared_ptr<TableDef> MakeU() {
  auto t = std::make_shared<TableDef>();
  t->db = "db1";
  t->name = "u";
  t->columns.push_back(Col("id", BaseType::kInt));
  t->columns.push_back(Col("t_id", BaseType::kInt, -1, -1, false));
  t->columns.push_back(Col("name", BaseType::kVarchar, 10));
  t->charset = "utf8mb4";
  t->collation = "utf8mb4_general_ci";
  return t;
}

class TranslatorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    tables_[{"db1", "t"}] = MakeT("db1");
    tables_[{"db1", "u"}] = MakeU();
    tables_[{"db2", "t"}] = MakeT("db2");
  }

  TranslateEnv Env() {
    TranslateEnv env;
    env.current_db = current_db_;
    env.find_table = [this](const std::string& db, const std::string& name)
        -> std::shared_ptr<const TableDef> {
      ++lookups_;
      auto it = tables_.find({db, name});
      return it == tables_.end() ? nullptr : it->second;
    };
    env.sysvar = [](const std::string& name, VarScope) -> Result<Value> {
      if (name == "time_zone") return Value::String("SYSTEM");
      if (name == "max_connections") return Value::Int(151);
      if (name == "version") return Value::String("10.11.19-MariaDB");
      return Status::SqlError(1193, "HY000", "Unknown system variable '" + name + "'");
    };
    return env;
  }

  // Parses and translates `sql` (a SELECT). The text must outlive the result
  // only for the duration of the call (names are copied out).
  Result<TranslatedQuery> Tr(const std::string& sql) {
    texts_.push_back(std::make_unique<std::string>(sql));
    const std::string& text = *texts_.back();
    auto parsed = ParseOne(text);
    if (!parsed.ok()) return parsed.status();
    const auto* select = parsed->stmt->As<SelectStmt>();
    if (select == nullptr) return Status::SqlError(1064, "42000", "not a SELECT: " + sql);
    Translator tr(Env(), text);
    auto out = tr.TranslateQuery(*select->query);
    statements_.push_back(std::move(parsed).value());  // keep the AST alive (ExprType::column)
    return out;
  }

  TranslatedQuery Ok(const std::string& sql) {
    auto r = Tr(sql);
    EXPECT_TRUE(r.ok()) << sql << " -> " << r.status().ToString();
    if (!r.ok()) return {};
    return std::move(r).value();
  }

  // "errno: message" of a failing translation, or "OK: <sql>".
  std::string Err(const std::string& sql) {
    auto r = Tr(sql);
    if (r.ok()) return "OK: " + r->sql;
    return std::to_string(r.status().mysql_errno()) + ": " + r.status().message();
  }

  std::map<std::pair<std::string, std::string>, std::shared_ptr<TableDef>> tables_;
  std::string current_db_ = "db1";
  int lookups_ = 0;
  std::vector<std::unique_ptr<std::string>> texts_;
  std::vector<ParsedStatement> statements_;
};

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// ---------------------------------------------------------------------------
// Emitted SQL shape

TEST_F(TranslatorTest, TablesAndColumnsAreAliasedAndQuoted) {
  TranslatedQuery q = Ok("SELECT id, name FROM t WHERE id = 1");
  EXPECT_TRUE(Contains(q.sql, "FROM \"db1.t\" AS \"t1\"")) << q.sql;
  EXPECT_TRUE(Contains(q.sql, "\"t1\".\"id\" AS \"id\"")) << q.sql;
  EXPECT_TRUE(Contains(q.sql, "\"t1\".\"name\" AS \"name\"")) << q.sql;
  EXPECT_TRUE(Contains(q.sql, " WHERE ")) << q.sql;
  EXPECT_EQ(q.sql.rfind("SELECT ", 0), 0u) << q.sql;
  EXPECT_FALSE(q.has_into);
}

TEST_F(TranslatorTest, QualifiedNamesAndOtherDatabases) {
  TranslatedQuery q = Ok("SELECT db2.t.id, x.name FROM db2.t JOIN db1.t AS x ON x.id = db2.t.id");
  EXPECT_TRUE(Contains(q.sql, "\"db2.t\" AS \"t1\"")) << q.sql;
  EXPECT_TRUE(Contains(q.sql, "\"db1.t\" AS \"t2\"")) << q.sql;
  EXPECT_TRUE(Contains(q.sql, "\"t1\".\"id\" AS \"id\"")) << q.sql;
  EXPECT_TRUE(Contains(q.sql, "\"t2\".\"name\" AS \"name\"")) << q.sql;
  EXPECT_TRUE(Contains(q.sql, " JOIN ")) << q.sql;
  EXPECT_TRUE(Contains(q.sql, " ON ")) << q.sql;
  ASSERT_EQ(q.columns.size(), 2u);
  EXPECT_EQ(q.columns[0].meta.schema, "db2");
  EXPECT_EQ(q.columns[1].meta.table, "x");
  EXPECT_EQ(q.columns[1].meta.org_table, "t");
}

TEST_F(TranslatorTest, JoinKinds) {
  EXPECT_TRUE(Contains(Ok("SELECT 1 FROM t LEFT JOIN u ON u.t_id = t.id").sql, " LEFT JOIN "));
  EXPECT_TRUE(Contains(Ok("SELECT 1 FROM t, u").sql, " CROSS JOIN "));
  TranslatedQuery q = Ok("SELECT * FROM t JOIN u USING (id)");
  // USING: the join column once, first, then the rest of each side.
  ASSERT_EQ(q.columns.size(), 9u + 2u);
  EXPECT_EQ(q.columns[0].meta.name, "id");
  EXPECT_EQ(q.columns[1].meta.name, "name");
  EXPECT_EQ(q.columns[9].meta.name, "t_id");
  EXPECT_EQ(q.columns[10].meta.name, "name");
  EXPECT_TRUE(Contains(q.sql, "\"t1\".\"id\" = \"t2\".\"id\"")) << q.sql;
}

TEST_F(TranslatorTest, LimitAndOffset) {
  EXPECT_TRUE(Contains(Ok("SELECT id FROM t LIMIT 10").sql, " LIMIT 10"));
  std::string s1 = Ok("SELECT id FROM t LIMIT 5, 10").sql;
  EXPECT_TRUE(Contains(s1, " LIMIT 10 OFFSET 5")) << s1;
  std::string s2 = Ok("SELECT id FROM t LIMIT 10 OFFSET 5").sql;
  EXPECT_TRUE(Contains(s2, " LIMIT 10 OFFSET 5")) << s2;
}

TEST_F(TranslatorTest, GroupByWithoutOrderBySortsByTheGroup) {
  std::string sql = Ok("SELECT name, COUNT(*) FROM t GROUP BY name").sql;
  EXPECT_TRUE(Contains(sql, " GROUP BY \"t1\".\"name\"")) << sql;
  EXPECT_TRUE(Contains(sql, " ORDER BY \"t1\".\"name\"")) << sql;
  std::string desc = Ok("SELECT name FROM t GROUP BY name ORDER BY name DESC").sql;
  EXPECT_TRUE(Contains(desc, " DESC")) << desc;
}

TEST_F(TranslatorTest, StarExpandsInTableOrder) {
  TranslatedQuery q = Ok("SELECT * FROM t");
  std::vector<std::string> names;
  for (auto& c : q.columns) names.push_back(c.meta.name);
  EXPECT_EQ(names, (std::vector<std::string>{"id", "name", "price", "ts", "u", "e", "b", "d", "dt"}));
  TranslatedQuery q2 = Ok("SELECT u.*, t.id FROM t JOIN u ON u.t_id = t.id");
  ASSERT_EQ(q2.columns.size(), 4u);
  EXPECT_EQ(q2.columns[0].meta.org_table, "u");
  EXPECT_EQ(q2.columns[3].meta.org_table, "t");
}

TEST_F(TranslatorTest, NoTablesNeeded) {
  TranslatedQuery q = Ok("SELECT 1 + 1 AS two, 'x'");
  EXPECT_FALSE(Contains(q.sql, " FROM ")) << q.sql;
  ASSERT_EQ(q.columns.size(), 2u);
  EXPECT_EQ(q.columns[0].meta.name, "two");
  EXPECT_EQ(q.columns[1].meta.name, "x");
  EXPECT_EQ(lookups_, 0);
}

TEST_F(TranslatorTest, UnionShapes) {
  TranslatedQuery q = Ok("SELECT id FROM t UNION ALL SELECT t_id FROM u ORDER BY 1 DESC LIMIT 3");
  EXPECT_TRUE(Contains(q.sql, " UNION ALL ")) << q.sql;
  EXPECT_TRUE(Contains(q.sql, " ORDER BY 1 DESC LIMIT 3")) << q.sql;
  ASSERT_EQ(q.columns.size(), 1u);
  EXPECT_EQ(q.columns[0].meta.name, "id");
  EXPECT_TRUE(Contains(Ok("SELECT id FROM t UNION SELECT id FROM u").sql, " UNION SELECT")) << q.sql;
}

TEST_F(TranslatorTest, DerivedTablesAndCtes) {
  TranslatedQuery q = Ok("SELECT x.n FROM (SELECT name AS n FROM t) AS x WHERE x.n > 'a'");
  ASSERT_EQ(q.columns.size(), 1u);
  EXPECT_EQ(q.columns[0].meta.name, "n");
  EXPECT_EQ(q.columns[0].type.family, ResultType::kString);
  TranslatedQuery c = Ok("WITH w (k) AS (SELECT id FROM t) SELECT k FROM w");
  EXPECT_EQ(c.sql.rfind("WITH ", 0), 0u) << c.sql;
  ASSERT_EQ(c.columns.size(), 1u);
  EXPECT_EQ(c.columns[0].meta.name, "k");
  EXPECT_EQ(c.columns[0].type.family, ResultType::kInt);
}

// ---------------------------------------------------------------------------
// Result columns: families and MariaDB metadata

TEST_F(TranslatorTest, ColumnFamilies) {
  TranslatedQuery q = Ok("SELECT id, name, price, ts, u, e, b, d, dt FROM t");
  std::vector<ResultType> want = {ResultType::kInt,     ResultType::kString,   ResultType::kDecimal,
                                  ResultType::kDatetime, ResultType::kUnsigned, ResultType::kString,
                                  ResultType::kBinary,  ResultType::kDouble,   ResultType::kDate};
  ASSERT_EQ(q.columns.size(), want.size());
  for (size_t i = 0; i < want.size(); i++) {
    EXPECT_EQ(q.columns[i].type.family, want[i]) << q.columns[i].meta.name;
    EXPECT_NE(q.columns[i].type.column, nullptr) << q.columns[i].meta.name;
  }
  EXPECT_EQ(q.columns[2].type.decimals, 2);
  EXPECT_EQ(q.columns[3].type.decimals, 3);
  EXPECT_FALSE(q.columns[0].type.nullable);
  EXPECT_TRUE(q.columns[1].type.nullable);
}

// MariaDB 10.11: SELECT * FROM db1.t (column definitions as sent).
TEST_F(TranslatorTest, ColumnMetadataMatchesMariadb) {
  TranslatedQuery q = Ok("SELECT * FROM t");
  struct Want {
    const char* name;
    uint16_t charset;
    uint32_t length;
    FieldType type;
    uint16_t flags;
    uint8_t decimals;
  };
  const Want want[] = {
      {"id", 63, 11, kTypeLong, 16899, 0},   {"name", 45, 80, kTypeVarString, 0, 0},
      {"price", 63, 12, kTypeNewDecimal, 0, 2}, {"ts", 63, 23, kTypeDatetime, 128, 3},
      {"u", 63, 20, kTypeLongLong, 32, 0},   {"e", 45, 4, kTypeString, 256, 0},
      {"b", 63, 8, kTypeVarString, 128, 0},  {"d", 63, 22, kTypeDouble, 0, 31},
      {"dt", 63, 10, kTypeDate, 128, 0},
  };
  ASSERT_EQ(q.columns.size(), std::size(want));
  for (size_t i = 0; i < std::size(want); i++) {
    const ColumnMeta& m = q.columns[i].meta;
    SCOPED_TRACE(want[i].name);
    EXPECT_EQ(m.name, want[i].name);
    EXPECT_EQ(m.org_name, want[i].name);
    EXPECT_EQ(m.schema, "db1");
    EXPECT_EQ(m.table, "t");
    EXPECT_EQ(m.org_table, "t");
    EXPECT_EQ(m.charset, want[i].charset);
    EXPECT_EQ(m.length, want[i].length);
    EXPECT_EQ(m.type, want[i].type);
    EXPECT_EQ(m.flags, want[i].flags);
    EXPECT_EQ(m.decimals, want[i].decimals);
  }
}

TEST_F(TranslatorTest, AliasesKeepOrgNames) {
  TranslatedQuery q = Ok("SELECT id AS x, tt.name FROM t AS tt");
  ASSERT_EQ(q.columns.size(), 2u);
  EXPECT_EQ(q.columns[0].meta.name, "x");
  EXPECT_EQ(q.columns[0].meta.org_name, "id");
  EXPECT_EQ(q.columns[0].meta.table, "tt");
  EXPECT_EQ(q.columns[0].meta.org_table, "t");
  EXPECT_EQ(q.columns[0].meta.flags, 16899);  // NOT_NULL | PRI_KEY | AUTO_INCREMENT | PART_KEY
  EXPECT_EQ(q.columns[1].meta.name, "name");
}

TEST_F(TranslatorTest, ExpressionMetadataMatchesMariadb) {
  TranslatedQuery q = Ok(
      "SELECT price + 1, COUNT(*), MAX(name), CONCAT(name, 'x'), id + 1, u + 1, d * 2, 1.5, 'abc', "
      "NULL, CAST(id AS CHAR), DATE(ts) FROM t");
  ASSERT_EQ(q.columns.size(), 12u);
  auto expect = [&](size_t i, const char* name, uint16_t charset, FieldType type, uint8_t decimals) {
    SCOPED_TRACE(name);
    const ColumnMeta& m = q.columns[i].meta;
    EXPECT_EQ(m.name, name);
    EXPECT_EQ(m.charset, charset);
    EXPECT_EQ(m.type, type);
    EXPECT_EQ(m.decimals, decimals);
    EXPECT_EQ(m.schema, "");
    EXPECT_EQ(m.org_table, "");
    EXPECT_EQ(m.org_name, "");
  };
  expect(0, "price + 1", 63, kTypeNewDecimal, 2);
  expect(1, "COUNT(*)", 63, kTypeLongLong, 0);
  expect(2, "MAX(name)", 45, kTypeVarString, 39);
  expect(3, "CONCAT(name, 'x')", 45, kTypeVarString, 39);
  expect(4, "id + 1", 63, kTypeLongLong, 0);
  expect(5, "u + 1", 63, kTypeLongLong, 0);
  expect(6, "d * 2", 63, kTypeDouble, 31);
  expect(7, "1.5", 63, kTypeNewDecimal, 1);
  expect(8, "abc", 45, kTypeVarString, 39);
  expect(9, "NULL", 63, kTypeNull, 0);
  expect(10, "CAST(id AS CHAR)", 45, kTypeVarString, 0);
  expect(11, "DATE(ts)", 63, kTypeDate, 0);
  // Lengths and flags MariaDB sends for these (an aggregate without GROUP BY
  // makes every column nullable).
  EXPECT_EQ(q.columns[1].meta.length, 21u);
  EXPECT_EQ(q.columns[2].meta.length, 80u);
  EXPECT_EQ(q.columns[3].meta.length, 84u);
  EXPECT_EQ(q.columns[4].meta.length, 12u);
  EXPECT_EQ(q.columns[5].meta.length, 21u);
  EXPECT_EQ(q.columns[5].meta.flags & kUnsignedFlag, kUnsignedFlag);
  EXPECT_EQ(q.columns[6].meta.length, 23u);
  EXPECT_EQ(q.columns[7].meta.length, 4u);
  EXPECT_EQ(q.columns[8].meta.length, 12u);
  EXPECT_EQ(q.columns[8].meta.flags & kNotNullFlag, kNotNullFlag);
  EXPECT_EQ(q.columns[10].meta.length, 44u);
  EXPECT_EQ(q.columns[11].meta.length, 10u);
  EXPECT_EQ(q.columns[0].type.family, ResultType::kDecimal);
  EXPECT_EQ(q.columns[0].type.decimals, 2);
  EXPECT_EQ(q.columns[5].type.family, ResultType::kUnsigned);
  EXPECT_TRUE(q.columns[9].type.is_null_literal);
}

// MariaDB sends max_length for DECIMAL expressions and Item_long_func
// results computed from the operands; relaydb does not yet (it sends 66 for
// DECIMAL, 11 for YEAR()/LENGTH(), 21 for CAST AS SIGNED). Known differences:
// enable when fixed.
TEST_F(TranslatorTest, DISABLED_ExpressionLengthsMatchMariadb) {
  TranslatedQuery q = Ok(
      "SELECT price + 1, SUM(price), AVG(id), id / 2, CAST(price AS SIGNED), YEAR(dt), "
      "LENGTH(name) FROM t");
  ASSERT_EQ(q.columns.size(), 7u);
  const uint32_t want[] = {13, 34, 16, 16, 12, 4, 10};
  for (size_t i = 0; i < 7; i++) EXPECT_EQ(q.columns[i].meta.length, want[i]) << q.columns[i].meta.name;
}

TEST_F(TranslatorTest, OuterJoinMakesColumnsNullable) {
  TranslatedQuery q = Ok("SELECT t.id, u.t_id FROM t LEFT JOIN u ON u.t_id = t.id");
  ASSERT_EQ(q.columns.size(), 2u);
  EXPECT_FALSE(q.columns[0].type.nullable);
  EXPECT_TRUE(q.columns[1].type.nullable);
  EXPECT_EQ(q.columns[1].meta.flags, kNoDefaultValueFlag);  // MariaDB: 4096, NOT_NULL dropped
  TranslatedQuery r = Ok("SELECT t.id, u.t_id FROM t RIGHT JOIN u ON u.t_id = t.id");
  EXPECT_TRUE(r.columns[0].type.nullable);
  EXPECT_FALSE(r.columns[1].type.nullable);
}

TEST_F(TranslatorTest, SelectItemNames) {
  TranslatedQuery q = Ok("SELECT  name , id+1, 'str', `id`, t.price, 1 AS `one` FROM t");
  std::vector<std::string> names;
  for (auto& c : q.columns) names.push_back(c.meta.name);
  EXPECT_EQ(names, (std::vector<std::string>{"name", "id+1", "str", "id", "price", "one"}));
}

TEST_F(TranslatorTest, SystemVariablesAreBigint) {
  TranslatedQuery q = Ok("SELECT @@max_connections");
  ASSERT_EQ(q.columns.size(), 1u);
  EXPECT_EQ(q.columns[0].meta.type, kTypeLongLong);
  EXPECT_EQ(q.columns[0].meta.name, "@@max_connections");
  EXPECT_EQ(Err("SELECT @@no_such_variable"), "1193: Unknown system variable 'no_such_variable'");
}

// Known difference (enable when fixed): MariaDB sends length 21 for an
// integer system variable; relaydb sends the length of its current value (3).
TEST_F(TranslatorTest, DISABLED_SystemVariableLengthIs21) {
  TranslatedQuery q = Ok("SELECT @@max_connections");
  ASSERT_EQ(q.columns.size(), 1u);
  EXPECT_EQ(q.columns[0].meta.length, 21u);
}

// ---------------------------------------------------------------------------
// Name resolution errors (MariaDB 10.11 texts)

TEST_F(TranslatorTest, UnknownColumn1054) {
  EXPECT_EQ(Err("SELECT nope FROM t"), "1054: Unknown column 'nope' in 'SELECT'");
  EXPECT_EQ(Err("SELECT id FROM t WHERE nope = 1"), "1054: Unknown column 'nope' in 'WHERE'");
  EXPECT_EQ(Err("SELECT id FROM t ORDER BY nope"), "1054: Unknown column 'nope' in 'ORDER BY'");
  EXPECT_EQ(Err("SELECT id FROM t GROUP BY nope"), "1054: Unknown column 'nope' in 'GROUP BY'");
  EXPECT_EQ(Err("SELECT id FROM t GROUP BY id HAVING nope > 1"), "1054: Unknown column 'nope' in 'HAVING'");
  EXPECT_EQ(Err("SELECT t.nope FROM t"), "1054: Unknown column 't.nope' in 'SELECT'");
  EXPECT_EQ(Err("SELECT x.id FROM t"), "1054: Unknown column 'x.id' in 'SELECT'");
  EXPECT_EQ(Err("SELECT db1.t.nope FROM t"), "1054: Unknown column 'db1.t.nope' in 'SELECT'");
  EXPECT_EQ(Err("SELECT 1 FROM t JOIN u ON u.nope = t.id"), "1054: Unknown column 'u.nope' in 'ON'");
  EXPECT_EQ(Err("SELECT 1 FROM t JOIN u USING (nope)"), "1054: Unknown column 'nope' in 'FROM'");
  EXPECT_EQ(Err("SELECT id FROM t ORDER BY 3"), "1054: Unknown column '3' in 'ORDER BY'");
  EXPECT_EQ(Err("SELECT id FROM t GROUP BY 2"), "1054: Unknown column '2' in 'GROUP BY'");
  // An alias of the select list is not visible in WHERE.
  EXPECT_EQ(Err("SELECT id AS a FROM t WHERE a = 1"), "1054: Unknown column 'a' in 'WHERE'");
  // ... but is in ORDER BY / GROUP BY / HAVING.
  EXPECT_TRUE(Tr("SELECT id AS a FROM t ORDER BY a").ok());
  EXPECT_TRUE(Tr("SELECT name AS a, COUNT(*) AS c FROM t GROUP BY a HAVING c > 1").ok());
}

TEST_F(TranslatorTest, AmbiguousColumn1052) {
  // MariaDB 10.11 names the clause without quotes here (unlike 1054).
  EXPECT_EQ(Err("SELECT id FROM t JOIN u ON u.t_id = t.id"), "1052: Column 'id' in SELECT is ambiguous");
  EXPECT_EQ(Err("SELECT t.id FROM t JOIN u ON u.t_id = t.id WHERE name = 'x'"),
            "1052: Column 'name' in WHERE is ambiguous");
  EXPECT_EQ(Err("SELECT t.id FROM t, u ORDER BY name"), "1052: Column 'name' in ORDER BY is ambiguous");
  EXPECT_EQ(Err("SELECT t.id FROM t JOIN u ON id = 1"), "1052: Column 'id' in ON is ambiguous");
  // Qualified, or USING (the join column merges), resolves it.
  EXPECT_TRUE(Tr("SELECT t.id, u.id FROM t JOIN u ON u.t_id = t.id").ok());
  EXPECT_TRUE(Tr("SELECT id FROM t JOIN u USING (id)").ok());
}

TEST_F(TranslatorTest, NotUniqueTable1066) {
  EXPECT_EQ(Err("SELECT 1 FROM t, t"), "1066: Not unique table/alias: 't'");
  EXPECT_EQ(Err("SELECT 1 FROM t AS a JOIN u AS a ON 1"), "1066: Not unique table/alias: 'a'");
  EXPECT_EQ(Err("SELECT 1 FROM t JOIN (SELECT 1 AS one) AS t ON 1"), "1066: Not unique table/alias: 't'");
  // The same table twice under different aliases is fine, even across databases.
  EXPECT_TRUE(Tr("SELECT 1 FROM t AS a, t AS b").ok());
}

TEST_F(TranslatorTest, OperandColumns1241) {
  EXPECT_EQ(Err("SELECT id FROM t WHERE (id, name) = (1, 'a', 3)"), "1241: Operand should contain 2 column(s)");
  EXPECT_EQ(Err("SELECT id FROM t WHERE (id, name, price) = (1, 'a')"),
            "1241: Operand should contain 3 column(s)");
  EXPECT_EQ(Err("SELECT id FROM t WHERE id IN (SELECT id, name FROM u)"),
            "1241: Operand should contain 1 column(s)");
  EXPECT_EQ(Err("SELECT id FROM t WHERE (id, name) IN (SELECT id FROM u)"),
            "1241: Operand should contain 2 column(s)");
  // A scalar compared with a row subquery is MariaDB's 4078, not 1241.
  EXPECT_EQ(Err("SELECT id FROM t WHERE id = (SELECT id, name FROM t LIMIT 1)"),
            "4078: Illegal parameter data types int and row for operation '='");
  EXPECT_TRUE(Tr("SELECT id FROM t WHERE (id, name) = (1, 'a')").ok());
  EXPECT_TRUE(Tr("SELECT id FROM t WHERE (id, name) IN (SELECT id, name FROM u)").ok());
}

// Known differences (enable when fixed): MariaDB calls a small integer
// literal "int" in 4078 (relaydb: "bigint"), and a row IN list whose element
// has the wrong arity is 4078 (relaydb emits SQL that SQLite rejects, and the
// client sees 1105 "IN(...) element has 1 term - expected 2").
TEST_F(TranslatorTest, DISABLED_RowTypeErrors4078) {
  EXPECT_EQ(Err("SELECT (1, 2) = 1"), "4078: Illegal parameter data types row and int for operation '='");
  EXPECT_EQ(Err("SELECT id FROM t WHERE ROW(id, name) IN ((1, 'a'), (2))"),
            "4078: Illegal parameter data types row and int for operation 'in'");
}

TEST_F(TranslatorTest, GroupFunctionMisuse1111) {
  EXPECT_EQ(Err("SELECT id FROM t WHERE COUNT(*) > 1"), "1111: Invalid use of group function");
  EXPECT_EQ(Err("SELECT id FROM t WHERE SUM(price) > 1 AND id = 2"), "1111: Invalid use of group function");
  EXPECT_TRUE(Tr("SELECT name FROM t GROUP BY name HAVING COUNT(*) > 1").ok());
}

TEST_F(TranslatorTest, UnionColumnCount1222) {
  EXPECT_EQ(Err("SELECT id, name FROM t UNION SELECT id FROM u"),
            "1222: The used SELECT statements have a different number of columns");
  EXPECT_EQ(Err("SELECT 1 UNION ALL SELECT 1, 2"),
            "1222: The used SELECT statements have a different number of columns");
  EXPECT_EQ(Err("SELECT 1 UNION SELECT 2 UNION SELECT 3, 4"),
            "1222: The used SELECT statements have a different number of columns");
}

TEST_F(TranslatorTest, TableErrors) {
  EXPECT_EQ(Err("SELECT 1 FROM nope"), "1146: Table 'db1.nope' doesn't exist");
  EXPECT_EQ(Err("SELECT 1 FROM db3.t"), "1146: Table 'db3.t' doesn't exist");
  EXPECT_EQ(Err("SELECT x.* FROM t"), "1051: Unknown table 'x'");
  EXPECT_EQ(Err("SELECT * FROM (SELECT 1 AS a, 2 AS a) AS d"), "1060: Duplicate column name 'a'");
  current_db_.clear();
  EXPECT_EQ(Err("SELECT 1 FROM t"), "1046: No database selected");
  EXPECT_TRUE(Tr("SELECT 1 FROM db1.t").ok());
}

TEST_F(TranslatorTest, CorrelatedSubqueryResolvesOuterColumns) {
  TranslatedQuery q = Ok("SELECT id FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.t_id = t.id)");
  EXPECT_TRUE(Contains(q.sql, "EXISTS")) << q.sql;
  EXPECT_EQ(Err("SELECT id FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.t_id = t.nope)"),
            "1054: Unknown column 't.nope' in 'WHERE'");
}

// ---------------------------------------------------------------------------
// End to end: the emitted SQL on SQLite gives MySQL's answers.

class TranslatorSqliteTest : public TranslatorTest {
 protected:
  void SetUp() override {
    TranslatorTest::SetUp();
    auto conn = storage::Connection::Open(":memory:");
    ASSERT_TRUE(conn.ok()) << conn.status().ToString();
    conn_ = std::move(conn).value();
    ASSERT_TRUE(RegisterMysqlFunctions(conn_->handle(), &provider_).ok());
    // The storage mapping of docs/architecture.md.
    ASSERT_TRUE(conn_->Exec(
        "CREATE TABLE \"db1.t\" (id INTEGER PRIMARY KEY, name TEXT COLLATE rdb_ci, "
        "price TEXT COLLATE rdb_num, ts TEXT, u TEXT COLLATE rdb_num, e TEXT COLLATE rdb_ci, b BLOB, "
        "d REAL, dt TEXT);"
        "CREATE TABLE \"db1.u\" (id INTEGER, t_id INTEGER NOT NULL, name TEXT COLLATE rdb_ci);"
        "INSERT INTO \"db1.t\" VALUES (1, 'Ann', '9.50', '2024-01-02 03:04:05.000', '18446744073709551615', "
        "'b', X'00FF', 1.5, '2024-01-02'), (2, 'bob', '10.25', NULL, '5', 'a', NULL, NULL, NULL), "
        "(3, 'ann ', NULL, NULL, '12', NULL, NULL, -2, '1999-12-31');"
        "INSERT INTO \"db1.u\" VALUES (10, 1, 'x'), (11, 1, 'y'), (12, 3, 'z');")
                    .ok());
  }

  // Rows as text ("NULL" for NULL), columns joined by '|'.
  std::vector<std::string> Rows(const std::string& sql) {
    TranslatedQuery q = Ok(sql);
    std::vector<std::string> out;
    if (q.sql.empty()) return out;
    storage::Statement st;
    Status s = conn_->PrepareUncached(q.sql, &st);
    EXPECT_TRUE(s.ok()) << sql << "\n -> " << q.sql << "\n -> " << s.ToString();
    if (!s.ok()) return out;
    for (size_t i = 0; i < q.binds.size(); i++) EXPECT_TRUE(st.BindValue(static_cast<int>(i + 1), q.binds[i]).ok());
    while (true) {
      bool has_row = false;
      Status step = st.Step(&has_row);
      EXPECT_TRUE(step.ok()) << q.sql << " -> " << step.ToString();
      if (!step.ok() || !has_row) break;
      std::string row;
      for (size_t i = 0; i < q.columns.size(); i++) {
        Value v = DecodeOutput(q.columns[i], st.handle(), static_cast<int>(i), false);
        row += (i ? "|" : "") + (v.is_null() ? std::string("NULL") : v.ToText());
      }
      out.push_back(row);
    }
    return out;
  }

  using V = std::vector<std::string>;
  std::unique_ptr<storage::Connection> conn_;
  FunctionContextProvider provider_;
};

TEST_F(TranslatorSqliteTest, PlainSelects) {
  EXPECT_EQ(Rows("SELECT id, name, price FROM t ORDER BY id"), (V{"1|Ann|9.50", "2|bob|10.25", "3|ann |NULL"}));
  EXPECT_EQ(Rows("SELECT ts, dt, u, d FROM t WHERE id = 1"),
            (V{"2024-01-02 03:04:05.000|2024-01-02|18446744073709551615|1.5"}));
  EXPECT_EQ(Rows("SELECT id FROM t WHERE name = 'ANN' ORDER BY id"), (V{"1", "3"}));  // _ci, PAD SPACE
  EXPECT_EQ(Rows("SELECT id FROM t WHERE price > 10"), (V{"2"}));                    // numeric, not text
  EXPECT_EQ(Rows("SELECT id FROM t ORDER BY u"), (V{"2", "3", "1"}));                // BIGINT UNSIGNED order
  EXPECT_EQ(Rows("SELECT id FROM t ORDER BY e, id"), (V{"3", "2", "1"}));            // ENUM index order
  EXPECT_EQ(Rows("SELECT id FROM t LIMIT 1, 1"), (V{"2"}));
}

TEST_F(TranslatorSqliteTest, Expressions) {
  EXPECT_EQ(Rows("SELECT price + 1, id / 2, CONCAT(name, '!') FROM t WHERE id = 1"), (V{"10.50|0.5000|Ann!"}));
  EXPECT_EQ(Rows("SELECT 1 + 1, 7 DIV 2, 7 % 3, 'a' = 'A', NULL IS NULL"), (V{"2|3|1|1|1"}));
  EXPECT_EQ(Rows("SELECT COALESCE(price, 0) FROM t ORDER BY id"), (V{"9.50", "10.25", "0.00"}));
  EXPECT_EQ(Rows("SELECT IF(d > 0, 'pos', 'neg') FROM t WHERE d IS NOT NULL ORDER BY id"), (V{"pos", "neg"}));
}

TEST_F(TranslatorSqliteTest, JoinsGroupsAndSubqueries) {
  EXPECT_EQ(Rows("SELECT t.id, u.name FROM t JOIN u ON u.t_id = t.id ORDER BY u.id"),
            (V{"1|x", "1|y", "3|z"}));
  EXPECT_EQ(Rows("SELECT t.id, COUNT(u.id) FROM t LEFT JOIN u ON u.t_id = t.id GROUP BY t.id"),
            (V{"1|2", "2|0", "3|1"}));
  EXPECT_EQ(Rows("SELECT COUNT(*), SUM(price), MAX(name) FROM t"), (V{"3|19.75|bob"}));
  EXPECT_EQ(Rows("SELECT name FROM t WHERE id IN (SELECT t_id FROM u) ORDER BY id"), (V{"Ann", "ann "}));
  EXPECT_EQ(Rows("SELECT id FROM t WHERE NOT EXISTS (SELECT 1 FROM u WHERE u.t_id = t.id)"), (V{"2"}));
  EXPECT_EQ(Rows("SELECT id FROM t UNION SELECT t_id FROM u ORDER BY 1 DESC"), (V{"3", "2", "1"}));
  EXPECT_EQ(Rows("SELECT COUNT(*) FROM t GROUP BY name HAVING COUNT(*) > 1"), (V{"2"}));  // 'Ann' = 'ann '
  EXPECT_EQ(Rows("SELECT COUNT(DISTINCT name) FROM t"), (V{"2"}));
  EXPECT_EQ(Rows("WITH w AS (SELECT id FROM t WHERE id > 1) SELECT COUNT(*) FROM w"), (V{"2"}));
}

// Known difference (enable when fixed): GROUP BY / DISTINCT on a string
// expression compare the expression's value without the connection
// collation (utf8mb4_general_ci, PAD SPACE), so 'ann' and 'ann ' (or 'Ann'
// and 'ann') form two groups where MariaDB has one.
TEST_F(TranslatorSqliteTest, DISABLED_GroupByStringExpressionUsesTheCollation) {
  EXPECT_EQ(Rows("SELECT LOWER(name) AS n, COUNT(*) FROM t GROUP BY n HAVING COUNT(*) > 1"), (V{"ann|2"}));
  EXPECT_EQ(Rows("SELECT COUNT(*) FROM (SELECT DISTINCT CONCAT(name, '') FROM t) AS d"), (V{"2"}));
}

}  // namespace
}  // namespace relaydb::sql
