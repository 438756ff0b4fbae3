// Pattern matching: MySQL LIKE (rdb_like) and REGEXP / REGEXP_REPLACE /
// REGEXP_SUBSTR / REGEXP_INSTR.
//
// LIKE: '%' any sequence, '_' one character, the escape character (default
// '\', also when ESCAPE '' is given) makes the next one literal. Text compares
// by utf8mb4_general_ci weights (so 'Á' LIKE 'a'), BLOB operands byte by byte.
// Trailing spaces are significant (no PAD SPACE in LIKE).
//
// REGEXP: MariaDB uses PCRE2; relaydb uses std::wregex (ECMAScript grammar)
// over code points, case-insensitive unless an operand is binary. Known
// differences from PCRE: no possessive quantifiers, atomic groups, lookbehind,
// \A \z \Z, named groups or (?i) inline flags; POSIX classes like [[:lower:]]
// follow the case-insensitive flag; REGEXP_REPLACE also replaces the empty
// match at the end of the subject ('aaa', 'a*' gives 'XX', PCRE 'X').
// Compiled patterns are cached per statement for constant patterns
// (sqlite3_set_auxdata).
#include <locale>
#include <regex>

#include "sql/functions_internal.h"

namespace relaydb::sql::fn {
namespace {

// ---- LIKE ----

struct LikeToken {
  enum Kind : uint8_t { kLiteral, kOne, kAny } kind;
  uint32_t value;  // weight (text) or byte (binary)
};

struct LikePattern {
  std::string source;
  char32_t escape;
  bool binary;
  std::vector<LikeToken> tokens;
};

void CompileLike(std::string_view pat, char32_t escape, bool binary, std::vector<LikeToken>* out) {
  out->clear();
  const char* p = pat.data();
  const char* e = p + pat.size();
  while (p < e) {
    char32_t ch = binary ? static_cast<unsigned char>(*p++) : DecodeUtf8(&p, e);
    if (ch == escape && p < e) {
      char32_t lit = binary ? static_cast<unsigned char>(*p++) : DecodeUtf8(&p, e);
      out->push_back({LikeToken::kLiteral, binary ? lit : CiWeight(lit)});
    } else if (ch == '%') {
      if (out->empty() || out->back().kind != LikeToken::kAny) out->push_back({LikeToken::kAny, 0});
    } else if (ch == '_') {
      out->push_back({LikeToken::kOne, 0});
    } else {
      out->push_back({LikeToken::kLiteral, binary ? ch : CiWeight(ch)});
    }
  }
}

bool MatchLike(std::string_view s, const std::vector<LikeToken>& tok, bool binary) {
  const char* p = s.data();
  const char* e = p + s.size();
  auto next = [&](const char** q) -> uint32_t {
    if (binary) return static_cast<unsigned char>(*(*q)++);
    return CiWeight(DecodeUtf8(q, e));
  };
  size_t ti = 0, n = tok.size();
  size_t star = SIZE_MAX;
  const char* star_p = nullptr;
  while (p < e) {
    if (ti < n && tok[ti].kind == LikeToken::kAny) {
      star = ti++;
      star_p = p;
      continue;
    }
    if (ti < n) {
      const char* q = p;
      uint32_t w = next(&q);
      if (tok[ti].kind == LikeToken::kOne || tok[ti].value == w) {
        p = q;
        ti++;
        continue;
      }
    }
    if (star == SIZE_MAX) return false;
    ti = star + 1;
    next(&star_p);
    p = star_p;
  }
  while (ti < n && tok[ti].kind == LikeToken::kAny) ti++;
  return ti == n;
}

void DeleteLike(void* p) { delete static_cast<LikePattern*>(p); }

// rdb_like(str, pattern[, escape]) → 1/0, NULL if an operand is NULL.
void Like(Call& c) {
  bool binary = c.is_blob(0) || c.is_blob(1);
  char32_t escape = '\\';
  if (c.argc() >= 3) {
    std::string_view es = c.Str(2);
    if (!es.empty()) {
      const char* p = es.data();
      escape = DecodeUtf8(&p, es.data() + es.size());
    }
  }
  std::string_view pat = c.Str(1);
  auto* cached = static_cast<LikePattern*>(c.aux(1));
  if (cached == nullptr || cached->escape != escape || cached->binary != binary || cached->source != pat) {
    auto* lp = new LikePattern{std::string(pat), escape, binary, {}};
    CompileLike(pat, escape, binary, &lp->tokens);
    c.set_aux(1, lp, DeleteLike);
    cached = static_cast<LikePattern*>(c.aux(1));
    if (cached == nullptr) {
      // Not a constant pattern: SQLite dropped it; compile on the stack.
      std::vector<LikeToken> tokens;
      CompileLike(pat, escape, binary, &tokens);
      return c.SetInt(MatchLike(c.Str(0), tokens, binary) ? 1 : 0);
    }
  }
  c.SetInt(MatchLike(c.Str(0), cached->tokens, binary) ? 1 : 0);
}

// ---- REGEXP ----

std::wstring Widen(std::string_view s, bool binary) {
  std::wstring w;
  w.reserve(s.size());
  const char* p = s.data();
  const char* e = p + s.size();
  while (p < e) {
    w.push_back(binary ? static_cast<wchar_t>(static_cast<unsigned char>(*p++))
                       : static_cast<wchar_t>(DecodeUtf8(&p, e)));
  }
  return w;
}

std::string Narrow(std::wstring_view w, bool binary) {
  std::string s;
  s.reserve(w.size());
  for (wchar_t ch : w) {
    if (binary) {
      s.push_back(static_cast<char>(ch));
    } else {
      AppendUtf8(static_cast<char32_t>(ch), &s);
    }
  }
  return s;
}

// Case-insensitive matching beyond ASCII needs a Unicode ctype facet.
const std::locale& RegexLocale() {
  static const std::locale* loc = [] {
    try {
      return new std::locale("C.UTF-8");
    } catch (const std::exception&) {
      return new std::locale(std::locale::classic());
    }
  }();
  return *loc;
}

std::wregex Compile(std::string_view pat, std::regex_constants::syntax_option_type flags) {
  std::wregex re;
  re.imbue(RegexLocale());
  re.assign(Widen(pat, false), flags);
  return re;
}

struct CachedRegex {
  std::string source;
  bool icase;
  std::wregex re;
};

void DeleteRegex(void* p) { delete static_cast<CachedRegex*>(p); }

// The compiled pattern of argument `pi`, or nullptr after failing the call.
const std::wregex* GetRegex(Call& c, int pi, bool icase, std::wregex* local) {
  std::string_view pat = c.Str(pi);
  auto* cached = static_cast<CachedRegex*>(c.aux(pi));
  if (cached != nullptr && cached->icase == icase && cached->source == pat) return &cached->re;
  auto flags = std::regex_constants::ECMAScript;
  if (icase) flags |= std::regex_constants::icase;
  try {
    std::wregex re = Compile(pat, flags);
    auto* entry = new CachedRegex{std::string(pat), icase, std::move(re)};
    c.set_aux(pi, entry, DeleteRegex);
    cached = static_cast<CachedRegex*>(c.aux(pi));
    if (cached != nullptr) return &cached->re;
    *local = Compile(pat, flags);
    return local;
  } catch (const std::regex_error& e) {
    c.Error(1139, "42000", std::string("Got error '") + e.what() + "' from regexp");
    return nullptr;
  }
}

void Regexp(Call& c) {
  bool binary = c.is_blob(0) || c.is_blob(1);
  std::wregex local;
  const std::wregex* re = GetRegex(c, 1, !binary, &local);
  if (re == nullptr) return;
  std::wstring subject = Widen(c.Str(0), binary);
  c.SetInt(std::regex_search(subject, *re) ? 1 : 0);
}

// Converts PCRE replacement syntax (\1 .. \9, literal $) to ECMAScript's.
std::wstring ReplacementFormat(std::wstring_view r) {
  std::wstring out;
  for (size_t i = 0; i < r.size(); i++) {
    wchar_t ch = r[i];
    if (ch == L'\\' && i + 1 < r.size() && r[i + 1] >= L'0' && r[i + 1] <= L'9') {
      out.push_back(L'$');
      out.push_back(r[++i]);
    } else if (ch == L'\\' && i + 1 < r.size()) {
      out.push_back(r[++i] == L'$' ? L'$' : r[i]);
      if (r[i] == L'$') out.push_back(L'$');
    } else if (ch == L'$') {
      out.append(L"$$");
    } else {
      out.push_back(ch);
    }
  }
  return out;
}

void RegexpReplace(Call& c) {
  bool binary = c.is_blob(0) || c.is_blob(1);
  std::wregex local;
  const std::wregex* re = GetRegex(c, 1, !binary, &local);
  if (re == nullptr) return;
  std::wstring subject = Widen(c.Str(0), binary);
  std::wstring fmt = ReplacementFormat(Widen(c.Str(2), binary));
  std::wstring out = std::regex_replace(subject, *re, fmt);
  c.SetString(Narrow(out, binary), binary);
}

void RegexpSubstr(Call& c) {
  bool binary = c.is_blob(0) || c.is_blob(1);
  std::wregex local;
  const std::wregex* re = GetRegex(c, 1, !binary, &local);
  if (re == nullptr) return;
  std::wstring subject = Widen(c.Str(0), binary);
  std::wsmatch m;
  if (!std::regex_search(subject, m, *re)) return c.SetString("", binary);
  c.SetString(Narrow(m.str(0), binary), binary);
}

void RegexpInstr(Call& c) {
  bool binary = c.is_blob(0) || c.is_blob(1);
  std::wregex local;
  const std::wregex* re = GetRegex(c, 1, !binary, &local);
  if (re == nullptr) return;
  std::wstring subject = Widen(c.Str(0), binary);
  std::wsmatch m;
  if (!std::regex_search(subject, m, *re)) return c.SetInt(0);
  c.SetInt(static_cast<int64_t>(m.position(0)) + 1);
}

const ScalarDef kScalars[] = {
    {"rdb_like", 2, Like, kNullIfAnyNull | kDeterministic},
    {"rdb_like", 3, Like, kNullIfAnyNull | kDeterministic},
    {"rdb_regexp", 2, Regexp, kNullIfAnyNull | kDeterministic},
    {"rdb_regexp_replace", 3, RegexpReplace, kNullIfAnyNull | kDeterministic},
    {"rdb_regexp_substr", 2, RegexpSubstr, kNullIfAnyNull | kDeterministic},
    {"rdb_regexp_instr", 2, RegexpInstr, kNullIfAnyNull | kDeterministic},
};

}  // namespace

FamilyTable PatternFunctions() { return {kScalars, std::size(kScalars), nullptr, 0}; }

}  // namespace relaydb::sql::fn
