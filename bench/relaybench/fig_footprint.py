"""Figure 6: footprint.

* start-up: spawn -> first successful login (PyMySQL as root over 127.0.0.1, tried every
  5 ms), on a data directory that already exists (initialized by an earlier, untimed
  start); the server is stopped (SIGTERM) between runs;
* idle memory: VmRSS (/proc/<pid>/status) a moment after that start;
* memory under load: the peak VmRSS, sampled every 200 ms, during sysbench
  oltp_read_write with 8 threads on the sysbench tables of the run.
"""

from __future__ import annotations

import threading
import time

import pymysql

from .common import Bench, alternate, rss_kib
from .stats import Figure
from . import sysbench


def timed_start(server, timeout: float = 120) -> float:
    server.prepare()
    t0 = time.monotonic()
    server._spawn()
    deadline = t0 + timeout
    while True:
        if server.proc.poll() is not None:
            raise RuntimeError(f"{server.name} exited during start-up\n{server.logs()}")
        try:
            pymysql.connect(host=server.host, port=server.port, user="root", password="",
                            connect_timeout=2).close()
            return time.monotonic() - t0
        except (OSError, pymysql.err.MySQLError):
            if time.monotonic() > deadline:
                raise RuntimeError(f"{server.name} not accepting logins after {timeout}s")
            time.sleep(0.005)


class RssSampler:
    def __init__(self, pid: int, interval: float = 0.2):
        self.pid, self.interval = pid, interval
        self.samples: list = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self.stop.is_set():
            v = rss_kib(self.pid)
            if v:
                self.samples.append(v)
            self.stop.wait(self.interval)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join(5)


def figure6(bench: Bench) -> None:
    s = bench.sizes
    servers = {"relaydb": bench.relaydb("footprint"), "mariadb": bench.mariadb("footprint")}
    try:
        startup = {k: [] for k in servers}
        idle = {k: [] for k in servers}
        load = {k: [] for k in servers}
        failed = {}
        settle = 0.5 if s.kind == "smoke" else 2.0
        for srv in servers.values():
            srv.stop()
        for run in range(s.startup_runs):
            for side in alternate(list(servers), run):
                srv = servers[side]
                try:
                    startup[side].append(timed_start(srv) * 1000.0)
                    time.sleep(settle)
                    idle[side].append(rss_kib(srv.pid) / 1024.0)
                    srv.stop()
                except Exception as e:  # noqa: BLE001
                    srv.kill()
                    failed[side] = bench.note_error(6, f"start-up of {side}", e)
        for side, srv in servers.items():
            if side not in failed:
                srv.start()
                srv.recreate_database("sbtest")
                sysbench.run(srv, "oltp_read_write", "prepare", threads=min(s.tables, 4),
                             tables=s.tables, table_size=s.table_size)
        for run in range(s.runs):
            for side in alternate(list(servers), run):
                if side in failed:
                    continue
                srv = servers[side]
                try:
                    with RssSampler(srv.pid) as sampler:
                        sysbench.run(srv, "oltp_read_write", "run", threads=8, tables=s.tables,
                                     table_size=s.table_size, time=s.rss_time,
                                     record=lambda r, c: bench.sysbench_commands.setdefault(
                                         f"footprint {r}", c))
                    load[side].append(max(sampler.samples) / 1024.0)
                except Exception as e:  # noqa: BLE001
                    failed[side] = bench.note_error(6, f"load on {side}", e)
        bench.add(Figure("6.startup_ms", 6, "ms", "start-up: spawn to first login",
                         startup["relaydb"], startup["mariadb"], higher_is_better=False,
                         errors=failed))
        bench.add(Figure("6.rss_idle_mib", 6, "MiB", "VmRSS idle, after start-up",
                         idle["relaydb"], idle["mariadb"], higher_is_better=False,
                         errors=failed))
        bench.add(Figure("6.rss_load_mib", 6, "MiB",
                         "peak VmRSS under oltp_read_write, 8 threads",
                         load["relaydb"], load["mariadb"], higher_is_better=False,
                         errors=failed))
    finally:
        bench.retire(*servers.values())
