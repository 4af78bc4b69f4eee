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
        result: I8 = np.where(self.age_ok, 1, 0).astype(np.int8)
        return result


def excl_from_incl(incl: I64, holiday: int, per: int) -> I64:
    """Norm without vakantietoeslag: incl x per / (per + holiday), rounded half up."""
    denominator = per + holiday
    result: I64 = (incl * per * 2 + denominator) // (2 * denominator)
    return result


def norms_on(tables: Tables, on: dt.date, params: ParamsAt) -> Norms:
    """The bijstandsnorm for each household on one date (vectorised, for municipal rules)."""
    incl = np.where(
        tables.partners, params.money("bijstandsnorm.gehuwden"), params.money("bijstandsnorm.alleenstaande")
    ).astype(np.int64)
    rate = params.rate("bijstandsnorm.vakantietoeslag")
    aow_months = params.integer("algemeen.aow_leeftijd")
    own_adults = np.where(tables.partners, 2, 1)
    age_ok = (tables.min_adult_age >= MIN_AGE) & (tables.max_adult_age * 12 < aow_months)
    no_sharers = tables.n_adults <= own_adults
    return Norms(incl, rate, age_ok, no_sharers, params.unverified)


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
        now = norms_on(tables, on, tree.at(on))
        yearly_single = yearly_couple = 0
        unverified = now.unverified
        for month in range(1, 13):
            params = tree.at(dt.date(on.year, month, 1))
            yearly_single += params.money("bijstandsnorm.alleenstaande")
            yearly_couple += params.money("bijstandsnorm.gehuwden")
            unverified = unverified or params.unverified
        yearly = np.where(tables.partners, yearly_couple, yearly_single).astype(np.int64)

        def parts() -> dict[str, I64]:
            found = {"norm_inclusief_vakantietoeslag": now.incl, "norm_exclusief_vakantietoeslag": now.excl}
            found.update(self._asset_limits(tables, tree.at(on)))
            return found

        return SchemeResult(
            scheme_id=self.id,
            available=now.applies,
            reason_code=now.reason_code,
            reasons=REASONS,
            eligible=now.applies,
            conditions={"leeftijd_21_tot_aow": now.age_ok, "geen_kostendelers": now.no_sharers},
            amount_yearly=yearly,
            amount_monthly=now.incl,
            parts=LazyParts(parts),
            unverified=unverified,
        )

    @staticmethod
    def _asset_limits(tables: Tables, params: ParamsAt) -> dict[str, I64]:
        try:
            single = params.money("bijstandsnorm.vermogensgrens_alleenstaande")
            family = params.money("bijstandsnorm.vermogensgrens_gezin")
        except MissingParameter:
            return {}
        with_family = tables.partners | (tables.n_children > 0)
        return {"vermogensgrens": np.where(with_family, family, single).astype(np.int64)}
