"""Retention of the audit trail (ADR 0010): anonymise, then purge, keeping the chain verifiable.

- After `AUDIT_PERSONAL_RETENTION_DAYS`, rows about an object that no longer exists (an erased
  concern, consent, referral, a removed user) and rows about no object (lists, failed logins)
  lose actor, actor e-mail, object id, client address and detail; action, object type,
  result and time stay, so counts remain. The chained digest of the personal fields stays.
- After `AUDIT_RETENTION_DAYS`, the oldest rows are deleted and an anchor records the hash of
  the last deleted row, where `audit-verify` resumes.

On PostgreSQL both steps run in the SECURITY DEFINER functions (`kansrijk.audit.protect`), which
check the periods themselves; the app's role cannot do more than they allow.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.apps import apps
from django.conf import settings
from django.db import connection, models, transaction
from django.utils import timezone

from kansrijk.audit.models import AuditAnchor, AuditEvent
from kansrijk.audit.purge import purge_allowed

BATCH = 1000


def _erased_ids(object_type: str, object_ids: set[str]) -> set[str]:
    try:
        model = apps.get_model(object_type)
    except (LookupError, ValueError):
        return set()
    existing = {str(pk) for pk in model._default_manager.filter(pk__in=object_ids).values_list("pk", flat=True)}
    return object_ids - existing


def anonymise_candidates(*, now: datetime | None = None) -> list[int]:
    """Ids of rows past the personal-data period about an erased object or about no object."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.AUDIT_PERSONAL_RETENTION_DAYS)
    rows = AuditEvent.objects.filter(anonymised_at__isnull=True, timestamp__lt=cutoff)
    ids = list(rows.filter(object_id="").values_list("id", flat=True))
    by_type: dict[str, dict[str, list[int]]] = {}
    for pk, object_type, object_id in rows.exclude(object_id="").values_list("id", "object_type", "object_id"):
        by_type.setdefault(object_type, {}).setdefault(object_id, []).append(pk)
    for object_type, rows_by_object in by_type.items():
        for object_id in _erased_ids(object_type, set(rows_by_object)):
            ids += rows_by_object[object_id]
    return sorted(ids)


def audit_anonymise(*, now: datetime | None = None) -> int:
    ids = anonymise_candidates(now=now)
    changed = 0
    for start in range(0, len(ids), BATCH):
        changed += _anonymise_batch(ids[start : start + BATCH], now=now or timezone.now())
    return changed


def _anonymise_batch(ids: list[int], *, now: datetime) -> int:
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT kansrijk_audit_anonymise(%s::bigint[])", [ids])
                return int(cursor.fetchone()[0])
        with purge_allowed():
            rows = AuditEvent.objects.filter(pk__in=ids, anonymised_at__isnull=True)
            # The model's queryset refuses updates; this is the one sanctioned one.
            return models.QuerySet.update(
                rows, actor=None, actor_label="", object_id="", client_address=None, detail={}, personal_salt="",
                anonymised_at=now,
            )  # fmt: skip


def audit_purge(*, now: datetime | None = None) -> int:
    """Delete the rows older than the retention period (a prefix of the chain) and anchor the rest."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT kansrijk_audit_purge()")
                return int(cursor.fetchone()[0])
        return _purge_sqlite(cutoff=(now or timezone.now()) - timedelta(days=settings.AUDIT_RETENTION_DAYS))


def _purge_sqlite(*, cutoff: datetime) -> int:
    live = AuditEvent.objects.filter(timestamp__gte=cutoff).order_by("seq").values_list("seq", flat=True).first()
    expired = AuditEvent.objects.filter(timestamp__lt=cutoff)
    if live is not None:
        expired = expired.filter(seq__lt=live)
    last = expired.order_by("-seq").values("seq", "row_hash").first()
    if last is None:
        return 0
    with purge_allowed():
        removed = AuditEvent.objects.filter(seq__lte=last["seq"])._raw_delete(connection.alias)
    AuditAnchor.objects.create(seq=last["seq"], row_hash=last["row_hash"], purged=removed)
    return removed
