"""The source is SIGKILLed under a concurrent write load; its data and binary log agree.

Runs with a MariaDB 10.11 source (validates the test) and with relaydb.

Four PyMySQL threads commit transactions (BEGIN; a 2-row INSERT; a 1-row INSERT; COMMIT) of
numbered rows with 0-8 KB payloads and record which COMMITs were acknowledged. When N commits of the round were
acknowledged, the source gets SIGKILL, is restarted (crash recovery) and checked:

* every acknowledged transaction is in the table; every transaction in the table is whole
  (all 3 rows) and was one a client sent (acknowledged, or in flight at the kill);
* the binary log (every file of the .index, read with
  `mariadb-binlog -v --base64-output=decode-rows`, which must read them without error)
  holds exactly the committed transactions: each row of the table appears in exactly one
  committed event group (ROW: the `### INSERT INTO` pseudo-SQL; STATEMENT/MIXED: the
  INSERT text), each such group is one whole transaction, and no committed group holds a
  row the table lacks.

Three rounds, killed at different moments (40, 150, 300 acknowledged commits) with the
workers in ROW, STATEMENT and MIXED format. Finally a MariaDB replica attached after the
last restart, from the first binlog file at position 4, replays everything and ends with
tables identical to the source's.
"""

from __future__ import annotations

import re
import threading
from collections import Counter, defaultdict

import pymysql
import pytest

from replication_util import (REPL_PASSWORD, REPL_USER, SOURCE_KINDS, assert_same_data,
                              binlog_files, connect, create_user, execute, query,
                              read_binlog_groups, start_replica, start_replication,
                              start_source, wait_caught_up, wait_until)

DB = "crash"
THREADS = 4
ROWS_PER_TXN = 3
ROUNDS = [("ROW", 40), ("STATEMENT", 150), ("MIXED", 300)]  # (binlog_format, commits before kill)
STATEMENT_ROW = re.compile(r"\((\d+), \d+, \d+, \d+, \d+, '[^']*'\)")


def row_id(rnd: int, worker: int, seq: int, k: int) -> int:
    return ((rnd * 100 + worker) * 1_000_000 + seq) * 10 + k


def txn_of(row: int) -> tuple[int, int, int]:
    """(round, worker, seq) of a row id."""
    txn = row // 10
    return txn // 100_000_000, txn // 1_000_000 % 100, txn % 1_000_000


class Worker(threading.Thread):
    def __init__(self, source, rnd: int, worker: int, fmt: str):
        super().__init__(daemon=True)
        self.source, self.rnd, self.worker, self.fmt = source, rnd, worker, fmt
        self.acked: list[tuple[int, int, int]] = []
        self.in_flight = None      # the transaction whose outcome the client never learned
        self.error = None
        self.ready = threading.Event()

    def run(self):
        try:
            conn = connect(self.source, read_timeout=60, write_timeout=60)
        except BaseException as e:  # noqa: BLE001
            self.error = e
            self.ready.set()
            return
        self.ready.set()
        seq = 0
        try:
            execute(conn, f"SET SESSION binlog_format = '{self.fmt}'")
            while True:
                ids = [row_id(self.rnd, self.worker, seq, k) for k in range(ROWS_PER_TXN)]
                # payloads of 0-8 KB: event groups of up to ~25 KB, so that a kill can
                # land in the middle of writing one
                values = [f"({i}, {self.rnd}, {self.worker}, {seq}, {k}, "
                          f"'payload-{i}-{'p' * ((seq * 37 + k) % 5 * 2000)}')"
                          for k, i in enumerate(ids)]
                self.in_flight = (self.rnd, self.worker, seq)
                execute(conn, "BEGIN")
                execute(conn, f"INSERT INTO {DB}.t VALUES {values[0]}, {values[1]}")
                execute(conn, f"INSERT INTO {DB}.t VALUES {values[2]}")
                execute(conn, "COMMIT")
                self.acked.append((self.rnd, self.worker, seq))
                self.in_flight = None
                seq += 1
        except (pymysql.err.OperationalError, pymysql.err.InterfaceError):
            return  # the kill
        except BaseException as e:  # noqa: BLE001
            self.error = e
        finally:
            try:
                conn.close()
            except Exception:  # noqa: BLE001
                pass


def group_row_ids(group) -> list[int]:
    ids = []
    for op, table, image in group.rows:
        assert op == "INSERT" and table == f"`{DB}`.`t`", (group.gtid, op, table)
        ids.append(int(image[1]))
    for statement in group.statements:
        if re.match(rf"INSERT INTO {DB}\.t VALUES", statement):
            ids += [int(m.group(1)) for m in STATEMENT_ROW.finditer(statement)]
    return ids


