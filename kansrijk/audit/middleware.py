from __future__ import annotations

import ipaddress
from collections.abc import Callable, Iterable
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponse

from kansrijk.audit.context import client_address

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def _networks(entries: tuple[str, ...]) -> tuple[Network, ...]:
    try:
        return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries)
    except ValueError as error:
        raise ImproperlyConfigured(
            f"TRUSTED_PROXIES: {error} (use addresses or CIDR ranges, comma-separated)."
        ) from error


def trusted_networks(entries: Iterable[str]) -> tuple[Network, ...]:
    return _networks(tuple(entries))


def _parse(value: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(value.strip())
    except ValueError:
        return None


def _is_trusted(address: ipaddress.IPv4Address | ipaddress.IPv6Address, networks: tuple[Network, ...]) -> bool:
    return any(address in network for network in networks)


def client_ip(request: HttpRequest) -> str | None:
    """The client's address: the socket address (REMOTE_ADDR), unless that is a proxy named in
    TRUSTED_PROXIES; then X-Forwarded-For is read from the right and the first address that is
    not a trusted proxy is the client. Anything left of it could have been made up by the client."""
    remote = _parse(request.META.get("REMOTE_ADDR", ""))
    networks = trusted_networks(settings.TRUSTED_PROXIES)
    if remote is None or not networks or not _is_trusted(remote, networks):
        return str(remote) if remote else None
    for entry in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
        address = _parse(entry)
        if address is None:
            return str(remote)
        if not _is_trusted(address, networks):
            return str(address)
    return str(remote)


class AuditContextMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        trusted_networks(settings.TRUSTED_PROXIES)  # a bad setting stops the start, not a request

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = client_address.set(client_ip(request))
        try:
            return self.get_response(request)
        finally:
            client_address.reset(token)
