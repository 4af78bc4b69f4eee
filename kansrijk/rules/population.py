"""A synthetic population of households, calibrated to CBS municipality populations.

Seeded and vectorised; returns the same `Tables` the engine evaluates for one family.
The mix (singles, couples, single parents, children's ages, incomes, rents, assets) is a
plausible national picture for what-if runs, not a statistical model: household counts per
municipality follow the CBS population (1 January 2024) divided by the average household
size; everything else is drawn from fixed national distributions. Floats appear only while
drawing; money columns are rounded to whole cents (int64) before anything evaluates them.

With `targets` (`calibration.Targets`, ADR 0032) the incomes are drawn per municipality instead:
its income distribution follows CBS 85711NED and its share of children up to 120% of the social
minimum CBS 85309NED. The household's disposable income is its standardised income times the
equivalence factor; the gross (toetsings)inkomen is that divided by `NET_SHARE`.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from kansrijk.rules.calibration import Targets, draw_quantiles, equivalence
from kansrijk.rules.tables import I64, Tables

PERSONS_PER_HOUSEHOLD = 2.14  # CBS, average household size 2024
# single, couple without children, couple with children, single parent, other adults
HOUSEHOLD_MIX = (0.39, 0.28, 0.24, 0.07, 0.02)
CHILDREN_MIX = (0.42, 0.40, 0.13, 0.05)  # 1, 2, 3, 4 children in a family
RENTER_SHARE = 0.42
NET_SHARE = 0.72  # disposable over gross income, the same ratio as `net_income_monthly` below
INSURED_SHARE = 0.995
Progress = Callable[[float, str], None]
Rng = np.random.Generator
Floats = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Municipalities:
    codes: tuple[str, ...]
    population: npt.NDArray[np.int64]


def read_municipalities(path: Path, only: str | None = None) -> Municipalities:
    """Codes and populations from the CBS CSV (statcode, ..., bevolking_1jan2024, ...)."""
    with path.open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if only is None or r["statcode"] == only]
    if not rows:
        raise ValueError(f"no municipality {only!r} in {path}")
    return Municipalities(
        tuple(r["statcode"] for r in rows),
        np.array([int(r["bevolking_1jan2024"]) for r in rows], dtype=np.int64),
    )


def household_counts(towns: Municipalities, households: int | None, scale: float) -> I64:
    """Households per municipality: scaled population / household size, or N in proportion."""
    expected = towns.population / PERSONS_PER_HOUSEHOLD
    factor = households / expected.sum() if households is not None else scale
    expected = expected * factor
    counts = np.floor(expected).astype(np.int64)
    if households is not None:  # hand out the rounding remainder to the largest fractions
        rest = households - int(counts.sum())
        counts[np.argsort(counts - expected)[:rest]] += 1
    return counts


def _cents(values: Floats) -> I64:
    return np.rint(np.clip(values, 0, 10_000_000) * 100).astype(np.int64)


def _incomes(rng: Rng, size: int, median: float, zero_share: float) -> I64:
    drawn = rng.lognormal(np.log(median), 0.6, size)
    drawn[rng.random(size) < zero_share] = 0.0
    return _cents(drawn)


def _adults(rng: Rng, kind: npt.NDArray[np.int8]) -> dict[str, Any]:
    size = kind.shape[0]
    partners = (kind == 1) | (kind == 2)
    with_children = (kind == 2) | (kind == 3)
    n_adults = np.where(partners, 2, np.where(kind == 4, 3, 1)).astype(np.int8)
    low = np.where(with_children, 22, 18)
    high = np.where(with_children, 58, 92)
    first = rng.integers(low, high, size).astype(np.int16)
    second = np.clip(first + rng.integers(-5, 6, size), 18, 95).astype(np.int16)
    other = rng.integers(18, 30, size).astype(np.int16)
    min_age = np.where(kind == 4, np.minimum(first, other), np.where(partners, np.minimum(first, second), first))
    max_age = np.where(partners, np.maximum(first, second), first)
    income_1 = _incomes(rng, size, 32_000, 0.08)
    income_2 = np.where(partners, _incomes(rng, size, 22_000, 0.2), 0)
    income_other = np.where(kind == 4, _incomes(rng, size, 15_000, 0.3), 0)
    insured_1: npt.NDArray[np.bool_] = np.less(rng.random(size), INSURED_SHARE)
    insured_2 = partners & (rng.random(size) < INSURED_SHARE)
    toeslag_income = income_1 + income_2
    return {
        "n_adults": n_adults,
        "partners": partners,
        "applicant_age": first,
        "min_adult_age": min_age.astype(np.int16),
        "max_adult_age": max_age.astype(np.int16),
        "income_toeslag": toeslag_income,
        "income_household": toeslag_income + income_other,
        "net_income_monthly": (toeslag_income * 72 // 100 // 12).astype(np.int64),
        "n_insured": (insured_1.astype(np.int8) + insured_2.astype(np.int8)).astype(np.int8),
        "applicant_insured": insured_1,
    }


def _children(rng: Rng, kind: npt.NDArray[np.int8], on: dt.date) -> dict[str, Any]:
    families = (kind == 2) | (kind == 3)
    counts = np.where(families, rng.choice(np.arange(1, 5), kind.shape[0], p=CHILDREN_MIX), 0)
    offsets = np.zeros(kind.shape[0] + 1, dtype=np.int64)
    np.cumsum(counts, out=offsets[1:])
    total = int(offsets[-1])
    days_old = rng.integers(0, 18 * 365, total)
    birth = np.datetime64(on.isoformat(), "D") - days_old.astype("timedelta64[D]")
    years = birth.astype("datetime64[Y]")
    months = birth.astype("datetime64[M]")
    month = (months - years.astype("datetime64[M]")).astype(np.int64) + 1
    day = (birth - months.astype("datetime64[D]")).astype(np.int64) + 1
    age = days_old // 365
    school = np.select([age < 4, age < 12, age < 16], [0, 1, 2], 3).astype(np.int8)
    return {
        "child_offsets": offsets,
        "child_household": np.repeat(np.arange(kind.shape[0], dtype=np.int32), counts),
        "child_birth_year": (years.astype(np.int64) + 1970).astype(np.int16),
        "child_birth_md": (month * 100 + day).astype(np.int16),
        "child_age_fixed": np.full(total, -1, dtype=np.int16),
        "child_school": school,
    }


def _housing(rng: Rng, size: int) -> dict[str, Any]:
    renter = rng.random(size) < RENTER_SHARE
    rent = np.where(renter, np.clip(rng.normal(760, 210, size), 300, 1600), 0.0)
    assets = rng.lognormal(np.log(15_000), 1.6, size)
    assets[rng.random(size) < 0.25] = 0.0
    return {"rent": _cents(rent), "assets": _cents(assets)}


def _calibrate(
    rng: Rng,
    adults: dict[str, Any],
    children: dict[str, Any],
    municipality: I64,
    codes: tuple[str, ...],
    targets: Targets,
) -> None:
    """Replace the drawn incomes by incomes calibrated per municipality (in place)."""
    n_children = np.diff(children["child_offsets"])
    u = np.empty(municipality.shape[0])
    u_t = targets.quantile_of(targets.threshold)
    uniform = np.full(10, 0.1)
    for town, code in enumerate(codes):
        rows = np.flatnonzero(municipality == town)
        known = code in targets.codes
        shares = targets.deciles[targets.index(code)] if known else uniform
        share = float(targets.child_share[targets.index(code)]) if known else float(np.mean(targets.child_share))
        u[rows] = draw_quantiles(rng, shares, share, u_t, n_children[rows] > 0)
    disposable = targets.income_at(u) * equivalence(adults["n_adults"], n_children)
    household = _cents(disposable / NET_SHARE)
    others = adults["n_adults"] > np.where(adults["partners"], 2, 1)
    # The adult who is no partner (a grown-up child, a lodger) earns a quarter; the toeslag income is the rest.
    toeslag = np.where(others, household - household * 25 // 100, household).astype(np.int64)
    adults["income_household"] = household
    adults["income_toeslag"] = toeslag
    adults["net_income_monthly"] = (toeslag * 72 // 100 // 12).astype(np.int64)


def standardised_income(tables: Tables) -> npt.NDArray[np.float64]:
    """Standardised income (euro a year) of each household of a calibrated population."""
    disposable = tables.income_household.astype(np.float64) / 100 * NET_SHARE
    return np.asarray(disposable / equivalence(tables.n_adults, tables.n_children), dtype=np.float64)


def generate(
    csv_path: Path,
    *,
    on: dt.date = dt.date(2026, 1, 1),
    households: int | None = None,
    scale: float = 1.0,
    municipality: str | None = None,
    seed: int = 0,
    progress: Progress | None = None,
    targets: Targets | None = None,
) -> Tables:
    """A seeded synthetic population; `households` total, or `scale` x the real count; with
    `targets` its incomes are calibrated per municipality to CBS (see the module's docstring)."""
    report = progress or (lambda fraction, stage: None)
    towns = read_municipalities(csv_path, municipality)
    counts = household_counts(towns, households, scale)
    size = int(counts.sum())
    rng = np.random.default_rng(seed)
    report(0.05, f"{size} households in {len(towns.codes)} municipalities")
    kind = rng.choice(np.arange(5, dtype=np.int8), size, p=HOUSEHOLD_MIX).astype(np.int8)
    adults = _adults(rng, kind)
    report(0.45, "adults, incomes")
    children = _children(rng, kind, on)
    report(0.7, f"{int(children['child_offsets'][-1])} children")
    town_index = np.repeat(np.arange(len(towns.codes), dtype=np.int16), counts)
    if targets is not None:
        _calibrate(rng, adults, children, town_index.astype(np.int64), towns.codes, targets)
        report(0.9, "incomes calibrated to CBS")
    housing = _housing(rng, size)
    report(1.0, "rents, assets")
    return Tables(
        **adults,
        **housing,
        municipality=town_index,
        municipality_codes=towns.codes,
        **children,
    )


def save_npz(tables: Tables, path: Path) -> None:
    """Write the tables as one compressed-free .npz (municipality codes included)."""
    arrays: dict[str, Any] = {k: v for k, v in vars(tables).items() if isinstance(v, np.ndarray)}
    np.savez(path, municipality_codes=np.array(tables.municipality_codes), **arrays)


def load_npz(path: Path) -> Tables:
    with np.load(path) as data:
        columns = {key: data[key] for key in data.files}
    codes = tuple(str(code) for code in columns.pop("municipality_codes"))
    return Tables(**columns, municipality_codes=codes)
