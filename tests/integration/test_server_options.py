"""Start-up options and system variables, relaydb against mariadbd where both apply.

* --defaults-file with [mysqld] and [relaydb] groups (port, datadir, max_connections,
  sql_mode, ...), other groups ignored, later lines winning, !include; the command line
  overriding the file; --print-defaults printing what mariadbd prints for the same file.
* Bad options: an unknown option / variable / value fails with exit code 1 and mariadbd's
  message; --loose-X only warns.
* SET GLOBAL of a dynamic variable: visible to new sessions (their session values start
  from it), not to the session values of existing ones; read-only / scope / value errors
  as MariaDB words them.
* max_connections=2: the 3rd connection of an ordinary user gets 1040 "Too many
  connections"; raising it with SET GLOBAL lets the next one in.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from pathlib import Path

import pymysql
import pytest

from servers import (MARIADBD, RelaydbServer, against_mariadb, free_port, relaydb_bin,
                     template_datadir)


def relaydb_bug(reason: str):
    """A known relaydb bug: the test must fail on relaydb (strict), and pass in self-check."""
    return pytest.mark.xfail(not against_mariadb(), strict=True, raises=AssertionError,
                             reason=f"relaydb bug: {reason}")


relaydb_only = pytest.mark.skipif(against_mariadb(), reason="relaydb's own option handling")


def run(conn, sql, args=None):
    with conn.cursor() as cur:
        cur.execute(sql, args)
        return cur.fetchall()


def error_of(fn):
    try:
        fn()
    except pymysql.err.MySQLError as e:
        return tuple(e.args[:2])
    return None


class ArgsRelaydb(RelaydbServer):
    """relaydb started with exactly `args` (option files must come first on the command
    line, which RelaydbServer.command() does not allow); stopped by PID like the others."""

    def __init__(self, basedir: Path, port: int, args: list[str]):
        super().__init__(basedir, port=port, name="relaydb-args")
        self.args = args

    def command(self) -> list[str]:
        return [str(self.binary), *self.args]


@pytest.fixture
def started():
    servers: list[ArgsRelaydb] = []

    def start(basedir: Path, port: int, args: list[str]) -> ArgsRelaydb:
        server = ArgsRelaydb(basedir, port, args)
        servers.append(server)
        return server.start()

    yield start
    for server in servers:
        try:
            server.stop()
        finally:
            server.kill()


def write_cnf(path: Path, text: str) -> Path:
    path.write_text(text)
    return path


def base_lines(tmp_path: Path) -> str:
    """What every server started from a file needs: loopback, own socket and log."""
    return (f"bind-address=127.0.0.1\nsocket={tmp_path / 'relaydb.sock'}\n"
            f"log-error={tmp_path / 'relaydb.err'}\n")


def variables(server, *names) -> dict:
    conn = server.connect(autocommit=True)
    try:
        return {n: run(conn, f"SELECT @@{n}")[0][0] for n in names}
    finally:
        conn.close()


# --- option files ------------------------------------------------------------------------

@relaydb_only
def test_defaults_file_mysqld_and_relaydb_groups(tmp_path, started):
    port = free_port()
    (tmp_path / "conf.d").mkdir()
    write_cnf(tmp_path / "conf.d" / "10-extra.cnf", "[mysqld]\nwait_timeout = 1234\n")
    cnf = write_cnf(tmp_path / "my.cnf", f"""
# relaydb reads [mysqld], [server] and [relaydb]
[client]
port = 1
user = nobody

[mysqld]
port = {port}
datadir = {tmp_path / 'data'}
{base_lines(tmp_path)}max_connections = 17
sql_mode = "ANSI_QUOTES,STRICT_ALL_TABLES"   # a comment after a value
innodb_lock_wait_timeout = 3
skip-name-resolve

[mariadb]
max_connections = 99

[relaydb]
max_connections = 19

[server]
net_read_timeout = 45

[some_tool]
no-such-option = 1

