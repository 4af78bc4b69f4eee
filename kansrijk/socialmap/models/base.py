from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from django.db import models
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class HsdsRecord(models.Model):
    """Every HSDS record has a UUID; imported records keep their HSDS id."""

    id = models.UUIDField(
        primary_key=True,
        default=uuid.uuid4,
        editable=False,
        help_text="HSDS identifier (UUID).",
        verbose_name=_("HSDS-id"),
    )

    class Meta:
        abstract = True
        ordering = ["id"]


def text(help_text: str, *, verbose_name: StrOrPromise) -> models.TextField[str, str]:
    """An optional free-text HSDS field."""
    return models.TextField(blank=True, default="", help_text=help_text, verbose_name=verbose_name)


def fk(to: str, help_text: str, related_name: str, required: bool = False, *, verbose_name: StrOrPromise) -> Any:
    """A reference to another HSDS record; optional unless `required`."""
    return models.ForeignKey(
        to,
        on_delete=models.CASCADE,
        null=not required,
        blank=not required,
        related_name=related_name,
        help_text=help_text,
        verbose_name=verbose_name,
    )
