"""Real clients against relaydb, each compared with what the same client gets from MariaDB.

* the `mariadb` command-line client: -e, batch input on stdin (with \\G and an error),
  and an interactive session driven through a pseudo-terminal;
* PyMySQL: autocommit and transactions seen from a second connection, executemany, a
  20 MB blob across the 16 MiB packet boundary, binary data, Unicode, login errors;
* the MariaDB C connector: tests/clients/capi_smoke.c (text and server-side prepared
  statements), built by CMake (CAPI_SMOKE_BIN) or compiled here with cc + pkg-config.
"""

from __future__ import annotations

import hashlib
import os
import pty
import re
import select
import shutil
import subprocess
import termios
import time
from pathlib import Path

import pymysql
import pytest

pytestmark = pytest.mark.clients

TESTS_DIR = Path(__file__).resolve().parents[1]
DB = "db_clients"


@pytest.fixture
def sides(relaydb, mariadb):
    """[("relaydb", server), ("mariadb", server)], each with a fresh database DB."""
    pairs = [("relaydb", relaydb), ("mariadb", mariadb)]
    for _, server in pairs:
        server.recreate_database(DB)
    yield pairs
    for _, server in pairs:
        if server.alive():
            server.recreate_database(DB, drop_only=True)


def on_both(sides, fn):
    """{side: fn(server)}; asserts both sides gave the same answer, returns it."""
    results = {side: fn(server) for side, server in sides}
    assert results["relaydb"] == results["mariadb"], \
        f"relaydb and MariaDB differ:\n relaydb: {results['relaydb']!r}\n mariadb: {results['mariadb']!r}"
    return results["mariadb"]


# --- the mariadb command-line client --------------------------------------------------

SETUP_SQL = (f"CREATE TABLE {DB}.t (id INT PRIMARY KEY, name VARCHAR(20), price DECIMAL(6,2), "
             f"born DATE); INSERT INTO {DB}.t VALUES (1, 'ann', 9.50, '1990-01-02'), "
             f"(2, 'bob', NULL, NULL), (3, 'Zoë', 100.00, '2000-02-29')")


def run_cli(server, *args, stdin=None):
    proc = subprocess.run(server.client_args() + list(args), input=stdin, capture_output=True,
                          text=True, timeout=60)
    return proc.returncode, proc.stdout, proc.stderr


def test_cli_execute(sides):
    on_both(sides, lambda s: run_cli(s, "-e", SETUP_SQL))
    out = on_both(sides, lambda s: run_cli(
        s, DB, "-e", "SELECT * FROM t ORDER BY id; SELECT COUNT(*) AS n, SUM(price) FROM t"))
    assert out[0] == 0 and "Zoë\t100.00\t2000-02-29" in out[1], out
    table = on_both(sides, lambda s: run_cli(s, DB, "-t", "-e", "SELECT id, name FROM t ORDER BY id"))
    assert "| id | name |" in table[1], table
    on_both(sides, lambda s: run_cli(s, DB, "-N", "-B", "-e", "SELECT name FROM t WHERE id < 3 ORDER BY id"))
    err = on_both(sides, lambda s: run_cli(s, DB, "-e", "SELECT nope FROM t"))
    assert err[0] == 1 and "ERROR 1054 (42S22) at line 1: Unknown column 'nope'" in err[2], err


def test_cli_batch_from_stdin(sides):
    on_both(sides, lambda s: run_cli(s, "-e", SETUP_SQL))
    script = ("SELECT id, name FROM t ORDER BY id;\n"
              "SELECT * FROM t WHERE id = 3\\G\n"
              "SELECT 1 + 1 AS two, 'x' AS x;\n"
              "UPDATE t SET price = price * 2 WHERE id = 1;\n"
              "SELECT price FROM t WHERE id = 1;\n"
              "SELECT * FROM missing;\n"
              "SELECT 'not reached';\n")
    out = on_both(sides, lambda s: run_cli(s, DB, stdin=script))
    rc, stdout, stderr = out
    assert rc == 1, out
    assert "*************************** 1. row ***************************" in stdout, out
    assert "19.00" in stdout and "not reached" not in stdout, out
    assert f"ERROR 1146 (42S02) at line 6: Table '{DB}.missing' doesn't exist" in stderr, out
    forced = on_both(sides, lambda s: run_cli(s, DB, "--force", "-t", stdin=script))
    assert "not reached" in forced[1] and "ERROR 1146" in forced[2], forced


