"""The referral lifecycle as a plain table of allowed transitions.

    sent → accepted | declined(reason code)
    accepted → in_progress → done(what was delivered)
    accepted | in_progress → declined(reason code)   (not eligible after all, family unreachable …)
    sent | accepted | in_progress → withdrawn(reason)

`side` says whose members may take the step: the receiving organisation or the referring
one (the organisation that owns the concern). Anything not in the table is illegal.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from django.utils.translation import gettext as _

from kansrijk.core.errors import Conflict
from kansrijk.referrals.constants import Status

Side = Literal["receiver", "referrer"]


@dataclass(frozen=True)
class Transition:
    source: str
    target: str
    side: Side
    needs_reason: bool = False
    needs_reason_code: bool = False
    needs_delivery: bool = False


TRANSITIONS: tuple[Transition, ...] = (
    Transition(Status.SENT, Status.ACCEPTED, "receiver"),
    Transition(Status.SENT, Status.DECLINED, "receiver", needs_reason_code=True),
    Transition(Status.ACCEPTED, Status.IN_PROGRESS, "receiver"),
    Transition(Status.ACCEPTED, Status.DECLINED, "receiver", needs_reason_code=True),
    Transition(Status.IN_PROGRESS, Status.DECLINED, "receiver", needs_reason_code=True),
    Transition(Status.IN_PROGRESS, Status.DONE, "receiver", needs_delivery=True),
    Transition(Status.SENT, Status.WITHDRAWN, "referrer", needs_reason=True),
    Transition(Status.ACCEPTED, Status.WITHDRAWN, "referrer", needs_reason=True),
    Transition(Status.IN_PROGRESS, Status.WITHDRAWN, "referrer", needs_reason=True),
)
_BY_STEP = {(t.source, t.target): t for t in TRANSITIONS}


def transition_for(*, source: str, target: str) -> Transition:
    """The allowed step from `source` to `target`; otherwise `Conflict` (an illegal step, HTTP 409)
    about the field `to`, with a clear message."""
    if target not in Status.values:
        raise Conflict(_("'%(target)s' is geen bekende status.") % {"target": target}, "to")
    found = _BY_STEP.get((source, target))
    if found is None:
        raise Conflict(
            _("Van '%(source)s' naar '%(target)s' kan niet.")
            % {"source": Status(source).label, "target": Status(target).label},
            "to",
        )
    return found


def targets_from(*, source: str, side: Side | None = None) -> list[str]:
    """The statuses reachable in one step, optionally only those one side may choose."""
    return [t.target for t in TRANSITIONS if t.source == source and (side is None or t.side == side)]
