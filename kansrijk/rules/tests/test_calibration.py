"""The calibration's pieces, without Django (ADR 0032)."""

from __future__ import annotations

from statistics import NormalDist

import numpy as np

from kansrijk.rules.calibration import EDGES, draw_quantiles, normal_quantile


def test_the_normal_quantile_matches_the_standard_library():
    p = np.array([1e-9, 1e-4, 0.01, 0.02425, 0.1, 0.3, 0.5, 0.77, 0.975, 0.999, 1 - 1e-7])
    expected = np.array([NormalDist().inv_cdf(float(x)) for x in p])
    assert np.abs(normal_quantile(p) - expected).max() < 1e-7


def test_both_margins_are_kept_by_the_draw():
    rng = np.random.default_rng(5)
    shares = np.array([0.2, 0.14, 0.12, 0.1, 0.1, 0.09, 0.08, 0.07, 0.05, 0.05])
    families = rng.random(200_000) < 0.3
    u = draw_quantiles(rng, shares, 0.22, 0.15, families)
    groups = np.searchsorted(EDGES[1:-1], u, side="right")
    assert np.abs(np.bincount(groups, minlength=10) / u.size - shares).max() < 0.005
    assert abs(float(np.mean(u[families] < 0.15)) - 0.22) < 0.005


def test_an_impossible_child_share_keeps_the_income_groups_as_near_as_it_can():
    """All families below the line while only 10% of households are: the families win, no error."""
    rng = np.random.default_rng(5)
    shares = np.full(10, 0.1)
    families = np.ones(10_000, dtype=bool)
    u = draw_quantiles(rng, shares, 1.0, 0.1, families)
    assert float(np.mean(u < 0.1)) == 1.0
