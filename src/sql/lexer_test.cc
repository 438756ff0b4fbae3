// Tests for the MySQL/MariaDB lexer (sql/lexer.h): token kinds and spans,
// literals, quoting and escapes, comments and executable comments,
// keywords vs identifiers, malformed input.
#include "sql/lexer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace relaydb::sql {
namespace {

std::vector<Token> Lex(std::string_view sql, LexerOptions opts = {}) {
  std::vector<Token> out;
  Lexer::Tokenize(sql, opts, &out);
  return out;
}

// "type:text" of every token before kEnd, space-separated.
std::string Dump(std::string_view sql, LexerOptions opts = {}) {
  std::string out;
  for (const Token& t : Lex(sql, opts)) {
    if (t.type == TokenType::kEnd) break;
    if (!out.empty()) out += " ";
    switch (t.type) {
      case TokenType::kError: out += "ERR:"; break;
      case TokenType::kIdent:
        out += t.kw == Kw::kNone ? "id:" : (t.reserved ? "RW:" : "kw:");
        break;
      case TokenType::kQuotedIdent: out += "qid:"; break;
      case TokenType::kString: out += "str:"; break;
      case TokenType::kNationalString: out += "nstr:"; break;
      case TokenType::kHexString: out += "hex:"; break;
      case TokenType::kBitString: out += "bit:"; break;
      case TokenType::kInteger: out += "int:"; break;
      case TokenType::kDecimal: out += "dec:"; break;
      case TokenType::kFloat: out += "flt:"; break;
      case TokenType::kIntroducer: out += "intro:"; break;
      case TokenType::kUserVar: out += "uvar:"; break;
      case TokenType::kAtAt: out += "@@:"; break;
      case TokenType::kPlaceholder: out += "?:"; break;
      default: out += "op:"; break;
    }
    out += std::string(Lexer::Text(sql, t));
  }
  return out;
}

const Token& First(const std::vector<Token>& t) { return t[0]; }

TEST(LexerTest, IdentifiersAndKeywords) {
  EXPECT_EQ(Dump("SELECT a, b1, $x, _y, café FROM t"),
            "RW:SELECT id:a op:, id:b1 op:, id:$x op:, id:_y op:, id:café RW:FROM id:t");
  EXPECT_EQ(Dump("select status, date, value FROM data"),
            "RW:select kw:status op:, kw:date op:, kw:value RW:FROM kw:data");
  // Digits-first identifiers.
  EXPECT_EQ(Dump("123abc 1e 0x 0xg 0b2"), "id:123abc id:1e id:0x id:0xg id:0b2");
}

TEST(LexerTest, KeywordLookupIsCaseInsensitive) {
  bool reserved = false;
  EXPECT_EQ(Lexer::LookupKeyword("sElEcT", &reserved), Kw::kSelect);
  EXPECT_TRUE(reserved);
  EXPECT_EQ(Lexer::LookupKeyword("Status", &reserved), Kw::kStatus);
  EXPECT_FALSE(reserved);
  EXPECT_EQ(Lexer::LookupKeyword("no_such_word", &reserved), Kw::kNone);
  EXPECT_EQ(Lexer::KeywordText(Kw::kSelect), "SELECT");
  EXPECT_EQ(Lexer::KeywordText(Kw::kNoneWord), "NONE");
}

TEST(LexerTest, ReservedWordsMatchMariaDb) {
  for (const char* w :
       {"SELECT", "FROM", "KEY",  "INDEX", "ORDER",  "GROUP",    "LIMIT",        "OFFSET",
        "DIV",    "MOD",  "LIKE", "RLIKE", "REGEXP", "INTERVAL", "CURRENT_USER", "LEFT",
        "RIGHT",  "DUAL", "USE",  "FORCE", "IGNORE", "READ",     "WRITE"}) {
    bool reserved = false;
    EXPECT_NE(Lexer::LookupKeyword(w, &reserved), Kw::kNone) << w;
    EXPECT_TRUE(reserved) << w;
  }
  for (const char* w :
       {"STATUS",   "VALUE",  "DATA",   "DATE",   "TEXT", "TIMESTAMP", "PASSWORD", "USER",
        "LEVEL",    "MASTER", "SLAVE",  "EVENTS", "LOGS", "NAME",      "COMMENT",  "ENGINE",
        "DATABASE", "SCHEMA", "WINDOW", "BEGIN",  "END",  "TYPE",      "YEAR",     "MODE"}) {
    bool reserved = true;
    Lexer::LookupKeyword(w, &reserved);
    EXPECT_FALSE(reserved) << w;
  }
}

TEST(LexerTest, QuotedIdentifiers) {
  std::string sql = "`a``b` `select` \"x\"";
  auto t = Lex(sql);
  EXPECT_EQ(t[0].type, TokenType::kQuotedIdent);
  EXPECT_EQ(Lexer::DecodeIdent(sql, t[0]), "a`b");
  EXPECT_EQ(Lexer::DecodeIdent(sql, t[1]), "select");
  EXPECT_EQ(t[2].type, TokenType::kString);
  LexerOptions ansi;
  ansi.ansi_quotes = true;
  auto a = Lex(sql, ansi);
  EXPECT_EQ(a[2].type, TokenType::kQuotedIdent);
  EXPECT_EQ(Lexer::DecodeIdent(sql, a[2]), "x");
  std::string dq = "\"a\"\"b\"";
  auto d = Lex(dq, ansi);
  EXPECT_EQ(Lexer::DecodeIdent(dq, d[0]), "a\"b");
}

TEST(LexerTest, StringEscapes) {
  std::string sql = R"('a\'b' 'c''d' "e\"f" '\0\b\n\r\t\Z\\\%\_\x' 'it''s')";
  auto t = Lex(sql);
  EXPECT_EQ(Lexer::DecodeString(sql, t[0], false), "a'b");
  EXPECT_EQ(Lexer::DecodeString(sql, t[1], false), "c'd");
  EXPECT_EQ(Lexer::DecodeString(sql, t[2], false), "e\"f");
  EXPECT_EQ(Lexer::DecodeString(sql, t[3], false), std::string("\0\b\n\r\t\032\\\\%\\_x", 12));
  EXPECT_EQ(Lexer::DecodeString(sql, t[4], false), "it's");
}

