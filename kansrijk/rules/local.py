"""Municipal schemes and funds as data: one `LocalRule` per version row, evaluated vectorised.

A municipality's kindpakket and a fund's criteria are not code but rows (the screener app keeps
them, versioned, in the database). `LocalScheme(rule)` evaluates one row over any `Tables`
(one family or a synthetic population) with the same columns the national schemes use:

- income: net monthly income of the applicant and toeslagpartner (`tables.net_income_monthly`;
  other adults make the bijstandsnorm unavailable anyway: kostendelersnorm) against
  `income_limit_percent` % of the bijstandsnorm on the date, with or without vakantietoeslag;
  or the Voedselbank leefgeld test (net income minus rent against a norm per household size);
  or no income test at all (Kinderhulp, Jarige Job);
- assets against `asset_limit` (cents), residence in the municipality (municipal rows),
  children in an age range and school type; amounts per child (by age band / school type)
  and per household, per year, in cents.

Every row carries its source; `unverified` marks rows known only from a secondary source,
and `unknown_reason` makes a row answer `available: false` with that reason (never a guess).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from kansrijk.rules.money import format_cents
from kansrijk.rules.params import MissingParameter, ParameterTree, Reference
from kansrijk.rules.schemes.base import (
    KIND_FUND,
    KIND_MUNICIPAL,
    ConditionSpec,
    SchemeResult,
    missing_reason,
    unavailable,
)
from kansrijk.rules.schemes.bijstandsnorm import REASONS as NORM_REASONS
from kansrijk.rules.schemes.bijstandsnorm import norms_on
from kansrijk.rules.tables import I8, I64, SCHOOLS, Bools, Tables

INCOME_NONE, INCOME_NORM, INCOME_LEEFGELD = "none", "bijstandsnorm", "leefgeld"
INCOME_TESTS = (INCOME_NONE, INCOME_NORM, INCOME_LEEFGELD)
PAYMENT_ROUTES = ("voucher", "provider", "money", "goods")
APPLIES_VIA = ("self", "professional", "intermediary")
KINDS = (KIND_MUNICIPAL, KIND_FUND)
MAX_PERCENT = 300


@dataclass(frozen=True)
class AmountBand:
    """An amount per child per year for children of an age range (and school type, if set)."""

    age_min: int
    age_max: int
    cents: int
    school: str = ""


@dataclass(frozen=True)
class LocalRule:
    """One version of a municipal scheme or a fund's criteria, valid from `start` to `end`."""

    key: str  # stable scheme id in answers, e.g. "GM1640/kindpakket" or "kinderhulp"
    label: str
    kind: str  # municipal | fund
    rank: int  # order of use (see `order.py`); lower comes first
    provider: str
    municipality: str | None  # None: everywhere (a national fund)
    start: dt.date
    source: Reference
    needs: tuple[str, ...] = ()
    end: dt.date | None = None
    income_test: str = INCOME_NONE
    income_limit_percent: int | None = None
    norm_with_holiday: bool = True
    leefgeld_base: int | None = None  # cents per month for the first person
    leefgeld_per_person: int | None = None  # cents per month for every further person
    asset_limit: int | None = None
    child_age_min: int | None = None
    child_age_max: int | None = None
    schools: tuple[str, ...] = ()
    amount_per_child: int | None = None
    amount_per_household: int | None = None
    bands: tuple[AmountBand, ...] = ()
    payment_route: str = "voucher"
    applies_via: str = "self"
    how_to_apply: str = ""
    how_to_apply_en: str = ""  # English, written by the owner; empty: the Dutch text is shown
    apply_url: str = ""
    apply_phone: str = ""
    apply_address: str = ""
    apply_intermediary: str = ""  # who applies for the family (when the family cannot apply itself)
    apply_intermediary_en: str = ""
    unverified: bool = False
    unknown_reason: str = ""
    is_demo: bool = False
    version: str = ""

    def in_force(self, on: dt.date) -> bool:
        return self.start <= on and (self.end is None or on <= self.end)

    @property
    def has_amount(self) -> bool:
        return self.amount_per_child is not None or self.amount_per_household is not None or bool(self.bands)

    @property
    def for_children(self) -> bool:
        return self.child_age_min is not None or self.child_age_max is not None or bool(self.schools)


