"""A privacy statement linked from every page's footer, and a home page with a way in for
parents and for professionals (part of issue 14, the parent's journey)."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db


def test_the_privacy_statement_says_who_what_how_long_and_your_rights(client, settings):
    settings.REFERRALS_RETENTION_DAYS = 90
    settings.PRIVACY_CONTROLLER = "Stichting Voorbeeld"
    settings.PRIVACY_CONTACT_EMAIL = "privacy@voorbeeld.nl"
    page = client.get("/privacy/").content.decode()
    assert "Stichting Voorbeeld is verantwoordelijk" in page
    assert "Wij bewaren uw antwoorden niet." in page
    assert "bewaren wij de gegevens nog 90 dagen" in page
    assert "Uw rechten" in page and "Autoriteit Persoonsgegevens" in page
    assert 'href="mailto:privacy@voorbeeld.nl"' in page


def test_the_privacy_statement_is_in_english_too(client, settings):
    settings.REFERRALS_RETENTION_DAYS = 1
    page = client.get("/en/privacy/").content.decode()
    assert "Privacy: what we do with your data" in page
    assert "we keep the data for 1 more day" in page
    assert "We do not keep your answers." in page


@pytest.mark.parametrize("path", ["/", "/wat-kan-ik-krijgen/", "/toegankelijkheid/", "/en/"])
def test_every_page_links_to_the_privacy_statement_in_its_footer(client, municipalities, path):
    page = client.get(path).content.decode()
    footer = page[page.index("<footer") :]
    assert re.search(r'<a class="utrecht-link" href="(/en)?/privacy/">(Privacy)</a>', footer)


def test_the_home_page_leads_a_parent_and_a_professional_straight_in(client):
    page = client.get("/").content.decode()
    main = page[page.index("<main") :]
    check = main.index('href="/wat-kan-ik-krijgen/">Wat kan ik krijgen?</a>')
    share = main.index('href="/zorgen/nieuw/">Zorg delen</a>')
    assert check < main.index("Signaleren") and share < main.index("Signaleren")
