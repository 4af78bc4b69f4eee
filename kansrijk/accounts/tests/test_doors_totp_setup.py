"""Setting TOTP up through allauth's form is the code step for that session (ADR 0009).

Transactional: allauth sends `authenticator_added` on commit, inside the request, as in
production; in a test wrapped in one transaction it would never be sent.
"""

from __future__ import annotations

import pytest
from allauth.mfa.models import Authenticator

from kansrijk.core.totp import current_totp_code
from kansrijk.organisations.tests.factories import PASSWORD, MembershipFactory, OrganisationFactory
from kansrijk.referrals.tests.factories import ConcernFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_setting_up_totp_through_the_form_counts_as_the_code_step(client, municipalities):
    school = OrganisationFactory(school=True, municipality_codes=["GM1640"])
    ConcernFactory(organisation=school)
    membership = MembershipFactory(organisation=school)
    client.post("/accounts/login/", {"login": membership.user.email, "password": PASSWORD})
    assert client.get("/api/v1/concerns").status_code == 403
    # allauth asks for the password once more before a security setting changes
    assert client.get("/accounts/2fa/totp/activate/")["Location"].startswith("/accounts/reauthenticate/")
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    form = client.get("/accounts/2fa/totp/activate/").context["form"]
    response = client.post("/accounts/2fa/totp/activate/", {"code": current_totp_code(form.secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=membership.user, type="totp").exists()
    assert client.get("/zorgen/").status_code == 200
    assert client.get("/api/v1/concerns").status_code == 200
