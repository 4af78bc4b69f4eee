"""The parent's journey in a real browser, as a newcomer with only the site in front of them:
home → "Wat kan ik krijgen?" → a mistake, the error summary → the answer → switch language on
the answer (answers kept) → PDF → privacy. In Dutch and English, with JavaScript and without.
Every page is checked with axe-core and for developer text."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pypdf
import pytest

from kansrijk.core.testing.browser import assert_accessible
from kansrijk.core.testing.developer_text import assert_no_developer_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WORDS = {
    "nl": {
        "start": "Wat kan ik krijgen?",
        "municipality": "In welke gemeente woont u?",
        "children": "Hoeveel kinderen wonen bij u?",
        "next": "Volgende stap",
        "age": "Uw leeftijd",
        "net": "Uw netto inkomen per maand",
        "gross": "Uw bruto inkomen per jaar",
        "child_age": "Leeftijd van kind 1",
        "school": "School van kind 1",
        "rent": "Hoeveel kale huur betaalt u per maand?",
        "submit": "Bekijk wat u kunt krijgen",
        "answer": "Wat u waarschijnlijk kunt krijgen",
        "missing_age": "Vul uw leeftijd in, in jaren. Bijvoorbeeld: 35.",
        "why": "Er woont een kind van 4 tot en met 17 jaar bij u.",
        "how": "Vraag het aan bij de gemeente Leudal",
        "switch": "English",
        "pdf": "Download als PDF",
        "privacy": "Privacy",
        "privacy_title": "Privacy: wat wij met uw gegevens doen",
    },
    "en": {
        "start": "What can I get?",
        "municipality": "Which municipality do you live in?",
        "children": "How many children live with you?",
        "next": "Next step",
        "age": "Your age",
        "net": "Your net income per month",
        "gross": "Your gross income per year",
        "child_age": "Age of child 1",
        "school": "School of child 1",
        "rent": "How much basic rent do you pay per month?",
        "submit": "See what you can get",
        "answer": "What you can probably get",
        "missing_age": "Enter your age, in years. For example: 35.",
        "why": "A child aged 4 to 17 lives with you.",
        "how": "Apply to the municipality of Leudal",
        "switch": "Nederlands",
        "pdf": "Download as PDF",
        "privacy": "Privacy",
        "privacy_title": "Privacy: what we do with your data",
    },
}
OTHER = {"nl": "en", "en": "nl"}


class Checker:
    """Runs axe-core and the developer-text check on every page the journey visits.

    Without JavaScript, axe-core (itself JavaScript) cannot run in the page: the page's HTML
    is then checked in a second, JavaScript-enabled page with the same styles."""

    def __init__(self, page, checker_page=None) -> None:
        self.page, self.checker_page = page, checker_page
        self.visited: list[str] = []

    def __call__(self) -> None:
        html = self.page.content()
        assert_no_developer_text(html)
        self.visited.append(self.page.url)
        if self.checker_page is None:
            assert_accessible(self.page)
            return
        base = re.match(r"https?://[^/]+", self.page.url).group(0)
        html = html.replace("<head>", f'<head><base href="{base}/">', 1)
        self.checker_page.goto(f"{base}/toegankelijkheid/")  # same origin, so our axe-core may load
        self.checker_page.set_content(html)
        assert_accessible(self.checker_page)


def _walk(page, check: Checker, language: str, tmp_path: Path, *, javascript: bool) -> None:
    w, o = WORDS[language], WORDS[OTHER[language]]
    page.goto("/" if language == "nl" else "/en/")
    check()
    page.locator("main").get_by_role("link", name=w["start"]).first.click()
    page.get_by_label(w["municipality"]).wait_for()
    check()
    page.get_by_label(w["municipality"]).select_option("GM1640")
    page.get_by_label(w["children"]).fill("1")
    page.get_by_role("button", name=w["next"]).click()
    page.get_by_label(w["age"]).wait_for()
    check()
    # A parent forgets their age: the error summary comes first and links to the field.
    page.get_by_label(w["net"]).fill("1500")
    page.get_by_label(w["gross"]).fill("21000")
    page.get_by_label(w["child_age"]).fill("8")
    page.get_by_label(w["school"]).select_option("primary")
    page.get_by_label(w["rent"]).fill("650")
    page.get_by_role("button", name=w["submit"]).click()
    summary = page.locator("[data-error-summary]")
    summary.wait_for()
    link = summary.get_by_role("link", name=re.compile(re.escape(w["missing_age"])))
    assert link.get_attribute("href") == "#id_ouder1_leeftijd"
    if javascript:
        page.wait_for_function("() => document.activeElement && document.activeElement.matches('[data-error-summary]')")
    check()
    link.click()
    page.get_by_label(w["age"]).fill("35")
    page.get_by_role("button", name=w["submit"]).click()
    page.get_by_role("heading", level=1, name=w["answer"]).wait_for()
    assert w["why"] in page.content() and w["how"] in page.content()
    check()
    # Switch language on the answer: the same answers, now in the other language.
    page.locator("header").get_by_role("button", name=w["switch"]).click()
    page.get_by_role("heading", level=1, name=o["answer"]).wait_for()
    assert page.locator("html").get_attribute("lang") == OTHER[language]
    assert o["why"] in page.content() and o["how"] in page.content()
    check()
    with page.expect_download() as download:
        page.get_by_role("button", name=o["pdf"]).click()
    path = tmp_path / f"answer-{language}.pdf"
    download.value.save_as(path)
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(path.read_bytes())).pages)
    assert "Kindpakket Leudal" in text
    assert_no_developer_text(text)
    page.locator("footer").get_by_role("link", name=o["privacy"]).click()
    page.get_by_role("heading", level=1, name=o["privacy_title"]).wait_for()
    check()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_parent_walks_the_journey_with_javascript(page, demo, tmp_path, language):
    check = Checker(page)
    _walk(page, check, language, tmp_path, javascript=True)
    assert len(check.visited) == 7


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_parent_walks_the_journey_without_javascript(page_without_javascript, page, demo, tmp_path, language):
    check = Checker(page_without_javascript, checker_page=page)
    _walk(page_without_javascript, check, language, tmp_path, javascript=False)
    assert len(check.visited) == 7
