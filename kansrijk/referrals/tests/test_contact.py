"""The receiver sees who referred and how to reach them, on the page and in the API."""

import pytest

from kansrijk.conftest import client_for
from kansrijk.referrals.tests.factories import ConcernFactory, ReferralFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def referral(teacher, fund):
    school = teacher.organisation
    school.email, school.phone = "info@delinde.example", "0475 123 456"
    school.save()
    teacher.user.full_name = "Juf Anouk de Vries"
    teacher.user.save()
    return ReferralFactory(receiver=fund, concern=ConcernFactory(organisation=school), created_by=teacher.user)


def test_the_receiver_sees_the_referrers_organisation_name_and_contact_on_the_page(referral, fund_worker, teacher):
    html = client_for(fund_worker).get(f"/zorgen/verwijzingen/{referral.pk}/").content.decode()
    assert "Verwezen door" in html
    assert "Basisschool De Linde" in html
    assert "Juf Anouk de Vries" in html
    assert f'href="mailto:{teacher.user.email}"' in html
    assert 'href="tel:0475 123 456"' in html
    assert 'href="mailto:info@delinde.example"' in html


def test_the_api_gives_the_referrers_contact(referral, fund_worker, teacher):
    body = client_for(fund_worker).get(f"/api/v1/referrals/{referral.pk}").json()
    assert body["referrer_contact"] == {
        "organisation": "Basisschool De Linde",
        "name": "Juf Anouk de Vries",
        "email": teacher.user.email,
        "phone": "0475 123 456",
        "organisation_email": "info@delinde.example",
    }


def test_without_a_known_professional_the_organisation_is_the_contact(fund, fund_worker, teacher):
    school = teacher.organisation
    school.email = "info@delinde.example"
    school.save()
    referral = ReferralFactory(receiver=fund, concern=ConcernFactory(organisation=school), created_by=None)
    contact = client_for(fund_worker).get(f"/api/v1/referrals/{referral.pk}").json()["referrer_contact"]
    assert (contact["name"], contact["email"]) == ("", "info@delinde.example")