class Pty:
    """A child process on a pseudo-terminal, read with deadlines (an `expect` in miniature)."""

    def __init__(self, argv):
        self.master, slave = pty.openpty()
        # No kernel echo: input typed before the client switches the terminal to raw mode
        # would otherwise be echoed twice, depending on timing.
        attrs = termios.tcgetattr(slave)
        attrs[3] &= ~termios.ECHO
        termios.tcsetattr(slave, termios.TCSANOW, attrs)
        self.proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave,
                                     start_new_session=True, env={**os.environ, "TERM": "dumb"})
        os.close(slave)
        self.buf = b""

    def expect(self, pattern: str, timeout: float = 20) -> str:
        """Reads until `pattern` (a regex) matches; returns everything up to the match end."""
        rx = re.compile(pattern.encode(), re.S)
        deadline = time.monotonic() + timeout
        while True:
            m = rx.search(self.buf)
            if m:
                text, self.buf = self.buf[:m.end()], self.buf[m.end():]
                return text.decode("utf-8", "replace")
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"timed out waiting for {pattern!r}; got {self.buf!r}")
            ready, _, _ = select.select([self.master], [], [], left)
            if ready:
                try:
                    chunk = os.read(self.master, 4096)
                except OSError:  # EIO: the child closed the terminal
                    chunk = b""
                if not chunk:
                    raise AssertionError(f"EOF waiting for {pattern!r}; got {self.buf!r}")
                self.buf += chunk

    def send(self, line: str) -> None:
        os.write(self.master, line.encode() + b"\r")

    def close(self) -> int:
        try:
            rc = self.proc.wait(20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            rc = self.proc.wait(20)
        os.close(self.master)
        return rc


def interactive_session(server) -> str:
    """A typical interactive session; returns its transcript with run-specific parts masked."""
    term = Pty(server.client_args())
    try:
        parts = [term.expect(r"MariaDB \[\(none\)\]> ")]
        term.send("SELECT 1 + 1 AS two, 'ok' AS status;")
        parts.append(term.expect(r"MariaDB \[\(none\)\]> "))
        term.send(f"USE {DB}")
        parts.append(term.expect(rf"MariaDB \[{DB}\]> "))
        term.send("CREATE TABLE t (a INT); INSERT INTO t VALUES (1), (2);")
        parts.append(term.expect(rf"Records: 2.*?MariaDB \[{DB}\]> "))
        term.send("SELECT a FROM t ORDER BY a\\G")
        parts.append(term.expect(rf"MariaDB \[{DB}\]> "))
        term.send("SELECT nope;")
        parts.append(term.expect(rf"MariaDB \[{DB}\]> "))
        term.send("quit")
        parts.append(term.expect(r"Bye"))
    finally:
        rc = term.close()
    transcript = "".join(parts).replace("\r\n", "\n")
    transcript = re.sub(r"connection id is \d+", "connection id is N", transcript)
    transcript = re.sub(r"Server version: .*", "Server version: V", transcript)
    transcript = re.sub(r"\(\d+\.\d+ sec\)", "(T sec)", transcript)
    assert rc == 0, transcript
    return transcript


def test_cli_interactive_session_on_a_pty(sides):
    transcript = on_both(sides, interactive_session)
    assert "Welcome to the MariaDB monitor" in transcript
    assert re.search(r"\| two \| status \|\n\+-+\+-+\+\n\|\s+2 \| ok\s+\|", transcript), transcript
    assert "1 row in set (T sec)" in transcript
    assert "Database changed" in transcript
    assert "Query OK, 2 rows affected (T sec)\nRecords: 2  Duplicates: 0  Warnings: 0" in transcript
    assert "a: 2" in transcript
    assert "ERROR 1054 (42S22): Unknown column 'nope' in 'SELECT'" in transcript


# --- PyMySQL --------------------------------------------------------------------------

def test_pymysql_autocommit_and_transactions(sides):
    def scenario(server):
        seen = []
        a = server.connect(database=DB, autocommit=True)
        b = server.connect(database=DB, autocommit=True)
        ca, cb = a.cursor(), b.cursor()
        ca.execute("CREATE TABLE acct (id INT PRIMARY KEY, bal INT)")
        ca.execute("INSERT INTO acct VALUES (1, 100)")
        cb.execute("SELECT bal FROM acct")
        seen.append(("autocommit visible", cb.fetchall()))
        a.autocommit(False)
        ca.execute("UPDATE acct SET bal = 50 WHERE id = 1")
        cb.execute("SELECT bal FROM acct")
        seen.append(("uncommitted hidden", cb.fetchall()))
        a.rollback()
        ca.execute("SELECT bal FROM acct")
        seen.append(("rolled back", ca.fetchall()))
        a.begin()
        ca.execute("INSERT INTO acct VALUES (2, 7)")
        a.commit()
        cb.execute("SELECT id, bal FROM acct ORDER BY id")
        seen.append(("committed", cb.fetchall()))
        seen.append(("affected", ca.execute("UPDATE acct SET bal = bal + 1")))
        a.commit()
        a.close()
        b.close()
        return seen

    seen = on_both(sides, scenario)
    assert dict(seen) == {"autocommit visible": ((100,),), "uncommitted hidden": ((100,),),
                          "rolled back": ((100,),), "committed": ((1, 100), (2, 7)), "affected": 2}


def test_pymysql_executemany(sides):
    def scenario(server):
        conn = server.connect(database=DB, autocommit=True)
        cur = conn.cursor()
        cur.execute("CREATE TABLE em (id INT PRIMARY KEY, s VARCHAR(10), d DECIMAL(5,2))")
        rows = [(i, f"s{i}", i / 4) for i in range(1, 501)]
        n1 = cur.executemany("INSERT INTO em (id, s, d) VALUES (%s, %s, %s)", rows)  # one multi-row INSERT
        n2 = cur.executemany("UPDATE em SET s = %s WHERE id = %s", [("x", 1), ("y", 2), ("z", 999)])
        cur.execute("SELECT COUNT(*), SUM(d), MIN(s), MAX(s) FROM em")
        agg = cur.fetchall()
        conn.close()
        return n1, n2, agg

    n1, n2, agg = on_both(sides, scenario)
    assert (n1, n2) == (500, 2) and str(agg[0][1]) == "31312.50", (n1, n2, agg)


def test_pymysql_20mb_blob_crosses_the_16mib_packet_boundary(sides):
    blob = bytes(range(256)) * (20 * 1024 * 1024 // 256) + b"tail"
    digest = hashlib.sha1(blob).hexdigest()

    def scenario(server):
        admin = server.connect(autocommit=True)
        acur = admin.cursor()
        acur.execute("SELECT @@global.max_allowed_packet")
        old = acur.fetchone()[0]
        acur.execute("SET GLOBAL max_allowed_packet = 64 * 1024 * 1024")
        try:
            conn = server.connect(database=DB, autocommit=True, max_allowed_packet=64 * 1024 * 1024)
            cur = conn.cursor()
            cur.execute("CREATE TABLE big (id INT PRIMARY KEY, b LONGBLOB)")
            cur.execute("INSERT INTO big VALUES (1, %s)", (blob,))  # a >16 MiB COM_QUERY
            cur.execute("SELECT LENGTH(b), SHA1(b) FROM big WHERE id = 1")
            server_side = cur.fetchone()
            cur.execute("SELECT b FROM big WHERE id = 1")  # a >16 MiB row packet
            back = cur.fetchone()[0]
            cur.execute("SELECT LENGTH(%s)", (blob[:17 * 1024 * 1024],))
            echoed = cur.fetchone()
            conn.close()
        finally:
            acur.execute(f"SET GLOBAL max_allowed_packet = {old}")
            admin.close()
        return server_side, hashlib.sha1(back).hexdigest(), len(back), echoed

    assert on_both(sides, scenario) == ((len(blob), digest), digest, len(blob), (17 * 1024 * 1024,))


def test_pymysql_binary_and_unicode_round_trip(sides):
    binary = bytes(range(256)) + b"\x00'\"\\\x1a%_"
    texts = ["plain", "Zoë Ünïcödé", "日本語テキスト", "emoji 🐬🚀", "e\u0301 combining", "quote ' \" \\ %",
             "", " trailing  "]

    def scenario(server):
        conn = server.connect(database=DB, autocommit=True)
        cur = conn.cursor()
        cur.execute("CREATE TABLE bu (id INT PRIMARY KEY, vb VARBINARY(300), bl BLOB, "
                    "vc VARCHAR(40), tx TEXT)")
        cur.execute("INSERT INTO bu VALUES (0, %s, %s, NULL, NULL)", (binary, binary))
        for i, t in enumerate(texts, 1):
            cur.execute("INSERT INTO bu VALUES (%s, NULL, NULL, %s, %s)", (i, t, t))
        cur.execute("SELECT vb, bl, LENGTH(vb), HEX(bl) = HEX(vb) FROM bu WHERE id = 0")
        bin_row = cur.fetchone()
        cur.execute("SELECT id, vc, tx, LENGTH(vc), CHAR_LENGTH(vc) FROM bu WHERE id > 0 ORDER BY id")
        text_rows = cur.fetchall()
        cur.execute("SELECT id FROM bu WHERE vc = %s", ("ZOË ÜNÏCÖDÉ",))
        ci = cur.fetchall()
        conn.close()
        return bin_row, text_rows, ci

    bin_row, text_rows, ci = on_both(sides, scenario)
    assert bin_row == (binary, binary, len(binary), 1)
    assert [r[1] for r in text_rows] == texts and [r[2] for r in text_rows] == texts
    assert [r[4] for r in text_rows] == [len(t) for t in texts]
    assert [r[3] for r in text_rows] == [len(t.encode()) for t in texts]
    assert ci == ((2,),)


def login_error(server, **kwargs):
    try:
        server.connect(**kwargs).close()
    except pymysql.err.OperationalError as e:
        return e.args
    return None


def test_wrong_password_is_refused_with_1045(sides):
    err = on_both(sides, lambda s: login_error(s, password="wrong"))
    assert err == (1045, "Access denied for user 'root'@'localhost' (using password: YES)")
    err = on_both(sides, lambda s: login_error(s, user="nobody", password=""))
    assert err == (1045, "Access denied for user 'nobody'@'localhost' (using password: NO)")


def test_unknown_database_is_refused_with_1049(sides):
    err = on_both(sides, lambda s: login_error(s, database="no_such_db"))
    assert err == (1049, "Unknown database 'no_such_db'")


def test_server_still_serves_after_login_errors(sides):
    for _, server in sides:
        for _ in range(3):
            login_error(server, password="bad")
        conn = server.connect()
        with conn.cursor() as cur:
            cur.execute("SELECT 1")
            assert cur.fetchone() == (1,)
        conn.close()


# --- the MariaDB C connector ----------------------------------------------------------

@pytest.fixture(scope="session")
def capi_smoke(tmp_path_factory) -> Path:
    """The capi_smoke binary: $CAPI_SMOKE_BIN (CMake builds it), else compiled here."""
    if os.environ.get("CAPI_SMOKE_BIN"):
        return Path(os.environ["CAPI_SMOKE_BIN"])
    cc = shutil.which("cc") or shutil.which("gcc")
    assert cc, "no C compiler (install build-essential)"
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "libmariadb"], capture_output=True,
                           text=True)
    assert flags.returncode == 0, f"pkg-config libmariadb failed (install libmariadb-dev): {flags.stderr}"
    out = tmp_path_factory.mktemp("capi") / "capi_smoke"
    src = TESTS_DIR / "clients" / "capi_smoke.c"
    build = subprocess.run([cc, "-std=c11", "-Wall", "-Wextra", "-Werror", "-o", str(out), str(src),
                            *flags.stdout.split()], capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    return out


def test_c_api_text_and_prepared_statements(sides, capi_smoke):
    def run(server):
        proc = subprocess.run([str(capi_smoke), server.host, str(server.port), DB],
                              capture_output=True, text=True, timeout=60)
        return proc.returncode, proc.stdout, proc.stderr

    rc, out, err = on_both(sides, run)
    assert rc == 0, out + err
    for expected in ("prepared insert: param_count=6 affected=1",
                     "stmt row: id=2 i=-7 d=2.5 s='two' blob=4 bytes dt=2024-02-29 13:14:15",
                     "stmt null row: id=3 i=NULL d=NULL s=NULL blob=NULL dt=NULL",
                     "stmt error: 1062 23000",
                     "done"):
        assert expected in out, out
