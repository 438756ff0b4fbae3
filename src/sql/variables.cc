// System variables, sql_mode and status counters. See variables.h.
//
// The definitions table below was generated from MariaDB 10.11.19's
// information_schema.SYSTEM_VARIABLES (type, scope, default, range, block
// size, value list, READ_ONLY, COMMAND_LINE_ARGUMENT), the errors of
// `SET SESSION x = @@x` / `SET GLOBAL x = @@global.x` on that server (1621,
// sql_log_bin's 1238) and the privileges error 1227 names for an
// unprivileged user. Host- and run-specific values (paths, hostname,
// version strings, GTID positions) were blanked; the server fills them in
// at start-up (GlobalVariables::Force). relaydb's own defaults are applied
// from kRelaydbDefaults on top of the table.
//
// Stored form of a value (GlobalVariables/SessionVariables keep these):
//   kBool Int 0/1, kUInt UInt, kInt Int, kDouble Double, kEnum UInt index,
//   kSet/kFlagSet UInt bitmask over `values`, strings String (or Null).
// Typed form (what SELECT @@x returns): kBool Int, kUInt UInt, kInt Int,
// kDouble Double, enum/set/flagset their text, strings String/Null.
#include "sql/variables.h"

#include <openssl/crypto.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <mutex>

namespace relaydb::sql {

namespace {

constexpr uint32_t G = kVarGlobal;
constexpr uint32_t S = kVarSession;
constexpr uint32_t RO = kVarReadOnly;
constexpr uint32_t SRO = kVarSessionReadOnly;
constexpr uint32_t NSG = kVarNoSetGlobal;
constexpr uint32_t CL = kVarCmdLine;
constexpr uint32_t CLO = kVarCmdLineOpt;
constexpr uint32_t NUL = kVarNullDefault;
constexpr uint32_t EXT = kVarExtension;

constexpr SysVarType kBool = SysVarType::kBool;
constexpr SysVarType kUInt = SysVarType::kUInt;
constexpr SysVarType kInt = SysVarType::kInt;
constexpr SysVarType kDouble = SysVarType::kDouble;
constexpr SysVarType kEnum = SysVarType::kEnum;
constexpr SysVarType kSet = SysVarType::kSet;
constexpr SysVarType kFlagSet = SysVarType::kFlagSet;
constexpr SysVarType kString = SysVarType::kString;
constexpr SysVarType kCharset = SysVarType::kCharset;
constexpr SysVarType kCollation = SysVarType::kCollation;
constexpr SysVarType kLocale = SysVarType::kLocale;

// name, type, flags, default, min, max, block, values, global priv, session priv[, dmin, dmax]
const SysVarDef kDefs[] = {
    {"allow_suspicious_udfs", kBool, G|RO|CLO, "OFF", 0, 0, 0, "", 0, 0},
    {"alter_algorithm", kEnum, G|S|CLO, "DEFAULT", 0, 0, 0, "DEFAULT,COPY,INPLACE,NOCOPY,INSTANT", kSuperAcl, 0},
    {"analyze_max_length", kUInt, G|S|CL, "4294967295", 32, 4294967295, 1, "", kSuperAcl, 0},
    {"analyze_sample_percentage", kDouble, G|S|CL, "100.000000", 0, 0, 0, "", kSuperAcl, 0, 0, 100},
    {"aria_block_size", kUInt, G|RO|CL, "8192", 4096, 32768, 1024, "", 0, 0},
    {"aria_checkpoint_interval", kUInt, G|CL, "30", 0, 4294967295, 1, "", kSuperAcl, 0},
    {"aria_checkpoint_log_activity", kUInt, G|CL, "1048576", 0, 4294967295, 1, "", kSuperAcl, 0},
    {"aria_encrypt_tables", kBool, G|CLO, "OFF", 0, 0, 0, "", kSuperAcl, 0},
    {"aria_force_start_after_recovery_failures", kUInt, G|RO|CL, "0", 0, 255, 1, "", 0, 0},
    {"aria_group_commit", kEnum, G|CL, "none", 0, 0, 0, "none,hard,soft", kSuperAcl, 0},
    {"aria_group_commit_interval", kUInt, G|CL, "0", 0, 4294967295, 1, "", kSuperAcl, 0},
    {"aria_log_dir_path", kString, G|RO|CL, "", 0, 0, 0, "", 0, 0},
    {"aria_log_file_size", kUInt, G|CL, "1073741824", 8388608, 4294967295, 8192, "", kSuperAcl, 0},
    {"aria_log_purge_type", kEnum, G|CL, "immediate", 0, 0, 0, "immediate,external,at_flush", kSuperAcl, 0},
    {"aria_max_sort_file_size", kUInt, G|CL, "9223372036853727232", 0, 9223372036854775807, 1048576, "", kSuperAcl, 0},
    {"aria_pagecache_age_threshold", kUInt, G|CL, "300", 100, 18446744073709551615ULL, 100, "", kSuperAcl, 0},
    {"aria_pagecache_buffer_size", kUInt, G|RO|CL, "134217728", 131072, 18446744073709551615ULL, 1, "", 0, 0},
    {"aria_pagecache_division_limit", kUInt, G|CL, "100", 1, 100, 1, "", kSuperAcl, 0},
    {"aria_pagecache_file_hash_size", kUInt, G|RO|CL, "512", 128, 16384, 1, "", 0, 0},
    {"aria_page_checksum", kBool, G|CL, "ON", 0, 0, 0, "", kSuperAcl, 0},
    {"aria_recover_options", kSet, G|CLO, "BACKUP,QUICK", 0, 0, 0, "NORMAL,BACKUP,FORCE,QUICK,OFF", kSuperAcl, 0},
    {"aria_repair_threads", kUInt, G|S|CL, "1", 1, 128, 1, "", kSuperAcl, 0},
    {"aria_sort_buffer_size", kUInt, G|S|CL, "268434432", 16352, 1152921504606846975, 1, "", kSuperAcl, 0},
    {"aria_stats_method", kEnum, G|S|CL, "nulls_unequal", 0, 0, 0, "nulls_unequal,nulls_equal,nulls_ignored", kSuperAcl, 0},
    {"aria_sync_log_dir", kEnum, G|CL, "NEWFILE", 0, 0, 0, "NEVER,NEWFILE,ALWAYS", kSuperAcl, 0},
    {"aria_used_for_temp_tables", kBool, G|RO, "ON", 0, 0, 0, "", 0, 0},
    {"autocommit", kBool, G|S, "ON", 0, 0, 0, "", kSuperAcl, 0},
    {"automatic_sp_privileges", kBool, G|CLO, "ON", 0, 0, 0, "", kSuperAcl, 0},
    {"auto_increment_increment", kUInt, G|S|CLO, "1", 1, 65535, 1, "", kSuperAcl, 0},
    {"auto_increment_offset", kUInt, G|S|CLO, "1", 1, 65535, 1, "", kSuperAcl, 0},
    {"back_log", kUInt, G|RO|CL, "80", 0, 65535, 1, "", 0, 0},
    {"basedir", kString, G|RO|CL, "", 0, 0, 0, "", 0, 0},
    {"big_tables", kBool, G|S|CLO, "OFF", 0, 0, 0, "", kSuperAcl, 0},
    {"bind_address", kString, G|RO|CL, "", 0, 0, 0, "", 0, 0},
    {"binlog_alter_two_phase", kBool, G|S|CLO, "OFF", 0, 0, 0, "", kSuperAcl, 0},
    {"binlog_annotate_row_events", kBool, G|S|CLO, "ON", 0, 0, 0, "", kSuperAcl|kBinlogAdminAcl, kSuperAcl|kBinlogAdminAcl},
    {"binlog_cache_size", kUInt, G|CL, "32768", 4096, 18446744073709551615ULL, 4096, "", kSuperAcl|kBinlogAdminAcl, 0},
    {"binlog_checksum", kEnum, G|CL, "CRC32", 0, 0, 0, "NONE,CRC32", kSuperAcl, 0},
    {"binlog_commit_wait_count", kUInt, G|CL, "0", 0, 18446744073709551615ULL, 1, "", kSuperAcl|kBinlogAdminAcl, 0},
    {"binlog_commit_wait_usec", kUInt, G|CL, "100000", 0, 18446744073709551615ULL, 1, "", kSuperAcl|kBinlogAdminAcl, 0},
    {"binlog_direct_non_transactional_updates", kBool, G|S|CLO, "OFF", 0, 0, 0, "", kSuperAcl|kBinlogAdminAcl, kSuperAcl|kBinlogAdminAcl},
    {"binlog_expire_logs_seconds", kUInt, G|CL, "0", 0, 8553600, 1, "", kSuperAcl|kBinlogAdminAcl, 0},
    {"binlog_file_cache_size", kUInt, G|CL, "16384", 8192, 18446744073709551615ULL, 4096, "", kSuperAcl|kBinlogAdminAcl, 0},
    {"binlog_format", kEnum, G|S|CL, "MIXED", 0, 0, 0, "MIXED,STATEMENT,ROW", kSuperAcl|kBinlogAdminAcl, kSuperAcl|kBinlogAdminAcl},
    {"binlog_optimize_thread_scheduling", kBool, G|RO|CL, "ON", 0, 0, 0, "", 0, 0},
    {"binlog_row_image", kEnum, G|S|CL, "FULL", 0, 0, 0, "MINIMAL,NOBLOB,FULL", kSuperAcl|kBinlogAdminAcl, kSuperAcl|kBinlogAdminAcl},
    {"binlog_row_metadata", kEnum, G|CL, "NO_LOG", 0, 0, 0, "NO_LOG,MINIMAL,FULL", kSuperAcl|kBinlogAdminAcl, 0},
    {"binlog_stmt_cache_size", kUInt, G|CL, "32768", 4096, 18446744073709551615ULL, 4096, "", kSuperAcl|kBinlogAdminAcl, 0},
    {"bulk_insert_buffer_size", kUInt, G|S|CL, "8388608", 0, 18446744073709551615ULL, 1, "", kSuperAcl, 0},
    {"character_sets_dir", kString, G|RO|CL, "", 0, 0, 0, "", 0, 0},
    {"character_set_client", kCharset, G|S, "latin1", 0, 0, 0, "", kSuperAcl, 0},
    {"character_set_connection", kCharset, G|S, "latin1", 0, 0, 0, "", kSuperAcl, 0},
    {"character_set_database", kCharset, G|S, "latin1", 0, 0, 0, "", kSuperAcl, 0},
    {"character_set_filesystem", kCharset, G|S, "binary", 0, 0, 0, "", kSuperAcl, 0},
    {"character_set_results", kCharset, G|S, "latin1", 0, 0, 0, "", kSuperAcl, 0},
    {"character_set_server", kCharset, G|S, "latin1", 0, 0, 0, "", kSuperAcl, 0},
    {"character_set_system", kCharset, G|RO, "utf8mb3", 0, 0, 0, "", 0, 0},
    {"check_constraint_checks", kBool, G|S, "ON", 0, 0, 0, "", kSuperAcl, 0},
    {"collation_connection", kCollation, G|S, "latin1_swedish_ci", 0, 0, 0, "", kSuperAcl, 0},
    {"collation_database", kCollation, G|S, "latin1_swedish_ci", 0, 0, 0, "", kSuperAcl, 0},
    {"collation_server", kCollation, G|S, "latin1_swedish_ci", 0, 0, 0, "", kSuperAcl, 0},
    {"column_compression_threshold", kUInt, G|S|CL, "100", 0, 4294967295, 1, "", kSuperAcl, 0},
    {"column_compression_zlib_level", kUInt, G|S|CL, "6", 0, 9, 1, "", kSuperAcl, 0},
    {"column_compression_zlib_strategy", kEnum, G|S|CL, "DEFAULT_STRATEGY", 0, 0, 0, "DEFAULT_STRATEGY,FILTERED,HUFFMAN_ONLY,RLE,FIXED", kSuperAcl, 0},
    {"column_compression_zlib_wrap", kBool, G|S|CLO, "OFF", 0, 0, 0, "", kSuperAcl, 0},
    {"completion_type", kEnum, G|S|CL, "NO_CHAIN", 0, 0, 0, "NO_CHAIN,CHAIN,RELEASE", kSuperAcl, 0},
    {"concurrent_insert", kEnum, G|CLO, "AUTO", 0, 0, 0, "NEVER,AUTO,ALWAYS", kSuperAcl, 0},
    {"connect_timeout", kUInt, G|CL, "10", 2, 31536000, 1, "", kSuperAcl|kConnectionAdminAcl, 0},
    {"core_file", kBool, G|RO|CLO, "OFF", 0, 0, 0, "", 0, 0},
    {"datadir", kString, G|RO|CL, "", 0, 0, 0, "", 0, 0},
    {"datetime_format", kString, G|RO|CL, "%Y-%m-%d %H:%i:%s", 0, 0, 0, "", 0, 0},
    {"date_format", kString, G|RO|CL, "%Y-%m-%d", 0, 0, 0, "", 0, 0},
    {"deadlock_search_depth_long", kUInt, G|S|CL, "15", 0, 33, 1, "", kSuperAcl, 0},
    {"deadlock_search_depth_short", kUInt, G|S|CL, "4", 0, 32, 1, "", kSuperAcl, 0},
    {"deadlock_timeout_long", kUInt, G|S|CL, "50000000", 0, 4294967295, 1, "", kSuperAcl, 0},
    {"deadlock_timeout_short", kUInt, G|S|CL, "10000", 0, 4294967295, 1, "", kSuperAcl, 0},
    {"debug_no_thread_alarm", kBool, G|RO|CLO, "OFF", 0, 0, 0, "", 0, 0},
    {"default_master_connection", kString, S, "", 0, 0, 0, "", 0, 0},
    {"default_password_lifetime", kUInt, G|CL, "0", 0, 4294967295, 1, "", kSuperAcl, 0},
    {"default_regex_flags", kSet, G|S|CL, "", 0, 0, 0, "DOTALL,DUPNAMES,EXTENDED,EXTENDED_MORE,EXTRA,MULTILINE,UNGREEDY", kSuperAcl, 0},
    {"default_storage_engine", kString, G|S, "InnoDB", 0, 0, 0, "", kSuperAcl, 0},
    {"default_tmp_storage_engine", kString, G|S, "", 0, 0, 0, "", kSuperAcl, 0},
    {"default_week_format", kUInt, G|S|CL, "0", 0, 7, 1, "", kSuperAcl, 0},
    {"delayed_insert_limit", kUInt, G|CL, "100", 1, 4294967295, 1, "", kSuperAcl, 0},
    {"delayed_insert_timeout", kUInt, G|CL, "300", 1, 31536000, 1, "", kSuperAcl, 0},
    {"delayed_queue_size", kUInt, G|CL, "1000", 1, 4294967295, 1, "", kSuperAcl, 0},
    {"delay_key_write", kEnum, G|CLO, "ON", 0, 0, 0, "OFF,ON,ALL", kSuperAcl, 0},
    {"disconnect_on_expired_password", kBool, G|CLO, "OFF", 0, 0, 0, "", kSuperAcl|kConnectionAdminAcl, 0},
    {"div_precision_increment", kUInt, G|S|CL, "4", 0, 38, 1, "", kSuperAcl, 0},
    {"encrypt_binlog", kBool, G|RO|CLO, "OFF", 0, 0, 0, "", 0, 0},
    {"encrypt_tmp_disk_tables", kBool, G|CLO, "OFF", 0, 0, 0, "", kSuperAcl, 0},
    {"encrypt_tmp_files", kBool, G|RO|CLO, "OFF", 0, 0, 0, "", 0, 0},
    {"enforce_storage_engine", kString, G|S, "", 0, 0, 0, "", kSuperAcl, kSuperAcl},
    {"eq_range_index_dive_limit", kUInt, G|S|CL, "200", 0, 4294967295, 1, "", kSuperAcl, 0},
    {"error_count", kUInt, S|RO, "0", 0, 18446744073709551615ULL, 1, "", 0, 0},
    {"event_scheduler", kEnum, G|CLO, "OFF", 0, 0, 0, "OFF,ON,DISABLED,ORIGINAL", kSuperAcl, 0},
    {"expensive_subquery_limit", kUInt, G|S|CL, "100", 0, 18446744073709551615ULL, 1, "", kSuperAcl, 0},
    {"expire_logs_days", kDouble, G|CL, "0.000000", 0, 0, 0, "", kSuperAcl|kBinlogAdminAcl, 0, 0, 99},
    {"explicit_defaults_for_timestamp", kBool, G|S|CLO, "ON", 0, 0, 0, "", kSuperAcl, 0},
    {"external_user", kString, S|RO|NUL, nullptr, 0, 0, 0, "", 0, 0},
    {"extra_max_connections", kUInt, G|CL, "1", 1, 100000, 1, "", kSuperAcl|kConnectionAdminAcl, 0},
    {"extra_port", kUInt, G|RO|CL, "0", 0, 65535, 1, "", 0, 0},
    {"flush", kBool, G|CLO, "OFF", 0, 0, 0, "", kSuperAcl, 0},
    {"flush_time", kUInt, G|CL, "0", 0, 31536000, 1, "", kSuperAcl, 0},
    {"foreign_key_checks", kBool, G|S, "ON", 0, 0, 0, "", kSuperAcl, 0},
    {"ft_boolean_syntax", kString, G|CL, "+ -><()~*:\"\"&|", 0, 0, 0, "", kSuperAcl, 0},
    {"ft_max_word_len", kUInt, G|RO|CL, "84", 10, 84, 1, "", 0, 0},
    {"ft_min_word_len", kUInt, G|RO|CL, "4", 1, 84, 1, "", 0, 0},
    {"ft_query_expansion_limit", kUInt, G|RO|CL, "20", 0, 1000, 1, "", 0, 0},
    {"ft_stopword_file", kString, G|RO|CL, "(built-in)", 0, 0, 0, "", 0, 0},
    {"general_log", kBool, G|CLO, "OFF", 0, 0, 0, "", kSuperAcl, 0},
    {"general_log_file", kString, G|CL, "", 0, 0, 0, "", kSuperAcl, 0},
    {"group_concat_max_len", kUInt, G|S|CL, "1048576", 4, 1073741824, 1, "", kSuperAcl, 0},
    {"gtid_binlog_pos", kString, G|RO, "", 0, 0, 0, "", 0, 0},
    {"gtid_binlog_state", kString, G, "", 0, 0, 0, "", kSuperAcl|kReplMasterAdminAcl, 0},
    {"gtid_cleanup_batch_size", kUInt, G|CL, "64", 0, 2147483647, 1, "", kSuperAcl|kReplSlaveAdminAcl, 0},
    {"gtid_current_pos", kString, G|RO, "", 0, 0, 0, "", 0, 0},
    {"gtid_domain_id", kUInt, G|S|CL, "0", 0, 4294967295, 1, "", kSuperAcl|kReplMasterAdminAcl, kSuperAcl|kBinlogReplayAcl},
    {"gtid_ignore_duplicates", kBool, G|CLO, "OFF", 0, 0, 0, "", kSuperAcl|kReplSlaveAdminAcl, 0},
    {"gtid_pos_auto_engines", kString, G, "", 0, 0, 0, "", kSuperAcl|kReplSlaveAdminAcl, 0},
    {"gtid_seq_no", kUInt, S, "0", 0, 18446744073709551615ULL, 1, "", 0, kSuperAcl|kBinlogReplayAcl},
    {"gtid_slave_pos", kString, G, "", 0, 0, 0, "", kSuperAcl|kReplSlaveAdminAcl, 0},
    {"gtid_strict_mode", kBool, G|CLO, "OFF", 0, 0, 0, "", kSuperAcl|kReplSlaveAdminAcl, 0},
    {"have_compress", kString, G|RO, "YES", 0, 0, 0, "", 0, 0},
    {"have_crypt", kString, G|RO, "YES", 0, 0, 0, "", 0, 0},
    {"have_dynamic_loading", kString, G|RO, "YES", 0, 0, 0, "", 0, 0},
    {"have_geometry", kString, G|RO, "YES", 0, 0, 0, "", 0, 0},
    {"have_openssl", kString, G|RO, "YES", 0, 0, 0, "", 0, 0},
    {"have_profiling", kString, G|RO, "YES", 0, 0, 0, "", 0, 0},
    {"have_query_cache", kString, G|RO, "YES", 0, 0, 0, "", 0, 0},
    {"have_rtree_keys", kString, G|RO, "YES", 0, 0, 0, "", 0, 0},
    {"have_ssl", kString, G|RO, "DISABLED", 0, 0, 0, "", 0, 0},
    {"have_symlink", kString, G|RO, "YES", 0, 0, 0, "", 0, 0},
    {"histogram_size", kUInt, G|S|CL, "254", 0, 255, 1, "", kSuperAcl, 0},
    {"histogram_type", kEnum, G|S|CL, "DOUBLE_PREC_HB", 0, 0, 0, "SINGLE_PREC_HB,DOUBLE_PREC_HB,JSON_HB", kSuperAcl, 0},
    {"hostname", kString, G|RO, "", 0, 0, 0, "", 0, 0},
    {"host_cache_size", kUInt, G|CL, "279", 0, 65536, 1, "", kSuperAcl, 0},
    {"identity", kUInt, S, "0", 0, 18446744073709551615ULL, 1, "", 0, 0},
    {"idle_readonly_transaction_timeout", kUInt, G|S|CL, "0", 0, 31536000, 1, "", kSuperAcl, 0},
    {"idle_transaction_timeout", kUInt, G|S|CL, "0", 0, 31536000, 1, "", kSuperAcl, 0},
    {"idle_write_transaction_timeout", kUInt, G|S|CL, "0", 0, 31536000, 1, "", kSuperAcl, 0},
    {"ignore_builtin_innodb", kBool, G|RO|CLO, "OFF", 0, 0, 0, "", 0, 0},
    {"ignore_db_dirs", kString, G|RO|CL, "", 0, 0, 0, "", 0, 0},
    {"init_connect", kString, G|CL, "", 0, 0, 0, "", kSuperAcl|kConnectionAdminAcl, 0},
    {"init_file", kString, G|RO|CL, "", 0, 0, 0, "", 0, 0},
    {"init_slave", kString, G|CL, "", 0, 0, 0, "", kSuperAcl|kReplSlaveAdminAcl, 0},
    {"innodb_adaptive_flushing", kBool, G|CLO, "ON", 0, 0, 0, "", kSuperAcl, 0},
    {"innodb_adaptive_flushing_lwm", kDouble, G|CL, "10.000000", 0, 0, 0, "", kSuperAcl, 0, 0, 70},
    {"innodb_adaptive_hash_index", kBool, G|CLO, "OFF", 0, 0, 0, "", kSuperAcl, 0},
    {"innodb_adaptive_hash_index_parts", kUInt, G|RO|CLO, "8", 1, 512, 0, "", 0, 0},
    {"innodb_alter_copy_bulk", kBool, G|CLO, "ON", 0, 0, 0, "", kSuperAcl, 0},
    {"innodb_autoextend_increment", kUInt, G|CL, "64", 1, 1000, 0, "", kSuperAcl, 0},
    {"innodb_autoinc_lock_mode", kInt, G|RO|CL, "1", 0, 2, 0, "", 0, 0},
    {"innodb_buffer_pool_chunk_size", kUInt, G|RO|CL, "0", 0, 18446744073709551615ULL, 1048576, "", 0, 0},
    {"innodb_buffer_pool_dump_at_shutdown", kBool, G|CL, "ON", 0, 0, 0, "", kSuperAcl, 0},
    {"innodb_buffer_pool_dump_now", kBool, G|CL, "OFF", 0, 0, 0, "", kSuperAcl, 0},
    {"innodb_buffer_pool_dump_pct", kUInt, G|CL, "25", 1, 100, 0, "", kSuperAcl, 0},
    {"innodb_buffer_pool_filename", kString, G|RO|CL, "ib_buffer_pool", 0, 0, 0, "", 0, 0},
    {"innodb_buffer_pool_in_core_dump", kBool, G|CLO, "OFF", 0, 0, 0, "", kSuperAcl, 0},
    {"innodb_buffer_pool_load_abort", kBool, G|CL, "OFF", 0, 0, 0, "", kSuperAcl, 0},
    {"innodb_buffer_pool_load_at_startup", kBool, G|RO|CL, "ON", 0, 0, 0, "", 0, 0},
    {"innodb_buffer_pool_load_now", kBool, G|CL, "OFF", 0, 0, 0, "", kSuperAcl, 0},
    {"innodb_buffer_pool_size", kUInt, G|CL, "134217728", 2097152, 18446744073701163008ULL, 1048576, "", kSuperAcl, 0},
    {"innodb_buffer_pool_size_auto_min", kUInt, G|CL, "0", 0, 18446744073701163008ULL, 8388608, "", kSuperAcl, 0},
    {"innodb_buffer_pool_size_max", kUInt, G|RO|CL, "8796093022208", 8388608, 18446744073701163008ULL, 8388608, "", 0, 0},
    {"innodb_buf_dump_status_frequency", kUInt, G|CL, "0", 0, 100, 0, "", kSuperAcl, 0},
    {"innodb_change_buffering", kEnum, G|CL, "none", 0, 0, 0, "none,inserts,deletes,changes,purges,all", kSuperAcl, 0},
    {"innodb_change_buffer_max_size", kUInt, G|CL, "25", 0, 50, 0, "", kSuperAcl, 0},
    {"innodb_checksum_algorithm", kEnum, G|CL, "full_crc32", 0, 0, 0, "crc32,strict_crc32,full_crc32,strict_full_crc32", kSuperAcl, 0},
    {"innodb_cmp_per_index_enabled", kBool, G|CLO, "OFF", 0, 0, 0, "", kSuperAcl, 0},
    {"innodb_compression_algorithm", kEnum, G|CLO, "zlib", 0, 0, 0, "none,zlib,lz4,lzo,lzma,bzip2,snappy", kSuperAcl, 0},
    {"innodb_compression_default", kBool, G|S|CLO, "OFF", 0, 0, 0, "", kSuperAcl, 0},
    {"innodb_compression_failure_threshold_pct", kUInt, G|CLO, "5", 0, 100, 0, "", kSuperAcl, 0},
    {"innodb_compression_level", kUInt, G|CL, "6", 0, 9, 0, "", kSuperAcl, 0},
    {"innodb_compression_pad_pct_max", kUInt, G|CLO, "50", 0, 75, 0, "", kSuperAcl, 0},
    {"innodb_data_file_path", kString, G|RO|CL, "ibdata1:12M:autoextend", 0, 0, 0, "", 0, 0},
    {"innodb_data_home_dir", kString, G|RO|CL, "", 0, 0, 0, "", 0, 0},
    {"innodb_deadlock_detect", kBool, G|CLO, "ON", 0, 0, 0, "", kSuperAcl, 0},
    {"innodb_deadlock_report", kEnum, G|CL, "full", 0, 0, 0, "off,basic,full", kSuperAcl, 0},
    {"innodb_default_encryption_key_id", kUInt, G|S|CL, "1", 1, 4294967295, 0, "", kSuperAcl, 0},
    {"innodb_default_row_format", kEnum, G|CL, "dynamic", 0, 0, 0, "redundant,compact,dynamic", kSuperAcl, 0},
    {"innodb_defragment", kBool, G|CL, "OFF", 0, 0, 0, "", kSuperAcl, 0},
    {"innodb_defragment_fill_factor", kDouble, G|CL, "0.900000", 0, 0, 0, "", kSuperAcl, 0, 0.7, 1},
    {"innodb_defragment_fill_factor_n_recs", kUInt, G|CL, "20", 1, 100, 0, "", kSuperAcl, 0},
    {"innodb_defragment_frequency", kUInt, G|CL, "40", 1, 1000, 0, "", kSuperAcl, 0},
    {"innodb_defragment_n_pages", kUInt, G|CL, "7", 2, 32, 0, "", kSuperAcl, 0},
    {"innodb_defragment_stats_accuracy", kUInt, G|CL, "0", 0, 4294967295, 0, "", kSuperAcl, 0},
    {"innodb_disable_sort_file_cache", kBool, G|CLO, "OFF", 0, 0, 0, "", kSuperAcl, 0},
    {"innodb_doublewrite", kBool, G|RO|CLO, "ON", 0, 0, 0, "", 0, 0},
    {"innodb_encryption_rotate_key_age", kUInt, G|CL, "1", 0, 4294967295, 0, "", kSuperAcl, 0},
    {"innodb_encryption_rotation_iops", kUInt, G|CL, "100", 0, 4294967295, 0, "", kSuperAcl, 0},
    {"innodb_encryption_threads", kUInt, G|CL, "0", 0, 255, 0, "", kSuperAcl, 0},
    {"innodb_encrypt_log", kBool, G|RO|CLO, "OFF", 0, 0, 0, "", 0, 0},
    {"innodb_encrypt_tables", kEnum, G|CLO, "OFF", 0, 0, 0, "OFF,ON,FORCE", kSuperAcl, 0},
    {"innodb_encrypt_temporary_tables", kBool, G|RO|CLO, "OFF", 0, 0, 0, "", 0, 0},
    {"innodb_fast_shutdown", kUInt, G|CLO, "1", 0, 3, 0, "", kSuperAcl, 0},
    {"innodb_fatal_semaphore_wait_threshold", kUInt, G|RO|CL, "600", 1, 4294967295, 0, "", 0, 0},
    {"innodb_file_per_table", kBool, G|CLO, "ON", 0, 0, 0, "", kSuperAcl, 0},
    {"innodb_fill_factor", kUInt, G|CL, "100", 10, 100, 0, "", kSuperAcl, 0},
    {"innodb_flushing_avg_loops", kUInt, G|CL, "30", 1, 1000, 0, "", kSuperAcl, 0},
    {"innodb_flush_log_at_timeout", kUInt, G|CLO, "1", 0, 2700, 0, "", kSuperAcl, 0},
    {"innodb_flush_log_at_trx_commit", kUInt, G|CLO, "1", 0, 3, 0, "", kSuperAcl, 0},
    {"innodb_flush_method", kEnum, G|RO|CL, "O_DIRECT", 0, 0, 0, "fsync,O_DSYNC,littlesync,nosync,O_DIRECT,O_DIRECT_NO_FSYNC", 0, 0},
    {"innodb_flush_neighbors", kUInt, G|CLO, "1", 0, 2, 0, "", kSuperAcl, 0},
    {"innodb_flush_sync", kBool, G|CLO, "ON", 0, 0, 0, "", kSuperAcl, 0},
    {"innodb_force_primary_key", kBool, G|CLO, "OFF", 0, 0, 0, "", kSuperAcl, 0},
    {"innodb_force_recovery", kUInt, G|RO|CL, "0", 0, 6, 0, "", 0, 0},
    {"innodb_ft_aux_table", kString, G|CL, "", 0, 0, 0, "", kSuperAcl, 0},
    {"innodb_ft_cache_size", kUInt, G|CL, "8000000", 1600000, 1099511627776, 0, "", kSuperAcl, 0},
    {"innodb_ft_enable_diag_print", kBool, G|CLO, "OFF", 0, 0, 0, "", kSuperAcl, 0},
    {"innodb_ft_enable_stopword", kBool, G|S|CLO, "ON", 0, 0, 0, "", kSuperAcl, 0},
    {"innodb_ft_max_token_size", kUInt, G|RO|CL, "84", 10, 84, 0, "", 0, 0},
    {"innodb_ft_min_token_size", kUInt, G|RO|CL, "3", 1, 16, 0, "", 0, 0},
    {"innodb_ft_num_word_optimize", kUInt, G|CLO, "2000", 1000, 10000, 0, "", kSuperAcl, 0},
    {"innodb_ft_result_cache_limit", kUInt, G|CL, "2000000000", 1000000, 18446744073709551615ULL, 0, "", kSuperAcl, 0},
    {"innodb_ft_server_stopword_table", kString, G|CLO, "", 0, 0, 0, "", kSuperAcl, 0},
    {"innodb_ft_sort_pll_degree", kUInt, G|RO|CL, "2", 1, 16, 0, "", 0, 0},
    {"innodb_ft_total_cache_size", kUInt, G|CL, "640000000", 32000000, 1099511627776, 0, "", kSuperAcl, 0},
    {"innodb_ft_user_stopword_table", kString, G|S|CLO, "", 0, 0, 0, "", kSuperAcl, 0},
    {"innodb_immediate_scrub_data_uncompressed", kBool, G|CL, "OFF", 0, 0, 0, "", kSuperAcl, 0},
    {"innodb_instant_alter_column_allowed", kEnum, G|CL, "add_drop_reorder", 0, 0, 0, "never,add_last,add_drop_reorder", kSuperAcl, 0},
    {"innodb_io_capacity", kUInt, G|CL, "200", 100, 4294967295, 0, "", kSuperAcl, 0},
    {"innodb_io_capacity_max", kUInt, G|CL, "2000", 100, 4294967295, 0, "", kSuperAcl, 0},
    {"innodb_linux_aio", kEnum, G|RO|CL, "auto", 0, 0, 0, "auto,io_uring,aio", 0, 0},
    {"innodb_lock_wait_timeout", kUInt, G|S|CL, "50", 0, 100000000, 0, "", kSuperAcl, 0},
    {"innodb_log_buffer_size", kUInt, G|RO|CL, "16777216", 2097152, 2147479552, 4096, "", 0, 0},
    {"innodb_log_checkpoint_now", kBool, G|CLO, "OFF", 0, 0, 0, "", kSuperAcl, 0},
    {"innodb_log_file_buffering", kBool, G|CLO, "OFF", 0, 0, 0, "", kSuperAcl, 0},
    {"innodb_log_file_mmap", kBool, G|RO|CLO, "OFF", 0, 0, 0, "", 0, 0},
    {"innodb_log_file_size", kUInt, G|CL, "100663296", 4194304, 18446744073709551615ULL, 4096, "", kSuperAcl, 0},
    {"innodb_log_group_home_dir", kString, G|RO|CL, "./", 0, 0, 0, "", 0, 0},
    {"innodb_log_spin_wait_delay", kUInt, G|CLO, "0", 0, 6000, 0, "", kSuperAcl, 0},
    {"innodb_log_write_ahead_size", kUInt, G|RO|CL, "4096", 512, 4096, 1, "", 0, 0},
    {"innodb_lru_flush_size", kUInt, G, "0", 1, 18446744073709551615ULL, 0, "", kSuperAcl, 0},
    {"innodb_lru_scan_depth", kUInt, G|CL, "1536", 100, 18446744073709551615ULL, 0, "", kSuperAcl, 0},
    {"innodb_max_dirty_pages_pct", kDouble, G|CL, "90.000000", 0, 0, 0, "", kSuperAcl, 0, 0, 99.999},
    {"innodb_max_dirty_pages_pct_lwm", kDouble, G|CL, "0.000000", 0, 0, 0, "", kSuperAcl, 0, 0, 99.999},
    {"innodb_max_purge_lag", kUInt, G|CL, "0", 0, 18446744073709551615ULL, 0, "", kSuperAcl, 0},
    {"innodb_max_purge_lag_delay", kUInt, G|CL, "0", 0, 10000000, 0, "", kSuperAcl, 0},
    {"innodb_max_purge_lag_wait", kUInt, G|CL, "4294967295", 0, 4294967295, 0, "", kSuperAcl, 0},
    {"innodb_max_undo_log_size", kUInt, G|CLO, "10485760", 10485760, 281474976710656, 0, "", kSuperAcl, 0},
    {"innodb_monitor_disable", kString, G|CL, "", 0, 0, 0, "", kSuperAcl, 0},
    {"innodb_monitor_enable", kString, G|CL, "", 0, 0, 0, "", kSuperAcl, 0},
    {"innodb_monitor_reset", kString, G|CL, "", 0, 0, 0, "", kSuperAcl, 0},
    {"innodb_monitor_reset_all", kString, G|CL, "", 0, 0, 0, "", kSuperAcl, 0},
    {"innodb_numa_interleave", kBool, G|RO|CLO, "OFF", 0, 0, 0, "", 0, 0},
    {"innodb_old_blocks_pct", kUInt, G|CL, "37", 5, 95, 0, "", kSuperAcl, 0},
    {"innodb_old_blocks_time", kUInt, G|CL, "1000", 0, 4294967295, 0, "", kSuperAcl, 0},
    {"innodb_online_alter_log_max_size", kUInt, G|CL, "134217728", 65536, 18446744073709551615ULL, 0, "", kSuperAcl, 0},
    {"innodb_open_files", kUInt, G|RO|CL, "2000", 0, 9223372036854775807, 0, "", 0, 0},
    {"innodb_optimize_fulltext_only", kBool, G|CLO, "OFF", 0, 0, 0, "", kSuperAcl, 0},
    {"innodb_page_size", kUInt, G|RO|CLO, "16384", 4096, 65536, 0, "", 0, 0},
    {"innodb_prefix_index_cluster_optimization", kBool, G|CLO, "ON", 0, 0, 0, "", kSuperAcl, 0},
    {"innodb_print_all_deadlocks", kBool, G|CLO, "OFF", 0, 0, 0, "", kSuperAcl, 0},
    {"innodb_purge_batch_size", kUInt, G|CLO, "127", 1, 5000, 0, "", kSuperAcl, 0},
    {"innodb_purge_rseg_truncate_frequency", kUInt, G, "128", 1, 128, 0, "", kSuperAcl, 0},
    {"innodb_purge_threads", kUInt, G|CLO, "4", 1, 32, 0, "", kSuperAcl, 0},
    {"innodb_random_read_ahead", kBool, G|CLO, "OFF", 0, 0, 0, "", kSuperAcl, 0},
    {"innodb_read_ahead_threshold", kUInt, G|CL, "56", 0, 64, 0, "", kSuperAcl, 0},
    {"innodb_read_io_threads", kUInt, G|CL, "4", 1, 64, 0, "", kSuperAcl, 0},
    {"innodb_read_only", kBool, G|RO|CLO, "OFF", 0, 0, 0, "", 0, 0},
    {"innodb_read_only_compressed", kBool, G|CLO, "OFF", 0, 0, 0, "", kSuperAcl, 0},
    {"innodb_rollback_on_timeout", kBool, G|RO|CLO, "OFF", 0, 0, 0, "", 0, 0},
    {"innodb_snapshot_isolation", kBool, G|S|CLO, "OFF", 0, 0, 0, "", kSuperAcl, 0},
    {"innodb_sort_buffer_size", kUInt, G|RO|CL, "1048576", 65536, 67108864, 0, "", 0, 0},
    {"innodb_spin_wait_delay", kUInt, G|CLO, "4", 0, 6000, 0, "", kSuperAcl, 0},
    {"innodb_stats_auto_recalc", kBool, G|CLO, "ON", 0, 0, 0, "", kSuperAcl, 0},
    {"innodb_stats_include_delete_marked", kBool, G|CLO, "OFF", 0, 0, 0, "", kSuperAcl, 0},
    {"innodb_stats_method", kEnum, G|CL, "nulls_equal", 0, 0, 0, "nulls_equal,nulls_unequal,nulls_ignored", kSuperAcl, 0},
    {"innodb_stats_modified_counter", kUInt, G|CL, "0", 0, 18446744073709551615ULL, 0, "", kSuperAcl, 0},
    {"innodb_stats_on_metadata", kBool, G|CLO, "OFF", 0, 0, 0, "", kSuperAcl, 0},
    {"innodb_stats_persistent", kBool, G|CLO, "ON", 0, 0, 0, "", kSuperAcl, 0},
    {"innodb_stats_persistent_sample_pages", kUInt, G|CL, "20", 1, 4294967295, 0, "", kSuperAcl, 0},
    {"innodb_stats_traditional", kBool, G|CL, "ON", 0, 0, 0, "", kSuperAcl, 0},
    {"innodb_stats_transient_sample_pages", kUInt, G|CL, "8", 1, 4294967295, 0, "", kSuperAcl, 0},
    {"innodb_status_output", kBool, G|CLO, "OFF", 0, 0, 0, "", kSuperAcl, 0},
    {"innodb_status_output_locks", kBool, G|CLO, "OFF", 0, 0, 0, "", kSuperAcl, 0},
    {"innodb_strict_mode", kBool, G|S|CLO, "ON", 0, 0, 0, "", kSuperAcl, 0},
    {"innodb_sync_spin_loops", kUInt, G|CL, "30", 0, 18446744073709551615ULL, 0, "", kSuperAcl, 0},
    {"innodb_table_locks", kBool, G|S|CLO, "ON", 0, 0, 0, "", kSuperAcl, 0},
    {"innodb_temp_data_file_path", kString, G|RO|CL, "ibtmp1:12M:autoextend", 0, 0, 0, "", 0, 0},
    {"innodb_tmpdir", kString, G|S|CLO, "", 0, 0, 0, "", kSuperAcl, kFileAcl},
    {"innodb_undo_directory", kString, G|RO|CL, "./", 0, 0, 0, "", 0, 0},
    {"innodb_undo_log_truncate", kBool, G|CLO, "OFF", 0, 0, 0, "", kSuperAcl, 0},
    {"innodb_undo_tablespaces", kUInt, G|RO|CL, "0", 0, 127, 0, "", 0, 0},
    {"innodb_use_atomic_writes", kBool, G|RO|CLO, "ON", 0, 0, 0, "", 0, 0},
    {"innodb_use_native_aio", kBool, G|RO|CLO, "ON", 0, 0, 0, "", 0, 0},
    {"innodb_write_io_threads", kUInt, G|CL, "4", 2, 64, 0, "", kSuperAcl, 0},
    {"insert_id", kUInt, S, "0", 0, 18446744073709551615ULL, 1, "", 0, 0},
    {"interactive_timeout", kUInt, G|S|CL, "28800", 1, 31536000, 1, "", kSuperAcl, 0},
    {"in_predicate_conversion_threshold", kUInt, G|S|CL, "1000", 0, 4294967295, 1, "", kSuperAcl, 0},
    {"in_transaction", kUInt, S|RO, "0", 0, 1, 1, "", 0, 0},
    {"join_buffer_size", kUInt, G|S|CL, "262144", 128, 18446744073709551615ULL, 128, "", kSuperAcl, 0},
    {"join_buffer_space_limit", kUInt, G|S|CL, "2097152", 2048, 18446744073709551615ULL, 2048, "", kSuperAcl, 0},
    {"join_cache_level", kUInt, G|S|CL, "2", 0, 8, 1, "", kSuperAcl, 0},
    {"keep_files_on_create", kBool, G|S|CLO, "OFF", 0, 0, 0, "", kSuperAcl, 0},
    {"key_buffer_size", kUInt, G|CL, "134217728", 0, 18446744073709551615ULL, 4096, "", kSuperAcl, 0},
    {"key_cache_age_threshold", kUInt, G|CL, "300", 100, 4294967295, 100, "", kSuperAcl, 0},
    {"key_cache_block_size", kUInt, G|CL, "1024", 512, 16384, 512, "", kSuperAcl, 0},
    {"key_cache_division_limit", kUInt, G|CL, "100", 1, 100, 1, "", kSuperAcl, 0},
    {"key_cache_file_hash_size", kUInt, G|CL, "512", 128, 16384, 1, "", kSuperAcl, 0},
    {"key_cache_segments", kUInt, G|CL, "0", 0, 64, 1, "", kSuperAcl, 0},
    {"large_files_support", kBool, G|RO, "ON", 0, 0, 0, "", 0, 0},
    {"large_pages", kBool, G|RO|CLO, "OFF", 0, 0, 0, "", 0, 0},
    {"large_page_size", kUInt, G|RO, "0", 0, 4294967295, 1, "", 0, 0},
    {"last_gtid", kString, S|RO|NUL, nullptr, 0, 0, 0, "", 0, 0},
    {"last_insert_id", kUInt, S, "0", 0, 18446744073709551615ULL, 1, "", 0, 0},
    {"lc_messages", kLocale, G|S, "en_US", 0, 0, 0, "", kSuperAcl, 0},
    {"lc_messages_dir", kString, G|RO|CL, "", 0, 0, 0, "", 0, 0},
    {"lc_time_names", kLocale, G|S, "en_US", 0, 0, 0, "", kSuperAcl, 0},
    {"license", kString, G|RO, "GPL", 0, 0, 0, "", 0, 0},
    {"local_infile", kBool, G|CLO, "ON", 0, 0, 0, "", kSuperAcl, 0},
    {"locked_in_memory", kBool, G|RO, "OFF", 0, 0, 0, "", 0, 0},
    {"lock_wait_timeout", kUInt, G|S|CL, "86400", 0, 31536000, 1, "", kSuperAcl, 0},
    {"log_bin", kBool, G|RO, "OFF", 0, 0, 0, "", 0, 0},
    {"log_bin_basename", kString, G|RO|NUL, nullptr, 0, 0, 0, "", 0, 0},
    {"log_bin_compress", kBool, G|CLO, "OFF", 0, 0, 0, "", kSuperAcl|kBinlogAdminAcl, 0},
    {"log_bin_compress_min_len", kUInt, G|CLO, "256", 10, 1024, 1, "", kSuperAcl|kBinlogAdminAcl, 0},
    {"log_bin_index", kString, G|RO|NUL, nullptr, 0, 0, 0, "", 0, 0},
    {"log_bin_trust_function_creators", kBool, G|CLO, "OFF", 0, 0, 0, "", kSuperAcl|kBinlogAdminAcl, 0},
    {"log_disabled_statements", kSet, G|S|CL, "sp", 0, 0, 0, "slave,sp", kSuperAcl, kSuperAcl},
    {"log_error", kString, G|RO|CLO, "", 0, 0, 0, "", 0, 0},
    {"log_output", kSet, G|CL, "FILE", 0, 0, 0, "NONE,FILE,TABLE", kSuperAcl, 0},
    {"log_queries_not_using_indexes", kBool, G|S|CLO, "OFF", 0, 0, 0, "", kSuperAcl, 0},
    {"log_slave_updates", kBool, G|RO|CLO, "OFF", 0, 0, 0, "", 0, 0},
    {"log_slow_admin_statements", kBool, G|S|CLO, "ON", 0, 0, 0, "", kSuperAcl, 0},
    {"log_slow_disabled_statements", kSet, G|S|CL, "sp", 0, 0, 0, "admin,call,slave,sp", kSuperAcl, 0},
    {"log_slow_filter", kSet, G|S|CL, "admin,filesort,filesort_on_disk,filesort_priority_queue,full_join,full_scan,query_cache,query_cache_miss,tmp_table,tmp_table_on_disk", 0, 0, 0, "admin,filesort,filesort_on_disk,filesort_priority_queue,full_join,full_scan,not_using_index,query_cache,query_cache_miss,tmp_table,tmp_table_on_disk", kSuperAcl, 0},
    {"log_slow_max_warnings", kUInt, G|S|CL, "10", 0, 1000, 1, "", kSuperAcl, 0},
    {"log_slow_min_examined_row_limit", kUInt, G|S|CL, "0", 0, 4294967295, 1, "", kSuperAcl, 0},
    {"log_slow_query", kBool, G|S|CLO, "OFF", 0, 0, 0, "", kSuperAcl, 0},
    {"log_slow_query_file", kString, G|CL, "", 0, 0, 0, "", kSuperAcl, 0},
    {"log_slow_query_time", kDouble, G|S|CL, "10.000000", 0, 0, 0, "", kSuperAcl, 0, 0, 31536000},
    {"log_slow_rate_limit", kUInt, G|S|CL, "1", 1, 4294967295, 1, "", kSuperAcl, 0},
    {"log_slow_slave_statements", kBool, G|S|CLO, "ON", 0, 0, 0, "", kSuperAcl, 0},
    {"log_slow_verbosity", kSet, G|S|CL, "", 0, 0, 0, "innodb,query_plan,explain,engine,warnings,full", kSuperAcl, 0},
    {"log_tc_size", kUInt, G|RO|CL, "24576", 12288, 18446744073709551615ULL, 4096, "", 0, 0},
    {"log_warnings", kUInt, G|S|CLO, "2", 0, 4294967295, 1, "", kSuperAcl, 0},
    {"long_query_time", kDouble, G|S|CL, "10.000000", 0, 0, 0, "", kSuperAcl, 0, 0, 31536000},
    {"lower_case_file_system", kBool, G|RO, "OFF", 0, 0, 0, "", 0, 0},
    {"lower_case_table_names", kUInt, G|RO|CLO, "0", 0, 2, 1, "", 0, 0},
    {"low_priority_updates", kBool, G|S|CLO, "OFF", 0, 0, 0, "", kSuperAcl, 0},
    {"master_verify_checksum", kBool, G|CLO, "OFF", 0, 0, 0, "", kSuperAcl|kReplMasterAdminAcl, 0},
    {"max_allowed_packet", kUInt, G|S|SRO|CL, "16777216", 1024, 1073741824, 1024, "", kSuperAcl, 0},
    {"max_binlog_cache_size", kUInt, G|CL, "18446744073709547520", 4096, 18446744073709551615ULL, 4096, "", kSuperAcl|kBinlogAdminAcl, 0},
    {"max_binlog_size", kUInt, G|CL, "1073741824", 4096, 1073741824, 4096, "", kSuperAcl|kBinlogAdminAcl, 0},
    {"max_binlog_stmt_cache_size", kUInt, G|CL, "18446744073709547520", 4096, 18446744073709551615ULL, 4096, "", kSuperAcl|kBinlogAdminAcl, 0},
    {"max_connections", kUInt, G|CL, "151", 10, 100000, 1, "", kSuperAcl|kConnectionAdminAcl, 0},
    {"max_connect_errors", kUInt, G|CL, "100", 1, 4294967295, 1, "", kSuperAcl|kConnectionAdminAcl, 0},
    {"max_delayed_threads", kUInt, G|S|CL, "20", 0, 16384, 1, "", kSuperAcl, 0},
    {"max_digest_length", kUInt, G|RO|CL, "1024", 0, 1048576, 1, "", 0, 0},
    {"max_error_count", kUInt, G|S|CL, "64", 0, 65535, 1, "", kSuperAcl, 0},
    {"max_heap_table_size", kUInt, G|S|CL, "16777216", 16384, 18446744073709551615ULL, 1024, "", kSuperAcl, 0},
    {"max_insert_delayed_threads", kUInt, G|S, "20", 0, 16384, 1, "", kSuperAcl, 0},
    {"max_join_size", kUInt, G|S|CL, "18446744073709551615", 1, 18446744073709551615ULL, 1, "", kSuperAcl, 0},
    {"max_length_for_sort_data", kUInt, G|S|CL, "1024", 4, 8388608, 1, "", kSuperAcl, 0},
    {"max_password_errors", kUInt, G|CL, "4294967295", 1, 4294967295, 1, "", kSuperAcl|kConnectionAdminAcl, 0},
    {"max_prepared_stmt_count", kUInt, G|CL, "16382", 0, 4294967295, 1, "", kSuperAcl, 0},
    {"max_recursive_iterations", kUInt, G|S|CLO, "1000", 0, 4294967295, 1, "", kSuperAcl, 0},
    {"max_relay_log_size", kUInt, G|S|CL, "1073741824", 4096, 1073741824, 4096, "", kSuperAcl, 0},
    {"max_rowid_filter_size", kUInt, G|S|CL, "131072", 1024, 18446744073709551615ULL, 1, "", kSuperAcl, 0},
    {"max_seeks_for_key", kUInt, G|S|CL, "4294967295", 1, 4294967295, 1, "", kSuperAcl, 0},
    {"max_session_mem_used", kUInt, G|S|CL, "9223372036854775807", 8192, 18446744073709551615ULL, 1, "", kSuperAcl, 0},
    {"max_sort_length", kUInt, G|S|CL, "1024", 64, 8388608, 1, "", kSuperAcl, 0},
    {"max_sp_recursion_depth", kUInt, G|S|CLO, "0", 0, 255, 1, "", kSuperAcl, 0},
    {"max_statement_time", kDouble, G|S|CL, "0.000000", 0, 0, 0, "", kSuperAcl, 0, 0, 31536000},
    {"max_tmp_tables", kUInt, G|S|CL, "32", 1, 4294967295, 1, "", kSuperAcl, 0},
    {"max_user_connections", kInt, G|S|SRO|CL, "0", -1, 2147483647, 1, "", kSuperAcl, 0},
    {"max_write_lock_count", kUInt, G|CL, "4294967295", 1, 4294967295, 1, "", kSuperAcl, 0},
    {"metadata_locks_cache_size", kUInt, G|RO|CL, "1024", 1, 1048576, 1, "", 0, 0},
    {"metadata_locks_hash_instances", kUInt, G|RO|CL, "8", 1, 1024, 1, "", 0, 0},
    {"min_examined_row_limit", kUInt, G|S|CL, "0", 0, 4294967295, 1, "", kSuperAcl, 0},
    {"mrr_buffer_size", kUInt, G|S|CL, "262144", 8192, 2147483647, 1, "", kSuperAcl, 0},
    {"myisam_block_size", kUInt, G|RO|CL, "1024", 1024, 16384, 1024, "", 0, 0},
    {"myisam_data_pointer_size", kUInt, G|CL, "6", 2, 7, 1, "", kSuperAcl, 0},
    {"myisam_max_sort_file_size", kUInt, G|CL, "9223372036853727232", 0, 9223372036854775807, 1048576, "", kSuperAcl, 0},
    {"myisam_mmap_size", kUInt, G|RO|CL, "18446744073709551615", 7, 18446744073709551615ULL, 1, "", 0, 0},
    {"myisam_recover_options", kSet, G|RO|CLO, "BACKUP,QUICK", 0, 0, 0, "DEFAULT,BACKUP,FORCE,QUICK,BACKUP_ALL,OFF", 0, 0},
    {"myisam_repair_threads", kUInt, G|S|CL, "1", 1, 18446744073709551615ULL, 1, "", kSuperAcl, 0},
    {"myisam_sort_buffer_size", kUInt, G|S|CL, "134216704", 4096, 1152921504606846975, 1, "", kSuperAcl, 0},
    {"myisam_stats_method", kEnum, G|S|CL, "NULLS_UNEQUAL", 0, 0, 0, "NULLS_UNEQUAL,NULLS_EQUAL,NULLS_IGNORED", kSuperAcl, 0},
    {"myisam_use_mmap", kBool, G|CLO, "OFF", 0, 0, 0, "", kSuperAcl, 0},
    {"mysql56_temporal_format", kBool, G|CLO, "ON", 0, 0, 0, "", kSuperAcl, 0},
    {"net_buffer_length", kUInt, G|S|SRO|CL, "16384", 1024, 1048576, 1024, "", kSuperAcl, 0},
    {"net_read_timeout", kUInt, G|S|CL, "30", 1, 31536000, 1, "", kSuperAcl, 0},
    {"net_retry_count", kUInt, G|S|CL, "10", 1, 4294967295, 1, "", kSuperAcl, 0},
    {"net_write_timeout", kUInt, G|S|CL, "60", 1, 31536000, 1, "", kSuperAcl, 0},
    {"note_verbosity", kSet, G|S|CL, "basic,explain", 0, 0, 0, "basic,unusable_keys,explain", kSuperAcl, 0},
    {"old", kBool, G|S|CLO, "OFF", 0, 0, 0, "", kSuperAcl, 0},
    {"old_alter_table", kEnum, G|S|CLO, "DEFAULT", 0, 0, 0, "DEFAULT,COPY,INPLACE,NOCOPY,INSTANT", kSuperAcl, 0},
    {"old_mode", kSet, G|S|CL, "UTF8_IS_UTF8MB3", 0, 0, 0, "NO_DUP_KEY_WARNINGS_WITH_IGNORE,NO_PROGRESS_INFO,ZERO_DATE_TIME_CAST,UTF8_IS_UTF8MB3,IGNORE_INDEX_ONLY_FOR_JOIN,COMPAT_5_1_CHECKSUM,NO_NULL_COLLATION_IDS", kSuperAcl, 0},
    {"old_passwords", kBool, G|S|CLO, "OFF", 0, 0, 0, "", kSuperAcl, 0},
    {"open_files_limit", kUInt, G|RO|CL, "0", 0, 4294967295, 1, "", 0, 0},
    {"optimizer_adjust_secondary_key_costs", kSet, G|S|CL, "fix_reuse_range_for_ref,fix_card_multiplier", 0, 0, 0, "adjust_secondary_key_cost,disable_max_seek,disable_forced_index_in_group_by,fix_innodb_cardinality,fix_reuse_range_for_ref,fix_card_multiplier,fix_derived_table_read_cost,fix_order_by_index_choice", kSuperAcl, 0},
    {"optimizer_extra_pruning_depth", kUInt, G|S|CL, "8", 0, 62, 1, "", kSuperAcl, 0},
    {"optimizer_join_limit_pref_ratio", kUInt, G|S|CL, "0", 0, 4294967295, 1, "", kSuperAcl, 0},
    {"optimizer_max_sel_args", kUInt, G|S|CL, "16000", 0, 4294967295, 1, "", kSuperAcl, 0},
    {"optimizer_max_sel_arg_weight", kUInt, G|S|CL, "32000", 0, 4294967295, 1, "", kSuperAcl, 0},
    {"optimizer_prune_level", kUInt, G|S|CL, "2", 0, 2, 1, "", kSuperAcl, 0},
    {"optimizer_search_depth", kUInt, G|S|CL, "62", 0, 62, 1, "", kSuperAcl, 0},
    {"optimizer_selectivity_sampling_limit", kUInt, G|S|CL, "100", 10, 4294967295, 1, "", kSuperAcl, 0},
    {"optimizer_switch", kFlagSet, G|S|CL, "index_merge=on,index_merge_union=on,index_merge_sort_union=on,index_merge_intersection=on,index_merge_sort_intersection=off,engine_condition_pushdown=off,index_condition_pushdown=on,derived_merge=on,derived_with_keys=on,firstmatch=on,loosescan=on,materialization=on,in_to_exists=on,semijoin=on,partial_match_rowid_merge=on,partial_match_table_scan=on,subquery_cache=on,mrr=off,mrr_cost_based=off,mrr_sort_keys=off,outer_join_with_cache=on,semijoin_with_cache=on,join_cache_incremental=on,join_cache_hashed=on,join_cache_bka=on,optimize_join_buffer_size=on,table_elimination=on,extended_keys=on,exists_to_in=on,orderby_uses_equalities=on,condition_pushdown_for_derived=on,split_materialized=on,condition_pushdown_for_subquery=on,rowid_filter=on,condition_pushdown_from_having=on,not_null_range_scan=off,hash_join_cardinality=off,cset_narrowing=off", 0, 0, 0, "index_merge,index_merge_union,index_merge_sort_union,index_merge_intersection,index_merge_sort_intersection,engine_condition_pushdown,index_condition_pushdown,derived_merge,derived_with_keys,firstmatch,loosescan,materialization,in_to_exists,semijoin,partial_match_rowid_merge,partial_match_table_scan,subquery_cache,mrr,mrr_cost_based,mrr_sort_keys,outer_join_with_cache,semijoin_with_cache,join_cache_incremental,join_cache_hashed,join_cache_bka,optimize_join_buffer_size,table_elimination,extended_keys,exists_to_in,orderby_uses_equalities,condition_pushdown_for_derived,split_materialized,condition_pushdown_for_subquery,rowid_filter,condition_pushdown_from_having,not_null_range_scan,hash_join_cardinality,cset_narrowing,default", kSuperAcl, 0},
    {"optimizer_trace", kFlagSet, G|S|CL, "enabled=off", 0, 0, 0, "enabled,default", kSuperAcl, 0},
    {"optimizer_trace_max_mem_size", kUInt, G|S|CL, "1048576", 0, 18446744073709551615ULL, 1, "", kSuperAcl, 0},
    {"optimizer_use_condition_selectivity", kUInt, G|S|CL, "4", 1, 5, 1, "", kSuperAcl, 0},
    {"performance_schema", kBool, G|RO|CLO, "OFF", 0, 0, 0, "", 0, 0},
    {"performance_schema_accounts_size", kInt, G|RO|CL, "-1", -1, 1048576, 1, "", 0, 0},
    {"performance_schema_digests_size", kInt, G|RO|CL, "-1", -1, 1048576, 1, "", 0, 0},
    {"performance_schema_events_stages_history_long_size", kInt, G|RO|CL, "-1", -1, 1048576, 1, "", 0, 0},
    {"performance_schema_events_stages_history_size", kInt, G|RO|CL, "-1", -1, 1024, 1, "", 0, 0},
    {"performance_schema_events_statements_history_long_size", kInt, G|RO|CL, "-1", -1, 1048576, 1, "", 0, 0},
    {"performance_schema_events_statements_history_size", kInt, G|RO|CL, "-1", -1, 1024, 1, "", 0, 0},
    {"performance_schema_events_transactions_history_long_size", kInt, G|RO|CL, "-1", -1, 1048576, 1, "", 0, 0},
    {"performance_schema_events_transactions_history_size", kInt, G|RO|CL, "-1", -1, 1024, 1, "", 0, 0},
    {"performance_schema_events_waits_history_long_size", kInt, G|RO|CL, "-1", -1, 1048576, 1, "", 0, 0},
    {"performance_schema_events_waits_history_size", kInt, G|RO|CL, "-1", -1, 1024, 1, "", 0, 0},
    {"performance_schema_hosts_size", kInt, G|RO|CL, "-1", -1, 1048576, 1, "", 0, 0},
    {"performance_schema_max_cond_classes", kUInt, G|RO|CL, "90", 0, 256, 1, "", 0, 0},
    {"performance_schema_max_cond_instances", kInt, G|RO|CL, "-1", -1, 1048576, 1, "", 0, 0},
    {"performance_schema_max_digest_length", kInt, G|RO|CL, "1024", 0, 1048576, 1, "", 0, 0},
    {"performance_schema_max_file_classes", kUInt, G|RO|CL, "80", 0, 256, 1, "", 0, 0},
    {"performance_schema_max_file_handles", kUInt, G|RO|CL, "32768", 0, 1048576, 1, "", 0, 0},
    {"performance_schema_max_file_instances", kInt, G|RO|CL, "-1", -1, 1048576, 1, "", 0, 0},
    {"performance_schema_max_index_stat", kInt, G|RO|CL, "-1", -1, 1048576, 1, "", 0, 0},
    {"performance_schema_max_memory_classes", kUInt, G|RO|CL, "320", 0, 1024, 1, "", 0, 0},
    {"performance_schema_max_metadata_locks", kInt, G|RO|CL, "-1", -1, 104857600, 1, "", 0, 0},
    {"performance_schema_max_mutex_classes", kUInt, G|RO|CL, "210", 0, 256, 1, "", 0, 0},
    {"performance_schema_max_mutex_instances", kInt, G|RO|CL, "-1", -1, 104857600, 1, "", 0, 0},
    {"performance_schema_max_prepared_statements_instances", kInt, G|RO|CL, "-1", -1, 1048576, 1, "", 0, 0},
    {"performance_schema_max_program_instances", kInt, G|RO|CL, "-1", -1, 1048576, 1, "", 0, 0},
    {"performance_schema_max_rwlock_classes", kUInt, G|RO|CL, "50", 0, 256, 1, "", 0, 0},
    {"performance_schema_max_rwlock_instances", kInt, G|RO|CL, "-1", -1, 104857600, 1, "", 0, 0},
    {"performance_schema_max_socket_classes", kUInt, G|RO|CL, "10", 0, 256, 1, "", 0, 0},
    {"performance_schema_max_socket_instances", kInt, G|RO|CL, "-1", -1, 1048576, 1, "", 0, 0},
    {"performance_schema_max_sql_text_length", kInt, G|RO|CL, "1024", 0, 1048576, 1, "", 0, 0},
    {"performance_schema_max_stage_classes", kUInt, G|RO|CL, "160", 0, 256, 1, "", 0, 0},
    {"performance_schema_max_statement_classes", kUInt, G|RO|CL, "222", 0, 256, 1, "", 0, 0},
    {"performance_schema_max_statement_stack", kUInt, G|RO|CL, "10", 1, 256, 1, "", 0, 0},
    {"performance_schema_max_table_handles", kInt, G|RO|CL, "-1", -1, 1048576, 1, "", 0, 0},
    {"performance_schema_max_table_instances", kInt, G|RO|CL, "-1", -1, 1048576, 1, "", 0, 0},
    {"performance_schema_max_table_lock_stat", kInt, G|RO|CL, "-1", -1, 1048576, 1, "", 0, 0},
    {"performance_schema_max_thread_classes", kUInt, G|RO|CL, "50", 0, 256, 1, "", 0, 0},
    {"performance_schema_max_thread_instances", kInt, G|RO|CL, "-1", -1, 1048576, 1, "", 0, 0},
    {"performance_schema_session_connect_attrs_size", kInt, G|RO|CL, "-1", -1, 1048576, 1, "", 0, 0},
    {"performance_schema_setup_actors_size", kInt, G|RO|CL, "-1", -1, 1024, 1, "", 0, 0},
    {"performance_schema_setup_objects_size", kInt, G|RO|CL, "-1", -1, 1048576, 1, "", 0, 0},
    {"performance_schema_users_size", kInt, G|RO|CL, "-1", -1, 1048576, 1, "", 0, 0},
    {"pid_file", kString, G|RO|CL, "", 0, 0, 0, "", 0, 0},
    {"plugin_dir", kString, G|RO|CL, "", 0, 0, 0, "", 0, 0},
    {"plugin_maturity", kEnum, G|RO|CL, "gamma", 0, 0, 0, "unknown,experimental,alpha,beta,gamma,stable", 0, 0},
    {"port", kUInt, G|RO|CL, "3306", 0, 65535, 1, "", 0, 0},
    {"preload_buffer_size", kUInt, G|S|CL, "32768", 1024, 1073741824, 1, "", kSuperAcl, 0},
    {"profiling", kBool, G|S, "OFF", 0, 0, 0, "", kSuperAcl, 0},
    {"profiling_history_size", kUInt, G|S|CL, "15", 0, 100, 1, "", kSuperAcl, 0},
    {"progress_report_time", kUInt, G|S|CL, "5", 0, 4294967295, 1, "", kSuperAcl, 0},
    {"protocol_version", kUInt, G|RO, "10", 0, 4294967295, 1, "", 0, 0},
    {"proxy_protocol_networks", kString, G|CL, "", 0, 0, 0, "", kSuperAcl|kConnectionAdminAcl, 0},
    {"proxy_user", kString, S|RO|NUL, nullptr, 0, 0, 0, "", 0, 0},
    {"pseudo_slave_mode", kBool, S, "OFF", 0, 0, 0, "", 0, 0},
    {"pseudo_thread_id", kUInt, S, "0", 0, 4294967295, 1, "", 0, kSuperAcl|kBinlogReplayAcl},
    {"query_alloc_block_size", kUInt, G|S|CL, "32768", 1024, 4294967295, 1024, "", kSuperAcl, 0},
    {"query_cache_limit", kUInt, G|CL, "1048576", 0, 4294967295, 1, "", kSuperAcl, 0},
    {"query_cache_min_res_unit", kUInt, G|CL, "4096", 0, 4294967295, 8, "", kSuperAcl, 0},
    {"query_cache_size", kUInt, G|CL, "1048576", 0, 18446744073709551615ULL, 1024, "", kSuperAcl, 0},
    {"query_cache_strip_comments", kBool, G|S|CLO, "OFF", 0, 0, 0, "", kSuperAcl, 0},
    {"query_cache_type", kEnum, G|S|CL, "OFF", 0, 0, 0, "OFF,ON,DEMAND", kSuperAcl, 0},
    {"query_cache_wlock_invalidate", kBool, G|S|CLO, "OFF", 0, 0, 0, "", kSuperAcl, 0},
    {"query_prealloc_size", kUInt, G|S|CL, "32768", 1024, 4294967295, 1024, "", kSuperAcl, 0},
    {"rand_seed1", kUInt, S, "0", 0, 18446744073709551615ULL, 1, "", 0, 0},
    {"rand_seed2", kUInt, S, "0", 0, 18446744073709551615ULL, 1, "", 0, 0},
    {"range_alloc_block_size", kUInt, G|S|CL, "4096", 4096, 4294967295, 1024, "", kSuperAcl, 0},
    {"read_binlog_speed_limit", kUInt, G|CL, "0", 0, 18446744073709551615ULL, 1, "", kSuperAcl|kReplSlaveAdminAcl, 0},
    {"read_buffer_size", kUInt, G|S|CL, "131072", 8192, 2147483647, 4096, "", kSuperAcl, 0},
    {"read_only", kBool, G|CLO, "OFF", 0, 0, 0, "", kReadOnlyAdminAcl, 0},
    {"read_rnd_buffer_size", kUInt, G|S|CL, "262144", 1, 2147483647, 1, "", kSuperAcl, 0},
    {"relay_log", kString, G|RO|CL, "", 0, 0, 0, "", 0, 0},
    {"relay_log_basename", kString, G|RO, "", 0, 0, 0, "", 0, 0},
    {"relay_log_index", kString, G|RO, "", 0, 0, 0, "", 0, 0},
    {"relay_log_info_file", kString, G|RO|CL, "relay-log.info", 0, 0, 0, "", 0, 0},
    {"relay_log_purge", kBool, G|CLO, "ON", 0, 0, 0, "", kSuperAcl|kReplSlaveAdminAcl, 0},
    {"relay_log_recovery", kBool, G|CLO, "OFF", 0, 0, 0, "", kSuperAcl|kReplSlaveAdminAcl, 0},
    {"relay_log_space_limit", kUInt, G|RO|CL, "0", 0, 18446744073709551615ULL, 1, "", 0, 0},
    {"replicate_annotate_row_events", kBool, G|RO|CLO, "ON", 0, 0, 0, "", 0, 0},
    {"replicate_do_db", kString, G, "", 0, 0, 0, "", kSuperAcl|kReplSlaveAdminAcl, 0},
    {"replicate_do_table", kString, G, "", 0, 0, 0, "", kSuperAcl|kReplSlaveAdminAcl, 0},
    {"replicate_events_marked_for_skip", kEnum, G|CL, "REPLICATE", 0, 0, 0, "REPLICATE,FILTER_ON_SLAVE,FILTER_ON_MASTER", kSuperAcl|kReplSlaveAdminAcl, 0},
    {"replicate_ignore_db", kString, G, "", 0, 0, 0, "", kSuperAcl|kReplSlaveAdminAcl, 0},
    {"replicate_ignore_table", kString, G, "", 0, 0, 0, "", kSuperAcl|kReplSlaveAdminAcl, 0},
    {"replicate_rewrite_db", kString, G, "", 0, 0, 0, "", kSuperAcl|kReplSlaveAdminAcl, 0},
    {"replicate_wild_do_table", kString, G, "", 0, 0, 0, "", kSuperAcl|kReplSlaveAdminAcl, 0},
    {"replicate_wild_ignore_table", kString, G, "", 0, 0, 0, "", kSuperAcl|kReplSlaveAdminAcl, 0},
    {"report_host", kString, G|RO|CL, "", 0, 0, 0, "", 0, 0},
    {"report_password", kString, G|RO|CL, "", 0, 0, 0, "", 0, 0},
    {"report_port", kUInt, G|RO|CL, "0", 0, 4294967295, 1, "", 0, 0},
    {"report_user", kString, G|RO|CL, "", 0, 0, 0, "", 0, 0},
    {"require_secure_transport", kBool, G|CLO, "OFF", 0, 0, 0, "", kSuperAcl, 0},
    {"rowid_merge_buff_size", kUInt, G|S|CL, "8388608", 0, 9223372036854775807, 1, "", kSuperAcl, 0},
    {"rpl_semi_sync_master_enabled", kBool, G|CLO, "OFF", 0, 0, 0, "", kSuperAcl|kReplMasterAdminAcl, 0},
    {"rpl_semi_sync_master_timeout", kUInt, G|CL, "10000", 0, 18446744073709551615ULL, 1, "", kSuperAcl|kReplMasterAdminAcl, 0},
    {"rpl_semi_sync_master_trace_level", kUInt, G|CL, "32", 0, 18446744073709551615ULL, 1, "", kSuperAcl|kReplMasterAdminAcl, 0},
    {"rpl_semi_sync_master_wait_no_slave", kBool, G|CLO, "ON", 0, 0, 0, "", kSuperAcl|kReplMasterAdminAcl, 0},
    {"rpl_semi_sync_master_wait_point", kEnum, G|CL, "AFTER_COMMIT", 0, 0, 0, "AFTER_SYNC,AFTER_COMMIT", kSuperAcl|kReplMasterAdminAcl, 0},
    {"rpl_semi_sync_slave_delay_master", kBool, G|CLO, "OFF", 0, 0, 0, "", kSuperAcl|kReplSlaveAdminAcl, 0},
    {"rpl_semi_sync_slave_enabled", kBool, G|CLO, "OFF", 0, 0, 0, "", kSuperAcl|kReplSlaveAdminAcl, 0},
    {"rpl_semi_sync_slave_kill_conn_timeout", kUInt, G|CLO, "5", 0, 4294967295, 1, "", kSuperAcl|kReplSlaveAdminAcl, 0},
    {"rpl_semi_sync_slave_trace_level", kUInt, G|CL, "32", 0, 18446744073709551615ULL, 1, "", kSuperAcl|kReplSlaveAdminAcl, 0},
    {"secure_auth", kBool, G|CLO, "ON", 0, 0, 0, "", kSuperAcl|kConnectionAdminAcl, 0},
    {"secure_file_priv", kString, G|RO|CL, "", 0, 0, 0, "", 0, 0},
    {"secure_timestamp", kEnum, G|RO|CL, "NO", 0, 0, 0, "NO,SUPER,REPLICATION,YES", 0, 0},
    {"server_id", kUInt, G|S|CL, "1", 1, 4294967295, 1, "", kSuperAcl|kReplMasterAdminAcl, kSuperAcl|kBinlogReplayAcl},
    {"server_uid", kString, G|RO, "", 0, 0, 0, "", 0, 0},
    {"session_track_schema", kBool, G|S|CLO, "ON", 0, 0, 0, "", kSuperAcl, 0},
    {"session_track_state_change", kBool, G|S|CLO, "OFF", 0, 0, 0, "", kSuperAcl, 0},
    {"session_track_system_variables", kString, G|S|CL, "autocommit,character_set_client,character_set_connection,character_set_results,time_zone", 0, 0, 0, "", kSuperAcl, 0},
    {"session_track_transaction_info", kEnum, G|S|CL, "OFF", 0, 0, 0, "OFF,STATE,CHARACTERISTICS", kSuperAcl, 0},
    {"skip_external_locking", kBool, G|RO, "ON", 0, 0, 0, "", 0, 0},
    {"skip_grant_tables", kBool, G|RO|CLO, "OFF", 0, 0, 0, "", 0, 0},
    {"skip_name_resolve", kBool, G|RO|CLO, "OFF", 0, 0, 0, "", 0, 0},
    {"skip_networking", kBool, G|RO|CLO, "OFF", 0, 0, 0, "", 0, 0},
    {"skip_parallel_replication", kBool, S, "OFF", 0, 0, 0, "", 0, 0},
    {"skip_replication", kBool, S, "OFF", 0, 0, 0, "", 0, 0},
    {"skip_show_database", kBool, G|RO|CLO, "OFF", 0, 0, 0, "", 0, 0},
    {"slave_compressed_protocol", kBool, G|CLO, "OFF", 0, 0, 0, "", kSuperAcl|kReplSlaveAdminAcl, 0},
    {"slave_ddl_exec_mode", kEnum, G|CL, "IDEMPOTENT", 0, 0, 0, "STRICT,IDEMPOTENT", kSuperAcl|kReplSlaveAdminAcl, 0},
    {"slave_domain_parallel_threads", kUInt, G|CL, "0", 0, 16383, 1, "", kSuperAcl|kReplSlaveAdminAcl, 0},
    {"slave_exec_mode", kEnum, G|CL, "STRICT", 0, 0, 0, "STRICT,IDEMPOTENT", kSuperAcl|kReplSlaveAdminAcl, 0},
    {"slave_load_tmpdir", kString, G|RO|CL, "/tmp", 0, 0, 0, "", 0, 0},
    {"slave_max_allowed_packet", kUInt, G|CL, "1073741824", 1024, 1073741824, 1024, "", kSuperAcl|kReplSlaveAdminAcl, 0},
    {"slave_max_statement_time", kDouble, G|CL, "0.000000", 0, 0, 0, "", kReplSlaveAdminAcl, 0, 0, 31536000},
    {"slave_net_timeout", kUInt, G|CL, "60", 1, 31536000, 1, "", kSuperAcl|kReplSlaveAdminAcl, 0},
    {"slave_parallel_max_queued", kUInt, G|CL, "131072", 0, 2147483647, 1, "", kSuperAcl|kReplSlaveAdminAcl, 0},
    {"slave_parallel_mode", kEnum, G, "optimistic", 0, 0, 0, "none,minimal,conservative,optimistic,aggressive", kSuperAcl|kReplSlaveAdminAcl, 0},
    {"slave_parallel_threads", kUInt, G|CL, "0", 0, 16383, 1, "", kSuperAcl|kReplSlaveAdminAcl, 0},
    {"slave_parallel_workers", kUInt, G|CL, "0", 0, 16383, 1, "", kSuperAcl|kReplSlaveAdminAcl, 0},
    {"slave_run_triggers_for_rbr", kEnum, G|CL, "NO", 0, 0, 0, "NO,YES,LOGGING,ENFORCE", kSuperAcl|kReplSlaveAdminAcl, 0},
    {"slave_skip_errors", kString, G|RO|CL, "OFF", 0, 0, 0, "", 0, 0},
    {"slave_sql_verify_checksum", kBool, G|CLO, "ON", 0, 0, 0, "", kSuperAcl|kReplSlaveAdminAcl, 0},
    {"slave_transaction_retries", kUInt, G|CL, "10", 0, 4294967295, 1, "", kSuperAcl, 0},
    {"slave_transaction_retry_errors", kString, G|RO|CL, "1158,1159,1160,1161,1205,1213,1020,1429,2013,12701", 0, 0, 0, "", 0, 0},
    {"slave_transaction_retry_interval", kUInt, G|CL, "0", 0, 3600, 1, "", kSuperAcl|kReplSlaveAdminAcl, 0},
    {"slave_type_conversions", kSet, G|CL, "", 0, 0, 0, "ALL_LOSSY,ALL_NON_LOSSY", kSuperAcl|kReplSlaveAdminAcl, 0},
    {"slow_launch_time", kUInt, G|CL, "2", 0, 31536000, 1, "", kSuperAcl|kConnectionAdminAcl, 0},
    {"slow_query_log", kBool, G|S|CLO, "OFF", 0, 0, 0, "", kSuperAcl, 0},
    {"slow_query_log_file", kString, G|CL, "", 0, 0, 0, "", kSuperAcl, 0},
    {"socket", kString, G|RO|CL, "", 0, 0, 0, "", 0, 0},
    {"sort_buffer_size", kUInt, G|S|CL, "2097152", 1024, 18446744073709551615ULL, 1, "", kSuperAcl, 0},
    {"sql_auto_is_null", kBool, G|S, "OFF", 0, 0, 0, "", kSuperAcl, 0},
    {"sql_big_selects", kBool, G|S, "ON", 0, 0, 0, "", kSuperAcl, 0},
    {"sql_buffer_result", kBool, G|S, "OFF", 0, 0, 0, "", kSuperAcl, 0},
    {"sql_if_exists", kBool, G|S, "OFF", 0, 0, 0, "", kSuperAcl, 0},
    {"sql_log_bin", kBool, G|S|NSG, "ON", 0, 0, 0, "", kSuperAcl|kBinlogAdminAcl, kSuperAcl|kBinlogAdminAcl},
    {"sql_log_off", kBool, G|S, "OFF", 0, 0, 0, "", kSuperAcl, kSuperAcl},
    {"sql_mode", kSet, G|S|CL, "STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,NO_ENGINE_SUBSTITUTION", 0, 0, 0, "REAL_AS_FLOAT,PIPES_AS_CONCAT,ANSI_QUOTES,IGNORE_SPACE,IGNORE_BAD_TABLE_OPTIONS,ONLY_FULL_GROUP_BY,NO_UNSIGNED_SUBTRACTION,NO_DIR_IN_CREATE,POSTGRESQL,ORACLE,MSSQL,DB2,MAXDB,NO_KEY_OPTIONS,NO_TABLE_OPTIONS,NO_FIELD_OPTIONS,MYSQL323,MYSQL40,ANSI,NO_AUTO_VALUE_ON_ZERO,NO_BACKSLASH_ESCAPES,STRICT_TRANS_TABLES,STRICT_ALL_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ALLOW_INVALID_DATES,ERROR_FOR_DIVISION_BY_ZERO,TRADITIONAL,NO_AUTO_CREATE_USER,HIGH_NOT_PRECEDENCE,NO_ENGINE_SUBSTITUTION,PAD_CHAR_TO_FULL_LENGTH,EMPTY_STRING_IS_NULL,SIMULTANEOUS_ASSIGNMENT,TIME_ROUND_FRACTIONAL", kSuperAcl, 0},
    {"sql_notes", kBool, G|S, "ON", 0, 0, 0, "", kSuperAcl, 0},
    {"sql_quote_show_create", kBool, G|S, "ON", 0, 0, 0, "", kSuperAcl, 0},
    {"sql_safe_updates", kBool, G|S|CLO, "OFF", 0, 0, 0, "", kSuperAcl, 0},
    {"sql_select_limit", kUInt, G|S, "18446744073709551615", 0, 18446744073709551615ULL, 1, "", kSuperAcl, 0},
    {"sql_slave_skip_counter", kUInt, G|S, "0", 0, 4294967295, 1, "", kSuperAcl, 0},
    {"sql_warnings", kBool, G|S, "OFF", 0, 0, 0, "", kSuperAcl, 0},
    {"ssl_ca", kString, G|RO|CL, "", 0, 0, 0, "", 0, 0},
    {"ssl_capath", kString, G|RO|CL, "", 0, 0, 0, "", 0, 0},
    {"ssl_cert", kString, G|RO|CL, "", 0, 0, 0, "", 0, 0},
    {"ssl_cipher", kString, G|RO|CL, "", 0, 0, 0, "", 0, 0},
    {"ssl_crl", kString, G|RO|CL, "", 0, 0, 0, "", 0, 0},
    {"ssl_crlpath", kString, G|RO|CL, "", 0, 0, 0, "", 0, 0},
    {"ssl_key", kString, G|RO|CL, "", 0, 0, 0, "", 0, 0},
    {"standard_compliant_cte", kBool, G|S|CLO, "ON", 0, 0, 0, "", kSuperAcl, 0},
    {"storage_engine", kString, G|S, "InnoDB", 0, 0, 0, "", kSuperAcl, 0},
    {"stored_program_cache", kUInt, G|CL, "256", 0, 524288, 1, "", kSuperAcl, 0},
    {"strict_password_validation", kBool, G|CLO, "ON", 0, 0, 0, "", kSuperAcl, 0},
    {"sync_binlog", kUInt, G|CL, "0", 0, 4294967295, 1, "", kSuperAcl|kBinlogAdminAcl, 0},
    {"sync_frm", kBool, G|CLO, "ON", 0, 0, 0, "", kSuperAcl, 0},
    {"sync_master_info", kUInt, G|CL, "10000", 0, 4294967295, 1, "", kSuperAcl|kReplSlaveAdminAcl, 0},
    {"sync_relay_log", kUInt, G|CL, "10000", 0, 4294967295, 1, "", kSuperAcl|kReplSlaveAdminAcl, 0},
    {"sync_relay_log_info", kUInt, G|CL, "10000", 0, 4294967295, 1, "", kSuperAcl|kReplSlaveAdminAcl, 0},
    {"system_time_zone", kString, G|RO, "", 0, 0, 0, "", 0, 0},
    {"system_versioning_alter_history", kEnum, G|S|CL, "ERROR", 0, 0, 0, "ERROR,KEEP", kSuperAcl, 0},
    {"system_versioning_asof", kString, G|S, "DEFAULT", 0, 0, 0, "", kSuperAcl, 0},
    {"system_versioning_insert_history", kBool, G|S|CLO, "OFF", 0, 0, 0, "", kSuperAcl, 0},
    {"table_definition_cache", kUInt, G|CL, "400", 400, 2097152, 1, "", kSuperAcl, 0},
    {"table_open_cache", kUInt, G|CL, "2000", 10, 1048576, 1, "", kSuperAcl, 0},
    {"table_open_cache_instances", kUInt, G|RO|CL, "4", 1, 64, 1, "", 0, 0},
    {"tcp_keepalive_interval", kInt, G|CL, "0", 0, 2147483, 1, "", kSuperAcl, 0},
    {"tcp_keepalive_probes", kInt, G|CL, "0", 0, 2147483, 1, "", kSuperAcl, 0},
    {"tcp_keepalive_time", kInt, G|CL, "0", 0, 2147483, 1, "", kSuperAcl, 0},
    {"tcp_nodelay", kBool, G|S|NSG|CLO, "ON", 0, 0, 0, "", kSuperAcl, 0},
    {"thread_cache_size", kUInt, G|CL, "151", 0, 16384, 1, "", kSuperAcl, 0},
    {"thread_handling", kEnum, G|RO|CL, "one-thread-per-connection", 0, 0, 0, "one-thread-per-connection,no-threads,pool-of-threads", 0, 0},
    {"thread_pool_dedicated_listener", kBool, G|CLO, "OFF", 0, 0, 0, "", kSuperAcl|kConnectionAdminAcl, 0},
    {"thread_pool_exact_stats", kBool, G|CLO, "OFF", 0, 0, 0, "", kSuperAcl|kConnectionAdminAcl, 0},
    {"thread_pool_idle_timeout", kUInt, G|CL, "60", 1, 4294967295, 1, "", kSuperAcl|kConnectionAdminAcl, 0},
    {"thread_pool_max_threads", kUInt, G|CL, "65536", 1, 65536, 1, "", kSuperAcl|kConnectionAdminAcl, 0},
    {"thread_pool_oversubscribe", kUInt, G|CL, "3", 1, 1000, 1, "", kSuperAcl|kConnectionAdminAcl, 0},
    {"thread_pool_priority", kEnum, G|S|CL, "auto", 0, 0, 0, "high,low,auto", kSuperAcl|kConnectionAdminAcl, 0},
    {"thread_pool_prio_kickup_timer", kUInt, G|CL, "1000", 0, 4294967295, 1, "", kSuperAcl|kConnectionAdminAcl, 0},
    {"thread_pool_size", kUInt, G|CL, "8", 1, 100000, 1, "", kSuperAcl|kConnectionAdminAcl, 0},
    {"thread_pool_stall_limit", kUInt, G|CL, "500", 1, 4294967295, 1, "", kSuperAcl|kConnectionAdminAcl, 0},
    {"thread_stack", kUInt, G|RO|CL, "299008", 131072, 18446744073709551615ULL, 1024, "", 0, 0},
    {"timestamp", kDouble, S, "0.000000", 0, 0, 0, "", 0, 0, 0, 2147483647},
    {"time_format", kString, G|RO|CL, "%H:%i:%s", 0, 0, 0, "", 0, 0},
    {"time_zone", kString, G|S, "SYSTEM", 0, 0, 0, "", kSuperAcl, 0},
    {"tls_version", kSet, G|RO|CL, "TLSv1.2,TLSv1.3", 0, 0, 0, "TLSv1.0,TLSv1.1,TLSv1.2,TLSv1.3", 0, 0},
    {"tmpdir", kString, G|RO|CL, "/tmp", 0, 0, 0, "", 0, 0},
    {"tmp_disk_table_size", kUInt, G|S|CL, "18446744073709551615", 1024, 18446744073709551615ULL, 1, "", kSuperAcl, 0},
    {"tmp_memory_table_size", kUInt, G|S|CL, "16777216", 0, 18446744073709551615ULL, 16384, "", kSuperAcl, 0},
    {"tmp_table_size", kUInt, G|S|CL, "16777216", 0, 18446744073709551615ULL, 16384, "", kSuperAcl, 0},
    {"transaction_alloc_block_size", kUInt, G|S|CL, "8192", 1024, 134217728, 1024, "", kSuperAcl, 0},
    {"transaction_prealloc_size", kUInt, G|S|CL, "4096", 1024, 134217728, 1024, "", kSuperAcl, 0},
    {"tx_isolation", kEnum, G|S, "REPEATABLE-READ", 0, 0, 0, "READ-UNCOMMITTED,READ-COMMITTED,REPEATABLE-READ,SERIALIZABLE", kSuperAcl, 0},
    {"tx_read_only", kBool, G|S, "OFF", 0, 0, 0, "", kSuperAcl, 0},
    {"unique_checks", kBool, G|S, "ON", 0, 0, 0, "", kSuperAcl, 0},
    {"updatable_views_with_limit", kEnum, G|S|CL, "YES", 0, 0, 0, "NO,YES", kSuperAcl, 0},
    {"userstat", kBool, G|CLO, "OFF", 0, 0, 0, "", kSuperAcl, 0},
    {"use_stat_tables", kEnum, G|S|CL, "PREFERABLY_FOR_QUERIES", 0, 0, 0, "NEVER,COMPLEMENTARY,PREFERABLY,COMPLEMENTARY_FOR_QUERIES,PREFERABLY_FOR_QUERIES", kSuperAcl, 0},
    {"version", kString, G|RO, "", 0, 0, 0, "", 0, 0},
    {"version_comment", kString, G|RO, "", 0, 0, 0, "", 0, 0},
    {"version_compile_machine", kString, G|RO, "", 0, 0, 0, "", 0, 0},
    {"version_compile_os", kString, G|RO, "", 0, 0, 0, "", 0, 0},
    {"version_malloc_library", kString, G|RO, "system", 0, 0, 0, "", 0, 0},
    {"version_source_revision", kString, G|RO, "", 0, 0, 0, "", 0, 0},
    {"version_ssl_library", kString, G|RO, "", 0, 0, 0, "", 0, 0},
    {"wait_timeout", kUInt, G|S|CL, "28800", 1, 31536000, 1, "", kSuperAcl, 0},
    {"warning_count", kUInt, S|RO, "0", 0, 18446744073709551615ULL, 1, "", 0, 0},
    {"wsrep_on", kBool, G|S|CLO, "OFF", 0, 0, 0, "", 0, 0},
    // Extensions (MySQL names MariaDB 10.11 lacks), hidden by default.
    {"server_uuid", kString, G|RO|EXT, "", 0, 0, 0, "", 0, 0},
    {"transaction_isolation", kEnum, G|S|EXT, "REPEATABLE-READ", 0, 0, 0, "READ-UNCOMMITTED,READ-COMMITTED,REPEATABLE-READ,SERIALIZABLE", kSuperAcl, 0},
    {"transaction_read_only", kBool, G|S|EXT, "OFF", 0, 0, 0, "", kSuperAcl, 0},
};

// relaydb's defaults where they differ from MariaDB's (see variables.h).
struct DefaultOverride {
  const char* name;
  const char* value;
};
const DefaultOverride kRelaydbDefaults[] = {
    {"binlog_format", "ROW"},
    {"sync_binlog", "1"},
    {"character_set_client", "utf8mb4"},
    {"character_set_connection", "utf8mb4"},
    {"character_set_database", "utf8mb4"},
    {"character_set_results", "utf8mb4"},
    {"character_set_server", "utf8mb4"},
    {"collation_connection", "utf8mb4_general_ci"},
    {"collation_database", "utf8mb4_general_ci"},
    {"collation_server", "utf8mb4_general_ci"},
    {"version", "10.11.19-MariaDB-relaydb"},
    {"version_comment", "relaydb"},
    {"version_compile_os", "Linux"},
#if defined(__x86_64__)
    {"version_compile_machine", "x86_64"},
#elif defined(__aarch64__)
    {"version_compile_machine", "aarch64"},
#else
    {"version_compile_machine", "unknown"},
#endif
    {"version_malloc_library", "system"},
    {"system_time_zone", "UTC"},
};

// Pairs kept equal: the extension aliases.
const std::pair<const char*, const char*> kAliasPairs[] = {
    {"tx_isolation", "transaction_isolation"},
    {"tx_read_only", "transaction_read_only"},
};

// Character set <-> collation pairs: setting one sets the other.
struct CharsetPair {
  const char* charset_var;
  const char* collation_var;
};
const CharsetPair kCharsetPairs[] = {
    {"character_set_connection", "collation_connection"},
    {"character_set_database", "collation_database"},
    {"character_set_server", "collation_server"},
};

const CollationInfo kCollations[] = {
    {1, "big5_chinese_ci", "big5", true},
    {3, "dec8_swedish_ci", "dec8", true},
    {4, "cp850_general_ci", "cp850", true},
    {5, "latin1_german1_ci", "latin1", false},
    {6, "hp8_english_ci", "hp8", true},
    {7, "koi8r_general_ci", "koi8r", true},
    {8, "latin1_swedish_ci", "latin1", true},
    {9, "latin2_general_ci", "latin2", true},
    {10, "swe7_swedish_ci", "swe7", true},
    {11, "ascii_general_ci", "ascii", true},
    {12, "ujis_japanese_ci", "ujis", true},
    {13, "sjis_japanese_ci", "sjis", true},
    {15, "latin1_danish_ci", "latin1", false},
    {16, "hebrew_general_ci", "hebrew", true},
    {18, "tis620_thai_ci", "tis620", true},
    {19, "euckr_korean_ci", "euckr", true},
    {22, "koi8u_general_ci", "koi8u", true},
    {24, "gb2312_chinese_ci", "gb2312", true},
    {25, "greek_general_ci", "greek", true},
    {26, "cp1250_general_ci", "cp1250", true},
    {28, "gbk_chinese_ci", "gbk", true},
    {30, "latin5_turkish_ci", "latin5", true},
    {31, "latin1_german2_ci", "latin1", false},
    {32, "armscii8_general_ci", "armscii8", true},
    {33, "utf8mb3_general_ci", "utf8mb3", true},
    {35, "ucs2_general_ci", "ucs2", true},
    {36, "cp866_general_ci", "cp866", true},
    {37, "keybcs2_general_ci", "keybcs2", true},
    {38, "macce_general_ci", "macce", true},
    {39, "macroman_general_ci", "macroman", true},
    {40, "cp852_general_ci", "cp852", true},
    {41, "latin7_general_ci", "latin7", true},
    {45, "utf8mb4_general_ci", "utf8mb4", true},
    {46, "utf8mb4_bin", "utf8mb4", false},
    {47, "latin1_bin", "latin1", false},
    {48, "latin1_general_ci", "latin1", false},
    {49, "latin1_general_cs", "latin1", false},
    {51, "cp1251_general_ci", "cp1251", true},
    {54, "utf16_general_ci", "utf16", true},
    {56, "utf16le_general_ci", "utf16le", true},
    {57, "cp1256_general_ci", "cp1256", true},
    {59, "cp1257_general_ci", "cp1257", true},
    {60, "utf32_general_ci", "utf32", true},
    {63, "binary", "binary", true},
    {65, "ascii_bin", "ascii", false},
    {83, "utf8mb3_bin", "utf8mb3", false},
    {92, "geostd8_general_ci", "geostd8", true},
    {94, "latin1_spanish_ci", "latin1", false},
    {95, "cp932_japanese_ci", "cp932", true},
    {97, "eucjpms_japanese_ci", "eucjpms", true},
    {192, "utf8mb3_unicode_ci", "utf8mb3", false},
    {193, "utf8mb3_icelandic_ci", "utf8mb3", false},
    {194, "utf8mb3_latvian_ci", "utf8mb3", false},
    {195, "utf8mb3_romanian_ci", "utf8mb3", false},
    {196, "utf8mb3_slovenian_ci", "utf8mb3", false},
    {197, "utf8mb3_polish_ci", "utf8mb3", false},
    {198, "utf8mb3_estonian_ci", "utf8mb3", false},
    {199, "utf8mb3_spanish_ci", "utf8mb3", false},
    {200, "utf8mb3_swedish_ci", "utf8mb3", false},
    {201, "utf8mb3_turkish_ci", "utf8mb3", false},
    {202, "utf8mb3_czech_ci", "utf8mb3", false},
    {203, "utf8mb3_danish_ci", "utf8mb3", false},
    {204, "utf8mb3_lithuanian_ci", "utf8mb3", false},
    {205, "utf8mb3_slovak_ci", "utf8mb3", false},
    {206, "utf8mb3_spanish2_ci", "utf8mb3", false},
    {207, "utf8mb3_roman_ci", "utf8mb3", false},
    {208, "utf8mb3_persian_ci", "utf8mb3", false},
    {209, "utf8mb3_esperanto_ci", "utf8mb3", false},
    {210, "utf8mb3_hungarian_ci", "utf8mb3", false},
    {211, "utf8mb3_sinhala_ci", "utf8mb3", false},
    {212, "utf8mb3_german2_ci", "utf8mb3", false},
    {213, "utf8mb3_croatian_mysql561_ci", "utf8mb3", false},
    {214, "utf8mb3_unicode_520_ci", "utf8mb3", false},
    {215, "utf8mb3_vietnamese_ci", "utf8mb3", false},
    {223, "utf8mb3_general_mysql500_ci", "utf8mb3", false},
    {224, "utf8mb4_unicode_ci", "utf8mb4", false},
    {225, "utf8mb4_icelandic_ci", "utf8mb4", false},
    {226, "utf8mb4_latvian_ci", "utf8mb4", false},
    {227, "utf8mb4_romanian_ci", "utf8mb4", false},
    {228, "utf8mb4_slovenian_ci", "utf8mb4", false},
    {229, "utf8mb4_polish_ci", "utf8mb4", false},
    {230, "utf8mb4_estonian_ci", "utf8mb4", false},
    {231, "utf8mb4_spanish_ci", "utf8mb4", false},
    {232, "utf8mb4_swedish_ci", "utf8mb4", false},
    {233, "utf8mb4_turkish_ci", "utf8mb4", false},
    {234, "utf8mb4_czech_ci", "utf8mb4", false},
    {235, "utf8mb4_danish_ci", "utf8mb4", false},
    {236, "utf8mb4_lithuanian_ci", "utf8mb4", false},
    {237, "utf8mb4_slovak_ci", "utf8mb4", false},
    {238, "utf8mb4_spanish2_ci", "utf8mb4", false},
    {239, "utf8mb4_roman_ci", "utf8mb4", false},
    {240, "utf8mb4_persian_ci", "utf8mb4", false},
    {241, "utf8mb4_esperanto_ci", "utf8mb4", false},
    {242, "utf8mb4_hungarian_ci", "utf8mb4", false},
    {243, "utf8mb4_sinhala_ci", "utf8mb4", false},
    {244, "utf8mb4_german2_ci", "utf8mb4", false},
    {245, "utf8mb4_croatian_mysql561_ci", "utf8mb4", false},
    {246, "utf8mb4_unicode_520_ci", "utf8mb4", false},
    {247, "utf8mb4_vietnamese_ci", "utf8mb4", false},
    {576, "utf8mb3_croatian_ci", "utf8mb3", false},
    {577, "utf8mb3_myanmar_ci", "utf8mb3", false},
    {578, "utf8mb3_thai_520_w2", "utf8mb3", false},
    {608, "utf8mb4_croatian_ci", "utf8mb4", false},
    {609, "utf8mb4_myanmar_ci", "utf8mb4", false},
    {610, "utf8mb4_thai_520_w2", "utf8mb4", false},
    {1032, "latin1_swedish_nopad_ci", "latin1", false},
    {1035, "ascii_general_nopad_ci", "ascii", false},
    {1057, "utf8mb3_general_nopad_ci", "utf8mb3", false},
    {1069, "utf8mb4_general_nopad_ci", "utf8mb4", false},
    {1070, "utf8mb4_nopad_bin", "utf8mb4", false},
    {1071, "latin1_nopad_bin", "latin1", false},
    {1089, "ascii_nopad_bin", "ascii", false},
    {1107, "utf8mb3_nopad_bin", "utf8mb3", false},
    {1216, "utf8mb3_unicode_nopad_ci", "utf8mb3", false},
    {1238, "utf8mb3_unicode_520_nopad_ci", "utf8mb3", false},
    {1248, "utf8mb4_unicode_nopad_ci", "utf8mb4", false},
    {1270, "utf8mb4_unicode_520_nopad_ci", "utf8mb4", false},
};

const char* const kLocales[] = {
    "ar_AE", "ar_BH", "ar_DZ", "ar_EG", "ar_IN", "ar_IQ", "ar_JO", "ar_KW", "ar_LB", "ar_LY",
    "ar_MA", "ar_OM", "ar_QA", "ar_SA", "ar_SD", "ar_SY", "ar_TN", "ar_YE", "be_BY", "bg_BG",
    "ca_ES", "cs_CZ", "da_DK", "de_AT", "de_BE", "de_CH", "de_DE", "de_LU", "el_GR", "en_AU",
    "en_CA", "en_GB", "en_IN", "en_NZ", "en_PH", "en_US", "en_ZA", "en_ZW", "es_AR", "es_BO",
    "es_CL", "es_CO", "es_CR", "es_DO", "es_EC", "es_ES", "es_GT", "es_HN", "es_MX", "es_NI",
    "es_PA", "es_PE", "es_PR", "es_PY", "es_SV", "es_US", "es_UY", "es_VE", "et_EE", "eu_ES",
    "fi_FI", "fo_FO", "fr_BE", "fr_CA", "fr_CH", "fr_FR", "fr_LU", "gl_ES", "gu_IN", "he_IL",
    "hi_IN", "hr_HR", "hu_HU", "id_ID", "is_IS", "it_CH", "it_IT", "ja_JP", "ka_GE", "ko_KR",
    "lt_LT", "lv_LV", "mk_MK", "mn_MN", "ms_MY", "nb_NO", "nl_BE", "nl_NL", "no_NO", "pl_PL",
    "pt_BR", "pt_PT", "rm_CH", "ro_RO", "ru_RU", "ru_UA", "sk_SK", "sl_SI", "sq_AL", "sr_RS",
    "sv_FI", "sv_SE", "ta_IN", "te_IN", "th_TH", "tr_TR", "uk_UA", "ur_PK", "vi_VN", "zh_CN",
    "zh_HK", "zh_TW",
};

const char* const kStorageEngines[] = {
    "CSV", "MRG_MyISAM", "MEMORY", "Aria", "MyISAM", "SEQUENCE", "InnoDB", "PERFORMANCE_SCHEMA",
};

// SHOW STATUS, in MariaDB 10.11's order (its Innodb_, Aria_, Performance_
// schema, wsrep, Feature_, Ssl_, Key_, Memory, Tc_log_ and Threadpool_
// families left out). kStatusSession counters are per session in SHOW
// SESSION STATUS; the others show the server's value in both scopes. A
// non-null text is a constant value (until a provider replaces it).
enum StatusKind : uint8_t { kStatusGlobal, kStatusSession };
struct StatusDef {
  const char* name;
  StatusKind kind;
  const char* text;
};
const StatusDef kStatusDefs[] = {
    {"Aborted_clients", kStatusGlobal, nullptr},
    {"Aborted_connects", kStatusGlobal, nullptr},
    {"Aborted_connects_preauth", kStatusGlobal, nullptr},
    {"Access_denied_errors", kStatusSession, nullptr},
    {"Acl_column_grants", kStatusGlobal, nullptr},
    {"Acl_database_grants", kStatusGlobal, nullptr},
    {"Acl_function_grants", kStatusGlobal, nullptr},
    {"Acl_procedure_grants", kStatusGlobal, nullptr},
    {"Acl_package_spec_grants", kStatusGlobal, nullptr},
    {"Acl_package_body_grants", kStatusGlobal, nullptr},
    {"Acl_proxy_users", kStatusGlobal, nullptr},
    {"Acl_role_grants", kStatusGlobal, nullptr},
    {"Acl_roles", kStatusGlobal, nullptr},
    {"Acl_table_grants", kStatusGlobal, nullptr},
    {"Acl_users", kStatusGlobal, nullptr},
    {"Binlog_commits", kStatusGlobal, nullptr},
    {"Binlog_group_commits", kStatusGlobal, nullptr},
    {"Binlog_group_commit_trigger_count", kStatusGlobal, nullptr},
    {"Binlog_group_commit_trigger_lock_wait", kStatusGlobal, nullptr},
    {"Binlog_group_commit_trigger_timeout", kStatusGlobal, nullptr},
    {"Binlog_snapshot_file", kStatusGlobal, ""},
    {"Binlog_snapshot_position", kStatusGlobal, nullptr},
    {"Binlog_bytes_written", kStatusSession, nullptr},
    {"Binlog_cache_disk_use", kStatusGlobal, nullptr},
    {"Binlog_cache_use", kStatusGlobal, nullptr},
    {"Binlog_stmt_cache_disk_use", kStatusGlobal, nullptr},
    {"Binlog_stmt_cache_use", kStatusGlobal, nullptr},
    {"Busy_time", kStatusSession, "0.000000"},
    {"Bytes_received", kStatusSession, nullptr},
    {"Bytes_sent", kStatusSession, nullptr},
    {"Column_compressions", kStatusSession, nullptr},
    {"Column_decompressions", kStatusSession, nullptr},
    {"Com_admin_commands", kStatusSession, nullptr},
    {"Com_alter_db", kStatusSession, nullptr},
    {"Com_alter_db_upgrade", kStatusSession, nullptr},
    {"Com_alter_event", kStatusSession, nullptr},
    {"Com_alter_function", kStatusSession, nullptr},
    {"Com_alter_procedure", kStatusSession, nullptr},
    {"Com_alter_server", kStatusSession, nullptr},
    {"Com_alter_sequence", kStatusSession, nullptr},
    {"Com_alter_table", kStatusSession, nullptr},
    {"Com_alter_user", kStatusSession, nullptr},
    {"Com_analyze", kStatusSession, nullptr},
    {"Com_assign_to_keycache", kStatusSession, nullptr},
    {"Com_backup", kStatusSession, nullptr},
    {"Com_backup_lock", kStatusSession, nullptr},
    {"Com_begin", kStatusSession, nullptr},
    {"Com_binlog", kStatusSession, nullptr},
    {"Com_call_procedure", kStatusSession, nullptr},
    {"Com_change_db", kStatusSession, nullptr},
    {"Com_change_master", kStatusSession, nullptr},
    {"Com_check", kStatusSession, nullptr},
    {"Com_checksum", kStatusSession, nullptr},
    {"Com_commit", kStatusSession, nullptr},
    {"Com_compound_sql", kStatusSession, nullptr},
    {"Com_create_db", kStatusSession, nullptr},
    {"Com_create_event", kStatusSession, nullptr},
    {"Com_create_function", kStatusSession, nullptr},
    {"Com_create_index", kStatusSession, nullptr},
    {"Com_create_package", kStatusSession, nullptr},
    {"Com_create_package_body", kStatusSession, nullptr},
    {"Com_create_procedure", kStatusSession, nullptr},
    {"Com_create_role", kStatusSession, nullptr},
    {"Com_create_sequence", kStatusSession, nullptr},
    {"Com_create_server", kStatusSession, nullptr},
    {"Com_create_table", kStatusSession, nullptr},
    {"Com_create_temporary_table", kStatusSession, nullptr},
    {"Com_create_trigger", kStatusSession, nullptr},
    {"Com_create_udf", kStatusSession, nullptr},
    {"Com_create_user", kStatusSession, nullptr},
    {"Com_create_view", kStatusSession, nullptr},
    {"Com_dealloc_sql", kStatusSession, nullptr},
    {"Com_delete", kStatusSession, nullptr},
    {"Com_delete_multi", kStatusSession, nullptr},
    {"Com_do", kStatusSession, nullptr},
    {"Com_drop_db", kStatusSession, nullptr},
    {"Com_drop_event", kStatusSession, nullptr},
    {"Com_drop_function", kStatusSession, nullptr},
    {"Com_drop_index", kStatusSession, nullptr},
    {"Com_drop_procedure", kStatusSession, nullptr},
    {"Com_drop_package", kStatusSession, nullptr},
    {"Com_drop_package_body", kStatusSession, nullptr},
    {"Com_drop_role", kStatusSession, nullptr},
    {"Com_drop_server", kStatusSession, nullptr},
    {"Com_drop_sequence", kStatusSession, nullptr},
    {"Com_drop_table", kStatusSession, nullptr},
    {"Com_drop_temporary_table", kStatusSession, nullptr},
    {"Com_drop_trigger", kStatusSession, nullptr},
    {"Com_drop_user", kStatusSession, nullptr},
    {"Com_drop_view", kStatusSession, nullptr},
    {"Com_empty_query", kStatusSession, nullptr},
    {"Com_execute_immediate", kStatusSession, nullptr},
    {"Com_execute_sql", kStatusSession, nullptr},
    {"Com_flush", kStatusSession, nullptr},
    {"Com_get_diagnostics", kStatusSession, nullptr},
    {"Com_grant", kStatusSession, nullptr},
    {"Com_grant_role", kStatusSession, nullptr},
    {"Com_ha_close", kStatusSession, nullptr},
    {"Com_ha_open", kStatusSession, nullptr},
    {"Com_ha_read", kStatusSession, nullptr},
    {"Com_help", kStatusSession, nullptr},
    {"Com_insert", kStatusSession, nullptr},
    {"Com_insert_select", kStatusSession, nullptr},
    {"Com_install_plugin", kStatusSession, nullptr},
    {"Com_kill", kStatusSession, nullptr},
    {"Com_load", kStatusSession, nullptr},
    {"Com_lock_tables", kStatusSession, nullptr},
    {"Com_optimize", kStatusSession, nullptr},
    {"Com_preload_keys", kStatusSession, nullptr},
    {"Com_prepare_sql", kStatusSession, nullptr},
    {"Com_purge", kStatusSession, nullptr},
    {"Com_purge_before_date", kStatusSession, nullptr},
    {"Com_release_savepoint", kStatusSession, nullptr},
    {"Com_rename_table", kStatusSession, nullptr},
    {"Com_rename_user", kStatusSession, nullptr},
    {"Com_repair", kStatusSession, nullptr},
    {"Com_replace", kStatusSession, nullptr},
    {"Com_replace_select", kStatusSession, nullptr},
    {"Com_reset", kStatusSession, nullptr},
    {"Com_resignal", kStatusSession, nullptr},
    {"Com_revoke", kStatusSession, nullptr},
    {"Com_revoke_all", kStatusSession, nullptr},
    {"Com_revoke_role", kStatusSession, nullptr},
    {"Com_rollback", kStatusSession, nullptr},
    {"Com_rollback_to_savepoint", kStatusSession, nullptr},
    {"Com_savepoint", kStatusSession, nullptr},
    {"Com_select", kStatusSession, nullptr},
    {"Com_set_option", kStatusSession, nullptr},
    {"Com_show_authors", kStatusSession, nullptr},
    {"Com_show_binlog_events", kStatusSession, nullptr},
    {"Com_show_binlogs", kStatusSession, nullptr},
    {"Com_show_charsets", kStatusSession, nullptr},
    {"Com_show_collations", kStatusSession, nullptr},
    {"Com_show_contributors", kStatusSession, nullptr},
    {"Com_show_create_db", kStatusSession, nullptr},
    {"Com_show_create_event", kStatusSession, nullptr},
    {"Com_show_create_func", kStatusSession, nullptr},
    {"Com_show_create_package", kStatusSession, nullptr},
    {"Com_show_create_package_body", kStatusSession, nullptr},
    {"Com_show_create_proc", kStatusSession, nullptr},
    {"Com_show_create_table", kStatusSession, nullptr},
    {"Com_show_create_trigger", kStatusSession, nullptr},
    {"Com_show_create_user", kStatusSession, nullptr},
    {"Com_show_databases", kStatusSession, nullptr},
    {"Com_show_engine_logs", kStatusSession, nullptr},
    {"Com_show_engine_mutex", kStatusSession, nullptr},
    {"Com_show_engine_status", kStatusSession, nullptr},
    {"Com_show_errors", kStatusSession, nullptr},
    {"Com_show_events", kStatusSession, nullptr},
    {"Com_show_explain", kStatusSession, nullptr},
    {"Com_show_analyze", kStatusSession, nullptr},
    {"Com_show_fields", kStatusSession, nullptr},
    {"Com_show_function_status", kStatusSession, nullptr},
    {"Com_show_generic", kStatusSession, nullptr},
    {"Com_show_grants", kStatusSession, nullptr},
    {"Com_show_keys", kStatusSession, nullptr},
    {"Com_show_binlog_status", kStatusSession, nullptr},
    {"Com_show_open_tables", kStatusSession, nullptr},
    {"Com_show_package_status", kStatusSession, nullptr},
    {"Com_show_package_body_status", kStatusSession, nullptr},
    {"Com_show_plugins", kStatusSession, nullptr},
    {"Com_show_privileges", kStatusSession, nullptr},
    {"Com_show_procedure_status", kStatusSession, nullptr},
    {"Com_show_processlist", kStatusSession, nullptr},
    {"Com_show_profile", kStatusSession, nullptr},
    {"Com_show_profiles", kStatusSession, nullptr},
    {"Com_show_relaylog_events", kStatusSession, nullptr},
    {"Com_show_slave_hosts", kStatusSession, nullptr},
    {"Com_show_slave_status", kStatusSession, nullptr},
    {"Com_show_status", kStatusSession, nullptr},
    {"Com_show_storage_engines", kStatusSession, nullptr},
    {"Com_show_table_status", kStatusSession, nullptr},
    {"Com_show_tables", kStatusSession, nullptr},
    {"Com_show_triggers", kStatusSession, nullptr},
    {"Com_show_variables", kStatusSession, nullptr},
    {"Com_show_warnings", kStatusSession, nullptr},
    {"Com_shutdown", kStatusSession, nullptr},
    {"Com_signal", kStatusSession, nullptr},
    {"Com_start_all_slaves", kStatusSession, nullptr},
    {"Com_start_slave", kStatusSession, nullptr},
    {"Com_stmt_close", kStatusSession, nullptr},
    {"Com_stmt_execute", kStatusSession, nullptr},
    {"Com_stmt_fetch", kStatusSession, nullptr},
    {"Com_stmt_prepare", kStatusSession, nullptr},
    {"Com_stmt_reprepare", kStatusSession, nullptr},
    {"Com_stmt_reset", kStatusSession, nullptr},
    {"Com_stmt_send_long_data", kStatusSession, nullptr},
    {"Com_stop_all_slaves", kStatusSession, nullptr},
    {"Com_stop_slave", kStatusSession, nullptr},
    {"Com_truncate", kStatusSession, nullptr},
    {"Com_uninstall_plugin", kStatusSession, nullptr},
    {"Com_unlock_tables", kStatusSession, nullptr},
    {"Com_update", kStatusSession, nullptr},
    {"Com_update_multi", kStatusSession, nullptr},
    {"Com_xa_commit", kStatusSession, nullptr},
    {"Com_xa_end", kStatusSession, nullptr},
    {"Com_xa_prepare", kStatusSession, nullptr},
    {"Com_xa_recover", kStatusSession, nullptr},
    {"Com_xa_rollback", kStatusSession, nullptr},
    {"Com_xa_start", kStatusSession, nullptr},
    {"Compression", kStatusGlobal, "OFF"},
    {"Connection_errors_accept", kStatusGlobal, nullptr},
    {"Connection_errors_internal", kStatusGlobal, nullptr},
    {"Connection_errors_max_connections", kStatusGlobal, nullptr},
    {"Connection_errors_peer_address", kStatusGlobal, nullptr},
    {"Connection_errors_select", kStatusGlobal, nullptr},
    {"Connection_errors_tcpwrap", kStatusGlobal, nullptr},
    {"Connections", kStatusGlobal, nullptr},
    {"Cpu_time", kStatusSession, "0.000000"},
    {"Created_tmp_disk_tables", kStatusSession, nullptr},
    {"Created_tmp_files", kStatusGlobal, nullptr},
    {"Created_tmp_tables", kStatusSession, nullptr},
    {"Delayed_errors", kStatusGlobal, nullptr},
    {"Delayed_insert_threads", kStatusGlobal, nullptr},
    {"Delayed_writes", kStatusGlobal, nullptr},
    {"Delete_scan", kStatusSession, nullptr},
    {"Empty_queries", kStatusSession, nullptr},
    {"Executed_events", kStatusGlobal, nullptr},
    {"Executed_triggers", kStatusSession, nullptr},
    {"Handler_commit", kStatusSession, nullptr},
    {"Handler_delete", kStatusSession, nullptr},
    {"Handler_discover", kStatusSession, nullptr},
    {"Handler_external_lock", kStatusSession, nullptr},
    {"Handler_icp_attempts", kStatusSession, nullptr},
    {"Handler_icp_match", kStatusSession, nullptr},
    {"Handler_mrr_init", kStatusSession, nullptr},
    {"Handler_mrr_key_refills", kStatusSession, nullptr},
    {"Handler_mrr_rowid_refills", kStatusSession, nullptr},
    {"Handler_prepare", kStatusSession, nullptr},
    {"Handler_read_first", kStatusSession, nullptr},
    {"Handler_read_key", kStatusSession, nullptr},
    {"Handler_read_last", kStatusSession, nullptr},
    {"Handler_read_next", kStatusSession, nullptr},
    {"Handler_read_prev", kStatusSession, nullptr},
    {"Handler_read_retry", kStatusSession, nullptr},
    {"Handler_read_rnd", kStatusSession, nullptr},
    {"Handler_read_rnd_deleted", kStatusSession, nullptr},
    {"Handler_read_rnd_next", kStatusSession, nullptr},
    {"Handler_rollback", kStatusSession, nullptr},
    {"Handler_savepoint", kStatusSession, nullptr},
    {"Handler_savepoint_rollback", kStatusSession, nullptr},
    {"Handler_tmp_delete", kStatusSession, nullptr},
    {"Handler_tmp_update", kStatusSession, nullptr},
    {"Handler_tmp_write", kStatusSession, nullptr},
    {"Handler_update", kStatusSession, nullptr},
    {"Handler_write", kStatusSession, nullptr},
    {"Last_query_cost", kStatusSession, "0.000000"},
    {"Master_gtid_wait_count", kStatusGlobal, nullptr},
    {"Master_gtid_wait_time", kStatusGlobal, nullptr},
    {"Master_gtid_wait_timeouts", kStatusGlobal, nullptr},
    {"Max_statement_time_exceeded", kStatusSession, nullptr},
    {"Max_used_connections", kStatusGlobal, nullptr},
    {"Not_flushed_delayed_rows", kStatusGlobal, nullptr},
    {"Open_files", kStatusGlobal, nullptr},
    {"Open_streams", kStatusGlobal, nullptr},
    {"Open_table_definitions", kStatusGlobal, nullptr},
    {"Open_tables", kStatusGlobal, nullptr},
    {"Opened_files", kStatusSession, nullptr},
    {"Opened_plugin_libraries", kStatusSession, nullptr},
    {"Opened_table_definitions", kStatusSession, nullptr},
    {"Opened_tables", kStatusSession, nullptr},
    {"Opened_views", kStatusSession, nullptr},
    {"Optimizer_join_prefixes_check_calls", kStatusSession, nullptr},
    {"Prepared_stmt_count", kStatusGlobal, nullptr},
    {"Qcache_free_blocks", kStatusGlobal, nullptr},
    {"Qcache_free_memory", kStatusGlobal, nullptr},
    {"Qcache_hits", kStatusGlobal, nullptr},
    {"Qcache_inserts", kStatusGlobal, nullptr},
    {"Qcache_lowmem_prunes", kStatusGlobal, nullptr},
    {"Qcache_not_cached", kStatusGlobal, nullptr},
    {"Qcache_queries_in_cache", kStatusGlobal, nullptr},
    {"Qcache_total_blocks", kStatusGlobal, nullptr},
    {"Queries", kStatusGlobal, nullptr},
    {"Query_time", kStatusSession, "0.000000"},
    {"Questions", kStatusSession, nullptr},
    {"Resultset_metadata_skipped", kStatusSession, nullptr},
    {"Rows_read", kStatusSession, nullptr},
    {"Rows_sent", kStatusSession, nullptr},
    {"Rows_tmp_read", kStatusSession, nullptr},
    {"Rpl_semi_sync_master_clients", kStatusGlobal, nullptr},
    {"Rpl_semi_sync_master_get_ack", kStatusGlobal, nullptr},
    {"Rpl_semi_sync_master_net_avg_wait_time", kStatusGlobal, nullptr},
    {"Rpl_semi_sync_master_net_wait_time", kStatusGlobal, nullptr},
    {"Rpl_semi_sync_master_net_waits", kStatusGlobal, nullptr},
    {"Rpl_semi_sync_master_no_times", kStatusGlobal, nullptr},
    {"Rpl_semi_sync_master_no_tx", kStatusGlobal, nullptr},
    {"Rpl_semi_sync_master_request_ack", kStatusGlobal, nullptr},
    {"Rpl_semi_sync_master_status", kStatusGlobal, "OFF"},
    {"Rpl_semi_sync_master_timefunc_failures", kStatusGlobal, nullptr},
    {"Rpl_semi_sync_master_tx_avg_wait_time", kStatusGlobal, nullptr},
    {"Rpl_semi_sync_master_tx_wait_time", kStatusGlobal, nullptr},
    {"Rpl_semi_sync_master_tx_waits", kStatusGlobal, nullptr},
    {"Rpl_semi_sync_master_wait_pos_backtraverse", kStatusGlobal, nullptr},
    {"Rpl_semi_sync_master_wait_sessions", kStatusGlobal, nullptr},
    {"Rpl_semi_sync_master_yes_tx", kStatusGlobal, nullptr},
    {"Rpl_semi_sync_slave_send_ack", kStatusGlobal, nullptr},
    {"Rpl_semi_sync_slave_status", kStatusGlobal, "OFF"},
    {"Rpl_status", kStatusGlobal, "AUTH_MASTER"},
    {"Rpl_transactions_multi_engine", kStatusGlobal, nullptr},
    {"Select_full_join", kStatusSession, nullptr},
    {"Select_full_range_join", kStatusSession, nullptr},
    {"Select_range", kStatusSession, nullptr},
    {"Select_range_check", kStatusSession, nullptr},
    {"Select_scan", kStatusSession, nullptr},
    {"Slave_connections", kStatusGlobal, nullptr},
    {"Slave_heartbeat_period", kStatusGlobal, "0.000"},
    {"Slave_open_temp_tables", kStatusGlobal, nullptr},
    {"Slave_received_heartbeats", kStatusGlobal, nullptr},
    {"Slave_retried_transactions", kStatusGlobal, nullptr},
    {"Slave_running", kStatusGlobal, "OFF"},
    {"Slave_skipped_errors", kStatusGlobal, nullptr},
    {"Slaves_connected", kStatusGlobal, nullptr},
    {"Slaves_running", kStatusGlobal, nullptr},
    {"Slow_launch_threads", kStatusGlobal, nullptr},
    {"Slow_queries", kStatusSession, nullptr},
    {"Sort_merge_passes", kStatusSession, nullptr},
    {"Sort_priority_queue_sorts", kStatusSession, nullptr},
    {"Sort_range", kStatusSession, nullptr},
    {"Sort_rows", kStatusSession, nullptr},
    {"Sort_scan", kStatusSession, nullptr},
    {"Subquery_cache_hit", kStatusSession, nullptr},
    {"Subquery_cache_miss", kStatusSession, nullptr},
    {"Syncs", kStatusGlobal, nullptr},
    {"Table_locks_immediate", kStatusGlobal, nullptr},
    {"Table_locks_waited", kStatusGlobal, nullptr},
    {"Table_open_cache_active_instances", kStatusGlobal, nullptr},
    {"Table_open_cache_hits", kStatusSession, nullptr},
    {"Table_open_cache_misses", kStatusSession, nullptr},
    {"Table_open_cache_overflows", kStatusSession, nullptr},
    {"Threads_cached", kStatusGlobal, nullptr},
    {"Threads_connected", kStatusGlobal, nullptr},
    {"Threads_created", kStatusGlobal, nullptr},
    {"Threads_running", kStatusGlobal, nullptr},
    {"Transactions_gtid_foreign_engine", kStatusGlobal, nullptr},
    {"Transactions_multi_engine", kStatusGlobal, nullptr},
    {"Update_scan", kStatusSession, nullptr},
    {"Uptime", kStatusGlobal, nullptr},
    {"Uptime_since_flush_status", kStatusGlobal, nullptr},
};

}  // namespace

// ---------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); i++) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  }
  return true;
}

