"""Benchmark of the social map: import of a national HSDS package, and search.

Generates (once) a synthetic national directory — 100,000 services at 150,000 locations
across all 342 municipalities — as an HSDS data package in bench/data/socialmap, imports
it into a fresh database with `kansrijk hsds-import` (timed, peak memory), then runs
1,000 varied searches (text + need + age + municipality or distance, first page of 20):
  1. in-process through `selectors.service_hsds_search` (what GET /api/hsds/services calls),
  2. the same queries the naive way (ORM icontains over name/description, no index),
  3. over HTTP against gunicorn (2 workers) on /api/hsds/services.

    .venv/bin/python bench/socialmap_search.py --db sqlite
    .venv/bin/python bench/socialmap_search.py --db postgres   # needs PostgreSQL on 127.0.0.1:5432

Add --skip-import to reuse the database of a previous run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data"
PACKAGE = DATA / "socialmap"
QUERIES = 1000
SIZE = 20
PORT = 8765
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def _env(db: str) -> dict[str, str]:
    url = (
        f"sqlite:///{DATA / 'socialmap_bench.sqlite3'}"
        if db == "sqlite"
        else "postgres://postgres@127.0.0.1:5432/kansrijk_bench"
    )
    return {
        **os.environ,
        "DATABASE_URL": url,
        "DEBUG": "0",
        "SECRET_KEY": "bench-only-secret",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "LOG_LEVEL": "WARNING",
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }


def _kansrijk(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(ROOT / ".venv" / "bin" / "kansrijk"), *args], env=env, check=True, capture_output=True, text=True
    )


def fresh_import(db: str, env: dict[str, str]) -> dict[str, float]:
    if not (PACKAGE / "datapackage.json").exists():
        from socialmap_generate import generate

        generate(PACKAGE)
    if db == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(f"{DATA / 'socialmap_bench.sqlite3'}{suffix}").unlink(missing_ok=True)
    else:
        subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", "kansrijk_bench"], check=True)
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", "kansrijk_bench"], check=True)
    _kansrijk(env, "migrate", "-v0")
    started = time.perf_counter()
    done = subprocess.run(
        ["/usr/bin/time", "-f", "%M", str(ROOT / ".venv" / "bin" / "kansrijk"), "hsds-import", str(PACKAGE), "--quiet"],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    peak_kb = int(done.stderr.strip().splitlines()[-1])
    print(done.stdout.splitlines()[-1])
    return {"import_s": seconds, "import_peak_mb": peak_kb / 1024}


def make_queries(rng: random.Random) -> list[dict[str, object]]:
    import django

    django.setup()
    from socialmap_generate import ACTIVITIES

    from kansrijk.socialmap.models import Location

    postcodes = list(
        Location.objects.exclude(postcode="")
        .order_by("id")  # deterministic: the same 500 places in every run
        .values_list("postcode", "geo_latitude", "geo_longitude")[:500]
    )
    codes = [f"GM{c:04d}" for c in range(0)] or list(
        __import__("kansrijk.municipalities.models", fromlist=["x"]).Municipality.objects.values_list("code", flat=True)
    )
    queries = []
    for _ in range(QUERIES):
        need = rng.choice(list(ACTIVITIES))
        word = rng.choice(ACTIVITIES[need if rng.random() < 0.8 else rng.choice(list(ACTIVITIES))]).split()[0]
        query: dict[str, object] = {"text": word, "need": need, "age": rng.randrange(0, 18)}
        if rng.random() < 0.5:
            query["municipality"] = rng.choice(codes)
        else:
            postcode, lat, lon = rng.choice(postcodes)
            query.update(postcode=postcode, point=(lat, lon), radius_km=rng.choice([5, 10, 25]))
        queries.append(query)
    return queries


def _criteria(query: dict[str, object]):  # type: ignore[no-untyped-def]
    from kansrijk.socialmap.constants import NEED_BY_CODE
    from kansrijk.socialmap.search import SearchCriteria

    return SearchCriteria(
        text=str(query["text"]),
        term_ids=(NEED_BY_CODE[str(query["need"])].id,),
        municipality=str(query.get("municipality", "")),
        min_age=query["age"],
        max_age=query["age"],
        point=query.get("point"),
        radius_km=query.get("radius_km"),
    )  # type: ignore[arg-type]


def naive_search(query: dict[str, object]) -> tuple[list[object], int]:
    """The same search without an index: icontains over name/description, joins for the
    filters, the ORM's usual select_related/prefetch_related, and the same HSDS summaries."""
    from django.db.models import Prefetch, Q

    from kansrijk.socialmap.constants import NEED_BY_CODE
    from kansrijk.socialmap.hsds import serialize
    from kansrijk.socialmap.models import Attribute, Service

    word, age = str(query["text"]), query["age"]
    qs = (
        Service.objects.select_related("organization__organisation", "program")
        .prefetch_related(Prefetch("attributes", queryset=Attribute.objects.select_related("taxonomy_term")))
        .filter(
            Q(name__icontains=word) | Q(description__icontains=word),
            attributes__taxonomy_term_id=NEED_BY_CODE[str(query["need"])].id,
        )
    )
    qs = qs.filter(Q(minimum_age=None) | Q(minimum_age__lte=age), Q(maximum_age=None) | Q(maximum_age__gte=age))
    if query.get("municipality"):
        code = query["municipality"]
        qs = qs.filter(
            Q(service_areas__municipality_id=code)
            | Q(service_areas__is_national=True)
            | Q(service_at_locations__location__municipality_id=code)
        )
    else:
        lat, lon = query["point"]  # type: ignore[misc]
        d = float(query["radius_km"]) / 111.2  # type: ignore[arg-type]
        qs = qs.filter(
            service_at_locations__location__geo_latitude__range=(lat - d, lat + d),
            service_at_locations__location__geo_longitude__range=(lon - 1.6 * d, lon + 1.6 * d),
        )
    qs = qs.distinct().order_by("name", "id")
    return [serialize.service(service) for service in qs[:SIZE]], qs.count()


