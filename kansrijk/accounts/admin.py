from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kansrijk.accounts.models import ApiToken, User
from kansrijk.audit.admin import AuditedModelAdmin


@admin.register(User)
class UserAdmin(AuditedModelAdmin[User], DjangoUserAdmin):  # type: ignore[type-arg]
    ordering = ["email"]
    list_display = ["email", "full_name", "is_staff", "is_active", "is_demo", "last_login"]
    search_fields = ["email", "full_name"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Profiel"), {"fields": ("full_name", "is_demo")}),
        (_("Rechten"), {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")}),
        (_("Datums"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)
    readonly_fields = ["last_login", "date_joined"]
    list_filter = ["is_staff", "is_active", "is_demo"]


class TokenStateFilter(admin.SimpleListFilter):
    title = _("geldig")
    parameter_name = "geldig"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [("ja", _("geldig")), ("nee", _("ingetrokken of verlopen"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        valid = Q(revoked_at__isnull=True, expires_at__gt=timezone.now())
        if self.value() == "ja":
            return queryset.filter(valid)
        if self.value() == "nee":
            return queryset.exclude(valid)
        return queryset


@admin.register(ApiToken)
class ApiTokenAdmin(AuditedModelAdmin[ApiToken]):
    """Tokens are made by their owner; staff can see them, rename them and revoke them (set `revoked_at`)."""

    list_display = ["prefix", "name", "user", "is_valid", "created_at", "expires_at", "revoked_at", "last_used_at"]
    list_filter = [TokenStateFilter]
    search_fields = ["prefix", "name", "user__email", "user__full_name"]
    list_select_related = ["user"]
    fields = ["prefix", "name", "user", "created_at", "expires_at", "last_used_at", "revoked_at", "key_hash"]
    readonly_fields = ["prefix", "key_hash", "user", "created_at", "expires_at", "last_used_at"]

    @admin.display(description=_("geldig"), boolean=True)
    def is_valid(self, obj: ApiToken) -> bool:
        return obj.is_active

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
