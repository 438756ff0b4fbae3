-- INSERT: multi-row, column lists, SET form, INSERT ... SELECT, IGNORE, ON DUPLICATE KEY UPDATE, REPLACE.
CREATE TABLE kv (k VARCHAR(10) PRIMARY KEY, v INT NOT NULL DEFAULT 0, hits INT NOT NULL DEFAULT 0, u INT, UNIQUE KEY uk_u (u));
INSERT INTO kv VALUES ('a', 1, 0, NULL);
INSERT INTO kv (k, v) VALUES ('b', 2), ('c', 3), ('d', 4);
INSERT INTO kv (v, k) VALUES (5, 'e');
INSERT INTO kv SET k = 'f', v = 6, u = 60;
-- error 1364
INSERT INTO kv () VALUES ();
INSERT INTO kv (k) VALUE ('g');
SELECT * FROM kv ORDER BY k;
-- error 1136
INSERT INTO kv (k, v) VALUES ('h');
-- error 1136
INSERT INTO kv VALUES ('h', 1);
-- error 1054
INSERT INTO kv (k, nosuch) VALUES ('h', 1);
-- error 1110
INSERT INTO kv (k, k) VALUES ('h', 'i');
-- error 1062
INSERT INTO kv (k, v) VALUES ('x', 1), ('a', 2);
SELECT COUNT(*) FROM kv WHERE k = 'x';
INSERT IGNORE INTO kv (k, v) VALUES ('a', 100), ('h', 8);
SHOW WARNINGS;
SELECT * FROM kv WHERE k IN ('a', 'h') ORDER BY k;
INSERT INTO kv (k, v) VALUES ('a', 10) ON DUPLICATE KEY UPDATE hits = hits + 1;
INSERT INTO kv (k, v) VALUES ('a', 10) ON DUPLICATE KEY UPDATE hits = hits + 1, v = VALUES(v) + v;
INSERT INTO kv (k, v) VALUES ('a', 1) ON DUPLICATE KEY UPDATE v = v;
INSERT INTO kv (k, v) VALUES ('i', 9) ON DUPLICATE KEY UPDATE v = 0;
INSERT INTO kv (k, v) VALUES ('b', 20), ('c', 30), ('j', 10) ON DUPLICATE KEY UPDATE v = VALUES(v), hits = hits + 1;
SELECT * FROM kv ORDER BY k;
INSERT INTO kv (k, v, u) VALUES ('z', 1, 60) ON DUPLICATE KEY UPDATE hits = 99;
SELECT * FROM kv WHERE u = 60;
REPLACE INTO kv (k, v) VALUES ('a', 1000);
REPLACE INTO kv (k, v) VALUES ('new', 1);
REPLACE INTO kv (k, v, u) VALUES ('b', 7, 60);
SELECT * FROM kv ORDER BY k;
REPLACE kv SET k = 'c', v = 33;
SELECT * FROM kv WHERE k = 'c';
CREATE TABLE kv_copy LIKE kv;
INSERT INTO kv_copy SELECT * FROM kv WHERE v > 5;
SELECT * FROM kv_copy ORDER BY k;
INSERT INTO kv_copy (k, v) SELECT CONCAT(k, '2'), v * 2 FROM kv WHERE k < 'c' ORDER BY k;
SELECT k, v FROM kv_copy ORDER BY k;
-- error 1062
INSERT INTO kv_copy SELECT * FROM kv WHERE k = 'a';
INSERT IGNORE INTO kv_copy SELECT * FROM kv;
SELECT COUNT(*) FROM kv_copy;
INSERT INTO kv_copy (k, v) SELECT k, v FROM kv WHERE k = 'd' ON DUPLICATE KEY UPDATE kv_copy.hits = kv_copy.hits + 100;
SELECT k, v, hits FROM kv_copy WHERE k = 'd';
CREATE TABLE seq (id INT AUTO_INCREMENT PRIMARY KEY, label VARCHAR(5));
INSERT INTO seq (label) VALUES ('a'), ('b'), ('c');
SELECT LAST_INSERT_ID();
INSERT INTO seq (label) SELECT label FROM seq ORDER BY id;
SELECT * FROM seq ORDER BY id;
INSERT INTO seq (id, label) VALUES (3, 'dup') ON DUPLICATE KEY UPDATE label = 'upd';
SELECT LAST_INSERT_ID();
INSERT INTO seq (label) VALUES ('z') ON DUPLICATE KEY UPDATE label = 'never';
SELECT LAST_INSERT_ID();
SELECT * FROM seq ORDER BY id;
INSERT INTO seq VALUES (NULL, 'n'), (20, 'm'), (NULL, 'o');
SELECT * FROM seq WHERE id > 6 ORDER BY id;
INSERT INTO seq (label) VALUES (CONCAT('a', 'b')), (UPPER('cd')), (1 + 1);
SELECT label FROM seq WHERE id > 21 ORDER BY id;
CREATE TABLE dflt (a INT DEFAULT 5, b VARCHAR(5) DEFAULT 'x', c INT);
INSERT INTO dflt VALUES (DEFAULT, DEFAULT, DEFAULT);
INSERT INTO dflt (c) VALUES (1);
INSERT INTO dflt VALUES ();
SELECT * FROM dflt ORDER BY c;
