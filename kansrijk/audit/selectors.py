"""Reads of the audit trail."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from functools import reduce
from operator import or_
from typing import Any

from django.db.models import Q, QuerySet, TextField
from django.db.models.functions import Cast

from kansrijk.audit.middleware import client_ip as client_ip  # where a request came from (behind trusted proxies)
from kansrijk.audit.models import AuditEvent
from kansrijk.audit.services import record

ACCESS_LOG_ACTION = "access_log.produce"


def audit_event_list_for_object(*, object_type: str, object_id: str) -> QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(object_type=object_type, object_id=object_id)


def _about(objects: Iterable[tuple[str, str]]) -> Q:
    ids_by_type: dict[str, set[str]] = {}
    for object_type, object_id in objects:
        ids_by_type.setdefault(object_type, set()).add(object_id)
    return reduce(or_, (Q(object_type=t, object_id__in=ids) for t, ids in ids_by_type.items()), Q(pk__in=[]))


def access_log_for(
    *, actor: Any, subject: tuple[str, str], objects: list[tuple[str, str]], since: datetime
) -> list[AuditEvent]:
    """Who read or changed the subject or its related objects, and when (AVG art. 15), oldest first.

    `objects` are (object_type, object_id) pairs, the subject among them. A row counts when it is
    about one of them, or when it names one of their ids in its detail (a list that showed it, a
    step that points at it). The caller has checked that `actor` may see this; producing the log
    is itself written to the audit trail. Rows already anonymised by retention no longer name an
    object and are not found (ADR 0010)."""
    ids = sorted({object_id for _, object_id in objects if object_id})
    mentions = reduce(or_, (Q(detail_text__contains=object_id) for object_id in ids), Q(pk__in=[]))
    rows = (
        AuditEvent.objects.filter(timestamp__gte=since)
        .annotate(detail_text=Cast("detail", TextField()))
        .filter(_about(objects) | mentions)
        .order_by("seq")
    )
    events = list(rows)
    record(
        actor=actor,
        action=ACCESS_LOG_ACTION,
        object_type=subject[0],
        object_id=subject[1],
        detail={"rows": len(events)},
        require_transaction=False,
    )
    return events
