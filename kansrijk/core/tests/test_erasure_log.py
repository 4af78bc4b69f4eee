"""The erasure log: one fsynced JSON line per erasure, outside the database, nothing personal."""

import json
from pathlib import Path

import pytest
from django.conf import settings

from kansrijk.core import erasure_log


def test_an_erasure_is_one_line_with_model_id_and_time_only():
    erasure_log.append(model="referrals.concern", object_id="0b6c…1")
    erasure_log.append(model="referrals.concern", object_id="0b6c…2")
    lines = settings.ERASURE_LOG_PATH.read_text().splitlines()
    assert [sorted(json.loads(line)) for line in lines] == [["at", "id", "model"]] * 2
    assert [e.object_id for e in erasure_log.read().erasures] == ["0b6c…1", "0b6c…2"]


def test_a_torn_last_line_is_skipped_and_the_next_erasure_still_reads():
    settings.ERASURE_LOG_PATH.write_text(
        '{"model": "referrals.concern", "id": "a", "at": "2026-01-01T00:00:00+00:00"}\n{"mod'
    )
    erasure_log.append(model="referrals.concern", object_id="b")
    contents = erasure_log.read()
    assert [e.object_id for e in contents.erasures] == ["a", "b"]
    assert contents.bad_lines == [2]


def test_a_missing_log_reads_as_empty_and_says_so():
    contents = erasure_log.read()
    assert (contents.erasures, contents.missing) == ([], True)


def test_an_unwritable_place_is_refused_with_a_clear_error(tmp_path):
    with pytest.raises(erasure_log.ErasureLogError, match="does not exist"):
        erasure_log.check_writable(tmp_path / "no-folder" / "erasures.jsonl")
    with pytest.raises(erasure_log.ErasureLogError, match="is a folder"):
        erasure_log.check_writable(tmp_path)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs Linux's /dev/full")
def test_a_full_disk_is_a_clear_error_that_gives_the_line_to_add_by_hand(settings):
    settings.ERASURE_LOG_PATH = Path("/dev/full")
    with pytest.raises(erasure_log.ErasureLogError, match=r"No space left on device\); add this line by hand: \{"):
        erasure_log.append(model="referrals.concern", object_id="c1")
