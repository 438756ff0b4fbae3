"""Durability and restart: what survives a crash (SIGKILL) or a clean shutdown (SIGTERM).

* Committed rows survive SIGKILL; rows of transactions still open at the crash do not
  (explicit BEGIN and autocommit=0 alike); every INSERT the server acknowledged while a
  writer was running flat out is there after the crash. The same scenario on MariaDB
  gives the same tables.
* SIGTERM is a clean shutdown: exit code 0, "Normal shutdown" / "Shutdown complete" in
  the error log, clients disconnected (an idle one, one inside an open transaction whose
  work is then rolled back, one running SELECT SLEEP(30)), in a few seconds.
* A restart (clean or after SIGKILL) keeps accounts, databases, table definitions (SHOW
  CREATE TABLE byte for byte), grants and AUTO_INCREMENT continuity — compared with the
  same statements and restarts on MariaDB.
* A second server on the same datadir refuses to start.
"""

from __future__ import annotations

import subprocess
import threading
import time

import pymysql
import pytest

from servers import RelaydbServer, against_mariadb, relaydb_bin

DB = "db_dur"


def relaydb_bug(reason: str):
    """A known relaydb bug: the test must fail on relaydb (strict), and pass in self-check."""
    return pytest.mark.xfail(not against_mariadb(), strict=True, raises=AssertionError,
                             reason=f"relaydb bug: {reason}")


def connect(server, **kwargs):
    args = dict(autocommit=True, read_timeout=60, write_timeout=60)
    args.update(kwargs)
    return server.connect(**args)


def run(conn, sql, args=None):
    with conn.cursor() as cur:
        cur.execute(sql, args)
        return cur.fetchall()


def query(server, sql, **kwargs):
    conn = connect(server, **kwargs)
    try:
        return run(conn, sql)
    finally:
        conn.close()


def wait_for(predicate, timeout: float, what: str, interval: float = 0.02):
    deadline = time.monotonic() + timeout
    while True:
        if predicate():
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")
        time.sleep(interval)


def both(server_factory):
    """[(name, server)] for relaydb (the subject) and a MariaDB of this test."""
    return [("relaydb", server_factory.relaydb()), ("mariadb", server_factory.mariadb(log_bin=False))]


def on_both(pairs, scenario):
    results = {name: scenario(server) for name, server in pairs}
    assert results["relaydb"] == results["mariadb"], (
        f"relaydb and MariaDB differ:\n relaydb: {results['relaydb']!r}\n"
        f" mariadb: {results['mariadb']!r}")
    return results["mariadb"]


# --- crash ---------------------------------------------------------------------------------

