"""The domain-error family (ADR 0025): one DRF handler and one handler for pages.

Through a real endpoint: `referrals/tests/test_api.py` (an illegal transition is a 409 about `to`)."""

from __future__ import annotations

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.base import SessionBase
from django.test import RequestFactory

from kansrijk.core.api import exception_handler
from kansrijk.core.errors import Conflict, DomainError, InvalidInput, NotAllowed, NotFound, show_domain_error

INVALID = "De invoer klopt niet. / The input is not valid."


# -- the API -------------------------------------------------------------------------------------


def _answer(error: DomainError) -> tuple[int, dict[str, object]]:
    response = exception_handler(error, {})
    assert response is not None
    return response.status_code, response.data


def test_invalid_input_is_a_400_naming_the_field() -> None:
    assert _answer(InvalidInput("Geef de hulp een naam.", "name")) == (
        400,
        {"detail": INVALID, "errors": [{"field": "name", "message": "Geef de hulp een naam."}]},
    )


def test_invalid_input_about_the_whole_request_has_an_empty_field() -> None:
    assert _answer(InvalidInput("Je mag dit niet doen voor deze organisatie."))[1] == {
        "detail": INVALID,
        "errors": [{"field": "", "message": "Je mag dit niet doen voor deze organisatie."}],
    }


def test_invalid_input_about_several_fields_names_each() -> None:
    error = InvalidInput.from_problems({"start_date": ["Vul een datum in."], "amount": ["Te hoog.", "Geen getal."]})
    assert _answer(error)[1]["errors"] == [
        {"field": "start_date", "message": "Vul een datum in."},
        {"field": "amount", "message": "Te hoog."},
        {"field": "amount", "message": "Geen getal."},
    ]
    assert error.field == ""
    assert "Vul een datum in." in error.message


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (Conflict("Van 'Verstuurd' naar 'Klaar' kan niet.", "to"), 409),
        (NotAllowed("Alleen de ontvanger mag dit doen."), 403),
        (NotFound("Deze verwijzing bestaat niet."), 404),
    ],
)
def test_the_other_kinds_answer_their_status_with_the_message(error: DomainError, status: int) -> None:
    assert _answer(error) == (
        status,
        {"detail": error.message, "errors": [{"field": error.field, "message": error.message}]},
    )


def test_a_plain_exception_is_left_to_django() -> None:
    assert exception_handler(ValueError("boom"), {}) is None


# -- pages ---------------------------------------------------------------------------------------


class _Form(forms.Form):
    name = forms.CharField(required=False)


def _request() -> object:
    request = RequestFactory().post("/")
    request.session = SessionBase()
    request._messages = FallbackStorage(request)
    return request


def test_a_page_shows_the_message_next_to_its_field() -> None:
    form = _Form(data={"name": ""})
    assert form.is_valid()
    show_domain_error(_request(), InvalidInput("Geef de hulp een naam.", "name"), form)
    assert form.errors == {"name": ["Geef de hulp een naam."]}


def test_a_page_shows_a_message_about_another_field_on_top_of_the_form() -> None:
    form = _Form(data={"name": "x"})
    assert form.is_valid()
    show_domain_error(_request(), Conflict("Iemand anders was je voor.", "version"), form)
    assert form.non_field_errors() == ["Iemand anders was je voor."]


def test_without_a_form_the_message_goes_to_the_next_page() -> None:
    request = _request()
    show_domain_error(request, NotAllowed("Alleen de verwijzer mag dit doen."))
    assert [str(m) for m in get_messages(request)] == ["Alleen de verwijzer mag dit doen."]
