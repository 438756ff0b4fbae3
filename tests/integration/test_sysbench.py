"""sysbench 1.0 OLTP workloads against relaydb: prepare, run, cleanup, with no errors.

Each workload runs 4 threads for 5 s (RELAYDB_SYSBENCH_TIME overrides) on 2 tables of
1000 rows, with server-side prepared statements (--db-ps-mode=auto). The run must exit 0,
commit transactions, and report "ignored errors: 0" and "reconnects: 0".

relaydb serializes writers on one lock, so it can never report a deadlock; InnoDB can (and
sysbench ignores errors 1213/1205/1020 by default), so in self-check mode
(RELAYDB_DIFF_AGAINST_MARIADB=1) a few ignored errors are tolerated.
"""

from __future__ import annotations

import os

import pytest

from servers import against_mariadb
from sysbench_util import SysbenchError, parse_sysbench, run_sysbench

pytestmark = pytest.mark.sysbench

RUN_TIME = int(os.environ.get("RELAYDB_SYSBENCH_TIME", "5"))


def sysbench(server, workload, command):
    try:
        return run_sysbench(server.host, server.port, workload, command, threads=4, time=RUN_TIME,
                            tables=2, table_size=1000, timeout=RUN_TIME * 10 + 300)
    except SysbenchError as e:
        message = str(e)
    pytest.fail(message, pytrace=False)


@pytest.fixture
def sbtest(relaydb):
    relaydb.recreate_database("sbtest")
    yield relaydb
    if relaydb.alive():
        relaydb.recreate_database("sbtest", drop_only=True)


@pytest.mark.parametrize("workload", ["oltp_read_write", "oltp_write_only", "oltp_point_select"])
def test_sysbench_workload_runs_without_errors(sbtest, workload):
    sysbench(sbtest, workload, "prepare")
    out = sysbench(sbtest, workload, "run")
    stats = parse_sysbench(out)
    assert stats["transactions"] > 0, out
    assert stats["reconnects"] == 0, out
    if against_mariadb():
        assert stats["ignored_errors"] <= stats["transactions"] // 20, out
    else:
        assert stats["ignored_errors"] == 0, out
    sysbench(sbtest, workload, "cleanup")
    conn = sbtest.connect()
    with conn.cursor() as cur:
        cur.execute("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'sbtest'")
        assert cur.fetchone() == (0,), "cleanup left tables behind"
    conn.close()


def test_parse_sysbench_reads_the_statistics_block():
    sample = """
SQL statistics:
    transactions:                        747    (361.90 per sec.)
    queries:                             15022  (7277.77 per sec.)
    ignored errors:                      5      (2.42 per sec.)
    reconnects:                          0      (0.00 per sec.)
Latency (ms):
         95th percentile:                       24.83
"""
    stats = parse_sysbench(sample)
    assert stats == {"transactions": 747, "tps": 361.90, "queries": 15022, "qps": 7277.77,
                     "ignored_errors": 5, "reconnects": 0, "p95_ms": 24.83}
    with pytest.raises(ValueError):
        parse_sysbench("no statistics here")
