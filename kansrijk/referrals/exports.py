"""A municipality's figures as a spreadsheet (CSV for Dutch Excel: UTF-8 with BOM, `;`).
Counts only, through the one suppression rule (`core.suppression`, ADR 0013)."""

from __future__ import annotations

import csv
import io

from kansrijk.core.suppression import display
from kansrijk.referrals.selectors import MunicipalityAggregates

HEADERS = ("Onderwerp", "Soort", "Aantal")


def municipality_figures_csv(aggregates: MunicipalityAggregates) -> bytes:
    rows: list[tuple[str, str, str]] = [("Zorgen", "Gemeld", display(aggregates.concerns))]
    rows += [("Verwijzingen", label, display(count)) for label, count in aggregates.statuses]
    rows += [("Drempels", label, display(count)) for label, count in aggregates.barriers]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADERS)
    writer.writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
