"""'Wie heeft gekeken?' — for one concern, who read or changed it, its consents and its referrals
(AVG art. 15), as a page and as a PDF. Only an administrator of the organisation that owns the
concern; another organisation's concern is a 404. Producing the list is itself audited."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from fpdf import FPDF

from kansrijk.audit import selectors as audit_selectors
from kansrijk.organisations.constants import Role
from kansrijk.organisations.models import Membership
from kansrijk.organisations.selectors import membership_get_for
from kansrijk.referrals import selectors
from kansrijk.referrals.models import Concern

ACTIONS = {
    "concern.create": gettext_noop("Zorg gemaakt"),
    "concern.read": gettext_noop("Zorg bekeken"),
    "concern.list": gettext_noop("Zorg gezien in een lijst"),
    "consent.create": gettext_noop("Toestemming vastgelegd"),
    "consent.withdraw": gettext_noop("Toestemming ingetrokken"),
    "referral.create": gettext_noop("Verwijzing gemaakt"),
    "referral.read": gettext_noop("Verwijzing bekeken"),
    "referral.list": gettext_noop("Verwijzing gezien in een lijst"),
    "referral.transition": gettext_noop("Stap in de verwijzing gezet"),
    "referral.remind": gettext_noop("Herinnering verstuurd"),
    "barrier.create": gettext_noop("Drempel gemeld"),
    "feedback.record": gettext_noop("Terugkoppeling vastgelegd"),
    audit_selectors.ACCESS_LOG_ACTION: gettext_noop("Overzicht 'wie heeft gekeken' gemaakt"),
}
ENCODING = "windows-1252"


@dataclass
class Row:
    when: datetime
    who: str
    organisations: str
    what: str
    result: str


def _concern_for_administrator(request: HttpRequest, concern_id: uuid.UUID) -> tuple[Any, Concern]:
    user = selectors.acting_user(request.user)
    concern = selectors.concern_list_for(user=user).select_related("organisation").filter(pk=concern_id).first()
    if concern is None:
        raise Http404
    membership = membership_get_for(user=user, organisation=concern.organisation)
    if membership is None or membership.role != Role.ADMINISTRATOR:
        raise PermissionDenied
    return user, concern


def _rows(user: Any, concern: Concern) -> list[Row]:
    referrals = list(concern.referrals.values_list("pk", "receiver_id"))
    objects = [("referrals.concern", str(concern.pk))]
    objects += [("referrals.consent", str(pk)) for pk in concern.consents.values_list("pk", flat=True)]
    objects += [("referrals.referral", str(pk)) for pk, _receiver in referrals]
    events = audit_selectors.access_log_for(actor=user, subject=objects[0], objects=objects, since=concern.created_at)
    involved = {concern.organisation_id, *(receiver for _pk, receiver in referrals)}
    names: dict[Any, list[str]] = {}
    for membership in Membership.objects.filter(
        user_id__in={e.actor_id for e in events if e.actor_id}, organisation_id__in=involved
    ).select_related("organisation"):
        names.setdefault(membership.user_id, []).append(membership.organisation.name)
    return [
        Row(
            when=timezone.localtime(event.timestamp),
            who=event.actor_label or _("systeem"),
            organisations=", ".join(sorted(names.get(event.actor_id, []))) or "—",
            what=_(ACTIONS[event.action]) if event.action in ACTIONS else event.action,
            result=event.result,
        )
        for event in events
    ]


@login_required
def access_log(request: HttpRequest, concern_id: uuid.UUID) -> HttpResponse:
    user, concern = _concern_for_administrator(request, concern_id)
    rows = _rows(user, concern)
    return render(
        request,
        "referrals/access_log.html",
        {"concern": concern, "rows": rows, "people": sorted({(r.who, r.organisations) for r in rows})},
    )


def _text(value: object) -> str:
    return str(value).encode(ENCODING, errors="replace").decode(ENCODING)


def _pdf(concern: Concern, rows: list[Row]) -> bytes:
    pdf = FPDF(format="A4")
    pdf.core_fonts_encoding = ENCODING
    pdf.set_title(_text(_("Wie heeft gekeken?")))
    pdf.set_lang("nl")
    pdf.add_page()
    pdf.set_font("helvetica", style="B", size=16)
    pdf.multi_cell(0, 9, _text(_("Wie heeft deze zorg bekeken of veranderd?")), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", size=9)
    intro = _("Zorg %(id)s van %(organisation)s, gemaakt op %(date)s. Overzicht gemaakt op %(now)s.") % {
        "id": concern.pk,
        "organisation": concern.organisation.name,
        "date": timezone.localtime(concern.created_at).strftime("%d-%m-%Y"),
        "now": timezone.localtime().strftime("%d-%m-%Y %H:%M"),
    }
    pdf.multi_cell(0, 5, _text(intro), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    with pdf.table(col_widths=(28, 52, 50, 50, 16), text_align="LEFT") as table:
        table.row([_text(h) for h in (_("Wanneer"), _("Wie"), _("Organisatie"), _("Wat"), _("Uitkomst"))])
        for row in rows:
            table.row(
                [
                    _text(v)
                    for v in (row.when.strftime("%d-%m-%Y %H:%M"), row.who, row.organisations, row.what, row.result)
                ]
            )
    return bytes(pdf.output())


@login_required
def access_log_pdf(request: HttpRequest, concern_id: uuid.UUID) -> HttpResponse:
    user, concern = _concern_for_administrator(request, concern_id)
    response = HttpResponse(_pdf(concern, _rows(user, concern)), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="wie-heeft-gekeken-{concern.pk}.pdf"'
    return response
