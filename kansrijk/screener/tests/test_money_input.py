"""Money as Dutch people type it: one field for every money input; doubtful values are confirmed."""

from __future__ import annotations

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from kansrijk.core.money import MoneyInputError, format_money_input, parse_money
from kansrijk.rules.money import MAX_CENTS, format_euros_nl
from kansrijk.screener.forms import details_form

STEP_2 = {
    "gemeente": "GM1640", "partner": "nee", "kinderen": "1",
    "ouder1_leeftijd": "35", "ouder1_netto": "1500", "ouder1_bruto": "21000", "ouder1_verzekerd": "ja",
    "kind1_leeftijd": "6", "kind1_school": "primary", "vermogen": "1000", "huur": "650",
}  # fmt: skip


@pytest.mark.parametrize(
    ("typed", "cents"),
    [
        ("1.600,50", 160_050),
        ("1600,50", 160_050),
        ("1600.50", 160_050),
        ("€ 1.600", 160_000),
        ("€1600,-", 160_000),
        ("1 600,5", 160_050),
        ("0", 0),
        ("12.345.678,09", 1_234_567_809),
    ],
)
def test_amounts_typed_the_dutch_way_become_cents(typed, cents):
    parsed = parse_money(typed)
    assert (parsed.cents, parsed.ambiguous) == (cents, False)


@pytest.mark.parametrize("typed", ["1,600", "1,600.50"])
def test_amounts_written_english_style_are_read_but_marked_ambiguous(typed):
    assert parse_money(typed).ambiguous


@pytest.mark.parametrize("typed", ["abc", "1.6.0", "1600,505", "-5", "1,60,0"])
def test_text_that_is_not_an_amount_gets_a_clear_error(typed):
    with pytest.raises(MoneyInputError):
        parse_money(typed)


@given(st.integers(min_value=0, max_value=MAX_CENTS))
def test_formatting_cents_dutch_style_and_parsing_back_is_the_identity(cents):
    assert parse_money(format_money_input(cents)) == parse_money(format_euros_nl(cents))
    assert parse_money(format_money_input(cents)).cents == cents
    assert parse_money(format_euros_nl(cents)).cents == cents


@pytest.mark.django_db
def test_1600_comma_50_as_net_income_is_1600_euros_50_not_160050(municipalities):
    form = details_form({**STEP_2, "ouder1_netto": "1600,50"})
    assert form is not None and form.is_valid(), form.errors if form else None
    assert form.cleaned_data["ouder1_netto"] == 160_050
    assert form.payload("2026-12-04")["household"]["adults"][0]["net_income_monthly"] == "1600.50"


@pytest.mark.django_db
def test_an_implausible_net_income_asks_for_confirmation_with_the_amount_written_out(client, municipalities):
    page = client.post(reverse("screener:check"), {**STEP_2, "ouder1_netto": "160050"}).content.decode()
    assert "€ 160.050" in page
    assert 'name="ouder1_netto_klopt"' in page and 'type="checkbox"' in page
    sure = {"ouder1_netto_klopt": "on", "ouder1_bruto_klopt": "on"}  # the yearly income is lower too
    confirmed = client.post(reverse("screener:check"), {**STEP_2, "ouder1_netto": "160050", **sure})
    assert "Kinderbijslag" in confirmed.content.decode()


@pytest.mark.django_db
def test_a_yearly_income_lower_than_the_monthly_one_asks_for_confirmation(municipalities):
    form = details_form({**STEP_2, "ouder1_netto": "1.500", "ouder1_bruto": "1.200"})
    assert form is not None and not form.is_valid()
    assert "€ 1.200" in " ".join(form.errors["ouder1_bruto"])
    assert "ouder1_bruto_klopt" in form.fields
    confirmed = details_form({**STEP_2, "ouder1_netto": "1.500", "ouder1_bruto": "1.200", "ouder1_bruto_klopt": "on"})
    assert confirmed is not None and confirmed.is_valid()


@pytest.mark.django_db
def test_an_amount_written_english_style_is_confirmed_before_it_is_used(municipalities):
    form = details_form({**STEP_2, "huur": "1,600"})
    assert form is not None and not form.is_valid()
    assert "€ 1.600" in " ".join(form.errors["huur"])


def test_the_editor_reads_band_amounts_the_dutch_way():
    from kansrijk.screener.editor_forms import SchemeVersionForm, bands_text

    form = SchemeVersionForm({"amount_bands": "4-11: 1.600,50; 12-17: € 300"}, scheme=None)  # type: ignore[arg-type]
    form.cleaned_data = {"amount_bands": form.data["amount_bands"]}
    bands = form.clean_amount_bands()
    assert [b["cents"] for b in bands] == [160_050, 300_00]
    assert bands_text(bands) == "4-11: 1.600,50; 12-17: 300,00"
