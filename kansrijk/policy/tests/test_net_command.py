"""`kansrijk net`: the JSON contract and exit code 2 naming the field."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import CommandError, call_command


def test_net_prints_the_documented_example() -> None:
    out = io.StringIO()
    call_command("net", "--monthly-wage", "4000.00", "--date", "2026-01-01", stdout=out)
    assert json.loads(out.getvalue()) == {
        "wage_tax_monthly": "818.67",
        "wage_tax_monthly_without_credits": "1442.17",
        "arbeidskorting_monthly": "461.00",
        "net_monthly": "3181.33",
    }


@pytest.mark.parametrize(
    ("wage", "date", "field"),
    [("4.000,00", "2026-01-01", "monthly-wage"), ("4000.00", "2026-02-30", "date"), ("10", "2027-01-01", "date")],
)
def test_net_refuses_bad_input_with_exit_code_2_naming_the_field(wage: str, date: str, field: str) -> None:
    with pytest.raises(CommandError) as raised:
        call_command("net", "--monthly-wage", wage, "--date", date)
    assert raised.value.returncode == 2
    assert str(raised.value).startswith(f"{field}:")
