"""Reads for the screener: municipality codes, local schemes as rules, and the schemes a user may edit."""

from __future__ import annotations

import datetime as dt
import threading
import time
import uuid
from collections.abc import Sequence
from itertools import groupby
from typing import Any

from django.core.cache import cache
from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.http import Http404

from kansrijk.accounts.models import User
from kansrijk.municipalities.models import Municipality
from kansrijk.municipalities.selectors import municipality_codes, municipality_list, pc4_of, postcode_area_get
from kansrijk.organisations.constants import Role
from kansrijk.organisations.models import Organisation
from kansrijk.rules import national_schemes
from kansrijk.rules.funds import FUNDS as FUNDS  # the funds' published criteria, for the demo and reference data
from kansrijk.rules.local import AmountBand, LocalRule, select_rules
from kansrijk.rules.order import RANK_MUNICIPAL as RANK_MUNICIPAL  # rank of a municipal scheme in the order of use
from kansrijk.rules.params import Reference
from kansrijk.screener.models import Scheme, SchemeVersion

_lock = threading.Lock()
_codes: frozenset[str] | None = None
ONE_DAY = dt.timedelta(days=1)


def known_municipality_codes() -> frozenset[str]:
    """CBS codes (`GM0363`) of all municipalities, read once per process."""
    global _codes
    with _lock:
        if _codes is None:
            _codes = frozenset(municipality_codes())
        return _codes


def forget_municipality_codes() -> None:
    """Drop the per-process cache (tests, or after loading a new municipal division)."""
    global _codes
    with _lock:
        _codes = None


def municipality_choices() -> list[tuple[str, str]]:
    return list(municipality_list().values_list("code", "name"))


def postcode_is_valid(postcode: str) -> bool:
    return bool(pc4_of(postcode))


def municipality_for_postcode(postcode: str) -> str | None:
    """The municipality of a postcode's 4-digit area, when the postcode table is loaded."""
    area = postcode_area_get(postcode=postcode)
    return area.municipality_id if area is not None else None


def municipality_name(code: str) -> str:
    return str(Municipality.objects.filter(code=code).values_list("name", flat=True).first() or code)


def _band(data: dict[str, Any]) -> AmountBand:
    return AmountBand(int(data["age_min"]), int(data["age_max"]), int(data["cents"]), str(data.get("school", "")))


def version_to_rule(version: SchemeVersion, end: dt.date | None) -> LocalRule:
    """One stored version as a pure rules row (`end`: the effective last day)."""
    scheme = version.scheme
    return LocalRule(
        key=scheme.key,
        label=version.label,
        kind=scheme.kind,
        rank=scheme.rank,
        provider=scheme.owner.name,
        municipality=scheme.municipality_id,
        start=version.start_date,
        end=end,
        source=Reference(version.source_title, version.source_url),
        needs=tuple(version.needs),
        income_test=version.income_test,
        income_limit_percent=version.income_limit_percent,
        norm_with_holiday=version.norm_with_holiday,
        leefgeld_base=version.leefgeld_base_cents,
        leefgeld_per_person=version.leefgeld_per_person_cents,
        asset_limit=version.asset_limit_cents,
        child_age_min=version.child_age_min,
        child_age_max=version.child_age_max,
        schools=tuple(version.schools),
        amount_per_child=version.amount_per_child_cents,
        amount_per_household=version.amount_per_household_cents,
        bands=tuple(_band(b) for b in version.amount_bands),
        payment_route=version.payment_route,
        applies_via=version.applies_via,
        how_to_apply=version.how_to_apply,
        how_to_apply_en=version.how_to_apply_en,
        apply_url=version.apply_url,
        apply_phone=version.apply_phone,
        apply_address=version.apply_address,
        apply_intermediary=version.apply_intermediary,
        apply_intermediary_en=version.apply_intermediary_en,
        unverified=version.unverified,
        unknown_reason=version.unknown_reason,
        is_demo=scheme.is_demo,
        version=str(version.pk),
    )


def effective_end(version: SchemeVersion, following: SchemeVersion | None) -> dt.date | None:
    """A version ends on its own end date or the day before the next version starts."""
    ends = [d for d in (version.end_date, following.start_date - ONE_DAY if following else None) if d is not None]
    return min(ends) if ends else None


def rules_from_versions(versions: Sequence[SchemeVersion]) -> list[LocalRule]:
    """Versions (any schemes, sorted by scheme and start date) as rules with effective ends."""
    rules: list[LocalRule] = []
    for _scheme, group in groupby(versions, key=lambda v: v.scheme_id):
        items = list(group)
        for index, version in enumerate(items):
            following = items[index + 1] if index + 1 < len(items) else None
            rules.append(version_to_rule(version, effective_end(version, following)))
    return rules


def _versions() -> QuerySet[SchemeVersion]:
    return SchemeVersion.objects.select_related("scheme__owner").order_by("scheme_id", "start_date")


RULES_GENERATION_KEY = "screener:rules-generation"
RULES_CACHE_SECONDS = 300
_rules_cache: dict[str, tuple[int, float, list[LocalRule]]] = {}


def rules_generation() -> int:
    """A number the services raise after every change of scheme data (shared cache)."""
    return int(cache.get_or_set(RULES_GENERATION_KEY, 0, timeout=None) or 0)


def forget_local_rules() -> None:
    """Drop this process's copy of the local rules (tests; the generation handles the rest)."""
    _rules_cache.clear()


