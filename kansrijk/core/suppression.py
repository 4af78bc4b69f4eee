"""One suppression rule for every count of people or events shown outside the
organisation that owns the records (ADR 0013):

- 0 is shown as 0 ("none" says nothing about a person);
- 1 to 9 are not shown: `suppress` gives `None`, pages show "< 10", JSON has `null`;
- 10 and more are rounded to the nearest multiple of 5 (halves up), never below 10,
  so one new event cannot be read off by comparing two moments.

Views and exports that show such counts are registered with `@aggregate_view`; the
meta-test (`kansrijk/core/tests/test_suppression.py`) requests every registered URL with
1 to 9 events behind each count and refuses a project URL that is in neither its list
of aggregate scenarios nor its list of pages without counts of people.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from rest_framework import serializers

SMALL_CELL = 10
ROUND_TO = 5
SUPPRESSED_LABEL = "< 10"

F = TypeVar("F", bound=Callable[..., object])


def suppress(count: int) -> int | None:
    """The count as it may be shown outside the owning organisation; `None` means "< 10"."""
    if count < 0:
        raise ValueError(f"A count cannot be negative: {count}.")
    if count == 0:
        return 0
    if count < SMALL_CELL:
        return None
    return max(SMALL_CELL, (count + ROUND_TO // 2) // ROUND_TO * ROUND_TO)


def display(count: int | None) -> str:
    """A suppressed count for people: "< 10", or the (already rounded) number."""
    return SUPPRESSED_LABEL if count is None else str(count)


def is_publishable(value: int | None) -> bool:
    """True for what `suppress` can give: None, 0, or a multiple of 5 of at least 10."""
    return value is None or value == 0 or (value >= SMALL_CELL and value % ROUND_TO == 0)


def aggregate_view(view: F) -> F:
    """Mark a view that shows counts of people or events outside the owning organisation."""
    view.shows_aggregates = True  # type: ignore[attr-defined]
    return view


def is_aggregate_view(view: object) -> bool:
    return bool(getattr(view, "shows_aggregates", False))


class SmallCellCountField(serializers.IntegerField):
    """A count in the API: `null` for 1 to 9, else rounded (suppressing twice changes nothing)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("read_only", True)
        kwargs.setdefault("allow_null", True)
        kwargs.setdefault("help_text", "A count: null means 1 to 9; 10 and more are rounded to a multiple of 5.")
        super().__init__(**kwargs)

    def to_representation(self, value: int | None) -> Any:  # int, or None for 1 to 9
        return None if value is None else suppress(int(value))
