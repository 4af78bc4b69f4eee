"""The checks every referrals write shares: free text (no BSN, within its limit), membership of
the organisation, an open concern; and the limits they check against."""

from __future__ import annotations

import uuid

from django.utils.translation import gettext as _

from kansrijk.accounts.models import User
from kansrijk.core.errors import Conflict, InvalidInput, NotAllowed
from kansrijk.core.validators import LONG_TEXT, text_problem
from kansrijk.organisations.models import Membership
from kansrijk.referrals.models import (
    Concern,
)
from kansrijk.referrals.retention import concern_erasures_replay as concern_erasures_replay  # backups' replay
from kansrijk.referrals.retention import retention_run as retention_run  # the retention command
from kansrijk.referrals.validation import contains_bsn

MAX_CHILDREN = 10
# Text limits (ADR 0012): a first name fits its column, a wish and a barrier are short, other texts LONG_TEXT.
FIRST_NAME_LENGTH, WISH_LENGTH, BARRIER_LENGTH = 40, 500, 1000
# The largest amount of help delivered that we accept: € 100,000 (well inside the 32-bit column).
MAX_AMOUNT_CENTS = 10_000_000
FIELD_LABELS = {
    "note": "Notitie",
    "wishes": "Wensen",
    "children": "Voornaam",
    "purpose": "Doel",
    "reason": "Reden",
    "delivered_what": "Welke hulp",
    "description": "Omschrijving",
    "comment": "Wat zei het gezin",
    "close_note": "Toelichting",
}


def clean_text(field: str, value: str, *, max_length: int = LONG_TEXT, multiline: bool = True) -> str:
    """The one check on every free text written into personal data (ADR 0012): plain text within
    its limit (`core.validators.text_problem`) and no BSN, whatever its separators. Returns it stripped."""
    label = FIELD_LABELS.get(field, field)
    problem = text_problem(str(value), max_length=max_length, multiline=multiline)
    if problem:
        raise InvalidInput(f"{label}: {problem}", field)
    if contains_bsn(value):
        raise InvalidInput(
            _(
                "In het veld '%(field)s' staat iets dat op een BSN lijkt. Een BSN mag nooit in Kansrijk staan. "
                "Haal het weg."
            )
            % {"field": label},
            field,
        )
    return str(value).strip()


def require_member(actor: User, organisation_id: uuid.UUID) -> None:
    """A `NotAllowed` unless the actor works for the organisation."""
    if not Membership.objects.filter(user=actor, organisation_id=organisation_id).exists():
        raise NotAllowed(_("Je werkt niet voor deze organisatie."))


def require_open(concern: Concern) -> None:
    if concern.closed_at is not None:
        raise Conflict(_("Deze zorg is afgesloten. Heropen de zorg eerst."), "concern")
