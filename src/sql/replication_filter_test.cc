// Unit tests for the --replicate-* rules (replication_filter.h).
#include "sql/replication_filter.h"

#include <gtest/gtest.h>

#include "sql/parser.h"
#include "sql/variables.h"

namespace relaydb::sql {
namespace {

std::vector<QualifiedTable> Updated(const std::string& sql, const std::string& db = "d") {
  auto p = ParseOne(sql, ParseOptions{});
  EXPECT_TRUE(p.ok()) << sql << ": " << p.status().ToString();
  if (!p.ok()) return {};
  return UpdatedTables(*p->stmt, db);
}

std::string Names(const std::vector<QualifiedTable>& ts) {
  std::string out;
  for (const auto& t : ts) out += (out.empty() ? "" : " ") + t.db + "." + t.table;
  return out;
}

TEST(ReplicationFilterTest, EmptyPassesEverything) {
  ReplicationFilter f;
  EXPECT_TRUE(f.empty());
  EXPECT_TRUE(f.DbOk("x"));
  EXPECT_TRUE(f.TablesOk({{"x", "t"}}));
  EXPECT_EQ(f.RewriteDb("x"), "x");
}

TEST(ReplicationFilterTest, DoDbWinsOverIgnoreDb) {
  ReplicationFilter f;
  f.do_db = {"a"};
  f.ignore_db = {"a", "b"};
  EXPECT_TRUE(f.DbOk("a"));   // do-db listed: ignore-db is not consulted
  EXPECT_FALSE(f.DbOk("b"));
  EXPECT_FALSE(f.DbOk("c"));  // not in do-db
  EXPECT_FALSE(f.DbOk("A"));  // database names compare exactly
  EXPECT_TRUE(f.DbOk(""));    // no default database: replicated
}

TEST(ReplicationFilterTest, IgnoreDbAlone) {
  ReplicationFilter f;
  f.ignore_db = {"b"};
  EXPECT_TRUE(f.DbOk("a"));
  EXPECT_FALSE(f.DbOk("b"));
}

TEST(ReplicationFilterTest, TableRulesInMySqlOrder) {
  ReplicationFilter f;
  f.do_table = {"d.keep"};
  f.ignore_table = {"d.skip"};
  f.wild_do_table = {"d.w%"};
  f.wild_ignore_table = {"d.%"};
  EXPECT_TRUE(f.TablesOk({{"d", "keep"}}));
  EXPECT_TRUE(f.TablesOk({{"d", "KEEP"}}));  // table rules are case-insensitive
  EXPECT_FALSE(f.TablesOk({{"d", "skip"}}));
  EXPECT_TRUE(f.TablesOk({{"d", "wide"}}));
  EXPECT_FALSE(f.TablesOk({{"d", "other"}}));  // wild-ignore
  EXPECT_FALSE(f.TablesOk({{"e", "other"}}));  // nothing matched, do rules exist
  // The first table with a verdict decides.
  EXPECT_FALSE(f.TablesOk({{"d", "skip"}, {"d", "keep"}}));
  EXPECT_TRUE(f.TablesOk({{"e", "x"}, {"d", "keep"}}));
  // No table updated: outside the table rules.
  EXPECT_TRUE(f.TablesOk({}));
}

TEST(ReplicationFilterTest, IgnoreRulesAloneLetTheRestThrough) {
  ReplicationFilter f;
  f.ignore_table = {"d.skip"};
  f.wild_ignore_table = {"tmp%.%"};
  EXPECT_TRUE(f.TablesOk({{"d", "t"}}));
  EXPECT_FALSE(f.TablesOk({{"d", "skip"}}));
  EXPECT_FALSE(f.TablesOk({{"tmp1", "t"}}));
  EXPECT_FALSE(f.TablesOk({{"TMP1", "t"}}));
}

TEST(ReplicationFilterTest, WildPatternsEscapeUnderscore) {
  ReplicationFilter f;
  f.wild_do_table = {"d.a\\_%"};
  EXPECT_TRUE(f.TablesOk({{"d", "a_1"}}));
  EXPECT_FALSE(f.TablesOk({{"d", "ab1"}}));
}

TEST(ReplicationFilterTest, RewriteDb) {
  ReplicationFilter f;
  f.rewrite_db = {{"src", "dst"}};
  EXPECT_EQ(f.RewriteDb("src"), "dst");
  EXPECT_EQ(f.RewriteDb("other"), "other");
  EXPECT_FALSE(f.empty());
  EXPECT_FALSE(f.has_table_rules());
}

TEST(ReplicationFilterTest, FromVariables) {
  GlobalVariables vars;
  ASSERT_TRUE(vars.Force("replicate_do_db", Value::String("a, b")));
  ASSERT_TRUE(vars.Force("replicate_wild_ignore_table", Value::String("x.%")));
  ASSERT_TRUE(vars.Force("replicate_rewrite_db", Value::String("p->q,r -> s")));
  ReplicationFilter f = ReplicationFilter::FromVariables(vars);
  EXPECT_EQ(f.do_db, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(f.wild_ignore_table, (std::vector<std::string>{"x.%"}));
  ASSERT_EQ(f.rewrite_db.size(), 2u);
  EXPECT_EQ(f.rewrite_db[1].first, "r");
  EXPECT_EQ(f.rewrite_db[1].second, "s");
  EXPECT_TRUE(f.ignore_db.empty());
}

TEST(ReplicationFilterTest, UpdatedTablesOfStatements) {
  EXPECT_EQ(Names(Updated("INSERT INTO t VALUES (1)")), "d.t");
  EXPECT_EQ(Names(Updated("INSERT INTO o.t SELECT * FROM r")), "o.t");
  EXPECT_EQ(Names(Updated("REPLACE INTO t VALUES (1)")), "d.t");
  EXPECT_EQ(Names(Updated("UPDATE t SET a = 1")), "d.t");
  EXPECT_EQ(Names(Updated("UPDATE t1 JOIN o.t2 x ON t1.a = x.a SET x.b = 1")), "o.t2");
  EXPECT_EQ(Names(Updated("UPDATE t1, t2 SET t1.a = 1, t2.b = 2")), "d.t1 d.t2");
  EXPECT_EQ(Names(Updated("DELETE FROM t WHERE a = 1")), "d.t");
  EXPECT_EQ(Names(Updated("DELETE x FROM o.t1 x JOIN t2 ON x.a = t2.a")), "o.t1");
  EXPECT_EQ(Names(Updated("CREATE TABLE n (a INT)")), "d.n");
  EXPECT_EQ(Names(Updated("DROP TABLE a, o.b")), "d.a o.b");
  EXPECT_EQ(Names(Updated("RENAME TABLE a TO o.b")), "d.a o.b");
  EXPECT_EQ(Names(Updated("TRUNCATE TABLE t")), "d.t");
  EXPECT_EQ(Names(Updated("ALTER TABLE t ADD COLUMN c INT")), "d.t");
  EXPECT_EQ(Names(Updated("CREATE INDEX i ON t (a)")), "d.t");
  EXPECT_EQ(Names(Updated("DROP INDEX i ON t")), "d.t");
  EXPECT_EQ(Names(Updated("CREATE DATABASE x")), "");
  EXPECT_EQ(Names(Updated("SELECT * FROM t")), "");
}

}  // namespace
}  // namespace relaydb::sql
