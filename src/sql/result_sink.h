// Where the executor sends a statement's outcome: a result set (columns,
// rows) or an OK. The server's session implements it over the wire; tests
// and the replica applier implement it in memory.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/mysql_types.h"
#include "common/status.h"
#include "common/value.h"

namespace relaydb::sql {

struct OkResult {
  uint64_t affected_rows = 0;
  uint64_t last_insert_id = 0;
  std::string info;  // "Records: 3  Duplicates: 0  Warnings: 0", "Rows matched: ..."
};

class ResultSink {
 public:
  virtual ~ResultSink() = default;
  // Rows are typed for the binary protocol (COM_STMT_EXECUTE) when true.
  virtual bool binary_protocol() const { return false; }
  virtual Status BeginResultSet(const std::vector<ColumnMeta>& columns) = 0;
  virtual Status Row(const std::vector<Value>& row) = 0;
  virtual Status EndResultSet() = 0;
  virtual Status Ok(const OkResult& ok) = 0;
};

// Collects everything in memory (tests, internal queries).
class CollectingSink : public ResultSink {
 public:
  Status BeginResultSet(const std::vector<ColumnMeta>& columns) override {
    columns_ = columns;
    has_result_set_ = true;
    return Status::Ok();
  }
  Status Row(const std::vector<Value>& row) override {
    rows_.push_back(row);
    return Status::Ok();
  }
  Status EndResultSet() override { return Status::Ok(); }
  Status Ok(const OkResult& ok) override {
    ok_ = ok;
    return Status::Ok();
  }
  const std::vector<ColumnMeta>& columns() const { return columns_; }
  const std::vector<std::vector<Value>>& rows() const { return rows_; }
  const OkResult& ok() const { return ok_; }
  bool has_result_set() const { return has_result_set_; }

 private:
  std::vector<ColumnMeta> columns_;
  std::vector<std::vector<Value>> rows_;
  OkResult ok_;
  bool has_result_set_ = false;
};

}  // namespace relaydb::sql
