"""The command line of bench/run_bench.py (and bench/run_sysbench.py, kept for CTest)."""

from __future__ import annotations

import argparse
import math
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from . import config, machine
from .common import REPO, Bench, against_mariadb, log

FIGURES = {
    1: "source write throughput (binlog on/off)",
    2: "replica catch-up",
    3: "I/O thread transfer",
    4: "lag under load",
    5: "reads",
    6: "footprint",
}
DOCS = REPO / "docs" / "benchmarks.md"


def parse_args(argv):
    ap = argparse.ArgumentParser(
        description="relaydb against MariaDB 10.11 on this machine: six figures, each the "
                    "median of several runs, servers alternating. See bench/README.md.")
    kind = ap.add_mutually_exclusive_group()
    kind.add_argument("--smoke", action="store_true",
                      help="every figure in a tiny size (< 2 min); checks the harness; never "
                           "writes docs/")
    kind.add_argument("--quick", action="store_true",
                      help="smaller inputs, shorter runs, 1 run per figure (~10 min)")
    ap.add_argument("--figures",
                    help="comma-separated figure numbers (default: all; with --workloads or "
                         "--threads and no --figures: only the sysbench figures 1 and 5)")
    ap.add_argument("--runs", type=int, help="runs per figure (full: 3)")
    ap.add_argument("--time", type=int, help="seconds per sysbench run in figures 1 and 5")
    ap.add_argument("--threads", help="thread counts for figures 1 and 5 (default 1,8 / 4)")
    ap.add_argument("--workloads",
                    help="sysbench workloads of figures 1 (writes) and 5 (reads: "
                         "point_select, read_only, select_random_*)")
    ap.add_argument("--tables", type=int)
    ap.add_argument("--table-size", type=int)
    ap.add_argument("--lag-time", type=int, help="seconds of load per lag run (full: 60)")
    ap.add_argument("--relaxed", action="store_true",
                    help="also measure MariaDB with innodb_flush_log_at_trx_commit=2 in "
                         "figure 1 (labelled; never used for a ratio)")
    ap.add_argument("--out", type=Path, default=REPO / "bench" / "out",
                    help="where the JSON (and reports not meant for docs/) go")
    ap.add_argument("--docs", type=Path, nargs="?", const=DOCS, default=None,
                    help=f"write the Markdown report there (default {DOCS.relative_to(REPO)}; "
                         "a full run of all figures does so unless --no-docs)")
    ap.add_argument("--no-docs", action="store_true", help="never write docs/benchmarks.md")
    ap.add_argument("--install", action="store_true",
                    help="first run bench/install-deps.sh (matplotlib; needs root or sudo)")
    ap.add_argument("--workdir", type=Path, help="server datadirs (default: a temp dir, removed)")
    ap.add_argument("--keep", action="store_true", help="keep server directories")
    args = ap.parse_args(argv)
    if args.figures is None:
        if args.workloads or args.threads:      # the old run_sysbench.py command lines
            w = (args.workloads or "").split(",") if args.workloads else []
            figs = {1, 5} if not w else {5 if x in config.KNOWN_READ else 1 for x in w}
            args.figures = ",".join(map(str, sorted(figs)))
        else:
            args.figures = ",".join(map(str, FIGURES))
    try:
        args.figures = sorted({int(x) for x in args.figures.split(",") if x.strip()})
    except ValueError:
        ap.error("--figures takes numbers, e.g. --figures 1,3")
    bad = [f for f in args.figures if f not in FIGURES]
    if bad:
        ap.error(f"unknown figures {bad}; known: {sorted(FIGURES)}")
    return args


def sizes_for(args) -> config.Sizes:
    kind = "smoke" if args.smoke else "quick" if args.quick else "full"
    s = replace(config.PRESETS[kind])
    if args.runs:
        s.runs = args.runs
    if args.time:
        s.time = args.time
    if args.tables:
        s.tables = args.tables
    if args.table_size:
        s.table_size = args.table_size
    if args.lag_time:
        s.lag_time = args.lag_time
    if args.threads:
        t = [int(x) for x in args.threads.split(",")]
        s.write_threads, s.read_threads = t, t
    if args.workloads:
        w = args.workloads.split(",")
        s.write_workloads = [x for x in w if x not in config.KNOWN_READ]
        s.read_workloads = [x for x in w if x in config.KNOWN_READ]
    return s


