"""The CBS figures shipped with the project (ADR 0032): loaded for all 342 municipalities, each
with its year, table, unit and rounding, and read back through the selectors."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kansrijk.municipalities.cbs import CBS_DIR, national_income, read_shipped_figures
from kansrijk.municipalities.constants import DECILES, Measure
from kansrijk.municipalities.models import CbsFigure
from kansrijk.municipalities.selectors import cbs_figure_get, cbs_figures_for, cbs_measure_map, income_deciles

pytestmark = pytest.mark.django_db


def test_every_municipality_has_the_2014_child_poverty_counts(cbs_figures):
    for measure in (Measure.MINORS, Measure.MINORS_120_SM, Measure.MINORS_LOW_INCOME):
        figures = cbs_measure_map(measure=measure)
        assert len(figures) == 342, measure
        assert {f.year for f in figures.values()} == {2014}
        assert {f.table_id for f in figures.values()} == {"85309NED"}


def test_the_counts_add_up_to_the_national_figure_up_to_rounding(cbs_figures):
    # CBS's Nederland row: 3 277 800 minors, 427 000 up to 120% of the social minimum (13.0%).
    minors = sum(f.value for f in cbs_measure_map(measure=Measure.MINORS).values())
    poor = sum(f.value for f in cbs_measure_map(measure=Measure.MINORS_120_SM).values())
    assert abs(minors - 3_277_800) < 342 * 50
    assert abs(poor - 427_000) < 342 * 50


def test_amsterdam_figure_has_its_year_source_unit_and_rounding(cbs_figures):
    figure = cbs_figure_get(municipality="GM0363", measure=Measure.MINORS_120_SM)
    assert figure is not None
    assert figure.value == Decimal(34_400)
    assert figure.year == 2014
    assert figure.table_id == "85309NED"
    assert figure.unit == "count"
    assert figure.rounding == 100
    assert "CBS StatLine 85309NED" in figure.source
    assert figure.citation == "CBS 85309NED, 2014"


def test_the_stored_value_is_the_one_in_the_copied_file(cbs_figures):
    import csv

    with (CBS_DIR / "kinderen_armoede_gemeente_indeling2025_afgeleid.csv").open(encoding="utf-8") as handle:
        rows = {r["gemeentecode"]: r for r in csv.DictReader(handle)}
    for code in ("GM0363", "GM0014", "GM1640", "GM0088"):
        figure = cbs_figure_get(municipality=code, measure=Measure.MINORS_120_SM)
        assert figure is not None and figure.value == Decimal(rows[code]["InHuishoudensTot120SociaalMinimum_20"])


def test_voorne_aan_zee_is_the_sum_of_its_three_old_municipalities_with_a_wider_rounding(cbs_figures):
    figure = cbs_figure_get(municipality="GM1992", measure=Measure.MINORS)
    assert figure is not None
    assert figure.rounding == 300  # three counts rounded to hundreds: within ±150
    assert "som van de oude gemeenten" in figure.source
    families = cbs_figure_get(municipality="GM1992", measure=Measure.BIJSTAND_FAMILIES, year=2021)
    assert families is not None and families.rounding == 30


def test_bijstand_figures_run_to_2021(cbs_figures):
    years = set(
        CbsFigure.objects.filter(measure=Measure.BIJSTAND_FAMILIES, municipality_id="GM0363").values_list(
            "period", flat=True
        )
    )
    assert years == {2019, 2020, 2021}
    assert cbs_figure_get(municipality="GM0363", measure=Measure.PERSONS_BIJSTAND).year == 2021  # type: ignore[union-attr]


def test_income_deciles_sum_to_about_100_percent_per_municipality(cbs_figures):
    deciles = income_deciles(year=2022)
    assert len(deciles) >= 330  # a few small municipalities are not published
    assert "GM0088" not in deciles  # Schiermonnikoog: empty in the table
    for code, shares in deciles.items():
        assert 97 <= sum(shares) <= 103, code


def test_the_newest_year_wins_and_an_older_year_can_be_asked_for(cbs_figures):
    newest = cbs_figure_get(municipality="GM0363", measure=Measure.INCOME_MEDIAN)
    older = cbs_figure_get(municipality="GM0363", measure=Measure.INCOME_MEDIAN, year=2014)
    assert newest is not None and newest.year == 2022 and newest.provisional
    assert newest.value == Decimal(29_300)
    assert older is not None and older.value == Decimal(20_900) and not older.provisional


def test_a_municipality_lists_one_newest_figure_per_measure(cbs_figures):
    figures = cbs_figures_for(municipality="GM0363")
    measures = [f.measure for f in figures]
    assert len(measures) == len(set(measures))
    assert set(DECILES) <= set(measures)
    assert measures.index(Measure.MINORS) < measures.index(Measure.DECILE_1)


def test_no_figure_is_none_not_an_error(cbs_figures):
    assert cbs_figure_get(municipality="GM0363", measure=Measure.MINORS_LOW_INCOME_PERCENT) is None


def test_the_shipped_files_give_each_figure_once():
    rows = read_shipped_figures()
    keys = [(r.municipality, r.measure, r.table_id, r.period) for r in rows]
    assert len(keys) == len(set(keys))
    assert national_income()[2022] == (Decimal(35_400), Decimal(31_600))
