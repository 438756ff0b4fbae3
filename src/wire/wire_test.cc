// Codec tests against real bytes captured from MariaDB 10.11.19 (Debian 12)
// through a loopback TCP proxy, talking to PyMySQL 1.0.2 and to a small C
// program using libmariadb 3.3 (mysql_stmt_* API). Payloads only (the 4-byte
// packet headers are stripped). Every encoder must reproduce the captured
// bytes exactly, every decoder must read them back.
#include <gtest/gtest.h>

#include "common/bytes.h"
#include "wire/auth.h"
#include "wire/binary_value.h"
#include "wire/handshake.h"
#include "wire/messages.h"
#include "wire/protocol.h"
#include "wire/resultset.h"
#include "wire/wire_test_fixtures.h"
#include "wire/wire_test_util.h"

namespace relaydb::wire {
namespace {

using testing::Hex;
using testing::Unhex;
using namespace fixtures;  // NOLINT

// libmariadb negotiated MARIADB_CLIENT_EXTENDED_METADATA, so its column
// definitions carry an (empty) extended-type-info string after org_name.
std::vector<ColumnMeta> DecodeColumns(const char* const* hex, size_t n, bool extended) {
  std::vector<ColumnMeta> cols;
  for (size_t i = 0; i < n; i++) {
    Result<ColumnMeta> c = DecodeColumnDefinition41(Unhex(hex[i]), extended);
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    if (c.ok()) cols.push_back(*c);
  }
  return cols;
}

// The column definition without MariaDB's extended-type-info field, i.e. what
// the same server sends to a client that did not negotiate it.
std::string StripExtendedMetadata(const char* hex) {
  std::string bytes = Unhex(hex);
  ByteReader r(bytes);
  std::string_view s;
  for (int i = 0; i < 6; i++) EXPECT_TRUE(r.ReadLenEncString(&s).ok());
  size_t start = r.position();
  EXPECT_TRUE(r.ReadLenEncString(&s).ok());
  return Hex(bytes.substr(0, start) + bytes.substr(r.position()));
}

// ---------------------------------------------------------------------------
// Handshake
// ---------------------------------------------------------------------------

TEST(HandshakeFixture, ParsesMariadbGreeting) {
  Result<HandshakeV10> h = ParseHandshakeV10(Unhex(kGreetingPymysql));
  ASSERT_TRUE(h.ok()) << h.status().ToString();
  EXPECT_EQ(h->protocol_version, 10);
  EXPECT_EQ(h->server_version, "5.5.5-10.11.19-MariaDB-0+deb12u1");
  EXPECT_EQ(h->connection_id, 353u);
  EXPECT_EQ(h->scramble, "s\\P]d[~(Iu2:k-<'J#jr");
  EXPECT_EQ(h->capabilities, 0x1d81fff7feull);  // MariaDB extensions in the high word
  EXPECT_FALSE(h->capabilities & kClientMysql);
  EXPECT_TRUE(h->capabilities & kMariadbClientCacheMetadata);
  EXPECT_EQ(h->charset, 45);
  EXPECT_EQ(h->status_flags, kServerStatusAutocommit);
  EXPECT_EQ(h->auth_plugin_name, kNativePasswordPlugin);
}

TEST(HandshakeFixture, BuildsGreetingByteExact) {
  std::string built = BuildHandshakeV10("5.5.5-10.11.19-MariaDB-0+deb12u1", 353,
                                        "s\\P]d[~(Iu2:k-<'J#jr", 0x1d81fff7feull, 45,
                                        kServerStatusAutocommit, kNativePasswordPlugin);
  EXPECT_EQ(Hex(built), Hex(Unhex(kGreetingPymysql)));
}

TEST(HandshakeFixture, ParsesPymysqlResponse) {
  Result<HandshakeResponse> r = ParseHandshakeResponse41(Unhex(kResponsePymysql));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->capabilities, 0x003aa20dull);  // CLIENT_MYSQL set: no extended word
  EXPECT_EQ(r->max_packet_size, 0xffffffu);
  EXPECT_EQ(r->charset, 45);
  EXPECT_EQ(r->user, "repl");
  EXPECT_EQ(Hex(r->auth_response), "a7982ea102e31f58754a8018f3244318a5717c2f");
  EXPECT_EQ(r->database, "test1");
  EXPECT_EQ(r->auth_plugin_name, kNativePasswordPlugin);
  std::map<std::string, std::string> attrs = {
      {"_client_name", "pymysql"}, {"_pid", "1572"}, {"_client_version", "1.0.2"}};
  EXPECT_EQ(r->connect_attrs, attrs);
  // Rebuilding and re-parsing gives the same fields (attribute order may differ).
  Result<HandshakeResponse> again = ParseHandshakeResponse41(BuildHandshakeResponse41(*r));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->capabilities, r->capabilities);
  EXPECT_EQ(again->auth_response, r->auth_response);
  EXPECT_EQ(again->connect_attrs, r->connect_attrs);
}

