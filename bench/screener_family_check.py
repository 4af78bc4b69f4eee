"""Benchmark: the family check's answer page and PDF, server time, in-process (a script, not a test).

Usage: DEBUG=1 .venv/bin/python bench/screener_family_check.py [--runs 200]
Builds a fresh SQLite database in a temporary directory (`migrate` loads the municipalities),
loads the demo organisations and schemes (Leudal's kindpakket and meedoenregeling, the six
funds) and adds eight more municipal schemes to Leudal, so the family has 10 municipal schemes
and 6 funds besides the national ones. Then POSTs the family check's answer (step 2) through
Django's test client — middleware, form, rules, template — and the PDF, and reports median and
p95. Target: ≤ 300 ms server time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TMP = tempfile.mkdtemp(prefix="kansrijk-bench-")
os.environ["DATABASE_URL"] = f"sqlite:///{TMP}/bench.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "1")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

FORM = {
    "gemeente": "GM1640", "partner": "ja", "kinderen": "3",
    "ouder1_leeftijd": "35", "ouder1_netto": "1900", "ouder1_bruto": "28000", "ouder1_verzekerd": "ja",
    "ouder2_leeftijd": "36", "ouder2_netto": "0", "ouder2_bruto": "0", "ouder2_verzekerd": "ja",
    "kind1_leeftijd": "4", "kind1_school": "primary", "kind2_leeftijd": "10", "kind2_school": "primary",
    "kind3_leeftijd": "14", "kind3_school": "secondary", "vermogen": "1000", "huur": "720",
}  # fmt: skip
EXTRA = ("inkomenstoeslag", "schoolkosten", "laptop", "fiets", "zwemles", "kleding", "uitje", "energie")


def _setup() -> None:
    from kansrijk.demo.loaders import organisations, screener
    from kansrijk.screener.models import Scheme
    from kansrijk.screener.services import VersionData, scheme_create, scheme_version_create

    call_command("migrate", verbosity=0)
    organisations.load()
    screener.load()
    owner = Scheme.objects.get(slug="kindpakket").owner
    for index, slug in enumerate(EXTRA):
        scheme = scheme_create(actor=None, owner=owner, slug=slug, kind="municipal", rank=10,
                               municipality=owner.municipalities.first())  # fmt: skip
        data = VersionData(
            label=f"Regeling {slug}", start_date=dt.date(2026, 1, 1), source_title="bench",
            source_url="https://example.org", needs=("uitje",), income_limit_percent=110 + 5 * index,
            child_age_min=0, child_age_max=17, amount_per_child_cents=10_000 + 1_000 * index,
        )  # fmt: skip
        scheme_version_create(actor=None, scheme=scheme, data=data)


def _time(client: Client, url: str, runs: int) -> tuple[list[float], int]:
    times, size = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        response = client.post(url, FORM)
        times.append(time.perf_counter() - started)
        assert response.status_code == 200, response.status_code
        size = len(response.content)
    return times, size


def _report(name: str, times: list[float], size: int) -> None:
    ordered = sorted(times)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    print(f"{name}: median {statistics.median(times) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms, "
          f"max {ordered[-1] * 1000:.1f} ms ({len(times)} runs, {size} bytes)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    _setup()
    client = Client(HTTP_HOST="localhost")
    page = client.post(reverse("screener:check"), FORM).content.decode()
    print("schemes on the answer page:", page.count('class="kr-entitlement '))
    _report("answer page", *_time(client, reverse("screener:check"), args.runs))
    _report("PDF", *_time(client, reverse("screener:check_pdf"), max(20, args.runs // 4)))
    print(f"load average: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
