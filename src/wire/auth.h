// Password authentication methods: mysql_native_password and the fast path
// of caching_sha2_password, for both ends of the connection.
//
// Implements MariaDB's knowledge base "Authentication Plugin -
// mysql_native_password" and MySQL's caching_sha2_password "fast
// authentication" exchange. The `scramble` everywhere is the 20-byte nonce
// from the server's greeting or AuthSwitchRequest, without its trailing NUL.
// All functions are pure and thread-safe. Verification compares in constant
// time. Hashing uses OpenSSL's EVP interface.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"

namespace relaydb::wire {

inline constexpr std::string_view kNativePasswordPlugin = "mysql_native_password";
inline constexpr std::string_view kCachingSha2PasswordPlugin = "caching_sha2_password";

// caching_sha2_password AuthMoreData status bytes (after the 0x01 header).
inline constexpr uint8_t kCachingSha2FastAuthSuccess = 0x03;
inline constexpr uint8_t kCachingSha2PerformFullAuth = 0x04;

// ---------------------------------------------------------------------------
// mysql_native_password
// ---------------------------------------------------------------------------

// What MariaDB stores in mysql.user / prints for PASSWORD('pw'): "*" followed
// by 40 upper-case hex digits of SHA1(SHA1(password)); "" for an empty password.
std::string NativePasswordHash(std::string_view password);

// Client: the 20-byte auth response SHA1(pw) XOR SHA1(scramble + SHA1(SHA1(pw)));
// "" for an empty password.
std::string ScrambleNative(std::string_view password, std::string_view scramble);

// Server: whether `response` proves knowledge of the password whose
// NativePasswordHash is `stored_hash_text`. An empty stored hash (no
// password) accepts exactly an empty response; a non-empty one requires a
// 20-byte response and a 20-byte scramble. A malformed stored hash rejects.
bool VerifyNative(std::string_view stored_hash_text, std::string_view scramble,
                  std::string_view response);

// ---------------------------------------------------------------------------
// caching_sha2_password (fast path only)
// ---------------------------------------------------------------------------

// What the server keeps in its cache for the fast path: the 32 raw bytes of
// SHA256(SHA256(password)); "" for an empty password.
std::string Sha2Digest(std::string_view password);

// Client: the 32-byte auth response
// SHA256(pw) XOR SHA256(SHA256(SHA256(pw)) + scramble); "" for an empty password.
std::string ScrambleSha2(std::string_view password, std::string_view scramble);

// Server fast path: with h = response XOR SHA256(stored_digest + scramble),
// accepts iff SHA256(h) == stored_digest. An empty stored digest accepts
// exactly an empty response.
bool VerifySha2Fast(std::string_view stored_digest, std::string_view scramble,
                    std::string_view response);

// ---------------------------------------------------------------------------

// Client: the auth response `plugin` expects for `password`. NotSupported for
// plugins other than the two above.
Result<std::string> ComputeAuthResponse(std::string_view plugin, std::string_view password,
                                        std::string_view scramble);

}  // namespace relaydb::wire
