"""relaydb's own binary logs, read by mariadb-binlog (the reference) and relaydb-binlog.

One relaydb (module-wide) runs the replication workload (replication_util.workload_statements:
DDL, multi-row inserts, updates, deletes, a transaction, a rollback, user variables,
LAST_INSERT_ID, AUTO_INCREMENT, RAND/NOW/UUID, a table without a primary key, every column
type incl. latin1/utf8mb4 multibyte, binaries, temporal fractions, JSON, NULLs) in ROW, then
STATEMENT, then MIXED format, with FLUSH BINARY LOGS after each, so that there is one file per
format. A copy of the active file is kept while the server runs (in-use flag set); the server
is then stopped cleanly (the last file ends with a Stop event) and started again (a new
active file, one more transaction), which is what the -R tests read.

* mariadb-binlog reads every file (plain, -v --base64-output=decode-rows, -vv, -c -vv) with
  exit status 0 and nothing on stderr; the files hold the event types each format must give.
* relaydb-binlog's text output equals mariadb-binlog's, event by event (the helpers of
  test_relaydb_binlog.py), for every file and the in-use copy in four modes, all files in one
  run, --start-position/--stop-position at event boundaries (and inside events), --database.
* relaydb-binlog --format=json on the files: every line parses; known rows of the ROW file
  (ops and values), what STATEMENT and MIXED logged.
* Through relaydb's Binlog Dump thread: relaydb-binlog -R --raw (and mariadb-binlog -R --raw)
  copy the files byte for byte, except the in-use flag of the active file (a server clears it
  when it sends the Format_description); relaydb-binlog -R prints like mariadb-binlog -R;
  mariadb-binlog -R (per file, and --to-last-log through all of them) exits 0 and prints what
  it prints for the local files, modulo the differences listed at remote_normalized().

With RELAYDB_DIFF_AGAINST_MARIADB=1 the server is a MariaDB 10.11 with --log-bin, which
validates the test itself (the normalisations in particular).
"""

from __future__ import annotations

import base64
import json
import re
import shutil
import struct
from dataclasses import dataclass
from pathlib import Path

import pytest

import test_relaydb_binlog as rb
from replication_util import (FORMATS, ROLLED_BACK_MARK, binlog_files, connect, query,
                              run_statements, run_workload)
from servers import Server, against_mariadb, subject_server

# The text modes compared: the default output (BINLOG '...' base64 and no pseudo-SQL), then
# test_relaydb_binlog's three (decode-rows, BINLOG + ### pseudo-SQL, -vv column types).
MODES = [[], *rb.TEXT_MODES]
IN_USE_WARNING = b"# Warning: this binlog is either in use or was not closed properly.\n"
FDE_TYPE = 15
FLAGS_OFFSET = 17          # of the event header; bit 0 of the low byte is LOG_EVENT_BINLOG_IN_USE_F


def db_of(fmt: str) -> str:
    return f"rf_{fmt.lower()}"


@dataclass
class Binlogs:
    server: Server
    closed: list[Path]        # the files after the clean stop, oldest first (one per format + 1)
    by_format: dict           # "ROW" / "STATEMENT" / "MIXED" -> the file the workload went to
    in_use_copy: Path         # a copy of the then active file, taken while the server ran
    in_use_source: Path       # the file it was copied from (closed later)

    def live_files(self) -> list[Path]:
        """The running server's files (the closed ones plus the active one after the restart)."""
        return binlog_files(self.server)


