"""Non-take-up of the national toeslagen per municipality (ADR 0032): the households the rules
engine expects to be entitled (the municipality's calibrated synthetic population x the rules),
beside what is known to be received (take-up answers, when the caller has them) and CPB's
published national non-take-up rate as the reference (`rules/parameters/niet_gebruik/`).

The take-up answers live in a higher layer (`takeup`); the outcomes pages pass them in as
`KnownTakeUp` per scheme (from `takeup.selectors.funnel`: `suggested` and `received`). Counts
that leave the owner go through `core.suppression`."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from kansrijk.core.suppression import suppress
from kansrijk.municipalities.selectors import wilson
from kansrijk.rules.engine import evaluate
from kansrijk.rules.params import load_parameters, load_parameters_last_known
from kansrijk.rules.population import generate, household_counts, read_municipalities
from kansrijk.rules.schemes import national_schemes
from kansrijk.screener.population import population_targets_cached
from kansrijk.screener.preview import CSV

SCHEMES = ("kindgebonden_budget", "huurtoeslag", "zorgtoeslag")
SAMPLE_HOUSEHOLDS = 40_000
SEED = 2021
_lock = threading.Lock()
_expected: dict[tuple[str, dt.date, int], tuple[int, int, dict[str, int], int, int]] = {}


@dataclass(frozen=True)
class KnownTakeUp:
    """What families followed up said about one scheme: how many needed it (`suggested`) and how
    many received it (raw counts; suppressed here before they are shown)."""

    suggested: int
    received: int


class FunnelLike(Protocol):
    """A row of `takeup.selectors.funnel` (a higher layer: read by shape, not imported)."""

    scheme_key: str
    suggested: int
    received: int


def known_from_funnel(rows: Iterable[FunnelLike]) -> dict[str, KnownTakeUp]:
    """`KnownTakeUp` per national toeslag from take-up funnel rows (other schemes are left out)."""
    return {row.scheme_key: KnownTakeUp(row.suggested, row.received) for row in rows if row.scheme_key in SCHEMES}


@dataclass(frozen=True)
class CpbRate:
    rate: Decimal  # fraction, e.g. 0.085
    year: int
    title: str
    href: str


@dataclass(frozen=True)
class NonTakeUpRow:
    scheme_id: str
    name: str
    expected_households: int  # model: entitled households in the municipality
    expected_low: int  # 95% interval of the model's sample
    expected_high: int
    cpb: CpbRate
    cpb_missing_households: int  # expected x CPB's rate: households that would miss it at the national rate
    suggested_count: int | None  # take-up answers, suppressed (None: 1-9, or no answers known)
    received_count: int | None
    observed_rate: float | None  # 1 - received / suggested among families followed up, when publishable


@dataclass(frozen=True)
class NonTakeUpEstimate:
    municipality: str
    on: dt.date
    households: int  # households in the municipality (CBS population / household size)
    sample: int  # households of the synthetic population evaluated
    income_year: int  # CBS 85711NED year the incomes are calibrated to
    child_year: int  # CBS 85309NED year of the children's share
    takeup_known: bool  # False: no take-up answers were passed in (say so on the page)
    rows: tuple[NonTakeUpRow, ...]


def cpb_rate(scheme_id: str) -> CpbRate:
    """CPB's published national non-take-up rate of a toeslag (the latest value in the parameters)."""
    parameter = load_parameters().get(f"niet_gebruik.{scheme_id}")
    value = parameter.values[-1]
    assert value.value is not None
    reference = (value.references or parameter.references)[0]
    return CpbRate(value.value, value.start.year, reference.title, reference.href)


def _expected_eligible(municipality: str, on: dt.date, sample: int) -> tuple[int, int, dict[str, int], int, int]:
    """(households, sample size, eligible per scheme in the sample, income year, child year), cached."""
    key = (municipality, on, sample)
    with _lock:
        if key in _expected:
            return _expected[key]
    towns = read_municipalities(CSV, municipality)
    households = int(household_counts(towns, None, 1.0).sum())
    size = min(households, sample)
    targets = population_targets_cached()
    tables = generate(CSV, on=on, households=size, municipality=municipality, seed=SEED, targets=targets)
    results = evaluate(tables, on, national_schemes(), load_parameters_last_known())
    eligible = {r.scheme_id: int(r.eligible.sum()) for r in results if r.scheme_id in SCHEMES}
    found = (households, size, eligible, targets.income_year, targets.child_year)
    with _lock:
        if len(_expected) >= 16:
            _expected.pop(next(iter(_expected)))
        _expected[key] = found
    return found


def _observed(known: KnownTakeUp | None) -> float | None:
    """1 - received / suggested, only when no count behind it is a small cell (1-9)."""
    if known is None or known.suggested < 10:
        return None
    missed = known.suggested - known.received
    if any(0 < n < 10 for n in (known.received, missed)):
        return None
    return 1 - known.received / known.suggested


def non_take_up_for(
    *, municipality: str, on: dt.date, known: Mapping[str, KnownTakeUp] | None = None, sample: int = SAMPLE_HOUSEHOLDS
) -> NonTakeUpEstimate:
    """Expected entitled households per national toeslag in a municipality, what is known to be
    received, and CPB's rate beside it. `ValueError` for a code that is not a municipality."""
    households, size, eligible, income_year, child_year = _expected_eligible(municipality, on, sample)
    names = {scheme.id: scheme.label for scheme in national_schemes()}
    rows = []
    for scheme_id in SCHEMES:
        low, high = wilson(eligible[scheme_id], size)
        expected = round(eligible[scheme_id] * households / size)
        cpb = cpb_rate(scheme_id)
        answers = (known or {}).get(scheme_id)
        rows.append(
            NonTakeUpRow(
                scheme_id=scheme_id,
                name=names[scheme_id],
                expected_households=expected,
                expected_low=int(low * households),
                expected_high=int(-(-high * households // 1)),
                cpb=cpb,
                cpb_missing_households=round(expected * float(cpb.rate)),
                suggested_count=None if answers is None else suppress(answers.suggested),
                received_count=None if answers is None else suppress(answers.received),
                observed_rate=_observed(answers),
            )
        )
    return NonTakeUpEstimate(
        municipality, on, households, size, income_year, child_year, known is not None, tuple(rows)
    )
