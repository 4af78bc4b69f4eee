"""The alliance's yearly monitor, made from the data (issue 16 point 7): the partners and their
commitments per activity with the progress traffic light; reach and time to help; the
children's voice. One object (`Monitor`) feeds the page and the PDF (fpdf2, built-in
Helvetica in windows-1252, as the screener's PDF). Every count is public, so suppressed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from fpdf import FPDF

from kansrijk.alliance.constants import Activity
from kansrijk.alliance.selectors import CommitmentRow, commitment_list
from kansrijk.core.charts import Chart
from kansrijk.outcomes.measures import Filters
from kansrijk.outcomes.pages import dashboard_charts

ENCODING = "windows-1252"


@dataclass(frozen=True)
class ActivityBlock:
    label: str
    rows: list[CommitmentRow]


@dataclass(frozen=True)
class Monitor:
    year: int
    activities: list[ActivityBlock]
    reach: list[Chart]
    time_to_help: list[Chart]
    voice: list[Chart]


def yearly_monitor(year: int, *, csv_url: str = "") -> Monitor:
    """The monitor of `year`; traffic lights as they stood at the end of that year (or today)."""
    today = min(date(year, 12, 31), timezone.localdate())
    rows = commitment_list(today=today)
    activities = [
        ActivityBlock(str(label), [row for row in rows if row.commitment.activity == value])
        for value, label in Activity.choices
    ]
    charts = dashboard_charts(Filters.for_year(year), public=True, csv_url=csv_url)
    return Monitor(year=year, activities=activities, reach=charts[:2], time_to_help=charts[2:4], voice=charts[4:])


def _text(value: object) -> str:
    return str(value).encode(ENCODING, errors="replace").decode(ENCODING)


class _Document(FPDF):
    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("helvetica", size=8)
        self.cell(0, 6, _text(_("Kansrijk — jaarmonitor van de alliantie. Pagina %(n)s") % {"n": self.page_no()}),
                  align="C")  # fmt: skip


def _line(pdf: FPDF, text: str, size: int = 10, style: str = "") -> None:
    pdf.set_font("helvetica", style=style, size=size)
    pdf.multi_cell(0, size * 0.55, _text(text), new_x="LMARGIN", new_y="NEXT")


def _chart(pdf: FPDF, chart: Chart) -> None:
    _line(pdf, str(chart.title), 12, "B")
    _line(pdf, str(chart.description), 9, "I")
    if not chart.cells:
        _line(pdf, _("Nog geen gegevens."))
    for cell in chart.cells:
        _line(pdf, f"{cell.label}: {cell.text}")
    pdf.ln(2)


def _activities(pdf: FPDF, monitor: Monitor) -> None:
    _line(pdf, _("1. Partners en hun inzet"), 14, "B")
    for block in monitor.activities:
        _line(pdf, block.label, 12, "B")
        if not block.rows:
            _line(pdf, _("Geen inzet voor deze activiteit."))
        for row in block.rows:
            commitment = row.commitment
            _line(pdf, f"{commitment.organisation.name} — {commitment.title}: {row.status.label}")
        pdf.ln(2)


def monitor_pdf(monitor: Monitor) -> bytes:
    pdf = _Document(format="A4")
    pdf.core_fonts_encoding = ENCODING
    pdf.set_title(_text(_("Jaarmonitor %(year)s") % {"year": monitor.year}))
    pdf.set_lang(get_language() or "nl")
    pdf.add_page()
    _line(pdf, _("Jaarmonitor van de alliantie %(year)s") % {"year": monitor.year}, 18, "B")
    _line(pdf, _("Aantallen van 1 tot en met 9 staan er als „< 10”. Grotere aantallen zijn afgerond op 5."), 9, "I")
    _activities(pdf, monitor)
    sections = (
        (_("2. Bereik"), monitor.reach),
        (_("3. Tijd tot hulp"), monitor.time_to_help),
        (_("4. De stem van kinderen en ouders"), monitor.voice),
    )
    for heading, charts in sections:
        _line(pdf, heading, 14, "B")
        for chart in charts:
            _chart(pdf, chart)
    return bytes(pdf.output())
