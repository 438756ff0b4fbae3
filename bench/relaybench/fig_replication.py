"""Figures 2 (replica catch-up: the SQL thread) and 3 (I/O thread transfer).

Catch-up, per input and replica kind, on a fresh replica each run:

 1. CHANGE MASTER TO the source's first binlog file, position 4 (MASTER_USE_GTID=no);
 2. START SLAVE IO_THREAD; wait until Read_Master_Log_Pos reaches the source's end;
 3. START SLAVE SQL_THREAD UNTIL MASTER_LOG_FILE/POS = the position recorded after the
    input's setup (CREATE TABLE, sysbench prepare); wait until the SQL thread stopped
    there -- the setup is applied, untimed;
 4. timed: START SLAVE SQL_THREAD until Exec_Master_Log_Pos reaches the end (10 ms polls).
 5. The replica's tables are checked against the source (COUNT(*), SUM(k), SUM(id)).

transactions/s = Gtid events in [start, end) / time; rows/s = row changes (mariadb-binlog
-v) / time. MariaDB runs single-threaded and with slave_parallel_threads=4,
slave_parallel_mode=optimistic; the better median is the figure to beat. Capacity = apply
rate / the rate at which the source produced the input.

I/O transfer: a fresh replica, START SLAVE IO_THREAD only, from the first binlog file to
the end: the source's binlog bytes and events / time.
"""

from __future__ import annotations

import time

from .binlog import pos_key
from .common import Bench, alternate, log
from .config import MARIADB_PARALLEL, MARIADB_SINGLE
from . import inputs as inputs_mod
from .inputs import Input, table_checks
from .replication import Poller, ReplicationError, change_master
from .stats import Figure, summarize

CATCHUP_KINDS = ["relaydb", "mariadb_single", "mariadb_parallel4"]
FIG2_INPUTS = ["oltp_write_only", "oltp_insert", "bulk"]
FIG3_INPUTS = {"large": "bulk", "small": "oltp_write_only"}


def start_replica(bench: Bench, kind: str, role: str):
    if kind == "relaydb":
        return bench.relaydb(role)
    extra = MARIADB_PARALLEL if kind == "mariadb_parallel4" else MARIADB_SINGLE
    return bench.mariadb(role, extra=extra)


def catch_up(bench: Bench, replica, inp: Input, record_progress: bool) -> dict:
    s = bench.sizes
    out: dict = {"until": "ok"}
    with Poller(replica) as p:
        change_master(replica, inp.source, *inp.first)
        t0 = time.monotonic()
        p.execute("START SLAVE IO_THREAD")
        _, t1 = p.wait(Poller.read_reached(inp.end), s.catchup_timeout, "the I/O thread",
                       interval=0.01)
        out["io_seconds"] = t1 - t0
        # the setup part, untimed
        f, pos = inp.start
        try:
            p.execute(f"START SLAVE SQL_THREAD UNTIL MASTER_LOG_FILE='{f}', "
                      f"MASTER_LOG_POS={pos}")
            until_ok = True
        except Exception as e:  # noqa: BLE001
            until_ok = False
            out["until"] = f"START SLAVE SQL_THREAD UNTIL failed: {e}"
            bench.note(f"{replica.name}: START SLAVE SQL_THREAD UNTIL MASTER_LOG_FILE='{f}', "
                       f"MASTER_LOG_POS={pos} failed ({e}); timing starts at the first poll "
                       "that sees Exec_Master_Log_Pos at or past the setup's end instead")
        if until_ok:
            st, _ = p.wait(lambda st: st["Slave_SQL_Running"] == "No"
                           and Poller.exec_reached(inp.start)(st),
                           s.catchup_timeout, "the SQL thread to stop at the UNTIL position",
                           interval=0.02)
            got = pos_key(st["Relay_Master_Log_File"], int(st["Exec_Master_Log_Pos"]))
            if got != pos_key(*inp.start):
                raise ReplicationError(f"{replica.name}: SQL thread stopped at "
                                       f"{st['Relay_Master_Log_File']}:{st['Exec_Master_Log_Pos']}"
                                       f", not at the UNTIL position {f}:{pos}")
            t2 = time.monotonic()
            p.execute("START SLAVE SQL_THREAD")
        else:
            p.execute("START SLAVE SQL_THREAD")
            _, t2 = p.wait(Poller.exec_reached(inp.start), s.catchup_timeout,
                           "the setup to be applied", interval=0.002)
        progress = []
        total = max(inp.timed["bytes"], 1)
        start_key = pos_key(*inp.start)

        def track(now, st):
            if record_progress and st.get("Relay_Master_Log_File"):
                k = pos_key(st["Relay_Master_Log_File"], int(st["Exec_Master_Log_Pos"]))
                frac = (k[1] - start_key[1]) / total if k[0] == start_key[0] else None
                if frac is not None:
                    progress.append((round(now - t2, 3), round(max(0.0, min(frac, 1.0)), 4)))

        _, t3 = p.wait(Poller.exec_reached(inp.end), s.catchup_timeout, "the catch-up",
                       interval=0.01, progress=track)
        out["apply_seconds"] = t3 - t2
        out["progress"] = progress
        p.execute("STOP SLAVE")
    got = table_checks(replica, inp.tables)
    if got != inp.checks:
        raise ReplicationError(f"{replica.name}: data differs from the source after catch-up "
                               f"(COUNT, SUM(k), SUM(id)): replica {got}, source {inp.checks}")
    return out


