"""The measures, after Results-Based Accountability's three questions, as pure reads over the
anonymous facts (`kansrijk.facts`, ADR 0029). Exact numbers: suppression for outsiders is the
caller's job (`outcomes.public`), the owner sees them as they are (`selectors.partner_measures_for`).

Every function runs a fixed number of queries, whatever the data size; the filters use the
facts' indexes (municipality or receiver, step, date)."""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Q, QuerySet, Sum

from kansrijk.facts.constants import AMOUNT_BAND_CODES, CodeKind, Step
from kansrijk.facts.models import ConcernCodeFact, FeedbackFact, ReferralFact

# The stages of time to help: (name, from date column, to date column), on the facts of help delivered.
STAGES: tuple[tuple[str, str, str], ...] = (
    ("concern_to_consent", "concern_on", "consent_on"),
    ("consent_to_referral", "consent_on", "referred_on"),
    ("referral_to_accepted", "referred_on", "accepted_on"),
    ("accepted_to_delivered", "accepted_on", "ended_on"),
    ("concern_to_delivered", "concern_on", "ended_on"),
)
COUNTED_STEPS = (Step.SENT, Step.ACCEPTED, Step.DONE, Step.DECLINED, Step.WITHDRAWN)


@dataclass(frozen=True)
class Filters:
    """Which facts count: a step counts in the period its own date falls in (both ends inclusive)."""

    municipality_code: str = ""
    receiver_id: uuid.UUID | None = None
    need: str = ""
    start: date | None = None
    end: date | None = None

    @classmethod
    def for_year(cls, year: int, **kwargs: object) -> Filters:
        return cls(start=date(year, 1, 1), end=date(year, 12, 31), **kwargs)  # type: ignore[arg-type]

    def q(self, prefix_date: str = "on") -> Q:
        q = Q()
        if self.municipality_code:
            q &= Q(municipality_code=self.municipality_code)
        if self.start:
            q &= Q(**{f"{prefix_date}__gte": self.start})
        if self.end:
            q &= Q(**{f"{prefix_date}__lte": self.end})
        return q

    def referral_facts(self) -> QuerySet[ReferralFact]:
        q = self.q()
        if self.receiver_id:
            q &= Q(receiver_id=self.receiver_id)
        if self.need:
            q &= Q(need=self.need)
        return ReferralFact.objects.filter(q)


@dataclass
class StepCounts:
    referred: int = 0
    accepted: int = 0
    helped: int = 0
    declined: int = 0
    withdrawn: int = 0

    def add(self, step: str, count: int) -> None:
        name = {"sent": "referred", "done": "helped"}.get(step, step)
        if hasattr(self, name):
            setattr(self, name, getattr(self, name) + count)


@dataclass
class HowMuch:
    total: StepCounts
    by_need: dict[str, StepCounts]
    by_receiver: dict[uuid.UUID, StepCounts]
    amount_bands: dict[str, int]


