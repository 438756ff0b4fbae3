"""Results: JSON (always, under --out), a Markdown report with PNG plots (matplotlib).

The Markdown goes to docs/benchmarks.md (plots in docs/benchmarks/) only for a full run
of every figure, or with --docs; otherwise, and always for --smoke, next to the JSON in
--out. Plots are skipped, with a note, when matplotlib is missing (bench/install-deps.sh
installs it; `make bench` runs that first)."""

from __future__ import annotations

import json
import math
import os
import time
from pathlib import Path

from .common import Bench, REPO
from .stats import fmt

FIGURE_TITLES = {
    1: "Source write throughput (binlog on, durable; and binlog off)",
    2: "Replica catch-up (SQL thread apply rate)",
    3: "I/O thread transfer",
    4: "Replication lag under load",
    5: "Reads",
    6: "Footprint",
}


def write_json(bench: Bench, path: Path, seconds: float) -> None:
    data = {
        "kind": bench.sizes.kind,
        "argv": bench.info.get("argv"),
        "seconds": round(seconds, 1),
        "sizes": vars(bench.sizes),
        "against_mariadb": os.environ.get("RELAYDB_DIFF_AGAINST_MARIADB", ""),
        "machine": bench.info.get("machine"),
        "versions": bench.info.get("versions"),
        "figures": [f.to_json() for f in bench.figures],
        "inputs": all_inputs(bench),
        "info": {k: v for k, v in bench.info.items()
                 if k not in ("machine", "versions", "inputs")},
        "server_commands": bench.server_commands,
        "sysbench_commands": bench.sysbench_commands,
        "series": bench.series,
        "errors": bench.errors,
        "notes": bench.notes,
    }
    path.write_text(json.dumps(data, indent=1, default=_jsonable))


def all_inputs(bench: Bench) -> dict:
    out = dict(bench.info.get("inputs", {}))
    out.update({f"{k[0]}:{k[1]}": v.to_json() for k, v in bench.inputs.items()})
    return out


def _jsonable(o):
    if isinstance(o, Path):
        return str(o)
    if isinstance(o, float) and math.isnan(o):
        return None
    return str(o)


# --- plots ---------------------------------------------------------------------------------

def have_matplotlib() -> bool:
    try:
        import matplotlib  # noqa: F401 pylint: disable=unused-import
        return bool(matplotlib)
    except Exception:  # noqa: BLE001 - ImportError, or a broken/half-installed package
        return False


COLORS = {"relaydb": "#d62728", "mariadb": "#1f77b4", "relaydb_nobinlog": "#ff9896",
          "mariadb_nobinlog": "#aec7e8", "mariadb_relaxed": "#9467bd",
          "mariadb_single": "#1f77b4", "mariadb_parallel4": "#17becf"}


def _grid(n: int):
    cols = min(2, max(1, n))
    rows = max(1, math.ceil(n / cols))
    return rows, cols