def local_rules_for(municipality: str) -> list[LocalRule]:
    """All versions of the municipality's schemes and of the funds (national and local rows there).

    Kept per process and reused while the shared rules generation is unchanged (the services
    raise it on every change), for at most `RULES_CACHE_SECONDS` as a safety net for changes
    made outside the services.
    """
    generation, now = rules_generation(), time.monotonic()
    hit = _rules_cache.get(municipality)
    if hit is not None and hit[0] == generation and now - hit[1] < RULES_CACHE_SECONDS:
        return hit[2]
    versions = _versions().filter(Q(scheme__municipality=None) | Q(scheme__municipality_id=municipality))
    rules = rules_from_versions(list(versions))
    _rules_cache[municipality] = (generation, now, rules)
    return rules


def _latest_label() -> Subquery:
    latest = SchemeVersion.objects.filter(scheme=OuterRef("pk")).order_by("-start_date", "-created_at")
    return Subquery(latest.values("label")[:1])


def _manageable(user: User) -> QuerySet[Scheme]:
    schemes = Scheme.objects.select_related("owner", "municipality").annotate(latest_label=_latest_label())
    if user.is_staff:
        return schemes
    return schemes.filter(
        owner__memberships__user=user,
        owner__memberships__role__in=[Role.COORDINATOR, Role.ADMINISTRATOR],
    ).distinct()


def scheme_list_for(*, user: User) -> QuerySet[Scheme]:
    """The schemes this user may edit: their organisation's (coordinator or administrator), all for staff.

    Each has `title`: the name families see (its latest version's label)."""
    latest = SchemeVersion.objects.filter(scheme=OuterRef("pk")).order_by("-start_date", "-created_at")
    titled = _manageable(user).annotate(title=Subquery(latest.values("label")[:1]))
    return titled.order_by("owner__name", "rank", "slug")


def scheme_title(*, scheme: Scheme) -> str:
    """The name families see for a scheme (its latest version's label), never its key."""
    latest = scheme.versions.order_by("-start_date", "-created_at").values_list("label", flat=True).first()
    return str(latest or scheme.slug)


def scheme_get_for(*, user: User, scheme_id: uuid.UUID) -> Scheme:
    """One scheme the user may edit; anything else is a 404, like a scheme that does not exist."""
    scheme = _manageable(user).filter(pk=scheme_id).first()
    if scheme is None:
        raise Http404
    return scheme


def organisation_list_for_editor(*, user: User) -> QuerySet[Organisation]:
    if user.is_staff:
        return Organisation.objects.all()
    return Organisation.objects.filter(
        memberships__user=user, memberships__role__in=[Role.COORDINATOR, Role.ADMINISTRATOR]
    ).distinct()


def version_list(*, scheme: Scheme) -> list[SchemeVersion]:
    return list(scheme.versions.select_related("created_by", "scheme__owner").order_by("start_date", "created_at"))


def version_in_force(*, scheme: Scheme, on: dt.date) -> SchemeVersion | None:
    """The version in force on a date (the latest start on or before it, unless it has ended)."""
    versions = version_list(scheme=scheme)
    for index in range(len(versions) - 1, -1, -1):
        version = versions[index]
        following = versions[index + 1] if index + 1 < len(versions) else None
        end = effective_end(version, following)
        if version.start_date <= on and (end is None or on <= end):
            return version
    return None


def latest_version(*, scheme: Scheme) -> SchemeVersion | None:
    return scheme.versions.order_by("-start_date", "-created_at").first()


def scheme_advice_for(*, municipality: str, child_ages: Sequence[int], on: dt.date) -> list[dict[str, Any]]:
    """Without income data (a concern holds none): the municipality's schemes and the funds in force,
    in order of use, that fit the children's ages, with their income test — "may apply", not a verdict."""
    advice = []
    for rule in select_rules(local_rules_for(municipality), municipality, on):
        low, high = rule.child_age_min or 0, rule.child_age_max if rule.child_age_max is not None else 200
        if rule.for_children and not any(low <= age <= high for age in child_ages):
            continue
        advice.append(
            {
                "scheme": rule.key,
                "label": rule.label,
                "kind": rule.kind,
                "provider": rule.provider,
                "needs": list(rule.needs),
                "income_test": rule.income_test,
                "income_limit_percent": rule.income_limit_percent,
                "applies_via": rule.applies_via,
                "how_to_apply": rule.how_to_apply,
                "available": not rule.unknown_reason,
            }
        )
    return advice


def scheme_labels(*, keys: Sequence[str]) -> dict[str, str]:
    """The names families see for scheme keys (national schemes, municipal schemes, funds): never
    the key itself. A fund's national row names it; an unknown key gets its slug in words."""
    wanted = set(keys)
    labels = {scheme.id: scheme.label for scheme in national_schemes() if scheme.id in wanted}
    schemes = Scheme.objects.select_related("municipality").annotate(latest_label=_latest_label())
    slugs = {key.rpartition("/")[2] for key in wanted}
    for scheme in sorted(schemes.filter(slug__in=slugs), key=lambda s: s.municipality_id is None):
        if scheme.key in wanted:
            labels[scheme.key] = scheme.name
    for key in wanted - set(labels):
        labels[key] = key.rpartition("/")[2].replace("-", " ").replace("_", " ").capitalize()
    return labels
