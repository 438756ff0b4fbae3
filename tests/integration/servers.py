"""Server processes for integration tests: relaydb and MariaDB, started and stopped by PID.

Everything here is plain Python (no pytest) so that bench/run_sysbench.py can use it too.

* free_port() asks the kernel for a free loopback port.
* RelaydbServer and MariadbServer share one life cycle (start / stop / kill / restart):
  the process runs in its own session with stdout+stderr in a log file; start() waits for
  readiness by polling a TCP connect plus a successful PyMySQL login until a deadline,
  stop() sends SIGTERM and waits, then SIGKILLs after a deadline. Nothing is ever found
  or stopped by name.
* MariaDB datadirs are copied from a template made once by mariadb-install-db and cached
  (see template_datadir()), which makes a MariaDB start take about a second.
* subject_server() builds "the server under test": relaydb, or, with
  RELAYDB_DIFF_AGAINST_MARIADB=1, a second MariaDB, which is how the suites themselves
  are validated before relaydb exists.
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Optional, Sequence

import pymysql

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_RELAYDB_BIN = REPO_ROOT / "build" / "src" / "server" / "relaydb"
MARIADBD = os.environ.get("MARIADBD", "mariadbd")
MARIADB_INSTALL_DB = os.environ.get("MARIADB_INSTALL_DB", "mariadb-install-db")

START_TIMEOUT = float(os.environ.get("RELAYDB_TEST_START_TIMEOUT", "60"))
STOP_TIMEOUT = float(os.environ.get("RELAYDB_TEST_STOP_TIMEOUT", "30"))

# Options every test MariaDB gets: the server defaults relaydb implements (utf8mb4, the
# Debian server's character set), a small buffer pool, and nothing read from my.cnf.
MARIADB_BASE_OPTIONS = (
    "--character-set-server=utf8mb4",
    "--collation-server=utf8mb4_general_ci",
    "--innodb-buffer-pool-size=64M",
)


def _die_with_parent() -> None:
    """In the child before exec: SIGKILL when the test process dies (no orphaned servers
    when CTest kills a timed-out pytest). Linux prctl(PR_SET_PDEATHSIG)."""
    PR_SET_PDEATHSIG = 1
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


class ServerError(RuntimeError):
    """A server failed to start, died, or did not stop; the message carries its log tail."""


def against_mariadb() -> bool:
    """True when the "relaydb" side of every test is a second MariaDB (self-check mode)."""
    return os.environ.get("RELAYDB_DIFF_AGAINST_MARIADB", "") not in ("", "0")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago (bind to port 0, then release)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def relaydb_bin() -> Path:
    """The relaydb binary: $RELAYDB_BIN, else build/src/server/relaydb. Raises if absent."""
    env = os.environ.get("RELAYDB_BIN")
    path = (Path(env) if env else DEFAULT_RELAYDB_BIN).absolute()
    if not (path.is_file() and os.access(path, os.X_OK)):
        raise ServerError(
            f"relaydb binary not found at {path} "
            f"({'from $RELAYDB_BIN' if env else '$RELAYDB_BIN unset; default path'}). "
            "Build it (make build) or set RELAYDB_BIN; to validate the tests themselves "
            "against MariaDB set RELAYDB_DIFF_AGAINST_MARIADB=1.")
    return path


def tail(path: Path, max_lines: int = 60) -> str:
    try:
        lines = path.read_text(errors="replace").splitlines()
    except OSError as e:
        return f"<cannot read {path}: {e}>"
    return "\n".join(lines[-max_lines:])


class Server:
    """One server process. Subclasses say how to build the command line and datadir.

    Not thread-safe. `port` may change when start() has to retry after a port clash.
    """

    kind = "server"

    def __init__(self, basedir: Path, port: Optional[int] = None, server_id: int = 1,
                 extra_args: Sequence[str] = (), name: Optional[str] = None):
        self.basedir = Path(basedir)
        self.basedir.mkdir(parents=True, exist_ok=True)
        self.port = port or free_port()
        self.fixed_port = port is not None
        self.server_id = server_id
        self.extra_args = list(extra_args)
        self.name = name or self.kind
        self.host = "127.0.0.1"
        self.proc: Optional[subprocess.Popen] = None
        self.stdout_log = self.basedir / f"{self.kind}.out"

    # --- to be provided by subclasses -------------------------------------------------
    def command(self) -> list[str]:
        raise NotImplementedError

    def prepare(self) -> None:
        """Creates whatever the datadir needs before the first start."""

    @property
    def error_log(self) -> Path:
        raise NotImplementedError

    # --- life cycle -------------------------------------------------------------------
    def start(self, timeout: float = START_TIMEOUT) -> "Server":
        """Starts the process and returns once it accepts a login; raises ServerError."""
        assert not self.alive(), f"{self.name} already running"
        self.prepare()
        attempts = 1 if self.fixed_port else 3
        for attempt in range(attempts):
            self._spawn()
            try:
                self.wait_ready(timeout)
                return self
            except ServerError:
                self.kill()
                if attempt + 1 < attempts and self._port_clash():
                    self.port = free_port()
                    continue
                raise
        return self

    def _spawn(self) -> None:
        with open(self.stdout_log, "ab") as out:
            out.write(f"\n=== start {' '.join(self.command())}\n".encode())
            out.flush()
            self.proc = subprocess.Popen(self.command(), stdin=subprocess.DEVNULL, stdout=out,
                                         stderr=subprocess.STDOUT, start_new_session=True,
                                         preexec_fn=_die_with_parent)

    def _port_clash(self) -> bool:
        text = tail(self.error_log, 30) + tail(self.stdout_log, 30)
        return "Address already in use" in text or "Do you already have another" in text

    def wait_ready(self, timeout: float = START_TIMEOUT) -> None:
        """Polls TCP connect + PyMySQL login until `timeout`; raises ServerError with logs."""
        deadline = time.monotonic() + timeout
        last_error: object = None
        while time.monotonic() < deadline:
            if self.proc is None or self.proc.poll() is not None:
                rc = None if self.proc is None else self.proc.returncode
                raise ServerError(f"{self.name} exited during start-up (rc={rc})\n{self.logs()}")
            try:
                with socket.create_connection((self.host, self.port), timeout=1):
                    pass
                self.connect(connect_timeout=5).close()
                return
            except (OSError, pymysql.err.MySQLError) as e:
                last_error = e
                time.sleep(0.05)
        raise ServerError(f"{self.name} not ready on port {self.port} after {timeout:.0f}s "
                          f"(last error: {last_error!r})\n{self.logs()}")

    def stop(self, timeout: float = STOP_TIMEOUT) -> Optional[int]:
        """SIGTERM, wait up to `timeout`, then SIGKILL. Returns the exit code (None if not running)."""
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout)
                raise ServerError(f"{self.name} ignored SIGTERM for {timeout:.0f}s; killed\n"
                                  f"{self.logs()}")
        return self.proc.returncode

    def kill(self) -> None:
        """SIGKILL (a crash, as far as the server can tell) and reap."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(STOP_TIMEOUT)

    def restart(self, timeout: float = START_TIMEOUT) -> "Server":
        self.stop()
        return self.start(timeout)

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def responsive(self, timeout: float = 10) -> bool:
        """True if a new connection can log in and run SELECT 1 within `timeout` seconds."""
        try:
            conn = self.connect(connect_timeout=timeout, read_timeout=timeout, write_timeout=timeout)
            try:
                with conn.cursor() as cur:
                    cur.execute("SELECT 1")
                    return cur.fetchone() == (1,)
            finally:
                conn.close()
        except (OSError, pymysql.err.MySQLError):
            return False

    @property
    def pid(self) -> Optional[int]:
        return None if self.proc is None else self.proc.pid

    # --- clients ----------------------------------------------------------------------
    def connect(self, **kwargs) -> pymysql.connections.Connection:
        """A PyMySQL connection as root with empty password; kwargs override defaults."""
        args = dict(host=self.host, port=self.port, user="root", password="", charset="utf8mb4",
                    connect_timeout=10, read_timeout=300, write_timeout=300)
        args.update(kwargs)
        return pymysql.connect(**args)

    def recreate_database(self, name: str, drop_only: bool = False) -> None:
        """DROP DATABASE IF EXISTS `name`, then CREATE DATABASE `name` (unless drop_only)."""
        conn = self.connect(autocommit=True)
        try:
            with conn.cursor() as cur:
                cur.execute(f"DROP DATABASE IF EXISTS `{name}`")
                if not drop_only:
                    cur.execute(f"CREATE DATABASE `{name}`")
        finally:
            conn.close()

    def client_args(self) -> list[str]:
        """Arguments for the `mariadb` command-line client (no my.cnf, TCP, root)."""
        return ["mariadb", "--no-defaults", f"-h{self.host}", f"-P{self.port}", "-uroot",
                "--default-character-set=utf8mb4"]

    def logs(self, max_lines: int = 60) -> str:
        parts = []
        for p in dict.fromkeys([self.error_log, self.stdout_log]):
            if p.exists():
                parts.append(f"--- {self.name}: {p} (last {max_lines} lines) ---\n{tail(p, max_lines)}")
        return "\n".join(parts) or f"--- {self.name}: no log files ---"

    def __enter__(self) -> "Server":
        return self.start() if not self.alive() else self

    def __exit__(self, *exc) -> None:
        try:
            self.stop()
        finally:
            self.kill()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name} port={self.port} pid={self.pid}>"


