"""Reach as a percentage of a CBS denominator, with an interval that says how sure it is (ADR 0032).

Plain Python: the outcomes pages and the API call `reach_estimate` with the number of children
reached (an exact count of our own records) and a CBS figure (a count rounded to hundreds, from an
older year). Two things make the percentage uncertain and the interval holds both:

- rounding: the exact denominator lies anywhere within half the rounding step (±50 for hundreds);
- chance: the children reached are seen as a binomial draw from the denominator (each child reached
  with probability p), so we give the 95% Wilson score interval of p.

The interval runs from the Wilson lower bound at the largest possible denominator to the Wilson
upper bound at the smallest one. What it does not hold is the change since the CBS year; that is
why the year goes with the figure wherever it is shown.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

Z_95 = 1.959963984540054


@dataclass(frozen=True)
class ReachEstimate:
    reached: int
    denominator: int  # as published (rounded)
    denominator_low: int
    denominator_high: int
    year: int  # the CBS figure's year
    table_id: str
    percent: float | None  # None when the published denominator is 0
    low: float  # lower bound of the 95% interval, in percent
    high: float | None  # upper bound, None when the smallest possible denominator is 0
    exceeds_denominator: bool  # more children reached than the smallest possible denominator

    def as_dict(self) -> dict[str, object]:
        return {
            "reached_count": self.reached,
            "denominator_count": self.denominator,
            "denominator_year": self.year,
            "denominator_table": self.table_id,
            "percent": None if self.percent is None else round(self.percent, 1),
            "low": round(self.low, 1),
            "high": None if self.high is None else round(self.high, 1),
        }


def wilson(successes: int, trials: int, z: float = Z_95) -> tuple[float, float]:
    """The Wilson score interval of a binomial proportion (as fractions); successes above trials
    count as all of them."""
    if trials <= 0:
        raise ValueError("trials must be at least 1")
    x = min(successes, trials)
    p = x / trials
    denominator = 1 + z * z / trials
    centre = (p + z * z / (2 * trials)) / denominator
    half = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials)) / denominator
    low = 0.0 if x == 0 else max(0.0, centre - half)
    high = 1.0 if x == trials else min(1.0, centre + half)
    return low, high


def reach_estimate(
    *, reached: int, denominator: int, rounding: Decimal | int, year: int, table_id: str
) -> ReachEstimate:
    """Children reached as a percentage of a rounded CBS count (see the module's docstring)."""
    if reached < 0 or denominator < 0 or rounding < 0:
        raise ValueError("counts and rounding must be 0 or more")
    half = math.ceil(Decimal(rounding) / 2)
    smallest = max(denominator - half, 0)
    largest = denominator + half
    low = 100 * wilson(reached, largest)[0] if largest > 0 else 0.0
    high = 100 * wilson(reached, smallest)[1] if smallest > 0 else None
    percent = min(100.0, 100 * reached / denominator) if denominator > 0 else None
    return ReachEstimate(
        reached=reached,
        denominator=denominator,
        denominator_low=smallest,
        denominator_high=largest,
        year=year,
        table_id=table_id,
        percent=percent,
        low=low,
        high=high,
        exceeds_denominator=reached > smallest,
    )


def percent_nl(value: float | None) -> str:
    """12.345 -> '12,3%'; None -> '–' (not known)."""
    if value is None:
        return "–"
    return f"{value:.1f}".replace(".", ",") + "%"
