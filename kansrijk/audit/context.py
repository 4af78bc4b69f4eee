"""The request facts an audit row needs, available to services without a request."""

from __future__ import annotations

from contextvars import ContextVar

client_address: ContextVar[str | None] = ContextVar("audit_client_address", default=None)
