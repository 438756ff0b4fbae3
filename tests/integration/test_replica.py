"""relaydb as a REPLICA (issue 4): of a relaydb source and of a MariaDB 10.11 source.

Every test runs with both source kinds. The replica under test is relaydb (with
RELAYDB_DIFF_AGAINST_MARIADB=1 a MariaDB 10.11 plays it, which validates the tests); some
tests run a MariaDB 10.11 "reference" replica beside it and compare. Replication is set up
with CHANGE MASTER TO ... MASTER_LOG_FILE/MASTER_LOG_POS (SHOW MASTER STATUS),
MASTER_USE_GTID=no, MASTER_CONNECT_RETRY=1, as user `repl` (REPLICATION SLAVE).

* The workload of replication_util (DDL, every column type, multi-statement transactions,
  a rollback, a table without a primary key) in ROW / STATEMENT / MIXED, with FLUSH BINARY
  LOGS on the source twice mid-workload (once inside an open transaction of the workload
  session): the replica's Exec_Master_Log_Pos reaches the source's SHOW MASTER STATUS, every
  table's sorted rows and column types are the source's, the rolled-back rows never appear.
* STOP SLAVE SQL_THREAD: the I/O thread keeps reading (Read_Master_Log_Pos reaches the
  source, across a rotation) while Exec_Master_Log_Pos and the data stay put; START SLAVE
  SQL_THREAD catches up.
* Faults: SIGKILL of the replica twice during a load of three writer threads (ROW,
  STATEMENT, MIXED sessions): after restarts the tables are the source's, no row missing or
  duplicated (a table without a primary key catches replays). The source stops: the I/O
  thread shows "Waiting to reconnect after a failed master event read" / "Reconnecting after
  a failed master event read" (SHOW SLAVE STATUS and SHOW PROCESSLIST), Slave_IO_Running
  Connecting, Last_IO_Errno 2003 in MariaDB's words; it reconnects when the source is back.
  A byte flipped inside an event body of the newest relay log: START SLAVE SQL_THREAD stops
  with Last_SQL_Errno 1594 at the group holding it (relaydb's message also names the relay
  log and the event's position); the server keeps running; CHANGE MASTER to the executed
  position re-fetches and catches up.
* relay_log_space_limit=64K, max_relay_log_size=4K, SQL thread stopped, one transaction of
  ~300K: the I/O thread shows "Waiting for the slave SQL thread to free enough relay log
  space" with Relay_Log_Space bounded; START SLAVE SQL_THREAD: everything arrives (no
  deadlock) and applied relay logs are purged.
* Status files: master.info (line count, then the seed's 4.1 layout ... and MariaDB 10.11's
  further lines) equals a MariaDB replica's of the same source and matches SHOW SLAVE STATUS;
  relay-log.info (line count, Relay_Log_File as the index names it, Relay_Log_Pos,
  Relay_Master_Log_File, Exec_Master_Log_Pos, SQL_Delay) matches SHOW SLAVE STATUS. A clean
  restart resumes replication by itself (no loss, no duplicate); with --skip-slave-start it
  does not until START SLAVE. Relay logs <hostname>-relay-bin.NNNNNN are read by
  `mariadb-binlog` (exit 0, nothing on stderr).
* Control statements, compared with a MariaDB replica: START SLAVE unconfigured (1200), STOP
  SLAVE when stopped (Note 1255), START SLAVE when running (Note 1254), CHANGE MASTER / RESET
  SLAVE / SET GLOBAL sql_slave_skip_counter while running (1198), RESET SLAVE (master.info,
  relay-log.info and the relay logs go; SHOW SLAVE STATUS keeps the connection), RESET SLAVE
  ALL; SHOW SLAVE STATUS shows the CHANGE MASTER coordinates as executed until an event
  moves them. START SLAVE UNTIL MASTER_LOG_FILE/MASTER_LOG_POS stops the SQL thread there;
  MASTER_POS_WAIT returns >= 0 once the position is reached (also while waiting for it) and
  -1 on timeout. A duplicate key stops the SQL thread (1062, MariaDB's text);
  sql_slave_skip_counter=1 skips that one group. Equal server ids: Last_IO_Errno 1593.
* Thread states: Slave_IO / Slave_SQL rows of SHOW PROCESSLIST, User 'system user', states
  from the seed documents' lists (polled), the same as SHOW SLAVE STATUS shows; "Connecting
  to master" (2003) while the source is unreachable; the rows go with STOP SLAVE.
"""

from __future__ import annotations

import re
import socket
import threading
import time

import pytest

from replica_util import (GTID_EVENT, IO_IDLE_STATE, RECONNECT_STATES, REGISTRATION_RETRY_STATES,
                          RELAY_LOG_HEAD_EVENTS, SEED_IO_STATES, SEED_SQL_STATES,
                          SPACE_WAIT_STATE, Outcome, change_master_sql, datadir_of, error,
                          find_event_with, master_info_lines, note, ok, read_info_file,
                          relay_log_entries, relay_log_events, relay_log_files, run,
                          source_with_user, sql_idle_state, start_reference_replica,
                          start_relaydb_replica, system_threads, thread_state, wait_status)
from replication_util import (FORMATS, REPL_PASSWORD, REPL_USER, SOURCE_KINDS, TYPES_NUM,
                              Writer, assert_no_rolled_back_rows, assert_same_data, binary_logs,
                              binlog_pos_key, brief_status, connect, execute, mariadb_binlog,
                              master_status, parse_binlog_groups, query, run_statements,
                              session_setup, slave_status, snapshot, wait_caught_up,
                              wait_io_error, wait_io_running, wait_until, workload_statements)
from servers import against_mariadb, free_port

LOG_DB = "rpl_log"


@pytest.fixture(params=SOURCE_KINDS)
def kind(request):
    return request.param


# --- helpers -----------------------------------------------------------------------------

def replicate(replica, source, connect_retry: int = 1, extra: str = "", start: str = "START SLAVE",
              wait_running: bool = True, coordinates=None) -> tuple[str, int]:
    """CHANGE MASTER TO the source's current position (or `coordinates`) and `start`."""
    file, pos = coordinates or master_status(source)
    assert run(replica, change_master_sql(source, file, pos, connect_retry, extra)) == ok(), \
        f"CHANGE MASTER on {replica.name}"
    if start:
        query(replica, start)
        if wait_running:
            wait_io_running(replica)
    return file, pos


def make_log_tables(source, db: str = LOG_DB) -> None:
    """`log` (primary key: a replayed event stops the replica with 1062) and `log_nopk` (no
    key: a replayed event shows as a duplicated row)."""
    conn = connect(source)
    try:
        execute(conn, f"CREATE DATABASE IF NOT EXISTS `{db}`")
        execute(conn, f"CREATE TABLE `{db}`.log (id INT NOT NULL PRIMARY KEY, n INT)")
        execute(conn, f"CREATE TABLE `{db}`.log_nopk (id INT, n INT)")
    finally:
        conn.close()


def insert_rows(source, ids, db: str = LOG_DB) -> None:
    conn = connect(source)
    try:
        for i in ids:
            execute(conn, "BEGIN")
            execute(conn, f"INSERT INTO `{db}`.log VALUES ({i}, {i * 7})")
            execute(conn, f"INSERT INTO `{db}`.log_nopk VALUES ({i}, {i * 7})")
            execute(conn, "COMMIT")
    finally:
        conn.close()


