"""relaydb against MariaDB 10.11: the benchmark harness behind `make bench`.

Modules:

* config     -- sizes of the smoke / quick / full runs, server settings (durability)
* common     -- the run context (`Bench`): servers it starts, results, series, errors
* stats      -- a figure: runs of both servers, medians, the printed line
* machine    -- cores, fsync latency, sequential write, loopback bandwidth
* sysbench   -- sysbench command lines with --events / --rate / per-second reports
* binlog     -- v4 event headers (events, transactions), row counts via mariadb-binlog
* replication-- CHANGE MASTER, START SLAVE [IO_THREAD|SQL_THREAD [UNTIL]], position polls
* fig_*      -- one module per figure of the issue (1 write, 2 catch-up, 3 I/O thread,
                4 lag, 5 reads, 6 footprint)
* report     -- JSON, docs/benchmarks.md and the PNG plots
* cli        -- the command line (bench/run_bench.py, bench/run_sysbench.py)
"""
