import pytest
from django.db import transaction

from kansrijk.audit.context import client_address
from kansrijk.audit.models import AuditEvent
from kansrijk.audit.services import record
from kansrijk.organisations.tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_record_names_who_what_which_object_result_when_and_where():
    user = UserFactory()
    organisation = OrganisationFactory()
    token = client_address.set("192.0.2.7")
    try:
        with transaction.atomic():
            event = record(actor=user, action="organisation.change", obj=organisation, result="success")
    finally:
        client_address.reset(token)
    event = AuditEvent.objects.get(pk=event.pk)
    assert event.actor == user
    assert event.actor_label == user.email
    assert event.action == "organisation.change"
    assert (event.object_type, event.object_id) == ("organisations.organisation", str(organisation.pk))
    assert event.result == "success"
    assert event.timestamp is not None
    assert event.client_address == "192.0.2.7"


def test_the_client_address_of_a_request_reaches_the_audit_row(client):
    client.post(
        "/accounts/login/",
        {"login": "nobody@example.org", "password": "wrong-password-123"},
        REMOTE_ADDR="198.51.100.4",
    )
    event = AuditEvent.objects.get(action="login.failed")
    assert event.client_address == "198.51.100.4"


@pytest.mark.parametrize("address", ["192.0.2.7", "2001:DB8:0:0::7", "::ffff:192.0.2.7"])
def test_the_chain_holds_for_every_spelling_of_a_client_address(address):
    from kansrijk.audit.verify import chain_verify

    token = client_address.set(address)
    try:
        with transaction.atomic():
            record(actor=UserFactory(), action="test.address", detail={"n": 1.5, "text": "é"})
    finally:
        client_address.reset(token)
    verdict = chain_verify()
    assert verdict.holds, verdict.reason
