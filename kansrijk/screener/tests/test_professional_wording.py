"""The professional's check speaks about the parent and the child in the third person; the
family's own check keeps addressing the parent ("u")."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from kansrijk.conftest import client_for

pytestmark = pytest.mark.django_db

STEP_1 = {"gemeente": "GM1640", "partner": "ja", "kinderen": "1"}
STEP_2 = {
    **STEP_1,
    "ouder1_leeftijd": "35", "ouder1_netto": "1500", "ouder1_bruto": "21000", "ouder1_verzekerd": "ja",
    "ouder2_leeftijd": "37", "ouder2_netto": "0", "ouder2_bruto": "0", "ouder2_verzekerd": "ja",
    "kind1_leeftijd": "9", "kind1_school": "primary", "vermogen": "0", "huur": "650",
}  # fmt: skip
SECOND_PERSON = re.compile(r"\b(u|uw|Uw|U)\b")


def _visible_text(html: str) -> str:
    body = html.split("<main", 1)[1].split("</main>", 1)[0]
    return re.sub(r"<[^>]+>", " ", body)


def test_step_one_for_a_professional_asks_about_the_family(member, municipalities):
    text = _visible_text(client_for(member).get(reverse("screener:check_professional")).content.decode())
    assert "In welke gemeente woont het gezin?" in text
    assert "Hoeveel kinderen wonen in het gezin?" in text
    assert "Kies de gemeente van het gezin" in text
    assert SECOND_PERSON.findall(text) == []


def test_step_two_for_a_professional_speaks_about_the_parent_and_child(member, municipalities):
    page = client_for(member).get(reverse("screener:check_professional"), STEP_1).content.decode()
    text = _visible_text(page)
    for wording in (
        "Leeftijd van de ouder",
        "Leeftijd van de partner van de ouder",
        "Netto inkomen van de ouder per maand",
        "Heeft de ouder een zorgverzekering?",
        "Hoe oud is het kind?",
        "Naar welke school gaat het kind?",
        "Hoeveel kale huur betaalt het gezin per maand?",
        "Over de ouder",
    ):
        assert wording in text
    assert "Uw leeftijd" not in text
    assert SECOND_PERSON.findall(text) == []
    assert 'name="ouder1_leeftijd"' in page  # the same fields are posted


def test_the_professional_check_numbers_several_children(member, municipalities):
    page = client_for(member).get(reverse("screener:check_professional"), {**STEP_1, "kinderen": "2"})
    text = _visible_text(page.content.decode())
    assert "Hoe oud is kind 1?" in text
    assert "Hoe oud is kind 2?" in text


def test_the_professional_answer_speaks_about_the_family(member, demo):
    page = client_for(member).post(reverse("screener:check_professional"), STEP_2).content.decode()
    text = _visible_text(page)
    assert "Wat het gezin waarschijnlijk kan krijgen" in text
    assert "Waar vraagt het gezin het aan?" in text
    assert "Wat u waarschijnlijk kunt krijgen" not in text


def test_the_familys_own_check_still_addresses_the_parent(client, municipalities):
    page = client.get(reverse("screener:check"), STEP_1).content.decode()
    assert "Uw leeftijd" in page
