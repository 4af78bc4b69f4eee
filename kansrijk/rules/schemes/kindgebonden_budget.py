"""Kindgebonden budget (WKB): a yearly right, earned per calendar month.

Per month: Σ over children with kinderbijslag (from the month after birth through the month
the child turns 18) of the per-child amount, plus the age extra (from the month after the
12th / 16th birthday), plus the ALO-kop for a parent without toeslagpartner; minus the
afbouw% of the income above the drempel (with a toeslagpartner: drempel + partner extra);
never below 0; divided by 12. Assets above the limit on 1 January: no right that year.
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
    at_least_minimum,
    guarded,
    paid_monthly,
    round_yearly,
)
from kansrijk.rules.tables import I64, Bools, Tables

Matrix = npt.NDArray[np.int64]


def _wkb(article: int) -> Reference:
    return Reference(
        f"Wet op het kindgebonden budget, art. {article}",
        f"https://wetten.overheid.nl/BWBR0022751/2026-01-01#Artikel{article}",
    )


AWIR_14 = Reference(
    "Algemene wet inkomensafhankelijke regelingen, art. 14 lid 5",
    "https://wetten.overheid.nl/BWBR0018472/2026-01-01#Artikel14",
)
MONTHS_18, MONTHS_16, MONTHS_12 = 18 * 12, 16 * 12, 12 * 12
EVENT_OFFSETS = np.array([1, MONTHS_12 + 1, MONTHS_16 + 1, MONTHS_18 + 1], dtype=np.int64)


@dataclass(frozen=True)
class Amounts:
    per_child: int
    extra_12: int
    extra_16: int
    alo: int


def child_status(birth_mi: npt.NDArray[np.int32], ym: npt.NDArray[np.int32], amounts: Amounts) -> tuple[Bools, Matrix]:
    """Per month (rows) and child (columns): qualifies?, and the age extra (cents/year)."""
    birth = birth_mi[None, :]
    months = ym[:, None]
    qualifies = (birth < months) & (months <= birth + MONTHS_18)
    level_12 = qualifies & (months > birth + MONTHS_12)
    level_16 = qualifies & (months > birth + MONTHS_16)
    extra_16 = np.int64(amounts.extra_16 - amounts.extra_12)
    extras: Matrix = level_12 * np.int64(amounts.extra_12) + level_16 * extra_16
    return qualifies, extras


@dataclass
class Year:
    """Per household: January's state, and the month-by-month changes of the changing ones.

    A child's state (counts?, which extra) changes at most once within a calendar year: at
    birth, after the 12th or 16th birthday, or after the month it turns 18 - events at least
    two years apart. So each changing child is one event: (month index 1..11, deltas).
    """

    n_qualifying: I64  # in January
    child_amount: I64  # Σ (per-child amount + extra) in January, cents/year
    changes: Bools
    event_month: npt.NDArray[np.int64]  # per child: 1..11, or 0 for no change
    delta_qualifying: I64  # per child
    delta_amount: I64  # per child


def year_state(tables: Tables, year: int, amounts: Amounts) -> Year:
    """Children's state in January and December and, where it differs, the change month."""
    birth_mi = tables.child_birth_month_index()
    ym = np.array([year * 12, year * 12 + 11], dtype=np.int32)
    qualifies, extra = child_status(birth_mi, ym, amounts)
    amount = qualifies * np.int64(amounts.per_child) + extra
    changed = (qualifies[0] != qualifies[1]) | (extra[0] != extra[1])
    # the first month of the new state: after birth, after the 12th / 16th / 18th birthday;
    # these lie at least 4 years apart, so at most one falls inside the year (months 1..11)
    candidates = birth_mi.astype(np.int64)[None, :] - year * 12 + EVENT_OFFSETS[:, None]
    event = (candidates * ((candidates >= 1) & (candidates <= 11))).sum(axis=0)
    sums = tables.per_household_rows(np.stack([qualifies[0], amount[0], changed]).astype(np.int64))
    return Year(
        n_qualifying=sums[0],
        child_amount=sums[1],
        changes=sums[2] > 0,
        event_month=np.where(changed, event, 0),
        delta_qualifying=(qualifies[1].astype(np.int64) - qualifies[0]),
        delta_amount=amount[1] - amount[0],
    )


