"""Back-fill: the anonymous facts of the concerns, referrals and answers that exist already.

Built from the referral history exactly as the services write them now (ADR 0028): one row
per concern (and per sign and wish), one per step each referral took, one per answer.
Concerns erased before this migration left only their yearly `ConcernRecord`: they have no
dates per step, so they are not turned into facts."""

from __future__ import annotations

from django.db import migrations
from django.utils import timezone

from kansrijk.facts.constants import amount_band
from kansrijk.facts.services import ReferralFactIn, concern_fact_rows, referral_fact_row, youngest_band
from kansrijk.socialmap.constants import NEEDS

NEED_ORDER = {need.code: index for index, need in enumerate(NEEDS)}
ENDINGS = ("done", "declined", "withdrawn")


def _ages(concern) -> list[int]:
    given = concern.created_at.year
    return [c.age if c.age is not None else max(given - c.birth_year, 0) for c in concern.children.all()]


def _needs(apps, service_id) -> list[str]:
    if service_id is None:
        return []
    Attribute = apps.get_model("socialmap", "Attribute")
    codes = Attribute.objects.filter(service_id=service_id, taxonomy_term__code__in=list(NEED_ORDER))
    return sorted(set(codes.values_list("taxonomy_term__code", flat=True)), key=NEED_ORDER.__getitem__)


def _referral_facts(apps, referral, kinds, ages) -> list[dict[str, object]]:
    concern = referral.concern
    needs = _needs(apps, referral.service_id)
    wishes = {str(w.get("need") or "") for w in concern.wishes}
    consent = referral.consent
    days: dict[str, object] = {}
    rows = []
    for step in referral.steps.order_by("at", "id"):
        if step.to_status in days:
            continue
        days[step.to_status] = timezone.localdate(step.at)
        fact = ReferralFactIn(
            step=step.to_status,
            on=days[step.to_status],
            municipality_code=concern.municipality_id,
            receiver_id=referral.receiver_id,
            service_id=referral.service_id,
            need=needs[0] if needs else "",
            referrer_kind=kinds.get(referral.referrer_id, ""),
            age_band=youngest_band(ages),
            for_wish=bool(wishes.intersection(needs)),
            concern_on=timezone.localdate(concern.created_at),
            consent_on=timezone.localdate(consent.given_at) if consent else None,
            referred_on=days.get("sent", days[step.to_status]),
            accepted_on=days.get("accepted"),
            started_on=days.get("in_progress"),
            ended_on=days[step.to_status] if step.to_status in ENDINGS else None,
            decline_reason=referral.decline_reason if step.to_status == "declined" else "",
            amount_band=amount_band(referral.delivered_amount_cents) if step.to_status == "done" else "",
        )
        rows.append(referral_fact_row(fact))
    return rows


def backfill(apps, schema_editor):
    Concern = apps.get_model("referrals", "Concern")
    Feedback = apps.get_model("referrals", "Feedback")
    Organisation = apps.get_model("organisations", "Organisation")
    facts = {name: apps.get_model("facts", name) for name in ("ReferralFact", "ConcernFact", "ConcernCodeFact")}
    FeedbackFact = apps.get_model("facts", "FeedbackFact")
    kinds = dict(Organisation.objects.values_list("id", "kind"))
    for concern in Concern.objects.all().iterator(chunk_size=500):
        ages = _ages(concern)
        row, codes = concern_fact_rows(
            on=timezone.localdate(concern.created_at),
            municipality_code=concern.municipality_id,
            organisation_kind=kinds.get(concern.organisation_id, ""),
            ages=ages,
            signs=concern.signs,
            wish_needs=[str(w.get("need") or "") for w in concern.wishes],
        )
        facts["ConcernFact"].objects.create(**row)
        facts["ConcernCodeFact"].objects.bulk_create(facts["ConcernCodeFact"](**code) for code in codes)
        for referral in concern.referrals.select_related("consent").all():
            facts["ReferralFact"].objects.bulk_create(
                facts["ReferralFact"](**fact) for fact in _referral_facts(apps, referral, kinds, ages)
            )
    for feedback in Feedback.objects.select_related("referral__concern").iterator(chunk_size=500):
        referral = feedback.referral
        needs = _needs(apps, referral.service_id)
        FeedbackFact.objects.create(
            on=timezone.localdate(feedback.recorded_at),
            municipality_code=referral.concern.municipality_id,
            receiver_id=referral.receiver_id,
            service_id=referral.service_id,
            need=needs[0] if needs else "",
            family_answer=feedback.family_answer,
            child_score=feedback.child_score,
            weight=1,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("facts", "0001_initial"),
        ("referrals", "0005_dutch_verbose_names"),
        ("socialmap", "0007_dutch_verbose_names"),
        ("organisations", "0002_dutch_verbose_names"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
