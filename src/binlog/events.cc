// ParseEvent: framing + per-type decoding. See events.h.
#include "binlog/events.h"

namespace relaydb::binlog {

Result<EventBody> DecodeEventBody(const EventView& v, const FormatDescription& fde) {
  const std::string_view b = v.body;
  const uint8_t type = v.header.type;
  auto wrap = [](auto result) -> Result<EventBody> {
    if (!result.ok()) return result.status();
    return EventBody(std::move(result).value());
  };
  switch (type) {
    case kFormatDescriptionEvent:
      return wrap(FormatDescription::Decode(b));
    case kQueryEvent:
    case kQueryCompressedEvent:
      return wrap(QueryEvent::Decode(b, fde, type));
    case kRotateEvent:
      return wrap(RotateEvent::Decode(b, fde));
    case kStopEvent:
      return wrap(StopEvent::Decode(b, fde));
    case kXidEvent:
      return wrap(XidEvent::Decode(b, fde));
    case kIntvarEvent:
      return wrap(IntvarEvent::Decode(b, fde));
    case kRandEvent:
      return wrap(RandEvent::Decode(b, fde));
    case kUserVarEvent:
      return wrap(UserVarEvent::Decode(b, fde));
    case kTableMapEvent:
      return wrap(TableMapEvent::Decode(b, fde));
    case kHeartbeatEvent:
      return wrap(HeartbeatEvent::Decode(b, fde));
    case kGtidEvent:
      return wrap(GtidEvent::Decode(b, fde));
    case kGtidListEvent:
      return wrap(GtidListEvent::Decode(b, fde));
    case kBinlogCheckpointEvent:
      return wrap(BinlogCheckpointEvent::Decode(b, fde));
    case kAnnotateRowsEvent:
      return wrap(AnnotateRowsEvent::Decode(b, fde));
    case kStartEncryptionEvent:
      return wrap(StartEncryptionEvent::Decode(b, fde));
    case kMysqlGtidEvent:
    case kAnonymousGtidEvent:
      return wrap(MysqlGtidEvent::Decode(b, fde));
    case kPreviousGtidsEvent:
      return wrap(PreviousGtidsEvent::Decode(b, fde));
    case kRowsQueryEvent:
      return wrap(RowsQueryEvent::Decode(b, fde));
    default:
      if (IsRowsEventType(type)) return wrap(RowsEvent::Decode(b, fde, type));
      return EventBody(UnknownEvent{std::string(b)});
  }
}

Result<Event> ParseEvent(std::string_view bytes, const FormatDescription& fde, uint64_t pos) {
  ASSIGN_OR_RETURN(EventView view, FrameEvent(bytes, fde.checksum_alg, pos));
  auto body = DecodeEventBody(view, fde);
  if (!body.ok()) {
    const Status& s = body.status();
    std::string msg = "binlog event at position " + std::to_string(pos) + " (" +
                      EventTypeName(view.header.type) + ", " +
                      std::to_string(view.header.event_size) + " bytes): " + s.message();
    if (s.code() == Status::Code::kNotSupported) return Status::NotSupported(std::move(msg));
    return Status::Corruption(std::move(msg));
  }
  return Event{view.header, std::move(body).value()};
}

std::string EncodeFormatDescriptionEvent(const FormatDescription& fde, uint32_t timestamp,
                                         uint32_t server_id, uint32_t log_pos, uint16_t flags) {
  EventHeader h;
  h.timestamp = timestamp;
  h.type = kFormatDescriptionEvent;
  h.server_id = server_id;
  h.log_pos = log_pos;
  h.flags = flags;
  return EncodeEvent(h, fde.Encode(), fde.checksum_alg);
}

}  // namespace relaydb::binlog
