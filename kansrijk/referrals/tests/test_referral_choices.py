"""When referring, only organisations with valid consent can be chosen; the others are shown
disabled with the reason in their text and a link to record consent: before submitting, no JavaScript."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from kansrijk.conftest import client_for
from kansrijk.organisations.tests.factories import OrganisationFactory
from kansrijk.referrals.models import Referral
from kansrijk.referrals.tests.factories import ConcernFactory, ConsentFactory
from kansrijk.socialmap.tests.factories import HsdsOrganizationFactory, ServiceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def leergeld_service(sport_service):
    leergeld = OrganisationFactory(name="Stichting Leergeld Test", fund=True)
    return ServiceFactory(
        organization=HsdsOrganizationFactory(organisation=leergeld),
        name="Zwemles via Leergeld",
        needs=["sport"],
        municipalities=["GM1640"],
    )


def _checkbox(page, service):
    match = re.search(rf'<input[^>]*value="{service.pk}"[^>]*>', page)
    assert match, f"no checkbox for {service.name}"
    return match.group()


def test_only_organisations_with_valid_consent_can_be_chosen(teacher, fund, sport_service, leergeld_service):
    concern = ConcernFactory(organisation=teacher.organisation)
    ConsentFactory(concern=concern, organisations=[fund])
    page = client_for(teacher).get(f"/zorgen/{concern.pk}/verwijzen/").content.decode()
    assert "disabled" not in _checkbox(page, sport_service)
    assert "disabled" in _checkbox(page, leergeld_service)
    assert re.search(r"Zwemles via Leergeld — Stichting Leergeld Test[^<]*\(vraag eerst toestemming\)", page)
    assert "Bijdrage voor sport — Jeugdfonds Sport &amp; Cultuur Test (vraag" not in page
    assert "Nog geen geldige toestemming voor: Stichting Leergeld Test." in page
    assert f'href="/zorgen/{concern.pk}/toestemming/"' in page


def test_withdrawn_or_expired_consent_disables_the_option_too(teacher, fund, sport_service):
    concern = ConcernFactory(organisation=teacher.organisation)
    ConsentFactory(concern=concern, organisations=[fund], withdrawn=True)
    ConsentFactory(concern=concern, organisations=[fund], expires_at=timezone.now() - timedelta(hours=1))
    page = client_for(teacher).get(f"/zorgen/{concern.pk}/verwijzen/").content.decode()
    assert "disabled" in _checkbox(page, sport_service)


def test_posting_a_disabled_option_anyway_is_refused_with_the_reason(teacher, fund, sport_service, leergeld_service):
    concern = ConcernFactory(organisation=teacher.organisation)
    ConsentFactory(concern=concern, organisations=[fund])
    response = client_for(teacher).post(
        f"/zorgen/{concern.pk}/verwijzen/", {"services": [str(leergeld_service.pk)], "note": ""}
    )
    assert response.status_code == 200
    assert "geen geldige toestemming" in response.content.decode()
    assert not Referral.objects.exists()
