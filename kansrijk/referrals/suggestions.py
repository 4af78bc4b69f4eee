"""Which services to suggest for a concern, in order of use (voorliggende voorzieningen first).

Seam — the screener: `screener_advice_for` asks `kansrijk.screener.selectors.scheme_advice_for`
for the municipality's schemes and the funds in force whose age range fits the children, in
order of use (a concern holds no income data, so each comes with its income test, not a verdict).
The social map's services are ordered by the kind of organisation (municipal scheme, then funds,
then other partners) and, among funds, by the order of use DESIGN.md names (Jeugdfonds Sport &
Cultuur, Leergeld, Kinderhulp).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from kansrijk.organisations.constants import Kind
from kansrijk.organisations.models import Organisation
from kansrijk.referrals.models import Concern
from kansrijk.screener.selectors import scheme_advice_for
from kansrijk.socialmap.constants import NEED_BY_CODE
from kansrijk.socialmap.models import Service
from kansrijk.socialmap.selectors import SearchCriteria, service_search

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
        return str(self.service.organization.organisation.name)


def screener_advice_for(*, concern: Concern) -> list[Any]:
    """The screener's municipal schemes and funds for this family, in order of use (no income data:
    those whose age range fits the children, each with its income test)."""
    today = timezone.localdate()
    ages = [c.age if c.age is not None else today.year - c.birth_year for c in concern.children.all()]
    return scheme_advice_for(municipality=concern.municipality_id, child_ages=ages, on=today)


def needs_for(*, concern: Concern) -> list[str]:
    """The needs in the children's wishes, else the needs the observed signs point to."""
    wished = [str(w["need"]) for w in concern.wishes if w.get("need") in NEED_BY_CODE]
    if wished:
        return list(dict.fromkeys(wished))
    return list(dict.fromkeys(need for sign in concern.signs for need in SIGN_NEEDS.get(sign, ())))


def _rank(service: Service) -> tuple[int, int, str]:
    organisation: Organisation = service.organization.organisation
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
