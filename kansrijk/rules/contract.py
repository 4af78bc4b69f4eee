"""The screening contract: JSON in, JSON out, pure (no Django).

`screen(payload, known_municipalities)` takes one request object or a list of them. A bad
single request raises `InputError(field, message)`; in a list, a bad item is answered with
`{"error": {"field": ..., "message": ...}}` and the good ones are answered.

`local` (optional) gives the municipal schemes and funds as data: called with a municipality
code, it returns `LocalRule` rows (all versions); the answer then holds, after the national
schemes, the rows of that municipality in force on `date` and the funds, in order of use.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from kansrijk.rules.engine import explain
from kansrijk.rules.local import LocalRule, local_schemes, select_rules
from kansrijk.rules.money import MoneyError, parse_cents
from kansrijk.rules.params import ParameterTree
from kansrijk.rules.schemes import SchemeRegistry, national_schemes
from kansrijk.rules.tables import SCHOOLS, Adult, Child, Household

_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
LocalSource = Callable[[str], Sequence[LocalRule]]
MAX_ADULTS, MAX_CHILDREN = 6, 20
ADULT_AGES, CHILD_AGES = (16, 120), (0, 30)
FIRST_DATE, LAST_DATE = dt.date(2000, 1, 1), dt.date(2100, 12, 31)


class InputError(ValueError):
    """Bad input, naming the field, e.g. `household.children[0].age`."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message

    def as_dict(self) -> dict[str, str]:
        return {"field": self.field, "message": self.message}


@dataclass(frozen=True)
class ScreenRequest:
    date: dt.date
    municipality: str
    household: Household


def _require(data: Mapping[str, Any], key: str, where: str) -> Any:
    if key not in data or data[key] is None:
        raise InputError(f"{where}{key}", "is required")
    return data[key]


