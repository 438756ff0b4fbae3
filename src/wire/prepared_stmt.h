// Prepared-statement (binary protocol) command packets: COM_STMT_PREPARE's
// OK response, COM_STMT_EXECUTE, COM_STMT_SEND_LONG_DATA and the statement
// id of COM_STMT_CLOSE / COM_STMT_RESET / COM_STMT_FETCH.
//
// Implements MariaDB's knowledge base "COM_STMT_PREPARE",
// "COM_STMT_EXECUTE" and "COM_STMT_SEND_LONG_DATA", with MariaDB 10.11's
// observed behaviour on bad input (errors 1835 and 1210). Result rows of an
// execution use the binary row format of resultset.h. Pure functions,
// thread-safe, bounds-checked. docs/wire_protocol.md ("Prepared statements")
// gives the packet sequences.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/mysql_types.h"
#include "common/status.h"
#include "common/value.h"

namespace relaydb::wire {

// Statement id meaning "the statement this connection prepared last"
// (MariaDB 10.2+, for pipelining PREPARE + EXECUTE).
inline constexpr uint32_t kLastPreparedStmtId = 0xffffffff;

// COM_STMT_EXECUTE flags byte.
inline constexpr uint8_t kCursorTypeNoCursor = 0;
inline constexpr uint8_t kCursorTypeReadOnly = 1;
inline constexpr uint8_t kCursorTypeForUpdate = 2;
inline constexpr uint8_t kCursorTypeScrollable = 4;

// Second byte of a parameter's type: the value is unsigned.
inline constexpr uint8_t kParamFlagUnsigned = 0x80;

// ---------------------------------------------------------------------------
// COM_STMT_PREPARE response
// ---------------------------------------------------------------------------

struct StmtPrepareOk {
  uint32_t stmt_id = 0;
  uint16_t num_columns = 0;
  uint16_t num_params = 0;
  uint16_t warnings = 0;
};

// COM_STMT_PREPARE_OK: 0x00, int<4> stmt_id, int<2> num_columns,
// int<2> num_params, 0x00, int<2> warnings (12 bytes). The server then sends
// num_params parameter definitions (StmtParamDefinition()) + EOF if
// num_params > 0, and num_columns column definitions + EOF if num_columns > 0.
std::string BuildStmtPrepareOk(uint32_t stmt_id, uint16_t num_columns, uint16_t num_params,
                               uint16_t warnings);
Result<StmtPrepareOk> ParseStmtPrepareOk(std::string_view payload);

// The column definition MariaDB sends for every '?' after COM_STMT_PREPARE_OK:
// name "?", binary charset, type MYSQL_TYPE_NULL, BINARY flag, length 0.
ColumnMeta StmtParamDefinition();

// ---------------------------------------------------------------------------
// Commands (client → server). `payload` includes the command byte.
// ---------------------------------------------------------------------------

// The int<4> statement id that follows the command byte of COM_STMT_EXECUTE,
// COM_STMT_SEND_LONG_DATA, COM_STMT_CLOSE, COM_STMT_RESET and COM_STMT_FETCH.
// The server needs it (to find num_params) before ParseStmtExecute.
// SqlError 1835 (HY000) "Malformed communication packet" if shorter than 5 bytes.
Result<uint32_t> ParseStmtId(std::string_view payload);

struct StmtExecuteRequest {
  uint32_t stmt_id = 0;
  uint8_t flags = 0;  // kCursorType*
  uint32_t iteration_count = 0;
  bool new_params_bound = false;
  // One per parameter: NULL, Int/UInt (integer types; UInt when the type's
  // unsigned flag is set), Double (FLOAT, DOUBLE), canonical text
  // (DATE 'YYYY-MM-DD', DATETIME/TIMESTAMP 'YYYY-MM-DD hh:mm:ss[.ffffff]',
  // TIME '[-]hh:mm:ss[.ffffff]', fraction printed only when non-zero) or
  // the raw bytes (DECIMAL, strings, blobs, and long data).
  std::vector<Value> params;
};

// Parses COM_STMT_EXECUTE (payload starting with 0x17) for a statement with
// `num_params` parameters.
//  * `bound_types` (in/out, required when num_params > 0) holds the 2 bytes
//    (type, flags) per parameter from the last execution that sent them;
//    when this one sends new types (new-params-bound = 1) they replace it,
//    otherwise the stored ones are used. The caller keeps it per statement.
//  * `long_data` maps parameter index → data accumulated by
//    COM_STMT_SEND_LONG_DATA; such a parameter takes that data and is not
//    read from the packet (whatever its NULL bit), as in MariaDB. The caller
//    clears it after the execution.
// Errors, as MariaDB 10.11 reports them (SqlError, ready for ErrPacket):
//  * 1835 (HY000) "Malformed communication packet": shorter than the
//    10-byte header;
//  * 1210 (HY000) "Incorrect arguments to mysqld_stmt_execute": truncated
//    NULL bitmap, types or values; no types ever bound; an unknown parameter
//    type (e.g. 17..245); a non-NULL parameter of type MYSQL_TYPE_NULL; long
//    data for a parameter whose type is not a string/blob type.
// Bytes after the last value are ignored, as MariaDB does.
Result<StmtExecuteRequest> ParseStmtExecute(std::string_view payload, uint16_t num_params,
                                            std::vector<uint8_t>* bound_types,
                                            const std::map<uint16_t, std::string>& long_data);

struct StmtSendLongData {
  uint32_t stmt_id = 0;
  uint16_t param_id = 0;
  std::string_view data;  // points into the parsed payload
};
// Parses COM_STMT_SEND_LONG_DATA (payload starting with 0x18). The server
// never answers this command: MariaDB silently ignores a packet shorter than
// 7 bytes (for which this returns Corruption), and reports a bad param_id
// ("Incorrect arguments to mysqld_stmt_send_long_data", 1210) at the next
// COM_STMT_EXECUTE instead.
Result<StmtSendLongData> ParseStmtSendLongData(std::string_view payload);

// ---------------------------------------------------------------------------
// Client-side builders
// ---------------------------------------------------------------------------

struct StmtParam {
  uint8_t type = kTypeNull;  // MYSQL_TYPE_* the value is sent as
  bool is_unsigned = false;
  Value value;  // NULL → NULL bit; otherwise encoded as EncodeBinaryValue does
};
// Builds COM_STMT_EXECUTE (with the command byte, iteration count 1).
// InvalidArgument if a value cannot be encoded in its type.
Result<std::string> BuildStmtExecute(uint32_t stmt_id, uint8_t flags,
                                     const std::vector<StmtParam>& params, bool send_types);
// Builds COM_STMT_SEND_LONG_DATA (with the command byte).
std::string BuildStmtSendLongData(uint32_t stmt_id, uint16_t param_id, std::string_view data);

}  // namespace relaydb::wire
