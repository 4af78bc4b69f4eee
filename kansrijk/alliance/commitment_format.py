"""The commitment format ("inzet"): what a partner fills in, how it is checked, and how a
version of it is recorded for the history. No writes here; `services.py` does those."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from kansrijk.alliance.constants import Activity, ReachUnit, TargetGroup
from kansrijk.alliance.formatting import plain_number
from kansrijk.alliance.models import Commitment
from kansrijk.core.errors import InvalidInput
from kansrijk.municipalities.models import Municipality

# Fields copied one to one from the input to the commitment (and into its history).
SCALAR_FIELDS = (
    "title",
    "activity",
    "description",
    "target_group",
    "age_min",
    "age_max",
    "is_national",
    "planned_reach",
    "reach_unit",
    "starts_on",
    "ends_on",
    "contact_name",
    "contact_email",
)


@dataclass(frozen=True)
class IndicatorInput:
    name: str
    target: Decimal
    unit: str = ""


@dataclass(frozen=True)
class CommitmentInput:
    """Everything a commitment says (the SMART format)."""

    title: str
    activity: str
    description: str
    target_group: str
    age_min: int
    age_max: int
    is_national: bool
    municipality_codes: tuple[str, ...]
    planned_reach: int
    reach_unit: str
    starts_on: date
    ends_on: date
    contact_name: str
    contact_email: str
    indicators: tuple[IndicatorInput, ...]


def _check_choices(details: CommitmentInput) -> None:
    if details.activity not in Activity.values:
        raise InvalidInput(_("Kies een activiteit van de alliantie."), "activity")
    if details.target_group not in TargetGroup.values:
        raise InvalidInput(_("Kies een doelgroep."), "target_group")
    if details.reach_unit not in ReachUnit.values:
        raise InvalidInput(_("Kies of je kinderen of gezinnen telt."), "reach_unit")


def check_commitment(details: CommitmentInput) -> list[Municipality]:
    """Check that a commitment is SMART; returns its municipalities."""
    _check_choices(details)
    for name in ("title", "description", "contact_name"):
        if not str(getattr(details, name)).strip():
            raise InvalidInput(_("Dit veld is verplicht."), name)
    try:
        validate_email(details.contact_email)
    except ValidationError as error:
        raise InvalidInput(_("Vul een geldig e-mailadres in."), "contact_email") from error
    if details.age_min > details.age_max:
        raise InvalidInput(_("De jongste leeftijd is hoger dan de oudste leeftijd."), "age_max")
    if details.planned_reach < 1:
        raise InvalidInput(_("Vul in hoeveel kinderen of gezinnen je wilt bereiken."), "planned_reach")
    if details.ends_on < details.starts_on:
        raise InvalidInput(_("De einddatum ligt voor de startdatum."), "ends_on")
    _check_indicators(details.indicators)
    return _check_municipalities(details)


def _check_indicators(indicators: Sequence[IndicatorInput]) -> None:
    if not indicators:
        raise InvalidInput(_("Geef minstens één indicator met een doel, zodat je inzet meetbaar is."), "indicators")
    if len({item.name.strip().lower() for item in indicators}) != len(indicators):
        raise InvalidInput(_("Twee indicatoren hebben dezelfde naam."), "indicators")


def _check_municipalities(details: CommitmentInput) -> list[Municipality]:
    codes = sorted({code.strip().upper() for code in details.municipality_codes if code.strip()})
    if details.is_national and codes:
        raise InvalidInput(_("Kies landelijk óf gemeenten, niet allebei."), "municipalities")
    if not details.is_national and not codes:
        raise InvalidInput(_("Kies de gemeenten waar je dit doet, of kies landelijk."), "municipalities")
    found = list(Municipality.objects.filter(code__in=codes).defer("boundary"))
    if len(found) != len(codes):
        raise InvalidInput(_("Onbekende gemeentecode."), "municipalities")
    return found


def apply_details(commitment: Commitment, details: CommitmentInput) -> None:
    """Copy the input's fields onto the (unsaved) commitment, trimming text."""
    for name in SCALAR_FIELDS:
        value = getattr(details, name)
        setattr(commitment, name, value.strip() if isinstance(value, str) else value)


def snapshot(commitment: Commitment) -> dict[str, Any]:
    """The whole commitment as JSON-ready data, for its history."""
    data: dict[str, Any] = {name: getattr(commitment, name) for name in SCALAR_FIELDS}
    data["starts_on"] = commitment.starts_on.isoformat()
    data["ends_on"] = commitment.ends_on.isoformat()
    data["municipalities"] = sorted(m.code for m in commitment.municipalities.all())
    data["indicators"] = [
        {"name": i.name, "unit": i.unit, "target": plain_number(i.target)} for i in commitment.indicators.order_by("id")
    ]
    return data


def diff(old: dict[str, Any], new: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """`{field: {"old": ..., "new": ...}}` for every field that changed."""
    return {key: {"old": old.get(key), "new": value} for key, value in new.items() if old.get(key) != value}
