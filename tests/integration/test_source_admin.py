"""The binary log's administration statements, differential against MariaDB 10.11.

Both servers run the same statements with the same binlog basename (mariadb-bin), and
their answers are compared: SHOW BINLOG EVENTS (event types and Info texts, positions
consistent), SHOW MASTER STATUS and its aliases, SHOW BINARY LOGS against the files on
disk, SHOW BINLOG EVENTS IN/FROM/LIMIT and its errors, PURGE BINARY LOGS TO/BEFORE (and
1373), RESET MASTER [TO n], rotation at max_binlog_size, binlog_checksum=NONE, and the
privilege errors.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from replication_util import connect, execute, query, sql_error, wait_until

BASENAME = "mariadb-bin"


def start(server_factory, kind: str, extra=()):
    if kind == "mariadb":
        return server_factory.mariadb(name="admin-mariadb", server_id=1, extra_args=list(extra))
    return server_factory.relaydb(name="admin-relaydb", server_id=1,
                                  extra_args=[f"--log-bin={BASENAME}", *extra])


@pytest.fixture
def pair(server_factory):
    servers = start(server_factory, "relaydb"), start(server_factory, "mariadb")
    for s in servers:  # MariaDB 10.11 defaults to MIXED, relaydb to ROW
        run(s, ["SET GLOBAL binlog_format = 'ROW'"])
    return servers


def binlog_dir(server) -> Path:
    return Path(query(server, "SELECT @@log_bin_basename")[0][0]).parent


def run(server, statements):
    conn = connect(server)
    try:
        for s in statements:
            execute(conn, s)
    finally:
        conn.close()


WORKLOAD = [
    "CREATE DATABASE adm",
    "USE adm",
    "CREATE TABLE t (id INT PRIMARY KEY AUTO_INCREMENT, v VARCHAR(20), n INT) ENGINE=InnoDB",
    "INSERT INTO t (v, n) VALUES ('a', 1), ('b', 2), ('c', 3)",
    "UPDATE t SET n = n + 10 WHERE id >= 2",
    "DELETE FROM t WHERE id = 1",
    "BEGIN",
    "INSERT INTO t (v, n) VALUES ('txn', 4)",
    "UPDATE t SET v = 'changed' WHERE id = 2",
    "COMMIT",
    "BEGIN",
    "INSERT INTO t (v, n) VALUES ('rolled back', 5)",
    "ROLLBACK",
    "SET SESSION binlog_format = 'STATEMENT'",
    "INSERT INTO t (v, n) VALUES ('stmt', 6)",
    "SET @x = 42",
    "INSERT INTO t (v, n) VALUES ('uservar', @x)",
    "UPDATE t SET n = n * 2 WHERE v = 'stmt'",
    "SET SESSION binlog_format = 'ROW'",
    "ALTER TABLE t ADD COLUMN extra INT",
    "DROP TABLE t",
]


def normalise(info: str) -> str:
    info = re.sub(r"Server ver: [^,]*,", "Server ver: X,", info)
    info = re.sub(r"xid=\d+", "xid=N", info)
    return re.sub(r"table_id: \d+", "table_id: N", info)


def events(server, file=None):
    sql = "SHOW BINLOG EVENTS" + (f" IN '{file}'" if file else "")
    return [(r[0], int(r[1]), r[2], int(r[3]), int(r[4]), r[5]) for r in query(server, sql)]


def test_binlog_events_match_mariadb(pair):
    relaydb, mariadb = pair
    for s in pair:
        run(s, ["SET GLOBAL binlog_format = 'ROW'"])
        run(s, WORKLOAD)
    r_events, m_events = events(relaydb), events(mariadb)
    # Same event types and Info texts (xids, table ids and the version string aside).
    assert [(e[2], normalise(e[5])) for e in r_events] == \
           [(e[2], normalise(e[5])) for e in m_events]
    # Positions chain: each event starts where the previous one ended.
    for prev, cur in zip(r_events, r_events[1:]):
        assert cur[1] == prev[4], (prev, cur)
    assert all(e[3] == 1 for e in r_events)
    # The rolled-back insert is nowhere.
    assert not any("rolled back" in e[5] for e in r_events)


def test_show_master_status_aliases_and_binary_logs(pair):
    for s in pair:
        run(s, WORKLOAD[:4])
        run(s, ["FLUSH BINARY LOGS", "INSERT INTO adm.t (v) VALUES ('after flush')"])
        status = query(s, "SHOW MASTER STATUS")
        if "relaydb" in s.name:  # MySQL 8.2's spelling; MariaDB 10.11 answers 1064
            assert query(s, "SHOW BINARY LOG STATUS") == status
        assert query(s, "SHOW BINLOG STATUS") == status
        logs = query(s, "SHOW BINARY LOGS")
        assert [r[0] for r in logs] == [f"{BASENAME}.000001", f"{BASENAME}.000002"], (s.name, logs)
        assert status[0][0] == logs[-1][0]
        d = binlog_dir(s)
        for name, size in logs:
            assert os.path.getsize(d / name) == int(size), (s.name, name)
        index = (d / f"{BASENAME}.index").read_text().split()
        assert [Path(x).name for x in index] == [r[0] for r in logs]
    relaydb, mariadb = pair
    # Same head events, so the same position at the start of a file.
    run(relaydb, ["FLUSH BINARY LOGS"])
    run(mariadb, ["FLUSH BINARY LOGS"])
    assert query(relaydb, "SHOW MASTER STATUS")[0][:2] == query(mariadb, "SHOW MASTER STATUS")[0][:2]


def test_show_binlog_events_in_from_limit_and_errors(pair):
    relaydb, mariadb = pair
    for s in pair:
        run(s, WORKLOAD[:6])
        full = events(s, f"{BASENAME}.000001")
        third = full[3][1]
        from_rows = query(s, f"SHOW BINLOG EVENTS IN '{BASENAME}.000001' FROM {third}")
        assert [int(r[1]) for r in from_rows] == [e[1] for e in full[3:]]
        limited = query(s, f"SHOW BINLOG EVENTS IN '{BASENAME}.000001' FROM {third} LIMIT 1, 2")
        assert [int(r[1]) for r in limited] == [e[1] for e in full[4:6]]
        assert len(query(s, f"SHOW BINLOG EVENTS LIMIT 3")) == 3
    # Errors: an unknown file, a position inside an event.
    for sql in (f"SHOW BINLOG EVENTS IN 'nope.000001'",
                f"SHOW BINLOG EVENTS IN '{BASENAME}.000001' FROM 5"):
        r_err = sql_error(lambda: query(relaydb, sql))
        m_err = sql_error(lambda: query(mariadb, sql))
        assert r_err is not None and r_err[0] == m_err[0], (sql, r_err, m_err)


def test_purge_and_reset_master(pair):
    results = {}
    for s in pair:
        run(s, ["CREATE DATABASE p", "CREATE TABLE p.t (a INT)"])
        for i in range(4):
            run(s, [f"INSERT INTO p.t VALUES ({i})", "FLUSH BINARY LOGS"])
        names = [r[0] for r in query(s, "SHOW BINARY LOGS")]
        assert len(names) == 5
        err = sql_error(lambda: query(s, "PURGE BINARY LOGS TO 'mariadb-bin.999999'"))
        run(s, [f"PURGE BINARY LOGS TO '{names[2]}'"])
        after_to = [r[0] for r in query(s, "SHOW BINARY LOGS")]
        d = binlog_dir(s)
        assert not (d / names[0]).exists() and not (d / names[1]).exists()
        # BEFORE a time in the future: everything but the current file (MariaDB may also
        # keep a file its binlog checkpoint still needs; relaydb has no such file).
        run(s, ["PURGE BINARY LOGS BEFORE NOW() + INTERVAL 1 DAY"])
        after_before = [r[0] for r in query(s, "SHOW BINARY LOGS")]
        assert after_before[-1] == after_to[-1]
        if "relaydb" in s.name:
            assert after_before == [after_to[-1]]
        after_before = after_before[-1:]
        run(s, ["RESET MASTER"])
        after_reset = query(s, "SHOW BINARY LOGS")
        status_reset = query(s, "SHOW MASTER STATUS")[0][:2]
        run(s, ["RESET MASTER TO 7"])
        after_reset_to = [r[0] for r in query(s, "SHOW BINARY LOGS")]
        results[s.name.split("-")[1][:7]] = (err, after_to, after_before, [r[0] for r in after_reset],
                                             status_reset, after_reset_to)
    relaydb, mariadb = results["relaydb"], results["mariadb"]
    assert relaydb[0][0] == 1373 and relaydb[0] == mariadb[0], (relaydb[0], mariadb[0])
    assert relaydb[1:] == mariadb[1:]
    assert relaydb[3] == [f"{BASENAME}.000001"]
    assert relaydb[5] == [f"{BASENAME}.000007"]


def test_rotation_at_max_binlog_size(pair):
    for s in pair:
        run(s, ["SET GLOBAL max_binlog_size = 4096", "CREATE DATABASE r",
                "CREATE TABLE r.t (id INT PRIMARY KEY, v VARCHAR(200))"])
        for i in range(40):
            run(s, [f"INSERT INTO r.t VALUES ({i}, REPEAT('x', 200))"])
        logs = query(s, "SHOW BINARY LOGS")
        assert len(logs) >= 3, (s.name, logs)
        # Every finished file ends with a Rotate naming the next one, and stays near the limit
        # (a group is never split).
        for (name, size), (nxt, _) in zip(logs, logs[1:]):
            evs = events(s, name)
            assert evs[-1][2] == "Rotate" and evs[-1][5].startswith(nxt + ";pos=4"), evs[-1]
            assert int(size) < 4096 + 1024, (name, size)
        run(s, ["SET GLOBAL max_binlog_size = 1073741824"])


def test_binlog_checksum_none(server_factory):
    s = start(server_factory, "relaydb", ["--binlog-checksum=NONE", "--binlog-format=ROW"])
    run(s, WORKLOAD[:5])
    assert query(s, "SELECT @@binlog_checksum")[0][0] == "NONE"
    evs = events(s)
    assert [e[2] for e in evs[:3]] == ["Format_desc", "Gtid_list", "Binlog_checkpoint"]
    # Without the 4-byte CRC each event is 4 bytes shorter than with it.
    m = start(server_factory, "mariadb", ["--binlog-checksum=NONE", "--binlog-format=ROW"])
    run(m, WORKLOAD[:5])
    m_evs = events(m)
    assert [(e[2], e[4] - e[1]) for e in evs if e[2] in ("Xid", "Gtid", "Write_rows_v1")] == \
           [(e[2], e[4] - e[1]) for e in m_evs if e[2] in ("Xid", "Gtid", "Write_rows_v1")]


def test_privileges(pair):
    for s in pair:
        conn = connect(s)
        execute(conn, "CREATE USER 'plain'@'%' IDENTIFIED BY 'pw'")
        conn.close()
    for sql in ("SHOW MASTER STATUS", "SHOW BINARY LOGS", "SHOW BINLOG EVENTS",
                "PURGE BINARY LOGS TO 'mariadb-bin.000001'", "RESET MASTER", "FLUSH BINARY LOGS",
                "SHOW SLAVE HOSTS"):
        errs = []
        for s in pair:
            errs.append(sql_error(lambda: query(s, sql, user="plain", password="pw")))
        assert errs[0] is not None and errs[0] == errs[1], (sql, errs)
