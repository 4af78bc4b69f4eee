"""Retention: personal data of closed concerns is erased after the period; counts remain."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from kansrijk.audit.models import AuditEvent
from kansrijk.conftest import client_for
from kansrijk.core.errors import Conflict
from kansrijk.organisations.tests.factories import MembershipFactory, OrganisationFactory
from kansrijk.referrals import retention, selectors
from kansrijk.referrals.models import Barrier, Concern, ConcernRecord
from kansrijk.referrals.tests.factories import BarrierFactory, ConcernFactory, ReferralFactory

pytestmark = pytest.mark.django_db
LONG_AGO = timezone.now() - timedelta(days=400)


def _old(concern):
    Concern.objects.filter(pk=concern.pk).update(last_activity_at=LONG_AGO)
    return concern


def _raw(sql, *params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def test_only_closed_concerns_past_the_period_are_due(settings):
    done = ReferralFactory(done=True)
    open_one = ReferralFactory(accepted=True)
    recent = ConcernFactory()
    no_referrals = ConcernFactory()
    for concern in (done.concern, open_one.concern, no_referrals):
        _old(concern)
    due = set(selectors.concern_list_due_for_erasure())
    assert due == {done.concern, no_referrals}
    assert recent not in due
    settings.REFERRALS_RETENTION_DAYS = 500
    assert not selectors.concern_list_due_for_erasure().exists()


def test_erasure_removes_personal_fields_keeps_statistics_and_is_audited(capsys):
    referral = ReferralFactory(done=True, note="Graag bellen met moeder Fatima")
    BarrierFactory(referral=referral)
    concern = _old(referral.concern)
    call_command("referrals-retention")
    assert "Erased 1 concern(s)" in capsys.readouterr().out
    assert _raw("SELECT COUNT(*) FROM referrals_child") == [(0,)]
    assert _raw("SELECT COUNT(*) FROM referrals_concern") == [(0,)]
    assert _raw("SELECT COUNT(*) FROM referrals_referral") == [(0,)]
    assert _raw("SELECT COUNT(*) FROM referrals_consent") == [(0,)]
    everything = str(_raw("SELECT * FROM referrals_concernrecord")) + str(_raw("SELECT * FROM referrals_barrier"))
    for personal in ("Sam", "voetballen", "Fatima", "bus naar de club"):
        assert personal not in everything
    record = ConcernRecord.objects.get()
    assert record.children_count == 1
    assert record.municipality_code == "GM1640"
    assert record.referral_statuses == {"done": 1}
    assert record.service_ids == [str(referral.service_id)]
    assert Barrier.objects.get().category == "transport"
    event = AuditEvent.objects.get(action="concern.erase")
    assert event.object_id == str(concern.pk)
    assert event.actor_label == "retention"


def test_erased_cases_still_count_for_the_municipality():
    officer = MembershipFactory(organisation=OrganisationFactory(municipality=True, municipality_codes=["GM1640"]))
    for _ in range(10):
        _old(ReferralFactory(done=True).concern)
    retention.retention_run(dry_run=False)
    aggregates = selectors.municipality_aggregates_for(user=officer.user, municipality_code="GM1640")
    assert aggregates.concerns == 10
    assert dict(aggregates.statuses)["Hulp gegeven"] == 10


def test_a_dry_run_changes_nothing(capsys):
    concern = _old(ConcernFactory())
    call_command("referrals-retention", "--dry-run")
    out = capsys.readouterr().out
    assert str(concern.pk) in out
    assert "Would erase 1" in out
    assert Concern.objects.filter(pk=concern.pk).exists()
    assert not AuditEvent.objects.filter(action="concern.erase").exists()


def test_an_open_concern_is_never_erased():
    referral = ReferralFactory(in_progress=True)
    with pytest.raises(Conflict):
        retention.concern_erase(actor=None, concern=referral.concern)


def test_an_erased_concern_is_a_404_like_any_other(teacher):
    concern = _old(ConcernFactory(organisation=teacher.organisation))
    retention.retention_run(dry_run=False)
    assert client_for(teacher).get(f"/api/v1/concerns/{concern.pk}").status_code == 404
