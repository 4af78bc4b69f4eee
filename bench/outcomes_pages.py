"""Benchmark of the outcomes pages (ADR 0030): the national choropleth page, a municipality's
public dashboard page and the yearly monitor PDF, on the data of `bench/outcomes.py` (its
generator and fact writer are imported, not copied).

Each page through Django's test client (routing, measures, charts, templates), as median and p95
over `--calls` calls with the queries per call; the national map also cold (its first
projection of the 342 boundaries in this process) and the monitor PDF as one timed run.

    .venv/bin/python bench/outcomes_pages.py --sqlite bench/data/outcomes_pages.sqlite3 --referrals 100000
    .venv/bin/python bench/outcomes_pages.py --sqlite bench/data/outcomes_pages.sqlite3 --measure-only
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
_spec = importlib.util.spec_from_file_location("bench_outcomes", ROOT / "bench" / "outcomes.py")
assert _spec and _spec.loader
outcomes = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(outcomes)
generator = outcomes.generator


def _measure(calls: int) -> None:
    from django.test import Client

    from kansrijk.municipalities.models import Municipality

    codes = sorted(Municipality.objects.values_list("code", flat=True))
    client = Client()

    def get(url: str, params: dict[str, object]) -> None:
        response = client.get(url, params, HTTP_HOST="localhost")
        assert response.status_code == 200, response.status_code

    began = time.perf_counter()
    get("/uitkomsten/", {"jaar": 2025})
    print(f"national map page, cold (first projection in this process): {(time.perf_counter() - began) * 1000:.0f} ms")

    def national(rng: random.Random) -> None:
        get("/uitkomsten/", {"jaar": rng.choice((2024, 2025))})

    def municipality(rng: random.Random) -> None:
        get(f"/uitkomsten/gemeenten/{rng.choice(codes)}/", {"jaar": rng.choice((2024, 2025))})

    for name, one in (("national", national), ("dashboard", municipality)):
        median, p95, counts = outcomes._timed(calls, one)
        print(f"{name:10} page median {median:7.1f} ms  p95 {p95:7.1f} ms  queries {sorted(counts)}")
    began = time.perf_counter()
    get("/uitkomsten/jaarmonitor.pdf", {"jaar": 2025})
    print(f"monitor PDF 2025: {(time.perf_counter() - began) * 1000:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--sqlite", help="Path of a fresh SQLite file.")
    target.add_argument("--postgres", help="URL of a PostgreSQL database to (re)create.")
    parser.add_argument("--referrals", type=int, default=1_000_000)
    parser.add_argument("--organisations", type=int, default=300)
    parser.add_argument("--calls", type=int, default=50)
    parser.add_argument("--measure-only", action="store_true", help="Measure an earlier generated database again.")
    args = parser.parse_args()
    if args.measure_only:
        generator._setup(f"sqlite:///{Path(args.sqlite).resolve()}" if args.sqlite else args.postgres)
    else:
        generator._setup(generator._prepare(args))
        began = time.perf_counter()
        generator._generate(args.referrals, args.organisations)
        outcomes._spread_over_municipalities()
        outcomes._write_facts()
        generator._analyze()
        print(f"generated {args.referrals:,} referrals in {time.perf_counter() - began:.0f} s")
    _measure(args.calls)


if __name__ == "__main__":
    main()
