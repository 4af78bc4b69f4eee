"""What the alliance reads from the social map: services active in a municipality.

A service is active in a municipality when it is running (visible status) and has a
service area in that municipality, or is offered at a location there. National service
areas do not make a service local (see `coverage.py`).
"""

from __future__ import annotations

from django.db.models import Prefetch, Q

from kansrijk.organisations.models import Organisation
from kansrijk.socialmap.constants import VISIBLE_STATUSES
from kansrijk.socialmap.models import Attribute, Service


def services_in(*, code: str) -> list[tuple[str, Organisation, tuple[str, ...]]]:
    """(service name, organisation, need-term codes) for every service active in `code`."""
    services = (
        Service.objects.filter(status__in=VISIBLE_STATUSES)
        .filter(
            Q(service_areas__municipality_id=code)
            | Q(service_at_locations__location__municipality_id=code)
            | Q(service_at_locations__service_areas__municipality_id=code)
        )
        .distinct()
        .select_related("organization__organisation")
        .prefetch_related(
            Prefetch("attributes", queryset=Attribute.objects.select_related("taxonomy_term"), to_attr="terms")
        )
    )
    return [
        (
            service.name,
            service.organization.organisation,
            tuple(sorted({a.taxonomy_term.code for a in service.terms if a.taxonomy_term.code})),
        )
        for service in services
    ]
