from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from kansrijk.accounts.models import ApiToken, User
from kansrijk.audit.admin import AuditedModelAdmin


@admin.register(User)
class UserAdmin(AuditedModelAdmin[User], DjangoUserAdmin):  # type: ignore[type-arg]
    ordering = ["email"]
    list_display = ["email", "full_name", "is_staff", "is_active", "is_demo"]
    search_fields = ["email", "full_name"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        ("Profiel", {"fields": ("full_name", "is_demo")}),
        ("Rechten", {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")}),
        ("Data", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)
    list_filter = ["is_staff", "is_active", "is_demo"]


@admin.register(ApiToken)
class ApiTokenAdmin(AuditedModelAdmin[ApiToken]):
    list_display = ["prefix", "name", "user", "created_at", "expires_at", "revoked_at", "last_used_at"]
    readonly_fields = ["prefix", "key_hash", "user", "created_at", "expires_at", "last_used_at"]

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False
