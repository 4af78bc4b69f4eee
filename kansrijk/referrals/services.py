"""Writes for concerns, consent and referrals: each atomic, audited inside its transaction,
with e-mail sent only after commit. Errors are `DomainError` (bad input, HTTP 400),
`Conflict` (clashes with the current state, HTTP 409) and `NotAllowed` (HTTP 403)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kansrijk.accounts.models import User
from kansrijk.audit.services import record
from kansrijk.core.errors import Conflict, DomainError, InvalidInput, NotAllowed
from kansrijk.core.money import format_euros
from kansrijk.municipalities.models import Municipality
from kansrijk.organisations.models import Organisation
from kansrijk.referrals import facts_written, selectors
from kansrijk.referrals.checks import (  # the limits and checks other modules use through services
    BARRIER_LENGTH as BARRIER_LENGTH,
)
from kansrijk.referrals.checks import (
    FIELD_LABELS as FIELD_LABELS,
)
from kansrijk.referrals.checks import (
    FIRST_NAME_LENGTH as FIRST_NAME_LENGTH,
)
from kansrijk.referrals.checks import (
    MAX_AMOUNT_CENTS as MAX_AMOUNT_CENTS,
)
from kansrijk.referrals.checks import (
    MAX_CHILDREN as MAX_CHILDREN,
)
from kansrijk.referrals.checks import (
    WISH_LENGTH as WISH_LENGTH,
)
from kansrijk.referrals.checks import (
    clean_text as clean_text,
)
from kansrijk.referrals.checks import (
    require_member as require_member,
)
from kansrijk.referrals.checks import (
    require_open,
)
from kansrijk.referrals.consents import (
    consent_create as consent_create,
)
from kansrijk.referrals.consents import (
    consent_expire as consent_expire,
)
from kansrijk.referrals.consents import (
    consent_expiry_run as consent_expiry_run,
)
from kansrijk.referrals.consents import (
    consent_withdraw as consent_withdraw,
)
from kansrijk.referrals.constants import (
    OPEN_STATUSES,
    SIGN_BY_CODE,
    BarrierCategory,
    DeclineReason,
    FamilyAnswer,
    School,
    Status,
)
from kansrijk.referrals.models import (
    Barrier,
    Child,
    Concern,
    Feedback,
    Referral,
    ReferralStep,
)
from kansrijk.referrals.notices import notify_without_users, receiver_emails, referrer_emails, tell
from kansrijk.referrals.notices import organisation_notify as organisation_notify  # the take-up reminder
from kansrijk.referrals.notices import referral_remind as referral_remind
from kansrijk.referrals.retention import concern_erasures_replay as concern_erasures_replay  # backups' replay
from kansrijk.referrals.retention import retention_run as retention_run  # the retention command
from kansrijk.referrals.steps import step, touch
from kansrijk.referrals.workflow import Transition, transition_for
from kansrijk.socialmap.constants import NEED_BY_CODE
from kansrijk.socialmap.models import Service


@dataclass(frozen=True)
class ChildData:
    first_name: str
    birth_year: int | None = None
    age: int | None = None
    school: str = School.PRIMARY.value


@dataclass(frozen=True)
class WishData:
    text: str
    need: str = ""
    child: int | None = None


def _child(data: ChildData, index: int, this_year: int) -> Child:
    name = clean_text("children", data.first_name, max_length=FIRST_NAME_LENGTH, multiline=False)
    if not name:
        raise InvalidInput(_("Vul de voornaam of de voorletters in (kind %(n)s).") % {"n": index + 1}, "children")
    if data.school not in School.values:
        raise InvalidInput(_("Kies het soort school (kind %(n)s).") % {"n": index + 1}, "children")
    birth_year = (
        data.birth_year if data.birth_year is not None else (this_year - data.age if data.age is not None else None)
    )
    if birth_year is None or not this_year - 25 <= birth_year <= this_year:
        raise InvalidInput(
            _("Vul een geboortejaar of leeftijd in die klopt (kind %(n)s, 0 tot 25 jaar).") % {"n": index + 1},
            "children",
        )
    return Child(position=index, first_name=name, birth_year=birth_year, age=data.age, school=data.school)


def _wishes(wishes: Sequence[WishData], children: int) -> list[dict[str, object]]:
    items: list[dict[str, object]] = []
    for wish in wishes:
        text = clean_text("wishes", wish.text, max_length=WISH_LENGTH, multiline=False)
        if not text and not wish.need:
            continue
        if wish.need and wish.need not in NEED_BY_CODE:
            raise InvalidInput(_("'%(need)s' is geen bekende behoefte.") % {"need": wish.need}, "wishes")
        child = wish.child if wish.child is not None and 0 <= wish.child < children else None
        items.append({"child": child, "need": wish.need, "text": text})
    return items


def concern_create(
    *,
    actor: User,
    organisation: Organisation,
    municipality_code: str,
    children: Sequence[ChildData],
    signs: Iterable[str] = (),
    note: str = "",
    wishes: Sequence[WishData] = (),
) -> Concern:
    require_member(actor, organisation.pk)
    municipality = Municipality.objects.filter(code=municipality_code.strip().upper()).first()
    if municipality is None:
        raise InvalidInput(_("Kies de gemeente waar het gezin woont."), "municipality")
    if not children or len(children) > MAX_CHILDREN:
        raise InvalidInput(_("Vul 1 tot %(max)s kinderen in.") % {"max": MAX_CHILDREN}, "children")
    this_year = timezone.localdate().year
    rows = [_child(child, index, this_year) for index, child in enumerate(children)]
    codes = list(dict.fromkeys(signs))
    unknown = [code for code in codes if code not in SIGN_BY_CODE]
    if unknown:
        raise InvalidInput(_("Onbekend signaal: %(codes)s.") % {"codes": ", ".join(unknown)}, "signals")
    note = clean_text("note", note)
    items = _wishes(wishes, len(rows))
    with transaction.atomic():
        concern = Concern.objects.create(
            organisation=organisation,
            created_by=actor,
            municipality=municipality,
            signs=codes,
            note=note,
            wishes=items,
        )
        for child in rows:
            child.concern = concern
        Child.objects.bulk_create(rows)
        facts_written.concern_facts_write(concern, facts_written.ages_of(rows, this_year))
        record(
            actor=actor,
            action="concern.create",
            obj=concern,
            detail={"organisation": str(organisation.pk), "children": len(rows)},
        )
    return concern


def referral_create(*, actor: User, concern: Concern, service_id: uuid.UUID | str, note: str = "") -> Referral:
    """Refer the concern to one service; only with valid consent for the service's organisation."""
    require_member(actor, concern.organisation_id)
    service = Service.objects.select_related("organization__organisation").filter(pk=service_id).first()
    if service is None:
        raise InvalidInput(_("Deze hulp staat niet op de sociale kaart."), "service")
    receiver: Organisation = service.organization.organisation
    note = clean_text("note", note)
    require_open(concern)
    with transaction.atomic():
        consent = selectors.consent_valid_for(concern=concern, organisation=receiver)
        if consent is None:
            raise Conflict(
                _("Er is geen geldige toestemming om gegevens te delen met %(name)s. Leg eerst toestemming vast.")
                % {"name": receiver.name},
                "service",
            )
        if Referral.objects.filter(concern=concern, service=service, status__in=OPEN_STATUSES).exists():
            raise Conflict(_("Er loopt al een verwijzing naar deze hulp."), "service")
        referral = Referral.objects.create(
            concern=concern,
            service=service,
            service_name=service.name,
            receiver=receiver,
            referrer_id=concern.organisation_id,
            consent=consent,
            note=note,
            created_by=actor,
        )
        ReferralStep.objects.create(
            referral=referral, to_status=Status.SENT, actor=actor, organisation_id=concern.organisation_id
        )
        facts_written.referral_fact_write(referral, Status.SENT)
        touch(concern.pk)
        record(
            actor=actor,
            action="referral.create",
            obj=referral,
            detail={"concern": str(concern.pk), "service": str(service.pk), "receiver": str(receiver.pk)},
        )
        tell(
            referral, receiver.pk, _("Nieuwe verwijzing voor '%(service)s' over %(child)s."), receiver_emails(referral)
        )
    return referral


