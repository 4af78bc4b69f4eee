"""The token page and the access review in a real browser: reachable from the menu, no axe findings."""

import re

import pytest

from kansrijk.accounts.services import api_token_create
from kansrijk.conftest import with_totp
from kansrijk.core.testing.browser import assert_accessible, log_in
from kansrijk.organisations.tests.factories import PASSWORD, MembershipFactory, OrganisationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_administrator_reviews_access_and_makes_a_token_from_the_menu(page):
    organisation = OrganisationFactory(name="Stichting Toegang Test")
    administrator = MembershipFactory(organisation=organisation, administrator=True)
    colleague = MembershipFactory(organisation=organisation)
    with_totp(colleague)
    api_token_create(actor=None, user=colleague.user, name="Koppeling")
    log_in(page, administrator.user.email, PASSWORD, with_totp(administrator))
    page.wait_for_url(re.compile("/mijn-kansrijk/"))

    page.locator(".kr-account > summary").click()  # the account menu holds access and API keys
    page.get_by_role("link", name="Toegang", exact=True).click()
    page.wait_for_url(f"**/organisaties/{organisation.pk}/toegang/")
    assert colleague.user.email in page.content()
    assert_accessible(page)
    page.get_by_role("button", name=f"Sleutels intrekken {colleague.user.email}").click()
    page.wait_for_url(f"**/organisaties/{organisation.pk}/toegang/")
    assert "ingetrokken" in page.content()

    page.locator(".kr-account > summary").click()
    page.get_by_role("link", name="API-sleutels", exact=True).click()
    page.wait_for_url("**/api-sleutels/")
    assert_accessible(page)
    page.get_by_label("Naam").fill("Export naar Excel")
    page.get_by_role("button", name="Sleutel maken").click()
    secret = page.locator("code.kr-secret").inner_text()
    assert secret.startswith("kr_")
    assert_accessible(page)
