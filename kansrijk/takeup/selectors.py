"""Reads of the take-up follow-up: the family's follow-up by its code (rate-limited), a concern's
suggested schemes with what was recorded (through referrals' access rules, audited), and the
anonymous funnel per scheme that `outcomes` reads (raw counts: outcomes suppresses what it shows
outside the owner)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache
from django.db.models import Count, Exists, OuterRef, QuerySet
from django.utils import timezone

from kansrijk.referrals import selectors as referral_selectors
from kansrijk.referrals.models import Concern
from kansrijk.screener.selectors import scheme_advice_for, scheme_labels
from kansrijk.takeup.constants import (
    FOLLOW_UP_DAYS,
    LOOKUPS_PER_HOUR,
    QUESTION_AFTER_DAYS,
    REMINDER_AFTER_DAYS,
    Answer,
    ManageReason,
    SchemeKind,
)
from kansrijk.takeup.models import FamilyFollowUp, ProfessionalTakeUp, TakeUpAnswer, TakeUpReminder
from kansrijk.takeup.protect import code_hash, normalise_code


def scheme_names(*, keys: list[str]) -> dict[str, str]:
    """The names people see for scheme keys (never the keys)."""
    return scheme_labels(keys=keys)


# --- the family ---------------------------------------------------------------------------------------------


class TooManyLookups(Exception):
    """More failed code lookups from one address than `LOOKUPS_PER_HOUR`."""


def _lookup_key(client: str) -> str:
    return f"takeup:lookups:{client}"


def follow_up_by_code(*, code: str, client: str, now: dt.datetime | None = None) -> FamilyFollowUp | None:
    """The follow-up for a typed code, if it exists and is within its period. Failed lookups are
    counted per client address in the shared cache; past the limit every lookup is refused for an
    hour (`TooManyLookups`), whether the code is right or not."""
    key = _lookup_key(client)
    failures = int(cache.get(key, 0))
    if failures >= LOOKUPS_PER_HOUR:
        raise TooManyLookups
    raw = normalise_code(code)
    cutoff = (now or timezone.now()) - dt.timedelta(days=FOLLOW_UP_DAYS)
    found = (
        FamilyFollowUp.objects.select_related("municipality")
        .filter(code_hash=code_hash(raw), created_at__gt=cutoff)
        .first()
        if raw
        else None
    )
    if found is None:
        cache.set(key, failures + 1, timeout=60 * 60)
    return found


@dataclass(frozen=True)
class SuggestedScheme:
    key: str
    kind: str
    name: str


def follow_up_schemes(*, follow_up: FamilyFollowUp) -> list[SuggestedScheme]:
    """The follow-up's schemes in the order the check showed them, with their names."""
    names = scheme_names(keys=[item["key"] for item in follow_up.schemes])
    return [SuggestedScheme(item["key"], item["kind"], names[item["key"]]) for item in follow_up.schemes]


def follow_up_list_due_for_question(*, now: dt.datetime | None = None) -> QuerySet[FamilyFollowUp]:
    """Follow-ups with an address, unanswered and not yet asked, made `QUESTION_AFTER_DAYS` days ago or more."""
    cutoff = (now or timezone.now()) - dt.timedelta(days=QUESTION_AFTER_DAYS)
    return FamilyFollowUp.objects.filter(
        question_sent_at__isnull=True, answered_at__isnull=True, created_at__lte=cutoff
    ).exclude(contact="")


def follow_up_list_expired(*, now: dt.datetime | None = None) -> QuerySet[FamilyFollowUp]:
    cutoff = (now or timezone.now()) - dt.timedelta(days=FOLLOW_UP_DAYS)
    return FamilyFollowUp.objects.filter(created_at__lte=cutoff)


# --- the professional ---------------------------------------------------------------------------------------


def _kind(kind: str) -> str:
    return kind if kind in SchemeKind.values else SchemeKind.FUND.value


def suggested_for(*, concern: Concern) -> list[SuggestedScheme]:
    """The municipality's schemes and the funds the professional's check suggests for the concern's
    children (in order of use; `screener.selectors.scheme_advice_for`)."""
    today = timezone.localdate()
    ages = [c.age if c.age is not None else today.year - c.birth_year for c in concern.children.all()]
    advice = scheme_advice_for(municipality=concern.municipality_id, child_ages=ages, on=today)
    return [SuggestedScheme(a["scheme"], _kind(a["kind"]), str(a["label"])) for a in advice if a["available"]]


@dataclass
class TakeUpRow:
    scheme: SuggestedScheme
    recorded: ProfessionalTakeUp | None


