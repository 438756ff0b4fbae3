-- Subqueries: IN, NOT IN (with NULLs), EXISTS, scalar, derived tables, correlated, ANY/ALL.
CREATE TABLE p (id INT PRIMARY KEY, cat VARCHAR(5), price INT);
CREATE TABLE s (pid INT, qty INT);
INSERT INTO p VALUES (1, 'a', 10), (2, 'a', 20), (3, 'b', 30), (4, 'b', 40), (5, 'c', 50);
INSERT INTO s VALUES (1, 5), (1, 3), (3, 1), (9, 9), (NULL, 2);
SELECT id FROM p WHERE id IN (SELECT pid FROM s) ORDER BY id;
SELECT id FROM p WHERE id NOT IN (SELECT pid FROM s WHERE pid IS NOT NULL) ORDER BY id;
SELECT id FROM p WHERE id NOT IN (SELECT pid FROM s) ORDER BY id;
SELECT id FROM p WHERE EXISTS (SELECT 1 FROM s WHERE s.pid = p.id) ORDER BY id;
SELECT id FROM p WHERE NOT EXISTS (SELECT 1 FROM s WHERE s.pid = p.id) ORDER BY id;
SELECT id, (SELECT SUM(qty) FROM s WHERE s.pid = p.id) AS sold FROM p ORDER BY id;
SELECT (SELECT MAX(price) FROM p), (SELECT COUNT(*) FROM s);
SELECT cat, total FROM (SELECT cat, SUM(price) AS total FROM p GROUP BY cat) AS t WHERE total > 30 ORDER BY cat;
SELECT t.n FROM (SELECT COUNT(*) AS n FROM p) t;
SELECT x.id, x.price FROM (SELECT id, price FROM p ORDER BY price DESC LIMIT 2) x ORDER BY x.id;
SELECT id FROM p WHERE price > (SELECT AVG(price) FROM p) ORDER BY id;
SELECT id FROM p p1 WHERE price = (SELECT MAX(price) FROM p p2 WHERE p2.cat = p1.cat) ORDER BY id;
SELECT id FROM p WHERE price > ALL (SELECT price FROM p WHERE cat = 'a') ORDER BY id;
SELECT id FROM p WHERE price < ANY (SELECT price FROM p WHERE cat = 'b') ORDER BY id;
SELECT id FROM p WHERE price = SOME (SELECT qty * 10 FROM s) ORDER BY id;
SELECT id FROM p WHERE (cat, price) IN (SELECT 'a', 20 UNION SELECT 'b', 40) ORDER BY id;
SELECT id FROM p WHERE (cat, price) = ('b', 30);
SELECT 1 IN (1, 2, NULL), 3 IN (1, 2, NULL), 3 NOT IN (1, 2, NULL), NULL IN (1);
SELECT EXISTS (SELECT * FROM p WHERE price > 45), EXISTS (SELECT * FROM p WHERE price > 100);
SELECT id, (SELECT qty FROM s WHERE s.pid = p.id ORDER BY qty LIMIT 1) FROM p ORDER BY id;
-- error 1242
SELECT (SELECT qty FROM s);
-- error 4078
SELECT id FROM p WHERE id = (SELECT pid, qty FROM s LIMIT 1);
-- error 1241
SELECT (1, 2) = (1, 2, 3);
-- error 1241
SELECT id FROM p WHERE id IN (SELECT pid, qty FROM s);
-- error 1064
SELECT * FROM (SELECT 1);
SELECT cat, MAX(price) FROM p WHERE id IN (SELECT pid FROM s) GROUP BY cat ORDER BY cat;
SELECT * FROM p WHERE id IN (SELECT id FROM p WHERE id IN (SELECT pid FROM s WHERE qty > 2));
UPDATE p SET price = price + 1 WHERE id IN (SELECT pid FROM s);
SELECT id, price FROM p ORDER BY id;
SELECT a.cat, a.n, b.avgp FROM (SELECT cat, COUNT(*) n FROM p GROUP BY cat) a JOIN (SELECT cat, AVG(price) avgp FROM p GROUP BY cat) b ON a.cat = b.cat ORDER BY a.cat;
WITH big AS (SELECT id, price FROM p WHERE price >= 30) SELECT id FROM big ORDER BY id;
WITH c AS (SELECT cat, SUM(price) AS s FROM p GROUP BY cat) SELECT cat FROM c WHERE s = (SELECT MAX(s) FROM c);
