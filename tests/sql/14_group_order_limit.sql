-- GROUP BY / HAVING / ORDER BY / LIMIT / OFFSET / UNION [ALL] / DISTINCT.
CREATE TABLE sales (id INT PRIMARY KEY, region VARCHAR(10), product VARCHAR(10), qty INT, amount DECIMAL(8,2), sold DATE);
INSERT INTO sales VALUES
  (1, 'north', 'apple', 10, 5.50, '2024-01-05'),
  (2, 'north', 'pear', 3, 2.10, '2024-01-06'),
  (3, 'south', 'apple', 7, 3.85, '2024-02-01'),
  (4, 'south', 'apple', 1, 0.55, '2024-02-03'),
  (5, 'east', 'plum', NULL, NULL, '2024-03-01'),
  (6, 'north', 'apple', 2, 1.10, '2024-03-02'),
  (7, 'west', 'pear', 8, 5.60, NULL),
  (8, 'South', 'plum', 4, 2.00, '2024-03-09');
SELECT region, COUNT(*), SUM(qty), SUM(amount) FROM sales GROUP BY region ORDER BY region;
SELECT region, product, SUM(qty) FROM sales GROUP BY region, product ORDER BY region, product;
SELECT product, COUNT(*) AS n FROM sales GROUP BY product HAVING n > 2 ORDER BY product;
SELECT product, SUM(amount) AS total FROM sales GROUP BY product HAVING SUM(amount) > 3 ORDER BY total DESC;
SELECT region FROM sales GROUP BY region HAVING MAX(qty) >= 7 ORDER BY region;
SELECT YEAR(sold), MONTH(sold), COUNT(*) FROM sales GROUP BY YEAR(sold), MONTH(sold) ORDER BY 1, 2;
SELECT COUNT(*), COUNT(qty), COUNT(DISTINCT product), COUNT(DISTINCT region) FROM sales;
SELECT DISTINCT product FROM sales ORDER BY product;
SELECT DISTINCT region, product FROM sales ORDER BY region, product;
SELECT DISTINCT qty IS NULL FROM sales ORDER BY 1;
SELECT id, qty FROM sales ORDER BY qty, id;
SELECT id, qty FROM sales ORDER BY qty DESC, id;
SELECT id, sold FROM sales ORDER BY sold IS NULL, sold DESC;
SELECT id, region FROM sales ORDER BY region, id DESC;
SELECT id, amount FROM sales ORDER BY amount * -1, id;
SELECT id FROM sales ORDER BY id LIMIT 3;
SELECT id FROM sales ORDER BY id LIMIT 2, 3;
SELECT id FROM sales ORDER BY id LIMIT 3 OFFSET 6;
SELECT id FROM sales ORDER BY id LIMIT 0;
SELECT id FROM sales ORDER BY id LIMIT 100 OFFSET 7;
SELECT id, region AS r FROM sales ORDER BY r, id LIMIT 4;
SELECT region, COUNT(*) c FROM sales GROUP BY region ORDER BY c DESC, region LIMIT 2;
SELECT product FROM sales WHERE region = 'north' UNION SELECT product FROM sales WHERE region = 'south' ORDER BY product;
SELECT product FROM sales WHERE region = 'north' UNION ALL SELECT product FROM sales WHERE region = 'south' ORDER BY product;
SELECT 1 AS n UNION SELECT 2 UNION SELECT 1 ORDER BY n DESC;
SELECT 1 AS n, 'a' AS s UNION ALL SELECT 2, 'bb' UNION ALL SELECT 3.5, NULL;
SELECT id FROM sales WHERE id < 3 UNION SELECT id FROM sales WHERE id > 6 ORDER BY id DESC LIMIT 3;
(SELECT id FROM sales ORDER BY id LIMIT 2) UNION ALL (SELECT id FROM sales ORDER BY id DESC LIMIT 2);
SELECT product, region FROM sales WHERE qty > 5 UNION DISTINCT SELECT product, region FROM sales WHERE amount > 3 ORDER BY 1, 2;
-- sorted
SELECT region, product FROM sales;
-- error 1222
SELECT id, qty FROM sales UNION SELECT id FROM sales;
-- error 1054
SELECT region FROM sales GROUP BY nosuch;
-- error 1054
SELECT region FROM sales ORDER BY nosuch;
-- error 1111
SELECT region FROM sales WHERE COUNT(*) > 1 GROUP BY region;
-- error 1064
SELECT id FROM sales LIMIT -1;
SELECT region, GROUP_CONCAT(id ORDER BY id) FROM sales GROUP BY region WITH ROLLUP;
SELECT region, SUM(qty) FROM sales GROUP BY region WITH ROLLUP;
SELECT LOWER(region) AS r, SUM(qty) FROM sales GROUP BY r ORDER BY r;
SELECT region, COUNT(*) FROM sales GROUP BY region ORDER BY COUNT(*) DESC, region;
SELECT SUM(qty) FROM sales WHERE 1 = 0;
SELECT region, SUM(qty) FROM sales WHERE 1 = 0 GROUP BY region;
SELECT COUNT(*) FROM sales HAVING COUNT(*) > 100;
SELECT qty FROM sales GROUP BY qty ORDER BY qty;
SELECT * FROM sales WHERE region IN ('north', 'east') AND (qty > 5 OR qty IS NULL) ORDER BY id;
SELECT * FROM sales WHERE region BETWEEN 'm' AND 't' ORDER BY id;
SELECT id FROM sales WHERE NOT (qty > 3) ORDER BY id;
SELECT id FROM sales WHERE qty <=> NULL;
SELECT id FROM sales WHERE product LIKE 'p%' AND region NOT LIKE 's%' ORDER BY id;
SELECT id FROM sales WHERE product REGEXP '^p(ea|lu)' ORDER BY id;
