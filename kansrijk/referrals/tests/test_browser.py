"""The whole loop in a real browser: a teacher raises a concern, records consent, refers to
Jeugdfonds Sport & Cultuur and Leergeld; the fund accepts and completes; the teacher sees it."""

import re

import pytest

from kansrijk.conftest import with_totp
from kansrijk.core.testing.browser import assert_accessible, log_in
from kansrijk.organisations.tests.factories import PASSWORD, MembershipFactory, OrganisationFactory
from kansrijk.referrals.tests.factories import ensure_need_taxonomy
from kansrijk.socialmap.services import ServiceData, service_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, membership):
    log_in(page, membership.user.email, PASSWORD, with_totp(membership))
    page.wait_for_url(re.compile("/mijn-kansrijk/"))


@pytest.fixture
def world(municipalities):
    ensure_need_taxonomy()
    school = OrganisationFactory(name="Scholengroep Maas en Peel", school=True, municipality_codes=["GM1640"])
    jeugdfonds = OrganisationFactory(name="Jeugdfonds Sport & Cultuur", fund=True)
    leergeld = OrganisationFactory(name="Stichting Leergeld", fund=True)
    service_create(
        actor=None,
        organisation=jeugdfonds,
        data=ServiceData(
            name="Bijdrage voor sport",
            need_codes=("sport",),
            municipality_codes=("GM1640",),
            description="Contributie.",
        ),
    )
    service_create(
        actor=None,
        organisation=leergeld,
        data=ServiceData(
            name="Schoolspullen en schoolreis",
            need_codes=("schoolkosten",),
            municipality_codes=("GM1640",),
            description="Schoolreis en schoolspullen.",
        ),
    )
    return {
        "teacher": MembershipFactory(organisation=school),
        "fund": MembershipFactory(organisation=jeugdfonds, coordinator=True),
    }


def _raise_concern(page):
    page.goto("/zorgen/")
    assert_accessible(page)
    page.get_by_role("link", name="Nieuwe zorg melden").click()
    page.wait_for_url(re.compile("/zorgen/nieuw/"))
    assert_accessible(page)
    page.get_by_label(re.compile("^Geen sport of club")).check()
    page.get_by_label(re.compile("^Mist schoolreisjes")).check()
    page.locator("#id_kind-0-first_name").fill("Sam")
    page.locator("#id_kind-0-birth_year").fill("2016")
    page.locator("#id_kind-0-wish_need").select_option("sport")
    page.locator("#id_kind-0-wish_text").fill("voetballen bij de club")
    page.locator("#id_kind-0-wish2_need").select_option("schoolkosten")
    page.locator("#id_kind-0-wish2_text").fill("mee op schoolreis")
    page.get_by_role("button", name="Zorg opslaan").click()
    page.wait_for_url(re.compile(r"/zorgen/[0-9a-f-]{36}/$"))
    assert_accessible(page)


def _consent_and_refer(page):
    page.get_by_role("link", name="Gespreksleidraad: geldzorgen bespreken").click()
    assert_accessible(page)
    page.go_back()
    page.get_by_role("link", name="Toestemming vastleggen").click()
    assert_accessible(page)
    page.get_by_label("Ouder", exact=True).check()
    page.get_by_label("Jeugdfonds Sport & Cultuur").check()
    page.get_by_label("Stichting Leergeld").check()
    page.get_by_label("Met een getekend formulier").check()
    page.get_by_role("button", name="Toestemming opslaan").click()
    page.get_by_role("link", name="Verwijzen naar hulp").click()
    assert_accessible(page)
    page.get_by_label(re.compile("^Bijdrage voor sport")).check()
    page.get_by_label(re.compile("^Schoolspullen en schoolreis")).check()
    page.get_by_label("Notitie voor de organisatie").fill("Moeder is op de hoogte.")
    page.get_by_role("button", name="Verwijzing versturen").click()
    page.wait_for_url(re.compile(r"/zorgen/[0-9a-f-]{36}/$"))
    assert page.locator(".kr-status").all_inner_texts() == ["Verstuurd", "Verstuurd"]


def _fund_completes(page):
    page.goto("/zorgen/")
    page.get_by_role("link", name="Bijdrage voor sport").first.click()
    page.wait_for_url(re.compile("/zorgen/verwijzingen/"))
    assert_accessible(page)
    assert "Sam" in page.content()
    assert "voetballen bij de club" in page.content()
    assert "mee op schoolreis" not in page.content()  # that wish is for Leergeld
    page.get_by_role("button", name="Accepteren").click()
    page.get_by_role("button", name="We zijn ermee bezig").click()
    page.get_by_label("Welke hulp is gegeven?").fill("Contributie voetbalclub voor een jaar")
    page.get_by_label(re.compile("^Bedrag in euro")).fill("225,00")
    page.get_by_role("button", name="Hulp is gegeven").click()
    assert page.locator(".kr-status").inner_text() == "Hulp gegeven"
    assert_accessible(page)


def test_a_concern_goes_from_teacher_to_fund_and_the_teacher_sees_the_help_delivered(browser, live_server, page, world):
    _log_in(page, world["teacher"])
    _raise_concern(page)
    _consent_and_refer(page)
    concern_url = page.url
    fund_context = browser.new_context(base_url=live_server.url, locale="nl-NL")
    fund_page = fund_context.new_page()
    fund_page.set_default_timeout(10_000)
    try:
        _log_in(fund_page, world["fund"])
        _fund_completes(fund_page)
    finally:
        fund_context.close()
    page.goto(concern_url)
    assert sorted(page.locator(".kr-status").all_inner_texts()) == ["Hulp gegeven", "Verstuurd"]
    assert "Contributie voetbalclub voor een jaar" in page.content()
    assert "€ 225,00" in page.content()
    page.goto("/zorgen/")
    assert re.search(r"Verwijzing voor 'Bijdrage voor sport' over S\., [0-9 of]+ jaar: hulp gegeven\.", page.content())
    assert_accessible(page)