std::vector<std::string> Split(std::string_view s, char sep) {
  std::vector<std::string> out;
  if (s.empty()) return out;
  size_t start = 0;
  while (true) {
    size_t pos = s.find(sep, start);
    out.emplace_back(s.substr(start, pos == std::string_view::npos ? s.npos : pos - start));
    if (pos == std::string_view::npos) break;
    start = pos + 1;
  }
  return out;
}

std::string FormatFixed6(double d) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6f", d);
  return buf;
}

// The text MariaDB quotes in errors 1231/1292 for a value.
std::string ValueText(const Value& v) {
  if (v.is_null()) return "NULL";
  return v.ToText();
}

Status ErrUnknown(std::string_view name) {
  return Status::SqlError(1193, "HY000", "Unknown system variable '" + std::string(name) + "'");
}
Status ErrReadOnly(const SysVarDef& def) {
  return Status::SqlError(1238, "HY000",
                          "Variable '" + std::string(def.name) + "' is a read only variable");
}
Status ErrIsScope(const SysVarDef& def, const char* scope) {
  return Status::SqlError(1238, "HY000",
                          "Variable '" + std::string(def.name) + "' is a " + scope + " variable");
}
Status ErrNeedGlobal(const SysVarDef& def) {
  return Status::SqlError(1229, "HY000",
                          "Variable '" + std::string(def.name) +
                              "' is a GLOBAL variable and should be set with SET GLOBAL");
}
Status ErrNoGlobal(const SysVarDef& def) {
  return Status::SqlError(1228, "HY000",
                          "Variable '" + std::string(def.name) +
                              "' is a SESSION variable and can't be used with SET GLOBAL");
}
Status ErrSessionReadOnly(const SysVarDef& def) {
  return Status::SqlError(1621, "HY000",
                          "SESSION variable '" + std::string(def.name) +
                              "' is read-only. Use SET GLOBAL to assign the value");
}
Status ErrWrongValue(const SysVarDef& def, std::string_view text) {
  return Status::SqlError(1231, "42000",
                          "Variable '" + std::string(def.name) + "' can't be set to the value of '" +
                              std::string(text) + "'");
}
Status ErrWrongType(const SysVarDef& def) {
  return Status::SqlError(1232, "42000",
                          "Incorrect argument type to variable '" + std::string(def.name) + "'");
}
void WarnTruncated(const SysVarDef& def, const Value& original, std::vector<AdminWarning>* w) {
  if (w)
    w->push_back({AdminWarning::Level::kWarning, 1292,
                  "Truncated incorrect " + std::string(def.name) + " value: '" +
                      ValueText(original) + "'"});
}

