from typing import Any

from django.contrib import admin
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from kansrijk.audit.admin import AuditedModelAdmin
from kansrijk.organisations.models import Membership, Organisation


class MembershipInline(admin.TabularInline[Membership, Organisation]):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]
    fields = ["user", "role", "created_at"]
    readonly_fields = ["created_at"]


@admin.register(Organisation)
class OrganisationAdmin(AuditedModelAdmin[Organisation]):
    list_display = ["name", "kind", "kvk_number", "member_count", "is_demo"]
    list_filter = ["kind", "is_demo"]
    search_fields = ["name", "kvk_number"]
    filter_horizontal = ["municipalities"]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [MembershipInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Organisation]:
        return super().get_queryset(request).annotate(member_total=Count("memberships"))

    @admin.display(description=_("aantal mensen"), ordering="member_total")
    def member_count(self, obj: Any) -> int:
        return int(obj.member_total)


@admin.register(Membership)
class MembershipAdmin(AuditedModelAdmin[Membership]):
    list_display = ["user", "organisation", "role", "created_at"]
    list_filter = ["role", "organisation__kind"]
    search_fields = ["user__email", "user__full_name", "organisation__name"]
    autocomplete_fields = ["user", "organisation"]
    list_select_related = ["user", "organisation"]
    readonly_fields = ["created_at"]
