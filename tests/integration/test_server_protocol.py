"""Protocol robustness and the connection-level commands, relaydb against MariaDB.

* Raw sockets sending malformed input — a truncated header, a length that lies, garbage
  instead of the handshake response, garbage commands after login, packets out of order,
  COM_STMT_EXECUTE with a bogus statement id, unknown command bytes, a packet over
  max_allowed_packet — get an error packet or a closed connection, never a hang, and the
  server keeps serving other clients (checked with a fresh PyMySQL connection).
* Multi-statements: with CLIENT_MULTI_STATEMENTS every result set comes back (and an error
  stops the batch where MariaDB stops it); without the flag `SELECT 1; SELECT 2` is 1064;
  COM_SET_OPTION switches the flag on a live connection.
* COM_FIELD_LIST, COM_PING, COM_INIT_DB, COM_STATISTICS, COM_QUIT.
* KILL QUERY interrupts a SELECT SLEEP(30) within seconds and leaves the connection usable;
  KILL [CONNECTION] closes it; SHOW PROCESSLIST shows Command/State/Info of each connection.
"""

from __future__ import annotations

import hashlib
import os
import socket
import struct
import threading
import time
from typing import Optional

import pymysql
import pytest
from pymysql.constants import CLIENT

from servers import against_mariadb


def relaydb_bug(reason: str):
    """A known relaydb bug: the test must fail on relaydb (strict), and pass in self-check."""
    return pytest.mark.xfail(not against_mariadb(), strict=True, raises=AssertionError,
                             reason=f"relaydb bug: {reason}")

DB = "db_proto"

# Command bytes.
COM_QUIT, COM_INIT_DB, COM_QUERY, COM_FIELD_LIST = 0x01, 0x02, 0x03, 0x04
COM_STATISTICS, COM_PING = 0x09, 0x0E
COM_STMT_PREPARE, COM_STMT_EXECUTE, COM_STMT_CLOSE, COM_STMT_RESET = 0x16, 0x17, 0x19, 0x1A
COM_SET_OPTION = 0x1B

CAPS = (CLIENT.LONG_PASSWORD | CLIENT.LONG_FLAG | CLIENT.PROTOCOL_41 | CLIENT.TRANSACTIONS
        | CLIENT.SECURE_CONNECTION | CLIENT.MULTI_RESULTS | CLIENT.PLUGIN_AUTH)


class Closed(Exception):
    """The server closed the connection."""


