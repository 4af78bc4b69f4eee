"""Zorgtoeslag (Wet op de zorgtoeslag): a yearly amount, paid per month.

amount = standaardpremie (x 2 with a toeslagpartner) - normpremie, where
normpremie = p1 x drempelinkomen + p2 x max(0, income - drempelinkomen); halved when the
toeslagpartner is not insured; 0 when assets on 1 January exceed the limit; not granted
when it rounds (to whole euros) below € 24 (Awir art. 14 lid 4-5).
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from kansrijk.rules.params import ParameterTree, ParamsAt, Reference
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
from kansrijk.rules.tables import I64, Tables


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
        return guarded(self.label, self.id, lambda: self._compute(tables, tree.at(dt.date(on.year, 1, 1))), tables.size)

    def _compute(self, tables: Tables, params: ParamsAt) -> SchemeResult:
        premium = params.money("zorgtoeslag.standaardpremie")
        drempel = params.money("algemeen.drempelinkomen")
        p_single = params.rate("zorgtoeslag.normpercentage_alleenstaande")
        p_partner = params.rate("zorgtoeslag.normpercentage_partner")
        p_excess = params.rate("zorgtoeslag.percentage_boven_drempel")
        den = common_denominator(p_single, p_partner, p_excess) * 2  # x 2: room for halving
        partners = tables.partners
        premiums = np.where(partners, 2 * premium, premium).astype(np.int64)
        base_norm = np.where(partners, scaled(p_partner, den), scaled(p_single, den)) * drempel
        excess = np.maximum(0, tables.income_toeslag - drempel)
        normpremie = base_norm + excess * scaled(p_excess, den)
        full = np.maximum(0, premiums * den - normpremie)
        halved = partners & (tables.n_insured == 1)
        numerator = np.where(halved, full // 2, full)  # den is even: halving stays exact
        computed = round_yearly(numerator, den)
        limit = self._asset_limit(tables, params)
        conditions = {
            "achttien_jaar_of_ouder": (tables.applicant_age >= ADULT_AGE)
            | (partners & (tables.max_adult_age >= ADULT_AGE)),
            "verzekerd": tables.n_insured >= 1,
            "vermogen_niet_te_hoog": tables.assets <= limit,
            "inkomen_niet_te_hoog": computed > 0,
            "minimaal_24_euro": at_least_minimum(numerator, den, params.money("algemeen.minimum_tegemoetkoming")),
        }
        eligible = np.logical_and.reduce(list(conditions.values()))
        available, reason_code = all_available(tables.size)
        return SchemeResult(
            scheme_id=self.id,
            available=available,
            reason_code=reason_code,
            reasons=(),
            eligible=eligible,
            conditions=conditions,
            amount_yearly=np.where(eligible, computed, 0),
            amount_monthly=np.where(eligible, paid_monthly(numerator, 12 * den), 0),
            parts=LazyParts(
                lambda: {
                    "standaardpremie": premiums,
                    "normpremie": round_yearly(normpremie, den),
                    "halvering_partner_niet_verzekerd": np.where(halved, round_yearly(full, den) - computed, 0),
                }
            ),
            unverified=params.unverified,
            context={"vermogensgrens": limit},
        )

    @staticmethod
    def _asset_limit(tables: Tables, params: ParamsAt) -> I64:
        limit: I64 = np.where(
            tables.partners,
            params.money("zorgtoeslag.vermogensgrens_partner"),
            params.money("zorgtoeslag.vermogensgrens_alleenstaande"),
        ).astype(np.int64)
        return limit
