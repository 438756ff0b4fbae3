// JSON functions with MariaDB 10.11's output: values are re-serialized in
// MariaDB's normal form ("[1, 2]", {"a": 1}: a space after ',' and ':'),
// numbers and strings keep their source spelling ("1.50", "\u00e9"), and
// malformed input gives NULL with warnings 4037/4038 (text) or 4042 (path).
//
// JSON-ness travels as the SQLite subtype 'J' (as SQLite's json1 does):
// results of JSON-returning functions carry it, so JSON_OBJECT('a',
// JSON_EXTRACT(...)) nests the value instead of quoting it. A JSON column
// (plain TEXT) is marked by wrapping it in rdb_json(x) — the translator does
// that for JSON-typed operands, and for TRUE/FALSE literals (rdb_json('true')).
//
// Paths: $, .key, ."key", .*, [n], [*], [last], [last-n], [-n], [n to m], **.
#include <algorithm>
#include <memory>

#include "sql/functions_internal.h"

namespace relaydb::sql::fn {
namespace {

constexpr unsigned int kJsonSubtype = 'J';
constexpr int kMaxDepth = 32;

struct Json {
  enum Kind : uint8_t { kNull, kTrue, kFalse, kNumber, kString, kArray, kObject };
  Kind kind = kNull;
  std::string text;               // number literal; string: escaped body (no quotes)
  std::vector<std::string> keys;  // object keys, escaped bodies
  std::vector<Json> items;        // array elements / object values
};

// ---- Parsing ----

struct ParseError {
  bool unexpected_end = false;
  size_t pos = 0;  // byte offset of the offending character
  bool depth = false;
};

class Parser {
 public:
  explicit Parser(std::string_view s) : s_(s) {}

  bool ParseDocument(Json* out, ParseError* err) {
    err_ = err;
    SkipWs();
    if (!ParseValue(out, 0)) return false;
    SkipWs();
    if (i_ != s_.size()) return Fail(false);
    return true;
  }

 private:
  bool Fail(bool end) {
    err_->unexpected_end = end || i_ >= s_.size();
    err_->pos = i_;
    return false;
  }
  void SkipWs() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) i_++;
  }
  bool Literal(std::string_view word) {
    if (s_.substr(i_, word.size()) == word) {
      i_ += word.size();
      return true;
    }
    for (size_t k = 0; k < word.size(); k++) {
      if (i_ + k >= s_.size()) {
        i_ += k;
        return Fail(true);
      }
      if (s_[i_ + k] != word[k]) {
        i_ += k;
        return Fail(false);
      }
    }
    return Fail(false);
  }
  bool ParseString(std::string* body) {
    // s_[i_] == '"'
    size_t start = ++i_;
    while (i_ < s_.size()) {
      char ch = s_[i_];
      if (ch == '"') {
        *body = std::string(s_.substr(start, i_ - start));
        i_++;
        return true;
      }
      if (static_cast<unsigned char>(ch) < 0x20) return Fail(false);
      if (ch == '\\') {
        i_++;
        if (i_ >= s_.size()) return Fail(true);
        char e = s_[i_];
        if (e == 'u') {
          for (int k = 1; k <= 4; k++) {
            if (i_ + k >= s_.size()) {
              i_ += k;
              return Fail(true);
            }
            if (!std::isxdigit(static_cast<unsigned char>(s_[i_ + k]))) {
              i_ += k;
              return Fail(false);
            }
          }
          i_ += 4;
        } else if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos) {
          return Fail(false);
        }
      }
      i_++;
    }
    return Fail(true);
  }
  bool ParseNumber(Json* out) {
    size_t start = i_;
    if (s_[i_] == '-') i_++;
    if (i_ >= s_.size() || !std::isdigit(static_cast<unsigned char>(s_[i_]))) {
      i_ = start;
      err_->unexpected_end = false;
      err_->pos = start;
      return false;
    }
    if (s_[i_] == '0') {
      i_++;
    } else {
      while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_]))) i_++;
    }
    if (i_ < s_.size() && s_[i_] == '.') {
      // MariaDB accepts "1." (no digits after the point).
      i_++;
      while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_]))) i_++;
    }
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      i_++;
      if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) i_++;
      if (i_ >= s_.size()) return Fail(true);
      if (!std::isdigit(static_cast<unsigned char>(s_[i_]))) return Fail(false);
      while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_]))) i_++;
    }
    out->kind = Json::kNumber;
    out->text = std::string(s_.substr(start, i_ - start));
    return true;
  }
  bool ParseValue(Json* out, int depth) {
    if (i_ >= s_.size()) return Fail(true);
    char ch = s_[i_];
    switch (ch) {
      case '{': {
        if (depth >= kMaxDepth) {
          err_->depth = true;
          return Fail(false);
        }
        out->kind = Json::kObject;
        i_++;
        SkipWs();
        if (i_ < s_.size() && s_[i_] == '}') {
          i_++;
          return true;
        }
        while (true) {
          SkipWs();
          if (i_ >= s_.size()) return Fail(true);
          if (s_[i_] != '"') return Fail(false);
          std::string key;
          if (!ParseString(&key)) return false;
          SkipWs();
          if (i_ >= s_.size()) return Fail(true);
          if (s_[i_] != ':') return Fail(false);
          i_++;
          SkipWs();
          Json v;
          if (!ParseValue(&v, depth + 1)) return false;
          out->keys.push_back(std::move(key));
          out->items.push_back(std::move(v));
          SkipWs();
          if (i_ >= s_.size()) return Fail(true);
          if (s_[i_] == ',') {
            i_++;
            continue;
          }
          if (s_[i_] == '}') {
            i_++;
            return true;
          }
          return Fail(false);
        }
      }
      case '[': {
        if (depth >= kMaxDepth) {
          err_->depth = true;
          return Fail(false);
        }
        out->kind = Json::kArray;
        i_++;
        SkipWs();
        if (i_ < s_.size() && s_[i_] == ']') {
          i_++;
          return true;
        }
        while (true) {
          SkipWs();
          Json v;
          if (!ParseValue(&v, depth + 1)) return false;
          out->items.push_back(std::move(v));
          SkipWs();
          if (i_ >= s_.size()) return Fail(true);
          if (s_[i_] == ',') {
            i_++;
            continue;
          }
          if (s_[i_] == ']') {
            i_++;
            return true;
          }
          return Fail(false);
        }
      }
      case '"':
        out->kind = Json::kString;
        return ParseString(&out->text);
      case 't':
        out->kind = Json::kTrue;
        return Literal("true");
      case 'f':
        out->kind = Json::kFalse;
        return Literal("false");
      case 'n':
        out->kind = Json::kNull;
        return Literal("null");
      default:
        if (ch == '-' || (ch >= '0' && ch <= '9')) return ParseNumber(out);
        return Fail(false);
    }
  }

  std::string_view s_;
  size_t i_ = 0;
  ParseError* err_ = nullptr;
};