def select_rules(rules: Iterable[LocalRule], municipality: str, on: dt.date) -> list[LocalRule]:
    """The rows in force on `on` for a household in `municipality`, in order of use.

    A fund's own row for the municipality replaces its national row (same key).
    """
    chosen: dict[str, LocalRule] = {}
    for rule in rules:
        if not rule.in_force(on) or rule.municipality not in (None, municipality):
            continue
        current = chosen.get(rule.key)
        if current is None or (current.municipality is None and rule.municipality is not None):
            chosen[rule.key] = rule
    return sorted(chosen.values(), key=lambda r: (r.rank, r.kind != KIND_MUNICIPAL, r.label))


SCHOOL_NAMES_NL = {"none": "geen school", "primary": "basisschool", "secondary": "middelbare school", "mbo": "mbo"}

# The texts are message templates: the screener translates them (English catalogue) and
# fills in the parameters; `explanation` in the contract is the Dutch text filled in here.
INCOME_HOLDS = {
    True: "Uw netto inkomen ({inkomen} per maand) is niet hoger dan de grens van {grens}. "
    "Dat is {percent}% van de bijstandsnorm met vakantiegeld.",
    False: "Uw netto inkomen ({inkomen} per maand) is niet hoger dan de grens van {grens}. "
    "Dat is {percent}% van de bijstandsnorm zonder vakantiegeld.",
}
INCOME_FAILS = {
    True: "Uw netto inkomen ({inkomen} per maand) is hoger dan de grens van {grens} per maand "
    "({percent}% van de bijstandsnorm met vakantiegeld). U zit {boven_grens} boven de grens.",
    False: "Uw netto inkomen ({inkomen} per maand) is hoger dan de grens van {grens} per maand "
    "({percent}% van de bijstandsnorm zonder vakantiegeld). U zit {boven_grens} boven de grens.",
}
# (has an oldest age, has school types) -> (holds, fails)
CHILD_TEXTS = {
    (True, False): (
        "Er woont een kind van {age_min} tot en met {age_max} jaar bij u.",
        "Er woont geen kind van {age_min} tot en met {age_max} jaar bij u.",
    ),
    (False, False): (
        "Er woont een kind van {age_min} jaar of ouder bij u.",
        "Er woont geen kind van {age_min} jaar of ouder bij u.",
    ),
    (True, True): (
        "Er woont een kind van {age_min} tot en met {age_max} jaar bij u (school: {schools}).",
        "Er woont geen kind van {age_min} tot en met {age_max} jaar bij u (school: {schools}).",
    ),
    (False, True): (
        "Er woont een kind van {age_min} jaar of ouder bij u (school: {schools}).",
        "Er woont geen kind van {age_min} jaar of ouder bij u (school: {schools}).",
    ),
}


def _income_specs(rule: LocalRule) -> tuple[ConditionSpec, ...]:
    ref = rule.source
    if rule.income_test == INCOME_NORM:
        holiday = rule.norm_with_holiday
        params = {"percent": str(rule.income_limit_percent)}
        return (ConditionSpec("inkomen_onder_grens", INCOME_HOLDS[holiday], INCOME_FAILS[holiday], ref, params),)
    if rule.income_test == INCOME_LEEFGELD:
        return (
            ConditionSpec(
                "leefgeld_onder_norm",
                "Uw leefgeld ({leefgeld} per maand: inkomen min huur) is niet hoger dan de norm van {grens}.",
                "Uw leefgeld ({leefgeld} per maand: inkomen min huur) is hoger dan de norm van {grens}.",
                ref,
            ),
        )
    text = "{provider} kijkt niet naar uw inkomen."
    return (ConditionSpec("geen_inkomenstoets", text, text, ref, {"provider": rule.provider}),)


def _child_spec(rule: LocalRule) -> ConditionSpec:
    high = rule.child_age_max
    holds, fails = CHILD_TEXTS[(high is not None, bool(rule.schools))]
    params = {
        "age_min": str(rule.child_age_min or 0),
        "age_max": str(high) if high is not None else "",
        "schools": ", ".join(SCHOOL_NAMES_NL[s] for s in rule.schools),
        "school_codes": ",".join(rule.schools),
    }
    return ConditionSpec("kind_past", holds, fails, rule.source, params)


