"""Fixed values of concerns and referrals: the signs checklist, choices, retention."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# A referral not answered within this many working days (Mon-Fri; public holidays are
# not taken into account) reminds the receiver and tells the referrer.
REMINDER_WORKING_DAYS = 10
# Default retention of personal data of closed concerns; `settings.REFERRALS_RETENTION_DAYS` overrides it.
DEFAULT_RETENTION_DAYS = 365
# The young person gives consent from this age; below it the parent or guardian does.
CONSENT_AGE = 16
# Consent ends this many days after it was given unless another end date is recorded;
# `settings.CONSENT_DEFAULT_DAYS` overrides it.
DEFAULT_CONSENT_DAYS = 365


@dataclass(frozen=True)
class Sign:
    """One sign of poverty on the professionals' checklist (after NCJ's signs)."""

    code: str
    label: str | Promise
    guidance: str | Promise


SIGNS: tuple[Sign, ...] = (
    Sign("no_club", _("Geen sport of club"), _("Het kind doet niet mee aan sport, muziek of een club.")),
    Sign("no_breakfast", _("Geen ontbijt"), _("Het kind komt vaak zonder ontbijt of zonder eten naar school.")),
    Sign("misses_trips", _("Mist schoolreisjes"), _("Het kind gaat niet mee op schoolreis of kamp, of is dan ziek.")),
    Sign("clothing", _("Kleding past niet"), _("Kleding of schoenen zijn te klein, versleten of niet voor het weer.")),
    Sign("no_treat", _("Geen traktatie"), _("Het kind trakteert niet op zijn verjaardag of viert die niet.")),
    Sign(
        "money_stress",
        _("Stress over geld thuis"),
        _("Het kind praat over geldzorgen of ouders zeggen dat geld krap is."),
    ),
    Sign("no_school_supplies", _("Geen schoolspullen"), _("Het kind mist schoolspullen, een fiets of een laptop.")),
    Sign("no_parties", _("Gaat niet naar feestjes"), _("Het kind gaat niet naar verjaardagen van andere kinderen.")),
    Sign("health", _("Gezondheid"), _("Het kind is vaak moe, ziek of heeft pijn aan de tanden.")),
    Sign("withdrawn", _("Trekt zich terug"), _("Het kind schaamt zich, is stil of wil niet over thuis praten.")),
)
SIGN_BY_CODE = {sign.code: sign for sign in SIGNS}


class School(models.TextChoices):
    NONE = "none", _("Nog niet naar school / geen school")
    PRIMARY = "primary", _("Basisschool")
    SECONDARY = "secondary", _("Middelbare school")
    MBO = "mbo", _("Mbo")


class GivenBy(models.TextChoices):
    PARENT = "parent", _("Ouder")
    GUARDIAN = "guardian", _("Voogd")
    YOUNG_PERSON = "young_person", _("De jongere zelf (16 jaar of ouder)")


class ConsentMethod(models.TextChoices):
    IN_PERSON = "in_person", _("In een gesprek")
    PHONE = "phone", _("Aan de telefoon")
    SIGNED_FORM = "signed_form", _("Met een getekend formulier")


class Status(models.TextChoices):
    SENT = "sent", _("Verstuurd")
    ACCEPTED = "accepted", _("Geaccepteerd")
    DECLINED = "declined", _("Afgewezen")
    IN_PROGRESS = "in_progress", _("Mee bezig")
    DONE = "done", _("Hulp gegeven")
    WITHDRAWN = "withdrawn", _("Ingetrokken")


OPEN_STATUSES = (Status.SENT.value, Status.ACCEPTED.value, Status.IN_PROGRESS.value)
FINISHED_STATUSES = (Status.DONE.value, Status.DECLINED.value, Status.WITHDRAWN.value)
CONSENT_WITHDRAWN_REASON = "toestemming ingetrokken"
CONSENT_EXPIRED_REASON = "toestemming verlopen"


class CloseReason(models.TextChoices):
    """Why a professional closes a concern."""

    HELP_ARRANGED = "help_arranged", _("Hulp is geregeld")
    NO_LONGER_NEEDED = "no_longer_needed", _("Geen hulp meer nodig")
    FAMILY_DECLINED = "family_declined", _("Gezin wil geen hulp")
    FAMILY_MOVED = "family_moved", _("Gezin is verhuisd")
    OTHER = "other", _("Andere reden")


class DeclineReason(models.TextChoices):
    """Why a referral was declined: a coded list so reasons can be counted; free text is optional."""

    NOT_ELIGIBLE = "not_eligible", _("Komt niet in aanmerking")
    FAMILY_UNREACHABLE = "family_unreachable", _("Gezin niet bereikbaar")
    FAMILY_DECLINED = "family_declined", _("Gezin wil het niet")
    NO_BUDGET = "no_budget", _("Geen budget meer")
    REFERRED_ELSEWHERE = "referred_elsewhere", _("Doorverwezen naar andere hulp")
    OTHER = "other", _("Andere reden")


class BarrierCategory(models.TextChoices):
    TRANSPORT = "transport", _("Vervoer en reiskosten")
    EXTRA_COSTS = "extra_costs", _("Bijkomende kosten")
    RULES = "rules", _("Regels sluiten niet aan")
    WAITING = "waiting", _("Wachttijd")
    PAPERWORK = "paperwork", _("Papierwerk en aanvragen")
    LANGUAGE = "language", _("Taal")
    OTHER = "other", _("Anders")


class FamilyAnswer(models.TextChoices):
    YES = "yes", _("Ja, het hielp")
    PARTLY = "partly", _("Een beetje")
    NO = "no", _("Nee")


# The name a concern has in the audit trail and the erasure log (`core.erasure_log`).
CONCERN_MODEL = "referrals.concern"
