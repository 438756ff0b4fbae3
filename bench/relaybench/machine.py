"""The machine, measured in the same run as the figures.

* cores, CPU model, memory, kernel, the filesystem of the work directory;
* fsync latency: a loop of 4 KiB appends, each followed by fdatasync (what a durable
  binlog commit costs at least), in the benchmark's own temp dir;
* sequential write: N MiB in 1 MiB writes, then one fdatasync, timed to its end;
* loopback bandwidth: one Python TCP connection over 127.0.0.1, a receiving thread
  reading in 256 KiB chunks until the sender's N MiB arrived.
"""

from __future__ import annotations

import os
import platform
import socket
import subprocess
import threading
import time
from pathlib import Path

from .stats import percentile


def cpu_info() -> dict:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_kib = 0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_kib = int(line.split()[1])
    except OSError:
        pass
    return {"cores": os.cpu_count(), "usable_cores": len(os.sched_getaffinity(0)),
            "cpu_model": model, "memory_gib": round(mem_kib / 1048576, 1),
            "kernel": platform.release(), "loadavg_at_start": os.getloadavg()}


def filesystem_of(path: Path) -> str:
    try:
        out = subprocess.run(["df", "-T", str(path)], capture_output=True, text=True,
                             timeout=10).stdout.splitlines()
        fields = out[-1].split()
        return f"{fields[1]} on {fields[0]}"
    except (OSError, IndexError, subprocess.SubprocessError):
        return "unknown"


def fsync_latency(directory: Path, seconds: float, max_iters: int) -> dict:
    """Latency of write(4 KiB) + fdatasync, appending to a new file."""
    path = directory / "fsync-probe"
    block = os.urandom(4096)
    lat = []
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        deadline = time.monotonic() + seconds
        while len(lat) < max_iters and (time.monotonic() < deadline or len(lat) < 10):
            t0 = time.perf_counter()
            os.write(fd, block)
            os.fdatasync(fd)
            lat.append((time.perf_counter() - t0) * 1e3)
    finally:
        os.close(fd)
        path.unlink(missing_ok=True)
    return {"iterations": len(lat), "p50_ms": percentile(lat, 50), "p99_ms": percentile(lat, 99),
            "mean_ms": sum(lat) / len(lat), "per_second": len(lat) / (sum(lat) / 1e3)}


def sequential_write(directory: Path, mib: int) -> dict:
    path = directory / "seqwrite-probe"
    chunk = os.urandom(1 << 20)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        t0 = time.perf_counter()
        for _ in range(mib):
            os.write(fd, chunk)
        os.fdatasync(fd)
        elapsed = time.perf_counter() - t0
    finally:
        os.close(fd)
        path.unlink(missing_ok=True)
    return {"mib": mib, "seconds": elapsed, "mb_per_s": mib * 1.048576 / elapsed}


def loopback_bandwidth(mib: int) -> dict:
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    total = mib << 20
    received = [0]
    done = threading.Event()

    def receiver():
        conn, _ = listener.accept()
        with conn:
            buf = bytearray(256 << 10)
            view = memoryview(buf)
            while received[0] < total:
                n = conn.recv_into(view)
                if n == 0:
                    break
                received[0] += n
        done.set()

    th = threading.Thread(target=receiver, daemon=True)
    th.start()
    chunk = os.urandom(256 << 10)
    with socket.create_connection(listener.getsockname()) as s:
        t0 = time.perf_counter()
        sent = 0
        while sent < total:
            s.sendall(chunk)
            sent += len(chunk)
        done.wait(120)
        elapsed = time.perf_counter() - t0
    listener.close()
    th.join(5)
    return {"mib": mib, "seconds": elapsed, "mb_per_s": received[0] / 1e6 / elapsed}


def versions(relaydb_binary) -> dict:
    def first_line(cmd):
        try:
            out = subprocess.run(cmd, capture_output=True, text=True, timeout=20)
            return (out.stdout or out.stderr).strip().splitlines()[0]
        except (OSError, IndexError, subprocess.SubprocessError):
            return "unknown"

    v = {"mariadbd": first_line(["mariadbd", "--version"]),
         "sysbench": first_line(["sysbench", "--version"]),
         "python": platform.python_version()}
    if relaydb_binary:
        v["relaydb"] = first_line([str(relaydb_binary), "--version"])
    try:
        import matplotlib  # noqa: F401
        v["matplotlib"] = matplotlib.__version__
    except ImportError:
        v["matplotlib"] = "missing"
    return v


def measure(directory: Path, sizes) -> dict:
    directory.mkdir(parents=True, exist_ok=True)
    info = cpu_info()
    info["filesystem"] = filesystem_of(directory)
    info["workdir"] = str(directory)
    info["fsync"] = fsync_latency(directory, sizes.fsync_seconds, sizes.fsync_max_iters)
    info["seqwrite"] = sequential_write(directory, sizes.seqwrite_mb)
    info["loopback"] = loopback_bandwidth(sizes.loopback_mb)
    return info


def describe(m: dict) -> str:
    return (f"{m['cores']} cores ({m['cpu_model']}), {m['memory_gib']} GiB, "
            f"fsync p50 {m['fsync']['p50_ms']:.3f} ms / p99 {m['fsync']['p99_ms']:.3f} ms "
            f"({m['fsync']['per_second']:.0f}/s), seq write {m['seqwrite']['mb_per_s']:.0f} MB/s, "
            f"loopback {m['loopback']['mb_per_s']:.0f} MB/s, {m['filesystem']}")