TEST(HandshakeFixture, ParsesLibmariadbResponseWithExtendedCapabilities) {
  Result<HandshakeResponse> r = ParseHandshakeResponse41(Unhex(kResponseLibmariadb));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->capabilities, 0x1d00bea28cull);
  EXPECT_TRUE(r->capabilities & kClientPluginAuthLenencClientData);
  EXPECT_EQ(r->max_packet_size, 0x100000u);
  EXPECT_EQ(r->user, "repl");
  EXPECT_EQ(r->database, "test1");
  EXPECT_EQ(r->connect_attrs.at("_client_name"), "libmariadb");
  EXPECT_EQ(r->connect_attrs.at("_server_host"), "127.0.0.1");
  EXPECT_EQ(r->connect_attrs.size(), 6u);
  Result<HandshakeV10> h = ParseHandshakeV10(Unhex(kGreetingLibmariadb));
  ASSERT_TRUE(h.ok());
  EXPECT_TRUE(VerifyNative(NativePasswordHash("secret"), h->scramble, r->auth_response));
  EXPECT_FALSE(VerifyNative(NativePasswordHash("Secret"), h->scramble, r->auth_response));
}

TEST(HandshakeFixture, PymysqlAuthResponseVerifies) {
  Result<HandshakeV10> h = ParseHandshakeV10(Unhex(kGreetingPymysql));
  Result<HandshakeResponse> r = ParseHandshakeResponse41(Unhex(kResponsePymysql));
  ASSERT_TRUE(h.ok() && r.ok());
  EXPECT_EQ(ScrambleNative("secret", h->scramble), r->auth_response);
  EXPECT_TRUE(VerifyNative("*14E65567ABDB5135D0CFD9A70B3032C179A49EE7", h->scramble,
                           r->auth_response));
}

TEST(HandshakeFixture, AuthSwitchRequest) {
  Result<AuthSwitchRequest> sw = ParseAuthSwitchRequest(Unhex(kAuthSwitch));
  ASSERT_TRUE(sw.ok()) << sw.status().ToString();
  EXPECT_EQ(sw->plugin_name, kNativePasswordPlugin);
  EXPECT_EQ(sw->plugin_data, "GBVg''/T;k(%!sC3ri9!");
  EXPECT_EQ(Hex(BuildAuthSwitchRequest(kNativePasswordPlugin, sw->plugin_data)), kAuthSwitch);
  EXPECT_EQ(Hex(ScrambleNative("secret", sw->plugin_data)), kAuthSwitchAnswer);
}

// ---------------------------------------------------------------------------
// OK / ERR / EOF
// ---------------------------------------------------------------------------

TEST(MessagesFixture, OkPackets) {
  EXPECT_EQ(Hex(OkPacket(0, 0, kServerStatusAutocommit, 0)), kOkAfterAuth);
  EXPECT_EQ(Hex(OkPacket(1, 0, kServerStatusInTrans, 0,
                         "Rows matched: 1  Changed: 1  Warnings: 0")),
            kOkUpdate);
  EXPECT_EQ(Hex(OkPacket(1, 4, kServerStatusInTrans, 0)), kOkInsert);

  Result<OkPacketData> ok = ParseOk(Unhex(kOkUpdate));
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->affected_rows, 1u);
  EXPECT_EQ(ok->status_flags, kServerStatusInTrans);
  EXPECT_EQ(ok->info, "Rows matched: 1  Changed: 1  Warnings: 0");
  ok = ParseOk(Unhex(kOkInsert));
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->last_insert_id, 4u);
  ok = ParseOk(Unhex(kOkSessionTrack));
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->status_flags, kServerStatusAutocommit | kServerSessionStateChanged);
  EXPECT_EQ(ok->info, "");
  EXPECT_EQ(ClassifyResponse(Unhex(kOkInsert)), ResponseKind::kOk);
}

