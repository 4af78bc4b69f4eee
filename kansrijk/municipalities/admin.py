from django.contrib import admin

from kansrijk.audit.admin import AuditedModelAdmin
from kansrijk.municipalities.models import Municipality


@admin.register(Municipality)
class MunicipalityAdmin(AuditedModelAdmin[Municipality]):
    list_display = ["code", "name", "province", "population"]
    list_filter = ["province"]
    search_fields = ["code", "name"]
    exclude = ["boundary"]
