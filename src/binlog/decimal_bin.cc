// Binary DECIMAL codec. See decimal_bin.h.
#include "binlog/decimal_bin.h"

namespace relaydb::binlog {
namespace {

constexpr int kDigitsPerGroup = 9;
constexpr int kDig2Bytes[kDigitsPerGroup + 1] = {0, 1, 1, 2, 2, 3, 3, 4, 4, 4};
constexpr uint32_t kPow10[kDigitsPerGroup + 1] = {1,      10,      100,      1000,      10000,
                                                  100000, 1000000, 10000000, 100000000, 1000000000};

bool ValidPrecision(int precision, int scale) {
  return precision >= 1 && precision <= kMaxDecimalPrecision && scale >= 0 &&
         scale <= kMaxDecimalScale && scale <= precision;
}

struct ParsedDecimal {
  bool negative = false;
  std::string int_digits;   // without leading zeros
  std::string frac_digits;  // as written
};

bool ParseDecimalText(std::string_view t, ParsedDecimal* p) {
  size_t i = 0;
  if (i < t.size() && (t[i] == '-' || t[i] == '+')) p->negative = t[i++] == '-';
  const size_t int_start = i;
  while (i < t.size() && t[i] >= '0' && t[i] <= '9') i++;
  std::string_view int_part = t.substr(int_start, i - int_start);
  std::string_view frac_part;
  if (i < t.size() && t[i] == '.') {
    const size_t fs = ++i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') i++;
    frac_part = t.substr(fs, i - fs);
  }
  if (i != t.size() || (int_part.empty() && frac_part.empty())) return false;
  while (!int_part.empty() && int_part.front() == '0') int_part.remove_prefix(1);
  p->int_digits = std::string(int_part);
  p->frac_digits = std::string(frac_part);
  return true;
}

uint32_t GroupValue(std::string_view digits) {
  uint32_t v = 0;
  for (char c : digits) v = v * 10 + static_cast<uint32_t>(c - '0');
  return v;
}

}  // namespace

size_t DecimalBinarySize(int precision, int scale) {
  const int intg = precision - scale;
  return static_cast<size_t>((intg / kDigitsPerGroup) * 4 + kDig2Bytes[intg % kDigitsPerGroup] +
                             (scale / kDigitsPerGroup) * 4 + kDig2Bytes[scale % kDigitsPerGroup]);
}

Status EncodeDecimal(std::string_view text, int precision, int scale, std::string* out) {
  if (!ValidPrecision(precision, scale)) {
    return Status::InvalidArgument("invalid DECIMAL(" + std::to_string(precision) + "," +
                                   std::to_string(scale) + ")");
  }
  ParsedDecimal p;
  if (!ParseDecimalText(text, &p)) {
    return Status::InvalidArgument("malformed decimal '" + std::string(text) + "'");
  }
  const int intg = precision - scale;
  if (static_cast<int>(p.int_digits.size()) > intg) {
    return Status::InvalidArgument("decimal '" + std::string(text) +
                                   "' is out of range for DECIMAL(" + std::to_string(precision) +
                                   "," + std::to_string(scale) + ")");
  }
  if (static_cast<int>(p.frac_digits.size()) > scale) {
    if (p.frac_digits.find_first_not_of('0', static_cast<size_t>(scale)) != std::string::npos) {
      return Status::InvalidArgument("decimal '" + std::string(text) + "' has more than " +
                                     std::to_string(scale) + " decimals");
    }
    p.frac_digits.resize(static_cast<size_t>(scale));
  }
  p.frac_digits.resize(static_cast<size_t>(scale), '0');
  const std::string int_digits =
      std::string(static_cast<size_t>(intg) - p.int_digits.size(), '0') + p.int_digits;
  const bool zero =
      p.int_digits.empty() && p.frac_digits.find_first_not_of('0') == std::string::npos;
  const uint8_t mask = (p.negative && !zero) ? 0xff : 0x00;

  const size_t start = out->size();
  ByteWriter w(out);
  auto put = [&](std::string_view digits) {
    const size_t n = static_cast<size_t>(kDig2Bytes[digits.size()]);
    if (n > 0) w.UintBE(GroupValue(digits) ^ (mask ? 0xffffffffu : 0u), n);
  };
  const size_t lead = static_cast<size_t>(intg % kDigitsPerGroup);
  put(std::string_view(int_digits).substr(0, lead));
  for (size_t i = lead; i < int_digits.size(); i += kDigitsPerGroup) {
    put(std::string_view(int_digits).substr(i, kDigitsPerGroup));
  }
  for (size_t i = 0; i < p.frac_digits.size(); i += kDigitsPerGroup) {
    put(std::string_view(p.frac_digits).substr(i, kDigitsPerGroup));
  }
  if (out->size() > start)
    (*out)[start] = static_cast<char>(static_cast<uint8_t>((*out)[start]) ^ 0x80);
  return Status::Ok();
}

Status DecodeDecimal(ByteReader* r, int precision, int scale, std::string* text) {
  if (!ValidPrecision(precision, scale)) {
    return Status::Corruption("invalid DECIMAL(" + std::to_string(precision) + "," +
                              std::to_string(scale) + ") metadata");
  }
  std::string_view raw;
  RETURN_IF_ERROR(r->ReadBytes(DecimalBinarySize(precision, scale), &raw));
  std::string buf(raw);
  const bool negative = !(static_cast<uint8_t>(buf[0]) & 0x80);
  buf[0] = static_cast<char>(static_cast<uint8_t>(buf[0]) ^ 0x80);
  if (negative) {
    for (char& c : buf) c = static_cast<char>(~static_cast<uint8_t>(c));
  }
  ByteReader br(buf);
  auto take = [&](int digits, std::string* dst) -> Status {
    const size_t n = static_cast<size_t>(kDig2Bytes[digits]);
    if (n == 0) return Status::Ok();
    uint64_t v = 0;
    RETURN_IF_ERROR(br.ReadUintBE(n, &v));
    if (v >= kPow10[digits]) {
      return Status::Corruption("DECIMAL digit group " + std::to_string(v) + " has more than " +
                                std::to_string(digits) + " digits");
    }
    std::string s = std::to_string(v);
    dst->append(static_cast<size_t>(digits) - s.size(), '0');
    dst->append(s);
    return Status::Ok();
  };
  const int intg = precision - scale;
  std::string int_digits, frac_digits;
  RETURN_IF_ERROR(take(intg % kDigitsPerGroup, &int_digits));
  for (int i = 0; i < intg / kDigitsPerGroup; i++)
    RETURN_IF_ERROR(take(kDigitsPerGroup, &int_digits));
  for (int i = 0; i < scale / kDigitsPerGroup; i++)
    RETURN_IF_ERROR(take(kDigitsPerGroup, &frac_digits));
  RETURN_IF_ERROR(take(scale % kDigitsPerGroup, &frac_digits));

  const size_t nz = int_digits.find_first_not_of('0');
  int_digits = nz == std::string::npos ? "0" : int_digits.substr(nz);
  const bool zero = int_digits == "0" && frac_digits.find_first_not_of('0') == std::string::npos;
  text->clear();
  if (negative && !zero) text->push_back('-');
  text->append(int_digits);
  if (scale > 0) {
    text->push_back('.');
    text->append(frac_digits);
  }
  return Status::Ok();
}

bool DecimalTextPrecision(std::string_view text, int* precision, int* scale) {
  ParsedDecimal p;
  if (!ParseDecimalText(text, &p)) return false;
  const int intg = p.int_digits.empty() ? 1 : static_cast<int>(p.int_digits.size());
  *scale = static_cast<int>(p.frac_digits.size());
  *precision = intg + *scale;
  return true;
}

}  // namespace relaydb::binlog
