"""Baseline: the kindgebonden budget and a municipal income-limit rule in openfisca-core vs ours.

Usage: .venv/bin/python bench/rules_openfisca.py [--households 1000000] [--repeat 5]
Needs `openfisca-core` (pyproject optional group `bench`). Both engines read the SAME parameter
YAML tree (kansrijk/rules/parameters). Children keep one age all year (no birthdays inside the
year), so the yearly kindgebonden budget is one formula on both sides. The municipal rule:
net income per month <= 120% of the bijstandsnorm (incl. vakantietoeslag) for the household
type, counted.

The SAME work is timed on both sides: from household/person arrays to (a) the yearly
kindgebonden budget per household and (b) the income-limit answer per household (and its count).
- OpenFisca: building the simulation from the arrays (entities, roles, `set_input`) + `calculate`
  of both variables - what a user of openfisca-core must do to get the answer from arrays - and,
  separately, `calculate` alone (on a fresh simulation each time: OpenFisca caches results).
- Ours: `KindgebondenBudget().evaluate` (the code the engine runs; it also gives the monthly
  amount and the condition arrays) and `norms_on` + the same comparison the municipal rules use,
  over the table in chunks of `--chunk` households, on 1 thread and on 2 threads.
Reports best and median of `--repeat` runs, both ratios, and whether counts and amounts agree
(OpenFisca computes in float32 euros; ours in int64 cents, so amounts are compared to the cent).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
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

from kansrijk.rules.engine import tune_allocator  # noqa: E402
from kansrijk.rules.params import PARAMETERS_DIR, load_parameters  # noqa: E402
from kansrijk.rules.population import generate  # noqa: E402
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


def ours(tables: Tables, workers: int, chunk: int) -> tuple[np.ndarray, np.ndarray]:
    """The yearly kindgebonden budget and the 120% answer per household, chunk by chunk."""
    tree = load_parameters()
    scheme = KindgebondenBudget()
    amount = np.zeros(tables.size, dtype=np.int64)
    within = np.zeros(tables.size, dtype=np.bool_)

    def run(start: int) -> None:
        stop = min(start + chunk, tables.size)
        part = tables.slice(start, stop)
        result = scheme.evaluate(part, ON, tree)
        assert result.amount_yearly is not None
        amount[start:stop] = result.amount_yearly
        norms = norms_on(part, ON, tree.at(ON))
        within[start:stop] = part.net_income_monthly <= norms.incl * PERCENT // 100  # as the municipal rules do

    starts = range(0, tables.size, chunk)
    if workers == 1:
        for start in starts:
            run(start)
    else:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            list(pool.map(run, starts))
    return amount, within


def timed(function, *args):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    value = function(*args)
    return value, time.perf_counter() - started


def summary(times: list[float]) -> str:
    return f"best {min(times):.3f} s, median {statistics.median(times):.3f} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--households", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--chunk", type=int, default=50_000)
    args = parser.parse_args()
    tune_allocator()
    tables = constant_ages(generate(CSV, households=args.households, on=ON, seed=2))
    system = openfisca_system()
    full_times, calc_times = [], []
    for _ in range(args.repeat):  # a fresh simulation each time: OpenFisca caches results

        def theirs():  # type: ignore[no-untyped-def]
            simulation = openfisca_simulation(system, tables)
            started = time.perf_counter()
            found = (simulation.calculate("kindgebonden_budget", str(ON.year)),
                     simulation.calculate("municipal_income_limit", str(ON.year)))  # fmt: skip
            return found, time.perf_counter() - started

        ((their_kgb, their_rule), calc_time), full_time = timed(theirs)
        their_count = int(their_rule.sum())
        full_times.append(full_time)
        calc_times.append(calc_time)
    ours(tables, 1, args.chunk)  # warm up
    one, two = [], []
    for _ in range(args.repeat):
        (amount, within), elapsed = timed(ours, tables, 1, args.chunk)
        our_count = int(within.sum())
        one.append(elapsed)
        two.append(timed(ours, tables, 2, args.chunk)[1])
    best_ours = min(min(one), min(two))
    their_cents = np.rint(their_kgb.astype(np.float64) * 100).astype(np.int64)
    print(
        f"{tables.size:,} households, {int(tables.n_children.sum()):,} children, date {ON}, {args.repeat} runs each, "
        f"load average {os.getloadavg()[0]:.2f}"
    )
    print(f"openfisca-core, build simulation from arrays + calculate: {summary(full_times)}")
    print(f"openfisca-core, calculate alone:                          {summary(calc_times)}")
    print(f"kansrijk.rules, 1 thread (chunks of {args.chunk:,}):              {summary(one)}")
    print(f"kansrijk.rules, 2 threads:                                {summary(two)}")
    print(
        f"their time / ours (best vs best; ours = best of 1 and 2 threads, {best_ours:.3f} s): "
        f"{min(full_times) / best_ours:.1f}x including their simulation build, "
        f"{min(calc_times) / best_ours:.1f}x against calculate alone "
        f"(1 thread: {min(full_times) / min(one):.1f}x / {min(calc_times) / min(one):.1f}x)"
    )
    print(f"kindgebonden budget > 0: ours {int((amount > 0).sum()):,}, openfisca {int((their_kgb > 0).sum()):,}")
    print(
        f"  amounts equal to the cent: {int((their_cents == amount).sum()):,} of {tables.size:,}; "
        f"max difference {int(np.abs(their_cents - amount).max())} cent(s); "
        f"totals EUR {int(amount.sum()) / 100:,.2f} vs {float(their_kgb.astype(np.float64).sum()):,.2f}"
    )
    print(
        f"income <= {PERCENT}% bijstandsnorm: ours {our_count:,}, openfisca {their_count:,}, "
        f"same answer for {int((within == their_rule).sum()):,} households"
    )


if __name__ == "__main__":
    main()
