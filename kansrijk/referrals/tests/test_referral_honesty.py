"""Referring to several services is all or nothing; no silent referral to an organisation without users."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from kansrijk.audit.models import AuditEvent
from kansrijk.conftest import client_for, login_with_two_factors, with_totp
from kansrijk.core.errors import DomainError
from kansrijk.organisations.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from kansrijk.referrals import services
from kansrijk.referrals.models import Notification, Referral
from kansrijk.referrals.tests.factories import ConcernFactory, ConsentFactory, ensure_need_taxonomy
from kansrijk.socialmap.tests.factories import HsdsOrganizationFactory, ServiceFactory

pytestmark = pytest.mark.django_db
NOT_ON_KANSRIJK = "deze organisatie gebruikt Kansrijk nog niet"


@pytest.fixture
def staff_client(db):
    staff = UserFactory(staff=True)
    with_totp(staff)
    return login_with_two_factors(Client(), staff)


def _service(organisation, name):
    ensure_need_taxonomy()
    return ServiceFactory(
        organization=HsdsOrganizationFactory(organisation=organisation),
        name=name,
        needs=["sport"],
        municipalities=["GM1640"],
    )


@pytest.fixture
def three(teacher):
    """A concern with consent for two funds (with users) and a third fund without consent."""
    funds = [OrganisationFactory(name=f"Fonds {n}", fund=True) for n in (1, 2, 3)]
    for fund in funds:
        MembershipFactory(organisation=fund)
    concern = ConcernFactory(organisation=teacher.organisation)
    ConsentFactory(concern=concern, organisations=funds[:2])
    return concern, [_service(fund, f"Sport bij fonds {n}") for n, fund in enumerate(funds, start=1)]


def test_a_failure_for_the_third_service_leaves_none_of_the_first_two(teacher, three):
    concern, found = three
    before = (AuditEvent.objects.count(), Notification.objects.count())
    with pytest.raises(DomainError) as error:
        services.referrals_create(actor=teacher.user, concern=concern, service_ids=[s.pk for s in found])
    assert "Sport bij fonds 3" in error.value.message
    assert not Referral.objects.exists()
    assert (AuditEvent.objects.count(), Notification.objects.count()) == before


def test_the_form_sends_all_or_nothing_and_says_which_service_failed(
    teacher, three, django_capture_on_commit_callbacks
):
    concern, found = three
    url = reverse("referrals:referral_create", args=[concern.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(teacher).post(url, {"services": [str(s.pk) for s in found]})
    assert response.status_code == 200
    assert "Sport bij fonds 3" in response.content.decode()
    assert "Er is nog niets verstuurd." in response.content.decode()
    assert not Referral.objects.exists()
    assert mail.outbox == []


def test_all_services_valid_makes_all_referrals(teacher, three):
    concern, found = three
    made = services.referrals_create(actor=teacher.user, concern=concern, service_ids=[s.pk for s in found[:2]])
    assert len(made) == Referral.objects.count() == 2


def test_the_form_says_which_organisation_does_not_use_kansrijk_yet(teacher):
    with_users = OrganisationFactory(name="Fonds met mensen", fund=True, municipality_codes=["GM1640"])
    MembershipFactory(organisation=with_users)
    without = OrganisationFactory(name="Fonds zonder mensen", fund=True, municipality_codes=["GM1640"])
    _service(with_users, "Sport A")
    _service(without, "Sport B")
    concern = ConcernFactory(organisation=teacher.organisation)
    page = client_for(teacher).get(reverse("referrals:referral_create", args=[concern.pk])).content.decode()
    line_a = next(line for line in page.splitlines() if "Sport A" in line)
    line_b = next(line for line in page.splitlines() if "Sport B" in line)
    assert NOT_ON_KANSRIJK not in line_a
    assert NOT_ON_KANSRIJK in line_b


def test_sent_anyway_the_organisation_gets_a_notice_without_personal_data(teacher, django_capture_on_commit_callbacks):
    without = OrganisationFactory(name="Fonds zonder mensen", fund=True, email="info@fonds.example")
    service = _service(without, "Sport B")
    concern = ConcernFactory(organisation=teacher.organisation, note="Sam wil voetballen.")
    ConsentFactory(concern=concern, organisations=[without])
    with django_capture_on_commit_callbacks(execute=True):
        services.referrals_create(actor=teacher.user, concern=concern, service_ids=[service.pk], note="Bel moeder.")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["info@fonds.example"]
    text = message.subject + message.body
    assert "Sport B" in text
    for personal in ("Sam", "voetballen", "moeder", teacher.user.email):
        assert personal not in text


def test_no_notice_mail_inside_a_rolled_back_transaction(teacher, django_capture_on_commit_callbacks):
    without = OrganisationFactory(name="Fonds zonder mensen", fund=True, email="info@fonds.example")
    service = _service(without, "Sport B")
    other = _service(OrganisationFactory(name="Fonds zonder toestemming", fund=True), "Sport C")
    concern = ConcernFactory(organisation=teacher.organisation)
    ConsentFactory(concern=concern, organisations=[without])
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(DomainError):
        services.referrals_create(actor=teacher.user, concern=concern, service_ids=[service.pk, other.pk])
    assert mail.outbox == []


def test_staff_see_organisations_with_waiting_referrals_and_no_users(teacher, staff_client):
    without = OrganisationFactory(name="Fonds zonder mensen", fund=True, email="info@fonds.example")
    service = _service(without, "Sport B")
    concern = ConcernFactory(organisation=teacher.organisation)
    ConsentFactory(concern=concern, organisations=[without])
    services.referrals_create(actor=teacher.user, concern=concern, service_ids=[service.pk])
    page = staff_client.get(reverse("referrals:waiting_without_users")).content.decode()
    assert "Fonds zonder mensen" in page and "info@fonds.example" in page
    assert teacher.organisation.name not in page


def test_the_staff_page_is_404_for_others(teacher):
    assert client_for(teacher).get(reverse("referrals:waiting_without_users")).status_code == 404


def test_staff_find_the_page_from_the_referrals_index(staff_client):
    page = staff_client.get(reverse("referrals:index")).content.decode()
    assert reverse("referrals:waiting_without_users") in page
