"""Access review: an organisation's administrator sees who has access and can end it."""

from __future__ import annotations

import pytest

from kansrijk.accounts.models import ApiToken
from kansrijk.accounts.services import api_token_create
from kansrijk.audit.models import AuditEvent
from kansrijk.conftest import client_for, with_totp
from kansrijk.organisations.models import Membership
from kansrijk.organisations.tests.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrator(organisation):
    membership = MembershipFactory(organisation=organisation, administrator=True)
    with_totp(membership)
    return membership


def _url(organisation, membership=None) -> str:
    base = f"/organisaties/{organisation.pk}/toegang/"
    return f"{base}{membership.pk}/" if membership else base


def test_the_administrator_sees_role_last_login_two_factors_and_active_tokens(administrator, member, organisation):
    api_token_create(actor=None, user=member.user)
    revoked, _ = api_token_create(actor=None, user=member.user)
    revoked.revoked_at = revoked.created_at
    revoked.save()
    without_totp = MembershipFactory(organisation=organisation, coordinator=True)
    # Another organisation of the same member: not shown here.
    MembershipFactory(user=member.user, organisation=OrganisationFactory(name="Geheim Fonds"), administrator=True)
    response = client_for(administrator).get(_url(organisation))
    assert response.status_code == 200
    rows = {m.user.email: m for m in response.context["people"]}
    assert set(rows) == {administrator.user.email, member.user.email, without_totp.user.email}
    assert rows[member.user.email].has_totp is True
    assert rows[member.user.email].active_token_count == 1
    assert rows[without_totp.user.email].has_totp is False
    page = response.content.decode()
    assert "Nog niet ingesteld" in page
    assert "Geheim Fonds" not in page


def test_the_menu_links_administrators_to_the_access_review(administrator, member, organisation):
    assert _url(organisation) in client_for(administrator).get("/mijn-kansrijk/").content.decode()
    assert _url(organisation) not in client_for(member).get("/mijn-kansrijk/").content.decode()


def test_members_and_other_organisations_administrators_get_404(member, organisation, other_organisation):
    other_admin = MembershipFactory(organisation=other_organisation, administrator=True)
    with_totp(other_admin)
    assert client_for(member).get(_url(organisation)).status_code == 404
    assert client_for(other_admin).get(_url(organisation)).status_code == 404
    response = client_for(other_admin).post(_url(organisation, member), {"action": "end"})
    assert response.status_code == 404
    assert Membership.objects.filter(pk=member.pk).exists()


def test_another_organisations_member_is_a_404_even_for_an_administrator(
    administrator, organisation, other_coordinator
):
    response = client_for(administrator).post(_url(organisation, other_coordinator), {"action": "end"})
    assert response.status_code == 404
    assert Membership.objects.filter(pk=other_coordinator.pk).exists()


def test_ending_access_removes_the_membership_and_is_audited(administrator, member, organisation):
    response = client_for(administrator).post(_url(organisation, member), {"action": "end"})
    assert response.status_code == 302
    assert not Membership.objects.filter(pk=member.pk).exists()
    event = AuditEvent.objects.get(action="membership.end")
    assert event.actor == administrator.user
    assert event.detail["user"] == str(member.user.pk)
    assert list(client_for(member).get(f"/organisaties/{organisation.pk}/").context["colleagues"]) == []


def test_the_administrator_revokes_a_members_tokens(administrator, member, organisation):
    api_token_create(actor=None, user=member.user)
    client_for(administrator).post(_url(organisation, member), {"action": "revoke_tokens"})
    assert ApiToken.objects.get(user=member.user).revoked_at is not None
    assert AuditEvent.objects.filter(action="api_token.revoke", actor=administrator.user).count() == 1


def test_an_administrator_cannot_end_their_own_access(administrator, organisation):
    response = client_for(administrator).post(_url(organisation, administrator), {"action": "end"}, follow=True)
    assert Membership.objects.filter(pk=administrator.pk).exists()
    assert "your own membership" in response.content.decode()
