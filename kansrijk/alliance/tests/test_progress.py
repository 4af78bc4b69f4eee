"""Yearly progress reports and the reminders to coordinators."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from kansrijk.alliance import services
from kansrijk.alliance.models import Commitment
from kansrijk.alliance.tests.factories import CommitmentFactory, ProgressReportFactory
from kansrijk.audit.models import AuditEvent
from kansrijk.core.errors import DomainError
from kansrijk.organisations.tests.factories import MembershipFactory

NOW = datetime.datetime(2025, 6, 1, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture
def commitment(signed):
    return CommitmentFactory(
        organisation=signed.organisation, starts_on=datetime.date(2024, 1, 1), municipality_codes=["GM1640"]
    )


def report(actor, commitment, **overrides):
    arguments = {
        "year": 2024,
        "what_was_done": "Zestig leerkrachten getraind.",
        "realised_reach": 350,
        "indicator_values": {commitment.indicators.get().pk: Decimal(55)},
    } | overrides
    return services.progress_report_create(actor=actor, commitment=commitment, **arguments)


@time_machine.travel(NOW, tick=False)
def test_a_coordinator_files_a_report_and_the_indicator_is_copied(coordinator, commitment):
    filed = report(coordinator.user, commitment, structural_barriers="De bus naar de club is te duur.")
    assert filed.reported_on == datetime.date(2025, 6, 1)
    assert filed.indicator_values[0]["indicator"] == "Kinderen bereikt"
    assert filed.indicator_values[0]["value"] == "55"
    assert filed.indicator_values[0]["target"] == "100"
    assert AuditEvent.objects.filter(action="progress_report.create", object_id=str(filed.pk)).exists()


@time_machine.travel(NOW, tick=False)
def test_one_report_per_commitment_per_year(coordinator, commitment):
    report(coordinator.user, commitment)
    with pytest.raises(DomainError) as error:
        report(coordinator.user, commitment)
    assert error.value.field == "year"


@time_machine.travel(NOW, tick=False)
def test_a_year_before_the_start_or_after_the_end_is_refused_with_the_years_it_covers(coordinator, commitment):
    for year in (2023, 2031):
        with pytest.raises(DomainError) as error:
            report(coordinator.user, commitment, year=year)
        assert error.value.field == "year"
        assert f"{year} valt buiten deze inzet. Kies een jaar van 2024 tot en met 2030." in str(error.value)


@time_machine.travel(NOW, tick=False)
def test_an_indicator_of_another_commitment_is_refused(coordinator, commitment):
    stranger = CommitmentFactory()
    with pytest.raises(DomainError) as error:
        report(coordinator.user, commitment, indicator_values={stranger.indicators.get().pk: Decimal(1)})
    assert error.value.field == "indicator_values"


@time_machine.travel(NOW, tick=False)
def test_people_may_not_backdate_a_report(coordinator, commitment):
    with pytest.raises(DomainError):
        report(coordinator.user, commitment, reported_on=datetime.date(2024, 1, 1))


def test_a_coordinator_of_another_organisation_may_not_report(other_coordinator, commitment):
    with pytest.raises(DomainError):
        report(other_coordinator.user, commitment)


@time_machine.travel(NOW, tick=False)
def test_reminders_go_to_coordinators_of_due_and_overdue_commitments_once_a_month(
    coordinator, commitment, django_capture_on_commit_callbacks
):
    MembershipFactory(organisation=commitment.organisation)  # a plain member gets no reminder
    green = CommitmentFactory(organisation=commitment.organisation, starts_on=datetime.date(2024, 1, 1))
    ProgressReportFactory(commitment=green, reported_on=datetime.date(2025, 3, 1))
    with django_capture_on_commit_callbacks(execute=True):
        assert services.report_reminders_send() == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [coordinator.user.email]
    assert "te laat" in mail.outbox[0].subject
    assert f"/alliantie/inzet/{commitment.pk}/voortgang/nieuw/" in mail.outbox[0].body
    assert Commitment.objects.get(pk=commitment.pk).reminded_on == datetime.date(2025, 6, 1)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.report_reminders_send() == 0
    assert services.report_reminders_send(today=datetime.date(2025, 7, 1)) == 1


@time_machine.travel(NOW, tick=False)
def test_the_reminder_command_runs_the_task_now(coordinator, commitment, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("alliance-reminders", "--now")
    assert len(mail.outbox) == 1
    assert AuditEvent.objects.filter(action="commitment.reminder").count() == 1


def test_the_reminder_command_enqueues_the_task(db, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    from django_tasks import default_task_backend

    call_command("alliance-reminders")
    assert len(default_task_backend.results) == 1
