"""Figure 4: end-to-end replication lag under a steady load.

Pairings: relaydb source -> relaydb replica, MariaDB source -> MariaDB replica (the
MariaDB replica is the better configuration of figure 2's oltp_write_only catch-up
when figure 2 ran in the same invocation, else slave_parallel_threads=4 optimistic).

1. Both pairs: sysbench `prepare` on the source, replicated from the first binlog file.
2. MariaDB's maximum: oltp_write_only, 8 threads, lag_max_time seconds on its source.
3. For 25/50/75 % of it, each run, each pair in turn: sysbench oltp_write_only 8 threads
   --rate=<that TPS> for lag_time seconds on the source while
   * a heartbeat writer (its own connection) INSERTs (seq, <its clock in microseconds>)
     into benchhb.hb every 100 ms -- the time is taken just before sending, so the lag
     includes the source's durable commit;
   * a poller on the replica reads the new rows (seq > last seen) every ~5 ms:
     lag = the poller's clock after the read returned - the written time.
   Same machine, same clock. p50 / p99 over the run's heartbeats; median over runs.
   Then the replica drains (caught up) before the next run.
"""

from __future__ import annotations

import threading
import time

from .common import Bench, alternate, connect, log, query
from .config import HEARTBEAT_INTERVAL, LAG_RATES, MARIADB_PARALLEL, MARIADB_SINGLE, POLL_INTERVAL
from .replication import change_master, first_binlog, wait_caught_up
from .stats import Figure, percentile
from . import sysbench

HB_DB = "benchhb"


def _record(bench):
    return lambda role, cmd: bench.sysbench_commands.setdefault(f"lag {role}", cmd)


def setup_pair(bench: Bench, kind: str, mariadb_replica: str):
    s = bench.sizes
    if kind == "relaydb":
        src, rep = bench.relaydb("lag-source"), bench.relaydb("lag-replica")
    else:
        src = bench.mariadb("lag-source")
        extra = MARIADB_PARALLEL if mariadb_replica == "mariadb_parallel4" else MARIADB_SINGLE
        rep = bench.mariadb("lag-replica", extra=extra)
    first = first_binlog(src)
    src.recreate_database("sbtest")
    src.recreate_database(HB_DB)
    query(src, f"CREATE TABLE `{HB_DB}`.hb (seq BIGINT NOT NULL PRIMARY KEY, "
               "ts_us BIGINT NOT NULL)")
    sysbench.run(src, "oltp_write_only", "prepare", threads=min(s.tables, 4), tables=s.tables,
                 table_size=s.table_size)
    change_master(rep, src, *first)
    query(rep, "START SLAVE")
    wait_caught_up(rep, src, s.lag_drain_timeout + 600)
    return src, rep


class LagProbe:
    """The heartbeat writer (source) and the poller (replica) of one run."""

    def __init__(self, src, rep, seq_start: int):
        self.src, self.rep = src, rep
        self.seq = seq_start
        self.seq_start = seq_start
        self.written: dict = {}     # seq -> ts_us
        self.seen: dict = {}        # seq -> observed_us
        self.stop_writing = threading.Event()
        self.stop_polling = threading.Event()
        self.final_seq = None
        self.errors: list = []
        self.t0_us = time.time_ns() // 1000
        self.writer = threading.Thread(target=self._write, daemon=True)
        self.poller = threading.Thread(target=self._poll, daemon=True)

    def start(self):
        self.poller.start()
        self.writer.start()

    def _write(self):
        try:
            conn = connect(self.src)
            try:
                nxt = time.monotonic()
                with conn.cursor() as cur:
                    while not self.stop_writing.is_set():
                        self.seq += 1
                        ts = time.time_ns() // 1000
                        cur.execute(f"INSERT INTO `{HB_DB}`.hb (seq, ts_us) VALUES (%s, %s)",
                                    (self.seq, ts))
                        self.written[self.seq] = ts
                        nxt += HEARTBEAT_INTERVAL
                        delay = nxt - time.monotonic()
                        if delay > 0:
                            self.stop_writing.wait(delay)
                        else:
                            nxt = time.monotonic()
            finally:
                conn.close()
        except Exception as e:  # noqa: BLE001
            self.errors.append(f"heartbeat writer: {e}")

    def _poll(self):
        try:
            conn = connect(self.rep)
            last = self.seq_start
            try:
                with conn.cursor() as cur:
                    while True:
                        cur.execute(f"SELECT seq, ts_us FROM `{HB_DB}`.hb WHERE seq > %s "
                                    "ORDER BY seq", (last,))
                        rows = cur.fetchall()
                        now = time.time_ns() // 1000
                        for seq, _ts in rows:
                            self.seen[int(seq)] = now
                            last = max(last, int(seq))
                        if self.stop_polling.is_set() or (
                                self.final_seq is not None and last >= self.final_seq):
                            return
                        time.sleep(POLL_INTERVAL)
            finally:
                conn.close()
        except Exception as e:  # noqa: BLE001
            self.errors.append(f"replica poller: {e}")

    def finish(self, drain_timeout: float) -> None:
        self.stop_writing.set()
        self.writer.join(30)
        self.final_seq = self.seq
        self.poller.join(drain_timeout)
        self.stop_polling.set()
        self.poller.join(10)

    def lags_ms(self) -> list:
        return [(self.seen[s] - ts) / 1000.0 for s, ts in sorted(self.written.items())
                if s in self.seen]

    def series(self) -> list:
        return [(round((ts - self.t0_us) / 1e6, 3), round((self.seen[s] - ts) / 1000.0, 3))
                for s, ts in sorted(self.written.items()) if s in self.seen]