def assert_log_tables_complete(snap: dict, expected_ids, db: str = LOG_DB) -> None:
    """`log` holds exactly expected_ids; `log_nopk` the same rows, none twice."""
    rows = snap[(db, "log")].rows
    ids = [r[0] for r in rows]
    expected = sorted(expected_ids)
    assert ids == expected, (f"log: {len(ids)} rows, expected {len(expected)}; missing "
                             f"{sorted(set(expected) - set(ids))[:20]}, unexpected "
                             f"{sorted(set(ids) - set(expected))[:20]}")
    nopk = sorted(snap[(db, "log_nopk")].rows)
    assert nopk == sorted(rows), (f"log_nopk differs from log (duplicates or losses): "
                                  f"{len(nopk)} rows vs {len(rows)}")


def exec_position(status: dict) -> tuple[str, int]:
    return status["Relay_Master_Log_File"], int(status["Exec_Master_Log_Pos"])


def source_query_texts(source) -> set[str]:
    """The statements of the source's Query events (SHOW BINLOG EVENTS), without the
    "use `db`; " prefix."""
    texts = set()
    for log, _ in binary_logs(source):
        for e in query(source, f"SHOW BINLOG EVENTS IN '{log}'", dicts=True):
            if e["Event_type"] == "Query":
                texts.add(re.sub(r"^use `(?:[^`]|``)*`; ", "", e["Info"]))
    return texts


def wait_sql_stopped(replica, timeout: float = 60) -> dict:
    return wait_status(replica, lambda s: s["Slave_SQL_Running"] == "No", timeout,
                       "the SQL thread to stop")


# --- 1. the workload, every format, with binlog rotations -----------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_workload_replicates_with_rotations(server_factory, kind, fmt):
    source = source_with_user(server_factory, kind)
    replica = start_relaydb_replica(server_factory)
    replicate(replica, source)

    db = f"rpl_{fmt.lower()}"
    statements = workload_statements(db, fmt)
    first_begin = statements.index("BEGIN")
    # before the first multi-statement transaction, inside it (after its first INSERT) and
    # before the typed tables
    rotate_before = {first_begin, first_begin + 2, statements.index(TYPES_NUM)}
    conn, flusher = connect(source), connect(source)
    try:
        # should FLUSH wait for the open transaction (MariaDB does not), fail fast
        execute(flusher, "SET SESSION innodb_lock_wait_timeout = 5")
        run_statements(conn, session_setup(fmt))
        for i, sql in enumerate(statements):
            if i in rotate_before:
                before = master_status(source)[0]
                flush = run(flusher, "FLUSH BINARY LOGS")
                assert flush == ok(), f"FLUSH BINARY LOGS before {sql!r}: {flush}"
                after = master_status(source)[0]
                assert binlog_pos_key(after, 4)[0] == binlog_pos_key(before, 4)[0] + 1, \
                    (before, after)
            run_statements(conn, [sql])
    finally:
        conn.close()
        flusher.close()

    status = wait_caught_up(replica, source, timeout=120)
    snap = assert_same_data(source, replica)
    assert set(snap) == {(db, t) for t in ("nopk", "t1", "t2_renamed", "t3", "truncated",
                                           "types_num", "types_str", "types_time")}, sorted(snap)
    assert_no_rolled_back_rows(replica, db)
    assert len(snap[(db, "types_str")].rows) == 4 and len(snap[(db, "types_num")].rows) == 6
    current = master_status(source)[0]
    assert (status["Master_Log_File"], status["Relay_Master_Log_File"]) == (current, current), \
        brief_status(status)
    assert (status["Last_IO_Errno"], status["Last_SQL_Errno"]) == (0, 0), brief_status(status)


def test_rotation_while_a_transaction_is_open(server_factory, kind):
    """FLUSH BINARY LOGS while another session has a transaction open: MariaDB rotates at
    once (the transaction is written at COMMIT, into the new file); the replica follows."""
    source = source_with_user(server_factory, kind)
    replica = start_relaydb_replica(server_factory)
    replicate(replica, source)
    make_log_tables(source)
    insert_rows(source, range(1, 6))
    first = master_status(source)[0]

    open_txn = connect(source)
    execute(open_txn, "BEGIN")
    execute(open_txn, f"INSERT INTO `{LOG_DB}`.log VALUES (100, 700)")
    flusher = connect(source)
    execute(flusher, "SET SESSION innodb_lock_wait_timeout = 5")
    t0 = time.monotonic()
    flush = run(flusher, "FLUSH BINARY LOGS")
    elapsed = time.monotonic() - t0
    flusher.close()
    execute(open_txn, f"INSERT INTO `{LOG_DB}`.log_nopk VALUES (100, 700)")
    execute(open_txn, "COMMIT")
    open_txn.close()
    insert_rows(source, range(6, 11))

    status = wait_caught_up(replica, source)
    snap = assert_same_data(source, replica)
    assert [r[0] for r in snap[(LOG_DB, "log")].rows] == list(range(1, 11)) + [100]
    assert status["Relay_Master_Log_File"] == master_status(source)[0], brief_status(status)
    assert flush == ok() and elapsed < 3, (
        f"FLUSH BINARY LOGS with another session's transaction open: {flush} after "
        f"{elapsed:.1f}s (MariaDB rotates at once)")
    assert binlog_pos_key(master_status(source)[0], 4) > binlog_pos_key(first, 4)


# --- 2. the I/O thread reads on while the SQL thread is stopped --------------------------

def test_io_thread_reads_while_sql_thread_stopped(server_factory, kind):
    source = source_with_user(server_factory, kind)
    replica = start_relaydb_replica(server_factory)
    replicate(replica, source)
    make_log_tables(source)
    insert_rows(source, range(1, 11))
    wait_caught_up(replica, source)

    query(replica, "STOP SLAVE SQL_THREAD")
    stopped = wait_sql_stopped(replica, 30)
    assert stopped["Slave_IO_Running"] == "Yes", brief_status(stopped)
    executed = exec_position(stopped)
    before = snapshot(replica, [LOG_DB])

    insert_rows(source, range(11, 41))
    query(source, "FLUSH BINARY LOGS")
    insert_rows(source, range(41, 61))
    target = master_status(source)

    status = wait_status(replica, lambda s: (s["Master_Log_File"], int(s["Read_Master_Log_Pos"]))
                         == target, 30, f"Read_Master_Log_Pos to reach {target}")
    assert exec_position(status) == executed, brief_status(status)
    assert status["Slave_SQL_Running"] == "No" and status["Slave_IO_Running"] == "Yes", \
        brief_status(status)
    assert snapshot(replica, [LOG_DB]) == before, "the data changed while the SQL thread was stopped"
    assert exec_position(slave_status(replica)) == executed

    query(replica, "START SLAVE SQL_THREAD")
    wait_caught_up(replica, source)
    snap = assert_same_data(source, replica)
    assert_log_tables_complete(snap, range(1, 61))


# --- 3. faults -----------------------------------------------------------------------------

def test_replica_sigkill_during_write_load(server_factory, kind):
    source = source_with_user(server_factory, kind)
    replica = start_relaydb_replica(server_factory)
    replicate(replica, source)
    make_log_tables(source)
    if against_mariadb():
        # A MariaDB replica is crash-safe only with MASTER_USE_GTID=slave_pos (relay-log.info
        # is not written in the applier's transaction); relaydb is with file and position.
        wait_caught_up(replica, source)
        query(replica, "STOP SLAVE")
        query(replica, "CHANGE MASTER TO MASTER_USE_GTID=slave_pos")
        query(replica, "START SLAVE")
        wait_io_running(replica)

    writers = [Writer(source, LOG_DB, "log", also="log_nopk", start_at=1 + i * 1_000_000, fmt=fmt)
               for i, fmt in enumerate(FORMATS)]
    for w in writers:
        w.start()
    try:
        for _ in range(2):
            for w in writers:
                w.wait_for(40)
            # the SQL thread is applying when the replica dies
            executed = exec_position(slave_status(replica))
            wait_status(replica, lambda s: exec_position(s) != executed, 30,
                        "the SQL thread to make progress")
            replica.kill()
            for w in writers:
                w.wait_for(40)
            replica.start()
            # replication restarts by itself
            wait_io_running(replica, timeout=30)
            for w in writers:
                w.wait_for(30)
    finally:
        for w in writers:
            w.stop()
    wait_caught_up(replica, source, timeout=120)
    snap = assert_same_data(source, replica)
    expected = []
    for i, w in enumerate(writers):
        expected += range(1 + i * 1_000_000, w.next_id)
    assert_log_tables_complete(snap, expected)


