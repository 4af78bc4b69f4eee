"""The family check pages: two steps, an answer in order of use, a PDF; nothing stored."""

from __future__ import annotations

import io
from typing import Any

import pypdf
import pytest
from django.test import Client
from django.urls import reverse

from kansrijk.audit.models import AuditEvent
from kansrijk.conftest import client_for
from kansrijk.screener.models import SchemeVersion

pytestmark = pytest.mark.django_db

STEP_1 = {"gemeente": "GM1640", "partner": "nee", "kinderen": "2"}
STEP_2 = {
    **STEP_1,
    "ouder1_leeftijd": "35", "ouder1_netto": "1500", "ouder1_bruto": "21000", "ouder1_verzekerd": "ja",
    "kind1_leeftijd": "6", "kind1_school": "primary", "kind2_leeftijd": "10", "kind2_school": "primary",
    "vermogen": "1000", "huur": "650",
}  # fmt: skip


def _answer(client: Client, data: dict[str, Any]) -> str:
    response = client.post(reverse("screener:check"), data)
    assert response.status_code == 200
    return response.content.decode()


def test_step_one_asks_where_you_live_and_who_is_in_the_family(client, municipalities):
    response = client.get(reverse("screener:check"))
    assert response.status_code == 200
    assert "In welke gemeente woont u?" in response.content.decode()


def test_step_two_carries_step_ones_answers_in_hidden_fields(client, municipalities):
    page = client.get(reverse("screener:check"), STEP_1).content.decode()
    assert 'type="hidden" name="gemeente" value="GM1640"' in page
    assert "Leeftijd van kind 2" in page
    assert "Leeftijd van uw partner" not in page


def test_the_answer_lists_national_municipal_and_funds_in_order_with_where_to_apply(client, demo):
    page = _answer(client, STEP_2)
    order = ["Kinderbijslag", "Kindgebonden budget", "Zorgtoeslag", "Huurtoeslag", "Kindpakket Leudal",
             "Jeugdfonds Sport &amp; Cultuur", "Stichting Leergeld", "Nationaal Fonds Kinderhulp"]  # fmt: skip
    positions = [page.index(name) for name in order]
    assert positions == sorted(positions)
    assert "/sociale-kaart/?behoefte=sport&amp;gemeente=GM1640" in page
    assert "Voor sport, cultuur en muziek: vraag eerst Kindpakket Leudal aan." in page
    assert "svb.nl" in page


def test_nothing_is_stored_by_the_check(client, demo):
    before = (SchemeVersion.objects.count(), AuditEvent.objects.count())
    _answer(client, STEP_2)
    assert (SchemeVersion.objects.count(), AuditEvent.objects.count()) == before
    assert "sessionid" not in client.cookies


def test_bad_answers_are_shown_at_the_field(client, demo):
    page = _answer(client, {**STEP_2, "ouder1_netto": "-5"})
    assert 'id="id_ouder1_netto_error"' in page


def test_the_pdf_is_a_real_pdf_with_the_answer(client, demo):
    response = client.post(reverse("screener:check_pdf"), STEP_2)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(response.content)).pages)
    assert "Kindpakket Leudal" in text
    assert "€ 500" in text


def test_the_professional_check_is_prefilled_and_offers_to_refer(member, demo):
    client = client_for(member)
    concern = "0b7d1a0e-3f0e-4e43-9d4c-2f4d6c1a9f10"
    query = {**STEP_1, "kind_leeftijd": ["7", "13"], "kind_school": ["primary", "secondary"], "zorg": concern}
    page = client.get(reverse("screener:check_professional"), query).content.decode()
    assert 'name="kind2_leeftijd" value="13"' in page
    answer = client.post(f"{reverse('screener:check_professional')}?zorg={concern}", STEP_2).content.decode()
    assert f"/zorgen/{concern}/verwijzen/" in answer


def test_the_professional_check_needs_a_login(client, municipalities):
    response = client.get(reverse("screener:check_professional"))
    assert response.status_code == 302
