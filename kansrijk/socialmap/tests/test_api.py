from __future__ import annotations

import uuid
from datetime import UTC, datetime

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
        "per_page=1000",
        "postcode=9999ZZ",
        "proximity=10",
        "postcode=6093AB&proximity=ver",
        "postcode=6093AB&proximity=0",
        "postcode=6093AB&proximity_km=201",
        "maximal_age=121",
        "modified_after=2024-13-01",
        "organization_id=x",
        "need=onbekend",
    ],
)
@pytest.mark.parametrize("path", ["services", "service_at_locations"])
def test_unknown_filter_values_give_a_400_with_a_message(directory, path, query):
    response = Client().get(f"/api/hsds/{path}?{query}")
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


@pytest.fixture
def places(municipalities):
    """Three services at four locations; the corner location lies in the 10 km bounding box
    around 6093AB but outside the circle (about 10.9 km away)."""
    heythuysen = LocationFactory(name="heythuysen", latitude=51.25, longitude=5.90, postcode="6093AB")
    corner = LocationFactory(name="corner", latitude=51.32, longitude=6.01)
    amsterdam = LocationFactory(
        name="amsterdam", latitude=52.37, longitude=4.89, municipality_id="GM0363", postcode="1012AB"
    )
    ServiceFactory(
        name="Bijdrage voor sport",
        needs=["sport"],
        municipalities=["GM1640"],
        minimum_age=4,
        maximum_age=17,
        locations=[heythuysen, amsterdam],
    )
    ServiceFactory(
        name="Muziekles",
        needs=["cultuur"],
        municipalities=["GM0363"],
        minimum_age=6,
        maximum_age=12,
        last_modified=datetime(2020, 1, 1, tzinfo=UTC),
        locations=[amsterdam],
    )
    ServiceFactory(name="Zwemles", needs=["sport"], minimum_age=18, locations=[corner])


def _labels(body: dict) -> list[str]:
    return sorted(f"{row['service']['name']}@{row['location']['name']}" for row in body["contents"])


SPORT_H, SPORT_A, MUSIC_A, SWIM_C = (
    "Bijdrage voor sport@heythuysen",
    "Bijdrage voor sport@amsterdam",
    "Muziekles@amsterdam",
    "Zwemles@corner",
)


@pytest.mark.parametrize(
    ("query", "labels"),
    [
        ("", [SPORT_A, SPORT_H, MUSIC_A, SWIM_C]),
        ("search=bijdrage", [SPORT_A, SPORT_H]),
        ("search=sport", [SPORT_A, SPORT_H, SWIM_C]),  # the need's name is in the text
        ("search=muziek", [MUSIC_A]),
        ("search=sport zwem", [SWIM_C]),
        ("search=muziek zwem", []),  # every word must match
        ("search=de", [SPORT_A, SPORT_H, MUSIC_A, SWIM_C]),
        (f"taxonomy_term_id={NEED_BY_CODE['cultuur'].id}", [MUSIC_A]),
        ("need=sport", [SPORT_A, SPORT_H, SWIM_C]),
        ("need=sport&search=bijdrage", [SPORT_A, SPORT_H]),
        ("age=5", [SPORT_A, SPORT_H]),
        ("age=18", [SWIM_C]),
        ("minimal_age=14&maximal_age=14", [SPORT_A, SPORT_H]),
        ("minimal_age=13", [SPORT_A, SPORT_H, SWIM_C]),
        ("maximal_age=5", [SPORT_A, SPORT_H]),
        ("municipality=GM0363", [SPORT_A, MUSIC_A]),
        ("municipality=gm1640", [SPORT_H, SWIM_C]),
        ("postcode=6093AB&proximity=10000", [SPORT_H]),
        ("postcode=6093AB&proximity=11000", [SPORT_H, SWIM_C]),
        ("postcode=1012 AB&proximity_km=5", [SPORT_A, MUSIC_A]),
        ("postcode=1012AB", [SPORT_A, MUSIC_A]),
        ("postcode=1012AB&proximity=5000&search=sport", [SPORT_A]),
        ("modified_after=2021-01-01", [SPORT_A, SPORT_H, SWIM_C]),
        ("modified_after=2019-12-31T23:00:00%2B00:00", [SPORT_A, SPORT_H, MUSIC_A, SWIM_C]),
        ("modified_after=2999-01-01T00:00:00", []),
    ],
)
def test_service_at_location_filters(places, query, labels):
    response = Client().get(f"/api/hsds/service_at_locations?{query}")
    assert response.status_code == 200
    assert _labels(response.json()) == labels


