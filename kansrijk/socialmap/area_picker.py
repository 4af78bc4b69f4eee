"""The service-area picker of the listing form: municipalities grouped by province, with
"whole province" and "nationwide" as choices.

Without JavaScript it is a list of checkboxes, one collapsible group per province (<details>);
with JavaScript (`socialmap/area-picker.js`) a text filter shows only matching municipalities."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kansrijk.municipalities.selectors import municipality_list

NATIONWIDE = "NL"
PROVINCE_PREFIX = "provincie:"


def area_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """[(province, [("provincie:<name>", "Heel <name>"), (code, name), ...]), ...], provinces A–Z."""
    groups: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for code, name, province in (
        municipality_list().order_by("province", "name").values_list("code", "name", "province")
    ):
        groups[province].append((code, name))
    return [
        (province, [(PROVINCE_PREFIX + province, str(_("Heel %(province)s") % {"province": province})), *rows])
        for province, rows in sorted(groups.items())
    ]


class ServiceAreaWidget(forms.CheckboxSelectMultiple):
    template_name = "socialmap/widgets/service_area.html"

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        groups = context["widget"]["optgroups"]
        context["widget"]["single"] = [option for group, options, _i in groups if group is None for option in options]
        context["widget"]["provinces"] = [
            {"name": group, "options": options, "open": any(o["selected"] for o in options)}
            for group, options, _index in groups
            if group is not None
        ]
        return context


class ServiceAreaField(forms.MultipleChoiceField):
    """Cleans to (is_national, municipality codes): a whole province becomes its municipalities."""

    widget = ServiceAreaWidget

    def load_choices(self) -> None:
        """Read the municipalities (per form, not at import: the database may not exist yet)."""
        self.choices = [(NATIONWIDE, _("Heel Nederland")), *area_choices()]

    def clean(self, value: Any) -> tuple[bool, tuple[str, ...]]:
        values = super().clean(value)
        provinces = {v.removeprefix(PROVINCE_PREFIX) for v in values if v.startswith(PROVINCE_PREFIX)}
        codes = {v for v in values if v != NATIONWIDE and not v.startswith(PROVINCE_PREFIX)}
        if provinces:
            codes |= set(municipality_list().filter(province__in=provinces).values_list("code", flat=True))
        return NATIONWIDE in values, tuple(sorted(codes))
