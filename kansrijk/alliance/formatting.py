"""Small formatting helpers shared by services, forms and exports."""

from __future__ import annotations

from decimal import Decimal


def plain_number(value: Decimal) -> str:
    """A decimal without trailing zeros and never in exponent form: 150.00 → "150", 2.50 → "2.5"."""
    return format(value.normalize(), "f")
