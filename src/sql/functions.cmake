# rdb_sql_functions: MySQL built-in functions as SQLite application-defined
# functions, the exact DECIMAL class, and the function table the translator
# reads (functions.h).
add_library(rdb_sql_functions
  ${CMAKE_CURRENT_LIST_DIR}/decimal.cc
  ${CMAKE_CURRENT_LIST_DIR}/functions_aggregate.cc
  ${CMAKE_CURRENT_LIST_DIR}/functions_common.cc
  ${CMAKE_CURRENT_LIST_DIR}/functions_datetime.cc
  ${CMAKE_CURRENT_LIST_DIR}/functions_encoding.cc
  ${CMAKE_CURRENT_LIST_DIR}/functions_interval.cc
  ${CMAKE_CURRENT_LIST_DIR}/functions_json.cc
  ${CMAKE_CURRENT_LIST_DIR}/functions_misc.cc
  ${CMAKE_CURRENT_LIST_DIR}/functions_numeric.cc
  ${CMAKE_CURRENT_LIST_DIR}/functions_pattern.cc
  ${CMAKE_CURRENT_LIST_DIR}/functions_string.cc
  ${CMAKE_CURRENT_LIST_DIR}/functions_table.cc
  ${CMAKE_CURRENT_LIST_DIR}/functions_temporal.cc
  ${CMAKE_CURRENT_LIST_DIR}/functions_unicase.cc
)
target_include_directories(rdb_sql_functions PUBLIC ${PROJECT_SOURCE_DIR}/src)
target_link_libraries(rdb_sql_functions PUBLIC rdb_common PkgConfig::SQLITE3 PRIVATE OpenSSL::Crypto)

relaydb_test(functions_test
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/functions_test.cc ${CMAKE_CURRENT_LIST_DIR}/decimal_test.cc
  LIBS rdb_sql_functions)
