#include "sql/replication_filter.h"

#include <algorithm>

#include "sql/accounts.h"
#include "sql/ast.h"
#include "sql/variables.h"

namespace relaydb::sql {
namespace {

std::vector<std::string> SplitList(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t comma = s.find(',', start);
    if (comma == std::string::npos) comma = s.size();
    std::string item = s.substr(start, comma - start);
    size_t b = item.find_first_not_of(" \t");
    size_t e = item.find_last_not_of(" \t");
    if (b != std::string::npos) out.push_back(item.substr(b, e - b + 1));
    start = comma + 1;
  }
  return out;
}

bool AsciiIEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); i++) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

bool Listed(const std::vector<std::string>& list, std::string_view db) {
  return std::find(list.begin(), list.end(), db) != list.end();
}

}  // namespace

ReplicationFilter ReplicationFilter::FromVariables(const GlobalVariables& vars) {
  ReplicationFilter f;
  f.do_db = SplitList(vars.GetString("replicate_do_db"));
  f.ignore_db = SplitList(vars.GetString("replicate_ignore_db"));
  f.do_table = SplitList(vars.GetString("replicate_do_table"));
  f.ignore_table = SplitList(vars.GetString("replicate_ignore_table"));
  f.wild_do_table = SplitList(vars.GetString("replicate_wild_do_table"));
  f.wild_ignore_table = SplitList(vars.GetString("replicate_wild_ignore_table"));
  for (const std::string& r : SplitList(vars.GetString("replicate_rewrite_db"))) {
    size_t arrow = r.find("->");
    if (arrow == std::string::npos) continue;
    auto trim = [](std::string x) {
      size_t b = x.find_first_not_of(" \t");
      size_t e = x.find_last_not_of(" \t");
      return b == std::string::npos ? std::string() : x.substr(b, e - b + 1);
    };
    f.rewrite_db.emplace_back(trim(r.substr(0, arrow)), trim(r.substr(arrow + 2)));
  }
  return f;
}

bool ReplicationFilter::empty() const {
  return do_db.empty() && ignore_db.empty() && !has_table_rules() && rewrite_db.empty();
}

std::string ReplicationFilter::RewriteDb(std::string_view db) const {
  for (const auto& [from, to] : rewrite_db)
    if (from == db) return to;
  return std::string(db);
}

bool ReplicationFilter::DbOk(std::string_view db) const {
  if (do_db.empty() && ignore_db.empty()) return true;
  if (db.empty()) return true;  // no database selected: replicated (MariaDB)
  if (!do_db.empty()) return Listed(do_db, db);
  return !Listed(ignore_db, db);
}

bool ReplicationFilter::TablesOk(const std::vector<QualifiedTable>& updated) const {
  if (!has_table_rules()) return true;
  for (const QualifiedTable& t : updated) {
    const std::string key = t.db + "." + t.table;
    auto exact = [&](const std::vector<std::string>& list) {
      return std::any_of(list.begin(), list.end(), [&](const std::string& r) { return AsciiIEquals(r, key); });
    };
    auto wild = [&](const std::vector<std::string>& list) {
      return std::any_of(list.begin(), list.end(),
                         [&](const std::string& r) { return WildMatch(key, r, /*case_insensitive=*/true); });
    };
    if (exact(do_table)) return true;
    if (exact(ignore_table)) return false;
    if (wild(wild_do_table)) return true;
    if (wild(wild_ignore_table)) return false;
  }
  // Nothing matched: any do-rule means "only those". A statement that
  // names no table (CREATE DATABASE, CREATE USER, ...) is outside the
  // table rules, as in MariaDB.
  return updated.empty() || (do_table.empty() && wild_do_table.empty());
}

std::vector<QualifiedTable> UpdatedTables(const Statement& stmt, std::string_view default_db) {
  std::vector<QualifiedTable> out;
  auto add = [&](const std::string& db, const std::string& name) {
    out.push_back({db.empty() ? std::string(default_db) : db, name});
  };
  auto add_name = [&](const TableName& t) { add(t.db, t.name); };
  // The base tables under a FROM/UPDATE reference list, with their aliases.
  struct Named {
    std::string alias;
    const TableName* table;
  };
  std::vector<Named> named;
  auto collect = [&](auto&& self, const TableRef& r) -> void {
    if (r.kind == TableRef::Kind::kTable) {
      named.push_back({r.alias.empty() ? r.table.name : r.alias, &r.table});
    } else if (r.kind == TableRef::Kind::kJoin) {
      if (r.left) self(self, *r.left);
      if (r.right) self(self, *r.right);
    }
  };
  switch (stmt.kind) {
    case StatementKind::kInsert:
      add_name(stmt.As<InsertStmt>()->table);
      break;
    case StatementKind::kUpdate: {
      const auto* u = stmt.As<UpdateStmt>();
      for (const auto& r : u->tables)
        if (r) collect(collect, *r);
      if (named.size() == 1) {
        add_name(*named[0].table);
        break;
      }
      // Multi-table UPDATE: the tables its SET assigns (MySQL checks them
      // once the statement has resolved which tables it updates). An
      // unqualified column could belong to any of them.
      for (const Named& n : named) {
        bool assigned = false;
        for (const Assignment& a : u->set) {
          const std::string& q = a.column ? a.column->table : std::string();
          if (q.empty() || AsciiIEquals(q, n.alias)) assigned = true;
        }
        if (assigned) add_name(*n.table);
      }
      break;
    }
    case StatementKind::kDelete: {
      const auto* d = stmt.As<DeleteStmt>();
      for (const auto& r : d->from)
        if (r) collect(collect, *r);
      if (!d->multi_table) {
        for (const Named& n : named) add_name(*n.table);
        break;
      }
      for (const TableName& t : d->targets) {
        const Named* hit = nullptr;
        for (const Named& n : named)
          if (t.db.empty() && AsciiIEquals(n.alias, t.name)) hit = &n;
        add_name(hit ? *hit->table : t);
      }
      break;
    }
    case StatementKind::kCreateTable: {
      const auto* c = stmt.As<CreateTableStmt>();
      add(c->table.db, c->table.name);
      break;
    }
    case StatementKind::kDropTable:
      for (const TableName& t : stmt.As<DropTableStmt>()->tables) add_name(t);
      break;
    case StatementKind::kTruncate:
      add_name(stmt.As<TruncateStmt>()->table);
      break;
    case StatementKind::kRenameTable:
      for (const auto& [from, to] : stmt.As<RenameTableStmt>()->renames) {
        add_name(from);
        add_name(to);
      }
      break;
    case StatementKind::kAlterTable: {
      const auto* a = stmt.As<AlterTableStmt>();
      add_name(a->table);
      for (const AlterOp& op : a->ops)
        if (!op.new_table.name.empty()) add_name(op.new_table);
      break;
    }
    case StatementKind::kCreateIndex:
      add_name(stmt.As<CreateIndexStmt>()->table);
      break;
    case StatementKind::kDropIndex:
      add_name(stmt.As<DropIndexStmt>()->table);
      break;
    case StatementKind::kAdminTable:
      for (const TableName& t : stmt.As<AdminTableStmt>()->tables) add_name(t);
      break;
    default:
      break;
  }
  return out;
}

}  // namespace relaydb::sql