// --- the definitions, sorted, with relaydb defaults and derived data --------

struct Registry {
  std::vector<SysVarDef> defs;                        // sorted by name
  std::vector<std::vector<std::string>> value_names;  // per def (enum/set/flagset)
  std::vector<Value> defaults;                        // stored form
  std::vector<int> alias_of;                          // paired index or -1
  std::vector<int> charset_pair;                      // charset<->collation partner or -1
};

const Registry& Reg();

bool ParseFlagSet(const std::vector<std::string>& names, std::string_view text, uint64_t current,
                  uint64_t defaults, uint64_t* out);

// Parses a default text into the stored form (no validation errors: the
// table is trusted).
Value ParseDefault(const SysVarDef& def, const std::vector<std::string>& names) {
  if (!def.default_text) return Value::Null();
  std::string_view t = def.default_text;
  switch (def.type) {
    case SysVarType::kBool: return Value::Int(IEquals(t, "ON") ? 1 : 0);
    case SysVarType::kUInt: return Value::UInt(std::strtoull(def.default_text, nullptr, 10));
    case SysVarType::kInt: return Value::Int(std::strtoll(def.default_text, nullptr, 10));
    case SysVarType::kDouble: return Value::Double(std::strtod(def.default_text, nullptr));
    case SysVarType::kEnum:
      for (size_t i = 0; i < names.size(); i++) {
        if (IEquals(names[i], t)) return Value::UInt(i);
      }
      return Value::UInt(0);
    case SysVarType::kSet: {
      uint64_t mask = 0;
      for (const auto& el : Split(t, ',')) {
        for (size_t i = 0; i < names.size(); i++) {
          if (IEquals(names[i], el)) mask |= 1ULL << i;
        }
      }
      return Value::UInt(mask);
    }
    case SysVarType::kFlagSet: {
      uint64_t mask = 0;
      ParseFlagSet(names, t, 0, 0, &mask);
      return Value::UInt(mask);
    }
    default: return Value::String(std::string(t));
  }
}

