"""Huurtoeslag, the 2026 system (Wet op de huurtoeslag as of 1 January 2026).

Per month: rekenhuur = min(kale huur, maximale rekenhuur) (the kwaliteitskortingsgrens
when every adult is under 21); part A = min(rekenhuur, kwaliteitskortingsgrens) - basishuur;
part B = 65% of the rent between kwaliteitskortingsgrens and aftoppingsgrens; part C = 40%
above the aftoppingsgrens; minus (income - inkomensijkpunt) x afbouw% / 12. 2025 (the old
system) has no parameters here: it answers `available: false`.
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


@dataclass(frozen=True)
class YearParameters:
    """What the scheme reads for one year, converted once (memoised per parameter tree)."""

    kkg: int  # kwaliteitskortingsgrens
    max_rekenhuur: int
    basishuur: tuple[int, int]  # (eenpersoons, meerpersoons)
    aftop: tuple[int, int]  # (laag, hoog)
    den: int  # per month: common denominator of the rates x 12
    rate_b: int  # x den
    rate_c: int
    afbouw: tuple[int, int]  # per month x den: (eenpersoons, meerpersoons)
    ijkpunt: tuple[int, int]
    limit_partner: int
    limit_per_person: int
    minimum: int
    unverified: bool


def year_parameters(tree: ParameterTree, year: int) -> YearParameters:
    return tree.memo(("huurtoeslag.year", year), lambda: _read_year(tree, year))


def _read_year(tree: ParameterTree, year: int) -> YearParameters:
    params = tree.at(dt.date(year, 1, 1))
    kkg = params.money("huurtoeslag.kwaliteitskortingsgrens")
    max_rekenhuur = params.money("huurtoeslag.maximale_rekenhuur")
    basishuur = (params.money("huurtoeslag.basishuur_eenpersoons"), params.money("huurtoeslag.basishuur_meerpersoons"))
    aftop = (params.money("huurtoeslag.aftoppingsgrens_laag"), params.money("huurtoeslag.aftoppingsgrens_hoog"))
    rate_b = params.rate("huurtoeslag.percentage_deel_b")
    rate_c = params.rate("huurtoeslag.percentage_deel_c")
    afb_one = params.rate("huurtoeslag.afbouwpercentage_eenpersoons")
    afb_more = params.rate("huurtoeslag.afbouwpercentage_meerpersoons")
    den = common_denominator(rate_b, rate_c, afb_one, afb_more) * 12  # per month
    ijkpunt = (
        params.money("huurtoeslag.inkomensijkpunt_eenpersoons"),
        params.money("huurtoeslag.inkomensijkpunt_meerpersoons"),
    )
    limit_partner = params.money("huurtoeslag.vermogensgrens_partner")
    limit_per_person = params.money("huurtoeslag.vermogensgrens_per_persoon")
    minimum = params.money("algemeen.minimum_tegemoetkoming")
    return YearParameters(
        kkg, max_rekenhuur, basishuur, aftop, den, scaled(rate_b, den), scaled(rate_c, den),
        (scaled(afb_one, den) // 12, scaled(afb_more, den) // 12), ijkpunt,
        limit_partner, limit_per_person, minimum, params.unverified,
    )  # fmt: skip


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
        return guarded(self.label, self.id, lambda: self._compute(tables, year_parameters(tree, on.year)), tables.size)

    def _compute(self, tables: Tables, year: YearParameters) -> SchemeResult:
        persons = tables.n_persons
        one_person = persons == 1
        kkg, den = year.kkg, year.den
        rekenhuur = np.minimum(tables.rent, select(tables.max_adult_age < YOUNG_AGE, kkg, year.max_rekenhuur))
        part_a = np.maximum(np.minimum(rekenhuur, kkg) - select(one_person, *year.basishuur), 0) * den
        aftop = select(persons <= 2, *year.aftop)
        part_b = np.maximum(np.minimum(rekenhuur, aftop) - kkg, 0) * year.rate_b
        part_c = np.maximum(rekenhuur - aftop, 0) * year.rate_c
        excess = np.maximum(tables.income_household - select(one_person, *year.ijkpunt), 0)
        reduction = excess * select(one_person, *year.afbouw)
        monthly = np.maximum(part_a + part_b + part_c - reduction, 0)
        yearly = monthly * 12
        computed = round_yearly(yearly, den)
        limit, conditions = self._conditions(tables, year, yearly)
        eligible = conditions["huurt_een_woning"] & conditions["achttien_jaar_of_ouder"]
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
            amount_monthly=paid_monthly(monthly, den) * eligible,
            parts=LazyParts(
                lambda: {
                    "rekenhuur": rekenhuur.astype(np.int64),
                    **dict(
                        zip(
                            ("deel_a", "deel_b", "deel_c", "verlaging_inkomen"),
                            round_yearly(np.stack([part_a, part_b, part_c, reduction]), den),
                            strict=True,
                        )
                    ),
                }
            ),
            unverified=year.unverified,
            context={"vermogensgrens": limit},
        )

    @staticmethod
    def _conditions(tables: Tables, year: YearParameters, yearly: I64) -> tuple[I64, dict[str, Bools]]:
        limit = select(tables.partners, year.limit_partner, year.limit_per_person)
        return limit, {
            "huurt_een_woning": tables.rent > 0,
            "achttien_jaar_of_ouder": tables.applicant_age >= ADULT_AGE,
            "vermogen_niet_te_hoog": tables.assets <= limit,
            "inkomen_niet_te_hoog": (yearly > 0) | (tables.rent == 0),
            "minimaal_24_euro": (yearly == 0) | at_least_minimum(yearly, year.den, year.minimum),
        }
