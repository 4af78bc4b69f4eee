"""Fixed values of the screener: kinds of schemes, income tests, routes, and where to apply."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _


class SchemeKind(models.TextChoices):
    MUNICIPAL = "municipal", _("Regeling van de gemeente")
    FUND = "fund", _("Fonds")


class IncomeTest(models.TextChoices):
    # The values of `kansrijk.rules.local.INCOME_*` (repeated: models must not import rules; a test checks).
    NORM = "bijstandsnorm", _("Inkomen tot een percentage van de bijstandsnorm")
    LEEFGELD = "leefgeld", _("Leefgeld (inkomen min huur) tot een norm per huishouden")
    NONE = "none", _("Geen inkomenstoets")


class PaymentRoute(models.TextChoices):
    VOUCHER = "voucher", _("Tegoedbon of pas")
    PROVIDER = "provider", _("Betaald aan de club, school of winkel")
    MONEY = "money", _("Geld op uw rekening")
    GOODS = "goods", _("Spullen of een pakket")


class AppliesVia(models.TextChoices):
    SELF = "self", _("U kunt het zelf aanvragen")
    PROFESSIONAL = "professional", _("Alleen via een professional")
    INTERMEDIARY = "intermediary", _("Via een intermediair (school, wijkteam, hulpverlener)")


class School(models.TextChoices):
    NONE = "none", _("Nog niet naar school / geen school")
    PRIMARY = "primary", _("Basisschool")
    SECONDARY = "secondary", _("Middelbare school")
    MBO = "mbo", _("Mbo")


# Order of use, as `kansrijk.rules.order.RANKS` (repeated here; a test checks they agree).
RANK_CHOICES = [
    (10, _("Gemeente (eerst)")),
    (20, _("Jeugdfonds Sport & Cultuur")),
    (30, _("Stichting Leergeld")),
    (40, _("Kinderhulp / Jarige Job")),
    (50, _("Ander fonds (Voedselbank, Speelgoedbank)")),
]

# Where to apply for the national schemes (they are not data rows).
NATIONAL_APPLY: dict[str, dict[str, Any]] = {
    "kinderbijslag": {
        "how": _("Vraag het aan bij de SVB. Meestal krijgt u na de geboorte vanzelf een formulier."),
        "url": "https://www.svb.nl/nl/kinderbijslag",
    },
    "kindgebonden_budget": {
        "how": _(
            "Meestal krijgt u dit vanzelf als u kinderbijslag krijgt. Anders: vraag het aan bij Dienst Toeslagen."
        ),
        "url": "https://www.belastingdienst.nl/wps/wcm/connect/nl/kindgebonden-budget/",
    },
    "zorgtoeslag": {
        "how": _("Vraag het aan bij Dienst Toeslagen, met DigiD."),
        "url": "https://www.belastingdienst.nl/wps/wcm/connect/nl/zorgtoeslag/",
    },
    "huurtoeslag": {
        "how": _("Vraag het aan bij Dienst Toeslagen, met DigiD."),
        "url": "https://www.belastingdienst.nl/wps/wcm/connect/nl/huurtoeslag/",
    },
}

# Demo rows point their source at this page.
DEMO_NOTE_PATH = "/wat-kan-ik-krijgen/over-de-demo/"
# The editor's population preview: seeded, cached per municipality and year.
PREVIEW_SEED = 2026
EXAMPLE_HOUSEHOLDS = 4

# The need codes of the social map's taxonomy (`kansrijk.socialmap.constants.NEEDS`): the
# screener and the social map are the same layer and do not import each other, so the codes
# are repeated here; a test checks that both lists agree.
NEEDS: tuple[tuple[str, Any], ...] = (
    ("sport", _("Sport")),
    ("cultuur", _("Cultuur en muziek")),
    ("schoolkosten", _("Schoolkosten")),
    ("computer", _("Computer of laptop")),
    ("fiets", _("Fiets")),
    ("kleding", _("Kleding")),
    ("voedsel", _("Eten")),
    ("speelgoed", _("Speelgoed")),
    ("verjaardag", _("Verjaardag")),
    ("uitje", _("Vakantie en uitjes")),
    ("geldzaken", _("Schulden en geldzaken")),
    ("opvoeding", _("Opvoedsteun")),
    ("jeugdgezondheid", _("Jeugdgezondheidszorg")),
    ("wonen", _("Wonen")),
    ("energie", _("Energie")),
)
NEED_NAMES = dict(NEEDS)

# The answer page signs the schemes it suggests (keys and kinds, municipality, date) for the
# optional take-up follow-up (`kansrijk.takeup`, ADR 0031), so that the follow-up keeps only
# what the check really suggested. Suggested: "probably yes" and "first another scheme".
FOLLOW_UP_SALT = "kansrijk.screener.follow-up"
FOLLOW_UP_STATUSES = ("yes", "fallback")
