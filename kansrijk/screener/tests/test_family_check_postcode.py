"""The family check by postcode: placed by the postcode table, else a question for the municipality."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kansrijk.municipalities.models import PostcodeArea

pytestmark = pytest.mark.django_db
FAMILY = {"partner": "nee", "kinderen": "2"}


def test_a_postcode_in_the_postcode_table_finds_the_municipality(client, municipalities):
    PostcodeArea.objects.create(pc4="6093", municipality_id="GM1640", latitude=51.25, longitude=5.9)
    page = client.get(reverse("screener:check"), {**FAMILY, "postcode": "6093 ab", "gemeente": ""}).content.decode()
    assert 'type="hidden" name="gemeente" value="GM1640"' in page
    assert "Leeftijd van kind 2" in page


def test_a_postcode_we_cannot_place_asks_for_the_municipality_with_the_select(client, municipalities):
    page = client.get(reverse("screener:check"), {**FAMILY, "postcode": "9999 ZZ", "gemeente": ""}).content.decode()
    assert "Postcode 9999 ZZ kennen we nog niet. In welke gemeente woont u? Kies uw gemeente." in page
    select = page.split('name="gemeente"')[1].split("</select>")[0]
    assert select.count("<option") == 343
    assert "Leeftijd van kind 2" not in page
    chosen = {**FAMILY, "postcode": "9999 ZZ", "gemeente": "GM1640"}
    assert 'name="gemeente" value="GM1640"' in client.get(reverse("screener:check"), chosen).content.decode()


@pytest.mark.parametrize(
    ("postcode", "message"),
    [("", "Vul uw postcode in of kies uw gemeente."), ("12AB", "Vul een postcode in zoals 6093 AB.")],
)
def test_no_place_or_a_malformed_postcode_says_what_to_fill_in(client, municipalities, postcode, message):
    page = client.get(reverse("screener:check"), {**FAMILY, "postcode": postcode, "gemeente": ""}).content.decode()
    assert message in page
    assert "Leeftijd van kind 2" not in page


def test_the_answer_is_for_the_municipality_of_the_postcode(client, municipalities):
    PostcodeArea.objects.create(pc4="6093", municipality_id="GM1640", latitude=51.25, longitude=5.9)
    data = {
        **FAMILY, "postcode": "6093AB", "gemeente": "",
        "ouder1_leeftijd": "35", "ouder1_netto": "1500", "ouder1_bruto": "21000", "ouder1_verzekerd": "ja",
        "kind1_leeftijd": "6", "kind1_school": "primary", "kind2_leeftijd": "10", "kind2_school": "primary",
        "vermogen": "1000", "huur": "650",
    }  # fmt: skip
    step_2 = client.get(reverse("screener:check"), {**FAMILY, "postcode": "6093AB", "gemeente": ""}).content.decode()
    data["gemeente"] = step_2.split('type="hidden" name="gemeente" value="')[1].split('"')[0]
    page = client.post(reverse("screener:check"), data).content.decode()
    assert "Leudal" in page
