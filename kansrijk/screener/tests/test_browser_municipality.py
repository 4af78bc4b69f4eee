"""The municipality's journey in a real browser: a coordinator of Gemeente Leudal raises the
kindpakket's income limit, sees the effect on families around the new limit and the change log in
words and euros, then goes from the coverage view to signing the pledge. axe-core on every page."""

from __future__ import annotations

import re

import pytest

from kansrijk.alliance.tests.factories import PledgeVersionFactory
from kansrijk.conftest import with_totp
from kansrijk.core.testing.browser import assert_accessible, log_in
from kansrijk.demo.world import DEMO_PASSWORD
from kansrijk.organisations.models import Organisation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _edit_the_limit(page) -> None:
    page.locator("summary", has_text="Mijn Kansrijk").click()  # the person's own pages are in this menu
    page.get_by_role("link", name="Regelingen").first.click()
    assert_accessible(page)
    page.get_by_role("link", name="Kindpakket Leudal").click()
    assert_accessible(page)
    page.get_by_role("link", name="Wijzigen").click()
    page.get_by_label("Inkomensgrens in % van de bijstandsnorm").fill("130")
    page.get_by_label("Geldt vanaf").fill("2026-12-01")
    page.get_by_label("Wat is er veranderd en waarom?").fill("Meer gezinnen bereiken")
    page.get_by_role("button", name="Bekijk het effect").click()
    page.get_by_role("heading", name="Effect van de wijziging").wait_for()
    assert_accessible(page)


def _check_the_preview(page) -> None:
    preview = page.locator(".kr-preview")
    assert "net onder de nieuwe inkomensgrens ligt (1% lager)" in preview.inner_text()
    rows = preview.locator("table").nth(1).locator("tbody tr")
    assert rows.count() == 6
    below = rows.filter(has_text="1% onder de grens").first.inner_text()
    above = rows.filter(has_text="1% boven de grens").first.inner_text()
    assert re.search(r"Nee\s+Ja, € 250,00 per jaar", below), below  # now no, after the change yes
    assert re.search(r"Nee\s+Nee", above), above


def test_a_municipality_edits_a_limit_sees_words_and_families_then_joins_the_alliance(page, demo):
    PledgeVersionFactory()
    membership = Organisation.objects.get(name="Gemeente Leudal").memberships.get()
    log_in(page, membership.user.email, DEMO_PASSWORD, with_totp(membership))
    page.wait_for_url(re.compile("/mijn-kansrijk/"))
    _edit_the_limit(page)
    _check_the_preview(page)
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_role("heading", name="Logboek").wait_for()
    log = page.locator(".kr-change-log").inner_text()
    assert "Inkomensgrens van 120% naar 130% van de bijstandsnorm" in log
    assert "Startdatum van 1 januari 2026 naar 1 december 2026" in log
    assert "Meer gezinnen bereiken" in log
    assert "GM1640" not in page.locator("main").inner_text()
    assert_accessible(page)

    page.goto("/alliantie/")
    page.get_by_role("link", name=re.compile("^Dekking in uw gemeente")).click()
    page.wait_for_url(re.compile("/gemeenten/GM1640/aansluiten/"))
    assert_accessible(page)
    page.get_by_role("link", name="Aansluiten bij de alliantie").click()
    page.get_by_role("heading", level=1, name="Pledge ondertekenen").wait_for()
    assert_accessible(page)
    page.get_by_label("Naam van wie ondertekent").fill("Anja Peeters")
    page.get_by_label("Functie van wie ondertekent").fill("wethouder")
    page.get_by_label(re.compile("^Deze persoon mag")).check()
    page.get_by_role("button", name="Pledge ondertekenen").click()
    assert "De pledge is ondertekend namens Gemeente Leudal" in page.locator(".kr-messages").inner_text()
