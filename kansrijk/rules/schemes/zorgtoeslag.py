"""Zorgtoeslag (Wet op de zorgtoeslag): a yearly amount, paid per month.

amount = standaardpremie (x 2 with a toeslagpartner) - normpremie, where
normpremie = p1 x drempelinkomen + p2 x max(0, income - drempelinkomen); halved when the
toeslagpartner is not insured; 0 when assets on 1 January exceed the limit; not granted
when it rounds (to whole euros) below € 24 (Awir art. 14 lid 4-5).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from kansrijk.rules.money import select
from kansrijk.rules.params import ParameterTree, Reference
from kansrijk.rules.schemes.base import (
    KIND_NATIONAL,
    ConditionSpec,
    LazyParts,
    SchemeResult,
    all_available,
    at_least_minimum,
    common_denominator,
    guarded,
    paid_monthly,
    round_yearly,
    scaled,
)
from kansrijk.rules.tables import Tables


def _wzt(article: int) -> Reference:
    return Reference(
        f"Wet op de zorgtoeslag, art. {article}",
        f"https://wetten.overheid.nl/BWBR0018451/2026-01-01#Artikel{article}",
    )


AWIR_14 = Reference(
    "Algemene wet inkomensafhankelijke regelingen, art. 14 lid 5",
    "https://wetten.overheid.nl/BWBR0018472/2026-01-01#Artikel14",
)
ADULT_AGE = 18


@dataclass(frozen=True)
class YearParameters:
    """What the scheme reads for one year, converted once (memoised per parameter tree)."""

    premium: int
    drempel: int
    den: int  # common denominator of the rates, x 2 (room for halving)
    norm_single: int  # normpercentage x den x drempelinkomen
    norm_partner: int
    excess_rate: int  # percentage boven drempel x den
    limit_partner: int
    limit_single: int
    minimum: int
    unverified: bool


def year_parameters(tree: ParameterTree, year: int) -> YearParameters:
    return tree.memo(("zorgtoeslag.year", year), lambda: _read_year(tree, year))


def _read_year(tree: ParameterTree, year: int) -> YearParameters:
    params = tree.at(dt.date(year, 1, 1))
    premium = params.money("zorgtoeslag.standaardpremie")
    drempel = params.money("algemeen.drempelinkomen")
    p_single = params.rate("zorgtoeslag.normpercentage_alleenstaande")
    p_partner = params.rate("zorgtoeslag.normpercentage_partner")
    p_excess = params.rate("zorgtoeslag.percentage_boven_drempel")
    den = common_denominator(p_single, p_partner, p_excess) * 2
    limit_partner = params.money("zorgtoeslag.vermogensgrens_partner")
    limit_single = params.money("zorgtoeslag.vermogensgrens_alleenstaande")
    minimum = params.money("algemeen.minimum_tegemoetkoming")
    return YearParameters(
        premium, drempel, den, scaled(p_single, den) * drempel, scaled(p_partner, den) * drempel,
        scaled(p_excess, den), limit_partner, limit_single, minimum, params.unverified,
    )  # fmt: skip


class Zorgtoeslag:
    id = "zorgtoeslag"
    label = "Zorgtoeslag"
    kind = KIND_NATIONAL
    conditions: tuple[ConditionSpec, ...] = (
        ConditionSpec(
            "achttien_jaar_of_ouder",
            "U bent 18 jaar of ouder.",
            "U bent jonger dan 18 jaar. Dan krijgt u geen zorgtoeslag.",
            _wzt(1),
        ),
        ConditionSpec(
            "verzekerd",
            "U hebt een Nederlandse zorgverzekering.",
            "U en uw toeslagpartner hebben geen Nederlandse zorgverzekering.",
            _wzt(2),
        ),
        ConditionSpec(
            "vermogen_niet_te_hoog",
            "Uw vermogen op 1 januari is niet hoger dan {vermogensgrens}.",
            "Uw vermogen op 1 januari is hoger dan {vermogensgrens}. Dan krijgt u geen zorgtoeslag.",
            _wzt(3),
        ),
        ConditionSpec(
            "inkomen_niet_te_hoog",
            "Uw inkomen is niet te hoog. De zorgtoeslag is hoger dan nul.",
            "Uw inkomen is te hoog. De zorgtoeslag komt uit op nul.",
            _wzt(2),
        ),
        ConditionSpec(
            "minimaal_24_euro",
            "Het bedrag is minstens € 24 per jaar.",
            "Het bedrag is minder dan € 24 per jaar. Dan wordt het niet betaald.",
            AWIR_14,
        ),
    )

    def evaluate(self, tables: Tables, on: dt.date, tree: ParameterTree) -> SchemeResult:
        return guarded(self.label, self.id, lambda: self._compute(tables, year_parameters(tree, on.year)), tables.size)

    def _compute(self, tables: Tables, year: YearParameters) -> SchemeResult:
        den, partners = year.den, tables.partners
        premiums = select(partners, 2 * year.premium, year.premium)
        normpremie = select(partners, year.norm_partner, year.norm_single)
        normpremie += np.maximum(tables.income_toeslag - year.drempel, 0) * year.excess_rate
        full = np.maximum(premiums * den - normpremie, 0)
        halved = partners & (tables.n_insured == 1)
        numerator = full >> halved  # halving: den is even, so full // 2 stays exact
        computed = round_yearly(numerator, den)
        limit = select(partners, year.limit_partner, year.limit_single)
        conditions = {
            "achttien_jaar_of_ouder": (tables.applicant_age >= ADULT_AGE)
            | (partners & (tables.max_adult_age >= ADULT_AGE)),
            "verzekerd": tables.n_insured >= 1,
            "vermogen_niet_te_hoog": tables.assets <= limit,
            "inkomen_niet_te_hoog": computed > 0,
            "minimaal_24_euro": at_least_minimum(numerator, den, year.minimum),
        }
        eligible = conditions["achttien_jaar_of_ouder"] & conditions["verzekerd"]
        for name in ("vermogen_niet_te_hoog", "inkomen_niet_te_hoog", "minimaal_24_euro"):
            eligible &= conditions[name]
        available, reason_code = all_available(tables.size)
        return SchemeResult(
            scheme_id=self.id,
            available=available,
            reason_code=reason_code,
            reasons=(),
            eligible=eligible,
            conditions=conditions,
            amount_yearly=computed * eligible,
            amount_monthly=paid_monthly(numerator, 12 * den) * eligible,
            parts=LazyParts(
                lambda: {
                    "standaardpremie": premiums,
                    "normpremie": round_yearly(normpremie, den),
                    "halvering_partner_niet_verzekerd": (round_yearly(full, den) - computed) * halved,
                }
            ),
            unverified=year.unverified,
            context={"vermogensgrens": limit},
        )