def take_up_for(*, user: Any, concern_id: uuid.UUID) -> tuple[Concern, list[TakeUpRow]]:
    """A concern (another organisation's is a 404; the read is audited by `concern_get_for`) with each
    suggested scheme and what was recorded for it."""
    concern = referral_selectors.concern_get_for(user=user, concern_id=concern_id)
    recorded = {row.scheme_key: row for row in ProfessionalTakeUp.objects.filter(concern=concern)}
    rows = [TakeUpRow(scheme, recorded.get(scheme.key)) for scheme in suggested_for(concern=concern)]
    return concern, rows


def concern_list_due_for_reminder(*, now: dt.datetime | None = None) -> list[Concern]:
    """Open concerns raised `REMINDER_AFTER_DAYS` days ago or more, with suggested schemes, nothing
    recorded and no reminder yet."""
    cutoff = (now or timezone.now()) - dt.timedelta(days=REMINDER_AFTER_DAYS)
    recorded = ProfessionalTakeUp.objects.filter(concern=OuterRef("pk"))
    reminded = TakeUpReminder.objects.filter(concern=OuterRef("pk"))
    concerns = (
        Concern.objects.filter(closed_at__isnull=True, created_at__lte=cutoff)
        .exclude(Exists(recorded))
        .exclude(Exists(reminded))
        .select_related("created_by")
        .prefetch_related("children")
        .order_by("created_at")
    )
    return [concern for concern in concerns if suggested_for(concern=concern)]


# --- the funnel ---------------------------------------------------------------------------------------------


APPLIED = (Answer.APPLIED, Answer.RECEIVED, Answer.REFUSED)


@dataclass
class FunnelRow:
    """Take-up of one scheme, from the anonymous answers (raw counts).

    `answered`: every answer. `suggested`: answers about schemes the family did not have yet and
    needed (all but "already had" and "not needed"). `applied`: applied, received or refused.
    `received`: received. `didnt_manage`: per `ManageReason`."""

    scheme_key: str
    scheme_kind: str
    name: str
    answered: int = 0
    already_had: int = 0
    not_needed: int = 0
    suggested: int = 0
    applied: int = 0
    received: int = 0
    refused: int = 0
    didnt_try: int = 0
    didnt_manage: int = 0
    didnt_manage_reasons: dict[str, int] = field(default_factory=dict)
    helped_scores: dict[int, int] = field(default_factory=dict)


def _add(row: FunnelRow, answer: str, reason: str, score: int | None, n: int) -> None:
    row.answered += n
    row.already_had += n if answer == Answer.ALREADY_HAD else 0
    row.not_needed += n if answer == Answer.NOT_NEEDED else 0
    row.suggested += 0 if answer in (Answer.ALREADY_HAD, Answer.NOT_NEEDED) else n
    row.applied += n if answer in APPLIED else 0
    row.received += n if answer == Answer.RECEIVED else 0
    row.refused += n if answer == Answer.REFUSED else 0
    row.didnt_try += n if answer == Answer.DIDNT_TRY else 0
    if answer == Answer.DIDNT_MANAGE:
        row.didnt_manage += n
        row.didnt_manage_reasons[reason] = row.didnt_manage_reasons.get(reason, 0) + n
    if score is not None:
        row.helped_scores[score] = row.helped_scores.get(score, 0) + n


def funnel(*, municipality: str | None = None, year: int | None = None, source: str | None = None) -> list[FunnelRow]:
    """Per scheme: suggested → applied → received, with the reasons for "didn't manage" and the
    smileys, from the anonymous answers; filtered by municipality (CBS code), year of the answer and
    source. Two queries whatever the number of answers (one grouped count, one for the names)."""
    answers = TakeUpAnswer.objects.all()
    if municipality:
        answers = answers.filter(municipality_code=municipality.upper())
    if year:
        answers = answers.filter(answered_on__gte=dt.date(year, 1, 1), answered_on__lte=dt.date(year, 12, 31))
    if source:
        answers = answers.filter(source=source)
    groups = (
        answers.values_list("scheme_key", "scheme_kind", "answer", "reason", "helped_score")
        .annotate(n=Count("id"))
        .order_by()
    )
    rows: dict[str, FunnelRow] = {}
    counted: Counter[str] = Counter()
    for key, kind, answer, reason, score, n in groups:
        row = rows.setdefault(key, FunnelRow(scheme_key=key, scheme_kind=kind, name=""))
        _add(row, answer, reason, score, n)
        counted[key] += n
    names = scheme_names(keys=list(rows)) if rows else {}
    for row in rows.values():
        row.name = names[row.scheme_key]
        row.didnt_manage_reasons = {r.value: row.didnt_manage_reasons.get(r.value, 0) for r in ManageReason}
    return sorted(rows.values(), key=lambda r: (-counted[r.scheme_key], r.name))