@pytest.mark.parametrize("open_kind", ["begin", "autocommit0"])
def test_sigkill_keeps_committed_rows_and_drops_open_transactions(server_factory, open_kind):
    """Committed work survives SIGKILL; the open transaction (BEGIN, or autocommit=0 with
    uncommitted writes) at the crash leaves no trace. (relaydb serializes writers, so only
    one transaction can hold uncommitted writes at a time.)"""
    def scenario(server):
        conn = connect(server)
        run(conn, f"CREATE DATABASE {DB}")
        run(conn, f"CREATE TABLE {DB}.t (id INT PRIMARY KEY, v VARCHAR(20), d DECIMAL(10,2))")
        with conn.cursor() as cur:
            cur.executemany(f"INSERT INTO {DB}.t VALUES (%s, %s, %s)",
                            [(i, f"auto{i}", i * 1.5) for i in range(1, 51)])
        run(conn, "BEGIN")
        with conn.cursor() as cur:
            cur.executemany(f"INSERT INTO {DB}.t VALUES (%s, %s, %s)",
                            [(i, f"txn{i}", i) for i in range(100, 2100)])
        run(conn, f"UPDATE {DB}.t SET v = 'updated' WHERE id <= 10")
        run(conn, f"DELETE FROM {DB}.t WHERE id BETWEEN 41 AND 50")
        run(conn, "COMMIT")

        if open_kind == "begin":
            open_txn = connect(server)
            run(open_txn, "BEGIN")
        else:
            open_txn = connect(server, autocommit=False)
        run(open_txn, f"INSERT INTO {DB}.t VALUES (5000, 'uncommitted', 0)")
        run(open_txn, f"UPDATE {DB}.t SET v = 'uncommitted' WHERE id = 20")
        run(open_txn, f"DELETE FROM {DB}.t WHERE id = 30")
        # The committed state is what another connection sees right before the crash.
        seen = query(server, f"SELECT COUNT(*), SUM(d), SUM(v = 'updated') FROM {DB}.t")

        server.kill()
        conn.close()
        open_txn.close()  # PyMySQL ignores the dead socket
        server.start()

        after = query(server, f"SELECT COUNT(*), SUM(d), SUM(v = 'updated') FROM {DB}.t")
        assert after == seen, (seen, after)
        rows = query(server, f"SELECT id, v FROM {DB}.t WHERE id IN (1, 20, 30, 41, 100, 2099, 5000) "
                             "ORDER BY id")
        # The server takes writes after recovery.
        again = connect(server)
        run(again, f"INSERT INTO {DB}.t VALUES (7000, 'after', 1)")
        again.close()
        return seen, rows, query(server, f"SELECT COUNT(*) FROM {DB}.t")

    seen, rows, count = on_both(both(server_factory), scenario)
    assert rows == ((1, "updated"), (20, "auto20"), (30, "auto30"), (100, "txn100"), (2099, "txn2099"))
    assert count == ((2041,),)


def test_acknowledged_autocommit_inserts_survive_sigkill(server_factory):
    """A client inserts as fast as it can; the server is SIGKILLed mid-stream. Every row the
    server acknowledged is there after restart, plus at most the one in flight."""
    server = server_factory.relaydb()
    setup = connect(server)
    run(setup, f"CREATE DATABASE {DB}")
    run(setup, f"CREATE TABLE {DB}.log (id INT AUTO_INCREMENT PRIMARY KEY, n INT NOT NULL UNIQUE)")
    setup.close()

    acked: list[int] = []
    failure: list[BaseException] = []

    def writer():
        conn = connect(server, database=DB)
        n = 0
        try:
            while True:
                run(conn, "INSERT INTO log (n) VALUES (%s)", (n,))
                acked.append(n)
                n += 1
        except (pymysql.err.OperationalError, pymysql.err.InterfaceError):
            return  # the crash
        except BaseException as e:  # noqa: BLE001
            failure.append(e)

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    wait_for(lambda: len(acked) >= 300 or not thread.is_alive(), 30, "300 acknowledged inserts")
    server.kill()
    thread.join(30)
    assert not failure, failure
    assert len(acked) >= 300
    server.start()
    rows = [r[0] for r in query(server, f"SELECT n FROM {DB}.log ORDER BY n")]
    assert rows[:len(acked)] == acked, "an acknowledged insert was lost"
    assert len(rows) - len(acked) in (0, 1), (len(rows), len(acked))
    ids = query(server, f"SELECT MIN(id), MAX(id), COUNT(*) FROM {DB}.log")[0]
    assert ids == (1, len(rows), len(rows)), ids


# --- clean shutdown ------------------------------------------------------------------------

def test_sigterm_is_a_clean_shutdown(server_factory):
    """SIGTERM with an idle client and one inside a transaction with uncommitted writes:
    exit code 0, both disconnected, the open transaction rolled back."""
    server = server_factory.relaydb()
    conn = connect(server)
    run(conn, f"CREATE DATABASE {DB}")
    run(conn, f"CREATE TABLE {DB}.t (id INT PRIMARY KEY)")
    run(conn, f"INSERT INTO {DB}.t VALUES (1)")
    in_txn = connect(server)
    run(in_txn, "BEGIN")
    run(in_txn, f"INSERT INTO {DB}.t VALUES (2)")

    started = time.monotonic()
    rc = server.stop(timeout=30)
    took = time.monotonic() - started
    assert rc == 0, server.logs()
    assert took < 5, f"shutdown took {took:.1f}s"
    log = server.error_log.read_text()
    assert "Normal shutdown" in log and "Shutdown complete" in log, log
    for c in (conn, in_txn):
        with pytest.raises(pymysql.err.MySQLError):
            run(c, "SELECT 1")

    server.start()
    assert query(server, f"SELECT id FROM {DB}.t") == ((1,),)


