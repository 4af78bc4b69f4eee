"""Consent: nothing is shared without it; withdrawing it stops the sharing at once."""

import pytest

from kansrijk.audit.models import AuditEvent
from kansrijk.conftest import client_for
from kansrijk.core.errors import Conflict, DomainError, NotAllowed
from kansrijk.referrals import services
from kansrijk.referrals.constants import CONSENT_WITHDRAWN_REASON
from kansrijk.referrals.tests.factories import ConcernFactory, ConsentFactory, ReferralFactory

pytestmark = pytest.mark.django_db


def test_a_referral_needs_consent_for_the_receiving_organisation(teacher, fund, sport_service, other_organisation):
    concern = ConcernFactory(organisation=teacher.organisation)
    ConsentFactory(concern=concern, organisations=[other_organisation])
    with pytest.raises(Conflict, match="toestemming"):
        services.referral_create(actor=teacher.user, concern=concern, service_id=sport_service.pk)


def test_a_withdrawn_consent_does_not_count(teacher, fund, sport_service):
    concern = ConcernFactory(organisation=teacher.organisation)
    ConsentFactory(concern=concern, organisations=[fund], withdrawn=True)
    with pytest.raises(Conflict):
        services.referral_create(actor=teacher.user, concern=concern, service_id=sport_service.pk)


def test_there_is_no_way_around_consent():
    """No service takes a flag to skip consent: the only way in is `referral_create`."""
    import inspect

    assert "override" not in inspect.signature(services.referral_create).parameters
    assert "force" not in inspect.signature(services.referral_create).parameters


def test_withdrawing_consent_withdraws_open_referrals_and_keeps_finished_ones(teacher, fund):
    concern = ConcernFactory(organisation=teacher.organisation)
    open_one = ReferralFactory(concern=concern, receiver=fund, accepted=True)
    consent = open_one.consent
    done = ReferralFactory(concern=concern, receiver=fund, done=True, consent=consent)
    withdrawn = services.consent_withdraw(actor=teacher.user, consent=consent)
    assert [r.pk for r in withdrawn] == [open_one.pk]
    open_one.refresh_from_db()
    done.refresh_from_db()
    assert open_one.status == "withdrawn"
    assert done.status == "done"
    last = open_one.steps.last()
    assert last.reason == CONSENT_WITHDRAWN_REASON
    assert last.actor == teacher.user
    assert AuditEvent.objects.filter(action="consent.withdraw", object_id=str(consent.pk)).exists()


def test_after_withdrawal_the_receiver_sees_the_status_but_no_personal_data(teacher, fund, fund_worker):
    """Decision: the receiver keeps the referral in its list with status and history (so it knows
    to stop), but the children's data, wishes and note are gone from its view at once."""
    referral = ReferralFactory(concern=ConcernFactory(organisation=teacher.organisation), receiver=fund)
    client = client_for(fund_worker)
    assert client.get(f"/api/v1/referrals/{referral.pk}").json()["shared"] is not None
    services.consent_withdraw(actor=teacher.user, consent=referral.consent)
    body = client.get(f"/api/v1/referrals/{referral.pk}").json()
    assert body["status"] == "withdrawn"
    assert body["shared"] is None
    assert "first_name" not in str(body)
    assert "birth_year" not in str(body)
    assert "voetballen" not in str(body)
    assert body["allowed_transitions"] == []
    page = client.get(f"/zorgen/verwijzingen/{referral.pk}/")
    assert page.status_code == 200
    assert "geboren in" not in page.content.decode()
    assert "Graag contact met moeder" not in page.content.decode()


def test_the_receiver_cannot_act_on_a_done_referral_after_consent_is_withdrawn(teacher, fund, fund_worker):
    referral = ReferralFactory(
        concern=ConcernFactory(organisation=teacher.organisation), receiver=fund, in_progress=True
    )
    referral.consent.withdrawn_at = referral.created_at
    referral.consent.save()
    with pytest.raises(Conflict, match="toestemming"):
        services.referral_transition(
            actor=fund_worker.user, referral=referral, target="done", delivered_what="Contributie"
        )


def test_withdrawing_twice_is_a_conflict(teacher):
    consent = ConsentFactory(concern=ConcernFactory(organisation=teacher.organisation))
    services.consent_withdraw(actor=teacher.user, consent=consent)
    with pytest.raises(Conflict):
        services.consent_withdraw(actor=teacher.user, consent=consent)


def test_the_api_withdraws_consent(teacher, fund):
    referral = ReferralFactory(concern=ConcernFactory(organisation=teacher.organisation), receiver=fund)
    response = client_for(teacher).post(
        f"/api/v1/concerns/{referral.concern_id}/consents/{referral.consent_id}/withdraw"
    )
    assert response.status_code == 200
    assert response.json()["valid"] is False
    referral.refresh_from_db()
    assert referral.status == "withdrawn"


@pytest.mark.parametrize(
    ("birth_years", "given_by", "allowed"),
    [
        ([2016], "parent", True),
        ([2016], "guardian", True),
        ([2016], "young_person", False),
        ([2000 + 0], "young_person", True),
        ([2000], "parent", False),
        ([2016, 2000], "parent", False),
        ([2016, 2000], "young_person", False),
    ],
)
def test_who_may_consent_depends_on_the_childrens_ages(teacher, fund, birth_years, given_by, allowed):
    concern = ConcernFactory(
        organisation=teacher.organisation,
        children=[{"first_name": f"K{i}", "birth_year": y} for i, y in enumerate(birth_years)],
    )

    def call():
        return services.consent_create(
            actor=teacher.user,
            concern=concern,
            given_by=given_by,
            purpose="Sport",
            method="phone",
            organisation_ids=[fund.pk],
        )

    if allowed:
        assert call().given_by == given_by
    else:
        with pytest.raises(DomainError) as error:
            call()
        assert error.value.field == "given_by"


def test_another_organisation_cannot_record_consent(other_coordinator, fund):
    concern = ConcernFactory()
    with pytest.raises(NotAllowed):
        services.consent_create(
            actor=other_coordinator.user,
            concern=concern,
            given_by="parent",
            purpose="x",
            method="phone",
            organisation_ids=[fund.pk],
        )
