// Control-flow, information, locking and CAST functions: IF/NULLIF/INTERVAL,
// LAST_INSERT_ID and the other session values, user variables, SLEEP,
// BENCHMARK, GET_LOCK and friends (a process-wide registry of named locks),
// replication hooks, and CAST(... AS SIGNED/UNSIGNED/DECIMAL/CHAR/BINARY/
// DOUBLE). Session values come from the FunctionContext.
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <map>
#include <mutex>

#include "sql/functions_internal.h"

namespace relaydb::sql {
namespace {

// Server-wide user-level locks (GET_LOCK). Names compare case-insensitively.
// A lock is owned by one connection and is re-entrant (a count).
class UserLockRegistry {
 public:
  static UserLockRegistry& Get() {
    static UserLockRegistry* r = new UserLockRegistry;
    return *r;
  }

  // 1 acquired, 0 timed out, -1 interrupted.
  int Acquire(const std::string& key, uint64_t owner, double timeout, FunctionContext* session) {
    std::unique_lock<std::mutex> lock(mu_);
    auto deadline = std::chrono::steady_clock::now() +
                    std::chrono::microseconds(static_cast<int64_t>(std::min(timeout, 31536000.0) * 1e6));
    bool forever = timeout < 0;
    while (true) {
      auto it = locks_.find(key);
      if (it == locks_.end()) {
        locks_[key] = Entry{owner, 1};
        return 1;
      }
      if (it->second.owner == owner) {
        it->second.count++;
        return 1;
      }
      if (session->IsKilled()) return -1;
      auto now = std::chrono::steady_clock::now();
      if (!forever && now >= deadline) return 0;
      auto step = std::chrono::milliseconds(50);
      if (!forever && deadline - now < step) {
        cv_.wait_until(lock, deadline);
      } else {
        cv_.wait_for(lock, step);
      }
    }
  }

  // 1 released, 0 owned by someone else, -1 no such lock.
  int Release(const std::string& key, uint64_t owner) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = locks_.find(key);
    if (it == locks_.end()) return -1;
    if (it->second.owner != owner) return 0;
    if (--it->second.count == 0) {
      locks_.erase(it);
      cv_.notify_all();
    }
    return 1;
  }

  uint64_t ReleaseAll(uint64_t owner) {
    std::lock_guard<std::mutex> lock(mu_);
    uint64_t n = 0;
    for (auto it = locks_.begin(); it != locks_.end();) {
      if (it->second.owner == owner) {
        n += it->second.count;
        it = locks_.erase(it);
      } else {
        ++it;
      }
    }
    if (n > 0) cv_.notify_all();
    return n;
  }

  // The owner, or 0 when free.
  uint64_t Owner(const std::string& key) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = locks_.find(key);
    return it == locks_.end() ? 0 : it->second.owner;
  }

 private:
  struct Entry {
    uint64_t owner;
    uint64_t count;
  };
  std::mutex mu_;
  std::condition_variable cv_;
  std::map<std::string, Entry> locks_;  // GUARDED_BY(mu_)
};

}  // namespace

uint64_t ReleaseAllUserLocks(uint64_t connection_id) {
  return UserLockRegistry::Get().ReleaseAll(connection_id);
}

