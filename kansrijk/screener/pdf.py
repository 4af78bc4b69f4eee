"""The family check's answer as a PDF (fpdf2, its built-in Helvetica in windows-1252: € works,
no font file and nothing downloaded at run time)."""

from __future__ import annotations

from django.utils.translation import get_language, gettext_lazy, gettext_noop
from django.utils.translation import gettext as _
from fpdf import FPDF

from kansrijk.screener.check import Answer, Item

STATUS = {
    "yes": gettext_noop("Waarschijnlijk wel"),
    "no": gettext_noop("Waarschijnlijk niet"),
    "unknown": gettext_noop("Dat weten we niet"),
    "fallback": gettext_noop("Eerst een andere regeling"),
}
ENCODING = "windows-1252"


def _text(value: object) -> str:
    """Text the built-in font can show: characters outside windows-1252 become '?'."""
    return str(value).encode(ENCODING, errors="replace").decode(ENCODING)


class _Document(FPDF):
    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("helvetica", size=8)
        self.cell(0, 6, _text(_("Kansrijk — uitkomst van de gezinscheck, zonder garantie. Pagina %(n)s") % {
            "n": self.page_no()}), align="C")  # fmt: skip


def _line(pdf: FPDF, text: str, size: int = 10, style: str = "") -> None:
    pdf.set_font("helvetica", style=style, size=size)
    pdf.multi_cell(0, size * 0.55, _text(text), new_x="LMARGIN", new_y="NEXT")


def _notes(pdf: FPDF, item: Item) -> None:
    for text in (
        _("Dit kan misschien wel helpen: %(names)s") % {"names": ", ".join(item.may_help)} if item.may_help else "",
        _("Aanvragen: %(how)s") % {"how": item.how} if item.how else "",
        item.url,
        _("Bel: %(phone)s") % {"phone": item.phone} if item.phone else "",
        _("Adres: %(address)s") % {"address": item.address} if item.address else "",
        _("Wie vraagt het voor u aan: %(who)s") % {"who": item.intermediary} if item.intermediary else "",
    ):
        if text:
            _line(pdf, text, 9)
    if item.unverified:
        _line(pdf, _("Let op: een waarde komt uit een bron die nog niet is gecontroleerd."), 8, "I")
    if item.is_demo:
        _line(pdf, _("Demo: dit is geen echte regeling."), 8, "I")


def _item(pdf: FPDF, item: Item, number: int) -> None:
    """One scheme, numbered as shown (the yardstick is not shown, so its order is not used)."""
    pdf.ln(2)
    _line(pdf, f"{number}. {item.label} — {_(STATUS[item.status])}", 12, "B")
    for text in (item.amount, item.reason):
        if text:
            _line(pdf, text)
    for label, needs in item.first:
        _line(pdf, _("Voor %(needs)s: vraag eerst %(label)s aan.") % {"needs": needs, "label": label})
    for condition in item.why:
        mark = "+" if condition["holds"] else "-"
        _line(pdf, f"  {mark} {condition['explanation']}", 9)
    _notes(pdf, item)


UNKNOWN_SCHEMES_PDF = gettext_lazy(
    "Wij weten nog niet welke regelingen de gemeente %(name)s heeft. Vraag het aan uw gemeente: "
    "zoek uw gemeente op in %(url)s."
)


def _follow_up(pdf: FPDF, code: str, come_back_url: str) -> None:
    """The optional follow-up: the family's code and where to come back, or how to get a code."""
    pdf.ln(4)
    _line(pdf, _("Wilt u ons later vertellen hoe het ging?"), 12, "B")
    if code:
        _line(pdf, _("Uw code: %(code)s") % {"code": code}, 12, "B")
        _line(pdf, _("Kom over 6 dagen terug op %(url)s en vul uw code in. Daar vragen we of u het aanvroeg en kreeg.")
              % {"url": come_back_url})  # fmt: skip
    else:
        _line(pdf, _("Op de pagina met de uitkomst kunt u een code maken. Daarmee vertelt u ons later hoe het ging."))


def answer_pdf(answer: Answer, *, code: str = "", come_back_url: str = "") -> bytes:
    pdf = _Document(format="A4")
    pdf.core_fonts_encoding = ENCODING
    pdf.set_title(_text(_("Wat kunt u krijgen?")))
    pdf.set_lang(get_language() or "nl")
    pdf.add_page()
    _line(pdf, _("Wat kunt u waarschijnlijk krijgen?"), 18, "B")
    _line(pdf, _("Gemeente %(name)s · datum %(date)s") % {"name": answer.municipality_name, "date": answer.date})
    _line(pdf, _("Samen ongeveer %(total)s per jaar (elke behoefte één keer geteld).") % {"total": answer.total_yearly})
    if answer.norms_note:
        _line(pdf, answer.norms_note[:1].upper() + answer.norms_note[1:] + ".", 9, "I")
    _line(pdf, _("Dit is een schatting. Alleen de organisatie die het geeft, beslist."), 9, "I")
    if not answer.has_scheme_data:
        _line(pdf, str(UNKNOWN_SCHEMES_PDF) % {"name": answer.municipality_name, "url": answer.register_url}, 9)
    for number, item in enumerate(answer.items, start=1):
        _item(pdf, item, number)
    if come_back_url:
        _follow_up(pdf, code, come_back_url)
    return bytes(pdf.output())
