"""Writes of the take-up follow-up: each in one transaction with its audit row; e-mail after commit.

Errors are `TakeUpError` (Dutch, B1, naming the field). The anonymous facts (`TakeUpAnswer`) are
written in the same transaction as the answer they come from (ADR 0031)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kansrijk.accounts.models import User
from kansrijk.audit.services import record
from kansrijk.municipalities.models import Municipality
from kansrijk.organisations.models import Membership
from kansrijk.referrals.models import Concern
from kansrijk.referrals.services import organisation_notify
from kansrijk.takeup import selectors
from kansrijk.takeup.constants import (
    EMAIL_LENGTH,
    FAMILY_ANSWERS,
    MAX_SCHEMES,
    PROFESSIONAL_ANSWERS,
    Answer,
    ManageReason,
    RefusalReason,
    SchemeKind,
    Source,
)
from kansrijk.takeup.models import FamilyFollowUp, ProfessionalTakeUp, TakeUpAnswer, TakeUpReminder
from kansrijk.takeup.protect import code_hash, new_code, open_contact, seal_contact


class TakeUpError(Exception):
    """A request that cannot be carried out; `message` (Dutch, B1) says why, `field` where."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.field = field


@dataclass(frozen=True)
class SchemeAnswer:
    """One answer about one suggested scheme."""

    answer: str
    reason: str = ""
    helped_score: int | None = None


def _reason_for(answer: str, reason: str, field: str) -> str:
    """The coded reason an answer needs: why it did not work out, or why it was refused."""
    if answer == Answer.DIDNT_MANAGE:
        if reason not in ManageReason.values:
            raise TakeUpError(_("Kies wat er misging."), field)
        return reason
    if answer == Answer.REFUSED and reason:
        if reason not in RefusalReason.values:
            raise TakeUpError(_("Kies een reden uit de lijst."), field)
        return reason
    return ""


# --- the family -----------------------------------------------------------------------------------------------


def _clean_schemes(schemes: Sequence[Sequence[str]]) -> list[dict[str, str]]:
    items = [{"key": str(key), "kind": str(kind)} for key, kind in schemes]
    if not items or len(items) > MAX_SCHEMES or any(i["kind"] not in SchemeKind.values for i in items):
        raise TakeUpError(_("De uitkomst van de check is niet compleet. Doe de check opnieuw."), "vervolg")
    return list({item["key"]: item for item in items}.values())


def follow_up_create(
    *, municipality_code: str, checked_on: dt.date, schemes: Sequence[Sequence[str]], email: str = ""
) -> tuple[FamilyFollowUp, str]:
    """Start a family's follow-up: returns it and its code (shown once; only its hash is stored).

    Kept: the suggested schemes (key and kind), the municipality and the date; the e-mail
    address only if given, encrypted, for the one question after `QUESTION_AFTER_DAYS` days."""
    municipality = Municipality.objects.filter(code=municipality_code).first()
    if municipality is None:
        raise TakeUpError(_("De uitkomst van de check is niet compleet. Doe de check opnieuw."), "vervolg")
    items = _clean_schemes(schemes)
    email = email.strip()
    if email:
        try:
            validate_email(email)
        except ValidationError as error:
            raise TakeUpError(
                _("Vul een e-mailadres in zoals naam@voorbeeld.nl, of laat het leeg."), "email"
            ) from error
        if len(email) > EMAIL_LENGTH:
            raise TakeUpError(_("Dit e-mailadres is te lang."), "email")
    with transaction.atomic():
        for _attempt in range(5):
            code = new_code()
            if not FamilyFollowUp.objects.filter(code_hash=code_hash(code)).exists():
                break
        follow_up = FamilyFollowUp.objects.create(
            code_hash=code_hash(code),
            municipality=municipality,
            checked_on=checked_on,
            schemes=items,
            contact=seal_contact(email=email, code=code) if email else "",
        )
        record(
            actor=None,
            action="takeup.follow_up_create",
            obj=follow_up,
            actor_label="family",
            detail={"schemes": len(items), "email": bool(email)},
        )
    return follow_up, code


