// Tests for system variables, sql_mode and status counters. Expected texts
// were captured from MariaDB 10.11.19.
#include "sql/variables.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace relaydb::sql {
namespace {

void ExpectSqlError(const Status& s, int code, const std::string& state, const std::string& msg) {
  ASSERT_TRUE(s.IsSqlError()) << s.ToString();
  EXPECT_EQ(s.mysql_errno(), code);
  EXPECT_EQ(s.sqlstate(), state);
  EXPECT_EQ(s.message(), msg);
}

class VariablesTest : public ::testing::Test {
 protected:
  VariablesTest() : session_(&globals_) {}

  Value Get(std::string name, SysVarScope scope = SysVarScope::kDefault) {
    auto r = session_.Get(scope, name);
    EXPECT_TRUE(r.ok()) << name << ": " << r.status().ToString();
    return r.ok() ? r.value() : Value();
  }
  std::string Text(std::string name) {
    auto rows = session_.Show(SysVarScope::kSession, name);
    EXPECT_EQ(rows.size(), 1u) << name;
    return rows.empty() ? "" : rows[0].second;
  }
  Status Set(std::string name, Value v, SysVarScope scope = SysVarScope::kDefault) {
    warnings_.clear();
    return session_.Set(scope, name, v, &warnings_);
  }

