-- Joins: inner, left, right, cross, USING, NATURAL, self-joins, join conditions with NULLs.
CREATE TABLE authors (id INT PRIMARY KEY, name VARCHAR(20), country VARCHAR(10));
CREATE TABLE books (id INT PRIMARY KEY, author_id INT, title VARCHAR(30), year SMALLINT, price DECIMAL(6,2));
CREATE TABLE reviews (book_id INT, stars TINYINT, reviewer VARCHAR(10));
INSERT INTO authors VALUES (1, 'Austen', 'UK'), (2, 'Borges', 'AR'), (3, 'Calvino', 'IT'), (4, 'Dickens', 'UK');
INSERT INTO books VALUES (10, 1, 'Emma', 1815, 9.99), (11, 1, 'Persuasion', 1817, 8.50), (12, 2, 'Ficciones', 1944, 12.00), (13, 3, 'Invisible Cities', 1972, 11.25), (14, NULL, 'Anonymous', 1900, 5.00), (15, 9, 'Orphan', 2000, NULL);
INSERT INTO reviews VALUES (10, 5, 'ann'), (10, 4, 'bob'), (12, 5, 'ann'), (13, 3, 'cy'), (99, 1, 'dan');
SELECT a.name, b.title FROM authors a JOIN books b ON b.author_id = a.id ORDER BY a.name, b.title;
SELECT a.name, b.title FROM authors a INNER JOIN books b ON b.author_id = a.id WHERE b.year > 1816 ORDER BY b.year;
SELECT a.name, b.title FROM authors a LEFT JOIN books b ON b.author_id = a.id ORDER BY a.id, b.id;
SELECT a.name, b.title FROM authors a LEFT OUTER JOIN books b ON b.author_id = a.id WHERE b.id IS NULL;
SELECT a.name, b.title FROM authors a RIGHT JOIN books b ON b.author_id = a.id ORDER BY b.id;
SELECT a.name, b.title FROM books b LEFT JOIN authors a ON a.id = b.author_id AND a.country = 'UK' ORDER BY b.id;
SELECT COUNT(*) FROM authors CROSS JOIN books;
SELECT a.id, r.stars FROM authors a CROSS JOIN reviews r WHERE a.id = 1 AND r.stars > 3 ORDER BY r.stars, r.reviewer;
SELECT a.name, b.title FROM authors a, books b WHERE a.id = b.author_id AND a.country = 'UK' ORDER BY b.title;
SELECT b.title, r.stars, r.reviewer FROM books b JOIN reviews r ON r.book_id = b.id JOIN authors a ON a.id = b.author_id ORDER BY b.id, r.reviewer;
SELECT b.title, COUNT(r.book_id) AS n, AVG(r.stars) FROM books b LEFT JOIN reviews r ON r.book_id = b.id GROUP BY b.id, b.title ORDER BY b.id;
CREATE TABLE t_a (id INT, x VARCHAR(5));
CREATE TABLE t_b (id INT, x VARCHAR(5), y INT);
INSERT INTO t_a VALUES (1, 'p'), (2, 'q'), (3, 'r'), (NULL, 's');
INSERT INTO t_b VALUES (1, 'p', 10), (2, 'z', 20), (4, 'r', 40), (NULL, 's', 50);
SELECT * FROM t_a JOIN t_b USING (id) ORDER BY id;
SELECT * FROM t_a LEFT JOIN t_b USING (id) ORDER BY t_a.x;
SELECT * FROM t_a RIGHT JOIN t_b USING (id) ORDER BY t_b.y;
SELECT * FROM t_a JOIN t_b USING (id, x);
SELECT * FROM t_a NATURAL JOIN t_b;
SELECT * FROM t_a NATURAL LEFT JOIN t_b ORDER BY t_a.x;
SELECT t_a.*, t_b.y FROM t_a JOIN t_b ON t_a.id <=> t_b.id ORDER BY t_b.y;
SELECT t_a.x, t_b.x FROM t_a JOIN t_b ON t_a.x = t_b.x ORDER BY t_a.x;
SELECT a1.name, a2.name FROM authors a1 JOIN authors a2 ON a1.country = a2.country AND a1.id < a2.id;
SELECT a.name, (SELECT COUNT(*) FROM books b WHERE b.author_id = a.id) AS nbooks FROM authors a ORDER BY nbooks DESC, a.name;
SELECT * FROM authors a JOIN books b ON b.author_id = a.id WHERE a.id = 2;
-- meta
SELECT a.name, b.price FROM authors a JOIN books b ON b.author_id = a.id WHERE a.id = 2;
-- error 1052
SELECT id FROM authors JOIN books ON books.author_id = authors.id;
-- error 1054
SELECT a.nosuch FROM authors a;
-- error 1054
SELECT * FROM authors a JOIN books b ON b.author_id = a.missing;
-- error 1066
SELECT * FROM authors a JOIN books a ON 1;
SELECT STRAIGHT_JOIN a.name FROM authors a JOIN books b ON b.author_id = a.id WHERE b.id = 13;
SELECT a.name FROM authors a JOIN (books b JOIN reviews r ON r.book_id = b.id) ON b.author_id = a.id WHERE r.stars = 5 ORDER BY a.name, b.id;
