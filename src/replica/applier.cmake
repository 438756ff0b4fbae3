# The replica's SQL thread (src/replica/applier.h, docs/applier.md), a library
# of its own so that rdb_replica links it: include this file from
# src/replica/CMakeLists.txt and add rdb_replica_applier to rdb_replica's
# target_link_libraries.
add_library(rdb_replica_applier ${CMAKE_CURRENT_LIST_DIR}/applier.cc)
target_include_directories(rdb_replica_applier PUBLIC ${PROJECT_SOURCE_DIR}/src)
target_link_libraries(rdb_replica_applier PUBLIC rdb_sql rdb_binlog rdb_common Threads::Threads)
relaydb_test(applier_test SOURCES ${CMAKE_CURRENT_LIST_DIR}/applier_test.cc LIBS rdb_replica_applier)
target_compile_definitions(applier_test PRIVATE
  RDB_BINLOG_FIXTURE_DIR="${PROJECT_SOURCE_DIR}/tests/fixtures/binlog")
