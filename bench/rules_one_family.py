"""Benchmark: one family, all national schemes with explanations, in-process.

Usage: .venv/bin/python bench/rules_one_family.py [--runs 3000]
Times `kansrijk.rules.screen` (validation + evaluation + explanations + output dict) for the
contract's example household; reports the median and p95 per call. Target: median <= 1 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kansrijk.rules import screen

REQUEST = {
    "date": "2026-05-01",
    "municipality": "GM0363",
    "household": {
        "adults": [
            {"age": 34, "taxable_income_yearly": "31000.00", "net_income_monthly": "1950.00", "insured": True},
            {"age": 36, "taxable_income_yearly": "12000.00", "net_income_monthly": "850.00", "insured": True},
        ],
        "children": [
            {"age": 4, "birth_date": "2021-05-02", "school": "primary"},
            {"age": 11, "birth_date": "2014-07-20", "school": "primary"},
            {"age": 15, "school": "secondary"},
        ],
        "partners": True,
        "assets": "2000.00",
        "rent_monthly": "780.00",
    },
}
KNOWN = frozenset({"GM0363"})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3000)
    args = parser.parse_args()
    for _ in range(100):  # warm up: parameter tree, caches
        screen(REQUEST, KNOWN)
    timings = []
    for _ in range(args.runs):
        started = time.perf_counter()
        answer = screen(REQUEST, KNOWN)
        timings.append(time.perf_counter() - started)
    timings.sort()
    assert isinstance(answer, dict)
    print(
        f"one family, {len(answer['results'])} schemes with explanations, {args.runs} runs: "
        f"median {statistics.median(timings) * 1e3:.3f} ms, "
        f"p95 {timings[int(len(timings) * 0.95)] * 1e3:.3f} ms, min {timings[0] * 1e3:.3f} ms, "
        f"load average {os.getloadavg()[0]:.2f}"
    )
    for result in answer["results"]:
        print(f"  {result['scheme']:20s} eligible={result['eligible']!s:5s} yearly={result['amount_yearly']}")


if __name__ == "__main__":
    main()
