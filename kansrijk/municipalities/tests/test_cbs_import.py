"""`kansrijk cbs-import FILE`: newer CBS StatLine CSV downloads, all or nothing (ADR 0032)."""

from __future__ import annotations

from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from kansrijk.audit.models import AuditEvent
from kansrijk.municipalities.constants import Measure
from kansrijk.municipalities.models import CbsFigure
from kansrijk.municipalities.selectors import cbs_figure_get
from kansrijk.municipalities.statline import StatlineError, read_statline

pytestmark = pytest.mark.django_db
SAMPLE = Path(__file__).resolve().parent / "data" / "statline_85678NED_sample.csv"
HEADER = (
    '"Inkomensgrens huishouden";"Duur inkomenspositie";"Kenmerken van huishoudens";"Regio\'s";"Perioden";'
    '"Particuliere huishoudens (x 1 000)";"Personen (x 1 000)";"Kinderen (x 1 000)";'
    '"Particuliere huishoudens relatief (%)";"Personen relatief (%)";"Kinderen relatief (%)"'
)
KEEP = '"Inkomen tot lage-inkomensgrens";"Ten minste 1 jaar";"Particuliere huishoudens"'


def _file(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "85678NED.csv"
    path.write_text("\ufeff" + "\n".join((HEADER, *rows)) + "\n", encoding="utf-8")
    return path


def _run(path: Path) -> str:
    out = StringIO()
    call_command("cbs-import", str(path), stdout=out)
    return out.getvalue()


def test_the_statline_sample_loads_low_income_children_per_municipality(municipalities):
    out = _run(SAMPLE)
    figure = cbs_figure_get(municipality="GM0034", measure=Measure.MINORS_LOW_INCOME_PERCENT)
    assert figure is not None
    assert figure.table_id == "85678NED" and figure.year == 2017 and figure.rounding == Decimal("0.1")
    assert "statline_85678NED_sample.csv" in figure.source
    assert "85678NED" in out and "stored 132 figures (132 new, 0 replaced)" in out
    assert "skipped: 39 x rows of the country, a province or a region" in out
    assert "Appingedam" in out  # merged into Eemsdelta in 2021: said, not stored
    assert AuditEvent.objects.filter(action="municipalities.cbs.import").count() == 1


def test_counts_in_thousands_are_stored_as_whole_numbers(municipalities):
    _run(SAMPLE)
    sample = read_statline(SAMPLE)
    children = [f for f in sample.figures if f.measure == Measure.MINORS_LOW_INCOME and f.municipality == "GM0034"]
    assert children and all(f.value == f.value.to_integral() and f.rounding == 100 for f in children)


def test_a_newer_low_income_count_becomes_the_newest_figure_of_its_measure(cbs_figures, tmp_path):
    _run(_file(tmp_path, f'{KEEP};"Almere";"2023*";"   9.9";"   30.0";"   7.0";"    9.6";"    9.4";"    12.9"'))
    figure = cbs_figure_get(municipality="GM0034", measure=Measure.MINORS_LOW_INCOME)
    assert figure is not None and figure.year == 2023 and figure.provisional
    assert figure.value == 7000
    old = cbs_figure_get(municipality="GM0034", measure=Measure.MINORS_LOW_INCOME, year=2014)
    assert old is not None and old.table_id == "85309NED"


def test_loading_the_same_file_twice_replaces_and_does_not_duplicate(municipalities):
    _run(SAMPLE)
    out = _run(SAMPLE)
    assert "(0 new, 132 replaced)" in out
    assert CbsFigure.objects.filter(table_id="85678NED").count() == 132


def test_a_bad_number_exits_2_naming_line_and_column_and_stores_nothing(municipalities, tmp_path):
    path = _file(
        tmp_path,
        f'{KEEP};"Almere";"2023";"   9.9";"   30.0";"   7.0";"    9.6";"    9.4";"    12.9"',
        f'{KEEP};"Aalten";"2023";"   9.9";"   30.0";"   zeven";"    9.6";"    9.4";"    12.9"',
    )
    with pytest.raises(CommandError) as raised:
        _run(path)
    assert raised.value.returncode == 2
    assert "line 3, column 'Kinderen (x 1 000)': 'zeven' is not a number" in str(raised.value)
    assert not CbsFigure.objects.filter(table_id="85678NED").exists()
    assert not AuditEvent.objects.filter(action="municipalities.cbs.import").exists()


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (f'{KEEP};"Almere";"twintig";"1";"1";"1";"1";"1";"1"', "line 2, column 'Perioden': 'twintig' is not a year"),
        (
            f'{KEEP};"Almere";"2023";"1";"1";"-3";"1";"1";"1"',
            "line 2, column 'Kinderen (x 1 000)': '-3' is not a number of 0 or more",
        ),
        (f'{KEEP};"Almere";"2023";"1"', "line 2: 6 columns where the header has 11"),
        (f'{KEEP};"Almere";"2023";"1";"1";"NaN";"1";"1";"1"', "line 2, column 'Kinderen (x 1 000)': 'NaN'"),
    ],
)
def test_each_kind_of_bad_row_is_named(municipalities, tmp_path, row, message):
    with pytest.raises(StatlineError) as raised:
        read_statline(_file(tmp_path, row))
    assert message in str(raised.value)