def test_source_restart_reconnect_states(server_factory, kind):
    source = source_with_user(server_factory, kind)
    replica = start_relaydb_replica(server_factory)
    replicate(replica, source)
    make_log_tables(source)

    writer = Writer(source, LOG_DB, "log", also="log_nopk", reconnect=True)
    writer.start()
    try:
        writer.wait_for(30)
        wait_status(replica, lambda s: int(s["Exec_Master_Log_Pos"]) > 0 and
                    s["Relay_Master_Log_File"], 30, "the SQL thread to apply something")
        source.stop()

        status = wait_status(replica, lambda s: s["Slave_IO_State"] in RECONNECT_STATES, 30,
                             f"Slave_IO_State in {sorted(RECONNECT_STATES)}")
        assert status["Slave_IO_Running"] == "Connecting", brief_status(status)
        wait_until(lambda: thread_state(replica, "Slave_IO") in RECONNECT_STATES, 30,
                   lambda: f"the Slave_IO row of SHOW PROCESSLIST in a reconnect state: "
                           f"{system_threads(replica)}")
        expected_error = (f"error reconnecting to master '{REPL_USER}@{source.host}:{source.port}' "
                          f"- retry-time: 1  maximum-retries: 100000  message: Can't connect to "
                          f"server on '{source.host}' (111 \"Connection refused\")")
        status = wait_status(replica, lambda s: s["Last_IO_Errno"] == 2003, 30,
                             "Last_IO_Errno 2003 while the source is down")
        assert status["Last_IO_Error"] == expected_error, brief_status(status)
        assert status["Slave_IO_Running"] == "Connecting", brief_status(status)
        assert status["Slave_SQL_Running"] == "Yes", brief_status(status)

        source.start()
        writer.wait_for(30, timeout=90)
        status = wait_io_running(replica, timeout=60)
        writer.wait_for(30)
    finally:
        writer.stop()
    wait_caught_up(replica, source)
    wait_status(replica, lambda s: s["Slave_IO_State"] == IO_IDLE_STATE, 30,
                f"Slave_IO_State {IO_IDLE_STATE!r} again")
    snap = assert_same_data(source, replica)
    assert_log_tables_complete(snap, range(1, writer.next_id))
    status = slave_status(replica)
    assert (status["Last_IO_Errno"], status["Last_IO_Error"]) == (0, ""), brief_status(status)


def test_corrupted_relay_log_event_is_detected(server_factory, kind):
    source = source_with_user(server_factory, kind)
    replica = start_relaydb_replica(server_factory)
    replicate(replica, source, start="START SLAVE IO_THREAD", wait_running=False)

    marker = b"corrupt-me-please"
    conn = connect(source)
    execute(conn, "CREATE DATABASE rpl_corrupt")
    execute(conn, "CREATE TABLE rpl_corrupt.t (id INT NOT NULL PRIMARY KEY, v VARCHAR(64))")
    for i in (1, 2, 3):
        execute(conn, f"INSERT INTO rpl_corrupt.t VALUES ({i}, 'plain row {i}')")
    before_bad = master_status(source)
    execute(conn, f"INSERT INTO rpl_corrupt.t VALUES (4, '{marker.decode()}')")
    for i in (5, 6):
        execute(conn, f"INSERT INTO rpl_corrupt.t VALUES ({i}, 'plain row {i}')")
    conn.close()
    target = master_status(source)
    wait_status(replica, lambda s: (s["Master_Log_File"], int(s["Read_Master_Log_Pos"])) == target,
                30, f"the I/O thread to read up to {target}")
    query(replica, "STOP SLAVE IO_THREAD")
    wait_status(replica, lambda s: s["Slave_IO_Running"] == "No", 30, "the I/O thread to stop")

    files = relay_log_files(replica)
    found = find_event_with(files, marker)
    assert found, f"no relay log event holds {marker!r}: {files}"
    path, event_pos, _, at = found
    assert path == files[-1], f"the marker is in {path.name}, not the newest relay log {files[-1]}"
    data = bytearray(path.read_bytes())
    data[at] ^= 0x20                     # 'c' -> 'C': inside the event body, framing intact
    path.write_bytes(bytes(data))

    query(replica, "START SLAVE SQL_THREAD")
    status = wait_sql_stopped(replica, 60)
    assert status["Last_SQL_Errno"] == 1594, brief_status(status)
    message = status["Last_SQL_Error"]
    assert message.startswith("Relay log read failure: "), message
    # stopped at the start of the group that holds the damaged event
    assert exec_position(status) == before_bad, (before_bad, brief_status(status))
    group_start = max(p for p, t, _ in relay_log_events(data) if t == GTID_EVENT and p < event_pos)
    assert (status["Relay_Log_File"], int(status["Relay_Log_Pos"])) == (path.name, group_start), (
        f"Relay_Log_File/Relay_Log_Pos should be the damaged group's GTID event "
        f"{path.name}:{group_start} (damaged event at {event_pos}): {brief_status(status)}")
    assert query(replica, "SELECT id FROM rpl_corrupt.t ORDER BY id") == ((1,), (2,), (3,))
    assert replica.alive() and replica.responsive(), "the replica died"
    if not against_mariadb():
        # relaydb names the relay log and the position (MariaDB's text does not: there the
        # log and position are only in SHOW SLAVE STATUS and the error log)
        assert path.name in message and str(event_pos) in message, (path.name, event_pos, message)

    # The documented repair: fetch again from the executed position.
    assert run(replica, change_master_sql(source, *before_bad)) == ok()
    query(replica, "START SLAVE")
    wait_caught_up(replica, source)
    assert_same_data(source, replica)


# --- 4. relay_log_space_limit -------------------------------------------------------------

SPACE_LIMIT = 65536


