"""The lifecycle: every pair of statuses, who may take which step, history and notifications."""

import itertools

import pytest
from django.core import mail

from kansrijk.core.errors import Conflict, DomainError, NotAllowed
from kansrijk.referrals import services
from kansrijk.referrals.constants import Status
from kansrijk.referrals.models import Notification
from kansrijk.referrals.tests.factories import ConcernFactory, ReferralFactory
from kansrijk.referrals.workflow import transition_for

ALLOWED = {
    ("sent", "accepted"),
    ("sent", "declined"),
    ("accepted", "in_progress"),
    ("accepted", "declined"),
    ("in_progress", "declined"),
    ("in_progress", "done"),
    ("sent", "withdrawn"),
    ("accepted", "withdrawn"),
    ("in_progress", "withdrawn"),
}


@pytest.mark.parametrize(("source", "target"), list(itertools.product(Status.values, Status.values)))
def test_the_transition_table_allows_exactly_the_designed_steps(source, target):
    if (source, target) in ALLOWED:
        assert transition_for(source=source, target=target).target == target
    else:
        with pytest.raises(Conflict, match="kan niet"):
            transition_for(source=source, target=target)


def test_an_unknown_status_is_refused_with_a_message():
    with pytest.raises(Conflict, match="geen bekende status"):
        transition_for(source="sent", target="lost")


@pytest.fixture
def referral(teacher, fund):
    return ReferralFactory(
        concern=ConcernFactory(organisation=teacher.organisation), receiver=fund, created_by=teacher.user
    )


def _step(actor, referral, target, **kwargs):
    return services.referral_transition(actor=actor.user, referral=referral, target=target, **kwargs)


@pytest.mark.django_db
def test_each_step_records_who_and_when_and_tells_the_referrer(
    referral, teacher, fund_worker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _step(fund_worker, referral, "accepted")
        _step(fund_worker, referral, "in_progress")
        _step(fund_worker, referral, "done", delivered_what="Contributie en voetbalschoenen", amount_cents=22500)
    steps = list(referral.steps.all())
    assert [(s.from_status, s.to_status) for s in steps] == [
        ("", "sent"),
        ("sent", "accepted"),
        ("accepted", "in_progress"),
        ("in_progress", "done"),
    ]
    assert all(s.actor == fund_worker.user and s.organisation == referral.receiver for s in steps[1:])
    referral.refresh_from_db()
    assert referral.delivered_amount_cents == 22500
    assert referral.version == 4
    assert [m.to for m in mail.outbox] == [[teacher.user.email]] * 3
    assert Notification.objects.filter(organisation=teacher.organisation).count() == 3


@pytest.mark.django_db
def test_declining_needs_a_reason_code_and_the_text_is_optional(referral, fund_worker):
    with pytest.raises(DomainError) as error:
        _step(fund_worker, referral, "declined", reason="Buiten ons werkgebied")
    assert error.value.field == "reason_code"
    with pytest.raises(DomainError) as error:
        _step(fund_worker, referral, "declined", reason_code="no_reason_like_this")
    assert error.value.field == "reason_code"
    _step(fund_worker, referral, "declined", reason_code="not_eligible")
    referral.refresh_from_db()
    assert (referral.status, referral.decline_reason) == ("declined", "not_eligible")
    assert referral.steps.last().reason == ""


@pytest.mark.django_db
def test_done_needs_what_was_delivered(referral, fund_worker):
    _step(fund_worker, referral, "accepted")
    _step(fund_worker, referral, "in_progress")
    with pytest.raises(DomainError) as error:
        _step(fund_worker, referral, "done")
    assert error.value.field == "delivered_what"


@pytest.mark.django_db
def test_only_the_referrer_withdraws_and_only_the_receiver_answers(referral, teacher, fund_worker):
    with pytest.raises(NotAllowed):
        _step(fund_worker, referral, "withdrawn", reason="x")
    with pytest.raises(NotAllowed):
        _step(teacher, referral, "accepted")
    _step(teacher, referral, "withdrawn", reason="Gezin is verhuisd")
    assert referral.status == "withdrawn"
    assert Notification.objects.get(organisation=referral.receiver).message.endswith("is ingetrokken.")


@pytest.mark.django_db
def test_a_step_on_a_stale_copy_loses(referral, fund_worker):
    stale = type(referral).objects.get(pk=referral.pk)
    _step(fund_worker, referral, "accepted")
    with pytest.raises(Conflict):
        _step(fund_worker, stale, "declined", reason_code="other", reason="te laat")
    referral.refresh_from_db()
    assert referral.status == "accepted"
    assert referral.steps.count() == 2


@pytest.mark.django_db
def test_a_second_open_referral_to_the_same_service_is_refused(referral, teacher):
    with pytest.raises(Conflict, match="loopt al"):
        services.referral_create(actor=teacher.user, concern=referral.concern, service_id=referral.service_id)


@pytest.mark.django_db
def test_feedback_is_recorded_by_the_referrer_after_done(teacher, fund, fund_worker):
    referral = ReferralFactory(concern=ConcernFactory(organisation=teacher.organisation), receiver=fund, done=True)
    with pytest.raises(NotAllowed):
        services.feedback_record(actor=fund_worker.user, referral=referral, family_answer="yes", child_score=5)
    with pytest.raises(DomainError):
        services.feedback_record(actor=teacher.user, referral=referral, family_answer="yes", child_score=7)
    feedback = services.feedback_record(
        actor=teacher.user, referral=referral, family_answer="yes", child_score=5, comment="Sam voetbalt nu elke week"
    )
    assert feedback.child_score == 5


@pytest.mark.django_db
def test_feedback_waits_until_the_help_is_given(referral, teacher):
    with pytest.raises(Conflict):
        services.feedback_record(actor=teacher.user, referral=referral, family_answer="yes", child_score=None)
