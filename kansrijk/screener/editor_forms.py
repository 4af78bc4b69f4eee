"""The scheme editor's form: euros in, cents out; the service's validation becomes field errors."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kansrijk.core.money import ConfirmMoneyForm, MoneyInputError, format_money_input, parse_money
from kansrijk.core.validators import BoundedIntegerField, LongTextField, ShortTextField
from kansrijk.screener.constants import NEEDS, AppliesVia, IncomeTest, PaymentRoute, School
from kansrijk.screener.forms import euros
from kansrijk.screener.models import Scheme
from kansrijk.screener.services import VersionData, version_errors

# VersionData's cent fields and the form's money fields (euros typed Dutch-style, cents out).
EURO_FIELDS = {
    "asset_limit_cents": "asset_limit",
    "amount_per_child_cents": "amount_per_child",
    "amount_per_household_cents": "amount_per_household",
    "leefgeld_base_cents": "leefgeld_base",
    "leefgeld_per_person_cents": "leefgeld_per_person",
}
BAND = re.compile(r"^\s*(\d{1,2})\s*-\s*(\d{1,2})\s*:\s*(.+?)\s*$")
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def bands_text(bands: list[dict[str, Any]]) -> str:
    return "; ".join(f"{b['age_min']}-{b['age_max']}: {format_money_input(int(b['cents']))}" for b in bands)


class SchemeVersionForm(ConfirmMoneyForm):
    label = ShortTextField(label=_("Naam voor gezinnen"), max_length=120)
    start_date = forms.DateField(
        label=_("Geldt vanaf"), widget=DATE_WIDGET, help_text=_("De wijziging geldt vanaf deze dag.")
    )
    end_date = forms.DateField(label=_("Geldt tot en met"), required=False, widget=DATE_WIDGET)
    needs = forms.MultipleChoiceField(
        label=_("Waar helpt het bij?"), choices=NEEDS, widget=forms.CheckboxSelectMultiple
    )
    income_test = forms.ChoiceField(label=_("Inkomenstoets"), choices=IncomeTest.choices)
    income_limit_percent = BoundedIntegerField(
        label=_("Inkomensgrens in % van de bijstandsnorm"),
        required=False,
        min_value=0,
        max_value=300,
        help_text=_("Van 0 tot en met 300."),
    )
    norm_with_holiday = forms.BooleanField(label=_("Bijstandsnorm met vakantiegeld"), required=False)
    leefgeld_base = euros(_("Leefgeldnorm voor de eerste persoon (per maand)"), required=False)
    leefgeld_per_person = euros(_("Leefgeldnorm voor elke volgende persoon (per maand)"), required=False)
    asset_limit = euros(_("Vermogensgrens in euro"), _("Leeg: geen vermogensgrens."), required=False)
    child_age_min = BoundedIntegerField(label=_("Kinderen vanaf leeftijd"), required=False, min_value=0, max_value=27)
    child_age_max = BoundedIntegerField(
        label=_("Kinderen tot en met leeftijd"), required=False, min_value=0, max_value=27
    )
    schools = forms.MultipleChoiceField(
        label=_("Schooltype"), choices=School.choices, required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_("Niets aangevinkt: elk schooltype."),
    )  # fmt: skip
    amount_per_child = euros(_("Bedrag per kind per jaar"), required=False)
    amount_per_household = euros(_("Bedrag per gezin per jaar"), required=False)
    amount_bands = ShortTextField(
        label=_("Bedrag per leeftijd"), required=False, max_length=300,
        help_text=_("Bijvoorbeeld: 4-11: 200; 12-17: 300. Dit gaat voor het bedrag per kind."),
    )  # fmt: skip
    payment_route = forms.ChoiceField(label=_("Hoe krijgt het gezin het?"), choices=PaymentRoute.choices)
    applies_via = forms.ChoiceField(label=_("Wie kan het aanvragen?"), choices=AppliesVia.choices)
    how_to_apply = LongTextField(label=_("Zo vraagt u het aan"), widget=forms.Textarea(attrs={"rows": 3}))
    how_to_apply_en = LongTextField(
        label=_("Zo vraagt u het aan, in het Engels"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Leeg: gezinnen die de site in het Engels lezen, zien de Nederlandse tekst."),
    )  # fmt: skip
    apply_url = forms.URLField(
        label=_("Website om aan te vragen"), required=False, max_length=300, assume_scheme="https"
    )
    apply_phone = ShortTextField(label=_("Telefoonnummer"), required=False, max_length=40)
    apply_address = ShortTextField(
        label=_("Adres"), required=False, max_length=300, help_text=_("Straat, huisnummer en plaats.")
    )
    apply_intermediary = ShortTextField(
        label=_("Wie vraagt het aan voor het gezin?"), required=False, max_length=300,
        help_text=_(
            "Bijvoorbeeld: de school of het wijkteam. Vul minstens één manier in: website, telefoon, adres of wie."
        ),
    )  # fmt: skip
    apply_intermediary_en = ShortTextField(
        label=_("Wie vraagt het aan voor het gezin, in het Engels"), required=False, max_length=300
    )
    source_title = ShortTextField(label=_("Bron (titel)"), max_length=300)
    source_url = ShortTextField(label=_("Bron (link)"), max_length=300, help_text=_("Begint met https://."))
    unverified = forms.BooleanField(label=_("Bron is nog niet gecontroleerd"), required=False)
    unknown_reason = LongTextField(
        label=_("Regels onbekend voor deze periode"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Vul dit alleen in als u de regels niet weet. De check zegt dan dit, en rekent niets uit."),
    )  # fmt: skip
    change_note = ShortTextField(label=_("Wat is er veranderd en waarom?"), max_length=300)

    def __init__(self, *args: Any, scheme: Scheme, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.scheme = scheme
        self.data_object: VersionData | None = None

    def clean_amount_bands(self) -> list[dict[str, Any]]:
        text = self.cleaned_data.get("amount_bands") or ""
        bands = []
        for part in filter(None, (p.strip() for p in text.split(";"))):
            match = BAND.match(part)
            if match is None:
                raise forms.ValidationError(_("Schrijf het zo: 4-11: 200; 12-17: 300."))
            low, high, amount = match.groups()
            try:
                parsed = parse_money(amount)
            except MoneyInputError as error:
                raise forms.ValidationError(f"{part}: {error}") from error
            if parsed.ambiguous:
                raise forms.ValidationError(_("%(part)s: schrijf het bedrag zo: 1.600,50 of 1600.") % {"part": part})
            bands.append({"age_min": int(low), "age_max": int(high), "cents": parsed.cents})
        return bands

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.confirm_money()
        if self.errors:
            return data
        values: dict[str, Any] = {k: data.get(k) for k in VersionData.__dataclass_fields__ if k in self.fields}
        values.update({key: data.get(name) for key, name in EURO_FIELDS.items()})
        values.update(needs=tuple(data["needs"]), schools=tuple(data.get("schools") or ()))
        values.update(amount_bands=tuple(data.get("amount_bands") or ()), apply_url=data.get("apply_url") or "")
        values.update({name: data.get(name) or "" for name in ("how_to_apply_en", "apply_phone", "apply_address")})
        for name in ("apply_intermediary", "apply_intermediary_en"):
            values[name] = data.get(name) or ""
        version = VersionData(**values)
        for name, messages in version_errors(scheme=self.scheme, data=version).items():
            for message in messages:
                self.add_error(EURO_FIELDS.get(name, name), message)
        self.data_object = None if self.errors else version
        return data


def initial_from(version: VersionData) -> dict[str, Any]:
    """The form's initial values for an existing version (euros from cents)."""
    initial: dict[str, Any] = {k: getattr(version, k) for k in VersionData.__dataclass_fields__}
    for key, name in EURO_FIELDS.items():
        initial[name] = getattr(version, key)  # cents; the money field shows them Dutch-style
    initial["needs"], initial["schools"] = list(version.needs), list(version.schools)
    initial["amount_bands"] = bands_text(list(version.amount_bands))
    initial["change_note"] = ""
    return initial
