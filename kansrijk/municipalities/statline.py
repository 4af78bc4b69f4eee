"""Reading a CBS StatLine CSV download ("CSV met puntkomma's") of a table we keep figures of
(ADR 0032): the table is recognised by its columns, rows of other categories or of provinces
and the country are skipped, every value is checked. Plain Python, no database.

Known tables (`PROFILES`): 85678NED "Laag en langdurig laag inkomen" (its download format is
the test fixture `tests/data/statline_85678NED_sample.csv`) and 85711NED "Inkomen van
huishoudens; kenmerken, regio"."""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from kansrijk.municipalities.cbs import CBS_DIR, FigureRow
from kansrijk.municipalities.constants import DECILES, Measure, Unit

REGION = "Regio's"
PERIOD = "Perioden"
# StatLine's symbols for a cell without a number: "." unknown or not reliable, "x" secret.
NOT_PUBLISHED = {"", ".", "x", "?"}
NIL = "-"  # "nihil": zero
# Provinces (PV), parts of the country (LD), COROP areas (CR) and the like; not municipalities
# ("Beek (L.)" and "Bergen (NH.)" are municipalities: their brackets hold a dot).
OTHER_REGION = re.compile(r"\((PV|LD|CR|RE|GGD|AM|JZ|BC|VR|RG|WK|BU)\)\s*$")
PERIOD_RE = re.compile(r"^(\d{4})(\*?)$")
MAX_ERRORS = 20