def _shutdown_with_running_sleep(server) -> tuple[int, float, list]:
    sleeper = connect(server)
    result: list[object] = []

    def sleep():
        try:
            result.append(run(sleeper, "SELECT SLEEP(30)"))
        except pymysql.err.MySQLError as e:
            result.append(e)

    thread = threading.Thread(target=sleep, daemon=True)
    thread.start()
    wait_for(lambda: any(r[0] == "SELECT SLEEP(30)" for r in query(
        server, "SELECT INFO FROM information_schema.PROCESSLIST")), 10, "SLEEP to be running")
    started = time.monotonic()
    rc = server.stop(timeout=40)
    took = time.monotonic() - started
    thread.join(30)
    return rc, took, result


def test_sigterm_interrupts_running_statements(server_factory):
    server = server_factory.relaydb()
    rc, took, result = _shutdown_with_running_sleep(server)
    assert rc == 0, server.logs()
    assert took < 5, f"shutdown took {took:.1f}s with a SELECT SLEEP(30) running"
    assert result and isinstance(result[0], pymysql.err.MySQLError), result


def test_sigterm_with_no_clients_exits_zero_quickly(server_factory):
    server = server_factory.relaydb()
    started = time.monotonic()
    assert server.stop(timeout=30) == 0
    assert time.monotonic() - started < 5
    text = server.error_log.read_text()
    assert text.index("ready for connections") < text.index("Normal shutdown") < \
        text.index("Shutdown complete"), text


# --- restart keeps the catalog -------------------------------------------------------------

SCHEMA = [
    f"CREATE DATABASE {DB} CHARACTER SET latin1",
    f"CREATE DATABASE {DB}2",
    f"""CREATE TABLE {DB}.typed (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
        name VARCHAR(40) NOT NULL DEFAULT 'x' COMMENT 'the name',
        price DECIMAL(10,2) DEFAULT 0.00,
        ratio DOUBLE,
        flag TINYINT(1) NOT NULL DEFAULT 1,
        kind ENUM('a','b','c') DEFAULT 'b',
        tags SET('x','y'),
        born DATE,
        seen DATETIME(3) DEFAULT CURRENT_TIMESTAMP(3),
        changed TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
        blob_ BLOB,
        note TEXT CHARACTER SET utf8mb4,
        PRIMARY KEY (id),
        UNIQUE KEY uk_name (name),
        KEY k_price_ratio (price, ratio)
    ) ENGINE=InnoDB COMMENT='kept across restarts'""",
    f"CREATE TABLE {DB}2.seq (id INT AUTO_INCREMENT PRIMARY KEY, v INT) AUTO_INCREMENT=100",
    f"CREATE TABLE {DB}2.plain (a INT, b VARCHAR(5) COLLATE utf8mb4_bin)",
    f"INSERT INTO {DB}.typed (name) VALUES ('one'), ('two'), ('three')",
    f"DELETE FROM {DB}.typed WHERE name = 'three'",
    f"INSERT INTO {DB}2.seq (v) VALUES (1), (2), (3)",
    f"DELETE FROM {DB}2.seq WHERE v = 3",
    "CREATE USER 'dur'@'%' IDENTIFIED BY 'secret'",
    f"GRANT SELECT, INSERT ON {DB}.* TO 'dur'@'%'",
    f"GRANT SELECT, INSERT, UPDATE ON {DB}2.seq TO 'dur'@'%'",
    "CREATE USER 'dur2'@'localhost'",
]