def _object(value: Any, field: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise InputError(field, "must be an object")
    return value


def _list(value: Any, field: str, low: int, high: int) -> list[Any]:
    if not isinstance(value, list):
        raise InputError(field, "must be a list")
    if not low <= len(value) <= high:
        raise InputError(field, f"must have {low} to {high} items")
    return value


def _int(value: Any, field: str, bounds: tuple[int, int]) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(field, "must be a whole number")
    if not bounds[0] <= value <= bounds[1]:
        raise InputError(field, f"must be between {bounds[0]} and {bounds[1]}")
    return int(value)


def _bool(value: Any, field: str) -> bool:
    if not isinstance(value, bool):
        raise InputError(field, "must be true or false")
    return value


def _money(value: Any, field: str) -> int:
    try:
        return parse_cents(value)
    except MoneyError as error:
        raise InputError(field, str(error)) from None


def _date(value: Any, field: str) -> dt.date:
    if not isinstance(value, str) or not _DATE.match(value):
        raise InputError(field, "must be a date like 2026-01-01")
    try:
        parsed = dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(field, "is not a valid date") from None
    if not FIRST_DATE <= parsed <= LAST_DATE:
        raise InputError(field, "must lie between 2000-01-01 and 2100-12-31")
    return parsed


def age_on(birth: dt.date, on: dt.date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def _adult(data: Any, field: str) -> Adult:
    item = _object(data, field)
    where = f"{field}."
    return Adult(
        age=_int(_require(item, "age", where), f"{where}age", ADULT_AGES),
        taxable_income_yearly=_money(_require(item, "taxable_income_yearly", where), f"{where}taxable_income_yearly"),
        net_income_monthly=_money(_require(item, "net_income_monthly", where), f"{where}net_income_monthly"),
        insured=_bool(_require(item, "insured", where), f"{where}insured"),
    )


def _child(data: Any, field: str, on: dt.date) -> Child:
    item = _object(data, field)
    where = f"{field}."
    school = _require(item, "school", where)
    if school not in SCHOOLS:
        raise InputError(f"{where}school", f"must be one of {', '.join(SCHOOLS)}")
    birth = None
    if item.get("birth_date") is not None:
        birth = _date(item["birth_date"], f"{where}birth_date")
        if birth > on:
            raise InputError(f"{where}birth_date", "lies after date")
    if birth is None or item.get("age") is not None:
        age = _int(_require(item, "age", where), f"{where}age", CHILD_AGES)
    else:
        age = age_on(birth, on)
    if birth is not None and age != age_on(birth, on):
        raise InputError(f"{where}age", f"does not match birth_date (age on date is {age_on(birth, on)})")
    return Child(age=age, birth_date=birth, school=school)


def _household(data: Any, on: dt.date, municipality: str) -> Household:
    item = _object(data, "household")
    where = "household."
    adults = _list(_require(item, "adults", where), f"{where}adults", 1, MAX_ADULTS)
    children = _list(_require(item, "children", where), f"{where}children", 0, MAX_CHILDREN)
    partners = _bool(_require(item, "partners", where), f"{where}partners")
    if partners and len(adults) < 2:
        raise InputError(f"{where}partners", "true needs two adults (the first two are partners)")
    return Household(
        adults=tuple(_adult(a, f"{where}adults[{i}]") for i, a in enumerate(adults)),
        children=tuple(_child(c, f"{where}children[{i}]", on) for i, c in enumerate(children)),
        partners=partners,
        assets=_money(_require(item, "assets", where), f"{where}assets"),
        rent_monthly=_money(_require(item, "rent_monthly", where), f"{where}rent_monthly"),
        municipality=municipality,
    )


def parse_request(data: Any, known_municipalities: Collection[str]) -> ScreenRequest:
    """Validate one request object; raise InputError naming the first bad field."""
    item = _object(data, "body")
    on = _date(_require(item, "date", ""), "date")
    municipality = _require(item, "municipality", "")
    if not isinstance(municipality, str):
        raise InputError("municipality", "must be a municipality code like GM0363")
    if municipality not in known_municipalities:
        raise InputError("municipality", f"unknown municipality code {municipality!r}")
    household = _household(_require(item, "household", ""), on, municipality)
    return ScreenRequest(on, municipality, household)


def registry_for(rules: Sequence[LocalRule], municipality: str, on: dt.date) -> SchemeRegistry:
    """National schemes, then the local rows in force for the municipality, in order of use."""
    registry = national_schemes()
    for scheme in local_schemes(select_rules(rules, municipality, on)):
        registry.register(scheme)
    return registry


def answer(
    requests: Sequence[ScreenRequest], local: LocalSource | None = None, tree: ParameterTree | None = None
) -> list[dict[str, Any]]:
    """Answers for valid requests, evaluated together per date and municipality."""
    answers: list[dict[str, Any]] = [{} for _ in requests]
    groups: dict[tuple[dt.date, str], list[int]] = {}
    for index, request in enumerate(requests):
        groups.setdefault((request.date, request.municipality), []).append(index)
    found: dict[str, Sequence[LocalRule]] = {}
    for (on, municipality), indexes in groups.items():
        registry = None
        if local is not None:
            if municipality not in found:
                found[municipality] = local(municipality)
            registry = registry_for(found[municipality], municipality, on)
        results = explain([requests[i].household for i in indexes], on, registry, tree)
        for index, result in zip(indexes, results, strict=True):
            request = requests[index]
            answers[index] = {
                "date": request.date.isoformat(),
                "municipality": request.municipality,
                "results": result,
            }
    return answers


def screen(
    payload: Any,
    known_municipalities: Collection[str],
    local: LocalSource | None = None,
    tree: ParameterTree | None = None,
) -> dict[str, Any] | list[Any]:
    """Answer one request (raises InputError) or a list (bad items get an error object).
    `tree`: the parameters to use (default: the published ones)."""
    if not isinstance(payload, list):
        return answer([parse_request(payload, known_municipalities)], local, tree)[0]
    parsed: list[ScreenRequest | InputError] = []
    for item in payload:
        try:
            parsed.append(parse_request(item, known_municipalities))
        except InputError as error:
            parsed.append(error)
    good = [p for p in parsed if isinstance(p, ScreenRequest)]
    answered = iter(answer(good, local, tree))
    return [{"error": p.as_dict()} if isinstance(p, InputError) else next(answered) for p in parsed]
