# rdb_sql: the SQL layer as one library — translator, session, executor —
# over the fragments above (parser, catalog/types, functions, admin).
add_library(rdb_sql
  ${CMAKE_CURRENT_LIST_DIR}/translator.cc
  ${CMAKE_CURRENT_LIST_DIR}/engine.cc
  ${CMAKE_CURRENT_LIST_DIR}/session.cc
  ${CMAKE_CURRENT_LIST_DIR}/executor.cc
  ${CMAKE_CURRENT_LIST_DIR}/executor_dml.cc
  ${CMAKE_CURRENT_LIST_DIR}/executor_ddl.cc
  ${CMAKE_CURRENT_LIST_DIR}/executor_show.cc
  ${CMAKE_CURRENT_LIST_DIR}/executor_admin.cc
  ${CMAKE_CURRENT_LIST_DIR}/information_schema.cc
  ${CMAKE_CURRENT_LIST_DIR}/binlog_encoder.cc
  ${CMAKE_CURRENT_LIST_DIR}/binary_log.cc
  ${CMAKE_CURRENT_LIST_DIR}/replica_control.cc
  ${CMAKE_CURRENT_LIST_DIR}/replication_apply.cc
  ${CMAKE_CURRENT_LIST_DIR}/replication_filter.cc)
target_include_directories(rdb_sql PUBLIC ${PROJECT_SOURCE_DIR}/src)
target_link_libraries(rdb_sql PUBLIC rdb_sql_parser rdb_sql_catalog rdb_sql_functions rdb_sql_admin
                      rdb_storage rdb_binlog rdb_common)
relaydb_test(translator_test SOURCES ${CMAKE_CURRENT_LIST_DIR}/translator_test.cc LIBS rdb_sql)
relaydb_test(engine_test SOURCES ${CMAKE_CURRENT_LIST_DIR}/engine_test.cc LIBS rdb_sql)
relaydb_test(binary_log_test SOURCES ${CMAKE_CURRENT_LIST_DIR}/binary_log_test.cc LIBS rdb_sql)
relaydb_test(replication_apply_test SOURCES ${CMAKE_CURRENT_LIST_DIR}/replication_apply_test.cc LIBS rdb_sql)
relaydb_test(replication_filter_test SOURCES ${CMAKE_CURRENT_LIST_DIR}/replication_filter_test.cc LIBS rdb_sql)
