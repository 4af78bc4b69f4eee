"""The reform engine (pure): a baseline and a reform over the same population (ADR 0034).

A reform changes one scheme row of a municipality (its income limit, amount, children's age band or
start date) or adds a new row; `compare` evaluates baseline and reform over the same `Tables` and
answers households, children and yearly cost for each. The screener's editor preview uses `reach`
from here. By default the parameters are the last known ones (`load_parameters_last_known`), so a
future date is computed with the last published national values (and callers say so).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from kansrijk.rules.engine import evaluate
from kansrijk.rules.local import LocalRule, LocalScheme, select_rules
from kansrijk.rules.money import format_euros_nl
from kansrijk.rules.params import ParameterTree, load_parameters_last_known
from kansrijk.rules.schemes import SchemeRegistry
from kansrijk.rules.tables import Tables


@dataclass(frozen=True)
class Reach:
    households: int
    children: int
    cost_cents: int
    available: bool = True

    @property
    def cost(self) -> str:
        return format_euros_nl(self.cost_cents)


NONE = Reach(0, 0, 0)


def reach(rule: LocalRule | None, tables: Tables, on: dt.date, tree: ParameterTree | None = None) -> Reach | None:
    """Households and children entitled, and the yearly cost, over a population."""
    if rule is None:
        return None
    local = LocalScheme(rule)
    # The last known national norms where those of `on` are not yet published (callers say so).
    result = evaluate(tables, on, SchemeRegistry([local]), tree or load_parameters_last_known())[0]
    if not result.available.any():
        return Reach(0, 0, 0, available=False)
    cost = int(result.amount_yearly.sum()) if result.amount_yearly is not None else 0
    return Reach(int(result.eligible.sum()), int(result.counts["kinderen"].sum()), cost)


@dataclass(frozen=True)
class Reform:
    """A change of one scheme (`key`), or a new scheme (`new_rule`); `None` fields stay as they are."""

    key: str
    income_limit_percent: int | None = None
    amount_per_child: int | None = None
    amount_per_household: int | None = None
    child_age_min: int | None = None
    child_age_max: int | None = None
    start: dt.date | None = None
    new_rule: LocalRule | None = None

    def apply(self, rule: LocalRule | None) -> LocalRule | None:
        if self.new_rule is not None:
            return self.new_rule
        if rule is None:
            return None
        changes = {
            name: value
            for name in ("income_limit_percent", "amount_per_child", "amount_per_household", "child_age_min")
            if (value := getattr(self, name)) is not None
        }
        if self.child_age_max is not None:
            changes["child_age_max"] = self.child_age_max
        if self.start is not None:
            changes["start"] = self.start
        return replace(rule, bands=() if self.amount_per_child is not None else rule.bands, **changes)


@dataclass(frozen=True)
class Comparison:
    baseline: Reach
    reform: Reach


def compare(
    rules: Sequence[LocalRule],
    reform: Reform,
    municipality: str,
    tables: Tables,
    on: dt.date,
    tree: ParameterTree | None = None,
) -> Comparison:
    """Baseline and reform of one scheme over the same population on one date."""
    in_force = {rule.key: rule for rule in select_rules(rules, municipality, on)}
    base = in_force.get(reform.key)
    changed = reform.apply(base if base is not None else next((r for r in rules if r.key == reform.key), None))
    if changed is not None and not changed.in_force(on):
        changed = None
    return Comparison(reach(base, tables, on, tree) or NONE, reach(changed, tables, on, tree) or NONE)