def month_matrix(tables: Tables, state: Year, rows: Bools) -> tuple[Matrix, Matrix]:
    """For households in `rows`: (qualifying children, child amounts), one row per month."""
    position = np.cumsum(rows) - 1
    events = state.event_month > 0
    owner = position[tables.child_household[events]]
    month = state.event_month[events]
    size = int(rows.sum())
    qualifying = np.zeros((12, size), dtype=np.int64)
    amount = np.zeros((12, size), dtype=np.int64)
    np.add.at(qualifying, (month, owner), state.delta_qualifying[events])
    np.add.at(amount, (month, owner), state.delta_amount[events])
    qualifying = np.cumsum(qualifying, axis=0) + state.n_qualifying[rows]
    amount = np.cumsum(amount, axis=0) + state.child_amount[rows]
    return qualifying, amount


@dataclass
class Outcome:
    """Numerators (cents x 12 x denominator) per household, and the yearly parts x 12."""

    year: I64
    month: I64
    base: I64
    extras: I64
    alo: I64
    any_child: Bools


def months_outcome(
    n_qualifying: Matrix,
    child_amount: Matrix,
    single: Bools,
    amounts: Amounts,
    reduction: I64,
    denominator: int,
) -> tuple[Matrix, Outcome]:
    """Month numerators (one row per month, or one row for 'every month alike') and sums."""
    base = n_qualifying * amounts.per_child
    alo = np.where(single & (n_qualifying > 0), amounts.alo, 0).astype(np.int64)
    numerators = np.maximum(0, (child_amount + alo) * denominator - reduction)
    weight = 12 // n_qualifying.shape[0]
    outcome = Outcome(
        year=numerators.sum(axis=0) * weight,
        month=numerators[0],
        base=base.sum(axis=0) * weight,
        extras=(child_amount - base).sum(axis=0) * weight,
        alo=alo.sum(axis=0) * weight,
        any_child=n_qualifying.sum(axis=0) > 0,
    )
    return numerators, outcome


def yearly_outcome(tables: Tables, on: dt.date, amounts: Amounts, reduction: I64, denominator: int) -> Outcome:
    """Every household: January's state for all months, then the changing ones month by month."""
    state = year_state(tables, on.year, amounts)
    single = ~tables.partners
    _, out = months_outcome(
        state.n_qualifying[None, :],
        state.child_amount[None, :],
        single,
        amounts,
        reduction,
        denominator,
    )
    rows = state.changes
    if rows.any():
        n_qualifying, child_amount = month_matrix(tables, state, rows)
        numerators, changing = months_outcome(
            n_qualifying, child_amount, single[rows], amounts, reduction[rows], denominator
        )
        for name in ("year", "base", "extras", "alo", "any_child"):
            getattr(out, name)[rows] = getattr(changing, name)
        out.month[rows] = numerators[on.month - 1]
    return out