TEST(LexerTest, NoBackslashEscapes) {
  std::string sql = R"('a\' 'b')";
  LexerOptions nbe;
  nbe.no_backslash_escapes = true;
  auto t = Lex(sql, nbe);
  ASSERT_EQ(t[0].type, TokenType::kString);
  EXPECT_EQ(Lexer::DecodeString(sql, t[0], true), "a\\");
  EXPECT_EQ(t[1].type, TokenType::kString);
  // With escapes the same text is one unterminated string... then 'b' closes it.
  auto e = Lex(sql);
  EXPECT_EQ(e[0].type, TokenType::kString);
  EXPECT_EQ(Lexer::DecodeString(sql, e[0], false), "a' ");
}

TEST(LexerTest, Numbers) {
  EXPECT_EQ(Dump("1 123 1.5 .5 1. 1e3 1.5E-3 .5e1 1.e3 2e+2"),
            "int:1 int:123 dec:1.5 dec:.5 dec:1. flt:1e3 flt:1.5E-3 flt:.5e1 flt:1.e3 flt:2e+2");
  EXPECT_EQ(Dump("0x1F X'1f' x'' 0b101 B'101' b''"),
            "hex:0x1F hex:X'1f' hex:x'' bit:0b101 bit:B'101' bit:b''");
  std::string sql = "0x1F X'0a0B' 0xABC B'101' 0b100000000 b''";
  auto t = Lex(sql);
  EXPECT_EQ(Lexer::DecodeHex(sql, t[0]), "\x1f");
  EXPECT_EQ(Lexer::DecodeHex(sql, t[1]), "\x0a\x0b");
  EXPECT_EQ(Lexer::DecodeHex(sql, t[2]), std::string("\x0a\xbc", 2));
  EXPECT_EQ(Lexer::DecodeBits(sql, t[3]), "\x05");
  EXPECT_EQ(Lexer::DecodeBits(sql, t[4]), std::string("\x01\x00", 2));
  EXPECT_EQ(Lexer::DecodeBits(sql, t[5]), "");
}

