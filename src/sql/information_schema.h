// The information_schema tables relaydb provides, with MariaDB 10.11's
// definitions (column names, types, lengths, nullability), and the result
// metadata of the SHOW statements MariaDB answers from them (SHOW COLUMNS is
// a query over information_schema.COLUMNS, so its "Type" column is a
// LONGTEXT named COLUMN_TYPE in table COLUMNS, and so on).
//
// The rows are materialized per statement by Session::InformationSchemaTable
// (information_schema.cc) into a TEMP table "information_schema.<NAME>".
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/mysql_types.h"
#include "common/value.h"
#include "sql/schema.h"

namespace relaydb::sql {

// The definition of information_schema.<name> (any case), or nullptr for a
// table relaydb does not provide. Definitions are built once, are
// immutable, and may be used from any thread. Column types are MariaDB's;
// character columns are utf8mb4 (the character set MariaDB converts them to
// for a utf8mb4 client).
std::shared_ptr<const TableDef> InformationSchemaDef(std::string_view name);

// The information_schema tables a query can name, sorted (SHOW TABLES FROM
// information_schema).
std::vector<std::string> InformationSchemaTableNames();

// Result metadata of `column` of information_schema.`table`, sent under the
// name `alias` (a SHOW statement's column). Aborts on a name that is not in
// the definitions (a programming error).
ColumnMeta InformationSchemaMeta(std::string_view table, std::string_view column,
                                 std::string_view alias);

// The character sets MariaDB 10.11 knows, in its order: name, description,
// default collation, maximum bytes per character (SHOW CHARACTER SET,
// information_schema.CHARACTER_SETS).
struct CharsetInfo {
  const char* name;
  const char* description;
  const char* default_collation;
  int maxlen;
};
const std::vector<CharsetInfo>& Charsets();

// MariaDB's SORTLEN of a collation (SHOW COLLATION, COLLATIONS).
int CollationSortLength(std::string_view collation);

// The rows of SHOW ENGINES / information_schema.ENGINES: MariaDB 10.11's
// engines (relaydb stores every table the same way and reports the engine
// named in CREATE TABLE).
std::vector<std::vector<Value>> EngineRows();

}  // namespace relaydb::sql
