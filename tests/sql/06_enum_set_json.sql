-- ENUM, SET and JSON columns.
CREATE TABLE es (id INT PRIMARY KEY, e ENUM('small', 'medium', 'large') DEFAULT 'medium', s SET('a', 'b', 'c', 'd'), en ENUM('x', 'y') NOT NULL);
INSERT INTO es VALUES (1, 'small', 'a,b', 'x'), (2, 'LARGE', 'd,a', 'y'), (3, 2, 5, 1), (4, NULL, '', 'x');
INSERT INTO es (id, en) VALUES (5, 'y');
SELECT * FROM es ORDER BY id;
-- meta
SELECT e, s, en FROM es WHERE id = 1;
SELECT id, e + 0, s + 0, en + 0 FROM es ORDER BY id;
SELECT id FROM es ORDER BY e, id;
SELECT id FROM es WHERE e = 'medium' ORDER BY id;
SELECT id FROM es WHERE e = 1 ORDER BY id;
SELECT id FROM es WHERE FIND_IN_SET('a', s) ORDER BY id;
SELECT id FROM es WHERE s LIKE '%b%' ORDER BY id;
SELECT e, COUNT(*) FROM es GROUP BY e ORDER BY e;
-- error 1265
INSERT INTO es (id, e, en) VALUES (10, 'huge', 'x');
-- error 1265
INSERT INTO es (id, s, en) VALUES (11, 'a,z', 'x');
-- an ENUM NOT NULL without DEFAULT defaults to its first value
INSERT INTO es (id) VALUES (12);
SELECT en FROM es WHERE id = 12;
SHOW CREATE TABLE es;
SHOW COLUMNS FROM es;
CREATE TABLE js (id INT PRIMARY KEY, doc JSON);
INSERT INTO js VALUES (1, '{"a": 1, "b": [1, 2, 3], "c": {"d": "x"}}'), (2, '[1, "two", null, true]'), (3, '"scalar"'), (4, NULL), (5, '{"a": 2.50, "b": []}');
-- error 4025
INSERT INTO js VALUES (6, '{bad json');
SELECT * FROM js ORDER BY id;
SELECT id, JSON_EXTRACT(doc, '$.a'), JSON_EXTRACT(doc, '$.b[1]'), JSON_UNQUOTE(JSON_EXTRACT(doc, '$.c.d')) FROM js ORDER BY id;
SELECT id, JSON_TYPE(doc), JSON_VALID(doc), JSON_LENGTH(doc) FROM js ORDER BY id;
SELECT id FROM js WHERE JSON_EXTRACT(doc, '$.a') = 1;
SELECT JSON_OBJECT('k', 1, 'l', 'v'), JSON_ARRAY(1, 'a', NULL), JSON_QUOTE('x"y');
SELECT JSON_VALID('{}'), JSON_VALID('nope'), JSON_CONTAINS('[1,2,3]', '2'), JSON_KEYS('{"x":1,"y":2}');
SELECT JSON_SET('{"a":1}', '$.b', 2), JSON_REMOVE('{"a":1,"b":2}', '$.a'), JSON_MERGE_PATCH('{"a":1}', '{"a":null,"c":3}');
SHOW CREATE TABLE js;
-- meta
SELECT doc FROM js WHERE id = 1;
