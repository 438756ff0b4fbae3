// Authentication: known vectors computed with Python's hashlib (see each
// test's comment), plus the scramble generator.
#include <gtest/gtest.h>

#include <set>

#include "wire/auth.h"
#include "wire/handshake.h"
#include "wire/protocol.h"
#include "wire/wire_test_util.h"

namespace relaydb::wire {
namespace {

using testing::Hex;
using testing::Unhex;

// scramble = bytes(range(0x21, 0x35)), i.e. "!\"#$%&'()*+,-./01234"
const std::string kScramble = "!\"#$%&'()*+,-./01234";

TEST(NativePasswordTest, StoredHashMatchesMariadb) {
  // SELECT PASSWORD('secret') on MariaDB 10.11.
  EXPECT_EQ(NativePasswordHash("secret"), "*14E65567ABDB5135D0CFD9A70B3032C179A49EE7");
  // '*' + sha1(sha1(b'p@ss w0rd').digest()).hexdigest().upper()
  EXPECT_EQ(NativePasswordHash("p@ss w0rd"), "*537DDE261C2E4B692A0830EFCB37A56DBD3D49CE");
  EXPECT_EQ(NativePasswordHash(""), "");
}

TEST(NativePasswordTest, ScrambleKnownVector) {
  // h1 = sha1(pw); h2 = sha1(h1); xor(h1, sha1(scramble + h2))
  EXPECT_EQ(Hex(ScrambleNative("p@ss w0rd", kScramble)), "f8e32084939212be90db9cbf69dbcc6386768662");
  EXPECT_EQ(ScrambleNative("", kScramble), "");
}

TEST(NativePasswordTest, Verify) {
  const std::string stored = NativePasswordHash("p@ss w0rd");
  const std::string good = ScrambleNative("p@ss w0rd", kScramble);
  EXPECT_TRUE(VerifyNative(stored, kScramble, good));
  EXPECT_FALSE(VerifyNative(stored, kScramble, ScrambleNative("p@ss w0rD", kScramble)));
  EXPECT_FALSE(VerifyNative(stored, "!\"#$%&'()*+,-./01235", good));  // other scramble
  EXPECT_FALSE(VerifyNative(stored, kScramble, good.substr(0, 19)));
  EXPECT_FALSE(VerifyNative(stored, kScramble, ""));
  // Empty password <=> empty response.
  EXPECT_TRUE(VerifyNative("", kScramble, ""));
  EXPECT_FALSE(VerifyNative("", kScramble, good));
  // Malformed stored hashes reject instead of crashing.
  EXPECT_FALSE(VerifyNative("*537DDE", kScramble, good));
  EXPECT_FALSE(VerifyNative("537DDE261C2E4B692A0830EFCB37A56DBD3D49CE0", kScramble, good));
  EXPECT_FALSE(VerifyNative("*537DDE261C2E4B692A0830EFCB37A56DBD3D49CZ", kScramble, good));
  // Lower-case hex is the same hash.
  EXPECT_TRUE(VerifyNative("*537dde261c2e4b692a0830efcb37a56dbd3d49ce", kScramble, good));
}

TEST(CachingSha2Test, KnownVectors) {
  // sha256(sha256(b'secret').digest()).hexdigest()
  EXPECT_EQ(Hex(Sha2Digest("secret")),
            "3881219d087dd9c634373fd33dfa33a2cb6bfc6c520b64b8bb60ef2ceb534ae7");
  // s1 = sha256(pw); s2 = sha256(s1); xor(s1, sha256(s2 + scramble))
  EXPECT_EQ(Hex(ScrambleSha2("p@ss w0rd", kScramble)),
            "c64e32352d2efbfe60df293e1b8fe99ece91fd0a7b603c943fbe0b0f7fd90aed");
  EXPECT_EQ(Hex(Sha2Digest("p@ss w0rd")),
            "dbeff0513ac877de65247b9a07df39e9727ad6db37c3948335a5f4a2aa61b4f4");
  // The scramble captured from MariaDB's greeting to PyMySQL.
  EXPECT_EQ(Hex(ScrambleSha2("secret", "s\\P]d[~(Iu2:k-<'J#jr")),
            "f50467bf038f2b7da8ca9ed475417baf47dcdbb79f7d0a901523e6af97823048");
  EXPECT_EQ(Sha2Digest(""), "");
  EXPECT_EQ(ScrambleSha2("", kScramble), "");
}

TEST(CachingSha2Test, VerifyFast) {
  const std::string stored = Sha2Digest("p@ss w0rd");
  EXPECT_TRUE(VerifySha2Fast(stored, kScramble, ScrambleSha2("p@ss w0rd", kScramble)));
  EXPECT_FALSE(VerifySha2Fast(stored, kScramble, ScrambleSha2("p@ss w0rd!", kScramble)));
  EXPECT_FALSE(VerifySha2Fast(stored, kScramble, ScrambleNative("p@ss w0rd", kScramble)));
  EXPECT_FALSE(VerifySha2Fast(stored, kScramble, ""));
  EXPECT_FALSE(VerifySha2Fast(stored.substr(1), kScramble, ScrambleSha2("p@ss w0rd", kScramble)));
  EXPECT_TRUE(VerifySha2Fast("", kScramble, ""));
  EXPECT_FALSE(VerifySha2Fast("", kScramble, "x"));
}

TEST(AuthTest, ComputeAuthResponseByPlugin) {
  EXPECT_EQ(*ComputeAuthResponse(kNativePasswordPlugin, "pw", kScramble), ScrambleNative("pw", kScramble));
  EXPECT_EQ(*ComputeAuthResponse(kCachingSha2PasswordPlugin, "pw", kScramble),
            ScrambleSha2("pw", kScramble));
  Result<std::string> r = ComputeAuthResponse("client_ed25519", "pw", kScramble);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kNotSupported);
}

TEST(ScrambleTest, PrintableAndFresh) {
  std::set<std::string> seen;
  for (int i = 0; i < 200; i++) {
    Result<std::string> s = GenerateScramble();
    ASSERT_TRUE(s.ok());
    ASSERT_EQ(s->size(), kScrambleLength);
    for (char c : *s) {
      EXPECT_GE(c, 0x21);
      EXPECT_LE(c, 0x7e);
    }
    seen.insert(*s);
  }
  EXPECT_EQ(seen.size(), 200u);
}

}  // namespace
}  // namespace relaydb::wire
