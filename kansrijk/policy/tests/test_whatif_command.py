"""`kansrijk whatif`: the JSON contract, a raised limit reaches more, exit code 2 naming the field."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import CommandError, call_command

from kansrijk.screener.selectors import forget_local_rules
from kansrijk.screener.tests.factories import SchemeVersionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def kindpakket() -> str:
    version = SchemeVersionFactory()
    forget_local_rules()
    return str(version.scheme.key)


def _run(*args: str) -> dict:
    out = io.StringIO()
    call_command("whatif", *args, stdout=out)
    return json.loads(out.getvalue())


def test_whatif_lists_the_municipality_schemes(kindpakket: str) -> None:
    out = io.StringIO()
    call_command("whatif", "--list-schemes", "--municipality", "GM1640", stdout=out)
    assert kindpakket in json.loads(out.getvalue())


def test_a_raised_limit_reaches_more_households_and_the_answer_has_the_contract_keys(kindpakket: str) -> None:
    answer = _run(
        "--municipality",
        "GM1640",
        "--scheme",
        kindpakket,
        "--income-limit-percent",
        "130",
        "--date",
        "2026-06-01",
        "--take-up",
        "0.5",
    )
    assert set(answer) == {"baseline", "reform", "expected_recipients", "assumptions"}
    assert answer["reform"]["households"] > answer["baseline"]["households"] > 0
    assert answer["expected_recipients"]["households"] == round(answer["reform"]["households"] * 0.5)
    assert answer["assumptions"]["take_up_source"] == "given"


def test_a_future_date_is_not_0_and_says_it_uses_the_last_known_values(kindpakket: str) -> None:
    answer = _run(
        "--municipality", "GM1640", "--scheme", kindpakket, "--income-limit-percent", "130", "--date", "2030-01-01"
    )
    assert answer["baseline"]["households"] > 0
    assert answer["assumptions"]["national_values"].startswith("last known")


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        (["--scheme", "GM1640/bestaat-niet", "--date", "2026-06-01"], "scheme"),
        (["--income-limit-percent", "-5", "--date", "2026-06-01"], "income-limit-percent"),
        (["--amount-cents", "12.5", "--date", "2026-06-01"], "amount-cents"),
        (["--take-up", "1.5", "--date", "2026-06-01"], "take-up"),
        (["--date", "2026-02-31"], "date"),
    ],
)
def test_whatif_refuses_bad_arguments_with_exit_code_2_naming_the_field(
    kindpakket: str, extra: list[str], field: str
) -> None:
    args = ["--municipality", "GM1640", "--scheme", kindpakket, *extra]
    if "--scheme" in extra:
        args = ["--municipality", "GM1640", *extra]
    with pytest.raises(CommandError) as raised:
        call_command("whatif", *args)
    assert raised.value.returncode == 2
    assert str(raised.value).startswith(f"{field}:")
