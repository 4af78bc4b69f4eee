"""One family is a table of one: the vectorised population path gives the same answers."""

from __future__ import annotations

import datetime as dt

import numpy as np

from kansrijk.rules.engine import evaluate, evaluate_population
from kansrijk.rules.population import generate
from kansrijk.rules.tables import Adult, Child, Household, Tables, build_tables
from kansrijk.rules.tests.helpers import RULES_DIR

CSV = RULES_DIR.parent / "municipalities" / "data" / "gemeenten_bevolking_oppervlakte_2024.csv"


def small_population(size: int = 3000) -> Tables:
    return generate(CSV, households=size, seed=7, on=dt.date(2026, 1, 1))


def _household(tables: Tables, index: int, on: dt.date) -> Household:
    """Rebuild household `index` of a generated table as caller input."""
    partners = bool(tables.partners[index])
    income = int(tables.income_toeslag[index])
    first = Adult(int(tables.applicant_age[index]), income, 0, bool(tables.applicant_insured[index]))
    adults = [first]
    if partners:
        other_age = int(tables.max_adult_age[index] + tables.min_adult_age[index] - first.age)
        adults.append(Adult(other_age, 0, 0, int(tables.n_insured[index]) == 1 + first.insured))
    start, stop = int(tables.child_offsets[index]), int(tables.child_offsets[index + 1])
    children = tuple(
        Child(
            0,
            dt.date(
                int(tables.child_birth_year[i]),
                int(tables.child_birth_md[i]) // 100,
                int(tables.child_birth_md[i]) % 100,
            ),
            "none",
        )
        for i in range(start, stop)
    )
    return Household(tuple(adults), children, partners, int(tables.assets[index]), int(tables.rent[index]), "GM0363")


def test_population_path_matches_one_family_at_a_time() -> None:
    on = dt.date(2026, 5, 1)
    tables = small_population(600)
    keep = (tables.n_adults == np.where(tables.partners, 2, 1)) & (tables.income_household == tables.income_toeslag)
    population = evaluate_population(tables, on, chunk_size=128, workers=2)
    checked = 0
    for index in np.flatnonzero(keep)[:150]:
        single = evaluate(build_tables([_household(tables, int(index), on)], on), on)
        for many, one in zip(population, single, strict=True):
            assert bool(many.eligible[index]) == bool(one.eligible[0]), many.scheme_id
            for name in ("amount_yearly", "amount_monthly", "amount_quarterly"):
                if getattr(one, name) is not None:
                    assert getattr(many, name)[index] == getattr(one, name)[0], (many.scheme_id, name)
        checked += 1
    assert checked >= 100


def test_population_is_seeded_and_calibrated_to_municipality_populations() -> None:
    first = generate(CSV, households=5000, seed=3)
    again = generate(CSV, households=5000, seed=3)
    assert first.size == 5000
    assert len(first.municipality_codes) == 342
    assert np.array_equal(first.income_toeslag, again.income_toeslag)
    counts = np.bincount(first.municipality, minlength=342)
    amsterdam = first.municipality_codes.index("GM0363")
    assert counts[amsterdam] == counts.max()  # the largest municipality gets the most households
    assert first.n_children.sum() > 0
    assert first.income_toeslag.dtype == np.int64


def test_one_municipality_can_be_generated_at_real_scale() -> None:
    tables = generate(CSV, scale=1.0, municipality="GM0014", seed=1)
    assert set(tables.municipality_codes) == {"GM0014"}
    assert 100_000 < tables.size < 125_000  # 243,768 inhabitants / 2.14 per household


def test_chunks_and_threads_do_not_change_the_answers() -> None:
    tables = small_population(2000)
    on = dt.date(2026, 8, 1)
    one = evaluate_population(tables, on, chunk_size=2000, workers=1)
    many = evaluate_population(tables, on, chunk_size=97, workers=2)
    for a, b in zip(one, many, strict=True):
        assert np.array_equal(a.eligible, b.eligible)
        assert np.array_equal(a.amount_yearly, b.amount_yearly)  # type: ignore[arg-type]
