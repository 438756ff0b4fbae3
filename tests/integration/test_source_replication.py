"""relaydb as a replication source: MariaDB 10.11 replicas follow its binary log.

Every test runs twice: with a MariaDB 10.11 source (validates the test) and with relaydb
as the source (what the test is for). Replicas are MariaDB 10.11 processes started with
CHANGE MASTER TO ... MASTER_LOG_FILE/MASTER_LOG_POS (from SHOW MASTER STATUS),
MASTER_USE_GTID=no, as user `repl` with REPLICATION SLAVE.

* The workload (replication_util.workload_statements: CREATE DATABASE/TABLE, ALTER TABLE
  ADD COLUMN, CREATE INDEX, RENAME, DROP, TRUNCATE, multi-row INSERT, UPDATE, DELETE,
  AUTO_INCREMENT, LAST_INSERT_ID, user variables, NOW(6), RAND(), a multi-statement
  transaction, a rolled-back one, a table without a primary key, and tables with every
  column type relaydb supports, NULLs everywhere) in ROW, STATEMENT and MIXED
  (SET SESSION binlog_format): the replica ends with the source's rows (SELECT * ORDER BY
  primary key, as PyMySQL returns them) and column types (SHOW CREATE TABLE); the
  rolled-back transaction never appears.
* Two replicas at once (two Binlog Dump threads): SHOW PROCESSLIST shows both with
  Command 'Binlog Dump' and, when idle, State 'Master has sent all binlog to slave;
  waiting for more updates'; SHOW SLAVE HOSTS lists both (--report-host, port, Master_id);
  a replica that stops leaves both lists.
* A replication user without REPLICATION SLAVE: the MariaDB replica's COM_REGISTER_SLAVE is
  refused (Last_IO_Errno 1597, MariaDB's exact text quoting 1045) and the I/O thread keeps
  retrying; COM_BINLOG_DUMP itself (mariadb-binlog --read-from-remote-server) is refused
  with 1227; after GRANT REPLICATION SLAVE the replica connects and catches up.
* CHANGE MASTER to a binlog file the source does not have, or to a position past the end
  of its current file: Last_IO_Errno 1236 with MariaDB's texts; the I/O thread stops.
* STOP SLAVE / START SLAVE, a replica restart and a source restart while a writer inserts
  rows: the replica resumes where it stopped, without loss or duplicates.
* SET sql_log_bin = 0: that session's changes stay out of the binary log (SHOW MASTER
  STATUS does not move) and off the replica; other sessions are unaffected; SET GLOBAL
  sql_log_bin is refused with 1238.
* FLUSH BINARY LOGS while a writer inserts: new files mariadb-bin.NNNNNN (SHOW BINARY LOGS,
  the .index, sizes on disk), the replica follows the rotations.
"""

from __future__ import annotations

import subprocess

import pytest

from replication_util import (BINLOG_NAME_RE, FORMATS, REPL_PASSWORD, REPL_USER, SOURCE_KINDS,
                              SOURCE_SERVER_ID, Writer, assert_no_rolled_back_rows,
                              assert_same_data, binary_logs, binlog_dump_threads, binlog_files,
                              brief_status, connect, create_user, execute, master_status,
                              query, run_workload, slave_status, sql_error, start_replica,
                              start_replication, start_source, wait_caught_up, wait_io_error,
                              wait_io_running, wait_until)

# The idle Binlog Dump state: relaydb uses the seed documents' wording verbatim
# (docs/differences.md); MariaDB 10.11 words it differently.
IDLE_DUMP_STATE = {
    "relaydb": "Has sent all binlog to slave; waiting for binlog to be updated",
    "mariadb": "Master has sent all binlog to slave; waiting for more updates",
}


@pytest.fixture(params=SOURCE_KINDS)
def kind(request):
    return request.param


def source_with_user(server_factory, kind, **kwargs):
    source = start_source(server_factory, kind, **kwargs)
    create_user(source, REPL_USER, REPL_PASSWORD)
    return source


def make_log_table(source, db="rpl_log", table="log"):
    conn = connect(source)
    try:
        execute(conn, f"CREATE DATABASE IF NOT EXISTS `{db}`")
        execute(conn, f"CREATE TABLE `{db}`.`{table}` (id INT NOT NULL PRIMARY KEY, n INT)")
        # no primary key: a duplicated event would show as a duplicated row
        execute(conn, f"CREATE TABLE `{db}`.`{table}_nopk` (id INT, n INT)")
    finally:
        conn.close()


