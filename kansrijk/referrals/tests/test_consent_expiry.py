"""Consent has an end date (default CONSENT_DEFAULT_DAYS from giving). Expired consent is not valid
consent at read time, and the daily `kansrijk consent-expiry` withdraws the open referrals under it."""

from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from kansrijk.audit.models import AuditEvent
from kansrijk.conftest import client_for
from kansrijk.core.errors import Conflict, DomainError
from kansrijk.referrals import selectors, services
from kansrijk.referrals.models import Notification, Referral
from kansrijk.referrals.tests.factories import ConcernFactory, ConsentFactory, ReferralFactory

pytestmark = pytest.mark.django_db


def _consent(teacher, fund, **kwargs):
    return services.consent_create(
        actor=teacher.user,
        concern=ConcernFactory(organisation=teacher.organisation),
        given_by="parent",
        purpose="Sport aanvragen",
        method="in_person",
        organisation_ids=[fund.pk],
        **kwargs,
    )


def test_consent_ends_after_the_default_days(teacher, fund, settings):
    settings.CONSENT_DEFAULT_DAYS = 30
    consent = _consent(teacher, fund)
    assert abs(consent.expires_at - (timezone.now() + timedelta(days=30))) < timedelta(minutes=1)


def test_a_chosen_end_date_is_kept_through_that_whole_day(teacher, fund):
    last_day = timezone.localdate() + timedelta(days=10)
    consent = _consent(teacher, fund, expires_on=last_day)
    assert timezone.localtime(consent.expires_at).date() == last_day + timedelta(days=1)
    assert timezone.localtime(consent.expires_at).hour == 0


def test_an_end_date_today_or_earlier_is_refused_naming_the_field(teacher, fund):
    with pytest.raises(DomainError) as error:
        _consent(teacher, fund, expires_on=timezone.localdate())
    assert error.value.field == "expires_on"


def test_expired_consent_is_not_valid_consent_at_read_time(teacher, fund, fund_worker, sport_service):
    concern = ConcernFactory(organisation=teacher.organisation)
    consent = ConsentFactory(concern=concern, organisations=[fund])
    referral = ReferralFactory(concern=concern, receiver=fund, consent=consent, accepted=True)
    assert selectors.access_referral_personal_data(user=fund_worker.user, referral=referral)
    type(consent).objects.filter(pk=consent.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    consent.refresh_from_db()
    assert not consent.is_valid
    assert selectors.consent_valid_for(concern=concern, organisation=fund) is None
    assert fund.pk not in selectors.consented_organisation_ids(concern=concern)
    referral = selectors.referral_get_for(user=fund_worker.user, referral_id=referral.pk)
    assert not selectors.access_referral_personal_data(user=fund_worker.user, referral=referral)
    body = client_for(fund_worker).get(f"/api/v1/referrals/{referral.pk}").json()
    assert body["shared"] is None
    with pytest.raises(Conflict, match="geen geldige toestemming"):
        services.referral_create(actor=teacher.user, concern=concern, service_id=sport_service.pk)


def test_the_daily_command_withdraws_open_referrals_under_expired_consent(
    teacher, fund, django_capture_on_commit_callbacks
):
    concern = ConcernFactory(organisation=teacher.organisation)
    expired = ConsentFactory(concern=concern, organisations=[fund], expires_at=timezone.now() - timedelta(days=1))
    valid = ConsentFactory(concern=concern, organisations=[fund])
    open_under_expired = ReferralFactory(concern=concern, receiver=fund, consent=expired, in_progress=True)
    done_under_expired = ReferralFactory(concern=concern, receiver=fund, consent=expired, done=True)
    open_under_valid = ReferralFactory(concern=concern, receiver=fund, consent=valid)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("consent-expiry", "--now")
    statuses = dict(Referral.objects.values_list("pk", "status"))
    assert statuses[open_under_expired.pk] == "withdrawn"
    assert statuses[done_under_expired.pk] == "done"
    assert statuses[open_under_valid.pk] == "sent"
    step = open_under_expired.steps.last()
    assert (step.to_status, step.reason, step.actor) == ("withdrawn", "toestemming verlopen", None)
    event = AuditEvent.objects.get(action="consent.expire")
    assert event.detail["referrals"] == [str(open_under_expired.pk)]
    assert "toestemming verlopen" in Notification.objects.get(organisation=fund).message
    call_command("consent-expiry", "--now")  # a second run finds nothing left to do
    assert AuditEvent.objects.filter(action="consent.expire").count() == 1


def test_the_concern_page_shows_the_end_date_and_expired_consent(teacher, fund):
    concern = ConcernFactory(organisation=teacher.organisation)
    ConsentFactory(concern=concern, organisations=[fund], expires_at=timezone.now() - timedelta(days=1))
    page = client_for(teacher).get(f"/zorgen/{concern.pk}/").content.decode()
    assert "Verlopen toestemming" in page
    assert "Geldig tot" in page
    assert "Verwijzen naar hulp" not in page


def test_the_consent_form_and_api_take_an_end_date(teacher, fund):
    concern = ConcernFactory(organisation=teacher.organisation)
    last_day = (timezone.localdate() + timedelta(days=60)).isoformat()
    payload = {
        "given_by": "parent",
        "organisations": [str(fund.pk)],
        "purpose": "Sport",
        "method": "in_person",
        "expires_on": last_day,
    }
    response = client_for(teacher).post(
        f"/api/v1/concerns/{concern.pk}/consents", payload, content_type="application/json"
    )
    assert response.status_code == 201, response.content
    assert response.json()["expires_at"].startswith((date.fromisoformat(last_day) + timedelta(days=1)).isoformat())
    bad = client_for(teacher).post(
        f"/api/v1/concerns/{concern.pk}/consents",
        {**payload, "expires_on": "2020-01-01"},
        content_type="application/json",
    )
    assert bad.status_code == 400
    assert [e["field"] for e in bad.json()["errors"]] == ["expires_on"]


def test_the_migration_gives_existing_consent_an_end_date_counted_from_giving(teacher, fund, settings):
    import importlib

    from django.apps import apps

    settings.CONSENT_DEFAULT_DAYS = 365
    given = timezone.now() - timedelta(days=400)
    consent = ConsentFactory(concern=ConcernFactory(organisation=teacher.organisation), given_at=given)
    migration = importlib.import_module("kansrijk.referrals.migrations.0004_concern_closing_and_consent_end_date")
    migration.consent_ends_a_year_after_it_was_given(apps, None)
    consent.refresh_from_db()
    assert consent.expires_at == given + timedelta(days=365)
    assert not consent.is_valid


def test_the_receiver_cannot_act_on_a_referral_whose_consent_expired(teacher, fund, fund_worker):
    concern = ConcernFactory(organisation=teacher.organisation)
    consent = ConsentFactory(concern=concern, organisations=[fund], expires_at=timezone.now() - timedelta(seconds=1))
    referral = ReferralFactory(concern=concern, receiver=fund, consent=consent)
    with pytest.raises(Conflict, match="ingetrokken of verlopen"):
        services.referral_transition(actor=fund_worker.user, referral=referral, target="accepted")