class RawClient:
    """A MySQL protocol client over a plain socket, for sending what real clients never do."""

    def __init__(self, server, timeout: float = 10):
        self.sock = socket.create_connection((server.host, server.port), timeout=timeout)
        self.seq = 0
        self.buf = b""

    # --- framing -------------------------------------------------------------------------
    def _recv_exact(self, n: int) -> bytes:
        while len(self.buf) < n:
            try:
                chunk = self.sock.recv(65536)
            except ConnectionResetError:
                chunk = b""
            if not chunk:
                raise Closed(f"closed after {len(self.buf)} of {n} bytes")
            self.buf += chunk
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def read_packet(self) -> bytes:
        payload = b""
        while True:
            header = self._recv_exact(4)
            length = header[0] | header[1] << 8 | header[2] << 16
            self.seq = (header[3] + 1) & 0xFF
            payload += self._recv_exact(length)
            if length < 0xFFFFFF:
                return payload

    def send_raw(self, data: bytes) -> None:
        self.sock.sendall(data)

    def send_packet(self, payload: bytes, seq: Optional[int] = None) -> None:
        seq = self.seq if seq is None else seq
        out = b""
        while True:
            chunk, payload = payload[:0xFFFFFF], payload[0xFFFFFF:]
            out += struct.pack("<I", len(chunk))[:3] + bytes([seq & 0xFF]) + chunk
            seq += 1
            if len(chunk) < 0xFFFFFF:
                break
        self.seq = seq & 0xFF
        self.sock.sendall(out)

    # --- connection phase ----------------------------------------------------------------
    def read_greeting(self) -> bytes:
        greeting = self.read_packet()
        assert greeting[0] == 10, greeting[:20]
        version_end = greeting.index(b"\0", 1)
        pos = version_end + 1 + 4
        salt = greeting[pos:pos + 8]
        pos += 8 + 1 + 2 + 1 + 2 + 2 + 1 + 10
        salt += greeting[pos:pos + 12]
        return salt

    def login(self, user: str = "root", password: str = "", database: Optional[str] = None,
              caps: int = CAPS) -> bytes:
        """Handshake; returns the final OK packet (raises AssertionError on anything else)."""
        salt = self.read_greeting()
        if database:
            caps |= CLIENT.CONNECT_WITH_DB
        auth = native_scramble(password, salt)
        payload = struct.pack("<IIB23x", caps, 1 << 24, 45) + user.encode() + b"\0"
        payload += bytes([len(auth)]) + auth
        if database:
            payload += database.encode() + b"\0"
        payload += b"mysql_native_password\0"
        self.send_packet(payload, seq=1)
        reply = self.read_packet()
        if reply[:1] == b"\xfe":  # auth switch: answer for the plugin named
            plugin_end = reply.index(b"\0", 1)
            new_salt = reply[plugin_end + 1:].rstrip(b"\0")
            self.send_packet(native_scramble(password, new_salt))
            reply = self.read_packet()
        assert reply[:1] == b"\x00", f"login failed: {decode_err(reply)}"
        return reply

    # --- commands ------------------------------------------------------------------------
    def command(self, cmd: int, body: bytes = b"") -> bytes:
        """Sends one command packet (sequence 0), returns the first reply packet."""
        self.send_packet(bytes([cmd]) + body, seq=0)
        return self.read_packet()

    def query(self, sql: str):
        """COM_QUERY; returns ('ok'|'err'|'rows', value) for the first result."""
        first = self.command(COM_QUERY, sql.encode())
        return self.read_result(first)

    def read_result(self, first: bytes):
        if first[:1] == b"\x00":
            return ("ok", None)
        if first[:1] == b"\xff":
            return ("err", decode_err(first))
        ncols, _ = lenenc_int(first, 0)
        names = [column_name(self.read_packet()) for _ in range(ncols)]
        pkt = self.read_packet()
        if pkt[:1] == b"\xfe" and len(pkt) < 9:
            pkt = self.read_packet()
        rows = []
        while not (pkt[:1] == b"\xfe" and len(pkt) < 9):
            if pkt[:1] == b"\xff":
                return ("err", decode_err(pkt))
            rows.append(text_row(pkt, ncols))
            pkt = self.read_packet()
        return ("rows", (names, rows))

    def outcome(self) -> tuple:
        """What the server does next: ('err', errno, message), ('closed',) or ('packet', bytes)."""
        try:
            pkt = self.read_packet()
        except Closed:
            return ("closed",)
        except socket.timeout:
            return ("timeout",)
        if pkt[:1] == b"\xff":
            return ("err",) + decode_err(pkt)
        return ("packet", pkt)

    def closed_eventually(self) -> bool:
        """True if the server closes the connection (reads until EOF; error packets allowed)."""
        try:
            while True:
                self.read_packet()
        except Closed:
            return True
        except socket.timeout:
            return False

    def close(self) -> None:
        self.sock.close()


def native_scramble(password: str, salt: bytes) -> bytes:
    if not password:
        return b""
    h1 = hashlib.sha1(password.encode()).digest()
    h2 = hashlib.sha1(salt[:20] + hashlib.sha1(h1).digest()).digest()
    return bytes(a ^ b for a, b in zip(h1, h2))


def lenenc_int(data: bytes, pos: int) -> tuple[int, int]:
    first = data[pos]
    if first < 0xFB:
        return first, pos + 1
    if first == 0xFC:
        return struct.unpack_from("<H", data, pos + 1)[0], pos + 3
    if first == 0xFD:
        return int.from_bytes(data[pos + 1:pos + 4], "little"), pos + 4
    return struct.unpack_from("<Q", data, pos + 1)[0], pos + 9


def lenenc_str(data: bytes, pos: int) -> tuple[Optional[bytes], int]:
    if data[pos] == 0xFB:
        return None, pos + 1
    n, pos = lenenc_int(data, pos)
    return data[pos:pos + n], pos + n


