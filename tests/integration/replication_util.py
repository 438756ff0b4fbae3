"""Helpers for the source-side replication suites (test_source_*.py).

The "source" of every test is either a MariaDB 10.11 (kind "mariadb": validates the test
itself) or relaydb (kind "relaydb": what the test is for); replicas and restore targets are
always real MariaDB 10.11 processes started by the test (server_factory).

* start_source / start_replica: the servers. Sources have server_id 1; every replica
  gets its own server_id and optionally --report-host.
* create_user, master_status, start_replication (CHANGE MASTER TO ... MASTER_USE_GTID=no
  + START SLAVE), slave_status, wait_caught_up (polls SHOW SLAVE STATUS against SHOW
  MASTER STATUS; fails at once on an I/O or SQL thread error), wait_io_error.
* snapshot / assert_same_data: every user table's rows (SELECT * ORDER BY primary key, as
  PyMySQL returns them) and column types (from SHOW CREATE TABLE), compared server to server.
* binlog_files: the source's binary log files, as its .index lists them; mariadb_binlog
  runs the `mariadb-binlog` tool; replay pipes its output into the `mariadb` client.
* workload_statements: the DDL/DML workload (every column type, transactions, a rollback)
  that the replication and point-in-time-recovery suites run in ROW/STATEMENT/MIXED.
* parse_binlog_groups: mariadb-binlog -v output split into GTID event groups.
"""

from __future__ import annotations

import re
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional, Sequence

import pymysql
import pymysql.cursors

from servers import Server

SOURCE_KINDS = ["mariadb", "relaydb"]
FORMATS = ["ROW", "STATEMENT", "MIXED"]
SYSTEM_DBS = frozenset({"information_schema", "mysql", "performance_schema", "sys"})
REPL_USER = "repl"
REPL_PASSWORD = "repl-Pw-7"
SOURCE_SERVER_ID = 1
MARIADB_BINLOG = "mariadb-binlog"
BINLOG_NAME_RE = re.compile(r"^[A-Za-z0-9_.-]+-bin\.\d{6,}$")  # <log_bin basename>.NNNNNN

# Workload sessions write TIMESTAMPs in a zone that is not the server's (so that a source
# that loses the session time zone in STATEMENT format is caught); comparisons read in UTC.
WORKLOAD_TIME_ZONE = "+03:00"


# --- servers --------------------------------------------------------------------------------

def start_source(server_factory, kind: str, extra_args: Sequence[str] = ()) -> Server:
    """The source under test: relaydb (binary log on by default) or a MariaDB with
    --log-bin (its files are <basedir>/binlog/mariadb-bin.NNNNNN)."""
    if kind == "mariadb":
        return server_factory.mariadb(name="source-mariadb", server_id=SOURCE_SERVER_ID,
                                      extra_args=extra_args)
    assert kind == "relaydb", kind
    return server_factory.relaydb(name="source-relaydb", server_id=SOURCE_SERVER_ID,
                                  extra_args=extra_args)


def start_replica(server_factory, server_id: int, report_host: Optional[str] = None,
                  extra_args: Sequence[str] = (), start: bool = True) -> Server:
    """A MariaDB 10.11 replica (no binary log of its own)."""
    args = list(extra_args)
    if report_host:
        args.append(f"--report-host={report_host}")
    return server_factory.mariadb(name=f"replica{server_id}-", server_id=server_id,
                                  log_bin=False, extra_args=args, start=start)


def start_target(server_factory, name: str = "restore") -> Server:
    """A fresh MariaDB to restore into (no binary log)."""
    return server_factory.mariadb(name=name, server_id=90, log_bin=False)


# --- SQL helpers ----------------------------------------------------------------------------

def connect(server: Server, **kwargs) -> pymysql.connections.Connection:
    args = dict(autocommit=True, read_timeout=120, write_timeout=120)
    args.update(kwargs)
    return server.connect(**args)


def execute(conn, sql: str, args=None):
    with conn.cursor() as cur:
        cur.execute(sql, args)
        return cur.fetchall()


def query(server: Server, sql: str, args=None, dicts: bool = False, **kwargs):
    if dicts:
        kwargs["cursorclass"] = pymysql.cursors.DictCursor
    conn = connect(server, **kwargs)
    try:
        return execute(conn, sql, args)
    finally:
        conn.close()


def sql_error(fn: Callable[[], object]) -> Optional[tuple]:
    """(errno, message) of the MySQL error fn() raises, or None."""
    try:
        fn()
    except pymysql.err.MySQLError as e:
        return tuple(e.args[:2])
    return None


def wait_until(predicate: Callable[[], object], timeout: float, what,
               interval: float = 0.05):
    """Polls predicate() until it returns something truthy (returned) or the deadline.
    `what` is a string or a callable giving the failure message (evaluated at the end)."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            message = what() if callable(what) else what
            raise AssertionError(f"timed out after {timeout:.0f}s waiting for {message}")
        time.sleep(interval)


def create_user(server: Server, user: str, password: str, privileges: str = "REPLICATION SLAVE",
                log_bin: bool = True) -> None:
    """CREATE USER user@'%' + GRANT privileges ON *.*; with log_bin=False in a session with
    sql_log_bin=0 (so that replicas started earlier never see it)."""
    conn = connect(server)
    try:
        if not log_bin:
            execute(conn, "SET SESSION sql_log_bin = 0")
        execute(conn, f"CREATE USER '{user}'@'%' IDENTIFIED BY '{password}'")
        execute(conn, f"GRANT {privileges} ON *.* TO '{user}'@'%'")
    finally:
        conn.close()


def master_status(server: Server) -> tuple[str, int]:
    """(File, Position) from SHOW MASTER STATUS."""
    rows = query(server, "SHOW MASTER STATUS")
    assert rows, (f"SHOW MASTER STATUS on {server.name} returned no row: the binary log is off "
                  f"(@@log_bin = {query(server, 'SELECT @@log_bin')[0][0]!r})")
    return rows[0][0], int(rows[0][1])


def binary_logs(server: Server) -> list[tuple[str, int]]:
    """[(Log_name, File_size)] from SHOW BINARY LOGS."""
    return [(r[0], int(r[1])) for r in query(server, "SHOW BINARY LOGS")]


def binlog_pos_key(file: str, pos: int) -> tuple[int, int]:
    """Orders binlog coordinates: by the file's sequence number, then the position."""
    return int(file.rsplit(".", 1)[1]), pos


