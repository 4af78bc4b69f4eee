"""Writing the audit trail. Call `record` inside the transaction of the change it records."""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import secrets
from typing import Any

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db import connections, models, router, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.ipv6 import clean_ipv6_address

from kansrijk.audit import chain
from kansrijk.audit.constants import Result
from kansrijk.audit.context import client_address
from kansrijk.audit.models import AuditChainHead, AuditEvent


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
    event = AuditEvent(
        actor=user,
        actor_label=label,
        action=action,
        object_type=object_type,
        object_id=object_id,
        result=result,
        client_address=_address(client_address.get()),
        detail=json.loads(chain.canonical(detail or {})),
        personal_salt=secrets.token_hex(16),
    )
    event.personal_digest = chain.digest_of(event)
    _append(event)
    return event


def login_hash(typed: str) -> str:
    """A keyed hash (HMAC-SHA256) of what was typed as the e-mail at a failed login: repeated attempts on
    one address can be correlated, but the text itself is never stored (ADR 0010). The key is
    AUDIT_LOGIN_KEY, or derived from SECRET_KEY."""
    key = (
        settings.AUDIT_LOGIN_KEY.encode()
        or hmac.new(settings.SECRET_KEY.encode(), b"kansrijk.audit.login", hashlib.sha256).digest()
    )
    return hmac.new(key, typed.strip().casefold().encode(), hashlib.sha256).hexdigest()


def _address(value: str | None) -> str | None:
    """The address as the database will give it back (IPv6 compressed), or None if it is no address."""
    if not value:
        return None
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return None
    return clean_ipv6_address(value) if ":" in value else value


def _append(event: AuditEvent) -> None:
    """Add the row at the end of the hash chain. Advancing the chain head first locks it (a row lock
    on PostgreSQL, the write lock on SQLite), so concurrent writers queue here and the chain stays
    one line; the lock is held until the surrounding transaction ends."""
    with transaction.atomic():
        head_rows = AuditChainHead.objects.filter(pk=1)
        if not head_rows.update(seq=F("seq") + 1):
            # A new database (or one just flushed): concurrent first writers may both get here;
            # ON CONFLICT DO NOTHING lets the second wait for the first and then queue behind it.
            AuditChainHead.objects.bulk_create(
                [AuditChainHead(pk=1, seq=0, row_hash=chain.GENESIS)], ignore_conflicts=True
            )
            head_rows.update(seq=F("seq") + 1)
        head = head_rows.get()
        event.seq = head.seq
        event.timestamp = timezone.now()
        event.prev_hash = head.row_hash
        event.row_hash = chain.hash_of(event, prev_hash=head.row_hash)
        event.save(force_insert=True)
        head_rows.update(row_hash=event.row_hash)