def how_much(filters: Filters) -> HowMuch:
    """Referred, accepted, helped (declined, withdrawn) per need and per receiving organisation,
    and the help delivered per amount band. Two queries."""
    rows = (
        filters.referral_facts()
        .filter(step__in=COUNTED_STEPS)
        .values_list("step", "need", "receiver_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    total = StepCounts()
    by_need: defaultdict[str, StepCounts] = defaultdict(StepCounts)
    by_receiver: defaultdict[uuid.UUID, StepCounts] = defaultdict(StepCounts)
    for step, need, receiver_id, count in rows:
        total.add(step, count)
        by_need[need].add(step, count)
        by_receiver[receiver_id].add(step, count)
    bands = dict(
        filters.referral_facts()
        .filter(step=Step.DONE)
        .exclude(amount_band="")
        .values_list("amount_band")
        .annotate(n=Count("id"))
        .order_by()
    )
    return HowMuch(
        total=total,
        by_need=dict(by_need),
        by_receiver=dict(by_receiver),
        amount_bands={band: bands.get(band, 0) for band in AMOUNT_BAND_CODES},
    )


def percentile(values: list[int], share: float) -> int | None:
    """The nearest-rank percentile of whole days (median: 0.5); None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * share // 1))  # ceil(n * share), at least 1
    return ordered[int(rank) - 1]


@dataclass(frozen=True)
class Duration:
    count: int
    median_days: int | None
    p90_days: int | None


def _durations(values: list[int]) -> Duration:
    return Duration(count=len(values), median_days=percentile(values, 0.5), p90_days=percentile(values, 0.9))


@dataclass
class HowWell:
    stages: dict[str, Duration]
    by_receiver: dict[uuid.UUID, dict[str, Duration]]
    by_municipality: dict[str, dict[str, Duration]]
    decline_reasons: list[tuple[str, int]] = field(default_factory=list)  # Pareto: largest first


def how_well(filters: Filters) -> HowWell:
    """Time to help per stage (median and 90th percentile in days), overall, per receiving
    organisation and per municipality, from the facts of help delivered in the period; and the
    decline reasons as a Pareto. Two queries."""
    columns = ("receiver_id", "municipality_code", *{c for _n, a, b in STAGES for c in (a, b)})
    overall: dict[str, list[int]] = defaultdict(list)
    per_receiver: dict[uuid.UUID, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    per_municipality: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for row in filters.referral_facts().filter(step=Step.DONE).values(*columns):
        for name, start, end in STAGES:
            if row[start] is not None and row[end] is not None:
                days = max((row[end] - row[start]).days, 0)
                overall[name].append(days)
                per_receiver[row["receiver_id"]][name].append(days)
                per_municipality[row["municipality_code"]][name].append(days)
    reasons = (
        filters.referral_facts()
        .filter(step=Step.DECLINED)
        .values_list("decline_reason")
        .annotate(n=Count("id"))
        .order_by("-n", "decline_reason")
    )
    return HowWell(
        stages={name: _durations(overall[name]) for name, _a, _b in STAGES},
        by_receiver={k: {n: _durations(v[n]) for n, _a, _b in STAGES} for k, v in per_receiver.items()},
        by_municipality={k: {n: _durations(v[n]) for n, _a, _b in STAGES} for k, v in per_municipality.items()},
        decline_reasons=[(reason or "other", count) for reason, count in reasons],
    )


@dataclass
class BetterOff:
    family_answers: dict[str, int]
    child_scores: dict[int, int]
    wishes: dict[str, int]  # wishes per need code (children's own words), in the period
    wishes_met: dict[str, int]  # help delivered for a child's wish, per need code


def better_off(filters: Filters) -> BetterOff:
    """Parents' answers and children's smileys after the help; the children's wishes and how
    many were met (help delivered for the need a child wished for). Four queries."""
    feedback = FeedbackFact.objects.filter(filters.q())
    if filters.receiver_id:
        feedback = feedback.filter(receiver_id=filters.receiver_id)
    if filters.need:
        feedback = feedback.filter(need=filters.need)
    answers = dict(feedback.values_list("family_answer").annotate(n=Sum("weight")).order_by())
    scores = dict(feedback.exclude(child_score=None).values_list("child_score").annotate(n=Sum("weight")).order_by())
    wishes = Counter(
        dict(
            ConcernCodeFact.objects.filter(filters.q(), kind=CodeKind.WISH)
            .values_list("code")
            .annotate(n=Count("id"))
            .order_by()
        )
    )
    met = dict(
        filters.referral_facts()
        .filter(step=Step.DONE, for_wish=True)
        .values_list("need")
        .annotate(n=Count("id"))
        .order_by()
    )
    return BetterOff(
        family_answers={k: int(v) for k, v in answers.items() if v},
        child_scores={int(k): int(v) for k, v in scores.items() if v},
        wishes=dict(wishes),
        wishes_met=met,
    )
