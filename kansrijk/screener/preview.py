"""The editor's preview: a changed scheme against the current one, for example families and for the
synthetic population of a municipality (seeded, cached per process): households and children
reached and the cost per year.

The example families sit around the new income limit (ADR 0020): for each household type the limit
is computed from that type's bijstandsnorm on the preview date (or the leefgeld norm plus rent), and
the families earn 1% less, exactly the limit, and 1% more. Without an income limit to compute, a
fixed set of families is shown.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import replace
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from kansrijk.rules.calibration import Targets
from kansrijk.rules.engine import explain
from kansrijk.rules.local import INCOME_LEEFGELD, INCOME_NORM, LocalRule, LocalScheme
from kansrijk.rules.money import parse_cents
from kansrijk.rules.params import MissingParameter, load_parameters_last_known
from kansrijk.rules.population import generate
from kansrijk.rules.reform import reach
from kansrijk.rules.schemes import SchemeRegistry
from kansrijk.rules.schemes.bijstandsnorm import norms_on
from kansrijk.rules.tables import Adult, Child, Household, Tables, build_tables
from kansrijk.screener.changelog import euros
from kansrijk.screener.constants import PREVIEW_SEED
from kansrijk.screener.honesty import norms_note
from kansrijk.screener.population import population_targets_cached

CSV = Path(__file__).resolve().parents[1] / "municipalities" / "data" / "gemeenten_bevolking_oppervlakte_2024.csv"
_lock = threading.Lock()
_populations: dict[tuple[str, int], Tables] = {}
MAX_CACHED = 8


def _targets() -> Targets | None:
    """The CBS calibration targets (ADR 0032); None when no CBS figures are loaded (then the
    population keeps the national draw)."""
    try:
        return population_targets_cached()
    except ValueError:
        return None


def population_for(municipality: str, year: int) -> Tables:
    """The seeded synthetic population of one municipality (children's ages on 1 January of `year`),
    calibrated to its CBS figures (ADR 0032)."""
    key = (municipality, year)
    with _lock:
        if key not in _populations:
            if len(_populations) >= MAX_CACHED:
                _populations.pop(next(iter(_populations)))
            _populations[key] = generate(
                CSV, on=dt.date(year, 1, 1), municipality=municipality, seed=PREVIEW_SEED, targets=_targets()
            )
        return _populations[key]


def _here(rule: LocalRule | None, municipality: str) -> LocalRule | None:
    """A municipal row evaluated for the municipality of the preview."""
    if rule is None or rule.kind != "municipal":
        return rule
    return replace(rule, municipality=municipality)


def _adult(age: int, net: int) -> Adult:
    return Adult(age=age, taxable_income_yearly=net * 12 * 13 // 10, net_income_monthly=net, insured=True)


def _school(age: int) -> str:
    return "none" if age < 4 else "primary" if age < 12 else "secondary"


def kids(*ages: int) -> tuple[Child, ...]:
    return tuple(Child(a, None, _school(a)) for a in ages)


def _family(adults: tuple[Adult, ...], children: tuple[Child, ...], municipality: str) -> Household:
    return Household(adults, children, len(adults) == 2, 100_000, 70_000, municipality)


def example_households(municipality: str) -> list[tuple[str, Household]]:
    """A few fixed families to show the change on (net incomes per month), for a scheme without an
    income limit to compute."""

    def family(adults: tuple[Adult, ...], children: tuple[Child, ...]) -> Household:
        return _family(adults, children, municipality)

    return [
        ("Eén ouder, 1 kind van 8, netto € 1.400", family((_adult(32, 140_000),), kids(8))),
        ("Eén ouder, kinderen van 5 en 13, netto € 1.700", family((_adult(38, 170_000),), kids(5, 13))),
        ("Twee ouders, 3 kinderen, netto € 2.300", family((_adult(40, 230_000), _adult(39, 0)), kids(4, 9, 15))),
        ("Twee ouders, 2 kinderen, netto € 2.650", family((_adult(45, 265_000), _adult(44, 0)), kids(10, 16))),
    ]


def income_limit(rule: LocalRule, household: Household, on: dt.date) -> int | None:
    """The highest net monthly income (cents) at which this household passes the rule's income test,
    computed as the rules engine does; None without an income limit or without the norms for `on`."""
    if rule.income_test == INCOME_NORM and rule.income_limit_percent is not None:
        try:
            norms = norms_on(build_tables([household], on), on, load_parameters_last_known().at(on))
        except MissingParameter:
            return None
        norm = norms.incl if rule.norm_with_holiday else norms.excl
        return int(norm[0]) * rule.income_limit_percent // 100
    if rule.income_test == INCOME_LEEFGELD and rule.leefgeld_base is not None:
        persons = len(household.adults) + len(household.children)
        return rule.leefgeld_base + (rule.leefgeld_per_person or 0) * (persons - 1) + household.rent_monthly
    return None


def _ages_in_range(rule: LocalRule, *preferred: int) -> tuple[Child, ...]:
    """Children whose ages (and school) fit the rule, so only the income decides."""
    low = rule.child_age_min or 0
    high = rule.child_age_max if rule.child_age_max is not None else max(low, 17)
    ages = [min(max(age, low), high) for age in preferred]
    if rule.schools:
        return tuple(Child(age, None, rule.schools[0]) for age in ages)
    return kids(*ages)


# (percent of the limit, how it is said): just below, at, just above the limit.
AROUND = ((99, "1% onder de grens"), (100, "precies op de grens"), (101, "1% boven de grens"))


def _income_at(limit: int, percent: int) -> int:
    """`percent` % of the limit in cents: rounded down below it, up above it (never on the wrong side)."""
    return limit * percent // 100 if percent <= 100 else -(-limit * percent // 100)


def around_limit_households(rule: LocalRule, municipality: str, on: dt.date) -> list[tuple[str, Household]]:
    """Per household type, families just below (−1%), at and just above (+1%) the rule's income limit."""
    types = [
        (_("Eén ouder, %(n)s kind(eren) van %(ages)s"), (35,), _ages_in_range(rule, 8)),
        (_("Twee ouders, %(n)s kind(eren) van %(ages)s"), (40, 38), _ages_in_range(rule, 6, 13)),
    ]
    named: list[tuple[str, Household]] = []
    for words, adult_ages, children in types:
        probe = _family(tuple(_adult(age, 0) for age in adult_ages), children, municipality)
        limit = income_limit(rule, probe, on)
        if limit is None:
            return []
        who = words % {"n": len(children), "ages": " en ".join(str(c.age) for c in children)}
        for percent, where in AROUND:
            net = _income_at(limit, percent)
            adults = (_adult(adult_ages[0], net), *(_adult(age, 0) for age in adult_ages[1:]))
            values = {"who": who, "net": euros(net), "where": _(where)}
            text = _("%(who)s: netto %(net)s per maand (%(where)s)") % values
            named.append((text, _family(adults, children, municipality)))
    return named


def _cell(result: dict[str, Any]) -> dict[str, Any]:
    yearly = result.get("amount_yearly")
    return {**result, "amount_text": euros(parse_cents(yearly)) if yearly is not None else ""}


def _example(rule: LocalRule | None, households: list[Household], on: dt.date) -> list[dict[str, Any] | None]:
    if rule is None:
        return [None] * len(households)
    answers = explain(households, on, SchemeRegistry([LocalScheme(rule)]), load_parameters_last_known())
    return [_cell(answer[0]) for answer in answers]


EXAMPLES_AROUND_NOTE = (
    "We kozen deze gezinnen zo dat hun inkomen net onder de nieuwe inkomensgrens ligt (1% lager), "
    "precies op de grens, of net erboven (1% hoger), zodat u ziet wie er wel en niet bij kan."
)
EXAMPLES_FIXED_NOTE = (
    "Deze regeling heeft geen inkomensgrens die we kunnen uitrekenen; daarom ziet u vaste voorbeeldgezinnen."
)


def examples(old: LocalRule | None, new: LocalRule, municipality: str, on: dt.date) -> tuple[list[dict[str, Any]], str]:
    """Old vs new for the example families, and the one sentence that says why these families."""
    around = around_limit_households(new, municipality, on)
    named = around or example_households(municipality)
    households = [household for _name, household in named]
    before, after = _example(old, households, on), _example(new, households, on)
    rows = [{"name": name, "old": b, "new": a} for (name, _h), b, a in zip(named, before, after, strict=True)]
    return rows, _(EXAMPLES_AROUND_NOTE) if around else _(EXAMPLES_FIXED_NOTE)


def preview(old: LocalRule | None, new: LocalRule, municipality: str, on: dt.date) -> dict[str, Any]:
    """Old vs new for example families and the municipality's synthetic population."""
    tables = population_for(municipality, on.year)
    old, here = _here(old, municipality), _here(new, municipality)
    assert here is not None
    rows, note = examples(old, here, municipality, on)
    new = here
    return {
        "municipality": municipality,
        "on": on,
        "households": tables.size,
        "old": reach(old, tables, on),
        "new": reach(new, tables, on),
        "examples": rows,
        "examples_note": note,
        "norms_note": norms_note(on),
    }
