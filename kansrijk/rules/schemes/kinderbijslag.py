"""Kinderbijslag (AKW): per child per quarter; the age on the first day of the quarter decides.

A child counts for a quarter when it belongs to the household on the first day of that
quarter (born on or before it) and is younger than 18 then (AKW art. 7). No income test.

Fast path: a child's four quarters depend only on d = year - birth year (clipped to -1..19:
outside, nothing counts) and t = how many quarter starts (1-1, 1-4, 1-7, 1-10) lie before its
birthday (0..4): age on quarter q = d - (q < t), born by then = d > 0 or (d == 0 and q >= t).
So the amounts are tabulated once per year (`YearTable`, 105 rows, plus 285 rows for children
with a fixed age) and each child is one table lookup; the table is built from the same rule.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

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
from kansrijk.rules.tables import I64, Tables

AKW_ART_7 = Reference("Algemene Kinderbijslagwet, art. 7", "https://wetten.overheid.nl/BWBR0002368/2026-01-01#Artikel7")
BRACKETS = (("0_5", 0), ("6_11", 6), ("12_17", 12))
AGE_LIMIT = 18
Rows = npt.NDArray[np.intp]


def amount_by_age(params: ParamsAt) -> I64:
    """Quarterly amount for ages 0..18 (index 18 = no kinderbijslag)."""
    table = np.zeros(AGE_LIMIT + 1, dtype=np.int64)
    for (name, lower), upper in zip(BRACKETS, (6, 12, AGE_LIMIT), strict=True):
        table[lower:upper] = params.money(f"kinderbijslag.bedrag_{name}")
    return table


QUARTER_MDS = np.array([101, 401, 701, 1001], dtype=np.int16)  # month * 100 + day of each quarter start
D_LOW, D_HIGH, N_T = -1, AGE_LIMIT + 1, 5
N_BIRTH = (D_HIGH - D_LOW + 1) * N_T  # rows for children with a birth date
N_FIXED_BORN = 3 * N_T  # d clipped to -1..1 decides "born by the quarter start" for fixed ages


@dataclass(frozen=True)
class YearTable:
    """Per table row (see the module docstring): the amount per quarter, and whether it counts."""

    amount: I64  # quarter x row, cents
    counts: npt.NDArray[np.bool_]  # quarter x row
    bracket: npt.NDArray[np.int8]  # quarter x row: index into BRACKETS where the child counts, else -1
    yearly: I64  # row: sum of the 4 quarters
    unverified: bool


def _quarter_state(d: int, t: int, quarter: int) -> tuple[bool, int]:
    """(born on or before the quarter start, age then) for d = year - birth year and t (see above)."""
    before_birthday = quarter < t
    return d > 0 or (d == 0 and not before_birthday), d - before_birthday


def year_table(tree: ParameterTree, year: int) -> YearTable:
    """The per-year lookup table (memoised per parameter tree and year)."""
    return tree.memo(("kinderbijslag.year_table", year), lambda: _build_year_table(tree, year))


def _build_year_table(tree: ParameterTree, year: int) -> YearTable:
    params = [tree.at(dt.date(year, month, 1)) for month in (1, 4, 7, 10)]
    by_age = [amount_by_age(p) for p in params]
    rows = N_BIRTH + (AGE_LIMIT + 1) * N_FIXED_BORN
    amount = np.zeros((4, rows), dtype=np.int64)
    counts = np.zeros((4, rows), dtype=np.bool_)
    ages = np.full((4, rows), -1, dtype=np.int64)
    for quarter in range(4):
        for d in range(D_LOW, D_HIGH + 1):
            for t in range(N_T):
                born, age = _quarter_state(d, t, quarter)
                row = (d - D_LOW) * N_T + t
                counts[quarter, row] = born and 0 <= age < AGE_LIMIT
                ages[quarter, row] = age
                if d <= 1:  # the same "born" pattern for every fixed age
                    for fixed in range(AGE_LIMIT + 1):
                        fixed_row = N_BIRTH + fixed * N_FIXED_BORN + (d - D_LOW) * N_T + t
                        counts[quarter, fixed_row] = born and fixed < AGE_LIMIT
                        ages[quarter, fixed_row] = fixed
    for quarter in range(4):
        amount[quarter] = np.where(counts[quarter], by_age[quarter][np.clip(ages[quarter], 0, AGE_LIMIT)], 0)
    lowers = np.array([lower for _, lower in BRACKETS])
    bracket = np.where(counts, np.searchsorted(lowers, ages, side="right") - 1, -1).astype(np.int8)
    return YearTable(amount, counts, bracket, amount.sum(axis=0), any(p.unverified for p in params))


def table_rows(tables: Tables, year: int) -> Rows:
    """Each child's row in the year table (intp: the fastest index type for lookups)."""
    d: Rows = np.intp(year) - tables.child_birth_year.astype(np.intp)
    np.maximum(d, D_LOW, out=d)
    np.minimum(d, D_HIGH, out=d)
    t: Rows = np.searchsorted(QUARTER_MDS, tables.child_birth_md, side="left")
    rows: Rows = (d - D_LOW) * N_T + t
    fixed = tables.child_age_fixed
    if (fixed >= 0).any():  # a fixed age holds all year; the birth columns still say "born by then"
        born_rows = (np.minimum(d, 1) - D_LOW) * N_T + t
        fixed_rows = N_BIRTH + np.minimum(fixed, AGE_LIMIT).astype(np.intp) * N_FIXED_BORN + born_rows
        rows = np.where(fixed >= 0, fixed_rows, rows)
    return rows


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
        table = year_table(tree, on.year)
        current = (on.month - 1) // 3
        rows = table_rows(tables, on.year)
        counts = table.counts[current][rows]
        has_child = tables.households_with(counts)
        available, reason_code = all_available(tables.size)

        def parts() -> dict[str, I64]:  # the quarter's amount per age bracket
            amount, bracket = table.amount[current][rows], table.bracket[current][rows]
            return {
                f"kinderen_{name}": tables.per_household(amount * (bracket == index))
                for index, (name, _) in enumerate(BRACKETS)
            }

        return SchemeResult(
            scheme_id=self.id,
            available=available,
            reason_code=reason_code,
            reasons=(),
            eligible=has_child,
            conditions={"kind_jonger_dan_18": has_child},
            amount_yearly=tables.per_household(table.yearly[rows]),
            amount_quarterly=tables.per_household(table.amount[current][rows]),
            parts=LazyParts(parts),
            unverified=table.unverified,
        )