def column_name(pkt: bytes) -> str:
    pos = 0
    fields = []
    for _ in range(6):  # catalog, schema, table, org_table, name, org_name
        s, pos = lenenc_str(pkt, pos)
        fields.append(s)
    return fields[4].decode()


def column_definition(pkt: bytes) -> dict:
    pos = 0
    fields = []
    for _ in range(6):
        s, pos = lenenc_str(pkt, pos)
        fields.append(s.decode() if s is not None else None)
    _, pos = lenenc_int(pkt, pos)  # length of fixed fields (0x0c)
    charset, length, ftype, flags, decimals = struct.unpack_from("<HIBHB", pkt, pos)
    return {"schema": fields[1], "table": fields[2], "org_table": fields[3], "name": fields[4],
            "org_name": fields[5], "charset": charset, "length": length, "type": ftype,
            "flags": flags, "decimals": decimals}


def text_row(pkt: bytes, ncols: int) -> list:
    pos, row = 0, []
    for _ in range(ncols):
        s, pos = lenenc_str(pkt, pos)
        row.append(None if s is None else s.decode())
    return row


def decode_err(pkt: bytes) -> tuple[int, str]:
    assert pkt[:1] == b"\xff", pkt[:40]
    errno = struct.unpack_from("<H", pkt, 1)[0]
    msg = pkt[3:]
    if msg[:1] == b"#":
        msg = msg[6:]
    return errno, msg.decode(errors="replace")


def wait_for(predicate, timeout: float, what: str, interval: float = 0.02):
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")
        time.sleep(interval)


def run(conn, sql, args=None):
    with conn.cursor() as cur:
        cur.execute(sql, args)
        return cur.fetchall()


def error_of(fn) -> Optional[tuple]:
    try:
        fn()
    except pymysql.err.MySQLError as e:
        return tuple(e.args[:2])
    return None


@pytest.fixture
def sides(relaydb, mariadb):
    pairs = [("relaydb", relaydb), ("mariadb", mariadb)]
    for _, server in pairs:
        server.recreate_database(DB)
        conn = server.connect(autocommit=True, database=DB)
        run(conn, "CREATE TABLE t (id INT NOT NULL PRIMARY KEY, name VARCHAR(20) DEFAULT 'x', "
                  "price DECIMAL(6,2), v_ts DATETIME)")
        run(conn, "INSERT INTO t (id, name, price) VALUES (1, 'a', 1.50), (2, 'b', NULL)")
        conn.close()
    yield pairs
    for _, server in pairs:
        if server.alive():
            server.recreate_database(DB, drop_only=True)


def on_both(sides, scenario):
    results = {name: scenario(server) for name, server in sides}
    assert results["relaydb"] == results["mariadb"], (
        f"relaydb and MariaDB differ:\n relaydb: {results['relaydb']!r}\n"
        f" mariadb: {results['mariadb']!r}")
    return results["mariadb"]


def assert_serving(server):
    """A fresh PyMySQL connection logs in and queries."""
    conn = server.connect(autocommit=True, connect_timeout=10, read_timeout=10)
    try:
        assert run(conn, "SELECT 1 + 1") == ((2,),)
    finally:
        conn.close()


# --- malformed input -----------------------------------------------------------------------

def each_side(sides, scenario):
    """Runs a malformed-input scenario on both servers; each must keep serving."""
    out = {}
    for name, server in sides:
        out[name] = scenario(server)
        assert_serving(server)
    return out


def test_truncated_header_then_close(sides):
    def scenario(server):
        c = RawClient(server)
        c.read_greeting()
        c.send_raw(b"\x20\x00")  # 2 of 4 header bytes
        c.sock.shutdown(socket.SHUT_WR)
        closed = c.closed_eventually()
        c.close()
        return closed

    assert each_side(sides, scenario) == {"relaydb": True, "mariadb": True}


def test_length_that_lies_then_close(sides):
    def scenario(server):
        c = RawClient(server)
        c.login()
        c.send_raw(struct.pack("<I", 1000)[:3] + b"\x00" + bytes([COM_QUERY]) + b"SELECT 1")
        c.sock.shutdown(socket.SHUT_WR)
        closed = c.closed_eventually()
        c.close()
        return closed

    assert each_side(sides, scenario) == {"relaydb": True, "mariadb": True}


