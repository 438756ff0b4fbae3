"""Helpers for test_replica.py: relaydb as a REPLICA (of relaydb or of MariaDB 10.11).

The replica under test is `server_factory.relaydb(...)` (a MariaDB stand-in with
RELAYDB_DIFF_AGAINST_MARIADB=1, which validates the tests themselves); sources come from
replication_util.start_source. A "reference" replica is a real MariaDB 10.11 doing the
same thing beside relaydb, where the tests compare the two.

* start_relaydb_replica / start_reference_replica / source_with_user / replicate.
* run / Outcome: a statement's result, error or warnings, as comparable data.
* system_threads: the Slave_IO / Slave_SQL rows of SHOW PROCESSLIST; the thread states
  of the seed documents (SEED_IO_STATES, SEED_SQL_STATES) and MariaDB 10.11's wording
  of the idle SQL thread state.
* wait_status: polls SHOW SLAVE STATUS until a predicate holds (deadline).
* relay_log_index / relay_log_files / relay_log_events / find_event_with: relay logs on
  disk; read_info_file: master.info / relay-log.info lines.
"""

from __future__ import annotations

import glob
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, Optional, Sequence

import pymysql

from replication_util import (REPL_PASSWORD, REPL_USER, brief_status, connect, create_user,
                              query, slave_status, start_source, wait_until)
from servers import Server, against_mariadb

REPLICA_SERVER_ID = 2
REFERENCE_SERVER_ID = 3

# --- thread states ----------------------------------------------------------------------

# The seed documents' I/O thread states, verbatim ("Replication Slave I/O Thread States").
SEED_IO_STATES = frozenset({
    "Connecting to master",
    "Checking master version",
    "Registering slave on master",
    "Requesting binlog dump",
    "Waiting to reconnect after a failed binlog dump request",
    "Reconnecting after a failed binlog dump request",
    "Waiting for master to send event",
    "Queueing master event to the relay log",
    "Waiting to reconnect after a failed master event read",
    "Reconnecting after a failed master event read",
    "Waiting for the slave SQL thread to free enough relay log space",
    "Waiting for slave mutex on exit",
})
# MariaDB 10.11 (and relaydb) also name a failed COM_REGISTER_SLAVE.
REGISTRATION_RETRY_STATES = frozenset({
    "Waiting to reconnect after a failed registration on master",
    "Reconnecting after a failed registration on master",
})
RECONNECT_STATES = frozenset({
    "Waiting to reconnect after a failed master event read",
    "Reconnecting after a failed master event read",
})
SPACE_WAIT_STATE = "Waiting for the slave SQL thread to free enough relay log space"
IO_IDLE_STATE = "Waiting for master to send event"

# The seed documents' SQL thread states, verbatim ("Replication Slave SQL Thread States");
# the State column may also show the statement being executed.
SEED_SQL_IDLE_STATE = "Has read all relay log; waiting for the slave I/O thread to update it"
SEED_SQL_STATES = frozenset({
    "Reading event from the relay log",
    SEED_SQL_IDLE_STATE,
    "Waiting for slave mutex on exit",
})
MARIADB_SQL_IDLE_STATE = "Slave has read all relay log; waiting for more updates"


def sql_idle_state() -> str:
    """The idle SQL thread state of the replica under test: relaydb uses the seed's words,
    MariaDB 10.11 (self-check) its own."""
    return MARIADB_SQL_IDLE_STATE if against_mariadb() else SEED_SQL_IDLE_STATE


# --- servers ----------------------------------------------------------------------------

def source_with_user(server_factory, kind: str, extra_args: Sequence[str] = ()) -> Server:
    source = start_source(server_factory, kind, extra_args=extra_args)
    create_user(source, REPL_USER, REPL_PASSWORD)
    return source


def start_relaydb_replica(server_factory, server_id: int = REPLICA_SERVER_ID,
                          extra_args: Sequence[str] = (), start: bool = True) -> Server:
    """The replica under test: relaydb (its binary log on, as by default)."""
    return server_factory.relaydb(name="replica", server_id=server_id,
                                  extra_args=list(extra_args), start=start)


def start_reference_replica(server_factory, server_id: int = REFERENCE_SERVER_ID,
                            extra_args: Sequence[str] = ()) -> Server:
    """A MariaDB 10.11 replica beside relaydb: the oracle."""
    return server_factory.mariadb(name="reference-replica", server_id=server_id,
                                  log_bin=False, extra_args=list(extra_args))


def change_master_sql(source: Server, log_file: str, log_pos: int, connect_retry: int = 1,
                      extra: str = "") -> str:
    return (f"CHANGE MASTER TO MASTER_HOST='{source.host}', MASTER_PORT={source.port}, "
            f"MASTER_USER='{REPL_USER}', MASTER_PASSWORD='{REPL_PASSWORD}', "
            f"MASTER_LOG_FILE='{log_file}', MASTER_LOG_POS={log_pos}, "
            f"MASTER_USE_GTID=no, MASTER_CONNECT_RETRY={connect_retry}{extra}")


# --- statements as data ------------------------------------------------------------------

@dataclass(frozen=True)
class Outcome:
    """What a statement did: ("ok", rows, warnings) or ("error", errno, message)."""
    kind: str
    value: object
    detail: object

    def __repr__(self) -> str:
        return f"{self.kind}({self.value!r}, {self.detail!r})"


def ok(rows=(), warnings=()) -> Outcome:
    return Outcome("ok", tuple(rows), tuple(warnings))


