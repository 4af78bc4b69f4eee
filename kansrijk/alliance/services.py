"""Writes for the alliance: signing and withdrawing the pledge, commitments and their
history, progress reports and report reminders. Each is atomic and audited.

The commitment format itself (inputs, validation, history snapshots) is in
`commitment_format.py`; its `DomainError`, `CommitmentInput` and `IndicatorInput` are
part of this module's interface."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from decimal import Decimal
from functools import partial
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kansrijk.accounts.models import User
from kansrijk.alliance import selectors
from kansrijk.alliance.commitment_format import (
    CommitmentInput,
    IndicatorInput,
    apply_details,
    check_commitment,
    diff,
    snapshot,
)
from kansrijk.alliance.constants import REMINDER_INTERVAL_DAYS, SignatureEnd
from kansrijk.alliance.formatting import plain_number
from kansrijk.alliance.models import (
    Commitment,
    CommitmentVersion,
    Indicator,
    PledgeSignature,
    PledgeVersion,
    ProgressReport,
)
from kansrijk.alliance.selectors import AnyUser, CommitmentRow
from kansrijk.audit.services import record
from kansrijk.core.errors import DomainError, InvalidInput
from kansrijk.organisations.models import Organisation


def _label(actor: AnyUser | None) -> str:
    return "" if actor is not None and actor.is_authenticated else "system"


def _require_manager(actor: AnyUser | None, organisation: Organisation) -> None:
    """`actor=None` is the system (demo loader, command line); people need the role."""
    if actor is not None and not selectors.user_can_manage(user=actor, organisation=organisation):
        raise InvalidInput(_("Je mag dit niet doen voor deze organisatie."))


__all__ = [
    "CommitmentInput",
    "DomainError",
    "IndicatorInput",
    "commitment_create",
    "commitment_update",
    "pledge_sign",
    "pledge_version_publish",
    "pledge_withdraw",
    "progress_report_create",
    "report_reminders_send",
]


# Pledge


def pledge_version_publish(*, actor: AnyUser | None, title: str, text: str, published_on: date) -> PledgeVersion:
    """Publish a new pledge text; it becomes the current version."""
    if not text.strip() or not title.strip():
        raise InvalidInput(_("Een pledge heeft een titel en een tekst."))
    with transaction.atomic():
        last = PledgeVersion.objects.select_for_update().order_by("-number").first()
        version = PledgeVersion.objects.create(
            number=(last.number + 1) if last else 1,
            title=title.strip(),
            text=text,
            text_sha256=PledgeVersion.digest(text),
            published_on=published_on,
        )
        record(actor=actor, action="pledge_version.publish", obj=version, actor_label=_label(actor))
    return version


def _check_signing(
    pledge_version: PledgeVersion | None, signatory_name: str, signatory_role: str, signed_on: date
) -> None:
    current = selectors.pledge_version_current()
    if current is None or pledge_version is None or current.pk != pledge_version.pk:
        raise InvalidInput(
            _("Er is een nieuwere versie van de pledge. Lees die en onderteken opnieuw."), "pledge_version"
        )
    if not signatory_name.strip():
        raise InvalidInput(_("Vul de naam in van wie ondertekent."), "signatory_name")
    if not signatory_role.strip():
        raise InvalidInput(_("Vul de functie in van wie ondertekent."), "signatory_role")
    if signed_on > timezone.localdate():
        raise InvalidInput(_("De datum van ondertekening ligt in de toekomst."), "signed_on")


def pledge_sign(
    *,
    actor: AnyUser | None,
    organisation: Organisation,
    pledge_version: PledgeVersion | None,
    signatory_name: str,
    signatory_role: str,
    signed_on: date,
) -> PledgeSignature:
    """Record that an authorised representative signed `pledge_version` for the
    organisation. A signature of an older version is superseded by the new one."""
    _require_manager(actor, organisation)
    _check_signing(pledge_version, signatory_name, signatory_role, signed_on)
    assert pledge_version is not None
    user = _user(actor)
    with transaction.atomic():
        active = (
            PledgeSignature.objects.select_for_update().filter(organisation=organisation, ended_on__isnull=True).first()
        )
        if active is not None and active.pledge_version_id == pledge_version.pk:
            raise InvalidInput(_("Deze organisatie heeft deze versie van de pledge al ondertekend."))
        if active is not None:
            active.ended_on, active.end_reason, active.ended_by = signed_on, SignatureEnd.SUPERSEDED, user
            active.save(update_fields=["ended_on", "end_reason", "ended_by"])
            record(actor=actor, action="pledge.supersede", obj=active, actor_label=_label(actor))
        signature = PledgeSignature.objects.create(
            organisation=organisation,
            pledge_version=pledge_version,
            signatory_name=signatory_name.strip(),
            signatory_role=signatory_role.strip(),
            signed_on=signed_on,
            signed_by=user,
        )
        detail = {
            "organisation": str(organisation.pk),
            "version": pledge_version.number,
            "text_sha256": pledge_version.text_sha256,
        }
        record(actor=actor, action="pledge.sign", obj=signature, detail=detail, actor_label=_label(actor))
    return signature


def pledge_withdraw(*, actor: AnyUser | None, organisation: Organisation, note: str = "") -> PledgeSignature:
    """End the organisation's active signature. Its commitments leave the public overview."""
    _require_manager(actor, organisation)
    with transaction.atomic():
        active = (
            PledgeSignature.objects.select_for_update().filter(organisation=organisation, ended_on__isnull=True).first()
        )
        if active is None:
            raise InvalidInput(_("Deze organisatie heeft de pledge niet ondertekend."))
        active.ended_on, active.end_reason, active.end_note = timezone.localdate(), SignatureEnd.WITHDRAWN, note.strip()
        active.ended_by = _user(actor)
        active.save(update_fields=["ended_on", "end_reason", "end_note", "ended_by"])
        record(
            actor=actor,
            action="pledge.withdraw",
            obj=active,
            detail={"organisation": str(organisation.pk)},
            actor_label=_label(actor),
        )
    return active


