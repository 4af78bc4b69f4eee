"""No BSN in any text field of personal data, whatever its separators (ADR 0012).

The meta-test discovers every text field (CharField, TextField, JSONField) of the personal-data
models through `_meta.get_fields()` and fails when one has no writer below that refuses a BSN in
it. The writers are the services, the one place every form and API path goes through; a static
check makes sure nothing outside the services writes these models.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.db import models

from kansrijk.conftest import client_for
from kansrijk.core.errors import DomainError
from kansrijk.referrals import closing, services
from kansrijk.referrals.models import Barrier, Child, Concern, Consent, Feedback, Notification, Referral, ReferralStep
from kansrijk.referrals.tests.factories import ConcernFactory, ReferralFactory
from kansrijk.referrals.validation import contains_bsn

pytestmark = pytest.mark.django_db

BSN_FORMS = [
    "123456782",
    "123-456-782",
    "123 456 782",
    "123.456.782",
    "123/456/782",
    "123\u00a0456\u00a0782",
    "123\t456\t782",
    "12 3.45-6/78\u00a02",
    "123 - 456 - 782",
]
PERSONAL_MODELS = [Concern, Child, Consent, Referral, ReferralStep, Barrier, Notification, Feedback]
OPTIONAL_PERSONAL_MODELS = [("referrals", "FollowUp"), ("referrals", "FollowUpAnswer"), ("outcomes", "FollowUp")]
# Written by Kansrijk itself, never from what a user types into this record.
SYSTEM_WRITTEN = {
    ("Referral", "service_name"): "copied from the social map's service name",
    ("Notification", "message"): "made by Kansrijk from a fixed template and the service name",
}


@pytest.mark.parametrize("text", BSN_FORMS)
def test_a_bsn_is_found_with_every_separator(text):
    assert contains_bsn(f"moeder {text} vader")


@pytest.mark.parametrize("text", ["1234567820", "06-12345678", "kosten 225 euro in 2025", "12-03-2025 om 9 uur"])
def test_numbers_that_are_not_a_bsn_pass(text):
    assert not contains_bsn(text)


class World:
    def __init__(self, teacher: Any, fund_worker: Any, fund: Any, sport_service: Any) -> None:
        self.teacher, self.fund_worker, self.fund, self.service = teacher, fund_worker, fund, sport_service
        self.concern = ConcernFactory(organisation=teacher.organisation)

    def referral(self, **traits: Any) -> Referral:
        return ReferralFactory(concern=self.concern, receiver=self.fund, **traits)

    def concern_with(self, *, child: dict[str, Any] | None = None, **kwargs: Any) -> Any:
        child_data = services.ChildData(**{"first_name": "Sam", "age": 8, **(child or {})})
        return services.concern_create(
            actor=self.teacher.user,
            organisation=self.teacher.organisation,
            municipality_code="GM1640",
            children=[child_data],
            **kwargs,
        )

    def consent_with(self, **kwargs: Any) -> Any:
        data = {"given_by": "parent", "purpose": "Sport", "method": "in_person", **kwargs}
        return services.consent_create(
            actor=self.teacher.user, concern=self.concern, organisation_ids=[self.fund.pk], **data
        )

    def step(self, target: str, *, traits: dict[str, Any] | None = None, **kwargs: Any) -> Any:
        referral = self.referral(**(traits or {}))
        return services.referral_transition(actor=self.fund_worker.user, referral=referral, target=target, **kwargs)

    def barrier_with(self, category: str = "transport", description: str = "De bus") -> Any:
        return services.barrier_create(
            actor=self.teacher.user, referral=self.referral(), category=category, description=description
        )

    def feedback_with(self, family_answer: str = "yes", comment: str = "") -> Any:
        return services.feedback_record(
            actor=self.teacher.user,
            referral=self.referral(done=True),
            family_answer=family_answer,
            child_score=4,
            comment=comment,
        )


Writer = Callable[[World, str], object]
WRITERS: dict[tuple[str, str], Writer] = {
    ("Concern", "note"): lambda w, t: w.concern_with(note=t),
    ("Concern", "wishes"): lambda w, t: w.concern_with(wishes=[services.WishData(text=t)]),
    ("Concern", "signs"): lambda w, t: w.concern_with(signs=[t]),
    ("Child", "first_name"): lambda w, t: w.concern_with(child={"first_name": t}),
    ("Child", "school"): lambda w, t: w.concern_with(child={"school": t}),
    ("Consent", "given_by"): lambda w, t: w.consent_with(given_by=t),
    ("Consent", "purpose"): lambda w, t: w.consent_with(purpose=t),
    ("Consent", "method"): lambda w, t: w.consent_with(method=t),
    ("Referral", "note"): lambda w, t: services.referral_create(
        actor=w.teacher.user, concern=w.concern, service_id=w.service.pk, note=t
    ),
    ("Referral", "status"): lambda w, t: w.step(t),
    ("Referral", "delivered_what"): lambda w, t: w.step("done", traits={"in_progress": True}, delivered_what=t),
    ("ReferralStep", "from_status"): lambda w, t: w.step(t),
    ("ReferralStep", "to_status"): lambda w, t: w.step(t),
    ("ReferralStep", "reason"): lambda w, t: w.step("declined", reason=t, reason_code="other"),
    ("Referral", "decline_reason"): lambda w, t: w.step("declined", reason_code=t),
    ("Concern", "close_reason"): lambda w, t: closing.concern_close(actor=w.teacher.user, concern=w.concern, reason=t),
    ("Concern", "close_note"): lambda w, t: closing.concern_close(
        actor=w.teacher.user, concern=w.concern, reason="help_arranged", note=t
    ),
    ("Barrier", "category"): lambda w, t: w.barrier_with(category=t),
    ("Barrier", "description"): lambda w, t: w.barrier_with(description=t),
    ("Feedback", "family_answer"): lambda w, t: w.feedback_with(family_answer=t),
    ("Feedback", "comment"): lambda w, t: w.feedback_with(comment=t),
}


def personal_models() -> list[type[models.Model]]:
    found = list(PERSONAL_MODELS)
    for app_label, name in OPTIONAL_PERSONAL_MODELS:
        try:
            found.append(apps.get_model(app_label, name))
        except LookupError:
            continue
    return found


def text_fields() -> list[tuple[str, str]]:
    kinds = (models.CharField, models.TextField, models.JSONField)
    return [
        (model.__name__, field.name)
        for model in personal_models()
        for field in model._meta.get_fields()
        if isinstance(field, kinds) and not field.primary_key
    ]


def test_every_text_field_of_personal_data_has_a_writer_that_refuses_a_bsn():
    fields = text_fields()
    assert ("Concern", "note") in fields  # discovery works
    missing = [f for f in fields if f not in WRITERS and f not in SYSTEM_WRITTEN]
    assert not missing, f"text fields without a BSN-checked write path: {missing}"
    stale = [f for f in [*WRITERS, *SYSTEM_WRITTEN] if f not in fields]
    assert not stale, f"listed fields that no longer exist: {stale}"


@pytest.mark.parametrize("key", sorted(WRITERS), ids=".".join)
@pytest.mark.parametrize(
    "text", ["123-456-782", "123\u00a0456\u00a0782", "12 3.45-6/78\t2"], ids=["dash", "nbsp", "mix"]
)
def test_a_bsn_is_refused_in_every_text_field_of_personal_data(key, text, teacher, fund_worker, fund, sport_service):
    world = World(teacher, fund_worker, fund, sport_service)
    with pytest.raises(DomainError):
        WRITERS[key](world, f"moeder {text}")
    model = apps.get_model("referrals", key[0])
    assert not [row for row in model.objects.all() if contains_bsn(str(getattr(row, key[1])))]


@pytest.mark.parametrize("key", ["Concern.note", "Consent.purpose", "ReferralStep.reason", "Feedback.comment"])
def test_the_same_writers_accept_ordinary_text(key, teacher, fund_worker, fund, sport_service):
    world = World(teacher, fund_worker, fund, sport_service)
    WRITERS[tuple(key.split("."))](world, "Sam wil voetballen, kosten 225 euro in 2025.")  # type: ignore[index]


_WRITE = r"\b{model}(\.objects\.(create|bulk_create|update_or_create|get_or_create)\b|\.objects\.[^\n]*\.update\(|\()"
# Only the services write personal data (`services.py` and the use-case modules it re-exports,
# ADR 0027); retention empties it and is tested on its own.
ALLOWED_WRITERS = {
    "referrals/services.py",
    "referrals/consents.py",
    "referrals/steps.py",
    "referrals/notices.py",
    "referrals/closing.py",
    "referrals/retention.py",
    "referrals/models/concerns.py",
    "referrals/models/referrals.py",
}


def test_only_the_services_write_personal_data():
    root = Path(__file__).resolve().parents[2]
    offenders = []
    for path in root.rglob("*.py"):
        relative = path.relative_to(root).as_posix()
        if "/tests/" in f"/{relative}" or "/migrations/" in relative or relative in ALLOWED_WRITERS:
            continue
        source = path.read_text(encoding="utf-8")
        if "kansrijk.referrals.models import" not in source:
            continue
        for model in PERSONAL_MODELS:
            if re.search(_WRITE.format(model=model.__name__), source):
                offenders.append(f"{relative}: {model.__name__}")
    assert not offenders, offenders


@pytest.mark.parametrize("text", BSN_FORMS)
def test_the_api_refuses_a_bsn_with_any_separator_naming_the_field(teacher, text):
    payload = {
        "children": [{"first_name": "Sam", "birth_year": 2016}],
        "municipality": "GM1640",
        "note": f"BSN moeder {text}",
    }
    response = client_for(teacher).post("/api/v1/concerns", payload, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "note"
    assert "BSN" in response.json()["errors"][0]["message"]
    assert not Concern.objects.exists()


@pytest.mark.parametrize("text", ["123-456-782", "123/456/782", "123\u00a0456\u00a0782"])
def test_the_feedback_form_refuses_a_bsn_with_any_separator(teacher, fund, text):
    referral = ReferralFactory(concern=ConcernFactory(organisation=teacher.organisation), receiver=fund, done=True)
    response = client_for(teacher).post(
        f"/zorgen/verwijzingen/{referral.pk}/terugkoppeling/",
        {"family_answer": "yes", "comment": f"BSN {text}"},
    )
    assert response.status_code == 200
    assert "BSN" in response.content.decode()
    assert not Feedback.objects.exists()