def condition_specs(rule: LocalRule) -> tuple[ConditionSpec, ...]:
    """The named conditions of a row, as message templates with parameters and the row's source."""
    ref = rule.source
    specs: list[ConditionSpec] = []
    if rule.municipality is not None and rule.kind == KIND_MUNICIPAL:
        specs.append(
            ConditionSpec(
                "woont_in_gemeente",
                "U woont in de gemeente van deze regeling ({provider}).",
                "U woont niet in de gemeente van deze regeling ({provider}).",
                ref,
                {"provider": rule.provider},
            )
        )
    specs.extend(_income_specs(rule))
    if rule.asset_limit is not None:
        specs.append(
            ConditionSpec(
                "vermogen_onder_grens",
                "Uw vermogen ({vermogen}) is niet hoger dan {vermogensgrens}.",
                "Uw vermogen ({vermogen}) is hoger dan {vermogensgrens}.",
                ref,
            )
        )
    if rule.for_children:
        specs.append(_child_spec(rule))
    return tuple(specs)


@dataclass
class _Test:
    """Arrays of one evaluation in progress."""

    available: Bools
    reason_code: I8
    reasons: tuple[str, ...]
    conditions: dict[str, Bools]
    context: dict[str, I64]
    unverified: bool


class LocalScheme:
    """A `Scheme` for one `LocalRule`: the registry evaluates it like a national scheme."""

    def __init__(self, rule: LocalRule) -> None:
        self.rule = rule
        self.id = rule.key
        self.label = rule.label
        self.kind = rule.kind
        self.needs = rule.needs
        self.conditions = condition_specs(rule)

    def evaluate(self, tables: Tables, on: dt.date, tree: ParameterTree) -> SchemeResult:
        if self.rule.unknown_reason:
            return unavailable(self.id, tables.size, self.rule.unknown_reason)
        try:
            return self._compute(tables, on, tree)
        except MissingParameter as error:
            return unavailable(self.id, tables.size, missing_reason(self.label, error))

    def _income(self, tables: Tables, on: dt.date, tree: ParameterTree) -> _Test:
        rule, size = self.rule, tables.size
        ones, zeros = np.ones(size, dtype=np.bool_), np.zeros(size, dtype=np.int8)
        income = tables.net_income_monthly
        if rule.income_test == INCOME_NORM:
            params = tree.at(on)
            norms = norms_on(tables, on, params)
            norm = norms.incl if rule.norm_with_holiday else norms.excl
            limit: I64 = norm * int(rule.income_limit_percent or 0) // 100  # income <= floor(limit) is exact
            used = [v for k, v in params.used.items() if rule.norm_with_holiday is False or "vakantie" not in k]
            reasons = tuple(f"{rule.label}: {text}" for text in NORM_REASONS)
            context = {"inkomen": income, "grens": limit, "boven_grens": np.maximum(income - limit, 0)}
            holds: Bools = income <= limit
            unverified = any(v.unverified for v in used)
            return _Test(norms.applies, norms.reason_code, reasons, {"inkomen_onder_grens": holds}, context, unverified)
        if rule.income_test == INCOME_LEEFGELD:
            extra = tables.n_persons.astype(np.int64) - 1
            norm_l: I64 = int(rule.leefgeld_base or 0) + int(rule.leefgeld_per_person or 0) * extra
            leefgeld: I64 = np.maximum(income - tables.rent, 0)
            context = {"leefgeld": leefgeld, "grens": norm_l}
            return _Test(ones, zeros, (), {"leefgeld_onder_norm": leefgeld <= norm_l}, context, False)
        return _Test(ones, zeros, (), {"geen_inkomenstoets": ones}, {}, False)

    def _children(self, tables: Tables, on: dt.date) -> tuple[Bools, I64]:
        """Which children qualify (per child) and how many per household."""
        rule = self.rule
        age = tables.child_age_on(on)
        ok: Bools = tables.child_born_on_or_before(on) & (age >= (rule.child_age_min or 0))
        if rule.child_age_max is not None:
            ok &= age <= rule.child_age_max
        if rule.schools:
            ok &= np.isin(tables.child_school, [SCHOOLS.index(s) for s in rule.schools])
        return ok, tables.per_household(ok.astype(np.int64))

    def _child_amounts(self, tables: Tables, on: dt.date, qualifies: Bools) -> I64:
        rule = self.rule
        age = tables.child_age_on(on)
        amount = np.full(age.shape[0], int(rule.amount_per_child or 0), dtype=np.int64)
        for band in reversed(rule.bands):  # the first matching band wins
            match = (age >= band.age_min) & (age <= band.age_max)
            if band.school:
                match &= tables.child_school == SCHOOLS.index(band.school)
            amount = np.where(match, band.cents, amount)
        return tables.per_household(np.where(qualifies, amount, 0).astype(np.int64))

    def _compute(self, tables: Tables, on: dt.date, tree: ParameterTree) -> SchemeResult:
        rule = self.rule
        test = self._income(tables, on, tree)
        if rule.kind == KIND_MUNICIPAL and rule.municipality is not None:
            codes = np.array([code == rule.municipality for code in tables.municipality_codes], dtype=np.bool_)
            test.conditions = {"woont_in_gemeente": codes[tables.municipality], **test.conditions}
        if rule.asset_limit is not None:
            test.conditions["vermogen_onder_grens"] = tables.assets <= rule.asset_limit
            test.context.update(
                vermogen=tables.assets, vermogensgrens=np.full(tables.size, rule.asset_limit, dtype=np.int64)
            )
        qualifies, n_children = self._children(tables, on)
        if rule.for_children:
            test.conditions["kind_past"] = n_children > 0
        else:
            n_children = tables.n_children.astype(np.int64)
        eligible = test.available.copy()
        for holds in test.conditions.values():
            eligible &= holds
        amount = None
        if rule.has_amount:
            per_child = (
                self._child_amounts(tables, on, qualifies)
                if rule.for_children
                else np.zeros(tables.size, dtype=np.int64)
            )
            total = per_child.astype(np.int64) + int(rule.amount_per_household or 0)
            amount = np.where(eligible, total, 0).astype(np.int64)
        return SchemeResult(
            scheme_id=self.id,
            available=test.available,
            reason_code=test.reason_code,
            reasons=test.reasons,
            eligible=eligible,
            conditions=test.conditions,
            amount_yearly=amount,
            context=test.context,
            unverified=rule.unverified or test.unverified,
            counts={"kinderen": np.where(eligible, n_children, 0).astype(np.int64)},
        )

    def extra(self, result: SchemeResult, index: int) -> dict[str, Any]:
        """What the contract adds for a local row: needs, provider, how to apply, source, limit."""
        rule = self.rule
        limit = result.context.get("grens") if rule.income_test == INCOME_NORM else None
        return {
            "needs": list(rule.needs),
            "provider": rule.provider,
            "municipality": rule.municipality,
            "income_limit_percent": rule.income_limit_percent if rule.income_test == INCOME_NORM else None,
            "income_limit_monthly": format_cents(limit[index]) if limit is not None else None,
            "payment_route": rule.payment_route,
            "apply": {
                "via": rule.applies_via,
                "how": rule.how_to_apply,
                "how_en": rule.how_to_apply_en,
                "url": rule.apply_url,
                "phone": rule.apply_phone,
                "address": rule.apply_address,
                "intermediary": rule.apply_intermediary,
                "intermediary_en": rule.apply_intermediary_en,
            },
            "source": rule.source.as_dict(),
            "is_demo": rule.is_demo,
            "valid_from": rule.start.isoformat(),
            "version": rule.version,
        }


def local_schemes(rules: Sequence[LocalRule]) -> list[LocalScheme]:
    return [LocalScheme(rule) for rule in rules]


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def rule_from_dict(data: Mapping[str, Any]) -> LocalRule:
    """A row from plain data (case files, the fund catalogue); money in cents, dates ISO."""
    values = dict(data)
    source = values.pop("source")
    values["source"] = Reference(str(source["title"]), str(source["href"]))
    values["start"] = _date(values["start"])
    values["end"] = _date(values.get("end"))
    values["bands"] = tuple(AmountBand(**band) for band in values.get("bands", ()))
    for key in ("needs", "schools"):
        values[key] = tuple(values.get(key, ()))
    return LocalRule(**values)
