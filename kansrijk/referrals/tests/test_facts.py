"""Anonymous facts are written with the work, in the step's own transaction (ADR 0028): a step
that fails writes none, and retention's erasure leaves them unchanged and unlinkable."""

from __future__ import annotations

import datetime as dt
from datetime import timedelta

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from kansrijk.facts.models import ConcernCodeFact, ConcernFact, FeedbackFact, ReferralFact
from kansrijk.referrals import services
from kansrijk.referrals.closing import concern_close
from kansrijk.referrals.models import Concern, Referral
from kansrijk.socialmap.tests.factories import HsdsOrganizationFactory, ServiceFactory

pytestmark = pytest.mark.django_db
FACT_MODELS = (ReferralFact, ConcernFact, ConcernCodeFact, FeedbackFact)


def _concern(teacher, **kwargs):
    return services.concern_create(
        actor=teacher.user,
        organisation=teacher.organisation,
        municipality_code="GM1640",
        children=[services.ChildData(first_name="Sam", age=9), services.ChildData(first_name="Noor", age=14)],
        signs=["no_club", "money_stress"],
        note="Sam vertelt dat voetbal te duur is.",
        wishes=[services.WishData(text="voetballen", need="sport", child=0), services.WishData(text="een hond")],
        **kwargs,
    )


def _referred(teacher, fund, service):
    concern = _concern(teacher)
    services.consent_create(
        actor=teacher.user,
        concern=concern,
        given_by="parent",
        purpose="Hulp voor sport",
        method="in_person",
        organisation_ids=[fund.pk],
    )
    return services.referral_create(actor=teacher.user, concern=concern, service_id=service.pk)


def _helped(teacher, fund_worker, fund, service):
    referral = _referred(teacher, fund, service)
    for target in ("accepted", "in_progress"):
        services.referral_transition(actor=fund_worker.user, referral=referral, target=target)
    services.referral_transition(
        actor=fund_worker.user, referral=referral, target="done", delivered_what="Contributie", amount_cents=22500
    )
    return referral


def _row(fact) -> dict[str, object]:
    return {field.attname: getattr(fact, field.attname) for field in fact._meta.concrete_fields}


def _all_facts() -> list[dict[str, object]]:
    return sorted(
        ({"model": m.__name__, **_row(f)} for m in FACT_MODELS for f in m.objects.all()),
        key=lambda row: (row["model"], str(row["id"])),
    )


def test_a_new_concern_writes_its_fact_and_one_per_sign_and_wish(teacher):
    _concern(teacher)
    fact = ConcernFact.objects.get()
    assert (fact.municipality_code, fact.organisation_kind, fact.children_count, fact.age_band) == (
        "GM1640",
        "school",
        2,
        "4-11",
    )
    assert fact.on == timezone.localdate()
    codes = sorted(ConcernCodeFact.objects.values_list("kind", "code"))
    assert codes == [("sign", "money_stress"), ("sign", "no_club"), ("wish", "other"), ("wish", "sport")]


def test_each_step_of_a_referral_appends_one_fact_with_the_dates_known_by_then(
    teacher, fund_worker, fund, sport_service
):
    _helped(teacher, fund_worker, fund, sport_service)
    today = timezone.localdate()
    facts = {f.step: f for f in ReferralFact.objects.all()}
    assert sorted(facts) == ["accepted", "done", "in_progress", "sent"]
    assert facts["sent"].accepted_on is None and facts["sent"].ended_on is None
    assert facts["accepted"].accepted_on == today and facts["accepted"].ended_on is None
    done = facts["done"]
    assert (done.concern_on, done.consent_on, done.referred_on, done.accepted_on, done.ended_on) == (today,) * 5
    assert (done.need, done.referrer_kind, done.age_band, done.for_wish, done.amount_band) == (
        "sport",
        "school",
        "4-11",
        True,
        "101-250",
    )
    assert done.receiver_id == fund.pk and done.service_id == sport_service.pk
    assert all(type(getattr(done, name)) is dt.date for name in ("on", "concern_on", "referred_on", "ended_on"))


def test_a_decline_records_its_coded_reason(teacher, fund_worker, fund, sport_service):
    referral = _referred(teacher, fund, sport_service)
    services.referral_transition(actor=fund_worker.user, referral=referral, target="declined", reason_code="no_budget")
    fact = ReferralFact.objects.get(step="declined")
    assert (fact.decline_reason, fact.ended_on, fact.amount_band) == ("no_budget", timezone.localdate(), "")