def test_relay_log_space_limit_with_a_transaction_larger_than_it(server_factory, kind):
    source = source_with_user(server_factory, kind)
    replica = start_relaydb_replica(server_factory, extra_args=[
        f"--relay-log-space-limit={SPACE_LIMIT}", "--max-relay-log-size=4096"])
    assert query(replica, "SELECT @@relay_log_space_limit, @@max_relay_log_size")[0] == (
        SPACE_LIMIT, 4096)
    replicate(replica, source, start="START SLAVE IO_THREAD", wait_running=False)

    conn = connect(source)
    execute(conn, "CREATE DATABASE rpl_space")
    execute(conn, "CREATE TABLE rpl_space.t (id INT NOT NULL PRIMARY KEY, v TEXT)")
    execute(conn, "BEGIN")                       # one transaction of ~300 KB
    # literal values: ~1 KB per row in the binary log in every format
    for i in range(300):
        execute(conn, f"INSERT INTO rpl_space.t VALUES ({i}, '{chr(97 + i % 26) * 1000}')")
    execute(conn, "COMMIT")
    for i in range(300, 340):
        execute(conn, f"INSERT INTO rpl_space.t VALUES ({i}, '{'z' * 1000}')")
    conn.close()
    end = master_status(source)

    status = wait_status(replica, lambda s: s["Slave_IO_State"] == SPACE_WAIT_STATE, 30,
                         f"Slave_IO_State {SPACE_WAIT_STATE!r}")
    assert status["Slave_SQL_Running"] == "No", brief_status(status)
    assert binlog_pos_key(status["Master_Log_File"], int(status["Read_Master_Log_Pos"])) < \
        binlog_pos_key(*end), brief_status(status)
    # bounded: the limit plus at most one more event
    assert SPACE_LIMIT <= int(status["Relay_Log_Space"]) < SPACE_LIMIT + 16384, \
        status["Relay_Log_Space"]
    wait_until(lambda: thread_state(replica, "Slave_IO") == SPACE_WAIT_STATE, 10,
               lambda: f"the Slave_IO row in {SPACE_WAIT_STATE!r}: {system_threads(replica)}")

    query(replica, "START SLAVE SQL_THREAD")
    status = wait_caught_up(replica, source, timeout=120)
    assert_same_data(source, replica)
    assert status["Master_Log_File"] == end[0] and int(status["Read_Master_Log_Pos"]) == end[1]
    # applied relay logs were purged
    status = wait_status(replica, lambda s: int(s["Relay_Log_Space"]) < SPACE_LIMIT, 30,
                         "Relay_Log_Space to drop below the limit once applied")
    assert int(status["Relay_Log_File"].rsplit(".", 1)[1]) > 10, status["Relay_Log_File"]


# --- 5. status files, restarts, relay logs --------------------------------------------------

def _status_of_master_info(lines: list[str]) -> dict:
    """master.info (MySQL 4.1+ layout: a line count first) as SHOW SLAVE STATUS columns."""
    return {
        "Master_Log_File": lines[1], "Read_Master_Log_Pos": lines[2], "Master_Host": lines[3],
        "Master_User": lines[4], "Master_Port": lines[6], "Connect_Retry": lines[7],
        "Master_SSL_Allowed": {"0": "No", "1": "Yes"}.get(lines[8], lines[8]),
        "Master_SSL_CA_File": lines[9], "Master_SSL_CA_Path": lines[10],
        "Master_SSL_Cert": lines[11], "Master_SSL_Cipher": lines[12], "Master_SSL_Key": lines[13],
    }


def _check_master_info(replica) -> list[str]:
    status = slave_status(replica)
    lines = read_info_file(datadir_of(replica) / "master.info")
    count = int(lines[0])
    assert count >= 14 and len(lines) > count, lines
    assert lines[5] == REPL_PASSWORD, lines
    expected = {k: str(status[k]) for k in _status_of_master_info(lines)}
    assert _status_of_master_info(lines) == expected, lines
    return master_info_lines(lines)


def _check_relay_log_info(replica) -> list[str]:
    status = slave_status(replica)
    lines = read_info_file(datadir_of(replica) / "relay-log.info")
    # MariaDB's layout: a line count (5), the seed's four lines, then SQL_Delay
    assert lines[0] == "5", lines
    assert lines[1] in relay_log_entries(replica), (
        f"relay-log.info names {lines[1]!r}, the relay log index lists "
        f"{relay_log_entries(replica)}")
    assert lines[1].rsplit("/", 1)[-1] == status["Relay_Log_File"], (lines, brief_status(status))
    assert lines[2:6] == [str(status["Relay_Log_Pos"]), status["Relay_Master_Log_File"],
                          str(status["Exec_Master_Log_Pos"]), str(status["SQL_Delay"])], (
        lines, {k: status[k] for k in ("Relay_Log_Pos", "Relay_Master_Log_File",
                                       "Exec_Master_Log_Pos", "SQL_Delay")})
    return lines[:6]


def test_status_files_match_show_slave_status_and_mariadb(server_factory, kind):
    source = source_with_user(server_factory, kind)
    replica = start_relaydb_replica(server_factory)
    reference = start_reference_replica(server_factory)
    extra = ", MASTER_HEARTBEAT_PERIOD=2.5, IGNORE_SERVER_IDS=(7, 9)"
    coordinates = master_status(source)
    for r in (replica, reference):
        replicate(r, source, connect_retry=3, extra=extra, coordinates=coordinates)
    make_log_tables(source)
    insert_rows(source, range(1, 21))
    query(source, "FLUSH BINARY LOGS")
    insert_rows(source, range(21, 31))
    for r in (replica, reference):
        wait_caught_up(r, source)

    # While running (idle): the files follow SHOW SLAVE STATUS.
    last_problem = {}

    def files_current(r):
        try:
            _check_master_info(r)
            _check_relay_log_info(r)
            return True
        except (AssertionError, OSError, ValueError, IndexError) as e:
            last_problem[r.name] = e
            return False
    for r in (replica, reference):
        wait_until(lambda: files_current(r), 15,
                   lambda: f"{r.name}'s master.info / relay-log.info to match SHOW SLAVE STATUS "
                           f"while running: {last_problem.get(r.name)!r}")

    for r in (replica, reference):
        query(r, "STOP SLAVE")
    ours, theirs = _check_master_info(replica), _check_master_info(reference)
    assert ours == theirs, f"master.info differs from MariaDB's:\n{ours}\n{theirs}"
    status = slave_status(replica)
    assert (status["Connect_Retry"], status["Replicate_Ignore_Server_Ids"]) == (3, "7, 9"), \
        brief_status(status)
    ours, theirs = _check_relay_log_info(replica), _check_relay_log_info(reference)
    assert ours[3:] == theirs[3:], (ours, theirs)


def test_restart_resumes_unless_skip_slave_start(server_factory, kind):
    source = source_with_user(server_factory, kind)
    replica = start_relaydb_replica(server_factory)
    replicate(replica, source, extra=", MASTER_HEARTBEAT_PERIOD=2")
    make_log_tables(source)
    insert_rows(source, range(1, 21))
    wait_caught_up(replica, source)

    # A clean restart: replication resumes by itself where it was.
    replica.stop()
    insert_rows(source, range(21, 41))
    replica.start()
    wait_io_running(replica, timeout=30)
    wait_caught_up(replica, source)
    assert_log_tables_complete(assert_same_data(source, replica), range(1, 41))
    status = slave_status(replica)
    assert (status["Master_Port"], status["Connect_Retry"]) == (source.port, 1), brief_status(status)

    # --skip-slave-start: the configuration stays, the threads do not start.
    replica.stop()
    replica.extra_args.append("--skip-slave-start")
    insert_rows(source, range(41, 61))
    replica.start()
    status = slave_status(replica)
    assert (status["Slave_IO_Running"], status["Slave_SQL_Running"]) == ("No", "No"), \
        brief_status(status)
    assert (status["Master_Host"], status["Master_Port"], status["Master_User"]) == (
        source.host, source.port, REPL_USER), brief_status(status)
    executed = exec_position(status)
    deadline = time.monotonic() + 1.5            # observe that nothing starts by itself
    while time.monotonic() < deadline:
        status = slave_status(replica)
        assert (status["Slave_IO_Running"], status["Slave_SQL_Running"]) == ("No", "No"), \
            brief_status(status)
        assert exec_position(status) == executed, brief_status(status)
        assert system_threads(replica) == [], system_threads(replica)
        time.sleep(0.1)
    assert query(replica, f"SELECT COUNT(*) FROM `{LOG_DB}`.log")[0][0] == 40

    query(replica, "START SLAVE")
    wait_io_running(replica)
    wait_caught_up(replica, source)
    assert_log_tables_complete(assert_same_data(source, replica), range(1, 61))