def settle() -> None:
    """Searches are timed on a settled database, as a production one is soon after an import:
    PostgreSQL has written the import's dirty pages (CHECKPOINT; otherwise the checkpointer
    competes with the first searches), SQLite has folded its write-ahead log into the file."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("CHECKPOINT" if connection.vendor == "postgresql" else "PRAGMA wal_checkpoint(TRUNCATE)")


def _timed(function, items) -> list[float]:  # type: ignore[no-untyped-def]
    times = []
    for item in items:
        started = time.perf_counter()
        function(item)
        times.append((time.perf_counter() - started) * 1000)
    return times


def _stats(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    return {
        "p50_ms": statistics.median(ordered),
        "p95_ms": ordered[int(len(ordered) * 0.95) - 1],
        "mean_ms": statistics.fmean(ordered),
    }


def http_search(env: dict[str, str], queries: list[dict[str, object]]) -> dict[str, float]:
    server = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "config.wsgi:application",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            "2",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
    )
    try:
        base = f"http://127.0.0.1:{PORT}/api/hsds/services"
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}?per_page=1", timeout=5).read()
                break
            except OSError:
                time.sleep(0.2)
        urls = []
        for q in queries:
            params = {"search": q["text"], "need": q["need"], "age": q["age"], "per_page": SIZE}
            if q.get("municipality"):
                params["municipality"] = q["municipality"]
            else:
                params.update(postcode=q["postcode"], proximity_km=q["radius_km"])
            urls.append(f"{base}?{urllib.parse.urlencode(params)}")
        for url in urls[:20]:
            urllib.request.urlopen(url).read()  # warm both workers
        return _stats(_timed(lambda url: urllib.request.urlopen(url).read(), urls))
    finally:
        server.terminate()
        server.wait(timeout=20)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", choices=["sqlite", "postgres"], required=True)
    parser.add_argument("--skip-import", action="store_true")
    args = parser.parse_args()
    env = _env(args.db)
    os.environ.update(env)
    results: dict[str, object] = {"db": args.db}
    if not args.skip_import:
        results.update(fresh_import(args.db, env))
    queries = make_queries(random.Random(42))
    settle()
    from kansrijk.socialmap.selectors import service_hsds_search

    criteria = [_criteria(q) for q in queries]
    for c in criteria:  # one untimed pass, so the database cache is warm as in production
        service_hsds_search(criteria=c, size=SIZE)
    indexed = _stats(_timed(lambda c: service_hsds_search(criteria=c, size=SIZE), criteria))
    for q in queries[:100]:  # the naive way gets a warm-up too
        naive_search(q)
    naive = _stats(_timed(naive_search, queries))
    found = [service_hsds_search(criteria=c, size=SIZE)[1] for c in criteria[:200]]
    results.update(
        {
            "selector": indexed,
            "naive": naive,
            "ratio_p95": naive["p95_ms"] / indexed["p95_ms"],
            "ratio_mean": naive["mean_ms"] / indexed["mean_ms"],
            "median_matches": statistics.median(found),
            "http": http_search(env, queries),
        }
    )
    (ROOT / "bench" / "results").mkdir(exist_ok=True)
    (ROOT / "bench" / "results" / f"socialmap_{args.db}.json").write_text(json.dumps(results, indent=2))
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