def change_master(replica: Server, source: Server, log_file: str, log_pos: int,
                  user: str = REPL_USER, password: str = REPL_PASSWORD,
                  connect_retry: int = 1, heartbeat_period: Optional[float] = None) -> None:
    heartbeat = (f", MASTER_HEARTBEAT_PERIOD={heartbeat_period}"
                 if heartbeat_period is not None else "")
    query(replica, f"CHANGE MASTER TO MASTER_HOST='{source.host}', MASTER_PORT={source.port}, "
                   f"MASTER_USER='{user}', MASTER_PASSWORD='{password}', "
                   f"MASTER_LOG_FILE='{log_file}', MASTER_LOG_POS={log_pos}, "
                   f"MASTER_USE_GTID=no, MASTER_CONNECT_RETRY={connect_retry}{heartbeat}")


def start_replication(replica: Server, source: Server, log_file: Optional[str] = None,
                      log_pos: Optional[int] = None, user: str = REPL_USER,
                      password: str = REPL_PASSWORD, wait_running: bool = True,
                      heartbeat_period: Optional[float] = None) -> None:
    """CHANGE MASTER TO the source (at SHOW MASTER STATUS unless given) and START SLAVE;
    with wait_running, waits until the I/O thread is connected (Slave_IO_Running Yes)."""
    if log_file is None:
        log_file, log_pos = master_status(source)
    change_master(replica, source, log_file, log_pos, user, password,
                  heartbeat_period=heartbeat_period)
    query(replica, "START SLAVE")
    if wait_running:
        wait_io_running(replica)


def slave_status(replica: Server) -> dict:
    rows = query(replica, "SHOW SLAVE STATUS", dicts=True)
    assert rows, f"SHOW SLAVE STATUS on {replica.name} is empty (no CHANGE MASTER)"
    return rows[0]


STATUS_KEYS = ("Slave_IO_Running", "Slave_SQL_Running", "Master_Log_File", "Read_Master_Log_Pos",
               "Relay_Master_Log_File", "Exec_Master_Log_Pos", "Last_IO_Errno", "Last_IO_Error",
               "Last_SQL_Errno", "Last_SQL_Error", "Slave_IO_State")


def brief_status(status: dict) -> dict:
    return {k: status.get(k) for k in STATUS_KEYS}


def _fail_on_replication_error(replica: Server, status: dict) -> None:
    if status["Last_SQL_Errno"]:
        raise AssertionError(f"{replica.name}: SQL thread error {status['Last_SQL_Errno']}: "
                             f"{status['Last_SQL_Error']}\n{brief_status(status)}")
    if status["Last_IO_Errno"] and status["Slave_IO_Running"] == "No":
        raise AssertionError(f"{replica.name}: I/O thread error {status['Last_IO_Errno']}: "
                             f"{status['Last_IO_Error']}\n{brief_status(status)}")


def wait_io_running(replica: Server, timeout: float = 20) -> dict:
    last: dict = {}

    def running():
        nonlocal last
        last = slave_status(replica)
        if last["Slave_IO_Running"] == "Yes" and last["Slave_SQL_Running"] == "Yes":
            return last
        _fail_on_replication_error(replica, last)
        return None

    return wait_until(running, timeout,
                      lambda: f"{replica.name} to connect: {brief_status(last)}")


def wait_caught_up(replica: Server, source: Server, timeout: float = 60,
                   target: Optional[tuple[str, int]] = None) -> dict:
    """Polls the replica's SHOW SLAVE STATUS until its SQL thread has executed up to the
    source's current SHOW MASTER STATUS (or `target`). Fails at once if a replication
    thread stopped with an error."""
    file, pos = target or master_status(source)
    goal = binlog_pos_key(file, pos)
    last: dict = {}

    def caught_up():
        nonlocal last
        last = slave_status(replica)
        _fail_on_replication_error(replica, last)
        if last["Slave_SQL_Running"] != "Yes":
            raise AssertionError(f"{replica.name}: SQL thread not running: {brief_status(last)}")
        executed = last["Relay_Master_Log_File"]
        if not executed:
            return None
        return binlog_pos_key(executed, int(last["Exec_Master_Log_Pos"])) >= goal and last

    return wait_until(caught_up, timeout,
                      lambda: f"{replica.name} to reach {file}:{pos} of {source.name}; "
                              f"status {brief_status(last)}")


def wait_io_error(replica: Server, timeout: float = 30) -> dict:
    """Polls until the replica's I/O thread reports an error (Last_IO_Errno != 0)."""
    last: dict = {}

    def errored():
        nonlocal last
        last = slave_status(replica)
        return last if last["Last_IO_Errno"] else None

    return wait_until(errored, timeout,
                      lambda: f"an I/O thread error on {replica.name}: {brief_status(last)}")


def stop_replication(replica: Server) -> None:
    query(replica, "STOP SLAVE")


def binlog_dump_threads(source: Server) -> list[dict]:
    return [p for p in query(source, "SHOW PROCESSLIST", dicts=True)
            if p["Command"] == "Binlog Dump"]


