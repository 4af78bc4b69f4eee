"""Kindgebonden budget (WKB): a yearly right, earned per calendar month.

Per month: Σ over children with kinderbijslag (from the month after birth through the month
the child turns 18) of the per-child amount, plus the age extra (from the month after the
12th / 16th birthday), plus the ALO-kop for a parent without toeslagpartner; minus the
afbouw% of the income above the drempel (with a toeslagpartner: drempel + partner extra);
never below 0; divided by 12. Assets above the limit on 1 January: no right that year.

Fast path: a child's month state (counts?, which extra) depends only on o = months from its
birth month to January (clipped to -11..217: outside, it never counts this year), and changes
at most once in the year. `MonthTable` tabulates January's amount, the change month and the
deltas per o, from the same `child_status` rule; each child is one lookup. Households without
a change in the year (most) are one formula x 12; only the others get a month-by-month matrix.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

import numpy as np
import numpy.typing as npt

from kansrijk.rules.money import select
from kansrijk.rules.params import ParameterTree, Reference
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
Rows = npt.NDArray[np.intp]


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


O_LOW, O_HIGH = -11, MONTHS_18 + 1  # o outside this range: the child never counts in the year


@dataclass(frozen=True)
class MonthTable:
    """Per row o - O_LOW: a child's state in January and its one change in the year, if any."""

    jan_counts: Bools
    jan_amount: I64  # per-child amount + extra in January, cents/year
    changed: Bools
    event_month: I64  # 1..11: first month (0 = January) of the new state; 0 for no change
    delta_counts: I64
    delta_amount: I64
    amount_means_counts: bool  # amount > 0 exactly where the child counts (January and December)


def month_table(amounts: Amounts) -> MonthTable:
    """Tabulate `child_status` for every o (January and December), and the change month."""
    offsets = np.arange(O_LOW, O_HIGH + 1, dtype=np.int32)
    birth_mi = -offsets  # months are counted from January = 0
    qualifies, extra = child_status(birth_mi, np.array([0, 11], dtype=np.int32), amounts)
    amount = qualifies * np.int64(amounts.per_child) + extra
    changed = (qualifies[0] != qualifies[1]) | (extra[0] != extra[1])
    # the first month of the new state: after birth, after the 12th / 16th / 18th birthday;
    # these lie at least 2 years apart, so at most one falls inside the year (months 1..11)
    candidates = birth_mi.astype(np.int64)[None, :] + EVENT_OFFSETS[:, None]
    event = (candidates * ((candidates >= 1) & (candidates <= 11))).sum(axis=0)
    return MonthTable(
        jan_counts=qualifies[0],
        jan_amount=amount[0],
        changed=changed,
        event_month=np.where(changed, event, 0),
        delta_counts=qualifies[1].astype(np.int64) - qualifies[0],
        delta_amount=amount[1] - amount[0],
        amount_means_counts=bool(np.array_equal(amount > 0, qualifies)),
    )


def table_rows(tables: Tables, year: int) -> Rows:
    """Each child's row in the month table: o - O_LOW, clipped (intp: the fastest index type).

    o = year x 12 - (birth year x 12 + birth month - 1), as `Tables.child_birth_month_index`.
    """
    rows: Rows = np.intp(year * 12 + 1 - O_LOW) - tables.child_birth_year.astype(np.intp) * 12
    rows -= tables.child_birth_md // 100
    np.maximum(rows, 0, out=rows)
    np.minimum(rows, O_HIGH - O_LOW, out=rows)
    return rows


@dataclass
class Months:
    """One row per month (12) for some households: child amounts, and qualifying children
    (None when not asked for: then amount > 0 says whether any child qualifies)."""

    amount: Matrix
    counts: Matrix | None


def month_rows(
    tables: Tables,
    table: MonthTable,
    rows: Rows,
    households: npt.NDArray[np.intp],
    jan_amount: I64,
    jan_counts: I64 | None,
) -> Months:
    """Month-by-month state of `households` (sorted indexes, including every household with a
    change), from their January sums (`jan_*`, one per household in `households`)."""
    changing = np.flatnonzero(table.changed[rows])
    position = np.searchsorted(households, tables.child_household[changing])
    changing_rows = rows[changing]
    month = table.event_month[changing_rows]

    def matrix(deltas: I64, january: I64) -> Matrix:
        found = np.zeros((12, households.shape[0]), dtype=np.int64)
        np.add.at(found, (month, position), deltas[changing_rows])
        result: Matrix = np.cumsum(found, axis=0) + january
        return result

    counts = None if jan_counts is None else matrix(table.delta_counts, jan_counts)
    return Months(matrix(table.delta_amount, jan_amount), counts)


@dataclass
class Outcome:
    """Numerators (cents x 12 x denominator) per household: the year, and the month of `on`."""

    year: I64
    month: I64
    any_child: Bools
    rows: Rows  # each child's row in the month table
    jan_amount: I64  # per household: the child amounts in January


@dataclass(frozen=True)
class YearParameters:
    """Everything the scheme reads for one year, converted once (memoised per tree)."""

    amounts: Amounts
    drempel: int
    partner_extra: int
    asset_limit_partner: int
    asset_limit_single: int
    rate: Fraction
    minimum: int
    unverified: bool
    table: MonthTable


