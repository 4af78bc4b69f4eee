"""The service-area picker: grouped by province, "whole province" and "nationwide" as choices, no Ctrl-click."""

import re

import pytest

from kansrijk.conftest import client_for
from kansrijk.municipalities.models import Municipality
from kansrijk.socialmap.models import ServiceArea
from kansrijk.socialmap.tests.factories import HsdsOrganizationFactory, ServiceFactory

pytestmark = pytest.mark.django_db

FLEVOLAND = ["GM0034", "GM0303", "GM0995", "GM0171", "GM0184", "GM0050"]


def _data(**changes):
    return {
        "name": "Huiswerkklas",
        "description": "Hulp bij huiswerk",
        "needs": ["schoolkosten"],
        "application_process": "Bel",
        "status": "active",
        **changes,
    }


@pytest.fixture
def listing(coordinator, municipalities):
    return ServiceFactory(organization=HsdsOrganizationFactory(organisation=coordinator.organisation))


def _areas(service):
    national = ServiceArea.objects.filter(service=service, is_national=True).exists()
    codes = sorted(
        ServiceArea.objects.filter(service=service).exclude(municipality=None).values_list("municipality_id", flat=True)
    )
    return national, codes


def test_the_picker_groups_municipalities_by_province_with_a_whole_province_choice(coordinator, listing):
    html = client_for(coordinator).get(f"/sociale-kaart/beheer/hulp/{listing.id}/").content.decode()
    provinces = re.findall(r'<details class="kr-area-picker__province"[^>]*>\s*<summary>([^<]+)</summary>', html)
    assert len(provinces) == 12 and "Flevoland" in provinces and "Utrecht" in provinces
    assert 'value="provincie:Flevoland"' in html and "Heel Flevoland" in html
    assert 'value="NL"' in html and "Heel Nederland" in html
    assert html.count('type="checkbox" name="municipalities"') == 342 + 12 + 1
    assert "Ctrl" not in html and "<select" not in html.split("kr-area-picker")[1].split("</details>")[0]


def test_a_whole_province_saves_all_its_municipalities(coordinator, listing):
    response = client_for(coordinator).post(
        f"/sociale-kaart/beheer/hulp/{listing.id}/", _data(municipalities=["provincie:Flevoland"])
    )
    assert response.status_code == 302
    assert _areas(listing) == (False, sorted(FLEVOLAND))
    assert sorted(Municipality.objects.filter(province="Flevoland").values_list("code", flat=True)) == sorted(FLEVOLAND)


def test_a_province_and_loose_municipalities_and_nationwide_combine(coordinator, listing):
    client = client_for(coordinator)
    client.post(
        f"/sociale-kaart/beheer/hulp/{listing.id}/", _data(municipalities=["provincie:Flevoland", "GM1640", "GM0034"])
    )
    assert _areas(listing) == (False, sorted([*FLEVOLAND, "GM1640"]))
    client.post(f"/sociale-kaart/beheer/hulp/{listing.id}/", _data(municipalities=["NL"]))
    assert _areas(listing) == (True, [])


def test_the_saved_area_is_shown_checked_in_an_open_province(coordinator, listing):
    client = client_for(coordinator)
    client.post(f"/sociale-kaart/beheer/hulp/{listing.id}/", _data(municipalities=["GM1640"]))
    html = client.get(f"/sociale-kaart/beheer/hulp/{listing.id}/").content.decode()
    assert re.search(
        r'<details class="kr-area-picker__province" open data-province>\s*<summary>Limburg</summary>', html
    )
    assert re.search(r'value="GM1640" id="[^"]+" checked', html)
    assert not re.search(
        r'<details class="kr-area-picker__province" open data-province>\s*<summary>Utrecht</summary>', html
    )


@pytest.mark.parametrize(
    ("area", "message"),
    [([], "Kies een gemeente, of kies"), (["provincie:Atlantis"], "Selecteer een geldige keuze")],
)
def test_no_or_an_unknown_area_is_an_error_and_nothing_is_saved(coordinator, listing, area, message):
    before = _areas(listing)
    response = client_for(coordinator).post(f"/sociale-kaart/beheer/hulp/{listing.id}/", _data(municipalities=area))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert _areas(listing) == before