def test_relay_logs_are_readable_by_mariadb_binlog(server_factory, kind):
    source = source_with_user(server_factory, kind)
    replica = start_relaydb_replica(server_factory, extra_args=["--max-relay-log-size=16384"])
    replicate(replica, source)
    query(replica, "STOP SLAVE SQL_THREAD")        # keep every relay log (no purge)
    wait_sql_stopped(replica, 30)

    conn = connect(source)
    try:
        run_statements(conn, session_setup("MIXED"))
        statements = workload_statements("rpl_relay", "MIXED")
        half = len(statements) // 2
        run_statements(conn, statements[:half])
        query(source, "FLUSH BINARY LOGS")
        run_statements(conn, statements[half:])
    finally:
        conn.close()
    target = master_status(source)
    wait_status(replica, lambda s: (s["Master_Log_File"], int(s["Read_Master_Log_Pos"])) == target,
                60, f"the I/O thread to read up to {target}")
    query(replica, "STOP SLAVE IO_THREAD")

    files = relay_log_files(replica)
    assert len(files) >= 3, files
    for f in files:
        assert f.is_file(), f
        number = f.name.rsplit(".", 1)[1]
        assert f.name.endswith("-relay-bin." + number) and len(number) == 6, f.name
        if not against_mariadb():
            assert f.name == f"{socket.gethostname()}-relay-bin.{number}", f.name
        assert f.parent == datadir_of(replica).resolve(), f
    texts = []
    for f in files:
        mariadb_binlog([f])                                      # exit 0, empty stderr
        out = mariadb_binlog(["-v", "--base64-output=decode-rows", f])
        texts.append(out.stdout.decode(errors="replace"))
    groups = [g for t, f in zip(texts, files) for g in parse_binlog_groups(t, f.name)[0]]
    assert any("CREATE TABLE t1" in s for g in groups for s in g.statements), \
        "the workload's CREATE TABLE t1 is not in the relay logs"
    assert sum(g.committed for g in groups) >= 40, len(groups)

    query(replica, "START SLAVE")
    wait_caught_up(replica, source)
    assert_same_data(source, replica)


# --- 6. control statements ------------------------------------------------------------------

RUNNING_SLAVE = error(1198, "This operation cannot be performed as you have a running slave ''; "
                            "run STOP SLAVE '' first")
ALREADY_RUNNING = ok(warnings=[note(1254, "Slave is already running")])
ALREADY_STOPPED = ok(warnings=[note(1255, "Slave already has been stopped")])
MISSING_SKIP_SLAVE = ("It is recommended to use --skip-slave-start when doing step-by-step "
                      "replication with START SLAVE UNTIL; otherwise, you will get problems if "
                      "you get an unexpected slave's mariadbd restart")
UNTIL_COND_IGNORED = "SQL thread is not to be started so UNTIL options are ignored"
NOT_CONFIGURED = error(1200, "Misconfigured slave: MASTER_HOST was not set; Fix in config file "
                             "or with CHANGE MASTER TO")


def _control_transcript(replica, source, coordinates) -> list[tuple[str, Outcome]]:
    """The control statements on one replica: [(statement, outcome)]."""
    out = []

    def step(sql):
        out.append((sql, run(replica, sql)))

    step("START SLAVE")
    step("STOP SLAVE")
    step("SHOW SLAVE STATUS")
    step("SELECT MASTER_POS_WAIT('x-bin.000001', 4, 1)")
    step(change_master_sql(source, *coordinates))
    step("STOP SLAVE")
    step("START SLAVE")
    wait_io_running(replica)
    step("START SLAVE")
    step("START SLAVE IO_THREAD")
    step("START SLAVE SQL_THREAD")
    step("CHANGE MASTER TO MASTER_CONNECT_RETRY=3")
    step("RESET SLAVE")
    step("RESET SLAVE ALL")
    step("SET GLOBAL sql_slave_skip_counter = 1")
    step("STOP SLAVE SQL_THREAD")
    wait_sql_stopped(replica, 30)
    step("CHANGE MASTER TO MASTER_CONNECT_RETRY=3")
    step("START SLAVE")
    wait_io_running(replica)
    step("STOP SLAVE")
    step("STOP SLAVE")
    step("STOP SLAVE IO_THREAD")
    return out


def test_control_statements_like_mariadb(server_factory, kind):
    source = source_with_user(server_factory, kind)
    replica = start_relaydb_replica(server_factory)
    reference = start_reference_replica(server_factory)
    coordinates = master_status(source)
    ours = _control_transcript(replica, source, coordinates)
    theirs = _control_transcript(reference, source, coordinates)
    expected = [
        NOT_CONFIGURED,                 # START SLAVE, unconfigured
        ALREADY_STOPPED,                # STOP SLAVE, unconfigured
        ok(),                           # SHOW SLAVE STATUS: no row
        ok([(None,)]),                  # MASTER_POS_WAIT: NULL
        ok(),                           # CHANGE MASTER
        ALREADY_STOPPED,                # STOP SLAVE, configured
        ok(),                           # START SLAVE
        ALREADY_RUNNING,                # START SLAVE
        ALREADY_RUNNING,                # START SLAVE IO_THREAD
        ALREADY_RUNNING,                # START SLAVE SQL_THREAD
        RUNNING_SLAVE,                  # CHANGE MASTER while running
        RUNNING_SLAVE,                  # RESET SLAVE while running
        RUNNING_SLAVE,                  # RESET SLAVE ALL while running
        RUNNING_SLAVE,                  # SET GLOBAL sql_slave_skip_counter while running
        ok(),                           # STOP SLAVE SQL_THREAD
        RUNNING_SLAVE,                  # CHANGE MASTER while the I/O thread runs
        ok(),                           # START SLAVE (starts the SQL thread)
        ok(),                           # STOP SLAVE
        ALREADY_STOPPED,                # STOP SLAVE
        ALREADY_STOPPED,                # STOP SLAVE IO_THREAD
    ]
    assert [o for _, o in theirs] == expected, "\n".join(f"{s}: {o}" for s, o in theirs)
    mismatches = [f"{s}\n    relaydb: {a}\n    MariaDB: {b}"
                  for (s, a), (_, b) in zip(ours, theirs) if a != b]
    assert not mismatches, "\n".join(mismatches)

    # RESET SLAVE: the relay logs, master.info and relay-log.info go; SHOW SLAVE STATUS
    # keeps the connection parameters with the coordinates reset.
    for r in (replica, reference):
        datadir = datadir_of(r)
        old_relay_logs = relay_log_files(r)
        assert old_relay_logs and (datadir / "master.info").is_file()
        result = run(r, "RESET SLAVE")
        assert result.kind == "ok", (r.name, result)
        assert not (datadir / "master.info").exists(), f"{r.name}: master.info survives RESET SLAVE"
        assert not (datadir / "relay-log.info").exists(), f"{r.name}: relay-log.info survives"
        for f in old_relay_logs:
            # gone, or (MySQL's way) started afresh: nothing of the source's left in it
            if f.exists():
                types = {t for _, t, _ in relay_log_events(f.read_bytes())}
                assert types <= RELAY_LOG_HEAD_EVENTS, (
                    f"{r.name}: {f.name} still holds events of the source after RESET SLAVE "
                    f"(types {sorted(types)})")
        status = slave_status(r)
        assert (status["Master_Host"], status["Master_Port"], status["Master_User"],
                status["Master_Log_File"], status["Read_Master_Log_Pos"],
                status["Slave_IO_Running"], status["Slave_SQL_Running"]) == (
            source.host, source.port, REPL_USER, "", 4, "No", "No"), brief_status(status)
        assert run(r, "RESET SLAVE ALL") == ok(), r.name
        assert run(r, "SHOW SLAVE STATUS") == ok(), r.name
        assert run(r, "START SLAVE") == NOT_CONFIGURED, r.name


