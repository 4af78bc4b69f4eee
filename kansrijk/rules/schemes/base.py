"""The scheme protocol: what every scheme (national now; municipal and fund rows next) gives.

A scheme evaluates all households of a `Tables` at once and returns a `SchemeResult` of
arrays. Conditions are named boolean arrays; their Dutch explanations and legal references
live in `ConditionSpec`s and are only rendered for one household (the explain path).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from math import lcm
from typing import Protocol

import numpy as np

from kansrijk.rules.params import MissingParameter, ParameterTree, Reference
from kansrijk.rules.tables import I8, I64, Bools, Tables

KIND_NATIONAL = "national"
KIND_YARDSTICK = "yardstick"
KIND_MUNICIPAL = "municipal"
KIND_FUND = "fund"


@dataclass(frozen=True)
class ConditionSpec:
    """A named condition: plain-Dutch text when it holds / fails, and its legal basis.

    The texts are message templates (the msgids of the English catalogue): `{placeholders}`
    are filled from `params` (fixed per rule, e.g. a provider or an age) and the result's
    context (money in euros). The engine returns template and parameters, so the screener
    can translate the template and fill it (`kansrijk.screener.explain`); no text is glued.
    """

    name: str
    holds: str
    fails: str
    reference: Reference
    params: Mapping[str, str] = field(default_factory=dict)


class LazyParts(Mapping[str, I64]):
    """The parts of an amount, computed only when someone reads them (explain path)."""

    def __init__(self, build: Callable[[], dict[str, I64]]) -> None:
        self._build = build
        self._parts: dict[str, I64] | None = None

    def _get(self) -> dict[str, I64]:
        if self._parts is None:
            self._parts = self._build()
        return self._parts

    def __getitem__(self, key: str) -> I64:
        return self._get()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._get())

    def __len__(self) -> int:
        return len(self._get())


@dataclass
class SchemeResult:
    """One scheme evaluated over H households; money in int64 cents."""

    scheme_id: str
    available: Bools
    reason_code: I8  # index into reasons where not available
    reasons: tuple[str, ...]
    eligible: Bools
    conditions: dict[str, Bools]
    amount_yearly: I64 | None = None
    amount_monthly: I64 | None = None
    amount_quarterly: I64 | None = None
    parts: Mapping[str, I64] = field(default_factory=dict)
    context: dict[str, I64] = field(default_factory=dict)
    unverified: bool = False
    counts: dict[str, I64] = field(default_factory=dict)  # e.g. children reached (local schemes)


class Scheme(Protocol):
    """What the engine needs from a scheme."""

    id: str
    label: str
    kind: str
    conditions: tuple[ConditionSpec, ...]

    def evaluate(self, tables: Tables, on: dt.date, tree: ParameterTree) -> SchemeResult: ...


def unavailable(scheme_id: str, size: int, reason: str) -> SchemeResult:
    """A result saying: not available for this date, with the reason (never a guess)."""
    return SchemeResult(
        scheme_id=scheme_id,
        available=np.zeros(size, dtype=np.bool_),
        reason_code=np.zeros(size, dtype=np.int8),
        reasons=(reason,),
        eligible=np.zeros(size, dtype=np.bool_),
        conditions={},
    )


def missing_reason(label: str, error: MissingParameter) -> str:
    return (
        f"{label}: voor {error.on.strftime('%d-%m-%Y')} zijn nog niet alle bedragen bekend. "
        "Wij gokken niet. Daarom rekenen we dit niet uit."
    )


def guarded(label: str, scheme_id: str, compute: Callable[[], SchemeResult], size: int) -> SchemeResult:
    """Run a scheme's computation; a missing parameter becomes `available: false`."""
    try:
        return compute()
    except MissingParameter as error:
        return unavailable(scheme_id, size, missing_reason(label, error))


def all_available(size: int) -> tuple[Bools, I8]:
    return np.ones(size, dtype=np.bool_), np.zeros(size, dtype=np.int8)


def common_denominator(*rates: Fraction) -> int:
    return lcm(*(rate.denominator for rate in rates))


def scaled(rate: Fraction, denominator: int) -> int:
    """rate x denominator as an exact integer (the denominator must be a multiple)."""
    value = rate * denominator
    if value.denominator != 1:
        raise ValueError(f"{rate} does not divide {denominator}")
    return value.numerator


def round_yearly(numerator: I64, denominator: int) -> I64:
    """Exact yearly cents from numerator / denominator, half a cent rounded up."""
    result: I64 = (numerator * 2 + denominator) // (2 * denominator)
    return result


def paid_monthly(numerator: I64, denominator: int) -> I64:
    """A monthly amount as Dienst Toeslagen pays it: rounded down to whole euros."""
    result: I64 = (numerator // (denominator * 100)) * 100
    return result


def at_least_minimum(numerator: I64, denominator: int, minimum: int) -> Bools:
    """Awir art. 14 lid 4-5: the exact yearly amount (numerator / denominator cents), rounded
    half up to whole euros, must reach the minimum (€ 23.50 is paid, € 23.4999 is not)."""
    euros = (numerator * 2 + denominator * 100) // (denominator * 200)
    result: Bools = euros * 100 >= minimum
    return result
