"""Serializer fields with the input limits of `core.validators` (ADR 0012).

Every input CharField of an API serializer is a `ShortText` or `LongText` and every input
IntegerField a `BoundedInteger`; `core/tests/test_input_meta.py` checks this.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from kansrijk.core.validators import INT32_MAX, LONG_TEXT, SHORT_TEXT, PlainTextValidator

_MESSAGES = {
    "max_length": _("Dit mag hoogstens {max_length} tekens zijn."),
    "null_characters_not_allowed": _("Er staat een onzichtbaar stuurteken in (code U+0000). Haal het weg."),
    "surrogate_characters_not_allowed": _("Er staat een teken in dat niet bestaat. Typ de tekst opnieuw."),
}
_NUMBER_MESSAGES = {
    "invalid": _("Vul een heel getal in."),
    "max_value": _("Dit getal mag hoogstens {max_value} zijn."),
    "min_value": _("Dit getal moet minstens {min_value} zijn."),
}


class ShortText(serializers.CharField):
    """One line of text: at most `max_length` characters, no control or bidi-override characters."""

    def __init__(self, *, max_length: int = SHORT_TEXT, **kwargs: Any) -> None:
        kwargs["error_messages"] = {**_MESSAGES, **kwargs.get("error_messages", {})}
        super().__init__(max_length=max_length, **kwargs)
        self.validators.append(PlainTextValidator())


class LongText(serializers.CharField):
    """Multi-line text: at most `max_length` characters; newline and tab allowed."""

    def __init__(self, *, max_length: int = LONG_TEXT, **kwargs: Any) -> None:
        kwargs["error_messages"] = {**_MESSAGES, **kwargs.get("error_messages", {})}
        super().__init__(max_length=max_length, **kwargs)
        self.validators.append(PlainTextValidator(multiline=True))


class BoundedInteger(serializers.IntegerField):
    """A whole number between `min_value` and `max_value` (both required, within a 32-bit column)."""

    def __init__(self, *, min_value: int, max_value: int, **kwargs: Any) -> None:
        if max_value > INT32_MAX:
            raise ValueError("max_value does not fit a 32-bit integer column")
        kwargs["error_messages"] = {**_NUMBER_MESSAGES, **kwargs.get("error_messages", {})}
        super().__init__(min_value=min_value, max_value=max_value, **kwargs)
