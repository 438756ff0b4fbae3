// Prepared-statement command packets. See prepared_stmt.h; MariaDB knowledge
// base "COM_STMT_PREPARE", "COM_STMT_EXECUTE", "COM_STMT_SEND_LONG_DATA".
#include "wire/prepared_stmt.h"

#include "common/bytes.h"
#include "wire/binary_value.h"
#include "wire/protocol.h"

namespace relaydb::wire {

namespace {

// Command byte + stmt_id(4) + flags(1) + iteration_count(4).
constexpr size_t kExecuteHeaderSize = 10;
// Command byte + stmt_id(4) + param_id(2).
constexpr size_t kLongDataHeaderSize = 7;

Status Malformed() {
  return Status::SqlError(kErMalformedPacket, "HY000", "Malformed communication packet");
}

Status IncorrectArguments() {
  return Status::SqlError(kErWrongArguments, "HY000",
                          "Incorrect arguments to mysqld_stmt_execute");
}

// Types MariaDB 10.11 accepts for a parameter (it rejects 17..245).
bool IsValidParamType(uint8_t type) { return type <= kTypeBit || type >= kTypeNewDecimal; }

// Types that may receive COM_STMT_SEND_LONG_DATA (string/blob result types).
bool IsLongDataType(uint8_t type) {
  return type == kTypeVarchar || type == kTypeEnum || type == kTypeSet || type >= kTypeTinyBlob;
}

}  // namespace

std::string BuildStmtPrepareOk(uint32_t stmt_id, uint16_t num_columns, uint16_t num_params,
                               uint16_t warnings) {
  std::string out;
  ByteWriter w(&out);
  w.U8(kOkHeader);
  w.U32(stmt_id);
  w.U16(num_columns);
  w.U16(num_params);
  w.U8(0);
  w.U16(warnings);
  return out;
}

Result<StmtPrepareOk> ParseStmtPrepareOk(std::string_view payload) {
  ByteReader r(payload);
  uint8_t header = 0;
  RETURN_IF_ERROR(r.ReadU8(&header));
  if (header != kOkHeader) return Status::ProtocolError("not a COM_STMT_PREPARE_OK packet");
  StmtPrepareOk ok;
  RETURN_IF_ERROR(r.ReadU32(&ok.stmt_id));
  RETURN_IF_ERROR(r.ReadU16(&ok.num_columns));
  RETURN_IF_ERROR(r.ReadU16(&ok.num_params));
  if (r.empty()) return ok;  // very old servers stop here
  RETURN_IF_ERROR(r.Skip(1));
  RETURN_IF_ERROR(r.ReadU16(&ok.warnings));
  return ok;
}

ColumnMeta StmtParamDefinition() {
  ColumnMeta col;
  col.name.push_back('?');  // not = "?": GCC 12 -Wrestrict false positive
  col.charset = kCharsetBinary;
  col.length = 0;
  col.type = kTypeNull;
  col.flags = kBinaryFlag;
  col.decimals = 0;
  return col;
}

Result<uint32_t> ParseStmtId(std::string_view payload) {
  ByteReader r(payload);
  uint32_t id = 0;
  if (!r.Skip(1).ok() || !r.ReadU32(&id).ok()) return Malformed();
  return id;
}

Result<StmtExecuteRequest> ParseStmtExecute(std::string_view payload, uint16_t num_params,
                                            std::vector<uint8_t>* bound_types,
                                            const std::map<uint16_t, std::string>& long_data) {
  if (payload.size() < kExecuteHeaderSize) return Malformed();
  ByteReader r(payload);
  StmtExecuteRequest req;
  uint8_t command = 0;
  RETURN_IF_ERROR(r.ReadU8(&command));
  if (command != kComStmtExecute) return Status::ProtocolError("not a COM_STMT_EXECUTE packet");
  RETURN_IF_ERROR(r.ReadU32(&req.stmt_id));
  RETURN_IF_ERROR(r.ReadU8(&req.flags));
  RETURN_IF_ERROR(r.ReadU32(&req.iteration_count));
  if (num_params == 0) return req;
  if (bound_types == nullptr) return Status::InvalidArgument("bound_types is required");

  const size_t n = num_params;
  std::string_view null_bitmap;
  uint8_t new_params_bound = 0;
  if (!r.ReadBytes((n + 7) / 8, &null_bitmap).ok() || !r.ReadU8(&new_params_bound).ok()) {
    return IncorrectArguments();
  }
  req.new_params_bound = new_params_bound != 0;
  if (req.new_params_bound) {
    std::string_view types;
    if (!r.ReadBytes(2 * n, &types).ok()) return IncorrectArguments();
    for (size_t i = 0; i < n; i++) {
      if (!IsValidParamType(static_cast<uint8_t>(types[2 * i]))) return IncorrectArguments();
    }
    // MariaDB keeps the new types even if reading the values fails below.
    bound_types->assign(types.begin(), types.end());
  } else if (bound_types->size() != 2 * n) {
    return IncorrectArguments();
  }

  req.params.resize(n);
  for (size_t i = 0; i < n; i++) {
    const uint8_t type = (*bound_types)[2 * i];
    const bool is_unsigned = ((*bound_types)[2 * i + 1] & kParamFlagUnsigned) != 0;
    auto it = long_data.find(static_cast<uint16_t>(i));
    if (it != long_data.end()) {
      if (!IsLongDataType(type)) return IncorrectArguments();
      req.params[i] = Value::String(it->second);
      continue;
    }
    if (static_cast<uint8_t>(null_bitmap[i / 8]) & (1u << (i % 8))) continue;  // NULL
    if (type == kTypeNull || r.empty()) return IncorrectArguments();
    if (!DecodeBinaryValue(&r, type, is_unsigned, -1, &req.params[i]).ok()) {
      return IncorrectArguments();
    }
  }
  return req;
}

Result<StmtSendLongData> ParseStmtSendLongData(std::string_view payload) {
  ByteReader r(payload);
  StmtSendLongData out;
  uint8_t command = 0;
  if (payload.size() < kLongDataHeaderSize) {
    return Status::Corruption("COM_STMT_SEND_LONG_DATA packet too short");
  }
  RETURN_IF_ERROR(r.ReadU8(&command));
  if (command != kComStmtSendLongData) {
    return Status::ProtocolError("not a COM_STMT_SEND_LONG_DATA packet");
  }
  RETURN_IF_ERROR(r.ReadU32(&out.stmt_id));
  RETURN_IF_ERROR(r.ReadU16(&out.param_id));
  out.data = r.ReadRest();
  return out;
}

Result<std::string> BuildStmtExecute(uint32_t stmt_id, uint8_t flags,
                                     const std::vector<StmtParam>& params, bool send_types) {
  std::string out;
  ByteWriter w(&out);
  w.U8(kComStmtExecute);
  w.U32(stmt_id);
  w.U8(flags);
  w.U32(1);
  const size_t n = params.size();
  if (n == 0) return out;
  const size_t bitmap_pos = out.size();
  w.Zeros((n + 7) / 8);
  w.U8(send_types ? 1 : 0);
  if (send_types) {
    for (const StmtParam& p : params) {
      w.U8(p.type);
      w.U8(p.is_unsigned ? kParamFlagUnsigned : 0);
    }
  }
  for (size_t i = 0; i < n; i++) {
    if (params[i].value.is_null()) {
      out[bitmap_pos + i / 8] |= static_cast<char>(1 << (i % 8));
      continue;
    }
    ColumnMeta col;
    col.type = static_cast<FieldType>(params[i].type);
    col.length = 64;  // BIT sent as an integer: 8 bytes
    RETURN_IF_ERROR(EncodeBinaryValue(col, params[i].value, &w));
  }
  return out;
}

std::string BuildStmtSendLongData(uint32_t stmt_id, uint16_t param_id, std::string_view data) {
  std::string out;
  ByteWriter w(&out);
  w.U8(kComStmtSendLongData);
  w.U32(stmt_id);
  w.U16(param_id);
  w.Bytes(data);
  return out;
}

}  // namespace relaydb::wire
