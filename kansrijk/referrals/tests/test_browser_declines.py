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
        teacher_page.goto(f"/zorgen/{referral.concern_id}/")
        assert_accessible(teacher_page)  # the decline reason, and the form to close the concern
        teacher_page.get_by_label("Gezin wil geen hulp").check()
        teacher_page.get_by_role("button", name="Zorg afsluiten").click()
        assert "De zorg is afgesloten." in teacher_page.content()
        assert_accessible(teacher_page)
    finally:
        teacher_context.close()


def test_referring_shows_organisations_without_consent_disabled_without_javascript(page_without_javascript):
    from kansrijk.referrals.tests.factories import ConsentFactory, ensure_need_taxonomy
    from kansrijk.socialmap.services import ServiceData, service_create

    ensure_need_taxonomy()
    school = OrganisationFactory(name="Basisschool De Linde", school=True, municipality_codes=["GM1640"])
    teacher = MembershipFactory(organisation=school)
    funds = {}
    for name, service in (("Jeugdfonds Sport & Cultuur", "Bijdrage voor sport"), ("Stichting Leergeld", "Zwemles")):
        funds[name] = OrganisationFactory(name=name, fund=True)
        service_create(
            actor=None,
            organisation=funds[name],
            data=ServiceData(name=service, need_codes=("sport",), municipality_codes=("GM1640",), description="."),
        )
    concern = ConcernFactory(organisation=school)
    ConsentFactory(concern=concern, organisations=[funds["Jeugdfonds Sport & Cultuur"]])

    page = page_without_javascript
    log_in(page, teacher.user.email, PASSWORD, with_totp(teacher))
    page.wait_for_url(re.compile("/mijn-kansrijk/"))
    page.goto(f"/zorgen/{concern.pk}/verwijzen/")
    allowed = page.get_by_label(re.compile("^Bijdrage voor sport"))
    blocked = page.get_by_label(re.compile(r"^Zwemles — Stichting Leergeld.*\(vraag eerst toestemming\)"))
    assert allowed.is_enabled()
    assert blocked.is_disabled()
    assert page.get_by_role("link", name="Toestemming vastleggen").count() == 1
    allowed.check()
    page.get_by_role("button", name="Verwijzing versturen").click()
    page.wait_for_url(re.compile(rf"/zorgen/{concern.pk}/$"))
    assert page.locator(".kr-status").all_inner_texts() == ["Verstuurd"]
