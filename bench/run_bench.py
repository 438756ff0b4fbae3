#!/usr/bin/python3
"""relaydb against MariaDB 10.11: every figure of the benchmark (`make bench`).

    /usr/bin/python3 bench/run_bench.py [--smoke | --quick] [--figures 1,3] [--docs]

Prints one line per figure as it goes,

    <figure> relaydb=<median> mariadb=<median> ratio=<x> relaydb_min=.. relaydb_max=..
             mariadb_min=.. mariadb_max=.. [ratio_is=mariadb/relaydb] unit=..

(ratio: higher is better for relaydb), then a summary; writes JSON to bench/out/ and a
Markdown report with PNG plots (docs/benchmarks.md for a full run). See bench/README.md.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from relaybench.cli import main  # noqa: E402

if __name__ == "__main__":
    raise SystemExit(main())
