"""Input limits per class of bad input, through the API's parser (on the anonymous screen API),
the shared validators and the number fields of every app's forms (ADR 0012)."""

from __future__ import annotations

import json

import pytest
from django import forms
from django.test import Client, override_settings

from kansrijk.alliance.forms import CommitmentForm, ProgressReportForm
from kansrijk.core.validators import PlainTextValidator, text_problem
from kansrijk.referrals.forms import ChildForm, StepForm
from kansrijk.screener.editor_forms import SchemeVersionForm
from kansrijk.screener.forms import StartForm
from kansrijk.socialmap.forms import LocationForm, SearchForm, ServiceForm

pytestmark = pytest.mark.django_db

SCREEN = {
    "date": "2026-01-01",
    "municipality": "GM0363",
    "household": {
        "adults": [{"age": 34, "taxable_income_yearly": "21000.00", "net_income_monthly": "1350.00", "insured": True}],
        "children": [{"age": 4, "school": "primary"}],
        "partners": False,
        "assets": "2000.00",
        "rent_monthly": "700.00",
    },
}
AGE = '"age": 34'


def _post(body: str | bytes):
    return Client().post("/api/v1/screen", body, content_type="application/json")


def _error(response, status=400):
    assert response.status_code == status, response.content[:300]
    body = response.json()
    assert set(body) == {"detail", "errors"}
    return body


def test_a_good_screen_request_passes_the_parser():
    assert _post(json.dumps(SCREEN)).status_code == 200


@override_settings(API_MAX_BODY_BYTES=2000)
def test_a_body_above_the_limit_is_a_413():
    body = json.dumps({**SCREEN, "padding": "x" * 3000})
    detail = _error(_post(body), 413)["detail"]
    assert "2000" in detail


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_refused_naming_the_field(literal):
    body = json.dumps(SCREEN).replace(AGE, f'"age": {literal}')
    errors = _error(_post(body))["errors"]
    assert errors[0]["field"] == "household.adults[0].age"
    assert literal in errors[0]["message"]


@pytest.mark.parametrize("number", [2**31, 2**63, -(2**63), 10**400])
def test_numbers_beyond_a_column_are_refused_naming_the_field(number):
    body = json.dumps(SCREEN).replace(AGE, f'"age": {number}')
    errors = _error(_post(body))["errors"]
    assert errors[0]["field"] in ("household.adults[0].age", "")
    if number < 10**100:
        assert errors[0]["field"] == "household.adults[0].age"


def test_a_money_string_of_five_thousand_digits_is_refused_not_a_500():
    body = json.dumps({**SCREEN, "household": {**SCREEN["household"], "assets": "9" * 5000}})
    assert _error(_post(body))["errors"][0]["field"] == "household.assets"


def test_json_nested_deeper_than_32_levels_is_refused_naming_where():
    deep: object = 1
    for _ in range(40):
        deep = {"a": deep}
    errors = _error(_post(json.dumps({**SCREEN, "extra": deep})))["errors"]
    assert errors[0]["field"].startswith("extra.a.a")
    assert "32" in errors[0]["message"]


def test_json_nested_beyond_the_parsers_recursion_is_a_400_not_a_500():
    _error(_post("[" * 200_000 + "]" * 200_000))


def test_a_body_that_is_not_utf8_is_a_400():
    body = json.dumps(SCREEN).encode().replace(b"GM0363", b"GM\xff\xfe63")
    assert "UTF-8" in _error(_post(body))["detail"]


def test_a_lone_surrogate_is_refused_naming_the_field():
    body = json.dumps(SCREEN).replace('"GM0363"', '"GM\\ud80063"')
    errors = _error(_post(body))["errors"]
    assert errors[0]["field"] == "municipality"


@pytest.mark.parametrize(
    ("text", "multiline", "fine"),
    [
        ("Sam", False, True),
        ("Sam\nvan Dijk", False, False),
        ("regel 1\nregel 2\tmet tab", True, True),
        ("Sam\x00", True, False),
        ("Sam\x07", True, False),
        ("Sam\x1b[31m", True, False),
        ("Sam\u202egnp.exe", False, False),
        ("Sam\u2066x\u2069", True, False),
        ("\ud800", True, False),
        ("é ü ñ 😀 אבג", False, True),
    ],
)
def test_text_without_control_bidi_or_surrogate_characters(text, multiline, fine):
    assert (text_problem(text, max_length=100, multiline=multiline) is None) is fine
    validator = PlainTextValidator(multiline=multiline)
    if fine:
        validator(text)
    else:
        with pytest.raises(forms.ValidationError):
            validator(text)


def test_too_long_text_names_the_limit():
    assert "40" in text_problem("x" * 41, max_length=40)


NUMBER_FIELDS = [
    (CommitmentForm, "planned_reach"),
    (CommitmentForm, "age_min"),
    (ProgressReportForm, "realised_reach"),
    (ChildForm, "age"),
    (ChildForm, "birth_year"),
    (StartForm, "kinderen"),
    (SchemeVersionForm, "income_limit_percent"),
    (SchemeVersionForm, "child_age_max"),
    (ServiceForm, "minimum_age"),
    (ServiceForm, "cost_euros"),
    (SearchForm, "leeftijd"),
    (LocationForm, "latitude"),
]


@pytest.mark.parametrize(("form", "name"), NUMBER_FIELDS, ids=lambda v: getattr(v, "__name__", v))
@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity", str(2**31), str(2**63), str(-(2**63))])
def test_form_numbers_refuse_nan_infinity_and_huge_values(form, name, value):
    with pytest.raises(forms.ValidationError):
        form.base_fields[name].clean(value)


def test_the_step_forms_amount_refuses_nan_infinity_and_huge_amounts():
    for value in ("NaN", "Infinity", "-Infinity", "sNaN", str(2**63)):
        form = StepForm({"to": "done", "amount": value})
        assert not form.is_valid()
        assert "amount" in form.errors


@pytest.mark.parametrize(
    ("field", "value"),
    [("minimum_age", "40000"), ("minimum_age", "Infinity"), ("minimum_age", "NaN"), ("amount", "Infinity")],
)
def test_the_hsds_importer_refuses_numbers_beyond_their_column_as_a_cell_error(field, value):
    from kansrijk.socialmap import models as sm
    from kansrijk.socialmap.hsds.tables import CellError, _converters

    model = sm.CostOption if field == "amount" else sm.Service
    model_field = model._meta.get_field("amount_cents" if field == "amount" else field)
    parse, _render = _converters(model_field, field)
    with pytest.raises(CellError):
        parse(value)


@pytest.mark.parametrize("path", ["/api/hsds/services", "/api/hsds/organizations"])
def test_the_hsds_search_refuses_text_that_is_too_long_instead_of_cutting_it(path):
    response = Client().get(path, {"search": "voetbal " * 30})
    assert _error(response)["errors"][0]["field"] == "search"
    assert "200" in response.json()["errors"][0]["message"]
