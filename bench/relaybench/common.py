"""The run context: where things go, the servers a run starts, results, series, errors.

Servers come from tests/integration/servers.py (start/stop by PID, datadirs under the
run's work directory). `Bench.relaydb()` / `Bench.mariadb()` start one with the
benchmark's settings and remember it, so that `Bench.close()` stops whatever is left.
With RELAYDB_DIFF_AGAINST_MARIADB=1 the "relaydb" side is a second MariaDB with the same
durability (how the harness itself is checked).
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import time
import traceback
from pathlib import Path
from typing import Optional, Sequence

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests" / "integration"))

import pymysql  # noqa: E402
import pymysql.cursors  # noqa: E402

from servers import (MariadbServer, RelaydbServer, Server, against_mariadb,  # noqa: E402,F401
                     relaydb_bin)

from . import config  # noqa: E402
from .stats import Figure  # noqa: E402


def log(msg: str) -> None:
    print(msg, flush=True)


def connect(server: Server, **kw) -> pymysql.connections.Connection:
    args = dict(autocommit=True, read_timeout=600, write_timeout=600)
    args.update(kw)
    return server.connect(**args)


def query(server_or_conn, sql: str, args=None, dicts: bool = False):
    """Runs one statement (on a connection, or a new autocommit one); returns the rows."""
    if isinstance(server_or_conn, Server):
        conn = connect(server_or_conn,
                       **({"cursorclass": pymysql.cursors.DictCursor} if dicts else {}))
        try:
            with conn.cursor() as cur:
                cur.execute(sql, args)
                return cur.fetchall()
        finally:
            conn.close()
    cur_cls = pymysql.cursors.DictCursor if dicts else None
    with server_or_conn.cursor(cur_cls) as cur:
        cur.execute(sql, args)
        return cur.fetchall()


def rss_kib(pid: Optional[int]) -> Optional[int]:
    """VmRSS of a process in KiB (None when it is gone)."""
    if not pid:
        return None
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


class Bench:
    """One invocation of the harness."""

    def __init__(self, args, sizes: config.Sizes, workdir: Path):
        self.args = args
        self.sizes = sizes
        self.workdir = workdir
        self.figures: list[Figure] = []
        self.series: dict = {}            # plot data: name -> anything JSON-able
        self.errors: list[dict] = []
        self.notes: list[str] = []
        self.server_commands: dict = {}   # role -> command line (for the docs)
        self.sysbench_commands: dict = {}  # role -> command line
        self.info: dict = {}              # anything else the report shows
        self._servers: list[Server] = []
        self._next_id = 10
        self.relaydb_binary: Optional[Path] = None
        self.inputs: dict = {}            # replication inputs (fig 2/3), by (kind, name)
        self._main: Optional[tuple] = None
        if not against_mariadb():
            src = relaydb_bin()
            dst = workdir / "bin" / "relaydb"
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dst)      # the build may be replaced under a long run
            self.relaydb_binary = dst
            self.info["relaydb_source_binary"] = str(src)

    # --- servers ------------------------------------------------------------------------
    def server_id(self) -> int:
        self._next_id += 1
        return self._next_id

    def relaydb(self, role: str, log_bin: bool = True, extra: Sequence[str] = (),
                server_id: Optional[int] = None, start: bool = True) -> Server:
        """A relaydb with its defaults (durable), ROW binlog, or --skip-log-bin."""
        sid = server_id or self.server_id()
        base = self.workdir / f"{role}-{sid}"
        if against_mariadb():
            args = (config.MARIADB_DURABLE if log_bin else config.MARIADB_NOBINLOG) + list(extra)
            srv: Server = MariadbServer(base, server_id=sid, extra_args=args, log_bin=log_bin,
                                        name=f"relaydb({role},mariadb)")
        else:
            args = (config.RELAYDB_SOURCE if log_bin else config.RELAYDB_NOBINLOG) + list(extra)
            srv = RelaydbServer(base, server_id=sid, extra_args=args, name=f"relaydb({role})",
                                binary=self.relaydb_binary)
        return self._register(role, "relaydb", srv, start)

    def mariadb(self, role: str, log_bin: bool = True, relaxed: bool = False,
                extra: Sequence[str] = (), server_id: Optional[int] = None,
                start: bool = True) -> Server:
        """A MariaDB 10.11: durable with a ROW binlog; or without binlog; or relaxed."""
        sid = server_id or self.server_id()
        base = self.workdir / f"{role}-{sid}"
        if not log_bin:
            args = list(config.MARIADB_NOBINLOG)
        else:
            args = list(config.MARIADB_RELAXED if relaxed else config.MARIADB_DURABLE)
        srv = MariadbServer(base, server_id=sid, extra_args=args + list(extra), log_bin=log_bin,
                            name=f"mariadb({role})")
        return self._register(role, "mariadb", srv, start)

    def main_pair(self) -> tuple[Server, Server]:
        """The long-lived relaydb / MariaDB pair (durable, binlog on) of figures 1, 5."""
        if getattr(self, "_main", None) is None:
            self._main = (self.relaydb("main"), self.mariadb("main"))
        return self._main

    def _register(self, role: str, kind: str, srv: Server, start: bool) -> Server:
        srv.bench_kind = kind  # type: ignore[attr-defined]
        self._servers.append(srv)
        if start:
            srv.start()
        key = f"{kind}:{role}"
        if key not in self.server_commands:
            cmd = " ".join(srv.command()).replace(str(srv.basedir), "$DIR")
            cmd = cmd.replace(str(self.workdir), "$WORK")
            self.server_commands[key] = re.sub(r"--port=\d+", "--port=$PORT", cmd)
        return srv

    def retire(self, *servers: Server, remove: bool = True) -> None:
        """Stops servers (by PID) and removes their directories."""
        for srv in servers:
            if srv is None:
                continue
            try:
                srv.stop()
            except Exception as e:  # noqa: BLE001 - a stop problem must not end the run
                self.note_error(0, f"stopping {srv.name}", e)
            finally:
                srv.kill()
            if srv in self._servers:
                self._servers.remove(srv)
            if self._main is not None and srv in self._main:
                self._main = None
            if remove and not self.args.keep:
                shutil.rmtree(srv.basedir, ignore_errors=True)

    def close(self) -> None:
        self.retire(*list(self._servers), remove=False)

    # --- results ------------------------------------------------------------------------
    def add(self, fig: Figure) -> Figure:
        self.figures.append(fig)
        log(fig.line())
        for side, msg in fig.errors.items():
            log(f"#   {fig.name}: {side} failed: {msg}")
        return fig

    def note_error(self, fig: int, what: str, exc: BaseException) -> str:
        msg = f"{type(exc).__name__}: {exc}"
        short = msg if len(msg) < 2000 else msg[:2000] + "..."
        self.errors.append({"figure": fig, "what": what, "error": short,
                            "traceback": traceback.format_exc()[-3000:]})
        log(f"# ERROR (figure {fig}) {what}: {short}")
        return short.splitlines()[0][:300] if short else "error"

    def note(self, text: str) -> None:
        self.notes.append(text)
        log(f"# note: {text}")

    def elapsed(self, start: float) -> str:
        return f"{time.monotonic() - start:.1f}s"


def alternate(items: list, run: int) -> list:
    """The order of the servers in run `run`: rotated, so each goes first in turn."""
    k = run % len(items)
    return items[k:] + items[:k]


def env_summary() -> dict:
    return {k: v for k, v in os.environ.items()
            if k in ("RELAYDB_BIN", "RELAYDB_DIFF_AGAINST_MARIADB", "MARIADBD")}
