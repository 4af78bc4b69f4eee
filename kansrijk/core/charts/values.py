"""What a chart holds: labelled cells of one kind of value, suppressed where they must be."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from django.utils.formats import number_format
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from kansrijk.core.suppression import SUPPRESSED_LABEL, suppress


class Kind(StrEnum):
    """The kind of the values: it decides suppression, formatting and the CSV column."""

    COUNT = "count"  # people or events: suppressed when public
    DAYS = "days"
    PERCENT = "percent"
    CENTS = "cents"  # money in whole cents, shown as "€ 1.234,56"
    SCORE = "score"


def format_cents(cents: int) -> str:
    """Whole cents as Dutch euros: 123456 → "€ 1.234,56"."""
    sign = "-" if cents < 0 else ""
    whole, rest = divmod(abs(cents), 100)
    return f"{sign}€ {whole:,}".replace(",", ".") + f",{rest:02d}"


def format_value(kind: Kind, value: float | None) -> str:
    """A value as a person reads it, in the active language."""
    if value is None:
        return _("geen gegevens")
    if kind is Kind.CENTS:
        return format_cents(int(value))
    if kind is Kind.COUNT:
        return str(int(value))
    if kind is Kind.PERCENT:
        return f"{number_format(value, decimal_pos=1)}%"
    if kind is Kind.DAYS:
        return _("%(days)s dagen") % {"days": number_format(value, decimal_pos=0 if value == int(value) else 1)}
    return number_format(value, decimal_pos=1)


@dataclass(frozen=True)
class Cell:
    """One labelled value. `value` is what may be shown (already suppressed); `suppressed`
    says a count from 1 to 9 hides behind it; `value is None` without it means no data."""

    key: str
    label: str
    value: float | None
    suppressed: bool = False
    group: str = ""  # for the table: a province, a series name …
    text: str = ""
    is_public_count: bool = False  # shown through the `small_cell` filter (marked for the meta-test)


def cells_from(
    rows: Iterable[tuple[str, str, float | None]], *, kind: Kind, public: bool, group: str = ""
) -> tuple[Cell, ...]:
    """Cells from (key, label, raw value); public counts go through the one suppression rule."""
    cells = []
    for key, label, raw in rows:
        value: float | None = raw
        suppressed = False
        if kind is Kind.COUNT and public and raw is not None:
            shown = suppress(int(raw))
            suppressed = shown is None
            value = shown
        text = SUPPRESSED_LABEL if suppressed else format_value(kind, value)
        cells.append(
            Cell(
                key=key,
                label=label,
                value=value,
                suppressed=suppressed,
                group=group,
                text=text,
                is_public_count=kind is Kind.COUNT and public and raw is not None,
            )
        )
    return tuple(cells)


@dataclass(frozen=True)
class Chart:
    """A chart as data: the picture, the table and the CSV are all made from this."""

    key: str  # unique on the page: element ids and the CSV's `grafiek`
    title: str | Promise
    description: str | Promise  # what it shows, for screen readers and under the picture
    label_header: str | Promise
    value_header: str | Promise
    kind: Kind
    cells: tuple[Cell, ...]
    public: bool = True
    higher_is_better: bool | None = None  # None: neither direction is better
    csv_url: str = ""
    series: tuple[str, ...] = field(default=())  # line charts: the series names, in order
    group_header: str | Promise = ""  # the table's first column when cells have groups

    @property
    def shows_public_counts(self) -> bool:
        return self.kind is Kind.COUNT and self.public

    @property
    def max_value(self) -> float:
        return max((cell.value for cell in self.cells if cell.value is not None), default=0.0)
