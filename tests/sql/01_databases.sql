-- CREATE/DROP DATABASE [IF [NOT] EXISTS], USE, SHOW DATABASES LIKE, DATABASE().
SELECT DATABASE();
CREATE DATABASE dbx_alpha;
CREATE DATABASE IF NOT EXISTS dbx_alpha;
SHOW WARNINGS;
-- error 1007
CREATE DATABASE dbx_alpha;
CREATE DATABASE dbx_beta CHARACTER SET utf8mb4;
CREATE SCHEMA dbx_gamma;
-- sorted
SHOW DATABASES LIKE 'dbx\_%';
SHOW DATABASES LIKE 'dbx_al%';
SHOW DATABASES LIKE 'no_such_db%';
SHOW CREATE DATABASE dbx_alpha;
SHOW CREATE DATABASE dbx_beta;
USE dbx_alpha;
SELECT DATABASE();
CREATE TABLE t (a INT);
INSERT INTO t VALUES (1), (2);
SELECT * FROM dbx_alpha.t ORDER BY a;
-- error 1049
USE dbx_nonexistent;
SELECT DATABASE();
-- error 1008
DROP DATABASE dbx_nonexistent;
DROP DATABASE IF EXISTS dbx_nonexistent;
SHOW WARNINGS;
DROP DATABASE dbx_alpha;
SELECT DATABASE();
-- error 1046
CREATE TABLE t2 (a INT);
-- error 1046
SELECT * FROM t;
USE dbx_beta;
CREATE TABLE dbx_gamma.t3 (id INT PRIMARY KEY);
INSERT INTO dbx_gamma.t3 VALUES (7);
SELECT id FROM dbx_gamma.t3;
DROP SCHEMA dbx_gamma;
-- error 1146
SELECT id FROM dbx_gamma.t3;
DROP DATABASE dbx_beta;
-- sorted
SHOW DATABASES LIKE 'dbx\_%';
SELECT SCHEMA_NAME, DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE 'db\_01%';
-- error 1064
CREATE DATABASE;
SET SESSION collation_server = 'latin1_swedish_ci';
CREATE DATABASE dbx_from_server;
SHOW CREATE DATABASE dbx_from_server;
SET SESSION collation_server = 'utf8mb4_unicode_ci';
CREATE DATABASE dbx_from_server2 CHARACTER SET latin1;
SHOW CREATE DATABASE dbx_from_server2;
SET SESSION collation_server = DEFAULT;
DROP DATABASE dbx_from_server;
DROP DATABASE dbx_from_server2;