def plot_all(bench: Bench, outdir: Path) -> list[tuple[str, str]]:
    """Writes the PNGs; returns [(file name, caption)]."""
    if not have_matplotlib():
        bench.note("matplotlib missing: no plots (bench/install-deps.sh installs "
                   "python3-matplotlib)")
        return []
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    outdir.mkdir(parents=True, exist_ok=True)
    made = []

    def series_plot(key, fname, caption, ylabel, xlabel, logy=False, styles=None):
        data = bench.series.get(key) or {}
        panels = [(p, d) for p, d in data.items() if any(d.values())]
        if not panels:
            return
        rows, cols = _grid(len(panels))
        fig, axes = plt.subplots(rows, cols, figsize=(6.5 * cols, 3.6 * rows), squeeze=False)
        for ax, (panel, sides) in zip(axes.flat, panels):
            for side, pts in sides.items():
                if not pts:
                    continue
                xs, ys = zip(*pts)
                st = (styles or {}).get(side, ".-")
                ax.plot(xs, ys, st, label=side, color=COLORS.get(side), linewidth=1.2,
                        markersize=2)
            ax.set_title(panel, fontsize=10)
            ax.set_xlabel(xlabel)
            ax.set_ylabel(ylabel)
            if logy:
                ax.set_yscale("log")
            ax.grid(True, alpha=0.3)
            ax.legend(fontsize=8)
        for ax in list(axes.flat)[len(panels):]:
            ax.axis("off")
        fig.suptitle(caption, fontsize=11)
        fig.tight_layout()
        fig.savefig(outdir / fname, dpi=90)
        plt.close(fig)
        made.append((fname, caption))

    series_plot("throughput", "throughput.png",
                "Figure 1: source throughput over time (first run; dashed: binlog off)",
                "transactions/s", "s", styles={"relaydb_nobinlog": ".--",
                                               "mariadb_nobinlog": ".--"})
    series_plot("reads", "reads.png", "Figure 5: read throughput over time (first run)",
                "transactions/s", "s")
    series_plot("catchup", "catchup.png",
                "Figure 2: replica catch-up, fraction of the input applied (first run)",
                "fraction applied", "s since START SLAVE SQL_THREAD")
    series_plot("lag", "lag.png",
                "Figure 4: lag of each 100 ms heartbeat on the replica (first run)",
                "lag (ms)", "s since the start of the load", logy=True,
                styles={"relaydb": ".-", "mariadb": ".-"})

    figs = [f for f in bench.figures if not math.isnan(f.ratio) and f.ratio > 0]
    if figs:
        fig, ax = plt.subplots(figsize=(9, 0.28 * len(figs) + 1.2))
        names = [f.name for f in figs][::-1]
        vals = [f.ratio for f in figs][::-1]
        ax.barh(names, vals, color=["#2ca02c" if v >= 1 else "#d62728" for v in vals])
        ax.axvline(1.0, color="black", linewidth=0.8)
        ax.set_xscale("log")
        ax.set_xlabel("ratio (higher = better for relaydb; log scale)")
        ax.tick_params(axis="y", labelsize=7)
        ax.grid(True, axis="x", alpha=0.3)
        fig.tight_layout()
        fig.savefig(outdir / "ratios.png", dpi=90)
        plt.close(fig)
        made.append(("ratios.png", "Every figure's ratio (median relaydb vs median MariaDB)"))
    return made


# --- Markdown ------------------------------------------------------------------------------

def _mm(summary: dict) -> str:
    if math.isnan(summary["min"]):
        return "-"
    return f"{fmt(summary['min'])}–{fmt(summary['max'])}"


