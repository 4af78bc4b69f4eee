"""Benchmark: the scheme editor's population preview for one municipality (a script, not a test).

Usage: DEBUG=1 .venv/bin/python bench/screener_preview.py [--municipality GM0114] [--runs 10]
Emmen (GM0114) has ≈ 51,000 synthetic households. Times `kansrijk.screener.preview.preview`
(old vs new kindpakket: households, children and euros over the seeded synthetic population,
plus four example families): the first call includes generating the population (cold), later
calls use the per-process cache (warm). Target: ≤ 1 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "1")

import django

django.setup()

from kansrijk.rules.local import rule_from_dict  # noqa: E402
from kansrijk.screener.preview import preview  # noqa: E402

OLD = {
    "key": "kindpakket", "label": "Kindpakket", "kind": "municipal", "rank": 10, "provider": "Gemeente",
    "municipality": None, "start": "2026-01-01", "needs": ["sport", "cultuur", "schoolkosten"],
    "income_test": "bijstandsnorm", "income_limit_percent": 120, "asset_limit": 1600000,
    "child_age_min": 4, "child_age_max": 17, "amount_per_child": 25000,
    "source": {"title": "bench", "href": "https://example.org"},
}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--municipality", default="GM0114")
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    old = rule_from_dict(OLD)
    new = replace(old, income_limit_percent=130)
    on = dt.date(2026, 12, 1)
    started = time.perf_counter()
    first = preview(old, new, args.municipality, on)
    cold = time.perf_counter() - started
    times = []
    for _ in range(args.runs):
        started = time.perf_counter()
        preview(old, new, args.municipality, on)
        times.append(time.perf_counter() - started)
    print(f"{args.municipality}: {first['households']} households")
    print(f"old: {first['old']}  new: {first['new']}")
    print(f"cold (generate + preview): {cold * 1000:.0f} ms")
    print(f"warm: median {statistics.median(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms ({args.runs} runs)")
    print(f"load average: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
