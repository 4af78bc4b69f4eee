"""Writes of anonymous facts. Called by the services of the apps that do the work, inside the
transaction of the step they record (no Django signals): a step that fails writes no fact.

The callers pass plain values; nothing here takes a concern, referral, child or person, so
nothing that identifies one can end up in a fact (ADR 0028)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date

from django.db import transaction

from kansrijk.facts.constants import AGE_BAND_CODES, AMOUNT_BAND_CODES, OTHER_WISH, CodeKind, Step, age_band
from kansrijk.facts.models import ConcernCodeFact, ConcernFact, FeedbackFact, ReferralFact


class FactError(Exception):
    """A fact that cannot be written: a programming error in the caller, never user input."""


def _inside_transaction() -> None:
    if not transaction.get_connection().in_atomic_block:
        raise FactError("A fact is written inside the transaction of the step it records.")


@dataclass(frozen=True)
class ReferralFactIn:
    """What a referral fact holds; see `models.ReferralFact` for each field."""

    step: str
    on: date
    municipality_code: str
    receiver_id: uuid.UUID
    service_id: uuid.UUID | None
    need: str
    referrer_kind: str
    age_band: str
    for_wish: bool
    concern_on: date
    consent_on: date | None
    referred_on: date
    accepted_on: date | None = None
    started_on: date | None = None
    ended_on: date | None = None
    decline_reason: str = ""
    amount_band: str = ""


def referral_fact_row(fact: ReferralFactIn) -> dict[str, object]:
    """The checked column values of a referral fact (also used by the back-fill migration)."""
    if fact.step not in Step.values:
        raise FactError(f"Unknown step {fact.step!r}.")
    if fact.age_band not in AGE_BAND_CODES:
        raise FactError(f"Unknown age band {fact.age_band!r}.")
    if fact.amount_band and fact.amount_band not in AMOUNT_BAND_CODES:
        raise FactError(f"Unknown amount band {fact.amount_band!r}.")
    return asdict(fact)


def referral_fact_record(*, fact: ReferralFactIn) -> ReferralFact:
    """Append the fact of one referral step."""
    _inside_transaction()
    return ReferralFact.objects.create(**referral_fact_row(fact))


def youngest_band(ages: Iterable[int]) -> str:
    """The age band of the youngest of the children (0 when no age is known)."""
    return age_band(min(ages, default=0))


def concern_fact_rows(
    *,
    on: date,
    municipality_code: str,
    organisation_kind: str,
    ages: list[int],
    signs: Iterable[str],
    wish_needs: Iterable[str],
) -> tuple[dict[str, object], list[dict[str, object]]]:
    """The column values of a concern's fact and of its sign and wish facts."""
    place = {"on": on, "municipality_code": municipality_code, "organisation_kind": organisation_kind}
    concern = {**place, "children_count": len(ages), "age_band": youngest_band(ages)}
    codes = [{**place, "kind": CodeKind.SIGN.value, "code": code} for code in dict.fromkeys(signs)]
    codes += [{**place, "kind": CodeKind.WISH.value, "code": need or OTHER_WISH} for need in wish_needs]
    return concern, codes


def concern_fact_record(
    *,
    on: date,
    municipality_code: str,
    organisation_kind: str,
    ages: list[int],
    signs: Iterable[str],
    wish_needs: Iterable[str],
) -> ConcernFact:
    """Append the facts of a new concern: one row, plus one per sign and one per wish."""
    _inside_transaction()
    concern, codes = concern_fact_rows(
        on=on,
        municipality_code=municipality_code,
        organisation_kind=organisation_kind,
        ages=ages,
        signs=signs,
        wish_needs=wish_needs,
    )
    ConcernCodeFact.objects.bulk_create(ConcernCodeFact(**row) for row in codes)
    return ConcernFact.objects.create(**concern)


@dataclass(frozen=True)
class FeedbackFactIn:
    on: date
    municipality_code: str
    receiver_id: uuid.UUID
    service_id: uuid.UUID | None
    need: str
    family_answer: str
    child_score: int | None


def feedback_fact_record(*, fact: FeedbackFactIn, replaced: FeedbackFactIn | None = None) -> list[FeedbackFact]:
    """Append the facts of a recorded answer; a replaced answer is cancelled by a row of weight -1."""
    _inside_transaction()
    rows = [FeedbackFact(**asdict(fact), weight=1)]
    if replaced is not None:
        rows.insert(0, FeedbackFact(**asdict(replaced), weight=-1))
    return FeedbackFact.objects.bulk_create(rows)
