"""Property: the measures over the anonymous facts equal a direct count over the referrals and
their history, for random work and random filters (acceptance point 2 of issue 16)."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kansrijk.outcomes.measures import Filters, how_much, how_well, percentile
from kansrijk.outcomes.tests.world import PATHS, at, journey, make_world
from kansrijk.referrals.models import Referral, ReferralStep

pytestmark = pytest.mark.django_db
MUNICIPALITIES = ("GM1640", "GM0363")
NEEDS = ("sport", "kleding")
NAMES = {"sent": "referred", "accepted": "accepted", "done": "helped", "declined": "declined", "withdrawn": "withdrawn"}

journeys = st.lists(
    st.tuples(
        st.sampled_from(MUNICIPALITIES),
        st.integers(0, 1),
        st.sampled_from(sorted(PATHS)),
        st.dates(date(2024, 11, 1), date(2026, 2, 28)),
        st.lists(st.integers(0, 60), min_size=1, max_size=4),
    ),
    min_size=1,
    max_size=6,
)
filters = st.tuples(
    st.sampled_from(["", *MUNICIPALITIES]),
    st.sampled_from([None, 0, 1]),
    st.sampled_from(["", *NEEDS]),
    st.sampled_from([None, 2024, 2025, 2026]),
)


def _direct(world, municipality, fund, need, year) -> tuple[Counter[str], Counter[str], list[int]]:
    """Steps per status, decline reasons and days from concern to help, straight from the referrals."""
    steps: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    days: list[int] = []
    for step in ReferralStep.objects.select_related("referral__concern"):
        referral: Referral = step.referral
        on = timezone.localdate(step.at)
        if municipality and referral.concern.municipality_id != municipality:
            continue
        if fund is not None and referral.receiver_id != world.funds[fund].pk:
            continue
        if need and referral.service_id != world.services[NEEDS.index(need)].pk:
            continue
        if year and on.year != year:
            continue
        steps[step.to_status] += 1
        if step.to_status == "declined":
            reasons[referral.decline_reason] += 1
        if step.to_status == "done":
            days.append((on - timezone.localdate(referral.concern.created_at)).days)
    return steps, reasons, days


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(work=journeys, chosen=filters)
def test_the_measures_equal_a_direct_count_over_the_referrals(db, work, chosen):
    with transaction.atomic():
        world = make_world()
        for municipality, fund, path, start, gaps in work:
            journey(
                world,
                municipality=municipality,
                fund=fund,
                path=path,
                start=at(start.year, start.month, start.day),
                gaps=gaps,
            )
        municipality, fund, need, year = chosen
        kwargs = {
            "municipality_code": municipality,
            "receiver_id": world.funds[fund].pk if fund is not None else None,
            "need": need,
        }
        measure_filters = Filters.for_year(year, **kwargs) if year else Filters(**kwargs)
        steps, reasons, days = _direct(world, municipality, fund, need, year)
        total = how_much(measure_filters).total
        for status, name in NAMES.items():
            assert getattr(total, name) == steps[status], status
        well = how_well(measure_filters)
        assert dict(well.decline_reasons) == dict(reasons)
        delivered = well.stages["concern_to_delivered"]
        assert delivered.count == len(days)
        assert (delivered.median_days, delivered.p90_days) == (percentile(days, 0.5), percentile(days, 0.9))
        transaction.set_rollback(True)


def test_the_percentile_is_the_nearest_rank():
    assert percentile([], 0.5) is None
    assert percentile([7], 0.9) == 7
    assert percentile([1, 2, 3, 4], 0.5) == 2
    assert percentile(list(range(1, 11)), 0.9) == 9
    assert percentile(list(range(1, 12)), 0.9) == 10