!includedir {tmp_path / 'conf.d'}
""")
    server = started(tmp_path, port, [f"--defaults-file={cnf}"])
    got = variables(server, "port", "datadir", "max_connections", "global.sql_mode", "sql_mode",
                    "innodb_lock_wait_timeout", "skip_name_resolve", "net_read_timeout",
                    "global.wait_timeout")
    assert got == {"port": port, "datadir": f"{tmp_path / 'data'}/", "max_connections": 19,
                   "global.sql_mode": "ANSI_QUOTES,STRICT_ALL_TABLES",
                   "sql_mode": "ANSI_QUOTES,STRICT_ALL_TABLES", "innodb_lock_wait_timeout": 3,
                   "skip_name_resolve": 1, "net_read_timeout": 45, "global.wait_timeout": 1234}, got
    assert (tmp_path / "data" / "relaydb.db").exists()
    # ANSI_QUOTES from the file is in force in a new session.
    conn = server.connect(autocommit=True)
    assert error_of(lambda: run(conn, 'SELECT "not_a_column"'))[0] == 1054
    conn.close()


@relaydb_only
def test_command_line_overrides_the_file(tmp_path, started):
    port = free_port()
    cnf = write_cnf(tmp_path / "my.cnf", f"""[mysqld]
port = 1
datadir = {tmp_path / 'nowhere'}
{base_lines(tmp_path)}max_connections = 7
sql_mode = ANSI_QUOTES
[relaydb]
innodb_lock_wait_timeout = 3
""")
    server = started(tmp_path, port, [f"--defaults-file={cnf}", f"--port={port}",
                                      f"--datadir={tmp_path / 'data'}", "--max-connections=11",
                                      "--sql-mode=NO_ZERO_DATE", "--innodb-lock-wait-timeout=4"])
    assert variables(server, "port", "datadir", "max_connections", "sql_mode",
                     "innodb_lock_wait_timeout") == \
        {"port": port, "datadir": f"{tmp_path / 'data'}/", "max_connections": 11,
         "sql_mode": "NO_ZERO_DATE", "innodb_lock_wait_timeout": 4}
    assert not (tmp_path / "nowhere").exists()


@relaydb_only
def test_later_lines_win_and_include(tmp_path, started):
    port = free_port()
    inc = write_cnf(tmp_path / "inc.cnf", "[mysqld]\nmax_connections = 21\n")
    cnf = write_cnf(tmp_path / "my.cnf", f"""[mysqld]
port = {port}
datadir = {tmp_path / 'data'}
{base_lines(tmp_path)}max_connections = 5
!include {inc}
!include {tmp_path / 'missing.cnf'}
[relaydb]
sql-mode = TRADITIONAL
[mysqld]
sql_mode = ''
""")
    server = started(tmp_path, port, [f"--defaults-file={cnf}"])
    assert variables(server, "max_connections", "sql_mode") == {"max_connections": 21, "sql_mode": ""}


def test_print_defaults_matches_mariadbd(tmp_path):
    cnf = write_cnf(tmp_path / "my.cnf", """[client]
