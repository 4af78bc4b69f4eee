"""Referrals unanswered for 10 working days remind the receiver and tell the referrer, once."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from kansrijk.referrals.models import Notification
from kansrijk.referrals.selectors import working_days_before
from kansrijk.referrals.tasks import referral_reminders
from kansrijk.referrals.tests.factories import ConcernFactory, ReferralFactory

AMS = ZoneInfo("Europe/Amsterdam")


def test_ten_working_days_skip_weekends():
    assert working_days_before(date(2025, 3, 14), 10) == date(2025, 2, 28)  # Friday → Friday two weeks back
    assert working_days_before(date(2025, 3, 17), 10) == date(2025, 3, 3)  # Monday → Monday


@pytest.mark.django_db
def test_an_unanswered_referral_reminds_the_receiver_and_tells_the_referrer(
    teacher, fund, fund_worker, django_capture_on_commit_callbacks
):
    sent = datetime(2025, 3, 3, 9, 0, tzinfo=AMS)  # Monday
    referral = ReferralFactory(
        concern=ConcernFactory(organisation=teacher.organisation),
        receiver=fund,
        created_by=teacher.user,
        created_at=sent,
    )
    answered = ReferralFactory(receiver=fund, accepted=True, created_at=sent)
    with time_machine.travel(datetime(2025, 3, 14, 12, 0, tzinfo=AMS)):  # 9 working days later
        assert referral_reminders.call() == 0
    with (
        time_machine.travel(datetime(2025, 3, 17, 12, 0, tzinfo=AMS)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert referral_reminders.call() == 1
        assert referral_reminders.call() == 0  # once
    referral.refresh_from_db()
    assert referral.reminded_at is not None
    assert {tuple(m.to) for m in mail.outbox} == {(fund_worker.user.email,), (teacher.user.email,)}
    assert Notification.objects.filter(organisation=fund, message__startswith="Herinnering").count() == 1
    assert Notification.objects.filter(organisation=teacher.organisation).count() == 1
    assert not Notification.objects.filter(referral=answered).exists()


@pytest.mark.django_db
def test_the_command_enqueues_or_runs_the_reminders(capsys):
    ReferralFactory(created_at=datetime.now(tz=AMS) - timedelta(days=30))
    call_command("referral-reminders", "--now")
    assert "Reminded 1 referral(s)." in capsys.readouterr().out
    call_command("referral-reminders")
    assert "Enqueued referral reminders" in capsys.readouterr().out
