"""`{% load money %}` … `{{ cents|euros }}`: whole cents as "€ 1.234,56" (`core.money.format_euros`)."""

from __future__ import annotations

from django import template

from kansrijk.core.money import format_euros

register = template.Library()


@register.filter
def euros(cents: int | None) -> str:
    """Whole cents as Dutch euros: 22500 → '€ 225,00'; nothing for no amount."""
    return "" if cents is None else format_euros(cents)
