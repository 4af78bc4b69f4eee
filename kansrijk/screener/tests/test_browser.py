"""The family check in a real browser: a parent in Leudal sees what the family can get, in order of use."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pypdf
import pytest

from kansrijk.core.testing.browser import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

IN_ORDER = [
    "Kinderbijslag",
    "Kindgebonden budget",
    "Zorgtoeslag",
    "Huurtoeslag",
    "Kindpakket Leudal",
    "Jeugdfonds Sport & Cultuur",
    "Stichting Leergeld",
    "Nationaal Fonds Kinderhulp",
]


def _entitlement(page, name: str):
    return page.locator(".kr-entitlement").filter(
        has=page.get_by_role("heading", name=re.compile(f"^{re.escape(name)}"))
    )


def _fill_in(page, *, check_accessibility: bool) -> None:
    page.goto("/wat-kan-ik-krijgen/")
    if check_accessibility:
        assert_accessible(page)
    page.get_by_label("In welke gemeente woont u?").select_option("GM1640")
    page.get_by_label("Hoeveel kinderen wonen bij u?").fill("2")
    page.get_by_role("button", name="Volgende stap").click()
    page.wait_for_url(re.compile(r"gemeente=GM1640"))
    if check_accessibility:
        assert_accessible(page)
    page.get_by_label("Uw leeftijd").fill("35")
    page.get_by_label("Uw netto inkomen per maand").fill("1500")
    page.get_by_label("Uw bruto inkomen per jaar").fill("21000")
    page.get_by_label("Leeftijd van kind 1").fill("6")
    page.get_by_label("School van kind 1").select_option("primary")
    page.get_by_label("Leeftijd van kind 2").fill("10")
    page.get_by_label("School van kind 2").select_option("primary")
    page.get_by_label("Hoeveel kale huur betaalt u per maand?").fill("650")
    page.get_by_role("button", name="Bekijk wat u kunt krijgen").click()
    page.get_by_role("heading", level=1, name="Wat u waarschijnlijk kunt krijgen").wait_for()


def test_a_parent_in_leudal_sees_national_municipal_and_fund_help_in_order_and_gets_a_pdf(page, demo, tmp_path):
    _fill_in(page, check_accessibility=True)
    headings = [h.strip() for h in page.locator(".kr-entitlement h2").all_inner_texts()]
    found = [next(i for i, h in enumerate(headings) if h.startswith(name)) for name in IN_ORDER]
    assert found == sorted(found), headings
    kindpakket = _entitlement(page, "Kindpakket Leudal")
    assert "Waarschijnlijk wel" in kindpakket.inner_text()
    assert "€ 500 per jaar" in kindpakket.inner_text()
    assert "Waarom" in kindpakket.inner_text()
    assert "Waar vraagt u het aan?" in kindpakket.inner_text()
    jeugdfonds = _entitlement(page, "Jeugdfonds Sport & Cultuur")
    assert "Voor sport, cultuur en muziek: vraag eerst Kindpakket Leudal aan." in jeugdfonds.inner_text()
    assert jeugdfonds.get_by_role("link", name="Sport", exact=True).get_attribute("href") == (
        "/sociale-kaart/?behoefte=sport&gemeente=GM1640"
    )
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download als PDF").click()
    path = Path(tmp_path) / "answer.pdf"
    download.value.save_as(path)
    content = path.read_bytes()
    assert content.startswith(b"%PDF")
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(content)).pages)
    assert "Kindpakket Leudal" in text
    assert "Nationaal Fonds Kinderhulp" in text


def test_the_family_check_works_without_javascript(page_without_javascript, demo):
    page = page_without_javascript
    _fill_in(page, check_accessibility=False)
    assert "Kindpakket Leudal" in page.content()