def install() -> None:
    script = REPO / "bench" / "install-deps.sh"
    log(f"# {script}")
    subprocess.run([str(script)], check=True)


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    if args.install:
        install()
    sizes = sizes_for(args)
    started = time.monotonic()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="relaydb-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        bench = Bench(args, sizes, workdir)
    except Exception as e:  # noqa: BLE001 - e.g. no relaydb binary
        log(f"# cannot start: {e}")
        shutil.rmtree(workdir, ignore_errors=True) if not args.workdir else None
        return 2
    prog = "bench/run_sysbench.py" if Path(sys.argv[0]).name == "run_sysbench.py" \
        else "bench/run_bench.py"
    bench.info["argv"] = f"/usr/bin/python3 {prog} " + " ".join(shlex.quote(a) for a in argv)
    write_docs = (not sizes.kind == "smoke" and not args.no_docs and
                  (args.docs is not None or (sizes.kind == "full" and
                                             args.figures == sorted(FIGURES))))
    if args.smoke and args.docs is not None:
        log("# --smoke never writes docs/: the report goes to --out")
    from . import fig_footprint, fig_lag, fig_replication, fig_sysbench, inputs, report
    runners = {1: fig_sysbench.figure1, 2: fig_replication.figure2,
               3: fig_replication.figure3, 4: fig_lag.figure4, 5: fig_sysbench.figure5,
               6: fig_footprint.figure6}
    interrupted = False
    try:
        log(f"# relaydb-bench: {sizes.kind} run, figures {','.join(map(str, args.figures))}, "
            f"{sizes.runs} run(s) each; workdir {workdir}"
            + ("; SELF-CHECK: relaydb side is MariaDB" if against_mariadb() else
               f"; relaydb binary {bench.relaydb_binary} (copied from "
               f"{bench.info.get('relaydb_source_binary')})"))
        bench.info["versions"] = machine.versions(bench.relaydb_binary)
        m = machine.measure(workdir / "machine", sizes)
        bench.info["machine"] = m
        log(f"# machine: {machine.describe(m)}")
        for fig in args.figures:
            t0 = time.monotonic()
            log(f"# --- figure {fig}: {FIGURES[fig]}")
            try:
                runners[fig](bench)
            except Exception as e:  # noqa: BLE001 - one figure's failure must not end the run
                bench.note_error(fig, f"figure {fig}", e)
            if fig == 2 and 3 not in args.figures or fig == 3:
                inputs.drop_all(bench)
            log(f"# figure {fig} took {bench.elapsed(t0)}")
    except KeyboardInterrupt:
        interrupted = True
        log("# interrupted")
    finally:
        bench.close()
        if not args.workdir and not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)

    seconds = time.monotonic() - started
    args.out.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    stem = f"bench-{sizes.kind}-{stamp}"
    json_path = args.out / f"{stem}.json"
    if write_docs:
        md_path = args.docs or DOCS
        plot_dir = md_path.parent / md_path.stem
        prefix = f"{md_path.stem}/"
    else:
        md_path = args.out / f"{stem}.md"
        plot_dir = args.out / f"{stem}-plots"
        prefix = f"{stem}-plots/"
    try:
        plots = report.plot_all(bench, plot_dir)
    except Exception as e:  # noqa: BLE001 - the numbers matter more than the pictures
        bench.note_error(0, "plotting", e)
        plots = []
    report.write_json(bench, json_path, seconds)
    md_path.parent.mkdir(parents=True, exist_ok=True)
    md_path.write_text(report.markdown(bench, plots, prefix, seconds, json_path))

    log("")
    log(f"# ===== summary ({sizes.kind}, {seconds / 60:.1f} min; ratio: higher = better for "
        "relaydb; ratio_is=mariadb/relaydb marks lag/latency/memory/start-up)")
    for f in bench.figures:
        log(f.line())
    for e in bench.errors:
        log(f"# ERROR figure {e['figure']}: {e['what']}: {e['error'].splitlines()[0][:300]}")
    log(f"# results: {json_path}")
    log(f"# report: {md_path}" + (f" (plots in {plot_dir})" if plots else " (no plots)"))
    if interrupted:
        return 130
    failed = bool(bench.errors) or any(f.errors for f in bench.figures) or any(
        math.isnan(f.rel["median"]) or math.isnan(f.mdb["median"]) for f in bench.figures)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