const Registry& Reg() {
  static const Registry* reg = [] {
    auto* r = new Registry;
    r->defs.assign(std::begin(kDefs), std::end(kDefs));
    for (auto& d : r->defs) {
      for (const auto& o : kRelaydbDefaults) {
        if (d.name == o.name) d.default_text = o.value;
      }
    }
    std::sort(r->defs.begin(), r->defs.end(),
              [](const SysVarDef& a, const SysVarDef& b) { return a.name < b.name; });
    for (const auto& d : r->defs) {
      std::vector<std::string> names;
      if (d.type == SysVarType::kEnum || d.type == SysVarType::kSet ||
          d.type == SysVarType::kFlagSet) {
        names = Split(d.values, ',');
        if (d.type == SysVarType::kFlagSet && !names.empty() && names.back() == "default")
          names.pop_back();
      }
      r->value_names.push_back(std::move(names));
    }
    for (size_t i = 0; i < r->defs.size(); i++)
      r->defaults.push_back(ParseDefault(r->defs[i], r->value_names[i]));
    auto index = [r](std::string_view n) {
      auto it = std::lower_bound(r->defs.begin(), r->defs.end(), n,
                                 [](const SysVarDef& d, std::string_view x) { return d.name < x; });
      return (it != r->defs.end() && it->name == n) ? static_cast<int>(it - r->defs.begin()) : -1;
    };
    r->alias_of.assign(r->defs.size(), -1);
    for (const auto& [a, b] : kAliasPairs) {
      int ia = index(a), ib = index(b);
      if (ia >= 0 && ib >= 0) {
        r->alias_of[static_cast<size_t>(ia)] = ib;
        r->alias_of[static_cast<size_t>(ib)] = ia;
      }
    }
    r->charset_pair.assign(r->defs.size(), -1);
    for (const auto& p : kCharsetPairs) {
      int ic = index(p.charset_var), il = index(p.collation_var);
      if (ic >= 0 && il >= 0) {
        r->charset_pair[static_cast<size_t>(ic)] = il;
        r->charset_pair[static_cast<size_t>(il)] = ic;
      }
    }
    return r;
  }();
  return *reg;
}

