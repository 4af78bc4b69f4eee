from django.contrib import admin

from kansrijk.audit.admin import AuditedModelAdmin
from kansrijk.organisations.models import Membership, Organisation


class MembershipInline(admin.TabularInline[Membership, Organisation]):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(AuditedModelAdmin[Organisation]):
    list_display = ["name", "kind", "kvk_number", "is_demo"]
    list_filter = ["kind", "is_demo"]
    search_fields = ["name", "kvk_number"]
    filter_horizontal = ["municipalities"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(AuditedModelAdmin[Membership]):
    list_display = ["user", "organisation", "role"]
    list_filter = ["role"]
    search_fields = ["user__email", "organisation__name"]
    autocomplete_fields = ["user", "organisation"]