def test_garbage_instead_of_handshake_response(sides):
    def scenario(server):
        results = []
        for garbage in (os.urandom(3), b"\x00" * 40, bytes(range(256)) * 4, b"\xff" * 32):
            c = RawClient(server)
            c.read_greeting()
            c.send_packet(garbage, seq=1)
            outcome = c.outcome()
            assert outcome[0] in ("err", "closed"), outcome
            c.close()
            results.append(outcome[0])
        return results

    out = each_side(sides, scenario)
    assert all(o in ("err", "closed") for side in out.values() for o in side)


def test_handshake_header_announces_a_huge_packet(sides):
    def scenario(server):
        c = RawClient(server)
        c.read_greeting()
        c.send_raw(b"\xff\xff\xff\x01" + b"\x00" * 100)
        c.sock.shutdown(socket.SHUT_WR)
        closed = c.closed_eventually()
        c.close()
        return closed

    assert each_side(sides, scenario) == {"relaydb": True, "mariadb": True}


# Command bytes whose garbage bodies are errors on both servers (unknown commands, and
# commands that cannot succeed with a random body); COM_SHUTDOWN, COM_BINLOG_DUMP,
# COM_CHANGE_USER ... are left out: garbage can be a valid request for them.
GARBAGE_COMMANDS = ([c for c in range(0x20, 0x100) if c not in (0xFA, 0xFE)]
                    + [COM_INIT_DB, COM_FIELD_LIST, COM_STMT_EXECUTE, COM_STMT_RESET, 0x1C])


def test_garbage_command_packets_after_login(sides):
    """Random well-framed command packets after login: an error for each (the connection
    still usable after it) or a closed connection; never a crash or a hang."""
    def scenario(server):
        rng = __import__("random").Random(7)
        outcomes = []
        c = RawClient(server)
        c.login()
        for _ in range(60):
            body = bytes([rng.choice(GARBAGE_COMMANDS)]) + \
                bytes(rng.randrange(256) for _ in range(rng.randrange(0, 60)))
            c.send_packet(body, seq=0)
            outcome = c.outcome()
            assert outcome[0] in ("err", "closed"), (body, outcome)
            outcomes.append(outcome[:2])
            if outcome[0] == "closed":
                c.close()
                c = RawClient(server)
                c.login()
            else:
                assert c.command(COM_PING)[:1] == b"\x00"
        c.close()
        return outcomes

    out = each_side(sides, scenario)
    assert len(out["relaydb"]) == 60


def test_unknown_command_byte(sides):
    def scenario(server):
        c = RawClient(server)
        c.login()
        results = []
        for cmd in (0x20, 0x42, 0xEE, 0x0D + 0x30):
            results.append(decode_err(c.command(cmd, b"xyz")))
        results.append(c.command(COM_PING)[:1])
        c.close()
        return results

    out = on_both(sides, scenario)
    assert out[0] == (1047, "Unknown command") and out[-1] == b"\x00"


def test_stmt_execute_with_bogus_statement_id(sides):
    def scenario(server):
        c = RawClient(server)
        c.login()
        execute = c.command(COM_STMT_EXECUTE, struct.pack("<IBI", 12345, 0, 1))
        reset = c.command(COM_STMT_RESET, struct.pack("<I", 777))
        c.send_packet(bytes([COM_STMT_CLOSE]) + struct.pack("<I", 999), seq=0)  # no reply
        short = c.command(COM_STMT_EXECUTE, b"\x01")
        ping = c.command(COM_PING)[:1]
        c.close()
        return decode_err(execute), decode_err(reset), short[:1], ping

    execute, reset, short, ping = on_both(sides, scenario)
    assert execute == (1243, "Unknown prepared statement handler (12345) given to mysqld_stmt_execute")
    assert reset == (1243, "Unknown prepared statement handler (777) given to mysqld_stmt_reset")
    assert short == b"\xff" and ping == b"\x00"


