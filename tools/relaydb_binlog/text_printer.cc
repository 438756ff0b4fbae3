// mariadb-binlog's text output (text_printer.h). The comments name the
// MariaDB function each piece reproduces (client/mysqlbinlog.cc,
// sql/log_event_client.cc, MariaDB 10.11).
#include "relaydb_binlog/text_printer.h"

#include <algorithm>
#include <cstring>

#include "binlog/decimal_bin.h"
#include "binlog/event_format.h"
#include "common/bytes.h"
#include "relaydb_binlog/charsets.h"
#include "relaydb_binlog/format_util.h"
#include "relaydb_binlog/row_printer.h"

namespace relaydb::binlog_tool {
namespace {

using binlog::QueryEvent;

// OPTION_* bits of Query flags2 that mariadb-binlog turns into SET
// statements (MariaDB sql_priv.h; checked against mariadbd 10.11 binlogs).
constexpr uint32_t kOptAutoIsNull = 1u << 14;
constexpr uint32_t kOptNoCheckConstraintChecks = 1u << 15;
constexpr uint32_t kOptNotAutocommit = 1u << 19;
constexpr uint32_t kOptExplicitDefTimestamp = 1u << 24;
constexpr uint32_t kOptNoForeignKeyChecks = 1u << 26;
constexpr uint32_t kOptRelaxedUniqueChecks = 1u << 27;
constexpr uint32_t kOptIfExists = 1u << 28;
constexpr uint32_t kOptInsertHistory = 1u << 30;

// Table_map flag: the table has triggers (MariaDB TM_BIT_HAS_TRIGGERS_F).
constexpr uint16_t kTableMapHasTriggersF = 1u << 14;

// Query_log_event::is_trans_keyword().
bool IsTransKeyword(std::string_view q, bool is_xa) {
  auto prefix_ci = [&](std::string_view word) {
    if (q.size() < word.size()) return false;
    for (size_t i = 0; i < word.size(); i++) {
      if (std::toupper(static_cast<unsigned char>(q[i])) != word[i]) return false;
    }
    return true;
  };
  if (is_xa) return prefix_ci("XA ");
  // strncmp(query, "BEGIN", q_len) == 0: the query is a prefix of the word.
  auto is_prefix_of = [&](std::string_view word) {
    return q.size() <= word.size() && word.substr(0, q.size()) == q;
  };
  return is_prefix_of("BEGIN") || is_prefix_of("COMMIT") || prefix_ci("SAVEPOINT") ||
         prefix_ci("ROLLBACK");
}

// The flags2 bits written by the server that produced the binlog
// (Format_description_log_event::options_written_to_bin_log): MariaDB also
// logs IF EXISTS, explicit_defaults_for_timestamp and the history option.
uint32_t OptionsWrittenMask(const std::string& server_version) {
  uint32_t mask = kOptAutoIsNull | kOptNoForeignKeyChecks | kOptRelaxedUniqueChecks |
                  kOptNotAutocommit | kOptNoCheckConstraintChecks;
  if (server_version.find("MariaDB") != std::string::npos) {
    mask |= kOptIfExists | kOptExplicitDefTimestamp | kOptInsertHistory;
  }
  return mask;
}

// XID::serialize(): X'gtrid',X'bqual',formatID.
std::string SerializeXid(int64_t format_id, std::string_view gtrid, std::string_view bqual) {
  return "X'" + HexLower(gtrid) + "',X'" + HexLower(bqual) + "'," + std::to_string(format_id);
}

const char* RowsEventName(uint8_t type) {
  switch (type) {
    case binlog::kWriteRowsCompressedEvent:
    case binlog::kWriteRowsCompressedEventV1:
      return "Write_compressed_rows";
    case binlog::kUpdateRowsCompressedEvent:
    case binlog::kUpdateRowsCompressedEventV1:
      return "Update_compressed_rows";
    case binlog::kDeleteRowsCompressedEvent:
    case binlog::kDeleteRowsCompressedEventV1:
      return "Delete_compressed_rows";
    case binlog::kUpdateRowsEventV1:
    case binlog::kUpdateRowsEventV2:
      return "Update_rows";
    case binlog::kDeleteRowsEventV1:
    case binlog::kDeleteRowsEventV2:
      return "Delete_rows";
    default:
      return "Write_rows";
  }
}

}  // namespace

TextPrinter::TextPrinter(const Options& options, std::string* out) : options_(options), out_(out) {}

void TextPrinter::PrintRunHeader() {
  *out_ +=
      "/*!50530 SET @@SESSION.PSEUDO_SLAVE_MODE=1*/;\n"
      "/*!40019 SET @@session.max_delayed_threads=0*/;\n"
      "/*!50003 SET @OLD_COMPLETION_TYPE=@@COMPLETION_TYPE,COMPLETION_TYPE=0*/;\n";
}

void TextPrinter::PrintRunFooter(bool id_filter) {
  *out_ +=
      "# End of log file\n"
      "ROLLBACK /* added by mysqlbinlog */;\n"
      "/*!50003 SET COMPLETION_TYPE=@OLD_COMPLETION_TYPE*/;\n"
      "/*!50530 SET @@SESSION.PSEUDO_SLAVE_MODE=0*/;\n";
  if (id_filter) {
    *out_ +=
        "/*!100001 SET @@SESSION.SERVER_ID=@@GLOBAL.SERVER_ID */;\n"
        "/*!100001 SET @@SESSION.GTID_DOMAIN_ID=@@GLOBAL.GTID_DOMAIN_ID */;\n";
  }
}

Status TextPrinter::BeginFile(const std::string&) {
  st_ = State();
  *out_ += "DELIMITER /*!*/;\n";
  return Status::Ok();
}

Status TextPrinter::EndFile() {
  *out_ += "DELIMITER ;\n";
  return Status::Ok();
}

bool TextPrinter::ShallSkipDatabase(const std::string& db) const {
  return options_.database && db != *options_.database;
}

bool TextPrinter::IsXa() const {
  return (st_.gtid_flags2 & (binlog::kFlPreparedXa | binlog::kFlCompletedXa)) != 0;
}

// Log_event::print_header().
void TextPrinter::Header(const ToolEvent& ev, std::string* to) const {
  const auto& h = ev.header();
  *to += "#" + FormatLogTimestamp(h.timestamp) + " server id " + std::to_string(h.server_id) +
         "  end_log_pos " + std::to_string(h.log_pos) + " ";
  if (ev.print_crc) *to += Printf("CRC32 0x%08x ", ev.crc);
}

void TextPrinter::FlushHead() {
  *out_ += st_.head;
  st_.head.clear();
}

// print_skip_replication_statement().
void TextPrinter::SkipReplicationStatement(const ToolEvent& ev) {
  const bool cur = (ev.header().flags & binlog::kLogEventSkipReplicationF) != 0;
  if (cur == st_.skip_replication) return;
  *out_ += Printf("/*!50521 SET skip_replication=%d*/", cur ? 1 : 0) + delimiter_ + "\n";
  st_.skip_replication = cur;
}

// process_event(): the switch on the event type.
Status TextPrinter::HandleEvent(const ToolEvent& ev) {
  if (options_.print_row_event_positions) *out_ += "# at " + std::to_string(ev.pos) + "\n";
  const binlog::Event& e = ev.event;
  if (const auto* q = e.As<QueryEvent>()) {
    bool suppress_use = (ev.header().flags & binlog::kLogEventSuppressUseF) != 0;
    if (!IsTransKeyword(q->query, IsXa())) {
      if (ShallSkipDatabase(q->db)) return Status::Ok();
    } else {
      suppress_use = true;
    }
    SkipReplicationStatement(ev);
    return PrintQuery(ev, *q, suppress_use);
  }
  if (const auto* f = e.As<binlog::FormatDescription>()) return PrintFormatDescription(ev, *f);
  if (e.As<binlog::AnnotateRowsEvent>()) {
    if (!options_.skip_annotate_row_events) st_.annotate = ev;
    return Status::Ok();
  }
  if (const auto* tm = e.As<binlog::TableMapEvent>()) {
    if (ShallSkipDatabase(tm->db) || (options_.table && tm->table != *options_.table)) {
      st_.ignored_tables.insert(tm->table_id);
      return Status::Ok();
    }
    if (st_.annotate) {
      PrintAnnotate(*st_.annotate);
      st_.annotate.reset();
    }
    return PrintTableMap(ev, *tm);
  }
  if (const auto* rows = e.As<binlog::RowsEvent>()) {
    if (!st_.found_row_event) {
      st_.found_row_event = true;
      st_.row_events = 0;
    }
    RETURN_IF_ERROR(PrintRowsEvent(ev, *rows));
    if (rows->flags & binlog::kStmtEndF) st_.found_row_event = false;
    return Status::Ok();
  }
  SkipReplicationStatement(ev);
  return PrintOther(ev);
}

// Query_log_event::print_query_header().
void TextPrinter::PrintQueryHeader(const ToolEvent& ev, const QueryEvent& q, bool suppress_use) {
  std::string& c = st_.head;
  Header(ev, &c);
  c +=
      Printf("\t%s\tthread_id=%u\texec_time=%u\terror_code=%d\txid=%llu\n",
             ev.type() == binlog::kQueryCompressedEvent ? "Query_compressed" : "Query", q.thread_id,
             q.exec_time, q.error_code, static_cast<unsigned long long>(q.xid.value_or(0)));
  if (suppress_use) {
    if (!IsTransKeyword(q.query, IsXa())) st_.db.clear();
  } else {
    const bool different = st_.db != q.db;
    if (different) st_.db = q.db;
    if (!q.db.empty() && different) c += "use " + BacktickQuote(q.db) + delimiter_ + "\n";
  }
  c += "SET TIMESTAMP=" + std::to_string(ev.header().timestamp);
  if (q.hrnow && *q.hrnow > 0 && *q.hrnow <= 999999) c += Printf(".%06u", *q.hrnow);
  c += delimiter_ + "\n";
  if (!st_.thread_id_printed ||
      ((ev.header().flags & binlog::kLogEventThreadSpecificF) && q.thread_id != st_.thread_id)) {
    c += "SET @@session.pseudo_thread_id=" + std::to_string(q.thread_id) + delimiter_ + "\n";
    st_.thread_id = q.thread_id;
    st_.thread_id_printed = true;
  }
  if (q.flags2) {
    const uint32_t flags2 = *q.flags2;
    uint32_t changed = ~0u;
    if (st_.flags2_inited) changed = st_.flags2 ^ flags2;
    st_.flags2_inited = true;
    if (changed) {
      std::string set = "SET ";
      bool comma = false;
      auto option = [&](uint32_t bit, bool value, const char* name) {
        if (!(changed & bit)) return;
        if (comma) set += ", ";
        set += Printf("%s=%d", name, value ? 1 : 0);
        comma = true;
      };
      const uint32_t mask = OptionsWrittenMask(ev.server_version);
      option(kOptNoForeignKeyChecks, !(flags2 & kOptNoForeignKeyChecks),
             "@@session.foreign_key_checks");
      option(kOptAutoIsNull, flags2 & kOptAutoIsNull, "@@session.sql_auto_is_null");
      option(kOptRelaxedUniqueChecks, !(flags2 & kOptRelaxedUniqueChecks),
             "@@session.unique_checks");
      option(kOptNotAutocommit, !(flags2 & kOptNotAutocommit), "@@session.autocommit");
      option(kOptNoCheckConstraintChecks, !(flags2 & kOptNoCheckConstraintChecks),
             "@@session.check_constraint_checks");
      option(mask & kOptIfExists, flags2 & kOptIfExists, "@@session.sql_if_exists");
      option(mask & kOptExplicitDefTimestamp, flags2 & kOptExplicitDefTimestamp,
             "@@session.explicit_defaults_for_timestamp");
      option(mask & kOptInsertHistory, flags2 & kOptInsertHistory,
             "@@session.system_versioning_insert_history");
      c += set + delimiter_ + "\n";
      st_.flags2 = flags2;
    }
  }
  if (q.sql_mode && (st_.sql_mode != *q.sql_mode || !st_.sql_mode_inited)) {
    c += "SET @@session.sql_mode=" + std::to_string(*q.sql_mode) + delimiter_ + "\n";
    st_.sql_mode = *q.sql_mode;
    st_.sql_mode_inited = true;
  }
  const uint32_t inc = q.auto_increment ? q.auto_increment->increment : 1;
  const uint32_t off = q.auto_increment ? q.auto_increment->offset : 1;
  if (st_.auto_increment_increment != inc || st_.auto_increment_offset != off) {
    c += Printf("SET @@session.auto_increment_increment=%u, @@session.auto_increment_offset=%u",
                inc, off) +
         delimiter_ + "\n";
    st_.auto_increment_increment = inc;
    st_.auto_increment_offset = off;
  }
  if (q.charset) {
    const uint16_t cs[3] = {q.charset->client, q.charset->connection, q.charset->server};
    if (!st_.charset_inited || std::memcmp(st_.charset, cs, sizeof cs) != 0) {
      const CollationInfo* info = FindCollation(cs[0]);
      if (info) {
        c += std::string("/*!\\C ") + info->charset + " */" + delimiter_ + "\n";
      } else {
        c += "# Ignored (Unknown charset) ";
      }
      c += Printf(
               "SET @@session.character_set_client=%s,@@session.collation_connection=%d,"
               "@@session.collation_server=%d",
               info ? info->charset : "Unknown", cs[1], cs[2]) +
           delimiter_ + "\n";
      std::memcpy(st_.charset, cs, sizeof cs);
      st_.charset_inited = true;
    }
  }
  if (q.time_zone && !q.time_zone->empty() && st_.time_zone != *q.time_zone) {
    c += "SET @@session.time_zone='" + *q.time_zone + "'" + delimiter_ + "\n";
    st_.time_zone = *q.time_zone;
  }
  const uint32_t lc = q.lc_time_names.value_or(0);
  if (lc != st_.lc_time_names) {
    c += "SET @@session.lc_time_names=" + std::to_string(lc) + delimiter_ + "\n";
    st_.lc_time_names = lc;
  }
  const uint32_t cdb = q.charset_database.value_or(0);
  if (cdb != st_.charset_database) {
    c += cdb ? "SET @@session.collation_database=" + std::to_string(cdb) + delimiter_ + "\n"
             : "SET @@session.collation_database=DEFAULT" + delimiter_ + "\n";
    st_.charset_database = cdb;
  }
}

// Query_log_event::print().
Status TextPrinter::PrintQuery(const ToolEvent& ev, const QueryEvent& q, bool suppress_use) {
  PrintQueryHeader(ev, q, suppress_use);
  const uint8_t alter = q.gtid_flags3.value_or(0) &
                        (binlog::kFlStartAlter | binlog::kFlCommitAlter | binlog::kFlRollbackAlter);
  if (alter) {
    // Two-phase ALTER events are printed as BINLOG statements.
    const bool comment = encoded() && (alter & (binlog::kFlStartAlter | binlog::kFlRollbackAlter));
    if (comment) st_.head += "/*!100600 ";
    if (encoded()) st_.head += "BINLOG '\n" + Base64Encode(ev.bytes) + "\n";
    if (encoded()) st_.head += comment ? "' */" + delimiter_ + "\n" : "'" + delimiter_ + "\n";
    if (options_.verbose) st_.head += "### " + q.query + "\n";
  } else {
    st_.head += q.query + "\n" + delimiter_ + "\n";
  }
  FlushHead();
  return Status::Ok();
}

// Format_description_log_event::print().
Status TextPrinter::PrintFormatDescription(const ToolEvent& ev,
                                           const binlog::FormatDescription& f) {
  std::string& c = st_.head;
  Header(ev, &c);
  c += Printf("\tStart: binlog v %d, server v %s created ", f.binlog_version,
              f.server_version.c_str()) +
       FormatLogTimestamp(ev.header().timestamp);
  if (f.create_timestamp) c += " at startup";
  c += "\n";
  if (ev.header().flags & binlog::kLogEventBinlogInUseF) {
    c += "# Warning: this binlog is either in use or was not closed properly.\n";
  }
  if (!(ev.header().flags & binlog::kLogEventArtificialF) && f.create_timestamp) {
    c += "ROLLBACK" + delimiter_ + "\n";
  }
  if (options_.base64 != Base64Mode::kNever) {
    if (encoded()) c += "BINLOG '\n" + Base64Encode(ev.bytes) + "\n'" + delimiter_ + "\n";
    st_.printed_fd_event = true;
  }
  FlushHead();
  return Status::Ok();
}

// Annotate_rows_log_event::print(): "#Q> " per line of the statement.
void TextPrinter::PrintAnnotate(const ToolEvent& ev) {
  const auto* a = ev.event.As<binlog::AnnotateRowsEvent>();
  Header(ev, &st_.head);
  st_.head += "\tAnnotate_rows:\n";
  const std::string& q = a->query;
  size_t b = 0;
  while (b < q.size()) {
    while (b < q.size() && (q[b] == '\r' || q[b] == '\n')) b++;
    if (b >= q.size()) break;
    size_t e = b + 1;
    while (e < q.size() && q[e] != '\r' && q[e] != '\n') e++;
    st_.head += "#Q> " + q.substr(b, e - b) + "\n";
    b = e;
  }
}

// Table_map_log_event::print().
Status TextPrinter::PrintTableMap(const ToolEvent& ev, const binlog::TableMapEvent& tm) {
  if (!st_.printed_fd_event && options_.base64 == Base64Mode::kAuto) {
    return Status::Corruption(
        "malformed binlog: it does not contain any Format_description_log_event. Found a "
        "Table_map event, which is not safe to process without a "
        "Format_description_log_event.");
  }
  Header(ev, &st_.head);
  st_.head += "\tTable_map: " + BacktickQuote(tm.db) + "." + BacktickQuote(tm.table) +
              " mapped to number " + std::to_string(tm.table_id) +
              ((tm.flags & kTableMapHasTriggersF) ? " (has triggers)" : "") + "\n";
  if (encoded()) st_.body += Base64Encode(ev.bytes) + "\n";
  st_.table_map[tm.table_id] = tm;
  FlushHead();
  return Status::Ok();
}

// print_row_event() + Rows_log_event::print_helper().
Status TextPrinter::PrintRowsEvent(const ToolEvent& ev, const binlog::RowsEvent& rows) {
  const bool skip = st_.ignored_tables.count(rows.table_id) > 0;
  const bool stmt_end = (rows.flags & binlog::kStmtEndF) != 0;
  if (stmt_end) {
    st_.ignored_tables.clear();
    st_.annotate.reset();
    if (skip) {
      // mariadb-binlog closes a pending BINLOG statement this way.
      if (!st_.body.empty()) st_.body += "'" + delimiter_ + "\n";
      *out_ += st_.head + st_.body + st_.tail;
      st_.head.clear();
      st_.body.clear();
      st_.tail.clear();
    }
  }
  if (skip) return Status::Ok();
  if (!st_.printed_fd_event && options_.base64 == Base64Mode::kAuto) {
    return Status::Corruption(
        std::string("malformed binlog: it does not contain any Format_description_log_event. "
                    "Found a ") +
        binlog::EventTypeName(ev.type()) +
        " event, which is not safe to process without a Format_description_log_event.");
  }
  Header(ev, &st_.head);
  st_.head += std::string("\t") + RowsEventName(ev.type()) + ": table id " +
              std::to_string(rows.table_id) + (stmt_end ? " flags: STMT_END_F" : "") + "\n";
  if (encoded()) st_.body += Base64Encode(ev.bytes) + "\n";
  auto it = st_.table_map.find(rows.table_id);
  const binlog::TableMapEvent* tm = it == st_.table_map.end() ? nullptr : &it->second;
  if (options_.verbose) {
    Status st = PrintRowsVerbose(rows, tm, options_.verbose, &st_.tail, &st_.row_events);
    if (!st.ok()) {
      return Status::Corruption("Could not print the rows event at " + std::to_string(ev.pos) +
                                " of '" + ev.file + "': " + st.message());
    }
  } else {
    CountRows(rows, tm, &st_.row_events);
  }
  if (stmt_end) {
    *out_ += st_.head;
    if (encoded()) {
      *out_ += "\nBINLOG '\n" + st_.body + "'" + delimiter_ + "\n";
    } else {
      *out_ += st_.body;
    }
    *out_ += st_.tail;
    st_.head.clear();
    st_.body.clear();
    st_.tail.clear();
    if (options_.print_row_count) {
      *out_ += "# Number of rows: " + std::to_string(st_.row_events) + "\n";
    }
    st_.row_events = 0;
  }
  return Status::Ok();
}

// Gtid_log_event::print().
void TextPrinter::PrintGtid(const ToolEvent& ev, const binlog::GtidEvent& g) {
  std::string& c = st_.head;
  const uint32_t server_id = ev.header().server_id;
  Header(ev, &c);
  c += Printf("\tGTID %u-%u-%llu", g.domain_id, server_id,
              static_cast<unsigned long long>(g.seq_no));
  if (g.flags2 & binlog::kFlGroupCommitId) {
    c += " cid=" + std::to_string(g.commit_id);
  }
  if (g.flags2 & binlog::kFlDdl) c += " ddl";
  if (g.flags2 & binlog::kFlTransactional) c += " trans";
  if (g.flags2 & binlog::kFlWaited) c += " waited";
  if (g.flags_extra & binlog::kFlStartAlter) c += " START ALTER";
  if (g.flags_extra & binlog::kFlCommitAlter)
    c += " COMMIT ALTER id= " + std::to_string(g.sa_seq_no);
  if (g.flags_extra & binlog::kFlRollbackAlter) {
    c += " ROLLBACK ALTER id= " + std::to_string(g.sa_seq_no);
  }
  c += "\n";
  const bool allow_parallel = (g.flags2 & binlog::kFlAllowParallel) != 0;
  if (!st_.allow_parallel_printed || st_.allow_parallel != allow_parallel) {
    c += Printf("/*M!100101 SET @@session.skip_parallel_replication=%u*/", allow_parallel ? 0 : 1) +
         delimiter_ + "\n";
    st_.allow_parallel = allow_parallel;
    st_.allow_parallel_printed = true;
  }
  if (!st_.domain_id_printed || st_.domain_id != g.domain_id) {
    c += Printf("/*M!100001 SET @@session.gtid_domain_id=%u*/", g.domain_id) + delimiter_ + "\n";
    st_.domain_id = g.domain_id;
    st_.domain_id_printed = true;
  }
  if (!st_.server_id_printed || st_.server_id != server_id) {
    c += Printf("/*M!100001 SET @@session.server_id=%u*/", server_id) + delimiter_ + "\n";
    st_.server_id = server_id;
    st_.server_id_printed = true;
  }
  c +=
      "/*M!100001 SET @@session.gtid_seq_no=" + std::to_string(g.seq_no) + "*/" + delimiter_ + "\n";
  if (g.flags2 & binlog::kFlPreparedXa) {
    c += "XA START " + SerializeXid(g.xa_format_id, g.xa_gtrid, g.xa_bqual) + delimiter_ + "\n";
  } else if (!(g.flags2 & binlog::kFlStandalone)) {
    c += "START TRANSACTION\n" + delimiter_ + "\n";
  }
  st_.gtid_flags2 = g.flags2;
}

// User_var_log_event::print().
void TextPrinter::PrintUserVar(const ToolEvent& ev, const binlog::UserVarEvent& u) {
  std::string& c = st_.head;
  Header(ev, &c);
  c += "\tUser_var\n";
  c += "SET @" + BacktickQuote(u.name);
  if (u.is_null) {
    c += ":=NULL" + delimiter_ + "\n";
    return;
  }
  switch (u.type) {
    case binlog::kRealResult: {
      double d = 0;
      if (u.value.size() >= 8) std::memcpy(&d, u.value.data(), 8);
      c += Printf(":=%.14g", d) + delimiter_ + "\n";
      return;
    }
    case binlog::kIntResult: {
      uint64_t bits = 0;
      ByteReader r(u.value);
      (void)r.ReadU64(&bits);
      const bool is_unsigned = u.flags && (*u.flags & binlog::kUserVarUnsignedF);
      c +=
          ":=" + (is_unsigned ? std::to_string(bits) : std::to_string(static_cast<int64_t>(bits))) +
          delimiter_ + "\n";
      return;
    }
    case binlog::kDecimalResult: {
      std::string text;
      if (u.value.size() >= 2) {
        ByteReader r(std::string_view(u.value).substr(2));
        if (!binlog::DecodeDecimal(&r, static_cast<uint8_t>(u.value[0]),
                                   static_cast<uint8_t>(u.value[1]), &text)
                 .ok()) {
          text.clear();
        }
      }
      c += ":=" + text + delimiter_ + "\n";
      return;
    }
    case binlog::kStringResult: {
      const CollationInfo* cs = FindCollation(u.charset);
      if (cs == nullptr) {
        c += ":=???" + delimiter_ + "\n";
      } else {
        c += std::string(":=_") + cs->charset + " " + HexLiteral(u.value) + " COLLATE `" +
             cs->collation + "`" + delimiter_ + "\n";
      }
      return;
    }
    default:
      c += "\n";
      return;
  }
}

// The events printed by the default branch of process_event().
Status TextPrinter::PrintOther(const ToolEvent& ev) {
  const binlog::Event& e = ev.event;
  std::string& c = st_.head;
  if (const auto* g = e.As<binlog::GtidEvent>()) {
    PrintGtid(ev, *g);
  } else if (const auto* x = e.As<binlog::XidEvent>()) {
    Header(ev, &c);
    c += "\tXid = " + std::to_string(x->xid) + "\n" + "COMMIT" + delimiter_ + "\n";
  } else if (const auto* iv = e.As<binlog::IntvarEvent>()) {
    Header(ev, &c);
    const char* name = iv->type == binlog::kIntvarLastInsertId ? "LAST_INSERT_ID"
                       : iv->type == binlog::kIntvarInsertId   ? "INSERT_ID"
                                                               : "INVALID_INT";
    c += std::string("\tIntvar\nSET ") + name + "=" +
         std::to_string(static_cast<int64_t>(iv->value)) + delimiter_ + "\n";
  } else if (const auto* r = e.As<binlog::RandEvent>()) {
    Header(ev, &c);
    c += "\tRand\nSET @@RAND_SEED1=" + std::to_string(static_cast<int64_t>(r->seed1)) +
         ", @@RAND_SEED2=" + std::to_string(static_cast<int64_t>(r->seed2)) + delimiter_ + "\n";
  } else if (const auto* u = e.As<binlog::UserVarEvent>()) {
    PrintUserVar(ev, *u);
  } else if (const auto* rot = e.As<binlog::RotateEvent>()) {
    Header(ev, &c);
    c += "\tRotate to " + rot->next_log + "  pos: " + std::to_string(rot->position) + "\n";
  } else if (e.As<binlog::StopEvent>()) {
    Header(ev, &c);
    c += "\tStop\n";
  } else if (const auto* cp = e.As<binlog::BinlogCheckpointEvent>()) {
    Header(ev, &c);
    c += "\tBinlog checkpoint " + cp->log_name + "\n";
  } else if (const auto* gl = e.As<binlog::GtidListEvent>()) {
    std::vector<binlog::Gtid> list = gl->gtids;
    std::sort(list.begin(), list.end(), [](const binlog::Gtid& a, const binlog::Gtid& b) {
      return a.domain_id != b.domain_id ? a.domain_id < b.domain_id : a.seq_no < b.seq_no;
    });
    Header(ev, &c);
    c += "\tGtid list [";
    for (size_t i = 0; i < list.size(); i++) {
      c += list[i].ToString();
      if (i + 1 < list.size()) c += ",\n# ";
    }
    c += "]\n";
  } else if (const auto* se = e.As<binlog::StartEncryptionEvent>()) {
    c += "# Encryption scheme: " + std::to_string(se->scheme) +
         ", key_version: " + std::to_string(se->key_version) + ", nonce: ";
    for (unsigned char ch : se->nonce) c += Printf("%02X", ch);
    c += "\n# The rest of the binlog is encrypted!\n";
  } else if (ev.type() == binlog::kIncidentEvent) {
    const auto* unknown = e.As<binlog::UnknownEvent>();
    uint16_t number = 0;
    if (unknown && unknown->body.size() >= 2) {
      number = static_cast<uint16_t>(static_cast<uint8_t>(unknown->body[0]) |
                                     static_cast<uint8_t>(unknown->body[1]) << 8);
    }
    Header(ev, &c);
    c += std::string("\n# Incident: ") + (number == 1 ? "LOST_EVENTS" : "NOTHING") +
         "\nRELOAD DATABASE; # Shall generate syntax error\n";
  } else if (ev.type() == binlog::kXaPrepareEvent && e.As<binlog::UnknownEvent>()) {
    // one_phase(1) format_id(4) gtrid_len(4) bqual_len(4) data
    ByteReader r(e.As<binlog::UnknownEvent>()->body);
    uint8_t one_phase = 0;
    uint32_t format_id = 0, glen = 0, blen = 0;
    std::string_view gtrid, bqual;
    if (!r.ReadU8(&one_phase).ok() || !r.ReadU32(&format_id).ok() || !r.ReadU32(&glen).ok() ||
        !r.ReadU32(&blen).ok() || !r.ReadBytes(glen, &gtrid).ok() ||
        !r.ReadBytes(blen, &bqual).ok()) {
      return Status::Corruption("XA_prepare event too short");
    }
    const std::string xid = SerializeXid(static_cast<int32_t>(format_id), gtrid, bqual);
    Header(ev, &c);
    c += "\tXID = " + xid + "\nXA PREPARE " + xid + "\n" + delimiter_ + "\n";
  } else if (e.As<binlog::HeartbeatEvent>()) {
    return Status::Ok();  // never in a file; a server sends them only on request
  } else {
    // Events mariadb-binlog shows as ignorable (MySQL GTIDs, unknown types).
    Header(ev, &c);
    c += Printf("\tIgnorable\n# Ignorable event type %d (%s)\n", ev.type(),
                binlog::EventTypeName(ev.type()));
  }
  FlushHead();
  return Status::Ok();
}

}  // namespace relaydb::binlog_tool
