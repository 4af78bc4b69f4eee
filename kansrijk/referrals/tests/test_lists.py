"""Referral lists: each row names the children by initials and age and says how long it waits;
open referrals first, longest waiting on top; a fixed number of queries however long the page."""

from datetime import timedelta

import pytest
from django.utils import timezone

from kansrijk.conftest import client_for
from kansrijk.referrals import selectors
from kansrijk.referrals.labels import children_text, initials
from kansrijk.referrals.models import Child
from kansrijk.referrals.tests.factories import ConcernFactory, ReferralFactory

pytestmark = pytest.mark.django_db


def _referral(fund, teacher, *, days_ago, children=None, **traits):
    concern = ConcernFactory(organisation=teacher.organisation, children=children)
    return ReferralFactory(
        receiver=fund, concern=concern, created_at=timezone.now() - timedelta(days=days_ago, hours=1), **traits
    )


@pytest.mark.parametrize(
    ("first_name", "expected"), [("Sam", "S."), ("Anne-Fleur", "A.F."), ("a.b.", "A.B."), ("  jan  piet ", "J.P.")]
)
def test_initials_come_from_the_first_name(first_name, expected):
    assert initials(first_name) == expected


def test_a_childs_age_is_exact_when_told_and_a_range_from_a_birth_year():
    told = Child(first_name="Sam", birth_year=2017, age=9)
    from_year = Child(first_name="Jip", birth_year=2020, age=None)
    assert children_text([told], this_year=2026, given_year=2026) == "S., 9 jaar"
    assert children_text([told, from_year], this_year=2026, given_year=2026) == "S., 9 jaar en J., 5 of 6 jaar"


def test_the_receivers_list_shows_initials_age_and_days_waiting_oldest_first(fund, fund_worker, teacher):
    newer = _referral(fund, teacher, days_ago=2, children=[{"first_name": "Otje", "birth_year": 2014}])
    older = _referral(fund, teacher, days_ago=12, children=[{"first_name": "Sam Bakker", "birth_year": 2016}])
    finished = _referral(fund, teacher, days_ago=40, done=True)
    page = selectors.referral_page_for(user=fund_worker.user, direction="in")
    assert [r.referral.pk for r in page.rows] == [older.pk, newer.pk, finished.pk]
    assert [r.days_waiting for r in page.rows] == [12, 2, None]
    this_year = timezone.localdate().year
    assert page.rows[0].children == f"S.B., {this_year - 2016 - 1} of {this_year - 2016} jaar"
    html = client_for(fund_worker).get("/zorgen/verwijzingen/").content.decode()
    assert "S.B.," in html
    assert "Sam Bakker" not in html
    assert html.index("S.B.,") < html.index("O.,")


def test_the_referrers_list_shows_the_same_columns(fund, teacher):
    _referral(fund, teacher, days_ago=5)
    html = client_for(teacher).get("/zorgen/verwijzingen/?richting=out").content.decode()
    assert "Dagen wachten" in html
    assert '<td class="utrecht-table__cell kr-days">5</td>' in html
    assert "S., " in html


def test_the_list_takes_the_same_number_of_queries_for_one_or_many_rows(
    fund, fund_worker, teacher, django_assert_num_queries
):
    _referral(fund, teacher, days_ago=3)
    client = client_for(fund_worker)
    client.get("/zorgen/verwijzingen/")  # warm the session and the translation caches

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        client.get("/zorgen/verwijzingen/")
    for days in range(4, 12):
        _referral(
            fund,
            teacher,
            days_ago=days,
            children=[{"first_name": "Ada", "birth_year": 2015}, {"first_name": "Bo", "birth_year": 2018}],
        )
    with django_assert_num_queries(len(one)):
        client.get("/zorgen/verwijzingen/")


def test_the_api_list_gives_initials_age_and_days_waiting_oldest_first(fund, fund_worker, teacher):
    newer = _referral(fund, teacher, days_ago=1)
    older = _referral(fund, teacher, days_ago=7, children=[{"first_name": "Jip", "birth_year": 2019}])
    results = client_for(fund_worker).get("/api/v1/referrals?direction=in").json()["results"]
    assert [r["id"] for r in results] == [str(older.pk), str(newer.pk)]
    assert results[0]["children"].startswith("J., ")
    assert [r["days_waiting"] for r in results] == [7, 1]
