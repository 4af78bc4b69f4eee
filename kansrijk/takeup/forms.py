"""Forms of the take-up follow-up (NL Design System pattern, work without JavaScript)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kansrijk.core.validators import ShortTextField
from kansrijk.takeup.constants import (
    EMAIL_LENGTH,
    FAMILY_ANSWERS,
    PROFESSIONAL_ANSWERS,
    SMILEYS,
    Answer,
    ManageReason,
    RefusalReason,
)
from kansrijk.takeup.selectors import SuggestedScheme

TOKEN_LENGTH = 4000


class FollowUpStartForm(forms.Form):
    vervolg = ShortTextField(max_length=TOKEN_LENGTH, widget=forms.HiddenInput)
    email = forms.EmailField(
        label=_("Uw e-mailadres"),
        required=False,
        max_length=EMAIL_LENGTH,
        help_text=_(
            "Dan sturen we u over 6 dagen één e-mail met de vraag. Na uw antwoord, of na 60 dagen, wissen we uw adres."
        ),
        error_messages={"invalid": _("Vul een e-mailadres in zoals naam@voorbeeld.nl, of laat het leeg.")},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class CodeForm(forms.Form):
    code = ShortTextField(
        label=_("Uw code"),
        max_length=20,
        help_text=_("8 letters en cijfers, bijvoorbeeld K7MP-3XQA. Hoofdletters of kleine letters maakt niet uit."),
        error_messages={"required": _("Vul uw code in.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )


def _choices(values: tuple[Any, ...]) -> list[tuple[str, Any]]:
    return [(value.value, value.label) for value in values]


class FamilyAnswerForm(forms.Form):
    """Per suggested scheme: what happened, what went wrong when it did not work out, and the smiley."""

    def __init__(self, *args: Any, schemes: list[SuggestedScheme], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.schemes = schemes
        self.fields["code"] = ShortTextField(max_length=20, widget=forms.HiddenInput)
        for index, scheme in enumerate(schemes, start=1):
            self.fields[f"antwoord_{index}"] = forms.ChoiceField(
                label=scheme.name,
                choices=_choices(FAMILY_ANSWERS),
                widget=forms.RadioSelect,
                error_messages={"required": _("Kies wat er gebeurde.")},
            )
            self.fields[f"reden_{index}"] = forms.ChoiceField(
                label=_("Lukte het niet? Wat ging er mis bij %(name)s?") % {"name": scheme.name},
                choices=ManageReason.choices,
                required=False,
                widget=forms.RadioSelect,
            )
            self.fields[f"smiley_{index}"] = forms.TypedChoiceField(
                label=_("Kreeg u %(name)s? Hielp het? Laat uw kind zelf een smiley kiezen.") % {"name": scheme.name},
                choices=SMILEYS,
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect,
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for index in range(1, len(self.schemes) + 1):
            if data.get(f"antwoord_{index}") == Answer.DIDNT_MANAGE and not data.get(f"reden_{index}"):
                self.add_error(f"reden_{index}", _("Kies wat er misging."))
        return data

    def groups(self) -> list[tuple[SuggestedScheme, list[forms.BoundField]]]:
        """The fields per scheme, for the template."""
        return [
            (scheme, [self[f"{name}_{index}"] for name in ("antwoord", "reden", "smiley")])
            for index, scheme in enumerate(self.schemes, start=1)
        ]


class ProfessionalTakeUpForm(forms.Form):
    """What happened with one suggested scheme (one form per scheme on the page, each with its prefix)."""

    answer = forms.ChoiceField(
        label=_("Wat gebeurde er?"),
        choices=_choices(PROFESSIONAL_ANSWERS),
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies wat er gebeurde.")},
    )
    refusal_reason = forms.ChoiceField(
        label=_("Niet gekregen: waarom niet?"),
        choices=[("", _("Kies een reden")), *RefusalReason.choices],
        required=False,
    )
    manage_reason = forms.ChoiceField(
        label=_("Lukte het niet: wat ging er mis?"),
        choices=[("", _("Kies wat er misging")), *ManageReason.choices],
        required=False,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("answer") == Answer.DIDNT_MANAGE and not data.get("manage_reason"):
            self.add_error("manage_reason", _("Kies wat er misging."))
        return data

    @property
    def reason(self) -> str:
        answer = self.cleaned_data.get("answer")
        if answer == Answer.REFUSED:
            return str(self.cleaned_data.get("refusal_reason") or "")
        if answer == Answer.DIDNT_MANAGE:
            return str(self.cleaned_data.get("manage_reason") or "")
        return ""
