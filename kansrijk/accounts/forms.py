from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kansrijk.accounts.models import ApiToken
from kansrijk.core.validators import ShortTextField


class ApiTokenForm(forms.Form):
    name = ShortTextField(
        label=_("Naam"),
        max_length=ApiToken._meta.get_field("name").max_length or 100,
        help_text=_("Waarvoor gebruikt u de sleutel? Bijvoorbeeld: koppeling met ons registratiesysteem."),
    )