def figure4(bench: Bench) -> None:
    s = bench.sizes
    mariadb_replica = bench.info.get("catchup_best_mariadb", {}).get("oltp_write_only",
                                                                        "mariadb_parallel4")
    bench.info["lag_mariadb_replica"] = mariadb_replica
    pairs = {}
    try:
        for kind in ("relaydb", "mariadb"):
            try:
                pairs[kind] = setup_pair(bench, kind, mariadb_replica)
            except Exception as e:  # noqa: BLE001
                bench.note_error(4, f"setting up the {kind} pair", e)
        if "mariadb" not in pairs:
            return
        msrc = pairs["mariadb"][0]
        r = sysbench.run(msrc, "oltp_write_only", "run", threads=8, tables=s.tables,
                         table_size=s.table_size, time=s.lag_max_time, record=_record(bench))
        max_tps = r["tps"]
        bench.info["lag_mariadb_max_tps"] = max_tps
        log(f"# figure 4: MariaDB source maximum oltp_write_only 8 threads: {max_tps:.0f} tps "
            f"(mariadb replica: {mariadb_replica})")
        for kind, (src, rep) in pairs.items():
            wait_caught_up(rep, src, s.lag_drain_timeout + 600)
        seqs = {k: 0 for k in pairs}
        for pct in LAG_RATES:
            rate = max(1, int(round(max_tps * pct / 100.0)))
            p50 = {k: [] for k in ("relaydb", "mariadb")}
            p99 = {k: [] for k in ("relaydb", "mariadb")}
            tps = {k: [] for k in ("relaydb", "mariadb")}
            failed = {}
            for run in range(s.runs):
                for kind in alternate(list(pairs), run):
                    if kind in failed:
                        continue
                    src, rep = pairs[kind]
                    try:
                        probe = LagProbe(src, rep, seqs[kind])
                        probe.start()
                        try:
                            res = sysbench.run(src, "oltp_write_only", "run", threads=8,
                                               tables=s.tables, table_size=s.table_size,
                                               time=s.lag_time, rate=rate, report_interval=1,
                                               record=_record(bench))
                        finally:
                            probe.finish(s.lag_drain_timeout)
                        seqs[kind] = probe.seq
                        if probe.errors:
                            raise RuntimeError("; ".join(probe.errors))
                        missing = len(probe.written) - len(probe.lags_ms())
                        if missing:
                            raise RuntimeError(f"{missing} of {len(probe.written)} heartbeats "
                                               f"not seen on the replica within "
                                               f"{s.lag_drain_timeout:.0f}s after the load")
                        lags = probe.lags_ms()
                        p50[kind].append(percentile(lags, 50))
                        p99[kind].append(percentile(lags, 99))
                        tps[kind].append(res["tps"])
                        if run == 0:
                            bench.series.setdefault("lag", {}).setdefault(
                                f"r{pct}", {})[kind] = probe.series()
                        wait_caught_up(rep, src, s.lag_drain_timeout)
                    except Exception as e:  # noqa: BLE001
                        failed[kind] = bench.note_error(4, f"lag at {pct}% on the {kind} pair",
                                                        e)
            for metric, data in (("p50_ms", p50), ("p99_ms", p99)):
                f = Figure(f"4.lag.r{pct}.{metric}", 4, "ms",
                           f"lag at {pct}% of MariaDB's max ({rate} tps offered): "
                           f"{metric.split('_')[0]}",
                           data["relaydb"], data["mariadb"], higher_is_better=False,
                           errors=failed)
                f.extra["offered_tps"] = rate
                f.extra["relaydb_source_tps"] = {"median": _med(tps["relaydb"])}
                f.extra["mariadb_source_tps"] = {"median": _med(tps["mariadb"])}
                bench.add(f)
    finally:
        for src, rep in pairs.values():
            bench.retire(rep, src)


def _med(v):
    from .stats import summarize
    return summarize(v)["median"]
