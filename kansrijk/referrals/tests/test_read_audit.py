"""Every page and API answer that carries personal data writes a read row and is never cached.

The meta-test walks every route of the referrals pages and API and fails when one is in
neither table: `PERSONAL` (must audit a read and send `Cache-Control: no-store, private`)
or `NO_PERSONAL_DATA` (with the reason).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.urls import URLPattern, get_resolver

from kansrijk.audit.models import AuditEvent
from kansrijk.conftest import client_for, with_totp
from kansrijk.organisations.tests.factories import MembershipFactory
from kansrijk.referrals import api_urls, urls
from kansrijk.referrals.tests.factories import ConcernFactory, ReferralFactory
from kansrijk.takeup import urls as takeup_urls

pytestmark = pytest.mark.django_db

READS = ("concern.read", "concern.list", "referral.read", "referral.list", "access_log.produce")


class World:
    def __init__(self, teacher: Any, fund_worker: Any, fund: Any) -> None:
        self.teacher, self.fund_worker = teacher, fund_worker
        self.concern = ConcernFactory(organisation=teacher.organisation)
        self.referral = ReferralFactory(concern=self.concern, receiver=fund)


Request = Callable[[World], Any]


def _administrator(w: World) -> Any:
    """An administrator of the organisation that owns the concern (who may see who looked)."""
    membership = MembershipFactory(organisation=w.teacher.organisation, administrator=True)
    with_totp(membership)
    return client_for(membership)


PERSONAL: dict[str, Request] = {
    "referrals:index": lambda w: client_for(w.teacher).get("/zorgen/"),
    "referrals:concern": lambda w: client_for(w.teacher).get(f"/zorgen/{w.concern.pk}/"),
    "referrals:consent_create": lambda w: client_for(w.teacher).get(f"/zorgen/{w.concern.pk}/toestemming/"),
    "referrals:referral_create": lambda w: client_for(w.teacher).get(f"/zorgen/{w.concern.pk}/verwijzen/"),
    "referrals:referral_list": lambda w: client_for(w.fund_worker).get("/zorgen/verwijzingen/"),
    "referrals:referral": lambda w: client_for(w.fund_worker).get(f"/zorgen/verwijzingen/{w.referral.pk}/"),
    "referrals:feedback": lambda w: client_for(w.teacher).get(f"/zorgen/verwijzingen/{w.referral.pk}/terugkoppeling/"),
    "referrals:access_log": lambda w: _administrator(w).get(f"/zorgen/{w.concern.pk}/wie-heeft-gekeken/"),
    "referrals:access_log_pdf": lambda w: _administrator(w).get(f"/zorgen/{w.concern.pk}/wie-heeft-gekeken.pdf"),
    "takeup:concern": lambda w: client_for(w.teacher).get(f"/zorgen/{w.concern.pk}/gebruik/"),
    "api:concern-list": lambda w: client_for(w.teacher).get("/api/v1/concerns"),
    "api:concern-detail": lambda w: client_for(w.teacher).get(f"/api/v1/concerns/{w.concern.pk}"),
    "api:referral-list": lambda w: client_for(w.fund_worker).get("/api/v1/referrals"),
    "api:referral-detail": lambda w: client_for(w.fund_worker).get(f"/api/v1/referrals/{w.referral.pk}"),
    "api:referral-transitions": lambda w: client_for(w.fund_worker).post(
        f"/api/v1/referrals/{w.referral.pk}/transitions", {"to": "accepted"}, content_type="application/json"
    ),
}
NO_PERSONAL_DATA = {
    "referrals:concern_create": "a form to raise a concern; the POST answers with a redirect",
    "referrals:conversation_guide": "fixed guidance text",
    "referrals:consent_withdraw": "POST only; answers with a redirect to the audited concern page",
    "referrals:referral_step": "POST only; answers with a redirect to the audited referral page",
    "referrals:barrier_create": "POST only; answers with a redirect to the audited referral page",
    "referrals:municipality": "aggregates only, small counts suppressed",
    "referrals:waiting_without_users": "staff only: organisations and waiting counts, nothing about a family",
    "api:concern-signals": "the fixed checklist of signs",
    "api:referral-decline-reasons": "the fixed list of decline reasons",
    "api:municipality-figures": "aggregates only, small counts suppressed",
    "referrals:municipality_csv": "aggregates only, small counts suppressed",
    "referrals:concern_close": "POST only; answers with a redirect to the audited concern page",
    "referrals:concern_reopen": "POST only; answers with a redirect to the audited concern page",
    "api:concern-consents": "POST only; reads the concern through the audited concern_get_for",
    "api:concern-consent-withdraw": "POST only; reads the concern through the audited concern_get_for",
}


def route_names() -> set[str]:
    names = {f"referrals:{p.name}" for p in urls.urlpatterns if isinstance(p, URLPattern)}
    names |= {f"takeup:{p.name}" for p in takeup_urls.urlpatterns if str(p.pattern).startswith("zorgen/")}
    return names | {f"api:{p.name}" for p in api_urls.urlpatterns if isinstance(p, URLPattern)}


def test_every_referrals_route_is_listed_as_personal_or_not():
    assert get_resolver()  # the project's URLs load
    names = route_names()
    assert "api:referral-transitions" in names
    unlisted = names - set(PERSONAL) - set(NO_PERSONAL_DATA)
    assert not unlisted, f"routes not classified: {sorted(unlisted)}"
    assert not (set(PERSONAL) | set(NO_PERSONAL_DATA)) - names


@pytest.mark.parametrize("name", sorted(PERSONAL))
def test_every_answer_with_personal_data_writes_a_read_row_and_is_not_cached(
    name, teacher, fund_worker, fund, municipalities
):
    world = World(teacher, fund_worker, fund)
    before = AuditEvent.objects.filter(action__in=READS).count()
    response = PERSONAL[name](world)
    assert response.status_code == 200, response.content[:300]
    assert AuditEvent.objects.filter(action__in=READS).count() > before
    cache = response["Cache-Control"]
    assert "no-store" in cache
    assert "private" in cache


def test_the_receivers_transition_answer_with_the_childrens_names_writes_its_read_row(teacher, fund_worker, fund):
    world = World(teacher, fund_worker, fund)
    response = client_for(fund_worker).post(
        f"/api/v1/referrals/{world.referral.pk}/transitions", {"to": "accepted"}, content_type="application/json"
    )
    assert response.status_code == 200
    assert response.json()["shared"]["children"][0]["first_name"] == "Sam"
    reads = AuditEvent.objects.filter(action="referral.read", object_id=str(world.referral.pk))
    assert reads.filter(actor=fund_worker.user).count() == 1


def test_the_html_transition_leads_to_the_audited_referral_page(teacher, fund_worker, fund):
    world = World(teacher, fund_worker, fund)
    response = client_for(fund_worker).post(
        f"/zorgen/verwijzingen/{world.referral.pk}/stap/", {"to": "accepted"}, follow=True
    )
    assert response.status_code == 200
    assert "Sam" in response.content.decode()
    assert AuditEvent.objects.filter(action="referral.read", object_id=str(world.referral.pk)).count() == 1


def test_a_public_page_keeps_its_own_caching(client):
    response = client.get("/")
    assert "no-store" not in response.get("Cache-Control", "")


def test_an_api_answer_is_never_cached_even_anonymous(client):
    response = client.get("/api/v1/organisations")
    assert "no-store" in response["Cache-Control"]
