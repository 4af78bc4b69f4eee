"""Writes for concerns, consent and referrals: each atomic, audited inside its transaction,
with e-mail sent only after commit. Errors are `ReferralError` (bad input, HTTP 400),
`ConflictError` (clashes with the current state, HTTP 409) and `NotAllowedError` (HTTP 403)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kansrijk.accounts.models import User
from kansrijk.audit.services import record
from kansrijk.core.validators import LONG_TEXT, text_problem
from kansrijk.municipalities.models import Municipality
from kansrijk.organisations.models import Membership, Organisation
from kansrijk.referrals import selectors
from kansrijk.referrals.constants import (
    CONSENT_AGE,
    CONSENT_EXPIRED_REASON,
    CONSENT_WITHDRAWN_REASON,
    OPEN_STATUSES,
    SIGN_BY_CODE,
    BarrierCategory,
    ConsentMethod,
    DeclineReason,
    FamilyAnswer,
    GivenBy,
    School,
    Status,
)
from kansrijk.referrals.labels import children_text
from kansrijk.referrals.models import (
    Barrier,
    Child,
    Concern,
    Consent,
    Feedback,
    Notification,
    Referral,
    ReferralStep,
    consent_days,
)
from kansrijk.referrals.receivers import organisation_has_users
from kansrijk.referrals.validation import age_range, contains_bsn
from kansrijk.referrals.workflow import Transition, transition_for
from kansrijk.socialmap.constants import NEED_BY_CODE
from kansrijk.socialmap.models import Service

MAX_CHILDREN = 10
# Text limits (ADR 0012): a first name fits its column, a wish and a barrier are short, other texts LONG_TEXT.
FIRST_NAME_LENGTH, WISH_LENGTH, BARRIER_LENGTH = 40, 500, 1000
# The largest amount of help delivered that we accept: € 100,000 (well inside the 32-bit column).
MAX_AMOUNT_CENTS = 10_000_000
FIELD_LABELS = {
    "note": "Notitie",
    "wishes": "Wensen",
    "children": "Voornaam",
    "purpose": "Doel",
    "reason": "Reden",
    "delivered_what": "Welke hulp",
    "description": "Omschrijving",
    "comment": "Wat zei het gezin",
    "close_note": "Toelichting",
}


class ReferralError(Exception):
    """A request that cannot be carried out; `message` (Dutch, B1) says why, `field` where."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class ConflictError(ReferralError):
    """The request clashes with the current state: no consent, an illegal or a lost step (HTTP 409)."""


class NotAllowedError(ReferralError):
    """The user may see the object but not take this step (HTTP 403)."""


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


def clean_text(field: str, value: str, *, max_length: int = LONG_TEXT, multiline: bool = True) -> str:
    """The one check on every free text written into personal data (ADR 0012): plain text within
    its limit (`core.validators.text_problem`) and no BSN, whatever its separators. Returns it stripped."""
    label = FIELD_LABELS.get(field, field)
    problem = text_problem(str(value), max_length=max_length, multiline=multiline)
    if problem:
        raise ReferralError(f"{label}: {problem}", field)
    if contains_bsn(value):
        raise ReferralError(
            _(
                "In het veld '%(field)s' staat iets dat op een BSN lijkt. Een BSN mag nooit in Kansrijk staan. "
                "Haal het weg."
            )
            % {"field": label},
            field,
        )
    return str(value).strip()


def require_member(actor: User, organisation_id: uuid.UUID) -> None:
    """A `NotAllowedError` unless the actor works for the organisation."""
    if not Membership.objects.filter(user=actor, organisation_id=organisation_id).exists():
        raise NotAllowedError(_("Je werkt niet voor deze organisatie."))


