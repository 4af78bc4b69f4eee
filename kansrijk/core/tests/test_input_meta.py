"""Meta-test: every input field of every form and API serializer carries its bounds (ADR 0012).

Text: a maximum length and the plain-text check (no control or bidi-override characters);
whole numbers: a minimum and a maximum that fit a 32-bit column; decimals: a number of
digits; lists: a maximum number of items. Forms and serializers are discovered by walking
every `forms`, `editor_forms`, `api_serializers` and `api` module of the project.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from collections.abc import Iterator
from typing import Any

from django import forms
from rest_framework import serializers

import kansrijk
from kansrijk.core.validators import INT32_MAX, is_plain_text_checked

MODULE_NAMES = {"forms", "editor_forms", "api_serializers", "api"}
INPUT_SERIALIZER = re.compile(r"(In|Input|Request)Serializer$")
# Shapes whose own validators already refuse control characters.
FORM_FORMATTED = (forms.EmailField, forms.URLField, forms.UUIDField, forms.SlugField)
API_FORMATTED = (serializers.EmailField, serializers.URLField, serializers.SlugField)


def project_modules() -> Iterator[Any]:
    for info in pkgutil.walk_packages(kansrijk.__path__, "kansrijk."):
        if info.name.rsplit(".", 1)[-1] in MODULE_NAMES and ".tests" not in info.name:
            yield importlib.import_module(info.name)


def classes(base: type) -> list[type]:
    found = {
        obj
        for module in project_modules()
        for _, obj in inspect.getmembers(module, inspect.isclass)
        if issubclass(obj, base) and obj.__module__ == module.__name__
    }
    return sorted(found, key=lambda c: f"{c.__module__}.{c.__name__}")


def _form_number_problem(field: forms.Field) -> str | None:
    if isinstance(field, forms.DecimalField):
        return "decimal without max_digits" if field.max_digits is None else None
    if isinstance(field, forms.FloatField):
        return "float without min_value/max_value" if field.min_value is None or field.max_value is None else None
    if isinstance(field, forms.IntegerField):
        if field.min_value is None or field.max_value is None:
            return "whole number without min_value/max_value"
        if field.max_value > INT32_MAX:
            return "whole number above a 32-bit column"
    return None


def form_field_problem(field: forms.Field) -> str | None:
    if isinstance(field, forms.CharField):
        if field.max_length is None:
            return "text without max_length"
        if not isinstance(field, FORM_FORMATTED) and not is_plain_text_checked(field.validators):
            return "text without the plain-text check"
    return _form_number_problem(field)


def test_every_form_field_carries_its_bounds():
    form_classes = classes(forms.Form)
    assert len(form_classes) >= 15  # discovery works
    problems = [
        f"{cls.__module__}.{cls.__name__}.{name}: {problem}"
        for cls in form_classes
        for name, field in cls.base_fields.items()
        if (problem := form_field_problem(field))
    ]
    assert not problems, "\n".join(problems)


def _api_text_problem(field: serializers.CharField) -> str | None:
    if field.max_length is None:
        return "text without max_length"
    if not isinstance(field, API_FORMATTED) and not is_plain_text_checked(field.validators):
        return "text without the plain-text check"
    return None


def api_field_problem(field: serializers.Field[Any, Any, Any, Any]) -> str | None:
    if isinstance(field, serializers.CharField):
        return _api_text_problem(field)
    if isinstance(field, serializers.IntegerField):
        if field.min_value is None or field.max_value is None:
            return "whole number without min_value/max_value"
        if field.max_value > INT32_MAX:
            return "whole number above a 32-bit column"
    if isinstance(field, serializers.DecimalField) and field.max_digits is None:
        return "decimal without max_digits"
    if isinstance(field, serializers.ListField | serializers.ListSerializer) and field.max_length is None:
        return "list without max_length"
    return None


def input_fields(serializer: Any, prefix: str) -> Iterator[tuple[str, Any]]:
    for name, field in serializer.fields.items():
        if field.read_only:
            continue
        yield f"{prefix}.{name}", field
        inner = field.child if isinstance(field, serializers.ListSerializer | serializers.ListField) else field
        if isinstance(inner, serializers.Serializer):
            yield from input_fields(inner, f"{prefix}.{name}")
        elif isinstance(field, serializers.ListField):
            yield f"{prefix}.{name}[]", field.child


def test_every_input_serializer_field_carries_its_bounds():
    inputs = [c for c in classes(serializers.Serializer) if INPUT_SERIALIZER.search(c.__name__)]
    assert len(inputs) >= 6  # discovery works
    problems = [
        f"{name}: {problem}"
        for cls in inputs
        for name, field in input_fields(cls(), f"{cls.__module__}.{cls.__name__}")
        if (problem := api_field_problem(field))
    ]
    assert not problems, "\n".join(problems)
