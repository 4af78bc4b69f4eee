"""Where things go in a chart's SVG: bars, lines, map classes and the legend.

Each function turns a `Chart` into plain numbers and strings for its template; nothing
here writes markup. Colours meet WCAG 2.1 AA: text is near-black on white (≥ 4.5:1), bars,
lines and area outlines at least 3:1 against white (1.4.11), and nothing is told by colour
alone (1.4.1): every value is written beside its bar, series differ in dash and marker,
map classes are named in the legend, and the table says it all again.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.utils.translation import gettext as _

from kansrijk.core.charts.geo import MapShapes
from kansrijk.core.charts.values import Cell, Chart, format_value

TEXT = "#1a1a1a"
AXIS = "#595959"  # 7:1 on white
BAR = "#1f5f99"  # 6.6:1 on white
SERIES = (("#1f5f99", ""), ("#8a3b00", "6 3"), ("#3d6b00", "2 3"), ("#6a1b9a", "8 3 2 3"))
# Sequential blues, light to dark (ColorBrewer "Blues", 5 classes); areas have a dark outline.
CLASSES = ("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c")
OUTLINE = "#595959"
NO_DATA = "#ffffff"

BAR_WIDTH = 640
LABEL_WIDTH = 230
VALUE_ROOM = 110
ROW = 28
LABEL_CHARS = 32


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"


@dataclass(frozen=True)
class BarRow:
    y: float
    width: float
    label: str
    text: str
    suppressed: bool
    full_label: str


@dataclass(frozen=True)
class BarLayout:
    width: int
    height: int
    label_width: int
    rows: tuple[BarRow, ...]


def bars(chart: Chart) -> BarLayout:
    room = BAR_WIDTH - LABEL_WIDTH - VALUE_ROOM
    top = chart.max_value or 1.0
    rows = tuple(
        BarRow(
            y=index * ROW + 4,
            width=max(1.0, room * cell.value / top) if cell.value else 0.0,
            label=_short(cell.label),
            text=cell.text,
            suppressed=cell.suppressed,
            full_label=cell.label,
        )
        for index, cell in enumerate(chart.cells)
    )
    return BarLayout(width=BAR_WIDTH, height=max(ROW, len(rows) * ROW + 8), label_width=LABEL_WIDTH, rows=rows)


def nice_ceiling(value: float) -> float:
    """The next "round" number at or above `value` (1, 2, 2.5, 5 × a power of ten)."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power:
            return float(step * power)
    return float(10 * power)


@dataclass(frozen=True)
class LinePoint:
    x: float
    y: float
    text: str
    label: str


@dataclass(frozen=True)
class LineSeries:
    name: str
    colour: str
    dash: str
    path: str
    points: tuple[LinePoint, ...]
    suppressed_x: tuple[float, ...]


@dataclass(frozen=True)
class Tick:
    position: float
    text: str


@dataclass(frozen=True)
class LineLayout:
    width: int
    height: int
    left: int
    bottom: int
    right: int
    series: tuple[LineSeries, ...]
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]


LINE_WIDTH, LINE_HEIGHT, LEFT, TOP, BOTTOM_ROOM = 640, 300, 70, 16, 40


def _path(points: list[LinePoint | None]) -> str:
    """Lines between known points; a gap where a value is suppressed or missing."""
    parts, pen_down = [], False
    for point in points:
        if point is None:
            pen_down = False
            continue
        parts.append(f"{'L' if pen_down else 'M'}{point.x:.1f} {point.y:.1f}")
        pen_down = True
    return "".join(parts)


