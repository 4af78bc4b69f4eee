"""Progress reports for every commitment, whatever year it starts or ends: the form offers exactly its years."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from kansrijk.alliance import services
from kansrijk.alliance.forms import ProgressReportForm
from kansrijk.alliance.models import ProgressReport
from kansrijk.alliance.tests.factories import CommitmentFactory
from kansrijk.conftest import client_for

TODAY = datetime.datetime(2026, 12, 4, 10, 0, tzinfo=datetime.UTC)


def _commitment(signed, starts: datetime.date, ends: datetime.date):
    return CommitmentFactory(organisation=signed.organisation, starts_on=starts, ends_on=ends)


def _years(form: ProgressReportForm) -> list[int]:
    return [value for value, _label in form.fields["year"].choices]


@time_machine.travel(TODAY, tick=False)
@pytest.mark.parametrize(
    ("starts", "ends", "years"),
    [
        (datetime.date(2027, 3, 1), datetime.date(2028, 12, 31), [2028, 2027]),  # starts next year
        (datetime.date(2022, 1, 1), datetime.date(2023, 6, 30), [2023, 2022]),  # ended last year
        (datetime.date(2026, 1, 1), datetime.date(2026, 12, 31), [2026]),  # this year only
    ],
)
def test_the_form_offers_exactly_the_years_the_commitment_covers(signed, starts, ends, years):
    assert _years(ProgressReportForm(commitment=_commitment(signed, starts, ends))) == years


@time_machine.travel(TODAY, tick=False)
def test_a_commitment_that_starts_next_year_gets_a_report_through_the_page(coordinator, signed):
    commitment = _commitment(signed, datetime.date(2027, 1, 1), datetime.date(2027, 12, 31))
    url = reverse("alliance:progress_create", args=[commitment.pk])
    client = client_for(coordinator)
    indicator = commitment.indicators.get()
    data = {"year": "2027", "what_was_done": "Voorbereid.", "realised_reach": "0", f"indicator_{indicator.pk}": "1"}
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()
    assert ProgressReport.objects.get(commitment=commitment).year == 2027


@time_machine.travel(TODAY, tick=False)
def test_a_year_outside_the_commitment_is_refused_with_a_clear_message_on_the_page(coordinator, signed):
    commitment = _commitment(signed, datetime.date(2027, 1, 1), datetime.date(2027, 12, 31))
    url = reverse("alliance:progress_create", args=[commitment.pk])
    response = client_for(coordinator).post(url, {"year": "2026", "what_was_done": "x", "realised_reach": "0"})
    assert response.status_code == 200
    assert "2026 valt buiten deze inzet. Kies een jaar van 2027 tot en met 2027." in response.content.decode()
    assert not ProgressReport.objects.filter(commitment=commitment).exists()


@time_machine.travel(TODAY, tick=False)
def test_the_service_accepts_every_year_the_commitment_covers(coordinator, signed):
    commitment = _commitment(signed, datetime.date(2025, 6, 1), datetime.date(2027, 5, 31))
    for year in (2025, 2026, 2027):
        services.progress_report_create(
            actor=coordinator.user, commitment=commitment, year=year, what_was_done="Gedaan.",
            realised_reach=10, indicator_values={commitment.indicators.get().pk: Decimal(1)},
        )  # fmt: skip
    assert commitment.reports.count() == 3