def check_consistency(source, acked: set, attempted: set) -> int:
    """Data vs acknowledgements vs binary log; returns the number of transactions."""
    rows = query(source, f"SELECT id, rnd, worker, seq, k FROM {DB}.t ORDER BY id")
    data_ids = [r[0] for r in rows]
    assert all(txn_of(r[0]) == r[1:4] and r[0] % 10 == r[4] for r in rows)
    by_txn = defaultdict(set)
    for i in data_ids:
        by_txn[txn_of(i)].add(i % 10)
    torn = {t: ks for t, ks in by_txn.items() if ks != set(range(ROWS_PER_TXN))}
    assert not torn, f"transactions only partly in the table: {sorted(torn.items())[:10]}"
    lost = sorted(acked - set(by_txn))
    assert not lost, f"{len(lost)} acknowledged transactions lost, e.g. {lost[:10]}"
    phantom = sorted(set(by_txn) - attempted)
    assert not phantom, f"transactions no client sent: {phantom[:10]}"

    files = binlog_files(source)
    groups = read_binlog_groups(files)
    committed_ids: Counter = Counter()
    for g in groups:
        ids = group_row_ids(g)
        if not ids:
            continue
        txns = {txn_of(i) for i in ids}
        assert len(txns) == 1 and sorted(i % 10 for i in ids) == list(range(ROWS_PER_TXN)), (
            f"event group {g.gtid} ({g.file}) is not one whole transaction: {ids}")
        if g.committed:
            committed_ids.update(ids)
        else:
            missing = set(ids) & set(data_ids)
            assert not missing, (f"rows of the unfinished event group {g.gtid} ({g.file}) are "
                                 f"in the table: {sorted(missing)}")
    twice = sorted(i for i, n in committed_ids.items() if n > 1)
    assert not twice, f"rows in more than one committed event group: {twice[:10]}"
    not_logged = sorted(set(data_ids) - set(committed_ids))
    assert not not_logged, (f"{len(not_logged)} rows in the table are in no committed binlog "
                            f"event group, e.g. {not_logged[:10]} (files {[f.name for f in files]})")
    not_applied = sorted(set(committed_ids) - set(data_ids))
    assert not not_applied, (f"{len(not_applied)} rows of committed binlog event groups are not "
                             f"in the table, e.g. {not_applied[:10]}")
    return len(by_txn)


# MariaDB as the source only validates the test. It is not always crash-clean here: the
# binlog it was writing when SIGKILLed can keep a torn event at its end (its recovery
# starts a new file without cutting it), which mariadb-binlog reports as 'Event truncated'
# and its own replicas stop on with 1236 (seen in about 1 run in 6). relaydb cuts a torn
# tail at start-up, and its variant keeps every assertion.
@pytest.fixture(params=[
    pytest.param(k, marks=pytest.mark.xfail(strict=False, reason="MariaDB leaves a torn binlog "
                                            "event after SIGKILL (see above)"))
    if k == "mariadb" else k
    for k in SOURCE_KINDS])
def kind(request):
    return request.param


def test_sigkill_under_write_load_keeps_data_and_binlog_consistent(server_factory, kind):
    source = start_source(server_factory, kind)
    create_user(source, REPL_USER, REPL_PASSWORD)
    conn = connect(source)
    execute(conn, f"CREATE DATABASE {DB}")
    execute(conn, f"CREATE TABLE {DB}.t (id BIGINT NOT NULL PRIMARY KEY, rnd INT NOT NULL, "
                  "worker INT NOT NULL, seq INT NOT NULL, k INT NOT NULL, payload TEXT)")
    conn.close()
    first_file = binlog_files(source)[0].name

    acked: set = set()
    attempted: set = set()
    for rnd, (fmt, kill_after) in enumerate(ROUNDS, start=1):
        workers = [Worker(source, rnd, w, fmt) for w in range(THREADS)]
        for w in workers:
            w.start()
        for w in workers:
            w.ready.wait(30)
        wait_until(lambda: sum(len(w.acked) for w in workers) >= kill_after
                   or any(w.error or not w.is_alive() for w in workers), 120,
                   f"{kill_after} acknowledged commits in round {rnd}", interval=0.002)
        source.kill()
        for w in workers:
            w.join(60)
            assert not w.is_alive(), "a worker is stuck after the kill"
        errors = [w.error for w in workers if w.error]
        assert not errors, f"round {rnd}: worker errors before the kill: {errors}"
        round_acked = [t for w in workers for t in w.acked]
        assert len(round_acked) >= kill_after, (
            f"round {rnd}: a worker stopped before the kill ({len(round_acked)} commits)")
        acked.update(round_acked)
        attempted.update(round_acked)
        attempted.update(w.in_flight for w in workers if w.in_flight)

        source.start()
        n = check_consistency(source, acked, attempted)
        print(f"round {rnd}: {len(round_acked)} acked, {n} txns in table")
        assert n >= len(acked)

    # A replica attached now replays the whole history, crashes included.
    replica = start_replica(server_factory, 2)
    start_replication(replica, source, first_file, 4)
    wait_caught_up(replica, source, timeout=120)
    snap = assert_same_data(source, replica)
    assert len(snap[(DB, "t")].rows) >= len(acked) * ROWS_PER_TXN