def lines(chart: Chart) -> LineLayout:
    """Cells grouped by series (`cell.group`), keyed by period (`cell.key`) on the x axis."""
    periods = list(dict.fromkeys(cell.key for cell in chart.cells))
    labels = {cell.key: cell.label for cell in chart.cells}
    bottom = LINE_HEIGHT - BOTTOM_ROOM
    right = LINE_WIDTH - 20
    top_value = nice_ceiling(chart.max_value)
    step = (right - LEFT) / max(1, len(periods) - 1)
    x_of = {period: LEFT + index * step for index, period in enumerate(periods)}

    def y_of(value: float) -> float:
        return bottom - (bottom - TOP) * value / top_value

    series = []
    names = chart.series or tuple(dict.fromkeys(cell.group for cell in chart.cells))
    for index, name in enumerate(names):
        colour, dash = SERIES[index % len(SERIES)]
        by_period: dict[str, Cell] = {cell.key: cell for cell in chart.cells if cell.group == name}
        points: list[LinePoint | None] = []
        for period in periods:
            cell = by_period.get(period)
            if cell is None or cell.value is None:
                points.append(None)
            else:
                points.append(LinePoint(x_of[period], y_of(cell.value), cell.text, cell.label))
        series.append(
            LineSeries(
                name=name,
                colour=colour,
                dash=dash,
                path=_path(points),
                points=tuple(p for p in points if p is not None),
                suppressed_x=tuple(x_of[k] for k, c in by_period.items() if c.suppressed),
            )
        )
    y_ticks = tuple(Tick(y_of(top_value * i / 4), format_value(chart.kind, top_value * i / 4)) for i in range(5))
    return LineLayout(
        width=LINE_WIDTH,
        height=LINE_HEIGHT,
        left=LEFT,
        bottom=bottom,
        right=right,
        series=tuple(series),
        x_ticks=tuple(Tick(x_of[p], labels[p]) for p in periods),
        y_ticks=y_ticks,
    )


@dataclass(frozen=True)
class Area:
    key: str
    path: str
    fill: str
    hatched: bool
    title: str


@dataclass(frozen=True)
class LegendClass:
    colour: str
    text: str


@dataclass(frozen=True)
class MapLayout:
    width: int
    height: int
    areas: tuple[Area, ...]
    legend: tuple[LegendClass, ...]
    direction: str
    has_suppressed: bool
    has_missing: bool


def class_breaks(values: list[float], classes: int = len(CLASSES)) -> list[float]:
    """Upper bounds of equal-interval classes from 0 to a round maximum."""
    top = nice_ceiling(max(values, default=0.0))
    return [top * (i + 1) / classes for i in range(classes)]


def _class_of(value: float, breaks: list[float]) -> int:
    return next((i for i, bound in enumerate(breaks) if value <= bound), len(breaks) - 1)


def direction_text(higher_is_better: bool | None) -> str:
    if higher_is_better is None:
        return _("Hoger is niet beter of slechter.")
    return _("Donkerder is hoger. Hoger is beter.") if higher_is_better else _("Donkerder is hoger. Lager is beter.")


def choropleth(chart: Chart, shapes: MapShapes) -> MapLayout:
    cells = {cell.key: cell for cell in chart.cells}
    breaks = class_breaks([c.value for c in chart.cells if c.value is not None])
    areas = []
    for key, path in shapes.paths.items():
        cell = cells.get(key)
        if cell is None or cell.value is None:
            fill, hatched = NO_DATA, bool(cell and cell.suppressed)
        else:
            fill, hatched = CLASSES[_class_of(cell.value, breaks)], False
        name = cell.label if cell else key
        text = cell.text if cell else _("geen gegevens")
        areas.append(Area(key=key, path=path, fill=fill, hatched=hatched, title=f"{name}: {text}"))
    lower = [0.0, *breaks[:-1]]
    legend = tuple(
        LegendClass(colour, f"{format_value(chart.kind, low)} – {format_value(chart.kind, high)}")
        for colour, low, high in zip(CLASSES, lower, breaks, strict=True)
    )
    return MapLayout(
        width=shapes.width,
        height=shapes.height,
        areas=tuple(areas),
        legend=legend,
        direction=direction_text(chart.higher_is_better),
        has_suppressed=any(a.hatched for a in areas),
        has_missing=any(not a.hatched and a.fill == NO_DATA for a in areas),
    )
