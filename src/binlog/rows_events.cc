// Table_map and rows event codecs. See rows_events.h and docs/binlog_format.md.
#include "binlog/rows_events.h"

#include <algorithm>
#include <cassert>

#include "binlog/compression.h"
#include "common/bytes.h"
#include "common/mysql_types.h"

namespace relaydb::binlog {
namespace {

bool IsNumericType(uint8_t type) {
  switch (type) {
    case kTypeTiny:
    case kTypeShort:
    case kTypeInt24:
    case kTypeLong:
    case kTypeLongLong:
    case kTypeFloat:
    case kTypeDouble:
    case kTypeNewDecimal:
    case kTypeDecimal:
    case kTypeYear:
      return true;
    default:
      return false;
  }
}

// Table id width: 6 bytes since MySQL 5.1.x (post-header 8 or 10); 4 before.
size_t TableIdWidth(uint8_t post_header, size_t fixed_rest) {
  return post_header == 4 + fixed_rest ? 4 : 6;
}

void PutMsbBitmap(const std::vector<bool>& bits, std::string* out) {
  std::string bytes((bits.size() + 7) / 8, '\0');
  for (size_t i = 0; i < bits.size(); i++) {
    if (bits[i])
      bytes[i / 8] = static_cast<char>(static_cast<uint8_t>(bytes[i / 8]) | (0x80 >> (i % 8)));
  }
  out->append(bytes);
}

std::vector<bool> GetMsbBitmap(std::string_view bytes, size_t nbits) {
  std::vector<bool> bits(std::min(nbits, bytes.size() * 8));
  for (size_t i = 0; i < bits.size(); i++) {
    bits[i] = (static_cast<uint8_t>(bytes[i / 8]) >> (7 - i % 8)) & 1;
  }
  return bits;
}

void PutTlv(uint8_t type, const std::string& value, ByteWriter* w) {
  w->U8(type);
  w->LenEncString(value);
}

std::string UintList(const std::vector<uint32_t>& v) {
  std::string s;
  ByteWriter w(&s);
  for (uint32_t x : v) w.LenEncInt(x);
  return s;
}

std::string DefaultCharset(uint32_t def,
                           const std::vector<std::pair<uint32_t, uint32_t>>& exceptions) {
  std::string s;
  ByteWriter w(&s);
  w.LenEncInt(def);
  for (auto [index, charset] : exceptions) {
    w.LenEncInt(index);
    w.LenEncInt(charset);
  }
  return s;
}

std::string StringLists(const std::vector<std::vector<std::string>>& lists) {
  std::string s;
  ByteWriter w(&s);
  for (const auto& list : lists) {
    w.LenEncInt(list.size());
    for (const auto& x : list) w.LenEncString(x);
  }
  return s;
}

Status ReadUintList(ByteReader* r, std::vector<uint32_t>* out) {
  while (!r->empty()) {
    uint64_t v = 0;
    RETURN_IF_ERROR(r->ReadLenEncInt(&v));
    out->push_back(static_cast<uint32_t>(v));
  }
  return Status::Ok();
}

Status ReadPairs(ByteReader* r, std::vector<std::pair<uint32_t, uint32_t>>* out) {
  while (!r->empty()) {
    uint64_t a = 0, b = 0;
    RETURN_IF_ERROR(r->ReadLenEncInt(&a));
    RETURN_IF_ERROR(r->ReadLenEncInt(&b));
    out->emplace_back(static_cast<uint32_t>(a), static_cast<uint32_t>(b));
  }
  return Status::Ok();
}

Status ReadStringLists(ByteReader* r, std::vector<std::vector<std::string>>* out) {
  while (!r->empty()) {
    uint64_t n = 0;
    RETURN_IF_ERROR(r->ReadLenEncInt(&n));
    if (n > r->remaining())
      return Status::Corruption("Table_map: string list count exceeds its field");
    std::vector<std::string> list;
    for (uint64_t i = 0; i < n; i++) {
      std::string_view s;
      RETURN_IF_ERROR(r->ReadLenEncString(&s));
      list.emplace_back(s);
    }
    out->push_back(std::move(list));
  }
  return Status::Ok();
}

Status DecodeOptionalMetadata(std::string_view block, const std::vector<uint8_t>& types,
                              TableMapOptionalMetadata* m) {
  ByteReader r(block);
  while (!r.empty()) {
    uint8_t type = 0;
    std::string_view value;
    RETURN_IF_ERROR(r.ReadU8(&type));
    RETURN_IF_ERROR(r.ReadLenEncString(&value));
    ByteReader v(value);
    switch (type) {
      case kMetaSignedness: {
        size_t numeric = 0;
        for (uint8_t t : types) numeric += IsNumericType(t) ? 1 : 0;
        m->signedness = GetMsbBitmap(value, numeric);
        break;
      }
      case kMetaDefaultCharset: {
        uint64_t def = 0;
        RETURN_IF_ERROR(v.ReadLenEncInt(&def));
        m->default_charset = static_cast<uint32_t>(def);
        RETURN_IF_ERROR(ReadPairs(&v, &m->default_charset_exceptions));
        break;
      }
      case kMetaColumnCharset:
        RETURN_IF_ERROR(ReadUintList(&v, &m->column_charsets.emplace()));
        break;
      case kMetaColumnName: {
        auto& names = m->column_names.emplace();
        while (!v.empty()) {
          std::string_view s;
          RETURN_IF_ERROR(v.ReadLenEncString(&s));
          names.emplace_back(s);
        }
        break;
      }
      case kMetaSetStrValue:
        RETURN_IF_ERROR(ReadStringLists(&v, &m->set_values.emplace()));
        break;
      case kMetaEnumStrValue:
        RETURN_IF_ERROR(ReadStringLists(&v, &m->enum_values.emplace()));
        break;
      case kMetaGeometryType:
        RETURN_IF_ERROR(ReadUintList(&v, &m->geometry_types.emplace()));
        break;
      case kMetaSimplePrimaryKey:
        RETURN_IF_ERROR(ReadUintList(&v, &m->simple_primary_key.emplace()));
        break;
      case kMetaPrimaryKeyWithPrefix:
        RETURN_IF_ERROR(ReadPairs(&v, &m->primary_key_with_prefix.emplace()));
        break;
      case kMetaEnumAndSetDefaultCharset: {
        uint64_t def = 0;
        RETURN_IF_ERROR(v.ReadLenEncInt(&def));
        m->enum_and_set_default_charset = static_cast<uint32_t>(def);
        RETURN_IF_ERROR(ReadPairs(&v, &m->enum_and_set_default_charset_exceptions));
        break;
      }
      case kMetaEnumAndSetColumnCharset:
        RETURN_IF_ERROR(ReadUintList(&v, &m->enum_and_set_column_charsets.emplace()));
        break;
      case kMetaColumnVisibility:
        m->column_visibility = GetMsbBitmap(value, types.size());
        break;
      default:
        break;  // A field type from a newer server: its length lets us skip it.
    }
  }
  return Status::Ok();
}

std::string EncodeOptionalMetadata(const TableMapOptionalMetadata& m) {
  std::string out;
  ByteWriter w(&out);
  if (m.signedness) {
    std::string s;
    PutMsbBitmap(*m.signedness, &s);
    PutTlv(kMetaSignedness, s, &w);
  }
  if (m.default_charset) {
    PutTlv(kMetaDefaultCharset, DefaultCharset(*m.default_charset, m.default_charset_exceptions),
           &w);
  }
  if (m.column_charsets) PutTlv(kMetaColumnCharset, UintList(*m.column_charsets), &w);
  if (m.geometry_types) PutTlv(kMetaGeometryType, UintList(*m.geometry_types), &w);
  if (m.column_names) {
    std::string s;
    ByteWriter sw(&s);
    for (const auto& n : *m.column_names) sw.LenEncString(n);
    PutTlv(kMetaColumnName, s, &w);
  }
  if (m.enum_and_set_default_charset) {
    PutTlv(
        kMetaEnumAndSetDefaultCharset,
        DefaultCharset(*m.enum_and_set_default_charset, m.enum_and_set_default_charset_exceptions),
        &w);
  }
  if (m.enum_and_set_column_charsets) {
    PutTlv(kMetaEnumAndSetColumnCharset, UintList(*m.enum_and_set_column_charsets), &w);
  }
  if (m.set_values) PutTlv(kMetaSetStrValue, StringLists(*m.set_values), &w);
  if (m.enum_values) PutTlv(kMetaEnumStrValue, StringLists(*m.enum_values), &w);
  if (m.simple_primary_key) PutTlv(kMetaSimplePrimaryKey, UintList(*m.simple_primary_key), &w);
  if (m.primary_key_with_prefix) {
    std::string s;
    ByteWriter sw(&s);
    for (auto [index, prefix] : *m.primary_key_with_prefix) {
      sw.LenEncInt(index);
      sw.LenEncInt(prefix);
    }
    PutTlv(kMetaPrimaryKeyWithPrefix, s, &w);
  }
  if (m.column_visibility) {
    std::string s;
    PutMsbBitmap(*m.column_visibility, &s);
    PutTlv(kMetaColumnVisibility, s, &w);
  }
  return out;
}

void EncodeColumnMeta(uint8_t type, uint16_t meta, ByteWriter* w) {
  switch (ColumnMetadataSize(type)) {
    case 1:
      w->U8(static_cast<uint8_t>(meta));
      break;
    case 2:
      if (type == kTypeVarchar || type == kTypeBit) {
        w->U16(meta);  // little-endian
      } else {
        w->U8(static_cast<uint8_t>(meta >> 8));  // NEWDECIMAL, STRING, ENUM, SET: big-endian
        w->U8(static_cast<uint8_t>(meta));
      }
      break;
    default:
      break;
  }
}

Status DecodeColumnMeta(uint8_t type, ByteReader* r, uint16_t* meta) {
  *meta = 0;
  switch (ColumnMetadataSize(type)) {
    case 1: {
      uint8_t b = 0;
      RETURN_IF_ERROR(r->ReadU8(&b));
      *meta = b;
      return Status::Ok();
    }
    case 2: {
      if (type == kTypeVarchar || type == kTypeBit) return r->ReadU16(meta);
      uint64_t v = 0;
      RETURN_IF_ERROR(r->ReadUintBE(2, &v));
      *meta = static_cast<uint16_t>(v);
      return Status::Ok();
    }
    default:
      return Status::Ok();
  }
}

}  // namespace

bool TableMapOptionalMetadata::empty() const {
  return !signedness && !default_charset && !column_charsets && !column_names && !set_values &&
         !enum_values && !geometry_types && !simple_primary_key && !primary_key_with_prefix &&
         !enum_and_set_default_charset && !enum_and_set_column_charsets && !column_visibility;
}

size_t ColumnMetadataSize(uint8_t type) {
  switch (type) {
    case kTypeFloat:
    case kTypeDouble:
    case kTypeBlob:
    case kTypeTinyBlob:
    case kTypeMediumBlob:
    case kTypeLongBlob:
    case kTypeGeometry:
    case kTypeJson:
    case kTypeTimestamp2:
    case kTypeDatetime2:
    case kTypeTime2:
      return 1;
    case kTypeVarchar:
    case kTypeBit:
    case kTypeNewDecimal:
    case kTypeString:
    case kTypeVarString:
    case kTypeEnum:
    case kTypeSet:
      return 2;
    default:
      return 0;
  }
}

void EncodeBitmap(const std::vector<bool>& bits, std::string* out) {
  std::string bytes((bits.size() + 7) / 8, '\0');
  for (size_t i = 0; i < bits.size(); i++) {
    if (bits[i])
      bytes[i / 8] = static_cast<char>(static_cast<uint8_t>(bytes[i / 8]) | (1 << (i % 8)));
  }
  out->append(bytes);
}

Status DecodeBitmap(std::string_view bytes, size_t nbits, std::vector<bool>* bits) {
  if (bytes.size() * 8 < nbits) return Status::Corruption("bitmap too short");
  bits->assign(nbits, false);
  for (size_t i = 0; i < nbits; i++)
    (*bits)[i] = (static_cast<uint8_t>(bytes[i / 8]) >> (i % 8)) & 1;
  return Status::Ok();
}

// --- Table_map ------------------------------------------------------------------

std::string TableMapEvent::Encode() const {
  assert(db.size() <= 255 && table.size() <= 255 && "names are length-prefixed by one byte");
  std::string out;
  ByteWriter w(&out);
  w.U48(table_id);
  w.U16(flags);
  w.U8(static_cast<uint8_t>(db.size()));
  w.NulString(db);
  w.U8(static_cast<uint8_t>(table.size()));
  w.NulString(table);
  w.LenEncInt(column_types.size());
  for (uint8_t t : column_types) w.U8(t);
  std::string meta;
  ByteWriter mw(&meta);
  for (size_t i = 0; i < column_types.size(); i++) {
    EncodeColumnMeta(column_types[i], i < column_meta.size() ? column_meta[i] : 0, &mw);
  }
  w.LenEncString(meta);
  std::vector<bool> nulls = nullable;
  nulls.resize(column_types.size(), true);
  EncodeBitmap(nulls, &out);
  out += EncodeOptionalMetadata(optional);
  return out;
}

Result<TableMapEvent> TableMapEvent::Decode(std::string_view body, const FormatDescription& fde) {
  TableMapEvent e;
  ByteReader r(body);
  const uint8_t post = fde.PostHeaderLength(kTableMapEvent);
  RETURN_IF_ERROR(r.ReadUint(TableIdWidth(post, 2), &e.table_id));
  RETURN_IF_ERROR(r.ReadU16(&e.flags));
  if (post > 8) RETURN_IF_ERROR(r.Skip(post - 8));
  uint8_t len = 0, nul = 1;
  std::string_view db, table, types, meta, nulls;
  RETURN_IF_ERROR(r.ReadU8(&len));
  RETURN_IF_ERROR(r.ReadBytes(len, &db));
  RETURN_IF_ERROR(r.ReadU8(&nul));
  if (nul != 0) return Status::Corruption("Table_map: database name is not NUL-terminated");
  RETURN_IF_ERROR(r.ReadU8(&len));
  RETURN_IF_ERROR(r.ReadBytes(len, &table));
  RETURN_IF_ERROR(r.ReadU8(&nul));
  if (nul != 0) return Status::Corruption("Table_map: table name is not NUL-terminated");
  e.db = std::string(db);
  e.table = std::string(table);
  uint64_t ncols = 0;
  RETURN_IF_ERROR(r.ReadLenEncInt(&ncols));
  if (ncols == 0 || ncols > r.remaining()) {
    return Status::Corruption("Table_map: bad column count " + std::to_string(ncols));
  }
  RETURN_IF_ERROR(r.ReadBytes(ncols, &types));
  e.column_types.assign(types.begin(), types.end());
  RETURN_IF_ERROR(r.ReadLenEncString(&meta));
  ByteReader mr(meta);
  e.column_meta.resize(ncols);
  for (size_t i = 0; i < ncols; i++) {
    RETURN_IF_ERROR(DecodeColumnMeta(e.column_types[i], &mr, &e.column_meta[i]));
  }
  if (!mr.empty()) {
    return Status::Corruption("Table_map: metadata block has " + std::to_string(mr.remaining()) +
                              " bytes no column uses");
  }
  RETURN_IF_ERROR(r.ReadBytes((ncols + 7) / 8, &nulls));
  RETURN_IF_ERROR(DecodeBitmap(nulls, ncols, &e.nullable));
  RETURN_IF_ERROR(DecodeOptionalMetadata(r.ReadRest(), e.column_types, &e.optional));
  return e;
}

// --- Rows events ------------------------------------------------------------------

bool IsRowsEventType(uint8_t t) {
  return (t >= kWriteRowsEventV1 && t <= kDeleteRowsEventV1) ||
         (t >= kWriteRowsEventV2 && t <= kDeleteRowsEventV2) ||
         (t >= kWriteRowsCompressedEventV1 && t <= kDeleteRowsCompressedEvent);
}

bool RowsEvent::is_write() const {
  return type == kWriteRowsEventV1 || type == kWriteRowsEventV2 ||
         type == kWriteRowsCompressedEventV1 || type == kWriteRowsCompressedEvent;
}
bool RowsEvent::is_update() const {
  return type == kUpdateRowsEventV1 || type == kUpdateRowsEventV2 ||
         type == kUpdateRowsCompressedEventV1 || type == kUpdateRowsCompressedEvent;
}
bool RowsEvent::is_delete() const {
  return type == kDeleteRowsEventV1 || type == kDeleteRowsEventV2 ||
         type == kDeleteRowsCompressedEventV1 || type == kDeleteRowsCompressedEvent;
}
bool RowsEvent::is_v2() const {
  return (type >= kWriteRowsEventV2 && type <= kDeleteRowsEventV2) ||
         (type >= kWriteRowsCompressedEvent && type <= kDeleteRowsCompressedEvent);
}
bool RowsEvent::is_compressed() const {
  return type >= kWriteRowsCompressedEventV1 && type <= kDeleteRowsCompressedEvent;
}

std::string RowsEvent::Encode() const {
  std::string out;
  ByteWriter w(&out);
  w.U48(table_id);
  w.U16(flags);
  if (is_v2()) {
    w.U16(static_cast<uint16_t>(extra_data.size() + 2));
    w.Bytes(extra_data);
  }
  w.LenEncInt(column_count);
  std::vector<bool> before = columns_before;
  before.resize(column_count, false);
  EncodeBitmap(before, &out);
  if (is_update()) {
    std::vector<bool> after = columns_after;
    after.resize(column_count, false);
    EncodeBitmap(after, &out);
  }
  w.Bytes(is_compressed() ? CompressPayload(rows) : rows);
  return out;
}

Result<RowsEvent> RowsEvent::Decode(std::string_view body, const FormatDescription& fde,
                                    uint8_t type) {
  if (!IsRowsEventType(type))
    return Status::InvalidArgument("not a rows event type: " + std::to_string(type));
  RowsEvent e;
  e.type = type;
  ByteReader r(body);
  const uint8_t post = fde.PostHeaderLength(type);
  const size_t fixed = e.is_v2() ? 4 : 2;  // flags (+ extra-data length)
  RETURN_IF_ERROR(r.ReadUint(TableIdWidth(post, fixed), &e.table_id));
  RETURN_IF_ERROR(r.ReadU16(&e.flags));
  if (e.is_v2()) {
    uint16_t extra_len = 0;
    std::string_view extra;
    RETURN_IF_ERROR(r.ReadU16(&extra_len));
    if (extra_len < 2) return Status::Corruption("rows event: extra-data length below 2");
    RETURN_IF_ERROR(r.ReadBytes(extra_len - 2u, &extra));
    e.extra_data = std::string(extra);
  }
  uint64_t ncols = 0;
  RETURN_IF_ERROR(r.ReadLenEncInt(&ncols));
  if (ncols == 0 || (ncols + 7) / 8 > r.remaining()) {
    return Status::Corruption("rows event: bad column count " + std::to_string(ncols));
  }
  e.column_count = static_cast<uint32_t>(ncols);
  std::string_view bits;
  RETURN_IF_ERROR(r.ReadBytes((ncols + 7) / 8, &bits));
  RETURN_IF_ERROR(DecodeBitmap(bits, ncols, &e.columns_before));
  if (e.is_update()) {
    RETURN_IF_ERROR(r.ReadBytes((ncols + 7) / 8, &bits));
    RETURN_IF_ERROR(DecodeBitmap(bits, ncols, &e.columns_after));
  }
  if (e.is_compressed()) {
    ASSIGN_OR_RETURN(e.rows, UncompressPayload(r.ReadRest()));
  } else {
    e.rows = std::string(r.ReadRest());
  }
  return e;
}

}  // namespace relaydb::binlog
