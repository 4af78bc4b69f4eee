"""The family's way through the follow-up with Django's test client, shared by the tests."""

from __future__ import annotations

import html
import re
from typing import Any

from django.test import Client
from django.urls import reverse

STEP_2 = {
    "gemeente": "GM1640", "partner": "nee", "kinderen": "2",
    "ouder1_leeftijd": "35", "ouder1_netto": "1500", "ouder1_bruto": "21000", "ouder1_verzekerd": "ja",
    "kind1_leeftijd": "6", "kind1_school": "primary", "kind2_leeftijd": "10", "kind2_school": "primary",
    "vermogen": "1000", "huur": "650",
}  # fmt: skip
HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)">')
CODE = re.compile(r'<p class="utrecht-paragraph kr-code" id="code"><strong>([A-Z0-9-]+)</strong>')


def follow_up_form(client: Client) -> list[tuple[str, str]]:
    """The check's answer page, and the hidden fields of its follow-up form."""
    page = client.post(reverse("screener:check"), STEP_2).content.decode()
    form = page[page.index(reverse("takeup:family_start")) :]
    form = form[: form.index("</form>")]
    return [(name, html.unescape(value)) for name, value in HIDDEN.findall(form)]


def make_code(client: Client, email: str = "") -> tuple[str, str]:
    """Ask for a code from the answer page; returns (code, the code page)."""
    data: dict[str, Any] = {}
    for name, value in follow_up_form(client):
        data.setdefault(name, []).append(value)
    data["email"] = email
    response = client.post(reverse("takeup:family_start"), data)
    assert response.status_code == 200, response.content[:500]
    page = response.content.decode()
    return CODE.search(page).group(1), page