# --- comparing data -------------------------------------------------------------------------

def user_databases(server: Server) -> list[str]:
    return sorted(r[0] for r in query(server, "SHOW DATABASES") if r[0] not in SYSTEM_DBS)


def tables_of(conn, db: str) -> list[str]:
    return sorted(r[0] for r in execute(conn, f"SHOW FULL TABLES FROM `{db}`")
                  if r[1] == "BASE TABLE")


_COLUMN_LINE = re.compile(r"^\s+`((?:[^`]|``)+)` (.*?),?$")
_COLUMN_ATTR = re.compile(r" (?:NOT NULL|NULL|DEFAULT|AUTO_INCREMENT|COMMENT|ON UPDATE|"
                          r"CHECK|INVISIBLE|GENERATED|AS \()\b")
_PRIMARY_KEY = re.compile(r"^\s+PRIMARY KEY \((.*)\)")


def parse_create_table(text: str) -> tuple[list[tuple[str, str]], list[str]]:
    """From SHOW CREATE TABLE: [(column, type as shown incl. charset/collation)] and the
    primary key columns."""
    columns, pk = [], []
    for line in text.splitlines()[1:]:
        m = _PRIMARY_KEY.match(line)
        if m:
            pk = [c.split("(")[0].strip("`") for c in re.findall(r"`(?:[^`]|``)+`(?:\(\d+\))?",
                                                                  m.group(1))]
            continue
        m = _COLUMN_LINE.match(line)
        if m:
            definition = m.group(2)
            cut = _COLUMN_ATTR.search(definition)
            columns.append((m.group(1), definition[:cut.start()] if cut else definition))
    return columns, pk


@dataclass
class TableSnapshot:
    columns: list[tuple[str, str]]
    rows: tuple


def snapshot(server: Server, databases: Optional[Iterable[str]] = None) -> dict:
    """{(db, table): TableSnapshot} for every base table of `databases` (default: every
    non-system database), rows ordered by primary key (else by every column), read with
    time_zone '+00:00'."""
    conn = connect(server)
    try:
        execute(conn, "SET time_zone = '+00:00'")
        dbs = list(databases) if databases is not None else user_databases(server)
        result = {}
        for db in dbs:
            for table in tables_of(conn, db):
                create = execute(conn, f"SHOW CREATE TABLE `{db}`.`{table}`")[0][1]
                columns, pk = parse_create_table(create)
                order = ", ".join(f"`{c}`" for c in pk) or ", ".join(
                    str(i + 1) for i in range(len(columns)))
                rows = execute(conn, f"SELECT * FROM `{db}`.`{table}` ORDER BY {order}")
                result[(db, table)] = TableSnapshot(columns, tuple(rows))
        return result
    finally:
        conn.close()


def _short(value, limit: int = 300) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + f"...({len(text)} chars)"


def diff_snapshots(expected: dict, actual: dict, expected_name: str = "source",
                   actual_name: str = "replica") -> list[str]:
    """Human-readable differences between two snapshots (empty when equal)."""
    problems = []
    for key in sorted(set(expected) | set(actual)):
        name = "`%s`.`%s`" % key
        if key not in actual:
            problems.append(f"{name}: missing on {actual_name}")
            continue
        if key not in expected:
            problems.append(f"{name}: only on {actual_name}")
            continue
        e, a = expected[key], actual[key]
        # Rows are compared by repr: same Python types and values as PyMySQL returns them
        # (Decimal('1.50') and Decimal('1.5') differ; 1 and Decimal(1) differ).
        if e.columns != a.columns:
            problems.append(f"{name}: column types differ:\n  {expected_name}: {e.columns}\n"
                            f"  {actual_name}: {a.columns}")
        if repr(e.rows) != repr(a.rows):
            detail = []
            if len(e.rows) != len(a.rows):
                detail.append(f"{len(e.rows)} rows on {expected_name}, {len(a.rows)} on "
                              f"{actual_name}")
            for i, (re_, ra) in enumerate(zip(e.rows, a.rows)):
                if repr(re_) != repr(ra):
                    cols = [c for c, _ in e.columns] or list(range(len(re_)))
                    diffs = [f"{cols[j] if j < len(cols) else j}: {_short(x)} != {_short(y)}"
                             for j, (x, y) in enumerate(zip(re_, ra)) if repr(x) != repr(y)]
                    detail.append(f"row {i} (first column {_short(re_[0])}): " + "; ".join(diffs))
                    if len(detail) > 8:
                        break
            extra_e = set(map(repr, e.rows)) - set(map(repr, a.rows))
            extra_a = set(map(repr, a.rows)) - set(map(repr, e.rows))
            detail.append(f"{len(extra_e)} rows only on {expected_name}, {len(extra_a)} only on "
                          f"{actual_name}")
            problems.append(f"{name}: rows differ: " + "\n    ".join(detail))
    return problems


def assert_same_data(source: Server, replica: Server, databases: Optional[Iterable[str]] = None,
                     replica_name: Optional[str] = None) -> dict:
    """The replica's tables equal the source's (every user database unless given: the set of
    databases must match too). Returns the source snapshot."""
    if databases is None:
        src_dbs, rep_dbs = user_databases(source), user_databases(replica)
        assert src_dbs == rep_dbs, (f"databases differ: {source.name} {src_dbs}, "
                                    f"{replica.name} {rep_dbs}")
        databases = src_dbs
    databases = list(databases)
    expected, actual = snapshot(source, databases), snapshot(replica, databases)
    problems = diff_snapshots(expected, actual, source.name, replica_name or replica.name)
    assert not problems, "\n".join(problems)
    return expected


# --- binary log files and mariadb-binlog --------------------------------------------------

