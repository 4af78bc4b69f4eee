"""The audit trail: append-only, one row per security-relevant event (BIO 8.15)."""

from __future__ import annotations

from typing import Any, NoReturn

from django.conf import settings
from django.db import models
from django.utils import timezone

from kansrijk.audit.constants import Result


class AppendOnlyError(Exception):
    """An audit row may be added, never changed or removed."""


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Audit rows cannot be changed.")

    def delete(self) -> NoReturn:
        raise AppendOnlyError("Audit rows cannot be deleted.")


class AuditEvent(models.Model):
    """Who did what to which object, with what result, when and from where.

    Append-only on three levels: this model refuses updates and deletes, its queryset
    refuses bulk updates and deletes, and database triggers refuse UPDATE and DELETE
    statements from any client (on PostgreSQL the app's role also lacks the privileges; see
    `kansrijk.audit.protect`). Tamper-evident: each row's `row_hash` chains it to the row
    before it (`kansrijk.audit.chain`).
    """

    seq = models.BigIntegerField(unique=True, editable=False, help_text="Position in the hash chain (1, 2, 3, …).")
    timestamp = models.DateTimeField(
        default=timezone.now, editable=False, db_index=True, help_text="When it happened (UTC)."
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
        help_text="The user who acted; empty for the system or an anonymous visitor.",
    )
    actor_label = models.CharField(
        max_length=254, blank=True, help_text="E-mail or name of the actor at the time (kept if the user is removed)."
    )
    action = models.CharField(max_length=100, db_index=True, help_text="What was done, e.g. `login.failed`.")
    object_type = models.CharField(
        max_length=100, blank=True, help_text="Kind of object, e.g. `organisations.organisation`."
    )
    object_id = models.CharField(max_length=64, blank=True, db_index=True, help_text="Identifier of the object.")
    result = models.CharField(max_length=10, choices=Result.choices, default=Result.SUCCESS, help_text="Outcome.")
    client_address = models.GenericIPAddressField(null=True, blank=True, help_text="IP address of the client.")
    detail = models.JSONField(default=dict, blank=True, help_text="Extra facts; never personal data beyond ids.")
    personal_salt = models.CharField(
        max_length=32,
        blank=True,
        editable=False,
        help_text="Random salt of the personal digest; removed on anonymising.",
    )
    personal_digest = models.CharField(
        max_length=64,
        editable=False,
        help_text="SHA-256 over the salt and the personal fields (actor, label, object id, address, detail); "
        "the chain covers this digest, so clearing the personal fields keeps the chain whole.",
    )
    anonymised_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="When the personal fields were removed (retention)."
    )
    prev_hash = models.CharField(max_length=64, editable=False, help_text="`row_hash` of the row before this one.")
    row_hash = models.CharField(
        max_length=64, editable=False, help_text="SHA-256 over `prev_hash` and this row's chained fields."
    )

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-seq"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.timestamp:%Y-%m-%d %H:%M:%S} {self.actor_label or '-'} {self.action} {self.result}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("Audit rows cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Audit rows cannot be deleted.")


class AuditChainHead(models.Model):
    """The one row that holds the end of the hash chain; writers lock it, so the chain is serial."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1, help_text="Always 1.")
    seq = models.BigIntegerField(default=0, help_text="`seq` of the newest audit row (0: none yet).")
    row_hash = models.CharField(max_length=64, help_text="`row_hash` of the newest audit row.")

    def __str__(self) -> str:
        return f"chain head {self.seq}"


class AuditAnchor(models.Model):
    """Where the chain resumes after a purge of expired rows: the last purged row's position and hash."""

    created_at = models.DateTimeField(default=timezone.now, help_text="When the purge ran.")
    seq = models.BigIntegerField(help_text="`seq` of the last purged row.")
    row_hash = models.CharField(max_length=64, help_text="`row_hash` of the last purged row.")
    purged = models.BigIntegerField(help_text="How many rows this purge removed.")

    class Meta:
        ordering = ["-seq"]

    def __str__(self) -> str:
        return f"anchor after {self.seq}"
