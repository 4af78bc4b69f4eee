"""Benchmark of the outcomes (open data and the municipality dashboard's measures) at scale.

Generates the referrals with the referrals benchmark's generator (`bench/referrals.py`, imported,
not copied), spreads the concerns over all 342 municipalities, writes the anonymous facts for
them in bulk (one fact for the `sent` step of every referral, one for its later status, with
dates; one wish per concern; one family answer per referral helped), then measures, side by side
in the same run, for random municipalities and years:

- `GET /api/v1/outcomes/reach?municipality=…&year=…` through Django's test client (the whole
  request: URL routing, validation, the measures, suppression, JSON);
- the measures behind the municipality dashboard: `how_much`, `how_well`, `better_off`;
- the same reach by a direct aggregate over the referrals table (join with the concerns, group
  by status and receiver) — what the API would cost without the facts;

each as median and p95 over `--calls` calls, with the number of queries per call.

    .venv/bin/python bench/outcomes.py --sqlite bench/data/outcomes.sqlite3 --referrals 200000
    .venv/bin/python bench/outcomes.py --postgres postgres://postgres@127.0.0.1:5432/kansrijk_bench_outcomes
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
_spec = importlib.util.spec_from_file_location("bench_referrals", ROOT / "bench" / "referrals.py")
assert _spec and _spec.loader
generator = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(generator)

FACT_COLUMNS = (
    'id, step, "on", municipality_code, receiver_id, service_id, need, referrer_kind, age_band, for_wish, '
    "concern_on, consent_on, referred_on, accepted_on, started_on, ended_on, decline_reason, amount_band"
)


def _dialect(postgres: bool) -> dict[str, Callable[..., str]]:
    if postgres:
        return {
            "uuid": lambda: "gen_random_uuid()",
            "day": lambda col: f"({col})::date",
            "plus": lambda col, days: f"(({col})::date + ({days}))",
            "rand": lambda n: f"floor(random() * {n})::int",
        }
    return {
        "uuid": lambda: "lower(hex(randomblob(16)))",
        "day": lambda col: f"date({col})",
        "plus": lambda col, days: f"date({col}, '+' || ({days}) || ' days')",
        "rand": lambda n: f"(abs(random()) % {n})",
    }


# Every SQL text below is built from constants of this script, never from input.
# ruff: noqa: S608


def _fact_sql(postgres: bool) -> list[str]:
    """Bulk facts as the services would have written them: a `sent` fact for every referral and
    one for its later status (dates a few days to weeks after the referral)."""
    d = _dialect(postgres)
    day, plus, rand = d["day"], d["plus"], d["rand"]
    sent = (
        f"INSERT INTO facts_referralfact ({FACT_COLUMNS}) SELECT {d['uuid']()}, 'sent', {day('r.created_at')}, "
        f"c.municipality_id, r.receiver_id, NULL, 'sport', 'school', '4-11', {'false' if postgres else '0'}, "
        f"{day('c.created_at')}, {day('c.created_at')}, {day('r.created_at')}, NULL, NULL, NULL, '', '' "
        "FROM referrals_referral r JOIN referrals_concern c ON c.id = r.concern_id"
    )
    ended = plus("r.created_at", f"3 + {rand(60)}")
    later = (
        f"INSERT INTO facts_referralfact ({FACT_COLUMNS}) SELECT {d['uuid']()}, r.status, "
        f"CASE WHEN r.status IN ('done', 'declined', 'withdrawn') THEN {ended} "
        f"WHEN r.status = 'accepted' THEN {plus('r.created_at', '2')} ELSE {plus('r.created_at', '3')} END, "
        f"c.municipality_id, r.receiver_id, NULL, 'sport', 'school', '4-11', r.status = 'done', "
        f"{day('c.created_at')}, {day('c.created_at')}, {day('r.created_at')}, "
        f"CASE WHEN r.status IN ('accepted', 'in_progress', 'done') THEN {plus('r.created_at', '2')} END, "
        f"CASE WHEN r.status IN ('in_progress', 'done') THEN {plus('r.created_at', '3')} END, "
        f"CASE WHEN r.status IN ('done', 'declined', 'withdrawn') THEN {ended} END, "
        "CASE WHEN r.status = 'declined' THEN 'no_budget' ELSE '' END, "
        "CASE WHEN r.status = 'done' THEN '101-250' ELSE '' END "
        "FROM referrals_referral r JOIN referrals_concern c ON c.id = r.concern_id WHERE r.status != 'sent'"
    )
    wishes = (
        f'INSERT INTO facts_concerncodefact (id, "on", municipality_code, organisation_kind, kind, code) '
        f"SELECT {d['uuid']()}, {day('created_at')}, municipality_id, 'school', 'wish', 'sport' FROM referrals_concern"
    )
    feedback = (
        'INSERT INTO facts_feedbackfact (id, "on", municipality_code, receiver_id, service_id, need, family_answer, '
        f"child_score, weight) SELECT {d['uuid']()}, ended_on, municipality_code, receiver_id, NULL, 'sport', 'yes', "
        f"{rand(5)} + 1, 1 FROM facts_referralfact WHERE step = 'done'"
    )
    return [sent, later, wishes, feedback]


def _spread_over_municipalities() -> None:
    """The generator places concerns in five municipalities; spread them over all 342."""
    from django.db import connection

    from kansrijk.municipalities.models import Municipality

    codes = sorted(Municipality.objects.values_list("code", flat=True))
    with connection.cursor() as cursor:
        cursor.execute("CREATE TEMPORARY TABLE bench_codes (n integer PRIMARY KEY, code varchar(6))")
        cursor.executemany("INSERT INTO bench_codes VALUES (%s, %s)", list(enumerate(codes)))
        sqlite = connection.vendor == "sqlite"
        pick = "referrals_concern.rowid" if sqlite else "abs(hashtext(referrals_concern.id::text))"
        cursor.execute(
            "UPDATE referrals_concern SET municipality_id = "
            f"(SELECT code FROM bench_codes WHERE n = {pick} % {len(codes)})"
        )


def _write_facts() -> None:
    from django.db import connection, transaction

    with transaction.atomic(), connection.cursor() as cursor:
        for table in ("facts_referralfact", "facts_concerncodefact", "facts_feedbackfact"):
            cursor.execute(f"DELETE FROM {table}")
        for sql in _fact_sql(connection.vendor == "postgresql"):
            cursor.execute(sql)


def _timed(calls: int, one: Callable[[random.Random], object]) -> tuple[float, float, set[int]]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    rng = random.Random(11)
    timings, counts = [], set()
    for _ in range(calls):
        with CaptureQueriesContext(connection) as queries:
            began = time.perf_counter()
            one(rng)
            timings.append((time.perf_counter() - began) * 1000)
        counts.add(len(queries))
    timings.sort()
    return statistics.median(timings), timings[max(int(len(timings) * 0.95) - 1, 0)], counts


def _measure(calls: int) -> None:
    from django.db.models import Count
    from django.test import Client

    from kansrijk.municipalities.models import Municipality
    from kansrijk.outcomes.measures import Filters, better_off, how_much, how_well
    from kansrijk.referrals.models import Referral

    codes = sorted(Municipality.objects.values_list("code", flat=True))
    client = Client()

    def place(rng: random.Random) -> tuple[str, int]:
        return rng.choice(codes), rng.choice((2024, 2025))

    def api(rng: random.Random) -> None:
        code, year = place(rng)
        response = client.get("/api/v1/outcomes/reach", {"municipality": code, "year": year}, HTTP_HOST="localhost")
        assert response.status_code == 200, response.content

    def dashboard(rng: random.Random) -> None:
        code, year = place(rng)
        filters = Filters.for_year(year, municipality_code=code)
        how_much(filters), how_well(filters), better_off(filters)

    def direct(rng: random.Random) -> None:
        code, year = place(rng)
        rows = (
            Referral.objects.filter(concern__municipality_id=code, created_at__year=year)
            .values_list("status", "receiver_id")
            .annotate(n=Count("id"))
            .order_by()
        )
        list(rows)

    results = {name: _timed(calls, one) for name, one in (("api", api), ("dashboard", dashboard), ("direct", direct))}
    for name, (median, p95, counts) in results.items():
        print(f"{name:10} median {median:7.1f} ms  p95 {p95:7.1f} ms  queries {sorted(counts)}")
    print(f"direct aggregate / reach API, median: {results['direct'][0] / results['api'][0]:.1f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--sqlite", help="Path of a fresh SQLite file.")
    target.add_argument("--postgres", help="URL of a PostgreSQL database to (re)create.")
    parser.add_argument("--referrals", type=int, default=1_000_000)
    parser.add_argument("--organisations", type=int, default=300)
    parser.add_argument("--calls", type=int, default=300)
    parser.add_argument("--measure-only", action="store_true", help="Measure an earlier generated database again.")
    parser.add_argument(
        "--rewrite-facts", action="store_true", help="Spread and write the facts of an earlier database again."
    )
    args = parser.parse_args()
    if args.measure_only or args.rewrite_facts:
        generator._setup(f"sqlite:///{Path(args.sqlite).resolve()}" if args.sqlite else args.postgres)
    if args.rewrite_facts:
        began = time.perf_counter()
        _spread_over_municipalities()
        _write_facts()
        generator._analyze()
        print(f"facts rewritten in {time.perf_counter() - began:.0f} s")
    elif not args.measure_only:
        generator._setup(generator._prepare(args))
        began = time.perf_counter()
        generator._generate(args.referrals, args.organisations)
        _spread_over_municipalities()
        _write_facts()
        generator._analyze()
        from kansrijk.facts.models import ReferralFact

        print(
            f"generated {args.referrals:,} referrals, {ReferralFact.objects.count():,} facts "
            f"in {time.perf_counter() - began:.0f} s"
        )
    _measure(args.calls)


if __name__ == "__main__":
    main()
