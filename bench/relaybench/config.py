"""Sizes of the three run kinds and the servers' settings.

Durability is the same on both sides and is part of every figure:

* relaydb: its defaults -- binary log on, sync_binlog=1, the SQLite WAL synced at commit.
* MariaDB: --log-bin --sync-binlog=1 --innodb-flush-log-at-trx-commit=1.
* Both: --binlog-format=ROW (the issue's replication format; both default to MIXED).
* "nobinlog" variants: relaydb --skip-log-bin, MariaDB without --log-bin (still
  innodb_flush_log_at_trx_commit=1), so the cost of the binary log shows.
* The optional relaxed class (--relaxed) is MariaDB with innodb_flush_log_at_trx_commit=2,
  always labelled as such.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

WRITE_WORKLOADS = ["oltp_write_only", "oltp_insert"]
READ_WORKLOADS = ["oltp_point_select", "oltp_read_only"]
KNOWN_READ = {"oltp_point_select", "oltp_read_only", "select_random_points",
              "select_random_ranges"}

BINLOG_FORMAT = ["--binlog-format=ROW"]
MARIADB_DURABLE = ["--sync-binlog=1", "--innodb-flush-log-at-trx-commit=1", *BINLOG_FORMAT]
MARIADB_NOBINLOG = ["--innodb-flush-log-at-trx-commit=1"]
MARIADB_RELAXED = ["--sync-binlog=1", "--innodb-flush-log-at-trx-commit=2", *BINLOG_FORMAT]
MARIADB_PARALLEL = ["--slave-parallel-threads=4", "--slave-parallel-mode=optimistic"]
MARIADB_SINGLE = ["--slave-parallel-threads=0"]
RELAYDB_SOURCE = [*BINLOG_FORMAT]          # everything else: relaydb's (durable) defaults
RELAYDB_NOBINLOG = ["--skip-log-bin"]

# Lag figure: source load as a fraction of MariaDB's maximum oltp_write_only 8-thread TPS.
LAG_RATES = (25, 50, 75)
HEARTBEAT_INTERVAL = 0.100   # s between heartbeat rows on the source
POLL_INTERVAL = 0.005        # s between replica polls


@dataclass
class Sizes:
    kind: str
    runs: int
    time: int                      # s per sysbench run (figures 1 and 5)
    tables: int
    table_size: int
    write_threads: list = field(default_factory=lambda: [1, 8])
    read_threads: list = field(default_factory=lambda: [4])
    write_workloads: list = field(default_factory=lambda: list(WRITE_WORKLOADS))
    read_workloads: list = field(default_factory=lambda: list(READ_WORKLOADS))
    # figure 2/3 inputs (generated once on a MariaDB source, replayed into relaydb)
    gen_threads: int = 8
    wo_events: int = 40000         # oltp_write_only transactions
    ins_events: int = 60000        # oltp_insert transactions
    bulk_trx: int = 1200           # bulk load: transactions ...
    bulk_rows: int = 1000          # ... of one multi-row INSERT each
    catchup_timeout: float = 1800  # s for one replica to apply one input
    # figure 4
    lag_time: int = 60
    lag_max_time: int = 20         # s of the MariaDB max-TPS measurement
    lag_drain_timeout: float = 300
    # figure 6
    rss_time: int = 15
    startup_runs: int = 3
    # machine
    fsync_seconds: float = 3.0
    fsync_max_iters: int = 2000
    seqwrite_mb: int = 512
    loopback_mb: int = 2048


FULL = Sizes(kind="full", runs=3, time=15, tables=4, table_size=10000)
QUICK = replace(FULL, kind="quick", runs=1, time=8, wo_events=8000, ins_events=12000,
                bulk_trx=150, lag_time=15, lag_max_time=8, rss_time=8, startup_runs=3,
                fsync_seconds=1.5, seqwrite_mb=256, loopback_mb=1024)
SMOKE = replace(FULL, kind="smoke", runs=1, time=1, tables=2, table_size=1000, wo_events=300,
                ins_events=300, bulk_trx=4, bulk_rows=200, catchup_timeout=120, lag_time=2,
                lag_max_time=1, lag_drain_timeout=60, rss_time=1, startup_runs=1,
                fsync_seconds=0.3, fsync_max_iters=50, seqwrite_mb=16, loopback_mb=64)
PRESETS = {"full": FULL, "quick": QUICK, "smoke": SMOKE}
