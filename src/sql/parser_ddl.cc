// DDL parsing: CREATE/DROP/ALTER DATABASE, CREATE TABLE (filling
// sql/schema.h's TableDef directly with MariaDB's parse-time rules: inline
// keys, index names and order, table options; see CreateTableStmt in
// ast.h), DROP / RENAME / TRUNCATE TABLE, CREATE / DROP INDEX, CREATE VIEW
// and DROP of unsupported objects. Column definitions are in
// parser_column.cc, ALTER TABLE in parser_alter.cc.
#include <cstdlib>

#include "sql/parser_impl.h"

namespace relaydb::sql {

namespace {

// Canonical engine names as SHOW CREATE TABLE prints them.
std::string CanonicalEngine(const std::string& name) {
  static constexpr std::string_view kEngines[] = {"InnoDB",   "MyISAM",   "MEMORY",    "Aria",
                                                  "CSV",      "ARCHIVE",  "BLACKHOLE", "MRG_MyISAM",
                                                  "SEQUENCE", "FEDERATED"};
  for (std::string_view e : kEngines)
    if (EqualsIgnoreCase(e, name)) return std::string(e);
  if (EqualsIgnoreCase(name, "HEAP")) return "MEMORY";
  if (EqualsIgnoreCase(name, "MERGE") || EqualsIgnoreCase(name, "MRG_MYISAM")) return "MRG_MyISAM";
  return name;
}

}  // namespace

// ( col [(len)] [ASC|DESC], ... )
bool Parser::ParseIndexColumns(IndexDef* index) {
  TRY(Expect(TokenType::kLParen));
  do {
    if (Is(TokenType::kLParen)) return FailUnsupported("functional key parts");
    IndexColumn c;
    TRY(ParseIdent(&c.name));
    if (Accept(TokenType::kLParen)) {
      uint64_t n;
      TRY(ParseNumber(&n));
      c.prefix_length = static_cast<int32_t>(n > 0x7fffffff ? 0x7fffffff : n);
      TRY(Expect(TokenType::kRParen));
    }
    if (AcceptKw(Kw::kDesc)) {
      c.descending = true;
    } else {
      AcceptKw(Kw::kAsc);
    }
    index->columns.push_back(std::move(c));
  } while (Accept(TokenType::kComma));
  return Expect(TokenType::kRParen);
}

// Index options after the column list (and USING before it).
bool Parser::ParseIndexOptions(IndexDef* index) {
  for (;;) {
    if (AcceptKw(Kw::kUsing) || AcceptKw(Kw::kType)) {
      if (!(AcceptKw(Kw::kBtree) || AcceptKw(Kw::kHash) || AcceptKw(Kw::kRtree))) return Fail();
      continue;
    }
    if (AcceptKw(Kw::kComment)) {
      TRY(ParseStringLiteral(&index->comment));
      continue;
    }
    if (AcceptKw(Kw::kKeyBlockSize)) {
      AcceptEq();
      uint64_t v;
      TRY(ParseNumber(&v));
      continue;
    }
    if (IsKw(Kw::kWith) && IsKw(Kw::kParser, 1)) {
      Advance();
      Advance();
      std::string p;
      TRY(ParseIdent(&p));
      continue;
    }
    if (AcceptKw(Kw::kVisible) || AcceptKw(Kw::kInvisible) || AcceptKw(Kw::kIgnored)) continue;
    if (IsKw(Kw::kNot) && IsKw(Kw::kIgnored, 1)) {
      Advance();
      Advance();
      continue;
    }
    if (IsKw(Kw::kClustering) && Is(TokenType::kEq, 1)) return Fail();
    break;
  }
  return true;
}

bool Parser::ParseReferences(ForeignKeySpec* fk) {
  TRY(ExpectKw(Kw::kReferences));
  TRY(ParseTableName(&fk->ref_table));
  if (Is(TokenType::kLParen)) TRY(ParseIdentList(&fk->ref_columns));
  for (;;) {
    if (AcceptKw(Kw::kMatch)) {
      if (!(AcceptKw(Kw::kFull) || AcceptKw(Kw::kPartial) || AcceptKw(Kw::kSimple))) return Fail();
      continue;
    }
    if (IsKw(Kw::kOn) && (IsKw(Kw::kDelete, 1) || IsKw(Kw::kUpdate, 1))) {
      Advance();
      Advance();
      if (AcceptKw(Kw::kRestrict) || AcceptKw(Kw::kCascade)) continue;
      if (AcceptKw(Kw::kSet)) {
        if (!(AcceptKw(Kw::kNull) || AcceptKw(Kw::kDefault))) return Fail();
        continue;
      }
      if (AcceptKw(Kw::kNo)) {
        TRY(ExpectKw(Kw::kAction));
        continue;
      }
      return Fail();
    }
    break;
  }
  return true;
}

bool Parser::ParseForeignKeyRest(ForeignKeySpec* fk) {
  // After FOREIGN KEY.
  if (IsIdent() && !Is(TokenType::kLParen)) {
    std::string name;
    TRY(ParseIdent(&name));
    if (fk->name.empty()) fk->name = std::move(name);
  }
  TRY(ParseIdentList(&fk->columns));
  return ParseReferences(fk);
}

// One table option; sets *parsed false (and consumes nothing) if the
// current token does not start one.
bool Parser::ParseTableOption(std::vector<TableOption>* options, bool* parsed) {
  *parsed = true;
  const Token& t = Cur();
  if (t.type != TokenType::kIdent) {
    *parsed = false;
    return true;
  }
  auto value_word = [&](std::string* v) -> bool {
    AcceptEq();
    if (Is(TokenType::kString)) return ParseStringLiteral(v);
    if (Is(TokenType::kInteger) || Is(TokenType::kDecimal)) {
      *v = std::string(Text(Cur()));
      Advance();
      return true;
    }
    if (IsIdent() || IsKw(Kw::kDefault)) {
      *v = Lexer::DecodeIdent(sql_, Cur());
      Advance();
      return true;
    }
    return Fail();
  };
  // Typed values: numbers for size/count options, strings for texts.
  auto value_number = [&](std::string* v) -> bool {
    AcceptEq();
    if (Is(TokenType::kInteger)) {
      *v = std::string(Text(Cur()));
      Advance();
      return true;
    }
    if (IsKw(Kw::kDefault)) {
      *v = "DEFAULT";
      Advance();
      return true;
    }
    return Fail();
  };
  auto value_string = [&](std::string* v) -> bool {
    AcceptEq();
    return ParseStringLiteral(v);
  };
  std::string name;
  std::string value;
  // DEFAULT must introduce CHARSET / CHARACTER SET / COLLATE.
  const bool is_default = t.kw == Kw::kDefault;
  if (is_default) {
    Advance();
    if (!(IsKw(Kw::kCharset) || IsKw(Kw::kCharacter) || IsKw(Kw::kCollate))) return Fail();
  }
  const Token& k = Cur();
  switch (k.kw) {
    case Kw::kEngine:
    case Kw::kType:
      Advance();
      TRY(value_word(&value));
      options->push_back({"ENGINE", CanonicalEngine(value)});
      return true;
    case Kw::kCharset:
    case Kw::kCharacter:
      Advance();
      if (k.kw == Kw::kCharacter) TRY(ExpectKw(Kw::kSet));
      AcceptEq();
      if (AcceptKw(Kw::kDefault)) {
        value = "default";
      } else {
        TRY(ParseCharsetName(&value));
      }
      options->push_back({"DEFAULT CHARSET", value});
      return true;
    case Kw::kCollate:
      Advance();
      AcceptEq();
      if (AcceptKw(Kw::kDefault)) {
        value = "default";
      } else {
        TRY(ParseCharsetName(&value));
      }
      options->push_back({"COLLATE", value});
      return true;
    case Kw::kAutoIncrement:
    case Kw::kAvgRowLength:
    case Kw::kChecksum:
    case Kw::kTableChecksum:
    case Kw::kDelayKeyWrite:
    case Kw::kKeyBlockSize:
    case Kw::kMaxRows:
    case Kw::kMinRows:
    case Kw::kPackKeys:
    case Kw::kPageChecksum:
    case Kw::kStatsAutoRecalc:
    case Kw::kStatsPersistent:
    case Kw::kStatsSamplePages:
    case Kw::kTransactional:
    case Kw::kEncryptionKeyId:
    case Kw::kPageCompressionLevel:
      name = ToUpperAscii(Text(k));
      if (k.kw == Kw::kTableChecksum) name = "CHECKSUM";
      Advance();
      TRY(value_number(&value));
      options->push_back({name, value});
      return true;
    case Kw::kComment:
    case Kw::kConnection:
    case Kw::kPassword:
      name = ToUpperAscii(Text(k));
      Advance();
      TRY(value_string(&value));
      options->push_back({name, value});
      return true;
    case Kw::kInsertMethod:
    case Kw::kRowFormat:
    case Kw::kEncrypted:
    case Kw::kPageCompressed:
    case Kw::kIetfQuotes:
    case Kw::kSequence:
      name = ToUpperAscii(Text(k));
      Advance();
      TRY(value_word(&value));
      if (name == "ROW_FORMAT" || name == "INSERT_METHOD") value = ToUpperAscii(value);
      options->push_back({name, value});
      return true;
    case Kw::kData:
    case Kw::kIndex:
      if (!IsKw(Kw::kDirectory, 1)) break;
      name = k.kw == Kw::kData ? "DATA DIRECTORY" : "INDEX DIRECTORY";
      Advance();
      Advance();
      AcceptEq();
      TRY(ParseStringLiteral(&value));
      options->push_back({name, value});
      return true;
    case Kw::kUnion: {
      Advance();
      AcceptEq();
      std::vector<TableName> tables;
      TRY(Expect(TokenType::kLParen));
      if (!Is(TokenType::kRParen)) TRY(ParseTableNameList(&tables));
      TRY(Expect(TokenType::kRParen));
      for (const TableName& tn : tables) {
        if (!value.empty()) value += ",";
        value += tn.db.empty() ? tn.name : tn.db + "." + tn.name;
      }
      options->push_back({"UNION", value});
      return true;
    }
    case Kw::kTablespace:
      Advance();
      TRY(value_word(&value));
      options->push_back({"TABLESPACE", value});
      return true;
    case Kw::kWith:
      if (IsKw(Kw::kSystem, 1)) return FailUnsupported("SYSTEM VERSIONING");
      break;
    default: break;
  }
  *parsed = false;
  return true;
}

// ---------------------------------------------------------------------------
// CREATE
// ---------------------------------------------------------------------------

StatementPtr Parser::ParseCreate() {
  Advance();  // CREATE
  bool or_replace = false;
  if (IsKw(Kw::kOr)) {
    Advance();
    TRY(ExpectKw(Kw::kReplace));
    or_replace = true;
  }
  const Token& t = Cur();
  switch (t.kw) {
    case Kw::kTemporary:
      Advance();
      if (!IsKw(Kw::kTable)) {
        if (IsKw(Kw::kSequence)) return ParseUnsupported("CREATE SEQUENCE", false);
        Fail();
        return nullptr;
      }
      return ParseCreateTable(or_replace, true);
    case Kw::kTable: return ParseCreateTable(or_replace, false);
    case Kw::kDatabase:
    case Kw::kSchema: return ParseCreateDatabase(or_replace);
    case Kw::kUnique: Advance(); return ParseCreateIndex(or_replace, IndexKind::kUnique);
    case Kw::kFulltext: Advance(); return ParseCreateIndex(or_replace, IndexKind::kFulltext);
    case Kw::kSpatial: return ParseUnsupported("CREATE SPATIAL INDEX", false);
    case Kw::kIndex: return ParseCreateIndex(or_replace, IndexKind::kIndex);
    case Kw::kOnline:
    case Kw::kOffline:
      Advance();
      if (AcceptKw(Kw::kUnique)) return ParseCreateIndex(or_replace, IndexKind::kUnique);
      return ParseCreateIndex(or_replace, IndexKind::kIndex);
    case Kw::kUser: return ParseCreateUser(or_replace);
    case Kw::kRole: return ParseUnsupported("CREATE ROLE", false);
    case Kw::kView:
    case Kw::kAlgorithm:
    case Kw::kSql: return ParseCreateView();
    case Kw::kDefiner: {
      // DEFINER = user: find what follows to name the feature.
      size_t k = 1;
      while (!Is(TokenType::kEnd, k) && !Is(TokenType::kSemicolon, k)) {
        const Token& x = Peek(k);
        if (x.type == TokenType::kIdent &&
            (x.kw == Kw::kProcedure || x.kw == Kw::kFunction || x.kw == Kw::kTrigger ||
             x.kw == Kw::kEvent || x.kw == Kw::kView || x.kw == Kw::kPackage)) {
          if (x.kw == Kw::kView) return ParseCreateView();
          std::string what = "CREATE " + ToUpperAscii(Text(x));
          return ParseUnsupported(what, true);
        }
        ++k;
      }
      return ParseUnsupported("CREATE VIEW", false);
    }
    case Kw::kProcedure: return ParseUnsupported("CREATE PROCEDURE", true);
    case Kw::kFunction:
    case Kw::kAggregate: return ParseUnsupported("CREATE FUNCTION", true);
    case Kw::kTrigger: return ParseUnsupported("CREATE TRIGGER", true);
    case Kw::kEvent: return ParseUnsupported("CREATE EVENT", true);
    case Kw::kPackage: return ParseUnsupported("CREATE PACKAGE", true);
    case Kw::kSequence: return ParseUnsupported("CREATE SEQUENCE", false);
    case Kw::kServer: return ParseUnsupported("CREATE SERVER", false);
    case Kw::kTablespace:
    case Kw::kLogfile: return ParseUnsupported("CREATE TABLESPACE", false);
    default: Fail(); return nullptr;
  }
}

// CREATE [OR REPLACE] [ALGORITHM = x] [DEFINER = user] [SQL SECURITY x]
// VIEW [IF NOT EXISTS] name [(cols)] AS query [WITH [CASCADED|LOCAL] CHECK
// OPTION]: validated, then unsupported.
StatementPtr Parser::ParseCreateView() {
  for (;;) {
    if (AcceptKw(Kw::kAlgorithm)) {
      TRY(Expect(TokenType::kEq));
      if (!(AcceptKw(Kw::kUndefined) || AcceptKw(Kw::kMerge) || AcceptKw(Kw::kTemptable))) {
        Fail();
        return nullptr;
      }
      continue;
    }
    if (AcceptKw(Kw::kDefiner)) {
      TRY(Expect(TokenType::kEq));
      UserSpec u;
      TRY(ParseUserSpec(&u));
      continue;
    }
    if (AcceptKw(Kw::kSql)) {
      TRY(ExpectKw(Kw::kSecurity));
      if (!(AcceptKw(Kw::kDefiner) || AcceptKw(Kw::kInvoker))) {
        Fail();
        return nullptr;
      }
      continue;
    }
    break;
  }
  TRY(ExpectKw(Kw::kView));
  if (IsKw(Kw::kIf)) {
    Advance();
    TRY(ExpectKw(Kw::kNot));
    TRY(ExpectKw(Kw::kExists));
  }
  TableName name;
  TRY(ParseTableName(&name));
  if (Is(TokenType::kLParen)) {
    std::vector<std::string> cols;
    TRY(ParseIdentList(&cols));
  }
  TRY(ExpectKw(Kw::kAs));
  QueryPtr q = ParseQuery();
  TRY(q);
  if (AcceptKw(Kw::kWith)) {
    if (!AcceptKw(Kw::kCascaded)) AcceptKw(Kw::kLocal);
    TRY(ExpectKw(Kw::kCheck));
    TRY(ExpectKw(Kw::kOption));
  }
  auto u = std::make_unique<UnsupportedStmt>();
  u->feature = "CREATE VIEW";
  return u;
}

bool Parser::ParseDatabaseOptions(std::string* charset, std::string* collation,
                                  std::optional<std::string>* comment, bool* any) {
  for (;;) {
    const bool dflt = AcceptKw(Kw::kDefault);  // DEFAULT {CHARSET|CHARACTER SET|COLLATE}
    if (IsKw(Kw::kCharset) || IsKw(Kw::kCharacter)) {
      if (AcceptKw(Kw::kCharacter)) {
        TRY(ExpectKw(Kw::kSet));
      } else {
        Advance();
      }
      AcceptEq();
      TRY(ParseCharsetName(charset));
      *any = true;
      continue;
    }
    if (AcceptKw(Kw::kCollate)) {
      AcceptEq();
      TRY(ParseCharsetName(collation));
      *any = true;
      continue;
    }
    if (dflt) return Fail();
    if (AcceptKw(Kw::kComment)) {
      AcceptEq();
      std::string c;
      TRY(ParseStringLiteral(&c));
      *comment = std::move(c);
      *any = true;
      continue;
    }
    break;
  }
  return true;
}

StatementPtr Parser::ParseCreateDatabase(bool or_replace) {
  Advance();  // DATABASE | SCHEMA
  auto s = std::make_unique<CreateDatabaseStmt>();
  s->or_replace = or_replace;
  if (IsKw(Kw::kIf)) {
    Advance();
    TRY(ExpectKw(Kw::kNot));
    TRY(ExpectKw(Kw::kExists));
    s->if_not_exists = true;
  }
  TRY(ParseIdent(&s->name));
  bool any = false;
  TRY(ParseDatabaseOptions(&s->charset, &s->collation, &s->comment, &any));
  return s;
}

StatementPtr Parser::ParseCreateIndex(bool or_replace, IndexKind kind) {
  TRY(ExpectKw(Kw::kIndex));
  auto s = std::make_unique<CreateIndexStmt>();
  s->or_replace = or_replace;
  s->index.kind = kind;
  if (IsKw(Kw::kIf)) {
    Advance();
    TRY(ExpectKw(Kw::kNot));
    TRY(ExpectKw(Kw::kExists));
    s->if_not_exists = true;
  }
  TRY(ParseIdent(&s->index.name));
  TRY(ParseIndexOptions(&s->index));
  TRY(ExpectKw(Kw::kOn));
  TRY(ParseTableName(&s->table));
  TRY(ParseIndexColumns(&s->index));
  TRY(ParseIndexOptions(&s->index));
  for (;;) {
    if (AcceptKw(Kw::kAlgorithm) || AcceptKw(Kw::kLock)) {
      AcceptEq();
      if (!IsAnyWord()) {
        Fail();
        return nullptr;
      }
      Advance();
      continue;
    }
    break;
  }
  return s;
}

// A key definition inside CREATE TABLE / ALTER TABLE ADD. `constraint` is
// the CONSTRAINT symbol (or empty). Current token: PRIMARY/UNIQUE/KEY/
// INDEX/FULLTEXT/SPATIAL.
bool ParseKeyDefinition(Parser& p, const std::string& constraint, IndexDef* index,
                        bool* if_not_exists) {
  if (p.AcceptKw(Kw::kPrimary)) {
    TRY(p.ExpectKw(Kw::kKey));
    index->kind = IndexKind::kPrimary;
    index->name = "PRIMARY";
  } else if (p.AcceptKw(Kw::kUnique)) {
    if (!p.AcceptKw(Kw::kIndex)) p.AcceptKw(Kw::kKey);
    index->kind = IndexKind::kUnique;
  } else if (p.AcceptKw(Kw::kFulltext)) {
    if (!p.AcceptKw(Kw::kIndex)) p.AcceptKw(Kw::kKey);
    index->kind = IndexKind::kFulltext;
  } else if (p.IsKw(Kw::kSpatial)) {
    return p.FailUnsupported("SPATIAL indexes");
  } else if (p.AcceptKw(Kw::kKey) || p.AcceptKw(Kw::kIndex)) {
    index->kind = IndexKind::kIndex;
  } else {
    return p.Fail();
  }
  if (index->kind != IndexKind::kPrimary) {
    if (p.AcceptKw(Kw::kIf)) {
      TRY(p.ExpectKw(Kw::kNot));
      TRY(p.ExpectKw(Kw::kExists));
      if (if_not_exists != nullptr) *if_not_exists = true;
    }
    if (p.IsIdent() && !p.IsKw(Kw::kUsing) && !p.IsKw(Kw::kType)) {
      TRY(p.ParseIdent(&index->name));
    } else if (!constraint.empty()) {
      index->name = constraint;
    }
  }
  TRY(p.ParseIndexOptions(index));
  TRY(p.ParseIndexColumns(index));
  return p.ParseIndexOptions(index);
}

bool IsKeyStart(const Parser& p) {
  return p.IsKw(Kw::kPrimary) || p.IsKw(Kw::kUnique) || p.IsKw(Kw::kKey) || p.IsKw(Kw::kIndex) ||
         p.IsKw(Kw::kFulltext) || p.IsKw(Kw::kSpatial);
}

StatementPtr Parser::ParseCreateTable(bool or_replace, bool temporary) {
  TRY(ExpectKw(Kw::kTable));
  auto s = std::make_unique<CreateTableStmt>();
  s->or_replace = or_replace;
  s->temporary = temporary;
  if (IsKw(Kw::kIf)) {
    Advance();
    TRY(ExpectKw(Kw::kNot));
    TRY(ExpectKw(Kw::kExists));
    s->if_not_exists = true;
  }
  TableName name;
  TRY(ParseTableName(&name));
  s->table.db = name.db;
  s->table.name = name.name;
  if (AcceptKw(Kw::kLike)) {
    TableName like;
    TRY(ParseTableName(&like));
    s->like = std::move(like);
    return s;
  }
  if (Is(TokenType::kLParen) && IsKw(Kw::kLike, 1)) {
    Advance();
    Advance();
    TableName like;
    TRY(ParseTableName(&like));
    TRY(Expect(TokenType::kRParen));
    s->like = std::move(like);
    return s;
  }
  std::vector<IndexDef> keys;  // in source order, names not yet assigned
  if (Is(TokenType::kLParen) && !IsQueryStart(1) && !Is(TokenType::kLParen, 1)) {
    Advance();
    s->has_definitions = true;
    do {
      std::string constraint;
      bool has_constraint = false;
      if (AcceptKw(Kw::kConstraint)) {
        has_constraint = true;
        if (IsIdent() && !IsKw(Kw::kCheck)) TRY(ParseIdent(&constraint));
      }
      if (IsKw(Kw::kForeign)) {
        Advance();
        TRY(ExpectKw(Kw::kKey));
        ForeignKeySpec fk;
        fk.name = constraint;
        TRY(ParseForeignKeyRest(&fk));
        s->foreign_keys.push_back(std::move(fk));
        continue;
      }
      if (IsKw(Kw::kCheck)) {
        Advance();
        CheckConstraint c;
        c.name = constraint;
        c.expr = ParseParenthesized();
        TRY(c.expr);
        c.text = ToSql(*c.expr);
        s->checks.push_back(std::move(c));
        continue;
      }
      if (IsKeyStart(*this)) {
        if (has_constraint && !IsKw(Kw::kPrimary) && !IsKw(Kw::kUnique)) {
          Fail();
          return nullptr;
        }
        IndexDef idx;
        TRY(ParseKeyDefinition(*this, constraint, &idx, nullptr));
        keys.push_back(std::move(idx));
        continue;
      }
      if (has_constraint) {
        Fail();
        return nullptr;
      }
      if (IsKw(Kw::kPeriod) && IsKw(Kw::kFor, 1)) {
        FailUnsupported("PERIOD FOR");
        return nullptr;
      }
      ColumnDef col;
      ColumnAttrs attrs;
      TRY(ParseColumnDef(&col, &attrs));
      if (attrs.primary_key) {
        IndexDef idx;
        idx.kind = IndexKind::kPrimary;
        idx.name = "PRIMARY";
        idx.columns.push_back(IndexColumn{col.name, -1, false});
        keys.push_back(std::move(idx));
      }
      if (attrs.unique_key) {
        IndexDef idx;
        idx.kind = IndexKind::kUnique;
        idx.columns.push_back(IndexColumn{col.name, -1, false});
        keys.push_back(std::move(idx));
      }
      s->table.columns.push_back(std::move(col));
      s->column_attrs.push_back(std::move(attrs));
    } while (Accept(TokenType::kComma));
    TRY(Expect(TokenType::kRParen));
  }
  // Table options, optionally comma-separated.
  for (;;) {
    bool parsed = false;
    TRY(ParseTableOption(&s->options, &parsed));
    if (!parsed) break;
    if (Accept(TokenType::kComma)) {  // a comma must be followed by another option
      TRY(ParseTableOption(&s->options, &parsed));
      if (!parsed) {
        Fail();
        return nullptr;
      }
    }
  }
  if (IsKw(Kw::kPartition)) {
    FailUnsupported("PARTITION");
    return nullptr;
  }
  if (AcceptKw(Kw::kIgnore)) {
    s->duplicates = CreateTableStmt::Duplicates::kIgnore;
  } else if (AcceptKw(Kw::kReplace)) {
    s->duplicates = CreateTableStmt::Duplicates::kReplace;
  }
  bool as = AcceptKw(Kw::kAs);
  if (IsQueryStart(0) || Is(TokenType::kLParen)) {
    s->select = ParseQuery();
    TRY(s->select);
  } else if (as || s->duplicates != CreateTableStmt::Duplicates::kError) {
    Fail();
    return nullptr;
  }
  if (!s->has_definitions && !s->select) {
    if (!AtStatementEnd()) {
      Fail();
      return nullptr;
    }
    // MariaDB: "A table must have at least 1 column".
    FailWith(Status::SqlError(1113, "42000", "A table must have at least 1 column"));
    return nullptr;
  }

  // Table options into the TableDef.
  for (const TableOption& o : s->options) {
    if (o.name == "ENGINE") {
      s->table.engine = o.value;
      s->engine_given = true;
    } else if (o.name == "AUTO_INCREMENT") {
      s->table.auto_increment = std::strtoull(o.value.c_str(), nullptr, 10);
      s->auto_increment_given = true;
    } else if (o.name == "DEFAULT CHARSET") {
      s->table.charset = o.value == "default" ? "" : o.value;
    } else if (o.name == "COLLATE") {
      s->table.collation = o.value == "default" ? "" : o.value;
    } else if (o.name == "COMMENT") {
      s->table.comment = o.value;
    }
  }

  // Keys: name in source order, check duplicates, primary key columns NOT NULL.
  std::vector<IndexDef>& out = s->table.indexes;
  bool have_primary = false;
  for (IndexDef& k : keys) {
    if (k.kind == IndexKind::kPrimary) {
      if (have_primary) {
        FailWith(Status::SqlError(1068, "42000", "Multiple primary key defined"));
        return nullptr;
      }
      have_primary = true;
      for (const IndexColumn& c : k.columns) {
        for (ColumnDef& col : s->table.columns)
          if (EqualsIgnoreCase(col.name, c.name)) col.nullable = false;
      }
    } else if (k.name.empty()) {
      k.name = AssignIndexName(out, k.columns.empty() ? "" : k.columns[0].name);
    } else {
      for (const IndexDef& e : out) {
        if (EqualsIgnoreCase(e.name, k.name)) {
          FailWith(Status::SqlError(1061, "42000", "Duplicate key name '" + k.name + "'"));
          return nullptr;
        }
      }
    }
    out.push_back(std::move(k));
  }
  SortIndexes(s->table.columns, &out);
  // Unnamed CHECK constraints: CONSTRAINT_1, CONSTRAINT_2, ...
  int n = 1;
  for (CheckConstraint& c : s->checks) {
    if (!c.name.empty()) continue;
    for (;;) {
      std::string candidate = "CONSTRAINT_" + std::to_string(n++);
      bool taken = false;
      for (const CheckConstraint& o : s->checks)
        taken = taken || EqualsIgnoreCase(o.name, candidate);
      if (!taken) {
        c.name = candidate;
        break;
      }
    }
  }
  return s;
}

// ---------------------------------------------------------------------------
// DROP / RENAME / TRUNCATE
// ---------------------------------------------------------------------------

StatementPtr Parser::ParseDrop() {
  Advance();  // DROP
  const Token& t = Cur();
  // IF EXISTS; IF alone is consumed (MariaDB then fails at what follows).
  bool if_ok = true;
  auto if_exists = [&]() -> bool {
    if (!AcceptKw(Kw::kIf)) return false;
    if_ok = ExpectKw(Kw::kExists);
    return true;
  };
  switch (t.kw) {
    case Kw::kTemporary:
    case Kw::kTable:
    case Kw::kTables: {
      auto s = std::make_unique<DropTableStmt>();
      if (AcceptKw(Kw::kTemporary)) s->temporary = true;
      if (!AcceptKw(Kw::kTable) && !AcceptKw(Kw::kTables)) {
        Fail();
        return nullptr;
      }
      s->if_exists = if_exists();
      TRY(if_ok);
      if (IsKw(Kw::kWait) || IsKw(Kw::kNowait)) {
        Fail();
        return nullptr;
      }
      TRY(ParseTableNameList(&s->tables));
      if (AcceptKw(Kw::kRestrict)) {
        s->restrict_ = true;
      } else if (AcceptKw(Kw::kCascade)) {
        s->cascade = true;
      }
      return s;
    }
    case Kw::kDatabase:
    case Kw::kSchema: {
      Advance();
      auto s = std::make_unique<DropDatabaseStmt>();
      s->if_exists = if_exists();
      TRY(if_ok);
      TRY(ParseIdent(&s->name));
      return s;
    }
    case Kw::kIndex: {
      Advance();
      auto s = std::make_unique<DropIndexStmt>();
      s->if_exists = if_exists();
      TRY(if_ok);
      if (AcceptKw(Kw::kPrimary)) {
        s->name = "PRIMARY";
      } else {
        TRY(ParseIdent(&s->name));
      }
      TRY(ExpectKw(Kw::kOn));
      TRY(ParseTableName(&s->table));
      for (;;) {
        if (AcceptKw(Kw::kAlgorithm) || AcceptKw(Kw::kLock)) {
          AcceptEq();
          if (!IsAnyWord()) {
            Fail();
            return nullptr;
          }
          Advance();
          continue;
        }
        break;
      }
      return s;
    }
    case Kw::kUser: return ParseDropUser();
    case Kw::kView:
    case Kw::kProcedure:
    case Kw::kFunction:
    case Kw::kTrigger:
    case Kw::kEvent:
    case Kw::kSequence: {
      // DROP <object> [IF EXISTS] name[, ...] [RESTRICT|CASCADE]: validated,
      // then unsupported.
      std::string what = "DROP " + ToUpperAscii(Text(t));
      const bool list = t.kw == Kw::kView || t.kw == Kw::kSequence;
      Advance();
      if (AcceptKw(Kw::kIf)) TRY(ExpectKw(Kw::kExists));
      std::vector<TableName> names;
      if (list) {
        TRY(ParseTableNameList(&names));
        if (!AcceptKw(Kw::kRestrict)) AcceptKw(Kw::kCascade);
      } else {
        TableName n;
        TRY(ParseTableName(&n));
      }
      auto u = std::make_unique<UnsupportedStmt>();
      u->feature = std::move(what);
      return u;
    }
    case Kw::kRole: return ParseUnsupported("DROP ROLE", false);
    case Kw::kServer: return ParseUnsupported("DROP SERVER", false);
    case Kw::kPackage: return ParseUnsupported("DROP PACKAGE", false);
    case Kw::kPrepare: {
      Advance();
      std::string name;
      TRY(ParseIdent(&name));
      auto u = std::make_unique<UnsupportedStmt>();
      u->feature = "DEALLOCATE PREPARE";
      return u;
    }
    default: Fail(); return nullptr;
  }
}

StatementPtr Parser::ParseRename() {
  Advance();  // RENAME
  if (IsKw(Kw::kUser)) return ParseRenameUser();
  if (!AcceptKw(Kw::kTable) && !AcceptKw(Kw::kTables)) {
    Fail();
    return nullptr;
  }
  auto s = std::make_unique<RenameTableStmt>();
  if (AcceptKw(Kw::kIf)) {
    TRY(ExpectKw(Kw::kExists));
    s->if_exists = true;
  }
  do {
    TableName from, to;
    TRY(ParseTableName(&from));
    if (IsKw(Kw::kWait) || IsKw(Kw::kNowait)) {
      Fail();
      return nullptr;
    }
    TRY(ExpectKw(Kw::kTo));
    TRY(ParseTableName(&to));
    s->renames.emplace_back(std::move(from), std::move(to));
  } while (Accept(TokenType::kComma));
  return s;
}

StatementPtr Parser::ParseTruncate() {
  Advance();  // TRUNCATE
  AcceptKw(Kw::kTable);
  auto s = std::make_unique<TruncateStmt>();
  TRY(ParseTableName(&s->table));
  return s;
}

}  // namespace relaydb::sql