  GlobalVariables globals_;
  SessionVariables session_;
  std::vector<AdminWarning> warnings_;
};

TEST(SqlModeTest, DefaultAndNumericForm) {
  EXPECT_EQ(SqlModeToString(kDefaultSqlMode),
            "STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,"
            "NO_ENGINE_SUBSTITUTION");
  uint64_t m = 0;
  std::string bad;
  ASSERT_TRUE(ParseSqlMode(
      "strict_trans_tables,ERROR_FOR_DIVISION_BY_ZERO,no_auto_create_user,NO_ENGINE_SUBSTITUTION",
      &m, &bad));
  EXPECT_EQ(m, 1411383296u);
  EXPECT_EQ(SqlModeToString(0), "");
}

TEST(SqlModeTest, CombinationModesExpand) {
  auto expand = [](const char* text) {
    uint64_t m = 0;
    std::string bad;
    EXPECT_TRUE(ParseSqlMode(text, &m, &bad)) << text;
    return SqlModeToString(m);
  };
  EXPECT_EQ(expand("ANSI"), "REAL_AS_FLOAT,PIPES_AS_CONCAT,ANSI_QUOTES,IGNORE_SPACE,ANSI");
  EXPECT_EQ(expand("TRADITIONAL"),
            "STRICT_TRANS_TABLES,STRICT_ALL_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,"
            "ERROR_FOR_DIVISION_BY_ZERO,TRADITIONAL,NO_AUTO_CREATE_USER,NO_ENGINE_SUBSTITUTION");
  EXPECT_EQ(expand("ORACLE"),
            "PIPES_AS_CONCAT,ANSI_QUOTES,IGNORE_SPACE,ORACLE,NO_KEY_OPTIONS,NO_TABLE_OPTIONS,"
            "NO_FIELD_OPTIONS,NO_AUTO_CREATE_USER,SIMULTANEOUS_ASSIGNMENT");
  EXPECT_EQ(expand("POSTGRESQL"),
            "PIPES_AS_CONCAT,ANSI_QUOTES,IGNORE_SPACE,POSTGRESQL,NO_KEY_OPTIONS,NO_TABLE_OPTIONS,"
            "NO_FIELD_OPTIONS");
  EXPECT_EQ(expand("MAXDB"),
            "PIPES_AS_CONCAT,ANSI_QUOTES,IGNORE_SPACE,MAXDB,NO_KEY_OPTIONS,NO_TABLE_OPTIONS,"
            "NO_FIELD_OPTIONS,NO_AUTO_CREATE_USER");
  EXPECT_EQ(expand("MYSQL40"), "MYSQL40,HIGH_NOT_PRECEDENCE");
  EXPECT_EQ(expand("ansi_quotes,,ansi_quotes"), "ANSI_QUOTES");
  EXPECT_EQ(expand("ansi_quotes "), "ANSI_QUOTES");
  EXPECT_EQ(expand("no_auto_create_user,"), "NO_AUTO_CREATE_USER");
  uint64_t m = 0;
  std::string bad;
  EXPECT_FALSE(ParseSqlMode("ansi_quotes, pipes_as_concat", &m, &bad));
  EXPECT_EQ(bad, " pipes_as_concat");
}

TEST_F(VariablesTest, Defaults) {
  EXPECT_EQ(Get("version"), Value::String("10.11.19-MariaDB-relaydb"));
  EXPECT_EQ(Get("version_comment"), Value::String("relaydb"));
  EXPECT_EQ(Get("protocol_version"), Value::UInt(10));
  EXPECT_EQ(Get("autocommit"), Value::Int(1));
  EXPECT_EQ(Text("autocommit"), "ON");
  EXPECT_EQ(Get("binlog_format"), Value::String("ROW"));
  EXPECT_EQ(Get("binlog_checksum"), Value::String("CRC32"));
  EXPECT_EQ(Get("binlog_row_image"), Value::String("FULL"));
  EXPECT_EQ(Get("sync_binlog"), Value::UInt(1));
  EXPECT_EQ(Get("max_binlog_size"), Value::UInt(1073741824));
  EXPECT_EQ(Get("slave_net_timeout"), Value::UInt(60));
  EXPECT_EQ(Get("max_allowed_packet"), Value::UInt(16777216));
  EXPECT_EQ(Get("max_connections"), Value::UInt(151));
  EXPECT_EQ(Get("long_query_time"), Value::Double(10));
  EXPECT_EQ(Text("long_query_time"), "10.000000");
  EXPECT_EQ(Get("sql_mode").string_value(),
            "STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,"
            "NO_ENGINE_SUBSTITUTION");
  EXPECT_EQ(Get("sql_select_limit"), Value::UInt(18446744073709551615ULL));
  EXPECT_EQ(Get("tx_isolation"), Value::String("REPEATABLE-READ"));
  EXPECT_EQ(Get("time_zone"), Value::String("SYSTEM"));
  EXPECT_EQ(Get("lower_case_table_names"), Value::UInt(0));
  EXPECT_EQ(Get("default_storage_engine"), Value::String("InnoDB"));
  EXPECT_EQ(Get("have_ssl"), Value::String("DISABLED"));
  EXPECT_EQ(Get("performance_schema"), Value::Int(0));
  EXPECT_EQ(Get("character_set_server"), Value::String("utf8mb4"));
  EXPECT_EQ(Get("collation_connection"), Value::String("utf8mb4_general_ci"));
  EXPECT_EQ(Get("character_set_system"), Value::String("utf8mb3"));
  EXPECT_EQ(Get("div_precision_increment"), Value::UInt(4));
  EXPECT_EQ(Get("group_concat_max_len"), Value::UInt(1048576));  // MariaDB, not MySQL
  EXPECT_EQ(Get("log_bin"), Value::Int(0));
  EXPECT_TRUE(Get("log_bin_basename").is_null());
  EXPECT_EQ(Get("gtid_slave_pos"), Value::String(""));
  EXPECT_EQ(Get("license"), Value::String("GPL"));

  const SessionHot& h = session_.hot();
  EXPECT_TRUE(h.autocommit);
  EXPECT_EQ(h.sql_mode, kDefaultSqlMode);
  EXPECT_EQ(h.binlog_format, BinlogFormat::kRow);
  EXPECT_TRUE(h.sql_log_bin);
  EXPECT_EQ(h.character_set_client, "utf8mb4");
  EXPECT_EQ(h.tx_isolation, TxIsolation::kRepeatableRead);
  EXPECT_EQ(h.max_allowed_packet, 16777216u);
}

TEST_F(VariablesTest, ColumnTypes) {
  const auto* d = globals_.Find("max_allowed_packet");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(SysVarColumnType(*d).type, kTypeLongLong);
  EXPECT_TRUE(SysVarColumnType(*d).is_unsigned);
  EXPECT_EQ(SysVarColumnType(*globals_.Find("long_query_time")).decimals, 6);
  EXPECT_EQ(SysVarColumnType(*globals_.Find("autocommit")).is_unsigned, false);
  EXPECT_EQ(SysVarColumnType(*globals_.Find("sql_mode")).type, kTypeVarString);
}

TEST_F(VariablesTest, ScopeErrors) {
  ExpectSqlError(Set("nosuch", Value::Int(1)), 1193, "HY000", "Unknown system variable 'nosuch'");
  ExpectSqlError(session_.Get(SysVarScope::kGlobal, "nosuch").status(), 1193, "HY000",
                 "Unknown system variable 'nosuch'");
  ExpectSqlError(Set("version", Value::Int(1), SysVarScope::kGlobal), 1238, "HY000",
                 "Variable 'version' is a read only variable");
  ExpectSqlError(Set("warning_count", Value::Int(1), SysVarScope::kGlobal), 1238, "HY000",
                 "Variable 'warning_count' is a read only variable");
  ExpectSqlError(Set("max_connections", Value::Int(10)), 1229, "HY000",
                 "Variable 'max_connections' is a GLOBAL variable and should be set with SET GLOBAL");
  ExpectSqlError(Set("timestamp", Value::Int(1), SysVarScope::kGlobal), 1228, "HY000",
                 "Variable 'timestamp' is a SESSION variable and can't be used with SET GLOBAL");
  ExpectSqlError(Set("sql_log_bin", Value::Int(0), SysVarScope::kGlobal), 1238, "HY000",
                 "Variable 'sql_log_bin' is a SESSION variable");
  ExpectSqlError(Set("max_allowed_packet", Value::Int(1)), 1621, "HY000",
                 "SESSION variable 'max_allowed_packet' is read-only. Use SET GLOBAL to assign the "
                 "value");
  ExpectSqlError(session_.Get(SysVarScope::kGlobal, "timestamp").status(), 1238, "HY000",
                 "Variable 'timestamp' is a SESSION variable");
  ExpectSqlError(session_.Get(SysVarScope::kSession, "max_connections").status(), 1238, "HY000",
                 "Variable 'max_connections' is a GLOBAL variable");
  ExpectSqlError(session_.Get(SysVarScope::kSession, "version").status(), 1238, "HY000",
                 "Variable 'version' is a GLOBAL variable");
  EXPECT_EQ(Get("server_id", SysVarScope::kSession), Value::UInt(1));
  EXPECT_EQ(Get("sql_log_bin", SysVarScope::kGlobal), Value::Int(1));
  EXPECT_TRUE(Set("sql_log_bin", Value::Int(0)).ok());
  EXPECT_FALSE(session_.hot().sql_log_bin);
  EXPECT_TRUE(Set("server_id", Value::Int(7)).ok());  // session server_id exists in MariaDB
  EXPECT_EQ(session_.hot().server_id, 7u);
}

TEST_F(VariablesTest, TypeAndValueErrors) {
  EXPECT_TRUE(Set("autocommit", Value::String("on")).ok());
  EXPECT_TRUE(Set("autocommit", Value::Int(0)).ok());
  EXPECT_FALSE(session_.hot().autocommit);
  ExpectSqlError(Set("autocommit", Value::Int(2)), 1231, "42000",
                 "Variable 'autocommit' can't be set to the value of '2'");
  ExpectSqlError(Set("autocommit", Value::String("yes")), 1231, "42000",
                 "Variable 'autocommit' can't be set to the value of 'yes'");
  ExpectSqlError(Set("autocommit", Value::String("1")), 1231, "42000",
                 "Variable 'autocommit' can't be set to the value of '1'");
  ExpectSqlError(Set("autocommit", Value::Double(1.0)), 1232, "42000",
                 "Incorrect argument type to variable 'autocommit'");
  ExpectSqlError(Set("autocommit", Value::Null()), 1231, "42000",
                 "Variable 'autocommit' can't be set to the value of 'NULL'");
  ExpectSqlError(Set("max_connections", Value::String("10"), SysVarScope::kGlobal), 1232, "42000",
                 "Incorrect argument type to variable 'max_connections'");
  ExpectSqlError(Set("max_connections", Value::Null(), SysVarScope::kGlobal), 1232, "42000",
                 "Incorrect argument type to variable 'max_connections'");
  ExpectSqlError(Set("binlog_format", Value::String("FOO"), SysVarScope::kGlobal), 1231, "42000",
                 "Variable 'binlog_format' can't be set to the value of 'FOO'");
  ExpectSqlError(Set("binlog_format", Value::String("row ")), 1231, "42000",
                 "Variable 'binlog_format' can't be set to the value of 'row '");
  ExpectSqlError(Set("binlog_format", Value::Int(3)), 1231, "42000",
                 "Variable 'binlog_format' can't be set to the value of '3'");
  ExpectSqlError(Set("binlog_format", Value::Double(1.5)), 1232, "42000",
                 "Incorrect argument type to variable 'binlog_format'");
  ASSERT_TRUE(Set("binlog_format", Value::Int(1)).ok());
  EXPECT_EQ(Get("binlog_format"), Value::String("STATEMENT"));
  EXPECT_EQ(session_.hot().binlog_format, BinlogFormat::kStatement);
  ASSERT_TRUE(Set("binlog_format", Value::String("mixed")).ok());
  EXPECT_EQ(Get("binlog_format"), Value::String("MIXED"));
  ExpectSqlError(Set("long_query_time", Value::String("1.5")), 1232, "42000",
                 "Incorrect argument type to variable 'long_query_time'");
  ExpectSqlError(Set("time_zone", Value::Null()), 1231, "42000",
                 "Variable 'time_zone' can't be set to the value of 'NULL'");
}

TEST_F(VariablesTest, SqlModeSet) {
  ASSERT_TRUE(Set("sql_mode", Value::String("ANSI")).ok());
  EXPECT_EQ(Get("sql_mode").string_value(),
            "REAL_AS_FLOAT,PIPES_AS_CONCAT,ANSI_QUOTES,IGNORE_SPACE,ANSI");
  EXPECT_EQ(session_.hot().sql_mode, kModeRealAsFloat | kModePipesAsConcat | kModeAnsiQuotes |
                                         kModeIgnoreSpace | kModeAnsi);
  ASSERT_TRUE(Set("sql_mode", Value::Int(1411383296)).ok());
  EXPECT_EQ(session_.hot().sql_mode, kDefaultSqlMode);
  ASSERT_TRUE(Set("sql_mode", Value::Int(262144)).ok());
  EXPECT_EQ(Get("sql_mode").string_value(),
            "REAL_AS_FLOAT,PIPES_AS_CONCAT,ANSI_QUOTES,IGNORE_SPACE,ANSI");
  ASSERT_TRUE(Set("sql_mode", Value::UInt(34359738367ULL)).ok());
  ExpectSqlError(Set("sql_mode", Value::UInt(34359738368ULL)), 1231, "42000",
                 "Variable 'sql_mode' can't be set to the value of '34359738368'");
  ExpectSqlError(Set("sql_mode", Value::Int(-1)), 1231, "42000",
                 "Variable 'sql_mode' can't be set to the value of '-1'");
  ExpectSqlError(Set("sql_mode", Value::String("strict_trans_tables,foo")), 1231, "42000",
                 "Variable 'sql_mode' can't be set to the value of 'foo'");
  ExpectSqlError(Set("sql_mode", Value::String(" ansi_quotes")), 1231, "42000",
                 "Variable 'sql_mode' can't be set to the value of ' ansi_quotes'");
  ExpectSqlError(Set("sql_mode", Value::String("1")), 1231, "42000",
                 "Variable 'sql_mode' can't be set to the value of '1'");
  ExpectSqlError(Set("sql_mode", Value::Double(1.0)), 1232, "42000",
                 "Incorrect argument type to variable 'sql_mode'");
  ExpectSqlError(Set("sql_mode", Value::Null()), 1231, "42000",
                 "Variable 'sql_mode' can't be set to the value of 'NULL'");
  ASSERT_TRUE(Set("sql_mode", Value::String("")).ok());
  EXPECT_EQ(Get("sql_mode"), Value::String(""));
  ASSERT_TRUE(session_.SetDefault(SysVarScope::kSession, "sql_mode", &warnings_).ok());
  EXPECT_EQ(session_.hot().sql_mode, kDefaultSqlMode);
}

TEST_F(VariablesTest, IntegerClamping) {
  ASSERT_TRUE(Set("max_allowed_packet", Value::Int(1), SysVarScope::kGlobal).ok());
  EXPECT_EQ(globals_.GetUInt("max_allowed_packet"), 1024u);
  ASSERT_EQ(warnings_.size(), 2u);
  EXPECT_EQ(warnings_[0], (AdminWarning{AdminWarning::Level::kWarning, 1292,
                                        "Truncated incorrect max_allowed_packet value: '1'"}));
  EXPECT_EQ(warnings_[1].code, 1708);
  EXPECT_EQ(warnings_[1].message,
            "The value of 'max_allowed_packet' should be no less than the value of "
            "'net_buffer_length'");
  ASSERT_TRUE(Set("max_allowed_packet", Value::Int(2047), SysVarScope::kGlobal).ok());
  EXPECT_EQ(globals_.GetUInt("max_allowed_packet"), 1024u);
  EXPECT_EQ(warnings_[0].message, "Truncated incorrect max_allowed_packet value: '2047'");
  ASSERT_TRUE(Set("max_allowed_packet", Value::Int(99999999999999), SysVarScope::kGlobal).ok());
  EXPECT_EQ(globals_.GetUInt("max_allowed_packet"), 1073741824u);
  ASSERT_EQ(warnings_.size(), 1u);
  ASSERT_TRUE(Set("max_allowed_packet", Value::Int(-1), SysVarScope::kGlobal).ok());
  EXPECT_EQ(globals_.GetUInt("max_allowed_packet"), 1024u);
  EXPECT_EQ(warnings_[0].message, "Truncated incorrect max_allowed_packet value: '-1'");
  ASSERT_TRUE(Set("max_allowed_packet", Value::Int(67108864), SysVarScope::kGlobal).ok());
  EXPECT_TRUE(warnings_.empty());
  // The session keeps the value it started with.
  EXPECT_EQ(session_.hot().max_allowed_packet, 16777216u);
  SessionVariables fresh(&globals_);
  EXPECT_EQ(fresh.hot().max_allowed_packet, 67108864u);

  ASSERT_TRUE(Set("wait_timeout", Value::Int(0), SysVarScope::kGlobal).ok());
  EXPECT_EQ(warnings_[0].message, "Truncated incorrect wait_timeout value: '0'");
  EXPECT_EQ(globals_.GetUInt("wait_timeout"), 1u);
  ASSERT_TRUE(Set("auto_increment_increment", Value::Int(70000)).ok());
  EXPECT_EQ(session_.hot().auto_increment_increment, 65535u);
  ASSERT_TRUE(Set("sql_select_limit", Value::Int(-1)).ok());
  EXPECT_EQ(warnings_[0].message, "Truncated incorrect sql_select_limit value: '-1'");
  ASSERT_TRUE(Set("long_query_time", Value::Int(-1)).ok());
  EXPECT_EQ(warnings_[0].message, "Truncated incorrect long_query_time value: '-1'");
  EXPECT_EQ(Get("long_query_time"), Value::Double(0));
  ASSERT_TRUE(Set("long_query_time", Value::Double(1.5)).ok());
  EXPECT_EQ(Text("long_query_time"), "1.500000");
  ASSERT_TRUE(Set("max_user_connections", Value::Int(-5), SysVarScope::kGlobal).ok());
  EXPECT_EQ(globals_.GetString("max_user_connections"), "-1");
}

TEST_F(VariablesTest, SetDefaultAndSessionInheritance) {
  std::vector<AdminWarning> w;
  ASSERT_TRUE(globals_.Set("binlog_format", Value::String("STATEMENT"), &w).ok());
  EXPECT_EQ(Get("binlog_format"), Value::String("ROW"));  // this session started before
  ASSERT_TRUE(session_.SetDefault(SysVarScope::kSession, "binlog_format", &w).ok());
  EXPECT_EQ(Get("binlog_format"), Value::String("STATEMENT"));  // = global
  ASSERT_TRUE(session_.SetDefault(SysVarScope::kGlobal, "binlog_format", &w).ok());
  EXPECT_EQ(Get("binlog_format", SysVarScope::kGlobal), Value::String("ROW"));  // compiled default
  ASSERT_TRUE(globals_.Set("sql_mode", Value::String(""), &w).ok());
  ASSERT_TRUE(globals_.SetDefault("sql_mode", &w).ok());
  EXPECT_EQ(globals_.GetString("sql_mode"), SqlModeToString(kDefaultSqlMode));
}

TEST_F(VariablesTest, Charsets) {
  ASSERT_TRUE(Set("collation_connection", Value::String("utf8_general_ci")).ok());
  EXPECT_EQ(Get("collation_connection"), Value::String("utf8mb3_general_ci"));
  EXPECT_EQ(Get("character_set_connection"), Value::String("utf8mb3"));
  ASSERT_TRUE(Set("character_set_client", Value::Int(33)).ok());
  EXPECT_EQ(Get("character_set_client"), Value::String("utf8mb3"));
  ASSERT_TRUE(Set("collation_connection", Value::Int(45)).ok());
  EXPECT_EQ(Get("collation_connection"), Value::String("utf8mb4_general_ci"));
  ASSERT_TRUE(Set("character_set_connection", Value::String("latin1")).ok());
  EXPECT_EQ(Get("collation_connection"), Value::String("latin1_swedish_ci"));
  EXPECT_EQ(session_.hot().collation_connection, "latin1_swedish_ci");
  ExpectSqlError(Set("character_set_client", Value::String("foo")), 1115, "42000",
                 "Unknown character set: 'foo'");
  ExpectSqlError(Set("collation_connection", Value::String("utf8mb4_0900_ai_ci")), 1273, "HY000",
                 "Unknown collation: 'utf8mb4_0900_ai_ci'");
  ExpectSqlError(Set("character_set_client", Value::Null()), 1231, "42000",
                 "Variable 'character_set_client' can't be set to the value of 'NULL'");
  ASSERT_TRUE(Set("character_set_results", Value::Null()).ok());
  EXPECT_TRUE(Get("character_set_results").is_null());
  EXPECT_EQ(Text("character_set_results"), "");

  ASSERT_TRUE(session_.SetNames("utf8mb4", "utf8mb4_bin").ok());
  EXPECT_EQ(Get("character_set_client"), Value::String("utf8mb4"));
  EXPECT_EQ(Get("character_set_results"), Value::String("utf8mb4"));
  EXPECT_EQ(Get("collation_connection"), Value::String("utf8mb4_bin"));
  ExpectSqlError(session_.SetNames("foo", ""), 1115, "42000", "Unknown character set: 'foo'");
  ExpectSqlError(session_.SetNames("utf8mb4", "latin1_bin"), 1253, "42000",
                 "COLLATION 'latin1_bin' is not valid for CHARACTER SET 'utf8mb4'");
  ASSERT_TRUE(session_.SetNames("utf8", "").ok());
  EXPECT_EQ(Get("collation_connection"), Value::String("utf8mb3_general_ci"));
  ASSERT_TRUE(session_.SetCharacterSet("latin1").ok());
  EXPECT_EQ(Get("character_set_client"), Value::String("latin1"));
  EXPECT_EQ(Get("character_set_connection"), Value::String("utf8mb4"));  // = database charset
}

TEST_F(VariablesTest, OtherValidations) {
  ASSERT_TRUE(Set("time_zone", Value::String("+5:30")).ok());
  EXPECT_EQ(Get("time_zone"), Value::String("+05:30"));
  EXPECT_EQ(session_.hot().time_zone, "+05:30");
  ASSERT_TRUE(Set("time_zone", Value::String("-00:00")).ok());
  EXPECT_EQ(Get("time_zone"), Value::String("+00:00"));
  ASSERT_TRUE(Set("time_zone", Value::String("+13:00")).ok());
  ASSERT_TRUE(Set("time_zone", Value::String("-12:59")).ok());
  ASSERT_TRUE(Set("time_zone", Value::String("system")).ok());
  EXPECT_EQ(Get("time_zone"), Value::String("SYSTEM"));
  for (const char* bad : {"+14:00", "-13:00", "Europe/Paris", " +01:00", "+01:00 "}) {
    ExpectSqlError(Set("time_zone", Value::String(bad)), 1298, "HY000",
                   std::string("Unknown or incorrect time zone: '") + bad + "'");
  }
  ASSERT_TRUE(Set("lc_time_names", Value::String("de_de")).ok());
  EXPECT_EQ(Get("lc_time_names"), Value::String("de_DE"));
  ExpectSqlError(Set("lc_time_names", Value::String("xx")), 1649, "HY000", "Unknown locale: 'xx'");
  ASSERT_TRUE(Set("default_storage_engine", Value::String("myisam")).ok());
  EXPECT_EQ(Get("default_storage_engine"), Value::String("MyISAM"));
  ExpectSqlError(Set("default_storage_engine", Value::String("foo")), 1286, "42000",
                 "Unknown storage engine 'foo'");
  ExpectSqlError(Set("default_storage_engine", Value::Null()), 1231, "42000",
                 "Variable 'default_storage_engine' can't be set to the value of 'NULL'");
  ASSERT_TRUE(Set("tx_isolation", Value::String("read-committed")).ok());
  EXPECT_EQ(session_.hot().tx_isolation, TxIsolation::kReadCommitted);
  ASSERT_TRUE(Set("init_connect", Value::Null(), SysVarScope::kGlobal).ok());
  EXPECT_EQ(globals_.Get("init_connect").value(), Value::String(""));
}

TEST_F(VariablesTest, FlagSet) {
  ASSERT_TRUE(Set("optimizer_switch", Value::String("index_merge=off")).ok());
  std::string v = Get("optimizer_switch").string_value();
  EXPECT_EQ(v.rfind("index_merge=off,index_merge_union=on,", 0), 0u) << v;
  ExpectSqlError(Set("optimizer_switch", Value::String("foo=on")), 1231, "42000",
                 "Variable 'optimizer_switch' can't be set to the value of 'foo=on'");
  ASSERT_TRUE(Set("optimizer_switch", Value::String("default")).ok());
  EXPECT_EQ(Get("optimizer_switch").string_value().rfind("index_merge=on,", 0), 0u);
}

TEST_F(VariablesTest, SessionOnlyValues) {
  ASSERT_TRUE(Set("timestamp", Value::Int(1000)).ok());
  EXPECT_EQ(Get("timestamp"), Value::Double(1000));
  EXPECT_EQ(Text("timestamp"), "1000.000000");
  EXPECT_EQ(session_.timestamp_or(5), 1000);
  ASSERT_TRUE(session_.SetDefault(SysVarScope::kSession, "timestamp", &warnings_).ok());
  EXPECT_GT(Get("timestamp").double_value(), 1.6e9);
  EXPECT_FALSE(session_.hot().timestamp.has_value());
  ASSERT_TRUE(Set("timestamp", Value::Int(2147483648LL)).ok());
  EXPECT_EQ(warnings_[0].message, "Truncated incorrect timestamp value: '2147483648'");
  ASSERT_TRUE(Set("insert_id", Value::Int(-1)).ok());
  EXPECT_EQ(warnings_[0].message, "Truncated incorrect insert_id value: '-1'");
  ASSERT_TRUE(Set("identity", Value::Int(42)).ok());
  EXPECT_EQ(Get("last_insert_id"), Value::UInt(42));
  session_.set_last_insert_id(7);
  EXPECT_EQ(Get("identity"), Value::UInt(7));
  EXPECT_EQ(session_.hot().last_insert_id, 7u);
  session_.set_pseudo_thread_id(99);
  EXPECT_EQ(Get("pseudo_thread_id"), Value::UInt(99));
  EXPECT_EQ(Get("warning_count"), Value::UInt(0));
  session_.SetProvider([](const SysVarDef& def) -> std::optional<Value> {
    if (def.name == "warning_count") return Value::UInt(3);
    return std::nullopt;
  });
  EXPECT_EQ(Get("warning_count"), Value::UInt(3));
  EXPECT_EQ(Text("warning_count"), "3");
}

TEST_F(VariablesTest, ShowAndLike) {
  auto rows = session_.Show(SysVarScope::kSession, std::string_view("auto\\_inc%"));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0], (std::pair<std::string, std::string>{"auto_increment_increment", "1"}));
  EXPECT_EQ(rows[1], (std::pair<std::string, std::string>{"auto_increment_offset", "1"}));
  rows = session_.Show(SysVarScope::kSession, std::string_view("AUTO%"));
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[2].first, "autocommit");
  EXPECT_EQ(rows[3].first, "automatic_sp_privileges");
  rows = session_.Show(SysVarScope::kSession, std::string_view("version%"));
  std::vector<std::string> names;
  for (const auto& r : rows) names.push_back(r.first);
  EXPECT_EQ(names, (std::vector<std::string>{"version", "version_comment", "version_compile_machine",
                                             "version_compile_os", "version_malloc_library",
                                             "version_source_revision", "version_ssl_library"}));
  EXPECT_TRUE(session_.Show(SysVarScope::kGlobal, std::string_view("timestamp")).empty());
  EXPECT_EQ(session_.Show(SysVarScope::kSession, std::string_view("timestamp")).size(), 1u);
  EXPECT_EQ(session_.Show(SysVarScope::kSession, std::string_view("server_uuid")).size(), 0u);
  // Sorted by name, every variable once.
  auto all = session_.Show(SysVarScope::kSession, std::nullopt);
  EXPECT_GT(all.size(), 600u);
  for (size_t i = 1; i < all.size(); i++) EXPECT_LT(all[i - 1].first, all[i].first);
  auto global = globals_.Show(std::nullopt);
  // Session-only ones: MariaDB has 19, including wsrep_gtid_seq_no (wsrep_* left out).
  EXPECT_EQ(all.size() - global.size(), 18u);
}

