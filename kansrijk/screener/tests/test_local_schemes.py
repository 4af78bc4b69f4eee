"""One check for national benefits, the municipality's schemes and the funds, in order of use."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from kansrijk.screener.tests.conftest import leudal_request

pytestmark = pytest.mark.django_db


def _screen(tmp_path: Path, body: Any) -> Any:
    path = tmp_path / "request.json"
    path.write_text(json.dumps(body), encoding="utf-8")
    out = io.StringIO()
    call_command("screen", str(path), stdout=out)
    return json.loads(out.getvalue())


def _by_scheme(answer: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {r["scheme"]: r for r in answer["results"]}


def test_a_leudal_family_gets_national_then_municipal_then_funds_in_order_of_use(demo, tmp_path):
    answer = _screen(tmp_path, leudal_request())
    schemes = [r["scheme"] for r in answer["results"]]
    assert schemes[:5] == ["kinderbijslag", "kindgebonden_budget", "zorgtoeslag", "huurtoeslag", "bijstandsnorm"]
    assert schemes[5:] == [
        "GM1640/kindpakket", "GM1640/meedoenregeling", "jeugdfonds_sport_cultuur", "leergeld",
        "kinderhulp", "jarige_job", "speelgoedbank", "voedselbank",
    ]  # fmt: skip
    assert [r["order"] for r in answer["results"]] == list(range(1, 14))
    kinds = {r["scheme"]: r["kind"] for r in answer["results"]}
    assert kinds["kinderbijslag"] == "national"
    assert kinds["bijstandsnorm"] == "yardstick"
    assert kinds["GM1640/kindpakket"] == "municipal"
    assert kinds["leergeld"] == "fund"


def test_the_kindpakket_pays_per_child_and_the_jeugdfonds_is_a_fallback(demo, tmp_path):
    results = _by_scheme(_screen(tmp_path, leudal_request()))
    kindpakket = results["GM1640/kindpakket"]
    assert kindpakket["eligible"] is True
    assert kindpakket["amount_yearly"] == "500.00"
    assert kindpakket["fallback"] is False
    assert kindpakket["is_demo"] is True
    jeugdfonds = results["jeugdfonds_sport_cultuur"]
    assert jeugdfonds["eligible"] is True
    assert jeugdfonds["fallback"] is True
    assert jeugdfonds["covered_by"] == {"sport": ["GM1640/kindpakket"], "cultuur": ["GM1640/kindpakket"]}
    assert jeugdfonds["apply"]["via"] == "intermediary"
    leergeld = results["leergeld"]
    assert leergeld["fallback"] is False  # a bicycle and a laptop are not in the kindpakket
    assert leergeld["covered_by"] == {"schoolkosten": ["GM1640/kindpakket"]}


def test_the_voedselbank_says_its_norm_is_not_known_instead_of_guessing(demo, tmp_path):
    voedselbank = _by_scheme(_screen(tmp_path, leudal_request()))["voedselbank"]
    assert voedselbank["available"] is False
    assert voedselbank["eligible"] is None
    assert "niet gevonden" in voedselbank["reason"]


def test_the_voedselbank_uses_the_2024_leefgeld_norm_in_2024_marked_unverified(demo, tmp_path):
    body = leudal_request(net="1200.00", on="2024-06-01")
    voedselbank = _by_scheme(_screen(tmp_path, body))["voedselbank"]
    assert voedselbank["available"] is True
    assert voedselbank["unverified"] is True
    # leefgeld 1200 - 650 = 550 <= 315 + 2 x 115 = 545? No: 550 > 545.
    assert voedselbank["eligible"] is False
    assert "€ 545" in voedselbank["conditions"][0]["explanation"]


def test_a_family_just_above_the_limit_is_told_the_limit_in_euros_and_which_fund_may_help(demo, tmp_path):
    # 120% of the single norm from 1 July 2026 (€ 1.419,46) is € 1.703,35.
    results = _by_scheme(_screen(tmp_path, leudal_request(net="1710.00")))
    kindpakket = results["GM1640/kindpakket"]
    assert kindpakket["eligible"] is False
    assert kindpakket["income_limit_monthly"] == "1703.35"
    income = next(c for c in kindpakket["conditions"] if c["name"] == "inkomen_onder_grens")
    assert income["holds"] is False
    assert "€ 1.703,35" in income["explanation"]
    assert "€ 6,65 boven de grens" in income["explanation"]
    assert "kinderhulp" in kindpakket["may_still_help"]
    assert results["kinderhulp"]["eligible"] is True
    assert results["kinderhulp"]["fallback"] is False


def test_exactly_at_the_limit_is_entitled(demo, tmp_path):
    results = _by_scheme(_screen(tmp_path, leudal_request(net="1703.35")))
    assert results["GM1640/kindpakket"]["eligible"] is True


def test_another_municipality_gets_the_national_funds_but_not_leudals_schemes(demo, tmp_path):
    body = {**leudal_request(), "municipality": "GM0363"}
    schemes = [r["scheme"] for r in _screen(tmp_path, body)["results"]]
    assert not any(s.startswith("GM1640/") for s in schemes)
    assert "voedselbank" not in schemes  # Leudal's own Voedselbank
    assert {"jeugdfonds_sport_cultuur", "leergeld", "kinderhulp", "jarige_job"} <= set(schemes)


def test_advice_without_income_lists_schemes_that_fit_the_childrens_ages_in_order(demo):
    import datetime as dt

    from kansrijk.screener.selectors import scheme_advice_for

    advice = scheme_advice_for(municipality="GM1640", child_ages=[2], on=dt.date(2026, 11, 22))
    schemes = [a["scheme"] for a in advice]
    assert "GM1640/kindpakket" not in schemes  # 4-17
    assert schemes[0] == "GM1640/meedoenregeling"
    assert "kinderhulp" in schemes
    voedselbank = next(a for a in advice if a["scheme"] == "voedselbank")
    assert voedselbank["available"] is False
