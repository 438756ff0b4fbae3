// Aggregates with MySQL semantics SQLite lacks: GROUP_CONCAT with DISTINCT,
// ORDER BY and group_concat_max_len; COUNT(DISTINCT) of several values; exact SUM/AVG (integers and DECIMAL
// text without overflow, AVG of exact values as DECIMAL with
// div_precision_increment more decimals); BIT_AND/OR/XOR as BIGINT UNSIGNED;
// and the variance family (STD, STDDEV_*, VAR_*, VARIANCE).
//
// State lives in a heap object whose pointer sits in the SQLite aggregate
// context; xFinal always runs (SQLite finalizes aggregate cells even when a
// statement is reset), so xFinal frees it.
#include <algorithm>
#include <cmath>
#include <set>

#include "sql/functions_internal.h"

namespace relaydb::sql::fn {
namespace {

template <typename State>
State* GetState(sqlite3_context* ctx, bool create) {
  auto** slot = static_cast<State**>(sqlite3_aggregate_context(ctx, create ? sizeof(State*) : 0));
  if (slot == nullptr) return nullptr;
  if (*slot == nullptr && create) *slot = new State;
  return *slot;
}

template <typename State>
void FreeState(sqlite3_context* ctx) {
  auto** slot = static_cast<State**>(sqlite3_aggregate_context(ctx, 0));
  if (slot != nullptr) {
    delete *slot;
    *slot = nullptr;
  }
}

// ---- GROUP_CONCAT ----
//
// rdb_group_concat(value, separator[, key, desc]...)
//   one value (the translator concatenates several), ORDER BY keys each
//   followed by 1 for DESC or 0 for ASC.
// rdb_group_concat_ex(spec, separator, v1, ..., vN, k1, ..., kM)
//   the full form: spec is 'D' (DISTINCT) or '-', then N in decimal, then one
//   'a'/'d' per ORDER BY key: '-1' for GROUP_CONCAT(x), 'D2ad' for
//   GROUP_CONCAT(DISTINCT x, y ORDER BY k1 ASC, k2 DESC); then optionally
//   'L' and a row count and 'O' and an offset for GROUP_CONCAT(... LIMIT
//   [offset,] count): '-1aL2' for GROUP_CONCAT(x ORDER BY x LIMIT 2).
// Rows with a NULL value are skipped. DISTINCT compares values by collation;
// without ORDER BY, DISTINCT output is sorted by the values (as MariaDB's
// unique tree returns them). Keys order with NULLs first, numbers
// numerically, strings by collation.

struct SortKey {
  int type = SQLITE_NULL;
  double num = 0;
  int64_t i = 0;
  std::string text;
};

int CompareKey(const SortKey& a, const SortKey& b) {
  if (a.type == SQLITE_NULL || b.type == SQLITE_NULL) {
    if (a.type == b.type) return 0;
    return a.type == SQLITE_NULL ? -1 : 1;
  }
  bool an = a.type == SQLITE_INTEGER || a.type == SQLITE_FLOAT;
  bool bn = b.type == SQLITE_INTEGER || b.type == SQLITE_FLOAT;
  if (an && bn) {
    if (a.type == SQLITE_INTEGER && b.type == SQLITE_INTEGER) return a.i < b.i ? -1 : a.i > b.i ? 1 : 0;
    return a.num < b.num ? -1 : a.num > b.num ? 1 : 0;
  }
  if (an != bn) return an ? -1 : 1;
  if (a.type == SQLITE_BLOB || b.type == SQLITE_BLOB) return BinCompare(a.text, b.text);
  return CiCompare(a.text, b.text);
}

SortKey MakeKey(sqlite3_value* v) {
  SortKey k;
  k.type = sqlite3_value_type(v);
  switch (k.type) {
    case SQLITE_INTEGER:
      k.i = sqlite3_value_int64(v);
      k.num = static_cast<double>(k.i);
      break;
    case SQLITE_FLOAT:
      k.num = sqlite3_value_double(v);
      break;
    case SQLITE_TEXT:
    case SQLITE_BLOB:
      AppendValueText(v, &k.text);
      break;
    default:
      break;
  }
  return k;
}

struct GroupConcatRow {
  std::vector<SortKey> values;  // for DISTINCT
  std::vector<SortKey> keys;    // ORDER BY
  std::string text;             // the values concatenated
};

int CompareTuple(const std::vector<SortKey>& a, const std::vector<SortKey>& b, const std::string* dirs) {
  for (size_t i = 0; i < a.size() && i < b.size(); i++) {
    int c = CompareKey(a[i], b[i]);
    if (dirs != nullptr && i < dirs->size() && (*dirs)[i] == 'd') c = -c;
    if (c != 0) return c;
  }
  return 0;
}

struct GroupConcatState {
  bool init = false;
  bool distinct = false;
  int nvalues = 1;
  std::string dirs;
  std::string sep;
  bool binary = false;
  int64_t limit = -1;  // LIMIT row count (-1: none)
  int64_t offset = 0;
  uint64_t rows_seen = 0;
  // Streaming form (no DISTINCT, no ORDER BY).
  std::string out;
  bool any = false;
  uint64_t cut_row = 0;
  // Buffered form.
  std::vector<GroupConcatRow> rows;
};

// Adds one row; `keys` holds the ORDER BY values (pair form: every other one).
void GroupConcatAdd(sqlite3_context* ctx, GroupConcatState* st, int first, int nv, sqlite3_value** argv,
                    const std::vector<sqlite3_value*>& keys);

void GroupConcatPairStep(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  auto* st = GetState<GroupConcatState>(ctx, true);
  if (st == nullptr) return sqlite3_result_error_nomem(ctx);
  if (!st->init) {
    if (argc >= 2 && sqlite3_value_type(argv[1]) != SQLITE_NULL) {
      AppendValueText(argv[1], &st->sep);
    } else if (argc < 2) {
      st->sep = ",";
    }
    for (int k = 3; k < argc; k += 2) {
      bool desc = sqlite3_value_type(argv[k]) == SQLITE_INTEGER ? sqlite3_value_int64(argv[k]) != 0
                                                                : sqlite3_value_double(argv[k]) != 0;
      st->dirs.push_back(desc ? 'd' : 'a');
    }
    st->init = true;
  }
  std::vector<sqlite3_value*> keys;
  for (int k = 2; k < argc; k += 2) keys.push_back(argv[k]);
  GroupConcatAdd(ctx, st, 0, 1, argv, keys);
}

void GroupConcatStep(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  auto* st = GetState<GroupConcatState>(ctx, true);
  if (st == nullptr) return sqlite3_result_error_nomem(ctx);
  if (!st->init) {
    std::string spec;
    AppendValueText(argv[0], &spec);
    st->distinct = !spec.empty() && spec[0] == 'D';
    size_t i = 1;
    int n = 0;
    while (i < spec.size() && spec[i] >= '0' && spec[i] <= '9') n = n * 10 + (spec[i++] - '0');
    st->nvalues = std::max(1, n);
    while (i < spec.size() && (spec[i] == 'a' || spec[i] == 'd')) st->dirs.push_back(spec[i++]);
    while (i < spec.size() && (spec[i] == 'L' || spec[i] == 'O')) {
      char what = spec[i++];
      int64_t v = 0;
      while (i < spec.size() && spec[i] >= '0' && spec[i] <= '9' && v < INT64_MAX / 10) v = v * 10 + (spec[i++] - '0');
      (what == 'L' ? st->limit : st->offset) = v;
    }
    if (sqlite3_value_type(argv[1]) != SQLITE_NULL) AppendValueText(argv[1], &st->sep);
    st->init = true;
  }
  int first = 2, nv = std::min(st->nvalues, argc - 2);
  std::vector<sqlite3_value*> keys;
  for (int k = first + nv; k < argc; k++) keys.push_back(argv[k]);
  GroupConcatAdd(ctx, st, first, nv, argv, keys);
}

void GroupConcatAdd(sqlite3_context* ctx, GroupConcatState* st, int first, int nv, sqlite3_value** argv,
                    const std::vector<sqlite3_value*>& keys) {
  st->rows_seen++;
  for (int k = 0; k < nv; k++) {
    if (sqlite3_value_type(argv[first + k]) == SQLITE_NULL) return;
  }
  for (int k = 0; k < nv; k++) {
    if (sqlite3_value_type(argv[first + k]) == SQLITE_BLOB) st->binary = true;
  }
  if (!st->distinct && st->dirs.empty() && st->limit < 0) {
    if (st->cut_row != 0) return;
    if (st->any) st->out.append(st->sep);
    for (int k = 0; k < nv; k++) AppendValueText(argv[first + k], &st->out);
    st->any = true;
    uint64_t max = SessionOf(ctx)->GroupConcatMaxLen();
    if (st->out.size() > max) st->cut_row = st->rows_seen;
    return;
  }
  GroupConcatRow row;
  for (int k = 0; k < nv; k++) {
    sqlite3_value* v = argv[first + k];
    AppendValueText(v, &row.text);
    if (st->distinct) row.values.push_back(MakeKey(v));
  }
  for (sqlite3_value* k : keys) row.keys.push_back(MakeKey(k));
  st->rows.push_back(std::move(row));
}

// Cuts `s` to at most `max` bytes on a character boundary.
void CutUtf8(std::string* s, uint64_t max, bool binary) {
  if (s->size() <= max) return;
  size_t n = static_cast<size_t>(max);
  if (!binary) {
    while (n > 0 && (static_cast<unsigned char>((*s)[n]) & 0xC0) == 0x80) n--;
  }
  s->resize(n);
}

void GroupConcatFinal(sqlite3_context* ctx) {
  auto* st = GetState<GroupConcatState>(ctx, false);
  Call c(ctx, 0, nullptr);
  if (st == nullptr) return c.SetNull();
  uint64_t max = c.session().GroupConcatMaxLen();
  std::string result;
  uint64_t cut_row = 0;
  bool any = false;
  if (!st->distinct && st->dirs.empty() && st->limit < 0) {
    any = st->any;
    result = std::move(st->out);
    cut_row = st->cut_row;
  } else {
    std::vector<GroupConcatRow>& rows = st->rows;
    if (st->distinct) {
      // Keep the first row of each distinct value tuple.
      std::vector<size_t> order(rows.size());
      for (size_t i = 0; i < rows.size(); i++) order[i] = i;
      std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return CompareTuple(rows[a].values, rows[b].values, nullptr) < 0;
      });
      std::vector<GroupConcatRow> unique;
      for (size_t k = 0; k < order.size(); k++) {
        if (!unique.empty() && CompareTuple(unique.back().values, rows[order[k]].values, nullptr) == 0)
          continue;
        unique.push_back(std::move(rows[order[k]]));
      }
      rows = std::move(unique);
    }
    if (!st->dirs.empty()) {
      std::stable_sort(rows.begin(), rows.end(), [&](const GroupConcatRow& a, const GroupConcatRow& b) {
        return CompareTuple(a.keys, b.keys, &st->dirs) < 0;
      });
    }
    size_t first = std::min(rows.size(), static_cast<size_t>(std::max<int64_t>(st->offset, 0)));
    size_t last = st->limit < 0 ? rows.size()
                                : std::min(rows.size(), first + static_cast<size_t>(st->limit));
    any = !rows.empty();  // LIMIT 0 over rows gives '', not NULL
    for (size_t i = first; i < last; i++) {
      if (i > first) result.append(st->sep);
      result.append(rows[i].text);
      any = true;
      if (result.size() > max) {
        cut_row = i + 1;
        break;
      }
    }
  }
  bool binary = st->binary;
  FreeState<GroupConcatState>(ctx);
  if (!any) return c.SetNull();
  if (cut_row != 0 || result.size() > max) {
    CutUtf8(&result, max, binary);
    c.Warn(1260, "Row " + std::to_string(cut_row == 0 ? 1 : cut_row) + " was cut by GROUP_CONCAT()");
  }
  c.SetString(result, binary);
}