@pytest.mark.parametrize("fmt", FORMATS)
def test_workload_replicates(server_factory, kind, fmt):
    source = source_with_user(server_factory, kind)
    replica = start_replica(server_factory, 2)
    start_replication(replica, source)

    db = f"rpl_{fmt.lower()}"
    run_workload(source, db, fmt)
    wait_caught_up(replica, source)

    snap = assert_same_data(source, replica)
    assert set(snap) == {(db, t) for t in ("nopk", "t1", "t2_renamed", "t3", "truncated",
                                           "types_num", "types_str", "types_time")}, sorted(snap)
    assert_no_rolled_back_rows(replica, db)
    assert len(snap[(db, "types_str")].rows) == 4 and len(snap[(db, "types_num")].rows) == 6
    # The replica executed what it received without complaint.
    status = slave_status(replica)
    assert (status["Last_IO_Errno"], status["Last_SQL_Errno"]) == (0, 0), brief_status(status)


def test_two_replicas_dump_threads_processlist_and_slave_hosts(server_factory, kind):
    source = source_with_user(server_factory, kind)
    replicas = [start_replica(server_factory, 2, report_host="replica-a.test"),
                start_replica(server_factory, 3, report_host="replica-b.test")]
    for r in replicas:
        # heartbeats every second: an idle dump thread notices a replica gone within ~1 s
        start_replication(r, source, heartbeat_period=1)

    def idle_dump_threads(n):
        threads = binlog_dump_threads(source)
        return len(threads) == n and all(t["State"] == IDLE_DUMP_STATE[kind] for t in threads) and threads

    threads = wait_until(lambda: idle_dump_threads(2), 30,
                         lambda: f"two idle Binlog Dump threads: {binlog_dump_threads(source)}")
    assert {t["User"] for t in threads} == {REPL_USER}, threads

    hosts = wait_until(lambda: len(query(source, "SHOW SLAVE HOSTS")) == 2
                       and query(source, "SHOW SLAVE HOSTS", dicts=True), 30,
                       lambda: f"two rows in SHOW SLAVE HOSTS: {query(source, 'SHOW SLAVE HOSTS')}")
    assert sorted((h["Server_id"], h["Host"], h["Port"], h["Master_id"]) for h in hosts) == [
        (2, "replica-a.test", replicas[0].port, SOURCE_SERVER_ID),
        (3, "replica-b.test", replicas[1].port, SOURCE_SERVER_ID)], hosts
    assert list(hosts[0]) == ["Server_id", "Host", "Port", "Master_id"], hosts

    # Both follow the same workload while the other one streams too.
    run_workload(source, "rpl_two", "ROW")
    for r in replicas:
        wait_caught_up(r, source)
    for r in replicas:
        assert_same_data(source, r)
    wait_until(lambda: idle_dump_threads(2), 30,
               lambda: f"two idle Binlog Dump threads again: {binlog_dump_threads(source)}")

    # A replica that stops leaves the process list (its dump thread notices at the next
    # heartbeat) and SHOW SLAVE HOSTS.
    query(replicas[1], "STOP SLAVE")
    wait_until(lambda: idle_dump_threads(1), 30,
               lambda: f"one Binlog Dump thread after STOP SLAVE: {binlog_dump_threads(source)}")
    wait_until(lambda: [r[0] for r in query(source, "SHOW SLAVE HOSTS")] == [2], 30,
               lambda: f"only server 2 in SHOW SLAVE HOSTS: {query(source, 'SHOW SLAVE HOSTS')}")


