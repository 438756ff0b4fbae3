"""Differential SQL: every tests/sql/*.sql script runs on relaydb and on MariaDB 10.11, and
each statement's result must be the same on both (see sqlscript.py, tests/sql/README.md).

One pytest case per script, so a failure names its script; run one with
  RELAYDB_BIN=build/src/server/relaydb /usr/bin/python3 -m pytest tests/integration/test_sql_differential.py -k joins
"""

from pathlib import Path

import pytest

from sqlscript import run_script

SQL_DIR = Path(__file__).resolve().parents[1] / "sql"
SCRIPTS = sorted(SQL_DIR.glob("*.sql"))


def test_corpus_present():
    assert len(SCRIPTS) >= 15, f"expected the SQL corpus in {SQL_DIR}"


@pytest.mark.sql
@pytest.mark.parametrize("script", SCRIPTS, ids=[p.stem for p in SCRIPTS])
def test_sql_script(script, relaydb, mariadb):
    failures = run_script(script, relaydb, mariadb)
    if failures:
        pytest.fail(f"{script.name}: {len(failures)} statement(s) differ\n\n" + "\n\n".join(failures),
                    pytrace=False)
