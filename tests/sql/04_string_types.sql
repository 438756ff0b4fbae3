-- CHAR/VARCHAR/BINARY/VARBINARY/TEXT/BLOB: padding, comparison, collation, lengths.
CREATE TABLE strs (id INT PRIMARY KEY, c CHAR(5), vc VARCHAR(10), b BINARY(4), vb VARBINARY(8), t TEXT, bl BLOB, tt TINYTEXT, mt MEDIUMTEXT, lb LONGBLOB);
INSERT INTO strs VALUES (1, 'ab', 'ab', 'ab', 'ab', 'ab', 'ab', 'ab', 'ab', 'ab');
INSERT INTO strs VALUES (2, 'ab  ', 'ab  ', 'ab', 'ab  ', 'ab  ', 'ab  ', 'x', 'y', 'z');
INSERT INTO strs VALUES (3, '', '', '', '', '', '', '', '', '');
INSERT INTO strs VALUES (4, 'Ünï', 'héllo wörl', 0x00FF, 0xDEADBEEF, 'tèxt ✓', 0x000102, '日本', '語', 0xFFFE);
SELECT * FROM strs ORDER BY id;
-- meta
SELECT c, vc, b, vb, t, bl, tt, mt, lb FROM strs WHERE id = 1;
SELECT id, LENGTH(c), LENGTH(vc), LENGTH(b), LENGTH(vb), LENGTH(t), CHAR_LENGTH(vc) FROM strs ORDER BY id;
SELECT id, CONCAT('[', c, ']'), CONCAT('[', vc, ']'), HEX(b), HEX(vb) FROM strs ORDER BY id;
SELECT id FROM strs WHERE c = 'ab' ORDER BY id;
SELECT id FROM strs WHERE vc = 'ab' ORDER BY id;
SELECT id FROM strs WHERE vc = 'AB' ORDER BY id;
SELECT id FROM strs WHERE t = 'ab' ORDER BY id;
SELECT id FROM strs WHERE vb = 'ab' ORDER BY id;
SELECT id FROM strs WHERE bl = 'AB' ORDER BY id;
SELECT id FROM strs WHERE vc LIKE 'h%' ORDER BY id;
SELECT id FROM strs WHERE vc LIKE 'H_LLO%' ORDER BY id;
SELECT id FROM strs WHERE vc LIKE 'ab' ORDER BY id;
SELECT 'a' = 'A', 'a' = 'a ', 'a' < 'B', BINARY 'a' = 'A', 'abc' LIKE 'ABC', 'é' = 'e';
SELECT 'abc' = 'abc' COLLATE utf8mb4_bin, 'abc' = 'ABC' COLLATE utf8mb4_bin;
-- error 1406
INSERT INTO strs (id, vc) VALUES (10, 'this is too long');
-- error 1406
INSERT INTO strs (id, c) VALUES (11, 'abcdef');
-- error 1406
INSERT INTO strs (id, b) VALUES (12, 'abcde');
INSERT INTO strs (id, c) VALUES (13, 'abcde  ');
SELECT CONCAT('[', c, ']') FROM strs WHERE id = 13;
INSERT INTO strs (id, vc) VALUES (14, 'abcdefghij   ');
SHOW WARNINGS;
SELECT CONCAT('[', vc, ']'), LENGTH(vc) FROM strs WHERE id = 14;
SELECT vc FROM strs ORDER BY vc, id;
SELECT id, vc FROM strs WHERE vc IS NOT NULL ORDER BY vc DESC, id;
CREATE TABLE cs (a VARCHAR(20) COLLATE utf8mb4_bin, b VARCHAR(20) CHARACTER SET latin1, c VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci);
INSERT INTO cs VALUES ('b', 'b', 'b'), ('A', 'A', 'A'), ('a', 'a', 'a'), ('B', 'B', 'B');
SELECT a FROM cs ORDER BY a;
SELECT b FROM cs ORDER BY b, a;
SELECT COUNT(*) FROM cs WHERE a = 'a';
SELECT COUNT(*) FROM cs WHERE b = 'a';
SHOW CREATE TABLE cs;
SHOW CREATE TABLE strs;
-- meta
SELECT a, b, c FROM cs WHERE a = 'A';
SELECT 'plain', _utf8mb4'x', N'national', X'414243', B'01000001', 'it''s', "dq", 'a\tb', 'back\\slash', 'nl\nx';
SELECT '', ' ', LENGTH(''), '' IS NULL, NULL IS NULL;
SELECT CHARSET('x'), COLLATION('x'), CHARSET(X'41'), COLLATION(CONVERT('x' USING latin1));
SELECT 'a' 'b' 'c';
CREATE TABLE longtext_t (id INT, lt LONGTEXT, mb MEDIUMBLOB);
INSERT INTO longtext_t VALUES (1, REPEAT('x', 70000), REPEAT(0x01, 70000));
SELECT id, LENGTH(lt), LENGTH(mb), MD5(lt), SHA1(mb) FROM longtext_t;
-- error 1406
INSERT INTO strs (id, tt) VALUES (15, REPEAT('y', 256));