TEST(MessagesFixture, ErrPackets) {
  Status s = ParseErr(Unhex(kErrNoSuchTable));
  EXPECT_TRUE(s.IsSqlError());
  EXPECT_EQ(s.mysql_errno(), 1146);
  EXPECT_EQ(s.sqlstate(), "42S02");
  EXPECT_EQ(s.message(), "Table 'test1.nosuch' doesn't exist");
  EXPECT_EQ(Hex(ErrPacket(1146, "42S02", "Table 'test1.nosuch' doesn't exist")), kErrNoSuchTable);
  EXPECT_EQ(Hex(ErrPacket(s)), kErrNoSuchTable);
  s = ParseErr(Unhex(kErrAccessDenied));
  EXPECT_EQ(s.mysql_errno(), 1045);
  EXPECT_EQ(s.sqlstate(), "28000");
  EXPECT_EQ(s.message(), "Access denied for user 'repl'@'localhost' (using password: YES)");
  EXPECT_EQ(ClassifyResponse(Unhex(kErrAccessDenied)), ResponseKind::kErr);
}

TEST(MessagesFixture, ErrWithoutSqlstate) {
  std::string p = ErrPacketWithoutSqlstate(1130, "Host 'x' is not allowed to connect to this MariaDB server");
  EXPECT_EQ(Hex(p.substr(0, 3)), "ff6a04");
  Status s = ParseErr(p);
  EXPECT_EQ(s.mysql_errno(), 1130);
  EXPECT_EQ(s.sqlstate(), "HY000");
  EXPECT_EQ(s.message(), "Host 'x' is not allowed to connect to this MariaDB server");
}

TEST(MessagesFixture, LongErrorMessageIsTruncatedLikeMariadb) {
  std::string p = ErrPacket(1064, "42000", std::string(2000, 'x'));
  EXPECT_EQ(p.size(), 9 + kMaxErrorMessageBytes);
}

TEST(MessagesFixture, EofPackets) {
  EXPECT_EQ(Hex(EofPacket(0, kServerStatusInTrans | kServerQueryNoIndexUsed)), kEofInTrans);
  Result<EofPacketData> eof = ParseEof(Unhex(kEofInTrans));
  ASSERT_TRUE(eof.ok());
  EXPECT_EQ(eof->status_flags, 0x21);
  EXPECT_TRUE(IsEofPacket(Unhex(kEofInTrans)));
  EXPECT_EQ(Hex(OkPacketAsEof(kServerStatusAutocommit, 1)), "fe000002000100");
  EXPECT_TRUE(IsEofPacket(OkPacketAsEof(2, 0), /*deprecate_eof=*/true));
  // A row starting with 0xfe (8-byte lenenc) is not an EOF.
  EXPECT_FALSE(IsEofPacket(std::string("\xfe", 1) + std::string(9, '\0')));
}

// ---------------------------------------------------------------------------
// Result sets
// ---------------------------------------------------------------------------

TEST(ResultsetFixture, ColumnDefinitionsRoundTrip) {
  for (const char* hex : kColumnsT) {
    Result<ColumnMeta> c = DecodeColumnDefinition41(Unhex(hex));
    ASSERT_TRUE(c.ok()) << c.status().ToString();
    EXPECT_EQ(Hex(EncodeColumnDefinition41(*c)), hex);
  }
  for (const char* hex : kColumnsTy) {
    Result<ColumnMeta> c = DecodeColumnDefinition41(Unhex(hex), /*extended_metadata=*/true);
    ASSERT_TRUE(c.ok()) << c.status().ToString();
    EXPECT_EQ(Hex(EncodeColumnDefinition41(*c)), StripExtendedMetadata(hex));
    EXPECT_FALSE(DecodeColumnDefinition41(Unhex(hex), /*extended_metadata=*/false).ok());
  }
  Result<ColumnMeta> id = DecodeColumnDefinition41(Unhex(kColumnsT[0]));
  ASSERT_TRUE(id.ok());
  EXPECT_EQ(id->schema, "test1");
  EXPECT_EQ(id->table, "t");
  EXPECT_EQ(id->name, "id");
  EXPECT_EQ(id->charset, kCharsetBinary);
  EXPECT_EQ(id->length, 11u);
  EXPECT_EQ(id->type, kTypeLong);
  // 0x4000 is PART_KEY_FLAG (the column is part of a key), which
  // common/mysql_types.h does not name.
  EXPECT_EQ(id->flags, kNotNullFlag | kPriKeyFlag | kAutoIncrementFlag | 0x4000);
  Result<ColumnMeta> d = DecodeColumnDefinition41(Unhex(kColumnsT[2]));
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->type, kTypeDatetime);
  EXPECT_EQ(d->decimals, 6);
}

