from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kansrijk.accounts.models import ApiToken


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Naam"),
        max_length=ApiToken._meta.get_field("name").max_length,
        help_text=_("Waarvoor gebruikt u de sleutel? Bijvoorbeeld: koppeling met ons registratiesysteem."),
    )
