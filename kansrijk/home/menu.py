"""The main menu as one table: which item, where it goes, and who sees it.

Public items are in the bar; "Mijn Kansrijk" opens the pages of the person's own roles.
A row's `shown_to` is a predicate on `Viewer`, the roles the acting user holds; the
pages themselves still check access (the menu only saves a search)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from kansrijk.organisations.constants import Kind, Role
from kansrijk.organisations.models import Membership

MANAGING = frozenset({Role.COORDINATOR.value, Role.ADMINISTRATOR.value})


@dataclass(frozen=True)
class Viewer:
    """What the menu needs to know of the acting user (one query)."""

    is_authenticated: bool = False
    is_staff: bool = False
    roles: frozenset[tuple[str, str]] = frozenset()  # (role, organisation kind)
    municipality_codes: tuple[str, ...] = ()  # municipalities of the municipality organisations
    organisation_ids: tuple[str, ...] = ()  # the person's organisations, in a fixed order

    @property
    def is_member(self) -> bool:
        return bool(self.roles)

    def manages(self, *kinds: str) -> bool:
        return any(role in MANAGING and (not kinds or kind in kinds) for role, kind in self.roles)

    def in_kind(self, kind: str) -> bool:
        return any(k == kind for _role, k in self.roles)


@dataclass(frozen=True)
class MenuItem:
    key: str
    label: str | Promise
    url_name: str
    shown_to: Callable[[Viewer], bool]
    group: str = "public"  # "public": the bar; "mine": under "Mijn Kansrijk"
    url_args: Callable[[Viewer], list[str]] = field(default=lambda viewer: [])


def _everyone(viewer: Viewer) -> bool:
    return True


def _logged_in(viewer: Viewer) -> bool:
    return viewer.is_authenticated


def _member(viewer: Viewer) -> bool:
    return viewer.is_member


def _listing_owner(viewer: Viewer) -> bool:
    return viewer.is_staff or viewer.manages()


def _scheme_owner(viewer: Viewer) -> bool:
    return viewer.is_staff or viewer.manages(Kind.MUNICIPALITY, Kind.FUND)


def _alliance_manager(viewer: Viewer) -> bool:
    return viewer.manages()


def _municipality_member(viewer: Viewer) -> bool:
    return viewer.in_kind(Kind.MUNICIPALITY) and bool(viewer.municipality_codes)


def _first_municipality(viewer: Viewer) -> list[str]:
    return [viewer.municipality_codes[0]]


def _first_organisation(viewer: Viewer) -> list[str]:
    return [viewer.organisation_ids[0]]


MENU: tuple[MenuItem, ...] = (
    MenuItem("organisations", _("Organisaties"), "organisations:list", _everyone),
    MenuItem("socialmap", _("Sociale kaart"), "socialmap:search", _everyone),
    MenuItem("check", _("Wat kan ik krijgen?"), "screener:check", _everyone),
    MenuItem("alliance", _("Alliantie"), "alliance:index", _everyone),
    MenuItem("dashboard", _("Wat moet ik doen?"), "home:dashboard", _logged_in, "mine"),
    MenuItem("referrals", _("Zorgen en verwijzingen"), "referrals:index", _member, "mine"),
    MenuItem("listings", _("Ons aanbod op de sociale kaart"), "socialmap:manage", _listing_owner, "mine"),
    MenuItem("schemes", _("Regelingen"), "screener:scheme_list", _scheme_owner, "mine"),
    MenuItem("commitments", _("Onze inzet en voortgang"), "alliance:index", _alliance_manager, "mine"),
    MenuItem("own_outcomes", _("Onze uitkomsten"), "outcomes:partner", _member, "mine", _first_organisation),
    MenuItem("outcomes", _("Wat werkt"), "outcomes:national", _logged_in, "mine"),
    MenuItem(
        "coverage",
        _("Dekking en aansluiten"),
        "alliance:municipality_joining",
        _municipality_member,
        "mine",
        _first_municipality,
    ),
)


@dataclass(frozen=True)
class MenuLink:
    key: str
    label: str | Promise
    url: str


@dataclass(frozen=True)
class Menu:
    public: list[MenuLink]
    mine: list[MenuLink]


def viewer_for(user: Any) -> Viewer:
    if user is None or not user.is_authenticated:
        return Viewer()
    rows = list(
        Membership.objects.filter(user=user)
        .order_by("organisation__name", "organisation_id")
        .values_list("role", "organisation__kind", "organisation__municipalities__code", "organisation_id")
    )
    codes = sorted({code for _role, kind, code, _id in rows if kind == Kind.MUNICIPALITY and code})
    return Viewer(
        is_authenticated=True,
        is_staff=bool(user.is_staff),
        roles=frozenset((role, kind) for role, kind, _code, _id in rows),
        municipality_codes=tuple(codes),
        organisation_ids=tuple(dict.fromkeys(str(organisation_id) for *_rest, organisation_id in rows)),
    )


def menu_for(*, user: Any) -> Menu:
    viewer = viewer_for(user)
    links = {"public": [], "mine": []}  # type: dict[str, list[MenuLink]]
    for item in MENU:
        if item.shown_to(viewer):
            links[item.group].append(MenuLink(item.key, item.label, reverse(item.url_name, args=item.url_args(viewer))))
    return Menu(public=links["public"], mine=links["mine"])
