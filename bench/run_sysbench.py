#!/usr/bin/python3
"""The benchmark harness under its first name, kept for CTest's `bench_smoke`
(`run_sysbench.py --smoke --out <dir>`) and old command lines: the same program as
bench/run_bench.py (every figure; --workloads / --threads / --time / --runs /
--tables / --table-size still select the sysbench figures 1 and 5). See bench/README.md.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from relaybench.cli import main  # noqa: E402

if __name__ == "__main__":
    raise SystemExit(main())
