from typing import Any, TypeVar

from django.contrib import admin
from django.db import models
from django.http import HttpRequest

from kansrijk.audit.models import AuditEvent
from kansrijk.audit.services import record

_M = TypeVar("_M", bound=models.Model)


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin[AuditEvent]):
    list_display = ["timestamp", "actor_label", "action", "object_type", "object_id", "result", "client_address"]
    list_filter = ["result", "action"]
    search_fields = ["actor_label", "action", "object_id"]
    date_hierarchy = "timestamp"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: AuditEvent | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: AuditEvent | None = None) -> bool:
        return False


class AuditedModelAdmin(admin.ModelAdmin[_M]):
    """A ModelAdmin whose every add, change and delete also lands in the audit trail.

    The admin runs these hooks inside its own transaction, so the audit row commits
    with the change or not at all.
    """

    def log_addition(self, request: HttpRequest, obj: _M, message: Any) -> Any:
        record(actor=request.user, action="admin.add", obj=obj, detail={"message": str(message)})
        return super().log_addition(request, obj, message)

    def log_change(self, request: HttpRequest, obj: _M, message: Any) -> Any:
        record(actor=request.user, action="admin.change", obj=obj, detail={"message": str(message)})
        return super().log_change(request, obj, message)

    def log_deletions(self, request: HttpRequest, queryset: Any) -> Any:
        for obj in queryset:
            record(actor=request.user, action="admin.delete", obj=obj)
        return super().log_deletions(request, queryset)
