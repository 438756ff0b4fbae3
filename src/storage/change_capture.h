// Row-change capture through SQLite's pre-update hook: the row images
// (before, after) the binlog's ROW format needs (docs/architecture.md,
// "Binary log hand-off").
//
// While enabled, every INSERT, UPDATE and DELETE on a table of the "main"
// schema whose name contains a '.' (user tables are "db.t"; relaydb's
// internal tables are named rdb_* and are ignored, as are temp tables) is
// appended to a buffer as a RowChange with full images of all columns in
// table column order. The SQL layer drains the buffer per statement or per
// transaction (TakeChanges), and discards the changes of a failed statement
// or of a ROLLBACK TO SAVEPOINT with MarkSavepoint()/RollbackToMark().
//
// Findings (verified by storage_test.cc on Debian's SQLite 3.40.1):
//  * INSERT OR REPLACE / REPLACE INTO: each row removed by REPLACE conflict
//    resolution is reported as its own DELETE (full before image) *before*
//    the INSERT of the new row, in that order. MySQL's binlog for REPLACE
//    logs such a statement as Delete_rows + Write_rows (or, for InnoDB when
//    the conflicting row is the last one, an Update_rows); relaydb may log the
//    delete + insert pair, which a replica applies to the same result.
//  * INSERT ... ON CONFLICT DO UPDATE (upsert): the conflicting row is
//    reported as a single UPDATE with before and after images (no INSERT and
//    no DELETE), like MySQL's INSERT ... ON DUPLICATE KEY UPDATE.
//    If the DO UPDATE leaves the row unchanged it is still reported as an
//    UPDATE with equal images (MySQL logs nothing then; the SQL layer may
//    drop RowChanges whose images are equal).
//  * DELETE without WHERE: SQLite disables its truncate optimization while a
//    pre-update hook is registered, so each row is reported.
//  * UPDATE: rowid_before == rowid_after unless the rowid itself changed.
//  * DROP TABLE and the SQLite side of DDL report nothing.
//
// Threading: a ChangeCapture belongs to one Connection and is used on that
// connection's thread. Only one ChangeCapture (one pre-update hook) may be
// attached to a connection at a time.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <vector>

#include "common/value.h"
#include "storage/sqlite_db.h"

namespace relaydb::storage {

struct RowChange {
  enum class Op : uint8_t { kInsert, kUpdate, kDelete };
  Op op = Op::kInsert;
  std::string table;  // SQLite table name, "db.t"
  int64_t rowid_before = 0;  // DELETE/UPDATE
  int64_t rowid_after = 0;   // INSERT/UPDATE
  // Full images in table column order, by SQLite storage class: INTEGER →
  // Int, REAL → Double, TEXT and BLOB → String, NULL → Null. The SQL layer
  // turns them into MySQL values by the TableDef (types.h StoredToValue).
  std::vector<Value> before;  // DELETE/UPDATE
  std::vector<Value> after;   // INSERT/UPDATE
  // For TEXT vs BLOB cells: bit i set when before[i]/after[i] was a BLOB.
  std::vector<bool> before_is_blob;
  std::vector<bool> after_is_blob;
};

class ChangeCapture {
 public:
  // Registers the pre-update hook on `conn`, which must outlive this object.
  // Capture starts disabled.
  explicit ChangeCapture(Connection* conn);
  // Unregisters the hook.
  ~ChangeCapture();
  ChangeCapture(const ChangeCapture&) = delete;
  ChangeCapture& operator=(const ChangeCapture&) = delete;

  void Enable() { enabled_ = true; }
  void Disable() { enabled_ = false; }
  bool enabled() const { return enabled_; }

  // The changes captured since the last TakeChanges/Clear, oldest first;
  // the buffer is left empty.
  std::vector<RowChange> TakeChanges();
  const std::vector<RowChange>& changes() const { return changes_; }
  size_t size() const { return changes_.size(); }
  void Clear() { changes_.clear(); }

  // A mark for the current end of the buffer (e.g. at the start of a
  // statement or at SAVEPOINT); RollbackToMark(mark) discards everything
  // captured after it. A mark larger than the buffer is ignored.
  size_t MarkSavepoint() const { return changes_.size(); }
  void RollbackToMark(size_t mark) {
    if (mark < changes_.size()) changes_.resize(mark);
  }

 private:
  static void Hook(void* self, sqlite3* db, int op, const char* db_name, const char* table,
                   sqlite3_int64 key1, sqlite3_int64 key2);
  void OnChange(sqlite3* db, int op, const char* db_name, const char* table, int64_t key1,
                int64_t key2);

  Connection* conn_;
  bool enabled_ = false;
  std::vector<RowChange> changes_;
};

}  // namespace relaydb::storage
