"""The CBS figures shipped in `data/cbs/` (see its README for the attribution), read as rows of
`CbsFigure` (ADR 0032). Used by the data migration and by tests; plain Python, no database."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from kansrijk.municipalities.constants import DECILES, Measure, Unit

CBS_DIR = Path(__file__).resolve().parent / "data" / "cbs"
CHILDREN_FILE = "kinderen_armoede_gemeente_indeling2025_afgeleid.csv"
GEMEENTEFONDS_FILE = "kinderen_armoede_gemeente_85309NED_indeling2022.csv"
INCOME_FILE = "inkomen_huishoudens_gemeente_85711NED_2011_2022.csv"
# Voorne aan Zee (2023) = Brielle + Hellevoetsluis + Westvoorne: the 2022 table counts them apart.
MERGED = {"GM1992": ("GM0501", "GM0530", "GM0614")}
NATIONAL = "NL00"


@dataclass(frozen=True)
class FigureRow:
    municipality: str
    measure: str
    table_id: str
    period: int
    value: Decimal
    unit: str
    rounding: Decimal
    source: str
    provisional: bool = False


# column, measure, table, year, unit, rounding
CHILD_COLUMNS = (
    ("TotaalMinderjarigeKinderen_19", Measure.MINORS, "85309NED", 2014, Unit.COUNT, 100),
    ("InHuishoudensTot120SociaalMinimum_20", Measure.MINORS_120_SM, "85309NED", 2014, Unit.COUNT, 100),
    ("InHuishoudensMetLaagInkomen_21", Measure.MINORS_LOW_INCOME, "85309NED", 2014, Unit.COUNT, 100),
    ("PersonenMetBijstand31122021_26", Measure.PERSONS_BIJSTAND, "85309NED", 2021, Unit.COUNT, 10),
    (
        "InkomenHhTot120SociaalMinimum_13_uit_83997NED",
        Measure.MINORS_120_SM_PERCENT,
        "83997NED",
        2014,
        Unit.PERCENT,
        Decimal("0.1"),
    ),
)
BIJSTAND_COLUMNS = (
    ("Eenpersoonshuishoudens31122019_10", Measure.BIJSTAND_SINGLE_PARENTS, 2019),
    ("Eenpersoonshuishoudens31122020_9", Measure.BIJSTAND_SINGLE_PARENTS, 2020),
    ("Eenpersoonshuishoudens31122021_8", Measure.BIJSTAND_SINGLE_PARENTS, 2021),
    ("Meerpersoonshuishoudens31122019_14", Measure.BIJSTAND_FAMILIES, 2019),
    ("Meerpersoonshuishoudens31122020_13", Measure.BIJSTAND_FAMILIES, 2020),
    ("Meerpersoonshuishoudens31122021_12", Measure.BIJSTAND_FAMILIES, 2021),
)
# column, measure, unit, multiplier, rounding (in the stored unit)
INCOME_COLUMNS: tuple[tuple[str, str, str, int, int], ...] = (
    ("ParticuliereHuishoudens_1", Measure.HOUSEHOLDS, Unit.COUNT, 1000, 100),
    ("GemiddeldGestandaardiseerdInkomen_3", Measure.INCOME_MEAN, Unit.EURO, 1000, 100),
    ("MediaanGestandaardiseerdInkomen_4", Measure.INCOME_MEDIAN, Unit.EURO, 1000, 100),
    *(
        (f"GestandaardiseerdInkomen{n}e10Groep_{n + 6}", measure, Unit.PERCENT, 1, 1)
        for n, measure in enumerate(DECILES, start=1)
    ),
)


def _read(name: str, cbs_dir: Path) -> list[dict[str, str]]:
    with (cbs_dir / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _children(cbs_dir: Path) -> Iterator[FigureRow]:
    for row in _read(CHILDREN_FILE, cbs_dir):
        derived = "som" in row["afgeleid_bron"]
        for column, measure, table, year, unit, rounding in CHILD_COLUMNS:
            if row[column].strip() == "":
                continue
            step = Decimal(rounding) * (len(MERGED.get(row["gemeentecode"], ())) or 1)
            source = f"CBS StatLine {table}, {CHILDREN_FILE}" + (" (som van de oude gemeenten)" if derived else "")
            yield FigureRow(row["gemeentecode"], measure, table, year, Decimal(row[column]), unit, step, source)


def _bijstand(cbs_dir: Path, codes: set[str]) -> Iterator[FigureRow]:
    rows = {row["gemeentecode"]: row for row in _read(GEMEENTEFONDS_FILE, cbs_dir)}
    for code in sorted(codes):
        parts = MERGED.get(code, (code,))
        if not all(part in rows for part in parts):
            continue
        for column, measure, year in BIJSTAND_COLUMNS:
            values = [rows[part][column].strip() for part in parts]
            if "" in values:
                continue
            source = f"CBS StatLine 85309NED, {GEMEENTEFONDS_FILE}" + (
                " (som van de oude gemeenten)" if len(parts) > 1 else ""
            )
            total = sum((Decimal(v) for v in values), Decimal(0))
            yield FigureRow(code, measure, "85309NED", year, total, Unit.COUNT, Decimal(10 * len(parts)), source)


def _income(cbs_dir: Path) -> Iterator[FigureRow]:
    for row in _read(INCOME_FILE, cbs_dir):
        if row["gemeentecode"] == NATIONAL:
            continue
        year = int(row["jaar"])
        for column, measure, unit, multiplier, rounding in INCOME_COLUMNS:
            if row[column].strip() == "":
                continue
            value = Decimal(row[column]) * multiplier
            source = f"CBS StatLine 85711NED, {INCOME_FILE}"
            # The latest year of the table is provisional at CBS (the sister table 85678NED says so).
            yield FigureRow(
                row["gemeentecode"], measure, "85711NED", year, value, unit, Decimal(rounding), source, year >= 2022
            )


def read_shipped_figures(cbs_dir: Path = CBS_DIR) -> list[FigureRow]:
    """Every figure of the shipped files for the 342 municipalities of 2025."""
    children = list(_children(cbs_dir))
    codes = {row.municipality for row in children}
    return children + list(_bijstand(cbs_dir, codes)) + list(_income(cbs_dir))


def national_income(cbs_dir: Path = CBS_DIR) -> dict[int, tuple[Decimal, Decimal]]:
    """Mean and median standardised income of all Dutch households per year (euro), from 85711NED."""
    return {
        int(row["jaar"]): (
            Decimal(row["GemiddeldGestandaardiseerdInkomen_3"]) * 1000,
            Decimal(row["MediaanGestandaardiseerdInkomen_4"]) * 1000,
        )
        for row in _read(INCOME_FILE, cbs_dir)
        if row["gemeentecode"] == NATIONAL and row["GemiddeldGestandaardiseerdInkomen_3"].strip()
    }
