# rdb_replica_main: the replica as the server runs it (replica.h): the
# coordinator of the I/O thread, the relay log and the SQL thread, and the
# sql::ReplicaControl behind CHANGE MASTER / START SLAVE / SHOW SLAVE STATUS.
add_library(rdb_replica_main ${CMAKE_CURRENT_LIST_DIR}/replica.cc)
target_include_directories(rdb_replica_main PUBLIC ${PROJECT_SOURCE_DIR}/src)
target_link_libraries(rdb_replica_main PUBLIC rdb_replica rdb_sql rdb_common)
