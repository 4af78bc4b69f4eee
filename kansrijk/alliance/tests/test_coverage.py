"""Coverage per activity in a municipality: the page and the API from the same data."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.urls import reverse

from kansrijk.alliance.constants import Coverage
from kansrijk.alliance.coverage import coverage_level, municipality_coverage
from kansrijk.alliance.tests.factories import CommitmentFactory, PledgeSignatureFactory
from kansrijk.organisations.tests.factories import OrganisationFactory

NOW = datetime.datetime(2025, 6, 1, 10, 0, tzinfo=datetime.UTC)
LEUDAL = "GM1640"


@pytest.fixture
def leudal(pledge):
    """In Leudal: two partners signal (covered), one solves (thin), nobody collaborates
    (missing). Noise that must not count: a national commitment, an ended one, one of a
    withdrawn partner, one in another municipality, and a second commitment of a partner
    that already counts."""

    def partner(name, **kwargs):
        organisation = OrganisationFactory(name=name, municipality_codes=[LEUDAL], **kwargs)
        PledgeSignatureFactory(organisation=organisation, pledge_version=pledge)
        return organisation

    cjg, school, fund = (
        partner("CJG Leudal"),
        partner("Scholengroep Maas en Peel"),
        partner("Leergeld Leudal", fund=True),
    )
    CommitmentFactory(organisation=cjg, municipality_codes=[LEUDAL])
    CommitmentFactory(organisation=cjg, municipality_codes=[LEUDAL])
    CommitmentFactory(organisation=school, municipality_codes=[LEUDAL])
    CommitmentFactory(organisation=fund, solve=True, municipality_codes=[LEUDAL])
    CommitmentFactory(organisation=partner("Landelijk fonds"), collaborate=True, national=True)
    CommitmentFactory(
        organisation=partner("Gestopt"), solve=True, municipality_codes=[LEUDAL], ends_on=datetime.date(2024, 12, 31)
    )
    withdrawn = OrganisationFactory(name="Ingetrokken", municipality_codes=[LEUDAL])
    PledgeSignatureFactory(organisation=withdrawn, pledge_version=pledge, withdrawn=True)
    CommitmentFactory(organisation=withdrawn, solve=True, municipality_codes=[LEUDAL])
    CommitmentFactory(organisation=partner("Elders"), solve=True, municipality_codes=["GM0363"])


EXPECTED = {"signal": Coverage.COVERED, "solve": Coverage.THIN, "collaborate": Coverage.MISSING}


@pytest.mark.parametrize(
    ("count", "level"), [(0, Coverage.MISSING), (1, Coverage.THIN), (2, Coverage.COVERED), (5, Coverage.COVERED)]
)
def test_coverage_levels(count, level):
    assert coverage_level(count) == level


@time_machine.travel(NOW, tick=False)
def test_coverage_counts_distinct_local_partners_with_running_commitments(leudal):
    result = municipality_coverage(code=LEUDAL)
    assert {item.activity: item.level for item in result.activities} == EXPECTED
    signal = result.activities[0]
    assert [p.name for p in signal.partners] == ["CJG Leudal", "Scholengroep Maas en Peel"]
    collaborate = result.activities[2]
    assert [p.name for p in collaborate.national_partners] == ["Landelijk fonds"]
    assert [item.activity for item in result.gaps] == ["collaborate"]
    assert not result.has_signed


@time_machine.travel(NOW, tick=False)
def test_the_page_and_the_api_show_the_same_coverage(leudal, client):
    api = client.get(f"/api/v1/municipalities/{LEUDAL}/coverage").json()
    assert {item["activity"]: item["level"] for item in api["activities"]} == EXPECTED
    assert {item["activity"]: item["partner_count"] for item in api["activities"]} == {
        "signal": 2,
        "solve": 1,
        "collaborate": 0,
    }
    assert api["gaps"] == ["collaborate"]
    assert api["municipality"] == {"code": LEUDAL, "name": "Leudal"}
    for name in ("alliance:municipality", "alliance:municipality_joining"):
        page = client.get(reverse(name, args=[LEUDAL])).content.decode()
        assert page.count("kr-coverage--covered") == 1
        assert page.count("kr-coverage--thin") == 1
        assert page.count("kr-coverage--missing") == 1
        for label in ("Gedekt", "Dun", "Ontbreekt"):
            assert label in page


@time_machine.travel(NOW, tick=False)
def test_the_municipality_page_names_the_activity_nobody_covers(leudal, client):
    page = client.get(reverse("alliance:municipality", args=[LEUDAL])).content.decode()
    assert "Deze activiteiten doet hier nog niemand:" in page
    assert "Samenwerken en laten zien wat werkt." in page


def test_a_municipality_that_signed_is_shown_as_partner(pledge, client):
    gemeente = OrganisationFactory(name="Gemeente Leudal", municipality=True, municipality_codes=[LEUDAL])
    PledgeSignatureFactory(organisation=gemeente, pledge_version=pledge)
    assert municipality_coverage(code=LEUDAL).has_signed
    assert client.get(f"/api/v1/municipalities/{LEUDAL}/coverage").json()["has_signed"] is True


def test_an_unknown_municipality_is_404_on_page_and_api(client, db):
    assert client.get(reverse("alliance:municipality", args=["GM9999"])).status_code == 404
    response = client.get("/api/v1/municipalities/GM9999/coverage")
    assert response.status_code == 404
    assert response.json() == {"detail": response.json()["detail"], "errors": []}


def social_map_service(organisation, name, need, *, area=None, location=None):
    from kansrijk.socialmap.models import (
        Attribute,
        HsdsOrganization,
        Location,
        Service,
        ServiceArea,
        ServiceAtLocation,
        TaxonomyTerm,
    )

    owner, _ = HsdsOrganization.objects.get_or_create(organisation=organisation)
    service = Service.objects.create(organization=owner, name=name)
    if area:
        ServiceArea.objects.create(service=service, municipality_id=area)
    if location:
        place = Location.objects.create(organization=owner, name="Locatie", municipality_id=location)
        ServiceAtLocation.objects.create(service=service, location=place)
    term = TaxonomyTerm.objects.filter(code=need).first() or TaxonomyTerm.objects.create(code=need, name=need)
    Attribute.objects.create(link_id=service.id, taxonomy_term=term, link_entity="service", service=service)
    return service


@time_machine.travel(NOW, tick=False)
def test_social_map_services_in_the_municipality_count_as_local_partners(leudal):
    speelgoedbank = OrganisationFactory(name="Speelgoedbank Leudal", fund=True)
    social_map_service(speelgoedbank, "Speelgoed voor feestdagen", "speelgoed", area=LEUDAL)
    social_map_service(OrganisationFactory(name="Opvoedpunt"), "Opvoedspreekuur", "opvoeding", location=LEUDAL)
    social_map_service(OrganisationFactory(name="Amsterdams fonds"), "Sport", "sport", area="GM0363")
    result = municipality_coverage(code=LEUDAL)
    levels = {item.activity: item.level for item in result.activities}
    assert levels == {"signal": Coverage.COVERED, "solve": Coverage.COVERED, "collaborate": Coverage.MISSING}
    solve = result.activities[1]
    assert [(p.name, p.via) for p in solve.partners] == [
        ("Leergeld Leudal", ("inzet",)),
        ("Speelgoedbank Leudal", ("sociale kaart",)),
    ]
    assert [s.name for s in result.services] == ["Opvoedspreekuur", "Speelgoed voor feestdagen"]
    assert result.social_map_available
