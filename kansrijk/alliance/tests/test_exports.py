"""Exports open in a spreadsheet with Dutch headers and the right characters."""

from __future__ import annotations

import csv
import datetime
import io

import openpyxl
import pytest
import time_machine
from django.urls import reverse

from kansrijk.alliance.exports import COMMITMENT_HEADERS, PARTNER_HEADERS
from kansrijk.alliance.tests.factories import CommitmentFactory, PledgeSignatureFactory
from kansrijk.organisations.tests.factories import OrganisationFactory

NAME = "Stichting Één & Ander Zoë"
NOW = datetime.datetime(2025, 6, 1, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture
def partner(pledge):
    organisation = OrganisationFactory(name=NAME, fund=True, municipality_codes=["GM1640"])
    PledgeSignatureFactory(organisation=organisation, pledge_version=pledge, signed_on=datetime.date(2024, 2, 29))
    CommitmentFactory(organisation=organisation, title='=HYPERLINK("x")', municipality_codes=["GM1640"])
    return organisation


def read_csv(response):
    content = response.content
    assert content.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def read_xlsx(response):
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_the_partner_csv_has_dutch_headers_and_keeps_accents(client, partner):
    response = client.get(reverse("alliance:export", args=["partners", "csv"]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = read_csv(response)
    assert rows[0] == list(PARTNER_HEADERS)
    assert rows[1][:4] == [NAME, "Fonds", "Leudal", "29-02-2024"]


def test_the_partner_xlsx_has_dutch_headers_and_keeps_accents(client, partner):
    rows = read_xlsx(client.get(reverse("alliance:export", args=["partners", "xlsx"])))
    assert rows[0] == list(PARTNER_HEADERS)
    assert rows[1][0] == NAME
    assert rows[1][3] == datetime.datetime(2024, 2, 29)


@time_machine.travel(NOW, tick=False)
def test_the_commitment_csv_and_xlsx_agree_and_never_hold_a_formula(client, partner):
    csv_rows = read_csv(client.get(reverse("alliance:export", args=["inzet", "csv"])))
    xlsx_rows = read_xlsx(client.get(reverse("alliance:export", args=["inzet", "xlsx"])))
    assert csv_rows[0] == xlsx_rows[0] == list(COMMITMENT_HEADERS)
    assert csv_rows[1][0] == xlsx_rows[1][0] == NAME
    assert csv_rows[1][2] == xlsx_rows[1][2] == '\'=HYPERLINK("x")'
    assert csv_rows[1][-1] == xlsx_rows[1][-1] == "Verslag te laat"


def test_the_commitment_export_follows_the_overview_filters(client, partner):
    rows = read_csv(client.get(reverse("alliance:export", args=["inzet", "csv"]), {"activiteit": "solve"}))
    assert len(rows) == 1


def test_an_unknown_export_is_404(client, db):
    assert client.get(reverse("alliance:export", args=["leden", "csv"])).status_code == 404
    assert client.get(reverse("alliance:export", args=["partners", "pdf"])).status_code == 404