def figure2(bench: Bench) -> None:
    s = bench.sizes
    for name in FIG2_INPUTS:
        try:
            inp = inputs_mod.get(bench, name, "mariadb", rows=True)
        except Exception as e:  # noqa: BLE001
            bench.note_error(2, f"generating input {name}", e)
            continue
        trx = {k: [] for k in CATCHUP_KINDS}
        rows = {k: [] for k in CATCHUP_KINDS}
        io = {k: [] for k in CATCHUP_KINDS}
        failed: dict = {}
        for run in range(s.runs):
            for kind in alternate(CATCHUP_KINDS, run):
                if kind in failed:
                    continue
                replica = None
                try:
                    replica = start_replica(bench, kind, f"replica-{kind}")
                    r = catch_up(bench, replica, inp, record_progress=(run == 0))
                except Exception as e:  # noqa: BLE001
                    failed[kind] = bench.note_error(2, f"catch-up of {name} on {kind}", e)
                    continue
                finally:
                    bench.retire(replica)
                trx[kind].append(inp.trx / r["apply_seconds"])
                rows[kind].append(inp.rows / r["apply_seconds"])
                io[kind].append(inp.whole["bytes"] / 1e6 / r["io_seconds"])
                if run == 0:
                    bench.series.setdefault("catchup", {}).setdefault(name, {})[kind] = \
                        r["progress"]
                if r["until"] != "ok":
                    bench.info.setdefault("until_problems", []).append(r["until"])
        med = {k: summarize(v)["median"] for k, v in trx.items()}
        mdb_kinds = [k for k in CATCHUP_KINDS if k != "relaydb" and trx[k]]
        best = max(mdb_kinds, key=lambda k: med[k]) if mdb_kinds else "mariadb_single"
        bench.info.setdefault("catchup_best_mariadb", {})[name] = best
        errors = {}
        if "relaydb" in failed:
            errors["relaydb"] = failed["relaydb"]
        for k in CATCHUP_KINDS[1:]:
            if k in failed:
                errors[k] = failed[k]
        base = f"2.catchup.{name}"
        title = (f"{name}: {inp.trx} transactions, {inp.rows} rows, "
                 f"{inp.timed['bytes'] / 1e6:.1f} MB")
        for metric, data in (("trx_per_s", trx), ("rows_per_s", rows)):
            f = Figure(f"{base}.{metric}", 2, metric.replace("_per_s", "/s"), title,
                       data["relaydb"], data[best], errors=errors)
            f.extra["mariadb_single"] = summarize(data["mariadb_single"])
            f.extra["mariadb_parallel4"] = summarize(data["mariadb_parallel4"])
            f.extra["mariadb_is"] = best
            bench.add(f)
        src = inp.source_trx_per_s
        f = Figure(f"2.capacity.{name}", 2, "x source rate",
                   f"{name}: apply rate / source rate ({src:.0f} trx/s)",
                   [v / src for v in trx["relaydb"]], [v / src for v in trx[best]])
        f.extra["source_trx_per_s"] = src
        f.extra["mariadb_is"] = best
        bench.add(f)
        bench.info.setdefault("catchup_io_mb_per_s", {})[name] = {
            k: summarize(v) for k, v in io.items()}


