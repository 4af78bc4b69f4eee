"""Fixed vocabularies of the alliance: its activities, target groups and traffic lights."""

from __future__ import annotations

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from kansrijk.alliance.pledge_text import PLEDGE_V1_TEXT as PLEDGE_V1_TEXT  # the pledge as published in 2019
from kansrijk.alliance.pledge_text import PLEDGE_V1_TITLE as PLEDGE_V1_TITLE


class Activity(models.TextChoices):
    """The alliance's three activities (pledge points 1 to 3). Point 4, monitoring, is the
    yearly progress report every commitment owes."""

    SIGNAL = "signal", _("Signaleren en weten wie kan helpen")
    SOLVE = "solve", _("Oplossen binnen gezinnen")
    COLLABORATE = "collaborate", _("Samenwerken en laten zien wat werkt")


class TargetGroup(models.TextChoices):
    CHILDREN = "children", _("Kinderen en jongeren")
    FAMILIES = "families", _("Gezinnen")
    BOTH = "both", _("Kinderen en hun gezinnen")


class ReachUnit(models.TextChoices):
    CHILDREN = "children", _("kinderen")
    FAMILIES = "families", _("gezinnen")


class TrafficLight(models.TextChoices):
    """Status of a commitment's yearly report. Always shown with its text label, never by
    colour alone (WCAG 1.4.1)."""

    GREEN = "green", _("Op tijd")
    AMBER = "amber", _("Verslag binnenkort nodig")
    RED = "red", _("Verslag te laat")


class Coverage(models.TextChoices):
    """How well an activity is covered in one municipality; see `coverage.py`."""

    COVERED = "covered", _("Gedekt")
    THIN = "thin", _("Dun")
    MISSING = "missing", _("Ontbreekt")


class SignatureEnd(models.TextChoices):
    WITHDRAWN = "withdrawn", _("Ingetrokken")
    SUPERSEDED = "superseded", _("Vervangen door een nieuwere versie")


# Coverage thresholds: distinct partners active for an activity in a municipality.
COVERED_MIN_PARTNERS = 2
THIN_MIN_PARTNERS = 1

# Traffic light: a report is due from this many months after the last one (or after the
# commitment's start) and overdue after the anniversary (see `status.py`).
REPORT_DUE_AFTER_MONTHS = 10
REPORT_INTERVAL_MONTHS = 12

# A coordinator gets at most one reminder per commitment in this many days.
REMINDER_INTERVAL_DAYS = 30

# Dutch names of a commitment's fields, for its history ("what changed").
COMMITMENT_FIELD_LABELS: dict[str, Promise] = {
    "title": _("naam"),
    "activity": _("activiteit"),
    "description": _("wat er gedaan wordt"),
    "target_group": _("doelgroep"),
    "age_min": _("leeftijd van"),
    "age_max": _("leeftijd tot en met"),
    "is_national": _("landelijk"),
    "municipalities": _("gemeenten"),
    "planned_reach": _("gepland bereik"),
    "reach_unit": _("eenheid van bereik"),
    "starts_on": _("startdatum"),
    "ends_on": _("einddatum"),
    "contact_name": _("contactpersoon"),
    "contact_email": _("e-mail contactpersoon"),
    "indicators": _("indicatoren"),
}

# Reach per year (planned or realised): at most all children in the Netherlands (about 3.4 million),
# with room to spare, and well inside the 32-bit column (ADR 0012).
MAX_REACH = 10_000_000
