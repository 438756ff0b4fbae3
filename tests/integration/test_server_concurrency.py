"""Concurrency of the server core: many clients, explicit transactions, isolation, lock waits.

* A few seconds of 8 PyMySQL clients mixing explicit transactions (BEGIN; SELECT; UPDATE;
  COMMIT), rollbacks, read-only snapshot transactions, autocommit writes and small DDL on
  shared tables: not a single error of any kind (no SQLite "database is locked"/busy/
  snapshot message leaks out, no 1105), and the invariants hold at the end (bank transfers
  keep the total; counters equal the committed increments; rolled-back work is gone).
* REPEATABLE READ: two identical SELECTs in one transaction return the same rows while
  another client commits in between; START TRANSACTION WITH CONSISTENT SNAPSHOT takes the
  snapshot at once; a transaction's own writes are visible to it, other commits are not
  (relaydb vs MariaDB, scenario by scenario).
* Lock waits: a writer blocked by another's open transaction waits and proceeds after the
  COMMIT; with innodb_lock_wait_timeout=1 it gets 1205 instead (the same row conflict on
  MariaDB gives the same error). SELECT ... FOR UPDATE serializes read-modify-write.

The architecture behind it: docs/architecture.md, "Locking model".
"""

from __future__ import annotations

import random
import threading
import time
from typing import Callable, Optional

import pymysql
import pytest

from servers import against_mariadb


def relaydb_bug(reason: str):
    """A known relaydb bug: the test must fail on relaydb (strict), and pass in self-check."""
    return pytest.mark.xfail(not against_mariadb(), strict=True, raises=AssertionError,
                             reason=f"relaydb bug: {reason}")

DB = "db_conc"
THREADS = 8
STRESS_SECONDS = 4.0
ACCOUNTS = 10
START_BALANCE = 1000


# --- helpers ------------------------------------------------------------------------------

def connect(server, **kwargs):
    args = dict(autocommit=True, database=DB, read_timeout=60, write_timeout=60)
    args.update(kwargs)
    return server.connect(**args)


def run(conn, sql, args=None):
    """Executes one statement; returns all rows (a tuple of tuples, empty for no result)."""
    with conn.cursor() as cur:
        cur.execute(sql, args)
        return cur.fetchall()


def error_of(fn: Callable[[], object]) -> Optional[tuple]:
    """(errno, message) of the MySQL error fn() raises, or None."""
    try:
        fn()
    except pymysql.err.MySQLError as e:
        return tuple(e.args[:2])
    return None


def wait_for(predicate: Callable[[], bool], timeout: float, what: str, interval: float = 0.02):
    deadline = time.monotonic() + timeout
    while True:
        if predicate():
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")
        time.sleep(interval)


class Background:
    """Runs fn() on a thread; .done(), .result() (re-raises), .join(timeout)."""

    def __init__(self, fn: Callable[[], object]):
        self._result = None
        self._error: Optional[BaseException] = None
        self._thread = threading.Thread(target=self._run, args=(fn,), daemon=True)
        self._thread.start()

    def _run(self, fn):
        try:
            self._result = fn()
        except BaseException as e:  # noqa: BLE001 - handed to the test thread
            self._error = e

    def done(self) -> bool:
        return not self._thread.is_alive()

    def result(self, timeout: float):
        self._thread.join(timeout)
        if self._thread.is_alive():
            raise AssertionError(f"background statement still running after {timeout:.0f}s")
        if self._error is not None:
            raise self._error
        return self._result


def running_query(server, text: str) -> bool:
    """True if some connection is executing a statement whose Info is `text`."""
    conn = server.connect(autocommit=True)
    try:
        rows = run(conn, "SELECT COMMAND, INFO FROM information_schema.PROCESSLIST")
    finally:
        conn.close()
    return any(cmd == "Query" and info == text for cmd, info in rows)


@pytest.fixture
def sides(relaydb, mariadb):
    pairs = [("relaydb", relaydb), ("mariadb", mariadb)]
    for _, server in pairs:
        server.recreate_database(DB)
    yield pairs
    for _, server in pairs:
        if server.alive():
            server.recreate_database(DB, drop_only=True)


@pytest.fixture
def subject(relaydb):
    relaydb.recreate_database(DB)
    yield relaydb
    if relaydb.alive():
        relaydb.recreate_database(DB, drop_only=True)


def on_both(sides, scenario):
    """Runs scenario(server) on each side; asserts the outcomes are equal and returns it."""
    results = {name: scenario(server) for name, server in sides}
    assert results["relaydb"] == results["mariadb"], (
        f"relaydb and MariaDB differ:\n relaydb: {results['relaydb']!r}\n"
        f" mariadb: {results['mariadb']!r}")
    return results["mariadb"]


