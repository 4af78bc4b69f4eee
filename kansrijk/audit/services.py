"""Writing the audit trail. Call `record` inside the transaction of the change it records."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db import connections, models, router

from kansrijk.audit.constants import Result
from kansrijk.audit.context import client_address
from kansrijk.audit.models import AuditEvent


class AuditOutsideTransactionError(RuntimeError):
    """`record` was called outside a transaction: the row could outlive a failed change."""


def _object_ref(obj: models.Model | None) -> tuple[str, str]:
    if obj is None:
        return "", ""
    return obj._meta.label_lower, str(obj.pk)


def record(
    *,
    actor: AbstractBaseUser | AnonymousUser | None,
    action: str,
    obj: models.Model | None = None,
    object_type: str = "",
    object_id: str = "",
    result: str = Result.SUCCESS,
    detail: dict[str, Any] | None = None,
    actor_label: str = "",
    require_transaction: bool = True,
) -> AuditEvent:
    """Append one audit row.

    By default it must run inside a transaction (`transaction.atomic`), so the row and the
    change it records are committed together or not at all. Reads and failed attempts
    that change nothing pass `require_transaction=False`.
    """
    if require_transaction and not connections[router.db_for_write(AuditEvent)].in_atomic_block:
        raise AuditOutsideTransactionError(f"audit.record({action!r}) must run inside transaction.atomic().")
    if obj is not None:
        object_type, object_id = _object_ref(obj)
    user: Any = actor if actor is not None and actor.is_authenticated else None
    label = actor_label or (getattr(user, "email", "") if user is not None else "")
    return AuditEvent.objects.create(
        actor=user,
        actor_label=label,
        action=action,
        object_type=object_type,
        object_id=object_id,
        result=result,
        client_address=client_address.get(),
        detail=detail or {},
    )
