from __future__ import annotations

from datetime import date

import pytest

from kansrijk.socialmap import search
from kansrijk.socialmap.models import TaxonomyTerm
from kansrijk.socialmap.search import SearchCriteria, documents, indexing
from kansrijk.socialmap.selectors import postcode_place, service_search
from kansrijk.socialmap.tests.factories import LocationFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def _names(criteria: SearchCriteria) -> list[str]:
    return [r.service.name for r in service_search(criteria=criteria).results]


def test_the_best_text_match_comes_first(municipalities):
    ServiceFactory(name="Hulp bij geld", description="Ook iets met voetbal.")
    ServiceFactory(name="Voetbal voor kinderen", description="Voetbal bij de club. Voetbal is leuk.")
    assert _names(SearchCriteria(text="voetbal")) == ["Voetbal voor kinderen", "Hulp bij geld"]


def test_equal_matches_are_ordered_by_distance(municipalities):
    far = LocationFactory(latitude=51.30, longitude=5.90)
    near = LocationFactory(latitude=51.251, longitude=5.901)
    ServiceFactory(name="Ver weg", locations=[far])
    ServiceFactory(name="Dichtbij", locations=[near])
    results = service_search(criteria=SearchCriteria(point=(51.25, 5.90), radius_km=25)).results
    assert [r.service.name for r in results] == ["Dichtbij", "Ver weg"]
    assert results[0].distance_km < 1 < results[1].distance_km


def test_a_radius_leaves_out_services_further_away(municipalities):
    ServiceFactory(name="Ver weg", locations=[LocationFactory(latitude=52.37, longitude=4.89)])
    assert _names(SearchCriteria(point=(51.25, 5.90), radius_km=10)) == []


def test_need_age_and_municipality_combine(municipalities):
    ServiceFactory(name="Sport Leudal", needs=["sport"], municipalities=["GM1640"], minimum_age=4, maximum_age=17)
    ServiceFactory(name="Sport Amsterdam", needs=["sport"], municipalities=["GM0363"])
    ServiceFactory(name="Sport voor pubers", needs=["sport"], municipalities=["GM1640"], minimum_age=12)
    ServiceFactory(name="Muziek Leudal", needs=["cultuur"], municipalities=["GM1640"])
    sport = TaxonomyTerm.objects.get(code="sport").id
    assert _names(SearchCriteria(term_ids=(sport,), municipality="GM1640", min_age=9, max_age=9)) == ["Sport Leudal"]


def test_needs_and_places_combine_through_need_and_place_tokens(municipalities):
    """The first need goes with the place as one token (`t<term>gm…`, `t<term>c…`,
    `t<term>gmnl`); a second need and a second place stay groups of their own."""
    from kansrijk.socialmap.models import ServiceArea

    near, far = LocationFactory(latitude=51.251, longitude=5.901), LocationFactory(latitude=52.37, longitude=4.89)
    ServiceFactory(name="Fiets en sport", needs=["sport", "fiets"], locations=[near], municipalities=["GM1640"])
    ServiceFactory(name="Alleen sport", needs=["sport"], locations=[near], municipalities=["GM1640"])
    ServiceFactory(name="Fiets en sport ver weg", needs=["sport", "fiets"], locations=[far], municipalities=["GM0363"])
    landelijk = ServiceFactory(name="Landelijk sportfonds", needs=["sport"])
    ServiceArea.objects.create(service=landelijk, is_national=True, name="Nederland")
    search.index_services([landelijk.id])
    sport, fiets = (TaxonomyTerm.objects.get(code=code).id for code in ("sport", "fiets"))
    point = (51.25, 5.90)
    assert _names(SearchCriteria(term_ids=(sport, fiets), point=point, radius_km=5)) == ["Fiets en sport"]
    assert _names(SearchCriteria(term_ids=(fiets,), point=point, radius_km=5)) == ["Fiets en sport"]
    in_leudal = _names(SearchCriteria(term_ids=(sport,), municipality="GM1640"))
    assert {"Alleen sport", "Fiets en sport", "Landelijk sportfonds"} <= set(in_leudal)  # national too
    assert _names(SearchCriteria(term_ids=(fiets,), municipality="GM0363")) == ["Fiets en sport ver weg"]
    assert _names(SearchCriteria(term_ids=(sport,), municipality="GM1640", point=point, radius_km=5)) == [
        "Alleen sport",
        "Fiets en sport",
        "Landelijk sportfonds",  # national help is in every area, after the help nearby (ADR 0015)
    ]