TEST(LexerTest, MalformedHexAndBitLiteralsAreErrors) {
  EXPECT_EQ(First(Lex("X'1'")).type, TokenType::kError);
  EXPECT_EQ(First(Lex("x'1G'")).type, TokenType::kError);
  EXPECT_EQ(First(Lex("b'102'")).type, TokenType::kError);
  EXPECT_EQ(First(Lex("X'12")).type, TokenType::kError);
}

TEST(LexerTest, CharsetIntroducersAndNationalStrings) {
  EXPECT_EQ(Dump("_utf8mb4'x' _binary 'y' _latin1 X'41' N'z' n'w' _foo"),
            "intro:_utf8mb4 str:'x' intro:_binary str:'y' intro:_latin1 hex:X'41' nstr:N'z' "
            "nstr:n'w' id:_foo");
  std::string sql = "N'a''b'";
  EXPECT_EQ(Lexer::DecodeString(sql, Lex(sql)[0], false), "a'b");
}

TEST(LexerTest, Operators) {
  EXPECT_EQ(Dump("<=> := -> ->> && || ! != <> <= >= << >> = < > + - * / % ^ ~ & | . , ; ( ) { } :"),
            "op:<=> op::= op:-> op:->> op:&& op:|| op:! op:!= op:<> op:<= op:>= op:<< op:>> op:= "
            "op:< op:> op:+ op:- op:* op:/ op:% op:^ op:~ op:& op:| op:. op:, op:; op:( op:) op:{ "
            "op:} op::");
}

TEST(LexerTest, VariablesAndPlaceholders) {
  EXPECT_EQ(Dump("@a @a.b @'q r' @`x` @\"y\" @@version @@global.x ? ?"),
            "uvar:@a uvar:@a.b uvar:@'q r' uvar:@`x` uvar:@\"y\" @@:@@ id:version @@:@@ kw:global "
            "op:. id:x ?:? ?:?");
  std::string sql = "@'q r' @`x``y` @abc";
  auto t = Lex(sql);
  EXPECT_EQ(Lexer::DecodeUserVar(sql, t[0], false), "q r");
  EXPECT_EQ(Lexer::DecodeUserVar(sql, t[1], false), "x`y");
  EXPECT_EQ(Lexer::DecodeUserVar(sql, t[2], false), "abc");
}

TEST(LexerTest, WordAfterIdentifierDotIsAnIdentifier) {
  // t.select: "select" is a column name; "t. select" (space) is the keyword.
  EXPECT_EQ(Dump("t.select `t`.from db.1t"),
            "id:t op:. id:select qid:`t` op:. id:from id:db op:. id:1t");
  EXPECT_EQ(Dump("t. select"), "id:t op:. RW:select");
  EXPECT_EQ(Dump("t.5"), "id:t op:. id:5");
}

TEST(LexerTest, Comments) {
  EXPECT_EQ(Dump("SELECT 1 # c\n+ 2 -- c\n+ 3 /* c */ + 4 --x"),
            "RW:SELECT int:1 op:+ int:2 op:+ int:3 op:+ int:4 op:- op:- id:x");
  EXPECT_EQ(Dump("1--"), "int:1");  // "--" at the end of input is a comment
  EXPECT_EQ(Dump("1 --\t2"), "int:1");
  auto t = Lex("/* a */ SELECT");
  EXPECT_TRUE(t[0].after_comment);
  EXPECT_TRUE(Lex("/* a */")[0].after_comment);
  EXPECT_FALSE(Lex("   ")[0].after_comment);
}