def markdown(bench: Bench, plots: list, plot_prefix: str, seconds: float, json_path: Path) -> str:
    s = bench.sizes
    m = bench.info.get("machine") or {}
    v = bench.info.get("versions") or {}
    L = []
    L.append("# Benchmarks: relaydb against MariaDB 10.11")
    L.append("")
    L.append(f"Generated by `{bench.info.get('argv')}` on {time.strftime('%Y-%m-%d %H:%M %Z')} "
             f"({s.kind} run, {seconds / 60:.1f} min, {s.runs} run(s) per figure, "
             "servers alternating). Both servers ran on this machine in the same run, on "
             "loopback. **Every ratio is oriented so that higher is better for relaydb**: "
             "relaydb/MariaDB for rates, MariaDB/relaydb for lag, latency, memory and "
             "start-up time (marked ⇣). Values are medians; min–max over the runs follow. "
             f"Raw data: `{json_path.relative_to(REPO) if json_path.is_relative_to(REPO) else json_path}`.")
    L.append("")
    if os.environ.get("RELAYDB_DIFF_AGAINST_MARIADB", "") not in ("", "0"):
        L.append("> **Self-check run**: the `relaydb` column is a second MariaDB "
                 "(RELAYDB_DIFF_AGAINST_MARIADB=1).")
        L.append("")
    L.append("## Machine (measured in this run)")
    L.append("")
    if m:
        L.append("| | |")
        L.append("|---|---|")
        L.append(f"| cores | {m.get('cores')} ({m.get('usable_cores')} usable), {m.get('cpu_model')} |")
        L.append(f"| memory | {m.get('memory_gib')} GiB |")
        L.append(f"| kernel | {m.get('kernel')} |")
        L.append(f"| filesystem of the data directories | {m.get('filesystem')} |")
        fs = m.get("fsync", {})
        L.append(f"| fsync latency (4 KiB write + fdatasync, {fs.get('iterations')} times) | "
                 f"p50 {fs.get('p50_ms', 0):.3f} ms, p99 {fs.get('p99_ms', 0):.3f} ms, "
                 f"{fs.get('per_second', 0):.0f}/s |")
        sw = m.get("seqwrite", {})
        L.append(f"| sequential write ({sw.get('mib')} MiB, fdatasync at the end) | "
                 f"{sw.get('mb_per_s', 0):.0f} MB/s |")
        lb = m.get("loopback", {})
        L.append(f"| loopback TCP bandwidth (one Python connection, {lb.get('mib')} MiB) | "
                 f"{lb.get('mb_per_s', 0):.0f} MB/s |")
        L.append(f"| load average at start | {', '.join(f'{x:.2f}' for x in m.get('loadavg_at_start', []))} |")
        for k, val in v.items():
            L.append(f"| {k} | `{val}` |")
    L.append("")
    L.append("## Results")
    L.append("")
    for fig_no, title in FIGURE_TITLES.items():
        figs = [f for f in bench.figures if f.fig == fig_no]
        if not figs:
            continue
        L.append(f"### {fig_no}. {title}")
        L.append("")
        L.append("| figure | what | relaydb | MariaDB | ratio | relaydb min–max | "
                 "MariaDB min–max | unit | more |")
        L.append("|---|---|---:|---:|---:|---|---|---|---|")
        for f in figs:
            more = f.extra_texts()
            if f.errors:
                more.append("FAILED: " + "; ".join(f"{k}: {e}" for k, e in f.errors.items()))
            arrow = "" if f.higher_is_better else " ⇣"
            L.append(f"| `{f.name}` | {f.title} | {fmt(f.rel['median'])} | "
                     f"{fmt(f.mdb['median'])} | **{fmt(f.ratio)}**{arrow} | {_mm(f.rel)} | "
                     f"{_mm(f.mdb)} | {f.unit} | {'; '.join(more).replace('|', '/')} |")
        L.append("")
        L.extend(FIGURE_NOTES.get(fig_no, []))
        L.append("")
        L.extend(dynamic_notes(bench, fig_no))
    if plots:
        L.append("## Plots")
        L.append("")
        for fname, caption in plots:
            L.append(f"**{caption}**")
            L.append("")
            L.append(f"![{caption}]({plot_prefix}{fname})")
            L.append("")
    L.append("## Settings")
    L.append("")
    L.extend(SETTINGS)
    L.append("")
    L.append(f"Sizes of this run ({s.kind}): " + ", ".join(
        f"{k}={val}" for k, val in vars(s).items() if k != "kind") + ".")
    L.append("")
    L.append("## Commands")
    L.append("")
    L.append("```sh")
    L.append("make bench                     # installs what it needs, builds, runs everything")
    L.append(f"{bench.info.get('argv')}")
    L.append("```")
    L.append("")
    L.append("Servers as started (ports and directories vary per run):")
    L.append("")
    L.append("```")
    for role, cmd in sorted(bench.server_commands.items()):
        L.append(f"# {role}")
        L.append(cmd)
    L.append("```")
    L.append("")
    L.append("sysbench:")
    L.append("")
    L.append("```")
    for role, cmd in sorted(bench.sysbench_commands.items()):
        L.append(f"# {role}")
        L.append(cmd)
    L.append("```")
    L.append("")
    if bench.errors or bench.notes:
        L.append("## Problems seen in this run")
        L.append("")
        for e in bench.errors:
            L.append(f"* figure {e['figure']}, {e['what']}: `{e['error'].splitlines()[0][:400]}`")
        for n in bench.notes:
            L.append(f"* {n}")
        L.append("")
    return "\n".join(L) + "\n"


def dynamic_notes(bench: Bench, fig_no: int) -> list:
    L = []
    inputs = all_inputs(bench)
    if fig_no in (2, 3) and inputs:
        L.append("| input | source | transactions (timed) | rows (timed) | events timed / whole "
                 "binlog | MB timed / whole binlog | source rate |")
        L.append("|---|---|---:|---:|---:|---:|---:|")
        for key, i in sorted(inputs.items()):
            kind, name = key.split(":", 1)
            if fig_no == 2 and kind != "mariadb":
                continue
            if fig_no == 3 and name not in ("bulk", "oltp_write_only"):
                continue
            L.append(f"| {name} | {kind} | {i['trx']} | {i['rows'] if i['rows'] is not None else '-'}"
                     f" | {i['timed']['events']} / {i['whole']['events']} | "
                     f"{i['timed']['bytes'] / 1e6:.1f} / {i['whole']['bytes'] / 1e6:.1f} | "
                     f"{fmt(i['source_trx_per_s'])} trx/s |")
        L.append("")
    if fig_no == 4 and "lag_mariadb_max_tps" in bench.info:
        L.append(f"MariaDB source maximum (oltp_write_only, 8 threads, {bench.sizes.lag_max_time} s): "
                 f"{bench.info['lag_mariadb_max_tps']:.0f} tps; MariaDB replica: "
                 f"`{bench.info.get('lag_mariadb_replica')}`.")
        L.append("")
    return L


