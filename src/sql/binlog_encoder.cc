#include "sql/binlog_encoder.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "binlog/control_events.h"
#include "binlog/event_header.h"
#include "binlog/row_codec.h"
#include "binlog/rows_events.h"
#include "binlog/statement_events.h"
#include "binlog/temporal.h"
#include "sql/types.h"
#include "sql/variables.h"

namespace relaydb::sql {

namespace {

using binlog::ColumnBase;

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

bool StatementLogged(const LoggedStatement& st) {
  if (st.is_ddl) return true;
  auto f = static_cast<BinlogFormat>(st.format);
  if (f == BinlogFormat::kStatement) return true;
  if (f == BinlogFormat::kRow) return false;
  return !BinlogEncoder::IsUnsafeForStatement(st.query);
}

}  // namespace

Result<binlog::TableDescription> BinlogEncoder::Describe(const TableDef& def) {
  binlog::TableDescription out;
  out.db = def.db;
  out.table = def.name;
  for (const ColumnDef& c : def.columns) {
    binlog::ColumnDescription d;
    d.name = c.name;
    d.type.base = static_cast<ColumnBase>(c.type.base);
    d.type.length = c.type.length;
    d.type.decimals = c.type.decimals;
    d.type.is_unsigned = c.type.is_unsigned;
    d.type.nullable = c.nullable;
    d.type.element_count = c.type.elements.size();
    d.elements = c.type.elements;
    if (c.type.IsBinaryString()) {
      d.type.binary_charset = true;
      d.type.max_bytes_per_char = 1;
      d.collation = kCharsetBinary;
    } else if (c.type.IsString() || c.type.base == BaseType::kJson) {
      std::string coll = EffectiveCollation(c.type, def.collation);
      std::string cs = CharsetOfCollation(coll);
      d.type.binary_charset = cs == "binary";
      d.type.max_bytes_per_char = static_cast<uint8_t>(MaxBytesPerChar(c.type, def.collation));
      const CollationInfo* ci = FindCollation(coll);
      d.collation = ci != nullptr ? ci->id : kCharsetUtf8mb4GeneralCi;
    } else {
      d.type.max_bytes_per_char = 1;
      d.collation = kCharsetBinary;
    }
    out.columns.push_back(std::move(d));
  }
  if (const IndexDef* pk = def.PrimaryKey()) {
    for (const IndexColumn& ic : pk->columns) {
      int i = def.FindColumn(ic.name);
      if (i >= 0) out.primary_key.push_back(static_cast<uint32_t>(i));
    }
  }
  return out;
}

Result<Value> BinlogEncoder::ToBinlogValue(const ColumnDef& col, const Value& stored,
                                           std::string_view table_collation) {
  if (stored.is_null()) return stored;
  switch (col.type.base) {
    case BaseType::kChar:
    case BaseType::kVarchar:
    case BaseType::kTinyText:
    case BaseType::kText:
    case BaseType::kMediumText:
    case BaseType::kLongText: {
      // Stored as UTF-8; the binlog carries the column charset's bytes.
      std::string cs = CharsetOfCollation(EffectiveCollation(col.type, table_collation));
      if (cs == "latin1" || cs == "ascii") return Value::String(Utf8ToSingleByte(stored.ToText(), cs == "ascii"));
      return stored;
    }
    case BaseType::kEnum: {
      std::string label = stored.ToText();
      if (label.empty()) return Value::Int(0);
      const auto& el = col.type.elements;
      for (size_t i = 0; i < el.size(); i++)
        if (el[i] == label) return Value::Int(static_cast<int64_t>(i + 1));
      return Status::InvalidArgument("'" + label + "' is not a member of ENUM column '" + col.name + "'");
    }
    case BaseType::kSet: {
      std::string text = stored.ToText();
      uint64_t mask = 0;
      const auto& el = col.type.elements;
      size_t start = 0;
      while (!text.empty() && start <= text.size()) {
        size_t comma = text.find(',', start);
        std::string member = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        auto it = std::find(el.begin(), el.end(), member);
        if (it == el.end())
          return Status::InvalidArgument("'" + member + "' is not a member of SET column '" + col.name + "'");
        mask |= uint64_t{1} << (it - el.begin());
        if (comma == std::string::npos) break;
        start = comma + 1;
      }
      return Value::Int(static_cast<int64_t>(mask));
    }
    case BaseType::kTimestamp: {
      int fsp = col.type.decimals < 0 ? 0 : col.type.decimals;
      ASSIGN_OR_RETURN(std::string v, binlog::UtcDatetimeToTimestampValue(stored.ToText(), fsp));
      return Value::String(std::move(v));
    }
    default:
      return stored;
  }
}

bool BinlogEncoder::IsUnsafeForStatement(const std::string& query) {
  // Function names whose value differs on a replica (MariaDB's
  // "unsafe for statement-based replication" list, in essence).
  static const char* kUnsafe[] = {"RAND",          "UUID",         "UUID_SHORT",   "SYSDATE",
                                  "USER",          "CURRENT_USER", "SESSION_USER", "SYSTEM_USER",
                                  "FOUND_ROWS",    "ROW_COUNT",    "LOAD_FILE",    "SLEEP",
                                  "VERSION",       "GET_LOCK",     "RELEASE_LOCK", "IS_FREE_LOCK",
                                  "IS_USED_LOCK",  "MASTER_POS_WAIT", "CONNECTION_ID", "DATABASE"};
  std::string up = Upper(query);
  auto ident = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$'; };
  for (const char* f : kUnsafe) {
    size_t n = std::strlen(f);
    for (size_t p = up.find(f); p != std::string::npos; p = up.find(f, p + 1)) {
      if (p > 0 && ident(up[p - 1])) continue;
      size_t q = p + n;
      while (q < up.size() && std::isspace(static_cast<unsigned char>(up[q]))) q++;
      if (q < up.size() && up[q] == '(') return true;
      if (std::strcmp(f, "CURRENT_USER") == 0 && (q >= up.size() || !ident(up[p + n]))) return true;
    }
  }
  if (up.find("@@") != std::string::npos) return true;
  // UPDATE/DELETE ... LIMIT: which rows change depends on the order rows are read.
  size_t first = up.find_first_not_of(" \t\r\n(");
  if (first != std::string::npos &&
      (up.compare(first, 6, "UPDATE") == 0 || up.compare(first, 6, "DELETE") == 0)) {
    for (size_t p = up.find("LIMIT"); p != std::string::npos; p = up.find("LIMIT", p + 1)) {
      if ((p == 0 || !ident(up[p - 1])) && (p + 5 >= up.size() || !ident(up[p + 5]))) return true;
    }
  }
  return false;
}

std::string BinlogEncoder::Event(uint8_t type, uint32_t timestamp, uint32_t server_id, uint16_t flags,
                                 const std::string& body) const {
  binlog::EventHeader h;
  h.timestamp = timestamp;
  h.type = type;
  h.server_id = server_id;
  h.flags = flags;
  return binlog::EncodeEvent(h, body, alg_);
}

Result<BinlogEncoder::TableEntry*> BinlogEncoder::TableFor(const std::shared_ptr<const TableDef>& def,
                                                           uint8_t row_metadata) {
  std::string key = def->db + std::string(1, '\0') + def->name;
  auto it = tables_.find(key);
  // A new definition (ALTER) gets a new table id, as MariaDB's table cache does.
  if (it != tables_.end() && it->second.def == def && it->second.row_metadata == row_metadata)
    return &it->second;
  ASSIGN_OR_RETURN(binlog::TableDescription desc, Describe(*def));
  TableEntry e;
  e.def = def;
  e.id = it != tables_.end() && it->second.def == def ? it->second.id : next_table_id_++;
  e.row_metadata = row_metadata;
  binlog::RowMetadata md = row_metadata == 2   ? binlog::RowMetadata::kFull
                           : row_metadata == 1 ? binlog::RowMetadata::kMinimal
                                               : binlog::RowMetadata::kNoLog;
  ASSIGN_OR_RETURN(binlog::TableMapEvent tm, binlog::MakeTableMap(e.id, desc, md));
  e.table_map = tm.Encode();
  for (const auto& c : desc.columns) {
    ASSIGN_OR_RETURN(binlog::ColumnSpec spec, binlog::ColumnSpecFor(c.type));
    e.specs.push_back(spec);
  }
  TableEntry& slot = tables_[key];
  slot = std::move(e);
  return &slot;
}

Result<EncodedGroup> BinlogEncoder::Encode(const TransactionLog& txn, uint32_t domain_id, uint64_t seq_no,
                                           uint64_t xid) {
  EncodedGroup g;
  const uint32_t sid = txn.server_id;
  std::vector<std::string> body;  // events after the Gtid
  uint32_t first_ts = 0;
  bool have_ts = false;

  // Split into statements: each kStatement closes the kRows before it.
  size_t begin = 0;
  for (size_t i = 0; i < txn.events.size(); i++) {
    const TxnEvent& ev = txn.events[i];
    if (ev.kind != TxnEvent::Kind::kStatement) continue;
    const LoggedStatement& st = ev.statement;
    const uint32_t ts = static_cast<uint32_t>(st.timestamp);
    if (StatementLogged(st)) {
      if (!have_ts) first_ts = ts, have_ts = true;
      uint32_t exec_time = 0;
      if (st.has_last_insert_id) {
        binlog::IntvarEvent iv{binlog::kIntvarLastInsertId, st.last_insert_id};
        body.push_back(Event(binlog::kIntvarEvent, ts, sid, 0, iv.Encode()));
      }
      if (st.has_insert_id) {
        binlog::IntvarEvent iv{binlog::kIntvarInsertId, st.insert_id};
        body.push_back(Event(binlog::kIntvarEvent, ts, sid, 0, iv.Encode()));
      }
      if (st.has_rand) {
        binlog::RandEvent r{st.rand_seed1, st.rand_seed2};
        body.push_back(Event(binlog::kRandEvent, ts, sid, 0, r.Encode()));
      }
      for (const auto& [name, v] : st.user_vars) {
        binlog::UserVarEvent u;
        switch (v.kind()) {
          case Value::Kind::kNull: u = binlog::UserVarEvent::Null(name); break;
          case Value::Kind::kInt: u = binlog::UserVarEvent::Int(name, static_cast<uint64_t>(v.int_value()), false); break;
          case Value::Kind::kUInt: u = binlog::UserVarEvent::Int(name, v.uint_value(), true); break;
          case Value::Kind::kDouble: u = binlog::UserVarEvent::Real(name, v.double_value()); break;
          case Value::Kind::kString: u = binlog::UserVarEvent::String(name, v.string_value(), st.collation_connection); break;
        }
        body.push_back(Event(binlog::kUserVarEvent, ts, sid, 0, u.Encode()));
      }
      binlog::QueryEvent::Charset cs{st.charset_client, st.collation_connection, st.collation_server};
      binlog::QueryEvent q = binlog::QueryEvent::MariaDb(st.db, st.query, st.thread_id, exec_time, st.sql_mode,
                                                         st.flags2, cs);
      if (st.auto_increment_increment != 1 || st.auto_increment_offset != 1)
        q.auto_increment = binlog::QueryEvent::AutoIncrement{static_cast<uint16_t>(st.auto_increment_increment),
                                                             static_cast<uint16_t>(st.auto_increment_offset)};
      if (!st.time_zone.empty() && st.time_zone != "SYSTEM") q.time_zone = st.time_zone;
      if (st.timestamp_usec != 0) q.hrnow = st.timestamp_usec;
      q.error_code = static_cast<uint16_t>(st.error_code);
      uint16_t flags = st.db.empty() || st.suppress_use ? binlog::kLogEventSuppressUseF : 0;
      body.push_back(Event(binlog::kQueryEvent, ts, sid, flags, q.Encode()));
    } else {
      // Row images of the statement's changes (events [begin, i)).
      bool any = false;
      for (size_t k = begin; k < i; k++)
        if (txn.events[k].kind == TxnEvent::Kind::kRows && !txn.events[k].rows.rows.empty()) any = true;
      if (any) {
        if (!have_ts) first_ts = ts, have_ts = true;
        binlog::AnnotateRowsEvent an{st.query};
        body.push_back(Event(binlog::kAnnotateRowsEvent, ts, sid, 0, an.Encode()));
        std::vector<TableEntry*> mapped;
        for (size_t k = begin; k < i; k++) {
          const TxnEvent& re = txn.events[k];
          if (re.kind != TxnEvent::Kind::kRows || re.rows.rows.empty()) continue;
          ASSIGN_OR_RETURN(TableEntry * te, TableFor(re.rows.table, st.row_metadata));
          if (std::find(mapped.begin(), mapped.end(), te) == mapped.end()) {
            mapped.push_back(te);
            body.push_back(Event(binlog::kTableMapEvent, ts, sid, 0, te->table_map));
          }
        }
        std::vector<binlog::RowsEvent> rows_events;
        for (size_t k = begin; k < i; k++) {
          const TxnEvent& re = txn.events[k];
          if (re.kind != TxnEvent::Kind::kRows || re.rows.rows.empty()) continue;
          const TableDef& def = *re.rows.table;
          ASSIGN_OR_RETURN(TableEntry * te, TableFor(re.rows.table, st.row_metadata));
          // Consecutive rows of one kind share an event (builder).
          size_t r = 0;
          const auto& rows = re.rows.rows;
          while (r < rows.size()) {
            LoggedRow::Op op = rows[r].op;
            uint8_t type = op == LoggedRow::Op::kInsert   ? binlog::kWriteRowsEventV1
                           : op == LoggedRow::Op::kUpdate ? binlog::kUpdateRowsEventV1
                                                          : binlog::kDeleteRowsEventV1;
            binlog::RowsEventBuilder b(type, te->id, te->specs);
            auto convert = [&](const std::vector<Value>& in, std::vector<Value>* out) -> Status {
              out->resize(in.size());
              for (size_t c = 0; c < in.size() && c < def.columns.size(); c++) {
                ASSIGN_OR_RETURN((*out)[c], ToBinlogValue(def.columns[c], in[c], def.collation));
              }
              return Status::Ok();
            };
            std::vector<Value> before, after;
            for (; r < rows.size() && rows[r].op == op; r++) {
              if (op == LoggedRow::Op::kInsert) {
                RETURN_IF_ERROR(convert(rows[r].after, &after));
                RETURN_IF_ERROR(b.AddRow(after));
              } else if (op == LoggedRow::Op::kDelete) {
                RETURN_IF_ERROR(convert(rows[r].before, &before));
                RETURN_IF_ERROR(b.AddRow(before));
              } else {
                RETURN_IF_ERROR(convert(rows[r].before, &before));
                RETURN_IF_ERROR(convert(rows[r].after, &after));
                RETURN_IF_ERROR(b.AddUpdate(before, after));
              }
            }
            for (auto& e : b.Finish()) rows_events.push_back(std::move(e));
          }
        }
        for (size_t k = 0; k < rows_events.size(); k++) {
          binlog::RowsEvent& e = rows_events[k];
          if (k + 1 < rows_events.size())
            e.flags = static_cast<uint16_t>(e.flags & ~binlog::kStmtEndF);
          else
            e.flags = static_cast<uint16_t>(e.flags | binlog::kStmtEndF);
          body.push_back(Event(e.type, ts, sid, 0, e.Encode()));
        }
      }
    }
    begin = i + 1;
  }
  if (body.empty()) return g;

  binlog::GtidEvent gtid;
  gtid.seq_no = seq_no;
  gtid.domain_id = domain_id;
  if (txn.ddl) {
    gtid.flags2 = binlog::kFlStandalone | binlog::kFlAllowParallel | binlog::kFlDdl;
  } else {
    gtid.flags2 = binlog::kFlTransactional | binlog::kFlAllowParallel;
  }
  g.events.push_back(Event(binlog::kGtidEvent, first_ts, sid, binlog::kLogEventSuppressUseF, gtid.Encode()));
  for (auto& e : body) g.events.push_back(std::move(e));
  if (!txn.ddl) {
    binlog::XidEvent x{xid};
    g.events.push_back(Event(binlog::kXidEvent, first_ts, sid, 0, x.Encode()));
  }
  return g;
}

}  // namespace relaydb::sql
