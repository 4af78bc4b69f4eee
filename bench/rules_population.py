"""Benchmark: all national schemes over a synthetic population of 8 million households.

Usage: .venv/bin/python bench/rules_population.py [--households 8000000] [--workers 2]
Reports the evaluation time (generation not included), peak RSS (resource.getrusage), the
load average, the number of households found eligible per scheme and, with `--per-scheme`, each
scheme's time per million households (1 thread, same chunks). Targets: <= 3 s on 2 cores, <= 4 GB.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kansrijk.rules.engine import evaluate_population, tune_allocator  # noqa: E402
from kansrijk.rules.params import load_parameters  # noqa: E402
from kansrijk.rules.population import generate  # noqa: E402
from kansrijk.rules.schemes import national_schemes  # noqa: E402

CSV = ROOT / "kansrijk" / "municipalities" / "data" / "gemeenten_bevolking_oppervlakte_2024.csv"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--households", type=int, default=8_000_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--chunk", type=int, default=50_000)
    parser.add_argument("--date", default="2026-01-01")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--per-scheme", action="store_true", help="also time each scheme alone (1 thread)")
    args = parser.parse_args()
    tune_allocator()
    on = dt.date.fromisoformat(args.date)
    started = time.perf_counter()
    tables = generate(CSV, households=args.households, on=on, seed=1)
    print(
        f"generated {tables.size:,} households, {int(tables.n_children.sum()):,} children "
        f"in {time.perf_counter() - started:.2f} s"
    )
    timings = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        results = evaluate_population(tables, on, workers=args.workers, chunk_size=args.chunk)
        timings.append(time.perf_counter() - started)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"evaluate {tables.size:,} households x {len(results)} schemes: "
        f"best {min(timings):.2f} s, all {', '.join(f'{t:.2f}' for t in timings)} s "
        f"({args.workers} workers, chunks of {args.chunk:,}, {os.cpu_count()} CPUs, "
        f"load average {os.getloadavg()[0]:.2f})"
    )
    print(f"peak RSS {peak_mb:,.0f} MB")
    for result in results:
        total = 0 if result.amount_yearly is None else int(result.amount_yearly.sum()) // 100
        print(f"  {result.scheme_id:20s} eligible {int(result.eligible.sum()):>10,}  yearly total EUR {total:>16,}")
    if args.per_scheme:
        tree = load_parameters()
        size = min(tables.size, 1_000_000)
        chunks = [tables.slice(start, min(start + args.chunk, size)) for start in range(0, size, args.chunk)]
        for scheme in national_schemes():
            runs = []
            for _ in range(5):
                started = time.perf_counter()
                for chunk in chunks:
                    scheme.evaluate(chunk, on, tree)
                runs.append(time.perf_counter() - started)
            print(f"  {scheme.id:20s} {min(runs) * 1e3 * 1_000_000 / size:6.1f} ms per million households (1 thread)")


if __name__ == "__main__":
    main()
