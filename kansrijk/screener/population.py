"""The CBS targets of the synthetic population, read from the CBS figures in the database
(`municipalities.CbsFigure`, ADR 0032), for `rules.population.generate(targets=...)`."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
from django.db.models import Count, Max

from kansrijk.municipalities.constants import Measure
from kansrijk.municipalities.models import CbsFigure
from kansrijk.municipalities.selectors import cbs_measure_map, income_deciles, municipality_codes, national_income
from kansrijk.rules.calibration import Targets
from kansrijk.rules.params import load_parameters

# 120% of the social minimum: the standardised income of a single person on 120% of the
# bijstandsnorm (incl. vakantietoeslag) - a single person's equivalence factor is 1.
SOCIAL_MINIMUM_FACTOR = Decimal("1.2")


def threshold_euros() -> float:
    """The 120%-of-social-minimum line a year, from the earliest bijstandsnorm the rules know
    (the nearest sourced norm to the CBS income year; ADR 0032 says what that costs)."""
    norm = load_parameters().get("bijstandsnorm.alleenstaande")
    first = next(v for v in norm.values if v.value is not None)
    assert first.value is not None
    return float(first.value * 12 * SOCIAL_MINIMUM_FACTOR)


def _child_shares(codes: list[str]) -> tuple[dict[str, float], int]:
    """Fraction of children up to 120% of the social minimum: the published percentage where
    there is one, else the ratio of the two counts (rounded to hundreds)."""
    percent = cbs_measure_map(measure=Measure.MINORS_120_SM_PERCENT)
    poor = cbs_measure_map(measure=Measure.MINORS_120_SM)
    minors = cbs_measure_map(measure=Measure.MINORS)
    shares: dict[str, float] = {}
    years = set()
    for code in codes:
        if code in percent:
            shares[code] = float(percent[code].value) / 100
            years.add(percent[code].year)
        elif code in poor and code in minors and minors[code].value > 0:
            shares[code] = float(poor[code].value / minors[code].value)
            years.add(poor[code].year)
    return shares, max(years) if years else 0


def population_targets(*, income_year: int | None = None) -> Targets:
    """Targets for every municipality with CBS figures; the income distribution of `income_year`
    (default: the newest year with a national median). Municipalities without published 10%-groups
    get the national ones (10% each). `ValueError` when no CBS figures are loaded."""
    national = national_income()
    year = income_year if income_year is not None else max(national)
    if year not in national:
        raise ValueError(f"no national income figures for {year}")
    codes = sorted(municipality_codes())
    deciles = income_deciles(year=year)
    shares, child_year = _child_shares(codes)
    if not deciles or not shares:
        raise ValueError("no CBS figures are loaded (kansrijk migrate loads them)")
    national_share = float(np.mean(list(shares.values()))) if shares else 0.13
    rows = np.array([[float(v) for v in deciles[c]] if c in deciles else [10.0] * 10 for c in codes], dtype=np.float64)
    mean, median = national[year]
    return Targets(
        codes=tuple(codes),
        deciles=rows / rows.sum(axis=1, keepdims=True),
        child_share=np.array([shares.get(c, national_share) for c in codes], dtype=np.float64),
        national_median=float(median),
        national_mean=float(mean),
        threshold=threshold_euros(),
        income_year=year,
        child_year=child_year,
    )


_cache: dict[object, Targets] = {}


def population_targets_cached() -> Targets:
    """`population_targets()` of the newest income year, kept per process until the CBS figures
    change (a new `cbs-import` changes their count or last load time: one aggregate query)."""
    state = CbsFigure.objects.aggregate(n=Count("id"), last=Max("loaded_at"))
    key = (state["n"], state["last"])
    if key not in _cache:
        _cache.clear()
        _cache[key] = population_targets()
    return _cache[key]
