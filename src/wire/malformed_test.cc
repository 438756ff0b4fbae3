// Bad input: one test per malformed-input scenario (truncations, bad
// length-encoded integers, bad types), each asserting an error Status, plus
// a deterministic corruption sweep over every parser and every captured
// fixture that only asserts nothing crashes (run it under ASan/UBSan).
#include <gtest/gtest.h>

#include <random>

#include "wire/handshake.h"
#include "wire/messages.h"
#include "wire/protocol.h"
#include "wire/resultset.h"
#include "wire/wire_test_fixtures.h"
#include "wire/wire_test_util.h"

namespace relaydb::wire {
namespace {

using testing::Unhex;
using namespace fixtures;  // NOLINT

std::vector<ColumnMeta> TyColumns() {
  std::vector<ColumnMeta> cols;
  for (const char* hex : kColumnsTy) cols.push_back(*DecodeColumnDefinition41(Unhex(hex), true));
  return cols;
}

// ---------------------------------------------------------------------------
// Handshake
// ---------------------------------------------------------------------------

TEST(MalformedTest, TruncatedHandshakeResponseIsBadHandshake) {
  const std::string full = Unhex(kResponsePymysql);
  // Fixed part (32) + "repl\0" (5) + 1-byte length + 20-byte auth response.
  const size_t end_of_auth = 32 + 5 + 1 + 20;
  for (size_t n = 0; n <= end_of_auth; n++) {
    Result<HandshakeResponse> r = ParseHandshakeResponse41(full.substr(0, n));
    ASSERT_FALSE(r.ok()) << "prefix " << n;
    EXPECT_EQ(r.status().mysql_errno(), kErHandshakeError) << "prefix " << n;
    EXPECT_EQ(r.status().sqlstate(), "08S01");
    EXPECT_EQ(r.status().message(), "Bad handshake");
  }
  // Longer prefixes end inside the optional trailing fields; MariaDB is
  // lenient about some of them. None may crash.
  for (size_t n = end_of_auth + 1; n < full.size(); n++) {
    (void)ParseHandshakeResponse41(full.substr(0, n));
  }
}

TEST(MalformedTest, ConnectAttrsLongerThanThePacketIsBadHandshake) {
  std::string p = Unhex(kResponsePymysql);
  const size_t attrs_len_pos = p.size() - 0x35 - 1;
  ASSERT_EQ(static_cast<uint8_t>(p[attrs_len_pos]), 0x35);
  p[attrs_len_pos] = 0x36;
  EXPECT_EQ(ParseHandshakeResponse41(p).status().mysql_errno(), kErHandshakeError);
  p[attrs_len_pos] = static_cast<char>(0xff);  // invalid lenenc prefix
  EXPECT_EQ(ParseHandshakeResponse41(p).status().mysql_errno(), kErHandshakeError);
}

TEST(MalformedTest, BadLenencAuthResponseIsBadHandshake) {
  HandshakeResponse r;
  r.capabilities = kClientProtocol41 | kClientSecureConnection | kClientPluginAuthLenencClientData;
  r.user = "u";
  r.auth_response = "x";
  std::string p = BuildHandshakeResponse41(r);
  ASSERT_TRUE(ParseHandshakeResponse41(p).ok());
  p[32 + 2] = static_cast<char>(0xfc);  // claims a 2-byte length that is not there
  EXPECT_EQ(ParseHandshakeResponse41(p).status().mysql_errno(), kErHandshakeError);
}

TEST(MalformedTest, SslRequestIsNotSupported) {
  std::string ssl = BuildSslRequest(kClientProtocol41 | kClientSsl | kClientSecureConnection,
                                    1 << 24, 45);
  ASSERT_EQ(ssl.size(), 32u);
  Result<HandshakeResponse> r = ParseHandshakeResponse41(ssl);
  EXPECT_EQ(r.status().code(), Status::Code::kNotSupported);
}

TEST(MalformedTest, Pre41HandshakeResponseIsNotSupported) {
  std::string p = Unhex(kResponsePymysql);
  p[1] = static_cast<char>(p[1] & ~0x02);  // clear CLIENT_PROTOCOL_41 (bit 9)
  EXPECT_EQ(ParseHandshakeResponse41(p).status().code(), Status::Code::kNotSupported);
}

TEST(MalformedTest, MissingDatabaseWithConnectWithDbIsBadHandshake) {
  HandshakeResponse r;
  r.capabilities = kClientProtocol41 | kClientSecureConnection | kClientConnectWithDb;
  r.user = "u";
  std::string p = BuildHandshakeResponse41(r);
  p.pop_back();  // drop the database's NUL: nothing follows the auth response
  EXPECT_EQ(ParseHandshakeResponse41(p).status().mysql_errno(), kErHandshakeError);
}

TEST(MalformedTest, TruncatedGreetingIsRejected) {
  const std::string full = Unhex(kGreetingPymysql);
  // Up to and including the lower capability bytes nothing is optional.
  const size_t minimal = 1 + 33 + 4 + 8 + 1 + 2;
  for (size_t n = 0; n < full.size(); n++) {
    Result<HandshakeV10> h = ParseHandshakeV10(full.substr(0, n));
    if (n == minimal) continue;  // a complete pre-4.1 greeting
    if (n >= full.size() - 22) continue;  // at/inside the plugin name: taken as is
    ASSERT_FALSE(h.ok()) << "prefix " << n;
    EXPECT_EQ(h.status().mysql_errno(), kCrServerHandshakeErr) << "prefix " << n;
  }
  std::string v9 = full;
  v9[0] = 9;
  EXPECT_EQ(ParseHandshakeV10(v9).status().code(), Status::Code::kNotSupported);
}

TEST(MalformedTest, ErrPacketInsteadOfGreeting) {
  Result<HandshakeV10> h =
      ParseHandshakeV10(ErrPacketWithoutSqlstate(1040, "Too many connections"));
  EXPECT_EQ(h.status().mysql_errno(), 1040);
  EXPECT_EQ(h.status().message(), "Too many connections");
}

TEST(MalformedTest, BareAuthSwitchIsOldPasswordAndNotSupported) {
  EXPECT_EQ(ParseAuthSwitchRequest(std::string("\xfe", 1)).status().code(),
            Status::Code::kNotSupported);
  EXPECT_FALSE(ParseAuthSwitchRequest(std::string("\xfe" "mysql_native", 13)).ok());  // no NUL
  EXPECT_FALSE(ParseAuthSwitchRequest("").ok());
}

// ---------------------------------------------------------------------------
// OK / ERR / EOF
// ---------------------------------------------------------------------------

TEST(MalformedTest, BadLenencInOkPacket) {
  EXPECT_FALSE(ParseOk(std::string("\x00\xff\x00\x02\x00\x00\x00", 7)).ok());
  EXPECT_FALSE(ParseOk(std::string("\x00\xfc\x01", 3)).ok());  // truncated 2-byte int
  EXPECT_FALSE(ParseOk(std::string("\x00\x00\x00\x02", 4)).ok());  // truncated status
  EXPECT_FALSE(ParseOk("").ok());
  EXPECT_FALSE(ParseOk(std::string("\xff\x00", 2)).ok());
}

TEST(MalformedTest, TruncatedErrPacket) {
  for (size_t n = 0; n < 3; n++) {
    Status s = ParseErr(Unhex(kErrNoSuchTable).substr(0, n));
    EXPECT_EQ(s.code(), Status::Code::kProtocolError) << n;
  }
  Status s = ParseErr(std::string("\xff\x7a\x04#42S", 7));  // truncated SQLSTATE
  EXPECT_EQ(s.code(), Status::Code::kProtocolError);
  EXPECT_EQ(ParseErr(std::string("\xff\xff\xff", 3)).code(), Status::Code::kProtocolError);
  EXPECT_EQ(ClassifyResponse(""), ResponseKind::kMalformed);
}

TEST(MalformedTest, TruncatedEofPacket) {
  EXPECT_FALSE(ParseEof(std::string("\xfe\x00\x00\x21", 4)).ok());
  EXPECT_FALSE(ParseEof(std::string("\x00\x00\x00\x00\x00", 5)).ok());
}

// ---------------------------------------------------------------------------
// Result sets
// ---------------------------------------------------------------------------

TEST(MalformedTest, BadLenencInColumnDefinition) {
  std::string def = Unhex(kColumnsT[0]);
  ASSERT_TRUE(DecodeColumnDefinition41(def).ok());
  std::string bad = def;
  bad[0] = static_cast<char>(0xff);
  EXPECT_FALSE(DecodeColumnDefinition41(bad).ok());
  bad = def;
  bad[4] = 0x40;  // schema length beyond the packet
  EXPECT_FALSE(DecodeColumnDefinition41(bad).ok());
  for (size_t n = 0; n < def.size() - 2; n++) {  // the 2 filler bytes are not required
    EXPECT_FALSE(DecodeColumnDefinition41(def.substr(0, n)).ok()) << n;
  }
}

TEST(MalformedTest, BadLenencInTextRow) {
  EXPECT_FALSE(DecodeTextRow(std::string("\x01" "1\xff", 3), 2).ok());
  EXPECT_FALSE(DecodeTextRow(std::string("\xfd\xff\xff", 3), 1).ok());
  EXPECT_FALSE(DecodeTextRow(std::string("\x05" "ab", 3), 1).ok());
  const std::string row = Unhex(kTextRow1);
  for (size_t n = 0; n < row.size(); n++) EXPECT_FALSE(DecodeTextRow(row.substr(0, n), 4).ok()) << n;
}

TEST(MalformedTest, TruncatedBinaryRow) {
  const std::vector<ColumnMeta> cols = TyColumns();
  const std::string row = Unhex(kBinaryRowTy1);
  ASSERT_TRUE(DecodeBinaryRow(row, cols).ok());
  for (size_t n = 0; n < row.size(); n++) {
    EXPECT_FALSE(DecodeBinaryRow(row.substr(0, n), cols).ok()) << n;
  }
  std::string bad = row;
  bad[0] = 0x01;
  EXPECT_FALSE(DecodeBinaryRow(bad, cols).ok());
}

TEST(MalformedTest, UnencodableBinaryValuesAreRejected) {
  ColumnMeta col;
  col.type = kTypeLong;
  EXPECT_FALSE(EncodeBinaryRow({col}, {Value::String("12abc")}).ok());
  col.type = kTypeDatetime;
  EXPECT_FALSE(EncodeBinaryRow({col}, {Value::String("yesterday")}).ok());
  EXPECT_FALSE(EncodeBinaryRow({col}, {Value::Int(5)}).ok());
  col.type = kTypeTime;
  EXPECT_FALSE(EncodeBinaryRow({col}, {Value::String("12:3")}).ok());
  EXPECT_FALSE(EncodeBinaryRow({col, col}, {Value::Null()}).ok());  // size mismatch
}

// ---------------------------------------------------------------------------
// Prepared statements
// ---------------------------------------------------------------------------

void ExpectExecuteError(std::string_view payload, uint16_t num_params, std::vector<uint8_t>* types,
                        uint16_t expected_errno, const std::string& what) {
  Result<StmtExecuteRequest> r = ParseStmtExecute(payload, num_params, types, {});
  ASSERT_FALSE(r.ok()) << what;
  EXPECT_EQ(r.status().mysql_errno(), expected_errno) << what << ": " << r.status().ToString();
  EXPECT_EQ(r.status().sqlstate(), "HY000");
}

TEST(MalformedTest, TruncatedExecuteParams) {
  const std::string full = Unhex(kExecute1);
  std::map<uint16_t, std::string> long_data = {{11, "longdata"}};
  for (size_t n = 0; n < full.size(); n++) {
    std::vector<uint8_t> types;
    Result<StmtExecuteRequest> r = ParseStmtExecute(full.substr(0, n), 12, &types, long_data);
    ASSERT_FALSE(r.ok()) << "prefix " << n;
    if (n < 10) {
      EXPECT_EQ(r.status().mysql_errno(), kErMalformedPacket) << n;
      EXPECT_EQ(r.status().message(), "Malformed communication packet");
    } else {
      EXPECT_EQ(r.status().mysql_errno(), kErWrongArguments) << n;
      EXPECT_EQ(r.status().message(), "Incorrect arguments to mysqld_stmt_execute");
    }
  }
  // Trailing bytes are ignored, as MariaDB does.
  std::vector<uint8_t> types;
  EXPECT_TRUE(ParseStmtExecute(full + "\xff\xff", 12, &types, long_data).ok());
}

TEST(MalformedTest, ExecuteWithoutAnyBoundTypes) {
  // new-params-bound = 0 on a statement that never received types.
  std::string p = Unhex("17010000000001000000" "00" "00" "01000000");
  std::vector<uint8_t> types;
  ExpectExecuteError(p, 1, &types, kErWrongArguments, "no types");
}

TEST(MalformedTest, ExecuteWithUnknownParamType) {
  for (uint8_t type : {uint8_t{0x11}, uint8_t{0x30}, uint8_t{245}}) {
    std::string p = Unhex("17010000000001000000" "00" "01");
    p.push_back(static_cast<char>(type));
    p.push_back(0);
    p += Unhex("01000000");
    std::vector<uint8_t> types;
    ExpectExecuteError(p, 1, &types, kErWrongArguments, "type " + std::to_string(type));
    EXPECT_TRUE(types.empty());
  }
}

TEST(MalformedTest, ExecuteWithNonNullNullTypedParam) {
  std::string p = Unhex("17010000000001000000" "00" "01" "0600" "01");
  std::vector<uint8_t> types;
  ExpectExecuteError(p, 1, &types, kErWrongArguments, "NULL type");
  // With its NULL bit set it is fine.
  p = Unhex("17010000000001000000" "01" "01" "0600");
  Result<StmtExecuteRequest> r = ParseStmtExecute(p, 1, &types, {});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(r->params[0].is_null());
}

TEST(MalformedTest, LongDataForNonStringParam) {
  std::string p = Unhex("17010000000001000000" "00" "01" "0300");
  std::vector<uint8_t> types;
  Result<StmtExecuteRequest> r = ParseStmtExecute(p, 1, &types, {{0, "abc"}});
  EXPECT_EQ(r.status().mysql_errno(), kErWrongArguments);
  p = Unhex("17010000000001000000" "00" "01" "fc00");
  r = ParseStmtExecute(p, 1, &types, {{0, "abc"}});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->params[0], Value::String("abc"));
}

TEST(MalformedTest, ShortStatementPackets) {
  EXPECT_EQ(ParseStmtId(std::string("\x19\x01\x00", 3)).status().mysql_errno(), kErMalformedPacket);
  EXPECT_FALSE(ParseStmtSendLongData(std::string("\x18\x01\x00\x00\x00\x0b", 6)).ok());
  EXPECT_FALSE(ParseStmtPrepareOk(std::string("\x00\x01\x00", 3)).ok());
}

// ---------------------------------------------------------------------------
// Corruption sweep
// ---------------------------------------------------------------------------

// Runs every parser on `payload`; only crashes (or sanitizer reports) fail.
void RunAllParsers(const std::string& payload, const std::vector<ColumnMeta>& cols) {
  (void)ParseHandshakeV10(payload);
  (void)ParseHandshakeResponse41(payload);
  (void)ParseAuthSwitchRequest(payload);
  (void)ParseOk(payload);
  (void)ParseErr(payload);
  (void)ParseEof(payload);
  (void)ClassifyResponse(payload);
  (void)DecodeColumnDefinition41(payload);
  (void)DecodeColumnDefinition41(payload, true);
  (void)DecodeTextRow(payload, 4);
  (void)DecodeBinaryRow(payload, cols);
  (void)ParseStmtPrepareOk(payload);
  (void)ParseStmtId(payload);
  (void)ParseStmtSendLongData(payload);
  std::vector<uint8_t> types;
  (void)ParseStmtExecute(payload, 12, &types, {{11, "x"}});
  types.assign(36, 0xfe);
  (void)ParseStmtExecute(payload, 18, &types, {});
}

TEST(MalformedTest, CorruptedFixturesNeverCrash) {
  const std::vector<ColumnMeta> cols = TyColumns();
  std::vector<std::string> inputs = {
      Unhex(kGreetingPymysql), Unhex(kResponsePymysql), Unhex(kGreetingLibmariadb),
      Unhex(kResponseLibmariadb), Unhex(kAuthSwitch), Unhex(kOkUpdate), Unhex(kOkSessionTrack),
      Unhex(kErrNoSuchTable), Unhex(kEofInTrans), Unhex(kTextRow1), Unhex(kPrepareOk),
      Unhex(kExecute1), Unhex(kExecute2), Unhex(kBinaryRowTy1), Unhex(kBinaryRowTy2),
      Unhex(kBinaryRowParams), Unhex(kColumnsTy[9]), Unhex(kLongData1)};
  std::mt19937 rng(20261122);
  for (const std::string& input : inputs) {
    for (int i = 0; i < 400; i++) {
      std::string p = input;
      int edits = 1 + static_cast<int>(rng() % 4);
      for (int e = 0; e < edits && !p.empty(); e++) {
        size_t pos = rng() % p.size();
        switch (rng() % 4) {
          case 0: p[pos] = static_cast<char>(rng()); break;
          case 1: p[pos] = static_cast<char>(0xfb + rng() % 5); break;  // lenenc markers
          case 2: p.resize(pos); break;
          case 3: p.insert(pos, 1, static_cast<char>(rng())); break;
        }
      }
      RunAllParsers(p, cols);
    }
  }
}

}  // namespace
}  // namespace relaydb::wire