# Commitments


def _sync_indicators(commitment: Commitment, indicators: Sequence[IndicatorInput]) -> None:
    """Keep indicators by name (so their ids stay stable), update, add and remove."""
    existing = {indicator.name.lower(): indicator for indicator in commitment.indicators.all()}
    wanted = {item.name.strip().lower(): item for item in indicators}
    Indicator.objects.filter(pk__in=[i.pk for key, i in existing.items() if key not in wanted]).delete()
    for key, item in wanted.items():
        indicator = existing.get(key) or Indicator(commitment=commitment)
        indicator.name, indicator.unit, indicator.target = item.name.strip(), item.unit.strip(), item.target
        indicator.save()


def commitment_create(*, actor: AnyUser | None, organisation: Organisation, details: CommitmentInput) -> Commitment:
    """Add a commitment for a partner that has signed the pledge; version 1 of its history."""
    _require_manager(actor, organisation)
    if selectors.signature_active_for(organisation=organisation) is None:
        raise InvalidInput(_("Onderteken eerst de pledge. Daarna kun je je inzet beschrijven."))
    municipalities = check_commitment(details)
    with transaction.atomic():
        commitment = Commitment(organisation=organisation)
        apply_details(commitment, details)
        commitment.save()
        commitment.municipalities.set(municipalities)
        _sync_indicators(commitment, details.indicators)
        first = snapshot(commitment)
        CommitmentVersion.objects.create(
            commitment=commitment, number=1, changed_by=_user(actor), changes=diff({}, first), snapshot=first
        )
        record(
            actor=actor,
            action="commitment.create",
            obj=commitment,
            detail={"organisation": str(organisation.pk)},
            actor_label=_label(actor),
        )
    return commitment


def _user(actor: AnyUser | None) -> User | None:
    return actor if isinstance(actor, User) else None


def commitment_update(*, actor: AnyUser | None, commitment: Commitment, details: CommitmentInput) -> Commitment:
    """Change a commitment; writes a history row with what changed (nothing when nothing did)."""
    _require_manager(actor, commitment.organisation)
    municipalities = check_commitment(details)
    with transaction.atomic():
        commitment = Commitment.objects.select_for_update().get(pk=commitment.pk)
        old = snapshot(commitment)
        apply_details(commitment, details)
        commitment.save()
        commitment.municipalities.set(municipalities)
        _sync_indicators(commitment, details.indicators)
        new = snapshot(commitment)
        changes = diff(old, new)
        if changes:
            number = commitment.versions.count() + 1
            CommitmentVersion.objects.create(
                commitment=commitment, number=number, changed_by=_user(actor), changes=changes, snapshot=new
            )
            record(
                actor=actor,
                action="commitment.update",
                obj=commitment,
                detail={"fields": sorted(changes), "version": number},
                actor_label=_label(actor),
            )
    return commitment


# Progress reports


def _value(value: Decimal | None) -> str | None:
    return None if value is None else plain_number(value)


def _indicator_values(commitment: Commitment, values: Mapping[int, Decimal | None]) -> list[dict[str, Any]]:
    indicators = {indicator.pk: indicator for indicator in commitment.indicators.all()}
    unknown = set(values) - set(indicators)
    if unknown:
        raise InvalidInput(_("Deze indicator hoort niet bij deze inzet."), "indicator_values")
    return [
        {
            "indicator_id": indicator.pk,
            "indicator": indicator.name,
            "unit": indicator.unit,
            "target": plain_number(indicator.target),
            "value": _value(values.get(pk)),
        }
        for pk, indicator in indicators.items()
    ]


