"""The outcomes pages in a real browser: axe-core (WCAG 2.1 AA) and the developer-text check on
the national map with its table alternative, a municipality's public dashboard, a partner's own
dashboard and the yearly monitor."""

from __future__ import annotations

import re

import pytest

from kansrijk.core.testing.browser import assert_accessible, log_in
from kansrijk.core.testing.developer_text import assert_no_developer_text
from kansrijk.organisations.tests.factories import PASSWORD
from kansrijk.outcomes.tests.world import at, journey, make_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _world():
    world = make_world()
    for day in (3, 4, 5):
        journey(world, municipality="GM1640", fund=0, path="done", start=at(2025, 3, day), gaps=[1, 2])
    journey(world, municipality="GM1640", fund=1, path="declined", start=at(2025, 4, 1), gaps=[2])
    return world


def _check(page):
    assert_accessible(page)
    assert_no_developer_text(page.content())


def test_the_national_map_and_its_table_and_the_public_dashboard_are_accessible(page, municipalities):
    _world()
    page.goto("/uitkomsten/?jaar=2025")
    assert page.locator("svg[role=img] path").count() == 342
    _check(page)
    page.get_by_text("Tabel: Kinderen die hulp kregen, per gemeente").click()
    row = page.get_by_role("row").filter(has_text="Leudal")
    assert "< 10" in row.inner_text()
    _check(page)
    page.goto("/uitkomsten/gemeenten/GM1640/?jaar=2025")
    _check(page)
    page.goto("/uitkomsten/jaarmonitor/?jaar=2025")
    _check(page)


def test_a_partner_sees_its_own_dashboard_in_the_menu_and_it_is_accessible(page, municipalities):
    world = _world()
    from kansrijk.conftest import with_totp

    log_in(page, world.workers[0].user.email, PASSWORD, with_totp(world.workers[0]))
    page.wait_for_url(re.compile("/mijn-kansrijk/"))
    page.goto(f"/uitkomsten/partners/{world.funds[0].pk}/?jaar=2025")
    assert "Wat werkt bij Fonds Sport in 2025" in page.content()
    _check(page)
