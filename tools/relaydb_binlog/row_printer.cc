// mariadb-binlog -v row output (row_printer.h). The values are decoded by
// rdb_binlog's row codec (with every column read as signed and non-binary,
// which is what the bytes alone say) and formatted as MariaDB's
// log_event_print_value does.
#include "relaydb_binlog/row_printer.h"

#include <vector>

#include "binlog/column_spec.h"
#include "binlog/row_codec.h"
#include "common/bytes.h"
#include "common/mysql_types.h"
#include "relaydb_binlog/format_util.h"

namespace relaydb::binlog_tool {
namespace {

using binlog::ColumnSpec;
using binlog::RowsEvent;
using binlog::TableMapEvent;

// The specs for printing: no signedness or charset knowledge, as in
// mariadb-binlog (it prints the signed reading plus the unsigned one).
std::vector<ColumnSpec> RawSpecs(const TableMapEvent& tm) {
  std::vector<ColumnSpec> specs = binlog::ColumnSpecsFromTableMap(tm);
  for (ColumnSpec& s : specs) {
    s.is_unsigned = false;
    s.binary = false;
  }
  return specs;
}

// The type a value is printed as: STRING columns may really be ENUM or SET.
uint8_t PrintType(const ColumnSpec& c) { return c.type == kTypeString ? c.real_type() : c.type; }

uint32_t BitCount(const ColumnSpec& c) { return (c.meta >> 8) * 8 + (c.meta & 0xff); }

// The type names of -vv (log_event_print_value's typestr).
std::string TypeName(const ColumnSpec& c) {
  switch (PrintType(c)) {
    case kTypeLong:
      return "INT";
    case kTypeTiny:
      return "TINYINT";
    case kTypeShort:
      return "SHORTINT";
    case kTypeInt24:
      return "MEDIUMINT";
    case kTypeLongLong:
      return "LONGINT";
    case kTypeNewDecimal:
      return Printf("DECIMAL(%d,%d)", c.meta >> 8, c.meta & 0xff);
    case kTypeFloat:
      return "FLOAT";
    case kTypeDouble:
      return "DOUBLE";
    case kTypeBit:
      return Printf("BIT(%u)", BitCount(c));
    case kTypeTimestamp:
      return "TIMESTAMP";
    case kTypeTimestamp2:
      return Printf("TIMESTAMP(%d)", c.meta);
    case kTypeDatetime:
      return "DATETIME";
    case kTypeDatetime2:
      return Printf("DATETIME(%d)", c.meta);
    case kTypeTime:
      return "TIME";
    case kTypeTime2:
      return Printf("TIME(%d)", c.meta);
    case kTypeNewDate:
    case kTypeDate:
      return "DATE";
    case kTypeYear:
      return "YEAR";
    case kTypeEnum:
      if ((c.meta & 0xff) == 1) return "ENUM(1 byte)";
      if ((c.meta & 0xff) == 2) return "ENUM(2 bytes)";
      return "";
    case kTypeSet:
      return Printf("SET(%d bytes)", c.meta & 0xff);
    case kTypeBlob:
      switch (c.meta) {
        case 1:
          return "TINYBLOB/TINYTEXT";
        case 2:
          return "BLOB/TEXT";
        case 3:
          return "MEDIUMBLOB/MEDIUMTEXT";
        case 4:
          return "LONGBLOB/LONGTEXT";
        default:
          return "";
      }
    case kTypeVarchar:
    case kTypeVarString:
      return Printf("VARSTRING(%d)", c.meta);
    case kTypeString:
      return Printf("STRING(%u)", c.max_length());
    case kTypeGeometry:
      return "GEOMETRY";
    default:
      return "";
  }
}

std::string BitString(uint64_t value, uint32_t nbits, uint32_t nbytes) {
  std::string out = "b'";
  for (uint32_t bitnum = nbytes * 8 - nbits; bitnum < nbytes * 8; bitnum++) {
    out += ((value >> (nbytes * 8 - 1 - bitnum)) & 1) ? '1' : '0';
  }
  out += '\'';
  return out;
}

// One non-NULL value, read from *r and appended to *out.
Status FormatValue(const ColumnSpec& c, ByteReader* r, std::string* out) {
  const uint8_t type = PrintType(c);
  if (type == kTypeEnum && (c.meta & 0xff) != 1 && (c.meta & 0xff) != 2) {
    return Status::Corruption(Printf("!! Unknown ENUM packlen=%d", c.meta & 0xff));
  }
  if (type == kTypeBlob && (c.meta < 1 || c.meta > 4)) {
    return Status::Corruption("!! Unknown BLOB packlen=0");
  }
  Value v;
  Status st = binlog::DecodeValue(c, r, &v);
  if (!st.ok()) {
    if (st.code() == Status::Code::kNotSupported) {
      return Status::NotSupported(Printf("Don't know how to handle column type: %d meta: %d (%04x)",
                                         c.type, c.meta, c.meta));
    }
    return st;
  }
  switch (type) {
    case kTypeTiny:
    case kTypeShort:
    case kTypeInt24:
    case kTypeLong: {
      const int64_t x = v.int_value();
      *out += std::to_string(x);
      if (x < 0) {
        const int width = type == kTypeTiny    ? 8
                          : type == kTypeShort ? 16
                          : type == kTypeInt24 ? 24
                                               : 32;
        *out += " (" + std::to_string(x + (int64_t{1} << width)) + ")";
      }
      return Status::Ok();
    }
    case kTypeLongLong: {
      const int64_t x = v.int_value();
      *out += std::to_string(x);
      if (x < 0) *out += " (" + std::to_string(static_cast<uint64_t>(x)) + ")";
      return Status::Ok();
    }
    case kTypeNewDecimal:
    case kTypeTimestamp2:
      *out += v.string_value();
      return Status::Ok();
    case kTypeFloat:
      *out += Printf("%-20g", v.double_value());
      return Status::Ok();
    case kTypeDouble:
      *out += Printf("%-.20g", v.double_value());
      return Status::Ok();
    case kTypeBit: {
      const uint32_t nbits = BitCount(c);
      *out += BitString(static_cast<uint64_t>(v.int_value()), nbits, (nbits + 7) / 8);
      return Status::Ok();
    }
    case kTypeTimestamp:
      *out += std::to_string(static_cast<int32_t>(std::stoul(v.string_value())));
      return Status::Ok();
    case kTypeDatetime:
    case kTypeDatetime2:
    case kTypeTime:
    case kTypeTime2:
      *out += QuoteValueBytes(v.string_value());
      return Status::Ok();
    case kTypeDate:
    case kTypeNewDate: {
      std::string d = v.string_value();
      for (char& ch : d) {
        if (ch == '-') ch = ':';
      }
      *out += "'" + d + "'";
      return Status::Ok();
    }
    case kTypeYear: {
      const int64_t y = v.int_value();
      *out += Printf("%04d", static_cast<int>(y == 0 ? 1900 : y));
      return Status::Ok();
    }
    case kTypeEnum:
      *out += std::to_string(v.int_value());
      return Status::Ok();
    case kTypeSet: {
      // The stored bytes (little-endian) printed in order, MSB first.
      const uint32_t n = c.meta & 0xff;
      const uint64_t mask = static_cast<uint64_t>(v.int_value());
      std::string s = "b'";
      for (uint32_t k = 0; k < n; k++) {
        const uint8_t byte = static_cast<uint8_t>(mask >> (8 * k));
        for (int b = 7; b >= 0; b--) s += ((byte >> b) & 1) ? '1' : '0';
      }
      *out += s + "'";
      return Status::Ok();
    }
    default:  // CHAR, VARCHAR, BLOB/TEXT, GEOMETRY
      *out += QuoteValueBytes(v.string_value());
      return Status::Ok();
  }
}

// One row image (print_verbose_one_row). `out` null: only consume it.
Status WalkImage(const std::vector<ColumnSpec>& specs, const std::vector<bool>& present,
                 const char* clause, int verbose, const TableMapEvent& tm, ByteReader* r,
                 std::string* out) {
  size_t npresent = 0;
  for (bool b : present) npresent += b ? 1 : 0;
  std::string_view null_bytes;
  RETURN_IF_ERROR(r->ReadBytes((npresent + 7) / 8, &null_bytes));
  if (out) *out += clause;
  size_t null_index = 0;
  for (size_t i = 0; i < specs.size(); i++) {
    if (i >= present.size() || !present[i]) continue;
    const bool is_null = (static_cast<uint8_t>(null_bytes[null_index / 8]) >> (null_index % 8)) & 1;
    null_index++;
    std::string value;
    if (is_null) {
      value = "NULL";
    } else {
      Status st = FormatValue(specs[i], r, &value);
      if (!st.ok()) {
        return Status(
            st.code() == Status::Code::kNotSupported
                ? Status::NotSupported("column @" + std::to_string(i + 1) + ": " + st.message())
                : Status::Corruption("column @" + std::to_string(i + 1) + ": " + st.message()));
      }
    }
    if (!out) continue;
    *out += "###   @";
    *out += std::to_string(i + 1);
    *out += '=';
    *out += value;
    if (verbose > 1) {
      *out += " /* " + TypeName(specs[i]) + " " +
              Printf("meta=%d nullable=%d is_null=%d ", specs[i].meta,
                     i < tm.nullable.size() && tm.nullable[i] ? 1 : 0, is_null ? 1 : 0) +
              "*/";
    }
    *out += '\n';
  }
  return Status::Ok();
}

bool AnySet(const std::vector<bool>& v) {
  for (bool b : v) {
    if (b) return true;
  }
  return false;
}

// Walks every row of `rows`, printing when `out` is set.
Status WalkRows(const RowsEvent& rows, const TableMapEvent& tm, int verbose, std::string* out,
                uint64_t* row_count) {
  const char* command = rows.is_write()    ? "INSERT INTO"
                        : rows.is_delete() ? "DELETE FROM"
                                           : "UPDATE";
  const char* clause1 = rows.is_write() ? "### SET\n" : "### WHERE\n";
  const std::string table = BacktickQuote(tm.db) + "." + BacktickQuote(tm.table);
  if (rows.is_write() && rows.rows.empty()) {
    (*row_count)++;
    if (out) *out += "### INSERT INTO " + table + " VALUES ()\n";
    return Status::Ok();
  }
  const std::vector<ColumnSpec> specs = RawSpecs(tm);
  ByteReader r(rows.rows);
  while (!r.empty()) {
    const size_t before = r.position();
    (*row_count)++;
    if (out) *out += std::string("### ") + command + " " + table + "\n";
    RETURN_IF_ERROR(WalkImage(specs, rows.columns_before, clause1, verbose, tm, &r, out));
    if (rows.is_update()) {
      if (!AnySet(rows.columns_after)) {
        if (out) *out += "### SET /* no columns */\n";
      } else {
        RETURN_IF_ERROR(WalkImage(specs, rows.columns_after, "### SET\n", verbose, tm, &r, out));
      }
    }
    if (r.position() == before) return Status::Corruption("rows event image with no columns");
  }
  return Status::Ok();
}

}  // namespace

std::string QuoteValueBytes(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() + 2);
  out += '\'';
  size_t run = 0;  // start of the current run of printable bytes
  for (size_t i = 0; i < bytes.size(); i++) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c > 0x1f) continue;
    out.append(bytes.substr(run, i - run));
    out += "\\x";
    out += kHex[c >> 4];
    out += kHex[c & 15];
    run = i + 1;
  }
  out.append(bytes.substr(run));
  out += '\'';
  return out;
}

Status PrintRowsVerbose(const RowsEvent& rows, const TableMapEvent* tm, int verbose,
                        std::string* out, uint64_t* row_count) {
  if (tm == nullptr) {
    *out += "### Row event for unknown table #" + std::to_string(rows.table_id);
    return Status::Ok();
  }
  return WalkRows(rows, *tm, verbose, out, row_count);
}

void CountRows(const RowsEvent& rows, const TableMapEvent* tm, uint64_t* row_count) {
  if (tm == nullptr) return;
  (void)WalkRows(rows, *tm, 0, nullptr, row_count);
}

}  // namespace relaydb::binlog_tool
