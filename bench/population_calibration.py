"""Benchmark: the calibrated synthetic population (ADR 0032) for the whole country (a script, not a test).

Usage: DEBUG=1 DATABASE_URL=sqlite:////tmp/kr.sqlite3 .venv/bin/python bench/population_calibration.py
       [--households 8000000] [--nontakeup GM0363]
(the database needs `kansrijk migrate`: the CBS figures come from it). Reports the time to generate
the population uncalibrated and calibrated (same seed), the calibration's largest miss over all
municipalities with at least 20,000 synthetic households (10%-groups and children's share), and the
time of `non_take_up_for` for one municipality, cold (generate + rules) and warm (cached).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "1")

import django

django.setup()

from kansrijk.rules.calibration import EDGES  # noqa: E402
from kansrijk.rules.population import generate, standardised_income  # noqa: E402
from kansrijk.screener.nontakeup import non_take_up_for  # noqa: E402
from kansrijk.screener.population import population_targets  # noqa: E402
from kansrijk.screener.preview import CSV  # noqa: E402

ON = dt.date(2026, 1, 1)


def misses(tables, targets, minimum: int) -> tuple[float, float, int]:  # type: ignore[no-untyped-def]
    """Largest |share - target| over municipalities with >= minimum households: 10%-groups, children."""
    standardised = standardised_income(tables)
    u_groups = np.searchsorted(targets.decile_bounds(), standardised, side="right")
    poor_children = tables.n_children * (standardised <= targets.threshold)
    worst_decile = worst_child = 0.0
    checked = 0
    for town, code in enumerate(tables.municipality_codes):
        rows = tables.municipality == town
        if rows.sum() < minimum:
            continue
        checked += 1
        row = targets.index(code)
        shares = np.bincount(u_groups[rows], minlength=10) / rows.sum()
        worst_decile = max(worst_decile, float(np.abs(shares - targets.deciles[row]).max()))
        share = poor_children[rows].sum() / max(int(tables.n_children[rows].sum()), 1)
        worst_child = max(worst_child, abs(float(share) - float(targets.child_share[row])))
    return worst_decile, worst_child, checked


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--households", type=int, default=8_000_000)
    parser.add_argument("--nontakeup", default="GM0363")
    args = parser.parse_args()
    assert len(EDGES) == 11
    started = time.perf_counter()
    targets = population_targets()
    print(f"targets: {len(targets.codes)} municipalities in {time.perf_counter() - started:.2f} s")
    started = time.perf_counter()
    plain = generate(CSV, households=args.households, on=ON, seed=1)
    print(f"uncalibrated: {plain.size:,} households in {time.perf_counter() - started:.2f} s")
    del plain
    started = time.perf_counter()
    tables = generate(CSV, households=args.households, on=ON, seed=1, targets=targets)
    print(f"calibrated:   {tables.size:,} households in {time.perf_counter() - started:.2f} s")
    worst_decile, worst_child, checked = misses(tables, targets, 20_000)
    print(
        f"largest miss over {checked} municipalities with >= 20,000 households: "
        f"10%-group {worst_decile * 100:.2f} points, children up to 120% {worst_child * 100:.2f} points"
    )
    started = time.perf_counter()
    estimate = non_take_up_for(municipality=args.nontakeup, on=ON)
    cold = time.perf_counter() - started
    started = time.perf_counter()
    non_take_up_for(municipality=args.nontakeup, on=ON)
    warm = time.perf_counter() - started
    print(
        f"non_take_up_for({args.nontakeup}): cold {cold * 1000:.0f} ms (sample {estimate.sample:,} of "
        f"{estimate.households:,} households), warm {warm * 1000:.1f} ms"
    )
    for row in estimate.rows:
        print(
            f"  {row.scheme_id:20s} expected {row.expected_households:>8,} ({row.expected_low:,}-{row.expected_high:,})"
            f"  CPB {float(row.cpb.rate) * 100:.1f}% -> {row.cpb_missing_households:,} households"
        )


if __name__ == "__main__":
    main()
