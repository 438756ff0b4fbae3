-- TIMESTAMP values are stored in UTC and read in the session time zone;
-- DATETIME values are stored as given.
CREATE TABLE tz (id INT PRIMARY KEY, ts TIMESTAMP NULL, dt DATETIME NULL);
SET time_zone = '+02:00';
INSERT INTO tz VALUES (1, '2024-01-01 10:00:00', '2024-01-01 10:00:00');
INSERT INTO tz VALUES (2, TIMESTAMP '2024-06-30 23:30:00', TIMESTAMP '2024-06-30 23:30:00');
SELECT id, ts, dt FROM tz ORDER BY id;
SET time_zone = '+00:00';
SELECT id, ts, dt FROM tz ORDER BY id;
UPDATE tz SET ts = '2024-03-01 00:15:00' WHERE id = 1;
SET time_zone = '-05:00';
SELECT id, ts, dt FROM tz ORDER BY id;
SELECT id FROM tz WHERE ts > '2024-02-29 12:00:00' ORDER BY id;
SET time_zone = '+00:00';
DROP TABLE tz;
