"""Erasures are logged outside the database on commit; a replay erases what a restore brought back."""

from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.utils import timezone

from kansrijk.core import erasure_log
from kansrijk.core.errors import Conflict
from kansrijk.referrals import retention
from kansrijk.referrals.models import Concern, ConcernRecord
from kansrijk.referrals.tests.factories import ConcernFactory, ReferralFactory

pytestmark = pytest.mark.django_db


def _old(concern):
    Concern.objects.filter(pk=concern.pk).update(last_activity_at=timezone.now() - timedelta(days=400))
    return concern


def test_an_erasure_is_logged_on_commit_only(django_capture_on_commit_callbacks):
    concern = _old(ConcernFactory())
    with django_capture_on_commit_callbacks() as callbacks:
        retention.concern_erase(actor=None, concern=concern)
    assert erasure_log.read().erasures == []
    for callback in callbacks:
        callback()
    assert [(e.model, e.object_id) for e in erasure_log.read().erasures] == [("referrals.concern", str(concern.pk))]


def test_a_rolled_back_erasure_is_not_logged(django_capture_on_commit_callbacks):
    concern = _old(ConcernFactory())
    with (  # noqa: PT012
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        retention.concern_erase(actor=None, concern=concern)
        raise RuntimeError("the transaction fails after the erasure")
    assert Concern.objects.filter(pk=concern.pk).exists()
    assert erasure_log.read().erasures == []


def test_retention_erases_nothing_when_the_log_cannot_be_written(settings, tmp_path):
    concern = _old(ConcernFactory())
    settings.ERASURE_LOG_PATH = tmp_path / "gone" / "erasures.jsonl"
    with pytest.raises(CommandError, match="Nothing was erased: The folder of the erasure log"):
        call_command("referrals-retention")
    assert Concern.objects.filter(pk=concern.pk).exists()


def test_a_replay_erases_a_logged_concern_even_if_the_restored_copy_has_it_open_and_only_once():
    referral = ReferralFactory(accepted=True)
    with pytest.raises(Conflict):
        retention.concern_erase(actor=None, concern=referral.concern)
    ids = [str(referral.concern_id), "not-a-uuid"]
    assert retention.concern_erasures_replay(concern_ids=ids) == 1
    assert retention.concern_erasures_replay(concern_ids=ids) == 0
    assert not Concern.objects.exists()
    assert ConcernRecord.objects.get().referral_statuses == {"accepted": 1}
    assert erasure_log.read().erasures == []
