"""Forms of the referral pages. They only parse input; the services check the rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kansrijk.core.money import MoneyInputError, format_euros, parse_money
from kansrijk.core.validators import BoundedIntegerField, LongTextField, ShortTextField
from kansrijk.referrals.constants import (
    SIGNS,
    BarrierCategory,
    CloseReason,
    ConsentMethod,
    DeclineReason,
    FamilyAnswer,
    GivenBy,
    School,
)
from kansrijk.referrals.services import MAX_AMOUNT_CENTS
from kansrijk.socialmap.constants import NEEDS

NEED_CHOICES = [("", _("— kies (niet verplicht) —")), *[(n.code, n.name_nl) for n in NEEDS]]
TEXTAREA = {"class": "utrecht-textarea", "rows": 3}


def _choices(form: forms.Form, name: str, choices: list[tuple[str, str]]) -> None:
    field = form.fields[name]
    assert isinstance(field, forms.ChoiceField)
    field.choices = choices


def _text(**attrs: Any) -> forms.TextInput:
    return forms.TextInput(attrs={"class": "utrecht-textbox utrecht-textbox--html-input", **attrs})


class ConcernForm(forms.Form):
    organisation = forms.ChoiceField(label=_("Namens welke organisatie?"), choices=())
    municipality = forms.ChoiceField(label=_("Gemeente waar het gezin woont"), choices=())
    signs = forms.MultipleChoiceField(
        label=_("Wat zie je? (signalen)"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[(s.code, f"{s.label} — {s.guidance}") for s in SIGNS],
    )
    note = LongTextField(
        label=_("Notitie"),
        required=False,
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text=_("Wat valt je op? Schrijf geen BSN, adres of geboortedatum op."),
    )

    def __init__(self, *args: Any, organisations: list[Any], municipalities: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "organisation", [(str(o.pk), o.name) for o in organisations])
        _choices(self, "municipality", [(m.code, m.name) for m in municipalities])
        self.fields["organisation"].widget.attrs["class"] = "utrecht-select utrecht-select--html-select"
        self.fields["municipality"].widget.attrs["class"] = "utrecht-select utrecht-select--html-select"
        if len(organisations) == 1:
            self.fields["organisation"].widget = forms.HiddenInput()


class ChildForm(forms.Form):
    first_name = ShortTextField(label=_("Voornaam of voorletters"), max_length=40, required=False, widget=_text())
    birth_year = BoundedIntegerField(
        label=_("Geboortejaar"),
        required=False,
        min_value=1990,
        max_value=2100,
        widget=forms.NumberInput(attrs={"class": "utrecht-textbox utrecht-textbox--html-input"}),
        help_text=_("Of vul de leeftijd in."),
    )
    age = BoundedIntegerField(
        label=_("Leeftijd"),
        required=False,
        min_value=0,
        max_value=25,
        widget=forms.NumberInput(attrs={"class": "utrecht-textbox utrecht-textbox--html-input"}),
    )
    school = forms.ChoiceField(
        label=_("School"),
        choices=School.choices,
        initial=School.PRIMARY,
        widget=forms.Select(attrs={"class": "utrecht-select utrecht-select--html-select"}),
    )
    wish_need = forms.ChoiceField(
        label=_("Wens: waarbij?"),
        choices=NEED_CHOICES,
        required=False,
        widget=forms.Select(attrs={"class": "utrecht-select utrecht-select--html-select"}),
    )
    wish_text = ShortTextField(
        label=_("Wens van het kind zelf"),
        required=False,
        max_length=500,
        widget=_text(),
        help_text=_("Wat zou je graag willen doen of hebben? In de woorden van het kind."),
    )
    wish2_need = forms.ChoiceField(
        label=_("Tweede wens: waarbij?"),
        choices=NEED_CHOICES,
        required=False,
        widget=forms.Select(attrs={"class": "utrecht-select utrecht-select--html-select"}),
    )
    wish2_text = ShortTextField(label=_("Tweede wens"), required=False, max_length=500, widget=_text())


ChildFormSet = forms.formset_factory(ChildForm, extra=3, max_num=3)


class ConsentForm(forms.Form):
    given_by = forms.ChoiceField(label=_("Wie gaf toestemming?"), choices=GivenBy.choices, widget=forms.RadioSelect)
    organisations = forms.MultipleChoiceField(
        label=_("Met welke organisaties mogen de gegevens gedeeld worden?"),
        choices=(),
        widget=forms.CheckboxSelectMultiple,
    )
    purpose = LongTextField(
        label=_("Doel"),
        widget=forms.Textarea(attrs=TEXTAREA),
        initial=_("Hulp aanvragen voor het kind, zoals sport, cultuur of schoolspullen."),
        help_text=_("Waarvoor mogen de gegevens gedeeld worden?"),
    )
    method = forms.ChoiceField(
        label=_("Hoe is de toestemming gegeven?"), choices=ConsentMethod.choices, widget=forms.RadioSelect
    )
    expires_on = forms.DateField(
        label=_("Geldig tot en met"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date", "class": "utrecht-textbox utrecht-textbox--html-input"}),
        help_text=_("Laat leeg voor één jaar. Daarna vervalt de toestemming en stopt het delen."),
    )

    def __init__(self, *args: Any, organisations: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "organisations", [(str(o.pk), o.name) for o in organisations])


class CheckboxesWithDisabled(forms.CheckboxSelectMultiple):
    """Checkboxes of which some cannot be chosen (shown, disabled): works without JavaScript."""

    def __init__(self, *args: Any, disabled_values: frozenset[str] = frozenset(), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.disabled_values = disabled_values

    def create_option(self, name: str, value: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        option: dict[str, Any] = super().create_option(name, value, *args, **kwargs)
        if str(value) in self.disabled_values:
            option["attrs"]["disabled"] = True
        return option


class ReferralForm(forms.Form):
    services = forms.MultipleChoiceField(
        label=_("Naar welke hulp verwijs je?"), choices=(), widget=forms.CheckboxSelectMultiple
    )
    note = LongTextField(
        label=_("Notitie voor de organisatie"),
        required=False,
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text=_("Wat moet de organisatie weten? Geen BSN of adres."),
    )

    def __init__(
        self, *args: Any, services: list[tuple[str, str]], without_consent: frozenset[str] = frozenset(), **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "services", services)
        self.fields["services"].widget = CheckboxesWithDisabled(disabled_values=without_consent)
        self.fields["services"].widget.choices = services


def parse_euros(value: str) -> int | None:
    """'12,50', '1.234,56' or '€ 12' → cents (`core.money.parse_money`); '' → None."""
    if not (value or "").strip():
        return None
    try:
        cents = parse_money(value).cents
    except MoneyInputError as error:
        raise forms.ValidationError(str(error)) from error
    if cents > MAX_AMOUNT_CENTS:
        raise forms.ValidationError(
            _("Vul een bedrag in van %(low)s tot %(max)s.")
            % {"low": format_euros(0), "max": format_euros(MAX_AMOUNT_CENTS)}
        )
    return cents


class StepForm(forms.Form):
    to = ShortTextField(max_length=20, widget=forms.HiddenInput)
    reason = LongTextField(label=_("Reden"), required=False, widget=forms.Textarea(attrs=TEXTAREA))
    reason_code = forms.ChoiceField(
        label=_("Reden van afwijzen"), required=False, choices=[("", ""), *DeclineReason.choices]
    )
    delivered_what = LongTextField(
        label=_("Welke hulp is gegeven?"), required=False, widget=forms.Textarea(attrs=TEXTAREA)
    )
    amount = ShortTextField(
        max_length=20,
        label=_("Bedrag in euro's"),
        required=False,
        widget=_text(inputmode="decimal"),
        help_text=_("Als er geld is betaald, bijvoorbeeld 225,00."),
    )

    def clean_amount(self) -> int | None:
        return parse_euros(self.cleaned_data.get("amount", ""))


class BarrierForm(forms.Form):
    category = forms.ChoiceField(
        label=_("Soort drempel"),
        choices=BarrierCategory.choices,
        widget=forms.Select(attrs={"class": "utrecht-select utrecht-select--html-select"}),
    )
    description = LongTextField(
        max_length=1000,
        label=_("Omschrijving"),
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text=_("Bijvoorbeeld: de contributie wordt betaald, maar de bus naar de club niet. Geen namen."),
    )


class FeedbackForm(forms.Form):
    family_answer = forms.ChoiceField(
        label=_("Hielp het? (antwoord van het gezin)"), choices=FamilyAnswer.choices, widget=forms.RadioSelect
    )
    child_score = forms.TypedChoiceField(
        label=_("Hoe blij is het kind? (smiley van het kind zelf)"),
        coerce=int,
        required=False,
        empty_value=None,
        choices=[
            (1, _("1 ☹ heel verdrietig")),
            (2, _("2 🙁 niet blij")),
            (3, _("3 😐 gewoon")),
            (4, _("4 🙂 blij")),
            (5, _("5 😀 heel blij")),
        ],
        widget=forms.RadioSelect,
    )
    comment = LongTextField(
        label=_("Wat zei het gezin of het kind?"), required=False, widget=forms.Textarea(attrs=TEXTAREA)
    )


class ConcernCloseForm(forms.Form):
    close_reason = forms.ChoiceField(
        label=_("Waarom sluit je de zorg af?"), choices=CloseReason.choices, widget=forms.RadioSelect
    )
    close_note = LongTextField(
        label=_("Toelichting"),
        required=False,
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text=_("Niet verplicht. Geen BSN of adres."),
    )
