// BinlogEncoder: turns a committed transaction (binlog_hook.h
// TransactionLog) into the events of one binary log event group, laid out
// as MariaDB 10.11 writes them (docs/binlog_format.md, "Event groups"):
//
//   DML   Gtid(BEGIN) { Annotate_rows Table_map.. Rows.. | [Intvar Rand User_var..] Query }.. Xid
//   DDL   Gtid(standalone, DDL) Query
//
// Each statement is logged in the binlog_format it ran under: ROW logs its
// row images (a statement that changed no row logs nothing), STATEMENT its
// text with the session context, MIXED its text unless IsUnsafeForStatement
// says a replica could not replay it identically (then its rows).
//
// Not thread-safe: the binary log calls it with the write lock held.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "binlog/column_spec.h"
#include "binlog/event_format.h"
#include "common/status.h"
#include "sql/binlog_hook.h"
#include "sql/schema.h"

namespace relaydb::sql {

struct EncodedGroup {
  std::vector<std::string> events;  // complete events (checksummed per the alg)
  bool empty() const { return events.empty(); }
};

class BinlogEncoder {
 public:
  explicit BinlogEncoder(binlog::ChecksumAlg alg) : alg_(alg) {}

  // The group for `txn` with GTID domain-server-seq_no and `xid`. An empty
  // group when nothing of the transaction is logged (ROW statements that
  // changed no row).
  Result<EncodedGroup> Encode(const TransactionLog& txn, uint32_t domain_id, uint64_t seq_no,
                              uint64_t xid);

  // The Table_map description of `def` (column types, charsets).
  static Result<binlog::TableDescription> Describe(const TableDef& def);
  // A stored-form value (types.h) as row_codec.h takes it: ENUM/SET labels
  // become their index/bitmask, TIMESTAMP's UTC text its epoch seconds,
  // latin1/ascii text its single-byte encoding (the rest of the text is
  // UTF-8 already).
  static Result<Value> ToBinlogValue(const ColumnDef& col, const Value& stored,
                                     std::string_view table_collation = {});

  // MIXED: true when `query` calls something a replica would evaluate
  // differently (RAND(), UUID(), USER(), SYSDATE(), ... or UPDATE/DELETE
  // with LIMIT), so its rows are logged instead.
  static bool IsUnsafeForStatement(const std::string& query);

 private:
  struct TableEntry {
    // Held so that a new definition can never reuse the address of this one.
    std::shared_ptr<const TableDef> def;
    uint64_t id = 0;
    std::string table_map;  // encoded body
    std::vector<binlog::ColumnSpec> specs;
    uint8_t row_metadata = 0;  // binlog_row_metadata the Table_map was built with
  };
  Result<TableEntry*> TableFor(const std::shared_ptr<const TableDef>& def, uint8_t row_metadata);
  std::string Event(uint8_t type, uint32_t timestamp, uint32_t server_id, uint16_t flags,
                    const std::string& body) const;

  const binlog::ChecksumAlg alg_;
  std::map<std::string, TableEntry> tables_;  // by "db\0name"
  uint64_t next_table_id_ = 18;
};

}  // namespace relaydb::sql
