"""Fixed values of the take-up follow-up: answers, coded reasons, periods, the code's alphabet."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

# The family gets the question this many days after the check (as aides-jeunes does).
QUESTION_AFTER_DAYS = 6
# A family follow-up (its code, and the e-mail address if one was given) is deleted after this many days.
FOLLOW_UP_DAYS = 60
# The professional is reminded once when nothing was recorded this many days after the concern was raised.
REMINDER_AFTER_DAYS = 42
# The code to come back with: no 0/O, 1/I/L, 5/S or 8/B, so it cannot be misread or mistyped.
CODE_ALPHABET = "234679ACDEFGHJKMNPQRTUVWXYZ"
CODE_LENGTH = 8  # 27**8 ≈ 2.8e11 codes, 38.0 bits; lookups are rate-limited (LOOKUPS_PER_HOUR)
LOOKUPS_PER_HOUR = 20  # failed code lookups per client address per hour
# How long the signed list of suggestions on the answer page stays valid (seconds).
SUGGESTIONS_MAX_AGE = 24 * 60 * 60
EMAIL_LENGTH = 254
MAX_SCHEMES = 20


class Source(models.TextChoices):
    PROFESSIONAL = "professional", _("Professional")
    FAMILY = "family", _("Gezin")


class SchemeKind(models.TextChoices):
    NATIONAL = "national", _("Regeling van het Rijk")
    MUNICIPAL = "municipal", _("Regeling van de gemeente")
    FUND = "fund", _("Fonds")


class Answer(models.TextChoices):
    ALREADY_HAD = "already_had", _("Hadden we al")
    APPLIED = "applied", _("Aangevraagd, nog geen antwoord")
    RECEIVED = "received", _("Gekregen")
    REFUSED = "refused", _("Aangevraagd, maar niet gekregen")
    DIDNT_MANAGE = "didnt_manage", _("Het lukte niet om aan te vragen")
    DIDNT_TRY = "didnt_try", _("Niet geprobeerd")
    NOT_NEEDED = "not_needed", _("Niet nodig")


# What each side may answer (the professional does not record "already had" or "didn't try";
# the family is not asked "not needed": "didn't try" covers it).
FAMILY_ANSWERS = (
    Answer.ALREADY_HAD,
    Answer.APPLIED,
    Answer.RECEIVED,
    Answer.REFUSED,
    Answer.DIDNT_MANAGE,
    Answer.DIDNT_TRY,
)
PROFESSIONAL_ANSWERS = (Answer.APPLIED, Answer.RECEIVED, Answer.REFUSED, Answer.DIDNT_MANAGE, Answer.NOT_NEEDED)


class ManageReason(models.TextChoices):
    """Why applying did not work out."""

    FORMS = "forms", _("De formulieren")
    DIGID = "digid", _("DigiD")
    NOT_UNDERSTOOD = "not_understood", _("Ik begreep het niet")
    HASSLE = "hassle", _("Te veel gedoe")
    OTHER = "other", _("Iets anders")


class RefusalReason(models.TextChoices):
    """Why an application was refused, as the professional heard it."""

    INCOME = "income", _("Inkomen te hoog")
    ASSETS = "assets", _("Te veel vermogen of spaargeld")
    AGE = "age", _("Leeftijd van het kind past niet")
    RESIDENCE = "residence", _("Woont niet in de gemeente")
    OTHER_FIRST = "other_first", _("Eerst een andere regeling")
    INCOMPLETE = "incomplete", _("Aanvraag niet compleet")
    REFUSED_OTHER = "refused_other", _("Andere reden")


REASON_CHOICES = [*ManageReason.choices, *RefusalReason.choices]
REASON_LABELS = dict(REASON_CHOICES)

# The child's own smiley, as in the referrals' feedback (1 sad … 5 very happy).
SMILEYS = (
    (1, _("1 ☹ heel verdrietig")),
    (2, _("2 🙁 niet blij")),
    (3, _("3 😐 gewoon")),
    (4, _("4 🙂 blij")),
    (5, _("5 😀 heel blij")),
)
