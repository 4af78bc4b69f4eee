"""Benchmark of the armoedeval (a script, not a test): all standard household types x 101 steps
(100% to 200% of the bijstandsnorm) for one municipality, as one vectorised table, side by side with
the same curve computed through the one-family `screen` path (one household per call), and the ratio.

    .venv/bin/python bench/policy.py [--repeat 5]

Pure rules (no database): the municipality's schemes are one example municipal row (a 120% kindpakket)
and the national schemes; the one-family path answers the national and local schemes per household.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kansrijk.rules.armoedeval import curve  # noqa: E402
from kansrijk.rules.contract import ScreenRequest, answer  # noqa: E402
from kansrijk.rules.households import STANDARD_HOUSEHOLDS, build_household, rent_for  # noqa: E402
from kansrijk.rules.local import rule_from_dict  # noqa: E402
from kansrijk.rules.params import load_parameters  # noqa: E402

ON, HERE = dt.date(2026, 3, 1), "GM1640"
RULES = [
    rule_from_dict(
        {
            "key": f"{HERE}/kindpakket",
            "label": "Kindpakket",
            "kind": "municipal",
            "rank": 10,
            "provider": "Gemeente",
            "municipality": HERE,
            "start": "2025-01-01",
            "source": {"title": "Benchmark", "href": "https://example.org/"},
            "needs": ["sport"],
            "income_test": "bijstandsnorm",
            "income_limit_percent": 120,
            "child_age_min": 4,
            "child_age_max": 17,
            "amount_per_child": 30000,
        }
    )
]
PERCENTS = list(range(100, 201))


def table() -> float:
    start = time.perf_counter()
    curve(list(STANDARD_HOUSEHOLDS), HERE, ON, RULES, PERCENTS)
    return time.perf_counter() - start


def one_by_one() -> float:
    found = curve(list(STANDARD_HOUSEHOLDS), HERE, ON, RULES, PERCENTS)  # the same incomes (not timed)
    rent = {t.key: rent_for(t, load_parameters().at(ON)) for t in STANDARD_HOUSEHOLDS}
    households = [
        build_household(t, HERE, rent[t.key], int(n), int(g))
        for t, n, g in zip(found.types, found.net_monthly, found.taxable_yearly, strict=True)
    ]
    start = time.perf_counter()
    for household in households:
        answer([ScreenRequest(ON, HERE, household)], lambda _code: RULES)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    table()  # warm up: parameters loaded once per process
    tables = [table() for _ in range(args.repeat)]
    singles = [one_by_one() for _ in range(max(1, args.repeat // 2))]
    rows = len(STANDARD_HOUSEHOLDS) * len(PERCENTS)
    best_table, best_single = min(tables), min(singles)
    print(f"armoedeval, {len(STANDARD_HOUSEHOLDS)} types x {len(PERCENTS)} steps = {rows} households")
    print(f"  one vectorised table: median {statistics.median(tables):.3f} s, best {best_table:.3f} s")
    print(f"  one-family screen path: median {statistics.median(singles):.3f} s, best {best_single:.3f} s")
    print(f"  ratio (screen path / table, best of each): {best_single / best_table:.1f}x")


if __name__ == "__main__":
    main()