TEST(LexerTest, ExecutableComments) {
  EXPECT_EQ(Dump("/*!40101 SET @x=1*/"), "RW:SET uvar:@x op:= int:1");
  EXPECT_EQ(Dump("/*! SELECT 1 */"), "RW:SELECT int:1");
  EXPECT_EQ(Dump("SELECT 1 /*!99999 nope*/"), "RW:SELECT int:1");
  EXPECT_EQ(Dump("SELECT 1 /*!50700 mysql57 */"), "RW:SELECT int:1");  // MySQL 5.7+: skipped
  EXPECT_EQ(Dump("SELECT 1 /*!50530 + 2 */"), "RW:SELECT int:1 op:+ int:2");
  EXPECT_EQ(Dump("SELECT 1 /*!100100 + 2 */"), "RW:SELECT int:1 op:+ int:2");
  EXPECT_EQ(Dump("SELECT 1 /*!101119 + 2 */"), "RW:SELECT int:1 op:+ int:2");
  EXPECT_EQ(Dump("SELECT 1 /*!101120 + 2 */"), "RW:SELECT int:1");
  EXPECT_EQ(Dump("SELECT 1 /*M! + 2 */"), "RW:SELECT int:1 op:+ int:2");
  EXPECT_EQ(Dump("SELECT 1 /*M!100100 + 2 */"), "RW:SELECT int:1 op:+ int:2");
  EXPECT_EQ(Dump("SELECT 1 /*M!50700 + 2 */"), "RW:SELECT int:1 op:+ int:2");
  EXPECT_EQ(Dump("SET TIMESTAMP=1700000000/*!*/;"), "RW:SET kw:TIMESTAMP op:= int:1700000000 op:;");
  // A skipped versioned comment counts as a comment.
  EXPECT_TRUE(Lex("/*!99999 nope*/")[0].after_comment);
  // Outside an executable comment "*/" is two operators.
  EXPECT_EQ(Dump("1 */"), "int:1 op:* op:/");
}

TEST(LexerTest, ClientCommandInExecutableCommentIsAnError) {
  EXPECT_EQ(Dump("/*!\\C utf8mb4 *//*!*/;"), "ERR:\\ id:C id:utf8mb4 op:;");
}

TEST(LexerTest, UnterminatedInputBecomesErrorTokens) {
  auto s = Lex("SELECT 'abc");
  EXPECT_EQ(s[1].type, TokenType::kError);
  EXPECT_EQ(s[1].offset, 7u);
  EXPECT_EQ(Lex("SELECT `abc")[1].type, TokenType::kError);
  EXPECT_EQ(Lex("SELECT \"abc")[1].type, TokenType::kError);
  auto c = Lex("SELECT 1 /* abc");
  EXPECT_EQ(c[2].type, TokenType::kError);
  EXPECT_EQ(c[2].offset, 9u);
  auto x = Lex("/*!40101 SELECT 1");  // unterminated executable comment: error at the end
  EXPECT_EQ(x[2].type, TokenType::kError);
  EXPECT_EQ(x[2].offset, 17u);
  EXPECT_EQ(Lex("SELECT \\N")[1].type, TokenType::kError);
}

TEST(LexerTest, LineNumbersCountCommentsButNotStrings) {
  auto t = Lex("SELECT\n1 /* a\nb */ 'x\ny' # z\n2");
  EXPECT_EQ(t[0].line, 1u);
  EXPECT_EQ(t[1].line, 2u);
  EXPECT_EQ(t[2].line, 3u);  // the string starts on line 3
  EXPECT_EQ(t[3].line, 4u);  // newline inside the string is not counted
}

TEST(LexerTest, SpansCoverTokenText) {
  std::string sql = "SELECT  `a b` , 'x''y'";
  auto t = Lex(sql);
  EXPECT_EQ(Lexer::Text(sql, t[1]), "`a b`");
  EXPECT_EQ(Lexer::Text(sql, t[3]), "'x''y'");
  EXPECT_EQ(t[4].type, TokenType::kEnd);
  EXPECT_EQ(t[4].offset, sql.size());
}

TEST(LexerTest, NextRepeatsEndForever) {
  Lexer lex("x", {});
  EXPECT_EQ(lex.Next().type, TokenType::kIdent);
  EXPECT_EQ(lex.Next().type, TokenType::kEnd);
  EXPECT_EQ(lex.Next().type, TokenType::kEnd);
}

}  // namespace
}  // namespace relaydb::sql
