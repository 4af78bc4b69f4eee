"""The coordinator's alliance flow in a real browser, with axe-core on every page."""

from __future__ import annotations

import datetime
import re

import pytest

from kansrijk.alliance.tests.factories import CommitmentFactory, PledgeSignatureFactory, PledgeVersionFactory
from kansrijk.conftest import with_totp
from kansrijk.core.testing.browser import assert_accessible, log_in
from kansrijk.organisations.tests.factories import PASSWORD, MembershipFactory, OrganisationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, membership):
    log_in(page, membership.user.email, PASSWORD, with_totp(membership))
    page.wait_for_url(re.compile("/mijn-kansrijk/"))


def _fill_commitment(page):
    page.get_by_label("Naam van de inzet").fill("Sport voor elk kind")
    page.get_by_label("Activiteit van de alliantie").select_option("solve")
    page.get_by_label("Wat ga je precies doen?").fill("We betalen contributie en sportspullen.")
    page.get_by_label("Hoeveel wil je per jaar bereiken?").fill("150")
    page.get_by_label("Startdatum").fill("2025-01-01")
    page.get_by_label("Einddatum").fill("2027-12-31")
    page.get_by_label("Contactpersoon", exact=True).fill("Ahmed Bakker")
    page.get_by_label("E-mail van de contactpersoon").fill("ahmed@example.org")
    page.locator("#id_indicator-0-name").fill("Kinderen die sporten")
    page.locator("#id_indicator-0-target").fill("150")


def test_a_coordinator_signs_commits_and_reports_and_the_overview_shows_green(page):
    PledgeVersionFactory()
    fund = OrganisationFactory(name="Sportfonds Leudal", fund=True, municipality_codes=["GM1640"])
    _log_in(page, MembershipFactory(organisation=fund, coordinator=True))
    page.get_by_role("link", name="Alliantie").first.click()
    assert_accessible(page)
    page.get_by_role("link", name="Pledge ondertekenen").click()
    assert_accessible(page)
    page.get_by_label("Naam van wie ondertekent").fill("Marieke Smeets")
    page.get_by_label("Functie van wie ondertekent").fill("directeur")
    page.get_by_label(re.compile("^Deze persoon mag")).check()
    page.get_by_role("button", name="Pledge ondertekenen").click()
    assert "De pledge is ondertekend" in page.locator(".kr-messages").inner_text()
    page.get_by_role("link", name="Inzet toevoegen").click()
    assert_accessible(page)
    _fill_commitment(page)
    page.get_by_role("button", name="Inzet opslaan").click()
    assert "Je inzet is opgeslagen" in page.locator(".kr-messages").inner_text()
    assert_accessible(page)
    page.get_by_role("link", name="Voortgang rapporteren").click()
    assert_accessible(page)
    page.get_by_label("Wat heb je gedaan?").fill("120 kinderen sporten nu.")
    page.get_by_label("Hoeveel heb je bereikt?").fill("120")
    page.get_by_role("button", name="Verslag opslaan").click()
    assert "voortgangsverslag is opgeslagen" in page.locator(".kr-messages").inner_text()
    page.goto("/alliantie/wie-doet-wat/?gemeente=GM1640")
    row = page.get_by_role("row").filter(has_text="Sport voor elk kind")
    assert "Op tijd" in row.inner_text()
    assert_accessible(page)


def test_the_public_alliance_pages_are_accessible(page):
    version = PledgeVersionFactory()
    school = OrganisationFactory(name="Scholengroep Één & Zoë", school=True, municipality_codes=["GM1640"])
    PledgeSignatureFactory(organisation=school, pledge_version=version)
    CommitmentFactory(organisation=school, municipality_codes=["GM1640"], starts_on=datetime.date(2020, 1, 1))
    for url in (
        "/alliantie/",
        "/alliantie/pledge/",
        "/alliantie/partners/",
        "/alliantie/wie-doet-wat/",
        "/alliantie/gemeenten/GM1640/",
        "/alliantie/gemeenten/GM1640/aansluiten/",
    ):
        page.goto(url)
        assert_accessible(page)
    page.goto("/alliantie/wie-doet-wat/")
    assert "Verslag te laat" in page.get_by_role("row").filter(has_text="Scholengroep").inner_text()
