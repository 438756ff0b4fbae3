// MariaDB's binlog payload compression (log_bin_compress): Query_compressed
// (165) carries a compressed statement, the *_ROWS_COMPRESSED events
// (166-171) compressed row images (docs/binlog_format.md, "Compressed
// events").
//
// Layout: one header byte 0x80 | (algorithm << 4) | n, then the uncompressed
// length in n (1..4) big-endian bytes, then a zlib stream.
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"

namespace relaydb::binlog {

// Compresses `data` in MariaDB's format.
std::string CompressPayload(std::string_view data);
// Decompresses a payload written by CompressPayload or MariaDB.
Result<std::string> UncompressPayload(std::string_view payload);

}  // namespace relaydb::binlog