def catalog_snapshot(server):
    conn = connect(server)
    try:
        out = {"databases": run(conn, f"SHOW DATABASES LIKE '{DB}%'")}
        for db in (DB, f"{DB}2"):
            out[f"create {db}"] = run(conn, f"SHOW CREATE DATABASE {db}")
            for (table,) in run(conn, f"SHOW TABLES FROM {db}"):
                out[f"create {db}.{table}"] = run(conn, f"SHOW CREATE TABLE {db}.{table}")
        out["grants dur"] = run(conn, "SHOW GRANTS FOR 'dur'@'%'")
        out["grants dur2"] = run(conn, "SHOW GRANTS FOR 'dur2'@'localhost'")
        return out
    finally:
        conn.close()


def test_restart_preserves_catalog_accounts_and_auto_increment(server_factory):
    def scenario(server):
        conn = connect(server)
        for stmt in SCHEMA:
            run(conn, stmt)
        conn.close()
        before = catalog_snapshot(server)
        server.stop()
        server.start()
        after_clean = catalog_snapshot(server)
        server.kill()
        server.start()
        after_crash = catalog_snapshot(server)
        assert after_clean == before, (before, after_clean)
        assert after_crash == before, (before, after_crash)

        # The account logs in with its password, and its grants work.
        user = connect(server, user="dur", password="secret")
        run(user, f"INSERT INTO {DB}.typed (name) VALUES ('four')")
        run(user, f"INSERT INTO {DB}2.seq (v) VALUES (4)")
        ids = (run(user, f"SELECT id, name FROM {DB}.typed ORDER BY id"),
               run(user, f"SELECT id, v FROM {DB}2.seq ORDER BY id"))
        user.close()
        return before, ids

    before, ids = on_both(both(server_factory), scenario)
    assert ids == (((1, "one"), (2, "two"), (4, "four")),
                   ((100, 1), (101, 2), (103, 4))), ids
    assert "AUTO_INCREMENT=103" in before[f"create {DB}2.seq"][0][1]


def test_auto_increment_continuity_across_sigkill(server_factory):
    def scenario(server):
        conn = connect(server)
        run(conn, f"CREATE DATABASE {DB}")
        run(conn, f"CREATE TABLE {DB}.a (id INT AUTO_INCREMENT PRIMARY KEY, v INT)")
        run(conn, f"INSERT INTO {DB}.a (v) VALUES (1), (2), (3), (4), (5)")
        run(conn, f"DELETE FROM {DB}.a WHERE id >= 4")
        run(conn, f"ALTER TABLE {DB}.a AUTO_INCREMENT = 50")
        run(conn, f"INSERT INTO {DB}.a (v) VALUES (50)")
        run(conn, f"DELETE FROM {DB}.a WHERE id = 50")
        conn.close()
        server.kill()
        server.start()
        conn = connect(server)
        run(conn, f"INSERT INTO {DB}.a (v) VALUES (51)")
        rows = run(conn, f"SELECT id, v FROM {DB}.a ORDER BY id")
        last = run(conn, "SELECT LAST_INSERT_ID()")
        conn.close()
        return rows, last

    assert on_both(both(server_factory), scenario) == (((1, 1), (2, 2), (3, 3), (51, 51)), ((51,),))


# --- one datadir, one server ---------------------------------------------------------------

def test_second_server_on_same_datadir_refuses_to_start(server_factory):
    if against_mariadb():
        pytest.skip("MariaDB retries the InnoDB lock for a long time; checked on relaydb only")
    first = server_factory.relaydb()
    assert isinstance(first, RelaydbServer)
    out_path = first.basedir / "second.out"
    with open(out_path, "wb") as out:
        proc = subprocess.Popen([str(relaydb_bin()), f"--datadir={first.datadir}", "--port=0",
                                 "--bind-address=127.0.0.1", f"--socket={first.basedir / 'second.sock'}"],
                                stdout=out, stderr=subprocess.STDOUT)
    try:
        # It must exit (with an error); "ready for connections" means it did not.
        wait_for(lambda: proc.poll() is not None or "ready for connections" in out_path.read_text(),
                 15, "the second server to exit or become ready")
        assert proc.poll() is not None, f"a second relaydb runs on the same datadir:\n{out_path.read_text()}"
        assert proc.returncode != 0, out_path.read_text()
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(15)
    assert first.responsive()
