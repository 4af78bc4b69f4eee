"""A postcode we cannot place, in a real browser without JavaScript: the question for the
municipality is a plain select that works, on the social map and in the family check."""

from __future__ import annotations

import re

import pytest

from kansrijk.core.testing.browser import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(municipalities: None) -> None:
    from kansrijk.demo.loaders import organisations, screener, socialmap
    from kansrijk.referrals.tests.factories import ensure_need_taxonomy
    from kansrijk.screener.selectors import forget_municipality_codes

    forget_municipality_codes()
    ensure_need_taxonomy()  # a transactional test's flush removed the migration's rows
    organisations.load()
    socialmap.load()
    screener.load()


def test_the_social_map_asks_for_the_municipality_of_an_unknown_postcode(page, demo):
    page.goto("/sociale-kaart/?postcode=9999+ZZ&behoefte=sport")
    question = page.locator("#gemeente-vraag")
    question.get_by_role("group", name="In welke gemeente woont u?").wait_for()
    assert_accessible(page)


def test_the_question_works_without_javascript(page_without_javascript, demo):
    page = page_without_javascript
    page.goto("/sociale-kaart/?postcode=9999+ZZ&behoefte=sport")
    question = page.locator("#gemeente-vraag")
    question.get_by_label("Gemeente").select_option("GM1640")
    question.get_by_role("button", name="Zoeken in deze gemeente").click()
    page.wait_for_url(re.compile(r"gemeente=GM1640"))
    assert "behoefte=sport" in page.url
    assert page.get_by_role("link", name="Bijdrage voor sport").count() >= 1


def test_the_family_check_asks_for_the_municipality_of_an_unknown_postcode_without_javascript(
    page_without_javascript, demo
):
    page = page_without_javascript
    page.goto("/wat-kan-ik-krijgen/")
    page.get_by_label("Wat is uw postcode?").fill("9999 ZZ")
    page.get_by_role("button", name="Volgende stap").click()
    page.locator("#id_gemeente_error").get_by_text("Postcode 9999 ZZ kennen we nog niet.").wait_for()
    page.get_by_label("In welke gemeente woont u?").select_option("GM1640")
    page.get_by_role("button", name="Volgende stap").click()
    page.get_by_label("Uw leeftijd").wait_for()
