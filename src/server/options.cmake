# rdb_server_options: mysqld-style start-up options (options.h). Included
# from src/server/CMakeLists.txt.
add_library(rdb_server_options ${CMAKE_CURRENT_LIST_DIR}/options.cc)
target_include_directories(rdb_server_options PUBLIC ${PROJECT_SOURCE_DIR}/src)
target_link_libraries(rdb_server_options PUBLIC rdb_sql_admin rdb_common)

relaydb_test(options_test
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/options_test.cc
  LIBS rdb_server_options)
