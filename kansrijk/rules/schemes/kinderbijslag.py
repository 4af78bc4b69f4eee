"""Kinderbijslag (AKW): per child per quarter; the age on the first day of the quarter decides.

A child counts for a quarter when it belongs to the household on the first day of that
quarter (born on or before it) and is younger than 18 then (AKW art. 7). No income test.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import numpy.typing as npt

from kansrijk.rules.params import ParameterTree, ParamsAt, Reference
from kansrijk.rules.schemes.base import (
    KIND_NATIONAL,
    ConditionSpec,
    LazyParts,
    SchemeResult,
    all_available,
    guarded,
)
from kansrijk.rules.tables import I64, Bools, Tables

AKW_ART_7 = Reference("Algemene Kinderbijslagwet, art. 7", "https://wetten.overheid.nl/BWBR0002368/2026-01-01#Artikel7")
BRACKETS = (("0_5", 0), ("6_11", 6), ("12_17", 12))
AGE_LIMIT = 18


def quarter_start(on: dt.date) -> dt.date:
    return dt.date(on.year, 3 * ((on.month - 1) // 3) + 1, 1)


def counts_in_quarter(tables: Tables, start: dt.date) -> tuple[Bools, npt.NDArray[np.int16]]:
    """Which children count for the quarter starting on `start`, and their age then."""
    age = tables.child_age_on(start)
    counts: Bools = tables.child_born_on_or_before(start) & (age < AGE_LIMIT) & (age >= 0)
    return counts, age


def amount_by_age(params: ParamsAt) -> I64:
    """Quarterly amount for ages 0..18 (index 18 = no kinderbijslag)."""
    table = np.zeros(AGE_LIMIT + 1, dtype=np.int64)
    for (name, lower), upper in zip(BRACKETS, (6, 12, AGE_LIMIT), strict=True):
        table[lower:upper] = params.money(f"kinderbijslag.bedrag_{name}")
    return table


def bracket_parts(tables: Tables, counts: Bools, age: npt.NDArray[np.int16], params: ParamsAt) -> dict[str, I64]:
    """Per household: the quarter's amount per age bracket (cents)."""
    parts: dict[str, I64] = {}
    for (name, lower), upper in zip(BRACKETS, (6, 12, AGE_LIMIT), strict=True):
        amount = params.money(f"kinderbijslag.bedrag_{name}")
        in_bracket = counts & (age >= lower) & (age < upper)
        parts[f"kinderen_{name}"] = tables.per_household(in_bracket.astype(np.int64) * amount)
    return parts


class Kinderbijslag:
    id = "kinderbijslag"
    label = "Kinderbijslag"
    kind = KIND_NATIONAL
    conditions: tuple[ConditionSpec, ...] = (
        ConditionSpec(
            "kind_jonger_dan_18",
            "Op de eerste dag van dit kwartaal woont er een kind jonger dan 18 jaar bij u.",
            "Op de eerste dag van dit kwartaal woont er geen kind jonger dan 18 jaar bij u.",
            AKW_ART_7,
        ),
    )

    def evaluate(self, tables: Tables, on: dt.date, tree: ParameterTree) -> SchemeResult:
        return guarded(self.label, self.id, lambda: self._compute(tables, on, tree), tables.size)

    def _compute(self, tables: Tables, on: dt.date, tree: ParameterTree) -> SchemeResult:
        starts = [dt.date(on.year, month, 1) for month in (1, 4, 7, 10)]
        current = starts.index(quarter_start(on))
        params = [tree.at(start) for start in starts]
        table = np.stack([amount_by_age(p) for p in params])  # quarter x age
        age, born = tables.child_ages_on(starts)
        counts = born & (age < AGE_LIMIT) & (age >= 0)
        per_child = np.where(counts, np.take_along_axis(table, np.clip(age, 0, AGE_LIMIT), axis=1), 0)
        amounts = tables.per_household_rows(per_child)
        has_child: Bools = tables.per_household(counts[current].astype(np.int64)) > 0
        state = (counts[current], age[current], params[current])
        available, reason_code = all_available(tables.size)
        return SchemeResult(
            scheme_id=self.id,
            available=available,
            reason_code=reason_code,
            reasons=(),
            eligible=has_child,
            conditions={"kind_jonger_dan_18": has_child},
            amount_yearly=amounts.sum(axis=0),
            amount_quarterly=amounts[current],
            parts=LazyParts(lambda: bracket_parts(tables, *state)),
            unverified=any(p.unverified for p in params),
        )