def test_show_slave_status_keeps_change_master_coordinates(server_factory, kind):
    """Before the first event, Relay_Master_Log_File / Exec_Master_Log_Pos are the CHANGE
    MASTER coordinates (MariaDB), never '' / 0, also right after START SLAVE."""
    source = source_with_user(server_factory, kind)
    replica = start_relaydb_replica(server_factory)
    reference = start_reference_replica(server_factory)
    file, pos = master_status(source)
    for r in (replica, reference):
        replicate(r, source, start="", coordinates=(file, pos))
        status = slave_status(r)
        assert (status["Master_Log_File"], status["Read_Master_Log_Pos"],
                status["Relay_Master_Log_File"], status["Exec_Master_Log_Pos"]) == (
            file, pos, file, pos), (r.name, brief_status(status))
    for r in (reference, replica):
        query(r, "START SLAVE")
        deadline = time.monotonic() + 1.5
        while time.monotonic() < deadline:
            status = slave_status(r)
            assert exec_position(status) == (file, pos), (r.name, brief_status(status))
            time.sleep(0.02)
        wait_io_running(r)
        status = wait_status(r, lambda s: s["Slave_SQL_Running_State"] == (
            sql_idle_state() if r is replica else "Slave has read all relay log; waiting for "
                                                  "more updates"), 10, "the SQL thread idle")
        assert exec_position(status) == (file, pos), (r.name, brief_status(status))
    query(source, "CREATE DATABASE rpl_moved")
    for r in (replica, reference):
        status = wait_caught_up(r, source)
        assert exec_position(status) == master_status(source), (r.name, brief_status(status))


def test_start_slave_until_and_master_pos_wait(server_factory, kind):
    source = source_with_user(server_factory, kind)
    replica = start_relaydb_replica(server_factory)
    reference = start_reference_replica(server_factory)
    replicas = (replica, reference)
    for r in replicas:
        replicate(r, source)
    query(source, "CREATE DATABASE rpl_until")
    query(source, "CREATE TABLE rpl_until.t (id INT NOT NULL PRIMARY KEY)")
    for r in replicas:
        wait_caught_up(r, source)
        query(r, "STOP SLAVE SQL_THREAD")
        wait_sql_stopped(r, 30)

    positions = []
    for i in (1, 2, 3):
        query(source, f"INSERT INTO rpl_until.t VALUES ({i})")
        positions.append(master_status(source))
    file, p2 = positions[1]
    _, p3 = positions[2]

    outcomes = {}
    for r in replicas:
        outcomes[r.name] = run(r, f"START SLAVE SQL_THREAD UNTIL MASTER_LOG_FILE='{file}', "
                                  f"MASTER_LOG_POS={p2}")
        status = wait_sql_stopped(r, 30)
        assert status["Last_SQL_Errno"] == 0, (r.name, brief_status(status))
        assert exec_position(status) == (file, p2), (r.name, brief_status(status))
        assert query(r, "SELECT id FROM rpl_until.t ORDER BY id") == ((1,), (2,)), r.name
        assert status["Slave_IO_Running"] == "Yes", (r.name, brief_status(status))
        assert int(status["Read_Master_Log_Pos"]) == p3, (r.name, brief_status(status))
        # the I/O thread keeps reading; the SQL thread stays where UNTIL put it
        assert exec_position(slave_status(r)) == (file, p2), r.name
    until_notes = dict(outcomes)

    for r in replicas:
        # MASTER_POS_WAIT with the SQL thread stopped: compared with MariaDB
        outcomes[r.name] = (run(r, f"SELECT MASTER_POS_WAIT('{file}', {p2}, 1)"),
                            run(r, f"SELECT MASTER_POS_WAIT('{file}', {p3}, 1)"))
    assert outcomes[replica.name] == outcomes[reference.name], outcomes

    for r in replicas:
        query(r, "START SLAVE SQL_THREAD")
        result = run(r, f"SELECT MASTER_POS_WAIT('{file}', {p3}, 30)")
        assert result.kind == "ok" and result.value[0][0] is not None and result.value[0][0] >= 0, \
            (r.name, result)
        assert query(r, "SELECT id FROM rpl_until.t ORDER BY id") == ((1,), (2,), (3,)), r.name
        # a position not reached: -1 after the timeout
        t0 = time.monotonic()
        assert run(r, f"SELECT MASTER_POS_WAIT('{file}', {p3 + 100000}, 1)") == ok([(-1,)]), r.name
        assert time.monotonic() - t0 >= 0.9, r.name

    # MASTER_POS_WAIT waiting for a position the source has not written yet
    goal = p3 + 1
    results = {}

    def wait_for_goal(r):
        results[r.name] = run(r, f"SELECT MASTER_POS_WAIT('{file}', {goal}, 60)")

    waiters = [threading.Thread(target=wait_for_goal, args=(r,), daemon=True) for r in replicas]
    for w in waiters:
        w.start()
    for r in replicas:
        wait_until(lambda: any((p["Info"] or "").startswith("SELECT MASTER_POS_WAIT")
                               for p in query(r, "SHOW PROCESSLIST", dicts=True)), 10,
                   f"MASTER_POS_WAIT to be waiting on {r.name}")
    assert not results, results
    query(source, "INSERT INTO rpl_until.t VALUES (4)")
    for w in waiters:
        w.join(60)
    for r in replicas:
        result = results.get(r.name)
        assert result is not None and result.kind == "ok" and result.value[0][0] is not None \
            and result.value[0][0] >= 0, (r.name, result)
        assert query(r, "SELECT COUNT(*) FROM rpl_until.t")[0][0] == 4, r.name

    # START SLAVE SQL_THREAD UNTIL on a server without --skip-slave-start: MariaDB adds
    # Note 1278 (ER_MISSING_SKIP_SLAVE); START SLAVE IO_THREAD UNTIL does not start the SQL
    # thread and ignores the UNTIL (Note 1279, ER_UNTIL_COND_IGNORED)
    io_until = {}
    for r in replicas:
        query(r, "STOP SLAVE")
        io_until[r.name] = run(r, f"START SLAVE IO_THREAD UNTIL MASTER_LOG_FILE='{file}', "
                                  f"MASTER_LOG_POS={p2}")
    expected = {"START SLAVE SQL_THREAD UNTIL ...": ok(warnings=[note(1278, MISSING_SKIP_SLAVE)]),
                "START SLAVE IO_THREAD UNTIL ...": ok(warnings=[note(1279, UNTIL_COND_IGNORED)])}
    for r in replicas:
        got = {"START SLAVE SQL_THREAD UNTIL ...": until_notes[r.name],
               "START SLAVE IO_THREAD UNTIL ...": io_until[r.name]}
        assert got == expected, "\n".join(
            f"{r.name}: {k}\n    got      {got[k]}\n    expected {expected[k]}"
            for k in expected if got[k] != expected[k])


