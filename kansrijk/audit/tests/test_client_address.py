"""Which address lands in the audit trail: X-Forwarded-For only counts when a trusted proxy sent it."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from kansrijk.audit.middleware import client_ip
from kansrijk.audit.models import AuditEvent

CASES = [
    # (trusted proxies, socket address, X-Forwarded-For, expected)
    ([], "198.51.100.4", "", "198.51.100.4"),
    ([], "198.51.100.4", "203.0.113.9", "198.51.100.4"),
    (["10.0.0.0/8"], "198.51.100.4", "203.0.113.9", "198.51.100.4"),
    (["10.0.0.1"], "10.0.0.1", "203.0.113.9", "203.0.113.9"),
    (["10.0.0.1"], "10.0.0.1", "6.6.6.6, 203.0.113.9", "203.0.113.9"),
    (["10.0.0.0/8"], "10.0.0.1", "6.6.6.6, 203.0.113.9, 10.0.0.7", "203.0.113.9"),
    (["10.0.0.0/8"], "10.0.0.1", "10.0.0.9, 10.0.0.7", "10.0.0.1"),
    (["10.0.0.1"], "10.0.0.1", "", "10.0.0.1"),
    (["10.0.0.1"], "10.0.0.1", "not-an-address", "10.0.0.1"),
    (["2001:db8::/32"], "2001:db8::1", "2001:DB8:0:0:0:0:0:2, 2001:0db9::5", "2001:db9::5"),
]


@pytest.mark.parametrize(("trusted", "remote", "forwarded", "expected"), CASES)
def test_the_client_address_is_believed_only_from_a_trusted_proxy(settings, trusted, remote, forwarded, expected):
    settings.TRUSTED_PROXIES = trusted
    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


def test_a_bad_trusted_proxies_setting_is_a_clear_error(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/33"]
    with pytest.raises(ImproperlyConfigured, match="TRUSTED_PROXIES"):
        client_ip(RequestFactory().get("/", REMOTE_ADDR="10.0.0.1"))


@pytest.mark.django_db
def test_a_forged_forwarded_header_does_not_reach_the_audit_row(client, settings):
    settings.TRUSTED_PROXIES = []
    client.post(
        "/accounts/login/",
        {"login": "nobody@example.org", "password": "wrong-password-123"},
        REMOTE_ADDR="198.51.100.4",
        HTTP_X_FORWARDED_FOR="203.0.113.66",
    )
    assert AuditEvent.objects.get(action="login.failed").client_address == "198.51.100.4"
