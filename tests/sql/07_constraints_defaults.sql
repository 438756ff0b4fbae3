-- NOT NULL, DEFAULT, AUTO_INCREMENT, PRIMARY KEY, UNIQUE, KEY; the errors they raise.
CREATE TABLE people (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email VARCHAR(64) NOT NULL,
  name VARCHAR(32) NOT NULL DEFAULT 'anon',
  age TINYINT UNSIGNED DEFAULT 18,
  score DECIMAL(5,1) NOT NULL DEFAULT 0.0,
  note TEXT,
  UNIQUE KEY uk_email (email),
  KEY idx_name_age (name, age)
);
INSERT INTO people (email) VALUES ('a@x');
SELECT LAST_INSERT_ID();
INSERT INTO people (email, name, age) VALUES ('b@x', 'bob', 30), ('c@x', 'carol', NULL);
SELECT LAST_INSERT_ID();
SELECT * FROM people ORDER BY id;
-- error 1062
INSERT INTO people (email) VALUES ('a@x');
-- error 1062
INSERT INTO people (email) VALUES ('A@X');
-- error 1062
INSERT INTO people (id, email) VALUES (2, 'z@x');
-- error 1048
INSERT INTO people (email, name) VALUES ('d@x', NULL);
-- error 1364
INSERT INTO people (name) VALUES ('nobody');
-- error 1048
UPDATE people SET email = NULL WHERE id = 1;
-- error 1062
UPDATE people SET email = 'b@x' WHERE id = 1;
INSERT INTO people (id, email) VALUES (100, 'e@x');
INSERT INTO people (email) VALUES ('f@x');
SELECT id, email FROM people WHERE id >= 100 ORDER BY id;
INSERT INTO people (id, email) VALUES (0, 'g@x');
INSERT INTO people (id, email) VALUES (NULL, 'h@x');
SELECT id, email FROM people WHERE id >= 100 ORDER BY id;
SELECT LAST_INSERT_ID(), LAST_INSERT_ID(5), LAST_INSERT_ID();
INSERT INTO people (email, name) VALUES ('i@x', DEFAULT);
SELECT name, age, score, note FROM people WHERE email = 'i@x';
SELECT DEFAULT(name), DEFAULT(age) FROM people WHERE id = 1;
SHOW CREATE TABLE people;
CREATE TABLE pk2 (a INT, b VARCHAR(10), c INT, PRIMARY KEY (a, b), UNIQUE (c));
INSERT INTO pk2 VALUES (1, 'x', NULL), (1, 'y', NULL), (2, 'x', 1);
-- error 1062
INSERT INTO pk2 VALUES (1, 'X', 2);
-- error 1062
INSERT INTO pk2 VALUES (3, 'z', 1);
SELECT * FROM pk2 ORDER BY a, b;
SHOW CREATE TABLE pk2;
CREATE TABLE ai_start (id BIGINT UNSIGNED AUTO_INCREMENT, v INT, PRIMARY KEY (id)) AUTO_INCREMENT = 1000;
INSERT INTO ai_start (v) VALUES (1), (2), (3);
SELECT LAST_INSERT_ID();
SELECT * FROM ai_start ORDER BY id;
SHOW CREATE TABLE ai_start;
DELETE FROM ai_start WHERE id = 1002;
INSERT INTO ai_start (v) VALUES (4);
SELECT * FROM ai_start ORDER BY id;
-- error 1075
CREATE TABLE bad_ai (id INT AUTO_INCREMENT, v INT);
-- error 1068
CREATE TABLE two_pk (a INT PRIMARY KEY, b INT PRIMARY KEY);
-- error 1067
CREATE TABLE bad_default (a INT DEFAULT 'abc');
-- error 1061
CREATE TABLE dup_key (a INT, KEY k (a), KEY k (a));
-- error 1060
CREATE TABLE dup_col (a INT, a INT);
CREATE TABLE nn (a INT NOT NULL, b VARCHAR(5) NOT NULL, c DATE NOT NULL);
-- error 1364
INSERT INTO nn (a) VALUES (1);
-- error 1048
INSERT INTO nn VALUES (NULL, 'x', '2024-01-01');
SET sql_mode = '';
INSERT INTO nn (a) VALUES (1);
-- error 1048
INSERT INTO nn VALUES (NULL, 'x', '2024-01-01');
-- warnings
INSERT INTO nn VALUES (2, 'ok', '2024-01-01'), (NULL, 'x', NULL);
-- warnings
INSERT INTO nn (b) VALUES ('y');
SELECT * FROM nn ORDER BY a, b;
SET sql_mode = DEFAULT;
SELECT @@sql_mode;
