"""Baseline: the kindgebonden budget and a municipal income-limit rule in openfisca-core vs ours.

Usage: .venv/bin/python bench/rules_openfisca.py [--households 1000000]
Needs `openfisca-core` (pyproject optional group `bench`). Both engines read the SAME parameter
YAML tree (kansrijk/rules/parameters). Children keep one age all year (no birthdays inside the
year), so the yearly kindgebonden budget is one formula on both sides. The municipal rule:
net income per month <= 120% of the bijstandsnorm (incl. vakantietoeslag) for the household
type. Reports both times, our time / theirs, and whether counts and amounts agree (OpenFisca
computes in float32 euros; ours in int64 cents, so amounts are compared to the cent).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from openfisca_core.entities import build_entity  # noqa: E402
from openfisca_core.model_api import max_, round_, where  # noqa: E402
from openfisca_core.periods import DateUnit  # noqa: E402
from openfisca_core.simulations import SimulationBuilder  # noqa: E402
from openfisca_core.taxbenefitsystems import TaxBenefitSystem  # noqa: E402
from openfisca_core.variables import Variable  # noqa: E402

from kansrijk.rules.engine import evaluate_population, tune_allocator  # noqa: E402
from kansrijk.rules.params import PARAMETERS_DIR, load_parameters  # noqa: E402
from kansrijk.rules.population import generate  # noqa: E402
from kansrijk.rules.schemes import SchemeRegistry  # noqa: E402
from kansrijk.rules.schemes.bijstandsnorm import norms_on  # noqa: E402
from kansrijk.rules.schemes.kindgebonden_budget import KindgebondenBudget  # noqa: E402
from kansrijk.rules.tables import Tables  # noqa: E402

CSV = ROOT / "kansrijk" / "municipalities" / "data" / "gemeenten_bevolking_oppervlakte_2024.csv"
ON = dt.date(2026, 1, 1)
PERCENT = 120

Household = build_entity(
    "household",
    "households",
    "Huishouden",
    roles=[
        {"key": "parent", "plural": "parents", "label": "Ouder", "max": 2},
        {"key": "child", "plural": "children", "label": "Kind"},
    ],
)
Person = build_entity("person", "persons", "Persoon", is_person=True)


def _variable(name: str, kind: type, entity: object) -> type:
    return type(name, (Variable,), {"value_type": kind, "entity": entity, "definition_period": DateUnit.YEAR})


INPUTS = [
    _variable("age", int, Person),
    _variable("income", float, Household),
    _variable("assets", float, Household),
    _variable("partners", bool, Household),
    _variable("net_income_monthly", float, Household),
]


class kindgebonden_budget(Variable):
    value_type = float
    entity = Household
    definition_period = DateUnit.YEAR

    def formula(household, period, parameters):  # type: ignore[no-untyped-def]
        p = parameters(period.start)
        kgb = p.kindgebonden_budget
        age = household.members("age", period)
        child = household.members.has_role(Household.CHILD)
        n = household.sum(child)
        n12 = household.sum(child * (age >= 12) * (age < 16))
        n16 = household.sum(child * (age >= 16) * (age < 18))
        partners = household("partners", period)
        base = n * kgb.bedrag_per_kind + n12 * kgb.verhoging_12_15 + n16 * kgb.verhoging_16_17
        base = base + where(~partners & (n > 0), kgb.alleenstaande_ouderkop, 0)
        threshold = p.algemeen.drempelinkomen + where(partners, kgb.verhoging_drempel_partner, 0)
        excess = max_(0, household("income", period) - threshold)
        amount = max_(0, base - kgb.afbouwpercentage * excess)
        limit = where(partners, kgb.vermogensgrens_partner, kgb.vermogensgrens_alleenstaande)
        granted = (n > 0) & (household("assets", period) <= limit)
        granted = granted & (round_(amount) >= p.algemeen.minimum_tegemoetkoming)
        return where(granted, amount, 0)


class municipal_income_limit(Variable):
    value_type = bool
    entity = Household
    definition_period = DateUnit.YEAR

    def formula(household, period, parameters):  # type: ignore[no-untyped-def]
        norms = parameters(period.start).bijstandsnorm
        norm = where(household("partners", period), norms.gehuwden, norms.alleenstaande)
        return household("net_income_monthly", period) <= PERCENT / 100 * norm


def openfisca_system() -> TaxBenefitSystem:
    system = TaxBenefitSystem([Person, Household])
    for variable in [*INPUTS, kindgebonden_budget, municipal_income_limit]:
        system.add_variable(variable)
    system.load_parameters(str(PARAMETERS_DIR))
    return system


def constant_ages(tables: Tables) -> Tables:
    """Children keep their age on ON all year (the comparison is one yearly formula)."""
    age = tables.child_age_on(ON)
    tables.child_age_fixed = age.astype(np.int16)
    tables.child_birth_year = (ON.year - age - 1).astype(np.int16)
    tables.child_birth_md = np.full(age.shape[0], 1231, dtype=np.int16)
    return tables


def openfisca_simulation(system: TaxBenefitSystem, tables: Tables):  # type: ignore[no-untyped-def]
    size, n_children = tables.size, int(tables.n_children.sum())
    builder = SimulationBuilder()
    builder.create_entities(system)
    builder.declare_person_entity("person", np.arange(size + n_children))
    households = builder.declare_entity("household", np.arange(size))
    owner = np.concatenate([np.arange(size), tables.child_household])
    roles = np.array(["parent"] * size + ["child"] * n_children)
    builder.join_with_persons(households, owner, roles)
    simulation = builder.build(system)
    period = str(ON.year)
    ages = np.concatenate([tables.applicant_age, tables.child_age_on(ON)]).astype(np.int32)
    simulation.set_input("age", period, ages)
    simulation.set_input("income", period, tables.income_toeslag / 100)
    simulation.set_input("assets", period, tables.assets / 100)
    simulation.set_input("partners", period, tables.partners)
    simulation.set_input("net_income_monthly", period, tables.net_income_monthly / 100)
    return simulation


def ours(tables: Tables, workers: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    registry = SchemeRegistry([KindgebondenBudget()])
    if workers == 0:  # one call over the whole table, one thread
        result = KindgebondenBudget().evaluate(tables, ON, load_parameters())
    else:
        (result,) = evaluate_population(tables, ON, registry, workers=workers)
    norms = norms_on(tables, ON, load_parameters().at(ON))
    within = tables.net_income_monthly * 100 <= PERCENT * norms.incl
    assert result.amount_yearly is not None
    return result.eligible, result.amount_yearly, within


def timed(function, *args):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    value = function(*args)
    return value, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--households", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    tune_allocator()
    tables = constant_ages(generate(CSV, households=args.households, on=ON, seed=2))
    system = openfisca_system()
    build_times, their_times = [], []
    for _ in range(args.repeat):  # a fresh simulation each time: OpenFisca caches results
        simulation, build_time = timed(openfisca_simulation, system, tables)

        def theirs(simulation=simulation):  # type: ignore[no-untyped-def]
            return (simulation.calculate("kindgebonden_budget", str(ON.year)),
                    simulation.calculate("municipal_income_limit", str(ON.year)))  # fmt: skip

        (their_kgb, their_rule), their_time = timed(theirs)
        build_times.append(build_time)
        their_times.append(their_time)
    ours(tables, 0)  # warm up
    our_times = [timed(ours, tables, 0)[1] for _ in range(args.repeat)]
    our_times_2 = [timed(ours, tables, 2)[1] for _ in range(args.repeat)]
    eligible, amount, within = ours(tables, 0)
    their_time, our_time, our_time_2 = min(their_times), min(our_times), min(our_times_2)
    build_time = min(build_times)
    their_cents = np.rint(their_kgb.astype(np.float64) * 100).astype(np.int64)
    print(f"{tables.size:,} households, {int(tables.n_children.sum()):,} children, date {ON}")
    print(f"best of {args.repeat}; openfisca-core: simulation build {build_time:.2f} s, calculate {their_time:.3f} s")
    print(f"kansrijk.rules: {our_time:.3f} s (1 thread, whole table); {our_time_2:.3f} s (2 threads, chunks)")
    print(
        f"their time / ours: {their_time / our_time:.1f}x (1 thread), {their_time / our_time_2:.1f}x (2 threads); "
        f"with their simulation build: {(their_time + build_time) / our_time:.1f}x"
    )
    print(f"kindgebonden budget eligible: ours {int(eligible.sum()):,}, openfisca {int((their_kgb > 0).sum()):,}")
    print(
        f"  amounts equal to the cent: {int((their_cents == amount).sum()):,} of {tables.size:,}; "
        f"max difference {int(np.abs(their_cents - amount).max())} cent(s); "
        f"totals EUR {int(amount.sum()) / 100:,.2f} vs {float(their_kgb.astype(np.float64).sum()):,.2f}"
    )
    print(
        f"income <= {PERCENT}% bijstandsnorm: ours {int(within.sum()):,}, openfisca {int(their_rule.sum()):,}, "
        f"same answer for {int((within == their_rule).sum()):,} households"
    )


if __name__ == "__main__":
    main()