class RelaydbServer(Server):
    """relaydb with a datadir of its own (initialized by relaydb itself on first start)."""

    kind = "relaydb"

    def __init__(self, basedir: Path, port: Optional[int] = None, server_id: int = 1,
                 extra_args: Sequence[str] = (), name: Optional[str] = None,
                 binary: Optional[Path] = None):
        super().__init__(basedir, port, server_id, extra_args, name)
        self.binary = Path(binary) if binary else relaydb_bin()
        self.datadir = self.basedir / "data"
        self.socket = self.basedir / "relaydb.sock"

    @property
    def error_log(self) -> Path:
        return self.basedir / "relaydb.err"

    def prepare(self) -> None:
        self.datadir.mkdir(parents=True, exist_ok=True)  # empty: relaydb initializes it

    def command(self) -> list[str]:
        return [str(self.binary), f"--datadir={self.datadir}", f"--port={self.port}",
                "--bind-address=127.0.0.1", f"--server-id={self.server_id}",
                f"--log-error={self.error_log}", f"--socket={self.socket}", *self.extra_args]


def _mariadb_version() -> str:
    out = subprocess.run([MARIADBD, "--version"], capture_output=True, text=True, check=True)
    return out.stdout.strip()


def template_datadir() -> Path:
    """A MariaDB datadir fresh from mariadb-install-db, made once and cached.

    The cache lives under $RELAYDB_TEST_CACHE (default: <tmp>/relaydb-test-cache-<uid>) and
    is keyed by the mariadbd version. It is built in a temporary directory and renamed
    into place, so concurrent test processes never see a half-made template.
    """
    root = Path(os.environ.get("RELAYDB_TEST_CACHE")
                or Path(tempfile.gettempdir()) / f"relaydb-test-cache-{os.getuid()}")
    key = hashlib.sha1(_mariadb_version().encode()).hexdigest()[:12]
    template = root / f"mariadb-datadir-{key}"
    if (template / "mysql").is_dir():
        return template
    root.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="mariadb-template-", dir=root))
    log = work / "install-db.log"
    cmd = [MARIADB_INSTALL_DB, "--no-defaults", "--auth-root-authentication-method=normal",
           "--skip-test-db", f"--datadir={work / 'data'}", *MARIADB_BASE_OPTIONS]
    if os.getuid() == 0:
        cmd.append("--user=root")
    with open(log, "wb") as out:
        rc = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT).returncode
    if rc != 0:
        raise ServerError(f"{' '.join(cmd)} failed (rc={rc})\n{tail(log)}")
    try:
        os.rename(work / "data", template)
    except OSError:
        if not (template / "mysql").is_dir():  # lost a race to another process: fine
            raise
    shutil.rmtree(work, ignore_errors=True)
    return template