TEST_F(VariablesTest, HooksAndProviders) {
  int calls = 0;
  globals_.OnChange("read_only", [&](const SysVarDef&, const Value& v) {
    calls++;
    if (v == Value::Int(1) && calls > 1)
      return Status::SqlError(1198, "HY000", "This operation cannot be performed as you have a running slave ''; run STOP SLAVE '' first");
    return Status::Ok();
  });
  std::vector<AdminWarning> w;
  ASSERT_TRUE(globals_.Set("read_only", Value::Int(1), &w).ok());
  EXPECT_TRUE(globals_.GetBool("read_only"));
  ASSERT_TRUE(globals_.Set("read_only", Value::Int(0), &w).ok());
  Status s = globals_.Set("read_only", Value::Int(1), &w);
  EXPECT_EQ(s.mysql_errno(), 1198);
  EXPECT_FALSE(globals_.GetBool("read_only"));
  EXPECT_EQ(calls, 3);

  globals_.SetProvider("gtid_binlog_pos", [] { return Value::String("0-1-29"); });
  EXPECT_EQ(Get("gtid_binlog_pos"), Value::String("0-1-29"));
  EXPECT_EQ(globals_.Show(std::string_view("gtid_binlog_pos"))[0].second, "0-1-29");

  EXPECT_TRUE(globals_.Force("log_bin", Value::Int(1)));
  EXPECT_TRUE(globals_.Force("port", Value::UInt(3307)));
  EXPECT_EQ(Get("log_bin"), Value::Int(1));
  EXPECT_EQ(globals_.Show(std::string_view("log_bin"))[0].second, "ON");
  // SetInitial works on read-only variables, with the same validation.
  ASSERT_TRUE(globals_.SetInitial("lower_case_table_names", Value::Int(1), &w).ok());
  EXPECT_EQ(globals_.GetUInt("lower_case_table_names"), 1u);
}