def test_a_deleted_service_is_not_found_although_its_search_row_remains(municipalities):
    """Deleting an organisation (admin) cascades to its services, not to the search rows, which
    no foreign key ties to them: the search joins the service, so the row is never found."""
    gone = ServiceFactory(name="Voetbal weg", locations=[LocationFactory(latitude=51.251, longitude=5.901)])
    ServiceFactory(name="Voetbal blijft", locations=[LocationFactory(latitude=51.252, longitude=5.902)])
    gone.organization.organisation.delete()
    for criteria in (SearchCriteria(text="voetbal"), SearchCriteria(point=(51.25, 5.90), radius_km=5)):
        page = service_search(criteria=criteria)
        assert [r.service.name for r in page.results] == ["Voetbal blijft"] and page.total == 1


def test_a_listing_not_confirmed_for_a_year_is_stale(municipalities):
    ServiceFactory(name="Oud", assured_date=date(2020, 1, 1))
    ServiceFactory(name="Nieuw")
    results = {r.service.name: r.is_stale for r in service_search(criteria=SearchCriteria()).results}
    assert results == {"Oud": True, "Nieuw": False}


def test_no_result_with_all_words_falls_back_to_any_word(municipalities):
    ServiceFactory(name="Voetbal")
    page = service_search(criteria=SearchCriteria(text="voetbal zwemmen"))
    assert page.any_word and [r.service.name for r in page.results] == ["Voetbal"]


def test_a_postcode_is_placed_by_locations_in_the_directory(municipalities):
    LocationFactory(latitude=51.25, longitude=5.90, postcode="6093AB")
    assert postcode_place(postcode="6093 ab").how == "postcode"
    assert postcode_place(postcode="6093 XY").how == "area"
    assert postcode_place(postcode="1234 AB") is None
    assert postcode_place(postcode="onzin") is None


def _services_for_indexing():
    near = LocationFactory(latitude=51.251, longitude=5.901)
    return [
        ServiceFactory(name="Voetbal voor kinderen", description="Voetbal bij de club.", locations=[near]),
        ServiceFactory(name="Zwemles", description="Zwemdiploma A.", needs=["sport"], municipalities=["GM1640"]),
        ServiceFactory(name="Hulp bij geld", description="Schulden en formulieren."),
    ]


def test_the_whole_table_index_builds_the_same_documents_as_the_chunked_one(municipalities):
    services = _services_for_indexing()
    ids = [s.id for s in services]
    chunked = {d.service_id: d for d in documents.documents_of(ids)}
    whole = documents.all_documents({documents.doc_key(sid) for sid in ids})
    for sid in ids:
        one, other = whole[documents.doc_key(sid)], chunked[sid]
        assert (one.name, set(one.body.split()), set(one.keys.split()), set(one.points)) == (
            other.name,
            set(other.body.split()),
            set(other.keys.split()),
            set(other.points),
        )
    assert set(chunked[ids[0]].points) == {(51.251, 5.901)}
    assert chunked[ids[1]].points == ()


def test_search_finds_the_same_after_a_bulk_reindex(municipalities, monkeypatch):
    services = _services_for_indexing()
    criteria = [
        SearchCriteria(text="voetbal"),
        SearchCriteria(text="zwemles"),
        SearchCriteria(point=(51.25, 5.90), radius_km=5),
    ]
    before = [_names(c) for c in criteria]
    monkeypatch.setattr(indexing, "CHUNK", 1)  # forces the whole-table path for three services
    monkeypatch.setattr(indexing, "COPY_FROM", 1)  # and, on PostgreSQL, the COPY path
    search.index_services([s.id for s in services])
    assert [_names(c) for c in criteria] == before
    assert before[0] == ["Voetbal voor kinderen"]
