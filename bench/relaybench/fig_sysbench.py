"""Figures 1 (source write throughput, binlog on and off) and 5 (reads): sysbench
workloads against each server in turn, the order rotating every run."""

from __future__ import annotations

from .common import Bench, alternate
from .stats import Figure
from . import sysbench


def _record(bench: Bench):
    def rec(role, cmd):
        bench.sysbench_commands.setdefault(role, cmd)
    return rec


def prepare(bench: Bench, server, workload: str) -> None:
    s = bench.sizes
    server.recreate_database("sbtest")
    sysbench.run(server, workload, "prepare", threads=min(s.tables, 4), tables=s.tables,
                 table_size=s.table_size, record=_record(bench))


def measure(bench: Bench, servers: dict, workload: str, threads_list: list,
            fig: int, series_key: str) -> dict:
    """{threads: {side: [sysbench result, ...]}} over bench.sizes.runs rotated runs."""
    s = bench.sizes
    sides = list(servers)
    out = {}
    for side in sides:
        prepare(bench, servers[side], workload)
    for threads in threads_list:
        samples = {side: [] for side in sides}
        failed = {}
        for run in range(s.runs):
            for side in alternate(sides, run):
                if side in failed:
                    continue
                try:
                    r = sysbench.run(servers[side], workload, "run", threads=threads,
                                     tables=s.tables, table_size=s.table_size, time=s.time,
                                     report_interval=1, record=_record(bench))
                except Exception as e:  # noqa: BLE001
                    failed[side] = bench.note_error(fig, f"{workload} t{threads} on {side}", e)
                    continue
                samples[side].append(r)
                if run == 0:
                    bench.series.setdefault(series_key, {}).setdefault(
                        f"{workload}.t{threads}", {})[side] = [(sec, tps) for sec, tps, _ in
                                                               r["series"]]
        out[threads] = (samples, failed)
    return out


def figure1(bench: Bench) -> None:
    s = bench.sizes
    rel, mdb = bench.main_pair()
    servers = {"relaydb": rel, "mariadb": mdb}
    extra_servers = []
    try:
        rel_off = bench.relaydb("nobinlog", log_bin=False)
        mdb_off = bench.mariadb("nobinlog", log_bin=False)
        extra_servers += [rel_off, mdb_off]
        servers["relaydb_nobinlog"] = rel_off
        servers["mariadb_nobinlog"] = mdb_off
        if bench.args.relaxed:
            servers["mariadb_relaxed"] = bench.mariadb("relaxed", relaxed=True)
            extra_servers.append(servers["mariadb_relaxed"])
        for workload in s.write_workloads:
            results = measure(bench, servers, workload, s.write_threads, 1, "throughput")
            for threads, (samples, failed) in results.items():
                tps = {k: [r["tps"] for r in v] for k, v in samples.items()}
                p95 = {k: [r["p95_ms"] for r in v] for k, v in samples.items()}
                errs = {k: sum(r["ignored_errors"] for r in v) for k, v in samples.items()}
                base = f"1.write.{workload}.t{threads}"
                f = Figure(f"{base}.tps", 1, "tps", f"{workload}, {threads} threads, binlog on",
                           tps["relaydb"], tps["mariadb"],
                           errors={k: failed[k] for k in ("relaydb", "mariadb") if k in failed})
                if "mariadb_relaxed" in tps:
                    f.extra["mariadb_relaxed_trx_commit_2"] = {"median": _med(tps["mariadb_relaxed"])}
                f.extra["ignored_errors"] = f"{errs.get('relaydb', 0)}/{errs.get('mariadb', 0)}"
                bench.add(f)
                bench.add(Figure(f"{base}.tps_nobinlog", 1, "tps",
                                 f"{workload}, {threads} threads, binlog off",
                                 tps["relaydb_nobinlog"], tps["mariadb_nobinlog"],
                                 errors={k.split('_')[0]: failed[k] for k in
                                         ("relaydb_nobinlog", "mariadb_nobinlog") if k in failed}))
                bench.add(Figure(f"{base}.binlog_kept", 1, "fraction",
                                 f"{workload}, {threads} threads: TPS with binlog / without",
                                 _ratios(tps["relaydb"], tps["relaydb_nobinlog"]),
                                 _ratios(tps["mariadb"], tps["mariadb_nobinlog"])))
                bench.add(Figure(f"{base}.p95_ms", 1, "ms",
                                 f"{workload}, {threads} threads, binlog on: p95 latency",
                                 p95["relaydb"], p95["mariadb"], higher_is_better=False))
            for srv in servers.values():
                srv.recreate_database("sbtest", drop_only=True)
    finally:
        bench.retire(*extra_servers)


def figure5(bench: Bench) -> None:
    s = bench.sizes
    rel, mdb = bench.main_pair()
    servers = {"relaydb": rel, "mariadb": mdb}
    for workload in s.read_workloads:
        results = measure(bench, servers, workload, s.read_threads, 5, "reads")
        for threads, (samples, failed) in results.items():
            tps = {k: [r["tps"] for r in v] for k, v in samples.items()}
            p95 = {k: [r["p95_ms"] for r in v] for k, v in samples.items()}
            bench.add(Figure(f"5.read.{workload}.t{threads}.tps", 5, "tps",
                             f"{workload}, {threads} threads", tps["relaydb"], tps["mariadb"],
                             errors=failed))
            bench.add(Figure(f"5.read.{workload}.t{threads}.p95_ms", 5, "ms",
                             f"{workload}, {threads} threads: p95 latency", p95["relaydb"],
                             p95["mariadb"], higher_is_better=False))
        for srv in servers.values():
            srv.recreate_database("sbtest", drop_only=True)


def _ratios(a: list, b: list) -> list:
    return [x / y for x, y in zip(a, b) if y]


def _med(v: list) -> float:
    from .stats import summarize
    return summarize(v)["median"]