def referrals_create(
    *, actor: User, concern: Concern, service_ids: Sequence[uuid.UUID | str], note: str = ""
) -> list[Referral]:
    """Refer one concern to several services: all or none (one transaction). A failure for any
    service raises its error, naming the service, and nothing is sent. A receiver without users on
    Kansrijk gets a notice at its public e-mail address (no personal data), after the commit."""
    if not service_ids:
        raise InvalidInput(_("Kies minstens één hulp."), "service")
    made: list[Referral] = []
    with transaction.atomic():
        for service_id in service_ids:
            try:
                made.append(referral_create(actor=actor, concern=concern, service_id=service_id, note=note))
            except DomainError as error:
                name = Service.objects.filter(pk=service_id).values_list("name", flat=True).first() or str(service_id)
                message = _("%(service)s: %(error)s Er is nog niets verstuurd.") % {
                    "service": name,
                    "error": error.message,
                }
                raise type(error)(message, error.field) from error
        for referral in made:
            notify_without_users(actor, referral)
    return made


def _check_step_input(
    transition: Transition, reason: str, reason_code: str, delivered_what: str, amount_cents: int | None
) -> tuple[str, str]:
    """What the step needs, read from its row in the transition table; returns the checked texts."""
    reason, delivered_what = clean_text("reason", reason), clean_text("delivered_what", delivered_what)
    if transition.needs_reason_code and reason_code not in DeclineReason.values:
        raise InvalidInput(_("Kies een reden uit de lijst."), "reason_code")
    if transition.needs_reason and not reason:
        raise InvalidInput(_("Schrijf kort op waarom."), "reason")
    if transition.needs_delivery and not delivered_what:
        raise InvalidInput(_("Schrijf op welke hulp het kind of gezin kreeg."), "delivered_what")
    if amount_cents is not None and not 0 <= amount_cents <= MAX_AMOUNT_CENTS:
        raise InvalidInput(
            _("Vul een bedrag in van %(low)s tot %(max)s.")
            % {"low": format_euros(0), "max": format_euros(MAX_AMOUNT_CENTS)},
            "amount_cents",
        )
    return reason, delivered_what


