"""`kansrijk screen` and `kansrijk synth-population`."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from kansrijk.rules.population import load_npz
from kansrijk.screener.api import EXAMPLE
from kansrijk.screener.selectors import forget_municipality_codes

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_codes() -> Iterator[None]:
    forget_municipality_codes()
    yield
    forget_municipality_codes()


def test_screen_reads_a_file_and_prints_the_answer(tmp_path: Path) -> None:
    request = tmp_path / "request.json"
    request.write_text(json.dumps(EXAMPLE), encoding="utf-8")
    out = io.StringIO()
    call_command("screen", str(request), stdout=out)
    answer = json.loads(out.getvalue())
    assert answer["results"][1]["scheme"] == "kindgebonden_budget"


def test_screen_refuses_bad_input_with_exit_code_2_naming_the_field(tmp_path: Path) -> None:
    request = tmp_path / "request.json"
    body = {**EXAMPLE, "household": {**EXAMPLE["household"], "assets": "-5.00"}}
    request.write_text(json.dumps(body), encoding="utf-8")
    with pytest.raises(CommandError, match=r"household\.assets: must not be negative") as raised:
        call_command("screen", str(request))
    assert raised.value.returncode == 2


def test_screen_refuses_malformed_json(tmp_path: Path) -> None:
    request = tmp_path / "request.json"
    request.write_text("{not json", encoding="utf-8")
    with pytest.raises(CommandError, match="body: not valid JSON") as raised:
        call_command("screen", str(request))
    assert raised.value.returncode == 2


def test_synth_population_writes_a_seeded_npz(tmp_path: Path) -> None:
    first, second = tmp_path / "a.npz", tmp_path / "b.npz"
    for path in (first, second):
        call_command("synth-population", str(path), "--households", "2000", "--seed", "4", stdout=io.StringIO())
    a, b = load_npz(first), load_npz(second)
    assert a.size == 2000
    assert len(a.municipality_codes) == 342
    assert np.array_equal(a.assets, b.assets)


def test_synth_population_for_one_municipality(tmp_path: Path) -> None:
    path = tmp_path / "groningen.npz"
    call_command("synth-population", str(path), "--municipality", "GM0014", "--scale", "0.01", stdout=io.StringIO())
    assert load_npz(path).municipality_codes == ("GM0014",)