def test_replication_user_needs_replication_slave(server_factory, kind):
    source = source_with_user(server_factory, kind)
    # Account changes stay out of the binary log (sql_log_bin=0): the replica must not
    # replay a GRANT for a user it does not have.
    create_user(source, "norepl", "pw", privileges="SELECT, REPLICATION CLIENT", log_bin=False)
    file, pos = master_status(source)

    # COM_BINLOG_DUMP without the privilege (mariadb-binlog does not register first): 1227.
    result = subprocess.run(
        ["mariadb-binlog", "--no-defaults", "--read-from-remote-server", f"-h{source.host}",
         f"-P{source.port}", "-unorepl", "-ppw", f"--start-position={pos}", file],
        capture_output=True, text=True, timeout=60)
    assert result.returncode == 1, (result.returncode, result.stderr)
    assert result.stderr.strip() == (
        "ERROR: Got error reading packet from server: Access denied; you need (at least one "
        "of) the REPLICATION SLAVE privilege(s) for this operation"), result.stderr

    # A MariaDB replica registers first (COM_REGISTER_SLAVE), which MariaDB refuses with 1045;
    # the replica reports 1597 and keeps retrying.
    replica = start_replica(server_factory, 2)
    start_replication(replica, source, file, pos, user="norepl", password="pw",
                      wait_running=False)
    status = wait_io_error(replica)
    assert status["Last_IO_Errno"] == 1597, brief_status(status)
    assert status["Last_IO_Error"] == (
        "Master command COM_REGISTER_SLAVE failed: Access denied for user 'norepl'@'%' "
        "(using password: YES) (Errno: 1045)"), brief_status(status)
    assert status["Slave_IO_Running"] == "Connecting", brief_status(status)
    assert binlog_dump_threads(source) == []

    conn = connect(source)
    execute(conn, "SET SESSION sql_log_bin = 0")
    execute(conn, "GRANT REPLICATION SLAVE ON *.* TO 'norepl'@'%'")
    conn.close()
    run_workload(source, "rpl_grant", "ROW")
    wait_io_running(replica, timeout=60)
    wait_caught_up(replica, source)
    assert_same_data(source, replica)


def test_bad_start_coordinates_are_error_1236(server_factory, kind):
    source = source_with_user(server_factory, kind)
    file, pos = master_status(source)
    replica = start_replica(server_factory, 2)

    def expect_1236(message):
        status = wait_io_error(replica)
        assert status["Last_IO_Errno"] == 1236, brief_status(status)
        assert status["Last_IO_Error"] == (
            f"Got fatal error 1236 from master when reading data from binary log: '{message}'"
        ), brief_status(status)
        wait_until(lambda: slave_status(replica)["Slave_IO_Running"] == "No", 30,
                   "the I/O thread to stop after 1236")
        wait_until(lambda: binlog_dump_threads(source) == [], 30,
                   lambda: f"no Binlog Dump thread: {binlog_dump_threads(source)}")
        query(replica, "STOP SLAVE")

    # a file the source does not have
    start_replication(replica, source, "mariadb-bin.999999", 4, wait_running=False)
    expect_1236("Could not find first log file name in binary log index file")
    # a position past the end of the current file
    start_replication(replica, source, file, pos + 100000, wait_running=False)
    expect_1236(f"Client requested master to start replication from impossible position; "
                f"the first event '{file}' at {pos + 100000}, the last event read from "
                f"'{file}' at 4, the last byte read from '{file}' at 4.")

    # Pointed at the right place, the same replica replicates.
    start_replication(replica, source, file, pos)
    run_workload(source, "rpl_1236", "STATEMENT")
    wait_caught_up(replica, source)
    assert_same_data(source, replica)


def test_stop_start_and_restarts_resume_without_loss_or_duplicates(server_factory, kind):
    source = source_with_user(server_factory, kind)
    replica = start_replica(server_factory, 2)
    start_replication(replica, source)
    make_log_table(source)

    # Each row goes into `log` (primary key: a replayed event stops the replica with 1062)
    # and `log_nopk` (no key: a replayed event would show as a duplicated row).
    writer = Writer(source, "rpl_log", "log", also="log_nopk", reconnect=True)
    writer.start()
    try:
        writer.wait_for(50)
        # STOP SLAVE / START SLAVE while the writer goes on
        query(replica, "STOP SLAVE")
        writer.wait_for(50)
        query(replica, "START SLAVE")
        writer.wait_for(20)
        # only the I/O thread, then only the SQL thread
        query(replica, "STOP SLAVE IO_THREAD")
        writer.wait_for(30)
        query(replica, "START SLAVE IO_THREAD")
        query(replica, "STOP SLAVE SQL_THREAD")
        writer.wait_for(30)
        query(replica, "START SLAVE SQL_THREAD")
        wait_io_running(replica)
        # the replica process restarts (clean shutdown; replication restarts by itself)
        replica.stop()
        writer.wait_for(50)
        replica.start()
        wait_io_running(replica)
        writer.wait_for(20)
        # the source restarts (clean shutdown): the replica reconnects (MASTER_CONNECT_RETRY=1)
        source.restart()
        writer.wait_for(50, timeout=90)
        wait_io_running(replica, timeout=60)
        writer.wait_for(20)
    finally:
        writer.stop()
    wait_caught_up(replica, source)
    snap = assert_same_data(source, replica)
    rows = snap[("rpl_log", "log")].rows
    assert [r[0] for r in rows] == list(range(1, writer.next_id)), "the source lost an insert"
    assert sorted(snap[("rpl_log", "log_nopk")].rows) == list(rows)
    status = slave_status(replica)
    assert status["Master_Log_File"] == master_status(source)[0], brief_status(status)


