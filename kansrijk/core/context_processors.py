from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict[str, Any]:
    """What every page needs: demo banner flag and the acting user's memberships."""
    memberships = []
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        memberships = list(user.memberships.select_related("organisation"))
    return {"demo_mode": settings.DEMO_MODE, "memberships": memberships}
