"""Reference data without the demo: `kansrijk load-reference` alone gives every municipality the funds."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from kansrijk.organisations.models import Organisation
from kansrijk.screener.models import Scheme, SchemeVersion
from kansrijk.screener.services import NATIONAL_FUNDS

pytestmark = pytest.mark.django_db

FUNDS_IN_ORDER = ["Jeugdfonds Sport &amp; Cultuur", "Stichting Leergeld", "Nationaal Fonds Kinderhulp"]


def _low_income_family(code: str) -> dict[str, str]:
    return {
        "gemeente": code, "partner": "nee", "kinderen": "2",
        "ouder1_leeftijd": "35", "ouder1_netto": "1200", "ouder1_bruto": "15000", "ouder1_verzekerd": "ja",
        "kind1_leeftijd": "6", "kind1_school": "primary", "kind2_leeftijd": "10", "kind2_school": "primary",
        "vermogen": "500", "huur": "650",
    }  # fmt: skip


def test_load_reference_creates_the_national_funds_as_real_organisations_with_sources(municipalities):
    call_command("load-reference", stdout=io.StringIO())
    funds = Scheme.objects.filter(kind="fund")
    assert {f.slug for f in funds} == set(NATIONAL_FUNDS)
    assert not funds.filter(is_demo=True).exists()
    assert not Organisation.objects.filter(is_demo=True).exists()
    assert not SchemeVersion.objects.filter(scheme__kind="fund", source_url="").exists()


def test_load_reference_twice_changes_nothing(municipalities):
    call_command("load-reference", stdout=io.StringIO())
    before = (Organisation.objects.count(), Scheme.objects.count(), SchemeVersion.objects.count())
    call_command("load-reference", stdout=io.StringIO())
    assert (Organisation.objects.count(), Scheme.objects.count(), SchemeVersion.objects.count()) == before


@pytest.mark.parametrize("code", ["GM0363", "GM1640"])
def test_without_the_demo_a_low_income_family_anywhere_gets_the_funds_in_order_of_use(client, municipalities, code):
    call_command("load-reference", stdout=io.StringIO())
    page = client.post(reverse("screener:check"), _low_income_family(code)).content.decode()
    positions = [page.index(name) for name in FUNDS_IN_ORDER]
    assert positions == sorted(positions)
    assert "Stichting Jarige Job" in page


def test_the_demo_reuses_the_reference_loader_and_adds_only_its_own_schemes(municipalities):
    from kansrijk.demo.loaders import organisations, screener

    organisations.load()
    screener.load()
    call_command("load-reference", stdout=io.StringIO())
    leergeld = Scheme.objects.get(slug="leergeld")
    assert not leergeld.is_demo and not leergeld.owner.is_demo  # real organisations, not demo ones
    assert Scheme.objects.filter(slug="leergeld").count() == 1
    assert set(Scheme.objects.filter(is_demo=True).values_list("slug", flat=True)) == {
        "kindpakket", "meedoenregeling", "voedselbank", "speelgoedbank"
    }  # fmt: skip
