// mysql_native_password and caching_sha2_password (fast path). See auth.h.
#include "wire/auth.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <cassert>
#include <cstdlib>
#include <initializer_list>

#include "wire/protocol.h"

namespace relaydb::wire {

namespace {

constexpr size_t kSha1Size = 20;
constexpr size_t kSha256Size = 32;

// Digest of the concatenation of `parts`. EVP digests of in-memory data only
// fail on allocation failure, which we treat like any other out-of-memory.
std::string Digest(const EVP_MD* md, std::initializer_list<std::string_view> parts) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int out_len = 0;
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  bool ok = ctx != nullptr && EVP_DigestInit_ex(ctx, md, nullptr) == 1;
  for (std::string_view p : parts) {
    ok = ok && EVP_DigestUpdate(ctx, p.data(), p.size()) == 1;
  }
  ok = ok && EVP_DigestFinal_ex(ctx, out, &out_len) == 1;
  EVP_MD_CTX_free(ctx);
  assert(ok && "EVP digest failed");
  if (!ok) std::abort();
  return std::string(reinterpret_cast<const char*>(out), out_len);
}

std::string Sha1(std::initializer_list<std::string_view> parts) { return Digest(EVP_sha1(), parts); }
std::string Sha256(std::initializer_list<std::string_view> parts) {
  return Digest(EVP_sha256(), parts);
}

std::string Xor(std::string_view a, std::string_view b) {
  assert(a.size() == b.size());
  std::string out(a.size(), '\0');
  for (size_t i = 0; i < a.size(); i++) out[i] = static_cast<char>(a[i] ^ b[i]);
  return out;
}

bool ConstantTimeEqual(std::string_view a, std::string_view b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

}  // namespace

std::string NativePasswordHash(std::string_view password) {
  if (password.empty()) return "";
  std::string stage2 = Sha1({Sha1({password})});
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out = "*";
  for (unsigned char c : stage2) {
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 0xf]);
  }
  return out;
}

std::string ScrambleNative(std::string_view password, std::string_view scramble) {
  if (password.empty()) return "";
  std::string stage1 = Sha1({password});
  std::string stage2 = Sha1({stage1});
  return Xor(stage1, Sha1({scramble, stage2}));
}

bool VerifyNative(std::string_view stored_hash_text, std::string_view scramble,
                  std::string_view response) {
  if (stored_hash_text.empty()) return response.empty();
  if (response.size() != kSha1Size || scramble.size() != kScrambleLength) return false;
  if (stored_hash_text.size() != 1 + 2 * kSha1Size || stored_hash_text[0] != '*') return false;
  std::string stage2(kSha1Size, '\0');
  for (size_t i = 0; i < kSha1Size; i++) {
    int hi = HexValue(stored_hash_text[1 + 2 * i]);
    int lo = HexValue(stored_hash_text[2 + 2 * i]);
    if (hi < 0 || lo < 0) return false;
    stage2[i] = static_cast<char>((hi << 4) | lo);
  }
  std::string stage1 = Xor(response, Sha1({scramble, stage2}));
  return ConstantTimeEqual(Sha1({stage1}), stage2);
}

std::string Sha2Digest(std::string_view password) {
  if (password.empty()) return "";
  return Sha256({Sha256({password})});
}

std::string ScrambleSha2(std::string_view password, std::string_view scramble) {
  if (password.empty()) return "";
  std::string h1 = Sha256({password});
  std::string h2 = Sha256({h1});
  return Xor(h1, Sha256({h2, scramble}));
}

bool VerifySha2Fast(std::string_view stored_digest, std::string_view scramble,
                    std::string_view response) {
  if (stored_digest.empty()) return response.empty();
  if (stored_digest.size() != kSha256Size || response.size() != kSha256Size) return false;
  std::string h1 = Xor(response, Sha256({stored_digest, scramble}));
  return ConstantTimeEqual(Sha256({h1}), stored_digest);
}

Result<std::string> ComputeAuthResponse(std::string_view plugin, std::string_view password,
                                        std::string_view scramble) {
  if (plugin == kNativePasswordPlugin) return ScrambleNative(password, scramble);
  if (plugin == kCachingSha2PasswordPlugin) return ScrambleSha2(password, scramble);
  return Status::NotSupported("authentication plugin '" + std::string(plugin) +
                              "' is not supported");
}

}  // namespace relaydb::wire
