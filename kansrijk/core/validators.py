"""Input limits shared by every form, serializer and service (ADR 0012).

One place says what text and numbers Kansrijk accepts:

- text: no control characters (a multi-line text may hold newline, carriage return and
  tab), no bidirectional override characters (U+202A–U+202E, U+2066–U+2069, used to hide
  what a text really says), no lone surrogates, and never longer than its column allows;
- numbers: whole numbers within bounds that fit their column (PostgreSQL refuses anything
  outside a 32-bit `integer` with an error, which would be a 500) and their meaning.

Forms use `ShortTextField` / `LongTextField` / `BoundedIntegerField`; API serializers use
`api_fields.ShortText` / `LongText` / `BoundedInteger`; services call `text_problem`.
Meta-tests (`core/tests/test_input_meta.py`) check that every field carries its bounds.
"""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# A PostgreSQL `integer` column (and Django's IntegerField) holds -2^31 .. 2^31-1.
INT32_MAX = 2**31 - 1
# Text limits where the column itself has none (TextField): generous for a note, never unbounded.
SHORT_TEXT = 200
LONG_TEXT = 5000
# The API refuses bodies above this size (413) and JSON nested deeper than this (400).
MAX_JSON_DEPTH = 32

_CONTROL_SINGLE = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CONTROL_MULTI = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def text_problem(value: str, *, max_length: int, multiline: bool = False) -> str | None:
    """What is wrong with `value` as a text (Dutch, B1), or None when it is fine."""
    if _SURROGATE.search(value):
        return gettext("Er staat een teken in dat niet bestaat. Typ de tekst opnieuw.")
    control = (_CONTROL_MULTI if multiline else _CONTROL_SINGLE).search(value)
    if control:
        return gettext("Er staat een onzichtbaar stuurteken in (code U+%(code)04X). Haal het weg.") % {
            "code": ord(control.group())
        }
    bidi = _BIDI.search(value)
    if bidi:
        return gettext(
            "Er staat een teken in dat de leesrichting omdraait (code U+%(code)04X). Dat mag niet. Haal het weg."
        ) % {"code": ord(bidi.group())}
    if len(value) > max_length:
        return gettext("Dit mag hoogstens %(max)s tekens zijn. Nu zijn het er %(count)s.") % {
            "max": max_length,
            "count": len(value),
        }
    return None


@deconstructible
class PlainTextValidator:
    """Refuses control, bidi-override and surrogate characters; `multiline` allows newline and tab."""

    def __init__(self, *, multiline: bool = False) -> None:
        self.multiline = multiline

    def __call__(self, value: Any) -> None:
        problem = text_problem(str(value), max_length=len(str(value)), multiline=self.multiline)
        if problem:
            raise ValidationError(problem, code="plain_text")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PlainTextValidator) and other.multiline == self.multiline

    def __hash__(self) -> int:
        return hash(("PlainTextValidator", self.multiline))


def is_plain_text_checked(validators: list[Any]) -> bool:
    """True when one of `validators` is a `PlainTextValidator` (used by the meta-tests)."""
    return any(isinstance(v, PlainTextValidator) for v in validators)


_LENGTH_MESSAGE = _("Dit mag hoogstens %(limit_value)d tekens zijn. Nu zijn het er %(show_value)d.")
_NUMBER_MAX = _("Dit getal mag hoogstens %(limit_value)s zijn.")
_NUMBER_MIN = _("Dit getal moet minstens %(limit_value)s zijn.")
_NUMBER_INVALID = _("Vul een heel getal in.")


def _length_message(field: forms.CharField) -> None:
    for validator in field.validators:
        if isinstance(validator, MaxLengthValidator):
            validator.message = _LENGTH_MESSAGE


class ShortTextField(forms.CharField):
    """One line of text (a name, a title): bounded, no control or bidi characters."""

    def __init__(self, *, max_length: int = SHORT_TEXT, **kwargs: Any) -> None:
        super().__init__(max_length=max_length, **kwargs)
        self.validators.append(PlainTextValidator())
        _length_message(self)


class LongTextField(forms.CharField):
    """Multi-line text (a note, a description): bounded, newlines and tabs allowed."""

    def __init__(self, *, max_length: int = LONG_TEXT, **kwargs: Any) -> None:
        super().__init__(max_length=max_length, **kwargs)
        self.validators.append(PlainTextValidator(multiline=True))
        _length_message(self)


class BoundedIntegerField(forms.IntegerField):
    """A whole number that must lie between `min_value` and `max_value` (both required)."""

    def __init__(self, *, min_value: int, max_value: int, **kwargs: Any) -> None:
        if max_value > INT32_MAX:
            raise ValueError("max_value does not fit a 32-bit integer column")
        super().__init__(min_value=min_value, max_value=max_value, **kwargs)
        self.error_messages["invalid"] = _NUMBER_INVALID
        for validator in self.validators:
            if isinstance(validator, MaxValueValidator):
                validator.message = _NUMBER_MAX
            elif isinstance(validator, MinValueValidator):
                validator.message = _NUMBER_MIN
