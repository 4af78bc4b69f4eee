"""Schemes and their registry. A scheme is anything with id, label, kind, conditions and
`evaluate(tables, on, tree) -> SchemeResult`; municipal and fund schemes (data rows) will
register here the same way."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from kansrijk.rules.schemes.base import ConditionSpec, Scheme, SchemeResult
from kansrijk.rules.schemes.bijstandsnorm import Bijstandsnorm
from kansrijk.rules.schemes.huurtoeslag import Huurtoeslag
from kansrijk.rules.schemes.kinderbijslag import Kinderbijslag
from kansrijk.rules.schemes.kindgebonden_budget import KindgebondenBudget
from kansrijk.rules.schemes.zorgtoeslag import Zorgtoeslag


class SchemeRegistry:
    """An ordered set of schemes; the order is the order of use (voorliggend first)."""

    def __init__(self, schemes: Iterable[Scheme] = ()) -> None:
        self._schemes: dict[str, Scheme] = {}
        for scheme in schemes:
            self.register(scheme)

    def register(self, scheme: Scheme) -> None:
        if scheme.id in self._schemes:
            raise ValueError(f"scheme {scheme.id!r} registered twice")
        self._schemes[scheme.id] = scheme

    def get(self, scheme_id: str) -> Scheme:
        return self._schemes[scheme_id]

    def __iter__(self) -> Iterator[Scheme]:
        return iter(self._schemes.values())

    def __len__(self) -> int:
        return len(self._schemes)


def national_schemes() -> SchemeRegistry:
    """The national schemes in order of use, then the bijstandsnorm yardstick."""
    return SchemeRegistry([Kinderbijslag(), KindgebondenBudget(), Zorgtoeslag(), Huurtoeslag(), Bijstandsnorm()])


__all__ = ["ConditionSpec", "Scheme", "SchemeRegistry", "SchemeResult", "national_schemes"]
