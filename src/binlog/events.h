// One entry point for reading any event: ParseEvent frames the bytes
// (size, checksum), decodes the body with the codec of its type and returns
// a typed variant. Writers build events with the per-type structs'
// Encode() and EncodeEvent (event_header.h). See docs/binlog_format.md.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "binlog/control_events.h"
#include "binlog/event_header.h"
#include "binlog/rows_events.h"
#include "binlog/statement_events.h"
#include "common/status.h"

namespace relaydb::binlog {

// An event relaydb does not decode (Incident, LOAD DATA events, MySQL
// transaction payloads, Ignorable, ...): its body, kept verbatim.
struct UnknownEvent {
  std::string body;
};

using EventBody =
    std::variant<UnknownEvent, FormatDescription, QueryEvent, RotateEvent, StopEvent, XidEvent,
                 IntvarEvent, RandEvent, UserVarEvent, TableMapEvent, RowsEvent, HeartbeatEvent,
                 GtidEvent, GtidListEvent, BinlogCheckpointEvent, AnnotateRowsEvent,
                 StartEncryptionEvent, MysqlGtidEvent, PreviousGtidsEvent, RowsQueryEvent>;

struct Event {
  EventHeader header;
  EventBody body;

  template <typename T>
  const T* As() const {
    return std::get_if<T>(&body);
  }
};

// Parses one complete event. `fde` is the Format_description in force for
// the stream (its checksum algorithm and post-header lengths); a
// Format_description event is read by its own rules. `pos` is the event's
// position in its file, used in error messages. Corruption names the
// position, the event type and what was wrong; an unknown event type is not
// an error (UnknownEvent).
Result<Event> ParseEvent(std::string_view bytes, const FormatDescription& fde, uint64_t pos = 0);

// Decodes the body of an already framed event.
Result<EventBody> DecodeEventBody(const EventView& view, const FormatDescription& fde);

// Encodes a Format_description as a complete event (always with a CRC32,
// computed with LOG_EVENT_BINLOG_IN_USE_F clear; `flags` may carry it).
std::string EncodeFormatDescriptionEvent(const FormatDescription& fde, uint32_t timestamp,
                                         uint32_t server_id, uint32_t log_pos, uint16_t flags);

}  // namespace relaydb::binlog
