"""The coordinator's flow through the pages, and the public pages."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.urls import reverse

from kansrijk.alliance.models import Commitment, PledgeSignature, ProgressReport
from kansrijk.alliance.tests.factories import CommitmentFactory, ProgressReportFactory
from kansrijk.conftest import client_for

NOW = datetime.datetime(2025, 6, 1, 10, 0, tzinfo=datetime.UTC)

COMMITMENT_FORM = {
    "title": "Sportfonds voor Leudal",
    "activity": "solve",
    "description": "We betalen contributie en sportkleding voor kinderen uit gezinnen met weinig geld.",
    "target_group": "children",
    "age_min": "4",
    "age_max": "17",
    "municipalities": ["GM1640"],
    "planned_reach": "120",
    "reach_unit": "children",
    "starts_on": "2025-01-01",
    "ends_on": "2027-12-31",
    "contact_name": "Ahmed Bakker",
    "contact_email": "ahmed@example.org",
    "indicator-TOTAL_FORMS": "2",
    "indicator-INITIAL_FORMS": "0",
    "indicator-MIN_NUM_FORMS": "0",
    "indicator-MAX_NUM_FORMS": "10",
    "indicator-0-name": "Kinderen met een lidmaatschap",
    "indicator-0-target": "120",
    "indicator-0-unit": "kinderen",
    "indicator-1-name": "",
    "indicator-1-target": "",
    "indicator-1-unit": "",
}


@time_machine.travel(NOW, tick=False)
def test_a_coordinator_signs_commits_and_reports_and_the_overview_shows_it(coordinator, pledge):
    client = client_for(coordinator)
    organisation = coordinator.organisation
    index = client.get(reverse("alliance:index")).content.decode()
    assert "Pledge ondertekenen" in index

    response = client.post(
        reverse("alliance:pledge_sign", args=[organisation.pk]),
        {
            "pledge_version": "1",
            "signatory_name": "Marieke Smeets",
            "signatory_role": "Directeur",
            "signed_on": "2025-05-30",
            "confirm": "on",
        },
        follow=True,
    )
    assert "De pledge is ondertekend" in response.content.decode()
    assert PledgeSignature.objects.get().signed_on == datetime.date(2025, 5, 30)
    assert "Inzet toevoegen" in response.content.decode()

    response = client.post(reverse("alliance:commitment_create", args=[organisation.pk]), COMMITMENT_FORM, follow=True)
    assert "Je inzet is opgeslagen" in response.content.decode()
    commitment = Commitment.objects.get()
    assert "Voortgang rapporteren" in response.content.decode()

    indicator = commitment.indicators.get()
    response = client.post(
        reverse("alliance:progress_create", args=[commitment.pk]),
        {
            "year": "2025",
            "what_was_done": "Honderd kinderen sporten.",
            "realised_reach": "100",
            f"indicator_{indicator.pk}": "98",
            "obstacles": "",
            "structural_barriers": "",
        },
        follow=True,
    )
    assert "voortgangsverslag is opgeslagen" in response.content.decode()
    assert ProgressReport.objects.get().indicator_values[0]["value"] == "98"

    overview = client.get(reverse("alliance:overview"), {"gemeente": "GM1640"}).content.decode()
    assert "Sportfonds voor Leudal" in overview
    assert "kr-light--green" in overview
    assert "Op tijd" in overview


def test_the_commitment_form_shows_errors_next_to_the_fields(coordinator, signed):
    data = COMMITMENT_FORM | {"ends_on": "2024-01-01"}
    response = client_for(coordinator).post(reverse("alliance:commitment_create", args=[signed.organisation_id]), data)
    assert response.status_code == 200
    assert "De einddatum ligt voor de startdatum." in response.content.decode()
    assert not Commitment.objects.exists()


def test_adding_a_commitment_before_signing_sends_the_coordinator_to_the_pledge(coordinator, pledge):
    response = client_for(coordinator).get(reverse("alliance:commitment_create", args=[coordinator.organisation_id]))
    assert response.status_code == 302
    assert response["Location"] == reverse("alliance:pledge_sign", args=[coordinator.organisation_id])


def test_editing_a_commitment_saves_a_new_version(coordinator, signed):
    client = client_for(coordinator)
    client.post(reverse("alliance:commitment_create", args=[signed.organisation_id]), COMMITMENT_FORM)
    commitment = Commitment.objects.get()
    data = COMMITMENT_FORM | {"planned_reach": "150", "indicator-INITIAL_FORMS": "1"}
    response = client.post(reverse("alliance:commitment_update", args=[commitment.pk]), data, follow=True)
    assert "De wijzigingen zijn opgeslagen" in response.content.decode()
    assert commitment.versions.count() == 2
    assert "gepland bereik" in response.content.decode()


@time_machine.travel(NOW, tick=False)
def test_the_overview_shows_each_light_with_its_text(signed, client):
    green = CommitmentFactory(organisation=signed.organisation, title="Groen", starts_on=datetime.date(2024, 1, 1))
    ProgressReportFactory(commitment=green, reported_on=datetime.date(2025, 3, 1))
    amber = CommitmentFactory(organisation=signed.organisation, title="Oranje", starts_on=datetime.date(2024, 1, 1))
    ProgressReportFactory(commitment=amber, reported_on=datetime.date(2024, 7, 1))
    CommitmentFactory(organisation=signed.organisation, title="Rood", starts_on=datetime.date(2024, 1, 1))
    page = client.get(reverse("alliance:overview")).content.decode()
    for text in ("Op tijd", "Verslag binnenkort nodig", "Verslag te laat"):
        assert text in page
    only_red = client.get(reverse("alliance:overview"), {"status": "red"}).content.decode()
    assert "Rood" in only_red
    assert "Groen" not in only_red


def test_the_overview_filters_by_activity_kind_and_municipality(signed, other_signed, client):
    CommitmentFactory(organisation=signed.organisation, title="Leudal signaleert", municipality_codes=["GM1640"])
    CommitmentFactory(
        organisation=other_signed.organisation, title="Amsterdam lost op", solve=True, municipality_codes=["GM0363"]
    )
    page = client.get(reverse("alliance:overview"), {"gemeente": "GM1640"}).content.decode()
    assert "Leudal signaleert" in page
    assert "Amsterdam lost op" not in page
    page = client.get(reverse("alliance:overview"), {"activiteit": "solve"}).content.decode()
    assert "Amsterdam lost op" in page
    assert "Leudal signaleert" not in page
    page = client.get(reverse("alliance:overview"), {"soort": "fund"}).content.decode()
    assert "Geen inzet gevonden" in page


def test_a_withdrawn_partner_leaves_the_public_pages(signed, client):
    commitment = CommitmentFactory(organisation=signed.organisation, title="Verdwijnt", municipality_codes=["GM1640"])
    PledgeSignature.objects.filter(pk=signed.pk).update(ended_on=datetime.date(2025, 1, 1), end_reason="withdrawn")
    assert "Verdwijnt" not in client.get(reverse("alliance:overview")).content.decode()
    assert client.get(reverse("alliance:commitment_detail", args=[commitment.pk])).status_code == 404
    assert signed.organisation.name not in client.get(reverse("alliance:partners")).content.decode()


@pytest.mark.parametrize("name", ["alliance:index", "alliance:pledge", "alliance:partners", "alliance:overview"])
def test_public_pages_open_without_login(name, client, signed):
    assert client.get(reverse(name)).status_code == 200


def test_the_pledge_page_shows_the_four_points_and_listening_to_children(client, pledge):
    page = client.get(reverse("alliance:pledge")).content.decode()
    for point in ("Signaleren", "Oplossen", "Samenwerken", "Monitoren", "wensen van kinderen"):
        assert point in page


def test_the_overview_needs_a_fixed_number_of_queries(signed, client, django_assert_max_num_queries):
    for _ in range(5):
        CommitmentFactory(organisation=signed.organisation, municipality_codes=["GM1640"])
    with django_assert_max_num_queries(8):
        client.get(reverse("alliance:overview"))
