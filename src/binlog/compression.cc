// Binlog payload compression. See compression.h.
#include "binlog/compression.h"

#include <zlib.h>

#include "binlog/event_format.h"
#include "common/bytes.h"

namespace relaydb::binlog {

std::string CompressPayload(std::string_view data) {
  const uint32_t len = static_cast<uint32_t>(data.size());
  size_t lenlen = 1;
  if (len & 0xff000000u) {
    lenlen = 4;
  } else if (len & 0xff0000u) {
    lenlen = 3;
  } else if (len & 0xff00u) {
    lenlen = 2;
  }
  std::string out;
  ByteWriter w(&out);
  w.U8(static_cast<uint8_t>(0x80 | (kCompressionZlib << 4) | lenlen));
  w.UintBE(len, lenlen);
  uLongf bound = compressBound(static_cast<uLong>(data.size()));
  const size_t head = out.size();
  out.resize(head + bound);
  compress(reinterpret_cast<Bytef*>(&out[head]), &bound,
           reinterpret_cast<const Bytef*>(data.data()), static_cast<uLong>(data.size()));
  out.resize(head + bound);
  return out;
}

Result<std::string> UncompressPayload(std::string_view payload) {
  ByteReader r(payload);
  uint8_t head = 0;
  RETURN_IF_ERROR(r.ReadU8(&head));
  const size_t lenlen = head & 0x07;
  if (!(head & 0x80) || lenlen < 1 || lenlen > 4) {
    return Status::Corruption("compressed payload: bad header byte " + std::to_string(head));
  }
  if (((head >> 4) & 0x07) != kCompressionZlib) {
    return Status::NotSupported("compressed payload: unknown algorithm " +
                                std::to_string((head >> 4) & 7));
  }
  uint64_t len = 0;
  RETURN_IF_ERROR(r.ReadUintBE(lenlen, &len));
  std::string_view data = r.ReadRest();
  // zlib cannot inflate by more than ~1032:1; a larger claim is corruption,
  // and refusing it keeps a bad length from allocating gigabytes.
  if (len > (uint64_t{1} << 30) || len > data.size() * 1032 + 64) {
    return Status::Corruption("compressed payload claims " + std::to_string(len) + " bytes from " +
                              std::to_string(data.size()));
  }
  std::string out(len, '\0');
  uLongf got = static_cast<uLongf>(len);
  const int rc =
      uncompress(reinterpret_cast<Bytef*>(out.data()), &got,
                 reinterpret_cast<const Bytef*>(data.data()), static_cast<uLong>(data.size()));
  if (rc != Z_OK || got != len) {
    return Status::Corruption("compressed payload does not inflate to its " + std::to_string(len) +
                              " bytes (zlib " + std::to_string(rc) + ")");
  }
  return out;
}

}  // namespace relaydb::binlog