// ---- Serializing ----

void Serialize(const Json& j, std::string* out, bool compact) {
  switch (j.kind) {
    case Json::kNull:
      out->append("null");
      break;
    case Json::kTrue:
      out->append("true");
      break;
    case Json::kFalse:
      out->append("false");
      break;
    case Json::kNumber:
      out->append(j.text);
      break;
    case Json::kString:
      out->push_back('"');
      out->append(j.text);
      out->push_back('"');
      break;
    case Json::kArray:
      out->push_back('[');
      for (size_t i = 0; i < j.items.size(); i++) {
        if (i > 0) out->append(compact ? "," : ", ");
        Serialize(j.items[i], out, compact);
      }
      out->push_back(']');
      break;
    case Json::kObject:
      out->push_back('{');
      for (size_t i = 0; i < j.items.size(); i++) {
        if (i > 0) out->append(compact ? "," : ", ");
        out->push_back('"');
        out->append(j.keys[i]);
        out->append(compact ? "\":" : "\": ");
        Serialize(j.items[i], out, compact);
      }
      out->push_back('}');
      break;
  }
}

std::string ToText(const Json& j, bool compact = false) {
  std::string s;
  Serialize(j, &s, compact);
  return s;
}

// Escaped JSON string body of raw text.
std::string Escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  for (char ch : s) {
    switch (ch) {
      case '"':
        out.append("\\\"");
        break;
      case '\\':
        out.append("\\\\");
        break;
      case '\n':
        out.append("\\n");
        break;
      case '\r':
        out.append("\\r");
        break;
      case '\t':
        out.append("\\t");
        break;
      case '\b':
        out.append("\\b");
        break;
      case '\f':
        out.append("\\f");
        break;
      default:
        if (static_cast<unsigned char>(ch) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned char>(ch));
          out.append(buf);
        } else {
          out.push_back(ch);
        }
    }
  }
  return out;
}

// Decodes an escaped JSON string body.
std::string Unescape(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); i++) {
    char ch = s[i];
    if (ch != '\\' || i + 1 >= s.size()) {
      out.push_back(ch);
      continue;
    }
    char e = s[++i];
    switch (e) {
      case 'n':
        out.push_back('\n');
        break;
      case 't':
        out.push_back('\t');
        break;
      case 'r':
        out.push_back('\r');
        break;
      case 'b':
        out.push_back('\b');
        break;
      case 'f':
        out.push_back('\f');
        break;
      case 'u': {
        auto hex4 = [&](size_t at, char32_t* v) {
          if (at + 4 > s.size()) return false;
          char32_t x = 0;
          for (size_t k = at; k < at + 4; k++) {
            int d = std::isdigit(static_cast<unsigned char>(s[k])) ? s[k] - '0'
                    : (s[k] >= 'a' && s[k] <= 'f')                 ? s[k] - 'a' + 10
                    : (s[k] >= 'A' && s[k] <= 'F')                 ? s[k] - 'A' + 10
                                                                   : -1;
            if (d < 0) return false;
            x = x * 16 + static_cast<char32_t>(d);
          }
          *v = x;
          return true;
        };
        char32_t cp;
        if (!hex4(i + 1, &cp)) {
          out.push_back('u');
          break;
        }
        i += 4;
        char32_t lo;
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 2 < s.size() && s[i + 1] == '\\' && s[i + 2] == 'u' &&
            hex4(i + 3, &lo) && lo >= 0xDC00 && lo <= 0xDFFF) {
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          i += 6;
        }
        AppendUtf8(cp, &out);
        break;
      }
      default:
        out.push_back(e);
        break;
    }
  }
  return out;
}

Json MakeString(std::string_view raw) {
  Json j;
  j.kind = Json::kString;
  j.text = Escape(raw);
  return j;
}

// ---- Paths ----

struct PathStep {
  enum Kind : uint8_t { kKey, kAnyKey, kIndex, kAnyIndex, kRange, kRecursive } kind;
  std::string key;  // decoded
  int64_t index = 0;
  bool from_end = false;  // [last-n] / [-n]: index counts from the end
  int64_t index2 = 0;     // range end
  bool from_end2 = false;
};

struct Path {
  std::vector<PathStep> steps;
  bool wildcard = false;
};

bool IsIdentChar(char ch) {
  return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '$' ||
         static_cast<unsigned char>(ch) >= 0x80;
}

