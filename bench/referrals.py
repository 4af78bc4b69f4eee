"""Benchmark of referral lists and transitions at national scale (a script, not a test).

Bulk-generates 1,000,000 referrals (500,000 concerns, each with one consent) across 300
organisations straight into a fresh database, then measures, through the real selectors and
services (audit rows included):
- an organisation's incoming referral list, first page, unfiltered and filtered by each
  status: p95 over 300 calls, and the number of queries (must be the same for every call);
- a transition (sent → accepted by the receiver): median over 200 calls.

    .venv/bin/python bench/referrals.py --sqlite bench/data/referrals.sqlite3
    .venv/bin/python bench/referrals.py --postgres postgres://postgres@127.0.0.1:5432/kansrijk_bench

Both start from an empty database (the file is removed; the PostgreSQL database is dropped
and created). `--referrals N` makes a smaller run; `--measure-only` measures an earlier generated
database again (transitions then start from referrals still `sent`).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
STATUSES = (
    ["sent"] * 10 + ["accepted"] * 10 + ["in_progress"] * 10 + ["done"] * 50 + ["declined"] * 10 + ["withdrawn"] * 10
)
CHUNK = 20_000


def _prepare(args: argparse.Namespace) -> str:
    if args.sqlite:
        path = Path(args.sqlite).resolve()
        path.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return f"sqlite:///{path}"
    import psycopg

    url = args.postgres
    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return url


def _setup(database_url: str) -> None:
    os.environ.update(DATABASE_URL=database_url, DEBUG="1", DJANGO_SETTINGS_MODULE="config.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def _insert(table: str, columns: list[str], rows: list[tuple[object, ...]]) -> None:
    from django.db import connection

    if connection.vendor == "postgresql":
        with (
            connection.cursor() as cursor,
            cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy,
        ):
            for row in rows:
                copy.write_row(row)
        return
    marks = ", ".join(["%s"] * len(columns))
    with connection.cursor() as cursor:
        # Table and column names are constants of this script, never input.
        cursor.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)  # noqa: S608


def _id(value: uuid.UUID) -> object:
    from django.db import connection

    return value if connection.vendor == "postgresql" else value.hex


def _organisations(count: int) -> tuple[list[uuid.UUID], list[uuid.UUID]]:
    """`count` organisations with one coordinator each; returns organisation and user ids."""
    from django.contrib.auth.hashers import make_password

    now = datetime.now(UTC)
    orgs = [uuid.uuid4() for _ in range(count)]
    users = [uuid.uuid4() for _ in range(count)]
    password = make_password("bench-password-not-used")
    _insert(
        "organisations_organisation",
        [
            "id",
            "name",
            "kind",
            "kvk_number",
            "description",
            "website",
            "email",
            "phone",
            "is_demo",
            "created_at",
            "updated_at",
        ],
        [
            (_id(o), f"Organisatie {i}", "fund" if i % 3 else "school", "", "", "", "", "", False, now, now)
            for i, o in enumerate(orgs)
        ],
    )
    _insert(
        "accounts_user",
        ["id", "password", "email", "full_name", "is_active", "is_staff", "is_superuser", "is_demo", "date_joined"],
        [(_id(u), password, f"bench{i}@example.org", "", True, False, False, False, now) for i, u in enumerate(users)],
    )
    _insert(
        "organisations_membership",
        ["id", "user_id", "organisation_id", "role", "created_at"],
        [(_id(uuid.uuid4()), _id(u), _id(o), "coordinator", now) for u, o in zip(users, orgs, strict=True)],
    )
    return orgs, users


def _generate(referrals: int, organisations: int) -> tuple[list[uuid.UUID], list[uuid.UUID]]:
    from django.db import transaction

    rng = random.Random(42)
    orgs, users = _organisations(organisations)
    codes = ["GM1640", "GM0363", "GM0344", "GM0599", "GM0518"]
    start = datetime(2024, 1, 1, tzinfo=UTC)
    made = 0
    while made < referrals:
        concerns, consents, links, rows, steps = [], [], [], [], []
        for _ in range(min(CHUNK, referrals - made) // 2 or 1):
            concern, consent = uuid.uuid4(), uuid.uuid4()
            referrer = rng.choice(orgs)
            created = start + timedelta(seconds=rng.randrange(0, 2 * 365 * 86400))
            concerns.append((_id(concern), _id(referrer), rng.choice(codes), "[]", "", "[]", created, created, "", ""))
            expires = created + timedelta(days=365)
            consents.append((_id(consent), _id(concern), "parent", "bench", "in_person", created, expires))
            for receiver in rng.sample(orgs, 2):
                referral, status = uuid.uuid4(), rng.choice(STATUSES)
                at = created + timedelta(minutes=rng.randrange(1, 5000))
                links.append((_id(consent), _id(receiver)))
                rows.append(
                    (
                        _id(referral),
                        _id(concern),
                        "Bijdrage voor sport",
                        _id(receiver),
                        _id(referrer),
                        _id(consent),
                        "",
                        status,
                        1,
                        at,
                        at,
                        "",
                        "",
                    )
                )
                steps.append((_id(referral), "", "sent", "", at))
                made += 1
        with transaction.atomic():
            _insert(
                "referrals_concern",
                [
                    "id",
                    "organisation_id",
                    "municipality_id",
                    "signs",
                    "note",
                    "wishes",
                    "created_at",
                    "last_activity_at",
                    "close_reason",
                    "close_note",
                ],
                concerns,
            )
            _insert(
                "referrals_consent",
                ["id", "concern_id", "given_by", "purpose", "method", "given_at", "expires_at"],
                consents,
            )
            _insert("referrals_consent_organisations", ["consent_id", "organisation_id"], links)
            _insert(
                "referrals_referral",
                [
                    "id",
                    "concern_id",
                    "service_name",
                    "receiver_id",
                    "referrer_id",
                    "consent_id",
                    "note",
                    "status",
                    "version",
                    "created_at",
                    "status_changed_at",
                    "delivered_what",
                    "decline_reason",
                ],
                rows,
            )
            _insert("referrals_referralstep", ["referral_id", "from_status", "to_status", "reason", "at"], steps)
        print(f"  {made:,} referrals", end="\r", flush=True)
    print()
    return orgs, users


def _analyze() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _measure_lists(users: list[uuid.UUID], calls: int) -> tuple[float, float, set[int]]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from kansrijk.accounts.models import User
    from kansrijk.referrals.selectors import referral_page_for

    rng = random.Random(7)
    people = list(User.objects.filter(pk__in=rng.sample(users, 50)))
    timings, query_counts = [], set()
    for i in range(calls):
        user = people[i % len(people)]
        status = ["", "sent", "accepted", "in_progress", "done", "declined", "withdrawn"][i % 7]
        with CaptureQueriesContext(connection) as queries:
            began = time.perf_counter()
            page = referral_page_for(user=user, direction="in", status=status, page=1)
            [r.receiver.name for r in page.referrals]
            timings.append((time.perf_counter() - began) * 1000)
        query_counts.add(len(queries))
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1], query_counts


def _measure_transitions(calls: int) -> tuple[float, float]:
    from kansrijk.accounts.models import User
    from kansrijk.organisations.models import Membership
    from kansrijk.referrals.models import Referral
    from kansrijk.referrals.services import referral_transition

    referrals = list(Referral.objects.filter(status="sent").select_related("consent")[:calls])
    users = {m.organisation_id: m.user for m in Membership.objects.select_related("user")}
    timings = []
    for referral in referrals:
        actor: User = users[referral.receiver_id]
        began = time.perf_counter()
        referral_transition(actor=actor, referral=referral, target="accepted")
        timings.append((time.perf_counter() - began) * 1000)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1]


def _generated(args: argparse.Namespace) -> list[uuid.UUID]:
    from django.db import connection

    began = time.perf_counter()
    _, users = _generate(args.referrals, args.organisations)
    _analyze()
    print(f"{connection.vendor}: generated {args.referrals:,} referrals in {time.perf_counter() - began:.0f} s")
    return users


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--sqlite", help="Path of a fresh SQLite file.")
    target.add_argument("--postgres", help="URL of a PostgreSQL database to (re)create.")
    parser.add_argument("--referrals", type=int, default=1_000_000)
    parser.add_argument("--organisations", type=int, default=300)
    parser.add_argument("--measure-only", action="store_true", help="Measure an earlier generated database again.")
    args = parser.parse_args()
    if args.measure_only:
        _setup(f"sqlite:///{Path(args.sqlite).resolve()}" if args.sqlite else args.postgres)
        from kansrijk.organisations.models import Membership

        users = list(Membership.objects.values_list("user_id", flat=True))
    else:
        _setup(_prepare(args))
        users = _generated(args)
    median, p95, counts = _measure_lists(users, 300)
    print(f"list (first page, 25 rows, by status): median {median:.1f} ms, p95 {p95:.1f} ms, queries {sorted(counts)}")
    median, p95 = _measure_transitions(200)
    print(f"transition sent → accepted: median {median:.1f} ms, p95 {p95:.1f} ms")


if __name__ == "__main__":
    main()
