"""The anonymous facts of the referral work (ADR 0028), built from a concern, a referral or an
answer and handed to `kansrijk.facts.services` inside the transaction of the step.

Only codes, bands, organisations, services and local dates leave this module; never an id of
a concern, referral, child, consent or person, a name, a time of day or free text."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import date, datetime

from django.utils import timezone

from kansrijk.facts import services as facts
from kansrijk.facts.constants import amount_band
from kansrijk.organisations.models import Organisation
from kansrijk.referrals.constants import Status
from kansrijk.referrals.models import Child, Concern, Feedback, Referral, ReferralStep
from kansrijk.socialmap.constants import NEEDS
from kansrijk.socialmap.models import Attribute

NEED_ORDER = {need.code: index for index, need in enumerate(NEEDS)}
ENDINGS = (Status.DONE, Status.DECLINED, Status.WITHDRAWN)


def _day(moment: datetime) -> date:
    return timezone.localdate(moment)


def _age(child: Child, given_year: int) -> int:
    return child.age if child.age is not None else max(given_year - child.birth_year, 0)


def ages_of(children: Iterable[Child], given_year: int) -> list[int]:
    """The children's ages in whole years as known on the day of the concern."""
    return [_age(child, given_year) for child in children]


def concern_ages(concern: Concern) -> list[int]:
    return ages_of(concern.children.all(), concern.created_at.year)


def service_needs(service_id: uuid.UUID | None) -> list[str]:
    """The service's need codes in the need taxonomy's order."""
    if service_id is None:
        return []
    codes = Attribute.objects.filter(service_id=service_id, taxonomy_term__code__in=list(NEED_ORDER))
    return sorted(set(codes.values_list("taxonomy_term__code", flat=True)), key=NEED_ORDER.__getitem__)


def _kind(organisation_id: uuid.UUID) -> str:
    return Organisation.objects.filter(pk=organisation_id).values_list("kind", flat=True).first() or ""


def concern_facts_write(concern: Concern, ages: list[int]) -> None:
    facts.concern_fact_record(
        on=_day(concern.created_at),
        municipality_code=concern.municipality_id,
        organisation_kind=_kind(concern.organisation_id),
        ages=ages,
        signs=concern.signs,
        wish_needs=[str(wish.get("need") or "") for wish in concern.wishes],
    )


def _step_days(referral: Referral) -> dict[str, date]:
    """The date each status was first reached, from the referral's history."""
    days: dict[str, date] = {}
    for status, at in (
        ReferralStep.objects.filter(referral=referral).order_by("at", "id").values_list("to_status", "at")
    ):
        days.setdefault(status, _day(at))
    return days


def referral_fact_write(referral: Referral, step: str) -> None:
    """The fact of the step `referral` just took (its history row is already written)."""
    concern = referral.concern
    days = _step_days(referral)
    needs = service_needs(referral.service_id)
    wishes = {str(wish.get("need") or "") for wish in concern.wishes}
    given_at = referral.consent.given_at if referral.consent_id and referral.consent else None
    facts.referral_fact_record(
        fact=facts.ReferralFactIn(
            step=step,
            on=days[step],
            municipality_code=concern.municipality_id,
            receiver_id=referral.receiver_id,
            service_id=referral.service_id,
            need=needs[0] if needs else "",
            referrer_kind=_kind(referral.referrer_id),
            age_band=facts.youngest_band(concern_ages(concern)),
            for_wish=bool(wishes.intersection(needs)),
            concern_on=_day(concern.created_at),
            consent_on=_day(given_at) if given_at else None,
            referred_on=days.get(Status.SENT, days[step]),
            accepted_on=days.get(Status.ACCEPTED),
            started_on=days.get(Status.IN_PROGRESS),
            ended_on=days[step] if step in ENDINGS else None,
            decline_reason=referral.decline_reason if step == Status.DECLINED else "",
            amount_band=amount_band(referral.delivered_amount_cents) if step == Status.DONE else "",
        )
    )


def _feedback_in(referral: Referral, answer: str, score: int | None, on: datetime) -> facts.FeedbackFactIn:
    needs = service_needs(referral.service_id)
    return facts.FeedbackFactIn(
        on=_day(on),
        municipality_code=referral.concern.municipality_id,
        receiver_id=referral.receiver_id,
        service_id=referral.service_id,
        need=needs[0] if needs else "",
        family_answer=answer,
        child_score=score,
    )


def feedback_fact_write(referral: Referral, feedback: Feedback, previous: Feedback | None) -> None:
    replaced = (
        _feedback_in(referral, previous.family_answer, previous.child_score, previous.recorded_at) if previous else None
    )
    fact = _feedback_in(referral, feedback.family_answer, feedback.child_score, feedback.recorded_at)
    facts.feedback_fact_record(fact=fact, replaced=replaced)
