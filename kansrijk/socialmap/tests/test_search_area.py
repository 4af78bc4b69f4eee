"""A postcode search finds the help near the point and the help for its whole municipality and country."""

from __future__ import annotations

import pytest
from django.test import Client

from kansrijk.municipalities.models import PostcodeArea
from kansrijk.socialmap import search
from kansrijk.socialmap.constants import NEED_BY_CODE
from kansrijk.socialmap.models import ServiceArea
from kansrijk.socialmap.search import SearchCriteria
from kansrijk.socialmap.selectors import postcode_place, service_search
from kansrijk.socialmap.tests.factories import LocationFactory, ServiceFactory

pytestmark = pytest.mark.django_db
HEYTHUYSEN = (51.2502, 5.8991)


def _names(criteria: SearchCriteria) -> list[str]:
    return [r.service.name for r in service_search(criteria=criteria).results]


def _world() -> None:
    ServiceFactory(name="Dichtbij", locations=[LocationFactory(latitude=51.251, longitude=5.901)])
    ServiceFactory(name="Kindpakket Leudal", municipalities=["GM1640"])
    ServiceFactory(name="Jeugdfonds in Leudal", municipalities=["GM1640"], needs=["sport"])
    national = ServiceFactory(name="Jarige Job", needs=["sport"])
    ServiceArea.objects.create(service=national, is_national=True, name="Nederland")
    search.index_services([national.id])
    ServiceFactory(name="Kindpakket Amsterdam", municipalities=["GM0363"])
    ServiceFactory(name="Ver weg in Roermond", locations=[LocationFactory(latitude=51.19, longitude=6.0)])


def test_a_point_in_leudal_finds_the_help_near_it_then_leudal_wide_and_national_help(municipalities):
    _world()
    names = _names(SearchCriteria(point=HEYTHUYSEN, radius_km=5))
    assert names == ["Dichtbij", "Jarige Job", "Jeugdfonds in Leudal", "Kindpakket Leudal"]


def test_the_same_holds_with_a_need_and_with_the_search_by_municipality(municipalities):
    _world()
    sport = SearchCriteria(point=HEYTHUYSEN, radius_km=5, term_ids=(NEED_BY_CODE["sport"].id,))
    assert _names(sport) == ["Jarige Job", "Jeugdfonds in Leudal"]
    by_municipality = set(_names(SearchCriteria(municipality="GM1640")))
    assert {"Kindpakket Leudal", "Jeugdfonds in Leudal", "Jarige Job"} <= by_municipality


def test_the_postcode_table_places_a_postcode_no_listed_location_carries(municipalities):
    assert postcode_place(postcode="6093 AB") is None
    PostcodeArea.objects.create(pc4="6093", municipality_id="GM1640", latitude=HEYTHUYSEN[0], longitude=HEYTHUYSEN[1])
    place = postcode_place(postcode="6093 AB")
    assert place is not None and (place.latitude, place.longitude, place.how) == (*HEYTHUYSEN, "area")


def test_the_search_page_by_postcode_in_leudal_shows_the_municipality_wide_help(municipalities):
    _world()
    PostcodeArea.objects.create(pc4="6093", municipality_id="GM1640", latitude=HEYTHUYSEN[0], longitude=HEYTHUYSEN[1])
    html = Client().get("/sociale-kaart/?postcode=6093+AB&afstand=5").content.decode()
    for name in ("Dichtbij", "Kindpakket Leudal", "Jeugdfonds in Leudal", "Jarige Job"):
        assert name in html
    assert "Kindpakket Amsterdam" not in html and "Ver weg in Roermond" not in html


def test_an_unknown_postcode_is_answered_with_a_question_for_the_municipality_that_works_without_javascript(
    municipalities,
):
    _world()
    html = Client().get("/sociale-kaart/?postcode=1234+AB&behoefte=sport").content.decode()
    assert "In welke gemeente woont u?" in html
    question = html.split('id="gemeente-vraag"')[1].split("</form>")[0]
    assert question.count("<option") == 343  # the 342 municipalities and "choose"
    assert 'type="hidden" name="behoefte" value="sport"' in question
    answered = Client().get("/sociale-kaart/?behoefte=sport&gemeente=GM1640").content.decode()
    assert "Jeugdfonds in Leudal" in answered