def test_sql_slave_skip_counter_skips_one_group(server_factory, kind):
    source = source_with_user(server_factory, kind)
    replica = start_relaydb_replica(server_factory)
    reference = start_reference_replica(server_factory)
    replicas = (replica, reference)
    for r in replicas:
        replicate(r, source)
    query(source, "CREATE DATABASE rpl_skip")
    query(source, "CREATE TABLE rpl_skip.k (id INT NOT NULL PRIMARY KEY, v VARCHAR(20))")
    for r in replicas:
        wait_caught_up(r, source)
        query(r, "INSERT INTO rpl_skip.k VALUES (5, 'replica')")   # the replica's own row

    before = master_status(source)
    query(source, "INSERT INTO rpl_skip.k VALUES (5, 'source')")
    query(source, "INSERT INTO rpl_skip.k VALUES (6, 'source')")
    errors = {}
    for r in replicas:
        status = wait_sql_stopped(r, 30)
        assert (status["Last_SQL_Errno"], status["Last_Errno"]) == (1062, 1062), \
            (r.name, brief_status(status))
        assert exec_position(status) == before, (r.name, brief_status(status))
        assert status["Slave_IO_Running"] == "Yes", (r.name, brief_status(status))
        errors[r.name] = status["Last_SQL_Error"]
    assert errors[replica.name] == errors[reference.name], errors

    problems = []
    for r in replicas:
        assert run(r, "SET GLOBAL sql_slave_skip_counter = 1") == ok(), r.name
        # the pending skip shows in @@sql_slave_skip_counter and Skip_Counter
        pending = (query(r, "SELECT @@global.sql_slave_skip_counter")[0][0],
                   slave_status(r)["Skip_Counter"])
        if pending != (1, 1):
            problems.append(f"{r.name}: (@@global.sql_slave_skip_counter, Skip_Counter) after "
                            f"SET GLOBAL sql_slave_skip_counter = 1: {pending}, expected (1, 1)")
        query(r, "START SLAVE SQL_THREAD")
        status = wait_caught_up(r, source)
        assert (status["Last_SQL_Errno"], status["Last_SQL_Error"]) == (0, ""), \
            (r.name, brief_status(status))
        assert query(r, "SELECT id, v FROM rpl_skip.k ORDER BY id") == (
            (5, "replica"), (6, "source")), r.name
        # the skip is used up
        used = (query(r, "SELECT @@global.sql_slave_skip_counter")[0][0],
                slave_status(r)["Skip_Counter"])
        if used != (0, 0):
            problems.append(f"{r.name}: (@@global.sql_slave_skip_counter, Skip_Counter) once the "
                            f"group was skipped: {used}, expected (0, 0)")
    assert not problems, "\n".join(problems)


def test_equal_server_ids_stop_the_io_thread_with_1593(server_factory, kind):
    source = source_with_user(server_factory, kind)
    source_id = query(source, "SELECT @@server_id")[0][0]
    replica = start_relaydb_replica(server_factory, server_id=source_id)
    file, pos = replicate(replica, source, wait_running=False)
    status = wait_io_error(replica)
    assert status["Last_IO_Errno"] == 1593, brief_status(status)
    assert status["Last_IO_Error"] == (
        "Fatal error: The slave I/O thread stops because master and slave have equal MariaDB "
        "server ids; these ids must be different for replication to work (or the "
        "--replicate-same-server-id option must be used on slave but this does not always make "
        "sense; please check the manual before using it)."), brief_status(status)
    status = wait_status(replica, lambda s: s["Slave_IO_Running"] == "No", 30,
                         "the I/O thread to stop")
    assert status["Slave_SQL_Running"] == "Yes", brief_status(status)
    problems = []
    # nothing was executed: the CHANGE MASTER coordinates stay (MariaDB)
    status = slave_status(replica)
    if exec_position(status) != (file, pos):
        problems.append(f"Relay_Master_Log_File/Exec_Master_Log_Pos {exec_position(status)}, "
                        f"expected the CHANGE MASTER coordinates {(file, pos)}")
    # the stopped I/O thread leaves SHOW PROCESSLIST
    try:
        wait_until(lambda: [t["Command"] for t in system_threads(replica)] == ["Slave_SQL"], 10,
                   lambda: f"only the SQL thread in SHOW PROCESSLIST: {system_threads(replica)}")
    except AssertionError as e:
        problems.append(str(e))
    assert not problems, "\n".join(problems)


# --- 7. thread states -----------------------------------------------------------------------

def test_thread_states_in_processlist(server_factory, kind):
    source = source_with_user(server_factory, kind)
    replica = start_relaydb_replica(server_factory)

    # An unreachable source: "Connecting to master", Slave_IO_Running Connecting, 2003.
    dead_port = free_port()
    query(replica, f"CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT={dead_port}, "
                   f"MASTER_USER='{REPL_USER}', MASTER_PASSWORD='{REPL_PASSWORD}', "
                   f"MASTER_LOG_FILE='x-bin.000001', MASTER_LOG_POS=4, MASTER_USE_GTID=no, "
                   f"MASTER_CONNECT_RETRY=1")
    query(replica, "START SLAVE IO_THREAD")
    status = wait_status(replica, lambda s: s["Last_IO_Errno"] == 2003, 30, "Last_IO_Errno 2003")
    assert status["Last_IO_Error"] == (
        f"error connecting to master '{REPL_USER}@127.0.0.1:{dead_port}' - retry-time: 1  "
        f"maximum-retries: 100000  message: Can't connect to server on '127.0.0.1' "
        f"(111 \"Connection refused\")"), brief_status(status)
    status = wait_status(replica, lambda s: s["Slave_IO_State"] == "Connecting to master", 30,
                         "Slave_IO_State 'Connecting to master'")
    assert status["Slave_IO_Running"] == "Connecting", brief_status(status)
    # (MariaDB 10.11 shows Command 'Connect' until its first connection succeeds)
    wait_until(lambda: [(p["User"], p["State"]) for p in query(replica, "SHOW PROCESSLIST",
                                                                 dicts=True)
                        if p["Command"] in ("Slave_IO", "Connect")]
               == [("system user", "Connecting to master")], 10,
               lambda: f"the I/O thread 'Connecting to master' in SHOW PROCESSLIST: "
                       f"{query(replica, 'SHOW PROCESSLIST', dicts=True)}")
    query(replica, "STOP SLAVE")
    wait_until(lambda: system_threads(replica) == [], 10,
               lambda: f"no replication threads after STOP SLAVE: {system_threads(replica)}")

    replicate(replica, source, start="START SLAVE")
    idle = {"Slave_IO": IO_IDLE_STATE, "Slave_SQL": sql_idle_state()}

    def both_idle():
        rows = system_threads(replica)
        return len(rows) == 2 and {r["Command"]: r["State"] for r in rows} == idle and rows

    rows = wait_until(both_idle, 30, lambda: f"both threads idle with states {idle}: "
                                             f"{system_threads(replica)}")
    for r in rows:
        assert (r["User"], r["Host"], r["Info"]) == ("system user", "", None), r
    assert rows[0]["Id"] != rows[1]["Id"], rows
    status = slave_status(replica)
    assert (status["Slave_IO_State"], status["Slave_SQL_Running_State"]) == (
        idle["Slave_IO"], idle["Slave_SQL"]), brief_status(status)

    # Busy: every state seen is one of the seed's (the SQL thread may show its statement).
    seen = {"Slave_IO": set(), "Slave_SQL": set()}
    stop = threading.Event()
    sampler_error = []

    def sample():
        try:
            conn = connect(replica)
            while not stop.is_set():
                for r in execute(conn, "SHOW PROCESSLIST"):
                    if r[4] in seen:
                        seen[r[4]].add(r[6])
                        assert r[1] == "system user", r
                st = execute(conn, "SHOW SLAVE STATUS")
                if st:
                    seen["Slave_IO"].add(st[0][0])
            conn.close()
        except BaseException as e:  # noqa: BLE001
            sampler_error.append(e)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    query(replica, "STOP SLAVE SQL_THREAD")
    statements = workload_statements("rpl_states", "STATEMENT")
    conn = connect(source)
    run_statements(conn, session_setup("STATEMENT"))
    run_statements(conn, statements)
    conn.close()
    query(replica, "START SLAVE SQL_THREAD")
    wait_caught_up(replica, source)
    wait_until(both_idle, 30, lambda: f"both threads idle again: {system_threads(replica)}")
    stop.set()
    sampler.join(30)
    assert not sampler_error, sampler_error
    assert_same_data(source, replica)

    assert seen["Slave_IO"] - {""} <= SEED_IO_STATES | REGISTRATION_RETRY_STATES, seen["Slave_IO"]
    if not against_mariadb():
        # the statements as the source logged them (e.g. DROP TABLE rewritten by the server)
        statement_texts = set(statements) | source_query_texts(source)
        odd = {s for s in seen["Slave_SQL"] if s not in SEED_SQL_STATES and s not in statement_texts
               and not any(t.startswith(s) for t in statement_texts)}
        assert not odd, f"SQL thread states outside the seed's list: {sorted(odd)}"

    query(replica, "STOP SLAVE IO_THREAD")
    wait_until(lambda: [r["Command"] for r in system_threads(replica)] == ["Slave_SQL"], 10,
               lambda: f"only Slave_SQL after STOP SLAVE IO_THREAD: {system_threads(replica)}")
    query(replica, "STOP SLAVE")
    wait_until(lambda: system_threads(replica) == [], 10,
               lambda: f"no replication threads after STOP SLAVE: {system_threads(replica)}")