TEST(ResultsetFixture, TextRows) {
  std::vector<Value> row1 = {Value::Int(1), Value::String("abc"),
                             Value::String("2024-01-02 03:04:05.123456"), Value::String("12.50")};
  std::vector<Value> row2 = {Value::Int(2), Value::Null(), Value::Null(), Value::Null()};
  EXPECT_EQ(Hex(EncodeTextRow(row1)), kTextRow1);
  EXPECT_EQ(Hex(EncodeTextRow(row2)), kTextRow2);
  std::vector<ColumnMeta> cols = DecodeColumns(kColumnsT, 4, false);
  EXPECT_EQ(Hex(EncodeTextRow(cols, row1)), kTextRow1);
  EXPECT_EQ(Hex(EncodeTextRow(cols, row2)), kTextRow2);

  auto decoded = DecodeTextRow(Unhex(kTextRow1), 4);
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ((*decoded)[2], "2024-01-02 03:04:05.123456");
  decoded = DecodeTextRow(Unhex(kTextRow2), 4);
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ((*decoded)[0], "2");
  EXPECT_FALSE((*decoded)[1].has_value());
  EXPECT_FALSE(DecodeTextRow(Unhex(kTextRow2), 3).ok());  // bytes left over
  EXPECT_FALSE(DecodeTextRow(Unhex(kTextRow2), 5).ok());  // short
}

std::vector<Value> TyRow1() {
  return {Value::Int(-5),
          Value::Int(300),
          Value::Int(-70000),
          Value::UInt(4000000000),
          Value::Int(-9000000000),
          Value::Double(1.5),
          Value::Double(2.25),
          Value::String("3.141"),
          Value::String("2024-02-29"),
          Value::String("2024-02-29 13:14:15.000001"),
          Value::String("2020-01-01 00:00:00"),
          Value::String("-838:59:58.500000"),
          Value::UInt(2024),
          Value::String("h\xc3\xa9"),
          Value::String(std::string("\x00\xff", 2)),
          Value::String("\x02\x01"),
          Value::String("y"),
          Value::String("27:00:01")};
}

TEST(ResultsetFixture, BinaryRowsOfEveryColumnType) {
  std::vector<ColumnMeta> cols = DecodeColumns(kColumnsTy, 18, true);
  ASSERT_EQ(cols.size(), 18u);
  Result<std::string> row = EncodeBinaryRow(cols, TyRow1());
  ASSERT_TRUE(row.ok()) << row.status().ToString();
  EXPECT_EQ(Hex(*row), kBinaryRowTy1);

  // The same row as the SQL layer may hand it over: signed ints, BIT as an
  // integer, unsigned BIGINT-style decimal text.
  std::vector<Value> alt = TyRow1();
  alt[3] = Value::String("4000000000");
  alt[12] = Value::Int(2024);
  alt[15] = Value::Int(0x201);
  row = EncodeBinaryRow(cols, alt);
  ASSERT_TRUE(row.ok()) << row.status().ToString();
  EXPECT_EQ(Hex(*row), kBinaryRowTy1);

  std::vector<Value> row2(18);
  row2[8] = Value::String("0000-00-00");
  row2[9] = Value::String("2024-01-01 00:00:00");
  row2[11] = Value::String("00:00:00");
  row2[13] = Value::String("");
  row = EncodeBinaryRow(cols, row2);
  ASSERT_TRUE(row.ok()) << row.status().ToString();
  EXPECT_EQ(Hex(*row), kBinaryRowTy2);

  Result<std::vector<Value>> decoded = DecodeBinaryRow(Unhex(kBinaryRowTy1), cols);
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  EXPECT_EQ(*decoded, TyRow1());
  decoded = DecodeBinaryRow(Unhex(kBinaryRowTy2), cols);
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  row2[9] = Value::String("2024-01-01 00:00:00.000000");  // DATETIME(6) prints 6 decimals
  row2[11] = Value::String("00:00:00.000000");           // TIME(6)
  EXPECT_EQ(*decoded, row2);
}

// ---------------------------------------------------------------------------
// Prepared statements
// ---------------------------------------------------------------------------

