"""After erasure nothing that survives leads back to the concern, a child, a family or a professional."""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.utils import timezone

from kansrijk.audit.models import AuditEvent
from kansrijk.organisations.tests.factories import UserFactory
from kansrijk.referrals import retention
from kansrijk.referrals.models import Barrier, Child, Concern, ConcernRecord, Feedback, ReferralStep
from kansrijk.referrals.tests.factories import BarrierFactory, ConcernFactory, ReferralFactory

pytestmark = pytest.mark.django_db
RAISED = datetime(2025, 3, 17, 14, 23, 45, 678901, tzinfo=UTC)
REPORTED = datetime(2025, 4, 9, 9, 41, 7, 123456, tzinfo=UTC)
CHILD_ID = 987654321


def _rows(table):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table}")  # noqa: S608 — a fixed table name
        return cursor.fetchall()


def _forms(value):
    """Every way an id or a time can be written in a column: hyphenated and bare UUIDs, ISO and SQL times."""
    if isinstance(value, datetime):
        return {value.isoformat(), value.strftime("%Y-%m-%d %H:%M:%S"), value.strftime("%Y-%m-%dT%H:%M:%S")}
    text = str(value)
    return {text, text.replace("-", "")}


def _erased_concern_with_everything():
    professional = UserFactory(email="j.de.vries@school.example")
    concern = ConcernFactory(created_by=professional, note="Moeder Fatima heeft schulden", created_at=RAISED)
    Child.objects.filter(concern=concern).update(id=CHILD_ID)
    referral = ReferralFactory(
        concern=concern, done=True, created_by=professional, note="Graag bellen na 15 uur", created_at=RAISED
    )
    ReferralStep.objects.create(referral=referral, from_status="in_progress", to_status="done", reason="Zwemles a")
    Feedback.objects.create(referral=referral, family_answer="yes", child_score=5, comment="Sam is blij met de club")
    barrier = BarrierFactory(referral=referral, created_by=professional, created_at=REPORTED)
    secrets = {
        "concern id": concern.pk,
        "child id": CHILD_ID,
        "referral id": referral.pk,
        "consent id": referral.consent_id,
        "barrier id": barrier.pk,
        "professional id": professional.pk,
        "professional e-mail": professional.email,
        "raised at": RAISED,
        "reported at": REPORTED,
        "child's name": "Sam",
        "note": "Fatima",
        "wish": "voetballen",
        "referral note": "bellen na 15 uur",
        "delivered help": "Contributie voetbal",
        "step reason": "Zwemles a",
        "feedback comment": "blij met de club",
        "barrier text": "bus naar de club",
    }
    Concern.objects.filter(pk=concern.pk).update(last_activity_at=timezone.now() - timedelta(days=400))
    retention.concern_erase(actor=None, concern=concern)
    return secrets


def test_no_column_of_any_surviving_row_leads_back_to_the_concern():
    secrets = _erased_concern_with_everything()
    survivors = {table: _rows(table) for table in ("referrals_concernrecord", "referrals_barrier")}
    assert len(survivors["referrals_concernrecord"]) == 1
    assert len(survivors["referrals_barrier"]) == 1
    for table, rows in survivors.items():
        columns = [str(value) for row in rows for value in row]
        for what, secret in secrets.items():
            for form in _forms(secret):
                leaks = [value for value in columns if form in value]
                assert not leaks, f"{table} still holds the {what}: {leaks}"


def test_the_surviving_barrier_is_a_new_row_without_reporter_and_with_the_month_only():
    secrets = _erased_concern_with_everything()
    barrier = Barrier.objects.get()
    assert barrier.pk != secrets["barrier id"]
    assert (barrier.referral_id, barrier.created_by_id, barrier.description) == (None, None, "")
    assert barrier.created_at == datetime(2025, 4, 1, tzinfo=UTC)
    assert barrier.category == "transport"


def test_the_statistics_row_has_a_fresh_id_and_the_audit_row_does_not_name_it():
    secrets = _erased_concern_with_everything()
    record = ConcernRecord.objects.get()
    assert record.pk != secrets["concern id"]
    assert {f.name for f in ConcernRecord._meta.get_fields()}.isdisjoint({"concern_id", "erased_at", "created_at"})
    event = AuditEvent.objects.get(action="concern.erase")
    assert str(record.pk) not in str(event.detail)
    assert str(record.pk.hex) not in str(event.detail)
    assert (record.year, record.children_count, record.referral_statuses) == (2025, 1, {"done": 1})