// Parses "last", "last-N", "-N" or "N" at *i.
bool ParseIndex(std::string_view s, size_t* i, int64_t* idx, bool* from_end) {
  auto ws = [&] {
    while (*i < s.size() && s[*i] == ' ') (*i)++;
  };
  ws();
  *from_end = false;
  if (s.substr(*i, 4) == "last") {
    *i += 4;
    *from_end = true;
    ws();
    *idx = 0;
    if (*i < s.size() && s[*i] == '-') {
      (*i)++;
      ws();
      int64_t n = 0;
      size_t d0 = *i;
      while (*i < s.size() && std::isdigit(static_cast<unsigned char>(s[*i]))) n = n * 10 + (s[(*i)++] - '0');
      if (*i == d0) return false;
      *idx = n;
    }
    return true;
  }
  bool neg = false;
  if (*i < s.size() && s[*i] == '-') {
    neg = true;
    (*i)++;
  }
  int64_t n = 0;
  size_t d0 = *i;
  while (*i < s.size() && std::isdigit(static_cast<unsigned char>(s[*i]))) {
    if (n < 100000000) n = n * 10 + (s[*i] - '0');
    (*i)++;
  }
  if (*i == d0) return false;
  if (neg) {
    *from_end = true;
    *idx = n - 1;  // [-1] is the last element
  } else {
    *idx = n;
  }
  return true;
}

// Returns 0 on success, else the 1-based error position.
size_t ParsePath(std::string_view s, Path* path) {
  size_t i = 0;
  auto ws = [&] {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) i++;
  };
  ws();
  if (i >= s.size() || s[i] != '$') return i + 1;
  i++;
  while (true) {
    ws();
    if (i >= s.size()) break;
    PathStep st;
    if (s[i] == '.') {
      i++;
      ws();
      if (i >= s.size()) return i + 1;
      if (s[i] == '*') {
        st.kind = PathStep::kAnyKey;
        path->wildcard = true;
        i++;
      } else if (s[i] == '"') {
        size_t start = ++i;
        while (i < s.size() && s[i] != '"') {
          if (s[i] == '\\') i++;
          i++;
        }
        if (i >= s.size()) return i + 1;
        st.kind = PathStep::kKey;
        st.key = Unescape(s.substr(start, i - start));
        i++;
      } else {
        size_t start = i;
        while (i < s.size() && IsIdentChar(s[i])) i++;
        if (i == start) return i + 1;
        st.kind = PathStep::kKey;
        st.key = std::string(s.substr(start, i - start));
      }
    } else if (s[i] == '[') {
      i++;
      ws();
      if (i < s.size() && s[i] == '*') {
        i++;
        st.kind = PathStep::kAnyIndex;
        path->wildcard = true;
      } else {
        if (!ParseIndex(s, &i, &st.index, &st.from_end)) return i + 1;
        st.kind = PathStep::kIndex;
        ws();
        if (s.substr(i, 2) == "to") {
          i += 2;
          if (!ParseIndex(s, &i, &st.index2, &st.from_end2)) return i + 1;
          st.kind = PathStep::kRange;
          path->wildcard = true;
        }
      }
      ws();
      if (i >= s.size() || s[i] != ']') return i + 1;
      i++;
    } else if (s.substr(i, 2) == "**") {
      i += 2;
      st.kind = PathStep::kRecursive;
      path->wildcard = true;
      ws();
      if (i >= s.size() || (s[i] != '.' && s[i] != '[')) return i + 1;
    } else {
      return i + 1;
    }
    path->steps.push_back(std::move(st));
  }
  return 0;
}

size_t ResolveIndex(const PathStep& st, size_t n, bool second = false) {
  int64_t idx = second ? st.index2 : st.index;
  bool from_end = second ? st.from_end2 : st.from_end;
  if (!from_end) return static_cast<size_t>(idx);
  int64_t r = static_cast<int64_t>(n) - 1 - idx;
  return r < 0 ? SIZE_MAX : static_cast<size_t>(r);
}

// Collects every node `path` reaches from `j` (in document order).
void Find(Json* j, const std::vector<PathStep>& steps, size_t k, std::vector<Json*>* out) {
  if (k == steps.size()) {
    if (std::find(out->begin(), out->end(), j) == out->end()) out->push_back(j);
    return;
  }
  const PathStep& st = steps[k];
  switch (st.kind) {
    case PathStep::kKey:
      if (j->kind == Json::kObject) {
        for (size_t i = 0; i < j->keys.size(); i++) {
          if (Unescape(j->keys[i]) == st.key) {
            Find(&j->items[i], steps, k + 1, out);
            break;
          }
        }
      }
      break;
    case PathStep::kAnyKey:
      if (j->kind == Json::kObject) {
        for (auto& item : j->items) Find(&item, steps, k + 1, out);
      }
      break;
    case PathStep::kIndex:
      if (j->kind == Json::kArray) {
        size_t idx = ResolveIndex(st, j->items.size());
        if (idx < j->items.size()) Find(&j->items[idx], steps, k + 1, out);
      } else if (ResolveIndex(st, 1) == 0) {
        Find(j, steps, k + 1, out);  // a scalar acts as a one-element array
      }
      break;
    case PathStep::kAnyIndex:
      if (j->kind == Json::kArray) {
        for (auto& item : j->items) Find(&item, steps, k + 1, out);
      }
      break;
    case PathStep::kRange:
      if (j->kind == Json::kArray) {
        size_t a = ResolveIndex(st, j->items.size()), b = ResolveIndex(st, j->items.size(), true);
        for (size_t i = a; i <= b && i < j->items.size(); i++) Find(&j->items[i], steps, k + 1, out);
      }
      break;
    case PathStep::kRecursive:
      Find(j, steps, k + 1, out);
      if (j->kind == Json::kObject || j->kind == Json::kArray) {
        for (auto& item : j->items) Find(&item, steps, k, out);
      }
      break;
  }
}

// ---- Argument helpers ----

void SetJson(Call& c, const Json& j) {
  if (c.failed()) return;
  c.SetText(ToText(j));
  sqlite3_result_subtype(c.ctx(), kJsonSubtype);
}

