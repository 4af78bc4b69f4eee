"""The need taxonomy for platform staff: read only here.

Kansrijk's needs are reference data (`socialmap.constants.NEEDS`, loaded by
`kansrijk load-reference`), and their names are part of every service's search
document; a change goes through the code so the search index follows. Services and
locations are kept by their owner organisations on the social-map pages.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from kansrijk.core.admin_base import ReadOnlyAdmin
from kansrijk.socialmap.models import Taxonomy, TaxonomyTerm


@admin.register(Taxonomy)
class TaxonomyAdmin(ReadOnlyAdmin):
    list_display = ["name", "version", "term_count"]
    search_fields = ["name"]
    fields = ["name", "description", "uri", "version"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Taxonomy]:
        return Taxonomy.objects.annotate(term_total=Count("terms"))

    @admin.display(description=_("aantal begrippen"), ordering="term_total")
    def term_count(self, obj: Any) -> int:
        return int(obj.term_total)


@admin.register(TaxonomyTerm)
class TaxonomyTermAdmin(ReadOnlyAdmin):
    list_display = ["name", "code", "name_en", "parent", "taxonomy"]
    list_filter = ["taxonomy"]
    search_fields = ["name", "name_en", "code"]
    list_select_related = ["parent", "taxonomy"]
    fields = ["name", "name_en", "code", "description", "parent", "taxonomy", "language", "term_uri"]
