"""In a real browser: a fund that accepted a referral finds out the family is not eligible after
all and declines it with a coded reason; the teacher sees why."""

import re

import pytest

from kansrijk.conftest import with_totp
from kansrijk.core.testing.browser import assert_accessible, log_in
from kansrijk.organisations.tests.factories import PASSWORD, MembershipFactory, OrganisationFactory
from kansrijk.referrals.tests.factories import ConcernFactory, ReferralFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_fund_declines_an_accepted_referral_with_a_reason_code(browser, live_server, page, municipalities):
    school = OrganisationFactory(name="Basisschool De Linde", school=True, municipality_codes=["GM1640"])
    fund = OrganisationFactory(name="Stichting Leergeld Test", fund=True)
    teacher = MembershipFactory(organisation=school)
    worker = MembershipFactory(organisation=fund, coordinator=True)
    referral = ReferralFactory(
        receiver=fund, accepted=True, concern=ConcernFactory(organisation=school), created_by=teacher.user
    )

    log_in(page, worker.user.email, PASSWORD, with_totp(worker))
    page.wait_for_url(re.compile("/mijn-kansrijk/"))
    page.goto("/zorgen/verwijzingen/")
    assert_accessible(page)
    page.get_by_role("link", name=referral.service_name).click()
    page.wait_for_url(re.compile(r"/zorgen/verwijzingen/[0-9a-f-]{36}/$"))
    assert "Verwezen door" in page.content()
    assert_accessible(page)
    decline = page.locator("form", has=page.get_by_role("button", name="Afwijzen"))
    decline.get_by_role("button", name="Afwijzen").click()  # no reason chosen: the browser holds it back
    assert page.locator(".kr-status").inner_text() == "Geaccepteerd"
    decline.get_by_label("Komt niet in aanmerking").check()
    decline.get_by_label(re.compile("^Toelichting")).fill("Inkomen net boven onze grens.")
    decline.get_by_role("button", name="Afwijzen").click()
    page.wait_for_load_state()
    assert page.locator(".kr-status").inner_text() == "Afgewezen"
    assert "Reden van afwijzen: Komt niet in aanmerking" in page.locator("main").inner_text()
    assert "Inkomen net boven onze grens." in page.content()
    assert_accessible(page)

    teacher_context = browser.new_context(base_url=live_server.url, locale="nl-NL")
    teacher_page = teacher_context.new_page()
    try:
        log_in(teacher_page, teacher.user.email, PASSWORD, with_totp(teacher))
        teacher_page.wait_for_url(re.compile("/mijn-kansrijk/"))
        teacher_page.goto("/zorgen/")
        assert "afgewezen (komt niet in aanmerking)." in teacher_page.content()
    finally:
        teacher_context.close()