# --- the mixed workload -------------------------------------------------------------------

class Worker:
    """One client of the stress test; counts what it committed, records every error."""

    def __init__(self, server, index: int, deadline: float):
        self.server = server
        self.index = index
        self.deadline = deadline
        self.rng = random.Random(1000 + index)
        self.errors: list[str] = []
        self.txn_increments = 0       # counter id=1, explicit transactions
        self.auto_increments = 0      # counter id=2, autocommit
        self.inserted = 0             # events rows of this thread
        self.transfers = 0
        self.snapshot_reads = 0
        self.rollbacks = 0
        self.ddl = 0

    def run(self) -> None:
        try:
            conn = connect(self.server)
        except pymysql.err.MySQLError as e:
            self.errors.append(f"connect: {e!r}")
            return
        ops = [self.transfer] * 4 + [self.txn_increment] * 2 + [self.auto_increment] * 2 + \
              [self.insert] * 2 + [self.snapshot_read] * 2 + [self.rollback] + [self.ddl_op]
        try:
            while time.monotonic() < self.deadline and not self.errors:
                op = self.rng.choice(ops)
                try:
                    op(conn)
                except pymysql.err.MySQLError as e:
                    self.errors.append(f"{op.__name__}: {e!r}")
                except AssertionError as e:
                    self.errors.append(f"{op.__name__}: {e}")
        finally:
            conn.close()

    def transfer(self, conn) -> None:
        a, b = sorted(self.rng.sample(range(1, ACCOUNTS + 1), 2))
        amount = self.rng.randint(1, 50) * self.rng.choice((1, -1))
        run(conn, "BEGIN")
        rows = run(conn, "SELECT id, balance FROM acct WHERE id IN (%s, %s) ORDER BY id", (a, b))
        assert [r[0] for r in rows] == [a, b], rows
        # Lower id first, so that InnoDB (self-check mode) cannot deadlock.
        with conn.cursor() as cur:
            assert cur.execute("UPDATE acct SET balance = balance - %s WHERE id = %s", (amount, a)) == 1
            assert cur.execute("UPDATE acct SET balance = balance + %s WHERE id = %s", (amount, b)) == 1
        run(conn, "COMMIT")
        self.transfers += 1

    def txn_increment(self, conn) -> None:
        run(conn, "BEGIN")
        before = run(conn, "SELECT n FROM counter WHERE id = 1")[0][0]
        with conn.cursor() as cur:
            assert cur.execute("UPDATE counter SET n = n + 1 WHERE id = 1") == 1
        after = run(conn, "SELECT n FROM counter WHERE id = 1")[0][0]
        assert after >= before + 1, (before, after)
        run(conn, "COMMIT")
        self.txn_increments += 1

    def auto_increment(self, conn) -> None:
        with conn.cursor() as cur:
            assert cur.execute("UPDATE counter SET n = n + 1 WHERE id = 2") == 1
        self.auto_increments += 1

    def insert(self, conn) -> None:
        with conn.cursor() as cur:
            cur.execute("INSERT INTO events (thread, seq) VALUES (%s, %s)", (self.index, self.inserted))
            assert cur.lastrowid > 0
        self.inserted += 1

    def snapshot_read(self, conn) -> None:
        """Any snapshot sees the bank's total, twice the same, inside one transaction."""
        run(conn, "BEGIN")
        first = run(conn, "SELECT SUM(balance), COUNT(*) FROM acct")
        events1 = run(conn, "SELECT COUNT(*) FROM events")
        second = run(conn, "SELECT SUM(balance), COUNT(*) FROM acct")
        events2 = run(conn, "SELECT COUNT(*) FROM events")
        run(conn, "COMMIT")
        assert int(first[0][0]) == ACCOUNTS * START_BALANCE, first
        assert first == second and events1 == events2, (first, second, events1, events2)
        self.snapshot_reads += 1

    def rollback(self, conn) -> None:
        run(conn, "BEGIN")
        run(conn, "UPDATE counter SET n = n + 1000 WHERE id = 1")
        run(conn, "INSERT INTO events (thread, seq) VALUES (%s, -1)", (self.index,))
        run(conn, "UPDATE acct SET balance = balance + 1000000 WHERE id = 1")
        run(conn, "ROLLBACK")
        self.rollbacks += 1

    def ddl_op(self, conn) -> None:
        name = f"scratch_{self.index}"
        run(conn, f"CREATE TABLE {name} (id INT PRIMARY KEY, v VARCHAR(10))")
        run(conn, f"INSERT INTO {name} VALUES (1, 'x'), (2, 'y')")
        assert run(conn, f"SELECT COUNT(*) FROM {name}") == ((2,),)
        run(conn, f"DROP TABLE {name}")
        self.ddl += 1


