import pytest

from kansrijk.audit.models import AuditEvent
from kansrijk.conftest import login_with_two_factors, with_totp
from kansrijk.organisations.models import Organisation
from kansrijk.organisations.tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    staff = UserFactory(staff=True, is_superuser=True)
    with_totp(staff)
    login_with_two_factors(client, staff)
    return client, staff


def test_an_administrative_change_in_the_admin_is_audited(staff_client):
    client, staff = staff_client
    organisation = OrganisationFactory(name="Oude naam")
    response = client.post(
        f"/beheer/organisations/organisation/{organisation.pk}/change/",
        {
            "name": "Nieuwe naam",
            "kind": organisation.kind,
            "kvk_number": "",
            "description": "",
            "website": "",
            "email": "",
            "phone": "",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Organisation.objects.get(pk=organisation.pk).name == "Nieuwe naam"
    event = AuditEvent.objects.get(action="admin.change", object_id=str(organisation.pk))
    assert event.actor == staff


def test_a_deletion_in_the_admin_is_audited(staff_client):
    client, staff = staff_client
    organisation = OrganisationFactory()
    response = client.post(f"/beheer/organisations/organisation/{organisation.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Organisation.objects.filter(pk=organisation.pk).exists()
    assert AuditEvent.objects.filter(action="admin.delete", object_id=str(organisation.pk), actor=staff).exists()
