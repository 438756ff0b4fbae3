# rdb_sql_parser: the MySQL/MariaDB-dialect lexer, AST and parser
# (lexer.h, ast.h, parser.h). Pure: links only rdb_common.
add_library(rdb_sql_parser
  ${CMAKE_CURRENT_LIST_DIR}/ast.cc
  ${CMAKE_CURRENT_LIST_DIR}/lexer.cc
  ${CMAKE_CURRENT_LIST_DIR}/parser.cc
  ${CMAKE_CURRENT_LIST_DIR}/parser_query.cc
  ${CMAKE_CURRENT_LIST_DIR}/parser_dml.cc
  ${CMAKE_CURRENT_LIST_DIR}/parser_expr.cc
  ${CMAKE_CURRENT_LIST_DIR}/parser_func.cc
  ${CMAKE_CURRENT_LIST_DIR}/parser_ddl.cc
  ${CMAKE_CURRENT_LIST_DIR}/parser_column.cc
  ${CMAKE_CURRENT_LIST_DIR}/parser_alter.cc
  ${CMAKE_CURRENT_LIST_DIR}/parser_show.cc
  ${CMAKE_CURRENT_LIST_DIR}/parser_session.cc
  ${CMAKE_CURRENT_LIST_DIR}/parser_admin.cc
  ${CMAKE_CURRENT_LIST_DIR}/to_sql.cc)
target_include_directories(rdb_sql_parser PUBLIC ${PROJECT_SOURCE_DIR}/src)
target_link_libraries(rdb_sql_parser PUBLIC rdb_common)

relaydb_test(parser_test
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/lexer_test.cc ${CMAKE_CURRENT_LIST_DIR}/parser_test.cc
  LIBS rdb_sql_parser)
