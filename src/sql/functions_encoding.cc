// Encodings, digests and identifiers: TO_BASE64/FROM_BASE64, MD5, SHA1,
// SHA2, CRC32/CRC32C, UUID, UUID_SHORT, RANDOM_BYTES, INET_ATON/INET_NTOA
// (MariaDB 10.11 semantics; digests through OpenSSL).
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>

#include "sql/functions_internal.h"

namespace relaydb::sql::fn {
namespace {

std::string HexLower(std::string_view s) {
  static const char kHex[] = "0123456789abcdef";
  std::string out(s.size() * 2, '\0');
  for (size_t i = 0; i < s.size(); i++) {
    auto b = static_cast<unsigned char>(s[i]);
    out[2 * i] = kHex[b >> 4];
    out[2 * i + 1] = kHex[b & 15];
  }
  return out;
}

constexpr char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

void ToBase64(Call& c) {
  std::string_view s = c.Str(0);
  std::string out;
  size_t line = 0;
  for (size_t i = 0; i < s.size(); i += 3) {
    uint32_t v = static_cast<unsigned char>(s[i]) << 16;
    if (i + 1 < s.size()) v |= static_cast<unsigned char>(s[i + 1]) << 8;
    if (i + 2 < s.size()) v |= static_cast<unsigned char>(s[i + 2]);
    if (line == 76) {
      out.push_back('\n');
      line = 0;
    }
    out.push_back(kB64[(v >> 18) & 63]);
    out.push_back(kB64[(v >> 12) & 63]);
    out.push_back(i + 1 < s.size() ? kB64[(v >> 6) & 63] : '=');
    out.push_back(i + 2 < s.size() ? kB64[v & 63] : '=');
    line += 4;
  }
  c.SetText(std::move(out));
}

void BadBase64(Call& c, size_t pos) { c.Warn(1958, "Bad base64 data as position " + std::to_string(pos)); }

void FromBase64(Call& c) {
  std::string_view s = c.Str(0);
  if (s.empty()) {
    BadBase64(c, 0);
    return c.SetBlob("");
  }
  // Groups of four characters; '=' only as the last one or two of the final
  // group; whitespace ignored.
  std::string out;
  uint32_t acc = 0;
  int in_group = 0;
  int pad = 0;
  for (size_t i = 0; i < s.size(); i++) {
    char ch = s[i];
    if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') continue;
    int v;
    if (ch >= 'A' && ch <= 'Z') {
      v = ch - 'A';
    } else if (ch >= 'a' && ch <= 'z') {
      v = ch - 'a' + 26;
    } else if (ch >= '0' && ch <= '9') {
      v = ch - '0' + 52;
    } else if (ch == '+') {
      v = 62;
    } else if (ch == '/') {
      v = 63;
    } else if (ch == '=' && in_group >= 2) {
      pad++;
      v = 0;
    } else {
      BadBase64(c, i);
      return c.SetNull();
    }
    if (pad > 0 && ch != '=') {
      BadBase64(c, i);
      return c.SetNull();
    }
    acc = (acc << 6) | static_cast<uint32_t>(v);
    if (++in_group == 4) {
      out.push_back(static_cast<char>(acc >> 16));
      if (pad < 2) out.push_back(static_cast<char>((acc >> 8) & 0xFF));
      if (pad < 1) out.push_back(static_cast<char>(acc & 0xFF));
      acc = 0;
      in_group = 0;
      if (pad > 0) {
        // Only whitespace may follow the padding.
        for (size_t k = i + 1; k < s.size(); k++) {
          if (s[k] != ' ' && s[k] != '\t' && s[k] != '\n' && s[k] != '\r') {
            BadBase64(c, k);
            return c.SetNull();
          }
        }
        break;
      }
    }
  }
  if (in_group != 0) {
    BadBase64(c, s.size());
    return c.SetNull();
  }
  c.SetBlob(out);
}

void Digest(Call& c, const EVP_MD* md) {
  std::string_view s = c.Str(0);
  unsigned char buf[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  if (EVP_Digest(s.data(), s.size(), buf, &n, md, nullptr) != 1) return c.SetNull();
  c.SetText(HexLower(std::string_view(reinterpret_cast<char*>(buf), n)));
}
void Md5(Call& c) { Digest(c, EVP_md5()); }
// PASSWORD(pw): mysql_native_password's stored form, "*" + 40 upper-case hex
// digits of SHA1(SHA1(pw)); "" for the empty password.
void Password(Call& c) {
  std::string_view s = c.Str(0);
  if (s.empty()) return c.SetText("");
  unsigned char one[EVP_MAX_MD_SIZE], two[EVP_MAX_MD_SIZE];
  unsigned int n1 = 0, n2 = 0;
  if (EVP_Digest(s.data(), s.size(), one, &n1, EVP_sha1(), nullptr) != 1 ||
      EVP_Digest(one, n1, two, &n2, EVP_sha1(), nullptr) != 1)
    return c.SetNull();
  std::string hex = HexLower(std::string_view(reinterpret_cast<char*>(two), n2));
  for (auto& ch : hex) ch = static_cast<char>(toupper(static_cast<unsigned char>(ch)));
  c.SetText("*" + hex);
}
void Sha1(Call& c) { Digest(c, EVP_sha1()); }
void Sha2(Call& c) {
  int64_t bits = c.Int(1);
  switch (bits) {
    case 0:
    case 256:
      return Digest(c, EVP_sha256());
    case 224:
      return Digest(c, EVP_sha224());
    case 384:
      return Digest(c, EVP_sha384());
    case 512:
      return Digest(c, EVP_sha512());
    default:
      c.Warn(1583, "Incorrect parameters in the call to native function 'sha2'");
      return c.SetNull();
  }
}

uint32_t Crc32Update(uint32_t crc, std::string_view s, uint32_t poly) {
  crc = ~crc;
  for (char ch : s) {
    crc ^= static_cast<unsigned char>(ch);
    for (int k = 0; k < 8; k++) crc = (crc >> 1) ^ (poly & (0u - (crc & 1u)));
  }
  return ~crc;
}

// CRC32(s) or CRC32(initial, s) (MariaDB 10.8+); CRC32C likewise.
void Crc(Call& c, uint32_t poly) {
  uint32_t init = 0;
  int si = 0;
  if (c.argc() == 2) {
    init = static_cast<uint32_t>(c.Int(0));
    si = 1;
  }
  c.SetInt(Crc32Update(init, c.Str(si), poly));
}
void Crc32(Call& c) { Crc(c, 0xEDB88320u); }
void Crc32c(Call& c) { Crc(c, 0x82F63B78u); }

// UUID(): version 1 (time-based) with a random node id per process.
void Uuid(Call& c) {
  static std::mutex mu;
  static uint64_t last_time = 0;
  static uint16_t clock_seq = 0;
  static unsigned char node[6];
  static bool init = false;
  uint64_t t;
  uint16_t seq;
  {
    std::lock_guard<std::mutex> lock(mu);
    if (!init) {
      RAND_bytes(node, sizeof node);
      node[0] |= 0x01;  // multicast bit: not a real MAC address
      unsigned char cs[2];
      RAND_bytes(cs, 2);
      clock_seq = static_cast<uint16_t>((cs[0] << 8 | cs[1]) & 0x3FFF);
      init = true;
    }
    // 100 ns ticks since 1582-10-15.
    uint64_t now = static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                             std::chrono::system_clock::now().time_since_epoch())
                                             .count() /
                                         100) +
                   0x01B21DD213814000ULL;
    if (now <= last_time) now = last_time + 1;
    last_time = now;
    t = now;
    seq = clock_seq;
  }
  char buf[37];
  std::snprintf(buf, sizeof buf, "%08x-%04x-%04x-%04x-%02x%02x%02x%02x%02x%02x",
                static_cast<unsigned>(t & 0xFFFFFFFF), static_cast<unsigned>((t >> 32) & 0xFFFF),
                static_cast<unsigned>(((t >> 48) & 0x0FFF) | 0x1000), static_cast<unsigned>(seq | 0x8000),
                node[0], node[1], node[2], node[3], node[4], node[5]);
  c.SetText(std::string_view(buf, 36));
}

// UUID_SHORT(): (server_id & 255) << 56 | startup seconds << 24, + counter.
void UuidShort(Call& c) {
  static std::atomic<uint64_t> counter{0};
  static const uint64_t start = static_cast<uint64_t>(
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
          .count());
  uint64_t base = (static_cast<uint64_t>(c.session().ServerId() & 255) << 56) + (start << 24);
  c.SetUnsigned(base + counter.fetch_add(1));
}

void RandomBytes(Call& c) {
  int64_t n = c.Int(0);
  if (n < 0 || n > 1024) return c.SetNull();
  std::string out(static_cast<size_t>(n), '\0');
  if (n > 0) RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(n));
  c.SetBlob(out);
}

