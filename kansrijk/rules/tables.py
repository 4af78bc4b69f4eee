"""Household and person tables: numpy columns, one row per household / per child.

One family is a table of one; the whole country is a table of millions. Money columns
are int64 cents. Children are stored sorted by household with CSR offsets, so per-household
sums are a cumulative sum and two gathers (no Python loop, no float).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

I8 = npt.NDArray[np.int8]
I16 = npt.NDArray[np.int16]
I32 = npt.NDArray[np.int32]
I64 = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]

SCHOOLS = ("none", "primary", "secondary", "mbo")


@dataclass(frozen=True)
class Adult:
    age: int
    taxable_income_yearly: int  # cents
    net_income_monthly: int  # cents
    insured: bool


@dataclass(frozen=True)
class Child:
    age: int
    birth_date: dt.date | None
    school: str


@dataclass(frozen=True)
class Household:
    """One household as given by the caller; adults[0] is the applicant (aanvrager)."""

    adults: tuple[Adult, ...]
    children: tuple[Child, ...]
    partners: bool  # adults[0] and adults[1] are toeslagpartners
    assets: int  # cents, on 1 January
    rent_monthly: int  # cents, kale huur
    municipality: str


@dataclass
class Tables:
    """Columns for H households and C children (children sorted by household)."""

    n_adults: I8
    partners: Bools
    applicant_age: I16
    min_adult_age: I16
    max_adult_age: I16
    income_toeslag: I64  # applicant + toeslagpartner, taxable, per year
    income_household: I64  # all adults, taxable, per year (huurtoeslag)
    net_income_monthly: I64  # applicant + toeslagpartner
    n_insured: I8  # insured among applicant and toeslagpartner
    applicant_insured: Bools
    assets: I64
    rent: I64
    municipality: I16
    municipality_codes: tuple[str, ...]
    child_offsets: I64  # H + 1
    child_household: I32
    child_birth_year: I16
    child_birth_md: I16  # month * 100 + day
    child_age_fixed: I16  # age given without birth date (holds all year), else -1
    child_school: I8

    @property
    def size(self) -> int:
        return int(self.n_adults.shape[0])

    @property
    def n_children(self) -> I64:
        return np.diff(self.child_offsets)

    @property
    def n_persons(self) -> I64:
        return self.n_children + self.n_adults

    def slice(self, start: int, stop: int) -> Tables:
        """Households start..stop-1 and their children (views, no copies of big columns)."""
        first, last = int(self.child_offsets[start]), int(self.child_offsets[stop])
        columns: dict[str, object] = {}
        for name, value in vars(self).items():
            if name == "child_offsets":
                columns[name] = value[start : stop + 1] - first
            elif name == "child_household":
                columns[name] = value[first:last] - start
            elif name.startswith("child_"):
                columns[name] = value[first:last]
            elif isinstance(value, np.ndarray):
                columns[name] = value[start:stop]
            else:
                columns[name] = value
        return Tables(**columns)  # type: ignore[arg-type]

    def per_household(self, child_values: I64) -> I64:
        """Sum an int64 child column per household (households without children get 0)."""
        cumulative = np.zeros(child_values.shape[0] + 1, dtype=np.int64)
        np.cumsum(child_values, out=cumulative[1:])
        at_offsets = cumulative[self.child_offsets]  # one gather; sums are its differences
        result: I64 = at_offsets[1:] - at_offsets[:-1]
        return result

    def households_with(self, child_mask: Bools) -> Bools:
        """Per household: does any of its children satisfy `child_mask`? (a scatter, no sum)"""
        found = np.zeros(self.size, dtype=np.bool_)
        found[self.child_household[child_mask]] = True
        return found

    def child_age_on(self, on: dt.date) -> I16:
        """Each child's age in whole years on a date."""
        before = np.int16(on.month * 100 + on.day) < self.child_birth_md
        age = (np.int16(on.year) - self.child_birth_year - before).astype(np.int16)
        fixed = self.child_age_fixed >= 0
        result: I16 = np.where(fixed, self.child_age_fixed, age).astype(np.int16)
        return result

    def child_ages_on(self, dates: list[dt.date]) -> tuple[npt.NDArray[np.int16], Bools]:
        """Ages on several dates at once (one row per date), and whether born by then."""
        years = np.array([d.year for d in dates], dtype=np.int16)[:, None]
        mds = np.array([d.month * 100 + d.day for d in dates], dtype=np.int16)[:, None]
        birth_year, birth_md = self.child_birth_year[None, :], self.child_birth_md[None, :]
        age = years - birth_year - (mds < birth_md)
        fixed = self.child_age_fixed[None, :]
        ages: npt.NDArray[np.int16] = np.where(fixed >= 0, fixed, age).astype(np.int16)
        born: Bools = (birth_year < years) | ((birth_year == years) & (birth_md <= mds))
        return ages, born

    def per_household_rows(self, child_values: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
        """`per_household` for a matrix with one row per date (children in the columns)."""
        cumulative = np.zeros((child_values.shape[0], child_values.shape[1] + 1), dtype=np.int64)
        np.cumsum(child_values, axis=1, out=cumulative[:, 1:])
        result: npt.NDArray[np.int64] = cumulative[:, self.child_offsets[1:]] - cumulative[:, self.child_offsets[:-1]]
        return result

    def child_birth_month_index(self) -> I32:
        """Months since year 0 of each child's birth month (year * 12 + month - 1)."""
        month = (self.child_birth_md // 100).astype(np.int32)
        result: I32 = self.child_birth_year.astype(np.int32) * 12 + month - 1
        return result

    def child_born_on_or_before(self, on: dt.date) -> Bools:
        year = np.int16(on.year)
        md = np.int16(on.month * 100 + on.day)
        born: Bools = (self.child_birth_year < year) | ((self.child_birth_year == year) & (self.child_birth_md <= md))
        return born


def _synthetic_birth(age: int, on: dt.date) -> tuple[int, int]:
    """A birth date that gives `age` on every month and quarter start of `on`'s year.

    31 December of (year - age - 1): the child is `age` on 1 January and stays so until
    the last day of the year; month rules (from the month after birth, extras from the
    month after a birthday) then see the same age in every month.
    """
    return on.year - age - 1, 1231


def _child_columns(households: Sequence[Household], on: dt.date) -> dict[str, np.ndarray]:
    years, mds, fixed, schools, owners = [], [], [], [], []
    for index, household in enumerate(households):
        for child in household.children:
            if child.birth_date is None:
                year, md = _synthetic_birth(child.age, on)
                fixed.append(child.age)
            else:
                year, md = child.birth_date.year, child.birth_date.month * 100 + child.birth_date.day
                fixed.append(-1)
            years.append(year)
            mds.append(md)
            schools.append(SCHOOLS.index(child.school))
            owners.append(index)
    return {
        "child_household": np.array(owners, dtype=np.int32),
        "child_birth_year": np.array(years, dtype=np.int16),
        "child_birth_md": np.array(mds, dtype=np.int16),
        "child_age_fixed": np.array(fixed, dtype=np.int16),
        "child_school": np.array(schools, dtype=np.int8),
    }


def _adult_columns(households: Sequence[Household]) -> dict[str, np.ndarray]:
    def column(values: list[int], dtype: type) -> np.ndarray:
        return np.array(values, dtype=dtype)

    toeslag = [h.adults[: 2 if h.partners else 1] for h in households]
    return {
        "n_adults": column([len(h.adults) for h in households], np.int8),
        "partners": column([h.partners for h in households], np.bool_),
        "applicant_age": column([h.adults[0].age for h in households], np.int16),
        "min_adult_age": column([min(a.age for a in h.adults) for h in households], np.int16),
        "max_adult_age": column([max(a.age for a in h.adults) for h in households], np.int16),
        "income_toeslag": column([sum(a.taxable_income_yearly for a in t) for t in toeslag], np.int64),
        "income_household": column([sum(a.taxable_income_yearly for a in h.adults) for h in households], np.int64),
        "net_income_monthly": column([sum(a.net_income_monthly for a in t) for t in toeslag], np.int64),
        "n_insured": column([sum(a.insured for a in t) for t in toeslag], np.int8),
        "applicant_insured": column([h.adults[0].insured for h in households], np.bool_),
    }


def build_tables(households: Sequence[Household], on: dt.date) -> Tables:
    """Tables for a few households (the screening path; the population has its own builder)."""
    codes = tuple(sorted({h.municipality for h in households}))
    counts = np.array([len(h.children) for h in households], dtype=np.int64)
    offsets = np.zeros(len(households) + 1, dtype=np.int64)
    np.cumsum(counts, out=offsets[1:])
    return Tables(
        **_adult_columns(households),
        assets=np.array([h.assets for h in households], dtype=np.int64),
        rent=np.array([h.rent_monthly for h in households], dtype=np.int64),
        municipality=np.array([codes.index(h.municipality) for h in households], dtype=np.int16),
        municipality_codes=codes,
        child_offsets=offsets,
        **_child_columns(households, on),
    )