// Parses argument i as a JSON document; warns and returns false if invalid.
bool ArgDoc(Call& c, int i, const char* fname, Json* out, WarningLevel level = WarningLevel::kWarning) {
  std::string_view s = c.Str(i);
  ParseError err;
  Parser p(s);
  if (p.ParseDocument(out, &err)) return true;
  std::string msg;
  if (err.depth) {
    msg = "Limit of 32 on JSON nested structures depth is reached in argument " + std::to_string(i + 1) +
          " to function '" + fname + "' at position " + std::to_string(Utf8Length(s.substr(0, err.pos)) + 1);
    c.Warn(4040, msg, level);
  } else if (err.unexpected_end) {
    msg = "Unexpected end of JSON text in argument " + std::to_string(i + 1) + " to function '" + fname + "'";
    c.Warn(4037, msg, level);
  } else {
    msg = "Syntax error in JSON text in argument " + std::to_string(i + 1) + " to function '" + fname +
          "' at position " + std::to_string(Utf8Length(s.substr(0, err.pos)) + 1);
    c.Warn(4038, msg, level);
  }
  return false;
}

bool ArgPath(Call& c, int i, const char* fname, Path* path, bool allow_wildcard = true) {
  std::string_view s = c.Str(i);
  size_t pos = ParsePath(s, path);
  if (pos != 0) {
    c.Warn(4042, "Syntax error in JSON path in argument " + std::to_string(i + 1) + " to function '" + fname +
                     "' at position " + std::to_string(pos));
    return false;
  }
  if (!allow_wildcard && path->wildcard) {
    c.Warn(4044, "Wildcards or range in JSON path not allowed in argument " + std::to_string(i + 1) +
                     " to function '" + fname + "'");
    return false;
  }
  return true;
}

bool IsJsonArg(Call& c, int i) { return sqlite3_value_subtype(c.arg(i)) == kJsonSubtype; }

// A SQL value as a JSON value (strings quoted unless the argument is JSON).
bool ArgValue(Call& c, int i, const char* fname, Json* out) {
  switch (c.type(i)) {
    case SQLITE_NULL:
      out->kind = Json::kNull;
      return true;
    case SQLITE_INTEGER:
    case SQLITE_FLOAT:
      out->kind = Json::kNumber;
      out->text = std::string(c.Str(i));
      return true;
    default:
      if (IsJsonArg(c, i)) return ArgDoc(c, i, fname, out);
      *out = MakeString(c.Str(i));
      return true;
  }
}

// ---- Functions ----

void JsonMark(Call& c) {
  if (c.is_null(0)) return c.SetNull();
  Json j;
  if (c.is_int(0) || c.is_real(0)) {
    j.kind = Json::kNumber;
    j.text = std::string(c.Str(0));
    return SetJson(c, j);
  }
  ParseError err;
  Parser p(c.Str(0));
  if (!p.ParseDocument(&j, &err)) {
    // Not JSON: a string value.
    return SetJson(c, MakeString(c.Str(0)));
  }
  SetJson(c, j);
}

void JsonValid(Call& c) {
  if (c.is_null(0)) return c.SetNull();
  Json j;
  c.SetInt(ArgDoc(c, 0, "json_valid", &j, WarningLevel::kNote) ? 1 : 0);
}

void JsonExtract(Call& c) {
  if (c.any_null()) return c.SetNull();
  Json doc;
  if (!ArgDoc(c, 0, "json_extract", &doc)) return c.SetNull();
  std::vector<Json*> found;
  bool wrap = c.argc() > 2;
  for (int i = 1; i < c.argc(); i++) {
    Path path;
    if (!ArgPath(c, i, "json_extract", &path)) return c.SetNull();
    wrap = wrap || path.wildcard;
    Find(&doc, path.steps, 0, &found);
  }
  if (found.empty()) return c.SetNull();
  if (!wrap) return SetJson(c, *found[0]);
  Json arr;
  arr.kind = Json::kArray;
  for (Json* f : found) arr.items.push_back(*f);
  SetJson(c, arr);
}

void JsonUnquote(Call& c) {
  std::string_view s = c.Str(0);
  if (!s.empty() && s.front() == '"') {
    Json j;
    if (ArgDoc(c, 0, "json_unquote", &j) && j.kind == Json::kString) return c.SetText(Unescape(j.text));
  }
  c.SetText(s);
}

void JsonQuote(Call& c) {
  std::string out = "\"";
  out.append(Escape(c.Str(0)));
  out.push_back('"');
  c.SetText(std::move(out));
}

void JsonObject(Call& c) {
  if (c.argc() % 2 != 0) {
    return c.Error(1582, "42000", "Incorrect parameter count in the call to native function 'json_object'");
  }
  Json obj;
  obj.kind = Json::kObject;
  for (int i = 0; i < c.argc(); i += 2) {
    if (c.is_null(i)) {
      return c.Error(4068, "HY000", "JSON documents may not contain NULL member names");
    }
    Json v;
    if (!ArgValue(c, i + 1, "json_object", &v)) return c.SetNull();
    obj.keys.push_back(Escape(c.Str(i)));
    obj.items.push_back(std::move(v));
  }
  SetJson(c, obj);
}

void JsonArray(Call& c) {
  Json arr;
  arr.kind = Json::kArray;
  for (int i = 0; i < c.argc(); i++) {
    Json v;
    if (!ArgValue(c, i, "json_array", &v)) return c.SetNull();
    arr.items.push_back(std::move(v));
  }
  SetJson(c, arr);
}

// Number equality for containment: compares numerically.
bool JsonEqual(const Json& a, const Json& b) {
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case Json::kNumber: {
      Conv ca, cb;
      return ParseDouble(a.text, &ca) == ParseDouble(b.text, &cb);
    }
    case Json::kString:
      return Unescape(a.text) == Unescape(b.text);
    case Json::kArray:
    case Json::kObject:
      if (a.items.size() != b.items.size()) return false;
      for (size_t i = 0; i < a.items.size(); i++) {
        if (a.kind == Json::kObject && Unescape(a.keys[i]) != Unescape(b.keys[i])) return false;
        if (!JsonEqual(a.items[i], b.items[i])) return false;
      }
      return true;
    default:
      return true;
  }
}

