"""relaydb as a replica beyond one source and one replica: the --replicate-* filters
(compared with a MariaDB 10.11 replica given the same options), --log-slave-updates chains
A -> B -> C and rings, and read_only, which stops ordinary users but not the SQL thread.

Every wait polls SHOW SLAVE STATUS / SHOW MASTER STATUS with a deadline.
"""

from __future__ import annotations

import pytest

from replica_util import (REFERENCE_SERVER_ID, REPLICA_SERVER_ID, error, ok, run,
                          source_with_user, start_reference_replica, start_relaydb_replica,
                          wait_status)
from replication_util import (REPL_PASSWORD, REPL_USER, SOURCE_KINDS, assert_same_data,
                              change_master, connect, create_user, diff_snapshots, execute,
                              master_status, query, run_statements, snapshot, start_replication,
                              wait_caught_up, wait_until, workload_statements, session_setup)
from servers import against_mariadb

# --- filters -----------------------------------------------------------------------------

FILTER_DBS = ("db1", "db2", "db3", "other")
FILTER_TABLES = ("t1", "keep1", "keep2")

FILTER_SETS = {
    "do_db": ["--replicate-do-db=db1"],
    "ignore_db": ["--replicate-ignore-db=db2"],
    "do_table_wild_ignore": ["--replicate-do-table=db1.t1", "--replicate-wild-ignore-table=db2.%"],
    "wild_do_ignore_table": ["--replicate-wild-do-table=db%.keep%",
                             "--replicate-ignore-table=db1.keep2"],
    "two_do_db_ignore_table": ["--replicate-do-db=db1", "--replicate-do-db=other",
                               "--replicate-ignore-table=db1.keep1"],
    "rewrite_db": ["--replicate-rewrite-db=db2->db3"],
}

FILTER_STATUS_COLUMNS = ("Replicate_Do_DB", "Replicate_Ignore_DB", "Replicate_Do_Table",
                         "Replicate_Ignore_Table", "Replicate_Wild_Do_Table",
                         "Replicate_Wild_Ignore_Table", "Replicate_Rewrite_DB")


def filter_schema() -> list[str]:
    """The tables every server starts with (created outside replication), so that a filter
    never makes a later statement fail for a table it kept from existing."""
    s = []
    for db in FILTER_DBS:
        s.append(f"CREATE DATABASE `{db}`")
        for t in FILTER_TABLES:
            s.append(f"CREATE TABLE `{db}`.`{t}` (id INT NOT NULL PRIMARY KEY, v VARCHAR(40))")
    return s


def filter_workload() -> list[str]:
    """Writes in every database through every kind of statement the rules look at: the
    default database differs from the written table's (the classic statement-based
    surprise), no default database, multi-table UPDATE/DELETE, DDL, multi-statement
    transactions spanning databases."""
    s = []
    for db in ("db1", "db2", "other"):
        s += [f"USE `{db}`",
              f"INSERT INTO t1 VALUES (1, '{db} t1'), (2, '{db} t1 two')",
              f"INSERT INTO keep1 VALUES (1, '{db} keep1')",
              f"INSERT INTO keep2 VALUES (1, '{db} keep2')",
              "UPDATE t1 SET v = CONCAT(v, ' updated') WHERE id = 2"]
    s += [
        "USE other",
        "INSERT INTO db1.t1 VALUES (10, 'into db1 from other')",
        "INSERT INTO db2.keep1 VALUES (10, 'into db2 from other')",
        "USE db2",
        "INSERT INTO db1.keep2 VALUES (11, 'into db1 from db2')",
        "UPDATE db1.t1 SET v = 'updated from db2' WHERE id = 1",
        "USE db1",
        "INSERT INTO db2.t1 VALUES (12, 'into db2 from db1')",
        "BEGIN",
        "INSERT INTO t1 VALUES (20, 'txn db1')",
        "INSERT INTO db2.t1 VALUES (20, 'txn db2')",
        "INSERT INTO other.keep2 VALUES (20, 'txn other')",
        "COMMIT",
        "UPDATE t1 JOIN keep1 ON t1.id = keep1.id SET keep1.v = 'multi-update keep1'",
        "DELETE keep2 FROM keep2 JOIN t1 ON keep2.id = t1.id WHERE t1.id = 1",
        "CREATE TABLE keep3 (id INT NOT NULL PRIMARY KEY)",
        "INSERT INTO keep3 VALUES (1), (2)",
        "USE db2",
        "CREATE TABLE t9 (id INT NOT NULL PRIMARY KEY)",
        "INSERT INTO t9 VALUES (9)",
        "DROP TABLE keep2",
        "TRUNCATE TABLE db1.keep1",
    ]
    return s


