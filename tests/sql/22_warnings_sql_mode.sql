-- Non-strict inserts and their warnings: SHOW WARNINGS / SHOW COUNT(*) WARNINGS / @@warning_count.
CREATE TABLE w (ti TINYINT, tu TINYINT UNSIGNED, vc VARCHAR(3), d DATE, dec2 DECIMAL(4,2), e ENUM('a', 'b'), nn INT NOT NULL);
SET sql_mode = '';
-- warnings
INSERT INTO w VALUES (300, -5, 'abcdef', '2024-02-30', 123.456, 'zzz', 1);
SHOW WARNINGS;
SELECT @@warning_count, @@error_count;
SHOW COUNT(*) WARNINGS;
SELECT * FROM w;
-- warnings
INSERT INTO w (ti, vc, nn) VALUES ('12abc', 'ok', 2);
-- warnings
INSERT INTO w (ti, nn) VALUES ('', 3), ('x', 4);
-- warnings
INSERT INTO w (ti) VALUES (5);
-- warnings
INSERT INTO w (d, nn) VALUES ('garbage', 6), ('2024-1-1', 7);
-- warnings
INSERT INTO w (dec2, nn) VALUES ('1.005', 8), (1.004, 9), ('abc', 10);
-- warnings
UPDATE w SET ti = ti * 100;
SELECT ti, tu, vc, d, dec2, e, nn FROM w ORDER BY nn;
-- warnings
SELECT CAST('abc' AS SIGNED), CAST('1.5x' AS DECIMAL(3,1)), 1 / 0;
-- warnings
SELECT 'x' + 1, '3 apples' * 2;
SHOW WARNINGS LIMIT 1;
-- warnings
SELECT 1;
SHOW WARNINGS;
-- warnings
DROP TABLE IF EXISTS no_such_table_1, no_such_table_2;
-- warnings
SET sql_mode = 'NO_ENGINE_SUBSTITUTION';
-- warnings
SELECT DATE_ADD('2024-02-30', INTERVAL 1 DAY), STR_TO_DATE('x', '%Y');
SET sql_mode = DEFAULT;
-- error 1264
INSERT INTO w (ti, nn) VALUES (300, 1);
SHOW WARNINGS;
SELECT @@warning_count, @@error_count;
SHOW ERRORS;
SHOW COUNT(*) ERRORS;
-- error 1406
INSERT INTO w (vc, nn) VALUES ('abcd', 1);
SHOW WARNINGS;
-- IGNORE turns the errors back into warnings
-- warnings
INSERT IGNORE INTO w (ti, vc, nn) VALUES (300, 'abcd', 11);
-- warnings
INSERT IGNORE INTO w (ti, nn) VALUES (1, NULL);
SELECT ti, vc, nn FROM w WHERE nn IN (0, 11) ORDER BY nn;
SET sql_mode = 'STRICT_ALL_TABLES';
-- error 1366
INSERT INTO w (ti, nn) VALUES ('abc', 1);
SET sql_mode = 'TRADITIONAL';
-- error 1365
INSERT INTO w (ti, nn) VALUES (1 / 0, 1);
-- error 1292
INSERT INTO w (d, nn) VALUES ('0000-00-00', 1);
SET sql_mode = DEFAULT;
-- error 1365
INSERT INTO w (ti, nn) VALUES (1 / 0, 12);
SELECT ti FROM w WHERE nn = 12;
-- warnings
SELECT 1 / 0, 5 DIV 0, 5 MOD 0;
SET sql_mode = 'ERROR_FOR_DIVISION_BY_ZERO';
-- warnings
SELECT 1 / 0;
SET sql_mode = DEFAULT;
SET @@max_error_count = 2;
-- warnings
SELECT CAST('a' AS SIGNED), CAST('b' AS SIGNED), CAST('c' AS SIGNED);
SELECT @@warning_count;
SET @@max_error_count = DEFAULT;