def binlog_files(server: Server) -> list[Path]:
    """The binary log files the running server's index lists, oldest first. The index is
    @@log_bin_index (else <datadir>/mariadb-bin.index); relative names are relative to the
    datadir, as MariaDB resolves them."""
    row = query(server, "SELECT @@log_bin_index, @@datadir")[0]
    datadir = Path(row[1] or server.datadir)
    index = Path(row[0]) if row[0] else Path(server.datadir) / "mariadb-bin.index"
    assert index.is_file(), f"no binary log index at {index}"
    files = []
    for line in index.read_text().splitlines():
        line = line.strip()
        if not line:
            continue
        path = Path(line)
        files.append(path if path.is_absolute() else (datadir / path).resolve())
    for f in files:
        assert f.is_file(), f"{index} lists {f}, which does not exist"
        assert re.match(r"^.+\.\d{6,}$", f.name), f"unexpected binary log name {f.name}"
    return files


def mariadb_binlog(args: Sequence[str], check: bool = True,
                   timeout: float = 120) -> subprocess.CompletedProcess:
    """Runs mariadb-binlog (no option files); stdout/stderr as bytes. With check, a
    non-zero exit or anything on stderr fails the test."""
    cmd = [MARIADB_BINLOG, "--no-defaults", *map(str, args)]
    result = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout)
    if check:
        assert result.returncode == 0 and not result.stderr.strip(), (
            f"{' '.join(cmd)} exited {result.returncode}; stderr:\n"
            f"{result.stderr.decode(errors='replace')}")
    return result


def replay(sql: bytes, target: Server, timeout: float = 180) -> None:
    """Pipes mariadb-binlog output into the `mariadb` client of `target` (as users do
    `mariadb-binlog files | mariadb`): must exit 0 with nothing on stderr."""
    cmd = target.client_args()
    result = subprocess.run(cmd, input=sql, capture_output=True, timeout=timeout)
    assert result.returncode == 0 and not result.stderr.strip(), (
        f"replaying mariadb-binlog output with {' '.join(cmd)} exited {result.returncode}; "
        f"stderr:\n{result.stderr.decode(errors='replace')}")


@dataclass
class EventGroup:
    """One GTID event group of `mariadb-binlog -v --base64-output=decode-rows` output."""
    gtid: str
    file: str
    kind: str                     # "trans", "ddl" or "" as mariadb-binlog prints it
    events: list[str] = field(default_factory=list)   # event type names in order
    statements: list[str] = field(default_factory=list)  # Query event texts (not BEGIN)
    rows: list[tuple[str, str, dict]] = field(default_factory=list)  # (op, `db`.`t`, {n: v})
    committed: bool = False


_EVENT_HEADER = re.compile(r"^#\d{6} +\d+:\d\d:\d\d server id (\d+) +end_log_pos (\d+)"
                           r"(?: CRC32 0x[0-9a-f]+)?\s+(.*)$")
_GTID = re.compile(r"^GTID (\d+-\d+-\d+)(?: cid=\d+)?(?: (trans|ddl))?")
_ROW_OP = re.compile(r"^### (INSERT INTO|UPDATE|DELETE FROM) (`[^`]*`\.`[^`]*`)$")
_ROW_VALUE = re.compile(r"^###   @(\d+)=(.*)$")


def parse_binlog_groups(text: str, file: str = "") -> tuple[list[EventGroup], list[str]]:
    """Splits mariadb-binlog -v --base64-output=decode-rows output into GTID event groups.

    A group is committed when it ends with an Xid event, a COMMIT Query or (DDL) its one
    statement. Row images come from the `### INSERT INTO` pseudo-SQL (for UPDATE, the SET
    image). Also returns the event type names seen outside any group.
    """
    groups: list[EventGroup] = []
    outside: list[str] = []
    current: Optional[EventGroup] = None
    event: Optional[str] = None
    query_lines: Optional[list[str]] = None
    row: Optional[tuple[str, str, dict]] = None

    def finish_query():
        nonlocal query_lines
        if query_lines is None:
            return
        text_ = "\n".join(query_lines).strip()
        query_lines = None
        if current is None:
            return
        upper = text_.upper()
        if upper in ("BEGIN", "START TRANSACTION"):
            return
        if upper == "COMMIT":
            current.committed = True
            return
        if text_:
            current.statements.append(text_)
            if current.kind == "ddl":
                current.committed = True

    for line in text.splitlines():
        m = _EVENT_HEADER.match(line)
        if m:
            finish_query()
            row = None
            description = m.group(3).strip()
            event = description.split()[0].rstrip(":") if description else ""
            g = _GTID.match(description)
            if g:
                current = EventGroup(gtid=g.group(1), file=file, kind=g.group(2) or "")
                groups.append(current)
                current.events.append("Gtid")
                continue
            if current is not None and not current.committed:
                current.events.append(event)
            else:
                outside.append(event)
            if event == "Xid" and current is not None:
                current.committed = True
            if event == "Query":
                query_lines = []
            continue
        if line.startswith("# at ") or line.startswith("#Q> ") or line.startswith("# Number of rows"):
            continue
        if query_lines is not None:
            # The statement ends at a line "/*!*/;"; the session preamble before it
            # (SET TIMESTAMP=..., use `db`, SET @@session...) is one "...;/*!*/;" line each.
            if line == "/*!*/;":
                finish_query()
            elif not line.endswith("/*!*/;"):
                query_lines.append(line)
            continue
        m = _ROW_OP.match(line)
        if m and current is not None:
            row = (m.group(1).split()[0], m.group(2), {})
            current.rows.append(row)
            continue
        if row is not None:
            if line == "### SET":
                if row[0] == "UPDATE":
                    row[2].clear()
                continue
            if line == "### WHERE":
                continue
            m = _ROW_VALUE.match(line)
            if m:
                row[2][int(m.group(1))] = m.group(2).split(" /* ")[0]
                continue
            row = None
    finish_query()
    return groups, outside