bool Contains(const Json& target, const Json& cand) {
  if (target.kind == Json::kObject) {
    if (cand.kind != Json::kObject) return false;
    for (size_t i = 0; i < cand.keys.size(); i++) {
      std::string key = Unescape(cand.keys[i]);
      bool ok = false;
      for (size_t k = 0; k < target.keys.size(); k++) {
        if (Unescape(target.keys[k]) == key && Contains(target.items[k], cand.items[i])) {
          ok = true;
          break;
        }
      }
      if (!ok) return false;
    }
    return true;
  }
  if (target.kind == Json::kArray) {
    if (cand.kind == Json::kArray) {
      for (const Json& e : cand.items) {
        if (!Contains(target, e)) return false;
      }
      return true;
    }
    for (const Json& e : target.items) {
      if (Contains(e, cand)) return true;
    }
    return false;
  }
  return JsonEqual(target, cand);
}

void JsonContains(Call& c) {
  if (c.any_null()) return c.SetNull();
  Json doc, cand;
  if (!ArgDoc(c, 0, "json_contains", &doc) || !ArgDoc(c, 1, "json_contains", &cand)) return c.SetNull();
  Json* target = &doc;
  if (c.argc() >= 3) {
    Path path;
    if (!ArgPath(c, 2, "json_contains", &path)) return c.SetNull();
    std::vector<Json*> found;
    Find(&doc, path.steps, 0, &found);
    if (found.empty()) return c.SetInt(0);
    target = found[0];
  }
  c.SetInt(Contains(*target, cand) ? 1 : 0);
}

void JsonContainsPath(Call& c) {
  if (c.any_null()) return c.SetNull();
  Json doc;
  if (!ArgDoc(c, 0, "json_contains_path", &doc)) return c.SetNull();
  std::string mode = Utf8Lower(c.Str(1));
  if (mode != "one" && mode != "all") {
    c.Warn(4046, "Argument 2 to function 'json_contains_path' must be \"one\" or \"all\".");
    return c.SetNull();
  }
  bool all = mode == "all";
  for (int i = 2; i < c.argc(); i++) {
    Path path;
    if (!ArgPath(c, i, "json_contains_path", &path)) return c.SetNull();
    std::vector<Json*> found;
    Find(&doc, path.steps, 0, &found);
    if (!found.empty() && !all) return c.SetInt(1);
    if (found.empty() && all) return c.SetInt(0);
  }
  c.SetInt(all ? 1 : 0);
}

// The single node `path` argument i selects, or nullptr (NULL result set).
Json* Select(Call& c, Json* doc, int i, const char* fname) {
  if (c.argc() <= i) return doc;
  Path path;
  if (!ArgPath(c, i, fname, &path)) return nullptr;
  std::vector<Json*> found;
  Find(doc, path.steps, 0, &found);
  return found.empty() ? nullptr : found[0];
}

void JsonLength(Call& c) {
  if (c.any_null()) return c.SetNull();
  Json doc;
  if (!ArgDoc(c, 0, "json_length", &doc)) return c.SetNull();
  Json* j = Select(c, &doc, 1, "json_length");
  if (j == nullptr) return c.SetNull();
  c.SetInt(j->kind == Json::kArray || j->kind == Json::kObject ? static_cast<int64_t>(j->items.size()) : 1);
}

int Depth(const Json& j) {
  int d = 0;
  for (const Json& e : j.items) d = std::max(d, Depth(e));
  return (j.kind == Json::kArray || j.kind == Json::kObject) && !j.items.empty() ? d + 1 : 1;
}

void JsonDepth(Call& c) {
  Json doc;
  if (!ArgDoc(c, 0, "json_depth", &doc)) return c.SetNull();
  c.SetInt(Depth(doc));
}

void JsonKeys(Call& c) {
  if (c.any_null()) return c.SetNull();
  Json doc;
  if (!ArgDoc(c, 0, "json_keys", &doc)) return c.SetNull();
  Json* j = Select(c, &doc, 1, "json_keys");
  if (j == nullptr || j->kind != Json::kObject) return c.SetNull();
  Json arr;
  arr.kind = Json::kArray;
  for (const std::string& k : j->keys) {
    bool dup = false;
    for (const Json& e : arr.items) dup = dup || Unescape(e.text) == Unescape(k);
    if (dup) continue;
    Json s;
    s.kind = Json::kString;
    s.text = k;
    arr.items.push_back(std::move(s));
  }
  SetJson(c, arr);
}

void JsonType(Call& c) {
  Json doc;
  if (!ArgDoc(c, 0, "json_type", &doc)) return c.SetNull();
  switch (doc.kind) {
    case Json::kObject:
      return c.SetText("OBJECT");
    case Json::kArray:
      return c.SetText("ARRAY");
    case Json::kString:
      return c.SetText("STRING");
    case Json::kNull:
      return c.SetText("NULL");
    case Json::kTrue:
    case Json::kFalse:
      return c.SetText("BOOLEAN");
    case Json::kNumber:
      return c.SetText(doc.text.find('.') == std::string::npos ? "INTEGER" : "DOUBLE");
  }
}

enum class Modify : uint8_t { kSet, kInsert, kReplace, kArrayAppend };

