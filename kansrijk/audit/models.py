"""The audit trail: append-only, one row per security-relevant event (BIO 8.15)."""

from __future__ import annotations

from typing import Any, NoReturn

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

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

    seq = models.BigIntegerField(
        unique=True,
        editable=False,
        help_text="Position in the hash chain (1, 2, 3, …).",
        verbose_name=_("volgnummer"),
    )
    timestamp = models.DateTimeField(
        default=timezone.now,
        editable=False,
        db_index=True,
        help_text="When it happened (UTC).",
        verbose_name=_("tijdstip"),
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
        help_text="The user who acted; empty for the system or an anonymous visitor.",
        verbose_name=_("gebruiker"),
    )
    actor_label = models.CharField(
        max_length=254,
        blank=True,
        help_text="E-mail or name of the actor at the time (kept if the user is removed).",
        verbose_name=_("naam van de gebruiker"),
    )
    action = models.CharField(
        max_length=100, db_index=True, help_text="What was done, e.g. `login.failed`.", verbose_name=_("handeling")
    )
    object_type = models.CharField(
        max_length=100,
        blank=True,
        help_text="Kind of object, e.g. `organisations.organisation`.",
        verbose_name=_("soort object"),
    )
    object_id = models.CharField(
        max_length=64,
        blank=True,
        db_index=True,
        help_text="Identifier of the object.",
        verbose_name=_("id van het object"),
    )
    result = models.CharField(
        max_length=10, choices=Result.choices, default=Result.SUCCESS, help_text="Outcome.", verbose_name=_("resultaat")
    )
    client_address = models.GenericIPAddressField(
        null=True, blank=True, help_text="IP address of the client.", verbose_name=_("IP-adres")
    )
    detail = models.JSONField(
        default=dict, blank=True, help_text="Extra facts; never personal data beyond ids.", verbose_name=_("details")
    )
    personal_salt = models.CharField(
        max_length=32,
        blank=True,
        editable=False,
        help_text="Random salt of the personal digest; removed on anonymising.",
        verbose_name=_("zout van de persoonsgegevens"),
    )
    personal_digest = models.CharField(
        max_length=64,
        editable=False,
        help_text="SHA-256 over the salt and the personal fields (actor, label, object id, address, detail); "
        "the chain covers this digest, so clearing the personal fields keeps the chain whole.",
        verbose_name=_("hash van de persoonsgegevens"),
    )
    anonymised_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When the personal fields were removed (retention).",
        verbose_name=_("geanonimiseerd op"),
    )
    prev_hash = models.CharField(
        max_length=64,
        editable=False,
        help_text="`row_hash` of the row before this one.",
        verbose_name=_("hash van de vorige regel"),
    )
    row_hash = models.CharField(
        max_length=64,
        editable=False,
        help_text="SHA-256 over `prev_hash` and this row's chained fields.",
        verbose_name=_("hash van deze regel"),
    )

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("auditregel")
        verbose_name_plural = _("auditregels")
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

    id = models.PositiveSmallIntegerField(primary_key=True, default=1, help_text="Always 1.", verbose_name=_("id"))
    seq = models.BigIntegerField(
        default=0, help_text="`seq` of the newest audit row (0: none yet).", verbose_name=_("volgnummer")
    )
    row_hash = models.CharField(
        max_length=64, help_text="`row_hash` of the newest audit row.", verbose_name=_("hash van de laatste regel")
    )

    class Meta:
        verbose_name = _("einde van de auditketen")
        verbose_name_plural = pgettext_lazy("meervoud", "einde van de auditketen")

    def __str__(self) -> str:
        return f"chain head {self.seq}"


class AuditAnchor(models.Model):
    """Where the chain resumes after a purge of expired rows: the last purged row's position and hash."""

    created_at = models.DateTimeField(
        default=timezone.now, help_text="When the purge ran.", verbose_name=_("opgeschoond op")
    )
    seq = models.BigIntegerField(help_text="`seq` of the last purged row.", verbose_name=_("volgnummer"))
    row_hash = models.CharField(
        max_length=64, help_text="`row_hash` of the last purged row.", verbose_name=_("hash van de laatste regel")
    )
    purged = models.BigIntegerField(
        help_text="How many rows this purge removed.", verbose_name=_("aantal opgeschoonde regels")
    )

    class Meta:
        verbose_name = _("ankerpunt van de auditketen")
        verbose_name_plural = _("ankerpunten van de auditketen")
        ordering = ["-seq"]

    def __str__(self) -> str:
        return f"anchor after {self.seq}"
