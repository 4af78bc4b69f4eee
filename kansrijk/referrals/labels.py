"""How a child is named outside the concern itself: initials and age, never a full name.

Used in lists, in-app notifications and e-mails ("over S., 9 jaar"), so a professional knows
which child a message is about without the message carrying the name."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Protocol

from django.utils.translation import gettext as _

from kansrijk.referrals.validation import age_range

_PARTS = re.compile(r"[\s.\-]+")


class ChildLike(Protocol):
    first_name: str
    birth_year: int
    age: int | None


def initials(first_name: str) -> str:
    """'Sam' → 'S.', 'Anne-Fleur' → 'A.F.', 'a.b.' → 'A.B.'; '' → ''."""
    return "".join(f"{part[0].upper()}." for part in _PARTS.split(first_name.strip()) if part)


def age_text(child: ChildLike, *, this_year: int, given_year: int) -> str:
    """'9 jaar', or '8 of 9 jaar' when only the birth year is known."""
    known = age_range(birth_year=child.birth_year, age=child.age, this_year=this_year, given_year=given_year)
    if known.low == known.high:
        return _("%(n)s jaar") % {"n": known.high}
    return _("%(low)s of %(high)s jaar") % {"low": known.low, "high": known.high}


def children_text(children: Iterable[ChildLike], *, this_year: int, given_year: int) -> str:
    """'S., 9 jaar' or 'S., 9 jaar en J., 5 of 6 jaar' for the children of one concern."""
    parts = [
        f"{initials(c.first_name) or '?'}, {age_text(c, this_year=this_year, given_year=given_year)}" for c in children
    ]
    if len(parts) <= 1:
        return "".join(parts)
    return _("%(first)s en %(last)s") % {"first": "; ".join(parts[:-1]), "last": parts[-1]}
