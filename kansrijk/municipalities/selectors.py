"""Reads of places: municipalities, postcode areas, which municipality a place lies in, and the
CBS figures per municipality (public statistics: no actor needed, ADR 0032).

The order in which a location's municipality is derived (ADR 0015): its postcode (when the
postcode table is loaded), else its city (a municipality name or a common variant), else its
coordinates (point in the 342 boundaries), else unknown.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet

from kansrijk.municipalities.cbs import national_income as national_income  # calibration targets (screener)
from kansrijk.municipalities.constants import DECILES, Measure
from kansrijk.municipalities.geometry import Area, AreaIndex
from kansrijk.municipalities.models import CbsFigure, Municipality, PostcodeArea
from kansrijk.municipalities.reach import ReachEstimate, reach_estimate
from kansrijk.municipalities.reach import wilson as wilson  # an interval for the non-take-up estimate
from kansrijk.municipalities.shapes import national_map as national_map  # the map of the 342 (outcomes pages)
from kansrijk.municipalities.shapes import places as places

PC4_RE = re.compile(r"^\s*([1-9]\d{3})\s*(?:[a-zA-Z]{2})?\s*$")
# Common other names of municipalities, as people and registers write them (normalised keys).
NAME_VARIANTS = {
    "den haag": "GM0518",
    "the hague": "GM0518",
    "s gravenhage": "GM0518",
    "den bosch": "GM0796",
    "s hertogenbosch": "GM0796",
    "bosch": "GM0796",
    "nuenen": "GM0820",
    "bergen noord holland": "GM0373",
    "bergen limburg": "GM0893",
    "sudwest friesland": "GM1900",
    "noordoost friesland": "GM1970",
}
BRACKETED = re.compile(r"\s*\(.*\)\s*$")
GEMEENTE_PREFIX = re.compile(r"^(gemeente|gem|municipality of)\s+")


def municipality_list() -> QuerySet[Municipality]:
    """All municipalities without their (large) boundary."""
    return Municipality.objects.defer("boundary")


def municipality_codes() -> set[str]:
    return set(Municipality.objects.values_list("code", flat=True))


def pc4_of(postcode: str) -> str:
    """'6093 AB' -> '6093', '6093' -> '6093'; '' when it is not a Dutch postcode."""
    match = PC4_RE.match(postcode or "")
    return match.group(1) if match else ""


def name_key(value: str) -> str:
    """A municipality name as a lookup key: no accents, case, apostrophes, hyphens or
    brackets ("'s-Hertogenbosch" -> "s hertogenbosch", "Bergen (L.)" -> "bergen l")."""
    plain = unicodedata.normalize("NFKD", value or "").encode("ascii", "ignore").decode().lower()
    plain = " ".join(re.sub(r"[^a-z0-9]+", " ", plain).split())
    return GEMEENTE_PREFIX.sub("", plain)


@dataclass(frozen=True)
class Found:
    """A municipality found for a place, and how (`postcode`, `city`, `point`, `region`)."""

    code: str
    how: str


_AREAS: list[AreaIndex] = []


def _area_index() -> AreaIndex:
    """The 342 boundaries, read once per process (they change only with a data migration);
    an empty table (a flushed test database) is not kept."""
    if _AREAS:
        return _AREAS[0]
    rows = Municipality.objects.values_list("code", "boundary")
    index = AreaIndex(Area.of(code, boundary) for code, boundary in rows)
    if index.areas:
        _AREAS[:] = [index]
    return index


def municipality_code_at(*, latitude: float, longitude: float) -> str | None:
    """The municipality whose boundary holds the point (WGS84); None at sea or abroad."""
    return _area_index().find(longitude, latitude)


def postcode_area_get(*, postcode: str) -> PostcodeArea | None:
    """The loaded 4-digit area of a postcode, None when it is not loaded (or not a postcode)."""
    pc4 = pc4_of(postcode)
    return PostcodeArea.objects.filter(pc4=pc4).first() if pc4 else None


def postcode_areas_loaded() -> bool:
    return PostcodeArea.objects.exists()


class PlaceFinder:
    """Finds the municipality of many places (an import): the postcode table, names and
    variants are read once; boundaries once per process."""

    def __init__(self) -> None:
        self.by_pc4: dict[str, str] = dict(PostcodeArea.objects.values_list("pc4", "municipality_id"))
        self.by_name: dict[str, str] = {}
        self.provinces: set[str] = set()
        short: dict[str, set[str]] = {}
        for code, name, province in Municipality.objects.values_list("code", "name", "province"):
            self.by_name[name_key(name)] = code
            self.by_name[code.lower()] = code
            self.provinces.add(name_key(province))
            short.setdefault(name_key(BRACKETED.sub("", name)), set()).add(code)
        # "Hengelo" for "Hengelo (O.)"; not "Bergen", which is two municipalities.
        self.by_name.update({k: codes.pop() for k, codes in short.items() if len(codes) == 1 and k not in self.by_name})
        self.by_name.update({k: v for k, v in NAME_VARIANTS.items() if v.lower() in self.by_name})

    def by_city(self, city: str) -> str | None:
        return self.by_name.get(name_key(city))

    def find(
        self,
        *,
        postcode: str = "",
        city: str = "",
        latitude: float | None = None,
        longitude: float | None = None,
        region: str = "",
    ) -> Found | None:
        """Postcode (table), city, coordinates, then a region that names a municipality (not a
        province: "Utrecht" and "Groningen" are both). None when nothing places it."""
        code = self.by_pc4.get(pc4_of(postcode))
        if code:
            return Found(code, "postcode")
        code = self.by_city(city)
        if code:
            return Found(code, "city")
        if latitude is not None and longitude is not None:
            code = municipality_code_at(latitude=latitude, longitude=longitude)
            if code:
                return Found(code, "point")
        key = name_key(region)
        if key and key not in self.provinces and (code := self.by_name.get(key)):
            return Found(code, "region")
        return None


@dataclass(frozen=True)
class CbsValue:
    """A CBS figure with what must be shown beside it: its year and its source."""

    municipality: str
    measure: str
    value: Decimal
    unit: str
    rounding: Decimal
    year: int
    table_id: str
    source: str
    provisional: bool

    @property
    def label(self) -> str:
        return str(Measure(self.measure).label)

    @property
    def citation(self) -> str:
        """'CBS 85309NED, 2014' (the table and the year the figure is about)."""
        return f"CBS {self.table_id}, {self.year}" + ("*" if self.provisional else "")


def _value(row: CbsFigure) -> CbsValue:
    return CbsValue(
        row.municipality_id,
        row.measure,
        row.value,
        row.unit,
        row.rounding,
        row.period,
        row.table_id,
        row.source,
        row.provisional,
    )


def cbs_figure_get(*, municipality: str, measure: str, year: int | None = None) -> CbsValue | None:
    """The newest CBS figure of `measure` for a municipality (or that of `year`); None when CBS
    published none. Of two tables with the same year, the one loaded last wins."""
    rows = CbsFigure.objects.filter(municipality_id=municipality, measure=measure)
    if year is not None:
        rows = rows.filter(period=year)
    row = rows.order_by("-period", "-loaded_at", "table_id").first()
    return None if row is None else _value(row)


def cbs_figures_for(*, municipality: str) -> list[CbsValue]:
    """The newest figure of every measure CBS published for a municipality, in the order of `Measure`."""
    newest: dict[str, CbsValue] = {}
    for row in CbsFigure.objects.filter(municipality_id=municipality).order_by("-period", "-loaded_at", "table_id"):
        newest.setdefault(row.measure, _value(row))
    order = {m.value: i for i, m in enumerate(Measure)}
    return sorted(newest.values(), key=lambda v: order[v.measure])


def cbs_measure_map(*, measure: str, year: int | None = None) -> dict[str, CbsValue]:
    """The newest figure of one measure (or that of `year`) for every municipality that has one."""
    rows = CbsFigure.objects.filter(measure=measure)
    if year is not None:
        rows = rows.filter(period=year)
    newest: dict[str, CbsValue] = {}
    for row in rows.order_by("-period", "-loaded_at", "table_id"):
        newest.setdefault(row.municipality_id, _value(row))
    return newest


def income_deciles(*, year: int) -> dict[str, tuple[Decimal, ...]]:
    """Per municipality the share (%) of its households in each national 10%-group of standardised
    income in `year` (85711NED); municipalities without all ten published are left out."""
    shares: dict[str, dict[str, Decimal]] = {}
    rows = CbsFigure.objects.filter(measure__in=DECILES, period=year).order_by("loaded_at")
    for code, measure, value in rows.values_list("municipality_id", "measure", "value"):
        shares.setdefault(code, {})[measure] = value
    return {code: tuple(d[m] for m in DECILES) for code, d in shares.items() if len(d) == len(DECILES)}


def reach_for(*, municipality: str, reached: int, measure: str = Measure.MINORS_120_SM) -> ReachEstimate | None:
    """Children reached as a percentage of the newest CBS count of `measure` for the municipality,
    with its 95% interval and the count's year; None when CBS has no such count."""
    figure = cbs_figure_get(municipality=municipality, measure=measure)
    if figure is None:
        return None
    return reach_estimate(
        reached=reached,
        denominator=int(figure.value),
        rounding=figure.rounding,
        year=figure.year,
        table_id=figure.table_id,
    )