def read_binlog_groups(files: Sequence[Path], check: bool = True) -> list[EventGroup]:
    """Every GTID event group of the files (one mariadb-binlog run per file, in order)."""
    groups: list[EventGroup] = []
    for f in files:
        out = mariadb_binlog(["-v", "--base64-output=decode-rows", f], check=check)
        g, _ = parse_binlog_groups(out.stdout.decode(errors="replace"), f.name)
        groups.extend(g)
    return groups


# --- the workload -----------------------------------------------------------------------

ROLLED_BACK_MARK = "must-never-appear"

TYPES_NUM = """CREATE TABLE types_num (
  id INT NOT NULL PRIMARY KEY,
  ti TINYINT, tiu TINYINT UNSIGNED, si SMALLINT, siu SMALLINT UNSIGNED,
  mi MEDIUMINT, miu MEDIUMINT UNSIGNED, i INT, iu INT UNSIGNED,
  bi BIGINT, biu BIGINT UNSIGNED,
  d102 DECIMAL(10,2), d50 DECIMAL(5,0), d44 DECIMAL(4,4), d189 DECIMAL(18,9),
  d3810 DECIMAL(38,10), d6530 DECIMAL(65,30), du DECIMAL(12,3) UNSIGNED,
  f FLOAT, dbl DOUBLE,
  b1 BIT(1), b8 BIT(8), b17 BIT(17), b64 BIT(64),
  y YEAR, e ENUM('small','medium','large','ünï'), s SET('a','b','c','ü'),
  bo BOOLEAN, zf INT(8) UNSIGNED ZEROFILL, fmd FLOAT(7,3), dmd DOUBLE(12,4)
)"""

TYPES_NUM_ROWS = [
    # minimums
    "(1, -128, 0, -32768, 0, -8388608, 0, -2147483648, 0, -9223372036854775808, 0, "
    "-99999999.99, -99999, -0.9999, -999999999.999999999, "
    "-9999999999999999999999999999.9999999999, "
    "-99999999999999999999999999999999999.999999999999999999999999999999, 0.000, "
    "-3.40282e38, -1.7976931348623157e308, b'0', b'0', b'0', b'0', 1901, 'small', '', "
    "FALSE, 0, -9999.999, -99999999.9999)",
    # maximums
    "(2, 127, 255, 32767, 65535, 8388607, 16777215, 2147483647, 4294967295, "
    "9223372036854775807, 18446744073709551615, 99999999.99, 99999, 0.9999, "
    "999999999.999999999, 9999999999999999999999999999.9999999999, "
    "99999999999999999999999999999999999.999999999999999999999999999999, 999999999.999, "
    "3.40282e38, 1.7976931348623157e308, b'1', b'11111111', b'11111111111111111', "
    "b'1111111111111111111111111111111111111111111111111111111111111111', 2155, 'large', "
    "'a,b,c,ü', TRUE, 4294967295, 9999.999, 99999999.9999)",
    # ordinary values
    "(3, 0, 1, -2, 2, -3, 3, -4, 4, -5, 5, 12.5, 42, 0.5, -0.000000001, 1234567.0000000001, "
    "-0.000000000000000000000000000001, 1.5, 3.14, 0.1, b'1', b'10101010', "
    "b'10101010101010101', b'1000000000000000000000000000000000000000000000000000000000000001', "
    "2024, 'ünï', 'b,ü', 1, 42, 1.5, 3.1416)",
    # NULL everywhere but the key
    "(4, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
    "NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
    "NULL, NULL, NULL, NULL)",
    "(5, -1, 100, 1000, 1000, 100000, 100000, 1000000, 1000000, 10000000000, 10000000000, "
    "-0.01, 0, -0.0001, 1.000000001, -1, 1, 0.001, -1.5e-10, -2.2250738585072014e-308, b'0', "
    "b'1', b'1', b'11', 1999, 'medium', 'c', 0, 7, -0.001, 0.0001)",
]

TYPES_STR = """CREATE TABLE types_str (
  id INT NOT NULL PRIMARY KEY,
  c10 CHAR(10), c255 CHAR(255), vc VARCHAR(255), vc300 VARCHAR(300),
  vcbin VARCHAR(20) COLLATE utf8mb4_bin,
  tt TINYTEXT, tx TEXT, mt MEDIUMTEXT, lt LONGTEXT,
  l1c CHAR(5) CHARACTER SET latin1, l1v VARCHAR(40) CHARACTER SET latin1,
  l1t TEXT CHARACTER SET latin1,
  bn BINARY(4), vb VARBINARY(300), tb TINYBLOB, bl BLOB, mb MEDIUMBLOB, lb LONGBLOB,
  j JSON
) DEFAULT CHARSET=utf8mb4"""


def _hex(data: bytes) -> str:
    return "X'" + data.hex().upper() + "'"


