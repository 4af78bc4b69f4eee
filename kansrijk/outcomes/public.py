"""The measures as they may be shown outside the owning organisations: every count through the
one suppression rule (`core.suppression`, ADR 0013), and a median or 90th percentile only when
it rests on at least 10 cases (else `None`), so no single family's time can be read off.
Every count is named `count` or ends in `_count` (ADR 0029)."""

from __future__ import annotations

from typing import Any

from kansrijk.core.suppression import SMALL_CELL, suppress
from kansrijk.outcomes.measures import BetterOff, Duration, HowMuch, HowWell, StepCounts


def _steps(counts: StepCounts) -> dict[str, int | None]:
    return {
        "referred_count": suppress(counts.referred),
        "accepted_count": suppress(counts.accepted),
        "helped_count": suppress(counts.helped),
        "declined_count": suppress(counts.declined),
        "withdrawn_count": suppress(counts.withdrawn),
    }


def reach(measure: HowMuch, names: dict[Any, str]) -> dict[str, Any]:
    return {
        **_steps(measure.total),
        "by_need": [{"need": need or "", **_steps(c)} for need, c in sorted(measure.by_need.items())],
        "by_organisation": sorted(
            ({"organisation": str(k), "name": names.get(k, ""), **_steps(c)} for k, c in measure.by_receiver.items()),
            key=lambda row: (row["name"], row["organisation"]),
        ),
        "amount_bands": [{"band": band, "count": suppress(n)} for band, n in measure.amount_bands.items()],
    }


def duration(value: Duration) -> dict[str, int | None]:
    enough = value.count >= SMALL_CELL
    return {
        "count": suppress(value.count),
        "median_days": value.median_days if enough else None,
        "p90_days": value.p90_days if enough else None,
    }


def _stages(stages: dict[str, Duration]) -> list[dict[str, Any]]:
    return [{"stage": name, **duration(value)} for name, value in stages.items()]


def time_to_help(measure: HowWell, names: dict[Any, str]) -> dict[str, Any]:
    return {
        "stages": _stages(measure.stages),
        "by_organisation": sorted(
            (
                {"organisation": str(k), "name": names.get(k, ""), "stages": _stages(v)}
                for k, v in measure.by_receiver.items()
            ),
            key=lambda row: (row["name"], row["organisation"]),
        ),
    }


def declines(measure: HowWell) -> dict[str, Any]:
    """The Pareto of decline reasons; the order is that of the exact counts."""
    return {"reasons": [{"reason": reason, "count": suppress(n)} for reason, n in measure.decline_reasons]}


def feedback(measure: BetterOff) -> dict[str, Any]:
    needs = sorted(set(measure.wishes) | set(measure.wishes_met))
    return {
        "family_answers": [{"answer": a, "count": suppress(n)} for a, n in sorted(measure.family_answers.items())],
        "child_scores": [{"score": s, "count": suppress(n)} for s, n in sorted(measure.child_scores.items())],
        "wishes": [
            {
                "need": need,
                "wish_count": suppress(measure.wishes.get(need, 0)),
                "met_count": suppress(measure.wishes_met.get(need, 0)),
            }
            for need in needs
        ],
    }
