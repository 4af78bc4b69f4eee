"""Bijstandsnorm (Participatiewet art. 21): the yardstick for municipal income limits.

Norms are stored per month INCLUDING vakantietoeslag (the published real values). The norm
without vakantietoeslag is derived: excl = incl / 1.05, rounded half up to the cent — the
unique cent amount for which excl + round(5% x excl) = incl again (checked in the tests for
every stored value). Only for 21 to AOW age and without kostendelers (more adults than the
applicant and toeslagpartner): other households answer `available: false`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from kansrijk.rules.money import select
from kansrijk.rules.params import MissingParameter, ParameterTree, ParamsAt, Reference
from kansrijk.rules.schemes.base import KIND_YARDSTICK, ConditionSpec, LazyParts, SchemeResult, guarded
from kansrijk.rules.tables import I8, I64, Bools, Tables

PW_21 = Reference("Participatiewet, art. 21", "https://wetten.overheid.nl/BWBR0015703/2026-01-01#Artikel21")
PW_22A = Reference("Participatiewet, art. 22a", "https://wetten.overheid.nl/BWBR0015703/2026-01-01#Artikel22a")
MIN_AGE = 21
REASONS = (
    "De bijstandsnorm hier geldt alleen van 21 jaar tot de AOW-leeftijd. Voor andere leeftijden "
    "rekenen we hem (nog) niet uit.",
    "Er wonen meer volwassenen in huis dan u en uw partner. Dan geldt de kostendelersnorm. "
    "Die rekenen we (nog) niet uit.",
)


@dataclass
class Norms:
    """Monthly norms per household in cents, and where they apply."""

    incl: I64
    holiday: Fraction
    age_ok: Bools
    no_sharers: Bools
    unverified: bool

    @property
    def excl(self) -> I64:
        """The norm without vakantietoeslag (derived, see the module docstring)."""
        return excl_from_incl(self.incl, self.holiday.numerator, self.holiday.denominator)

    @property
    def applies(self) -> Bools:
        result: Bools = self.age_ok & self.no_sharers
        return result

    @property
    def reason_code(self) -> I8:
        result: I8 = self.age_ok.astype(np.int8)  # 1 (kostendelers) where the age is fine, else 0
        return result


def excl_from_incl(incl: I64, holiday: int, per: int) -> I64:
    """Norm without vakantietoeslag: incl x per / (per + holiday), rounded half up."""
    denominator = per + holiday
    result: I64 = (incl * per * 2 + denominator) // (2 * denominator)
    return result


@dataclass(frozen=True)
class NormParameters:
    """The values `norms_on` reads for one date."""

    couple: int
    single: int
    holiday: Fraction
    aow_months: int
    unverified: bool


def norm_parameters(params: ParamsAt) -> NormParameters:
    couple = params.money("bijstandsnorm.gehuwden")
    single = params.money("bijstandsnorm.alleenstaande")
    holiday = params.rate("bijstandsnorm.vakantietoeslag")
    return NormParameters(couple, single, holiday, params.integer("algemeen.aow_leeftijd"), params.unverified)


def norms_from(tables: Tables, found: NormParameters) -> Norms:
    incl = select(tables.partners, found.couple, found.single)
    own_adults = tables.partners + np.int8(1)
    age_ok = (tables.min_adult_age >= MIN_AGE) & (tables.max_adult_age * 12 < found.aow_months)
    no_sharers = tables.n_adults <= own_adults
    return Norms(incl, found.holiday, age_ok, no_sharers, found.unverified)


def norms_on(tables: Tables, on: dt.date, params: ParamsAt) -> Norms:
    """The bijstandsnorm for each household on one date (vectorised, for municipal rules)."""
    return norms_from(tables, norm_parameters(params))


@dataclass(frozen=True)
class YearNorms:
    """The norms on a date, and the sums of the 12 monthly norms of its year (memoised)."""

    on: NormParameters
    yearly_single: int
    yearly_couple: int
    unverified: bool
    asset_limits: tuple[int, int] | None  # (alleenstaande, gezin) on the date, when known


def year_norms(tree: ParameterTree, on: dt.date) -> YearNorms:
    return tree.memo(("bijstandsnorm.year", on), lambda: _read_year(tree, on))


def _read_year(tree: ParameterTree, on: dt.date) -> YearNorms:
    now = norm_parameters(tree.at(on))
    yearly_single = yearly_couple = 0
    unverified = now.unverified
    for month in range(1, 13):
        params = tree.at(dt.date(on.year, month, 1))
        yearly_single += params.money("bijstandsnorm.alleenstaande")
        yearly_couple += params.money("bijstandsnorm.gehuwden")
        unverified = unverified or params.unverified
    return YearNorms(now, yearly_single, yearly_couple, unverified, _asset_limit_values(tree.at(on)))


def _asset_limit_values(params: ParamsAt) -> tuple[int, int] | None:
    try:
        return (
            params.money("bijstandsnorm.vermogensgrens_alleenstaande"),
            params.money("bijstandsnorm.vermogensgrens_gezin"),
        )
    except MissingParameter:
        return None


class Bijstandsnorm:
    id = "bijstandsnorm"
    label = "Bijstandsnorm"
    kind = KIND_YARDSTICK
    conditions: tuple[ConditionSpec, ...] = (
        ConditionSpec(
            "leeftijd_21_tot_aow",
            "U bent tussen 21 jaar en de AOW-leeftijd.",
            "U (of uw partner) bent jonger dan 21 jaar of hebt de AOW-leeftijd.",
            PW_21,
        ),
        ConditionSpec(
            "geen_kostendelers",
            "Er wonen geen andere volwassenen bij u dan uw partner.",
            "Er wonen andere volwassenen bij u. Dan geldt de kostendelersnorm.",
            PW_22A,
        ),
    )

    def evaluate(self, tables: Tables, on: dt.date, tree: ParameterTree) -> SchemeResult:
        return guarded(self.label, self.id, lambda: self._compute(tables, on, tree), tables.size)

    def _compute(self, tables: Tables, on: dt.date, tree: ParameterTree) -> SchemeResult:
        year = year_norms(tree, on)
        now = norms_from(tables, year.on)
        yearly = select(tables.partners, year.yearly_couple, year.yearly_single)

        def parts() -> dict[str, I64]:
            found = {"norm_inclusief_vakantietoeslag": now.incl, "norm_exclusief_vakantietoeslag": now.excl}
            if year.asset_limits is not None:
                single, family = year.asset_limits
                found["vermogensgrens"] = select(tables.partners | (tables.n_children > 0), family, single)
            return found

        applies = now.applies
        return SchemeResult(
            scheme_id=self.id,
            available=applies,
            reason_code=now.reason_code,
            reasons=REASONS,
            eligible=applies.copy(),
            conditions={"leeftijd_21_tot_aow": now.age_ok, "geen_kostendelers": now.no_sharers},
            amount_yearly=yearly,
            amount_monthly=now.incl,
            parts=LazyParts(parts),
            unverified=year.unverified,
        )
