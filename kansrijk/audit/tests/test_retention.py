"""Retention that forgets: rows about erased objects lose their personal fields; the chain still holds."""

from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

from kansrijk.audit.models import AuditEvent
from kansrijk.audit.retention import audit_anonymise
from kansrijk.audit.services import record
from kansrijk.audit.verify import chain_verify
from kansrijk.organisations.tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _record(actor, obj=None, **kwargs) -> AuditEvent:
    with transaction.atomic():
        return record(actor=actor, action=kwargs.pop("action", "organisation.change"), obj=obj, **kwargs)


@pytest.fixture
def past(settings):
    """A moment just past the personal-data period (PostgreSQL's function compares with its own clock)."""
    return timezone.now() - timedelta(days=settings.AUDIT_PERSONAL_RETENTION_DAYS + 5)


def test_rows_about_an_erased_object_lose_their_personal_fields_after_the_period(past):
    user = UserFactory(email="professional@example.org")
    erased, kept = OrganisationFactory(), OrganisationFactory()
    with time_machine.travel(past, tick=False):
        about_erased = _record(user, erased, detail={"name": "Oude naam"})
        about_kept = _record(user, kept)
    recent = _record(user, kept)
    erased.delete()

    assert audit_anonymise() == 1

    row = AuditEvent.objects.get(pk=about_erased.pk)
    assert (row.actor_id, row.actor_label, row.object_id, row.client_address, row.detail) == (None, "", "", None, {})
    assert row.personal_salt == ""
    assert row.anonymised_at is not None
    assert (row.action, row.object_type, row.result) == ("organisation.change", "organisations.organisation", "success")
    assert AuditEvent.objects.get(pk=about_kept.pk).actor_label == "professional@example.org"
    assert AuditEvent.objects.get(pk=recent.pk).object_id == str(kept.pk)
    verdict = chain_verify()
    assert verdict.holds, verdict.reason
    assert verdict.rows == 3


def test_rows_younger_than_the_period_keep_their_personal_fields():
    user = UserFactory()
    organisation = OrganisationFactory()
    event = _record(user, organisation)
    organisation_id = str(organisation.pk)
    organisation.delete()
    assert audit_anonymise() == 0
    assert AuditEvent.objects.get(pk=event.pk).object_id == organisation_id


def test_failed_login_rows_lose_their_keyed_hash_after_the_period(past):
    with time_machine.travel(past, tick=False):
        _record(None, action="login.failed", result="failure", detail={"login_hmac": "ab" * 32})
    call_command("audit-retention")
    assert AuditEvent.objects.get(action="login.failed").detail == {}
    assert chain_verify().holds


def test_an_anonymised_row_that_gets_personal_fields_back_is_reported(past):
    if connection.vendor != "sqlite":
        pytest.skip("On PostgreSQL the app's role cannot update rows (test_postgres_roles.py).")
    organisation = OrganisationFactory()
    with time_machine.travel(past, tick=False):
        event = _record(UserFactory(), organisation)
    organisation.delete()
    audit_anonymise()
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER audit_no_update")
        cursor.execute("UPDATE audit_auditevent SET object_id = 'forged' WHERE id = %s", [event.pk])
    verdict = chain_verify()
    assert not verdict.holds
    assert verdict.broken_id == event.pk