// ---- COUNT(DISTINCT a, b, ...) ----
//
// rdb_count_distinct(v1, ..., vN): the number of distinct (v1, ..., vN)
// tuples among rows where no value is NULL. Values compare as GROUP_CONCAT's
// DISTINCT does (numbers numerically, strings by utf8mb4_general_ci, BLOBs
// by bytes); SQLite's count(DISTINCT x) takes one argument and compares
// non-column strings by bytes.

struct CountDistinctState {
  std::vector<std::vector<SortKey>> rows;
};

void CountDistinctStep(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  for (int i = 0; i < argc; i++) {
    if (sqlite3_value_type(argv[i]) == SQLITE_NULL) return;
  }
  auto* st = GetState<CountDistinctState>(ctx, true);
  if (st == nullptr) return sqlite3_result_error_nomem(ctx);
  std::vector<SortKey> row;
  row.reserve(static_cast<size_t>(argc));
  for (int i = 0; i < argc; i++) row.push_back(MakeKey(argv[i]));
  st->rows.push_back(std::move(row));
}

void CountDistinctFinal(sqlite3_context* ctx) {
  auto* st = GetState<CountDistinctState>(ctx, false);
  int64_t n = 0;
  if (st != nullptr) {
    auto& rows = st->rows;
    std::sort(rows.begin(), rows.end(), [](const std::vector<SortKey>& a, const std::vector<SortKey>& b) {
      return CompareTuple(a, b, nullptr) < 0;
    });
    for (size_t i = 0; i < rows.size(); i++) {
      if (i == 0 || CompareTuple(rows[i - 1], rows[i], nullptr) != 0) n++;
    }
  }
  FreeState<CountDistinctState>(ctx);
  sqlite3_result_int64(ctx, n);
}

