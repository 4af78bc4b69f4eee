"""The family check's forms as the NL Design System's form pattern describes: B1 errors that say
what to do, an error summary linking to each field, errors tied to their fields; one form of
address ("u") for parents."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kansrijk.screener.tests.test_family_check import STEP_1, STEP_2

pytestmark = pytest.mark.django_db

CHECK = "/wat-kan-ik-krijgen/"
TEMPLATES = Path(__file__).resolve().parents[1] / "templates" / "screener"
FAMILY_TEMPLATES = (
    "_check_intro.html",
    "check_start.html",
    "check_details.html",
    "check_result.html",
    "demo_note.html",
    "_language_switch.html",
)


def _main(page: str) -> str:
    """The page's main content (the header's language switch carries the answers as hidden fields)."""
    return page[page.index("<main") : page.index("</main>")]


def _summary(page: str) -> str:
    found = re.search(r"<div [^>]*data-error-summary.*?</div>", page, re.S)
    assert found is not None, "no error summary"
    return found.group(0)


def test_missing_answers_get_b1_errors_that_say_what_to_do(client, demo):
    page = client.post(CHECK, {**STEP_1, "huur": ""}).content.decode()
    assert "Dit veld is vereist" not in page
    assert "Vul uw leeftijd in, in jaren. Bijvoorbeeld: 35." in page
    assert "Vul uw netto inkomen per maand in, bijvoorbeeld 1500." in page
    assert "Kies naar welke school kind 1 gaat." in page
    assert "Vul in hoeveel huur u per maand betaalt, bijvoorbeeld 650." in page


def test_the_error_summary_comes_first_and_links_to_each_field(client, demo):
    page = _main(client.post(CHECK, {**STEP_2, "ouder1_leeftijd": "", "kind2_school": ""}).content.decode())
    summary = _summary(page)
    assert page.index("data-error-summary") < page.index('name="ouder1_netto"')
    assert 'href="#id_ouder1_leeftijd"' in summary
    assert 'href="#id_kind2_school"' in summary
    assert 'tabindex="-1"' in summary and 'role="alert"' in summary
    assert "kansrijk/error-summary.js" in page


def test_a_radio_group_error_links_to_its_first_option(client, municipalities):
    page = client.get(CHECK, {"gemeente": "GM1640", "partner": "misschien", "kinderen": "1"}).content.decode()
    assert 'href="#id_partner_0"' in _summary(page)
    assert "Kies ja of nee: woont u samen met een partner?" in page


def test_errors_are_tied_to_their_fields(client, demo):
    page = _main(client.post(CHECK, {**STEP_2, "ouder1_leeftijd": "abc"}).content.decode())
    field = re.search(r'<input[^>]*name="ouder1_leeftijd"[^>]*>', page).group(0)
    assert 'aria-invalid="true"' in field
    assert "id_ouder1_leeftijd_error" in re.search(r'aria-describedby="([^"]*)"', field).group(1)
    assert 'id="id_ouder1_leeftijd_error"' in page
    assert "Vul alleen cijfers in, zonder punt of komma." in page


def test_step_one_without_children_count_says_what_to_fill_in(client, municipalities):
    page = client.get(CHECK, {"gemeente": "GM1640", "partner": "nee", "kinderen": ""}).content.decode()
    assert "Vul in hoeveel kinderen bij u wonen. Bijvoorbeeld: 2." in _summary(page)


def test_the_english_errors_are_english(client, demo):
    page = client.post("/en/wat-kan-ik-krijgen/", {**STEP_1, "huur": ""}).content.decode()
    assert "Enter your age, in years. For example: 35." in page
    assert "Please correct" in page


JE = re.compile(r"\b(je|jij|jou|jouw|jullie)\b", re.IGNORECASE)
CORE_TEMPLATES = Path(__file__).resolve().parents[2] / "templates" / "core"
PARENT_TEMPLATES = [TEMPLATES / name for name in FAMILY_TEMPLATES] + [
    CORE_TEMPLATES / "privacy.html",
    CORE_TEMPLATES / "accessibility.html",
]


def test_every_page_a_parent_reads_says_u_never_je():
    for path in PARENT_TEMPLATES:
        text = re.sub(r"{%.*?%}|{{.*?}}|<[^>]+>", " ", path.read_text())
        assert not JE.findall(text), f"{path.name} mixes 'je' into a page for parents"


def test_the_pages_a_parent_reads_say_u_as_rendered(client, demo):
    pages = [client.get(CHECK).content.decode(), client.get(CHECK, STEP_1).content.decode()]
    pages.append(client.post(CHECK, STEP_2).content.decode())
    pages += [client.get("/privacy/").content.decode(), client.get("/toegankelijkheid/").content.decode()]
    for page in pages:
        assert not JE.findall(re.sub(r"<[^>]+>", " ", _main(page)))


def test_the_login_form_has_the_error_summary_too_without_repeating_its_message(client, db):
    page = _main(client.post("/accounts/login/", {"login": "", "password": ""}).content.decode())
    summary = _summary(page)
    assert 'href="#id_login"' in summary and 'href="#id_password"' in summary
    assert page.index("data-error-summary") < page.index('name="login"')
