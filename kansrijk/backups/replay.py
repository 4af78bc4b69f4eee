"""Erasing again, after a restore, what the erasure log says was erased (ADR 0011).

`REPLAYERS` maps a model label in the log to the function that erases such records again; it
must be idempotent (a record that is already gone is skipped) and return how many it erased.
An app that logs a new kind of erasure adds its line here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from kansrijk.core.erasure_log import ErasureLogContents
from kansrijk.referrals import services as referrals
from kansrijk.referrals.constants import CONCERN_MODEL

REPLAYERS: dict[str, Callable[[list[str]], int]] = {
    CONCERN_MODEL: lambda ids: referrals.concern_erasures_replay(concern_ids=ids),
}


@dataclass
class ReplayResult:
    logged: int = 0
    replayed: dict[str, int] = field(default_factory=dict)
    unknown: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.replayed.values())


def erasures_replay(contents: ErasureLogContents) -> ReplayResult:
    """Erase again every logged record the (restored) database still holds."""
    ids: dict[str, list[str]] = defaultdict(list)
    for erasure in contents.erasures:
        ids[erasure.model].append(erasure.object_id)
    result = ReplayResult(logged=len(contents.erasures))
    for model, object_ids in ids.items():
        replayer = REPLAYERS.get(model)
        if replayer is None:
            result.unknown[model] = len(object_ids)
            continue
        result.replayed[model] = replayer(list(dict.fromkeys(object_ids)))
    return result
