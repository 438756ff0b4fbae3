// Out-of-line pieces of the AST (sql/ast.h): destructors of the recursive
// types, names of enums, and MariaDB's index naming and ordering rules.
#include "sql/ast.h"

#include <algorithm>

namespace relaydb::sql {

// Long operator chains ("a OR b OR c ..." from generated queries, "- - - 1")
// build deep trees without deep parser recursion; destroying them
// recursively could overflow the stack. Shallow trees are destroyed
// recursively (no allocation); past kRecursiveDepth the remaining subtree
// is dismantled with an explicit stack.
namespace {
constexpr int kRecursiveDepth = 128;
thread_local int expr_destroy_depth = 0;
thread_local int query_destroy_depth = 0;

void MoveChildren(Expr& e, std::vector<ExprPtr>* out) {
  for (ExprPtr& a : e.args)
    if (a) out->push_back(std::move(a));
  e.args.clear();
  if (e.case_operand) out->push_back(std::move(e.case_operand));
  for (CaseWhen& w : e.whens) {
    if (w.when) out->push_back(std::move(w.when));
    if (w.then) out->push_back(std::move(w.then));
  }
  e.whens.clear();
  if (e.else_expr) out->push_back(std::move(e.else_expr));
}
}  // namespace

Expr::~Expr() {
  if (expr_destroy_depth < kRecursiveDepth) {
    ++expr_destroy_depth;
    args.clear();
    case_operand.reset();
    whens.clear();
    else_expr.reset();
    --expr_destroy_depth;
    return;
  }
  std::vector<ExprPtr> stack;
  MoveChildren(*this, &stack);
  while (!stack.empty()) {
    ExprPtr e = std::move(stack.back());
    stack.pop_back();
    MoveChildren(*e, &stack);
  }  // each popped node is destroyed childless
}

TableRef::~TableRef() = default;

QueryExpr::~QueryExpr() {
  if (query_destroy_depth < kRecursiveDepth) {
    ++query_destroy_depth;
    left.reset();
    right.reset();
    --query_destroy_depth;
    return;
  }
  std::vector<QueryPtr> stack;
  if (left) stack.push_back(std::move(left));
  if (right) stack.push_back(std::move(right));
  while (!stack.empty()) {
    QueryPtr q = std::move(stack.back());
    stack.pop_back();
    if (q->left) stack.push_back(std::move(q->left));
    if (q->right) stack.push_back(std::move(q->right));
  }
}

Statement::~Statement() = default;

std::string_view IntervalUnitName(IntervalUnit unit) {
  switch (unit) {
    case IntervalUnit::kNone: return "";
    case IntervalUnit::kMicrosecond: return "MICROSECOND";
    case IntervalUnit::kSecond: return "SECOND";
    case IntervalUnit::kMinute: return "MINUTE";
    case IntervalUnit::kHour: return "HOUR";
    case IntervalUnit::kDay: return "DAY";
    case IntervalUnit::kWeek: return "WEEK";
    case IntervalUnit::kMonth: return "MONTH";
    case IntervalUnit::kQuarter: return "QUARTER";
    case IntervalUnit::kYear: return "YEAR";
    case IntervalUnit::kSecondMicrosecond: return "SECOND_MICROSECOND";
    case IntervalUnit::kMinuteMicrosecond: return "MINUTE_MICROSECOND";
    case IntervalUnit::kMinuteSecond: return "MINUTE_SECOND";
    case IntervalUnit::kHourMicrosecond: return "HOUR_MICROSECOND";
    case IntervalUnit::kHourSecond: return "HOUR_SECOND";
    case IntervalUnit::kHourMinute: return "HOUR_MINUTE";
    case IntervalUnit::kDayMicrosecond: return "DAY_MICROSECOND";
    case IntervalUnit::kDaySecond: return "DAY_SECOND";
    case IntervalUnit::kDayMinute: return "DAY_MINUTE";
    case IntervalUnit::kDayHour: return "DAY_HOUR";
    case IntervalUnit::kYearMonth: return "YEAR_MONTH";
  }
  return "";
}

std::string_view StatementKindName(StatementKind kind) {
  switch (kind) {
    case StatementKind::kUnknown: return "UNKNOWN";
    case StatementKind::kEmpty: return "EMPTY";
    case StatementKind::kSelect: return "SELECT";
    case StatementKind::kInsert: return "INSERT";
    case StatementKind::kUpdate: return "UPDATE";
    case StatementKind::kDelete: return "DELETE";
    case StatementKind::kCreateDatabase: return "CREATE DATABASE";
    case StatementKind::kDropDatabase: return "DROP DATABASE";
    case StatementKind::kAlterDatabase: return "ALTER DATABASE";
    case StatementKind::kUse: return "USE";
    case StatementKind::kCreateTable: return "CREATE TABLE";
    case StatementKind::kDropTable: return "DROP TABLE";
    case StatementKind::kTruncate: return "TRUNCATE";
    case StatementKind::kRenameTable: return "RENAME TABLE";
    case StatementKind::kAlterTable: return "ALTER TABLE";
    case StatementKind::kCreateIndex: return "CREATE INDEX";
    case StatementKind::kDropIndex: return "DROP INDEX";
    case StatementKind::kShow: return "SHOW";
    case StatementKind::kExplain: return "EXPLAIN";
    case StatementKind::kBegin: return "BEGIN";
    case StatementKind::kCommit: return "COMMIT";
    case StatementKind::kRollback: return "ROLLBACK";
    case StatementKind::kSavepoint: return "SAVEPOINT";
    case StatementKind::kReleaseSavepoint: return "RELEASE SAVEPOINT";
    case StatementKind::kSetTransaction: return "SET TRANSACTION";
    case StatementKind::kLockTables: return "LOCK TABLES";
    case StatementKind::kUnlockTables: return "UNLOCK TABLES";
    case StatementKind::kSet: return "SET";
    case StatementKind::kSetPassword: return "SET PASSWORD";
    case StatementKind::kCreateUser: return "CREATE USER";
    case StatementKind::kDropUser: return "DROP USER";
    case StatementKind::kAlterUser: return "ALTER USER";
    case StatementKind::kRenameUser: return "RENAME USER";
    case StatementKind::kGrant: return "GRANT";
    case StatementKind::kRevoke: return "REVOKE";
    case StatementKind::kFlush: return "FLUSH";
    case StatementKind::kKill: return "KILL";
    case StatementKind::kPurgeLogs: return "PURGE LOGS";
    case StatementKind::kReset: return "RESET";
    case StatementKind::kChangeMaster: return "CHANGE MASTER";
    case StatementKind::kReplicaControl: return "START/STOP SLAVE";
    case StatementKind::kDo: return "DO";
    case StatementKind::kAdminTable: return "ADMIN TABLE";
    case StatementKind::kHelp: return "HELP";
    case StatementKind::kBinlog: return "BINLOG";
    case StatementKind::kUnsupported: return "UNSUPPORTED";
  }
  return "";
}

namespace {
bool SameName(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x + 32);
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y + 32);
    if (x != y) return false;
  }
  return true;
}

