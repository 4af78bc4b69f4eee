from __future__ import annotations

from datetime import date

import pytest
from django.core import mail
from django.test import Client

from kansrijk.conftest import client_for, login_with_two_factors, with_totp
from kansrijk.organisations.tests.factories import UserFactory
from kansrijk.socialmap.models import Service
from kansrijk.socialmap.tasks import stale_listing_reminders
from kansrijk.socialmap.tests.factories import HsdsOrganizationFactory, LocationFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def test_the_search_page_has_the_labelled_fields(municipalities):
    html = Client().get("/sociale-kaart/").content.decode()
    for label in ("Waar zoek je hulp bij?", "Leeftijd van het kind", "Gemeente", "Zoekwoorden", "Zoeken"):
        assert label in html


def test_a_professional_finds_sport_for_a_child_of_9_in_leudal(municipalities):
    organisation = HsdsOrganizationFactory(organisation__name="Jeugdfonds Sport & Cultuur")
    ServiceFactory(
        organization=organisation,
        name="Bijdrage voor sport",
        needs=["sport"],
        municipalities=["GM1640"],
        minimum_age=4,
        maximum_age=17,
        application_process="Via een intermediair: school of wijkteam.",
    )
    ServiceFactory(name="Muziek", needs=["cultuur"], municipalities=["GM1640"])
    html = Client().get("/sociale-kaart/?behoefte=sport&leeftijd=9&gemeente=GM1640").content.decode()
    assert "Jeugdfonds Sport &amp; Cultuur" in html
    assert "Zo vraag je het aan" in html and "Via een intermediair" in html
    assert "Muziek" not in html


def test_stale_results_are_marked(municipalities):
    ServiceFactory(name="Oude hulp", needs=["sport"], assured_date=date(2020, 1, 1))
    html = Client().get("/sociale-kaart/?behoefte=sport").content.decode()
    assert "Niet recent gecontroleerd" in html


def test_an_unknown_postcode_asks_for_the_municipality(municipalities):
    html = Client().get("/sociale-kaart/?postcode=1234AB").content.decode()
    assert "niet vinden" in html and "Kies de gemeente" in html


def test_the_service_page_shows_how_to_apply(municipalities):
    service = ServiceFactory(application_process="Bel het wijkteam.")
    html = Client().get(f"/sociale-kaart/hulp/{service.id}/").content.decode()
    assert "Zo vraag je het aan" in html and "Bel het wijkteam." in html


@pytest.mark.parametrize("method", ["get", "post"])
def test_another_organisation_gets_a_404_on_the_edit_urls(other_coordinator, municipalities, method):
    service = ServiceFactory()
    location = LocationFactory(organization=service.organization)
    client = client_for(other_coordinator)
    urls = [
        f"/sociale-kaart/beheer/hulp/{service.id}/",
        f"/sociale-kaart/beheer/locatie/{location.id}/",
        f"/sociale-kaart/beheer/{service.organization_id}/hulp/nieuw/",
    ]
    if method == "post":
        urls.append(f"/sociale-kaart/beheer/hulp/{service.id}/klopt/")
    for url in urls:
        assert getattr(client, method)(url).status_code == 404, url


def test_a_member_without_a_managing_role_gets_a_404(member, municipalities):
    service = ServiceFactory(organization=HsdsOrganizationFactory(organisation=member.organisation))
    assert client_for(member).get(f"/sociale-kaart/beheer/hulp/{service.id}/").status_code == 404


def test_the_owner_edits_a_listing_with_validation(coordinator, municipalities):
    service = ServiceFactory(organization=HsdsOrganizationFactory(organisation=coordinator.organisation))
    client = client_for(coordinator)
    data = {
        "name": "Nieuwe naam",
        "description": "Iets",
        "needs": ["sport"],
        "application_process": "Bel",
        "municipalities": ["GM1640"],
        "status": "active",
        "minimum_age": "12",
        "maximum_age": "4",
    }
    response = client.post(f"/sociale-kaart/beheer/hulp/{service.id}/", data)
    assert response.status_code == 200 and "maximumleeftijd" in response.content.decode()
    data["maximum_age"] = "17"
    response = client.post(f"/sociale-kaart/beheer/hulp/{service.id}/", data)
    assert response.status_code == 302
    service.refresh_from_db()
    assert service.name == "Nieuwe naam" and service.maximum_age == 17
    html = Client().get("/sociale-kaart/?q=nieuwe").content.decode()
    assert "Nieuwe naam" in html


def test_platform_staff_may_edit_any_listing(municipalities):
    staff = UserFactory(staff=True)
    with_totp(staff)
    client = Client()
    login_with_two_factors(client, staff)
    service = ServiceFactory()
    assert client.get(f"/sociale-kaart/beheer/hulp/{service.id}/").status_code == 200


def test_confirm_still_correct_sets_the_assured_date_to_today(coordinator, municipalities):
    service = ServiceFactory(organization=HsdsOrganizationFactory(organisation=coordinator.organisation), stale=True)
    client_for(coordinator).post(f"/sociale-kaart/beheer/hulp/{service.id}/klopt/")
    service.refresh_from_db()
    assert service.assured_date == date.today()


def test_the_owner_adds_a_location_without_coordinates(coordinator, municipalities):
    client = client_for(coordinator)
    response = client.post(
        f"/sociale-kaart/beheer/{coordinator.organisation.pk}/locatie/nieuw/",
        {
            "name": "Wijkpunt",
            "address_1": "Markt 1",
            "postal_code": "6081 BM",
            "city": "Haelen",
            "municipality": "GM1640",
        },
    )
    assert response.status_code == 302
    location = coordinator.organisation.hsds.locations.get()
    assert location.geo_source == "municipality" and location.postcode == "6081BM"


def test_owners_of_stale_listings_get_a_reminder_once(coordinator, municipalities, django_capture_on_commit_callbacks):
    ServiceFactory(organization=HsdsOrganizationFactory(organisation=coordinator.organisation), name="Oud", stale=True)
    ServiceFactory(organization=HsdsOrganizationFactory(organisation=coordinator.organisation), name="Vers")
    with django_capture_on_commit_callbacks(execute=True):
        assert stale_listing_reminders.call() == 1
    assert len(mail.outbox) == 1 and coordinator.user.email in mail.outbox[0].to
    assert "Oud" in mail.outbox[0].body and "Vers" not in mail.outbox[0].body
    assert Service.objects.get(name="Oud").reminded_at is not None
    with django_capture_on_commit_callbacks(execute=True):
        assert stale_listing_reminders.call() == 0
