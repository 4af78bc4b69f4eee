"""The outcomes pages: the national view and a municipality's public dashboard suppress every
count; a partner sees its own exact numbers; another organisation's dashboard is a 404."""

from __future__ import annotations

import csv
import re

import pytest
from django.test import Client
from django.urls import reverse

from kansrijk.conftest import client_for, with_totp
from kansrijk.organisations.tests.factories import MembershipFactory, OrganisationFactory
from kansrijk.outcomes.tests.world import at, journey, make_world

pytestmark = pytest.mark.django_db
COUNT = re.compile(r'<data class="kr-count" value="(\d*)">([^<]*)</data>')


def _three_helped_in_leudal():
    world = make_world()
    for day in (3, 4, 5):
        journey(world, municipality="GM1640", fund=0, path="done", start=at(2025, 3, day), gaps=[1, 2])
    return world


def test_the_public_municipality_dashboard_hides_three_children_helped(municipalities):
    _three_helped_in_leudal()
    html = Client().get(reverse("outcomes:municipality", args=["GM1640"]), {"jaar": "2025"}).content.decode()
    assert "Wat werkt in Leudal in 2025" in html
    counts = COUNT.findall(html)
    assert counts and all(value == "" or int(value) == 0 or int(value) >= 10 for value, _text in counts)
    assert ("", "&lt; 10") in counts
    assert html.count('role="img"') == 7


def test_the_partner_sees_its_own_exact_numbers_and_a_stranger_gets_a_404(municipalities):
    world = _three_helped_in_leudal()
    url = reverse("outcomes:partner", args=[world.funds[0].pk])
    with_totp(world.workers[0])
    own = client_for(world.workers[0]).get(url, {"jaar": "2025"}).content.decode()
    assert not COUNT.findall(own)
    assert re.search(r'scope="row">Hulp gegeven</th><td[^>]*>3</td>', own)
    stranger = MembershipFactory(organisation=OrganisationFactory(fund=True))
    with_totp(stranger)
    assert client_for(stranger).get(url).status_code == 404


def test_the_national_map_has_every_municipality_and_its_table(municipalities):
    _three_helped_in_leudal()
    html = Client().get(reverse("outcomes:national"), {"jaar": "2025"}).content.decode()
    assert html.count("<path ") == 342
    assert re.search(r'<td class="utrecht-table__cell">Limburg</td><th [^>]*>Leudal</th>', html)
    assert "Donkerder is hoger. Hoger is beter." in html


def test_the_csv_of_one_chart_has_its_counts_as_shown(municipalities):
    _three_helped_in_leudal()
    url = reverse("outcomes:municipality_csv", args=["GM1640"])
    response = Client().get(url, {"jaar": "2025", "grafiek": "stappen"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(response.content.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert {row["Grafiek"] for row in rows} == {"Verwijzingen per stap"}
    assert [row["Aantal"] for row in rows if row["Onderwerp"] == "Hulp gegeven"] == ["< 10"]


def test_a_wrong_year_is_named_and_this_year_shown(municipalities):
    html = Client().get(reverse("outcomes:municipality", args=["GM1640"]), {"jaar": "1900"}).content.decode()
    assert "Jaar: kies een jaar van 2019" in html


def test_an_unknown_municipality_is_a_404(municipalities):
    assert Client().get(reverse("outcomes:municipality", args=["GM9999"])).status_code == 404
