"""The 342 Dutch municipalities: everything regional hangs off this."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from kansrijk.municipalities.constants import Measure, Unit


class Municipality(models.Model):
    code = models.CharField(
        max_length=6, primary_key=True, help_text="CBS code, e.g. `GM0363` (Amsterdam).", verbose_name=_("CBS-code")
    )
    gemeentecode = models.CharField(
        max_length=4,
        unique=True,
        help_text="Four-digit municipality code, e.g. `0363`.",
        verbose_name=_("gemeentecode"),
    )
    name = models.CharField(max_length=100, db_index=True, help_text="Official name.", verbose_name=_("naam"))
    province = models.CharField(
        max_length=50, db_index=True, help_text="Province the municipality lies in.", verbose_name=_("provincie")
    )
    population = models.PositiveIntegerField(
        help_text="Inhabitants on 1 January 2024 (CBS).", verbose_name=_("inwoners")
    )
    area_km2 = models.DecimalField(
        max_digits=8, decimal_places=2, help_text="Total area in km² (CBS).", verbose_name=_("oppervlakte (km²)")
    )
    centroid_latitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        help_text="Latitude of the area centroid (WGS84).",
        verbose_name=_("breedtegraad van het midden"),
    )
    centroid_longitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        help_text="Longitude of the area centroid (WGS84).",
        verbose_name=_("lengtegraad van het midden"),
    )
    boundary = models.JSONField(
        help_text="GeoJSON geometry of the boundary (WGS84, simplified).", verbose_name=_("grens")
    )

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class PostcodeArea(models.Model):
    """A 4-digit postcode area (PC4) with its municipality and centre, loaded by
    `kansrijk postcodes-import` from the open CBS postcode4 table (ADR 0015)."""

    pc4 = models.CharField(
        max_length=4,
        primary_key=True,
        help_text="The digits of the postcode, e.g. `6093`.",
        verbose_name=_("postcode (4 cijfers)"),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="postcode_areas",
        help_text="The municipality that holds the centre of the area.",
        verbose_name=_("gemeente"),
    )
    latitude = models.FloatField(help_text="Latitude of the area's centre (WGS84).", verbose_name=_("breedtegraad"))
    longitude = models.FloatField(help_text="Longitude of the area's centre (WGS84).", verbose_name=_("lengtegraad"))
    source = models.CharField(
        max_length=200, blank=True, default="", help_text="File the row was loaded from.", verbose_name=_("bronbestand")
    )

    class Meta:
        verbose_name = _("postcodegebied")
        verbose_name_plural = _("postcodegebieden")
        ordering = ["pc4"]

    def __str__(self) -> str:
        return self.pc4


class CbsFigure(models.Model):
    """One published CBS figure for one municipality and one period (ADR 0032): loaded from the
    files in `data/cbs/` by a data migration, newer ones by `kansrijk cbs-import`."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="cbs_figures",
        help_text="The municipality the figure is about (2025 boundaries).",
        verbose_name=_("gemeente"),
    )
    measure = models.CharField(
        max_length=40,
        choices=Measure.choices,
        help_text="What the figure counts, e.g. `minors_120_sm`.",
        verbose_name=_("maatstaf"),
    )
    table_id = models.CharField(
        max_length=20, help_text="CBS StatLine table, e.g. `85309NED`.", verbose_name=_("CBS-tabel")
    )
    period = models.PositiveSmallIntegerField(
        help_text="Year the figure is about (income year or reference date's year).", verbose_name=_("jaar")
    )
    value = models.DecimalField(
        max_digits=14,
        decimal_places=2,
        help_text="The value in `unit` (counts as whole numbers: '0.6 x 1 000' is stored as 600).",
        verbose_name=_("waarde"),
    )
    unit = models.CharField(
        max_length=10, choices=Unit.choices, help_text="Unit of `value`.", verbose_name=_("eenheid")
    )
    rounding = models.DecimalField(
        max_digits=10,
        decimal_places=2,
        help_text="Step the published value is rounded to: the exact figure lies within half of it (100 for "
        "counts rounded to hundreds; larger for a sum of rounded figures).",
        verbose_name=_("afronding"),
    )
    source = models.CharField(
        max_length=300,
        help_text="Where the value comes from: CBS table and file (CBS StatLine, CC BY 4.0).",
        verbose_name=_("bron"),
    )
    provisional = models.BooleanField(
        default=False, help_text="CBS marks the period as provisional.", verbose_name=_("voorlopig")
    )
    loaded_at = models.DateTimeField(
        auto_now=True, help_text="When the row was last loaded.", verbose_name=_("geladen op")
    )

    class Meta:
        verbose_name = _("CBS-cijfer")
        verbose_name_plural = _("CBS-cijfers")
        ordering = ["municipality", "measure", "-period"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "measure", "table_id", "period"], name="cbs_figure_one_per_table_and_year"
            )
        ]
        indexes = [models.Index(fields=["measure", "period"], name="cbs_figure_measure_period")]

    def __str__(self) -> str:
        return f"{self.municipality_id} {self.measure} {self.period}"