class StatlineError(Exception):
    """The file cannot be read as a known StatLine table (nothing is stored)."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Column:
    measure: str
    unit: str
    multiplier: int
    rounding: Decimal


@dataclass(frozen=True)
class Profile:
    table_id: str
    title: str
    categories: dict[str, str]  # dimension column -> the category we keep
    columns: dict[str, Column]  # value column title -> what it holds


def _decile_columns() -> dict[str, Column]:
    return {
        f"Gestandaardiseerd inkomen: {n}e 10%-groep (%)": Column(measure, Unit.PERCENT, 1, Decimal(1))
        for n, measure in enumerate(DECILES, start=1)
    }


PROFILES = (
    Profile(
        "85678NED",
        "Laag en langdurig laag inkomen; huishoudens, regio",
        {
            "Inkomensgrens huishouden": "Inkomen tot lage-inkomensgrens",
            "Duur inkomenspositie": "Ten minste 1 jaar",
            "Kenmerken van huishoudens": "Particuliere huishoudens",
        },
        {
            "Particuliere huishoudens (x 1 000)": Column(Measure.HOUSEHOLDS_LOW_INCOME, Unit.COUNT, 1000, Decimal(100)),
            "Kinderen (x 1 000)": Column(Measure.MINORS_LOW_INCOME, Unit.COUNT, 1000, Decimal(100)),
            "Particuliere huishoudens relatief (%)": Column(
                Measure.HOUSEHOLDS_LOW_INCOME_PERCENT, Unit.PERCENT, 1, Decimal("0.1")
            ),
            "Kinderen relatief (%)": Column(Measure.MINORS_LOW_INCOME_PERCENT, Unit.PERCENT, 1, Decimal("0.1")),
        },
    ),
    Profile(
        "85711NED",
        "Inkomen van huishoudens; kenmerken, regio",
        {
            "Populatie": "Particuliere huishoudens incl. studenten",
            "Kenmerken van huishoudens": "Particuliere huishoudens",
        },
        {
            "Particuliere huishoudens (x 1 000)": Column(Measure.HOUSEHOLDS, Unit.COUNT, 1000, Decimal(100)),
            "Gemiddeld gestandaardiseerd inkomen (x 1 000 euro)": Column(
                Measure.INCOME_MEAN, Unit.EURO, 1000, Decimal(100)
            ),
            "Mediaan gestandaardiseerd inkomen (x 1 000 euro)": Column(
                Measure.INCOME_MEDIAN, Unit.EURO, 1000, Decimal(100)
            ),
            **_decile_columns(),
        },
    ),
)


@dataclass
class StatlineFile:
    profile: Profile
    figures: list[FigureRow] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    unknown_regions: set[str] = field(default_factory=set)


def municipality_labels(cbs_dir: Path = CBS_DIR) -> dict[str, str]:
    """StatLine region label -> CBS code for the 342 municipalities (86059NED, 2025)."""
    with (cbs_dir / "gemeenten_2025_86059NED.csv").open(encoding="utf-8") as handle:
        return {row["cbs_regio_label"]: row["gemeentecode"] for row in csv.DictReader(handle)}


def _profile(header: list[str]) -> Profile:
    present = set(header)
    for profile in PROFILES:
        if set(profile.categories) <= present and present & set(profile.columns):
            missing = [c for c in (REGION, PERIOD) if c not in present]
            if missing:
                raise StatlineError([f"line 1: no column {missing[0]!r}"])
            return profile
    known = ", ".join(p.table_id for p in PROFILES)
    raise StatlineError([f"line 1: the columns are not those of a table Kansrijk keeps ({known})"])


def _number(raw: str, where: str) -> Decimal | None:
    text = raw.strip()
    if text in NOT_PUBLISHED:
        return None
    if text == NIL:
        return Decimal(0)
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError(f"{where}: {text!r} is not a number") from None
    if not value.is_finite() or value < 0:
        raise ValueError(f"{where}: {text!r} is not a number of 0 or more")
    return value


class _Reader:
    def __init__(self, profile: Profile, header: list[str], labels: dict[str, str], source: str) -> None:
        self.result = StatlineFile(profile)
        self.header = header
        self.labels = labels
        self.source = source
        self.errors: list[str] = []

    def row(self, line: int, cells: list[str]) -> None:
        if len(cells) != len(self.header):
            self.errors.append(f"line {line}: {len(cells)} columns where the header has {len(self.header)}")
            return
        row = dict(zip(self.header, cells, strict=True))
        profile = self.result.profile
        if any(row[name].strip() != keep for name, keep in profile.categories.items()):
            self.result.skipped["rows of another category"] += 1
            return
        region = row[REGION].strip()
        if region == "Nederland" or OTHER_REGION.search(region):
            self.result.skipped["rows of the country, a province or a region"] += 1
            return
        period = PERIOD_RE.match(row[PERIOD].strip())
        if period is None:
            self.errors.append(f"line {line}, column {PERIOD!r}: {row[PERIOD].strip()!r} is not a year (like 2022)")
            return
        code = self.labels.get(region)
        if code is None:  # a municipality of an older division (merged since): no 2025 area to hold it
            self.result.skipped["rows of municipalities that no longer exist in 2025"] += 1
            self.result.unknown_regions.add(region)
            return
        self._values(line, row, code, int(period.group(1)), bool(period.group(2)))

    def _values(self, line: int, row: dict[str, str], code: str, year: int, provisional: bool) -> None:
        for title, column in self.result.profile.columns.items():
            if title not in row:
                continue
            try:
                value = _number(row[title], f"line {line}, column {title!r}")
            except ValueError as error:
                self.errors.append(str(error))
                continue
            if value is None:
                self.result.skipped["values not published"] += 1
                continue
            self.result.figures.append(
                FigureRow(
                    code,
                    column.measure,
                    self.result.profile.table_id,
                    year,
                    value * column.multiplier,
                    column.unit,
                    column.rounding,
                    self.source,
                    provisional,
                )
            )


def read_statline(path: Path, labels: dict[str, str] | None = None) -> StatlineFile:
    """All figures of a StatLine CSV file, or `StatlineError` listing what is wrong (line, column)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise StatlineError([f"the file is not UTF-8 text (byte {error.start})"]) from None
    lines = csv.reader(text.splitlines(), delimiter=";", quotechar='"')
    header = [name.strip() for name in next(lines, [])]
    profile = _profile(header)
    reader = _Reader(profile, header, labels or municipality_labels(), f"CBS StatLine {profile.table_id}, {path.name}")
    for line, cells in enumerate(lines, start=2):
        if cells:
            reader.row(line, cells)
        if len(reader.errors) >= MAX_ERRORS:
            break
    if reader.errors:
        raise StatlineError(reader.errors)
    if not reader.result.figures:
        raise StatlineError(["the file holds no figures of municipalities"])
    return reader.result
