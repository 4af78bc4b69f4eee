"""Take-up: did the family apply for what the check suggested, and did they get it?

Three kinds of rows, kept apart on purpose (ADR 0031):
- `FamilyFollowUp`: the family's anonymous follow-up. It holds the suggested schemes (keys,
  municipality, date), a keyed hash of the code to come back with, and, only if the family
  gave one, an encrypted e-mail address. Deleted after `FOLLOW_UP_DAYS`; the address sooner.
- `ProfessionalTakeUp`: what a professional recorded inside a concern (personal data: it hangs
  on the concern and goes with it at erasure).
- `TakeUpAnswer`: the anonymous facts, one row per answer, with no link to a concern, a code or
  an address. The funnel (`selectors.funnel`) counts these.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kansrijk.municipalities.models import Municipality
from kansrijk.referrals.models import Concern
from kansrijk.takeup.constants import REASON_CHOICES, Answer, SchemeKind, Source


class FamilyFollowUp(models.Model):
    """A family's anonymous follow-up of the check: the code to come back with and the schemes suggested."""

    id = models.UUIDField(
        primary_key=True, default=uuid.uuid4, editable=False, help_text="Identifier.", verbose_name=_("id")
    )
    code_hash = models.CharField(
        max_length=64,
        unique=True,
        help_text="Keyed SHA-256 hash of the code (the code itself is not stored in the clear).",
        verbose_name=_("hash van de code"),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Municipality of the check.",
        verbose_name=_("gemeente"),
    )
    checked_on = models.DateField(help_text="Date of the check.", verbose_name=_("datum van de check"))
    schemes = models.JSONField(
        default=list,
        help_text="The schemes the check suggested: a list of {key, kind}. Nothing else about the family.",
        verbose_name=_("voorgestelde regelingen"),
    )
    contact = models.TextField(
        blank=True,
        default="",
        help_text="E-mail address and code, encrypted (Fernet, TAKEUP_ENCRYPTION_KEYS); empty when none was "
        "given, and emptied when answered or after the follow-up period.",
        verbose_name=_("versleuteld e-mailadres"),
    )
    question_sent_at = models.DateTimeField(
        null=True, blank=True, help_text="When the question was e-mailed.", verbose_name=_("vraag gemaild op")
    )
    answered_at = models.DateTimeField(
        null=True, blank=True, help_text="When the family answered.", verbose_name=_("beantwoord op")
    )
    created_at = models.DateTimeField(
        default=timezone.now, db_index=True, help_text="When the code was made.", verbose_name=_("gemaakt op")
    )

    class Meta:
        verbose_name = _("vervolgvraag aan een gezin")
        verbose_name_plural = _("vervolgvragen aan gezinnen")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.municipality_id} {self.checked_on}"


class ProfessionalTakeUp(models.Model):
    """What the professional recorded for one suggested scheme of a concern."""

    concern = models.ForeignKey(
        Concern, on_delete=models.CASCADE, related_name="take_ups", help_text="The concern.", verbose_name=_("zorg")
    )
    scheme_key = models.CharField(
        max_length=120, help_text="Key of the scheme or fund (as in the screener).", verbose_name=_("regeling")
    )
    scheme_kind = models.CharField(
        max_length=12, choices=SchemeKind.choices, help_text="Kind of scheme.", verbose_name=_("soort regeling")
    )
    answer = models.CharField(
        max_length=14, choices=Answer.choices, help_text="What happened.", verbose_name=_("antwoord")
    )
    reason = models.CharField(
        max_length=14,
        choices=REASON_CHOICES,
        blank=True,
        default="",
        help_text="Coded reason for a refusal or for not managing to apply.",
        verbose_name=_("reden"),
    )
    fact = models.OneToOneField(
        "TakeUpAnswer",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The anonymous fact this record keeps up to date (the link lives only on this side and goes "
        "with the concern).",
        verbose_name=_("anoniem feit"),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The professional who recorded it.",
        verbose_name=_("vastgelegd door"),
    )
    recorded_at = models.DateTimeField(
        default=timezone.now, help_text="When it was last recorded.", verbose_name=_("vastgelegd op")
    )

    class Meta:
        verbose_name = _("gebruik van een regeling (zorg)")
        verbose_name_plural = _("gebruik van regelingen (zorgen)")
        constraints = [models.UniqueConstraint(fields=["concern", "scheme_key"], name="takeup_one_per_scheme")]

    def __str__(self) -> str:
        return f"{self.scheme_key}: {self.answer}"


class TakeUpReminder(models.Model):
    """The one reminder of a concern whose take-up was not recorded in time."""

    concern = models.OneToOneField(
        Concern, on_delete=models.CASCADE, related_name="+", help_text="The concern.", verbose_name=_("zorg")
    )
    reminded_at = models.DateTimeField(
        default=timezone.now, help_text="When the professional was reminded.", verbose_name=_("herinnerd op")
    )

    class Meta:
        verbose_name = _("herinnering over gebruik")
        verbose_name_plural = _("herinneringen over gebruik")

    def __str__(self) -> str:
        return str(self.reminded_at)


class TakeUpAnswer(models.Model):
    """One anonymous fact of take-up: no concern, no code, no address, no person."""

    municipality_code = models.CharField(
        max_length=6, help_text="CBS code of the municipality.", verbose_name=_("CBS-code van de gemeente")
    )
    scheme_key = models.CharField(
        max_length=120, help_text="Key of the scheme or fund (as in the screener).", verbose_name=_("regeling")
    )
    scheme_kind = models.CharField(
        max_length=12, choices=SchemeKind.choices, help_text="Kind of scheme.", verbose_name=_("soort regeling")
    )
    source = models.CharField(max_length=12, choices=Source.choices, help_text="Who answered.", verbose_name=_("bron"))
    answer = models.CharField(
        max_length=14, choices=Answer.choices, help_text="What happened.", verbose_name=_("antwoord")
    )
    reason = models.CharField(
        max_length=14,
        choices=REASON_CHOICES,
        blank=True,
        default="",
        help_text="Coded reason for a refusal or for not managing to apply.",
        verbose_name=_("reden"),
    )
    helped_score = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="Did it help? The child's own smiley, 1 (sad) to 5 (very happy).",
        verbose_name=_("hielp het"),
    )
    answered_on = models.DateField(help_text="Date of the answer.", verbose_name=_("datum van het antwoord"))

    class Meta:
        verbose_name = _("antwoord over gebruik")
        verbose_name_plural = _("antwoorden over gebruik")
        indexes = [
            models.Index(fields=["municipality_code", "answered_on"], name="takeup_answer_muni"),
            models.Index(fields=["answered_on"], name="takeup_answer_date"),
        ]

    def __str__(self) -> str:
        return f"{self.scheme_key}: {self.answer}"
