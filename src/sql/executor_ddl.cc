// DDL (databases, tables, indexes). See executor.h.
//
// Each DDL statement commits any open transaction, then runs in its own
// SQLite transaction under the write lock (catalog.h's protocol), and is
// logged as one statement.
#include <sqlite3.h>

#include <algorithm>
#include <cctype>

#include "sql/catalog.h"
#include "sql/executor.h"
#include "sql/parser.h"
#include "sql/types.h"

namespace relaydb::sql {
namespace {

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
        c.convert_charset = true;
        c.charset = op.charset;
        if (!op.collation.empty()) c.collation = op.collation;
        break;
      case AlterOp::Kind::kForce:
        c.kind = TableAlterOp::Kind::kForce;
        break;
      case AlterOp::Kind::kEnableKeys:
      case AlterOp::Kind::kDisableKeys:
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

bool NameEqualCi(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// The column CREATE TABLE ... SELECT makes for a result column, as
// MariaDB 10.11 types it: a column reference keeps its definition (without
// AUTO_INCREMENT), other expressions get the type of their result; NOT NULL
// when the expression cannot be NULL.
ColumnDef ColumnForResult(const OutputColumn& out) {
  const ExprType& t = out.type;
  ColumnDef c;
  if (t.column != nullptr) {
    c = *t.column;
    if (c.auto_increment && c.type.IsInteger() && !c.default_value) c.default_value = "0";
    c.auto_increment = false;
    c.comment.clear();
    if (c.type.base == BaseType::kJson) {
      // The copy is a LONGTEXT without JSON's CHECK constraint.
      c.type.base = BaseType::kLongText;
      c.type.charset = "utf8mb4";
      c.type.collation = "utf8mb4_bin";
    }
    if (t.table && t.column->type.IsString() && c.type.collation.empty()) {
      // Pin the source table's collation: the new table may have another.
      c.type.collation = EffectiveCollation(c.type, t.table->collation);
      c.type.charset = CharsetOfCollation(c.type.collation);
    }
  }
  c.name = out.meta.name;
  c.nullable = t.nullable;
  if (t.column != nullptr) {
    if (!c.nullable) c.default_is_null = false;
    return c;
  }
  c.default_value.reset();
  c.default_is_null = false;
  c.default_is_expression = false;
  c.on_update_current_timestamp = false;
  ColumnType& ct = c.type;
  ct = ColumnType{};
  int64_t len = t.max_len;
  switch (t.family) {
    case ResultType::kInt:
      ct.base = len >= 0 && len < 10 ? BaseType::kInt : BaseType::kBigInt;
      ct.length = static_cast<int32_t>(len >= 0 ? len : 21);
      break;
    case ResultType::kUnsigned:
      ct.base = BaseType::kBigInt;
      ct.is_unsigned = true;
      ct.length = 20;
      break;
    case ResultType::kDecimal: {
      int scale = std::clamp(t.decimals, 0, 30);
      int precision = len >= 0 ? static_cast<int>(len) - 1 - (scale > 0 ? 1 : 0) : 65;
      ct.base = BaseType::kDecimal;
      ct.length = std::clamp(precision, std::max(scale, 1), 65);
      ct.decimals = scale;
      break;
    }
    case ResultType::kDouble:
      ct.base = BaseType::kDouble;
      break;
    case ResultType::kDate:
      ct.base = BaseType::kDate;
      break;
    case ResultType::kDatetime:
      ct.base = BaseType::kDatetime;
      ct.decimals = std::max(t.decimals, 0);
      break;
    case ResultType::kTime:
      ct.base = BaseType::kTime;
      ct.decimals = std::max(t.decimals, 0);
      break;
    case ResultType::kNull:
      ct.base = BaseType::kBinary;
      ct.length = 0;
      break;
    case ResultType::kBinary:
      if (len >= 0 && len <= 512) {
        ct.base = BaseType::kVarbinary;
        ct.length = static_cast<int32_t>(len);
      } else {
        ct.base = len < 0 || len > 16777215 ? BaseType::kLongBlob : len > 65535 ? BaseType::kMediumBlob : BaseType::kBlob;
      }
      break;
    case ResultType::kJson:
      ct.base = BaseType::kLongText;
      ct.charset = "utf8mb4";
      ct.collation = "utf8mb4_bin";
      break;
    case ResultType::kString:
      ct.charset = "utf8mb4";
      ct.collation = "utf8mb4_general_ci";
      if (len >= 0 && len <= 512) {
        ct.base = BaseType::kVarchar;
        ct.length = static_cast<int32_t>(len);
      } else {
        uint64_t bytes = len < 0 ? UINT64_MAX : static_cast<uint64_t>(len) * 4;
        ct.base = bytes <= 65535 ? BaseType::kText : bytes <= 16777215 ? BaseType::kMediumText : BaseType::kLongText;
      }
      break;
  }
  return c;
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
  opts.time_zone = s_->TimeZone();
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
  if (!change.binlog_query.empty() && !s_->txn_log_.events.empty())
    s_->txn_log_.events.back().statement.query = change.binlog_query;
  // Database statements carry the database they name, as MariaDB logs them.
  if (stmt_ != nullptr && !s_->txn_log_.events.empty()) {
    LoggedStatement& ls = s_->txn_log_.events.back().statement;
    const Statement& st = *stmt_->stmt;
    const std::string* named = nullptr;
    if (st.kind == StatementKind::kCreateDatabase) named = &st.As<CreateDatabaseStmt>()->name;
    if (st.kind == StatementKind::kDropDatabase) named = &st.As<DropDatabaseStmt>()->name;
    if (st.kind == StatementKind::kAlterDatabase && !st.As<AlterDatabaseStmt>()->name.empty())
      named = &st.As<AlterDatabaseStmt>()->name;
    if (named != nullptr) {
      ls.db = *named;
      ls.suppress_use = true;
    }
  }
  s_->txn_log_.ddl = true;
  Status c = s_->CommitTxn();
  if (!c.ok()) return c;
  uint64_t affected = change.affected_rows;
  bool records_info = change.records_info;
  uint64_t records = change.records, duplicates = change.duplicates;
  Status after = change.error_after_commit;
  s_->engine_->catalog().Publish(std::move(change));
  if (!after.ok()) return after;
  std::string info;
  if (records_info) {
    info = "Records: " + std::to_string(records) + "  Duplicates: " + std::to_string(duplicates) +
           "  Warnings: " + std::to_string(s_->warnings_.size());
  }
  return SendOk(affected, 0, info);
}

Status Executor::CreateDatabase(const CreateDatabaseStmt& st) {
  if (Session::IsInformationSchema(st.name))
    return Status::SqlError(1044, "42000", "Access denied for user '" + s_->account_.priv_user + "'@'" +
                                               s_->account_.priv_host + "' to database '" + st.name + "'");
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
  if (st.charset.empty() && st.collation.empty()) {
    // Neither given: the session's @@collation_server (MariaDB's rule).
    const std::string& server = s_->vars().hot().collation_server;
    if (!server.empty()) {
      d.collation = server;
      d.charset = CharsetOfCollation(server);
    }
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
  if (st.select) return CreateTableSelect(st, std::move(def));
  return RunDdl([&](storage::Connection& conn, CatalogChange* ch, DdlOptions o) {
    o.if_not_exists = st.if_not_exists;
    return s_->engine_->catalog().CreateTable(conn, ch, def, o);
  });
}

// CREATE TABLE t [(defs)] [IGNORE|REPLACE] [AS] SELECT ...: the declared
// columns, then the result columns not declared (typed by ColumnForResult),
// filled with the query's rows in one DDL transaction (a failing row drops
// the new table again).
Status Executor::CreateTableSelect(const CreateTableStmt& st, TableDef def) {
  Translator tr(s_->MakeEnv(params_), sql_);
  ASSIGN_OR_RETURN(TranslatedQuery tq, tr.TranslateQuery(*st.select));
  // Columns: the declared ones the query does not fill, then one per result
  // column (its declared definition if it has one), as MariaDB orders them.
  std::vector<ColumnDef> declared = std::move(def.columns);
  def.columns.clear();
  std::vector<bool> from_query(declared.size(), false);
  for (const OutputColumn& oc : tq.columns)
    for (size_t j = 0; j < declared.size(); j++)
      if (NameEqualCi(declared[j].name, oc.meta.name)) from_query[j] = true;
  for (size_t j = 0; j < declared.size(); j++)
    if (!from_query[j]) def.columns.push_back(declared[j]);
  std::vector<int> target(tq.columns.size());
  for (size_t i = 0; i < tq.columns.size(); i++) {
    const std::string& name = tq.columns[i].meta.name;
    if (def.FindColumn(name) >= 0)
      return Status::SqlError(1060, "42S21", "Duplicate column name '" + name + "'");
    ColumnDef col = ColumnForResult(tq.columns[i]);
    for (const ColumnDef& d : declared)
      if (NameEqualCi(d.name, name)) col = d;
    def.columns.push_back(std::move(col));
    target[i] = static_cast<int>(def.columns.size() - 1);
  }
  return RunDdl([&](storage::Connection& conn, CatalogChange* ch, DdlOptions o) -> Status {
    o.if_not_exists = st.if_not_exists;
    Catalog& cat = s_->engine_->catalog();
    RETURN_IF_ERROR(cat.CreateTable(conn, ch, def, o));
    // IF NOT EXISTS on an existing table: a note, and no rows are inserted.
    if (ch->empty()) return Status::Ok();
    // The normalized definition as the catalog will publish it.
    TableDef created = def;
    std::vector<SqlWarning> ignored;
    RETURN_IF_ERROR(NormalizeTableDef(&created, o.sql_mode, &ignored));
    std::string cols, marks;
    for (size_t j = 0; j < created.columns.size(); j++) {
      cols += (j ? ", " : "") + storage::QuoteIdent(created.columns[j].name);
      marks += j ? ", ?" : "?";
    }
    storage::Statement sel, ins, replace;
    Status ps = conn.PrepareUncached(tq.sql, &sel);
    if (!ps.ok()) return s_->MapSqliteError(ps, nullptr, nullptr);
    for (size_t i = 0; i < tq.binds.size(); i++) RETURN_IF_ERROR(sel.BindValue(static_cast<int>(i + 1), tq.binds[i]));
    std::string into = " INTO " + storage::QuoteIdent(SqliteTableName(created.db, created.name)) + " (" + cols +
                       ") VALUES (" + marks + ")";
    RETURN_IF_ERROR(conn.PrepareUncached("INSERT" + into, &ins));
    RETURN_IF_ERROR(conn.PrepareUncached("INSERT OR REPLACE" + into, &replace));
    CoerceContext ctx;
    ctx.sql_mode = o.sql_mode;
    ctx.ignore = st.duplicates == CreateTableStmt::Duplicates::kIgnore;
    ctx.db = created.db;
    ctx.table = created.name;
    ctx.warnings = &ch->warnings;
    ctx.now = o.now;
    ctx.time_zone = o.time_zone;
    std::vector<Value> row(created.columns.size());
    uint64_t selected = 0, affected = 0, duplicates = 0;
    while (true) {
      bool has = false;
      Status step = sel.Step(&has);
      if (!step.ok()) return s_->MapSqliteError(step, nullptr, nullptr);
      if (!has) break;
      selected++;
      ctx.row = selected;
      std::vector<bool> given(created.columns.size(), false);
      for (size_t i = 0; i < tq.columns.size(); i++) {
        const ColumnDef& col = created.columns[target[i]];
        Value v = DecodeOutput(tq.columns[i], sel.handle(), static_cast<int>(i), true);
        ASSIGN_OR_RETURN(row[target[i]], CoerceToStored(col, v, ctx));
        given[target[i]] = true;
      }
      for (size_t j = 0; j < created.columns.size(); j++) {
        if (given[j]) continue;
        ASSIGN_OR_RETURN(row[j], DefaultFor(created.columns[j], ctx));
      }
      for (size_t j = 0; j < created.columns.size(); j++)
        RETURN_IF_ERROR(BindStored(ins, static_cast<int>(j + 1), created.columns[j], row[j]));
      Status run = ins.Run();
      ins.Reset();
      if (run.ok()) {
        affected++;
        continue;
      }
      bool duplicate = conn.last_error().IsUniqueViolation();
      Status err = s_->MapSqliteError(run, &created, &row);
      if (!duplicate || st.duplicates == CreateTableStmt::Duplicates::kError) return err;
      duplicates++;
      if (st.duplicates == CreateTableStmt::Duplicates::kIgnore) {
        ch->warnings.push_back(SqlWarning{SqlWarning::Level::kWarning, err.mysql_errno(), err.message()});
        continue;
      }
      // REPLACE: the old row goes, the new one comes (2 rows affected).
      for (size_t j = 0; j < created.columns.size(); j++)
        RETURN_IF_ERROR(BindStored(replace, static_cast<int>(j + 1), created.columns[j], row[j]));
      Status rep = replace.Run();
      replace.Reset();
      if (!rep.ok()) return s_->MapSqliteError(rep, &created, &row);
      affected += 2;
    }
    ch->records_info = true;
    ch->records = selected;
    ch->affected_rows = affected;
    ch->duplicates = duplicates;
    return Status::Ok();
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
    // The binary log gets MariaDB's rewrite: the tables dropped (every one
    // named, with IF EXISTS), quoted, "/* generated by server */".
    auto binlog_query = [&](bool only_dropped) {
      std::string names;
      for (const auto& t : st.tables) {
        std::string db = TableDb(t);
        if (only_dropped && std::find(missing.begin(), missing.end(), db + "." + t.name) != missing.end()) continue;
        names += (names.empty() ? "" : ",") + (db == s_->current_db_ ? "" : QuoteIdentifier(db) + ".") +
                 QuoteIdentifier(t.name);
      }
      return std::string("DROP TABLE ") + (st.if_exists ? "IF EXISTS " : "") + names + " /* generated by server */";
    };
    ch->binlog_query = binlog_query(!st.if_exists);
    if (!missing.empty()) {
      Status e = UnknownTableError(missing);
      if (!st.if_exists) {
        // MariaDB drops the tables that exist, then reports the others.
        if (missing.size() == st.tables.size()) return e;
        ch->error_after_commit = e;
        return Status::Ok();
      }
      // One note naming every missing table, as MariaDB gives it.
      ch->warnings.push_back(SqlWarning{SqlWarning::Level::kNote, 1051, e.message()});
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
  bool keys_option = false;  // ENABLE / DISABLE KEYS
  for (const auto& op : st.ops)
    keys_option |= op.kind == AlterOp::Kind::kEnableKeys || op.kind == AlterOp::Kind::kDisableKeys;
  return RunDdl([&](storage::Connection& conn, CatalogChange* ch, DdlOptions o) -> Status {
    o.if_exists = st.if_exists;
    RETURN_IF_ERROR(s_->engine_->catalog().AlterTable(conn, ch, db, st.table.name, ops, o));
    auto def = s_->engine_->catalog().GetTable(db, st.table.name);
    if (keys_option && def && def->engine != "MyISAM" && def->engine != "Aria") {
      ch->warnings.push_back(SqlWarning{SqlWarning::Level::kNote, 1031,
                                        "Storage engine " + def->engine + " of the table `" + db + "`.`" +
                                            st.table.name + "` doesn't have this option"});
    }
    return Status::Ok();
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

}  // namespace relaydb::sql
