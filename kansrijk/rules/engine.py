"""Evaluate schemes over tables (vectorised), and explain them for one household.

`evaluate` is the one code path: the screener calls it with a table of one household,
`evaluate_population` with millions (in chunks, on worker threads: numpy releases the GIL).
Explanations are only rendered in `explain`, for one household.
"""

from __future__ import annotations

import ctypes
import datetime as dt
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import fields, replace
from typing import Any

import numpy as np

from kansrijk.rules.money import format_cents, format_euros_nl
from kansrijk.rules.order import annotate
from kansrijk.rules.params import ParameterTree, load_parameters
from kansrijk.rules.schemes import SchemeRegistry, national_schemes
from kansrijk.rules.schemes.base import KIND_YARDSTICK, Scheme, SchemeResult
from kansrijk.rules.tables import Household, Tables, build_tables

Progress = Callable[[float], None]


def evaluate(
    tables: Tables,
    on: dt.date,
    schemes: SchemeRegistry | None = None,
    tree: ParameterTree | None = None,
) -> list[SchemeResult]:
    """All schemes over all households of `tables`, in the registry's order."""
    registry = schemes if schemes is not None else national_schemes()
    parameters = tree if tree is not None else load_parameters()
    return [scheme.evaluate(tables, on, parameters) for scheme in registry]


def tune_allocator() -> None:
    """Ask glibc to keep freed memory instead of returning it to the OS at once.

    The population path allocates many same-sized temporaries per chunk; with glibc's
    defaults each one is a fresh mmap (page faults). Opt-in, process-wide, no effect on
    results; does nothing where glibc's mallopt is unavailable.
    """
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt(-1, 1 << 30)  # M_TRIM_THRESHOLD
        libc.mallopt(-3, 1 << 30)  # M_MMAP_THRESHOLD
    except (OSError, AttributeError):
        return


class _Collector:
    """Writes each chunk's results into preallocated full-size arrays (no concatenation)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.results: list[SchemeResult] | None = None
        self.lock = threading.Lock()

    def _allocate(self, first: Sequence[SchemeResult]) -> list[SchemeResult]:
        def full(value: np.ndarray) -> np.ndarray:
            return np.zeros(self.size, dtype=value.dtype)

        allocated = []
        for result in first:
            changes: dict[str, Any] = {}
            for item in fields(SchemeResult):
                value = getattr(result, item.name)
                if isinstance(value, np.ndarray):
                    changes[item.name] = full(value)
                elif isinstance(value, dict):
                    changes[item.name] = {key: full(array) for key, array in value.items()}
            allocated.append(replace(result, **changes))
        return allocated

    def put(self, start: int, stop: int, chunk: Sequence[SchemeResult]) -> None:
        with self.lock:
            if self.results is None:
                self.results = self._allocate(chunk)
        for target, source in zip(self.results, chunk, strict=True):
            for item in fields(SchemeResult):
                value = getattr(source, item.name)
                if isinstance(value, np.ndarray):
                    getattr(target, item.name)[start:stop] = value
                elif isinstance(value, dict):
                    for key, array in value.items():
                        getattr(target, item.name)[key][start:stop] = array
            with self.lock:
                target.unverified = target.unverified or source.unverified
                if len(source.reasons) > len(target.reasons):
                    target.reasons = source.reasons


def evaluate_population(
    tables: Tables,
    on: dt.date,
    schemes: SchemeRegistry | None = None,
    chunk_size: int = 50_000,
    workers: int = 2,
    progress: Progress | None = None,
    detail: bool = False,
) -> list[SchemeResult]:
    """`evaluate` over a large table in chunks of households, on `workers` threads.

    Small chunks keep the temporaries in the CPU cache. Without `detail`, the conditions,
    parts and context of each chunk are dropped (only availability, eligibility and
    amounts are kept), which keeps memory flat for millions of households.
    """
    registry = schemes if schemes is not None else national_schemes()
    tree = load_parameters()
    bounds = [(start, min(start + chunk_size, tables.size)) for start in range(0, tables.size, chunk_size)]
    collector = _Collector(tables.size)
    done: list[int] = []

    def run(bound: tuple[int, int]) -> None:
        results = evaluate(tables.slice(*bound), on, registry, tree)
        if not detail:
            results = [replace(r, conditions={}, parts={}, context={}) for r in results]
        collector.put(*bound, results)
        done.append(1)
        if progress is not None:
            progress(len(done) / len(bounds))

    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(run, bounds))
    return collector.results or []


def _money(value: np.ndarray | None, index: int) -> str | None:
    return None if value is None else format_cents(value[index])


def _conditions(scheme: Scheme, result: SchemeResult, index: int) -> list[dict[str, Any]]:
    context = {key: format_euros_nl(values[index]) for key, values in result.context.items()}
    rendered = []
    for spec in scheme.conditions:
        if spec.name not in result.conditions:
            continue
        holds = bool(result.conditions[spec.name][index])
        template = spec.holds if holds else spec.fails
        params = {**spec.params, **context}
        rendered.append(
            {
                "name": spec.name,
                "holds": holds,
                "explanation": template.format(**params),
                "message": template,
                "params": params,
                "reference": spec.reference.as_dict(),
            }
        )
    return rendered


def describe(scheme: Scheme, result: SchemeResult, index: int, order: int) -> dict[str, Any]:
    """The answer for one scheme and one household, as the screening contract shows it."""
    available = bool(result.available[index])
    reason = None if available else result.reasons[int(result.reason_code[index])]
    eligible = bool(result.eligible[index]) if available and scheme.kind != KIND_YARDSTICK else None
    extra: Callable[[SchemeResult, int], dict[str, Any]] | None = getattr(scheme, "extra", None)
    return {
        "scheme": scheme.id,
        "label": scheme.label,
        "kind": scheme.kind,
        "eligible": eligible,
        "available": available,
        "unverified": bool(result.unverified) if available else False,
        "reason": reason,
        "amount_yearly": _money(result.amount_yearly, index) if available else None,
        "amount_monthly": _money(result.amount_monthly, index) if available else None,
        "amount_quarterly": _money(result.amount_quarterly, index) if available else None,
        "parts": {k: format_cents(v[index]) for k, v in result.parts.items()} if available else {},
        "order": order,
        "conditions": _conditions(scheme, result, index) if available else [],
        **(extra(result, index) if extra is not None else {}),
    }


def explain(
    households: Sequence[Household],
    on: dt.date,
    schemes: SchemeRegistry | None = None,
    tree: ParameterTree | None = None,
) -> list[list[dict[str, Any]]]:
    """Explained answers for a few households on one date (one list of results each)."""
    registry = schemes if schemes is not None else national_schemes()
    tables = build_tables(households, on)
    results = evaluate(tables, on, registry, tree)
    return [
        annotate(
            [
                describe(scheme, result, index, order)
                for order, (scheme, result) in enumerate(zip(registry, results, strict=True), start=1)
            ]
        )
        for index in range(len(households))
    ]
