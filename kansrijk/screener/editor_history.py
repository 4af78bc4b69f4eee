"""The scheme editor's change log, for people: form labels instead of field names, euros instead
of cents, plain actions instead of audit codes (no developer text on any page)."""

from __future__ import annotations

import ast
from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kansrijk.audit.models import AuditEvent
from kansrijk.rules.money import format_euros_nl
from kansrijk.screener.constants import NEED_NAMES, School
from kansrijk.screener.editor_forms import EURO_FIELDS, SchemeVersionForm

ACTIONS = {
    "screener.scheme.create": gettext_lazy("Regeling gemaakt"),
    "screener.scheme.version_create": gettext_lazy("Nieuwe versie"),
}
NAMES = {**{str(k): str(v) for k, v in School.choices}, **{k: str(v) for k, v in NEED_NAMES.items()}}


def field_label(key: str) -> str:
    field = SchemeVersionForm.base_fields.get(EURO_FIELDS.get(key, key))
    return str(field.label) if field is not None and field.label else _("Overig")


def _listed(raw: str) -> str:
    try:
        items = ast.literal_eval(raw)
    except (ValueError, SyntaxError):
        return raw
    if not isinstance(items, tuple | list):
        return raw
    if any(isinstance(item, dict) for item in items):
        return "; ".join(
            f"{i.get('age_min')}–{i.get('age_max')}: {format_euros_nl(int(i.get('cents', 0)))}"
            for i in items
            if isinstance(i, dict)
        )
    return ", ".join(NAMES.get(str(item), str(item)) for item in items) or "—"


def shown_value(key: str, raw: str) -> str:
    """A stored change value as a person reads it."""
    if raw in ("", "None", "()", "[]"):
        return "—"
    if raw in ("True", "False"):
        return _("Ja") if raw == "True" else _("Nee")
    if key.endswith("_cents") and raw.lstrip("-").isdigit():
        return format_euros_nl(int(raw))
    if raw.startswith(("(", "[")):
        return _listed(raw)
    return NAMES.get(raw, raw)


def history(events: Iterable[AuditEvent]) -> list[dict[str, Any]]:
    """Each change: when, who, what, and the fields that changed (label, old, new)."""
    return [
        {
            "when": event.timestamp,
            "who": event.actor_label,
            "what": str(ACTIONS.get(event.action, _("Wijziging"))),
            "changes": [
                (field_label(key), shown_value(key, str(old)), shown_value(key, str(new)))
                for key, (old, new) in (event.detail.get("changes") or {}).items()
            ],
        }
        for event in events
    ]
