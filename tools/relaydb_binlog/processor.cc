// Event selection with mariadb-binlog's semantics (processor.h).
#include "relaydb_binlog/processor.h"

namespace relaydb::binlog_tool {

EventFilter::EventFilter(const Options& options, EventHandler* handler)
    : options_(options),
      handler_(handler),
      offset_(options.offset),
      start_datetime_(options.start_datetime),
      gtid_list_seen_(options.start_position > binlog::kFirstEventPosition) {}

Status EventFilter::CheckGtidOrder(const ToolEvent& ev) {
  if (!options_.gtid_strict_mode) return Status::Ok();
  if (const auto* list = ev.event.As<binlog::GtidListEvent>()) {
    if (ev.header().timestamp == 0) return Status::Ok();
    if (!gtid_list_seen_) {
      for (const binlog::Gtid& g : list->gtids) domains_[g.domain_id] = {g.seq_no, g};
    }
    gtid_list_seen_ = true;
    return Status::Ok();
  }
  const auto* gtid = ev.event.As<binlog::GtidEvent>();
  if (gtid == nullptr) return Status::Ok();
  const binlog::Gtid g = gtid->gtid(ev.header().server_id);
  auto it = domains_.find(g.domain_id);
  if (it == domains_.end()) {
    domains_[g.domain_id] = {0, g};
    return Status::Ok();
  }
  if (g.seq_no <= it->second.last.seq_no && g.seq_no >= it->second.start_seq_no) {
    return Status::Corruption("Found out of order GTID. Got " + g.ToString() + " after " +
                              it->second.last.ToString());
  }
  it->second.last = g;
  return Status::Ok();
}

Result<EventFilter::Flow> EventFilter::Process(const ToolEvent& ev) {
  RETURN_IF_ERROR(CheckGtidOrder(ev));
  const auto& h = ev.header();
  const bool is_fde = h.type == binlog::kFormatDescriptionEvent;
  const int64_t when = h.timestamp;
  Flow flow = Flow::kContinue;
  Status st;
  bool handled = false;
  if ((rec_count_ >= offset_ && (!start_datetime_ || when >= *start_datetime_)) || is_fde) {
    bool skip = false;
    if (!is_fde) {
      // From the first event that passes, everything passes (timestamps need
      // not increase through a binlog).
      start_datetime_.reset();
      offset_ = 0;
      if (h.type != binlog::kRotateEvent && h.type != binlog::kUnknownEvent && options_.server_id &&
          *options_.server_id != h.server_id) {
        skip = true;
      }
    }
    if (!skip) {
      if ((options_.stop_datetime && when >= *options_.stop_datetime) || ev.pos >= stop_position_) {
        flow = Flow::kStop;
      } else {
        st = handler_->HandleEvent(ev);
        handled = true;
      }
    }
  }
  rec_count_++;
  // mariadb-binlog does not count fake Rotate events (timestamp 0) or a
  // printed Format_description towards "how far did we get".
  const bool fake_rotate = h.type == binlog::kRotateEvent && h.timestamp == 0;
  if (!fake_rotate && !(is_fde && handled)) {
    last_position_ = ev.pos + ev.bytes.size();
    last_datetime_ = when;
  }
  if (!st.ok()) return st;
  return flow;
}

std::vector<std::string> EventFilter::Warnings() const {
  std::vector<std::string> out;
  if (options_.stop_datetime && *options_.stop_datetime > last_datetime_) {
    out.push_back("Did not reach stop datetime '" + options_.stop_datetime_text +
                  "' before end of input");
  }
  if (options_.stop_position != kNoStopPosition && options_.stop_position > last_position_) {
    out.push_back("Did not reach stop position " + std::to_string(options_.stop_position) +
                  " before end of input");
  }
  return out;
}

}  // namespace relaydb::binlog_tool
