"""The OpenAPI schema tells the whole truth about errors (ADR 0013).

Every API answers errors in one format (`kansrijk.core.api.exception_handler`):
`{"detail": ..., "errors": [{"field": ..., "message": ...}]}`. drf-spectacular only
documents the status codes a view names itself, so a view that forgot its 404 was
documented as never answering one. `AutoSchema` adds the error answers each operation
can give, derived from the view, unless the view documents that code itself:

- 400 when the operation takes a request body or query parameters;
- 401 always: a wrong or revoked bearer token is refused on every operation;
- 403 when the operation needs a permission, or writes (CSRF for session logins);
- 404 when the path has parameters (unknown or someone else's object) or the view
  has a paginator (DRF answers 404 for a page past the end).

The contract test (`kansrijk/core/tests/test_api_contract.py`) holds the API to this.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular import openapi
from rest_framework import serializers
from rest_framework.permissions import AllowAny

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


class ErrorItemSerializer(serializers.Serializer[Any]):
    field = serializers.CharField(help_text="Input field the message is about, e.g. `children[0].age`; empty for all.")
    message = serializers.CharField(help_text="What is wrong, in words.")


class ErrorSerializer(serializers.Serializer[Any]):
    detail = serializers.CharField(help_text="Summary of the error.")
    errors = ErrorItemSerializer(  # type: ignore[assignment]  # a field, not Serializer.errors
        many=True, help_text="One entry per problem; empty when there is no field to name."
    )


class AutoSchema(openapi.AutoSchema):
    def _get_response_bodies(self, direction: Any = "response") -> dict[str, Any]:
        responses: dict[str, Any] = super()._get_response_bodies(direction)
        for code in self._error_codes():
            if code not in responses:
                responses[code] = self._get_response_for_code(  # type: ignore[no-untyped-call]
                    ErrorSerializer, code, direction=direction
                )
        return responses

    def _error_codes(self) -> list[str]:
        codes = ["401"]
        parameters = self._get_parameters()
        has_query = any(p.get("in") == "query" for p in parameters)
        if self._get_request_body() or has_query:  # type: ignore[no-untyped-call]
            codes.append("400")
        if self.method not in SAFE_METHODS or not self._allows_anyone():
            codes.append("403")
        if any(p.get("in") == "path" for p in parameters) or self._get_paginator() is not None:  # type: ignore[no-untyped-call]
            codes.append("404")
        return sorted(codes)

    def _allows_anyone(self) -> bool:
        return all(isinstance(p, AllowAny) for p in self.view.get_permissions())
