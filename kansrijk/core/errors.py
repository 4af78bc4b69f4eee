"""Errors: the domain-error family (ADR 0025) and error pages that answer JSON under `/api/`
and HTML elsewhere (ADR 0012).

Django calls these for errors that happen outside a DRF view: an unknown `/api/` route
(404), a request body Django itself refuses (400, or 413 when it is too large), and any
unhandled exception (500, with `DEBUG` off). Inside DRF views `core.api.exception_handler`
gives the same format: `{"detail": ..., "errors": [{"field", "message"}]}`.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views import defaults

API_PREFIX = "/api/"


def is_api(request: HttpRequest) -> bool:
    return request.path.startswith(API_PREFIX)


def api_error(detail: str, status: int) -> JsonResponse:
    response = JsonResponse({"detail": detail, "errors": []}, status=status)
    response["Cache-Control"] = "no-store, private"
    return response


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    if not is_api(request):
        return defaults.bad_request(request, exception)
    if isinstance(exception, RequestDataTooBig):
        return api_error("De aanvraag is te groot. / The request is too large.", 413)
    return api_error("De aanvraag klopt niet. / Bad request.", 400)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    if not is_api(request):
        return defaults.permission_denied(request, exception)
    return api_error("Je mag dit niet doen. / You do not have permission to perform this action.", 403)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    if not is_api(request):
        return defaults.page_not_found(request, exception)
    return api_error("Niet gevonden. / Not found.", 404)


def server_error(request: HttpRequest) -> HttpResponse:
    if not is_api(request):
        return defaults.server_error(request)
    return api_error("Er ging iets mis aan onze kant. / Server error.", 500)


# -- the domain-error family (ADR 0025) -----------------------------------------------------------
#
# A service that cannot do what it is asked raises one of these, with a message for the person
# (Dutch, B1) and the field it is about ("" for the whole request). The API answers it through
# `core.api.exception_handler` (400 with the field's error, 403, 404 or 409, in the project's
# error format); pages show it with `show_domain_error` (next to the field, or as a page message).


class DomainError(Exception):
    """A request that cannot be carried out; `message` says why, `field` where ("" = the whole request).

    `problems` holds every field's messages when there are several (a form with many mistakes);
    otherwise it is `{field: [message]}`.
    """

    status = 400
    code = "invalid"

    def __init__(self, message: str, field: str = "", *, problems: dict[str, list[str]] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.problems: dict[str, list[str]] = problems if problems is not None else {field: [message]}

    @classmethod
    def from_problems(cls, problems: dict[str, list[str]]) -> DomainError:
        """One error for several fields' messages; its message lists them all."""
        message = "; ".join(
            f"{field}: {' '.join(messages)}" if field else " ".join(messages) for field, messages in problems.items()
        )
        field = next(iter(problems), "") if len(problems) == 1 else ""
        return cls(message, field, problems=problems)


class InvalidInput(DomainError):
    """The input is wrong or incomplete (HTTP 400): a missing name, an age out of range."""


class NotAllowed(DomainError):
    """The person may see the object but not take this step (HTTP 403)."""

    status = 403
    code = "not_allowed"


class NotFound(DomainError):
    """The object does not exist for this person (HTTP 404); another organisation's object is one too."""

    status = 404
    code = "not_found"


class Conflict(DomainError):
    """The request clashes with the current state (HTTP 409): a step the lifecycle does not allow,
    no consent, a change somebody else made first, something that still has open parts."""

    status = 409
    code = "conflict"


def show_domain_error(request: HttpRequest, error: DomainError, form: Any = None) -> None:
    """The one handler for pages: each message next to its field when the form has that field,
    otherwise on top of the form (or, without a form, as a message on the next page)."""
    if form is None:
        messages.error(request, error.message)
        return
    for field, problems in error.problems.items():
        for problem in problems:
            form.add_error(field if field in form.fields else None, problem)
