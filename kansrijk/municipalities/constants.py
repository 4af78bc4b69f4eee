"""Names of the CBS figures kept per municipality (model `CbsFigure`, ADR 0032)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Measure(models.TextChoices):
    """What a CBS figure counts. One measure can come from several tables and years."""

    MINORS = "minors", _("minderjarige kinderen in huishoudens met inkomen")
    MINORS_120_SM = "minors_120_sm", _("kinderen in huishoudens tot 120% van het sociaal minimum")
    MINORS_120_SM_PERCENT = "minors_120_sm_percent", _("aandeel kinderen tot 120% van het sociaal minimum")
    MINORS_LOW_INCOME = "minors_low_income", _("kinderen in huishoudens met een laag inkomen")
    MINORS_LOW_INCOME_PERCENT = "minors_low_income_percent", _("aandeel kinderen met een laag inkomen")
    HOUSEHOLDS_LOW_INCOME = "households_low_income", _("huishoudens met een laag inkomen")
    HOUSEHOLDS_LOW_INCOME_PERCENT = "households_low_income_percent", _("aandeel huishoudens met een laag inkomen")
    PERSONS_BIJSTAND = "persons_bijstand", _("personen met bijstand")
    BIJSTAND_SINGLE_PARENTS = "bijstand_single_parents", _("eenoudergezinnen met bijstand")
    BIJSTAND_FAMILIES = "bijstand_families", _("gezinnen met kinderen en bijstand")
    HOUSEHOLDS = "households", _("particuliere huishoudens")
    INCOME_MEAN = "income_mean", _("gemiddeld gestandaardiseerd inkomen")
    INCOME_MEDIAN = "income_median", _("mediaan gestandaardiseerd inkomen")
    DECILE_1 = "decile_1", _("huishoudens in de armste 10% van Nederland")
    DECILE_2 = "decile_2", _("huishoudens in inkomensgroep 2 van 10 in Nederland")
    DECILE_3 = "decile_3", _("huishoudens in inkomensgroep 3 van 10 in Nederland")
    DECILE_4 = "decile_4", _("huishoudens in inkomensgroep 4 van 10 in Nederland")
    DECILE_5 = "decile_5", _("huishoudens in inkomensgroep 5 van 10 in Nederland")
    DECILE_6 = "decile_6", _("huishoudens in inkomensgroep 6 van 10 in Nederland")
    DECILE_7 = "decile_7", _("huishoudens in inkomensgroep 7 van 10 in Nederland")
    DECILE_8 = "decile_8", _("huishoudens in inkomensgroep 8 van 10 in Nederland")
    DECILE_9 = "decile_9", _("huishoudens in inkomensgroep 9 van 10 in Nederland")
    DECILE_10 = "decile_10", _("huishoudens in de rijkste 10% van Nederland")


DECILES = tuple(Measure(f"decile_{n}") for n in range(1, 11))


class Unit(models.TextChoices):
    COUNT = "count", _("aantal")
    PERCENT = "percent", _("procent")
    EURO = "euro", _("euro")