class KindgebondenBudget:
    id = "kindgebonden_budget"
    label = "Kindgebonden budget"
    kind = KIND_NATIONAL
    conditions: tuple[ConditionSpec, ...] = (
        ConditionSpec(
            "kind_met_kinderbijslag",
            "Er woont dit jaar een kind bij u voor wie u kinderbijslag krijgt.",
            "Er woont dit jaar geen kind bij u voor wie u kinderbijslag krijgt.",
            _wkb(2),
        ),
        ConditionSpec(
            "vermogen_niet_te_hoog",
            "Uw vermogen op 1 januari is niet hoger dan {vermogensgrens}.",
            "Uw vermogen op 1 januari is hoger dan {vermogensgrens}. Dan krijgt u dit jaar niets.",
            _wkb(1),
        ),
        ConditionSpec(
            "inkomen_niet_te_hoog",
            "Uw inkomen is niet te hoog. Boven {drempel} per jaar wordt het bedrag lager.",
            "Uw inkomen is te hoog. Na de verlaging voor inkomen boven {drempel} blijft er niets over.",
            _wkb(2),
        ),
        ConditionSpec(
            "minimaal_24_euro",
            "Het bedrag is minstens € 24 per jaar.",
            "Het bedrag is minder dan € 24 per jaar. Dan wordt het niet betaald.",
            AWIR_14,
        ),
    )

    def evaluate(self, tables: Tables, on: dt.date, tree: ParameterTree) -> SchemeResult:
        return guarded(self.label, self.id, lambda: self._compute(tables, on, tree), tables.size)

    def _compute(self, tables: Tables, on: dt.date, tree: ParameterTree) -> SchemeResult:
        params = tree.at(dt.date(on.year, 1, 1))
        amounts = Amounts(
            params.money("kindgebonden_budget.bedrag_per_kind"),
            params.money("kindgebonden_budget.verhoging_12_15"),
            params.money("kindgebonden_budget.verhoging_16_17"),
            params.money("kindgebonden_budget.alleenstaande_ouderkop"),
        )
        threshold, asset_limit = self._limits(tables, params)
        rate = params.rate("kindgebonden_budget.afbouwpercentage")
        excess = np.maximum(0, tables.income_toeslag - threshold)
        out = yearly_outcome(tables, on, amounts, excess * rate.numerator, rate.denominator)
        return self._result(tables, params, out, 12 * rate.denominator, threshold, asset_limit)

    @staticmethod
    def _limits(tables: Tables, params: ParamsAt) -> tuple[I64, I64]:
        drempel = params.money("algemeen.drempelinkomen")
        partner_extra = params.money("kindgebonden_budget.verhoging_drempel_partner")
        threshold: I64 = np.where(tables.partners, drempel + partner_extra, drempel).astype(np.int64)
        limit: I64 = np.where(
            tables.partners,
            params.money("kindgebonden_budget.vermogensgrens_partner"),
            params.money("kindgebonden_budget.vermogensgrens_alleenstaande"),
        ).astype(np.int64)
        return threshold, limit

    def _result(
        self,
        tables: Tables,
        params: ParamsAt,
        out: Outcome,
        denominator: int,
        threshold: I64,
        asset_limit: I64,
    ) -> SchemeResult:
        computed = round_yearly(out.year, denominator)
        minimum = params.money("algemeen.minimum_tegemoetkoming")
        conditions = {
            "kind_met_kinderbijslag": out.any_child,
            "vermogen_niet_te_hoog": tables.assets <= asset_limit,
            "inkomen_niet_te_hoog": (out.year > 0) | ~out.any_child,
            "minimaal_24_euro": (out.year == 0) | at_least_minimum(out.year, denominator, minimum),
        }
        eligible = np.logical_and.reduce(list(conditions.values()))

        def parts() -> dict[str, I64]:
            found = {
                "per_kind": round_yearly(out.base, 12),
                "verhoging_leeftijd": round_yearly(out.extras, 12),
                "alleenstaande_ouderkop": round_yearly(out.alo, 12),
            }
            found["verlaging_inkomen"] = sum(found.values(), np.zeros(tables.size, np.int64)) - computed
            return found

        available, reason_code = all_available(tables.size)
        return SchemeResult(
            scheme_id=self.id,
            available=available,
            reason_code=reason_code,
            reasons=(),
            eligible=eligible,
            conditions=conditions,
            amount_yearly=np.where(eligible, computed, 0),
            amount_monthly=np.where(eligible, paid_monthly(out.month, denominator), 0),
            parts=LazyParts(parts),
            unverified=params.unverified,
            context={"vermogensgrens": asset_limit, "drempel": threshold},
        )
