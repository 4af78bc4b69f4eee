"""Reach as a percentage with an interval that holds the rounding and the binomial chance (ADR 0032)."""

from __future__ import annotations

import random

import pytest

from kansrijk.municipalities.reach import percent_nl, reach_estimate, wilson
from kansrijk.municipalities.selectors import reach_for


def test_the_point_is_reached_over_the_published_count():
    estimate = reach_estimate(reached=120, denominator=400, rounding=100, year=2014, table_id="85309NED")
    assert estimate.percent == pytest.approx(30.0)
    assert estimate.low < 30.0 < estimate.high  # type: ignore[operator]
    assert (estimate.denominator_low, estimate.denominator_high) == (350, 450)
    assert estimate.year == 2014


def test_the_interval_is_wider_than_the_binomial_interval_alone():
    with_rounding = reach_estimate(reached=120, denominator=400, rounding=100, year=2014, table_id="t")
    exact = reach_estimate(reached=120, denominator=400, rounding=0, year=2014, table_id="t")
    low, high = wilson(120, 400)
    assert exact.low == pytest.approx(100 * low) and exact.high == pytest.approx(100 * high)
    assert with_rounding.low < exact.low and with_rounding.high > exact.high  # type: ignore[operator]
    # The rounding alone moves 120/400 between 120/450 (26.7%) and 120/350 (34.3%): both inside.
    assert with_rounding.low < 26.7 and with_rounding.high > 34.3  # type: ignore[operator]


def test_the_wilson_interval_matches_a_published_example():
    # Wilson (1927) / Newcombe (1998), example: 81 of 263 -> 0.2553 to 0.3662.
    low, high = wilson(81, 263)
    assert low == pytest.approx(0.2553, abs=5e-4)
    assert high == pytest.approx(0.3662, abs=5e-4)


def test_the_interval_covers_the_truth_at_least_95_percent_of_the_time():
    """Simulated: true denominators anywhere within the rounding, children reached binomially."""
    rng = random.Random(16)
    covered = trials = 0
    for _ in range(400):
        true_n = rng.randint(150, 2549)
        p = rng.uniform(0.02, 0.6)
        reached = sum(rng.random() < p for _ in range(true_n))
        published = int(round(true_n, -2))
        estimate = reach_estimate(reached=reached, denominator=published, rounding=100, year=2014, table_id="t")
        trials += 1
        covered += estimate.low <= 100 * p <= estimate.high  # type: ignore[operator]
    assert covered / trials >= 0.95


def test_a_count_rounded_to_zero_has_no_percentage_and_no_upper_bound():
    estimate = reach_estimate(reached=3, denominator=0, rounding=100, year=2014, table_id="85309NED")
    assert estimate.percent is None and estimate.high is None
    assert estimate.low > 0
    assert estimate.exceeds_denominator


def test_more_children_reached_than_counted_is_capped_and_flagged():
    estimate = reach_estimate(reached=500, denominator=400, rounding=100, year=2014, table_id="t")
    assert estimate.percent == 100.0 and estimate.high == 100.0
    assert estimate.exceeds_denominator


def test_bad_input_is_refused():
    with pytest.raises(ValueError, match="0 or more"):
        reach_estimate(reached=-1, denominator=400, rounding=100, year=2014, table_id="t")


def test_percentages_are_written_the_dutch_way():
    assert percent_nl(12.345) == "12,3%"
    assert percent_nl(None) == "–"


def test_the_json_form_names_counts_as_counts():
    data = reach_estimate(reached=12, denominator=400, rounding=100, year=2014, table_id="t").as_dict()
    assert data["reached_count"] == 12 and data["denominator_count"] == 400 and data["denominator_year"] == 2014


@pytest.mark.django_db
def test_reach_for_a_municipality_uses_its_newest_cbs_count_and_says_the_year(cbs_figures):
    estimate = reach_for(municipality="GM0363", reached=3440)
    assert estimate is not None
    assert estimate.percent == pytest.approx(10.0)  # 3 440 of 34 400
    assert estimate.year == 2014 and estimate.table_id == "85309NED"
    assert reach_for(municipality="GM0363", reached=1, measure="minors_low_income_percent") is None
