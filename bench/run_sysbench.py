#!/usr/bin/python3
"""sysbench OLTP: relaydb against a durable MariaDB 10.11, same machine, same run.

Both servers start fresh under a temporary directory: relaydb with its defaults (durable),
MariaDB with --log-bin --sync-binlog=1 --innodb-flush-log-at-trx-commit=1, so that both
pay for a durable commit and a binary log. For every workload and thread count the two
servers take turns (relaydb first on odd runs, MariaDB first on even ones), and each
figure is printed as

  <workload>.t<threads>.tps relaydb=<median> mariadb=<median> ratio=<relaydb/mariadb> \
      relaydb_min=.. relaydb_max=.. mariadb_min=.. mariadb_max=..

(and the same for p95 latency in ms). Results also go to bench/out/ as JSON, with an SVG
chart when gnuplot is installed. See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "integration"))

from servers import MariadbServer, Server, subject_server  # noqa: E402
from sysbench_util import parse_sysbench, run_sysbench  # noqa: E402

WORKLOADS = ["oltp_write_only", "oltp_insert", "oltp_point_select", "oltp_read_only"]
MARIADB_DURABLE = ["--sync-binlog=1", "--innodb-flush-log-at-trx-commit=1"]


def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--time", type=int, default=60, help="seconds per run (default 60)")
    ap.add_argument("--runs", type=int, default=3, help="runs per server and figure (default 3)")
    ap.add_argument("--threads", default="1,4,8", help="comma-separated thread counts")
    ap.add_argument("--workloads", default=",".join(WORKLOADS), help="comma-separated sysbench tests")
    ap.add_argument("--tables", type=int, default=4)
    ap.add_argument("--table-size", type=int, default=10000)
    ap.add_argument("--smoke", action="store_true",
                    help="2 s, 1 run, 2 tables of 1000 rows: checks the harness, not the speed")
    ap.add_argument("--out", type=Path, default=REPO / "bench" / "out", help="where results go")
    ap.add_argument("--workdir", type=Path, help="server datadirs (default: a temp dir, removed)")
    args = ap.parse_args(argv)
    if args.smoke:
        args.time, args.runs, args.tables, args.table_size = 2, 1, 2, 1000
    args.threads = [int(t) for t in args.threads.split(",")]
    args.workloads = args.workloads.split(",")
    return args


def sysbench(server: Server, args, workload: str, threads: int, command: str) -> str:
    return run_sysbench(server.host, server.port, workload, command, threads=threads,
                        time=args.time, tables=args.tables, table_size=args.table_size,
                        timeout=args.time * 5 + 600)


def summarize(values: list) -> dict:
    return {"median": statistics.median(values), "min": min(values), "max": max(values),
            "runs": values}


def figure_line(name: str, rel: dict, mdb: dict) -> str:
    ratio = rel["median"] / mdb["median"] if mdb["median"] else float("nan")
    return (f"{name} relaydb={rel['median']:.2f} mariadb={mdb['median']:.2f} ratio={ratio:.3f} "
            f"relaydb_min={rel['min']:.2f} relaydb_max={rel['max']:.2f} "
            f"mariadb_min={mdb['min']:.2f} mariadb_max={mdb['max']:.2f}")


def plot(results: list, out_svg: Path) -> None:
    """A grouped bar chart of median tps per figure (skipped without gnuplot)."""
    if not shutil.which("gnuplot"):
        return
    dat = out_svg.with_suffix(".dat")
    with open(dat, "w") as f:
        for r in results:
            if r["metric"] == "tps":
                f.write(f"{r['figure']} {r['relaydb']['median']} {r['mariadb']['median']}\n")
    script = (f"set terminal svg size 1000,500; set output '{out_svg}'; set style data histograms; "
              "set style fill solid; set xtics rotate by -40; set ylabel 'transactions/s'; "
              f"plot '{dat}' using 2:xtic(1) title 'relaydb', '' using 3 title 'mariadb'")
    subprocess.run(["gnuplot", "-e", script], check=False, capture_output=True)


def main(argv=None) -> int:
    args = parse_args(argv)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="relaydb-bench-"))
    relaydb = subject_server(workdir / "relaydb", server_id=1)
    mariadb = MariadbServer(workdir / "mariadb", server_id=2, extra_args=MARIADB_DURABLE,
                            name="mariadb")
    results = []
    started = time.monotonic()
    try:
        relaydb.start()
        mariadb.start()
        print(f"# relaydb: {relaydb.command()[0]} port {relaydb.port}; mariadb port {mariadb.port}; "
              f"time={args.time}s runs={args.runs} tables={args.tables}x{args.table_size}", flush=True)
        for workload in args.workloads:
            for server in (relaydb, mariadb):
                server.recreate_database("sbtest")
                sysbench(server, args, workload, max(args.threads), "prepare")
            for threads in args.threads:
                samples = {"relaydb": [], "mariadb": []}
                for run in range(args.runs):
                    order = (relaydb, mariadb) if run % 2 == 0 else (mariadb, relaydb)
                    for server in order:
                        side = "relaydb" if server is relaydb else "mariadb"
                        samples[side].append(parse_sysbench(
                            sysbench(server, args, workload, threads, "run")))
                for metric, key in (("tps", "tps"), ("p95_ms", "p95_ms")):
                    rel = summarize([s[key] for s in samples["relaydb"]])
                    mdb = summarize([s[key] for s in samples["mariadb"]])
                    name = f"{workload}.t{threads}.{metric}"
                    results.append({"figure": name, "metric": metric, "relaydb": rel, "mariadb": mdb,
                                    "ignored_errors": {k: sum(s["ignored_errors"] for s in v)
                                                       for k, v in samples.items()}})
                    print(figure_line(name, rel, mdb), flush=True)
            for server in (relaydb, mariadb):
                sysbench(server, args, workload, max(args.threads), "cleanup")
    finally:
        for server in (relaydb, mariadb):
            try:
                server.stop()
            finally:
                server.kill()
        if not args.workdir:
            shutil.rmtree(workdir, ignore_errors=True)

    args.out.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    kind = "smoke" if args.smoke else "full"
    out_json = args.out / f"sysbench-{kind}-{stamp}.json"
    out_json.write_text(json.dumps({"args": {k: str(v) for k, v in vars(args).items()},
                                    "seconds": round(time.monotonic() - started, 1),
                                    "against_mariadb": os.environ.get("RELAYDB_DIFF_AGAINST_MARIADB", ""),
                                    "results": results}, indent=2))
    plot(results, out_json.with_suffix(".svg"))
    print(f"# results: {out_json}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
