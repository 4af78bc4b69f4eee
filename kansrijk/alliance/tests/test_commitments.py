"""Commitments: the SMART format, its validation and its history."""

from __future__ import annotations

import dataclasses
import datetime
from decimal import Decimal

import pytest

from kansrijk.alliance import services
from kansrijk.alliance.constants import Activity, ReachUnit, TargetGroup
from kansrijk.alliance.models import Commitment, CommitmentVersion
from kansrijk.audit.models import AuditEvent
from kansrijk.core.errors import DomainError

DETAILS = services.CommitmentInput(
    title="Signalen herkennen op school",
    activity=Activity.SIGNAL,
    description="Alle leerkrachten volgen de training 'Armoede in de klas'.",
    target_group=TargetGroup.CHILDREN,
    age_min=4,
    age_max=12,
    is_national=False,
    municipality_codes=("GM1640",),
    planned_reach=400,
    reach_unit=ReachUnit.CHILDREN,
    starts_on=datetime.date(2025, 1, 1),
    ends_on=datetime.date(2026, 12, 31),
    contact_name="Sanne de Vries",
    contact_email="sanne@example.org",
    indicators=(services.IndicatorInput("Getrainde leerkrachten", Decimal(60), "leerkrachten"),),
)


def create(actor, organisation, **changes):
    return services.commitment_create(
        actor=actor, organisation=organisation, details=dataclasses.replace(DETAILS, **changes)
    )


def test_a_coordinator_of_a_signed_partner_adds_a_commitment_with_version_one(coordinator, signed):
    commitment = create(coordinator.user, coordinator.organisation)
    assert [m.code for m in commitment.municipalities.all()] == ["GM1640"]
    assert commitment.indicators.get().target == Decimal(60)
    version = commitment.versions.get()
    assert version.number == 1
    assert version.changed_by == coordinator.user
    assert version.snapshot["title"] == DETAILS.title
    assert AuditEvent.objects.filter(action="commitment.create", object_id=str(commitment.pk)).exists()


def test_a_commitment_needs_a_signed_pledge(coordinator, pledge):
    with pytest.raises(DomainError, match="pledge"):
        create(coordinator.user, coordinator.organisation)


def test_a_member_may_not_add_a_commitment(member, signed):
    with pytest.raises(DomainError):
        create(member.user, member.organisation)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"ends_on": datetime.date(2024, 12, 31)}, "ends_on"),
        ({"age_min": 13}, "age_max"),
        ({"planned_reach": 0}, "planned_reach"),
        ({"indicators": ()}, "indicators"),
        ({"is_national": True}, "municipalities"),
        ({"municipality_codes": ()}, "municipalities"),
        ({"municipality_codes": ("GM9999",)}, "municipalities"),
        ({"activity": "lobby"}, "activity"),
        ({"contact_email": "geen-adres"}, "contact_email"),
        ({"title": "  "}, "title"),
    ],
)
def test_a_commitment_that_is_not_smart_is_refused_with_the_field_named(coordinator, signed, changes, field):
    with pytest.raises(DomainError) as error:
        create(coordinator.user, coordinator.organisation, **changes)
    assert error.value.field == field
    assert not Commitment.objects.exists()


def test_a_national_commitment_has_no_municipalities(coordinator, signed):
    commitment = create(coordinator.user, coordinator.organisation, is_national=True, municipality_codes=())
    assert commitment.is_national
    assert not commitment.municipalities.exists()


def test_an_update_keeps_a_version_with_who_and_what_changed(coordinator, signed):
    commitment = create(coordinator.user, coordinator.organisation)
    new = dataclasses.replace(
        DETAILS,
        planned_reach=500,
        municipality_codes=("GM1640", "GM0363"),
        indicators=(services.IndicatorInput("Getrainde leerkrachten", Decimal(80), "leerkrachten"),),
    )
    services.commitment_update(actor=coordinator.user, commitment=commitment, details=new)
    version = commitment.versions.get(number=2)
    assert set(version.changes) == {"planned_reach", "municipalities", "indicators"}
    assert version.changes["planned_reach"] == {"old": 400, "new": 500}
    assert version.changed_by == coordinator.user
    event = AuditEvent.objects.get(action="commitment.update")
    assert event.detail["fields"] == ["indicators", "municipalities", "planned_reach"]


def test_an_update_that_changes_nothing_writes_no_version(coordinator, signed):
    commitment = create(coordinator.user, coordinator.organisation)
    services.commitment_update(actor=coordinator.user, commitment=commitment, details=DETAILS)
    assert CommitmentVersion.objects.count() == 1


def test_indicators_keep_their_id_when_kept_by_name(coordinator, signed):
    commitment = create(coordinator.user, coordinator.organisation)
    kept = commitment.indicators.get()
    new = dataclasses.replace(
        DETAILS,
        indicators=(
            services.IndicatorInput("getrainde leerkrachten", Decimal(70), "leerkrachten"),
            services.IndicatorInput("Gesprekken met ouders", Decimal(30)),
        ),
    )
    services.commitment_update(actor=coordinator.user, commitment=commitment, details=new)
    assert commitment.indicators.count() == 2
    assert commitment.indicators.get(pk=kept.pk).target == Decimal(70)


def test_a_coordinator_of_another_organisation_may_not_update(coordinator, signed, other_coordinator):
    commitment = create(coordinator.user, coordinator.organisation)
    with pytest.raises(DomainError):
        services.commitment_update(actor=other_coordinator.user, commitment=commitment, details=DETAILS)
