"""Background work: remind owners of listings not confirmed for 12 months."""

from __future__ import annotations

from collections import defaultdict
from functools import partial

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django_tasks import task

from kansrijk.socialmap.selectors import owner_email_list, stale_service_list
from kansrijk.socialmap.services import service_reminded_mark

SUBJECT = "Kloppen je gegevens op de sociale kaart nog?"
BODY = (
    "Hallo,\n\n"
    "Deze hulp van {organisation} is al meer dan een jaar niet gecontroleerd:\n\n{services}\n\n"
    "Kloppen de gegevens nog? Log in op Kansrijk, open de hulp en kies 'Alles klopt nog'.\n"
    "Klopt er iets niet? Pas het dan aan. Zo vinden gezinnen de juiste hulp.\n\n"
    "Met vriendelijke groet,\nKansrijk\n{site}/sociale-kaart/beheer/\n"
)


@task()
def stale_listing_reminders() -> int:
    """One e-mail per organisation listing its stale services; returns the number of e-mails."""
    by_organisation = defaultdict(list)
    for service in stale_service_list():
        by_organisation[service.organization_id].append(service)
    sent = 0
    for organisation_id, services in by_organisation.items():
        recipients = owner_email_list(organisation_id=organisation_id)
        if not recipients:
            continue
        organisation = services[0].organization.organisation.name
        body = BODY.format(
            organisation=organisation, services="\n".join(f"- {s.name}" for s in services), site=settings.SITE_URL
        )
        with transaction.atomic():
            service_reminded_mark(actor=None, service_ids=[s.id for s in services])
            transaction.on_commit(partial(send_mail, SUBJECT, body, None, recipients))
        sent += 1
    return sent
