from django.contrib.admin.apps import AdminConfig


class TwoFactorAdminConfig(AdminConfig):
    """Django's admin app with our site as `admin.site` (ADR 0009)."""

    default_site = "kansrijk.accounts.admin_site.TwoFactorAdminSite"