TEST_F(VariablesTest, Privileges) {
  PrivMask usage = 0;
  std::vector<AdminWarning> w;
  ExpectSqlError(session_.Set(SysVarScope::kGlobal, "max_connections", Value::Int(10), &w, usage),
                 1227, "42000",
                 "Access denied; you need (at least one of) the SUPER, CONNECTION ADMIN "
                 "privilege(s) for this operation");
  ExpectSqlError(session_.Set(SysVarScope::kSession, "binlog_format", Value::String("ROW"), &w, usage),
                 1227, "42000",
                 "Access denied; you need (at least one of) the SUPER, BINLOG ADMIN privilege(s) "
                 "for this operation");
  ExpectSqlError(session_.Set(SysVarScope::kGlobal, "read_only", Value::Int(1), &w, kSuperAcl),
                 1227, "42000",
                 "Access denied; you need (at least one of) the READ_ONLY ADMIN privilege(s) for "
                 "this operation");
  ExpectSqlError(session_.Set(SysVarScope::kGlobal, "gtid_slave_pos", Value::String(""), &w, usage),
                 1227, "42000",
                 "Access denied; you need (at least one of) the SUPER, REPLICATION SLAVE ADMIN "
                 "privilege(s) for this operation");
  ExpectSqlError(session_.Set(SysVarScope::kGlobal, "server_id", Value::Int(5), &w, usage), 1227,
                 "42000",
                 "Access denied; you need (at least one of) the SUPER, REPLICATION MASTER ADMIN "
                 "privilege(s) for this operation");
  ExpectSqlError(session_.Set(SysVarScope::kSession, "sql_log_bin", Value::Int(0), &w, usage), 1227,
                 "42000",
                 "Access denied; you need (at least one of) the SUPER, BINLOG ADMIN privilege(s) "
                 "for this operation");
  // Read-only is reported before privileges.
  ExpectSqlError(session_.Set(SysVarScope::kGlobal, "version", Value::Int(1), &w, usage), 1238,
                 "HY000", "Variable 'version' is a read only variable");
  EXPECT_TRUE(session_.Set(SysVarScope::kSession, "autocommit", Value::Int(1), &w, usage).ok());
  EXPECT_TRUE(
      session_.Set(SysVarScope::kGlobal, "read_only", Value::Int(1), &w, kReadOnlyAdminAcl).ok());
  EXPECT_EQ(SysVarSetPrivilege(*globals_.Find("binlog_format"), SysVarScope::kDefault),
            kSuperAcl | kBinlogAdminAcl);
}