port = 1
[mysqld]
port = 3399
max_connections=7
sql_mode="ANSI_QUOTES,STRICT_ALL_TABLES"
# comment
skip-name-resolve
loose-some-plugin-option = on
[server]
character-set-server = utf8mb4
[other]
bogus=1
""")
    outputs = {}
    for name, binary in (("relaydb", str(relaydb_bin()) if not against_mariadb() else MARIADBD),
                         ("mariadbd", MARIADBD)):
        proc = subprocess.run([binary, f"--defaults-file={cnf}", "--print-defaults"],
                              capture_output=True, text=True, timeout=30)
        assert proc.returncode == 0, proc
        outputs[name] = proc.stdout.replace(Path(binary).name, "<prog>")
    assert outputs["relaydb"] == outputs["mariadbd"], outputs
    assert "--port=3399 --max_connections=7" in outputs["relaydb"]


@relaydb_bug("--print-defaults also prints the command-line options that follow it; mariadbd "
             "prints only what the option files give")
def test_print_defaults_ignores_the_rest_of_the_command_line(tmp_path):
    cnf = write_cnf(tmp_path / "my.cnf", "[mysqld]\nport = 3399\n")
    outputs = {}
    for name, binary in (("relaydb", str(relaydb_bin()) if not against_mariadb() else MARIADBD),
                         ("mariadbd", MARIADBD)):
        proc = subprocess.run([binary, f"--defaults-file={cnf}", "--print-defaults", "--port=4000"],
                              capture_output=True, text=True, timeout=30)
        outputs[name] = (proc.returncode, proc.stdout.replace(Path(binary).name, "<prog>"))
    assert outputs["relaydb"] == outputs["mariadbd"], outputs


# --- bad options -------------------------------------------------------------------------

def _first_error(text: str) -> str:
    """The first [ERROR] message of a log, without the timestamp prefix and program name."""
    for line in text.splitlines():
        m = re.search(r"\[ERROR\] (?:Buffered error: )?(.*)", line)
        if m:
            return re.sub(r"^(relaydb|mariadbd): ", "<prog>: ", m.group(1))
    return ""


BAD_OPTIONS = [["--no-such-option"], ["--no-such-variable=1"], ["--max-connections=abc"],
               ["--sql-mode=BOGUS"], ["--port"]]


@relaydb_only
@pytest.mark.parametrize("bad", BAD_OPTIONS, ids=lambda a: a[0].lstrip("-"))
def test_bad_option_fails_with_exit_code_1(tmp_path, bad):
    port = free_port()
    args = ["--no-defaults", f"--datadir={tmp_path / 'data'}", f"--port={port}",
            "--bind-address=127.0.0.1", f"--socket={tmp_path / 's.sock'}"]
    proc = subprocess.run([str(relaydb_bin()), *args, *bad], capture_output=True, text=True,
                          timeout=30, stdin=subprocess.DEVNULL)
    assert proc.returncode == 1, proc
    relaydb_error = _first_error(proc.stdout + proc.stderr)
    assert relaydb_error, proc

    # mariadbd says the same (its exit code for these differs: 2 or 7, not compared).
    mdir = tmp_path / "mariadb"
    shutil.copytree(template_datadir(), mdir, symlinks=True)
    mproc = subprocess.run([MARIADBD, "--no-defaults", f"--datadir={mdir}", f"--port={port}",
                            "--bind-address=127.0.0.1", f"--socket={tmp_path / 'm.sock'}",
                            "--skip-networking", *(["--user=root"] if _is_root() else []), *bad],
                           capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert mproc.returncode != 0, mproc
    assert relaydb_error == _first_error(mproc.stdout + mproc.stderr)


def _is_root() -> bool:
    import os
    return os.getuid() == 0


@relaydb_only
def test_unknown_option_in_the_file_fails(tmp_path):
    cnf = write_cnf(tmp_path / "my.cnf", f"[mysqld]\ndatadir={tmp_path / 'data'}\nport=0\n"
                                         "no-such-option-in-file = 1\n")
    proc = subprocess.run([str(relaydb_bin()), f"--defaults-file={cnf}"], capture_output=True,
                          text=True, timeout=30, stdin=subprocess.DEVNULL)
    assert proc.returncode == 1, proc
    assert "unknown variable 'no-such-option-in-file=1'" in proc.stderr + proc.stdout, proc


def _loose_and_adjusted(tmp_path, started):
    port = free_port()
    server = started(tmp_path, port, ["--no-defaults", f"--datadir={tmp_path / 'data'}",
                                      f"--port={port}", "--bind-address=127.0.0.1",
                                      f"--socket={tmp_path / 's.sock'}",
                                      f"--log-error={tmp_path / 'relaydb.err'}",
                                      "--loose-no-such-plugin-option=5", "--max-connections=2"])
    return server, port


@relaydb_only
def test_loose_unknown_option_only_warns(tmp_path, started):
    server, port = _loose_and_adjusted(tmp_path, started)
    # Started anyway; max_connections below its minimum (10, as in MariaDB) is adjusted.
    assert variables(server, "port", "max_connections") == {"port": port, "max_connections": 10}
    out = server.stdout_log.read_text() + (tmp_path / "relaydb.err").read_text()
    assert "unknown variable 'loose-no-such-plugin-option=5'" in out, out


@relaydb_only
def test_option_warnings_reach_the_error_log(tmp_path, started):
    _loose_and_adjusted(tmp_path, started)
    log = (tmp_path / "relaydb.err").read_text()
    assert "[Warning] relaydb: unknown variable 'loose-no-such-plugin-option=5'" in log, log
    assert "option 'max_connections': unsigned value 2 adjusted to 10" in log, log


@relaydb_only
def test_missing_defaults_file_fails(tmp_path):
    proc = subprocess.run([str(relaydb_bin()), f"--defaults-file={tmp_path / 'none.cnf'}"],
                          capture_output=True, text=True, timeout=30, stdin=subprocess.DEVNULL)
    assert proc.returncode == 1, proc
    assert "none.cnf" in proc.stdout + proc.stderr, proc


def test_version_and_help_exit_zero():
    binary = MARIADBD if against_mariadb() else str(relaydb_bin())
    version = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=30)
    assert version.returncode == 0, version
    assert re.match(r"\S+\s+Ver 10\.11\.\d+-MariaDB\S* for \S+ on x86_64", version.stdout), version
    helped = subprocess.run([binary, "--help"], capture_output=True, text=True, timeout=30)
    assert helped.returncode == 0 and "Usage:" in helped.stdout, helped


# --- SET GLOBAL ----------------------------------------------------------------------------

GLOBAL_CHANGES = [("max_connections", 77), ("sql_mode", "ANSI_QUOTES"), ("wait_timeout", 3333),
                  ("innodb_lock_wait_timeout", 7), ("net_read_timeout", 44),
                  ("group_concat_max_len", 2048), ("div_precision_increment", 6),
                  ("max_allowed_packet", 8388608)]


@pytest.fixture
def sides(relaydb, mariadb):
    pairs = [("relaydb", relaydb), ("mariadb", mariadb)]
    saved = {}
    for name, server in pairs:
        conn = server.connect(autocommit=True)
        saved[name] = {v: run(conn, f"SELECT @@global.{v}")[0][0] for v, _ in GLOBAL_CHANGES}
        conn.close()
    yield pairs
    for name, server in pairs:
        if server.alive():
            conn = server.connect(autocommit=True)
            for v, value in saved[name].items():
                run(conn, f"SET GLOBAL {v} = %s", (value,))
            conn.close()


def on_both(sides, scenario):
    results = {name: scenario(server) for name, server in sides}
    assert results["relaydb"] == results["mariadb"], (
        f"relaydb and MariaDB differ:\n relaydb: {results['relaydb']!r}\n"
        f" mariadb: {results['mariadb']!r}")
    return results["mariadb"]


def test_set_global_is_seen_by_new_sessions_only(sides):
    def scenario(server):
        old = server.connect(autocommit=True)
        before = {v: run(old, f"SELECT @@session.{v}")[0][0] for v, _ in GLOBAL_CHANGES
                  if v != "max_connections"}
        for v, value in GLOBAL_CHANGES:
            run(old, f"SET GLOBAL {v} = %s", (value,))
        new = server.connect(autocommit=True)
        out = {}
        for v, value in GLOBAL_CHANGES:
            out[v] = (run(old, f"SELECT @@global.{v}")[0][0], run(new, f"SELECT @@{v}")[0][0])
        old_session = {v: run(old, f"SELECT @@session.{v}")[0][0] for v in before}
        assert old_session == before, (old_session, before)
        # The new session's sql_mode is in force: "x" is an identifier now.
        out["ansi"] = error_of(lambda: run(new, 'SELECT "x"'))[0]
        out["old not ansi"] = run(old, 'SELECT "x"')
        old.close()
        new.close()
        return out

    out = on_both(sides, scenario)
    for v, value in GLOBAL_CHANGES:
        assert out[v] == (value, value), (v, out[v])
    assert out["ansi"] == 1054 and out["old not ansi"] == (("x",),)


SET_ERRORS = ["SET GLOBAL port = 1", "SET SESSION max_connections = 5", "SET max_connections = 5",
              "SET GLOBAL timestamp = 5", "SET GLOBAL no_such_var = 1", "SET @@global.nope = 1",
              "SET GLOBAL sql_mode = 'BOGUS'", "SET GLOBAL max_connections = 'abc'",
              "SET GLOBAL autocommit = 2", "SELECT @@global.timestamp", "SELECT @@session.max_connections",
              "SELECT @@no_such_var", "SET GLOBAL max_connections = 0"]


def test_set_variable_errors_match_mariadb(sides):
    def scenario(server):
        conn = server.connect(autocommit=True)
        out = []
        for sql in SET_ERRORS:
            err = error_of(lambda: run(conn, sql))
            warnings = run(conn, "SHOW WARNINGS") if err is None else ()
            out.append((sql, err, warnings))
        conn.close()
        return out

    out = on_both(sides, scenario)
    errors = dict((sql, err) for sql, err, _ in out)
    assert errors["SET GLOBAL port = 1"] == (1238, "Variable 'port' is a read only variable")
    assert errors["SET SESSION max_connections = 5"] == \
        (1229, "Variable 'max_connections' is a GLOBAL variable and should be set with SET GLOBAL")
    assert errors["SET GLOBAL timestamp = 5"] == \
        (1228, "Variable 'timestamp' is a SESSION variable and can't be used with SET GLOBAL")
    assert errors["SET GLOBAL no_such_var = 1"] == (1193, "Unknown system variable 'no_such_var'")
    assert errors["SET GLOBAL sql_mode = 'BOGUS'"] == \
        (1231, "Variable 'sql_mode' can't be set to the value of 'BOGUS'")
    assert errors["SET GLOBAL max_connections = 'abc'"] == \
        (1232, "Incorrect argument type to variable 'max_connections'")


# --- max_connections ---------------------------------------------------------------------

def _fill_connections(server, user, password, limit=16):
    """Opens connections as `user` until one is refused; returns (opened, the refusal)."""
    conns, refusal = [], None
    for _ in range(limit):
        try:
            conns.append(server.connect(user=user, password=password, autocommit=True))
        except pymysql.err.MySQLError as e:
            refusal = tuple(e.args[:2])
            break
    return conns, refusal


def _connect_eventually(server, timeout=10, **kwargs):
    deadline = time.monotonic() + timeout
    while True:
        try:
            return server.connect(autocommit=True, **kwargs)
        except pymysql.err.MySQLError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def test_max_connections_refuses_one_too_many(server_factory):
    """--max-connections=2 is adjusted to MariaDB's minimum, 10: the 11th connection of an
    ordinary user gets 1040; one leaving lets another in; SET GLOBAL raises the limit."""
    def scenario(server):
        admin = server.connect(autocommit=True)
        limit = run(admin, "SELECT @@max_connections")[0][0]
        run(admin, "CREATE USER 'plain'@'%' IDENTIFIED BY 'pw'")
        admin.close()
        conns, refusal = _fill_connections(server, "plain", "pw")
        opened = len(conns)
        # A connection leaves: another can come in (the server notices the close shortly).
        conns.pop().close()
        conns.append(_connect_eventually(server, user="plain", password="pw"))
        # Raising the limit at run time lets one more in (root: MariaDB keeps it a slot).
        conns.pop().close()
        root = _connect_eventually(server)
        run(root, "SET GLOBAL max_connections = 12")
        more, refusal2 = _fill_connections(server, "plain", "pw")
        for c in conns + more + [root]:
            c.close()
        return limit, opened, refusal, len(more), refusal2

    pairs = [("relaydb", server_factory.relaydb(extra_args=["--max-connections=2"])),
             ("mariadb", server_factory.mariadb(extra_args=["--max-connections=2"], log_bin=False))]
    limit, opened, refusal, more, refusal2 = on_both(pairs, scenario)
    assert limit == 10 and opened == 10 and refusal == (1040, "Too many connections")
    assert more == 2 and refusal2 == (1040, "Too many connections")


def test_max_connections_keeps_one_for_super(server_factory):
    def scenario(server):
        admin = server.connect(autocommit=True)
        run(admin, "CREATE USER 'plain'@'%' IDENTIFIED BY 'pw'")
        admin.close()
        conns, refusal = _fill_connections(server, "plain", "pw")
        try:
            root = server.connect(autocommit=True)
            root_ok = run(root, "SELECT 1") == ((1,),)
            root.close()
        except pymysql.err.MySQLError as e:
            root_ok = tuple(e.args[:2])
        for c in conns:
            c.close()
        return len(conns), refusal, root_ok

    pairs = [("relaydb", server_factory.relaydb(extra_args=["--max-connections=2"])),
             ("mariadb", server_factory.mariadb(extra_args=["--max-connections=2"], log_bin=False))]
    assert on_both(pairs, scenario) == (10, (1040, "Too many connections"), True)