// ---- SUM / AVG ----

struct SumState {
  uint64_t count = 0;
  bool use_double = false;
  __int128 isum = 0;
  double fsum = 0;
  Decimal dsum;
};

// rdb_sum / rdb_avg: integers exact, REAL or strings as DOUBLE.
// rdb_dec_sum / rdb_dec_avg: integers and TEXT as DECIMAL, REAL as DOUBLE.
template <bool kDecimal>
void SumStep(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  int t = sqlite3_value_type(argv[0]);
  if (t == SQLITE_NULL) return;
  auto* st = GetState<SumState>(ctx, true);
  if (st == nullptr) return sqlite3_result_error_nomem(ctx);
  Call c(ctx, argc, argv);
  st->count++;
  switch (t) {
    case SQLITE_INTEGER: {
      int64_t v = sqlite3_value_int64(argv[0]);
      st->isum += v;
      st->fsum += static_cast<double>(v);
      if (kDecimal) Decimal::Add(st->dsum, Decimal::FromInt64(v), &st->dsum);
      break;
    }
    case SQLITE_FLOAT:
      st->use_double = true;
      st->fsum += sqlite3_value_double(argv[0]);
      break;
    default:
      if (kDecimal) {
        Decimal d = c.Dec(0);
        Decimal::Add(st->dsum, d, &st->dsum);
        st->fsum += d.ToDouble();
      } else {
        st->use_double = true;
        st->fsum += c.Double(0);
      }
      break;
  }
}