def test_mixed_workload_has_no_errors_and_keeps_invariants(subject):
    setup = connect(subject)
    run(setup, "CREATE TABLE acct (id INT PRIMARY KEY, balance INT NOT NULL)")
    run(setup, "INSERT INTO acct VALUES " +
        ", ".join(f"({i}, {START_BALANCE})" for i in range(1, ACCOUNTS + 1)))
    run(setup, "CREATE TABLE counter (id INT PRIMARY KEY, n BIGINT NOT NULL)")
    run(setup, "INSERT INTO counter VALUES (1, 0), (2, 0)")
    run(setup, "CREATE TABLE events (id INT AUTO_INCREMENT PRIMARY KEY, thread INT NOT NULL, "
               "seq INT NOT NULL, UNIQUE KEY (thread, seq))")

    deadline = time.monotonic() + STRESS_SECONDS
    workers = [Worker(subject, i, deadline) for i in range(THREADS)]
    threads = [threading.Thread(target=w.run, daemon=True) for w in workers]
    for t in threads:
        t.start()
    for t in threads:
        t.join(STRESS_SECONDS + 60)
    assert not any(t.is_alive() for t in threads), "a client hung (no reply within 60 s)"

    errors = [f"client {w.index}: {e}" for w in workers for e in w.errors]
    assert errors == [], "errors during the mixed workload:\n" + "\n".join(errors)

    total = {k: sum(getattr(w, k) for w in workers)
             for k in ("transfers", "txn_increments", "auto_increments", "inserted",
                       "snapshot_reads", "rollbacks", "ddl")}
    # Every kind of operation really ran, and concurrently enough to matter.
    assert all(v > 0 for v in total.values()), total
    assert total["transfers"] >= THREADS, total

    assert run(setup, "SELECT SUM(balance), COUNT(*) FROM acct")[0] == \
        (ACCOUNTS * START_BALANCE, ACCOUNTS)
    assert run(setup, "SELECT n FROM counter ORDER BY id") == \
        ((total["txn_increments"],), (total["auto_increments"],))
    assert run(setup, "SELECT COUNT(*) FROM events")[0][0] == total["inserted"]
    assert run(setup, "SELECT COUNT(*) FROM events WHERE seq < 0")[0][0] == 0
    per_thread = dict(run(setup, "SELECT thread, COUNT(*) FROM events GROUP BY thread"))
    assert per_thread == {w.index: w.inserted for w in workers if w.inserted}, per_thread
    assert run(setup, "SELECT COUNT(*) FROM information_schema.TABLES "
                      "WHERE TABLE_SCHEMA = %s AND TABLE_NAME LIKE 'scratch%%'", (DB,)) == ((0,),)
    setup.close()


# --- isolation ------------------------------------------------------------------------------

def _setup_t(server):
    conn = connect(server)
    run(conn, "CREATE TABLE t (id INT PRIMARY KEY, v INT)")
    run(conn, "INSERT INTO t VALUES (1, 10), (2, 20), (3, 30)")
    return conn


def test_repeatable_read_inside_a_transaction(sides):
    def scenario(server):
        other = _setup_t(server)
        reader = connect(server)
        try:
            run(reader, "BEGIN")
            first = run(reader, "SELECT id, v FROM t ORDER BY id")
            first_sum = run(reader, "SELECT SUM(v), COUNT(*) FROM t")
            run(other, "UPDATE t SET v = v + 1")
            run(other, "INSERT INTO t VALUES (4, 40)")
            run(other, "DELETE FROM t WHERE id = 1")
            second = run(reader, "SELECT id, v FROM t ORDER BY id")
            second_sum = run(reader, "SELECT SUM(v), COUNT(*) FROM t")
            run(reader, "COMMIT")
            after = run(reader, "SELECT id, v FROM t ORDER BY id")
            assert first == second, (first, second)
            assert first_sum == second_sum, (first_sum, second_sum)
            assert after != first
            return first, second, [tuple(map(int, r)) for r in first_sum + second_sum], after
        finally:
            reader.close()
            other.close()

    on_both(sides, scenario)


