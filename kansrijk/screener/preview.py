"""The editor's preview: a changed scheme against the current one, for example families and for the
synthetic population of a municipality (seeded, cached per process): households and children
reached and the cost per year.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from kansrijk.rules.engine import evaluate, explain
from kansrijk.rules.local import LocalRule, LocalScheme
from kansrijk.rules.money import format_euros_nl
from kansrijk.rules.params import load_parameters_last_known
from kansrijk.rules.population import generate
from kansrijk.rules.schemes import SchemeRegistry
from kansrijk.rules.tables import Adult, Child, Household, Tables
from kansrijk.screener.constants import PREVIEW_SEED
from kansrijk.screener.honesty import norms_note

CSV = Path(__file__).resolve().parents[1] / "municipalities" / "data" / "gemeenten_bevolking_oppervlakte_2024.csv"
_lock = threading.Lock()
_populations: dict[tuple[str, int], Tables] = {}
MAX_CACHED = 8


def population_for(municipality: str, year: int) -> Tables:
    """The seeded synthetic population of one municipality (children's ages on 1 January of `year`)."""
    key = (municipality, year)
    with _lock:
        if key not in _populations:
            if len(_populations) >= MAX_CACHED:
                _populations.pop(next(iter(_populations)))
            _populations[key] = generate(CSV, on=dt.date(year, 1, 1), municipality=municipality, seed=PREVIEW_SEED)
        return _populations[key]


@dataclass(frozen=True)
class Reach:
    households: int
    children: int
    cost_cents: int
    available: bool = True

    @property
    def cost(self) -> str:
        return format_euros_nl(self.cost_cents)


def reach(rule: LocalRule | None, tables: Tables, on: dt.date) -> Reach | None:
    """Households and children entitled, and the yearly cost, over a population."""
    if rule is None:
        return None
    local = LocalScheme(rule)
    # The last known national norms where those of `on` are not yet published (said in the preview).
    result = evaluate(tables, on, SchemeRegistry([local]), load_parameters_last_known())[0]
    if not result.available.any():
        return Reach(0, 0, 0, available=False)
    cost = int(result.amount_yearly.sum()) if result.amount_yearly is not None else 0
    return Reach(int(result.eligible.sum()), int(result.counts["kinderen"].sum()), cost)


def _here(rule: LocalRule | None, municipality: str) -> LocalRule | None:
    """A municipal row evaluated for the municipality of the preview."""
    if rule is None or rule.kind != "municipal":
        return rule
    return replace(rule, municipality=municipality)


def _adult(age: int, net: int) -> Adult:
    return Adult(age=age, taxable_income_yearly=net * 12 * 13 // 10, net_income_monthly=net, insured=True)


def example_households(municipality: str) -> list[tuple[str, Household]]:
    """A few families to show the change on (net incomes per month)."""

    def kids(*ages: int) -> tuple[Child, ...]:
        return tuple(Child(a, None, "none" if a < 4 else "primary" if a < 12 else "secondary") for a in ages)

    def family(adults: tuple[Adult, ...], children: tuple[Child, ...]) -> Household:
        return Household(adults, children, len(adults) == 2, 100_000, 70_000, municipality)

    return [
        ("Eén ouder, 1 kind van 8, netto € 1.400", family((_adult(32, 140_000),), kids(8))),
        ("Eén ouder, kinderen van 5 en 13, netto € 1.700", family((_adult(38, 170_000),), kids(5, 13))),
        ("Twee ouders, 3 kinderen, netto € 2.300", family((_adult(40, 230_000), _adult(39, 0)), kids(4, 9, 15))),
        ("Twee ouders, 2 kinderen, netto € 2.650", family((_adult(45, 265_000), _adult(44, 0)), kids(10, 16))),
    ]


def _example(rule: LocalRule | None, households: list[Household], on: dt.date) -> list[dict[str, Any] | None]:
    if rule is None:
        return [None] * len(households)
    answers = explain(households, on, SchemeRegistry([LocalScheme(rule)]), load_parameters_last_known())
    return [answer[0] for answer in answers]


def examples(old: LocalRule | None, new: LocalRule, municipality: str, on: dt.date) -> list[dict[str, Any]]:
    named = example_households(municipality)
    households = [household for _name, household in named]
    before, after = _example(old, households, on), _example(new, households, on)
    return [{"name": name, "old": b, "new": a} for (name, _h), b, a in zip(named, before, after, strict=True)]


def preview(old: LocalRule | None, new: LocalRule, municipality: str, on: dt.date) -> dict[str, Any]:
    """Old vs new for example families and the municipality's synthetic population."""
    tables = population_for(municipality, on.year)
    old, here = _here(old, municipality), _here(new, municipality)
    assert here is not None
    new = here
    return {
        "municipality": municipality,
        "on": on,
        "households": tables.size,
        "old": reach(old, tables, on),
        "new": reach(new, tables, on),
        "examples": examples(old, new, municipality, on),
        "norms_note": norms_note(on),
    }
