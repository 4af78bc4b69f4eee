"""Non-take-up of the national toeslagen per municipality, with CPB's rates beside it (ADR 0032)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from kansrijk.rules.params import load_parameters
from kansrijk.screener.nontakeup import SCHEMES, KnownTakeUp, cpb_rate, non_take_up_for

pytestmark = pytest.mark.django_db
ON = dt.date(2026, 1, 1)


def test_cpb_rates_are_the_published_2021_figures_with_their_source():
    rates = {scheme: cpb_rate(scheme) for scheme in SCHEMES}
    assert rates["kindgebonden_budget"].rate == Decimal("0.085")
    assert rates["huurtoeslag"].rate == Decimal("0.12")
    assert rates["zorgtoeslag"].rate == Decimal("0.12")
    for rate in rates.values():
        assert rate.year == 2021
        assert "CPB" in rate.title and rate.href.startswith("https://")
    assert load_parameters().get("niet_gebruik.huurtoeslag").unit == "/1"


def test_expected_entitled_households_come_from_the_calibrated_population_and_the_rules(cbs_figures):
    estimate = non_take_up_for(municipality="GM1640", on=ON, sample=8000)
    assert estimate.income_year == 2022 and estimate.child_year == 2014
    assert estimate.sample == 8000 and estimate.households > 16_000
    assert [row.scheme_id for row in estimate.rows] == list(SCHEMES)
    for row in estimate.rows:
        assert 0 < row.expected_low <= row.expected_households <= row.expected_high < estimate.households
        assert row.cpb_missing_households == round(row.expected_households * float(row.cpb.rate))
    assert not estimate.takeup_known
    assert all(row.received_count is None and row.observed_rate is None for row in estimate.rows)


def test_a_poorer_municipality_is_expected_to_have_more_entitled_households_per_household(cbs_figures):
    """Calibration matters: Groningen (26% in the poorest national 10%-group) against Lansingerland (4%)."""
    poorer = non_take_up_for(municipality="GM0014", on=ON, sample=8000)
    richer = non_take_up_for(municipality="GM1621", on=ON, sample=8000)

    def share(estimate, scheme):
        row = next(r for r in estimate.rows if r.scheme_id == scheme)
        return row.expected_households / estimate.households

    assert share(poorer, "huurtoeslag") > 1.5 * share(richer, "huurtoeslag")
    assert share(poorer, "zorgtoeslag") > share(richer, "zorgtoeslag")


def test_known_take_up_is_shown_suppressed_beside_the_cpb_rate(cbs_figures):
    known = {
        "huurtoeslag": KnownTakeUp(suggested=40, received=30),
        "zorgtoeslag": KnownTakeUp(suggested=23, received=18),  # 5 did not receive: a small cell
        "kindgebonden_budget": KnownTakeUp(suggested=4, received=3),
    }
    estimate = non_take_up_for(municipality="GM1640", on=ON, known=known, sample=8000)
    rows = {row.scheme_id: row for row in estimate.rows}
    assert estimate.takeup_known
    assert (rows["huurtoeslag"].suggested_count, rows["huurtoeslag"].received_count) == (40, 30)
    assert rows["huurtoeslag"].observed_rate == pytest.approx(0.25)
    assert rows["zorgtoeslag"].observed_rate is None  # would reveal the 5
    assert (rows["zorgtoeslag"].suggested_count, rows["zorgtoeslag"].received_count) == (25, 20)
    assert rows["kindgebonden_budget"].suggested_count is None and rows["kindgebonden_budget"].received_count is None


def test_an_unknown_municipality_is_a_value_error(cbs_figures):
    with pytest.raises(ValueError, match="GM9999"):
        non_take_up_for(municipality="GM9999", on=ON, sample=1000)


def test_funnel_rows_become_known_take_up_for_the_toeslagen_only():
    from dataclasses import dataclass

    from kansrijk.screener.nontakeup import known_from_funnel

    @dataclass
    class Row:
        scheme_key: str
        suggested: int
        received: int

    known = known_from_funnel([Row("huurtoeslag", 12, 10), Row("leergeld", 30, 20)])
    assert known == {"huurtoeslag": KnownTakeUp(12, 10)}


def test_take_up_answers_from_the_takeup_app_are_shown_beside_the_expected_households(cbs_figures):
    """The outcomes pages' wiring: takeup's funnel -> known_from_funnel -> non_take_up_for."""
    from kansrijk.screener.nontakeup import known_from_funnel
    from kansrijk.takeup.constants import Answer, SchemeKind, Source
    from kansrijk.takeup.models import TakeUpAnswer
    from kansrijk.takeup.selectors import funnel

    def answers(answer: str, n: int) -> list[TakeUpAnswer]:
        return [
            TakeUpAnswer(
                municipality_code="GM1640",
                scheme_key="huurtoeslag",
                scheme_kind=SchemeKind.NATIONAL,
                source=Source.FAMILY,
                answer=answer,
                answered_on=dt.date(2026, 3, 1),
            )
            for _ in range(n)
        ]

    TakeUpAnswer.objects.bulk_create(answers(Answer.RECEIVED, 30) + answers(Answer.DIDNT_TRY, 10))
    known = known_from_funnel(funnel(municipality="GM1640", year=2026))
    estimate = non_take_up_for(municipality="GM1640", on=ON, known=known, sample=8000)
    row = next(r for r in estimate.rows if r.scheme_id == "huurtoeslag")
    assert estimate.takeup_known
    assert (row.suggested_count, row.received_count) == (40, 30)
    assert row.observed_rate == pytest.approx(0.25)
    assert row.cpb.rate == Decimal("0.12")
