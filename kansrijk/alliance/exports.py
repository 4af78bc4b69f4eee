"""Partner list and commitments as spreadsheets: CSV for Dutch Excel (UTF-8 with BOM,
`;` as separator) and XLSX. Headers are Dutch. Cells that a spreadsheet would run as a
formula are prefixed with an apostrophe (CSV/formula injection)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Font

from kansrijk.alliance.formatting import plain_number
from kansrijk.alliance.models import PledgeSignature
from kansrijk.alliance.selectors import CommitmentRow

Cell = str | int | date | None
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Table:
    title: str
    headers: tuple[str, ...]
    rows: list[list[Cell]]


PARTNER_HEADERS = (
    "Organisatie",
    "Soort organisatie",
    "Werkgebied",
    "Ondertekend op",
    "Versie pledge",
    "Functie ondertekenaar",
)
COMMITMENT_HEADERS = (
    "Organisatie",
    "Soort organisatie",
    "Inzet",
    "Activiteit",
    "Wat wordt er gedaan",
    "Doelgroep",
    "Leeftijd van",
    "Leeftijd tot en met",
    "Werkgebied",
    "Gepland bereik per jaar",
    "Eenheid",
    "Startdatum",
    "Einddatum",
    "Indicatoren en doelen",
    "Contactpersoon",
    "E-mail contactpersoon",
    "Laatste verslag",
    "Status verslag",
)


def _region(names: Iterable[str]) -> str:
    return ", ".join(sorted(names)) or "Landelijk"


def partner_table(signatures: Iterable[PledgeSignature]) -> Table:
    rows: list[list[Cell]] = [
        [
            s.organisation.name,
            s.organisation.get_kind_display(),
            _region(m.name for m in s.organisation.municipalities.all()),
            s.signed_on,
            s.pledge_version.number,
            s.signatory_role,
        ]
        for s in signatures
    ]
    return Table("Partners", PARTNER_HEADERS, rows)


def _commitment_row(row: CommitmentRow) -> list[Cell]:
    c = row.commitment
    indicators = "; ".join(f"{i.name}: {plain_number(i.target)} {i.unit}".strip() for i in c.indicators.all())
    region = "Landelijk" if c.is_national else _region(m.name for m in c.municipalities.all())
    return [
        c.organisation.name,
        c.organisation.get_kind_display(),
        c.title,
        c.get_activity_display(),
        c.description,
        c.get_target_group_display(),
        c.age_min,
        c.age_max,
        region,
        c.planned_reach,
        c.get_reach_unit_display(),
        c.starts_on,
        c.ends_on,
        indicators,
        c.contact_name,
        c.contact_email,
        row.last_reported_on,
        row.status.label,
    ]


def commitment_table(rows: Iterable[CommitmentRow]) -> Table:
    return Table("Inzet", COMMITMENT_HEADERS, [_commitment_row(row) for row in rows])


def _safe(value: Cell) -> Cell:
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    return str(_safe(value))


def to_csv(table: Table) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(table.headers)
    writer.writerows([_text(cell) for cell in row] for row in table.rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _widths(headers: Sequence[str], rows: Sequence[Sequence[Cell]]) -> list[int]:
    widths = [len(header) for header in headers]
    for row in rows:
        for index, cell in enumerate(row):
            widths[index] = max(widths[index], min(len(_text(cell)), 60))
    return widths


def to_xlsx(table: Table) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = table.title
    sheet.append(list(table.headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in table.rows:
        sheet.append([_safe(cell) for cell in row])
    for column in sheet.iter_cols(min_row=2):
        for cell in column:
            if isinstance(cell.value, date):
                cell.number_format = "DD-MM-YYYY"
    for index, width in enumerate(_widths(table.headers, table.rows), start=1):
        sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = width + 2
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
