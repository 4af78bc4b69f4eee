"""The service-area picker in a real browser: without JavaScript (choose a province, save, see its
municipalities) and with the JavaScript text filter."""

import re

import pytest

from kansrijk.conftest import with_totp
from kansrijk.core.testing.browser import assert_accessible, log_in
from kansrijk.organisations.tests.factories import PASSWORD, MembershipFactory, OrganisationFactory
from kansrijk.referrals.tests.factories import ensure_need_taxonomy
from kansrijk.socialmap.tests.factories import HsdsOrganizationFactory, ServiceFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FLEVOLAND = ["Almere", "Dronten", "Lelystad", "Noordoostpolder", "Urk", "Zeewolde"]


def _listing_owner(page, name):
    ensure_need_taxonomy()  # a transactional test's flush removed the migration's rows
    membership = MembershipFactory(organisation=OrganisationFactory(name=name, fund=True), coordinator=True)
    service = ServiceFactory(
        name="Huiswerkklas", organization=HsdsOrganizationFactory(organisation=membership.organisation), needs=["sport"]
    )
    log_in(page, membership.user.email, PASSWORD, with_totp(membership))
    page.wait_for_url(re.compile("/mijn-kansrijk/"))
    return service


def test_a_whole_province_is_chosen_and_saved_without_javascript(page_without_javascript):
    page = page_without_javascript
    service = _listing_owner(page, "Stichting Leergeld Flevoland")
    page.goto(f"/sociale-kaart/beheer/hulp/{service.id}/")
    page.locator("summary", has_text="Flevoland").click()
    page.get_by_label("Heel Flevoland").check()
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(re.compile(f"/sociale-kaart/hulp/{service.id}/|/sociale-kaart/beheer/"))
    page.goto(f"/sociale-kaart/beheer/hulp/{service.id}/")
    province = page.locator("details[data-province]", has=page.locator("summary", has_text="Flevoland"))
    assert province.get_attribute("open") is not None
    for name in FLEVOLAND:
        assert province.get_by_label(name, exact=True).is_checked(), name
    assert not page.get_by_label("Leudal", exact=True).is_checked()
    assert not page.locator("[data-area-filter]").is_visible()


def test_the_text_filter_finds_a_municipality_and_the_form_is_accessible(page):
    service = _listing_owner(page, "Stichting Leergeld Leudal")
    page.goto(f"/sociale-kaart/beheer/hulp/{service.id}/")
    assert_accessible(page)
    page.get_by_label("Zoek een gemeente").fill("leud")
    assert page.get_by_label("Leudal", exact=True).is_visible()
    assert not page.get_by_label("Almere", exact=True).is_visible()
    page.get_by_label("Leudal", exact=True).check()
    page.get_by_label("Zoek een gemeente").fill("")
    page.get_by_role("button", name="Opslaan").click()
    page.goto(f"/sociale-kaart/beheer/hulp/{service.id}/")
    assert page.get_by_label("Leudal", exact=True).is_checked()
    assert_accessible(page)