namespace fn {
namespace {

// ---- Control flow ----

void If(Call& c) { c.SetArg(c.Truth(0) ? 1 : 2); }

void Truth(Call& c) {
  if (c.is_null(0)) return c.SetNull();
  c.SetInt(c.Truth(0) ? 1 : 0);
}

// NULLIF(a, b) with MySQL's comparison (collation for strings).
void NullIf(Call& c) {
  if (c.is_null(0)) return c.SetNull();
  if (c.is_null(1)) return c.SetArg(0);
  bool sa = c.is_text(0) || c.is_blob(0), sb = c.is_text(1) || c.is_blob(1);
  bool equal;
  if (sa && sb) {
    bool bin = c.is_blob(0) || c.is_blob(1);
    equal = (bin ? BinCompare(c.Str(0), c.Str(1)) : CiCompare(c.Str(0), c.Str(1))) == 0;
  } else if (c.is_int(0) && c.is_int(1)) {
    equal = c.Int(0) == c.Int(1);
  } else {
    equal = c.Double(0) == c.Double(1);
  }
  if (equal) return c.SetNull();
  c.SetArg(0);
}

// a XOR b: NULL if either is NULL.
void Xor(Call& c) {
  if (c.is_null(0) || c.is_null(1)) return c.SetNull();
  c.SetInt(c.Truth(0) != c.Truth(1) ? 1 : 0);
}

void IsNull(Call& c) { c.SetInt(c.is_null(0) ? 1 : 0); }

// INTERVAL(N, N1, N2, ...): index of the last Ni <= N (binary search over a
// list assumed sorted; NULL entries count as -infinity); -1 if N is NULL.
void IntervalFn(Call& c) {
  if (c.is_null(0)) return c.SetInt(-1);
  double n = c.Double(0);
  int start = 0, end = c.argc() - 1;
  auto value = [&](int k) { return c.is_null(k) ? -HUGE_VAL : c.Double(k); };
  while (start != end) {
    int mid = (start + end + 1) / 2;
    if (value(mid) <= n) {
      start = mid;
    } else {
      end = mid - 1;
    }
  }
  c.SetInt(start);
}

// ---- Session values ----

void LastInsertId(Call& c) {
  if (c.argc() == 0) return c.SetUnsigned(c.session().LastInsertId());
  if (c.is_null(0)) {
    c.session().SetLastInsertId(0);
    return c.SetNull();
  }
  uint64_t v = static_cast<uint64_t>(c.Int(0));
  c.session().SetLastInsertId(v);
  c.SetUnsigned(v);
}
void RowCount(Call& c) { c.SetInt(c.session().RowCount()); }
void FoundRows(Call& c) { c.SetUnsigned(c.session().FoundRows()); }
void ConnectionId(Call& c) { c.SetUnsigned(c.session().ConnectionId()); }
void Database(Call& c) {
  auto db = c.session().Database();
  if (!db.has_value()) return c.SetNull();
  c.SetText(*db);
}
void User(Call& c) { c.SetText(c.session().User()); }
void CurrentUser(Call& c) { c.SetText(c.session().CurrentUser()); }
void Version(Call& c) { c.SetText(c.session().Version()); }

Value ToValue(sqlite3_value* v) {
  switch (sqlite3_value_type(v)) {
    case SQLITE_INTEGER:
      return Value::Int(sqlite3_value_int64(v));
    case SQLITE_FLOAT:
      return Value::Double(sqlite3_value_double(v));
    case SQLITE_NULL:
      return Value::Null();
    default: {
      std::string s;
      AppendValueText(v, &s);
      return Value::String(std::move(s));
    }
  }
}

void GetUserVar(Call& c) { c.SetValue(c.session().GetUserVariable(c.Str(0))); }

void SetUserVar(Call& c) {
  c.session().SetUserVariable(c.Str(0), ToValue(c.arg(1)));
  c.SetArg(1);
}

// ---- Waiting and locks ----

void Sleep(Call& c) {
  if (c.is_null(0)) return c.SetInt(0);
  double s = c.Double(0);
  if (s <= 0) return c.SetInt(0);
  c.SetInt(c.session().SleepInterruptible(s) ? 1 : 0);
}

void Benchmark(Call& c) {
  if (c.is_null(0)) return c.SetNull();
  int64_t n = c.Int(0);
  if (n < 0) {
    c.Warn(1411, "Incorrect count value: '" + std::to_string(n) + "' for function benchmark");
    return c.SetNull();
  }
  c.SetInt(0);
}

// Lock names compare byte for byte (MariaDB with utf8mb4 connections).
std::string LockKey(Call& c, int i) { return std::string(c.Str(i)); }

void GetLock(Call& c) {
  if (c.is_null(0) || c.Str(0).empty()) return c.SetNull();
  double timeout = c.argc() >= 2 && !c.is_null(1) ? c.Double(1) : 0;
  int r = UserLockRegistry::Get().Acquire(LockKey(c, 0), c.session().ConnectionId(), timeout, &c.session());
  if (r < 0) return c.SetNull();
  c.SetInt(r);
}

void ReleaseLock(Call& c) {
  int r = UserLockRegistry::Get().Release(LockKey(c, 0), c.session().ConnectionId());
  if (r < 0) return c.SetNull();
  c.SetInt(r);
}

void ReleaseAllLocks(Call& c) { c.SetUnsigned(ReleaseAllUserLocks(c.session().ConnectionId())); }

void IsFreeLock(Call& c) { c.SetInt(UserLockRegistry::Get().Owner(LockKey(c, 0)) == 0 ? 1 : 0); }

void IsUsedLock(Call& c) {
  uint64_t owner = UserLockRegistry::Get().Owner(LockKey(c, 0));
  if (owner == 0) return c.SetNull();
  c.SetUnsigned(owner);
}

// ---- Replication hooks ----

void MasterPosWait(Call& c) {
  if (c.is_null(0) || c.is_null(1)) return c.SetNull();
  double timeout = c.argc() >= 3 && !c.is_null(2) ? c.Double(2) : 0;
  std::string_view channel = c.argc() >= 4 && !c.is_null(3) ? c.Str(3) : std::string_view();
  c.SetValue(c.session().MasterPosWait(c.Str(0), c.Int(1), timeout, channel));
}

void MasterGtidWait(Call& c) {
  if (c.is_null(0)) return c.SetNull();
  double timeout = c.argc() >= 2 && !c.is_null(1) ? c.Double(1) : -1;
  c.SetValue(c.session().MasterGtidWait(c.Str(0), timeout));
}

void BinlogGtidPos(Call& c) { c.SetValue(c.session().BinlogGtidPos(c.Str(0), c.Int(1))); }

// ---- CAST ----

std::string Quoted(std::string_view s) {
  std::string r = "'";
  r.append(s);
  r.push_back('\'');
  return r;
}

// CAST(x AS SIGNED). rdb_cast_signed(x[, is_decimal]): with is_decimal, a
// TEXT argument is a DECIMAL value (rounded half away from zero).
void CastSigned(Call& c) {
  switch (c.type(0)) {
    case SQLITE_INTEGER:
      return c.SetArg(0);
    case SQLITE_FLOAT: {
      double d = std::rint(c.Double(0));
      if (d >= 9223372036854775807.0 || d < -9223372036854775808.0) {
        c.Warn(1916,
               "Got overflow when converting " + Quoted(c.Str(0)) + " to SIGNED BIGINT. Value truncated",
               WarningLevel::kNote);
        return c.SetInt(d < 0 ? INT64_MIN : INT64_MAX);
      }
      return c.SetInt(static_cast<int64_t>(d));
    }
    default: {
      if (c.argc() >= 2 && c.Truth(1)) {
        int64_t v;
        Decimal d = c.Dec(0);
        if (!d.ToInt64(&v)) {
          c.Warn(1916,
                 "Got overflow when converting " + Quoted(c.Str(0)) + " to SIGNED BIGINT. Value truncated",
                 WarningLevel::kNote);
        }
        return c.SetInt(v);
      }
      return c.SetInt(c.Int(0));
    }
  }
}

void CastUnsigned(Call& c) {
  switch (c.type(0)) {
    case SQLITE_INTEGER: {
      int64_t v = c.Int(0);
      if (v < 0) {
        c.Warn(1105, "Cast to unsigned converted negative integer to it's positive complement",
               WarningLevel::kNote);
      }
      return c.SetUnsigned(static_cast<uint64_t>(v));
    }
    case SQLITE_FLOAT: {
      double d = std::rint(c.Double(0));
      if (d < 0 || d >= 18446744073709551615.0) {
        c.Warn(1916,
               "Got overflow when converting " + Quoted(c.Str(0)) + " to UNSIGNED BIGINT. Value truncated",
               WarningLevel::kNote);
        return c.SetUnsigned(d < 0 ? 0 : UINT64_MAX);
      }
      return c.SetUnsigned(static_cast<uint64_t>(d));
    }
    default: {
      if (c.argc() >= 2 && c.Truth(1)) {
        Decimal d = c.Dec(0);
        uint64_t v;
        if (!d.ToUint64(&v)) {
          c.Warn(1916,
                 "Got overflow when converting " + Quoted(c.Str(0)) + " to UNSIGNED BIGINT. Value truncated",
                 WarningLevel::kNote);
        }
        return c.SetUnsigned(v);
      }
      bool is_unsigned = false;
      int64_t v = c.Int(0, &is_unsigned);
      if (v < 0 && !is_unsigned) {
        c.Warn(1105, "Cast to unsigned converted negative integer to it's positive complement",
               WarningLevel::kNote);
      }
      return c.SetUnsigned(static_cast<uint64_t>(v));
    }
  }
}

// CAST(x AS DECIMAL(p, s)): rounded to s decimals; out of range saturates
// with warning 1264.
void CastDecimal(Call& c) {
  int64_t p = c.argc() >= 2 ? c.Int(1) : 10;
  int64_t s = c.argc() >= 3 ? c.Int(2) : 0;
  p = std::clamp<int64_t>(p, 1, Decimal::kMaxPrecision);
  s = std::clamp<int64_t>(s, 0, std::min<int64_t>(p, Decimal::kMaxScale));
  Decimal d = c.Dec(0).Rescale(static_cast<int>(s));
  if (d.IntegerDigits() > p - s) {
    std::string max(static_cast<size_t>(p - s), '9');
    if (s > 0) {
      max.push_back('.');
      max.append(static_cast<size_t>(s), '9');
    }
    if (max.empty() || max[0] == '.') max.insert(0, "0");
    Decimal m;
    Decimal::Parse(max, &m);
    d = d.is_negative() ? m.Negated() : m;
    std::string expr = "cast(";
    expr.append(c.Str(0));
    expr.append(" as decimal(" + std::to_string(p) + "," + std::to_string(s) + "))");
    c.Warn(1264, "Out of range value for column '" + expr + "' at row 1");
  }
  c.SetDecimal(d);
}

void CastDouble(Call& c) { c.SetDouble(c.Double(0)); }

// rdb_format_double(x, decimals): a DOUBLE's text as MariaDB prints an item
// with fixed decimals (CONCAT(PI()) is '3.141593'); decimals < 0: not fixed.
void FormatDoubleFn(Call& c) {
  int64_t d = c.Int(1);
  c.SetText(FormatMysqlDouble(c.Double(0), d < 0 || d > 38 ? -1 : static_cast<int>(d)));
}

void CastFloat(Call& c) { c.SetDouble(static_cast<double>(static_cast<float>(c.Double(0)))); }

// rdb_float_text(x[, decimals]): a FLOAT column's value as text, as MySQL
// reads it where a string is wanted (CONCAT(f) is '1.1', not the double
// 1.100000023841858): 6 significant digits, or exactly `decimals` digits
// for FLOAT(M,D). Non-REAL values pass through.
void FloatText(Call& c) {
  if (!c.is_real(0)) return c.SetArg(0);
  std::string out;
  int64_t d = c.argc() >= 2 && !c.is_null(1) ? c.Int(1) : -1;
  if (d >= 0 && d < 31) {
    AppendDoubleFixed(static_cast<float>(c.Double(0)), static_cast<int>(d), &out);
  } else {
    AppendFloat(static_cast<float>(c.Double(0)), &out);
  }
  c.SetText(out);
}

// CAST(x AS CHAR[(n)]) / CONVERT(x USING cs).
void CastChar(Call& c) {
  if (c.is_null(0)) return c.SetNull();
  std::string_view s = c.Str(0);
  if (c.argc() >= 2 && !c.is_null(1)) {
    int64_t n = c.Int(1);
    size_t off = Utf8Offset(s, static_cast<size_t>(std::max<int64_t>(n, 0)));
    if (off < s.size()) {
      c.Warn(1292, "Truncated incorrect CHAR(" + std::to_string(n) + ") value: " + Quoted(s));
      return c.SetText(s.substr(0, off));
    }
  }
  c.SetText(s);
}

// CAST(x AS BINARY[(n)]): bytes, NUL-padded or cut to n.
void CastBinary(Call& c) {
  if (c.is_null(0)) return c.SetNull();
  std::string_view s = c.Str(0);
  if (c.argc() >= 2 && !c.is_null(1)) {
    int64_t n = std::max<int64_t>(c.Int(1), 0);
    std::string out(s.substr(0, static_cast<size_t>(std::min<int64_t>(n, static_cast<int64_t>(s.size())))));
    if (static_cast<int64_t>(s.size()) > n) {
      c.Warn(1292, "Truncated incorrect BINARY(" + std::to_string(n) + ") value: " + Quoted(s));
    }
    out.resize(static_cast<size_t>(n), '\0');
    return c.SetBlob(out);
  }
  c.SetBlob(s);
}

const ScalarDef kScalars[] = {
    {"rdb_if", 3, If, kDeterministic},
    {"rdb_truth", 1, Truth, kDeterministic},
    {"rdb_nullif", 2, NullIf, kDeterministic},
    {"rdb_isnull", 1, IsNull, kDeterministic},
    {"rdb_xor", 2, Xor, kDeterministic},
    {"rdb_interval", -1, IntervalFn, kDeterministic},
    {"rdb_last_insert_id", 0, LastInsertId, 0},
    {"rdb_last_insert_id", 1, LastInsertId, 0},
    {"rdb_row_count", 0, RowCount, 0},
    {"rdb_found_rows", 0, FoundRows, 0},
    {"rdb_connection_id", 0, ConnectionId, kDeterministic},
    {"rdb_database", 0, Database, 0},
    {"rdb_user", 0, User, 0},
    {"rdb_current_user", 0, CurrentUser, 0},
    {"rdb_version", 0, Version, kDeterministic},
    {"rdb_get_user_var", 1, GetUserVar, 0},
    {"rdb_set_user_var", 2, SetUserVar, 0},
    {"rdb_sleep", 1, Sleep, 0},
    {"rdb_benchmark", 2, Benchmark, 0},
    {"rdb_get_lock", 1, GetLock, 0},
    {"rdb_get_lock", 2, GetLock, 0},
    {"rdb_release_lock", 1, ReleaseLock, kNullIfAnyNull},
    {"rdb_release_all_locks", 0, ReleaseAllLocks, 0},
    {"rdb_is_free_lock", 1, IsFreeLock, kNullIfAnyNull},
    {"rdb_is_used_lock", 1, IsUsedLock, kNullIfAnyNull},
    {"rdb_master_pos_wait", 2, MasterPosWait, 0},
    {"rdb_master_pos_wait", 3, MasterPosWait, 0},
    {"rdb_master_pos_wait", 4, MasterPosWait, 0},
    {"rdb_master_gtid_wait", 1, MasterGtidWait, 0},
    {"rdb_master_gtid_wait", 2, MasterGtidWait, 0},
    {"rdb_binlog_gtid_pos", 2, BinlogGtidPos, kNullIfAnyNull},
    {"rdb_cast_signed", 1, CastSigned, kNullIfAnyNull | kDeterministic},
    {"rdb_cast_signed", 2, CastSigned, kNullIfAnyNull | kDeterministic},
    {"rdb_cast_unsigned", 1, CastUnsigned, kNullIfAnyNull | kDeterministic},
    {"rdb_cast_unsigned", 2, CastUnsigned, kNullIfAnyNull | kDeterministic},
    {"rdb_cast_decimal", 1, CastDecimal, kNullIfAnyNull | kDeterministic},
    {"rdb_cast_decimal", 2, CastDecimal, kNullIfAnyNull | kDeterministic},
    {"rdb_cast_decimal", 3, CastDecimal, kNullIfAnyNull | kDeterministic},
    {"rdb_cast_double", 1, CastDouble, kNullIfAnyNull | kDeterministic},
    {"rdb_format_double", 2, FormatDoubleFn, kNullIfAnyNull | kDeterministic},
    {"rdb_cast_float", 1, CastFloat, kNullIfAnyNull | kDeterministic},
    {"rdb_float_text", 1, FloatText, kNullIfAnyNull | kDeterministic},
    {"rdb_float_text", 2, FloatText, kNullIfAnyNull | kDeterministic},
    {"rdb_cast_char", 1, CastChar, kNullIfAnyNull | kDeterministic},
    {"rdb_cast_char", 2, CastChar, kDeterministic},
    {"rdb_cast_binary", 1, CastBinary, kNullIfAnyNull | kDeterministic},
    {"rdb_cast_binary", 2, CastBinary, kDeterministic},
};

}  // namespace

FamilyTable MiscFunctions() { return {kScalars, std::size(kScalars), nullptr, 0}; }

}  // namespace fn
}  // namespace relaydb::sql
