"""relaydb-binlog (tools/relaydb_binlog, manual in docs/relaydb_binlog.md) against mariadb-binlog.

* Text output: for each binlog file, relaydb-binlog's output is compared with
  mariadb-binlog's for the same file and options, event by event ("# at N" blocks: position,
  header line with end_log_pos / server id / checksum / type, the SQL, the ### row pseudo-SQL).
  The files are tests/fixtures/binlog/mariadb-bin.* unless RELAYDB_BINLOG_COMPARE_FILES lists
  others (os.pathsep-separated paths or globs, e.g. relaydb's own binlogs), plus the binlogs of
  a live MariaDB written during the test.
* Filters: --start-position/--stop-position at every event boundary (and inside events),
  --start-datetime/--stop-datetime at every timestamp in the files, --database, --offset:
  same output and exit code as mariadb-binlog.
* Remote: a live MariaDB 10.11 (--log-bin, binlog_format=ROW): -R text output equals
  mariadb-binlog -R's; -R --raw (non-blocking, and --stop-never until terminated by PID) copies
  the server's binlog files event for event, byte for byte.
* --format=json: every line parses with json.loads; ops and values of a known workload.

Environment: RELAYDB_BINLOG_BIN (default build/tools/relaydb-binlog, or next to RELAYDB_BIN's
build tree), RELAYDB_BINLOG_COMPARE_FILES (see above), MARIADB_BINLOG (default mariadb-binlog).
"""

from __future__ import annotations

import difflib
import glob
import json
import os
import re
import shutil
import signal
import struct
import subprocess
import time
from pathlib import Path

import pytest

from servers import REPO_ROOT

FIXTURE_DIR = REPO_ROOT / "tests" / "fixtures" / "binlog"
MARIADB_BINLOG = os.environ.get("MARIADB_BINLOG", "mariadb-binlog")
TOOL_TIMEOUT = 60

# The three text modes compared: what the brief calls "-v --base64-output=decode-rows", the
# default output (BINLOG '...' blocks) with -v, and -vv (column types).
TEXT_MODES = [
    ["-v", "--base64-output=decode-rows"],
    ["-v"],
    ["-vv"],
]


# --- binaries and files ---------------------------------------------------------------------

def tool_binary() -> Path:
    env = os.environ.get("RELAYDB_BINLOG_BIN")
    candidates = [Path(env)] if env else []
    if os.environ.get("RELAYDB_BIN"):
        candidates.append(Path(os.environ["RELAYDB_BIN"]).resolve().parents[2] / "tools" /
                          "relaydb-binlog")
    candidates.append(REPO_ROOT / "build" / "tools" / "relaydb-binlog")
    for c in candidates:
        if c.is_file() and os.access(c, os.X_OK):
            return c
    pytest.fail(f"relaydb-binlog not found (tried {', '.join(map(str, candidates))}); "
                "build it with `make -C build relaydb-binlog` or set RELAYDB_BINLOG_BIN",
                pytrace=False)


def mariadb_binlog() -> str:
    path = shutil.which(MARIADB_BINLOG)
    if path is None:
        pytest.fail(f"{MARIADB_BINLOG} is not installed (it is the reference)", pytrace=False)
    return path


def compare_files() -> list[Path]:
    """The binlog files the comparison runs on: RELAYDB_BINLOG_COMPARE_FILES or the fixtures."""
    spec = os.environ.get("RELAYDB_BINLOG_COMPARE_FILES")
    if not spec:
        return sorted(FIXTURE_DIR.glob("mariadb-bin.[0-9]*"))
    files: list[Path] = []
    for item in spec.split(os.pathsep):
        matches = sorted(glob.glob(item))
        if not matches:
            pytest.fail(f"RELAYDB_BINLOG_COMPARE_FILES: nothing matches {item!r}", pytrace=False)
        files.extend(Path(m) for m in matches)
    return files


def run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, timeout=TOOL_TIMEOUT, **kwargs)


# --- comparing text output event by event ---------------------------------------------------

AT_RE = re.compile(rb"^# at (\d+)$")


