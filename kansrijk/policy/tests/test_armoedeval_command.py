"""`kansrijk armoedeval`: JSON rows per the contract, the household list, exit code 2 naming the field."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def test_armoedeval_prints_one_row_per_step_with_the_contract_keys() -> None:
    out = io.StringIO()
    call_command(
        "armoedeval", "--municipality", "GM1640", "--household", "single_parent_2", "--date", "2026-01-01", stdout=out
    )
    rows = json.loads(out.getvalue())
    assert [row["percent"] for row in rows] == list(range(100, 201))
    for key in ("percent", "net_income_monthly_cents", "disposable_yearly_cents", "by_scheme", "marginal_rate"):
        assert key in rows[50]
    assert rows[0]["net_income_monthly_cents"] == 140150  # 100% of the 2026 norm incl. holiday allowance
    assert rows[20]["net_income_monthly_cents"] == 140150 * 120 // 100
    assert rows[0]["by_scheme"]["kinderbijslag"] > 0


def test_armoedeval_lists_the_standard_households() -> None:
    out = io.StringIO()
    call_command("armoedeval", "--list-households", stdout=out)
    keys = [item["key"] for item in json.loads(out.getvalue())]
    assert {"single", "single_parent_1", "single_parent_2", "couple_1", "couple_2", "couple_3", "couple_4"} <= set(keys)


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["--municipality", "GM9999", "--household", "single", "--date", "2026-01-01"], "municipality"),
        (["--municipality", "GM1640", "--household", "family", "--date", "2026-01-01"], "household"),
        (["--municipality", "GM1640", "--household", "single", "--date", "2026-1-1"], "date"),
        (["--municipality", "GM1640", "--household", "single", "--date", "2027-01-01"], "date"),
        (["--municipality", "GM1640", "--household", "single", "--date", "2026-01-01", "--from", "x"], "from"),
        (["--municipality", "GM1640", "--household", "single", "--date", "2026-01-01", "--to", "90"], "to"),
        (["--municipality", "GM1640", "--household", "single", "--date", "2026-01-01", "--step", "0"], "step"),
    ],
)
def test_armoedeval_refuses_bad_arguments_with_exit_code_2_naming_the_field(args: list[str], field: str) -> None:
    with pytest.raises(CommandError) as raised:
        call_command("armoedeval", *args)
    assert raised.value.returncode == 2
    assert str(raised.value).startswith(f"{field}:")
