"""Writes of places: loading the national table of 4-digit postcode areas and CBS figures."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from kansrijk.audit.services import record
from kansrijk.municipalities.cbs import FigureRow
from kansrijk.municipalities.models import CbsFigure, PostcodeArea
from kansrijk.municipalities.postcodes import AreaRow, RowError, read_areas, read_features, where
from kansrijk.municipalities.selectors import municipality_code_at

PROGRESS_EVERY = 500


@dataclass
class PostcodeImportReport:
    stored: int = 0
    created: int = 0
    errors: list[str] = field(default_factory=list)


def _find(latitude: float, longitude: float) -> str | None:
    return municipality_code_at(latitude=latitude, longitude=longitude)


def _read(path: Path, rows: dict[str, AreaRow], report: PostcodeImportReport, progress: Callable[[str], None]) -> None:
    features, lines = read_features(path)
    total = len(features)
    for number, row in enumerate(read_areas(features, _find, lines), start=1):
        if isinstance(row, RowError):
            report.errors.append(f"{path.name} {row}")
        elif row.pc4 in rows:
            report.errors.append(f"{path.name} {where(number, lines)} properties.postcode: {row.pc4} appears twice")
        else:
            rows[row.pc4] = row
        if number % PROGRESS_EVERY == 0 or number == total:
            progress(f"{path.name}: {number}/{total} areas ({100 * number // max(total, 1)}%)")


def postcode_areas_import(
    *, actor: AbstractBaseUser | None, paths: Sequence[Path], progress: Callable[[str], None] | None = None
) -> PostcodeImportReport:
    """Load PC4 areas from PDOK GeoJSON files (pages of one download may be several files).

    Every file is read before anything is written (`PostcodeFileError` for a file that is not
    such a FeatureCollection: nothing is stored then); bad features are listed and the rest
    stored, in one transaction with its audit record. Areas already loaded are updated."""
    say = progress or (lambda message: None)
    report = PostcodeImportReport()
    rows: dict[str, AreaRow] = {}
    for path in paths:
        _read(path, rows, report, say)
    existing = set(PostcodeArea.objects.filter(pc4__in=list(rows)).values_list("pc4", flat=True))
    source = ", ".join(p.name for p in paths)[:200]
    with transaction.atomic():
        PostcodeArea.objects.bulk_create(
            [
                PostcodeArea(
                    pc4=r.pc4, municipality_id=r.municipality, latitude=r.latitude, longitude=r.longitude, source=source
                )
                for r in rows.values()
            ],
            update_conflicts=True,
            unique_fields=["pc4"],
            update_fields=["municipality", "latitude", "longitude", "source"],
            batch_size=1000,
        )
        record(
            actor=actor,
            action="municipalities.postcodes.import",
            object_type="municipalities.postcodearea",
            detail={"files": source, "stored": len(rows), "errors": len(report.errors)},
            actor_label="" if actor else "cli",
        )
    report.stored, report.created = len(rows), len(rows) - len(existing)
    return report


@dataclass(frozen=True)
class CbsStoreReport:
    stored: int
    created: int


CBS_FIELDS = ["value", "unit", "rounding", "source", "provisional", "loaded_at"]


def cbs_figures_store(*, actor: AbstractBaseUser | None, figures: Sequence[FigureRow], source: str) -> CbsStoreReport:
    """Store CBS figures (new, or replacing the same municipality, measure, table and year) in one
    transaction with its audit record: all of them or none."""
    keys = {(f.municipality, f.measure, f.table_id, f.period) for f in figures}
    codes = sorted({f.municipality for f in figures})
    existing = {
        (m, measure, table, period)
        for m, measure, table, period in CbsFigure.objects.filter(municipality_id__in=codes).values_list(
            "municipality_id", "measure", "table_id", "period"
        )
    }
    now = timezone.now()
    with transaction.atomic():
        CbsFigure.objects.bulk_create(
            [
                CbsFigure(
                    municipality_id=f.municipality,
                    measure=f.measure,
                    table_id=f.table_id,
                    period=f.period,
                    value=f.value,
                    unit=f.unit,
                    rounding=f.rounding,
                    source=f.source[:300],
                    provisional=f.provisional,
                    loaded_at=now,
                )
                for f in figures
            ],
            update_conflicts=True,
            unique_fields=["municipality", "measure", "table_id", "period"],
            update_fields=CBS_FIELDS,
            batch_size=1000,
        )
        record(
            actor=actor,
            action="municipalities.cbs.import",
            object_type="municipalities.cbsfigure",
            detail={"source": source[:200], "stored": len(keys), "new": len(keys - existing)},
            actor_label="" if actor else "cli",
        )
    return CbsStoreReport(stored=len(keys), created=len(keys - existing))
