"""sysbench 1.0: command lines, runs and output parsing, shared by test_sysbench.py and
bench/run_sysbench.py."""

from __future__ import annotations

import re
import subprocess

_PATTERNS = {
    "transactions": (r"^\s*transactions:\s+(\d+)\s+\(([\d.]+) per sec\.\)", ("transactions", "tps")),
    "queries": (r"^\s*queries:\s+(\d+)\s+\(([\d.]+) per sec\.\)", ("queries", "qps")),
    "ignored_errors": (r"^\s*ignored errors:\s+(\d+)", ("ignored_errors",)),
    "reconnects": (r"^\s*reconnects:\s+(\d+)", ("reconnects",)),
    "p95": (r"^\s*95th percentile:\s+([\d.]+)", ("p95_ms",)),
}


def sysbench_args(host: str, port: int, workload: str, *, threads: int, time: int,
                  tables: int, table_size: int, db: str = "sbtest") -> list[str]:
    """The sysbench command line, without the final prepare/run/cleanup word."""
    return ["sysbench", workload, "--db-driver=mysql", f"--mysql-host={host}",
            f"--mysql-port={port}", "--mysql-user=root", "--mysql-password=",
            f"--mysql-db={db}", f"--tables={tables}", f"--table-size={table_size}",
            f"--threads={threads}", f"--time={time}", "--db-ps-mode=auto",
            "--report-interval=0", "--rand-seed=1"]


def parse_sysbench(output: str) -> dict:
    """Numbers from a `sysbench ... run` report; ValueError if one is missing."""
    stats = {}
    for name, (pattern, keys) in _PATTERNS.items():
        m = re.search(pattern, output, re.M)
        if not m:
            raise ValueError(f"sysbench output has no '{name}' line")
        for key, value in zip(keys, m.groups()):
            stats[key] = float(value) if "." in value else int(value)
    return stats


class SysbenchError(RuntimeError):
    """sysbench exited non-zero or reported FATAL; the message carries its output."""


def run_sysbench(host: str, port: int, workload: str, command: str, *, threads: int, time: int,
                 tables: int, table_size: int, timeout: float) -> str:
    """Runs `sysbench <workload> ... <command>` (prepare/run/cleanup); returns its stdout."""
    args = sysbench_args(host, port, workload, threads=threads, time=time, tables=tables,
                         table_size=table_size) + [command]
    proc = subprocess.run(args, capture_output=True, text=True, timeout=timeout)
    if proc.returncode != 0 or "FATAL" in proc.stdout + proc.stderr:
        raise SysbenchError(f"{' '.join(args)} failed (rc={proc.returncode})\n"
                            f"{proc.stdout[-4000:]}\n{proc.stderr[-4000:]}")
    return proc.stdout
