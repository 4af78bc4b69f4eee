"""Huurtoeslag, the 2026 system (Wet op de huurtoeslag as of 1 January 2026).

Per month: rekenhuur = min(kale huur, maximale rekenhuur) (the kwaliteitskortingsgrens
when every adult is under 21); part A = min(rekenhuur, kwaliteitskortingsgrens) - basishuur;
part B = 65% of the rent between kwaliteitskortingsgrens and aftoppingsgrens; part C = 40%
above the aftoppingsgrens; minus (income - inkomensijkpunt) x afbouw% / 12. 2025 (the old
system) has no parameters here: it answers `available: false`.
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
    unavailable,
)
from kansrijk.rules.tables import I64, Bools, Tables

WHT = Reference("Wet op de huurtoeslag (versie 1 januari 2026)", "https://wetten.overheid.nl/BWBR0008659/2026-01-01")
AWIR_14 = Reference(
    "Algemene wet inkomensafhankelijke regelingen, art. 14 lid 5",
    "https://wetten.overheid.nl/BWBR0018472/2026-01-01#Artikel14",
)
ADULT_AGE, YOUNG_AGE = 18, 21
NEW_SYSTEM = dt.date(2026, 1, 1)
BEFORE_2026 = (
    "Huurtoeslag: de regels van voor 2026 (het oude stelsel) rekenen we niet uit. "
    "De bedragen daarvan zijn niet goed genoeg bekend. Wij gokken niet."
)


class Huurtoeslag:
    id = "huurtoeslag"
    label = "Huurtoeslag"
    kind = KIND_NATIONAL
    conditions: tuple[ConditionSpec, ...] = (
        ConditionSpec("huurt_een_woning", "U betaalt huur.", "U betaalt geen huur.", WHT),
        ConditionSpec(
            "achttien_jaar_of_ouder",
            "U bent 18 jaar of ouder.",
            "U bent jonger dan 18 jaar. Dan krijgt u geen huurtoeslag.",
            WHT,
        ),
        ConditionSpec(
            "vermogen_niet_te_hoog",
            "Uw vermogen op 1 januari is niet hoger dan {vermogensgrens}.",
            "Uw vermogen op 1 januari is hoger dan {vermogensgrens}. Dan krijgt u geen huurtoeslag.",
            WHT,
        ),
        ConditionSpec(
            "inkomen_niet_te_hoog",
            "Uw inkomen is niet te hoog voor uw huur. De huurtoeslag is hoger dan nul.",
            "Uw inkomen is te hoog voor uw huur. De huurtoeslag komt uit op nul.",
            WHT,
        ),
        ConditionSpec(
            "minimaal_24_euro",
            "Het bedrag is minstens € 24 per jaar.",
            "Het bedrag is minder dan € 24 per jaar. Dan wordt het niet betaald.",
            AWIR_14,
        ),
    )

    def evaluate(self, tables: Tables, on: dt.date, tree: ParameterTree) -> SchemeResult:
        if on < NEW_SYSTEM:
            return unavailable(self.id, tables.size, BEFORE_2026)
        params = tree.at(dt.date(on.year, 1, 1))
        return guarded(self.label, self.id, lambda: self._compute(tables, params), tables.size)

    def _compute(self, tables: Tables, params: ParamsAt) -> SchemeResult:
        persons = tables.n_persons
        one_person = persons == 1
        kkg = params.money("huurtoeslag.kwaliteitskortingsgrens")
        cap = np.where(tables.max_adult_age < YOUNG_AGE, kkg, params.money("huurtoeslag.maximale_rekenhuur"))
        rekenhuur = np.minimum(tables.rent, cap)
        basishuur = self._by_size(one_person, params, "basishuur")
        aftop = np.where(
            persons <= 2,
            params.money("huurtoeslag.aftoppingsgrens_laag"),
            params.money("huurtoeslag.aftoppingsgrens_hoog"),
        )
        rate_b = params.rate("huurtoeslag.percentage_deel_b")
        rate_c = params.rate("huurtoeslag.percentage_deel_c")
        afb_one = params.rate("huurtoeslag.afbouwpercentage_eenpersoons")
        afb_more = params.rate("huurtoeslag.afbouwpercentage_meerpersoons")
        den = common_denominator(rate_b, rate_c, afb_one, afb_more) * 12  # per month
        part_a = np.maximum(0, np.minimum(rekenhuur, kkg) - basishuur) * den
        part_b = np.maximum(0, np.minimum(rekenhuur, aftop) - kkg) * scaled(rate_b, den)
        part_c = np.maximum(0, rekenhuur - aftop) * scaled(rate_c, den)
        ijkpunt = self._by_size(one_person, params, "inkomensijkpunt")
        afbouw = np.where(one_person, scaled(afb_one, den) // 12, scaled(afb_more, den) // 12)
        reduction = np.maximum(0, tables.income_household - ijkpunt) * afbouw
        monthly = np.maximum(0, part_a + part_b + part_c - reduction)
        computed = round_yearly(monthly * 12, den)
        limit, conditions = self._conditions(tables, params, monthly * 12, den)
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
            amount_monthly=np.where(eligible, paid_monthly(monthly, den), 0),
            parts=LazyParts(
                lambda: {
                    "rekenhuur": rekenhuur.astype(np.int64),
                    "deel_a": round_yearly(part_a, den),
                    "deel_b": round_yearly(part_b, den),
                    "deel_c": round_yearly(part_c, den),
                    "verlaging_inkomen": round_yearly(reduction, den),
                }
            ),
            unverified=params.unverified,
            context={"vermogensgrens": limit},
        )

    @staticmethod
    def _conditions(tables: Tables, params: ParamsAt, yearly: I64, den: int) -> tuple[I64, dict[str, Bools]]:
        limit: I64 = np.where(
            tables.partners,
            params.money("huurtoeslag.vermogensgrens_partner"),
            params.money("huurtoeslag.vermogensgrens_per_persoon"),
        ).astype(np.int64)
        minimum = params.money("algemeen.minimum_tegemoetkoming")
        return limit, {
            "huurt_een_woning": tables.rent > 0,
            "achttien_jaar_of_ouder": tables.applicant_age >= ADULT_AGE,
            "vermogen_niet_te_hoog": tables.assets <= limit,
            "inkomen_niet_te_hoog": (yearly > 0) | (tables.rent == 0),
            "minimaal_24_euro": (yearly == 0) | at_least_minimum(yearly, den, minimum),
        }

    @staticmethod
    def _by_size(one_person: Bools, params: ParamsAt, name: str) -> I64:
        result: I64 = np.where(
            one_person,
            params.money(f"huurtoeslag.{name}_eenpersoons"),
            params.money(f"huurtoeslag.{name}_meerpersoons"),
        ).astype(np.int64)
        return result
