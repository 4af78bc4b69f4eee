from __future__ import annotations

from django.db.models import QuerySet

from kansrijk.municipalities.models import Municipality


def municipality_list() -> QuerySet[Municipality]:
    """All municipalities without their (large) boundary."""
    return Municipality.objects.defer("boundary")


def municipality_codes() -> set[str]:
    return set(Municipality.objects.values_list("code", flat=True))
