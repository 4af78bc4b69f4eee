"""Checks on what a professional types: no BSN anywhere, ages that fit who gave consent."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Nine digits, each pair optionally separated by up to three space-like characters (space, non-breaking
# space, tab, thin space …), dot, dash or slash, in any mix (123.456.782, 123-456-782,
# 123/456/782, 123\u00a0456\u00a0782, 1234 56 782), and not part of a longer number.
_SEPARATOR = r"[\s.\-/\u2010-\u2015\u2212]"
_BSN_SHAPE = re.compile(rf"(?<!\d)\d(?:{_SEPARATOR}{{0,3}}\d){{8}}(?!\d)")


def passes_elfproef(digits: str) -> bool:
    """The 11-proef of a BSN: 9·d1 + 8·d2 + … + 2·d8 - 1·d9 is a multiple of 11 (and not 0)."""
    if len(digits) != 9 or not digits.isdigit():
        return False
    total = sum(int(d) * weight for d, weight in zip(digits[:8], range(9, 1, -1), strict=True)) - int(digits[8])
    return total % 11 == 0 and int(digits) != 0


def contains_bsn(text: str) -> bool:
    """True when `text` holds something shaped like a BSN: 9 digits passing the 11-proef."""
    return any(passes_elfproef(re.sub(_SEPARATOR, "", match.group())) for match in _BSN_SHAPE.finditer(str(text or "")))


@dataclass(frozen=True)
class AgeRange:
    """What we know of a child's age today: at least `low`, at most `high` years."""

    low: int
    high: int


def age_range(*, birth_year: int, age: int | None, this_year: int, given_year: int | None = None) -> AgeRange:
    """With only a birth year the child is `year - birth_year` or one less; an age told in an
    earlier year grows with the years since."""
    if age is not None and given_year is not None:
        years = max(this_year - given_year, 0)
        return AgeRange(age + years - 1 if years else age, age + years)
    diff = this_year - birth_year
    return AgeRange(max(diff - 1, 0), max(diff, 0))