// JSON_SET / JSON_INSERT / JSON_REPLACE / JSON_ARRAY_APPEND (path, value pairs).
void ModifyImpl(Call& c, Modify mode, const char* fname) {
  if (c.is_null(0)) return c.SetNull();
  Json doc;
  if (!ArgDoc(c, 0, fname, &doc)) return c.SetNull();
  for (int i = 1; i + 1 < c.argc(); i += 2) {
    if (c.is_null(i)) return c.SetNull();
    Path path;
    if (!ArgPath(c, i, fname, &path, false)) return c.SetNull();
    Json value;
    if (!ArgValue(c, i + 1, fname, &value)) return c.SetNull();
    if (mode == Modify::kArrayAppend) {
      std::vector<Json*> found;
      Find(&doc, path.steps, 0, &found);
      if (found.empty()) continue;
      Json* t = found[0];
      if (t->kind != Json::kArray) {
        Json wrapped;
        wrapped.kind = Json::kArray;
        wrapped.items.push_back(std::move(*t));
        *t = std::move(wrapped);
      }
      t->items.push_back(std::move(value));
      continue;
    }
    if (path.steps.empty()) {
      if (mode != Modify::kInsert) doc = std::move(value);
      continue;
    }
    std::vector<PathStep> parent_steps(path.steps.begin(), path.steps.end() - 1);
    std::vector<Json*> parents;
    Find(&doc, parent_steps, 0, &parents);
    if (parents.empty()) continue;
    Json* parent = parents[0];
    const PathStep& last = path.steps.back();
    if (last.kind == PathStep::kKey) {
      if (parent->kind != Json::kObject) continue;
      bool found = false;
      for (size_t k = 0; k < parent->keys.size(); k++) {
        if (Unescape(parent->keys[k]) == last.key) {
          found = true;
          if (mode != Modify::kInsert) parent->items[k] = value;
          break;
        }
      }
      if (!found && mode != Modify::kReplace) {
        parent->keys.push_back(Escape(last.key));
        parent->items.push_back(std::move(value));
      }
    } else {
      // Array index; a non-array parent acts as a one-element array.
      size_t n = parent->kind == Json::kArray ? parent->items.size() : 1;
      size_t idx = ResolveIndex(last, n);
      if (idx < n) {
        if (mode == Modify::kInsert) continue;
        if (parent->kind == Json::kArray) {
          parent->items[idx] = std::move(value);
        } else {
          *parent = std::move(value);
        }
      } else if (mode != Modify::kReplace && !last.from_end) {
        if (parent->kind != Json::kArray) {
          Json wrapped;
          wrapped.kind = Json::kArray;
          wrapped.items.push_back(std::move(*parent));
          *parent = std::move(wrapped);
        }
        parent->items.push_back(std::move(value));
      }
    }
  }
  SetJson(c, doc);
}
void JsonSet(Call& c) { ModifyImpl(c, Modify::kSet, "json_set"); }
void JsonInsert(Call& c) { ModifyImpl(c, Modify::kInsert, "json_insert"); }
void JsonReplace(Call& c) { ModifyImpl(c, Modify::kReplace, "json_replace"); }
void JsonArrayAppend(Call& c) { ModifyImpl(c, Modify::kArrayAppend, "json_array_append"); }

void JsonRemove(Call& c) {
  if (c.any_null()) return c.SetNull();
  Json doc;
  if (!ArgDoc(c, 0, "json_remove", &doc)) return c.SetNull();
  for (int i = 1; i < c.argc(); i++) {
    Path path;
    if (!ArgPath(c, i, "json_remove", &path, false)) return c.SetNull();
    if (path.steps.empty()) {
      c.Warn(4051, "Path expression '$' is not allowed in argument " + std::to_string(i + 1) +
                       " to function 'json_remove'.");
      return c.SetNull();
    }
    std::vector<PathStep> parent_steps(path.steps.begin(), path.steps.end() - 1);
    std::vector<Json*> parents;
    Find(&doc, parent_steps, 0, &parents);
    if (parents.empty()) continue;
    Json* parent = parents[0];
    const PathStep& last = path.steps.back();
    if (last.kind == PathStep::kKey && parent->kind == Json::kObject) {
      for (size_t k = 0; k < parent->keys.size(); k++) {
        if (Unescape(parent->keys[k]) == last.key) {
          parent->keys.erase(parent->keys.begin() + static_cast<std::ptrdiff_t>(k));
          parent->items.erase(parent->items.begin() + static_cast<std::ptrdiff_t>(k));
          break;
        }
      }
    } else if (last.kind == PathStep::kIndex && parent->kind == Json::kArray) {
      size_t idx = ResolveIndex(last, parent->items.size());
      if (idx < parent->items.size())
        parent->items.erase(parent->items.begin() + static_cast<std::ptrdiff_t>(idx));
    }
  }
  SetJson(c, doc);
}

Json MergePreserve(Json a, Json b) {
  if (a.kind == Json::kObject && b.kind == Json::kObject) {
    for (size_t i = 0; i < b.keys.size(); i++) {
      bool merged = false;
      for (size_t k = 0; k < a.keys.size(); k++) {
        if (Unescape(a.keys[k]) == Unescape(b.keys[i])) {
          a.items[k] = MergePreserve(std::move(a.items[k]), std::move(b.items[i]));
          merged = true;
          break;
        }
      }
      if (!merged) {
        a.keys.push_back(b.keys[i]);
        a.items.push_back(std::move(b.items[i]));
      }
    }
    return a;
  }
  Json arr;
  arr.kind = Json::kArray;
  auto add = [&](Json&& j) {
    if (j.kind == Json::kArray) {
      for (Json& e : j.items) arr.items.push_back(std::move(e));
    } else {
      arr.items.push_back(std::move(j));
    }
  };
  add(std::move(a));
  add(std::move(b));
  return arr;
}

Json MergePatch(Json target, const Json& patch) {
  if (patch.kind != Json::kObject) return patch;
  if (target.kind != Json::kObject) {
    target = Json();
    target.kind = Json::kObject;
  }
  for (size_t i = 0; i < patch.keys.size(); i++) {
    std::string key = Unescape(patch.keys[i]);
    size_t k = 0;
    while (k < target.keys.size() && Unescape(target.keys[k]) != key) k++;
    if (patch.items[i].kind == Json::kNull) {
      if (k < target.keys.size()) {
        target.keys.erase(target.keys.begin() + static_cast<std::ptrdiff_t>(k));
        target.items.erase(target.items.begin() + static_cast<std::ptrdiff_t>(k));
      }
    } else if (k < target.keys.size()) {
      target.items[k] = MergePatch(std::move(target.items[k]), patch.items[i]);
    } else {
      target.keys.push_back(patch.keys[i]);
      target.items.push_back(MergePatch(Json(), patch.items[i]));
    }
  }
  return target;
}