Decimal FromInt128(__int128 v) {
  bool neg = v < 0;
  unsigned __int128 m =
      neg ? static_cast<unsigned __int128>(-(v + 1)) + 1 : static_cast<unsigned __int128>(v);
  Decimal d = Decimal::FromUint64(static_cast<uint64_t>(m / 10000000000000000000ULL));
  Decimal lo = Decimal::FromUint64(static_cast<uint64_t>(m % 10000000000000000000ULL));
  Decimal scale;
  Decimal::Parse("10000000000000000000", &scale);
  Decimal::Mul(d, scale, &d);
  Decimal::Add(d, lo, &d);
  return neg ? d.Negated() : d;
}

template <bool kDecimal>
void SumFinal(sqlite3_context* ctx) {
  auto* st = GetState<SumState>(ctx, false);
  Call c(ctx, 0, nullptr);
  if (st == nullptr || st->count == 0) {
    FreeState<SumState>(ctx);
    return c.SetNull();
  }
  if (st->use_double) {
    c.SetDouble(st->fsum);
  } else if (kDecimal) {
    c.SetDecimal(st->dsum);
  } else if (st->isum >= INT64_MIN && st->isum <= INT64_MAX) {
    c.SetInt(static_cast<int64_t>(st->isum));
  } else {
    c.SetDecimal(FromInt128(st->isum));
  }
  FreeState<SumState>(ctx);
}

template <bool kDecimal>
void AvgFinal(sqlite3_context* ctx) {
  auto* st = GetState<SumState>(ctx, false);
  Call c(ctx, 0, nullptr);
  if (st == nullptr || st->count == 0) {
    FreeState<SumState>(ctx);
    return c.SetNull();
  }
  if (st->use_double) {
    c.SetDouble(st->fsum / static_cast<double>(st->count));
  } else {
    Decimal sum = kDecimal ? st->dsum : FromInt128(st->isum);
    Decimal r;
    bool dz;
    Decimal::Div(sum, Decimal::FromUint64(st->count), c.session().DivPrecisionIncrement(), &r, &dz);
    c.SetDecimal(r);
  }
  FreeState<SumState>(ctx);
}

// ---- BIT_AND / BIT_OR / BIT_XOR ----

struct BitState {
  bool any = false;
  uint64_t acc = 0;
};

