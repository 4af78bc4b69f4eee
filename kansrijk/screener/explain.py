"""Texts of the rules in the reader's language.

`kansrijk.rules` stays free of Django: each condition comes back as a message template (the
Dutch text with `{named}` placeholders, which is the msgid in the catalogue) and its
parameters. Here the template is translated with gettext and filled in; parameters are
never glued onto a translated sentence. Texts an organisation writes itself (how to apply)
come in Dutch and, when written, English; without English the Dutch text is shown and
marked `lang="nl"` by the templates.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from kansrijk.screener.constants import School


def _schools(codes: str) -> str:
    return ", ".join(str(School(code).label).lower() for code in codes.split(",") if code)


def condition_text(condition: dict[str, Any]) -> str:
    """One condition of the contract, translated: template and parameters, or the Dutch text."""
    template = condition.get("message")
    if not template:
        return str(condition["explanation"])
    params = {key: str(value) for key, value in (condition.get("params") or {}).items()}
    try:
        if params.get("school_codes"):
            params["schools"] = _schools(params["school_codes"])
        return _(template).format(**params)
    except (KeyError, IndexError, ValueError):  # a broken translation or an unknown code: the Dutch text
        return str(condition["explanation"])


def why(conditions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The conditions as shown: whether each holds, and its text in the reader's language."""
    return [{"holds": bool(c["holds"]), "explanation": condition_text(c)} for c in conditions]


def written_text(dutch: str, english: str) -> tuple[str, str]:
    """An organisation's own text in the reader's language: (text, its language when it differs)."""
    language = (get_language() or "nl").split("-")[0]
    if language == "en" and english.strip():
        return english, ""
    return dutch, ("nl" if language != "nl" and dutch else "")


def translated(text: str) -> tuple[str, str]:
    """A fixed Dutch text of the rules or of an owner (a reason) in the reader's language when the
    catalogue has it: (text, "nl" when it stays Dutch on a page in another language)."""
    if not text:
        return "", ""
    result = _(text)
    language = (get_language() or "nl").split("-")[0]
    return result, ("nl" if language != "nl" and result == text else "")
