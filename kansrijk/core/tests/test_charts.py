"""Charts and the map (ADR 0030): what a screen reader, a table reader and a spreadsheet get,
and that a public chart never shows a count from 1 to 9, not even as a bar's length."""

from __future__ import annotations

import csv
import re

from django.template import Context, Template

from kansrijk.core.charts import Chart, Kind, cells_from
from kansrijk.core.charts.export import charts_csv
from kansrijk.core.charts.geo import project, simplify
from kansrijk.core.charts.layout import bars, choropleth, class_breaks, lines
from kansrijk.core.charts.values import format_cents
from kansrijk.municipalities.shapes import national_map, places


def _chart(rows, *, kind=Kind.COUNT, public=True, **extra):
    return Chart(
        key="proef",
        title="Kinderen geholpen",
        description="Aantal kinderen dat hulp kreeg, per regeling.",
        label_header="Regeling",
        value_header="Aantal",
        kind=kind,
        cells=cells_from(rows, kind=kind, public=public),
        **extra,
    )


def _render(source: str, **context) -> str:
    return Template("{% load charts %}" + source).render(Context(context))


def test_public_counts_from_one_to_nine_are_hidden_and_draw_no_bar():
    chart = _chart([("a", "Sport", 3), ("b", "Cultuur", 27), ("c", "Kleding", 0)])
    assert [(c.value, c.suppressed, c.text) for c in chart.cells] == [
        (None, True, "< 10"),
        (25, False, "25"),
        (0, False, "0"),
    ]
    layout = bars(chart)
    assert layout.rows[0].width == 0.0
    assert layout.rows[1].width > 0


def test_the_owner_sees_exact_counts():
    chart = _chart([("a", "Sport", 3)], public=False)
    assert (chart.cells[0].value, chart.cells[0].text) == (3, "3")


def test_a_bar_chart_names_itself_for_screen_readers_and_has_a_table_and_csv_link():
    chart = _chart([("a", "Sport", 3), ("b", "Cultuur", 27)], csv_url="/csv/?grafiek=proef")
    html = _render("{% bar_chart chart %}", chart=chart)
    assert 'role="img" aria-labelledby="kr-proef-title kr-proef-desc"' in html
    assert '<title id="kr-proef-title">Kinderen geholpen</title>' in html
    assert '<desc id="kr-proef-desc">Aantal kinderen dat hulp kreeg, per regeling.</desc>' in html
    assert 'fill="url(#kr-hatch-proef)"' in html
    assert re.search(r'<th class="utrecht-table__header-cell" scope="row">Sport</th>.*&lt; 10', html)
    assert '<data class="kr-count" value="25">25</data>' in html
    assert 'href="/csv/?grafiek=proef" download' in html


def test_a_line_chart_breaks_where_a_value_is_hidden():
    rows = [("2023", "2023", 40), ("2024", "2024", 4), ("2025", "2025", 60)]
    chart = _chart(rows)
    layout = lines(chart)
    (series,) = layout.series
    assert series.path.count("M") == 2  # a gap at 2024
    assert len(series.suppressed_x) == 1
    html = _render("{% line_chart chart %}", chart=chart)
    assert "<title id=" in html and "<desc id=" in html


def test_money_is_shown_in_euros_with_a_dutch_comma():
    assert format_cents(123456) == "€ 1.234,56"
    chart = _chart([("a", "Sport", 123456)], kind=Kind.CENTS)
    assert chart.cells[0].text == "€ 1.234,56"


def test_the_csv_has_counts_as_shown_and_other_values_as_plain_numbers():
    counts = _chart([("a", "Sport", 3), ("b", "Cultuur", 27)])
    money = _chart([("a", "Sport", 123456)], kind=Kind.CENTS)
    rows = list(csv.DictReader(charts_csv([counts, money]).decode("utf-8-sig").splitlines(), delimiter=";"))
    assert [(r["Onderwerp"], r["Aantal"], r["Waarde"]) for r in rows] == [
        ("Sport", "< 10", ""),
        ("Cultuur", "25", ""),
        ("Sport", "", "1234,56"),
    ]


def test_simplifying_keeps_the_ends_and_drops_points_on_a_straight_line():
    assert simplify([(0, 0), (1, 0.01), (2, 0), (3, 5)], 0.5) == [(0, 0), (2, 0), (3, 5)]


def test_projection_fits_the_width_and_keeps_north_up():
    shapes = project([("a", {"type": "Polygon", "coordinates": [[[5, 52], [6, 52], [6, 53], [5, 52]]]})], width=100)
    assert shapes.width == 100
    assert shapes.height > 100  # a degree of latitude is longer than one of longitude here
    assert shapes.paths["a"].startswith("M0 ")


def test_the_national_map_has_every_municipality_and_hatches_hidden_counts():
    shapes = national_map()
    assert len(shapes.paths) == 342 and all(shapes.paths.values())
    rows = [(place.code, place.name, 5 if place.code == "GM1640" else 40) for place in places()]
    chart = _chart(rows, higher_is_better=True)
    layout = choropleth(chart, shapes)
    hatched = [area.key for area in layout.areas if area.hatched]
    assert hatched == ["GM1640"]
    html = _render("{% choropleth chart shapes %}", chart=chart, shapes=shapes)
    assert html.count("<path ") == 342
    assert "Hoger is beter" in html
    assert "Gearceerd: minder dan 10, niet getoond" in html


def test_class_breaks_are_round():
    assert class_breaks([0, 37, 149]) == [40.0, 80.0, 120.0, 160.0, 200.0]
