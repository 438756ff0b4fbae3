// ReplicationFilter: the replica's --replicate-* rules (docs/applier.md
// "Filters"), evaluated in MySQL's order:
//
//   database rules (DbOk)              table rules (TablesOk)
//   ─────────────────────              ──────────────────────
//   no do/ignore-db ─▶ pass            no table rules ─▶ execute
//   no database ─▶ pass                for each updated table, in order:
//   do-db given ─▶ pass iff listed       do-table ─▶ execute
//   else ignore-db listed ─▶ skip        ignore-table ─▶ skip
//                                        wild-do-table ─▶ execute
//                                        wild-ignore-table ─▶ skip
//                                      no rule matched: skip if any
//                                      do-table/wild-do-table exists, else
//                                      execute (also when none is updated)
//
// A statement (Query event) is checked with its default database — the
// database of USE, not the databases its tables name, as MySQL does — and
// then with the tables it updates. A row change is checked with the
// database and name of the table it changes (its Table_map). Database
// names compare exactly (lower_case_table_names=0); table rules compare
// case-insensitively, the wild ones as LIKE patterns ('%', '_', '\'), as
// MariaDB does. --replicate-rewrite-db renames the default database of a
// statement and the database of a Table_map before any rule is checked.
//
// Immutable once built; safe to share between threads.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace relaydb::sql {

class GlobalVariables;
struct Statement;

struct QualifiedTable {
  std::string db;
  std::string table;
};

class ReplicationFilter {
 public:
  ReplicationFilter() = default;

  // From the replicate_* global variables (comma-separated lists; rewrite
  // entries "from->to").
  static ReplicationFilter FromVariables(const GlobalVariables& vars);

  std::vector<std::string> do_db, ignore_db;
  std::vector<std::string> do_table, ignore_table;            // "db.table"
  std::vector<std::string> wild_do_table, wild_ignore_table;  // "db%.t_"
  std::vector<std::pair<std::string, std::string>> rewrite_db;

  bool empty() const;
  bool has_table_rules() const {
    return !do_table.empty() || !ignore_table.empty() || !wild_do_table.empty() ||
           !wild_ignore_table.empty();
  }

  // The database after --replicate-rewrite-db.
  std::string RewriteDb(std::string_view db) const;
  // Database rules. `db` empty: no database selected (passes).
  bool DbOk(std::string_view db) const;
  // Table rules over the tables a statement or row event updates.
  bool TablesOk(const std::vector<QualifiedTable>& updated) const;
};

// The tables a parsed statement writes (what the table rules look at):
// INSERT/REPLACE's target, UPDATE's assigned tables, DELETE's targets, the
// tables DDL creates, alters, renames (both names), truncates or drops.
// Unqualified names take `default_db`. Tables only read are not included.
std::vector<QualifiedTable> UpdatedTables(const Statement& stmt, std::string_view default_db);

}  // namespace relaydb::sql