TYPES_STR_ROWS = [
    "(1, 'abc', REPEAT('😀', 255), 'Grüße, 日本語, 😀 ☃', REPEAT('é', 300), 'CaseSensitive', "
    "'tiny ☃', CONCAT('text ', REPEAT('ab', 2000)), REPEAT('m', 70000), REPEAT('😀€', 20000), "
    "'Ça', 'déjà vu ÿ', 'Æble © ±', X'00FF0010', "
    f"{_hex(bytes(range(256)) + bytes(range(44)))}, X'DEADBEEF', {_hex(bytes(range(256)) * 3)}, "
    "REPEAT(X'00FF', 35000), REPEAT(X'0102FEFF', 20000), "
    "'{\"a\": [1, 2.5, {\"b\": null}], \"c\": \"é😀\", \"d\": true}')",
    "(2, '', '', '', '', '', '', '', '', '', '', '', '', X'', X'', X'', X'', X'', X'', '[]')",
    "(3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
    "NULL, NULL, NULL, NULL, NULL)",
    "(4, 'pad  ', 'x', 'trail  ', 'O''Reilly \"q\" \\\\ back', 'tab\\there', 'line\\nbreak', "
    "'100%', '_under_', 'mixed ✓', 'zz ', 'àáâãäå', 'ÿ', X'27225C0A', X'0000', X'00', X'5C', "
    "X'FF', X'0A0D', '{\"k\": \"v\"}')",
    "(5, 'five', 'five', 'five', 'five', 'five', 'five', 'five', 'five', 'five', 'five', 'five', "
    "'five', X'05', X'05', X'05', X'05', X'05', X'05', '5')",
]

TYPES_TIME = """CREATE TABLE types_time (
  id INT NOT NULL PRIMARY KEY,
  d DATE,
  t0 TIME, t1 TIME(1), t2 TIME(2), t3 TIME(3), t4 TIME(4), t5 TIME(5), t6 TIME(6),
  dt0 DATETIME, dt1 DATETIME(1), dt2 DATETIME(2), dt3 DATETIME(3), dt4 DATETIME(4),
  dt5 DATETIME(5), dt6 DATETIME(6),
  ts0 TIMESTAMP NULL, ts1 TIMESTAMP(1) NULL, ts2 TIMESTAMP(2) NULL, ts3 TIMESTAMP(3) NULL,
  ts4 TIMESTAMP(4) NULL, ts5 TIMESTAMP(5) NULL, ts6 TIMESTAMP(6) NULL,
  y YEAR
)"""

# TIMESTAMPs are written in WORKLOAD_TIME_ZONE (+03:00): '1970-01-01 03:00:01' is 1 s after
# the epoch, '2038-01-19 06:14:07' the last second of the 32-bit range.
TYPES_TIME_ROWS = [
    "(1, '1000-01-01', '-838:59:59', '-838:59:58.9', '-838:59:58.99', '-838:59:58.999', "
    "'-838:59:58.9999', '-838:59:58.99999', '-838:59:58.999999', '1000-01-01 00:00:00', "
    "'1000-01-01 00:00:00.1', '1000-01-01 00:00:00.01', '1000-01-01 00:00:00.001', "
    "'1000-01-01 00:00:00.0001', '1000-01-01 00:00:00.00001', '1000-01-01 00:00:00.000001', "
    "'1970-01-01 03:00:01', '1970-01-01 03:00:01.1', '1970-01-01 03:00:01.01', "
    "'1970-01-01 03:00:01.001', '1970-01-01 03:00:01.0001', '1970-01-01 03:00:01.00001', "
    "'1970-01-01 03:00:01.000001', 1901)",
    "(2, '9999-12-31', '838:59:59', '838:59:58.9', '838:59:58.99', '838:59:58.999', "
    "'838:59:58.9999', '838:59:58.99999', '838:59:58.999999', '9999-12-31 23:59:59', "
    "'9999-12-31 23:59:59.9', '9999-12-31 23:59:59.99', '9999-12-31 23:59:59.999', "
    "'9999-12-31 23:59:59.9999', '9999-12-31 23:59:59.99999', '9999-12-31 23:59:59.999999', "
    "'2038-01-19 06:14:07', '2038-01-19 06:14:07.9', '2038-01-19 06:14:07.99', "
    "'2038-01-19 06:14:07.999', '2038-01-19 06:14:07.9999', '2038-01-19 06:14:07.99999', "
    "'2038-01-19 06:14:07.999999', 2155)",
    "(3, '2024-02-29', '12:34:56', '-00:00:00.5', '-00:00:01.25', '-01:02:03.456', "
    "'100:00:00.0001', '-00:00:00.00001', '-12:34:56.789012', '2024-02-29 12:34:56', "
    "'2024-02-29 12:34:56.7', '2024-02-29 12:34:56.78', '2024-02-29 12:34:56.789', "
    "'2024-02-29 12:34:56.7891', '2024-02-29 12:34:56.78912', '2024-02-29 12:34:56.789123', "
    "'2001-02-03 04:05:06', '2001-02-03 04:05:06.7', '2001-02-03 04:05:06.78', "
    "'2001-02-03 04:05:06.789', '2001-02-03 04:05:06.7890', '2001-02-03 04:05:06.78901', "
    "'2001-02-03 04:05:06.789012', 2000)",
    "(4, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
    "NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)",
    "(5, '1999-12-31', '00:00:00', '00:00:00.0', '23:59:59.99', '-00:00:00.001', '00:00:00', "
    "'00:00:00', '00:00:00.000001', '1999-12-31 23:59:59', '2000-01-01 00:00:00.5', NULL, NULL, "
    "NULL, NULL, '2000-02-29 00:00:00.000001', '2000-01-01 00:00:00', NULL, NULL, NULL, NULL, "
    "NULL, '2020-06-15 12:00:00.5', 1970)",
]


