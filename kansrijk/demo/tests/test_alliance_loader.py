"""The demo alliance loader: idempotent, and every traffic light appears."""

from __future__ import annotations

import pytest

from kansrijk.alliance import selectors
from kansrijk.alliance.constants import Coverage
from kansrijk.alliance.models import Commitment, PledgeSignature, ProgressReport
from kansrijk.alliance.selectors import municipality_coverage
from kansrijk.demo.loaders import alliance, organisations
from kansrijk.organisations.models import Organisation


@pytest.fixture
def demo_world(db):
    organisations.load()
    alliance.load()


def test_the_alliance_demo_shows_every_traffic_light(demo_world):
    lights = {row.status.light for row in selectors.commitment_list()}
    assert lights == {"green", "amber", "red"}


def test_loading_the_alliance_demo_twice_changes_nothing(demo_world):
    counts = (PledgeSignature.objects.count(), Commitment.objects.count(), ProgressReport.objects.count())
    alliance.load()
    assert (PledgeSignature.objects.count(), Commitment.objects.count(), ProgressReport.objects.count()) == counts


def test_the_demo_coordinators_fund_and_the_demo_municipality_are_left_to_sign(demo_world):
    for name in ("Jeugdfonds Sport & Cultuur", "Gemeente Leudal"):
        assert selectors.signature_active_for(organisation=Organisation.objects.get(name=name)) is None


def test_leudal_has_a_gap_for_the_joining_view(demo_world):
    result = municipality_coverage(code="GM1640")
    assert not result.has_signed
    assert {item.activity: item.level for item in result.activities}["collaborate"] == Coverage.MISSING
