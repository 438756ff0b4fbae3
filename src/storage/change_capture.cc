// Row-change capture through sqlite3_preupdate_hook. See change_capture.h.
#include "storage/change_capture.h"

#include <cstring>

namespace relaydb::storage {
namespace {

void ToValue(sqlite3_value* v, Value* out, bool* is_blob) {
  *is_blob = false;
  if (v == nullptr) {
    *out = Value::Null();
    return;
  }
  switch (sqlite3_value_type(v)) {
    case SQLITE_INTEGER: *out = Value::Int(sqlite3_value_int64(v)); break;
    case SQLITE_FLOAT: *out = Value::Double(sqlite3_value_double(v)); break;
    case SQLITE_TEXT: {
      const unsigned char* p = sqlite3_value_text(v);
      int n = sqlite3_value_bytes(v);
      *out = Value::String(std::string(reinterpret_cast<const char*>(p), static_cast<size_t>(n)));
      break;
    }
    case SQLITE_BLOB: {
      const void* p = sqlite3_value_blob(v);
      int n = sqlite3_value_bytes(v);
      *out = Value::String(n > 0 ? std::string(static_cast<const char*>(p), static_cast<size_t>(n))
                                 : std::string());
      *is_blob = true;
      break;
    }
    default: *out = Value::Null(); break;
  }
}

}  // namespace

ChangeCapture::ChangeCapture(Connection* conn) : conn_(conn) {
  sqlite3_preupdate_hook(conn_->handle(), &ChangeCapture::Hook, this);
}

ChangeCapture::~ChangeCapture() { sqlite3_preupdate_hook(conn_->handle(), nullptr, nullptr); }

std::vector<RowChange> ChangeCapture::TakeChanges() {
  std::vector<RowChange> out;
  out.swap(changes_);
  return out;
}

void ChangeCapture::Hook(void* self, sqlite3* db, int op, const char* db_name, const char* table,
                         sqlite3_int64 key1, sqlite3_int64 key2) {
  static_cast<ChangeCapture*>(self)->OnChange(db, op, db_name, table, key1, key2);
}

void ChangeCapture::OnChange(sqlite3* db, int op, const char* db_name, const char* table,
                             int64_t key1, int64_t key2) {
  if (!enabled_) return;
  if (db_name == nullptr || std::strcmp(db_name, "main") != 0) return;
  if (table == nullptr || std::strchr(table, '.') == nullptr) return;
  RowChange rc;
  rc.table = table;
  int n = sqlite3_preupdate_count(db);
  bool want_old = op == SQLITE_UPDATE || op == SQLITE_DELETE;
  bool want_new = op == SQLITE_UPDATE || op == SQLITE_INSERT;
  switch (op) {
    case SQLITE_INSERT:
      rc.op = RowChange::Op::kInsert;
      rc.rowid_after = key2;
      break;
    case SQLITE_DELETE:
      rc.op = RowChange::Op::kDelete;
      rc.rowid_before = key1;
      break;
    case SQLITE_UPDATE:
      rc.op = RowChange::Op::kUpdate;
      rc.rowid_before = key1;
      rc.rowid_after = key2;
      break;
    default: return;
  }
  if (want_old) {
    rc.before.resize(n);
    rc.before_is_blob.resize(n);
    for (int i = 0; i < n; i++) {
      sqlite3_value* v = nullptr;
      sqlite3_preupdate_old(db, i, &v);
      bool blob;
      ToValue(v, &rc.before[i], &blob);
      rc.before_is_blob[i] = blob;
    }
  }
  if (want_new) {
    rc.after.resize(n);
    rc.after_is_blob.resize(n);
    for (int i = 0; i < n; i++) {
      sqlite3_value* v = nullptr;
      sqlite3_preupdate_new(db, i, &v);
      bool blob;
      ToValue(v, &rc.after[i], &blob);
      rc.after_is_blob[i] = blob;
    }
  }
  changes_.push_back(std::move(rc));
}

}  // namespace relaydb::storage