def transfer(bench: Bench, replica, inp: Input) -> float:
    """Seconds for the I/O thread alone to fetch the whole binlog of the input's source."""
    with Poller(replica) as p:
        change_master(replica, inp.source, *inp.first)
        t0 = time.monotonic()
        p.execute("START SLAVE IO_THREAD")
        _, t1 = p.wait(Poller.read_reached(inp.end), bench.sizes.catchup_timeout,
                       "the I/O thread", interval=0.005, sql=False)
        p.execute("STOP SLAVE IO_THREAD")
    return t1 - t0


def figure3(bench: Bench) -> None:
    s = bench.sizes
    for size, name in FIG3_INPUTS.items():
        cells: dict = {}     # (source kind, replica kind) -> {"mb": [...], "ev": [...]}
        failed: dict = {}
        srcs = {}
        for src_kind in ("mariadb", "relaydb"):
            try:
                srcs[src_kind] = inputs_mod.get(bench, name, src_kind)
            except Exception as e:  # noqa: BLE001
                failed[(src_kind, "relaydb")] = failed[(src_kind, "mariadb")] = \
                    bench.note_error(3, f"generating input {name} on a {src_kind} source", e)
        for run in range(s.runs):
            for src_kind, inp in srcs.items():
                for rep_kind in alternate(["relaydb", "mariadb"], run):
                    cell = (src_kind, rep_kind)
                    if cell in failed:
                        continue
                    replica = None
                    try:
                        replica = (bench.relaydb("io-replica") if rep_kind == "relaydb"
                                   else bench.mariadb("io-replica"))
                        secs = transfer(bench, replica, inp)
                    except Exception as e:  # noqa: BLE001
                        failed[cell] = bench.note_error(
                            3, f"I/O transfer {rep_kind} <- {src_kind} ({name})", e)
                        continue
                    finally:
                        bench.retire(replica)
                    c = cells.setdefault(cell, {"mb": [], "ev": []})
                    c["mb"].append(inp.whole["bytes"] / 1e6 / secs)
                    c["ev"].append(inp.whole["events"] / secs)
        bench.info.setdefault("io_sources", {})[size] = {
            k: {"bytes": v.whole["bytes"], "events": v.whole["events"]} for k, v in srcs.items()}

        def vals(cell, key):
            return cells.get(cell, {}).get(key, [])

        for metric, key, unit in (("mb_per_s", "mb", "MB/s"), ("events_per_s", "ev", "events/s")):
            for label, rcell, mcell in (("from_mariadb", ("mariadb", "relaydb"),
                                         ("mariadb", "mariadb")),
                                        ("from_relaydb", ("relaydb", "relaydb"),
                                         ("relaydb", "mariadb")),
                                        ("same_kind", ("relaydb", "relaydb"),
                                         ("mariadb", "mariadb"))):
                errors = {}
                if rcell in failed:
                    errors["relaydb"] = failed[rcell]
                if mcell in failed:
                    errors["mariadb"] = failed[mcell]
                who = {"from_mariadb": "replicas of a MariaDB source",
                       "from_relaydb": "replicas of a relaydb source",
                       "same_kind": "relaydb <- relaydb vs MariaDB <- MariaDB"}[label]
                f = Figure(f"3.io.{size}.{label}.{metric}", 3, unit,
                           f"I/O thread, {size} events ({name}): {who}",
                           vals(rcell, key), vals(mcell, key), errors=errors)
                for src_kind, inp in srcs.items():
                    if label != "same_kind" and src_kind not in label:
                        continue
                    f.extra[f"{src_kind}_source_mb"] = round(inp.whole["bytes"] / 1e6, 2)
                    f.extra[f"{src_kind}_source_events"] = inp.whole["events"]
                bench.add(f)
    log("# figure 3 done")