TEST_F(VariablesTest, Extensions) {
  ExpectSqlError(session_.Get(SysVarScope::kDefault, "server_uuid").status(), 1193, "HY000",
                 "Unknown system variable 'server_uuid'");
  ExpectSqlError(session_.Get(SysVarScope::kDefault, "transaction_isolation").status(), 1193,
                 "HY000", "Unknown system variable 'transaction_isolation'");
  globals_.EnableExtensions(true);
  globals_.Force("server_uuid", Value::String("3e11fa47-71ca-11e1-9e33-c80aa9429562"));
  EXPECT_EQ(Get("server_uuid"), Value::String("3e11fa47-71ca-11e1-9e33-c80aa9429562"));
  ASSERT_TRUE(Set("transaction_isolation", Value::String("SERIALIZABLE")).ok());
  EXPECT_EQ(Get("tx_isolation"), Value::String("SERIALIZABLE"));
  EXPECT_EQ(session_.hot().tx_isolation, TxIsolation::kSerializable);
  ASSERT_TRUE(Set("tx_read_only", Value::Int(1)).ok());
  EXPECT_EQ(Get("transaction_read_only"), Value::Int(1));
}

// What mariadb, mariadb-dump, PyMySQL, sysbench and a MariaDB replica send
// at connect (captured from a MariaDB general log).
TEST_F(VariablesTest, ClientConnectQueries) {
  EXPECT_TRUE(Set("character_set_results", Value::String("binary")).ok());
  EXPECT_EQ(Get("character_set_results"), Value::String("binary"));
  EXPECT_TRUE(Set("character_set_results", Value::String("utf8mb4")).ok());
  EXPECT_TRUE(Set("SQL_QUOTE_SHOW_CREATE", Value::Int(1)).ok());
  EXPECT_TRUE(Set("MAX_STATEMENT_TIME", Value::Double(0)).ok());
  EXPECT_TRUE(session_.SetDefault(SysVarScope::kDefault, "WAIT_TIMEOUT", &warnings_).ok());
  EXPECT_TRUE(Set("TIME_ZONE", Value::String("+00:00")).ok());
  EXPECT_TRUE(Set("SQL_MODE", Value::String("")).ok());
  EXPECT_TRUE(Set("optimizer_switch", Value::String("semijoin=off")).ok());
  EXPECT_TRUE(session_.SetDefault(SysVarScope::kDefault, "optimizer_switch", &warnings_).ok());
  EXPECT_TRUE(Set("AUTOCOMMIT", Value::Int(0)).ok());
  EXPECT_TRUE(Set("tx_isolation", Value::String("REPEATABLE-READ")).ok());
  EXPECT_EQ(Get("collation_database"), Value::String("utf8mb4_general_ci"));
  EXPECT_EQ(Get("version_comment"), Value::String("relaydb"));
  EXPECT_EQ(Get("binlog_checksum", SysVarScope::kGlobal), Value::String("CRC32"));
  auto rows = session_.Show(SysVarScope::kSession, std::string_view("SERVER_ID"));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0], (std::pair<std::string, std::string>{"server_id", "1"}));
  for (const char* v : {"auto_increment_increment", "character_set_client", "character_set_connection",
                        "character_set_results", "character_set_server", "collation_server",
                        "collation_connection", "init_connect", "interactive_timeout", "license",
                        "lower_case_table_names", "max_allowed_packet", "net_write_timeout",
                        "performance_schema", "query_cache_size", "query_cache_type", "sql_mode",
                        "system_time_zone", "time_zone", "tx_isolation", "wait_timeout",
                        "gtid_domain_id", "gtid_strict_mode", "innodb_buffer_pool_size",
                        "innodb_flush_log_at_trx_commit", "event_scheduler", "secure_file_priv"}) {
    EXPECT_TRUE(session_.Get(SysVarScope::kDefault, v).ok()) << v;
  }
}