void InetAton(Call& c) {
  std::string_view s = c.Str(0);
  uint64_t result = 0;
  uint32_t byte = 0;
  int dots = 0;
  char last = '.';
  for (char ch : s) {
    last = ch;
    if (ch >= '0' && ch <= '9') {
      byte = byte * 10 + static_cast<uint32_t>(ch - '0');
      if (byte > 255) return c.SetNull();
    } else if (ch == '.') {
      dots++;
      result = (result << 8) + byte;
      byte = 0;
    } else {
      return c.SetNull();
    }
  }
  if (last == '.') return c.SetNull();
  if (dots == 1) result <<= 16;
  if (dots == 2) result <<= 8;
  c.SetUnsigned((result << 8) + byte);
}

void InetNtoa(Call& c) {
  bool uns = false;
  int64_t v = c.Int(0, &uns);
  if (v < 0 || v > 0xFFFFFFFFLL || uns) return c.SetNull();
  char buf[16];
  std::snprintf(buf, sizeof buf, "%u.%u.%u.%u", static_cast<unsigned>((v >> 24) & 255),
                static_cast<unsigned>((v >> 16) & 255), static_cast<unsigned>((v >> 8) & 255),
                static_cast<unsigned>(v & 255));
  c.SetText(buf);
}

const ScalarDef kScalars[] = {
    {"rdb_to_base64", 1, ToBase64, kNullIfAnyNull | kDeterministic},
    {"rdb_from_base64", 1, FromBase64, kNullIfAnyNull | kDeterministic},
    {"rdb_md5", 1, Md5, kNullIfAnyNull | kDeterministic},
    {"rdb_sha1", 1, Sha1, kNullIfAnyNull | kDeterministic},
    {"rdb_password", 1, Password, kNullIfAnyNull | kDeterministic},
    {"rdb_sha2", 2, Sha2, kNullIfAnyNull | kDeterministic},
    {"rdb_crc32", 1, Crc32, kNullIfAnyNull | kDeterministic},
    {"rdb_crc32", 2, Crc32, kNullIfAnyNull | kDeterministic},
    {"rdb_crc32c", 1, Crc32c, kNullIfAnyNull | kDeterministic},
    {"rdb_crc32c", 2, Crc32c, kNullIfAnyNull | kDeterministic},
    {"rdb_uuid", 0, Uuid, 0},
    {"rdb_uuid_short", 0, UuidShort, 0},
    {"rdb_random_bytes", 1, RandomBytes, kNullIfAnyNull},
    {"rdb_inet_aton", 1, InetAton, kNullIfAnyNull | kDeterministic},
    {"rdb_inet_ntoa", 1, InetNtoa, kNullIfAnyNull | kDeterministic},
};

}  // namespace

FamilyTable EncodingFunctions() { return {kScalars, std::size(kScalars), nullptr, 0}; }

}  // namespace relaydb::sql::fn
