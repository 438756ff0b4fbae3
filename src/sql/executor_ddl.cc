// DDL (databases, tables, indexes) and the catalog-backed SHOW statements.
// See executor.h.
//
// Each DDL statement commits any open transaction, then runs in its own
// SQLite transaction under the write lock (catalog.h's protocol), and is
// logged as one statement.
#include <sqlite3.h>

#include <algorithm>

#include "sql/catalog.h"
#include "sql/executor.h"
#include "sql/parser.h"
#include "sql/types.h"

namespace relaydb::sql {
namespace {

Value Str(const std::string& s) { return Value::String(s); }

ColumnMeta Col(const std::string& name, FieldType type = kTypeVarString, bool nullable = false) {
  ColumnMeta m;
  m.name = name;
  m.org_name = name;
  m.type = type;
  m.charset = type == kTypeVarString ? kCharsetUtf8mb4GeneralCi : kCharsetBinary;
  m.length = type == kTypeVarString ? 256 : 21;
  m.flags = nullable ? 0 : kNotNullFlag;
  return m;
}

// Moves the AST's ALTER operations into the catalog's.
Result<std::vector<TableAlterOp>> ToCatalogOps(const AlterTableStmt& st, const std::string& db) {
  std::vector<TableAlterOp> out;
  auto reject = [](const char* what) {
    return Status::SqlError(1235, "42000", std::string("This version of MariaDB doesn't yet support '") + what + "'");
  };
  for (const auto& op : st.ops) {
    TableAlterOp c;
    c.if_exists = op.if_exists;
    c.if_not_exists = op.if_not_exists;
    c.first = op.position == ColumnPosition::kFirst;
    if (op.position == ColumnPosition::kAfter) c.after = op.after_column;
    switch (op.kind) {
      case AlterOp::Kind::kAddColumn:
        if (op.attrs.generated || op.attrs.references) return reject("generated columns and REFERENCES");
        c.kind = TableAlterOp::Kind::kAddColumn;
        c.column = op.column;
        break;
      case AlterOp::Kind::kDropColumn:
        c.kind = TableAlterOp::Kind::kDropColumn;
        c.name = op.name;
        break;
      case AlterOp::Kind::kModifyColumn:
        if (op.attrs.generated || op.attrs.references) return reject("generated columns and REFERENCES");
        c.kind = TableAlterOp::Kind::kModifyColumn;
        c.name = op.column.name;
        c.column = op.column;
        break;
      case AlterOp::Kind::kChangeColumn:
        if (op.attrs.generated || op.attrs.references) return reject("generated columns and REFERENCES");
        c.kind = TableAlterOp::Kind::kModifyColumn;
        c.name = op.name;
        c.column = op.column;
        break;
      case AlterOp::Kind::kSetDefault:
        c.kind = TableAlterOp::Kind::kSetDefault;
        c.name = op.name;
        c.column = op.column;
        break;
      case AlterOp::Kind::kDropDefault:
        c.kind = TableAlterOp::Kind::kDropDefault;
        c.name = op.name;
        break;
      case AlterOp::Kind::kAddIndex:
        c.kind = TableAlterOp::Kind::kAddIndex;
        c.index = op.index;
        break;
      case AlterOp::Kind::kDropIndex:
        c.kind = TableAlterOp::Kind::kDropIndex;
        c.name = op.name;
        break;
      case AlterOp::Kind::kDropPrimaryKey:
        c.kind = TableAlterOp::Kind::kDropPrimaryKey;
        break;
      case AlterOp::Kind::kRenameTable:
        c.kind = TableAlterOp::Kind::kRenameTable;
        c.new_db = op.new_table.db.empty() ? db : op.new_table.db;
        c.new_name = op.new_table.name;
        break;
      case AlterOp::Kind::kRenameColumn:
        c.kind = TableAlterOp::Kind::kRenameColumn;
        c.name = op.name;
        c.new_name = op.new_name;
        break;
      case AlterOp::Kind::kRenameIndex:
        c.kind = TableAlterOp::Kind::kRenameIndex;
        c.name = op.name;
        c.new_name = op.new_name;
        break;
      case AlterOp::Kind::kTableOptions:
        c.kind = TableAlterOp::Kind::kTableOptions;
        for (const auto& o : op.options) {
          if (o.name == "ENGINE") c.engine = o.value;
          else if (o.name == "DEFAULT CHARSET" || o.name == "CHARSET" || o.name == "CHARACTER SET") c.charset = o.value;
          else if (o.name == "COLLATE" || o.name == "DEFAULT COLLATE") c.collation = o.value;
          else if (o.name == "COMMENT") c.comment = o.value;
          else if (o.name == "AUTO_INCREMENT") c.auto_increment = strtoull(o.value.c_str(), nullptr, 10);
        }
        break;
      case AlterOp::Kind::kConvertCharset:
        c.kind = TableAlterOp::Kind::kTableOptions;
        c.charset = op.charset;
        if (!op.collation.empty()) c.collation = op.collation;
        break;
      case AlterOp::Kind::kEnableKeys:
      case AlterOp::Kind::kDisableKeys:
      case AlterOp::Kind::kForce:
        continue;  // no-ops
      case AlterOp::Kind::kAddCheck:
      case AlterOp::Kind::kDropConstraint:
        return reject("CHECK constraints");
      case AlterOp::Kind::kAddForeignKey:
      case AlterOp::Kind::kDropForeignKey:
        return reject("FOREIGN KEY");
      case AlterOp::Kind::kOrderBy:
        return reject("ALTER TABLE ... ORDER BY");
    }
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace

template <typename Fn>
Status Executor::RunDdl(Fn&& fn) {
  RETURN_IF_ERROR(CheckReadOnly());
  RETURN_IF_ERROR(s_->ImplicitCommit());
  RETURN_IF_ERROR(s_->BeginWrite());
  CatalogChange change;
  DdlOptions opts;
  opts.sql_mode = s_->SqlMode();
  opts.now = s_->NowText(6);
  s_->conn_->ClearStatementCache();
  Status st = fn(*s_->conn_, &change, opts);
  for (auto& w : change.warnings) s_->warnings_.push_back(w);
  if (!st.ok()) {
    Status r = s_->RollbackTxn();
    (void)r;
    return st;
  }
  // Rows a DDL statement changes (ALTER's copy) are not logged as rows.
  s_->capture_->Clear();
  LogStatement(true);
  s_->txn_log_.ddl = true;
  Status c = s_->CommitTxn();
  if (!c.ok()) return c;
  s_->engine_->catalog().Publish(std::move(change));
  return SendOk();
}

Status Executor::CreateDatabase(const CreateDatabaseStmt& st) {
  RETURN_IF_ERROR(CheckTablePriv(kCreateAcl, st.name, "", "CREATE"));
  if (st.or_replace) return Status::SqlError(1235, "42000", "This version of MariaDB doesn't yet support 'CREATE OR REPLACE DATABASE'");
  DatabaseDef d;
  d.name = st.name;
  if (!st.charset.empty()) {
    d.charset = st.charset;
    d.collation = DefaultCollationOf(st.charset);
  }
  if (!st.collation.empty()) {
    d.collation = st.collation;
    if (st.charset.empty()) d.charset = CharsetOfCollation(st.collation);
  }
  return RunDdl([&](storage::Connection& conn, CatalogChange* ch, DdlOptions o) {
    o.if_not_exists = st.if_not_exists;
    return s_->engine_->catalog().CreateDatabase(conn, ch, d, o);
  });
}

Status Executor::DropDatabase(const DropDatabaseStmt& st) {
  RETURN_IF_ERROR(CheckTablePriv(kDropAcl, st.name, "", "DROP"));
  Status s = RunDdl([&](storage::Connection& conn, CatalogChange* ch, DdlOptions o) {
    o.if_exists = st.if_exists;
    return s_->engine_->catalog().DropDatabase(conn, ch, st.name, o);
  });
  if (s.ok() && s_->current_db_ == st.name) s_->current_db_.clear();
  return s;
}

Status Executor::AlterDatabase(const AlterDatabaseStmt& st) {
  std::string db = st.name.empty() ? s_->current_db_ : st.name;
  if (db.empty()) return Status::SqlError(1046, "3D000", "No database selected");
  if (!s_->engine_->catalog().DatabaseExists(db))
    return Status::SqlError(1008, "HY000", "Can't drop database '" + db + "'; database doesn't exist");
  return Status::SqlError(1235, "42000", "This version of MariaDB doesn't yet support 'ALTER DATABASE'");
}

Status Executor::CreateTable(const CreateTableStmt& st) {
  if (st.temporary) return Status::SqlError(1235, "42000", "This version of MariaDB doesn't yet support 'TEMPORARY tables'");
  if (!st.foreign_keys.empty()) return Status::SqlError(1235, "42000", "This version of MariaDB doesn't yet support 'FOREIGN KEY'");
  if (!st.checks.empty()) return Status::SqlError(1235, "42000", "This version of MariaDB doesn't yet support 'CHECK constraints'");
  for (const auto& a : st.column_attrs) {
    if (a.generated) return Status::SqlError(1235, "42000", "This version of MariaDB doesn't yet support 'generated columns'");
    if (a.references) return Status::SqlError(1235, "42000", "This version of MariaDB doesn't yet support 'FOREIGN KEY'");
    if (a.check) return Status::SqlError(1235, "42000", "This version of MariaDB doesn't yet support 'CHECK constraints'");
  }
  if (st.select) return Status::SqlError(1235, "42000", "This version of MariaDB doesn't yet support 'CREATE TABLE ... SELECT'");
  if (st.or_replace) return Status::SqlError(1235, "42000", "This version of MariaDB doesn't yet support 'CREATE OR REPLACE TABLE'");
  TableDef def = st.table;
  if (def.db.empty()) def.db = s_->current_db_;
  if (def.db.empty()) return Status::SqlError(1046, "3D000", "No database selected");
  RETURN_IF_ERROR(CheckTablePriv(kCreateAcl, def.db, def.name, "CREATE"));
  if (st.like) {
    std::string ldb = st.like->db.empty() ? s_->current_db_ : st.like->db;
    auto src = s_->FindTable(ldb, st.like->name);
    if (!src) return Status::SqlError(1146, "42S02", "Table '" + ldb + "." + st.like->name + "' doesn't exist");
    std::string db = def.db, name = def.name;
    def = *src;
    def.db = db;
    def.name = name;
    def.auto_increment = 1;
  }
  if (!st.engine_given && st.table.engine.empty()) def.engine = "InnoDB";
  // MariaDB substitutes InnoDB for engines it lacks only without
  // NO_ENGINE_SUBSTITUTION; relaydb stores everything one way and reports
  // the engine name as given (MyISAM, Aria, InnoDB, MEMORY).
  if (def.charset.empty() && def.collation.empty()) {
    auto d = s_->engine_->catalog().GetDatabase(def.db);
    if (d) {
      def.charset = d->charset;
      def.collation = d->collation;
    }
  }
  return RunDdl([&](storage::Connection& conn, CatalogChange* ch, DdlOptions o) {
    o.if_not_exists = st.if_not_exists;
    return s_->engine_->catalog().CreateTable(conn, ch, def, o);
  });
}

Status Executor::DropTable(const DropTableStmt& st) {
  if (st.temporary) return Status::SqlError(1235, "42000", "This version of MariaDB doesn't yet support 'TEMPORARY tables'");
  for (const auto& t : st.tables) {
    std::string db = TableDb(t);
    if (db.empty()) return Status::SqlError(1046, "3D000", "No database selected");
    RETURN_IF_ERROR(CheckTablePriv(kDropAcl, db, t.name, "DROP"));
  }
  return RunDdl([&](storage::Connection& conn, CatalogChange* ch, DdlOptions o) -> Status {
    std::vector<std::string> missing;
    for (const auto& t : st.tables) {
      std::string db = TableDb(t);
      if (!s_->engine_->catalog().GetTable(db, t.name)) {
        missing.push_back(db + "." + t.name);
        continue;
      }
      RETURN_IF_ERROR(s_->engine_->catalog().DropTable(conn, ch, db, t.name, o));
    }
    if (!missing.empty()) {
      Status e = UnknownTableError(missing);
      if (!st.if_exists) return e;
      for (const auto& m : missing)
        ch->warnings.push_back(SqlWarning{SqlWarning::Level::kNote, 1051, "Unknown table '" + m + "'"});
    }
    return Status::Ok();
  });
}

Status Executor::Truncate(const TruncateStmt& st) {
  std::string db = TableDb(st.table);
  if (db.empty()) return Status::SqlError(1046, "3D000", "No database selected");
  RETURN_IF_ERROR(CheckTablePriv(kDropAcl, db, st.table.name, "DROP"));
  return RunDdl([&](storage::Connection& conn, CatalogChange* ch, DdlOptions) {
    return s_->engine_->catalog().TruncateTable(conn, ch, db, st.table.name);
  });
}

Status Executor::RenameTable(const RenameTableStmt& st) {
  for (const auto& [from, to] : st.renames) {
    RETURN_IF_ERROR(CheckTablePriv(kAlterAcl | kDropAcl, TableDb(from), from.name, "ALTER"));
    RETURN_IF_ERROR(CheckTablePriv(kCreateAcl | kInsertAcl, TableDb(to), to.name, "CREATE"));
  }
  return RunDdl([&](storage::Connection& conn, CatalogChange* ch, DdlOptions) -> Status {
    for (const auto& [from, to] : st.renames)
      RETURN_IF_ERROR(s_->engine_->catalog().RenameTable(conn, ch, TableDb(from), from.name, TableDb(to), to.name));
    return Status::Ok();
  });
}

Status Executor::AlterTable(const AlterTableStmt& st) {
  std::string db = TableDb(st.table);
  if (db.empty()) return Status::SqlError(1046, "3D000", "No database selected");
  RETURN_IF_ERROR(CheckTablePriv(kAlterAcl, db, st.table.name, "ALTER"));
  ASSIGN_OR_RETURN(std::vector<TableAlterOp> ops, ToCatalogOps(st, db));
  return RunDdl([&](storage::Connection& conn, CatalogChange* ch, DdlOptions o) {
    o.if_exists = st.if_exists;
    return s_->engine_->catalog().AlterTable(conn, ch, db, st.table.name, ops, o);
  });
}

Status Executor::CreateIndex(const CreateIndexStmt& st) {
  std::string db = TableDb(st.table);
  if (db.empty()) return Status::SqlError(1046, "3D000", "No database selected");
  RETURN_IF_ERROR(CheckTablePriv(kIndexAcl, db, st.table.name, "INDEX"));
  TableAlterOp op;
  op.kind = TableAlterOp::Kind::kAddIndex;
  op.index = st.index;
  op.if_not_exists = st.if_not_exists;
  return RunDdl([&](storage::Connection& conn, CatalogChange* ch, DdlOptions o) {
    return s_->engine_->catalog().AlterTable(conn, ch, db, st.table.name, {op}, o);
  });
}

Status Executor::DropIndex(const DropIndexStmt& st) {
  std::string db = TableDb(st.table);
  if (db.empty()) return Status::SqlError(1046, "3D000", "No database selected");
  RETURN_IF_ERROR(CheckTablePriv(kIndexAcl, db, st.table.name, "INDEX"));
  TableAlterOp op;
  op.kind = st.name == "PRIMARY" ? TableAlterOp::Kind::kDropPrimaryKey : TableAlterOp::Kind::kDropIndex;
  op.name = st.name;
  op.if_exists = st.if_exists;
  return RunDdl([&](storage::Connection& conn, CatalogChange* ch, DdlOptions o) {
    return s_->engine_->catalog().AlterTable(conn, ch, db, st.table.name, {op}, o);
  });
}

// ---------------------------------------------------------------------------
// SHOW over the catalog

Status Executor::ShowCatalog(const ShowStmt& st) {
  Catalog& cat = s_->engine_->catalog();
  switch (st.what) {
    case ShowKind::kDatabases: {
      std::string name = "Database";
      if (st.like) name += " (" + *st.like + ")";
      std::vector<std::vector<Value>> rows;
      for (auto& d : cat.ListDatabases()) {
        if (!s_->system_user_ && !(s_->account_.global_privs & kShowDbAcl) && d != "information_schema" &&
            !s_->engine_->accounts().CanAccessDatabase(s_->account_, d))
          continue;
        rows.push_back({Str(d)});
      }
      return SendFiltered({Col(name)}, std::move(rows), st, 0);
    }
    case ShowKind::kTables:
    case ShowKind::kTableStatus: {
      std::string db = st.db.empty() ? s_->current_db_ : st.db;
      if (db.empty()) return Status::SqlError(1046, "3D000", "No database selected");
      if (!cat.DatabaseExists(db)) return Status::SqlError(1049, "42000", "Unknown database '" + db + "'");
      if (st.what == ShowKind::kTableStatus) {
        std::vector<ColumnMeta> cols = {Col("Name"), Col("Engine", kTypeVarString, true), Col("Version", kTypeLongLong, true),
                                        Col("Row_format", kTypeVarString, true), Col("Rows", kTypeLongLong, true),
                                        Col("Avg_row_length", kTypeLongLong, true), Col("Data_length", kTypeLongLong, true),
                                        Col("Max_data_length", kTypeLongLong, true), Col("Index_length", kTypeLongLong, true),
                                        Col("Data_free", kTypeLongLong, true), Col("Auto_increment", kTypeLongLong, true),
                                        Col("Create_time", kTypeDatetime, true), Col("Update_time", kTypeDatetime, true),
                                        Col("Check_time", kTypeDatetime, true), Col("Collation", kTypeVarString, true),
                                        Col("Checksum", kTypeLongLong, true), Col("Create_options", kTypeVarString, true),
                                        Col("Comment"), Col("Max_index_length", kTypeLongLong, true),
                                        Col("Temporary", kTypeVarString, true)};
        std::vector<std::vector<Value>> rows;
        for (auto& t : cat.ListTables(db)) {
          auto def = cat.GetTable(db, t);
          if (!def) continue;
          Value count = Value::Null();
          auto n = s_->conn_->QueryValue("SELECT count(*) FROM " + storage::QuoteIdent(SqliteTableName(db, t)));
          if (n.ok()) count = *n;
          Value ai = Value::Null();
          for (auto& c : def->columns)
            if (c.auto_increment) {
              auto v = cat.PeekAutoIncrement(*s_->conn_, *def);
              if (v.ok()) ai = Value::Int(static_cast<int64_t>(*v));
            }
          rows.push_back({Str(t), Str(def->engine), Value::Int(10), Str("Dynamic"), count, Value::Int(0), Value::Int(0),
                          Value::Int(0), Value::Int(0), Value::Int(0), ai, Value::Null(), Value::Null(), Value::Null(),
                          Str(def->collation.empty() ? std::string(kServerCollation) : def->collation), Value::Null(),
                          Str(""), Str(def->comment), Value::Int(0), Str("N")});
        }
        return SendFiltered(cols, std::move(rows), st, 0);
      }
      std::string name = "Tables_in_" + db;
      if (st.like) name += " (" + *st.like + ")";
      std::vector<ColumnMeta> cols = {Col(name)};
      if (st.full) cols.push_back(Col("Table_type"));
      std::vector<std::vector<Value>> rows;
      for (auto& t : cat.ListTables(db)) {
        std::vector<Value> r = {Str(t)};
        if (st.full) r.push_back(Str("BASE TABLE"));
        rows.push_back(std::move(r));
      }
      return SendFiltered(cols, std::move(rows), st, 0);
    }
    case ShowKind::kColumns: {
      std::string db = st.table.db.empty() ? (st.db.empty() ? s_->current_db_ : st.db) : st.table.db;
      if (db.empty()) return Status::SqlError(1046, "3D000", "No database selected");
      auto def = cat.GetTable(db, st.table.name);
      if (!def) return Status::SqlError(1146, "42S02", "Table '" + db + "." + st.table.name + "' doesn't exist");
      std::vector<ColumnMeta> cols = {Col("Field"), Col("Type"), Col("Null"), Col("Key"),
                                      Col("Default", kTypeVarString, true), Col("Extra")};
      auto rows = DescribeRows(*def);
      if (st.full) {
        cols = {Col("Field"), Col("Type"), Col("Collation", kTypeVarString, true), Col("Null"), Col("Key"),
                Col("Default", kTypeVarString, true), Col("Extra"), Col("Privileges"), Col("Comment")};
        for (size_t i = 0; i < rows.size(); i++) {
          const ColumnDef& c = def->columns[i];
          Value coll = c.type.IsString() && c.type.base != BaseType::kJson
                           ? Str(EffectiveCollation(c.type, def->collation)) : Value::Null();
          std::vector<Value> r = {rows[i][0], rows[i][1], coll, rows[i][2], rows[i][3], rows[i][4], rows[i][5],
                                  Str("select,insert,update,references"), Str(c.comment)};
          rows[i] = std::move(r);
        }
      }
      if (st.describe && st.like) {
        // DESCRIBE t col: the column name is a LIKE pattern.
      }
      return SendFiltered(cols, std::move(rows), st, 0);
    }
    case ShowKind::kIndex: {
      std::string db = st.table.db.empty() ? (st.db.empty() ? s_->current_db_ : st.db) : st.table.db;
      if (db.empty()) return Status::SqlError(1046, "3D000", "No database selected");
      auto def = cat.GetTable(db, st.table.name);
      if (!def) return Status::SqlError(1146, "42S02", "Table '" + db + "." + st.table.name + "' doesn't exist");
      std::vector<ColumnMeta> cols = {Col("Table"), Col("Non_unique", kTypeLongLong), Col("Key_name"),
                                      Col("Seq_in_index", kTypeLongLong), Col("Column_name", kTypeVarString, true),
                                      Col("Collation", kTypeVarString, true), Col("Cardinality", kTypeLongLong, true),
                                      Col("Sub_part", kTypeLongLong, true), Col("Packed", kTypeVarString, true),
                                      Col("Null"), Col("Index_type"), Col("Comment", kTypeVarString, true),
                                      Col("Index_comment"), Col("Ignored")};
      return SendFiltered(cols, ShowIndexRows(*def), st, -1);
    }
    case ShowKind::kCreateTable: {
      std::string db = st.table.db.empty() ? s_->current_db_ : st.table.db;
      if (db.empty()) return Status::SqlError(1046, "3D000", "No database selected");
      auto def = cat.GetTable(db, st.table.name);
      if (!def) return Status::SqlError(1146, "42S02", "Table '" + db + "." + st.table.name + "' doesn't exist");
      uint64_t ai = 0;
      for (auto& c : def->columns)
        if (c.auto_increment) {
          auto v = cat.PeekAutoIncrement(*s_->conn_, *def);
          if (v.ok()) ai = *v;
        }
      return SendRows({Col("Table"), Col("Create Table")}, {{Str(def->name), Str(ShowCreateTable(*def, ai))}});
    }
    case ShowKind::kCreateDatabase: {
      auto d = cat.GetDatabase(st.target);
      if (!d) return Status::SqlError(1049, "42000", "Unknown database '" + st.target + "'");
      std::string text = "CREATE DATABASE " + std::string(st.if_not_exists ? "/*!32312 IF NOT EXISTS*/ " : "") +
                         QuoteIdentifier(d->name) + " /*!40100 DEFAULT CHARACTER SET " + d->charset + " COLLATE " +
                         d->collation + " */";
      return SendRows({Col("Database"), Col("Create Database")}, {{Str(d->name), Str(text)}});
    }
    default:
      return Status::SqlError(1235, "42000", "This version of MariaDB doesn't yet support 'this SHOW statement'");
  }
}

}  // namespace relaydb::sql
