-- System variables (SET / SELECT @@ / SHOW VARIABLES) and user variables.
SELECT @@autocommit, @@session.autocommit, @@sql_mode, @@global.sql_mode;
SELECT @@character_set_client, @@character_set_connection, @@character_set_results, @@collation_connection;
SELECT @@character_set_server, @@collation_server, @@character_set_database, @@collation_database;
SELECT @@max_allowed_packet, @@net_buffer_length, @@wait_timeout, @@interactive_timeout, @@net_read_timeout;
SELECT @@lower_case_table_names, @@auto_increment_increment, @@auto_increment_offset, @@sql_auto_is_null, @@sql_safe_updates;
SELECT @@tx_read_only, @@foreign_key_checks, @@unique_checks, @@sql_select_limit, @@max_sort_length, @@group_concat_max_len;
SELECT @@time_zone, @@div_precision_increment, @@default_storage_engine, @@lc_time_names, @@big_tables;
SELECT @@version_comment IS NOT NULL, @@version LIKE '10.11%', @@protocol_version, @@have_ssl IS NOT NULL;
SET sql_mode = 'ANSI_QUOTES';
SELECT @@sql_mode;
SET sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_DATE';
SELECT @@sql_mode, @@session.sql_mode;
SET SESSION sql_mode = '';
SELECT @@sql_mode;
SET @@session.sql_mode = 'TRADITIONAL';
SELECT @@sql_mode;
SET sql_mode = DEFAULT;
SELECT @@sql_mode;
-- error 1231
SET sql_mode = 'NOT_A_MODE';
SET autocommit = OFF;
SELECT @@autocommit;
SET autocommit = ON;
SET @@autocommit = 1;
SELECT @@autocommit;
-- error 1231
SET autocommit = 2;
-- error 1621
SET SESSION max_allowed_packet = 1024;
-- error 1621
SET net_buffer_length = 4096;
SET group_concat_max_len = 5, sql_select_limit = 2;
SELECT @@group_concat_max_len, @@sql_select_limit;
SELECT GROUP_CONCAT('abcdef', 'ghi');
SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3;
SET group_concat_max_len = DEFAULT, sql_select_limit = DEFAULT;
SELECT @@group_concat_max_len, @@sql_select_limit;
SET div_precision_increment = 8;
SELECT 1 / 3, 2 / 7;
SET div_precision_increment = DEFAULT;
SELECT 1 / 3;
SET wait_timeout = 600;
SELECT @@wait_timeout, @@session.wait_timeout;
SET NAMES utf8mb4;
SELECT @@character_set_client, @@collation_connection;
SET NAMES latin1;
SELECT @@character_set_client, @@character_set_results, @@collation_connection;
SET NAMES utf8mb4 COLLATE utf8mb4_bin;
SELECT @@collation_connection, 'a' = 'A';
SET NAMES utf8mb4;
SET CHARACTER SET utf8mb4;
SELECT @@character_set_client, @@character_set_connection;
-- error 1193
SELECT @@no_such_variable;
-- error 1193
SET no_such_variable = 1;
-- error 1238
SET @@global.version = 'x';
-- error 1238
SET version_comment = 'x';
-- error 1238
SET lower_case_table_names = 1;
-- error 1229
SET max_connections = 10;
SHOW VARIABLES LIKE 'autocommit';
SHOW SESSION VARIABLES LIKE 'sql_mode';
SHOW VARIABLES LIKE 'character\_set\_c%';
SHOW VARIABLES WHERE Variable_name IN ('autocommit', 'wait_timeout');
SHOW VARIABLES LIKE 'no_such%';
SET @a = 1, @b = 'two', @c = 2.50, @d = NULL;
SELECT @a, @b, @c, @d, @never_set;
-- meta
SELECT @a, @b, @c;
SET @a = @a + 1;
SELECT @a;
SELECT @x := 5, @x + 1;
SET @s = CONCAT(@b, '-', @a);
SELECT @s, LENGTH(@s);
CREATE TABLE uv (id INT PRIMARY KEY, v INT);
INSERT INTO uv VALUES (1, 10), (2, 20), (3, 30);
SELECT @total := SUM(v) FROM uv;
SELECT @total;
SET @n = 0;
SELECT id, @n := @n + v AS running FROM uv ORDER BY id;
SELECT @n;
SET @id = 2;
SELECT v FROM uv WHERE id = @id;
UPDATE uv SET v = @total WHERE id = @id;
SELECT * FROM uv ORDER BY id;
SELECT @@session.auto_increment_increment, @@local.auto_increment_offset;
SET @@session.auto_increment_increment = 5;
CREATE TABLE aiv (id INT AUTO_INCREMENT PRIMARY KEY, x INT);
INSERT INTO aiv (x) VALUES (1), (2), (3);
SELECT * FROM aiv ORDER BY id;
SET @@session.auto_increment_increment = 1;
SELECT @@last_insert_id, @@identity;
SET @d = 1.25, @dn = -12.500, @dq = 1/3;
SELECT CONCAT(@d), CONCAT(@dn, '|', @dq), CONCAT(@d + 1);
SET TIMESTAMP = 1700000000.123456;
SELECT NOW(6), @@timestamp, UNIX_TIMESTAMP(NOW(6));
SET TIMESTAMP = DEFAULT;
SET max_statement_time = 1.5;
SELECT @@max_statement_time;
SET max_statement_time = DEFAULT;
-- error 1232
SET sql_select_limit = 1.5;
-- error 1232
SET long_query_time = '1.5';
