"""Bad input on the referrals API and pages: a 400 (or a form error) naming the field, never a
500, nothing written, nothing cut short (ADR 0012). Runs on SQLite and PostgreSQL, where a NUL
byte or an out-of-range integer would otherwise be a DataError."""

from __future__ import annotations

import json

import pytest

from kansrijk.conftest import client_for
from kansrijk.referrals.models import Barrier, Concern, Feedback, Referral
from kansrijk.referrals.tests.factories import ConcernFactory, ReferralFactory

pytestmark = pytest.mark.django_db

CONCERN = {"children": [{"first_name": "Sam", "birth_year": 2016}], "municipality": "GM1640", "note": "Sam"}


def _concern(teacher, **change):
    body = json.dumps({**CONCERN, **change})
    return client_for(teacher).post("/api/v1/concerns", body, content_type="application/json")


def _refused(response, field, *words):
    assert response.status_code == 400, response.content[:300]
    errors = response.json()["errors"]
    assert errors and errors[0]["field"] == field, errors
    for word in words:
        assert any(word in e["message"] for e in errors if e["field"] == field), errors
    return errors


@pytest.mark.parametrize("value", [2**31, 2**63, -1, 26])
def test_a_childs_age_out_of_range_is_refused_naming_the_field(teacher, value):
    _refused(_concern(teacher, children=[{"first_name": "Sam", "age": value}]), "children[0].age")
    assert not Concern.objects.exists()


@pytest.mark.parametrize("value", [2**31, 2**63, 1899])
def test_a_birth_year_out_of_range_is_refused_naming_the_field(teacher, value):
    _refused(_concern(teacher, children=[{"first_name": "Sam", "birth_year": value}]), "children[0].birth_year")


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_as_an_age_are_refused_naming_the_field(teacher, literal):
    body = json.dumps(CONCERN).replace('"birth_year": 2016', f'"age": {literal}')
    response = client_for(teacher).post("/api/v1/concerns", body, content_type="application/json")
    _refused(response, "children[0].age", literal)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("Sam\x07", "stuurteken"),
        ("Sam\nvan Dijk", "stuurteken"),
        ("Sam\u202e", "leesrichting"),
        ("Sam\u2066", "leesrichting"),
        ("S\x00am", "stuurteken"),
        ("x" * 41, "40"),
    ],
)
def test_a_first_name_with_control_bidi_or_too_many_characters_is_refused(teacher, text, why):
    _refused(_concern(teacher, children=[{"first_name": text, "birth_year": 2016}]), "children[0].first_name", why)
    assert not Concern.objects.exists()


def test_a_lone_surrogate_in_a_name_is_refused_naming_the_field(teacher):
    body = json.dumps(CONCERN).replace('"Sam"', '"S\\ud800m"', 1)
    response = client_for(teacher).post("/api/v1/concerns", body, content_type="application/json")
    _refused(response, "children[0].first_name")


def test_a_note_may_have_lines_and_tabs_but_no_nul(teacher):
    assert _concern(teacher, note="regel 1\nregel 2\tmet tab").status_code == 201
    _refused(_concern(teacher, note="kapot\x00"), "note")


def test_a_note_longer_than_the_limit_is_refused_with_the_limit_not_cut(teacher):
    _refused(_concern(teacher, note="x" * 5001), "note", "5000")
    assert _concern(teacher, note="x" * 5000).status_code == 201
    assert len(Concern.objects.get().note) == 5000


def test_a_wish_longer_than_500_characters_is_refused_not_cut(teacher):
    _refused(_concern(teacher, wishes="w" * 501), "wishes", "500")


@pytest.mark.parametrize("value", [2**31, 2**63, -1, 10_000_001])
def test_an_amount_out_of_range_is_refused_naming_the_field(fund_worker, fund, value):
    referral = ReferralFactory(receiver=fund, in_progress=True)
    response = client_for(fund_worker).post(
        f"/api/v1/referrals/{referral.pk}/transitions",
        {"to": "done", "reason": "Contributie betaald", "amount_cents": value},
        content_type="application/json",
    )
    _refused(response, "amount_cents")
    referral.refresh_from_db()
    assert referral.status == "in_progress"


def test_the_barrier_page_refuses_a_description_that_is_too_long(teacher, fund):
    referral = ReferralFactory(concern=ConcernFactory(organisation=teacher.organisation), receiver=fund)
    response = client_for(teacher).post(
        f"/zorgen/verwijzingen/{referral.pk}/drempel/", {"category": "transport", "description": "d" * 1001}
    )
    assert response.status_code == 302
    assert not Barrier.objects.exists()


def test_the_feedback_page_shows_the_limit_for_a_comment_that_is_too_long(teacher, fund):
    referral = ReferralFactory(concern=ConcernFactory(organisation=teacher.organisation), receiver=fund, done=True)
    response = client_for(teacher).post(
        f"/zorgen/verwijzingen/{referral.pk}/terugkoppeling/", {"family_answer": "yes", "comment": "c" * 5001}
    )
    assert response.status_code == 200
    assert "5000" in response.content.decode()
    assert not Feedback.objects.exists()


@pytest.mark.parametrize("amount", ["NaN", "Infinity", "-Infinity", str(2**63), "100000,01"])
def test_the_step_page_refuses_a_strange_amount_without_a_500(fund_worker, fund, amount):
    referral = ReferralFactory(receiver=fund, in_progress=True)
    response = client_for(fund_worker).post(
        f"/zorgen/verwijzingen/{referral.pk}/stap/", {"to": "done", "delivered_what": "Sport", "amount": amount}
    )
    assert response.status_code == 302
    assert Referral.objects.get(pk=referral.pk).status == "in_progress"


@pytest.mark.parametrize("page", ["NaN", "Infinity", "-Infinity", "-1", "0", str(2**31), str(2**63), "1e3", "١"])
def test_a_strange_page_number_is_refused_naming_the_field(fund_worker, page):
    response = client_for(fund_worker).get("/api/v1/referrals", {"page": page})
    _refused(response, "page", "1000000")


def test_a_normal_page_number_still_works(fund_worker):
    assert client_for(fund_worker).get("/api/v1/referrals", {"page": "2"}).status_code == 200