def test_service_at_locations_filter_on_the_organization_of_the_service(places):
    organization_id = Client().get("/api/hsds/services?search=muziek").json()["contents"][0]["organization"]["id"]
    body = Client().get(f"/api/hsds/service_at_locations?organization_id={organization_id}").json()
    assert _labels(body) == [MUSIC_A]


def test_proximity_agrees_with_the_service_search(places):
    """The corner location is in the bounding box of both endpoints but outside the circle."""
    client = Client()
    services = client.get("/api/hsds/services?postcode=6093AB&proximity=10000").json()
    at_locations = client.get("/api/hsds/service_at_locations?postcode=6093AB&proximity=10000").json()
    assert [s["name"] for s in services["contents"]] == ["Bijdrage voor sport"]
    assert _labels(at_locations) == [SPORT_H]


def test_the_service_at_location_list_uses_the_same_number_of_queries_for_any_page_size(
    municipalities, django_assert_num_queries
):
    location = LocationFactory(postcode="6093AB")
    for _ in range(12):
        ServiceFactory(name="Sportfonds", needs=["sport"], minimum_age=4, maximum_age=17, locations=[location])
    client = Client()
    query = "need=sport&search=sportfonds&age=8&municipality=GM1640&postcode=6093AB&proximity=5000"
    query += "&modified_after=2000-01-01"
    client.get(f"/api/hsds/service_at_locations?per_page=1&{query}")  # warm caches (content types etc.)
    with django_assert_num_queries(4) as small:
        body = client.get(f"/api/hsds/service_at_locations?per_page=2&{query}").json()
    assert body["total_items"] == 12 and body["size"] == 2
    with django_assert_num_queries(len(small.captured_queries)):
        body = client.get(f"/api/hsds/service_at_locations?per_page=12&{query}").json()
    assert body["size"] == 12


def test_the_api_list_shows_each_service_exactly_as_the_model_serializer_does(municipalities):
    """The list builds summaries from value queries; they must equal `serialize.service` of the
    model, with and without a programme, for organisation fields and terms too."""
    from kansrijk.socialmap.hsds import serialize
    from kansrijk.socialmap.models import Program, Service
    from kansrijk.socialmap.search import SearchCriteria
    from kansrijk.socialmap.selectors import service_hsds_search

    with_program = ServiceFactory(name="Zwemles A", needs=["sport", "uitje"], minimum_age=4, email="zwem@example.org")
    organisation = with_program.organization.organisation
    organisation.email, organisation.website = "info@example.org", "https://example.org"
    organisation.save()
    with_program.organization.legal_status = "Stichting"
    with_program.organization.save()
    with_program.program = Program.objects.create(organization=with_program.organization, name="Zwemmen")
    with_program.save()
    ServiceFactory(name="Zwemles B", needs=["sport"], assured_date=None)
    contents, total = service_hsds_search(criteria=SearchCriteria(text="zwemles"), size=10)
    assert total == 2
    expected = {
        str(s.id): serialize.service(s)
        for s in Service.objects.select_related("organization__organisation", "program").prefetch_related(
            "attributes__taxonomy_term"
        )
    }
    assert {item["id"]: item for item in contents} == expected
    assert any("program" in item and item["organization"]["legal_status"] == "Stichting" for item in contents)
