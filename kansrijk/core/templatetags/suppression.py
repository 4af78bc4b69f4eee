"""`{{ count|small_cell }}`: a count of people as it may be shown outside the owning
organisation (see `kansrijk.core.suppression`), marked up so tests can find every one."""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from kansrijk.core.suppression import SUPPRESSED_LABEL, suppress

register = template.Library()


@register.filter
def small_cell(count: int | None) -> SafeString:
    """Suppresses and rounds a raw count; `None` (already suppressed) shows as "< 10"."""
    shown = None if count is None else suppress(int(count))
    if shown is None:
        return format_html('<data class="kr-count" value="">{}</data>', SUPPRESSED_LABEL)
    return format_html('<data class="kr-count" value="{}">{}</data>', shown, shown)
