"""Differential SQL scripts: parse tests/sql/*.sql, run each statement on two servers, compare.

The script format is documented in tests/sql/README.md. In short: statements end with `;`
at the end of a line; `-- <directive>` lines just before a statement change how it is
compared (sorted, error N, skip relaydb: why, ignore_result, meta, warnings,
error_message_differs: why); other `--` lines are comments.

Results are compared exactly as the servers sent them: the connections use no value
converters and no text decoding, so every value is the raw bytes of the text protocol
(a DECIMAL "0.30", a DATETIME "2024-01-02 03:04:05", a FLOAT "0.1"), or None for NULL.
Besides rows, the comparison covers column names, errno + SQLSTATE + message, affected
rows, last insert id and the OK packet's info text ("Records: 2  Duplicates: 0 ...").
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import pymysql
import pymysql.err
from pymysql.constants import FIELD_TYPE

# PyMySQL drops the SQLSTATE of an ERR packet; keep it on the exception so it is compared.
_raise_mysql_exception = pymysql.err.raise_mysql_exception


def _raise_with_sqlstate(data):
    try:
        _raise_mysql_exception(data)
    except pymysql.err.MySQLError as e:
        e.sqlstate = data[4:9].decode("ascii", "replace") if data[3:4] == b"#" else None
        raise


if getattr(pymysql.err.raise_mysql_exception, "__name__", "") != "_raise_with_sqlstate":
    pymysql.err.raise_mysql_exception = _raise_with_sqlstate

_TYPE_NAMES = {v: k for k, v in vars(FIELD_TYPE).items() if k.isupper() and k != "CHAR"}


class ScriptError(ValueError):
    """The script itself is malformed (bad directive, dangling directive)."""


@dataclass
class Statement:
    sql: str
    line: int                                   # 1-based line of the statement's start
    sorted: bool = False                        # -- sorted
    error: Optional[int] = None                 # -- error N
    skip_relaydb: Optional[str] = None          # -- skip relaydb: reason
    ignore_result: bool = False                 # -- ignore_result
    meta: bool = False                          # -- meta
    warnings: bool = False                      # -- warnings
    error_message_differs: Optional[str] = None  # -- error_message_differs: reason


_FLAGS = {"sorted", "ignore_result", "meta", "warnings"}
_DIRECTIVE_RE = re.compile(r"^(sorted|error|skip|ignore_result|meta|warnings|error_message_differs)"
                           r"\b\s*(.*)$")


def _apply_directive(stmt: Statement, body: str, where: str) -> bool:
    """Applies `body` (a comment's text) to `stmt`; False if it is an ordinary comment."""
    m = _DIRECTIVE_RE.match(body)
    if not m:
        if re.fullmatch(r"[a-z_]+", body):
            raise ScriptError(f"{where}: unknown directive '-- {body}'")
        return False
    name, rest = m.group(1), m.group(2).strip()
    if name in _FLAGS:
        if rest:
            raise ScriptError(f"{where}: '-- {name}' takes no argument")
        setattr(stmt, name, True)
    elif name == "error":
        if not re.fullmatch(r"\d{4,5}", rest):
            raise ScriptError(f"{where}: '-- error' needs one error number, got {rest!r}")
        stmt.error = int(rest)
    elif name == "skip":
        m2 = re.fullmatch(r"relaydb:\s*(\S.*)", rest)
        if not m2:
            raise ScriptError(f"{where}: write '-- skip relaydb: <reason>'")
        stmt.skip_relaydb = m2.group(1)
    elif name == "error_message_differs":
        m2 = re.fullmatch(r":\s*(\S.*)", rest)
        if not m2:
            raise ScriptError(f"{where}: write '-- error_message_differs: <reason>'")
        stmt.error_message_differs = m2.group(1)
    return True


def parse_script(text: str, name: str = "<script>") -> list[Statement]:
    """Splits a script into statements with their directives; raises ScriptError."""
    statements: list[Statement] = []
    pending = Statement("", 0)
    has_directive = False
    buf: list[str] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not buf:
            if not stripped:
                continue
            if stripped.startswith("--"):
                has_directive |= _apply_directive(pending, stripped[2:].strip(), f"{name}:{lineno}")
                continue
            pending.line = lineno
        buf.append(line)
        if stripped.endswith(";"):
            pending.sql = "\n".join(buf).strip()[:-1].rstrip()
            if not pending.sql:
                raise ScriptError(f"{name}:{lineno}: empty statement")
            statements.append(pending)
            pending, has_directive, buf = Statement("", 0), False, []
    if buf:
        raise ScriptError(f"{name}:{pending.line}: statement does not end with ';'")
    if has_directive:
        raise ScriptError(f"{name}: directive at the end of the script applies to no statement")
    return statements


@dataclass
class Outcome:
    """What one server answered to one statement."""
    error: Optional[tuple] = None         # (errno, sqlstate, message)
    columns: Optional[list] = None        # column names, None if no result set
    meta: Optional[list] = None           # (name, type, flags, decimals, charsetnr) per column
    rows: Optional[list] = None           # tuples of bytes/None
    affected: Optional[int] = None
    insert_id: Optional[int] = None
    info: Optional[bytes] = None          # OK packet info ("Records: 2  Duplicates: 0 ...")
    warning_count: int = 0
    warnings: Optional[list] = None       # SHOW WARNINGS rows, for `-- warnings`

    def render(self, stmt: Statement) -> list[str]:
        if self.error:
            errno, sqlstate, message = self.error
            return [f"ERROR {errno} ({sqlstate}): {message}"]
        out = []
        if self.columns is not None:
            out.append("columns: " + " | ".join(self.columns))
            if stmt.meta:
                out += ["  " + _render_meta(m) for m in self.meta]
            rows = sorted(self.rows, key=repr) if stmt.sorted else self.rows
            for row in rows:  # a value with newlines (SHOW CREATE TABLE) spans several lines
                out += ("  " + " | ".join(_render_value(v) for v in row)).split("\n")
            out.append(f"({len(self.rows)} rows)")
        else:
            out.append(f"OK affected={self.affected} insert_id={self.insert_id}"
                       + (f" info={_info_text(self.info)!r}" if self.info else ""))
        if stmt.warnings:
            out.append(f"warnings: {self.warning_count}")
            out += ["  " + " | ".join(_render_value(v) for v in w) for w in self.warnings or []]
        return out


def _info_text(info: bytes) -> str:
    """The OK packet's info string; PyMySQL leaves its length prefix on."""
    if info and info[0] == len(info) - 1:
        info = info[1:]
    return info.decode("utf-8", "replace")


def _render_value(v) -> str:
    if v is None:
        return "NULL"
    if isinstance(v, bytes):
        try:
            s = v.decode("utf-8")
        except UnicodeDecodeError:
            return "0x" + v.hex()
        if s.replace("\n", "").isprintable():
            return s.replace("\n", "\n      ")
        return repr(s)
    return str(v)


def _render_meta(m) -> str:
    name, type_code, flags, decimals, charsetnr = m
    return (f"[{name}: type={_TYPE_NAMES.get(type_code, type_code)}({type_code}) "
            f"flags=0x{flags:04x} decimals={decimals} charset={charsetnr}]")


class ConnectionBroken(RuntimeError):
    """A statement broke the connection (crash, protocol error): the script cannot go on."""


STATEMENT_TIMEOUT = 60  # seconds one statement may take before the script is abandoned


def connect_raw(server, **kwargs) -> pymysql.connections.Connection:
    """A connection whose values come back as the raw bytes the server sent."""
    kwargs.setdefault("read_timeout", STATEMENT_TIMEOUT)
    return server.connect(conv={}, use_unicode=False, autocommit=None, **kwargs)


def execute(conn, stmt: Statement) -> Outcome:
    cur = conn.cursor()
    try:
        cur.execute(stmt.sql)
    except pymysql.err.MySQLError as e:
        errno = e.args[0] if e.args and isinstance(e.args[0], int) else None
        if errno is None or 2000 <= errno < 3000:  # client-side (CR_*): lost connection, bad packet
            raise ConnectionBroken(f"{type(e).__name__}: {e}") from e
        return Outcome(error=(errno, getattr(e, "sqlstate", None), e.args[1]))
    except (OSError, AssertionError, IndexError, ValueError) as e:  # malformed packets
        raise ConnectionBroken(f"{type(e).__name__}: {e}") from e
    result = cur._result
    out = Outcome(affected=result.affected_rows, insert_id=result.insert_id,
                  warning_count=result.warning_count)
    if result.message:  # the OK packet's info, raw; rendered by _info_text()
        out.info = result.message
    if cur.description is not None:
        out.columns = [f.name for f in result.fields]
        out.meta = [(f.name, f.type_code, f.flags, f.scale, f.charsetnr) for f in result.fields]
        out.rows = list(cur.fetchall())
        out.affected = None  # for a result set PyMySQL reports the row count here
    if stmt.warnings:
        wc = conn.cursor()
        wc.execute("SHOW WARNINGS")
        out.warnings = list(wc.fetchall())
    return out


def compare(stmt: Statement, subject: Outcome, reference: Outcome) -> list[str]:
    """The differences between the two outcomes that `stmt`'s directives make relevant."""
    problems = []
    if stmt.error is not None:
        for side, o in (("relaydb", subject), ("mariadb", reference)):
            if not o.error or o.error[0] != stmt.error:
                problems.append(f"{side}: expected error {stmt.error}")
    elif reference.error and subject.error and reference.error[0] == subject.error[0]:
        problems.append(f"both servers failed with {reference.error[0]}; if intended, "
                        f"add '-- error {reference.error[0]}' before the statement")
    if bool(subject.error) != bool(reference.error):
        problems.append("one server failed, the other succeeded")
    elif subject.error:
        if subject.error[0] != reference.error[0]:
            problems.append("errno differs")
        elif subject.error[1] != reference.error[1]:
            problems.append("SQLSTATE differs")
        elif subject.error[2] != reference.error[2] and not stmt.error_message_differs:
            problems.append("error message differs")
    elif not stmt.ignore_result:
        if subject.columns != reference.columns:
            problems.append("column names differ")
        elif stmt.meta and subject.meta != reference.meta:
            problems.append("column metadata differs")
        if subject.rows is not None and reference.rows is not None:
            a, b = subject.rows, reference.rows
            if stmt.sorted:
                a, b = sorted(a, key=repr), sorted(b, key=repr)
            if a != b:
                problems.append("rows differ")
        for what in ("affected", "insert_id", "info"):
            if getattr(subject, what) != getattr(reference, what):
                problems.append(f"{what} differs")
        if stmt.warnings and (subject.warning_count, subject.warnings) != (
                reference.warning_count, reference.warnings):
            problems.append("warnings differ")
    return list(dict.fromkeys(problems))


def format_failure(path: Path, stmt: Statement, problems: list[str],
                   subject: Optional[Outcome], reference: Optional[Outcome]) -> str:
    head = f"{path.name}:{stmt.line}: {'; '.join(problems)}\n  statement: {stmt.sql}"
    if subject is None or reference is None:
        return head
    a, b = subject.render(stmt), reference.render(stmt)
    lines = [head, "  --- relaydb", *("    " + x for x in a[:40]),
             "  --- mariadb", *("    " + x for x in b[:40])]
    if len(a) > 10 or len(b) > 10:
        lines.append("  --- diff (mariadb -> relaydb)")
        lines += ["    " + d for d in difflib.unified_diff(b, a, lineterm="", n=1)][2:60]
    return "\n".join(lines)


def database_name(path: Path) -> str:
    return "db_" + re.sub(r"[^A-Za-z0-9_]", "_", path.stem)


def run_script(path: Path, subject_server, reference_server, max_failures: int = 5) -> list[str]:
    """Runs one script on both servers; returns readable failure reports (empty = pass)."""
    statements = parse_script(path.read_text(), path.name)
    db = database_name(path)
    conns = {}
    failures: list[str] = []
    try:
        for side, server in (("relaydb", subject_server), ("mariadb", reference_server)):
            conn = conns[side] = connect_raw(server)
            cur = conn.cursor()
            cur.execute(f"DROP DATABASE IF EXISTS `{db}`")
            cur.execute(f"CREATE DATABASE `{db}`")
            cur.execute(f"USE `{db}`")
        for stmt in statements:
            try:
                reference = execute(conns["mariadb"], stmt)
                if stmt.skip_relaydb:
                    if (reference.error or (None,))[0] != stmt.error:
                        failures.append(format_failure(
                            path, stmt, [f"mariadb did not give the expected outcome "
                                         f"(error {stmt.error})"], reference, reference))
                    continue
                subject = execute(conns["relaydb"], stmt)
            except ConnectionBroken as e:
                failures.append(format_failure(path, stmt, [f"connection broken: {e}"], None, None))
                return failures
            problems = compare(stmt, subject, reference)
            if problems:
                failures.append(format_failure(path, stmt, problems, subject, reference))
                if len(failures) >= max_failures:
                    failures.append(f"(stopped after {max_failures} failures)")
                    return failures
        return failures
    finally:
        for conn in conns.values():
            try:
                conn.cursor().execute(f"DROP DATABASE IF EXISTS `{db}`")
                conn.close()
            except pymysql.err.MySQLError:
                pass
            except OSError:
                pass


def main(argv=None) -> int:
    """Prints what one server answers to each statement of a script (for writing scripts)."""
    import argparse

    ap = argparse.ArgumentParser(description=main.__doc__)
    ap.add_argument("script", type=Path)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--user", default="root")
    ap.add_argument("--password", default="")
    args = ap.parse_args(argv)

    class _Endpoint:  # the one method connect_raw needs
        def connect(self, **kw):
            return pymysql.connect(host=args.host, port=args.port, user=args.user,
                                   password=args.password, charset="utf8mb4", **kw)

    conn = connect_raw(_Endpoint())
    db = database_name(args.script)
    cur = conn.cursor()
    cur.execute(f"DROP DATABASE IF EXISTS `{db}`")
    cur.execute(f"CREATE DATABASE `{db}`")
    cur.execute(f"USE `{db}`")
    try:
        for stmt in parse_script(args.script.read_text(), args.script.name):
            print(f"{args.script.name}:{stmt.line}> {stmt.sql}")
            outcome = execute(conn, stmt)
            for line in outcome.render(stmt):
                print("   " + line)
    finally:
        conn.cursor().execute(f"DROP DATABASE IF EXISTS `{db}`")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
