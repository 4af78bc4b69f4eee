from django.contrib import admin

from kansrijk.audit.admin import AuditedModelAdmin
from kansrijk.municipalities.models import Municipality, PostcodeArea


@admin.register(Municipality)
class MunicipalityAdmin(AuditedModelAdmin[Municipality]):
    list_display = ["code", "name", "province", "population"]
    list_filter = ["province"]
    search_fields = ["code", "name"]
    exclude = ["boundary"]


@admin.register(PostcodeArea)
class PostcodeAreaAdmin(AuditedModelAdmin[PostcodeArea]):
    list_display = ["pc4", "municipality", "latitude", "longitude", "source"]
    search_fields = ["pc4", "municipality__name"]
    list_select_related = ["municipality"]
