"""The professional's take-up record inside a concern: per suggested scheme, through referrals'
access rules (another organisation's concern is a 404, reads audited), one anonymous fact kept up
to date, and a reminder after six weeks when nothing was recorded."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from kansrijk.audit.models import AuditEvent
from kansrijk.conftest import client_for, with_totp
from kansrijk.core.testing.developer_text import assert_no_developer_text
from kansrijk.organisations.tests.factories import MembershipFactory, OrganisationFactory
from kansrijk.referrals.models import Notification
from kansrijk.referrals.tests.factories import ConcernFactory
from kansrijk.takeup import services
from kansrijk.takeup.models import ProfessionalTakeUp, TakeUpAnswer
from kansrijk.takeup.selectors import funnel, suggested_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def teacher(demo):
    school = OrganisationFactory(name="Basisschool De Linde", school=True, municipality_codes=["GM1640"])
    membership = MembershipFactory(organisation=school)
    with_totp(membership)
    return membership


@pytest.fixture
def concern(teacher):
    return ConcernFactory(organisation=teacher.organisation, created_by=teacher.user)


def _url(concern):
    return reverse("takeup:concern", args=[concern.pk])


def test_the_page_lists_the_suggested_schemes_by_name_and_audits_the_read(teacher, concern):
    response = client_for(teacher).get(_url(concern))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Kindpakket Leudal" in page
    assert_no_developer_text(page)
    assert AuditEvent.objects.filter(action="concern.read", object_id=str(concern.pk)).exists()
    assert "no-store" in response["Cache-Control"]


def test_another_organisations_concern_is_a_404(concern, demo):
    other = MembershipFactory(organisation=OrganisationFactory(municipality_codes=["GM0363"]), coordinator=True)
    with_totp(other)
    client = client_for(other)
    assert client.get(_url(concern)).status_code == 404
    key = suggested_for(concern=concern)[0].key
    assert client.post(_url(concern), {"scheme": key, "r1-answer": "received"}).status_code == 404
    assert not TakeUpAnswer.objects.exists()


def test_recording_writes_one_fact_and_changing_it_updates_that_fact(teacher, concern):
    key = suggested_for(concern=concern)[0].key
    client = client_for(teacher)
    response = client.post(_url(concern), {"scheme": key, "r1-answer": "applied"})
    assert response.status_code == 302
    fact = TakeUpAnswer.objects.get()
    assert (fact.scheme_key, fact.answer, fact.source, fact.municipality_code) == (
        key,
        "applied",
        "professional",
        "GM1640",
    )
    client.post(_url(concern), {"scheme": key, "r1-answer": "refused", "r1-refusal_reason": "income"})
    fact = TakeUpAnswer.objects.get()
    assert (fact.answer, fact.reason) == ("refused", "income")
    row = funnel(municipality="GM1640", source="professional")[0]
    assert (row.applied, row.refused, row.received) == (1, 1, 0)
    assert AuditEvent.objects.filter(action="takeup.record").count() == 2


def test_didnt_manage_needs_its_reason_and_the_error_names_the_field(teacher, concern):
    key = suggested_for(concern=concern)[0].key
    response = client_for(teacher).post(_url(concern), {"scheme": key, "r1-answer": "didnt_manage"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Kies wat er misging." in page
    assert 'href="#id_r1-manage_reason"' in page
    assert not TakeUpAnswer.objects.exists() and not ProfessionalTakeUp.objects.exists()


def test_a_scheme_that_was_not_suggested_is_refused(teacher, concern):
    with pytest.raises(services.TakeUpError) as error:
        services.professional_take_up_record(
            actor=teacher.user, concern=concern, scheme_key="GM0363/kindpakket", answer="received"
        )
    assert error.value.field == "scheme"
    assert not TakeUpAnswer.objects.exists()


def test_a_failed_audit_write_leaves_no_fact(teacher, concern, monkeypatch):
    key = suggested_for(concern=concern)[0].key

    def broken(**kwargs):
        raise RuntimeError("audit down")

    monkeypatch.setattr(services, "record", broken)
    with pytest.raises(RuntimeError):
        services.professional_take_up_record(actor=teacher.user, concern=concern, scheme_key=key, answer="received")
    assert not TakeUpAnswer.objects.exists() and not ProfessionalTakeUp.objects.exists()


def test_erasing_the_concern_keeps_the_anonymous_fact(teacher, concern):
    key = suggested_for(concern=concern)[0].key
    services.professional_take_up_record(actor=teacher.user, concern=concern, scheme_key=key, answer="received")
    concern.delete()
    fact = TakeUpAnswer.objects.get()
    assert fact.answer == "received"
    assert not ProfessionalTakeUp.objects.exists()


def test_the_reminder_comes_once_after_six_weeks_when_nothing_was_recorded(
    teacher, demo, django_capture_on_commit_callbacks
):
    now = timezone.now()
    with time_machine.travel(now - dt.timedelta(days=41), tick=False):
        young = ConcernFactory(organisation=teacher.organisation, created_by=teacher.user)
    with time_machine.travel(now - dt.timedelta(days=43), tick=False):
        old = ConcernFactory(organisation=teacher.organisation, created_by=teacher.user)
        recorded = ConcernFactory(organisation=teacher.organisation, created_by=teacher.user)
    key = suggested_for(concern=recorded)[0].key
    services.professional_take_up_record(actor=teacher.user, concern=recorded, scheme_key=key, answer="applied")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("takeup-reminders", "--now")
        call_command("takeup-reminders", "--now")
    notes = Notification.objects.filter(organisation=teacher.organisation)
    assert notes.count() == 1
    assert "6 weken" in notes.get().message
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [teacher.user.email]
    assert str(old.pk) in mail.outbox[0].body
    assert str(young.pk) not in mail.outbox[0].body