def workload_statements(db: str, fmt: str) -> list[str]:
    """The replication/PITR workload for one database, run in one session (autocommit on;
    BEGIN/COMMIT/ROLLBACK explicit). The session is set up by session_setup(fmt)."""
    s = [
        f"CREATE DATABASE `{db}`",
        f"USE `{db}`",
        # AUTO_INCREMENT, multi-row inserts, updates, deletes
        "CREATE TABLE t1 (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, a INT NOT NULL, "
        "b VARCHAR(50), KEY ka (a))",
        "INSERT INTO t1 (a, b) VALUES (1, 'one'), (2, 'two'), (3, 'three'), (4, 'four')",
        "INSERT INTO t1 (a, b) VALUES (5, 'five')",
        "INSERT INTO t1 (id, a, b) VALUES (100, 100, 'explicit id')",
        "INSERT INTO t1 (a, b) VALUES (101, 'after explicit id')",
        "UPDATE t1 SET b = CONCAT(b, '!') WHERE a >= 3",
        "DELETE FROM t1 WHERE a = 2",
        # LAST_INSERT_ID, a user variable, NOW(6), RAND(): what STATEMENT format must carry
        "CREATE TABLE t3 (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, ref INT, "
        "note VARCHAR(40), at DATETIME(6), r INT, "
        "ts TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6))",
        "INSERT INTO t1 (a, b) VALUES (7, 'for last_insert_id')",
        "INSERT INTO t3 (ref, note) VALUES (LAST_INSERT_ID(), 'last_insert_id')",
        "SET @uv = 'user variable ü', @un = 4242",
        "INSERT INTO t3 (ref, note) VALUES (@un, @uv)",
        "INSERT INTO t3 (note, at) VALUES ('now(6)', NOW(6))",
        "INSERT INTO t3 (note, r) VALUES ('rand', FLOOR(RAND() * 1000000000))",
        "UPDATE t3 SET ref = 99 WHERE note = 'now(6)'",
        # a multi-statement transaction
        "BEGIN",
        "INSERT INTO t1 (a, b) VALUES (10, 'txn'), (11, 'txn')",
        "UPDATE t1 SET a = a + 1000 WHERE b = 'txn'",
        "DELETE FROM t1 WHERE a = 1",
        "INSERT INTO t3 (ref, note) VALUES (10, 'txn')",
        "COMMIT",
        # a rolled-back transaction: must never reach a replica or a restore
        "BEGIN",
        f"INSERT INTO t1 (a, b) VALUES (66, '{ROLLED_BACK_MARK}')",
        f"UPDATE t1 SET b = '{ROLLED_BACK_MARK}' WHERE a = 3",
        "DELETE FROM t3",
        f"INSERT INTO t3 (note) VALUES ('{ROLLED_BACK_MARK}')",
        "ROLLBACK",
        # DDL: ALTER TABLE ADD COLUMN, CREATE INDEX, RENAME, DROP, TRUNCATE
        "ALTER TABLE t1 ADD COLUMN c DATETIME(3) NULL, ADD COLUMN d DECIMAL(8,3) NOT NULL DEFAULT 1.5",
        "UPDATE t1 SET c = '2024-01-02 03:04:05.678', d = -12.345 WHERE a = 3",
        "CREATE INDEX idx_b ON t1 (b)",
        "CREATE UNIQUE INDEX idx_ad ON t1 (a, d)",
        "CREATE TABLE t2 (k VARCHAR(20) NOT NULL PRIMARY KEY, v INT)",
        "INSERT INTO t2 VALUES ('x', 1), ('y', 2), ('z', 3)",
        "RENAME TABLE t2 TO t2_renamed",
        "UPDATE t2_renamed SET v = v * 10 WHERE k <> 'y'",
        "CREATE TABLE scratch (id INT PRIMARY KEY, v TEXT)",
        "INSERT INTO scratch VALUES (1, 'a'), (2, 'b')",
        "DROP TABLE scratch",
        "CREATE TABLE truncated (id INT PRIMARY KEY)",
        "INSERT INTO truncated VALUES (1), (2)",
        "TRUNCATE TABLE truncated",
        "INSERT INTO truncated VALUES (3)",
        "CREATE DATABASE `{db}_scratch`".replace("{db}", db),
        f"CREATE TABLE `{db}_scratch`.gone (id INT)",
        f"DROP DATABASE `{db}_scratch`",
        # a table without a primary key, with duplicate rows
        "CREATE TABLE nopk (a INT, b VARCHAR(10))",
        "INSERT INTO nopk VALUES (1, 'dup'), (1, 'dup'), (2, 'two'), (NULL, NULL)",
        "UPDATE nopk SET b = 'two!' WHERE a = 2",
        "DELETE FROM nopk WHERE a IS NULL",
        # every column type
        TYPES_NUM,
        "INSERT INTO types_num VALUES " + ", ".join(TYPES_NUM_ROWS),
        TYPES_STR,
        "INSERT INTO types_str VALUES " + ", ".join(TYPES_STR_ROWS[:3]),
        "INSERT INTO types_str VALUES " + TYPES_STR_ROWS[3],
        "INSERT INTO types_str VALUES " + TYPES_STR_ROWS[4],
        TYPES_TIME,
        "INSERT INTO types_time VALUES " + ", ".join(TYPES_TIME_ROWS),
        # updates to and from NULL, of big values, and deletes, on the typed tables
        "BEGIN",
        "UPDATE types_num SET ti = NULL, d102 = NULL, s = NULL WHERE id = 1",
        "UPDATE types_num SET ti = 5, e = 'medium', s = 'a,c', b8 = b'1010', "
        "d6530 = 0.000000000000000000000000000123, biu = 18446744073709551614 WHERE id = 4",
        "UPDATE types_num SET bi = bi - 1, biu = biu - 1, d3810 = -d3810 WHERE id = 2",
        "DELETE FROM types_num WHERE id = 5",
        "COMMIT",
        "UPDATE types_str SET mt = CONCAT(mt, 'tail'), vc = 'updated ü', j = '{\"u\": 1}', "
        "bl = X'00' WHERE id = 1",
        "UPDATE types_str SET c10 = 'now set', lb = X'ABCDEF', l1v = 'ÿ' WHERE id = 3",
        "UPDATE types_str SET c255 = NULL, vb = NULL, j = NULL WHERE id = 2",
        "DELETE FROM types_str WHERE id = 5",
        "UPDATE types_time SET t6 = '-00:00:00.000001', ts3 = '2020-05-05 05:05:05.555', "
        "d = NULL WHERE id = 3",
        "UPDATE types_time SET dt6 = '2000-01-01 00:00:00.000001', t0 = '-00:00:01' WHERE id = 4",
        "DELETE FROM types_time WHERE id = 5",
        "ALTER TABLE types_num ADD COLUMN added VARCHAR(10) DEFAULT 'dflt'",
        "INSERT INTO types_num (id, ti, added) VALUES (6, 6, NULL), (7, 7, DEFAULT)",
    ]
    if fmt == "MIXED":
        # unsafe for statement-based logging: MIXED must log it as rows (else the
        # replica's UUID differs)
        s += ["INSERT INTO t3 (note) VALUES (UUID())",
              "UPDATE t3 SET r = CRC32(UUID()) % 1000000 WHERE note = 'txn'"]
    return s