def test_a_referral_to_several_services_that_fails_for_one_writes_no_fact(teacher, fund, sport_service):
    concern = _concern(teacher)
    services.consent_create(
        actor=teacher.user,
        concern=concern,
        given_by="parent",
        purpose="Sport",
        method="phone",
        organisation_ids=[fund.pk],
    )
    elsewhere = ServiceFactory(organization=HsdsOrganizationFactory(), needs=["sport"], municipalities=["GM1640"])
    before = _all_facts()
    with pytest.raises(services.ConflictError):
        services.referrals_create(actor=teacher.user, concern=concern, service_ids=[sport_service.pk, elsewhere.pk])
    assert not Referral.objects.exists()
    assert _all_facts() == before


def test_a_step_lost_to_a_simultaneous_one_writes_no_fact(teacher, fund_worker, fund, sport_service):
    referral = _referred(teacher, fund, sport_service)
    stale = Referral.objects.get(pk=referral.pk)
    services.referral_transition(actor=fund_worker.user, referral=referral, target="accepted")
    before = _all_facts()
    with pytest.raises(services.ConflictError):
        services.referral_transition(actor=fund_worker.user, referral=stale, target="declined", reason_code="other")
    assert _all_facts() == before


def test_a_changed_answer_cancels_the_old_one_without_a_key(teacher, fund_worker, fund, sport_service):
    referral = _helped(teacher, fund_worker, fund, sport_service)
    services.feedback_record(actor=teacher.user, referral=referral, family_answer="partly", child_score=3)
    services.feedback_record(actor=teacher.user, referral=referral, family_answer="yes", child_score=5)
    rows = sorted(FeedbackFact.objects.values_list("family_answer", "child_score", "weight"))
    assert rows == [("partly", 3, -1), ("partly", 3, 1), ("yes", 5, 1)]


def _raw_values() -> str:
    with connection.cursor() as cursor:
        text = ""
        for model in FACT_MODELS:
            cursor.execute(f"SELECT * FROM {model._meta.db_table}")  # noqa: S608 - table names of our models
            text += str(cursor.fetchall())
    return text


def test_erasure_leaves_the_facts_unchanged_and_they_hold_nothing_that_leads_back(
    teacher, fund_worker, fund, sport_service, capsys
):
    referral = _helped(teacher, fund_worker, fund, sport_service)
    services.feedback_record(
        actor=teacher.user, referral=referral, family_answer="yes", child_score=5, comment="Fijn voor Sam"
    )
    concern = referral.concern
    concern_close(actor=teacher.user, concern=concern, reason="help_arranged")
    # The uuids of the concern, referral and consent, and names and words; integer ids (steps,
    # children, users) cannot be in a fact: no fact column refers to anything but an organisation or service.
    personal = {
        str(concern.pk),
        str(referral.pk),
        str(referral.consent_id),
        "Sam",
        "Noor",
        "voetbal",
        "hond",
        "Contributie",
        "Fijn",
    }
    moments = {concern.created_at.isoformat(), referral.created_at.isoformat()}
    before = _all_facts()
    Concern.objects.filter(pk=concern.pk).update(last_activity_at=timezone.now() - timedelta(days=400))
    call_command("referrals-retention")
    assert "Erased 1 concern(s)" in capsys.readouterr().out
    assert not Concern.objects.exists()
    assert _all_facts() == before
    raw = _raw_values()
    hex_ids = {value.replace("-", "") for value in personal}
    assert not [value for value in personal | hex_ids | moments if value in raw]
    references = {f.attname for m in FACT_MODELS for f in m._meta.concrete_fields if f.attname.endswith("_id")}
    assert references == {"receiver_id", "service_id"}
    assert not [f for m in FACT_MODELS for f in m._meta.concrete_fields if f.get_internal_type() == "DateTimeField"]


def test_the_backfill_writes_the_same_facts_as_the_services(teacher, fund_worker, fund, sport_service):
    referral = _helped(teacher, fund_worker, fund, sport_service)
    services.feedback_record(actor=teacher.user, referral=referral, family_answer="no", child_score=2)
    declined = _referred(teacher, fund, ServiceFactory(organization=referral.service.organization, needs=["kleding"]))
    services.referral_transition(actor=fund_worker.user, referral=declined, target="declined", reason_code="other")

    def without_ids() -> list[tuple[str, str]]:
        rows = [
            (m.__name__, str(sorted((k, str(v)) for k, v in _row(f).items() if k != "id")))
            for m in FACT_MODELS
            for f in m.objects.all()
        ]
        return sorted(rows)

    written = without_ids()
    for model in FACT_MODELS:
        model.objects.all().delete()
    backfill = __import__("kansrijk.facts.migrations.0002_backfill", fromlist=["backfill"]).backfill
    backfill(apps, None)
    assert without_ids() == written
