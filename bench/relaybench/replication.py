"""Replica control for the benchmark: file+position only (MASTER_USE_GTID=no on both
kinds; relaydb replicas do not support GTID positioning), root with an empty password
as the replication user (both kinds of test server allow root from 127.0.0.1, so no
replication account -- and no anonymous-user trap -- is needed).

`Poller` keeps one connection to the replica and polls SHOW SLAVE STATUS; it fails at
once when a replication thread reports an error, with the replica's own words."""

from __future__ import annotations

import time
from typing import Optional

import pymysql.cursors

from .binlog import pos_key
from .common import connect, query


class ReplicationError(RuntimeError):
    pass


def change_master(replica, source, log_file: str, log_pos: int) -> str:
    sql = (f"CHANGE MASTER TO MASTER_HOST='{source.host}', MASTER_PORT={source.port}, "
           f"MASTER_USER='root', MASTER_PASSWORD='', MASTER_LOG_FILE='{log_file}', "
           f"MASTER_LOG_POS={log_pos}, MASTER_USE_GTID=no, MASTER_CONNECT_RETRY=1")
    query(replica, sql)
    return sql


def first_binlog(source) -> tuple[str, int]:
    rows = query(source, "SHOW BINARY LOGS")
    if not rows:
        raise ReplicationError(f"{source.name}: SHOW BINARY LOGS is empty")
    return rows[0][0], 4


KEYS = ("Slave_IO_Running", "Slave_SQL_Running", "Master_Log_File", "Read_Master_Log_Pos",
        "Relay_Master_Log_File", "Exec_Master_Log_Pos", "Last_IO_Errno", "Last_IO_Error",
        "Last_SQL_Errno", "Last_SQL_Error", "Slave_IO_State")


class Poller:
    def __init__(self, replica):
        self.replica = replica
        self.conn = connect(replica, cursorclass=pymysql.cursors.DictCursor)
        self.last: dict = {}

    def close(self) -> None:
        try:
            self.conn.close()
        except Exception:  # noqa: BLE001
            pass

    def __enter__(self) -> "Poller":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def execute(self, sql: str) -> None:
        with self.conn.cursor() as cur:
            cur.execute(sql)
            cur.fetchall()

    def status(self, io: bool = True, sql: bool = True) -> dict:
        with self.conn.cursor() as cur:
            cur.execute("SHOW SLAVE STATUS")
            rows = cur.fetchall()
        if not rows:
            raise ReplicationError(f"{self.replica.name}: SHOW SLAVE STATUS is empty")
        s = rows[0]
        self.last = s
        if sql and s.get("Last_SQL_Errno"):
            raise ReplicationError(f"{self.replica.name}: SQL thread error "
                                   f"{s['Last_SQL_Errno']}: {s['Last_SQL_Error']}")
        if io and s.get("Last_IO_Errno") and s.get("Slave_IO_Running") == "No":
            raise ReplicationError(f"{self.replica.name}: I/O thread error "
                                   f"{s['Last_IO_Errno']}: {s['Last_IO_Error']}")
        return s

    def brief(self) -> dict:
        return {k: self.last.get(k) for k in KEYS}

    def wait(self, pred, timeout: float, what: str, interval: float = 0.01,
             io: bool = True, sql: bool = True, progress=None) -> tuple[dict, float]:
        """Polls until pred(status); returns (status, monotonic time of that poll)."""
        deadline = time.monotonic() + timeout
        while True:
            s = self.status(io=io, sql=sql)
            now = time.monotonic()
            if progress is not None:
                progress(now, s)
            if pred(s):
                return s, now
            if now > deadline:
                raise ReplicationError(f"{self.replica.name}: timed out after {timeout:.0f}s "
                                       f"waiting for {what}; status {self.brief()}")
            time.sleep(interval)

    # --- predicates ---------------------------------------------------------------------
    @staticmethod
    def read_reached(end: tuple[str, int]):
        goal = pos_key(*end)

        def pred(s):
            f = s.get("Master_Log_File")
            return bool(f) and pos_key(f, int(s["Read_Master_Log_Pos"])) >= goal
        return pred

    @staticmethod
    def exec_reached(end: tuple[str, int]):
        goal = pos_key(*end)

        def pred(s):
            f = s.get("Relay_Master_Log_File")
            return bool(f) and pos_key(f, int(s["Exec_Master_Log_Pos"])) >= goal
        return pred


def exec_key(s: dict) -> Optional[tuple[int, int]]:
    f = s.get("Relay_Master_Log_File")
    return pos_key(f, int(s["Exec_Master_Log_Pos"])) if f else None


def wait_caught_up(replica, source, timeout: float) -> None:
    end = query(source, "SHOW MASTER STATUS")[0]
    with Poller(replica) as p:
        p.wait(Poller.exec_reached((end[0], int(end[1]))), timeout,
               f"catch-up to {end[0]}:{end[1]}", interval=0.05)