size_t IndexOf(const SysVarDef& def) {
  return static_cast<size_t>(&def - Reg().defs.data());
}

// --- per-type conversion -------------------------------------------------------

bool ParseFlagSet(const std::vector<std::string>& names, std::string_view text, uint64_t current,
                  uint64_t defaults, uint64_t* out) {
  uint64_t mask = current;
  for (const auto& el : Split(text, ',')) {
    if (el.empty()) continue;
    if (IEquals(el, "default")) {
      mask = defaults;
      continue;
    }
    size_t eq = el.find('=');
    if (eq == std::string::npos) return false;
    std::string_view key = std::string_view(el).substr(0, eq);
    std::string_view val = std::string_view(el).substr(eq + 1);
    size_t i = 0;
    while (i < names.size() && !IEquals(names[i], key)) i++;
    if (i == names.size()) return false;
    if (IEquals(val, "on")) {
      mask |= 1ULL << i;
    } else if (IEquals(val, "off")) {
      mask &= ~(1ULL << i);
    } else if (IEquals(val, "default")) {
      mask = (mask & ~(1ULL << i)) | (defaults & (1ULL << i));
    } else {
      return false;
    }
  }
  *out = mask;
  return true;
}

// "+hh:mm" offsets in [-12:59, +13:00] and SYSTEM, as MariaDB accepts
// them without time zone tables; canonical form in `out`.
bool ParseTimeZone(std::string_view s, std::string* out) {
  if (IEquals(s, "SYSTEM")) {
    *out = "SYSTEM";
    return true;
  }
  if (s.size() < 5 || (s[0] != '+' && s[0] != '-')) return false;
  size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon < 2 || colon > 3 || s.size() != colon + 3)
    return false;
  int h = 0, m = 0;
  for (size_t i = 1; i < colon; i++) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    h = h * 10 + (s[i] - '0');
  }
  for (size_t i = colon + 1; i < s.size(); i++) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    m = m * 10 + (s[i] - '0');
  }
  if (m > 59) return false;
  int minutes = h * 60 + m;
  bool neg = s[0] == '-' && minutes != 0;
  if (neg ? minutes > 12 * 60 + 59 : minutes > 13 * 60) return false;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%c%02d:%02d", neg ? '-' : '+', h, m);
  *out = buf;
  return true;
}