uint64_t AsUnsigned(Call& c) {
  switch (c.type(0)) {
    case SQLITE_INTEGER:
      return static_cast<uint64_t>(c.Int(0));
    case SQLITE_FLOAT: {
      double d = std::round(c.Double(0));
      if (d >= 18446744073709551615.0) return UINT64_MAX;
      if (d < 0) return static_cast<uint64_t>(static_cast<int64_t>(std::max(d, -9223372036854775808.0)));
      return static_cast<uint64_t>(d);
    }
    default: {
      Decimal d = c.Dec(0);
      if (d.is_negative()) {
        int64_t s;
        d.ToInt64(&s);
        return static_cast<uint64_t>(s);
      }
      uint64_t u;
      d.ToUint64(&u);
      return u;
    }
  }
}

template <char kOp>
void BitStep(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return;
  auto* st = GetState<BitState>(ctx, true);
  if (st == nullptr) return sqlite3_result_error_nomem(ctx);
  Call c(ctx, argc, argv);
  uint64_t v = AsUnsigned(c);
  if (!st->any) {
    st->acc = kOp == '&' ? UINT64_MAX : 0;
    st->any = true;
  }
  if (kOp == '&') st->acc &= v;
  if (kOp == '|') st->acc |= v;
  if (kOp == '^') st->acc ^= v;
}

template <char kOp>
void BitFinal(sqlite3_context* ctx) {
  auto* st = GetState<BitState>(ctx, false);
  Call c(ctx, 0, nullptr);
  uint64_t v = (st != nullptr && st->any) ? st->acc : (kOp == '&' ? UINT64_MAX : 0);
  FreeState<BitState>(ctx);
  c.SetUnsigned(v);
}

// ---- Variance family ----

struct VarState {
  uint64_t count = 0;
  double mean = 0;
  double m2 = 0;
};

void VarStep(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return;
  auto* st = GetState<VarState>(ctx, true);
  if (st == nullptr) return sqlite3_result_error_nomem(ctx);
  Call c(ctx, argc, argv);
  double x = c.Double(0);
  st->count++;
  if (st->count == 1) {
    st->mean = x;
    st->m2 = 0;
  } else {
    double prev = st->mean;
    volatile double diff = x - prev;
    st->mean = prev + diff / static_cast<double>(st->count);
    st->m2 = st->m2 + diff * (x - st->mean);
  }
}

template <bool kSample, bool kSqrt>
void VarFinal(sqlite3_context* ctx) {
  auto* st = GetState<VarState>(ctx, false);
  Call c(ctx, 0, nullptr);
  uint64_t n = st != nullptr ? st->count : 0;
  double m2 = st != nullptr ? st->m2 : 0;
  FreeState<VarState>(ctx);
  if (n == 0 || (kSample && n == 1)) return c.SetNull();
  double v = m2 / static_cast<double>(kSample ? n - 1 : n);
  c.SetDouble(kSqrt ? std::sqrt(v) : v);
}

const AggregateDef kAggregates[] = {
    {"rdb_group_concat", -1, GroupConcatPairStep, GroupConcatFinal},
    {"rdb_group_concat_ex", -1, GroupConcatStep, GroupConcatFinal},
    {"rdb_count_distinct", -1, CountDistinctStep, CountDistinctFinal},
    {"rdb_sum", 1, SumStep<false>, SumFinal<false>},
    {"rdb_avg", 1, SumStep<false>, AvgFinal<false>},
    {"rdb_avg_int", 1, SumStep<false>, AvgFinal<false>},
    {"rdb_dec_sum", 1, SumStep<true>, SumFinal<true>},
    {"rdb_dec_avg", 1, SumStep<true>, AvgFinal<true>},
    {"rdb_bit_and", 1, BitStep<'&'>, BitFinal<'&'>},
    {"rdb_bit_or", 1, BitStep<'|'>, BitFinal<'|'>},
    {"rdb_bit_xor", 1, BitStep<'^'>, BitFinal<'^'>},
    {"rdb_std", 1, VarStep, VarFinal<false, true>},
    {"rdb_stddev_samp", 1, VarStep, VarFinal<true, true>},
    {"rdb_var_pop", 1, VarStep, VarFinal<false, false>},
    {"rdb_var_samp", 1, VarStep, VarFinal<true, false>},
};

}  // namespace

FamilyTable AggregateFunctions() { return {nullptr, 0, kAggregates, std::size(kAggregates)}; }

}  // namespace relaydb::sql::fn