class MariadbServer(Server):
    """mariadbd with --no-defaults, binlog on, a datadir copied from the cached template."""

    kind = "mariadb"

    def __init__(self, basedir: Path, port: Optional[int] = None, server_id: int = 1,
                 extra_args: Sequence[str] = (), name: Optional[str] = None,
                 log_bin: bool = True):
        super().__init__(basedir, port, server_id, extra_args, name)
        self.datadir = self.basedir / "data"
        self.socket = self.basedir / "mariadb.sock"
        self.log_bin = log_bin

    @property
    def error_log(self) -> Path:
        return self.basedir / "mariadb.err"

    def prepare(self) -> None:
        if not (self.datadir / "mysql").is_dir():
            shutil.copytree(template_datadir(), self.datadir, symlinks=True)
        if self.log_bin:
            (self.basedir / "binlog").mkdir(exist_ok=True)

    def command(self) -> list[str]:
        cmd = [MARIADBD, "--no-defaults", f"--datadir={self.datadir}", f"--socket={self.socket}",
               f"--port={self.port}", "--bind-address=127.0.0.1", f"--server-id={self.server_id}",
               f"--log-error={self.error_log}", f"--pid-file={self.basedir / 'mariadb.pid'}",
               *MARIADB_BASE_OPTIONS]
        if self.log_bin:
            cmd.append(f"--log-bin={self.basedir / 'binlog' / 'mariadb-bin'}")
        if os.getuid() == 0:
            cmd.append("--user=root")
        return cmd + self.extra_args


def subject_server(basedir: Path, port: Optional[int] = None, server_id: int = 1,
                   extra_args: Sequence[str] = (), name: str = "relaydb") -> Server:
    """The server under test: relaydb, or a MariaDB stand-in in self-check mode.

    `extra_args` are relaydb options; in self-check mode they are passed to mariadbd,
    so only options both servers understand belong here.
    """
    if against_mariadb():
        return MariadbServer(basedir, port, server_id, extra_args, name=f"{name}(mariadb)")
    return RelaydbServer(basedir, port, server_id, extra_args, name=name)
