"""Money on the Django side (ADR 0026): one place that reads amounts as people type them and
writes them for people, forms, templates, PDFs and exports. Amounts are integer cents
everywhere; nothing here uses a float. The exact arithmetic and the "21000.00" strings of the
rules contract stay in `kansrijk.rules.money` (pure Python), which this module builds on.

Reading: "1.600,50", "1600,50", "1600.50", "€ 1.600", "1600,-" -> cents (`parse_money`,
`MoneyField`). A value that can be read but might be a mistake (written English-style, like
"1,600", or implausible, like a net income of € 160.050 a month) is not refused and not
silently accepted: `ConfirmMoneyForm` asks for confirmation with the amount written out, with
a checkbox that appears next to the error (no JavaScript needed).

Writing: always "€ 1.234,56" (`format_euros`, the `euros` template filter); a negative amount
as "€ -1.234,56" (the minus sign before the number, after the euro sign, as the Taalunie
advises); "1.234,56" in a form field (`format_money_input`); "1234.56" in exports
(`decimal_text`, `cents_from_decimal_text`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kansrijk.rules.money import MAX_CENTS, format_cents

CONFIRM_SUFFIX = "_klopt"
_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_PLAIN = re.compile(r"^(\d+)$")
_DUTCH_GROUPED = re.compile(r"^(\d{1,3}(?:\.\d{3})+)(?:,(\d{1,2}))?$")
_DECIMAL_COMMA = re.compile(r"^(\d+),(\d{1,2})$")
_DECIMAL_POINT = re.compile(r"^(\d+)\.(\d{1,2})$")
_ENGLISH_GROUPED = re.compile(r"^(\d{1,3}(?:,\d{3})+)(?:\.(\d{1,2}))?$")


class MoneyInputError(ValueError):
    """Text that cannot be read as an amount in euros; the message says why (Dutch, B1)."""


@dataclass(frozen=True)
class ParsedMoney:
    cents: int
    ambiguous: bool  # written English-style ("1,600" or "1,600.50"): read, but ask


def _cents(whole: str, fraction: str | None) -> int:
    return int(whole.replace(".", "").replace(",", "")) * 100 + int((fraction or "0").ljust(2, "0"))


def _normalise(text: str) -> str:
    text = _SPACES.sub("", text.strip())
    for prefix in ("€", "EUR", "eur"):
        text = text.removeprefix(prefix)
    for suffix in (",-", ",--", ".-", ",=", "€"):
        text = text.removesuffix(suffix)
    return text


def parse_money(text: str) -> ParsedMoney:
    """Read an amount in euros as Dutch people type it; raise MoneyInputError when it cannot be read.
    Only text: a float is never money (TypeError)."""
    if not isinstance(text, str):
        raise TypeError(f"money is read from text, not from {type(text).__name__}")
    value = _normalise(text)
    if value.startswith("-"):
        raise MoneyInputError(_("Vul een bedrag in zonder minteken."))
    for pattern, ambiguous in (
        (_PLAIN, False),
        (_DUTCH_GROUPED, False),
        (_DECIMAL_COMMA, False),
        (_DECIMAL_POINT, False),
        (_ENGLISH_GROUPED, True),
    ):
        match = pattern.match(value)
        if match is not None:
            groups = match.groups()
            cents = _cents(groups[0], groups[1] if len(groups) > 1 else None)
            if cents > MAX_CENTS:
                raise MoneyInputError(_("Dit bedrag is te groot."))
            return ParsedMoney(cents, ambiguous)
    if re.match(r"^\d+[.,]\d{3,}$", value) and not _DUTCH_GROUPED.match(value):
        raise MoneyInputError(_("Gebruik niet meer dan 2 cijfers na de komma, bijvoorbeeld 1.600,50."))
    raise MoneyInputError(_("Vul een bedrag in euro in, bijvoorbeeld 1.600,50 of 1600."))


def _whole_cents(cents: object) -> int:
    if isinstance(cents, bool) or not isinstance(cents, int):
        raise TypeError(f"money is whole cents (int), not {type(cents).__name__}")
    return cents


def _grouped(cents: int) -> str:
    whole, rest = divmod(abs(cents), 100)
    return f"{whole:,}".replace(",", ".") + f",{rest:02d}"


def format_euros(cents: int) -> str:
    """For people: 123456 -> "€ 1.234,56", 25000 -> "€ 250,00", -550 -> "€ -5,50"."""
    value = _whole_cents(cents)
    return f"€ {'-' if value < 0 else ''}{_grouped(value)}"


def format_money_input(cents: int) -> str:
    """Cents as Dutch people write them, for a form field: 160050 -> "1.600,50", 160000 -> "1.600,00"."""
    value = _whole_cents(cents)
    return f"{'-' if value < 0 else ''}{_grouped(value)}"


def decimal_text(cents: int) -> str:
    """For exports and machine-readable files: 123456 -> "1234.56"."""
    return format_cents(_whole_cents(cents))


def json_amount(cents: int) -> int | Decimal:
    """An amount as a JSON number in euros (HSDS `amount` is a number): whole euros as an int,
    else an exact Decimal ("12.50"), which the JSON encoder writes as a number at the edge."""
    value = _whole_cents(cents)
    return value // 100 if value % 100 == 0 else Decimal(decimal_text(value))


def cents_from_decimal_text(text: str) -> int:
    """An amount in an export or import file ("12", "12.5", "-3.25") as cents; ValueError with
    the reason when it is not one (more than two decimals, not a number, too large)."""
    match = re.fullmatch(r"(-?)(\d+)(?:\.(\d*))?", text.strip())
    if match is None:
        raise ValueError(f"'{text}' is not an amount")
    sign, whole, fraction = match.group(1), match.group(2).lstrip("0") or "0", (match.group(3) or "").rstrip("0")
    if len(fraction) > 2:
        raise ValueError(f"'{text}' has more than two decimals")
    if len(whole) > 16:
        raise ValueError(f"'{text}' is not an amount")
    cents = int(whole) * 100 + int(fraction.ljust(2, "0"))
    return -cents if sign else cents


class MoneyField(forms.Field):
    """Euros as Dutch people type them, in integer cents.

    `plausible_max_cents`: above it, ask for confirmation (`why_implausible` says what it is).
    """

    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})

    def __init__(self, *, plausible_max_cents: int | None = None, max_cents: int = MAX_CENTS, **kwargs: Any) -> None:
        self.plausible_max_cents = plausible_max_cents
        self.max_cents = max_cents
        super().__init__(**kwargs)

    def prepare_value(self, value: Any) -> Any:
        return format_money_input(value) if isinstance(value, int) and not isinstance(value, bool) else value

    def to_python(self, value: Any) -> int | None:
        if value in self.empty_values:
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        try:
            cents = parse_money(str(value)).cents
        except MoneyInputError as error:
            raise forms.ValidationError(str(error), code="invalid") from error
        if cents > self.max_cents:
            raise forms.ValidationError(
                _("Dit bedrag is te groot: het hoogste bedrag is %(max)s.") % {"max": format_euros(self.max_cents)},
                code="max_value",
            )
        return cents

    def doubt(self, raw: Any, cents: int) -> str:
        """Why this value should be confirmed (written out), or ''."""
        amount = format_euros(cents)
        if isinstance(raw, str) and parse_money(raw).ambiguous:
            return _("U schreef %(raw)s. Wij lezen dat als %(amount)s.") % {"raw": raw.strip(), "amount": amount}
        if self.plausible_max_cents is not None and cents > self.plausible_max_cents:
            return _("U vulde %(amount)s in. Dat is veel.") % {"amount": amount}
        return ""


CONFIRM_LABEL = gettext_lazy("Ja, dit bedrag klopt")


class ConfirmMoneyForm(forms.Form):
    """A form that asks for confirmation of doubtful money values: an error plus a checkbox next to the field."""

    def is_confirmed(self, name: str) -> bool:
        return str(self.data.get(self.add_prefix(name + CONFIRM_SUFFIX), "")).lower() in {"on", "true", "1", "ja"}

    def ask_confirmation(self, name: str, message: str) -> None:
        """A checkbox right after `name`, and (unless it is ticked) an error on `name`."""
        if not self.is_confirmed(name):
            text = message + " " + _("Klopt dit? Zet dan een vinkje bij ‘Ja, dit bedrag klopt’ en verstuur opnieuw.")
            self.add_error(name, text)
        confirm = forms.BooleanField(label=CONFIRM_LABEL, required=False)
        ordered: dict[str, forms.Field] = {}
        for key, field in self.fields.items():
            ordered[key] = field
            if key == name:
                ordered[name + CONFIRM_SUFFIX] = confirm
        self.fields = ordered

    def confirm_money(self) -> None:
        """Check every money field's value (call from `clean`)."""
        for name, field in list(self.fields.items()):
            if not isinstance(field, MoneyField) or self.cleaned_data.get(name) is None:
                continue
            message = field.doubt(self.data.get(self.add_prefix(name)), self.cleaned_data[name])
            if message:
                self.ask_confirmation(name, message)

    def confirmation_fields(self, names: list[str]) -> list[str]:
        """`names` with each added confirmation checkbox right after its field."""
        found: list[str] = []
        for name in names:
            found.append(name)
            if name + CONFIRM_SUFFIX in self.fields:
                found.append(name + CONFIRM_SUFFIX)
        return found
