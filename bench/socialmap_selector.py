"""Selector-only timing of the social map search: the same 1,000 queries and statistics as
bench/socialmap_search.py, on its database, without the naive and HTTP passes.

    .venv/bin/python bench/socialmap_selector.py sqlite 2     # or postgres; 2 timed passes
"""

from __future__ import annotations

import json
import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import socialmap_search as bench


def main() -> None:
    os.environ.update(bench._env(sys.argv[1]))
    queries = bench.make_queries(random.Random(42))
    from kansrijk.socialmap.selectors import service_hsds_search

    bench.settle()
    criteria = [bench._criteria(q) for q in queries]
    for c in criteria:  # untimed warm-up pass, as in the full benchmark
        service_hsds_search(criteria=c, size=bench.SIZE)
    for _ in range(int(sys.argv[2]) if len(sys.argv) > 2 else 2):
        times = bench._timed(lambda c: service_hsds_search(criteria=c, size=bench.SIZE), criteria)
        print(json.dumps(bench._stats(times)))


if __name__ == "__main__":
    main()