void JsonMergePreserve(Call& c) {
  if (c.any_null()) return c.SetNull();
  Json acc;
  if (!ArgDoc(c, 0, "json_merge_preserve", &acc)) return c.SetNull();
  for (int i = 1; i < c.argc(); i++) {
    Json next;
    if (!ArgDoc(c, i, "json_merge_preserve", &next)) return c.SetNull();
    acc = MergePreserve(std::move(acc), std::move(next));
  }
  SetJson(c, acc);
}

void JsonMergePatch(Call& c) {
  if (c.is_null(0) && c.argc() < 2) return c.SetNull();
  Json acc;
  bool acc_null = c.is_null(0);
  if (!acc_null && !ArgDoc(c, 0, "json_merge_patch", &acc)) return c.SetNull();
  for (int i = 1; i < c.argc(); i++) {
    if (c.is_null(i)) {
      acc_null = true;
      continue;
    }
    Json next;
    if (!ArgDoc(c, i, "json_merge_patch", &next)) return c.SetNull();
    if (acc_null && next.kind != Json::kObject) {
      acc = next;
      acc_null = false;
      continue;
    }
    if (acc_null) {
      acc = Json();
      acc.kind = Json::kObject;
      acc_null = false;
    }
    acc = MergePatch(std::move(acc), next);
  }
  if (acc_null) return c.SetNull();
  SetJson(c, acc);
}

void JsonCompact(Call& c) {
  Json doc;
  if (!ArgDoc(c, 0, "json_compact", &doc)) return c.SetNull();
  c.SetText(ToText(doc, true));
  sqlite3_result_subtype(c.ctx(), kJsonSubtype);
}

// JSON_VALUE: the scalar at path, unquoted; NULL for objects/arrays.
void JsonValue(Call& c) {
  if (c.any_null()) return c.SetNull();
  Json doc;
  if (!ArgDoc(c, 0, "json_value", &doc)) return c.SetNull();
  Json* j = Select(c, &doc, 1, "json_value");
  if (j == nullptr || j->kind == Json::kArray || j->kind == Json::kObject) return c.SetNull();
  if (j->kind == Json::kString) return c.SetText(Unescape(j->text));
  if (j->kind == Json::kNull) return c.SetNull();
  c.SetText(ToText(*j));
}

// JSON_QUERY: the object/array at path; NULL for scalars.
void JsonQuery(Call& c) {
  if (c.any_null()) return c.SetNull();
  Json doc;
  if (!ArgDoc(c, 0, "json_query", &doc)) return c.SetNull();
  Json* j = Select(c, &doc, 1, "json_query");
  if (j == nullptr || (j->kind != Json::kArray && j->kind != Json::kObject)) return c.SetNull();
  SetJson(c, *j);
}

void JsonExists(Call& c) {
  if (c.any_null()) return c.SetNull();
  Json doc;
  if (!ArgDoc(c, 0, "json_exists", &doc)) return c.SetNull();
  Path path;
  if (!ArgPath(c, 1, "json_exists", &path)) return c.SetNull();
  std::vector<Json*> found;
  Find(&doc, path.steps, 0, &found);
  c.SetInt(found.empty() ? 0 : 1);
}

// Path text of a node for JSON_SEARCH.
void SearchIn(const Json& j, const std::string& prefix, std::string_view pattern, bool all,
              std::vector<std::string>* out);

bool LikeMatch(std::string_view s, std::string_view pat) {
  // '%' and '_' wildcards, '\' escape, case-insensitive (general_ci).
  const char* p = s.data();
  const char* pe = p + s.size();
  size_t pi = 0;
  size_t star = SIZE_MAX;
  const char* star_p = nullptr;
  while (p < pe) {
    if (pi < pat.size() && pat[pi] == '%') {
      star = pi++;
      star_p = p;
      continue;
    }
    if (pi < pat.size()) {
      const char* q = p;
      char32_t sc = DecodeUtf8(&q, pe);
      size_t pj = pi;
      bool esc = pat[pj] == '\\' && pj + 1 < pat.size();
      if (esc) pj++;
      const char* pp = pat.data() + pj;
      char32_t pc = DecodeUtf8(&pp, pat.data() + pat.size());
      if ((!esc && pat[pi] == '_') || CiWeight(sc) == CiWeight(pc)) {
        p = q;
        pi = static_cast<size_t>(pp - pat.data());
        continue;
      }
    }
    if (star == SIZE_MAX) return false;
    pi = star + 1;
    DecodeUtf8(&star_p, pe);
    p = star_p;
  }
  while (pi < pat.size() && pat[pi] == '%') pi++;
  return pi == pat.size();
}

void SearchIn(const Json& j, const std::string& prefix, std::string_view pattern, bool all,
              std::vector<std::string>* out) {
  if (!all && !out->empty()) return;
  switch (j.kind) {
    case Json::kString:
      if (LikeMatch(Unescape(j.text), pattern)) out->push_back(prefix);
      break;
    case Json::kArray:
      for (size_t i = 0; i < j.items.size(); i++) {
        SearchIn(j.items[i], prefix + "[" + std::to_string(i) + "]", pattern, all, out);
      }
      break;
    case Json::kObject:
      for (size_t i = 0; i < j.items.size(); i++) {
        SearchIn(j.items[i], prefix + "." + j.keys[i], pattern, all, out);
      }
      break;
    default:
      break;
  }
}

