# rdb_sql_admin: accounts and privileges (accounts.h) and system variables /
# status counters (variables.h). Included from src/sql/CMakeLists.txt.
add_library(rdb_sql_admin
  ${CMAKE_CURRENT_LIST_DIR}/accounts.cc
  ${CMAKE_CURRENT_LIST_DIR}/variables.cc
)
target_include_directories(rdb_sql_admin PUBLIC ${PROJECT_SOURCE_DIR}/src)
target_link_libraries(rdb_sql_admin PUBLIC rdb_common PkgConfig::SQLITE3 PRIVATE OpenSSL::Crypto)

relaydb_test(accounts_test
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/accounts_test.cc
  LIBS rdb_sql_admin)
relaydb_test(variables_test
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/variables_test.cc
  LIBS rdb_sql_admin)
