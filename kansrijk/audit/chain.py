"""The hash chain over the audit trail (ADR 0010).

Each row's `row_hash` is SHA-256 over a canonical JSON of: the previous row's hash, the row's
position (`seq`), time, action, object type, result, and `personal_digest`. The personal
fields (actor, actor label, object id, client address, detail) are not chained directly:
they enter through `personal_digest`, a SHA-256 over a random per-row salt and those fields.
Anonymising a row clears the personal fields and the salt but keeps the digest, so the chain
still verifies, and nobody can later test a guess of what was removed.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

GENESIS = "0" * 64


def canonical(value: Any) -> str:
    """One spelling for one value: sorted keys, no spaces, UTF-8 kept."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def timestamp_text(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def personal_digest(
    *, salt: str, actor_id: Any, actor_label: str, object_id: str, client_address: str | None, detail: Any
) -> str:
    fields = {
        "actor": None if actor_id is None else str(actor_id),
        "actor_label": actor_label or "",
        "address": client_address or None,
        "detail": detail if detail is not None else {},
        "object_id": object_id or "",
        "salt": salt,
    }
    return hashlib.sha256(canonical(fields).encode()).hexdigest()


def row_hash(
    *,
    prev_hash: str,
    seq: int,
    timestamp: datetime,
    action: str,
    object_type: str,
    result: str,
    personal_digest: str,
) -> str:
    fields = {
        "action": action,
        "object_type": object_type or "",
        "personal": personal_digest,
        "prev": prev_hash,
        "result": result,
        "seq": seq,
        "time": timestamp_text(timestamp),
    }
    return hashlib.sha256(canonical(fields).encode()).hexdigest()


def digest_of(event: Any) -> str:
    """The personal digest a stored row should carry (for a row that was not anonymised)."""
    return personal_digest(
        salt=event.personal_salt,
        actor_id=event.actor_id,
        actor_label=event.actor_label,
        object_id=event.object_id,
        client_address=event.client_address,
        detail=event.detail,
    )


def hash_of(event: Any, *, prev_hash: str) -> str:
    return row_hash(
        prev_hash=prev_hash,
        seq=event.seq,
        timestamp=event.timestamp,
        action=event.action,
        object_type=event.object_type,
        result=event.result,
        personal_digest=event.personal_digest,
    )