OUTSIDE_COMMITMENT = gettext_lazy("%(year)s valt buiten deze inzet. Kies een jaar van %(first)s tot en met %(last)s.")


def report_years(commitment: Commitment) -> tuple[int, int]:
    """The first and last year a progress report can be about: the years the commitment covers."""
    first, last = commitment.starts_on.year, commitment.ends_on.year
    return first, max(first, last)


def _check_report(commitment: Commitment, year: int, reported_on: date, what_was_done: str) -> None:
    if reported_on > timezone.localdate():
        raise InvalidInput(_("De datum van het verslag ligt in de toekomst."), "reported_on")
    first, last = report_years(commitment)
    if not first <= year <= last:
        raise InvalidInput(
            str(OUTSIDE_COMMITMENT) % {"year": year, "first": first, "last": last},
            "year",
        )
    if not what_was_done.strip():
        raise InvalidInput(_("Beschrijf wat er is gedaan."), "what_was_done")
    if commitment.reports.filter(year=year).exists():
        raise InvalidInput(_("Voor dit jaar is al een verslag ingediend."), "year")


def progress_report_create(
    *,
    actor: AnyUser | None,
    commitment: Commitment,
    year: int,
    what_was_done: str,
    realised_reach: int,
    indicator_values: Mapping[int, Decimal | None],
    obstacles: str = "",
    structural_barriers: str = "",
    reported_on: date | None = None,
) -> ProgressReport:
    """File the yearly report on a commitment. `reported_on` (default today) drives the
    traffic light; only the system may backdate (demo data, imports)."""
    _require_manager(actor, commitment.organisation)
    if reported_on is not None and actor is not None:
        raise InvalidInput(_("Alleen het systeem mag een verslag terugdateren."), "reported_on")
    reported_on = reported_on or timezone.localdate()
    _check_report(commitment, year, reported_on, what_was_done)
    if realised_reach < 0:
        raise InvalidInput(_("Het bereik kan niet negatief zijn."), "realised_reach")
    values = _indicator_values(commitment, indicator_values)
    try:
        with transaction.atomic():
            report = ProgressReport.objects.create(
                commitment=commitment,
                year=year,
                reported_on=reported_on,
                what_was_done=what_was_done.strip(),
                realised_reach=realised_reach,
                indicator_values=values,
                obstacles=obstacles.strip(),
                structural_barriers=structural_barriers.strip(),
                submitted_by=_user(actor),
            )
            record(
                actor=actor,
                action="progress_report.create",
                obj=report,
                detail={"commitment": str(commitment.pk), "year": year},
                actor_label=_label(actor),
            )
    except IntegrityError as error:
        raise InvalidInput(_("Voor dit jaar is al een verslag ingediend."), "year") from error
    return report


# Reminders


def _reminder_mail(row: CommitmentRow) -> tuple[str, str]:
    commitment = row.commitment
    late = row.status.light == "red"
    subject = (_("Voortgangsverslag te laat: %(title)s") if late else _("Voortgangsverslag nodig: %(title)s")) % {
        "title": commitment.title
    }
    link = settings.SITE_URL.rstrip("/") + reverse("alliance:progress_create", args=[commitment.pk])
    body = _(
        "Beste coördinator van %(organisation)s,\n\n"
        "Elk jaar laat je zien wat je inzet voor de Alliantie Kinderarmoede oplevert.\n"
        "Het verslag over '%(title)s' moet uiterlijk %(due)s klaar zijn.\n\n"
        "Vul het verslag hier in: %(link)s\n\nMet vriendelijke groet,\nKansrijk"
    ) % {
        "organisation": commitment.organisation.name,
        "title": commitment.title,
        "due": row.status.due_on.strftime("%d-%m-%Y"),
        "link": link,
    }
    return subject, body


def report_reminders_send(*, today: date | None = None) -> int:
    """Mail the coordinators of every running commitment whose report is due (amber) or
    overdue (red), at most once per REMINDER_INTERVAL_DAYS per commitment. Returns the
    number of reminders sent."""
    today = today or timezone.localdate()
    sent = 0
    for row in selectors.commitment_list_due_for_reminder(today=today):
        reminded_on = row.commitment.reminded_on
        if reminded_on is not None and reminded_on > today - timedelta(days=REMINDER_INTERVAL_DAYS):
            continue
        recipients = selectors.manager_email_list_for(organisation=row.commitment.organisation)
        if not recipients:
            continue
        subject, body = _reminder_mail(row)
        with transaction.atomic():
            Commitment.objects.filter(pk=row.commitment.pk).update(reminded_on=today)
            record(
                actor=None,
                action="commitment.reminder",
                obj=row.commitment,
                actor_label="task",
                detail={"light": str(row.status.light), "recipients": len(recipients)},
            )
            transaction.on_commit(partial(send_mail, subject, body, None, recipients))
        sent += 1
    return sent
