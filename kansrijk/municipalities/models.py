"""The 342 Dutch municipalities: everything regional hangs off this."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


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
