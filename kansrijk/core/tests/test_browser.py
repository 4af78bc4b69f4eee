"""The foundation's pages in a real browser: Dutch first, two-factor login, no axe findings."""

import re

import pytest

from kansrijk.conftest import with_totp
from kansrijk.core.testing.browser import assert_accessible, log_in
from kansrijk.core.totp import current_totp_code
from kansrijk.organisations.tests.factories import PASSWORD, MembershipFactory, OrganisationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, membership, secret, *, check_accessibility=True):
    log_in(page, membership.user.email, PASSWORD, secret, check_accessibility=check_accessibility)


def test_the_home_page_is_dutch_and_accessible(page):
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.get_by_role("heading", level=1).inner_text() == "Samen tegen kinderarmoede"
    assert_accessible(page)


def test_a_member_logs_in_with_password_and_totp_and_sees_their_organisation_and_role(page):
    membership = MembershipFactory(organisation=OrganisationFactory(name="Stichting Leergeld Test"))
    secret = with_totp(membership)
    _log_in(page, membership, secret)
    page.wait_for_url(re.compile("/mijn-kansrijk/"))
    page.locator(".kr-account summary").click()
    assert "Stichting Leergeld Test · Medewerker" in page.locator("header").inner_text()
    assert_accessible(page)


def test_the_organisation_page_is_reachable_from_the_list(page):
    organisation = OrganisationFactory(name="Jeugdfonds Test", fund=True, municipality_codes=["GM1640"])
    page.goto("/organisaties/")
    assert_accessible(page)
    page.get_by_role("link", name="Jeugdfonds Test").click()
    page.wait_for_url(f"**/organisaties/{organisation.pk}/")
    assert page.get_by_role("heading", level=1).inner_text() == "Jeugdfonds Test"
    assert "Leudal" in page.content()
    assert_accessible(page)


def test_the_language_switch_turns_the_site_english_and_back(page):
    page.goto("/organisaties/")
    page.get_by_role("button", name="English").click()
    page.wait_for_url(re.compile("/en/organisaties/"))
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == "Organisations"
    assert_accessible(page)
    page.get_by_role("button", name="Nederlands").click()
    page.wait_for_url(re.compile(r"^[^?]*/organisaties/$"))
    assert page.locator("html").get_attribute("lang") == "nl"


def test_login_and_language_switch_work_without_javascript(page_without_javascript):
    page = page_without_javascript
    membership = MembershipFactory()
    secret = with_totp(membership)
    page.goto("/")
    page.get_by_role("button", name="English").click()
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_role("button", name="Nederlands").click()
    assert page.locator("html").get_attribute("lang") == "nl"
    # axe-core is JavaScript itself, so accessibility is checked in the tests with JavaScript on.
    _log_in(page, membership, secret, check_accessibility=False)
    page.wait_for_url(re.compile("/mijn-kansrijk/"))
    # The account menu is a <details>: it opens without JavaScript.
    page.locator(".kr-account summary").click()
    assert membership.organisation.name in page.locator("header").inner_text()


def test_a_new_member_must_set_up_an_authenticator_before_anything_else(page):
    membership = MembershipFactory()
    page.goto("/accounts/login/")
    page.get_by_label(re.compile("^E-mail")).fill(membership.user.email)
    page.get_by_label(re.compile("^Wachtwoord")).fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    # allauth asks for the password once more before a security setting changes.
    page.wait_for_url(re.compile("/accounts/reauthenticate/"))
    assert_accessible(page)
    page.get_by_label(re.compile("^Wachtwoord")).fill(PASSWORD)
    page.get_by_role("button", name=re.compile("Bevestigen|Confirm")).click()
    page.wait_for_url(re.compile("/accounts/2fa/totp/activate/"))
    assert_accessible(page)
    secret = page.locator("#authenticator_secret").input_value()
    page.get_by_label(re.compile("code", re.IGNORECASE)).fill(current_totp_code(secret))
    page.get_by_role("button", name=re.compile("Activeer|Activeren|Activate")).click()
    page.goto("/mijn-kansrijk/")
    assert page.get_by_role("heading", level=1).inner_text() == "Mijn Kansrijk"
    assert_accessible(page)
