"""sysbench 1.0 runs for the benchmark: fixed --rand-seed, optional --events (a fixed
number of transactions, for the replication inputs), --rate (the lag figure) and
per-second reports (the throughput-over-time plots)."""

from __future__ import annotations

import re
import subprocess
import time as _time
from typing import Optional

from sysbench_util import SysbenchError, parse_sysbench  # noqa: F401  (tests/integration)

INTERVAL_RE = re.compile(r"^\[\s*(\d+)s\s*\]\s*thds:\s*\d+\s+tps:\s*([\d.]+)\s+qps:\s*([\d.]+)"
                         r".*?lat \(ms,95%\):\s*([\d.]+)", re.M)
TOTAL_TIME_RE = re.compile(r"^\s*total time:\s+([\d.]+)s", re.M)
SEED = 1


def args_for(server, workload: str, command: str, *, threads: int, tables: int,
             table_size: int, time: int = 0, events: int = 0, rate: int = 0,
             report_interval: int = 0, db: str = "sbtest") -> list[str]:
    args = ["sysbench", workload, "--db-driver=mysql", f"--mysql-host={server.host}",
            f"--mysql-port={server.port}", "--mysql-user=root", "--mysql-password=",
            f"--mysql-db={db}", f"--tables={tables}", f"--table-size={table_size}",
            f"--threads={threads}", f"--time={time}", f"--events={events}",
            "--db-ps-mode=auto", f"--report-interval={report_interval}", f"--rand-seed={SEED}"]
    if rate:
        args.append(f"--rate={rate}")
    return args + [command]


def template(args: list[str]) -> str:
    """A command line with the host/port left as placeholders (for the docs)."""
    out = []
    for a in args:
        if a.startswith("--mysql-port="):
            a = "--mysql-port=<port>"
        out.append(a)
    return " ".join(out)


def run(server, workload: str, command: str, *, threads: int, tables: int, table_size: int,
        time: int = 0, events: int = 0, rate: int = 0, report_interval: int = 0,
        db: str = "sbtest", timeout: Optional[float] = None, record=None) -> dict:
    """Runs sysbench; returns {'stdout', 'elapsed', and for `run`: the parse_sysbench
    numbers plus 'series': [(second, tps, p95_ms)]}. `record(role, cmdline)` notes the
    command for the report."""
    args = args_for(server, workload, command, threads=threads, tables=tables,
                    table_size=table_size, time=time, events=events, rate=rate,
                    report_interval=report_interval, db=db)
    if record:
        record(f"{workload} {command}", template(args))
    if timeout is None:
        timeout = (time or 600) * 5 + 600
    t0 = _time.monotonic()
    proc = subprocess.run(args, capture_output=True, text=True, timeout=timeout)
    elapsed = _time.monotonic() - t0
    if proc.returncode != 0 or "FATAL" in proc.stdout + proc.stderr:
        raise SysbenchError(f"{' '.join(args)} failed (rc={proc.returncode}) against "
                            f"{getattr(server, 'name', server)}\n{proc.stdout[-3000:]}\n"
                            f"{proc.stderr[-3000:]}")
    result = {"stdout": proc.stdout, "elapsed": elapsed}
    if command == "run":
        result.update(parse_sysbench(proc.stdout))
        result["series"] = [(int(s), float(t), float(p)) for s, t, _q, p
                            in INTERVAL_RE.findall(proc.stdout)]
        m = TOTAL_TIME_RE.search(proc.stdout)
        result["total_time"] = float(m.group(1)) if m else elapsed
    return result
