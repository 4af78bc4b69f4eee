"""The synthetic population is calibrated per municipality (ADR 0032): its households' income
distribution to CBS 85711NED and its share of children up to 120% of the social minimum to CBS
85309NED, within a stated tolerance."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import numpy as np
import pytest
from django.core.management import call_command

from kansrijk.rules.calibration import decile_shares
from kansrijk.rules.population import generate, load_npz, standardised_income
from kansrijk.screener.population import population_targets, threshold_euros
from kansrijk.screener.preview import CSV

pytestmark = pytest.mark.django_db
DECILE_TOLERANCE = 0.01  # each 10%-group within 1 percentage point of CBS
CHILD_TOLERANCE = 0.015  # the children's share within 1.5 percentage points of CBS
TOWNS = ("GM0014", "GM1640", "GM0034", "GM0344")  # Groningen, Leudal, Almere, Utrecht


def _child_share(tables, standardised, threshold) -> float:
    children = tables.n_children
    return float((children * (standardised <= threshold)).sum() / children.sum())


@pytest.mark.parametrize("code", TOWNS)
def test_calibrated_population_hits_the_cbs_targets(cbs_figures, code):
    targets = population_targets()
    tables = generate(CSV, municipality=code, scale=0.5, seed=3, on=dt.date(2026, 1, 1), targets=targets)
    standardised = standardised_income(tables)
    row = targets.index(code)
    assert np.abs(decile_shares(targets, standardised) - targets.deciles[row]).max() <= DECILE_TOLERANCE
    assert abs(_child_share(tables, standardised, targets.threshold) - targets.child_share[row]) <= CHILD_TOLERANCE


def test_the_uncalibrated_population_misses_the_targets_the_calibrated_one_hits(cbs_figures):
    """The test above can fail: without calibration Groningen's poorest 10%-group is far off."""
    targets = population_targets()
    tables = generate(CSV, municipality="GM0014", scale=0.5, seed=3, on=dt.date(2026, 1, 1))
    shares = decile_shares(targets, standardised_income(tables))
    assert abs(shares[0] - targets.deciles[targets.index("GM0014")][0]) > DECILE_TOLERANCE


def test_targets_come_from_the_cbs_figures_with_their_years(cbs_figures):
    targets = population_targets()
    assert len(targets.codes) == 342
    assert targets.income_year == 2022 and targets.child_year == 2014
    amsterdam = targets.index("GM0363")
    assert targets.deciles[amsterdam][0] == pytest.approx(17 / 100, abs=1e-9)  # 17% in the poorest group
    assert targets.child_share[amsterdam] == pytest.approx(34_400 / 141_700, abs=1e-9)  # counts (no 83997NED %)
    leudal = targets.index("GM1640")
    assert 0 < targets.child_share[leudal] < 0.2
    assert targets.threshold == pytest.approx(1.2 * 12 * 1345.45)
    assert np.allclose(targets.deciles.sum(axis=1), 1.0)


def test_an_older_income_year_can_be_chosen_and_an_unknown_one_is_refused(cbs_figures):
    assert population_targets(income_year=2014).income_year == 2014
    with pytest.raises(ValueError, match="2031"):
        population_targets(income_year=2031)


def test_the_command_writes_a_calibrated_population_and_says_to_what(cbs_figures, tmp_path):
    out = StringIO()
    path = tmp_path / "leudal.npz"
    call_command("synth-population", str(path), "--municipality", "GM1640", stdout=out, stderr=StringIO())
    assert "Calibrated to CBS 85711NED 2022" in out.getvalue() and "85309NED 2014" in out.getvalue()
    tables = load_npz(path)
    assert tables.size > 10_000
    assert _child_share(tables, standardised_income(tables), threshold_euros()) < 0.2


def test_the_editor_preview_population_is_calibrated(cbs_figures):
    from kansrijk.screener.preview import _populations, population_for

    _populations.clear()
    tables = population_for("GM0014", 2026)
    targets = population_targets()
    shares = decile_shares(targets, standardised_income(tables))
    assert np.abs(shares - targets.deciles[targets.index("GM0014")]).max() <= DECILE_TOLERANCE
    _populations.clear()


def test_without_cbs_figures_the_targets_say_so():
    from kansrijk.municipalities.models import CbsFigure

    CbsFigure.objects.all().delete()
    with pytest.raises(ValueError, match="no CBS figures"):
        population_targets()


def test_cached_targets_follow_a_new_import(cbs_figures):
    from decimal import Decimal

    from kansrijk.municipalities.models import CbsFigure
    from kansrijk.screener.population import population_targets_cached

    before = population_targets_cached()
    assert population_targets_cached() is before
    CbsFigure.objects.filter(municipality_id="GM0363", measure="minors_120_sm").update(value=Decimal(14_170))
    CbsFigure.objects.filter(municipality_id="GM0363", measure="minors_120_sm").update(loaded_at="2031-01-01T00:00Z")
    after = population_targets_cached()
    assert after is not before
    assert after.child_share[after.index("GM0363")] == pytest.approx(0.1)
