from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from kansrijk.alliance.models import Commitment, Indicator, PledgeSignature, PledgeVersion, ProgressReport
from kansrijk.audit.admin import AuditedModelAdmin


@admin.register(PledgeVersion)
class PledgeVersionAdmin(AuditedModelAdmin[PledgeVersion]):
    """A published text never changes: organisations signed exactly this text."""

    list_display = ["number", "title", "published_on"]

    def get_readonly_fields(self, request: HttpRequest, obj: PledgeVersion | None = None) -> Any:
        return ["number", "title", "text", "text_sha256", "published_on"] if obj else ["text_sha256"]

    def save_model(self, request: HttpRequest, obj: PledgeVersion, form: Any, change: bool) -> None:
        obj.text_sha256 = PledgeVersion.digest(obj.text)
        super().save_model(request, obj, form, change)


@admin.register(PledgeSignature)
class PledgeSignatureAdmin(AuditedModelAdmin[PledgeSignature]):
    list_display = ["organisation", "pledge_version", "signed_on", "ended_on", "end_reason"]
    list_filter = ["end_reason", "pledge_version"]
    search_fields = ["organisation__name"]
    autocomplete_fields = ["organisation"]


class IndicatorInline(admin.TabularInline[Indicator, Commitment]):
    model = Indicator
    extra = 0


@admin.register(Commitment)
class CommitmentAdmin(AuditedModelAdmin[Commitment]):
    list_display = ["title", "organisation", "activity", "starts_on", "ends_on"]
    list_filter = ["activity", "is_national"]
    search_fields = ["title", "organisation__name"]
    autocomplete_fields = ["organisation"]
    filter_horizontal = ["municipalities"]
    inlines = [IndicatorInline]


@admin.register(ProgressReport)
class ProgressReportAdmin(AuditedModelAdmin[ProgressReport]):
    list_display = ["commitment", "year", "reported_on"]
    list_filter = ["year"]
    search_fields = ["commitment__title", "commitment__organisation__name"]