bool NameTaken(const std::vector<IndexDef>& existing, std::string_view name) {
  if (SameName(name, "PRIMARY")) return true;
  for (const IndexDef& i : existing)
    if (SameName(i.name, name)) return true;
  return false;
}
}  // namespace

std::string AssignIndexName(const std::vector<IndexDef>& existing,
                            const std::string& first_column) {
  if (!NameTaken(existing, first_column)) return first_column;
  for (int i = 2;; ++i) {
    std::string candidate = first_column + "_" + std::to_string(i);
    if (!NameTaken(existing, candidate)) return candidate;
  }
}

void SortIndexes(const std::vector<ColumnDef>& columns, std::vector<IndexDef>* indexes) {
  auto nullable_part = [&](const IndexDef& idx) {
    for (const IndexColumn& c : idx.columns) {
      for (const ColumnDef& col : columns)
        if (SameName(col.name, c.name) && col.nullable) return true;
    }
    return false;
  };
  auto prefix_part = [](const IndexDef& idx) {
    for (const IndexColumn& c : idx.columns)
      if (c.prefix_length >= 0) return true;
    return false;
  };
  // Rank per MariaDB's sort_keys(): unique keys first (NOT NULL ones, then
  // PRIMARY, then those without prefix parts), then plain keys, FULLTEXT last.
  auto rank = [&](const IndexDef& idx) -> int {
    bool unique = idx.kind == IndexKind::kPrimary || idx.kind == IndexKind::kUnique;
    if (unique) {
      if (idx.kind == IndexKind::kPrimary) return 0;
      int r = 1;
      if (nullable_part(idx)) r += 2;
      if (prefix_part(idx)) r += 1;
      return r;
    }
    return idx.kind == IndexKind::kFulltext ? 6 : 5;
  };
  std::stable_sort(indexes->begin(), indexes->end(),
                   [&](const IndexDef& a, const IndexDef& b) { return rank(a) < rank(b); });
}

}  // namespace relaydb::sql
