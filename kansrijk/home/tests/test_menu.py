"""The main menu per role: one table (`menu.MENU`), tested role by role, and rendered in every page's header."""

import pytest
from django.utils import translation

from kansrijk.conftest import client_for, with_totp
from kansrijk.home.menu import menu_for
from kansrijk.organisations.tests.factories import MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

PUBLIC = ["organisations", "socialmap", "check", "alliance"]


def _anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


def _member(kind="school", **role):
    return MembershipFactory(organisation=OrganisationFactory(kind=kind, municipality_codes=["GM1640"]), **role).user


ROLES = {
    "anonymous": (_anonymous, []),
    "without organisation": (lambda: UserFactory(), ["dashboard", "outcomes"]),
    "teacher (school member)": (lambda: _member(), ["dashboard", "referrals", "own_outcomes", "outcomes"]),
    "school coordinator": (
        lambda: _member(coordinator=True),
        ["dashboard", "referrals", "listings", "commitments", "own_outcomes", "outcomes"],
    ),
    "fund administrator": (
        lambda: _member("fund", administrator=True),
        ["dashboard", "referrals", "listings", "schemes", "commitments", "own_outcomes", "outcomes"],
    ),
    "municipality member": (
        lambda: _member("municipality"),
        ["dashboard", "referrals", "own_outcomes", "outcomes", "coverage"],
    ),
    "municipality coordinator": (
        lambda: _member("municipality", coordinator=True),
        ["dashboard", "referrals", "listings", "schemes", "commitments", "own_outcomes", "outcomes", "coverage"],
    ),
    "platform staff": (lambda: UserFactory(staff=True), ["dashboard", "listings", "schemes", "outcomes"]),
}


@pytest.mark.parametrize("role", ROLES)
def test_each_role_sees_its_own_pages_in_the_menu(role):
    make_user, mine = ROLES[role]
    menu = menu_for(user=make_user())
    assert [link.key for link in menu.public] == PUBLIC
    assert [link.key for link in menu.mine] == mine


def test_the_coverage_item_goes_to_the_own_municipalitys_joining_view():
    with translation.override("nl"):
        menu = menu_for(user=_member("municipality"))
    coverage = next(link for link in menu.mine if link.key == "coverage")
    assert coverage.url == "/alliantie/gemeenten/GM1640/aansluiten/"


def test_the_header_shows_the_role_menu_and_an_account_menu():
    membership = MembershipFactory(organisation=OrganisationFactory(municipality=True, municipality_codes=["GM1640"]))
    with_totp(membership)
    html = client_for(membership).get("/").content.decode()
    assert '<summary class="kr-menu__summary">Mijn Kansrijk</summary>' in html
    assert 'data-menu="coverage"' in html and 'data-menu="referrals"' in html
    assert 'data-menu="listings"' not in html
    assert "kr-account" in html and "Uitloggen" in html


def test_anonymous_visitors_see_the_public_menu_and_no_role_menu(client):
    html = client.get("/").content.decode()
    assert 'data-menu="socialmap"' in html
    assert "kr-menu__summary" not in html
