"""Real endings: a receiver declines from sent, accepted or in progress, always with a coded reason."""

import importlib

import pytest
from django.apps import apps

from kansrijk.audit.models import AuditEvent
from kansrijk.conftest import client_for
from kansrijk.referrals.constants import DeclineReason
from kansrijk.referrals.models import Notification, Referral, ReferralStep
from kansrijk.referrals.tests.factories import ConcernFactory, ReferralFactory

pytestmark = pytest.mark.django_db

CODES = ["not_eligible", "family_unreachable", "family_declined", "no_budget", "referred_elsewhere", "other"]


def _post(membership, referral, payload):
    return client_for(membership).post(
        f"/api/v1/referrals/{referral.pk}/transitions", payload, content_type="application/json"
    )


def test_the_decline_reasons_list_gives_codes_and_dutch_labels(fund_worker):
    response = client_for(fund_worker).get("/api/v1/referrals/decline-reasons")
    assert response.status_code == 200
    body = response.json()
    assert [r["code"] for r in body] == CODES
    assert all(set(r) == {"code", "label"} for r in body)
    assert body[1]["label"] == "Gezin niet bereikbaar"


@pytest.mark.parametrize("status", ["sent", "accepted", "in_progress"])
def test_a_fund_declines_from_sent_accepted_or_in_progress_with_a_reason_code(status, fund_worker, fund, teacher):
    referral = ReferralFactory(receiver=fund, status=status, concern=ConcernFactory(organisation=teacher.organisation))
    payload = {"to": "declined", "reason_code": "family_unreachable", "reason": "Drie keer gebeld."}
    response = _post(fund_worker, referral, payload)
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["status"], body["decline_reason"]) == ("declined", "family_unreachable")
    assert body["history"][-1]["reason"] == "Drie keer gebeld."
    referral.refresh_from_db()
    assert referral.decline_reason == "family_unreachable"
    event = AuditEvent.objects.filter(action="referral.transition").latest("pk")
    assert event.detail["reason_code"] == "family_unreachable"
    message = Notification.objects.get(organisation=teacher.organisation).message
    assert message.endswith("afgewezen (gezin niet bereikbaar).")


@pytest.mark.parametrize("payload", [{"to": "declined"}, {"to": "declined", "reason_code": ""}])
def test_a_decline_without_a_reason_code_is_a_400_naming_the_field(payload, fund_worker, fund):
    referral = ReferralFactory(receiver=fund, accepted=True)
    response = _post(fund_worker, referral, {**payload, "reason": "Past niet"})
    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == ["reason_code"]
    referral.refresh_from_db()
    assert referral.status == "accepted"
    assert referral.steps.count() == 1


def test_an_unknown_reason_code_is_a_400_naming_the_field(fund_worker, fund):
    referral = ReferralFactory(receiver=fund, in_progress=True)
    response = _post(fund_worker, referral, {"to": "declined", "reason_code": "too_busy"})
    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == ["reason_code"]
    referral.refresh_from_db()
    assert referral.status == "in_progress"


@pytest.mark.parametrize("status", ["done", "withdrawn", "declined"])
def test_declining_a_finished_referral_is_still_a_clear_409(status, fund_worker, fund):
    referral = ReferralFactory(receiver=fund, status=status)
    response = _post(fund_worker, referral, {"to": "declined", "reason_code": "not_eligible"})
    assert response.status_code == 409
    body = response.json()
    assert "kan niet" in body["detail"]
    assert body["errors"][0]["field"] == "to"


def test_an_accepted_referral_offers_declining_to_the_receiver(fund_worker, fund):
    referral = ReferralFactory(receiver=fund, accepted=True)
    body = client_for(fund_worker).get(f"/api/v1/referrals/{referral.pk}").json()
    assert body["allowed_transitions"] == ["in_progress", "declined"]


def test_the_referrer_may_not_decline(teacher, fund):
    referral = ReferralFactory(receiver=fund, accepted=True, concern=ConcernFactory(organisation=teacher.organisation))
    response = _post(teacher, referral, {"to": "declined", "reason_code": "other"})
    assert response.status_code == 403


def test_the_page_declines_an_accepted_referral_with_a_reason_code(fund_worker, fund):
    referral = ReferralFactory(receiver=fund, accepted=True)
    client = client_for(fund_worker)
    page = client.get(f"/zorgen/verwijzingen/{referral.pk}/").content.decode()
    for code, label in DeclineReason.choices:
        assert f'value="{code}"' in page
        assert str(label) in page
    response = client.post(
        f"/zorgen/verwijzingen/{referral.pk}/stap/",
        {"to": "declined", "reason_code": "no_budget", "reason": ""},
        follow=True,
    )
    referral.refresh_from_db()
    assert (referral.status, referral.decline_reason) == ("declined", "no_budget")
    assert "Geen budget meer" in response.content.decode()


def test_the_page_refuses_a_decline_without_a_reason_code(fund_worker, fund):
    referral = ReferralFactory(receiver=fund, accepted=True)
    response = client_for(fund_worker).post(
        f"/zorgen/verwijzingen/{referral.pk}/stap/", {"to": "declined", "reason": "Past niet"}, follow=True
    )
    referral.refresh_from_db()
    assert referral.status == "accepted"
    assert "Kies een reden uit de lijst." in response.content.decode()


def test_the_migration_gives_old_declines_other_and_keeps_their_text(fund):
    referral = ReferralFactory(receiver=fund, declined=True)
    ReferralStep.objects.create(referral=referral, from_status="sent", to_status="declined", reason="Te ver weg")
    untouched = ReferralFactory(receiver=fund, accepted=True)
    migration = importlib.import_module("kansrijk.referrals.migrations.0003_referral_decline_reason")
    migration.declined_before_get_other(apps, None)
    referral.refresh_from_db()
    assert referral.decline_reason == "other"
    assert referral.steps.last().reason == "Te ver weg"
    assert Referral.objects.get(pk=untouched.pk).decline_reason == ""


def test_the_referrer_sees_the_decline_reason_on_the_concern(teacher, fund, fund_worker):
    referral = ReferralFactory(receiver=fund, accepted=True, concern=ConcernFactory(organisation=teacher.organisation))
    _post(fund_worker, referral, {"to": "declined", "reason_code": "referred_elsewhere"})
    page = client_for(teacher).get(f"/zorgen/{referral.concern_id}/").content.decode()
    assert "Afgewezen</strong> — Doorverwezen naar andere hulp" in page


def test_the_anonymous_statistics_keep_the_decline_reasons(fund, fund_worker):
    from kansrijk.referrals import retention

    referral = ReferralFactory(receiver=fund)
    _post(fund_worker, referral, {"to": "declined", "reason_code": "no_budget", "reason": "Potje is op"})
    record = retention.concern_erase(actor=None, concern=referral.concern)
    assert record.decline_reasons == {"no_budget": 1}
    assert "Potje" not in str(record.__dict__)
