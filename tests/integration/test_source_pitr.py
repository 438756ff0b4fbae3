"""Point-in-time recovery from the source's binary log files, as users do it.

Every test runs with a MariaDB 10.11 source (validates the test) and with relaydb.

* The replication workload (replication_util.workload_statements: DDL, DML, transactions,
  a rollback, every column type) in ROW and in STATEMENT format, with a FLUSH BINARY LOGS
  in between: `mariadb-binlog <every file the .index lists>` exits 0 with nothing on stderr
  (also with -v --base64-output=decode-rows), and `mariadb-binlog files | mariadb` into a
  fresh MariaDB reproduces every table (rows and column types).
* The same through the Binlog Dump thread: `mariadb-binlog --read-from-remote-server
  --to-last-log` as a user with only REPLICATION SLAVE, replayed, reproduces the tables.
* A DROP TABLE by mistake: replaying up to --stop-position (SHOW MASTER STATUS before the
  DROP) recovers the table as it was; continuing with --start-position after the DROP
  brings the rest of the later changes.
* binlog_format decides what is logged: ROW gives Annotate_rows/Table_map/Write_rows, and
  STATEMENT a Query with the statement text; MIXED logs a deterministic INSERT as a
  statement and one with UUID() as rows; SET GLOBAL binlog_format is the default of new
  sessions only; changing it inside a transaction or to a bad value fails as in MariaDB.
"""

from __future__ import annotations

import pytest

from replication_util import (REPL_PASSWORD, REPL_USER, SOURCE_KINDS, binlog_files,
                              connect, create_user, diff_snapshots, execute, master_status,
                              mariadb_binlog, parse_binlog_groups, query, replay, run_workload,
                              snapshot, sql_error, start_source, start_target, user_databases,
                              assert_same_data, assert_no_rolled_back_rows)


@pytest.fixture(params=SOURCE_KINDS)
def kind(request):
    return request.param


@pytest.mark.parametrize("fmt", ["ROW", "STATEMENT"])
def test_replaying_every_binlog_file_reproduces_the_data(server_factory, kind, fmt):
    source = start_source(server_factory, kind)
    dbs = [f"pitr_{fmt.lower()}_1", f"pitr_{fmt.lower()}_2"]
    run_workload(source, dbs[0], fmt)
    query(source, "FLUSH BINARY LOGS")
    run_workload(source, dbs[1], fmt)

    files = binlog_files(source)
    assert len(files) >= 2, files
    decoded = mariadb_binlog(["-v", "--base64-output=decode-rows", *files])
    assert b"Xid = " in decoded.stdout
    sql = mariadb_binlog(files).stdout
    target = start_target(server_factory)
    replay(sql, target)

    assert user_databases(target) == user_databases(source) == dbs
    assert_same_data(source, target)
    assert_no_rolled_back_rows(target, dbs[0])


def test_remote_binlog_replay_reproduces_the_data(server_factory, kind):
    source = start_source(server_factory, kind)
    create_user(source, REPL_USER, REPL_PASSWORD, log_bin=False)
    first = binlog_files(source)[0].name
    run_workload(source, "pitr_remote", "MIXED")
    query(source, "FLUSH BINARY LOGS")
    query(source, "INSERT INTO pitr_remote.t1 (a, b) VALUES (-1, 'after flush')")

    remote = mariadb_binlog(["--read-from-remote-server", f"--host={source.host}",
                             f"--port={source.port}", f"--user={REPL_USER}",
                             f"--password={REPL_PASSWORD}", "--to-last-log", first])
    target = start_target(server_factory)
    replay(remote.stdout, target)
    assert_same_data(source, target)


def test_point_in_time_recovery_before_a_drop_table(server_factory, kind):
    source = start_source(server_factory, kind)
    db = "pitr_drop"
    run_workload(source, db, "ROW")
    query(source, "FLUSH BINARY LOGS")
    conn = connect(source)
    execute(conn, "SET SESSION binlog_format = 'ROW'")
    execute(conn, f"INSERT INTO {db}.t1 (a, b) VALUES (200, 'after flush'), (201, 'after flush')")
    execute(conn, f"UPDATE {db}.types_str SET vc = 'last change before the mistake' WHERE id = 4")
    before_drop = snapshot(source, [db])
    stop_file, stop_pos = master_status(source)
    execute(conn, f"DROP TABLE {db}.types_str")          # the mistake
    start_file, start_pos = master_status(source)
    assert start_file == stop_file and start_pos > stop_pos
    # later work that must not be lost
    execute(conn, f"INSERT INTO {db}.t1 (a, b) VALUES (300, 'after the drop')")
    execute(conn, f"DELETE FROM {db}.t2_renamed WHERE k = 'x'")
    query(source, "FLUSH BINARY LOGS")
    execute(conn, f"CREATE TABLE {db}.later (id INT PRIMARY KEY, v VARCHAR(10))")
    execute(conn, f"INSERT INTO {db}.later VALUES (1, 'later')")
    conn.close()

    files = binlog_files(source)
    names = [f.name for f in files]
    assert stop_file in names, (stop_file, names)
    i = names.index(stop_file)
    target = start_target(server_factory)

    # Up to the moment before the DROP: the table is back, as it was.
    replay(mariadb_binlog([*files[:i + 1], f"--stop-position={stop_pos}"]).stdout, target)
    problems = diff_snapshots(before_drop, snapshot(target, [db]), "source before the DROP",
                              "restore")
    assert not problems, "\n".join(problems)

    # Then everything after the DROP.
    replay(mariadb_binlog([f"--start-position={start_pos}", *files[i:]]).stdout, target)
    expected = snapshot(source, [db])
    assert (db, "types_str") not in expected
    expected[(db, "types_str")] = before_drop[(db, "types_str")]
    problems = diff_snapshots(expected, snapshot(target, [db]), "expected", "restore")
    assert not problems, "\n".join(problems)


