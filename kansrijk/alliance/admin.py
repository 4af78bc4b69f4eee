from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from kansrijk.alliance.models import Commitment, Indicator, PledgeSignature, PledgeVersion, ProgressReport
from kansrijk.audit.admin import AuditedModelAdmin, facts_html


@admin.register(PledgeVersion)
class PledgeVersionAdmin(AuditedModelAdmin[PledgeVersion]):
    """A published text never changes: organisations signed exactly this text."""

    list_display = ["title", "number", "published_on", "signature_count"]
    search_fields = ["title", "text"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[PledgeVersion]:
        return super().get_queryset(request).annotate(signature_total=Count("signatures"))

    @admin.display(description=_("aantal ondertekeningen"), ordering="signature_total")
    def signature_count(self, obj: Any) -> int:
        return int(obj.signature_total)

    def get_readonly_fields(self, request: HttpRequest, obj: PledgeVersion | None = None) -> Any:
        return ["number", "title", "text", "text_sha256", "published_on"] if obj else ["text_sha256"]

    def save_model(self, request: HttpRequest, obj: PledgeVersion, form: Any, change: bool) -> None:
        obj.text_sha256 = PledgeVersion.digest(obj.text)
        super().save_model(request, obj, form, change)


@admin.register(PledgeSignature)
class PledgeSignatureAdmin(AuditedModelAdmin[PledgeSignature]):
    list_display = ["organisation", "pledge_version", "signatory_name", "signed_on", "ended_on", "end_reason"]
    list_filter = ["end_reason", "pledge_version"]
    search_fields = ["organisation__name", "signatory_name"]
    autocomplete_fields = ["organisation"]
    list_select_related = ["organisation", "pledge_version"]
    readonly_fields = ["signed_by", "ended_by", "created_at"]


class IndicatorInline(admin.TabularInline[Indicator, Commitment]):
    model = Indicator
    extra = 0


@admin.register(Commitment)
class CommitmentAdmin(AuditedModelAdmin[Commitment]):
    list_display = ["title", "organisation", "activity", "starts_on", "ends_on"]
    list_filter = ["activity", "is_national", "target_group"]
    search_fields = ["title", "organisation__name"]
    autocomplete_fields = ["organisation"]
    filter_horizontal = ["municipalities"]
    list_select_related = ["organisation"]
    readonly_fields = ["reminded_on", "created_at", "updated_at"]
    inlines = [IndicatorInline]


@admin.register(ProgressReport)
class ProgressReportAdmin(AuditedModelAdmin[ProgressReport]):
    list_display = ["commitment", "year", "reported_on", "realised_reach"]
    list_filter = ["year"]
    search_fields = ["commitment__title", "commitment__organisation__name"]
    list_select_related = ["commitment__organisation"]
    exclude = ["indicator_values"]
    autocomplete_fields = ["commitment"]

    def get_readonly_fields(self, request: HttpRequest, obj: ProgressReport | None = None) -> Any:
        # A filed report stays with its commitment; its indicator results are a copy (see the model).
        fixed = ["indicator_results", "submitted_by", "created_at"]
        return ["commitment", *fixed] if obj else fixed

    @admin.display(description=_("resultaten per indicator"))
    def indicator_results(self, obj: ProgressReport) -> SafeString:
        return facts_html(obj.indicator_values)
