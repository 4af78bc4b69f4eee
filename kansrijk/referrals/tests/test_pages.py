"""The pages without JavaScript, through Django's test client: forms post and redirect."""

import pytest

from kansrijk.audit.models import AuditEvent
from kansrijk.conftest import client_for
from kansrijk.referrals.models import Concern, Consent, Referral
from kansrijk.referrals.tests.factories import ConcernFactory, ConsentFactory, ReferralFactory

pytestmark = pytest.mark.django_db


def _concern_form(**changes):
    data = {
        "organisation": "",
        "municipality": "GM1640",
        "signs": ["no_club", "misses_trips"],
        "note": "Wil sporten.",
        "kind-TOTAL_FORMS": "3",
        "kind-INITIAL_FORMS": "0",
        "kind-MIN_NUM_FORMS": "0",
        "kind-MAX_NUM_FORMS": "3",
        "kind-0-first_name": "Sam",
        "kind-0-birth_year": "2016",
        "kind-0-school": "primary",
        "kind-0-wish_need": "sport",
        "kind-0-wish_text": "voetballen",
        "kind-0-wish2_need": "schoolkosten",
        "kind-0-wish2_text": "mee op schoolreis",
        "kind-1-school": "primary",
        "kind-2-school": "primary",
    }
    return {**data, **changes}


def test_a_teacher_raises_a_concern_on_the_page(teacher):
    client = client_for(teacher)
    assert client.get("/zorgen/nieuw/").status_code == 200
    response = client.post("/zorgen/nieuw/", _concern_form(organisation=str(teacher.organisation.pk)))
    concern = Concern.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"/zorgen/{concern.pk}/")
    assert concern.wishes == [
        {"child": 0, "need": "sport", "text": "voetballen"},
        {"child": 0, "need": "schoolkosten", "text": "mee op schoolreis"},
    ]
    page = client.get(f"/zorgen/{concern.pk}/").content.decode()
    assert "Sam" in page
    assert "Mist schoolreisjes" in page
    assert "Gespreksleidraad" in page


def test_a_bsn_in_the_note_shows_an_error_at_the_field(teacher):
    response = client_for(teacher).post(
        "/zorgen/nieuw/", _concern_form(organisation=str(teacher.organisation.pk), note="BSN 123456782")
    )
    assert response.status_code == 200
    assert "op een BSN lijkt" in response.context["form"].errors["note"][0]
    assert not Concern.objects.exists()


def test_the_conversation_guide_is_reachable(teacher):
    page = client_for(teacher).get("/zorgen/gesprek/").content.decode()
    assert "Geldzorgen bespreekbaar maken" in page


def test_consent_and_referral_on_the_pages(teacher, fund, sport_service):
    concern = ConcernFactory(organisation=teacher.organisation)
    client = client_for(teacher)
    assert client.get(f"/zorgen/{concern.pk}/toestemming/").status_code == 200
    response = client.post(
        f"/zorgen/{concern.pk}/toestemming/",
        {"given_by": "parent", "organisations": [str(fund.pk)], "purpose": "Sport", "method": "signed_form"},
    )
    assert response.status_code == 302
    assert Consent.objects.filter(concern=concern).exists()
    form = client.get(f"/zorgen/{concern.pk}/verwijzen/")
    assert "Bijdrage voor sport" in form.content.decode()
    response = client.post(f"/zorgen/{concern.pk}/verwijzen/", {"services": [str(sport_service.pk)], "note": "Hoi"})
    assert response.status_code == 302
    assert Referral.objects.get().receiver == fund


def test_the_fund_answers_on_the_pages_and_an_illegal_step_shows_a_message(teacher, fund, fund_worker):
    referral = ReferralFactory(concern=ConcernFactory(organisation=teacher.organisation), receiver=fund)
    client = client_for(fund_worker)
    assert referral.service_name in client.get("/zorgen/verwijzingen/").content.decode()
    page = client.get(f"/zorgen/verwijzingen/{referral.pk}/").content.decode()
    assert "Accepteren" in page
    assert "Sam" in page
    client.post(f"/zorgen/verwijzingen/{referral.pk}/stap/", {"to": "accepted"})
    client.post(f"/zorgen/verwijzingen/{referral.pk}/stap/", {"to": "in_progress"})
    client.post(
        f"/zorgen/verwijzingen/{referral.pk}/stap/", {"to": "done", "delivered_what": "Contributie", "amount": "225,00"}
    )
    referral.refresh_from_db()
    assert referral.status == "done"
    assert referral.delivered_amount_cents == 22500
    response = client.post(f"/zorgen/verwijzingen/{referral.pk}/stap/", {"to": "accepted"}, follow=True)
    assert "kan niet" in response.content.decode()
    concern_page = client_for(teacher).get(f"/zorgen/{referral.concern_id}/").content.decode()
    assert "Hulp gegeven" in concern_page
    assert "€ 225,00" in concern_page


def test_the_index_lists_incoming_referrals_and_concerns_and_audits_the_lists(teacher, fund, fund_worker):
    referral = ReferralFactory(concern=ConcernFactory(organisation=teacher.organisation), receiver=fund)
    assert referral.service_name in client_for(fund_worker).get("/zorgen/").content.decode()
    assert "Sam" in client_for(teacher).get("/zorgen/").content.decode()
    assert AuditEvent.objects.filter(action="concern.list").exists()
    assert AuditEvent.objects.filter(action="referral.list").exists()


def test_feedback_after_done_on_the_page(teacher, fund):
    referral = ReferralFactory(concern=ConcernFactory(organisation=teacher.organisation), receiver=fund, done=True)
    client = client_for(teacher)
    assert client.get(f"/zorgen/verwijzingen/{referral.pk}/terugkoppeling/").status_code == 200
    response = client.post(
        f"/zorgen/verwijzingen/{referral.pk}/terugkoppeling/",
        {"family_answer": "yes", "child_score": "5", "comment": "Super"},
    )
    assert response.status_code == 302
    assert referral.__class__.objects.get(pk=referral.pk).feedback.child_score == 5


def test_withdrawing_consent_on_the_page(teacher, fund):
    consent = ConsentFactory(concern=ConcernFactory(organisation=teacher.organisation), organisations=[fund])
    client = client_for(teacher)
    assert client.get(f"/zorgen/{consent.concern_id}/toestemming/{consent.pk}/intrekken/").status_code == 405
    client.post(f"/zorgen/{consent.concern_id}/toestemming/{consent.pk}/intrekken/")
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None


def test_the_pages_are_404_for_another_organisation(other_coordinator):
    referral = ReferralFactory()
    client = client_for(other_coordinator)
    for path in (
        f"/zorgen/{referral.concern_id}/",
        f"/zorgen/{referral.concern_id}/verwijzen/",
        f"/zorgen/verwijzingen/{referral.pk}/",
    ):
        assert client.get(path).status_code == 404
    assert client.post(f"/zorgen/verwijzingen/{referral.pk}/stap/", {"to": "accepted"}).status_code == 404
    referral.refresh_from_db()
    assert referral.status == "sent"