void JsonSearch(Call& c) {
  if (c.is_null(0) || c.is_null(1) || c.is_null(2)) return c.SetNull();
  Json doc;
  if (!ArgDoc(c, 0, "json_search", &doc)) return c.SetNull();
  std::string mode = Utf8Lower(c.Str(1));
  if (mode != "one" && mode != "all") {
    c.Warn(4046, "Argument 2 to function 'json_search' must be \"one\" or \"all\".");
    return c.SetNull();
  }
  std::vector<std::string> found;
  SearchIn(doc, "$", c.Str(2), mode == "all", &found);
  if (found.empty()) return c.SetNull();
  if (found.size() == 1) return SetJson(c, MakeString(found[0]));
  Json arr;
  arr.kind = Json::kArray;
  for (const std::string& p : found) arr.items.push_back(MakeString(p));
  SetJson(c, arr);
}

// ---- Aggregates: JSON_ARRAYAGG(x), JSON_OBJECTAGG(k, v) ----

struct AggState {
  Json j;
  bool any = false;
};

AggState* AggGet(sqlite3_context* ctx, bool create) {
  auto** slot = static_cast<AggState**>(sqlite3_aggregate_context(ctx, create ? sizeof(AggState*) : 0));
  if (slot == nullptr) return nullptr;
  if (*slot == nullptr && create) *slot = new AggState;
  return *slot;
}

void AggFree(sqlite3_context* ctx) {
  auto** slot = static_cast<AggState**>(sqlite3_aggregate_context(ctx, 0));
  if (slot != nullptr) {
    delete *slot;
    *slot = nullptr;
  }
}

void ArrayAggStep(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  AggState* st = AggGet(ctx, true);
  if (st == nullptr) return sqlite3_result_error_nomem(ctx);
  Call c(ctx, argc, argv);
  Json v;
  if (!ArgValue(c, 0, "json_arrayagg", &v)) return;
  st->j.kind = Json::kArray;
  st->j.items.push_back(std::move(v));
  st->any = true;
}

void ObjectAggStep(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  AggState* st = AggGet(ctx, true);
  if (st == nullptr) return sqlite3_result_error_nomem(ctx);
  Call c(ctx, argc, argv);
  if (c.is_null(0)) return;
  Json v;
  if (!ArgValue(c, 1, "json_objectagg", &v)) return;
  st->j.kind = Json::kObject;
  st->j.keys.push_back(Escape(c.Str(0)));
  st->j.items.push_back(std::move(v));
  st->any = true;
}

void AggFinal(sqlite3_context* ctx) {
  AggState* st = AggGet(ctx, false);
  Call c(ctx, 0, nullptr);
  if (st == nullptr || !st->any) {
    AggFree(ctx);
    return c.SetNull();
  }
  // MariaDB prints aggregates its own way: [1,2] and {"a":1, "b":2}.
  std::string out;
  const Json& j = st->j;
  out.push_back(j.kind == Json::kArray ? '[' : '{');
  for (size_t i = 0; i < j.items.size(); i++) {
    if (i > 0) out.append(j.kind == Json::kArray ? "," : ", ");
    if (j.kind == Json::kObject) {
      out.push_back('"');
      out.append(j.keys[i]);
      out.append("\":");
    }
    Serialize(j.items[i], &out, false);
  }
  out.push_back(j.kind == Json::kArray ? ']' : '}');
  AggFree(ctx);
  c.SetText(out);
  sqlite3_result_subtype(c.ctx(), kJsonSubtype);
}

const ScalarDef kScalars[] = {
    {"rdb_json", 1, JsonMark, kDeterministic},
    {"rdb_json_valid", 1, JsonValid, kDeterministic},
    {"rdb_json_extract", -1, JsonExtract, kDeterministic},
    {"rdb_json_unquote", 1, JsonUnquote, kNullIfAnyNull | kDeterministic},
    {"rdb_json_quote", 1, JsonQuote, kNullIfAnyNull | kDeterministic},
    {"rdb_json_object", -1, JsonObject, kDeterministic},
    {"rdb_json_array", -1, JsonArray, kDeterministic},
    {"rdb_json_contains", 2, JsonContains, kDeterministic},
    {"rdb_json_contains", 3, JsonContains, kDeterministic},
    {"rdb_json_contains_path", -1, JsonContainsPath, kDeterministic},
    {"rdb_json_length", 1, JsonLength, kDeterministic},
    {"rdb_json_length", 2, JsonLength, kDeterministic},
    {"rdb_json_depth", 1, JsonDepth, kNullIfAnyNull | kDeterministic},
    {"rdb_json_keys", 1, JsonKeys, kDeterministic},
    {"rdb_json_keys", 2, JsonKeys, kDeterministic},
    {"rdb_json_type", 1, JsonType, kNullIfAnyNull | kDeterministic},
    {"rdb_json_set", -1, JsonSet, kDeterministic},
    {"rdb_json_insert", -1, JsonInsert, kDeterministic},
    {"rdb_json_replace", -1, JsonReplace, kDeterministic},
    {"rdb_json_array_append", -1, JsonArrayAppend, kDeterministic},
    {"rdb_json_remove", -1, JsonRemove, kDeterministic},
    {"rdb_json_merge_preserve", -1, JsonMergePreserve, kDeterministic},
    {"rdb_json_merge_patch", -1, JsonMergePatch, kDeterministic},
    {"rdb_json_compact", 1, JsonCompact, kNullIfAnyNull | kDeterministic},
    {"rdb_json_value", 2, JsonValue, kDeterministic},
    {"rdb_json_query", 2, JsonQuery, kDeterministic},
    {"rdb_json_exists", 2, JsonExists, kDeterministic},
    {"rdb_json_search", -1, JsonSearch, kDeterministic},
};

const AggregateDef kAggregates[] = {
    {"rdb_json_arrayagg", 1, ArrayAggStep, AggFinal},
    {"rdb_json_objectagg", 2, ObjectAggStep, AggFinal},
};

}  // namespace

FamilyTable JsonFunctions() { return {kScalars, std::size(kScalars), kAggregates, std::size(kAggregates)}; }

}  // namespace relaydb::sql::fn
