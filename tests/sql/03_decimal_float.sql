-- DECIMAL exactness, FLOAT/DOUBLE display and arithmetic.
CREATE TABLE money (id INT PRIMARY KEY, amount DECIMAL(10,2), rate DECIMAL(20,10), big DECIMAL(65,30), u DECIMAL(5,2) UNSIGNED);
INSERT INTO money VALUES (1, 0.10, 0.1, 0.1, 0.1), (2, 0.20, 0.2, 0.2, 0.2), (3, 12345678.99, 1234567890.0123456789, 1, 999.99);
SELECT * FROM money ORDER BY id;
-- meta
SELECT amount, rate, big, u FROM money WHERE id = 1;
SELECT SUM(amount), SUM(rate), SUM(big) FROM money WHERE id IN (1, 2);
SELECT amount + 0.1 FROM money WHERE id = 2;
SELECT 0.1 + 0.2, 0.1 + 0.2 = 0.3, 1.0 / 3, 2.50 * 4, 10.00 / 4;
SELECT CAST(0.1 AS DECIMAL(10,5)) + CAST(0.2 AS DECIMAL(10,5));
SELECT amount * 3, amount / 3, amount - 1 FROM money ORDER BY id;
SELECT AVG(amount), MIN(amount), MAX(rate) FROM money;
INSERT INTO money (id, amount) VALUES (4, 1.005);
INSERT INTO money (id, amount) VALUES (5, 1.004);
INSERT INTO money (id, amount) VALUES (6, -1.005);
SELECT id, amount FROM money WHERE id >= 4 ORDER BY id;
-- error 1264
INSERT INTO money (id, amount) VALUES (7, 123456789.00);
-- error 1264
INSERT INTO money (id, u) VALUES (8, -1);
-- error 1366
INSERT INTO money (id, amount) VALUES (9, 'x');
INSERT INTO money (id, amount) VALUES (10, '3.14159');
SELECT amount FROM money WHERE id = 10;
SELECT id FROM money WHERE amount = 0.1;
SELECT id FROM money WHERE amount > 0.15 ORDER BY id;
CREATE TABLE reals (id INT PRIMARY KEY, f FLOAT, d DOUBLE, fp FLOAT(7,3), dp DOUBLE(12,4));
INSERT INTO reals VALUES (1, 0.1, 0.1, 1.5, 2.25), (2, 1e10, 1e100, -3.14159, 1234.56789), (3, 3.4e38, 1.7976931348623157e308, 0, 0), (4, 1/3, 1/3, 1/3, 1/3), (5, -0.000001, 123456789012345, 99.9995, 0.00005);
SELECT * FROM reals ORDER BY id;
-- meta
SELECT f, d, fp, dp FROM reals WHERE id = 1;
SELECT f + d, f * 2, d / 3 FROM reals WHERE id = 1;
SELECT SUM(d), AVG(f) FROM reals WHERE id IN (1, 4);
SELECT 1e0, 1.5e3, 2e-5, 1e15, 1e16, 123456789012345678, 0.1e1;
SELECT 0.1 + 0.2e0, 1/3e0, 2e0/3;
-- error 1690
SELECT 1e308 * 10;
SELECT CAST(1.0 AS DOUBLE), CAST('1.50' AS DOUBLE), 3.0 * 1.0;
SELECT id FROM reals WHERE f = 0.1;
SELECT id FROM reals WHERE d = 0.1;
SELECT ROUND(f, 3), ROUND(d, 10) FROM reals WHERE id = 4;
SHOW CREATE TABLE money;
SHOW CREATE TABLE reals;
SELECT 123.456 + 0, -0.0, 00012.500, .5, 5.;
SELECT 99999999999999999999999999999999999999999999999999999999999999999 + 1;
SELECT 1.000000000000000000000000000001 * 3;