TEST(StatusTest, CountersAndShow) {
  GlobalStatus status;
  StatusCounters session;
  status.Count(&session, StatusId::kComSelect, 3);
  status.Count(nullptr, StatusId::kComSelect);
  status.counters().Set(StatusId::kThreadsConnected, 2);
  status.Count(&session, StatusIndex("Com_show_status"));
  EXPECT_EQ(StatusName(StatusIndex(StatusId::kComSelect)), std::string("Com_select"));
  EXPECT_EQ(StatusIndex("com_select"), StatusIndex(StatusId::kComSelect));
  EXPECT_EQ(StatusIndex("Innodb_buffer_pool_reads"), -1);

  auto rows = status.Show(&session, std::string_view("Com_sel%"));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0], (std::pair<std::string, std::string>{"Com_select", "3"}));
  rows = status.Show(nullptr, std::string_view("com_select"));
  EXPECT_EQ(rows[0].second, "4");
  rows = status.Show(&session, std::string_view("Threads_connected"));
  EXPECT_EQ(rows[0].second, "2");  // global-only value in SESSION STATUS
  rows = status.Show(nullptr, std::string_view("Slave_running"));
  EXPECT_EQ(rows[0].second, "OFF");
  status.SetProvider("Slave_running", [] { return std::string("ON"); });
  EXPECT_EQ(status.Show(nullptr, std::string_view("Slave_running"))[0].second, "ON");
  auto all = status.Show(nullptr, std::nullopt);
  EXPECT_EQ(all.size(), StatusCount());
  EXPECT_EQ(all.front().first, "Aborted_clients");
  EXPECT_EQ(all.back().first, "Uptime_since_flush_status");
  status.FlushStatus();
  EXPECT_EQ(status.Show(nullptr, std::string_view("Com_select"))[0].second, "0");
  EXPECT_EQ(status.Show(nullptr, std::string_view("Threads_connected"))[0].second, "2");
}

}  // namespace
}  // namespace relaydb::sql
