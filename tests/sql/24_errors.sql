-- The common error numbers, SQLSTATEs and messages, byte for byte.
CREATE TABLE e1 (id INT PRIMARY KEY, name VARCHAR(5) NOT NULL, n TINYINT, u INT UNSIGNED, mail VARCHAR(20), UNIQUE KEY uk_mail (mail));
INSERT INTO e1 VALUES (1, 'a', 1, 1, 'a@x');
-- error 1264
INSERT INTO e1 VALUES (2, 'b', 1000, 1, NULL);
-- error 1264
INSERT INTO e1 VALUES (2, 'b', 1, -1, NULL);
-- error 1366
INSERT INTO e1 VALUES (2, 'b', 'one', 1, NULL);
-- error 1366
INSERT INTO e1 VALUES ('two', 'b', 1, 1, NULL);
-- error 1406
INSERT INTO e1 VALUES (2, 'toolong', 1, 1, NULL);
-- error 1048
INSERT INTO e1 VALUES (2, NULL, 1, 1, NULL);
-- error 1062
INSERT INTO e1 VALUES (1, 'dup', 1, 1, NULL);
-- error 1062
INSERT INTO e1 VALUES (3, 'dup', 1, 1, 'a@x');
-- error 1364
INSERT INTO e1 (id) VALUES (4);
-- error 1049
USE no_such_database;
-- error 1146
SELECT * FROM no_such_database.t;
-- error 1146
SELECT * FROM no_such_table;
-- error 1146
INSERT INTO no_such_table VALUES (1);
-- error 1146
UPDATE no_such_table SET a = 1;
-- error 1146
DELETE FROM no_such_table;
-- error 1054
SELECT no_such_column FROM e1;
-- error 1054
SELECT * FROM e1 WHERE no_such_column = 1;
-- error 1054
SELECT * FROM e1 ORDER BY no_such_column;
-- error 1054
INSERT INTO e1 (id, no_such_column) VALUES (5, 1);
-- error 1064
SELEC 1;
-- error 1064
SELECT * FROM;
-- error 1064
SELECT 1 +;
-- error 1064
INSERT INTO e1 VALUES (1,;
-- error 1064
CREATE TABLE (a INT);
-- error 1064
SELECT 'unterminated;
-- error 1050
CREATE TABLE e1 (x INT);
-- error 1051
DROP TABLE no_such_table;
-- error 1051
DROP TABLE e1_missing_a, e1_missing_b;
-- error 1091
ALTER TABLE e1 DROP INDEX no_such_index;
-- error 1091
ALTER TABLE e1 DROP COLUMN no_such_column;
-- error 1091
DROP INDEX no_such_index ON e1;
-- error 1136
INSERT INTO e1 VALUES (9);
-- error 1136
INSERT INTO e1 (id, name) VALUES (9, 'x', 'y');
-- error 1052
SELECT id FROM e1 a, e1 b;
-- error 1066
SELECT * FROM e1, e1;
-- error 1060
ALTER TABLE e1 ADD COLUMN name INT;
-- error 1061
ALTER TABLE e1 ADD INDEX uk_mail (name);
-- error 1068
ALTER TABLE e1 ADD PRIMARY KEY (name);
-- error 1072
ALTER TABLE e1 ADD INDEX idx_missing (no_such_column);
-- error 1064
CREATE TABLE nocols ();
-- error 1103
CREATE TABLE `bad name ` (a INT);
-- error 1059
CREATE TABLE t_long_col (aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa INT);
-- error 1074
CREATE TABLE t_long_varchar (a VARCHAR(70000));
-- error 1118
CREATE TABLE t_wide (a VARCHAR(16000), b VARCHAR(16000));
-- a PRIMARY KEY column is made NOT NULL silently
CREATE TABLE t_pk_null (a INT NULL, PRIMARY KEY (a));
SHOW CREATE TABLE t_pk_null;
-- error 1305
SELECT no_such_function(1);
-- error 1582
SELECT ABS(1, 2);
-- error 1054
SELECT e1.id FROM e1 AS x;
-- error 1066
SELECT * FROM (SELECT 1 AS a) AS t1, (SELECT 1 AS b) AS t1;
-- error 1054
SELECT nosuch.id FROM e1;
-- error 1044
CREATE DATABASE information_schema;
-- error 1146
SELECT * FROM e1 WHERE id IN (SELECT x FROM t_none);
SELECT COUNT(*) FROM e1;