def _execute_cut_short(server, bodies_after_header):
    """Prepares SELECT ? + ?, ? over a raw connection and executes it with each body (after
    the statement id/flags/iteration header); returns the errno or first byte of each reply,
    and the reply to a COM_PING after them."""
    c = RawClient(server)
    c.login()
    ok = c.command(COM_STMT_PREPARE, b"SELECT ? + ?, ?")
    assert ok[:1] == b"\x00", ok
    stmt_id, ncols, nparams = struct.unpack_from("<IHH", ok, 1)
    assert nparams == 3
    for _ in range(nparams + ncols + (1 if nparams else 0) + (1 if ncols else 0)):
        c.read_packet()  # parameter and column definitions, and their EOFs
    outcomes = []
    header = struct.pack("<IBI", stmt_id, 0, 1)
    for body in bodies_after_header:
        reply = c.command(COM_STMT_EXECUTE, header + body)
        outcomes.append(decode_err(reply)[0] if reply[:1] == b"\xff" else reply[:1])
    ping = c.command(COM_PING)[:1]
    c.close()
    return outcomes, ping


def test_stmt_execute_with_truncated_parameters(sides):
    """A real statement with three parameters, executed with its parameter data cut short."""
    bodies = [b"",                                                   # no null bitmap at all
              b"\x00",                                                # no new-params-bound flag
              b"\x00" + b"\x01" + b"\x08\x00" * 3 + b"\x01\x00"]      # values cut short
    outcomes, ping = on_both(sides, lambda server: _execute_cut_short(server, bodies))
    assert outcomes == [1210, 1210, 1210] and ping == b"\x00"


@relaydb_bug("COM_STMT_EXECUTE with its parameter types cut short gives 1210, MariaDB 1835 "
             "(Malformed communication packet)")
def test_stmt_execute_with_truncated_parameter_types(sides):
    bodies = [b"\x00" + b"\x01" + b"\x08\x00"]
    outcomes, ping = on_both(sides, lambda server: _execute_cut_short(server, bodies))
    assert outcomes == [1835] and ping == b"\x00"


def test_packets_out_of_order(sides):
    def scenario(server):
        c = RawClient(server)
        c.login()
        c.send_packet(bytes([COM_QUERY]) + b"SELECT 1", seq=5)
        outcome = c.outcome()
        closed = outcome[0] == "closed" or c.closed_eventually()
        c.close()
        return outcome[:2], closed

    out = each_side(sides, scenario)
    for name, (outcome, closed) in out.items():
        assert closed, (name, outcome)
        assert outcome in (("closed",), ("err", 1156)), (name, outcome)


def test_packet_over_max_allowed_packet(sides):
    def scenario(server):
        conn = server.connect(autocommit=True)
        limit = run(conn, "SELECT @@max_allowed_packet")[0][0]
        conn.close()
        c = RawClient(server, timeout=30)
        c.login()
        big = bytes([COM_QUERY]) + b"SELECT '" + b"x" * (limit + 10) + b"'"
        try:
            c.send_packet(big, seq=0)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server stopped reading: fine, its answer is what matters
        outcome = c.outcome()
        closed = outcome[0] == "closed" or c.closed_eventually()
        c.close()
        return limit, outcome, closed

    out = each_side(sides, scenario)
    assert out["relaydb"] == out["mariadb"]
    assert out["relaydb"][1] == ("err", 1153, "Got a packet bigger than 'max_allowed_packet' bytes")
    assert out["relaydb"][2]


def test_connect_then_silence_is_dropped_after_connect_timeout(server_factory):
    """A client that never answers the greeting is dropped after connect_timeout."""
    server = server_factory.relaydb(extra_args=["--connect-timeout=2"])
    c = RawClient(server, timeout=20)
    c.read_greeting()
    started = time.monotonic()
    assert c.closed_eventually()
    assert 1 <= time.monotonic() - started < 10
    c.close()
    assert_serving(server)


def test_many_half_open_connections_do_not_block_others(sides):
    def scenario(server):
        raws = []
        for _ in range(20):
            c = RawClient(server)
            c.read_greeting()
            raws.append(c)
        assert_serving(server)
        for c in raws:
            c.close()
        return True

    assert each_side(sides, scenario) == {"relaydb": True, "mariadb": True}


# --- multi-statements and COM_SET_OPTION ---------------------------------------------------

def all_results(cur):
    out = []
    while True:
        out.append((cur.rowcount, cur.fetchall() if cur.description else None))
        if not cur.nextset():
            return out


