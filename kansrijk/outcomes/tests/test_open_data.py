"""The open-data API: public, counts named `count`/`*_count` and suppressed, a fixed number of
queries, clear 400s; and the partner's own exact measures (ADR 0029)."""

from __future__ import annotations

import csv

import pytest
from django.db import connection
from django.http import Http404
from django.test import Client
from django.test.utils import CaptureQueriesContext

from kansrijk.conftest import with_totp
from kansrijk.core.suppression import is_publishable
from kansrijk.organisations.tests.factories import MembershipFactory
from kansrijk.outcomes.selectors import partner_measures_for
from kansrijk.outcomes.tests.world import at, journey, make_world

pytestmark = pytest.mark.django_db
MEASURES = ("reach", "time-to-help", "declines", "feedback")


def _counts_and_other_numbers(data: object, key: str = "") -> tuple[list[object], list[str]]:
    """(values of count keys, keys of other numbers) anywhere in an answer."""
    if isinstance(data, dict):
        found: tuple[list[object], list[str]] = ([], [])
        for name, value in data.items():
            counts, others = _counts_and_other_numbers(value, name)
            found[0].extend(counts)
            found[1].extend(others)
        return found
    if isinstance(data, list):
        found = ([], [])
        for value in data:
            counts, others = _counts_and_other_numbers(value, key)
            found[0].extend(counts)
            found[1].extend(others)
        return found
    if key == "count" or key.endswith("_count"):
        return [data], []
    if isinstance(data, int) and not isinstance(data, bool):
        return [], [key]
    return [], []


@pytest.fixture
def world():
    world = make_world()
    for day in range(12):
        journey(world, municipality="GM1640", fund=0, path="done", start=at(2025, 3, 1 + day), gaps=[1, 2, day])
    for _ in range(3):
        journey(world, municipality="GM1640", fund=1, path="declined", start=at(2025, 4, 1), gaps=[0])
    return world


def test_reach_is_public_and_every_count_is_named_and_suppressed(world):
    response = Client().get("/api/v1/outcomes/reach", {"municipality": "GM1640", "year": 2025})
    assert response.status_code == 200
    data = response.json()
    assert (data["referred_count"], data["helped_count"], data["declined_count"]) == (15, 10, None)
    counts, others = _counts_and_other_numbers(data)
    assert all(is_publishable(value) for value in counts)
    assert set(others) <= {"year"}
    assert {row["name"] for row in data["by_organisation"]} == {"Fonds Sport", "Fonds Kleding"}


def test_every_measure_names_its_counts_and_only_days_and_the_year_are_other_numbers(world):
    for measure in MEASURES:
        data = Client().get(f"/api/v1/outcomes/{measure}", {"municipality": "GM1640", "year": 2025}).json()
        counts, others = _counts_and_other_numbers(data)
        assert counts, measure
        assert all(is_publishable(value) for value in counts), measure
        assert all(key in {"year", "score"} or key.endswith("_days") for key in others), (measure, others)


def test_time_to_help_shows_days_only_over_ten_cases(world):
    data = Client().get("/api/v1/outcomes/time-to-help", {"municipality": "GM1640", "year": 2025}).json()
    stages = {row["stage"]: row for row in data["stages"]}
    assert stages["concern_to_delivered"]["count"] == 10  # 12 delivered, rounded to 5
    assert stages["concern_to_delivered"]["median_days"] is not None
    assert stages["consent_to_referral"]["median_days"] == 0


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"municipality": "GM1640"}, "year"),
        ({"municipality": "GM1640", "year": "twee"}, "year"),
        ({"municipality": "GM1640", "year": "1800"}, "year"),
        ({"year": "2025"}, "municipality"),
        ({"municipality": "Leudal", "year": "2025"}, "municipality"),
        ({"municipality": "GM9999", "year": "2025"}, "municipality"),
    ],
)
def test_a_bad_parameter_is_a_400_that_names_it(db, query, field):
    response = Client().get("/api/v1/outcomes/reach", query)
    assert response.status_code == 400
    assert [error["field"] for error in response.json()["errors"]] == [field]


def test_the_number_of_queries_does_not_grow_with_the_data(world, django_assert_num_queries):
    client = Client()
    counts = {}
    for measure in MEASURES:
        with CaptureQueriesContext(connection) as captured:
            client.get(f"/api/v1/outcomes/{measure}", {"municipality": "GM1640", "year": 2025})
        counts[measure] = len(captured)
    assert all(0 < n <= 6 for n in counts.values()), counts
    for day in range(5):
        journey(world, municipality="GM1640", fund=1, path="done", start=at(2025, 5, 1 + day), gaps=[3])
    for measure in MEASURES:
        with django_assert_num_queries(counts[measure]):
            client.get(f"/api/v1/outcomes/{measure}", {"municipality": "GM1640", "year": 2025})


def test_the_yearly_csv_covers_every_measure_with_suppressed_counts(world):
    response = Client().get("/api/v1/outcomes/export.csv", {"year": 2025})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(response.content.decode("utf-8-sig").splitlines(), delimiter=";"))
    subjects = {row["Onderwerp"] for row in rows}
    assert {
        "Verwijzingen",
        "Redenen van afwijzen",
        "Tijd tot hulp",
        "Wensen van kinderen",
        "Wensen vervuld",
    } <= subjects
    assert all(row["Aantal"] == "< 10" or is_publishable(int(row["Aantal"])) for row in rows)
    declined = [row for row in rows if row["Onderwerp"] == "Verwijzingen" and row["Soort"] == "declined"]
    assert [row["Aantal"] for row in declined] == ["< 10"]
    assert Client().get("/api/v1/outcomes/export.csv").status_code == 400


def test_a_partner_sees_its_own_measures_exactly_and_others_get_a_404(world):
    worker = world.workers[1]
    own = partner_measures_for(user=worker.user, organisation_id=world.funds[1].pk, year=2025)
    assert own.how_much.total.declined == 3
    assert own.how_much.total.helped == 0
    assert own.how_well.decline_reasons == [("no_budget", 3)]
    outsider = MembershipFactory()
    with_totp(outsider)
    with pytest.raises(Http404):
        partner_measures_for(user=outsider.user, organisation_id=world.funds[1].pk, year=2025)
    with pytest.raises(Http404):
        partner_measures_for(user=world.workers[0].user, organisation_id=world.funds[1].pk, year=2025)