def test_autocommit_reads_see_each_commit(sides):
    def scenario(server):
        other = _setup_t(server)
        reader = connect(server)
        try:
            seen = [run(reader, "SELECT SUM(v) FROM t")[0][0]]
            for i in range(3):
                run(other, "UPDATE t SET v = v + 1 WHERE id = %s", (i + 1,))
                seen.append(run(reader, "SELECT SUM(v) FROM t")[0][0])
            return [int(x) for x in seen]
        finally:
            reader.close()
            other.close()

    assert on_both(sides, scenario) == [60, 61, 62, 63]


def test_consistent_snapshot_is_taken_at_start_transaction(sides):
    def scenario(server):
        other = _setup_t(server)
        reader = connect(server)
        try:
            run(reader, "START TRANSACTION WITH CONSISTENT SNAPSHOT")
            run(other, "UPDATE t SET v = 99 WHERE id = 1")
            seen = run(reader, "SELECT v FROM t WHERE id = 1")
            run(reader, "COMMIT")
            return seen, run(reader, "SELECT v FROM t WHERE id = 1")
        finally:
            reader.close()
            other.close()

    assert on_both(sides, scenario) == (((10,),), ((99,),))


@relaydb_bug("a transaction's first write restarts its SQLite read transaction, so later "
             "reads see rows other clients committed after its snapshot (InnoDB keeps the read view)")
def test_own_writes_visible_other_commits_not(sides):
    """After its first read, a transaction keeps its read view even across its own writes:
    rows it did not change still read as of the snapshot (InnoDB's consistent read)."""
    def scenario(server):
        other = _setup_t(server)
        txn = connect(server)
        try:
            run(txn, "BEGIN")
            before = run(txn, "SELECT v FROM t WHERE id = 2")
            run(other, "UPDATE t SET v = 200 WHERE id = 2")
            run(txn, "UPDATE t SET v = v + 1 WHERE id = 1")
            own = run(txn, "SELECT v FROM t WHERE id = 1")
            untouched = run(txn, "SELECT v FROM t WHERE id = 2")
            run(txn, "COMMIT")
            return before, own, untouched, run(txn, "SELECT id, v FROM t ORDER BY id")
        finally:
            txn.close()
            other.close()

    assert on_both(sides, scenario) == (((20,),), ((11,),), ((20,),),
                                        ((1, 11), (2, 200), (3, 30)))


def test_uncommitted_writes_are_invisible_to_others(sides):
    def scenario(server):
        other = _setup_t(server)
        txn = connect(server)
        try:
            run(txn, "BEGIN")
            run(txn, "INSERT INTO t VALUES (5, 50)")
            run(txn, "UPDATE t SET v = -1 WHERE id = 3")
            during = run(other, "SELECT id, v FROM t ORDER BY id")
            run(txn, "ROLLBACK")
            after = run(other, "SELECT id, v FROM t ORDER BY id")
            return during, after
        finally:
            txn.close()
            other.close()

    during, after = on_both(sides, scenario)
    assert during == after == ((1, 10), (2, 20), (3, 30))


# --- lock waits -----------------------------------------------------------------------------

UPDATE_BLOCKED = "UPDATE t SET v = v + 10 WHERE id = 1"


def test_blocked_writer_waits_then_proceeds_after_commit(sides):
    def scenario(server):
        holder = _setup_t(server)
        waiter = connect(server)
        try:
            run(holder, "BEGIN")
            run(holder, "UPDATE t SET v = v + 1 WHERE id = 1")
            blocked = Background(lambda: run(waiter, UPDATE_BLOCKED))
            wait_for(lambda: running_query(server, UPDATE_BLOCKED), 10,
                     "the second writer to be executing")
            # It is waiting for the holder's lock: it cannot have finished.
            still_waiting = not blocked.done()
            run(holder, "COMMIT")
            blocked.result(timeout=20)
            return still_waiting, run(holder, "SELECT v FROM t WHERE id = 1")
        finally:
            waiter.close()
            holder.close()

    assert on_both(sides, scenario) == (True, ((21,),))


def test_lock_wait_timeout_gives_1205(sides):
    def scenario(server):
        holder = _setup_t(server)
        waiter = connect(server)
        try:
            run(waiter, "SET SESSION innodb_lock_wait_timeout = 1")
            run(holder, "BEGIN")
            run(holder, "UPDATE t SET v = v + 1 WHERE id = 1")
            started = time.monotonic()
            err = error_of(lambda: run(waiter, UPDATE_BLOCKED))
            waited = time.monotonic() - started
            assert 0.5 <= waited < 15, waited
            # The failed statement changed nothing; the waiter is still usable.
            in_txn = run(waiter, "SELECT v FROM t WHERE id = 1")
            run(holder, "COMMIT")
            retry = error_of(lambda: run(waiter, UPDATE_BLOCKED))
            return err, in_txn, retry, run(waiter, "SELECT v FROM t WHERE id = 1")
        finally:
            waiter.close()
            holder.close()

    err, _, retry, final = on_both(sides, scenario)
    assert err == (1205, "Lock wait timeout exceeded; try restarting transaction")
    assert retry is None and final == ((21,),)


