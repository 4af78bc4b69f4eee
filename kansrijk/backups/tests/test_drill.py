"""The drill: backup → erasure → restore of that older backup → what was erased stays erased."""

import io
import json
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from kansrijk.audit.models import AuditEvent
from kansrijk.referrals import services as referrals
from kansrijk.referrals.models import Barrier, Child, Concern, ConcernRecord, Consent, Referral
from kansrijk.referrals.tests.factories import BarrierFactory, ReferralFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _closed_concern_past_retention():
    referral = ReferralFactory(done=True)
    BarrierFactory(referral=referral)
    Concern.objects.filter(pk=referral.concern_id).update(last_activity_at=timezone.now() - timedelta(days=400))
    return referral.concern


def _restore(path):
    out = io.StringIO()
    call_command("restore", str(path), interactive=False, stdout=out)
    return out.getvalue()


def _assert_erased(concern):
    assert not Concern.objects.filter(pk=concern.pk).exists()
    assert not Child.objects.filter(concern_id=concern.pk).exists()
    assert not Consent.objects.filter(concern_id=concern.pk).exists()
    assert not Referral.objects.filter(concern_id=concern.pk).exists()
    assert ConcernRecord.objects.count() == 1
    assert Barrier.objects.filter(referral__isnull=True, description="").count() == 1


def _drill(tmp_path):
    concern = _closed_concern_past_retention()
    kept = ReferralFactory(in_progress=True).concern
    backup = tmp_path / "before-erasure.backup"
    call_command("backup", str(backup), stdout=io.StringIO())
    assert referrals.retention_run(dry_run=False).erased == 1
    logged = [json.loads(line) for line in settings.ERASURE_LOG_PATH.read_text().splitlines()]
    assert [(e["model"], e["id"]) for e in logged] == [("referrals.concern", str(concern.pk))]
    _assert_erased(concern)

    out = _restore(backup)

    assert "Re-applied 1 erasure(s)" in out
    _assert_erased(concern)
    assert Concern.objects.filter(pk=kept.pk).exists()
    assert AuditEvent.objects.filter(action="backup.restore").count() == 1
    assert AuditEvent.objects.filter(action="concern.erase", actor_label="restore").count() == 1
    again = io.StringIO()
    call_command("restore", erasures_only=True, stdout=again)
    assert (
        "Re-applied 0 erasure(s) from the erasure log (1 other logged erasure(s) were already done" in again.getvalue()
    )
    _assert_erased(concern)


def test_sqlite_drill_erased_data_stays_erased_after_restoring_an_older_backup(tmp_path, municipalities):
    if connection.vendor != "sqlite":
        pytest.skip("The SQLite drill; the PostgreSQL one is below.")
    _drill(tmp_path)


@pytest.mark.postgres
def test_postgresql_drill_erased_data_stays_erased_after_restoring_an_older_backup(tmp_path, municipalities):
    if connection.vendor != "postgresql":
        pytest.skip("Needs PostgreSQL: DATABASE_URL=postgres://… (CI's PostgreSQL pass).")
    _drill(tmp_path)


def test_a_restore_without_an_erasure_log_warns_how_to_re_apply_it_later(tmp_path, municipalities):
    backup = tmp_path / "b.backup"
    call_command("backup", str(backup), stdout=io.StringIO())
    assert not settings.ERASURE_LOG_PATH.exists()
    out = _restore(backup)
    assert f"No erasure log at {settings.ERASURE_LOG_PATH}" in out
    assert "kansrijk restore --erasures-only" in out