def referral_transition(
    *,
    actor: User,
    referral: Referral,
    target: str,
    reason: str = "",
    reason_code: str = "",
    delivered_what: str = "",
    amount_cents: int | None = None,
) -> Referral:
    """Take one step of the lifecycle; exactly one of two simultaneous steps wins (version check).

    A decline (from sent, accepted or in progress) needs a `reason_code` from `DeclineReason`;
    its free text `reason` is optional. What a step needs comes from its row in `workflow.TRANSITIONS`."""
    transition = transition_for(source=referral.status, target=target)
    sides = selectors.access_referral_sides(user=actor, referral=referral)
    if transition.side not in sides:
        who = _("de organisatie die de hulp geeft") if transition.side == "receiver" else _("de verwijzer")
        raise NotAllowed(_("Deze stap is voor %(who)s.") % {"who": who}, "to")
    if transition.side == "receiver" and not selectors.access_referral_personal_data(user=actor, referral=referral):
        raise Conflict(
            _("De toestemming is ingetrokken of verlopen. Je kunt deze verwijzing niet meer behandelen."), "to"
        )
    reason, delivered_what = _check_step_input(transition, reason, reason_code, delivered_what, amount_cents)
    reason_code = reason_code if transition.needs_reason_code else ""
    organisation_id = referral.receiver_id if transition.side == "receiver" else referral.referrer_id
    source = referral.status
    with transaction.atomic():
        step(
            referral,
            target=target,
            actor=actor,
            organisation_id=organisation_id,
            reason=reason,
            reason_code=reason_code,
            delivered_what=delivered_what,
            amount_cents=amount_cents,
        )
        detail: dict[str, object] = {"from": source, "to": target, "version": referral.version}
        if reason_code:
            detail["reason_code"] = reason_code
        record(actor=actor, action="referral.transition", obj=referral, detail=detail)
        if transition.side == "receiver":
            message = _("Verwijzing voor '%(service)s' over %(child)s: ") + str(Status(target).label).lower()
            message += f" ({str(DeclineReason(reason_code).label).lower()})." if reason_code else "."
            tell(referral, referral.referrer_id, message, referrer_emails(referral))
        else:
            tell(
                referral,
                referral.receiver_id,
                _("Verwijzing voor '%(service)s' over %(child)s is ingetrokken."),
                receiver_emails(referral),
            )
    return referral


def barrier_create(*, actor: User, referral: Referral, category: str, description: str) -> Barrier:
    """Either side of a referral may flag a structural barrier; municipalities see counts only."""
    if not selectors.access_referral_sides(user=actor, referral=referral):
        raise NotAllowed(_("Je werkt niet voor een organisatie van deze verwijzing."))
    if category not in BarrierCategory.values:
        raise InvalidInput(_("Kies het soort drempel."), "category")
    description = clean_text("description", description, max_length=BARRIER_LENGTH)
    sides = selectors.access_referral_sides(user=actor, referral=referral)
    organisation_id = referral.referrer_id if "referrer" in sides else referral.receiver_id
    with transaction.atomic():
        barrier = Barrier.objects.create(
            referral=referral,
            municipality_id=referral.concern.municipality_id,
            category=category,
            description=description,
            organisation_id=organisation_id,
            created_by=actor,
        )
        record(
            actor=actor,
            action="barrier.create",
            obj=barrier,
            detail={"referral": str(referral.pk), "category": category},
        )
    return barrier


def feedback_record(
    *, actor: User, referral: Referral, family_answer: str, child_score: int | None, comment: str = ""
) -> Feedback:
    """After `done`, the referrer records whether it helped, with the child's own smiley (1 to 5)."""
    if "referrer" not in selectors.access_referral_sides(user=actor, referral=referral):
        raise NotAllowed(_("Alleen de verwijzer legt de terugkoppeling van het gezin vast."))
    if referral.status != Status.DONE:
        raise Conflict(_("Terugkoppeling kan pas als de hulp gegeven is."))
    if family_answer not in FamilyAnswer.values:
        raise InvalidInput(_("Kies of de hulp het gezin hielp."), "family_answer")
    if child_score is not None and not 1 <= child_score <= 5:
        raise InvalidInput(_("Kies een smiley van 1 tot 5."), "child_score")
    comment = clean_text("comment", comment)
    with transaction.atomic():
        previous = Feedback.objects.select_for_update().filter(referral=referral).first()
        feedback, _created = Feedback.objects.update_or_create(
            referral=referral,
            defaults={
                "family_answer": family_answer,
                "child_score": child_score,
                "comment": comment,
                "recorded_by": actor,
                "recorded_at": timezone.now(),
            },
        )
        facts_written.feedback_fact_write(referral, feedback, previous)
        touch(referral.concern_id)
        record(actor=actor, action="feedback.record", obj=feedback, detail={"referral": str(referral.pk)})
    return feedback
