"""Forms for the alliance pages. They only parse input; the rules live in `services.py`."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, cast

from django import forms
from django.forms import formset_factory
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kansrijk.alliance.constants import MAX_REACH, Activity, ReachUnit, TargetGroup
from kansrijk.alliance.formatting import plain_number
from kansrijk.alliance.models import Commitment
from kansrijk.alliance.services import OUTSIDE_COMMITMENT, CommitmentInput, IndicatorInput, report_years
from kansrijk.core.validators import INT32_MAX, BoundedIntegerField, LongTextField, ShortTextField
from kansrijk.municipalities.models import Municipality

TEXT = {"class": "utrecht-textbox utrecht-textbox--html-input"}
AREA = {"class": "utrecht-textarea", "rows": 4}
SELECT = {"class": "utrecht-select utrecht-select--html-select"}
DATE = forms.DateInput(attrs={**TEXT, "type": "date"}, format="%Y-%m-%d")


class PledgeSignForm(forms.Form):
    pledge_version = BoundedIntegerField(min_value=1, max_value=INT32_MAX, widget=forms.HiddenInput)
    signatory_name = ShortTextField(label=_("Naam van wie ondertekent"), max_length=200, widget=forms.TextInput(TEXT))
    signatory_role = ShortTextField(
        label=_("Functie van wie ondertekent"),
        max_length=200,
        widget=forms.TextInput(TEXT),
        help_text=_("Bijvoorbeeld: directeur-bestuurder of wethouder."),
    )
    signed_on = forms.DateField(label=_("Datum van ondertekening"), widget=DATE)
    confirm = forms.BooleanField(
        label=_("Deze persoon mag namens onze organisatie tekenen, en heeft de tekst hierboven gelezen."),
        widget=forms.CheckboxInput(attrs={"class": "utrecht-checkbox utrecht-checkbox--html-input"}),
    )


class PledgeWithdrawForm(forms.Form):
    note = LongTextField(
        label=_("Waarom trek je de pledge in?"),
        required=False,
        widget=forms.Textarea(AREA),
    )
    confirm = forms.BooleanField(
        label=_("Ja, trek de pledge in. Onze inzet staat dan niet meer in het openbare overzicht."),
        widget=forms.CheckboxInput(attrs={"class": "utrecht-checkbox utrecht-checkbox--html-input"}),
    )


class CommitmentForm(forms.Form):
    title = ShortTextField(label=_("Naam van de inzet"), max_length=200, widget=forms.TextInput(TEXT))
    activity = forms.ChoiceField(
        label=_("Activiteit van de alliantie"), choices=Activity.choices, widget=forms.Select(SELECT)
    )
    description = LongTextField(label=_("Wat ga je precies doen?"), widget=forms.Textarea(AREA))
    target_group = forms.ChoiceField(label=_("Voor wie?"), choices=TargetGroup.choices, widget=forms.Select(SELECT))
    age_min = BoundedIntegerField(label=_("Leeftijd van"), min_value=0, max_value=27, initial=0)
    age_max = BoundedIntegerField(label=_("Leeftijd tot en met"), min_value=0, max_value=27, initial=17)
    is_national = forms.BooleanField(
        label=_("Landelijk: in heel Nederland"),
        required=False,
        widget=forms.CheckboxInput(attrs={"class": "utrecht-checkbox utrecht-checkbox--html-input"}),
    )
    municipalities = forms.ModelMultipleChoiceField(
        label=_("Gemeenten"),
        required=False,
        to_field_name="code",
        queryset=Municipality.objects.defer("boundary").order_by("name"),
        widget=forms.SelectMultiple(attrs={**SELECT, "size": 8}),
        help_text=_(
            "Kies één of meer gemeenten. Houd Ctrl (of Cmd) ingedrukt om er meer te kiezen. "
            "Laat leeg als de inzet landelijk is."
        ),
    )
    planned_reach = BoundedIntegerField(label=_("Hoeveel wil je per jaar bereiken?"), min_value=1, max_value=MAX_REACH)
    reach_unit = forms.ChoiceField(label=_("Wat tel je?"), choices=ReachUnit.choices, widget=forms.Select(SELECT))
    starts_on = forms.DateField(label=_("Startdatum"), widget=DATE)
    ends_on = forms.DateField(label=_("Einddatum"), widget=DATE)
    contact_name = ShortTextField(label=_("Contactpersoon"), max_length=200, widget=forms.TextInput(TEXT))
    contact_email = forms.EmailField(
        label=_("E-mail van de contactpersoon"),
        widget=forms.EmailInput(TEXT),
        help_text=_("Dit adres is openbaar, zodat andere partners je kunnen vinden."),
    )

    @staticmethod
    def initial_for(commitment: Commitment) -> dict[str, Any]:
        fields = (
            "title",
            "activity",
            "description",
            "target_group",
            "age_min",
            "age_max",
            "is_national",
            "planned_reach",
            "reach_unit",
            "starts_on",
            "ends_on",
            "contact_name",
            "contact_email",
        )
        initial: dict[str, Any] = {name: getattr(commitment, name) for name in fields}
        initial["municipalities"] = [m.code for m in commitment.municipalities.all()]
        return initial

    def to_input(self, indicators: list[IndicatorInput]) -> CommitmentInput:
        data = self.cleaned_data
        return CommitmentInput(
            title=data["title"],
            activity=data["activity"],
            description=data["description"],
            target_group=data["target_group"],
            age_min=data["age_min"],
            age_max=data["age_max"],
            is_national=data["is_national"],
            municipality_codes=tuple(m.code for m in data["municipalities"]),
            planned_reach=data["planned_reach"],
            reach_unit=data["reach_unit"],
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
            contact_name=data["contact_name"],
            contact_email=data["contact_email"],
            indicators=tuple(indicators),
        )


class IndicatorForm(forms.Form):
    name = ShortTextField(
        label=_("Indicator"),
        max_length=200,
        required=False,
        widget=forms.TextInput(TEXT),
        help_text=_("Wat meet je? Bijvoorbeeld: kinderen die lid zijn van een sportclub."),
    )
    target = forms.DecimalField(label=_("Doel per jaar"), required=False, max_digits=12, decimal_places=2, min_value=0)
    unit = ShortTextField(
        label=_("Eenheid"),
        max_length=50,
        required=False,
        widget=forms.TextInput(TEXT),
        help_text=_("Bijvoorbeeld: kinderen, gezinnen of %."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("name") and data.get("target") is None:
            self.add_error("target", _("Vul een doel in voor deze indicator."))
        if data.get("target") is not None and not data.get("name"):
            self.add_error("name", _("Geef deze indicator een naam."))
        return data


IndicatorFormSet = formset_factory(IndicatorForm, extra=2, max_num=10)


def indicators_from(formset: Any) -> list[IndicatorInput]:
    """The filled-in indicator rows; empty rows are skipped (clear a name to remove one)."""
    return [
        IndicatorInput(name=row["name"], target=row["target"], unit=row.get("unit", ""))
        for row in formset.cleaned_data
        if row.get("name")
    ]


class ProgressReportForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Over welk jaar gaat dit verslag?"), coerce=int, widget=forms.Select(SELECT))
    what_was_done = LongTextField(label=_("Wat heb je gedaan?"), widget=forms.Textarea(AREA))
    realised_reach = BoundedIntegerField(label=_("Hoeveel heb je bereikt?"), min_value=0, max_value=MAX_REACH)
    obstacles = LongTextField(label=_("Wat zat tegen?"), required=False, widget=forms.Textarea(AREA))
    structural_barriers = LongTextField(
        label=_("Welke drempels in regels of systemen zag je?"),
        required=False,
        widget=forms.Textarea(AREA),
        help_text=_("Bijvoorbeeld: de bus naar de club kost meer dan de contributie."),
    )

    def __init__(self, *args: Any, commitment: Commitment, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        first, last = report_years(commitment)  # exactly the years the commitment covers, latest first
        cast(forms.TypedChoiceField, self.fields["year"]).choices = [(y, str(y)) for y in range(last, first - 1, -1)]
        year = self.fields["year"]
        year.initial = min(max(timezone.localdate().year, first), last)
        year.error_messages["invalid_choice"] = str(OUTSIDE_COMMITMENT) % {
            "year": "%(value)s",  # filled in by Django with the year sent
            "first": first,
            "last": last,
        }
        self.fields["realised_reach"].help_text = _("Gepland: %(reach)s %(unit)s per jaar.") % {
            "reach": commitment.planned_reach,
            "unit": commitment.get_reach_unit_display(),
        }
        self.indicator_fields: dict[str, int] = {}
        for indicator in commitment.indicators.all():
            name = f"indicator_{indicator.pk}"
            self.fields[name] = forms.DecimalField(
                label=indicator.name,
                required=False,
                max_digits=12,
                decimal_places=2,
                help_text=_("Doel: %(target)s %(unit)s")
                % {"target": plain_number(indicator.target), "unit": indicator.unit},
            )
            self.indicator_fields[name] = indicator.pk
        self.order_fields(["year", "what_was_done", "realised_reach", *self.indicator_fields, "obstacles"])

    def indicator_values(self) -> dict[int, Decimal | None]:
        return {pk: self.cleaned_data.get(name) for name, pk in self.indicator_fields.items()}
