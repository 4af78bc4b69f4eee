from django.contrib import admin
from django.http import HttpRequest

from kansrijk.audit.admin import AuditedModelAdmin
from kansrijk.core.admin_base import ReadOnlyAdmin
from kansrijk.municipalities.models import CbsFigure, Municipality, PostcodeArea


@admin.register(Municipality)
class MunicipalityAdmin(AuditedModelAdmin[Municipality]):
    list_display = ["name", "code", "province", "population"]
    list_filter = ["province"]
    search_fields = ["code", "gemeentecode", "name"]
    exclude = ["boundary"]

    def get_readonly_fields(self, request: HttpRequest, obj: Municipality | None = None) -> list[str]:
        # The codes are what other records point to: fixed once the municipality exists.
        return ["code", "gemeentecode"] if obj else []


@admin.register(PostcodeArea)
class PostcodeAreaAdmin(AuditedModelAdmin[PostcodeArea]):
    list_display = ["pc4", "municipality", "latitude", "longitude", "source"]
    list_filter = ["municipality__province"]
    search_fields = ["pc4", "municipality__name"]
    list_select_related = ["municipality"]
    autocomplete_fields = ["municipality"]


@admin.register(CbsFigure)
class CbsFigureAdmin(ReadOnlyAdmin):
    """CBS figures come from the shipped files and `kansrijk cbs-import` (ADR 0032): staff look only."""

    list_display = ["municipality", "measure", "period", "value", "unit", "table_id", "provisional"]
    list_filter = ["measure", "table_id", "period"]
    search_fields = ["municipality__name", "municipality__code"]
    list_select_related = ["municipality"]