def split_events(text: bytes) -> tuple[list[bytes], list[tuple[int, bytes]]]:
    """(lines before the first "# at", [(position, block)]): a block is the "# at N" line and
    everything up to the next one, including the header line (#<time> server id ...
    end_log_pos ... <type>), the SQL and the ### rows."""
    preamble: list[bytes] = []
    blocks: list[tuple[int, bytes]] = []
    for line in text.splitlines(keepends=True):
        m = AT_RE.match(line.rstrip(b"\n"))
        if m:
            blocks.append((int(m.group(1)), line))
        elif blocks:
            blocks[-1] = (blocks[-1][0], blocks[-1][1] + line)
        else:
            preamble.append(line)
    return preamble, blocks


def describe_diff(expected: bytes, got: bytes) -> str:
    diff = difflib.unified_diff(expected.decode(errors="replace").splitlines(),
                                got.decode(errors="replace").splitlines(),
                                "mariadb-binlog", "relaydb-binlog", lineterm="", n=2)
    return "\n".join(list(diff)[:60])


def assert_same_output(expected: bytes, got: bytes, what: str) -> None:
    """Event-by-event comparison; the message names the first event that differs."""
    e_pre, e_blocks = split_events(expected)
    g_pre, g_blocks = split_events(got)
    assert g_pre == e_pre, f"{what}: output header differs\n" + describe_diff(b"".join(e_pre),
                                                                              b"".join(g_pre))
    for (e_pos, e_block), (g_pos, g_block) in zip(e_blocks, g_blocks):
        assert g_pos == e_pos, (f"{what}: event at {e_pos} in mariadb-binlog's output, "
                                f"at {g_pos} in ours")
        assert g_block == e_block, (f"{what}: the event at {e_pos} differs\n" +
                                    describe_diff(e_block, g_block))
    assert len(g_blocks) == len(e_blocks), (
        f"{what}: mariadb-binlog printed {len(e_blocks)} events, relaydb-binlog {len(g_blocks)}")


def compare_with_mariadb(args: list[str], what: str, env=None, cwd=None) -> bytes:
    """Runs both tools with `args`; asserts same exit code (0/non-0) and same output."""
    expected = run([mariadb_binlog(), *args], env=env, cwd=cwd)
    got = run([str(tool_binary()), *args], env=env, cwd=cwd)
    assert (got.returncode == 0) == (expected.returncode == 0), (
        f"{what}: exit code {got.returncode}, mariadb-binlog {expected.returncode}\n"
        f"ours: {got.stderr.decode(errors='replace')}\n"
        f"mariadb-binlog: {expected.stderr.decode(errors='replace')}")
    assert_same_output(expected.stdout, got.stdout, what)
    return got.stdout


def event_positions(path: Path) -> list[int]:
    """Start positions of the events of a binlog file, read from its bytes."""
    data = path.read_bytes()
    pos, out = 4, []
    while pos + 19 <= len(data):
        size = struct.unpack_from("<I", data, pos + 9)[0]
        if size < 19 or pos + size > len(data):
            break
        out.append(pos)
        pos += size
    return out