def filter_status(server) -> dict:
    rows = query(server, "SHOW SLAVE STATUS", dicts=True)
    return {c: rows[0][c] for c in FILTER_STATUS_COLUMNS}


@pytest.mark.parametrize("fmt", ["ROW", "STATEMENT"])
@pytest.mark.parametrize("filters", sorted(FILTER_SETS))
def test_filters_like_mariadb(server_factory, filters, fmt):
    """relaydb and a MariaDB 10.11 replica with the same --replicate-* options end with the
    same tables, from the same MariaDB source, in ROW and STATEMENT format."""
    args = FILTER_SETS[filters]
    source = source_with_user(server_factory, "mariadb")
    replica = start_relaydb_replica(server_factory, extra_args=args)
    reference = start_reference_replica(server_factory, extra_args=args)
    for server in (source, replica, reference):
        conn = connect(server)
        try:
            run_statements(conn, ["SET SESSION sql_log_bin = 0"] + filter_schema())
        finally:
            conn.close()
    for r in (replica, reference):
        start_replication(r, source)

    conn = connect(source)
    try:
        run_statements(conn, session_setup(fmt) + filter_workload())
    finally:
        conn.close()
    for r in (replica, reference):
        wait_caught_up(r, source, timeout=60)

    expected = snapshot(reference, FILTER_DBS)
    actual = snapshot(replica, FILTER_DBS)
    problems = diff_snapshots(expected, actual, "MariaDB replica", "relaydb replica")
    assert not problems, "\n".join(problems)
    # The filters did something: the replica is not a copy of the source.
    assert diff_snapshots(snapshot(source, FILTER_DBS), actual), "no row was filtered"
    assert filter_status(replica) == filter_status(reference)


def test_filter_variables_change_only_while_the_sql_thread_is_stopped(server_factory):
    source = source_with_user(server_factory, "mariadb")
    replica = start_relaydb_replica(server_factory)
    reference = start_reference_replica(server_factory)
    outcomes = {}
    for r in (replica, reference):
        start_replication(r, source)
        running = run(r, "SET GLOBAL replicate_ignore_db = 'skipme'")
        run(r, "STOP SLAVE SQL_THREAD")
        wait_status(r, lambda s: s["Slave_SQL_Running"] == "No", 30, "the SQL thread to stop")
        stopped = run(r, "SET GLOBAL replicate_ignore_db = 'skipme'")
        run(r, "START SLAVE SQL_THREAD")
        outcomes[r] = (running, stopped, filter_status(r)["Replicate_Ignore_DB"],
                       query(r, "SELECT @@global.replicate_ignore_db")[0][0])
    assert outcomes[replica][0] == error(
        1198, "This operation cannot be performed as you have a running slave ''; run STOP "
              "SLAVE '' first")
    assert outcomes[replica][1:] == (ok(), "skipme", "skipme")
    assert outcomes[replica] == outcomes[reference]

    # The new rule is in force.
    conn = connect(source)
    try:
        for db in ("skipme", "kept"):
            run_statements(conn, [f"CREATE DATABASE {db}", f"USE {db}",
                                  "CREATE TABLE t (id INT PRIMARY KEY)", "INSERT INTO t VALUES (1)"])
    finally:
        conn.close()
    for r in (replica, reference):
        wait_caught_up(r, source)
    assert query(replica, "SHOW DATABASES LIKE 'skipme'") == ()
    assert query(replica, "SELECT id FROM kept.t") == ((1,),)


# --- chains and rings ----------------------------------------------------------------------

def groups_by_server_id(server, server_id: int) -> int:
    """How many Gtid events of the server's binary logs carry `server_id`."""
    n = 0
    for name, _ in query(server, "SHOW BINARY LOGS"):
        n += sum(1 for e in query(server, f"SHOW BINLOG EVENTS IN '{name}'", dicts=True)
                 if e["Event_type"] == "Gtid" and e["Server_id"] == server_id)
    return n


