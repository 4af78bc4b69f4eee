"""The family's follow-up in a real browser: the offer on the answer page, the code page, coming
back with the code, a mistake and its error summary, the answers, thanks. Every page is checked
with axe-core (WCAG 2.1 AA) and for developer text."""

from __future__ import annotations

import re

import pytest

from kansrijk.core.testing.browser import assert_accessible
from kansrijk.core.testing.developer_text import assert_no_developer_text
from kansrijk.takeup.models import TakeUpAnswer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _check(page) -> None:
    assert_no_developer_text(page.content())
    assert_accessible(page)


def test_the_family_follow_up_pages_are_accessible_and_speak_of_scheme_names(page, demo):
    page.goto("/wat-kan-ik-krijgen/?gemeente=GM1640&partner=nee&kinderen=1")
    page.get_by_label("Uw leeftijd").fill("35")
    page.get_by_label("Uw netto inkomen per maand").fill("1500")
    page.get_by_label("Uw bruto inkomen per jaar").fill("21000")
    page.get_by_label("Leeftijd van kind 1").fill("8")
    page.get_by_label("School van kind 1").select_option("primary")
    page.get_by_label("Hoeveel kale huur betaalt u per maand?").fill("650")
    page.get_by_role("button", name="Bekijk wat u kunt krijgen").click()
    page.get_by_role("heading", level=2, name="Wilt u ons later vertellen hoe het ging?").wait_for()
    _check(page)
    page.get_by_label("Uw e-mailadres").fill("ouder@example.org")
    page.get_by_role("button", name="Maak een code").click()
    page.get_by_role("heading", level=1, name="Uw code").wait_for()
    _check(page)
    assert "Kindpakket Leudal" in page.content()
    code = page.locator("#code").inner_text().strip()
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}", code)

    page.goto("/wat-kan-ik-krijgen/hoe-ging-het/")
    _check(page)
    page.get_by_label("Uw code").fill(code.lower())
    page.get_by_role("button", name="Verder").click()
    page.get_by_role("heading", level=1, name="Hoe ging het?").wait_for()
    page.get_by_role("heading", level=2, name="Kindpakket Leudal").wait_for()
    _check(page)
    page.get_by_role("button", name="Versturen").click()
    page.locator("[data-error-summary]").wait_for()
    _check(page)
    count = page.locator('input[name^="antwoord_"][value="received"]').count()
    assert count >= 2
    for index in range(1, count + 1):
        page.locator(f'input[name="antwoord_{index}"][value="received"]').check()
        page.locator(f'input[name="smiley_{index}"][value="4"]').check()
    page.get_by_role("button", name="Versturen").click()
    page.get_by_role("heading", level=1, name="Dank u wel").wait_for()
    _check(page)
    assert TakeUpAnswer.objects.filter(answer="received", helped_score=4).count() == count
