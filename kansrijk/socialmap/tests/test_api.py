from __future__ import annotations

import uuid

import pytest
from django.test import Client

from kansrijk.socialmap.constants import NEED_BY_CODE
from kansrijk.socialmap.tests.factories import LocationFactory, ServiceFactory

pytestmark = pytest.mark.django_db
ENVELOPE = {"total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"}


@pytest.fixture
def directory(municipalities):
    heythuysen = LocationFactory(latitude=51.25, longitude=5.90, postcode="6093AB")
    amsterdam = LocationFactory(latitude=52.37, longitude=4.89, municipality_id="GM0363", postcode="1012AB")
    sport = ServiceFactory(
        name="Bijdrage voor sport",
        needs=["sport"],
        municipalities=["GM1640"],
        minimum_age=4,
        maximum_age=17,
        locations=[heythuysen],
    )
    music = ServiceFactory(
        name="Muziekles",
        needs=["cultuur"],
        municipalities=["GM0363"],
        minimum_age=6,
        maximum_age=12,
        locations=[amsterdam],
    )
    return {"sport": sport, "music": music}


def test_services_answer_with_the_hsds_paging_envelope_and_cors(directory):
    response = Client().get("/api/hsds/services")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    body = response.json()
    assert set(body) == ENVELOPE
    assert body["total_items"] == 2 and body["first_page"] and body["last_page"] and not body["empty"]


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("search=sport", ["Bijdrage voor sport"]),
        (f"taxonomy_term_id={NEED_BY_CODE['cultuur'].id}", ["Muziekles"]),
        ("need=sport", ["Bijdrage voor sport"]),
        ("minimal_age=14&maximal_age=14", ["Bijdrage voor sport"]),
        ("age=5", ["Bijdrage voor sport"]),
        ("municipality=GM0363", ["Muziekles"]),
        ("postcode=6093AB&proximity=10000", ["Bijdrage voor sport"]),
        ("postcode=1012 AB&proximity_km=5", ["Muziekles"]),
        ("modified_after=2000-01-01", ["Bijdrage voor sport", "Muziekles"]),
        ("modified_after=2999-01-01T00:00:00", []),
    ],
)
def test_service_filters(directory, query, names):
    body = Client().get(f"/api/hsds/services?{query}").json()
    assert sorted(s["name"] for s in body["contents"]) == names


@pytest.mark.parametrize(
    "query",
    [
        "taxonomy_term_id=nope",
        f"taxonomy_term_id={uuid.uuid4()}",
        "municipality=GM9999",
        "minimal_age=negen",
        "age=-1",
        "modified_after=gisteren",
        "page=0",
        "page=99",
        "per_page=1000",
        "postcode=9999ZZ",
        "proximity=10",
        "postcode=6093AB&proximity=ver",
        "organization_id=x",
        "need=onbekend",
    ],
)
def test_unknown_filter_values_give_a_400_with_a_message(directory, query):
    response = Client().get(f"/api/hsds/services?{query}")
    assert response.status_code == 400
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response.json()["errors"][0]["message"]


def test_a_service_is_fully_nested(directory):
    body = Client().get(f"/api/hsds/services/{directory['sport'].id}").json()
    assert body["organization"]["id"] == str(directory["sport"].organization_id)
    assert body["service_at_locations"][0]["location"]["latitude"] == 51.25
    assert body["attributes"][0]["taxonomy_term"]["code"] == "sport"


def test_an_unknown_service_is_a_404_with_cors(db):
    response = Client().get(f"/api/hsds/services/{uuid.uuid4()}")
    assert response.status_code == 404
    assert response["Access-Control-Allow-Origin"] == "*"


def test_the_service_list_uses_the_same_number_of_queries_for_any_page_size(municipalities, django_assert_num_queries):
    location = LocationFactory()
    for _ in range(12):
        ServiceFactory(needs=["sport"], municipalities=["GM1640"], locations=[location])
    client = Client()
    client.get("/api/hsds/services?per_page=1&need=sport")  # warm caches (content types etc.)
    with django_assert_num_queries(4) as small:
        client.get("/api/hsds/services?per_page=2&need=sport&municipality=GM1640")
    with django_assert_num_queries(len(small.captured_queries)):
        client.get("/api/hsds/services?per_page=12&need=sport&municipality=GM1640")


@pytest.mark.parametrize("path", ["organizations", "service_at_locations", "taxonomies", "taxonomy_terms"])
def test_other_lists_answer_with_the_envelope(directory, path):
    response = Client().get(f"/api/hsds/{path}")
    assert response.status_code == 200
    assert set(response.json()) == ENVELOPE
    assert response["Access-Control-Allow-Origin"] == "*"


def test_the_need_taxonomy_has_stable_codes_with_dutch_and_english_names(db):
    body = Client().get("/api/hsds/taxonomy_terms?per_page=100").json()
    codes = {term["code"] for term in body["contents"]}
    assert {
        "sport",
        "cultuur",
        "schoolkosten",
        "computer",
        "fiets",
        "kleding",
        "voedsel",
        "speelgoed",
        "verjaardag",
        "uitje",
        "geldzaken",
        "opvoeding",
        "jeugdgezondheid",
        "wonen",
        "energie",
    } <= codes


def test_an_organization_lists_its_services(directory):
    organization_id = directory["sport"].organization_id
    body = Client().get(f"/api/hsds/organizations/{organization_id}").json()
    assert [s["name"] for s in body["services"]] == ["Bijdrage voor sport"]
