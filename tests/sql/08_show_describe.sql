-- SHOW CREATE TABLE, DESCRIBE, SHOW COLUMNS, SHOW INDEX, SHOW TABLES, SHOW FULL TABLES.
CREATE TABLE orders (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  customer_id INT NOT NULL,
  status ENUM('new', 'paid', 'shipped') NOT NULL DEFAULT 'new',
  total DECIMAL(12,2) NOT NULL DEFAULT 0.00,
  note VARCHAR(255) DEFAULT NULL COMMENT 'free text',
  created DATETIME NOT NULL DEFAULT '2000-01-01 00:00:00',
  PRIMARY KEY (id),
  UNIQUE KEY uk_cust_created (customer_id, created),
  KEY idx_status (status),
  KEY idx_note (note(10))
) COMMENT = 'orders table';
CREATE TABLE order_lines (order_id BIGINT UNSIGNED NOT NULL, n SMALLINT NOT NULL, sku CHAR(8) NOT NULL, qty INT NOT NULL DEFAULT 1, PRIMARY KEY (order_id, n));
CREATE TABLE plain (x INT);
SHOW TABLES;
SHOW FULL TABLES;
SHOW TABLES LIKE 'o%';
SHOW TABLES WHERE Tables_in_db_08_show_describe LIKE '%s';
SHOW CREATE TABLE orders;
SHOW CREATE TABLE order_lines;
SHOW CREATE TABLE plain;
DESCRIBE orders;
DESC order_lines;
DESCRIBE orders status;
EXPLAIN plain;
SHOW COLUMNS FROM orders;
SHOW COLUMNS FROM order_lines FROM db_08_show_describe;
SHOW COLUMNS FROM orders LIKE 'c%';
SHOW FULL COLUMNS FROM plain;
SHOW FIELDS FROM plain;
SHOW INDEX FROM orders;
SHOW INDEXES FROM order_lines;
SHOW KEYS FROM plain;
-- error 1146
SHOW CREATE TABLE missing;
-- error 1146
DESCRIBE missing;
-- error 1146
SHOW INDEX FROM missing;
-- error 1049
SHOW TABLES FROM missing_db;
-- meta
SHOW CREATE TABLE plain;
-- meta
SHOW COLUMNS FROM plain;
CREATE TABLE `weird name` (`select` INT, `col with space` VARCHAR(3), `back``tick` INT);
SHOW CREATE TABLE `weird name`;
DESCRIBE `weird name`;
INSERT INTO `weird name` VALUES (1, 'a', 2);
SELECT `select`, `col with space`, `back``tick` FROM `weird name`;
SET sql_quote_show_create = 0;
SHOW CREATE TABLE plain;
SET sql_quote_show_create = 1;
CREATE TABLE kinds (a INT UNSIGNED ZEROFILL, b FLOAT(10,2) UNSIGNED, c CHAR(3) BINARY, d VARCHAR(10) CHARACTER SET latin1 COLLATE latin1_bin, e TEXT NOT NULL, f BLOB, g TINYINT(1) NOT NULL DEFAULT 1, h BIT(3) DEFAULT b'101', i DOUBLE NOT NULL DEFAULT 1.5, j TIME(3) DEFAULT '01:02:03.456');
SHOW CREATE TABLE kinds;
SHOW COLUMNS FROM kinds;