def session_setup(fmt: str) -> list[str]:
    return [f"SET SESSION binlog_format = '{fmt}'", f"SET time_zone = '{WORKLOAD_TIME_ZONE}'"]


def run_statements(conn, statements: Iterable[str]) -> None:
    for sql in statements:
        try:
            execute(conn, sql)
        except pymysql.err.MySQLError as e:
            raise AssertionError(f"{sql[:300]!r} failed: {e}") from e


def run_workload(server: Server, db: str, fmt: str) -> None:
    """Runs workload_statements(db, fmt) in a new session with binlog_format = fmt, and
    checks the session really is in that format."""
    conn = connect(server)
    try:
        run_statements(conn, session_setup(fmt))
        got = execute(conn, "SELECT @@session.binlog_format")[0][0]
        assert got == fmt, f"@@session.binlog_format is {got!r} after SET SESSION to {fmt!r}"
        run_statements(conn, workload_statements(db, fmt))
    finally:
        conn.close()


def assert_no_rolled_back_rows(server: Server, db: str) -> None:
    rows = query(server, f"SELECT 't1', COUNT(*) FROM `{db}`.t1 WHERE b = '{ROLLED_BACK_MARK}' "
                         f"UNION ALL SELECT 't3', COUNT(*) FROM `{db}`.t3 "
                         f"WHERE note = '{ROLLED_BACK_MARK}'")
    assert all(n == 0 for _, n in rows), f"{server.name}: rolled-back rows present: {rows}"
    assert query(server, f"SELECT b FROM `{db}`.t1 WHERE a = 3")[0][0] == "three!"


# --- background writers ---------------------------------------------------------------------

class Writer(threading.Thread):
    """Inserts numbered rows (id, id * 7) into `db`.`table` (id INT PRIMARY KEY, n INT) as
    fast as it can until stop(); with `also` (a second table) the same row goes into both in
    one transaction. `acked` counts acknowledged commits, `next_id` is the next id. With
    `reconnect`, a lost connection (a source restart) is retried; an insert whose
    acknowledgement was lost is recognised by its id. Other errors end the thread (`error`)."""

    def __init__(self, server: Server, db: str, table: str, also: Optional[str] = None,
                 start_at: int = 1, pause: float = 0.0, reconnect: bool = False,
                 fmt: Optional[str] = None):
        super().__init__(daemon=True)
        self.server, self.db, self.table, self.also = server, db, table, also
        self.next_id = start_at
        self.pause = pause
        self.reconnect = reconnect
        self.fmt = fmt
        self.acked = 0
        self.error: Optional[BaseException] = None
        self._stop_event = threading.Event()

    def _statements(self, i: int) -> list[str]:
        ins = [f"INSERT INTO `{self.db}`.`{t}` (id, n) VALUES ({i}, {i * 7})"
               for t in (self.table, self.also) if t]
        return ["BEGIN", *ins, "COMMIT"] if self.also else ins

    def _connect(self):
        conn = connect(self.server, read_timeout=60, write_timeout=60)
        if self.fmt:
            execute(conn, f"SET SESSION binlog_format = '{self.fmt}'")
        return conn

    def run(self) -> None:
        conn = None
        try:
            while not self._stop_event.is_set():
                try:
                    if conn is None:
                        conn = self._connect()
                        # after a reconnect: did the last insert commit unacknowledged?
                        if execute(conn, f"SELECT COUNT(*) FROM `{self.db}`.`{self.table}` "
                                         f"WHERE id = {self.next_id}")[0][0]:
                            self.next_id += 1
                            continue
                    for sql in self._statements(self.next_id):
                        execute(conn, sql)
                except (pymysql.err.OperationalError, pymysql.err.InterfaceError):
                    if not self.reconnect:
                        raise
                    if conn is not None:
                        conn.close()
                    conn = None
                    self._stop_event.wait(0.1)
                    continue
                self.next_id += 1
                self.acked += 1
                if self.pause:
                    self._stop_event.wait(self.pause)
        except BaseException as e:  # noqa: BLE001
            self.error = e
        finally:
            if conn is not None:
                conn.close()

    def stop(self) -> None:
        self._stop_event.set()
        self.join(60)
        assert not self.is_alive(), "writer thread did not stop"
        if self.error is not None:
            raise AssertionError(f"writer failed: {self.error!r}")

    def wait_for(self, n: int, timeout: float = 60) -> None:
        """Polls until `n` more inserts were acknowledged (from now)."""
        goal = self.acked + n
        wait_until(lambda: self.acked >= goal or self.error is not None, timeout,
                   f"{n} acknowledged inserts")
        if self.error is not None:
            raise AssertionError(f"writer failed: {self.error!r}")
