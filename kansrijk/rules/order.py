"""Order of use (voorliggende voorzieningen): who comes first for each need.

National schemes come first (they are income, not a need), then for each need: the
municipality's own scheme, then Jeugdfonds Sport & Cultuur (sport, culture), then Stichting
Leergeld, then Nationaal Fonds Kinderhulp and Stichting Jarige Job, then other funds
(Voedselbank, Speelgoedbank). A fund whose needs are all covered by an earlier scheme the
family is entitled to is a *fallback*: shown, but not counted. No need is counted twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from kansrijk.rules.schemes.base import Scheme, SchemeResult
from kansrijk.rules.tables import I64, Bools

RANK_MUNICIPAL = 10
RANK_JEUGDFONDS = 20
RANK_LEERGELD = 30
RANK_KINDERHULP = 40
RANK_JARIGE_JOB = 40
RANK_OTHER_FUND = 50
RANKS = {
    "municipal": RANK_MUNICIPAL,
    "jeugdfonds": RANK_JEUGDFONDS,
    "leergeld": RANK_LEERGELD,
    "kinderhulp": RANK_KINDERHULP,
    "jarige_job": RANK_JARIGE_JOB,
    "other_fund": RANK_OTHER_FUND,
}


def annotate(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Mark, in one household's ordered answer, which local results are fallbacks.

    Adds to every result that has `needs`: `covered_by` (need -> ids of earlier schemes this
    family is entitled to that cover it), `fallback` (all its needs are covered earlier) and,
    where the family is not entitled, `may_still_help` (later schemes it is entitled to for
    one of the same needs — e.g. Kinderhulp, which has no income test).
    """
    covering: dict[str, list[str]] = {}
    local = [r for r in results if "needs" in r]
    for result in local:
        covered = {need: list(covering[need]) for need in result["needs"] if covering.get(need)}
        result["covered_by"] = covered
        result["fallback"] = bool(result["eligible"]) and bool(result["needs"]) and len(covered) == len(result["needs"])
        if result["eligible"]:
            for need in result["needs"]:
                covering.setdefault(need, []).append(result["scheme"])
    for position, result in enumerate(local):
        later = local[position + 1 :]
        result["may_still_help"] = (
            []
            if result["eligible"]
            else [r["scheme"] for r in later if r["eligible"] and set(r["needs"]) & set(result["needs"])]
        )
    return results


@dataclass
class Counted:
    """Per household: which households a local scheme reaches as first in line, and what it costs."""

    first: Bools  # entitled and at least one of its needs not covered by an earlier scheme
    amount: I64  # its yearly amount where it is first, else 0


def counted(schemes: Sequence[Scheme], results: Sequence[SchemeResult]) -> dict[str, Counted]:
    """Vectorised fallbacks over a population: each need counted once, in order of use."""
    covered: dict[str, Bools] = {}
    found: dict[str, Counted] = {}
    for scheme, result in zip(schemes, results, strict=True):
        needs: tuple[str, ...] = getattr(scheme, "needs", ())
        if not needs:
            continue
        size = result.eligible.shape[0]
        all_covered = np.ones(size, dtype=np.bool_)
        for need in needs:
            all_covered &= covered.get(need, np.zeros(size, dtype=np.bool_))
        first: Bools = result.eligible & ~all_covered
        amount = result.amount_yearly if result.amount_yearly is not None else np.zeros(size, dtype=np.int64)
        found[scheme.id] = Counted(first, np.where(first, amount, 0).astype(np.int64))
        for need in needs:
            covered[need] = covered.get(need, np.zeros(size, dtype=np.bool_)) | result.eligible
    return found
