"""Messages say which child they are about, by initials and age only: never the name in an e-mail."""

import pytest
from django.core import mail

from kansrijk.referrals import services
from kansrijk.referrals.models import Notification
from kansrijk.referrals.tests.factories import ConsentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def concern(teacher):
    return services.concern_create(
        actor=teacher.user,
        organisation=teacher.organisation,
        municipality_code="GM1640",
        children=[services.ChildData(first_name="Anna Bea", age=9)],
        signs=["no_club"],
        note="",
        wishes=[],
    )


def test_a_new_referral_names_the_child_by_initials_and_age(
    concern, teacher, fund, fund_worker, sport_service, django_capture_on_commit_callbacks
):
    ConsentFactory(concern=concern, organisations=[fund])
    with django_capture_on_commit_callbacks(execute=True):
        services.referral_create(actor=teacher.user, concern=concern, service_id=sport_service.pk)
    notification = Notification.objects.get(organisation=fund)
    assert notification.message == "Nieuwe verwijzing voor 'Bijdrage voor sport' over A.B., 9 jaar."
    [email] = mail.outbox
    assert "over A.B., 9 jaar" in email.subject
    assert "over A.B., 9 jaar" in email.body
    for text in (email.subject, email.body, notification.message):
        assert "Anna" not in text
        assert "Bea" not in text


def test_answers_and_withdrawals_name_the_child_too(
    concern, teacher, fund, fund_worker, sport_service, django_capture_on_commit_callbacks
):
    consent = ConsentFactory(concern=concern, organisations=[fund])
    referral = services.referral_create(actor=teacher.user, concern=concern, service_id=sport_service.pk)
    with django_capture_on_commit_callbacks(execute=True):
        services.referral_transition(actor=fund_worker.user, referral=referral, target="accepted")
        services.consent_withdraw(actor=teacher.user, consent=consent)
    to_teacher = Notification.objects.get(organisation=teacher.organisation).message
    assert to_teacher == "Verwijzing voor 'Bijdrage voor sport' over A.B., 9 jaar: geaccepteerd."
    to_fund = Notification.objects.filter(organisation=fund).first().message
    assert "over A.B., 9 jaar is ingetrokken" in to_fund
    assert all("Anna" not in m.subject + m.body for m in mail.outbox)
