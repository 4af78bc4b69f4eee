"""A chart's CSV download: the same cells as its table (CSV for Dutch Excel: UTF-8 with
BOM, `;`). Counts go in the column "Aantal" (as shown: "< 10" or a multiple of 5 outside
the owner), every other value in "Waarde", as a plain number a spreadsheet can read."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from django.http import HttpResponse

from kansrijk.core.charts.values import Cell, Chart, Kind
from kansrijk.core.suppression import SUPPRESSED_LABEL

HEADERS = ("Grafiek", "Groep", "Onderwerp", "Aantal", "Waarde", "Eenheid")
UNITS = {Kind.COUNT: "", Kind.DAYS: "dagen", Kind.PERCENT: "%", Kind.CENTS: "euro", Kind.SCORE: "score"}


def _plain(kind: Kind, value: float) -> str:
    if kind is Kind.CENTS:
        whole, rest = divmod(int(value), 100)
        return f"{whole},{rest:02d}"
    if value == int(value):
        return str(int(value))
    return f"{value:.1f}".replace(".", ",")


def _row(chart: Chart, cell: Cell) -> tuple[str, ...]:
    if cell.suppressed:
        count, other = SUPPRESSED_LABEL, ""
    elif cell.value is None:
        count, other = "", ""
    elif chart.kind is Kind.COUNT:
        count, other = str(int(cell.value)), ""
    else:
        count, other = "", _plain(chart.kind, cell.value)
    return (str(chart.title), cell.group, cell.label, count, other, UNITS[chart.kind])


def charts_csv(charts: Iterable[Chart]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADERS)
    for chart in charts:
        writer.writerows(_row(chart, cell) for cell in chart.cells)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def csv_response(charts: list[Chart], *, filename: str, key: str | None = None) -> HttpResponse:
    """The CSV of one chart (`key`) or, without a key, of all of them; unknown key: all."""
    chosen = [chart for chart in charts if chart.key == key] or charts
    response = HttpResponse(charts_csv(chosen), content_type="text/csv; charset=utf-8")
    name = f"{filename}-{chosen[0].key}" if len(chosen) == 1 else filename
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response
