"""Mijn Kansrijk and the header in a real browser: the teacher's blocks, a header of one row at 1280 px."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from kansrijk.conftest import with_totp
from kansrijk.core.testing.browser import assert_accessible, log_in
from kansrijk.home.tests.factories_world import teacher_world
from kansrijk.organisations.tests.factories import PASSWORD, MembershipFactory, OrganisationFactory
from kansrijk.referrals.tests.factories import ConcernFactory, ConsentFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOT = "/tmp/homes-mijn-kansrijk.png"


def test_the_teachers_mijn_kansrijk_shows_a_count_and_a_link_in_each_block(page, municipalities):
    world = teacher_world()
    ending = timezone.now() + timedelta(days=5)
    ConsentFactory(concern=ConcernFactory(organisation=world.teacher.organisation), expires_at=ending)
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, world.teacher.user.email, PASSWORD, with_totp(world.teacher))
    page.wait_for_url(re.compile("/mijn-kansrijk/"))
    blocks = page.locator(".kr-attention__block")
    assert blocks.count() == 5
    counts = {
        blocks.nth(i).get_attribute("data-block"): blocks.nth(i).locator(".kr-attention__count").inner_text()
        for i in range(5)
    }
    assert counts == {"waiting": "1", "answered": "2", "listings": "1", "reports": "1", "consents": "1"}
    assert_accessible(page)
    page.screenshot(path=SCREENSHOT, full_page=True)
    page.get_by_role("link", name="Beantwoord verwijzingen").click()
    page.wait_for_url(re.compile(r"/zorgen/verwijzingen/\?richting=in&status=sent"))
    assert page.get_by_role("heading", level=1).is_visible()
    page.go_back()
    page.get_by_role("link", name="Controleer jullie aanbod").click()
    page.wait_for_url(re.compile("/sociale-kaart/beheer/"))
    assert "Huiswerkklas" in page.content()


def _top_offsets(page):
    return page.evaluate(
        """() => [...document.querySelectorAll(
            '.kr-logo, .kr-nav__item, .kr-header__tools > *')].map((el) => el.getBoundingClientRect().top +
            el.getBoundingClientRect().height / 2)"""
    )


def test_the_header_fits_one_row_at_1280_px_when_logged_in(page, municipalities):
    # The most menu items: a coordinator of a municipality, with a long name and several organisations.
    membership = MembershipFactory(
        organisation=OrganisationFactory(name="Gemeente Leudal", municipality=True, municipality_codes=["GM1640"]),
        coordinator=True,
        user__full_name="Annemarie van den Heuvel-Schoonderwoerd",
    )
    MembershipFactory(
        user=membership.user, organisation=OrganisationFactory(name="Stichting Leergeld Leudal", fund=True)
    )
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, membership.user.email, PASSWORD, with_totp(membership))
    page.wait_for_url(re.compile("/mijn-kansrijk/"))
    centres = _top_offsets(page)
    assert len(centres) >= 8
    assert max(centres) - min(centres) <= 2, centres
    nav_tops = page.evaluate("() => [...document.querySelectorAll('.kr-nav__item')].map((el) => el.offsetTop)")
    assert len(set(nav_tops)) == 1, nav_tops
    header = page.locator(".kr-header__inner").bounding_box()
    assert header["height"] < 80, header
    # The role pages are one click away, in the "Mijn Kansrijk" menu.
    page.locator(".kr-nav summary").click()
    assert page.get_by_role("link", name="Dekking en aansluiten").is_visible()
    assert page.get_by_role("link", name="Regelingen").is_visible()
    assert_accessible(page)
    page.locator(".kr-account summary").click()
    assert "Gemeente Leudal · Coördinator" in page.locator("header").inner_text()
    assert_accessible(page)
    # On a phone the header wraps instead of running off the screen (WCAG 1.4.10).
    page.set_viewport_size({"width": 375, "height": 800})
    wide = page.evaluate(
        """() => [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > 376)
            .map((el) => el.tagName + '.' + el.className + ' ' + Math.round(el.getBoundingClientRect().right))"""
    )
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 375, wide[:8]
