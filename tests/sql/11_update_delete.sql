-- UPDATE / DELETE: WHERE, ORDER BY, LIMIT, multi-table forms, affected-row counts.
CREATE TABLE emp (id INT PRIMARY KEY, dept VARCHAR(10), salary INT, bonus INT DEFAULT NULL);
INSERT INTO emp VALUES (1, 'eng', 100, NULL), (2, 'eng', 120, 5), (3, 'ops', 90, NULL), (4, 'ops', 95, 1), (5, 'sales', 80, 10), (6, 'sales', 85, NULL), (7, 'eng', 130, 0);
UPDATE emp SET salary = salary + 10 WHERE dept = 'eng';
SELECT * FROM emp ORDER BY id;
UPDATE emp SET bonus = 0 WHERE bonus IS NULL;
UPDATE emp SET bonus = 0 WHERE bonus = 0;
UPDATE emp SET salary = salary * 2 WHERE id = 999;
UPDATE emp SET bonus = bonus + 1 ORDER BY salary DESC LIMIT 2;
SELECT id, bonus FROM emp ORDER BY id;
UPDATE emp SET salary = salary - 1, bonus = salary WHERE id = 3;
SELECT * FROM emp WHERE id = 3;
UPDATE emp SET dept = UPPER(dept) WHERE dept LIKE 's%';
SELECT id, dept FROM emp ORDER BY id;
-- error 1054
UPDATE emp SET nosuch = 1;
-- error 1054
UPDATE emp SET salary = 1 WHERE nosuch = 2;
-- error 1264
UPDATE emp SET salary = 99999999999 WHERE id = 1;
DELETE FROM emp WHERE salary < 85;
SELECT id FROM emp ORDER BY id;
DELETE FROM emp ORDER BY salary DESC LIMIT 1;
SELECT id FROM emp ORDER BY id;
DELETE FROM emp WHERE id = 12345;
CREATE TABLE dept (name VARCHAR(10) PRIMARY KEY, budget INT, headcount INT DEFAULT 0);
INSERT INTO dept VALUES ('eng', 1000, 0), ('ops', 500, 0), ('SALES', 300, 0), ('hr', 100, 0);
UPDATE dept d JOIN emp e ON e.dept = d.name SET d.headcount = d.headcount + 1;
SELECT * FROM dept ORDER BY name;
UPDATE dept d, emp e SET d.budget = d.budget - e.salary, e.bonus = 42 WHERE d.name = e.dept AND e.id = 4;
SELECT * FROM dept ORDER BY name;
SELECT id, bonus FROM emp ORDER BY id;
UPDATE emp e LEFT JOIN dept d ON d.name = e.dept SET e.bonus = -1 WHERE d.name IS NULL;
SELECT id, bonus FROM emp ORDER BY id;
DELETE e FROM emp e JOIN dept d ON d.name = e.dept WHERE d.budget < 450;
SELECT id FROM emp ORDER BY id;
DELETE d, e FROM dept d LEFT JOIN emp e ON e.dept = d.name WHERE d.name = 'ops';
SELECT * FROM dept ORDER BY name;
SELECT id FROM emp ORDER BY id;
DELETE FROM dept WHERE name IN (SELECT dept FROM emp);
SELECT * FROM dept ORDER BY name;
UPDATE emp SET salary = (SELECT MAX(budget) FROM dept) WHERE id = 1;
SELECT id, salary FROM emp ORDER BY id;
-- MariaDB (unlike MySQL) allows the target table in a subquery of DELETE
DELETE FROM emp WHERE salary = (SELECT MAX(salary) FROM emp);
UPDATE emp SET salary = (SELECT MAX(salary) FROM emp) + 1;
SELECT id, salary FROM emp ORDER BY id;
DELETE FROM emp;
SELECT COUNT(*) FROM emp;
CREATE TABLE counters (id INT PRIMARY KEY, n INT);
INSERT INTO counters VALUES (1, 1), (2, 2), (3, 3);
UPDATE counters SET n = n + 1, n = n * 10;
SELECT * FROM counters ORDER BY id;
UPDATE counters SET id = id + 1 ORDER BY id DESC;
SELECT * FROM counters ORDER BY id;
-- error 1062
UPDATE counters SET id = 4 WHERE id = 2;
UPDATE IGNORE counters SET id = 4 WHERE id = 2;
SHOW WARNINGS;
SELECT * FROM counters ORDER BY id;
