"""The yearly monitor: the command writes a PDF that opens with pypdf, has every section and
shows no count from 1 to 9; the page shows the same."""

from __future__ import annotations

import io
import re

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from kansrijk.alliance.tests.factories import CommitmentFactory, PledgeSignatureFactory, PledgeVersionFactory
from kansrijk.outcomes.tests.world import at, journey, make_world

pytestmark = pytest.mark.django_db
SECTIONS = ("1. Partners en hun inzet", "2. Bereik", "3. Tijd tot hulp", "4. De stem van kinderen en ouders")


def _world():
    world = make_world()
    PledgeSignatureFactory(organisation=world.funds[0], pledge_version=PledgeVersionFactory())
    CommitmentFactory(organisation=world.funds[0], title="Sport voor elk kind", activity="solve")
    for day in (3, 4, 5):
        journey(world, municipality="GM1640", fund=0, path="done", start=at(2025, 3, day), gaps=[1, 2])
    return world


def test_the_monitor_pdf_has_every_section_and_no_count_from_one_to_nine(municipalities, tmp_path):
    _world()
    out = tmp_path / "monitor.pdf"
    call_command("monitor", "--year", "2025", "--out", str(out), stdout=io.StringIO())
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    for section in SECTIONS:
        assert section in text
    assert "Sport voor elk kind" in text
    assert "Hulp gegeven: < 10" in text
    assert not re.search(r": [1-9]$", text, re.MULTILINE), "a count from 1 to 9 in the monitor"


def test_the_monitor_command_names_a_wrong_year(tmp_path):
    with pytest.raises(CommandError, match="--year"):
        call_command("monitor", "--year", "1990", "--out", str(tmp_path / "x.pdf"))


def test_the_monitor_page_and_its_pdf(municipalities):
    _world()
    html = Client().get(reverse("outcomes:monitor"), {"jaar": "2025"}).content.decode()
    for section in SECTIONS:
        assert section in html
    assert "Sport voor elk kind" in html
    response = Client().get(reverse("outcomes:monitor_pdf"), {"jaar": "2025"})
    assert response["Content-Type"] == "application/pdf"
    assert len(PdfReader(io.BytesIO(response.content)).pages) >= 1