def test_multi_statements_return_every_result(sides):
    def scenario(server):
        conn = server.connect(autocommit=True, database=DB, client_flag=CLIENT.MULTI_STATEMENTS)
        try:
            with conn.cursor() as cur:
                cur.execute("SELECT 1; SELECT 'two' AS b, 2.5; INSERT INTO t (id) VALUES (10), (11); "
                            "UPDATE t SET name = 'u' WHERE id >= 10; SELECT id, name FROM t ORDER BY id;")
                results = all_results(cur)
            with conn.cursor() as cur:
                cur.execute("SELECT 1; SELECT nope FROM t; SELECT 3")
                first = cur.fetchall()
                err = error_of(cur.nextset)
            after = run(conn, "SELECT COUNT(*) FROM t")
            with conn.cursor() as cur:
                cur.execute("SET @a = 5; SELECT @a + 1")
                tail = all_results(cur)
            return results, first, err, after, tail
        finally:
            conn.close()

    results, first, err, after, tail = on_both(sides, scenario)
    assert len(results) == 5 and results[-1][1][-1] == (11, "u"), results
    assert first == ((1,),) and err == (1054, "Unknown column 'nope' in 'SELECT'")
    assert tail[-1][1] == ((6,),)


def test_multi_statements_without_the_flag_is_1064(sides):
    def scenario(server):
        conn = server.connect(autocommit=True, database=DB)
        try:
            return (error_of(lambda: run(conn, "SELECT 1; SELECT 2")),
                    error_of(lambda: run(conn, "INSERT INTO t (id) VALUES (20); DELETE FROM t")),
                    run(conn, "SELECT COUNT(*) FROM t"),
                    run(conn, "SELECT 3;"))
        finally:
            conn.close()

    first, second, count, trailing = on_both(sides, scenario)
    assert first == (1064, "You have an error in your SQL syntax; check the manual that corresponds "
                           "to your MariaDB server version for the right syntax to use near "
                           "'SELECT 2' at line 1")
    assert second[0] == 1064 and count == ((2,),) and trailing == ((3,),)


def test_com_set_option_toggles_multi_statements(sides):
    def scenario(server):
        c = RawClient(server)
        c.login(database=DB)
        before = c.query("SELECT 1; SELECT 2")
        on = c.command(COM_SET_OPTION, struct.pack("<H", 0))
        first = c.query("SELECT 1; SELECT 2")
        second = c.read_result(c.read_packet())
        off = c.command(COM_SET_OPTION, struct.pack("<H", 1))
        again = c.query("SELECT 1; SELECT 2")
        bad = c.command(COM_SET_OPTION, struct.pack("<H", 7))
        ping = c.command(COM_PING)[:1]
        c.close()
        return (before[0], before[1][0], on[:1], first, second, off[:1], again[1][0],
                decode_err(bad) if bad[:1] == b"\xff" else bad[:1], ping)

    out = on_both(sides, scenario)
    assert out[0] == "err" and out[1] == 1064 and out[2] == b"\xfe"
    assert out[3] == ("rows", (["1"], [["1"]])) and out[4] == ("rows", (["2"], [["2"]]))
    assert out[6] == 1064


# --- other commands ------------------------------------------------------------------------

def field_list(c, table: str, wildcard: str = ""):
    first = c.command(COM_FIELD_LIST, table.encode() + b"\0" + wildcard.encode())
    if first[:1] == b"\xff":
        return decode_err(first)
    cols, pkt = [], first
    while not (pkt[:1] == b"\xfe" and len(pkt) < 9):
        col = column_definition(pkt)
        cols.append((col["name"], col["org_name"], col["table"], col["schema"], col["type"],
                     col["flags"] & ~0x4000, col["charset"], col["length"], col["decimals"]))
        pkt = c.read_packet()
    return cols


def test_com_field_list(sides):
    def scenario(server):
        c = RawClient(server)
        c.login(database=DB)
        out = [field_list(c, "t"), field_list(c, "nope")]
        c.close()
        c = RawClient(server)
        c.login()
        out.append(field_list(c, "t"))
        c.close()
        return out

    cols, missing, no_db = on_both(sides, scenario)
    assert [col[0] for col in cols] == ["id", "name", "price", "v_ts"]
    assert missing == (1146, "Table 'db_proto.nope' doesn't exist")
    assert no_db == (1046, "No database selected")


