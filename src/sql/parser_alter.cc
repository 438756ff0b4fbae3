// ALTER TABLE (every operation MariaDB 10.11 accepts that relaydb knows;
// see AlterOp in ast.h) and ALTER DATABASE / USER dispatch.
#include "sql/parser_impl.h"

namespace relaydb::sql {

// ---------------------------------------------------------------------------
// ALTER
// ---------------------------------------------------------------------------

StatementPtr Parser::ParseAlter() {
  Advance();  // ALTER
  const Token& t = Cur();
  switch (t.kw) {
    case Kw::kTable:
    case Kw::kOnline:
    case Kw::kIgnore: return ParseAlterTable();
    case Kw::kDatabase:
    case Kw::kSchema: {
      Advance();
      auto s = std::make_unique<AlterDatabaseStmt>();
      if (IsIdent() && !IsKw(Kw::kCharset) && !IsKw(Kw::kCharacter) && !IsKw(Kw::kCollate) &&
          !IsKw(Kw::kComment)) {
        TRY(ParseIdent(&s->name));
      }
      if (IsKw(Kw::kUpgrade))
        return ParseUnsupported("ALTER DATABASE UPGRADE DATA DIRECTORY NAME", false);
      bool any = false;
      TRY(ParseDatabaseOptions(&s->charset, &s->collation, &s->comment, &any));
      if (!any) {
        Fail();
        return nullptr;
      }
      return s;
    }
    case Kw::kUser: return ParseAlterUser();
    case Kw::kView: return ParseUnsupported("ALTER VIEW", false);
    case Kw::kProcedure: return ParseUnsupported("ALTER PROCEDURE", false);
    case Kw::kFunction: return ParseUnsupported("ALTER FUNCTION", false);
    case Kw::kEvent: return ParseUnsupported("ALTER EVENT", false);
    case Kw::kSequence: return ParseUnsupported("ALTER SEQUENCE", false);
    case Kw::kServer: return ParseUnsupported("ALTER SERVER", false);
    case Kw::kDefiner:
    case Kw::kAlgorithm:
    case Kw::kSql: return ParseUnsupported("ALTER VIEW", false);
    default: Fail(); return nullptr;
  }
}

namespace {
bool ParsePosition(Parser& p, AlterOp* op) {
  if (p.AcceptKw(Kw::kFirst)) {
    op->position = ColumnPosition::kFirst;
  } else if (p.AcceptKw(Kw::kAfter)) {
    op->position = ColumnPosition::kAfter;
    TRY(p.ParseIdent(&op->after_column));
  }
  return true;
}

// IF EXISTS (IF alone is consumed so the error falls on what follows).
bool AcceptIfExists(Parser& p) {
  if (!p.AcceptKw(Kw::kIf)) return false;
  p.ExpectKw(Kw::kExists);
  return true;
}

// IF NOT EXISTS (IF is consumed so an error falls on what follows).
bool AcceptIfNotExists(Parser& p) {
  if (!p.AcceptKw(Kw::kIf)) return false;
  if (p.ExpectKw(Kw::kNot)) p.ExpectKw(Kw::kExists);
  return true;
}
}  // namespace

StatementPtr Parser::ParseAlterTable() {
  auto s = std::make_unique<AlterTableStmt>();
  for (;;) {
    if (AcceptKw(Kw::kOnline)) {
      s->online = true;
      continue;
    }
    if (AcceptKw(Kw::kIgnore)) {
      s->ignore = true;
      continue;
    }
    break;
  }
  TRY(ExpectKw(Kw::kTable));
  s->if_exists = AcceptIfExists(*this);
  TRY(ParseTableName(&s->table));
  if (AcceptKw(Kw::kNowait)) {
  } else if (AcceptKw(Kw::kWait)) {
    uint64_t n;
    TRY(ParseNumber(&n));
  }
  if (AtStatementEnd()) return s;  // ALTER TABLE t: a no-op rebuild
  do {
    AlterOp op;
    const Token& t = Cur();
    if (t.type != TokenType::kIdent) {
      Fail();
      return nullptr;
    }
    // Table options (ENGINE=, AUTO_INCREMENT=, [DEFAULT] CHARSET=, ...), several
    // of which may follow each other without commas.
    if (t.kw != Kw::kConvert && t.kw != Kw::kAdd && t.kw != Kw::kDrop && t.kw != Kw::kAlter &&
        t.kw != Kw::kChange && t.kw != Kw::kModify && t.kw != Kw::kRename && t.kw != Kw::kOrder &&
        t.kw != Kw::kAlgorithm && t.kw != Kw::kLock) {
      bool parsed_option = false;
      TRY(ParseTableOption(&op.options, &parsed_option));
      if (parsed_option) {
        op.kind = AlterOp::Kind::kTableOptions;
        for (;;) {
          bool more = false;
          TRY(ParseTableOption(&op.options, &more));
          if (!more) break;
        }
        s->ops.push_back(std::move(op));
        continue;
      }
    }
    switch (t.kw) {
      case Kw::kAdd: {
        Advance();
        std::string constraint;
        bool has_constraint = false;
        if (AcceptKw(Kw::kConstraint)) {
          has_constraint = true;
          if (IsIdent() && !IsKw(Kw::kCheck) && !IsKw(Kw::kIf)) TRY(ParseIdent(&constraint));
          if (AcceptIfNotExists(*this)) op.if_not_exists = true;
          if (IsIdent() && !IsKw(Kw::kCheck) && constraint.empty()) TRY(ParseIdent(&constraint));
        }
        if (IsKw(Kw::kForeign)) {
          Advance();
          TRY(ExpectKw(Kw::kKey));
          op.kind = AlterOp::Kind::kAddForeignKey;
          op.foreign_key.name = constraint;
          if (AcceptIfNotExists(*this)) op.if_not_exists = true;
          TRY(ParseForeignKeyRest(&op.foreign_key));
        } else if (IsKw(Kw::kCheck)) {
          Advance();
          op.kind = AlterOp::Kind::kAddCheck;
          op.check.name = constraint;
          op.check.expr = ParseParenthesized();
          TRY(op.check.expr);
          op.check.text = ToSql(*op.check.expr);
        } else if (IsKeyStart(*this)) {
          op.kind = AlterOp::Kind::kAddIndex;
          TRY(ParseKeyDefinition(*this, constraint, &op.index, &op.if_not_exists));
        } else if (has_constraint) {
          Fail();
          return nullptr;
        } else if (IsKw(Kw::kPartition) || IsKw(Kw::kPeriod) || IsKw(Kw::kSystem)) {
          FailUnsupported("ALTER TABLE ADD " + ToUpperAscii(Text(Cur())));
          return nullptr;
        } else {
          AcceptKw(Kw::kColumn);
          bool ine = AcceptIfNotExists(*this);
          if (Is(TokenType::kLParen)) {
            Advance();
            do {
              AlterOp col_op;
              col_op.kind = AlterOp::Kind::kAddColumn;
              col_op.if_not_exists = ine;
              TRY(ParseColumnDef(&col_op.column, &col_op.attrs));
              s->ops.push_back(std::move(col_op));
            } while (Accept(TokenType::kComma));
            TRY(Expect(TokenType::kRParen));
            continue;
          }
          op.kind = AlterOp::Kind::kAddColumn;
          op.if_not_exists = ine;
          TRY(ParseColumnDef(&op.column, &op.attrs));
          TRY(ParsePosition(*this, &op));
        }
        break;
      }
      case Kw::kDrop: {
        Advance();
        if (AcceptKw(Kw::kPrimary)) {
          TRY(ExpectKw(Kw::kKey));
          op.kind = AlterOp::Kind::kDropPrimaryKey;
        } else if (AcceptKw(Kw::kIndex) || AcceptKw(Kw::kKey)) {
          op.kind = AlterOp::Kind::kDropIndex;
          op.if_exists = AcceptIfExists(*this);
          if (AcceptKw(Kw::kPrimary)) {
            op.name = "PRIMARY";
          } else {
            TRY(ParseIdent(&op.name));
          }
        } else if (IsKw(Kw::kForeign)) {
          Advance();
          TRY(ExpectKw(Kw::kKey));
          op.kind = AlterOp::Kind::kDropForeignKey;
          op.if_exists = AcceptIfExists(*this);
          TRY(ParseIdent(&op.name));
        } else if (AcceptKw(Kw::kConstraint) || AcceptKw(Kw::kCheck)) {
          op.kind = AlterOp::Kind::kDropConstraint;
          op.if_exists = AcceptIfExists(*this);
          TRY(ParseIdent(&op.name));
        } else if (IsKw(Kw::kPartition) || IsKw(Kw::kPeriod) || IsKw(Kw::kSystem)) {
          FailUnsupported("ALTER TABLE DROP " + ToUpperAscii(Text(Cur())));
          return nullptr;
        } else {
          AcceptKw(Kw::kColumn);
          op.kind = AlterOp::Kind::kDropColumn;
          op.if_exists = AcceptIfExists(*this);
          TRY(ParseIdent(&op.name));
          if (!AcceptKw(Kw::kRestrict)) AcceptKw(Kw::kCascade);
        }
        break;
      }
      case Kw::kAlter: {
        Advance();
        if (IsKw(Kw::kIndex) || IsKw(Kw::kKey)) {
          // ALTER INDEX i [NOT] IGNORED|VISIBLE|INVISIBLE: accepted, no effect.
          Advance();
          std::string name;
          TRY(ParseIdent(&name));
          AcceptKw(Kw::kNot);
          if (!(AcceptKw(Kw::kIgnored) || AcceptKw(Kw::kVisible) || AcceptKw(Kw::kInvisible))) {
            Fail();
            return nullptr;
          }
          continue;
        }
        AcceptKw(Kw::kColumn);
        op.if_exists = AcceptIfExists(*this);
        TRY(ParseIdent(&op.name));
        if (AcceptKw(Kw::kSet)) {
          TRY(ExpectKw(Kw::kDefault));
          op.kind = AlterOp::Kind::kSetDefault;
          op.column.name = op.name;
          TRY(ParseDefaultValue(&op.column, &op.attrs));
          SetUntypedDefault(*op.attrs.default_expr, &op.column);
        } else if (AcceptKw(Kw::kDrop)) {
          TRY(ExpectKw(Kw::kDefault));
          op.kind = AlterOp::Kind::kDropDefault;
        } else {
          Fail();
          return nullptr;
        }
        break;
      }
      case Kw::kChange:
        Advance();
        AcceptKw(Kw::kColumn);
        op.kind = AlterOp::Kind::kChangeColumn;
        op.if_exists = AcceptIfExists(*this);
        TRY(ParseIdent(&op.name));
        TRY(ParseColumnDef(&op.column, &op.attrs));
        TRY(ParsePosition(*this, &op));
        break;
      case Kw::kModify:
        Advance();
        AcceptKw(Kw::kColumn);
        op.kind = AlterOp::Kind::kModifyColumn;
        op.if_exists = AcceptIfExists(*this);
        TRY(ParseColumnDef(&op.column, &op.attrs));
        op.name = op.column.name;
        TRY(ParsePosition(*this, &op));
        break;
      case Kw::kRename:
        Advance();
        if (AcceptKw(Kw::kColumn)) {
          op.kind = AlterOp::Kind::kRenameColumn;
          op.if_exists = AcceptIfExists(*this);
          TRY(ParseIdent(&op.name));
          TRY(ExpectKw(Kw::kTo));
          TRY(ParseIdent(&op.new_name));
        } else if (AcceptKw(Kw::kIndex) || AcceptKw(Kw::kKey)) {
          op.kind = AlterOp::Kind::kRenameIndex;
          op.if_exists = AcceptIfExists(*this);
          TRY(ParseIdent(&op.name));
          TRY(ExpectKw(Kw::kTo));
          TRY(ParseIdent(&op.new_name));
        } else {
          if (!AcceptKw(Kw::kTo)) AcceptKw(Kw::kAs);
          op.kind = AlterOp::Kind::kRenameTable;
          TRY(ParseTableName(&op.new_table));
        }
        break;
      case Kw::kConvert:
        Advance();
        TRY(ExpectKw(Kw::kTo));
        op.kind = AlterOp::Kind::kConvertCharset;
        if (AcceptKw(Kw::kCharacter)) {
          TRY(ExpectKw(Kw::kSet));
        } else {
          TRY(ExpectKw(Kw::kCharset));
        }
        AcceptEq();
        if (AcceptKw(Kw::kDefault)) {
          op.charset = "default";
        } else {
          TRY(ParseCharsetName(&op.charset));
        }
        if (AcceptKw(Kw::kCollate)) {
          AcceptEq();
          TRY(ParseCharsetName(&op.collation));
        }
        break;
      case Kw::kDisable:
      case Kw::kEnable:
        op.kind = t.kw == Kw::kDisable ? AlterOp::Kind::kDisableKeys : AlterOp::Kind::kEnableKeys;
        Advance();
        TRY(ExpectKw(Kw::kKeys));
        break;
      case Kw::kForce:
        Advance();
        op.kind = AlterOp::Kind::kForce;
        break;
      case Kw::kAlgorithm:
      case Kw::kLock:
        Advance();
        AcceptEq();
        if (!IsAnyWord()) {
          Fail();
          return nullptr;
        }
        Advance();
        continue;
      case Kw::kOrder: FailUnsupported("ALTER TABLE ORDER BY"); return nullptr;
      case Kw::kWith:
      case Kw::kWithout:
        if (IsKw(Kw::kValidation, 1)) {
          Advance();
          Advance();
          continue;
        }
        Fail();
        return nullptr;
      case Kw::kDiscard:
      case Kw::kImport:
        FailUnsupported("ALTER TABLE " + ToUpperAscii(Text(t)) + " TABLESPACE");
        return nullptr;
      case Kw::kPartition:
      case Kw::kRemove:
      case Kw::kCoalesce:
      case Kw::kReorganize:
      case Kw::kExchange:
      case Kw::kAnalyze:
      case Kw::kCheck:
      case Kw::kOptimize:
      case Kw::kRebuild:
      case Kw::kRepair:
      case Kw::kTruncate: FailUnsupported("PARTITION"); return nullptr;
      default: Fail(); return nullptr;
    }
    s->ops.push_back(std::move(op));
  } while (Accept(TokenType::kComma));
  if (IsKw(Kw::kPartition)) {
    FailUnsupported("PARTITION");
    return nullptr;
  }
  return s;
}

}  // namespace relaydb::sql