bool IsNullableString(const SysVarDef& def) {
  return (def.flags & kVarNullDefault) || def.name == "character_set_results";
}

// Converts a SET value (as the executor evaluated it) to the stored form.
// `current` is the value being replaced (flag sets modify it).
Status ToStored(const SysVarDef& def, const std::vector<std::string>& names, const Value& in,
                const Value& current, uint64_t default_mask, Value* out,
                std::vector<AdminWarning>* warnings) {
  using K = Value::Kind;
  switch (def.type) {
    case SysVarType::kBool: {
      if (in.kind() == K::kInt || in.kind() == K::kUInt) {
        bool neg = in.kind() == K::kInt && in.int_value() < 0;
        uint64_t v = in.kind() == K::kInt ? static_cast<uint64_t>(in.int_value()) : in.uint_value();
        if (neg || v > 1) return ErrWrongValue(def, ValueText(in));
        *out = Value::Int(static_cast<int64_t>(v));
        return Status::Ok();
      }
      if (in.kind() == K::kString) {
        if (IEquals(in.string_value(), "ON")) {
          *out = Value::Int(1);
          return Status::Ok();
        }
        if (IEquals(in.string_value(), "OFF")) {
          *out = Value::Int(0);
          return Status::Ok();
        }
        return ErrWrongValue(def, in.string_value());
      }
      if (in.is_null()) return ErrWrongValue(def, "NULL");
      return ErrWrongType(def);
    }
    case SysVarType::kUInt:
    case SysVarType::kInt: {
      if (in.kind() != K::kInt && in.kind() != K::kUInt) return ErrWrongType(def);
      bool is_signed = def.type == SysVarType::kInt;
      // Work in a wide signed domain: __int128 holds both int64 and uint64.
      __int128 v = in.kind() == K::kInt ? static_cast<__int128>(in.int_value())
                                        : static_cast<__int128>(in.uint_value());
      __int128 lo = def.min;
      __int128 hi = is_signed ? static_cast<__int128>(static_cast<int64_t>(def.max))
                              : static_cast<__int128>(def.max);
      __int128 r = v;
      if (r > hi) r = hi;
      if (def.block > 1 && r > 0) r = (r / static_cast<__int128>(def.block)) * def.block;
      if (r < lo) r = lo;
      if (r != v) WarnTruncated(def, in, warnings);
      *out = is_signed ? Value::Int(static_cast<int64_t>(r)) : Value::UInt(static_cast<uint64_t>(r));
      return Status::Ok();
    }
    case SysVarType::kDouble: {
      double v;
      if (in.kind() == K::kInt) {
        v = static_cast<double>(in.int_value());
      } else if (in.kind() == K::kUInt) {
        v = static_cast<double>(in.uint_value());
      } else if (in.kind() == K::kDouble) {
        v = in.double_value();
      } else {
        return ErrWrongType(def);
      }
      double r = std::min(std::max(v, def.dmin), def.dmax);
      if (r != v) WarnTruncated(def, in, warnings);
      *out = Value::Double(r);
      return Status::Ok();
    }
    case SysVarType::kEnum: {
      if (in.kind() == K::kInt || in.kind() == K::kUInt) {
        bool neg = in.kind() == K::kInt && in.int_value() < 0;
        uint64_t v = in.kind() == K::kInt ? static_cast<uint64_t>(in.int_value()) : in.uint_value();
        if (neg || v >= names.size()) return ErrWrongValue(def, ValueText(in));
        *out = Value::UInt(v);
        return Status::Ok();
      }
      if (in.kind() == K::kString) {
        for (size_t i = 0; i < names.size(); i++) {
          if (IEquals(names[i], in.string_value())) {
            *out = Value::UInt(i);
            return Status::Ok();
          }
        }
        return ErrWrongValue(def, in.string_value());
      }
      if (in.is_null()) return ErrWrongValue(def, "NULL");
      return ErrWrongType(def);
    }
    case SysVarType::kSet: {
      bool sql_mode = def.name == "sql_mode";
      uint64_t all = names.size() >= 64 ? ~0ULL : (1ULL << names.size()) - 1;
      if (in.kind() == K::kInt || in.kind() == K::kUInt) {
        bool neg = in.kind() == K::kInt && in.int_value() < 0;
        uint64_t v = in.kind() == K::kInt ? static_cast<uint64_t>(in.int_value()) : in.uint_value();
        if (neg || (v & ~all)) return ErrWrongValue(def, ValueText(in));
        *out = Value::UInt(sql_mode ? ExpandSqlMode(v) : v);
        return Status::Ok();
      }
      if (in.kind() == K::kString) {
        uint64_t mask = 0;
        for (const auto& el : Split(in.string_value(), ',')) {
          std::string_view e = el;
          while (!e.empty() && e.back() == ' ') e.remove_suffix(1);
          if (e.empty()) continue;
          size_t i = 0;
          while (i < names.size() && !IEquals(names[i], e)) i++;
          if (i == names.size()) return ErrWrongValue(def, el);
          mask |= 1ULL << i;
        }
        *out = Value::UInt(sql_mode ? ExpandSqlMode(mask) : mask);
        return Status::Ok();
      }
      if (in.is_null()) return ErrWrongValue(def, "NULL");
      return ErrWrongType(def);
    }
    case SysVarType::kFlagSet: {
      if (in.kind() == K::kString) {
        uint64_t mask = 0;
        uint64_t cur = current.kind() == K::kUInt ? current.uint_value() : default_mask;
        if (!ParseFlagSet(names, in.string_value(), cur, default_mask, &mask))
          return ErrWrongValue(def, in.string_value());
        *out = Value::UInt(mask);
        return Status::Ok();
      }
      if (in.is_null()) return ErrWrongValue(def, "NULL");
      return ErrWrongType(def);
    }
    case SysVarType::kString: {
      if (in.is_null()) {
        if (def.name == "time_zone" || def.name.find("storage_engine") != std::string_view::npos) {
          if (def.name != "enforce_storage_engine") return ErrWrongValue(def, "NULL");
        }
        *out = IsNullableString(def) ? Value::Null() : Value::String("");
        return Status::Ok();
      }
      if (in.kind() != K::kString) return ErrWrongType(def);
      const std::string& s = in.string_value();
      if (def.name == "time_zone") {
        std::string tz;
        if (!ParseTimeZone(s, &tz))
          return Status::SqlError(1298, "HY000", "Unknown or incorrect time zone: '" + s + "'");
        *out = Value::String(tz);
        return Status::Ok();
      }
      if (def.name == "default_storage_engine" || def.name == "storage_engine" ||
          ((def.name == "default_tmp_storage_engine" || def.name == "enforce_storage_engine") &&
           !s.empty())) {
        for (const char* e : kStorageEngines) {
          if (IEquals(e, s)) {
            *out = Value::String(e);
            return Status::Ok();
          }
        }
        return Status::SqlError(1286, "42000", "Unknown storage engine '" + s + "'");
      }
      *out = in;
      return Status::Ok();
    }
    case SysVarType::kCharset: {
      if (in.is_null()) {
        if (IsNullableString(def)) {
          *out = Value::Null();
          return Status::Ok();
        }
        return ErrWrongValue(def, "NULL");
      }
      const CollationInfo* c = nullptr;
      if (in.kind() == K::kInt || in.kind() == K::kUInt) {
        uint64_t id = in.kind() == K::kInt ? static_cast<uint64_t>(in.int_value()) : in.uint_value();
        c = id <= 0xffff ? FindCollationById(static_cast<uint16_t>(id)) : nullptr;
        if (!c)
          return Status::SqlError(1115, "42000",
                                  "Unknown character set: '" + ValueText(in) + "'");
      } else if (in.kind() == K::kString) {
        c = DefaultCollationInfo(in.string_value());
        if (!c)
          return Status::SqlError(1115, "42000",
                                  "Unknown character set: '" + in.string_value() + "'");
      } else {
        return ErrWrongType(def);
      }
      *out = Value::String(c->charset);
      return Status::Ok();
    }
    case SysVarType::kCollation: {
      if (in.is_null()) return ErrWrongValue(def, "NULL");
      const CollationInfo* c = nullptr;
      if (in.kind() == K::kInt || in.kind() == K::kUInt) {
        uint64_t id = in.kind() == K::kInt ? static_cast<uint64_t>(in.int_value()) : in.uint_value();
        c = id <= 0xffff ? FindCollationById(static_cast<uint16_t>(id)) : nullptr;
        if (!c) return Status::SqlError(1273, "HY000", "Unknown collation: '" + ValueText(in) + "'");
      } else if (in.kind() == K::kString) {
        c = FindCollation(in.string_value());
        if (!c)
          return Status::SqlError(1273, "HY000", "Unknown collation: '" + in.string_value() + "'");
      } else {
        return ErrWrongType(def);
      }
      *out = Value::String(c->name);
      return Status::Ok();
    }
    case SysVarType::kLocale: {
      if (in.is_null()) return ErrWrongValue(def, "NULL");
      if (in.kind() != K::kString) return ErrWrongType(def);
      for (const char* l : kLocales) {
        if (IEquals(l, in.string_value())) {
          *out = Value::String(l);
          return Status::Ok();
        }
      }
      return Status::SqlError(1649, "HY000", "Unknown locale: '" + in.string_value() + "'");
    }
  }
  return ErrWrongType(def);
}

