"""Coverage of the alliance's activities in one municipality: the table a council memo
about joining needs.

Definitions (per municipality, per activity, on a given day):

- A partner is *active* for an activity there when it
  * has a running commitment (start ≤ today ≤ end) for that activity that names the
    municipality, while its pledge signature holds; or
  * offers a service in the social map whose service area or location lies in the
    municipality and whose need-taxonomy term maps to that activity (`NEED_ACTIVITY`).
- covered = at least 2 distinct active partners; thin = exactly 1; missing = none.
- National commitments (`is_national`) are listed beside the table but do not count:
  the memo asks what is arranged *locally*, and counting national partners would make
  every activity look covered everywhere.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.apps import apps
from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.utils import timezone

from kansrijk.alliance.constants import COVERED_MIN_PARTNERS, THIN_MIN_PARTNERS, Activity, Coverage
from kansrijk.alliance.models import Commitment, PledgeSignature
from kansrijk.municipalities.models import Municipality
from kansrijk.organisations.constants import Kind
from kansrijk.organisations.models import Organisation

# Need-taxonomy terms of the social map (`kansrijk.socialmap.constants.NEEDS`, by code)
# → the alliance activity a service with that term serves. Material and practical help
# solves consequences within families (activity 2); youth health care and parenting
# support are where poverty is seen and talked about, and families are pointed to help
# (activity 1). No need term stands for working together (activity 3): that shows only
# through commitments. Terms not listed do not count towards coverage.
NEED_ACTIVITY: dict[str, str] = {
    "sport": Activity.SOLVE,
    "cultuur": Activity.SOLVE,
    "schoolkosten": Activity.SOLVE,
    "computer": Activity.SOLVE,
    "fiets": Activity.SOLVE,
    "kleding": Activity.SOLVE,
    "voedsel": Activity.SOLVE,
    "speelgoed": Activity.SOLVE,
    "verjaardag": Activity.SOLVE,
    "uitje": Activity.SOLVE,
    "geldzaken": Activity.SOLVE,
    "wonen": Activity.SOLVE,
    "energie": Activity.SOLVE,
    "opvoeding": Activity.SIGNAL,
    "jeugdgezondheid": Activity.SIGNAL,
}


@dataclass(frozen=True)
class PartnerRef:
    organisation_id: str
    name: str
    kind: str
    kind_label: str
    via: tuple[str, ...]


@dataclass(frozen=True)
class ServiceRef:
    name: str
    organisation_id: str
    organisation_name: str
    activities: tuple[str, ...]

    @property
    def activity_labels(self) -> tuple[str, ...]:
        return tuple(str(Activity(activity).label) for activity in self.activities)


@dataclass(frozen=True)
class ActivityCoverage:
    activity: str
    label: str
    level: str
    level_label: str
    partners: tuple[PartnerRef, ...]
    national_partners: tuple[PartnerRef, ...]


@dataclass(frozen=True)
class MunicipalityCoverage:
    municipality: Municipality
    has_signed: bool
    activities: tuple[ActivityCoverage, ...]
    local_organisations: tuple[Organisation, ...]
    services: tuple[ServiceRef, ...]
    social_map_available: bool
    today: date

    @property
    def gaps(self) -> tuple[ActivityCoverage, ...]:
        return tuple(item for item in self.activities if item.level == Coverage.MISSING)


@dataclass
class _Found:
    names: dict[str, Organisation] = field(default_factory=dict)
    via: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def add(self, organisation: Organisation, source: str) -> None:
        key = str(organisation.pk)
        self.names[key] = organisation
        self.via[key].add(source)

    def refs(self) -> tuple[PartnerRef, ...]:
        organisations = sorted(self.names.values(), key=lambda o: o.name.lower())
        return tuple(
            PartnerRef(str(o.pk), o.name, o.kind, str(o.get_kind_display()), tuple(sorted(self.via[str(o.pk)])))
            for o in organisations
        )


def coverage_level(partner_count: int) -> Coverage:
    if partner_count >= COVERED_MIN_PARTNERS:
        return Coverage.COVERED
    if partner_count >= THIN_MIN_PARTNERS:
        return Coverage.THIN
    return Coverage.MISSING


def _running_commitments(code: str, today: date) -> list[Commitment]:
    partner = Exists(PledgeSignature.objects.filter(organisation=OuterRef("organisation"), ended_on__isnull=True))
    return list(
        Commitment.objects.filter(starts_on__lte=today, ends_on__gte=today)
        .filter(Q(is_national=True) | Q(municipalities__code=code))
        .filter(partner)
        .distinct()
        .select_related("organisation")
        .prefetch_related("municipalities")
    )


def social_map_services(*, code: str) -> list[tuple[str, Organisation, tuple[str, ...]]] | None:
    """Services of the social map active in the municipality, as (name, organisation,
    need terms); None when the social map app is not installed."""
    if not apps.is_installed("kansrijk.socialmap"):
        return None
    from kansrijk.alliance import socialmap_bridge

    return socialmap_bridge.services_in(code=code)


def municipality_coverage(*, code: str, today: date | None = None) -> MunicipalityCoverage:
    """Covered / thin / missing per activity in municipality `code` (404 if unknown)."""
    today = today or timezone.localdate()
    municipality = Municipality.objects.defer("boundary").filter(code=code.upper()).first()
    if municipality is None:
        raise Http404("Municipality not found.")
    local: dict[str, _Found] = {a: _Found() for a in Activity.values}
    national: dict[str, _Found] = {a: _Found() for a in Activity.values}
    for commitment in _running_commitments(municipality.code, today):
        if commitment.is_national:
            national[commitment.activity].add(commitment.organisation, "inzet")
        elif any(m.code == municipality.code for m in commitment.municipalities.all()):
            local[commitment.activity].add(commitment.organisation, "inzet")
    services = _services(municipality.code, local)
    return MunicipalityCoverage(
        municipality=municipality,
        has_signed=_has_signed(municipality),
        activities=tuple(_activity(a, local[a], national[a]) for a in Activity.values),
        local_organisations=tuple(Organisation.objects.filter(municipalities=municipality).order_by("name")),
        services=tuple(services or ()),
        social_map_available=services is not None,
        today=today,
    )


def _services(code: str, local: dict[str, _Found]) -> list[ServiceRef] | None:
    found = social_map_services(code=code)
    if found is None:
        return None
    refs = []
    for name, organisation, terms in found:
        activities = tuple(sorted({NEED_ACTIVITY[t] for t in terms if t in NEED_ACTIVITY}))
        for activity in activities:
            local[activity].add(organisation, "sociale kaart")
        refs.append(ServiceRef(name, str(organisation.pk), organisation.name, activities))
    return sorted(refs, key=lambda ref: (ref.organisation_name.lower(), ref.name.lower()))


def _activity(activity: str, local: _Found, national: _Found) -> ActivityCoverage:
    level = coverage_level(len(local.names))
    return ActivityCoverage(
        activity=activity,
        label=str(Activity(activity).label),
        level=level.value,
        level_label=str(level.label),
        partners=local.refs(),
        national_partners=national.refs(),
    )


def _has_signed(municipality: Municipality) -> bool:
    """The municipality itself is a partner: an organisation of kind municipality working
    there holds an active signature."""
    return PledgeSignature.objects.filter(
        ended_on__isnull=True, organisation__kind=Kind.MUNICIPALITY, organisation__municipalities=municipality
    ).exists()
