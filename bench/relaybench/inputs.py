"""The replication inputs of figures 2 and 3, generated once per run.

An input is a source server whose binary log holds, from its first file:

  [setup: CREATE DATABASE/TABLE, sysbench `prepare` rows]  start  [the workload]  end

* `oltp_write_only` / `oltp_insert`: sysbench with --rand-seed=1 and a fixed --events
  (no time limit), gen_threads threads;
* `bulk`: large transactions, each one multi-row INSERT of bulk_rows sysbench-like rows
  (id, k, c CHAR(120), pad CHAR(60)), made by a deterministic Python generator.

Figure 2 replays MariaDB sources' inputs (binlog_format=ROW), so every replica applies
byte-identical events. Figure 3 also needs relaydb sources: the same workload is replayed
into a relaydb (sysbench with the same seed and event count; the same bulk statements).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Optional

from .binlog import binlog_paths, count_rows, master_status, scan
from .common import Bench, connect, log, query
from . import sysbench

SYSBENCH_INPUTS = {"oltp_write_only": "wo_events", "oltp_insert": "ins_events"}
BULK_DB = "bulk"


@dataclass
class Input:
    name: str
    kind: str                     # source kind: mariadb / relaydb
    source: object
    first: tuple                  # (file, 4): where replicas start
    start: tuple                  # after the setup
    end: tuple                    # after the workload
    gen_seconds: float            # wall time of the workload on the source
    tables: list                  # (db, table) to verify
    whole: dict = field(default_factory=dict)   # scan() of the whole binlog
    timed: dict = field(default_factory=dict)   # scan() of [start, end)
    rows: Optional[int] = None    # row changes in [start, end) (figure 2 inputs)
    checks: Optional[dict] = None  # table -> (count, sum(k), sum(id)) on the source

    @property
    def trx(self) -> int:
        return self.timed.get("gtid_events") or self.timed.get("xid_events") or 0

    @property
    def source_trx_per_s(self) -> float:
        return self.trx / self.gen_seconds if self.gen_seconds else float("nan")

    def to_json(self) -> dict:
        return {"name": self.name, "kind": self.kind, "first": self.first, "start": self.start,
                "end": self.end, "gen_seconds": self.gen_seconds, "trx": self.trx,
                "rows": self.rows, "whole": self.whole, "timed": self.timed,
                "source_trx_per_s": self.source_trx_per_s}


def table_checks(server, tables: list) -> dict:
    """COUNT(*), SUM(k), SUM(id) per table: cheap evidence that a replica has the data."""
    out = {}
    conn = connect(server)
    try:
        for db, t in tables:
            row = query(conn, f"SELECT COUNT(*), COALESCE(SUM(k),0), COALESCE(SUM(id),0) "
                              f"FROM `{db}`.`{t}`")[0]
            out[f"{db}.{t}"] = tuple(int(x) for x in row)
    finally:
        conn.close()
    return out


def bulk_statements(trx: int, rows: int):
    """Deterministic multi-row INSERTs: `trx` statements of `rows` rows each."""
    pool_c = ["-".join(f"{(i * 7919 + j * 104729) % 100000000000:011d}" for j in range(10))
              for i in range(997)]
    pool_pad = ["-".join(f"{(i * 15485863 + j * 32452843) % 100000000000:011d}"
                         for j in range(5)) for i in range(991)]
    total = trx * rows
    for t in range(trx):
        values = []
        for r in range(rows):
            i = t * rows + r + 1
            values.append(f"({i},{(i * 2654435761) % max(total, 1) + 1},"
                          f"'{pool_c[i % 997]}','{pool_pad[(i * 7) % 991]}')")
        yield f"INSERT INTO `{BULK_DB}`.`t` (id, k, c, pad) VALUES " + ",".join(values)


BULK_TABLE = (f"CREATE TABLE `{BULK_DB}`.`t` (id INT NOT NULL PRIMARY KEY, k INT NOT NULL "
              f"DEFAULT 0, c CHAR(120) NOT NULL DEFAULT '', pad CHAR(60) NOT NULL DEFAULT '', "
              f"KEY k_1 (k))")


def generate(bench: Bench, server, name: str, kind: str) -> Input:
    """Runs the input's setup and workload on `server`; returns the Input."""
    s = bench.sizes
    first = query(server, "SHOW BINARY LOGS")[0][0], 4
    if name in SYSBENCH_INPUTS:
        server.recreate_database("sbtest")
        sysbench.run(server, name, "prepare", threads=1, tables=s.tables,
                     table_size=s.table_size)
        start = master_status(server)
        events = getattr(s, SYSBENCH_INPUTS[name])
        r = sysbench.run(server, name, "run", threads=s.gen_threads, tables=s.tables,
                         table_size=s.table_size, events=events, time=0,
                         timeout=s.catchup_timeout * 2,
                         record=lambda role, cmd: bench.sysbench_commands.setdefault(
                             f"input {role}", cmd))
        gen_seconds = r["total_time"]
        tables = [("sbtest", f"sbtest{i}") for i in range(1, s.tables + 1)]
    else:
        assert name == "bulk", name
        server.recreate_database(BULK_DB)
        query(server, BULK_TABLE)
        start = master_status(server)
        conn = connect(server)
        try:
            t0 = time.monotonic()
            with conn.cursor() as cur:
                for stmt in bulk_statements(s.bulk_trx, s.bulk_rows):
                    cur.execute(stmt)
            gen_seconds = time.monotonic() - t0
        finally:
            conn.close()
        tables = [(BULK_DB, "t")]
    end = master_status(server)
    paths = binlog_paths(server)
    inp = Input(name, kind, server, first, start, end, gen_seconds, tables)
    inp.whole = scan(paths, None, end)
    inp.timed = scan(paths, start, end)
    inp.checks = table_checks(server, tables)
    return inp


def get(bench: Bench, name: str, kind: str = "mariadb", rows: bool = False) -> Input:
    """The input `name` on a source of `kind`, generated on first use."""
    key = (kind, name)
    inp = bench.inputs.get(key)
    if inp is None:
        t0 = time.monotonic()
        if kind == "mariadb":
            src = bench.mariadb(f"src-{name}")
        else:
            src = bench.relaydb(f"src-{name}")
        inp = generate(bench, src, name, kind)
        bench.inputs[key] = inp
        log(f"# input {name} on a {kind} source: {inp.trx} transactions, "
            f"{inp.timed['events']} events, {inp.timed['bytes'] / 1e6:.1f} MB timed "
            f"({inp.whole['bytes'] / 1e6:.1f} MB whole binlog), source {inp.source_trx_per_s:.0f} "
            f"trx/s; made in {bench.elapsed(t0)}")
    if rows and inp.rows is None:
        t0 = time.monotonic()
        inp.rows = count_rows(binlog_paths(inp.source), inp.start, inp.end)
        log(f"# input {name} ({kind}): {inp.rows} row changes (counted in {bench.elapsed(t0)})")
    return inp


def drop_all(bench: Bench) -> None:
    """Stops the input sources; their descriptions stay in bench.info["inputs"]."""
    for (kind, name), inp in bench.inputs.items():
        bench.info.setdefault("inputs", {})[f"{kind}:{name}"] = inp.to_json()
        bench.retire(inp.source)
    bench.inputs.clear()