std::string SetText(const std::vector<std::string>& names, uint64_t mask) {
  std::string out;
  for (size_t i = 0; i < names.size(); i++) {
    if (!(mask & (1ULL << i))) continue;
    if (!out.empty()) out += ",";
    out += names[i];
  }
  return out;
}

// Stored -> SHOW VARIABLES text.
std::string StoredText(const SysVarDef& def, const std::vector<std::string>& names,
                       const Value& v) {
  if (v.is_null()) return "";
  switch (def.type) {
    case SysVarType::kBool: return v.int_value() ? "ON" : "OFF";
    case SysVarType::kDouble: return FormatFixed6(v.double_value());
    case SysVarType::kEnum:
      return v.uint_value() < names.size() ? names[v.uint_value()] : std::string();
    case SysVarType::kSet: return SetText(names, v.uint_value());
    case SysVarType::kFlagSet: {
      std::string out;
      for (size_t i = 0; i < names.size(); i++) {
        if (!out.empty()) out += ",";
        out += names[i] + ((v.uint_value() & (1ULL << i)) ? "=on" : "=off");
      }
      return out;
    }
    default: return v.ToText();
  }
}

// Stored -> typed (SELECT @@x).
Value StoredTyped(const SysVarDef& def, const std::vector<std::string>& names, const Value& v) {
  switch (def.type) {
    case SysVarType::kBool:
    case SysVarType::kUInt:
    case SysVarType::kInt:
    case SysVarType::kDouble: return v;
    case SysVarType::kEnum:
    case SysVarType::kSet:
    case SysVarType::kFlagSet: return Value::String(StoredText(def, names, v));
    default: return v;
  }
}

// Typed (a provider's answer) -> SHOW text.
std::string TypedText(const SysVarDef& def, const Value& v) {
  if (v.is_null()) return "";
  if (def.type == SysVarType::kBool) return v.ToText() == "0" ? "OFF" : "ON";
  if (def.type == SysVarType::kDouble && v.kind() == Value::Kind::kDouble)
    return FormatFixed6(v.double_value());
  return v.ToText();
}

uint64_t DefaultMask(size_t index) {
  const Value& d = Reg().defaults[index];
  return d.kind() == Value::Kind::kUInt ? d.uint_value() : 0;
}

double NowSeconds() {
  auto now = std::chrono::system_clock::now().time_since_epoch();
  return static_cast<double>(std::chrono::duration_cast<std::chrono::microseconds>(now).count()) /
         1e6;
}

}  // namespace

// ---------------------------------------------------------------------------
// sql_mode
// ---------------------------------------------------------------------------

uint64_t ExpandSqlMode(uint64_t mode) {
  if (mode & kModeAnsi)
    mode |= kModeRealAsFloat | kModePipesAsConcat | kModeAnsiQuotes | kModeIgnoreSpace;
  if (mode & kModeOracle)
    mode |= kModePipesAsConcat | kModeAnsiQuotes | kModeIgnoreSpace | kModeNoKeyOptions |
            kModeNoTableOptions | kModeNoFieldOptions | kModeNoAutoCreateUser |
            kModeSimultaneousAssignment;
  if (mode & (kModePostgresql | kModeMssql | kModeDb2))
    mode |= kModePipesAsConcat | kModeAnsiQuotes | kModeIgnoreSpace | kModeNoKeyOptions |
            kModeNoTableOptions | kModeNoFieldOptions;
  if (mode & kModeMaxdb)
    mode |= kModePipesAsConcat | kModeAnsiQuotes | kModeIgnoreSpace | kModeNoKeyOptions |
            kModeNoTableOptions | kModeNoFieldOptions | kModeNoAutoCreateUser;
  if (mode & (kModeMysql323 | kModeMysql40)) mode |= kModeHighNotPrecedence;
  if (mode & kModeTraditional)
    mode |= kModeStrictTransTables | kModeStrictAllTables | kModeNoZeroInDate | kModeNoZeroDate |
            kModeErrorForDivisionByZero | kModeNoAutoCreateUser | kModeNoEngineSubstitution;
  return mode;
}

bool ParseSqlMode(std::string_view text, uint64_t* mode, std::string* bad) {
  const auto& reg = Reg();
  int idx = SysVarIndex("sql_mode");
  const auto& names = reg.value_names[static_cast<size_t>(idx)];
  uint64_t mask = 0;
  for (const auto& el : Split(text, ',')) {
    std::string_view e = el;
    while (!e.empty() && e.back() == ' ') e.remove_suffix(1);
    if (e.empty()) continue;
    size_t i = 0;
    while (i < names.size() && !IEquals(names[i], e)) i++;
    if (i == names.size()) {
      if (bad) *bad = el;
      return false;
    }
    mask |= 1ULL << i;
  }
  *mode = ExpandSqlMode(mask);
  return true;
}

std::string SqlModeToString(uint64_t mode) {
  int idx = SysVarIndex("sql_mode");
  return SetText(Reg().value_names[static_cast<size_t>(idx)], mode);
}

// ---------------------------------------------------------------------------
// Definitions API
// ---------------------------------------------------------------------------

const std::vector<SysVarDef>& AllSysVars() { return Reg().defs; }

int SysVarIndex(std::string_view name) {
  std::string n = Lower(name);
  const auto& defs = Reg().defs;
  auto it = std::lower_bound(defs.begin(), defs.end(), std::string_view(n),
                             [](const SysVarDef& d, std::string_view x) { return d.name < x; });
  if (it == defs.end() || it->name != n) return -1;
  return static_cast<int>(it - defs.begin());
}

SysVarColumn SysVarColumnType(const SysVarDef& def) {
  switch (def.type) {
    case SysVarType::kBool:
    case SysVarType::kInt: return {kTypeLongLong, false, 0};
    case SysVarType::kUInt: return {kTypeLongLong, true, 0};
    case SysVarType::kDouble: return {kTypeDouble, false, 6};
    default: return {kTypeVarString, false, 39};
  }
}

PrivMask SysVarSetPrivilege(const SysVarDef& def, SysVarScope scope) {
  bool global = scope == SysVarScope::kGlobal || !def.has_session();
  return global ? def.global_priv : def.session_priv;
}

const CollationInfo* FindCollation(std::string_view name) {
  std::string n = Lower(name);
  if (n.rfind("utf8_", 0) == 0) n = "utf8mb3_" + n.substr(5);
  for (const auto& c : kCollations) {
    if (n == c.name) return &c;
  }
  return nullptr;
}

