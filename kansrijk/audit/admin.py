import json
from typing import Any, TypeVar

from django.contrib import admin
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from kansrijk.audit.constants import Result
from kansrijk.audit.models import AuditEvent
from kansrijk.audit.services import record

_M = TypeVar("_M", bound=models.Model)

RESULT_LABELS = {Result.SUCCESS: _("gelukt"), Result.FAILURE: _("mislukt"), Result.DENIED: _("geweigerd")}


def facts_html(facts: Any) -> SafeString:
    """Stored JSON as a readable list ("key: value" per line), never as raw JSON."""
    if not facts:
        return SafeString("–")
    if isinstance(facts, dict):
        pairs = [(key, _plain(value)) for key, value in facts.items()]
        return format_html_join("", "<div><strong>{}</strong>: {}</div>", pairs)
    if isinstance(facts, list):
        return format_html_join("", "<div>{}</div>", ((_plain(item),) for item in facts))
    return format_html_join("", "<div>{}</div>", [(_plain(facts),)])


def _plain(value: Any) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{key}: {_plain(item)}" for key, item in value.items())
    if isinstance(value, list):
        return ", ".join(_plain(item) for item in value)
    if value is None:
        return "–"
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


class ResultFilter(admin.SimpleListFilter):
    title = _("resultaat")
    parameter_name = "result"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [(str(value), label) for value, label in RESULT_LABELS.items()]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        return queryset.filter(result=self.value()) if self.value() else queryset


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin[AuditEvent]):
    """The audit trail for platform staff: read only, nothing can be added, changed or deleted."""

    list_display = ["timestamp", "actor_label", "action", "object_type", "object_id", "result_label", "client_address"]
    list_filter = [ResultFilter, "action", "object_type"]
    search_fields = ["actor_label", "action", "object_id"]
    date_hierarchy = "timestamp"
    fields = readonly_fields = (
        "seq",
        "timestamp",
        "actor_label",
        "action",
        "object_type",
        "object_id",
        "result_label",
        "client_address",
        "facts",
        "anonymised_at",
        "prev_hash",
        "row_hash",
    )

    @admin.display(description=_("resultaat"), ordering="result")
    def result_label(self, obj: AuditEvent) -> str:
        return str(RESULT_LABELS.get(Result(obj.result), obj.result))

    @admin.display(description=_("details"))
    def facts(self, obj: AuditEvent) -> SafeString:
        return facts_html(obj.detail)

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
