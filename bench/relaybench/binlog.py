"""Counting what a binary log holds, from its files.

* `scan()`: a reader of v4 event headers (4-byte magic, then 19-byte headers:
  timestamp u32, type u8, server_id u32, event_length u32, next_pos u32, flags u16):
  events, bytes and transactions (MariaDB Gtid events, type 162; Xid events, type 16)
  between two binlog coordinates.
* `count_rows()`: row changes, from `mariadb-binlog --base64-output=decode-rows -v`
  ("### INSERT INTO" / "### UPDATE" / "### DELETE FROM" lines); used once per input,
  never timed.
"""

from __future__ import annotations

import re
import struct
import subprocess
from pathlib import Path
from typing import Optional

from .common import query

MAGIC = b"\xfebin"
GTID_EVENT = 162
XID_EVENT = 16
QUERY_EVENT = 2
HEADER = struct.Struct("<IBIIIH")


def pos_key(file: str, pos: int) -> tuple[int, int]:
    return int(file.rsplit(".", 1)[1]), int(pos)


def master_status(server) -> tuple[str, int]:
    rows = query(server, "SHOW MASTER STATUS")
    if not rows:
        raise RuntimeError(f"SHOW MASTER STATUS on {server.name} returned no row "
                           "(binary log off?)")
    return rows[0][0], int(rows[0][1])


def binary_logs(server) -> list[tuple[str, int]]:
    return [(r[0], int(r[1])) for r in query(server, "SHOW BINARY LOGS")]


def binlog_dir(server) -> Path:
    """The directory of the server's binlog files (from @@log_bin_index, else datadir)."""
    row = query(server, "SELECT @@log_bin_index, @@datadir")[0]
    datadir = Path(row[1] or server.datadir)
    if row[0]:
        index = Path(row[0])
        index = index if index.is_absolute() else datadir / index
        lines = [ln.strip() for ln in index.read_text().splitlines() if ln.strip()]
        if lines:
            p = Path(lines[0])
            return (p if p.is_absolute() else (datadir / p)).resolve().parent
        return index.parent
    return datadir


def binlog_paths(server) -> list[Path]:
    d = binlog_dir(server)
    return [d / name for name, _ in binary_logs(server)]


def scan(paths: list[Path], start: Optional[tuple[str, int]] = None,
         end: Optional[tuple[str, int]] = None) -> dict:
    """Events / bytes / transactions in [start, end) over the files (whole files when
    start/end are None). Reads the files in 8 MiB blocks."""
    events = nbytes = gtids = xids = 0
    types: dict[int, int] = {}
    for path in paths:
        fkey = pos_key(path.name, 0)[0]
        lo = start[1] if start and pos_key(*start)[0] == fkey else 4
        if start and fkey < pos_key(*start)[0]:
            continue
        hi = end[1] if end and pos_key(*end)[0] == fkey else None
        if end and fkey > pos_key(*end)[0]:
            break
        with open(path, "rb") as f:
            if f.read(4) != MAGIC:
                raise RuntimeError(f"{path} is not a binary log")
            pos = lo
            f.seek(pos)
            buf = b""
            buf_pos = pos
            while hi is None or pos < hi:
                if pos + 19 > buf_pos + len(buf):
                    f.seek(pos)
                    buf = f.read(8 << 20)
                    buf_pos = pos
                    if len(buf) < 19:
                        break
                _, type_code, _, size, _, _ = HEADER.unpack_from(buf, pos - buf_pos)
                if size < 19:
                    raise RuntimeError(f"{path}: event at {pos} has length {size}")
                events += 1
                nbytes += size
                types[type_code] = types.get(type_code, 0) + 1
                if type_code == GTID_EVENT:
                    gtids += 1
                elif type_code == XID_EVENT:
                    xids += 1
                pos += size
    return {"events": events, "bytes": nbytes, "gtid_events": gtids, "xid_events": xids,
            "types": {str(k): v for k, v in sorted(types.items())}}


ROW_LINE = re.compile(rb"^### (INSERT INTO|UPDATE|DELETE FROM) ", re.M)


def count_rows(paths: list[Path], start: tuple[str, int], end: tuple[str, int],
               timeout: float = 1800) -> int:
    """Row changes in [start, end) by decoding with mariadb-binlog -v (streamed)."""
    total = 0
    skey, ekey = pos_key(*start), pos_key(*end)
    for path in paths:
        fkey = pos_key(path.name, 0)[0]
        if fkey < skey[0] or fkey > ekey[0]:
            continue
        cmd = ["mariadb-binlog", "--no-defaults", "--base64-output=decode-rows", "-v"]
        if fkey == skey[0]:
            cmd.append(f"--start-position={skey[1]}")
        if fkey == ekey[0]:
            cmd.append(f"--stop-position={ekey[1]}")
        cmd.append(str(path))
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                stdin=subprocess.DEVNULL)
        tail = b""
        assert proc.stdout is not None
        while True:
            block = proc.stdout.read(4 << 20)
            if not block:
                break
            data = tail + block
            cut = data.rfind(b"\n") + 1
            total += len(ROW_LINE.findall(data, 0, cut))
            tail = data[cut:]
        total += len(ROW_LINE.findall(tail))
        _, err = proc.communicate(timeout=timeout)
        if proc.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}: "
                               f"{err.decode(errors='replace')[-500:]}")
    return total
