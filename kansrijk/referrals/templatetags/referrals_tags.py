from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def euros(cents: int | None) -> str:
    """Whole cents as Dutch euros: 22500 → '€ 225,00'."""
    if cents is None:
        return ""
    return f"€ {cents // 100:,}".replace(",", ".") + f",{cents % 100:02d}"
