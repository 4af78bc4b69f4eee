"""Every URL that takes an object id answers a member of ANOTHER organisation with 404 (or 405),
exactly as for an id that does not exist, for every method, and changes nothing.

The table `OWNED` says, per route name, how to get a real object owned by organisation A.
Routes whose objects are public by design are in `PUBLIC` with the reason; they must still
change nothing when another organisation POSTs to them. Django's admin is staff-only as a
whole (`STAFF_ONLY_NAMESPACES`). A new route with an object id that is in none of these
tables makes `test_every_route_with_an_object_id_is_in_a_table` fail, naming the route.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.apps import apps
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from kansrijk.conftest import client_for, with_totp
from kansrijk.organisations.models import Organisation
from kansrijk.organisations.tests.factories import MembershipFactory, OrganisationFactory

METHODS = ("get", "post", "put", "patch", "delete")
MISSING = uuid.UUID("00000000-0000-4000-8000-000000000000")
# Rows that may change on any request, whatever the outcome: the session's expiry (saved on
# every request) and the append-only audit trail with its chain head (a refused attempt may be recorded).
VOLATILE = {"sessions.session", "audit.auditevent", "audit.auditchainhead"}
# Reference data too large to hash on every request: compared by row count only.
COUNT_ONLY = {"municipalities.municipality"}
STAFF_ONLY_NAMESPACES = {
    "admin": "Django admin: staff only; a member is sent to the admin login and nothing changes.",
}


@dataclass
class World:
    """Organisation A with one object of every kind; `stranger` works for organisation B."""

    a: Organisation
    objects: dict[str, Any]


def _concern(w: World) -> Any:
    return w.objects["referral"].concern


def _ref(w: World) -> dict[str, Any]:
    return {"referral_id": w.objects["referral"].pk}


def _concern_kwargs(w: World) -> dict[str, Any]:
    return {"concern_id": _concern(w).pk}


def _consent_kwargs(w: World) -> dict[str, Any]:
    return {"concern_id": _concern(w).pk, "consent_id": w.objects["referral"].consent_id}


def _org(w: World) -> dict[str, Any]:
    return {"organisation_id": w.a.pk}


def _commitment(w: World) -> dict[str, Any]:
    return {"commitment_id": w.objects["commitment"].pk}


def _service(w: World) -> dict[str, Any]:
    return {"service_id": w.objects["service"].pk}


# Route name → the kwargs of a real object owned by organisation A.
OWNED: dict[str, Callable[[World], dict[str, Any]]] = {
    "api:concern-detail": _concern_kwargs,
    "api:concern-consents": _concern_kwargs,
    "api:concern-consent-withdraw": _consent_kwargs,
    "api:referral-detail": _ref,
    "api:referral-transitions": _ref,
    "api:commitment-progress": _commitment,
    "referrals:concern": _concern_kwargs,
    "referrals:consent_create": _concern_kwargs,
    "referrals:access_log": _concern_kwargs,
    "referrals:access_log_pdf": _concern_kwargs,
    "referrals:concern_close": _concern_kwargs,
    "referrals:concern_reopen": _concern_kwargs,
    "referrals:consent_withdraw": _consent_kwargs,
    "referrals:referral_create": _concern_kwargs,
    "referrals:referral": _ref,
    "referrals:referral_step": _ref,
    "referrals:barrier_create": _ref,
    "referrals:feedback": _ref,
    "takeup:concern": _concern_kwargs,
    "referrals:municipality": lambda w: {"code": "GM1640"},  # aggregates for A, a municipality of Leudal
    "api:municipality-figures": lambda w: {"code": "GM1640"},  # the same aggregates in the API
    "referrals:municipality_csv": lambda w: {"code": "GM1640"},  # and as a spreadsheet
    "socialmap:service_create": _org,
    "socialmap:service_edit": _service,
    "socialmap:service_confirm": _service,
    "socialmap:location_create": _org,
    "socialmap:location_edit": lambda w: {"location_id": w.objects["location"].pk},
    "alliance:pledge_sign": _org,
    "alliance:pledge_withdraw": _org,
    "alliance:commitment_create": _org,
    "alliance:commitment_update": _commitment,
    "alliance:progress_create": _commitment,
    "screener:scheme": lambda w: {"scheme_id": w.objects["scheme"].pk},
    "screener:scheme_edit": lambda w: {"scheme_id": w.objects["scheme"].pk},
    "accounts:token_revoke": lambda w: {"token_id": w.objects["api_token"].pk},
    "organisations:access_review": _org,
    "outcomes:partner": _org,
    "outcomes:partner_csv": _org,
    "organisations:access_end": lambda w: {"organisation_id": w.a.pk, "membership_id": w.objects["owner"].pk},
}
# Route name → (kwargs of a real object, why it is public).
PUBLIC: dict[str, tuple[Callable[[World], dict[str, Any]], str]] = {
    "api:organisation-detail": (lambda w: {"pk": w.a.pk}, "organisations are public facts"),
    "api:municipality-coverage": (lambda w: {"code": "GM1640"}, "alliance coverage per municipality is public"),
    "hsds:service": (_service, "the social map (HSDS API) is public"),
    "hsds:organization": (lambda w: {"organization_id": w.a.pk}, "the social map (HSDS API) is public"),
    "hsds:taxonomy_term": (lambda w: {"term_id": w.objects["term"].pk}, "the need taxonomy is public"),
    "hsds:taxonomy": (lambda w: {"taxonomy_id": w.objects["term"].taxonomy_id}, "the need taxonomy is public"),
    "hsds:service_at_location": (
        lambda w: {"service_at_location_id": w.objects["service_at_location"].pk},
        "the social map (HSDS API) is public",
    ),
    "organisations:detail": (_org, "the organisation page is public"),
    "socialmap:service": (_service, "the public page of a service"),
    "alliance:municipality": (lambda w: {"code": "GM1640"}, "municipality coverage page is public"),
    "alliance:municipality_joining": (lambda w: {"code": "GM1640"}, "public advice on joining the alliance"),
    "alliance:commitment_detail": (_commitment, "commitments are published in 'wie doet wat waar'"),
    "alliance:export": (lambda w: {"dataset": "partners", "fmt": "csv"}, "open-data export of public tables"),
    "outcomes:municipality": (lambda w: {"code": "GM1640"}, "a municipality's outcomes, every count suppressed"),
    "outcomes:municipality_csv": (lambda w: {"code": "GM1640"}, "the same outcomes as a spreadsheet"),
    "account_confirm_email": (lambda w: {"key": "x"}, "allauth: the key is a secret token, not an object id"),
    "account_reset_password_from_key": (lambda w: {"uidb36": "1", "key": "x"}, "allauth: secret reset token"),
    "openid_connect_login": (lambda w: {"provider_id": "oidc"}, "login with a configured identity provider"),
    "openid_connect_callback": (lambda w: {"provider_id": "oidc"}, "identity provider callback"),
}


def _walk(resolver: URLResolver, namespace: str = "", route: str = "") -> Iterator[tuple[str, str, Any]]:
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}:{pattern.namespace}".strip(":") if pattern.namespace else namespace
            yield from _walk(pattern, inner, route + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}".strip(":") if pattern.name else ""
            yield name, route + str(pattern.pattern), pattern


def _takes_an_id(route: str, pattern: URLPattern) -> bool:
    return bool(pattern.pattern.regex.groupindex) or "<" in route


def routes_with_ids() -> list[tuple[str, str]]:
    return sorted({(name, route) for name, route, p in _walk(get_resolver()) if _takes_an_id(route, p)})


def _is_staff_only(name: str, route: str) -> bool:
    return any(name.startswith(f"{ns}:") or route.startswith("beheer/") for ns in STAFF_ONLY_NAMESPACES)


def test_every_route_with_an_object_id_is_in_a_table():
    unlisted = [
        f"{name or '(unnamed)'} ({route})"
        for name, route in routes_with_ids()
        if name not in OWNED and name not in PUBLIC and not _is_staff_only(name, route)
    ]
    assert not unlisted, (
        "These routes take an object id but are in no table of kansrijk/core/tests/test_object_access.py. "
        "Add each to OWNED (how to get an object of organisation A) or to PUBLIC (with the reason): "
        + "; ".join(unlisted)
    )


def test_the_tables_name_only_existing_routes():
    names = {name for name, _route in routes_with_ids()}
    assert not (set(OWNED) | set(PUBLIC)) - names


def snapshot() -> dict[str, str]:
    """Row count and a hash of every row of every table (except the volatile ones)."""
    result = {}
    for model in apps.get_models():
        label = model._meta.label_lower
        if label in VOLATILE:
            continue
        rows = model._base_manager.order_by("pk")
        if label in COUNT_ONLY:
            result[label] = str(rows.count())
            continue
        values = [tuple(map(str, row)) for row in rows.values_list()]
        result[label] = f"{len(values)}:" + hashlib.sha256(repr(values).encode()).hexdigest()
    return result


@pytest.fixture
def world(municipalities) -> World:
    from kansrijk.accounts.services import api_token_create
    from kansrijk.alliance.tests.factories import CommitmentFactory, PledgeSignatureFactory
    from kansrijk.referrals.tests.factories import (
        BarrierFactory,
        ConcernFactory,
        ReferralFactory,
        ensure_need_taxonomy,
    )
    from kansrijk.screener.tests.factories import SchemeVersionFactory
    from kansrijk.socialmap.models import ServiceAtLocation, TaxonomyTerm
    from kansrijk.socialmap.tests.factories import HsdsOrganizationFactory, LocationFactory, ServiceFactory

    ensure_need_taxonomy()
    a = OrganisationFactory(name="Organisatie A", municipality=True, municipality_codes=["GM1640"])
    owner = MembershipFactory(organisation=a, administrator=True)  # administrators may do all a coordinator may
    with_totp(owner)
    hsds = HsdsOrganizationFactory(organisation=a)
    referral = ReferralFactory(concern=ConcernFactory(organisation=a))
    BarrierFactory(referral=referral)
    PledgeSignatureFactory(organisation=a)
    objects = {
        "referral": referral,
        "service": ServiceFactory(organization=hsds, needs=["sport"], municipalities=["GM1640"]),
        "location": LocationFactory(organization=hsds),
        "commitment": CommitmentFactory(organisation=a),
        "term": TaxonomyTerm.objects.first(),
        "scheme": SchemeVersionFactory(scheme__owner=a).scheme,
    }
    objects["service_at_location"] = ServiceAtLocation.objects.create(
        service=objects["service"], location=objects["location"]
    )
    objects["owner"] = owner
    objects["api_token"] = api_token_create(actor=None, user=owner.user)[0]
    return World(a=a, objects=objects)


@pytest.fixture
def stranger() -> Client:
    """A coordinator of organisation B (another municipality), with two factors set up."""
    membership = MembershipFactory(
        organisation=OrganisationFactory(name="Organisatie B", municipality_codes=["GM0363"]), coordinator=True
    )
    with_totp(membership)
    return client_for(membership)


def _call(client: Client, method: str, url: str) -> Any:
    payload = {"to": "accepted", "reason": "x", "note": "x", "given_by": "parent"}
    if method == "get":
        return client.get(url)
    return getattr(client, method)(url, payload, content_type="application/json")


def _missing(kwargs: dict[str, Any]) -> dict[str, Any]:
    return {key: MISSING if isinstance(value, uuid.UUID) else value for key, value in kwargs.items()}


@pytest.mark.django_db
def test_another_organisations_objects_are_404_on_every_route_and_method(world, stranger):
    failures = []
    before = snapshot()
    for name, kwargs_for in sorted(OWNED.items()):
        kwargs = kwargs_for(world)
        url, missing_url = reverse(name, kwargs=kwargs), reverse(name, kwargs=_missing(kwargs))
        for method in METHODS:
            real, absent = _call(stranger, method, url), _call(stranger, method, missing_url)
            if real.status_code not in (404, 405):
                failures.append(f"{method.upper()} {name} {url} → {real.status_code}, expected 404 or 405")
            elif name.startswith("api:") and real.status_code == 404 and real.json() != absent.json():
                failures.append(f"{method.upper()} {name}: the 404 differs from the one for a missing id")
            elif not name.startswith("api:") and real.status_code != absent.status_code and "code" not in kwargs:
                failures.append(f"{method.upper()} {name}: {real.status_code} here, {absent.status_code} if missing")
    assert not failures, "\n".join(failures)
    assert snapshot() == before, "a request by another organisation changed the database"


@pytest.mark.django_db
def test_the_objects_in_the_table_are_real_for_their_own_organisation(world):
    """The control: organisation A's own coordinator is not refused, so a 404 above means 'not yours'."""
    owner = client_for(world.objects["owner"])
    refused = [
        name
        for name, kwargs_for in OWNED.items()
        if owner.get(reverse(name, kwargs=kwargs_for(world))).status_code == 404
    ]
    assert not refused


@pytest.mark.django_db
def test_public_routes_change_nothing_when_another_organisation_writes(world, stranger):
    before = snapshot()
    for name, (kwargs_for, _reason) in sorted(PUBLIC.items()):
        url = reverse(name, kwargs=kwargs_for(world))
        for method in ("post", "put", "patch", "delete"):
            _call(stranger, method, url)
            assert snapshot() == before, f"{method.upper()} {name} by another organisation changed the database"
    assert snapshot() == before, "a write to a public route by another organisation changed the database"


@pytest.mark.django_db
def test_the_admin_is_closed_to_members(world, stranger):
    before = snapshot()
    url = reverse("admin:organisations_organisation_change", args=[world.a.pk])
    for method in METHODS:
        response = _call(stranger, method, url)
        assert response.status_code == 302
        assert "/login/" in response["Location"]
    assert snapshot() == before