def copy_to(path: Path, directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / path.name
    shutil.copyfile(path, target)
    return target


@pytest.fixture(scope="module")
def binlogs(tmp_path_factory):
    root = tmp_path_factory.mktemp("relaydb-files")
    server = subject_server(root / "server", server_id=1)
    server.start()
    try:
        if not against_mariadb():
            # relaydb's default names: <datadir>/<hostname>-bin.NNNNNN
            basename, hostname = query(server, "SELECT @@log_bin_basename, @@hostname")[0]
            assert Path(basename) == server.datadir.resolve() / f"{hostname}-bin", basename
        by_format = {}
        for fmt in FORMATS:
            by_format[fmt] = binlog_files(server)[-1]
            run_workload(server, db_of(fmt), fmt)
            if fmt == "ROW":
                # one more multi-row statement with a unique marker for the JSON checks
                conn = connect(server)
                try:
                    run_statements(conn, ["SET SESSION binlog_format = 'ROW'",
                                          f"INSERT INTO {db_of(fmt)}.t1 (a, b) VALUES "
                                          "(-1, 'json ü 😀'), (-2, NULL)"])
                finally:
                    conn.close()
            query(server, "FLUSH BINARY LOGS")
        query(server, f"INSERT INTO {db_of('MIXED')}.t1 (a, b) VALUES (-3, 'in the last file')")
        active = binlog_files(server)[-1]
        in_use_copy = copy_to(active, root / "in-use")
        assert in_use_copy.read_bytes()[4 + FLAGS_OFFSET] & 1, "active file without in-use flag"
        rc = server.stop()
        assert rc == 0, f"{server.name} exited {rc} on SIGTERM\n{server.logs()}"
        server.start()
        closed = binlog_files(server)[:-1]
        assert closed[-1] == active, (closed, active)
        assert len(closed) == len(FORMATS) + 1, closed
        # after the restart: a transaction in the new active file
        query(server, f"INSERT INTO {db_of('ROW')}.t1 (a, b) VALUES (-4, 'after restart')")
        yield Binlogs(server, closed, by_format, in_use_copy, active)
    finally:
        server.stop()
        server.kill()


def text(args, binary=None) -> bytes:
    """Runs mariadb-binlog (or `binary`) with args: exit status 0, stderr empty."""
    cmd = [binary or rb.mariadb_binlog(), *map(str, args)]
    got = rb.run(cmd)
    assert got.returncode == 0 and not got.stderr, (
        f"{' '.join(cmd)} exited {got.returncode}\n{got.stderr.decode(errors='replace')}")
    return got.stdout


def local_files(b: Binlogs) -> list[Path]:
    return [*b.closed, b.in_use_copy]


def remote_args(server: Server) -> list[str]:
    return ["-R", f"--host={server.host}", f"--port={server.port}", "--user=root"]


# --- mariadb-binlog reads the files ---------------------------------------------------------

EVENT_NAME = re.compile(rb"^#\d{6} +\d+:\d\d:\d\d server id \d+ +end_log_pos \d+"
                        rb"(?: CRC32 0x[0-9a-f]{8})? \t(\w+)", re.M)


def event_names(output: bytes) -> set[str]:
    return {m.decode() for m in EVENT_NAME.findall(output)}


def test_mariadb_binlog_reads_every_file_without_error(binlogs):
    for f in local_files(binlogs):
        for mode in [*MODES, ["-c", "-vv"]]:
            out = text([*mode, f])
            assert b"# End of log file" in out, f"{f} {mode}"
            assert (IN_USE_WARNING in out) == (f == binlogs.in_use_copy), f"{f} {mode}"
    # what each format logged
    row = event_names(text(["-v", binlogs.by_format["ROW"]]))
    stmt = event_names(text(["-v", binlogs.by_format["STATEMENT"]]))
    mixed = event_names(text(["-v", binlogs.by_format["MIXED"]]))
    control = {"Start", "Gtid", "Binlog", "GTID", "Query", "Xid", "Rotate"}
    assert control <= row and control <= stmt and control <= mixed, (row, stmt, mixed)
    rows = {"Annotate_rows", "Table_map", "Write_rows", "Update_rows", "Delete_rows"}
    assert rows <= row, row
    assert not rows & stmt and {"Intvar", "User_var", "Rand"} <= stmt, stmt
    assert rows - {"Delete_rows"} <= mixed, mixed  # UUID(): an insert and an update as rows
    # the clean stop: a Stop event at the end of the last file, none while it was in use
    assert "Stop" in event_names(text([binlogs.closed[-1]]))
    assert "Stop" not in event_names(text([binlogs.in_use_copy]))


def test_closing_only_clears_the_in_use_flag_and_adds_the_stop_event(binlogs):
    """The copy taken while the file was active is the closed file's prefix, apart from the
    in-use flag (the Format_description's CRC32 is computed with the flag clear)."""
    copy, closed = binlogs.in_use_copy.read_bytes(), binlogs.in_use_source.read_bytes()
    flag = 4 + FLAGS_OFFSET
    assert copy[flag] & 1 and not closed[flag] & 1
    assert closed[:flag] + closed[flag + 1:len(copy)] == copy[:flag] + copy[flag + 1:]
    assert rb.event_positions(binlogs.in_use_source)[-1] == len(copy)  # then one event: Stop
    assert closed[len(copy) + 4] == 3, "the last event is not a Stop event"


# --- relaydb-binlog prints what mariadb-binlog prints ---------------------------------------

@pytest.mark.parametrize("mode", MODES, ids=lambda m: " ".join(m) or "default")
def test_each_file_prints_like_mariadb_binlog(binlogs, mode):
    for f in local_files(binlogs):
        rb.compare_with_mariadb([*mode, str(f)], f"{f.name} {' '.join(mode)}")


def test_all_files_in_one_run_print_like_mariadb_binlog(binlogs):
    files = list(map(str, binlogs.closed))
    for mode in MODES[:3]:
        rb.compare_with_mariadb([*mode, *files], "all files " + " ".join(mode))


def test_start_and_stop_positions_match_mariadb_binlog(binlogs):
    for f in local_files(binlogs):
        positions = rb.event_positions(f)
        picked = rb.sample(positions, 25) + positions[-2:]
        size = f.stat().st_size
        for p in picked + [size]:
            rb.compare_with_mariadb(["-v", "--base64-output=decode-rows",
                                     f"--start-position={p}", str(f)],
                                    f"{f.name} --start-position={p}")
        for p in picked + [p + 1 for p in picked[::4]]:
            rb.compare_with_mariadb(["-v", f"--stop-position={p}", str(f)],
                                    f"{f.name} --stop-position={p}")
        a, z = positions[len(positions) // 3], positions[2 * len(positions) // 3]
        rb.compare_with_mariadb(["-vv", f"--start-position={a}", f"--stop-position={z}", str(f)],
                                f"{f.name} --start-position={a} --stop-position={z}")
    first, last = rb.event_positions(binlogs.closed[0]), rb.event_positions(binlogs.closed[-2])
    rb.compare_with_mariadb(["-v", f"--start-position={first[len(first) // 2]}",
                             f"--stop-position={last[len(last) // 2]}",
                             *map(str, binlogs.closed)], "all files with positions")


def test_database_filter_matches_mariadb_binlog(binlogs):
    files = list(map(str, local_files(binlogs)))
    dbs = [db_of(fmt) for fmt in FORMATS] + [f"{db_of('ROW')}_scratch", "no_such_db"]
    for db in dbs:
        for mode in (["-v", "--base64-output=decode-rows"], ["-v"]):
            out = rb.compare_with_mariadb([*mode, "-d", db, *files], f"-d {db} {' '.join(mode)}")
            if db in (db_of("ROW"), db_of("STATEMENT")):
                assert f"`{db}`".encode() in out, f"-d {db}: nothing of {db} printed"


# --- JSON lines -----------------------------------------------------------------------------

def json_of(files) -> list[dict]:
    out = text(["--format=json", *files], binary=str(rb.tool_binary()))
    objs = rb.json_lines(out)
    assert objs and len(objs) == len(out.splitlines())
    for o in objs:
        assert set(o) >= {"file", "pos", "end_pos", "timestamp", "server_id", "gtid", "op"}, o
        assert o["server_id"] == 1 and re.fullmatch(r"0-1-\d+", o["gtid"]), o
    return objs


def b64(data: bytes) -> dict:
    return {"base64": base64.b64encode(data).decode()}


def test_json_rows_of_the_row_file(binlogs):
    f = binlogs.by_format["ROW"]
    objs = json_of([f])
    db = db_of("ROW")
    assert {o["file"] for o in objs} == {str(f)}
    rows = [o for o in objs if o["op"] != "query"]
    assert rows and all(o["database"] == db for o in rows)
    assert ROLLED_BACK_MARK not in json.dumps(objs)

    t1 = [o for o in rows if o["table"] == "t1"]
    first = t1[:4]
    assert [o["op"] for o in first] == ["insert"] * 4
    assert [o["after"] for o in first] == [{"@1": i, "@2": i, "@3": b} for i, b in
                                          [(1, "one"), (2, "two"), (3, "three"), (4, "four")]]
    assert len({(o["gtid"], o["pos"]) for o in first}) == 1  # one statement, one rows event
    upd = [o for o in t1 if o["op"] == "update" and o["before"]["@3"] == "three"][0]
    assert upd["after"] == {"@1": 3, "@2": 3, "@3": "three!"}
    assert upd["gtid"] != first[0]["gtid"] and upd["pos"] > first[0]["pos"]
    dele = [o for o in t1 if o["op"] == "delete"]
    assert dele[0]["before"] == {"@1": 2, "@2": 2, "@3": "two"} and "after" not in dele[0]
    # the transaction: two inserts, an update of both, a delete, one GTID
    txn_gtid = next(o["gtid"] for o in t1 if o["op"] == "insert" and o["after"]["@3"] == "txn")
    txn = [o for o in t1 if o["gtid"] == txn_gtid]
    assert [o["op"] for o in txn] == ["insert", "insert", "update", "update", "delete"], txn
    marker = [o for o in t1 if o["op"] == "insert" and o["after"]["@2"] in (-1, -2)]
    assert [o["after"]["@3"] for o in marker] == ["json ü 😀", None]

    t3 = [o["after"] for o in rows if o["table"] == "t3" and o["op"] == "insert"]
    last_insert_id = next(o["after"]["@1"] for o in t1
                          if o["op"] == "insert" and o["after"]["@3"] == "for last_insert_id")
    assert t3[0]["@2"] == last_insert_id and t3[0]["@3"] == "last_insert_id"
    assert (t3[1]["@2"], t3[1]["@3"]) == (4242, "user variable ü")
    assert [r["@1"] for r in t3] == [1, 2, 3, 4, 5]          # AUTO_INCREMENT

    num = {o["after"]["@1"]: o["after"] for o in rows
           if o["table"] == "types_num" and o["op"] == "insert"}
    assert num[2]["@2"] == 127 and num[2]["@10"] == 9223372036854775807
    # NO_LOG metadata: unsigned integers are given their signed reading; BIT is unsigned
    assert num[2]["@3"] == -1 and num[2]["@11"] == -1 and num[2]["@24"] == 2 ** 64 - 1
    assert num[2]["@17"] == "99999999999999999999999999999999999.999999999999999999999999999999"
    assert num[1]["@16"] == "-9999999999999999999999999999.9999999999"
    assert num[3]["@12"] == "12.50" and num[3]["@14"] == "0.5000" and num[3]["@20"] == 0.1
    assert num[3]["@26"] == 4 and num[3]["@27"] == 10        # ENUM index, SET bits
    assert all(v is None for k, v in num[4].items() if k != "@1")

    strs = {o["after"]["@1"]: o["after"] for o in rows
            if o["table"] == "types_str" and o["op"] == "insert"}
    assert strs[1]["@3"] == "😀" * 255 and strs[1]["@4"] == "Grüße, 日本語, 😀 ☃"
    assert strs[1]["@9"] == "m" * 70000
    assert strs[1]["@11"] == b64("Ça".encode("latin1"))      # latin1 bytes, not UTF-8
    assert strs[1]["@12"] == b64("déjà vu ÿ".encode("latin1"))
    assert strs[1]["@13"] == b64("Æble © ±".encode("latin1"))
    assert strs[1]["@14"] == b64(b"\x00\xff\x00\x10")
    assert strs[1]["@15"] == b64(bytes(range(256)) + bytes(range(44)))
    assert json.loads(strs[1]["@20"]) == {"a": [1, 2.5, {"b": None}], "c": "é😀", "d": True}
    assert strs[2]["@2"] == "" and strs[2]["@20"] == "[]"
    assert strs[4]["@2"] == "pad" and strs[4]["@4"] == "trail  "  # CHAR drops trailing spaces
    assert strs[4]["@5"] == "O'Reilly \"q\" \\ back"

    times = {o["after"]["@1"]: o["after"] for o in rows
             if o["table"] == "types_time" and o["op"] == "insert"}
    assert times[3]["@2"] == "2024-02-29" and times[3]["@9"] == "-12:34:56.789012"
    assert times[3]["@16"] == "2024-02-29 12:34:56.789123"
    assert times[1]["@3"] == "-838:59:59" and times[2]["@16"] == "9999-12-31 23:59:59.999999"
    # TIMESTAMPs (written at +03:00) are UTC; YEAR a number
    assert times[1]["@17"] == "1970-01-01 00:00:01"
    assert times[3]["@23"] == "2001-02-03 01:05:06.789012" and times[3]["@24"] == 2000

    upd = [o for o in rows if o["table"] == "types_num" and o["op"] == "update"
           and o["before"]["@1"] == 4]
    assert upd and upd[0]["before"]["@2"] is None and upd[0]["after"]["@2"] == 5

    queries = [o["query"] for o in objs if o["op"] == "query"]
    assert "CREATE INDEX idx_b ON t1 (b)" in queries
    assert "TRUNCATE TABLE truncated" in queries
    # positions point at rows events: the text output has "# at" there
    out = text([f])
    assert all(f"# at {o['pos']}\n".encode() in out for o in rows[::25])


def test_json_of_the_statement_and_mixed_files(binlogs):
    stmt = json_of([binlogs.by_format["STATEMENT"]])
    assert all(o["op"] == "query" for o in stmt), [o for o in stmt if o["op"] != "query"][:3]
    queries = [o["query"] for o in stmt]
    assert "INSERT INTO t3 (ref, note) VALUES (@un, @uv)" in queries
    assert "INSERT INTO t3 (ref, note) VALUES (LAST_INSERT_ID(), 'last_insert_id')" in queries
    assert not any(ROLLED_BACK_MARK in q for q in queries)
    assert {o["database"] for o in stmt if "INSERT" in o["query"]} == {db_of("STATEMENT")}

    mixed = json_of([binlogs.by_format["MIXED"]])
    db = db_of("MIXED")
    # deterministic statements as statements, UUID() as rows
    assert any(o["op"] == "query" and o["query"].startswith("INSERT INTO t1 (a, b) VALUES (1,")
               for o in mixed)
    uuid_rows = [o for o in mixed if o["op"] == "insert" and o["table"] == "t3"
                 and re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
                                  o["after"]["@3"] or "")]
    assert len(uuid_rows) == 1 and uuid_rows[0]["database"] == db
    # every file at once: one object per line, files in order
    objs = json_of(list(map(str, binlogs.closed)))
    order = [str(f) for f in binlogs.closed]
    seen = list(dict.fromkeys(o["file"] for o in objs))
    assert seen == [f for f in order if f in seen]


# --- through relaydb's Binlog Dump thread ---------------------------------------------------

def assert_raw_copy(server_file: Path, copy: Path, active: bool) -> None:
    """The copy is the server's file, byte for byte, except that the active file's in-use
    flag is clear in the copy."""
    data, got = server_file.read_bytes(), copy.read_bytes()
    assert len(got) == len(data), f"{copy.name}: {len(got)} bytes, the server's {len(data)}"
    flag = 4 + FLAGS_OFFSET
    assert bool(data[flag] & 1) == active, f"{server_file.name}: in-use flag {data[flag] & 1}"
    expected = bytearray(data)
    expected[flag] &= ~1
    if got != bytes(expected):
        first = next(i for i, (x, y) in enumerate(zip(got, expected)) if x != y)
        pytest.fail(f"{copy.name}: differs from the server's file at byte {first}")


def test_raw_copies_through_the_dump_thread_are_byte_identical(binlogs, tmp_path):
    server = binlogs.server
    files = binlogs.live_files()
    ours, theirs = tmp_path / "ours", tmp_path / "theirs"
    ours.mkdir()
    theirs.mkdir()
    text([*remote_args(server), "--raw", "--to-last-log", f"--result-file={ours}/",
          files[0].name], binary=str(rb.tool_binary()))
    text([*remote_args(server), "--raw", "--to-last-log", f"--result-file={theirs}/",
          files[0].name])
    assert sorted(p.name for p in ours.iterdir()) == [f.name for f in files]
    assert sorted(p.name for p in theirs.iterdir()) == [f.name for f in files]
    for f in files:
        assert_raw_copy(f, ours / f.name, active=f == files[-1])
        assert (ours / f.name).read_bytes() == (theirs / f.name).read_bytes(), f.name
    # one file (the one that ends with the Stop event), --result-file as a prefix
    one = binlogs.closed[-1]
    text([*remote_args(server), "--raw", f"--result-file={tmp_path}/copy-", one.name],
         binary=str(rb.tool_binary()))
    assert_raw_copy(one, tmp_path / f"copy-{one.name}", active=False)
    assert sorted(p.name for p in tmp_path.glob("copy-*")) == [f"copy-{one.name}"]


def test_remote_text_prints_like_mariadb_binlog(binlogs):
    server = binlogs.server
    for f in binlogs.live_files():
        for mode in (["-v"], ["-vv", "--base64-output=decode-rows"]):
            rb.compare_with_mariadb([*remote_args(server), *mode, f.name],
                                    f"-R {' '.join(mode)} {f.name}")
        positions = rb.event_positions(f)
        p = positions[len(positions) // 2]
        rb.compare_with_mariadb([*remote_args(server), "-v", "--base64-output=decode-rows",
                                 f"--stop-position={p}", f.name], f"-R --stop-position={p}")


# What differs legitimately between `mariadb-binlog -R [--to-last-log] first-file` and
# `mariadb-binlog files` (the same events; all of it is mariadb-binlog's doing or the dump
# protocol's, and MariaDB as the server gives the same, RELAYDB_DIFF_AGAINST_MARIADB=1):
#  1. Fake Rotate events: the server starts each file's stream with an artificial Rotate
#     (timestamp 0, end_log_pos 0, "Rotate to <file>  pos: 4"), which mariadb-binlog prints.
#  2. The in-use flag: the server clears it in the Format_description of the active file as
#     it sends it, so the remote output has no "# Warning: this binlog is either in use..."
#     line, and that event's BINLOG '...' base64 differs in the flag bit.
#  3. With --to-last-log only: "# at N" positions. mariadb-binlog counts one stream: after the
#     first file it goes on from the previous file's end (a new file's Format_description does
#     not advance it); local files restart at 4 each.
#  4. With --to-last-log only: one print state for the whole stream. For local files,
#     mariadb-binlog resets its state at each file: it prints "DELIMITER ;" + "DELIMITER
#     /*!*/;" between files and then repeats the session lines (sql_mode, character sets,
#     time_zone, ..., gtid_domain_id, server_id, use `db`) whose values have not changed; over
#     one stream they are printed only when they change. SET @@session.pseudo_thread_id is
#     printed at the first Query of each local file, but in a stream only when a Query event
#     flagged LOG_EVENT_THREAD_SPECIFIC_F changes it (the thread id is in the Query header line
#     either way).
#  5. A dump that starts inside a file (--start-position > 4): the server sends the file's
#     Format_description first, with end_log_pos 0, and mariadb-binlog prints it even with
#     --base64-output=decode-rows.
# remote_normalized() removes exactly these: fake Rotate blocks; the warning (only where the
# file is the active one, asserted) and the flag bit in a Format_description's base64; the
# end_log_pos 0 Format_description; and, for --to-last-log, the "# at" lines, the DELIMITER
# lines, the pseudo_thread_id lines and the session lines that repeat the value in force.

FAKE_ROTATE = re.compile(rb"^#\d{6} +\d+:\d\d:\d\d server id \d+ +end_log_pos 0 "
                         rb"(?:CRC32 0x[0-9a-f]{8} )?\tRotate to ", re.M)
MIDFILE_FDE = re.compile(rb"^#\d{6} +\d+:\d\d:\d\d server id \d+ +end_log_pos 0 "
                         rb"(?:CRC32 0x[0-9a-f]{8} )?\tStart: binlog v 4", re.M)
SESSION_LINE = re.compile(
    rb"^(?:/\*M!\d+ )?(?:SET @@session\.(skip_parallel_replication|gtid_domain_id|server_id|"
    rb"foreign_key_checks|sql_mode|auto_increment_increment|"
    rb"character_set_client|time_zone|lc_time_names|collation_database)=|(use) |(/\*!\\C) )")
BINLOG_BASE64 = re.compile(rb"^BINLOG '\n(.*?)'/\*!\*/;\n", re.M | re.S)


def mask_fde_flag(block: bytes) -> bytes:
    """A Format_description block with the in-use flag cleared in its BINLOG base64."""
    if b"\tStart: binlog v 4" not in block:
        return block

    def masked(m):
        ev = bytearray(base64.b64decode(b"".join(m.group(1).split())))
        assert ev[4] == FDE_TYPE
        ev[FLAGS_OFFSET] &= ~1
        return b"BINLOG '\n" + base64.encodebytes(bytes(ev)) + b"'/*!*/;\n"

    return BINLOG_BASE64.sub(masked, block)


def remote_normalized(output: bytes, stream: bool) -> tuple[list[bytes], int]:
    """The output as a list of lines with the differences listed above removed; also returns
    how many in-use warnings were removed. `stream`: the --to-last-log normalisation too."""
    preamble, blocks = rb.split_events(output)
    lines: list[bytes] = list(preamble)
    state: dict[bytes, bytes] = {}
    warnings = 0
    for _, block in blocks:
        if FAKE_ROTATE.search(block) or MIDFILE_FDE.search(block):
            assert block.count(b"\n") == 2, block  # "# at N" + the header line, nothing else
            continue
        warnings += block.count(IN_USE_WARNING)
        block = mask_fde_flag(block.replace(IN_USE_WARNING, b""))
        for line in block.splitlines(keepends=True):
            if stream:
                if line.startswith(b"# at ") or line in (b"DELIMITER ;\n", b"DELIMITER /*!*/;\n"):
                    continue
                if line.startswith(b"SET @@session.pseudo_thread_id="):
                    continue  # difference 4; the value is in the Query header line anyway
                m = SESSION_LINE.match(line)
                if m:
                    key = b"".join(g for g in m.groups() if g)
                    if state.get(key) == line:
                        continue
                    state[key] = line
            lines.append(line)
    return lines, warnings


def assert_same_lines(expected: list[bytes], got: list[bytes], what: str) -> None:
    if got != expected:
        pytest.fail(f"{what}: the remote output differs from the local one (normalised)\n" +
                    rb.describe_diff(b"".join(expected), b"".join(got)), pytrace=False)


@pytest.mark.parametrize("mode", [[], ["-v", "--base64-output=decode-rows"]],
                         ids=["default", "decode-rows"])
def test_mariadb_binlog_remote_equals_local(binlogs, mode):
    server = binlogs.server
    files = binlogs.live_files()
    active = files[-1]
    for f in files:
        local, warnings = remote_normalized(text([*mode, f]), stream=False)
        assert warnings == (f == active), f"{f.name}: {warnings} in-use warnings"
        remote, warnings = remote_normalized(text([*remote_args(server), *mode, f.name]),
                                             stream=False)
        assert warnings == 0
        assert_same_lines(local, remote, f"-R {' '.join(mode)} {f.name}")

    out = text([*remote_args(server), "--to-last-log", *mode, files[0].name])
    # one fake Rotate per file; positions grow through the stream (difference 3)
    assert len(FAKE_ROTATE.findall(out)) == len(files), out[:2000]
    positions = [p for p, block in rb.split_events(out)[1] if not FAKE_ROTATE.search(block)]
    assert positions == sorted(positions) and positions[-1] > files[-1].stat().st_size
    remote, warnings = remote_normalized(out, stream=True)
    assert warnings == 0
    local, warnings = remote_normalized(text([*mode, *files]), stream=True)
    assert warnings == 1
    assert_same_lines(local, remote, f"-R --to-last-log {' '.join(mode)}")


def test_remote_positions_are_the_file_positions(binlogs):
    """Without --to-last-log the "# at" lines and end_log_pos of -R are the file's own, and
    --start-position through the dump thread gives the local output from there on."""
    server = binlogs.server
    for f in binlogs.live_files()[:-1]:
        positions = rb.event_positions(f)
        for p in rb.sample(positions, 4)[1:]:
            mode = ["-v", "--base64-output=decode-rows", f"--start-position={p}"]
            local, _ = remote_normalized(text([*mode, f]), stream=False)
            remote, _ = remote_normalized(text([*remote_args(server), *mode, f.name]),
                                          stream=False)
            assert_same_lines(local, remote, f"-R --start-position={p} {f.name}")


# --- relaydb's writer against MariaDB's (known differences) ---------------------------------

QUERY_EVENT = 2
LOG_EVENT_SUPPRESS_USE_F = 0x8


def query_events(path: Path) -> list[tuple[int, int, str, str]]:
    """(position, header flags, database, statement) of every Query event of a file."""
    data = path.read_bytes()
    checksum = 4 if data[4 + struct.unpack_from("<I", data, 4 + 9)[0] - 5] == 1 else 0
    out = []
    for pos in rb.event_positions(path):
        size, _, flags = struct.unpack_from("<IIH", data, pos + 9)
        if data[pos + 4] != QUERY_EVENT:
            continue
        body = data[pos + 19:pos + size - checksum]
        db_len, status_len = body[8], struct.unpack_from("<H", body, 11)[0]
        db = body[13 + status_len:13 + status_len + db_len]
        statement = body[13 + status_len + db_len + 1:]
        out.append((pos, flags, db.decode(), statement.decode(errors="replace")))
    return out


def test_create_and_drop_database_are_logged_for_their_database(binlogs):
    f = binlogs.by_format["ROW"]
    db, scratch = db_of("ROW"), f"{db_of('ROW')}_scratch"
    problems = []
    for pos, flags, event_db, statement in query_events(f):
        m = re.match(r"(CREATE|DROP) DATABASE `([^`]+)`", statement)
        if m and (event_db != m.group(2) or not flags & LOG_EVENT_SUPPRESS_USE_F):
            problems.append(f"at {pos}: {statement!r}: db {event_db!r}, flags {flags:#06x} "
                            f"(MariaDB: db {m.group(2)!r}, LOG_EVENT_SUPPRESS_USE_F set)")
    out = text(["-d", scratch, f])
    for statement in (f"CREATE DATABASE `{scratch}`", f"DROP DATABASE `{scratch}`"):
        if statement.encode() not in out:
            problems.append(f"mariadb-binlog -d {scratch}: no {statement}")
    if f"CREATE DATABASE `{db}`".encode() not in text(["-d", db, f]):
        problems.append(f"mariadb-binlog -d {db}: no CREATE DATABASE `{db}`")
    assert not problems, "\n".join(problems)


@pytest.mark.xfail(not against_mariadb(), strict=True, reason=(
    "relaydb writes only full row images: SET binlog_row_image=MINIMAL is refused with 1235 "
    "(docs/differences.md)"))
def test_binlog_row_image_and_row_metadata_are_honoured(server_factory):
    server = server_factory.relaydb(name="row-image")
    conn = connect(server)
    try:
        run_statements(conn, [
            "SET SESSION binlog_format = 'ROW'", "CREATE DATABASE ri",
            "CREATE TABLE ri.t (id INT PRIMARY KEY, a INT, b VARCHAR(10))",
            "INSERT INTO ri.t VALUES (1, 2, 'x')",
            "SET GLOBAL binlog_row_metadata = FULL", "SET SESSION binlog_row_image = MINIMAL",
            "UPDATE ri.t SET a = 3 WHERE id = 1",
            "SET GLOBAL binlog_row_metadata = NO_LOG"])
    finally:
        conn.close()
    f = binlog_files(server)[-1]
    mode = ["-v", "--base64-output=decode-rows"]
    rb.compare_with_mariadb([*mode, str(f)], f"{f.name} (MINIMAL, FULL)")  # both tools agree
    out = text([*mode, "--print-table-metadata", f]).decode()
    update = out[out.index("### UPDATE `ri`.`t`"):]
    update = update[:update.index("# Number of rows")]
    assert update.split("\n")[1:6] == ["### WHERE", "###   @1=1", "### SET", "###   @2=3", ""], \
        update
    assert "# Columns(`id` INT NOT NULL," in out and "# Primary Key(id)" in out, out
