"""Parameters: the OpenFisca parameter YAML tree, read exactly (no float), looked up by date.

One file per parameter under `parameters/`; its dotted name is its path
(`kindgebonden_budget/bedrag_per_kind.yaml` -> `kindgebonden_budget.bedrag_per_kind`).
A value of `null` from some date on means: not known from that date, so rules needing it
answer "not available" instead of guessing. Pages that must show an amount for such a date
(the family check, the scheme editor's preview, the what-if) use `load_parameters_last_known()`:
the same tree with a not-yet-published value replaced by the last known one, marked `carried`,
and they say so on every amount (`unpublished_since`; ADR 0016).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import yaml

PARAMETERS_DIR = Path(__file__).parent / "parameters"
MONEY_UNIT = "currency-EUR"
RATE_UNIT = "/1"
T = TypeVar("T")


class _ExactLoader(yaml.SafeLoader):
    """A YAML loader that reads floats as exact Decimals from their text."""


def _construct_decimal(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Decimal:
    return Decimal(loader.construct_scalar(node).replace("_", ""))


_ExactLoader.add_constructor("tag:yaml.org,2002:float", _construct_decimal)


@dataclass(frozen=True)
class Reference:
    title: str
    href: str

    def as_dict(self) -> dict[str, str]:
        return {"title": self.title, "href": self.href}


@dataclass(frozen=True)
class DatedValue:
    start: dt.date
    value: Decimal | None
    unverified: bool
    references: tuple[Reference, ...]
    cents: int | None = None  # money values, exact whole cents
    rate: Fraction | None = None  # rates (unit /1), exact
    carried: bool = False  # not yet published: the last known value, carried forward


@dataclass(frozen=True)
class Parameter:
    name: str
    description: str
    unit: str
    references: tuple[Reference, ...]
    values: tuple[DatedValue, ...]  # in date order

    def at(self, on: dt.date) -> DatedValue | None:
        """The value in force on a date, or None when none is known."""
        current: DatedValue | None = None
        for value in self.values:
            if value.start <= on:
                current = value
        if current is None or current.value is None:
            return None
        return current


class MissingParameter(LookupError):
    """No value is known for a parameter on a date."""

    def __init__(self, name: str, on: dt.date) -> None:
        super().__init__(f"no value for {name} on {on.isoformat()}")
        self.name = name
        self.on = on


def _references(raw: object) -> tuple[Reference, ...]:
    if not isinstance(raw, list):
        return ()
    return tuple(
        Reference(str(item["title"]), str(item["href"]))
        for item in raw
        if isinstance(item, dict) and "title" in item and "href" in item
    )


def _typed(value: Decimal | None, unit: str) -> tuple[int | None, Fraction | None]:
    if value is None:
        return None, None
    if unit == MONEY_UNIT:
        cents = value * 100
        return (int(cents), None) if cents == cents.to_integral_value() else (None, None)
    if unit == RATE_UNIT:
        return None, Fraction(value)
    return None, None


def _dated_value(start: object, raw: object, inherited: bool, unit: str) -> DatedValue:
    if not isinstance(start, dt.date):
        raise ValueError(f"value key {start!r} is not a date")
    info: Mapping[str, Any] = raw if isinstance(raw, dict) else {"value": raw}
    meta: Mapping[str, Any] = info.get("metadata") or {}
    value = info.get("value")
    if value is not None and not isinstance(value, Decimal):
        value = Decimal(int(value))
    refs = _references(meta.get("reference")) or _references(info.get("reference"))
    unverified = bool(meta.get("unverified", inherited))
    cents, rate = _typed(value, unit)
    return DatedValue(start, value, unverified, refs, cents, rate)


def parse_parameter(name: str, data: Mapping[str, Any]) -> Parameter:
    """Build a Parameter from one loaded YAML file."""
    meta: Mapping[str, Any] = data.get("metadata") or {}
    inherited = bool(meta.get("unverified", False))
    unit = str(meta.get("unit", ""))
    values = sorted(
        (_dated_value(start, raw, inherited, unit) for start, raw in (data.get("values") or {}).items()),
        key=lambda v: v.start,
    )
    return Parameter(
        name=name,
        description=str(data.get("description", "")),
        unit=unit,
        references=_references(meta.get("reference")),
        values=tuple(values),
    )


def load_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_ExactLoader)  # noqa: S506 - SafeLoader subclass


def iter_parameter_files(root: Path = PARAMETERS_DIR) -> Iterator[tuple[str, Path]]:
    """(dotted name, path) of every parameter file, skipping `index.yaml`."""
    for path in sorted(root.rglob("*.yaml")):
        if path.name == "index.yaml":
            continue
        relative = path.relative_to(root).with_suffix("")
        yield ".".join(relative.parts), path


MEMO_LIMIT = 4096  # derived per-date values kept per tree (dates from 2000 to 2100 would not fit)


@dataclass
class ParameterTree:
    parameters: dict[str, Parameter]
    _found: dict[tuple[str, dt.date], DatedValue | None] = field(default_factory=dict, repr=False)
    _memo: dict[Hashable, object] = field(default_factory=dict, repr=False)

    def memo(self, key: Hashable, build: Callable[[], T]) -> T:
        """A value derived from this (read-only) tree, built once per key: schemes keep their
        parameters for a date here, already converted, instead of looking them up per call.
        A `MissingParameter` from `build` is not remembered (it is raised again next time)."""
        try:
            return self._memo[key]  # type: ignore[return-value]
        except KeyError:
            pass
        value = build()
        if len(self._memo) >= MEMO_LIMIT:
            self._memo.clear()
        self._memo[key] = value
        return value

    def unpublished_since(self, on: dt.date) -> dt.date | None:
        """The first day from which some parameter in force on `on` is not yet published (a `null`
        after known values), or None when every such parameter is known on `on`."""
        starts = [
            found.start
            for parameter in self.parameters.values()
            for found in _in_force(parameter, on)
            if found.value is None and parameter.values[0].value is not None
        ]
        return min(starts, default=None)

    def get(self, name: str) -> Parameter:
        return self.parameters[name]

    def value_at(self, name: str, on: dt.date) -> DatedValue | None:
        """The value in force on a date (memoised: the tree is read-only once loaded)."""
        key = (name, on)
        if key not in self._found:
            self._found[key] = self.parameters[name].at(on)
        return self._found[key]

    def at(self, on: dt.date) -> ParamsAt:
        return ParamsAt(self, on)


@lru_cache(maxsize=4)
def load_parameters(root: Path = PARAMETERS_DIR) -> ParameterTree:
    """Load (once per process) the whole parameter tree."""
    return ParameterTree({name: parse_parameter(name, load_yaml(path)) for name, path in iter_parameter_files(root)})


def _in_force(parameter: Parameter, on: dt.date) -> list[DatedValue]:
    current = [value for value in parameter.values if value.start <= on]
    return current[-1:]


def carry_forward(parameter: Parameter) -> Parameter:
    """The parameter with every not-yet-published value (`null` after a known one) replaced by the
    last known value, marked `carried`."""
    values: list[DatedValue] = []
    last: DatedValue | None = None
    for value in parameter.values:
        if value.value is None and last is not None:
            values.append(replace(last, start=value.start, carried=True))
            continue
        values.append(value)
        last = value if value.value is not None else None
    return replace(parameter, values=tuple(values))


@lru_cache(maxsize=4)
def load_parameters_last_known(root: Path = PARAMETERS_DIR) -> ParameterTree:
    """The parameter tree where values not yet published are the last known ones (see module doc)."""
    return ParameterTree({name: carry_forward(p) for name, p in load_parameters(root).parameters.items()})


@dataclass
class ParamsAt:
    """The parameters in force on one date; remembers what a rule used."""

    tree: ParameterTree
    on: dt.date
    used: dict[str, DatedValue] = field(default_factory=dict)

    @property
    def unverified(self) -> bool:
        return any(value.unverified for value in self.used.values())

    def _found(self, name: str) -> DatedValue:
        found = self.tree.value_at(name, self.on)
        if found is None or found.value is None:
            raise MissingParameter(name, self.on)
        self.used[name] = found
        return found

    def _value(self, name: str) -> Decimal:
        value = self._found(name).value
        assert value is not None
        return value

    def money(self, name: str) -> int:
        """A money parameter in whole cents."""
        found = self._found(name)
        if found.cents is None:
            raise TypeError(f"{name} on {self.on} is not an amount in whole cents ({MONEY_UNIT})")
        return found.cents

    def rate(self, name: str) -> Fraction:
        """A rate parameter (unit /1) as an exact fraction: 0.076 -> 19/250."""
        found = self._found(name)
        if found.rate is None:
            raise TypeError(f"{name} is not a rate ({RATE_UNIT})")
        return found.rate

    def integer(self, name: str) -> int:
        value = self._value(name)
        if value != value.to_integral_value():
            raise ValueError(f"{name} on {self.on} is not a whole number")
        return int(value)

    def references(self, name: str) -> tuple[Reference, ...]:
        """The legal sources of the value in force (falls back to the parameter's)."""
        found = self.tree.get(name).at(self.on)
        own = found.references if found is not None else ()
        return own or self.tree.get(name).references
