"""The 342 Dutch municipalities: everything regional hangs off this."""

from __future__ import annotations

from django.db import models


class Municipality(models.Model):
    code = models.CharField(max_length=6, primary_key=True, help_text="CBS code, e.g. `GM0363` (Amsterdam).")
    gemeentecode = models.CharField(max_length=4, unique=True, help_text="Four-digit municipality code, e.g. `0363`.")
    name = models.CharField(max_length=100, db_index=True, help_text="Official name.")
    province = models.CharField(max_length=50, db_index=True, help_text="Province the municipality lies in.")
    population = models.PositiveIntegerField(help_text="Inhabitants on 1 January 2024 (CBS).")
    area_km2 = models.DecimalField(max_digits=8, decimal_places=2, help_text="Total area in km² (CBS).")
    centroid_latitude = models.DecimalField(
        max_digits=9, decimal_places=6, help_text="Latitude of the area centroid (WGS84)."
    )
    centroid_longitude = models.DecimalField(
        max_digits=9, decimal_places=6, help_text="Longitude of the area centroid (WGS84)."
    )
    boundary = models.JSONField(help_text="GeoJSON geometry of the boundary (WGS84, simplified).")

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "municipalities"

    def __str__(self) -> str:
        return self.name


class PostcodeArea(models.Model):
    """A 4-digit postcode area (PC4) with its municipality and centre, loaded by
    `kansrijk postcodes-import` from the open CBS postcode4 table (ADR 0015)."""

    pc4 = models.CharField(max_length=4, primary_key=True, help_text="The digits of the postcode, e.g. `6093`.")
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="postcode_areas",
        help_text="The municipality that holds the centre of the area.",
    )
    latitude = models.FloatField(help_text="Latitude of the area's centre (WGS84).")
    longitude = models.FloatField(help_text="Longitude of the area's centre (WGS84).")
    source = models.CharField(max_length=200, blank=True, default="", help_text="File the row was loaded from.")

    class Meta:
        ordering = ["pc4"]

    def __str__(self) -> str:
        return self.pc4