def error(errno: int, message: str) -> Outcome:
    return Outcome("error", errno, message)


def note(code: int, text: str) -> tuple:
    return ("Note", code, text)


def run(conn_or_server, sql: str) -> Outcome:
    """Runs `sql` (on a connection, or a new autocommit connection to a server)."""
    conn = conn_or_server if not isinstance(conn_or_server, Server) else connect(conn_or_server)
    try:
        with conn.cursor() as cur:
            cur.execute(sql)
            rows = cur.fetchall()
            cur.execute("SHOW WARNINGS")
            return ok(rows or (), tuple(tuple(w) for w in cur.fetchall()))
    except pymysql.err.MySQLError as e:
        return error(e.args[0], e.args[1] if len(e.args) > 1 else "")
    finally:
        if isinstance(conn_or_server, Server):
            conn.close()


# --- SHOW SLAVE STATUS / SHOW PROCESSLIST -----------------------------------------------

def wait_status(replica: Server, predicate: Callable[[dict], object], timeout: float,
                what: str, interval: float = 0.05) -> dict:
    """Polls SHOW SLAVE STATUS until predicate(status) is truthy; returns that status."""
    last: dict = {}

    def check():
        nonlocal last
        last = slave_status(replica)
        return last if predicate(last) else None

    return wait_until(check, timeout, lambda: f"{what} on {replica.name}: {brief_status(last)}",
                      interval=interval)


def system_threads(replica: Server) -> list[dict]:
    """The replication threads' rows of SHOW PROCESSLIST (Command Slave_IO / Slave_SQL)."""
    return [r for r in query(replica, "SHOW PROCESSLIST", dicts=True)
            if r["Command"] in ("Slave_IO", "Slave_SQL")]


def thread_state(replica: Server, command: str) -> Optional[str]:
    rows = [r for r in system_threads(replica) if r["Command"] == command]
    return rows[0]["State"] if rows else None


# --- relay logs and status files -------------------------------------------------------

def datadir_of(server: Server) -> Path:
    return Path(query(server, "SELECT @@datadir")[0][0] or server.datadir)


def relay_log_index(replica: Server) -> Path:
    """The relay log index: @@relay_log_index (relaydb), else the one *-relay-bin.index of
    the datadir (MariaDB leaves @@relay_log_index NULL by default)."""
    value = query(replica, "SELECT @@relay_log_index")[0][0]
    datadir = datadir_of(replica)
    if value:
        path = Path(value)
        return path if path.is_absolute() else datadir / path
    found = glob.glob(str(datadir / "*-relay-bin.index"))
    assert len(found) == 1, f"relay log index of {replica.name}: {found}"
    return Path(found[0])


def relay_log_entries(replica: Server) -> list[str]:
    """The lines of the relay log index, as written."""
    index = relay_log_index(replica)
    return [line for line in index.read_text().splitlines() if line.strip()]


def relay_log_files(replica: Server) -> list[Path]:
    """The relay log files the index lists, oldest first (relative to the datadir)."""
    datadir = datadir_of(replica)
    files = []
    for line in relay_log_entries(replica):
        p = Path(line)
        files.append((p if p.is_absolute() else datadir / p).resolve())
    return files


FORMAT_DESCRIPTION_EVENT = 15
ROTATE_EVENT = 4
BINLOG_CHECKPOINT_EVENT = 161
GTID_LIST_EVENT = 163
GTID_EVENT = 162                    # MariaDB's: the first event of every event group
# The relay log's own head: what a relay log without any of the source's events holds.
RELAY_LOG_HEAD_EVENTS = frozenset({FORMAT_DESCRIPTION_EVENT, ROTATE_EVENT,
                                   BINLOG_CHECKPOINT_EVENT, GTID_LIST_EVENT})


def relay_log_events(data: bytes) -> Iterator[tuple[int, int, int]]:
    """(position, type code, size) of each event of a binlog/relay log file's bytes
    (v4 headers: timestamp 4, type 1, server_id 4, event_size 4, log_pos 4, flags 2)."""
    assert data[:4] == b"\xfebin", f"not a binlog file: {data[:4]!r}"
    pos = 4
    while pos + 19 <= len(data):
        _, type_code, _, size, _, _ = struct.unpack_from("<IBIIIH", data, pos)
        if size < 19:
            raise AssertionError(f"event at {pos} has size {size}")
        yield pos, type_code, size
        pos += size


def find_event_with(files: Sequence[Path], needle: bytes) -> Optional[tuple[Path, int, int, int]]:
    """The first event (newest file first) whose bytes contain `needle`:
    (file, event position, type code, offset of the needle in the file)."""
    for path in reversed(list(files)):
        data = path.read_bytes()
        for pos, type_code, size in relay_log_events(data):
            at = data.find(needle, pos, pos + size)
            if at >= 0:
                return path, pos, type_code, at
    return None


def read_info_file(path: Path) -> list[str]:
    """The lines of master.info / relay-log.info (MariaDB writes in place without
    truncating: lines after the counted/marked ones may be left-overs)."""
    assert path.is_file(), f"{path} does not exist"
    return path.read_text().split("\n")


def master_info_lines(lines: list[str]) -> list[str]:
    """The meaningful part of master.info: the counted lines, then the key=value lines up
    to END_MARKER (MariaDB 10.11's layout)."""
    count = int(lines[0])
    meaningful = lines[:count]
    rest = lines[count:]
    if "END_MARKER" in rest:
        meaningful += rest[:rest.index("END_MARKER") + 1]
    return meaningful