def follow_up_answer(*, follow_up: FamilyFollowUp, answers: Mapping[str, SchemeAnswer]) -> list[TakeUpAnswer]:
    """The family's answers, one per suggested scheme: written as anonymous facts, and the address
    deleted, in one transaction. A follow-up is answered once."""
    keys = [item["key"] for item in follow_up.schemes]
    facts: list[TakeUpAnswer] = []
    for index, key in enumerate(keys, start=1):
        given = answers.get(key)
        if given is None or given.answer not in FAMILY_ANSWERS:
            raise TakeUpError(_("Kies een antwoord bij elke regeling."), f"antwoord_{index}")
        reason = _reason_for(given.answer, given.reason, f"reden_{index}")
        if given.helped_score is not None and not 1 <= given.helped_score <= 5:
            raise TakeUpError(_("Kies een smiley van 1 tot 5."), f"smiley_{index}")
        kind = follow_up.schemes[index - 1]["kind"]
        facts.append(_fact(follow_up.municipality_id, key, kind, Source.FAMILY, given, reason))
    with transaction.atomic():
        locked = FamilyFollowUp.objects.select_for_update().filter(pk=follow_up.pk, answered_at__isnull=True)
        if not locked.update(answered_at=timezone.now(), contact=""):
            raise TakeUpError(_("Voor deze code zijn de antwoorden al gegeven. Dank u wel!"), "code")
        TakeUpAnswer.objects.bulk_create(facts)
        record(
            actor=None,
            action="takeup.follow_up_answer",
            obj=follow_up,
            actor_label="family",
            detail={"answers": len(facts)},
        )
    return facts


def _fact(municipality: str, key: str, kind: str, source: str, given: SchemeAnswer, reason: str) -> TakeUpAnswer:
    return TakeUpAnswer(
        municipality_code=municipality,
        scheme_key=key,
        scheme_kind=kind,
        source=source,
        answer=given.answer,
        reason=reason,
        helped_score=given.helped_score,
        answered_on=timezone.localdate(),
    )


def family_question_send(*, follow_up: FamilyFollowUp) -> bool:
    """E-mail the question once, with the scheme names and the code; False when not due or no address."""
    opened = open_contact(follow_up.contact) if follow_up.contact else None
    with transaction.atomic():
        updated = FamilyFollowUp.objects.filter(
            pk=follow_up.pk, question_sent_at__isnull=True, answered_at__isnull=True
        ).update(question_sent_at=timezone.now())
        if not updated:
            return False
        record(actor=None, action="takeup.question_send", obj=follow_up, actor_label="system")
        if opened is None:
            return False
        email, code = opened
        subject, body = _question_mail(follow_up, code)
        transaction.on_commit(lambda: send_mail(subject, body, None, [email], fail_silently=True))
    return True


def _question_mail(follow_up: FamilyFollowUp, code: str) -> tuple[str, str]:
    labels = selectors.scheme_names(keys=[item["key"] for item in follow_up.schemes])
    names = "\n".join(f"- {labels[item['key']]}" for item in follow_up.schemes)
    link = settings.SITE_URL + reverse("takeup:family_answer") + f"?code={code}"
    subject = _("Hoe ging het met uw aanvraag?")
    body = _(
        "Hallo,\n\n"
        "Op %(date)s deed u de check 'Wat kan ik krijgen?' op Kansrijk. Wij noemden toen:\n%(names)s\n\n"
        "Heeft u het aangevraagd? Heeft u het gekregen? Vertel het ons in 1 minuut:\n%(link)s\n\n"
        "Uw code is %(code)s.\n\n"
        "Na uw antwoord wissen we uw e-mailadres. Antwoordt u niet, dan wissen we het na 60 dagen. "
        "U krijgt deze e-mail maar één keer.\n"
    ) % {"date": follow_up.checked_on.strftime("%d-%m-%Y"), "names": names, "link": link, "code": code}
    return subject, body