def year_parameters(tree: ParameterTree, year: int) -> YearParameters:
    return tree.memo(("kindgebonden_budget.year", year), lambda: _read_year(tree, year))


def _read_year(tree: ParameterTree, year: int) -> YearParameters:
    params = tree.at(dt.date(year, 1, 1))
    amounts = Amounts(
        params.money("kindgebonden_budget.bedrag_per_kind"),
        params.money("kindgebonden_budget.verhoging_12_15"),
        params.money("kindgebonden_budget.verhoging_16_17"),
        params.money("kindgebonden_budget.alleenstaande_ouderkop"),
    )
    drempel = params.money("algemeen.drempelinkomen")
    partner_extra = params.money("kindgebonden_budget.verhoging_drempel_partner")
    limit_partner = params.money("kindgebonden_budget.vermogensgrens_partner")
    limit_single = params.money("kindgebonden_budget.vermogensgrens_alleenstaande")
    rate = params.rate("kindgebonden_budget.afbouwpercentage")
    minimum = params.money("algemeen.minimum_tegemoetkoming")
    return YearParameters(
        amounts, drempel, partner_extra, limit_partner, limit_single, rate, minimum, params.unverified,
        month_table(amounts),
    )  # fmt: skip


def yearly_outcome(tables: Tables, on: dt.date, year: YearParameters, reduction: I64) -> Outcome:
    """Every household: January's state x 12; households with a change month by month."""
    table, den, alo = year.table, year.rate.denominator, year.amounts.alo
    rows = table_rows(tables, on.year)
    jan_amount = tables.per_household(table.jan_amount[rows])
    # whether a child counts in January: from the amounts when they say so exactly (see MonthTable)
    any_jan = jan_amount > 0 if table.amount_means_counts else jan_count_sums(tables, table, rows) > 0
    single = ~tables.partners
    numerator = np.maximum((jan_amount + (single & any_jan) * np.int64(alo)) * den - reduction, 0)
    out = Outcome(year=numerator * 12, month=numerator, any_child=any_jan, rows=rows, jan_amount=jan_amount)
    changing = tables.households_with(table.changed[rows])
    if changing.any():
        households = np.flatnonzero(changing)
        jan_counts = None if table.amount_means_counts else jan_count_sums(tables, table, rows)[households]
        months = month_rows(tables, table, rows, households, jan_amount[households], jan_counts)
        counting = months.amount > 0 if months.counts is None else months.counts > 0
        alo_months = (single[households] & counting) * np.int64(alo)
        numerators = np.maximum((months.amount + alo_months) * den - reduction[households], 0)
        out.year[households] = numerators.sum(axis=0)
        out.month[households] = numerators[on.month - 1]
        out.any_child[households] = counting.any(axis=0)
    return out


def jan_count_sums(tables: Tables, table: MonthTable, rows: Rows) -> I64:
    """Per household: the children that qualify in January."""
    return tables.per_household(table.jan_counts[rows].astype(np.int64))


def yearly_parts(tables: Tables, year: YearParameters, out: Outcome) -> dict[str, I64]:
    """Per household, x 12: the per-child amounts, the age extras and the ALO-kop of the year."""
    table, rows = year.table, out.rows
    everyone = np.arange(tables.size)
    months = month_rows(tables, table, rows, everyone, out.jan_amount, jan_count_sums(tables, table, rows))
    assert months.counts is not None
    base = months.counts * year.amounts.per_child
    alo = np.where(~tables.partners & (months.counts > 0), year.amounts.alo, 0).astype(np.int64)
    return {
        "per_kind": base.sum(axis=0),
        "verhoging_leeftijd": (months.amount - base).sum(axis=0),
        "alleenstaande_ouderkop": alo.sum(axis=0),
    }


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
        year = year_parameters(tree, on.year)
        partners = tables.partners
        threshold = select(partners, year.drempel + year.partner_extra, year.drempel)
        asset_limit = select(partners, year.asset_limit_partner, year.asset_limit_single)
        excess = np.maximum(tables.income_toeslag - threshold, 0)
        out = yearly_outcome(tables, on, year, excess * year.rate.numerator)
        denominator = 12 * year.rate.denominator
        computed = round_yearly(out.year, denominator)
        conditions = {
            "kind_met_kinderbijslag": out.any_child,
            "vermogen_niet_te_hoog": tables.assets <= asset_limit,
            "inkomen_niet_te_hoog": (out.year > 0) | ~out.any_child,
            "minimaal_24_euro": (out.year == 0) | at_least_minimum(out.year, denominator, year.minimum),
        }
        eligible = out.any_child & conditions["vermogen_niet_te_hoog"]
        eligible &= conditions["inkomen_niet_te_hoog"] & conditions["minimaal_24_euro"]

        def parts() -> dict[str, I64]:
            found = {name: round_yearly(value, 12) for name, value in yearly_parts(tables, year, out).items()}
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
            amount_yearly=computed * eligible,
            amount_monthly=paid_monthly(out.month, denominator) * eligible,
            parts=LazyParts(parts),
            unverified=year.unverified,
            context={"vermogensgrens": asset_limit, "drempel": threshold},
        )
