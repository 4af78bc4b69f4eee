"""Forms of the social map pages; they parse input, the services decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kansrijk.core.money import MoneyField
from kansrijk.core.validators import BoundedIntegerField, LongTextField, ShortTextField
from kansrijk.municipalities.selectors import municipality_list
from kansrijk.socialmap.area_picker import ServiceAreaField
from kansrijk.socialmap.constants import NEEDS, ServiceStatus
from kansrijk.socialmap.geo import postcode_normalize
from kansrijk.socialmap.services import LocationData, ServiceData

DISTANCES = [("5", _("5 km")), ("10", _("10 km")), ("25", _("25 km")), ("50", _("50 km"))]


def _municipality_choices(empty: str) -> list[tuple[str, str]]:
    return [("", empty), *municipality_list().values_list("code", "name")]


def _choice_field(form: forms.Form, name: str) -> forms.ChoiceField:
    field = form.fields[name]
    assert isinstance(field, forms.ChoiceField)
    return field


MAX_COST_CENTS = 9_999_999_99  # as the form allowed before: at most 9 digits with 2 decimals


class SearchForm(forms.Form):
    behoefte = forms.ChoiceField(label=_("Waar zoek je hulp bij?"), required=False)
    leeftijd = BoundedIntegerField(
        label=_("Leeftijd van het kind"),
        required=False,
        min_value=0,
        max_value=25,
        help_text=_("In jaren, bijvoorbeeld 9."),
    )
    gemeente = forms.ChoiceField(label=_("Gemeente"), required=False)
    postcode = ShortTextField(
        label=_("Postcode"),
        required=False,
        max_length=7,
        help_text=_("Bijvoorbeeld 6093 AB. Dan zoeken we hulp in de buurt."),
    )
    afstand = forms.ChoiceField(label=_("Afstand"), required=False, choices=DISTANCES, initial="10")
    q = ShortTextField(
        label=_("Zoekwoorden"), required=False, max_length=100, help_text=_("Bijvoorbeeld voetbal of laptop.")
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choice_field(self, "behoefte").choices = [("", _("Alles")), *((n.code, n.name_nl) for n in NEEDS)]
        _choice_field(self, "gemeente").choices = _municipality_choices(str(_("Alle gemeenten")))

    def clean_postcode(self) -> str:
        value = self.cleaned_data["postcode"].strip()
        if value and not postcode_normalize(value):
            raise forms.ValidationError(_("Vul een postcode in zoals 6093 AB."))
        return str(value)

    def has_criteria(self) -> bool:
        data = self.cleaned_data
        return any(data.get(k) not in (None, "") for k in ("behoefte", "leeftijd", "gemeente", "postcode", "q"))


class ServiceForm(forms.Form):
    name = ShortTextField(label=_("Naam van de hulp"), max_length=255)
    description = LongTextField(label=_("Wat bieden jullie?"), widget=forms.Textarea(attrs={"rows": 4}))
    needs = forms.MultipleChoiceField(
        label=_("Waar helpt het bij?"),
        widget=forms.CheckboxSelectMultiple,
        choices=[(n.code, n.name_nl) for n in NEEDS],
    )
    eligibility_description = LongTextField(
        label=_("Voor wie is het?"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    minimum_age = BoundedIntegerField(label=_("Vanaf leeftijd"), required=False, min_value=0, max_value=120)
    maximum_age = BoundedIntegerField(label=_("Tot en met leeftijd"), required=False, min_value=0, max_value=120)
    application_process = LongTextField(label=_("Zo vraag je het aan"), widget=forms.Textarea(attrs={"rows": 3}))
    fees_description = ShortTextField(
        label=_("Wat kost het?"), required=False, help_text=_("Bijvoorbeeld: gratis voor het gezin.")
    )
    cost_euros = MoneyField(label=_("Eigen bijdrage in euro"), required=False, max_cents=MAX_COST_CENTS)
    municipalities = ServiceAreaField(
        label=_("In welke gemeenten?"),
        required=False,
        help_text=_(
            "Kies heel Nederland, een hele provincie of losse gemeenten. Open een provincie om gemeenten te kiezen."
        ),
    )
    locations = forms.MultipleChoiceField(label=_("Locaties"), required=False, widget=forms.CheckboxSelectMultiple)
    phone = ShortTextField(label=_("Telefoon"), required=False, max_length=100)
    email = forms.EmailField(label=_("E-mail"), required=False)
    url = forms.URLField(label=_("Website"), required=False, max_length=2000, assume_scheme="https")
    status = forms.ChoiceField(label=_("Status"), choices=ServiceStatus.choices, initial=ServiceStatus.ACTIVE)

    def __init__(self, *args: Any, locations: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choice_field(self, "locations").choices = locations
        area = self.fields["municipalities"]
        assert isinstance(area, ServiceAreaField)
        area.load_choices()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        low, high = data.get("minimum_age"), data.get("maximum_age")
        if low is not None and high is not None and low > high:
            self.add_error("maximum_age", _("De maximumleeftijd moet hoger zijn dan de minimumleeftijd."))
        if data.get("municipalities") == (False, ()):
            self.add_error("municipalities", _("Kies een gemeente, of kies 'In heel Nederland'."))
        return data

    def to_data(self) -> ServiceData:
        d = self.cleaned_data
        cents = d["cost_euros"]  # whole cents (`MoneyField`)
        return ServiceData(
            name=d["name"],
            description=d["description"],
            eligibility_description=d["eligibility_description"],
            application_process=d["application_process"],
            fees_description=d["fees_description"],
            minimum_age=d["minimum_age"],
            maximum_age=d["maximum_age"],
            url=d["url"],
            email=d["email"],
            phone=d["phone"],
            status=d["status"],
            need_codes=tuple(d["needs"]),
            municipality_codes=d["municipalities"][1],
            is_national=d["municipalities"][0],
            location_ids=tuple(d["locations"]),
            cost_cents=cents,
        )


class LocationForm(forms.Form):
    name = ShortTextField(label=_("Naam van de locatie"), max_length=255)
    address_1 = ShortTextField(label=_("Straat en huisnummer"), max_length=255)
    postal_code = ShortTextField(label=_("Postcode"), max_length=7)
    city = ShortTextField(label=_("Plaats"), max_length=255)
    municipality = forms.ChoiceField(label=_("Gemeente"))
    latitude = forms.FloatField(
        label=_("Breedtegraad"),
        required=False,
        min_value=-90,
        max_value=90,
        help_text=_("Bijvoorbeeld 51.25. Mag leeg."),
    )
    longitude = forms.FloatField(
        label=_("Lengtegraad"),
        required=False,
        min_value=-180,
        max_value=180,
        help_text=_("Bijvoorbeeld 5.90. Mag leeg."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choice_field(self, "municipality").choices = _municipality_choices(str(_("Kies een gemeente")))

    def clean_postal_code(self) -> str:
        value = self.cleaned_data["postal_code"]
        if len(postcode_normalize(value)) != 6:
            raise forms.ValidationError(_("Vul een postcode in zoals 6093 AB."))
        return str(value)

    def to_data(self) -> LocationData:
        d = self.cleaned_data
        return LocationData(
            name=d["name"],
            address_1=d["address_1"],
            postal_code=d["postal_code"],
            city=d["city"],
            municipality_code=d["municipality"],
            latitude=d["latitude"],
            longitude=d["longitude"],
        )
