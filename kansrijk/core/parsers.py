"""The API's JSON parser: a size limit (413), strict UTF-8, a depth limit and no NaN/Infinity (400).

Each refusal is an ordinary DRF exception, so `core.api.exception_handler` answers it in
the project's error format. A value that JSON cannot carry as a number (`NaN`,
`Infinity`, `-Infinity`) and a string holding a lone surrogate (`"\\ud800"`) are refused
with the path of the field they sit in, e.g. `household.adults[0].age`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.parsers import JSONParser

from kansrijk.core.validators import MAX_JSON_DEPTH

DEFAULT_MAX_BODY = 1_000_000


class RequestTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "De aanvraag is te groot."
    default_code = "request_too_large"


class _NonFinite:
    """Stands in for NaN/Infinity while parsing, so the field holding it can be named."""

    def __init__(self, literal: str) -> None:
        self.literal = literal


def max_body_bytes() -> int:
    return int(getattr(settings, "API_MAX_BODY_BYTES", DEFAULT_MAX_BODY))


def _read(stream: Any, limit: int, declared: int | None) -> bytes:
    if declared is not None and declared > limit:
        raise RequestTooLarge(_("De aanvraag is te groot: hoogstens %(limit)s bytes.") % {"limit": limit})
    body: bytes = stream.read(limit + 1) if stream is not None else b""
    if len(body) > limit:
        raise RequestTooLarge(_("De aanvraag is te groot: hoogstens %(limit)s bytes.") % {"limit": limit})
    return body


def _leaf_problem(value: Any) -> str | None:
    if isinstance(value, _NonFinite):
        return _("'%(value)s' is geen getal. Vul een gewoon getal in.") % {"value": value.literal}
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return _("Er staat een teken in dat niet bestaat. Typ de tekst opnieuw.")
    return None


def _walk(value: Any, path: str, depth: int) -> Iterator[tuple[str, str]]:
    """Yield (field, message) for every problem below `value`; stops descending past the depth limit."""
    if depth > MAX_JSON_DEPTH:
        yield path, _("Dit is te diep genest: hoogstens %(max)s lagen.") % {"max": MAX_JSON_DEPTH}
        return
    problem = _leaf_problem(value)
    if problem:
        yield path, problem
    elif isinstance(value, dict):
        for key, item in value.items():
            child = f"{path}.{key}".strip(".")
            if _leaf_problem(key):
                yield child, _("Er staat een teken in dat niet bestaat. Typ de tekst opnieuw.")
            yield from _walk(item, child, depth + 1)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, f"{path}[{index}]", depth + 1)


def check_json(data: Any) -> None:
    """Raise a ValidationError naming every field that holds NaN, Infinity, a lone surrogate or sits too deep."""
    problems: dict[str, list[str]] = {}
    for field, message in _walk(data, "", 1):
        problems.setdefault(field or "non_field_errors", []).append(message)
        if len(problems) >= 20:
            break
    if problems:
        raise exceptions.ValidationError(problems)


class StrictJSONParser(JSONParser):
    """JSON bodies up to `settings.API_MAX_BODY_BYTES`, in strict UTF-8, at most 32 levels deep."""

    def parse(self, stream: Any, media_type: str | None = None, parser_context: Mapping[str, Any] | None = None) -> Any:
        request = (parser_context or {}).get("request")
        declared = None
        if request is not None:
            length = request.META.get("CONTENT_LENGTH") or ""
            declared = int(length) if str(length).isdigit() else None
        body = _read(stream, max_body_bytes(), declared)
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as error:
            raise exceptions.ParseError(
                _("De aanvraag is geen geldige UTF-8-tekst (fout bij byte %(position)s).") % {"position": error.start}
            ) from None
        try:
            data = json.loads(text, parse_constant=_NonFinite)
        except RecursionError:
            raise exceptions.ParseError(
                _("De JSON is te diep genest: hoogstens %(max)s lagen.") % {"max": MAX_JSON_DEPTH}
            ) from None
        except ValueError as error:
            raise exceptions.ParseError(_("De JSON klopt niet: %(error)s") % {"error": error}) from None
        check_json(data)
        return data
