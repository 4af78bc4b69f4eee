"""No developer text for people, and where to go for every municipal scheme and fund
(part of issue 14, the parent's journey)."""

from __future__ import annotations

import dataclasses
import io
import re

import pypdf
import pytest

from kansrijk.core.errors import DomainError
from kansrijk.core.testing.developer_text import assert_no_developer_text
from kansrijk.screener.models import Scheme
from kansrijk.screener.services import VersionData, scheme_version_create, version_errors
from kansrijk.screener.tests.test_family_check import STEP_1, STEP_2

pytestmark = pytest.mark.django_db


def _pdf_text(client, prefix: str = "") -> str:
    response = client.post(f"{prefix}/wat-kan-ik-krijgen/pdf/", STEP_2)
    assert response.status_code == 200
    pages = pypdf.PdfReader(io.BytesIO(response.content)).pages
    # The footer ("… Pagina 1") may be extracted glued to the next line: cut it off.
    return "\n".join(
        re.sub(rf"Kansrijk — [^\n]*?(?:Pagina|Page) {number}", "\n", page.extract_text())
        for number, page in enumerate(pages, start=1)
    )


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_family_journey_shows_no_developer_text(client, demo, prefix):
    check = f"{prefix}/wat-kan-ik-krijgen/"
    assert_no_developer_text(client.get(f"{prefix}/").content.decode())
    assert_no_developer_text(client.get(check).content.decode())
    assert_no_developer_text(client.get(check, STEP_1).content.decode())
    assert_no_developer_text(client.post(check, {**STEP_1, "huur": ""}).content.decode())
    assert_no_developer_text(client.post(check, STEP_2).content.decode())
    assert_no_developer_text(_pdf_text(client, prefix))
    assert_no_developer_text(client.get(f"{prefix}/privacy/").content.decode())


def test_a_funds_source_shows_its_title_not_our_file(client, demo):
    page = client.post("/wat-kan-ik-krijgen/", STEP_2).content.decode()
    assert "PARAMETERS.md" not in page
    assert re.search(r'Bron: <a class="utrecht-link" href="https://www\.leergeldvenlo\.nl">Leergeld: ', page)


def test_the_pdf_numbers_what_it_shows_without_gaps(client, demo):
    numbers = [int(n) for n in re.findall(r"^(\d+)\. ", _pdf_text(client), re.M)]
    assert numbers == list(range(1, len(numbers) + 1)), numbers
    assert len(numbers) >= 8


def _items(page: str) -> dict[str, str]:
    item = r'<li class="kr-entitlement kr-entitlement--\w+" id="regeling-\d+">(.*?)</li>\s*(?=<li class="kr-ent|</ol>)'
    blocks = re.findall(item, page, re.S)
    return {re.search(r"<h2[^>]*>\s*([^<]+?)\s*<", b).group(1): b for b in blocks}


def test_every_municipal_scheme_and_fund_says_where_to_go(client, demo):
    items = _items(client.post("/wat-kan-ik-krijgen/", STEP_2).content.decode())
    local = {name: block for name, block in items.items() if ">Gemeente<" in block or ">Fonds<" in block}
    assert len(local) >= 7, list(items)
    for name, block in local.items():
        assert re.search(r'href="https://|href="tel:|Adres:|Wie vraagt het voor u aan:', block), name
    kindpakket = local["Kindpakket Leudal"]
    assert '<a class="utrecht-link" href="tel:140475">14 0475</a>' in kindpakket
    assert "Adres: Gemeentehuis Leudal, Markt 1, Heythuysen" in kindpakket
    assert "Wie vraagt het voor u aan:" in local["Nationaal Fonds Kinderhulp"]


def test_the_pdf_says_where_to_go(client, demo):
    text = _pdf_text(client)
    assert "Bel: 14 0475" in text
    assert "Wie vraagt het voor u aan: De school, het wijkteam, Leergeld of uw bewindvoerder" in text


def _kindpakket_data(**changes) -> VersionData:
    scheme = Scheme.objects.get(slug="kindpakket")
    version = scheme.versions.get()
    later = version.start_date.replace(year=2027)
    return dataclasses.replace(VersionData.from_version(version), start_date=later, **changes)


NO_CONTACT = {"apply_url": "", "apply_phone": "", "apply_address": "", "apply_intermediary": ""}


def test_the_service_refuses_a_scheme_without_a_way_to_reach_it(demo):
    scheme = Scheme.objects.get(slug="kindpakket")
    with pytest.raises(DomainError) as error:
        scheme_version_create(actor=None, scheme=scheme, data=_kindpakket_data(**NO_CONTACT))
    assert "waar een gezin heen kan" in " ".join(error.value.problems["apply_url"])
    assert scheme.versions.count() == 1


@pytest.mark.parametrize(
    "contact",
    [{"apply_url": "https://www.leudal.nl"}, {"apply_phone": "14 0475"}, {"apply_address": "Markt 1, Heythuysen"},
     {"apply_intermediary": "Het wijkteam"}],
)  # fmt: skip
def test_one_way_to_reach_it_is_enough(demo, contact):
    assert "apply_url" not in version_errors(scheme=None, data=_kindpakket_data(**{**NO_CONTACT, **contact}))


def test_a_phone_number_must_look_like_one(demo):
    errors = version_errors(scheme=None, data=_kindpakket_data(apply_phone="bel ons"))
    assert errors["apply_phone"] == ["Vul een telefoonnummer in, bijvoorbeeld 0475 123 456."]