def test_sql_log_bin_0_keeps_changes_off_the_binlog(server_factory, kind):
    source = source_with_user(server_factory, kind)
    replica = start_replica(server_factory, 2)
    start_replication(replica, source)
    make_log_table(source)

    hidden, logged = connect(source), connect(source)
    execute(hidden, "SET SESSION sql_log_bin = 0")
    assert execute(hidden, "SELECT @@session.sql_log_bin")[0][0] == 0
    assert execute(logged, "SELECT @@session.sql_log_bin")[0][0] == 1
    before = master_status(source)
    execute(hidden, "INSERT INTO rpl_log.log VALUES (1, 1), (2, 2)")
    execute(hidden, "CREATE TABLE rpl_log.hidden (id INT PRIMARY KEY)")
    execute(hidden, "INSERT INTO rpl_log.hidden VALUES (1)")
    execute(hidden, "BEGIN")
    execute(hidden, "INSERT INTO rpl_log.log VALUES (3, 3)")
    execute(hidden, "UPDATE rpl_log.log SET n = 20 WHERE id = 2")
    execute(hidden, "COMMIT")
    assert master_status(source) == before, "sql_log_bin=0 changes reached the binary log"

    execute(logged, "INSERT INTO rpl_log.log VALUES (10, 10)")
    execute(hidden, "INSERT INTO rpl_log.log VALUES (11, 11)")
    execute(hidden, "SET SESSION sql_log_bin = 1")
    execute(hidden, "INSERT INTO rpl_log.log VALUES (12, 12)")
    execute(hidden, "UPDATE rpl_log.log SET n = n + 100 WHERE id IN (10, 12)")
    wait_caught_up(replica, source)

    assert query(source, "SELECT id, n FROM rpl_log.log ORDER BY id") == (
        (1, 1), (2, 20), (3, 3), (10, 110), (11, 11), (12, 112))
    assert query(replica, "SELECT id, n FROM rpl_log.log ORDER BY id") == ((10, 110), (12, 112))
    assert query(replica, "SHOW TABLES FROM rpl_log LIKE 'hidden'") == ()

    assert sql_error(lambda: execute(logged, "SET GLOBAL sql_log_bin = 0")) == (
        1238, "Variable 'sql_log_bin' is a SESSION variable")
    create_user(source, "plain", "pw", privileges="SELECT", log_bin=False)
    plain = source.connect(user="plain", password="pw", autocommit=True)
    try:
        assert sql_error(lambda: execute(plain, "SET SESSION sql_log_bin = 0")) == (
            1227, "Access denied; you need (at least one of) the SUPER, BINLOG ADMIN "
                  "privilege(s) for this operation")
    finally:
        plain.close()
    hidden.close()
    logged.close()


def test_flush_binary_logs_while_replicating(server_factory, kind):
    source = source_with_user(server_factory, kind)
    replica = start_replica(server_factory, 2)
    start_replication(replica, source)
    make_log_table(source)
    first = master_status(source)[0]

    writer = Writer(source, "rpl_log", "log")
    writer.start()
    try:
        for _ in range(3):
            writer.wait_for(40)
            before = master_status(source)[0]
            query(source, "FLUSH BINARY LOGS")
            after = master_status(source)[0]
            assert int(after.rsplit(".", 1)[1]) == int(before.rsplit(".", 1)[1]) + 1, (before, after)
        writer.wait_for(40)
    finally:
        writer.stop()
    run_workload(source, "rpl_flush", "MIXED")
    wait_caught_up(replica, source)
    assert_same_data(source, replica)

    logs = binary_logs(source)
    names = [n for n, _ in logs]
    # the binary log is <datadir>/mariadb-bin.NNNNNN (mariadbd here: --log-bin=.../mariadb-bin)
    assert all(BINLOG_NAME_RE.match(n) for n in names), names
    assert names[0] <= first and len(names) >= 4, logs
    numbers = [int(n.rsplit(".", 1)[1]) for n in names]
    assert numbers == list(range(numbers[0], numbers[0] + len(numbers))), names
    assert master_status(source)[0] == names[-1]
    files = binlog_files(source)
    assert [f.name for f in files] == names
    for (name, size), path in zip(logs[:-1], files[:-1]):
        assert path.stat().st_size == size, (name, size, path.stat().st_size)
    status = slave_status(replica)
    assert status["Master_Log_File"] == names[-1], brief_status(status)
