from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from kansrijk.home.menu import menu_for


def menu(request: HttpRequest) -> dict[str, Any]:
    """The main menu's items for the acting user (see `menu.MENU`)."""
    return {"menu": menu_for(user=getattr(request, "user", None))}