std::vector<Value> ExpectedParams(int64_t first) {
  return {Value::Int(first),
          Value::Int(1234),
          Value::UInt(4000000000),
          Value::Int(-1234567890123),
          Value::Double(1.5),
          Value::Double(-2.75),
          Value::String("2024-02-29 13:14:15.000500"),
          Value::String("1999-12-31"),
          Value::String("-30:01:02.000003"),
          Value::String("hello"),
          Value::Null(),
          Value::String("longdata")};
}

TEST(PreparedFixture, PrepareOkAndParamDefinition) {
  EXPECT_EQ(Hex(BuildStmtPrepareOk(1, 12, 12, 0)), kPrepareOk);
  Result<StmtPrepareOk> ok = ParseStmtPrepareOk(Unhex(kPrepareOk));
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->stmt_id, 1u);
  EXPECT_EQ(ok->num_columns, 12);
  EXPECT_EQ(ok->num_params, 12);
  EXPECT_EQ(Hex(EncodeColumnDefinition41(StmtParamDefinition())), kParamDefinition);
}

TEST(PreparedFixture, ExecuteWithLongDataAndRebinding) {
  std::map<uint16_t, std::string> long_data;
  for (const char* hex : {kLongData1, kLongData2}) {
    std::string p = Unhex(hex);
    Result<StmtSendLongData> ld = ParseStmtSendLongData(p);
    ASSERT_TRUE(ld.ok());
    EXPECT_EQ(ld->stmt_id, 1u);
    EXPECT_EQ(ld->param_id, 11);
    long_data[ld->param_id].append(ld->data);
  }
  EXPECT_EQ(Hex(BuildStmtSendLongData(1, 11, "long")), kLongData1);

  std::string exec1 = Unhex(kExecute1);
  Result<uint32_t> id = ParseStmtId(exec1);
  ASSERT_TRUE(id.ok());
  EXPECT_EQ(*id, 1u);
  std::vector<uint8_t> types;
  Result<StmtExecuteRequest> req = ParseStmtExecute(exec1, 12, &types, long_data);
  ASSERT_TRUE(req.ok()) << req.status().ToString();
  EXPECT_EQ(req->stmt_id, 1u);
  EXPECT_EQ(req->flags, kCursorTypeNoCursor);
  EXPECT_EQ(req->iteration_count, 1u);
  EXPECT_TRUE(req->new_params_bound);
  EXPECT_EQ(req->params, ExpectedParams(-2));
  EXPECT_EQ(Hex(std::string(types.begin(), types.end())),
            "0100020003800800040005000c000a000b00fe000300fc00");

  // Second execution reuses the bound types.
  req = ParseStmtExecute(Unhex(kExecute2), 12, &types, long_data);
  ASSERT_TRUE(req.ok()) << req.status().ToString();
  EXPECT_FALSE(req->new_params_bound);
  EXPECT_EQ(req->params, ExpectedParams(7));

  // The server echoed the parameters back as a binary row: encoding the
  // parsed values with the captured column definitions gives its bytes.
  std::vector<ColumnMeta> cols = DecodeColumns(kColumnsParams, 12, true);
  Result<std::string> row = EncodeBinaryRow(cols, ExpectedParams(-2));
  ASSERT_TRUE(row.ok()) << row.status().ToString();
  EXPECT_EQ(Hex(*row), kBinaryRowParams);
}

TEST(PreparedFixture, BuildStmtExecuteMatchesLibmariadb) {
  std::vector<StmtParam> params = {
      {kTypeTiny, false, Value::Int(-2)},
      {kTypeShort, false, Value::Int(1234)},
      {kTypeLong, true, Value::UInt(4000000000)},
      {kTypeLongLong, false, Value::Int(-1234567890123)},
      {kTypeFloat, false, Value::Double(1.5)},
      {kTypeDouble, false, Value::Double(-2.75)},
      {kTypeDatetime, false, Value::String("2024-02-29 13:14:15.000500")},
      {kTypeDate, false, Value::String("1999-12-31")},
      {kTypeTime, false, Value::String("-30:01:02.000003")},
      {kTypeString, false, Value::String("hello")},
      {kTypeLong, false, Value::Null()},
      {kTypeBlob, false, Value::Null()},  // libmariadb sets the NULL bit for long data
  };
  Result<std::string> built = BuildStmtExecute(1, 0, params, true);
  ASSERT_TRUE(built.ok()) << built.status().ToString();
  // libmariadb sends TIME -30:01:02.000003 as 0 days + 30 hours; we split
  // whole days out as the server does in rows (1 day + 6 hours). Same value.
  std::string expected = kExecute1;
  std::string libmariadb_time = "0c01000000001e010203000000";
  expected.replace(expected.find(libmariadb_time), libmariadb_time.size(),
                   "0c010100000006010203000000");
  EXPECT_EQ(Hex(*built), expected);
  std::vector<uint8_t> types;
  std::map<uint16_t, std::string> long_data = {{11, "longdata"}};
  Result<StmtExecuteRequest> a = ParseStmtExecute(*built, 12, &types, long_data);
  Result<StmtExecuteRequest> b = ParseStmtExecute(Unhex(kExecute1), 12, &types, long_data);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->params, b->params);
}

