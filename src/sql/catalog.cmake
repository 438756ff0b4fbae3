# The catalog of MySQL definitions and the MySQL type system (types.h,
# catalog.h). Included by src/sql/CMakeLists.txt.
add_library(rdb_sql_catalog ${CMAKE_CURRENT_LIST_DIR}/types.cc ${CMAKE_CURRENT_LIST_DIR}/catalog.cc)
target_include_directories(rdb_sql_catalog PUBLIC ${PROJECT_SOURCE_DIR}/src)
target_link_libraries(rdb_sql_catalog PUBLIC rdb_storage rdb_common)

relaydb_test(types_test SOURCES ${CMAKE_CURRENT_LIST_DIR}/types_test.cc LIBS rdb_sql_catalog)
relaydb_test(catalog_test SOURCES ${CMAKE_CURRENT_LIST_DIR}/catalog_test.cc LIBS rdb_sql_catalog)