@pytest.mark.parametrize("kind", SOURCE_KINDS)
def test_chain_through_a_relaydb_with_log_slave_updates(server_factory, kind):
    """A (relaydb or MariaDB) -> B (relaydb, --log-slave-updates) -> C (MariaDB): C ends
    with A's data, and B's binary log carries A's server_id on the groups it relays."""
    a = source_with_user(server_factory, kind)
    b = start_relaydb_replica(server_factory, extra_args=["--log-slave-updates"])
    create_user(b, REPL_USER, REPL_PASSWORD)
    own_groups = groups_by_server_id(b, REPLICA_SERVER_ID)  # CREATE USER, GRANT
    c = start_reference_replica(server_factory)
    start_replication(b, a)
    start_replication(c, b)

    conn = connect(a)
    try:
        run_statements(conn, session_setup("MIXED") + workload_statements("chain", "MIXED"))
    finally:
        conn.close()
    wait_caught_up(b, a, timeout=120)
    wait_caught_up(c, b, timeout=120)
    assert_same_data(a, b)
    assert_same_data(a, c)
    a_id = int(query(a, "SELECT @@server_id")[0][0])
    assert groups_by_server_id(b, a_id) >= 10, "B did not log A's groups with A's server_id"
    assert groups_by_server_id(b, REPLICA_SERVER_ID) == own_groups


@pytest.mark.parametrize("partner", SOURCE_KINDS)
def test_ring_of_two_with_log_slave_updates(server_factory, partner):
    """relaydb A and B (relaydb or MariaDB) replicate from each other with
    --log-slave-updates: writes on both sides reach both, and each server skips its own
    events coming back, so the ring goes quiet."""
    a = start_relaydb_replica(server_factory, server_id=11, extra_args=["--log-slave-updates"])
    if partner == "relaydb":
        b = start_relaydb_replica(server_factory, server_id=12, extra_args=["--log-slave-updates"])
    else:
        b = server_factory.mariadb(name="ring-mariadb", server_id=12,
                                   extra_args=["--log-slave-updates"])
    for s in (a, b):
        create_user(s, REPL_USER, REPL_PASSWORD)
    start_replication(a, b)
    start_replication(b, a)

    ca, cb = connect(a), connect(b)
    try:
        run_statements(ca, ["CREATE DATABASE ring", "CREATE TABLE ring.from_a (id INT PRIMARY KEY, n INT)"])
        wait_caught_up(b, a)
        run_statements(cb, ["CREATE TABLE ring.from_b (id INT PRIMARY KEY, n INT)"])
        for i in range(1, 41):
            execute(ca, f"INSERT INTO ring.from_a VALUES ({i}, {i * 3})")
            execute(cb, f"INSERT INTO ring.from_b VALUES ({i}, {i * 5})")
        wait_caught_up(a, b)
        execute(ca, "UPDATE ring.from_b SET n = -n WHERE id <= 5")  # A changes B's table
    finally:
        ca.close()
        cb.close()

    # Quiet: both have executed everything the other has logged, and stay there.
    def settled():
        pa, pb = master_status(a), master_status(b)
        wait_caught_up(a, b, target=pb)
        wait_caught_up(b, a, target=pa)
        return (master_status(a), master_status(b)) == (pa, pb)

    wait_until(settled, 60, "the ring to go quiet")
    assert_same_data(a, b, ["ring"])
    rows = query(a, "SELECT COUNT(*), SUM(n) FROM ring.from_b")[0]
    assert (rows[0], int(rows[1])) == (40, sum(i * 5 for i in range(6, 41)) - sum(i * 5 for i in range(1, 6)))
    assert query(a, "SELECT COUNT(*) FROM ring.from_a")[0][0] == 40


# --- read_only -----------------------------------------------------------------------------

def test_read_only_stops_users_but_not_the_sql_thread(server_factory):
    source = source_with_user(server_factory, "relaydb")
    replica = start_relaydb_replica(server_factory, extra_args=["--read-only"])
    reference = start_reference_replica(server_factory, extra_args=["--read-only"])
    outcomes = []
    for r in (replica, reference):
        for sql in ("CREATE USER app@'%' IDENTIFIED BY 'app-Pw-1'",
                    "GRANT ALL ON ro.* TO app@'%'"):
            assert run(r, sql) == ok(), (r.name, sql)  # a SUPER user may write under read_only
        start_replication(r, source)
    conn = connect(source)
    try:
        run_statements(conn, ["CREATE DATABASE ro", "CREATE TABLE ro.t (id INT PRIMARY KEY)",
                              "INSERT INTO ro.t VALUES (1), (2)"])
    finally:
        conn.close()
    for r in (replica, reference):
        wait_caught_up(r, source)
        app = connect(r, user="app", password="app-Pw-1")
        try:
            outcomes.append((run(app, "INSERT INTO ro.t VALUES (3)"),
                             run(app, "SELECT COUNT(*) FROM ro.t")))
        finally:
            app.close()
    assert outcomes[0][0] == error(1290, "The MariaDB server is running with the --read-only "
                                         "option so it cannot execute this statement")
    assert outcomes[0][1] == ok([(2,)])
    assert outcomes[0] == outcomes[1]