TEST(BinaryValueTest, DateTimeTextConversions) {
  MysqlTime t;
  ASSERT_TRUE(ParseDateTimeText("2024-02-29 13:14:15.5", &t));
  EXPECT_EQ(t.year, 2024u);
  EXPECT_EQ(t.microsecond, 500000u);
  EXPECT_EQ(FormatDateTimeText(t, -1), "2024-02-29 13:14:15.500000");
  EXPECT_EQ(FormatDateTimeText(t, 3), "2024-02-29 13:14:15.500");
  EXPECT_EQ(FormatDateTimeText(t, 0), "2024-02-29 13:14:15");
  EXPECT_EQ(FormatDateText(t), "2024-02-29");
  ASSERT_TRUE(ParseDateTimeText("2024-02-29T01:02:03", &t));
  EXPECT_EQ(FormatDateTimeText(t, -1), "2024-02-29 01:02:03");
  ASSERT_TRUE(ParseTimeText("-838:59:59.000001", &t));
  EXPECT_TRUE(t.negative);
  EXPECT_EQ(t.hour, 838u);
  EXPECT_EQ(FormatTimeText(t, -1), "-838:59:59.000001");
  ASSERT_TRUE(ParseTimeText("00:00:00", &t));
  EXPECT_EQ(FormatTimeText(t, 2), "00:00:00.00");
  for (const char* bad : {"", "2024", "2024-01", "2024-01-01 ", "2024-01-01 10:00",
                          "2024-01-01 10:00:00.", "2024-01-01 10:00:00.1234567", "x024-01-01",
                          "2024-01-01 10:00:00Z"}) {
    EXPECT_FALSE(ParseDateTimeText(bad, &t)) << bad;
  }
  for (const char* bad : {"", "-", "10:00", "10:00:00.", "1O:00:00", "--1:00:00"}) {
    EXPECT_FALSE(ParseTimeText(bad, &t)) << bad;
  }
}

TEST(BinaryValueTest, ZeroAndShortForms) {
  ColumnMeta dt;
  dt.type = kTypeDatetime;
  ColumnMeta tm;
  tm.type = kTypeTime;
  auto encode = [](const ColumnMeta& c, const char* text) {
    std::string out;
    ByteWriter w(&out);
    EXPECT_TRUE(EncodeBinaryValue(c, Value::String(text), &w).ok());
    return Hex(out);
  };
  EXPECT_EQ(encode(dt, "0000-00-00 00:00:00"), "00");
  EXPECT_EQ(encode(dt, "2024-01-01"), "04e8070101");
  EXPECT_EQ(encode(dt, "2024-01-01 00:00:01"), "07e8070101000001");
  EXPECT_EQ(encode(tm, "-00:00:00"), "00");
  EXPECT_EQ(encode(tm, "48:00:00"), "080002000000000000");
  // The DATETIME struct read back as a DATE drops the time.
  std::string bytes = Unhex("07e8070101010203");
  ByteReader r(bytes);
  Value v;
  ASSERT_TRUE(DecodeBinaryValue(&r, kTypeDate, false, -1, &v).ok());
  EXPECT_EQ(v, Value::String("2024-01-01"));
}

TEST(ProtocolTest, CommandNames) {
  EXPECT_EQ(CommandName(kComQuery), "Query");
  EXPECT_EQ(CommandName(kComBinlogDump), "Binlog Dump");
  EXPECT_EQ(CommandName(kComStmtClose), "Close stmt");
  EXPECT_EQ(CommandName(kComResetConnection), "Reset connection");
  EXPECT_EQ(CommandName(kComStmtBulkExecute), "Bulk_execute");
  EXPECT_EQ(CommandName(0x40), "Error");
}

}  // namespace
}  // namespace relaydb::wire
