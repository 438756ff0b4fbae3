// Event type names and CRC-32. See event_format.h.
#include "binlog/event_format.h"

#include <zlib.h>

namespace relaydb::binlog {

uint32_t Crc32(std::string_view data, uint32_t crc) {
  // zlib takes uInt lengths; feed large inputs in pieces.
  uLong c = crc;
  const auto* p = reinterpret_cast<const Bytef*>(data.data());
  size_t left = data.size();
  while (left > 0) {
    uInt n = left > (1u << 30) ? (1u << 30) : static_cast<uInt>(left);
    c = crc32(c, p, n);
    p += n;
    left -= n;
  }
  return static_cast<uint32_t>(c);
}

const char* EventTypeName(uint8_t type) {
  switch (type) {
    case kStartEventV3:
      return "Start_v3";
    case kQueryEvent:
      return "Query";
    case kStopEvent:
      return "Stop";
    case kRotateEvent:
      return "Rotate";
    case kIntvarEvent:
      return "Intvar";
    case kLoadEvent:
      return "Load";
    case kSlaveEvent:
      return "Slave";
    case kCreateFileEvent:
      return "Create_file";
    case kAppendBlockEvent:
      return "Append_block";
    case kExecLoadEvent:
      return "Exec_load";
    case kDeleteFileEvent:
      return "Delete_file";
    case kNewLoadEvent:
      return "New_load";
    case kRandEvent:
      return "RAND";
    case kUserVarEvent:
      return "User var";
    case kFormatDescriptionEvent:
      return "Format_desc";
    case kXidEvent:
      return "Xid";
    case kBeginLoadQueryEvent:
      return "Begin_load_query";
    case kExecuteLoadQueryEvent:
      return "Execute_load_query";
    case kTableMapEvent:
      return "Table_map";
    case kPreGaWriteRowsEvent:
      return "Write_rows_event_old";
    case kPreGaUpdateRowsEvent:
      return "Update_rows_event_old";
    case kPreGaDeleteRowsEvent:
      return "Delete_rows_event_old";
    case kWriteRowsEventV1:
      return "Write_rows_v1";
    case kUpdateRowsEventV1:
      return "Update_rows_v1";
    case kDeleteRowsEventV1:
      return "Delete_rows_v1";
    case kIncidentEvent:
      return "Incident";
    case kHeartbeatEvent:
      return "Heartbeat";
    case kIgnorableEvent:
      return "Ignorable log event";
    case kRowsQueryEvent:
      return "MySQL Rows_query";
    case kWriteRowsEventV2:
      return "Write_rows";
    case kUpdateRowsEventV2:
      return "Update_rows";
    case kDeleteRowsEventV2:
      return "Delete_rows";
    case kMysqlGtidEvent:
      return "MySQL Gtid";
    case kAnonymousGtidEvent:
      return "MySQL Anonymous_Gtid";
    case kPreviousGtidsEvent:
      return "MySQL Previous_gtids";
    case kTransactionContextEvent:
      return "Transaction_context";
    case kViewChangeEvent:
      return "View_change";
    case kXaPrepareEvent:
      return "XA_prepare";
    case kAnnotateRowsEvent:
      return "Annotate_rows";
    case kBinlogCheckpointEvent:
      return "Binlog_checkpoint";
    case kGtidEvent:
      return "Gtid";
    case kGtidListEvent:
      return "Gtid_list";
    case kStartEncryptionEvent:
      return "Start_encryption";
    case kQueryCompressedEvent:
      return "Query_compressed";
    case kWriteRowsCompressedEventV1:
      return "Write_rows_compressed_v1";
    case kUpdateRowsCompressedEventV1:
      return "Update_rows_compressed_v1";
    case kDeleteRowsCompressedEventV1:
      return "Delete_rows_compressed_v1";
    case kWriteRowsCompressedEvent:
      return "Write_rows_compressed";
    case kUpdateRowsCompressedEvent:
      return "Update_rows_compressed";
    case kDeleteRowsCompressedEvent:
      return "Delete_rows_compressed";
    default:
      return "Unknown";
  }
}

}  // namespace relaydb::binlog