def test_lock_wait_timeout_in_explicit_transaction_keeps_it_open(sides):
    """1205 rolls back only the statement (innodb_rollback_on_timeout=OFF): the waiter's
    earlier work in its transaction survives and commits."""
    def scenario(server):
        holder = _setup_t(server)
        waiter = connect(server)
        try:
            run(waiter, "CREATE TABLE other (id INT PRIMARY KEY)")
            run(waiter, "SET SESSION innodb_lock_wait_timeout = 1")
            run(holder, "BEGIN")
            run(holder, "UPDATE t SET v = v + 1 WHERE id = 1")
            run(waiter, "BEGIN")
            run(waiter, "SELECT COUNT(*) FROM other")
            err = error_of(lambda: run(waiter, UPDATE_BLOCKED))
            run(holder, "COMMIT")
            run(waiter, "INSERT INTO other VALUES (7)")
            run(waiter, "COMMIT")
            return err, run(holder, "SELECT id FROM other"), run(holder, "SELECT v FROM t WHERE id = 1")
        finally:
            waiter.close()
            holder.close()

    err, others, v = on_both(sides, scenario)
    assert err[0] == 1205 and others == ((7,),) and v == ((11,),)


SELECT_FOR_UPDATE = "SELECT n FROM c WHERE id = 1 FOR UPDATE"


def test_select_for_update_serializes_read_modify_write(sides):
    """Two transactions read-modify-write one counter through SELECT ... FOR UPDATE: the
    second read waits for the first COMMIT and sees its value, so no increment is lost."""
    def scenario(server):
        a = connect(server)
        b = connect(server)
        try:
            run(a, "CREATE TABLE c (id INT PRIMARY KEY, n INT)")
            run(a, "INSERT INTO c VALUES (1, 5)")
            run(a, "BEGIN")
            n_a = run(a, SELECT_FOR_UPDATE)[0][0]

            def b_increment():
                run(b, "BEGIN")
                n_b = run(b, SELECT_FOR_UPDATE)[0][0]
                run(b, "UPDATE c SET n = %s WHERE id = 1", (n_b + 1,))
                run(b, "COMMIT")
                return n_b

            blocked = Background(b_increment)
            wait_for(lambda: running_query(server, SELECT_FOR_UPDATE) or blocked.done(), 10,
                     "the second SELECT ... FOR UPDATE to run")
            still_waiting = not blocked.done()
            run(a, "UPDATE c SET n = %s WHERE id = 1", (n_a + 1,))
            run(a, "COMMIT")
            n_b = blocked.result(timeout=20)
            return still_waiting, n_a, n_b, run(a, "SELECT n FROM c")
        finally:
            a.close()
            b.close()

    assert on_both(sides, scenario) == (True, 5, 6, ((7,),))


def test_select_for_update_lock_wait_timeout(sides):
    def scenario(server):
        a = connect(server)
        b = connect(server)
        try:
            run(a, "CREATE TABLE c (id INT PRIMARY KEY, n INT)")
            run(a, "INSERT INTO c VALUES (1, 5)")
            run(b, "SET SESSION innodb_lock_wait_timeout = 1")
            run(a, "BEGIN")
            run(a, "UPDATE c SET n = 6 WHERE id = 1")
            run(b, "BEGIN")
            return error_of(lambda: run(b, SELECT_FOR_UPDATE))
        finally:
            a.close()
            b.close()

    assert on_both(sides, scenario) == (1205, "Lock wait timeout exceeded; try restarting transaction")


def test_disconnect_releases_locks_and_rolls_back(sides):
    """A client that vanishes in the middle of a transaction: its writes are rolled back and
    the next writer does not wait for it."""
    def scenario(server):
        other = _setup_t(server)
        run(other, "SET SESSION innodb_lock_wait_timeout = 5")
        gone = connect(server)
        run(gone, "BEGIN")
        run(gone, "UPDATE t SET v = 0 WHERE id = 1")
        gone.close()  # COM_QUIT with the transaction open
        started = time.monotonic()
        run(other, "UPDATE t SET v = v + 1 WHERE id = 1")
        waited = time.monotonic() - started
        rows = run(other, "SELECT id, v FROM t ORDER BY id")
        other.close()
        return waited < 4, rows

    assert on_both(sides, scenario) == (True, ((1, 11), (2, 20), (3, 30)))
