"""Schemes and funds for platform staff: read only here.

A change to a scheme is a new dated version made in the scheme editor
(`/wat-kan-ik-krijgen/regelingen/`), which checks the input and shows a preview; the
admin only shows what is stored, with amounts in euros.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from kansrijk.audit.admin import facts_html
from kansrijk.core.admin_base import ReadOnlyAdmin
from kansrijk.rules.money import format_euros_nl
from kansrijk.screener.models import Scheme, SchemeVersion


def euros(cents: int | None) -> str:
    return "–" if cents is None else format_euros_nl(cents)


class SchemeVersionInline(admin.TabularInline[SchemeVersion, Scheme]):
    model = SchemeVersion
    fields = readonly_fields = (
        "label",
        "start_date",
        "end_date",
        "income_limit_percent",
        "amount_per_child",
        "unverified",
    )
    extra = 0
    can_delete = False
    show_change_link = True

    @admin.display(description=_("bedrag per kind per jaar"))
    def amount_per_child(self, obj: SchemeVersion) -> str:
        return euros(obj.amount_per_child_cents)

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Scheme)
class SchemeAdmin(ReadOnlyAdmin):
    list_display = ["key", "owner", "municipality", "kind", "rank", "is_demo"]
    list_filter = ["kind", "is_demo"]
    search_fields = ["slug", "owner__name", "municipality__name", "versions__label"]
    list_select_related = ["owner", "municipality"]
    fields = readonly_fields = ("slug", "owner", "municipality", "kind", "rank", "is_demo", "created_at", "editor")
    inlines = [SchemeVersionInline]

    @admin.display(description=_("naam"), ordering="slug")
    def key(self, obj: Scheme) -> str:
        return obj.key

    @admin.display(description=_("wijzigen"))
    def editor(self, obj: Scheme) -> SafeString:
        url = reverse("screener:scheme", kwargs={"scheme_id": obj.pk})
        return format_html('<a href="{}">{}</a>', url, _("Wijzig deze regeling in de regelingeneditor"))


@admin.register(SchemeVersion)
class SchemeVersionAdmin(ReadOnlyAdmin):
    list_display = ["label", "scheme", "start_date", "end_date", "income_limit_percent", "amount_per_child"]
    list_filter = ["scheme__kind", "income_test", "unverified"]
    search_fields = ["label", "scheme__slug", "scheme__municipality__name"]
    list_select_related = ["scheme__municipality"]
    date_hierarchy = "start_date"
    fields = readonly_fields = (
        "scheme",
        "label",
        "start_date",
        "end_date",
        "need_list",
        "income_test",
        "income_limit_percent",
        "norm_with_holiday",
        "leefgeld_base",
        "leefgeld_per_person",
        "asset_limit",
        "child_age_min",
        "child_age_max",
        "school_list",
        "amount_per_child",
        "amount_per_household",
        "bands",
        "payment_route",
        "applies_via",
        "how_to_apply",
        "apply_url",
        "source_title",
        "source_url",
        "unverified",
        "unknown_reason",
        "change_note",
        "created_by",
        "created_at",
    )

    @admin.display(description=_("leefgeld eerste persoon"))
    def leefgeld_base(self, obj: SchemeVersion) -> str:
        return euros(obj.leefgeld_base_cents)

    @admin.display(description=_("leefgeld per extra persoon"))
    def leefgeld_per_person(self, obj: SchemeVersion) -> str:
        return euros(obj.leefgeld_per_person_cents)

    @admin.display(description=_("vermogensgrens"))
    def asset_limit(self, obj: SchemeVersion) -> str:
        return euros(obj.asset_limit_cents)

    @admin.display(description=_("bedrag per kind per jaar"), ordering="amount_per_child_cents")
    def amount_per_child(self, obj: SchemeVersion) -> str:
        return euros(obj.amount_per_child_cents)

    @admin.display(description=_("bedrag per huishouden per jaar"))
    def amount_per_household(self, obj: SchemeVersion) -> str:
        return euros(obj.amount_per_household_cents)

    @admin.display(description=_("behoeften"))
    def need_list(self, obj: SchemeVersion) -> str:
        return ", ".join(obj.needs) or "–"

    @admin.display(description=_("schoolsoorten"))
    def school_list(self, obj: SchemeVersion) -> str:
        return ", ".join(obj.schools) or str(_("alle"))

    @admin.display(description=_("bedragen per leeftijd"))
    def bands(self, obj: SchemeVersion) -> SafeString:
        rows = [
            {
                _("leeftijd"): f"{band.get('age_min')}–{band.get('age_max')}",
                _("bedrag"): euros(band.get("cents")),
                _("school"): band.get("school") or "–",
            }
            for band in obj.amount_bands
        ]
        return facts_html([", ".join(f"{key}: {value}" for key, value in row.items()) for row in rows])
