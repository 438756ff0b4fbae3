// OK / ERR / EOF packets. See messages.h; MariaDB knowledge base
// "OK_Packet", "ERR_Packet", "EOF_Packet".
#include "wire/messages.h"

#include <algorithm>

#include "common/bytes.h"
#include "wire/protocol.h"

namespace relaydb::wire {

namespace {

std::string OkWithHeader(uint8_t header, uint64_t affected_rows, uint64_t last_insert_id,
                         uint16_t status_flags, uint16_t warnings, std::string_view info) {
  std::string out;
  ByteWriter w(&out);
  w.U8(header);
  w.LenEncInt(affected_rows);
  w.LenEncInt(last_insert_id);
  w.U16(status_flags);
  w.U16(warnings);
  if (!info.empty()) w.LenEncString(info);
  return out;
}

std::string_view TruncateMessage(std::string_view message) {
  return message.substr(0, std::min(message.size(), kMaxErrorMessageBytes));
}

}  // namespace

std::string OkPacket(uint64_t affected_rows, uint64_t last_insert_id, uint16_t status_flags,
                     uint16_t warnings, std::string_view info) {
  return OkWithHeader(kOkHeader, affected_rows, last_insert_id, status_flags, warnings, info);
}

std::string OkPacketAsEof(uint16_t status_flags, uint16_t warnings) {
  return OkWithHeader(kEofHeader, 0, 0, status_flags, warnings, {});
}

std::string EofPacket(uint16_t warnings, uint16_t status_flags) {
  std::string out;
  ByteWriter w(&out);
  w.U8(kEofHeader);
  w.U16(warnings);
  w.U16(status_flags);
  return out;
}

std::string ErrPacket(uint16_t error_code, std::string_view sqlstate, std::string_view message) {
  std::string out;
  ByteWriter w(&out);
  w.U8(kErrHeader);
  w.U16(error_code);
  w.U8('#');
  w.Bytes(sqlstate.size() == 5 ? sqlstate : std::string_view("HY000"));
  w.Bytes(TruncateMessage(message));
  return out;
}

std::string ErrPacket(const Status& status) {
  if (status.IsSqlError()) return ErrPacket(status.mysql_errno(), status.sqlstate(), status.message());
  return ErrPacket(kErUnknownError, "HY000", status.message());
}

std::string ErrPacketWithoutSqlstate(uint16_t error_code, std::string_view message) {
  std::string out;
  ByteWriter w(&out);
  w.U8(kErrHeader);
  w.U16(error_code);
  w.Bytes(TruncateMessage(message));
  return out;
}

ResponseKind ClassifyResponse(std::string_view payload) {
  if (payload.empty()) return ResponseKind::kMalformed;
  switch (static_cast<uint8_t>(payload[0])) {
    case kOkHeader: return ResponseKind::kOk;
    case kErrHeader: return ResponseKind::kErr;
    case kEofHeader: return ResponseKind::kEof;
    case kLocalInfileHeader: return ResponseKind::kLocalInfile;
    default: return ResponseKind::kResultSet;
  }
}

bool IsEofPacket(std::string_view payload, bool deprecate_eof) {
  if (payload.empty() || static_cast<uint8_t>(payload[0]) != kEofHeader) return false;
  return deprecate_eof ? payload.size() < kMaxPacketChunk : payload.size() < 9;
}

bool IsErrPacket(std::string_view payload) {
  return !payload.empty() && static_cast<uint8_t>(payload[0]) == kErrHeader;
}

Result<OkPacketData> ParseOk(std::string_view payload) {
  ByteReader r(payload);
  uint8_t header = 0;
  RETURN_IF_ERROR(r.ReadU8(&header));
  if (header != kOkHeader && header != kEofHeader) {
    return Status::ProtocolError("not an OK packet (header byte " + std::to_string(header) + ")");
  }
  OkPacketData ok;
  RETURN_IF_ERROR(r.ReadLenEncInt(&ok.affected_rows));
  RETURN_IF_ERROR(r.ReadLenEncInt(&ok.last_insert_id));
  RETURN_IF_ERROR(r.ReadU16(&ok.status_flags));
  RETURN_IF_ERROR(r.ReadU16(&ok.warnings));
  if (!r.empty()) {
    // MariaDB and MySQL write the info as a length-encoded string; be lenient
    // with peers that send the documented string<EOF> instead.
    ByteReader probe(r.rest());
    std::string_view info;
    if (probe.ReadLenEncString(&info).ok()) {
      ok.info = std::string(info);
    } else {
      ok.info = std::string(r.rest());
    }
  }
  return ok;
}

Result<EofPacketData> ParseEof(std::string_view payload) {
  ByteReader r(payload);
  uint8_t header = 0;
  RETURN_IF_ERROR(r.ReadU8(&header));
  if (header != kEofHeader) return Status::ProtocolError("not an EOF packet");
  EofPacketData eof;
  if (r.empty()) return eof;
  RETURN_IF_ERROR(r.ReadU16(&eof.warnings));
  RETURN_IF_ERROR(r.ReadU16(&eof.status_flags));
  return eof;
}

Status ParseErr(std::string_view payload) {
  ByteReader r(payload);
  uint8_t header = 0;
  uint16_t code = 0;
  if (!r.ReadU8(&header).ok() || header != kErrHeader || !r.ReadU16(&code).ok()) {
    return Status::ProtocolError("malformed ERR packet");
  }
  if (code == 0xffff) return Status::ProtocolError("unexpected progress report packet");
  std::string sqlstate = "HY000";
  if (!r.empty() && r.rest()[0] == '#') {
    std::string_view state;
    if (!r.Skip(1).ok() || !r.ReadBytes(5, &state).ok()) {
      return Status::ProtocolError("malformed ERR packet: truncated SQLSTATE");
    }
    sqlstate = std::string(state);
  }
  return Status::SqlError(code, sqlstate, std::string(r.ReadRest()));
}

}  // namespace relaydb::wire