def _child(data: ChildData, index: int, this_year: int) -> Child:
    name = clean_text("children", data.first_name, max_length=FIRST_NAME_LENGTH, multiline=False)
    if not name:
        raise ReferralError(_("Vul de voornaam of de voorletters in (kind %(n)s).") % {"n": index + 1}, "children")
    if data.school not in School.values:
        raise ReferralError(_("Kies het soort school (kind %(n)s).") % {"n": index + 1}, "children")
    birth_year = (
        data.birth_year if data.birth_year is not None else (this_year - data.age if data.age is not None else None)
    )
    if birth_year is None or not this_year - 25 <= birth_year <= this_year:
        raise ReferralError(
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
            raise ReferralError(_("'%(need)s' is geen bekende behoefte.") % {"need": wish.need}, "wishes")
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
        raise ReferralError(_("Kies de gemeente waar het gezin woont."), "municipality")
    if not children or len(children) > MAX_CHILDREN:
        raise ReferralError(_("Vul 1 tot %(max)s kinderen in.") % {"max": MAX_CHILDREN}, "children")
    this_year = timezone.localdate().year
    rows = [_child(child, index, this_year) for index, child in enumerate(children)]
    codes = list(dict.fromkeys(signs))
    unknown = [code for code in codes if code not in SIGN_BY_CODE]
    if unknown:
        raise ReferralError(_("Onbekend signaal: %(codes)s.") % {"codes": ", ".join(unknown)}, "signals")
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
        record(
            actor=actor,
            action="concern.create",
            obj=concern,
            detail={"organisation": str(organisation.pk), "children": len(rows)},
        )
    return concern


def _check_consenter(concern: Concern, given_by: str) -> None:
    this_year = timezone.localdate().year
    ranges = [
        age_range(birth_year=c.birth_year, age=c.age, this_year=this_year, given_year=concern.created_at.year)
        for c in concern.children.all()
    ]
    if given_by == GivenBy.YOUNG_PERSON:
        if len(ranges) != 1 or ranges[0].high < CONSENT_AGE:
            raise ReferralError(
                _(
                    "Een jongere geeft zelf toestemming vanaf 16 jaar. Voor jongere kinderen geeft de ouder of "
                    "voogd toestemming."
                ),
                "given_by",
            )
    elif any(r.low >= CONSENT_AGE for r in ranges):
        raise ReferralError(
            _("Een kind in deze melding is 16 jaar of ouder. Die jongere geeft zelf toestemming."), "given_by"
        )


def consent_create(
    *,
    actor: User,
    concern: Concern,
    given_by: str,
    purpose: str,
    method: str,
    organisation_ids: Iterable[uuid.UUID | str],
    expires_on: date | None = None,
) -> Consent:
    """Record consent; it ends after `expires_on` (inclusive) or, by default, CONSENT_DEFAULT_DAYS from now."""
    require_member(actor, concern.organisation_id)
    _require_open(concern)
    expires_at = _consent_end(expires_on)
    if given_by not in GivenBy.values:
        raise ReferralError(_("Kies wie toestemming gaf."), "given_by")
    if method not in ConsentMethod.values:
        raise ReferralError(_("Kies hoe de toestemming is gegeven."), "method")
    purpose = clean_text("purpose", purpose)
    if not purpose:
        raise ReferralError(_("Schrijf op waarvoor de gegevens gedeeld mogen worden."), "purpose")
    try:
        ids = {uuid.UUID(str(value)) for value in organisation_ids}
    except ValueError as error:
        raise ReferralError(_("Een van de organisaties bestaat niet."), "organisations") from error
    organisations = list(Organisation.objects.filter(pk__in=ids))
    if not ids or len(organisations) != len(ids):
        raise ReferralError(_("Kies de organisaties waarmee gedeeld mag worden."), "organisations")
    _check_consenter(concern, given_by)
    with transaction.atomic():
        consent = Consent.objects.create(
            concern=concern,
            given_by=given_by,
            purpose=purpose,
            method=method,
            recorded_by=actor,
            expires_at=expires_at,
        )
        consent.organisations.set(organisations)
        _touch(concern.pk)
        record(
            actor=actor,
            action="consent.create",
            obj=consent,
            detail={
                "concern": str(concern.pk),
                "organisations": sorted(str(o.pk) for o in organisations),
                "given_by": given_by,
                "method": method,
                "expires_at": expires_at.isoformat(),
            },
        )
    return consent


def _require_open(concern: Concern) -> None:
    if concern.closed_at is not None:
        raise ConflictError(_("Deze zorg is afgesloten. Heropen de zorg eerst."), "concern")


def _consent_end(expires_on: date | None) -> datetime:
    """The end of consent: the end of `expires_on` (local time), or the default period from now."""
    if expires_on is None:
        return timezone.now() + timedelta(days=consent_days())
    if expires_on <= timezone.localdate():
        raise ReferralError(_("De einddatum van de toestemming moet na vandaag liggen."), "expires_on")
    return timezone.make_aware(datetime.combine(expires_on + timedelta(days=1), time.min))


def consent_withdraw(*, actor: User, consent: Consent) -> list[Referral]:
    """Withdraw consent: sharing stops at once and every open referral made under it is withdrawn."""
    require_member(actor, consent.concern.organisation_id)
    with transaction.atomic():
        locked = Consent.objects.select_for_update().get(pk=consent.pk)
        if locked.withdrawn_at is not None:
            raise ConflictError(_("Deze toestemming is al ingetrokken."))
        locked.withdrawn_at, locked.withdrawn_by = timezone.now(), actor
        locked.save(update_fields=["withdrawn_at", "withdrawn_by"])
        record(actor=actor, action="consent.withdraw", obj=locked, detail={"concern": str(locked.concern_id)})
        referrals = _withdraw_open_referrals(
            locked,
            actor=actor,
            reason=CONSENT_WITHDRAWN_REASON,
            message=_("Verwijzing voor '%(service)s' over %(child)s is ingetrokken: toestemming ingetrokken."),
        )
    consent.withdrawn_at = locked.withdrawn_at
    return referrals


def consent_expire(*, consent: Consent, now: datetime | None = None) -> list[Referral]:
    """Consent past its end date: withdraw the open referrals made under it, exactly as a withdrawal
    does (the system is the actor). Sharing already stopped at the end date (read-time check)."""
    with transaction.atomic():
        locked = Consent.objects.select_for_update().get(pk=consent.pk)
        if locked.withdrawn_at is not None or locked.expires_at > (now or timezone.now()):
            return []
        referrals = _withdraw_open_referrals(
            locked,
            actor=None,
            reason=CONSENT_EXPIRED_REASON,
            message=_("Verwijzing voor '%(service)s' over %(child)s is ingetrokken: toestemming verlopen."),
        )
        record(
            actor=None,
            action="consent.expire",
            obj=locked,
            actor_label="system",
            detail={"concern": str(locked.concern_id), "referrals": [str(r.pk) for r in referrals]},
        )
    return referrals


def consent_expiry_run(*, now: datetime | None = None) -> int:
    """The daily task: withdraw the open referrals under every expired consent; returns how many."""
    return sum(
        len(consent_expire(consent=c, now=now)) for c in selectors.consent_list_expired_with_open_referrals(now=now)
    )


def _withdraw_open_referrals(consent: Consent, *, actor: User | None, reason: str, message: str) -> list[Referral]:
    referrals = list(
        Referral.objects.select_for_update().filter(consent=consent, status__in=OPEN_STATUSES).order_by("pk")
    )
    for referral in referrals:
        _step(referral, target=Status.WITHDRAWN, actor=actor, organisation_id=referral.referrer_id, reason=reason)
        _tell(referral, referral.receiver_id, message, _receiver_emails(referral))
    _touch(consent.concern_id)
    return referrals


def referral_create(*, actor: User, concern: Concern, service_id: uuid.UUID | str, note: str = "") -> Referral:
    """Refer the concern to one service; only with valid consent for the service's organisation."""
    require_member(actor, concern.organisation_id)
    service = Service.objects.select_related("organization__organisation").filter(pk=service_id).first()
    if service is None:
        raise ReferralError(_("Deze hulp staat niet op de sociale kaart."), "service")
    receiver: Organisation = service.organization.organisation
    note = clean_text("note", note)
    _require_open(concern)
    with transaction.atomic():
        consent = selectors.consent_valid_for(concern=concern, organisation=receiver)
        if consent is None:
            raise ConflictError(
                _("Er is geen geldige toestemming om gegevens te delen met %(name)s. Leg eerst toestemming vast.")
                % {"name": receiver.name},
                "service",
            )
        if Referral.objects.filter(concern=concern, service=service, status__in=OPEN_STATUSES).exists():
            raise ConflictError(_("Er loopt al een verwijzing naar deze hulp."), "service")
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
        _touch(concern.pk)
        record(
            actor=actor,
            action="referral.create",
            obj=referral,
            detail={"concern": str(concern.pk), "service": str(service.pk), "receiver": str(receiver.pk)},
        )
        _tell(
            referral, receiver.pk, _("Nieuwe verwijzing voor '%(service)s' over %(child)s."), _receiver_emails(referral)
        )
    return referral


def referrals_create(
    *, actor: User, concern: Concern, service_ids: Sequence[uuid.UUID | str], note: str = ""
) -> list[Referral]:
    """Refer one concern to several services: all or none (one transaction). A failure for any
    service raises its error, naming the service, and nothing is sent. A receiver without users on
    Kansrijk gets a notice at its public e-mail address (no personal data), after the commit."""
    if not service_ids:
        raise ReferralError(_("Kies minstens één hulp."), "service")
    made: list[Referral] = []
    with transaction.atomic():
        for service_id in service_ids:
            try:
                made.append(referral_create(actor=actor, concern=concern, service_id=service_id, note=note))
            except ReferralError as error:
                name = Service.objects.filter(pk=service_id).values_list("name", flat=True).first() or str(service_id)
                message = _("%(service)s: %(error)s Er is nog niets verstuurd.") % {
                    "service": name,
                    "error": error.message,
                }
                raise type(error)(message, error.field) from error
        for referral in made:
            _notify_without_users(actor, referral)
    return made


def _notify_without_users(actor: User, referral: Referral) -> None:
    """Tell an organisation without users on Kansrijk that a referral waits (no personal data)."""
    receiver = referral.receiver
    if organisation_has_users(organisation_id=receiver.pk):
        return
    record(
        actor=actor,
        action="referral.receiver_without_users",
        obj=referral,
        detail={"receiver": str(receiver.pk), "notice_sent": bool(receiver.email)},
    )
    if not receiver.email:
        return
    subject = _("Er wacht een verwijzing voor %(organisation)s in Kansrijk") % {"organisation": receiver.name}
    body = _(
        "Een professional heeft via Kansrijk een gezin naar %(organisation)s verwezen, voor '%(service)s'.\n\n"
        "Uw organisatie gebruikt Kansrijk nog niet. Wilt u de verwijzing lezen en beantwoorden? "
        "Vraag dan een account aan via %(site)s.\n\n"
        "In deze e-mail staan bewust geen gegevens over het gezin."
    ) % {"organisation": receiver.name, "service": referral.service_name, "site": settings.SITE_URL}
    address = [receiver.email]
    transaction.on_commit(lambda: send_mail(subject, body, None, address, fail_silently=True))


def _check_step_input(
    transition: Transition, reason: str, reason_code: str, delivered_what: str, amount_cents: int | None
) -> tuple[str, str]:
    """What the step needs, read from its row in the transition table; returns the checked texts."""
    reason, delivered_what = clean_text("reason", reason), clean_text("delivered_what", delivered_what)
    if transition.needs_reason_code and reason_code not in DeclineReason.values:
        raise ReferralError(_("Kies een reden uit de lijst."), "reason_code")
    if transition.needs_reason and not reason:
        raise ReferralError(_("Schrijf kort op waarom."), "reason")
    if transition.needs_delivery and not delivered_what:
        raise ReferralError(_("Schrijf op welke hulp het kind of gezin kreeg."), "delivered_what")
    if amount_cents is not None and not 0 <= amount_cents <= MAX_AMOUNT_CENTS:
        raise ReferralError(
            _("Vul een bedrag in van 0 tot %(max)s euro.") % {"max": MAX_AMOUNT_CENTS // 100}, "amount_cents"
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
        raise NotAllowedError(_("Deze stap is voor %(who)s.") % {"who": who}, "to")
    if transition.side == "receiver" and not selectors.access_referral_personal_data(user=actor, referral=referral):
        raise ConflictError(
            _("De toestemming is ingetrokken of verlopen. Je kunt deze verwijzing niet meer behandelen."), "to"
        )
    reason, delivered_what = _check_step_input(transition, reason, reason_code, delivered_what, amount_cents)
    reason_code = reason_code if transition.needs_reason_code else ""
    organisation_id = referral.receiver_id if transition.side == "receiver" else referral.referrer_id
    source = referral.status
    with transaction.atomic():
        _step(
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
            _tell(referral, referral.referrer_id, message, _referrer_emails(referral))
        else:
            _tell(
                referral,
                referral.receiver_id,
                _("Verwijzing voor '%(service)s' over %(child)s is ingetrokken."),
                _receiver_emails(referral),
            )
    return referral


def _step(
    referral: Referral,
    *,
    target: str,
    actor: User | None,
    organisation_id: uuid.UUID,
    reason: str = "",
    reason_code: str = "",
    delivered_what: str = "",
    amount_cents: int | None = None,
) -> None:
    """Move the referral with a conditional UPDATE on (status, version); write its history row."""
    now = timezone.now()
    fields: dict[str, object] = {"status": target, "version": F("version") + 1, "status_changed_at": now}
    if target == Status.DONE:
        fields.update(delivered_what=delivered_what, delivered_amount_cents=amount_cents)
    if reason_code:
        fields["decline_reason"] = reason_code
    updated = Referral.objects.filter(pk=referral.pk, status=referral.status, version=referral.version).update(**fields)
    if updated != 1:
        raise ConflictError(_("Iemand anders heeft deze verwijzing net veranderd. Laad de pagina opnieuw."), "to")
    ReferralStep.objects.create(
        referral=referral,
        from_status=referral.status,
        to_status=target,
        actor=actor,
        organisation_id=organisation_id,
        reason=reason,
        at=now,
    )
    _touch(referral.concern_id, now)
    referral.status, referral.version, referral.status_changed_at = target, referral.version + 1, now
    if target == Status.DONE:
        referral.delivered_what, referral.delivered_amount_cents = delivered_what, amount_cents
    if reason_code:
        referral.decline_reason = reason_code


def _touch(concern_id: uuid.UUID, when: object = None) -> None:
    Concern.objects.filter(pk=concern_id).update(last_activity_at=when or timezone.now())


def _receiver_emails(referral: Referral) -> list[str]:
    return list(Membership.objects.filter(organisation_id=referral.receiver_id).values_list("user__email", flat=True))


def _referrer_emails(referral: Referral) -> list[str]:
    return [referral.created_by.email] if referral.created_by is not None else []


def _child_label(referral: Referral) -> str:
    concern = referral.concern
    return children_text(
        concern.children.all(), this_year=timezone.localdate().year, given_year=concern.created_at.year
    )


def _tell(referral: Referral, organisation_id: uuid.UUID, template: str, emails: list[str]) -> None:
    """An in-app notification now, an e-mail after commit. They name the child only by initials
    and age ("over S., 9 jaar"), never by name, so the professional knows which child it is about."""
    message = template % {"service": referral.service_name, "child": _child_label(referral)}
    Notification.objects.create(organisation_id=organisation_id, referral=referral, message=message[:255])
    if emails:
        link = settings.SITE_URL + reverse("referrals:referral", args=[referral.pk])
        body = _("%(message)s\n\nBekijk de verwijzing in Kansrijk:\n%(link)s\n") % {"message": message, "link": link}
        transaction.on_commit(lambda: send_mail(message[:120], body, None, emails, fail_silently=True))


def organisation_notify(*, organisation_id: uuid.UUID, message: str) -> Notification:
    """An in-app message for an organisation that is about no single referral (the take-up reminder,
    ADR 0031); the caller's transaction holds it. The message names no child."""
    return Notification.objects.create(organisation_id=organisation_id, message=message[:255])


def referral_remind(*, referral: Referral) -> bool:
    """Remind the receiver of an unanswered referral and tell the referrer; at most once."""
    with transaction.atomic():
        updated = Referral.objects.filter(pk=referral.pk, status=Status.SENT, reminded_at__isnull=True).update(
            reminded_at=timezone.now()
        )
        if not updated:
            return False
        _tell(
            referral,
            referral.receiver_id,
            _("Herinnering: de verwijzing voor '%(service)s' over %(child)s wacht al 10 werkdagen op antwoord."),
            _receiver_emails(referral),
        )
        _tell(
            referral,
            referral.referrer_id,
            _(
                "De verwijzing voor '%(service)s' over %(child)s is na 10 werkdagen nog niet beantwoord. We hebben "
                "de organisatie herinnerd."
            ),
            _referrer_emails(referral),
        )
        record(actor=None, action="referral.remind", obj=referral, actor_label="system")
    return True


def barrier_create(*, actor: User, referral: Referral, category: str, description: str) -> Barrier:
    """Either side of a referral may flag a structural barrier; municipalities see counts only."""
    if not selectors.access_referral_sides(user=actor, referral=referral):
        raise NotAllowedError(_("Je werkt niet voor een organisatie van deze verwijzing."))
    if category not in BarrierCategory.values:
        raise ReferralError(_("Kies het soort drempel."), "category")
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
        raise NotAllowedError(_("Alleen de verwijzer legt de terugkoppeling van het gezin vast."))
    if referral.status != Status.DONE:
        raise ConflictError(_("Terugkoppeling kan pas als de hulp gegeven is."))
    if family_answer not in FamilyAnswer.values:
        raise ReferralError(_("Kies of de hulp het gezin hielp."), "family_answer")
    if child_score is not None and not 1 <= child_score <= 5:
        raise ReferralError(_("Kies een smiley van 1 tot 5."), "child_score")
    comment = clean_text("comment", comment)
    with transaction.atomic():
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
        _touch(referral.concern_id)
        record(actor=actor, action="feedback.record", obj=feedback, detail={"referral": str(referral.pk)})
    return feedback
