"""Mijn Kansrijk: what needs this person's attention, per block a count and a link, in a fixed number of queries."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from kansrijk.alliance.tests.factories import CommitmentFactory, ProgressReportFactory
from kansrijk.conftest import client_for as _client_for
from kansrijk.conftest import with_totp
from kansrijk.home import selectors
from kansrijk.home.selectors import attention_list_for
from kansrijk.home.tests.factories_world import teacher_world
from kansrijk.organisations.tests.factories import MembershipFactory, OrganisationFactory
from kansrijk.referrals.tests.factories import ConcernFactory, ConsentFactory, ReferralFactory
from kansrijk.socialmap.tests.factories import HsdsOrganizationFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def _counts(user):
    return {block.key: block.count for block in attention_list_for(user=user)}


def test_a_coordinator_sees_a_count_in_each_block():
    world = teacher_world()
    assert _counts(world.teacher.user) == {"waiting": 1, "answered": 2, "listings": 1, "reports": 1, "consents": 0}


def test_another_organisations_work_is_not_counted():
    world = teacher_world()
    other = teacher_world(name="Andere school")
    assert _counts(other.teacher.user) == _counts(world.teacher.user)
    outsider = MembershipFactory(coordinator=True)
    assert _counts(outsider.user) == {"waiting": 0, "answered": 0, "listings": 0, "reports": 0, "consents": 0}


def test_old_answers_unanswered_and_withdrawn_referrals_are_not_answers():
    member = MembershipFactory()
    old = timezone.now() - timedelta(days=selectors.ANSWERS_WITHIN_DAYS + 1)
    concern = ConcernFactory(organisation=member.organisation)
    ReferralFactory(concern=concern, accepted=True, status_changed_at=old)
    ReferralFactory(concern=concern)
    ReferralFactory(concern=concern, withdrawn=True)  # the referrer's own step, not an answer
    assert _counts(member.user)["answered"] == 0


def test_a_reported_commitment_and_a_confirmed_listing_need_nothing():
    coordinator = MembershipFactory(coordinator=True)
    commitment = CommitmentFactory(organisation=coordinator.organisation)
    ProgressReportFactory(commitment=commitment, reported_on=timezone.localdate() - timedelta(days=30))
    ServiceFactory(organization=HsdsOrganizationFactory(organisation=coordinator.organisation))
    assert _counts(coordinator.user)["reports"] == 0
    assert _counts(coordinator.user)["listings"] == 0


def test_a_member_without_a_managing_role_sees_only_the_referral_blocks():
    member = MembershipFactory()
    assert [block.key for block in attention_list_for(user=member.user)] == ["waiting", "answered", "consents"]


def test_someone_without_an_organisation_has_no_blocks():
    assert attention_list_for(user=MembershipFactory().user) != []
    from kansrijk.organisations.tests.factories import UserFactory

    assert attention_list_for(user=UserFactory()) == []


def test_the_number_of_queries_does_not_grow_with_organisations_and_work(django_assert_num_queries):
    small = MembershipFactory(coordinator=True)
    with django_assert_num_queries(6):
        attention_list_for(user=small.user)
    world = teacher_world()
    for _ in range(3):
        extra = OrganisationFactory()
        MembershipFactory(user=world.teacher.user, organisation=extra, coordinator=True)
        ReferralFactory(receiver=extra)
        ServiceFactory(organization=HsdsOrganizationFactory(organisation=extra), stale=True)
        CommitmentFactory(organisation=extra)
    with django_assert_num_queries(6):
        counts = _counts(world.teacher.user)
    assert counts == {"waiting": 4, "answered": 2, "listings": 4, "reports": 4, "consents": 0}


def test_consents_ending_within_thirty_days_are_counted():
    member = MembershipFactory()
    soon = timezone.now() + timedelta(days=5)
    ConsentFactory(concern=ConcernFactory(organisation=member.organisation), expires_at=soon)
    ConsentFactory(concern=ConcernFactory(organisation=member.organisation), expires_at=soon, withdrawn=True)
    ConsentFactory(concern=ConcernFactory(), expires_at=soon)  # another organisation's
    ConsentFactory(
        concern=ConcernFactory(organisation=member.organisation), expires_at=timezone.now() - timedelta(days=1)
    )
    ConsentFactory(
        concern=ConcernFactory(organisation=member.organisation),
        expires_at=timezone.now() + timedelta(days=selectors.CONSENT_EXPIRES_WITHIN_DAYS + 1),
    )
    assert _counts(member.user)["consents"] == 1


def test_the_page_shows_each_block_with_its_count_and_link():
    world = teacher_world()
    html = client_for(world.teacher).get("/mijn-kansrijk/").content.decode()
    assert "Verwijzingen die wachten op jullie antwoord" in html
    assert 'href="/zorgen/verwijzingen/?richting=in&amp;status=sent"' in html
    assert 'href="/zorgen/verwijzingen/?richting=out"' in html
    assert 'href="/sociale-kaart/beheer/"' in html
    assert "Voortgangsverslagen nodig" in html
    assert re.findall(r'kr-attention__count"><strong>(\d+)<', html) == ["1", "2", "1", "1", "0"]
    assert "Niets te doen. Er wacht nu niets op jou." not in html


def test_with_nothing_to_do_the_page_says_so():
    member = MembershipFactory()
    html = client_for(member).get("/mijn-kansrijk/").content.decode()
    assert "Niets te doen. Er wacht nu niets op jou." in html
    assert html.count(">Niets te doen<") == 3


def test_the_page_is_english_too():
    member = MembershipFactory()
    html = client_for(member).get("/en/mijn-kansrijk/").content.decode()
    assert "Referrals waiting for your answer" in html
    assert "Nothing to do" in html


def client_for(membership):
    with_totp(membership)
    return _client_for(membership)