def test_com_field_list_wildcard(sides):
    def scenario(server):
        c = RawClient(server)
        c.login(database=DB)
        out = [col[0] for col in field_list(c, "t", "%e")]
        c.close()
        return out

    assert on_both(sides, scenario) == ["name", "price"]


def test_com_ping_init_db_statistics_quit(sides):
    def scenario(server):
        c = RawClient(server)
        c.login()
        out = [c.command(COM_PING)[:1],
               c.command(COM_INIT_DB, DB.encode())[:1],
               c.query("SELECT DATABASE()"),
               decode_err(c.command(COM_INIT_DB, b"no_such_db")),
               c.query("SELECT DATABASE()"),
               c.command(COM_STATISTICS).split(b"  ")[0].split(b":")[0]]
        c.send_packet(bytes([COM_QUIT]), seq=0)
        out.append(c.closed_eventually())
        c.close()
        return out

    out = on_both(sides, scenario)
    assert out[0] == out[1] == b"\x00"
    assert out[2] == ("rows", (["DATABASE()"], [[DB]]))
    assert out[3] == (1049, "Unknown database 'no_such_db'")
    assert out[4] == out[2] and out[5] == b"Uptime" and out[6] is True


def test_connect_with_unknown_database(sides):
    def scenario(server):
        return error_of(lambda: server.connect(database="no_such_db").close())

    assert on_both(sides, scenario) == (1049, "Unknown database 'no_such_db'")


# --- KILL and SHOW PROCESSLIST -------------------------------------------------------------

class Sleeper:
    """A connection running `sql` on a thread; records its result or error and the time."""

    def __init__(self, server, sql="SELECT SLEEP(30)"):
        self.conn = server.connect(autocommit=True, read_timeout=60)
        self.id = self.conn.thread_id()
        self.sql = sql
        self.result = None
        self.finished_at = None
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        try:
            self.result = ("ok", run(self.conn, self.sql))
        except pymysql.err.MySQLError as e:
            self.result = ("error", e.args[0])
        self.finished_at = time.monotonic()

    def wait(self, timeout):
        self.thread.join(timeout)
        assert not self.thread.is_alive(), f"{self.sql} still running after {timeout}s"
        return self.result


def processlist(server, full=False):
    conn = server.connect(autocommit=True)
    try:
        with conn.cursor() as cur:
            cur.execute("SHOW FULL PROCESSLIST" if full else "SHOW PROCESSLIST")
            names = [d[0] for d in cur.description]
            return [dict(zip(names, row)) for row in cur.fetchall()]
    finally:
        conn.close()


def wait_running(server, conn_id, sql, timeout=10):
    def running():
        return [r for r in processlist(server) if r["Id"] == conn_id and r["Info"] == sql]
    return wait_for(running, timeout, f"connection {conn_id} to run {sql}")[0]


def test_kill_query_interrupts_sleep(sides):
    def scenario(server):
        sleeper = Sleeper(server)
        wait_running(server, sleeper.id, sleeper.sql)
        killer = server.connect(autocommit=True)
        started = time.monotonic()
        run(killer, f"KILL QUERY {sleeper.id}")
        result = sleeper.wait(10)
        took = sleeper.finished_at - started
        still_usable = run(sleeper.conn, "SELECT 'alive'")
        kill_unknown = error_of(lambda: run(killer, "KILL QUERY 987654"))
        sleeper.conn.close()
        killer.close()
        return result, took < 5, still_usable, kill_unknown

    result, quick, usable, unknown = on_both(sides, scenario)
    assert quick and usable == (("alive",),)
    assert unknown == (1094, "Unknown thread id: 987654")


