"""The demo schemes: Leudal's kindpakket and meedoenregeling (marked demo) and the funds; loaded once."""

from __future__ import annotations

import pytest

from kansrijk.demo.loaders import screener
from kansrijk.screener.models import Scheme, SchemeVersion

pytestmark = pytest.mark.django_db


def test_leudal_has_a_demo_kindpakket_at_120_percent_with_vakantietoeslag_for_children_4_to_17(demo):
    scheme = Scheme.objects.get(slug="kindpakket", municipality_id="GM1640")
    version = scheme.versions.get()
    assert scheme.is_demo
    assert scheme.owner.name == "Gemeente Leudal"
    assert (version.income_limit_percent, version.norm_with_holiday) == (120, True)
    assert (version.child_age_min, version.child_age_max, version.amount_per_child_cents) == (4, 17, 250_00)
    assert version.source_url == "/wat-kan-ik-krijgen/over-de-demo/"


def test_every_fund_is_owned_by_its_organisation_with_a_source(demo):
    funds = Scheme.objects.filter(kind="fund")
    assert {f.slug for f in funds} == {
        "jeugdfonds_sport_cultuur", "leergeld", "kinderhulp", "jarige_job", "voedselbank", "speelgoedbank"
    }  # fmt: skip
    assert Scheme.objects.get(slug="jeugdfonds_sport_cultuur").owner.name == "Jeugdfonds Sport & Cultuur"
    assert not SchemeVersion.objects.filter(scheme__kind="fund", source_url="").exists()


def test_loading_twice_changes_nothing(demo):
    before = (Scheme.objects.count(), SchemeVersion.objects.count())
    screener.load()
    assert (Scheme.objects.count(), SchemeVersion.objects.count()) == before
