"""The yearly open-data CSV: every measure for every municipality with facts in the year, one
row per count (CSV for Dutch Excel: UTF-8 with BOM, `;`). Counts through the one suppression
rule, medians only over 10 or more cases (`outcomes.public`). A fixed number of queries."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from django.db.models import Count, Sum

from kansrijk.core.suppression import display, suppress
from kansrijk.facts.constants import CodeKind, Step
from kansrijk.facts.models import ConcernCodeFact, FeedbackFact
from kansrijk.outcomes import public
from kansrijk.outcomes.measures import COUNTED_STEPS, Filters, how_well

HEADERS = ("Gemeente", "Onderwerp", "Soort", "Aantal", "Mediaan in dagen", "90e percentiel in dagen")
Row = tuple[str, str, str, str, str, str]


def _count_rows(filters: Filters) -> Iterator[Row]:
    facts = filters.referral_facts()
    steps = facts.filter(step__in=COUNTED_STEPS).values_list("municipality_code", "step").annotate(n=Count("id"))
    for code, step, n in steps.order_by("municipality_code", "step"):
        yield code, "Verwijzingen", step, display(suppress(n)), "", ""
    reasons = (
        facts.filter(step=Step.DECLINED).values_list("municipality_code", "decline_reason").annotate(n=Count("id"))
    )
    for code, reason, n in reasons.order_by("municipality_code", "-n"):
        yield code, "Redenen van afwijzen", reason or "other", display(suppress(n)), "", ""
    answers = FeedbackFact.objects.filter(filters.q()).values_list("municipality_code", "family_answer")
    for code, answer, n in answers.annotate(n=Sum("weight")).order_by("municipality_code", "family_answer"):
        yield code, "Antwoord van het gezin", answer, display(suppress(max(int(n), 0))), "", ""
    wishes = ConcernCodeFact.objects.filter(filters.q(), kind=CodeKind.WISH).values_list("municipality_code", "code")
    for code, need, n in wishes.annotate(n=Count("id")).order_by("municipality_code", "code"):
        yield code, "Wensen van kinderen", need, display(suppress(n)), "", ""
    met = facts.filter(step=Step.DONE, for_wish=True).values_list("municipality_code", "need")
    for code, need, n in met.annotate(n=Count("id")).order_by("municipality_code", "need"):
        yield code, "Wensen vervuld", need, display(suppress(n)), "", ""


def _time_rows(filters: Filters) -> Iterator[Row]:
    for code, stages in sorted(how_well(filters).by_municipality.items()):
        for stage, value in stages.items():
            shown = public.duration(value)
            median, p90 = shown["median_days"], shown["p90_days"]
            yield (
                code,
                "Tijd tot hulp",
                stage,
                display(shown["count"]),
                "" if median is None else str(median),
                "" if p90 is None else str(p90),
            )


def year_csv(year: int) -> bytes:
    filters = Filters.for_year(year)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADERS)
    rows: list[Row] = sorted([*_count_rows(filters), *_time_rows(filters)], key=lambda row: row[0])
    writer.writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