def family_questions_run(*, now: dt.datetime | None = None) -> int:
    """The daily task: send the questions that are due, then forget what is past its period."""
    sent = sum(1 for f in selectors.follow_up_list_due_for_question(now=now) if family_question_send(follow_up=f))
    follow_up_forget(now=now)
    return sent


def follow_up_forget(*, now: dt.datetime | None = None) -> int:
    """Delete follow-ups older than `FOLLOW_UP_DAYS` (code and address with them); returns how many."""
    with transaction.atomic():
        old = selectors.follow_up_list_expired(now=now)
        count = old.count()
        if count:
            old.delete()
            record(actor=None, action="takeup.follow_up_forget", actor_label="system", detail={"count": count})
    return count


# --- the professional ---------------------------------------------------------------------------------------


def professional_take_up_record(
    *, actor: User, concern: Concern, scheme_key: str, answer: str, reason: str = ""
) -> ProfessionalTakeUp:
    """Record (or change) what happened with one scheme the check suggested for the concern; its
    anonymous fact is written or updated in the same transaction."""
    if not Membership.objects.filter(user=actor, organisation_id=concern.organisation_id).exists():
        raise TakeUpError(_("Je werkt niet voor deze organisatie."))
    suggested = {s.key: s for s in selectors.suggested_for(concern=concern)}
    if scheme_key not in suggested:
        raise TakeUpError(_("Deze regeling hoort niet bij deze zorg."), "scheme")
    if answer not in PROFESSIONAL_ANSWERS:
        raise TakeUpError(_("Kies wat er gebeurde."), "answer")
    reason = _reason_for(answer, reason, "reason")
    given = SchemeAnswer(answer=answer, reason=reason)
    kind = suggested[scheme_key].kind
    with transaction.atomic():
        row = ProfessionalTakeUp.objects.select_for_update().filter(concern=concern, scheme_key=scheme_key).first()
        fact = _fact(concern.municipality_id, scheme_key, kind, Source.PROFESSIONAL, given, reason)
        if row is not None and row.fact_id is not None:
            fact.pk = row.fact_id
        fact.save()
        row, _created = ProfessionalTakeUp.objects.update_or_create(
            concern=concern,
            scheme_key=scheme_key,
            defaults={
                "scheme_kind": kind,
                "answer": answer,
                "reason": reason,
                "fact": fact,
                "recorded_by": actor,
                "recorded_at": timezone.now(),
            },
        )
        record(
            actor=actor,
            action="takeup.record",
            obj=row,
            detail={"concern": str(concern.pk), "scheme": scheme_key, "answer": answer, "reason": reason},
        )
    return row


def take_up_remind(*, concern: Concern) -> bool:
    """Remind the concern's organisation (and the professional who raised it) once, when nothing
    was recorded for the schemes the check suggested."""
    with transaction.atomic():
        _reminder, created = TakeUpReminder.objects.get_or_create(concern=concern)
        if not created:
            return False
        link = settings.SITE_URL + reverse("takeup:concern", args=[concern.pk])
        message = _(
            "Herinnering: de zorg van %(date)s is 6 weken oud. Leg vast of het gezin de voorgestelde regelingen "
            "aanvroeg en kreeg."
        ) % {"date": concern.created_at.strftime("%d-%m-%Y")}
        organisation_notify(organisation_id=concern.organisation_id, message=message)
        record(actor=None, action="takeup.remind", obj=concern, actor_label="system")
        if concern.created_by is not None and concern.created_by.email:
            body = _("%(message)s\n\nOpen de zorg in Kansrijk:\n%(link)s\n") % {"message": message, "link": link}
            address = [concern.created_by.email]
            transaction.on_commit(lambda: send_mail(message[:120], body, None, address, fail_silently=True))
    return True


def take_up_reminders_run(*, now: dt.datetime | None = None) -> int:
    """The daily task: remind once for every concern due; returns how many were reminded."""
    return sum(1 for concern in selectors.concern_list_due_for_reminder(now=now) if take_up_remind(concern=concern))