SETTINGS = [
    "* **Durability, equal on both sides**: relaydb with its defaults — binary log on, "
    "`sync_binlog=1`, its SQLite WAL synced at every commit (group commit). MariaDB: "
    "`--log-bin --sync-binlog=1 --innodb-flush-log-at-trx-commit=1`. Both "
    "`--binlog-format=ROW`. MariaDB also gets the test suite's base options "
    "(`--innodb-buffer-pool-size=64M`, utf8mb4) and nothing from my.cnf (`--no-defaults`).",
    "* Binlog off (figure 1 only): relaydb `--skip-log-bin`; MariaDB without `--log-bin` "
    "(still `innodb_flush_log_at_trx_commit=1`).",
    "* Relaxed class (only with `--relaxed`, labelled `mariadb_relaxed_trx_commit_2`): MariaDB "
    "with `innodb_flush_log_at_trx_commit=2`; never used for a ratio.",
    "* Replicas: file + position (`MASTER_USE_GTID=no` on both kinds: relaydb replicas do not "
    "support GTID positioning), replication user root with an empty password over "
    "127.0.0.1. relaydb replicas run with their defaults (their own binlog on, replicated "
    "changes not logged); MariaDB replicas with the same durable settings as the sources "
    "and `--slave-parallel-threads=0` or `=4 --slave-parallel-mode=optimistic`; "
    "relay-log sync settings are each server's defaults.",
    "* sysbench 1.0: `--db-ps-mode=auto --rand-seed=1`, tables × rows as in the sizes below; "
    "servers alternate within every figure (the first server rotates every run).",
    "* Everything runs on one machine shared by client, servers and replicas: absolute "
    "numbers depend on it; compare ratios within one run.",
]

FIGURE_NOTES = {
    1: ["`binlog_kept` is TPS with the binlog divided by TPS without it, per server: how much "
        "of its speed a server keeps when it writes a durable binary log."],
    2: ["Inputs were generated once on a MariaDB source (binlog_format=ROW) and applied by "
        "every replica from the same binlog, so the events are byte-identical. Timing starts "
        "after `START SLAVE SQL_THREAD UNTIL` the position after the setup (CREATE TABLE, "
        "sysbench prepare) stopped there, i.e. only the workload's events are timed; the I/O "
        "thread has already fetched everything. The MariaDB column is the better of "
        "single-threaded and `slave_parallel_threads=4` optimistic (`mariadb_is`); both are "
        "listed. Capacity = apply rate / the rate the source produced the input. Each "
        "replica's tables were checked against the source (COUNT, SUM(k), SUM(id))."],
    3: ["A replica with only the I/O thread running fetches the source's whole binlog (from "
        "its first file): MB/s and events/s of the source's binlog. `large` = the bulk "
        "input (multi-row INSERT transactions), `small` = oltp_write_only. The relaydb "
        "sources got the same workload replayed (same sysbench seed and event count, same "
        "bulk statements); their binlogs may differ in size and event count from MariaDB's "
        "(see the table)."],
    4: ["relaydb source → relaydb replica against MariaDB source → MariaDB replica. Load: "
        "oltp_write_only, 8 threads, `--rate` at 25/50/75 % of MariaDB's measured maximum. "
        "Lag = time a heartbeat row (written every 100 ms with the writer's µs clock, "
        "taken just before sending, so it includes the source's durable commit) became "
        "visible to a poller on the replica (every ~5 ms). ⇣: lower is better."],
    5: [],
    6: ["Start-up: spawn → first successful login on an existing data directory. "
        "MariaDB's memory includes its 64 MiB InnoDB buffer pool (test-suite setting)."],
}
