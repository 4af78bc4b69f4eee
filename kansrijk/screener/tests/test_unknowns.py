"""Honest about the unknown: no scheme data for a municipality, national norms not yet published."""

from __future__ import annotations

import datetime as dt
import io

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from kansrijk.conftest import client_for, with_totp
from kansrijk.organisations.models import Organisation
from kansrijk.rules.params import load_parameters
from kansrijk.screener.honesty import MUNICIPALITY_REGISTER_URL
from kansrijk.screener.models import Scheme
from kansrijk.screener.tests.test_editor import _form

pytestmark = pytest.mark.django_db

NOTE_2027 = "berekend met de normen van 2026; die van 2027 zijn nog niet bekend"


def _family(code: str) -> dict[str, str]:
    return {
        "gemeente": code, "partner": "nee", "kinderen": "1",
        "ouder1_leeftijd": "35", "ouder1_netto": "1200", "ouder1_bruto": "15000", "ouder1_verzekerd": "ja",
        "kind1_leeftijd": "8", "kind1_school": "primary", "vermogen": "500", "huur": "650",
    }  # fmt: skip


def test_amsterdam_without_scheme_data_says_so_and_points_to_the_register(client, demo):
    page = client.post(reverse("screener:check"), _family("GM0363")).content.decode()
    assert "Wij weten nog niet welke regelingen de gemeente Amsterdam heeft." in page
    assert f'href="{MUNICIPALITY_REGISTER_URL}"' in page


def test_leudal_with_scheme_data_does_not_say_it_is_unknown(client, demo):
    page = client.post(reverse("screener:check"), _family("GM1640")).content.decode()
    assert "Wij weten nog niet welke regelingen" not in page


def test_the_professionals_check_says_the_same_for_a_municipality_without_scheme_data(demo):
    membership = Organisation.objects.get(name="Scholengroep Maas en Peel").memberships.get()
    with_totp(membership)
    page = client_for(membership).post(reverse("screener:check_professional"), _family("GM0363")).content.decode()
    assert "Wij weten nog niet welke regelingen de gemeente Amsterdam heeft." in page


def test_the_pdf_says_it_too(client, demo):
    import pypdf

    response = client.post(reverse("screener:check_pdf"), _family("GM0363"))
    text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(response.content)).pages)
    assert "Wij weten nog niet welke regelingen" in text


def test_the_published_parameters_still_say_2027_is_unknown():
    assert load_parameters().unpublished_since(dt.date(2027, 1, 1)) == dt.date(2027, 1, 1)
    assert load_parameters().unpublished_since(dt.date(2026, 12, 31)) is None


@time_machine.travel(dt.datetime(2027, 1, 4, 10, tzinfo=dt.UTC), tick=False)
def test_in_2027_the_check_uses_the_2026_norms_and_says_so_on_every_amount(client, demo):
    page = client.post(reverse("screener:check"), _family("GM1640")).content.decode()
    assert "Kindpakket Leudal" in page
    assert page.count(NOTE_2027) >= 4  # total, kinderbijslag, kindgebonden budget, kindpakket …
    assert "Dat weten we niet" not in page.split("Voedselbank")[0]  # nothing national or municipal unknown


def test_in_2026_no_note_is_shown(client, demo):
    with time_machine.travel(dt.datetime(2026, 12, 4, 10, tzinfo=dt.UTC), tick=False):
        page = client.post(reverse("screener:check"), _family("GM1640")).content.decode()
    assert "nog niet bekend" not in page


def test_the_editor_preview_for_1_january_2027_is_not_zero_and_says_which_norms(demo):
    kindpakket = Scheme.objects.get(slug="kindpakket", municipality_id="GM1640")
    membership = Organisation.objects.get(name="Gemeente Leudal").memberships.get()
    with_totp(membership)
    response = client_for(membership).post(
        reverse("screener:scheme_edit", args=[kindpakket.pk]), _form(start_date="2027-01-01")
    )
    assert response.status_code == 200
    preview = response.context["preview"]
    assert preview["new"].households > 0 and preview["new"].cost_cents > 0
    assert preview["old"].households > 0
    assert NOTE_2027 in response.content.decode()


def test_the_editor_reads_amounts_typed_the_dutch_way(demo):
    kindpakket = Scheme.objects.get(slug="kindpakket", municipality_id="GM1640")
    membership = Organisation.objects.get(name="Gemeente Leudal").memberships.get()
    with_totp(membership)
    response = client_for(membership).post(
        reverse("screener:scheme_edit", args=[kindpakket.pk]),
        _form(actie="opslaan", amount_per_child="1.600,50", asset_limit="€ 16.000"),
    )
    assert response.status_code == 302
    version = kindpakket.versions.get(start_date="2026-12-01")
    assert (version.amount_per_child_cents, version.asset_limit_cents) == (160_050, 16_000_00)


def test_load_reference_is_idempotent_with_the_demo(demo):
    call_command("load-reference", stdout=io.StringIO())
    assert Scheme.objects.filter(slug="leergeld").count() == 1


def test_the_notices_are_translated_into_english(client, demo):
    # override: the request activates English in this thread; restore Dutch for the tests after this one
    with time_machine.travel(dt.datetime(2027, 1, 4, 10, tzinfo=dt.UTC), tick=False), translation.override("nl"):
        page = client.post("/en" + reverse("screener:check"), _family("GM0363")).content.decode()
    assert "We do not know yet which schemes the municipality of Amsterdam has." in page
    assert "calculated with the rates of 2026; those of 2027 are not known yet" in page
