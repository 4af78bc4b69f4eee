"""Checking the hash chain of the audit trail, row by row (`kansrijk audit-verify`)."""

from __future__ import annotations

from dataclasses import dataclass

from kansrijk.audit import chain
from kansrijk.audit.models import AuditAnchor, AuditChainHead, AuditEvent

PERSONAL_FIELDS = ("actor_id", "actor_label", "object_id", "client_address", "personal_salt")


@dataclass
class Verdict:
    holds: bool
    rows: int
    head_hash: str
    broken_id: int | None = None
    broken_seq: int | None = None
    reason: str = ""


def _row_problem(event: AuditEvent, *, expected_seq: int, expected_prev: str) -> str:
    if event.seq != expected_seq:
        return f"expected position {expected_seq}, found {event.seq}: rows are missing or were inserted"
    if event.prev_hash != expected_prev:
        return "its previous-hash does not match the row before it"
    if event.anonymised_at is None:
        if chain.digest_of(event) != event.personal_digest:
            return "its actor, object id, address or detail was changed"
    elif any(getattr(event, name) for name in PERSONAL_FIELDS) or event.detail:
        return "it is marked anonymised but still holds personal fields"
    if chain.hash_of(event, prev_hash=expected_prev) != event.row_hash:
        return "its time, action, object type or result was changed"
    return ""


def chain_verify() -> Verdict:
    """Walk the chain from the newest anchor (or the start) to the chain head.

    Returns the first broken link, or that the chain holds with the number of rows checked."""
    anchor = AuditAnchor.objects.order_by("-seq").first()
    expected_prev = anchor.row_hash if anchor else chain.GENESIS
    expected_seq = anchor.seq + 1 if anchor else 1
    rows = 0
    last: AuditEvent | None = None
    for event in AuditEvent.objects.order_by("seq").iterator(chunk_size=2000):
        problem = _row_problem(event, expected_seq=expected_seq, expected_prev=expected_prev)
        if problem:
            return Verdict(False, rows, expected_prev, event.pk, event.seq, problem)
        rows += 1
        expected_prev, expected_seq, last = event.row_hash, event.seq + 1, event
    head = AuditChainHead.objects.filter(pk=1).first()
    if head is not None and (head.seq, head.row_hash) != (expected_seq - 1, expected_prev):
        return Verdict(
            False,
            rows,
            expected_prev,
            last.pk if last else None,
            last.seq if last else None,
            f"the chain head says the trail ends at position {head.seq}: rows after this one are missing",
        )
    return Verdict(True, rows, expected_prev)
