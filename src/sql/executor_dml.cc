// INSERT / REPLACE / UPDATE / DELETE. See executor.h.
//
// Values reach storage through CoerceToStored (types.h), so MySQL's strict
// mode, rounding and errors apply exactly: INSERT coerces in C++ before
// binding; UPDATE wraps each assigned expression in rdb_store(expr, slot), a
// function the session registers that calls CoerceToStored for the column
// in `slot` while SQLite runs the UPDATE (one pass over the rows).
#include <sqlite3.h>

#include <algorithm>
#include <set>

#include "sql/executor.h"
#include "sql/types.h"

namespace relaydb::sql {
namespace {

std::string Quote(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

bool IEq(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); i++)
    if (tolower(static_cast<unsigned char>(a[i])) != tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

// A marker for DEFAULT in a VALUES list.
struct InputCell {
  bool is_default = false;
  Value value;
};

// The Duplicate entry message for the unique index whose columns SQLite
// reported, using the row's stored values.
Status DuplicateEntry(const TableDef& def, const std::vector<std::string>& cols,
                      const std::vector<Value>& row) {
  const IndexDef* hit = nullptr;
  for (const auto& idx : def.indexes) {
    if (idx.kind != IndexKind::kPrimary && idx.kind != IndexKind::kUnique) continue;
    if (idx.columns.size() != cols.size()) continue;
    bool same = true;
    for (size_t i = 0; i < cols.size(); i++) same &= IEq(idx.columns[i].name, cols[i]);
    if (same) {
      hit = &idx;
      break;
    }
  }
  std::string entry;
  for (size_t i = 0; i < cols.size(); i++) {
    int ci = def.FindColumn(cols[i]);
    if (i > 0) entry += "-";
    if (ci >= 0 && ci < static_cast<int>(row.size())) {
      Value v = StoredToValue(def.columns[ci], row[ci], ValueForm::kText);
      entry += v.is_null() ? "NULL" : v.ToText();
    }
  }
  std::string key = hit ? hit->name : (cols.empty() ? "PRIMARY" : cols[0]);
  return Status::SqlError(1062, "23000", "Duplicate entry '" + entry + "' for key '" + key + "'");
}

}  // namespace

Status Session::MapSqliteError(const Status& s, const TableDef* table, const std::vector<Value>* row) {
  if (!function_error_.ok()) {
    Status e = function_error_;
    function_error_ = Status::Ok();
    return e;
  }
  const storage::SqliteError& err = conn_->last_error();
  if (err.IsConstraint() && table != nullptr) {
    storage::ConstraintInfo ci;
    std::string st = SqliteTableName(table->db, table->name);
    if (storage::ParseConstraintMessage(err.message, st, &ci)) {
      if (err.IsUniqueViolation()) {
        if (row != nullptr) return DuplicateEntry(*table, ci.columns, *row);
        return Status::SqlError(1062, "23000", "Duplicate entry for key '" +
                                                   (ci.columns.empty() ? std::string("PRIMARY") : ci.columns[0]) + "'");
      }
      if (err.IsNotNullViolation() && !ci.columns.empty()) return ColumnCannotBeNull(ci.columns[0]);
    }
  }
  if (s.IsSqlError()) return s;
  return Status::SqlError(1105, "HY000", "Unknown error: " + s.message());
}

Status Executor::FinishWrite(const std::string& kind, uint64_t affected, uint64_t insert_id,
                             const std::string& info) {
  s_->row_count_ = static_cast<int64_t>(affected);
  return SendOk(affected, insert_id, info);
}

Status Executor::AppendOrderLimit(Translator* tr, const std::vector<ScopeTable>& scope,
                                  const std::vector<OrderItem>& order_by, const std::optional<LimitClause>& limit,
                                  std::string* sql) {
  if (!order_by.empty()) {
    std::string ob;
    for (const auto& o : order_by) {
      ExprType et;
      ASSIGN_OR_RETURN(std::string e, tr->TranslateExpr(*o.expr, scope, "ORDER BY", &et));
      ob += (ob.empty() ? "" : ", ") + e + (o.descending ? " DESC" : "");
    }
    *sql += " ORDER BY " + ob;
  }
  if (limit) {
    ASSIGN_OR_RETURN(Value n, EvalConstant(*limit->count));
    *sql += " LIMIT " + n.ToText();
  } else if (!order_by.empty()) {
    *sql += " LIMIT -1";  // SQLite's UPDATE/DELETE accept ORDER BY only with a LIMIT
  }
  return Status::Ok();
}

// ---------------------------------------------------------------------------
// INSERT / REPLACE

Status Executor::Insert(const InsertStmt& st) {
  RETURN_IF_ERROR(CheckReadOnly());
  ASSIGN_OR_RETURN(auto def, RequireTable(st.table));
  PrivMask want = kInsertAcl | (st.replace ? kDeleteAcl : 0) | (st.on_duplicate.empty() ? 0 : kUpdateAcl);
  RETURN_IF_ERROR(CheckTablePriv(want, def->db, def->name, st.replace ? "REPLACE" : "INSERT"));
  const TableDef& t = *def;
  const size_t ncols = t.columns.size();

  // Which table column each input position fills.
  std::vector<int> target;
  auto add_target = [&](const std::string& name) -> Status {
    int ci = t.FindColumn(name);
    if (ci < 0) return Status::SqlError(1054, "42S22", "Unknown column '" + name + "' in 'INSERT INTO'");
    if (std::find(target.begin(), target.end(), ci) != target.end())
      return Status::SqlError(1110, "42000", "Column '" + t.columns[ci].name + "' specified twice");
    target.push_back(ci);
    return Status::Ok();
  };
  if (st.source == InsertStmt::Source::kSet) {
    for (const auto& a : st.set) RETURN_IF_ERROR(add_target(a.column->name));
  } else if (st.has_column_list) {
    for (const auto& c : st.columns) RETURN_IF_ERROR(add_target(c));
  } else {
    for (size_t i = 0; i < ncols; i++) target.push_back(static_cast<int>(i));
  }

  // Collect input rows. In strict mode a warning while computing a value
  // (1365 division by zero, ...) is the statement's error.
  s_->abort_on_warning_ = !st.ignore && (s_->SqlMode() & (kModeStrictTransTables | kModeStrictAllTables)) != 0;
  std::vector<std::vector<InputCell>> inputs;
  auto eval = [&](const Expr& e, InputCell* cell) -> Status {
    if (e.kind == ExprKind::kDefault && e.args.empty()) {
      cell->is_default = true;
      return Status::Ok();
    }
    ASSIGN_OR_RETURN(cell->value, EvalConstant(e, "VALUES"));
    return Status::Ok();
  };
  if (st.source == InsertStmt::Source::kValues) {
    inputs.reserve(st.rows.size());
    for (size_t r = 0; r < st.rows.size(); r++) {
      const auto& row = st.rows[r];
      if (row.size() != target.size() && !(row.empty() && !st.has_column_list && false))
        if (!(row.empty() && target.size() == ncols && !st.has_column_list) || !row.empty())
          return Status::SqlError(1136, "21S01", "Column count doesn't match value count at row " +
                                                     std::to_string(r + 1));
      std::vector<InputCell> cells(row.size());
      for (size_t i = 0; i < row.size(); i++) RETURN_IF_ERROR(eval(*row[i], &cells[i]));
      if (row.empty()) cells.clear();
      inputs.push_back(std::move(cells));
    }
  } else if (st.source == InsertStmt::Source::kSet) {
    std::vector<InputCell> cells(st.set.size());
    for (size_t i = 0; i < st.set.size(); i++) RETURN_IF_ERROR(eval(*st.set[i].value, &cells[i]));
    inputs.push_back(std::move(cells));
  } else {
    Translator tr(s_->MakeEnv(params_), sql_);
    ASSIGN_OR_RETURN(TranslatedQuery q, tr.TranslateQuery(*st.select));
    if (q.columns.size() != target.size())
      return Status::SqlError(1136, "21S01", "Column count doesn't match value count at row 1");
    RETURN_IF_ERROR(s_->EnsureSqliteTxn());
    storage::Statement stmt;
    RETURN_IF_ERROR(s_->conn_->Prepare(q.sql, &stmt));
    for (size_t i = 0; i < q.binds.size(); i++) RETURN_IF_ERROR(stmt.BindValue(static_cast<int>(i + 1), q.binds[i]));
    bool has_row = false;
    while (true) {
      Status st2 = stmt.Step(&has_row);
      if (!st2.ok()) return s_->MapSqliteError(st2, nullptr, nullptr);
      if (!has_row) break;
      std::vector<InputCell> cells(q.columns.size());
      for (size_t i = 0; i < q.columns.size(); i++)
        cells[i].value = DecodeOutput(q.columns[i], stmt.handle(), static_cast<int>(i), true);
      inputs.push_back(std::move(cells));
    }
  }

  RETURN_IF_ERROR(s_->BeginWrite());

  // INSERT [OR REPLACE] INTO "db.t" (all columns) VALUES (?, ...)
  std::string sqlt = st.replace ? "INSERT OR REPLACE INTO " : "INSERT INTO ";
  sqlt += Quote(SqliteTableName(t.db, t.name)) + " (";
  for (size_t i = 0; i < ncols; i++) sqlt += (i ? ", " : "") + Quote(t.columns[i].name);
  sqlt += ") VALUES (";
  for (size_t i = 0; i < ncols; i++) sqlt += i ? ", ?" : "?";
  sqlt += ")";
  storage::Statement ins;
  RETURN_IF_ERROR(s_->conn_->Prepare(sqlt, &ins));

  uint64_t sql_mode = s_->SqlMode();
  bool multi_row = inputs.size() > 1 || st.source == InsertStmt::Source::kSelect;
  std::string now = s_->NowText(6);
  CoerceContext ctx;
  ctx.time_zone = s_->vars().hot().time_zone;  // TIMESTAMP input is in the session zone
  ctx.sql_mode = sql_mode;
  ctx.ignore = st.ignore;
  ctx.db = t.db;
  ctx.table = t.name;
  ctx.warnings = &s_->warnings_;
  ctx.null_becomes_default = multi_row || st.ignore;
  ctx.now = now;
  s_->abort_on_warning_ = ctx.strict();

  uint64_t affected = 0, duplicates = 0, first_generated = 0, records = 0, odku_id = 0, first_explicit = 0;
  bool generated_any = false;
  std::vector<Value> row(ncols);
  std::vector<bool> provided(ncols);
  for (size_t r = 0; r < inputs.size(); r++) {
    ctx.row = r + 1;
    std::fill(provided.begin(), provided.end(), false);
    const auto& cells = inputs[r];
    for (size_t i = 0; i < cells.size(); i++) {
      int ci = target[i];
      provided[ci] = true;
      const ColumnDef& col = t.columns[ci];
      if (cells[i].is_default) {
        ASSIGN_OR_RETURN(row[ci], DefaultFor(col, ctx));
      } else if (cells[i].value.is_null() && col.auto_increment) {
        row[ci] = Value::Null();
      } else {
        ASSIGN_OR_RETURN(row[ci], CoerceToStored(col, cells[i].value, ctx));
      }
    }
    for (size_t ci = 0; ci < ncols; ci++) {
      if (provided[ci]) continue;
      ASSIGN_OR_RETURN(row[ci], DefaultFor(t.columns[ci], ctx));
    }
    // AUTO_INCREMENT.
    for (size_t ci = 0; ci < ncols; ci++) {
      const ColumnDef& col = t.columns[ci];
      if (!col.auto_increment) continue;
      bool zero = false;
      if (row[ci].kind() == Value::Kind::kInt) zero = row[ci].int_value() == 0;
      else if (row[ci].kind() == Value::Kind::kString) zero = row[ci].string_value() == "0";
      if (row[ci].is_null() || (zero && !(sql_mode & kModeNoAutoValueOnZero))) {
        ASSIGN_OR_RETURN(uint64_t next, s_->engine_->catalog().ReserveAutoIncrement(*s_->conn_, t, 1));
        uint64_t inc = s_->vars().hot().auto_increment_increment, off = s_->vars().hot().auto_increment_offset;
        if (inc > 1) {
          // MySQL: the smallest value >= next of the form offset + k * increment.
          if (off > inc) off = 1;
          uint64_t aligned = next <= off ? off : off + ((next - off + inc - 1) / inc) * inc;
          if (aligned != next) RETURN_IF_ERROR(s_->engine_->catalog().NoteAutoIncrementValue(*s_->conn_, t, aligned));
          next = aligned;
        }
        row[ci] = col.type.base == BaseType::kBigInt && col.type.is_unsigned
                      ? Value::String(std::to_string(next))
                      : Value::Int(static_cast<int64_t>(next));
        if (!generated_any) first_generated = next;
        generated_any = true;
      } else {
        uint64_t v = row[ci].kind() == Value::Kind::kInt ? static_cast<uint64_t>(row[ci].int_value())
                                                         : strtoull(row[ci].string_value().c_str(), nullptr, 10);
        // The OK packet reports an explicit AUTO_INCREMENT value too.
        if (first_explicit == 0) first_explicit = v;
        RETURN_IF_ERROR(s_->engine_->catalog().NoteAutoIncrementValue(*s_->conn_, t, v));
      }
    }

    for (size_t ci = 0; ci < ncols; ci++) RETURN_IF_ERROR(BindStored(ins, static_cast<int>(ci + 1), t.columns[ci], row[ci]));
    size_t mark = s_->capture_->MarkSavepoint();
    Status rs = ins.Run();
    ins.Reset();
    if (rs.ok()) {
      records++;
      if (st.replace) {
        uint64_t deleted = 0;
        for (size_t k = mark; k < s_->capture_->changes().size(); k++)
          if (s_->capture_->changes()[k].op == storage::RowChange::Op::kDelete) deleted++;
        affected += 1 + deleted;
        duplicates += deleted ? 1 : 0;
      } else {
        affected += 1;
      }
      continue;
    }
    Status mapped = s_->MapSqliteError(rs, &t, &row);
    if (mapped.mysql_errno() != 1062) return mapped;
    if (!st.on_duplicate.empty()) {
      // Find the conflicting row through the reported unique key.
      storage::ConstraintInfo info;
      storage::ParseConstraintMessage(s_->conn_->last_error().message, SqliteTableName(t.db, t.name), &info);
      std::string find = "SELECT rowid FROM " + Quote(SqliteTableName(t.db, t.name)) + " WHERE ";
      std::vector<int> key_cols;
      for (size_t k = 0; k < info.columns.size(); k++) {
        int ci = t.FindColumn(info.columns[k]);
        key_cols.push_back(ci);
        find += (k ? " AND " : "") + Quote(t.columns[ci].name) + " = ?";
      }
      storage::Statement fs;
      RETURN_IF_ERROR(s_->conn_->Prepare(find, &fs));
      for (size_t k = 0; k < key_cols.size(); k++)
        RETURN_IF_ERROR(BindStored(fs, static_cast<int>(k + 1), t.columns[key_cols[k]], row[key_cols[k]]));
      bool has = false;
      RETURN_IF_ERROR(fs.Step(&has));
      if (!has) return mapped;
      int64_t rowid = fs.ColumnInt64(0);
      fs.Reset();
      // UPDATE ... SET a = rdb_store(expr, slot) WHERE rowid = ?
      Translator tr(s_->MakeEnv(params_), sql_);
      std::vector<ScopeTable> scope{Translator::BaseTable(def, t.name, "rdb_u")};
      std::vector<Value> new_row = row;
      tr.values_func = [&](const std::string& c) -> std::string {
        int ci = t.FindColumn(c);
        if (ci < 0) return "";
        return tr.binds().push_back(StoredToValue(t.columns[ci], new_row[ci], ValueForm::kTyped)),
               "?" + std::to_string(tr.binds().size());
      };
      std::string upd = "UPDATE " + Quote(SqliteTableName(t.db, t.name)) + " AS \"rdb_u\" SET ";
      s_->store_slots_.clear();
      for (size_t k = 0; k < st.on_duplicate.size(); k++) {
        const Assignment& a = st.on_duplicate[k];
        int ci = t.FindColumn(a.column->name);
        if (ci < 0) return Status::SqlError(1054, "42S22", "Unknown column '" + a.column->name + "' in 'SELECT'");
        ExprType et;
        ASSIGN_OR_RETURN(std::string v, tr.TranslateExpr(*a.value, scope, "SELECT", &et));
        s_->store_slots_.push_back(&t.columns[ci]);
        upd += (k ? ", " : "") + Quote(t.columns[ci].name) + " = rdb_store(" + v + ", " +
               std::to_string(s_->store_slots_.size() - 1) + ")";
      }
      upd += " WHERE rowid = " + std::to_string(rowid);
      s_->store_ctx_ = ctx;
      storage::Statement us;
      RETURN_IF_ERROR(s_->conn_->Prepare(upd, &us));
      for (size_t k = 0; k < tr.binds().size(); k++) RETURN_IF_ERROR(us.BindValue(static_cast<int>(k + 1), tr.binds()[k]));
      size_t umark = s_->capture_->MarkSavepoint();
      Status ust = us.Run();
      if (!ust.ok()) return s_->MapSqliteError(ust, &t, nullptr);
      bool changed = false;
      for (size_t k = umark; k < s_->capture_->changes().size(); k++) {
        const auto& c = s_->capture_->changes()[k];
        if (c.op == storage::RowChange::Op::kUpdate && !(c.before == c.after)) changed = true;
      }
      if (!changed) s_->capture_->RollbackToMark(umark);
      affected += changed ? 2 : 0;
      duplicates++;
      // The OK packet reports the AUTO_INCREMENT value of the updated row.
      for (size_t ci = 0; ci < ncols; ci++) {
        if (!t.columns[ci].auto_increment) continue;
        auto v = s_->conn_->QueryValue("SELECT " + Quote(t.columns[ci].name) + " FROM " +
                                           Quote(SqliteTableName(t.db, t.name)) + " WHERE rowid = ?",
                                       {Value::Int(rowid)});
        if (v.ok() && v->kind() == Value::Kind::kInt) odku_id = static_cast<uint64_t>(v->int_value());
      }
      continue;
    }
    if (st.ignore) {
      s_->AddWarning(SqlWarning::Level::kWarning, 1062, mapped.message());
      duplicates++;
      continue;
    }
    return mapped;
  }
  s_->abort_on_warning_ = false;
  uint64_t insert_id = odku_id != 0 ? odku_id : first_explicit;
  if (generated_any) {
    s_->last_insert_id_ = first_generated;
    insert_id = first_generated;
    s_->stmt_log_.has_insert_id = true;
    s_->stmt_log_.insert_id = first_generated;
  }
  std::string info;
  if (inputs.size() > 1 || st.source == InsertStmt::Source::kSelect) {
    info = "Records: " + std::to_string(inputs.size()) + "  Duplicates: " + std::to_string(duplicates) +
           "  Warnings: " + std::to_string(s_->warnings_.size());
  }
  s_->CollectChanges(def);
  LogStatement(false);
  return FinishWrite("insert", affected, insert_id, info);
}

// ---------------------------------------------------------------------------
// UPDATE

Status Executor::Update(const UpdateStmt& st) {
  // Multi-table UPDATE, and UPDATE IGNORE (which skips rows that would
  // break a unique key, with a warning each), update row by row.
  // ORDER BY as well: SQLite does not apply an UPDATE in ORDER BY order.
  if (st.IsMultiTable() || st.ignore || !st.order_by.empty()) return UpdateMulti(st);
  RETURN_IF_ERROR(CheckReadOnly());
  ASSIGN_OR_RETURN(auto def, RequireTable(st.tables[0]->table));
  RETURN_IF_ERROR(CheckTablePriv(kUpdateAcl, def->db, def->name, "UPDATE"));
  const TableDef& t = *def;
  std::string alias = st.tables[0]->alias.empty() ? t.name : st.tables[0]->alias;
  Translator tr(s_->MakeEnv(params_), sql_);
  std::vector<ScopeTable> scope{Translator::BaseTable(def, alias, "rdb_u")};

  std::string sql = "UPDATE " + Quote(SqliteTableName(t.db, t.name)) + " AS \"rdb_u\" SET ";
  s_->store_slots_.clear();
  std::vector<bool> assigned(t.columns.size());
  std::vector<std::string> set_sql;
  // MySQL assigns left to right: a later expression reads the new value of
  // a column assigned before it.
  std::vector<std::string> new_value(t.columns.size());
  tr.column_override = [&](const ScopeTable& table, int ci) -> std::string {
    if (table.def != def || ci < 0 || new_value[ci].empty()) return "";
    return new_value[ci];
  };
  for (size_t k = 0; k < st.set.size(); k++) {
    const Assignment& a = st.set[k];
    if (!a.column->table.empty() && a.column->table != alias)
      return Status::SqlError(1054, "42S22", "Unknown column '" + a.column->table + "." + a.column->name + "' in 'SET'");
    int ci = t.FindColumn(a.column->name);
    if (ci < 0) return Status::SqlError(1054, "42S22", "Unknown column '" + a.column->name + "' in 'SET'");
    std::string v;
    if (a.value->kind == ExprKind::kDefault && a.value->args.empty()) {
      CoerceContext dctx;
      dctx.time_zone = s_->vars().hot().time_zone;
      dctx.sql_mode = s_->SqlMode();
      std::string now = s_->NowText(6);
      dctx.now = now;
      ASSIGN_OR_RETURN(Value dv, DefaultFor(t.columns[ci], dctx));
      tr.binds().push_back(dv);
      v = "?" + std::to_string(tr.binds().size());
    } else {
      ExprType et;
      ASSIGN_OR_RETURN(v, tr.TranslateExpr(*a.value, scope, "SET", &et));
    }
    s_->store_slots_.push_back(&t.columns[ci]);
    assigned[ci] = true;
    set_sql.push_back(v);
    std::string slot = std::to_string(s_->store_slots_.size() - 1);
    sql += (k ? ", " : "") + Quote(t.columns[ci].name) + " = rdb_store(" + v + ", " + slot + ")";
    new_value[ci] = "rdb_store(" + v + ", " + slot + ", 1)";
  }
  tr.column_override = nullptr;  // WHERE / ORDER BY read the old row
  // ON UPDATE CURRENT_TIMESTAMP columns change when the row does. SQLite
  // evaluates every SET expression against the old row, so the row changes
  // iff some assigned slot's value differs from the column's old value.
  std::string any_changed;
  for (size_t k = 0; k < st.set.size(); k++) {
    const ColumnDef* c = s_->store_slots_[k];
    // rdb_store(v, slot, 1): the same coercion, without warnings or errors.
    any_changed += (any_changed.empty() ? "" : " OR ") + std::string("rdb_store(") + set_sql[k] + ", " +
                   std::to_string(k) + ", 1) IS NOT " + Quote(c->name);
  }
  for (size_t ci = 0; ci < t.columns.size(); ci++) {
    if (!t.columns[ci].on_update_current_timestamp || assigned[ci] || any_changed.empty()) continue;
    int fsp = t.columns[ci].type.decimals < 0 ? 0 : t.columns[ci].type.decimals;
    // Bound as stored: TIMESTAMP in UTC, DATETIME in the session's zone.
    tr.binds().push_back(Value::String(s_->NowText(fsp, t.columns[ci].type.base == BaseType::kTimestamp)));
    sql += ", " + Quote(t.columns[ci].name) + " = CASE WHEN " + any_changed + " THEN ?" +
           std::to_string(tr.binds().size()) + " ELSE " + Quote(t.columns[ci].name) + " END";
  }
  if (st.where) {
    ExprType et;
    ASSIGN_OR_RETURN(std::string w, tr.TranslateExpr(*st.where, scope, "WHERE", &et));
    sql += " WHERE " + w;
  }
  RETURN_IF_ERROR(AppendOrderLimit(&tr, scope, st.order_by, st.limit, &sql));

  RETURN_IF_ERROR(s_->BeginWrite());
  s_->store_last_.clear();
  CoerceContext ctx;
  ctx.time_zone = s_->vars().hot().time_zone;  // TIMESTAMP input is in the session zone
  ctx.sql_mode = s_->SqlMode();
  ctx.ignore = st.ignore;
  ctx.db = t.db;
  ctx.table = t.name;
  ctx.warnings = &s_->warnings_;
  ctx.null_becomes_default = true;
  s_->store_ctx_ = ctx;
  s_->store_row_ = 0;
  s_->abort_on_warning_ = ctx.strict();
  storage::Statement us;
  RETURN_IF_ERROR(s_->conn_->Prepare(sql, &us));
  for (size_t k = 0; k < tr.binds().size(); k++) RETURN_IF_ERROR(us.BindValue(static_cast<int>(k + 1), tr.binds()[k]));
  size_t mark = s_->capture_->MarkSavepoint();
  Status rs = us.Run();
  s_->abort_on_warning_ = false;
  if (!rs.ok()) {
    s_->capture_->RollbackToMark(mark);
    // The failing row's new key values are the last ones rdb_store made.
    std::vector<Value> row(t.columns.size());
    for (size_t k = 0; k < s_->store_slots_.size() && k < s_->store_last_.size(); k++)
      row[s_->store_slots_[k] - &t.columns[0]] = s_->store_last_[k];
    return s_->MapSqliteError(rs, &t, &row);
  }
  uint64_t matched = static_cast<uint64_t>(s_->conn_->changes());
  // Drop captured updates that changed nothing (MySQL neither counts nor logs them).
  (void)mark;
  uint64_t changed = s_->CollectChanges(def);
  std::string info = "Rows matched: " + std::to_string(matched) + "  Changed: " + std::to_string(changed) +
                     "  Warnings: " + std::to_string(s_->warnings_.size());
  s_->found_rows_ = matched;
  LogStatement(false);
  return FinishWrite("update", s_->client_found_rows_ ? matched : changed, 0, info);
}

Status Executor::UpdateMulti(const UpdateStmt& st) {
  // UPDATE t1 JOIN t2 ... SET t1.a = t2.b WHERE ...: MySQL reads every
  // matched row of the join first, then updates each target row once (the
  // first match wins). So: one SELECT of the targets' rowids and new
  // values over the join, then an UPDATE by rowid per target row.
  RETURN_IF_ERROR(CheckReadOnly());
  Translator tr(s_->MakeEnv(params_), sql_);
  std::vector<ScopeTable> tables;
  ASSIGN_OR_RETURN(std::string from, tr.TranslateFromList(st.tables, &tables));
  struct Target {
    size_t table;                 // index in `tables`
    std::vector<int> columns;     // assigned columns
    std::vector<size_t> values;   // select-list positions of their values
  };
  std::vector<Target> targets;
  std::vector<std::string> select;
  for (const auto& a : st.set) {
    const Expr& c = *a.column;
    int found_t = -1, found_c = -1;
    for (size_t ti = 0; ti < tables.size(); ti++) {
      if (!c.table.empty() && tables[ti].alias != c.table) continue;
      if (!tables[ti].derived_types.empty()) continue;
      int ci = tables[ti].def->FindColumn(c.name);
      if (ci < 0) continue;
      if (found_t >= 0) return Status::SqlError(1052, "23000", "Column '" + c.name + "' in SET is ambiguous");
      found_t = static_cast<int>(ti);
      found_c = ci;
    }
    if (found_t < 0)
      return Status::SqlError(1054, "42S22", "Unknown column '" + (c.table.empty() ? "" : c.table + ".") + c.name +
                                                 "' in 'SET'");
    RETURN_IF_ERROR(CheckTablePriv(kUpdateAcl, tables[found_t].def->db, tables[found_t].def->name, "UPDATE"));
    auto it = std::find_if(targets.begin(), targets.end(), [&](const Target& x) { return x.table == static_cast<size_t>(found_t); });
    if (it == targets.end()) {
      targets.push_back(Target{static_cast<size_t>(found_t), {}, {}});
      it = targets.end() - 1;
    }
    ExprType et;
    ASSIGN_OR_RETURN(std::string v, tr.TranslateExpr(*a.value, tables, "SET", &et));
    it->columns.push_back(found_c);
    it->values.push_back(select.size());
    select.push_back(v);
  }
  // SELECT rowid per target, then the values.
  std::string sql = "SELECT ";
  for (size_t i = 0; i < targets.size(); i++)
    sql += (i ? ", " : "") + Quote(tables[targets[i].table].sqlite_alias) + ".rowid";
  for (const auto& v : select) sql += ", " + v;
  sql += " FROM " + from;
  if (st.where) {
    ExprType et;
    ASSIGN_OR_RETURN(std::string w, tr.TranslateExpr(*st.where, tables, "WHERE", &et));
    sql += " WHERE " + w;
  }
  if (!st.IsMultiTable()) {
    RETURN_IF_ERROR(AppendOrderLimit(&tr, tables, st.order_by, st.limit, &sql));
  }

  RETURN_IF_ERROR(s_->BeginWrite());
  std::vector<std::vector<Value>> rows;
  {
    storage::Statement q;
    RETURN_IF_ERROR(s_->conn_->Prepare(sql, &q));
    for (size_t k = 0; k < tr.binds().size(); k++) RETURN_IF_ERROR(q.BindValue(static_cast<int>(k + 1), tr.binds()[k]));
    while (true) {
      bool has = false;
      Status qs = q.Step(&has);
      if (!qs.ok()) return s_->MapSqliteError(qs, nullptr, nullptr);
      if (!has) break;
      std::vector<Value> r(q.ColumnCount());
      for (int i = 0; i < q.ColumnCount(); i++) r[i] = q.ColumnAsValue(i);
      rows.push_back(std::move(r));
    }
  }
  CoerceContext ctx;
  ctx.time_zone = s_->vars().hot().time_zone;  // TIMESTAMP input is in the session zone
  ctx.sql_mode = s_->SqlMode();
  ctx.ignore = st.ignore;
  ctx.warnings = &s_->warnings_;
  ctx.null_becomes_default = true;
  s_->abort_on_warning_ = ctx.strict();
  uint64_t matched = 0, changed = 0;
  for (size_t ti = 0; ti < targets.size(); ti++) {
    const Target& tg = targets[ti];
    const auto& def = tables[tg.table].def;
    ctx.db = def->db;
    ctx.table = def->name;
    s_->store_ctx_ = ctx;
    s_->store_slots_.clear();
    std::string upd = "UPDATE " + Quote(SqliteTableName(def->db, def->name)) + " SET ";
    for (size_t k = 0; k < tg.columns.size(); k++) {
      s_->store_slots_.push_back(&def->columns[tg.columns[k]]);
      upd += (k ? ", " : "") + Quote(def->columns[tg.columns[k]].name) + " = rdb_store(?" + std::to_string(k + 1) +
             ", " + std::to_string(k) + ")";
    }
    upd += " WHERE rowid = ?" + std::to_string(tg.columns.size() + 1);
    storage::Statement us;
    RETURN_IF_ERROR(s_->conn_->Prepare(upd, &us));
    s_->store_last_.clear();
    std::set<int64_t> done;
    for (const auto& r : rows) {
      if (r[ti].is_null()) continue;  // outer join: no row of this table
      int64_t rowid = r[ti].int_value();
      if (!done.insert(rowid).second) continue;
      s_->store_row_ = 0;
      for (size_t k = 0; k < tg.values.size(); k++)
        RETURN_IF_ERROR(us.BindValue(static_cast<int>(k + 1), r[targets.size() + tg.values[k]]));
      RETURN_IF_ERROR(us.BindInt64(static_cast<int>(tg.columns.size() + 1), rowid));
      Status rs = us.Run();
      us.Reset();
      if (!rs.ok()) {
        // The row as it would have become: current values + assignments.
        std::vector<Value> row(def->columns.size());
        {
          storage::Statement cur;
          if (s_->conn_->Prepare("SELECT * FROM " + Quote(SqliteTableName(def->db, def->name)) + " WHERE rowid = ?", &cur).ok() &&
              cur.BindInt64(1, rowid).ok()) {
            bool has = false;
            if (cur.Step(&has).ok() && has)
              for (size_t c = 0; c < row.size(); c++) row[c] = cur.ColumnAsValue(static_cast<int>(c));
          }
          for (size_t k = 0; k < tg.columns.size() && k < s_->store_last_.size(); k++) row[tg.columns[k]] = s_->store_last_[k];
        }
        Status mapped = s_->MapSqliteError(rs, def.get(), &row);
        if (st.ignore && mapped.mysql_errno() == 1062) {
          // UPDATE IGNORE: the row keeps its values (MariaDB gives no warning).
          matched++;
          continue;
        }
        s_->abort_on_warning_ = false;
        return mapped;
      }
      matched++;
    }
    changed += s_->CollectChanges(def);
  }
  s_->abort_on_warning_ = false;
  std::string info = "Rows matched: " + std::to_string(matched) + "  Changed: " + std::to_string(changed) +
                     "  Warnings: " + std::to_string(s_->warnings_.size());
  LogStatement(false);
  return FinishWrite("update", s_->client_found_rows_ ? matched : changed, 0, info);
}

// ---------------------------------------------------------------------------
// DELETE

Status Executor::Delete(const DeleteStmt& st) {
  if (st.multi_table) return DeleteMulti(st);
  RETURN_IF_ERROR(CheckReadOnly());
  ASSIGN_OR_RETURN(auto def, RequireTable(st.from[0]->table));
  RETURN_IF_ERROR(CheckTablePriv(kDeleteAcl, def->db, def->name, "DELETE"));
  const TableDef& t = *def;
  std::string alias = st.from[0]->alias.empty() ? t.name : st.from[0]->alias;
  Translator tr(s_->MakeEnv(params_), sql_);
  std::vector<ScopeTable> scope{Translator::BaseTable(def, alias, "rdb_d")};
  std::string sql = "DELETE FROM " + Quote(SqliteTableName(t.db, t.name)) + " AS \"rdb_d\"";
  if (st.where) {
    ExprType et;
    ASSIGN_OR_RETURN(std::string w, tr.TranslateExpr(*st.where, scope, "WHERE", &et));
    sql += " WHERE " + w;
  }
  RETURN_IF_ERROR(AppendOrderLimit(&tr, scope, st.order_by, st.limit, &sql));
  RETURN_IF_ERROR(s_->BeginWrite());
  storage::Statement ds;
  RETURN_IF_ERROR(s_->conn_->Prepare(sql, &ds));
  for (size_t k = 0; k < tr.binds().size(); k++) RETURN_IF_ERROR(ds.BindValue(static_cast<int>(k + 1), tr.binds()[k]));
  Status rs = ds.Run();
  if (!rs.ok()) return s_->MapSqliteError(rs, &t, nullptr);
  uint64_t affected = static_cast<uint64_t>(s_->conn_->changes());
  s_->CollectChanges(def);
  LogStatement(false);
  return FinishWrite("delete", affected, 0, "");
}

Status Executor::DeleteMulti(const DeleteStmt& st) {
  // DELETE t1, t2 FROM <joins> WHERE ...: collect the targets' rowids over
  // the join first, then delete them, so deleting from one target does not
  // change what the others match.
  RETURN_IF_ERROR(CheckReadOnly());
  Translator tr(s_->MakeEnv(params_), sql_);
  std::vector<ScopeTable> tables;
  ASSIGN_OR_RETURN(std::string from, tr.TranslateFromList(st.from, &tables));
  std::vector<size_t> targets;
  for (const auto& tn : st.targets) {
    int found = -1;
    for (size_t ti = 0; ti < tables.size(); ti++) {
      bool alias_match = tables[ti].alias == tn.name && (tn.db.empty() || tables[ti].db == tn.db);
      if (alias_match && tables[ti].derived_types.empty()) found = static_cast<int>(ti);
    }
    if (found < 0)
      return Status::SqlError(1109, "42S02", "Unknown table '" + tn.name + "' in MULTI DELETE");
    RETURN_IF_ERROR(CheckTablePriv(kDeleteAcl, tables[found].def->db, tables[found].def->name, "DELETE"));
    if (std::find(targets.begin(), targets.end(), static_cast<size_t>(found)) == targets.end())
      targets.push_back(static_cast<size_t>(found));
  }
  std::string sql = "SELECT ";
  for (size_t i = 0; i < targets.size(); i++)
    sql += (i ? ", " : "") + Quote(tables[targets[i]].sqlite_alias) + ".rowid";
  sql += " FROM " + from;
  if (st.where) {
    ExprType et;
    ASSIGN_OR_RETURN(std::string w, tr.TranslateExpr(*st.where, tables, "WHERE", &et));
    sql += " WHERE " + w;
  }
  RETURN_IF_ERROR(s_->BeginWrite());
  std::vector<std::set<int64_t>> rowids(targets.size());
  {
    storage::Statement q;
    RETURN_IF_ERROR(s_->conn_->Prepare(sql, &q));
    for (size_t k = 0; k < tr.binds().size(); k++) RETURN_IF_ERROR(q.BindValue(static_cast<int>(k + 1), tr.binds()[k]));
    while (true) {
      bool has = false;
      Status qs = q.Step(&has);
      if (!qs.ok()) return s_->MapSqliteError(qs, nullptr, nullptr);
      if (!has) break;
      for (size_t i = 0; i < targets.size(); i++)
        if (!q.ColumnIsNull(static_cast<int>(i))) rowids[i].insert(q.ColumnInt64(static_cast<int>(i)));
    }
  }
  uint64_t affected = 0;
  for (size_t i = 0; i < targets.size(); i++) {
    const auto& def = tables[targets[i]].def;
    storage::Statement ds;
    RETURN_IF_ERROR(s_->conn_->Prepare("DELETE FROM " + Quote(SqliteTableName(def->db, def->name)) + " WHERE rowid = ?", &ds));
    for (int64_t rowid : rowids[i]) {
      RETURN_IF_ERROR(ds.BindInt64(1, rowid));
      Status rs = ds.Run();
      ds.Reset();
      if (!rs.ok()) return s_->MapSqliteError(rs, def.get(), nullptr);
      affected += static_cast<uint64_t>(s_->conn_->changes());
    }
    s_->CollectChanges(def);
  }
  LogStatement(false);
  return FinishWrite("delete", affected, 0, "");
}

}  // namespace relaydb::sql
