"""A figure: both servers' runs, their medians, and the line printed for it.

    <figure> relaydb=<median> mariadb=<median> ratio=<r> relaydb_min=.. relaydb_max=..
             mariadb_min=.. mariadb_max=.. [ratio_is=mariadb/relaydb] [extra=..]

`ratio` is always oriented so that higher is better for relaydb: relaydb/mariadb for
rates (TPS, MB/s, rows/s), mariadb/relaydb for lag, latency, memory and start-up time
(those lines say `ratio_is=mariadb/relaydb`). A side that failed prints `nan` and its
error goes to the run's error list.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass, field


def summarize(values: list) -> dict:
    vals = [float(v) for v in values if v is not None and not math.isnan(float(v))]
    if not vals:
        return {"median": math.nan, "min": math.nan, "max": math.nan, "runs": []}
    return {"median": statistics.median(vals), "min": min(vals), "max": max(vals), "runs": vals}


def percentile(values: list, pct: float) -> float:
    """Nearest-rank percentile (pct in 0..100); nan for no values."""
    if not values:
        return math.nan
    s = sorted(values)
    rank = max(1, math.ceil(pct / 100.0 * len(s)))
    return s[min(rank, len(s)) - 1]


def fmt(v: float) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "nan"
    a = abs(v)
    if a >= 100:
        return f"{v:.1f}"
    if a >= 1:
        return f"{v:.2f}"
    return f"{v:.4f}"


@dataclass
class Figure:
    name: str
    fig: int
    unit: str
    title: str
    relaydb: list = field(default_factory=list)
    mariadb: list = field(default_factory=list)
    higher_is_better: bool = True
    extra: dict = field(default_factory=dict)       # key -> number or summary dict or str
    note: str = ""
    errors: dict = field(default_factory=dict)      # side -> message

    @property
    def rel(self) -> dict:
        return summarize(self.relaydb)

    @property
    def mdb(self) -> dict:
        return summarize(self.mariadb)

    @property
    def ratio(self) -> float:
        r, m = self.rel["median"], self.mdb["median"]
        num, den = (r, m) if self.higher_is_better else (m, r)
        if math.isnan(num) or math.isnan(den) or den == 0:
            return math.nan
        return num / den

    def line(self) -> str:
        r, m = self.rel, self.mdb
        parts = [self.name, f"relaydb={fmt(r['median'])}", f"mariadb={fmt(m['median'])}",
                 f"ratio={fmt(self.ratio)}",
                 f"relaydb_min={fmt(r['min'])}", f"relaydb_max={fmt(r['max'])}",
                 f"mariadb_min={fmt(m['min'])}", f"mariadb_max={fmt(m['max'])}"]
        if not self.higher_is_better:
            parts.append("ratio_is=mariadb/relaydb")
        parts.append(f"unit={self.unit}")
        parts.extend(self.extra_texts())
        if self.errors:
            parts.append("FAILED=" + ",".join(sorted(self.errors)))
        return " ".join(parts)

    def extra_texts(self) -> list:
        """The extra values as key=value texts (medians of per-run dicts)."""
        out = []
        for k, v in self.extra.items():
            if isinstance(v, dict) and "median" in v:
                out.append(f"{k}={fmt(v['median'])}")
            elif isinstance(v, float):
                out.append(f"{k}={fmt(v)}")
            else:
                out.append(f"{k}={v}")
        return out

    def to_json(self) -> dict:
        return {"name": self.name, "figure": self.fig, "unit": self.unit, "title": self.title,
                "relaydb": self.rel, "mariadb": self.mdb, "ratio": self.ratio,
                "higher_is_better": self.higher_is_better, "extra": self.extra,
                "note": self.note, "errors": self.errors}
