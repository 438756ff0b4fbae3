// Statement event codecs. See statement_events.h and docs/binlog_format.md.
#include "binlog/statement_events.h"

#include <cassert>
#include <cstring>

#include "binlog/compression.h"
#include "binlog/decimal_bin.h"
#include "common/bytes.h"

namespace relaydb::binlog {
namespace {

// QUERY_HEADER_MINIMAL_LEN: the part 3.23..5.0 agree on, and the v4 length
// (with status_vars_len).
constexpr uint8_t kQueryHeaderMinimalLen = 4 + 4 + 1 + 2;
constexpr uint8_t kQueryHeaderLen = kQueryHeaderMinimalLen + 2;

Status StatusTooShort(uint8_t code) {
  return Status::Corruption("Query event: status variable " + std::to_string(code) +
                            " runs past the status block");
}

// One length-prefixed (1 byte) string of the status block.
Status ReadShortString(ByteReader* r, uint8_t code, std::string* out) {
  uint8_t len = 0;
  std::string_view s;
  if (!r->ReadU8(&len).ok() || !r->ReadBytes(len, &s).ok()) return StatusTooShort(code);
  *out = std::string(s);
  return Status::Ok();
}

template <typename T>
Status ReadFixed(ByteReader* r, uint8_t code, size_t n, T* out) {
  uint64_t v = 0;
  if (!r->ReadUint(n, &v).ok()) return StatusTooShort(code);
  *out = static_cast<T>(v);
  return Status::Ok();
}

Status DecodeStatusVars(std::string_view block, QueryEvent* e) {
  ByteReader r(block);
  while (!r.empty()) {
    uint8_t code = 0;
    RETURN_IF_ERROR(r.ReadU8(&code));
    switch (code) {
      case kQFlags2Code:
        RETURN_IF_ERROR(ReadFixed(&r, code, 4, &e->flags2.emplace()));
        break;
      case kQSqlModeCode:
        RETURN_IF_ERROR(ReadFixed(&r, code, 8, &e->sql_mode.emplace()));
        break;
      case kQCatalogCode: {
        // len(1) + catalog + NUL (MySQL 5.0.0-5.0.3).
        RETURN_IF_ERROR(ReadShortString(&r, code, &e->catalog.emplace()));
        if (!r.Skip(1).ok()) return StatusTooShort(code);
        break;
      }
      case kQCatalogNzCode:
        RETURN_IF_ERROR(ReadShortString(&r, code, &e->catalog.emplace()));
        break;
      case kQAutoIncrement: {
        auto& a = e->auto_increment.emplace();
        RETURN_IF_ERROR(ReadFixed(&r, code, 2, &a.increment));
        RETURN_IF_ERROR(ReadFixed(&r, code, 2, &a.offset));
        break;
      }
      case kQCharsetCode: {
        auto& c = e->charset.emplace();
        RETURN_IF_ERROR(ReadFixed(&r, code, 2, &c.client));
        RETURN_IF_ERROR(ReadFixed(&r, code, 2, &c.connection));
        RETURN_IF_ERROR(ReadFixed(&r, code, 2, &c.server));
        break;
      }
      case kQTimeZoneCode:
        RETURN_IF_ERROR(ReadShortString(&r, code, &e->time_zone.emplace()));
        break;
      case kQLcTimeNamesCode:
        RETURN_IF_ERROR(ReadFixed(&r, code, 2, &e->lc_time_names.emplace()));
        break;
      case kQCharsetDatabaseCode:
        RETURN_IF_ERROR(ReadFixed(&r, code, 2, &e->charset_database.emplace()));
        break;
      case kQTableMapForUpdateCode:
        RETURN_IF_ERROR(ReadFixed(&r, code, 8, &e->table_map_for_update.emplace()));
        break;
      case kQMasterDataWrittenCode:
        RETURN_IF_ERROR(ReadFixed(&r, code, 4, &e->master_data_written.emplace()));
        break;
      case kQInvoker: {
        auto& inv = e->invoker.emplace();
        RETURN_IF_ERROR(ReadShortString(&r, code, &inv.user));
        RETURN_IF_ERROR(ReadShortString(&r, code, &inv.host));
        break;
      }
      case kQUpdatedDbNames: {
        uint8_t count = 0;
        if (!r.ReadU8(&count).ok()) return StatusTooShort(code);
        auto& names = e->updated_db_names.emplace();
        if (count == kOverMaxDbsInEventMts) {
          e->updated_db_names_over_max = true;
          break;
        }
        for (uint8_t i = 0; i < count; i++) {
          std::string_view name;
          if (!r.ReadNulString(&name).ok()) return StatusTooShort(code);
          names.emplace_back(name);
        }
        break;
      }
      case kQMicroseconds:
        RETURN_IF_ERROR(ReadFixed(&r, code, 3, &e->microseconds.emplace()));
        break;
      case kQCommitTs:
      case kQCommitTs2:
        return Status::Corruption("Query event: status variable " + std::to_string(code) +
                                  " is never written and has no known length");
      case kQExplicitDefaultsForTimestamp:
        RETURN_IF_ERROR(ReadFixed(&r, code, 1, &e->explicit_defaults_for_timestamp.emplace()));
        break;
      case kQDdlLoggedWithXid:
        RETURN_IF_ERROR(ReadFixed(&r, code, 8, &e->ddl_xid.emplace()));
        break;
      case kQDefaultCollationForUtf8mb4:
        RETURN_IF_ERROR(ReadFixed(&r, code, 2, &e->default_collation_for_utf8mb4.emplace()));
        break;
      case kQSqlRequirePrimaryKey:
        RETURN_IF_ERROR(ReadFixed(&r, code, 1, &e->sql_require_primary_key.emplace()));
        break;
      case kQDefaultTableEncryption:
        RETURN_IF_ERROR(ReadFixed(&r, code, 1, &e->default_table_encryption.emplace()));
        break;
      case kQHrnow:
        RETURN_IF_ERROR(ReadFixed(&r, code, 3, &e->hrnow.emplace()));
        break;
      case kQXid:
        RETURN_IF_ERROR(ReadFixed(&r, code, 8, &e->xid.emplace()));
        break;
      case kQGtidFlags3: {
        RETURN_IF_ERROR(ReadFixed(&r, code, 1, &e->gtid_flags3.emplace()));
        if (*e->gtid_flags3 & (kFlCommitAlter | kFlRollbackAlter)) {
          RETURN_IF_ERROR(ReadFixed(&r, code, 8, &e->sa_seq_no));
        }
        break;
      }
      default:
        return Status::Corruption("Query event: unknown status variable code " +
                                  std::to_string(code) + " at offset " +
                                  std::to_string(r.position() - 1) + " of the status block");
    }
  }
  return Status::Ok();
}

void EncodeStatusVars(const QueryEvent& e, ByteWriter* w) {
  auto short_string = [&](uint8_t code, const std::string& s) {
    assert(s.size() <= 255 && "status variable string longer than 255 bytes");
    w->U8(code);
    w->U8(static_cast<uint8_t>(s.size()));
    w->Bytes(s);
  };
  if (e.flags2) {
    w->U8(kQFlags2Code);
    w->U32(*e.flags2);
  }
  if (e.sql_mode) {
    w->U8(kQSqlModeCode);
    w->U64(*e.sql_mode);
  }
  if (e.catalog) short_string(kQCatalogNzCode, *e.catalog);
  if (e.auto_increment) {
    w->U8(kQAutoIncrement);
    w->U16(e.auto_increment->increment);
    w->U16(e.auto_increment->offset);
  }
  if (e.charset) {
    w->U8(kQCharsetCode);
    w->U16(e.charset->client);
    w->U16(e.charset->connection);
    w->U16(e.charset->server);
  }
  if (e.time_zone) short_string(kQTimeZoneCode, *e.time_zone);
  if (e.lc_time_names) {
    w->U8(kQLcTimeNamesCode);
    w->U16(*e.lc_time_names);
  }
  if (e.charset_database) {
    w->U8(kQCharsetDatabaseCode);
    w->U16(*e.charset_database);
  }
  if (e.table_map_for_update) {
    w->U8(kQTableMapForUpdateCode);
    w->U64(*e.table_map_for_update);
  }
  if (e.master_data_written) {
    w->U8(kQMasterDataWrittenCode);
    w->U32(*e.master_data_written);
  }
  if (e.invoker) {
    w->U8(kQInvoker);
    w->U8(static_cast<uint8_t>(e.invoker->user.size()));
    w->Bytes(e.invoker->user);
    w->U8(static_cast<uint8_t>(e.invoker->host.size()));
    w->Bytes(e.invoker->host);
  }
  if (e.hrnow) {
    w->U8(kQHrnow);
    w->U24(*e.hrnow);
  }
  if (e.xid) {
    w->U8(kQXid);
    w->U64(*e.xid);
  }
  if (e.gtid_flags3) {
    w->U8(kQGtidFlags3);
    w->U8(*e.gtid_flags3);
    if (*e.gtid_flags3 & (kFlCommitAlter | kFlRollbackAlter)) w->U64(e.sa_seq_no);
  }
  // MySQL-only codes last: a MariaDB reader stops at the first code it does
  // not know, so they must not hide MariaDB's own.
  if (e.updated_db_names) {
    w->U8(kQUpdatedDbNames);
    if (e.updated_db_names_over_max) {
      w->U8(kOverMaxDbsInEventMts);
    } else {
      w->U8(static_cast<uint8_t>(e.updated_db_names->size()));
      for (const auto& n : *e.updated_db_names) w->NulString(n);
    }
  }
  if (e.microseconds) {
    w->U8(kQMicroseconds);
    w->U24(*e.microseconds);
  }
  if (e.explicit_defaults_for_timestamp) {
    w->U8(kQExplicitDefaultsForTimestamp);
    w->U8(*e.explicit_defaults_for_timestamp);
  }
  if (e.ddl_xid) {
    w->U8(kQDdlLoggedWithXid);
    w->U64(*e.ddl_xid);
  }
  if (e.default_collation_for_utf8mb4) {
    w->U8(kQDefaultCollationForUtf8mb4);
    w->U16(*e.default_collation_for_utf8mb4);
  }
  if (e.sql_require_primary_key) {
    w->U8(kQSqlRequirePrimaryKey);
    w->U8(*e.sql_require_primary_key);
  }
  if (e.default_table_encryption) {
    w->U8(kQDefaultTableEncryption);
    w->U8(*e.default_table_encryption);
  }
}

}  // namespace

// --- Query ------------------------------------------------------------------

QueryEvent QueryEvent::MariaDb(std::string db, std::string query, uint32_t thread_id,
                               uint32_t exec_time, uint64_t sql_mode, uint32_t flags2,
                               Charset charset) {
  QueryEvent e;
  e.db = std::move(db);
  e.query = std::move(query);
  e.thread_id = thread_id;
  e.exec_time = exec_time;
  e.flags2 = flags2;
  e.sql_mode = sql_mode;
  e.catalog = "std";
  e.charset = charset;
  return e;
}

std::string QueryEvent::Encode(bool compressed) const {
  std::string status;
  ByteWriter sw(&status);
  EncodeStatusVars(*this, &sw);
  assert(db.size() <= 255 && status.size() <= 65535);
  std::string out;
  ByteWriter w(&out);
  w.U32(thread_id);
  w.U32(exec_time);
  w.U8(static_cast<uint8_t>(db.size()));
  w.U16(error_code);
  w.U16(static_cast<uint16_t>(status.size()));
  w.Bytes(status);
  w.NulString(db);
  w.Bytes(compressed ? CompressPayload(query) : query);
  return out;
}

Result<QueryEvent> QueryEvent::Decode(std::string_view body, const FormatDescription& fde,
                                      uint8_t type) {
  QueryEvent e;
  ByteReader r(body);
  const uint8_t post = fde.PostHeaderLength(type);
  if (post < kQueryHeaderMinimalLen) {
    return Status::Corruption("Query event: post-header length " + std::to_string(post) +
                              " below 11");
  }
  uint8_t db_len = 0;
  uint16_t status_len = 0;
  RETURN_IF_ERROR(r.ReadU32(&e.thread_id));
  RETURN_IF_ERROR(r.ReadU32(&e.exec_time));
  RETURN_IF_ERROR(r.ReadU8(&db_len));
  RETURN_IF_ERROR(r.ReadU16(&e.error_code));
  if (post >= kQueryHeaderLen) {
    RETURN_IF_ERROR(r.ReadU16(&status_len));
    RETURN_IF_ERROR(r.Skip(post - kQueryHeaderLen));
  } else {
    RETURN_IF_ERROR(r.Skip(post - kQueryHeaderMinimalLen));
  }
  std::string_view status, db;
  RETURN_IF_ERROR(r.ReadBytes(status_len, &status));
  RETURN_IF_ERROR(DecodeStatusVars(status, &e));
  RETURN_IF_ERROR(r.ReadBytes(db_len, &db));
  uint8_t nul = 1;
  RETURN_IF_ERROR(r.ReadU8(&nul));
  if (nul != 0) return Status::Corruption("Query event: database name is not NUL-terminated");
  e.db = std::string(db);
  if (type == kQueryCompressedEvent) {
    ASSIGN_OR_RETURN(e.query, UncompressPayload(r.ReadRest()));
  } else {
    e.query = std::string(r.ReadRest());
  }
  return e;
}

// --- Intvar, Rand -------------------------------------------------------------

std::string IntvarEvent::Encode() const {
  std::string out;
  ByteWriter w(&out);
  w.U8(type);
  w.U64(value);
  return out;
}

Result<IntvarEvent> IntvarEvent::Decode(std::string_view body, const FormatDescription&) {
  IntvarEvent e;
  ByteReader r(body);
  RETURN_IF_ERROR(r.ReadU8(&e.type));
  RETURN_IF_ERROR(r.ReadU64(&e.value));
  if (e.type != kIntvarLastInsertId && e.type != kIntvarInsertId) {
    return Status::Corruption("Intvar event: unknown type " + std::to_string(e.type));
  }
  if (!r.empty()) return Status::Corruption("Intvar event has trailing bytes");
  return e;
}

std::string RandEvent::Encode() const {
  std::string out;
  ByteWriter w(&out);
  w.U64(seed1);
  w.U64(seed2);
  return out;
}

Result<RandEvent> RandEvent::Decode(std::string_view body, const FormatDescription&) {
  RandEvent e;
  ByteReader r(body);
  RETURN_IF_ERROR(r.ReadU64(&e.seed1));
  RETURN_IF_ERROR(r.ReadU64(&e.seed2));
  if (!r.empty()) return Status::Corruption("Rand event has trailing bytes");
  return e;
}

// --- User_var -----------------------------------------------------------------

UserVarEvent UserVarEvent::Null(std::string name) {
  UserVarEvent e;
  e.name = std::move(name);
  e.is_null = true;
  return e;
}

UserVarEvent UserVarEvent::String(std::string name, std::string bytes, uint32_t collation) {
  UserVarEvent e;
  e.name = std::move(name);
  e.type = kStringResult;
  e.charset = collation;
  e.value = std::move(bytes);
  return e;
}

UserVarEvent UserVarEvent::Int(std::string name, uint64_t bits, bool is_unsigned) {
  UserVarEvent e;
  e.name = std::move(name);
  e.type = kIntResult;
  ByteWriter(&e.value).U64(bits);
  e.flags = is_unsigned ? kUserVarUnsignedF : 0;
  return e;
}

UserVarEvent UserVarEvent::Real(std::string name, double v) {
  UserVarEvent e;
  e.name = std::move(name);
  e.type = kRealResult;
  uint64_t bits = 0;
  std::memcpy(&bits, &v, sizeof bits);
  ByteWriter(&e.value).U64(bits);
  return e;
}

Result<UserVarEvent> UserVarEvent::Decimal(std::string name, std::string_view text, int precision,
                                           int scale) {
  if (precision < 0 || scale < 0) {
    if (!DecimalTextPrecision(text, &precision, &scale)) {
      return Status::InvalidArgument("malformed decimal '" + std::string(text) + "'");
    }
  }
  UserVarEvent e;
  e.name = std::move(name);
  e.type = kDecimalResult;
  ByteWriter w(&e.value);
  w.U8(static_cast<uint8_t>(precision));
  w.U8(static_cast<uint8_t>(scale));
  RETURN_IF_ERROR(EncodeDecimal(text, precision, scale, &e.value));
  return e;
}

Result<Value> UserVarEvent::ToValue() const {
  if (is_null) return Value::Null();
  ByteReader r(value);
  switch (type) {
    case kStringResult:
      return Value::String(value);
    case kIntResult: {
      uint64_t v = 0;
      RETURN_IF_ERROR(r.ReadU64(&v));
      if (flags && (*flags & kUserVarUnsignedF)) return Value::UInt(v);
      return Value::Int(static_cast<int64_t>(v));
    }
    case kRealResult: {
      uint64_t bits = 0;
      RETURN_IF_ERROR(r.ReadU64(&bits));
      double d = 0;
      std::memcpy(&d, &bits, sizeof d);
      return Value::Double(d);
    }
    case kDecimalResult: {
      uint8_t precision = 0, scale = 0;
      RETURN_IF_ERROR(r.ReadU8(&precision));
      RETURN_IF_ERROR(r.ReadU8(&scale));
      std::string text;
      RETURN_IF_ERROR(DecodeDecimal(&r, precision, scale, &text));
      return Value::String(std::move(text));
    }
    default:
      return Status::Corruption("User_var event: unknown value type " + std::to_string(type));
  }
}

std::string UserVarEvent::Encode() const {
  std::string out;
  ByteWriter w(&out);
  w.U32(static_cast<uint32_t>(name.size()));
  w.Bytes(name);
  w.U8(is_null ? 1 : 0);
  if (is_null) return out;
  w.U8(type);
  w.U32(charset);
  w.U32(static_cast<uint32_t>(value.size()));
  w.Bytes(value);
  if (flags) w.U8(*flags);
  return out;
}

Result<UserVarEvent> UserVarEvent::Decode(std::string_view body, const FormatDescription&) {
  UserVarEvent e;
  ByteReader r(body);
  uint32_t name_len = 0, value_len = 0;
  uint8_t is_null = 0;
  std::string_view name, value;
  RETURN_IF_ERROR(r.ReadU32(&name_len));
  RETURN_IF_ERROR(r.ReadBytes(name_len, &name));
  RETURN_IF_ERROR(r.ReadU8(&is_null));
  e.name = std::string(name);
  e.is_null = is_null != 0;
  if (e.is_null) return e;
  RETURN_IF_ERROR(r.ReadU8(&e.type));
  RETURN_IF_ERROR(r.ReadU32(&e.charset));
  RETURN_IF_ERROR(r.ReadU32(&value_len));
  RETURN_IF_ERROR(r.ReadBytes(value_len, &value));
  e.value = std::string(value);
  if (!r.empty()) {
    uint8_t f = 0;
    RETURN_IF_ERROR(r.ReadU8(&f));
    e.flags = f;
  }
  if (!r.empty()) return Status::Corruption("User_var event has trailing bytes");
  if ((e.type == kIntResult || e.type == kRealResult) && value_len != 8) {
    return Status::Corruption("User_var event: numeric value of " + std::to_string(value_len) +
                              " bytes");
  }
  if (e.type > kDecimalResult || e.type == kRowResult) {
    return Status::Corruption("User_var event: unknown value type " + std::to_string(e.type));
  }
  return e;
}

// --- Annotate_rows, Rows_query --------------------------------------------------

Result<AnnotateRowsEvent> AnnotateRowsEvent::Decode(std::string_view body,
                                                    const FormatDescription&) {
  return AnnotateRowsEvent{std::string(body)};
}

Result<RowsQueryEvent> RowsQueryEvent::Decode(std::string_view body, const FormatDescription&) {
  if (body.empty()) return Status::Corruption("Rows_query event: empty body");
  return RowsQueryEvent{std::string(body.substr(1))};
}

}  // namespace relaydb::binlog
