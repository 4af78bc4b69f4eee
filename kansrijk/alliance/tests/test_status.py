"""The traffic light rule (see `status.py`) at each boundary, with a frozen clock."""

from __future__ import annotations

import datetime

import pytest
import time_machine

from kansrijk.alliance import selectors
from kansrijk.alliance.constants import TrafficLight
from kansrijk.alliance.status import add_months, report_status
from kansrijk.alliance.tests.factories import CommitmentFactory, ProgressReportFactory

REPORTED = datetime.date(2024, 3, 15)  # due from 2025-01-15, anniversary 2025-03-15


def light_on(today: datetime.date, anchor: datetime.date = REPORTED) -> TrafficLight:
    return report_status(anchor=anchor, today=today).light


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (datetime.date(2024, 3, 15), TrafficLight.GREEN),  # the day of the report
        (datetime.date(2025, 1, 14), TrafficLight.GREEN),  # day before 10 months
        (datetime.date(2025, 1, 15), TrafficLight.AMBER),  # on 10 months
        (datetime.date(2025, 1, 16), TrafficLight.AMBER),  # day after 10 months
        (datetime.date(2025, 3, 14), TrafficLight.AMBER),  # day before the anniversary
        (datetime.date(2025, 3, 15), TrafficLight.AMBER),  # on the anniversary
        (datetime.date(2025, 3, 16), TrafficLight.RED),  # day after the anniversary
    ],
)
def test_traffic_light_boundaries(today, expected):
    assert light_on(today) == expected


def test_report_due_within_two_months_is_amber():
    assert light_on(datetime.date(2025, 2, 1)) == TrafficLight.AMBER


def test_report_older_than_a_year_is_red():
    assert light_on(datetime.date(2026, 1, 1)) == TrafficLight.RED


def test_months_are_clamped_to_the_end_of_a_short_month():
    assert add_months(datetime.date(2024, 3, 31), 10) == datetime.date(2025, 1, 31)
    assert add_months(datetime.date(2023, 12, 31), 2) == datetime.date(2024, 2, 29)
    assert add_months(datetime.date(2024, 2, 29), 12) == datetime.date(2025, 2, 28)
    assert add_months(datetime.date(2024, 4, 30), 10) == datetime.date(2025, 2, 28)


def test_a_leap_day_report_is_red_after_the_28th_of_february():
    assert light_on(datetime.date(2025, 2, 28), datetime.date(2024, 2, 29)) == TrafficLight.AMBER
    assert light_on(datetime.date(2025, 3, 1), datetime.date(2024, 2, 29)) == TrafficLight.RED


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("now", "expected"),
    [
        ("2025-01-14 12:00", TrafficLight.GREEN),
        ("2025-01-15 12:00", TrafficLight.AMBER),
        ("2025-01-16 12:00", TrafficLight.AMBER),
        ("2025-03-14 12:00", TrafficLight.AMBER),
        ("2025-03-15 12:00", TrafficLight.AMBER),
        ("2025-03-16 12:00", TrafficLight.RED),
    ],
)
def test_commitment_light_follows_its_latest_report_with_a_frozen_clock(now, expected, pledge):
    commitment = CommitmentFactory(starts_on=datetime.date(2022, 1, 1))
    ProgressReportFactory(commitment=commitment, reported_on=datetime.date(2023, 3, 1))
    ProgressReportFactory(commitment=commitment, reported_on=REPORTED)
    with time_machine.travel(datetime.datetime.fromisoformat(now).replace(tzinfo=datetime.UTC), tick=False):
        assert selectors.commitment_status(commitment=commitment).light == expected


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("now", "expected"),
    [
        ("2024-10-31 12:00", TrafficLight.GREEN),
        ("2024-11-01 12:00", TrafficLight.AMBER),
        ("2025-01-01 12:00", TrafficLight.AMBER),
        ("2025-01-02 12:00", TrafficLight.RED),
    ],
)
def test_without_a_report_the_clock_starts_at_the_commitment_start(now, expected, pledge):
    commitment = CommitmentFactory(starts_on=datetime.date(2024, 1, 1))
    with time_machine.travel(datetime.datetime.fromisoformat(now).replace(tzinfo=datetime.UTC), tick=False):
        assert selectors.commitment_status(commitment=commitment).light == expected


@pytest.mark.django_db
def test_the_day_turns_at_midnight_in_amsterdam_not_utc(pledge):
    commitment = CommitmentFactory(starts_on=datetime.date(2024, 1, 1))
    # 23:30 UTC on 1 January is already 2 January in Amsterdam: the day after the anniversary.
    with time_machine.travel(datetime.datetime(2025, 1, 1, 23, 30, tzinfo=datetime.UTC), tick=False):
        assert selectors.commitment_status(commitment=commitment).light == TrafficLight.RED
