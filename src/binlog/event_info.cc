#include "binlog/event_info.h"

#include <cstdio>

#include "binlog/decimal_bin.h"

namespace relaydb::binlog {

namespace {

std::string Hex(std::string_view bytes) {
  static const char* kDigits = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : bytes) {
    out += kDigits[c >> 4];
    out += kDigits[c & 15];
  }
  return out;
}

std::string Quoted(std::string_view name) {
  std::string out = "`";
  for (char c : name) {
    if (c == '`') out += '`';
    out += c;
  }
  return out + "`";
}

std::string GtidText(const Gtid& g) {
  return std::to_string(g.domain_id) + "-" + std::to_string(g.server_id) + "-" + std::to_string(g.seq_no);
}

std::string UserVarInfo(const UserVarEvent& u) {
  std::string out = "@" + Quoted(u.name) + "=";
  if (u.is_null) return out + "NULL";
  auto v = u.ToValue();
  if (!v.ok()) return out + "<bad value>";
  switch (u.type) {
    case kStringResult: {
      // _<charset> X'hex' COLLATE <collation>
      std::string cs = u.charset == 63 ? "binary" : u.charset == 33 ? "utf8mb3" : u.charset == 8 ? "latin1" : "utf8mb4";
      std::string coll = u.charset == 63   ? "binary"
                         : u.charset == 33 ? "utf8mb3_general_ci"
                         : u.charset == 8  ? "latin1_swedish_ci"
                         : u.charset == 45 ? "utf8mb4_general_ci"
                                           : "utf8mb4_general_ci";
      return out + "_" + cs + " X'" + Hex(v->string_value()) + "' COLLATE " + coll;
    }
    case kRealResult: {
      char buf[64];
      snprintf(buf, sizeof buf, "%.14g", v->double_value());
      return out + buf;
    }
    default:
      return out + v->ToText();
  }
}

}  // namespace

std::string EventInfo(const Event& e) {
  const uint8_t type = e.header.type;
  if (auto* f = e.As<FormatDescription>())
    return "Server ver: " + f->server_version + ", Binlog ver: " + std::to_string(f->binlog_version);
  if (auto* q = e.As<QueryEvent>()) {
    if (!q->db.empty() && !(e.header.flags & kLogEventSuppressUseF)) return "use " + Quoted(q->db) + "; " + q->query;
    return q->query;
  }
  if (auto* r = e.As<RotateEvent>()) return r->next_log + ";pos=" + std::to_string(r->position);
  if (auto* x = e.As<XidEvent>()) return "COMMIT /* xid=" + std::to_string(x->xid) + " */";
  if (auto* iv = e.As<IntvarEvent>())
    return std::string(iv->type == kIntvarLastInsertId ? "LAST_INSERT_ID" : "INSERT_ID") + "=" +
           std::to_string(iv->value);
  if (auto* r = e.As<RandEvent>())
    return "rand_seed1=" + std::to_string(r->seed1) + ",rand_seed2=" + std::to_string(r->seed2);
  if (auto* u = e.As<UserVarEvent>()) return UserVarInfo(*u);
  if (auto* t = e.As<TableMapEvent>())
    return "table_id: " + std::to_string(t->table_id) + " (" + t->db + "." + t->table + ")";
  if (auto* r = e.As<RowsEvent>()) {
    std::string out = "table_id: " + std::to_string(r->table_id);
    if (r->flags & kStmtEndF) out += " flags: STMT_END_F";
    return out;
  }
  if (auto* g = e.As<GtidEvent>()) {
    std::string out = (g->flags2 & kFlStandalone) ? "GTID " : "BEGIN GTID ";
    out += GtidText(g->gtid(e.header.server_id));
    if (g->flags2 & kFlGroupCommitId) out += " cid=" + std::to_string(g->commit_id);
    return out;
  }
  if (auto* l = e.As<GtidListEvent>()) {
    std::string out = "[";
    for (size_t i = 0; i < l->gtids.size(); i++) out += (i ? "," : "") + GtidText(l->gtids[i]);
    return out + "]";
  }
  if (auto* c = e.As<BinlogCheckpointEvent>()) return c->log_name;
  if (auto* a = e.As<AnnotateRowsEvent>()) return a->query;
  if (auto* h = e.As<HeartbeatEvent>()) return h->log_name;
  (void)type;
  return "";
}

}  // namespace relaydb::binlog
