"""Reads of the outcomes: the public (suppressed) measures of a municipality and a partner's
own measures, exact for the partner itself (ADR 0029)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from django.http import Http404

from kansrijk.organisations.models import Membership, Organisation
from kansrijk.outcomes.measures import BetterOff, Filters, HowMuch, HowWell, better_off, how_much, how_well


def organisation_names(ids: object) -> dict[Any, str]:
    """Names of the organisations in the measures (one query)."""
    return dict(Organisation.objects.filter(pk__in=list(ids)).values_list("pk", "name"))  # type: ignore[call-overload]


@dataclass
class PartnerMeasures:
    organisation: Organisation
    how_much: HowMuch
    how_well: HowWell
    better_off: BetterOff


def partner_measures_for(*, user: Any, organisation_id: uuid.UUID, year: int) -> PartnerMeasures:
    """The organisation's own measures as the receiver of referrals, exact (not suppressed): only
    for its own members; anyone else gets a 404, as if it did not exist."""
    if not getattr(user, "is_authenticated", False):
        raise Http404
    membership = (
        Membership.objects.select_related("organisation").filter(user=user, organisation_id=organisation_id).first()
    )
    if membership is None:
        raise Http404
    filters = Filters.for_year(year, receiver_id=organisation_id)
    return PartnerMeasures(
        organisation=membership.organisation,
        how_much=how_much(filters),
        how_well=how_well(filters),
        better_off=better_off(filters),
    )


def own_organisation_for(*, user: Any, organisation_id: uuid.UUID) -> Organisation:
    """An organisation the user is a member of; anyone else gets a 404, as if it did not exist."""
    if not getattr(user, "is_authenticated", False):
        raise Http404
    membership = (
        Membership.objects.select_related("organisation").filter(user=user, organisation_id=organisation_id).first()
    )
    if membership is None:
        raise Http404
    return membership.organisation
