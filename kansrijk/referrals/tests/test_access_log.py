"""'Wie heeft gekeken?' (AVG art. 15): who read or changed a concern, its consents and referrals."""

import pytest

from kansrijk.audit.models import AuditEvent
from kansrijk.audit.selectors import ACCESS_LOG_ACTION, access_log_for
from kansrijk.conftest import client_for, with_totp
from kansrijk.organisations.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from kansrijk.referrals.tests.factories import ConcernFactory, ReferralFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def concern_with_history(school, fund, teacher, fund_worker, municipalities):
    concern = ConcernFactory(organisation=school)
    referral = ReferralFactory(concern=concern, receiver=fund)
    other = ConcernFactory(organisation=school)
    assert client_for(teacher).get(f"/zorgen/{concern.pk}/").status_code == 200
    assert client_for(fund_worker).get(f"/zorgen/verwijzingen/{referral.pk}/").status_code == 200
    assert client_for(teacher).get(f"/zorgen/{other.pk}/").status_code == 200
    return concern, referral, other


@pytest.fixture
def administrator(school):
    membership = MembershipFactory(organisation=school, administrator=True, user__email="beheer@linde.example")
    with_totp(membership)
    return membership


def test_the_selector_finds_reads_and_changes_of_the_concern_its_consent_and_referral(concern_with_history):
    concern, referral, other = concern_with_history
    actor = UserFactory()
    objects = [
        ("referrals.concern", str(concern.pk)),
        ("referrals.consent", str(referral.consent_id)),
        ("referrals.referral", str(referral.pk)),
    ]
    events = access_log_for(actor=actor, subject=objects[0], objects=objects, since=concern.created_at)
    seen = {(e.action, e.object_id) for e in events}
    assert ("concern.read", str(concern.pk)) in seen
    assert ("referral.read", str(referral.pk)) in seen
    assert ("concern.read", str(other.pk)) not in seen
    assert [e.seq for e in events] == sorted(e.seq for e in events)
    produced = AuditEvent.objects.get(action=ACCESS_LOG_ACTION)
    assert (produced.actor, produced.object_id) == (actor, str(concern.pk))


def test_a_list_that_showed_the_concern_counts_as_a_look(concern_with_history, teacher):
    concern, _referral, _other = concern_with_history
    assert client_for(teacher).get("/zorgen/").status_code == 200
    objects = [("referrals.concern", str(concern.pk))]
    events = access_log_for(actor=None, subject=objects[0], objects=objects, since=concern.created_at)
    assert any(e.action == "concern.list" and e.actor == teacher.user for e in events)


def test_the_administrator_sees_who_looked_with_their_organisations(
    concern_with_history, administrator, teacher, fund_worker, school, fund
):
    concern, _referral, _other = concern_with_history
    response = client_for(administrator).get(f"/zorgen/{concern.pk}/wie-heeft-gekeken/")
    assert response.status_code == 200
    rows = {(r.who, r.organisations, r.what) for r in response.context["rows"]}
    assert (teacher.user.email, school.name, "Zorg bekeken") in rows
    assert (fund_worker.user.email, fund.name, "Verwijzing bekeken") in rows
    assert AuditEvent.objects.filter(
        action=ACCESS_LOG_ACTION, actor=administrator.user, object_id=str(concern.pk)
    ).exists()


def test_the_list_comes_as_a_pdf_and_that_is_audited_too(concern_with_history, administrator):
    concern, _referral, _other = concern_with_history
    response = client_for(administrator).get(f"/zorgen/{concern.pk}/wie-heeft-gekeken.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert AuditEvent.objects.filter(action=ACCESS_LOG_ACTION, object_id=str(concern.pk)).count() == 1


def test_another_organisations_administrator_gets_a_404(concern_with_history):
    concern, _referral, _other = concern_with_history
    stranger = MembershipFactory(organisation=OrganisationFactory(school=True), administrator=True)
    with_totp(stranger)
    for suffix in ("wie-heeft-gekeken/", "wie-heeft-gekeken.pdf"):
        assert client_for(stranger).get(f"/zorgen/{concern.pk}/{suffix}").status_code == 404
    assert not AuditEvent.objects.filter(action=ACCESS_LOG_ACTION).exists()


def test_a_member_who_is_not_an_administrator_may_not_produce_it(concern_with_history, teacher):
    concern, _referral, _other = concern_with_history
    assert client_for(teacher).get(f"/zorgen/{concern.pk}/wie-heeft-gekeken/").status_code == 403
    assert not AuditEvent.objects.filter(action=ACCESS_LOG_ACTION).exists()


def test_the_concern_page_links_its_administrator_and_nobody_else_to_who_looked(
    concern_with_history, administrator, teacher
):
    concern, _referral, _other = concern_with_history
    link = f'href="/zorgen/{concern.pk}/wie-heeft-gekeken/"'
    assert link in client_for(administrator).get(f"/zorgen/{concern.pk}/").content.decode()
    assert link not in client_for(teacher).get(f"/zorgen/{concern.pk}/").content.decode()