def test_kill_connection_closes_it(sides):
    def scenario(server):
        sleeper = Sleeper(server)
        wait_running(server, sleeper.id, sleeper.sql)
        killer = server.connect(autocommit=True)
        started = time.monotonic()
        run(killer, f"KILL CONNECTION {sleeper.id}")
        result = sleeper.wait(10)
        took = sleeper.finished_at - started
        gone = wait_for(lambda: all(r["Id"] != sleeper.id for r in processlist(server)), 10,
                        "the killed connection to leave the processlist")
        sleeper.conn.close()

        idle = server.connect(autocommit=True)
        idle_id = idle.thread_id()
        run(killer, f"KILL {idle_id}")
        idle_error = error_of(lambda: run(idle, "SELECT 1"))
        idle.close()
        killer.close()
        return result[0], took < 5, gone, idle_error is not None and idle_error[0] in (2006, 2013)

    assert on_both(sides, scenario) == ("error", True, True, True)


def test_kill_needs_ownership_or_privilege(sides):
    def scenario(server):
        admin = server.connect(autocommit=True)
        run(admin, "DROP USER IF EXISTS 'proto_u'@'%'")
        run(admin, "CREATE USER 'proto_u'@'%' IDENTIFIED BY 'pw'")
        try:
            user = server.connect(user="proto_u", password="pw", autocommit=True)
            own = server.connect(user="proto_u", password="pw", autocommit=True)
            other = error_of(lambda: run(user, f"KILL {admin.thread_id()}"))
            other = (other[0], other[1].replace(str(admin.thread_id()), "<id>"))
            mine = error_of(lambda: run(user, f"KILL QUERY {own.thread_id()}"))
            mine_conn = error_of(lambda: run(user, f"KILL {own.thread_id()}"))
            own_gone = error_of(lambda: run(own, "SELECT 1")) is not None
            own.close()
            user.close()
            return other, mine, mine_conn, own_gone
        finally:
            run(admin, "DROP USER 'proto_u'@'%'")
            admin.close()

    assert on_both(sides, scenario) == ((1095, "You are not owner of thread <id>"), None, None, True)


def test_kill_own_connection_reports_1927(sides):
    def scenario(server):
        conn = server.connect(autocommit=True)
        try:
            return error_of(lambda: run(conn, f"KILL {conn.thread_id()}"))
        finally:
            conn.close()

    assert on_both(sides, scenario) == (1927, "Connection was killed")


def test_show_processlist(sides):
    def scenario(server):
        idle = server.connect(autocommit=True, database=DB)
        sleeper = Sleeper(server)
        try:
            wait_running(server, sleeper.id, sleeper.sql)
            conn = server.connect(autocommit=True)
            with conn.cursor() as cur:
                cur.execute("SHOW PROCESSLIST")
                columns = [d[0] for d in cur.description]
                rows = {r[0]: dict(zip(columns, r)) for r in cur.fetchall()}
                me = rows[conn.thread_id()]
            conn.close()
            idle_row, sleep_row = rows[idle.thread_id()], rows[sleeper.id]
            full = [r for r in processlist(server, full=True) if r["Id"] == sleeper.id][0]
            return (columns,
                    (idle_row["User"], idle_row["db"], idle_row["Command"], idle_row["Info"],
                     idle_row["State"], idle_row["Host"].startswith("localhost:") or
                     idle_row["Host"].startswith("127.0.0.1:")),
                    (sleep_row["Command"], sleep_row["Info"], sleep_row["db"]),
                    (me["Command"], me["Info"]),
                    full["Info"])
        finally:
            run(idle, f"KILL QUERY {sleeper.id}")
            sleeper.wait(10)
            sleeper.conn.close()
            idle.close()

    columns, idle, sleeping, me, full = on_both(sides, scenario)
    assert columns == ["Id", "User", "Host", "db", "Command", "Time", "State", "Info", "Progress"]
    assert idle == ("root", DB, "Sleep", None, "", True)
    assert sleeping == ("Query", "SELECT SLEEP(30)", None)
    assert me == ("Query", "SHOW PROCESSLIST")


def test_processlist_state_of_a_sleeping_query(sides):
    def scenario(server):
        sleeper = Sleeper(server)
        try:
            return wait_running(server, sleeper.id, sleeper.sql)["State"]
        finally:
            killer = server.connect(autocommit=True)
            run(killer, f"KILL QUERY {sleeper.id}")
            killer.close()
            sleeper.wait(10)
            sleeper.conn.close()

    assert on_both(sides, scenario) == "User sleep"