def sample(positions: list[int], limit: int = 80) -> list[int]:
    """At most about `limit` of the positions, evenly spread (big binlogs stay quick)."""
    step = max(1, len(positions) // limit)
    return positions[::step]


def local_datetimes(text: bytes) -> list[str]:
    """The distinct event times printed in the header lines, as local datetimes."""
    seen = []
    for m in re.finditer(rb"^#(\d\d)(\d\d)(\d\d) +(\d+):(\d\d):(\d\d) server id", text, re.M):
        yy, mo, dd, hh, mi, ss = (int(x) for x in m.groups())
        s = f"{2000 + yy if yy < 70 else 1900 + yy:04d}-{mo:02d}-{dd:02d} {hh:02d}:{mi:02d}:{ss:02d}"
        if s not in seen:
            seen.append(s)
    return seen


# --- files: fixtures (or RELAYDB_BINLOG_COMPARE_FILES) -------------------------------------

@pytest.mark.parametrize("mode", TEXT_MODES, ids=lambda m: " ".join(m))
def test_each_file_prints_like_mariadb_binlog(mode):
    for f in compare_files():
        compare_with_mariadb([*mode, str(f)], f"{f.name} {' '.join(mode)}")


@pytest.mark.parametrize("mode", TEXT_MODES[:2], ids=lambda m: " ".join(m))
def test_all_files_in_one_run_print_like_mariadb_binlog(mode):
    files = [str(f) for f in compare_files()]
    compare_with_mariadb([*mode, *files], "all files " + " ".join(mode))


def test_start_and_stop_positions_match_mariadb_binlog():
    files = compare_files()
    for f in files:
        positions = sample(event_positions(f))
        size = f.stat().st_size
        for p in positions + [size, size + 100]:
            compare_with_mariadb(["-v", "--base64-output=decode-rows", f"--start-position={p}",
                                  str(f)], f"{f.name} --start-position={p}")
        for p in positions + [p + 1 for p in positions[::3]] + [size + 100]:
            compare_with_mariadb(["-v", f"--stop-position={p}", str(f)],
                                 f"{f.name} --stop-position={p}")
    if len(files) > 1:
        # --start-position applies to the first file, --stop-position to the last.
        first, last = event_positions(files[0]), event_positions(files[-1])
        args = [f"--start-position={first[len(first) // 2]}",
                f"--stop-position={last[len(last) // 2]}", *map(str, files)]
        compare_with_mariadb(["-v", *args], "several files with positions")


def test_datetimes_match_mariadb_binlog():
    files = [str(f) for f in compare_files()]
    local = run([str(tool_binary()), *files]).stdout
    times = local_datetimes(local)
    assert times, "no event times found"
    for t in sample(times, 20) + ["2000-01-01 00:00:00", "2099-01-01 00:00:00"]:
        compare_with_mariadb(["-v", "--base64-output=decode-rows", f"--start-datetime={t}", *files],
                             f"--start-datetime={t}")
        compare_with_mariadb(["-v", "--base64-output=decode-rows", f"--stop-datetime={t}", *files],
                             f"--stop-datetime={t}")


def test_database_and_offset_filters_match_mariadb_binlog():
    files = [str(f) for f in compare_files()]
    text = run([str(tool_binary()), "-v", *files]).stdout
    dbs = set(re.findall(rb"`([^`]+)`\.`[^`]+`", text)) | set(re.findall(rb"^use `([^`]+)`", text,
                                                                         re.M))
    for db in sorted(dbs) + [b"no_such_db"]:
        for mode in TEXT_MODES[:2]:
            compare_with_mariadb([*mode, "-d", db.decode(), *files], f"-d {db.decode()}")
    for n in (1, 3, 10, 50):
        compare_with_mariadb(["-v", f"--offset={n}", *files], f"--offset={n}")


def test_truncated_copies_fail_at_the_same_event(tmp_path):
    """Copies cut inside an event: both tools print the same events, then fail there (a binlog
    still marked in use just ends there, for both)."""
    for f in compare_files():
        data = f.read_bytes()
        for cut in sample(event_positions(f)[1:], 20):
            damaged = tmp_path / f"cut-{f.name}-{cut}"
            damaged.write_bytes(data[:cut + 10])
            expected = run([mariadb_binlog(), "-c", "-v", str(damaged)])
            got = run([str(tool_binary()), "-v", str(damaged)])
            assert got.returncode == expected.returncode, f"{damaged.name}: {got.stderr}"
            assert_same_output(expected.stdout, got.stdout, damaged.name)
            if got.returncode:
                assert f"at offset {cut} of '{damaged}'".encode() in got.stderr, got.stderr


def test_corrupted_copies_fail_at_the_damaged_event(tmp_path):
    """A flipped byte inside an event's body: with -c, mariadb-binlog and relaydb-binlog (which
    always checks) stop at that event with the same output before it."""
    for f in compare_files():
        data = f.read_bytes()
        fde_size = struct.unpack_from("<I", data, 4 + 9)[0]
        if data[4 + fde_size - 5] != 1:  # binlog_checksum=NONE: no CRC to fail
            continue
        if data[4 + 17] & 1:
            # Still in use: mariadb-binlog reads any error there as the end of the file;
            # relaydb-binlog reports it (docs/relaydb_binlog.md, difference 1).
            continue
        positions = event_positions(f)
        for start, end in list(zip(positions, positions[1:] + [len(data)]))[1::7]:
            damaged = tmp_path / f"flip-{f.name}-{start}"
            b = bytearray(data)
            b[start + 19] ^= 0x01  # the first body byte; the CRC no longer matches
            damaged.write_bytes(bytes(b))
            expected = run([mariadb_binlog(), "-c", "-v", str(damaged)])
            got = run([str(tool_binary()), "-v", str(damaged)])
            assert got.returncode == expected.returncode == 1, f"{damaged.name}: {got.stderr}"
            assert_same_output(expected.stdout, got.stdout, damaged.name)
            assert b"Event crc check failed" in got.stderr, got.stderr
            assert f"at offset {start} of '{damaged}'".encode() in got.stderr, got.stderr


# --- a live MariaDB ---------------------------------------------------------------------------

WORKLOAD = [
    "CREATE DATABASE shop",
    "CREATE DATABASE other",
    "CREATE TABLE shop.items (id INT PRIMARY KEY, name VARCHAR(20), price DECIMAL(8,2), "
    "qty INT UNSIGNED, note TEXT, ts DATETIME(3), f DOUBLE, b VARBINARY(4)) ENGINE=InnoDB",
    "INSERT INTO shop.items VALUES (1, 'apple', 1.25, 10, 'first', '2024-01-02 03:04:05.678', "
    "0.5, 0x00ff), (2, 'pear', NULL, 0, NULL, NULL, NULL, NULL)",
    "UPDATE shop.items SET qty = qty + 1, name = 'APPLE' WHERE id = 1",
    "DELETE FROM shop.items WHERE id = 2",
    "CREATE TABLE other.big (id INT PRIMARY KEY, pad VARCHAR(3000)) ENGINE=InnoDB",
    # Big enough to be split into several rows events (binlog_row_event_max_size 8192).
    "INSERT INTO other.big SELECT seq, REPEAT('p', 2000) FROM other.seq_1_to_20",
    "FLUSH BINARY LOGS",
    "BEGIN",
    "INSERT INTO shop.items VALUES (3, 'fig', 3.00, 3, 'x', NOW(3), -1e-5, 0x41)",
    "UPDATE other.big SET pad = 'short' WHERE id <= 2",
    "COMMIT",
    "SET SESSION binlog_format = STATEMENT",
    "SET @v = 'from a user variable'",
    "INSERT INTO shop.items (id, name, note) VALUES (4, 'stmt', @v)",
    "SET SESSION binlog_format = ROW",
    "SET GLOBAL binlog_row_metadata = FULL",
    "INSERT INTO shop.items VALUES (5, 'named', 9.99, 4294967295, NULL, NULL, 2.5, 0x00)",
    "SET GLOBAL binlog_row_metadata = NO_LOG",
    "FLUSH BINARY LOGS",
    "DROP TABLE other.big",
]


def run_workload(server, statements) -> None:
    conn = server.connect(autocommit=True)
    try:
        with conn.cursor() as cur:
            for sql in statements:
                cur.execute(sql)
    finally:
        conn.close()


def binlog_dir(server) -> Path:
    return server.basedir / "binlog"


def server_binlogs(server) -> list[Path]:
    return sorted(binlog_dir(server).glob("mariadb-bin.[0-9]*"))


def remote_args(server) -> list[str]:
    return ["-R", f"--host={server.host}", f"--port={server.port}", "--user=root"]


def events_of(path: Path) -> list[bytes]:
    """The complete events of a binlog file; the Format_description's in-use flag is masked
    (a server clears it when it sends the event, and in the file once it is closed)."""
    data = path.read_bytes()
    assert data[:4] == b"\xfebin", path
    out = []
    for pos in event_positions(path):
        size = struct.unpack_from("<I", data, pos + 9)[0]
        ev = bytearray(data[pos:pos + size])
        if ev[4] == 15:
            ev[17] &= ~1
        out.append(bytes(ev))
    return out


def assert_copies(server, copy_dir: Path) -> None:
    for f in server_binlogs(server):
        copy = copy_dir / f.name
        assert copy.is_file(), f"{f.name} was not copied ({sorted(os.listdir(copy_dir))})"
        assert events_of(copy) == events_of(f), f"{f.name}: the copy's events differ"
        # Apart from that flag, the whole file is the same.
        assert copy.stat().st_size == f.stat().st_size, f.name


@pytest.fixture
def live_mariadb(server_factory):
    server = server_factory.mariadb(extra_args=["--binlog-format=ROW"])
    run_workload(server, WORKLOAD)
    return server


def test_live_binlogs_print_like_mariadb_binlog(live_mariadb):
    files = server_binlogs(live_mariadb)
    assert len(files) >= 3
    for f in files:
        for mode in TEXT_MODES:
            compare_with_mariadb([*mode, str(f)], f"live {f.name} {' '.join(mode)}")
    compare_with_mariadb(["-v", *map(str, files)], "live, all files")


def test_relay_logs_print_like_mariadb_binlog(live_mariadb, server_factory):
    """A MariaDB replica's relay logs (its own Format_description, the source's Rotate and
    Format_description, then the source's events with the source's positions)."""
    replica = server_factory.mariadb(server_id=3, log_bin=False,
                                     extra_args=["--relay-log=relay", "--relay-log-purge=0"])
    source_files = server_binlogs(live_mariadb)
    last, size = source_files[-1].name, source_files[-1].stat().st_size
    conn = replica.connect(autocommit=True)
    try:
        with conn.cursor() as cur:
            cur.execute(f"CHANGE MASTER TO MASTER_HOST='{live_mariadb.host}', "
                        f"MASTER_PORT={live_mariadb.port}, MASTER_USER='root', "
                        f"MASTER_LOG_FILE='{source_files[0].name}', MASTER_LOG_POS=4, "
                        "MASTER_USE_GTID=no")
            cur.execute("START SLAVE")
            deadline = time.monotonic() + 60
            while True:
                cur.execute("SHOW SLAVE STATUS")
                cols = [d[0] for d in cur.description]
                status = dict(zip(cols, cur.fetchone()))
                if (status["Relay_Master_Log_File"] == last and
                        int(status["Exec_Master_Log_Pos"]) >= size):
                    break
                assert time.monotonic() < deadline, f"replica did not catch up: {status}"
                assert not status["Last_Error"] and not status["Last_IO_Error"], status
                time.sleep(0.1)
            cur.execute("STOP SLAVE")
    finally:
        conn.close()
    relay_logs = sorted(replica.datadir.glob("relay.[0-9]*"))
    assert relay_logs
    for f in relay_logs:
        for mode in TEXT_MODES:
            compare_with_mariadb([*mode, str(f)], f"relay log {f.name} {' '.join(mode)}")
    compare_with_mariadb(["-v", *map(str, relay_logs)], "all relay logs")


def test_remote_text_matches_mariadb_binlog(live_mariadb):
    for f in server_binlogs(live_mariadb):
        compare_with_mariadb([*remote_args(live_mariadb), "-v", f.name], f"-R {f.name}")
        compare_with_mariadb([*remote_args(live_mariadb), "-v", "--base64-output=decode-rows",
                              "--stop-position=500", f.name], f"-R --stop-position {f.name}")
    # --to-last-log: one stream through every file, positions restarting at 4 in each
    # (mariadb-binlog keeps counting from the previous file; docs/relaydb_binlog.md).
    files = server_binlogs(live_mariadb)
    out = run([str(tool_binary()), *remote_args(live_mariadb), "--to-last-log",
               "--base64-output=decode-rows", files[0].name])
    assert out.returncode == 0, out.stderr
    _, blocks = split_events(out.stdout)
    positions = [p for p, block in blocks if b"end_log_pos 0 " not in block]
    assert positions == [p for f in files for p in event_positions(f)]


def test_remote_errors_are_reported(live_mariadb, tmp_path):
    got = run([str(tool_binary()), *remote_args(live_mariadb), "mariadb-bin.999999"])
    assert got.returncode == 1
    assert b"Got error reading packet from server: Could not find first log file name" in got.stderr
    got = run([str(tool_binary()), "-R", "--host=127.0.0.1", "--port=1", "--user=root", "x"])
    assert got.returncode == 1
    assert got.stderr.startswith(b"ERROR: Failed on connect:"), got.stderr


def test_raw_copies_the_binlogs_byte_for_byte(live_mariadb, tmp_path):
    ours, theirs = tmp_path / "ours", tmp_path / "theirs"
    ours.mkdir()
    theirs.mkdir()
    first = server_binlogs(live_mariadb)[0].name
    got = run([str(tool_binary()), *remote_args(live_mariadb), "--raw", "--to-last-log",
               f"--result-file={ours}/", first])
    assert got.returncode == 0, got.stderr
    assert_copies(live_mariadb, ours)
    ref = run([mariadb_binlog(), *remote_args(live_mariadb), "--raw", "--to-last-log",
               f"--result-file={theirs}/", first])
    assert ref.returncode == 0, ref.stderr
    for f in sorted(theirs.iterdir()):
        assert (ours / f.name).read_bytes() == f.read_bytes(), f.name
    # Without --to-last-log only the named file is copied; --result-file is then a prefix.
    single = server_binlogs(live_mariadb)[1].name
    got = run([str(tool_binary()), *remote_args(live_mariadb), "--raw",
               f"--result-file={tmp_path}/copy-", single])
    assert got.returncode == 0, got.stderr
    assert events_of(tmp_path / f"copy-{single}") == events_of(binlog_dir(live_mariadb) / single)
    assert not (tmp_path / f"copy-{first}").exists()


def test_raw_stop_never_follows_the_server_until_terminated(live_mariadb, tmp_path):
    copy = tmp_path / "follow"
    copy.mkdir()
    first = server_binlogs(live_mariadb)[0].name
    proc = subprocess.Popen([str(tool_binary()), *remote_args(live_mariadb), "--raw",
                             "--stop-never", f"--result-file={copy}/", first],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        # More events and files while it follows.
        run_workload(live_mariadb, [
            "INSERT INTO shop.items (id, name) VALUES (100, 'while following')",
            "FLUSH BINARY LOGS",
            "UPDATE shop.items SET name = 'still following' WHERE id = 100",
        ])
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            done = all((copy / f.name).is_file() and
                       (copy / f.name).stat().st_size == f.stat().st_size
                       for f in server_binlogs(live_mariadb))
            if done:
                break
            assert proc.poll() is None, proc.stderr.read()
            time.sleep(0.1)
        assert proc.poll() is None, "relaydb-binlog --stop-never exited on its own"
        # It is registered as a replica with the default server id.
        conn = live_mariadb.connect()
        try:
            with conn.cursor() as cur:
                cur.execute("SHOW SLAVE HOSTS")
                assert 65535 in [row[0] for row in cur.fetchall()]
        finally:
            conn.close()
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(10)
    assert_copies(live_mariadb, copy)


def json_lines(text: bytes) -> list[dict]:
    return [json.loads(line) for line in text.decode().splitlines()]


def test_json_output_of_a_known_workload(live_mariadb):
    files = [str(f) for f in server_binlogs(live_mariadb)]
    got = run([str(tool_binary()), "--format=json", *files])
    assert got.returncode == 0, got.stderr
    objs = json_lines(got.stdout)
    shop = [o for o in objs if o.get("table") == "items"]
    assert [o["op"] for o in shop] == ["insert", "insert", "update", "delete", "insert", "insert"]
    ins1, ins2, upd, dele, ins3, ins5 = shop
    for o in objs:
        assert set(o) >= {"file", "pos", "timestamp", "server_id", "gtid", "op"}
        assert re.fullmatch(r"\d+-\d+-\d+", o["gtid"]), o
    assert ins1["after"] == {"@1": 1, "@2": "apple", "@3": "1.25", "@4": 10, "@5": "first",
                             "@6": "2024-01-02 03:04:05.678", "@7": 0.5,
                             "@8": {"base64": "AP8="}}
    assert "before" not in ins1
    assert ins2["after"] == {"@1": 2, "@2": "pear", "@3": None, "@4": 0, "@5": None, "@6": None,
                             "@7": None, "@8": None}
    assert upd["before"]["@2"] == "apple" and upd["after"]["@2"] == "APPLE"
    assert upd["before"]["@4"] == 10 and upd["after"]["@4"] == 11
    assert dele["before"]["@1"] == 2 and "after" not in dele
    assert ins3["after"]["@7"] == -1e-05 and ins3["after"]["@8"] == "A"
    assert ins1["gtid"] == ins2["gtid"] != upd["gtid"]
    # binlog_row_metadata=FULL: names, UNSIGNED, binary columns.
    assert ins5["after"] == {"id": 5, "name": "named", "price": "9.99", "qty": 4294967295,
                             "note": None, "ts": None, "f": 2.5, "b": {"base64": "AA=="}}
    queries = [o["query"] for o in objs if o["op"] == "query"]
    assert "CREATE DATABASE shop" in queries
    assert "INSERT INTO shop.items (id, name, note) VALUES (4, 'stmt', @v)" in queries
    assert any(q.startswith("DROP TABLE") for q in queries)
    # The other database's 20 big rows are there too, and -d keeps only one database.
    assert sum(1 for o in objs if o.get("table") == "big" and o["op"] == "insert") == 20
    only_shop = json_lines(run([str(tool_binary()), "--format=json", "-d", "shop", *files]).stdout)
    assert only_shop and all(o["database"] == "shop" for o in only_shop)
    # Positions point at the rows events: the text output has "# at" there.
    text = run([str(tool_binary()), *files]).stdout
    assert f"# at {ins1['pos']}\n".encode() in text
