"""Anonymous facts, written with the work (ADR 0028).

Each row stands alone: a random id (no sequence that betrays the order of writing), no
concern, referral, child, consent or person id, dates (never times) and codes and bands
(never free text, exact ages or exact amounts). Rows are only appended; retention's erasure
of a concern leaves them as they are. A referral's facts are one row per step, each with
the dates known at that step, so no key ties the rows of one referral together.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from django.db import models
from django.utils.translation import gettext_lazy as _

from kansrijk.facts.constants import CodeKind, Step

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def _id() -> models.UUIDField:  # type: ignore[type-arg]
    return models.UUIDField(
        primary_key=True,
        default=uuid.uuid4,
        editable=False,
        help_text="Random identifier, unrelated to any concern, referral or person.",
        verbose_name=_("id"),
    )


def _municipality() -> models.CharField:  # type: ignore[type-arg]
    return models.CharField(
        max_length=6, help_text="CBS code of the family's municipality.", verbose_name=_("CBS-code van de gemeente")
    )


def _date(help_text: str, verbose_name: StrOrPromise) -> models.DateField:  # type: ignore[type-arg]
    return models.DateField(null=True, blank=True, help_text=help_text, verbose_name=verbose_name)


class ReferralFact(models.Model):
    """One step of one referral, with the dates of the steps known by then."""

    id = _id()
    step = models.CharField(
        max_length=12, choices=Step.choices, help_text="The step this row records.", verbose_name=_("stap")
    )
    on = models.DateField(help_text="Date of this step (local date, no time).", verbose_name=_("datum van de stap"))
    municipality_code = _municipality()
    receiver_id = models.UUIDField(
        help_text="The organisation that received the referral.", verbose_name=_("id van de ontvanger")
    )
    service_id = models.UUIDField(
        null=True, blank=True, help_text="The service (HSDS id) referred to.", verbose_name=_("id van het hulpaanbod")
    )
    need = models.CharField(
        max_length=40,
        blank=True,
        default="",
        help_text="The service's first need code in the need taxonomy's order ('' when it has none).",
        verbose_name=_("behoefte"),
    )
    referrer_kind = models.CharField(
        max_length=20, help_text="Kind of the referring organisation.", verbose_name=_("soort verwijzer")
    )
    age_band = models.CharField(
        max_length=8,
        help_text="Age band of the youngest child on the day of the concern.",
        verbose_name=_("leeftijdsgroep"),
    )
    for_wish = models.BooleanField(
        default=False,
        help_text="True when a child of the concern wished for the service's need.",
        verbose_name=_("voor een wens van het kind"),
    )
    concern_on = models.DateField(help_text="Date the concern was raised.", verbose_name=_("datum van de zorg"))
    consent_on = _date("Date the consent was given.", _("datum van de toestemming"))
    referred_on = models.DateField(help_text="Date the referral was sent.", verbose_name=_("datum van verwijzen"))
    accepted_on = _date("Date the receiver accepted (empty if not, or not yet).", _("datum van accepteren"))
    started_on = _date("Date the receiver started (in progress).", _("datum van starten"))
    ended_on = _date("Date of the last step: help delivered, declined or withdrawn.", _("datum van afronden"))
    decline_reason = models.CharField(
        max_length=20, blank=True, default="", help_text="Coded decline reason.", verbose_name=_("reden van afwijzen")
    )
    amount_band = models.CharField(
        max_length=10,
        blank=True,
        default="",
        help_text="Band of the delivered amount in euros ('' when none was recorded).",
        verbose_name=_("bedraggroep"),
    )

    class Meta:
        verbose_name = _("feit over een verwijzing")
        verbose_name_plural = _("feiten over verwijzingen")
        indexes = [
            models.Index(fields=["municipality_code", "step", "on"], name="facts_referral_muni"),
            models.Index(fields=["receiver_id", "step", "on"], name="facts_referral_receiver"),
            models.Index(fields=["step", "on"], name="facts_referral_step"),
        ]

    def __str__(self) -> str:
        return f"{self.municipality_code} {self.step} {self.on}"


class ConcernFact(models.Model):
    """A concern was raised: where, by which kind of organisation, for how many children."""

    id = _id()
    on = models.DateField(help_text="Date the concern was raised.", verbose_name=_("datum"))
    municipality_code = _municipality()
    organisation_kind = models.CharField(
        max_length=20, help_text="Kind of the organisation that raised it.", verbose_name=_("soort organisatie")
    )
    children_count = models.PositiveSmallIntegerField(help_text="Number of children.", verbose_name=_("kinderen"))
    age_band = models.CharField(
        max_length=8, help_text="Age band of the youngest child.", verbose_name=_("leeftijdsgroep")
    )

    class Meta:
        verbose_name = _("feit over een zorg")
        verbose_name_plural = _("feiten over zorgen")
        indexes = [models.Index(fields=["municipality_code", "on"], name="facts_concern_muni")]

    def __str__(self) -> str:
        return f"{self.municipality_code} {self.on}"


class ConcernCodeFact(models.Model):
    """One sign observed or one wish of a child, as a code, counted per code."""

    id = _id()
    on = models.DateField(help_text="Date the concern was raised.", verbose_name=_("datum"))
    municipality_code = _municipality()
    organisation_kind = models.CharField(
        max_length=20, help_text="Kind of the organisation that raised it.", verbose_name=_("soort organisatie")
    )
    kind = models.CharField(
        max_length=4, choices=CodeKind.choices, help_text="Sign or wish.", verbose_name=_("soort code")
    )
    code = models.CharField(
        max_length=40, help_text="Sign code, or the wish's need code ('other' without one).", verbose_name=_("code")
    )

    class Meta:
        verbose_name = _("signaal of wens")
        verbose_name_plural = _("signalen en wensen")
        indexes = [models.Index(fields=["municipality_code", "kind", "on"], name="facts_code_muni")]

    def __str__(self) -> str:
        return f"{self.kind} {self.code}"


class FeedbackFact(models.Model):
    """The family's and the child's answer after the help. A changed answer appends a row with
    weight -1 (the old answer) and one with +1 (the new), so sums stay right without a key."""

    id = _id()
    on = models.DateField(help_text="Date the answer was recorded.", verbose_name=_("datum"))
    municipality_code = _municipality()
    receiver_id = models.UUIDField(
        help_text="The organisation that gave the help.", verbose_name=_("id van de ontvanger")
    )
    service_id = models.UUIDField(
        null=True, blank=True, help_text="The service (HSDS id).", verbose_name=_("id van het hulpaanbod")
    )
    need = models.CharField(
        max_length=40, blank=True, default="", help_text="The service's first need code.", verbose_name=_("behoefte")
    )
    family_answer = models.CharField(
        max_length=8, help_text="Did it help the family (yes, partly, no)?", verbose_name=_("antwoord van het gezin")
    )
    child_score = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="The child's smiley, 1 to 5.", verbose_name=_("score van het kind")
    )
    weight = models.SmallIntegerField(
        default=1, help_text="+1 for an answer, -1 for an answer that was replaced.", verbose_name=_("gewicht")
    )

    class Meta:
        verbose_name = _("feit over terugkoppeling")
        verbose_name_plural = _("feiten over terugkoppeling")
        indexes = [models.Index(fields=["municipality_code", "on"], name="facts_feedback_muni")]

    def __str__(self) -> str:
        return f"{self.municipality_code} {self.family_answer}"
