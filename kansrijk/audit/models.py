"""The audit trail: append-only, one row per security-relevant event (BIO 8.15)."""

from __future__ import annotations

from typing import Any, NoReturn

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

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
    refuses bulk updates and deletes, and database triggers (see migration 0002) refuse
    UPDATE and DELETE statements from any client.
    """

    timestamp = models.DateTimeField(
        auto_now_add=True, db_index=True, help_text="When it happened (UTC).", verbose_name=_("tijdstip")
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

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("auditregel")
        verbose_name_plural = _("auditregels")
        ordering = ["-timestamp", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.timestamp:%Y-%m-%d %H:%M:%S} {self.actor_label or '-'} {self.action} {self.result}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("Audit rows cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Audit rows cannot be deleted.")