# --- 15. SHOW REPLICA STATUS, SHOW ALL SLAVES STATUS, heartbeats ---------------------------

def columns_of(server, sql: str) -> list[tuple]:
    """(name, type, length, decimals, nullable) of each column `sql` returns."""
    conn = connect(server)
    try:
        with conn.cursor() as cur:
            cur.execute(sql)
            cur.fetchall()
            return [(f.name, f.type_code, f.length, f.scale, f.flags & 1 == 0)
                    for f in cur._result.fields]
    finally:
        conn.close()


def global_status(server, name: str) -> str:
    return query(server, f"SHOW GLOBAL STATUS LIKE '{name}'")[0][1]


def test_heartbeats_and_every_status_view(server_factory, kind):
    """With MASTER_HEARTBEAT_PERIOD set and an idle source, heartbeats arrive and are
    counted; SHOW REPLICA STATUS is SHOW SLAVE STATUS; SHOW ALL SLAVES STATUS has MariaDB's
    columns and values; the Slave_* status variables follow the threads."""
    source = source_with_user(server_factory, kind)
    replica = start_relaydb_replica(server_factory)
    reference = start_reference_replica(server_factory)
    for r in (replica, reference):
        assert global_status(r, "Slave_running") == "OFF"
        replicate(r, source, extra=", MASTER_HEARTBEAT_PERIOD=0.2")
    for r in (replica, reference):
        wait_caught_up(r, source)
        wait_until(lambda: int(global_status(r, "Slave_received_heartbeats")) >= 3, 30,
                   lambda: f"3 heartbeats on {r.name}")

    # (Gtid_Slave_Pos is sized by its value; relaydb keeps no GTID position: docs/replica.md)
    assert columns_of(replica, "SHOW ALL SLAVES STATUS")[:-1] == \
        columns_of(reference, "SHOW ALL SLAVES STATUS")[:-1]
    assert columns_of(replica, "SHOW REPLICA STATUS") == columns_of(replica, "SHOW SLAVE STATUS")
    views = {}
    for r in (replica, reference):
        slave = slave_status(r)
        alias = query(r, "SHOW REPLICA STATUS", dicts=True)[0]
        every = query(r, "SHOW ALL SLAVES STATUS", dicts=True)[0]
        volatile = {"Relay_Log_Space", "Relay_Log_File", "Relay_Log_Pos"}  # MariaDB-specific sizes
        assert {k: v for k, v in alias.items() if k not in volatile} == \
            {k: v for k, v in slave.items() if k not in volatile}, r.name
        assert {k: every[k] for k in slave if k not in volatile} == \
            {k: v for k, v in slave.items() if k not in volatile}, r.name
        assert every["Slave_received_heartbeats"] >= 3, (r.name, every)
        views[r] = {k: every[k] for k in ("Connection_name", "Slave_SQL_State",
                                          "Retried_transactions", "Max_relay_log_size",
                                          "Slave_heartbeat_period", "Slave_IO_Running",
                                          "Slave_SQL_Running", "Exec_Master_Log_Pos")}
        views[r]["Slave_running"] = global_status(r, "Slave_running")
        views[r]["Slave_heartbeat_period_status"] = global_status(r, "Slave_heartbeat_period")
    expected_sql_state = sql_idle_state()
    assert views[replica]["Slave_SQL_State"] == expected_sql_state
    views[reference]["Slave_SQL_State"] = expected_sql_state
    assert views[replica] == views[reference]
    assert views[replica]["Slave_heartbeat_period"] == 0.2
    assert views[replica]["Slave_running"] == "ON"

    # Executed_log_entries counts what the SQL thread executes.
    before = query(replica, "SHOW ALL SLAVES STATUS", dicts=True)[0]["Executed_log_entries"]
    make_log_tables(source)
    insert_rows(source, range(1, 4))
    wait_caught_up(replica, source)
    after = query(replica, "SHOW ALL SLAVES STATUS", dicts=True)[0]["Executed_log_entries"]
    assert after > before, (before, after)
    query(replica, "STOP SLAVE")
    wait_status(replica, lambda s: s["Slave_SQL_Running"] == "No" and s["Slave_IO_Running"] == "No",
                30, "both threads to stop")
    assert global_status(replica, "Slave_running") == "OFF"
    stopped = query(replica, "SHOW ALL SLAVES STATUS", dicts=True)[0]
    assert stopped["Executed_log_entries"] == after and stopped["Slave_received_heartbeats"] >= 3


# --- 16. MASTER_DELAY ----------------------------------------------------------------------

DELAY_STATE = "Waiting until MASTER_DELAY seconds after master executed event"


def test_master_delay_holds_each_group(server_factory, kind):
    """MASTER_DELAY=3: a group is executed no earlier than 3 s after the source executed
    it; meanwhile SQL_Remaining_Delay counts down and the SQL thread shows MariaDB's
    state; the I/O thread has already fetched it."""
    delay = 3
    source = source_with_user(server_factory, kind)
    start = master_status(source)
    make_log_tables(source)
    replica = start_relaydb_replica(server_factory)
    reference = start_reference_replica(server_factory)
    for r in (replica, reference):
        replicate(r, source, coordinates=start)
        wait_caught_up(r, source)
        query(r, "STOP SLAVE")
        query(r, f"CHANGE MASTER TO MASTER_DELAY={delay}")  # keeps the coordinates
        query(r, "START SLAVE")
        assert slave_status(r)["SQL_Delay"] == delay
    written = time.time()
    insert_rows(source, [1])
    target = master_status(source)
    seen = {}
    for r in (replica, reference):
        status = wait_status(r, lambda s: s["Slave_SQL_Running_State"] == DELAY_STATE, 10,
                             "the SQL thread to wait for MASTER_DELAY")
        assert status["SQL_Remaining_Delay"] is not None and \
            0 <= status["SQL_Remaining_Delay"] <= delay, brief_status(status)
        assert (status["Master_Log_File"], status["Read_Master_Log_Pos"]) == target
        assert query(r, f"SELECT COUNT(*) FROM {LOG_DB}.log")[0][0] == 0
    for r in (replica, reference):
        wait_until(lambda: query(r, f"SELECT COUNT(*) FROM {LOG_DB}.log")[0][0] == 1, 30,
                   f"the delayed row on {r.name}")
        seen[r] = time.time() - written
        status = wait_caught_up(r, source)
        assert status["SQL_Remaining_Delay"] is None
    # The source's timestamps have whole seconds: the group may run up to 1 s early.
    assert seen[replica] >= delay - 1, seen
