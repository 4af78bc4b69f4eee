"""Which services to suggest for a concern, in order of use (voorliggende voorzieningen first).

Seam — the screener: `kansrijk.screener` offers no function yet that tells, for one family,
which schemes apply in order of use (it has `POST /api/v1/screen` for national schemes from
income data, which a concern deliberately does not hold). `screener_advice_for` is the seam:
it returns no advice until the screener offers such a function in its `selectors`; then call
it there and put its schemes in front. Until then the social map's services are ordered by
the kind of organisation (municipal scheme, then funds, then other partners) and, among
funds, by the order of use DESIGN.md names (Jeugdfonds Sport & Cultuur, Leergeld, Kinderhulp).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kansrijk.organisations.constants import Kind
from kansrijk.organisations.models import Organisation
from kansrijk.referrals.models import Concern
from kansrijk.socialmap.constants import NEED_BY_CODE
from kansrijk.socialmap.models import Service
from kansrijk.socialmap.search import SearchCriteria
from kansrijk.socialmap.selectors import service_search

KIND_ORDER = {Kind.MUNICIPALITY.value: 0, Kind.FUND.value: 1}
FUND_ORDER = ("jeugdfonds", "leergeld", "kinderhulp")
# Needs a sign points to, when the children did not name a wish with a need.
SIGN_NEEDS: dict[str, tuple[str, ...]] = {
    "no_club": ("sport", "cultuur"),
    "no_breakfast": ("voedsel",),
    "misses_trips": ("schoolkosten", "uitje"),
    "clothing": ("kleding",),
    "no_treat": ("verjaardag",),
    "money_stress": ("geldzaken",),
    "no_school_supplies": ("schoolkosten", "fiets", "computer"),
    "no_parties": ("verjaardag", "speelgoed"),
    "health": ("jeugdgezondheid",),
    "withdrawn": ("opvoeding",),
}


@dataclass
class Suggestion:
    service: Service
    needs: list[str] = field(default_factory=list)
    rank: tuple[int, int, str] = (9, 9, "")

    @property
    def organisation_name(self) -> str:
        return str(self.service.organization.organisation.name)  # type: ignore[attr-defined]  # untyped fk()


def screener_advice_for(*, concern: Concern) -> list[Any]:
    """Seam for the screener's advice for this family; empty until the screener offers it."""
    return []


def needs_for(*, concern: Concern) -> list[str]:
    """The needs in the children's wishes, else the needs the observed signs point to."""
    wished = [str(w["need"]) for w in concern.wishes if w.get("need") in NEED_BY_CODE]
    if wished:
        return list(dict.fromkeys(wished))
    return list(dict.fromkeys(need for sign in concern.signs for need in SIGN_NEEDS.get(sign, ())))


def _rank(service: Service) -> tuple[int, int, str]:
    organisation: Organisation = service.organization.organisation  # type: ignore[attr-defined]  # untyped fk()
    name = organisation.name.lower()
    fund = next((index for index, word in enumerate(FUND_ORDER) if word in name), len(FUND_ORDER))
    return KIND_ORDER.get(organisation.kind, 2), fund, service.name


def service_suggestions_for(*, concern: Concern, needs: list[str] | None = None, text: str = "") -> list[Suggestion]:
    """Active services in the family's municipality (or national) for each need, in order of use."""
    found: dict[Any, Suggestion] = {}
    for need in needs if needs is not None else needs_for(concern=concern):
        criteria = SearchCriteria(
            text=text, term_ids=(NEED_BY_CODE[need].id,), municipality=concern.municipality_id, statuses=("active",)
        )
        for result in service_search(criteria=criteria, size=50).results:
            suggestion = found.setdefault(result.service.pk, Suggestion(result.service, rank=_rank(result.service)))
            suggestion.needs.append(need)
    if not found and text:
        criteria = SearchCriteria(text=text, municipality=concern.municipality_id, statuses=("active",))
        for result in service_search(criteria=criteria, size=50).results:
            found[result.service.pk] = Suggestion(result.service, rank=_rank(result.service))
    return sorted(found.values(), key=lambda s: s.rank)