const CollationInfo* FindCollationById(uint16_t id) {
  for (const auto& c : kCollations) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

const CollationInfo* DefaultCollationInfo(std::string_view charset) {
  std::string n = Lower(charset);
  if (n == "utf8") n = "utf8mb3";
  for (const auto& c : kCollations) {
    if (c.is_default && n == c.charset) return &c;
  }
  return nullptr;
}

// ---------------------------------------------------------------------------
// GlobalVariables
// ---------------------------------------------------------------------------

GlobalVariables::GlobalVariables() {
  const auto& reg = Reg();
  values_ = reg.defaults;
  hooks_.resize(reg.defs.size());
  providers_.resize(reg.defs.size());
  char host[256] = {0};
  if (gethostname(host, sizeof host - 1) == 0) Force("hostname", Value::String(host));
  Force("version_ssl_library", Value::String(OpenSSL_version(OPENSSL_VERSION)));
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  if (localtime_r(&t, &tm) && tm.tm_zone) Force("system_time_zone", Value::String(tm.tm_zone));
  // Auto-sized in mariadbd from the machine.
  rlimit rl{};
  if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
    Force("open_files_limit", Value::UInt(static_cast<uint64_t>(rl.rlim_cur)));
  long cpus = sysconf(_SC_NPROCESSORS_ONLN);
  if (cpus > 0) Force("thread_pool_size", Value::UInt(static_cast<uint64_t>(cpus)));
}

void GlobalVariables::EnableExtensions(bool on) { extensions_.store(on); }

const SysVarDef* GlobalVariables::Find(std::string_view name) const {
  int i = SysVarIndex(name);
  if (i < 0) return nullptr;
  const SysVarDef& def = Reg().defs[static_cast<size_t>(i)];
  if ((def.flags & kVarExtension) && !extensions_.load()) return nullptr;
  return &def;
}

Value GlobalVariables::StoredLocked(size_t index) const { return values_[index]; }

Value GlobalVariables::Stored(size_t index) const {
  std::shared_lock l(mu_);
  return values_[index];
}

Value GlobalVariables::GetValue(const SysVarDef& def) const {
  size_t i = IndexOf(def);
  if (providers_[i]) return providers_[i]();
  return StoredTyped(def, Reg().value_names[i], Stored(i));
}

std::string GlobalVariables::GetText(const SysVarDef& def) const {
  size_t i = IndexOf(def);
  if (providers_[i]) return TypedText(def, providers_[i]());
  return StoredText(def, Reg().value_names[i], Stored(i));
}

Result<Value> GlobalVariables::Get(std::string_view name) const {
  const SysVarDef* def = Find(name);
  if (!def) return ErrUnknown(name);
  if (!def->has_global()) return ErrIsScope(*def, "SESSION");
  return GetValue(*def);
}

Status GlobalVariables::SetCommon(const SysVarDef& def, const Value* value,
                                  std::vector<AdminWarning>* warnings) {
  const auto& reg = Reg();
  size_t i = IndexOf(def);
  Value stored;
  if (value) {
    RETURN_IF_ERROR(ToStored(def, reg.value_names[i], *value, Stored(i), DefaultMask(i), &stored,
                             warnings));
  } else {
    stored = reg.defaults[i];
  }
  if (def.name == "max_allowed_packet" && warnings &&
      stored.uint_value() < GetUInt("net_buffer_length")) {
    warnings->push_back({AdminWarning::Level::kWarning, 1708,
                         "The value of 'max_allowed_packet' should be no less than the value of "
                         "'net_buffer_length'"});
  }
  if (hooks_[i]) RETURN_IF_ERROR(hooks_[i](def, StoredTyped(def, reg.value_names[i], stored)));
  std::unique_lock l(mu_);
  values_[i] = stored;
  if (reg.alias_of[i] >= 0) values_[static_cast<size_t>(reg.alias_of[i])] = stored;
  int pair = reg.charset_pair[i];
  if (pair >= 0 && !stored.is_null()) {
    const CollationInfo* c = def.type == SysVarType::kCharset
                                 ? DefaultCollationInfo(stored.string_value())
                                 : FindCollation(stored.string_value());
    if (c) {
      values_[static_cast<size_t>(pair)] =
          Value::String(def.type == SysVarType::kCharset ? c->name : c->charset);
    }
  }
  return Status::Ok();
}

Status GlobalVariables::Set(std::string_view name, const Value& value,
                            std::vector<AdminWarning>* warnings, PrivMask caller_privs) {
  const SysVarDef* def = Find(name);
  if (!def) return ErrUnknown(name);
  if (def->read_only()) return ErrReadOnly(*def);
  if (!def->has_global()) return ErrNoGlobal(*def);
  if (def->flags & kVarNoSetGlobal) return ErrIsScope(*def, "SESSION");
  if (def->global_priv && !(caller_privs & def->global_priv))
    return SpecificAccessDenied(def->global_priv);
  return SetCommon(*def, &value, warnings);
}

Status GlobalVariables::SetDefault(std::string_view name, std::vector<AdminWarning>* warnings,
                                   PrivMask caller_privs) {
  const SysVarDef* def = Find(name);
  if (!def) return ErrUnknown(name);
  if (def->read_only()) return ErrReadOnly(*def);
  if (!def->has_global()) return ErrNoGlobal(*def);
  if (def->flags & kVarNoSetGlobal) return ErrIsScope(*def, "SESSION");
  if (def->global_priv && !(caller_privs & def->global_priv))
    return SpecificAccessDenied(def->global_priv);
  return SetCommon(*def, nullptr, warnings);
}

Status GlobalVariables::SetInitial(std::string_view name, const Value& value,
                                   std::vector<AdminWarning>* warnings) {
  const SysVarDef* def = Find(name);
  if (!def) return ErrUnknown(name);
  if (!def->has_global()) return ErrNoGlobal(*def);
  return SetCommon(*def, &value, warnings);
}

bool GlobalVariables::Force(std::string_view name, Value value) {
  int i = SysVarIndex(name);
  if (i < 0) return false;
  const SysVarDef& def = Reg().defs[static_cast<size_t>(i)];
  const auto& names = Reg().value_names[static_cast<size_t>(i)];
  // Accept the typed form for enum/set variables too.
  if (value.kind() == Value::Kind::kString &&
      (def.type == SysVarType::kEnum || def.type == SysVarType::kSet)) {
    Value stored;
    if (ToStored(def, names, value, Value(), 0, &stored, nullptr).ok()) value = stored;
  }
  std::unique_lock l(mu_);
  values_[static_cast<size_t>(i)] = std::move(value);
  return true;
}

void GlobalVariables::OnChange(std::string_view name, Hook hook) {
  int i = SysVarIndex(name);
  if (i >= 0) hooks_[static_cast<size_t>(i)] = std::move(hook);
}

void GlobalVariables::SetProvider(std::string_view name, Provider provider) {
  int i = SysVarIndex(name);
  if (i >= 0) providers_[static_cast<size_t>(i)] = std::move(provider);
}

std::vector<std::pair<std::string, std::string>> GlobalVariables::Show(
    std::optional<std::string_view> like) const {
  std::vector<std::pair<std::string, std::string>> rows;
  bool ext = extensions_.load();
  for (const auto& def : Reg().defs) {
    if (!def.has_global()) continue;
    if ((def.flags & kVarExtension) && !ext) continue;
    if (like && !WildMatch(def.name, *like, true)) continue;
    rows.emplace_back(std::string(def.name), GetText(def));
  }
  return rows;
}

uint64_t GlobalVariables::GetUInt(std::string_view name) const {
  const SysVarDef* def = Find(name);
  if (!def) return 0;
  Value v = GetValue(*def);
  if (v.kind() == Value::Kind::kUInt) return v.uint_value();
  if (v.kind() == Value::Kind::kInt) return static_cast<uint64_t>(v.int_value());
  if (v.kind() == Value::Kind::kDouble) return static_cast<uint64_t>(v.double_value());
  return 0;
}

bool GlobalVariables::GetBool(std::string_view name) const { return GetUInt(name) != 0; }

std::string GlobalVariables::GetString(std::string_view name) const {
  const SysVarDef* def = Find(name);
  if (!def) return "";
  Value v = GetValue(*def);
  return v.is_null() ? std::string() : v.ToText();
}

// ---------------------------------------------------------------------------
// SessionVariables
// ---------------------------------------------------------------------------

namespace {

using HotApply = void (*)(SessionHot&, const Value&);
struct HotBinding {
  const char* name;
  HotApply apply;
};

bool B(const Value& v) { return v.kind() == Value::Kind::kInt ? v.int_value() != 0 : v.uint_value() != 0; }
uint64_t U(const Value& v) {
  return v.kind() == Value::Kind::kInt ? static_cast<uint64_t>(v.int_value()) : v.uint_value();
}
std::string Str(const Value& v) { return v.is_null() ? std::string() : v.string_value(); }

const HotBinding kHotBindings[] = {
    {"autocommit", [](SessionHot& h, const Value& v) { h.autocommit = B(v); }},
    {"sql_mode", [](SessionHot& h, const Value& v) { h.sql_mode = U(v); }},
    {"binlog_format",
     [](SessionHot& h, const Value& v) { h.binlog_format = static_cast<BinlogFormat>(U(v)); }},
    {"binlog_row_image",
     [](SessionHot& h, const Value& v) { h.binlog_row_image = static_cast<BinlogRowImage>(U(v)); }},
    {"sql_log_bin", [](SessionHot& h, const Value& v) { h.sql_log_bin = B(v); }},
    {"time_zone", [](SessionHot& h, const Value& v) { h.time_zone = Str(v); }},
    {"insert_id", [](SessionHot& h, const Value& v) { h.insert_id = U(v); }},
    {"last_insert_id", [](SessionHot& h, const Value& v) { h.last_insert_id = U(v); }},
    {"auto_increment_increment",
     [](SessionHot& h, const Value& v) { h.auto_increment_increment = U(v); }},
    {"auto_increment_offset", [](SessionHot& h, const Value& v) { h.auto_increment_offset = U(v); }},
    {"max_allowed_packet", [](SessionHot& h, const Value& v) { h.max_allowed_packet = U(v); }},
    {"character_set_client", [](SessionHot& h, const Value& v) { h.character_set_client = Str(v); }},
    {"character_set_connection",
     [](SessionHot& h, const Value& v) { h.character_set_connection = Str(v); }},
    {"character_set_results",
     [](SessionHot& h, const Value& v) { h.character_set_results = Str(v); }},
    {"collation_connection", [](SessionHot& h, const Value& v) { h.collation_connection = Str(v); }},
    {"character_set_database",
     [](SessionHot& h, const Value& v) { h.character_set_database = Str(v); }},
    {"collation_database", [](SessionHot& h, const Value& v) { h.collation_database = Str(v); }},
    {"character_set_server", [](SessionHot& h, const Value& v) { h.character_set_server = Str(v); }},
    {"collation_server", [](SessionHot& h, const Value& v) { h.collation_server = Str(v); }},
    {"lc_time_names", [](SessionHot& h, const Value& v) { h.lc_time_names = Str(v); }},
    {"foreign_key_checks", [](SessionHot& h, const Value& v) { h.foreign_key_checks = B(v); }},
    {"unique_checks", [](SessionHot& h, const Value& v) { h.unique_checks = B(v); }},
    {"sql_auto_is_null", [](SessionHot& h, const Value& v) { h.sql_auto_is_null = B(v); }},
    {"sql_safe_updates", [](SessionHot& h, const Value& v) { h.sql_safe_updates = B(v); }},
    {"explicit_defaults_for_timestamp",
     [](SessionHot& h, const Value& v) { h.explicit_defaults_for_timestamp = B(v); }},
    {"sql_select_limit", [](SessionHot& h, const Value& v) { h.sql_select_limit = U(v); }},
    {"tx_isolation",
     [](SessionHot& h, const Value& v) { h.tx_isolation = static_cast<TxIsolation>(U(v)); }},
    {"tx_read_only", [](SessionHot& h, const Value& v) { h.tx_read_only = B(v); }},
    {"div_precision_increment",
     [](SessionHot& h, const Value& v) { h.div_precision_increment = U(v); }},
    {"group_concat_max_len", [](SessionHot& h, const Value& v) { h.group_concat_max_len = U(v); }},
    {"max_sort_length", [](SessionHot& h, const Value& v) { h.max_sort_length = U(v); }},
    {"default_week_format", [](SessionHot& h, const Value& v) { h.default_week_format = U(v); }},
    {"server_id", [](SessionHot& h, const Value& v) { h.server_id = U(v); }},
    {"gtid_domain_id", [](SessionHot& h, const Value& v) { h.gtid_domain_id = U(v); }},
    {"gtid_seq_no", [](SessionHot& h, const Value& v) { h.gtid_seq_no = U(v); }},
    {"skip_replication", [](SessionHot& h, const Value& v) { h.skip_replication = B(v); }},
    {"pseudo_thread_id", [](SessionHot& h, const Value& v) { h.pseudo_thread_id = U(v); }},
    {"wait_timeout", [](SessionHot& h, const Value& v) { h.wait_timeout = U(v); }},
    {"interactive_timeout", [](SessionHot& h, const Value& v) { h.interactive_timeout = U(v); }},
    {"net_read_timeout", [](SessionHot& h, const Value& v) { h.net_read_timeout = U(v); }},
    {"net_write_timeout", [](SessionHot& h, const Value& v) { h.net_write_timeout = U(v); }},
    {"lock_wait_timeout", [](SessionHot& h, const Value& v) { h.lock_wait_timeout = U(v); }},
    {"innodb_lock_wait_timeout",
     [](SessionHot& h, const Value& v) { h.innodb_lock_wait_timeout = U(v); }},
    {"default_storage_engine",
     [](SessionHot& h, const Value& v) { h.default_storage_engine = Str(v); }},
};

const std::vector<HotApply>& HotTable() {
  static const std::vector<HotApply>* table = [] {
    auto* t = new std::vector<HotApply>(Reg().defs.size(), nullptr);
    for (const auto& b : kHotBindings) {
      int i = SysVarIndex(b.name);
      if (i >= 0) (*t)[static_cast<size_t>(i)] = b.apply;
    }
    return t;
  }();
  return *table;
}

}  // namespace

SessionVariables::SessionVariables(GlobalVariables* globals) : globals_(globals) {
  const auto& reg = Reg();
  {
    std::shared_lock l(globals_->mu_);
    values_.resize(reg.defs.size());
    for (size_t i = 0; i < reg.defs.size(); i++) {
      const SysVarDef& d = reg.defs[i];
      if (!d.has_session()) continue;
      values_[i] = d.has_global() ? globals_->values_[i] : reg.defaults[i];
    }
  }
  for (size_t i = 0; i < reg.defs.size(); i++) Refresh(i);
}

void SessionVariables::Refresh(size_t index) {
  HotApply apply = HotTable()[index];
  if (apply) apply(hot_, values_[index]);
}

Value SessionVariables::SessionTyped(const SysVarDef& def, size_t index) const {
  if (provider_) {
    if (auto v = provider_(def)) return *v;
  }
  if (def.name == "timestamp") return Value::Double(hot_.timestamp ? *hot_.timestamp : NowSeconds());
  return StoredTyped(def, Reg().value_names[index], values_[index]);
}

Result<Value> SessionVariables::Get(SysVarScope scope, std::string_view name) const {
  const SysVarDef* def = globals_->Find(name);
  if (!def) return ErrUnknown(name);
  if (scope == SysVarScope::kGlobal) {
    if (!def->has_global()) return ErrIsScope(*def, "SESSION");
    return globals_->GetValue(*def);
  }
  if (!def->has_session()) {
    if (scope == SysVarScope::kSession) return ErrIsScope(*def, "GLOBAL");
    return globals_->GetValue(*def);
  }
  return SessionTyped(*def, IndexOf(*def));
}

Status SessionVariables::SetStored(const SysVarDef& def, size_t index, Value stored) {
  const auto& reg = Reg();
  if (def.name == "timestamp") {
    double d = stored.double_value();
    hot_.timestamp = d == 0 ? std::nullopt : std::optional<double>(d);
  }
  values_[index] = stored;
  Refresh(index);
  auto also = [&](int other, Value v) {
    if (other < 0) return;
    values_[static_cast<size_t>(other)] = std::move(v);
    Refresh(static_cast<size_t>(other));
  };
  also(reg.alias_of[index], stored);
  if (def.name == "identity") also(SysVarIndex("last_insert_id"), stored);
  if (def.name == "last_insert_id") also(SysVarIndex("identity"), stored);
  int pair = reg.charset_pair[index];
  if (pair >= 0 && !stored.is_null()) {
    const CollationInfo* c = def.type == SysVarType::kCharset
                                 ? DefaultCollationInfo(stored.string_value())
                                 : FindCollation(stored.string_value());
    if (c) also(pair, Value::String(def.type == SysVarType::kCharset ? c->name : c->charset));
  }
  return Status::Ok();
}

Status SessionVariables::Set(SysVarScope scope, std::string_view name, const Value& value,
                             std::vector<AdminWarning>* warnings, PrivMask caller_privs) {
  if (scope == SysVarScope::kGlobal) return globals_->Set(name, value, warnings, caller_privs);
  const SysVarDef* def = globals_->Find(name);
  if (!def) return ErrUnknown(name);
  if (def->read_only()) return ErrReadOnly(*def);
  if (!def->has_session()) return ErrNeedGlobal(*def);
  if (def->session_priv && !(caller_privs & def->session_priv))
    return SpecificAccessDenied(def->session_priv);
  size_t i = IndexOf(*def);
  Value stored;
  RETURN_IF_ERROR(ToStored(*def, Reg().value_names[i], value, values_[i], DefaultMask(i), &stored,
                           warnings));
  if (def->flags & kVarSessionReadOnly) return ErrSessionReadOnly(*def);
  return SetStored(*def, i, std::move(stored));
}

Status SessionVariables::SetDefault(SysVarScope scope, std::string_view name,
                                    std::vector<AdminWarning>* warnings, PrivMask caller_privs) {
  if (scope == SysVarScope::kGlobal) return globals_->SetDefault(name, warnings, caller_privs);
  const SysVarDef* def = globals_->Find(name);
  if (!def) return ErrUnknown(name);
  if (def->read_only()) return ErrReadOnly(*def);
  if (!def->has_session()) return ErrNeedGlobal(*def);
  if (def->session_priv && !(caller_privs & def->session_priv))
    return SpecificAccessDenied(def->session_priv);
  if (def->flags & kVarSessionReadOnly) return ErrSessionReadOnly(*def);
  size_t i = IndexOf(*def);
  Value stored = def->has_global() ? globals_->Stored(i) : Reg().defaults[i];
  return SetStored(*def, i, std::move(stored));
}

Status SessionVariables::SetNames(std::string_view charset, std::string_view collation) {
  const CollationInfo* cs = nullptr;
  if (charset.empty()) {
    cs = DefaultCollationInfo(globals_->GetString("character_set_server"));
  } else {
    cs = DefaultCollationInfo(charset);
    if (!cs)
      return Status::SqlError(1115, "42000", "Unknown character set: '" + std::string(charset) + "'");
  }
  if (!cs) return Status::SqlError(1115, "42000", "Unknown character set: ''");
  const CollationInfo* coll = cs;
  if (!collation.empty()) {
    coll = FindCollation(collation);
    if (!coll)
      return Status::SqlError(1273, "HY000", "Unknown collation: '" + std::string(collation) + "'");
    if (std::strcmp(coll->charset, cs->charset) != 0)
      return Status::SqlError(1253, "42000",
                              "COLLATION '" + std::string(coll->name) +
                                  "' is not valid for CHARACTER SET '" + cs->charset + "'");
  }
  auto set = [&](const char* var, const char* v) {
    int i = SysVarIndex(var);
    values_[static_cast<size_t>(i)] = Value::String(v);
    Refresh(static_cast<size_t>(i));
  };
  set("character_set_client", cs->charset);
  set("character_set_results", cs->charset);
  set("character_set_connection", cs->charset);
  set("collation_connection", coll->name);
  return Status::Ok();
}

Status SessionVariables::SetCharacterSet(std::string_view charset) {
  const CollationInfo* cs = nullptr;
  if (charset.empty()) {
    cs = DefaultCollationInfo(globals_->GetString("character_set_server"));
  } else {
    cs = DefaultCollationInfo(charset);
    if (!cs)
      return Status::SqlError(1115, "42000", "Unknown character set: '" + std::string(charset) + "'");
  }
  if (!cs) return Status::SqlError(1115, "42000", "Unknown character set: ''");
  auto set = [&](const char* var, const std::string& v) {
    int i = SysVarIndex(var);
    values_[static_cast<size_t>(i)] = Value::String(v);
    Refresh(static_cast<size_t>(i));
  };
  set("character_set_client", cs->charset);
  set("character_set_results", cs->charset);
  const CollationInfo* db = DefaultCollationInfo(hot_.character_set_database);
  if (db) {
    set("character_set_connection", db->charset);
    set("collation_connection", db->name);
  }
  return Status::Ok();
}

std::vector<std::pair<std::string, std::string>> SessionVariables::Show(
    SysVarScope scope, std::optional<std::string_view> like) const {
  if (scope == SysVarScope::kGlobal) return globals_->Show(like);
  std::vector<std::pair<std::string, std::string>> rows;
  bool ext = globals_->extensions_enabled();
  const auto& reg = Reg();
  for (size_t i = 0; i < reg.defs.size(); i++) {
    const SysVarDef& def = reg.defs[i];
    if ((def.flags & kVarExtension) && !ext) continue;
    if (like && !WildMatch(def.name, *like, true)) continue;
    std::string text;
    if (!def.has_session()) {
      text = globals_->GetText(def);
    } else if (provider_ || def.name == "timestamp") {
      text = TypedText(def, SessionTyped(def, i));
    } else {
      text = StoredText(def, reg.value_names[i], values_[i]);
    }
    rows.emplace_back(std::string(def.name), std::move(text));
  }
  return rows;
}

void SessionVariables::set_last_insert_id(uint64_t v) {
  for (const char* n : {"last_insert_id", "identity"}) {
    size_t i = static_cast<size_t>(SysVarIndex(n));
    values_[i] = Value::UInt(v);
    Refresh(i);
  }
}

void SessionVariables::set_insert_id(uint64_t v) {
  size_t i = static_cast<size_t>(SysVarIndex("insert_id"));
  values_[i] = Value::UInt(v);
  Refresh(i);
}

void SessionVariables::set_pseudo_thread_id(uint64_t v) {
  size_t i = static_cast<size_t>(SysVarIndex("pseudo_thread_id"));
  values_[i] = Value::UInt(v);
  Refresh(i);
}

void SessionVariables::set_timestamp(std::optional<double> v) {
  size_t i = static_cast<size_t>(SysVarIndex("timestamp"));
  values_[i] = Value::Double(v ? *v : 0);
  hot_.timestamp = v;
}

void SessionVariables::set_gtid_seq_no(uint64_t v) {
  size_t i = static_cast<size_t>(SysVarIndex("gtid_seq_no"));
  values_[i] = Value::UInt(v);
  Refresh(i);
}

// ---------------------------------------------------------------------------
// Status
// ---------------------------------------------------------------------------

namespace {

const char* const kHotStatusNames[] = {
    "Aborted_clients", "Aborted_connects", "Access_denied_errors", "Binlog_bytes_written",
    "Binlog_commits", "Binlog_group_commits", "Bytes_received", "Bytes_sent",
    "Com_admin_commands", "Com_begin", "Com_change_db", "Com_commit", "Com_delete", "Com_insert",
    "Com_insert_select", "Com_replace", "Com_rollback", "Com_select", "Com_set_option",
    "Com_update", "Connections", "Created_tmp_tables", "Empty_queries", "Handler_commit",
    "Handler_delete", "Handler_read_rnd_next", "Handler_rollback", "Handler_update",
    "Handler_write", "Max_used_connections", "Open_tables", "Opened_tables", "Prepared_stmt_count",
    "Queries", "Questions", "Rows_read", "Rows_sent", "Select_scan", "Slave_connections",
    "Slave_received_heartbeats", "Slave_retried_transactions", "Slave_skipped_errors",
    "Slaves_connected", "Slaves_running", "Slow_queries", "Threads_cached", "Threads_connected",
    "Threads_created", "Threads_running",
};
static_assert(sizeof(kHotStatusNames) / sizeof(kHotStatusNames[0]) ==
              static_cast<size_t>(StatusId::kCount));

constexpr size_t kStatusCount = sizeof(kStatusDefs) / sizeof(kStatusDefs[0]);

}  // namespace

size_t StatusCount() { return kStatusCount; }

const char* StatusName(int index) {
  return index >= 0 && static_cast<size_t>(index) < kStatusCount ? kStatusDefs[index].name
                                                                   : nullptr;
}

int StatusIndex(std::string_view name) {
  static const std::vector<std::pair<std::string, int>>* sorted = [] {
    auto* v = new std::vector<std::pair<std::string, int>>;
    for (size_t i = 0; i < kStatusCount; i++)
      v->emplace_back(Lower(kStatusDefs[i].name), static_cast<int>(i));
    std::sort(v->begin(), v->end());
    return v;
  }();
  std::string n = Lower(name);
  auto it = std::lower_bound(sorted->begin(), sorted->end(), n,
                             [](const auto& p, const std::string& x) { return p.first < x; });
  return (it != sorted->end() && it->first == n) ? it->second : -1;
}

int StatusIndex(StatusId id) {
  static const std::array<int, static_cast<size_t>(StatusId::kCount)> table = [] {
    std::array<int, static_cast<size_t>(StatusId::kCount)> t{};
    for (size_t i = 0; i < t.size(); i++) t[i] = StatusIndex(kHotStatusNames[i]);
    return t;
  }();
  return table[static_cast<size_t>(id)];
}

StatusCounters::StatusCounters() : v_(kStatusCount) { Reset(); }

void StatusCounters::Reset() {
  for (auto& x : v_) x.store(0, std::memory_order_relaxed);
}

GlobalStatus::GlobalStatus() : providers_(kStatusCount), start_(std::chrono::steady_clock::now()) {}

void GlobalStatus::SetProvider(std::string_view name, Provider provider) {
  int i = StatusIndex(name);
  if (i >= 0) providers_[static_cast<size_t>(i)] = std::move(provider);
}

std::vector<std::pair<std::string, std::string>> GlobalStatus::Show(
    const StatusCounters* session, std::optional<std::string_view> like) const {
  std::vector<std::pair<std::string, std::string>> rows;
  int64_t uptime = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::steady_clock::now() - start_)
                       .count();
  for (size_t i = 0; i < kStatusCount; i++) {
    const StatusDef& d = kStatusDefs[i];
    if (like && !WildMatch(d.name, *like, true)) continue;
    std::string text;
    if (providers_[i]) {
      text = providers_[i]();
    } else if (std::strcmp(d.name, "Uptime") == 0) {
      text = std::to_string(uptime);
    } else if (std::strcmp(d.name, "Uptime_since_flush_status") == 0) {
      text = std::to_string(uptime - flush_offset_s_.load());
    } else if (d.text) {
      text = d.text;
    } else {
      const StatusCounters* src = (session && d.kind == kStatusSession) ? session : &global_;
      text = std::to_string(src->Get(static_cast<int>(i)));
    }
    rows.emplace_back(d.name, std::move(text));
  }
  return rows;
}

void GlobalStatus::FlushStatus() {
  for (size_t i = 0; i < kStatusCount; i++) {
    if (kStatusDefs[i].kind == kStatusSession) global_.Set(static_cast<int>(i), 0);
  }
  flush_offset_s_.store(std::chrono::duration_cast<std::chrono::seconds>(
                            std::chrono::steady_clock::now() - start_)
                            .count());
}

}  // namespace relaydb::sql
