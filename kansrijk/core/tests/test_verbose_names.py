"""Meta-tests: platform staff read Dutch names for every model and field (ADR 0021).

Django derives a name from the class or attribute name when none is given
("pledge signature", "kvk number"); every Kansrijk model and field sets its own, in
Dutch, through gettext (with an English msgstr), and no staff list starts with a raw id.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.apps import apps
from django.contrib import admin
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.functional import Promise
from django.utils.text import camel_case_to_spaces
from django.utils.translation import override, trans_real

KANSRIJK_MODELS = sorted(
    (model for model in apps.get_models() if model.__module__.startswith("kansrijk.")), key=lambda m: m._meta.label
)
KANSRIJK_ADMINS = sorted(
    (
        (model, model_admin)
        for model, model_admin in admin.site._registry.items()
        if model.__module__.startswith("kansrijk.")
    ),
    key=lambda pair: pair[0]._meta.label,
)
# Words that are the same in Dutch as the attribute name Django would derive them from.
SAME_IN_DUTCH = {
    *("id", "code", "demo", "status", "website", "logo", "label", "postcode", "school", "document", "uri"),
    *("indicator", "gemeentecode"),
}


def _fields(model: type[models.Model]) -> list[Any]:
    """Concrete fields, without Django's automatic `id` (never shown to staff)."""
    return [field for field in (*model._meta.concrete_fields, *model._meta.many_to_many) if not field.auto_created]


def _from_django(model: type[models.Model], name: str) -> bool:
    """A field that Kansrijk inherits from Django itself (the user's password, groups, ...)."""
    return any(
        base.__module__.startswith("django.")
        and any(f.name == name for f in (*base._meta.local_fields, *base._meta.local_many_to_many))
        for base in model.__mro__[1:]
        if getattr(getattr(base, "_meta", None), "abstract", False)
    )


def _lower_case(msgid: str) -> bool:
    """Lower case as Django expects, except an abbreviation at the start (KvK-nummer, IP-adres)."""
    first = msgid.replace("-", " ").split()[0]
    return msgid[:1].islower() or sum(char.isupper() for char in first) >= 2


def _msgid(name: Any) -> str:
    """The msgid of a lazy translation (with `context\\x04` for pgettext)."""
    assert isinstance(name, Promise), f"{name!r} does not go through gettext_lazy"
    args = name._args  # type: ignore[attr-defined]
    return "\x04".join(args) if len(args) == 2 else str(args[0])


def _english_catalog() -> dict[str, str]:
    return dict(trans_real.translation("en")._catalog.items())  # type: ignore[attr-defined]


@pytest.mark.parametrize("model", KANSRIJK_MODELS, ids=lambda m: m._meta.label)
def test_every_model_has_its_own_dutch_name_with_english(model: type[models.Model]) -> None:
    options = model._meta.original_attrs
    assert "verbose_name" in options, f"{model._meta.label} has no verbose_name"
    assert "verbose_name_plural" in options, f"{model._meta.label} has no verbose_name_plural"
    derived = camel_case_to_spaces(model.__name__)
    with override("nl"):
        assert str(model._meta.verbose_name) != derived or derived in SAME_IN_DUTCH
        assert str(model._meta.verbose_name_plural) != f"{derived}s"
    catalog = _english_catalog()
    for name in (model._meta.verbose_name, model._meta.verbose_name_plural):
        assert _msgid(name) in catalog, f"no English msgstr for {_msgid(name)!r}"


@pytest.mark.parametrize("model", KANSRIJK_MODELS, ids=lambda m: m._meta.label)
def test_every_field_has_its_own_dutch_name_with_english(model: type[models.Model]) -> None:
    catalog = _english_catalog()
    for field in _fields(model):
        where = f"{model._meta.label}.{field.name}"
        assert field._verbose_name is not None, f"{where}: verbose_name derived from the attribute name"
        derived = field.name.replace("_", " ")
        if _from_django(model, field.name):  # Django's own name, translated by Django's Dutch catalog
            with override("nl"):
                assert str(field.verbose_name) != derived, f"{where}: no Dutch name"
            continue
        msgid = _msgid(field.verbose_name)
        assert msgid != derived or msgid in SAME_IN_DUTCH, f"{where}: {msgid!r} is just the attribute name"
        assert _lower_case(msgid), f"{where}: start in lower case"
        assert msgid in catalog, f"{where}: no English msgstr for {msgid!r}"


@pytest.mark.parametrize(("model", "model_admin"), KANSRIJK_ADMINS, ids=lambda v: getattr(v, "__name__", ""))
def test_no_staff_list_starts_with_a_raw_id(model: type[models.Model], model_admin: admin.ModelAdmin[Any]) -> None:
    first = model_admin.list_display[0]
    assert isinstance(first, str)
    assert first not in {"id", "pk", "__str__"}, f"{model._meta.label} starts with {first}"
    assert not first.endswith("_id")
    try:
        field = model._meta.get_field(first)
    except FieldDoesNotExist:  # a method or admin column, not a model field
        return
    assert not isinstance(field, models.UUIDField | models.AutoField), f"{model._meta.label} starts with {first}"


@pytest.mark.parametrize(("model", "model_admin"), KANSRIJK_ADMINS, ids=lambda v: getattr(v, "__name__", ""))
def test_every_staff_model_has_a_readable_str(model: type[models.Model], model_admin: admin.ModelAdmin[Any]) -> None:
    assert model.__str__ is not models.Model.__str__, f"{model._meta.label} shows as 'object (id)'"
