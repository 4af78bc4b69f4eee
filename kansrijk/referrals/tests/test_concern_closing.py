"""A concern can be closed with a coded reason (text optional) and reopened; both are audited.
A concern with open referrals cannot be closed (ADR 0017); a closed concern takes no new referral."""

import pytest

from kansrijk.audit.models import AuditEvent
from kansrijk.conftest import client_for
from kansrijk.core.errors import Conflict, DomainError, NotAllowed
from kansrijk.referrals import services
from kansrijk.referrals.closing import concern_close, concern_reopen
from kansrijk.referrals.tests.factories import ConcernFactory, ConsentFactory, ReferralFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def concern(teacher):
    return ConcernFactory(organisation=teacher.organisation)


def test_closing_records_the_reason_and_text_and_an_audit_row(concern, teacher):
    concern_close(actor=teacher.user, concern=concern, reason="family_moved", note="Naar Venlo verhuisd")
    assert concern.closed_at is not None
    assert (concern.close_reason, concern.close_note, concern.closed_by) == (
        "family_moved",
        "Naar Venlo verhuisd",
        teacher.user,
    )
    event = AuditEvent.objects.get(action="concern.close")
    assert event.detail == {"reason": "family_moved"}


def test_closing_needs_a_reason_from_the_list(concern, teacher):
    with pytest.raises(DomainError) as error:
        concern_close(actor=teacher.user, concern=concern, reason="bored")
    assert error.value.field == "close_reason"
    concern.refresh_from_db()
    assert concern.closed_at is None


def test_a_concern_with_open_referrals_cannot_be_closed(concern, teacher, fund):
    ReferralFactory(concern=concern, receiver=fund, accepted=True)
    ReferralFactory(concern=concern, receiver=fund, done=True)
    with pytest.raises(Conflict, match="Er loopt nog 1 verwijzing"):
        concern_close(actor=teacher.user, concern=concern, reason="help_arranged")
    concern.refresh_from_db()
    assert concern.closed_at is None
    assert not AuditEvent.objects.filter(action="concern.close").exists()


def test_reopening_clears_the_closing_and_is_audited(concern, teacher):
    concern_close(actor=teacher.user, concern=concern, reason="no_longer_needed")
    concern_reopen(actor=teacher.user, concern=concern)
    assert (concern.closed_at, concern.close_reason) == (None, "")
    assert AuditEvent.objects.get(action="concern.reopen").detail == {"was_closed_for": "no_longer_needed"}
    with pytest.raises(Conflict):
        concern_reopen(actor=teacher.user, concern=concern)


def test_only_the_concerns_organisation_closes_it(concern, other_coordinator):
    with pytest.raises(NotAllowed):
        concern_close(actor=other_coordinator.user, concern=concern, reason="other")


def test_a_closed_concern_takes_no_new_referral_or_consent(concern, teacher, fund, sport_service):
    ConsentFactory(concern=concern, organisations=[fund])
    concern_close(actor=teacher.user, concern=concern, reason="other")
    with pytest.raises(Conflict, match="afgesloten"):
        services.referral_create(actor=teacher.user, concern=concern, service_id=sport_service.pk)
    with pytest.raises(Conflict, match="afgesloten"):
        services.consent_create(
            actor=teacher.user,
            concern=concern,
            given_by="parent",
            purpose="Sport",
            method="in_person",
            organisation_ids=[fund.pk],
        )


def test_closing_and_reopening_on_the_page(concern, teacher, fund):
    client = client_for(teacher)
    page = client.get(f"/zorgen/{concern.pk}/").content.decode()
    assert "Zorg afsluiten" in page
    assert 'value="family_declined"' in page
    response = client.post(
        f"/zorgen/{concern.pk}/afsluiten/", {"close_reason": "family_declined", "close_note": ""}, follow=True
    )
    html = response.content.decode()
    assert "De zorg is afgesloten." in html
    assert "Gezin wil geen hulp" in html
    assert "Zorg heropenen" in html
    response = client.post(f"/zorgen/{concern.pk}/heropenen/", follow=True)
    assert "De zorg is weer open." in response.content.decode()
    concern.refresh_from_db()
    assert concern.closed_at is None


def test_the_page_explains_why_a_concern_with_open_referrals_cannot_be_closed(concern, teacher, fund):
    ReferralFactory(concern=concern, receiver=fund)
    client = client_for(teacher)
    page = client.get(f"/zorgen/{concern.pk}/").content.decode()
    assert "Er loopt nog 1 verwijzing. Trek die eerst in" in page
    response = client.post(f"/zorgen/{concern.pk}/afsluiten/", {"close_reason": "other"}, follow=True)
    assert "Er loopt nog 1 verwijzing" in response.content.decode()
    concern.refresh_from_db()
    assert concern.closed_at is None


def test_another_organisation_gets_a_404_when_closing(concern, other_coordinator):
    response = client_for(other_coordinator).post(f"/zorgen/{concern.pk}/afsluiten/", {"close_reason": "other"})
    assert response.status_code == 404