def _group_with(groups, marker: str):
    found = [g for g in groups
             if any(marker in s for s in g.statements)
             or any(marker in v for _, _, image in g.rows for v in image.values())]
    assert len(found) == 1, (marker, found)
    return found[0]


def test_binlog_format_decides_what_is_logged(server_factory, kind):
    source = start_source(server_factory, kind)
    setup = connect(source)
    execute(setup, "CREATE DATABASE fmt")
    execute(setup, "CREATE TABLE fmt.t (id INT AUTO_INCREMENT PRIMARY KEY, v VARCHAR(80))")
    old_session = execute(setup, "SELECT @@session.binlog_format")[0][0]

    execute(setup, "SET GLOBAL binlog_format = 'ROW'")
    row = connect(source)
    execute(setup, "SET GLOBAL binlog_format = 'STATEMENT'")
    stmt = connect(source)
    mixed = connect(source)
    execute(mixed, "SET SESSION binlog_format = 'MIXED'")
    assert [execute(c, "SELECT @@session.binlog_format")[0][0] for c in (setup, row, stmt, mixed)] \
        == [old_session, "ROW", "STATEMENT", "MIXED"]
    assert execute(mixed, "SELECT @@global.binlog_format")[0][0] == "STATEMENT"

    execute(row, "INSERT INTO fmt.t (v) VALUES ('row-marker')")
    execute(stmt, "INSERT INTO fmt.t (v) VALUES ('stmt-marker')")
    execute(mixed, "INSERT INTO fmt.t (v) VALUES ('mixed-safe-marker')")
    execute(mixed, "INSERT INTO fmt.t (v) VALUES (CONCAT('mixed-unsafe-marker ', UUID()))")

    # Not inside a transaction; not to a bad value.
    execute(stmt, "BEGIN")
    execute(stmt, "INSERT INTO fmt.t (v) VALUES ('in txn')")
    assert sql_error(lambda: execute(stmt, "SET SESSION binlog_format = 'ROW'")) == (
        1679, "Cannot modify @@session.binlog_format inside a transaction")
    execute(stmt, "COMMIT")
    assert sql_error(lambda: execute(stmt, "SET SESSION binlog_format = 'FOO'")) == (
        1231, "Variable 'binlog_format' can't be set to the value of 'FOO'")
    assert execute(stmt, "SELECT @@session.binlog_format")[0][0] == "STATEMENT"
    for c in (setup, row, stmt, mixed):
        c.close()

    groups = []
    for f in binlog_files(source):
        out = mariadb_binlog(["-v", "--base64-output=decode-rows", f]).stdout
        groups += parse_binlog_groups(out.decode(errors="replace"), f.name)[0]
    assert all(g.committed for g in groups), [g for g in groups if not g.committed]

    def is_rows(g):
        return ("Write_rows" in g.events and "Table_map" in g.events
                and not any("INSERT" in s for s in g.statements))

    def is_statement(g, text):
        return "Write_rows" not in g.events and g.statements == [text]

    g = _group_with(groups, "row-marker")
    assert is_rows(g) and "Annotate_rows" in g.events, g
    assert g.rows == [("INSERT", "`fmt`.`t`", {1: "1", 2: "'row-marker'"})], g.rows
    g = _group_with(groups, "stmt-marker")
    assert is_statement(g, "INSERT INTO fmt.t (v) VALUES ('stmt-marker')"), g
    g = _group_with(groups, "mixed-safe-marker")
    assert is_statement(g, "INSERT INTO fmt.t (v) VALUES ('mixed-safe-marker')"), g
    g = _group_with(groups, "mixed-unsafe-marker")
    assert is_rows(g), g
    assert g.rows[0][2][2].startswith("'mixed-unsafe-marker "), g.rows
