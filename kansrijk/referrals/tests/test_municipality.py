"""Municipal policy officers see aggregates only, with counts 1 to 9 suppressed; barriers per category."""

import pytest

from kansrijk.conftest import client_for, with_totp
from kansrijk.core.errors import NotAllowed
from kansrijk.organisations.tests.factories import MembershipFactory, OrganisationFactory
from kansrijk.referrals import services
from kansrijk.referrals.models import Barrier
from kansrijk.referrals.tests.factories import BarrierFactory, ConcernFactory, ReferralFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer():
    membership = MembershipFactory(
        organisation=OrganisationFactory(name="Gemeente Leudal Test", municipality=True, municipality_codes=["GM1640"])
    )
    with_totp(membership)
    return membership


def test_either_side_of_a_referral_can_flag_a_barrier(teacher, fund, fund_worker):
    referral = ReferralFactory(concern=ConcernFactory(organisation=teacher.organisation), receiver=fund)
    services.barrier_create(
        actor=fund_worker.user, referral=referral, category="transport", description="Contributie betaald, de bus niet"
    )
    services.barrier_create(actor=teacher.user, referral=referral, category="extra_costs", description="Kleding")
    assert set(Barrier.objects.values_list("organisation__name", flat=True)) == {fund.name, teacher.organisation.name}


def test_a_stranger_cannot_flag_a_barrier(other_coordinator):
    with pytest.raises(NotAllowed):
        services.barrier_create(
            actor=other_coordinator.user, referral=ReferralFactory(), category="transport", description="x"
        )


def test_the_policy_officer_sees_suppressed_counts_per_category(officer):
    for _ in range(12):
        BarrierFactory(category="transport")
    BarrierFactory(category="rules")
    response = client_for(officer).get("/zorgen/gemeente/GM1640/")
    assert response.status_code == 200
    barriers = dict(response.context["aggregates"].barriers)
    # The one suppression rule (core.suppression): 12 rounds to 10, 1 is "< 10" (None).
    assert barriers["Vervoer en reiskosten"] == 10
    assert barriers["Regels sluiten niet aan"] is None
    assert barriers["Wachttijd"] == 0
    html = response.content.decode()
    assert "bus naar de club" not in html
    assert "Sam" not in html


def test_other_people_get_a_404_for_the_municipal_figures(officer, teacher, other_coordinator):
    assert client_for(officer).get("/zorgen/gemeente/GM0363/").status_code == 404
    assert client_for(teacher).get("/zorgen/gemeente/GM1640/").status_code == 404
    assert client_for(other_coordinator).get("/zorgen/gemeente/GM1640/").status_code == 404


def test_the_policy_officer_cannot_open_a_concern_or_referral_in_their_municipality(officer):
    referral = ReferralFactory()
    client = client_for(officer)
    assert client.get(f"/zorgen/{referral.concern_id}/").status_code == 404
    assert client.get(f"/api/v1/referrals/{referral.pk}").status_code == 404


def test_the_api_gives_the_same_figures_with_null_for_small_counts(officer):
    for _ in range(12):
        BarrierFactory(category="transport")
    BarrierFactory(category="rules")
    response = client_for(officer).get("/api/v1/municipalities/GM1640/figures")
    assert response.status_code == 200
    body = response.json()
    assert body["concerns"] == 15  # 13 concerns, rounded to a multiple of 5
    assert body["barriers_by_category"]["transport"] == 10  # 12
    assert body["barriers_by_category"]["rules"] is None  # 1: suppressed
    assert body["referrals_by_status"]["sent"] == 15
    assert body["referrals_by_status"]["done"] == 0
