"""Telling people about referrals: e-mail after commit to the receiving and the referring
organisation, in-app notifications, and reminders of referrals that wait."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kansrijk.accounts.models import User
from kansrijk.audit.services import record
from kansrijk.organisations.models import Membership
from kansrijk.referrals.constants import (
    Status,
)
from kansrijk.referrals.labels import children_text
from kansrijk.referrals.models import (
    Notification,
    Referral,
)
from kansrijk.referrals.receivers import organisation_has_users
from kansrijk.referrals.retention import concern_erasures_replay as concern_erasures_replay  # backups' replay
from kansrijk.referrals.retention import retention_run as retention_run  # the retention command


def notify_without_users(actor: User, referral: Referral) -> None:
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


def receiver_emails(referral: Referral) -> list[str]:
    return list(Membership.objects.filter(organisation_id=referral.receiver_id).values_list("user__email", flat=True))


def referrer_emails(referral: Referral) -> list[str]:
    return [referral.created_by.email] if referral.created_by is not None else []


def child_label(referral: Referral) -> str:
    concern = referral.concern
    return children_text(
        concern.children.all(), this_year=timezone.localdate().year, given_year=concern.created_at.year
    )


def tell(referral: Referral, organisation_id: uuid.UUID, template: str, emails: list[str]) -> None:
    """An in-app notification now, an e-mail after commit. They name the child only by initials
    and age ("over S., 9 jaar"), never by name, so the professional knows which child it is about."""
    message = template % {"service": referral.service_name, "child": child_label(referral)}
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
        tell(
            referral,
            referral.receiver_id,
            _("Herinnering: de verwijzing voor '%(service)s' over %(child)s wacht al 10 werkdagen op antwoord."),
            receiver_emails(referral),
        )
        tell(
            referral,
            referral.referrer_id,
            _(
                "De verwijzing voor '%(service)s' over %(child)s is na 10 werkdagen nog niet beantwoord. We hebben "
                "de organisatie herinnerd."
            ),
            referrer_emails(referral),
        )
        record(actor=None, action="referral.remind", obj=referral, actor_label="system")
    return True
