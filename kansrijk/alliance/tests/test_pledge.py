"""Signing and withdrawing the pledge, through the services."""

from __future__ import annotations

import datetime

import pytest

from kansrijk.alliance import selectors, services
from kansrijk.alliance.constants import SignatureEnd
from kansrijk.alliance.models import PledgeSignature
from kansrijk.audit.models import AuditEvent
from kansrijk.core.errors import DomainError


def sign(actor, organisation, version, **overrides):
    arguments = {
        "signatory_name": "Marieke Smeets",
        "signatory_role": "directeur-bestuurder",
        "signed_on": datetime.date(2025, 1, 10),
    } | overrides
    return services.pledge_sign(actor=actor, organisation=organisation, pledge_version=version, **arguments)


def test_a_coordinator_signs_the_exact_current_text_and_it_is_audited(coordinator, pledge):
    signature = sign(coordinator.user, coordinator.organisation, pledge)
    assert signature.pledge_version == pledge
    assert signature.signed_by == coordinator.user
    event = AuditEvent.objects.get(action="pledge.sign")
    assert event.object_id == str(signature.pk)
    assert event.detail["text_sha256"] == PledgeSignature.objects.get().pledge_version.digest(pledge.text)


def test_a_plain_member_may_not_sign(member, pledge):
    with pytest.raises(DomainError):
        sign(member.user, member.organisation, pledge)
    assert not PledgeSignature.objects.exists()


def test_a_coordinator_of_another_organisation_may_not_sign(other_coordinator, organisation, pledge):
    with pytest.raises(DomainError):
        sign(other_coordinator.user, organisation, pledge)


def test_platform_staff_may_sign_for_any_organisation(organisation, pledge, django_user_model):
    staff = django_user_model.objects.create_user(email="staff@example.org", password=None, is_staff=True)
    assert sign(staff, organisation, pledge).organisation == organisation


def test_signing_twice_the_same_version_is_refused(coordinator, pledge):
    sign(coordinator.user, coordinator.organisation, pledge)
    with pytest.raises(DomainError, match="al ondertekend"):
        sign(coordinator.user, coordinator.organisation, pledge)


def test_an_old_version_cannot_be_signed_once_a_new_one_is_published(coordinator, pledge):
    services.pledge_version_publish(
        actor=None, title="Pledge", text="Nieuwe tekst.", published_on=datetime.date(2025, 1, 1)
    )
    with pytest.raises(DomainError) as error:
        sign(coordinator.user, coordinator.organisation, pledge)
    assert error.value.field == "pledge_version"


def test_signing_a_new_version_supersedes_the_old_signature(coordinator, pledge):
    old = sign(coordinator.user, coordinator.organisation, pledge)
    new_version = services.pledge_version_publish(
        actor=None, title="Pledge", text="Nieuwe tekst.", published_on=datetime.date(2025, 1, 1)
    )
    new = sign(coordinator.user, coordinator.organisation, new_version, signed_on=datetime.date(2025, 2, 1))
    old.refresh_from_db()
    assert old.end_reason == SignatureEnd.SUPERSEDED
    assert selectors.signature_active_for(organisation=coordinator.organisation) == new
    assert AuditEvent.objects.filter(action="pledge.supersede").count() == 1


def test_a_signing_date_in_the_future_is_refused(coordinator, pledge):
    with pytest.raises(DomainError) as error:
        sign(
            coordinator.user,
            coordinator.organisation,
            pledge,
            signed_on=datetime.date.today() + datetime.timedelta(days=2),
        )
    assert error.value.field == "signed_on"


def test_withdrawing_ends_the_signature_and_is_audited(coordinator, signed):
    services.pledge_withdraw(actor=coordinator.user, organisation=coordinator.organisation, note="Fusie")
    signed.refresh_from_db()
    assert signed.end_reason == SignatureEnd.WITHDRAWN
    assert signed.end_note == "Fusie"
    assert selectors.partner_list().count() == 0
    assert AuditEvent.objects.filter(action="pledge.withdraw", object_id=str(signed.pk)).exists()


def test_withdrawing_without_a_signature_is_refused(coordinator, pledge):
    with pytest.raises(DomainError):
        services.pledge_withdraw(actor=coordinator.user, organisation=coordinator.organisation)


def test_the_partner_list_filters_by_kind_and_municipality(signed, other_signed):
    assert list(selectors.partner_list(municipality="GM1640")) == [signed]
    assert list(selectors.partner_list(kind="fund")) == []