def test_a_file_of_another_table_exits_2(municipalities, tmp_path):
    path = tmp_path / "other.csv"
    path.write_text('"Onderwerp";"Perioden"\n"a";"2020"\n', encoding="utf-8")
    with pytest.raises(CommandError) as raised:
        _run(path)
    assert raised.value.returncode == 2
    assert "not those of a table Kansrijk keeps" in str(raised.value)


def test_a_file_that_is_not_text_exits_2(municipalities, tmp_path):
    path = tmp_path / "binary.csv"
    path.write_bytes(b"\xff\xfe\x00\x01")
    with pytest.raises(CommandError) as raised:
        _run(path)
    assert raised.value.returncode == 2 and "not UTF-8" in str(raised.value)


def test_unpublished_cells_are_skipped_and_counted(municipalities, tmp_path):
    out = _run(
        _file(
            tmp_path,
            f'{KEEP};"Vlieland";"2023";"   .";"   .";"   .";"    .";"    .";"    x"',
            f'{KEEP};"Almere";"2023";"1.0";"1";"-";"1";"1";"0.0"',
        )
    )
    assert "skipped: 4 x values not published" in out
    nil = cbs_figure_get(municipality="GM0034", measure=Measure.MINORS_LOW_INCOME, year=2023)
    assert nil is not None and nil.value == 0


def test_income_deciles_of_85711ned_are_recognised(municipalities, tmp_path):
    deciles = ";".join(f'"Gestandaardiseerd inkomen: {n}e 10%-groep (%)"' for n in range(1, 11))
    header = (
        '"Populatie";"Kenmerken van huishoudens";"Regio\'s";"Perioden";"Particuliere huishoudens (x 1 000)";'
        '"Gemiddeld gestandaardiseerd inkomen (x 1 000 euro)";"Mediaan gestandaardiseerd inkomen (x 1 000 euro)";'
        + deciles
    )
    values = ";".join(['"12"', '"11"', '"10"', '"10"', '"10"', '"10"', '"9"', '"9"', '"9"', '"10"'])
    keep = '"Particuliere huishoudens incl. studenten";"Particuliere huishoudens"'
    row = f'{keep};"Almere";"2023*";"95.1";"33.0";"30.5";{values}'
    path = tmp_path / "85711NED.csv"
    path.write_text(header + "\n" + row + "\n", encoding="utf-8")
    out = _run(path)
    assert "85711NED" in out and "stored 13 figures" in out
    median = cbs_figure_get(municipality="GM0034", measure=Measure.INCOME_MEDIAN, year=2023)
    assert median is not None and median.value == 30_500 and median.unit == "euro"
